"""``syriamap render``: dated maps as a self-contained HTML page, GeoJSON and GeoPackage.

Only options and printing live here: :func:`syriamap.render.render_files` checks, computes
and writes everything.
"""

from __future__ import annotations

import click

from ..render import render_files
from ._common import store_option

__all__ = ["COMMANDS", "render"]


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
    result = render_files(
        date,
        start=start,
        end=end,
        out=out,
        formats=formats,
        as_reported_by=as_reported_by,
        tiles=tiles,
        store=store,
    )
    for path in result.files.values():
        click.echo(f"wrote {path}")
    click.echo(result.summary_line())


COMMANDS: list[click.Command] = [render]
