"""The fusion model's tables and small functions (explained in :mod:`syriamap.fusion`).

Everything a reader may want to tune or check lives here, as a table or a pure function:
the hidden states, the prior, the daily change rate, what each relation says about the
holder, how much a claim counts, and the evidence each claim turns into.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from ..actors import SIDES
from ..assertions import DatePrecision, PlacePrecision, Relation, Stance

# -- rule tables ---------------------------------------------------------------------------

#: Display statuses: ``held`` (a side's posterior passes :data:`HOLD_THRESHOLD`),
#: ``contested`` (fighting reported inside since the current state began) and
#: ``unknown`` (no side is likely enough to name).
STATUSES: tuple[str, ...] = ("held", "contested", "unknown")

#: The hidden state of a place on a day: one of the sides holds it, or nobody does.
NOBODY = "nobody"
STATES: tuple[str, ...] = (*SIDES, NOBODY)

#: Rule 2: how likely each state is before any claim about a place (normalised in use).
#: The three sides that held most of Syria in late 2024 are equally likely; a foreign or
#: Israeli hold is rare and only possible where the data allows it (rule 7).
PRIOR: Mapping[str, float] = {
    "government": 1.0,
    "opposition": 1.0,
    "sdf": 1.0,
    "isis": 0.4,
    "israel": 0.1,
    "foreign": 0.1,
    "other": 0.3,
    NOBODY: 0.4,
}

#: Rule 2: the chance, per day, that a place's holder is redrawn from the prior. Holds
#: persist (a week keeps the holder with probability 0.87); a change back within days
#: needs two changes, so it is rarer still and needs its own evidence.
CHANGE_RATE = 0.02

#: Rule 6: a side is named as holder when its posterior reaches this.
HOLD_THRESHOLD = 0.5

#: Rule 6: a withdrawal or a loss presupposes a hold. Up to this many days before a
#: place's first claim, hindsight names the side whose later withdrawal or loss says it
#: held the place then (when its posterior reaches :data:`HOLD_THRESHOLD`); the place is
#: not shown earlier than that, and not at all before its first claim when no such
#: claim names a holder.
PRESUPPOSED_DAYS = 14

#: Rule 3: what a relation says about the holder.
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

#: Rule 3: how many days before its recorded date an event may have happened, by date
#: precision. A capture says the taker did *not* hold the place the day before this slack.
DATE_SLACK: Mapping[str, int] = {
    DatePrecision.DAY: 0,
    DatePrecision.DAYS: 2,
    DatePrecision.PUBLISHED: 1,
    DatePrecision.WEEK: 4,
    DatePrecision.MONTH: 16,
    DatePrecision.YEAR: 183,
}

#: Rule 4: claims about a place's surroundings or region say less about the place itself.
PLACE_PRECISION_WEIGHT: Mapping[str, float] = {
    PlacePrecision.PLACE: 1.0,
    PlacePrecision.NEAR: 0.7,
    PlacePrecision.REGION: 0.5,
}

#: Rule 3: the likelihood ratio of one fully weighted claim (weight 1): how much more
#: likely the claim is if what it says is true. A claim of weight w has ratio
#: ``1 + (MAX_RATIO - 1) * w``.
MAX_RATIO = 20.0

#: Rule 3: how strongly each kind of evidence counts, as a share of a claim's weight.
#: ``before`` is what a capture or withdrawal says about the day before it (the taker did
#: not hold it; the side that left did); ``enter`` is the mild support an entry gives the
#: side entering (fighting inside is not yet a hold).
EVIDENCE_SHARE: Mapping[str, float] = {
    "now": 1.0,
    "before": 0.5,
    "enter": 0.1,
    "area": 0.6,
    "event": 1.0,
    "published_event": 0.3,
}

#: Rule 3: the likelihood ratio of a fully weighted report of a *change* (a capture: the
#: holder changed to S; a withdrawal: it changed away from S) that the change happened
#: then, against that it did not. Near ``1 / CHANGE_RATE``: one clear report of a capture
#: is enough to believe it, where a report that S merely holds a place is not enough to
#: overturn a hold it does not say ended.
EVENT_RATIO = 50.0

#: Rule 5: a lone voice against an established hold. A claim that side S holds a place,
#: made by one voice that no other voice backs within :data:`CORROBORATION_DAYS`, while at
#: least :data:`ESTABLISHED_VOICES` other voices said in the :data:`ESTABLISHED_DAYS`
#: before that another side held it, counts with its weight times this factor.
LONE_VOICE_FACTOR = 0.25
CORROBORATION_DAYS = 3
ESTABLISHED_DAYS = 7
ESTABLISHED_VOICES = 2

#: Rule 7: foreign supporters' claims count for the side they back.
ALLIES: Mapping[str, str] = {
    "russia": "government",
    "iran": "government",
    "hezbollah": "government",
    "turkey": "opposition",
    "united_states": "sdf",
}

#: Kinds of place whose ``withdrew``/``lost`` claims end the side's holds inside them.
AREA_KINDS: tuple[str, ...] = ("country", "governorate", "district", "region")


#: Rule 4: claimants whose side says nothing about their interest in a claim.
_NEUTRAL_CLAIMANTS = ("", "neutral", "foreign")


# -- rule functions ------------------------------------------------------------------------


def interest(relation: str, stance: str, actor_side: str, claimant_side: str) -> str:
    """Classify a claim by the claimant's interest (rule 4).

    A claim is *favourable* to the actor when it says the actor holds, takes, enters,
    contests or presses the place; ``withdrew``/``lost`` are unfavourable; a denial
    flips this. A claimant of the actor's side making a favourable claim is
    ``self_serving``, an unfavourable one is ``against`` its interest; a claimant of
    another side the other way round; the text itself (``""``), ``neutral`` claimants and
    ``foreign`` ones (a foreign state's officials or media back one side or another: which
    one the side does not say) are ``neutral``.

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
    >>> interest("captured", "attributed", "opposition", "foreign")  # "Turkish sources said"
    'neutral'
    """
    if claimant_side in _NEUTRAL_CLAIMANTS:
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
    """Return the weight of one claim, between 0 and 1.25 (rule 4).

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


def likelihood_ratio(weight: float) -> float:
    """Return how much more likely a claim of this weight is if it is true (rule 3).

    Examples
    --------
    >>> likelihood_ratio(1.0)
    20.0
    >>> likelihood_ratio(0.0)   # a claim of no weight says nothing
    1.0
    """
    return 1.0 + (MAX_RATIO - 1.0) * max(0.0, float(weight))


@dataclasses.dataclass(frozen=True, slots=True)
class Evidence:
    """What one claim says about one side on one day (rule 3).

    ``favours`` is true when the claim says the side holds the place that day, false when
    it says the side does not; ``ratio`` is the likelihood ratio.
    """

    offset: int  # days relative to the claim's event date
    favours: bool
    share: str  # a key of EVIDENCE_SHARE
    kind: str = "state"  # "state", or a change: "into" the side, "out" of it


def evidence_of(effect: str, relation: str, denied: bool, precision: str) -> tuple[Evidence, ...]:
    """Return the evidence one claim gives about its side (rule 3).

    Only a change dated to the day (``day``/``days`` precision) says what held before
    it and counts fully as a change; one dated only by its publication counts as a
    weaker change (``"published_event"``) and says nothing about the day before (it may
    be a recap of an older event); vaguer dates only say who held the place.

    Examples
    --------
    >>> [(e.offset, e.favours, e.kind) for e in evidence_of("hold", "captured", False, "day")]
    [(0, True, 'state'), (-1, False, 'state'), (0, True, 'into')]
    >>> [(e.offset, e.kind) for e in evidence_of("hold", "captured", False, "published")]
    [(0, 'state'), (0, 'into')]
    >>> [(e.offset, e.favours) for e in evidence_of("pressure", "advancing", False, "day")]
    [(-1, False)]
    >>> [(e.offset, e.favours) for e in evidence_of("pressure", "advancing", False, "published")]
    [(0, False)]
    >>> evidence_of("contest", "contested", False, "day")
    ()
    """
    dated = precision in (DatePrecision.DAY, DatePrecision.DAYS)
    slack = DATE_SLACK[DatePrecision(precision)]
    event = "event" if dated else "published_event"
    changes = dated or precision == DatePrecision.PUBLISHED
    if effect == "hold":
        if denied:
            return (Evidence(0, False, "now"),)
        now = Evidence(0, True, "now")
        if relation != Relation.CAPTURED:
            return (now,)
        out = [now]
        if dated:
            out.append(Evidence(-1 - slack, False, "before"))
        if changes:
            out.append(Evidence(0, True, event, "into"))
        return tuple(out)
    if effect == "end":
        if denied:
            return (Evidence(0, True, "now"),)
        out = [Evidence(0, False, "now")]
        if dated:
            out.append(Evidence(-1 - slack, True, "before"))
        if changes:
            out.append(Evidence(0, True, event, "out"))
        return tuple(out)
    if effect == "enter":
        return (Evidence(0, not denied, "enter"),)
    if effect == "pressure" and not denied:
        # advancing on X on a given day: S did not hold X as that day began; a report dated
        # only by its publication speaks in the present: S did not hold X as it was written
        return (Evidence(-1 if dated else 0, False, "now"),)
    return ()


def event_ratio(weight: float) -> float:
    """Return the likelihood ratio of a report of a change, by its weight (rule 3).

    Examples
    --------
    >>> event_ratio(1.0)
    50.0
    """
    return 1.0 + (EVENT_RATIO - 1.0) * max(0.0, float(weight))


def stay_probability(days: Any) -> Any:
    """Return the chance that no redraw happened in ``days`` days (rule 2).

    ``days`` is a number or a numpy array of them (negative counts as 0).

    Examples
    --------
    >>> round(float(stay_probability(7)), 3)
    0.868
    """
    import numpy as np

    return np.power(1.0 - CHANGE_RATE, np.maximum(days, 0.0))
