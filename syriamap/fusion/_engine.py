"""The fusion engine: evidence frames in, one state per place out (vectorised)."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from typing import TYPE_CHECKING

from .._types import DateLike, parse_date
from ..actors import SIDES, actors
from .rules import (
    _FUSED_COLUMNS,
    ALLIES,
    BASE_BELIEF,
    DATE_PRECISION_WEIGHT,
    INFERRED_FACTOR,
    INTEREST_WEIGHT,
    PLACE_PRECISION_WEIGHT,
    PRESSURE_FACTOR,
    RELATION_EFFECT,
    STANCE_WEIGHT,
    _SideDay,
    _State,
    day_outcome,
    next_state,
)

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd


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
    table = np.array(
        [
            float(dt.date.fromisoformat(str(u)[:10]).toordinal() - 719163) if str(u) else np.nan
            for u in uniques
        ],
        dtype=float,
    )
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
    interest_w = np.where(
        neutral,
        INTEREST_WEIGHT["neutral"],
        np.where(own == favourable, INTEREST_WEIGHT["self_serving"], INTEREST_WEIGHT["against"]),
    )
    w = (
        ev["stance"].map({str(k): v for k, v in STANCE_WEIGHT.items()}).to_numpy(float)
        * interest_w
        * ev["date_precision"]
        .map({str(k): v for k, v in DATE_PRECISION_WEIGHT.items()})
        .to_numpy(float)
        * ev["place_precision"]
        .map({str(k): v for k, v in PLACE_PRECISION_WEIGHT.items()})
        .to_numpy(float)
        * ev["confidence"].astype(float).to_numpy()
    )
    publisher = ev["publisher"].fillna("").astype(object)
    who = publisher.where(~publisher.isin(["", "unknown"]), ev["source_id"].astype(object))
    published = ev["published"] if "published" in ev else pd.Series([None] * len(ev), dtype=object)
    out = pd.DataFrame(
        {
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
        }
    )
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
    return pd.DataFrame(
        {
            "holder": pd.Series([states[p].holder or "" for p in ids], dtype=object),
            "actor": pd.Series(
                [states[p].actor if states[p].holder else "" for p in ids], dtype=object
            ),
            "start": pd.Series(
                [np.nan if (s := states[p].start) is None else float(s) for p in ids],
                dtype=float,
            ),
            "ended": pd.Series(
                ["|" + "|".join(sorted(states[p].ended)) + "|" for p in ids], dtype=object
            ),
            "prev_start": pd.Series(
                [np.nan if (s := states[p].prev_start) is None else float(s) for p in ids],
                dtype=float,
            ),
        }
    ).set_axis(pd.Index(ids, name="pc", dtype=np.int64))


def _pool(ev: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Pool hold/end claims per (place, day, side) and pick each group's best actor.

    Places are the integer codes ``pc`` of :func:`_prepare`; grouping runs on one int64
    key per row, so that 100,000 claims pool in milliseconds.
    """
    import numpy as np
    import pandas as pd

    mask = np.isin(ev["effect"].to_numpy(dtype=object), ("hold", "end"))
    if not mask.any():
        empty = pd.DataFrame(
            {
                c: pd.Series(dtype=float)
                for c in ("pc", "day", "sc", "hold", "end", "denied_hold", "denied_end")
            }
        )
        empty["side"] = pd.Series(dtype=object)
        return empty, pd.DataFrame(
            {c: pd.Series(dtype=object) for c in ("pc", "day", "sc", "side", "actor")}
        )
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

    pooled = pd.DataFrame(
        {
            "pc": uniq // nsides // ndays,
            "day": (uniq // nsides % ndays + d0).astype(float),
            "sc": uniq % nsides,
            "hold": total(hold & ~den),
            "end": total(~hold & ~den),
            "denied_hold": total(hold & den),
            "denied_end": total(~hold & den),
        }
    )
    pooled["side"] = np.asarray(SIDES, dtype=object)[pooled["sc"].to_numpy()]

    # the best actor of each (place, day, side) among its hold claims (rule 6)
    h = hold & ~den
    actors_ = ev["actor"].to_numpy(dtype=object)[mask][h]
    acodes, anames = pd.factorize(actors_)
    rank = np.array([(_specific().get(a, 1), a) for a in anames], dtype=object)
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
    best = pd.DataFrame(
        {
            "pc": pooled["pc"].to_numpy()[group[chosen]],
            "day": pooled["day"].to_numpy()[group[chosen]],
            "sc": pooled["sc"].to_numpy()[group[chosen]],
            "side": pooled["side"].to_numpy()[group[chosen]],
            "actor": np.asarray(anames, dtype=object)[acode[chosen]],
        }
    )
    return pooled, best


def _run_states_sequential(ev: pd.DataFrame) -> pd.DataFrame:
    """Rule 6 applied day by day with :func:`day_outcome` and :func:`next_state`.

    The reference implementation: :func:`_run_states` computes the same, vectorised.
    """
    pooled, best = _pool(ev)
    actor_of = {
        (p, d, s): a for p, d, s, a in best[["pc", "day", "side", "actor"]].itertuples(index=False)
    }
    states: dict[int, _State] = {}
    for (place, day), group in pooled.groupby(["pc", "day"], sort=True):
        sides = [
            _SideDay(r.side, r.hold, r.end, r.denied_hold, r.denied_end)
            for r in group.itertuples(index=False)
        ]
        winner, ended = day_outcome(sides)
        actor = actor_of.get((place, day, winner), "") if winner else ""
        states[place] = next_state(states.get(place, _State()), int(day), winner, actor, ended)
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
    net = np.round(
        hold
        + pooled["denied_end"].to_numpy()
        - pooled["end"].to_numpy()
        - pooled["denied_hold"].to_numpy(),
        9,
    )
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
        at_w = (best["day"].to_numpy(dtype=float) == W[bpc]) & (
            best["sc"].to_numpy(dtype=np.int64) == S[bpc]
        )
        actor[bpc[at_w]] = best["actor"].to_numpy(dtype=object)[at_w]

    ids = np.flatnonzero(has_w | np.isfinite(first_end))
    holder = np.where(has_w & ~ended_now, np.asarray(SIDES, dtype=object)[np.maximum(S, 0)], "")
    start = np.where(ended_now, end_day, np.where(has_w, run_start, first_end))
    out = pd.DataFrame(
        {
            "holder": holder[ids].astype(object),
            "actor": np.where(holder[ids] != "", actor[ids], "").astype(object),
            "start": start[ids].astype(float),
            "ended": np.array(
                [
                    "|" + "|".join(sorted(collected.get(i, ()))) + "|" if holder[i] == "" else "||"
                    for i in ids.tolist()
                ],
                dtype=object,
            ),
            "prev_start": np.where(ended_now, run_start, np.nan)[ids].astype(float),
        },
        index=pd.Index(ids, name="pc", dtype=np.int64),
    )
    return out[list(_STATE_COLUMNS)]


def _grouped_lists(
    codes: np.ndarray, values: np.ndarray, n: int, *, distinct: bool = False
) -> list[list[str]]:
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


def _fuse_prepared(
    ev: pd.DataFrame,
    day: dt.date,
    reported: dt.date | None = None,
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
        flags[some] = [
            f"|{s}|" in e or f"|{c}|" in e
            for s, c, e in zip(
                side[rows][some], camp[rows][some], ended_p[pc[rows][some]], strict=True
            )
        ]
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
            cand = pd.DataFrame(
                {
                    "c": pc[rows],
                    "side": side[rows],
                    "actor": ev["actor"].to_numpy(dtype=object)[rows],
                    "w": w[rows],
                }
            )
            by_side = cand.groupby(["c", "side"])["w"].sum().round(9).reset_index()
            by_side["o"] = by_side["side"].map(_SIDE_INDEX).fillna(len(SIDES))
            top = by_side.sort_values(
                ["c", "w", "o"], ascending=[True, False, True]
            ).drop_duplicates("c")
            acts = cand.merge(top[["c", "side"]], on=["c", "side"])
            acts = acts.groupby(["c", "actor"])["w"].sum().round(9).reset_index()
            acts["specific"] = acts["actor"].map(_specific()).fillna(1)
            acts = acts.sort_values(
                ["c", "w", "specific", "actor"], ascending=[True, False, True, True]
            ).drop_duplicates("c")
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
    held_support = (
        has_holder
        & since
        & (
            (hold & ~den & same)
            | (end & ~den & ~same)
            | (hold & den & ~same)
            | (end & den & same)
            | (enter & ~den & friendly)
        )
    )
    held_conflict = (
        has_holder
        & since
        & ((hold & ~den & ~same) | (end & ~den & same) | (hold & den & same) | (end & den & ~same))
    )
    inferred_rows = np.flatnonzero(inferred)
    inferred_support = np.zeros(len(ev), dtype=bool)
    if len(inferred_rows):
        ended_flag = was_ended(inferred_rows)
        r = inferred_rows
        inferred_support[r] = (
            since_prev[r]
            & ~den[r]
            & (
                (end[r] & ended_flag)
                | (same[r] & np.isin(eff[r], ("enter", "contest", "pressure", "hold")))
            )
        )
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
    # Confirmed: the text itself asserts that the holder's side took or holds the place.
    # A claim that someone else lost it supports the holder, but does not name it.
    positive = support & hold & ~den & same & (ev["stance"].to_numpy() == "asserted")
    confirmed = (np.bincount(pc[positive], minlength=n) > 0) & ~inferred_p

    ids = ev["assertion_id"].to_numpy(dtype=object)
    listed = conflict | pressure_row
    sources = _grouped_lists(
        pc[support], ev["source_id"].to_numpy(dtype=object)[support], n, distinct=True
    )
    unknown = status == "unknown"
    out = pd.DataFrame(
        {
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
        }
    )
    return out[list(_FUSED_COLUMNS)]
