"""Optional dependencies of the test suite, in one place.

A test that needs a tool outside the Python dependencies carries
``@pytest.mark.requires("NAME")`` (or ``pytestmark = pytest.mark.requires("NAME")``).
Where the tool is missing the test is skipped with the reason, unless the tool's
CI-required switch is set to ``1`` (``.ci/run`` sets them all): then the test fails, so CI
cannot pass by skipping.

=========  ===============================  ======================================
NAME       what                             switch
=========  ===============================  ======================================
browser    Debian's chromium + Playwright   ``SYRIAMAP_REQUIRE_BROWSER``
qgis       QGIS (``python3-qgis``)          ``SYRIAMAP_REQUIRE_QGIS``
ogrinfo    GDAL's ``ogrinfo`` (gdal-bin)    ``SYRIAMAP_REQUIRE_OGRINFO``
=========  ===============================  ======================================
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
SYSTEM_PYTHON = Path("/usr/bin/python3")


def _browser() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed"
    return None if CHROMIUM.exists() else f"no {CHROMIUM}"


def _qgis() -> str | None:
    if not SYSTEM_PYTHON.exists():
        return f"no {SYSTEM_PYTHON} for QGIS"
    probe = subprocess.run(
        [str(SYSTEM_PYTHON), "-c", "import qgis.core"], capture_output=True, check=False
    )
    return None if probe.returncode == 0 else "QGIS (python3-qgis) is not installed"


def _ogrinfo() -> str | None:
    return None if shutil.which("ogrinfo") else "ogrinfo (gdal-bin) is not installed"


OPTIONAL: dict[str, tuple[str, Callable[[], str | None]]] = {
    "browser": ("SYRIAMAP_REQUIRE_BROWSER", _browser),
    "qgis": ("SYRIAMAP_REQUIRE_QGIS", _qgis),
    "ogrinfo": ("SYRIAMAP_REQUIRE_OGRINFO", _ogrinfo),
}


@functools.cache
def missing(name: str) -> str | None:
    """Why the optional dependency ``name`` is unavailable (``None`` when it is there)."""
    return OPTIONAL[name][1]()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "requires(name): needs an optional tool (browser, qgis, ogrinfo); skipped without "
        "it unless its SYRIAMAP_REQUIRE_* switch is 1",
    )


def pytest_runtest_setup(item: pytest.Item) -> None:
    for mark in item.iter_markers("requires"):
        for name in mark.args:
            if name not in OPTIONAL:
                raise ValueError(f"unknown optional dependency {name!r}: one of {sorted(OPTIONAL)}")
            why = missing(name)
            if why is None:
                continue
            switch = OPTIONAL[name][0]
            if os.environ.get(switch) == "1":
                pytest.fail(f"{name} tests required ({switch}=1) but {why}")
            pytest.skip(why)
