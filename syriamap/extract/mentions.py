"""Toponym mentions: every gazetteer spelling found in the text, with its candidates.

Stage: mentions. The text is cut into word tokens, each folded with the gazetteer's own
folding (:func:`syriamap._normalize.fold`), and one Aho-Corasick automaton over all folded
aliases (:meth:`Gazetteer.surface_forms`) scans the folded token stream. Tokens separated by
anything other than spaces or hyphens are kept apart, so a name never spans punctuation.
Rules for keeping a match:

- longest match wins where matches overlap;
- capitalisation: the name must start with a capital letter (or be in Arabic script, or
  start with a lower-case article followed by a capital: "as-Suwayda");
- a name glued to other capitalised words is part of a longer proper noun ("Hassan Abdel
  Ghani", "Sham FM", "President Bashar al-Assad") and is skipped, unless the neighbour is a
  kind word ("Deraa City", "Daraa Province"), a gerund opening the sentence ("Losing
  Aleppo was a blow") or the line is a title-case headline;
- names inside an actor mention ("Hayat Tahrir al-Sham") are skipped;
- aliases shorter than four letters only count for cities and governorates;
- possessives are stripped ("Homs'", "Aleppo's").

Places outside Syria (``x:`` ids, ``Place.outside_syria``) are recognised as mentions and
flagged ``outside``; they never produce claims.

A capitalised name in a place position that no alias matches is looked up by the
gazetteer's phonetic key, then by the loose spelling key of :mod:`.spelling` ("Khesham"
for Khushām; flagged ``loose``, kept only in the governorates the document names).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from .._geo import great_circle_km
from .._normalize import GENERIC_WORDS, fold
from . import spelling
from .english import MONTH_ABBREVIATION_RE, MONTHS, WEEKDAYS
from .prefilter import folded_for_words, word_trie
from .spelling import context_governorates, loose_index

__all__ = ["PlaceMention", "find_place_mentions", "scanner_for"]

_TOKEN = re.compile(r"[^\W_]+(?:['\u2019`\u02bf\u02be][^\W_]+)*(?:['\u2019]s\b|['\u2019](?!\w))?")
_ORDINAL = re.compile(r"\d{1,3}(?:st|nd|rd|th)", re.I)
_JOINER = re.compile(r"[\s\-\u2010\u2011]*")
_POSSESSIVE = re.compile(r"['\u2019]s?$")
_ARTICLES = frozenset("al el as ash ad ar az an at ath ad ed er ez en es".split())
# articles that are also English words ("Homs as Assad's forces withdraw", "Hama at dawn"):
# they join a neighbouring capitalised word only with a hyphen ("as-Suwayda")
_ENGLISH_ARTICLES = frozenset("as an at ad ed er en es".split())
_FUNCTION_WORDS = frozenset(
    """the a an in on at as and but from to of for by with near outside inside since after
    before until while when following meanwhile despite around across towards toward into
    through between like including only also both further western eastern northern southern
    central rural greater north south east west northeast northwest southeast southwest
    in-between amid amidst within beyond over under via per if although though whereas
    where which that this these those it its their his her our rebel rebels syrian
    yesterday today earlier later meanwhile however additionally nevertheless
    now then currently recently overnight still already thus finally eventually soon instead
    once here there nonetheless moreover furthermore again elsewhere separately initially
    previously subsequently afterwards similarly likewise indeed notably besides""".split()
)
_KIND_WORDS = frozenset(GENERIC_WORDS) | {
    "governorate",
    "airport",
    "crossing",
    "base",
    "countryside",
    "suburbs",
    "province",
    "city",
}
# a weekday or month right after (or before) a name is a date, not part of a longer proper
# noun ("rebels entered Damascus Sunday", "took Aleppo December 1", "On Sunday Manbij was")
_TIME_WORDS = frozenset(WEEKDAYS) | frozenset(m for m in MONTHS if len(m) > 3)
_MONTH_NAMES = frozenset(MONTHS)
_LOWER_WORD = re.compile(r"\b[a-z]+\b")
# "captured the following areas: X, Y and Z": a plural place noun and the colon that opens
# its list (a place position for _CHUNK, a kind phrase for _KIND_OF)
_LIST_COLON = (
    r"(?:areas|towns|villages|localities|locations|places|sites|points|hamlets|settlements)\s*:"
)
# "the town of", "the villages of", "areas of", "the airbase in": the text calls the next
# name a place
_KIND_OF = re.compile(
    r"\b(?:(?:towns?|villages?|city|cities|suburbs?|hamlets?|districts?|neighbou?rhoods?|"
    r"areas?|localities|locality|settlements?)\s+of|"
    r"(?:air\s*base|airbase|airport|airfield|base|prison|crossing|dam)s?\s+(?:of|in|at|near)|"
    + _LIST_COLON
    + r")\s+$",
    re.I,
)
# "X, a key town", "X, the small village": an apposition calling the name a place
_KIND_APPOSITION = re.compile(
    r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:town|village|city|suburb|hamlet|settlement)\b",
    re.I,
)
# "the Ministry of", "the Secretary of", "University of": a title-case word before "of"
_TITLE_OF = re.compile(r"\b(?!(?:Town|Village|City)\b)[A-Z][a-z]+\s+of\s+$")
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
_CURLY = str.maketrans({"\u2018": "'", "\u2019": "'"})
_NO_APOSTROPHE = str.maketrans({"'": None, "\u2019": None, "`": None})
# what _TOKEN and _POSSESSIVE cut off the end of a word: "Aleppo's", "Homs'"
_PLAIN_POSSESSIVE = re.compile(r"(?<=[a-z0-9])['\u2019](?:s\b|(?!\w))")


@lru_cache(maxsize=1)
def _not_places() -> frozenset[str]:
    from .lexicon import read_lexicon

    return frozenset(fold(row["name"]) for row in read_lexicon("not_places.csv"))


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place name found in the text.

    Attributes
    ----------
    start, end, text
        Offsets into the document text and the surface form.
    candidates
        Place ids the spelling can mean (best guess of :mod:`.context` first once
        resolved).
    place_id
        The resolved place ("" until :func:`syriamap.extract.context.resolve_mentions`).
    outside
        True when every candidate is outside Syria.
    kind_cue
        The kind the surrounding words suggest ("governorate" for "Daraa province").
    score
        Confidence of the resolution, 0..1.
    coref
        True for a descriptor standing for a place ("the capital", "the city").
    loose
        True for a name found only by its loose spelling key (:mod:`.spelling`): its
        candidates are kept only in the governorates the document names otherwise.
    """

    start: int
    end: int
    text: str
    candidates: tuple[str, ...]
    place_id: str = ""
    outside: bool = False
    kind_cue: str = ""
    score: float = 0.0
    coref: bool = False
    loose: bool = False

    def resolved(self, place_id: str, score: float) -> PlaceMention:
        """Return a copy resolved to ``place_id``."""
        return replace(self, place_id=place_id, score=score)


class _Scanner:
    def __init__(self, gazetteer: Any) -> None:
        import ahocorasick

        self.gazetteer = gazetteer
        groups: dict[str, list[str]] = {}
        for alias, place_id in gazetteer.surface_forms():
            groups.setdefault(alias, []).append(place_id)
        auto = ahocorasick.Automaton()
        big = {"city", "governorate"}
        for alias, ids in groups.items():
            letters = alias.replace(" ", "")
            if len(letters) < 4 and not _ARABIC.search(alias):
                ids = [i for i in ids if gazetteer.get(i).kind in big]
                if not ids:
                    continue
            if alias in _FUNCTION_WORDS or alias in GENERIC_WORDS or alias in _not_places():
                continue
            auto.add_word(f" {alias} ", (alias, tuple(sorted(set(ids)))))
        auto.make_automaton()
        self.automaton = auto
        self._variant_ids: dict[str, tuple[str, ...]] = {}
        self._loose_found: dict[str, tuple[tuple[str, float], ...]] = {}
        self._lower_text: str | None = None
        self._lower_set: frozenset[str] = frozenset()
        self._folds: dict[str, str] = {}  # word -> its folded form (words recur)
        # per alias: whether it may be lower-case, whether all its places are abroad
        self._majors: dict[tuple[tuple[str, ...], str], bool] = {}
        self._outsides: dict[tuple[str, ...], bool] = {}

    def _major(self, ids: tuple[str, ...], alias: str) -> bool:
        # a big city or governorate may appear in lower case ("towards damascus"), under
        # its own name only ("humus" is an alias of Homs, and a dish)
        key = (ids, alias)
        known = self._majors.get(key)
        if known is None:
            known = self._majors[key] = self._is_major(ids, alias)
        return known

    def _outside(self, ids: tuple[str, ...]) -> bool:
        known = self._outsides.get(ids)
        if known is None:
            known = self._outsides[ids] = all(self.gazetteer.get(p).outside_syria for p in ids)
        return known

    def _is_major(self, ids: tuple[str, ...], alias: str) -> bool:
        for place_id in ids:
            place = self.gazetteer.get(place_id)
            if fold(place.name) != alias:
                continue
            if place.kind == "governorate" or (
                place.kind == "city" and (place.population or 0) >= 100_000
            ):
                return True
        return False

    def _no_alias(self, text: str, start: int, end: int) -> bool:
        """Whether a plain-ASCII span certainly holds no alias (a fast necessary test).

        In a span of ASCII characters and curly quotes, a word's fold is its lower case
        without its apostrophes (and without a possessive ending), so the span lower-cased
        that way, with every other run of non-alphanumerics made one space, holds every
        alias the token stream of :meth:`scan` can hold.
        """
        span = text[start:end]
        if not span.isascii() and not span.translate(_CURLY).isascii():
            return False
        low = span.lower()
        if "'" in low or "\u2019" in low or "`" in low:
            low = _PLAIN_POSSESSIVE.sub(" ", low).translate(_NO_APOSTROPHE)
        plain = f" {_NOT_ALNUM.sub(' ', low)} "
        return next(self.automaton.iter(plain), None) is None

    def scan(self, text: str, start: int, end: int) -> list[PlaceMention]:
        if self._no_alias(text, start, end):
            # no gazetteer spelling: only the spellings the phonetic key may find
            headline = _is_headline(text, start, end)
            variants = [
                m
                for m in self._variants(text, start, end, [], headline)
                if not _date_or_road(text, m.start, m.end)
            ]
            variants.sort(key=lambda m: m.start)
            return variants
        # one pass: tokens, and the folded token stream with the offsets of each token
        tokens: list[tuple[int, int, str]] = []
        parts: list[str] = [" "]
        fstarts: list[int] = []
        fends: list[int] = []
        pos = 1
        last = -1
        joiner = _JOINER.fullmatch
        folds = self._folds
        for m in _TOKEN.finditer(text, start, end):
            a, b = m.span()
            word = m.group(0)
            if "'" in word or "\u2019" in word:
                poss = _POSSESSIVE.search(word)
                if poss:
                    b -= len(poss.group(0))
                    word = text[a:b]
                if b <= a:
                    continue
            if last >= 0:
                gap = text[last:a]
                if gap == " " or (len(gap) <= 3 and joiner(gap)):
                    parts.append(" ")
                    pos += 1
                else:
                    parts.append(" \x01 ")
                    pos += 3
            f = folds.get(word)
            if f is None:
                f = fold(word) or "\x02"
                if len(folds) < 200_000:
                    folds[word] = f
            fstarts.append(pos)
            parts.append(f)
            pos += len(f)
            fends.append(pos)
            tokens.append((a, b, word))
            last = b
        if not tokens:
            return []
        parts.append(" ")
        folded = "".join(parts)
        found: list[tuple[int, int, str, tuple[str, ...]]] = []
        for end_idx, (alias, ids) in self.automaton.iter(folded):
            fs = end_idx - len(alias)  # first char of the alias (after the leading space)
            fe = end_idx  # one past the alias (the trailing space)
            i = bisect.bisect_left(fstarts, fs)
            j = bisect.bisect_left(fends, fe)
            if i >= len(fstarts) or fstarts[i] != fs or j >= len(fends) or fends[j] != fe:
                continue
            found.append((i, j, alias, ids))
        found.sort(key=lambda t: (-(tokens[t[1]][1] - tokens[t[0]][0]), t[0]))
        taken: list[tuple[int, int]] = []
        out: list[PlaceMention] = []
        headline = _is_headline(text, start, end)
        for i, j, _alias, ids in found:
            if any(i <= y and x <= j for x, y in taken):
                continue
            lower_ok = self._major(ids, _alias) and not _HYPHEN_WORD.match(
                text[tokens[j][1] : tokens[j][1] + 2]
            )
            if not _keep(tokens, i, j, text, headline, lower_ok):
                continue
            if (
                headline
                and i == j
                and j + 1 < len(tokens)
                and _HEAD_WORD.fullmatch(tokens[i][2])
                and tokens[j + 1][2][:1].isupper()
            ):
                continue  # "Army clears Tal Rifat of ...": Tal opens a longer name
            a, b = tokens[i][0], tokens[j][1]
            if _date_or_road(text, a, b):
                continue
            taken.append((i, j))
            outside = self._outside(ids)
            out.append(PlaceMention(a, b, text[a:b], ids, outside=outside))
        out.extend(
            m
            for m in self._variants(text, start, end, out, headline)
            if not _date_or_road(text, m.start, m.end)
        )
        out.sort(key=lambda m: m.start)
        return out

    def _variants(
        self, text: str, start: int, end: int, found: list[PlaceMention], headline: bool
    ) -> list[PlaceMention]:
        """Spellings missing from the alias list, found by the gazetteer's phonetic key.

        Only capitalised names right after a locative word ("in", "of", "seized", ...)
        qualify, and only exact or phonetic-key matches count (no fuzzy matching).
        """
        out: list[PlaceMention] = []
        chunks: Iterable[re.Match[str]]
        if headline:
            # a title-case line: only names opening with a toponym's head word ("Tal Rifat")
            chunks = sorted(
                [
                    *_HEAD_NAME_LONG.finditer(text, start, end),
                    *_HEAD_NAME.finditer(text, start, end),
                ],
                key=lambda c: c.start("name"),
            )
        else:
            # then the items of a list whose next item is a place found so far (read lazily:
            # the items found so far decide the next)
            chunks = _and_list_items(_chunks(text, start, end), text, start, end, found, out)
        for m in chunks:
            if any(x.start < m.end("name") and m.start("name") < x.end for x in out):
                continue
            a, b = m.start("name"), m.end("name")
            if any(x.start < b and a < x.end for x in found):
                continue
            name = m.group("name")
            if fold(name) in _not_places() or re.match(r"[A-Z]+$", name):
                continue
            kind_word = m.groupdict().get("kind")
            nxt = text[b : b + 2]
            if (
                len(nxt) == 2
                and nxt[0] == " "
                and nxt[1].isupper()
                and not (kind_word or headline)
                and not (m.re is _HEAD_NAME and _next_word(text, b + 1) in _TIME_WORDS)
            ):
                continue  # "Tel Rifaat Sunday": the weekday is no part of the name
            key = f"{name} {kind_word}" if kind_word else name
            ids = self._variant_ids.get(key)
            if ids is None:
                matches = [
                    x
                    for x in self.gazetteer.resolve(name, limit=5)
                    if x.why in ("exact", "skeleton", "fused article") and x.score >= 0.75
                ]
                if kind_word:
                    # "the Tichrine dam": the site the name and its kind word name (the
                    # name alone may be spelled too far from the site's for a key match)
                    matches += [
                        x
                        for x in self.gazetteer.resolve(key, limit=3)
                        if x.place.source == "site" and x.score >= 0.6
                    ]
                ids = tuple(sorted({x.place.place_id for x in matches}))
                if len(self._variant_ids) < 100_000:
                    self._variant_ids[key] = ids
            if m.re is _FACILITY_APPOSITION:
                ids = tuple(i for i in ids if self.gazetteer.get(i).source == "site")
                if not ids:
                    continue
            if not ids and m.re in (_HEAD_NAME, _HEAD_NAME_LONG):
                continue  # "Tel Rifaat": found by its key spelling only
            if not ids:
                loose = self._loose(m, name, [*found, *(x for x in out if not x.loose)])
                if loose:
                    out.append(PlaceMention(a, b, text[a:b], loose, loose=True))
                continue
            outside = self._outside(ids)
            out.append(PlaceMention(a, b, text[a:b], ids, outside=outside))
        return out

    def _loose(self, chunk: re.Match[str], name: str, known: list[PlaceMention]) -> tuple[str, ...]:
        """Places a name in a place position may spell loosely ("Khesham").

        Not after a weak word ("according to X", "on X", "like X") or inside a title-case
        name ("the Ministry of X"); in a list ("X, Y and Z") only beside a place found
        otherwise; never a month, weekday, a word of the ``word`` rows or with an English
        ending of the ``suffix`` rows of ``spelling.csv``, a word also written in lower case,
        a person in apposition or a name of fewer than :data:`spelling.MIN_LETTERS` letters.
        A name the text calls a place ("the town of X", "X, a small village", a list beside
        a place) needs :data:`spelling.MIN_LIKENESS`, any other
        :data:`spelling.MIN_LIKENESS_BARE`. Best match first; see :mod:`.spelling`.
        """
        text = chunk.string
        a = chunk.start("name")
        lead = text[chunk.start() : a].strip().lower()
        last = lead.split()[-1] if lead.split() else lead
        if last in ("to", "on", "like", "via"):
            return ()
        if last == "of" and _TITLE_OF.search(text, max(0, a - 40), a):
            return ()  # "the Ministry of X", "the Secretary of X": a name's part
        listed = last in (",", "and") or lead.endswith(",")
        beside = _beside_place(chunk, known)
        if listed and not beside:
            return ()
        low = name.lower()
        if len(low.replace(" ", "").replace("-", "")) < spelling.MIN_LETTERS:
            return ()
        if any(w in _TIME_WORDS or w in _MONTH_NAMES for w in low.split()):
            return ()
        if spelling.english_ending(name):
            return ()
        if all(w in self._lower_words(text) for w in low.split()):
            return ()  # the word is written in lower case too: an English word ("Rebel")
        b = chunk.end("name")
        if _person_apposition().match(text, b):
            return ()  # "Kardo, a local commander": a person or an outlet
        called = (
            beside
            or bool(_KIND_OF.search(text, max(0, a - 40), a))
            or bool(_KIND_APPOSITION.match(text, b))
        )
        bar = spelling.MIN_LIKENESS if called else spelling.MIN_LIKENESS_BARE
        return tuple(place_id for place_id, v in self.loose_matches(name) if v >= bar)

    def _lower_words(self, text: str) -> frozenset[str]:
        """Return the words written in lower case in ``text`` (once per text)."""
        if self._lower_text is not text:
            self._lower_text = text
            self._lower_set = frozenset(_LOWER_WORD.findall(text))
        return self._lower_set

    def loose_matches(self, name: str) -> tuple[tuple[str, float], ...]:
        """Return ``(place_id, likeness)`` of the places ``name`` may spell loosely."""
        found = self._loose_found.get(name)
        if found is None:
            index = loose_index(self.gazetteer)
            merged: dict[str, float] = {}
            for place_id, likeness in [*index.match(name), *index.typo(name)]:
                merged[place_id] = max(likeness, merged.get(place_id, 0.0))
            found = tuple(sorted(merged.items(), key=lambda t: (-t[1], t[0])))
            if len(self._loose_found) < 100_000:
                self._loose_found[name] = found
        return found


def _next_word(text: str, at: int) -> str:
    """Return the word starting at ``at``, lower-cased."""
    m = _LOWER_WORD.match(text.lower(), at, at + 20)
    return m.group(0) if m else ""


def _chunks(text: str, start: int, end: int) -> list[re.Match[str]]:
    """Return the chunks of a sentence where a capitalised name may be a place, in order."""
    low = folded_for_words(text[start:end])
    facility = any(word in low for word in _FACILITY_WORDS)
    span = text[start:end]
    area = any(word in span for word in _AREA_CHUNK_WORDS)
    apposition = "," in span and any(word in low for word in _APPOSITION_WORDS)
    head = _HEAD_NAME.search(text, start, end) is not None
    return sorted(
        [
            *_CHUNK.finditer(text, start, end),
            *(_AREA_CHUNK.finditer(text, start, end) if area else ()),
            *filter(None, [_LIST_HEAD.match(text, start, end)]),
            *_SUBJECT_HEAD.finditer(text, start, end),
            *(_HEAD_NAME_LONG.finditer(text, start, end) if head else ()),
            *(_HEAD_NAME.finditer(text, start, end) if head else ()),
            *(_FACILITY_CHUNK.finditer(text, start, end) if facility else ()),
            *(_FACILITY_APPOSITION.finditer(text, start, end) if apposition else ()),
        ],
        key=lambda c: c.start("name"),
    )


def _and_list_items(
    chunks: list[re.Match[str]],
    text: str,
    start: int,
    end: int,
    found: list[PlaceMention],
    out: list[PlaceMention],
) -> Iterator[re.Match[str]]:
    """Yield ``chunks``, then the list items beside the places found by then in ``out``."""
    yield from chunks
    known = [*found, *(x for x in out if not x.loose)]
    yield from _list_items(chunks, text, start, end, known)


def _list_items(
    chunks: list[re.Match[str]], text: str, start: int, end: int, known: list[PlaceMention]
) -> list[re.Match[str]]:
    """Return the items of a list that a place found so far follows.

    "along the Al-Jubayyn, Tell Malah, and Al-Jalama axes": the first item has no
    locative word before it, but the place named right after it makes it a list item.
    Not the first word of the sentence ("Separately, Aleppo ..."), and not a name that
    another chunk already offers (its own guards decide).
    """
    if not known:
        return []
    starts = {x.start for x in known}
    taken = {c.start("name") for c in chunks}
    items = []
    for m in _LIST_ITEM.finditer(text, start, end):
        a = m.start("name")
        if a in taken or not text[start:a].strip():
            continue
        after = _ITEM_GAP.match(text, m.end("name"))
        if after is not None and after.end() in starts:
            items.append(m)
    return items


@lru_cache(maxsize=1)
def _person_apposition() -> re.Pattern[str]:
    """Return the pattern of an apposition naming a person or outlet (", a commander").

    The head nouns are those of ``speakers.csv`` (roles, outlets, people); a kind word
    ("a town", "a village") between the article and the noun ends the match.
    """
    from .lexicon import read_lexicon

    heads = "|".join(
        f"(?:{row['pattern']})"
        for row in read_lexicon("speakers.csv")
        if row["kind"] in ("role", "outlet", "people")
    )
    kinds = "|".join(sorted(k for k in _KIND_WORDS if k.isascii()))
    return re.compile(rf",\s+(?:a|an)\s+(?:(?!(?:{kinds})\b)[\w-]+\s+){{0,2}}(?:{heads})\b", re.I)


def _beside_place(chunk: re.Match[str], known: list[PlaceMention]) -> bool:
    """Whether a list item has a place found otherwise right before or after it."""
    a, b = chunk.start(), chunk.end("name")
    text = chunk.string
    after = re.match(r"\s*(?:,\s*(?:and\s+)?|and\s+)", text[b : b + 12])
    for x in known:
        if a - 2 <= x.end <= a + 1:
            return True
        if after and x.start == b + after.end():
            return True
    return False


# the words after which a capitalised name is in a place position; before the blank that
# must follow, at most one of them matches at a position, so their order does not count and
# they are matched as a trie (prefilter.word_trie: a few comparisons, not one per word)
_LOCATIVES = tuple(
    "in of to from into toward towards near around outside on at via and including "
    "seized captured entered took retook recaptured overran liberated reached besieged "
    "encircled surrounding surrounded stormed held controlled left vacated abandoned "
    "secured reclaimed regained conquered seizing capturing entering recapturing liberating "
    "overrunning storming retaking leaving evacuated evacuating abandoning "
    "approaching approached reaching encircling besieging holding "
    # the examples of a list: "key towns such as X", "places like X", "These include X"
    "like include includes included".split()
)
_LOCATIVE = word_trie(list(_LOCATIVES)) + r"|such\s+as|" + _LIST_COLON
# "the town of al-Mashrafa": a lower-case article joined to the name belongs to it
_NAME = (
    r"(?P<name>(?:(?:al|el|as|ash|ad|ar|az|an|at|ed|es|ez)-)?"
    # an inner article joins with a space or a hyphen; one that is also an English word
    # ("Homs as Assad's forces withdraw") only with a hyphen ("Ras as-Sawda")
    r"[A-Z][\w'\u2019`]+(?:[\s-]+(?:(?:al|el|ash|ar|az|ez)[\s-]+|(?:as|ad|an|at|ed|es)-)?"
    r"[A-Z][\w'\u2019`]+){0,3})"
)
# a pattern whose every match opens with a capital (its name group, after zero-width
# anchors only) starts with this look-ahead: a no-op for what it matches, it rejects the
# other positions with one character test before the anchors and look-behinds are tried
# (about 1.5-2.5 times faster searches)
_CAPITAL_FIRST = r"(?=[A-Z])"
_CHUNK = re.compile(r"(?:\b(?:" + _LOCATIVE + r")\s+|,\s+)" + _NAME)
# "Al-Sukhna, Al-Furqlus and Palmyra ...": an Arabic name with its article opening a
# sentence and a list (a capitalised first word alone could be any word)
_LIST_HEAD = re.compile(
    r"\s*[\u201c\"]?(?P<name>(?:Al|As|Ash|Ad|Ar|Az|An|At|El|Ed|Es|Ez)-[A-Z][\w'\u2019`]+"
    r"(?:[\s-]+[A-Z][\w'\u2019`]+){0,2})(?=\s*,|\s+and\s)"
)
# "Deir el-Zour (, on the Euphrates,) was taken by ...": a sentence's subject (at its start
# or after "that"), only an Arabic name with an inner article ("el-", "al-") or one opening
# with a toponym's head word ("Tel", "Khan"), before a verb of state or change (a
# capitalised first word alone could be any word or person)
_SUBJECT_HEAD = re.compile(
    _CAPITAL_FIRST
    + r"(?:^|(?<=[.!?\n]\s)|(?<=\bthat\s)|(?<=^[\u201c\"]))(?P<name>(?:[A-Z][\w'\u2019`]+"
    r"(?:\s+[A-Z][\w'\u2019`]+)?[\s-]+(?:al|el|ash|ar|az|ez|as|ad|an|at|ed|es)-[A-Z][\w'\u2019`]+|"
    # or a name opening with a word toponyms open with (hill, village, inn, bridge, spring,
    # gate, house, castle ...: "Tel Rifaat was taken by", "Kafr Nabl fell")
    r"(?:Tel|Tell|Tal|Tall|Khan|Deir|Dayr|Jisr|Kafr|Kfar|Ain|Ayn|Ras|Bab|Beit|Bayt|Jabal|"
    r"Jebel|Qasr|Qalaat|Maarat|Maarrat|Maaret|Marat|Mazraat|Marj|Bir|Hayy)[\s-]+"
    r"[A-Z][\w'\u2019`]+(?:\s+[A-Z][\w'\u2019`]+)?))"
    r"(?=(?:\s*,[^,;:.()]{1,80},)?\s+(?:was|were|has|had|have|is|are|fell|falls|remains?|"
    r"remained|now)\b)",
    re.M,
)
# a name opening with a word toponyms open with, anywhere ("fled Tel Rifaat", "Tel Rifaat,
# which ..."): two words, then the same with a third (the longer, if it resolves, wins); such
# a name is never read loosely (only its exact or phonetic-key spelling counts)
_HEAD_WORDS = (
    r"(?:Tel|Tell|Tal|Tall|Khan|Deir|Dayr|Deyr|Jisr|Kafr|Kfar|Kafar|Ain|Ayn|Ras|Beit|Bayt|"
    r"Jabal|Jebel|Qasr|Qalaat|Maarat|Maarrat|Maaret|Marat|Mazraat|Marj|Khirbet|Khirbat)"
)
_HEAD_WORD = re.compile(_HEAD_WORDS)
_HEAD_NAME_LONG = re.compile(
    _CAPITAL_FIRST
    + r"(?<![\w'\u2019-])(?P<name>"
    + _HEAD_WORDS
    + r"[\s-]+(?:(?:al|el|as|ash|ad|ar|az|an|at|ed|es|ez)-)?"
    r"[A-Z][\w'\u2019`]+\s+[A-Z][\w'\u2019`]+)(?![\w'\u2019-])"
)
_HEAD_NAME = re.compile(
    _CAPITAL_FIRST
    + r"(?<![\w'\u2019-])(?P<name>"
    + _HEAD_WORDS
    + r"[\s-]+(?:(?:al|el|as|ash|ad|ar|az|an|at|ed|es|ez)-)?"
    r"[A-Z][\w'\u2019`]+)(?![\w'\u2019-])"
)
# a name before a list separator ("X, Y and Z"): see _with_list_items
_LIST_ITEM = re.compile(r"(?<![\w'\u2019-])" + _NAME + r"(?=\s*,\s|\s+and\s)")
_ITEM_GAP = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
# "liberated the Tel Rifaat area": a name between "the" and an area word
_AREA_CHUNK = re.compile(
    r"\bthe\s+" + _NAME + r"(?=\s+(?:area|countryside|region|outskirts|suburbs)\b)"
)

# a capitalised name before a facility's kind word: "the Kweyris military airfield"
_FACILITY_CHUNK = re.compile(
    _CAPITAL_FIRST + r"(?<![\w-])(?!The\b)(?P<name>[A-Z][\w'\u2019`]+"
    r"(?:[\s-]+(?:(?:al|el|as|ash|ad|ar|az|an|at|ed|es|ez)[\s-]+)?[A-Z][\w'\u2019`]+){0,2})"
    r"(?=\s+(?i:(?:military|international|border|central)\s+)*"
    r"(?P<kind>(?i:air\s*base|airbase|airport|airfield|dam|crossing|prison|checkpoint|"
    r"neighbou?rhood))\b)"
)

# "T4, the major military outpost east of X": a name an apposition calls a facility (only
# the sites it names count; a code such as "T4" alone is no place)
_FACILITY_APPOSITION = re.compile(
    r"(?<![\w-])(?P<name>[A-Z][\w'\u2019`-]*\d[\w'\u2019`-]*|[A-Z][\w'\u2019`]+"
    r"(?:[\s-]+[A-Z][\w'\u2019`]+){0,2})"
    r"(?=,\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?i:air\s*base|airbase|airport|airfield|"
    r"military\s+(?:outpost|base|site)|prison|border\s+crossing)s?\b)"
)

# every kind word of _FACILITY_CHUNK contains one of these (a necessary condition)
_FACILITY_WORDS = ("air", "dam", "crossing", "prison", "checkpoint", "neighbo")
# every match of _AREA_CHUNK has one of these (case-sensitive, as the pattern), every
# match of _FACILITY_APPOSITION a comma and one of the others (in the case-folded text):
# necessary conditions, so a sentence without them skips the search
_AREA_CHUNK_WORDS = ("area", "countryside", "region", "outskirts", "suburbs")
_APPOSITION_WORDS = ("air", "military", "prison", "border")

# "Nov. 27", "Dec 7", "Jan. 8": a month (or its abbreviation) before a day number
_MONTH = re.compile(MONTH_ABBREVIATION_RE, re.I)
_DAY_AFTER = re.compile(r"\.?\s*\d{1,2}(?:st|nd|rd|th)?\b(?!\s*(?:km|kilomet|miles?|%))", re.I)
# "the Aleppo-Damascus highway", "the Homs road": a place inside a road's name
_ROAD_AFTER = re.compile(
    r"(?:\s*[-\u2013/]\s*(?:al-|el-|as-|ad-|ar-)?[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)?)*"
    r"\s+(?:international\s+|main\s+|strategic\s+|coastal\s+|desert\s+)?"
    r"(?:highway|motorway|expressway|freeway|road|railway|railroad|pipeline)\b",
)
_ROAD_BEFORE = re.compile(r"[A-Z][\w'\u2019-]*\s*[-\u2013/]\s*$")


def _date_or_road(text: str, a: int, b: int) -> bool:
    """Whether the name at ``text[a:b]`` is a date ("Nov. 27") or part of a road name."""
    if _MONTH.fullmatch(text, a, b) and _DAY_AFTER.match(text, b):
        return True
    m = _ROAD_AFTER.match(text, b, min(len(text), b + 80))
    if m is None:
        return False
    # "the Aleppo-Damascus highway" (either end), "the Damascus road" / "the Homs highway"
    return bool(
        re.search(r"[-\u2013/]", m.group(0))
        or _ROAD_BEFORE.search(text, max(0, a - 40), a)
        or re.search(r"\bthe\s+(?:\w+\s+)?$", text[max(0, a - 20) : a], re.I)
    )


def _is_headline(text: str, start: int, end: int) -> bool:
    if text[start:end].rstrip().endswith("."):
        return False  # most sentences: no headline whatever the capitals say
    words = re.findall(r"[A-Za-z][\w'\u2019-]*", text[start:end])
    if len(words) < 3 or len(words) > 25:
        return False
    content = [w for w in words if w.lower() not in _FUNCTION_WORDS or w[0].isupper()]
    caps = sum(1 for w in content if w[0].isupper())
    return caps >= 0.7 * len(content) and not text[start:end].rstrip().endswith(".")


# what _keep tests between tokens: one blank (the same as re.fullmatch(r"[ \t]", gap)), and a
# possessive ending; compiled once, not looked up in the re module's cache for every name
_BLANK = (" ", "\t")
_ENDS_POSSESSIVE = re.compile(r"['\u2019]s?$")
_HYPHEN_WORD = re.compile(r"-\w")


def _capital(word: str) -> bool:
    return word[:1].isupper() or bool(_ARABIC.match(word))


def _keep(
    tokens: list[tuple[int, int, str]], i: int, j: int, text: str, headline: bool, major: bool
) -> bool:
    first = tokens[i][2]
    if not _capital(first):
        article = first.lower() in _ARTICLES and j > i and _capital(tokens[i + 1][2])
        # "the 46th Regiment base": a unit's ordinal opens the name of its base
        ordinal = j > i and _ORDINAL.fullmatch(first) is not None and _capital(tokens[i + 1][2])
        if not (article or ordinal or (major and len(first) >= 4)):
            return False
    if headline:
        return True
    if i > 0:
        pa, pb, prev = tokens[i - 1]
        gap = text[pb : tokens[i][0]]
        if (
            gap in _BLANK
            and _capital(prev)
            and prev.lower() not in _FUNCTION_WORDS
            # "On Sunday Manbij was ...": a weekday or month before a name is a date
            and prev.lower() not in _TIME_WORDS
            and not _ENDS_POSSESSIVE.search(text[pa : tokens[i][0]].strip())
            and not _opening_gerund(text, pa, prev)
        ):
            return False
        if (
            prev.lower() in _ARTICLES
            and (gap == "-" or (gap == " " and prev.lower() not in _ENGLISH_ARTICLES))
            and i > 1
        ):
            pp = tokens[i - 2]
            if (
                _capital(pp[2])
                and pp[2].lower() not in _FUNCTION_WORDS
                and text[pp[1] : pa] in _BLANK
            ):
                return False
    if j + 1 < len(tokens):
        na, nb, nxt = tokens[j + 1]
        gap = text[tokens[j][1] : na]
        if (
            gap in _BLANK
            and _capital(nxt)
            and nxt.lower() not in _KIND_WORDS
            and nxt.lower() not in _TIME_WORDS
        ):
            return False
        if nxt.lower() in _ARTICLES and j + 2 < len(tokens) and gap in _BLANK:
            nn = tokens[j + 2]
            joint = text[nb : nn[0]]
            if _capital(nn[2]) and (
                joint == "-" or (joint == " " and nxt.lower() not in _ENGLISH_ARTICLES)
            ):
                return False
    return True


def _opening_gerund(text: str, start: int, word: str) -> bool:
    """Whether ``word`` is a gerund opening a sentence ("Losing Aleppo was a blow")."""
    if len(word) < 6 or not word.endswith("ing") or not word[1:].islower():
        return False
    head = text[max(0, start - 3) : start]
    return start == 0 or bool(re.search(r"(?:^|[.!?\n\u201c\"]\s*|\n)$", head))


_SCANNERS: dict[int, _Scanner] = {}


def scanner_for(gazetteer: Any) -> _Scanner:
    """Return the (cached) scanner built over ``gazetteer``'s surface forms."""
    key = id(gazetteer)
    scanner = _SCANNERS.get(key)
    if scanner is None or scanner.gazetteer is not gazetteer:
        scanner = _Scanner(gazetteer)
        _SCANNERS[key] = scanner
    return scanner


def find_place_mentions(
    text: str,
    spans: Iterable[tuple[int, int]] | None = None,
    *,
    gazetteer: Any = None,
    exclude: Iterable[tuple[int, int]] = (),
) -> list[PlaceMention]:
    """Find place names in ``text`` (or only in the given spans).

    Parameters
    ----------
    text
        The document text.
    spans
        ``(start, end)`` spans to scan (the document body); the whole text by default.
    gazetteer
        A :class:`~syriamap.gazetteer.Gazetteer` (default: ``Gazetteer.default()``).
    exclude
        Spans whose names must be ignored (actor mentions such as "Hayat Tahrir al-Sham").

    Returns
    -------
    list of PlaceMention
        Unresolved (``place_id == ""``), in text order.

    Examples
    --------
    >>> [m.text for m in find_place_mentions("Rebels seized Hama and Homs' suburbs.")]
    ['Hama', 'Homs']
    """
    if gazetteer is None:
        from ..gazetteer import Gazetteer

        gazetteer = Gazetteer.default()
    scanner = scanner_for(gazetteer)
    blocked = sorted(exclude)
    starts = [x for x, _ in blocked]
    out: list[PlaceMention] = []
    for a, b in spans if spans is not None else [(0, len(text))]:
        for m in scanner.scan(text, a, b):
            if _overlaps(blocked, starts, m.start, m.end):
                continue
            out.append(m)
    if any(m.loose for m in out):
        out = _in_context(out, gazetteer)
    return out


def _in_context(mentions: list[PlaceMention], gazetteer: Any) -> list[PlaceMention]:
    """Keep the candidates of loose mentions in the governorates the document names.

    The governorates are those of the other mentions whose candidates all lie in one
    governorate ("Hatla", "Deir ez-Zor", "Aleppo"); a loose mention with no candidate
    there is dropped. Of near-tied candidates, those in the governorates named nearest
    (within :data:`_NEAR_CHARS` characters) win, then the one closest to a place named
    there, else in the document ("the villages of Hatla, Khesham": Khusham beside Hatla).
    """
    named: list[tuple[int, Any, bool]] = []  # (offset, place, unambiguous and no area)
    for m in mentions:
        if m.loose or m.outside or not m.candidates:
            continue
        found = [gazetteer.get(c) for c in m.candidates]
        if len({p.admin1_iso for p in found}) == 1:
            named.append((m.start, found[0], len(found) == 1 and found[0].kind not in _AREA_KINDS))
    governorates = context_governorates(p for _, p, _ in named)
    named.sort(key=lambda t: t[0])
    starts = [at for at, _, _ in named]
    # the unambiguous places of the whole document, once each (the fallback anchors)
    everywhere = list({p.place_id: p for _, p, anchor in named if anchor}.values())
    scanner = scanner_for(gazetteer)
    out: list[PlaceMention] = []
    for m in mentions:
        if m.loose:
            likeness = {
                c: v
                for c, v in scanner.loose_matches(m.text)
                if c in m.candidates and gazetteer.get(c).admin1_iso in governorates
            }
            if not likeness:
                continue
            top = max(likeness.values())
            ids = tuple(c for c, v in likeness.items() if v >= top - _LOOSE_TIE)
            if len(ids) > 1:
                lo = bisect.bisect_left(starts, m.start - _NEAR_CHARS)
                hi = bisect.bisect_right(starts, m.start + _NEAR_CHARS)
                ids = _tie_break(ids, named[lo:hi], everywhere, gazetteer)
            m = replace(m, candidates=ids[:4])
        out.append(m)
    return out


def _tie_break(
    ids: tuple[str, ...],
    near: list[tuple[int, Any, bool]],
    everywhere: list[Any],
    gazetteer: Any,
) -> tuple[str, ...]:
    """Choose among near-tied loose candidates by the places named near the mention.

    ``near`` are the places named within :data:`_NEAR_CHARS` characters of it,
    ``everywhere`` the document's unambiguous places, once each (so the cost does not
    grow with how often a long text repeats them).
    """
    local = context_governorates(p for _, p, _ in near)
    if local:
        ids = tuple(c for c in ids if gazetteer.get(c).admin1_iso in local) or ids
    if len(ids) == 1:
        return ids
    anchors = list({p.place_id: p for _, p, anchor in near if anchor}.values()) or everywhere
    if anchors:
        return (min(ids, key=lambda c: _nearest_km(gazetteer.get(c), anchors)),)
    return ids


def _nearest_km(place: Any, anchors: list[Any]) -> float:
    """Distance from ``place`` to the nearest of ``anchors`` (other places), in km."""
    others = [a for a in anchors if a.place_id != place.place_id]
    if place.lat is None or place.lon is None or not others:
        return float("inf")
    return min(great_circle_km(place.lat, place.lon, a.lat, a.lon) for a in others)


# likeness points (0..100) within which loose matches count as a tie
_LOOSE_TIE = 5.0
# characters either side of a loose mention within which named places are its neighbours
_NEAR_CHARS = 200
_AREA_KINDS = frozenset({"governorate", "district", "subdistrict", "region"})


def _overlaps(spans: list[tuple[int, int]], starts: list[int], a: int, b: int) -> bool:
    """Whether ``[a, b)`` overlaps one of the sorted, non-overlapping ``spans``."""
    k = bisect.bisect_left(starts, b)  # spans starting before b
    return k > 0 and spans[k - 1][1] > a
