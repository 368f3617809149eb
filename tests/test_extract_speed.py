"""The extractor's per-sentence caches and gates give the answers of a fresh computation.

Relation cues are cached per sentence text and slot (:func:`syriamap.extract.rules.
_slot_matches`): the relation stage asks for every slot, ``plural_object`` for the cues
whose place follows. Invented sentences only.
"""

from __future__ import annotations

from syriamap.extract.lists import plural_object
from syriamap.extract.rules import _gates, _slot_matches, find_triggers
from syriamap.extract.sentences import Sentence, split_sentences
from syriamap.gazetteer import Gazetteer


def _fresh(sentence: Sentence, slots: tuple[str, ...] | None) -> list[tuple[str, int, int, bool]]:
    _slot_matches.cache_clear()
    _gates.cache_clear()
    return _rows(find_triggers(sentence, slots=slots))


def _rows(triggers: list) -> list[tuple[str, int, int, bool]]:
    return [(t.rule.rule, t.start, t.end, t.negated) for t in triggers]


SENTENCES = [
    "Insurgents seized the town of Morek and several villages nearby.",
    "The army did not withdraw from Tadmur, a military source said.",
    "Qusayr fell to the rebels after the regime forces pulled out.",
    "Government troops failed to retake Sukhna despite heavy shelling.",
]


def test_cached_cues_equal_a_fresh_search_whatever_the_order_of_the_slots_asked():
    for text in SENTENCES:
        s = split_sentences(text)[0]
        for slots in (None, ("after",), ("focus",), ("before",), ("after", "focus")):
            fresh = _fresh(s, slots)
            # a cache filled by another slot selection must not change the answer
            for warm in (None, ("after",), ("before",)):
                find_triggers(s, slots=warm)
                assert _rows(find_triggers(s, slots=slots)) == fresh, (text, slots, warm)


def test_the_same_sentence_at_another_offset_gets_its_own_offsets():
    text = "Rebels captured Hama."
    first = Sentence(0, 0, len(text), text)
    later = Sentence(5, 400, 400 + len(text), text)
    a, b = find_triggers(first), find_triggers(later)
    assert [t.start + 400 for t in a] == [t.start for t in b]
    assert [t.end + 400 for t in a] == [t.end for t in b]
    assert a  # the comparison means something


def test_a_sentence_without_a_plural_place_noun_has_no_plural_object():
    s = split_sentences("Rebels also seized the town of Morek on Friday.")[0]
    assert plural_object(s.text, s) is None
    s = split_sentences("Rebels also seized several key locations nearby.")[0]
    trig = plural_object(s.text, s)
    assert trig is not None and trig.rule.relation == "captured"
    # a plural place noun, but no cue before it
    s = split_sentences("Several villages lie between the two rivers.")[0]
    assert plural_object(s.text, s) is None


def test_governorates_are_a_fresh_list_each_time():
    gazetteer = Gazetteer.default()
    first = gazetteer.governorates()
    first.clear()
    again = gazetteer.governorates()
    assert len(again) == 14
    assert [g.admin1_iso for g in again] == sorted(g.admin1_iso for g in again)
