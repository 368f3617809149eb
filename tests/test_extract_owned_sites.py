"""Facilities a place owns, and names that open with a toponym's head word.

"Hama's military airport", "the city's international airport", "its historic citadel": the
site of data/sites.csv that belongs to the place, never the place itself. "Tel Rifaat",
"Deir el-Zour": a name opening with a word toponyms open with is found wherever it stands
(by its exact or phonetic-key spelling only), and in a headline its head word alone is no
place ("Tal Rifat" is not the town of Al-Tall).

All sentences are invented for this file.
"""

from __future__ import annotations

import pytest
from claims_of import claims_by_id as _claims


def _places(text: str) -> set[str]:
    return {p for p, _, _ in _claims(text)}


ALEPPO = "wof:421202163"
HAMA = "wof:421202161"
TAL_RIFAAT = "wof:890449827"
AL_TALL = "wof:890449885"


@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("Insurgents seized Hama's military airport on Thursday.", "s:hama-military-airport"),
        ("Fighters stormed Hama\u2019s central prison and freed inmates.", "s:hama-central-prison"),
        ("The rebels captured Aleppo's historic citadel.", "s:aleppo-citadel"),
        ("Opposition fighters took over Aleppo's international airport.", "s:aleppo-airport"),
    ],
)
def test_a_named_places_facility_is_the_site(text: str, site: str) -> None:
    places = _places(text)
    assert site in places
    assert HAMA not in places and ALEPPO not in places


@pytest.mark.parametrize(
    ("text", "site"),
    [
        (
            "Rebels pushed into Aleppo on Friday. They later claimed control of the city's "
            "international airport.",
            "s:aleppo-airport",
        ),
        (
            "Insurgents entered Hama overnight. By noon they held the city\u2019s military "
            "airport.",
            "s:hama-military-airport",
        ),
        (
            "Rebels took most of Aleppo, including its international airport.",
            "s:aleppo-airport",
        ),
        (
            "Opposition fighters reached Aleppo on Saturday. Video showed fighters at the "
            "city's ancient citadel.",
            "s:aleppo-citadel",
        ),
    ],
)
def test_the_city_s_or_its_facility_is_the_site_of_the_place_named_before(
    text: str, site: str
) -> None:
    assert site in _places(text)


@pytest.mark.parametrize(
    "text",
    [
        # Idlib has no airport of its own in the site list: no claim rather than a wrong one
        "Rebels entered Idlib on Friday. They seized its airport.",
        # the city's residents are no facility
        "Rebels entered Hama. The city's residents stayed indoors.",
    ],
)
def test_a_possessive_facility_with_no_site_claims_no_facility(text: str) -> None:
    assert not {p for p in _places(text) if p.startswith("s:")}


def test_the_city_s_facility_does_not_also_claim_the_city() -> None:
    text = (
        "Rebels entered Aleppo on Friday. On Saturday they seized the city's international airport."
    )
    claims = _claims(text)
    assert ("s:aleppo-airport", "opposition", "captured") in claims
    assert (ALEPPO, "opposition", "captured") not in claims


@pytest.mark.parametrize(
    "text",
    [
        "Thousands fled Tel Rifaat, which was seized by rebels on Sunday.",
        "Tel Rifaat, seized by the rebels on Sunday, lies empty.",
        "On Sunday, rebels captured Tal Rifat.",
    ],
)
def test_a_head_word_name_is_found_anywhere_by_its_key_spelling(text: str) -> None:
    assert (TAL_RIFAAT, "opposition", "captured") in _claims(text)


def test_a_head_word_name_followed_by_a_word_it_does_not_spell_keeps_its_two_words() -> None:
    # "Tel Rifaat Sunday" is no name: the two-word name is found, then the weekday
    assert TAL_RIFAAT in _places("The SNA entered Tel Rifaat Sunday morning.")


@pytest.mark.parametrize(
    "text",
    [
        "Rebels Seize Tal Rifat From Kurdish Fighters",
        "SNA takes Tal Rifat after two days of fighting",
    ],
)
def test_in_a_headline_the_head_word_alone_is_not_a_town(text: str) -> None:
    places = _places(text)
    assert AL_TALL not in places
    assert TAL_RIFAAT in places


def test_a_head_word_name_no_spelling_matches_is_no_place() -> None:
    # "Tel Qwertyuiop" matches no gazetteer key; it is not read loosely as some other place
    assert _places("Rebels entered Tel Qwertyuiop on Sunday.") == set()


def test_the_citadel_of_a_city_is_its_site() -> None:
    assert _places("Rebels captured the citadel of Aleppo.") == {"s:aleppo-citadel"}
    # a city with no citadel in data/sites.csv keeps the city
    assert _places("Rebels captured the citadel of Homs.") == {"wof:421168647"}


@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("Rebels seized the Nasib border post on Friday.", "s:nasib-crossing"),
        ("Fighters seized the Masnaa border point.", "s:jdeidet-yabous-crossing"),
    ],
)
def test_a_border_post_is_the_crossing(text: str, site: str) -> None:
    assert _places(text) == {site}
