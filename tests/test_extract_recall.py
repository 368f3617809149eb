"""Recall rules: clause scope, relative clauses, anaphora and lists (invented sentences)."""

from __future__ import annotations

from syriamap.extract import extract


def _rows(text: str, published: str = "2024-12-07") -> set[tuple[str, str, str, str]]:
    return {
        (a.place_name, a.actor, str(a.relation), str(a.stance))
        for a in extract(text, published=published)
    }


def test_reported_content_keeps_its_subordinate_clause():
    text = (
        "The monitor reported that rebels seized Homs on Monday, "
        "after government forces withdrew from Homs."
    )
    rows = _rows(text)
    assert ("Homs", "opposition", "captured", "attributed") in rows
    assert ("Homs", "government", "withdrew", "attributed") in rows


def test_infinitive_report_does_not_reach_the_writers_clause():
    text = "The army claimed to have redeployed outside Homs after rebels seized control of Hama."
    assert ("Hama", "opposition", "captured", "asserted") in _rows(text)
