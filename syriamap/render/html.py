"""The self-contained HTML map page (Leaflet inlined, no CDN, no tiles by default).

Why not folium's default template: it pulls jQuery, Bootstrap and Font Awesome from CDNs
and creates one JavaScript object per marker. The page here is a compact template of its
own (``_template.py``): Leaflet 1.9.4's JavaScript and CSS are inlined from
``syriamap/data/vendor``, all data sits in one JSON block, and places are ONE
``L.geoJSON`` layer of circle markers on a canvas, which stays fast with thousands of
places. A Content-Security-Policy allows only the two inline scripts (by hash) and no
network access, unless a tile layer is asked for.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html as _html
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from .._io import atomic_write
from .._types import DateLike, PathLike
from ..errors import VocabularyError
from . import _template
from ._evidence import (
    esc,
    evidence_entry,
    iso_date,
    json_for_script,
    known_publisher,
    source_html,
)
from ._frames import RenderInput, load, place_rows
from .style import (
    AREA_KINDS,
    AREA_STYLES,
    GOV_FILL_BASE,
    GOV_FILL_GAIN,
    GOV_SHADING,
    GOV_SHADING_DETAIL,
    MARKER_STYLES,
    UNKNOWN_COLOUR,
    label_importance,
    marker_class,
    radius,
    side_colours,
    side_label,
    sides,
    state_text,
)

__all__ = ["TILES", "MapPage", "build_page", "render_html"]

#: Online basemaps ``tiles=`` may name (off by default: the page works offline).
TILES: dict[str, tuple[str, str]] = {
    "OpenStreetMap": (
        "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
    ),
    "CartoDB Positron": (
        "https://a.basemaps.cartocdn.com/light_all/{z}/{x}/{y}.png",
        '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> '
        'contributors &copy; <a href="https://carto.com/attributions">CARTO</a>',
    ),
    "OpenTopoMap": (
        "https://a.tile.opentopomap.org/{z}/{x}/{y}.png",
        '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> '
        'contributors, <a href="https://opentopomap.org">OpenTopoMap</a> (CC-BY-SA)',
    ),
    "Esri WorldImagery": (
        "https://server.arcgisonline.com/ArcGIS/rest/services/World_Imagery/MapServer/tile/"
        "{z}/{y}/{x}",
        "Tiles &copy; Esri",
    ),
}

PLACE_ATTRIBUTION = (
    'Place data &copy; <a href="https://whosonfirst.org/">Who\'s On First</a> contributors '
    '(CC BY) · <a href="https://www.geonames.org/">GeoNames</a> (CC BY)'
)
_HOW_TO_READ = """
<p>Each dot is a place that at least one source in the store says something about. Its
colour is the side that held it on the date shown, as fused from those claims; nothing
here is a front line, and a missing dot means no claim was found, not that nobody holds
the place. A claim about a whole governorate or district is not a dot: it is drawn as a
thick line just inside that area's border, in the same colours and line styles.</p>
<p>A <b>solid</b> dot is asserted by a source in its own voice (darker = more confident).
A <b>dashed</b> outline marks a contested place. A <b>hollow dotted ring</b> is a place
known only from claims attributed to someone else, denied or unverified.</p>
<p>Governorates are coloured by the side holding most of the population that the
claims cover (a claim about a whole province covers the part no finer claim covers), and
shaded as strongly as the evidence allows: the shade is that side's confidence-weighted
share of the population times the share of the population the evidence covers, so a
province known from one town stays pale. Hover for the shares per side.</p>
<p>Click a dot for its evidence: date, publisher, stance (asserted, attributed, denied,
unverified), who made the claim, and the quote with the place name highlighted.</p>
"""

_PLACEHOLDER = re.compile(r"<!--@([A-Z_]+)@-->")


@dataclass(frozen=True)
class MapPage:
    """A rendered map page: ``.html``, ``.save(path)``, and inline display in Jupyter.

    Attributes
    ----------
    html
        The complete, self-contained page.
    dates
        The dates it shows (one, or the days of a timeline).
    summary
        Places per side, contested and only-claimed places on the last date.
    """

    html: str
    dates: tuple[dt.date, ...]
    as_reported_by: dt.date | None = None
    summary: Mapping[str, Any] = field(default_factory=dict)

    def save(self, path: PathLike) -> Path:
        """Write the page to ``path`` atomically; return the path.

        Raises
        ------
        OutputError
            If the folder does not exist or is not writable.
        """
        target = Path(path)
        with atomic_write(target) as fh:
            fh.write(self.html)
        return target

    def _repr_html_(self) -> str:
        page = _html.escape(self.html, quote=True)
        return (
            f'<iframe srcdoc="{page}" style="width:100%;height:620px;border:0" '
            'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" '
            'title="syriamap"></iframe>'
        )

    def __repr__(self) -> str:
        span = self.dates[0].isoformat()
        if len(self.dates) > 1:
            span += f"..{self.dates[-1].isoformat()}"
        return f"<MapPage {span} {len(self.html) / 1e6:.2f} MB>"

    def __str__(self) -> str:
        return self.html


@cache
def _leaflet() -> tuple[str, str]:
    vendor = resources.files("syriamap.data") / "vendor"
    js = (vendor / "leaflet.js").read_text(encoding="utf-8")
    js = re.sub(r"\n//# sourceMappingURL=\S+\s*$", "\n", js)
    css = (vendor / "leaflet.css").read_text(encoding="utf-8")

    def data_uri(match: re.Match[str]) -> str:
        name = match.group(1)
        raw = (vendor / "images" / name).read_bytes()
        return f"url(data:image/png;base64,{base64.b64encode(raw).decode('ascii')})"

    css = re.sub(r"url\(images/([\w.-]+\.png)\)", data_uri, css)
    return js, css


def _tiles(name: str | None) -> dict[str, str] | None:
    if not name:
        return None
    for key, (url, attribution) in TILES.items():
        if key.casefold() == name.strip().casefold():
            return {"name": key, "url": url, "attribution": attribution}
    if re.match(r"^https://[^\s\"'<>]+\{z\}[^\s\"'<>]*$", name):
        host = re.sub(r"^https://([^/]+).*$", r"\1", name)
        return {"name": "Basemap", "url": name, "attribution": f"Tiles: {esc(host)}"}
    raise VocabularyError("tiles", name, [*TILES, "https://…/{z}/{x}/{y}.png"])


def _long_date(day: dt.date) -> str:
    return f"{day.day} {day.strftime('%B %Y')}"


def freshness(newest: str | None, day: dt.date) -> str:
    """Plain text for the title panel: the newest evidence behind a day's map.

    Examples
    --------
    >>> freshness("2024-12-07", dt.date(2024, 12, 8))
    "newest evidence: 7 December 2024 (1 day before this map's date)"
    >>> freshness("2024-12-08", dt.date(2024, 12, 8))
    'newest evidence: 8 December 2024'
    """
    if not newest:
        return "newest evidence: none"
    when = dt.date.fromisoformat(newest)
    text = f"newest evidence: {_long_date(when)}"
    lag = (day - when).days
    if lag > 0:
        text += f" ({lag} day{'s' if lag != 1 else ''} before this map's date)"
    return text


def _simplified(geoms: Sequence[Any], tolerance: float) -> list[Any]:
    import numpy as np
    import shapely

    arr = np.asarray(geoms, dtype=object)
    try:
        out = shapely.coverage_simplify(arr, tolerance)
    except Exception:  # not a valid coverage (overlaps, gaps): simplify each on its own
        out = shapely.simplify(arr, tolerance, preserve_topology=True)
    return list(shapely.transform(out, lambda c: np.round(c, 4)))


def _geometry(geom: Any) -> dict[str, Any] | None:
    from shapely.geometry import mapping

    return None if geom is None or geom.is_empty else mapping(geom)


_ARTICLE = re.compile(r"^(?:al|el|as|ad|ar|an|at|az|ash|ad|ed|es|er)[\s'\u2019-]+")


def search_key(text: str) -> str:
    """Fold a name for the page's search; the page folds what is typed the same way.

    Lower case, accents and Arabic vowel marks dropped, Arabic letter variants unified
    (alef forms, ta marbuta, alef maqsura), a leading article dropped (al-, as-, ال),
    then everything but letters and digits removed.

    Examples
    --------
    >>> search_key("As-Suwayda"), search_key("Soueïda"), search_key("السويداء")
    ('suwayda', 'soueida', 'سويداء')
    """
    import unicodedata

    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.category(c).startswith("M"))
    folded = folded.lower().replace("\u0640", "")
    for old, new in (("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ٱ", "ا"), ("ة", "ه"), ("ى", "ي")):
        folded = folded.replace(old, new)
    folded = _ARTICLE.sub("", folded.strip())
    if folded.startswith("ال"):
        folded = folded[2:]
    return "".join(c for c in folded if c.isalnum())


def _search_entries(
    data: RenderInput, features: Sequence[Mapping[str, Any]], capitals: Sequence[Sequence[Any]]
) -> list[list[Any]]:
    """``[[feature index (or -1 - capital index), key, key…], …]`` for the page's search."""
    out: list[list[Any]] = []

    def keys(names: Sequence[Any]) -> list[str]:
        seen: list[str] = []
        for name in names:
            key = search_key(str(name)) if name else ""
            if key and key not in seen:
                seen.append(key)
        return seen[:40]

    for feature in features:
        props = feature["properties"]
        pid = props["id"]
        names = [_html.unescape(props["n"]), *data.aliases.get(pid, ())]
        out.append([props["i"], *keys(names)])
    if data.capitals is not None:
        for k, pid in enumerate(data.capitals["place_id"]):
            if capitals[k][4] < 0:  # not a place on the map: search its label
                names = [data.capitals["name"].iloc[k], *data.aliases.get(str(pid), ())]
                out.append([-1 - k, *keys(names)])
    return out


def _day_changes(
    data: RenderInput, index: Mapping[str, int], event_dates: Mapping[str, Any]
) -> list[list[list[Any]] | None]:
    """Per day, what changed since the day before (:func:`syriamap.changes.compare`).

    Each change is ``[feature index or -1, kind, name, before, after]`` (text escaped);
    None for a first day with nothing to compare with.
    """
    from ..changes import KINDS, compare, state_phrase

    out: list[list[list[Any]] | None] = []
    for k, state in enumerate(data.days):
        before = data.days[k - 1].places if k else data.previous
        if before is None:
            out.append(None)
            continue
        rows = compare(
            before,
            state.places,
            start=state.date - dt.timedelta(days=1),
            event_dates=event_dates,
        )
        out.append(
            [
                [
                    index.get(r["place_id"], -1),
                    KINDS.index(r["change"]),
                    esc(r["name"]),
                    esc(state_phrase(r["before_side"], r["before_actor"], r["before_status"])),
                    esc(state_phrase(r["after_side"], r["after_actor"], r["after_status"])),
                ]
                for r in rows
            ]
        )
    return out


def _reference_labels(
    data: RenderInput, gov_ids: Sequence[str], governorates: Any, index: Mapping[str, int]
) -> dict[str, list[list[Any]]]:
    """Labels drawn whatever the claims: governorate names and their capitals.

    ``gov``: ``[name, name_ar, lon, lat, capital name, feature index]`` at a point inside each
    governorate (its pole of inaccessibility, so a label sits well inside the area);
    ``cap``: ``[name, name_ar, lon, lat, feature index or -1]``.
    """
    from shapely.ops import polylabel

    capitals: dict[str, str] = {}
    cap: list[list[Any]] = []
    if data.capitals is not None:
        frame = data.capitals
        for rec, geom in zip(
            frame.drop(columns=frame.geometry.name).to_dict("records"),
            frame.geometry.values,
            strict=True,
        ):
            capitals[str(rec.get("iso"))] = esc(rec.get("name"))
            cap.append(
                [
                    esc(rec.get("name")),
                    esc(rec.get("name_ar")),
                    round(geom.x, 4),
                    round(geom.y, 4),
                    index.get(str(rec.get("place_id")), -1),
                ]
            )
    gov: list[list[Any]] = []
    names = list(governorates["name"]) if "name" in governorates else [""] * len(gov_ids)
    names_ar = list(governorates["name_ar"]) if "name_ar" in governorates else [""] * len(gov_ids)
    isos = list(governorates["iso"]) if "iso" in governorates else [""] * len(gov_ids)
    for k, (name, name_ar, iso, geom) in enumerate(
        zip(names, names_ar, isos, governorates.geometry.values, strict=True)
    ):
        if geom is None or geom.is_empty:
            continue
        point = polylabel(max(getattr(geom, "geoms", [geom]), key=lambda g: g.area), 0.01)
        gov.append(
            [
                esc(name),
                esc(name_ar),
                round(point.x, 4),
                round(point.y, 4),
                capitals.get(iso, ""),
                k,
            ]
        )
    return {"gov": gov, "cap": cap}


def _area_outlines(data: RenderInput, rows: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """``{place_id: GeoJSON MultiLineString}``: the inset outline of each area claim.

    An outline (not a filled polygon) keeps the inside of the area clickable for the
    places and governorate beneath it; the inset keeps it clear of the boundary line.
    """
    import shapely

    polygons: dict[str, Any] = {}
    for day in data.days[:1]:
        frame = day.governorates
        if "place_id" in frame:
            polygons.update(zip(frame["place_id"].astype(str), frame.geometry.values, strict=True))
    if data.areas is not None and len(data.areas):
        polygons.update(
            zip(data.areas["place_id"].astype(str), data.areas.geometry.values, strict=True)
        )
    out: dict[str, Any] = {}
    for row in rows:
        geom = polygons.get(row["place_id"])
        if geom is None or geom.is_empty:
            continue  # no polygon known: the claim stays a dot at its point
        inset = geom.buffer(-0.015)
        if inset.is_empty or inset.area < 0.3 * geom.area:
            inset = geom
        line = shapely.simplify(inset.boundary, 0.003)
        out[row["place_id"]] = _geometry(shapely.transform(line, lambda c: c.round(4)))
    return out


def _legend(present: Sequence[str], has_districts: bool, has_areas: bool = False) -> str:
    colours = side_colours()
    items = []
    for side in present:
        items.append(
            f'<li><svg width="16" height="16" aria-hidden="true"><circle cx="8" cy="8" r="6" '
            f'fill="{esc(colours.get(side, UNKNOWN_COLOUR))}" stroke="#222" '
            f'stroke-width="0.8"/></svg>{esc(side_label(side))}</li>'
        )
    symbols = []
    sample = "#777777"
    for key, style in MARKER_STYLES.items():
        stroke = style["stroke"] or sample
        fill = UNKNOWN_COLOUR if key == "unknown" else sample
        opacity = style["fill_opacity"] + style["confidence_gain"] * 0.8
        dash = f' stroke-dasharray="{esc(style["dash"])}"' if style["dash"] else ""
        symbols.append(
            f'<li><svg width="18" height="18" aria-hidden="true"><circle cx="9" cy="9" r="6" '
            f'fill="{fill}" fill-opacity="{opacity:.2f}" stroke="{stroke}" '
            f'stroke-width="{style["weight"]}"{dash}/></svg>{esc(style["label"])}</li>'
        )
    symbols.append(
        '<li><svg width="18" height="18" aria-hidden="true"><circle cx="9" cy="9" r="7.5" '
        'fill="none" stroke="#111" stroke-width="2"/><circle cx="9" cy="9" r="3.5" '
        'fill="#999"/></svg>changed holder or status since the day before</li>'
    )
    district = (
        '<li><svg width="18" height="10" aria-hidden="true"><line x1="0" y1="5" x2="18" y2="5" '
        'stroke="#7a7a7a" stroke-dasharray="2 3"/></svg>district boundary (layer list)</li>'
        if has_districts
        else ""
    )
    areas = ""
    if has_areas:
        held, contested = AREA_STYLES["held"], AREA_STYLES["contested"]
        areas = (
            '<h2>Claims about a whole area</h2><ul><li><svg width="26" height="12" '
            'aria-hidden="true"><line x1="1" y1="6" x2="25" y2="6" stroke="#777" '
            f'stroke-width="{held["weight"]}"/></svg>governorate or district said to be held '
            '(its outline, in the side\'s colour)</li><li><svg width="26" height="12" '
            'aria-hidden="true"><line x1="1" y1="6" x2="25" y2="6" stroke="#777" '
            f'stroke-width="{contested["weight"]}" stroke-dasharray="{contested["dash"]}"/>'
            "</svg>area said to be contested</li></ul>"
        )
    return (
        "<h2>Held by</h2><ul>" + "".join(items) + "</ul>"
        "<h2>Places</h2><ul>" + "".join(symbols) + "</ul>" + areas + ""
        '<h2>Governorates</h2><ul><li><span class="sm-ramp"></span>colour of the leading '
        f"side, {GOV_SHADING}: {esc(GOV_SHADING_DETAIL)}</li>" + district + "</ul>"
        "<details><summary>How to read this map</summary>" + _HOW_TO_READ + "</details>"
    )


def _gov_tooltip(row: Mapping[str, Any], present: Sequence[str]) -> str:
    shares = []
    for side in sides():
        share = float(row.get(f"share_{side}") or 0.0)
        pop = float(row.get(f"pop_share_{side}") or 0.0)
        if share > 0 or pop > 0:
            shares.append((share, side, pop))
    shares.sort(reverse=True)
    lines = "".join(
        f"<br>{esc(side_label(side))}: {share:.0%} of places, {pop:.0%} of population"
        for share, side, pop in shares
    )
    n = int(row.get("n_places") or 0)
    head = f"<b>{esc(row.get('name'))}</b> {esc(row.get('name_ar'))}"
    coverage = float(row.get("coverage") or 0.0)
    shade = float(row.get("dominant_share") or 0.0)
    evidence = (
        f"<br>evidence covers {coverage:.0%} of its population; shaded at {shade:.0%} "
        "(leading side’s share × coverage)"
        if n
        else ""
    )
    return (
        head
        + f"<br>{n} mapped place{'s' if n != 1 else ''}"
        + (lines or "<br>no claims")
        + evidence
    )


def _sources_attribution(data: RenderInput, cited: set[str]) -> str:
    """`` · Sources: A, B and 1 source of unknown publisher`` (escaped), or ``""``.

    A publisher recorded as missing, blank or "unknown" is not listed as a publisher;
    such sources are counted instead.
    """
    records = data.source_records()
    names: dict[str, str] = {}
    unknown = 0
    for sid in cited:
        name = known_publisher((records.get(sid) or {}).get("publisher"))
        if name is None:
            unknown += 1
        else:
            names.setdefault(name.casefold(), name)
    publishers = sorted(names.values(), key=str.casefold)
    parts = [esc(p) for p in publishers[:15]]
    if len(publishers) > 15:
        parts.append(f"{len(publishers) - 15} more")
    if unknown:
        parts.append(f"{unknown} source{'s' if unknown != 1 else ''} of unknown publisher")
    if not parts:
        return ""
    shown = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f" · Sources: {shown}"


def _payload(data: RenderInput, *, tiles: dict[str, str] | None) -> dict[str, Any]:
    assertions = data.assertion_records()
    sources = data.source_records()
    rows_by_day = [place_rows(data, day) for day in data.days]

    # one feature per place seen on any day, smallest first so cities draw on top
    first: dict[str, dict[str, Any]] = {}
    for rows in rows_by_day:
        for row in rows:
            first.setdefault(row["place_id"], row)
    outlines = _area_outlines(data, [r for r in first.values() if r["kind"] in AREA_KINDS])
    # areas first (drawn below the dots), then smallest dots first so cities draw on top
    ordered = sorted(
        first.values(),
        key=lambda r: (r["place_id"] not in outlines, radius(r["kind"]), r["place_id"]),
    )
    index = {row["place_id"]: i for i, row in enumerate(ordered)}
    kinds: dict[str, int] = {}
    govnames: dict[str, int] = {}
    features = []
    for i, row in enumerate(ordered):
        properties: dict[str, Any] = {
            "i": i,
            "id": row["place_id"],
            "n": esc(row["name"] or row["place_id"]),
            "r": radius(row["kind"]),
            "k": kinds.setdefault(esc(row["kind"]), len(kinds)),
            "g": govnames.setdefault(esc(row["governorate"]), len(govnames)),
            "w": label_importance(row["kind"], row["population"], row["n_sources"]),
        }
        if row["name_ar"]:
            properties["a"] = esc(row["name_ar"])
        outline = outlines.get(row["place_id"])
        if outline is not None:
            properties["ar"] = 1  # an area claim: drawn as the area's outline
        features.append(
            {
                "type": "Feature",
                "geometry": outline
                or {
                    "type": "Point",
                    "coordinates": [round(row["lon"], 5), round(row["lat"], 5)],
                },
                "properties": properties,
            }
        )

    codes: dict[tuple[Any, ...], int] = {}
    stamps: dict[tuple[Any, ...], int] = {}
    evsets: dict[tuple[Any, ...], int] = {}
    ev_index: dict[str, int] = {}
    ev_entries: list[list[Any]] = []
    src_index: dict[str, int] = {}
    src_html: list[str] = []
    cited: set[str] = set()
    present: set[str] = set()

    def evidence(ids: Sequence[str], name: str | None) -> tuple[int, ...]:
        out = []
        for aid in ids:
            rec = assertions.get(aid)
            if rec is None:
                continue
            if aid not in ev_index:
                sid = str(rec.get("source_id"))
                if sid not in src_index:
                    src_index[sid] = len(src_html)
                    src_html.append(source_html(sources.get(sid), sid))
                ev_index[aid] = len(ev_entries)
                ev_entries.append([src_index[sid], *evidence_entry(rec, place_name=name)])
            out.append(ev_index[aid])
        return tuple(out)

    days = []
    n = len(features)
    event_dates = {aid: rec.get("event_date") for aid, rec in assertions.items()}
    changes_by_day = _day_changes(data, index, event_dates)
    for state, rows, changed in zip(data.days, rows_by_day, changes_by_day, strict=True):
        s, c, e, t = [-1] * n, [-1] * n, [-1] * n, [-1] * n
        newest = ""
        for row in rows:
            i = index[row["place_id"]]
            side = row["side"] or ""
            if row["status"] == "held" and side:
                present.add(side)
            # one state per place: the symbol (marker class), the popup text and the
            # exported status all derive from these same fields
            key = (
                side,
                row["status"],
                bool(row["confirmed"]),
                row["actor"] or "",
                marker_class(row["status"], row["confirmed"]),
                esc(
                    state_text(
                        row["status"],
                        side,
                        row["actor"],
                        row["confirmed"],
                        disputed=row.get("disputed", False),
                    )
                ),
            )
            s[i] = codes.setdefault(key, len(codes))
            c[i] = -1 if row["confidence"] is None else round(100 * row["confidence"])
            t[i] = stamps.setdefault((row["as_of"], row["last_change"]), len(stamps))
            sup = evidence(row["_supporting"], row["name"])
            con = evidence(row["_conflicting"], row["name"])
            e[i] = evsets.setdefault((sup, con), len(evsets))
            for aid in (*row["_supporting"], *row["_conflicting"]):
                rec = assertions.get(aid)
                if rec is not None:
                    cited.add(str(rec.get("source_id")))
                    newest = max(newest, iso_date(rec.get("event_date")) or "")
        # the newest event date among the evidence in view, and how far it lags the map
        days.append(
            {
                "s": s,
                "c": c,
                "e": e,
                "t": t,
                "n": newest or None,
                "f": freshness(newest or None, state.date),
                "stale": bool(newest) and newest < state.date.isoformat(),
                "ch": changed,
            }
        )

    # governorates: geometry once (simplified), per-day style and tooltip
    gov_frames = [day.governorates for day in data.days]
    base = gov_frames[0]
    gov_ids = (
        [str(v) for v in base["place_id"]] if "place_id" in base else [str(v) for v in base["iso"]]
    )
    gov_geoms = _simplified(list(base.geometry.values), 0.004)
    governorates = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "geometry": _geometry(g), "properties": {"i": i}}
            for i, g in enumerate(gov_geoms)
        ],
    }
    govdays = []
    for frame in gov_frames:
        by_id = {
            str(rec.get("place_id", rec.get("iso"))): rec
            for rec in frame.drop(columns=frame.geometry.name).to_dict("records")
        }
        entries = []
        for gid in gov_ids:
            rec = by_id.get(gid, {})
            side = rec.get("dominant_side")
            side = (
                ""
                if side is None or side != side or not int(rec.get("n_places") or 0)
                else (str(side))
            )
            share = float(rec.get("dominant_share") or 0.0)
            entries.append([side, round(share, 3), _gov_tooltip(rec, sorted(present))])
        govdays.append(entries)

    import shapely

    outline_geom = shapely.union_all(gov_geoms)
    districts = None
    if data.districts is not None and len(data.districts):
        dgeoms = _simplified(list(data.districts.geometry.values), 0.003)
        names = list(data.districts["name"]) if "name" in data.districts else [""] * len(dgeoms)
        districts = {
            "type": "FeatureCollection",
            "features": [
                {"type": "Feature", "geometry": _geometry(g), "properties": {"n": esc(nm)}}
                for g, nm in zip(dgeoms, names, strict=True)
                if g is not None and not g.is_empty
            ],
        }

    attribution = PLACE_ATTRIBUTION + _sources_attribution(data, cited)
    labels = _reference_labels(data, gov_ids, base, index)
    search = _search_entries(data, features, labels["cap"])

    order = [s for s in sides() if s in present] + sorted(present - set(sides()))
    return {
        "title": "Territorial control in Syria",
        "dates": [d.date.isoformat() for d in data.days],
        "dateLabels": [_long_date(d.date) for d in data.days],
        "shortDates": [f"{d.date.day} {d.date.strftime('%b')}" for d in data.days],
        "previousLabel": _long_date(data.days[0].date - dt.timedelta(days=1)),
        "colours": side_colours(),
        "labels": {s: side_label(s) for s in (*sides(), *present)},
        "unknown": UNKNOWN_COLOUR,
        "styles": MARKER_STYLES,
        "areaStyles": AREA_STYLES,
        "gov": {"base": GOV_FILL_BASE, "gain": GOV_FILL_GAIN},
        "places": {"type": "FeatureCollection", "features": features},
        "codes": [list(k) for k in codes],
        "stamps": [list(k) for k in stamps],
        "evsets": [[list(a), list(b)] for a, b in evsets],
        "ev": ev_entries,
        "src": src_html,
        "kinds": list(kinds),
        "govnames": list(govnames),
        "names": labels,
        "search": search,
        "days": days,
        "governorates": governorates,
        "govdays": govdays,
        "districts": districts,
        "outline": _geometry(outline_geom),
        "attribution": attribution,
        "tiles": tiles,
        "_legend_sides": order,
        "_has_areas": bool(outlines),
    }


def _csp(scripts: Sequence[str], tiles: dict[str, str] | None) -> str:
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'"
        for s in scripts
    )
    img = "data:"
    if tiles:
        img += " " + re.sub(r"^(https://[^/]+).*$", r"\1", tiles["url"])
    return (
        f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; "
        f"img-src {img}; base-uri 'none'; form-action 'none'"
    )


def fill(template: str, values: Mapping[str, str]) -> str:
    """Replace every ``<!--@NAME@-->`` in one pass (values are never re-scanned)."""
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], template)


def build_page(data: RenderInput, *, tiles: str | None = None) -> MapPage:
    """Render frames to a page (pure: no fusion or store access).

    Parameters
    ----------
    data
        One day or a timeline of control states, with the assertions and sources.
    tiles
        Name of an online basemap (see :data:`TILES`) or an ``https://…/{z}/{x}/{y}``
        template; None (default) for none: the page then needs no network at all.
    """
    from .. import __version__

    tile_spec = _tiles(tiles)
    payload = _payload(data, tiles=tile_spec)
    legend_sides = payload.pop("_legend_sides")
    has_areas = payload.pop("_has_areas")
    leaflet_js, leaflet_css = _leaflet()
    first, last = data.days[0].date, data.days[-1].date
    span = _long_date(last) if first == last else f"{_long_date(first)} – {_long_date(last)}"
    if data.reported_each_day:
        reported = "each day as reported by that day (no hindsight)"
    elif data.as_reported_by:
        reported = f"as reported by {_long_date(data.as_reported_by)}"
    else:
        reported = "using every report in the store (hindsight)"
    title = f"Territorial control in Syria — {span}"
    page = fill(
        _template.TEMPLATE,
        {
            "CSP": _csp([leaflet_js, _template.PAGE_JS], tile_spec),
            "VERSION": esc(__version__),
            "TITLE": esc(title),
            "HEADING": "Territorial control in Syria",
            "DATE_TEXT": esc(_long_date(last)),
            "REPORTED_TEXT": esc(reported),
            # text content built from dates only: the apostrophe needs no escaping
            "FRESH_TEXT": _html.escape(payload["days"][-1]["f"], quote=False),
            "FRESH_NEWEST": esc(payload["days"][-1]["n"] or ""),
            "FRESH_CLASS": "stale" if payload["days"][-1]["stale"] else "",
            "LEAFLET_CSS": leaflet_css,
            "PAGE_CSS": _template.PAGE_CSS,
            "LEGEND": _legend(legend_sides, payload["districts"] is not None, has_areas),
            "DATA": json_for_script(payload),
            "LEAFLET_JS": leaflet_js,
            "PAGE_JS": _template.PAGE_JS,
        },
    )
    return MapPage(
        html=page,
        dates=tuple(d.date for d in data.days),
        as_reported_by=data.as_reported_by,
        summary=summarise(data),
    )


def summarise(data: RenderInput) -> dict[str, Any]:
    """Places per side, contested and only-claimed places on the last date."""
    frame = data.days[-1].places
    per_side: dict[str, int] = {}
    contested = unconfirmed = 0
    for side, status, confirmed in zip(
        frame.get("side", []), frame.get("status", []), frame.get("confirmed", []), strict=True
    ):
        if status == "contested":
            contested += 1
        elif status == "held" and side:
            per_side[str(side)] = per_side.get(str(side), 0) + 1
            if not confirmed:
                unconfirmed += 1
    return {
        "date": data.days[-1].date.isoformat(),
        "places": int(len(frame)),
        "per_side": dict(sorted(per_side.items(), key=lambda kv: (-kv[1], kv[0]))),
        "contested": contested,
        "only_claimed": unconfirmed,
    }


def render_html(
    date: DateLike | None = None,
    *,
    start: DateLike | None = None,
    end: DateLike | None = None,
    as_reported_by: DateLike | Literal["each"] | None = None,
    store: Any = None,
    tiles: str | None = None,
    districts: bool = True,
) -> MapPage:
    """Render the control state on ``date`` (or a timeline ``start``..``end``) as a map page.

    Parameters
    ----------
    date
        The date to map (``YYYY-MM-DD`` or a date).
    start, end
        An inclusive range instead of ``date``: one page with a date slider and a play
        button stepping through the daily states.
    as_reported_by
        Use only what had been published by this date (default: everything in the store);
        or ``"each"``: each day of a timeline as reported by that day (no hindsight).
    store
        A store, a path to one, or None for ``$SYRIAMAP_STORE`` or the bundled seeds.
    tiles
        An online basemap (``"OpenStreetMap"``, see :data:`TILES`); off by default.
    districts
        Include the district boundaries as an optional layer.

    Returns
    -------
    MapPage
        ``.html``, ``.save(path)``; displays inline in Jupyter.

    Raises
    ------
    InvalidDateError
        For a bad date or range.
    VocabularyError
        For an unknown basemap name.

    Examples
    --------
    >>> page = render_html("2024-12-07")  # doctest: +SKIP
    >>> page.save("syriamap-2024-12-07.html")  # doctest: +SKIP
    """
    _tiles(tiles)  # fail early on a bad name
    data = load(
        date,
        start=start,
        end=end,
        as_reported_by=as_reported_by,
        store=store,
        districts=districts,
    )
    return build_page(data, tiles=tiles)
