"""Hostile input, as a property: random bytes, random unicode (controls, bidi, NUL,
surrogates, emoji) and random header and sidecar values go through ``extract``,
``ingest`` and ``render``. Whatever comes in: no traceback, one ``syriamap: error:`` line
on failure, no partial file, an unchanged store on failure and no junk stored.

``scripts/hostile_inputs.py`` runs the same kinds of input in bulk and prints a tally.
"""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import tempfile
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from syriamap.cli import main
from syriamap.errors import SyriamapError
from syriamap.extract import extract
from syriamap.store import open_store

ARTICLE = "Rebels seized Hama on Thursday, a monitor said. Troops withdrew from Homs on Friday."
_HEALTH = [HealthCheck.too_slow, HealthCheck.data_too_large]


def slow(n: int) -> settings:
    return settings(max_examples=n, deadline=None, suppress_health_check=_HEALTH)


hostile_chars = st.one_of(
    st.characters(),  # any code point but surrogates
    st.characters(categories=["Cc", "Cf", "Cs", "Zl", "Zp"]),  # controls, bidi, surrogates
    st.sampled_from(["\x00", "\u200f", "\u202e", "\u2066", "\U0001f600", "\ufffd", "\x1b[2J"]),
    st.sampled_from([" Hama", " Homs", " rebels seized", ". ", "\n\n", '"', "\u201c"]),
)
hostile_text = st.lists(hostile_chars, max_size=200).map("".join)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | hostile_text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=5,
)
meta_keys = st.sampled_from(["publisher", "url", "title", "published", "source_id", "file", "x"])


@contextlib.contextmanager
def _seeded_store():
    """A temporary folder with a store holding the bundled seed claims."""
    folder = Path(tempfile.mkdtemp(prefix="syriamap-hostile-"))
    try:
        store = folder / "store.db"
        with open_store(store) as db, open_store() as seeds:
            db.add(seeds.sources(), seeds.assertions())
        yield folder, store
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _run(argv: list[str]) -> tuple[int, str]:
    err = io.StringIO()
    with (
        contextlib.redirect_stderr(err),
        contextlib.redirect_stdout(io.StringIO()),
        warnings.catch_warnings(),
    ):
        warnings.simplefilter("ignore")
        code = main(argv)  # a traceback fails the test here
    return code, err.getvalue()


def _check_failure(code: int, err: str) -> None:
    if code != 0:
        assert code == 1, err
        lines = err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("syriamap: error: "), err


@slow(100)
@given(text=hostile_text)
def test_extract_never_crashes_and_quotes_are_verbatim(text):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            found = extract(text, published="2024-12-07")
        except SyriamapError:
            return
    clean = "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in text)
    for a in found:
        assert a.quote.strip() and a.start < a.end
        if "<" not in text:  # plain text: offsets index the text itself
            assert clean[a.start : a.end] == a.quote


@slow(30)
@given(
    raw=st.binary(max_size=3000) | hostile_text.map(lambda t: t.encode("utf-8", "surrogatepass"))
)
def test_ingest_random_bytes(raw):
    with _seeded_store() as (folder, store):
        before = store.read_bytes()
        path = folder / "input.txt"
        path.write_bytes(raw)
        code, err = _run(["ingest", "--published", "2024-12-07", "--store", str(store), str(path)])
        _check_failure(code, err)
        if not raw.strip() or b"\x00" in raw:
            assert code == 1  # no text, or binary: a bad file, not a source
        if code != 0:
            assert store.read_bytes() == before
        assert sorted(p.name for p in folder.iterdir()) == ["input.txt", "store.db"]


@slow(25)
@given(
    sidecar=st.dictionaries(meta_keys, json_values, max_size=4),
    header=st.dictionaries(
        st.sampled_from(["publisher", "url", "title", "published"]), hostile_text, max_size=3
    ),
)
def test_ingest_random_metadata_then_render(sidecar, header):
    with _seeded_store() as (folder, store):
        lines = "".join(f"{k}: {' '.join(v.split())}\n" for k, v in header.items())
        path = folder / "a.txt"
        path.write_text(
            (lines + "\n" if lines else "") + ARTICLE + "\n",
            encoding="utf-8",
            errors="surrogatepass",
        )
        path.with_name("a.txt.meta.json").write_text(json.dumps(sidecar), encoding="utf-8")
        with open_store(store, read_only=True) as db:
            known = {s.source_id for s in db.sources()}
        before = store.read_bytes()
        code, err = _run(["ingest", "--published", "2024-12-07", "--store", str(store), str(path)])
        _check_failure(code, err)
        for key in ("publisher", "title", "url"):
            if not isinstance(sidecar.get(key, ""), str | None):
                assert code == 1, (key, sidecar[key])
        if code != 0:
            assert store.read_bytes() == before
            return
        with open_store(store, read_only=True) as db:
            new = [s for s in db.sources() if s.source_id not in known]
        for source in new:  # nothing stored that is not what it says it is
            assert all(isinstance(getattr(source, k), str) for k in ("publisher", "url", "title"))
            assert not source.url or source.url.lower().startswith(("http://", "https://"))
        out = folder / "maps"
        code, err = _run(
            ["render", "--date", "2024-12-07", "--format", "all", "--out", f"{out}/"]
            + ["--store", str(store)]
        )
        _check_failure(code, err)
        if code == 0:
            assert not [p for p in out.iterdir() if p.name.startswith(".")]
        else:
            assert not out.exists()


@pytest.mark.parametrize("argv", [["extract"], ["ingest", "--store", "{store}"]], ids=str)
def test_a_surrogate_in_a_sidecar_is_refused(argv, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    path.with_name("a.txt.meta.json").write_text('{"publisher": "A\\ud800P"}', encoding="utf-8")
    argv = [a.replace("{store}", str(tmp_path / "s.db")) for a in argv]
    code, err = _run([*argv, str(path)])
    assert code == 1 and "publisher" in err
