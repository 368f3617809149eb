"""The control model: a hidden holder per place and day, claims as noisy observations.

Vectorised over places. :func:`prepare` turns assertion rows into claims with a side, an
effect and a weight; :func:`fit` turns a reading's claims into evidence rows, pools them
per publisher and runs the forward and backward passes over each place's evidence days;
:func:`state_at` reads the posterior of any day from the fitted passes (exactly, with the
closed form of the transition matrix between evidence days) and derives the place's
state: holder, status, confidence, disputed, last change and the claims behind it.
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import datetime as dt
import functools
import gc
import io
import math
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..actors import actors
from ..assertions import PARTIAL_AREA_NOTE
from .columns import FUSED_COLUMNS
from .rules import (
    ALLIES,
    AREA_KINDS,
    CORROBORATION_DAYS,
    DATE_PRECISION_WEIGHT,
    ESTABLISHED_DAYS,
    ESTABLISHED_VOICES,
    EVENT_RATIO,
    EVIDENCE_SHARE,
    HOLD_THRESHOLD,
    INTEREST_WEIGHT,
    LONE_VOICE_FACTOR,
    MAX_RATIO,
    NOBODY,
    PLACE_PRECISION_WEIGHT,
    PRESUPPOSED_DAYS,
    PRIOR,
    RELATION_EFFECT,
    STANCE_WEIGHT,
    STATES,
    event_ratio,
    evidence_of,
    likelihood_ratio,
    stay_probability,
)

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

EPOCH = 719163  # date.toordinal() of 1970-01-01
_STATE_INDEX = {s: i for i, s in enumerate(STATES)}
_K = len(STATES)
_NOBODY = _STATE_INDEX[NOBODY]
#: Actors that hold nothing in Syria unless :data:`foreign_areas` says so.
_OUTSIDE_SIDES = ("foreign", "israel")
#: Evidence kinds: about the state of a day, or a change into / out of a side.
_KINDS = {"state": 0, "into": 1, "out": 2}


@functools.cache
def _actor_sides() -> dict[str, str]:
    return {a.id: a.side for a in actors().values()}


@functools.cache
def _specific() -> dict[str, int]:
    return {a.id: (0 if a.parent else 1) for a in actors().values()}


@functools.cache
def foreign_areas() -> dict[str, tuple[str, ...]]:
    """Where an outside actor's claims are claims of its own control (rule 7).

    Read from ``data/foreign_control.csv``: per actor, governorate ISO codes and place ids.
    """
    from ..data import path

    text = path("foreign_control.csv").read_text(encoding="utf-8")
    out: dict[str, list[str]] = {}
    for row in csv.DictReader(io.StringIO(text)):
        out.setdefault(row["actor"], []).append(row["area"])
    return {k: tuple(v) for k, v in out.items()}


def _prior_vector() -> np.ndarray:
    import numpy as np

    p = np.array([PRIOR[s] for s in STATES], dtype=float)
    return p / p.sum()


def day_number(value: Any) -> float:
    """Return an ISO date (or date) as days since 1970-01-01 (NaN when empty)."""
    if value is None or value == "" or (isinstance(value, float) and math.isnan(value)):
        return math.nan
    if isinstance(value, dt.date):
        return float(value.toordinal() - EPOCH)
    return float(dt.date.fromisoformat(str(value)[:10]).toordinal() - EPOCH)


def _day_numbers(values: pd.Series) -> np.ndarray:
    import numpy as np
    import pandas as pd

    codes, uniques = pd.factorize(values.fillna("").astype(object), use_na_sentinel=True)
    table = np.array([day_number(u) for u in uniques], dtype=float)
    out = np.full(len(values), np.nan)
    ok = codes >= 0
    if len(table):
        out[ok] = table[codes[ok]]
    return out


def _independent_voice(publisher: str, source_id: str) -> str:
    """Who speaks: the originating agency of relayed copy, else the publisher.

    ``"The Express Tribune (AFP)"`` and ``"Khaleej Times (AFP)"`` are one voice, AFP;
    ``"News.Az (citing TASS)"`` is TASS. Without a publisher the source is its own voice.
    """
    text = (publisher or "").strip()
    if not text or text == "unknown":
        return "source:" + source_id
    if text.endswith(")") and "(" in text:
        inner = text[text.rindex("(") + 1 : -1].strip()
        for lead in ("citing ", "via ", "from "):
            if inner.lower().startswith(lead):
                inner = inner[len(lead) :]
        if inner:
            return inner.casefold()
    return text.casefold()


def prepare(evidence: pd.DataFrame, places: pd.DataFrame) -> pd.DataFrame:
    """Turn assertion rows into claims the model reads (rules 3, 4 and 7).

    Parameters
    ----------
    evidence
        Assertion rows with ``publisher`` and ``published`` (as
        :meth:`syriamap.store.Store.evidence_frame` returns them), place ids canonical.
    places
        The gazetteer frame indexed by place_id (``kind``, ``admin1_iso``, ``admin2_id``).

    Returns
    -------
    pandas.DataFrame
        One row per claim, sorted by place and id, with ``side`` (the side the claim
        counts for, ``""`` when an outside actor's claim counts for nobody), ``effect``,
        ``denied``, ``w``, ``day``, ``pub_day``, ``who``, ``date_precision`` and ``pc``
        (a place code).
    """
    import numpy as np
    import pandas as pd

    ev = evidence.reset_index(drop=True)
    own_side = ev["actor"].map(_actor_sides()).fillna("other").astype(object)
    kinds = places["kind"].reindex(ev["place_id"]).fillna("").to_numpy(dtype=object)
    gov = places["admin1_iso"].reindex(ev["place_id"]).fillna("").to_numpy(dtype=object)
    areas = foreign_areas()
    side = own_side.to_numpy(dtype=object).copy()
    actor_ids = ev["actor"].to_numpy(dtype=object)
    place_ids = ev["place_id"].to_numpy(dtype=object)
    outside = np.isin(side, _OUTSIDE_SIDES)
    for actor in set(actor_ids[outside].tolist()):
        mine = outside & (actor_ids == actor)
        allowed = list(areas.get(actor, ()))
        direct = np.isin(place_ids, allowed) | np.isin(gov, allowed)  # as the data allows
        side[mine & ~direct] = ALLIES.get(actor, "")
    effect = ev["relation"].map({str(k): v for k, v in RELATION_EFFECT.items()}).astype(object)
    partial = _partial(ev, kinds)
    if partial.any():
        # rule 4: a claim about part of an area ("took several towns in Homs province")
        # says the side is present and fighting there, not who holds the area
        effect = effect.mask(pd.Series(partial) & (effect == "hold"), "enter")
        effect = effect.mask(pd.Series(partial) & (effect == "end"), "contest")
    denied = (ev["stance"] == "denied").to_numpy(dtype=bool)
    claimant = ev["claimant_side"].fillna("").astype(object).to_numpy(dtype=object)
    neutral = np.isin(claimant, ["", "neutral", "foreign"])
    favourable = (effect != "end").to_numpy(dtype=bool) ^ denied
    own = claimant == side
    interest = np.where(
        neutral, "neutral", np.where(own == favourable, "self_serving", "against")
    ).astype(object)
    precision = ev["date_precision"].astype(str)
    w = (
        ev["stance"].map({str(k): v for k, v in STANCE_WEIGHT.items()}).to_numpy(float)
        * np.where(
            neutral,
            INTEREST_WEIGHT["neutral"],
            np.where(
                own == favourable, INTEREST_WEIGHT["self_serving"], INTEREST_WEIGHT["against"]
            ),
        )
        * precision.map({str(k): v for k, v in DATE_PRECISION_WEIGHT.items()}).to_numpy(float)
        * ev["place_precision"]
        .map({str(k): v for k, v in PLACE_PRECISION_WEIGHT.items()})
        .to_numpy(float)
        * ev["confidence"].astype(float).to_numpy()
    )
    publisher = ev["publisher"].fillna("").astype(object)
    pairs = pd.MultiIndex.from_arrays([publisher.astype(str), ev["source_id"].astype(str)])
    codes, uniques = pd.factorize(pairs)
    voices = np.array([_independent_voice(p, s) for p, s in uniques], dtype=object)
    who = voices[codes] if len(codes) else np.array([], dtype=object)
    published = ev["published"] if "published" in ev else pd.Series([None] * len(ev))
    out = pd.DataFrame(
        {
            "assertion_id": ev["assertion_id"].astype(object),
            "source_id": ev["source_id"].astype(object),
            "place_id": ev["place_id"].astype(object),
            "actor": ev["actor"].astype(object),
            "relation": ev["relation"].astype(object),
            "stance": ev["stance"].astype(object),
            "claimant_side": claimant,
            "side": pd.Series(side, dtype=object),
            "own_side": own_side,
            "effect": effect,
            "denied": denied,
            "interest": interest,
            "day": _day_numbers(ev["event_date"].astype(object)),
            "pub_day": _day_numbers(published.astype(object)),
            "date_precision": precision,
            "w": w,
            "who": pd.Series(who, dtype=object),
            "event_date": ev["event_date"].astype(object),
            "publisher": publisher,
            "kind": pd.Series(kinds, dtype=object),
            "admin1_iso": pd.Series(gov, dtype=object),
        }
    )
    out = out.sort_values(["place_id", "assertion_id"], kind="stable").reset_index(drop=True)
    out["pc"] = pd.factorize(out["place_id"], sort=True)[0].astype(np.int64)
    out["voice"] = pd.factorize(out["who"])[0].astype(np.int64)
    return out


def _partial(ev: pd.DataFrame, kinds: np.ndarray) -> np.ndarray:
    """Whether each claim is about an unnamed part of an area (PARTIAL_AREA_NOTE)."""
    import numpy as np

    if "note" not in ev:
        return np.zeros(len(ev), dtype=bool)
    marked = ev["note"].fillna("").astype(str).str.contains(PARTIAL_AREA_NOTE, regex=False)
    return marked.to_numpy(dtype=bool) & np.isin(kinds, AREA_KINDS)


# -- evidence rows ------------------------------------------------------------------------


def lone_voices(claims: pd.DataFrame) -> np.ndarray:
    """Return which claims are a lone voice against an established hold (rule 5).

    A claim says side S holds the place (a capture or control, or a denied withdrawal);
    no other voice says S holds it within :data:`CORROBORATION_DAYS` of it; and at least
    :data:`ESTABLISHED_VOICES` other voices said in the :data:`ESTABLISHED_DAYS` before
    it that one other side held it.
    """
    import numpy as np
    import pandas as pd

    eff = claims["effect"].to_numpy(dtype=object)
    den = claims["denied"].to_numpy(dtype=bool)
    holds = ((eff == "hold") & ~den) | ((eff == "end") & den)
    holds &= (claims["side"].to_numpy(dtype=object) != "") & ~np.isnan(claims["day"].to_numpy())
    out = np.zeros(len(claims), dtype=bool)
    if not holds.any():
        return out
    h = pd.DataFrame(
        {
            "i": np.flatnonzero(holds),
            "pc": claims["pc"].to_numpy()[holds],
            "day": claims["day"].to_numpy()[holds],
            "side": claims["side"].to_numpy(dtype=object)[holds],
            "who": claims["voice"].to_numpy()[holds],
        }
    )
    pair = h.merge(h, on="pc", suffixes=("", "_o"))
    pair = pair[pair["who"] != pair["who_o"]]
    gap = pair["day_o"] - pair["day"]
    backed = pair[(pair["side_o"] == pair["side"]) & (gap.abs() <= CORROBORATION_DAYS)]
    before = pair[(pair["side_o"] != pair["side"]) & (gap < 0) & (gap >= -ESTABLISHED_DAYS)]
    voices = before.groupby(["i", "side_o"])["who_o"].nunique()
    established = set(voices[voices >= ESTABLISHED_VOICES].index.get_level_values(0))
    lone = established - set(backed["i"])
    out[sorted(lone)] = True
    return out


def _evidence_rows(claims: pd.DataFrame, places: pd.DataFrame) -> pd.DataFrame:
    """Expand claims into evidence rows: (place, day, state, signed log ratio, claim)."""
    import numpy as np
    import pandas as pd

    pcs = claims["pc"].to_numpy()
    days = claims["day"].to_numpy()
    w = claims["w"].to_numpy(dtype=float) * np.where(lone_voices(claims), LONE_VOICE_FACTOR, 1.0)
    k = claims["side"].map(_STATE_INDEX).fillna(-1).astype(np.int64).to_numpy()
    ok = (k >= 0) & ~np.isnan(days)
    who = claims["voice"].to_numpy()
    keys = pd.MultiIndex.from_arrays(
        [
            claims["effect"].astype(str),
            claims["relation"].astype(str),
            claims["denied"].astype(bool),
            claims["date_precision"].astype(str),
        ]
    )
    codes, uniques = pd.factorize(keys)
    parts: list[pd.DataFrame] = []
    # one vectorised pass per kind of claim and piece of evidence (a few dozen in all)
    for u, key in enumerate(uniques):
        idx = np.flatnonzero((codes == u) & ok)
        if len(idx) == 0:
            continue
        for e in evidence_of(*key):
            share = w[idx] * EVIDENCE_SHARE[e.share]
            ratio = (MAX_RATIO if e.kind == "state" else EVENT_RATIO) - 1.0
            llr = np.log1p(ratio * np.maximum(share, 0.0))
            parts.append(
                pd.DataFrame(
                    {
                        "pc": pcs[idx],
                        "day": days[idx] + e.offset,
                        "k": k[idx],
                        "llr": llr if e.favours else -llr,
                        "who": who[idx],
                        "claim": idx,
                        "kind": _KINDS[e.kind],
                    }
                )
            )
    columns = ("pc", "day", "k", "llr", "who", "claim", "kind")
    frame = (
        pd.concat(parts, ignore_index=True)
        if parts
        else pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
    )
    frame = frame.astype(
        {
            "pc": np.int64,
            "day": float,
            "k": np.int64,
            "llr": float,
            "kind": np.int64,
            "who": np.int64,
        }
    )
    frame["area"] = False
    area = _area_rows(claims, places)
    if len(area):
        frame = pd.concat([frame, area.assign(area=True)], ignore_index=True)
    return frame


def _area_rows(claims: pd.DataFrame, places: pd.DataFrame) -> pd.DataFrame:
    """Rule 8: a side leaving a whole area ends its holds on every evidenced place inside."""
    import numpy as np
    import pandas as pd

    mask = (
        (claims["effect"] == "end").to_numpy()
        & ~claims["denied"].to_numpy(dtype=bool)
        & claims["kind"].isin(AREA_KINDS).to_numpy()
        & (claims["side"] != "").to_numpy()
        & ~np.isnan(claims["day"].to_numpy())
    )
    if not mask.any():
        return pd.DataFrame()
    firsts = claims.drop_duplicates("pc")[["pc", "place_id", "kind", "admin1_iso"]]
    admin2 = places["admin2_id"].reindex(firsts["place_id"]).fillna("").to_numpy(dtype=object)
    gov = firsts["admin1_iso"].to_numpy(dtype=object)
    point = ~firsts["kind"].isin(AREA_KINDS).to_numpy()
    pcs = firsts["pc"].to_numpy()
    # the places each side is said (by their own claims) to hold
    eff = claims["effect"].to_numpy(dtype=object)
    den = claims["denied"].to_numpy(dtype=bool)
    holds = ((eff == "hold") & ~den) | ((eff == "end") & den)
    held_by: dict[str, np.ndarray] = {
        side: np.unique(claims["pc"].to_numpy()[holds & (claims["side"].to_numpy() == side)])
        for side in set(claims["side"].to_numpy(dtype=object)[holds].tolist())
    }
    parts: list[pd.DataFrame] = []
    for i in np.flatnonzero(mask).tolist():
        r = claims.iloc[i]
        if r["kind"] == "country":
            inside = point
        elif r["kind"] == "governorate":
            inside = point & (gov == r["admin1_iso"])
        elif r["kind"] == "district":
            inside = point & (admin2 == r["place_id"])
        else:
            continue
        members = pcs[inside]
        if len(members) == 0:
            continue
        share = float(r["w"]) * EVIDENCE_SHARE["area"]
        held = np.isin(members, held_by.get(r["side"], ()))
        # what a withdrawal says about each place inside: that the side does not hold it
        # from then on; and, where the place's own claims say the side held it, that its
        # hold ended then. Not that it held the others: a side leaving a province (or the
        # country) says nothing of the places inside it that others held.
        for e in evidence_of("end", r["relation"], False, r["date_precision"]):
            if e.share == "before":
                continue
            if e.kind != "state":
                members_e = members[held]
                if len(members_e) == 0:
                    continue
            else:
                members_e = members
            weight = share * EVIDENCE_SHARE[e.share]
            ratio = likelihood_ratio(weight) if e.kind == "state" else event_ratio(weight)
            llr = math.log(ratio) * (1 if e.favours else -1)
            parts.append(
                pd.DataFrame(
                    {
                        "pc": members_e,
                        "day": float(r["day"]) + e.offset,
                        "k": _STATE_INDEX[r["side"]],
                        "llr": llr,
                        "who": int(r["voice"]),
                        "claim": i,
                        "kind": _KINDS[e.kind],
                    }
                )
            )
    if not parts:
        return pd.DataFrame()
    frame = pd.concat(parts, ignore_index=True)
    return frame.astype(
        {
            "pc": np.int64,
            "day": float,
            "k": np.int64,
            "llr": float,
            "kind": np.int64,
            "who": np.int64,
        }
    )


# -- the passes ---------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Fit:
    """A fitted reading: per (place, evidence day) the forward and backward messages."""

    claims: pd.DataFrame  # prepared claims of this reading (rows of prepare())
    evidence: pd.DataFrame  # evidence rows after pooling per voice
    pc: np.ndarray  # place code of each (place, day) row, ascending
    day: np.ndarray  # the day of each row, ascending within a place
    obs: np.ndarray  # (rows, K) observation likelihoods (scaled)
    into: np.ndarray  # (rows, K) ratio of a change into each state since the previous row
    out: np.ndarray  # (rows, K) ratio of a change out of each state since the previous row
    alpha: np.ndarray  # (rows, K) forward messages (normalised)
    beta: np.ndarray  # (rows, K) backward messages (normalised), obs of later rows only
    first_row: np.ndarray  # per place code: index of its first row (-1 without rows)
    n_rows: np.ndarray  # per place code: number of rows
    first_claim_day: np.ndarray  # per place code: the first day any claim is dated
    cache: dict[str, Any] = dataclasses.field(default_factory=dict, compare=False)


def _blend(
    v: np.ndarray,
    lam: np.ndarray,
    prior: np.ndarray,
    into: np.ndarray | None = None,
    out: np.ndarray | None = None,
) -> np.ndarray:
    """Apply the transition ``lam*I + (1-lam)*1·prior`` to distributions (rows).

    With change reports, a change from i to j (i ≠ j) is weighted ``out[i] * into[j]``.
    """
    if into is None or out is None:
        return lam[:, None] * v + (1.0 - lam[:, None]) * prior[None, :]
    b_total = (v * out).sum(axis=1, keepdims=True)
    changed = v + into * (b_total - v * out)
    return lam[:, None] * v + (1.0 - lam[:, None]) * prior[None, :] * changed


def _blend_back(
    v: np.ndarray,
    lam: np.ndarray,
    prior: np.ndarray,
    into: np.ndarray | None = None,
    out: np.ndarray | None = None,
) -> np.ndarray:
    """Apply the transition to a backward message (a column vector per row)."""
    if into is None or out is None:
        return lam[:, None] * v + (1.0 - lam[:, None]) * (v @ prior)[:, None]
    pv = prior[None, :] * v
    a_total = (pv * into).sum(axis=1, keepdims=True)
    changed = pv + out * (a_total - pv * into)
    return lam[:, None] * v + (1.0 - lam[:, None]) * changed


def _lam(gap: np.ndarray) -> np.ndarray:
    """Return the chance the holder stays over each gap (rule 2, :func:`stay_probability`)."""
    return stay_probability(gap)


def _passes(pooled: pd.DataFrame, n_places: int) -> tuple[np.ndarray, ...]:
    """Run the forward and backward passes over pooled evidence rows, place by place.

    Returns the (place, day) grid, ascending (``pc``, ``day``), its observation and change
    ratios (``obs``, ``into``, ``out``), the normalised messages (``alpha``, ``beta``) and,
    per place code, its first row and number of rows.
    """
    import numpy as np

    prior = _prior_vector()
    if len(pooled) == 0:
        z, e = np.zeros((0, _K)), np.zeros(0)
        none = np.full(n_places, -1, dtype=np.int64)
        return (e.astype(np.int64), e, z, z, z, z, z, none, np.zeros(n_places, dtype=np.int64))
    key = pooled["pc"].to_numpy() * 10_000_000 + (pooled["day"].to_numpy() + 5_000_000)
    uniq, inv = np.unique(key.astype(np.int64), return_inverse=True)
    n = len(uniq)
    kind = pooled["kind"].to_numpy()
    logs = np.zeros((3, n, _K))
    np.add.at(logs, (kind, inv, pooled["k"].to_numpy()), pooled["llr"].to_numpy())
    obs = np.exp(logs[0] - logs[0].max(axis=1, keepdims=True))
    into = np.exp(np.minimum(logs[1], 200.0))
    out = np.exp(np.minimum(logs[2], 200.0))
    pc = (uniq // 10_000_000).astype(np.int64)
    day = (uniq % 10_000_000 - 5_000_000).astype(float)
    first_row = np.full(n_places, -1, dtype=np.int64)
    starts = np.flatnonzero(np.r_[True, pc[1:] != pc[:-1]])
    first_row[pc[starts]] = starts
    n_rows = np.bincount(pc, minlength=n_places).astype(np.int64)
    pos = np.arange(n) - first_row[pc]
    rev = n_rows[pc] - 1 - pos

    alpha = np.zeros((n, _K))
    for i in range(int(pos.max()) + 1):
        rows = np.flatnonzero(pos == i)
        if i == 0:
            pred = np.broadcast_to(prior, (len(rows), _K))
        else:
            pred = _blend(
                alpha[rows - 1], _lam(day[rows] - day[rows - 1]), prior, into[rows], out[rows]
            )
        a = pred * obs[rows]
        alpha[rows] = a / a.sum(axis=1, keepdims=True)
    beta = np.ones((n, _K))
    for i in range(1, int(rev.max()) + 1):
        rows = np.flatnonzero(rev == i)
        nxt = rows + 1
        b = _blend_back(
            obs[nxt] * beta[nxt], _lam(day[nxt] - day[rows]), prior, into[nxt], out[nxt]
        )
        beta[rows] = b / b.sum(axis=1, keepdims=True)
    return pc, day, obs, into, out, alpha, beta, first_row, n_rows


def fit(claims: pd.DataFrame, places: pd.DataFrame, n_places: int) -> Fit:
    """Run the forward and backward passes over every place's evidence days."""
    import numpy as np
    import pandas as pd

    ev = _evidence_rows(claims, places)
    links = ev.loc[ev["area"], ["pc", "claim"]].drop_duplicates() if len(ev) else pd.DataFrame()
    first_claim_day = np.full(n_places, np.inf)
    if len(claims):
        ok = ~np.isnan(claims["day"].to_numpy())
        np.minimum.at(first_claim_day, claims["pc"].to_numpy()[ok], claims["day"].to_numpy()[ok])
    if ev.empty:
        pooled = ev
    else:
        # Rule 5: one voice counts once per place, day, state and direction (its strongest).
        who_code = ev["who"].to_numpy(dtype=np.int64)
        group = pd.MultiIndex.from_arrays(
            [ev["pc"], ev["day"], ev["k"], ev["llr"] > 0, who_code, ev["kind"]]
        )
        gcode = pd.factorize(group)[0]
        order = np.lexsort((-ev["llr"].abs().to_numpy(), gcode))
        first = np.ones(len(order), dtype=bool)
        first[1:] = gcode[order][1:] != gcode[order][:-1]
        pooled = ev.iloc[np.sort(order[first])]
    pc, day, obs, into, out, alpha, beta, first_row, n_rows = _passes(pooled, n_places)
    fitted = Fit(
        claims, pooled, pc, day, obs, into, out, alpha, beta, first_row, n_rows, first_claim_day
    )
    fitted.cache["links"] = links
    return fitted


def posterior(f: Fit, pcs: np.ndarray, day: float) -> np.ndarray:
    """Return the posterior over :data:`STATES` of places ``pcs`` on ``day`` (rows)."""
    import numpy as np

    prior = _prior_vector()
    out = np.broadcast_to(prior, (len(pcs), _K)).copy()
    has = f.first_row[pcs] >= 0
    if not has.any():
        return out
    idx = np.flatnonzero(has)
    p = pcs[idx]
    lo, cnt = f.first_row[p], f.n_rows[p]
    # the last evidence row on or before the day (searchsorted within each place's rows)
    last = np.searchsorted(f.pc * 1e7 + f.day, p * 1e7 + day, side="right") - 1
    before = last >= lo
    after_row = np.where(before, last + 1, lo)
    has_after = after_row < lo + cnt
    fwd = np.broadcast_to(prior, (len(idx), _K)).copy()
    if before.any():
        b = np.flatnonzero(before)
        r = last[b]
        fwd[b] = _blend(f.alpha[r], _lam(day - f.day[r]), prior)
    bwd = np.ones((len(idx), _K))
    if has_after.any():
        a = np.flatnonzero(has_after)
        r = after_row[a]
        bwd[a] = _blend_back(f.obs[r] * f.beta[r], _lam(f.day[r] - day), prior, f.into[r], f.out[r])
    g = fwd * bwd
    out[idx] = g / g.sum(axis=1, keepdims=True)
    return out


def _posterior_rows(f: Fit, pcs: np.ndarray, days: np.ndarray) -> np.ndarray:
    """Return the posterior of each (place, day) pair, grouped by day for speed."""
    import numpy as np

    out = np.zeros((len(pcs), _K))
    for d in np.unique(days):
        sel = np.flatnonzero(days == d)
        out[sel] = posterior(f, pcs[sel], float(d))
    return out


def roles(f: Fit) -> pd.DataFrame:
    """Return the claims each place's state is traced to (cached on the fit).

    A place's own claims, plus each claim about a whole area it lies in that spoke for it
    (rule 8), repeated with the place's code and id; sorted by place code. The index keeps
    each claim's row in :attr:`Fit.claims`.
    """
    import pandas as pd

    cached = f.cache.get("roles")
    if cached is not None:
        return cached
    links = f.cache.get("links")
    claims = f.claims
    if links is None or len(links) == 0:
        out = claims
    else:
        ids = claims.drop_duplicates("pc").set_index("pc")["place_id"]
        extra = claims.iloc[links["claim"].to_numpy()].copy()
        extra["pc"] = links["pc"].to_numpy()
        extra["place_id"] = ids.reindex(extra["pc"]).to_numpy()
        out = pd.concat([claims, extra]).sort_values("pc", kind="stable")
    f.cache["roles"] = out
    return out


def place_posterior(rows: pd.DataFrame, day: float) -> np.ndarray:
    """Return one place's posterior on ``day`` from its pooled evidence rows alone.

    The passes of :func:`fit`, for a single place: :func:`syriamap.fusion.explain` uses it
    to measure what each claim adds, by leaving it out.
    """
    import numpy as np

    one = rows.assign(pc=0)
    pc, days, obs, into, out, alpha, beta, first_row, n_rows = _passes(one, 1)
    f = Fit(
        one.iloc[:0], one, pc, days, obs, into, out, alpha, beta, first_row, n_rows, np.zeros(1)
    )
    return posterior(f, np.array([0], dtype=np.int64), day)[0]


def claim_labels(f: Fit) -> np.ndarray:
    """Return the named holder on each claim's own day (cached on the fit; -3 undated)."""
    import numpy as np

    cached = f.cache.get("claim_labels")
    if cached is not None:
        return cached
    table = roles(f)
    cpc = table["pc"].to_numpy()
    cday = table["day"].to_numpy()
    dated = ~np.isnan(cday)
    out = np.full(len(cday), -3, dtype=np.int64)
    if dated.any():
        out[dated] = labels(_posterior_rows(f, cpc[dated], cday[dated]))
    f.cache["claim_labels"] = out
    return out


def labels(post: np.ndarray) -> np.ndarray:
    """Return the named holder's state index per row (-1 when none is likely enough)."""
    import numpy as np

    real = post[:, :_NOBODY]
    best = real.argmax(axis=1)
    ok = real[np.arange(len(real)), best] >= HOLD_THRESHOLD
    return np.where(ok, best, -1)


# -- the state of a day -------------------------------------------------------------------


def _static(f: Fit) -> dict[str, Any]:
    """Return the day-independent arrays :func:`state_at` reads (cached on the fit)."""
    import numpy as np

    cached = f.cache.get("static")
    if cached is not None:
        return cached
    claims = roles(f)
    n = len(f.first_claim_day)
    cpc = claims["pc"].to_numpy()
    eff = claims["effect"].to_numpy(dtype=object)
    den = claims["denied"].to_numpy(dtype=bool)
    starts = np.searchsorted(cpc, np.arange(n))
    static = {
        "cpc": cpc,
        "cday": claims["day"].to_numpy(),
        "starts": starts,
        "has": np.bincount(cpc, minlength=n) > 0,
        "side_k": claims["side"].map(_STATE_INDEX).fillna(-1).astype(int).to_numpy(),
        "says_holds": ((eff == "hold") & ~den) | ((eff == "end") & den),
        "says_not": ((eff == "hold") & den) | ((eff == "end") & ~den) | (eff == "pressure") & ~den,
        "fighting": ((eff == "contest") | (eff == "enter")) & ~den,
        "enter": (eff == "enter") & ~den,
        "contest": eff == "contest",
        "hold_or_end": np.isin(eff, ("hold", "end")),
        "ends": (eff == "end") & ~den,
        "asserted_own": (claims["stance"].to_numpy() == "asserted")
        & (claims["own_side"].to_numpy(dtype=object) == claims["side"].to_numpy(dtype=object)),
        "own": claims["own_side"].to_numpy(dtype=object) == claims["side"].to_numpy(dtype=object),
        "actor": claims["actor"].to_numpy(dtype=object),
        "w": claims["w"].to_numpy(dtype=float),
        "ids": claims["assertion_id"].to_numpy(dtype=object),
        "src": claims["source_id"].to_numpy(dtype=object),
        "place_id": claims.drop_duplicates("pc").set_index("pc")["place_id"],
        "labels": claim_labels(f),
    }
    f.cache["static"] = static
    return static


def _reduce(
    op: Any, values: np.ndarray, mask: np.ndarray, starts: np.ndarray, has: np.ndarray, fill: float
) -> np.ndarray:
    """Per place (rows sorted by place code), ``op`` over the selected values, else ``fill``."""
    import numpy as np

    out = np.full(len(starts), fill)
    if len(values) == 0:
        return out
    v = np.where(mask, values, fill)
    red = op.reduceat(v, np.minimum(starts, len(v) - 1))
    out[has] = red[has]
    return out


@contextlib.contextmanager
def no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many small acyclic objects.

    Thousands of new lists wake it, and it then walks every object of the session.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def state_at(f: Fit, day: dt.date) -> pd.DataFrame:
    """Return one row per place with a claim dated on or before ``day`` (:data:`FUSED_COLUMNS`)."""
    with no_gc():
        return _state_at(f, day)


def _state_at(f: Fit, day: dt.date) -> pd.DataFrame:
    import numpy as np
    import pandas as pd

    d = float(day.toordinal() - EPOCH)
    # places claimed by the day, and those whose first claim comes within PRESUPPOSED_DAYS
    # (shown only if a later withdrawal or loss names who held them then; see below)
    listed = np.flatnonzero(f.first_claim_day <= d + PRESUPPOSED_DAYS)
    if len(listed) == 0:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in FUSED_COLUMNS})
    st = _static(f)
    n = len(f.first_claim_day)
    post = posterior(f, listed, d)
    lab = labels(post)
    holder = np.full(n, -2, dtype=np.int64)
    holder[listed] = lab

    # the run of the current label around the day, from the labels on the claims' days
    cpc, cday, starts, has = st["cpc"], st["cday"], st["starts"], st["has"]
    h = holder[cpc]
    dated = ~np.isnan(cday) & (h > -2)
    brk = dated & (st["labels"] != h)
    last_break = _reduce(np.maximum, cday, brk & (cday <= d), starts, has, -np.inf)
    run_start = _reduce(
        np.minimum,
        cday,
        dated & ~brk & (cday <= d) & (cday > last_break[cpc]),
        starts,
        has,
        np.inf,
    )
    run_start = np.where(np.isfinite(run_start), run_start, last_break + 1)
    run_start = np.where(np.isfinite(run_start), run_start, f.first_claim_day)
    first_break_after = _reduce(np.minimum, cday, brk & (cday > d), starts, has, np.inf)

    # claims in the run: their role, from the direction of their evidence about the holder
    in_run = (cday >= run_start[cpc]) & (cday < first_break_after[cpc]) & (h > -2)
    side_k = st["side_k"]
    says_holds, says_not, fighting = st["says_holds"], st["says_not"], st["fighting"]
    named = h >= 0
    mine = side_k == h
    real = side_k >= 0
    support = in_run & named & ((says_holds & mine) | (says_not & ~mine & real))
    support |= in_run & named & st["enter"] & mine
    conflict = in_run & named & ((says_holds & ~mine & real) | (says_not & mine))
    support |= in_run & ~named & (says_not | fighting)
    conflict |= in_run & ~named & says_holds
    conflict &= ~support
    # before a place's first claim: the holder's own withdrawal or loss on the day its
    # hold ends is what says it held the place (rule 6, a presupposed hold)
    early = f.first_claim_day > d
    presupposed = early[cpc] & named & mine & st["ends"] & (cday == first_break_after[cpc])
    support |= presupposed
    conflict &= ~presupposed
    # fighting inside since the state began: a rival's entry, or anyone's "contested"
    contest_row = in_run & (cday <= d) & fighting & (st["contest"] | ~mine)
    listed_conflict = conflict | (contest_row & ~support)
    disputed_row = conflict & st["hold_or_end"]

    contested = np.bincount(cpc[contest_row], minlength=n) > 0
    disputed = np.bincount(cpc[disputed_row], minlength=n) > 0
    hold_rows = support & says_holds & mine
    confirmed = np.bincount(cpc[hold_rows & st["asserted_own"]], minlength=n) > 0

    # the actor shown: the most weighted actor of the holder's own side among its claims
    actor = np.full(n, "", dtype=object)
    pick = np.flatnonzero(hold_rows & st["own"])
    if len(pick):
        agg = pd.DataFrame({"pc": cpc[pick], "actor": st["actor"][pick], "w": st["w"][pick]})
        agg = agg.groupby(["pc", "actor"], sort=False)["w"].sum().round(9).reset_index()
        agg["specific"] = agg["actor"].map(_specific()).fillna(1)
        agg = agg.sort_values(
            ["pc", "w", "specific", "actor"], ascending=[True, False, True, True]
        ).drop_duplicates("pc")
        actor[agg["pc"].to_numpy()] = agg["actor"].to_numpy(dtype=object)
    named_listed = listed[lab >= 0]
    missing = named_listed[actor[named_listed] == ""]
    for p in missing.tolist():
        actor[p] = _default_actor(STATES[holder[p]])

    ids, src = st["ids"], st["src"]
    sup_ids = _group(cpc[support], ids[support], n)
    con_ids = _group(cpc[listed_conflict], ids[listed_conflict], n)
    sources = _group(cpc[support], src[support], n, distinct=True)

    side = np.where(lab >= 0, np.asarray(STATES, dtype=object)[np.maximum(lab, 0)], "")
    best_real = post[:, :_NOBODY].max(axis=1)
    conf = np.where(lab >= 0, post[np.arange(len(listed)), np.maximum(lab, 0)], best_real)
    status = np.where(contested[listed], "contested", np.where(lab >= 0, "held", "unknown")).astype(
        object
    )
    change = run_start[listed].astype(np.int64) + EPOCH
    # a place not yet claimed on the day stays off the list unless a presupposed hold
    # names its holder; its last change is unknown (None)
    shown_early = np.bincount(cpc[presupposed], minlength=n) > 0
    keep = ~early[listed] | ((lab >= 0) & shown_early[listed])
    if not keep.all():
        listed, lab, side, conf, status, change = (
            a[keep] for a in (listed, lab, side, conf, status, change)
        )
    changes = [
        None if early[p] else dt.date.fromordinal(x)
        for p, x in zip(listed.tolist(), change.tolist(), strict=True)
    ]
    listed_l = listed.tolist()
    out = pd.DataFrame(
        {
            "place_id": st["place_id"].reindex(listed).to_numpy(dtype=object),
            "actor": np.where(lab >= 0, actor[listed], "").astype(object),
            "side": side.astype(object),
            "status": status,
            "confidence": np.round(np.clip(conf, 0.0, 1.0), 4),
            "confirmed": confirmed[listed] & (lab >= 0),
            "disputed": disputed[listed],
            "last_change": changes,
            "supporting": [sup_ids[p] for p in listed_l],
            "conflicting": [con_ids[p] for p in listed_l],
            "n_sources": [len(sources[p]) for p in listed_l],
            "sources": [sources[p] for p in listed_l],
        }
    )
    return out[list(FUSED_COLUMNS)].sort_values("place_id").reset_index(drop=True)


@functools.cache
def _default_actor(side: str) -> str:
    """Return the generic actor of a side (the side's own id when there is one)."""
    known = actors()
    if side in known:
        return side
    for a in known.values():
        if a.side == side and not a.parent:
            return a.id
    return ""


def _group(
    codes: np.ndarray, values: np.ndarray, n: int, *, distinct: bool = False
) -> list[tuple[str, ...]]:
    """Split ``values`` by group code 0..n-1 (codes ascending); optionally sorted sets.

    Tuples of strings, which the cyclic garbage collector stops tracking: the states of
    many days stay cached without slowing every later collection.
    """
    import numpy as np

    empty: tuple[str, ...] = ()
    out: list[tuple[str, ...]] = [empty] * n
    if len(codes) == 0:
        return out
    vals = values.tolist()
    cuts = (np.flatnonzero(codes[1:] != codes[:-1]) + 1).tolist()
    starts = [0, *cuts]
    ends = [*cuts, len(vals)]
    keys = codes[starts].tolist()
    for key, a, b in zip(keys, starts, ends, strict=True):
        chunk = vals[a:b]
        out[key] = tuple(sorted(set(chunk))) if distinct else tuple(chunk)
    return out


__all__ = ["Fit", "fit", "posterior", "prepare", "state_at"]
