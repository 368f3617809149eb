"""The package ships up-to-date copies of the reviewable data files."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _builder():
    spec = importlib.util.spec_from_file_location(
        "build_package_data", ROOT / "scripts" / "build_package_data.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_package_copies_match_the_reviewable_sources():
    builder = _builder()
    assert builder.stale() == [], "run: python scripts/build_package_data.py"
