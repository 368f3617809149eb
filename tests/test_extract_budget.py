"""Bounded time: the per-document budget and the position index of the distance checks.

Speed itself is measured in ``benchmarks/bench_dense.py`` (seconds per MB), not here.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from syriamap.cli import main
from syriamap.errors import DataError, TooComplexError
from syriamap.extract import pipeline
from syriamap.extract.distances import _ByPosition
from syriamap.extract.document import document_from_text
from syriamap.extract.mentions import PlaceMention
from syriamap.extract.sentences import split_sentences

PLACES = "Hama Homs Aleppo Daraa Idlib Raqqa Manbij Saraqib Palmyra Latakia Tartus Douma".split()


def _list_of_places(n: int) -> str:
    names = ", ".join(PLACES[i % len(PLACES)] for i in range(n))
    return f"published: 2024-12-07\n\nRebels seized {names} on Thursday, the army said.\n"


def test_work_units_add_up_per_sentence():
    sentences = split_sentences("Rebels took Hama. Troops left Homs.")
    assert pipeline.work_units(sentences, [], [[], []]) == sum(s.end - s.start for s in sentences)


def test_a_normal_article_is_far_under_budget():
    doc = document_from_text(_list_of_places(3) * 200)
    result = pipeline.analyse(doc)
    assert result.candidates


def test_one_sentence_listing_a_thousand_places_is_too_complex():
    doc = document_from_text(_list_of_places(1000), path="list.txt")
    with pytest.raises(TooComplexError, match="too complex.*work units") as info:
        pipeline.analyse(doc)
    assert isinstance(info.value, DataError) and str(info.value).startswith("list.txt: ")
    assert info.value.value > pipeline.MAX_WORK


def test_the_time_budget_stops_the_sentence_loop(monkeypatch):
    monkeypatch.setattr(pipeline, "MAX_SECONDS", -1.0)
    with pytest.raises(TooComplexError, match="CPU seconds"):
        pipeline.analyse(document_from_text(_list_of_places(3), path="a.txt"))


def test_ingest_treats_a_too_complex_file_as_a_bad_file(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text(_list_of_places(2), encoding="utf-8")
    bad = tmp_path / "list.txt"
    bad.write_text(_list_of_places(1000), encoding="utf-8")
    store = tmp_path / "s.db"
    assert main(["ingest", "--store", str(store), str(good), str(bad)]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert err.startswith("syriamap: error: ") and "list.txt" in err and "too complex" in err
    # all or nothing: no source, no assertion (ingest opens the store before analysing)
    if store.exists():
        from syriamap.store import open_store

        with open_store(store, read_only=True) as db:
            assert db.counts() == {"sources": 0, "assertions": 0}


def _mention(start: int, length: int) -> PlaceMention:
    return PlaceMention(start, start + length, "x" * length, ("p",), place_id="p")


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 300), st.integers(1, 20)), max_size=40),
    st.integers(0, 320),
    st.integers(0, 60),
)
def test_position_index_answers_like_a_full_scan(spans, lo, width):
    places = sorted((_mention(a, n) for a, n in spans), key=lambda p: p.start)
    index = _ByPosition(places)
    hi = lo + width
    assert index.starting(lo, hi) == [p for p in places if lo <= p.start < hi]
    assert index.ending_by(lo, hi) == [p for p in places if lo <= p.end <= hi]
