"""``syriamap render``: dated maps as a self-contained HTML page, GeoJSON and GeoPackage."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Any

import click

from .._types import parse_optional_date
from ..errors import OutputError, VocabularyError
from ._common import store_option

__all__ = ["COMMANDS", "render"]

FORMATS = ("html", "geojson", "gpkg")
#: Static maps for reports (matplotlib); not part of "all", which means the data formats.
PRINT_FORMATS = ("png", "svg", "pdf")


def parse_formats(values: tuple[str, ...]) -> list[str]:
    """Turn repeatable / comma-separated ``--format`` values into a sorted, checked list."""
    chosen: set[str] = set()
    for value in values or ("html",):
        for part in value.split(","):
            name = part.strip().lower()
            if not name:
                continue
            if name == "all":
                chosen.update(FORMATS)
            elif name in FORMATS or name in PRINT_FORMATS:
                chosen.add(name)
            else:
                raise VocabularyError("format", part.strip(), (*FORMATS, *PRINT_FORMATS, "all"))
    return [f for f in (*FORMATS, *PRINT_FORMATS) if f in chosen] or ["html"]


def _outputs(stem: str, formats: list[str]) -> list[tuple[str, str]]:
    """(kind, file name) of every file the formats produce."""
    files = []
    if "html" in formats:
        files.append(("html", f"{stem}.html"))
    if "geojson" in formats:
        files += [
            ("places", f"{stem}-places.geojson"),
            ("places_qml", f"{stem}-places.qml"),
            ("governorates", f"{stem}-governorates.geojson"),
            ("governorates_qml", f"{stem}-governorates.qml"),
        ]
    if "gpkg" in formats:
        files.append(("gpkg", f"{stem}.gpkg"))
    files += [(kind, f"{stem}.{kind}") for kind in PRINT_FORMATS if kind in formats]
    return files


_EXTENSIONS = {
    "html": (".html", ".htm"),
    "gpkg": (".gpkg",),
    "png": (".png",),
    "svg": (".svg",),
    "pdf": (".pdf",),
}


def _targets(out: str | None, stem: str, formats: list[str]) -> tuple[dict[str, Path], Path | None]:
    """Map each output kind to its path; return also a folder this command must create.

    One HTML page or one GeoPackage goes to ``--out`` itself (whose extension, if any,
    must match the format) or into ``--out`` when it is a folder; several files (several
    formats, or GeoJSON with its styles) need a folder, so a ``--out`` that names a file
    (it has an extension and does not end with ``/``) is an error.
    """
    files = _outputs(stem, formats)
    single = len(formats) == 1 and formats[0] in ("html", "gpkg", *PRINT_FORMATS)
    if out is None:
        targets = {kind: Path(name) for kind, name in files}
        _check_free(targets)
        return targets, None
    target = Path(out)
    as_folder = out.endswith(("/", os.sep)) or target.is_dir()
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
        return {files[0][0]: target}, None
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
    return targets, created


def _check_free(targets: dict[str, Path]) -> None:
    """Refuse before any work when a folder has the name of an output file."""
    for path in targets.values():
        if path.is_dir():
            raise OutputError(f"cannot write {path}: a folder of that name is in the way")


def _summary_line(summary: dict) -> str:
    sides = ", ".join(f"{side} {n}" for side, n in summary["per_side"].items()) or "none held"
    line = (
        f"{summary['date']}: {summary['places']} places: {sides}; {summary['contested']} contested"
    )
    if summary.get("only_claimed"):
        line += f", {summary['only_claimed']} only claimed"
    return line


@click.command("render")
@click.option("--date", "date", metavar="YYYY-MM-DD", help="The date to map.")
@click.option("--from", "start", metavar="YYYY-MM-DD", help="Timeline start (with --to).")
@click.option("--to", "end", metavar="YYYY-MM-DD", help="Timeline end, inclusive.")
@click.option(
    "--out",
    "out",
    metavar="PATH",
    help="Output file (one format) or folder (several formats); default: the current folder.",
)
@click.option(
    "--format",
    "formats",
    multiple=True,
    metavar="FORMAT",
    help="html (default), geojson, gpkg or all (these three); png, svg or pdf for a static "
    "map to print; repeatable or comma-separated.",
)
@click.option(
    "--as-reported-by",
    "as_reported_by",
    metavar="YYYY-MM-DD|each",
    help="Use only what had been published by this date; 'each': every day of a timeline "
    "as reported by that day.",
)
@click.option(
    "--tiles",
    "tiles",
    metavar="NAME",
    default=None,
    help="Online basemap for the HTML page (e.g. OpenStreetMap); default: none, offline.",
)
@store_option
def render(
    date: str | None,
    start: str | None,
    end: str | None,
    out: str | None,
    formats: tuple[str, ...],
    as_reported_by: str | None,
    tiles: str | None,
    store: str | None,
) -> None:
    """Map the control state on a date (or a timeline) as HTML, GeoJSON and/or GeoPackage.

    \b
    Examples:
      syriamap render --date 2024-12-07
      syriamap render --from 2024-11-27 --to 2024-12-08
      syriamap render --date 2024-12-07 --format all --out maps/
      syriamap render --date 2024-12-07 --format pdf --out report.pdf
    """  # noqa: D301 (click's \b paragraph marker must be a real backspace)
    from ..render._frames import date_span, load, reported_each_day
    from ..render.html import _tiles

    chosen = parse_formats(formats)
    days = date_span(date, start=start, end=end)
    if not reported_each_day(as_reported_by):
        parse_optional_date(as_reported_by, what="--as-reported-by date")
    if "html" in chosen:
        _tiles(tiles)
    from ..store import open_store

    opened = open_store(store, read_only=True)
    stem = "syriamap-" + days[0].isoformat()
    if len(days) > 1:
        stem += "_" + days[-1].isoformat()
    targets, created = _targets(out, stem, chosen)

    data = load(
        days[0] if len(days) == 1 else None,
        start=days[0] if len(days) > 1 else None,
        end=days[-1] if len(days) > 1 else None,
        as_reported_by=as_reported_by,
        store=opened,
        districts="html" in chosen,
    )
    if created is not None:
        try:
            created.mkdir()
        except OSError as exc:
            raise OutputError(f"cannot create folder {created}: {exc.strerror or exc}") from exc
    try:
        summary = _write_all(data, targets, tiles)
    except BaseException:
        if created is not None:
            with contextlib.suppress(OSError):
                created.rmdir()  # only succeeds when nothing was left in it
        raise
    for path in targets.values():
        click.echo(f"wrote {path}")
    click.echo(_summary_line(summary))


def _write_all(data, targets: dict[str, Path], tiles: str | None) -> dict:
    """Write every output to a temporary file, then rename them all (nothing partial)."""
    from .._io import atomic_path
    from ..render.geojson import dumps, governorates_geojson, places_geojson
    from ..render.gpkg import write_gpkg
    from ..render.html import build_page, summarise
    from ..render.qml import governorates_qml, places_qml

    summary = summarise(data)
    with contextlib.ExitStack() as stack:
        temps = {kind: stack.enter_context(atomic_path(path)) for kind, path in targets.items()}
        for kind, tmp in temps.items():
            if kind == "html":
                page = build_page(data, tiles=tiles)
                tmp.write_text(page.html, encoding="utf-8")
                summary = dict(page.summary)
            elif kind == "places":
                tmp.write_text(dumps(places_geojson(data)), encoding="utf-8")
            elif kind == "governorates":
                tmp.write_text(dumps(governorates_geojson(data)), encoding="utf-8")
            elif kind == "places_qml":
                tmp.write_text(places_qml(temporal=data.is_timeline), encoding="utf-8")
            elif kind == "governorates_qml":
                tmp.write_text(governorates_qml(temporal=data.is_timeline), encoding="utf-8")
            elif kind == "gpkg":
                _write_gpkg(write_gpkg, data, tmp, targets[kind])
            elif kind in PRINT_FORMATS:
                from ..render.static import write_static

                write_static(data, tmp, format=kind)  # type: ignore[arg-type]
            os.chmod(tmp, _file_mode())
    return summary


def _write_gpkg(write: Any, data: Any, tmp: Path, target: Path) -> None:
    """Write the GeoPackage; GDAL's failures (a full disk) become an OutputError."""
    from .._io import out_of_space

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
        write(data, tmp)
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


COMMANDS: list[click.Command] = [render]
