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
