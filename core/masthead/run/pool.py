"""Supervised local worker processes: parallel, and safe from plugin faults.

``concurrent.futures`` and ``multiprocessing.Pool`` cannot kill one task
that hangs, and a worker that dies takes the whole executor down
(``BrokenProcessPool``) or silently loses its task. A news crawl meets
pages that send a parser into an endless loop or a memory blow-up, so this
pool gives each worker one batch of documents at a time
(:mod:`masthead.run.batching`: :data:`~masthead.run.batching.BATCH`
documents, fewer once they hold
:data:`~masthead.run.batching.BATCH_BYTES`) and watches each:

* a document still running after ``timeout`` seconds in all (its steps
  together) gets its worker killed and becomes a ``timeout`` rejection;
* a worker that dies (``os._exit``, segfault, the OOM killer) turns the
  document it was running into a ``worker_died`` rejection;

both naming the plugin that was running (read from the worker's
:class:`~masthead.run.worker.Slot`, which also says which document of the
batch ran), and a fresh worker takes the dead one's place. The batch's
other documents are sent again one at a time, so a second bad one among
them costs itself alone; if the worker died before any document started,
all of them are. The run goes on. Batches also bound memory: at most
``workers`` batches are in flight, whatever the input size.

Records come as batches finish: a killed worker's document, or a document
rejected while reading, before the earlier documents of its batch. A
caller that needs input order puts them back in it
(:class:`~masthead.run.runners.Reorder`).

Workers are started with the ``forkserver`` method where the platform has
it (else ``spawn``): never a plain ``fork`` of a parent that may hold
threads or open output files, and a restart costs a fork of a small server
that has masthead already imported, not a fresh interpreter.
"""

from __future__ import annotations

import contextlib
import math
import multiprocessing
import signal
import time
from collections import deque
from collections.abc import Callable, Generator, Iterator
from multiprocessing.connection import wait
from typing import Any

import structlog

from masthead.extract.document import RawDocument
from masthead.io.readers import ReadResult
from masthead.models import Article, Rejection
from masthead.run.batching import BATCH, BATCH_BYTES, document_bytes, fault_rejection
from masthead.run.runconfig import PipelineConfig, WorkerSetupError, check_fingerprint
from masthead.run.worker import NO_DOCUMENT, OUT_OF_MEMORY_EXIT, SLOT_SIZE, Slot
from masthead.run.worker import main as worker_main

log = structlog.get_logger("masthead.run.pool")

Record = Article | Rejection
Task = list[tuple[int, RawDocument]]
#: A worker that dies this many times in a row before it is ready stops the run.
MAX_START_FAILURES = 3
#: Seconds between looks at the deadlines of a worker whose batch's floor
#: has passed (a document of the batch has less budget left than the time
#: since the floor was published): its next step's deadline may come before
#: the one published now, and only a look shows it.
BATCH_WATCH = 0.05
_STOP_WAIT = 5.0
#: Seconds to wait for a worker whose pipe is closed to exit.
_EXIT_WAIT = 0.1


def context() -> Any:
    """The multiprocessing context for workers (see the module docstring)."""
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    ctx = multiprocessing.get_context(method)
    if method == "forkserver":
        # The HTML machinery too: masthead imports it with the first HTML
        # page, and workers forked from the server should not each import it.
        ctx.set_forkserver_preload(["masthead.run.worker", "masthead.extract.htmlparse"])
    return ctx


def describe_exit(code: int | None) -> str:
    if code is None:
        return "did not exit"
    if code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exited with status {code}"


def _death(code: int | None) -> tuple[str, str]:
    """The rejection reason and detail for a worker that died with ``code``."""
    if code == OUT_OF_MEMORY_EXIT:
        return "memory_limit", "ran out of memory receiving its documents"
    return "worker_died", f"worker process {describe_exit(code)}"


class _Worker:
    """One worker process, its pipe, its slot and the batch it holds."""

    def __init__(self, ctx: Any, config: PipelineConfig, memory_limit_mb: int | None, timeout: float | None) -> None:
        self.timeout = timeout
        self.slot = Slot(ctx.Array("c", SLOT_SIZE, lock=False), ctx.Array("d", 3, lock=False))
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(
            target=worker_main,
            args=(child, config, self.slot, memory_limit_mb, timeout),
            name="masthead-worker",
            daemon=True,
        )
        self.process.start()
        child.close()
        self.state = "starting"  # starting | ready | retiring
        self.task: Task | None = None

    def send(self, task: Task) -> None:
        self.task = task
        # Until the worker starts a document, the batch has one document's
        # budget, and every document of it a whole one: no step ends its
        # budget before that, whenever it starts.
        deadline = time.monotonic() + self.timeout if self.timeout else math.inf
        self.slot.start(NO_DOCUMENT, deadline, deadline)
        self.slot.set("decode", None)
        # A worker that dies taking it (a document over its memory cap) breaks
        # the pipe; its sentinel then says so, and the batch is handled as its death.
        with contextlib.suppress(OSError):
            self.conn.send(task)

    def overdue(self, now: float) -> bool:
        return self.task is not None and now > self.slot.deadline()

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()


class WorkerPool:
    """``workers`` supervised processes running one :class:`PipelineConfig`.

    ``expected`` is the fingerprint of the pipeline the run was planned with
    (:func:`masthead.run.runconfig.fingerprint`); a worker that loads anything
    else stops the run with :class:`WorkerSetupError` rather than writing
    different records.
    """

    def __init__(
        self,
        config: PipelineConfig,
        workers: int,
        *,
        timeout: float | None = 30.0,
        memory_limit_mb: int | None = None,
        expected: object = None,
    ) -> None:
        if workers < 1:
            raise ValueError("a pool needs at least one worker")
        self.config = config
        self.size = workers
        self.timeout = timeout or None  # 0, as on the command line: no limit
        self.memory_limit_mb = memory_limit_mb
        self.expected = expected
        self.restarts = 0
        self._ctx = context()
        self._start_failures = 0
        self._again: deque[tuple[int, RawDocument]] = deque()
        self._exhausted = False

    def _spawn(self) -> _Worker:
        return _Worker(self._ctx, self.config, self.memory_limit_mb, self.timeout)

    def imap(
        self, items: Iterator[tuple[int, ReadResult]], may_submit: Callable[[], bool] = lambda: True
    ) -> Generator[tuple[int, Record], None, None]:
        """Process numbered documents; yield ``(number, record)`` as each finishes.

        Rejections already in ``items`` (unreadable inputs) pass straight
        through. New documents are taken only while ``may_submit()`` is true,
        which lets a caller that restores input order bound its buffer.
        """
        workers = [self._spawn() for _ in range(self.size)]
        self._again.clear()
        self._exhausted = False
        try:
            while True:
                for worker in workers:
                    if worker.state != "ready" or worker.task is not None:
                        continue
                    task = yield from self._next_task(items, may_submit)
                    if not task:
                        break
                    worker.send(task)
                if self._exhausted and not self._again and not any(w.task for w in workers):
                    return
                yield from self._wait(workers)
        finally:
            self._stop(workers)

    def _next_task(
        self, items: Iterator[tuple[int, ReadResult]], may_submit: Callable[[], bool]
    ) -> Generator[tuple[int, Record], None, Task]:
        """A worker's next batch: a document to run again alone, or new ones
        (yielding the rejections among them, which need no worker)."""
        if self._again:
            return [self._again.popleft()]
        task: Task = []
        held = 0
        while not self._exhausted and len(task) < BATCH and held < BATCH_BYTES and may_submit():
            try:
                seq, item = next(items)
            except StopIteration:
                self._exhausted = True
                break
            if isinstance(item, Rejection):
                yield seq, item
            else:
                task.append((seq, item))
                held += document_bytes(item)
        return task

    def _wait(self, workers: list[_Worker]) -> Iterator[tuple[int, Record]]:
        """Block until a worker has news or a deadline passes; handle it all."""
        objects: list[Any] = [w.conn for w in workers] + [w.process.sentinel for w in workers]
        ready = set(wait(objects, timeout=self._patience(workers, time.monotonic())))
        for index, worker in enumerate(workers):
            died = worker.process.sentinel in ready  # then all it sent before dying is in the pipe
            if died or worker.conn in ready:
                yield from self._drain(worker)
                # A closed pipe (the worker exiting; _drain waits for that)
                # can come before the sentinel shows the death.
                died = died or worker.process.exitcode is not None
            checked = time.monotonic()
            if not died and not worker.overdue(checked):
                continue
            if not died:  # its results may have come in since the wait
                yield from self._drain(worker)
                if not worker.overdue(checked):
                    continue
            if died:
                self._check_start(worker)
            if worker.task is not None:
                reason, detail = (
                    _death(worker.process.exitcode)
                    if died
                    else ("timeout", f"no result within {self.timeout:g} s; worker process killed")
                )
                yield from self._bury(worker, reason, detail, None if died else checked)
            else:
                worker.kill()
            workers[index] = self._spawn()
            self.restarts += 1

    def _patience(self, workers: list[_Worker], now: float) -> float | None:
        """Seconds to wait for news before the workers' deadlines need a look
        (``None``: none will).

        Until a worker's floor, none of its steps can be over its deadline,
        whatever document of its batch runs then; a worker moving to its next
        step shows no deadline for a moment, but its floor still holds. Once
        the floor has passed, the next step's deadline may be earlier than
        the one published now, and nothing but a look shows it: then look
        again within :data:`BATCH_WATCH`.
        """
        if not self.timeout:
            return None
        wake = math.inf
        for worker in workers:
            if worker.task is not None:
                wake = min(wake, self._next_look(worker.slot, now))
        return None if wake == math.inf else max(0.0, wake - now)

    @staticmethod
    def _next_look(slot: Slot, now: float) -> float:
        """When ``slot``'s worker needs a look: at its floor, or, once that
        has passed, at its deadline or within :data:`BATCH_WATCH`."""
        floor = slot.floor()
        return floor if floor > now else min(slot.deadline(), now + BATCH_WATCH)

    def _drain(self, worker: _Worker) -> list[tuple[int, Record]]:
        """The worker's results, if it sent them; handles ``ready`` and ``failed``."""
        try:
            if not worker.conn.poll():
                return []
            message = worker.conn.recv()
        except (EOFError, OSError):
            # Its end of the pipe is closed: the worker is exiting. Give it a
            # moment to be gone, so that the caller finds it dead rather than
            # waking on the closed pipe again and again until its death shows.
            worker.process.join(_EXIT_WAIT)
            return []
        if message[0] == "ready":
            check_fingerprint(message[1], self.expected)
            worker.state = "ready"
            self._start_failures = 0
            return []
        if message[0] == "failed":
            raise WorkerSetupError(f"a worker could not build the pipeline: {message[1]}")
        _, records, retiring = message
        worker.task = None
        if retiring:  # it exits after this batch; give it no other
            worker.state = "retiring"
        return list(records)

    def _check_start(self, worker: _Worker) -> None:
        """Stop the run if workers keep dying before they are ready."""
        if worker.state != "starting":
            return
        self._start_failures += 1
        if self._start_failures >= MAX_START_FAILURES:
            worker.process.join()
            raise WorkerSetupError(
                f"worker processes keep dying before they are ready ({describe_exit(worker.process.exitcode)})"
            )

    def _bury(
        self, worker: _Worker, reason: str, detail: str, overdue_at: float | None
    ) -> Iterator[tuple[int, Rejection]]:
        """Kill ``worker``; reject the document it was running, naming the
        plugin, and queue the batch's others to run again one at a time.

        A worker killed for a timeout (found ``overdue_at``) that had just
        moved on to another step ran no document over its budget at the
        kill: then, as when a worker dies before it starts a document, no
        document of a batch is known to be at fault and all of them run
        again alone (the slow one meets its deadline again there).
        """
        assert worker.task is not None
        worker.kill()  # also reaps a dead one, so its exit code is known; the slot stays readable
        task, worker.task = worker.task, None
        stage, plugin = worker.slot.get()
        running = worker.slot.running()
        if overdue_at is not None and worker.slot.deadline() > overdue_at:
            running = NO_DOCUMENT
        if len(task) == 1:
            running = 0
        self._again.extend(item for index, item in enumerate(task) if index != running)
        if not 0 <= running < len(task):
            return
        seq, raw = task[running]
        yield seq, fault_rejection(raw, reason, detail, stage, plugin)

    def _stop(self, workers: list[_Worker]) -> None:
        for worker in workers:
            if worker.task is None and worker.process.is_alive():
                with contextlib.suppress(OSError):
                    worker.conn.send(None)
        deadline = time.monotonic() + _STOP_WAIT
        for worker in workers:
            if worker.task is None:
                worker.process.join(max(0.0, deadline - time.monotonic()))
            worker.kill()
