"""What changed between two dates: places whose holder or status differs, and why.

:func:`changes` compares the control state (:func:`syriamap.control_at`) on two dates;
:func:`compare` does the same on two control frames already computed (the map page
uses it between consecutive days of a timeline, so its list of changes is this one).

A change is a different ``(side, status)`` of a place: ``opposition held`` →
``government held``, ``held`` → ``contested``... A place first claimed after ``start``
is ``new``; one no longer mapped on ``end`` is ``dropped``. A change of actor within the
same side (``hts_coalition`` → ``opposition``) is not a change of holder. The claims that
made a change are the evidence of the ``end`` state dated after ``start`` (or, when
none is, all of it): each traces to its source and quote in the store.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ._types import DateLike, parse_date, parse_optional_date
from .errors import InvalidDateError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["CHANGE_COLUMNS", "KINDS", "changes", "compare", "state_phrase"]

#: Columns of the frame :func:`changes` returns, in order.
CHANGE_COLUMNS = [
    "place_id",
    "name",
    "name_ar",
    "kind",
    "admin1",
    "change",
    "before_side",
    "before_actor",
    "before_status",
    "after_side",
    "after_actor",
    "after_status",
    "claims",
    "lon",
    "lat",
]
#: The ``change`` vocabulary: ``holder`` (another side), ``status`` (same side, other
#: status: held ↔ contested ↔ unknown), ``new`` (first mapped), ``dropped`` (no longer).
KINDS = ("holder", "status", "new", "dropped")


def state_phrase(side: str, actor: str, status: str) -> str:
    """Say a state briefly, for lists of changes.

    Examples
    --------
    >>> state_phrase("opposition", "southern_factions", "held")
    'Opposition (southern factions), held'
    >>> state_phrase("", "", "contested"), state_phrase("", "", "")
    ('contested, holder unknown', 'not mapped')
    """
    from .render.style import side_label

    if not status:
        return "not mapped"
    if status == "unknown" or not side:
        return "holder unknown" if status != "contested" else "contested, holder unknown"
    who = side_label(side)
    if actor and actor.replace("_", " ").casefold() != who.casefold():
        who += f" ({actor.replace('_', ' ')})"
    return f"{who}, {status}"


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    try:
        import pandas as pd

        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return str(value)


def _ids(value: Any) -> list[str]:
    if value is None or isinstance(value, float):
        return []
    if isinstance(value, str):
        return [v for v in value.replace("|", ";").split(";") if v]
    return [str(v) for v in value]


def _iso(value: Any) -> str:
    text = _text(value)
    return text[:10]


def _records(frame: Any) -> dict[str, dict[str, Any]]:
    if frame is None or not len(frame):
        return {}
    geometry = getattr(frame, "geometry", None)
    plain = frame.drop(columns=frame.geometry.name) if geometry is not None else frame
    out = {}
    points = list(geometry.values) if geometry is not None else [None] * len(frame)
    for rec, point in zip(plain.to_dict("records"), points, strict=True):
        rec["_point"] = point
        out[str(rec["place_id"])] = rec
    return out


def compare(
    before: Any,
    after: Any,
    *,
    start: dt.date,
    event_dates: Mapping[str, Any] | None = None,
) -> list[dict[str, Any]]:
    """List the changes between two control frames (pure: no store or fusion access).

    Parameters
    ----------
    before, after
        Frames with :func:`syriamap.control_at`'s columns (``after`` is the later date).
    start
        The earlier date: claims dated after it are the ones that made a change.
    event_dates
        ``{assertion_id: event_date}`` to pick those claims; without it every
        supporting and conflicting claim of the ``after`` state is listed.

    Returns
    -------
    list of dict
        One record per changed place with :data:`CHANGE_COLUMNS`, holder changes
        first, then status changes, new and dropped places, each by name.
    """
    old, new = _records(before), _records(after)
    out = []
    order = {kind: k for k, kind in enumerate(KINDS)}
    for pid in sorted(set(old) | set(new)):
        a, b = old.get(pid), new.get(pid)
        key_a = (_text(a.get("side")), _text(a.get("status")) or "unknown") if a else None
        key_b = (_text(b.get("side")), _text(b.get("status")) or "unknown") if b else None
        if key_a == key_b:
            continue
        if a is None:
            kind = "new"
        elif b is None:
            kind = "dropped"
        elif key_a is not None and key_b is not None and key_a[0] != key_b[0]:
            kind = "holder"
        else:
            kind = "status"
        ref = b or a or {}
        claims: list[str] = []
        if b is not None:
            evidence = [*_ids(b.get("supporting")), *_ids(b.get("conflicting"))]
            if event_dates is not None:
                recent = [c for c in evidence if _iso(event_dates.get(c)) > start.isoformat()]
                claims = recent or evidence
            else:
                claims = evidence
        point = ref.get("_point")
        out.append(
            {
                "place_id": pid,
                "name": _text(ref.get("name")) or pid,
                "name_ar": _text(ref.get("name_ar")),
                "kind": _text(ref.get("kind")),
                "admin1": _text(ref.get("admin1")),
                "change": kind,
                "before_side": _text(a.get("side")) if a else "",
                "before_actor": _text(a.get("actor")) if a else "",
                "before_status": (_text(a.get("status")) or "unknown") if a else "",
                "after_side": _text(b.get("side")) if b else "",
                "after_actor": _text(b.get("actor")) if b else "",
                "after_status": (_text(b.get("status")) or "unknown") if b else "",
                "claims": claims,
                "lon": None if point is None else round(float(point.x), 6),
                "lat": None if point is None else round(float(point.y), 6),
            }
        )
    out.sort(key=lambda r: (order[str(r["change"])], str(r["name"]).casefold(), str(r["place_id"])))
    return out


def changes(
    start: DateLike,
    end: DateLike,
    *,
    as_reported_by: DateLike | None = None,
    store: Any = None,
) -> pd.DataFrame:
    """List the places whose holder or status changed from ``start`` to ``end``.

    Parameters
    ----------
    start, end
        The two dates compared (``end`` after ``start``).
    as_reported_by
        Use only what had been published by this date, for both states (default: every
        report in the store).
    store
        A store, a path to one, or None for ``$SYRIAMAP_STORE`` or the bundled seeds.

    Returns
    -------
    pandas.DataFrame
        :data:`CHANGE_COLUMNS`: before/after side, actor and status, the ``change``
        kind (:data:`KINDS`) and ``claims``, the assertion ids that made the change.

    Raises
    ------
    InvalidDateError
        For a bad date, or ``end`` not after ``start``.

    Examples
    --------
    >>> frame = changes("2024-12-06", "2024-12-07")  # doctest: +SKIP
    >>> frame.loc[frame["name"] == "Homs", ["before_side", "after_side"]]  # doctest: +SKIP
    """
    import pandas as pd

    from . import fusion
    from .store import open_store

    first = parse_date(start, what="start date (--from)")
    last = parse_date(end, what="end date (--to)")
    if last <= first:
        raise InvalidDateError(
            f"end date {last.isoformat()} must be after start date {first.isoformat()}"
        )
    reported = parse_optional_date(as_reported_by, what="as-reported-by date")
    opened = (
        open_store(store)
        if store is None or isinstance(store, (str, bytes)) or hasattr(store, "__fspath__")
        else store
    )
    before = fusion.control_at(first, as_reported_by=reported, store=opened)
    after = fusion.control_at(last, as_reported_by=reported, store=opened)
    assertions = opened.assertions_frame()
    dates = dict(zip(assertions["assertion_id"].astype(str), assertions["event_date"], strict=True))
    rows = compare(before, after, start=first, event_dates=dates)
    return pd.DataFrame(rows, columns=CHANGE_COLUMNS)
