"""Supervised local worker processes: parallel, and safe from plugin faults.

``concurrent.futures`` and ``multiprocessing.Pool`` cannot kill one task
that hangs, and a worker that dies takes the whole executor down
(``BrokenProcessPool``) or silently loses its task. A news crawl meets
pages that send a parser into an endless loop or a memory blow-up, so this
pool keeps exactly one document in flight per worker and watches each:

* a document still running after ``timeout`` seconds gets its worker killed
  and becomes a ``timeout`` rejection;
* a worker that dies (``os._exit``, segfault, the OOM killer) turns its
  document into a ``worker_died`` rejection;

both naming the plugin that was running (read from the worker's
:class:`~masthead.run.worker.Slot`), and a fresh worker takes the dead one's
place. The run goes on. One document per worker also bounds memory: at most
``workers`` documents are in flight, whatever the input size.

Workers are started with the ``forkserver`` method where the platform has
it (else ``spawn``): never a plain ``fork`` of a parent that may hold
threads or open output files, and a restart costs a fork of a small server
that has masthead already imported, not a fresh interpreter.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import signal
import time
from collections.abc import Callable, Generator, Iterator
from multiprocessing.connection import wait
from typing import Any

import structlog

from masthead.extract.document import RawDocument
from masthead.io.readers import ReadResult
from masthead.models import Article, Rejection
from masthead.run.runconfig import PipelineConfig, WorkerSetupError, check_fingerprint
from masthead.run.worker import SLOT_SIZE, Slot
from masthead.run.worker import main as worker_main

log = structlog.get_logger("masthead.run.pool")

Record = Article | Rejection
#: A worker that dies this many times in a row before it is ready stops the run.
MAX_START_FAILURES = 3
_STOP_WAIT = 5.0


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


class _Worker:
    """One worker process, its pipe, its slot and the document it holds."""

    def __init__(self, ctx: Any, config: PipelineConfig, memory_limit_mb: int | None) -> None:
        self.array = ctx.Array("c", SLOT_SIZE, lock=False)
        self.slot = Slot(self.array)
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(
            target=worker_main, args=(child, config, self.array, memory_limit_mb), name="masthead-worker", daemon=True
        )
        self.process.start()
        child.close()
        self.state = "starting"  # starting | ready | retiring
        self.task: tuple[int, RawDocument] | None = None
        self.started = 0.0

    def send(self, seq: int, raw: RawDocument) -> None:
        self.task = (seq, raw)
        self.started = time.monotonic()
        self.conn.send((seq, raw))

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
        self.timeout = timeout
        self.memory_limit_mb = memory_limit_mb
        self.expected = expected
        self.restarts = 0
        self._ctx = context()
        self._start_failures = 0

    def _spawn(self) -> _Worker:
        return _Worker(self._ctx, self.config, self.memory_limit_mb)

    def imap(
        self, items: Iterator[tuple[int, ReadResult]], may_submit: Callable[[], bool] = lambda: True
    ) -> Generator[tuple[int, Record], None, None]:
        """Process numbered documents; yield ``(number, record)`` as each finishes.

        Rejections already in ``items`` (unreadable inputs) pass straight
        through. New documents are taken only while ``may_submit()`` is true,
        which lets a caller that restores input order bound its buffer.
        """
        workers = [self._spawn() for _ in range(self.size)]
        exhausted = False
        try:
            while True:
                while not exhausted and may_submit():
                    idle = next((w for w in workers if w.state == "ready" and w.task is None), None)
                    if idle is None:
                        break
                    try:
                        seq, item = next(items)
                    except StopIteration:
                        exhausted = True
                        break
                    if isinstance(item, Rejection):
                        yield seq, item
                    else:
                        idle.send(seq, item)
                if exhausted and not any(w.task for w in workers):
                    return
                yield from self._wait(workers)
        finally:
            self._stop(workers)

    def _wait(self, workers: list[_Worker]) -> Iterator[tuple[int, Record]]:
        """Block until a worker has news or a deadline passes; handle it all."""
        busy = [w for w in workers if w.task is not None]
        deadline = min((w.started + self.timeout for w in busy), default=None) if self.timeout else None
        objects: list[Any] = [w.conn for w in workers] + [w.process.sentinel for w in workers]
        ready = set(wait(objects, timeout=None if deadline is None else max(0.0, deadline - time.monotonic())))
        for index, worker in enumerate(workers):
            died = worker.process.sentinel in ready  # then all it sent before dying is in the pipe
            if died or worker.conn in ready:
                record = self._drain(worker)
                if record is not None:
                    yield record
            if not died and not self._overdue(worker):
                continue
            if died:
                self._check_start(worker)
            if worker.task is not None:
                reason, detail = (
                    ("worker_died", f"worker process {describe_exit(worker.process.exitcode)}")
                    if died
                    else ("timeout", f"no result within {self.timeout:g} s; worker process killed")
                )
                yield worker.task[0], self._bury(worker, reason, detail)
            else:
                worker.kill()
            workers[index] = self._spawn()
            self.restarts += 1

    def _drain(self, worker: _Worker) -> tuple[int, Record] | None:
        """The worker's result, if it sent one; handles ``ready`` and ``failed``."""
        try:
            if not worker.conn.poll():
                return None
            message = worker.conn.recv()
        except (EOFError, OSError):
            return None
        if message[0] == "ready":
            check_fingerprint(message[1], self.expected)
            worker.state = "ready"
            self._start_failures = 0
            return None
        if message[0] == "failed":
            raise WorkerSetupError(f"a worker could not build the pipeline: {message[1]}")
        _, seq, record, retiring = message
        worker.task = None
        if retiring:  # it exits after this document; give it no other
            worker.state = "retiring"
        return seq, record

    def _overdue(self, worker: _Worker) -> bool:
        return bool(worker.task is not None and self.timeout and time.monotonic() - worker.started > self.timeout)

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

    def _bury(self, worker: _Worker, reason: str, detail: str) -> Rejection:
        """Kill ``worker`` and reject its document, naming the running plugin."""
        assert worker.task is not None
        stage, plugin = worker.slot.get()
        worker.kill()  # also reaps a dead one, so its exit code is known
        _, raw = worker.task
        worker.task = None
        who = plugin or "masthead"
        return Rejection(
            input=raw.uri,
            stage=stage,
            reason=reason,
            error=f"{who}: {detail} (during {stage})",
            plugin=plugin,
            sha256=raw.sha256,
        )

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
