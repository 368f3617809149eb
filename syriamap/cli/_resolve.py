"""``syriamap resolve``: place names as journalists write them → gazetteer places."""

from __future__ import annotations

from typing import Any

import click

from ..gazetteer import KINDS
from ._common import echo_json, json_option

__all__ = ["COMMANDS", "resolve"]


_FIELDS = ("query", "place_id", "name", "kind", "admin1", "lat", "lon", "score", "outside_syria")


class _LatLon(click.ParamType):
    name = "LAT,LON"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None):
        if isinstance(value, tuple):
            return value
        try:
            lat_text, lon_text = str(value).split(",")
            lat, lon = float(lat_text), float(lon_text)
        except ValueError:
            self.fail(f"invalid point {value!r}: expected LAT,LON such as 33.5,36.3", param, ctx)
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            self.fail(f"point {value!r} is out of range", param, ctx)
        return (lat, lon)


def _row(query: str, match: Any) -> dict[str, Any]:
    if match is None:
        return dict.fromkeys(_FIELDS) | {"query": query}
    place = match.place
    return {
        "query": query,
        "place_id": place.place_id,
        "name": place.name,
        "kind": place.kind,
        "admin1": place.admin1 or None,
        "lat": place.lat,
        "lon": place.lon,
        "score": round(match.score, 4),
        "outside_syria": place.outside_syria,
    }


@click.command("resolve")
@click.argument("names", nargs=-1, required=True, metavar="NAME...")
@json_option
@click.option("--near", type=_LatLon(), default=None, help="Prefer places near LAT,LON.")
@click.option("--kind", type=click.Choice(KINDS), default=None, help="Only places of this kind.")
def resolve(
    names: tuple[str, ...], as_json: bool, near: tuple[float, float] | None, kind: str | None
) -> None:
    """Resolve place names (any spelling, Latin or Arabic script) to gazetteer places.

    With --json, print one JSON array with one object per NAME: query, place_id, name,
    kind, admin1, lat, lon, score, outside_syria (null fields when unresolved).
    Unresolved names get "did you mean" suggestions on stderr; the exit status is 1 when
    any NAME did not resolve (the output is printed all the same).
    """
    from ..gazetteer import Gazetteer

    gaz = Gazetteer.default()
    rows = []
    for query in names:
        found = gaz.resolve(query, kind=kind, near=near, limit=1)
        rows.append(_row(query, found[0] if found else None))
    if as_json:
        echo_json(rows)
    for row in rows:
        if row["place_id"] is None:
            hints = gaz.suggest(row["query"])
            hint = f"; did you mean: {', '.join(hints)}?" if hints else ""
            if not as_json:
                click.echo(f"{row['query']}\t(not found)", nl=True)
            click.echo(f"syriamap: no place matches {row['query']!r}{hint}", err=True)
            continue
        if as_json:
            continue
        where = row["admin1"] or ("outside Syria" if row["outside_syria"] else "")
        if row["outside_syria"] and row["admin1"] is None:
            where = f"outside Syria ({gaz.get(row['place_id']).country})"
        click.echo(
            f"{row['query']}\t{row['name']}\t{row['kind']}\t{where}\t"
            f"{row['lat']:.5f},{row['lon']:.5f}\t{row['score']:.3f}\t{row['place_id']}"
        )
    if any(row["place_id"] is None for row in rows):
        raise click.exceptions.Exit(1)


COMMANDS: list[click.Command] = [resolve]
