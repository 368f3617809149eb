"""Every row of the pattern lexicon is valid (one parametrized schema test per file)."""

import re

import pytest

from syriamap.assertions import CLAIMANT_SIDES, PlacePrecision, Relation, Stance
from syriamap.extract.lexicon import read_lexicon
from syriamap.extract.relations import rules

RELATIONS = read_lexicon("relations.csv")


@pytest.mark.parametrize("row", RELATIONS, ids=[r["rule"] for r in RELATIONS])
def test_relation_rows(row):
    assert row["relation"] in {r.value for r in Relation}
    assert row["slot"] in {"after", "before", "focus"}
    assert row["voice"] in {
        "active",
        "passive",
        "state",
        "named",
        "nominal",
        "any",
        "against",
        "context",
        "claim",
    }
    assert row["place_precision"] in {p.value for p in PlacePrecision}
    assert row["gap"].isdigit() and 0 < float(row["confidence"]) <= 1
    assert row["need_actor"] in {"0", "1"}
    assert row["government_relation"] in {"", *(r.value for r in Relation)}
    assert row["note"]
    re.compile(row["pattern"])


def test_rule_ids_are_unique_and_have_stems():
    ids = [r.rule for r in rules()]
    assert len(ids) == len(set(ids))
    assert all(r.stems for r in rules())


@pytest.mark.parametrize("row", read_lexicon("stance.csv"), ids=lambda r: r["cue"])
def test_stance_rows(row):
    assert row["stance"] in {s.value for s in Stance}
    assert row["claimant"] in {"", "before", "after", "around"}
    re.compile(row["pattern"])


@pytest.mark.parametrize("row", read_lexicon("claimants.csv"), ids=lambda r: r["side"])
def test_claimant_rows(row):
    assert row["side"] in CLAIMANT_SIDES
    re.compile(row["pattern"])


@pytest.mark.parametrize(
    "name", ["boilerplate.csv", "collapse.csv", "collective.csv", "not_places.csv"]
)
def test_other_files_load(name):
    assert read_lexicon(name)


@pytest.mark.parametrize("row", read_lexicon("speakers.csv"), ids=lambda r: r["kind"])
def test_speaker_rows(row):
    assert row["kind"] in {"role", "body", "outlet", "people", "document"}
    assert row["note"]
    assert re.fullmatch(row["pattern"], "") is None  # else every phrase would be a speaker


@pytest.mark.parametrize("row", read_lexicon("actor_patterns.csv"), ids=lambda r: r["actor"])
def test_actor_pattern_rows(row):
    from syriamap.actors import actors

    assert row["actor"] in actors()
    assert re.compile(row["pattern"])
    assert len(row["note"]) > 10
