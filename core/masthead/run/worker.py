"""The body of one local worker process of the process runner.

A worker builds its pipeline once from a :class:`PipelineConfig`, says it is
ready (with the fingerprint of the plugins it loaded), then processes one
batch of documents per message (:class:`~masthead.run.batching.Budget`,
stage by stage) until told to stop. It writes into a small shared-memory
:class:`Slot` the parent can read: which document of the batch runs, the
deadline of its current step (what is left of its time budget), the
batch's floor (no deadline published after it comes before it), and the
``stage`` and ``plugin`` of every plugin call. That is how the parent kills
a worker the moment one document overruns, and blames a hang or a crash on
the right document and plugin (see :mod:`masthead.run.tracing`). It ignores
Ctrl-C and SIGTERM (sent to the whole process group by a terminal or a
service manager): the parent decides when workers stop, so a stopped run
never loses a result half-sent nor blames a plugin for a worker the signal
killed.

Its address space is capped (``RLIMIT_AS``) when asked, so a plugin that
allocates without bound gets a ``MemoryError`` for one document instead of
taking the machine down; the worker then reports ``memory_limit`` for that
document, finishes its batch and exits to be replaced by a fresh process.
"""

from __future__ import annotations

import contextlib
import math
import os
import signal
from typing import TYPE_CHECKING, Any

from masthead.run.batching import Budget
from masthead.run.runconfig import PipelineConfig, fingerprint

if TYPE_CHECKING:  # multiprocessing is imported only where workers start (an in-process run has none)
    from multiprocessing.connection import Connection

SLOT_SIZE = 256
_SEP = "\x1f"
#: No document of a batch is known to run (the batch is on its way, or being unpacked).
NO_DOCUMENT = -1
#: The exit status of a worker that ran out of memory receiving a batch
#: (EX_TEMPFAIL): the parent records its document as ``memory_limit``.
OUT_OF_MEMORY_EXIT = 75


class Slot:
    """What a worker is doing, in shared memory.

    ``text`` is a ``multiprocessing`` raw ``c_char`` array holding ``(stage,
    plugin)`` of the call the worker is in; ``clock`` a raw array of three
    doubles: the index in its batch of the document running, the
    ``time.monotonic()`` by which its current step must end (a system-wide
    clock, the same in parent and worker), and the batch's floor, before
    which no step of the batch can reach its deadline
    (:meth:`masthead.run.batching.Budget.process_many`). The worker writes
    them around each plugin call and each document's step (a few hundred
    nanoseconds); the parent reads the deadline and the floor while it
    waits and the rest only when something went wrong.
    """

    def __init__(self, text: Any, clock: Any) -> None:
        self.text = text
        self.clock = clock

    def set(self, stage: str, plugin: str | None) -> None:
        self.text.value = f"{stage}{_SEP}{plugin or ''}".encode()[: SLOT_SIZE - 1]

    def get(self) -> tuple[str, str | None]:
        stage, _, plugin = bytes(self.text.value).decode(errors="replace").partition(_SEP)
        return stage or "decode", plugin or None

    def start(self, index: int, deadline: float, floor: float) -> None:
        # Any floor published is a true one (floors only move later), so
        # it may change first. No deadline while the index changes: a kill
        # between the two stores must not pair the new document with the
        # old step's deadline.
        self.clock[2] = floor
        self.clock[1] = math.inf
        self.clock[0] = index
        self.clock[1] = deadline

    def running(self) -> int:
        """The index of the document running in the batch, or :data:`NO_DOCUMENT`."""
        return int(self.clock[0])

    def deadline(self) -> float:
        return float(self.clock[1])

    def floor(self) -> float:
        return float(self.clock[2])


def limit_memory(megabytes: int | None) -> None:
    """Cap this process's address space at ``megabytes`` (``None``/0: no cap)."""
    if not megabytes:
        return
    try:
        import resource
    except ImportError:  # not on POSIX: no cap, the time limit still applies
        return

    soft = megabytes * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def main(
    conn: Connection, config: PipelineConfig, slot: Slot, memory_limit_mb: int | None, timeout: float | None
) -> None:
    """Entry point of a worker process (the target of ``Process``)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
    try:
        pipeline = config.build()
        budget = Budget(pipeline, timeout, alarm=False, tracer=slot.set, on_step=slot.start)
    except Exception as exc:  # noqa: BLE001 - reported to the parent, which stops the run
        with contextlib.suppress(ConnectionError):
            conn.send(("failed", f"{type(exc).__name__}: {exc}"))
        return
    limit_memory(memory_limit_mb)
    try:
        conn.send(("ready", fingerprint(pipeline)))
        _serve(conn, budget, slot)
    except ConnectionError:
        # The parent is gone (stopped, killed) and the pipe with it: nobody
        # is left to tell, so the worker ends without a traceback.
        return


def _serve(conn: Connection, budget: Budget, slot: Slot) -> None:
    """Run each batch the parent sends and send back its records, until the
    parent says stop or goes away."""
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        except MemoryError:
            # The batch does not fit under the address-space cap: no document
            # of it started. The exit status tells the parent so.
            os._exit(OUT_OF_MEMORY_EXIT)
        if message is None:
            return
        numbers = [seq for seq, _ in message]
        records = budget.process_many([raw for _, raw in message])
        # Every document is done: no deadline while the results are pickled
        # and sent, and no document to blame should that fail. The floor
        # stays: no deadline of the next batch comes before it.
        slot.start(NO_DOCUMENT, math.inf, slot.floor())
        slot.set("decode", None)
        conn.send(("done", list(zip(numbers, records, strict=True)), budget.out_of_memory))
        if budget.out_of_memory:
            os._exit(0)  # a fresh process replaces this one after a memory blow-up
