import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from syriamap.cli import cli, main

ROOT = Path(__file__).resolve().parents[1]
COLUMNS = (
    "source_id,place_id,place_name,actor,side,relation,stance,claimant,event_date,"
    "quote,start,end,method,confidence"
)


@pytest.fixture
def article(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(
        "Rebels seized Hama on Thursday. Troops withdrew from Homs, SOHR said.\n", encoding="utf-8"
    )
    return f


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_extract_csv(article):
    result = run("extract", str(article), "--published", "2024-12-06")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == COLUMNS
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert [(r["place_name"], r["side"], r["event_date"]) for r in rows] == [
        ("Hama", "opposition", "2024-12-05"),
        ("Homs", "government", "2024-12-06"),
    ]
    text = article.read_text(encoding="utf-8")
    for r in rows:
        assert text[int(r["start"]) : int(r["end"])] == r["quote"]


def test_extract_jsonl_and_table(article):
    result = run("extract", str(article), "--published", "2024-12-06", "--format", "jsonl")
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert rows[0]["relation"] == "captured" and list(rows[0]) == COLUMNS.split(",")
    result = run("extract", str(article), "--published", "2024-12-06", "--format", "table")
    assert "Hama" in result.output and "captured" in result.output


def test_extract_checks(tmp_path):
    f = tmp_path / "b.txt"
    f.write_text("Hama, located 110 kilometers south of Aleppo, is quiet.\n")
    result = run("extract", str(f), "--published", "2024-12-06", "--checks")
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert rows[0]["subject_name"] == "Hama" and rows[0]["consistent"] == "True"


def test_extract_warns_without_date(article):
    result = CliRunner().invoke(cli, ["extract", str(article)])
    assert result.exit_code == 0
    assert "no publication date" in result.stderr


def test_bad_inputs(tmp_path, capsys):
    assert main(["extract", str(tmp_path / "missing.txt")]) == 1
    assert "syriamap: error:" in capsys.readouterr().err
    assert main(["extract", "x.txt", "--format", "xml"]) == 2
    assert main(["extract", "x.txt", "--published", "yesterday"]) == 2


def test_ingest_is_idempotent(article, tmp_path):
    store = tmp_path / "s.db"
    first = run("ingest", str(article), "--published", "2024-12-06", "--store", str(store))
    assert "sources: 1 added" in first.output and "assertions: 2 added" in first.output
    again = run("ingest", str(article), "--published", "2024-12-06", "--store", str(store))
    assert "sources: 0 added, 1 already stored" in again.output
    assert "assertions: 0 added, 2 already stored" in again.output


def test_ingest_a_stored_seed_uses_its_id(tmp_path):
    from syriamap.assertions import Source
    from syriamap.store import Store

    seed = sorted((ROOT / "seeds").glob("*.txt"))[0]
    path = tmp_path / "s.db"
    with Store(path) as db:
        db.add_sources(Source.from_text(seed.read_bytes(), source_id=seed.stem))
    result = run("ingest", str(seed), "--published", "2024-12-07", "--store", str(path))
    assert "sources: 0 added" in result.output and "assertions: 0 added" not in result.output
    with Store(path) as db:
        assert {a.source_id for a in db.assertions()} == {seed.stem}


def test_ingest_needs_a_store(article, monkeypatch, capsys):
    monkeypatch.delenv("SYRIAMAP_STORE", raising=False)
    assert main(["ingest", str(article)]) == 1
    assert "store" in capsys.readouterr().err


def test_ingest_many_files_shows_progress(tmp_path):
    files = []
    for i in range(6):
        f = tmp_path / f"n{i}.txt"
        f.write_text(f"Rebels seized Hama on Thursday, report {i}.\n")
        files.append(str(f))
    result = CliRunner().invoke(
        cli, ["ingest", *files, "--published", "2024-12-06", "--store", str(tmp_path / "s.db")]
    )
    assert result.exit_code == 0 and "sources: 6 added" in result.output


@pytest.mark.skipif(not (ROOT / "data" / "assertions.csv").exists(), reason="no gold file")
def test_evaluate_seeds(monkeypatch):
    monkeypatch.chdir(ROOT)
    result = run("evaluate", "--json")
    scores = json.loads(result.output)
    assert set(scores) == {"mentions", "places", "claims"}
    assert scores["claims"]["precision"] >= 0.85


def test_table_output_escapes_control_characters(tmp_path, capsys):
    article = tmp_path / "ansi.txt"
    article.write_text("Rebels seized Homs on Saturday, \x1b[2Jthe monitor said.", "utf-8")
    assert main(["extract", "--published", "2024-12-07", "--format", "table", str(article)]) == 0
    out = capsys.readouterr().out
    assert "Homs" in out and "\x1b" not in out and "\\x1b[2J" in out


def test_csv_quotes_stay_verbatim_even_with_control_characters(tmp_path, capsys):
    import csv
    import io

    text = "Rebels seized Homs on Saturday, \x1b[2Jthe monitor said."
    article = tmp_path / "ansi.txt"
    article.write_text(text, "utf-8")
    assert main(["extract", "--published", "2024-12-07", str(article)]) == 0
    (row,) = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert row["quote"] == text[int(row["start"]) : int(row["end"])]


SEED = sorted((ROOT / "seeds").glob("*.txt"))[0]  # 000: published 2024-12-07


def store_rows(path):
    """Every row of both tables of the store file, for before/after comparisons."""
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        return (
            conn.execute("SELECT * FROM sources ORDER BY source_id").fetchall(),
            conn.execute("SELECT * FROM assertions ORDER BY assertion_id").fetchall(),
        )
    finally:
        conn.close()


@pytest.fixture
def stored(article, tmp_path):
    """A store that already holds one article; returns (store path, its rows, its bytes)."""
    path = tmp_path / "s.sqlite"
    assert main(["ingest", str(article), "--published", "2024-12-06", "--store", str(path)]) == 0
    return path, store_rows(path), path.read_bytes()


def other_article(tmp_path, name="b.txt"):
    f = tmp_path / name
    f.write_text("Rebels entered Daraa on Friday. The army withdrew from Sweida.\n", "utf-8")
    return f


def test_ingest_missing_second_file_writes_nothing(stored, tmp_path, capsys):
    path, rows, raw = stored
    good = other_article(tmp_path)
    missing = tmp_path / "missing.txt"
    code = main(
        ["ingest", str(good), str(missing), "--published", "2024-12-07", "--store", str(path)]
    )
    err = capsys.readouterr().err
    assert code == 1
    assert err.strip().splitlines()[-1].startswith(f"syriamap: error: {missing}: cannot read")
    assert store_rows(path) == rows and path.read_bytes() == raw
    # a store that did not exist is not even created
    fresh = tmp_path / "fresh.sqlite"
    assert main(["ingest", str(good), str(missing), "--store", str(fresh)]) == 1
    assert not fresh.exists()


@pytest.mark.parametrize("problem", ["sidecar", "header date", "too large"])
def test_ingest_bad_second_file_writes_nothing(stored, tmp_path, capsys, monkeypatch, problem):
    path, rows, raw = stored
    good, bad = other_article(tmp_path), other_article(tmp_path, "bad.txt")
    if problem == "sidecar":
        (tmp_path / "bad.txt.meta.json").write_text("{not json", "utf-8")
    elif problem == "header date":
        bad.write_text("published: someday\n\nRebels seized Homs.\n", "utf-8")
    else:
        from syriamap.extract import document

        bad.write_text("Rebels seized Homs. " * 10, "utf-8")
        monkeypatch.setattr(document, "MAX_BYTES", 100)  # the good file is smaller
    assert main(["ingest", str(good), str(bad), "--store", str(path)]) == 1
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert err.startswith("syriamap: error: ") and "bad.txt" in err
    assert store_rows(path) == rows and path.read_bytes() == raw


def test_ingest_failure_half_way_through_writing_leaves_store_unchanged(
    stored, tmp_path, monkeypatch, capsys
):
    import sqlite3

    from syriamap.store import Store

    path, rows, raw = stored
    files = [str(other_article(tmp_path)), str(SEED)]
    calls = {"n": 0}
    original = Store._insert_assertion

    def flaky(self, cur, sql, assertion):
        calls["n"] += 1
        if calls["n"] == 5:
            raise sqlite3.OperationalError("disk I/O error")
        original(self, cur, sql, assertion)

    monkeypatch.setattr(Store, "_insert_assertion", flaky)
    code = main(["ingest", *files, "--published", "2024-12-07", "--store", str(path)])
    assert code == 1 and calls["n"] == 5  # two sources and four assertions were written
    err = capsys.readouterr().err
    assert "syriamap: error: cannot write to store" in err and "nothing was written" in err
    assert store_rows(path) == rows and path.read_bytes() == raw
    monkeypatch.undo()
    result = run("ingest", *files, "--published", "2024-12-07", "--store", str(path))
    assert "sources: 2 added" in result.output


def test_reingest_with_a_publication_date_fills_it_in(tmp_path):
    from syriamap.store import Store

    path = tmp_path / "s.sqlite"
    first = CliRunner().invoke(cli, ["ingest", str(SEED), "--store", str(path)])
    assert first.exit_code == 0
    assert "sources: 1 added" in first.output
    assert "undated candidates not stored" in first.output
    assert "no publication date" in first.output and "--published" in first.output
    with Store(path) as db:
        (undated,) = db.sources()
        assert undated.published is None and undated.date_note == "no publication date"
        n_undated = db.counts()["assertions"]

    second = run("ingest", str(SEED), "--published", "2024-12-07", "--store", str(path))
    assert "sources: 0 added, 1 already stored, 1 metadata updated" in second.output
    assert "undated" not in second.output
    with Store(path) as db:
        (source,) = db.sources()
        assert source.source_id == undated.source_id
        assert source.published.isoformat() == "2024-12-07" and source.date_note == ""
        n_dated = db.counts()["assertions"]
        assert n_dated > n_undated
        # the claims are evidence for what was known on the publication date
        evidence = db.evidence_frame(as_reported_by="2024-12-07")
        assert len(evidence) == n_dated
        dates = sorted(a.event_date.isoformat() for a in db.assertions())
    assert dates[-1] == "2024-12-07"

    # the identical file with identical metadata again: nothing changes, not even the file
    raw = path.read_bytes()
    again = run("ingest", str(SEED), "--published", "2024-12-07", "--store", str(path))
    assert "metadata updated" not in again.output and f"0 added, {n_dated} already" in again.output
    assert path.read_bytes() == raw


def test_reingest_with_a_conflicting_date_keeps_the_stored_one(tmp_path):
    from syriamap.store import Store

    path = tmp_path / "s.sqlite"
    run("ingest", str(SEED), "--published", "2024-12-07", "--store", str(path))
    rows = store_rows(path)
    raw = path.read_bytes()
    later = CliRunner().invoke(
        cli,
        [
            "ingest",
            str(SEED),
            "--published",
            "2024-12-08",
            "--publisher",
            "X",
            "--store",
            str(path),
        ],
    )
    assert later.exit_code == 0
    warnings = [line for line in later.stderr.splitlines() if "keeping it" in line]
    assert len(warnings) == 1 and "published '2024-12-07'" in warnings[0]
    assert "'2024-12-08'" in warnings[0]
    # the publisher was empty: filled in; the claims are dated with the stored date
    assert "1 metadata updated" in later.output and "assertions: 0 added" in later.output
    with Store(path) as db:
        (source,) = db.sources()
        assert source.published.isoformat() == "2024-12-07" and source.publisher == "X"
    assert store_rows(path)[1] == rows[1]
    # without a date on the command line, the stored date still dates the claims
    undated = CliRunner().invoke(cli, ["ingest", str(SEED), "--store", str(path)])
    assert "undated" not in undated.output and "no publication date" not in undated.stderr
    assert "assertions: 0 added" in undated.output
    assert store_rows(path)[1] == rows[1] and path.read_bytes() != raw


def test_same_content_twice_in_one_ingest(article, tmp_path):
    copy = tmp_path / "copy.txt"
    copy.write_bytes(article.read_bytes())
    path = tmp_path / "s.sqlite"
    result = run(
        "ingest", str(article), str(copy), "--published", "2024-12-06", "--store", str(path)
    )
    assert "sources: 1 added, 1 already stored" in result.output
    assert "assertions: 2 added, 2 already stored" in result.output
