"""Sinks: where records go, written so that a crash never leaves a torn file.

The JSONL sink writes to a temporary file beside the target and renames it
over the final name only when the run closes cleanly. A crash or Ctrl-C
leaves the previous file (if any) untouched and no half-written output under
the final name.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Callable
from typing import IO, Protocol, runtime_checkable

from masthead.hookspecs import hookimpl
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

    ``path`` ``-`` writes to standard output instead (no atomicity there).
    Lines are buffered and written in batches; a line is never split.
    """

    def __init__(self, path: str, *, batch: int = 256) -> None:
        self.path = path
        self.count = 0
        self._batch = batch
        self._pending: list[str] = []
        self._tmp: str | None = None
        self._handle: IO[str]
        if path == STDOUT:
            self._handle = sys.stdout
            return
        directory = os.path.dirname(os.path.abspath(path))
        os.makedirs(directory, exist_ok=True)
        fd, self._tmp = tempfile.mkstemp(prefix=f".{os.path.basename(path)}.", suffix=".partial", dir=directory)
        self._handle = os.fdopen(fd, "w", encoding="utf-8", newline="\n")

    def write(self, record: Article | Rejection) -> None:
        self._pending.append(to_json_line(record) + "\n")
        self.count += 1
        if len(self._pending) >= self._batch:
            self._flush()

    def _flush(self) -> None:
        self._handle.write("".join(self._pending))
        self._pending.clear()

    def close(self) -> None:
        self._flush()
        self._handle.flush()
        if self._tmp is None:
            return
        os.fsync(self._handle.fileno())
        self._handle.close()
        os.chmod(self._tmp, 0o666 & ~_umask())
        os.replace(self._tmp, self.path)
        self._tmp = None

    def abort(self) -> None:
        self._pending.clear()
        if self._tmp is None:
            return
        self._handle.close()
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self._tmp)
        self._tmp = None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@hookimpl
def masthead_register_sinks(register: Callable[[str, SinkFactory], None]) -> None:
    register("jsonl", JsonlSink)
