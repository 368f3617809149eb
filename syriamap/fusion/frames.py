"""The fusion's public readings: control_at, control_state, explain, capitals, summaries.

Each reading fits the model of :mod:`syriamap.fusion.model` once per store revision and
``as_reported_by`` date (cached), then reads any day from it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import math
import threading
import weakref
from typing import TYPE_CHECKING, Any

from .._types import DateLike, parse_date, parse_optional_date
from ..actors import SIDES
from . import model
from .columns import (
    CAPITAL_COLUMNS,
    CONTROL_COLUMNS,
    EXPLAIN_COLUMNS,
    FUSED_COLUMNS,
    GOVERNORATE_COLUMNS,
)
from .rules import NOBODY, PRIOR, STATES

if TYPE_CHECKING:
    import geopandas as gpd
    import pandas as pd

    from ..store import Store


def _store(store: Store | None) -> Store:
    from ..store import open_store

    return store if store is not None else open_store()


def _check_dates(date: DateLike, as_reported_by: DateLike | None) -> tuple[dt.date, dt.date | None]:
    day = parse_date(date, what="date")
    reported = parse_optional_date(as_reported_by, what="as_reported_by")
    return day, reported


@functools.lru_cache(maxsize=2)
def _gazetteer_frame(gazetteer: Any) -> pd.DataFrame:
    """Every place of a gazetteer as a frame indexed by place_id (built once)."""
    import pandas as pd

    records = [
        (
            p.place_id,
            p.name,
            p.name_ar,
            p.kind,
            p.admin1,
            p.admin1_iso,
            p.admin2_id,
            p.population,
            p.lat,
            p.lon,
        )
        for p in gazetteer
    ]
    frame = pd.DataFrame.from_records(
        records,
        columns=[
            "place_id",
            "name",
            "name_ar",
            "kind",
            "admin1",
            "admin1_iso",
            "admin2_id",
            "population",
            "lat",
            "lon",
        ],
    )
    return frame.drop_duplicates("place_id").set_index("place_id")


def _places() -> pd.DataFrame:
    from ..gazetteer import Gazetteer

    return _gazetteer_frame(Gazetteer.default())


def _canonical(evidence: pd.DataFrame) -> pd.DataFrame:
    """Map place ids through the gazetteer (old ``gn:`` ids redirect); drop unknown ones."""
    from ..errors import UnknownPlaceError
    from ..gazetteer import Gazetteer

    g = Gazetteer.default()
    known = _places().index
    ids = evidence["place_id"].unique()
    odd = [pid for pid in ids if pid not in known]
    if not odd:
        return evidence
    mapping: dict[str, str | None] = {}
    for pid in odd:
        try:
            mapping[pid] = g.get(pid).place_id
        except UnknownPlaceError:
            mapping[pid] = None
    place = evidence["place_id"].map(lambda pid: mapping.get(pid, pid))
    out = evidence.assign(place_id=place)
    return out[out["place_id"].notna()]


#: The assertion columns the fusion reads (quotes stay in the store; the note only for
#: :data:`syriamap.assertions.PARTIAL_AREA_NOTE`).
EVIDENCE_COLUMNS: tuple[str, ...] = (
    "assertion_id",
    "source_id",
    "place_id",
    "actor",
    "relation",
    "stance",
    "claimant_side",
    "event_date",
    "date_precision",
    "place_precision",
    "confidence",
    "note",
)


@dataclasses.dataclass
class _Prepared:
    token: Any
    claims: pd.DataFrame
    fits: dict[Any, model.Fit]


_CACHE: weakref.WeakKeyDictionary[Any, _Prepared] = weakref.WeakKeyDictionary()
_CACHE_LOCK = threading.Lock()


def _prepared(store: Store | None) -> _Prepared:
    """All of a store's claims, prepared for the model; cached until the store changes."""
    the_store = _store(store)
    token = the_store.revision
    with _CACHE_LOCK:
        hit = _CACHE.get(the_store)
    if hit is None or hit.token != token:
        frame = _canonical(the_store.evidence_frame(columns=EVIDENCE_COLUMNS))
        hit = _Prepared(token, model.prepare(frame, _places()), {})
        with _CACHE_LOCK:
            _CACHE[the_store] = hit
    return hit


def _fit(store: Store | None, reported: dt.date | None) -> model.Fit:
    """Return the fitted model of one reading: all (hindsight) or sources published by R."""
    prep = _prepared(store)
    with _CACHE_LOCK:
        hit = prep.fits.get(reported)
    if hit is not None:
        return hit
    claims = prep.claims
    n_places = int(claims["pc"].max()) + 1 if len(claims) else 0
    if reported is not None:
        limit = float(reported.toordinal() - model.EPOCH)
        claims = claims[claims["pub_day"].to_numpy() <= limit]
    fitted = model.fit(claims, _places(), n_places)
    with _CACHE_LOCK:
        if len(prep.fits) >= 16:
            prep.fits.pop(next(iter(prep.fits)))
        prep.fits[reported] = fitted
    return fitted


def _fused(store: Store | None, day: dt.date, reported: dt.date | None) -> pd.DataFrame:
    """Return the state of every listed place on ``day`` (cached per fitted reading)."""
    fitted = _fit(store, reported)
    days = fitted.cache.setdefault("days", {})
    with _CACHE_LOCK:
        hit = days.get(day)
    if hit is None:
        hit = model.state_at(fitted, day)
        with _CACHE_LOCK:
            if len(days) >= 64:
                days.pop(next(iter(days)))
            days[day] = hit
    return hit.copy()


def fuse(evidence: pd.DataFrame, date: DateLike) -> pd.DataFrame:
    """Apply the model to an evidence frame, with hindsight over all of it.

    Parameters
    ----------
    evidence
        Assertion rows with ``publisher`` and ``published`` (as
        :meth:`syriamap.store.Store.evidence_frame` returns them).
    date
        The day to describe.

    Returns
    -------
    pandas.DataFrame
        One row per place with a claim dated on or before ``date``:
        :data:`~syriamap.fusion.columns.FUSED_COLUMNS`, sorted by place_id.
    """
    import pandas as pd

    day = parse_date(date)
    if evidence.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in FUSED_COLUMNS})
    claims = model.prepare(_canonical(evidence), _places())
    fitted = model.fit(claims, _places(), int(claims["pc"].max()) + 1)
    return model.state_at(fitted, day)


def control_at(
    date: DateLike,
    *,
    as_reported_by: DateLike | None = None,
    store: Store | None = None,
) -> gpd.GeoDataFrame:
    """Return who controls each place with evidence on ``date``.

    Parameters
    ----------
    date
        The day to map.
    as_reported_by
        Only use sources published on or before this day (what was known then). Without
        it, every claim counts, including later reports about earlier days (hindsight).
    store
        The store to read (default: :func:`syriamap.store.open_store`).

    Returns
    -------
    geopandas.GeoDataFrame
        One row per place with a claim dated on or before ``date`` (the country itself
        excepted: a claim about all of Syria shows in the rows of the places it speaks
        for), point geometry in EPSG:4326, columns :data:`CONTROL_COLUMNS` then
        ``geometry``; sorted by place_id.

    Raises
    ------
    InvalidDateError
        If a date cannot be parsed.

    See Also
    --------
    explain : one place's claims, their log-likelihood ratios and the posterior.
    """
    day, reported = _check_dates(date, as_reported_by)
    with model.no_gc():
        return _control_frame(_fused(store, day, reported), day)


@functools.cache
def _place_arrays() -> dict[str, Any]:
    """Return the gazetteer columns control_at shows, as plain arrays (built once)."""
    places = _places()
    out: dict[str, Any] = {"place_id": places.index.to_numpy(dtype=object)}
    for column in ("name", "name_ar", "kind", "admin1", "admin1_iso"):
        out[column] = places[column].to_numpy(dtype=object)
    out["population"] = places["population"].to_numpy(dtype=object)
    out["lat"] = places["lat"].to_numpy(dtype=float)
    out["lon"] = places["lon"].to_numpy(dtype=float)
    out["_row"] = {pid: i for i, pid in enumerate(out["place_id"].tolist())}
    return out


def _control_frame(fused: pd.DataFrame, day: dt.date) -> gpd.GeoDataFrame:
    import geopandas as gpd
    import numpy as np
    import pandas as pd

    arrays = _place_arrays()
    rows = arrays["_row"]
    at = np.array([rows.get(p, -1) for p in fused["place_id"].tolist()], dtype=np.int64)
    keep = at >= 0
    # the country itself is no place on the map: its claims (a collapse) speak through
    # the places inside it, whose rows list them
    keep[keep] = arrays["kind"][at[keep]] != "country"
    at = at[keep]
    order = np.argsort(arrays["place_id"][at], kind="stable")
    at = at[order]
    picked = np.flatnonzero(keep)[order]
    data: dict[str, Any] = {}
    for column in CONTROL_COLUMNS:
        if column in arrays:
            data[column] = arrays[column][at]
        elif column == "as_of":
            data[column] = np.full(len(at), day, dtype=object)
        elif column in ("supporting", "conflicting", "sources"):  # the caller's own lists
            values = fused[column].to_numpy(dtype=object)[picked]
            data[column] = pd.Series([list(ids) for ids in values], dtype=object)
        else:
            data[column] = fused[column].to_numpy()[picked]
    data["population"] = pd.array(data["population"], dtype="Int64")
    data["n_sources"] = np.asarray(data["n_sources"], dtype=np.int64)
    data["confidence"] = np.asarray(data["confidence"], dtype=np.float64)
    data["confirmed"] = np.asarray(data["confirmed"], dtype=bool)
    data["disputed"] = np.asarray(data["disputed"], dtype=bool)
    geometry = gpd.points_from_xy(arrays["lon"][at], arrays["lat"][at], crs="EPSG:4326")
    return gpd.GeoDataFrame(data, geometry=geometry, crs="EPSG:4326")


@dataclasses.dataclass(frozen=True, slots=True)
class ControlState:
    """The derived control state of one place on one date (a row of :func:`control_at`).

    Examples
    --------
    >>> ControlState("wof:1", "Kanakir", "", "", "contested", 0.6, False, False,
    ...              dt.date(2024, 12, 7), dt.date(2024, 12, 7), ("a1",), (), 1, ("s0",))
    <ControlState wof:1 Kanakir contested (no holder) 0.60 on 2024-12-07>
    """

    place_id: str
    name: str
    actor: str
    side: str
    status: str
    confidence: float
    confirmed: bool
    disputed: bool
    as_of: dt.date
    last_change: dt.date | None
    supporting: tuple[str, ...]
    conflicting: tuple[str, ...]
    n_sources: int
    sources: tuple[str, ...]

    @property
    def held(self) -> bool:
        """Whether a side holds the place (``held``)."""
        return self.status == "held"

    def __repr__(self) -> str:
        who = f"{self.actor} ({self.side})" if self.side else "(no holder)"
        return (
            f"<ControlState {self.place_id} {self.name} {self.status} {who} "
            f"{self.confidence:.2f} on {self.as_of.isoformat()}>"
        )

    def _repr_html_(self) -> str:
        import html

        cells = "".join(
            f"<tr><th style='text-align:left'>{html.escape(f.name)}</th>"
            f"<td style='text-align:left'>{html.escape(str(getattr(self, f.name)))}</td></tr>"
            for f in dataclasses.fields(self)
        )
        return f"<table>{cells}</table>"


def control_state(
    place_id: str,
    date: DateLike,
    *,
    as_reported_by: DateLike | None = None,
    store: Store | None = None,
) -> ControlState:
    """Return the :class:`ControlState` of one place (``unknown`` without evidence).

    Raises
    ------
    UnknownPlaceError
        If the gazetteer has no such place id.
    """
    from ..gazetteer import Gazetteer

    place = Gazetteer.default().get(place_id)
    day, reported = _check_dates(date, as_reported_by)
    fused = _fused(store, day, reported)
    rows = fused[fused["place_id"] == place.place_id]
    if rows.empty:
        return ControlState(
            place.place_id,
            place.name,
            "",
            "",
            "unknown",
            0.0,
            False,
            False,
            day,
            None,
            (),
            (),
            0,
            (),
        )
    r = rows.iloc[0]
    return ControlState(
        place.place_id,
        place.name,
        r["actor"],
        r["side"],
        r["status"],
        float(r["confidence"]),
        bool(r["confirmed"]),
        bool(r["disputed"]),
        day,
        r["last_change"],
        tuple(r["supporting"]),
        tuple(r["conflicting"]),
        int(r["n_sources"]),
        tuple(r["sources"]),
    )


def _place_code(fitted: model.Fit, place_id: str) -> int | None:
    hit = fitted.claims.index[fitted.claims["place_id"] == place_id]
    return int(fitted.claims.loc[hit[0], "pc"]) if len(hit) else None


def posterior(
    place_id: str,
    start: DateLike,
    end: DateLike,
    *,
    as_reported_by: DateLike | None = None,
    store: Store | None = None,
) -> pd.DataFrame:
    """Return a place's posterior over holders, day by day from ``start`` to ``end``.

    Returns
    -------
    pandas.DataFrame
        One row per day (``date``), one column per state (the sides and ``nobody``),
        rows summing to 1; the prior where the place has no evidence.
    """
    import numpy as np
    import pandas as pd

    first, _ = _check_dates(start, None)
    last, reported = _check_dates(end, as_reported_by)
    fitted = _fit(store, reported)
    code = _place_code(fitted, _canonical_id(place_id))
    days = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
    rows = []
    for d in days:
        if code is None:
            p = model._prior_vector()
        else:
            p = model.posterior(fitted, np.array([code]), float(d.toordinal() - model.EPOCH))[0]
        rows.append(p)
    frame = pd.DataFrame(np.array(rows).reshape(len(days), len(STATES)), columns=list(STATES))
    frame.insert(0, "date", days)
    return frame.round(4)


def _canonical_id(place_id: str) -> str:
    from ..gazetteer import Gazetteer

    return Gazetteer.default().get(place_id).place_id


def explain(
    place_id: str,
    date: DateLike,
    *,
    as_reported_by: DateLike | None = None,
    store: Store | None = None,
) -> pd.DataFrame:
    """List one place's claims with their weight and contribution to the result.

    ``llr`` is each claim's contribution to the log-odds of the state shown (the holder,
    or the likeliest side when none is named) on ``date``: the log-odds with every claim
    minus the log-odds without this one. Positive claims pushed towards it, negative ones
    away; 0 for a claim whose voice said the same more strongly (rule 5). ``role`` is
    ``supporting``,
    ``conflicting``, ``history`` (outside the current state's run) or ``ignored`` (an
    outside actor's claim outside the areas where the data lets it hold anything).
    The frame's ``attrs`` hold ``prior`` and ``posterior`` (dicts over the states),
    ``holder`` and ``status``.

    Returns
    -------
    pandas.DataFrame
        :data:`~syriamap.fusion.columns.EXPLAIN_COLUMNS`, sorted by event date and id.
    """
    import numpy as np
    import pandas as pd

    day, reported = _check_dates(date, as_reported_by)
    fitted = _fit(store, reported)
    pid = _canonical_id(place_id)
    code = _place_code(fitted, pid)
    d = float(day.toordinal() - model.EPOCH)
    prior = model._prior_vector()
    if code is None:
        empty = pd.DataFrame({c: pd.Series(dtype=object) for c in EXPLAIN_COLUMNS})
        empty.attrs.update(
            prior=dict(zip(STATES, prior.round(4).tolist(), strict=True)),
            posterior=dict(zip(STATES, prior.round(4).tolist(), strict=True)),
            holder="",
            status="unknown",
        )
        return empty
    post = model.posterior(fitted, np.array([code]), d)[0]
    state = model.state_at(fitted, day)
    row = state[state["place_id"] == pid]
    sup = set(row["supporting"].iloc[0]) if len(row) else set()
    con = set(row["conflicting"].iloc[0]) if len(row) else set()
    real = post[: STATES.index(NOBODY)]
    target = int(real.argmax())
    table = model.roles(fitted)
    claims = table[table["pc"] == code]
    evidence = fitted.evidence
    evidence = evidence[evidence["pc"] == code] if len(evidence) else evidence
    # each claim's contribution: the log-odds of the state shown with it, minus without it
    shown = target
    full = model.place_posterior(evidence, d)

    def logit(p: np.ndarray) -> float:
        q = min(max(float(p[shown]), 1e-12), 1 - 1e-12)
        return math.log(q / (1 - q))

    base = logit(full)
    llr = []
    for i in claims.index:
        mine = (evidence["claim"] == i).to_numpy() if len(evidence) else np.zeros(0, bool)
        if not mine.any():
            llr.append(0.0)  # pooled away: its voice said the same more strongly
            continue
        llr.append(round(base - logit(model.place_posterior(evidence[~mine], d)), 4))
    out = claims.assign(
        weight=claims["w"].round(4),
        llr=llr,
        role=[
            "ignored"
            if not s
            else "supporting"
            if a in sup
            else "conflicting"
            if a in con
            else "history"
            for a, s in zip(claims["assertion_id"], claims["side"], strict=True)
        ],
    )
    out = out[list(EXPLAIN_COLUMNS)].sort_values(["event_date", "assertion_id"])
    out = out.reset_index(drop=True)
    out.attrs.update(
        prior=dict(zip(STATES, prior.round(4).tolist(), strict=True)),
        posterior=dict(zip(STATES, post.round(4).tolist(), strict=True)),
        holder=row["side"].iloc[0] if len(row) else "",
        status=row["status"].iloc[0] if len(row) else "unknown",
    )
    return out


def governorate_summary(
    date: DateLike,
    *,
    as_reported_by: DateLike | None = None,
    store: Store | None = None,
) -> gpd.GeoDataFrame:
    """Summarise control per governorate, as strongly as the evidence allows.

    Only places with evidence count, each weighed by its confidence (the posterior of
    its holder). ``share_<side>`` is the confidence-weighted share of the evidenced places
    held by that side. ``pop_share_<side>`` is the confidence-weighted share of the
    population they *cover*: a town covers its own population (at least 1 person); a
    *confirmed* claim about a whole district or governorate covers that area's
    population minus what finer evidence inside it already covers. An area claim that is
    only attributed, denied or unverified counts as one place: one side's word does not
    colour a whole province; nor does a claim about part of it (rule 4, "several towns
    in Homs province"), which confirms no hold of the area. ``coverage`` is the share of
    the governorate's population that evidence covers (0..1). ``dominant_side`` is the
    side with the largest population share (``""`` when no side holds anything or two
    sides tie), and ``dominant_share`` is that share *times the coverage*: how much of the whole
    governorate the evidence says that side holds, the number the map's shading follows.

    Returns
    -------
    geopandas.GeoDataFrame
        :data:`~syriamap.fusion.columns.GOVERNORATE_COLUMNS` and ``geometry`` (polygons,
        EPSG:4326), one row per governorate, sorted by ISO code.
    """
    import geopandas as gpd
    import numpy as np

    from ..boundaries import governorates

    control = control_at(date, as_reported_by=as_reported_by, store=store)
    polygons = governorates()
    control = control[control["admin1_iso"].astype(str) != ""].copy()
    control["pop"] = _covered_population(control)
    control["held_conf"] = np.where(control["side"] != "", control["confidence"], 0.0)
    grouped = control.groupby("admin1_iso")
    out = polygons[["place_id", "name", "name_ar", "iso", "geometry"]].copy()
    out["n_places"] = out["iso"].map(grouped.size()).fillna(0).astype("int64")
    total_pop = out["iso"].map(grouped["pop"].sum()).fillna(0.0)
    gov_pop = out["iso"].map(_governorate_population()).fillna(0.0)
    out["coverage"] = np.where(
        gov_pop > 0, np.minimum(1.0, total_pop / gov_pop.clip(lower=1.0)), 0.0
    ).round(4)
    for side in SIDES:
        mine = control[control["side"] == side]
        g = mine.groupby("admin1_iso")
        n = out["iso"].map(g["held_conf"].sum()).fillna(0.0)
        p = out["iso"].map((mine["pop"] * mine["held_conf"]).groupby(mine["admin1_iso"]).sum())
        p = p.fillna(0.0)
        out[f"share_{side}"] = np.where(
            out["n_places"] > 0, n / out["n_places"].clip(lower=1), 0.0
        ).round(4)
        out[f"pop_share_{side}"] = np.where(
            total_pop > 0, p / total_pop.clip(lower=1e-9), 0.0
        ).round(4)
    pop_cols = [f"pop_share_{s}" for s in SIDES]
    values = out[pop_cols].to_numpy(dtype=float)
    best = values.argmax(axis=1) if len(out) else np.array([], dtype=int)
    top = values.max(axis=1) if len(out) else np.array([])
    tied = (np.isclose(values, top[:, None]).sum(axis=1) > 1) if len(out) else top
    out["dominant_side"] = [
        SIDES[i] if v > 0 and not tie else "" for i, v, tie in zip(best, top, tied, strict=True)
    ]
    out["dominant_share"] = (
        np.where(out["dominant_side"] != "", top * out["coverage"].to_numpy(), 0.0).round(4)
        if len(out)
        else top
    )
    result = gpd.GeoDataFrame(
        out[[*GOVERNORATE_COLUMNS, "geometry"]],
        geometry="geometry",
        crs=polygons.crs or "EPSG:4326",
    )
    return result.sort_values("iso").reset_index(drop=True)


@functools.cache
def _governorate_population() -> dict[str, float]:
    """Each governorate's population: its record's, or its districts' sum if larger."""
    from ..gazetteer import Gazetteer

    own: dict[str, float] = {}
    districts: dict[str, float] = {}
    for place in Gazetteer.default():
        if not place.admin1_iso:
            continue
        if place.kind == "governorate":
            own[place.admin1_iso] = float(place.population or 0)
        elif place.kind == "district":
            districts[place.admin1_iso] = districts.get(place.admin1_iso, 0.0) + float(
                place.population or 0
            )
    return {iso: max(own.get(iso, 0.0), districts.get(iso, 0.0)) for iso in {*own, *districts}}


def _covered_population(control: pd.DataFrame) -> pd.Series:
    """Return the population each evidenced place stands for (see governorate_summary)."""
    import pandas as pd

    from ..gazetteer import Gazetteer

    g = Gazetteer.default()
    district_pop: dict[str, float] = {}
    for place in g:
        if place.kind == "district" and place.admin1_iso:
            district_pop[place.admin1_iso] = district_pop.get(place.admin1_iso, 0.0) + float(
                place.population or 0
            )
    own = control["population"].astype("Float64").fillna(0).astype(float)
    area_pop = own.copy()
    is_gov = (control["kind"] == "governorate").to_numpy()
    area_pop[is_gov] = [
        max(own_pop, district_pop.get(iso, 0.0))
        for own_pop, iso in zip(own[is_gov], control.loc[is_gov, "admin1_iso"], strict=True)
    ]
    admin2 = control["place_id"].map(lambda pid: g.get(pid).admin2_id or "")
    is_district = (control["kind"] == "district").to_numpy()
    is_point = ~(is_gov | is_district)
    covered = area_pop.clip(lower=1.0)
    # Only confirmed area claims speak for the rest of their area.
    vouched = control["confirmed"].astype(bool).to_numpy()
    covered[(is_gov | is_district) & ~vouched] = 1.0
    is_gov = is_gov & vouched
    is_district = is_district & vouched
    point_pop = covered[is_point]
    # A district claim speaks for the district minus the places evidenced inside it.
    districts = set(control.loc[is_district, "place_id"])
    inside = point_pop.groupby(admin2[is_point]).sum()
    covered[is_district] = [
        max(1.0, pop - inside.get(pid, 0.0))
        for pop, pid in zip(
            area_pop[is_district], control.loc[is_district, "place_id"], strict=True
        )
    ]
    # A governorate claim speaks for the governorate minus everything finer in it.
    loose_points = is_point & ~admin2.isin(districts).to_numpy()
    finer = pd.concat([covered[is_district], covered[loose_points]])
    finer_by_gov = finer.groupby(control["admin1_iso"][finer.index]).sum()
    covered[is_gov] = [
        max(1.0, pop - finer_by_gov.get(iso, 0.0))
        for pop, iso in zip(area_pop[is_gov], control.loc[is_gov, "admin1_iso"], strict=True)
    ]
    return covered


def capitals(
    date: DateLike,
    *,
    as_reported_by: DateLike | None = None,
    store: Store | None = None,
) -> pd.DataFrame:
    """Return the controller of each of the 14 governorate capitals on ``date``.

    Returns
    -------
    pandas.DataFrame
        :data:`~syriamap.fusion.columns.CAPITAL_COLUMNS`, sorted by ISO code; ``status``
        is ``unknown`` (actor and side empty, confidence 0) for a capital without evidence.
    """
    import pandas as pd

    from ..gazetteer import Gazetteer

    g = Gazetteer.default()
    day, reported = _check_dates(date, as_reported_by)
    fused = _fused(store, day, reported).set_index("place_id")
    govs = {p.admin1_iso: p.name for p in g.governorates()}
    records = []
    for iso, place in g.capitals().items():
        known = place.place_id in fused.index
        r: Any = fused.loc[place.place_id] if known else {}
        records.append(
            {
                "capital": place.name,
                "governorate": govs.get(iso, place.admin1),
                "iso": iso,
                "place_id": place.place_id,
                "actor": r["actor"] if known else "",
                "side": r["side"] if known else "",
                "status": r["status"] if known else "unknown",
                "confidence": float(r["confidence"]) if known else 0.0,
                "disputed": bool(r["disputed"]) if known else False,
            }
        )
    return pd.DataFrame.from_records(records, columns=list(CAPITAL_COLUMNS))


def prior() -> dict[str, float]:
    """Return the prior over holders (normalised :data:`~syriamap.fusion.rules.PRIOR`)."""
    total = sum(PRIOR.values())
    return {s: PRIOR[s] / total for s in STATES}


__all__ = [
    "ControlState",
    "capitals",
    "control_at",
    "control_state",
    "explain",
    "fuse",
    "governorate_summary",
    "posterior",
    "prior",
]
