"""Locks and checkpoints: two runs never share an output, a killed run resumes.

While a run writes ``OUT`` it holds ``.OUT.lock`` (an advisory ``flock``
that the kernel releases when the process dies, so a killed run never leaves
a stale lock). Every few hundred documents the sinks are flushed and fsynced
and ``.OUT.state.json`` records how many input documents are done and how
many bytes of each partial file hold them. ``--resume`` truncates the
partial files to those lengths — dropping any line written after the last
checkpoint, torn or not — and skips exactly that many documents of the same
input list, so nothing is duplicated or skipped.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
from collections.abc import Sequence
from typing import IO, Any

import attrs

STATE_VERSION = 1


class OutputLocked(Exception):
    """Another live process is writing the same output."""


def sidecar(path: str, suffix: str) -> str:
    """``dir/out.jsonl`` -> ``dir/.out.jsonl<suffix>``: hidden, same directory."""
    directory, name = os.path.split(os.path.abspath(path))
    return os.path.join(directory, f".{name}{suffix}")


class OutputLock:
    """An exclusive, non-blocking lock on an output path."""

    def __init__(self, path: str) -> None:
        self.path = sidecar(path, ".lock")
        self._handle: IO[str] | None = None

    def acquire(self) -> None:
        """Take the lock or raise :class:`OutputLocked` at once (never waits)."""
        os.makedirs(os.path.dirname(self.path), exist_ok=True)
        while True:
            handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held until release()
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                handle.seek(0)
                holder = handle.read().strip() or "unknown"
                handle.close()
                raise OutputLocked(f"another masthead run (pid {holder}) is writing this output") from None
            # The holder before us may have unlinked the file between our open and
            # our flock: then we locked an orphan inode, and must lock the new file.
            try:
                same = os.fstat(handle.fileno()).st_ino == os.stat(self.path).st_ino
            except FileNotFoundError:
                same = False
            if same:
                break
            handle.close()
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        if self._handle is None:
            return
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.path)
        fcntl.flock(self._handle.fileno(), fcntl.LOCK_UN)
        self._handle.close()
        self._handle = None


@attrs.define(frozen=True)
class Checkpoint:
    """Progress that is durable on disk: ``done`` inputs, partial-file sizes."""

    done: int
    offsets: dict[str, int]
    inputs: tuple[str, ...]
    counts: dict[str, Any] = attrs.field(factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "version": STATE_VERSION,
            "done": self.done,
            "offsets": self.offsets,
            "inputs": list(self.inputs),
            "counts": self.counts,
        }


class StateFile:
    """Reads and atomically rewrites ``.OUT.state.json``."""

    def __init__(self, output: str) -> None:
        self.path = sidecar(output, ".state.json")

    def load(self, inputs: Sequence[str]) -> Checkpoint | None:
        """The saved checkpoint for these inputs, or ``None`` if there is none.

        Raises ``ValueError`` if the state belongs to a run over other inputs:
        resuming it would skip the wrong documents.
        """
        try:
            with open(self.path, encoding="utf-8") as handle:
                data = json.load(handle)
        except FileNotFoundError:
            return None
        if data.get("version") != STATE_VERSION:
            raise ValueError(f"{self.path}: unknown state version {data.get('version')!r}")
        if list(data["inputs"]) != list(inputs):
            raise ValueError(f"the interrupted run read other inputs: {data['inputs']}")
        return Checkpoint(
            done=int(data["done"]),
            offsets={k: int(v) for k, v in data["offsets"].items()},
            inputs=tuple(data["inputs"]),
            counts=dict(data.get("counts", {})),
        )

    def save(self, checkpoint: Checkpoint) -> None:
        tmp = self.path + ".tmp"
        with open(tmp, "w", encoding="utf-8") as handle:
            json.dump(checkpoint.to_json(), handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, self.path)

    def remove(self) -> None:
        for path in (self.path, self.path + ".tmp"):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(path)
