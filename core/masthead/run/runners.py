"""Runners: drive documents through the pipeline into the sinks.

Every runner keeps the same contract: each document read produces exactly one
record, an article for the output sink or a rejection for the rejects sink,
and the summary counts both. They differ only in where
:meth:`~masthead.pipeline.Pipeline.process` runs:

* :func:`run_in_process` — here;
* :func:`run_in_processes` — in supervised local worker processes
  (:mod:`masthead.run.pool`): a per-document time limit, and a plugin that hangs,
  crashes or exhausts memory costs one document, not the run;
* :func:`masthead.run.dask_engine.run_on_dask` — on a Dask distributed cluster.

Reading, counting, progress and writing always happen in the calling
process, so :class:`~masthead.run.progress.Progress` and the summary work the
same with every runner. Each hands the pipeline a batch of documents at a
time (:mod:`masthead.run.batching`). Workers rebuild the pipeline from a
picklable :class:`~masthead.run.runconfig.PipelineConfig`, once per worker.

Which local runner: :func:`plan` picks worker processes only when they pay
off: more than one worker asked for, and at least :data:`SMALL_INPUT`
documents (found by reading that many ahead, a bounded peek). Below that,
starting processes costs more than the work, and an in-process run is
simpler to debug. There a plugin that hangs is stopped by a ``SIGALRM``
deadline (``timeout``), and a plugin's ``MemoryError``, ``SystemExit`` or
``KeyboardInterrupt`` is a rejection naming it; a hard crash (segfault,
``os._exit``), though, takes the run with it: only worker processes isolate
those.

Delivering a record (count, write, checkpoint) is one step a stop signal
cannot cut (:func:`masthead.run.stopping.deferred`).
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterable, Iterator
from typing import Generic, TypeVar

import structlog

from masthead.io.dedup import Deduplicator
from masthead.io.readers import ReadResult
from masthead.io.sinks import Sink
from masthead.models import Article, Rejection
from masthead.pipeline import Pipeline
from masthead.run.batching import BATCH, BATCH_BYTES, batches, guarded
from masthead.run.progress import Progress
from masthead.run.runconfig import PipelineConfig
from masthead.run.stopping import deferred, stop_signals
from masthead.run.summary import Summary

#: Inputs with fewer documents than this run in process (see the module docstring).
SMALL_INPUT = 50
#: In input order (``deterministic``), how many finished records may wait per worker.
ORDER_WINDOW_PER_WORKER = 64

T = TypeVar("T")
log = structlog.get_logger("masthead.run")


class Outlet:
    """Where every record of a run goes, whatever the runner.

    A record is counted, then written to the output or the rejects sink. An
    article whose id was seen before is counted as a duplicate and not
    written (unless ``dedup`` is ``None``). ``after_each`` runs once per
    record, after it is written: the hook for progress and checkpoints.
    """

    def __init__(
        self,
        sink: Sink,
        rejects: Sink | None,
        summary: Summary,
        progress: Progress | None = None,
        *,
        dedup: Deduplicator | None = None,
        after_each: Callable[[], None] | None = None,
    ) -> None:
        self.sink = sink
        self.rejects = rejects
        self.summary = summary
        self.progress = progress
        self.dedup = dedup
        self.after_each = after_each

    def deliver(self, record: Article | Rejection) -> None:
        with deferred():
            if isinstance(record, Article) and self.dedup is not None and self.dedup.is_duplicate(record):
                self.summary.count_duplicate()
                log.info(
                    "document_duplicate", uri=record.provenance.input, plugin=record.provenance.plugin, id=record.id
                )
            else:
                _log_record(record)
                self.summary.count(record)
                if isinstance(record, Article):
                    self.sink.write(record)
                elif self.rejects is not None:
                    self.rejects.write(record)
            if self.after_each is not None:
                self.after_each()
        if self.progress is not None:
            self.progress.update()


def _log_record(record: Article | Rejection) -> None:
    """The per-document event: every rejection, whatever its stage or runner,
    is logged here, once, in the process that writes the records."""
    if isinstance(record, Article):
        log.info("document_ingested", uri=record.provenance.input, plugin=record.provenance.plugin)
    else:
        log.warning(
            "document_rejected",
            uri=record.input,
            plugin=record.plugin,
            stage=record.stage,
            reason=record.reason,
            error=record.error,
        )


def run_in_process(
    documents: Iterable[ReadResult],
    pipeline: Pipeline,
    outlet: Outlet,
    *,
    timeout: float | None = None,
    batch: int = BATCH,
    batch_bytes: int = BATCH_BYTES,
) -> Summary:
    """Process ``documents`` in this process, streaming, ``batch`` at a time
    (fewer where they hold more than ``batch_bytes``).

    Each batch goes through :meth:`~masthead.pipeline.Pipeline.process_many`
    (the same records as one document at a time, for less CPU), and its
    records are delivered in input order before the next batch is read.

    With ``timeout`` (seconds), a document whose plugins run longer is
    rejected as ``timeout`` naming the plugin that was running, and the run
    goes on. The budget uses ``SIGALRM``, so it applies on the main thread
    of a POSIX process (:func:`~masthead.run.batching.budget_available`); elsewhere documents run
    without one.
    """
    process = guarded(pipeline, timeout)
    with stop_signals():
        for items in batches(documents, batch, batch_bytes):
            for record in process(items):
                outlet.deliver(record)
    return outlet.summary


def run_in_processes(
    documents: Iterable[ReadResult],
    config: PipelineConfig,
    outlet: Outlet,
    *,
    workers: int,
    timeout: float | None = 30.0,
    memory_limit_mb: int | None = None,
    deterministic: bool = False,
    expected: object = None,
) -> Summary:
    """Process ``documents`` in ``workers`` supervised local processes.

    Records are delivered as they finish; with ``deterministic`` they are
    delivered in input order (the in-process runner's order), holding at
    most :data:`ORDER_WINDOW_PER_WORKER` finished records per worker while
    a slow document holds the line. ``timeout`` (seconds, ``None`` for no
    limit) bounds each document; ``memory_limit_mb`` caps each worker's
    address space; ``expected`` is the run's plugin fingerprint, checked
    against every worker's.
    """
    from masthead.run.pool import WorkerPool  # and multiprocessing: not needed by an in-process run

    pool = WorkerPool(config, workers, timeout=timeout, memory_limit_mb=memory_limit_mb, expected=expected)
    numbered = enumerate(documents)
    order: Reorder[Article | Rejection] = Reorder()
    window = ORDER_WINDOW_PER_WORKER * workers
    results = pool.imap(numbered, may_submit=(lambda: len(order) < window) if deterministic else (lambda: True))
    try:
        for seq, record in results:
            for ready in order.push(seq, record) if deterministic else (record,):
                outlet.deliver(ready)
    finally:
        results.close()  # stops the workers now, also on Ctrl-C or a sink error
    return outlet.summary


class Reorder(Generic[T]):
    """Restores input order to results that finish out of order.

    :meth:`push` takes the result numbered ``seq`` (numbers start at 0 and
    each appears once) and returns every result now due, in order; the
    results still waiting for an earlier one are counted by ``len()``.
    """

    def __init__(self) -> None:
        self.next = 0
        self._waiting: dict[int, T] = {}

    def __len__(self) -> int:
        return len(self._waiting)

    def push(self, seq: int, item: T) -> list[T]:
        self._waiting[seq] = item
        due = []
        while self.next in self._waiting:
            due.append(self._waiting.pop(self.next))
            self.next += 1
        return due


def cpu_count() -> int:
    """CPUs this process may run on (affinity and container limits respected)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def default_memory_limit_mb(workers: int) -> int:
    """A worker's share of physical memory: 80 % split evenly, at least 1 GiB.

    Generous on purpose: the cap is there to turn a runaway plugin into one
    rejected document before the kernel's OOM killer picks a victim, not to
    constrain normal pages.
    """
    try:
        total = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):
        return 0
    return max(1024, int(total * 0.8 / max(1, workers)) // (1024 * 1024))


def plan(documents: Iterable[ReadResult], workers: int) -> tuple[Iterator[ReadResult], bool]:
    """``(documents, parallel)``: whether worker processes are worth starting.

    Reads up to :data:`SMALL_INPUT` documents ahead to find out, and returns
    an iterator that still yields every document, the peeked ones first.
    """
    stream = iter(documents)
    if workers <= 1:
        return stream, False
    head = list(itertools.islice(stream, SMALL_INPUT))
    return itertools.chain(head, stream), len(head) >= SMALL_INPUT
