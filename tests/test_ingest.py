"""syriamap.ingest in this process: inputs, batches, --keep-going, transactions.

The same code path on a Dask cluster is tested in test_ingest_dask.py.
"""

import sqlite3
import sys
import warnings

import pytest
from click.testing import CliRunner
from generated_corpus import write_corpus

import syriamap
from syriamap.cli import cli, main
from syriamap.corpus import Item, batches, iter_inputs
from syriamap.extract import ExtractWarning
from syriamap.store import Store


def exported(path, tmp_path, name="export"):
    """The store's CSV export (sorted, deterministic), as bytes per file."""
    out = tmp_path / name
    with Store(path) as db:
        db.export_csv(out)
    return {f.name: f.read_bytes() for f in sorted(out.iterdir())}


def quiet_ingest(*args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ExtractWarning)
        return syriamap.ingest(*args, progress=False, **kwargs)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    return folder, write_corpus(folder, 40)


def test_texts_into_a_store_object():
    store = Store()
    text = b"Rebels seized Hama on Thursday. Troops withdrew from Homs, SOHR said.\n"
    summary = syriamap.ingest([text, text], store=store, published="2024-12-06")
    assert isinstance(summary, syriamap.IngestSummary)
    assert (summary.files, summary.sources_added, summary.sources_already_stored) == (2, 1, 1)
    assert (summary.assertions_added, summary.assertions_already_stored) == (2, 2)
    assert summary.workers == 1 and summary.problems == ()
    assert {a.place_name for a in store.assertions()} == {"Hama", "Homs"}
    assert str(summary).startswith("sources: 1 added, 1 already stored; assertions: 2 added")


def test_one_path_is_not_taken_for_a_list_of_characters(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Rebels seized Hama on Thursday.\n", "utf-8")
    summary = syriamap.ingest(
        str(article), store=tmp_path / "s.db", published="2024-12-06", progress=False
    )
    assert summary.files == 1 and summary.assertions_added == 1


def test_folder_pattern_and_list_file_name_the_same_articles(corpus, tmp_path):
    folder, files = corpus
    by_folder = [i.name for i in iter_inputs([folder])]
    assert by_folder == [str(f) for f in files]  # name order, sidecars skipped
    pattern = [i.name for i in iter_inputs([str(folder / "**" / "*.*")])]
    assert sorted(pattern) == sorted(by_folder)
    listing = tmp_path / "list.txt"
    listing.write_text("# my corpus\n\n" + "\n".join(by_folder[5:]) + "\n", "utf-8")
    listed = list(iter_inputs(by_folder[:5], from_list=listing))
    assert [i.name for i in listed] == by_folder and [i.index for i in listed] == list(
        range(len(files))
    )
    assert all(i.size == files[n].stat().st_size for n, i in enumerate(listed))
    (nothing,) = iter_inputs([str(tmp_path / "*.nothing")])
    assert nothing.missing == "no file matches this pattern"


def test_batches_close_on_size_and_count():
    items = [Item(i, f"f{i}", 100 if i != 3 else 10_000) for i in range(8)]
    assert [[i.index for i in b] for b in batches(items, batch_bytes=250)] == [
        [0, 1, 2],
        [3],
        [4, 5, 6],
        [7],
    ]
    assert [len(b) for b in batches(items, batch_bytes=10**9, max_files=3)] == [3, 3, 2]


def test_batch_size_does_not_change_the_store(corpus, tmp_path):
    folder, _ = corpus
    one = quiet_ingest([folder], store=tmp_path / "one.db", batch_bytes=10**9)
    small = quiet_ingest([folder], store=tmp_path / "small.db", batch_bytes=2000)
    assert str(one) == str(small) and one.assertions_added > 100
    assert one.sources_already_stored >= 1 and one.files_undated >= 1
    assert exported(tmp_path / "one.db", tmp_path, "a") == exported(
        tmp_path / "small.db", tmp_path, "b"
    )


def test_a_bad_file_in_a_late_batch_writes_nothing(corpus, tmp_path, capsys):
    folder, files = corpus
    bad = tmp_path / "zz.txt"
    bad.write_text("Rebels seized Homs.\n", "utf-8")
    (tmp_path / "zz.txt.meta.json").write_text("{not json", "utf-8")
    path = tmp_path / "s.db"
    code = main(["ingest", str(folder), str(bad), "--store", str(path), "--batch-kb", "2"])
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert code == 1 and err.startswith("syriamap: error: ") and "zz.txt" in err
    assert not path.exists()


def test_keep_going_lists_bad_files_and_ingests_the_rest(corpus, tmp_path, capsys):
    folder, files = corpus
    missing = tmp_path / "missing.txt"
    bad = tmp_path / "bad.txt"
    bad.write_text("Rebels seized Homs.\n", "utf-8")
    (tmp_path / "bad.txt.meta.json").write_text("[1, 2]", "utf-8")
    good = [str(f) for f in files[:6]]
    args = [*good[:3], str(missing), str(bad), str(tmp_path / "*.none"), *good[3:]]
    path = tmp_path / "s.db"
    code = main(["ingest", *args, "--store", str(path), "--keep-going", "--batch-kb", "4"])
    captured = capsys.readouterr()
    assert code == 1
    skipped = [line for line in captured.err.splitlines() if line.startswith("syriamap: skipped")]
    assert len(skipped) == 3
    assert [str(missing) in skipped[0], "bad.txt" in skipped[1], "*.none" in skipped[2]] == [
        True
    ] * 3
    assert "3 files skipped" in captured.out
    assert "3 files could not be ingested" in captured.err.splitlines()[-1]
    reference = tmp_path / "ref.db"
    quiet_ingest(good, store=reference)
    assert exported(path, tmp_path, "a") == exported(reference, tmp_path, "b")


def test_a_store_failure_keeps_whole_batches_and_a_rerun_completes(corpus, tmp_path, monkeypatch):
    folder, _ = corpus
    reference = tmp_path / "ref.db"
    quiet_ingest([folder], store=reference)
    with Store(reference) as db:
        expected = {s.source_id: db.assertions(source_id=s.source_id) for s in db.sources()}
        half = db.counts()["assertions"] // 2

    calls = {"n": 0}
    original = Store._insert_assertion

    def flaky(self, cur, sql, assertion):
        calls["n"] += 1
        if calls["n"] == half:
            raise sqlite3.OperationalError("disk I/O error")
        original(self, cur, sql, assertion)

    monkeypatch.setattr(Store, "_insert_assertion", flaky)
    path = tmp_path / "s.db"
    with pytest.raises(syriamap.StoreError, match="files written before are kept: run again"):
        quiet_ingest([folder], store=path, batch_bytes=4000)
    monkeypatch.undo()
    with Store(path) as db:
        stored = db.sources()
        assert 0 < len(stored) < len(expected)
        for source in stored:  # each source whole, with all of its assertions
            assert db.assertions(source_id=source.source_id) == expected[source.source_id]
    again = quiet_ingest([folder], store=path, batch_bytes=4000)
    assert again.sources_already_stored > len(stored) - 1
    assert exported(path, tmp_path, "a") == exported(reference, tmp_path, "b")


def test_warnings_become_stderr_lines(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Rebels seized Hama on 5 December 2024.\n", "utf-8")
    with pytest.warns(ExtractWarning, match="no publication date"):
        syriamap.ingest([article], store=tmp_path / "s.db", progress=False)
    result = CliRunner().invoke(cli, ["ingest", str(article), "--store", str(tmp_path / "t.db")])
    assert result.exit_code == 0
    assert "syriamap: warning: " in result.stderr and "no publication date" in result.stderr


def test_bad_runner_choices(tmp_path, monkeypatch):
    text = [b"Rebels seized Hama on Thursday."]
    with pytest.raises(syriamap.SyriamapError, match="not both"):
        syriamap.ingest(text, store=Store(), workers=2, scheduler="tcp://127.0.0.1:1")
    with pytest.raises(syriamap.SyriamapError, match="at least 1"):
        syriamap.ingest(text, store=Store(), workers=0)
    assert main(["ingest", "--store", str(tmp_path / "s.db")]) == 2
    assert not (tmp_path / "s.db").exists()


def test_workers_without_dask_run_in_process(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import fails
    store = Store()
    with pytest.warns(RuntimeWarning, match="not installed: running in one process"):
        summary = syriamap.ingest(
            [b"Rebels seized Hama on Thursday."], store=store, workers=2, published="2024-12-06"
        )
    assert summary.workers == 1 and summary.assertions_added == 1


def test_one_worker_starts_no_cluster(tmp_path):
    import subprocess

    article = tmp_path / "a.txt"
    article.write_text("Rebels seized Hama on Thursday.\n", "utf-8")
    code = (
        "import sys, syriamap\n"
        f"syriamap.ingest([{str(article)!r}], store={str(tmp_path / 's.db')!r}, workers=1,"
        " published='2024-12-06', progress=False)\n"
        "print(' '.join(sorted(sys.modules)))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    assert "distributed" not in out.split() and "syriamap.extract.pipeline" in out.split()


def test_cli_from_list_is_the_same_as_the_paths(corpus, tmp_path):
    folder, files = corpus
    listing = tmp_path / "files.txt"
    listing.write_text("\n".join(str(f) for f in files[:8]) + "\n", "utf-8")
    by_list = tmp_path / "list.db"
    result = CliRunner().invoke(
        cli, ["ingest", "--from-list", str(listing), "--store", str(by_list)]
    )
    assert result.exit_code == 0, result.output
    reference = tmp_path / "ref.db"
    expected = quiet_ingest(files[:8], store=reference)
    assert result.stdout.strip() == str(expected)
    assert exported(by_list, tmp_path, "a") == exported(reference, tmp_path, "b")


def test_read_commands_open_a_store_whose_writer_was_killed(tmp_path, capsys):
    import subprocess

    path = tmp_path / "s.db"
    text = b"Rebels seized Hama on Thursday. Troops withdrew from Homs, SOHR said.\n"
    syriamap.ingest([text], store=path, published="2024-12-06", progress=False)
    before = exported(path, tmp_path, "before")
    # a writer killed with SIGKILL in the middle of a large transaction leaves a journal
    killed = (
        "import os, signal, sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "c.execute('PRAGMA cache_size=1'); c.execute('BEGIN IMMEDIATE')\n"
        "c.execute('UPDATE assertions SET note = ?', ('half-written',))\n"
        "c.execute('CREATE TABLE junk (x)')\n"
        "c.executemany('INSERT INTO junk VALUES (?)', [('x' * 200,)] * 5000)\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    subprocess.run([sys.executable, "-c", killed, str(path)], check=False)
    assert (tmp_path / "s.db-journal").stat().st_size > 0
    assert main(["claims", "--store", str(path), "--json"]) == 0
    assert "half-written" not in capsys.readouterr().out
    assert exported(path, tmp_path, "after") == before
