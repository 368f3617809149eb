"""Integrity checks of the second, blind annotation of five corpus_dev articles.

``tests/fixtures/agreement/second_annotator.csv`` re-annotates corpus_dev articles 001 011
024 046 061 for the inter-annotator agreement study (see the README beside it and
``benchmarks/bench_agreement.py``). These tests check the annotation itself (columns, ids
that recompute, vocabularies, places in the gazetteer, spans inside the article text) and
that the agreement script runs; they measure nothing.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from gold_files import assert_ids_recompute_and_unique, assert_vocabularies, rows
from shared_corpus import SHARED, article_path, article_text, requires_corpus

from syriamap.gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parents[1]
SECOND = ROOT / "tests" / "fixtures" / "agreement" / "second_annotator.csv"
DEV_ARTICLES = ROOT / "tests" / "fixtures" / "corpus_dev" / "articles.csv"
ARTICLES = ("001", "011", "024", "046", "061")
COLUMNS = (
    "assertion_id,source_id,place_id,place_name,actor,relation,stance,claimant,"
    "claimant_side,event_date,date_precision,place_precision,start,end,method,"
    "confidence,note"
).split(",")


def second() -> list[dict[str, str]]:
    return rows(SECOND)


def test_the_file_has_the_corpus_gold_columns_and_no_quote():
    with SECOND.open(encoding="utf-8") as fh:
        assert fh.readline().strip().split(",") == COLUMNS


def test_every_article_is_annotated_and_no_other():
    assert {r["source_id"] for r in second()} == {f"corpus_{a}" for a in ARTICLES}


def test_ids_recompute_and_are_unique():
    assert_ids_recompute_and_unique(second())


def test_vocabularies_are_valid():
    assert_vocabularies(second())


def test_every_place_exists_in_the_gazetteer():
    gaz = Gazetteer.default()
    for r in second():
        assert r["place_id"] in gaz, r["place_id"]


def test_event_dates_fall_in_the_corpus_period():
    for r in second():
        assert "2024-11-27" <= r["event_date"] <= "2024-12-14", r["assertion_id"]


@requires_corpus
def test_the_annotated_articles_exist_unchanged():
    hashes = {r["file"]: r["content_hash"] for r in rows(DEV_ARTICLES)}
    for a in ARTICLES:
        data = article_path(f"{a}.txt").read_bytes()
        assert hashlib.sha256(data).hexdigest() == hashes[f"{a}.txt"], a


@requires_corpus
@pytest.mark.parametrize("article", ARTICLES)
def test_spans_lie_inside_the_article_and_are_not_blank(article: str):
    text = article_text(f"{article}.txt")
    for r in second():
        if r["source_id"] != f"corpus_{article}":
            continue
        start, end = int(r["start"]), int(r["end"])
        assert 0 <= start < end <= len(text), r["assertion_id"]
        assert text[start:end].strip(), r["assertion_id"]
        assert "\n" not in text[start:end].strip(), r["assertion_id"]


@requires_corpus
def test_the_agreement_script_runs_and_prints_both_comparisons():
    env = {**os.environ, "SYRIAMAP_SHARED": str(SHARED)}
    out = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench_agreement.py")],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=True,
    ).stdout
    assert "annotator vs annotator" in out
    assert "vs first annotator, strict" in out
    assert "vs second annotator, relaxed" in out
