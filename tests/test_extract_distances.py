import pytest

from syriamap.extract.distances import bearing, compass, parse_distance
from syriamap.extract.document import document_from_text
from syriamap.extract.pipeline import analyse


@pytest.mark.parametrize(
    "text, km, direction",
    [
        ("within 20 kilometres of Damascus", 20.0, ""),
        ("roughly 50 kilometers east of Deraa", 50.0, "east"),
        ("110 kilometers south of Aleppo", 110.0, "south"),
        ("approximately 100 kilometers (62 miles) away", 100.0, ""),
        ("just 10 kilometres (six miles) from Damascus", 10.0, ""),
        ("some 30 miles north-west of Hama", 48.3, "northwest"),
        ("ten km from Homs", 10.0, ""),
    ],
)
def test_parse(text, km, direction):
    assert parse_distance(text) == (km, direction)


def test_bearing_and_compass():
    assert compass(bearing(33.5, 36.3, 33.5, 37.0)) == "east"
    assert compass(bearing(36.2, 37.1, 35.1, 36.7)) == "south"


def checks(text):
    return analyse(document_from_text(text), published="2024-12-06").checks


def test_checks_against_gazetteer():
    (c,) = checks("Hama, located 110 kilometers south of Aleppo, is quiet.")
    assert c.subject_name == "Hama" and c.landmark_name == "Aleppo"
    assert c.consistent and 100 < c.computed_km < 140 and c.computed_direction == "south"
    (c,) = checks("Suweida, which is located roughly 50 kilometers east of Deraa, fell.")
    assert c.consistent and c.computed_direction == "east"
    (c,) = checks("Hama, located 300 kilometers north of Aleppo, is quiet.")
    assert c.consistent is False


def test_within_has_no_subject():
    (c,) = checks("Rebels are within 20 kilometres of Damascus.")
    assert c.subject_id == "" and c.consistent is None and c.claimed_km == 20.0
