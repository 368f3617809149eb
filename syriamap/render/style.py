"""How the maps look: side colours, marker styles and legend text, shared by every output.

The HTML page, the QGIS styles (``.qml`` files and the GeoPackage's ``layer_styles``) and
the legend read the same table, so a place looks the same in a browser and in QGIS.
Side colours are not defined here: they come from the actor lexicon
(:func:`syriamap.actors.side_colour`, ``data/actors.csv``).
"""

from __future__ import annotations

import functools
from typing import Any

__all__ = [
    "AREA_KINDS",
    "AREA_STYLES",
    "GOV_SHADING",
    "GOV_SHADING_DETAIL",
    "KIND_RADIUS",
    "MARKER_STYLES",
    "SIDE_LABELS",
    "UNKNOWN_COLOUR",
    "label_importance",
    "marker_class",
    "side_colours",
    "state_text",
    "side_label",
    "sides",
]

#: Colour of places whose holder is unknown, and of sides missing from the lexicon.
UNKNOWN_COLOUR = "#9e9e9e"

#: Fallback order of the sides when :mod:`syriamap.actors` does not list them.
_SIDES_FALLBACK = ("government", "opposition", "sdf", "isis", "israel", "foreign", "other")

SIDE_LABELS = {
    "government": "Government",
    "opposition": "Opposition",
    "sdf": "SDF",
    "isis": "Islamic State",
    "israel": "Israel",
    "foreign": "Foreign forces",
    "other": "Other",
    "": "Unknown",
}

#: Circle radius in pixels by place kind (larger places draw larger).
KIND_RADIUS = {
    "governorate": 9,
    "city": 7,
    "district": 6,
    "town": 5,
    "subdistrict": 5,
    "site": 5,
    "village": 4,
    "neighbourhood": 4,
}
DEFAULT_RADIUS = 4

#: Kinds of place that are areas: a claim about one is drawn as the area's outline
#: (inset, in the holder's colour), never as a dot at its centroid.
AREA_KINDS = ("governorate", "district")

#: How an area claim's outline is drawn, by marker class (see :data:`MARKER_STYLES`):
#: line width (px), Leaflet/SVG dash array, line opacity.
AREA_STYLES: dict[str, dict[str, Any]] = {
    "held": {"weight": 3.0, "dash": None, "opacity": 0.9},
    "contested": {"weight": 3.0, "dash": "9 6", "opacity": 0.9},
    "unconfirmed": {"weight": 2.5, "dash": "2 6", "opacity": 0.9},
    "unknown": {"weight": 2.0, "dash": "2 6", "opacity": 0.7},
}

#: The four ways a place is drawn. ``fill_opacity`` of ``held`` grows with confidence:
#: ``fill_opacity + confidence_gain * confidence``. Stroke colour ``None`` means the side's
#: colour. ``dash`` is a Leaflet/SVG dash array (pixels), ``qgis_stroke`` its QGIS pen style.
MARKER_STYLES: dict[str, dict[str, Any]] = {
    "held": {
        "label": "held (asserted by at least one source)",
        "stroke": "#222222",
        "weight": 0.8,
        "dash": None,
        "qgis_stroke": "solid",
        "fill_opacity": 0.45,
        "confidence_gain": 0.5,
        "radius_delta": 0,
    },
    "contested": {
        "label": "contested (sources disagree, or fighting reported)",
        "stroke": "#444444",
        "weight": 2.2,
        "dash": "3 3",
        "qgis_stroke": "dash",
        "fill_opacity": 0.35,
        "confidence_gain": 0.0,
        "radius_delta": 1,
    },
    "unconfirmed": {
        "label": "only claimed (attributed, denied or unverified): hollow ring",
        "stroke": None,
        "weight": 2.0,
        "dash": "2 3",
        "qgis_stroke": "dot",
        "fill_opacity": 0.06,
        "confidence_gain": 0.0,
        "radius_delta": 0,
    },
    "unknown": {
        "label": "holder unknown",
        "stroke": "#666666",
        "weight": 1.0,
        "dash": None,
        "qgis_stroke": "solid",
        "fill_opacity": 0.5,
        "confidence_gain": 0.0,
        "radius_delta": -1,
    },
}


@functools.cache
def sides() -> tuple[str, ...]:
    """Return the sides in legend order (from :data:`syriamap.actors.SIDES`)."""
    try:
        from ..actors import SIDES
    except ImportError:  # pragma: no cover - the actor lexicon is part of the package
        return _SIDES_FALLBACK
    return tuple(SIDES)


@functools.cache
def side_colours() -> dict[str, str]:
    """Return ``{side: "#rrggbb"}`` for every side, from the actor lexicon.

    Examples
    --------
    >>> side_colours()["government"].startswith("#")
    True
    """
    from ..actors import side_colour

    colours: dict[str, str] = {}
    for side in sides():
        try:
            colours[side] = str(side_colour(side)).lower()
        except LookupError:
            colours[side] = UNKNOWN_COLOUR
    return colours


def side_label(side: str | None) -> str:
    """Return the human label of a side (``"sdf"`` → ``"SDF"``)."""
    key = side or ""
    return SIDE_LABELS.get(key, key.replace("_", " ").capitalize())


def marker_class(status: str | None, confirmed: bool | None) -> str:
    """Return the key of :data:`MARKER_STYLES` a place is drawn with.

    Examples
    --------
    >>> marker_class("held", True), marker_class("held", False), marker_class("contested", True)
    ('held', 'unconfirmed', 'contested')
    """
    if status == "contested":
        return "contested"
    if status not in ("held", "contested"):
        return "unknown"
    return "held" if confirmed else "unconfirmed"


def state_text(
    status: str | None,
    side: str | None,
    actor: str | None = None,
    confirmed: bool | None = None,
    *,
    disputed: bool = False,
) -> str:
    """Describe a place's state in words, from the same fields that choose its symbol.

    The popup, the tooltip and the legend use this text, and the symbol comes from
    :func:`marker_class` on the same ``status`` and ``confirmed``: a place drawn contested
    is never described as anything else (and the exported ``status`` is that same value).

    Parameters
    ----------
    status
        ``held``, ``contested`` or ``unknown`` (anything else reads as ``unknown``).
    side, actor
        The side and actor fusion gives (may be empty).
    confirmed
        A supporting claim is asserted, not only attributed, denied or unverified.
    disputed
        Sources disagree about the holder (fusion's ``disputed`` column, when present).

    Examples
    --------
    >>> state_text("contested", None)
    'contested · holder unknown'
    >>> state_text("contested", "opposition", "southern_factions")
    'contested · leaning Opposition (southern factions)'
    >>> state_text("held", "government", "government", False)
    'held by Government · only claimed, not asserted'
    >>> state_text("unknown", "sdf")
    'holder unknown'
    """
    who = side_label(side) if side else ""
    if who and actor and actor.replace("_", " ").casefold() != who.casefold():
        who += f" ({actor.replace('_', ' ')})"
    key = marker_class(status, confirmed)
    if key == "contested":
        text = "contested · " + (f"leaning {who}" if who else "holder unknown")
    elif key == "unknown" or not who:
        text = "holder unknown"
    else:
        text = f"held by {who}"
        if key == "unconfirmed":
            text += " · only claimed, not asserted"
    if disputed and key != "contested":
        text += " · sources disagree"
    return text


#: How every output describes the governorate shading (``dominant_share`` of
#: :func:`syriamap.fusion.governorate_summary`: the leading side's confidence-weighted
#: population share times ``coverage``), so the page, print, folium and QGIS agree.
GOV_SHADING = "shaded as strongly as the evidence allows"
#: What the shade is, in words (after :data:`GOV_SHADING`).
GOV_SHADING_DETAIL = (
    "the leading side's confidence-weighted share of the population × the share of the "
    "population the evidence covers"
)

#: Governorate choropleth: fill opacity = GOV_FILL_BASE + GOV_FILL_GAIN * dominant_share.
GOV_FILL_BASE = 0.1
GOV_FILL_GAIN = 0.5
#: Pixels → millimetres at 96 dpi, to give QGIS the sizes the browser draws.
PX_MM = 0.2646


def radius(kind: str | None) -> int:
    """Marker radius in pixels for a place kind."""
    return KIND_RADIUS.get(kind or "", DEFAULT_RADIUS)


#: How much a place's kind makes it worth a label (bigger first), see label_importance.
KIND_LABEL_RANK = {
    "city": 4.0,
    "town": 2.5,
    "region": 2.5,
    "subdistrict": 2.0,
    "site": 1.5,
    "village": 1.0,
    "neighbourhood": 0.5,
}


def label_importance(kind: str | None, population: int | None, n_sources: int | None) -> int:
    """Rank a place for a label when space is short: kind, then population, then evidence.

    Labels are placed greedily in this order and a label that would overlap one already
    placed is left out, so a crowded area shows its largest, best-attested places.

    Examples
    --------
    >>> label_importance("city", 2_000_000, 3) > label_importance("village", 500, 1)
    True
    """
    import math

    score = KIND_LABEL_RANK.get(kind or "", 1.0)
    if population:
        score += max(0.0, math.log10(max(1, int(population)))) * 0.8
    score += 0.4 * min(5, int(n_sources or 0))
    return round(10 * score)
