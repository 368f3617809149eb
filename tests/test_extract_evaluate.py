from pathlib import Path

import pytest

from syriamap.extract.evaluate import Score, evaluate_files, match_claims_one_to_one

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "data" / "assertions.csv"


def row(**kw):
    base = {
        "source_id": "s",
        "place_id": "p",
        "actor": "opposition",
        "relation": "captured",
        "stance": "asserted",
        "event_date": "2024-12-07",
    }
    base.update(kw)
    return base


def test_matching_is_one_to_one_and_tolerates_a_day():
    gold = [row(), row(), row(relation="entered")]
    pred = [row(event_date="2024-12-08"), row(actor="hts_coalition"), row(), row(stance="denied")]
    pairs = match_claims_one_to_one(pred, gold)
    assert len(pairs) == 2 and len({j for _, j in pairs}) == 2
    assert match_claims_one_to_one([row(event_date="2024-12-09")], [row()]) == []
    assert match_claims_one_to_one([row(actor="government")], [row()]) == []


def test_score_figures():
    s = Score(8, 2, 4)
    assert (round(s.precision, 2), round(s.recall, 2), round(s.f1, 3)) == (0.8, 0.67, 0.727)
    assert Score(0, 0, 0).precision == 1.0


@pytest.mark.skipif(not GOLD.exists(), reason="no gold file")
def test_seed_targets():
    scores, _ = evaluate_files(GOLD)
    assert scores["places"].precision >= 0.97
    assert scores["claims"].precision >= 0.85
    assert scores["claims"].recall >= 0.75
