"""Captures phrased with a named enemy or a manner adjunct.

- "The SNA cleared X of PKK/YPG terrorists" (a slashed name before "terrorists"): X is the
  place the SNA took, not a container of the terrorists.
- "X and Y were taken with barely a shot fired", "X was taken with little resistance": a
  manner adjunct after an agentless passive; the taker is the sentence's or the previous
  sentence's actor. "taken with the help of drones" names no manner of an easy fall and
  stays unread.

All sentences are invented for this file.
"""

from __future__ import annotations

import pytest
from claims_of import claims as _claims


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("The SNA cleared Manbij of PKK/YPG terrorists.", "Manbij"),
        ("Syrian National Army clears Tal Rifat of PKK/YPG terrorists", "Tal Rifat"),
        ("The SNA said it had cleared Tal Rifaat of all PKK-YPG elements.", "Tal Rifaat"),
    ],
)
def test_cleared_of_a_slashed_enemy_name_is_a_capture(text: str, place: str) -> None:
    assert (place, "sna", "captured") in _claims(text)


@pytest.mark.parametrize(
    "adjunct", ["with barely a shot fired", "with little resistance", "with hardly any fighting"]
)
def test_an_agentless_capture_with_a_manner_adjunct(adjunct: str) -> None:
    claims = _claims(f"Rebels advanced on Homs. Rastan and Talbiseh were taken {adjunct}.")
    assert {("Rastan", "opposition", "captured"), ("Talbiseh", "opposition", "captured")} <= claims


def test_taken_with_an_instrument_is_no_agentless_capture() -> None:
    claims = _claims("Rebels advanced on Homs. Hama was taken with the help of drones.")
    assert ("Hama", "opposition", "captured") not in claims


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The army withdrew its units from Homs.", ("Homs", "government", "withdrew")),
        ("Hezbollah withdrew its fighters from Qusayr.", ("Qusayr", "hezbollah", "withdrew")),
        ("The SDF withdrew all of its forces from Raqqa.", ("Raqqa", "sdf", "withdrew")),
        ("The army pulled heavy weapons out of Hama.", ("Hama", "government", "withdrew")),
    ],
)
def test_a_withdrawal_with_its_object_before_from(text: str, expected: tuple) -> None:
    assert expected in _claims(text)


def test_a_withdrawal_from_talks_is_none() -> None:
    assert _claims("Rebels withdrew their delegation from the talks in Astana.") == set()


def test_an_inserted_bare_noun_phrase_does_not_cut_the_subject_from_its_verb() -> None:
    claims = _claims(
        "The coastal cities of Latakia and Tartus, heartland of Assad's Alawite minority, "
        "fall to rebels with little fighting."
    )
    assert {("Latakia", "opposition", "captured"), ("Tartus", "opposition", "captured")} <= claims


@pytest.mark.parametrize("since", ["since 2017", "since March 2017"])
def test_a_hold_since_a_year_lasts_in_the_present_perfect(since: str) -> None:
    assert ("Idlib", "hts_coalition", "controls") in _claims(f"HTS has held Idlib {since}.")


@pytest.mark.parametrize("since", ["since 2017", "since March 2017"])
def test_a_hold_since_a_year_in_the_past_perfect_is_history(since: str) -> None:
    text = f"Palmyra, known for its ruins, had been under the control of the regime {since}."
    assert _claims(text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The opposition now controls the entire administrative area of Idlib province.",
            ("Idlib", "opposition", "controls"),
        ),
        (
            "Salamiyah was handed over to rebels without fighting.",
            ("Salamiyah", "opposition", "captured"),
        ),
        ("Jaish al-Islam fighters returned to Douma.", ("Douma", "opposition", "entered")),
        ("HTS appointed a new governor for Aleppo.", ("Aleppo", "hts_coalition", "controls")),
        (
            'The SNA had "cleansed" Manbij city centre of PKK/YPG terrorists.',
            ("Manbij", "sna", "captured"),
        ),
        (
            "Takfiri terrorists backed by the US and the Zionist regime have occupied parts "
            "of Aleppo.",
            ("Aleppo", "opposition", "captured"),
        ),
    ],
)
def test_more_phrasings_of_real_reporting(text: str, expected: tuple) -> None:
    assert expected in _claims(text)


def test_territory_that_includes_its_examples() -> None:
    claims = _claims(
        "HTS has controlled a swathe of territory that includes Idlib, Aleppo and Hama."
    )
    for place in ("Idlib", "Aleppo", "Hama"):
        assert (place, "hts_coalition", "controls") in claims


@pytest.mark.parametrize(
    "text",
    [
        "Displaced families returned to Douma.",  # people returning name no side
        "Calm returned to Hama.",
        "Rebels backed by Turkey and the SDF clashed in Manbij.",  # no patron pair
    ],
)
def test_returns_and_fights_that_name_no_mover(text: str) -> None:
    assert not {c for c in _claims(text) if c[2] in ("entered", "captured")}


def test_an_actor_inside_an_apposition_relative_is_not_the_subject() -> None:
    text = (
        "The Eighth Brigade, a former rebel unit that had been absorbed into Russian-backed "
        "army structures, moved into Busra al-Sham, a local activist said."
    )
    assert not {c for c in _claims(text) if c[1] == "government"}


def test_holding_out_in_a_place_is_a_hold() -> None:
    assert ("Mhardeh", "government", "controls") in _claims("The army held out in Mhardeh.")
    assert _claims("Residents held out hope in Hama.") == set()


@pytest.mark.parametrize(
    "text",
    [
        "Analysts say the loss of the city would cut Damascus off from the coast.",
        "Rebels said the capture of Hama would open the road to Homs.",
        "Diplomats warned that the fall of Homs could isolate the coast.",
    ],
)
def test_a_reported_hypothesis_about_a_nominal_change_claims_nothing(text: str) -> None:
    assert _claims(text) == set()


def test_a_reported_nominal_change_in_the_past_is_still_claimed() -> None:
    assert ("Homs", "government", "lost") in _claims(
        "Analysts say the fall of Homs cut Damascus off."
    )


def test_an_agentless_capture_after_a_sentence_about_the_army_names_no_taker() -> None:
    claims = _claims(
        "The army withdrew from Hama. Rastan and Talbiseh were taken with barely a shot fired."
    )
    assert not {c for c in claims if c[2] == "captured"}


def test_an_agentless_retaking_after_a_sentence_about_the_army_is_the_armys() -> None:
    claims = _claims("The army advanced on Saraqib. The town was recaptured on Monday.")
    assert {c[1] for c in claims if c[2] == "captured"} == {"government"}


@pytest.mark.parametrize(
    "text",
    [
        "Druze fighters took control of the governor's office in Suwayda.",
        "Druze fighters took control of the governor's office, police headquarters and the "
        "military intelligence branch in Suwayda.",
        "Druze fighters have taken over the police station in Suwayda.",
    ],
)
def test_taking_control_of_a_towns_offices_is_a_capture_at_the_town(text: str) -> None:
    assert ("Suwayda", "druze_factions", "captured") in _claims(text)


@pytest.mark.parametrize(
    "text",
    [
        "Rebels took control of the road to the office in Daraa.",
        "Rebels seized the headquarters of the 4th Division in Damascus.",
    ],
)
def test_offices_after_another_object_or_of_a_unit_are_not_read(text: str) -> None:
    assert not {c for c in _claims(text) if c[2] == "captured"}


@pytest.mark.parametrize("part", ["the Syrian side of", "the summit of", "the peak of"])
def test_taking_a_part_of_a_mountain_is_its_capture(part: str) -> None:
    assert ("Mount Hermon", "israel", "captured") in _claims(
        f"Israeli troops took {part} Mount Hermon."
    )


def test_taking_the_side_of_a_party_is_no_capture() -> None:
    assert not _claims("The army took the side of the rebels in Hama.")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Kurdish-led forces crossed the Euphrates into Raqqa.", ("Raqqa", "sdf", "entered")),
        (
            "Israeli tanks crossed the demarcation line into Quneitra.",
            ("Quneitra", "israel", "entered"),
        ),
    ],
)
def test_crossing_a_river_or_a_line_into_a_place_is_an_entry(text: str, want: tuple) -> None:
    assert want in _claims(text)


def test_crossing_the_border_into_another_country_is_no_claim() -> None:
    assert not _claims("Soldiers crossed the border into Iraq.")


@pytest.mark.parametrize(
    "text",
    [
        "After completing control over Hama, the opposition advanced towards Homs.",
        "Rebels completed the capture of Hama on Thursday.",
    ],
)
def test_completing_control_is_a_capture(text: str) -> None:
    claims = _claims(text)
    assert ("Hama", "opposition", "captured") in claims
    assert ("Hama", "opposition", "controls") not in claims


def test_a_manner_adjunct_with_without_ends_at_the_conjunction() -> None:
    text = "Fighters entered Hama without resistance and captured Salamiyah."
    assert ("Salamiyah", "opposition", "captured") in _claims(text)
    # the negation itself still holds
    assert not _claims("Fighters withdrew without taking Salamiyah.") & {
        ("Salamiyah", "opposition", "captured")
    }


def test_towns_freed_without_an_agent_are_taken_by_the_sentence_before() -> None:
    claims = _claims("Rebels advanced on Homs. Rastan and Talbiseh were freed without a fight.")
    assert {("Rastan", "opposition", "captured"), ("Talbiseh", "opposition", "captured")} <= claims
    # people freed are no place taken
    claims = _claims("Rebels advanced on Homs. Hundreds of detainees were freed on Sunday.")
    assert not any(r == "captured" for _p, _a, r in claims)


def test_people_freed_in_a_town_are_no_capture_of_it() -> None:
    claims = _claims(
        "Rebels advanced on Homs. Detainees held by the security branch in Rastan were freed "
        "on Sunday."
    )
    assert not any(p == "Rastan" and r == "captured" for p, _a, r in claims)
