"""Fusion: from many noisy claims to one control state per place and day.

Each place has a hidden *holder* on each day: one of the sides, or nobody. Claims are
noisy observations of it. The posterior over holders, given the claims, is computed
exactly per place (a hidden Markov model), so the confidence shown is a probability and
one stray report cannot repaint a city that several independent outlets agree about.
The rules, each a table or small function in :mod:`syriamap.fusion.rules`:

1. **Two readings.** With hindsight (the default): every claim counts, including later
   reports about earlier days (forward-backward smoothing: a report on 9 Dec that the
   rebels were still "advancing on" a city corrects an early claim that they took it).
   As reported by R (``as_reported_by=R``): only sources published on or before R count,
   what was knowable then (sources without a publication date are left out); when R is
   not after the day shown this is the forward filter. A place is listed on a day when
   one of its claims is dated on or before that day. Places missing from the gazetteer
   cannot be drawn and are left out.

2. **Holds persist.** Before any claim the holder is drawn from :data:`PRIOR`
   (government, opposition and SDF alike; IS, other groups and "nobody" less likely;
   Israel and foreign states rarely). Each day the holder is redrawn from the prior with
   probability :data:`CHANGE_RATE` (2 %), so a hold lasts (87 % over a week) and a
   reversal within days, which needs two changes, is rarer still: it takes its own,
   strong evidence ("recaptured", "retook").

3. **What each claim says** (:func:`evidence_of`, :data:`RELATION_EFFECT`): "S captured
   X" says S holds X that day *and* did not hold it the day before (before the date's
   slack, :data:`DATE_SLACK`); "S controls X" says S holds it; "S withdrew from / lost
   X" says S no longer holds it and did before; "S advancing on / encircled X" says S
   does *not* hold it; "S entered X" mildly supports S (fighting inside is not yet a
   hold); "contested" says nothing about the holder (rule 9). A denial turns a claim
   around: a denied capture says S does not hold X, a denied withdrawal that it does.
   A claim of weight w is :func:`likelihood_ratio` ``1 + 9w`` times likelier if true.

4. **Every claim has a weight** (:func:`claim_weight`), the product of its stance
   (asserted 1, attributed 0.7, denied 0.6, unverified 0.4), the claimant's interest
   (a claim against the claimant's own side, such as an army admitting a withdrawal,
   1.25; a self-serving one 0.75; the text itself or a neutral monitor 1), date
   precision (day 1 … year 0.4), place precision (place 1, near 0.7, region 0.5) and
   the assertion's own confidence. A claim about an unnamed part of an area (its note
   holds :data:`syriamap.assertions.PARTIAL_AREA_NOTE`: "took several towns in Homs
   province") counts at the area as a presence (a capture or hold as an entry) or as
   fighting (a withdrawal or loss): it does not say who holds the whole area, confirms
   no hold of it (rule 9) and colours no governorate.

5. **One voice counts once.** Claims from one publisher are not independent: per place,
   day, side and direction only a voice's strongest claim counts. Relayed wire copy
   speaks with its agency's voice (``"Khaleej Times (AFP)"`` is AFP). Independent voices
   that agree multiply their ratios.

6. **The state shown** on day D is the posterior on D. A side is the holder when its
   posterior reaches :data:`HOLD_THRESHOLD` (0.5); otherwise the place is ``unknown``
   (no colour: a wrong colour is worse than none). ``confidence`` is the holder's
   posterior (for ``unknown``, the likeliest side's, too low to name).
   ``last_change`` is the first evidence day of the current run of that reading.
   A withdrawal or a loss presupposes a hold: up to :data:`PRESUPPOSED_DAYS` (14) days
   before a place's first claim, the side whose later withdrawal or loss says it held
   the place is shown as its holder when its posterior reaches the threshold ("the army
   withdrew from Daraa on 6 December": the army held Daraa on the 4th), with that claim
   as the evidence and ``last_change`` None. A capture presupposes no holder, so a place
   whose first claim is a capture is not shown before it.

7. **Foreign supporters and outside actors.** Russia, Iran and Hezbollah count for the
   government, Turkey for the opposition, the United States for the SDF
   (:data:`ALLIES`): their airstrikes and bases do not make them holders of Syrian towns.
   Direct control by an outside actor is a place-specific exception that the data
   states (``data/foreign_control.csv``: Israel in Quneitra governorate and on Mount
   Hermon); elsewhere such claims are listed as ``ignored`` by :func:`explain`.

8. **Collapse.** A side withdrawing from, or losing, a whole area (a governorate, a
   district, the country: "the fall of the Assad regime") says, with a share of the
   claim's weight, that the side does not hold any evidenced place inside it from that
   day, unless a place's own evidence says otherwise; where a place's own claims say the
   side held it, its hold ended that day. It says nothing of who held the other places
   before. The country itself is no row of :func:`control_at`: its claims show in the
   rows of the places they speak for.

9. **Status.** ``contested`` when, during the current run and up to D, a rival (a side
   other than the holder) entered the place or anyone reported fighting in it
   (``contested``); the holder, if any, is kept. ``disputed`` is separate: true when the
   run's claims disagree about the holder (a claim that another side holds it, or that
   the holder left), as opposed to fighting being reported. ``confirmed`` is true when
   the text itself asserts that the holder's own side took or holds the place.

10. **Traceable.** Every row lists its ``supporting`` and ``conflicting`` assertions
    (those of the current run that pushed towards the shown state or away from it).
    :func:`explain` lists a place's claims with their weight and log-likelihood ratio
    and gives the prior and the posterior; :func:`posterior` gives the posterior day by
    day.

:func:`governorate_summary` aggregates the places per governorate, weighted by their
confidence, with the share of the governorate's population the evidence covers, and
:func:`capitals` reads the 14 governorate capitals.
"""

from __future__ import annotations

from .columns import (
    CAPITAL_COLUMNS,
    CONTROL_COLUMNS,
    EXPLAIN_COLUMNS,
    FUSED_COLUMNS,
    GOVERNORATE_COLUMNS,
)
from .frames import (
    ControlState,
    capitals,
    control_at,
    control_state,
    explain,
    fuse,
    governorate_summary,
    posterior,
    prior,
)
from .rules import (
    ALLIES,
    CHANGE_RATE,
    DATE_PRECISION_WEIGHT,
    DATE_SLACK,
    HOLD_THRESHOLD,
    INTEREST_WEIGHT,
    MAX_RATIO,
    PLACE_PRECISION_WEIGHT,
    PRESUPPOSED_DAYS,
    PRIOR,
    RELATION_EFFECT,
    STANCE_WEIGHT,
    STATES,
    STATUSES,
    claim_weight,
    evidence_of,
    interest,
    likelihood_ratio,
)

__all__ = [
    "ALLIES",
    "CAPITAL_COLUMNS",
    "CHANGE_RATE",
    "CONTROL_COLUMNS",
    "DATE_PRECISION_WEIGHT",
    "DATE_SLACK",
    "EXPLAIN_COLUMNS",
    "FUSED_COLUMNS",
    "GOVERNORATE_COLUMNS",
    "HOLD_THRESHOLD",
    "PRESUPPOSED_DAYS",
    "INTEREST_WEIGHT",
    "MAX_RATIO",
    "PLACE_PRECISION_WEIGHT",
    "PRIOR",
    "RELATION_EFFECT",
    "STANCE_WEIGHT",
    "STATES",
    "STATUSES",
    "ControlState",
    "capitals",
    "claim_weight",
    "control_at",
    "control_state",
    "evidence_of",
    "explain",
    "fuse",
    "governorate_summary",
    "interest",
    "likelihood_ratio",
    "posterior",
    "prior",
]
