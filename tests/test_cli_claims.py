"""syriamap claims | status | capitals, through the click runner and main()."""

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from syriamap.assertions import Assertion, Source
from syriamap.cli import cli, main
from syriamap.store import ENV_VAR, Store

HAMA = "wof:421202161"
HOMS = "wof:421168647"


@pytest.fixture
def store_path(tmp_path):
    path = tmp_path / "test.sqlite"
    with Store(path) as s:
        s.add_sources(
            [
                Source(source_id="s1", publisher="Wire", published="2024-12-06"),
                Source(source_id="s2", publisher="Paper", published="2024-12-08"),
            ]
        )
        rows = [
            ("s1", HAMA, "Hama", "hts_coalition", "captured", "2024-12-05"),
            ("s1", HOMS, "Homs", "government", "controls", "2024-12-06"),
            ("s2", HOMS, "Homs", "opposition", "captured", "2024-12-07"),
        ]
        for i, (src, pid, name, actor, rel, day) in enumerate(rows):
            quote = f'{name}, "quoted" {i}'
            s.add_assertions(
                Assertion(
                    source_id=src,
                    place_id=pid,
                    place_name=name,
                    actor=actor,
                    relation=rel,
                    stance="asserted",
                    event_date=day,
                    quote=quote,
                    start=100 * i,
                    end=100 * i + len(quote),
                )
            )
    return str(path)


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_commands_are_registered():
    result = run("--help")
    for name in ("claims", "status", "capitals"):
        assert name in result.output


def test_claims_table_and_json(store_path):
    table = run("claims", "--store", store_path)
    assert table.exit_code == 0
    assert table.output.splitlines()[0].split()[:3] == ["date", "place", "actor"]
    assert len(table.output.splitlines()) == 4
    data = json.loads(run("claims", "--store", store_path, "--json").output)
    assert [r["event_date"] for r in data] == ["2024-12-05", "2024-12-06", "2024-12-07"]
    assert data[0]["quote"] == 'Hama, "quoted" 0' and data[0]["confidence"] == 1.0


def test_claims_filters(store_path):
    def ids(*args):
        out = run("claims", "--store", store_path, "--json", *args).output
        return [r["place_id"] for r in json.loads(out)]

    assert ids("--place", "Homs") == [HOMS, HOMS]
    assert ids("--place", HAMA) == [HAMA]
    assert ids("--from", "2024-12-06", "--to", "2024-12-06") == [HOMS]
    assert ids("--actor", "rebels") == [HAMA, HOMS]  # includes hts_coalition
    assert ids("--actor", "Syrian army") == [HOMS]


def test_store_from_environment(store_path, monkeypatch):
    monkeypatch.setenv(ENV_VAR, store_path)
    data = json.loads(run("claims", "--json").output)
    assert len(data) == 3


def test_status(store_path):
    rows = json.loads(run("status", "--date", "2024-12-08", "--store", store_path, "--json").output)
    by_id = {r["place_id"]: r for r in rows}
    assert by_id[HOMS]["side"] == "opposition" and by_id[HOMS]["status"] == "held"
    assert by_id[HOMS]["as_of"] == "2024-12-08" and by_id[HOMS]["lat"] > 34
    then = json.loads(
        run(
            "status",
            "--date",
            "2024-12-08",
            "--as-reported-by",
            "2024-12-06",
            "--store",
            store_path,
            "--json",
        ).output
    )
    assert {r["place_id"]: r["side"] for r in then}[HOMS] == "government"
    one = json.loads(
        run(
            "status", "--date", "2024-12-08", "--place", "Hama", "--store", store_path, "--json"
        ).output
    )
    assert [r["place_id"] for r in one] == [HAMA]
    table = run("status", "--date", "2024-12-08", "--store", store_path)
    assert "Homs" in table.output and "opposition" in table.output


def test_status_of_a_place_without_evidence(store_path):
    rows = json.loads(
        run(
            "status", "--date", "2024-12-08", "--place", "Raqqa", "--store", store_path, "--json"
        ).output
    )
    assert rows[0]["status"] == "unknown" and rows[0]["supporting"] == []


def test_capitals_json_contract(store_path):
    rows = json.loads(
        run("capitals", "--date", "2024-12-06", "--store", store_path, "--json").output
    )
    assert len(rows) == 14
    assert all(
        list(r) == ["capital", "governorate", "place_id", "actor", "side", "status", "confidence"]
        for r in rows
    )
    hama = next(r for r in rows if r["capital"] == "Hama")
    assert (hama["side"], hama["status"]) == ("opposition", "held")
    table = run("capitals", "--date", "2024-12-06", "--store", store_path)
    assert table.exit_code == 0 and len(table.output.splitlines()) == 15


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["capitals", "--date", "2024-13-01"], "invalid --date"),
        (["status", "--date", "yesterday"], "invalid --date"),
        (["status", "--date", "2024-12-07", "--as-reported-by", "x"], "--as-reported-by"),
        (["status", "--date", "2024-12-07", "--place", "Atlantisqq"], "unknown place"),
        (["claims", "--place", "Atlantisqq"], "unknown place"),
        (["claims", "--actor", "Martians"], "unknown actor"),
        (["claims", "--from", "2024-12-08", "--to", "2024-12-01"], "after"),
    ],
)
def test_errors_are_one_line_and_exit_1(store_path, capsys, args, needle):
    code = main([*args, "--store", store_path])
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith("syriamap: error: ") and needle in err
    assert len(err.strip().splitlines()) == 1


def test_missing_required_date_is_a_usage_error(store_path):
    assert main(["capitals", "--store", store_path]) == 2


def test_help_does_not_import_pandas():
    code = (
        "import sys; from syriamap.cli import main; "
        "import contextlib, io\n"
        "with contextlib.redirect_stdout(io.StringIO()): main(['capitals', '--help'])\n"
        "bad = [m for m in ('pandas', 'geopandas', 'numpy') "
        "if m in sys.modules]\n"
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
