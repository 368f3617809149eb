"""A non-editable install ships everything the package reads, and works from anywhere."""

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# Every file the package reads at run time, as it must appear in the wheel.
REQUIRED = [
    "syriamap/py.typed",
    "syriamap/data/gazetteer.json.gz",
    "syriamap/data/governorates.geojson",
    "syriamap/data/districts.geojson",
    "syriamap/data/actors.csv",
    "syriamap/data/aliases.csv",
    "syriamap/data/outside_syria.csv",
    "syriamap/data/foreign_control.csv",
    "syriamap/data/assertions.csv",
    "syriamap/data/sources.csv",
    "syriamap/data/vendor/leaflet.js",
    "syriamap/data/vendor/leaflet.css",
    "syriamap/data/lexicon/relations.csv",
    "syriamap/data/lexicon/stance.csv",
]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        cwd=out,
        capture_output=True,
    )
    (found,) = out.glob("syriamap-*.whl")
    return found


@pytest.mark.slow
def test_wheel_carries_the_package_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = [name for name in REQUIRED if name not in names]
    assert missing == []
    # every reviewable data file, copied by the build from its one copy in data/
    from syriamap.data import _files

    archive = zipfile.ZipFile(wheel)
    for name, src in _files.shipped(ROOT).items():
        assert archive.read(f"syriamap/data/{name}") == src.read_bytes(), name
    assert not any(name.startswith(("tests/", "benchmarks/", "scripts/")) for name in names)


@pytest.mark.slow
def test_installed_package_works_from_another_directory(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = (
        "import json, syriamap; "
        "p = syriamap.Gazetteer.default().best('Kanaker'); "
        "print(json.dumps({'file': syriamap.__file__, 'name': p.name, 'gov': p.admin1_iso}))"
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    env.pop("SYRIAMAP_STORE", None)
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=elsewhere,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    result = json.loads(done.stdout)
    assert result["file"].startswith(str(target))
    assert result["gov"] == "SY-RD"
