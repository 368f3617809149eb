"""Where batches run: in this process, or on a Dask distributed cluster.

Both runners give the same two operations, so the caller has one code path:

- ``runner.map(fn, batches, *args)`` yields ``(batch, fn(batch, *args))`` for each batch
  **in the order of the batches**, computing ahead while the caller consumes. On a cluster at most
  ``window`` batches are in flight or waiting to be consumed, so the client's memory is
  bounded however many batches there are; a worker that dies has its batches recomputed
  by the scheduler.
- ``runner.call(fn, *args)`` runs one small task and returns its result.

:func:`open_runner` picks the runner: an existing cluster (a ``distributed.Client`` or a
scheduler address, else ``$SYRIAMAP_SCHEDULER`` when ``workers`` is not given), a
``LocalCluster`` of ``workers`` processes, or this process for ``workers`` of 1 (no
cluster is started, Dask is not even imported).
"""

from __future__ import annotations

import contextlib
import logging
import os
import uuid
import warnings
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from .errors import SyriamapError

__all__ = ["SCHEDULER_ENV_VAR", "DaskRunner", "InProcessRunner", "open_runner"]

SCHEDULER_ENV_VAR = "SYRIAMAP_SCHEDULER"

T = TypeVar("T")
R = TypeVar("R")


class InProcessRunner:
    """Run every batch here, one after the other."""

    workers = 1

    def map(self, fn: Callable[..., R], batches: Iterable[T], *args: Any) -> Iterator[tuple[T, R]]:
        """Yield ``(batch, fn(batch, *args))`` for each batch, in order."""
        for batch in batches:
            yield batch, fn(batch, *args)

    def call(self, fn: Callable[..., R], *args: Any) -> R:
        """Return ``fn(*args)``."""
        return fn(*args)

    def close(self) -> None:
        """Nothing to release."""


class DaskRunner:
    """Run batches on a Dask distributed cluster through ``client``.

    Parameters
    ----------
    client
        A connected ``distributed.Client``.
    cluster
        A cluster this runner started and must close (``None`` for a cluster it was given).
    own_client
        Close ``client`` on :meth:`close`.
    """

    def __init__(self, client: Any, cluster: Any = None, *, own_client: bool = True) -> None:
        self.client = client
        self.cluster = cluster
        self.own_client = own_client
        threads = sum(client.nthreads().values())
        self.workers = max(1, len(client.nthreads()))
        self.window = max(4, 2 * threads + 2)

    def map(self, fn: Callable[..., R], batches: Iterable[T], *args: Any) -> Iterator[tuple[T, R]]:
        """Yield ``(batch, fn(batch, *args))`` in batch order, at most ``window`` ahead."""
        from distributed import as_completed

        token = uuid.uuid4().hex[:8]
        name = getattr(fn, "__name__", "task").strip("_")
        source = iter(enumerate(batches))
        pending: dict[str, tuple[int, T, Any]] = {}  # key -> (batch number, batch, future)
        ready: dict[int, tuple[T, R]] = {}
        queue = as_completed()
        following = 0
        exhausted = False

        def top_up() -> None:
            nonlocal exhausted
            while not exhausted and len(pending) + len(ready) < self.window:
                try:
                    number, batch = next(source)
                except StopIteration:
                    exhausted = True
                    return
                key = f"syriamap-{name}-{token}-{number}"
                future = self.client.submit(fn, batch, *args, key=key, pure=False)
                pending[key] = (number, batch, future)
                queue.add(future)

        try:
            top_up()
            while pending or ready:
                if following not in ready:
                    future = next(queue)
                    number, batch, _ = pending.pop(future.key)
                    ready[number] = (batch, future.result())
                    future.release()
                    top_up()
                    continue
                pair = ready.pop(following)
                following += 1
                yield pair
                top_up()
        finally:
            for _, _, future in pending.values():
                future.cancel()
            pending.clear()

    def call(self, fn: Callable[..., R], *args: Any) -> R:
        """Run ``fn(*args)`` on a worker and return its result."""
        future = self.client.submit(fn, *args, pure=False)
        try:
            result: R = future.result()
            return result
        finally:
            future.release()

    def close(self) -> None:
        """Close the client and the cluster this runner started."""
        with contextlib.suppress(Exception):
            if self.own_client:
                self.client.close()
        if self.cluster is not None:
            with contextlib.suppress(Exception):
                self.cluster.close()


def _warm() -> None:
    """Load the gazetteer and the extraction automata once in this worker process."""
    from .extract.document import document_from_text
    from .extract.pipeline import analyse

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        analyse(document_from_text("Rebels seized Hama on Thursday."), published="2024-12-06")


def open_runner(workers: int | None = None, scheduler: Any = None) -> InProcessRunner | DaskRunner:
    """Return the runner for ``workers`` processes or an existing ``scheduler``.

    Parameters
    ----------
    workers
        Start a ``LocalCluster`` of this many worker processes (one thread each); ``1``
        runs in this process. ``None``: ``$SYRIAMAP_SCHEDULER`` if set, else in process.
    scheduler
        An existing cluster: a scheduler address (``tcp://host:8786``) or a
        ``distributed.Client`` (used as it is, not closed).

    Raises
    ------
    SyriamapError
        If both are given, ``workers`` is below 1, or the scheduler cannot be reached.
    """
    if workers is not None and workers < 1:
        raise SyriamapError(f"workers must be at least 1, not {workers}")
    if scheduler is not None and workers is not None:
        raise SyriamapError("give workers or scheduler, not both")
    if scheduler is None and workers is None:
        scheduler = os.environ.get(SCHEDULER_ENV_VAR) or None
    if scheduler is None and (workers is None or workers == 1):
        return InProcessRunner()
    try:
        import distributed
    except ImportError as exc:
        if scheduler is not None:
            raise SyriamapError(
                "a scheduler needs Dask distributed: pip install 'dask[distributed]'"
            ) from exc
        warnings.warn(
            f"Dask distributed is not installed: running in one process, not {workers}",
            RuntimeWarning,
            stacklevel=3,
        )
        return InProcessRunner()
    if scheduler is not None and not isinstance(scheduler, str):
        return DaskRunner(scheduler, own_client=False)  # a Client: the caller's to close
    cluster = None
    try:
        if scheduler is not None:
            client = distributed.Client(scheduler, timeout="20s")
        else:
            cluster = distributed.LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=":0",
                silence_logs=logging.ERROR,
            )
            client = distributed.Client(cluster)
    except OSError as exc:
        if cluster is not None:
            cluster.close()
        raise SyriamapError(f"cannot reach the Dask scheduler {scheduler}: {exc}") from exc
    try:
        if not client.nthreads():
            client.wait_for_workers(1, timeout=60)
        client.run(_warm)
    except Exception as exc:
        DaskRunner(client, cluster).close()
        raise SyriamapError(
            f"the Dask workers cannot run syriamap ({type(exc).__name__}: {exc}); "
            "install syriamap in the workers' environment"
        ) from exc
    return DaskRunner(client, cluster)
