"""Claims about governorates, countrysides and regions, on invented sentences.

data/ANNOTATION.md §3: a claim that names only a governorate ("Daraa province", "the
Damascus countryside", "eastern rural Aleppo") goes to the governorate record with
``place_precision=region``.
"""

from __future__ import annotations

import warnings

import pytest

from syriamap.extract import extract

PUB = "2024-12-07"  # a Saturday

ALEPPO_GOV = "wof:85678359"
HAMA_GOV = "wof:85678363"
IDLIB_GOV = "wof:85678373"
TARTUS_GOV = "wof:85678349"
RIF_DIMASHQ = "wof:85678391"
DAMASCUS_GOV = "wof:85678403"
ALEPPO_CITY = "wof:421202163"


def _found(text: str) -> list:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return extract(text, published=PUB)


def _claims(text: str) -> set[tuple[str, str, str, str]]:
    return {(a.place_id, a.actor, str(a.relation), str(a.place_precision)) for a in _found(text)}


# ---- which place: the governorate, not the city of the same name -------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("The SDF has seized wide areas of western rural Aleppo.", ALEPPO_GOV),
        ("Insurgents captured villages in Hama's southern countryside.", HAMA_GOV),
        ("Insurgents captured villages in Hama\u2019s countryside.", HAMA_GOV),
        ("The army pulled back from the Tartus mountains towards the city.", TARTUS_GOV),
        ("Rebels captured several villages in rural Damascus.", RIF_DIMASHQ),
        ("Rebels captured several farms in Damascus's eastern countryside.", RIF_DIMASHQ),
    ],
)
def test_countryside_wording_names_the_governorate(text: str, place: str) -> None:
    got = _claims(text)
    assert {p for p, *_ in got} == {place}
    assert all(prec == "region" for *_, prec in got)


def test_coordinated_governorates_before_one_kind_word() -> None:
    got = _claims("HTS fighters captured hamlets on the Idlib and Hama fronts.")
    assert {p for p, *_ in got} == {IDLIB_GOV, HAMA_GOV}


def test_a_bare_name_is_still_the_city() -> None:
    got = _claims("Rebels captured Aleppo on Friday.")
    assert {p for p, *_ in got} == {ALEPPO_CITY}
    assert _claims("Rebels captured parts of Damascus province.") == {
        (DAMASCUS_GOV, "opposition", "captured", "region")
    }


def test_a_governorate_with_an_area_object_is_region_not_near() -> None:
    got = _claims("Rebels captured several villages in Idlib province.")
    assert got == {(IDLIB_GOV, "opposition", "captured", "region")}


# ---- an unnamed part of a governorate: "wide areas of", "about 15 sites in" ---------------


@pytest.mark.parametrize(
    ("text", "place", "actor"),
    [
        (
            "Insurgents took control of about 15 sites, ranging from hamlets and military "
            "points, in the southern Idlib countryside.",
            IDLIB_GOV,
            "opposition",
        ),
        ("HTS fighters have seized wide areas in Hama governorate.", HAMA_GOV, "hts_coalition"),
        ("Rebels seized the two main gas fields in Hama province.", HAMA_GOV, "opposition"),
    ],
)
def test_areas_in_a_governorate_are_a_claim_on_it(text: str, place: str, actor: str) -> None:
    assert _claims(text) == {(place, actor, "captured", "region")}


def test_areas_of_several_governorates() -> None:
    got = _claims(
        "HTS said it had taken big swathes of the rural areas of the provinces of "
        "Raqqa, Hama and Idlib."
    )
    assert {p for p, *_ in got} >= {HAMA_GOV, IDLIB_GOV}
    assert all(rel == "captured" and prec == "region" for _p, _a, rel, prec in got)


def test_a_named_town_in_a_governorate_stays_the_town() -> None:
    got = _claims("Rebels captured Kafr Nabl in southern Idlib province.")
    assert {p for p, *_ in got} == {"wof:890449847"}


def test_clashes_between_two_sides_are_the_challengers() -> None:
    got = _claims(
        "Clashes broke out in the eastern part of Hama province between the forces of the "
        "regime and armed groups."
    )
    assert got == {(HAMA_GOV, "opposition", "contested", "region")}
    # two sides of which neither is the government: both fight over the place
    got = {
        (a, r)
        for _p, a, r, _x in _claims("Clashes broke out in Manbij between the SDF and the SNA.")
    }
    assert got == {("sdf", "contested"), ("sna", "contested")}


@pytest.mark.parametrize(
    "text",
    [
        "Residents of Aleppo province fled to the north.",
        "In Idlib province, aid workers said hospitals were full.",
        "Airstrikes hit several villages in the southern Idlib countryside.",
        "At least 40 civilians were killed in Hama province this week.",
        "Aid reached several villages in Hama province.",
    ],
)
def test_a_governorate_as_the_setting_of_no_control_event(text: str) -> None:
    assert _claims(text) == set()


# ---- offensives, redeployments and sieges across a governorate ----------------------------


def test_an_offensive_against_forces_in_a_governorate() -> None:
    got = _claims(
        "The SNA began an offensive on Sunday against both government and Kurdish forces "
        "in Hama province, the monitor said."
    )
    assert got == {(HAMA_GOV, "sna", "contested", "region")}


def test_a_redeployment_along_fronts_is_a_withdrawal() -> None:
    got = _claims("The army announced a tactical redeployment along the Hama and Idlib fronts.")
    assert got == {
        (HAMA_GOV, "government", "withdrew", "region"),
        (IDLIB_GOV, "government", "withdrew", "region"),
    }


def test_people_in_part_of_a_governorate_besieged() -> None:
    got = _claims(
        "The monitor said 150,000 Kurds in northern Aleppo province were besieged by "
        "pro-Turkish factions."
    )
    assert got == {(ALEPPO_GOV, "sna", "encircled", "region")}


def test_a_list_ending_in_areas_of_governorates() -> None:
    got = _claims(
        "HTS said it took over Aleppo city, Hama city, and big swathes of the rural areas "
        "of the governorates of Idlib and Hama."
    )
    assert {(p, prec) for p, _a, _r, prec in got} >= {
        (ALEPPO_CITY, "place"),
        (IDLIB_GOV, "region"),
        (HAMA_GOV, "region"),
    }


def test_groups_opposing_the_regime_are_its_opponents() -> None:
    got = _claims(
        "The groups opposing Bashar al-Assad's regime took several strategically important "
        "villages in Hama province."
    )
    assert got == {(HAMA_GOV, "opposition", "captured", "region")}


# ---- anaphora: "the province", "the surrounding countryside", "its countryside" ----------

RAQQA_GOV = "wof:85678355"
RAQQA_CITY = "wof:421172833"


def test_the_province_is_the_province_of_the_place_named_before() -> None:
    got = _claims(
        "Rebels entered the city of Raqqa on Friday. Rebels also seized the two main "
        "oilfields in the province, activists said."
    )
    assert (RAQQA_GOV, "opposition", "captured", "region") in got


def test_the_province_after_a_landmark_only_is_nothing() -> None:
    got = _claims(
        "The convoy stopped 40 km from Raqqa. Rebels also seized two oilfields in the province."
    )
    assert not any(p == RAQQA_GOV for p, *_ in got)


def test_a_city_and_its_surrounding_countryside() -> None:
    got = _claims("Regime troops pulled out of the city of Raqqa and the surrounding countryside.")
    assert got == {
        (RAQQA_CITY, "government", "withdrew", "place"),
        (RAQQA_GOV, "government", "withdrew", "region"),
    }


def test_a_place_along_with_its_countryside() -> None:
    got = _claims(
        "A rebel spokesman said Raqqa along with its northern and southern countryside is "
        "now under their control."
    )
    assert (RAQQA_GOV, "opposition", "controls", "region") in got


def test_its_countryside_without_a_control_cue() -> None:
    assert not _claims("Aid convoys reached Raqqa and its eastern countryside on Monday.")


# ---- a claim on part of an area says so (syriamap.assertions.PARTIAL_AREA_NOTE) -----------


def test_a_claim_on_part_of_a_governorate_is_marked_partial() -> None:
    from syriamap.assertions import PARTIAL_AREA_NOTE

    (part,) = _found("Rebels captured several villages in Hama province.")
    (whole,) = _found("Rebels captured Hama province.")
    assert PARTIAL_AREA_NOTE in part.note and PARTIAL_AREA_NOTE not in whole.note
    assert part.confidence < whole.confidence
    (hills,) = _found("The army withdrew from the Tartus mountains.")
    assert PARTIAL_AREA_NOTE in hills.note
    (town,) = _found("Rebels captured several villages near Morek.")
    assert PARTIAL_AREA_NOTE not in town.note  # the surroundings of a town: "near"


def test_damascus_and_its_countryside_is_rif_dimashq() -> None:
    got = _claims("Regime troops pulled out of Damascus and its countryside, the monitor said.")
    assert (RIF_DIMASHQ, "government", "withdrew", "region") in got
    assert not any(p == DAMASCUS_GOV for p, *_ in got)


def test_a_town_coordinated_with_a_countryside_stays_a_town() -> None:
    got = _claims("Rebels seized Morek and Hama countryside.")
    assert got == {
        ("wof:1310188781", "opposition", "captured", "place"),
        (HAMA_GOV, "opposition", "captured", "region"),
    }


def test_the_countryside_of_a_governorate() -> None:
    got = _claims('State media said the army had "repelled" attacks in the countryside of Homs.')
    assert got == {(HOMS_GOV, "opposition", "contested", "region")}
    (villages,) = _found("Rebels seized villages in the countryside of Damascus.")
    assert villages.place_id == RIF_DIMASHQ
    got = _claims("IS fighters also control swathes of the western countryside of Hama province.")
    assert got == {(HAMA_GOV, "isis", "controls", "region")}


HOMS_GOV = "wof:85678367"


def test_losses_inflicted_in_a_governorate_are_fighting_there() -> None:
    got = _claims("The rebels inflicted heavy losses on regime troops in the Hama countryside.")
    assert got == {(HAMA_GOV, "opposition", "contested", "region")}
    # no actor named as the one inflicting them: nothing
    assert not _claims("Airstrikes inflicted heavy losses on civilians in Idlib province.")


def test_fronts_and_mountains_are_part_of_a_governorate() -> None:
    from syriamap.assertions import PARTIAL_AREA_NOTE

    found = _found("The army announced a tactical redeployment along the Hama and Idlib fronts.")
    assert len(found) == 2 and all(PARTIAL_AREA_NOTE in a.note for a in found)
    (front,) = _found("The army withdrew from the Hama front.")
    assert front.place_id == HAMA_GOV and PARTIAL_AREA_NOTE in front.note


def test_gains_in_a_governorate_are_ground_taken_in_part_of_it() -> None:
    got = _claims("The rebel alliance has also made gains in Hama and Idlib provinces.")
    assert got == {
        (HAMA_GOV, "opposition", "captured", "region"),
        (IDLIB_GOV, "opposition", "captured", "region"),
    }
    # in a city, gains are progress, not a capture
    assert _claims("Rebels made gains in Aleppo city.") == {
        (ALEPPO_CITY, "opposition", "advancing", "near")
    }
