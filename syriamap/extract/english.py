"""English tables shared by the extraction stages, kept in one place.

Month and weekday names, number words, the words that open a subordinate clause and the
pattern of a clause break were repeated in ``dates.py``, ``mentions.py``, ``distances.py``,
``relations.py`` and ``stance.py``; the stages import them from here. Only words and the
regular expressions built from them live here, no rule that uses them.
"""

from __future__ import annotations

import re

__all__ = [
    "CLAUSE_BREAK",
    "MONTHS",
    "MONTH_ABBREVIATION_RE",
    "NUMBER_WORDS",
    "QUOTE_MARKS",
    "RELATIVE_PRONOUNS",
    "SUBORDINATORS",
    "TEMPORAL_SUBORDINATORS",
    "WEEKDAYS",
    "WORD",
    "number",
    "words",
]

MONTHS: dict[str, int] = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb", "febr"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
"""Month names and their abbreviations (lower case) → month number."""

MONTH_ABBREVIATION_RE = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
"""A month name or abbreviation, optionally with a full stop ("Dec.", "December")."""

WEEKDAYS: dict[str, int] = {
    d: i
    for i, d in enumerate(
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    )
}
"""Weekday names → ``datetime.date.weekday()`` numbers."""

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "hundred": 100, "a hundred": 100, "one hundred": 100,
}  # fmt: skip
"""Number words as the press writes counts of days and kilometres."""

TEMPORAL_SUBORDINATORS = ("after", "before", "since", "until", "when", "while", "once", "as")
"""Words that open a clause placed in time relative to the main clause."""

SUBORDINATORS = (
    "after", "before", "since", "until", "when", "while", "whereas", "because", "although",
    "though", "where", "following", "amid", "despite", "but",
)  # fmt: skip
"""Words that open a new clause (a coordinating "but" included)."""

RELATIVE_PRONOUNS = ("which", "who", "whom", "whose", "where", "that")

CLAUSE_BREAK = re.compile(
    r"[.;:!?()\u201c\u201d\"\u2014]|\b(?:but|while|which|who|whereas|after|before|when|since|"
    r"because|although|though|where|following|amid|despite|until)\b",
    re.I,
)
"""Punctuation or a word that starts a new clause: no cue reaches a place across it."""

WORD = re.compile(r"[\w'\u2019-]+")


def words(text: str) -> int:
    """Return the number of words in ``text``.

    Examples
    --------
    >>> words("the town of al-Bab")
    4
    """
    return len(WORD.findall(text))


def number(word: str) -> int | None:
    """Return the value of a digit string or number word ("two" → 2), else ``None``."""
    word = word.lower().strip()
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


#: A quotation mark, straight or curly (what opens or closes a quotation).
QUOTE_MARKS = re.compile(r"[\u201c\u201d\"]")
