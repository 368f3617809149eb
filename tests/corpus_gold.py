"""Gold sets on the shared real-news corpus: loading, quotes at test time, and scoring.

A corpus gold directory (``tests/fixtures/corpus_dev/``, ``tests/fixtures/corpus_blind/``)
holds no article text, only pointers into ``<shared>/corpus/articles/``:

- ``articles.csv``: ``source_id,file,content_hash``, every article of the set (also those
  without a claim, so that predictions there count as false positives);
- ``gold.csv``: the claims, with the columns of ``data/assertions.csv`` except ``quote``
  (see :data:`GOLD_COLUMNS`); ``start``/``end`` are character offsets into the full file text,
  header block included (``Path(f).read_bytes().decode("utf-8")``);
- ``sites_pending.csv`` (optional): claims about places the gazetteer lacks (airbases,
  crossings, prisons, neighbourhoods), with ``place_id`` empty and a ``site`` name, waiting
  for those places to be added; they are not scored.

The ``quote`` column is filled here from the corpus text at the offsets, so the publishers'
sentences never enter the repository. Source ids are ``corpus_`` + the file stem
(``017.txt`` → ``corpus_017``); the source table is built from each article's header.
"""

from __future__ import annotations

import csv
import hashlib
import warnings
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from shared_corpus import ARTICLES

GOLD_COLUMNS = (
    "assertion_id,source_id,place_id,place_name,actor,relation,stance,claimant,"
    "claimant_side,event_date,date_precision,place_precision,start,end,method,"
    "confidence,note"
).split(",")
SITES_COLUMNS = [*GOLD_COLUMNS, "site"]
ARTICLES_COLUMNS = ["source_id", "file", "content_hash"]
PREFIX = "corpus_"


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def source_id(file_name: str) -> str:
    """Return the source id of a corpus file: ``"017.txt"`` → ``"corpus_017"``."""
    return PREFIX + Path(file_name).stem


def article_file(sid: str, articles: Path = ARTICLES) -> Path:
    """Return the corpus file of a source id: ``"corpus_017"`` → ``<articles>/017.txt``."""
    if not sid.startswith(PREFIX):
        raise ValueError(f"not a corpus source id: {sid!r}")
    return articles / f"{sid[len(PREFIX) :]}.txt"


def read_text(path: Path) -> str:
    """Return a corpus file's full text, header included, as the offsets count it."""
    return path.read_bytes().decode("utf-8")


def header(text: str) -> dict[str, str]:
    """Return the ``key: value`` header block at the top of a corpus file."""
    meta: dict[str, str] = {}
    for line in text.split("\n\n", 1)[0].splitlines():
        key, sep, value = line.partition(":")
        if sep:
            meta[key.strip()] = value.strip()
    return meta


def article_list(gold_dir: Path) -> list[dict[str, str]]:
    """Return the rows of ``<gold_dir>/articles.csv`` (the articles the set covers)."""
    return _rows(gold_dir / "articles.csv")


def sources(gold_dir: Path, articles: Path = ARTICLES) -> dict[str, dict[str, str]]:
    """Return the source table of a gold set, built from each article's header.

    Keys are source ids; values have ``source_id``, ``file`` (absolute path), ``url``,
    ``publisher``, ``published`` and ``content_hash`` (of the file as it is now).
    """
    table = {}
    for row in article_list(gold_dir):
        path = articles / row["file"]
        raw = path.read_bytes()
        meta = header(raw.decode("utf-8"))
        table[row["source_id"]] = {
            "source_id": row["source_id"],
            "file": str(path),
            "url": meta.get("url", ""),
            "publisher": meta.get("publisher", ""),
            "published": meta.get("published", ""),
            "content_hash": hashlib.sha256(raw).hexdigest(),
        }
    return table


def _with_quotes(rows: list[dict[str, str]], articles: Path) -> list[dict[str, str]]:
    texts: dict[str, str] = {}
    for r in rows:
        sid = r["source_id"]
        if sid not in texts:
            texts[sid] = read_text(article_file(sid, articles))
        r["quote"] = texts[sid][int(r["start"]) : int(r["end"])]
    return rows


def load_gold(gold_dir: Path, articles: Path = ARTICLES) -> list[dict[str, str]]:
    """Return ``gold.csv`` rows with ``quote`` filled from the corpus text at the offsets."""
    return _with_quotes(_rows(gold_dir / "gold.csv"), articles)


def load_sites_pending(gold_dir: Path, articles: Path = ARTICLES) -> list[dict[str, str]]:
    """Return ``sites_pending.csv`` rows (empty if absent), quotes filled like the gold."""
    path = gold_dir / "sites_pending.csv"
    return _with_quotes(_rows(path), articles) if path.exists() else []


def analyse_set(gold_dir: Path, articles: Path = ARTICLES) -> list[Any]:
    """Run the extractor over every article of a gold set (source ids as in the gold)."""
    from syriamap.extract.document import ExtractWarning, read_document
    from syriamap.extract.pipeline import analyse

    out = []
    for sid, src in sources(gold_dir, articles).items():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ExtractWarning)
            doc = read_document(src["file"], meta={"source_id": sid})
            out.append(analyse(doc))
    return out


def _side(row: Mapping[str, Any], table: Mapping[str, Any]) -> str:
    from syriamap.extract.evaluate import claim_side

    return claim_side(row, table)


def match_relaxed(predicted: Sequence[Mapping[str, Any]], gold: Sequence[Mapping[str, Any]]) -> int:
    """Return the size of a maximum one-to-one matching on source, place and side only.

    The relaxed match asks only *who* is said to be *where* in an article: relation,
    stance and date are ignored (the strict match, ``match_claims_one_to_one``, asks all).
    """
    from syriamap.actors import actors
    from syriamap.extract.evaluate import maximum_matching

    table = actors()
    gold_keys = [(g["source_id"], g["place_id"], _side(g, table)) for g in gold]
    edges = [
        [
            j
            for j, k in enumerate(gold_keys)
            if k == (p["source_id"], p["place_id"], _side(p, table))
        ]
        for p in predicted
    ]
    return len(maximum_matching(edges))


def wrong_sides(
    predicted: Sequence[Mapping[str, Any]], gold: Sequence[Mapping[str, Any]]
) -> tuple[int, int]:
    """Return ``(wrong, placed)``: predicted claims at a gold place, and how many name a side
    that no gold claim of that article gives the place.

    ``placed`` counts predictions whose article and scored place (a site counts as its
    town, as in the strict match) carry at least one gold claim; ``wrong`` those among them
    whose side matches none of those claims: the error that paints a place in the wrong
    colour.
    """
    from syriamap.actors import actors
    from syriamap.extract.evaluate import scored_place
    from syriamap.gazetteer import Gazetteer

    table, gaz = actors(), Gazetteer.default()
    sides: dict[tuple[str, str], set[str]] = {}
    for g in gold:
        key = (g["source_id"], scored_place(g["place_id"], gaz))
        sides.setdefault(key, set()).add(_side(g, table))
    placed = wrong = 0
    for p in predicted:
        want = sides.get((p["source_id"], scored_place(p["place_id"], gaz)))
        if want is not None:
            placed += 1
            wrong += _side(p, table) not in want
    return wrong, placed


def score_set(
    gold_dir: Path, articles: Path = ARTICLES, analyses: Iterable[Any] | None = None
) -> dict[str, Any]:
    """Score the extractor on a corpus gold set.

    Returns the levels of :func:`syriamap.extract.evaluate.evaluate` (``mentions``,
    ``places``, ``claims``: the strict claim match) plus ``relaxed`` (source, place and
    side only), each a :class:`~syriamap.extract.evaluate.Score`, ``national``, the
    number of claims at Syria itself left unscored
    (:func:`~syriamap.extract.evaluate.national_unscored`), and ``wrong_side``, the
    ``(wrong, placed)`` pair of :func:`wrong_sides`.
    """
    from syriamap.extract.evaluate import Score, evaluate

    gold = load_gold(gold_dir, articles)
    analyses = list(analyses) if analyses is not None else analyse_set(gold_dir, articles)
    scores: dict[str, Any] = dict(evaluate(gold, analyses))
    from syriamap.extract.evaluate import national_unscored
    from syriamap.gazetteer import Gazetteer

    rows = [c.to_row() for a in analyses for c in a.candidates]
    predicted = national_unscored(rows, gold, Gazetteer.default())
    tp = match_relaxed(predicted, gold)
    scores["relaxed"] = Score(tp, len(predicted) - tp, len(gold) - tp)
    scores["national"] = len(rows) - len(predicted)  # claims at Syria itself, not scored
    scores["wrong_side"] = wrong_sides(predicted, gold)
    return scores
