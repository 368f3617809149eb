"""``syriamap.changes`` and ``syriamap changes``: what changed between two dates, and why."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from render_synthetic import make_input

import syriamap
from syriamap.changes import CHANGE_COLUMNS, KINDS, compare
from syriamap.cli import main


def test_seed_changes_from_6_to_7_december():
    frame = syriamap.changes("2024-12-06", "2024-12-07")
    assert list(frame.columns) == CHANGE_COLUMNS
    assert set(frame["change"]) <= set(KINDS)
    homs = frame[frame["place_id"] == "wof:421168647"].iloc[0]  # Homs, the city
    assert homs["change"] == "holder"
    assert (homs["before_side"], homs["after_side"]) == ("government", "opposition")
    # the claims that made the change are in the store and dated after the start
    store = syriamap.open_store()
    claims = store.assertions_frame().set_index("assertion_id")
    assert homs["claims"]
    for aid in homs["claims"]:
        assert str(claims.loc[aid, "event_date"])[:10] > "2024-12-06"
        assert claims.loc[aid, "place_id"] == "wof:421168647"
    # new places are the ones mapped on 7 December and not on 6 December
    before = set(syriamap.control_at("2024-12-06")["place_id"])
    after = set(syriamap.control_at("2024-12-07")["place_id"])
    assert set(frame.loc[frame["change"] == "new", "place_id"]) == after - before
    assert set(frame.loc[frame["change"] == "dropped", "place_id"]) == before - after


def test_compare_kinds_on_invented_states():
    days = [dt.date(2024, 12, 1) + dt.timedelta(days=i) for i in range(4)]
    data = make_input(60, days, hostile=False)
    a, b = data.days[0].places, data.days[-1].places
    rows = compare(a, b, start=days[0])
    by_id = {r["place_id"]: r for r in rows}
    old = a.set_index("place_id")
    new = b.set_index("place_id")
    for pid in set(old.index) & set(new.index):
        same = (old.loc[pid, "side"] or "", old.loc[pid, "status"]) == (
            new.loc[pid, "side"] or "",
            new.loc[pid, "status"],
        )
        assert (pid not in by_id) == same, pid
        if not same:
            expect = (
                "holder"
                if (old.loc[pid, "side"] or "") != (new.loc[pid, "side"] or "")
                else "status"
            )
            assert by_id[pid]["change"] == expect
    assert {r["place_id"] for r in rows if r["change"] == "new"} == set(new.index) - set(old.index)
    assert compare(a, a, start=days[0]) == []


def test_changes_rejects_a_reversed_range():
    with pytest.raises(syriamap.InvalidDateError):
        syriamap.changes("2024-12-07", "2024-12-06")


def test_cli_changes_text_and_json(capsys):
    assert main(["changes", "--from", "2024-12-06", "--to", "2024-12-07"]) == 0
    out = capsys.readouterr().out
    assert "holder changed" in out
    assert "Homs (city, Homs): Government, held → Opposition, held" in out
    assert main(["changes", "--from", "2024-12-06", "--to", "2024-12-07", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    frame = syriamap.changes("2024-12-06", "2024-12-07")
    assert [r["place_id"] for r in rows] == list(frame["place_id"])
    assert main(["changes", "--from", "2024-12-07", "--to", "2024-12-06"]) == 1
    assert capsys.readouterr().err.startswith("syriamap: error: end date")
