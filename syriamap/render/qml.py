"""QGIS layer styles (QML) with the same colours and symbols as the HTML map.

Places: a categorised renderer on ``side`` (one category per side, plus "unknown"), circle
markers whose fill opacity, outline and size follow ``status``, ``confirmed``,
``confidence`` and ``kind`` through data-defined properties, as in the browser:
solid for confirmed holds, dashed for contested places, a dotted hollow ring for places
known only from attributed, denied or unverified claims.

Areas (claims about a whole governorate or district): a categorised renderer on
``side``, the area's outline only (no fill, so the governorate shading and the places
stay visible), in the side's colour; solid when held, dashed when contested, dotted when
only claimed or the holder is unknown (as on the HTML page).

Governorates: a categorised renderer on ``dominant_side`` whose fill opacity grows with
``dominant_share``: the leading side's confidence-weighted share of the population times
the share the evidence covers, so each governorate is shaded as strongly as the evidence
allows.

Changes: a categorised renderer on ``after_side``, a dark ring around a dot in the new
holder's colour (the page's "changed since the day before" mark).

The same QML text goes into a ``.qml`` file beside each GeoJSON file (QGIS loads it with the
layer) and into the GeoPackage's ``layer_styles`` table.

Timeline exports (``temporal=True``) also carry the layer's temporal properties for QGIS's
Temporal Controller (style category ``Temporal``, element ``<temporal>`` as QGIS writes it
with ``exportNamedStyle``): active, "start and end from separate fields" (``mode="2"``)
with ``valid_from`` / ``valid_to``, limits "include start, exclude end"
(``limitMode="0"``). Without them QGIS leaves temporal properties off and guesses
``valid_from`` with ``last_change``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

from .style import (
    AREA_STYLES,
    DEFAULT_RADIUS,
    GOV_FILL_BASE,
    GOV_FILL_GAIN,
    GOV_SHADING,
    KIND_RADIUS,
    MARKER_STYLES,
    PX_MM,
    UNKNOWN_COLOUR,
    side_colours,
    side_label,
    sides,
)

__all__ = ["LAYER_STYLES", "areas_qml", "changes_qml", "governorates_qml", "places_qml"]

_QGIS_VERSION = "3.34.0-Prizren"

#: QgsVectorLayerTemporalProperties: Qgis.VectorTemporalMode.FeatureDateTimeStartAndEndFromFields
_MODE_START_AND_END_FIELDS = "2"
#: Qgis.VectorTemporalLimitMode.IncludeBeginExcludeEnd
_LIMIT_INCLUDE_START_EXCLUDE_END = "0"
#: The half-open interval fields of timeline exports (see syriamap.render._frames).
START_FIELD, END_FIELD = "valid_from", "valid_to"


def _rgba(colour: str, alpha: float = 1.0) -> str:
    text = colour.lstrip("#")
    r, g, b = (int(text[i : i + 2], 16) for i in (0, 2, 4))
    return f"{r},{g},{b},{round(alpha * 255)}"


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _options(parent: ET.Element, props: dict[str, str]) -> None:
    """Write symbol-layer properties both as QGIS ≥ 3.26 ``Option`` maps and as ``prop``."""
    option_map = ET.SubElement(parent, "Option", type="Map")
    for key, value in props.items():
        ET.SubElement(option_map, "Option", name=key, type="QString", value=value)
    for key, value in props.items():
        ET.SubElement(parent, "prop", k=key, v=value)


def _data_defined(parent: ET.Element, expressions: dict[str, str]) -> None:
    ddp = ET.SubElement(parent, "data_defined_properties")
    root = ET.SubElement(ddp, "Option", type="Map")
    ET.SubElement(root, "Option", name="name", type="QString", value="")
    props = ET.SubElement(root, "Option", name="properties", type="Map")
    for key, expression in expressions.items():
        prop = ET.SubElement(props, "Option", name=key, type="Map")
        ET.SubElement(prop, "Option", name="active", type="bool", value="true")
        ET.SubElement(prop, "Option", name="expression", type="QString", value=expression)
        ET.SubElement(prop, "Option", name="type", type="int", value="3")
    ET.SubElement(root, "Option", name="type", type="QString", value="collection")


def _temporal(parent: ET.Element) -> None:
    """Temporal properties: active, start and end from ``valid_from``/``valid_to``."""
    temporal = ET.SubElement(
        parent,
        "temporal",
        enabled="1",
        mode=_MODE_START_AND_END_FIELDS,
        startField=START_FIELD,
        endField=END_FIELD,
        limitMode=_LIMIT_INCLUDE_START_EXCLUDE_END,
        accumulate="0",
        fixedDuration="0",
        durationField="",
        durationUnit="min",
        startExpression="",
        endExpression="",
    )
    fixed = ET.SubElement(temporal, "fixedRange")
    ET.SubElement(fixed, "start")
    ET.SubElement(fixed, "end")


def _labeling(
    parent: ET.Element,
    *,
    size: float,
    colour: str,
    bold: bool,
    upper: bool,
    priority: str,
    placement: str | None = None,
) -> None:
    """Add simple labels on ``name`` with a white halo (QGIS avoids collisions).

    ``priority`` is an expression giving 0..10: when labels collide QGIS keeps the one of
    higher priority (capitals and larger places first, as on the HTML page).
    """
    labeling = ET.SubElement(parent, "labeling", type="simple")
    settings = ET.SubElement(labeling, "settings", calloutType="simple")
    style = ET.SubElement(
        settings,
        "text-style",
        fieldName="name",
        isExpression="0",
        fontFamily="Sans Serif",
        fontSize=str(size),
        fontSizeUnit="Point",
        fontWeight="75" if bold else "50",
        fontCapitals="1" if upper else "0",
        fontLetterSpacing="0.5" if upper else "0",
        textColor=_rgba(colour),
        textOpacity="1",
        multilineHeight="1",
        blendMode="0",
        previewBkgrdColor="255,255,255,255",
    )
    ET.SubElement(
        style,
        "text-buffer",
        bufferDraw="1",
        bufferSize="0.7",
        bufferSizeUnits="MM",
        bufferColor="255,255,255,255",
        bufferOpacity="0.9",
        bufferNoFill="1",
        bufferJoinStyle="128",
        bufferBlendMode="0",
    )
    ET.SubElement(
        settings,
        "placement",
        # around the point / over the centroid
        placement=placement or ("6" if not upper else "1"),
        dist="1",
        distUnits="MM",
        priority="5",
        centroidInside="1",
        centroidWhole="0",
        fitInPolygonOnly="0",
    )
    ET.SubElement(
        settings,
        "rendering",
        obstacle="1",
        displayAll="0",
        upsidedownLabels="0",
        labelPerPart="0",
        mergeLines="0",
        scaleVisibility="0",
        drawLabels="1",
        limitNumLabels="0",
        maxNumLabels="2000",
        zIndex="1" if upper else "2",
    )
    dd = ET.SubElement(settings, "dd_properties")
    root = ET.SubElement(dd, "Option", type="Map")
    ET.SubElement(root, "Option", name="name", type="QString", value="")
    props = ET.SubElement(root, "Option", name="properties", type="Map")
    prop = ET.SubElement(props, "Option", name="Priority", type="Map")
    ET.SubElement(prop, "Option", name="active", type="bool", value="true")
    ET.SubElement(prop, "Option", name="expression", type="QString", value=priority)
    ET.SubElement(prop, "Option", name="type", type="int", value="3")
    ET.SubElement(root, "Option", name="type", type="QString", value="collection")


#: Label priority of places in QGIS (0..10): kind first, then population (log scale).
_PLACE_PRIORITY = (
    "min(10, CASE \"kind\" WHEN 'city' THEN 6 WHEN 'town' THEN 4 WHEN 'region' THEN 4 "
    "WHEN 'subdistrict' THEN 3 WHEN 'site' THEN 2 WHEN 'village' THEN 2 ELSE 1 END"
    ' + coalesce(log10(max(1, "population")) / 2, 0))'
)


def _document(
    renderer_attr: str,
    categories: list[tuple[str, str]],
    symbol,
    *,
    temporal: bool = False,
    labels: dict[str, Any] | None = None,
    geometry_type: str | None = None,
) -> str:
    categories_text = "Symbology|Labeling" + ("|Temporal" if temporal else "")
    qgis = ET.Element(
        "qgis",
        version=_QGIS_VERSION,
        styleCategories=categories_text if labels else categories_text.replace("|Labeling", ""),
        labelsEnabled="1" if labels else "0",
    )
    if temporal:
        _temporal(qgis)
    renderer = ET.SubElement(
        qgis,
        "renderer-v2",
        type="categorizedSymbol",
        attr=renderer_attr,
        forceraster="0",
        symbollevels="0",
        enableorderby="0",
        referencescale="-1",
    )
    cats = ET.SubElement(renderer, "categories")
    symbols = ET.SubElement(renderer, "symbols")
    for i, (value, label) in enumerate(categories):
        ET.SubElement(
            cats,
            "category",
            value=value,
            label=label,
            symbol=str(i),
            render="true",
            type="string",
        )
        symbols.append(symbol(str(i), value))
    if labels:
        _labeling(qgis, **labels)
    ET.SubElement(qgis, "blendMode").text = "0"
    ET.SubElement(qgis, "featureBlendMode").text = "0"
    if geometry_type is None:
        geometry_type = "0" if renderer_attr == "side" else "2"
    ET.SubElement(qgis, "layerGeometryType").text = geometry_type
    ET.indent(qgis)
    body = ET.tostring(qgis, encoding="unicode")
    return "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n" + body + "\n"


def _categories(colours: dict[str, str]) -> list[tuple[str, str]]:
    return [(side, side_label(side)) for side in sides()] + [("", "Unknown")]


def _case(field: str, mapping: dict[str, Any], default: Any) -> str:
    whens = " ".join(f"WHEN {_quote(k)} THEN {v}" for k, v in mapping.items())
    return f'CASE "{field}" {whens} ELSE {default} END'


#: The marker class of a place or area (see :func:`syriamap.render.style.marker_class`).
_STATUS_KEY = (
    "CASE WHEN \"status\" = 'contested' THEN 'contested' "
    "WHEN \"status\" = 'held' AND \"confirmed\" THEN 'held' "
    "WHEN \"status\" = 'held' THEN 'unconfirmed' ELSE 'unknown' END"
)


def _per_status(values: dict[str, str]) -> str:
    return (
        "CASE "
        + " ".join(f"WHEN {_STATUS_KEY} = {_quote(k)} THEN {v}" for k, v in values.items())
        + " END"
    )


def places_qml(*, temporal: bool = False) -> str:
    """Return the QML style of the ``places`` layer (categorised by ``side``).

    Parameters
    ----------
    temporal
        Add temporal properties on ``valid_from``/``valid_to`` (timeline exports).

    Examples
    --------
    >>> "categorizedSymbol" in places_qml()
    True
    """
    colours = side_colours()
    held, contested = MARKER_STYLES["held"], MARKER_STYLES["contested"]
    unconfirmed, unknown = MARKER_STYLES["unconfirmed"], MARKER_STYLES["unknown"]
    kind_size = _case(
        "kind",
        {k: round(2 * r * PX_MM, 2) for k, r in KIND_RADIUS.items()},
        round(2 * DEFAULT_RADIUS * PX_MM, 2),
    )
    per_status = _per_status

    def symbol(name: str, side: str) -> ET.Element:
        colour = colours.get(side, UNKNOWN_COLOUR)
        el = ET.Element(
            "symbol", type="marker", name=name, alpha="1", clip_to_extent="1", force_rhr="0"
        )
        layer = ET.SubElement(
            el, "layer", {"class": "SimpleMarker"}, enabled="1", locked="0", **{"pass": "0"}
        )
        _options(
            layer,
            {
                "name": "circle",
                "color": _rgba(colour, held["fill_opacity"] + held["confidence_gain"]),
                "outline_color": _rgba(held["stroke"]),
                "outline_style": "solid",
                "outline_width": str(round(held["weight"] * PX_MM, 2)),
                "outline_width_unit": "MM",
                "size": str(round(2 * DEFAULT_RADIUS * PX_MM, 2)),
                "size_unit": "MM",
                "joinstyle": "bevel",
                "scale_method": "diameter",
            },
        )

        def fill(style: dict[str, Any], *, gain: bool) -> str:
            if style is unknown:
                return _quote(_rgba(UNKNOWN_COLOUR, style["fill_opacity"]))
            base = _quote(_rgba(colour))
            if gain:
                alpha = (
                    f"to_int(255 * ({style['fill_opacity']} + {style['confidence_gain']}"
                    ' * coalesce("confidence", 0)))'
                )
            else:
                alpha = str(round(255 * style["fill_opacity"]))
            return f"set_color_part({base}, 'alpha', {alpha})"

        def stroke(style: dict[str, Any]) -> str:
            return _quote(_rgba(style["stroke"] or colour))

        _data_defined(
            layer,
            {
                "fillColor": per_status(
                    {
                        "held": fill(held, gain=True),
                        "contested": fill(contested, gain=False),
                        "unconfirmed": fill(unconfirmed, gain=False),
                        "unknown": fill(unknown, gain=False),
                    }
                ),
                "outlineColor": per_status({k: stroke(MARKER_STYLES[k]) for k in MARKER_STYLES}),
                "outlineStyle": per_status(
                    {k: _quote(MARKER_STYLES[k]["qgis_stroke"]) for k in MARKER_STYLES}
                ),
                "outlineWidth": per_status(
                    {k: str(round(MARKER_STYLES[k]["weight"] * PX_MM, 2)) for k in MARKER_STYLES}
                ),
                "size": f"({kind_size}) + "
                + per_status(
                    {
                        k: str(round(2 * MARKER_STYLES[k]["radius_delta"] * PX_MM, 2))
                        for k in MARKER_STYLES
                    }
                ),
            },
        )
        return el

    return _document(
        "side",
        _categories(colours),
        symbol,
        temporal=temporal,
        labels={
            "size": 8,
            "colour": "#161616",
            "bold": False,
            "upper": False,
            "priority": _PLACE_PRIORITY,
        },
    )


def governorates_qml(*, temporal: bool = False) -> str:
    """Return the QML style of the ``governorates`` layer (categorised by ``dominant_side``).

    Parameters
    ----------
    temporal
        Add temporal properties on ``valid_from``/``valid_to`` (timeline exports: one
        feature per governorate and day).
    """
    colours = side_colours()

    def symbol(name: str, side: str) -> ET.Element:
        colour = colours.get(side, UNKNOWN_COLOUR)
        el = ET.Element(
            "symbol", type="fill", name=name, alpha="1", clip_to_extent="1", force_rhr="0"
        )
        layer = ET.SubElement(
            el, "layer", {"class": "SimpleFill"}, enabled="1", locked="0", **{"pass": "0"}
        )
        alpha = GOV_FILL_BASE + GOV_FILL_GAIN * 0.5 if side else 0.0
        _options(
            layer,
            {
                "color": _rgba(colour, alpha),
                "style": "solid",
                "outline_color": _rgba("#555555"),
                "outline_style": "solid",
                "outline_width": "0.4",
                "outline_width_unit": "MM",
                "joinstyle": "bevel",
            },
        )
        if side:
            expression = (
                f"set_color_part({_quote(_rgba(colour))}, 'alpha', "
                f"to_int(255 * ({GOV_FILL_BASE} + {GOV_FILL_GAIN}"
                ' * coalesce("dominant_share", 0))))'
            )
            _data_defined(layer, {"fillColor": expression})
        return el

    categories = [(side, f"{side_label(side)} leads, {GOV_SHADING}") for side in sides()]
    categories.append(("", "no claims, or no side leads"))
    return _document(
        "dominant_side",
        categories,
        symbol,
        temporal=temporal,
        labels={"size": 8, "colour": "#4a4a4a", "bold": True, "upper": True, "priority": "7"},
    )


#: QGIS pen styles of the area outlines, by marker class (from the dash of AREA_STYLES).
_AREA_PEN = {"held": "solid", "contested": "dash", "unconfirmed": "dot", "unknown": "dot"}


def areas_qml(*, temporal: bool = False) -> str:
    """Return the QML style of the ``areas`` layer: outlines in the side's colour.

    A claim about a whole governorate or district is drawn as the area's outline, not
    filled, categorised by ``side``: solid when held, dashed when contested, dotted when
    only claimed or the holder is unknown (grey), as on the HTML page.

    Parameters
    ----------
    temporal
        Add temporal properties on ``valid_from``/``valid_to`` (timeline exports).

    Examples
    --------
    >>> 'attr="side"' in areas_qml()
    True
    """
    colours = side_colours()

    def symbol(name: str, side: str) -> ET.Element:
        colour = colours.get(side, UNKNOWN_COLOUR)
        held = AREA_STYLES["held"]
        el = ET.Element(
            "symbol", type="fill", name=name, alpha="1", clip_to_extent="1", force_rhr="0"
        )
        layer = ET.SubElement(
            el, "layer", {"class": "SimpleFill"}, enabled="1", locked="0", **{"pass": "0"}
        )
        _options(
            layer,
            {
                "color": _rgba(colour, 0.0),
                "style": "no",
                "outline_color": _rgba(colour, held["opacity"]),
                "outline_style": "solid",
                "outline_width": str(round(held["weight"] * PX_MM, 2)),
                "outline_width_unit": "MM",
                "joinstyle": "bevel",
            },
        )
        line = {
            k: _quote(_rgba(colour if k != "unknown" else UNKNOWN_COLOUR, a["opacity"]))
            for k, a in AREA_STYLES.items()
        }
        _data_defined(
            layer,
            {
                "outlineColor": _per_status(line),
                "outlineStyle": _per_status({k: _quote(v) for k, v in _AREA_PEN.items()}),
                "outlineWidth": _per_status(
                    {k: str(round(a["weight"] * PX_MM, 2)) for k, a in AREA_STYLES.items()}
                ),
            },
        )
        return el

    return _document(
        "side",
        _categories(colours),
        symbol,
        temporal=temporal,
        labels={
            "size": 8,
            "colour": "#333333",
            "bold": False,
            "upper": False,
            "priority": "4",
            "placement": "1",
        },
        geometry_type="2",
    )


def changes_qml(*, temporal: bool = False) -> str:
    """Return the QML style of the ``changes`` layer (categorised by ``after_side``).

    Each change is a dark ring around a dot in the new holder's colour (grey when the
    place has no holder after the change, or was dropped), as the page marks places that
    changed since the day before.

    Parameters
    ----------
    temporal
        Add temporal properties on ``valid_from``/``valid_to`` (timeline exports: each
        change shows on its day).

    Examples
    --------
    >>> 'attr="after_side"' in changes_qml()
    True
    """
    colours = side_colours()

    def symbol(name: str, side: str) -> ET.Element:
        colour = colours.get(side, UNKNOWN_COLOUR)
        el = ET.Element(
            "symbol", type="marker", name=name, alpha="1", clip_to_extent="1", force_rhr="0"
        )
        # the dot below (its colour is the symbol's colour), the hollow ring on top
        for props in (
            {
                "name": "circle",
                "color": _rgba(colour),
                "outline_color": _rgba("#222222"),
                "outline_style": "solid",
                "outline_width": str(round(0.8 * PX_MM, 2)),
                "outline_width_unit": "MM",
                "size": str(round(2 * 3.5 * PX_MM, 2)),
                "size_unit": "MM",
                "joinstyle": "bevel",
                "scale_method": "diameter",
            },
            {
                "name": "circle",
                "color": _rgba(colour, 0.0),
                "outline_color": _rgba("#111111"),
                "outline_style": "solid",
                "outline_width": str(round(2 * PX_MM, 2)),
                "outline_width_unit": "MM",
                "size": str(round(2 * 7.5 * PX_MM, 2)),
                "size_unit": "MM",
                "joinstyle": "bevel",
                "scale_method": "diameter",
            },
        ):
            layer = ET.SubElement(
                el, "layer", {"class": "SimpleMarker"}, enabled="1", locked="0", **{"pass": "0"}
            )
            _options(layer, props)
        return el

    categories = [(side, f"now {side_label(side)}") for side in sides()] + [
        ("", "now no holder, or no longer mapped")
    ]
    return _document(
        "after_side",
        categories,
        symbol,
        temporal=temporal,
        labels={
            "size": 8,
            "colour": "#111111",
            "bold": True,
            "upper": False,
            "priority": "8",
        },
        geometry_type="0",
    )


#: The QML style of each exported layer, by layer name.
LAYER_STYLES: dict[str, Any] = {
    "places": places_qml,
    "areas": areas_qml,
    "governorates": governorates_qml,
    "changes": changes_qml,
}
