"""End to end on the shared real corpus: ingest all 82 articles, compare the map with history.

``history.csv`` records what really happened to the capitals and some towns on given days.
The map may say "unknown" where the reporting is thin; it must not show a wrong holder
without telling the reader that its sources disagree (``disputed``). The counts are
printed; ``benchmarks/bench_history.py --verbose`` lists the rows.
"""

import pytest
from shared_corpus import ARTICLES, HISTORY, requires_corpus

from syriamap.cli import main as cli
from syriamap.history import HISTORY_COLUMNS, compare_with_history
from syriamap.store import open_store

pytestmark = [requires_corpus, pytest.mark.slow]


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("corpus") / "corpus.sqlite"
    files = sorted(str(p) for p in ARTICLES.glob("*.txt"))
    assert len(files) >= 80
    assert cli(["ingest", "--no-progress", "--store", str(path), *files]) == 0
    return open_store(path)


@pytest.mark.parametrize("as_reported", [False, True], ids=["hindsight", "as_reported"])
def test_the_map_against_history(corpus_store, as_reported):
    table = compare_with_history(HISTORY, store=corpus_store, as_reported=as_reported)
    assert tuple(table.columns) == HISTORY_COLUMNS and len(table) >= 40
    counts = table["verdict"].value_counts().to_dict()
    print(f"as_reported={as_reported}: {counts}")
    wrong = table[table["verdict"] == "wrong"]
    # never a confident wrong colour: a wrong holder is at least flagged as disputed
    assert wrong["disputed"].all(), wrong.to_string()
    assert len(wrong) <= 1, wrong.to_string()
    # the evidence is used: a good share of the rows is named rightly (hindsight also
    # reads later withdrawals and losses as holds before them, so it names more)
    assert counts.get("right", 0) >= len(table) * (0.4 if as_reported else 0.7)
