"""``syriamap claims|status|capitals``: the stored claims and the control they add up to.

Dates are parsed here, not by click, so that a bad date is a one-line
``syriamap: error: ...`` (exit 1) like an unknown place or actor.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import click

from .._types import parse_optional_date
from ._common import DATE, echo_json, echo_table, json_option, store_option

__all__ = ["COMMANDS", "capitals", "claims", "status"]


def _date_option(*names: str, help: str, required: bool = False) -> Any:
    def parse(ctx: click.Context, param: click.Parameter, value: str | None) -> Any:
        return parse_optional_date(value, what=param.opts[0])

    return click.option(*names, metavar=DATE.name, required=required, callback=parse, help=help)


def _place_id(name: str) -> str:
    """Resolve ``--place`` (an id or a name in any spelling) or raise UnknownPlaceError."""
    from ..errors import UnknownPlaceError
    from ..gazetteer import Gazetteer

    g = Gazetteer.default()
    if name in g:
        return g.get(name).place_id
    place = g.best(name)
    if place is None:
        raise UnknownPlaceError(name, g.suggest(name))
    return place.place_id


def _records(frame: Any) -> list[dict[str, Any]]:
    import math

    records = []
    for row in frame.to_dict(orient="records"):
        clean = {}
        for key, value in row.items():
            if isinstance(value, dt.datetime):
                value = value.date()  # pandas Timestamp
            if isinstance(value, float) and math.isnan(value):
                value = None
            if value is not None and type(value).__name__ == "NAType":
                value = None
            clean[key] = value
        records.append(clean)
    return records


@click.command("claims")
@click.option(
    "--place",
    "place",
    metavar="NAME",
    default=None,
    help="Only claims about this place (a name in any spelling, or a place id).",
)
@click.option(
    "--actor",
    "actor",
    metavar="NAME",
    default=None,
    help="Only claims about this actor and its sub-groups (an id or press name).",
)
@_date_option("--from", "start", help="Only events on or after this date.")
@_date_option("--to", "end", help="Only events on or before this date.")
@json_option
@store_option
def claims(
    place: str | None,
    actor: str | None,
    start: dt.date | None,
    end: dt.date | None,
    as_json: bool,
    store: str | None,
) -> None:
    """List the stored territorial-control claims, oldest first.

    With --json, print a JSON array of assertion objects (the columns of
    data/assertions.csv).
    """
    from ..actors import actors, get_actor
    from ..store import open_store

    place_id = _place_id(place) if place else None
    actor_ids = None
    if actor:
        root = get_actor(actor)
        actor_ids = {a.id for a in actors().values() if a.id == root.id or a.parent == root.id}
    frame = open_store(store, read_only=True).assertions_frame(place_id, start, end)
    if actor_ids is not None:
        frame = frame[frame["actor"].isin(actor_ids)]
    rows = _records(frame)
    if as_json:
        echo_json(rows)
        return
    if not rows:
        click.echo("no claims")
        return
    echo_table(
        rows,
        [
            ("event_date", "date", 10),
            ("place_name", "place", 22),
            ("actor", "actor", 17),
            ("relation", "relation", 9),
            ("stance", "stance", 10),
            ("claimant", "claimant", 18),
            ("source_id", "source", 20),
            ("quote", "quote", 60),
        ],
    )


@click.command("status")
@_date_option("--date", "date", required=True, help="The day to describe.")
@click.option(
    "--place",
    "place",
    metavar="NAME",
    default=None,
    help="Only this place (a name in any spelling, or a place id).",
)
@_date_option(
    "--as-reported-by", "as_reported_by", help="Only use sources published on or before this date."
)
@json_option
@store_option
def status(
    date: dt.date,
    place: str | None,
    as_reported_by: dt.date | None,
    as_json: bool,
    store: str | None,
) -> None:
    """Show who controls each place with evidence on --date.

    With --json, print a JSON array of objects: place_id, name, name_ar, kind, admin1,
    admin1_iso, population, actor, side, status, confidence, confirmed, as_of,
    last_change, supporting, conflicting, n_sources, sources, lat, lon.
    """
    from ..fusion import CONTROL_COLUMNS, control_at, control_state
    from ..store import open_store

    the_store = open_store(store, read_only=True)
    frame = control_at(date, as_reported_by=as_reported_by, store=the_store)
    rows: list[dict[str, Any]] = []
    if place:
        place_id = _place_id(place)
        frame = frame[frame["place_id"] == place_id]
        if frame.empty:  # no evidence: say so explicitly, as an unknown row
            from ..gazetteer import Gazetteer

            p = Gazetteer.default().get(place_id)
            state = control_state(place_id, date, as_reported_by=as_reported_by, store=the_store)
            rows = [
                {
                    "place_id": place_id,
                    "name": p.name,
                    "name_ar": p.name_ar,
                    "kind": p.kind,
                    "admin1": p.admin1,
                    "admin1_iso": p.admin1_iso,
                    "population": p.population,
                    "actor": state.actor,
                    "side": state.side,
                    "status": state.status,
                    "confidence": state.confidence,
                    "confirmed": state.confirmed,
                    "as_of": date,
                    "last_change": None,
                    "supporting": [],
                    "conflicting": [],
                    "n_sources": 0,
                    "sources": [],
                    "lat": p.lat,
                    "lon": p.lon,
                }
            ]
    if not rows and not frame.empty:
        plain = frame.assign(lat=frame.geometry.y, lon=frame.geometry.x)
        rows = _records(plain[[*CONTROL_COLUMNS, "lat", "lon"]])
        rows.sort(key=lambda r: (r["admin1"] or "", r["name"] or "", r["place_id"]))
    if as_json:
        echo_json(rows)
        return
    if not rows:
        click.echo(f"no evidence on or before {date.isoformat()}")
        return
    echo_table(
        rows,
        [
            ("name", "place", 22),
            ("kind", "kind", 11),
            ("admin1", "governorate", 12),
            ("status", "status", 9),
            ("actor", "actor", 17),
            ("side", "side", 10),
            ("confidence", "conf", 4),
            ("last_change", "since", 10),
            ("n_sources", "sources", 7),
        ],
    )


@click.command("capitals")
@_date_option("--date", "date", required=True, help="The day to describe.")
@_date_option(
    "--as-reported-by", "as_reported_by", help="Only use sources published on or before this date."
)
@json_option
@store_option
def capitals(
    date: dt.date, as_reported_by: dt.date | None, as_json: bool, store: str | None
) -> None:
    """Show who controls each of the 14 governorate capitals on --date.

    With --json, print a JSON array of objects: capital, governorate, place_id, actor,
    side, status, confidence.
    """
    from ..fusion import capitals as capitals_at
    from ..store import open_store

    frame = capitals_at(
        date, as_reported_by=as_reported_by, store=open_store(store, read_only=True)
    )
    rows = _records(frame)
    if as_json:
        keys = ("capital", "governorate", "place_id", "actor", "side", "status", "confidence")
        echo_json([{k: r[k] for k in keys} for r in rows])
        return
    echo_table(
        rows,
        [
            ("capital", "capital", 12),
            ("governorate", "governorate", 12),
            ("status", "status", 9),
            ("actor", "actor", 17),
            ("side", "side", 10),
            ("confidence", "conf", 4),
        ],
    )


COMMANDS: list[click.Command] = [claims, status, capitals]
