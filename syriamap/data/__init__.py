"""The package data, and one way to read it.

Compiled files (``gazetteer.json.gz``, the boundaries, the vendored Leaflet) live here.
The reviewable CSV files (actors, aliases, assertions, places outside Syria, the
extractor's lexicon) live once, in the repository's ``data/`` (and ``seeds/sources.csv``);
the build copies them into the wheel (``setup.py``, rules in :mod:`syriamap.data._files`),
so they cannot drift. :func:`path` finds a file in either place: in the installed package,
else, when running from a source checkout (or an editable install), in ``data/``.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from . import _files

__all__ = ["path"]

_REPO = Path(__file__).resolve().parents[2]


def path(name: str) -> Traversable:
    """Return the package data file ``name`` (e.g. ``"actors.csv"``, ``"lexicon/stance.csv"``).

    The installed package's copy when there is one, else the one copy in the source
    checkout's ``data/`` (or ``seeds/sources.csv``). Reading a file that is in neither
    raises :class:`FileNotFoundError`.

    Examples
    --------
    >>> path("actors.csv").read_text(encoding="utf-8").splitlines()[0].split(",")[0]
    'id'
    """
    packaged = resources.files(__name__).joinpath(*name.split("/"))
    if packaged.is_file() or not (_REPO / "pyproject.toml").is_file():
        return packaged
    found = _files.source(name, _REPO)
    return found if found is not None and found.is_file() else packaged
