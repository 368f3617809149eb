"""A fast necessary condition for the pattern lexicons: which word stems a match needs.

A sentence that contains none of a cue's required word beginnings cannot match it, so the
relation and stance stages skip the cue without running its regular expression.
:func:`required_stems` reads the structure of a compiled pattern (with the standard
library's regular-expression parser), :func:`stems_of` is a cruder fallback over the
pattern's text, and :func:`word_prefixes` lists the stems a sentence offers.
"""

from __future__ import annotations

import re
import re._parser as _sre_parse  # Python >= 3.11
from collections.abc import Set as AbstractSet
from functools import lru_cache
from typing import Any

__all__ = ["required_stems", "stem_cost", "stems_of", "word_prefixes"]

_STOP = frozenset(
    "the and for its his her their was were are been has had have being from with into over "
    "under onto off per any all now still only just".split()
)


_PATTERN_WORD = re.compile(r"[a-z]{3,}")
_FRAGMENT_NEXT = frozenset("([?{*+")
_FRAGMENT_PREV = frozenset(")]?")


def stems_of(pattern: str) -> frozenset[str]:
    """Beginnings of the content words of a pattern (a fast necessary condition).

    Every match of a lexicon pattern contains one of its content words, so a sentence that
    contains none of the stems cannot match and is not searched. A whole word of the
    pattern gives its first five letters (all of it when shorter: "withdrew" → "withd",
    so the common "with" does not wake the withdrawal cues); a fragment that regex
    syntax continues ("seiz(?:e|ed)", "neighbou?rhood") gives its first four. The stems
    are compared with :func:`word_prefixes` of the sentence.
    """
    text = pattern.replace("\\s", " ").replace("\\w", " ")
    out = set()
    for m in _PATTERN_WORD.finditer(text):
        word = m.group(0)
        if word in _STOP:
            continue
        nxt = text[m.end() : m.end() + 1]
        prev = text[m.start() - 1 : m.start()]
        if nxt in _FRAGMENT_NEXT or (nxt and nxt.isalpha()) or prev in _FRAGMENT_PREV:
            out.add(word[:4])
        else:
            out.add(word[:5])
    return frozenset(out)


_WORDS = re.compile(r"[a-z]{3,}")


@lru_cache(maxsize=64)
def word_prefixes(text: str) -> frozenset[str]:
    """Return the three-, four- and five-letter beginnings of the words of ``text``.

    Cached for the last sentences: the relation and the stance stages ask for the same one.
    """
    words = set(_WORDS.findall(text.lower()))
    return frozenset([w[:5] for w in words] + [w[:4] for w in words] + [w[:3] for w in words])


def _class_has_letter(items: list[tuple[Any, Any]]) -> bool:
    for op, av in items:
        name = str(op)
        if name == "NEGATE":
            return True
        if name == "LITERAL":
            if chr(av).isalpha():
                return True
        elif name == "RANGE":
            lo, hi = av
            if any(lo <= c <= hi for c in range(0x41, 0x7B) if chr(c).isalpha()):
                return True
            if hi > 0x7F:
                return True
        elif name == "CATEGORY":
            if str(av) not in ("CATEGORY_SPACE", "CATEGORY_DIGIT", "CATEGORY_NOT_WORD"):
                return True
        else:
            return True
    return False


def _stem_cost(stems: AbstractSet[str]) -> int:
    """How often a stem set wakes a rule, roughly: three-letter stems ("the") are common."""
    return sum(1 if len(stem) > 3 else 10 for stem in stems)


def _required(seq: Any, ws: bool) -> tuple[list[frozenset[str]], bool]:
    """Conjunction of stem sets one of which every match of ``seq`` contains.

    ``ws``: whether the position before ``seq`` starts a word (the previous character is
    no letter a-z). Returns the sets and whether the position after ``seq`` starts a word.
    A set lists stems as :func:`word_prefixes` gives them (the first three to five letters
    of a word); only letter runs that begin a word count.
    """
    out: list[frozenset[str]] = []
    run: list[str] = []
    run_ws = False

    def flush() -> None:
        nonlocal run
        if run_ws and len(run) >= 3:
            out.append(frozenset(["".join(run[:5])]))
        run = []

    for op, av in seq:
        name = str(op)
        if name == "LITERAL":
            ch = chr(av).lower()
            if "a" <= ch <= "z":
                if not run:
                    run_ws = ws
                run.append(ch)
                ws = False
            else:
                flush()
                ws = True
        elif name in ("AT", "ASSERT", "ASSERT_NOT"):
            if name == "AT" and str(av) == "AT_BOUNDARY" and not run:
                ws = True
        elif name == "IN":
            flush()
            ws = not _class_has_letter(av)
        elif name in ("SUBPATTERN", "ATOMIC_GROUP"):
            flush()
            sets, ws = _required(av[3] if name == "SUBPATTERN" else av, ws)
            out.extend(sets)
        elif name == "BRANCH":
            flush()
            results = [_required(b, ws) for b in av[1]]
            if all(r[0] for r in results):
                union: set[str] = set()
                for sets, _end in results:
                    union |= min(sets, key=_stem_cost)
                out.append(frozenset(union))
            ws = all(r[1] for r in results)
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            flush()
            lo, hi, inner = av
            sets, end = _required(inner, ws)
            if hi > 1 and ws and not end:
                sets, end = _required(inner, False)
            if lo >= 1:
                out.extend(sets)
                ws = end
            else:
                ws = ws and end
        else:
            flush()
            ws = False
    flush()
    return out, ws


def required_stems(pattern: str, *, word_start: bool = False) -> tuple[frozenset[str], ...]:
    """Stem sets every match of ``pattern`` hits (each set: one of its stems at least).

    A finer necessary condition than :func:`stems_of`: optional words ("full", "still",
    "the") do not wake a rule, only the words every match must contain.
    """
    try:
        parsed = _sre_parse.parse(pattern, re.I)
    except re.error:  # pragma: no cover - patterns are checked by the lexicon tests
        return ()
    sets, _end = _required(parsed, word_start)
    return tuple(dict.fromkeys(sets))


stem_cost = _stem_cost
