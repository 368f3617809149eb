"""Build step: copy the reviewable data files into the wheel (their one copy is in data/).

Everything else about the package is in pyproject.toml. Which files ship is decided in
syriamap/data/_files.py (loaded here without importing syriamap, whose dependencies the
build environment does not have): every data/*.csv and data/lexicon/*.csv but the
gazetteer's build files, and seeds/sources.csv as sources.csv.
"""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


def _shipped() -> dict[str, Path]:
    spec = importlib.util.spec_from_file_location("_files", ROOT / "syriamap/data/_files.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.shipped(ROOT)


class BuildPyWithData(build_py):
    """build_py, plus the data/ files copied into syriamap/data/ in the build."""

    def run(self) -> None:
        """Build the package, then copy the shipped data files beside its modules."""
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads data/ itself (syriamap.data.path)
        target = Path(self.build_lib) / "syriamap" / "data"
        for name, src in _shipped().items():
            dst = target / name
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dst)


setup(cmdclass={"build_py": BuildPyWithData})
