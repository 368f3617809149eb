"""The cheap word tests before costly patterns are necessary conditions only."""

from __future__ import annotations

import importlib

import pytest

actor_mentions = importlib.import_module("syriamap.extract.actor_mentions")

SENTENCES = [
    '"We took the town at dawn," the commander said.',
    "\u201c We hold the hill now.",
    "We entered Saraqib; we left Morek: WE stayed in Kafr Nabl.",
    "Our Forces entered the village and HIS MEN held the bridge, her units said.",
    "The army clashed with the rebels. The latter were able to take the town.",
    "The FORMER, already weakened, withdrew from the airport.",
    "Weapons were seized between the towns; however, no forces remained.",
    "The former regime held the latter part of the road.",
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_speaker_and_former_latter_gates_never_hide_a_match(sentence):
    folded = actor_mentions.folded_for_words(sentence)
    if actor_mentions._SPEAKER.search(sentence):
        assert folded.startswith("we") or any(c in folded for c in actor_mentions._SPEAKER_CUES)
    spans = actor_mentions.former_latter_spans(sentence, 0, len(sentence))
    plain = [
        m.start()
        for m in actor_mentions._FORMER_LATTER.finditer(sentence)
        if actor_mentions._THE_BEFORE.search(sentence, max(0, m.start() - 6), m.start())
    ]
    assert len(spans) == len(plain)


def test_speaker_mentions_found():
    found = actor_mentions.find_actor_mentions('"We took it," he said. Our forces hold it.')
    assert [m.text for m in found if m.side == "speaker"] == ["We", "Our forces"]
    weapons = actor_mentions.find_actor_mentions("Weapons were seized; however, they left.")
    assert not [m for m in weapons if m.side == "speaker"]
    assert actor_mentions.former_latter_spans("The latter were able to take it.", 0, 33) == [
        (0, 10)
    ]
    assert actor_mentions.former_latter_spans("The former regime fell.", 0, 23) == []


GATED = [
    ("relations", "_EXCEPTION", "_EXCEPTION_WORDS"),
    ("targets", "_THERE", "_THERE_WORDS"),
    ("lists", "_PLURAL_PLACES", "_PLURAL_PLACE_WORDS"),
    ("lists", "_THESE", "_THESE_WORDS"),
    ("agents", "_DEFINITE_ANAPHOR", "_DEFINITE_ANAPHOR_WORDS"),
]
GATE_SENTENCES = [
    "Rebels took every town EXCEPT Morek, apart from two villages, save for the base.",
    "The army withdrew from THAT AREA; fighting continued there.",
    "They seized several NEIGHBORHOODS, neighbourhoods and Bases in the countryside.",
    "Both towns fell; THESE VILLAGES and the two cities followed.",
    "The armed Groups entered; the coalition and the factions left. groups said so.",
]


@pytest.mark.parametrize("sentence", GATE_SENTENCES)
def test_word_gates_hold_every_match(sentence):
    folded = actor_mentions.folded_for_words(sentence)
    for module, pattern, words in GATED:
        mod = importlib.import_module(f"syriamap.extract.{module}")
        if getattr(mod, pattern).search(sentence):
            assert any(w in folded for w in getattr(mod, words)), pattern


def test_gated_helpers_still_find_what_they_look_for():
    lists = importlib.import_module("syriamap.extract.lists")
    targets = importlib.import_module("syriamap.extract.targets")
    assert lists.plural_anaphor_in("Troops withdrew from THESE AREAS on Monday.")
    assert not lists.plural_anaphor_in("Troops withdrew from the area on Monday.")
    assert targets._says_there("Rebels set up checkpoints there.")
    assert targets._says_there("Fighting raged in that area.")
    assert not targets._says_there("Therefore the army left the region's capital.")


def test_more_word_gates_hold_every_match():
    clauses = importlib.import_module("syriamap.extract.clauses")
    lists = importlib.import_module("syriamap.extract.lists")
    targets = importlib.import_module("syriamap.extract.targets")
    checks = [
        (clauses._PATRON_BACKED, ("-backed", "-supported")),
        (clauses._PRESIDENTS_TROOPS, ("'s", "\u2019s")),
        (clauses._SEMICOLON, (";", "\u2014", "-")),
        (lists._KIND_OF, lists._KIND_OF_WORDS),
    ]
    sentences = [
        "TURKEY-BACKED FIGHTERS took the town; the regime\u2019s troops left - quickly.",
        "Rebels entered the villages of ",
        "Ankara-supported rebels and the president's forces \u2014 both \u2014 fought.",
    ]
    for sentence in sentences:
        folded = actor_mentions.folded_for_words(sentence)
        for pattern, words in checks:
            if pattern.search(sentence):
                assert any(w in folded for w in words), pattern.pattern
    tail = " the largest weapons DEPOTS in "
    assert targets._FACILITY_NEAR.match(tail)
    assert any(w in tail.lower() for w in targets._FACILITY_NEAR_WORDS)
