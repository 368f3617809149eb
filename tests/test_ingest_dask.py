"""syriamap.ingest on a real Dask LocalCluster (2 worker processes).

The cluster is the same code path a user gets with ``--workers 2`` or ``--scheduler``:
the store must come out byte for byte as the in-process run makes it, also when a worker
is killed mid-run, and a client killed with SIGKILL must leave a valid store that a
second run completes without duplicates.
"""

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import warnings

import distributed  # a dependency: these tests never skip
import pytest
from click.testing import CliRunner
from generated_corpus import write_corpus

import syriamap
from syriamap.cli import cli
from syriamap.extract import ExtractWarning
from syriamap.store import Store

pytestmark = [pytest.mark.dask, pytest.mark.slow]

N_FILES = 240
BATCH = 12_000  # bytes: many batches, so that a kill lands mid-run


def exported(path, folder):
    with Store(path) as db:
        db.export_csv(folder)
    return {f.name: f.read_bytes() for f in sorted(folder.iterdir())}


def quiet_ingest(*args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ExtractWarning)
        return syriamap.ingest(*args, progress=False, **kwargs)


def count(path, table="sources"):
    if not path.exists():
        return 0
    conn = sqlite3.connect(path, timeout=10)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0
    finally:
        conn.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder, N_FILES)
    return folder


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory):
    """The in-process run: its store, its CSV export and its summary."""
    base = tmp_path_factory.mktemp("reference")
    summary = quiet_ingest([corpus], store=base / "ref.db", batch_bytes=BATCH)
    assert summary.workers == 1 and summary.assertions_added > 1000
    return base / "ref.db", exported(base / "ref.db", base / "csv"), summary


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=":0",
        silence_logs=50,
    ) as local:
        with distributed.Client(local) as client:
            yield local, client


def test_two_workers_make_the_same_store_as_one_process(corpus, reference, cluster, tmp_path):
    ref_path, ref_csv, ref_summary = reference
    local, client = cluster
    path = tmp_path / "s.db"
    with distributed.get_task_stream(client) as stream:
        summary = quiet_ingest(
            [corpus], store=path, scheduler=local.scheduler_address, batch_bytes=BATCH
        )
    assert summary.workers == 2
    assert str(summary) == str(ref_summary)
    assert exported(path, tmp_path / "csv") == ref_csv
    # both workers extracted batches
    extracting = [t for t in stream.data if "extract_batch" in t["key"]]
    assert len(extracting) > 20 and len({t["worker"] for t in extracting}) == 2
    # again, through a Client object (a notebook's): nothing changes
    again = quiet_ingest([corpus / "part0"], store=path, scheduler=client, batch_bytes=BATCH)
    assert again.workers == 2 and again.sources_already_stored > 50
    assert again.sources_added == 0 and again.assertions_added == 0
    assert exported(path, tmp_path / "csv2") == ref_csv


def test_a_worker_killed_mid_run_changes_nothing(corpus, reference, cluster, tmp_path):
    _, ref_csv, ref_summary = reference
    local, client = cluster
    path = tmp_path / "s.db"
    outcome = {}

    def run():
        try:
            outcome["summary"] = quiet_ingest(
                [corpus], store=path, scheduler=local.scheduler_address, batch_bytes=BATCH
            )
        except BaseException as exc:  # reported by the main thread
            outcome["error"] = exc

    pids = client.run(os.getpid)
    thread = threading.Thread(target=run)
    thread.start()
    deadline = time.monotonic() + 60
    while count(path) == 0 and thread.is_alive() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert thread.is_alive(), "the run ended before a worker could be killed"
    victim = sorted(pids.values())[0]
    os.kill(victim, signal.SIGKILL)
    killed_at = count(path)
    thread.join(120)
    assert not thread.is_alive() and "error" not in outcome, outcome.get("error")
    assert killed_at < ref_summary.sources_added
    assert victim not in client.run(os.getpid).values()  # the nanny started a new worker
    assert str(outcome["summary"]) == str(ref_summary)
    assert exported(path, tmp_path / "csv") == ref_csv
    client.wait_for_workers(2, timeout=60)


def test_a_client_killed_mid_run_leaves_a_valid_store_and_a_rerun_completes_it(
    corpus, reference, cluster, tmp_path
):
    ref_path, ref_csv, ref_summary = reference
    local, _ = cluster
    with Store(ref_path) as db:
        expected = {s.source_id: db.assertions(source_id=s.source_id) for s in db.sources()}
    path = tmp_path / "s.db"
    env = {**os.environ, "SYRIAMAP_SCHEDULER": local.scheduler_address}
    command = [
        sys.executable,
        "-c",
        "import sys; from syriamap.cli import main; sys.exit(main(sys.argv[1:]))",
        "ingest",
        str(corpus),
        "--store",
        str(path),
        "--batch-kb",
        str(BATCH // 1024),
    ]
    client = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 90
        while count(path) == 0 and client.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)
        assert client.poll() is None, "the client finished before it could be killed"
        client.send_signal(signal.SIGKILL)
        client.wait(30)
    finally:
        if client.poll() is None:
            client.kill()
            client.wait(30)
    assert client.returncode == -signal.SIGKILL

    # a valid store, holding whole sources (each with all of its assertions), not all
    with Store(path) as db:
        assert db._query("PRAGMA integrity_check") == [("ok",)]
        stored = db.sources()
        assert 0 < len(stored) < len(expected)
        for source in stored:
            assert db.assertions(source_id=source.source_id) == expected[source.source_id]

    rerun = CliRunner().invoke(
        cli,
        ["ingest", str(corpus), "--store", str(path), "--batch-kb", str(BATCH // 1024)],
        env={"SYRIAMAP_SCHEDULER": local.scheduler_address},
    )
    assert rerun.exit_code == 0, rerun.output
    assert f"sources: {ref_summary.sources_added - len(stored)} added" in rerun.output
    assert exported(path, tmp_path / "csv") == ref_csv
    with Store(path) as db:
        assert db.counts() == {
            "sources": ref_summary.sources_added,
            "assertions": ref_summary.assertions_added,
        }


def test_cli_workers_2_starts_its_own_cluster(corpus, tmp_path):
    part = corpus / "part1"
    reference = tmp_path / "ref.db"
    expected = quiet_ingest([part], store=reference)
    path = tmp_path / "s.db"
    result = CliRunner().invoke(
        cli,
        ["ingest", str(part), "--store", str(path), "--workers", "2", "--batch-kb", "8"],
        env={"SYRIAMAP_SCHEDULER": ""},
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(expected)
    assert exported(path, tmp_path / "csv") == exported(reference, tmp_path / "ref")


def test_parquet_on_the_cluster_is_the_in_process_data_set(corpus, cluster, tmp_path):
    import pyarrow.dataset as ds

    from syriamap.parquet import extract_parquet

    local, _ = cluster
    part = corpus / "part2"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ExtractWarning)
        here = extract_parquet([part], tmp_path / "here", progress=False)
        there = extract_parquet(
            [part], tmp_path / "there", scheduler=local.scheduler_address, progress=False
        )
    assert (here.rows, here.partitions) == (there.rows, there.partitions) and here.rows > 100

    def rows(folder):
        table = ds.dataset(folder, partitioning="hive").to_table()
        return sorted(tuple(str(v) for v in r.values()) for r in table.to_pylist())

    assert rows(tmp_path / "here") == rows(tmp_path / "there")
