"""Every row of the pattern lexicon is valid (one parametrized schema test per file)."""

import csv
import io
import re

import pytest

from syriamap.assertions import CLAIMANT_SIDES, PlacePrecision, Relation, Stance
from syriamap.data import path
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
    pattern = re.compile(row["pattern"])
    # a group named `verb` says where a subject ends (rules._has_subject); no other names
    assert set(pattern.groupindex) <= ({"verb"} if row["subject"] else set())


# `subject`: head nouns, then after ";" the words or phrases that may stand between
_SUBJECT = re.compile(r"[a-z]+(?:\|[a-z]+)*(?:; [a-z]+(?: [a-z]+)*(?:\|[a-z]+(?: [a-z]+)*)*)?")


@pytest.mark.parametrize("row", [r for r in RELATIONS if r["subject"]], ids=lambda r: r["rule"])
def test_relation_subjects(row):
    assert _SUBJECT.fullmatch(row["subject"]), row["subject"]
    nouns, _, between = row["subject"].partition("; ")
    assert len(set(nouns.split("|"))) == len(nouns.split("|"))
    assert not set(nouns.split("|")) & set(between.split("|"))
    # the fixed lookbehinds the column replaced are not spelled out again
    assert not any(f"(?<={noun}" in row["pattern"] for noun in nouns.split("|"))


def test_relation_rows_fit_the_header():
    # `subject` is the last column: an unquoted comma in a note would spill into it
    rows = list(csv.reader(io.StringIO(path("lexicon/relations.csv").read_text("utf-8"))))
    width = len(rows[0])
    assert [r[0] for r in rows[1:] if len(r) > width and not r[0].startswith("#")] == []


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
