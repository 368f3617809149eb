"""``syriamap changes``: the places whose holder or status changed between two dates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import click

from ..errors import StoreError
from ._common import DATE, cell, echo_json, json_option, store_option

__all__ = ["COMMANDS", "changes", "describe"]


def describe(row: dict[str, Any]) -> str:
    """One line for a change: ``Homs (city, Homs): Government, held → Opposition, held``."""
    from ..changes import state_phrase as _state

    where = ", ".join(p for p in (row.get("kind"), row.get("admin1")) if p)
    before = _state(row["before_side"], row["before_actor"], row["before_status"])
    after = _state(row["after_side"], row["after_actor"], row["after_status"])
    claims = row.get("claims") or []
    tail = f" · {len(claims)} claim{'s' if len(claims) != 1 else ''}" if claims else ""
    return f"{cell(row['name'], 60)} ({cell(where, 60)}): {before} → {after}{tail}"


@click.command("changes")
@click.option("--from", "start", type=DATE, required=True, help="The earlier date.")
@click.option("--to", "end", type=DATE, required=True, help="The later date.")
@click.option(
    "--as-reported-by",
    "as_reported_by",
    type=DATE,
    default=None,
    help="Use only what had been published by this date.",
)
@json_option
@store_option
def changes(
    start: dt.date,
    end: dt.date,
    as_reported_by: dt.date | None,
    as_json: bool,
    store: str | None,
) -> None:
    """List the places whose holder or status changed from --from to --to, and why.

    \b
    Examples:
      syriamap changes --from 2024-12-06 --to 2024-12-07
      syriamap changes --from 2024-11-27 --to 2024-12-08 --json
    """  # noqa: D301 (click's \b paragraph marker)
    from ..changes import changes as list_changes

    if store is not None and not Path(store).is_file():
        raise StoreError(f"no store at {store} (create one with syriamap ingest)")
    frame = list_changes(start, end, as_reported_by=as_reported_by, store=store)
    rows = frame.to_dict("records")
    if as_json:
        echo_json(rows)
        return
    if not rows:
        click.echo(f"no changes from {start.isoformat()} to {end.isoformat()}")
        return
    titles = {
        "holder": "holder changed",
        "status": "status changed",
        "new": "newly mapped",
        "dropped": "no longer mapped",
    }
    for kind, title in titles.items():
        chosen = [r for r in rows if r["change"] == kind]
        if not chosen:
            continue
        click.echo(f"{title} ({len(chosen)}), {start.isoformat()} → {end.isoformat()}:")
        for row in chosen:
            click.echo("  " + describe(row))


COMMANDS: list[click.Command] = [changes]
