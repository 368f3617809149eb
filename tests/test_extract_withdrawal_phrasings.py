"""Withdrawals phrased with the object between verb and particle, and who took what was
left (invented sentences, not from any article)."""

from __future__ import annotations

import pytest
from claims_of import claims


@pytest.mark.parametrize(
    ("text", "place", "actor"),
    [
        ("The army pulled its troops back from Hama.", "Hama", "government"),
        ("Hezbollah drew its fighters out of Qusayr.", "Qusayr", "hezbollah"),
        ("The SDF moved its fighters back from Manbij on Monday.", "Manbij", "sdf"),
    ],
)
def test_a_force_pulled_back_from_a_place_withdrew(text: str, place: str, actor: str) -> None:
    assert (place, actor, "withdrew") in claims(text)


def test_moving_weapons_out_is_no_withdrawal() -> None:
    assert not [
        c for c in claims("Rebels moved their heavy weapons out of Idlib.") if c[2] == "withdrew"
    ]


@pytest.mark.parametrize(
    ("text", "place", "taker"),
    [
        (
            "The army withdrew from Deir ez-Zor, leaving it to Kurdish-led fighters.",
            "Deir ez-Zor",
            "sdf",
        ),
        (
            "Government forces left Daraa, leaving the city to local factions.",
            "Daraa",
            "southern_factions",
        ),
        (
            "The army withdrew from Deir ez-Zor, handing the city over to the SDF.",
            "Deir ez-Zor",
            "sdf",
        ),
    ],
)
def test_leaving_a_place_to_a_named_force_is_its_capture(text: str, place: str, taker: str) -> None:
    got = claims(text)
    assert (place, "government", "withdrew") in got
    assert (place, taker, "captured") in got


def test_leaving_a_place_to_its_fate_names_no_taker() -> None:
    got = claims("The army withdrew from Homs, leaving it to its fate.")
    assert {actor for _p, actor, _r in got} == {"government"}


def test_handing_control_of_a_place_to_another_force_is_no_hold() -> None:
    # "handed control of X to Y": the giver left X and Y took it; the words "control of"
    # inside the cue are no hold of the giver's
    got = claims("The SDF has handed control of Deir ez-Zor to HTS-led forces.")
    assert ("Deir ez-Zor", "sdf", "withdrew") in got
    assert ("Deir ez-Zor", "hts_coalition", "captured") in got
    assert ("Deir ez-Zor", "sdf", "controls") not in got


def test_occupying_the_syrian_side_of_a_mountain() -> None:
    got = claims("Israeli troops have occupied the Syrian side of Mount Hermon, the army said.")
    assert ("Mount Hermon", "israel", "captured") in got


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Rebels advanced from Hama to Rastan.", "Rastan"),
        ("Rebels pushed south from Hama towards Homs.", "Homs"),
    ],
)
def test_an_advance_from_one_place_to_another_nears_the_second(text: str, place: str) -> None:
    got = claims(text)
    assert (place, "opposition", "advancing") in got
    # where they came from is no claim of this cue
    assert not [c for c in got if c[0] == "Hama"]


def test_a_journey_of_no_force_is_no_advance() -> None:
    assert not claims("The convoy drove from Damascus to Beirut.")


def test_an_apposition_inside_a_list_does_not_end_it() -> None:
    got = claims("Rebels took Daraa, the cradle of the uprising, and the Nassib crossing.")
    assert {p for p, _a, r in got if r == "captured"} == {"Daraa", "Nassib crossing"}
    # a verb of its own after the apposition starts a new predicate
    got = claims("Rebels took Homs, a gateway to the capital, and attacked Hama.")
    assert ("Hama", "opposition", "captured") not in got


def test_the_taker_after_an_apposition_of_the_lost_place() -> None:
    got = claims("The army lost Daraa, the birthplace of the uprising, to local factions.")
    assert {("Daraa", "government", "lost"), ("Daraa", "southern_factions", "captured")} <= got


def test_heading_out_of_a_place_is_leaving_it() -> None:
    got = claims("Government troops were heading south out of Homs.")
    assert ("Homs", "government", "withdrew") in got
    # people who are no force leave nothing
    assert not claims("Refugees were streaming out of Homs.")


def test_fighters_toppling_a_statue_in_a_place_are_there() -> None:
    got = claims("Insurgents tore down a statue of Hafez al-Assad in Hama's main square.")
    assert ("Hama", "opposition", "entered") in got
    assert ("Homs", "opposition", "entered") in claims(
        "Opposition fighters took down posters of Assad in Homs."
    )
    # protesters are nobody's force
    assert not claims("Protesters tore down a statue of Assad in Sweida.")


def test_soldiers_seen_leaving_a_place_are_the_armys_by_default() -> None:
    got = claims("Soldiers were seen leaving Salamiyah on Friday.")
    assert ("Salamiyah", "government", "withdrew") in got
    # people who are no force are nobody's withdrawal
    assert not claims("Residents were seen fleeing Homs.")
    assert not claims("Civilians were seen leaving Homs.")


def test_no_soldiers_left_in_a_place_is_the_armys_withdrawal() -> None:
    assert ("Rastan", "government", "withdrew") in claims(
        "Residents said there were no soldiers left in Rastan."
    )
    assert ("Hama", "opposition", "withdrew") in claims("No rebel fighters remain in Hama.")
    assert not claims("There are no civilians left in Rastan.")


def test_a_force_that_has_troops_in_a_place_is_there() -> None:
    assert ("Homs", "government", "controls") in claims("The Syrian army still has troops in Homs.")
    assert ("Deir ez-Zor", "sdf", "entered") in claims("The SDF has fighters in Deir ez-Zor.")
    # supporters are no force; a past "had positions" is left alone
    assert not claims("The rebels have supporters in Hama.")
    assert not claims("The army had positions in Morek.")


def test_an_order_to_withdraw_is_no_withdrawal() -> None:
    assert not claims("Syrian troops have been ordered to withdraw from Homs.")
    assert not claims("Troops were told to leave Hama.")
