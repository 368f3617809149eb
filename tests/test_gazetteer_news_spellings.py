"""Real news spellings (2011-2025) resolve to the right place.

tests/fixtures/news_spellings.csv: one row per spelling as English-language news writes it
(Reuters, AP, AFP, BBC, Al Jazeera, SOHR, SANA, Syria Direct, Kurdish media, Wikipedia),
with the expected governorate (ISO 3166-2), an approximate point (checked against the
gazetteer's WOF/GeoNames records and general knowledge; empty for a governorate), an
optional expected kind, and -- for known gaps -- the reason, which makes the row a strict
xfail: fixing the gap flips the test.
"""

import csv
import math
from pathlib import Path

import pytest

from syriamap.gazetteer import Gazetteer

FIXTURE = Path(__file__).parent / "fixtures" / "news_spellings.csv"
MAX_KM = 8.0
with FIXTURE.open(encoding="utf-8", newline="") as _f:
    ROWS = list(csv.DictReader(_f))


@pytest.fixture(scope="module")
def gaz():
    return Gazetteer.default()


def km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lon1)
    q1, q2 = math.radians(lat2), math.radians(lon2)
    a = math.sin((q1 - p1) / 2) ** 2 + math.cos(p1) * math.cos(q1) * math.sin((q2 - p2) / 2) ** 2
    return 12742 * math.asin(math.sqrt(min(1.0, a)))


def _params():
    for row in ROWS:
        marks = [pytest.mark.xfail(strict=True, reason=row["gap"])] if row["gap"] else []
        yield pytest.param(row, marks=marks, id=f"{row['query']}-{row['iso']}")


@pytest.mark.parametrize("row", list(_params()))
def test_news_spelling_resolves(gaz, row):
    place = gaz.best(row["query"])
    assert place is not None, f"{row['query']!r} resolved to nothing"
    where = f"{place.place_id} {place.name!r} {place.kind} {place.admin1_iso}"
    assert place.admin1_iso == row["iso"], f"{row['query']!r} -> {where}"
    if row["kind"]:
        assert place.kind == row["kind"], f"{row['query']!r} -> {where}"
    if row["lat"]:
        d = km(float(row["lat"]), float(row["lon"]), place.lat, place.lon)
        assert d < MAX_KM, f"{row['query']!r} -> {where}, {d:.1f} km from the expected point"


def test_the_table_is_broad():
    assert len(ROWS) >= 250
    isos = {row["iso"] for row in ROWS}
    assert len(isos) == 14, sorted(isos)
    arabic = [r for r in ROWS if any("\u0600" <= c <= "\u06ff" for c in r["query"])]
    assert len(arabic) >= 20
    gaps = [r for r in ROWS if r["gap"]]
    assert len(gaps) <= len(ROWS) // 20  # gaps stay the exception
    for row in ROWS:
        assert row["note"], row
        assert bool(row["lat"]) == bool(row["lon"]), row
        assert row["lat"] or row["kind"] == "governorate", row


@pytest.mark.parametrize(
    "query", ["Springfield", "Qwertyville", "Narnia", "Gotham", "Hogwarts", "Wakanda", "Xyzzy"]
)
def test_made_up_names_resolve_to_nothing(gaz, query):
    assert gaz.resolve(query) == []


@pytest.mark.parametrize(
    ("query", "place_id"),
    [
        ("Arak", "wof:1209192447"),  # the Palmyra gas field village, not Iraq
        ("Iraq", "x:country-iraq"),
        (
            "Irak",
            "x:country-iraq",
        ),  # a foreign name by its sound when no Syrian place is so spelled
    ],
)
def test_foreign_names_by_sound_give_way_to_exact_syrian_spellings(gaz, query, place_id):
    assert gaz.best(query).place_id == place_id


@pytest.mark.parametrize(
    ("query", "place_id"),
    [
        ("Zahraa", "wof:1259969425"),  # beside Nubl, not Az-Zahra' in Al-Hasakah
        ("Baghuz", "wof:1343849925"),  # the village of that name, not Kasan listing it as a variant
    ],
)
def test_near_ties_go_to_the_closest_spelled_name(gaz, query, place_id):
    assert gaz.best(query).place_id == place_id
