"""Syria as a place: never an ordinary target; the national collapse rows (collapse.csv).

Every sentence here is invented. A past or nominal statement that the government as a
whole fell gives ``government lost`` at Syria (``wof:85632413``, kind ``country``), dated
and attributed like any other claim; intentions, hypotheses and prospects give nothing.
"""

from __future__ import annotations

import datetime as dt

import pytest

from syriamap.extract import extract
from syriamap.extract.lexicon import read_lexicon
from syriamap.gazetteer import Gazetteer

SYRIA = "wof:85632413"


def claims(text, published="2024-12-12"):
    return extract(text, published=published)


def national(text, published="2024-12-12"):
    return [a for a in claims(text, published) if a.place_id == SYRIA]


def test_syria_is_a_country_place_inside_the_map():
    place = Gazetteer.default().get(SYRIA)
    assert place.kind == "country" and not place.outside_syria and not place.admin1_iso


@pytest.mark.parametrize(
    "text",
    [
        "Insurgents now hold most of northwest Syria.",
        "Israeli armoured units entered Syria at dawn on Monday.",
        "The militia withdrew from Syria last week, a spokesman said.",
        "Rebels control large parts of Syria, the monitor said.",
        "Government troops captured the village, in eastern Syria, on Monday.",
        "Opposition fighters seized the Syrian Arab Republic's second city.",
    ],
)
def test_plain_mentions_of_syria_are_no_claims(text):
    assert national(text) == []


def test_a_town_in_syria_keeps_its_claim():
    got = {
        (a.place_id, a.actor, str(a.relation))
        for a in claims("Rebels took Hama in central Syria on Thursday.")
    }
    assert got and all(pid != SYRIA for pid, _, _ in got)
    assert any(rel == "captured" and actor == "opposition" for _, actor, rel in got)


@pytest.mark.parametrize(
    "text",
    [
        "Crowds gathered in the squares after the fall of the Assad regime.",
        "The regime collapsed within eleven days of the first attack.",
        "Assad's government fell after five decades of family rule.",
        "Bashar has been officially overthrown, a commander declared on television.",
        "Exiles began planning their return after the ouster of Assad.",
        "The toppling of Assad surprised diplomats in several capitals.",
        "Many prisoners were freed with the end of Assad's rule.",
        "Ousted President Bashar al-Assad resurfaced in Moscow.",
        "The Assad regime has fallen, the coalition's statement said.",
    ],
)
def test_the_fall_of_the_regime_is_a_national_loss(text):
    got = national(text)
    assert len(got) == 1, got
    (a,) = got
    assert a.actor == "government" and str(a.relation) == "lost"


@pytest.mark.parametrize(
    "text",
    [
        "Rebels launched the offensive to topple Assad.",
        "Diplomats said the regime could fall within weeks.",
        "If the regime collapses, the army may fragment.",
        "Protesters renewed calls for the overthrow of the regime.",
        "The opposition has long demanded the ouster of Assad.",
        "Analysts warned of the imminent collapse of the Assad regime.",
        "The fall of Assad would reshape the whole region.",
        "The regime's near-collapse in 2015 drew Russia into the war.",
        "Moscow's airpower saved the regime from collapse.",
        "The insurgents ousted Assad's forces from the city.",
        "Government forces collapsed along the front on Thursday.",
        "Officials insisted the regime had not fallen.",
        "Fighters vowed to keep going until the regime has fallen.",
        "Residents feared the collapse of the government.",
    ],
)
def test_intentions_hypotheses_and_other_falls_give_nothing(text):
    assert national(text) == []


def test_the_date_cue_dates_the_fall():
    (a,) = national("The regime collapsed on Sunday, December 8.", published="2024-12-10")
    assert a.event_date == dt.date(2024, 12, 8) and a.date_precision == "day"


def test_without_a_date_cue_the_fall_takes_the_publication_date():
    (a,) = national("Refugees are weighing a return after the fall of the regime.", "2025-01-05")
    assert a.event_date == dt.date(2025, 1, 5) and a.date_precision == "published"


def test_an_attributed_fall_keeps_its_claimant():
    (a,) = national("Assad has been toppled, the rebel operations room said on Sunday.")
    assert str(a.stance) == "attributed" and "operations room" in a.claimant


def test_collapse_rows_have_known_kinds_and_notes():
    rows = read_lexicon("collapse.csv")
    assert {r["kind"] for r in rows} == {"term", "collapse", "block", "after"}
    assert all(r["note"] for r in rows)
    assert sum(r["kind"] == "collapse" for r in rows) >= 5


@pytest.mark.parametrize(
    "text",
    [
        "If Homs is lost, it means the regime's collapse is under way, the analyst said.",
        "The retreat signified the end of the regime, a defector said.",
        "Such losses could only mean the collapse of the Assad regime.",
        "Residents saw the first signs of the regime's collapse.",
    ],
)
def test_readings_conditions_and_beginnings_give_nothing(text):
    assert national(text) == []


def test_national_claims_are_scored_only_where_the_gold_has_them():
    from syriamap.extract.evaluate import national_unscored

    g = Gazetteer.default()
    hama = g.best("Hama").place_id
    predicted = [{"place_id": SYRIA}, {"place_id": hama}]
    assert national_unscored(predicted, [{"place_id": hama}], g) == [{"place_id": hama}]
    assert national_unscored(predicted, [{"place_id": SYRIA}], g) == predicted
