"""A speaker named by a side and a head noun ("an SDF commander", "SNA sources") speaks for
that side: their "our forces" is that side's, and so is the claimant side of what they say
(invented sentences, not from any article)."""

from __future__ import annotations

import pytest
from claims_of import analysed, claims

from syriamap.extract.stance import claimant_side


@pytest.mark.parametrize(
    ("speaker", "side"),
    [
        ("An SDF spokesman", "sdf"),
        ("an SDF commander", "sdf"),
        ("SDF sources", "sdf"),
        ("An SNA commander", "opposition"),
        ("a Hezbollah commander", "foreign"),
        ("HTS media officials", "opposition"),
        # a speaker of no side keeps the monitors' and media's neutral
        ("sources", "neutral"),
        ("the Syrian Observatory", "neutral"),
    ],
)
def test_a_side_named_before_a_speaker_noun_is_the_speakers_side(speaker: str, side: str) -> None:
    assert claimant_side(speaker) == side


@pytest.mark.parametrize(
    ("text", "place", "actor"),
    [
        ('An SNA commander said: "Our forces have entered Manbij."', "Manbij", "sna"),
        ('"Our fighters have entered Deir ez-Zor," an SDF spokesman said.', "Deir ez-Zor", "sdf"),
    ],
)
def test_our_forces_are_the_side_of_a_speaker_named_by_its_side(
    text: str, place: str, actor: str
) -> None:
    assert (place, actor, "entered") in claims(text)


def test_the_claim_of_a_side_named_speaker_is_attributed_to_it() -> None:
    rows = [
        c.to_row()
        for c in analysed('An SDF spokesman said: "Our forces entered Raqqa."').candidates
    ]
    assert [(r["actor"], r["stance"], r["claimant_side"]) for r in rows] == [
        ("sdf", "attributed", "sdf")
    ]
