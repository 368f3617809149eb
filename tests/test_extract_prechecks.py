"""Cheap word pre-checks never change what is extracted.

Several patterns of the extractor are tried only when one of a few words occurs in the
sentence (``_IRREALIS_WORDS`` before ``_IRREALIS``, ``_THE_CITY_WORDS`` before ``_THE_CITY``,
...): a speed-up that silently drops claims the day a pattern learns a word its list lacks.
These tests switch every such pre-check off (each word list becomes every word of the texts,
most frequent first, so that any sentence passes a test by substring or by word set) and
require the same claims, on the seeds, on invented sentences and, where
the shared corpus is present, on the corpus dev articles.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import warnings
from collections import Counter
from pathlib import Path

import pytest

from syriamap.extract.document import Document, ExtractWarning, document_from_text, read_document
from syriamap.extract.pipeline import analyse

ROOT = Path(__file__).resolve().parents[1]

#: the word lists that guard a pattern (a text without any of the words cannot match it)
PRECHECKS = (
    "_APPOSITION_WORDS",
    "_AREA_CHUNK_WORDS",
    "_BACKED_WORDS",
    "_BEFORE_WORDS",
    "_CIVILIAN_WORDS",
    "_COORDINATED_WORDS",
    "_FACILITY_WORDS",
    "_FOE_WORDS",
    "_FORMERLY_WORDS",
    "_HINTERLAND_WORDS",
    "_INFERENCE_WORDS",
    "_IRREALIS_WORDS",
    "_LOYAL_WORDS",
    "_MONTH_WORDS",
    "_NEGATION_WORDS",
    "_OPPOSED_WORDS",
    "_PATTERN_WORDS",
    "_PHRASE_WORDS",
    "_PROSPECT_WORDS",
    "_RELATIVE_WORDS",
    "_SPEECH_WORDS",
    "_SUBURB_WORDS",
    "_TEMPORAL_WORDS",
    "_THE_CITY_WORDS",
    "_THIS_WEEK_WORDS",
    "_TODAY_WORDS",
)

INVENTED = [
    "Analysts expect the rebels to reach Homs within days.",
    "Government forces launched a counteroffensive to retake Morek on Friday.",
    "Rebels hope to reach Damascus within weeks, a commander said.",
    "The insurgents, who had overrun Morek, pushed on toward the city of Hama.",
    "Fighters took the military airport of Hama, meaning they control the city's east.",
    "Opposition groups seized several villages in the western countryside of Aleppo.",
    "The army said its forces had not withdrawn from the suburbs of Damascus.",
    "Forces opposed to the government entered the town of Rastan after heavy clashes.",
    "Regime troops pulled out of Daraa and Quneitra provinces, residents said.",
    "There is a grave risk of an imminent assault on Manbij by Turkish-backed factions.",
    "Pro-Iranian militias left Albu Kamal as the army redeployed outside Deir ez-Zor.",
]


def _modules():
    package = importlib.import_module("syriamap.extract")
    for info in pkgutil.iter_modules(package.__path__):
        yield importlib.import_module(f"syriamap.extract.{info.name}")


def _claims(documents: list[Document]) -> list[tuple]:
    out = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ExtractWarning)
        for doc in documents:
            for c in analyse(doc).candidates:
                r = c.to_row()
                out.append(
                    (r["source_id"], r["place_id"], r["actor"], r["relation"], r["stance"],
                     str(r["event_date"]), r["start"], r["end"], r["confidence"])
                )  # fmt: skip
    return out


def _documents() -> list[Document]:
    docs = [
        read_document(p, meta={"source_id": p.stem}) for p in sorted((ROOT / "seeds").glob("*.txt"))
    ]
    docs += [
        document_from_text(t, meta={"source_id": f"invented_{i}", "published": "2024-12-07"})
        for i, t in enumerate(INVENTED)
    ]
    return docs


def test_every_precheck_list_exists_and_is_a_tuple_of_words():
    found = {
        name: getattr(module, name)
        for module in _modules()
        for name in PRECHECKS
        if hasattr(module, name)
    }
    assert set(found) == set(PRECHECKS)
    assert all(
        isinstance(v, tuple) and all(isinstance(w, str) and w for w in v) for v in found.values()
    )


def _without_prechecks(monkeypatch: pytest.MonkeyPatch, docs: list[Document]) -> None:
    counts = Counter(w for doc in docs for w in re.findall(r"[a-z]+", doc.text.lower()))
    everything = tuple(w for w, _ in counts.most_common())
    for module in _modules():
        for name in PRECHECKS:
            if hasattr(module, name):
                monkeypatch.setattr(module, name, everything)
    _clear_caches()


@pytest.fixture(autouse=True)
def _fresh_caches_after():
    """Leave no cache built with the pre-checks switched off to the tests that follow."""
    yield
    _clear_caches()


def _clear_caches() -> None:
    """Forget what the gated run computed: per-sentence caches are keyed by text only."""
    for module in _modules():
        for value in vars(module).values():
            if callable(getattr(value, "cache_clear", None)):
                value.cache_clear()


def test_prechecks_change_no_claim_on_seeds_and_invented_sentences(monkeypatch):
    docs = _documents()
    with_checks = _claims(docs)
    assert with_checks  # the seeds have claims: the comparison means something
    _without_prechecks(monkeypatch, docs)
    assert _claims(docs) == with_checks


def test_prechecks_change_no_claim_on_the_corpus_dev_articles(monkeypatch):
    import sys

    sys.path.insert(0, str(ROOT / "tests"))
    from corpus_gold import sources
    from shared_corpus import ARTICLES

    if not ARTICLES.is_dir():
        pytest.skip(f"the shared corpus is not at {ARTICLES} (set $SYRIAMAP_SHARED)")
    docs = [
        read_document(src["file"], meta={"source_id": sid})
        for sid, src in sources(ROOT / "tests" / "fixtures" / "corpus_dev").items()
    ]
    with_checks = _claims(docs)
    _without_prechecks(monkeypatch, docs)
    assert _claims(docs) == with_checks
