"""syriamap extract --format parquet --out DIR: a partitioned data set of candidates."""

import csv
import io

import pyarrow.dataset as ds  # a dependency: these tests never skip
import pytest
from click.testing import CliRunner
from generated_corpus import write_corpus

from syriamap.cli import cli, main
from syriamap.extract import CSV_COLUMNS


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    return folder, write_corpus(folder, 24)


def csv_rows(files):
    result = CliRunner().invoke(cli, ["extract", *map(str, files)])
    assert result.exit_code == 0
    return sorted(
        tuple(r[c] for c in CSV_COLUMNS) for r in csv.DictReader(io.StringIO(result.stdout))
    )


def parquet_rows(folder):
    table = ds.dataset(folder, partitioning="hive").to_table()
    rows = []
    for r in table.to_pylist():
        r = {
            **r,
            "event_date": r["event_date"].isoformat() if r["event_date"] else "",
            "start": str(r["start"]),
            "end": str(r["end"]),
            "confidence": str(r["confidence"]),
        }
        rows.append(tuple(r[c] for c in CSV_COLUMNS))
    return sorted(rows), table


def test_parquet_holds_the_csv_rows_partitioned_by_month(corpus, tmp_path):
    folder, files = corpus
    out = tmp_path / "claims"
    result = CliRunner().invoke(
        cli, ["extract", str(folder), "--format", "parquet", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "candidate assertions from 24 files" in result.stderr
    rows, table = parquet_rows(out)
    assert rows == csv_rows(files) and len(rows) > 50
    months = set(table.column("event_month").to_pylist())
    assert "2024-12" in months and None in months  # undated candidates are kept, as null
    assert {p.name for p in out.iterdir()} >= {"event_month=2024-12"}
    assert all(p.name.startswith("event_month=") for p in out.iterdir())
    # quotes are verbatim, with offsets into the text of plain-text inputs
    texts = {str(f): f.read_text("utf-8") for f in files if f.suffix == ".txt"}
    checked = 0
    for r in table.to_pylist():
        if r["file"] in texts:
            assert texts[r["file"]][r["start"] : r["end"]] == r["quote"]
            checked += 1
    assert checked > 10


def test_parquet_refuses_a_full_folder_and_bad_input_leaves_nothing(corpus, tmp_path, capsys):
    folder, files = corpus
    out = tmp_path / "claims"
    out.mkdir()
    (out / "keep.txt").write_text("mine", "utf-8")
    assert main(["extract", str(files[0]), "--format", "parquet", "--out", str(out)]) == 1
    assert "not an empty folder" in capsys.readouterr().err
    assert [p.name for p in out.iterdir()] == ["keep.txt"]

    fresh = tmp_path / "fresh"
    missing = tmp_path / "missing.txt"
    args = ["extract", *map(str, files[:3]), str(missing), "--format", "parquet"]
    assert main([*args, "--out", str(fresh)]) == 1
    assert str(missing) in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims"]  # no temporary folder left


def test_parquet_options_go_together(corpus, tmp_path):
    _, files = corpus
    assert main(["extract", str(files[0]), "--format", "parquet"]) == 2
    assert main(["extract", str(files[0]), "--out", str(tmp_path / "x")]) == 2
    assert main(["extract", str(files[0]), "--workers", "2"]) == 2
