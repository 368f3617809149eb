"""Feed hostile inputs to ``syriamap extract``, ``ingest`` and ``render``; print a tally.

Each input goes through the command line in process (``syriamap.cli.main``) against a
store seeded with the bundled claims. For every run it checks:

- traceback: an exception escaped ``main`` (anything but a clean exit status);
- error line: a failure printed exactly one ``syriamap: error: ...`` line on stderr;
- partial file: a failure left a file behind (an output, a temporary file, a store);
- store changed: a failed ingest changed the store (counts or bytes);
- stored junk: a source was stored from a file with no text, with NUL bytes, or with
  metadata that is not text (publisher, url, title), or with a url that is not http(s).

Usage: python scripts/hostile_inputs.py [--n N] [--seed S]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import random
import sys
import tempfile
import warnings
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = "Rebels seized Hama on Thursday, a monitor said. Troops withdrew from Homs on Friday."
NASTY = [
    "\x00",
    "\x1b[2J",
    "\u200f",
    "\u202e",
    "\u2066",
    "\u061c",
    "\ufeff",
    "\ufffd",
    "\U0001f600",
    "\r",
    "\x85",
    "\u2028",
    "<script>alert(1)</script>",
    '"',
    "\u201c",
    "Hama",
    "Homs",
    "rebels seized",
    " ",
    ".",
    "\n",
    "\n\n",
    "published: ",
    "\udc80",
]


def random_text(rnd: random.Random, n: int) -> str:
    parts = []
    for _ in range(n):
        if rnd.random() < 0.5:
            parts.append(rnd.choice(NASTY))
        else:
            parts.append(
                chr(
                    rnd.choice(
                        [rnd.randint(32, 126), rnd.randint(0x600, 0x6FF), rnd.randint(0, 0x2FFF)]
                    )
                )
            )
    return "".join(parts)


def random_value(rnd: random.Random) -> object:
    return rnd.choice(
        [
            5,
            -1.5,
            None,
            True,
            [],
            ["x"],
            {"a": 1},
            "",
            "yesterday",
            "2024-13-45",
            "2024-12-07",
            "2024-12-07T10:00:00Z",
            "ftp://example.org/x",
            "javascript:alert(1)",
            "https://example.org/a b",
            "https://example.org/ok",
            "www.example.org",
            random_text(rnd, rnd.randint(0, 20)),
            "AP",
            "x" * 5000,
        ]
    )


def make_input(kind: str, rnd: random.Random, folder: Path) -> Path:
    """Write one hostile input of ``kind`` into ``folder``; return its path."""
    path = folder / f"in-{rnd.randrange(10**9)}.txt"
    if kind == "random bytes":
        path.write_bytes(bytes(rnd.randrange(256) for _ in range(rnd.randint(0, 2000))))
    elif kind == "random unicode":
        text = random_text(rnd, rnd.randint(0, 400))
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
    elif kind == "empty or blank":
        path.write_bytes(rnd.choice([b"", b" ", b"\n\n\n", b"\t \r\n", "\u00a0\u2003".encode()]))
    elif kind == "binary executable":
        raw = Path(sys.executable).resolve().read_bytes()
        start = rnd.randrange(max(1, len(raw) - 4096))
        path.write_bytes(raw[:64] + raw[start : start + 4096])
    elif kind == "bad sidecar":
        path.write_text(ARTICLE, encoding="utf-8")
        keys = ["publisher", "url", "title", "published", "source_id", "file", "extra"]
        meta = {k: random_value(rnd) for k in rnd.sample(keys, rnd.randint(1, 4))}
        sidecar = path.with_name(path.name + ".meta.json")
        if rnd.random() < 0.15:
            sidecar.write_bytes(rnd.choice([b"[1, 2]", b"{", b"\xff\xfe", b"null", b""]))
        else:
            sidecar.write_text(json.dumps(meta), encoding="utf-8")
    elif kind == "bad header":
        lines = [
            f"{k}: {' '.join(str(random_value(rnd)).split())}"
            for k in rnd.sample(["publisher", "url", "title", "published"], rnd.randint(1, 3))
        ]
        path.write_text("\n".join(lines) + "\n\n" + ARTICLE + "\n", encoding="utf-8")
    elif kind == "hostile html":
        meta = (
            f'<meta property="og:url" content="{random_text(rnd, 8)}">'
            f'<meta property="article:published_time" content="{random_text(rnd, 6)}">'
            f'<meta property="og:site_name" content="{random_text(rnd, 6)}">'
        )
        body = (
            f"<p>{ARTICLE}</p><script>{random_text(rnd, 50)}</script><p>{random_text(rnd, 80)}</p>"
        )
        path = path.with_suffix(".html")
        page = f"<html><head>{meta}<title>{random_text(rnd, 10)}</title></head>"
        page += f"<body>{body}</body></html>"
        if rnd.random() < 0.7:  # most pages without NUL and surrogates, to reach render
            page = page.replace("\x00", "").replace("\udc80", "")
        path.write_text(page, encoding="utf-8", errors="surrogatepass")
    elif kind == "too complex":
        names = ", ".join(rnd.choice(["Hama", "Homs", "Aleppo", "Idlib"]) for _ in range(1200))
        path.write_text(f"Rebels seized {names} on Thursday, the army said.\n", encoding="utf-8")
    else:  # pragma: no cover
        raise ValueError(kind)
    return path


def is_junk(source: object, raw: bytes) -> bool:
    """Whether a stored source should have been refused."""
    if not raw.strip() or b"\x00" in raw:
        return True
    for field in ("publisher", "url", "title"):
        value = getattr(source, field)
        if not isinstance(value, str):
            return True
    url = source.url  # type: ignore[attr-defined]
    return bool(url) and not url.lower().startswith(("http://", "https://"))


def run(argv: list[str]) -> tuple[int | None, str]:
    """Run the CLI in process; return (exit status or None on a traceback, stderr)."""
    from syriamap.cli import main

    err = io.StringIO()
    out = io.StringIO()
    with (
        contextlib.redirect_stderr(err),
        contextlib.redirect_stdout(out),
        warnings.catch_warnings(),
    ):
        warnings.simplefilter("ignore")
        try:
            code = main(argv)
        except BaseException:  # noqa: BLE001 - counting tracebacks is the point
            return None, err.getvalue()
    return code, err.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=40, help="inputs per kind")
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args()

    from syriamap.store import open_store

    kinds = [
        "random bytes",
        "random unicode",
        "empty or blank",
        "binary executable",
        "bad sidecar",
        "bad header",
        "hostile html",
        "too complex",
    ]
    rnd = random.Random(args.seed)
    tally: dict[str, Counter] = {k: Counter() for k in kinds}
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        store = base / "store.db"
        with open_store(store) as db, open_store() as seeds:
            db.add(seeds.sources(), seeds.assertions())
        for kind in kinds:
            for i in range(args.n if kind != "too complex" else max(2, args.n // 10)):
                folder = base / f"{kind.replace(' ', '_')}-{i}"
                folder.mkdir()
                path = make_input(kind, rnd, folder)
                t = tally[kind]
                t["inputs"] += 1
                before_bytes = store.read_bytes()
                with open_store(store, read_only=True) as db:
                    known = {s.source_id for s in db.sources()}
                for command in ("extract", "ingest"):
                    argv = [command, "--published", "2024-12-07", str(path)]
                    if command == "ingest":
                        argv += ["--store", str(store)]
                    code, err = run(argv)
                    t["runs"] += 1
                    if code is None:
                        t["tracebacks"] += 1
                        continue
                    if code != 0:
                        t[f"{command} refused"] += 1
                        lines = err.strip().splitlines()
                        if len(lines) != 1 or not lines[0].startswith("syriamap: error: "):
                            t["not one error line"] += 1
                    if command == "ingest" and code != 0 and store.read_bytes() != before_bytes:
                        t["store changed on failure"] += 1
                leftovers = [p for p in folder.iterdir() if p.name.startswith(".")]
                t["partial files"] += len(leftovers)
                with open_store(store, read_only=True) as db:
                    new = [s for s in db.sources() if s.source_id not in known]
                raw = path.read_bytes()
                t["stored junk"] += sum(is_junk(s, raw) for s in new)
                if new and rnd.random() < 0.25:  # render what was stored
                    out = folder / "maps"
                    code, err = run(
                        [
                            "render",
                            "--date",
                            "2024-12-07",
                            "--format",
                            "all",
                            "--out",
                            f"{out}/",
                            "--store",
                            str(store),
                        ]
                    )
                    t["runs"] += 1
                    t["renders"] += 1
                    if code is None:
                        t["tracebacks"] += 1
                    elif code != 0:
                        t["render failed"] += 1
                        t["partial files"] += len(list(out.glob("*"))) if out.exists() else 0
                    else:
                        t["partial files"] += len(
                            [p for p in out.iterdir() if p.name.startswith(".")]
                        )
    columns = [
        "inputs",
        "runs",
        "extract refused",
        "ingest refused",
        "renders",
        "tracebacks",
        "not one error line",
        "partial files",
        "store changed on failure",
        "stored junk",
    ]
    print("| kind | " + " | ".join(columns) + " |")
    print("|---|" + "---|" * len(columns))
    total: Counter = Counter()
    for kind, t in tally.items():
        total.update(t)
        print(f"| {kind} | " + " | ".join(str(t[c]) for c in columns) + " |")
    print("| **total** | " + " | ".join(str(total[c]) for c in columns) + " |")


if __name__ == "__main__":
    main()
