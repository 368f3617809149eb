"""Second blind evaluation set (tests/fixtures/blind2/): gold integrity only.

Six articles written and annotated for a final measurement without reading the extractor's
rules (syriamap/extract/), its lexicon (data/lexicon/) or the earlier evaluation fixtures
(tests/fixtures/dev/, tests/fixtures/heldout/); see tests/fixtures/blind2/README.md.
These tests check the hand-made data only: quotes sit at their offsets in the text the
extractor reads, ids recompute, places/actors/vocabularies exist, dates and sides are sane.
There is deliberately no score floor. Never tune the extractor against these articles.
"""

from __future__ import annotations

import datetime as dt
import hashlib
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
BLIND = ROOT / "tests" / "fixtures" / "blind2"
GOLD = BLIND / "gold.csv"
SOURCES = BLIND / "sources.csv"
COLUMNS = (
    "assertion_id,source_id,place_id,place_name,actor,relation,stance,claimant,"
    "claimant_side,event_date,date_precision,place_precision,quote,start,end,method,"
    "confidence,note"
).split(",")
SOURCE_COLUMNS = "source_id,publisher,url,title,published,content_hash,file,date_note".split(",")
N_ARTICLES = 6

# The governorate (ISO 3166-2) of every annotated place, checked by hand against coordinates.
GOVERNORATE = {
    "r:mount-hermon": "SY-RD",  # Mount Hermon (region)
    "wof:1108779089": "SY-HL",  # Afrin (district)
    "wof:1108779205": "SY-HL",  # Manbij (district)
    "wof:1125778451": "SY-ID",  # Khan Shaykhun (town)
    "wof:1125967423": "SY-LA",  # Jableh (city)
    "wof:1125980503": "SY-LA",  # Latakia (city)
    "wof:1141906291": "SY-HL",  # Manbij (city)
    "wof:1193127079": "SY-HL",  # Az-Zarbah (town)
    "wof:1209102035": "SY-HL",  # Khan Tuman (village)
    "wof:1209604917": "SY-HL",  # Jindayris (town)
    "wof:1226132315": "SY-HL",  # Tall 'Arish (village)
    "wof:1226438471": "SY-HL",  # Khirbat az Zammalah (village)
    "wof:1226623337": "SY-ID",  # Ma'arrat an Nu'man (town)
    "wof:1242974937": "SY-HA",  # Tall Halaf (village)
    "wof:1243340781": "SY-ID",  # Taftanaz (town)
    "wof:1259763395": "SY-ID",  # An-Nayrab (village)
    "wof:1259789621": "SY-RA",  # 'Ayn 'Isa (town)
    "wof:1259882989": "SY-LA",  # Humaymim (village)
    "wof:1259969425": "SY-HL",  # Az-Zahra' (village)
    "wof:1260267483": "SY-HL",  # Radjun (town)
    "wof:1276457637": "SY-HA",  # Ra's al 'Ayn (town)
    "wof:1293495113": "SY-QU",  # Hadar (village)
    "wof:1309696799": "SY-HL",  # Qarah Qawzaq (village)
    "wof:1310429531": "SY-RA",  # Tall Abyad (town)
    "wof:1326630607": "SY-RA",  # At-Tabaqah (city)
    "wof:1327435755": "SY-HA",  # Tall Tamr (town)
    "wof:1360282145": "SY-HL",  # 'Ayn al 'Arab (city)
    "wof:421168647": "SY-HI",  # Homs (city)
    "wof:421170787": "SY-HI",  # Al-Qaryatayn (town)
    "wof:421172833": "SY-RA",  # Raqqa (city)
    "wof:421178431": "SY-HL",  # Nubl (town)
    "wof:421197257": "SY-DR",  # Daraa (city)
    "wof:421197935": "SY-HI",  # Palmyra (city)
    "wof:421202165": "SY-DI",  # Damascus (city)
    "wof:421202167": "SY-DY",  # Deir ez-Zor (city)
    "wof:85678373": "SY-ID",  # Idlib (governorate)
    "wof:85678395": "SY-QU",  # Quneitra (governorate)
    "wof:890432567": "SY-ID",  # Idlib (city)
    "wof:890436241": "SY-HL",  # Afrin (town)
    "wof:890449825": "SY-TA",  # Tartus (city)
    "wof:890449827": "SY-HL",  # Tell Rifaat (town)
    "wof:890449833": "SY-ID",  # Saraqib (town)
    "wof:890449871": "SY-TA",  # Baniyas (town)
}


@pytest.fixture(scope="module")
def gold() -> list[dict[str, str]]:
    return rows(GOLD)


@pytest.fixture(scope="module")
def sources() -> dict[str, dict[str, str]]:
    return {r["source_id"]: r for r in rows(SOURCES)}


def test_columns(gold, sources):
    with GOLD.open(encoding="utf-8") as fh:
        assert fh.readline().rstrip("\n").split(",") == COLUMNS
    with SOURCES.open(encoding="utf-8") as fh:
        assert fh.readline().rstrip("\n").split(",") == SOURCE_COLUMNS


def test_sources_match_files(gold, sources):
    articles = sorted(p for p in BLIND.iterdir() if p.suffix in {".txt", ".html"})
    assert len(articles) == N_ARTICLES
    assert {p.stem for p in articles} == set(sources)
    assert {r["source_id"] for r in gold} == set(sources)
    for sid, src in sources.items():
        path = ROOT / src["file"]
        assert path.stem == sid and path.parent == BLIND
        assert hashlib.sha256(path.read_bytes()).hexdigest() == src["content_hash"], sid
        dt.date.fromisoformat(src["published"])
        assert src["publisher"] and src["title"] and src["date_note"]


def test_quotes_at_offsets(gold, sources):
    assert_quotes_at_offsets(gold, sources)


def test_ids_recompute_unique_and_sorted(gold):
    assert_ids_recompute_and_unique(gold)
    keys = [
        (
            r["source_id"],
            int(r["start"]),
            int(r["end"]),
            r["place_id"],
            r["actor"],
            r["relation"],
            r["stance"],
        )
        for r in gold
    ]
    assert keys == sorted(keys)


def test_places_exist_and_governorates_pinned(gold):
    g = Gazetteer.default()
    assert {r["place_id"] for r in gold} == set(GOVERNORATE)
    for pid, iso in GOVERNORATE.items():
        assert pid in g, pid
        assert g.get(pid).admin1_iso == iso, pid


def test_vocabularies_and_claimants(gold):
    assert_vocabularies(gold)


def test_event_dates_not_after_publication(gold, sources):
    for r in gold:
        event = dt.date.fromisoformat(r["event_date"])
        published = dt.date.fromisoformat(sources[r["source_id"]]["published"])
        assert event <= published, r["assertion_id"]
        if r["date_precision"] == "published":
            assert event == published, r["assertion_id"]


def test_scores_stay_above_a_loose_floor(capsys):
    """A collapse fails; ordinary work elsewhere is not constrained (first blind run:
    places P 0.887, claims F1 0.301; see README.md)."""
    import json

    from syriamap.cli import main

    files = sorted(str(p) for p in BLIND.iterdir() if p.suffix in {".txt", ".html"})
    argv = ["evaluate", "--json", "--gold", str(GOLD), "--sources", str(SOURCES), *files]
    assert main(argv) == 0
    scores = json.loads(capsys.readouterr().out)
    assert scores["places"]["precision"] >= 0.75, scores["places"]
    assert scores["claims"]["f1"] >= 0.15, scores["claims"]
