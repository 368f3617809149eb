"""What the renderers draw: daily control states as frames, and their flat export tables.

Two layers:

- :func:`load` is the only place that calls :mod:`syriamap.fusion`, :mod:`syriamap.store`
  and :mod:`syriamap.boundaries`; it returns a :class:`RenderInput`.
- everything else is a pure function of frames (``RenderInput`` → tables), so tests and
  benchmarks can feed synthetic states with the same columns.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .._types import DateLike, parse_optional_date
from ..errors import InvalidDateError
from ._evidence import as_list, best_quote, is_missing, iso_date

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd
    import pandas as pd

__all__ = [
    "DayState",
    "PLACE_FIELDS",
    "RenderInput",
    "area_polygons",
    "area_table",
    "date_span",
    "governorate_table",
    "load",
    "place_intervals",
    "place_table",
    "reported_each_day",
]

#: Flat, typed properties of an exported place, in order (GeoJSON and GeoPackage).
PLACE_FIELDS: dict[str, str] = {
    "place_id": "str",
    "name": "str",
    "name_ar": "str",
    "kind": "str",
    "governorate": "str",
    "governorate_iso": "str",
    "population": "int",
    "actor": "str",
    "side": "str",
    "status": "str",
    "confirmed": "bool",
    "disputed": "bool",
    "confidence": "float",
    "n_sources": "int",
    "sources": "str",
    "quote": "str",
    "as_of": "date",
    "last_change": "date",
}
#: Longest timeline accepted (days), to keep pages and exports bounded.
MAX_DAYS = 800


@dataclass(frozen=True)
class DayState:
    """The control state on one date: places (points) and governorate summary (polygons)."""

    date: dt.date
    places: gpd.GeoDataFrame
    governorates: gpd.GeoDataFrame


@dataclass(frozen=True)
class RenderInput:
    """Everything a renderer needs; build it with :func:`load` or by hand in tests."""

    days: tuple[DayState, ...]
    assertions: pd.DataFrame
    sources: pd.DataFrame
    as_reported_by: dt.date | None = None
    districts: gpd.GeoDataFrame | None = None
    #: Each day uses only what had been published by that day (``as_reported_by="each"``).
    reported_each_day: bool = False
    #: Polygons of governorates and districts (``place_id``, geometry): claims about a
    #: whole area are drawn as its outline, not as a dot. None: only the day's
    #: governorate polygons are known.
    areas: gpd.GeoDataFrame | None = None
    #: Reference labels drawn on every map whatever the claims: the governorate capitals
    #: (``place_id``, ``name``, ``name_ar``, ``iso``, Point geometry).
    capitals: gpd.GeoDataFrame | None = None
    #: The places on the day before the first date (control_at's columns), so that the
    #: first day also says what changed; None: changes start with the second day.
    previous: gpd.GeoDataFrame | None = None
    #: Other spellings of places (``{place_id: aliases}``, Latin and Arabic, from the
    #: gazetteer), so that the page's search finds "Sweida" or "حمص".
    aliases: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    _index: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def start(self) -> dt.date:
        """First date."""
        return self.days[0].date

    @property
    def end(self) -> dt.date:
        """Last date."""
        return self.days[-1].date

    @property
    def is_timeline(self) -> bool:
        """True when there is more than one date."""
        return len(self.days) > 1

    def assertion_records(self) -> dict[str, dict[str, Any]]:
        """``{assertion_id: row}`` (cached)."""
        if "assertions" not in self._index:
            frame = self.assertions
            records = frame.to_dict("records") if len(frame) else []
            self._index["assertions"] = {str(r["assertion_id"]): r for r in records}
        return self._index["assertions"]

    def source_records(self) -> dict[str, dict[str, Any]]:
        """``{source_id: row}`` (cached)."""
        if "sources" not in self._index:
            frame = self.sources
            records = frame.to_dict("records") if len(frame) else []
            self._index["sources"] = {str(r["source_id"]): r for r in records}
        return self._index["sources"]

    def publisher(self, source_id: str) -> str:
        """Return the publisher of a source, or its id when unknown."""
        row = self.source_records().get(source_id) or {}
        name = row.get("publisher")
        return source_id if is_missing(name) or not str(name).strip() else str(name)


def date_span(
    date: DateLike | None = None, *, start: DateLike | None = None, end: DateLike | None = None
) -> list[dt.date]:
    """Validate a date or a ``start``..``end`` range and list the days to render.

    Raises
    ------
    InvalidDateError
        For an unparseable date, a range with only one end, ``end`` before ``start``, a
        date combined with a range, or a range longer than :data:`MAX_DAYS`.

    Examples
    --------
    >>> [d.isoformat() for d in date_span(start="2024-12-06", end="2024-12-08")]
    ['2024-12-06', '2024-12-07', '2024-12-08']
    """
    day = parse_optional_date(date, what="date")
    first = parse_optional_date(start, what="start date (--from)")
    last = parse_optional_date(end, what="end date (--to)")
    if first is None and last is None:
        if day is None:
            raise InvalidDateError("give a date, or a start and an end date (--from/--to)")
        return [day]
    if day is not None:
        raise InvalidDateError("give either a date or a start/end range, not both")
    if first is None or last is None:
        raise InvalidDateError("a timeline needs both a start (--from) and an end (--to) date")
    if last < first:
        raise InvalidDateError(
            f"end date {last.isoformat()} is before start date {first.isoformat()}"
        )
    n = (last - first).days + 1
    if n > MAX_DAYS:
        raise InvalidDateError(f"a timeline is limited to {MAX_DAYS} days, got {n}")
    return [first + dt.timedelta(days=i) for i in range(n)]


def _open(store: Any) -> Any:
    from ..store import open_store

    if store is None or isinstance(store, (str, bytes)) or hasattr(store, "__fspath__"):
        return open_store(store)
    return store


def load(
    date: DateLike | None = None,
    *,
    start: DateLike | None = None,
    end: DateLike | None = None,
    as_reported_by: DateLike | None = None,
    store: Any = None,
    districts: bool = True,
) -> RenderInput:
    """Compute the control state of each day with :mod:`syriamap.fusion` (thin layer).

    Parameters
    ----------
    date, start, end
        One date, or an inclusive range for a timeline.
    as_reported_by
        Use only what had been published by this date (default: everything known), or
        ``"each"``: every day of a timeline uses only what had been published by that day
        (what a reader knew then, day by day, instead of hindsight).
    store
        A store object, a path to one, or None for ``$SYRIAMAP_STORE``/the bundled seeds.
    districts
        Also load the district boundaries (an optional HTML layer).
    """
    import geopandas as gpd
    import pandas as pd

    from .. import fusion

    days = date_span(date, start=start, end=end)
    each = reported_each_day(as_reported_by)
    reported = None if each else parse_optional_date(as_reported_by, what="as-reported-by date")
    opened = _open(store)
    states = tuple(
        DayState(
            day,
            fusion.control_at(day, as_reported_by=day if each else reported, store=opened),
            fusion.governorate_summary(day, as_reported_by=day if each else reported, store=opened),
        )
        for day in days
    )
    from ..boundaries import districts as load_districts
    from ..boundaries import governorates as load_governorates

    capitals = capital_points()
    before = days[0] - dt.timedelta(days=1)
    previous = fusion.control_at(before, as_reported_by=before if each else reported, store=opened)
    district_frame = load_districts()
    areas = pd.concat(
        [load_governorates()[["place_id", "geometry"]], district_frame[["place_id", "geometry"]]],
        ignore_index=True,
    )
    return RenderInput(
        days=states,
        assertions=opened.assertions_frame(),
        sources=opened.sources_frame(),
        as_reported_by=reported,
        districts=district_frame if districts else None,
        reported_each_day=each,
        areas=gpd.GeoDataFrame(areas, geometry="geometry", crs="EPSG:4326"),
        capitals=capitals,
        previous=previous,
        aliases=place_aliases(
            {str(p) for state in states for p in state.places["place_id"]}
            | {str(p) for p in capitals["place_id"]}
        ),
    )


def place_aliases(place_ids: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Return the gazetteer's other spellings of each place (those it knows)."""
    from ..gazetteer import Gazetteer

    gazetteer = Gazetteer.default()
    out: dict[str, tuple[str, ...]] = {}
    for pid in place_ids:
        if pid in gazetteer:
            place = gazetteer.get(pid)
            out[pid] = tuple(a for a in (place.name_ar, *place.aliases) if a)
    return out


def capital_points() -> gpd.GeoDataFrame:
    """Return the 14 governorate capitals as points (the map's reference labels)."""
    import geopandas as gpd

    from ..gazetteer import Gazetteer

    capitals = Gazetteer.default().capitals()
    rows = sorted(capitals.items())
    return gpd.GeoDataFrame(
        {
            "place_id": [p.place_id for _, p in rows],
            "name": [p.name for _, p in rows],
            "name_ar": [p.name_ar for _, p in rows],
            "iso": [iso for iso, _ in rows],
        },
        geometry=gpd.points_from_xy([p.lon for _, p in rows], [p.lat for _, p in rows]),
        crs="EPSG:4326",
    )


def reported_each_day(as_reported_by: object) -> bool:
    """Tell whether ``as_reported_by`` asks for each day as reported by that day."""
    return isinstance(as_reported_by, str) and as_reported_by.strip().lower() == "each"


def _int(value: Any) -> int | None:
    if is_missing(value):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _flag(value: Any) -> bool:
    return False if is_missing(value) else bool(value)


def _str(value: Any) -> str | None:
    return None if is_missing(value) else str(value)


def place_rows(data: RenderInput, day: DayState) -> list[dict[str, Any]]:
    """Flat records (with ``lon``/``lat``) of one day's places, typed as :data:`PLACE_FIELDS`."""
    assertions = data.assertion_records()
    frame = day.places
    rows: list[dict[str, Any]] = []
    if not len(frame):
        return rows
    geoms = frame.geometry.values
    xs, ys = geoms.x, geoms.y
    records = frame.drop(columns=frame.geometry.name).to_dict("records")
    for rec, x, y in zip(records, xs, ys, strict=True):
        supporting = [assertions[a] for a in as_list(rec.get("supporting")) if a in assertions]
        best = best_quote(supporting)
        source_ids = as_list(rec.get("sources"))
        publishers = sorted({data.publisher(s) for s in source_ids})
        confidence = rec.get("confidence")
        confirmed = rec.get("confirmed")
        rows.append(
            {
                "place_id": str(rec["place_id"]),
                "name": _str(rec.get("name")),
                "name_ar": _str(rec.get("name_ar")),
                "kind": _str(rec.get("kind")),
                "governorate": _str(rec.get("admin1")),
                "governorate_iso": _str(rec.get("admin1_iso")),
                "population": _int(rec.get("population")),
                "actor": _str(rec.get("actor")) or None,
                "side": _str(rec.get("side")) or None,
                "status": _str(rec.get("status")) or "unknown",
                "confirmed": bool(confirmed) if not is_missing(confirmed) else False,
                # fusion's probabilistic model adds ``disputed`` (sources disagree on
                # the holder); older states lack it
                "disputed": _flag(rec.get("disputed", False)),
                "confidence": None if is_missing(confidence) else round(float(confidence), 3),
                "n_sources": _int(rec.get("n_sources")) or len(source_ids),
                "sources": "; ".join(publishers) or None,
                "quote": _str(best.get("quote")) if best else None,
                "as_of": iso_date(rec.get("as_of")),
                "last_change": iso_date(rec.get("last_change")),
                "lon": round(float(x), 6),
                "lat": round(float(y), 6),
                "_supporting": [str(a) for a in as_list(rec.get("supporting"))],
                "_conflicting": [str(a) for a in as_list(rec.get("conflicting"))],
            }
        )
    return rows


def area_polygons(data: RenderInput) -> dict[str, Any]:
    """Return ``{place_id: polygon}`` of the governorates and districts known to ``data``.

    From ``data.areas`` when set, else from the first day's governorate polygons.
    """
    polygons: dict[str, Any] = {}
    frame = data.days[0].governorates if data.days else None
    if frame is not None and "place_id" in frame:
        polygons.update(zip(frame["place_id"].astype(str), frame.geometry.values, strict=True))
    if data.areas is not None and len(data.areas):
        polygons.update(
            zip(data.areas["place_id"].astype(str), data.areas.geometry.values, strict=True)
        )
    return {k: g for k, g in polygons.items() if g is not None and not g.is_empty}


def _is_area(row: Mapping[str, Any], polygons: Mapping[str, Any]) -> bool:
    """Tell whether a row is a claim about a whole governorate or district with a known polygon."""
    from .style import AREA_KINDS

    return row["kind"] in AREA_KINDS and row["place_id"] in polygons


def _layer_rows(
    data: RenderInput, day: DayState, layer: str, polygons: Mapping[str, Any]
) -> list[dict[str, Any]]:
    rows = place_rows(data, day)
    if layer == "areas":
        return [r for r in rows if _is_area(r, polygons)]
    return [r for r in rows if not _is_area(r, polygons)]


def place_table(data: RenderInput, day: DayState | None = None) -> gpd.GeoDataFrame:
    """Return the exported places of one day as a GeoDataFrame with :data:`PLACE_FIELDS` columns.

    Points only: claims about a whole governorate or district whose polygon is known are
    in :func:`area_table` instead.
    """
    polygons = area_polygons(data)
    return _to_frame(_layer_rows(data, day or data.days[-1], "places", polygons), extra=())


def area_table(data: RenderInput, day: DayState | None = None) -> gpd.GeoDataFrame:
    """Return the claims about whole governorates or districts on one day, as polygons.

    The same :data:`PLACE_FIELDS` columns as :func:`place_table`; the geometry is the
    area's (Multi)Polygon from :mod:`syriamap.boundaries` instead of its centroid.
    """
    polygons = area_polygons(data)
    rows = _layer_rows(data, day or data.days[-1], "areas", polygons)
    return _to_frame(rows, extra=(), polygons=polygons)


def _interval_key(row: Mapping[str, Any]) -> tuple[Any, ...]:
    return tuple(row[k] for k in PLACE_FIELDS if k != "as_of")


def place_intervals(data: RenderInput, layer: str = "places") -> gpd.GeoDataFrame:
    """Return places over a timeline: one row per place and unchanged state.

    ``valid_from`` is the first day and ``valid_to`` the day after the last day (a
    half-open interval). ``layer="areas"``: the claims about whole governorates and
    districts, as polygons (see :func:`area_table`); ``"places"``: the points.
    """
    polygons = area_polygons(data)
    open_rows: dict[str, dict[str, Any]] = {}
    done: list[dict[str, Any]] = []
    for day in data.days:
        seen = set()
        for row in _layer_rows(data, day, layer, polygons):
            pid = row["place_id"]
            seen.add(pid)
            current = open_rows.get(pid)
            if current is not None and _interval_key(current) == _interval_key(row):
                current["valid_to"] = (day.date + dt.timedelta(days=1)).isoformat()
                continue
            if current is not None:
                done.append(current)
            row["valid_from"] = day.date.isoformat()
            row["valid_to"] = (day.date + dt.timedelta(days=1)).isoformat()
            open_rows[pid] = row
        for pid in [p for p in open_rows if p not in seen]:
            done.append(open_rows.pop(pid))
    done.extend(open_rows.values())
    done.sort(key=lambda r: (r["place_id"], r["valid_from"]))
    return _to_frame(
        done, extra=("valid_from", "valid_to"), polygons=polygons if layer == "areas" else None
    )


def _to_frame(
    rows: Sequence[Mapping[str, Any]],
    *,
    extra: Iterable[str],
    polygons: Mapping[str, Any] | None = None,
) -> gpd.GeoDataFrame:
    import geopandas as gpd
    import pandas as pd

    columns = [*PLACE_FIELDS, *extra]
    frame = pd.DataFrame([{k: r.get(k) for k in columns} for r in rows], columns=columns)
    for name, kind in PLACE_FIELDS.items():
        if kind == "int":
            frame[name] = pd.array(frame[name], dtype="Int64")
        elif kind == "float":
            frame[name] = pd.to_numeric(frame[name]).astype("float64")
        elif kind == "bool":
            frame[name] = frame[name].astype(bool)
    if polygons is not None:
        from shapely.geometry import MultiPolygon

        shapes = [polygons[r["place_id"]] for r in rows]
        geometry = gpd.GeoSeries(
            [MultiPolygon([g]) if g.geom_type == "Polygon" else g for g in shapes],
            crs="EPSG:4326",
        ).values
    else:
        geometry = gpd.points_from_xy([r["lon"] for r in rows], [r["lat"] for r in rows])
    return gpd.GeoDataFrame(frame, geometry=geometry, crs="EPSG:4326")


#: Columns of the exported ``changes`` layer (GeoPackage), in order.
CHANGE_FIELDS = [
    "date",
    "place_id",
    "name",
    "kind",
    "change",
    "before_side",
    "before_actor",
    "before_status",
    "after_side",
    "after_actor",
    "after_status",
    "claims",
]


def change_table(data: RenderInput) -> gpd.GeoDataFrame:
    """Return what changed on each day since the day before (:func:`syriamap.changes.compare`).

    One row per place and day on which its holder or status changed, it was first mapped
    or no longer mapped; ``claims`` are the assertion ids behind the change, ``; ``-joined.
    The first day is compared with ``data.previous`` when it is known. A timeline also
    carries ``valid_from`` (the day) and ``valid_to`` (the day after) for QGIS's Temporal
    Controller.
    """
    import geopandas as gpd
    import pandas as pd

    from ..changes import compare

    event_dates = {aid: rec.get("event_date") for aid, rec in data.assertion_records().items()}
    rows: list[dict[str, Any]] = []
    for k, state in enumerate(data.days):
        before = data.days[k - 1].places if k else data.previous
        if before is None:
            continue
        for change in compare(
            before,
            state.places,
            start=state.date - dt.timedelta(days=1),
            event_dates=event_dates,
        ):
            rows.append(
                {
                    **{f: change.get(f) for f in CHANGE_FIELDS if f in change},
                    "date": state.date.isoformat(),
                    "claims": "; ".join(change["claims"]) or None,
                    "_lon": change["lon"],
                    "_lat": change["lat"],
                }
            )
    frame = pd.DataFrame(
        [{f: r.get(f) for f in CHANGE_FIELDS} for r in rows], columns=CHANGE_FIELDS
    )
    if data.is_timeline:
        # the day of the change as a half-open interval, for QGIS's Temporal Controller
        frame["valid_from"] = frame["date"]
        frame["valid_to"] = [
            (dt.date.fromisoformat(d) + dt.timedelta(days=1)).isoformat() for d in frame["date"]
        ]
    geometry = gpd.points_from_xy([r["_lon"] for r in rows], [r["_lat"] for r in rows])
    return gpd.GeoDataFrame(frame, geometry=geometry, crs="EPSG:4326")


def governorate_fields() -> list[str]:
    """Properties of an exported governorate, in order (the fusion's contract)."""
    from ..fusion.columns import GOVERNORATE_COLUMNS

    return list(GOVERNORATE_COLUMNS)


def governorate_table(day: DayState) -> gpd.GeoDataFrame:
    """One day's governorate summary with every share column present (missing → 0.0)."""
    import geopandas as gpd

    frame = day.governorates
    out = {}
    for name in governorate_fields():
        if name in frame.columns:
            out[name] = frame[name].to_numpy()
        elif name.startswith(("share_", "pop_share_")) or name == "coverage":
            out[name] = [0.0] * len(frame)
        else:
            out[name] = [None] * len(frame)
    table = gpd.GeoDataFrame(out, geometry=frame.geometry.values, crs="EPSG:4326")
    for name in governorate_fields():
        if name.startswith(("share_", "pop_share_")) or name in ("dominant_share", "coverage"):
            table[name] = table[name].astype("float64").fillna(0.0).round(4)
    table["n_places"] = table["n_places"].fillna(0).astype("int64")
    table["dominant_side"] = [
        None if is_missing(v) or not str(v) else str(v) for v in table["dominant_side"]
    ]
    return table
