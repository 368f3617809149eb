"""Cross-sentence descriptors, control in relative clauses, and dated background claims."""

from __future__ import annotations

import datetime as dt
import importlib
import sys
import warnings

import pytest

importlib.import_module("syriamap.extract.pipeline")
P = sys.modules["syriamap.extract.pipeline"]
from syriamap.extract.dates import date_for, find_date_cues  # noqa: E402
from syriamap.extract.document import document_from_text  # noqa: E402

PUB = "2024-12-07"


def _claims(text: str, pub: str = PUB) -> list[tuple[str, str, str, str]]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        a = P.analyse(document_from_text(text), published=pub)
    return [(c.place_name, c.place_id, c.actor, c.relation) for c in a.candidates]


def _place(text: str, name: str) -> str:
    return next(pid for n, pid, _a, _r in _claims(text) if n.lower() == name.lower())


def test_the_town_skips_a_place_named_inside_a_road_name() -> None:
    text = (
        "Rebels seized Maarat al-Numan. The town lies on the M5 highway linking Aleppo and "
        "Damascus. Troops retreated from the town."
    )
    assert _place(text, "the town") == _place(text, "Maarat al-Numan")


def test_hyphenated_road_name_is_no_antecedent() -> None:
    text = "Rebels seized Saraqib on the Aleppo-Damascus highway. Troops withdrew from the town."
    assert _place(text, "the town") == _place(text, "Saraqib")


def test_the_town_skips_a_distance_landmark() -> None:
    text = "Fighters captured Saraqib, 100 km from Damascus. The town had been held by the army."
    assert _place(text, "The town") == _place(text, "Saraqib")


def test_the_province_means_the_last_named_governorate() -> None:
    claims = _claims(
        "Rebels are advancing in Daraa province. Government forces withdrew from the province "
        "on Friday."
    )
    assert ("the province", "wof:85678399", "government", "withdrew") in claims


def test_the_provincial_capital_is_the_named_seat() -> None:
    claims = _claims("Rebels pushed into Daraa. The provincial capital fell to rebels on Friday.")
    assert ("The provincial capital", "wof:421197257", "opposition", "captured") in claims


def test_provincial_capital_followed_by_its_name_is_left_to_the_name() -> None:
    names = [n for n, *_ in _claims("Rebels seized the provincial capital, Daraa, on Friday.")]
    assert "the provincial capital" not in names


def test_the_village_needs_a_village_or_town() -> None:
    names = [n for n, *_ in _claims("Rebels entered Hama. Troops withdrew from the village.")]
    assert "the village" not in names


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Rebels attacked Idlib, where HTS has held sway since 2015.", "hts_coalition"),
        ("Strikes hit Idlib, which HTS has controlled since 2017.", "hts_coalition"),
        ("Strikes hit Idlib, where HTS rules.", "hts_coalition"),
        ("Idlib, which HTS still holds, was quiet.", "hts_coalition"),
        ("Air strikes hit Afrin, long held by Turkish-backed factions.", "sna"),
        ("Strikes hit Raqqa, a Kurdish-led SDF stronghold.", "sdf"),
    ],
)
def test_descriptive_control_in_relative_clauses(text: str, actor: str) -> None:
    assert any(a == actor and r == "controls" for _n, _p, a, r in _claims(text))


def test_a_court_ruling_is_no_control() -> None:
    assert _claims("The court ruled that rebels in Idlib were guilty.") == []


def test_attributed_relative_clause_is_attributed() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        a = P.analyse(
            document_from_text("SOHR said strikes hit Idlib, where HTS has held sway since 2015."),
            published=PUB,
        )
    assert [c.stance for c in a.candidates] == ["attributed"]


@pytest.mark.parametrize(
    ("sentence", "date", "precision"),
    [
        ("In March 2018, government forces retook Eastern Ghouta.", "2018-03-15", "month"),
        ("Government forces recaptured Aleppo in December of 2016.", "2016-12-15", "month"),
        ("The SDF took Raqqa in October, 2017.", "2017-10-15", "month"),
        ("In late 2016, government forces recaptured Aleppo.", "2016-11-15", "year"),
        ("Government forces recaptured Aleppo in late 2016.", "2016-11-15", "year"),
        ("In the summer of 2016, the army recaptured Manbij.", "2016-07-15", "year"),
        ("In mid-2017, the SDF captured Raqqa.", "2017-07-01", "year"),
        ("The army recaptured Aleppo at the end of 2016.", "2016-12-15", "year"),
        ("During 2018, government forces retook Daraa.", "2018-01-01", "year"),
        ("Government forces retook Daraa in 2018.", "2018-01-01", "year"),
        ("Government forces retook Daraa six years ago.", "2018-12-07", "year"),
    ],
)
def test_history_dates_are_attached(sentence: str, date: str, precision: str) -> None:
    pub = dt.date(2024, 12, 7)
    cues = find_date_cues(sentence, pub)
    position = next(
        sentence.find(w) for w in ("retook", "recaptured", "took", "captured") if w in sentence
    )
    assert date_for(cues, position, pub, sentence, 0) == (dt.date.fromisoformat(date), precision)


def test_since_year_does_not_date_the_claim() -> None:
    sentence = "Idlib has been held by HTS since 2017."
    pub = dt.date(2024, 12, 7)
    assert date_for(find_date_cues(sentence, pub), 10, pub, sentence, 0) == (pub, "published")


def test_year_in_an_earlier_relative_clause_does_not_date_the_main_verb() -> None:
    sentence = "Government forces, which retook Daraa in 2018, withdrew from the city on Friday."
    pub = dt.date(2024, 12, 7)
    position = sentence.index("withdrew")
    assert date_for(find_date_cues(sentence, pub), position, pub, sentence, 0) == (
        dt.date(2024, 12, 6),
        "day",
    )


def test_background_history_is_dropped_but_same_year_history_keeps_its_date() -> None:
    assert _claims("In March 2018, government forces retook Eastern Ghouta.") == []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        a = P.analyse(document_from_text("In August 2024, rebels captured Saraqib."), published=PUB)
    assert [(c.event_date, c.date_precision) for c in a.candidates] == [
        (dt.date(2024, 8, 15), "month")
    ]
