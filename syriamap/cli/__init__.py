"""The ``syriamap`` command: a thin layer over the public functions.

Each family of subcommands lives in its own module and is registered here. Heavy libraries
(pandas, geopandas, folium, pyogrio) are imported inside the commands, so that
``syriamap --help`` stays fast.

Errors derived from :class:`syriamap.errors.SyriamapError` become a one-line message on
stderr and exit status 1; usage errors (unknown option, bad value) exit with status 2.
The same one-line ``syriamap: error: ...`` (exit 1, never a traceback) covers what the
library does not raise itself: a damaged SQLite store (with a hint to run
``PRAGMA integrity_check`` or restore a backup), a full disk, a folder in the way of an
output file, an unwritable standard output.
"""

from __future__ import annotations

import sqlite3
import sys

import click

from ..errors import SyriamapError

__all__ = ["cli", "main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="syriamap")
def cli() -> None:
    """Turn news reporting about the war in Syria into dated territorial-control maps."""


def _register() -> None:
    from . import _changes, _claims, _extract, _render, _resolve

    for module in (_resolve, _claims, _render, _changes, _extract):
        for command in getattr(module, "COMMANDS", ()):
            cli.add_command(command)


_register()


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return its exit status."""
    try:
        cli.main(args=argv, prog_name="syriamap", standalone_mode=False)
        sys.stdout.flush()  # a full disk behind stdout fails here, not at exit
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        return 1
    except click.exceptions.Exit as exc:
        return int(exc.exit_code or 0)
    except click.ClickException as exc:
        # One line, like every other error: click's own usage errors span three.
        message = " ".join(exc.format_message().split())
        hint = ""
        if isinstance(exc, click.UsageError) and exc.ctx is not None:
            hint = f" (see '{exc.ctx.command_path} --help')"
        click.echo(f"syriamap: error: {message}{hint}", err=True)
        return int(exc.exit_code)
    except SyriamapError as exc:
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        click.echo(f"syriamap: error: {message}", err=True)
        return 1
    except BrokenPipeError:
        return 0
    except sqlite3.DatabaseError as exc:  # a store error the store did not name
        hint = ""
        if getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_CORRUPT:
            hint = " (damaged store: check it with PRAGMA integrity_check or restore a backup)"
        _error(f"store: {' '.join(str(exc).split())}{hint}")
        return 1
    except OSError as exc:  # a full disk, a folder in the way
        from .._io import describe_os_error

        _error(describe_os_error(exc))
        return 1
    return 0


def _error(message: str) -> None:
    """Print one ``syriamap: error:`` line, even when stdout or stderr is in trouble."""
    try:
        click.echo(f"syriamap: error: {message}", err=True)
    except OSError:  # pragma: no cover - nowhere left to report
        pass


def entry_point() -> None:  # pragma: no cover - exercised through the console script
    code = main()
    try:
        sys.stdout.flush()
    except OSError:
        # stdout is gone or full (already reported): keep Python from printing a
        # traceback-like "Exception ignored" when it flushes again at exit
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        code = code or 1
    sys.exit(code)
