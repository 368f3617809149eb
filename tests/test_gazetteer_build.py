import csv
import importlib.util
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
WOF = ROOT / "data" / "sources" / "whosonfirst-sy.geojsonl.gz"
WOF_SHA256 = "3249eab8a4a6e8a16eb1c3c510239bd6b6db07c018e477a24e923c6e810fd77c"
DATA = ROOT / "data"
PACKAGE = ROOT / "syriamap" / "data"
COLUMNS = (
    "place_id,name,name_ar,kind,lat,lon,admin1_id,admin1,admin1_iso,admin2_id,admin2,"
    "population,aliases,source,wof_id,geonames_id,parent_id,prominent"
).split(",")
ISO_CODES = {
    "SY-DI", "SY-RD", "SY-QU", "SY-DR", "SY-SU", "SY-HI", "SY-HM",
    "SY-LA", "SY-TA", "SY-ID", "SY-HL", "SY-RA", "SY-DY", "SY-HA",
}  # fmt: skip
SITE_KINDS = {
    "airbase", "airport", "crossing", "dam", "prison", "base", "checkpoint", "mountain",
    "neighbourhood", "site",
}  # fmt: skip
OUTPUTS = (
    "data/gazetteer.csv",
    "syriamap/data/gazetteer.json.gz",
    "syriamap/data/governorates.geojson",
    "syriamap/data/districts.geojson",
)


def _builder():
    spec = importlib.util.spec_from_file_location(
        "build_gazetteer", ROOT / "scripts" / "build_gazetteer.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def rows():
    with open(DATA / "gazetteer.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_the_bundled_wof_extract_is_the_reference_one():
    import hashlib

    assert hashlib.sha256(WOF.read_bytes()).hexdigest() == WOF_SHA256


@pytest.mark.slow
def test_build_is_reproducible_and_the_committed_outputs_are_current(tmp_path, capsys):
    build = _builder()
    for name in ("a", "b"):
        assert build.main(["--out", str(tmp_path / name)]) == 0
    report = capsys.readouterr().out
    assert "geonames duplicates merged" in report and "total rows" in report
    for rel in OUTPUTS:
        first = (tmp_path / "a" / rel).read_bytes()
        assert first == (tmp_path / "b" / rel).read_bytes(), f"{rel} differs between builds"
        assert first == (ROOT / rel).read_bytes(), f"{rel} is stale: run scripts/build_gazetteer.py"


def test_csv_schema(rows):
    with open(DATA / "gazetteer.csv", encoding="utf-8") as fh:
        assert fh.readline().strip().split(",") == COLUMNS
    assert len(rows) > 10_000
    ids = [r["place_id"] for r in rows]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    number = re.compile(r"^-?\d+\.\d{5}$")
    kinds = {
        "governorate",
        "district",
        "subdistrict",
        "city",
        "town",
        "village",
        "neighbourhood",
        "site",
        "region",
        "country",
    }
    for r in rows:
        if r["place_id"].startswith("r:"):  # data/regions.csv
            assert re.fullmatch(r"r:[a-z0-9]+(-[a-z0-9]+)*", r["place_id"]), r
            assert r["kind"] == "region" and r["source"] == "region", r
            assert r["admin1_iso"] in ISO_CODES and not r["wof_id"] and not r["geonames_id"]
            continue
        if r["place_id"].startswith("s:"):  # data/sites.csv
            assert re.fullmatch(r"s:[a-z0-9]+(-[a-z0-9]+)*", r["place_id"]), r
            assert r["source"] == "site" and r["kind"] in SITE_KINDS, r
            assert r["admin1_iso"] in ISO_CODES and r["parent_id"], r
            assert r["prominent"] in ("", "yes"), r
            continue
        assert not r["parent_id"] and not r["prominent"], r
        assert re.fullmatch(r"(wof|gn):\d+", r["place_id"]), r
        assert r["name"] and r["kind"] in kinds, r
        assert number.match(r["lat"]) and number.match(r["lon"]), r
        assert r["source"].split("+")[0] in {"wof", "geonames"}, r
        assert r["population"] == "" or r["population"].isdigit(), r
        assert r["name"] not in r["aliases"].split("|"), r
        if r["place_id"].startswith("wof:"):
            assert r["wof_id"] == r["place_id"][4:]
        else:
            assert r["geonames_id"] == r["place_id"][3:] and r["source"].startswith("geonames")
    governorates = [r for r in rows if r["kind"] == "governorate"]
    assert {r["admin1_iso"] for r in governorates} == ISO_CODES and len(governorates) == 14
    districts = [r for r in rows if r["kind"] == "district"]
    assert len(districts) >= 60 and all(r["admin1_iso"] in ISO_CODES for r in districts)


def test_syria_is_one_country_row(rows):
    """Syria itself (WOF 85632413) is the one place of kind country, in no governorate."""
    countries = [r for r in rows if r["kind"] == "country"]
    assert [r["place_id"] for r in countries] == ["wof:85632413"]
    (syria,) = countries
    assert syria["name"] == "Syria" and syria["name_ar"] == "سوريا"
    assert not syria["admin1_id"] and not syria["admin1_iso"] and not syria["admin2_id"]
    assert "Syrian Arab Republic" in syria["aliases"].split("|")
    # "Syrian" is an adjective, never a name of the country
    assert "Syrian" not in syria["aliases"].split("|")


def test_clean_display_names(rows):
    names = {r["name"] for r in rows}
    assert {
        "Deir ez-Zor",
        "Homs",
        "Hama",
        "Damascus",
        "Rastan",
        "Palmyra",
        "As-Suwayda",
        "Daraa",
        "Quneitra",
        "Raqqa",
        "Al-Hasakah",
        "Tartus",
        "Latakia",
    } <= names
    assert "Days Az Zawr" not in names and "Homs (Hims)" not in names
    assert not any("`" in n for n in names)
    palmyra = next(r for r in rows if r["name"] == "Palmyra" and r["kind"] == "city")
    assert (
        "Tadmur" in palmyra["aliases"].split("|")
        and "تدمر" in palmyra["aliases"] + palmyra["name_ar"]
    )


def test_merged_records_carry_both_sources(rows):
    by_gn = {r["geonames_id"]: r for r in rows if r["geonames_id"]}
    for gid in ("170654", "169577", "170017"):  # Damascus, Homs, Hama
        assert by_gn[gid]["kind"] == "city" and "geonames" in by_gn[gid]["source"]
    gn_ids = [r["geonames_id"] for r in rows if r["geonames_id"]]
    assert len(gn_ids) == len(set(gn_ids)), "a GeoNames id on two rows"


def test_reviewed_aliases_have_notes_and_resolve(rows):
    ids = {r["place_id"] for r in rows}
    ids |= {f"gn:{r['geonames_id']}" for r in rows if r["geonames_id"]}
    ids |= {r["admin1_iso"] for r in rows if r["kind"] == "governorate"}
    with open(DATA / "aliases.csv", encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames == ["place_ref", "alias", "role", "note"]
        entries = list(reader)
    assert len(entries) >= 20
    for entry in entries:
        assert entry["place_ref"] in ids, entry
        assert entry["alias"].strip() and entry["note"].strip(), entry
        assert entry["role"] in {"alias", "display"}, entry
    spellings = {e["alias"] for e in entries}
    assert {
        "Saasaa",
        "Sassa",
        "Kanaker",
        "Sweida",
        "Suweida",
        "Deraa",
        "Baath City",
        "Sanamayn",
        "Maadamiyah",
        "Deir Ezzor",
    } <= spellings


def test_outside_syria_schema():
    with open(DATA / "outside_syria.csv", encoding="utf-8", newline="") as fh:
        entries = list(csv.DictReader(fh))
    slugs = [e["place_id"] for e in entries]
    assert slugs == sorted(slugs) and len(set(slugs)) == len(slugs)
    for e in entries:
        assert re.fullmatch(r"x:[a-z0-9-]+", e["place_id"]), e
        assert re.fullmatch(r"[A-Z]{2}", e["country"]), e
        assert -90 <= float(e["lat"]) <= 90 and -180 <= float(e["lon"]) <= 180
        assert e["name"] and e["aliases"]


def test_compiled_index_matches_the_csv(rows):
    import gzip

    data = json.loads(gzip.decompress((PACKAGE / "gazetteer.json.gz").read_bytes()))
    assert data["columns"] == COLUMNS
    assert [r[0] for r in data["rows"]] == [r["place_id"] for r in rows]
    assert set(data["capitals"]) == ISO_CODES


# -- boundaries --------------------------------------------------------------------------
@pytest.fixture(scope="module")
def govs():
    from syriamap.boundaries import governorates

    return governorates()


@pytest.fixture(scope="module")
def dists():
    from syriamap.boundaries import districts

    return districts()


def test_governorates(govs):
    assert list(govs.columns) == ["place_id", "name", "name_ar", "iso", "geometry"]
    assert set(govs.iso) == ISO_CODES and len(govs) == 14
    assert govs.crs.to_epsg() == 4326
    assert govs.geometry.is_valid.all()
    assert set(govs.name) >= {"Damascus", "Rif Dimashq", "Deir ez-Zor", "As-Suwayda"}


def test_districts(dists, govs):
    assert list(dists.columns) == ["place_id", "name", "name_ar", "admin1_iso", "geometry"]
    assert len(dists) >= 60 and set(dists.admin1_iso) == ISO_CODES
    assert dists.geometry.is_valid.all()


@pytest.mark.parametrize("layer", ["govs", "dists"])
def test_no_gaps_or_overlaps(layer, request):
    import shapely

    frame = request.getfixturevalue(layer)
    geoms = list(frame.geometry)
    assert shapely.coverage_is_valid(geoms)
    total = sum(g.area for g in geoms)
    union = shapely.union_all(geoms)
    assert abs(union.area - total) < 1e-6 * total
    # neighbours share edges: Damascus is enclosed by Rif Dimashq
    if layer == "govs":
        by_iso = dict(zip(frame.iso, frame.geometry, strict=True))
        shared = by_iso["SY-DI"].boundary.intersection(by_iso["SY-RD"].boundary)
        assert shared.length > 0.9 * by_iso["SY-DI"].boundary.length


def test_layers_agree(govs, dists):
    import shapely

    for iso, geom in zip(govs.iso, govs.geometry, strict=True):
        parts = shapely.union_all(list(dists[dists.admin1_iso == iso].geometry))
        assert geom.symmetric_difference(parts).area < 1e-9


def test_boundaries_contain_their_capitals(govs):
    import shapely

    from syriamap.gazetteer import Gazetteer

    by_iso = dict(zip(govs.iso, govs.geometry, strict=True))
    for iso, place in Gazetteer.default().capitals().items():
        assert by_iso[iso].covers(shapely.Point(place.lon, place.lat)), (iso, place)


def test_returns_copies(govs):
    from syriamap.boundaries import governorates

    frame = governorates()
    frame["name"] = "x"
    assert governorates().name.iloc[0] != "x"


def test_size_budget():
    total = sum((PACKAGE / n).stat().st_size for n in ("governorates.geojson", "districts.geojson"))
    assert total < 1_500_000
    assert (PACKAGE / "gazetteer.json.gz").stat().st_size < 3_000_000
