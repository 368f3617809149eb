"""Static maps for reports (``--format png|svg|pdf``): size, title, legend, names."""

from __future__ import annotations

import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET

import pytest
from render_synthetic import HOSTILE_NAME, make_input

from syriamap.cli import main
from syriamap.errors import VocabularyError
from syriamap.gazetteer import Gazetteer
from syriamap.render._frames import load
from syriamap.render.static import render_static, write_static

CAPITALS = sorted(p.name for p in Gazetteer.default().capitals().values())


@pytest.fixture(scope="module")
def seeds():
    return load("2024-12-07", districts=False)


def test_figure_has_title_date_legend_scale_and_credits(seeds):
    fig = render_static(seeds)
    texts = [t.get_text() for t in fig.texts]
    assert "Territorial control in Syria" in texts
    assert any("7 December 2024" in t for t in texts)
    assert any("Who's On First" in t and "GeoNames" in t for t in texts)
    assert len(fig.legends) == 1
    legend = [t.get_text() for t in fig.legends[0].get_texts()]
    assert {"Held by", "Government", "Opposition", "Claims about a whole area"} <= set(legend)
    labels = {t.get_text() for t in fig.axes[0].texts}
    assert set(CAPITALS) <= labels
    assert "100 km" in labels


def test_png_size(seeds, tmp_path):
    path = write_static(seeds, tmp_path / "map.png")
    raw = path.read_bytes()
    assert raw[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", raw[16:24])
    assert (width, height) == (1753, 1240)  # A4 landscape at 150 dpi
    assert len(raw) > 100_000


def test_svg_keeps_names_as_text_and_escapes_source_text(seeds, tmp_path):
    text = write_static(seeds, tmp_path / "map.svg").read_text("utf-8")
    ET.fromstring(text)  # well-formed XML
    for name in [*CAPITALS, "Territorial control in Syria", "Legend"]:
        assert name in text, name
    hostile = write_static(make_input(20), tmp_path / "h.svg").read_text("utf-8")
    ET.fromstring(hostile)
    assert HOSTILE_NAME not in hostile  # escaped, never markup


def test_pdf_names_the_capitals(seeds, tmp_path):
    path = write_static(seeds, tmp_path / "map.pdf")
    assert path.read_bytes()[:5] == b"%PDF-"
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    for name in [*CAPITALS, "Territorial control in Syria", "Legend", "100 km"]:
        assert name in text, name


def test_unknown_format(seeds, tmp_path):
    with pytest.raises(VocabularyError):
        write_static(seeds, tmp_path / "map.jpg")
    assert list(tmp_path.iterdir()) == []


def test_cli_print_formats(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["render", "--date", "2024-12-07", "--format", "png,pdf"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "syriamap-2024-12-07.pdf",
        "syriamap-2024-12-07.png",
    ]
    out = tmp_path / "report.svg"
    assert main(["render", "--date", "2024-12-07", "--format", "svg", "--out", str(out)]) == 0
    assert "Damascus" in out.read_text("utf-8")
    capsys.readouterr()
    assert main(["render", "--date", "2024-12-07", "--format", "jpg"]) == 1
    assert "png" in capsys.readouterr().err
