import math
import subprocess
import sys
import threading

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import syriamap.gazetteer as gazetteer_module
from syriamap.errors import UnknownPlaceError, VocabularyError
from syriamap.gazetteer import KINDS, Gazetteer, Match, Place, resolve

ISO_CODES = {
    "SY-DI", "SY-RD", "SY-QU", "SY-DR", "SY-SU", "SY-HI", "SY-HM",
    "SY-LA", "SY-TA", "SY-ID", "SY-HL", "SY-RA", "SY-DY", "SY-HA",
}  # fmt: skip


@pytest.fixture(scope="module")
def gaz():
    return Gazetteer.default()


def km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742 * math.asin(math.sqrt(a))


# query, expected admin1 ISO (or country for foreign places), reference lat, lon (GeoNames
# or WOF coordinates of the place), expected kind (None: any settlement)
SEED_PLACES = [
    ("Damascus", "SY-DI", 33.5102, 36.29128, "city"),
    ("Daraa", "SY-DR", 32.61889, 36.10213, "city"),
    ("Deraa", "SY-DR", 32.61889, 36.10213, "city"),
    ("Homs", "SY-HI", 34.72405, 36.72559, "city"),
    ("Kanaker", "SY-RD", 33.26664, 36.09625, None),
    ("Palmyra", "SY-HI", 34.5624, 38.28402, "city"),
    ("Aleppo", "SY-HL", 36.20124, 37.16117, "city"),
    ("Hama", "SY-HM", 35.13179, 36.75783, "city"),
    ("as-Suwayda", "SY-SU", 32.70896, 36.56951, "city"),
    ("Suwayda", "SY-SU", 32.70896, 36.56951, "city"),
    ("Suweida", "SY-SU", 32.70896, 36.56951, "city"),
    ("Sweida", "SY-SU", 32.70896, 36.56951, "city"),
    ("Quneitra", "SY-QU", 33.12595, 35.82461, "city"),
    ("Saasaa", "SY-RD", 33.28198, 36.01947, None),
    ("Sassa", "SY-RD", 33.28198, 36.01947, None),
    ("Sassa district", "SY-RD", 33.28198, 36.01947, None),
    ("Saasaa branch", "SY-RD", 33.28198, 36.01947, None),
    ("Qusayr", "SY-HI", 34.5078, 36.58029, None),
    ("Latakia", "SY-LA", 35.53125, 35.79088, "city"),
    ("Tartus", "SY-TA", 34.88902, 35.88659, "city"),
    ("Maadamiyah", "SY-RD", 33.46466, 36.20175, None),
    ("Jaramana", "SY-RD", 33.4862, 36.34614, "city"),
    ("Daraya", "SY-RD", 33.45835, 36.23256, "city"),
    ("Harasta", "SY-RD", 33.55869, 36.36515, None),
    ("Baath City", "SY-QU", 33.17204, 35.87311, None),
    ("Sanamayn", "SY-DR", 33.07186, 36.18316, None),
    ("Deir Ezzor", "SY-DY", 35.33588, 40.14084, "city"),
    ("Rastan", "SY-HI", 34.92667, 36.73241, "city"),
    ("Idlib", "SY-ID", 35.93062, 36.63393, "city"),
    ("Raqqa", "SY-RA", 35.95283, 39.00788, "city"),
]
VARIANTS = [
    ("Dar'a", "SY-DR", 32.61889, 36.10213, "city"),
    ("Dar`a", "SY-DR", 32.61889, 36.10213, "city"),
    ("Der'a", "SY-DR", 32.61889, 36.10213, "city"),
    ("Hims", "SY-HI", 34.72405, 36.72559, "city"),
    ("Hamah", "SY-HM", 35.13179, 36.75783, "city"),
    ("Halab", "SY-HL", 36.20124, 37.16117, "city"),
    ("Dimashq", "SY-DI", 33.5102, 36.29128, "city"),
    ("Ladhiqiyah", "SY-LA", 35.53125, 35.79088, "city"),
    ("Lattakia", "SY-LA", 35.53125, 35.79088, "city"),
    ("Tartous", "SY-TA", 34.88902, 35.88659, "city"),
    ("ar-Raqqah", "SY-RA", 35.95283, 39.00788, "city"),
    ("al-Hasakah", "SY-HA", 36.50237, 40.74772, "city"),
    ("Hassakeh", "SY-HA", 36.50237, 40.74772, "city"),
    ("Qamishli", "SY-HA", 37.05215, 41.23142, "city"),
    ("Kamishli", "SY-HA", 37.05215, 41.23142, "city"),
    ("Deir al-Zour", "SY-DY", 35.33588, 40.14084, "city"),
    ("Dair ez Zor", "SY-DY", 35.33588, 40.14084, "city"),
    ("Deir ez-Zor", "SY-DY", 35.33588, 40.14084, "city"),
    ("Tadmur", "SY-HI", 34.5624, 38.28402, "city"),
    ("Manbij", "SY-HL", 36.52815, 37.95495, "city"),
    ("Menbij", "SY-HL", 36.52815, 37.95495, "city"),
    ("Tal Rifaat", "SY-HL", 36.47229, 37.09471, None),
    ("Tell Rifaat", "SY-HL", 36.47229, 37.09471, None),
    ("al-Bab", "SY-HL", 36.37051, 37.5157, "city"),
    ("Azaz", "SY-HL", 36.58662, 37.04628, "city"),
    ("A'zaz", "SY-HL", 36.58662, 37.04628, "city"),
    ("Afrin", "SY-HL", 36.51194, 36.86954, None),
    ("Ma'arrat al-Nu'man", "SY-ID", 35.6476, 36.6746, None),
    ("Maarat al-Numan", "SY-ID", 35.6476, 36.6746, None),
    ("Saraqib", "SY-ID", 35.86447, 36.80591, None),
    ("Jisr al-Shughur", "SY-ID", 35.81418, 36.31983, None),
    ("Jisr ash-Shughur", "SY-ID", 35.81418, 36.31983, None),
    ("Khan Shaykhun", "SY-ID", 35.44208, 36.65095, None),
    ("Khan Sheikhoun", "SY-ID", 35.44208, 36.65095, None),
    ("Salamiyah", "SY-HM", 35.01127, 37.05324, "city"),
    ("Salamieh", "SY-HM", 35.01127, 37.05324, "city"),
    ("Mhardeh", "SY-HM", 35.2479, 36.5725, None),
    ("Suqaylabiyah", "SY-HM", 35.36674, 36.39359, None),
    ("Talbiseh", "SY-HI", 34.84072, 36.73092, None),
    ("Douma", "SY-RD", 33.57175, 36.4027, "city"),
    ("Yabroud", "SY-RD", 33.96921, 36.65729, None),
    ("Qatana", "SY-RD", 33.43757, 36.07888, None),
    ("Muadamiyat al-Sham", "SY-RD", 33.46466, 36.20175, None),
    ("Nassib", "SY-DR", 32.5518, 36.18813, None),
    ("Albu Kamal", "SY-DY", 34.45226, 40.91854, "city"),
    ("Abu Kamal", "SY-DY", 34.45226, 40.91854, "city"),
    ("Mayadin", "SY-DY", 35.01982, 40.45154, "city"),
    ("Al-Mayadin", "SY-DY", 35.01982, 40.45154, "city"),
    ("Shaddadi", "SY-HA", 36.05756, 40.73478, None),
    ("Chaddadi", "SY-HA", 36.05756, 40.73478, None),
    ("Qardaha", "SY-LA", 35.4584, 36.0628, None),
    ("Baniyas", "SY-TA", 35.18188, 35.94871, None),
    ("Alsanamayn", "SY-DR", 33.07186, 36.18316, None),
    ("دمشق", "SY-DI", 33.5102, 36.29128, "city"),
    ("حمص", "SY-HI", 34.72405, 36.72559, "city"),
    ("درعا", "SY-DR", 32.61889, 36.10213, "city"),
    ("السويداء", "SY-SU", 32.70896, 36.56951, None),
    ("حلب", "SY-HL", 36.20124, 37.16117, "city"),
]


@pytest.mark.parametrize(("query", "iso", "lat", "lon", "kind"), SEED_PLACES + VARIANTS)
def test_resolves_to_the_right_place(gaz, query, iso, lat, lon, kind):
    place = gaz.best(query)
    assert place is not None, query
    assert place.admin1_iso == iso, (query, place)
    assert km(place.lat, place.lon, lat, lon) < 8.0, (query, place, place.lat, place.lon)
    assert not place.outside_syria
    if kind is not None:
        assert place.kind == kind, (query, place)
    else:
        assert place.kind in {"city", "town", "village"}, (query, place)


@pytest.mark.parametrize(
    ("query", "iso"),
    [
        ("Hama province", "SY-HM"),
        ("Homs governorate", "SY-HI"),
        ("Daraa countryside", "SY-DR"),
        ("Idlib province", "SY-ID"),
        ("Damascus countryside", "SY-RD"),
        ("the Damascus countryside", "SY-RD"),
        ("Rural Damascus", "SY-RD"),
        ("Rif Dimashq", "SY-RD"),
        ("Deir ez-Zor governorate", "SY-DY"),
        ("ريف دمشق", "SY-RD"),
    ],
)
def test_kind_cues_pick_the_governorate(gaz, query, iso):
    place = gaz.best(query)
    assert place is not None and place.kind == "governorate" and place.admin1_iso == iso, place


def test_city_cue_picks_the_city(gaz):
    assert gaz.best("Idlib city").kind == "city"
    assert gaz.best("Hama city").kind == "city"


@pytest.mark.parametrize(
    ("query", "country"),
    [
        ("Beirut", "LB"), ("Baghdad", "IQ"), ("Amman", "JO"), ("Ankara", "TR"),
        ("Doha", "QA"), ("Al Qaima", "IQ"), ("Al-Qaim", "IQ"), ("Moscow", "RU"),
        ("Tehran", "IR"), ("Geneva", "CH"), ("Istanbul", "TR"), ("Jerusalem", "IL"),
        ("Tel Aviv", "IL"), ("Riyadh", "SA"), ("Cairo", "EG"), ("Washington", "US"),
        ("London", "GB"), ("Paris", "FR"), ("Kyiv", "UA"), ("Gaziantep", "TR"),
        ("Erbil", "IQ"), ("Mosul", "IQ"), ("Hermel", "LB"), ("Tripoli", "LB"),
        ("Iraq", "IQ"),
        ("Turkey", "TR"),
        ("Russia", "RU"),
        ("Lebanon", "LB"),
        ("Bagdad", "IQ"),
        ("Al-Qaim border crossing", "IQ"),
        ("Golan Heights", "SY"), ("the Golan", "SY"), ("occupied Golan", "SY"),
    ],
)  # fmt: skip
def test_places_outside_syria(gaz, query, country):
    place = gaz.best(query)
    assert place is not None and place.outside_syria and place.country == country, place
    assert place.place_id.startswith("x:")


def test_two_kanakirs_are_told_apart_by_near(gaz):
    south = gaz.best("Kanakir", near=(32.7, 36.56))  # As-Suwayda
    west = gaz.best("Kanakir", near=(33.51, 36.29))  # Damascus
    assert south.admin1_iso == "SY-SU" and west.admin1_iso == "SY-RD"
    assert south.place_id != west.place_id
    both = {m.place.place_id for m in gaz.resolve("Kanaker", limit=5)}
    assert {south.place_id, west.place_id} <= both


def test_baniyas_on_the_coast_and_banias_in_the_golan(gaz):
    coast = gaz.best("Baniyas")
    assert coast.admin1_iso == "SY-TA"
    golan = gaz.best("Banias", near=(33.25, 35.69))
    assert golan.lat < 33.4 and golan.place_id != coast.place_id


def test_unknown_name_gives_nothing_and_suggestions(gaz):
    assert gaz.resolve("Xyzzyplugh qwerty") == []
    assert gaz.best("Xyzzyplugh qwerty") is None
    assert gaz.resolve("") == []
    assert gaz.resolve("   ") == []
    assert "Damascus" in gaz.suggest("Damasqos")


def test_fuzzy_fallback_with_threshold(gaz):
    found = gaz.resolve("Damasqus")
    assert found and found[0].place.name == "Damascus" and found[0].score < 1
    assert gaz.resolve("Zq") == []


def test_kind_and_admin1_filters(gaz):
    assert all(m.place.kind == "governorate" for m in gaz.resolve("Homs", kind="governorate"))
    assert gaz.best("Kanakir", admin1="As-Suwayda").admin1_iso == "SY-SU"
    assert gaz.best("Kanakir", admin1="SY-RD").admin1_iso == "SY-RD"
    with pytest.raises(VocabularyError):
        gaz.resolve("Homs", kind="planet")


def test_matches_are_ranked_and_explained(gaz):
    found = gaz.resolve("Homs", limit=3)
    assert all(isinstance(m, Match) for m in found)
    assert [m.score for m in found] == sorted((m.score for m in found), reverse=True)
    assert all(0 <= m.score <= 1 and m.why for m in found)
    assert len(gaz.resolve("Homs", limit=1)) == 1


def test_get_and_mapping_protocol(gaz):
    damascus = gaz.best("Damascus")
    assert gaz.get(damascus.place_id) is damascus
    assert gaz[damascus.place_id] is damascus
    assert damascus.place_id in gaz and "wof:0" not in gaz
    assert gaz.get("gn:170654") is damascus  # GeoNames id of the merged record
    assert gaz.get("x:beirut").country == "LB"
    assert len(gaz) > 10_000 and len(list(gaz)) == len(gaz)
    with pytest.raises(UnknownPlaceError) as err:
        gaz.get("wof:0")
    assert isinstance(err.value, LookupError)


def test_governorates_and_capitals(gaz):
    govs = gaz.governorates()
    assert {g.admin1_iso for g in govs} == ISO_CODES and len(govs) == 14
    capitals = gaz.capitals()
    assert set(capitals) == ISO_CODES
    assert all(p.kind == "city" for p in capitals.values())
    expected = {
        "SY-DI": "Damascus",
        "SY-HI": "Homs",
        "SY-HM": "Hama",
        "SY-HL": "Aleppo",
        "SY-DY": "Deir ez-Zor",
        "SY-SU": "As-Suwayda",
        "SY-DR": "Daraa",
        "SY-QU": "Quneitra",
        "SY-RD": "Douma",
    }
    for iso, name in expected.items():
        assert capitals[iso].name == name and capitals[iso].admin1_iso == iso
    assert capitals["SY-HI"].population > 500_000  # merged from GeoNames


def test_surface_forms_and_frame(gaz):
    forms = dict(gaz.surface_forms())
    assert forms["saasaa"] == gaz.best("Saasaa").place_id
    frame = gaz.frame()
    assert len(frame) == len(gaz)
    assert {"place_id", "name", "kind", "lat", "lon", "admin1_iso"} <= set(frame.columns)


def test_place_is_validated_and_immutable():
    place = Place("x:test", "Test", "", "city", 1.0, 2.0, country="FR")
    assert place.outside_syria and "Test" in repr(place)
    assert "<table>" in place._repr_html_()
    with pytest.raises(AttributeError):
        place.name = "Other"  # type: ignore[misc]
    with pytest.raises(VocabularyError):
        Place("x:test", "Test", "", "planet", 1.0, 2.0)
    with pytest.raises(ValueError):
        Place("x:test", "Test", "", "city", 100.0, 2.0)
    assert set(KINDS) >= {"governorate", "city", "village"}


def test_every_record_has_a_valid_shape(gaz):
    for place in gaz:
        assert place.kind in KINDS
        assert place.place_id.split(":")[0] in {"wof", "gn", "r", "x", "s"}
        if not place.outside_syria:
            assert 32.0 < place.lat < 37.5 and 35.5 < place.lon < 42.5, place


def test_module_level_resolve():
    assert resolve("Homs")[0].place.name == "Homs"


def test_default_is_loaded_once_and_thread_safe(monkeypatch):
    monkeypatch.setattr(Gazetteer, "_default", None)
    results = []
    threads = [
        threading.Thread(target=lambda: results.append(Gazetteer.default())) for _ in range(8)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len({id(g) for g in results}) == 1


def test_stale_rules_rebuild_the_keys(monkeypatch):
    monkeypatch.setattr(gazetteer_module, "RULES_VERSION", "stale")
    gaz = Gazetteer._load_package()
    assert gaz.best("Saasaa").name == "Sa'sa'"


def test_import_does_not_load_the_gazetteer():
    code = "import syriamap, syriamap.gazetteer as g; assert g.Gazetteer._default is None"
    subprocess.run([sys.executable, "-c", code], check=True)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_resolve_never_raises(text):
    gaz = Gazetteer.default()
    found = gaz.resolve(text)
    assert isinstance(found, list)
    gaz.suggest(text)


@pytest.mark.parametrize(
    ("query", "name", "kind"),
    [
        ("Hama's countryside", "Hama", "governorate"),
        ("Aleppo’s countryside", "Aleppo", "governorate"),
        ("northern Hama countryside", "Hama", "governorate"),
        ("Homs, Syria", "Homs", "city"),
        ("Homs province, Syria", "Homs", "governorate"),
        # a facility's kind word names the site (data/sites.csv), not its town
        ("Hama airport", "Hama Military Airport", "airbase"),
        ("Saydnaya prison", "Saydnaya Prison", "prison"),
    ],
)
def test_phrases_around_names(gaz, query, name, kind):
    place = gaz.best(query)
    assert place is not None and (place.name, place.kind) == (name, kind), place


@pytest.mark.parametrize("query", ["the", "province", "countryside", "city", "  -  ", "\x00"])
def test_generic_words_alone_resolve_to_nothing(gaz, query):
    assert gaz.resolve(query) == []


@settings(max_examples=100, deadline=None)
@given(
    st.text(max_size=30),
    st.sampled_from([None, *KINDS]),
    st.one_of(st.none(), st.tuples(st.floats(-90, 90), st.floats(-180, 180))),
)
def test_resolve_never_raises_with_options(text, kind, near):
    found = Gazetteer.default().resolve(text, kind=kind, near=near, admin1=None)
    assert all(0 <= m.score <= 1 for m in found)


# place ids other modules and the gold annotations rely on: they must not change
STABLE_IDS = {
    "wof:421202165": "Damascus",
    "wof:421168647": "Homs",
    "wof:421202161": "Hama",
    "wof:421202163": "Aleppo",
    "wof:421197257": "Daraa",
    "wof:421192811": "As-Suwayda",
    "wof:1293409783": "Kanakir",
    "wof:1242797743": "Sa'sa'",
    "wof:85678391": "Rif Dimashq",
    "wof:85678399": "Daraa",
    "wof:421197935": "Palmyra",
    "x:beirut": "Beirut",
}


@pytest.mark.parametrize(("place_id", "name"), sorted(STABLE_IDS.items()))
def test_place_ids_are_stable(gaz, place_id, name):
    place = gaz.get(place_id)
    assert place.place_id == place_id and place.name == name


# -- ranking: near= breaks ties, it does not override a much better match --------------------
DAMASCUS = (33.51, 36.29)
SUWAYDA = (32.71, 36.57)


@pytest.mark.parametrize(
    ("query", "near", "place_id"),
    [
        ("Hama", DAMASCUS, "wof:421202161"),  # the city, not the village Al-Hami by Damascus
        ("Homs", DAMASCUS, "wof:421168647"),
        ("Aleppo", DAMASCUS, "wof:421202163"),
        ("Kanaker", DAMASCUS, "wof:1293409783"),  # Rif Dimashq
        ("Kanaker", SUWAYDA, "wof:1242970041"),  # As-Suwayda
        ("Kanakir", SUWAYDA, "wof:1242970041"),
        ("Kanakir", DAMASCUS, "wof:1293409783"),
    ],
)
def test_near_breaks_ties_only(gaz, query, near, place_id):
    assert gaz.best(query, near=near).place_id == place_id


def test_near_never_turns_a_capital_into_a_homonym(gaz):
    # standing anywhere a same-named place lies, a capital's bare name is still the capital
    for iso, capital in gaz.capitals().items():
        others = [m.place for m in gaz.resolve(capital.name, limit=50) if m.place != capital]
        for other in others:
            if other.kind in {"city", "governorate", "district"} or other.outside_syria:
                continue
            best = gaz.best(capital.name, near=(other.lat, other.lon))
            assert best == capital, (iso, other)


@pytest.mark.parametrize(
    "name",
    ["Daraa", "Deraa", "Homs", "Idlib", "Raqqa", "Hama", "Aleppo", "Quneitra", "Deir ez-Zor",
     "As-Suwayda", "Sweida", "Latakia", "Tartus", "Al-Hasakah", "Damascus"],
)  # fmt: skip
def test_bare_city_names_give_the_city_and_cues_the_governorate(gaz, name):
    city = gaz.best(name)
    assert city.kind == "city" and city in gaz.capitals().values(), city
    for cue in ("province", "governorate"):
        gov = gaz.best(f"{name} {cue}")
        assert gov.kind == "governorate" and gov.admin1_iso == city.admin1_iso, (cue, gov)


def test_cue_words_are_stripped_before_the_fuzzy_fallback(gaz):
    assert gaz.best("the Hauran").place_id == "r:hauran"  # not a fuzzy "Tehran"
    assert gaz.best("northern Hama countryside").kind == "governorate"


# -- named regions (data/regions.csv) ----------------------------------------------------------
@pytest.mark.parametrize(
    ("query", "place_id", "iso"),
    [
        ("Eastern Ghouta", "r:eastern-ghouta", "SY-RD"),
        ("East Ghouta", "r:eastern-ghouta", "SY-RD"),
        ("al-Ghouta al-Sharqiya", "r:eastern-ghouta", "SY-RD"),
        ("الغوطة الشرقية", "r:eastern-ghouta", "SY-RD"),
        ("Ghouta", "r:eastern-ghouta", "SY-RD"),
        ("Western Ghouta", "r:western-ghouta", "SY-RD"),
        ("Qalamoun", "r:qalamoun", "SY-RD"),
        ("Qalamun mountains", "r:qalamoun", "SY-RD"),
        ("eastern Qalamoun", "r:eastern-qalamoun", "SY-RD"),
        ("Western Qalamoun", "r:western-qalamoun", "SY-RD"),
        ("Mount Hermon", "r:mount-hermon", "SY-RD"),
        ("Jabal al-Sheikh", "r:mount-hermon", "SY-RD"),
        ("Jebel el-Sheikh", "r:mount-hermon", "SY-RD"),
        ("جبل الشيخ", "r:mount-hermon", "SY-RD"),
        ("Jabal al-Zawiya", "r:jabal-al-zawiya", "SY-ID"),
        ("Jebel Zawiya", "r:jabal-al-zawiya", "SY-ID"),
        ("Jabal al-Akrad", "r:jabal-al-akrad", "SY-LA"),
        ("Jabal al-Turkman", "r:jabal-al-turkman", "SY-LA"),
        ("Hauran", "r:hauran", "SY-DR"),
        ("Houran", "r:hauran", "SY-DR"),
        ("Jazira", "r:jazira", "SY-HA"),
        ("Badia", "r:badia", "SY-HI"),
        ("the Syrian desert", "r:badia", "SY-HI"),
        ("al-Ghab plain", "r:al-ghab", "SY-HM"),
        ("Sahl al-Ghab", "r:al-ghab", "SY-HM"),
        ("Wadi Barada", "r:wadi-barada", "SY-RD"),
        ("northern Homs countryside", "r:northern-homs-countryside", "SY-HI"),
        ("northern rural Homs", "r:northern-homs-countryside", "SY-HI"),
        ("UN-patrolled buffer zone", "r:golan-buffer-zone", "SY-QU"),
        ("buffer zone in the Golan Heights", "r:golan-buffer-zone", "SY-QU"),
        ("UNDOF zone", "r:golan-buffer-zone", "SY-QU"),
        ("Area of Separation", "r:golan-buffer-zone", "SY-QU"),
    ],
)
def test_named_regions(gaz, query, place_id, iso):
    place = gaz.best(query)
    assert place.place_id == place_id and place.kind == "region" and place.admin1_iso == iso
    assert not place.outside_syria and place.source == "region"


def test_region_points_lie_in_their_governorate():
    from shapely.geometry import Point

    from syriamap.boundaries import governorates

    shapes = governorates().set_index("iso").geometry
    regions = [p for p in Gazetteer.default() if p.kind == "region"]
    assert len(regions) >= 14
    for place in regions:
        assert shapes[place.admin1_iso].contains(Point(place.lon, place.lat)), place


def test_golan_buffer_zone_sits_at_the_label_point_of_its_wof_record(gaz):
    """data/regions.csv gives the zone the label point of WOF 85681385 (UNDOF), not a guess."""
    import gzip
    import json
    from pathlib import Path

    wof = Path(__file__).resolve().parents[1] / "data" / "sources" / "whosonfirst-sy.geojsonl.gz"
    with gzip.open(wof, "rt", encoding="utf-8") as fh:
        record = next(json.loads(line) for line in fh if '"id":85681385' in line)
    props = record["properties"]
    assert "Disengagement" in props["wof:name"]
    zone = gaz.get("r:golan-buffer-zone")
    assert (zone.lat, zone.lon) == pytest.approx((props["lbl:latitude"], props["lbl:longitude"]))


def test_golan_stays_outside_and_countries_have_their_kind(gaz):
    golan = gaz.best("Golan")
    assert golan.place_id == "x:golan-heights" and golan.outside_syria and golan.country == "SY"
    for name in ("Russia", "Iraq", "Turkey", "Lebanon"):
        place = gaz.best(name)
        assert place.kind == "country" and place.outside_syria, place
    assert gaz.best("Beirut").kind == "city"


# -- neighbourhoods --------------------------------------------------------------------------
# (the Arabic المزة is also the name of Al-Mazzah in Aleppo governorate: a true tie)
@pytest.mark.parametrize("query", ["Mezzeh", "Mazzeh", "Mezze", "al-Mezzeh", "Al-Mazzeh"])
def test_mezzeh_is_the_damascus_district(gaz, query):
    place = gaz.best(query)
    assert place.place_id == "wof:421190383" and place.admin1_iso == "SY-DI"


@pytest.mark.parametrize("query", ["Midan", "al-Midan"])  # bare "Maydan" is also a village
def test_midan_is_the_damascus_district(gaz, query):
    assert gaz.best(query).place_id == "wof:85903037"


@pytest.mark.parametrize(
    ("query", "name", "kind"),
    [
        ("the city of Damascus", "Damascus", "city"),
        ("the port city of Latakia", "Latakia", "city"),
        ("the ancient city of Palmyra", "Palmyra", "city"),
        ("the besieged border town of Ras al-Ain", "Ra's al 'Ayn", "town"),
        ("the province of Idlib", "Idlib", "governorate"),
        ("the district of Manbij", "Manbij", "district"),
        ("the Manbij countryside", "Manbij", "district"),  # no Manbij governorate
        ("the Afrin region", "Afrin", "district"),
        ("the Sanamayn region", "As-Sanamayn", "district"),
        ("the Deraa region", "Daraa", "governorate"),
        ("the Hauran region", "Hauran", "region"),
    ],
)
def test_leading_and_area_kind_cues(query, name, kind):
    place = Gazetteer.default().best(query)
    assert place is not None and (place.name, place.kind) == (name, kind)


@pytest.mark.parametrize("query", ["the Republic of Korea", "Bank of Syria", "the town of Narnia"])
def test_a_kind_cue_does_not_make_a_place(query):
    assert Gazetteer.default().best(query) is None


@pytest.mark.parametrize("query", ["Syria", "syria", "the Syrian Arab Republic", "سوريا"])
def test_syria_resolves_to_the_country(gaz, query):
    place = gaz.best(query)
    assert place is not None and place.place_id == "wof:85632413", query
    assert place.kind == "country" and not place.outside_syria and not place.admin1_iso
