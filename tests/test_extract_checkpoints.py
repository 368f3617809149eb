"""Checkpoints: a force that sets up or mans checkpoints in a place, or at its entrances,
holds it; one that abandons them there left it (invented sentences, not from any article)."""

from __future__ import annotations

import pytest
from claims_of import claims


@pytest.mark.parametrize(
    ("text", "place", "actor"),
    [
        ("HTS fighters now man checkpoints in Jableh.", "Jableh", "hts_coalition"),
        ("Residents said SNA fighters had set up checkpoints in Manbij.", "Manbij", "sna"),
        ("Rebel fighters set up checkpoints at the entrances of Homs.", "Homs", "opposition"),
        (
            "HTS fighters set up checkpoints at the main entrance to Tartus.",
            "Tartus",
            "hts_coalition",
        ),
    ],
)
def test_a_force_guarding_checkpoints_in_a_place_controls_it(
    text: str, place: str, actor: str
) -> None:
    got = claims(text)
    assert (place, actor, "controls") in got
    assert (place, actor, "entered") not in got


def test_checkpoints_around_a_place_are_no_hold_of_it() -> None:
    assert not claims("Rebels set up checkpoints around Homs.")


def test_soldiers_abandoning_checkpoints_at_a_town_withdrew() -> None:
    assert ("Kanaker", "government", "withdrew") in claims(
        "Regime soldiers abandoned their checkpoints around Kanaker on Saturday."
    )
