"""Evidence for one place: the claims behind its colour, as escaped HTML and flat text.

Everything that comes from a source (quotes, publishers, titles, urls, claimants) is
untrusted. It is cleaned and escaped here, on the server side, before any markup is added:
:func:`clean` drops terminal escape sequences and replaces control characters (C0 other
than tab/newline, DEL, C1) and bidirectional embeddings, overrides and isolates
(U+202A–U+202E, U+2066–U+2069), which would let a source reorder what the reader sees, by
U+FFFD; then :func:`html.escape`. Only ``http``/``https`` urls become links. Exports
(GeoJSON, GeoPackage) keep quotes verbatim; this is for what the HTML page displays.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import math
import re
from collections.abc import Iterable, Mapping
from typing import Any

__all__ = [
    "REPLACEMENT",
    "as_list",
    "best_quote",
    "clean",
    "esc",
    "evidence_entry",
    "highlight",
    "iso_date",
    "json_for_script",
    "known_publisher",
    "safe_url",
    "source_html",
]

_SAFE_URL = re.compile(r"^https?://[^\s\"'<>`]+$", re.IGNORECASE)

#: Shown in place of an invisible control or reordering character.
REPLACEMENT = "\ufffd"
# ANSI/VT100 escape sequences (CSI "ESC [ ... final", OSC "ESC ] ... BEL/ST", two-byte ESC x)
_ANSI = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x9b[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]"
)
# C0 controls except tab, newline and carriage return; DEL; C1 controls; bidi embeddings,
# overrides (U+202A-U+202E) and isolates (U+2066-U+2069)
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    r"""Make source text safe to display: no terminal escapes, controls or bidi overrides.

    Terminal escape sequences are dropped (they only format a terminal); any other control
    character and every bidirectional embedding, override or isolate becomes U+FFFD, so
    the reader sees that something was there and nothing is reordered.

    Examples
    --------
    >>> clean("\x1b[31mRED\x1b[0m")
    'RED'
    >>> clean("abc\u202edef\x07") == "abc\ufffddef\ufffd"
    True
    """
    return _INVISIBLE.sub(REPLACEMENT, _ANSI.sub("", text))


def esc(value: Any) -> str:
    """Clean (:func:`clean`) and escape any value for HTML text or a quoted attribute.

    ``None`` and NaN give ``""``.
    """
    if is_missing(value):
        return ""
    return html.escape(clean(str(value)), quote=True)


def is_missing(value: Any) -> bool:
    """Return True for ``None``, NaN and pandas' missing markers."""
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    try:
        import pandas as pd

        return bool(pd.isna(value)) if not isinstance(value, (list, tuple, set)) else False
    except (TypeError, ValueError):
        return False


_UNKNOWN_PUBLISHERS = frozenset({"unknown", "unknown publisher", "n/a", "na", "none", "-", "?"})


def known_publisher(value: Any) -> str | None:
    """Return the publisher's name, or None when it is missing, blank or "unknown".

    Examples
    --------
    >>> known_publisher(" Reuters "), known_publisher("Unknown"), known_publisher(None)
    ('Reuters', None, None)
    """
    if is_missing(value):
        return None
    name = str(value).strip()
    if not clean(name).strip() or name.casefold() in _UNKNOWN_PUBLISHERS:
        return None
    return name


def as_list(value: Any) -> list[str]:
    """Turn a list-like cell (list, tuple, array, ``"a;b"`` string, NaN) into a list of str."""
    if value is None:
        return []
    if isinstance(value, str):
        return [v.strip() for v in re.split(r"[;|]", value) if v.strip()]
    if isinstance(value, float) and math.isnan(value):
        return []
    try:
        return [str(v) for v in value if not is_missing(v)]
    except TypeError:
        return [str(value)]


def iso_date(value: Any) -> str | None:
    """Return ``YYYY-MM-DD`` for a date, datetime, Timestamp or ISO string; else None."""
    if is_missing(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if hasattr(value, "date") and callable(value.date):  # pandas Timestamp
        return value.date().isoformat()
    text = str(value).strip()
    return text[:10] if text else None


def safe_url(url: Any) -> str | None:
    """Return ``url`` if it is a plain http(s) url, else None (it will be shown as text).

    Examples
    --------
    >>> safe_url("https://example.org/a?b=1")
    'https://example.org/a?b=1'
    >>> safe_url("javascript:alert(1)") is None
    True
    """
    if is_missing(url):
        return None
    text = str(url).strip()
    return text if _SAFE_URL.match(text) else None


def highlight(quote: Any, names: Iterable[Any]) -> str:
    """Escape ``quote`` and wrap the first occurrence of a place name in ``<mark>``.

    Quote and names are cleaned (:func:`clean`) first, so a name is still found when
    both carry the same invisible characters; the quote is split around the match, each
    piece is escaped, then the ``<mark>`` is added: the markup never comes from the source.

    Examples
    --------
    >>> highlight("Rebels took <Kanaker> today", ["Kanaker"])
    'Rebels took &lt;<mark>Kanaker</mark>&gt; today'
    """
    if is_missing(quote):
        return ""
    text = clean(str(quote))
    lowered = text.casefold()
    for name in names:
        if is_missing(name) or not clean(str(name)).strip():
            continue
        needle = clean(str(name)).strip().casefold()
        at = lowered.find(needle)
        if at >= 0 and len(lowered) == len(text):
            end = at + len(needle)
            return f"{esc(text[:at])}<mark>{esc(text[at:end])}</mark>{esc(text[end:])}"
    return esc(text)


def source_html(source: Mapping[str, Any] | None, source_id: str) -> str:
    """Render the publisher of a source as escaped HTML: a link only for an http(s) url.

    A url with another scheme (``javascript:``, ``data:``...) is shown as text beside the
    publisher, never as a link.

    Examples
    --------
    >>> source_html({"publisher": "<b>X</b>", "url": "javascript:alert(1)"}, "s1")
    '<span>&lt;b&gt;X&lt;/b&gt;</span> <code class="url">javascript:alert(1)</code>'
    """
    source = source or {}
    publisher = source.get("publisher")
    if is_missing(publisher) or not str(publisher).strip():
        publisher = source_id
    url = source.get("url")
    link = safe_url(url)
    title = source.get("title")
    title_attr = f' title="{esc(title)}"' if not is_missing(title) and str(title) else ""
    if link:
        return (
            f'<a href="{esc(link)}" target="_blank" rel="noopener noreferrer"'
            f"{title_attr}>{esc(publisher)}</a>"
        )
    who = f"<span{title_attr}>{esc(publisher)}</span>"
    if not is_missing(url) and str(url).strip():
        who += f' <code class="url">{esc(url)}</code>'
    return who


def evidence_entry(assertion: Mapping[str, Any], *, place_name: str | None = None) -> list[str]:
    """One claim for a popup as escaped HTML fragments.

    Returns
    -------
    list of str
        ``[date, stance, claimant, what, quote]``: the event date (with its precision when
        not a day), the stance, "claimant: ..." (or ""), "actor relation", and the quote
        with the place name in ``<mark>``. Every fragment is escaped.
    """
    date = iso_date(assertion.get("event_date")) or ""
    precision = assertion.get("date_precision")
    if not is_missing(precision) and precision not in ("day", ""):
        date = f"{date} ({precision})"
    claimant = assertion.get("claimant")
    claimant_side = assertion.get("claimant_side")
    claim = ""
    if not is_missing(claimant) and str(claimant).strip():
        claim = f"claimant: {esc(claimant)}"
        if not is_missing(claimant_side) and str(claimant_side).strip():
            claim += f" ({esc(claimant_side)})"
    what = f"{esc(assertion.get('actor'))} {esc(assertion.get('relation'))}".strip()
    quote = highlight(assertion.get("quote"), [assertion.get("place_name"), place_name])
    return [esc(date), esc(assertion.get("stance")), claim, what, quote]


def best_quote(assertions: Iterable[Mapping[str, Any]]) -> Mapping[str, Any] | None:
    """Pick the claim to quote for a place: asserted first, then confidence, then latest."""
    stance_rank = {"asserted": 3, "attributed": 2, "unverified": 1, "denied": 0}
    best = None
    best_key: tuple[Any, ...] | None = None
    for row in assertions:
        conf = row.get("confidence")
        key = (
            stance_rank.get(str(row.get("stance")), 0),
            0.0 if conf is None or is_missing(conf) else float(conf),
            iso_date(row.get("event_date")) or "",
            str(row.get("assertion_id") or ""),
        )
        if best_key is None or key > best_key:
            best, best_key = row, key
    return best


def json_for_script(data: Any) -> str:
    r"""Serialise ``data`` as JSON that is safe inside ``<script>`` (no ``</script>`` breakout).

    ``<``, ``>``, ``&`` and the line separators U+2028/U+2029 are written as ``\uXXXX``
    escapes, which JSON.parse turns back into the same characters.

    Examples
    --------
    >>> json_for_script({"q": "</script>"})
    '{"q":"\\u003c/script\\u003e"}'
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )
