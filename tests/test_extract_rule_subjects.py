"""Cues that only a force can be the subject of (``relations.csv``, column ``subject``).

Each sentence is invented for this file. A case with one of the row's head nouns right
before the cue's verb fires the row; one without it (another noun, another word between,
other white space) does not, exactly as the fixed lookbehinds the column replaced read.
"""

from __future__ import annotations

import re
import warnings

import pytest

from syriamap.extract.document import document_from_text
from syriamap.extract.pipeline import analyse
from syriamap.extract.rules import find_triggers, rules
from syriamap.extract.sentences import Sentence


def _fired(text: str) -> set[str]:
    """The rules whose cues :func:`find_triggers` keeps in the one sentence ``text``."""
    return {t.rule.rule for t in find_triggers(Sentence(0, 0, len(text), text))}


def _claims(text: str) -> set[tuple[str, str, str, str]]:
    """The (place name, actor, relation, rule) of the claims of ``text``."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        analysis = analyse(
            document_from_text(text, meta={"source_id": "subjects", "published": "2024-12-07"})
        )
    return {
        (c.place_name, c.actor, c.relation, c.to_row()["method"].removeprefix("rule:"))
        for c in analysis.candidates
    }


def test_the_converted_rows_name_their_subjects() -> None:
    by_id = {rule.rule: rule for rule in rules()}
    for rule_id in ("be_in", "force_left", "withdrew_intransitive"):
        assert by_id[rule_id].subject is not None, rule_id
        assert re.search(r"\(\?<=[a-z]", by_id[rule_id].regex.pattern) is None  # no word one
    # the nouns still wake the rule (they were words of the lookbehinds before)
    assert {"rebel", "sdf", "troop"} <= by_id["be_in"].stems
    assert {"troop", "garri", "repor"} <= by_id["force_left"].stems


# --- be_in: a force noun, then the auxiliary of the cue ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Rebel fighters are now inside Hama.",
        "The SDF is in Manbij.",
        "HTS was already in Saraqib by noon.",
        "Government TROOPS were in Homs.",
        # the noun may end a longer word, as in the lookbehinds
        "Firefighters were already in Hama.",
    ],
)
def test_be_in_fires_after_a_force_noun(text: str) -> None:
    assert "be_in" in _fired(text)


@pytest.mark.parametrize(
    "text",
    [
        "Their families are in Hama.",
        "Assad was in Damascus.",
        "Rebels also are in Hama.",  # nothing may stand between noun and auxiliary
        "Rebels  are in Hama.",  # one space, as in the lookbehinds
        "Rebels\nare in Hama.",
        "The rebels said they are in Hama.",
    ],
)
def test_be_in_needs_the_force_noun_right_before(text: str) -> None:
    assert "be_in" not in _fired(text)


def test_be_in_claim() -> None:
    assert ("Hama", "opposition", "entered", "be_in") in _claims(
        "Rebel fighters are now inside Hama."
    )
    assert not {c for c in _claims("Their families are in Hama.") if c[3] == "be_in"}


# --- force_left: a force noun, at most one auxiliary or adverb, then "left" ---------------


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Government troops left Manbij.", "left"),
        ("Government troops had left Manbij.", "left"),
        ("The garrison reportedly left Palmyra.", "left"),
        ("Army units then left Tabqa.", "left"),
        ("Government troops appear to have left Manbij.", "appear to have left"),
        ("The soldiers seemed to have left Tabqa.", "seemed to have left"),
    ],
)
def test_force_left_fires_with_its_cue_span(text: str, cue: str) -> None:
    found = [
        t for t in find_triggers(Sentence(0, 0, len(text), text)) if t.rule.rule == "force_left"
    ]
    assert [text[t.start : t.end] for t in found] == [cue]  # "had" stays outside the cue


@pytest.mark.parametrize(
    "text",
    [
        "Assad left Damascus.",
        "The governor had left Manbij.",
        "Government troops had already left Manbij.",  # two words between
        "Government troops also appear to have left Manbij.",  # a word before "appear"
        "Government troops had appeared to have left Manbij.",
        "Government troops appear to  have left Manbij.",  # one space, as in the lookbehinds
        "Government troops\nleft Manbij.",
        "Government troops left 20 dead in Manbij.",  # a toll (the pattern's own lookahead)
    ],
)
def test_force_left_needs_the_force_noun_right_before(text: str) -> None:
    assert "force_left" not in _fired(text)


def test_force_left_claim() -> None:
    assert ("Manbij", "government", "withdrew", "force_left") in _claims(
        "Government troops had left Manbij."
    )
    assert not {c for c in _claims("The governor had left Manbij.") if c[3] == "force_left"}


# --- withdrew_intransitive: only its "left" needs a force noun ----------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Rebels entered Saraqib after government troops left.",
        "Rebels entered Saraqib after the army left.",
        # "withdrew" takes no part in the group `verb`: any subject will do
        "Rebels entered Saraqib after the governor withdrew.",
        "Rebels entered Saraqib after government forces withdrew.",
    ],
)
def test_withdrew_intransitive_fires(text: str) -> None:
    assert "withdrew_intransitive" in _fired(text)


@pytest.mark.parametrize(
    "text",
    [
        "Rebels entered Saraqib after the governor left.",
        "Rebels entered Saraqib after government troops had left.",
        "Rebels entered Saraqib after government troops  left.",
    ],
)
def test_withdrew_intransitive_left_needs_the_force_noun(text: str) -> None:
    assert "withdrew_intransitive" not in _fired(text)


def test_withdrew_intransitive_claim() -> None:
    text = "Rebels entered Saraqib after government troops left."
    assert ("Saraqib", "government", "withdrew", "withdrew_intransitive") in _claims(text)
    other = "Rebels entered Saraqib after the governor left."
    assert not {c for c in _claims(other) if c[3] == "withdrew_intransitive"}
