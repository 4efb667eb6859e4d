"""The body of one local worker process of the process runner.

A worker builds its pipeline once from a :class:`PipelineConfig`, says it is
ready (with the fingerprint of the plugins it loaded), then processes one
document per message until told to stop. It writes ``stage`` and ``plugin``
of every plugin call into a small shared-memory :class:`Slot` the parent can
read, which is how a hang or a crash gets blamed on the right plugin (see
:mod:`masthead.run.tracing`). It ignores Ctrl-C and SIGTERM (sent to the
whole process group by a terminal or a service manager): the parent decides
when workers stop, so a stopped run never loses a result half-sent nor
blames a plugin for a worker the signal killed.

Its address space is capped (``RLIMIT_AS``) when asked, so a plugin that
allocates without bound gets a ``MemoryError`` for one document instead of
taking the machine down; the worker then reports ``memory_limit`` and exits
to be replaced by a fresh process.
"""

from __future__ import annotations

import os
import signal
from typing import TYPE_CHECKING, Any

from masthead.extract.document import RawDocument
from masthead.models import Article, Rejection
from masthead.pipeline import Pipeline
from masthead.run.runconfig import PipelineConfig, fingerprint
from masthead.run.tracing import PluginOutOfMemory, traced_pipeline

if TYPE_CHECKING:  # multiprocessing is imported only where workers start (an in-process run has none)
    from multiprocessing.connection import Connection

SLOT_SIZE = 256
_SEP = "\x1f"


class Slot:
    """``(stage, plugin)`` of the call a worker is in, in shared memory.

    Wraps a ``multiprocessing`` raw ``c_char`` array: the worker writes it
    before and after each plugin call (a few hundred nanoseconds), the parent
    reads it only when something went wrong.
    """

    def __init__(self, array: Any) -> None:
        self.array = array

    def set(self, stage: str, plugin: str | None) -> None:
        self.array.value = f"{stage}{_SEP}{plugin or ''}".encode()[: SLOT_SIZE - 1]

    def get(self) -> tuple[str, str | None]:
        stage, _, plugin = bytes(self.array.value).decode(errors="replace").partition(_SEP)
        return stage or "decode", plugin or None


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


def main(conn: Connection, config: PipelineConfig, array: Any, memory_limit_mb: int | None) -> None:
    """Entry point of a worker process (the target of ``Process``)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
    slot = Slot(array)
    try:
        pipeline = traced_pipeline(config.build(), slot.set)
    except Exception as exc:  # noqa: BLE001 - reported to the parent, which stops the run
        conn.send(("failed", f"{type(exc).__name__}: {exc}"))
        return
    limit_memory(memory_limit_mb)
    conn.send(("ready", fingerprint(pipeline)))
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        seq, raw = message
        record, retire = process(pipeline, raw, slot)
        conn.send(("done", seq, record, retire))
        if retire:
            os._exit(0)  # a fresh process replaces this one after a memory blow-up


def process(pipeline: Pipeline, raw: RawDocument, slot: Slot) -> tuple[Article | Rejection, bool]:
    """One document; ``(record, retire)`` where ``retire`` asks for a fresh worker."""
    slot.set("decode", None)
    try:
        return pipeline.process(raw), False
    except PluginOutOfMemory as exc:
        return memory_rejection(raw, exc.stage, exc.plugin), True
    except MemoryError:
        stage, plugin = slot.get()
        return memory_rejection(raw, stage, plugin), True


def memory_rejection(raw: RawDocument, stage: str, plugin: str | None) -> Rejection:
    who = plugin or "masthead"
    return Rejection(
        input=raw.uri,
        stage=stage,
        reason="memory_limit",
        error=f"{who}: ran out of memory during {stage}",
        plugin=plugin,
        sha256=raw.sha256,
    )
