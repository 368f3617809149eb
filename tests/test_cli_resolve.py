import json

import pytest
from click.testing import CliRunner

from syriamap.cli import cli, main

FIELDS = ["query", "place_id", "name", "kind", "admin1", "lat", "lon", "score", "outside_syria"]


@pytest.fixture
def runner():
    return CliRunner()


def test_json_answers_the_issue_example(runner):
    result = runner.invoke(
        cli, ["resolve", "--json", "Kanaker", "Saasaa", "Sweida", "Damascus countryside", "Beirut"]
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [list(r) for r in rows] == [FIELDS] * 5
    kanaker, saasaa, sweida, countryside, beirut = rows
    assert kanaker["admin1"] == "Rif Dimashq" and abs(kanaker["lat"] - 33.267) < 0.01
    assert saasaa["name"] == "Sa'sa'" and saasaa["admin1"] == "Rif Dimashq"
    assert sweida["admin1"] == "As-Suwayda" and sweida["kind"] == "city"
    assert countryside["kind"] == "governorate" and countryside["name"] == "Rif Dimashq"
    assert beirut["outside_syria"] is True and beirut["admin1"] is None
    assert all(r["outside_syria"] is False for r in rows[:4])
    assert all(0 < r["score"] <= 1 for r in rows)


def test_exit_1_when_any_name_does_not_resolve(runner):
    result = runner.invoke(cli, ["resolve", "--json", "Homs", "Xyzzyplugh qwerty"])
    assert result.exit_code == 1
    rows = json.loads(result.stdout)
    assert [r["place_id"] is None for r in rows] == [False, True]
    assert runner.invoke(cli, ["resolve", "--json", "Homs"]).exit_code == 0


def test_json_nulls_when_unresolved(runner):
    result = runner.invoke(cli, ["resolve", "--json", "Xyzzyplugh qwerty"])
    assert result.exit_code == 1  # not resolved: exit 1, the array is printed all the same
    assert "no place matches 'Xyzzyplugh qwerty'" in result.stderr
    (row,) = json.loads(result.stdout)
    assert row == {"query": "Xyzzyplugh qwerty", **{k: None for k in FIELDS[1:]}}


def test_table_mode_and_did_you_mean(runner):
    result = runner.invoke(cli, ["resolve", "Homs", "Damasqos"])
    assert result.exit_code == 0
    assert "Homs\tHoms\tcity\tHoms" in result.stdout
    result = runner.invoke(cli, ["resolve", "Damascos Xyz"])
    assert result.exit_code == 1
    assert "(not found)" in result.stdout
    assert "no place matches" in result.stderr


def test_near_and_kind(runner):
    south = runner.invoke(cli, ["resolve", "--json", "--near", "32.7,36.56", "Kanakir"])
    west = runner.invoke(cli, ["resolve", "--json", "--near", "33.5,36.3", "Kanakir"])
    assert json.loads(south.stdout)[0]["admin1"] == "As-Suwayda"
    assert json.loads(west.stdout)[0]["admin1"] == "Rif Dimashq"
    gov = runner.invoke(cli, ["resolve", "--json", "--kind", "governorate", "Homs"])
    assert json.loads(gov.stdout)[0]["kind"] == "governorate"


@pytest.mark.parametrize(
    "argv",
    [
        ["resolve"],
        ["resolve", "--near", "abc", "Homs"],
        ["resolve", "--near", "95,36", "Homs"],
        ["resolve", "--kind", "planet", "Homs"],
    ],
)
def test_usage_errors_exit_2(argv, capsys):
    assert main(argv) == 2


def test_main_entry_point(capsys):
    assert main(["resolve", "--json", "Palmyra"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["name"] == "Palmyra"
