"""Evaluation of the extractor against a gold annotation (``data/assertions.csv``).

Three levels, each with precision, recall and F1:

``mentions``
    Place names found inside the gold quotes: a gold item is (source, quote, name) for every
    gold row whose ``place_name`` is a gazetteer name once kind words are dropped ("Daraa
    province" → "Daraa"; "the capital" is not a name); a predicted item is a name the
    extractor found inside the same quote span. Names compare by the gazetteer's phonetic
    key, so "Deraa" matches "Daraa".
``places``
    Resolution: the same items with the resolved ``place_id`` added, counting only the
    predicted names the gold annotates (an extra name is a *mention* error, not a
    resolution error). Precision is the share of those resolved to the gold place;
    recall is the share of gold names found *and* resolved right.
``claims``
    One-to-one matching (maximum bipartite matching) of predicted and gold assertions of the
    same source with the same place, the same side (from the actor lexicon), relation and
    stance, and event dates at most one day apart.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .._normalize import GENERIC_WORDS, fold, skeleton
from .._types import PathLike, parse_optional_date

__all__ = [
    "Score",
    "evaluate",
    "evaluate_files",
    "format_report",
    "match_claims_one_to_one",
    "national_unscored",
]

_DROP_FIRST = frozenset({"the", "southern", "northern", "eastern", "western", "central", "rural"})


@dataclass(frozen=True)
class Score:
    """True positives, false positives and false negatives, with P/R/F1."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        """Tp / (tp + fp); 1.0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """Tp / (tp + fn); 1.0 when there is nothing to find."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        """Return the counts and the three figures."""
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


def _name_key(name: str, gazetteer: Any, known: set[str]) -> str:
    words = fold(name).split()
    if " ".join(words) in known:
        return skeleton(" ".join(words))
    while words and words[0] in _DROP_FIRST:
        words.pop(0)
    while len(words) > 1 and words[-1] in GENERIC_WORDS:
        words.pop()
    key = " ".join(words)
    return skeleton(key) if key in known else ""


def scored_place(place_id: str, gazetteer: Any) -> str:
    """Return the place id a claim is scored at: a reviewed site (``s:``) counts as its parent town.

    The gold sets annotate a facility or a city district at its town (with place precision
    ``near``), as they were written before data/sites.csv existed.
    """
    if place_id.startswith("s:") and place_id in gazetteer:
        return str(gazetteer.get(place_id).parent_id or place_id)
    return place_id


def claim_side(row: Mapping[str, Any], table: Mapping[str, Any]) -> str:
    """Return a claim row's side: its ``side``, else its actor's side (``table``: actors)."""
    if row.get("side"):
        return str(row["side"])
    actor = table.get(str(row.get("actor", "")))
    return actor.side if actor else str(row.get("actor", ""))


def maximum_matching(edges: Sequence[Sequence[int]]) -> list[tuple[int, int]]:
    """Return ``(left, right)`` pairs of a maximum one-to-one matching (augmenting paths).

    ``edges[i]`` lists the right-hand indices left item ``i`` may be matched to.

    Examples
    --------
    >>> maximum_matching([[0, 1], [0]])
    [(0, 1), (1, 0)]
    """
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(edges)):
        augment(i, set())
    return sorted((i, j) for j, i in owner.items())


def match_claims_one_to_one(
    predicted: Sequence[Mapping[str, Any]],
    gold: Sequence[Mapping[str, Any]],
    *,
    gazetteer: Any = None,
) -> list[tuple[int, int]]:
    """Return ``(predicted index, gold index)`` pairs of a maximum one-to-one matching.

    Places compare by :func:`scored_place` (a site as its parent town).
    """
    from ..actors import actors

    if gazetteer is None:
        from ..gazetteer import Gazetteer

        gazetteer = Gazetteer.default()
    table = actors()

    def where(row: Mapping[str, Any]) -> str:
        return scored_place(str(row["place_id"]), gazetteer)

    def side(row: Mapping[str, Any]) -> str:
        return claim_side(row, table)

    def date(row: Mapping[str, Any]) -> dt.date | None:
        value = row.get("event_date")
        return value if isinstance(value, dt.date) else parse_optional_date(value or None)

    def ok(p: Mapping[str, Any], g: Mapping[str, Any]) -> bool:
        if (p["source_id"], where(p), str(p["relation"]), str(p["stance"])) != (
            g["source_id"],
            where(g),
            str(g["relation"]),
            str(g["stance"]),
        ):
            return False
        if side(p) != side(g):
            return False
        dp, dg = date(p), date(g)
        return dp is not None and dg is not None and abs((dp - dg).days) <= 1

    return maximum_matching([[j for j, g in enumerate(gold) if ok(p, g)] for p in predicted])


def national_unscored(
    predicted: Sequence[Mapping[str, Any]], gold: Sequence[Mapping[str, Any]], gazetteer: Any
) -> list[Mapping[str, Any]]:
    """Drop claims at Syria itself (kind ``country``) when the gold has none there.

    The gold sets were annotated before Syria was a place (national statements such as
    "the fall of the Assad regime" could not be written down), so a national claim is
    neither right nor wrong there; a gold set with any claim at a country place scores
    them all. ``tests/test_extract_collapse.py`` tests the national claims themselves.
    """

    def national(row: Mapping[str, Any]) -> bool:
        pid = str(row.get("place_id", ""))
        return pid in gazetteer and gazetteer.get(pid).kind == "country"

    if any(national(g) for g in gold):
        return list(predicted)
    return [p for p in predicted if not national(p)]


def evaluate(
    gold: Sequence[Mapping[str, Any]],
    analyses: Iterable[Any],
    *,
    gazetteer: Any = None,
) -> dict[str, Score]:
    """Score analyses (:class:`~syriamap.extract.pipeline.Analysis`) against gold rows.

    Only gold rows of the analysed sources count.
    """
    if gazetteer is None:
        from ..gazetteer import Gazetteer

        gazetteer = Gazetteer.default()
    known = {alias for alias, _ in gazetteer.surface_forms()}
    analyses = list(analyses)
    sources = {a.source_id for a in analyses}
    gold = [g for g in gold if g["source_id"] in sources]

    gold_names: set[tuple[str, int, str]] = set()
    gold_places: set[tuple[str, int, str, str]] = set()
    quotes: dict[str, set[tuple[int, int]]] = {}
    for g in gold:
        start, end = int(g["start"]), int(g["end"])
        quotes.setdefault(g["source_id"], set()).add((start, end))
        key = _name_key(g["place_name"], gazetteer, known)
        if key:
            gold_names.add((g["source_id"], start, key))
            gold_places.add((g["source_id"], start, key, scored_place(g["place_id"], gazetteer)))
    pred_names: set[tuple[str, int, str]] = set()
    pred_places: set[tuple[str, int, str, str]] = set()
    for a in analyses:
        for start, end in quotes.get(a.source_id, ()):
            for m in a.mentions:
                if m.coref or not (start <= m.start and m.end <= end):
                    continue
                key = _name_key(m.text, gazetteer, known)
                if not key or m.outside:
                    continue
                pred_names.add((a.source_id, start, key))
                if (a.source_id, start, key) in gold_names:
                    pred_places.add((a.source_id, start, key, scored_place(m.place_id, gazetteer)))

    def score(pred: set[Any], ref: set[Any]) -> Score:
        return Score(len(pred & ref), len(pred - ref), len(ref - pred))

    predicted = national_unscored(
        [c.to_row() for a in analyses for c in a.candidates], gold, gazetteer
    )
    pairs = match_claims_one_to_one(predicted, gold, gazetteer=gazetteer)
    claims = Score(len(pairs), len(predicted) - len(pairs), len(gold) - len(pairs))
    return {
        "mentions": score(pred_names, gold_names),
        "places": score(pred_places, gold_places),
        "claims": claims,
    }


def _read_csv(path: PathLike) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def evaluate_files(
    gold_path: PathLike,
    files: Sequence[PathLike] = (),
    *,
    sources_path: PathLike | None = None,
) -> tuple[dict[str, Score], list[Any]]:
    """Run the extractor over ``files`` (default: the seeds) and score it.

    Publication dates and source ids come from ``sources_path`` (default:
    ``seeds/sources.csv`` beside the gold file's project, else the package copy) by file
    name; a file unknown there is read with its own metadata.
    """
    import warnings

    from .document import ExtractWarning, read_document
    from .pipeline import analyse

    gold_path = Path(gold_path)
    root = gold_path.resolve().parent.parent
    if sources_path is None:
        candidate = root / "seeds" / "sources.csv"
        if candidate.exists():
            sources_path = candidate
    sources: dict[str, dict[str, str]] = {}
    if sources_path is not None:
        for row in _read_csv(sources_path):
            sources[Path(row.get("file") or row["source_id"]).name] = row
            sources.setdefault(row["source_id"], row)
    if not files:
        files = sorted((root / "seeds").glob("*.txt"))
    analyses = []
    for f in files:
        path = Path(f)
        found = sources.get(path.name) or sources.get(path.stem)
        meta: dict[str, Any] = {}
        if found:
            meta = {"published": found.get("published"), "source_id": found["source_id"]}
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ExtractWarning)
            doc = read_document(path, meta=meta)
            analyses.append(analyse(doc))
    return evaluate(_read_csv(gold_path), analyses), analyses


def format_report(scores: Mapping[str, Score]) -> str:
    """Format scores as a small table."""
    lines = [f"{'level':<10} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"]
    for level, s in scores.items():
        lines.append(
            f"{level:<10} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.tp:5d} {s.fp:5d} "
            f"{s.fn:5d}"
        )
    return "\n".join(lines)
