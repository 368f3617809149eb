"""Options and helpers shared by the subcommands."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import click

from .._types import parse_date
from ..errors import InvalidDateError

__all__ = ["DATE", "echo_json", "json_option", "store_option"]


class _DateType(click.ParamType):
    name = "YYYY-MM-DD"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None):
        if isinstance(value, dt.date):
            return value
        try:
            return parse_date(value)
        except InvalidDateError:
            self.fail(f"invalid date {value!r}: expected YYYY-MM-DD", param, ctx)


DATE = _DateType()

store_option = click.option(
    "--store",
    "store",
    type=click.Path(dir_okay=False),
    envvar="SYRIAMAP_STORE",
    default=None,
    help="SQLite store to read (default: $SYRIAMAP_STORE, else the bundled seed data).",
)

json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")


def _default(obj: Any) -> Any:
    if isinstance(obj, (dt.date, dt.datetime)):
        return obj.isoformat()
    if hasattr(obj, "item"):  # numpy scalars
        return obj.item()
    if isinstance(obj, (set, frozenset, tuple)):
        return list(obj)
    raise TypeError(f"not JSON serialisable: {type(obj).__name__}")


def echo_json(data: Any) -> None:
    """Print ``data`` as indented UTF-8 JSON."""
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=_default))
