"""Sinks: where records go, written so that a crash never leaves a torn file.

The JSONL sink writes to a partial file beside the target and renames it over
the final name only when the run closes cleanly. A crash or Ctrl-C leaves the
previous file (if any) untouched and no half-written output under the final
name; the partial file is what ``masthead ingest --resume`` continues. A run
that writes several files (output, rejects) calls :meth:`JsonlSink.finish` on
each and renames them together (:mod:`masthead.run.commit`).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable
from typing import IO, Protocol, runtime_checkable

from masthead.hookspecs import hookimpl
from masthead.io.checkpoint import fsync_directory, sidecar, truncate
from masthead.models import Article, Rejection
from masthead.serialize import to_json_line

STDOUT = "-"


@runtime_checkable
class Sink(Protocol):
    """Receives records one at a time; registered via ``masthead_register_sinks``."""

    def write(self, record: Article | Rejection) -> None:
        """Accept one record."""
        ...  # pragma: no cover

    def close(self) -> None:
        """Make everything written durable under its final name."""
        ...  # pragma: no cover

    def abort(self) -> None:
        """Discard the output of an interrupted run; the final name is untouched."""
        ...  # pragma: no cover


SinkFactory = Callable[[str], Sink]


class JsonlSink:
    """One JSON object per line, UTF-8, committed atomically on :meth:`close`.

    Lines go to ``.OUT.partial`` beside the target and are renamed over
    ``OUT`` on close. :meth:`checkpoint` makes everything written so far
    durable and returns the partial file's length, which is what a resumed
    run passes back as ``resume_from`` to continue the same file (anything
    after that length, such as a torn line from a kill, is cut off).
    ``path`` ``-`` writes to standard output instead, and ``stream`` to an
    open text stream whose durability is the caller's (no atomicity there:
    :meth:`close` flushes).
    """

    def __init__(
        self, path: str, *, batch: int = 256, resume_from: int | None = None, stream: IO[str] | None = None
    ) -> None:
        self.path = path
        self.count = 0
        self._batch = batch
        self._pending: list[str] = []
        self._tmp: str | None = None
        self._handle: IO[str]
        if stream is not None or path == STDOUT:
            self._handle = stream or sys.stdout
            return
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        self._tmp = partial_path(path)
        truncate(self._tmp, resume_from or 0)
        self._handle = open(self._tmp, "a", encoding="utf-8", newline="\n")  # noqa: SIM115

    def write(self, record: Article | Rejection) -> None:
        self._pending.append(to_json_line(record) + "\n")
        self.count += 1
        if len(self._pending) >= self._batch:
            self._flush()

    def _flush(self) -> None:
        self._handle.write("".join(self._pending))
        self._pending.clear()

    def checkpoint(self) -> int:
        """Flush and fsync; return the number of bytes durably written."""
        self._flush()
        self._handle.flush()
        if self._tmp is None:
            return 0
        os.fsync(self._handle.fileno())
        return self._handle.tell()

    def finish(self) -> tuple[str, str] | None:
        """Make everything durable and stop writing; return ``(partial, final)``,
        the rename that publishes the file (``None`` for stdout)."""
        self.checkpoint()
        if self._tmp is None:
            return None
        self._handle.close()
        pair, self._tmp = (self._tmp, self.path), None
        return pair

    def close(self) -> None:
        pair = self.finish()
        if pair is not None:
            os.replace(*pair)
            fsync_directory(pair[1])

    def suspend(self) -> None:
        """Stop writing but keep the partial file for a resumed run."""
        self._pending.clear()
        if self._tmp is not None:
            self._handle.close()
            self._tmp = None

    def abort(self) -> None:
        self._pending.clear()
        if self._tmp is None:
            return
        self._handle.close()
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self._tmp)
        self._tmp = None


def partial_path(path: str) -> str:
    """Where a sink writes ``path`` until the run completes."""
    return sidecar(path, ".partial")


@hookimpl
def masthead_register_sinks(register: Callable[[str, SinkFactory], None]) -> None:
    register("jsonl", JsonlSink)
