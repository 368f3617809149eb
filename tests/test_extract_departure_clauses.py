"""A departure told in a clause of its own ("after the army fled") is a withdrawal from
the place the main clause says was taken, by the side the clause names, and by nobody
when it names no side (invented sentences, not from any article)."""

from __future__ import annotations

import pytest
from claims_of import claims


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Rebels took Hama on Thursday after the last government units fled.", "Hama"),
        ("The SDF entered Deir ez-Zor after regime troops had gone.", "Deir ez-Zor"),
        ("Local factions seized Busra al-Sham after the army agreed to leave.", "Busra al-Sham"),
        ("Rebels captured Salamiyah after government forces departed on Friday.", "Salamiyah"),
        ("Rebels took Rastan after the army left under a deal with local elders.", "Rastan"),
        (
            "In Qamishli, the SDF took control of the security square after government "
            "personnel left their posts.",
            "Qamishli",
        ),
    ],
)
def test_a_departure_clause_is_the_army_leaving_the_place_taken(text: str, place: str) -> None:
    got = claims(text)
    assert (place, "government", "withdrew") in got
    assert any(p == place and r in ("captured", "entered") for p, _a, r in got)


def test_a_named_foreign_force_that_vanished_withdrew() -> None:
    got = claims("Rebels moved into Qusayr once Hezbollah fighters had vanished.")
    assert ("Qusayr", "hezbollah", "withdrew") in got


@pytest.mark.parametrize(
    "text",
    [
        # people who fled are no force
        "Rebels took Hama after thousands of residents fled.",
        # a leader's flight is no unit leaving the place
        "Rebels entered Damascus after Assad fled.",
        # staff of no side the text names
        "Rebels entered Aleppo airport after embassy staff left their posts.",
    ],
)
def test_a_departure_of_no_named_force_is_no_withdrawal(text: str) -> None:
    assert not [c for c in claims(text) if c[2] == "withdrew"]


@pytest.mark.parametrize(
    "text",
    [
        "SNA fighters entered Manbij and the terrorists fled.",
        "SNA fighters entered Manbij and the guards fled.",
        'An SNA commander said: "Our forces have entered the centre of Manbij and the '
        'terrorists have fled."',
    ],
)
def test_the_taker_is_not_who_fled_from_what_it_took(text: str) -> None:
    got = claims(text)
    assert ("Manbij", "sna", "entered") in got
    assert ("Manbij", "sna", "withdrew") not in got


def test_the_army_named_in_the_coordinated_clause_withdrew() -> None:
    assert ("Hama", "government", "withdrew") in claims(
        "Rebels captured Hama and the army withdrew."
    )
