"""Shared checks for hand-annotated gold files (evaluation fixtures under tests/fixtures/).

Each evaluation set keeps its own expectations (the three blind corpus sets share one
module, tests/test_corpus_blind_sets.py, one ``GoldSet`` each); what they all check the
same way lives here: reading the CSVs, the text the extractor reads, quotes at
their offsets, ids that recompute, and the vocabularies.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
from pathlib import Path

from syriamap.actors import SIDES, actors
from syriamap.assertions import DatePrecision, PlacePrecision, Relation, Stance

ROOT = Path(__file__).resolve().parents[1]


def rows(path: Path) -> list[dict[str, str]]:
    """Read a CSV file as a list of dicts."""
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def article_text(file: Path) -> str:
    """Return the text the extractor reads: the HTML page's main text, else the file."""
    if file.suffix == ".html":
        from syriamap.extract.document import read_document

        return read_document(file).text
    return file.read_bytes().decode("utf-8")


def assert_quotes_at_offsets(gold: list[dict[str, str]], sources: dict[str, dict]) -> None:
    """Every quote equals the source text at its ``start``/``end`` offsets."""
    texts = {sid: article_text(ROOT / s["file"]) for sid, s in sources.items()}
    for r in gold:
        s, e = int(r["start"]), int(r["end"])
        assert 0 <= s < e <= len(texts[r["source_id"]]), r["assertion_id"]
        assert texts[r["source_id"]][s:e] == r["quote"], r["assertion_id"]


def assert_ids_recompute_and_unique(gold: list[dict[str, str]]) -> None:
    """Every ``assertion_id`` is the documented hash of its key fields, and unique."""
    seen = set()
    for r in gold:
        key = "|".join(r[c] for c in KEY)
        assert r["assertion_id"] == "a" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]
        assert r["assertion_id"] not in seen
        seen.add(r["assertion_id"])


KEY = ("source_id", "start", "end", "place_id", "actor", "relation", "stance")
"""The fields an ``assertion_id`` hashes, in order."""


def assert_pending_ids_recompute_with_the_site(
    gold: list[dict[str, str]], pending: list[dict[str, str]]
) -> None:
    """A pending row's id hashes its key fields and then its ``site``; all ids unique."""
    seen = {r["assertion_id"] for r in gold}
    for r in pending:
        key = "|".join(r[c] for c in KEY) + "|" + r["site"]
        assert r["assertion_id"] == "a" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]
        assert r["assertion_id"] not in seen, r["assertion_id"]
        seen.add(r["assertion_id"])


def assert_places_in_expected_governorates(
    gold: list[dict[str, str]], expected_iso: dict[str, str]
) -> None:
    """Canonical place ids in the governorate the annotator checked; regions are areas."""
    from syriamap.gazetteer import Gazetteer

    g = Gazetteer.default()
    for r in gold:
        rid = r["assertion_id"]
        place = g.get(r["place_id"])
        assert place.place_id == r["place_id"], (rid, "use the canonical id, not a redirect")
        assert place.admin1_iso == expected_iso[r["place_id"]], (rid, place.name)
        if place.kind == "governorate":
            assert r["place_precision"] == "region", rid
        if r["place_precision"] == "region":
            assert place.kind in ("governorate", "district", "region"), rid


def assert_dates_in_the_corpus_period(gold: list[dict[str, str]]) -> None:
    """Event dates fall in the corpus period, 27 Nov - 14 Dec 2024."""
    for r in gold:
        assert "2024-11-27" <= r["event_date"] <= "2024-12-14", r["assertion_id"]


def assert_vocabularies(gold: list[dict[str, str]]) -> None:
    """Actors, relations, stances, precisions, method, confidence, dates and claimants."""
    known = actors()
    for r in gold:
        assert r["actor"] in known, r["actor"]
        Relation(r["relation"])
        Stance(r["stance"])
        DatePrecision(r["date_precision"])
        PlacePrecision(r["place_precision"])
        dt.date.fromisoformat(r["event_date"])
        assert r["method"] == "manual"
        assert 0.0 < float(r["confidence"]) <= 1.0
        if r["stance"] == "asserted":
            assert r["claimant"] == "" and r["claimant_side"] == "", r["assertion_id"]
        else:
            assert r["claimant"], r["assertion_id"]
            assert r["claimant_side"] in set(SIDES) | {"neutral"}, r["assertion_id"]
