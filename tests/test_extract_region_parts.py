"""Claims about parts of governorates and cities, on invented sentences.

data/ANNOTATION.md §3: "several villages in western X", "rural areas west of X", "the
countryside around X and Y" name only (part of) a governorate: the claim goes to the
governorate with ``place_precision=region`` and says it is about part of the area only
(:data:`syriamap.assertions.PARTIAL_AREA_NOTE`), so that fusion reads presence or fighting,
never a hold of the whole governorate.
"""

from __future__ import annotations

import warnings

import pytest

from syriamap.assertions import PARTIAL_AREA_NOTE
from syriamap.extract import extract

PUB = "2024-12-07"  # a Saturday

ALEPPO_GOV = "wof:85678359"
HAMA_GOV = "wof:85678363"
HOMS_GOV = "wof:85678367"
IDLIB_GOV = "wof:85678373"
ALEPPO_CITY = "wof:421202163"
HAMA_CITY = "wof:421202161"
DAMASCUS_CITY = "wof:421202165"


def _found(text: str) -> list:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return extract(text, published=PUB)


def _claims(text: str) -> set[tuple[str, str, str, str]]:
    return {(a.place_id, a.actor, str(a.relation), str(a.place_precision)) for a in _found(text)}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Islamist fighters seized several villages in western Idlib, activists said.", IDLIB_GOV),
        ("The rebels captured a string of hamlets in northern Hama on Friday.", HAMA_GOV),
        (
            "Rebels seized several settlements in the strategically important Homs province.",
            HOMS_GOV,
        ),
        (
            "Insurgents took villages in the vital province of Homs, a gateway to the capital.",
            HOMS_GOV,
        ),
        ("The army clashed with rebels in the countryside around Hama.", HAMA_GOV),
        ("The army clashed with rebels in rural areas west of Aleppo.", ALEPPO_GOV),
    ],
)
def test_a_part_of_a_governorate_is_a_partial_region_claim(text: str, place: str) -> None:
    found = _found(text)
    assert {a.place_id for a in found} == {place}
    assert all(str(a.place_precision) == "region" for a in found)
    assert all(PARTIAL_AREA_NOTE in a.note for a in found)


def test_the_countryside_around_two_names_gives_both_governorates() -> None:
    got = _claims("The army clashed with militants in the countryside around Idlib and Hama.")
    assert {p for p, *_ in got} == {IDLIB_GOV, HAMA_GOV}


def test_provinces_capitalised_after_a_coordination() -> None:
    got = _claims("HTS said it had seized a number of villages in Hama and Idlib Provinces.")
    assert {p for p, *_ in got} == {HAMA_GOV, IDLIB_GOV}


@pytest.mark.parametrize(
    "text",
    [
        "Rebels attacked eastern Aleppo city.",  # the city's own part
        "Rebels entered the eastern neighbourhoods of Aleppo.",
        "Rebels entered central Hama on Friday.",  # the city centre is the city
    ],
)
def test_a_part_of_a_city_stays_the_city(text: str) -> None:
    assert all(a.place_id in (ALEPPO_CITY, HAMA_CITY) for a in _found(text))


def test_southern_damascus_stays_the_city() -> None:
    # Damascus governorate is the city itself: its parts are the city's
    assert {a.place_id for a in _found("Rebels fought troops in southern Damascus.")} <= {
        DAMASCUS_CITY
    }
    assert all(
        str(a.place_precision) != "region"
        for a in _found("Rebels entered villages in northern Rastan.")
    )


def test_a_landmark_after_a_direction_is_no_target() -> None:
    # "Tel Rifaat in northern Aleppo": Aleppo locates the town, no claim on it
    got = _claims("Rebels seized Tel Rifaat in northern Aleppo.")
    assert {p for p, *_ in got} == {"wof:890449827"}


def test_an_apposition_pointing_elsewhere_is_no_list_item() -> None:
    got = _claims("Rebels captured the province of Homs, a gateway to the capital.")
    assert DAMASCUS_CITY not in {p for p, *_ in got}
    got = _claims("Rebels took Hama, the road to Damascus, on Thursday.")
    assert DAMASCUS_CITY not in {p for p, *_ in got}
    # a kind phrase in a list is an item
    got = _claims("Rebels captured Hama, the town of Rastan and the city of Homs.")
    assert len(got) == 3


def test_a_whole_governorate_is_not_partial() -> None:
    (whole,) = _found("Rebels took control of Hama province.")
    assert PARTIAL_AREA_NOTE not in whole.note


# ---- the centre of a city is the city (data/ANNOTATION.md §3) -----------------------------

HOMS_CITY = "wof:421168647"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("On Friday, the rebels took the city centre of Hama.", HAMA_CITY),
        ("Rebels captured the centre of the city of Homs.", HOMS_CITY),
        ("Government forces withdrew from the center of Hama city.", HAMA_CITY),
        ("In Hama, rebels took control of the provincial center on Saturday.", HAMA_CITY),
        (
            "Rebels launched an operation in Homs province. They recaptured the city center "
            "from the army on Friday.",
            HOMS_CITY,
        ),
    ],
)
def test_the_centre_of_a_city_is_the_city(text: str, place: str) -> None:
    got = {a.place_id for a in _found(text) if str(a.relation) in ("captured", "withdrew")}
    assert got == {place}


def test_the_city_centre_without_a_province_or_city_before_is_nothing() -> None:
    assert not _found("Rebels recaptured the city center from the army on Friday.")


DARAA_CITY = "wof:421197257"
TARTUS_CITY = "wof:890449825"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # "the city centre of" (4 words) would overrun a 3-word cue gap ("fled from")
        ("Government troops fled from the city centre of Homs.", HOMS_CITY),
        ("Regime soldiers fled from the town center of Daraa.", DARAA_CITY),
        ("Pro-government fighters fled the city centre of Tartus.", TARTUS_CITY),
        # "the heart of the city centre of" (7 words) would overrun a 4-word gap
        ("Regime forces withdrew from the heart of the city centre of Homs.", HOMS_CITY),
        ("Army units pulled out of the heart of the city centre of Hama.", HAMA_CITY),
    ],
)
def test_the_centre_of_words_do_not_count_against_the_cue_gap(text: str, place: str) -> None:
    got = {(a.place_id, a.actor, str(a.relation)) for a in _found(text)}
    assert got == {(place, "government", "withdrew")}


@pytest.mark.parametrize(
    "text",
    [
        "Government troops fled from a detention centre of the intelligence service in Homs.",
        "Government troops fled from the centre of the country towards Homs.",
        "Government troops fled from a rehabilitation centre near Homs.",
        "Government troops fled from the city centre, far from Homs.",
    ],
)
def test_a_centre_that_is_not_the_named_city_is_no_target(text: str) -> None:
    assert not _found(text)


# ---- the taker and the companions who left, at the governorate -----------------------------

RAQQA_GOV = "wof:85678355"


def test_towns_in_a_governorate_after_the_withdrawal_of_two_forces() -> None:
    got = _claims(
        "The SDF took control last week of several important towns in Raqqa Governorate "
        "after the withdrawal of Syrian regime forces and Iran-backed militias."
    )
    assert got == {
        (RAQQA_GOV, "sdf", "captured", "region"),
        (RAQQA_GOV, "government", "withdrew", "region"),
        (RAQQA_GOV, "iran", "withdrew", "region"),
    }
    assert all(
        PARTIAL_AREA_NOTE in a.note
        for a in _found("The SDF seized several towns in Raqqa Governorate on Friday.")
    )


@pytest.mark.parametrize(
    "text",
    [
        "Rebels took Hama after the withdrawal of government troops and Hezbollah fighters.",
        "Rebels took Hama after the withdrawal of regime forces and Russian troops.",
    ],
)
def test_the_withdrawal_of_two_forces_gives_both(text: str) -> None:
    got = {(actor, rel) for _p, actor, rel, _prec in _claims(text)}
    assert ("government", "withdrew") in got
    assert {("hezbollah", "withdrew"), ("russia", "withdrew")} & got


@pytest.mark.parametrize(
    "text",
    [
        "After the withdrawal of government troops and rebels took over Hama, it was calm.",
        "The withdrawal of government forces and rebels' entry into Hama came on Thursday.",
    ],
)
def test_a_coordinated_clause_is_no_companion_withdrawal(text: str) -> None:
    assert not any(
        actor == "opposition" and rel == "withdrew" for _p, actor, rel, _prec in _claims(text)
    )


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("The SDF took control on Friday of the town of Tabqa.", ("sdf", "captured")),
        ("Rebels seized control yesterday of the town of Rastan.", ("opposition", "captured")),
        ("The SDF has expanded its control over Raqqa province.", ("sdf", "captured")),
        ("Rebels widened their grip on Hama province on Friday.", ("opposition", "captured")),
    ],
)
def test_control_with_a_time_adjunct_or_expanded(text: str, claim: tuple[str, str]) -> None:
    got = {(actor, rel) for _p, actor, rel, _prec in _claims(text)}
    assert claim in got


def test_expanded_without_control_is_nothing() -> None:
    assert not _found("The SDF expanded its aid deliveries in Raqqa province.")
    assert not _found("The SDF expanded its control over the media.")


# ---- two governorates coordinated: a claim for each ------------------------------------------


@pytest.mark.parametrize(
    ("text", "places"),
    [
        (
            "The army reported clashes along a 50-kilometre front spanning Hama and Homs "
            "governorates.",
            {HAMA_GOV, HOMS_GOV},
        ),
        (
            "Its troops clashed with rebels along a front stretching across Hama and Idlib "
            "provinces, the army said.",
            {HAMA_GOV, IDLIB_GOV},
        ),
        ("Rebels seized several villages in western Idlib and Hama.", {IDLIB_GOV, HAMA_GOV}),
    ],
)
def test_each_of_two_governorates_in_part(text: str, places: set[str]) -> None:
    found = _found(text)
    assert {a.place_id for a in found} == places
    assert all(PARTIAL_AREA_NOTE in a.note for a in found)


def test_a_front_without_fighting_is_nothing() -> None:
    assert not _found("The army visited a front spanning Hama and Homs governorates.")


def test_the_city_centre_after_a_province_in_the_sentence_beats_an_earlier_city() -> None:
    found = _found(
        "Rebels entered Damascus on Saturday. On Friday, rebels launched an operation in "
        "Homs province and recaptured the city center from regime forces."
    )
    assert ("wof:421168647", "captured") in {(a.place_id, str(a.relation)) for a in found}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Renewed fighting between government forces and rebel groups broke out on Nov. 27 "
            "in rural areas west of Hama.",
            HAMA_GOV,
        ),
        (
            "Clashes broke out between regime forces and armed opposition groups on Nov. 27 in "
            "rural areas west of Homs, a major city.",
            HOMS_GOV,
        ),
        ("Fighting between the army and rebels broke out in Hama.", HAMA_CITY),
    ],
)
def test_fighting_between_the_army_and_rebels_broke_out_in(text: str, place: str) -> None:
    assert _claims(text) == {
        (place, "opposition", "contested", "region" if place != HAMA_CITY else "place")
    }


def test_fighting_between_two_challengers_is_both_sides_fight() -> None:
    got = {
        (a.actor, str(a.relation))
        for a in _found("Clashes between the SDF and the SNA erupted in Manbij.")
    }
    assert got == {("sdf", "contested"), ("sna", "contested")}


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        (
            "Government forces backed by air support launched a counterattack on the HTS "
            "rebels in Hama province on Wednesday.",
            (HAMA_GOV, "government", "contested", "region"),
        ),
        (
            "The army launched a counterattack against insurgents around Hama.",
            (HAMA_CITY, "government", "contested", "place"),
        ),
        (
            "Rebels mounted a counteroffensive in Idlib province.",
            (IDLIB_GOV, "opposition", "contested", "region"),
        ),
    ],
)
def test_a_counterattack_in_a_place_is_fighting_there(text: str, claim: tuple) -> None:
    assert _claims(text) == {claim}


@pytest.mark.parametrize(
    "text",
    ["The army is planning a counterattack in Hama.", "Rebels repelled a counterattack in Hama."],
)
def test_a_planned_or_repelled_counterattack_names_no_attacker_here(text: str) -> None:
    assert not _found(text)


# ---- a named part of a city: the part, not the city ------------------------------------------


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Rebels seized the Bab Amr area of Homs.", {"s:baba-amr"}),
        ("Rebels seized the Harasta area of Damascus on Friday.", {"wof:1125968475"}),
        ("Rebels took Hama and the Bab Amr district of Homs.", {HAMA_CITY, "s:baba-amr"}),
        # the container first: the part after it
        ("Rebels entered the Damascus suburb of Harasta.", {"wof:1125968475"}),
        ("Rebels seized the Damascus district of Jobar.", {"s:jobar"}),
    ],
)
def test_a_named_part_of_a_city_is_not_the_city(text: str, places: set[str]) -> None:
    assert {a.place_id for a in _found(text)} == places


def test_dominance_across_a_province_is_control() -> None:
    got = _claims("By Nov. 30, rebels had established dominance across the Idlib province.")
    assert got == {(IDLIB_GOV, "opposition", "controls", "region")}
    got = _claims("The SDF consolidated its authority over Raqqa province.")
    assert got == {(RAQQA_GOV, "sdf", "controls", "region")}
    assert not _found("Analysts said the army wants to establish dominance over Hama.")
    # a tightened grip is no hold (an advance at most)
    assert not any(str(a.relation) == "controls" for a in _found("Rebels tighten grip on Hama."))


def test_expanded_control_over_a_province_is_partial() -> None:
    (part,) = _found("The SDF has expanded its control over Raqqa province.")
    assert PARTIAL_AREA_NOTE in part.note


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        # villages lie in a governorate: the bare name is the governorate, not its capital
        ("Rebels seized three villages in Idlib.", "wof:85678373"),
        ("Rebels took several towns in Hama on Monday.", "wof:85678363"),
    ],
)
def test_villages_in_a_capitals_name_are_in_its_governorate(text: str, place_id: str) -> None:
    from claims_of import claims_by_id

    assert {p for p, _a, _r in claims_by_id(text)} == {place_id}


def test_israeli_moves_into_unnamed_villages_claim_no_town() -> None:
    from claims_of import claims_by_id

    # the villages are not named: no claim on Quneitra city or the governorate
    assert not claims_by_id("Israeli forces occupied three villages in Quneitra.")
