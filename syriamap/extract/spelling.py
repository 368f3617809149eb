"""Loose spellings: place names written as reporters transliterate them.

Stage: mentions. A journalist writes "Khesham" for Khushām, "Horjelah" for Ḩirjillah,
"Aqirba" for 'Aqraba: spellings that differ from every gazetteer alias in their short
vowels, so neither the exact fold nor the phonetic skeleton
(:func:`syriamap._normalize.skeleton`) links them. This module gives such names a *loose
key*: the skeleton rewritten by the rules of ``data/lexicon/spelling.csv`` (by default,
the skeleton's consonants only), and looks them up among the gazetteer's spellings of the
same loose key whose skeleton is still close (:data:`MIN_LIKENESS`).

The loose key is far looser than the gazetteer's own keys, so :mod:`.mentions` uses it
only for a capitalised name in a place position (after "in", "of", "the town of", a
capture verb, in a list of places) that nothing else matched, never for the words of
the ``word`` rows of ``spelling.csv`` (given names, outlets, peoples, titles), and keeps
a loose match only in a governorate the document names otherwise
(:func:`context_governorates`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from .._normalize import fold, is_arabic, skeleton

__all__ = [
    "MIN_KEY",
    "MIN_LETTERS",
    "MIN_LIKENESS",
    "MIN_LIKENESS_BARE",
    "LooseIndex",
    "demonym_of",
    "english_ending",
    "is_blocked_word",
    "loose_index",
    "loose_key",
]

#: Fewest letters a loose key must keep (three consonants: a root).
MIN_KEY = 3
#: Least likeness (0..100, :func:`_likeness`) of the name's skeleton to the alias's, for a
#: name the text calls a place ("the town of X", "X, a village", a list beside a place).
MIN_LIKENESS = 80.0
#: Least likeness for a name in any other place position ("in X", "seized X").
MIN_LIKENESS_BARE = 88.0
#: Fewest letters of a loosely spelled name (short English words collide too often).
MIN_LETTERS = 5
#: A big town named with one letter off ("Saraqi" for Saraqib): least likeness, and the
#: least population of such a town.
TYPO_LIKENESS = 90.0
TYPO_POPULATION = 20_000
TYPO_MIN_LETTERS = 6
# the places a loose spelling may name (not sites, regions or administrative areas)
_KINDS = frozenset({"city", "town", "village"})


_VOWELS = re.compile(r"[aiu]+")


def _likeness(a: str, b: str, ratio: Any) -> float:
    """How alike two skeletons of one loose key are, 0..100.

    The mean of the likeness of the skeletons and of their syllable shapes (each run of
    vowels one ``V``): "Khasham" is more like Khusham (``hVsVm`` both) than Husamiyah,
    whose skeleton merely holds more of the same letters.
    """
    return (ratio(a, b) + ratio(_VOWELS.sub("V", a), _VOWELS.sub("V", b))) / 2.0


@lru_cache(maxsize=1)
def _rules() -> tuple[tuple[re.Pattern[str], str], ...]:
    from .lexicon import read_lexicon

    return tuple(
        (re.compile(row["pattern"]), row["replacement"])
        for row in read_lexicon("spelling.csv")
        if row["kind"] == "rule"
    )


@lru_cache(maxsize=1)
def _blocked() -> frozenset[str]:
    from .lexicon import read_lexicon

    return frozenset(
        fold(row["pattern"]) for row in read_lexicon("spelling.csv") if row["kind"] == "word"
    )


@lru_cache(maxsize=1)
def _endings() -> re.Pattern[str]:
    from .lexicon import read_lexicon

    rows = [row["pattern"] for row in read_lexicon("spelling.csv") if row["kind"] == "suffix"]
    return re.compile(r"(?:" + "|".join(rows) + r")$" if rows else r"(?!)", re.I)


def english_ending(name: str) -> bool:
    """Whether a word of ``name`` has an English ending of the ``suffix`` rows ("-tion").

    Examples
    --------
    >>> english_ending("Coalition"), english_ending("Khesham")
    (True, False)
    """
    pattern = _endings()
    return any(pattern.search(word) for word in name.split())


@lru_cache(maxsize=1)
def _demonyms() -> tuple[re.Pattern[str], ...]:
    from .lexicon import read_lexicon

    return tuple(
        re.compile(f"(?:{row['pattern']})$", re.I)
        for row in read_lexicon("spelling.csv")
        if row["kind"] == "demonym"
    )


#: Kinds of place whose name makes a demonym ("Idlibi", "Halabi").
_DEMONYM_KINDS = frozenset({"city", "town", "governorate", "district", "region"})


def demonym_of(name: str, gazetteer: Any) -> str:
    """Return the place ``name`` is a demonym of ("Idlibi" → Idlib's id), else "".

    A word of ``name`` minus an ending of the ``demonym`` rows of ``spelling.csv`` is
    the name (alias or phonetic key) of a town, city or governorate.
    """
    for word in name.split():
        for pattern in _demonyms():
            stem = pattern.sub("", word)
            if stem == word or len(stem) < 3:
                continue
            for m in gazetteer.resolve(stem, limit=3):
                if m.why in ("exact", "skeleton") and m.place.kind in _DEMONYM_KINDS:
                    return m.place.place_id
    return ""


def is_blocked_word(name: str) -> bool:
    """Whether ``name`` holds a word never read as a loosely spelled place ("Ahmed").

    Examples
    --------
    >>> is_blocked_word("Reuters"), is_blocked_word("Khesham")
    (True, False)
    """
    blocked = _blocked()
    return any(word in blocked for word in fold(name).split())


@lru_cache(maxsize=65536)
def loose_key(name: str) -> str:
    """Return the loose key of a Latin-script name (its skeleton's consonants).

    Examples
    --------
    >>> loose_key("Khesham") == loose_key("Khushām")
    True
    >>> loose_key("Horjelah") == loose_key("Hirjillah")
    True
    >>> loose_key("al-Maarba") == loose_key("Ma'raba")
    True
    """
    return _loosen(skeleton(name))


def _loosen(skel: str) -> str:
    """Apply the ``rule`` rows of ``spelling.csv`` to a skeleton key."""
    for pattern, repl in _rules():
        skel = pattern.sub(repl, skel)
    return skel


class LooseIndex:
    """The gazetteer's Latin spellings grouped by loose key.

    Parameters
    ----------
    gazetteer
        A :class:`~syriamap.gazetteer.Gazetteer`.
    """

    def __init__(self, gazetteer: Any) -> None:
        self.gazetteer = gazetteer
        groups: dict[str, dict[str, set[str]]] = {}
        for skel, place_id in gazetteer.skeleton_forms():
            if is_arabic(skel):
                continue
            key = _loosen(skel)
            if len(key) < MIN_KEY:
                continue
            groups.setdefault(key, {}).setdefault(place_id, set()).add(skel)
        self._groups = groups

    def match(self, name: str) -> list[tuple[str, float]]:
        """Return ``(place_id, likeness)`` of the places ``name`` may loosely spell.

        Best first; only places in Syria, of a spelling whose skeleton is at least
        :data:`MIN_LIKENESS` alike; a name of a blocked word matches nothing.
        """
        if is_arabic(name) or is_blocked_word(name) or demonym_of(name, self.gazetteer):
            return []
        key = loose_key(name)
        if len(key) < MIN_KEY:
            return []
        from rapidfuzz.fuzz import ratio

        skel = skeleton(name)
        out: list[tuple[str, float]] = []
        for place_id, skeletons in self._groups.get(key, {}).items():
            place = self.gazetteer.get(place_id)
            if place.outside_syria or place.kind not in _KINDS:
                continue
            likeness = round(max(_likeness(skel, s, ratio) for s in skeletons), 1)
            if likeness >= MIN_LIKENESS:
                out.append((place_id, likeness))
        out.sort(key=lambda t: (-t[1], t[0]))
        return out

    def typo(self, name: str) -> list[tuple[str, float]]:
        """Return a big town ``name`` spells with one letter off ("Saraqi" for Saraqib).

        Only towns and cities of at least :data:`TYPO_POPULATION` people, a fuzzy match of
        the gazetteer at least :data:`TYPO_LIKENESS` alike, and names of at least
        :data:`TYPO_MIN_LETTERS` letters.
        """
        if is_arabic(name) or is_blocked_word(name) or demonym_of(name, self.gazetteer):
            return []
        if len(fold(name).replace(" ", "")) < TYPO_MIN_LETTERS:
            return []
        out: list[tuple[str, float]] = []
        for m in self.gazetteer.resolve(name, limit=3):
            if not m.why.startswith("fuzzy"):
                continue
            likeness = float(m.why.split()[1])
            place = m.place
            if (
                likeness >= TYPO_LIKENESS
                and place.kind in ("city", "town")
                and (place.population or 0) >= TYPO_POPULATION
                and not place.outside_syria
            ):
                out.append((place.place_id, likeness))
        return out


_INDEXES: dict[int, LooseIndex] = {}


def loose_index(gazetteer: Any) -> LooseIndex:
    """Return the (cached) :class:`LooseIndex` of ``gazetteer``."""
    index = _INDEXES.get(id(gazetteer))
    if index is None or index.gazetteer is not gazetteer:
        index = _INDEXES[id(gazetteer)] = LooseIndex(gazetteer)
    return index


def context_governorates(places: Iterable[Any]) -> set[str]:
    """Return the governorates (ISO codes) of ``places``, Damascus with its countryside.

    A governorate named as such counts as its own; "Damascus" and "Rif Dimashq" stand
    for each other (the press calls the suburbs "Damascus").
    """
    out: set[str] = set()
    for place in places:
        iso = place.admin1_iso
        if iso:
            out.add(iso)
    if out & {"SY-DI", "SY-RD"}:
        out |= {"SY-DI", "SY-RD"}
    return out
