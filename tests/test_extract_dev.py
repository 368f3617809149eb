"""The extractor on the dev set (tests/fixtures/dev/, used for tuning) and on the seeds.

The dev set is nine articles written for syriamap in the styles of different outlets and
periods (wire, live blog, state media, monitor bulletin, HTML page, header block, 2017-2018
events), annotated by data/ANNOTATION.md *before* the extractor was run on them. The floors
below sit a little under the figures reached, so that a regression fails; raise them when the
extractor improves, never tune the extractor to the dev texts' own strings.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from syriamap.extract import extract
from syriamap.extract.evaluate import evaluate_files

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "tests" / "fixtures" / "dev"

# claims precision 0.85 -> 0.84 (2026-12-03, fourth session): "the armed forces" became
# the army's alias; in dev04 "units of the army and the armed forces stationed in the Idlib
# countryside" is now a presence the gold did not annotate (and dev09's Palmyra a right claim)
# claims precision 0.84 -> 0.83 (2026-12-04, seventh session): "took X from Y" is Y's loss
# of X (data/ANNOTATION.md's forced departure); the dev gold writes no loss for Islamic
# State in dev01's "wrested control of the city from the Islamic State group" and dev09's
# "recaptured Palmyra from Islamic State militants" (twice)
DEV_FLOORS = {"places": (0.97, 0.93), "claims": (0.83, 0.67)}  # (precision, recall)
SEED_TARGETS = {"places": (0.97, 0.0), "claims": (0.85, 0.75)}


def _dev_files() -> list[Path]:
    return sorted(
        p for p in DEV.iterdir() if p.name.startswith("dev") and p.suffix in (".txt", ".html")
    )


@pytest.fixture(scope="module")
def dev_scores():
    scores, _ = evaluate_files(
        DEV / "dev_gold.csv", _dev_files(), sources_path=DEV / "dev_sources.csv"
    )
    return scores


@pytest.fixture(scope="module")
def seed_scores():
    scores, _ = evaluate_files(
        ROOT / "data" / "assertions.csv", sorted((ROOT / "seeds").glob("*.txt"))
    )
    return scores


def test_dev_set_shape():
    import csv

    files = _dev_files()
    assert len(files) >= 9
    with open(DEV / "dev_gold.csv", encoding="utf-8") as fh:
        gold = list(csv.DictReader(fh))
    with open(DEV / "dev_sources.csv", encoding="utf-8") as fh:
        sources = list(csv.DictReader(fh))
    assert len(gold) >= 150
    assert {r["source_id"] for r in gold} <= {r["source_id"] for r in sources}
    assert {p.stem for p in files} == {r["source_id"] for r in sources}


@pytest.mark.parametrize("level", sorted(DEV_FLOORS))
def test_dev_floors(dev_scores, level):
    p, r = DEV_FLOORS[level]
    s = dev_scores[level]
    assert s.precision >= p and s.recall >= r, (level, s.to_dict())


@pytest.mark.parametrize("level", sorted(SEED_TARGETS))
def test_seed_targets(seed_scores, level):
    p, r = SEED_TARGETS[level]
    s = seed_scores[level]
    assert s.precision >= p and s.recall >= r, (level, s.to_dict())


# ---- one family of patterns a test, on invented sentences -------------------------------

PUB = "2024-12-12"  # a Thursday


def rows(text: str, published: str = PUB) -> set[tuple[str, str, str, str]]:
    return {
        (a.place_name, a.actor, str(a.relation), str(a.stance))
        for a in extract(text, published=published)
    }


def test_regained_and_restored_control():
    assert ("Idlib", "government", "captured", "asserted") in rows(
        "Government troops regained control of Idlib after a week of fighting."
    )
    assert ("Tadmur", "government", "captured", "asserted") in rows(
        "The army restored full control over Tadmur on Monday."
    )


def test_took_the_town_of():
    assert ("Rastan", "opposition", "captured", "asserted") in rows(
        "On Tuesday the rebels took the strategic town of Rastan."
    )


def test_entry_forms():
    assert ("Homs", "opposition", "entered", "asserted") in rows("Rebels sweep into Homs.")
    got = rows("Israeli forces took positions on the outskirts of Quneitra.")
    assert any(r[1] == "israel" and r[2] in ("entered", "advancing") for r in got)
    assert ("Salamiyah", "hts_coalition", "entered", "asserted") in rows(
        "HTS fighters moved into Salamiyah overnight."
    )


def test_sieges_active_and_passive():
    assert ("Douma", "government", "encircled", "asserted") in rows(
        "Douma is surrounded by government forces."
    )
    assert ("Tal Abyad", "sdf", "encircled", "asserted") in rows("The SDF laid siege to Tal Abyad.")


def test_broken_siege_is_no_encirclement():
    assert not any(
        r[2] == "encircled" for r in rows("Troops broke the militants' siege of Deir ez-Zor.")
    )


def test_handed_over_is_a_withdrawal():
    assert ("Harasta", "opposition", "withdrew", "asserted") in rows(
        "Rebels handed over Harasta to the army."
    )


def test_remain_in_and_in_control():
    assert ("Yarmouk", "isis", "controls", "asserted") in rows(
        "Islamic State militants remain in Yarmouk despite the bombing."
    )
    got = rows("In Raqqa and Qamishli, the SDF remains firmly in control.")
    assert ("Raqqa", "sdf", "controls", "asserted") in got


def test_regime_controls_only():
    assert ("Izraa", "government", "controls", "asserted") in rows(
        "Regime forces now control only Izraa in the north of the province."
    )


def test_irrealis_is_no_claim():
    assert rows("Israel is unlikely to leave Quneitra soon.") == set()
    assert rows("It was the first attempt by the rebels to take Aleppo.") == set()
    assert rows("Analysts say that if the rebels take Homs the war is over.") == set()


def test_negation_is_denied_failure_is_no_claim():
    # a plain negation denies the claim (data/lexicon/README.md); a failure makes none
    assert rows("The rebels did not capture Homs.") == {
        ("Homs", "opposition", "captured", "denied")
    }
    assert rows("The army failed to retake Morek.") == set()


def test_could_not_be_verified():
    got = rows(
        "Rebels said they had captured Saraqeb. The claims could not be independently verified."
    )
    assert ("Saraqeb", "opposition", "captured", "unverified") in got


def test_reporting_clause_between_commas():
    got = rows("Rebels seized Manbij on Monday, a war monitor said, in a new blow to the SDF.")
    assert ("Manbij", "opposition", "captured", "attributed") in got


def test_quoted_verb_and_colon_heading():
    got = rows('The commander said fighters had "fully liberated" the city of Hama.')
    assert ("the city of Hama", "opposition", "captured", "attributed") in got or (
        "Hama",
        "opposition",
        "captured",
        "attributed",
    ) in got
    got = rows("Opposition fighters: 'We have liberated Hama'")
    assert any(r[0] == "Hama" and r[3] == "attributed" for r in got)


def test_denial_reaches_a_claiming_clause():
    got = rows(
        "The ministry said there is no truth to the reports published by some outlets "
        "claiming that rebels had entered Hama."
    )
    assert ("Hama", "opposition", "entered", "denied") in got


def test_apposition_head_takes_the_claim():
    got = {
        (a.place_id, str(a.relation))
        for a in extract(
            "Only Douma, the largest town in Eastern Ghouta, remains under the control of rebels.",
            published=PUB,
        )
    }
    assert ("wof:890442375", "controls") in got  # Douma
    assert ("r:eastern-ghouta", "controls") not in got


def test_parenthetical_ally_is_not_the_subject():
    got = rows("Army units, in cooperation with Russian forces, regained control of Halfaya.")
    assert ("Halfaya", "government", "captured", "asserted") in got


def test_withdraw_towards_is_no_withdrawal_from_the_destination():
    assert not any(r[0] == "Damascus" for r in rows("Regime forces withdrew towards Damascus."))


def test_month_dates_and_days_later():
    (a,) = extract("The SDF launched its assault on Raqqa in June.", published="2017-10-20")
    assert a.event_date == dt.date(2017, 6, 15) and a.date_precision == "month"
    got = {
        a.place_name: a.event_date
        for a in extract(
            "Government troops stormed Saqba on March 15 and retook Hammurah two days later.",
            published="2018-03-25",
        )
    }
    assert got.get("Saqba") == dt.date(2018, 3, 15)
    assert got.get("Hammurah") == dt.date(2018, 3, 17)


def test_background_history_is_dropped():
    assert rows("Islamic State seized Raqqa in January 2014.", published="2017-10-20") == set()
    assert ("Raqqa", "sdf", "captured", "asserted") in rows(
        "The SDF captured Raqqa on Oct. 17.", published="2017-10-20"
    )
