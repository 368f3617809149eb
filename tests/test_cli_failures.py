"""One error path: every command meets a damaged store, a full disk and a folder in the way
with one ``syriamap: error:`` line, exit status 1, no traceback and no partial file.

The full disk is a file-size limit (``RLIMIT_FSIZE``) set in a subprocess: writing past it
fails with ``EFBIG``, as a full disk fails with ``ENOSPC``.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from syriamap.cli import main
from syriamap.store import open_store

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_24d4a9f86796abdb.txt"

STORE_COMMANDS = [
    ["claims"],
    ["claims", "--json"],
    ["status", "--date", "2024-12-07"],
    ["capitals", "--date", "2024-12-07"],
    ["render", "--date", "2024-12-07"],
    ["render", "--date", "2024-12-07", "--format", "all", "--out", "maps/"],
    ["ingest", "--published", "2024-12-07", "NEW"],
]


def _seed_store(path: Path) -> Path:
    with open_store(path) as store, open_store() as seeds:
        store.add(seeds.sources(), seeds.assertions())
    return path


def _one_error_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("syriamap: error: "), err
    assert "Traceback" not in err
    return lines[0]


@pytest.fixture
def new_article(tmp_path):
    f = tmp_path / "new.txt"
    f.write_text("Rebels seized Hama on Thursday, the monitor said.\n", encoding="utf-8")
    return f


@pytest.fixture
def damaged_store(tmp_path):
    """A store whose first page (header and schema) is intact and every other is garbage."""
    path = _seed_store(tmp_path / "damaged.db")
    raw = bytearray(path.read_bytes())
    rnd = random.Random(12)
    raw[4096:] = bytes(rnd.randrange(256) for _ in range(len(raw) - 4096))
    path.write_bytes(bytes(raw))
    return path


@pytest.mark.parametrize("argv", STORE_COMMANDS, ids=" ".join)
def test_damaged_store(argv, damaged_store, new_article, tmp_path, monkeypatch, capsys):
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    before = damaged_store.read_bytes()
    argv = [str(new_article) if a == "NEW" else a for a in argv]
    assert main([*argv, "--store", str(damaged_store)]) == 1
    line = _one_error_line(capsys.readouterr().err)
    assert "damaged" in line and "PRAGMA integrity_check" in line and "backup" in line
    assert list(work.iterdir()) == []  # no output, no partial file
    assert damaged_store.read_bytes() == before  # read commands never write


def _run_limited(argv: list[str], cwd: Path, limit: int, stdout=subprocess.PIPE):
    """Run the console entry point with a file-size limit of ``limit`` bytes."""

    def cap() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    env.pop("SYRIAMAP_STORE", None)
    return subprocess.run(
        [sys.executable, "-c", "from syriamap.cli import entry_point; entry_point()", *argv],
        cwd=cwd,
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=cap,
        env=env,
        timeout=300,
    )


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
@pytest.mark.parametrize(
    "argv",
    [
        ["render", "--date", "2024-12-07"],
        ["render", "--date", "2024-12-07", "--format", "gpkg"],
        ["render", "--date", "2024-12-07", "--format", "all", "--out", "maps/"],
        ["render", "--from", "2024-12-01", "--to", "2024-12-07", "--format", "geojson"],
    ],
    ids=" ".join,
)
def test_full_disk_render(argv, tmp_path):
    result = _run_limited(argv, tmp_path, 2048)
    assert result.returncode == 1, result.stderr
    line = _one_error_line(result.stderr)
    assert "no space left" in line
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_full_disk_ingest_leaves_store_unchanged(tmp_path, new_article):
    store = _seed_store(tmp_path / "s.db")
    before = open_store(store, read_only=True).counts()
    files = sorted(p.name for p in tmp_path.iterdir())
    big = tmp_path / "big.txt"
    big.write_text(
        "".join(
            f"Rebels seized Hama on Thursday, report {i} said. Troops left Homs on Friday.\n"
            for i in range(400)
        ),
        encoding="utf-8",
    )
    limit = store.stat().st_size
    result = _run_limited(
        ["ingest", "--published", "2024-12-07", "--store", str(store), str(big)], tmp_path, limit
    )
    assert result.returncode == 1, result.stderr
    line = _one_error_line(result.stderr)
    assert "nothing was written" in line
    assert open_store(store, read_only=True).counts() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*files, "big.txt"])


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
@pytest.mark.parametrize(
    "argv",
    [
        ["claims", "--json"],
        ["extract", "--published", "2024-12-07", str(SEED)],
        ["resolve", "--json", "Homs", "Hama"],
        ["capitals", "--date", "2024-12-07"],
    ],
    ids=" ".join,
)
def test_full_disk_behind_stdout(argv, tmp_path):
    with open("/dev/full", "w") as out:  # every write fails with ENOSPC
        result = _run_limited(argv, tmp_path, 1 << 30, stdout=out)
    assert result.returncode == 1, result.stderr
    line = _one_error_line(result.stderr)
    assert "no space left" in line


@pytest.mark.parametrize(
    ("argv", "clash"),
    [
        (["render", "--date", "2024-12-07"], "syriamap-2024-12-07.html"),
        (["render", "--date", "2024-12-07", "--format", "gpkg"], "syriamap-2024-12-07.gpkg"),
        (
            ["render", "--date", "2024-12-07", "--format", "all", "--out", "maps"],
            "maps/syriamap-2024-12-07-places.geojson",
        ),
        (["claims", "--store", "folder.db"], "folder.db"),
        (["status", "--date", "2024-12-07", "--store", "folder.db"], "folder.db"),
        (["capitals", "--date", "2024-12-07", "--store", "folder.db"], "folder.db"),
        (["ingest", "--store", "folder.db", "NEW"], "folder.db"),
    ],
    ids=lambda v: " ".join(v) if isinstance(v, list) else v,
)
def test_folder_in_the_way(argv, clash, tmp_path, new_article, monkeypatch, capsys):
    work = tmp_path / "work"
    (work / clash).mkdir(parents=True)
    monkeypatch.chdir(work)
    monkeypatch.delenv("SYRIAMAP_STORE", raising=False)
    argv = [str(new_article) if a == "NEW" else a for a in argv]
    before = sorted(str(p.relative_to(work)) for p in work.rglob("*"))
    assert main(argv) == 1
    line = _one_error_line(capsys.readouterr().err)
    assert clash.split("/")[-1] in line and "folder" in line
    assert sorted(str(p.relative_to(work)) for p in work.rglob("*")) == before


# -- read commands never write -----------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [["claims"], ["status", "--date", "2024-12-07"], ["capitals", "--date", "2024-12-07"]],
    ids=" ".join,
)
@pytest.mark.parametrize("kind", ["missing", "empty", "text", "other-sqlite"])
def test_read_commands_never_create_or_convert(argv, kind, tmp_path, capsys):
    import sqlite3

    path = tmp_path / "store.db"
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "text":
        path.write_text("not a database\n" * 100)
    elif kind == "other-sqlite":
        with sqlite3.connect(path) as conn:
            conn.execute("CREATE TABLE notes (x TEXT)")
        conn.close()
    before = path.read_bytes() if path.exists() else None
    assert main([*argv, "--store", str(path)]) == 1
    line = _one_error_line(capsys.readouterr().err)
    assert str(path) in line
    assert (path.read_bytes() if path.exists() else None) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ([] if before is None else ["store.db"])


def test_read_command_on_older_schema_migrates_in_memory_only(tmp_path, capsys):
    import sqlite3

    from syriamap.store import MIGRATIONS

    path = tmp_path / "v1.db"
    with sqlite3.connect(path) as conn:
        for statement in MIGRATIONS[0]:
            conn.execute(statement)
        conn.execute("UPDATE schema_version SET version = 1")
    conn.close()
    before = path.read_bytes()
    assert main(["claims", "--json", "--store", str(path)]) == 0
    assert capsys.readouterr().out.strip() == "[]"
    assert path.read_bytes() == before


def test_add_that_changes_nothing_needs_no_write_access(tmp_path):
    path = _seed_store(tmp_path / "s.db")
    with open_store() as seeds, open_store(path, read_only=True) as store:
        counts = store.add(seeds.sources(), seeds.assertions(), fill_empty=True)
        assert counts == {"sources": 0, "sources_updated": 0, "assertions": 0}
        from syriamap.assertions import Source
        from syriamap.errors import StoreError

        with pytest.raises(StoreError, match="read-only"):
            store.add(Source(source_id="new", content_hash="b" * 64))


def test_reingest_adding_nothing_succeeds_on_a_read_only_store(tmp_path, new_article, capsys):
    store = tmp_path / "s.db"
    argv = ["ingest", "--published", "2024-12-07", "--store", str(store), str(new_article)]
    assert main(argv) == 0
    capsys.readouterr()
    store.chmod(0o444)
    tmp_path.chmod(0o555)  # no journal can be created either
    try:
        if os.access(store, os.W_OK):
            pytest.skip("running as a user who may write anything (root)")
        assert main(argv) == 0, capsys.readouterr().err
        assert "0 added, 1 already stored" in capsys.readouterr().out
    finally:
        tmp_path.chmod(0o755)
        store.chmod(0o644)


# -- outputs do what the name says ---------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["--format", "html", "--out", "x.gpkg"], "does not match --format html"),
        (["--format", "gpkg", "--out", "x.html"], "does not match --format gpkg"),
        (["--out", "x.geojson"], "does not match --format html"),
        (["--format", "html,gpkg", "--out", "one.html"], "needs a folder"),
        (["--format", "geojson", "--out", "places.geojson"], "needs a folder"),
    ],
)
def test_out_contradicting_format_is_an_error(argv, needle, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["render", "--date", "2024-12-07", *argv]) == 1
    assert needle in _one_error_line(capsys.readouterr().err)
    assert list(tmp_path.iterdir()) == []


def test_several_formats_into_a_new_folder_named_with_a_slash(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["render", "--date", "2024-12-07", "--format", "html,gpkg", "--out", "m.v2/"]) == 0
    assert sorted(p.name for p in (tmp_path / "m.v2").iterdir()) == [
        "syriamap-2024-12-07.gpkg",
        "syriamap-2024-12-07.html",
    ]


# -- CLI truths -----------------------------------------------------------------------------


def test_ingest_help_tells_the_truth(capsys):
    assert main(["ingest", "--help"]) == 0
    help_text = " ".join(capsys.readouterr().out.split())
    assert "bundled seed data cannot be written" in help_text
    assert "default: $SYRIAMAP_STORE, else the bundled" not in help_text
    assert "--progress / --no-progress" in help_text


def _ingest_files(tmp_path, n=6):
    files = []
    for i in range(n):
        f = tmp_path / f"n{i}.txt"
        f.write_text(f"Rebels seized Hama on Thursday, report {i}.\n")
        files.append(str(f))
    return files


@pytest.mark.parametrize(("flag", "bar"), [([], False), (["--progress"], True)])
def test_progress_bar_only_on_a_terminal_or_when_asked(flag, bar, tmp_path):
    files = _ingest_files(tmp_path)
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from syriamap.cli import entry_point; entry_point()",
            "ingest",
            "--published",
            "2024-12-06",
            "--store",
            str(tmp_path / "s.db"),
            *flag,
            *files,
        ],
        capture_output=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert (b"\r" in result.stderr) is bar


def test_reingest_adding_nothing_opens_no_write_transaction(tmp_path, new_article, monkeypatch):
    """The same guarantee as above, for users (root) that may write any file."""
    from syriamap.store import Store

    store = tmp_path / "s.db"
    argv = ["ingest", "--published", "2024-12-07", "--store", str(store), str(new_article)]
    assert main(argv) == 0

    def no_writes(self):
        raise AssertionError("a write transaction was opened")

    monkeypatch.setattr(Store, "transaction", no_writes)
    assert main(argv) == 0


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_full_disk_ingest_into_a_new_store_leaves_no_file(tmp_path, new_article):
    result = _run_limited(
        ["ingest", "--published", "2024-12-07", "--store", "new.db", str(new_article)],
        tmp_path,
        1024,
    )
    assert result.returncode == 1, result.stderr
    _one_error_line(result.stderr)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.txt"]
