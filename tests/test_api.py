"""The public API: what a notebook user can import, and what importing costs."""

import subprocess
import sys

import syriamap

# The names a notebook user learns; changing this list is an API change (CHANGES.md).
EXPECTED = {
    "Actor",
    "Assertion",
    "ControlState",
    "DataError",
    "DatePrecision",
    "ExtractWarning",
    "Gazetteer",
    "IngestSummary",
    "explain",
    "InvalidDateError",
    "MapPage",
    "Match",
    "OutputError",
    "Place",
    "PlacePrecision",
    "Relation",
    "SIDES",
    "SchemaVersionError",
    "Source",
    "Stance",
    "Store",
    "StoreError",
    "SyriamapError",
    "UnknownActorError",
    "UnknownPlaceError",
    "VocabularyError",
    "__version__",
    "actors",
    "capitals",
    "changes",
    "control_at",
    "districts",
    "extract",
    "get_actor",
    "governorate_summary",
    "governorates",
    "ingest",
    "open_store",
    "render_html",
    "resolve",
    "side_colour",
    "to_folium",
    "to_geojson",
    "to_gpkg",
    "write_geojson",
}


def test_all_lists_exactly_the_public_names():
    assert set(syriamap.__all__) == EXPECTED
    assert syriamap.__all__ == sorted(syriamap.__all__)


def test_every_public_name_exists():
    missing = [name for name in syriamap.__all__ if not hasattr(syriamap, name)]
    assert missing == []


def test_public_callables_have_docstrings():
    undocumented = [
        name
        for name in syriamap.__all__
        if callable(getattr(syriamap, name)) and not (getattr(syriamap, name).__doc__ or "").strip()
    ]
    assert undocumented == []


def test_errors_inherit_the_builtin_a_caller_would_catch():
    assert issubclass(syriamap.UnknownPlaceError, LookupError)
    assert issubclass(syriamap.DataError, ValueError)
    assert issubclass(syriamap.InvalidDateError, syriamap.DataError)
    assert issubclass(syriamap.OutputError, OSError)
    for name in syriamap.__all__:
        obj = getattr(syriamap, name)
        if isinstance(obj, type) and issubclass(obj, Exception) and not issubclass(obj, Warning):
            assert issubclass(obj, syriamap.SyriamapError)
    assert issubclass(syriamap.ExtractWarning, UserWarning)


def _modules_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", code + "; import sys; print(' '.join(sorted(sys.modules)))"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return set(out.split())


def test_import_does_not_load_heavy_libraries():
    loaded = _modules_after("import syriamap")
    assert not loaded & {
        "geopandas",
        "pyogrio",
        "folium",
        "shapely",
        "pandas",
        "ahocorasick",
        "dask",
        "distributed",
        "pyarrow",
    }


def test_cli_help_does_not_load_heavy_libraries():
    loaded = _modules_after(
        "import sys; sys.argv = ['syriamap', '--help']\n"
        "from syriamap.cli import main\n"
        "import contextlib, io\n"
        "with contextlib.redirect_stdout(io.StringIO()): main(['--help'])"
    )
    assert not loaded & {"geopandas", "pyogrio", "folium", "pandas"}
