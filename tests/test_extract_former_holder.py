"""The holder a sentence names before a fall is the one that lost the place.

"X, which had been held by the SDF since 2016, fell", "X, held by the SDF, fell", "X, an
SDF-held town, fell": the SDF lost X (not the government, the default holder of a fall
with no taker named). With a taker named ("fell to the SNA", "rebels took X, a strategic
SDF-held town"), the taker's capture stands and the former hold is dropped (it is the state
before the change, not news). A hold the sentence keeps in the present ("which is still
held by the army") stays.

All sentences are invented for this file.
"""

from __future__ import annotations

import pytest
from claims_of import analysed
from claims_of import claims as _claims


@pytest.mark.parametrize(
    "text",
    [
        "Manbij, which had been held by the SDF since 2016, fell on Monday.",
        "Manbij, held by the SDF since 2016, fell on Monday.",
        "Manbij, an SDF-held town, fell on Monday.",
        "Manbij, a Kurdish-controlled city, has fallen, local sources said.",
    ],
)
def test_a_fall_is_the_named_former_holders_loss(text: str) -> None:
    claims = _claims(text)
    assert ("Manbij", "sdf", "lost") in claims
    assert not {c for c in claims if c[1] == "government"}


@pytest.mark.parametrize(
    ("text", "taker"),
    [
        ("Manbij, a Kurdish-held town, fell to the SNA on Monday.", "sna"),
        ("Manbij, held by the SDF since 2016, fell to the SNA on Monday.", "sna"),
        ("Rebels took Manbij, a strategic SDF-held town.", "opposition"),
        ("Rebels entered Tal Rifaat, which had been held by the SDF.", "opposition"),
    ],
)
def test_a_former_hold_gives_way_to_the_named_taker(text: str, taker: str) -> None:
    claims = _claims(text)
    assert {c[1] for c in claims} == {taker}
    assert not {c for c in claims if c[2] == "controls"}


def test_a_hold_in_the_present_stays_beside_a_partial_capture() -> None:
    claims = _claims("Rebels captured parts of Hama, which is still held by the army.")
    assert ("Hama", "government", "controls") in claims


def test_an_apposition_hold_alone_is_a_hold() -> None:
    claims = _claims("Kobani, an SDF-held city, braced for an assault on Tuesday.")
    assert ("Kobani", "sdf", "controls") in claims


def test_it_fell_is_the_fall_of_the_place_in_focus() -> None:
    claims = _claims("Rebels reached Damascus on Saturday. It fell within hours.")
    assert ("Damascus", "government", "lost") in claims


def test_and_it_fell_ends_the_hold_of_its_own_sentence() -> None:
    a = analysed(
        "Damascus was the last major city still in Assad's hands, and it fell within hours.",
    )
    rows = {
        (r["actor"], r["relation"]): r["event_date"] for r in (c.to_row() for c in a.candidates)
    }
    assert rows[("government", "lost")] == "2024-12-07"
    # the hold is the state before the fall: dated the day before, never beside it
    assert rows.get(("government", "controls"), "2024-12-06") < "2024-12-07"


@pytest.mark.parametrize(
    "text",
    [
        "The offensive began in Idlib. It was launched on Wednesday.",
        "Rebels entered Hama. It is a city of one million people.",
    ],
)
def test_it_that_is_no_fall_claims_nothing_more(text: str) -> None:
    assert not {c for c in _claims(text) if c[2] in ("lost", "captured")}


@pytest.mark.parametrize(
    ("text", "precision"),
    [
        ("Over the preceding ten days, the militants had captured Aleppo, Hama and Homs.", "month"),
        ("In less than two weeks, rebels took Aleppo, Hama and Homs.", "month"),
        ("Rebels took Hama in the past few days.", "week"),
    ],
)
def test_a_summary_of_a_span_is_dated_as_wide_as_the_span(text: str, precision: str) -> None:
    rows = [c.to_row() for c in analysed(text).candidates]
    assert rows and {r["date_precision"] for r in rows} == {precision}


def test_a_summary_says_why_its_date_is_wide() -> None:
    text = "Over the preceding ten days, the militants had captured Aleppo, Hama and Homs."
    assert all("a summary of a span" in c.to_row()["note"] for c in analysed(text).candidates)


def test_a_dated_event_beside_no_span_keeps_its_day() -> None:
    rows = [c.to_row() for c in analysed("Rebels took Hama on Thursday.").candidates]
    assert {(r["event_date"], r["date_precision"]) for r in rows} == {("2024-12-05", "day")}
