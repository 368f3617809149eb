"""Held-out evaluation set (tests/fixtures/heldout/): gold integrity and a loose floor.

The eight articles were written and annotated without looking at the extractor's rules or
lexicon and were never used for tuning (see tests/fixtures/heldout/README.md). These tests
check the gold file only, plus a deliberately loose floor on claims F1 (well below the
measured figure) so that a collapse fails while ordinary tuning elsewhere is unconstrained.
Do not tune the extractor against these articles; write a new held-out set instead.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from gold_files import (
    assert_ids_recompute_and_unique,
    assert_quotes_at_offsets,
    assert_vocabularies,
    rows,
)

from syriamap.gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parents[1]
HELD = ROOT / "tests" / "fixtures" / "heldout"
GOLD = HELD / "heldout_gold.csv"
SOURCES = HELD / "heldout_sources.csv"
COLUMNS = (
    "assertion_id,source_id,place_id,place_name,actor,relation,stance,claimant,"
    "claimant_side,event_date,date_precision,place_precision,quote,start,end,method,"
    "confidence,note"
).split(",")
CLAIMS_F1_FLOOR = 0.25  # measured 0.398-0.417 on 2026-11-22 (README.md); floor well below


@pytest.fixture(scope="module")
def gold() -> list[dict[str, str]]:
    return rows(GOLD)


@pytest.fixture(scope="module")
def sources() -> dict[str, dict[str, str]]:
    return {r["source_id"]: r for r in rows(SOURCES)}


def test_columns_and_sources(gold, sources):
    with GOLD.open(encoding="utf-8") as fh:
        assert fh.readline().strip().split(",") == COLUMNS
    assert len(sources) == 8
    assert {r["source_id"] for r in gold} == set(sources)
    for sid, src in sources.items():
        path = ROOT / src["file"]
        assert path.stem == sid
        assert hashlib.sha256(path.read_bytes()).hexdigest() == src["content_hash"]
        dt.date.fromisoformat(src["published"])


def test_quotes_at_offsets(gold, sources):
    assert_quotes_at_offsets(gold, sources)


def test_ids_recompute_and_unique(gold):
    assert_ids_recompute_and_unique(gold)


def test_vocabularies_and_places(gold):
    g = Gazetteer.default()
    for r in gold:
        assert r["place_id"] in g, r["place_id"]
    assert_vocabularies(gold)


def test_claims_f1_loose_floor():
    files = sorted(str(p) for p in HELD.iterdir() if p.suffix in {".txt", ".html"})
    exe = Path(sys.executable).with_name("syriamap")
    cmd = [
        str(exe) if exe.exists() else (shutil.which("syriamap") or "syriamap"),
        "evaluate",
        "--json",
        "--gold",
        str(GOLD),
        "--sources",
        str(SOURCES),
        *files,
    ]
    out = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, check=True)
    scores = json.loads(out.stdout)
    assert scores["claims"]["f1"] >= CLAIMS_F1_FLOOR, scores["claims"]
