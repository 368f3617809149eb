"""Groups named by a people's adjective, and groups no default may take for the army.

- "Druze groups", "Druze armed factions": the Druze factions of Suwayda; "Kurdish groups",
  "Kurdish security forces": the SDF (not "Kurdish civilians"; "the Kurdish-led Syrian
  Democratic Forces" stays the alias it is).
- A withdrawal or departure whose subject is armed men of no named side ("local groups",
  "Arab tribal groups", "tribal gunmen") gives no claim: a rule's default actor (the
  government) is for the army's own nouns ("troops withdrew"), never for such men.

All sentences are invented for this file.
"""

from __future__ import annotations

import pytest
from claims_of import analysed
from claims_of import claims as _claims


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Druze groups took over Suwayda on Friday.", ("Suwayda", "druze_factions", "captured")),
        (
            "Druze armed factions entered Shahba overnight.",
            ("Shahba", "druze_factions", "entered"),
        ),
        ("Kurdish groups withdrew from Tal Rifaat.", ("Tal Rifaat", "sdf", "withdrew")),
        ("Kurdish security forces took over Hasakah.", ("Hasakah", "sdf", "captured")),
    ],
)
def test_a_peoples_adjective_names_its_armed_groups(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in _claims(text)


def test_kurdish_civilians_are_no_armed_group() -> None:
    assert _claims("Kurdish civilians fled Tal Rifaat on Sunday.") == set()


@pytest.mark.parametrize(
    "text",
    [
        "Local groups withdrew from Hama.",
        "Arab tribal groups withdrew from Deir ez-Zor.",
        "Tribal gunmen pulled out of Mayadin on Tuesday.",
        "Residents left Homs overnight.",
    ],
)
def test_armed_men_of_no_named_side_are_never_the_army_by_default(text: str) -> None:
    assert not {c for c in _claims(text) if c[1] == "government"}


def test_the_armys_own_nouns_still_take_the_default() -> None:
    assert ("Hama", "government", "withdrew") in _claims("Troops withdrew from Hama.")


def test_kurdish_formations_backed_by_a_patron_are_the_sdf() -> None:
    claims = _claims("Kurdish formations backed by the United States moved into Deir ez-Zor.")
    assert ("Deir ez-Zor", "sdf", "entered") in claims


def test_the_united_states_is_no_attribution_verb() -> None:
    a = analysed(
        "SDF fighters backed by the United States moved into Deir ez-Zor.",
    )
    assert {c.to_row()["stance"] for c in a.candidates} == {"asserted"}


def test_the_city_is_the_place_the_sentence_calls_a_city() -> None:
    claims = _claims(
        "The regime abandoned Dayr al-Zawr city and al-Bukamal on Friday, and the SDF moved "
        "into the city."
    )
    entered = {c for c in claims if c[2] == "entered"}
    assert entered and all(c[1] == "sdf" for c in entered)
    a = analysed(
        "The regime abandoned Dayr al-Zawr city and al-Bukamal on Friday, and the SDF "
        "moved into the city.",
    )
    ids = {c.to_row()["place_id"] for c in a.candidates if c.to_row()["relation"] == "entered"}
    assert ids == {"wof:421202167"}  # Deir ez-Zor, not Albu Kamal


def test_who_after_a_sideless_plural_is_no_side() -> None:
    # the antecedent of "who" is "the soldiers and officers", not the main clause's factions
    text = (
        "The factions called on the soldiers and officers who remain in Daraa province to "
        "hand over their weapons."
    )
    assert _claims(text) == set()


def test_who_after_a_named_side_is_that_side() -> None:
    assert ("Hama", "opposition", "controls") in _claims("Rebels who remain in Hama were shelled.")
