"""Holdings stated as a share, as areas of a part of the country, or held since a year.

- "now control more than 90 per cent of Daraa province", "hold two-thirds of X": the share
  is no distance between the cue and the place; the claim is about X.
- "governs areas in northern and eastern Syria, including Raqqa and Hasakah": the part of
  the country the areas lie in does not cut them from their examples.
- "has been held since 2016 by the SNA", "held for years by the SDF": a time adjunct
  between "held" and its agent.

All sentences are invented for this file.
"""

from __future__ import annotations

import pytest
from claims_of import claims as _claims


@pytest.mark.parametrize(
    "share",
    ["more than 90 percent of", "nearly 80 per cent of", "90% of", "two-thirds of", "half of"],
)
def test_a_share_of_a_place_is_a_hold_of_that_place(share: str) -> None:
    claims = _claims(f"The Southern Operations Room now controls {share} Daraa province.")
    assert ("Daraa", "southern_factions", "controls") in claims


def test_a_share_with_examples_holds_each_example() -> None:
    claims = _claims(
        "Rebels now hold more than 90 per cent of Daraa province, including the Nassib "
        "border crossing and the towns of Busra al-Sham and Izraa."
    )
    for place in ("Daraa", "Busra al-Sham", "Izraa"):
        assert (place, "opposition", "controls") in claims


def test_a_percentage_of_people_is_no_hold() -> None:
    assert _claims("Rebels are 90 percent of Hama's fighters.") == set()


@pytest.mark.parametrize(
    "region", ["in northern and eastern Syria", "in north-east Syria", "in the east of Syria"]
)
def test_areas_in_a_part_of_the_country_keep_their_examples(region: str) -> None:
    claims = _claims(f"The SDF governs areas {region}, including Raqqa and Hasakah.")
    assert {("Raqqa", "sdf", "controls"), ("Hasakah", "sdf", "controls")} <= claims


@pytest.mark.parametrize(
    "held",
    ["has been held since 2016 by", "has been held since 2016-18 by", "has been held for years by"],
)
def test_a_time_adjunct_between_held_and_its_agent(held: str) -> None:
    claims = _claims(f"A strip along the border, including Afrin and Azaz, {held} the SNA.")
    assert {("Afrin", "sna", "controls"), ("Azaz", "sna", "controls")} <= claims


@pytest.mark.parametrize(
    "crossing",
    ["the Nasib border crossing with Jordan", "the Nasib crossing", "the Nasib border crossing"],
)
def test_a_crossing_and_its_neighbour_do_not_cut_a_list(crossing: str) -> None:
    claims = _claims(f"Rebels seized {crossing} and the towns of Izraa and Tafas.")
    assert {("Izraa", "opposition", "captured"), ("Tafas", "opposition", "captured")} <= claims


def test_a_neighbour_country_elsewhere_still_ends_a_list() -> None:
    # "talks with Jordan" is no crossing's other side: Izraa is not in the capture's list
    claims = _claims("Rebels seized Nasib after talks with Jordan and officials in Izraa.")
    assert ("Izraa", "opposition", "captured") not in claims


@pytest.mark.parametrize(
    "text",
    [
        "HTS seized more than a dozen villages in the western Aleppo countryside on "
        "Wednesday, including Kafr Basin and Urum al-Sughra.",
        "HTS seized more than a dozen villages, including Kafr Basin and Urum al-Sughra.",
        "HTS seized several villages on Wednesday, including Kafr Basin and Urum al-Sughra.",
    ],
)
def test_a_counted_plural_its_area_and_a_day_keep_their_examples(text: str) -> None:
    claims = _claims(text)
    assert {
        ("Kafr Basin", "hts_coalition", "captured"),
        ("Urum al-Sughra", "hts_coalition", "captured"),
    } <= claims
