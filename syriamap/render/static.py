"""Static maps for reports: PNG, SVG or PDF drawn with matplotlib, in the page's colours.

One sheet (A4 landscape by default) with a title and date, the governorates shaded by
the leading side, claims about whole areas as inset outlines, places as dots in the
page's four symbols, the names of governorates, capitals and the most important places,
a legend, a scale bar and the credits. Drawn on a :class:`matplotlib.figure.Figure`
without pyplot, so no global state is touched and nothing opens a window.

A timeline is printed as its last day (the sheet says which day it shows).
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from typing import Any, Literal

from .._io import atomic_write
from .._types import DateLike, PathLike
from ..errors import VocabularyError
from ._frames import RenderInput, load, place_rows
from .style import (
    AREA_KINDS,
    AREA_STYLES,
    GOV_FILL_BASE,
    GOV_FILL_GAIN,
    GOV_SHADING,
    MARKER_STYLES,
    UNKNOWN_COLOUR,
    label_importance,
    marker_class,
    radius,
    side_colours,
    side_label,
    sides,
)

__all__ = ["PRINT_FORMATS", "render_static", "write_static"]

#: The formats :func:`write_static` writes.
PRINT_FORMATS = ("png", "svg", "pdf")
#: Places labelled besides the capitals (most important first, where they fit).
MAX_PLACE_LABELS = 40
_SEA = "#dfe6ea"
_CREDITS = (
    "Place data © Who's On First contributors (CC BY) · GeoNames (CC BY). "
    "Made with syriamap {version}: every dot traces to a claim, a source and a quote."
)


def _long_date(day: dt.date) -> str:
    return f"{day.day} {day.strftime('%B %Y')}"


def _rgba(colour: str, alpha: float) -> tuple[float, float, float, float]:
    text = colour.lstrip("#")
    r, g, b = (int(text[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return (r, g, b, max(0.0, min(1.0, alpha)))


def _dash(pattern: str | None) -> Any:
    if not pattern:
        return "solid"
    return (0, tuple(float(v) for v in pattern.split()))


def _area_polygons(data: RenderInput) -> dict[str, Any]:
    polygons: dict[str, Any] = {}
    frame = data.days[-1].governorates
    if "place_id" in frame:
        polygons.update(zip(frame["place_id"].astype(str), frame.geometry.values, strict=True))
    if data.areas is not None and len(data.areas):
        polygons.update(
            zip(data.areas["place_id"].astype(str), data.areas.geometry.values, strict=True)
        )
    return polygons


def _draw_geometry_outline(ax: Any, geom: Any, **style: Any) -> None:
    for part in getattr(geom, "geoms", [geom]):
        rings = [part.exterior, *part.interiors] if hasattr(part, "exterior") else [part]
        for ring in rings:
            xs, ys = ring.xy
            ax.plot(xs, ys, **style)


def _fill_polygon(ax: Any, geom: Any, **style: Any) -> None:
    from matplotlib.patches import PathPatch
    from matplotlib.path import Path as MplPath

    for part in getattr(geom, "geoms", [geom]):
        if not hasattr(part, "exterior"):
            continue
        vertices: list[tuple[float, float]] = []
        codes: list[Any] = []
        for ring in [part.exterior, *part.interiors]:
            coords = list(ring.coords)
            vertices += coords
            codes += [MplPath.MOVETO] + [MplPath.LINETO] * (len(coords) - 2) + [MplPath.CLOSEPOLY]
        ax.add_patch(PathPatch(MplPath(vertices, codes), **style))


def _scale_bar(ax: Any, lat: float) -> None:
    """Draw a 100 km bar in the lower left corner (length from the degree width at lat)."""
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    km_per_degree = 111.32 * math.cos(math.radians(lat))
    length = 100 / km_per_degree
    x = x0 + 0.04 * (x1 - x0)
    y = y0 + 0.05 * (y1 - y0)
    tick = 0.008 * (y1 - y0)
    ax.plot([x, x + length], [y, y], color="#222", linewidth=2.2, solid_capstyle="butt")
    for xx in (x, x + length / 2, x + length):
        ax.plot([xx, xx], [y - tick, y + tick], color="#222", linewidth=1.2)
    ax.text(x, y - 2.2 * tick, "0", fontsize=7, ha="center", va="top")
    ax.text(x + length, y - 2.2 * tick, "100 km", fontsize=7, ha="center", va="top")


def render_static(data: RenderInput, *, size: tuple[float, float] = (11.69, 8.27)) -> Any:
    """Draw the last day of ``data`` on a new matplotlib Figure (pure: no store access).

    Parameters
    ----------
    data
        The states to print (a timeline prints its last day).
    size
        Sheet size in inches (default: A4 landscape).

    Returns
    -------
    matplotlib.figure.Figure
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    from .. import __version__

    state = data.days[-1]
    colours = side_colours()
    fig = Figure(figsize=size, dpi=100)
    canvas = FigureCanvasAgg(fig)
    ax = fig.add_axes((0.02, 0.08, 0.64, 0.80))
    ax.set_facecolor(_SEA)
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_edgecolor("#888")

    # governorates shaded by the leading side, as on the page
    governorates = state.governorates
    for rec, geom in zip(
        governorates.drop(columns=governorates.geometry.name).to_dict("records"),
        governorates.geometry.values,
        strict=True,
    ):
        if geom is None or geom.is_empty:
            continue
        side = rec.get("dominant_side")
        side = "" if side is None or side != side else str(side)
        held = bool(side) and int(rec.get("n_places") or 0) > 0
        share = float(rec.get("dominant_share") or 0.0)
        face = (
            _rgba(colours.get(side, UNKNOWN_COLOUR), GOV_FILL_BASE + GOV_FILL_GAIN * share)
            if held
            else "#ffffff"
        )
        _fill_polygon(ax, geom, facecolor=face, edgecolor="#555", linewidth=0.6, zorder=1)
    minx, miny, maxx, maxy = governorates.total_bounds
    pad_x, pad_y = 0.04 * (maxx - minx), 0.04 * (maxy - miny)
    ax.set_xlim(minx - pad_x, maxx + pad_x)
    ax.set_ylim(miny - pad_y, maxy + pad_y)
    mid_lat = (miny + maxy) / 2
    ax.set_aspect(1 / math.cos(math.radians(mid_lat)))

    rows = place_rows(data, state)
    polygons = _area_polygons(data)
    has_areas = False
    for row in rows:
        key = marker_class(row["status"], row["confirmed"])
        colour = (
            UNKNOWN_COLOUR if key == "unknown" else colours.get(row["side"] or "", UNKNOWN_COLOUR)
        )
        geom = polygons.get(row["place_id"]) if row["kind"] in AREA_KINDS else None
        if geom is not None and not geom.is_empty:
            has_areas = True
            inset = geom.buffer(-0.015)
            inset = geom if inset.is_empty or inset.area < 0.3 * geom.area else inset
            style = AREA_STYLES[key]
            _draw_geometry_outline(
                ax,
                inset,
                color=colour,
                linewidth=style["weight"] * 0.75,
                linestyle=_dash(style["dash"]),
                alpha=style["opacity"],
                zorder=2,
            )
            continue
        style = MARKER_STYLES[key]
        conf = row["confidence"] or 0.0
        alpha = style["fill_opacity"] + style["confidence_gain"] * conf
        size_pt = 2 * (radius(row["kind"]) + style["radius_delta"]) * 0.75
        ax.scatter(
            [row["lon"]],
            [row["lat"]],
            s=size_pt**2,
            facecolors=[_rgba(colour, alpha)],
            edgecolors=[style["stroke"] or colour],
            linewidths=style["weight"] * 0.75,
            linestyles=_dash(style["dash"]) if style["dash"] else "solid",
            zorder=4 + (row["kind"] == "city"),
        )

    renderer = canvas.get_renderer()
    taken: list[Any] = []

    def place_label(x: float, y: float, text: str, *, force: bool, **style: Any) -> bool:
        # the halo is a white copy behind the name, so the name itself stays text in
        # SVG and PDF (path effects turn text into outlines)
        effects = style.pop("path_effects", None)
        label = ax.text(x, y, text, zorder=6, **style)
        box = label.get_window_extent(renderer).expanded(1.05, 1.1)
        axes_box = ax.get_window_extent(renderer)
        inside = (
            box.x0 >= axes_box.x0
            and box.x1 <= axes_box.x1
            and box.y0 >= axes_box.y0
            and box.y1 <= axes_box.y1
        )
        if not force and (not inside or any(box.overlaps(t) for t in taken)):
            label.remove()
            return False
        taken.append(box)
        if effects:
            ax.text(x, y, text, zorder=5.5, path_effects=effects, **{**style, "color": "white"})
        return True

    import matplotlib.patheffects as pe

    halo = [pe.withStroke(linewidth=2.6, foreground="white")]
    capital_ids: set[str] = set()
    if data.capitals is not None:
        for rec, point in zip(
            data.capitals.drop(columns=data.capitals.geometry.name).to_dict("records"),
            data.capitals.geometry.values,
            strict=True,
        ):
            capital_ids.add(str(rec["place_id"]))
            ax.scatter([point.x], [point.y], s=9, color="#222", zorder=5, linewidths=0)
            for ha, dx in (("left", 0.06), ("right", -0.06)):
                if place_label(
                    point.x + dx,
                    point.y,
                    str(rec["name"]),
                    force=ha == "right",
                    fontsize=8.5,
                    fontweight="bold",
                    ha=ha,
                    va="center",
                    path_effects=halo,
                ):
                    break
    from shapely.ops import polylabel

    for rec, geom in zip(
        governorates.drop(columns=governorates.geometry.name).to_dict("records"),
        governorates.geometry.values,
        strict=True,
    ):
        if geom is None or geom.is_empty:
            continue
        biggest = max(getattr(geom, "geoms", [geom]), key=lambda g: g.area)
        point = polylabel(biggest, 0.01)
        place_label(
            point.x,
            point.y,
            str(rec.get("name") or "").upper(),
            force=False,
            fontsize=7,
            color="#4a4a4a",
            fontweight="bold",
            ha="center",
            va="center",
            path_effects=halo,
        )
    ranked = sorted(
        (r for r in rows if r["kind"] not in AREA_KINDS and r["place_id"] not in capital_ids),
        key=lambda r: -label_importance(r["kind"], r["population"], r["n_sources"]),
    )
    count = 0
    for row in ranked:
        if count >= MAX_PLACE_LABELS:
            break
        if place_label(
            row["lon"] + 0.05,
            row["lat"],
            row["name"] or row["place_id"],
            force=False,
            fontsize=7,
            ha="left",
            va="center",
            path_effects=halo,
        ):
            count += 1

    _scale_bar(ax, mid_lat)

    # title, date and how it was made
    if data.reported_each_day:
        reported = "as reported by that day (no hindsight)"
    elif data.as_reported_by:
        reported = f"as reported by {_long_date(data.as_reported_by)}"
    else:
        reported = "using every report in the store (hindsight)"
    fig.text(0.02, 0.955, "Territorial control in Syria", fontsize=17, fontweight="bold")
    subtitle = f"{_long_date(state.date)} · {reported}"
    if data.is_timeline:
        subtitle += f" · last day of {_long_date(data.start)} – {_long_date(data.end)}"
    fig.text(0.02, 0.92, subtitle, fontsize=10, color="#333")

    # legend: sides, symbols, area claims, governorate shading
    present = sorted(
        {r["side"] for r in rows if r["side"] and r["status"] == "held"},
        key=lambda s: (list(sides()).index(s) if s in sides() else 99, s),
    )
    handles: list[Any] = [Patch(visible=False, label="Held by")]
    for side in present:
        handles.append(
            Line2D(
                [],
                [],
                marker="o",
                linestyle="",
                markersize=8,
                markerfacecolor=colours.get(side, UNKNOWN_COLOUR),
                markeredgecolor="#222",
                label=side_label(side),
            )
        )
    handles.append(Patch(visible=False, label="Places"))
    for key, style in MARKER_STYLES.items():
        fill = UNKNOWN_COLOUR if key == "unknown" else "#777777"
        handles.append(
            Line2D(
                [],
                [],
                marker="o",
                linestyle="",
                markersize=8,
                markerfacecolor=_rgba(fill, style["fill_opacity"] + style["confidence_gain"] * 0.8),
                markeredgecolor=style["stroke"] or "#777777",
                markeredgewidth=style["weight"] * 0.75,
                label=style["label"].replace(" (", "\n("),
            )
        )
    if has_areas:
        handles.append(Patch(visible=False, label="Claims about a whole area"))
        for key, text in (
            ("held", "governorate or district said to be held"),
            ("contested", "area said to be contested"),
        ):
            style = AREA_STYLES[key]
            handles.append(
                Line2D(
                    [],
                    [],
                    color="#777",
                    linewidth=style["weight"] * 0.75,
                    linestyle=_dash(style["dash"]),
                    label=text,
                )
            )
    handles.append(Patch(visible=False, label="Governorates"))
    handles.append(
        Patch(
            facecolor=_rgba("#555555", GOV_FILL_BASE + GOV_FILL_GAIN * 0.7),
            edgecolor="#555",
            label=f"colour of the leading side,\n{GOV_SHADING}:\nits population share × coverage",
        )
    )
    legend = fig.legend(
        handles=handles,
        loc="upper left",
        bbox_to_anchor=(0.675, 0.88),
        fontsize=7.5,
        frameon=True,
        title="Legend",
        title_fontsize=10,
        alignment="left",
    )
    for entry, handle in zip(legend.get_texts(), handles, strict=True):
        if not handle.get_visible():
            entry.set_fontweight("bold")

    from ._evidence import known_publisher

    cited = {
        str(data.assertion_records()[a].get("source_id"))
        for r in rows
        for a in (*r["_supporting"], *r["_conflicting"])
        if a in data.assertion_records()
    }
    records = data.source_records()
    publishers = sorted(
        {
            name
            for sid in cited
            if (name := known_publisher((records.get(sid) or {}).get("publisher")))
        },
        key=str.casefold,
    )
    credits = _CREDITS.format(version=__version__)
    if publishers:
        shown = ", ".join(publishers[:12]) + (
            f" and {len(publishers) - 12} more" if len(publishers) > 12 else ""
        )
        credits = f"Sources: {shown}. " + credits
    fig.text(0.02, 0.03, credits, fontsize=6.5, color="#444", wrap=True)
    return fig


def write_static(
    data: RenderInput,
    path: PathLike,
    *,
    format: Literal["png", "svg", "pdf"] | None = None,
    dpi: int = 150,
) -> Path:
    """Write the static map of ``data`` to ``path`` (atomic), as PNG, SVG or PDF.

    Parameters
    ----------
    data
        The states to print (a timeline prints its last day).
    path
        The file to write.
    format
        ``png``, ``svg`` or ``pdf`` (default: from the file's suffix).
    dpi
        Resolution of a PNG.

    Returns
    -------
    pathlib.Path

    Raises
    ------
    VocabularyError
        For an unknown format.
    OutputError
        If the file cannot be written.
    """
    target = Path(path)
    kind = (format or target.suffix.lstrip(".")).lower()
    if kind not in PRINT_FORMATS:
        raise VocabularyError("format", kind, PRINT_FORMATS)
    fig = render_static(data)
    metadata: dict[str, Any] = {"Title": "Territorial control in Syria"}
    if kind == "png":
        metadata = {"Title": metadata["Title"], "Software": "syriamap"}
    import matplotlib

    # text stays text: searchable in SVG and PDF (TrueType), selectable in a report
    with (
        matplotlib.rc_context({"svg.fonttype": "none", "pdf.fonttype": 42}),
        atomic_write(target, "wb", encoding=None) as fh,
    ):
        fig.savefig(fh, format=kind, dpi=dpi, metadata=metadata)
    return target


def to_static(
    date: DateLike | None,
    path: PathLike,
    *,
    as_reported_by: DateLike | None = None,
    store: Any = None,
    format: Literal["png", "svg", "pdf"] | None = None,
) -> Path:
    """Compute the control state on ``date`` and write it as a static map (see write_static)."""
    data = load(date, as_reported_by=as_reported_by, store=store, districts=False)
    return write_static(data, path, format=format)
