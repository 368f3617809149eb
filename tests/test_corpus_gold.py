"""Corpus dev set (tests/fixtures/corpus_dev/): gold integrity and a loose floor.

Thirty real articles of the shared corpus, annotated by hand per data/ANNOTATION.md; the
gold holds offsets, not text (see tests/corpus_gold.py and the set's README.md). THIS SET IS
USED FOR TUNING. The blind sets (tests/fixtures/corpus_blind/ and corpus_blind3/, when present)
use the same layout and the same integrity checks (nothing here scores them); they must never
be tuned on.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata

import pytest
from corpus_gold import (
    ARTICLES_COLUMNS,
    GOLD_COLUMNS,
    SITES_COLUMNS,
    article_file,
    article_list,
    load_gold,
    load_sites_pending,
    score_set,
    source_id,
    sources,
    wrong_sides,
)
from gold_files import ROOT, assert_ids_recompute_and_unique, assert_vocabularies
from shared_corpus import ARTICLES, requires_corpus

from syriamap.gazetteer import Gazetteer

FIXTURES = ROOT / "tests" / "fixtures"
DEV = FIXTURES / "corpus_dev"
SETS = [
    d
    for d in (
        DEV,
        FIXTURES / "corpus_blind",
        FIXTURES / "corpus_blind3",
        FIXTURES / "corpus_blind4",
    )
    if (d / "gold.csv").exists()
]
DEV_ARTICLES = (
    "001 004 006 009 011 014 016 019 021 024 026 029 031 034 036 039 041 044 046 049 "
    "051 054 056 059 061 064 066 069 071 074"
).split()
# Measured 2026-12-02 with main's extractor at 671cb3a: strict claims P 0.667 R 0.287
# F1 0.401 (tp 74, fp 37, fn 184); relaxed (place + side) F1 0.499. The floors are well
# below, so that only a collapse fails.
STRICT_F1_FLOOR = 0.30
RELAXED_F1_FLOOR = 0.38

pytestmark = requires_corpus


def _header(path):
    with path.open(encoding="utf-8") as fh:
        return fh.readline().strip().split(",")


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


@pytest.fixture(scope="module", params=SETS, ids=lambda d: d.name)
def gold_dir(request):
    return request.param


def test_dev_set_is_the_thirty_articles():
    assert [r["file"] for r in article_list(DEV)] == [f"{a}.txt" for a in DEV_ARTICLES]


def test_sets_do_not_share_articles():
    seen: dict[str, str] = {}
    for d in SETS:
        for r in article_list(d):
            assert r["file"] not in seen, (r["file"], seen.get(r["file"]), d.name)
            seen[r["file"]] = d.name


def test_columns(gold_dir):
    assert _header(gold_dir / "articles.csv") == ARTICLES_COLUMNS
    assert _header(gold_dir / "gold.csv") == GOLD_COLUMNS
    if (gold_dir / "sites_pending.csv").exists():
        # the site's name in its own column, or in place_name
        assert _header(gold_dir / "sites_pending.csv") in (SITES_COLUMNS, GOLD_COLUMNS)


def test_articles_unchanged_and_dated(gold_dir):
    table = sources(gold_dir)
    for row in article_list(gold_dir):
        sid = row["source_id"]
        assert sid == source_id(row["file"])
        assert article_file(sid) == ARTICLES / row["file"]
        assert table[sid]["content_hash"] == row["content_hash"], f"{row['file']} changed"
        dt.date.fromisoformat(table[sid]["published"])


def test_rows_belong_to_listed_articles(gold_dir):
    listed = {r["source_id"] for r in article_list(gold_dir)}
    for r in load_gold(gold_dir) + load_sites_pending(gold_dir):
        assert r["source_id"] in listed, r["assertion_id"]


def test_offsets_point_at_the_claim(gold_dir):
    """Offsets are in bounds, past the header, on whole words, and the quote names the place."""
    for r in load_gold(gold_dir) + load_sites_pending(gold_dir):
        text = article_file(r["source_id"]).read_bytes().decode("utf-8")
        s, e = int(r["start"]), int(r["end"])
        assert text.index("\n\n") < s < e <= len(text), r["assertion_id"]
        quote = r["quote"]
        assert quote == quote.strip() and "\n\n" not in quote, r["assertion_id"]
        # no word is cut (some pages glue sentences: "attacks.Opposition")
        assert not (text[s - 1].isalnum() and quote[0].isalnum()), r["assertion_id"]
        assert e == len(text) or not (text[e].isalnum() and quote[-1].isalnum()), r["assertion_id"]
        name = r["place_name"]
        pending_without_site = r["place_id"] == "" and "site" not in r
        # "the Idlib ... countryside" names a split span
        if name and "..." not in name and not pending_without_site:
            assert _fold(name) in _fold(quote), (r["assertion_id"], name)


def test_ids_recompute_and_unique(gold_dir):
    assert_ids_recompute_and_unique(load_gold(gold_dir))
    seen = set()
    for r in load_sites_pending(gold_dir):
        site = r.get("site", r["place_name"])  # its own column, or the place name
        assert r["place_id"] == "" and site, r["assertion_id"]
        key = "|".join(
            r[c] for c in ("source_id", "start", "end", "place_id", "actor", "relation", "stance")
        )
        key += "|" + r["site"] if "site" in r else ""
        assert r["assertion_id"] == "a" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]
        assert r["assertion_id"] not in seen
        seen.add(r["assertion_id"])


def test_vocabularies_places_and_dates(gold_dir):
    g = Gazetteer.default()
    gold = load_gold(gold_dir)
    for r in gold:
        assert r["place_id"] in g, r["place_id"]
    assert_vocabularies(gold)
    assert_vocabularies(load_sites_pending(gold_dir))
    published = {sid: s["published"] for sid, s in sources(gold_dir).items()}
    for r in gold + load_sites_pending(gold_dir):
        pub = dt.date.fromisoformat(published[r["source_id"]])
        event = dt.date.fromisoformat(r["event_date"])
        assert pub - dt.timedelta(days=30) <= event <= pub, r["assertion_id"]
        if r["date_precision"] == "published":
            assert event == pub, r["assertion_id"]


def test_dev_set_size():
    gold = load_gold(DEV)
    assert len(gold) >= 200
    assert len({r["source_id"] for r in gold}) >= 25


def test_claims_loose_floor_on_dev_set():
    scores = score_set(DEV)
    assert scores["claims"].f1 >= STRICT_F1_FLOOR, scores["claims"]
    assert scores["relaxed"].f1 >= RELAXED_F1_FLOOR, scores["relaxed"]
    assert scores["relaxed"].tp >= scores["claims"].tp
    wrong, placed = scores["wrong_side"]
    # a wrong colour is the worst error: under 3 % of the claims at a gold place (tuned set)
    assert placed >= 50 and wrong < 0.03 * placed, scores["wrong_side"]


def test_wrong_sides_counts_only_claims_at_a_gold_place():
    gold = [
        {"source_id": "s1", "place_id": "wof:421202163", "actor": "hts_coalition"},
        {"source_id": "s1", "place_id": "wof:421202163", "actor": "government"},
    ]
    predicted = [
        {"source_id": "s1", "place_id": "wof:421202163", "actor": "opposition"},  # right
        {"source_id": "s1", "place_id": "wof:421202163", "actor": "sdf"},  # wrong side
        {"source_id": "s2", "place_id": "wof:421202163", "actor": "sdf"},  # other article
        {"source_id": "s1", "place_id": "wof:421197257", "actor": "sdf"},  # not a gold place
    ]
    assert wrong_sides(predicted, gold) == (1, 2)
