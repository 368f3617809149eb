"""Facilities named by their context: photo captions, appositions calling a code a base.

All sentences are invented for this file.
"""

from __future__ import annotations

import warnings

import pytest

from syriamap.extract.document import document_from_text
from syriamap.extract.pipeline import analyse


def _claims(text: str) -> set[tuple[str, str, str]]:
    """Return (place_id, actor, relation) of the claims of ``text``."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        a = analyse(document_from_text(text, meta={"source_id": "t", "published": "2024-12-07"}))
    return {
        (c.to_row()["place_id"], c.to_row()["actor"], c.to_row()["relation"]) for c in a.candidates
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Opposition fighters posed for photos inside the Menagh airbase.",
            ("s:menagh-airbase", "opposition", "entered"),
        ),
        (
            "Rebels posing for pictures at the Hama military airport on Friday.",
            ("s:hama-military-airport", "opposition", "entered"),
        ),
        (
            "Insurgent fighters pose for a group photo at the Kweires military airfield "
            "in Aleppo province on December 2, 2024.",
            ("s:kuweires-airbase", "opposition", "entered"),
        ),
    ],
)
def test_photo_caption_pose_at_a_place_is_presence(text: str, expected: tuple) -> None:
    assert expected in _claims(text)


@pytest.mark.parametrize(
    "text",
    [
        "A man poses for a selfie in Idlib.",  # no named actor
        "Fighters pose for a picture with residents.",  # no place
    ],
)
def test_pose_without_actor_or_place_gives_nothing(text: str) -> None:
    assert _claims(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Regime forces are fleeing T4, the sprawling military outpost west of Palmyra.",
        "Government troops fled T-4, a military airbase in the desert.",
        "Army units were seen fleeing T4, the main airbase of the central desert.",
    ],
)
def test_code_named_site_counts_with_a_facility_apposition(text: str) -> None:
    assert ("s:t4-airbase", "government", "withdrew") in _claims(text)


@pytest.mark.parametrize(
    "text",
    [
        "Regime forces are fleeing T4.",  # a code alone is no place
        "Regime forces are fleeing T4, the new tank model.",  # an apposition of no facility
    ],
)
def test_code_without_facility_apposition_gives_nothing(text: str) -> None:
    assert not any(p == "s:t4-airbase" for p, _, _ in _claims(text))


def _rows(text: str) -> list[dict]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        a = analyse(document_from_text(text, meta={"source_id": "t", "published": "2024-12-07"}))
    return [c.to_row() for c in a.candidates]


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        ("Rebels seized the weapons depots east of Sanamayn.", "wof:421197089"),
        ("Opposition fighters stormed a military base near Izraa on Friday.", "wof:421196573"),
        (
            "Rebels have seized the al-Qarn warehouses\u2014the largest arms depots in "
            "southern Syria\u2014located east of Izraa in Daraa province.",
            "wof:421196573",
        ),
        (
            "Rebels overran the ammunition depots, the biggest in the region, "
            "located west of Sanamayn.",
            "wof:421197089",
        ),
    ],
)
def test_unnamed_facility_at_a_town_is_a_claim_near_the_town(text: str, place_id: str) -> None:
    rows = [r for r in _rows(text) if r["place_id"] == place_id]
    assert rows and all(r["place_precision"] == "near" for r in rows)
    assert {r["actor"] for r in rows} == {"opposition"}


@pytest.mark.parametrize(
    "text",
    [
        "Rebels shelled the weapons depots near Izraa.",  # no control cue
        "Rebels seized the weapons depots in Daraa province.",  # a province: no town
    ],
)
def test_unnamed_facility_without_cue_or_town_gives_no_town_claim(text: str) -> None:
    assert not any(r["place_id"] in ("wof:421196573",) for r in _rows(text))
    assert not any(r["place_precision"] == "near" for r in _rows(text))


def test_named_site_inside_the_facility_words_is_the_site() -> None:
    ids = {r["place_id"] for r in _rows("Rebels seized the Kweires military base near Aleppo.")}
    assert ids == {"s:kuweires-airbase"}  # not Aleppo, the landmark


@pytest.mark.parametrize(
    ("text", "site"),
    [
        (
            "Jordan closed the Nassib border crossing with Syria. "
            "Rebels have taken control of the checkpoint on the Syrian side.",
            "s:nasib-crossing",
        ),
        (
            "The Bab al-Hawa crossing with Turkey was shelled overnight. "
            "Opposition fighters later captured the border checkpoint.",
            "s:bab-al-hawa-crossing",
        ),
    ],
)
def test_border_checkpoint_after_a_crossing_is_the_crossing(text: str, site: str) -> None:
    assert (site, "opposition", "captured") in _claims(text)


@pytest.mark.parametrize(
    "text",
    [
        "Rebels captured the checkpoint on the Syrian side.",  # no crossing named
        "Fighting erupted in Daraa. Rebels took control of the checkpoint on the Syrian side.",
        "Jordan closed the Nassib border crossing. Rebels took a checkpoint near the market.",
    ],
)
def test_checkpoint_without_a_crossing_gives_no_crossing(text: str) -> None:
    assert not any(p.endswith("-crossing") for p, _, _ in _claims(text))


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        ("In Izraa, rebels seized the police station and the central prison.", "captured"),
        ("In Sanamayn, opposition fighters stormed the military intelligence branch.", "captured"),
        ("In Izraa, government forces withdrew from the security branch.", "withdrew"),
    ],
)
def test_opening_in_town_locates_a_facility_object(text: str, relation: str) -> None:
    rows = [r for r in _rows(text) if r["relation"] == relation]
    assert rows and all(r["place_precision"] == "near" for r in rows)
    assert {r["place_id"] for r in rows} <= {"wof:421196573", "wof:421197089"}


@pytest.mark.parametrize(
    "text",
    [
        "In Izraa, rebels captured 20 soldiers.",  # no facility object
        "In Izraa, the army shelled the central prison.",  # no control cue
        "In 2015, rebels seized the central prison.",  # no place opens the sentence
        "In Daraa province, rebels seized the police stations.",  # a province
    ],
)
def test_opening_in_without_facility_or_town_gives_nothing(text: str) -> None:
    assert _rows(text) == []


@pytest.mark.parametrize(
    ("text", "site"),
    [
        (
            "This aerial view shows a Syrian military airbase after rebel fighters "
            "captured it, near the northern city of Hama, on December 6.",
            "s:hama-military-airport",
        ),
        (
            "The footage shows a military airfield after opposition fighters stormed it "
            "near Deir ez-Zor.",
            "s:deir-ez-zor-airport",
        ),
    ],
)
def test_it_is_the_unnamed_airbase_near_a_city(text: str, site: str) -> None:
    assert (site, "opposition", "captured") in _claims(text)


@pytest.mark.parametrize(
    "text",
    [
        "The photo shows a military airbase after rebels captured it.",  # no place near
        "This image shows a regime airbase near the city of Hama.",  # no control cue
        "The army said Homs was safe, but rebels captured it.",  # "it" is no facility
    ],
)
def test_it_without_a_facility_near_a_place_gives_no_site(text: str) -> None:
    assert not any(p.startswith("s:") for p, _, _ in _claims(text))


def test_anti_government_without_hyphen_is_the_opposition() -> None:
    assert _claims("Anti government fighters captured Homs.") == {
        ("wof:421168647", "opposition", "captured")
    }
    assert _claims("Anti regime forces entered Hama.") == {
        ("wof:421202161", "opposition", "entered")
    }


@pytest.mark.parametrize(
    ("text", "site"),
    [
        (
            "Rebels freed hundreds of detainees held in the Hama central prison.",
            "s:hama-central-prison",
        ),
        (
            "The fighters who stormed the capital released prisoners from the Mezzeh "
            "military prison, state TV said.",
            "s:mezzeh-prison",
        ),
        (
            "Opposition factions released all those incarcerated in Mezzeh prison overnight.",
            "s:mezzeh-prison",
        ),
    ],
)
def test_releasing_the_held_at_a_prison_is_presence(text: str, site: str) -> None:
    assert any(p == site and r == "entered" for p, _, r in _claims(text))


@pytest.mark.parametrize(
    "text",
    [
        "Rebels freed the prisoners.",  # no place
        "The government released prisoners in a new amnesty.",  # no place
        "Thousands of detainees were released from the Hama central prison.",  # no actor
    ],
)
def test_releasing_without_actor_or_place_gives_nothing(text: str) -> None:
    assert _claims(text) == set()
