"""A named force in a place is there; adjectives and quotation marks that are no cue.

- "SNA militiamen in X", "Israeli troops inside X": the force the cue names is present
  (``entered``). The force must be named inside the phrase, by a name or an adjective
  ("rebel fighters"); "the fighters in X" names nobody, and a force that is the object of a
  fight or a strike ("clashing with regime forces in X", "killed by rebels in X") is no
  claim of its own.
- "X and surrounding areas", "the surrounding villages": an adjective, no encirclement.
- The "liberation" of X, in quotation marks, is still the capture of X.

All sentences are invented for this file.
"""

from __future__ import annotations

import pytest
from claims_of import claims as _claims


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SNA militiamen in Manbij were looting shops on Tuesday.", ("Manbij", "sna", "entered")),
        (
            "A video shows Syrian National Army fighters in Manbij beating a captive.",
            ("Manbij", "sna", "entered"),
        ),
        (
            "Israeli troops inside Quneitra set up roadblocks, residents said.",
            ("Quneitra", "israel", "entered"),
        ),
        ("Rebel fighters in Jableh guarded the hospital.", ("Jableh", "opposition", "entered")),
        (
            "HTS gunmen now in Latakia manned the port gates.",
            ("Latakia", "hts_coalition", "entered"),
        ),
    ],
)
def test_a_named_force_in_a_place_is_there(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in _claims(text)


@pytest.mark.parametrize(
    "text",
    [
        # no name: nobody's presence
        "The fighters in Manbij were looting shops on Tuesday.",
        "Gunmen in Jableh guarded the hospital.",
        # the object of a fight or a strike
        "The groups clashing with regime forces in Hama held their ground.",
        "Dozens were killed by rebel fighters in Sanamayn.",
        "Airstrikes hit SDF units in Kobani.",
    ],
)
def test_an_unnamed_force_or_the_object_of_a_fight_is_no_presence_claim(text: str) -> None:
    assert not {c for c in _claims(text) if c[2] == "entered"}


def test_a_named_force_in_a_place_is_presence_not_control() -> None:
    # the army in a city is there; whether it holds the city is for other sentences to say
    claims = _claims("Government troops in Hama dug trenches on Wednesday.")
    assert ("Hama", "government", "entered") in claims
    assert not {c for c in claims if c[2] == "controls"}


@pytest.mark.parametrize(
    "text",
    [
        "Rebels announced the capture of Daraa city and surrounding areas, including Izraa.",
        "Rebels took Hama and the surrounding villages, such as Qamhana.",
        "The army shelled Saraqib and its surrounding countryside.",
    ],
)
def test_surrounding_as_an_adjective_is_no_encirclement(text: str) -> None:
    assert not {c for c in _claims(text) if c[2] == "encircled"}


@pytest.mark.parametrize(
    "text",
    [
        "Rebels are surrounding Hama from three sides.",
        "Turkish-backed fighters were surrounding Tal Rifaat on Sunday.",
    ],
)
def test_surrounding_as_a_verb_is_still_encirclement(text: str) -> None:
    assert {c for c in _claims(text) if c[2] == "encircled"}


@pytest.mark.parametrize("quote", ['"liberation"', "\u201cliberation\u201d", "'liberation'"])
def test_a_quoted_capture_noun_is_still_a_capture(quote: str) -> None:
    text = f"Rebels announced the {quote} of Hama military airport."
    assert ("Hama military airport", "opposition", "captured") in _claims(text)


@pytest.mark.parametrize(
    "text",
    [
        "Fighters loyal to the new authorities now man checkpoints in Jableh.",
        "HTS fighters staff checkpoints across Jableh.",
    ],
)
def test_a_named_force_manning_checkpoints_in_a_place_holds_it(text: str) -> None:
    assert ("Jableh", "hts_coalition", "controls") in _claims(text)


def test_troops_deployed_in_and_around_a_place_are_there() -> None:
    claims = _claims("Israeli troops were deployed in and around the town of Quneitra.")
    assert ("Quneitra", "israel", "entered") in claims
