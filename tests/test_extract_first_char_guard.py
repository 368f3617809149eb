"""The first-character guard of the relation and stance cues changes no match.

``prefilter.first_char_guard`` puts a look-ahead for the characters every match begins
with before a cue's pattern, so that the engine rejects most positions at once. These
tests check that the guard is a necessary condition: the guarded and the bare pattern find
the same spans on the seed texts (as written, upper-cased and lower-cased).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from syriamap.extract.prefilter import first_char_guard
from syriamap.extract.rules import rules
from syriamap.extract.stance import _cues

ROOT = Path(__file__).resolve().parents[1]
_GUARD = re.compile(r"\(\?=\[[^\]]*\]\)")


def _texts() -> list[str]:
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    return seeds + [t.upper() for t in seeds] + [t.lower() for t in seeds]


def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    return [(r.rule, r.regex) for r in rules()] + [(c[0], c[3]) for c in _cues()]


def test_most_cues_are_guarded() -> None:
    assert len(_guarded()) > 0.8 * len(_patterns())


def _guarded() -> list[tuple[str, re.Pattern[str]]]:
    return [(name, regex) for name, regex in _patterns() if _GUARD.match(regex.pattern)]


@pytest.mark.parametrize(("name", "regex"), _guarded(), ids=lambda x: str(x)[:40])
def test_guard_changes_no_match(name: str, regex: re.Pattern[str]) -> None:
    guard = _GUARD.match(regex.pattern)
    assert guard is not None
    bare = re.compile(regex.pattern[guard.end() :], regex.flags)
    for text in _texts():
        assert [m.span() for m in regex.finditer(text)] == [m.span() for m in bare.finditer(text)]


@pytest.mark.parametrize(
    ("pattern", "guard"),
    [
        (r"(?<![\w-])(?:seized|took|entered)", "(?=[est])"),
        (r"\b(?:said|claimed)\b", "(?=[cs])"),
        (r"(?:also )?took", "(?=[at])"),  # an optional word: both may begin a match
        (r"(?<=,\x20)per ", "(?=[p])"),
        (r"[A-Z]\w+ fell", ""),  # a class: no guard
        (r"(?:\w+ )?held", ""),
        (r"(?:held)?", ""),  # may match nothing
        (r"x(?i:y)|(?i:a)b", ""),  # case folded inside only
        (r"\.|-|\]", r"(?=[\-.\]])"),  # class characters escaped
    ],
)
def test_first_char_guard(pattern: str, guard: str) -> None:
    assert first_char_guard(pattern) == guard
    guarded = re.compile(guard + pattern)
    for text in ("-", ".", "]", "also took", "seized", "said", ", per ", "x", "Ab"):
        assert [m.span() for m in guarded.finditer(text)] == [
            m.span() for m in re.finditer(pattern, text)
        ]
