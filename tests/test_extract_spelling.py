"""Loose spellings of villages (``syriamap.extract.spelling``) on invented sentences.

Every variant below was invented for this file: a spelling a reporter could write that
differs from every gazetteer alias in its short vowels ("Zeirek" for Zayrik), so that
only the loose key finds it. The negatives are capitalised words in place positions whose
loose key does match a village in a governorate the sentence names, and that must not
become a place (a month, a person in apposition, an English word also written in lower
case, a word after "according to", a list item next to no place, a place outside the
document's governorates).
"""

from __future__ import annotations

import pytest

from syriamap.extract import spelling
from syriamap.extract.context import resolve_mentions
from syriamap.extract.mentions import find_place_mentions
from syriamap.extract.spelling import is_blocked_word, loose_index, loose_key
from syriamap.gazetteer import Gazetteer

# (sentence, the spelling in it, the gazetteer name of the place it means, governorate)
VARIANTS = [
    (
        "Rebels seized the village of Mawaker in the Aleppo countryside.",
        "Mawaker",
        "Al-Mawakir",
        "SY-HL",
    ),
    ("Fighters entered Jelghim, east of Aleppo, on Sunday.", "Jelghim", "Jalaghim", "SY-HL"),
    ("Government troops pulled out of Hizzan in Idlib province.", "Hizzan", "Hazzan", "SY-ID"),
    ("Opposition groups captured Bermaja and Tadif near Aleppo.", "Bermaja", "Baramjah", "SY-HL"),
    ("The army retook Msaideh, a village near Aleppo.", "Msaideh", "Musaydah", "SY-HL"),
    ("Local factions took control of Abdeen in Daraa province.", "Abdeen", "'Abidin", "SY-DR"),
    ("Rebels advanced into Jbeil in the Hama countryside.", "Jbeil", "Jubayl", "SY-HM"),
    ("The SDF entered Mtaheer in Raqqa province.", "Mtaheer", "Mutahayyir", "SY-RA"),
    (
        "Troops withdrew from the village of Fadliyeh in Homs province.",
        "Fadliyeh",
        "Al-Fadiliyah",
        "SY-HI",
    ),
    ("Kurdish fighters held Qifhiya, north of Hasakah.", "Qifhiya", "Qafhiyah", "SY-HA"),
    ("Turkish-backed factions seized Zeirek near Aleppo.", "Zeirek", "Zayrik", "SY-HL"),
    ("Insurgents overran Jittala in the Aleppo countryside.", "Jittala", "Jattalah", "SY-HL"),
    ("The regime left Sifeita, west of Aleppo, on Friday.", "Sifeita", "Sufaytah", "SY-HL"),
    ("Rebels reached the village of Sindara near Aleppo.", "Sindara", "Sandarah", "SY-HL"),
    ("The SDF controlled Subburiya in Hasakah province.", "Subburiya", "Sabburiyah", "SY-HA"),
    ("Clashes broke out in Nefnifa, in the Hasakah countryside.", "Nefnifa", "Nafnufah", "SY-HA"),
    ("Fighters entered the village of Hazzeen in Idlib province.", "Hazzeen", "Hazzan", "SY-ID"),
    ("Government forces left Bshidiyeh in Hasakah province.", "Bshidiyeh", "Bashidiyah", "SY-HA"),
    (
        "The SDF withdrew from Sindara, Tadif and Jutaleh, east of Aleppo.",
        "Jutaleh",
        "Jattalah",
        "SY-HL",
    ),
    (
        "The army recaptured Rasem Sakaf in the Hama countryside.",
        "Rasem Sakaf",
        "Rasm Sakkaf",
        "SY-HM",
    ),
    ("Opposition fighters took Hilouneh in Hama province.", "Hilouneh", "Haylunah", "SY-HM"),
    ("Rebels seized Madriseh, north of Aleppo.", "Madriseh", "Madrasah", "SY-HL"),
    # one spelling, a village of that name in two governorates: the document decides
    (
        "Southern factions seized the town of Aqrubba in Daraa province.",
        "Aqrubba",
        "'Aqraba",
        "SY-DR",
    ),
    ("Rebels entered Aqrubba in the Damascus countryside.", "Aqrubba", "'Aqraba", "SY-RD"),
    ("Local groups took Meriba, east of Daraa.", "Meriba", "Ma'raba", "SY-DR"),
    ("Rebels entered Meriba and Saidnaya, north of Damascus.", "Meriba", "Ma'raba", "SY-RD"),
]

# capitalised words in place positions whose loose key matches a village of a
# governorate the sentence names: none may become a place
NEGATIVES = [
    ("A statement from Kardo, a local commander, said the SDF held Qamishli and Hasakah.", "Kardo"),
    ("Rebels seized Saraqib in March, west of Hama.", "March"),
    ("Forces loyal to Gurak entered Aleppo.", "Gurak"),
    ("Talks in Astana on the fate of Aleppo ended on Friday.", "Astana"),
    ("Separately, Kardo and NATO officials met in Hasakah.", "Kardo"),
    ("Rebels entered Qifhiya, Daraa officials said.", "Qifhiya"),
    (
        "Residents of Raqqa said they fled from Shabbiha gunmen; the shabbiha are loyal "
        "to the government.",
        "Shabbiha",
    ),
    ("Villagers in Ismaili areas of Homs province fled on Monday.", "Ismaili"),
    ("A Rebel commander said fighters of Rebel units held positions near Aleppo.", "Rebel"),
    ("Mazen and Mohammed, residents of Hasakah, said the SDF left Qamishli.", "Mazen"),
    ("The offensive reached the outskirts of Hama, according to Gurak, a spokesman.", "Gurak"),
]


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.default()


def _resolved(text: str, gazetteer: Gazetteer):
    return resolve_mentions(text, find_place_mentions(text, gazetteer=gazetteer), gazetteer)


@pytest.mark.parametrize(
    ("text", "spelling", "name", "iso"), VARIANTS, ids=[v[1] + "-" + v[3] for v in VARIANTS]
)
def test_invented_variant_resolves(text, spelling, name, iso, gazetteer):
    # the spelling is no alias the gazetteer's own keys know
    assert not any(
        m.why in ("exact", "skeleton", "fused article") for m in gazetteer.resolve(spelling)
    ), spelling
    found = [m for m in _resolved(text, gazetteer) if m.text == spelling]
    assert len(found) == 1, [m.text for m in _resolved(text, gazetteer)]
    place = gazetteer.get(found[0].place_id)
    assert (place.name, place.admin1_iso) == (name, iso)


@pytest.mark.parametrize(
    ("text", "word"), NEGATIVES, ids=[f"{n[1]}-{i}" for i, n in enumerate(NEGATIVES)]
)
def test_capitalised_word_is_no_place(text, word, gazetteer):
    assert not [m for m in find_place_mentions(text, gazetteer=gazetteer) if word in m.text]


@pytest.mark.parametrize(
    "word",
    ["Kardo", "March", "Gurak", "Astana", "Qifhiya", "Shabbiha", "Ismaili", "Rebel", "Mazen"],
)
def test_negatives_would_match_without_their_guard(word, gazetteer):
    # the negatives above test the guards, not an empty index: each word's loose key does
    # name a village, which only the position, context or word list rules out
    index = loose_index(gazetteer)
    blocked = spelling._blocked
    try:
        spelling._blocked = lambda: frozenset()  # type: ignore[assignment]
        assert index.match(word)
    finally:
        spelling._blocked = blocked  # type: ignore[assignment]


def test_loose_key_folds_vowels_and_articles():
    assert loose_key("Khesham") == loose_key("Khushām") == "hsm"
    assert loose_key("al-Mawaker") == loose_key("Al-Mawākir")
    assert loose_key("Zeirek") == loose_key("Zayrik")
    assert loose_key("Zeirek") != loose_key("Zeitun")


def test_blocked_words_are_read_from_the_lexicon():
    assert is_blocked_word("Reuters")
    assert is_blocked_word("Hussein Ahmed")
    assert not is_blocked_word("Zeirek")


def test_loose_spelling_needs_a_place_position(gazetteer):
    # the same spelling with no place cue before it ("Zeirek said") is no place
    text = "Zeirek said that rebels held Aleppo."
    assert [m.text for m in find_place_mentions(text, gazetteer=gazetteer)] == ["Aleppo"]


def test_typo_of_a_big_town(gazetteer):
    # one letter off a town of tens of thousands ("Jarabulus" without its last letter)
    found = _resolved("Turkish-backed factions entered Jarabulu, north of Aleppo.", gazetteer)
    names = {gazetteer.get(m.place_id).name for m in found if m.text == "Jarabulu"}
    assert names == {"Jarabulus"}
    # ... but not a village: one letter off a small place is too likely another word
    found = _resolved("Rebels entered Mutahayyi in Raqqa province.", gazetteer)
    assert [m.text for m in found] == ["Raqqa"]


def test_spelling_lexicon_rows():
    import re

    from syriamap.extract.lexicon import read_lexicon

    rows = read_lexicon("spelling.csv")
    assert {row["kind"] for row in rows} == {"demonym", "rule", "suffix", "word"}
    for row in rows:
        assert row["pattern"], row
        if row["kind"] in ("demonym", "rule", "suffix"):
            re.compile(row["pattern"])
        else:
            assert row["pattern"][:1].isupper(), row


@pytest.mark.parametrize(
    "word", ["Coalition", "Gates", "Tests", "Slowly", "Users", "Cities", "Seized", "Building"]
)
def test_english_endings(word):
    assert spelling.english_ending(word)


def test_no_invented_variant_has_an_english_ending():
    assert not [v[1] for v in VARIANTS if spelling.english_ending(v[1])]


def test_a_bare_position_needs_a_closer_spelling(gazetteer):
    # 'Aqrabat spelled "Aqirbat" is close enough where the text calls it a village ...
    called = _resolved("Rebels entered the village of Aqirbat near Idlib.", gazetteer)
    assert {gazetteer.get(m.place_id).name for m in called if m.text == "Aqirbat"} == {"'Aqrabat"}
    # ... but not as a bare name after a verb
    bare = _resolved("Rebels entered Aqirbat near Idlib.", gazetteer)
    assert [m.text for m in bare] == ["Idlib"]


def test_title_case_name_before_of_is_no_place(gazetteer):
    # "Health" spells a village of Homs loosely; "the Directorate of Health" is a body
    assert loose_index(gazetteer).match("Health")
    text = "The Directorate of Health in Homs said rebels entered the city."
    assert [m.text for m in find_place_mentions(text, gazetteer=gazetteer)] == ["Homs"]


def test_a_facility_word_before_in_calls_the_name_a_place(gazetteer):
    found = _resolved("Troops left the base in Aqirbat near Idlib.", gazetteer)
    assert "Aqirbat" in [m.text for m in found]


def test_a_loosely_spelled_claim_is_less_confident():
    from syriamap import extract

    loose = extract("Rebels seized the village of Mawaker near Aleppo.", published="2024-12-07")
    exact = extract("Rebels seized the village of Al-Mawakir near Aleppo.", published="2024-12-07")
    [a] = [c for c in loose if c.place_name == "Mawaker"]
    [b] = [c for c in exact if c.place_name == "Al-Mawakir"]
    assert a.place_id == b.place_id and a.relation == b.relation == "captured"
    assert a.confidence < b.confidence


def test_news_spellings_the_keys_miss_are_found_in_their_governorate(gazetteer):
    # tests/fixtures/news_spellings.csv: spellings as outlets write them; those the
    # gazetteer's exact and phonetic keys miss ("Dmeir", "Ghabagheb") the loose key
    # finds, and its best candidate in the right governorate is the right place
    import csv
    from pathlib import Path

    from syriamap._geo import great_circle_km

    path = Path(__file__).parent / "fixtures" / "news_spellings.csv"
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    index = loose_index(gazetteer)
    found = 0
    for row in rows:
        name = row["query"]
        best = gazetteer.resolve(name, limit=1)
        if not name.isascii() or (best and best[0].why in ("exact", "skeleton")):
            continue
        matches = [c for c, _ in index.match(name) if gazetteer.get(c).admin1_iso == row["iso"]]
        if not matches:
            continue
        place = gazetteer.get(matches[0])
        km = great_circle_km(place.lat, place.lon, float(row["lat"]), float(row["lon"]))
        assert km < 10, (name, place.name, km)
        found += 1
    assert found >= 4


def test_the_first_item_of_a_list_of_places_is_a_place(gazetteer):
    # no locative word before "Tadeef" (a phonetic spelling of Tedef), but a list of
    # places follows it
    text = "Heavy fighting raged on the Tadeef, Al-Bab and Qabasin fronts."
    assert [m.text for m in find_place_mentions(text, gazetteer=gazetteer)][0] == "Tadeef"
    # alone, or opening the sentence, it is no list item
    assert (
        find_place_mentions("Heavy fighting raged on the Tadeef front.", gazetteer=gazetteer) == []
    )
    text = "However, Aleppo and Hama remained calm."
    assert [m.text for m in find_place_mentions(text, gazetteer=gazetteer)] == ["Aleppo", "Hama"]


@pytest.mark.parametrize(
    ("word", "place"),
    [("Idlibi", "Idlib"), ("Halabi", "Aleppo"), ("Hamawi", "Hama"), ("Latakian", "Latakia")],
)
def test_a_demonym_is_no_loose_place(word, place, gazetteer):
    # "fighters of Idlibi origin": the adjective of a town, not a village spelled loosely
    assert gazetteer.get(spelling.demonym_of(word, gazetteer)).name == place
    assert not loose_index(gazetteer).match(word)
    text = f"Rebels of {word} origin entered the town of Zeirek near Aleppo."
    assert [m.text for m in find_place_mentions(text, gazetteer=gazetteer)] == ["Zeirek", "Aleppo"]


def test_no_invented_variant_is_a_demonym(gazetteer):
    assert not [v[1] for v in VARIANTS if spelling.demonym_of(v[1], gazetteer)]
