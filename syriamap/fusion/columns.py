"""The column contracts of the fusion's outputs (one copy each; renderers import them)."""

from __future__ import annotations

from ..actors import SIDES

#: The columns of :func:`syriamap.fusion.control_at` (``geometry`` comes last).
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
    "disputed",
    "as_of",
    "last_change",
    "supporting",
    "conflicting",
    "n_sources",
    "sources",
)

#: The per-place columns the model computes (the rest come from the gazetteer).
FUSED_COLUMNS: tuple[str, ...] = (
    "place_id",
    "actor",
    "side",
    "status",
    "confidence",
    "confirmed",
    "disputed",
    "last_change",
    "supporting",
    "conflicting",
    "n_sources",
    "sources",
)

#: The columns of :func:`syriamap.fusion.governorate_summary` (``geometry`` comes last).
GOVERNORATE_COLUMNS: tuple[str, ...] = (
    "place_id",
    "name",
    "name_ar",
    "iso",
    "n_places",
    *(f"share_{s}" for s in SIDES),
    *(f"pop_share_{s}" for s in SIDES),
    "coverage",
    "dominant_side",
    "dominant_share",
)

#: The columns of :func:`syriamap.fusion.capitals`.
CAPITAL_COLUMNS: tuple[str, ...] = (
    "capital",
    "governorate",
    "iso",
    "place_id",
    "actor",
    "side",
    "status",
    "confidence",
    "disputed",
)

#: The columns of :func:`syriamap.fusion.explain`.
EXPLAIN_COLUMNS: tuple[str, ...] = (
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
    "llr",
    "role",
)
