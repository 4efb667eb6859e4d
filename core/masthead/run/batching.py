"""Documents a batch at a time, stage by stage, each within its time budget.

Every runner hands the pipeline documents in batches
(:meth:`~masthead.pipeline.Pipeline.process_many`): every route of a batch,
then every parse, every language, every record, so each stage's code and
tables stay in the CPU caches from one document to the next. A batch is
small (:data:`BATCH` documents, fewer once they hold :data:`BATCH_BYTES`):
its pages and trees are in memory together.

:class:`Budget` runs such a batch while keeping the per-document promises
of a run: a document's time budget (``--timeout``) covers all its steps
together, and a plugin's ``MemoryError`` costs that document alone. It
keeps the budget in one of two ways:

* in this process, with a ``SIGALRM`` deadline set around each step
  (:func:`guarded`; POSIX, main thread: :func:`budget_available`);
* in a supervised worker process, by publishing each step's deadline
  (``on_step``) for the parent to enforce by killing the worker: that also
  stops a plugin stuck in C code, which an alarm cannot interrupt. With it
  goes the batch's *floor*, a time before which no step of the batch can
  reach its deadline, so that the parent sleeps until then instead of
  watching a batch whose next document may have less budget left.
"""

from __future__ import annotations

import contextlib
import importlib.machinery
import math
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar

from masthead.extract.document import RawDocument
from masthead.io.readers import ReadResult
from masthead.models import Article, Rejection
from masthead.pipeline import Pipeline, Step
from masthead.run.tracing import PluginOutOfMemory, Tracer, traced_pipeline

#: Documents a runner takes at a time, and about how many bytes of them at
#: most: a batch's pages are all in memory at once, their trees too.
BATCH = 32
BATCH_BYTES = 64 * 1024

T = TypeVar("T")
Record = Article | Rejection
#: ``on_step(index, deadline, floor)``: the document at ``index`` of the batch
#: starts a step that must end by ``deadline`` (``time.monotonic()``; ``inf``:
#: none), and no step of the batch, this one or any later, ends its budget
#: before ``floor`` (see :meth:`Budget.process_many`).
StepWatch = Callable[[int, float, float], None]


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


def guarded(pipeline: Pipeline, timeout: float | None = None) -> Callable[[Sequence[ReadResult]], list[Record]]:
    """``pipeline.process_many`` as a runner without worker processes calls it,
    on a batch of documents (a rejection made while reading is its own record).

    A plugin's ``SystemExit``, ``KeyboardInterrupt`` or ``MemoryError`` and,
    with ``timeout`` where :func:`budget_available`, a plugin that overruns,
    become a rejection naming the plugin instead of ending the caller.
    """
    return Budget(pipeline, timeout if timeout and budget_available() else None).process_many


def budget_available() -> bool:
    """Whether this thread can time a document with ``SIGALRM``."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def fault_rejection(raw: RawDocument, reason: str, detail: str, stage: str, plugin: str | None) -> Rejection:
    """The record of a document a plugin (or masthead, ``plugin`` ``None``)
    failed during ``stage`` in a way the pipeline cannot catch: ``reason``
    ``timeout``, ``memory_limit`` or ``worker_died``, ``detail`` saying how."""
    return Rejection(
        input=raw.uri,
        stage=stage,
        reason=reason,
        error=f"{plugin or 'masthead'}: {detail} (during {stage})",
        plugin=plugin,
        sha256=raw.sha256,
    )


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


#: File name endings of compiled extension modules, which cannot be
#: imported a second time in one process.
_EXTENSIONS = tuple(importlib.machinery.EXTENSION_SUFFIXES)


def forget_imports_since(known: int, cut: BaseException) -> None:
    """Drop the modules a step cut short by ``cut`` was importing, if it was.

    A step cut short (the alarm, a ``MemoryError``) may have been inside an
    import: plugins import heavy libraries with their first page. Python
    then forgets the module whose code failed, but keeps the submodules it
    had finished, which may hold the half-made package or have registered
    into it (Beautiful Soup's tree builders), so that every later page of an
    in-process run fails on it ("module 'bs4' has no attribute 'Tag'").

    Only when ``cut`` was raised inside an import (a module's own code, or
    the import machinery, in its traceback) are the modules imported since
    ``sys.modules`` held ``known`` dropped (``sys.modules`` keeps its order
    of insertion), and unbound from their package, so the next page imports
    them whole. A package with a compiled module among its modules is left
    alone, all of it: a compiled module cannot be imported twice in one
    process, and its Python half imported again beside it would not match.
    """
    if not _inside_import(cut):
        return
    added = list(sys.modules)[known:]
    compiled = {name.partition(".")[0] for name, module in list(sys.modules.items()) if _is_compiled(module)}
    for name in added:
        if name.partition(".")[0] in compiled or name not in sys.modules:
            continue
        module = sys.modules.pop(name)
        parent, _, child = name.rpartition(".")
        package = sys.modules.get(parent)
        if package is not None and getattr(package, child, None) is module:
            with contextlib.suppress(AttributeError, TypeError):
                delattr(package, child)


def _inside_import(cut: BaseException) -> bool:
    """Whether ``cut`` was raised while a module's code or the import
    machinery ran (a frame of a module body, or of importlib, on its way)."""
    seen: BaseException | None = cut
    while seen is not None:  # a plugin's MemoryError is re-raised as PluginOutOfMemory: its cause is the context
        trace = seen.__traceback__
        while trace is not None:
            code = trace.tb_frame.f_code
            if code.co_name == "<module>" or code.co_filename.startswith("<frozen importlib"):
                return True
            trace = trace.tb_next
        seen = seen.__context__
    return False


def _is_compiled(module: object) -> bool:
    origin = getattr(getattr(module, "__spec__", None), "origin", None)
    return isinstance(origin, str) and origin.endswith(_EXTENSIONS)


class _Overtime(BaseException):
    """Raised by the alarm inside a plugin; not an ``Exception``, so the
    pipeline's guard against plugin errors does not swallow it. Carries the
    plugin running when the alarm rang (tracing forgets it while unwinding)."""

    def __init__(self, stage: str, plugin: str | None) -> None:
        super().__init__(stage, plugin)
        self.stage = stage
        self.plugin = plugin


class Budget:
    """Runs batches of documents, tracing which plugin runs, each document
    within ``seconds`` in all (``None``: no limit).

    A document's budget covers its steps together
    (:meth:`~masthead.pipeline.Pipeline.steps`: routing, parsing, the
    language, which may be a source's property, plugin code, and the
    record with its processors). With ``alarm``, ``SIGALRM`` stops a step at the deadline;
    without, ``on_step`` is told each step's deadline, and the batch's
    floor (:meth:`process_many`), and someone else keeps them. ``tracer``
    hears every ``(stage, plugin)`` as well.
    :attr:`out_of_memory` turns true once a document ran out of memory.
    """

    def __init__(
        self,
        pipeline: Pipeline,
        seconds: float | None,
        *,
        alarm: bool = True,
        tracer: Tracer | None = None,
        on_step: StepWatch | None = None,
    ) -> None:
        self.seconds = seconds
        self.alarm = alarm
        self.tracer = tracer
        self.on_step = on_step
        self.out_of_memory = False
        self.running: tuple[str, str | None] = ("decode", None)
        self.pipeline = traced_pipeline(pipeline, self._announce if tracer is None else self._announce_both)

    def _announce(self, stage: str, plugin: str | None) -> None:
        self.running = (stage, plugin)

    def _announce_both(self, stage: str, plugin: str | None) -> None:
        self.running = (stage, plugin)
        self.tracer(stage, plugin)  # type: ignore[misc]  # only chosen with a tracer

    def _alarm(self, signum: int, frame: object) -> None:
        raise _Overtime(*self.running)

    def process_many(self, items: Sequence[ReadResult]) -> list[Record]:
        """The records of ``items`` in order, as
        :meth:`~masthead.pipeline.Pipeline.process_many` makes them; a
        rejection among ``items`` (made while reading) is its own record.

        Each step's ``on_step`` also gets the batch's floor: the step's start
        plus the least budget left to any document of the batch that may run
        again (a rejected one runs no later step). Only one document runs at
        a time, so in the time until a later step starts, its document's
        budget shrinks by no more than that time: every later deadline, of
        any document, is at or after the floor. A floor is therefore never
        too late, however long ago it was published, and each is at or after
        the one before.
        """
        work: list[Any] = list(items)
        spent = [0.0] * len(work)
        for step in self.pipeline.steps():
            self._stage(work, spent, step)
        return work

    def _stage(self, work: list[Any], spent: list[float], step: Step) -> None:
        """``step`` of every item of ``work`` it takes, in place, each within
        what is left of its document's budget (``spent`` so far). Under the
        alarm, a document that has no budget left got past its deadline
        without it (a plugin took the signal, or swallowed the exception):
        its other steps run without one, as a document's whole pipeline
        did."""
        running: tuple[str, str | None] = (step.stage, None)
        for index, item in enumerate(work):
            if not isinstance(item, step.takes):
                continue
            raw = item if isinstance(item, RawDocument) else item.raw
            self.running = running
            if self.tracer is not None:
                self.tracer(*running)
            if self.seconds is None:
                if self.on_step is not None:
                    self.on_step(index, math.inf, math.inf)
                work[index] = self._run(raw, None, step.run, item)
                continue
            left = self.seconds - spent[index]
            started = time.monotonic()
            if self.on_step is not None:
                self.on_step(index, started + left, started + self.seconds - max(spent))
            record = work[index] = self._run(raw, left if left > 0 and self.alarm else None, step.run, item)
            # A rejected document runs no later step: what it spent no longer
            # brings the batch's floor forward (a timed-out document would
            # otherwise hold it at the step's start for the rest of the batch).
            spent[index] = 0.0 if isinstance(record, Rejection) else spent[index] + time.monotonic() - started

    def _run(self, raw: RawDocument, seconds: float | None, step: Callable[[Any], T], item: Any) -> T | Rejection:
        """``step(item)``, a step of ``raw``'s, under an alarm ``seconds`` from now (``None``: none)."""
        previous = None
        known = len(sys.modules)
        if seconds is not None:
            previous = _set_handler(signal.SIGALRM, self._alarm)
            signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            return step(item)
        except PluginOutOfMemory as exc:
            forget_imports_since(known, exc)
            return self._out_of_memory(raw, exc.stage, exc.plugin)
        except MemoryError as exc:
            forget_imports_since(known, exc)
            return self._out_of_memory(raw, *self.running)
        except _Overtime as overtime:
            forget_imports_since(known, overtime)
            detail = f"over the {self.seconds:g} s budget of one document"
            return fault_rejection(raw, "timeout", detail, overtime.stage, overtime.plugin)
        finally:
            if seconds is not None:
                signal.setitimer(signal.ITIMER_REAL, 0)
                _set_handler(signal.SIGALRM, previous)

    def _out_of_memory(self, raw: RawDocument, stage: str, plugin: str | None) -> Rejection:
        self.out_of_memory = True
        return fault_rejection(raw, "memory_limit", "ran out of memory", stage, plugin)
