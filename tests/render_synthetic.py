"""Synthetic control states with exactly the columns of fusion/store (docs/ARCHITECTURE.md).

Used by the render tests and by benchmarks/bench_render.py: hostile source text, large
(10,000-place) states and timelines, without depending on the real pipeline.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random

import geopandas as gpd
import pandas as pd
from shapely.geometry import Point, box

from syriamap.assertions import ASSERTION_FIELDS, SOURCE_FIELDS
from syriamap.fusion import CONTROL_COLUMNS
from syriamap.render._frames import DayState, RenderInput

GOVERNORATES = [
    ("SY-LA", "Latakia", "اللاذقية"),
    ("SY-ID", "Idlib", "إدلب"),
    ("SY-HL", "Aleppo", "حلب"),
    ("SY-RA", "Raqqa", "الرقة"),
    ("SY-HA", "Al-Hasakah", "الحسكة"),
    ("SY-DY", "Deir ez-Zor", "دير الزور"),
    ("SY-HM", "Hama", "حماة"),
    ("SY-TA", "Tartus", "طرطوس"),
    ("SY-HI", "Homs", "حمص"),
    ("SY-DI", "Damascus", "دمشق"),
    ("SY-RD", "Rif Dimashq", "ريف دمشق"),
    ("SY-QU", "Quneitra", "القنيطرة"),
    ("SY-DR", "Daraa", "درعا"),
    ("SY-SU", "As-Suwayda", "السويداء"),
]
SIDES = ["government", "opposition", "sdf", "isis", "israel", "foreign", "other"]
ACTOR_OF = {
    "government": "government",
    "opposition": "hts_coalition",
    "sdf": "sdf",
    "isis": "isis",
    "israel": "israel",
    "foreign": "russia",
    "other": "other",
}
HOSTILE_PUBLISHER = "<script>window.__pwned=1</script>"
HOSTILE_URL = "javascript:window.__pwned=1"
HOSTILE_NAME = "Tell </script><script>window.__pwned=1</script>"
HOSTILE_QUOTE_TAIL = ' <img src=x onerror="window.__pwned=1"> said the \u2028monitor & co.'

# The frames the renderers receive have the columns fusion and the store promise.
PLACE_COLUMNS = [*CONTROL_COLUMNS, "geometry"]
ASSERTION_COLUMNS = list(ASSERTION_FIELDS)
SOURCE_COLUMNS = list(SOURCE_FIELDS)


def _gov_boxes():
    # 7 columns x 2 rows of boxes over Syria's bounding box; the gaps don't matter.
    boxes = []
    for i, (iso, name, name_ar) in enumerate(GOVERNORATES):
        col, row = i % 7, i // 7
        x0 = 35.7 + col * 0.95
        y0 = 37.2 - (row + 1) * 2.4
        boxes.append((iso, name, name_ar, box(x0, y0, x0 + 0.95, y0 + 2.4, ccw=False)))
    return boxes


def sources_frame(hostile: bool = True) -> pd.DataFrame:
    rows = []
    for i, pub in enumerate(["Reuters", "Associated Press", "Al Jazeera", "SOHR", "AFP"]):
        rows.append(
            {
                "source_id": f"s{i:03d}",
                "publisher": pub,
                "url": f"https://example.org/news/{i}?a=1&b=2",
                "title": f"Report {i} <b>bold</b>",
                "published": dt.date(2024, 12, 1 + i),
                "content_hash": hashlib.sha256(pub.encode()).hexdigest(),
                "file": f"{i:03d}.txt",
                "date_note": "",
            }
        )
    if hostile:
        rows.append(
            {
                "source_id": "evil",
                "publisher": HOSTILE_PUBLISHER,
                "url": HOSTILE_URL,
                "title": '"><script>window.__pwned=1</script>',
                "published": dt.date(2024, 12, 6),
                "content_hash": "0" * 64,
                "file": "evil.txt",
                "date_note": "",
            }
        )
    return pd.DataFrame(rows, columns=SOURCE_COLUMNS)


def make_input(
    n_places: int = 40,
    dates: list[dt.date] | None = None,
    *,
    hostile: bool = True,
    seed: int = 7,
    districts: bool = False,
) -> RenderInput:
    """A RenderInput of ``n_places`` places over ``dates`` (default: 2024-12-07 only)."""
    rng = random.Random(seed)
    dates = dates or [dt.date(2024, 12, 7)]
    govs = _gov_boxes()
    sources = sources_frame(hostile)
    source_ids = list(sources["source_id"])
    normal_sources = [s for s in source_ids if s != "evil"]

    places = []
    for i in range(n_places):
        iso, gname, _, poly = govs[i % len(govs)]
        x0, y0, x1, y1 = poly.bounds
        name = HOSTILE_NAME if (hostile and i == 0) else f"Kafr Test {i}"
        kind = ["city", "town", "village", "village", "neighbourhood", "site"][i % 6]
        places.append(
            {
                "place_id": f"wof:{1000000 + i}",
                "name": name,
                "name_ar": f"قرية {i}",
                "kind": kind,
                "admin1": gname,
                "admin1_iso": iso,
                "population": None if i % 5 == 4 else rng.randint(100, 2_000_000),
                "point": Point(
                    round(rng.uniform(x0 + 0.01, x1 - 0.01), 6),
                    round(rng.uniform(y0 + 0.01, y1 - 0.01), 6),
                ),
            }
        )

    assertions = []

    def add_assertion(place, side, day, stance, source_id, hostile_quote=False):
        actor = ACTOR_OF[side]
        quote = f"Fighters of the {actor} took {place['name']} on the outskirts, reports said"
        if hostile_quote:
            quote += HOSTILE_QUOTE_TAIL
        aid = (
            "a"
            + hashlib.sha1(
                f"{place['place_id']}|{side}|{day}|{stance}|{source_id}".encode()
            ).hexdigest()[:12]
        )  # noqa: E501
        assertions.append(
            {
                "assertion_id": aid,
                "source_id": source_id,
                "place_id": place["place_id"],
                "place_name": place["name"],
                "actor": actor,
                "relation": "captured",
                "stance": stance,
                "claimant": "SOHR" if stance == "attributed" else "",
                "claimant_side": "neutral" if stance == "attributed" else "",
                "event_date": day,
                "date_precision": "day",
                "place_precision": "place",
                "quote": quote,
                "start": 0,
                "end": len(quote),
                "method": "manual",
                "confidence": round(rng.uniform(0.4, 1.0), 2),
                "note": "",
            }
        )
        return aid

    # per place: a side per day (changes at a random day for a third of places)
    plans = []
    for i in range(len(places)):
        first = SIDES[i % 3] if i % 11 else SIDES[3 + i % 4]
        second = SIDES[(i + 1) % 3]
        change = rng.randrange(len(dates)) if (i % 3 == 0 and len(dates) > 1) else None
        status = "contested" if i % 7 == 3 else ("unknown" if i % 13 == 12 else "held")
        confirmed = i % 5 != 2
        appear = rng.randrange(len(dates)) if (i % 17 == 5 and len(dates) > 1) else 0
        plans.append((first, second, change, status, confirmed, appear))

    days = []
    made: dict[tuple, str] = {}
    for di, day in enumerate(dates):
        rows = []
        for i, (place, plan) in enumerate(zip(places, plans, strict=True)):
            first, second, change, status, confirmed, appear = plan
            if di < appear:
                continue
            side = second if (change is not None and di >= change) else first
            since = dates[change] if (change is not None and di >= change) else dates[0]
            key = (i, side)
            if key not in made:
                src = "evil" if (hostile and i == 0) else normal_sources[i % len(normal_sources)]
                stance = "asserted" if confirmed else ["attributed", "unverified", "denied"][i % 3]
                made[key] = add_assertion(place, side, since, stance, src, hostile and i == 0)
                if i % 4 == 0:  # a second supporting claim from another source
                    made[key + ("b",)] = add_assertion(
                        place, side, since, stance, normal_sources[(i + 1) % 5]
                    )
            supporting = [made[key]] + ([made[key + ("b",)]] if key + ("b",) in made else [])
            conflicting = []
            if status == "contested":
                other = SIDES[(SIDES.index(side) + 1) % 3]
                ck = (i, other, "con")
                if ck not in made:
                    made[ck] = add_assertion(place, other, since, "asserted", normal_sources[2])
                conflicting = [made[ck]]
            srcs = sorted({a["source_id"] for a in assertions if a["assertion_id"] in supporting})
            rows.append(
                {
                    "place_id": place["place_id"],
                    "name": place["name"],
                    "name_ar": place["name_ar"],
                    "kind": place["kind"],
                    "admin1": place["admin1"],
                    "admin1_iso": place["admin1_iso"],
                    "population": place["population"],
                    "actor": ACTOR_OF[side] if status != "unknown" else None,
                    "side": side if status != "unknown" else None,
                    "status": status,
                    "confidence": 0.9 if confirmed else 0.4,
                    "confirmed": confirmed and status != "unknown",
                    "as_of": day,
                    "last_change": since,
                    "supporting": supporting,
                    "conflicting": conflicting,
                    "n_sources": len(srcs),
                    "sources": srcs,
                    "geometry": place["point"],
                }
            )
        gdf = gpd.GeoDataFrame(rows, columns=PLACE_COLUMNS, geometry="geometry", crs="EPSG:4326")
        gdf["population"] = pd.array(gdf["population"], dtype="Int64")
        days.append(DayState(day, gdf, _summary(gdf, govs)))

    frame = pd.DataFrame(assertions, columns=ASSERTION_COLUMNS)
    district_frame = None
    if districts:
        district_frame = gpd.GeoDataFrame(
            {
                "place_id": [f"wof:9{i}" for i in range(len(govs))],
                "name": [f"{g[1]} district" for g in govs],
                "name_ar": ["منطقة"] * len(govs),
                "admin1_iso": [g[0] for g in govs],
            },
            geometry=[g[3].buffer(-0.2) for g in govs],
            crs="EPSG:4326",
        )
    return RenderInput(
        days=tuple(days), assertions=frame, sources=sources, districts=district_frame
    )


def _summary(places: gpd.GeoDataFrame, govs) -> gpd.GeoDataFrame:
    rows = []
    for iso, name, name_ar, poly in govs:
        sub = places[places["admin1_iso"] == iso]
        n = len(sub)
        row = {
            "place_id": f"wof:8{iso[-2:]}",
            "name": name,
            "name_ar": name_ar,
            "iso": iso,
            "n_places": n,
        }
        pop = sub["population"].fillna(0).astype(float)
        for side in SIDES:
            mask = (sub["side"] == side).to_numpy()
            row[f"share_{side}"] = float(mask.sum() / n) if n else 0.0
            total = float(pop.sum())
            row[f"pop_share_{side}"] = float(pop[mask].sum() / total) if total else 0.0
        shares = {s: row[f"share_{s}"] for s in SIDES}
        best = max(shares, key=shares.get)
        row["dominant_side"] = best if n and shares[best] > 0 else None
        row["dominant_share"] = shares[best] if n else 0.0
        row["geometry"] = poly
        rows.append(row)
    return gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")
