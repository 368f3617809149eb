"""Options and helpers shared by the subcommands."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Sequence
from typing import Any

import click

from .._types import parse_date
from ..errors import InvalidDateError

__all__ = [
    "DATE",
    "cell",
    "echo_json",
    "echo_table",
    "json_option",
    "progress_option",
    "show_progress",
    "store_option",
    "write_store_option",
]


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
    metavar="PATH",
    envvar="SYRIAMAP_STORE",
    default=None,
    help="SQLite store to read, opened read-only (default: $SYRIAMAP_STORE, else the "
    "bundled seed data).",
)

write_store_option = click.option(
    "--store",
    "store",
    metavar="PATH",
    envvar="SYRIAMAP_STORE",
    default=None,
    help="SQLite store to add to, created when missing (default: $SYRIAMAP_STORE; one of "
    "the two is required: the bundled seed data cannot be written).",
)

progress_option = click.option(
    "--progress/--no-progress",
    "progress",
    default=None,
    help="Show a progress bar on stderr (default: only when stderr is a terminal).",
)


def show_progress(progress: bool | None) -> bool:
    """Whether to draw a progress bar: as asked, else only when stderr is a terminal."""
    if progress is not None:
        return progress
    import sys

    return bool(getattr(sys.stderr, "isatty", lambda: False)())


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


# C0 and C1 control characters, DEL and the bidirectional overrides: source text shown in a
# terminal must not be able to move the cursor, recolour or clear the screen, or reorder
# what the reader sees.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def cell(value: Any, width: int) -> str:
    r"""Format one table cell: dates ISO, floats to 2 places, text on one line, safe.

    Control characters (ANSI escape sequences included) are shown escaped, as ``\\x1b``,
    so that text from sources cannot act on the terminal; long text is cut with "…".
    """
    if value is None or (isinstance(value, float) and value != value):
        text = ""
    elif isinstance(value, float):
        text = f"{value:.2f}"
    elif isinstance(value, dt.date):
        text = value.isoformat()
    else:
        text = " ".join(str(value).split())
    text = _UNSAFE.sub(lambda m: ascii(m.group())[1:-1], text)
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


def echo_table(rows: Sequence[dict[str, Any]], columns: Sequence[tuple[str, str, int]]) -> None:
    """Print rows as an aligned table: columns are (key, header, max width)."""
    cells = [[cell(r.get(key), width) for key, _, width in columns] for r in rows]
    widths = [max([len(h)] + [len(c[i]) for c in cells]) for i, (_, h, _) in enumerate(columns)]
    click.echo("  ".join(h.ljust(w) for (_, h, _), w in zip(columns, widths, strict=True)).rstrip())
    for row in cells:
        click.echo("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
