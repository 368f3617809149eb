"""Who keeps a base: forces based or stationed at a place, "still at its base", "in
Russian hands" (invented sentences, not from any article).

An outside power's hold counts only at its own bases (data/foreign_control.csv): the same
words about a Syrian town give it nothing there.
"""

from __future__ import annotations

import pytest
from claims_of import claims_by_id

HMEIMIM = "s:hmeimim-airbase"
TARTUS_BASE = "s:tartus-naval-base"


@pytest.mark.parametrize(
    "text",
    [
        "Russian warplanes based at Hmeimim, Moscow's air base on the coast, bombed rebel lines.",
        "Russia is still at its Hmeimim air base, a diplomat said.",
        "The Hmeimym airbase remained in Russian hands on Monday.",
        "The Khmeimim air base stayed under Russian control after the fall of Damascus.",
    ],
)
def test_russia_keeps_its_own_base(text: str) -> None:
    assert (HMEIMIM, "russia", "controls") in claims_by_id(text)


def test_the_bases_of_a_list_after_still_at_its() -> None:
    got = claims_by_id("Russia is still at its Hmeimim air base and the naval facility in Tartus.")
    assert {(HMEIMIM, "russia", "controls"), (TARTUS_BASE, "russia", "controls")} <= got


@pytest.mark.parametrize(
    "text",
    [
        "Afrin has remained under Turkish control since 2018.",
        "Iranian advisers based at Palmyra left on Friday.",
        "Russian troops stationed at Qamishli were seen on the road.",
    ],
)
def test_an_outside_power_holds_no_syrian_town(text: str) -> None:
    got = claims_by_id(text)
    assert not [
        1 for _p, actor, r in got if actor in ("russia", "turkey", "iran") and r == "controls"
    ]


def test_a_syrian_force_stationed_at_a_point_holds_it() -> None:
    got = claims_by_id("Rebel fighters stationed at Hama airport fired rockets at the city.")
    assert ("s:hama-military-airport", "opposition", "controls") in got
    # stationed in a city is presence, not a hold: the older rule's reading stays
    got = claims_by_id("Rebel fighters were stationed in Rastan on Friday.")
    assert not [1 for _p, _a, r in got if r == "controls"]


def test_the_americans_are_the_us_forces_at_their_own_garrison() -> None:
    got = claims_by_id("The Americans keep their garrison at al-Tanf, near the Jordanian border.")
    assert ("s:tanf-garrison", "united_states", "controls") in got
    # Americans who are people, not a force, are nobody's side
    got = claims_by_id("Americans detained in Saydnaya were freed on Sunday.")
    assert not [1 for _p, actor, _r in got if actor == "united_states"]
