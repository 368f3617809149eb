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

import warnings

import pytest

from syriamap.extract.document import document_from_text
from syriamap.extract.pipeline import analyse


def _claims(text: str) -> set[tuple[str, str, str]]:
    """Return (place name, actor, relation) of the claims of ``text``."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        a = analyse(document_from_text(text, meta={"source_id": "t", "published": "2024-12-07"}))
    return {
        (c.to_row()["place_name"], c.to_row()["actor"], c.to_row()["relation"])
        for c in a.candidates
    }


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
