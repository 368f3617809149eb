"""data/foreign_control.csv: where an outside actor's claims are claims of its own control."""

import csv
from pathlib import Path

from syriamap.actors import actors
from syriamap.fusion.model import foreign_areas
from syriamap.gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parents[1]


def test_every_row_names_an_outside_actor_and_a_real_area():
    g = Gazetteer.default()
    known = actors()
    isos = {p.admin1_iso for p in g.governorates()}
    with open(ROOT / "data" / "foreign_control.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows
    for r in rows:
        assert known[r["actor"]].side in ("foreign", "israel"), r
        assert r["area"] in isos or r["area"] in g, r
        assert len(r["note"]) > 20, r
    assert foreign_areas() == {
        a: tuple(r["area"] for r in rows if r["actor"] == a) for a in {r["actor"] for r in rows}
    }
