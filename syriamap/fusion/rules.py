"""The fusion rules as tables and small functions (explained in :mod:`syriamap.fusion`)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping

from ..actors import SIDES
from ..assertions import DatePrecision, PlacePrecision, Relation, Stance

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
    "place_id",
    "name",
    "name_ar",
    "kind",
    "admin1",
    "admin1_iso",
    "population",
    "actor",
    "side",
    "status",
    "confidence",
    "confirmed",
    "as_of",
    "last_change",
    "supporting",
    "conflicting",
    "n_sources",
    "sources",
)
"""The columns of :func:`control_at` (``geometry`` comes last)."""

_FUSED_COLUMNS = (
    "place_id",
    "actor",
    "side",
    "status",
    "confidence",
    "confirmed",
    "last_change",
    "supporting",
    "conflicting",
    "n_sources",
    "sources",
)


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
    return (
        ("self_serving" if favourable else "against")
        if own
        else ("against" if favourable else "self_serving")
    )


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


def next_state(
    state: _State, day: int, winner: str | None, actor: str, ended: frozenset[str]
) -> _State:
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
