"""The SQLite store: idempotence, transactions, migrations, lossless export/import."""

import csv
import datetime as dt
import json
import sqlite3

import pandas as pd
import pytest

from syriamap import store as store_module
from syriamap.assertions import ASSERTION_FIELDS, SOURCE_FIELDS, Assertion, Source
from syriamap.errors import DataError, SchemaVersionError, StoreError
from syriamap.store import MIGRATIONS, SCHEMA_VERSION, Store, open_store

TEXT = (
    'Rebels said: "we took Hama, and Homs is next"\nThe army denied it.\n'
    "المعارضة سيطرت على حماة — café, naïve, 'quoted'"
)


def source(n=0, **over):
    fields = dict(
        source_id=f"s{n}",
        publisher=f"Publisher {n}",
        published=f"2024-12-0{n % 9 + 1}",
        content_hash=f"{n:064x}",
        title=f'Title "{n}", with, commas',
    )
    fields.update(over)
    return Source(**fields)


def claim(n=0, *, src="s0", start=0, end=None, quote=None, **over):
    quote = quote if quote is not None else TEXT[start : end or start + 20]
    fields = dict(
        source_id=src,
        place_id=f"wof:{n}",
        actor="opposition",
        relation="captured",
        stance="asserted",
        event_date="2024-12-05",
        quote=quote,
        start=start,
        end=start + len(quote),
    )
    fields.update(over)
    return Assertion(**fields)


@pytest.fixture
def store():
    with Store() as s:
        yield s


def test_new_store_has_current_schema(tmp_path):
    path = tmp_path / "s.sqlite"
    with Store(path) as s:
        assert s.schema_version == SCHEMA_VERSION
        assert s.counts() == {"sources": 0, "assertions": 0}
    assert path.exists()


def test_adds_are_idempotent(store):
    assert store.add_sources([source(0), source(1)]) == 2
    assert store.add_sources([source(0), source(1)]) == 0
    # same content under another id is the same source
    assert store.add_sources(source(7, content_hash=f"{0:064x}")) == 0
    a = [claim(i) for i in range(5)]
    assert store.add_assertions(a) == 5
    assert store.add_assertions(a) == 0
    assert store.add_assertions(a[0]) == 0
    assert store.counts() == {"sources": 2, "assertions": 5}


def test_conflicting_source_id_is_an_error(store):
    store.add_sources(source(0))
    with pytest.raises(DataError, match="different content_hash"):
        store.add_sources(source(0, content_hash="f" * 64))


def test_assertion_needs_its_source(store):
    with pytest.raises(DataError, match="unknown source_id"):
        store.add_assertions(claim(0, src="nowhere"))


def test_replace_overwrites_same_id(store):
    store.add_sources(source(0))
    store.add_assertions(claim(0, note="first"))
    store.add_assertions(claim(0, note="second"))
    assert store.assertions()[0].note == "first"
    store.add_assertions(claim(0, note="second"), replace=True)
    assert store.assertions()[0].note == "second"
    assert store.counts()["assertions"] == 1


def test_failure_half_way_through_add_leaves_store_unchanged(store, monkeypatch):
    store.add_sources(source(0))
    store.add_assertions(claim(100))
    before = store.assertions_frame()
    calls = {"n": 0}
    original = Store._insert_assertion

    def flaky(self, cur, sql, assertion):
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("disk on fire")
        original(self, cur, sql, assertion)

    monkeypatch.setattr(Store, "_insert_assertion", flaky)
    with pytest.raises(RuntimeError):
        store.add_assertions([claim(i) for i in range(5)])
    assert calls["n"] == 3  # two rows were written before the failure, then rolled back
    pd.testing.assert_frame_equal(store.assertions_frame(), before)


def rows(store):
    """Every row of both tables, for before/after comparisons."""
    return (
        store._query("SELECT * FROM sources ORDER BY source_id"),
        store._query("SELECT * FROM assertions ORDER BY assertion_id"),
    )


def fail_on_call(monkeypatch, method, n):
    """Make Store.<method> raise on its n-th call; return the call counter."""
    calls = {"n": 0}
    original = getattr(Store, method)

    def flaky(self, *args):
        calls["n"] += 1
        if calls["n"] == n:
            raise sqlite3.OperationalError("disk I/O error")
        original(self, *args)

    monkeypatch.setattr(Store, method, flaky)
    return calls


def test_add_writes_sources_and_assertions_in_one_transaction(store, monkeypatch):
    store.add(source(0), claim(100))
    before = rows(store)
    calls = fail_on_call(monkeypatch, "_insert_assertion", 3)
    with pytest.raises(sqlite3.OperationalError):
        store.add([source(1), source(2)], [claim(i, src="s1") for i in range(5)])
    assert calls["n"] == 3  # two sources and two assertions were written, then rolled back
    assert rows(store) == before
    monkeypatch.undo()
    result = store.add([source(1), source(2)], [claim(i, src="s1") for i in range(5)])
    assert result == {"sources": 2, "sources_updated": 0, "assertions": 5}
    assert store.add([source(1), source(2)], [claim(i, src="s1") for i in range(5)]) == {
        "sources": 0,
        "sources_updated": 0,
        "assertions": 0,
    }


def test_add_accepts_assertions_of_sources_added_with_them(store):
    assert store.add([source(3)], [claim(1, src="s3")])["assertions"] == 1
    with pytest.raises(DataError, match="unknown source_id"):
        store.add([source(4)], [claim(2, src="s5")])
    assert store.counts() == {"sources": 1, "assertions": 1}  # s4 rolled back too


def test_transaction_groups_add_sources_and_add_assertions(store, monkeypatch):
    store.add_sources(source(0))
    before = rows(store)
    fail_on_call(monkeypatch, "_insert_assertion", 2)
    with pytest.raises(sqlite3.OperationalError), store.transaction():
        assert store.add_sources(source(1)) == 1
        store.add_assertions([claim(i, src="s1") for i in range(3)])
    assert rows(store) == before
    monkeypatch.undo()
    with store.transaction():
        store.add_sources(source(1))
        store.add_assertions([claim(i, src="s1") for i in range(3)])
    assert store.counts() == {"sources": 2, "assertions": 3}


def test_nested_transaction_is_a_savepoint(store):
    with store.transaction():
        store.add_sources(source(0))
        with pytest.raises(DataError):
            store.add_sources([source(1), source(0, content_hash="f" * 64)])
        # the failed inner add is undone, the outer block goes on
        assert [s.source_id for s in store.sources()] == ["s0"]
        store.add_sources(source(2))
    assert [s.source_id for s in store.sources()] == ["s0", "s2"]
    assert not store._conn.in_transaction and store._depth == 0


def test_source_lookup(store):
    store.add_sources(source(0))
    assert store.source("s0") == source(0)
    assert store.source(content_hash=f"{0:064x}") == source(0)
    assert store.source("nope") is None and store.source(content_hash="a" * 64) is None
    with pytest.raises(TypeError):
        store.source("s0", content_hash=f"{0:064x}")


def test_merge_source_metadata_fills_only_empty_fields():
    bare = source(0, publisher="", published=None, title="", date_note="no publication date")
    new = source(9, content_hash=f"{0:064x}", url="https://x.example/a", date_note="header")
    merged, conflicts = store_module.merge_source_metadata(bare, new)
    assert conflicts == []
    assert (merged.source_id, merged.content_hash) == ("s0", f"{0:064x}")
    assert (merged.publisher, merged.published, merged.url, merged.title) == (
        new.publisher,
        new.published,
        new.url,
        new.title,
    )
    assert merged.date_note == "header"  # the note explains the date that was filled in
    again, conflicts = store_module.merge_source_metadata(merged, merged)
    assert again is merged and conflicts == []
    other = source(0, publisher="Other", published="2024-12-09", url="")
    kept, conflicts = store_module.merge_source_metadata(merged, other)
    assert conflicts == ["published", "publisher", "title"]
    assert kept is merged  # nothing empty to fill, conflicting values ignored


def test_fill_empty_completes_a_stored_source_and_is_idempotent(tmp_path):
    path = tmp_path / "s.sqlite"
    bare = source(0, publisher="", published=None, title="", date_note="no publication date")
    dated = source(7, content_hash=f"{0:064x}", publisher="", date_note="")
    with Store(path) as db:
        db.add_sources(bare)
        assert db.add_sources(dated) == 0 and db.source("s0") == bare  # default: unchanged
        assert db.add(dated, fill_empty=True) == {
            "sources": 0,
            "sources_updated": 1,
            "assertions": 0,
        }
        stored = db.source("s0")
        assert stored.published == dated.published and stored.title == dated.title
        assert stored.publisher == "" and stored.date_note == ""
    snapshot = path.read_bytes()
    with Store(path) as db:  # the same metadata again changes nothing, not even the file
        assert db.add(dated, fill_empty=True)["sources_updated"] == 0
    assert path.read_bytes() == snapshot
    with Store(path) as db:
        # a conflicting value never overwrites the stored one; empty fields are filled
        assert db.add(source(0, published="2024-01-01"), fill_empty=True)["sources_updated"] == 1
        assert db.source("s0").published == dated.published
        assert db.source("s0").publisher == "Publisher 0"
        before = rows(db)
        assert db.add(source(0, published="2024-01-01"), fill_empty=True)["sources_updated"] == 0
        assert rows(db) == before


def test_failure_while_filling_metadata_leaves_store_unchanged(store, monkeypatch):
    store.add_sources(source(0, published=None, title=""))
    before = rows(store)
    fail_on_call(monkeypatch, "_insert_assertion", 1)
    with pytest.raises(sqlite3.OperationalError):
        store.add(source(0), claim(1), fill_empty=True)
    assert rows(store) == before


def test_bad_row_mid_import_leaves_store_unchanged(store, tmp_path):
    store.add_sources(source(0))
    folder = tmp_path / "in"
    other = Store()
    other.add_sources([source(0), source(1)])
    other.add_assertions([claim(i, src="s1") for i in range(6)])
    other.export_csv(folder)
    path = folder / "assertions.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[5] = lines[5].replace("captured", "conquered")  # line 6 of the file
    path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(DataError) as info:
        store.import_csv(folder)
    message = str(info.value)
    assert "assertions.csv:6" in message and "conquered" in message
    assert info.value.line == 6
    assert store.counts() == {"sources": 1, "assertions": 0}


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda row: row.update(event_date="7 Dec"), "event_date"),
        (lambda row: row.update(start="x"), "start"),
        (lambda row: row.update(confidence="2"), "confidence"),
        (lambda row: row.update(stance="maybe"), "stance"),
        (lambda row: row.update(actor="martians"), "martians"),
    ],
)
def test_bad_csv_values_name_file_line_value(tmp_path, edit, expected):
    folder = tmp_path / "in"
    folder.mkdir()
    row = claim(0).to_row()
    edit(row)
    with open(folder / "sources.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, SOURCE_FIELDS)
        w.writeheader()
        w.writerow(source(0).to_row())
    with open(folder / "assertions.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, ASSERTION_FIELDS)
        w.writeheader()
        w.writerow(row)
    store = Store()
    with pytest.raises(DataError) as info:
        store.import_csv(folder)
    assert str(folder / "assertions.csv") + ":2" in str(info.value)
    assert expected in str(info.value)
    assert store.counts() == {"sources": 0, "assertions": 0}


def test_missing_columns(tmp_path):
    (tmp_path / "assertions.csv").write_text("assertion_id,quote\n", encoding="utf-8")
    with pytest.raises(DataError, match="missing columns"):
        Store().import_csv(tmp_path)


def _rich_store():
    s = Store()
    s.add_sources(
        [
            source(0, url="", date_note='established from "Saturday",\nsee note'),
            source(1, published=None, url="https://example.org/a?b=1,2", publisher="وكالة"),
        ]
    )
    s.add_assertions(
        [
            claim(
                0,
                start=0,
                end=46,
                claimant="rebel commander",
                claimant_side="opposition",
                note="",
                confidence=0.3333333333333333,
            ),
            claim(
                1,
                start=13,
                end=60,
                src="s1",
                relation="withdrew",
                stance="denied",
                actor="government",
                date_precision="published",
                place_precision="near",
                note='a "note", with\nnewline',
                method="rule:seize_active",
            ),
            claim(
                2,
                start=67,
                end=len(TEXT),
                src="s1",
                place_name="حماة",
                relation="lost",
                stance="unverified",
                event_date="2024-11-27",
                confidence=0.0,
            ),
        ]
    )
    return s


def _everything(s):
    return sorted(x.to_row().items() for x in s.sources()), sorted(
        tuple(x.to_row().items()) for x in s.assertions()
    )


def test_csv_round_trip_is_lossless(tmp_path):
    s = _rich_store()
    s.export_csv(tmp_path / "out")
    t = Store(tmp_path / "copy.sqlite")
    assert t.import_csv(tmp_path / "out") == {"sources": 2, "assertions": 3}
    assert t.sources() == s.sources() and t.assertions() == s.assertions()
    assert t.sources()[1].published is None and t.sources()[0].url == ""
    assert any("\n" in a.quote for a in t.assertions())
    # export of the copy is byte-identical
    t.export_csv(tmp_path / "again")
    for name in ("sources.csv", "assertions.csv"):
        assert (tmp_path / "out" / name).read_bytes() == (tmp_path / "again" / name).read_bytes()


def test_jsonl_round_trip_is_lossless(tmp_path):
    s = _rich_store()
    path = s.export_jsonl(tmp_path / "all.jsonl")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(x)["kind"] for x in lines] == ["source"] * 2 + ["assertion"] * 3
    assert json.loads(lines[1])["published"] is None
    t = Store()
    assert t.import_jsonl(path) == {"sources": 2, "assertions": 3}
    assert _everything(t) == _everything(s)
    assert t.import_jsonl(path) == {"sources": 0, "assertions": 0}


def test_bad_jsonl_line(tmp_path):
    s = _rich_store()
    path = s.export_jsonl(tmp_path / "all.jsonl")
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.insert(3, "{not json")
    path.write_text("\n".join(lines), encoding="utf-8")
    t = Store()
    with pytest.raises(DataError, match=r"all.jsonl:4"):
        t.import_jsonl(path)
    assert t.counts() == {"sources": 0, "assertions": 0}


def test_frames(store):
    store.add_sources([source(0), source(1)])
    store.add_assertions([claim(i, event_date=f"2024-12-0{i + 1}") for i in range(5)])
    frame = store.assertions_frame()
    assert list(frame.columns) == list(ASSERTION_FIELDS)
    assert len(frame) == 5 and frame["event_date"].dtype.kind == "M"
    assert len(store.assertions_frame("wof:1")) == 1
    assert len(store.assertions_frame(["wof:1", "wof:2"])) == 2
    assert len(store.assertions_frame(start="2024-12-02", end="2024-12-03")) == 2
    assert len(store.assertions_frame(end=dt.date(2024, 12, 1))) == 1
    sources = store.sources_frame()
    assert list(sources.columns) == list(SOURCE_FIELDS)
    assert sources["published"].dtype.kind == "M"
    empty = Store().assertions_frame()
    assert list(empty.columns) == list(ASSERTION_FIELDS) and empty.empty


def test_evidence_frame_filters_by_date_and_publication(store):
    store.add_sources(
        [
            source(0, published="2024-12-05"),
            source(1, published="2024-12-08"),
            source(2, published=None),
        ]
    )
    store.add_assertions(
        [claim(0), claim(1, src="s1"), claim(2, src="s2"), claim(3, event_date="2024-12-09")]
    )
    assert len(store.evidence_frame("2024-12-08")) == 3
    ev = store.evidence_frame("2024-12-08", as_reported_by="2024-12-06")
    assert set(ev["source_id"]) == {"s0"}
    assert {"publisher", "published"} <= set(ev.columns)


def _create_v1(path):
    conn = sqlite3.connect(path, isolation_level=None)
    for statement in MIGRATIONS[0]:
        conn.execute(statement)
    conn.execute("UPDATE schema_version SET version = 1")
    conn.execute(
        "INSERT INTO sources (source_id, publisher, published, content_hash) "
        "VALUES ('s0', 'Old', '2024-12-05', ?)",
        ("a" * 64,),
    )
    a = claim(0)
    conn.execute(
        "INSERT INTO assertions (assertion_id, source_id, place_id, place_name, actor, "
        "relation, stance, claimant, claimant_side, event_date, date_precision, quote, "
        'start, "end", method, confidence, note) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)',
        (
            a.assertion_id,
            "s0",
            a.place_id,
            "",
            a.actor,
            "captured",
            "asserted",
            "",
            "",
            "2024-12-05",
            "day",
            a.quote,
            a.start,
            a.end,
            "manual",
            1.0,
            "",
        ),
    )
    conn.close()
    return a


def test_v1_store_is_migrated_on_open(tmp_path):
    path = tmp_path / "old.sqlite"
    a = _create_v1(path)
    with Store(path) as s:
        assert s.schema_version == SCHEMA_VERSION == 2
        assert s.sources()[0].date_note == ""
        assert s.assertions() == [a]
        assert s.assertions()[0].place_precision == "place"
        # the unique index of version 2 is in place: same hash, other id → de-duplicated
        assert s.add_sources(source(9, content_hash="a" * 64)) == 0
    with Store(path) as s:  # reopening does nothing more
        assert s.schema_version == 2


def test_newer_store_is_refused(tmp_path):
    path = tmp_path / "new.sqlite"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE schema_version SET version = ?", (SCHEMA_VERSION + 1,))
    conn.commit()
    conn.close()
    with pytest.raises(SchemaVersionError, match="upgrade syriamap"):
        Store(path)


def test_foreign_sqlite_or_garbage_is_a_store_error(tmp_path):
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError):
        Store(garbage)
    other = tmp_path / "other.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="not a syriamap store"):
        Store(other)
    with pytest.raises(StoreError):
        Store(tmp_path / "missing" / "s.sqlite")


def test_open_store_uses_path_then_env_then_bundled(tmp_path, monkeypatch):
    monkeypatch.delenv(store_module.ENV_VAR, raising=False)
    bundled = open_store()
    assert bundled.path is None
    env_path = tmp_path / "env.sqlite"
    monkeypatch.setenv(store_module.ENV_VAR, str(env_path))
    assert open_store().path == env_path
    assert open_store(tmp_path / "x.sqlite").path == tmp_path / "x.sqlite"


def test_bundled_store_holds_the_package_seed_data(monkeypatch):
    import importlib.resources

    monkeypatch.delenv(store_module.ENV_VAR, raising=False)
    data = importlib.resources.files("syriamap.data")
    counts = open_store().counts()
    if data.joinpath("sources.csv").is_file():
        with data.joinpath("sources.csv").open(encoding="utf-8") as fh:
            assert counts["sources"] == len(list(csv.DictReader(fh)))
    if data.joinpath("assertions.csv").is_file():
        with data.joinpath("assertions.csv").open(encoding="utf-8") as fh:
            assert counts["assertions"] == len(list(csv.DictReader(fh)))
