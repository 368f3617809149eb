"""Fusion: from many claims to one control state per place and date.

:func:`control_at` answers "who controlled each place on date D, according to everything
reported (or, with ``as_reported_by``, everything reported by then)?". Every row carries
the ids of the assertions that support it and of those that contradict it, so every
colour on a map can be traced back to quotes. The rules, in the order they are applied:

1. **Evidence window.** An assertion is evidence for date D if its ``event_date`` is on or
   before D. With ``as_reported_by=R``, only sources published on or before R count (what
   was known then, not what is known now); sources without a publication date are then
   left out. Places missing from the gazetteer cannot be drawn and are left out.

2. **Dates are taken as recorded.** ``event_date`` is the single-day estimate the
   annotation guidelines define (a "last week" claim is dated at the middle of that week,
   an undated claim at its publication date). It is *not* pushed to the latest possible
   day: that would make every vague claim lag. Vagueness instead lowers the claim's weight
   (rule 4), so when claims collide on one day the precise one prevails.

3. **What each relation does** (:data:`RELATION_EFFECT`):
   ``captured`` and ``controls`` *hold* — they make the actor's side the holder;
   ``withdrew`` and ``lost`` *end* — they end that side's hold (and only that side's:
   "the army withdrew" says nothing about a place the army did not hold);
   ``entered`` *enters* and ``contested`` *contests* — they never transfer control, but
   make the place contested (rule 7);
   ``encircled`` and ``advancing`` put *pressure* — the holder stays, with less
   confidence (rule 8).

4. **Every claim has a weight**, the product of (:func:`claim_weight`):
   its stance (:data:`STANCE_WEIGHT`: asserted 1, attributed 0.7, denied 0.6,
   unverified 0.4); the claimant's interest (:func:`interest`, :data:`INTEREST_WEIGHT`:
   a claim *against* the claimant's own side — an army admitting a withdrawal, rebels
   admitting a loss — counts 1.25; a *self-serving* one 0.75; the text itself or a
   neutral monitor 1.0); date precision (:data:`DATE_PRECISION_WEIGHT`, day 1 … year
   0.4); place precision (:data:`PLACE_PRECISION_WEIGHT`, place 1, near 0.7, region 0.5);
   and the assertion's own ``confidence``.

5. **A denial counts against the claim it denies**, with its weight: a denied capture by
   side S counts as evidence that S does *not* hold the place; a denied withdrawal of S as
   evidence that S still does. A denial never makes a holder on its own.

6. **The latest dated evidence wins** (:func:`day_outcome`, :func:`next_state`). Claims
   are pooled per place and day. On each day, each side's *net hold score* is its hold
   weight plus denied ends, minus its end weight and denied holds. The side with the
   highest positive net score, among sides with at least one hold claim that day,
   becomes (or stays) the holder; a tie goes to the side listed first in
   :data:`syriamap.actors.SIDES`. Otherwise, a side whose end claims outweigh its
   support loses its hold if it was the holder (or if nobody held the place yet).
   Days are applied in order, so a later day overrides an earlier one, whatever order
   the assertions arrived in. ``last_change`` is the day the current state began. The
   actor shown is the most weighted actor of the holding side on its latest winning day
   (a named faction before the generic ``opposition`` on a tie).

7. **Entering or contesting makes a place contested.** After the current state began
   (same day included), a non-denied ``entered`` by a rival — a side other than the
   holder's, not an ally (:data:`ALLIES`: Russia, Iran and Hezbollah with the
   government, Turkey with the opposition, the United States with the SDF) — or a
   ``contested`` by anyone sets status ``contested``; ``last_change`` is then the first
   such day. The holder is kept in ``actor`` / ``side``. A place with only such claims
   is contested with no holder. An entry by the holder's own side or an ally supports it.

8. **Pressure lowers confidence.** ``encircled``/``advancing`` by a rival after the
   current state began leave the holder but multiply a ``held`` place's confidence by
   :data:`PRESSURE_FACTOR` and are listed as ``conflicting``. A place with only pressure
   claims is ``unknown`` (no holder) and still listed, so the map can show it.

9. **When the holder leaves and no taker is named** (``withdrew``/``lost`` only), the
   place goes to the rival that was pressing it — the non-allied side with the most
   weight of entered/encircled/advancing/contested/hold claims since the old holder's
   state began (or, if nobody held it, in all the evidence) — as an *inferred* hold
   (``confirmed`` false, confidence times :data:`INFERRED_FACTOR`). With no such rival
   the place is ``unknown``, actor and side empty.

10. **Confidence is 0..1 and explainable** (:func:`combine`): claims are first reduced to
    one per publisher (the strongest), so one outlet repeating itself does not count
    twice while independent publishers that agree do: ``support = 1 − Π(1 − 0.6·w)``
    over publishers of supporting claims, ``doubt`` likewise over contradicting claims,
    and ``confidence = support × (1 − doubt / 2)``, times the factors of rules 8 and 9.
    Only claims made since the current state began are weighed; older ones are history.
    ``confirmed`` is true when the text itself asserts (not only attributes, leaves
    unverified or denies) that the holder's side took or holds the place, and the holder
    is not inferred; a claim that a rival lost the place supports the holder but does not
    confirm it.
    :func:`explain` lists a place's claims with their weights and roles.

:func:`governorate_summary` aggregates the places per governorate (share of places with a
holder and of their population held by each side) and :func:`capitals` reads the 14
governorate capitals (``unknown`` when there is no evidence about one).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import threading
import weakref
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .._types import DateLike, parse_date, parse_optional_date
from ..actors import SIDES
from ._engine import (
    _fuse_prepared,
    _prepare,
    fuse,
)
from .rules import (
    ALLIES,
    CONTROL_COLUMNS,
    DATE_PRECISION_WEIGHT,
    INFERRED_FACTOR,
    INTEREST_WEIGHT,
    PLACE_PRECISION_WEIGHT,
    PRESSURE_FACTOR,
    RELATION_EFFECT,
    STANCE_WEIGHT,
    STATUSES,
    claim_weight,
    combine,
    day_outcome,
    interest,
    next_state,
)

if TYPE_CHECKING:
    import geopandas as gpd
    import pandas as pd

    from ..store import Store

__all__ = [
    "ALLIES",
    "CONTROL_COLUMNS",
    "DATE_PRECISION_WEIGHT",
    "INFERRED_FACTOR",
    "INTEREST_WEIGHT",
    "PLACE_PRECISION_WEIGHT",
    "PRESSURE_FACTOR",
    "RELATION_EFFECT",
    "STANCE_WEIGHT",
    "STATUSES",
    "ControlState",
    "capitals",
    "claim_weight",
    "combine",
    "control_at",
    "control_state",
    "day_outcome",
    "explain",
    "fuse",
    "governorate_summary",
    "interest",
    "next_state",
]


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
        (p.place_id, p.name, p.name_ar, p.kind, p.admin1, p.admin1_iso, p.population, p.lat, p.lon)
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
            "population",
            "lat",
            "lon",
        ],
    )
    return frame.drop_duplicates("place_id").set_index("place_id")


def _canonical(evidence: pd.DataFrame) -> pd.DataFrame:
    """Map place ids through the gazetteer (old ``gn:`` ids redirect); drop unknown ones."""
    from ..errors import UnknownPlaceError
    from ..gazetteer import Gazetteer

    g = Gazetteer.default()
    known = _gazetteer_frame(g).index
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


def _places_frame(place_ids: Iterable[str]) -> pd.DataFrame:
    from ..gazetteer import Gazetteer

    frame = _gazetteer_frame(Gazetteer.default())
    wanted = [p for p in place_ids if p in frame.index]
    return frame.loc[wanted].reset_index()


#: The assertion columns the fusion reads (quotes and notes stay in the store).
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
)


_CACHE: weakref.WeakKeyDictionary[Any, tuple[Any, pd.DataFrame]] = weakref.WeakKeyDictionary()
_CACHE_LOCK = threading.Lock()


def _prepared(store: Store | None, place_ids: Iterable[str] | None = None) -> pd.DataFrame:
    """All of a store's evidence, prepared for the rules; cached until the store changes."""
    the_store = _store(store)
    token = the_store.revision
    with _CACHE_LOCK:
        hit = _CACHE.get(the_store)
    if hit is None or hit[0] != token:
        frame = _canonical(the_store.evidence_frame(columns=EVIDENCE_COLUMNS))
        hit = (token, _prepare(frame))
        with _CACHE_LOCK:
            _CACHE[the_store] = hit
    prepared = hit[1]
    if place_ids is not None:
        prepared = prepared[prepared["place_id"].isin(set(place_ids))]
    return prepared


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
        Only use sources published on or before this day (what was known then).
    store
        The store to read (default: :func:`syriamap.store.open_store`).

    Returns
    -------
    geopandas.GeoDataFrame
        One row per place with evidence, point geometry in EPSG:4326, columns
        :data:`CONTROL_COLUMNS` then ``geometry``; sorted by place_id.

    Raises
    ------
    InvalidDateError
        If a date cannot be parsed.

    See Also
    --------
    fuse : the rules without the gazetteer; explain : one place's claims and weights.
    """
    import geopandas as gpd
    import pandas as pd

    day, reported = _check_dates(date, as_reported_by)
    fused = _fuse_prepared(_prepared(store), day, reported)
    places = _places_frame(fused["place_id"])
    frame = places.merge(fused, on="place_id", how="inner")
    frame["as_of"] = day
    frame["population"] = pd.array(frame["population"], dtype="Int64")
    frame["n_sources"] = frame["n_sources"].astype("int64")
    frame["confidence"] = frame["confidence"].astype("float64")
    frame["confirmed"] = frame["confirmed"].astype(bool)
    geometry = gpd.points_from_xy(
        frame["lon"].astype(float), frame["lat"].astype(float), crs="EPSG:4326"
    )
    out = gpd.GeoDataFrame(frame[list(CONTROL_COLUMNS)], geometry=geometry, crs="EPSG:4326")
    return out.sort_values("place_id").reset_index(drop=True)


@dataclasses.dataclass(frozen=True, slots=True)
class ControlState:
    """The derived control state of one place on one date (a row of :func:`control_at`).

    Examples
    --------
    >>> ControlState("wof:1", "Kanakir", "", "", "contested", 0.6, True,
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
    fused = _fuse_prepared(_prepared(store, [place_id]), day, reported)
    if fused.empty:
        return ControlState(
            place_id, place.name, "", "", "unknown", 0.0, False, day, None, (), (), 0, ()
        )
    r = fused.iloc[0]
    return ControlState(
        place_id,
        place.name,
        r["actor"],
        r["side"],
        r["status"],
        float(r["confidence"]),
        bool(r["confirmed"]),
        day,
        r["last_change"],
        tuple(r["supporting"]),
        tuple(r["conflicting"]),
        int(r["n_sources"]),
        tuple(r["sources"]),
    )


def explain(
    place_id: str,
    date: DateLike,
    *,
    as_reported_by: DateLike | None = None,
    store: Store | None = None,
) -> pd.DataFrame:
    """List one place's claims up to ``date`` with their weight and role in the result.

    Returns
    -------
    pandas.DataFrame
        ``assertion_id, event_date, source_id, publisher, actor, side, relation, stance,
        claimant_side, weight, interest, role`` where role is ``supporting``,
        ``conflicting`` or ``history`` (superseded by later evidence).
    """
    day, reported = _check_dates(date, as_reported_by)
    ev = _prepared(store, [place_id])
    keep = ev["day"] <= day.toordinal() - 719163
    if reported is not None:
        keep &= ev["pub_day"] <= reported.toordinal() - 719163
    ev = ev[keep]
    fused = _fuse_prepared(ev, day)
    sup = set(fused["supporting"].iloc[0]) if len(fused) else set()
    con = set(fused["conflicting"].iloc[0]) if len(fused) else set()
    ev = ev.assign(
        weight=ev["w"].round(4) if len(ev) else [],
        interest=[
            interest(r, s, a, c)
            for r, s, a, c in zip(
                ev["relation"], ev["stance"], ev["side"], ev["claimant_side"], strict=True
            )
        ],
        role=[
            "supporting" if a in sup else "conflicting" if a in con else "history"
            for a in ev["assertion_id"]
        ],
    )
    cols = [
        "assertion_id",
        "event_date",
        "source_id",
        "publisher",
        "actor",
        "side",
        "relation",
        "stance",
        "claimant_side",
        "weight",
        "interest",
        "role",
    ]
    return ev[cols].sort_values(["event_date", "assertion_id"]).reset_index(drop=True)


def governorate_summary(
    date: DateLike,
    *,
    as_reported_by: DateLike | None = None,
    store: Store | None = None,
) -> gpd.GeoDataFrame:
    """Summarise control per governorate.

    Only places with evidence count. ``share_<side>`` is the share of them held (or
    contested while held) by that side. ``pop_share_<side>`` is the share of the
    population they *cover*: a town covers its own population (at least 1 person, so
    unpopulated evidence still counts); a *confirmed* claim about a whole district or
    governorate ("rebels control most of Deraa province", asserted by the text) covers that
    area's population *minus* what finer evidence inside it already covers — the finer
    claim is the more specific one for its own patch, the area claim speaks for the rest.
    An area claim that is only attributed, denied or unverified ("the ministry says its
    forces are present in all of the Damascus countryside") counts as one place, like a
    town without a population: one side's word does not colour a whole province. An
    area's population is the larger of its own record's and the sum of its districts'
    (the sources' governorate figures are sometimes a city's). ``dominant_side`` is the
    side with the largest population share (``""`` when no side holds anything or two
    sides tie), ``dominant_share`` that share.

    Returns
    -------
    geopandas.GeoDataFrame
        ``place_id, name, name_ar, iso, n_places, share_<side>…, pop_share_<side>…,
        dominant_side, dominant_share, geometry`` (polygons, EPSG:4326), one row per
        governorate, sorted by ISO code.
    """
    import geopandas as gpd
    import numpy as np

    from ..boundaries import governorates

    control = control_at(date, as_reported_by=as_reported_by, store=store)
    polygons = governorates()
    control = control[control["admin1_iso"].astype(str) != ""].copy()
    control["pop"] = _covered_population(control)
    grouped = control.groupby("admin1_iso")
    out = polygons[["place_id", "name", "name_ar", "iso", "geometry"]].copy()
    out["n_places"] = out["iso"].map(grouped.size()).fillna(0).astype("int64")
    total_pop = out["iso"].map(grouped["pop"].sum()).fillna(0.0)
    for side in SIDES:
        mine = control[control["side"] == side].groupby("admin1_iso")
        n = out["iso"].map(mine.size()).fillna(0)
        p = out["iso"].map(mine["pop"].sum()).fillna(0.0)
        out[f"share_{side}"] = np.where(out["n_places"] > 0, n / out["n_places"].clip(lower=1), 0.0)
        out[f"pop_share_{side}"] = np.where(total_pop > 0, p / total_pop.clip(lower=1e-9), 0.0)
    pop_cols = [f"pop_share_{s}" for s in SIDES]
    values = out[pop_cols].to_numpy(dtype=float)
    best = values.argmax(axis=1) if len(out) else np.array([], dtype=int)
    top = values.max(axis=1) if len(out) else np.array([])
    # A tie (e.g. one unpopulated place each) has no leading side.
    tied = (np.isclose(values, top[:, None]).sum(axis=1) > 1) if len(out) else top
    out["dominant_side"] = [
        SIDES[i] if v > 0 and not tie else "" for i, v, tie in zip(best, top, tied, strict=True)
    ]
    out["dominant_share"] = top.round(4) if len(out) else top
    cols = [
        "place_id",
        "name",
        "name_ar",
        "iso",
        "n_places",
        *[f"share_{s}" for s in SIDES],
        *pop_cols,
        "dominant_side",
        "dominant_share",
        "geometry",
    ]
    result = gpd.GeoDataFrame(out[cols], geometry="geometry", crs=polygons.crs or "EPSG:4326")
    return result.sort_values("iso").reset_index(drop=True)


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
        ``capital, governorate, iso, place_id, actor, side, status, confidence``, sorted by
        ISO code; ``status`` is ``unknown`` (actor and side empty, confidence 0) for a
        capital without evidence.
    """
    import pandas as pd

    from ..gazetteer import Gazetteer

    g = Gazetteer.default()
    day, reported = _check_dates(date, as_reported_by)
    caps = g.capitals()
    evidence = _prepared(store, [p.place_id for p in caps.values()])
    fused = _fuse_prepared(evidence, day, reported).set_index("place_id")
    govs = {p.admin1_iso: p.name for p in g.governorates()}
    records = []
    for iso, place in caps.items():
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
            }
        )
    return pd.DataFrame.from_records(
        records,
        columns=[
            "capital",
            "governorate",
            "iso",
            "place_id",
            "actor",
            "side",
            "status",
            "confidence",
        ],
    )
