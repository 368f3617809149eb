"""Integrity checks of the fourth blind gold annotation (22 shared-corpus articles).

``tests/fixtures/corpus_blind4/`` holds claims annotated by hand (the 20 dated articles
there, the two undated ones, 081 and 082, in its ``undated/`` folder, which is not in
``SETS`` of ``tests/test_corpus_gold.py`` because those checks need a publication date),
blind to the extractor (by someone who read neither its rules, its lexicons nor the other
gold sets), pointing into the shared real-news corpus by character offsets (the texts are
not in the repository). These tests check only the annotation itself: ids recompute, offsets fall
inside the article text on a non-empty span within one paragraph, vocabularies are valid,
dates are in the corpus period and every place exists in the gazetteer in the governorate
the article means. They measure nothing about the extractor: the set is measured once, at
the end, by the lead (see the README beside the files).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

import pytest
from gold_files import (
    assert_dates_in_the_corpus_period,
    assert_ids_recompute_and_unique,
    assert_pending_ids_recompute_with_the_site,
    assert_places_in_expected_governorates,
    assert_vocabularies,
    rows,
)
from shared_corpus import article_path, article_text, requires_corpus

HERE = Path(__file__).resolve().parent / "fixtures" / "corpus_blind4"
GOLD = HERE / "gold.csv"
PENDING = HERE / "sites_pending.csv"
ARTICLES_CSV = HERE / "articles.csv"
UNDATED = HERE / "undated"
COLUMNS = [
    "assertion_id",
    "source_id",
    "place_id",
    "place_name",
    "actor",
    "relation",
    "stance",
    "claimant",
    "claimant_side",
    "event_date",
    "date_precision",
    "place_precision",
    "start",
    "end",
    "method",
    "confidence",
    "note",
]
# the pending file names the missing place in its own column, as corpus_dev does
PENDING_COLUMNS = [*COLUMNS, "site"]
ARTICLES = tuple(
    "005 010 015 020 025 030 035 040 045 050 055 060 065 070 075 076 077 078 079 080".split()
)

# the two corpus articles without a publication date, kept apart in UNDATED
UNDATED_ARTICLES = ("081", "082")

# The governorate (ISO 3166-2) each annotated place must lie in: pins the record chosen
# among places sharing a name (Hawr and the western-Aleppo villages in Aleppo, not in
# Latakia or Al-Hasakah; the Majdal, the Zawr villages and Suruj in Hama; Sheikh Maqsoud
# and Ashrafieh in Aleppo city, not the Hama Al-Ashrafiyah).
PLACES_BY_ISO = {
    "SY-DI": "wof:421202165",
    "SY-DR": "s:nasib-crossing wof:421197257 wof:85678399",
    "SY-DY": "wof:421202167",
    "SY-HI": "s:t4-airbase wof:421168647 wof:421178429 wof:421178433 wof:421197935 wof:85678367",
    "SY-HL": "s:46th-regiment s:ashrafieh-aleppo s:sheikh-maqsoud s:tishrin-dam"
    " wof:1141906291 wof:1193036927 wof:1193262893 wof:1209504787"
    " wof:1209805265 wof:1259863985 wof:1276645831 wof:1293707989"
    " wof:1309696799 wof:1310095235 wof:1343380085 wof:421202163"
    " wof:85678359 wof:890449827 wof:890449889",
    "SY-HM": "wof:1209090143 wof:1209101231 wof:1209709501 wof:1243056895"
    " wof:1259371867 wof:1276140061 wof:1276569203 wof:1293383675"
    " wof:1343479263 wof:1343657891 wof:1343750857 wof:421202161"
    " wof:85678363",
    "SY-ID": "wof:85678373",
    "SY-LA": "s:hmeimim-airbase wof:1310308215 wof:85678345",
    "SY-QU": "wof:1293100627 wof:85678395",
    "SY-RD": "r:mount-hermon wof:1125964903 wof:85678391",
    "SY-SU": "wof:85678385",
    "SY-TA": "s:tartus-naval-base",
}
EXPECTED_ISO = {pid: iso for iso, ids in PLACES_BY_ISO.items() for pid in ids.split()}


def gold() -> list[dict[str, str]]:
    return rows(GOLD) + rows(UNDATED / "gold.csv")


def pending() -> list[dict[str, str]]:
    return rows(PENDING) + rows(UNDATED / "sites_pending.csv")


def _header(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as fh:
        return fh.readline().rstrip("\n").split(",")


def test_files_have_the_documented_columns():
    for folder in (HERE, UNDATED):
        assert _header(folder / "gold.csv") == COLUMNS
        assert _header(folder / "sites_pending.csv") == PENDING_COLUMNS
        assert _header(folder / "articles.csv") == ["source_id", "file", "content_hash"]


def test_articles_csv_lists_the_annotated_articles():
    listed = rows(ARTICLES_CSV)
    assert [r["file"] for r in listed] == [f"{a}.txt" for a in ARTICLES]
    assert [r["source_id"] for r in listed] == [f"corpus_{a}" for a in ARTICLES]
    undated = rows(UNDATED / "articles.csv")
    assert [r["file"] for r in undated] == [f"{a}.txt" for a in UNDATED_ARTICLES]


@requires_corpus
def test_the_undated_articles_have_no_publication_date():
    for a in UNDATED_ARTICLES:
        head = article_text(f"{a}.txt").split("\n\n", 1)[0]
        assert "\npublished:" not in head and "published_note:" in head, a
    for a in ARTICLES:
        assert "\npublished: 2024-" in article_text(f"{a}.txt").split("\n\n", 1)[0], a


def test_every_article_is_annotated_and_no_other():
    everything = ARTICLES + UNDATED_ARTICLES
    counts = Counter(r["source_id"] for r in gold() + pending())
    assert set(counts) == {f"corpus_{a}" for a in everything}
    assert all(counts[f"corpus_{a}"] >= 2 for a in everything), counts
    dated = Counter(r["source_id"] for r in rows(GOLD) + rows(PENDING))
    assert set(dated) == {f"corpus_{a}" for a in ARTICLES}


def test_no_quote_column_is_stored():
    # the publishers' sentences stay in the shared folder; only offsets are kept here
    for r in gold() + pending():
        assert "quote" not in r


def test_gold_ids_recompute_and_are_unique():
    assert_ids_recompute_and_unique(gold())


def test_pending_ids_recompute_with_the_site_and_are_unique():
    assert_pending_ids_recompute_with_the_site(gold(), pending())


def test_vocabularies_are_valid():
    assert_vocabularies(gold() + pending())


def test_pending_sites_have_a_name_and_no_place_id():
    assert pending()
    for r in pending():
        assert r["place_id"] == "", r["assertion_id"]
        assert r["place_name"].strip() and r["site"].strip(), r["assertion_id"]


def test_places_exist_in_the_expected_governorate():
    assert_places_in_expected_governorates(gold(), EXPECTED_ISO)


def test_event_dates_fall_in_the_corpus_period():
    assert_dates_in_the_corpus_period(gold() + pending())


@requires_corpus
def test_the_annotated_articles_exist_unchanged():
    for r in rows(ARTICLES_CSV) + rows(UNDATED / "articles.csv"):
        path = article_path(r["file"])
        assert path.is_file(), r["file"]
        assert hashlib.sha256(path.read_bytes()).hexdigest() == r["content_hash"], r["file"]


@requires_corpus
@pytest.mark.parametrize("article", ARTICLES + UNDATED_ARTICLES)
def test_spans_lie_inside_the_article_and_are_not_blank(article: str):
    text = article_text(f"{article}.txt")
    header_end = text.index("\n\n")
    for r in gold() + pending():
        if r["source_id"] != f"corpus_{article}":
            continue
        s, e = int(r["start"]), int(r["end"])
        assert header_end < s < e <= len(text), r["assertion_id"]
        quote = text[s:e]
        assert quote.strip() == quote and quote, r["assertion_id"]
        assert "\n" not in quote, (r["assertion_id"], "a span stays within one paragraph")
