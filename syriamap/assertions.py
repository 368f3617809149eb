"""Sources and assertions: the value objects every map is built from.

A :class:`Source` is one text (a news article, a statement) with its publisher and
publication date. An :class:`Assertion` is one territorial-control claim made in a source:
*according to claimant C, as reported in source S, actor A did R to place P on date D*,
with the verbatim quote and its character offsets, so that every coloured dot on a map can
be traced back to a sentence.

Both are frozen dataclasses, validated on construction. Closed vocabularies are
:class:`~enum.StrEnum` s whose values are the stable ids of ``docs/ARCHITECTURE.md``; a value
outside a vocabulary raises :class:`~syriamap.errors.VocabularyError` listing the valid ones.

String fields are never ``None`` (``None`` given for a text field becomes ``""``); the
optional fields are ``Source.published`` (a date or ``None``). This makes the CSV
representation lossless: an empty cell is ``""`` for text and ``None`` for a date.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import html
import math
import re
from collections.abc import Mapping
from enum import StrEnum
from typing import Any, TypeVar

from ._types import parse_date, parse_optional_date
from .errors import DataError, UnknownActorError, VocabularyError

__all__ = [
    "ASSERTION_FIELDS",
    "CLAIMANT_SIDES",
    "SOURCE_FIELDS",
    "Assertion",
    "DatePrecision",
    "PlacePrecision",
    "Relation",
    "Source",
    "Stance",
]


class Relation(StrEnum):
    """What the actor did to, or has with, the place."""

    CAPTURED = "captured"
    """The actor took the place (control transfers to it)."""
    CONTROLS = "controls"
    """The actor holds the place."""
    ENTERED = "entered"
    """The actor's forces got into the place; control does not transfer."""
    ENCIRCLED = "encircled"
    """The actor surrounds the place; control does not transfer."""
    ADVANCING = "advancing"
    """The actor moves towards the place; control does not transfer."""
    WITHDREW = "withdrew"
    """The actor pulled out of the place (its hold ends)."""
    CONTESTED = "contested"
    """The place is fought over."""
    LOST = "lost"
    """The actor no longer holds the place; the taker is not named."""


class Stance(StrEnum):
    """How the text presents the claim."""

    ASSERTED = "asserted"
    """The text states it as fact."""
    ATTRIBUTED = "attributed"
    """The text reports that someone claims it."""
    DENIED = "denied"
    """Someone denies it."""
    UNVERIFIED = "unverified"
    """The text says it could not verify it."""


class DatePrecision(StrEnum):
    """How precisely the event date is known (after ACLED time_precision, UCDP date_prec)."""

    DAY = "day"
    DAYS = "days"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"
    PUBLISHED = "published"
    """No time cue: the publication date is used; the event happened on or before it."""


class PlacePrecision(StrEnum):
    """How precisely the place is known (after UCDP where_prec, ACLED geo_precision)."""

    PLACE = "place"
    """The named place itself."""
    NEAR = "near"
    """Its surroundings, outskirts, "within N km of"."""
    REGION = "region"
    """Only a district or governorate is named."""


#: The note that marks a ``region`` claim about an unnamed part of its area ("took several
#: towns in Homs province", "wide areas of rural Aleppo", "withdrew from the Latakia
#: mountains"): the claim is recorded at the governorate or district, but it does not say
#: who holds all of it. The fusion reads it (a ``note`` containing this text): such a claim
#: weighs on the area's own row like any other, but it never vouches for the whole area's
#: population on the governorate shading, and a withdrawal from part of an area does not
#: end the side's holds on every place inside it (rule 8).
PARTIAL_AREA_NOTE = "part of the area only"


#: Sides a claimant may speak for: the actor sides, ``neutral`` (monitors, agencies, UN)
#: and ``""`` (the text itself asserts it).
CLAIMANT_SIDES: tuple[str, ...] = (
    "",
    "foreign",
    "government",
    "isis",
    "israel",
    "neutral",
    "opposition",
    "other",
    "sdf",
)

SOURCE_FIELDS: tuple[str, ...] = (
    "source_id",
    "publisher",
    "url",
    "title",
    "published",
    "content_hash",
    "file",
    "date_note",
)
"""Column order of ``seeds/sources.csv`` and of the ``sources`` table."""

ASSERTION_FIELDS: tuple[str, ...] = (
    "assertion_id",
    "source_id",
    "place_id",
    "place_name",
    "actor",
    "relation",
    "stance",
    "claimant",
    "claimant_side",
    "event_date",
    "date_precision",
    "place_precision",
    "quote",
    "start",
    "end",
    "method",
    "confidence",
    "note",
)
"""Column order of ``data/assertions.csv`` and of the ``assertions`` table."""

_E = TypeVar("_E", bound=StrEnum)
_HEX = re.compile(r"[0-9a-f]+")


def _vocab(cls: type[_E], value: object, what: str) -> _E:
    """Coerce ``value`` into the enum ``cls`` or raise a VocabularyError listing the ids."""
    if isinstance(value, cls):
        return value
    try:
        return cls(str(value).strip().lower())
    except ValueError:
        raise VocabularyError(what, value, [m.value for m in cls]) from None


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and math.isnan(value):  # a pandas missing value
        return ""
    return str(value)


def _set(obj: object, name: str, value: object) -> None:
    object.__setattr__(obj, name, value)


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Source:
    """One text that makes claims: a news article, a statement, a report.

    Parameters
    ----------
    source_id
        Stable id: the file stem for the seeds, else the first 16 hex digits of
        ``content_hash``. Derived from ``content_hash`` when empty.
    publisher
        Who published it ("CNN", "Al Jazeera", ...).
    url, title
        Where and under what headline, if known.
    published
        Publication date, or ``None`` when unknown.
    content_hash
        SHA-256 (hex) of the raw bytes of the text; the store de-duplicates on it.
    file
        The file the text was read from, if any.
    date_note
        How ``published`` was established.

    Raises
    ------
    DataError
        If neither ``source_id`` nor ``content_hash`` is given, or the hash is not hex.
    InvalidDateError
        If ``published`` is not a date.

    Examples
    --------
    >>> s = Source.from_text(b"Rebels took Hama.", publisher="Example", published="2024-12-05")
    >>> s.source_id == s.content_hash[:16]
    True
    >>> s.published
    datetime.date(2024, 12, 5)
    """

    source_id: str = ""
    publisher: str = ""
    url: str = ""
    title: str = ""
    published: dt.date | None = None
    content_hash: str = ""
    file: str = ""
    date_note: str = ""

    def __post_init__(self) -> None:
        for name in ("source_id", "publisher", "url", "title", "content_hash", "file", "date_note"):
            _set(
                self,
                name,
                _text(getattr(self, name)).strip()
                if name in ("source_id", "content_hash")
                else _text(getattr(self, name)),
            )
        _set(self, "published", parse_optional_date(self.published, what="published"))
        digest = self.content_hash.lower()
        if digest and (len(digest) != 64 or not _HEX.fullmatch(digest)):
            raise DataError("content_hash must be 64 hex digits (SHA-256)", value=digest)
        _set(self, "content_hash", digest)
        if not self.source_id:
            if not digest:
                raise DataError("a source needs a source_id or a content_hash")
            _set(self, "source_id", digest[:16])

    @classmethod
    def from_text(cls, raw: bytes | str, **fields: Any) -> Source:
        """Build a source from its raw text, computing ``content_hash`` (and the id).

        ``str`` input is encoded as UTF-8 before hashing.
        """
        data = raw.encode("utf-8") if isinstance(raw, str) else raw
        return cls(content_hash=hashlib.sha256(data).hexdigest(), **fields)

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> Source:
        """Build a source from a CSV/JSON row keyed by :data:`SOURCE_FIELDS`."""
        fields: dict[str, Any] = {k: row.get(k) for k in SOURCE_FIELDS}
        return cls(**fields)  # validated (and coerced) in __post_init__

    def to_row(self) -> dict[str, Any]:
        """Return the source as a dict keyed by :data:`SOURCE_FIELDS` (dates as ISO text)."""
        row = {k: getattr(self, k) for k in SOURCE_FIELDS}
        row["published"] = None if self.published is None else self.published.isoformat()
        return row

    def __repr__(self) -> str:
        when = self.published.isoformat() if self.published else "undated"
        return f"<Source {self.source_id} {self.publisher or '?'} {when}>"

    def _repr_html_(self) -> str:
        return _html_table(f"Source {self.source_id}", self.to_row())


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Assertion:
    """One territorial-control claim made in a source, with its verbatim quote.

    Parameters
    ----------
    source_id, place_id, actor
        Source, gazetteer place and actor ids (``docs/ARCHITECTURE.md``).
    relation, stance, date_precision, place_precision
        Vocabulary ids (str or the enum).
    event_date
        The resolved date of the event ("on Saturday" resolved against publication).
    quote, start, end
        Verbatim text and its ``[start, end)`` str offsets in the source text;
        ``len(quote) == end - start``.
    place_name
        The surface form in the text ("Kanaker", "Sassa district").
    claimant, claimant_side
        Who makes the claim ("rebel commander", "SOHR"; ``""`` when the text itself
        asserts it) and the side they speak for (see :data:`CLAIMANT_SIDES`).
    method
        ``"manual"`` or the extractor's rule id.
    confidence
        How sure the annotator or extractor is of this reading, 0..1.
    note
        Free text.
    assertion_id
        Derived with :meth:`make_id` when empty; a different explicit id is an error.

    Raises
    ------
    VocabularyError
        A relation, stance, precision or claimant side outside its vocabulary.
    UnknownActorError
        An actor that is not an id of ``data/actors.csv`` (a press name suggests its id).
    DataError
        An empty quote or id, offsets out of order, or a confidence outside 0..1.
    InvalidDateError
        An event date that is not a date.

    Examples
    --------
    >>> a = Assertion(source_id="s1", place_id="gn:170063", place_name="Hama",
    ...               actor="hts_coalition", relation="captured", stance="asserted",
    ...               event_date="2024-12-05", quote="seized control of Hama",
    ...               start=10, end=32)
    >>> a
    <Assertion a... hts_coalition captured Hama (gn:170063) 2024-12-05 asserted>
    >>> a.relation is Relation.CAPTURED
    True
    """

    source_id: str
    place_id: str
    actor: str
    relation: Relation
    stance: Stance
    event_date: dt.date
    quote: str
    start: int
    end: int
    place_name: str = ""
    claimant: str = ""
    claimant_side: str = ""
    date_precision: DatePrecision = DatePrecision.DAY
    place_precision: PlacePrecision = PlacePrecision.PLACE
    method: str = "manual"
    confidence: float = 1.0
    note: str = ""
    assertion_id: str = ""

    def __post_init__(self) -> None:
        for name in (
            "source_id",
            "place_id",
            "actor",
            "place_name",
            "claimant",
            "method",
            "note",
            "quote",
            "assertion_id",
        ):
            _set(self, name, _text(getattr(self, name)))
        for name in ("source_id", "place_id", "actor", "assertion_id", "method"):
            _set(self, name, getattr(self, name).strip())
        for name in ("source_id", "place_id", "actor"):
            if not getattr(self, name):
                raise DataError(f"{name} must not be empty")
        _check_actor(self.actor)
        if not self.method:
            _set(self, "method", "manual")
        _set(self, "relation", _vocab(Relation, self.relation, "relation"))
        _set(self, "stance", _vocab(Stance, self.stance, "stance"))
        _set(
            self,
            "date_precision",
            _vocab(DatePrecision, self.date_precision or "day", "date_precision"),
        )
        _set(
            self,
            "place_precision",
            _vocab(PlacePrecision, self.place_precision or "place", "place_precision"),
        )
        side = _text(self.claimant_side).strip().lower()
        if side not in CLAIMANT_SIDES:
            raise VocabularyError("claimant_side", self.claimant_side, CLAIMANT_SIDES)
        _set(self, "claimant_side", side)
        _set(self, "event_date", parse_date(self.event_date, what="event_date"))
        if not self.quote.strip():
            raise DataError("quote must not be empty", value=self.quote)
        start, end = _int(self.start, "start"), _int(self.end, "end")
        if not 0 <= start < end:
            raise DataError(
                f"offsets must satisfy 0 <= start < end, got {start}..{end}", value=(start, end)
            )
        if end - start != len(self.quote):
            raise DataError(
                f"quote is {len(self.quote)} characters but end - start = {end - start}",
                value=self.quote,
            )
        _set(self, "start", start)
        _set(self, "end", end)
        conf = _float(self.confidence, "confidence")
        if not 0.0 <= conf <= 1.0:
            raise DataError(f"confidence must be within 0..1, got {conf}", value=conf)
        _set(self, "confidence", conf)
        expected = self.make_id(
            self.source_id,
            self.start,
            self.end,
            self.place_id,
            self.actor,
            self.relation,
            self.stance,
        )
        if not self.assertion_id:
            _set(self, "assertion_id", expected)
        elif self.assertion_id != expected:
            raise DataError(
                f"assertion_id {self.assertion_id!r} does not match its key fields "
                f"(Assertion.make_id gives {expected!r})",
                value=self.assertion_id,
            )

    @staticmethod
    def make_id(
        source_id: str,
        start: int,
        end: int,
        place_id: str,
        actor: str,
        relation: str,
        stance: str,
    ) -> str:
        """Return the stable id: ``a`` + 12 hex digits of SHA-1 over the key fields.

        Examples
        --------
        >>> Assertion.make_id("s1", 10, 32, "gn:170063", "hts_coalition", "captured",
        ...                   "asserted")
        'a...'
        """
        key = f"{source_id}|{start}|{end}|{place_id}|{actor}|{relation}|{stance}"
        return "a" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> Assertion:
        """Build an assertion from a CSV/JSON row keyed by :data:`ASSERTION_FIELDS`.

        Empty ``confidence`` means 1.0; empty precisions mean ``day`` / ``place``.
        """
        values: dict[str, Any] = {k: row.get(k) for k in ASSERTION_FIELDS}
        if values["confidence"] in (None, ""):
            values["confidence"] = 1.0
        return cls(**values)

    def to_row(self) -> dict[str, Any]:
        """Return the assertion as a plain dict keyed by :data:`ASSERTION_FIELDS`."""
        row = {k: getattr(self, k) for k in ASSERTION_FIELDS}
        for k in ("relation", "stance", "date_precision", "place_precision"):
            row[k] = str(row[k])
        row["event_date"] = self.event_date.isoformat()
        return row

    def verify_quote(self, text: str) -> bool:
        """Whether ``text[start:end] == quote`` for the source's text."""
        return text[self.start : self.end] == self.quote

    def __repr__(self) -> str:
        place = f"{self.place_name} ({self.place_id})" if self.place_name else self.place_id
        return (
            f"<Assertion {self.assertion_id} {self.actor} {self.relation} {place} "
            f"{self.event_date.isoformat()} {self.stance}>"
        )

    def _repr_html_(self) -> str:
        return _html_table(f"Assertion {self.assertion_id}", self.to_row())


def _check_actor(actor: str) -> None:
    """Raise UnknownActorError unless ``actor`` is an id of the actor lexicon."""
    from .actors import actors, get_actor

    if actor in actors():
        return
    try:
        hint = [get_actor(actor).id]  # a press name was given instead of the id
    except UnknownActorError as exc:
        hint = list(exc.suggestions)
    raise UnknownActorError(actor, hint)


def _int(value: object, what: str) -> int:
    if isinstance(value, bool):
        raise DataError(f"{what} must be an integer", value=value)
    if isinstance(value, int):
        return value
    try:
        text = str(value).strip()
        return int(text)
    except (TypeError, ValueError):
        raise DataError(f"{what} must be an integer", value=value) from None


def _float(value: object, what: str) -> float:
    try:
        result = float(str(value).strip()) if isinstance(value, str) else float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise DataError(f"{what} must be a number", value=value) from None
    if math.isnan(result):
        raise DataError(f"{what} must be a number", value=value)
    return result


def _html_table(title: str, row: Mapping[str, Any]) -> str:
    cells = "".join(
        f"<tr><th style='text-align:left'>{html.escape(str(k))}</th>"
        f"<td style='text-align:left'>{html.escape('' if v is None else str(v))}</td></tr>"
        for k, v in row.items()
    )
    return f"<table><caption>{html.escape(title)}</caption>{cells}</table>"
