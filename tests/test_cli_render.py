"""``syriamap render`` through its runner: outputs, names, summary line, clean failures."""

from __future__ import annotations

import json

import pyogrio
import pytest

from syriamap.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_default_writes_html_into_cwd(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SYRIAMAP_STORE", raising=False)
    code, out, err = run(capsys, "render", "--date", "2024-12-07")
    assert code == 0, err
    assert [p.name for p in tmp_path.iterdir()] == ["syriamap-2024-12-07.html"]
    lines = out.strip().splitlines()
    assert lines[0] == "wrote syriamap-2024-12-07.html"
    assert lines[1].startswith("2024-12-07: ") and "contested" in lines[1]
    assert len(lines) == 2
    assert (tmp_path / "syriamap-2024-12-07.html").stat().st_mode & 0o044  # readable


def test_out_file(tmp_path, capsys):
    target = tmp_path / "map.html"
    code, out, _ = run(capsys, "render", "--date", "2024-12-07", "--out", str(target))
    assert code == 0 and target.is_file() and f"wrote {target}" in out


def test_out_existing_folder_single_format(tmp_path, capsys):
    code, _, _ = run(
        capsys, "render", "--date", "2024-12-07", "--format", "gpkg", "--out", str(tmp_path)
    )
    assert code == 0
    assert [p.name for p in tmp_path.iterdir()] == ["syriamap-2024-12-07.gpkg"]


@pytest.mark.parametrize(
    "formats", [["--format", "all"], ["--format", "html,geojson", "--format", "gpkg"]]
)
def test_all_formats_into_folder(tmp_path, capsys, formats):
    out_dir = tmp_path / "maps"
    code, out, err = run(capsys, "render", "--date", "2024-12-07", *formats, "--out", str(out_dir))
    assert code == 0, err
    layers = ("areas", "changes", "governorates", "places")
    assert sorted(p.name for p in out_dir.iterdir()) == [
        *(f"syriamap-2024-12-07-{layer}.{ext}" for layer in layers for ext in ("geojson", "qml")),
        "syriamap-2024-12-07.gpkg",
        "syriamap-2024-12-07.html",
    ]
    assert out.count("wrote ") == 10
    for layer in layers:  # the GeoJSON files and the GeoPackage layers agree
        fc = json.loads((out_dir / f"syriamap-2024-12-07-{layer}.geojson").read_text("utf-8"))
        gpkg = pyogrio.read_info(out_dir / "syriamap-2024-12-07.gpkg", layer=layer)
        assert gpkg["features"] == len(fc["features"]), layer
    for layer in layers:  # one date: no temporal properties
        qml = (out_dir / f"syriamap-2024-12-07-{layer}.qml").read_text("utf-8")
        assert "<temporal" not in qml


def test_timeline(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, err = run(
        capsys,
        "render",
        "--from",
        "2024-11-27",
        "--to",
        "2024-12-08",
        "--format",
        "html",
        "--format",
        "geojson",
    )
    assert code == 0, err
    names = sorted(p.name for p in tmp_path.iterdir())
    assert "syriamap-2024-11-27_2024-12-08.html" in names
    for layer in ("places", "areas", "governorates", "changes"):
        path = tmp_path / f"syriamap-2024-11-27_2024-12-08-{layer}.geojson"
        fc = json.loads(path.read_text("utf-8"))
        assert fc["features"], layer
        assert all("valid_from" in f["properties"] for f in fc["features"]), layer
    # the QGIS styles beside the timeline's GeoJSON switch on the Temporal Controller
    for layer in ("places", "areas", "governorates", "changes"):
        qml = (tmp_path / f"syriamap-2024-11-27_2024-12-08-{layer}.qml").read_text("utf-8")
        assert 'startField="valid_from" endField="valid_to"' in qml
    html = (tmp_path / "syriamap-2024-11-27_2024-12-08.html").read_text("utf-8")
    assert '"2024-11-27"' in html and '"2024-12-08"' in html


def test_as_reported_by_and_tiles(tmp_path, capsys):
    target = tmp_path / "m.html"
    code, _, err = run(
        capsys,
        "render",
        "--date",
        "2024-12-07",
        "--as-reported-by",
        "2024-12-07",
        "--tiles",
        "OpenStreetMap",
        "--out",
        str(target),
    )
    assert code == 0, err
    text = target.read_text("utf-8")
    assert "as reported by 7 December 2024" in text
    assert "https://tile.openstreetmap.org/{z}/{x}/{y}.png" in text


@pytest.mark.parametrize(
    "argv, message",
    [
        (["--date", "2024-13-01"], "invalid date"),
        (["--date", "yesterday"], "invalid date"),
        (["--from", "2024-12-08", "--to", "2024-12-01"], "before start date"),
        (["--from", "2024-12-08"], "needs both"),
        ([], "give a date"),
        (
            ["--date", "2024-12-07", "--format", "jpeg"],
            "expected one of: all, geojson, gpkg, html, pdf, png, svg",
        ),
        (["--date", "2024-12-07", "--format", "html,shp"], "unknown format 'shp'"),
        (["--date", "2024-12-07", "--tiles", "google"], "unknown tiles"),
        (["--date", "2024-12-07", "--as-reported-by", "soon"], "invalid"),
        (["--date", "2024-12-07", "--store", "{tmp}/nostore.db"], "no store at"),
        (["--date", "2024-12-07", "--out", "{tmp}/missing/x.html"], "does not exist"),
        (
            ["--date", "2024-12-07", "--format", "all", "--out", "{tmp}/missing/dir"],
            "does not exist",
        ),
        (["--date", "2024-12-07", "--format", "all", "--out", "{tmp}/file.txt"], "not a folder"),
    ],
)
def test_bad_input_one_line_error_nothing_written(tmp_path, monkeypatch, capsys, argv, message):
    work = tmp_path / "work"
    work.mkdir()
    (tmp_path / "file.txt").write_text("x")
    monkeypatch.chdir(work)
    argv = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    code, out, err = run(capsys, "render", *argv)
    assert code != 0
    assert len(err.strip().splitlines()) == 1, err
    assert err.startswith("syriamap: error: ") and message in err
    assert list(work.iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file.txt", "work"]


def test_failure_midway_leaves_no_partial_files(tmp_path, capsys, monkeypatch):
    from syriamap.render import gpkg

    def boom(*_a, **_k):
        raise OSError("disk full")

    monkeypatch.setattr(gpkg, "write_gpkg", boom)
    out_dir = tmp_path / "maps"
    code = main(["render", "--date", "2024-12-07", "--format", "all", "--out", str(out_dir)])
    assert code == 1
    err = capsys.readouterr().err
    assert err.startswith("syriamap: error: cannot write") and "disk full" in err
    assert len(err.strip().splitlines()) == 1
    assert not out_dir.exists()
    assert list(tmp_path.iterdir()) == []


def test_help_lists_examples(capsys):
    code, out, _ = run(capsys, "render", "--help")
    assert code == 0
    assert "  syriamap render --from 2024-11-27 --to 2024-12-08" in out
    assert "--format FORMAT" in out


def test_store_option(tmp_path, capsys):
    from syriamap.store import open_store

    path = tmp_path / "s.db"
    with open_store(path) as store, open_store() as seeds:
        store.add_sources(seeds.sources())
        store.add_assertions(seeds.assertions())
    code, out, err = run(
        capsys,
        "render",
        "--date",
        "2024-12-07",
        "--store",
        str(path),
        "--out",
        str(tmp_path / "m.html"),
    )
    assert code == 0, err
    assert "places" in out
