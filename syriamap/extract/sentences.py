"""Sentence splitting with character offsets.

Stage 2. Splits each body span of a :class:`~syriamap.extract.document.Document` into
sentences. A sentence ends at ``.``, ``!`` or ``?`` (plus closing quotes or brackets)
followed by space and an upper-case letter, a digit or an opening quote, unless the word
before the full stop is a known abbreviation ("Mr.", "Gen.", "U.N."). A full stop glued to
the next sentence ("before.The") also splits when the word before it is a lower-case word
of three letters or more. Offsets are into the document text, and ``text[start:end]`` is
the sentence with surrounding space trimmed.

Control characters (C0 but tab and line breaks, DEL, C1), bidirectional marks and
overrides and zero-width spaces count as spaces when splitting (:func:`blank_controls`):
"Hama.\u200f Then" is two sentences. The sentence text stays verbatim.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

__all__ = ["INVISIBLE", "Sentence", "blank_controls", "split_sentences"]

INVISIBLE = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x9f\u061c\u200b\u200e\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u2069\ufeff]"
)
"""Characters that are read as spaces: controls, bidi marks and overrides, zero-width
spaces. Joiners (U+200C, U+200D) and the soft hyphen stay: they sit inside words."""


def blank_controls(text: str) -> str:
    """Return ``text`` with :data:`INVISIBLE` characters replaced by spaces (same length).

    Offsets into the result are offsets into ``text``, so stages can read the blanked
    text while quotes are cut from the original.

    Examples
    --------
    >>> blank_controls("Hama.\u200fThen")
    'Hama. Then'
    """
    return INVISIBLE.sub(" ", text) if INVISIBLE.search(text) else text


_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen lt col maj capt sgt st mt no vs etc jr sr inc ltd co corp "
    "jan feb mar apr jun jul aug sep sept oct nov dec approx est fig rev gov sen rep "
    "u.n u.s u.k e.g i.e a.m p.m".split()
)
# every branch starts with its first [.!?]: taken out in front, the mark lets the regex
# engine skip to the next stop mark instead of trying the branches at every character
# (the same matches: "[.!?]+" is "[.!?][.!?]*", and the third branch's lookbehind now
# ends at the full stop it used to stand before)
_END = re.compile(
    r"""[.!?](?:[.!?]*[\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9\u0600-\u06FF])"""
    r"""|[.!?]*[\"'\u201d\u2019)\]]*(?=\s+[\"\u201c]\s*[a-z])"""
    r"""|(?<=[a-z]{3}\.)(?=[A-Z][a-z]))"""
)


_LAST_WORD = re.compile(r"([A-Za-z][A-Za-z.]*)$")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: its index in the document, offsets and text."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int = 0


def _is_abbreviation(text: str, dot: int) -> bool:
    m = _LAST_WORD.search(text, max(0, dot - 24), dot)
    if not m:
        return False
    word = m.group(1).lower().rstrip(".")
    if word in _ABBREVIATIONS:
        return True
    return len(word) == 1 and word.isalpha()  # initials: "George W. Bush"


def _split_span(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    chunk = text[start:end]
    pos = 0
    for m in _END.finditer(chunk):
        if m.group(0).startswith(".") and _is_abbreviation(chunk, m.start()):
            continue
        stop = m.end()
        yield from _trim(text, start + pos, start + stop)
        pos = stop
    yield from _trim(text, start + pos, end)


def _trim(text: str, a: int, b: int) -> Iterator[tuple[int, int]]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a:
        yield a, b


def split_sentences(text: str, spans: Iterable[tuple[int, int]] | None = None) -> list[Sentence]:
    """Split ``text`` (or only the given ``(start, end)`` spans of it) into sentences.

    Control and bidi characters count as spaces (:func:`blank_controls`); each
    sentence's text is ``text[start:end]``, verbatim.

    Examples
    --------
    >>> [s.text for s in split_sentences("Rebels took Hama. The U.N. agreed.Then Homs fell.")]
    ['Rebels took Hama.', 'The U.N. agreed.', 'Then Homs fell.']
    >>> [s.text for s in split_sentences("Rebels took Hama.\u200fOn Friday Homs fell.")]
    ['Rebels took Hama.', 'On Friday Homs fell.']
    """
    if spans is None:
        spans = [(0, len(text))]
    blank = blank_controls(text)
    out: list[Sentence] = []
    for paragraph, (a, b) in enumerate(spans):
        for s, e in _split_span(blank, a, b):
            out.append(Sentence(len(out), s, e, text[s:e], paragraph))
    return out
