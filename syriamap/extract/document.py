"""Reading an article: bytes → decoded text, metadata and the spans worth mining.

Stage 1 of the extractor. A :class:`Document` holds the decoded text (the reference for
every quote offset), the metadata gathered from flags, a sidecar ``FILE.meta.json``, a
header block or the HTML page itself, and the *body*: the character spans that belong to
the article. The header block, HTML boilerplate (navigation, headers, footers, asides,
scripts, forms) and the trailing page furniture of pasted web pages ("Related Posts",
"Leave a Reply", ...) are never part of the body, so they never produce claims.

Rules
-----
- Encoding: UTF-8 (with or without BOM) is tried first; otherwise charset-normalizer picks
  the encoding. Undecodable bytes are replaced with U+FFFD and an :class:`ExtractWarning`
  says so.
- Header block: when the file starts with ``key: value`` lines (keys are single words)
  followed by a blank line, those lines are metadata; ``url``, ``publisher``,
  ``published`` and ``title`` are used, other keys are kept in :attr:`Document.meta`.
- Size: files above :data:`MAX_BYTES` (8 MiB) raise :class:`~syriamap.errors.DataError`
  before they are read, so memory stays bounded.
- Junk is refused at the door: bytes with no text (empty or blank, no letter at all) and
  binary data (NUL bytes, or more than :data:`MAX_JUNK_SHARE` of control characters and
  undecodable bytes) raise :class:`~syriamap.errors.DataError` naming the file; they are
  not sources.
- Metadata is validated by type (:func:`check_meta`): ``published`` an ISO date,
  ``url`` an http(s) URL, ``publisher``, ``title``, ``source_id`` and ``file`` one line of
  text. A bad value in a sidecar or a header block raises a DataError naming the file and
  the key; a bad value in an HTML page's own metadata is dropped with an
  :class:`ExtractWarning`.
- Page furniture: the cues in ``data/lexicon/boilerplate.csv`` (``end`` rows stop the body,
  ``line`` rows drop one line); lines too short to be prose (fewer than
  :data:`MIN_PROSE_WORDS` words without a final full stop) are skipped.
"""

from __future__ import annotations

import hashlib
import json
import re
import warnings
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .._types import PathLike, parse_date
from ..errors import DataError, InvalidDateError
from .sentences import INVISIBLE

__all__ = [
    "MAX_BYTES",
    "MAX_JUNK_SHARE",
    "MIN_PROSE_WORDS",
    "Document",
    "ExtractWarning",
    "check_meta",
    "decode_bytes",
    "html_to_text",
    "parse_header",
    "read_document",
    "refuse_junk",
    "document_from_bytes",
    "document_from_text",
]

MAX_BYTES = 8 * 1024 * 1024
"""Largest input file accepted, in bytes (8 MiB, far above any news article)."""

MAX_JUNK_SHARE = 0.1
"""Largest share of control characters and undecodable bytes (U+FFFD) in a text file; above
it the file is binary, not an article."""

MIN_PROSE_WORDS = 3
"""Lines with fewer words and no final punctuation are headings or furniture, not prose."""

_HTML_DROP = frozenset(
    "nav header footer aside script style form noscript iframe svg button select "
    "template figure figcaption menu dialog object embed canvas".split()
)
_HTML_BLOCK = frozenset(
    "p div section article main h1 h2 h3 h4 h5 h6 li ul ol blockquote pre br tr td th "
    "table dd dt dl hr address center".split()
)
_BOILER_CLASS = re.compile(
    r"(?:^|[\s_-])(?:nav|menu|footer|header|sidebar|share|social|related|comment|"
    r"newsletter|subscribe|advert|promo|cookie|breadcrumb|byline-tools|widget)(?:$|[\s_-])",
    re.I,
)
_HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z0-9_-]{0,40}):[ \t]*(.*?)[ \t]*$")


class ExtractWarning(UserWarning):
    """Something in an input was repaired or is missing (encoding, publication date)."""


@dataclass(frozen=True)
class Document:
    """A decoded article ready for mining.

    Attributes
    ----------
    text
        The decoded text; quote offsets index into it.
    body
        ``(start, end)`` spans of ``text`` that belong to the article body, in order.
    meta
        Metadata (``url``, ``publisher``, ``published``, ``title`` and any other keys).
    content_hash
        SHA-256 (hex) of the raw bytes (of the UTF-8 text when built from a string).
    path
        The file it came from, if any.
    notes
        Human-readable notes on repairs made while reading.
    """

    text: str
    body: tuple[tuple[int, int], ...]
    meta: dict[str, Any] = field(default_factory=dict)
    content_hash: str = ""
    path: str | None = None
    notes: tuple[str, ...] = ()

    @property
    def source_id(self) -> str:
        """The source id: ``meta['source_id']`` if given, else 16 hex digits of the hash."""
        return str(self.meta.get("source_id") or self.content_hash[:16])

    def __repr__(self) -> str:
        return f"Document({self.source_id!r}, {len(self.text)} chars, {len(self.body)} body spans)"


# --------------------------------------------------------------------------- decoding


def decode_bytes(raw: bytes, *, name: str = "input") -> tuple[str, list[str]]:
    """Decode ``raw`` to text; return the text and notes on what was repaired.

    UTF-8 first (a BOM is dropped), then the encoding charset-normalizer finds (a guess,
    so an :class:`ExtractWarning` says which); bytes that still cannot be decoded become
    U+FFFD, with an :class:`ExtractWarning` too.

    Examples
    --------
    >>> decode_bytes("Hamāh".encode())
    ('Hamāh', [])
    """
    notes: list[str] = []
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), notes
        except UnicodeDecodeError:
            pass
    try:
        return raw.decode("utf-8"), notes
    except UnicodeDecodeError:
        pass
    encoding = None
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(raw[:200_000]).best()
        encoding = best.encoding if best is not None else None
    except Exception:  # pragma: no cover - detector failure is not fatal
        encoding = None
    if encoding and encoding.replace("_", "").lower() not in {"utf8", "ascii"}:
        try:
            text = raw.decode(encoding)
            # A guess, often wrong on short texts: say so, so the reader can check names.
            message = (
                f"{name}: not UTF-8; decoded as {encoding} (a guess: save as UTF-8 to be sure)"
            )
            notes.append(message)
            warnings.warn(message, ExtractWarning, stacklevel=3)
            return text, notes
        except (UnicodeDecodeError, LookupError):
            pass
    text = raw.decode(encoding or "utf-8", errors="replace")
    message = f"{name}: undecodable bytes replaced with U+FFFD (decoded as {encoding or 'utf-8'})"
    notes.append(message)
    warnings.warn(message, ExtractWarning, stacklevel=3)
    return text, notes


# --------------------------------------------------------------------------- header block


def parse_header(text: str) -> tuple[dict[str, str], int]:
    r"""Parse a ``key: value`` header block at the top of ``text``.

    Returns the metadata and the offset where the article starts (0 when there is no
    header). A header is a run of ``key: value`` lines (single-word keys) ended by a blank
    line; anything else means "no header".

    Examples
    --------
    >>> parse_header("url: https://x.org/a\npublished: 2024-12-07\n\nRebels entered Homs.")
    ({'url': 'https://x.org/a', 'published': '2024-12-07'}, 44)
    >>> parse_header("Last Updated:\nRebels entered Homs.")
    ({}, 0)
    """
    meta: dict[str, str] = {}
    pos = 0
    while pos < len(text):
        nl = text.find("\n", pos)
        line_end = len(text) if nl < 0 else nl
        line = text[pos:line_end].rstrip("\r")
        if not line.strip():
            if meta and nl >= 0:
                return meta, nl + 1
            return ({}, 0) if not meta else (meta, len(text))
        m = _HEADER_LINE.match(line)
        if not m or not m.group(2):
            return {}, 0
        meta[m.group(1).lower().replace("-", "_")] = m.group(2)
        if nl < 0:
            return {}, 0  # a file of only key: value lines is not a header
        pos = nl + 1
    return {}, 0


# --------------------------------------------------------------------------- HTML


def _looks_like_html(text: str) -> bool:
    head = text[:2000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or (
        "<body" in head or ("<p>" in head and "</p>" in text[:20000].lower())
    )


def html_to_text(html: str) -> tuple[str, dict[str, str]]:
    """Extract the main text of an HTML page and its metadata.

    Navigation, headers, footers, asides, scripts, styles, forms and elements whose class
    or id names page furniture are dropped; ``<article>`` (else ``<main>``, else
    ``<body>``) is kept, one block element per paragraph.

    Examples
    --------
    >>> text, meta = html_to_text(
    ...     "<html><head><title>T</title></head><body><nav>Home</nav>"
    ...     "<article><p>Rebels <b>entered</b> Homs.</p></article></body></html>")
    >>> text, meta["title"]
    ('Rebels entered Homs.', 'T')
    """
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    meta: dict[str, str] = {}
    title = tree.css_first("title")
    if title is not None and title.text(strip=True):
        meta["title"] = title.text(strip=True)
    for selector, key in (
        ('meta[property="article:published_time"]', "published"),
        ('meta[name="date"]', "published"),
        ('meta[itemprop="datePublished"]', "published"),
        ('meta[property="og:site_name"]', "publisher"),
        ('meta[property="og:url"]', "url"),
        ('meta[property="og:title"]', "title"),
    ):
        node = tree.css_first(selector)
        if node is not None and key not in meta:
            content = (node.attributes.get("content") or "").strip()
            if content:
                meta[key] = content
    root = tree.css_first("article") or tree.css_first("main") or tree.body or tree.root
    parts: list[str] = []
    if root is not None:
        _walk(root, parts)
    text = "".join(parts)
    text = re.sub(r"[ \t\r\f\v\u00a0]+", " ", text)
    text = re.sub(r" *\n[ \n]*", "\n\n", text)
    return text.strip(), meta


def _walk(node: Any, parts: list[str]) -> None:
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            parts.append(child.text_content or "")
            continue
        if tag in _HTML_DROP or tag.startswith("-"):
            continue
        attrs = child.attributes
        marker = f"{attrs.get('class') or ''} {attrs.get('id') or ''} {attrs.get('role') or ''}"
        if marker.strip() and _BOILER_CLASS.search(marker):
            continue
        block = tag in _HTML_BLOCK
        if block:
            parts.append("\n")
        _walk(child, parts)
        if block:
            parts.append("\n")


# --------------------------------------------------------------------------- body


@lru_cache(maxsize=1)
def _boilerplate() -> tuple[re.Pattern[str], re.Pattern[str]]:
    end: list[str] = []
    line: list[str] = []
    from .lexicon import read_lexicon

    for row in read_lexicon("boilerplate.csv"):
        (end if row["action"] == "end" else line).append(row["pattern"])

    def compile_(items: list[str]) -> re.Pattern[str]:
        if not items:
            return re.compile(r"(?!x)x")
        return re.compile(r"^\W*(?:" + "|".join(items) + r")", re.I)

    return compile_(end), compile_(line)


def _prose(line: str) -> bool:
    words = line.split()
    if not words:
        return False
    if line.rstrip().endswith((".", "!", "?", "\u201d", '"', ":", "\u2019")):
        return len(words) >= 3
    return len(words) >= MIN_PROSE_WORDS


def body_spans(text: str, start: int = 0) -> tuple[tuple[int, int], ...]:
    """Return the spans of ``text[start:]`` that are article prose, one per line.

    Stops at the first line that opens page furniture ("Related Posts", "Leave a Reply",
    ...) once some prose has been seen; skips furniture lines and short non-prose lines.
    """
    end_re, line_re = _boilerplate()
    spans: list[tuple[int, int]] = []
    seen_prose = 0
    for m in re.finditer(r"[^\n]+", text[start:]):
        a, b = m.start() + start, m.end() + start
        line = text[a:b]
        stripped = line.strip()
        if not stripped:
            continue
        if end_re.search(stripped) and seen_prose >= 2:
            break
        if line_re.search(stripped) or not _prose(stripped):
            continue
        lead = len(line) - len(line.lstrip())
        spans.append((a + lead, a + len(line.rstrip())))
        seen_prose += 1
    return tuple(spans)


# --------------------------------------------------------------------------- junk and metadata

_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_TEXT_KEYS = ("publisher", "title", "source_id", "file")
_URL = re.compile(r"https?://[^\s/?#]+[^\s]*\Z", re.I)


def refuse_junk(text: str, *, name: object = "input") -> None:
    r"""Raise :class:`~syriamap.errors.DataError` unless ``text`` is text worth reading.

    Empty or blank text, text without a single letter, NUL characters and a share of
    control characters and U+FFFD above :data:`MAX_JUNK_SHARE` are refused.

    Examples
    --------
    >>> refuse_junk("Rebels entered Homs.")
    >>> refuse_junk("\x7fELF\x00\x00", name="a.out")
    Traceback (most recent call last):
    ...
    syriamap.errors.DataError: a.out: binary data (NUL bytes), not text
    """
    if not text.strip():
        raise DataError("no text (the file is empty or blank)", path=name)
    if "\x00" in text:
        raise DataError("binary data (NUL bytes), not text", path=name)
    junk = sum(1 for _ in _CONTROL.finditer(text))
    if junk > MAX_JUNK_SHARE * len(text):
        raise DataError(
            f"binary or undecodable data ({junk:,} of {len(text):,} characters are control "
            "characters or undecodable bytes), not text",
            path=name,
        )
    if not any(c.isalpha() for c in text):
        raise DataError("no text (not a single letter)", path=name)


def check_meta(meta: dict[str, Any], *, path: object, where: str) -> dict[str, Any]:
    """Validate metadata values by type; return ``meta`` or raise a DataError.

    ``published`` must be an ISO date (a timestamp keeps its date), ``url`` an http(s)
    URL, and ``publisher``, ``title``, ``source_id`` and ``file`` one line of text
    without control characters. Empty values (``None``, ``""``) are allowed: they mean
    "unknown". Other keys are kept as they are.

    Parameters
    ----------
    meta
        The metadata.
    path
        The file the metadata comes from (named in the error).
    where
        What it is, for the message: ``"sidecar"``, ``"header"``...

    Raises
    ------
    DataError
        Naming the file, the key and the value.

    Examples
    --------
    >>> check_meta({"publisher": "AP", "published": "2024-12-07"}, path="a.txt", where="header")
    {'publisher': 'AP', 'published': '2024-12-07'}
    >>> check_meta({"publisher": 5}, path="a.meta.json", where="sidecar")
    Traceback (most recent call last):
    ...
    syriamap.errors.DataError: a.meta.json: sidecar key 'publisher' must be text, not int 5
    """
    for key, value in meta.items():
        if key not in ("published", "url", *_TEXT_KEYS) or value is None or value == "":
            continue
        if not isinstance(value, str):
            raise DataError(
                f"{where} key {key!r} must be text, not {type(value).__name__} {value!r}"[:200],
                path=path,
                value=value,
            )
        if (
            INVISIBLE.search(value)
            or _SURROGATE.search(value)
            or any(c in value for c in "\n\r\ufffd")
        ):
            raise DataError(
                f"{where} key {key!r} holds control characters: {value!r}"[:200],
                path=path,
                value=value,
            )
        if key == "published":
            try:
                parse_date(value, what="date")
            except InvalidDateError:
                raise DataError(
                    f"{where} key 'published' must be an ISO date (YYYY-MM-DD), not {value!r}",
                    path=path,
                    value=value,
                ) from None
        elif key == "url" and not _URL.match(value.strip()):
            raise DataError(
                f"{where} key 'url' must be an http(s) URL, not {value!r}"[:200],
                path=path,
                value=value,
            )
    return meta


def _drop_bad_meta(meta: dict[str, Any], name: object) -> dict[str, Any]:
    """Keep the valid values of a page's own metadata; warn about the others."""
    kept = {}
    for key, value in meta.items():
        try:
            check_meta({key: value}, path=name, where="HTML metadata")
        except DataError as exc:
            warnings.warn(f"{exc}; ignored", ExtractWarning, stacklevel=4)
            continue
        kept[key] = value
    return kept


# --------------------------------------------------------------------------- entry points


def _clean_meta(meta: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in meta.items() if v is not None and v != ""}


def document_from_text(
    text: str,
    *,
    meta: dict[str, Any] | None = None,
    content_hash: str | None = None,
    path: str | None = None,
    notes: tuple[str, ...] = (),
    html: bool | None = None,
) -> Document:
    """Build a :class:`Document` from decoded text (plain text or HTML).

    ``meta`` (flags, sidecar) wins over the header block, which wins over HTML metadata.
    """
    given = _clean_meta(dict(meta or {}))
    if _SURROGATE.search(text):
        # lone surrogates are not text (no file decodes to them): U+FFFD keeps the offsets
        text = _SURROGATE.sub("\ufffd", text)
        message = f"{path or 'input'}: lone surrogate code points replaced with U+FFFD"
        notes = (*notes, message)
        warnings.warn(message, ExtractWarning, stacklevel=2)
    digest = content_hash or hashlib.sha256(text.encode("utf-8")).hexdigest()
    found: dict[str, Any] = {}
    is_html = _looks_like_html(text) if html is None else html
    if is_html:
        text, found = html_to_text(text)
        found = _drop_bad_meta(found, path or "input")
        start = 0
    else:
        header, start = parse_header(text)
        found = check_meta(dict(header), path=path or "input", where="header")
    merged = {**found, **given}
    return Document(
        text=text,
        body=body_spans(text, start),
        meta=merged,
        content_hash=digest,
        path=path,
        notes=notes,
    )


def document_from_bytes(
    raw: bytes, *, meta: dict[str, Any] | None = None, name: str = "input"
) -> Document:
    """Build a :class:`Document` from raw bytes (any encoding, plain text or HTML).

    Raises
    ------
    DataError
        If the bytes are too many (:data:`MAX_BYTES`), hold no text or are binary
        (:func:`refuse_junk`), or the header block has a bad value (:func:`check_meta`).
    """
    if len(raw) > MAX_BYTES:
        raise DataError(f"input is {len(raw):,} bytes; the limit is {MAX_BYTES:,} bytes", path=name)
    if not raw.strip():
        raise DataError("no text (the file is empty or blank)", path=name)
    if b"\x00" in raw and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DataError("binary data (NUL bytes), not text", path=name)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ExtractWarning)
        text, notes = decode_bytes(raw, name=name)
    refuse_junk(text, name=name)
    for w in caught:  # only now: a refused file gets one error, not warnings as well
        warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    return document_from_text(
        text,
        meta=meta,
        content_hash=hashlib.sha256(raw).hexdigest(),
        path=name,
        notes=tuple(notes),
        html=name.lower().endswith((".html", ".htm")) or None,
    )


def _sidecar(path: Path) -> dict[str, Any]:
    for candidate in (path.with_name(path.name + ".meta.json"), path.with_suffix(".meta.json")):
        if candidate.is_file():
            try:
                data = json.loads(candidate.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise DataError(f"unreadable sidecar: {exc}", path=candidate) from exc
            if not isinstance(data, dict):
                raise DataError("sidecar must hold a JSON object", path=candidate)
            return check_meta(data, path=candidate, where="sidecar")
    return {}


def read_document(path: PathLike, *, meta: dict[str, Any] | None = None) -> Document:
    """Read an article file (text or HTML, any encoding) with its metadata.

    Parameters
    ----------
    path
        The article file. A sidecar ``FILE.meta.json`` (or ``STEM.meta.json``) is read too.
    meta
        Metadata from the caller (command-line flags); it wins over the sidecar, which wins
        over the file's own header block or HTML metadata.

    Returns
    -------
    Document

    Raises
    ------
    DataError
        If the file is missing, unreadable, larger than :data:`MAX_BYTES`, holds no text or
        is binary, or its sidecar or header block has a bad value; the message names the
        file (and the key).
    """
    p = Path(path)
    try:
        size = p.stat().st_size
    except OSError as exc:
        raise DataError(f"cannot read: {exc.strerror or exc}", path=p) from exc
    if size > MAX_BYTES:
        raise DataError(f"file is {size:,} bytes; the limit is {MAX_BYTES:,} bytes", path=p)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise DataError(f"cannot read: {exc.strerror or exc}", path=p) from exc
    combined = {**_sidecar(p), **_clean_meta(dict(meta or {}))}
    combined.setdefault("file", p.name)
    return document_from_bytes(raw, meta=combined, name=str(p))
