"""Actors: the armed factions, the side each belongs to, their colours and press names.

The lexicon is ``data/actors.csv`` (shipped in the wheel by the build), one row per
actor: ``id,name,side,parent,colour,aliases``. Finer actors (``hts_coalition``, ``sna``,
``southern_factions``...) name a coarser ``parent`` of the same side and are drawn in a
shade of their side's colour.

Sides and colours (Okabe–Ito, safe for colour-blind readers)::

    government  #D55E00 vermilion      opposition  #009E73 bluish green
    sdf         #E6C200 (dark) yellow  isis        #000000 black
    israel      #0072B2 blue           foreign     #CC79A7 reddish purple
    other       #999999 grey

Aliases are lower-case; :func:`get_actor` folds its input the same way (case, curly
apostrophes, a leading "the", repeated spaces). Aliases of two or three letters are
acronyms (``is``, ``hts``, ``sdf``, ``sna``, ``idf``, ``ypg``): a text scanner should match
them case-sensitively in upper case. The lexicon is loaded once, lazily and thread-safely;
an alias claimed by two actors is a :class:`~syriamap.errors.DataError`.
"""

from __future__ import annotations

import csv
import dataclasses
import difflib
import functools
import io
import re
from collections.abc import Mapping

from .errors import DataError, UnknownActorError, VocabularyError

__all__ = [
    "SIDES",
    "SIDE_COLOURS",
    "Actor",
    "actors",
    "alias_index",
    "fold_actor_name",
    "get_actor",
    "side_colour",
]

#: The sides, in the order legends list them.
SIDES: tuple[str, ...] = ("government", "opposition", "sdf", "isis", "israel", "foreign", "other")

#: Colour of each side (Okabe–Ito palette).
SIDE_COLOURS: Mapping[str, str] = {
    "government": "#D55E00",
    "opposition": "#009E73",
    "sdf": "#E6C200",
    "isis": "#000000",
    "israel": "#0072B2",
    "foreign": "#CC79A7",
    "other": "#999999",
}

_COLUMNS = ("id", "name", "side", "parent", "colour", "aliases")
_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")
_ID = re.compile(r"[a-z][a-z0-9_]*")
_SPACES = re.compile(r"\s+")


@dataclasses.dataclass(frozen=True, slots=True)
class Actor:
    """An armed actor from the lexicon.

    Parameters
    ----------
    id
        Stable id (``government``, ``hts_coalition``...).
    name
        Display name.
    side
        One of :data:`SIDES`.
    parent
        Id of the coarser actor it belongs to, or ``""``.
    colour
        ``#rrggbb``; a shade of the side colour.
    aliases
        Lower-case press names.

    Examples
    --------
    >>> get_actor("Assad's forces")
    <Actor government side=government>
    """

    id: str
    name: str
    side: str
    parent: str
    colour: str
    aliases: tuple[str, ...]

    def __repr__(self) -> str:
        return f"<Actor {self.id} side={self.side}>"


def fold_actor_name(text: str) -> str:
    """Fold a press name for alias lookup.

    Examples
    --------
    >>> fold_actor_name("  The  Assad’s Forces ")
    "assad's forces"
    """
    folded = text.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    folded = _SPACES.sub(" ", folded.replace("\u2010", "-").replace("\u2011", "-"))
    folded = folded.strip().lower()
    if folded.startswith("the "):
        folded = folded[4:]
    return folded


def _parse(text: str, path: str) -> dict[str, Actor]:
    reader = csv.DictReader(io.StringIO(text))
    if tuple(reader.fieldnames or ()) != _COLUMNS:
        raise DataError(
            f"expected columns {','.join(_COLUMNS)}", path=path, line=1, value=reader.fieldnames
        )
    result: dict[str, Actor] = {}
    lines: dict[str, int] = {}
    for row in reader:
        line = reader.line_num
        aid = (row["id"] or "").strip()
        if not _ID.fullmatch(aid):
            raise DataError(
                "actor id must be lower-case snake_case", path=path, line=line, value=aid
            )
        if aid in result:
            raise DataError(f"duplicate actor id {aid!r}", path=path, line=line, value=aid)
        side = (row["side"] or "").strip()
        if side not in SIDES:
            raise DataError(
                f"unknown side; expected one of {', '.join(SIDES)}",
                path=path,
                line=line,
                value=side,
            )
        colour = (row["colour"] or "").strip()
        if not _COLOUR.fullmatch(colour):
            raise DataError("colour must be #rrggbb", path=path, line=line, value=colour)
        aliases = tuple(a.strip() for a in (row["aliases"] or "").split("|") if a.strip())
        for alias in aliases:
            if alias != fold_actor_name(alias):
                raise DataError(
                    "aliases must be folded (lower case, no leading 'the')",
                    path=path,
                    line=line,
                    value=alias,
                )
        result[aid] = Actor(
            aid,
            (row["name"] or "").strip(),
            side,
            (row["parent"] or "").strip(),
            colour.upper(),
            aliases,
        )
        lines[aid] = line
    for actor in result.values():
        if actor.parent and actor.parent not in result:
            raise DataError(
                f"unknown parent {actor.parent!r}",
                path=path,
                line=lines[actor.id],
                value=actor.parent,
            )
        if actor.parent and result[actor.parent].side != actor.side:
            raise DataError(
                "an actor must have its parent's side",
                path=path,
                line=lines[actor.id],
                value=actor.side,
            )
    return result


@functools.cache
def actors() -> dict[str, Actor]:
    """Return every actor of the lexicon, keyed by id (loaded once).

    Raises
    ------
    DataError
        If the packaged lexicon is malformed.
    """
    from .data import path

    res = path("actors.csv")
    return _parse(res.read_text(encoding="utf-8"), "data/actors.csv")


@functools.cache
def alias_index() -> dict[str, str]:
    """Map every folded alias (and every id) to its actor id.

    Raises
    ------
    DataError
        If two actors claim the same alias.
    """
    index: dict[str, str] = {}
    for actor in actors().values():
        for name in (actor.id, fold_actor_name(actor.id.replace("_", " ")), *actor.aliases):
            owner = index.setdefault(name, actor.id)
            if owner != actor.id:
                raise DataError(
                    f"alias {name!r} is claimed by both {owner!r} and {actor.id!r}",
                    path="data/actors.csv",
                    value=name,
                )
    return index


def get_actor(id_or_alias: str, /) -> Actor:
    """Look an actor up by id or by any press name.

    Parameters
    ----------
    id_or_alias
        ``"sdf"``, ``"Kurdish-led forces"``, ``"regime forces"``...

    Returns
    -------
    Actor

    Raises
    ------
    UnknownActorError
        With close names as suggestions.

    Examples
    --------
    >>> get_actor("Hayat Tahrir al-Sham").id
    'hts_coalition'
    >>> get_actor("Kurdish-led troops").side
    'sdf'
    """
    table = actors()
    if id_or_alias in table:
        return table[id_or_alias]
    index = alias_index()
    folded = fold_actor_name(str(id_or_alias))
    for candidate in (folded, folded.rstrip("s"), folded.replace("'s ", " ")):
        if candidate in index:
            return table[index[candidate]]
    close = difflib.get_close_matches(folded, list(index), n=5, cutoff=0.75)
    raise UnknownActorError(str(id_or_alias), list(dict.fromkeys(close)))


def side_colour(side: str) -> str:
    """Return the ``#rrggbb`` colour of a side.

    Raises
    ------
    VocabularyError
        If ``side`` is not one of :data:`SIDES`.

    Examples
    --------
    >>> side_colour("opposition")
    '#009E73'
    """
    try:
        return SIDE_COLOURS[side]
    except KeyError:
        raise VocabularyError("side", side, SIDES) from None
