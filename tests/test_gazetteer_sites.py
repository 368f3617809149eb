"""Reviewed sites (data/sites.csv): airbases, crossings, dams, prisons, bases, city districts.

The spellings below are invented variants (transliteration alternations the press uses:
e/i/ee, ou/u/w, kh/h, doubled letters, articles, kind phrases), not copied from any text.
Each must resolve within a few km of the site's reviewed point; kind words must pick the
site over a village of the same name; a city district's bare name must win over a
same-named village when the text's context is its city.
"""

import csv
import math
from pathlib import Path

import pytest

from syriamap.extract.context import find_descriptors, resolve_mentions
from syriamap.extract.mentions import find_place_mentions
from syriamap.extract.sentences import split_sentences
from syriamap.gazetteer import KINDS, SITE_KINDS, Gazetteer

ROOT = Path(__file__).resolve().parents[1]
SITES = ROOT / "data" / "sites.csv"
MAX_KM = 5.0
with SITES.open(encoding="utf-8", newline="") as _fh:
    ROWS = list(csv.DictReader(_fh))
BY_ID = {row["site_id"]: row for row in ROWS}


@pytest.fixture(scope="module")
def gaz():
    return Gazetteer.default()


def km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742 * math.asin(math.sqrt(min(1.0, a)))


# -- the data file ------------------------------------------------------------------------
def test_every_site_row_is_complete_and_near_its_parent(gaz):
    assert len(ROWS) >= 90
    for row in ROWS:
        assert row["kind"] in SITE_KINDS and row["kind"] in KINDS, row
        assert row["note"].startswith("approx."), row  # the note says how good the point is
        parent = gaz.get(row["parent_id"])
        limit = 10.0 if row["kind"] == "neighbourhood" else 30.0
        d = km(float(row["lat"]), float(row["lon"]), parent.lat, parent.lon)
        assert d <= limit, f"{row['site_id']} lies {d:.1f} km from {parent}"
        place = gaz.get(row["site_id"])
        assert place.admin1_iso == row["admin1_iso"], (place, row["admin1_iso"])
        assert place.parent_id == parent.place_id


def test_counts_by_kind_cover_the_press():
    kinds = {}
    for row in ROWS:
        kinds[row["kind"]] = kinds.get(row["kind"], 0) + 1
    assert kinds["airbase"] + kinds["airport"] >= 20
    assert kinds["crossing"] >= 12 and kinds["dam"] >= 5 and kinds["prison"] >= 6
    assert kinds["neighbourhood"] >= 35


# -- invented spellings -------------------------------------------------------------------
VARIANTS = [
    # airbases and airports
    ("Kouweiris airbase", "s:kuweires-airbase"),
    ("the Kuwayres military airport", "s:kuweires-airbase"),
    ("Khmaymim air base", "s:hmeimim-airbase"),
    ("Hmeimeem airbase", "s:hmeimim-airbase"),
    ("T-4 air base", "s:t4-airbase"),
    ("Tiyas military airport", "s:t4-airbase"),
    ("Shuayrat airbase", "s:shayrat-airbase"),
    ("al-Mezze military airport", "s:mezzeh-airbase"),
    ("the Neirab airbase", "s:aleppo-airport"),
    ("Abu el-Duhur military airport", "s:abu-al-duhur-airbase"),
    ("the military airport of Hama", "s:hama-military-airport"),
    ("Hama military air base", "s:hama-military-airport"),
    ("Deir Ezzor military airport", "s:deir-ez-zor-airport"),
    ("Tabaqah airbase", "s:tabqa-airbase"),
    ("Dumeir airbase", "s:dumayr-airbase"),
    ("Khalkhaleh airbase", "s:khalkhalah-airbase"),
    ("Qamishlo airport", "s:qamishli-airport"),
    ("Palmyra military airbase", "s:palmyra-airport"),
    ("Taftanaz military airfield", "s:taftanaz-airbase"),
    ("Menneg airbase", "s:menagh-airbase"),
    # crossings
    ("the Bab el-Hawa border crossing", "s:bab-al-hawa-crossing"),
    ("Bab al-Salameh border crossing", "s:bab-al-salam-crossing"),
    ("the Naseeb crossing", "s:nasib-crossing"),
    ("Jdeidet Yabus border crossing", "s:jdeidet-yabous-crossing"),
    ("Jousiyeh crossing", "s:jusiyah-crossing"),
    ("Yaarubiyah crossing", "s:yarubiyah-crossing"),
    ("Semelka crossing", "s:semalka-crossing"),
    ("the al-Tanf border crossing", "s:tanf-crossing"),
    ("Kesab crossing", "s:kassab-crossing"),
    ("Tell Abiad crossing", "s:tal-abyad-crossing"),
    ("Jarabulus border crossing", "s:jarablus-crossing"),
    # the Euphrates road bridge east of Manbij (a river crossing)
    ("the Qarah Qozak bridge", "s:qara-qozak-bridge"),
    ("Qara Qawzaq bridge", "s:qara-qozak-bridge"),
    ("the Qaraqozaq bridge", "s:qara-qozak-bridge"),
    # dams
    ("the Tichrine dam", "s:tishrin-dam"),
    ("Tishreen dam", "s:tishrin-dam"),
    ("the Euphrates dam", "s:tabqa-dam"),
    ("al-Baath dam", "s:baath-dam"),
    ("Rastan dam", "s:rastan-dam"),
    ("Mahardeh dam", "s:mhardeh-dam"),
    # prisons and bases
    ("Sednaya military prison", "s:saydnaya-prison"),
    ("Saidnaya prison", "s:saydnaya-prison"),
    ("Adra central prison", "s:adra-prison"),
    ("Tadmor prison", "s:palmyra-prison"),
    ("the Ghweiran prison", "s:ghwayran-prison"),
    ("the Russian naval base in Tartous", "s:tartus-naval-base"),
    # neighbourhoods by their bare or marked names
    ("Joubar", "s:jobar"),
    ("al-Qabun", "s:qaboun"),
    ("Barzeh neighbourhood", "s:barzeh"),
    ("Kafar Sousa", "s:kafr-sousa"),
    ("Bab Touma", "s:bab-tuma"),
    ("Tadamoun", "s:tadamon"),
    ("Sheikh Maksood", "s:sheikh-maqsoud"),
    ("Salah Eddine", "s:salaheddine"),
    ("Boustan al-Qasr", "s:bustan-al-qasr"),
    ("Masaken Hanano", "s:masakin-hanano"),
    ("Baba Amru", "s:baba-amr"),
    ("al-Waar district", "s:waer"),
    ("Karm al-Zeitun", "s:karm-al-zeitoun"),
    ("the neighbourhood of Akramah", "s:akrama"),
]  # fmt: skip


@pytest.mark.parametrize(("query", "site_id"), VARIANTS)
def test_invented_spellings_resolve_within_a_few_km(gaz, query, site_id):
    place = gaz.best(query)
    assert place is not None, f"{query!r} resolved to nothing"
    row = BY_ID[site_id]
    d = km(float(row["lat"]), float(row["lon"]), place.lat, place.lon)
    assert d < MAX_KM, f"{query!r} -> {place} ({d:.1f} km from {site_id})"


def test_the_variants_are_not_in_the_data():
    spelled = {a.casefold() for row in ROWS for a in [row["name"], *row["aliases"].split("|")]}
    copied = [q for q, _ in VARIANTS if q.casefold() in spelled]
    assert len(copied) <= len(VARIANTS) // 2, copied  # most go through the rules, not lookups


@pytest.mark.parametrize(
    ("query", "site_id", "village"),
    [
        ("Tishrin Dam", "s:tishrin-dam", "Tishrin"),  # the village is 200 km away
        ("Kuwayris airbase", "s:kuweires-airbase", "Kuwayris Sharqi"),
        ("Khalkhalah military airport", "s:khalkhalah-airbase", "Khalkhalah"),
        ("Taftanaz airbase", "s:taftanaz-airbase", "Taftanaz"),
        ("Jusiyah crossing", "s:jusiyah-crossing", "Jusiyah"),
        ("the Hamdaniyah district", "s:hamdaniyah-aleppo", "Hamdaniyah"),
    ],
)
def test_kind_words_pick_the_site_over_the_same_named_village(gaz, query, site_id, village):
    assert gaz.best(query).place_id == site_id
    plain = gaz.best(village)
    assert plain is not None and plain.place_id != site_id  # bare, the village keeps its name


@pytest.mark.parametrize(
    ("bare", "site_id"),
    [
        ("Zahra", "s:zahra-homs"),
        ("Ashrafieh", "s:ashrafieh-aleppo"),
        ("Khalidiyeh", "s:khalidiyeh-homs"),
    ],
)
def test_a_district_that_is_not_prominent_gives_way_when_named_bare(gaz, bare, site_id):
    assert gaz.best(bare).place_id != site_id
    assert gaz.best(f"the {bare} neighbourhood").place_id == site_id


def test_two_cities_districts_of_one_name_are_told_apart_by_near(gaz):
    aleppo, damascus = gaz.best("Aleppo"), gaz.best("Damascus")
    assert gaz.best("Midan neighbourhood", near=(aleppo.lat, aleppo.lon)).admin1_iso == "SY-HL"
    assert gaz.best("Midan neighbourhood", near=(damascus.lat, damascus.lon)).admin1_iso == "SY-DI"


def test_kind_filter_finds_the_facility_of_a_town(gaz):
    assert gaz.resolve("Hama", kind="airbase")[0].place.place_id == "s:hama-military-airport"
    assert gaz.resolve("Tishrin", kind="dam") == []  # the village has no dam
    assert gaz.sites_of("wof:1343658479", ["airbase"])[0].place_id == "s:kuweires-airbase"
    # a foreign town's crossing is its own post, not the Syrian one beside it
    assert gaz.best("Al-Qaim border crossing").outside_syria


# -- in context ---------------------------------------------------------------------------
def _resolved(text, gaz):
    sentences = split_sentences(text, ((0, len(text)),))
    raw = find_place_mentions(text, [(s.start, s.end) for s in sentences], gazetteer=gaz)
    mentions = resolve_mentions(text, raw, gaz)
    descriptors = find_descriptors(text, sentences, mentions, gaz)
    return {m.text: m for m in [*mentions, *descriptors]}


@pytest.mark.parametrize(
    ("text", "name", "site_id"),
    [
        ("Shelling hit Damascus on Monday, and clashes spread to Joubar.", "Joubar", "s:jobar"),
        ("In Aleppo the Kurdish units kept Ashrafiyeh overnight.", "Ashrafiyeh",
         "s:ashrafieh-aleppo"),
        ("Army tanks rolled through Homs and shells fell on Khalidiyeh.", "Khalidiyeh",
         "s:khalidiyeh-homs"),
        ("Aleppo was quiet, but Midan saw looting.", "Midan", "s:midan-aleppo"),
        ("Rebels overran the Kweiris airbase at dawn.", "Kweiris", "s:kuweires-airbase"),
        ("Jets hit the Tishreen dam near Manbij.", "Tishreen dam", "s:tishrin-dam"),
    ],
)  # fmt: skip
def test_neighbourhoods_and_facilities_in_context(gaz, text, name, site_id):
    found = _resolved(text, gaz)
    assert found[name].place_id == site_id, found[name]


def test_a_district_name_out_of_its_city_is_not_forced_onto_it(gaz):
    # "Zahra" beside Nubl is the village Az-Zahra', not the Homs district
    found = _resolved("Militias in Nubl and Zahra held out for years.", gaz)
    assert found["Zahra"].place_id != "s:zahra-homs"
    assert gaz.get(found["Zahra"].place_id).admin1_iso == "SY-HL"


@pytest.mark.parametrize(
    ("text", "descriptor", "site_id"),
    [
        ("Fighters reached Hama at noon. By evening they held the military airport.",
         "the military airport", "s:hama-military-airport"),
        ("The offensive reached Aleppo. The airport fell the next day.", "The airport",
         "s:aleppo-airport"),
        ("Strikes hit the Tishreen dam. The dam was damaged.", "The dam", "s:tishrin-dam"),
    ],
)  # fmt: skip
def test_the_facility_from_the_document_context(gaz, text, descriptor, site_id):
    found = _resolved(text, gaz)
    assert found[descriptor].place_id == site_id
    assert found[descriptor].score <= 0.6  # a reading of the context, not a name


def test_an_ambiguous_facility_stays_unresolved(gaz):
    # Daraa has no crossing of its own in the data: "the crossing" is left alone
    found = _resolved("Rebels entered Daraa. Then they took the crossing.", gaz)
    assert "the crossing" not in found
    # Hama's airport is a military one: "the international airport" is not it
    found = _resolved("Rebels entered Hama. Then they took the international airport.", gaz)
    assert "the international airport" not in found
