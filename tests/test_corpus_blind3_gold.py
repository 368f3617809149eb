"""Integrity checks of the third blind gold annotation (15 shared-corpus articles).

``tests/fixtures/corpus_blind3/`` holds claims annotated by hand, blind to the extractor
(by someone who read neither its rules, its lexicons nor the other gold sets), pointing
into the shared real-news corpus by character offsets (the texts are not in the
repository). These tests check only the annotation itself: ids recompute, offsets fall
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

HERE = Path(__file__).resolve().parent / "fixtures" / "corpus_blind3"
GOLD = HERE / "gold.csv"
PENDING = HERE / "sites_pending.csv"
ARTICLES_CSV = HERE / "articles.csv"
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
ARTICLES = tuple("002 007 012 017 022 027 032 037 042 047 052 057 062 067 072".split())

# The governorate (ISO 3166-2) each annotated place must lie in: pins the record chosen
# among places sharing a name (Hawr and the western-Aleppo villages in Aleppo, not in
# Latakia or Al-Hasakah; Kanakir in Rif Dimashq, not in As-Suwayda).
PLACES_BY_ISO = {
    "SY-DI": "wof:421202165",
    "SY-DR": "wof:421197257 wof:85678399",
    "SY-DY": "wof:421202167 s:qusour-deir-ez-zor",
    "SY-HI": "wof:421168647",
    "SY-HL": "wof:421202163 wof:85678359 wof:890449827 s:46th-regiment wof:1193036927"
    " wof:1209805265 wof:1226326895 wof:1243156517 wof:1276645831 wof:1276861089"
    " wof:1293707989 wof:1327128647 wof:1343380085 wof:1344047021",
    "SY-HM": "wof:421202161 wof:85678363 wof:1310188781 s:hama-central-prison"
    " s:hama-military-airport",
    "SY-ID": "wof:890432567 wof:85678373 wof:890449833 wof:1226826151 wof:1277157341"
    " wof:1360065587 r:jabal-al-zawiya",
    "SY-LA": "wof:85678345 wof:1125967423 s:hmeimim-airbase",
    "SY-QU": "wof:1125979117",
    "SY-RD": "wof:85678391 wof:1125964903 wof:1226643033 wof:1242797743 wof:1293409783"
    " wof:1326527149 s:saydnaya-prison r:mount-hermon",
    "SY-SU": "wof:421192811 wof:85678385",
    "SY-TA": "wof:890449825 s:tartus-naval-base",
}
EXPECTED_ISO = {pid: iso for iso, ids in PLACES_BY_ISO.items() for pid in ids.split()}


def gold() -> list[dict[str, str]]:
    return rows(GOLD)


def pending() -> list[dict[str, str]]:
    return rows(PENDING)


def _header(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as fh:
        return fh.readline().rstrip("\n").split(",")


def test_files_have_the_documented_columns():
    assert _header(GOLD) == COLUMNS
    assert _header(PENDING) == PENDING_COLUMNS
    assert _header(ARTICLES_CSV) == ["source_id", "file", "content_hash"]


def test_articles_csv_lists_the_fifteen_articles():
    listed = rows(ARTICLES_CSV)
    assert [r["file"] for r in listed] == [f"{a}.txt" for a in ARTICLES]
    assert [r["source_id"] for r in listed] == [f"corpus_{a}" for a in ARTICLES]


def test_every_article_is_annotated_and_no_other():
    counts = Counter(r["source_id"] for r in gold() + pending())
    assert set(counts) == {f"corpus_{a}" for a in ARTICLES}
    assert all(counts[f"corpus_{a}"] >= 2 for a in ARTICLES), counts


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
    for r in rows(ARTICLES_CSV):
        path = article_path(r["file"])
        assert path.is_file(), r["file"]
        assert hashlib.sha256(path.read_bytes()).hexdigest() == r["content_hash"], r["file"]


@requires_corpus
@pytest.mark.parametrize("article", ARTICLES)
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
