"""The multi-format writer: one call writes a page, data exports and print maps, all or nothing.

:func:`render_files` is what ``syriamap render`` runs (the CLI only parses options and prints
what was written): it checks the formats, dates and output location before any work,
computes the frames with :func:`~syriamap.render.load`, and hands them to
:func:`write_outputs`, which writes every file to a temporary file beside its target and
renames them all only when every one succeeded, so a failure (a full disk, a folder in the
way) leaves no partial file behind.

Files of one render (``stem`` is ``syriamap-DATE`` or ``syriamap-START_END``):

========== ==================================================================
format     files
========== ==================================================================
html       ``stem.html``
geojson    ``stem-places.geojson``, ``stem-areas.geojson``,
           ``stem-governorates.geojson``, ``stem-changes.geojson``, each with a
           ``.qml`` QGIS style of the same base name
gpkg       ``stem.gpkg`` (layers ``places``, ``areas``, ``governorates``,
           ``changes``, ``assertions``; styles in ``layer_styles``)
png/svg/pdf ``stem.png`` … (a static map to print)
========== ==================================================================
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from .._io import atomic_path, out_of_space
from .._types import DateLike, parse_optional_date
from ..errors import OutputError, VocabularyError
from ._frames import RenderInput, date_span, load, reported_each_day

__all__ = [
    "DATA_FORMATS",
    "FORMATS",
    "GEOJSON_LAYERS",
    "PRINT_FORMATS",
    "OutputPlan",
    "RenderResult",
    "check_tiles",
    "output_files",
    "parse_formats",
    "plan_outputs",
    "render_files",
    "write_outputs",
]

#: The data formats; ``"all"`` means these three.
DATA_FORMATS = ("html", "geojson", "gpkg")
#: Static maps for reports (matplotlib); not part of ``"all"``.
PRINT_FORMATS = ("png", "svg", "pdf")
#: Every format, in the order files are listed.
FORMATS = (*DATA_FORMATS, *PRINT_FORMATS)
#: The GeoJSON files of the ``geojson`` format (each with a ``.qml`` style beside it).
GEOJSON_LAYERS = ("places", "areas", "governorates", "changes")

_EXTENSIONS = {
    "html": (".html", ".htm"),
    "gpkg": (".gpkg",),
    "png": (".png",),
    "svg": (".svg",),
    "pdf": (".pdf",),
}


def parse_formats(values: Iterable[str] | None) -> list[str]:
    """Turn repeatable / comma-separated format names into a checked list in file order.

    Parameters
    ----------
    values
        Names such as ``"html"``, ``"geojson,gpkg"`` or ``"all"`` (the three data
        formats); empty or None means ``["html"]``.

    Raises
    ------
    VocabularyError
        For an unknown format name.

    Examples
    --------
    >>> parse_formats(["gpkg,html"])
    ['html', 'gpkg']
    >>> parse_formats(["all", "pdf"])
    ['html', 'geojson', 'gpkg', 'pdf']
    """
    chosen: set[str] = set()
    for value in values or ("html",):
        for part in value.split(","):
            name = part.strip().lower()
            if not name:
                continue
            if name == "all":
                chosen.update(DATA_FORMATS)
            elif name in FORMATS:
                chosen.add(name)
            else:
                raise VocabularyError("format", part.strip(), (*FORMATS, "all"))
    return [f for f in FORMATS if f in chosen] or ["html"]


def output_files(stem: str, formats: Iterable[str]) -> list[tuple[str, str]]:
    """List ``(kind, file name)`` of every file the formats produce, in order.

    Kinds are ``html``, ``gpkg``, ``png``/``svg``/``pdf``, and for GeoJSON each layer of
    :data:`GEOJSON_LAYERS` and its style ``<layer>_qml``.

    Examples
    --------
    >>> output_files("m", ["html", "gpkg"])
    [('html', 'm.html'), ('gpkg', 'm.gpkg')]
    """
    chosen = set(formats)
    files = []
    if "html" in chosen:
        files.append(("html", f"{stem}.html"))
    if "geojson" in chosen:
        for layer in GEOJSON_LAYERS:
            files += [(layer, f"{stem}-{layer}.geojson"), (f"{layer}_qml", f"{stem}-{layer}.qml")]
    if "gpkg" in chosen:
        files.append(("gpkg", f"{stem}.gpkg"))
    files += [(kind, f"{stem}.{kind}") for kind in PRINT_FORMATS if kind in chosen]
    return files


@dataclass(frozen=True)
class OutputPlan:
    """Where each output goes, decided before any work.

    Attributes
    ----------
    targets
        ``{kind: path}`` for every file (kinds as in :func:`output_files`).
    create
        A folder that does not exist yet and must be made to hold the files, or None.
    """

    targets: dict[str, Path]
    create: Path | None = None


def plan_outputs(out: str | os.PathLike[str] | None, stem: str, formats: list[str]) -> OutputPlan:
    """Map each output to its path, refusing locations that cannot work before any work.

    One HTML page, GeoPackage or print map goes to ``out`` itself (whose extension, if any,
    must match the format) or into ``out`` when it is a folder; several files (several
    formats, or GeoJSON with its styles) need a folder, so an ``out`` that names a file
    (it has an extension and does not end with ``/``) is an error. None: the current
    folder.

    Raises
    ------
    OutputError
        When ``out`` does not match the format, names a file where a folder is needed,
        lies in a folder that does not exist, or a folder has the name of an output file.
    """
    files = output_files(stem, formats)
    single = len(formats) == 1 and formats[0] in ("html", "gpkg", *PRINT_FORMATS)
    if out is None:
        targets = {kind: Path(name) for kind, name in files}
        _check_free(targets)
        return OutputPlan(targets)
    text = os.fspath(out)
    target = Path(text)
    as_folder = text.endswith(("/", os.sep)) or target.is_dir()
    if single and not as_folder:
        suffix = target.suffix.lower()
        if suffix and suffix not in _EXTENSIONS[formats[0]]:
            raise OutputError(
                f"--out {target} does not match --format {formats[0]}: give a name ending in "
                f"{_EXTENSIONS[formats[0]][0]}, or another --format"
            )
        if not (target.parent if str(target.parent) else Path(".")).is_dir():
            raise OutputError(f"cannot write {target}: folder {target.parent} does not exist")
        _check_free({files[0][0]: target})
        return OutputPlan({files[0][0]: target})
    if target.exists() and not target.is_dir():
        raise OutputError(f"cannot write {len(files)} files into {target}: not a folder")
    if not as_folder and target.suffix:
        raise OutputError(
            f"--format {','.join(formats)} writes {len(files)} files and needs a folder, but "
            f"--out {target} names a file (end it with / to make a folder of that name)"
        )
    created = None
    if not target.exists():
        if not target.parent.is_dir():
            raise OutputError(f"cannot write {target}: folder {target.parent} does not exist")
        created = target
    targets = {kind: target / name for kind, name in files}
    _check_free(targets)
    return OutputPlan(targets, created)


def _check_free(targets: Mapping[str, Path]) -> None:
    """Refuse before any work when a folder has the name of an output file."""
    for path in targets.values():
        if path.is_dir():
            raise OutputError(f"cannot write {path}: a folder of that name is in the way")


def check_tiles(name: str | None) -> None:
    """Check a basemap name for the HTML page (None: offline, no basemap).

    Raises
    ------
    VocabularyError
        For a name that is neither a known basemap nor an ``https://…{z}…`` URL template.
    """
    from .html import _tiles

    _tiles(name)


def write_outputs(
    data: RenderInput, targets: Mapping[str, Path], *, tiles: str | None = None
) -> dict[str, Any]:
    """Write every output from frames, atomically as a set (nothing partial).

    Each file is written to a temporary file beside its target; only when all of them
    succeeded are they renamed onto their targets. On any failure the temporary files are
    removed and the targets are left as they were.

    Parameters
    ----------
    data
        The frames to draw (:func:`~syriamap.render.load`, or built by hand).
    targets
        ``{kind: path}`` as :func:`plan_outputs` or :func:`output_files` give them.
    tiles
        Online basemap for the HTML page (default: none, offline).

    Returns
    -------
    dict
        The last date's summary: ``date``, ``places``, ``per_side``, ``contested``,
        ``only_claimed``.

    Raises
    ------
    OutputError
        If a file cannot be written (a full disk, no permission); GDAL's failures while
        writing the GeoPackage are reported the same way.
    VocabularyError
        For an unknown output kind or basemap.
    """
    from .html import build_page, summarise

    known = {kind for kind, _ in output_files("x", FORMATS)}
    for kind in targets:
        if kind not in known:
            raise VocabularyError("output kind", kind, sorted(known))
    summary = summarise(data)
    with contextlib.ExitStack() as stack:
        temps = {kind: stack.enter_context(atomic_path(path)) for kind, path in targets.items()}
        for kind, tmp in temps.items():
            if kind == "html":
                page = build_page(data, tiles=tiles)
                tmp.write_text(page.html, encoding="utf-8")
                summary = dict(page.summary)
            elif kind == "gpkg":
                _write_gpkg(data, tmp, Path(targets[kind]))
            elif kind in PRINT_FORMATS:
                from .static import write_static

                write_static(data, tmp, format=kind)  # type: ignore[arg-type]
            elif kind.endswith("_qml"):
                tmp.write_text(_layer_qml(kind[: -len("_qml")], data.is_timeline), "utf-8")
            else:
                tmp.write_text(_layer_geojson(kind, data), encoding="utf-8")
            os.chmod(tmp, _file_mode())
    return summary


def _layer_geojson(layer: str, data: RenderInput) -> str:
    from . import geojson

    make = {
        "places": geojson.places_geojson,
        "areas": geojson.areas_geojson,
        "governorates": geojson.governorates_geojson,
        "changes": geojson.changes_geojson,
    }[layer]
    return geojson.dumps(make(data))


def _layer_qml(layer: str, temporal: bool) -> str:
    from . import qml

    make = {
        "places": qml.places_qml,
        "areas": qml.areas_qml,
        "governorates": qml.governorates_qml,
        "changes": qml.changes_qml,
    }[layer]
    return make(temporal=temporal)


def _write_gpkg(data: RenderInput, tmp: Path, target: Path) -> None:
    """Write the GeoPackage; GDAL's failures (a full disk) become an OutputError."""
    from .gpkg import write_gpkg

    try:
        from pyogrio.errors import (
            DataLayerError,
            DataSourceError,
            FeatureError,
            FieldError,
            GeometryError,
        )
    except ImportError:  # pragma: no cover - pyogrio is a dependency
        gdal_errors: tuple[type[BaseException], ...] = ()
    else:
        gdal_errors = (DataLayerError, DataSourceError, FeatureError, FieldError, GeometryError)
    try:
        write_gpkg(data, tmp)
    except gdal_errors as exc:
        reason = " ".join(str(exc).split()) or type(exc).__name__
        if len(reason) > 160:
            reason = reason[:159] + "…"
        if out_of_space(tmp.parent):
            reason = f"no space left on device (disk full or over a size limit); GDAL: {reason}"
        raise OutputError(f"cannot write {target}: {reason}") from exc


def _file_mode() -> int:
    """Return the mode a plain ``open()`` gives a new file (temporary files are 0600)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


@dataclass(frozen=True)
class RenderResult:
    """What :func:`render_files` wrote.

    Attributes
    ----------
    files
        ``{kind: path}`` of every file written, in order.
    summary
        The last date's summary (see :func:`write_outputs`).
    """

    files: dict[str, Path]
    summary: dict[str, Any] = field(default_factory=dict)

    def summary_line(self) -> str:
        """One line: the date, places per side, contested and only-claimed places."""
        s = self.summary
        sides = ", ".join(f"{side} {n}" for side, n in s["per_side"].items()) or "none held"
        line = f"{s['date']}: {s['places']} places: {sides}; {s['contested']} contested"
        if s.get("only_claimed"):
            line += f", {s['only_claimed']} only claimed"
        return line


def render_files(
    date: DateLike | None = None,
    *,
    start: DateLike | None = None,
    end: DateLike | None = None,
    out: str | os.PathLike[str] | None = None,
    formats: Iterable[str] | None = None,
    as_reported_by: DateLike | Literal["each"] | None = None,
    tiles: str | None = None,
    store: Any = None,
) -> RenderResult:
    """Map the control state on a date (or a timeline) into files: HTML, GeoJSON, GeoPackage, print.

    Everything that can be checked is checked before any work (formats, dates, basemap,
    store, output location); then the frames are computed and :func:`write_outputs`
    writes all files or none. A folder ``out`` that does not exist is created, and
    removed again if writing fails.

    Parameters
    ----------
    date, start, end
        One date, or an inclusive range ``start``..``end`` for a timeline.
    out
        Output file (one format giving one file) or folder; None: the current folder.
    formats
        Format names as :func:`parse_formats` takes them (default ``["html"]``).
    as_reported_by
        Use only what had been published by this date; ``"each"``: every day of a
        timeline as reported by that day.
    tiles
        Online basemap for the HTML page (default: none, offline).
    store
        A store, a path to one (opened read-only), or None for ``$SYRIAMAP_STORE`` or
        the bundled seeds.

    Returns
    -------
    RenderResult
        The files written and the last date's summary.

    Raises
    ------
    InvalidDateError
        For a bad date or range.
    VocabularyError
        For an unknown format or basemap.
    OutputError
        For an output location that cannot work, or a write that failed (nothing is
        left behind).
    StoreError
        If the store cannot be opened.
    """
    chosen = parse_formats(list(formats) if formats is not None else None)
    days = date_span(date, start=start, end=end)
    if not reported_each_day(as_reported_by):
        parse_optional_date(as_reported_by, what="--as-reported-by date")
    if "html" in chosen:
        check_tiles(tiles)
    opened = store
    if store is None or isinstance(store, (str, bytes)) or hasattr(store, "__fspath__"):
        from ..store import open_store

        opened = open_store(store, read_only=True)
    stem = "syriamap-" + days[0].isoformat()
    if len(days) > 1:
        stem += "_" + days[-1].isoformat()
    plan = plan_outputs(out, stem, chosen)
    data = load(
        days[0] if len(days) == 1 else None,
        start=days[0] if len(days) > 1 else None,
        end=days[-1] if len(days) > 1 else None,
        as_reported_by=as_reported_by,
        store=opened,
        districts="html" in chosen,
    )
    if plan.create is not None:
        try:
            plan.create.mkdir()
        except OSError as exc:
            raise OutputError(f"cannot create folder {plan.create}: {exc.strerror or exc}") from exc
    try:
        summary = write_outputs(data, plan.targets, tiles=tiles)
    except BaseException:
        if plan.create is not None:
            with contextlib.suppress(OSError):
                plan.create.rmdir()  # only succeeds when nothing was left in it
        raise
    return RenderResult(dict(plan.targets), summary)
