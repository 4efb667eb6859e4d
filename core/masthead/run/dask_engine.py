"""The distributed runner, on Dask distributed (an optional extra: ``masthead[dask]``).

``masthead ingest --engine dask`` runs by shard (:mod:`masthead.run.cluster`):
workers read their own inputs and write their own parts. This module holds
what both share (:func:`open_client`, :func:`wait_for_workers`) and
:func:`run_on_dask`, the API for a stream of documents the caller already
holds (read here, shipped to the cluster in batches).

Same pipeline, same records as the local runners; only where
:meth:`~masthead.pipeline.Pipeline.process` runs changes. With
:func:`run_on_dask` the client process reads the inputs, ships documents in
batches to the cluster, and hands what comes back to its
:class:`~masthead.run.runners.Outlet`. So inputs and output need to be
visible to the client only, not to every worker (no shared filesystem), and
the per-document work left on the client is I/O and JSON encoding, a small
fraction of parsing.

Streaming with a bounded footprint: at most ``2 x`` the cluster's worker
threads batches are in flight (plus, in ``deterministic`` mode, as many
finished batches waiting for an earlier one), whatever the corpus size.
Each worker builds its pipeline once from the run's
:class:`~masthead.run.runconfig.PipelineConfig` (cached per worker thread) and
reports the fingerprint of its plugins with every batch: a worker with other
plugins stops the run instead of writing different records.

When a worker dies on a batch (Dask retries it elsewhere first, then gives
up with ``KilledWorker``), the batch is split and each document retried on
its own; one that still takes a worker down is rerun once more with nothing
else running (Dask blames every task a dying worker held) and only then
rejected as ``worker_died``: one bad document costs one record. Dask has no
per-task time limit: a plugin that hangs forever holds its batch; use the
local process runner (``--timeout``) for untrusted plugins.
"""

from __future__ import annotations

import contextlib
import logging
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import attrs
import structlog

from masthead.io.readers import ReadResult
from masthead.models import Article, Rejection
from masthead.run.batching import batches
from masthead.run.runconfig import PipelineConfig, cached_pipeline, check_fingerprint, fingerprint
from masthead.run.runners import Outlet, Reorder
from masthead.run.summary import Summary

log = structlog.get_logger("masthead.run.dask_engine")

Record = Article | Rejection
#: Documents per task: large enough that Dask's per-task overhead (about a
#: millisecond) vanishes, small enough to spread work evenly and lose
#: little when a worker dies.
BATCH_SIZE = 32
#: A batch is closed early once its documents reach this many bytes.
BATCH_BYTES = 4 * 1024 * 1024
#: Seconds to wait for the cluster's first worker before giving up.
WORKER_WAIT = 60
INSTALL_HINT = "pip install 'masthead[dask]'"
#: Dask's statistical profiler samples each worker thread every 10 ms and keeps
#: one profile a second for the last 1,000 (``distributed.admin.low-level-log-length``):
#: with masthead's deep parsing stacks a worker's memory grows by about 0.1 MB a
#: second for a quarter of an hour, so its peak follows the run's length.
PROFILER = "distributed.worker.profile.enabled"


class EngineUnavailable(RuntimeError):
    """Dask distributed is not installed, or the scheduler cannot be reached."""


def import_distributed() -> Any:
    """The ``distributed`` module, or :class:`EngineUnavailable` saying how to get it."""
    try:
        import distributed
    except ImportError as exc:
        raise EngineUnavailable(f"--engine dask needs Dask distributed, not installed: {INSTALL_HINT}") from exc
    return distributed


@contextlib.contextmanager
def open_client(scheduler: str | None = None, workers: int | None = None) -> Iterator[Any]:
    """A Dask client: of the cluster at ``scheduler``, else of a new local cluster.

    The local cluster has ``workers`` single-threaded worker processes
    (parsing is CPU-bound Python: threads would share one GIL), not
    daemonic so that they may start a supervised child per task, without
    Dask's statistical profiler (:data:`PROFILER`), and listens on loopback
    only (its status page on a random loopback port).
    """
    distributed = import_distributed()
    if scheduler:
        try:
            client = distributed.Client(scheduler)  # waits distributed.comm.timeouts.connect
        except (OSError, TimeoutError) as exc:
            raise EngineUnavailable(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
        with contextlib.closing(client):
            yield client
        return
    import dask

    # Workers that may start processes: a shard task runs documents in a supervised child.
    dask.config.set({"distributed.worker.daemon": False, PROFILER: False})
    cluster = distributed.LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address="127.0.0.1:0",
        silence_logs=logging.ERROR,
    )
    with contextlib.closing(cluster), contextlib.closing(distributed.Client(cluster)) as client:
        yield client


def wait_for_workers(client: Any) -> None:
    """Return once the cluster has a worker, or raise :class:`EngineUnavailable` after :data:`WORKER_WAIT` s.

    Workers that run Dask's profiler (:data:`PROFILER`) are named in a
    ``worker_profiler_on`` warning: their memory grows with the run's length.
    """
    try:
        client.wait_for_workers(1, timeout=WORKER_WAIT)
    except (TimeoutError, OSError) as exc:
        raise EngineUnavailable(f"no Dask worker joined the cluster within {WORKER_WAIT} s") from exc
    profiled = sorted(address for address, on in client.run(_profiling).items() if on)
    if profiled:
        log.warning("worker_profiler_on", workers=profiled, note=PROFILER_HINT)


PROFILER_HINT = "start workers with DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED=False to keep their memory flat"


def _profiling() -> bool:
    import dask

    return bool(dask.config.get(PROFILER))


def process_batch(config: PipelineConfig, items: list[ReadResult]) -> tuple[object, list[Record]]:
    """The task run on workers: every document of a batch through the pipeline
    (:meth:`~masthead.pipeline.Pipeline.process_many`, in the in-process
    runner's batches: a task's batch is sized for shipping, and the pages of
    a pipeline batch are all in memory at once).

    Rejections made while reading pass through, so a batch keeps input order.
    """
    pipeline = cached_pipeline(config)
    documents = [item for item in items if not isinstance(item, Rejection)]
    made = iter([record for part in batches(documents) for record in pipeline.process_many(part)])
    records = [item if isinstance(item, Rejection) else next(made) for item in items]
    return fingerprint(pipeline), records


@attrs.define
class _Batch:
    index: int
    items: list[ReadResult]
    part: int = 0  # which piece of a split batch, in order
    suspect: bool = False  # rerun alone after its worker died


def _died(item: ReadResult, error: str) -> Record:
    if isinstance(item, Rejection):
        return item
    return Rejection(
        input=item.uri, stage="parse", reason="worker_died", error=f"masthead: {error}", sha256=item.sha256
    )


def run_on_dask(
    documents: Iterable[ReadResult],
    config: PipelineConfig,
    outlet: Outlet,
    *,
    client: Any,
    deterministic: bool = False,
    batch_size: int = BATCH_SIZE,
    expected: object = None,
) -> Summary:
    """Process ``documents`` on the Dask cluster of ``client``; see the module docstring.

    Records are delivered as batches finish, or in input order with
    ``deterministic``; ``expected`` is the run's plugin fingerprint.
    """
    distributed = import_distributed()
    wait_for_workers(client)

    def write(records: list[Record]) -> None:
        for record in records:
            outlet.deliver(record)

    _DaskRun(
        client, distributed, config, batches(documents, batch_size, BATCH_BYTES), write, deterministic, expected
    ).run()
    return outlet.summary


class _DaskRun:
    """The client side of one run: a bounded window of batches in flight.

    A batch whose worker died is split into one-document batches; a lone
    document whose worker died becomes a suspect, rerun while nothing else
    runs (Dask blames every task a dying worker held, so only a document
    that kills a worker on its own is guilty) and rejected if it does.
    """

    def __init__(
        self,
        client: Any,
        distributed: Any,
        config: PipelineConfig,
        source: Iterator[list[ReadResult]],
        write: Callable[[list[Record]], None],
        deterministic: bool,
        expected: object,
    ) -> None:
        self.client = client
        self.distributed = distributed
        self.config = config
        self.source = enumerate(source)
        self.write = write
        self.deterministic = deterministic
        self.expected = expected
        self.window = 2 * max(1, sum(client.nthreads().values()))
        self.key = f"masthead-{uuid.uuid4().hex[:8]}"
        self.in_flight: dict[Any, _Batch] = {}
        self.split: dict[int, list[list[Record] | None]] = {}
        self.suspects: deque[_Batch] = deque()
        self.order: Reorder[list[Record]] = Reorder()
        self.finished = distributed.as_completed()
        self.submitted = 0

    def run(self) -> None:
        self.feed()
        for future in self.finished:
            batch = self.in_flight.pop(future)
            try:
                got, records = future.result()
            except self.distributed.KilledWorker as exc:
                self.killed(batch, exc)
            else:
                check_fingerprint(got, self.expected)
                self.done(batch, records)
            finally:
                future.release()
            self.feed()

    def submit(self, batch: _Batch) -> None:
        self.submitted += 1
        key = f"{self.key}-{batch.index}-{batch.part}-{self.submitted}"
        future = self.client.submit(process_batch, self.config, batch.items, key=key, pure=False, retries=0)
        self.in_flight[future] = batch
        self.finished.add(future)

    def feed(self) -> None:
        if self.suspects:  # a suspect runs alone, so that its worker's death can only be its own doing
            if not self.in_flight:
                self.submit(self.suspects.popleft())
            return
        while len(self.in_flight) < self.window and len(self.order) < self.window:
            try:
                index, items = next(self.source)
            except StopIteration:
                return
            self.submit(_Batch(index, items))

    def killed(self, batch: _Batch, exc: BaseException) -> None:
        if len(batch.items) > 1:
            self.split[batch.index] = [None] * len(batch.items)
            for part, item in enumerate(batch.items):
                self.submit(_Batch(batch.index, [item], part))
        elif not batch.suspect:
            self.suspects.append(attrs.evolve(batch, suspect=True))
        else:
            self.done(
                batch, [_died(item, f"the worker process died running this document ({exc})") for item in batch.items]
            )

    def done(self, batch: _Batch, records: list[Record]) -> None:
        if batch.index in self.split:
            pieces = self.split[batch.index]
            pieces[batch.part] = records
            if any(piece is None for piece in pieces):
                return
            del self.split[batch.index]
            records = [record for piece in pieces if piece is not None for record in piece]
        for ready in self.order.push(batch.index, records) if self.deterministic else (records,):
            self.write(ready)
