"""The paraphrase robustness probe: invented re-wordings of gold claims and their scoring.

``tests/fixtures/paraphrase/probe.csv`` holds 62 gold claims of the corpus gold sets that the
extractor met when the probe was written, each re-worded three times the way other outlets
write the same fact (its header says how the sentences were made and how the halves were
drawn).  A row passes *exactly* when the extractor's claims pair off one to one with the
expected set on place, actor, relation, stance and claimant side, with the event date within
one day (the tolerance of the corpus gold sets' strict match), and passes *by side* when the
set of (place, side) pairs is the same: the right side at the right place, whatever the
relation, stance or date.

Places are compared loosely: surface forms equal after dropping a leading "the", one
containing the other ("Hama" and "Hama military airport"), or the extracted place's record
being the gazetteer's best record for the expected surface form ("Deir Ezzor" and "Deir
ez-Zor"; "the city" resolved to Hama).
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import warnings
from dataclasses import dataclass
from pathlib import Path

from syriamap.actors import actors
from syriamap.extract.document import document_from_text
from syriamap.extract.pipeline import analyse
from syriamap.gazetteer import Gazetteer

PROBE = Path(__file__).parent / "fixtures" / "paraphrase" / "probe.csv"

Claim = tuple[str, str, str, str, str, str]  # place, actor, relation, stance, side, date
Got = tuple[str, str, str, str, str, str, str]  # the same and the place's gazetteer id


@dataclass(frozen=True)
class Row:
    """One paraphrase: its id, half, publication date, sentence and expected claims."""

    id: str
    half: str
    origin: str
    published: str
    sentence: str
    expected: frozenset[Claim]


def load_probe(path: Path = PROBE) -> list[Row]:
    """Return the probe's rows (lines starting with ``#`` are the header's comments)."""
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    rows = []
    for r in csv.DictReader(lines):
        expected = frozenset(
            tuple(part.split("|")) for part in r["expected"].split(" ; ") if part.strip()
        )
        rows.append(
            Row(r["id"], r["half"], r["origin"], r["published"], r["sentence"], expected)  # type: ignore[arg-type]
        )
    return rows


def claims(text: str, published: str) -> set[Got]:
    """The claims of ``text`` as (place, actor, relation, stance, claimant side, date, id)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        analysis = analyse(document_from_text(text), published=published, source_id="paraphrase")
    return {
        (
            a.place_name,
            a.actor,
            str(a.relation),
            str(a.stance),
            a.claimant_side or "",
            a.event_date.isoformat(),
            a.place_id,
        )
        for a in analysis.assertions()
    }


@functools.cache
def _place_key(name: str) -> str:
    place = Gazetteer.default().best(name)
    return place.place_id if place is not None else ""


def _bare(name: str) -> str:
    name = name.strip().lower()
    return name[4:] if name.startswith("the ") else name


def same_place(got: str, got_id: str, want: str) -> bool:
    """Whether an extracted place (surface form, id) is the expected one (module docstring)."""
    g, w = _bare(got), _bare(want)
    if not g or not w:
        return g == w
    if g == w or g in w or w in g:
        return True
    key = _place_key(want)
    return bool(key) and key in (got_id, _place_key(got))


def _near_day(got: str, want: str) -> bool:
    return abs((dt.date.fromisoformat(got) - dt.date.fromisoformat(want)).days) <= 1


def _side(actor: str) -> str:
    entry = actors().get(actor)
    return entry.side if entry else actor


def passes_exactly(got: set[Got], want: frozenset[Claim]) -> bool:
    """Every expected claim found once (date within a day), nothing else extracted."""
    left = sorted(got)
    for w in sorted(want):
        hit = next(
            (
                g
                for g in left
                if same_place(g[0], g[6], w[0]) and g[1:5] == w[1:5] and _near_day(g[5], w[5])
            ),
            None,
        )
        if hit is None:
            return False
        left.remove(hit)
    return not left


def passes_by_side(got: set[Got], want: frozenset[Claim]) -> bool:
    """The same set of (place, side) pairs: the right side at the right place."""
    got_pairs = {(g[0], g[6], _side(g[1])) for g in got}
    want_pairs = {(w[0], _side(w[1])) for w in want}
    found = all(
        any(same_place(g, gid, w) and s == ws for g, gid, s in got_pairs) for w, ws in want_pairs
    )
    return found and all(
        any(same_place(g, gid, w) and s == ws for w, ws in want_pairs) for g, gid, s in got_pairs
    )
