"""A list that names the places of the sentence before ("These include X, Y and Z").

Stage: relations, across two sentences. "Rebels took Palmyra and surrounding areas. These
include the town of X and the village of Y": the second sentence has no cue of its own;
its list gives the examples of the plural place noun ("areas", "towns", "villages") of the
claim before, and each item takes that claim's actor, relation, stance, claimant and date.

Precision first, the continuation is read only when

- the sentence opens with "These/They/Those include(d)" or "Among them are/were";
- the sentence before has a plural place noun and its claims of the kinds a list
  continues (captured, controls, entered, withdrew, lost) all have one actor and one
  relation (no guess between "rebels took X after the army left Y"); or, when it names no
  place, a cue whose object the plural noun is ("seized several key locations nearby")
  and a named actor;
- the list's own sentence has no attribution or denial of its own (its stance would
  differ from the claim it continues);
- the items follow the opener as a list does (:func:`~.targets._targets_after`: no
  landmark, no new clause, no road).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from .actor_mentions import ActorMention
from .english import CLAUSE_BREAK
from .mentions import PlaceMention
from .prefilter import contains_any, folded_for_words
from .rules import Trigger, find_triggers, rules
from .sentences import Sentence
from .targets import _targets_after, ordinary_target

__all__ = [
    "CONTINUED_FACTOR",
    "anaphor_fits",
    "continued_places",
    "continues_claims",
    "opens_list",
    "named_list",
    "plural_anaphor",
    "plural_anaphor_in",
    "plural_anaphor_kind",
    "plural_object",
]

CONTINUED_FACTOR = 0.85
"""Share of the earlier claim's confidence an item of a continuing list keeps."""

_OPENER = re.compile(
    r"\s*[\u201c\"]?\s*(?:(?:these|they|those)\s+(?:also\s+)?(?:include|included|includes)|"
    r"among\s+(?:them|these|those)\s+(?:are|were|was|is))\b",
    re.I,
)
_PLURAL_PLACES = re.compile(
    r"\b(?:areas|towns|villages|cities|places|positions|sites|locations|localities|"
    r"settlements|neighbou?rhoods|territories|swathes|parts|bases|districts)\b",
    re.I,
)
# every match of _PLURAL_PLACES holds one of these (case-folded): a cheap test first
_PLURAL_PLACE_WORDS = (
    "areas", "towns", "villages", "cities", "places", "positions", "sites", "locations",
    "localities", "settlements", "neighbo", "territories", "swathes", "parts", "bases",
    "districts",
)  # fmt: skip
_NEAR_WORDS = 6
_CONTINUED = frozenset({"captured", "controls", "entered", "withdrew", "lost"})


def continues_claims(previous_text: str, claims: Sequence[tuple[str, str, str]]) -> bool:
    """Whether a list in the next sentence may continue the claims of this one.

    ``claims`` are ``(actor, relation, place name)`` of the sentence's claims. The plural
    place noun must stand within a few words of the last claim's place, in its clause
    ("took X and surrounding areas", "captured several towns near X"), not in another
    ("took X after the army left several towns").

    >>> continues_claims("Rebels took Hama and nearby towns.", [("opposition", "captured", "Hama")])
    True
    >>> continues_claims(
    ...     "Rebels took Hama after the army left several towns.",
    ...     [("opposition", "captured", "Hama")],
    ... )
    False
    """
    kinds = {(a, r) for a, r, _p in claims if r in _CONTINUED}
    if len(kinds) != 1:
        return False
    name = [p for _a, r, p in claims if r in _CONTINUED][-1]
    at = previous_text.rfind(name) if name else -1
    if at < 0:
        return False
    folded = folded_for_words(previous_text)
    plural = contains_any(folded, _PLURAL_PLACE_WORDS)
    for noun in _PLURAL_PLACES.finditer(previous_text) if plural else ():
        a, b = sorted((at + len(name), noun.start()))
        if noun.start() < at:
            a, b = noun.end(), at
        gap = previous_text[a:b]
        if len(gap.split()) <= _NEAR_WORDS and not CLAUSE_BREAK.search(gap):
            return True
    return False


def continued_places(
    text: str,
    sentence: Sentence,
    mentions: Sequence[PlaceMention],
    actors: Sequence[ActorMention],
) -> list[PlaceMention]:
    """Return the places a sentence opening with "These include ..." lists.

    Examples
    --------
    >>> from syriamap.extract.sentences import split_sentences
    >>> s = split_sentences("They include Hama.")[0]
    >>> m = PlaceMention(13, 17, "Hama", ("wof:421202161",), "wof:421202161", score=0.9)
    >>> [p.text for p in continued_places(s.text, s, [m], [])]
    ['Hama']
    """
    opener = _OPENER.match(text, sentence.start, sentence.end)
    if opener is None:
        return []
    rule = next(r for r in rules() if r.rule == "capture_active")
    trig = Trigger(replace(rule, gap=4), opener.start(), opener.end())
    places = [m for m in mentions if ordinary_target(m)]
    blockers = [(a.start, a.end) for a in actors if a.actor]
    return [m for m, _near in _targets_after(text, sentence, trig, places, blockers)]


# "seized several strategically important locations": a cue's object that is a plural
# place noun, a few words after it, in its clause
_PLURAL_OBJECT = re.compile(
    r"\s*(?:(?!(?:which|who|where|after|when|while|before|and|but)\b)[\w'\u2019-]+\s+){0,4}?"
    + _PLURAL_PLACES.pattern,
    re.I,
)


def plural_object(text: str, sentence: Sentence) -> Trigger | None:
    """Return the cue whose object is a plural place noun ("took several villages").

    Examples
    --------
    >>> from syriamap.extract.sentences import split_sentences
    >>> s = split_sentences("Rebels also seized several key towns nearby.")[0]
    >>> plural_object(s.text, s).rule.relation
    'captured'
    >>> s = split_sentences("Rebels shelled several towns nearby.")[0]
    >>> plural_object(s.text, s) is None
    True
    """
    folded = folded_for_words(sentence.text)
    if not contains_any(folded, _PLURAL_PLACE_WORDS) or (
        _PLURAL_PLACES.search(text, sentence.start, sentence.end) is None
    ):
        return None  # no plural place noun: no cue can have one for its object
    for trig in find_triggers(sentence, slots=("after",)):
        if trig.negated or trig.rule.relation not in _CONTINUED:
            continue
        if _PLURAL_OBJECT.match(text, trig.end, sentence.end):
            return trig
    return None


def opens_list(sentence_text: str) -> bool:
    """Whether a sentence opens with "These include" / "Among them were" (a cheap test).

    >>> opens_list("They include Hama and Homs."), opens_list("They took Hama.")
    (True, False)
    """
    return _OPENER.match(sentence_text) is not None


# "from these areas", "both towns", "the two cities": the places of the sentence before
_THESE = re.compile(
    r"\b(?:these|those|both|the\s+(?:two|three|four|five)|all\s+(?:three|four|five))\s+"
    r"(?:areas|towns|cities|villages|places|positions|locations|localities|provinces)\b",
    re.I,
)
_THESE_AFTER = re.compile(
    r"\s*(?:(?:its|their|his|the)\s+(?:[\w-]+\s+)?(?:forces|troops|units|fighters|soldiers)"
    r"\s+)?(?:from\s+|of\s+|in\s+|into\s+)?(?:all\s+)?(?:of\s+)?" + _THESE.pattern,
    re.I,
)


# every match of _THESE holds one of these (case-folded): a cheap test first
_THESE_WORDS = ("these", "those", "both", "two", "three", "four", "five")


def plural_anaphor_in(sentence_text: str) -> bool:
    """Whether a sentence has a plural anaphor for places ("these areas", "both towns")."""
    folded = folded_for_words(sentence_text)
    return any(word in folded for word in _THESE_WORDS) and _THESE.search(sentence_text) is not None


def plural_anaphor_kind(sentence_text: str) -> str | None:
    """Return the place noun of a sentence's plural anaphor ("these villages": "village").

    >>> plural_anaphor_kind("They left these villages."), plural_anaphor_kind("They left.")
    ('village', None)
    """
    m = _THESE.search(sentence_text)
    return None if m is None else _kind(m.group(0).split()[-1])


def _kind(noun: str) -> str:
    """Return the singular of a plural place noun ("cities": "city", "villages": "village")."""
    noun = noun.lower()
    return noun[:-3] + "y" if noun.endswith("ies") else noun.rstrip("s")


# "the villages of A, B and C": a named list of one kind of place, with or without a claim
_KIND_OF = re.compile(
    r"\bthe\s+(?:\w+\s+)?(villages|towns|cities|localities|provinces)\s+of\s+$", re.I
)
_KIND_OF_WORDS = ("villages", "towns", "cities", "localities", "provinces")
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)", re.I)
# a generic anaphor stands for a named list of any kind ("the towns of A and B ... these areas")
_GENERIC = frozenset({"area", "place", "location", "position", "locality"})


def named_list(text: str, places: Sequence[PlaceMention]) -> tuple[str, list[PlaceMention]]:
    """Return the kind and the items of a sentence's "the villages of A, B and C" list.

    For "these villages" in the next sentence when this one makes no claim on the list
    ("announced that its forces would take the villages of A, B and C. This came after the
    army had pulled out from these villages"). At least two places, separated only by
    commas and "and"; ``("", [])`` when there is no such list.

    Examples
    --------
    >>> a = PlaceMention(29, 33, "Hama", ("wof:421202161",), "wof:421202161")
    >>> b = PlaceMention(38, 42, "Homs", ("wof:421168647",), "wof:421168647")
    >>> t = "They would take the towns of Hama and Homs."
    >>> k, items = named_list(t, [a, b])
    >>> k, [m.text for m in items]
    ('town', ['Hama', 'Homs'])
    >>> named_list("They would take the roads of Hama and Homs.", [a, b])
    ('', [])
    """
    places = sorted(places, key=lambda m: m.start)
    for i, first in enumerate(places):
        window = folded_for_words(text[max(0, first.start - 40) : first.start])
        if not any(word in window for word in _KIND_OF_WORDS):
            continue  # every match of _KIND_OF holds one of its nouns
        kind = _KIND_OF.search(text, max(0, first.start - 40), first.start)
        if kind is None:
            continue
        items = [first]
        for nxt in places[i + 1 :]:
            if not _LIST_GAP.fullmatch(text, items[-1].end, nxt.start):
                break
            items.append(nxt)
        if len(items) >= 2:
            return _kind(kind.group(1)), items
    return "", []


def anaphor_fits(sentence_text: str, kind: str) -> bool:
    """Whether a sentence's "these villages" may stand for a named list of ``kind``.

    >>> anaphor_fits("They left these villages.", "village")
    True
    >>> anaphor_fits("They left these cities.", "village")
    False
    >>> anaphor_fits("They left these areas.", "town")
    True
    """
    noun = plural_anaphor_kind(sentence_text)
    return noun is not None and (noun == kind or noun in _GENERIC)


def plural_anaphor(text: str, position: int, listed: Sequence[PlaceMention]) -> list[PlaceMention]:
    """Return the places "these areas" after a cue stands for, the sentence before's.

    ``listed`` are the places of the previous sentence's claims; at least two (a plural),
    each once.

    Examples
    --------
    >>> a = PlaceMention(0, 4, "Hama", ("wof:421202161",), "wof:421202161")
    >>> b = PlaceMention(9, 13, "Homs", ("wof:421168647",), "wof:421168647")
    >>> t = "The army withdrew its forces from these areas."
    >>> [m.text for m in plural_anaphor(t, 17, [a, b])]
    ['Hama', 'Homs']
    >>> plural_anaphor(t, 17, [a])
    []
    """
    if not _THESE_AFTER.match(text, position):
        return []
    out: list[PlaceMention] = []
    for m in listed:
        if m.place_id not in {o.place_id for o in out}:
            out.append(m)
    return out if len(out) >= 2 else []
