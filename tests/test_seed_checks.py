"""The checks the issue requires on the bundled seed data (sources + gold assertions)."""

import datetime as dt
import json

import pandas as pd
import pytest

from syriamap.cli import main
from syriamap.fusion import capitals, control_at
from syriamap.gazetteer import Gazetteer
from syriamap.store import ENV_VAR, open_store


@pytest.fixture(autouse=True)
def bundled(monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)


@pytest.fixture(scope="module")
def seed():
    import os

    os.environ.pop(ENV_VAR, None)
    store = open_store()
    assert store.counts()["assertions"] > 0, "the gold data is not bundled"
    return store


def _place(name, iso):
    return Gazetteer.default().best(name, admin1=iso).place_id


def _row(frame, place_id):
    rows = frame[frame["place_id"] == place_id]
    return None if rows.empty else rows.iloc[0]


def test_government_holds_exactly_three_capitals_on_7_december(seed):
    caps = capitals("2024-12-07", store=seed)
    held = caps[(caps["side"] == "government") & (caps["status"] == "held")]
    assert sorted(held["capital"]) == ["Damascus", "Latakia", "Tartus"]
    assert set(caps.loc[caps["side"] == "government", "capital"]) == {
        "Damascus",
        "Latakia",
        "Tartus",
    }


def test_cli_capitals_on_7_december(capsys):
    assert main(["capitals", "--date", "2024-12-07", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 14
    government = sorted(
        r["capital"] for r in rows if r["side"] == "government" and r["status"] == "held"
    )
    assert government == ["Damascus", "Latakia", "Tartus"]


def test_hama_held_by_the_opposition_on_6_december(seed):
    hama = _row(
        control_at("2024-12-06", store=seed), Gazetteer.default().capitals()["SY-HM"].place_id
    )
    assert hama is not None
    assert (hama["side"], hama["status"]) == ("opposition", "held")


def test_homs_changes_hands_between_6_and_8_december(seed):
    homs = Gazetteer.default().capitals()["SY-HI"].place_id
    before = _row(control_at("2024-12-06", store=seed), homs)
    after = _row(control_at("2024-12-08", store=seed), homs)
    assert after is not None and (after["side"], after["status"]) == ("opposition", "held")
    assert before is None or before["side"] != "opposition" or before["status"] != "held"
    assert after["last_change"] > dt.date(2024, 12, 6)


def test_kanaker_is_entered_or_contested_on_7_december(seed):
    kanaker = _place("Kanaker", "SY-RD")
    row = _row(control_at("2024-12-07", store=seed), kanaker)
    assert row is not None
    assert row["status"] == "contested"  # rebels entered a place they do not hold
    assert not (
        row["side"] == "government" and row["status"] == "held" and row["confidence"] >= 1.0
    )
    entered = seed.assertions_frame(kanaker, end="2024-12-07")
    assert set(entered["relation"]) & {"entered", "contested"}


def test_as_reported_by_before_publication_hides_a_source(seed):
    sources = seed.sources_frame()
    latest = sources.sort_values("published").iloc[-1]
    before = (latest["published"] - pd.Timedelta(days=1)).date()
    now = control_at("2024-12-31", store=seed)
    then = control_at("2024-12-31", as_reported_by=before, store=seed)
    sid = latest["source_id"]
    assert any(sid in s for s in now["sources"])
    for column in ("sources",):
        assert not any(sid in s for s in then[column])
    hidden = set(seed.assertions_frame(source_id=sid)["assertion_id"])
    for column in ("supporting", "conflicting"):
        assert not any(hidden & set(ids) for ids in then[column])


def test_every_source_vanishes_before_its_publication(seed):
    for _, source in seed.sources_frame().iterrows():
        day = (source["published"] - pd.Timedelta(days=1)).date()
        frame = control_at("2024-12-31", as_reported_by=day, store=seed)
        assert not any(source["source_id"] in s for s in frame["sources"])
