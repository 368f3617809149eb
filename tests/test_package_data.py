"""One copy of each fact: the reviewable data files live once, in data/ (and seeds/).

The build copies them into the wheel (``setup.py``; ``tests/test_packaging.py`` checks the
wheel), and :func:`syriamap.data.path` reads them from data/ in a source checkout.
"""

from pathlib import Path

from syriamap.data import _files, path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "syriamap" / "data"


def test_no_data_file_is_committed_twice():
    doubles = [name for name in _files.shipped(ROOT) if (PACKAGE / name).exists()]
    assert doubles == [], (
        f"{doubles} live in data/ (or seeds/): delete the copies in syriamap/data/, "
        "the build ships data/ itself"
    )


def test_the_package_reads_the_one_copy():
    shipped = _files.shipped(ROOT)
    for name in ("actors.csv", "assertions.csv", "sources.csv", "lexicon/relations.csv"):
        assert name in shipped
        assert path(name).read_bytes() == shipped[name].read_bytes()
    assert shipped["sources.csv"] == ROOT / "seeds" / "sources.csv"
    assert "gazetteer.csv" not in shipped and "regions.csv" not in shipped


def test_a_new_data_file_ships_without_further_ado(tmp_path):
    (tmp_path / "data" / "lexicon").mkdir(parents=True)
    (tmp_path / "seeds").mkdir()
    for name in ("sites.csv", "lexicon/new_cues.csv", "gazetteer.csv", "README.md"):
        (tmp_path / "data" / name).write_text("a,b\n")
    (tmp_path / "seeds" / "sources.csv").write_text("source_id\n")
    assert sorted(_files.shipped(tmp_path)) == ["lexicon/new_cues.csv", "sites.csv", "sources.csv"]
