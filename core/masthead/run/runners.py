"""Runners: drive documents through the pipeline into the sinks.

Every runner keeps the same contract: each document read produces exactly one
record, an article for the output sink or a rejection for the rejects sink,
and the summary counts both. They differ only in where
:meth:`~masthead.pipeline.Pipeline.process` runs:

* :func:`run_in_process` — here, a batch of documents at a time;
* :func:`run_in_processes` — in supervised local worker processes
  (:mod:`masthead.run.pool`): a per-document time limit, and a plugin that hangs,
  crashes or exhausts memory costs one document, not the run;
* :func:`masthead.run.dask_engine.run_on_dask` — on a Dask distributed cluster.

Reading, counting, progress and writing always happen in the calling
process, so :class:`~masthead.run.progress.Progress` and the summary work the
same with every runner. Workers rebuild the pipeline from a picklable
:class:`~masthead.run.runconfig.PipelineConfig`, once per worker.

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
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, Generic, TypeVar

import attrs
import structlog

from masthead.extract.document import RawDocument
from masthead.extract.language import LanguageDecision
from masthead.io.dedup import Deduplicator
from masthead.io.readers import ReadResult
from masthead.io.sinks import Sink
from masthead.models import Article, Rejection
from masthead.pipeline import Drafted, Pipeline, Routed
from masthead.run.progress import Progress
from masthead.run.runconfig import PipelineConfig
from masthead.run.stopping import deferred, stop_signals
from masthead.run.summary import Summary
from masthead.run.tracing import PluginOutOfMemory, traced_pipeline
from masthead.run.worker import memory_rejection

#: Inputs with fewer documents than this run in process (see the module docstring).
SMALL_INPUT = 50
#: Documents an in-process run takes at a time (:func:`run_in_process`),
#: and about how many bytes of them at most: a batch's pages are all in
#: memory at once, their trees too.
BATCH = 32
BATCH_BYTES = 64 * 1024
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
    of a POSIX process (:func:`budget_available`); elsewhere documents run
    without one.
    """
    process = guarded(pipeline, timeout)
    with stop_signals():
        for items in batches(documents, batch, batch_bytes):
            for record in process(items):
                outlet.deliver(record)
    return outlet.summary


def guarded(
    pipeline: Pipeline, timeout: float | None = None
) -> Callable[[Sequence[ReadResult]], list[Article | Rejection]]:
    """``pipeline.process_many`` as a runner without worker processes calls it,
    on a batch of documents (a rejection made while reading is its own record).

    A plugin's ``SystemExit``, ``KeyboardInterrupt`` or ``MemoryError`` and,
    with ``timeout`` where :func:`budget_available`, a plugin that overruns,
    become a rejection naming the plugin instead of ending the caller.
    """
    return _Budget(pipeline, timeout if timeout and budget_available() else None).process_many


def budget_available() -> bool:
    """Whether this thread can time a document with ``SIGALRM``."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


#: ``signal.signal`` as CPython's ``_signal`` module has it, without the
#: wrapper that turns the handler it returns into an enum member: here that
#: handler is only handed back to it. For a method handler the wrapper's
#: lookup fails with a ValueError raised and caught, which made setting and
#: restoring a document's handler about 4.5 us where the calls take 0.6.
_set_handler: Callable[[int, Any], Any]
try:
    from _signal import signal as _set_handler  # type: ignore[import-not-found,no-redef,unused-ignore]
except ImportError:  # pragma: no cover - not CPython
    _set_handler = signal.signal


class _Overtime(BaseException):
    """Raised by the alarm inside a plugin; not an ``Exception``, so the
    pipeline's guard against plugin errors does not swallow it. Carries the
    plugin running when the alarm rang (tracing forgets it while unwinding)."""

    def __init__(self, stage: str, plugin: str | None) -> None:
        super().__init__(stage, plugin)
        self.stage = stage
        self.plugin = plugin


class _Budget:
    """Runs documents, tracing which plugin runs, each under a ``SIGALRM``
    deadline of ``seconds`` (``None``: no deadline).

    A document's deadline covers its steps together:
    :meth:`~masthead.pipeline.Pipeline.route`,
    :meth:`~masthead.pipeline.Pipeline.parse`,
    :meth:`~masthead.pipeline.Pipeline.language` (a source's ``language``
    may be a property, plugin code) and
    :meth:`~masthead.pipeline.Pipeline.finish` (the record and its
    processors).
    """

    def __init__(self, pipeline: Pipeline, seconds: float | None) -> None:
        self.seconds = seconds
        self.running: tuple[str, str | None] = ("decode", None)
        self.pipeline = traced_pipeline(pipeline, self._announce)

    def _announce(self, stage: str, plugin: str | None) -> None:
        self.running = (stage, plugin)

    def _alarm(self, signum: int, frame: object) -> None:
        raise _Overtime(*self.running)

    def process_many(self, items: Sequence[ReadResult]) -> list[Article | Rejection]:
        """The records of ``items`` in order, as
        :meth:`~masthead.pipeline.Pipeline.process_many` makes them; a
        rejection among ``items`` (made while reading) is its own record."""
        pipeline = self.pipeline
        work: list[Any] = list(items)
        spent = [0.0] * len(work)
        self._stage(work, spent, RawDocument, ("decode", None), pipeline.route)
        self._stage(work, spent, Routed, ("route", None), pipeline.parse)
        # A source's ``language`` may be a property: plugin code, so under the budget too.
        self._stage(work, spent, Drafted, ("validate", None), _Decided.of(pipeline))
        self._stage(work, spent, _Decided, ("validate", None), _Decided.finish(pipeline))
        return work

    def _stage(
        self,
        work: list[Any],
        spent: list[float],
        kind: type[Any],
        running: tuple[str, str | None],
        step: Callable[[Any], Any],
    ) -> None:
        """``step`` of every item of ``work`` that is a ``kind``, in place,
        each within what is left of its document's budget (``spent`` so far).
        A document that has no budget left got past its deadline without the
        alarm (a plugin took the signal, or swallowed the exception): its
        other steps run without one, as a document's whole pipeline did."""
        for index, item in enumerate(work):
            if not isinstance(item, kind):
                continue
            raw = item if isinstance(item, RawDocument) else item.raw
            self.running = running
            if self.seconds is None:
                work[index] = self._run(raw, None, step, item)
                continue
            left = self.seconds - spent[index]
            started = time.monotonic()
            work[index] = self._run(raw, left if left > 0 else None, step, item)
            spent[index] += time.monotonic() - started

    def _run(self, raw: RawDocument, seconds: float | None, step: Callable[[Any], T], item: Any) -> T | Rejection:
        """``step(item)``, a step of ``raw``'s, under a deadline ``seconds`` from now."""
        if seconds is None:
            try:
                return step(item)
            except PluginOutOfMemory as exc:
                return memory_rejection(raw, exc.stage, exc.plugin)
        previous = _set_handler(signal.SIGALRM, self._alarm)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            return step(item)
        except PluginOutOfMemory as exc:
            return memory_rejection(raw, exc.stage, exc.plugin)
        except _Overtime as overtime:
            stage, plugin = overtime.stage, overtime.plugin
            who = plugin or "masthead"
            return Rejection(
                input=raw.uri,
                stage=stage,
                reason="timeout",
                error=f"{who}: over the {self.seconds:g} s budget of one document (during {stage})",
                plugin=plugin,
                sha256=raw.sha256,
            )
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            _set_handler(signal.SIGALRM, previous)


@attrs.define(frozen=True)
class _Decided:
    """A draft and its language, decided (the step before the record)."""

    drafted: Drafted
    language: LanguageDecision | Exception

    @property
    def raw(self) -> RawDocument:
        return self.drafted.raw

    @staticmethod
    def of(pipeline: Pipeline) -> Callable[[Drafted], _Decided]:
        return lambda drafted: _Decided(drafted, pipeline.language(drafted))

    @staticmethod
    def finish(pipeline: Pipeline) -> Callable[[_Decided], Article | Rejection]:
        return lambda decided: pipeline.finish(decided.drafted, decided.language)


def document_bytes(item: ReadResult) -> int:
    """What a document weighs in a batch: its raw bytes (a rejection, or a
    reader's document whose data is no bytes nor text, nothing: the
    pipeline rejects that document)."""
    data = None if isinstance(item, Rejection) else item.data
    return len(data) if isinstance(data, bytes | str) else 0


def batches(
    items: Iterable[T],
    size: int = BATCH,
    max_bytes: int = BATCH_BYTES,
    *,
    weight: Callable[[T], int] = document_bytes,  # type: ignore[assignment]
) -> Iterator[list[T]]:
    """Consecutive items in lists of at most ``size`` items and about
    ``max_bytes`` (their ``weight``), each yielded as soon as it is full or
    the items end."""
    batch: list[T] = []
    held = 0
    for item in items:
        batch.append(item)
        held += weight(item)
        if len(batch) >= size or held >= max_bytes:
            yield batch
            batch, held = [], 0
    if batch:
        yield batch


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
