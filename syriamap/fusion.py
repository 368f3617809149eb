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

7. **Entering or contesting makes a place contested.** After the holder's state began
   (same day included), a non-denied ``entered`` by a rival — a side other than the
   holder's, not an ally (:data:`ALLIES`: Russia, Iran and Hezbollah with the
   government, Turkey with the opposition, the United States with the SDF) — or a
   ``contested`` by anyone sets status ``contested``. The holder is kept in ``actor`` /
   ``side``. A place with only such claims is contested with no holder.

8. **Pressure lowers confidence.** ``encircled``/``advancing`` (and rival entries) by a
   rival after the holder's state began leave the holder but multiply the confidence by
   :data:`PRESSURE_FACTOR` and are listed as ``conflicting``. A place with only pressure
   claims is ``unknown`` (no holder) and still listed, so the map can show it.

9. **When the holder leaves and no taker is named** (``withdrew``/``lost`` only), the
   place goes to the rival that was pressing it — the non-allied side with the most
   weight of entered/encircled/advancing/contested/hold claims since the old holder's
   state began — as an *inferred* hold (``confirmed`` false, confidence times
   :data:`INFERRED_FACTOR`). With no such rival the place is ``unknown``, actor and
   side empty.

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
import math
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from ._types import DateLike, parse_date, parse_optional_date
from .actors import SIDES, actors
from .assertions import DatePrecision, PlacePrecision, Relation, Stance

if TYPE_CHECKING:
    import geopandas as gpd
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
        net = s.hold + s.denied_end - s.end - s.denied_hold
        if s.hold > 0 and net > best_net + 1e-12:
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

@functools.cache
def _actor_sides() -> dict[str, str]:
    return {a.id: a.side for a in actors().values()}


@functools.cache
def _specific() -> dict[str, int]:
    return {a.id: (0 if a.parent else 1) for a in actors().values()}


def _weights(frame: pd.DataFrame) -> pd.Series:
    """Vectorised :func:`claim_weight` (one call per distinct combination)."""
    import pandas as pd

    keys = ["relation", "stance", "side", "claimant_side", "date_precision",
            "place_precision"]
    combos = frame[keys].drop_duplicates()
    combos["_w"] = [claim_weight(*row) for row in combos.itertuples(index=False)]
    w = frame[keys].merge(combos, on=keys, how="left")["_w"].to_numpy()
    return pd.Series(w * frame["confidence"].astype(float).to_numpy(), index=frame.index)


def _prepare(evidence: pd.DataFrame) -> pd.DataFrame:
    import numpy as np
    import pandas as pd

    ev = evidence.reset_index(drop=True).copy()
    sides = _actor_sides()
    ev["side"] = ev["actor"].map(sides).fillna("other")
    ev["camp"] = ev["actor"].map(ALLIES).fillna(ev["side"])
    ev["effect"] = ev["relation"].map({str(k): v for k, v in RELATION_EFFECT.items()})
    ev["denied"] = ev["stance"] == "denied"
    dates = pd.to_datetime(ev["event_date"], format="%Y-%m-%d")
    ev["day"] = (dates.to_numpy().astype("datetime64[D]").astype(np.int64)
                 if len(ev) else np.array([], dtype=np.int64))
    ev["w"] = _weights(ev) if len(ev) else pd.Series(dtype=float)
    ev["who"] = ev["publisher"].where(ev["publisher"].astype(str) != "", ev["source_id"])
    ev["who"] = ev["who"].where(~ev["who"].isin(["unknown"]), ev["source_id"])
    return ev


def _run_states(ev: pd.DataFrame) -> dict[str, _State]:
    """Apply rule 6 day by day to every place with hold/end claims."""
    import numpy as np

    he = ev[ev["effect"].isin(("hold", "end"))]
    if he.empty:
        return {}
    kind = np.where(he["effect"] == "hold",
                    np.where(he["denied"], "denied_hold", "hold"),
                    np.where(he["denied"], "denied_end", "end"))
    pooled = (he.assign(kind=kind)
              .pivot_table(index=["place_id", "day", "side"], columns="kind", values="w",
                           aggfunc="sum", fill_value=0.0))
    for col in ("hold", "end", "denied_hold", "denied_end"):
        if col not in pooled:
            pooled[col] = 0.0
    holds = he[(he["effect"] == "hold") & ~he["denied"]]
    per_actor = holds.groupby(["place_id", "day", "side", "actor"], sort=False)["w"].sum()
    per_actor = per_actor.reset_index()
    per_actor["specific"] = per_actor["actor"].map(_specific()).fillna(1)
    per_actor = per_actor.sort_values(["w", "specific", "actor"],
                                      ascending=[False, True, True], kind="stable")
    best_actor = per_actor.drop_duplicates(["place_id", "day", "side"]).set_index(
        ["place_id", "day", "side"])["actor"]
    pooled = pooled.join(best_actor).reset_index().sort_values(
        ["place_id", "day", "side"], kind="stable")

    states: dict[str, _State] = {}
    cols = [pooled[c].tolist() for c in ("place_id", "day", "side", "hold", "end",
                                         "denied_hold", "denied_end", "actor")]
    n = len(pooled)
    i = 0
    while i < n:
        place, day = cols[0][i], cols[1][i]
        group = []
        actor_of: dict[str, str] = {}
        while i < n and cols[0][i] == place and cols[1][i] == day:
            side = cols[2][i]
            group.append(_SideDay(side, cols[3][i], cols[4][i], cols[5][i], cols[6][i]))
            a = cols[7][i]
            actor_of[side] = a if isinstance(a, str) else ""
            i += 1
        winner, ended = day_outcome(group)
        state = states.get(place, _State())
        states[place] = next_state(state, int(day), winner,
                                   actor_of.get(winner, "") if winner else "", ended)
    return states


def _noisy_or_by_place(rows: pd.DataFrame) -> pd.Series:
    """Per place: max weight per publisher, then the noisy-or of rule 10."""
    import numpy as np

    if rows.empty:
        return rows.groupby("place_id")["w"].sum()
    per_pub = rows.groupby(["place_id", "who"])["w"].max()
    miss = 1.0 - np.minimum(0.95, BASE_BELIEF * per_pub.clip(lower=0.0))
    return 1.0 - miss.groupby(level=0).prod()


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
    import numpy as np
    import pandas as pd

    day = parse_date(date)
    ev = evidence[evidence["event_date"].astype(str) <= day.isoformat()]
    if ev.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in _FUSED_COLUMNS})
    ev = _prepare(ev)
    states = _run_states(ev)

    places = sorted(set(ev["place_id"]))
    st = pd.DataFrame({
        "place_id": places,
        "holder": [(states[p].holder or "") if p in states else "" for p in places],
        "actor": [(states[p].actor if states[p].holder else "") if p in states else ""
                  for p in places],
        "since_day": [states[p].start if p in states else np.nan for p in places],
        "ended": ["|" + "|".join(sorted(states[p].ended)) + "|" if p in states else "||"
                  for p in places],
        "prev_day": [states[p].prev_start if p in states else np.nan for p in places],
    })
    st["since_day"] = st["since_day"].astype(float)
    st["prev_day"] = st["prev_day"].astype(float)
    st["inferred"] = False

    # Rule 9: a hold that ended with no taker goes to the rival that was pressing.
    ended_places = st[(st["holder"] == "") & (st["ended"] != "||")]
    if not ended_places.empty:
        cand = ev.merge(ended_places[["place_id", "ended", "prev_day"]], on="place_id")
        lo = cand["prev_day"].fillna(-np.inf)
        rival = (~cand["denied"]) & cand["effect"].isin(("hold", "enter", "contest",
                                                           "pressure"))
        rival &= cand["day"] >= lo
        rival &= ~np.array([f"|{c}|" in e for c, e in zip(cand["camp"], cand["ended"],
                                                           strict=True)], dtype=bool)
        rival &= ~np.array([f"|{c}|" in e for c, e in zip(cand["side"], cand["ended"],
                                                           strict=True)], dtype=bool)
        cand = cand[rival & (cand["side"].isin(SIDES))]
        if not cand.empty:
            by_side = cand.groupby(["place_id", "side"])["w"].sum().reset_index()
            order = {s: i for i, s in enumerate(SIDES)}
            by_side["o"] = by_side["side"].map(order)
            by_side = by_side.sort_values(["place_id", "w", "o"],
                                          ascending=[True, False, True])
            top = by_side.drop_duplicates("place_id").set_index("place_id")["side"]
            acts = cand.merge(top.rename("top").reset_index(), on="place_id")
            acts = acts[acts["side"] == acts["top"]]
            acts = acts.groupby(["place_id", "actor"])["w"].sum().reset_index()
            acts["specific"] = acts["actor"].map(_specific()).fillna(1)
            acts = acts.sort_values(["place_id", "w", "specific", "actor"],
                                    ascending=[True, False, True, True])
            top_actor = acts.drop_duplicates("place_id").set_index("place_id")["actor"]
            hit = st["place_id"].isin(top.index)
            st.loc[hit, "holder"] = st.loc[hit, "place_id"].map(top)
            st.loc[hit, "actor"] = st.loc[hit, "place_id"].map(top_actor)
            st.loc[hit, "inferred"] = True

    rows = ev.merge(st, on="place_id", how="left")
    has_holder = rows["holder"] != ""
    start = rows["since_day"]
    # the era of the current state: for a state that never began (pressure only), all
    since = rows["day"] >= start.fillna(-np.inf)
    if_inferred = rows["inferred"]
    since_prev = rows["day"] >= rows["prev_day"].fillna(-np.inf)
    eff, den, side, camp = rows["effect"], rows["denied"], rows["side"], rows["camp"]
    same = side == rows["holder"]
    friendly = same | (camp == rows["holder"])
    hold, end = eff == "hold", eff == "end"
    enter, contest, pressure = eff == "enter", eff == "contest", eff == "pressure"

    contest_row = since & ~den & (contest | (enter & ~friendly))
    pressure_row = since & ~den & has_holder & ~friendly & (pressure | enter)
    pressure_row &= ~contest_row

    in_side = "|" + side + "|"
    was_ended = np.array([s in e for s, e in zip(in_side, rows["ended"], strict=True)],
                         dtype=bool)
    held_support = has_holder & since & (
        (hold & ~den & same) | (end & ~den & ~same) | (hold & den & ~same)
        | (end & den & same) | (enter & ~den & friendly)
    )
    held_conflict = has_holder & since & (
        (hold & ~den & ~same) | (end & ~den & same) | (hold & den & same)
        | (end & den & ~same)
    )
    # Rule 9 inferred holds: the old holder's end claims and the rival's pressure support it
    inferred_support = if_inferred & since_prev & ~den & (
        (end & was_ended) | (same & eff.isin(("enter", "contest", "pressure", "hold"))))
    free_support = ~has_holder & since & ~den & (end | enter | contest | pressure)
    free_conflict = ~has_holder & since & ((hold & ~den) | (end & den))

    support = held_support | inferred_support | free_support | contest_row
    conflict = (held_conflict | free_conflict) & ~support
    rows["support"] = support
    rows["conflict"] = conflict
    rows["pressure"] = pressure_row
    rows["contest"] = contest_row

    s_conf = _noisy_or_by_place(rows[support])
    d_conf = _noisy_or_by_place(rows[conflict])
    st = st.set_index("place_id")
    conf = s_conf.reindex(st.index).fillna(0.0) * (1.0 - d_conf.reindex(st.index)
                                                    .fillna(0.0) / 2.0)
    contested = rows[contest_row].groupby("place_id")["day"].min().reindex(st.index)
    pressed = rows[pressure_row].groupby("place_id").size().reindex(st.index).fillna(0) > 0
    status = np.where(contested.notna(), "contested",
                      np.where(st["holder"] != "", "held", "unknown"))
    conf = np.where((status == "held") & pressed, conf * PRESSURE_FACTOR, conf)
    conf = np.where(st["inferred"], conf * INFERRED_FACTOR, conf)
    first_any = rows.groupby("place_id")["day"].min().reindex(st.index)
    change = st["since_day"].where(st["since_day"].notna(), first_any)
    change = np.where(contested.notna(), np.fmax(contested, change), change)

    asserted = rows[support & (rows["stance"] == "asserted")].groupby("place_id").size()
    confirmed = (asserted.reindex(st.index).fillna(0) > 0) & ~st["inferred"]

    listed = rows[support | conflict | pressure_row].sort_values("assertion_id")
    sup_ids = listed[listed["support"]].groupby("place_id")["assertion_id"].agg(list)
    con_ids = listed[~listed["support"]].groupby("place_id")["assertion_id"].agg(list)
    src = listed[listed["support"]].sort_values("source_id")
    src_ids = src.groupby("place_id")["source_id"].agg(lambda s: sorted(set(s)))

    def lists(series: pd.Series) -> list[list[str]]:
        got = series.reindex(st.index)
        return [v if isinstance(v, list) else [] for v in got]

    out = pd.DataFrame({
        "place_id": st.index,
        "actor": st["actor"].fillna("").to_numpy(),
        "side": st["holder"].to_numpy(),
        "status": status,
        "confidence": np.round(np.clip(conf.astype(float), 0.0, 1.0), 4),
        "confirmed": confirmed.to_numpy(dtype=bool),
        "last_change": [dt.date.fromordinal(int(d) + 719163) if not math.isnan(d) else None
                        for d in np.asarray(change, dtype=float)],
        "supporting": lists(sup_ids),
        "conflicting": lists(con_ids),
    })
    out["sources"] = lists(src_ids)
    out["n_sources"] = [len(s) for s in out["sources"]]
    out.loc[out["status"] == "unknown", ["actor", "side"]] = ""
    return out[list(_FUSED_COLUMNS)].reset_index(drop=True)


def _store(store: Store | None) -> Store:
    from .store import open_store

    return store if store is not None else open_store()


def _check_dates(date: DateLike, as_reported_by: DateLike | None) -> tuple[dt.date,
                                                                            dt.date | None]:
    day = parse_date(date, what="date")
    reported = parse_optional_date(as_reported_by, what="as_reported_by")
    return day, reported


def _canonical(evidence: pd.DataFrame) -> pd.DataFrame:
    """Map place ids through the gazetteer (old ``gn:`` ids redirect); drop unknown ones."""
    from .errors import UnknownPlaceError
    from .gazetteer import Gazetteer

    g = Gazetteer.default()
    mapping: dict[str, str | None] = {}
    for pid in evidence["place_id"].unique():
        try:
            mapping[pid] = g.get(pid).place_id
        except UnknownPlaceError:
            mapping[pid] = None
    if all(k == v for k, v in mapping.items()):
        return evidence
    out = evidence.assign(place_id=evidence["place_id"].map(mapping))
    return out[out["place_id"].notna()]


def _evidence(store: Store | None, day: dt.date, reported: dt.date | None) -> pd.DataFrame:
    return _canonical(_store(store).evidence_frame(day, as_reported_by=reported))


def _places_frame(place_ids: Iterable[str]) -> pd.DataFrame:
    import pandas as pd

    from .errors import UnknownPlaceError
    from .gazetteer import Gazetteer

    g = Gazetteer.default()
    records = []
    for pid in place_ids:
        try:
            p = g.get(pid)
        except UnknownPlaceError:
            continue
        records.append({"place_id": pid, "name": p.name, "name_ar": p.name_ar,
                        "kind": p.kind, "admin1": p.admin1, "admin1_iso": p.admin1_iso,
                        "population": p.population, "lat": p.lat, "lon": p.lon})
    columns = ["place_id", "name", "name_ar", "kind", "admin1", "admin1_iso", "population",
               "lat", "lon"]
    return pd.DataFrame.from_records(records, columns=columns)


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
    evidence = _evidence(store, day, reported)
    fused = fuse(evidence, day)
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
    evidence = _evidence(store, day, reported)
    evidence = evidence[evidence["place_id"] == place_id]
    fused = fuse(evidence, day)
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
    evidence = _evidence(store, day, reported)
    evidence = evidence[evidence["place_id"] == place_id]
    fused = fuse(evidence, day)
    ev = _prepare(evidence) if len(evidence) else evidence.assign(side=[], w=[])
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
    contested while held) by that side; ``pop_share_<side>`` the share of their population
    (places without a population count as 1 person, so that a governorate with only
    unpopulated evidence still gets a share). ``dominant_side`` is the side with the
    largest population share (``""`` when no side holds anything), ``dominant_share`` that
    share. A governorate record (a claim about a whole province) is counted only when no
    finer place of that governorate has evidence.

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
    # A claim about a whole governorate stands for it only when nothing finer is known.
    is_gov = control["kind"] == "governorate"
    finer = set(control.loc[~is_gov, "admin1_iso"])
    control = control[~(is_gov & control["admin1_iso"].isin(finer))].copy()
    control["pop"] = control["population"].fillna(1).astype(float).clip(lower=1.0)
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
    evidence = _evidence(store, day, reported)
    caps = g.capitals()
    evidence = evidence[evidence["place_id"].isin({p.place_id for p in caps.values()})]
    fused = fuse(evidence, day).set_index("place_id")
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

