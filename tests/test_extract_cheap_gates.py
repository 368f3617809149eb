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
