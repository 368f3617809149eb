"""The gold annotation of the seeds (data/assertions.csv, seeds/sources.csv) is consistent.

These checks are about the hand-made data, not the code: every quote sits at its offsets,
every place, actor and vocabulary id exists, ids recompute, dates are sane, and the
collective statement about the 14 provincial capitals is expanded in full.
The annotation guidelines are in data/ANNOTATION.md.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from syriamap.assertions import (
    Assertion,
    DatePrecision,
    PlacePrecision,
    Relation,
    Source,
    Stance,
)
from syriamap.gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parents[1]
ASSERTIONS = ROOT / "data" / "assertions.csv"
SOURCES = ROOT / "seeds" / "sources.csv"
ACTORS = ROOT / "data" / "actors.csv"

COLUMNS = (
    "assertion_id,source_id,place_id,place_name,actor,relation,stance,claimant,"
    "claimant_side,event_date,date_precision,place_precision,quote,start,end,method,"
    "confidence,note"
).split(",")
SOURCE_COLUMNS = "source_id,publisher,url,title,published,content_hash,file,date_note".split(",")
SIDES = {"government", "opposition", "sdf", "isis", "israel", "foreign", "other"}
CLAIMANT_SIDES = SIDES | {"neutral", ""}
FIRST_DAY, LAST_DAY = dt.date(2024, 11, 27), dt.date(2024, 12, 8)
CAPITALS_QUOTE = (
    "the government now has control over only three out of 14 provincial capitals: "
    "Damascus, Latakia, and Tartus."
)

# The governorate each annotated place must lie in (a check that the gazetteer record is the
# intended one, e.g. the Kanakir near Damascus and not the one in As-Suwayda). A place_id
# added to the gold file must be added here after checking it on the map.
EXPECTED_ISO = {
    "Aleppo": "SY-HL",
    "Al-Hasakah": "SY-HA",
    "As-Sanamayn": "SY-DR",
    "As-Suwayda": "SY-SU",
    "Daraa": "SY-DR",
    "Damascus": "SY-DI",
    "Darayya": "SY-RD",
    "Deir ez-Zor": "SY-DY",
    "Douma": "SY-RD",
    "Hama": "SY-HM",
    "Harasta": "SY-RD",
    "Homs": "SY-HI",
    "Idlib": "SY-ID",
    "Jaramana": "SY-RD",
    "Kanakir": "SY-RD",
    "Latakia": "SY-LA",
    "Madinat al-Baath": "SY-QU",
    "Muadamiyat al-Sham": "SY-RD",
    "Palmyra": "SY-HI",
    "Al-Qusayr": "SY-HI",
    "Quneitra": "SY-QU",
    "Raqqa": "SY-RA",
    "Rastan": "SY-HI",
    "Rif Dimashq": "SY-RD",
    "Sa'sa'": "SY-RD",
    "Tartus": "SY-TA",
}
# Spellings the seeds use for those places -> the canonical key above.
SURFACE = {
    "deraa": "Daraa",
    "daraa": "Daraa",
    "sweida": "As-Suwayda",
    "suweida": "As-Suwayda",
    "as-suwayda": "As-Suwayda",
    "kanaker": "Kanakir",
    "saasaa": "Sa'sa'",
    "sassa": "Sa'sa'",
    "maadamiyah": "Muadamiyat al-Sham",
    "baath city": "Madinat al-Baath",
    "deir ezzor": "Deir ez-Zor",
    "sanamayn": "As-Sanamayn",
    "qusayr": "Al-Qusayr",
    "damascus countryside": "Rif Dimashq",
    "damascus": "Damascus",
    "homs": "Homs",
    "hama": "Hama",
    "aleppo": "Aleppo",
    "palmyra": "Palmyra",
    "latakia": "Latakia",
    "tartus": "Tartus",
    "quneitra": "Quneitra",
    "jaramana": "Jaramana",
    "daraya": "Darayya",
    "harasta": "Harasta",
    "rastan": "Rastan",
    # gazetteer spellings
    "mu'addamiyat ash shih": "Muadamiyat al-Sham",
    "madinat al ba'th": "Madinat al-Baath",
}


@cache
def rows() -> list[dict[str, str]]:
    with ASSERTIONS.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames == COLUMNS
        return list(reader)


@cache
def sources() -> dict[str, dict[str, str]]:
    with SOURCES.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames == SOURCE_COLUMNS
        return {r["source_id"]: r for r in reader}


@cache
def text(source_id: str) -> str:
    return (ROOT / sources()[source_id]["file"]).read_bytes().decode("utf-8")


def gazetteer() -> Gazetteer:
    return Gazetteer.default()


def test_the_gold_file_has_dozens_of_rows_from_every_seed():
    counts = Counter(r["source_id"] for r in rows())
    assert set(counts) == set(sources())
    assert len(rows()) >= 60
    assert min(counts.values()) >= 5


def test_sources_hash_to_their_files_and_are_dated():
    seeds = sorted(p.stem for p in (ROOT / "seeds").glob("*.txt"))
    assert sorted(sources()) == seeds
    for sid, row in sources().items():
        path = ROOT / row["file"]
        assert row["file"] == f"seeds/{sid}.txt"
        assert hashlib.sha256(path.read_bytes()).hexdigest() == row["content_hash"], sid
        source = Source.from_row(row)
        assert source.published is not None, sid
        assert FIRST_DAY <= source.published <= LAST_DAY, sid
        assert row["publisher"] and row["date_note"], sid


def test_the_misleading_page_date_is_not_the_publication_date():
    row = sources()["000_24d4a9f86796abdb"]
    assert text("000_24d4a9f86796abdb").startswith("Friday, May 2, 2025")
    assert row["published"] == "2024-12-07"
    assert "page date" in row["date_note"]


def test_every_quote_sits_at_its_offsets():
    for row in rows():
        start, end = int(row["start"]), int(row["end"])
        assert text(row["source_id"])[start:end] == row["quote"], row["assertion_id"]


def test_rows_are_valid_assertions_with_recomputed_ids():
    for row in rows():
        assertion = Assertion.from_row(row)  # validates vocabularies, offsets and the id
        assert assertion.assertion_id == row["assertion_id"]
        key = "|".join(
            row[k] for k in ("source_id", "start", "end", "place_id", "actor", "relation", "stance")
        )
        assert row["assertion_id"] == "a" + hashlib.sha1(key.encode()).hexdigest()[:12]


def test_vocabularies():
    for row in rows():
        rid = row["assertion_id"]
        assert row["relation"] in {r.value for r in Relation}, rid
        assert row["stance"] in {s.value for s in Stance}, rid
        assert row["date_precision"] in {d.value for d in DatePrecision}, rid
        assert row["place_precision"] in {p.value for p in PlacePrecision}, rid
        assert row["claimant_side"] in CLAIMANT_SIDES, rid
        assert row["method"] == "manual", rid
        assert 0.0 < float(row["confidence"]) <= 1.0, rid
        # the text's own statements have no claimant; reported ones name theirs
        if row["stance"] in ("attributed", "denied"):
            assert row["claimant"] and row["claimant_side"], rid
        if row["stance"] == "asserted":
            assert not row["claimant"] and not row["claimant_side"], rid


def test_no_duplicate_ids_and_sorted():
    ids = [r["assertion_id"] for r in rows()]
    assert len(ids) == len(set(ids))
    keys = [(r["source_id"], int(r["start"])) for r in rows()]
    assert keys == sorted(keys)


def test_actors_exist():
    with ACTORS.open(encoding="utf-8", newline="") as fh:
        actors = {r["id"]: r["side"] for r in csv.DictReader(fh)}
    for row in rows():
        assert row["actor"] in actors, row["assertion_id"]
        assert actors[row["actor"]] in SIDES


def test_event_dates_are_in_the_offensive_and_not_after_publication():
    for row in rows():
        event = dt.date.fromisoformat(row["event_date"])
        published = dt.date.fromisoformat(sources()[row["source_id"]]["published"])
        assert FIRST_DAY <= event <= LAST_DAY, row["assertion_id"]
        assert event <= published, row["assertion_id"]
        if row["date_precision"] == "published":
            assert event == published, row["assertion_id"]


def _canonical(name: str) -> str | None:
    return SURFACE.get(name.casefold().replace("’", "'").strip())


def test_places_exist_and_lie_in_the_expected_governorate():
    g = gazetteer()
    for row in rows():
        place = g.get(row["place_id"])
        rid = row["assertion_id"]
        assert place.place_id == row["place_id"], (rid, "use the canonical id, not a redirect")
        assert 32.0 <= place.lat <= 37.5 and 35.5 <= place.lon <= 42.5, rid
        if place.kind == "governorate":
            assert row["place_precision"] == "region", rid
        if row["place_precision"] == "region":
            assert place.kind in ("governorate", "district"), rid
        canonical = _canonical(row["place_name"])
        if canonical is not None:
            assert place.admin1_iso == EXPECTED_ISO[canonical], (rid, row["place_name"])
        if place.kind != "governorate":
            key = place.name if place.name in EXPECTED_ISO else _canonical(place.name)
            assert key in EXPECTED_ISO, (rid, place.name)
            assert place.admin1_iso == EXPECTED_ISO[key], (rid, place.name)


def test_kanaker_is_the_kanakir_near_damascus():
    g = gazetteer()
    kanaker = [r for r in rows() if r["place_name"] == "Kanaker"]
    assert kanaker
    for row in kanaker:
        place = g.get(row["place_id"])
        assert place.admin1_iso == "SY-RD"
        assert abs(place.lat - 33.27) < 0.1 and abs(place.lon - 36.10) < 0.1


def test_the_14_provincial_capitals_statement_is_expanded_in_full():
    capitals = {iso: p.place_id for iso, p in gazetteer().capitals().items()}
    assert len(capitals) == 14
    stated = [r for r in rows() if r["quote"].endswith(CAPITALS_QUOTE)]
    assert all(r["source_id"] == "002_382a75be208f75a2" for r in stated)
    controls = {r["place_id"] for r in stated if r["relation"] == "controls"}
    lost = {r["place_id"] for r in stated if r["relation"] == "lost"}
    assert len(stated) == 14
    assert all(r["actor"] == "government" and r["stance"] == "asserted" for r in stated)
    assert controls == {capitals[iso] for iso in ("SY-DI", "SY-LA", "SY-TA")}
    assert len(lost) == 11
    assert lost == set(capitals.values()) - controls


@pytest.mark.parametrize(
    ("place_name", "actor", "relation", "stance"),
    [
        ("Kanaker", "opposition", "entered", "asserted"),
        ("the Damascus countryside", "government", "withdrew", "denied"),
        ("the key city", "government", "withdrew", "denied"),
        ("Deir Ezzor", "sdf", "captured", "attributed"),
        ("Sanamayn region", "government", "controls", "attributed"),
        ("Deraa province", "southern_factions", "controls", "attributed"),
        ("Saasaa", "hts_coalition", "captured", "attributed"),
        ("the capital", "opposition", "encircled", "unverified"),
    ],
)
def test_landmark_claims_are_recorded(place_name, actor, relation, stance):
    assert any(
        r["place_name"] == place_name
        and r["actor"] == actor
        and r["relation"] == relation
        and r["stance"] == stance
        for r in rows()
    )


def test_weekdays_resolve_against_publication():
    by_quote = {(r["source_id"], r["quote"], r["place_name"]): r for r in rows()}
    hama = by_quote[
        (
            "004_6c372f994df79183",
            "They took control of Hama, which is north of Homs, on Thursday, dealing "
            "President Assad a serious setback after he lost Aleppo last week.",
            "Hama",
        )
    ]
    assert (hama["event_date"], hama["date_precision"]) == ("2024-12-05", "day")
    palmyra = [r for r in rows() if r["place_name"] == "Palmyra" and r["relation"] == "entered"]
    assert [(r["event_date"], r["date_precision"]) for r in palmyra] == [("2024-12-07", "day")]
