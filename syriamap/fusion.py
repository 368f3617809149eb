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
    ``confirmed`` is true when a supporting claim is asserted by the text itself (not
    only attributed, unverified or denied) and the holder is not inferred.
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
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from ._types import DateLike, parse_date, parse_optional_date
from .actors import SIDES, actors
from .assertions import DatePrecision, PlacePrecision, Relation, Stance

if TYPE_CHECKING:
    import geopandas as gpd
    import numpy as np
    import pandas as pd

    from .store import Store

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

# -- rule tables ---------------------------------------------------------------------------

STATUSES: tuple[str, ...] = ("held", "contested", "unknown")

#: Rule 3: what a relation does to control.
RELATION_EFFECT: Mapping[str, str] = {
    Relation.CAPTURED: "hold",
    Relation.CONTROLS: "hold",
    Relation.WITHDREW: "end",
    Relation.LOST: "end",
    Relation.ENTERED: "enter",
    Relation.CONTESTED: "contest",
    Relation.ENCIRCLED: "pressure",
    Relation.ADVANCING: "pressure",
}

#: Rule 4: how much a claim counts, by the way the text presents it.
STANCE_WEIGHT: Mapping[str, float] = {
    Stance.ASSERTED: 1.0,
    Stance.ATTRIBUTED: 0.7,
    Stance.DENIED: 0.6,
    Stance.UNVERIFIED: 0.4,
}

#: Rule 4: claims against the claimant's own interest count more than self-serving ones.
INTEREST_WEIGHT: Mapping[str, float] = {"against": 1.25, "neutral": 1.0, "self_serving": 0.75}

#: Rule 4: vaguer dates count less.
DATE_PRECISION_WEIGHT: Mapping[str, float] = {
    DatePrecision.DAY: 1.0,
    DatePrecision.DAYS: 0.95,
    DatePrecision.PUBLISHED: 0.9,
    DatePrecision.WEEK: 0.8,
    DatePrecision.MONTH: 0.6,
    DatePrecision.YEAR: 0.4,
}

#: Rule 4: claims about a place's surroundings or region say less about the place itself.
PLACE_PRECISION_WEIGHT: Mapping[str, float] = {
    PlacePrecision.PLACE: 1.0,
    PlacePrecision.NEAR: 0.7,
    PlacePrecision.REGION: 0.5,
}

#: Rule 7: actors fighting alongside another side: their entries do not contest it.
ALLIES: Mapping[str, str] = {
    "russia": "government",
    "iran": "government",
    "hezbollah": "government",
    "turkey": "opposition",
    "united_states": "sdf",
}

#: Rule 8: confidence factor when a rival presses the holder.
PRESSURE_FACTOR = 0.8
#: Rule 9: confidence factor of a hold inferred from a withdrawal plus rival pressure.
INFERRED_FACTOR = 0.5
#: Rule 10: probability one fully weighted claim from one publisher is right.
BASE_BELIEF = 0.6

CONTROL_COLUMNS: tuple[str, ...] = (
    "place_id", "name", "name_ar", "kind", "admin1", "admin1_iso", "population", "actor",
    "side", "status", "confidence", "confirmed", "as_of", "last_change", "supporting",
    "conflicting", "n_sources", "sources",
)
"""The columns of :func:`control_at` (``geometry`` comes last)."""

_FUSED_COLUMNS = ("place_id", "actor", "side", "status", "confidence", "confirmed",
                  "last_change", "supporting", "conflicting", "n_sources", "sources")


# -- rule functions ------------------------------------------------------------------------

def interest(relation: str, stance: str, actor_side: str, claimant_side: str) -> str:
    """Classify a claim by the claimant's interest (rule 4).

    A claim is *favourable* to the actor when it says the actor holds, takes, enters,
    contests or presses the place; ``withdrew``/``lost`` are unfavourable; a denial
    flips this. A claimant of the actor's side making a favourable claim is
    ``self_serving``, an unfavourable one is ``against`` its interest; a claimant of
    another side the other way round; the text itself (``""``) and ``neutral`` claimants
    are ``neutral``.

    Examples
    --------
    >>> interest("withdrew", "asserted", "government", "government")  # the army admits it
    'against'
    >>> interest("withdrew", "denied", "government", "government")    # the army denies it
    'self_serving'
    >>> interest("captured", "attributed", "opposition", "opposition")
    'self_serving'
    >>> interest("captured", "asserted", "opposition", "")
    'neutral'
    """
    if claimant_side in ("", "neutral"):
        return "neutral"
    favourable = RELATION_EFFECT[Relation(relation)] != "end"
    if Stance(stance) is Stance.DENIED:
        favourable = not favourable
    own = claimant_side == actor_side
    return ("self_serving" if favourable else "against") if own else \
        ("against" if favourable else "self_serving")


def claim_weight(
    relation: str,
    stance: str,
    actor_side: str,
    claimant_side: str,
    date_precision: str = "day",
    place_precision: str = "place",
    confidence: float = 1.0,
) -> float:
    """Return the weight of one claim (rule 4).

    Examples
    --------
    >>> claim_weight("captured", "asserted", "opposition", "")
    1.0
    >>> claim_weight("withdrew", "attributed", "government", "government")  # 0.7 × 1.25
    0.875
    """
    return (
        STANCE_WEIGHT[Stance(stance)]
        * INTEREST_WEIGHT[interest(relation, stance, actor_side, claimant_side)]
        * DATE_PRECISION_WEIGHT[DatePrecision(date_precision)]
        * PLACE_PRECISION_WEIGHT[PlacePrecision(place_precision)]
        * float(confidence)
    )


@dataclasses.dataclass(frozen=True, slots=True)
class _SideDay:
    """One side's pooled claims about one place on one day (weights per kind)."""

    side: str
    hold: float = 0.0
    end: float = 0.0
    denied_hold: float = 0.0
    denied_end: float = 0.0
    actor: str = ""


def day_outcome(sides: Iterable[_SideDay]) -> tuple[str | None, frozenset[str]]:
    """Pool one day's hold/end claims about a place (rules 5 and 6).

    Returns
    -------
    (winner, ended)
        The side that holds after this day's claims (or ``None``) and the sides whose
        end claims outweigh their support.

    Examples
    --------
    >>> day_outcome([_SideDay("opposition", hold=1.0), _SideDay("government", end=0.9)])
    ('opposition', frozenset({'government'}))
    >>> day_outcome([_SideDay("government", hold=0.5, denied_end=0.4),
    ...              _SideDay("opposition", hold=0.8)])
    ('government', frozenset())
    """
    best: str | None = None
    best_net = 0.0
    ended: set[str] = set()
    order = {s: i for i, s in enumerate(SIDES)}
    for s in sorted(sides, key=lambda s: order.get(s.side, len(order))):
        net = round(s.hold + s.denied_end - s.end - s.denied_hold, 9)
        if s.hold > 0 and net > best_net:
            best, best_net = s.side, net
        if s.end > 0 and net < 0:
            ended.add(s.side)
    return best, frozenset(ended)


@dataclasses.dataclass(frozen=True, slots=True)
class _State:
    """The running state of one place while its days are applied in order."""

    holder: str | None = None
    actor: str = ""
    start: int | None = None  # day the current state began
    ended: frozenset[str] = frozenset()  # sides whose hold ended (holder is None)
    prev_start: int | None = None  # start of the hold that ended


def next_state(state: _State, day: int, winner: str | None, actor: str,
               ended: frozenset[str]) -> _State:
    """Apply one day's outcome to a place's state (rule 6).

    Examples
    --------
    >>> s = next_state(_State(), 1, "government", "government", frozenset())
    >>> s = next_state(s, 5, None, "", frozenset({"sdf"}))       # not the holder: no effect
    >>> (s.holder, s.start)
    ('government', 1)
    >>> s = next_state(s, 7, None, "", frozenset({"government"}))
    >>> (s.holder, s.start, s.ended, s.prev_start)
    (None, 7, frozenset({'government'}), 1)
    """
    if winner is not None:
        if winner == state.holder:
            return dataclasses.replace(state, actor=actor or state.actor)
        return _State(holder=winner, actor=actor, start=day)
    if ended and (state.holder is None or state.holder in ended):
        if state.holder is None and state.ended:
            return dataclasses.replace(state, ended=state.ended | ended)
        return _State(holder=None, start=day, ended=ended, prev_start=state.start)
    return state


def combine(support: Iterable[float], doubt: Iterable[float] = ()) -> float:
    """Turn per-publisher weights into a confidence in 0..1 (rule 10).

    Examples
    --------
    >>> round(combine([1.0]), 3)                 # one publisher asserts it
    0.6
    >>> round(combine([1.0, 1.0]), 3)            # two independent publishers agree
    0.84
    >>> round(combine([1.0, 1.0], [1.0]), 3)     # ... and one contradicts them
    0.588
    """
    def noisy_or(weights: Iterable[float]) -> float:
        miss = 1.0
        for w in weights:
            miss *= 1.0 - min(0.95, BASE_BELIEF * max(0.0, w))
        return 1.0 - miss

    return max(0.0, min(1.0, noisy_or(support) * (1.0 - noisy_or(doubt) / 2.0)))


# -- the fusion itself ---------------------------------------------------------------------

_EFFECT = {str(k): v for k, v in RELATION_EFFECT.items()}
_SIDE_INDEX = {s: i for i, s in enumerate(SIDES)}


@functools.cache
def _actor_sides() -> dict[str, str]:
    return {a.id: a.side for a in actors().values()}


@functools.cache
def _specific() -> dict[str, int]:
    return {a.id: (0 if a.parent else 1) for a in actors().values()}


def _day_numbers(values: pd.Series) -> np.ndarray:
    """ISO date strings → days since 1970-01-01 as float (NaN for missing)."""
    import numpy as np
    import pandas as pd

    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    table = np.array([
        float(dt.date.fromisoformat(str(u)[:10]).toordinal() - 719163) if str(u) else np.nan
        for u in uniques], dtype=float)
    out = np.full(len(values), np.nan)
    ok = codes >= 0
    out[ok] = table[codes[ok]] if len(table) else np.nan
    return out


def _prepare(evidence: pd.DataFrame) -> pd.DataFrame:
    """Add the columns the rules work on: side, camp, effect, denied, day, w, who."""
    import numpy as np
    import pandas as pd

    ev = evidence.reset_index(drop=True)
    side = ev["actor"].map(_actor_sides()).fillna("other").astype(object)
    camp = ev["actor"].map(ALLIES).astype(object)
    camp = camp.where(camp.notna(), side)
    effect = ev["relation"].map(_EFFECT).astype(object)
    denied = (ev["stance"] == "denied").to_numpy(dtype=bool)
    claimant = ev["claimant_side"].fillna("").astype(object)
    # Rule 4, vectorised (tests check it against claim_weight for every combination).
    neutral = claimant.isin(["", "neutral"]).to_numpy(dtype=bool)
    favourable = (effect != "end").to_numpy(dtype=bool) ^ denied
    own = (claimant == side).to_numpy(dtype=bool)
    interest_w = np.where(neutral, INTEREST_WEIGHT["neutral"],
                          np.where(own == favourable, INTEREST_WEIGHT["self_serving"],
                                   INTEREST_WEIGHT["against"]))
    w = (ev["stance"].map({str(k): v for k, v in STANCE_WEIGHT.items()}).to_numpy(float)
         * interest_w
         * ev["date_precision"].map({str(k): v for k, v in DATE_PRECISION_WEIGHT.items()})
         .to_numpy(float)
         * ev["place_precision"].map({str(k): v for k, v in PLACE_PRECISION_WEIGHT.items()})
         .to_numpy(float)
         * ev["confidence"].astype(float).to_numpy())
    publisher = ev["publisher"].fillna("").astype(object)
    who = publisher.where(~publisher.isin(["", "unknown"]), ev["source_id"].astype(object))
    published = (ev["published"] if "published" in ev
                 else pd.Series([None] * len(ev), dtype=object))
    out = pd.DataFrame({
        "assertion_id": ev["assertion_id"].astype(object),
        "source_id": ev["source_id"].astype(object),
        "place_id": ev["place_id"].astype(object),
        "actor": ev["actor"].astype(object),
        "relation": ev["relation"].astype(object),
        "stance": ev["stance"].astype(object),
        "claimant_side": claimant,
        "side": side,
        "camp": camp,
        "effect": effect,
        "denied": denied,
        "day": _day_numbers(ev["event_date"].astype(object)),
        "pub_day": _day_numbers(published.fillna("").astype(object)),
        "w": w,
        "who": who,
        "event_date": ev["event_date"].astype(object),
        "publisher": publisher,
    })
    # Sorted by place and id, so that every subset lists its ids in order; integer codes
    # for places and sides make the grouping fast.
    out = out.sort_values(["place_id", "assertion_id"], kind="stable").reset_index(drop=True)
    out["pc"] = pd.factorize(out["place_id"], sort=True)[0].astype(np.int64)
    out["sc"] = out["side"].map(_SIDE_INDEX).fillna(_SIDE_INDEX["other"]).astype(np.int64)
    return out


_STATE_COLUMNS = ("holder", "actor", "start", "ended", "prev_start")


def _states_frame(states: Mapping[int, _State]) -> pd.DataFrame:
    import numpy as np
    import pandas as pd

    ids = sorted(states)
    return pd.DataFrame({
        "holder": pd.Series([states[p].holder or "" for p in ids], dtype=object),
        "actor": pd.Series([states[p].actor if states[p].holder else "" for p in ids],
                           dtype=object),
        "start": pd.Series([np.nan if states[p].start is None else float(states[p].start)
                            for p in ids], dtype=float),
        "ended": pd.Series(["|" + "|".join(sorted(states[p].ended)) + "|" for p in ids],
                           dtype=object),
        "prev_start": pd.Series([np.nan if states[p].prev_start is None
                                 else float(states[p].prev_start) for p in ids], dtype=float),
    }).set_axis(pd.Index(ids, name="pc", dtype=np.int64))


def _pool(ev: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Pool hold/end claims per (place, day, side) and pick each group's best actor.

    Places are the integer codes ``pc`` of :func:`_prepare`; grouping runs on one int64
    key per row, so that 100,000 claims pool in milliseconds.
    """
    import numpy as np
    import pandas as pd

    mask = np.isin(ev["effect"].to_numpy(dtype=object), ("hold", "end"))
    if not mask.any():
        empty = pd.DataFrame({c: pd.Series(dtype=float) for c in (
            "pc", "day", "sc", "hold", "end", "denied_hold", "denied_end")})
        empty["side"] = pd.Series(dtype=object)
        return empty, pd.DataFrame({c: pd.Series(dtype=object) for c in (
            "pc", "day", "sc", "side", "actor")})
    pc = ev["pc"].to_numpy(dtype=np.int64)[mask]
    day = ev["day"].to_numpy(dtype=float)[mask].astype(np.int64)
    sc = ev["sc"].to_numpy(dtype=np.int64)[mask]
    hold = ev["effect"].to_numpy(dtype=object)[mask] == "hold"
    den = ev["denied"].to_numpy(dtype=bool)[mask]
    w = ev["w"].to_numpy(dtype=float)[mask]
    d0 = int(day.min())
    ndays = int(day.max()) - d0 + 1
    nsides = len(SIDES)
    key = (pc * ndays + (day - d0)) * nsides + sc
    uniq, inv = np.unique(key, return_inverse=True)
    m = len(uniq)

    def total(select: np.ndarray) -> np.ndarray:
        return np.bincount(inv, weights=np.where(select, w, 0.0), minlength=m)

    pooled = pd.DataFrame({
        "pc": uniq // nsides // ndays,
        "day": (uniq // nsides % ndays + d0).astype(float),
        "sc": uniq % nsides,
        "hold": total(hold & ~den),
        "end": total(~hold & ~den),
        "denied_hold": total(hold & den),
        "denied_end": total(~hold & den),
    })
    pooled["side"] = np.asarray(SIDES, dtype=object)[pooled["sc"].to_numpy()]

    # the best actor of each (place, day, side) among its hold claims (rule 6)
    h = hold & ~den
    actors_ = ev["actor"].to_numpy(dtype=object)[mask][h]
    acodes, anames = pd.factorize(actors_)
    rank = np.array([( _specific().get(a, 1), a) for a in anames], dtype=object)
    order = sorted(range(len(anames)), key=lambda i: (rank[i][0], rank[i][1]))
    arank = np.empty(len(anames), dtype=np.int64)
    arank[order] = np.arange(len(anames))
    na = max(len(anames), 1)
    akey = inv[h] * na + acodes
    au, ainv = np.unique(akey, return_inverse=True)
    aw = np.round(np.bincount(ainv, weights=w[h], minlength=len(au)), 9)
    group = au // na
    acode = au % na
    pick = np.lexsort((arank[acode], -aw, group))
    first = np.ones(len(pick), dtype=bool)
    first[1:] = group[pick][1:] != group[pick][:-1]
    chosen = pick[first]
    best = pd.DataFrame({
        "pc": pooled["pc"].to_numpy()[group[chosen]],
        "day": pooled["day"].to_numpy()[group[chosen]],
        "sc": pooled["sc"].to_numpy()[group[chosen]],
        "side": pooled["side"].to_numpy()[group[chosen]],
        "actor": np.asarray(anames, dtype=object)[acode[chosen]],
    })
    return pooled, best


def _run_states_sequential(ev: pd.DataFrame) -> pd.DataFrame:
    """Rule 6 applied day by day with :func:`day_outcome` and :func:`next_state`.

    The reference implementation: :func:`_run_states` computes the same, vectorised.
    """
    pooled, best = _pool(ev)
    actor_of = {(p, d, s): a for p, d, s, a in
                best[["pc", "day", "side", "actor"]].itertuples(index=False)}
    states: dict[int, _State] = {}
    for (place, day), group in pooled.groupby(["pc", "day"], sort=True):
        sides = [_SideDay(r.side, r.hold, r.end, r.denied_hold, r.denied_end)
                 for r in group.itertuples(index=False)]
        winner, ended = day_outcome(sides)
        actor = actor_of.get((place, day, winner), "") if winner else ""
        states[place] = next_state(states.get(place, _State()), int(day), winner, actor,
                                   ended)
    return _states_frame({p: s for p, s in states.items() if s != _State()})


def _run_states(ev: pd.DataFrame) -> pd.DataFrame:
    """Rule 6 for every place at once (same result as :func:`_run_states_sequential`).

    Applying the days in order reduces to: W, the last day with a winner S; the holder's
    run began on the first day S won after the last day that broke it (another side won,
    or S's hold ended); a later day on which S's hold ends makes the place unknown from
    then on, with the sides ended from that day accumulated. Without any winner, the
    first day with an ending starts the unknown state.
    """
    import numpy as np
    import pandas as pd

    pooled, best = _pool(ev)
    if pooled.empty:
        return _states_frame({})
    pc = pooled["pc"].to_numpy(dtype=np.int64)  # sorted by (pc, day, sc)
    day = pooled["day"].to_numpy(dtype=float)
    sc = pooled["sc"].to_numpy(dtype=np.int64)
    hold = pooled["hold"].to_numpy()
    net = np.round(hold + pooled["denied_end"].to_numpy() - pooled["end"].to_numpy()
                   - pooled["denied_hold"].to_numpy(), 9)
    is_end = (pooled["end"].to_numpy() > 0) & (net < 0)
    n = int(pc.max()) + 1

    # the winner of each (place, day): highest net, ties to the first side in SIDES
    cand = np.flatnonzero((hold > 0) & (net > 0))
    order = cand[np.lexsort((sc[cand], -net[cand], day[cand], pc[cand]))]
    if len(order):
        first = np.ones(len(order), dtype=bool)
        first[1:] = (pc[order][1:] != pc[order][:-1]) | (day[order][1:] != day[order][:-1])
        win = order[first]
    else:
        win = order
    wpc, wday, wsc = pc[win], day[win], sc[win]
    W = np.full(n, np.nan)
    S = np.full(n, -1, dtype=np.int64)
    W[wpc] = wday  # rows ascend by day within a place: the last write is the last day
    S[wpc] = wsc
    has_w = ~np.isnan(W)

    epc, eday, esc = pc[is_end], day[is_end], sc[is_end]
    last_break = np.full(n, -np.inf)
    brk = (wday < W[wpc]) & (wsc != S[wpc])
    np.maximum.at(last_break, wpc[brk], wday[brk])
    brk = has_w[epc] & (eday < W[epc]) & (esc == S[epc])
    np.maximum.at(last_break, epc[brk], eday[brk])
    run_start = np.full(n, np.inf)
    ok = (wsc == S[wpc]) & (wday > last_break[wpc])
    np.minimum.at(run_start, wpc[ok], wday[ok])
    end_day = np.full(n, np.inf)
    ok = has_w[epc] & (eday > W[epc]) & (esc == S[epc])
    np.minimum.at(end_day, epc[ok], eday[ok])
    first_end = np.full(n, np.inf)
    ok = ~has_w[epc]
    np.minimum.at(first_end, epc[ok], eday[ok])
    ended_now = np.isfinite(end_day)

    collected: dict[int, set[str]] = {}
    keep = (~has_w[epc]) | (ended_now[epc] & (eday >= end_day[epc]))
    for code, side_code in zip(epc[keep].tolist(), esc[keep].tolist(), strict=True):
        collected.setdefault(code, set()).add(SIDES[side_code])

    actor = np.full(n, "", dtype=object)
    if len(best):
        bpc = best["pc"].to_numpy(dtype=np.int64)
        at_w = (best["day"].to_numpy(dtype=float) == W[bpc]) & \
            (best["sc"].to_numpy(dtype=np.int64) == S[bpc])
        actor[bpc[at_w]] = best["actor"].to_numpy(dtype=object)[at_w]

    ids = np.flatnonzero(has_w | np.isfinite(first_end))
    holder = np.where(has_w & ~ended_now, np.asarray(SIDES, dtype=object)[np.maximum(S, 0)],
                      "")
    start = np.where(ended_now, end_day, np.where(has_w, run_start, first_end))
    out = pd.DataFrame({
        "holder": holder[ids].astype(object),
        "actor": np.where(holder[ids] != "", actor[ids], "").astype(object),
        "start": start[ids].astype(float),
        "ended": np.array(["|" + "|".join(sorted(collected.get(i, ()))) + "|"
                           if holder[i] == "" else "||" for i in ids.tolist()], dtype=object),
        "prev_start": np.where(ended_now, run_start, np.nan)[ids].astype(float),
    }, index=pd.Index(ids, name="pc", dtype=np.int64))
    return out[list(_STATE_COLUMNS)]


def _grouped_lists(codes: np.ndarray, values: np.ndarray, n: int, *,
                   distinct: bool = False) -> list[list[str]]:
    """Split ``values`` by group code 0..n-1 (codes ascending); optionally sorted sets."""
    import numpy as np

    out: list[list[str]] = [[] for _ in range(n)]
    if len(codes) == 0:
        return out
    vals = values.tolist()
    cuts = np.flatnonzero(codes[1:] != codes[:-1]) + 1
    starts = np.concatenate(([0], cuts)).tolist()
    ends = [*cuts.tolist(), len(vals)]
    for a, b in zip(starts, ends, strict=True):
        chunk = vals[a:b]
        out[int(codes[a])] = sorted(set(chunk)) if distinct else chunk
    return out


def _noisy_or(codes: np.ndarray, who: np.ndarray, w: np.ndarray, n: int) -> np.ndarray:
    """Rule 10 per group: strongest claim per publisher, then 1 − Π(1 − 0.6·w)."""
    import numpy as np
    import pandas as pd

    result = np.zeros(n)
    if len(codes) == 0:
        return result
    per_pub = pd.DataFrame({"c": codes, "who": who, "w": w}).groupby(["c", "who"])["w"].max()
    miss = 1.0 - np.minimum(0.95, BASE_BELIEF * per_pub.clip(lower=0.0))
    prod = miss.groupby(level=0).prod()
    result[prod.index.to_numpy(dtype=int)] = 1.0 - prod.to_numpy()
    return result


def _empty_fused() -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame({c: pd.Series(dtype=object) for c in _FUSED_COLUMNS})


def fuse(evidence: pd.DataFrame, date: DateLike) -> pd.DataFrame:
    """Apply the fusion rules to an evidence frame (no gazetteer involved).

    Parameters
    ----------
    evidence
        Assertion rows with ``publisher`` (as :meth:`syriamap.store.Store.evidence_frame`
        returns them); rows dated after ``date`` are ignored.
    date
        The day to describe.

    Returns
    -------
    pandas.DataFrame
        One row per place: ``place_id, actor, side, status, confidence, confirmed,
        last_change, supporting, conflicting, n_sources, sources``, sorted by place_id.
    """
    day = parse_date(date)
    if evidence.empty:
        return _empty_fused()
    return _fuse_prepared(_prepare(evidence), day)


def _fuse_prepared(ev: pd.DataFrame, day: dt.date, reported: dt.date | None = None,
                   ) -> pd.DataFrame:
    import numpy as np
    import pandas as pd

    limit = day.toordinal() - 719163
    keep = ev["day"].to_numpy() <= limit
    if reported is not None:
        keep &= ev["pub_day"].to_numpy() <= reported.toordinal() - 719163
    ev = ev[keep]
    if ev.empty:
        return _empty_fused()
    st = _run_states(ev)

    global_pc = ev["pc"].to_numpy(dtype=np.int64)
    local, first, pc = np.unique(global_pc, return_index=True, return_inverse=True)
    places = ev["place_id"].to_numpy(dtype=object)[first]
    n = len(places)
    st = st.reindex(pd.Index(local, dtype=np.int64))
    holder_p = st["holder"].fillna("").to_numpy(dtype=object).copy()
    actor_p = st["actor"].fillna("").to_numpy(dtype=object).copy()
    start_p = st["start"].to_numpy(dtype=float)
    ended_p = st["ended"].fillna("||").to_numpy(dtype=object)
    prev_p = st["prev_start"].to_numpy(dtype=float)
    inferred_p = np.zeros(n, dtype=bool)

    side = ev["side"].to_numpy(dtype=object)
    camp = ev["camp"].to_numpy(dtype=object)
    eff = ev["effect"].to_numpy(dtype=object)
    den = ev["denied"].to_numpy(dtype=bool)
    dayv = ev["day"].to_numpy(dtype=float)
    w = ev["w"].to_numpy(dtype=float)

    def was_ended(rows: np.ndarray) -> np.ndarray:
        flags = np.zeros(len(rows), dtype=bool)
        some = ended_p[pc[rows]] != "||"
        flags[some] = [f"|{s}|" in e or f"|{c}|" in e for s, c, e in
                       zip(side[rows][some], camp[rows][some], ended_p[pc[rows][some]],
                           strict=True)]
        return flags

    # Rule 9: a hold that ended with no taker goes to the rival that was pressing.
    ended_places = (holder_p == "") & (ended_p != "||")
    if ended_places.any():
        rows = np.flatnonzero(ended_places[pc])
        lo = np.nan_to_num(prev_p[pc[rows]], nan=-np.inf)
        ok = (~den[rows]) & np.isin(eff[rows], ("hold", "enter", "contest", "pressure"))
        ok &= dayv[rows] >= lo
        ok &= ~was_ended(rows)
        rows = rows[ok]
        if len(rows):
            cand = pd.DataFrame({"c": pc[rows], "side": side[rows], "actor":
                                 ev["actor"].to_numpy(dtype=object)[rows], "w": w[rows]})
            by_side = cand.groupby(["c", "side"])["w"].sum().round(9).reset_index()
            by_side["o"] = by_side["side"].map(_SIDE_INDEX).fillna(len(SIDES))
            top = by_side.sort_values(["c", "w", "o"], ascending=[True, False, True]) \
                .drop_duplicates("c")
            acts = cand.merge(top[["c", "side"]], on=["c", "side"])
            acts = acts.groupby(["c", "actor"])["w"].sum().round(9).reset_index()
            acts["specific"] = acts["actor"].map(_specific()).fillna(1)
            acts = acts.sort_values(["c", "w", "specific", "actor"],
                                    ascending=[True, False, True, True]).drop_duplicates("c")
            cs = top["c"].to_numpy(dtype=int)
            holder_p[cs] = top["side"].to_numpy(dtype=object)
            actor_p[acts["c"].to_numpy(dtype=int)] = acts["actor"].to_numpy(dtype=object)
            inferred_p[cs] = True

    holder = holder_p[pc]
    has_holder = holder != ""
    since = dayv >= np.nan_to_num(start_p[pc], nan=-np.inf)
    since_prev = dayv >= np.nan_to_num(prev_p[pc], nan=-np.inf)
    inferred = inferred_p[pc]
    same = side == holder
    friendly = same | (camp == holder)
    hold, end = eff == "hold", eff == "end"
    enter, contest, pressure = eff == "enter", eff == "contest", eff == "pressure"

    contest_row = since & ~den & (contest | (enter & ~friendly))
    pressure_row = since & ~den & has_holder & ~friendly & (pressure | enter) & ~contest_row
    held_support = has_holder & since & (
        (hold & ~den & same) | (end & ~den & ~same) | (hold & den & ~same)
        | (end & den & same) | (enter & ~den & friendly))
    held_conflict = has_holder & since & (
        (hold & ~den & ~same) | (end & ~den & same) | (hold & den & same)
        | (end & den & ~same))
    inferred_rows = np.flatnonzero(inferred)
    inferred_support = np.zeros(len(ev), dtype=bool)
    if len(inferred_rows):
        ended_flag = was_ended(inferred_rows)
        r = inferred_rows
        inferred_support[r] = since_prev[r] & ~den[r] & (
            (end[r] & ended_flag) | (same[r] & np.isin(eff[r], ("enter", "contest",
                                                                "pressure", "hold"))))
    free_support = ~has_holder & since & ~den & (end | enter | contest | pressure)
    free_conflict = ~has_holder & since & ((hold & ~den) | (end & den))
    support = held_support | inferred_support | free_support | contest_row
    conflict = (held_conflict | free_conflict) & ~support

    who_codes = pd.factorize(ev["who"])[0]
    s_conf = _noisy_or(pc[support], who_codes[support], w[support], n)
    d_conf = _noisy_or(pc[conflict], who_codes[conflict], w[conflict], n)
    conf = s_conf * (1.0 - d_conf / 2.0)

    contest_first = np.full(n, np.inf)
    np.minimum.at(contest_first, pc[contest_row], dayv[contest_row])
    contested = np.isfinite(contest_first)
    pressed = np.bincount(pc[pressure_row], minlength=n) > 0
    status = np.where(contested, "contested", np.where(holder_p != "", "held", "unknown"))
    conf = np.where((status == "held") & pressed, conf * PRESSURE_FACTOR, conf)
    conf = np.where(inferred_p, conf * INFERRED_FACTOR, conf)
    first_any = np.full(n, np.inf)
    np.minimum.at(first_any, pc, dayv)
    change = np.where(np.isnan(start_p), first_any, start_p)
    change = np.where(contested, np.maximum(contest_first, change), change)
    asserted = np.bincount(pc[support & (ev["stance"].to_numpy() == "asserted")],
                           minlength=n) > 0
    confirmed = asserted & ~inferred_p

    ids = ev["assertion_id"].to_numpy(dtype=object)
    listed = conflict | pressure_row
    sources = _grouped_lists(pc[support], ev["source_id"].to_numpy(dtype=object)[support],
                             n, distinct=True)
    unknown = status == "unknown"
    out = pd.DataFrame({
        "place_id": np.asarray(places, dtype=object),
        "actor": np.where(unknown, "", actor_p).astype(object),
        "side": np.where(unknown, "", holder_p).astype(object),
        "status": status.astype(object),
        "confidence": np.round(np.clip(conf, 0.0, 1.0), 4),
        "confirmed": confirmed,
        "last_change": [dt.date.fromordinal(int(d) + 719163) for d in change],
        "supporting": _grouped_lists(pc[support], ids[support], n),
        "conflicting": _grouped_lists(pc[listed & ~support], ids[listed & ~support], n),
        "n_sources": [len(s) for s in sources],
        "sources": sources,
    })
    return out[list(_FUSED_COLUMNS)]


def _store(store: Store | None) -> Store:
    from .store import open_store

    return store if store is not None else open_store()


def _check_dates(date: DateLike, as_reported_by: DateLike | None) -> tuple[dt.date,
                                                                            dt.date | None]:
    day = parse_date(date, what="date")
    reported = parse_optional_date(as_reported_by, what="as_reported_by")
    return day, reported


@functools.lru_cache(maxsize=2)
def _gazetteer_frame(gazetteer: Any) -> pd.DataFrame:
    """Every place of a gazetteer as a frame indexed by place_id (built once)."""
    import pandas as pd

    records = [(p.place_id, p.name, p.name_ar, p.kind, p.admin1, p.admin1_iso,
                p.population, p.lat, p.lon) for p in gazetteer]
    frame = pd.DataFrame.from_records(records, columns=[
        "place_id", "name", "name_ar", "kind", "admin1", "admin1_iso", "population", "lat",
        "lon"])
    return frame.drop_duplicates("place_id").set_index("place_id")


def _canonical(evidence: pd.DataFrame) -> pd.DataFrame:
    """Map place ids through the gazetteer (old ``gn:`` ids redirect); drop unknown ones."""
    from .errors import UnknownPlaceError
    from .gazetteer import Gazetteer

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
    from .gazetteer import Gazetteer

    frame = _gazetteer_frame(Gazetteer.default())
    wanted = [p for p in place_ids if p in frame.index]
    return frame.loc[wanted].reset_index()


#: The assertion columns the fusion reads (quotes and notes stay in the store).
EVIDENCE_COLUMNS: tuple[str, ...] = (
    "assertion_id", "source_id", "place_id", "actor", "relation", "stance",
    "claimant_side", "event_date", "date_precision", "place_precision", "confidence",
)


_CACHE: weakref.WeakKeyDictionary[Any, tuple[Any, pd.DataFrame]] = \
    weakref.WeakKeyDictionary()
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
    geometry = gpd.points_from_xy(frame["lon"].astype(float), frame["lat"].astype(float),
                                  crs="EPSG:4326")
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
        return (f"<ControlState {self.place_id} {self.name} {self.status} {who} "
                f"{self.confidence:.2f} on {self.as_of.isoformat()}>")

    def _repr_html_(self) -> str:
        import html

        cells = "".join(
            f"<tr><th style='text-align:left'>{html.escape(f.name)}</th>"
            f"<td style='text-align:left'>{html.escape(str(getattr(self, f.name)))}</td></tr>"
            for f in dataclasses.fields(self))
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
    from .gazetteer import Gazetteer

    place = Gazetteer.default().get(place_id)
    day, reported = _check_dates(date, as_reported_by)
    fused = _fuse_prepared(_prepared(store, [place_id]), day, reported)
    if fused.empty:
        return ControlState(place_id, place.name, "", "", "unknown", 0.0, False, day, None,
                            (), (), 0, ())
    r = fused.iloc[0]
    return ControlState(place_id, place.name, r["actor"], r["side"], r["status"],
                        float(r["confidence"]), bool(r["confirmed"]), day, r["last_change"],
                        tuple(r["supporting"]), tuple(r["conflicting"]),
                        int(r["n_sources"]), tuple(r["sources"]))


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
        interest=[interest(r, s, a, c) for r, s, a, c in
                  zip(ev["relation"], ev["stance"], ev["side"], ev["claimant_side"],
                      strict=True)],
        role=["supporting" if a in sup else "conflicting" if a in con else "history"
              for a in ev["assertion_id"]],
    )
    cols = ["assertion_id", "event_date", "source_id", "publisher", "actor", "side",
            "relation", "stance", "claimant_side", "weight", "interest", "role"]
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
    unpopulated evidence still counts); a claim about a whole district or governorate
    ("rebels control most of Deraa province") covers that area's population *minus* what
    finer evidence inside it already covers — the finer claim is the more specific one
    for its own patch, the area claim speaks for the rest. An area's population is the
    larger of its own record's and the sum of its districts' (the sources' governorate
    figures are sometimes a city's). ``dominant_side`` is the side with the largest
    population share (``""`` when no side holds anything), ``dominant_share`` that share.

    Returns
    -------
    geopandas.GeoDataFrame
        ``place_id, name, name_ar, iso, n_places, share_<side>…, pop_share_<side>…,
        dominant_side, dominant_share, geometry`` (polygons, EPSG:4326), one row per
        governorate, sorted by ISO code.
    """
    import geopandas as gpd
    import numpy as np

    from .boundaries import governorates

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
        out[f"share_{side}"] = np.where(out["n_places"] > 0,
                                        n / out["n_places"].clip(lower=1), 0.0)
        out[f"pop_share_{side}"] = np.where(total_pop > 0, p / total_pop.clip(lower=1e-9),
                                            0.0)
    pop_cols = [f"pop_share_{s}" for s in SIDES]
    values = out[pop_cols].to_numpy(dtype=float)
    best = values.argmax(axis=1) if len(out) else np.array([], dtype=int)
    top = values.max(axis=1) if len(out) else np.array([])
    out["dominant_side"] = [SIDES[i] if v > 0 else "" for i, v in zip(best, top, strict=True)]
    out["dominant_share"] = top.round(4) if len(out) else top
    cols = ["place_id", "name", "name_ar", "iso", "n_places",
            *[f"share_{s}" for s in SIDES], *pop_cols, "dominant_side", "dominant_share",
            "geometry"]
    result = gpd.GeoDataFrame(out[cols], geometry="geometry", crs=polygons.crs or "EPSG:4326")
    return result.sort_values("iso").reset_index(drop=True)


def _covered_population(control: pd.DataFrame) -> pd.Series:
    """Return the population each evidenced place stands for (see governorate_summary)."""
    import pandas as pd

    from .gazetteer import Gazetteer

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
    point_pop = covered[is_point]
    # A district claim speaks for the district minus the places evidenced inside it.
    districts = set(control.loc[is_district, "place_id"])
    inside = point_pop.groupby(admin2[is_point]).sum()
    covered[is_district] = [
        max(1.0, pop - inside.get(pid, 0.0))
        for pop, pid in zip(area_pop[is_district], control.loc[is_district, "place_id"],
                            strict=True)
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

    from .gazetteer import Gazetteer

    g = Gazetteer.default()
    day, reported = _check_dates(date, as_reported_by)
    caps = g.capitals()
    evidence = _prepared(store, [p.place_id for p in caps.values()])
    fused = _fuse_prepared(evidence, day, reported).set_index("place_id")
    govs = {p.admin1_iso: p.name for p in g.governorates()}
    records = []
    for iso, place in caps.items():
        known = place.place_id in fused.index
        r = fused.loc[place.place_id] if known else None
        records.append({
            "capital": place.name,
            "governorate": govs.get(iso, place.admin1),
            "iso": iso,
            "place_id": place.place_id,
            "actor": r["actor"] if known else "",
            "side": r["side"] if known else "",
            "status": r["status"] if known else "unknown",
            "confidence": float(r["confidence"]) if known else 0.0,
        })
    return pd.DataFrame.from_records(records, columns=["capital", "governorate", "iso",
                                                       "place_id", "actor", "side",
                                                       "status", "confidence"])

