"""A fast necessary condition for the pattern lexicons: which word stems a match needs.

A sentence that contains none of a cue's required word beginnings cannot match it, so the
relation and stance stages skip the cue without running its regular expression.
:func:`required_stems` reads the structure of a compiled pattern (with its
own small parser, :func:`parse_pattern`), :func:`stems_of` is a cruder fallback over the
pattern's text, and :func:`word_prefixes` lists the stems a sentence offers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from functools import lru_cache
from typing import Any

__all__ = [
    "contains_any",
    "factor_word_list",
    "first_char_guard",
    "folded_for_words",
    "lower_word_prefixes",
    "parse_pattern",
    "required_stems",
    "StemIndex",
    "stems_of",
    "word_prefixes",
    "word_trie",
]

_STOP = frozenset(
    "the and for its his her their was were are been has had have being from with into over "
    "under onto off per any all now still only just".split()
)


_PATTERN_WORD = re.compile(r"[a-z]{3,}")
_FRAGMENT_NEXT = frozenset("([?{*+")
_FRAGMENT_PREV = frozenset(")]?")
_GROUP_NAME = re.compile(r"\(\?P<\w+>")


def stems_of(pattern: str) -> frozenset[str]:
    """Beginnings of the content words of a pattern (a fast necessary condition).

    Every match of a lexicon pattern contains one of its content words, so a sentence that
    contains none of the stems cannot match and is not searched. A whole word of the
    pattern gives its first five letters (all of it when shorter: "withdrew" → "withd",
    so the common "with" does not wake the withdrawal cues); a fragment that regex
    syntax continues ("seiz(?:e|ed)", "neighbou?rhood") gives its first four. The stems
    are compared with :func:`word_prefixes` of the sentence.
    """
    # a group's name ("(?P<verb>left)") is no word of the text
    text = _GROUP_NAME.sub("(", pattern).replace("\\s", " ").replace("\\w", " ")
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


_WORDS = re.compile(r"[a-z]{2,}")


@lru_cache(maxsize=64)
def word_prefixes(text: str) -> frozenset[str]:
    """Return the three-, four- and five-letter beginnings of the words of ``text``.

    A two-letter word ("by", "to") is its own beginning (see :func:`required_stems`).
    Cached for the last sentences: the relation and the stance stages ask for the same one.
    """
    return lower_word_prefixes(text.lower())


def lower_word_prefixes(low: str) -> frozenset[str]:
    """Return :func:`word_prefixes` of ``low`` as it is (no lower-casing, no cache).

    For patterns matched without ``re.IGNORECASE`` against an already lower-cased text:
    its own letter runs are the words a match can contain.
    """
    words = set(_WORDS.findall(low))
    return frozenset([w[:5] for w in words] + [w[:4] for w in words] + [w[:3] for w in words])


def folded_for_words(text: str) -> str:
    """Return ``text`` case-folded so that a word found by ``re.IGNORECASE`` is in it.

    ``word in folded_for_words(text)`` is a necessary condition for an ASCII ``word`` to
    match case-insensitively: every character ``re.IGNORECASE`` takes for an ASCII letter
    ("K", the Kelvin sign; "ſ"; dotted "İ"; dotless "ı") folds to that letter here.

    Examples
    --------
    >>> folded_for_words("PR\u0130SON Ya\u017fs\u0131")
    'prison yassi'
    """
    return text.casefold().replace("\u0131", "i").replace("\u0307", "")


# one Aho-Corasick automaton per word tuple of contains_any, by the tuple's id (the entry
# keeps the tuple alive, so the id is not reused while it is held); bounded
_WORD_AUTOMATA: dict[int, tuple[tuple[str, ...], Any]] = {}
_MAX_WORD_AUTOMATA = 64


def contains_any(text: str, words: tuple[str, ...]) -> bool:
    """Return ``any(word in text for word in words)``, in one pass over ``text``.

    For the longer word lists of the cheap gates (a few dozen words tested on every
    sentence): one automaton finds whether any of them occurs, where ``any`` searches the
    text once per word. The same answer for any tuple of strings.

    >>> contains_any("our forces entered", ("my men", "our forces")), contains_any("x", ())
    (True, False)
    """
    entry = _WORD_AUTOMATA.get(id(words))
    if entry is None or entry[0] is not words:
        if len(_WORD_AUTOMATA) >= _MAX_WORD_AUTOMATA:
            _WORD_AUTOMATA.clear()
        entry = _WORD_AUTOMATA[id(words)] = (words, _automaton_of(words))
    automaton = entry[1]
    if automaton is None:  # no word, or the empty word (in every text)
        return "" in words
    return next(automaton.iter(text), None) is not None


def _automaton_of(words: tuple[str, ...]) -> Any:
    if not words or "" in words:
        return None
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, None)
    automaton.make_automaton()
    return automaton


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


def _opens_with_non_letter(seq: Any) -> bool:
    """Whether every match of ``seq`` begins with a character that is no letter a-z."""
    if not seq:
        return False
    op, av = seq[0]
    name = str(op)
    if name == "LITERAL":
        return not ("a" <= chr(av).lower() <= "z")
    if name == "IN":
        return not _class_has_letter(av)
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        return av[0] >= 1 and _opens_with_non_letter(av[2])
    if name == "SUBPATTERN":
        return _opens_with_non_letter(av[3])
    if name == "BRANCH":
        return all(_opens_with_non_letter(b) for b in av[1])
    return False


def _word_ends_at(seq: Any, i: int, word_end: bool) -> bool:
    """Whether a letter right before op ``i`` of ``seq`` always ends a word.

    The first op from ``i`` on that is not a look-around decides: a word boundary, or a
    character that is no letter; at the end of ``seq``, ``word_end`` (the caller's).
    """
    for op, av in seq[i:]:
        name = str(op)
        if name == "AT" and str(av) == "AT_BOUNDARY":
            return True
        if name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue
        return _opens_with_non_letter([(op, av)])
    return word_end


def _required(seq: Any, ws: bool, word_end: bool = False) -> tuple[list[frozenset[str]], bool]:
    """Conjunction of stem sets one of which every match of ``seq`` contains.

    ``ws``: whether the position before ``seq`` starts a word (the previous character is
    no letter a-z); ``word_end``: whether a letter that ends the match of ``seq`` ends a
    word. Returns the sets and whether the position after ``seq`` starts a word.
    A set lists stems as :func:`word_prefixes` gives them (the first three to five letters
    of a word, a two-letter word whole); only letter runs that begin a word count, and a
    two-letter run only when it ends the word too ("by" in "held by", not in "bypass").
    """
    out: list[frozenset[str]] = []
    run: list[str] = []
    run_ws = False

    def flush(ends: bool) -> None:
        nonlocal run
        if run_ws and (len(run) >= 3 or (len(run) == 2 and ends)):
            out.append(frozenset(["".join(run[:5])]))
        run = []

    for i, (op, av) in enumerate(seq):
        name = str(op)
        if name == "LITERAL":
            ch = chr(av).lower()
            if "a" <= ch <= "z":
                if not run:
                    run_ws = ws
                run.append(ch)
                ws = False
            else:
                flush(True)
                ws = True
        elif name in ("AT", "ASSERT", "ASSERT_NOT"):
            if name == "AT" and str(av) == "AT_BOUNDARY":
                if run:
                    flush(True)  # a boundary after a letter: the word ends
                else:
                    ws = True
        elif name == "IN":
            flush(not _class_has_letter(av))
            ws = not _class_has_letter(av)
        elif name in ("SUBPATTERN", "ATOMIC_GROUP"):
            flush(_opens_with_non_letter([(op, av)]))
            inner = av[3] if name == "SUBPATTERN" else av
            sets, ws = _required(inner, ws, _word_ends_at(seq, i + 1, word_end))
            out.extend(sets)
        elif name == "BRANCH":
            flush(_opens_with_non_letter([(op, av)]))
            after = _word_ends_at(seq, i + 1, word_end)
            results = [_required(b, ws, after) for b in av[1]]
            if all(r[0] for r in results):
                union: set[str] = set()
                for sets, _end in results:
                    union |= min(sets, key=_stem_cost)
                out.append(frozenset(union))
            ws = all(r[1] for r in results)
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            flush(_opens_with_non_letter([(op, av)]))
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
            flush(False)
            ws = False
    flush(word_end)
    return out, ws


def required_stems(
    pattern: str, *, word_start: bool = False, word_end: bool = False
) -> tuple[frozenset[str], ...]:
    """Stem sets every match of ``pattern`` hits (each set: one of its stems at least).

    A finer necessary condition than :func:`stems_of`: optional words ("full", "still",
    "the") do not wake a rule, only the words every match must contain. ``word_start``
    and ``word_end``: what precedes and what follows every match ends a word.
    """
    try:
        parsed = parse_pattern(pattern)
    except re.error:  # pragma: no cover - patterns are checked by the lexicon tests
        return ()
    sets, _end = _required(parsed, word_start, word_end)
    return tuple(dict.fromkeys(sets))


class StemIndex:
    """Entries (cues, rules; in file order) listed under the word stems a match needs.

    Each entry is listed under the stems of one set every match of it needs (the cheapest
    of its required sets, else its stems); an entry without stems is always tried. A text
    then only tries the entries one of whose stems it has, instead of testing every
    entry's stems in turn.

    >>> index = StemIndex([(frozenset({"capt"}), ()), (frozenset(), ())])
    >>> index.candidates(frozenset({"capt", "hama"}))
    [0, 1]
    >>> index.candidates(frozenset({"hama"}))
    [1]
    """

    def __init__(
        self, needs: Iterable[tuple[AbstractSet[str], Sequence[AbstractSet[str]]]]
    ) -> None:
        index: dict[str, list[int]] = {}
        always: list[int] = []
        rest: list[tuple[AbstractSet[str], ...]] = []
        for order, (stems, required) in enumerate(needs):
            need = min(required, key=_stem_cost) if required else stems
            if not need:
                always.append(order)
            for stem in need:
                index.setdefault(stem, []).append(order)
            # the sets a candidate must still meet: the one it is listed under it meets
            sets = ((stems,) if stems else ()) + tuple(required)
            rest.append(tuple(s for s in sets if not (need and s == need)))
        self._rest = tuple(rest)
        self._index = {k: tuple(v) for k, v in index.items()}
        self._always = tuple(always)
        # the indexed stems as a set: ``present & self._stems`` walks the smaller of the two
        # (a sentence's few dozen stems), not every indexed stem as ``keys() & present`` does
        self._stems = frozenset(index)

    def candidates(self, present: AbstractSet[str]) -> list[int]:
        """Return, in file order, the entries a text with the stems ``present`` may match."""
        orders = set(self._always)
        index = self._index
        for stem in self._stems.intersection(present):
            orders.update(index[stem])
        return sorted(orders)

    def woken(self, present: AbstractSet[str]) -> list[int]:
        """Return, in file order, the entries a text with the stems ``present`` wakes.

        The :meth:`candidates` that share a stem with each of their sets (their stems,
        when they have any, and every required set; an empty set is never met).

        >>> index = StemIndex([(frozenset({"capt"}), (frozenset({"capt"}), frozenset({"by"})))])
        >>> index.woken(frozenset({"capt"})), index.woken(frozenset({"capt", "by"}))
        ([], [0])
        """
        out = []
        rest = self._rest
        for order in self.candidates(present):
            for stems in rest[order]:
                if stems.isdisjoint(present):
                    break
            else:
                out.append(order)
        return out


# ---- a small parser for the lexicons' regular expressions ---------------------------
# It reads the subset of Python's syntax that the pattern lexicons use (literals, escapes,
# classes, groups, lookarounds, alternation, greedy/lazy/possessive repeats) into the
# nested ``(op, argument)`` form :func:`_required` walks, so that no private module of
# the standard library is needed. A construct it does not know raises ``re.error``.

_UNBOUNDED = 1 << 30
_CATEGORIES = {
    "s": "CATEGORY_SPACE",
    "S": "CATEGORY_NOT_SPACE",
    "d": "CATEGORY_DIGIT",
    "D": "CATEGORY_NOT_DIGIT",
    "w": "CATEGORY_WORD",
    "W": "CATEGORY_NOT_WORD",
}
_SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v"}


class _Reader:
    def __init__(self, pattern: str) -> None:
        self.p = pattern
        self.i = 0

    def peek(self, n: int = 1) -> str:
        return self.p[self.i : self.i + n]

    def take(self, n: int = 1) -> str:
        out = self.p[self.i : self.i + n]
        self.i += n
        return out

    def error(self, what: str) -> re.error:
        return re.error(what, self.p, self.i)


def _escape(r: _Reader, in_class: bool) -> tuple[str, Any]:
    ch = r.take()
    if ch in _CATEGORIES:
        return ("CATEGORY", _CATEGORIES[ch])
    if ch == "b" and not in_class:
        return ("AT", "AT_BOUNDARY")
    if ch == "B" and not in_class:
        return ("AT", "AT_NON_BOUNDARY")
    if ch in ("A", "Z") and not in_class:
        return ("AT", "AT_BEGINNING" if ch == "A" else "AT_END")
    if ch == "u":
        return ("LITERAL", int(r.take(4), 16))
    if ch == "x":
        return ("LITERAL", int(r.take(2), 16))
    if ch in _SIMPLE_ESCAPES:
        return ("LITERAL", ord(_SIMPLE_ESCAPES[ch]))
    if ch.isalnum():
        raise r.error(f"unsupported escape \\{ch}")
    return ("LITERAL", ord(ch))


def _class(r: _Reader) -> tuple[str, Any]:
    items: list[tuple[str, Any]] = []
    if r.peek() == "^":
        r.take()
        items.append(("NEGATE", None))
    first = True
    while True:
        ch = r.take()
        if not ch:
            raise r.error("unterminated character class")
        if ch == "]" and not first:
            break
        first = False
        item = _escape(r, True) if ch == "\\" else ("LITERAL", ord(ch))
        if item[0] == "LITERAL" and r.peek() == "-" and r.peek(2) not in ("-]", "-"):
            if r.p[r.i + 1 : r.i + 2] != "]":
                r.take()
                hi = r.take()
                hi_item = _escape(r, True) if hi == "\\" else ("LITERAL", ord(hi))
                items.append(("RANGE", (item[1], hi_item[1])))
                continue
        items.append(item)
    return ("IN", items)


def _repeat(r: _Reader) -> tuple[int, int] | None:
    ch = r.peek()
    if ch == "?":
        r.take()
        return 0, 1
    if ch == "*":
        r.take()
        return 0, _UNBOUNDED
    if ch == "+":
        r.take()
        return 1, _UNBOUNDED
    if ch == "{":
        m = re.match(r"\{(\d*)(,?)(\d*)\}", r.p[r.i :])
        if m is None:
            return None  # a literal brace
        r.take(m.end())
        lo = int(m.group(1) or 0)
        hi = lo if not m.group(2) else int(m.group(3)) if m.group(3) else _UNBOUNDED
        return lo, hi
    return None


def _sequence(r: _Reader) -> list[tuple[str, Any]]:
    branches: list[list[tuple[str, Any]]] = [[]]
    while True:
        ch = r.peek()
        if ch == "" or ch == ")":
            break
        r.take()
        item: tuple[str, Any]
        if ch == "|":
            branches.append([])
            continue
        if ch == "\\":
            item = _escape(r, False)
            if item[0] == "CATEGORY":
                item = ("IN", [item])
        elif ch == "[":
            item = _class(r)
        elif ch == ".":
            item = ("ANY", None)
        elif ch == "^":
            item = ("AT", "AT_BEGINNING")
        elif ch == "$":
            item = ("AT", "AT_END")
        elif ch == "(":
            item = _group(r)
        else:
            item = ("LITERAL", ord(ch))
        rep = _repeat(r)
        if rep is not None:
            kind = "MAX_REPEAT"
            if r.peek() == "?":
                r.take()
                kind = "MIN_REPEAT"
            elif r.peek() == "+":
                r.take()
                kind = "POSSESSIVE_REPEAT"
            item = (kind, (rep[0], rep[1], [item]))
        branches[-1].append(item)
    if len(branches) == 1:
        return branches[0]
    return [("BRANCH", (None, branches))]


def _group(r: _Reader) -> tuple[str, Any]:
    kind = "SUBPATTERN"
    if r.peek() == "?":
        r.take()
        ch = r.take()
        if ch == ":":
            pass
        elif ch == ">":
            kind = "ATOMIC_GROUP"
        elif ch in "=!":
            kind = "ASSERT" if ch == "=" else "ASSERT_NOT"
        elif ch == "<" and r.peek() in ("=", "!"):
            kind = "ASSERT" if r.take() == "=" else "ASSERT_NOT"
        elif ch == "P" and r.peek() == "<":
            end = r.p.index(">", r.i)
            r.i = end + 1
        elif ch.isalpha() or ch == "-":
            while r.peek() and r.peek() not in ":)":
                r.take()
            if r.take() == ")":
                return ("AT", "FLAGS")  # global inline flags: no text
        else:
            raise r.error(f"unsupported group (?{ch}")
    seq = _sequence(r)
    if r.take() != ")":
        raise r.error("missing )")
    if kind == "SUBPATTERN":
        return ("SUBPATTERN", (None, 0, 0, seq))
    if kind == "ATOMIC_GROUP":
        return ("ATOMIC_GROUP", seq)
    return (kind, (1, seq))


def parse_pattern(pattern: str) -> list[tuple[str, Any]]:
    """Parse a lexicon pattern into ``(op, argument)`` pairs (see :func:`_required`).

    Raises
    ------
    re.error
        For syntax the lexicons do not use (backreferences, conditionals...).
    """
    r = _Reader(pattern)
    seq = _sequence(r)
    if r.i != len(pattern):
        raise r.error("unbalanced parenthesis")
    return seq


def _first_chars(seq: Any) -> tuple[set[str] | None, bool]:
    """Return the characters a match of ``seq`` may begin with, and whether it may be empty.

    ``None`` when it is not a known set of literals (a class, a category, any character):
    the caller then adds no guard. Zero-width items (word boundaries, look-arounds) are
    skipped; an item that may match nothing lets the next one begin the match too.
    """
    out: set[str] = set()
    for op, av in seq:
        name = str(op)
        if name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue
        if name == "LITERAL":
            out.add(chr(av))
            return out, False
        if name in ("SUBPATTERN", "ATOMIC_GROUP"):
            chars, empty = _first_chars(av[3] if name == "SUBPATTERN" else av)
        elif name == "BRANCH":
            chars, empty = set(), False
            for branch in av[1]:
                b_chars, b_empty = _first_chars(branch)
                if b_chars is None:
                    return None, False
                chars |= b_chars
                empty = empty or b_empty
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            chars, empty = _first_chars(av[2])
            empty = empty or av[0] == 0
        else:
            return None, False
        if chars is None:
            return None, False
        out |= chars
        if not empty:
            return out, False
    return out, True


def first_char_guard(pattern: str) -> str:
    r"""Return a look-ahead for the characters every match of ``pattern`` begins with, or "".

    Put before a pattern that opens with look-behinds or a long list of alternatives, the
    guard changes no match (every match begins with one of its characters; compiled with
    the same flags, it folds case as the pattern's literals do) and lets the engine reject
    most positions with one character test instead of trying the whole pattern there.
    "" when the first characters are not all plain literals or a match may be empty, or
    when the pattern switches case-insensitive matching on inside (``(?i:...)``: its
    literals fold case where a guard outside would not).

    Examples
    --------
    >>> first_char_guard(r"(?<![\w-])(?:seized|took|entered)")
    '(?=[est])'
    >>> first_char_guard(r"(?:\w+ )?held"), first_char_guard(r"(?:held)?")
    ('', '')
    """
    if "(?i" in pattern:
        return ""
    try:
        chars, empty = _first_chars(parse_pattern(pattern))
    except re.error:  # pragma: no cover - patterns are checked by the lexicon tests
        return ""
    if chars is None or empty or not chars:
        return ""
    body = "".join(re.escape(c) if c in "\\]^-[" else c for c in sorted(chars))
    return f"(?=[{body}])"


_WORD_LIST = re.compile(r"\(\?:([a-z]+(?: [a-z]+)*(?:\|[a-z]+(?: [a-z]+)*)+)\)")


def word_trie(words: list[str]) -> str:
    """Return a pattern matching exactly ``words`` (lower-case letters), factored as a trie.

    ``said|says|saying`` becomes ``sa(?:id|y(?:ing|s))``: the regular expression engine
    tries alternatives one by one, so a long word list costs it a comparison per word at
    every position; the trie, a few.

    Examples
    --------
    >>> word_trie(["said", "says", "saying", "say"])
    'sa(?:id|y(?:ing|s)?)'
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        alts = [ch + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            return (body if len(alts) > 1 else f"(?:{body})") + "?"
        return body

    return emit(trie)


def factor_word_list(pattern: str, head: str = "", tail: str = "") -> str:
    r"""Return ``pattern`` with its word list factored (:func:`word_trie`) when it is one.

    A pattern that is exactly ``head(?:w1|w2|...)tail``, with words or phrases of letters
    and spaces, none a phrase's first words, and a ``head`` and ``tail`` that end a word on
    both sides (``\b``, or the relation cues' own word boundaries), is rewritten: there at
    most one alternative can match at a position, so their order never matters and the
    matches are the same. So is a list of such words inside a pattern when a space or
    ``\b`` follows it ("(?:held|controlled|run) by"). Anything else stays as it is.

    Examples
    --------
    >>> print(factor_word_list(r"\b(?:said|says)\b", r"\b", r"\b"))
    \b(?:sa(?:id|ys))\b
    >>> print(factor_word_list(r"\b(?:took over|took|seized)\b", r"\b", r"\b"))
    \b(?:took over|took|seized)\b
    >>> print(factor_word_list(r"(?:is |was )?(?:held|hosted|run) by"))
    (?:is |was )?(?:(?:h(?:eld|osted)|run)) by
    """
    if not (pattern.startswith(head) and pattern.endswith(tail)):
        return _factor_inner_lists(pattern, ends_word=False)
    middle = pattern[len(head) : len(pattern) - len(tail)]
    m = _WORD_LIST.fullmatch(middle)
    if m is None:
        return head + _factor_inner_lists(middle, ends_word=True) + tail
    words = m.group(1).split("|")
    if any(b.startswith(a + " ") for a in words for b in words):
        return pattern  # "took" and "took over" may both match: their order counts
    return head + "(?:" + word_trie(words) + ")" + tail


# a list of words or phrases (letters, apostrophes, spaces) inside a pattern, followed by a
# space, a word boundary or the end of the pattern
_INNER_LIST = re.compile(
    r"(?<!\\)\(\?:([a-z']+(?: [a-z']+)*(?:\|[a-z']+(?: [a-z']+)*)+)\)(?= |\\b|$)"
)


def _factor_inner_lists(pattern: str, *, ends_word: bool) -> str:
    """Factor the word lists inside ``pattern`` that a space or a word boundary follows.

    At the end of ``pattern`` only when ``ends_word`` (a tail that ends a word follows).
    A list where one alternative continues another with a character other than a letter
    ("can" and "can't", "took" and "took over") stays as it is: both may match at one
    position, so their order counts.
    """

    def factor(m: re.Match[str]) -> str:
        words = m.group(1).split("|")
        if (m.end() == len(pattern) and not ends_word) or any(
            a != b and b.startswith(a) and not b[len(a)].isalpha() for a in words for b in words
        ):
            return m.group(0)
        return "(?:" + word_trie(words) + ")"

    return _INNER_LIST.sub(factor, pattern)
