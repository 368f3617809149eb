"""Render figures: time to render one date in process, HTML and GeoJSON sizes.

Also every data format at once through the library's writer (``write_outputs``: HTML,
the four GeoJSON layers with their styles, the GeoPackage), as ``syriamap render
--format all`` writes them.

Targets (issues 4 and 10): seeds < 2 s and HTML < 1.5 MB; 10,000 places < 5 s and HTML
< 6 MB; a printed map (PNG, SVG, PDF) < 5 s.

    python benchmarks/bench_render.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from render_synthetic import make_input  # noqa: E402

from syriamap.render import (  # noqa: E402
    build_page,
    load,
    plan_outputs,
    render_html,
    write_outputs,
    write_static,
)
from syriamap.render.geojson import (  # noqa: E402
    areas_geojson,
    dumps,
    governorates_geojson,
    places_geojson,
)

MB = 1e6


def timed(fn, *args, **kwargs):
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return result, time.perf_counter() - start


def report(label, data, seconds_html, page):
    start = time.perf_counter()
    places = dumps(places_geojson(data))
    seconds_geojson = time.perf_counter() - start
    governorates = dumps(governorates_geojson(data))
    areas = dumps(areas_geojson(data))
    n = len(data.days[-1].places)
    print(
        f"{label:<34} {n:>6} places  html {seconds_html:5.2f} s  {len(page.html) / MB:5.2f} MB"
        f"  geojson places {seconds_geojson:4.2f} s {len(places.encode()) / MB:5.2f} MB"
        f"  areas {len(areas.encode()) / MB:5.2f} MB"
        f"  governorates {len(governorates.encode()) / MB:5.2f} MB"
    )


def all_formats(label, data):
    """Every data format through the library's writer, as ``--format all`` does."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        targets = plan_outputs(folder, "m", ["html", "geojson", "gpkg"]).targets
        _, seconds = timed(write_outputs, data, targets)
        size = sum(p.stat().st_size for p in targets.values()) / MB
    print(f"{label:<34} all data formats ({len(targets)} files) {seconds:5.2f} s  {size:5.2f} MB")


def main() -> None:
    page, cold = timed(render_html, "2024-12-07")
    print(f"seeds, first render in process (loads gazetteer, store, boundaries): {cold:.2f} s")
    page, warm = timed(render_html, "2024-12-07")
    data = load("2024-12-07")
    report("seeds 2024-12-07 (render_html)", data, warm, page)
    all_formats("seeds 2024-12-07", data)
    page, tl = timed(render_html, start="2024-11-27", end="2024-12-08")
    data = load(start="2024-11-27", end="2024-12-08")
    report("seeds timeline 2024-11-27..12-08", data, tl, page)

    data, built = timed(make_input, 10_000, hostile=False)
    page, seconds = timed(build_page, data)
    report("synthetic 10,000 places", data, seconds, page)
    all_formats("synthetic 10,000 places", data)
    print(f"(building the synthetic frames took {built:.2f} s, not counted)")

    import tempfile

    seeds = load("2024-12-07", districts=False)
    with tempfile.TemporaryDirectory() as folder:
        for kind in ("png", "svg", "pdf"):
            path, seconds = timed(write_static, seeds, Path(folder) / f"map.{kind}")
            size = path.stat().st_size / MB
            print(f"print seeds 2024-12-07 {kind:<4} {seconds:5.2f} s  {size:5.2f} MB")


if __name__ == "__main__":
    main()
