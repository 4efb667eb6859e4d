"""Locks and checkpoints: two runs never share a file, a stopped run resumes.

While a run writes ``OUT`` (and ``REJECTS``, and the summary) it holds
``.OUT.lock`` beside each of them: an exclusive lock taken through
:mod:`filelock`, which uses ``flock`` on POSIX and ``msvcrt`` locking on
Windows. The operating system drops the lock when the process dies, so a
killed run never leaves a stale one; the empty lock file itself stays in
place (removing it would let a waiter lock an orphaned inode).

``.OUT.state.json`` is the run's checkpoint: how many input documents are
done, how many bytes of each partial file hold them, and where in the inputs
the run stands. It is replaced atomically (write, fsync, rename), so it is
always either the previous or the next checkpoint, never a torn one. A run
writes its first checkpoint before it reads anything, which replaces any
older run's state: ``--resume`` can never pick up a stale one.

``.OUT.journal`` lists the input files finished so far, one JSON line each,
appended at every checkpoint; the state records its durable length, like the
partial outputs' lengths.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterable, Iterator
from typing import IO, Any

import attrs
import filelock
import orjson

STATE_VERSION = 2


class OutputLocked(Exception):
    """Another live process is writing the same file."""


def sidecar(path: str, suffix: str) -> str:
    """``dir/out.jsonl`` -> ``dir/.out.jsonl<suffix>``: hidden, same directory."""
    directory, name = os.path.split(os.path.abspath(path))
    return os.path.join(directory, f".{name}{suffix}")


class OutputLock:
    """An exclusive, non-blocking lock on the file ``path`` a run writes."""

    def __init__(self, path: str) -> None:
        self.target = os.path.realpath(path)
        self.path = sidecar(self.target, ".lock")
        self._lock: filelock.BaseFileLock | None = None

    def acquire(self) -> None:
        """Take the lock or raise :class:`OutputLocked` at once (never waits)."""
        os.makedirs(os.path.dirname(self.path), exist_ok=True)
        # filelock reads a lock file it cannot create (a folder such as
        # /proc that refuses new files) as one held by another process:
        # made here first, that failure is the OSError it is.
        os.close(os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644))
        lock = filelock.FileLock(self.path)
        try:
            lock.acquire(timeout=0)
        except filelock.Timeout:
            raise OutputLocked(f"another masthead run is writing {self.target}") from None
        self._lock = lock

    def release(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None


class RunLocks:
    """The locks of every file one run writes, taken all or none."""

    def __init__(self, paths: Iterable[str]) -> None:
        self.locks = [OutputLock(p) for p in sorted({os.path.realpath(p) for p in paths})]

    def __enter__(self) -> RunLocks:
        taken: list[OutputLock] = []
        try:
            for lock in self.locks:
                lock.acquire()
                taken.append(lock)
        except BaseException:
            for lock in taken:
                lock.release()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        for lock in self.locks:
            lock.release()


def fsync_directory(path: str) -> None:
    """Make a rename in ``path``'s directory durable (a no-op where unsupported)."""
    try:
        fd = os.open(os.path.dirname(os.path.abspath(path)) or ".", os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


@attrs.define(frozen=True)
class Position:
    """Where a run stands inside one input: ``done`` documents of file ``key``.

    ``identity`` is ``[size, mtime_ns]`` of the file when it was read, or
    ``None`` for inputs that cannot be checked (standard input, a missing path).
    """

    key: str
    identity: list[int] | None
    done: int


@attrs.define(frozen=True)
class Checkpoint:
    """Progress that is durable on disk.

    ``phase`` is ``running`` while documents are processed and ``commit``
    once every partial file is complete and only the renames in ``publish``
    (partial name, final name) remain: then ``--resume`` finishes them.
    """

    done: int
    offsets: dict[str, int]
    inputs: tuple[str, ...]
    counts: dict[str, Any] = attrs.field(factory=dict)
    position: Position | None = None
    phase: str = "running"
    publish: tuple[tuple[str, str], ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "version": STATE_VERSION,
            "phase": self.phase,
            "done": self.done,
            "offsets": self.offsets,
            "inputs": list(self.inputs),
            "counts": self.counts,
            "position": attrs.asdict(self.position) if self.position else None,
            "publish": [list(pair) for pair in self.publish],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Checkpoint:
        position = data.get("position")
        return cls(
            done=int(data["done"]),
            offsets={k: int(v) for k, v in data["offsets"].items()},
            inputs=tuple(data["inputs"]),
            counts=dict(data.get("counts", {})),
            position=Position(**position) if position else None,
            phase=str(data.get("phase", "running")),
            publish=tuple((str(a), str(b)) for a, b in data.get("publish", [])),
        )


class StateFile:
    """Reads and atomically rewrites ``.OUT.state.json``."""

    def __init__(self, output: str) -> None:
        self.path = sidecar(output, ".state.json")

    def load(self, inputs: Iterable[str] | None = None) -> Checkpoint | None:
        """The saved checkpoint, or ``None`` if there is none.

        Raises ``ValueError`` for a state masthead cannot use, or (``inputs``
        given) one that belongs to a run over other inputs.
        """
        try:
            with open(self.path, encoding="utf-8") as handle:
                data = json.load(handle)
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:
            raise ValueError(f"{self.path} is unreadable: {exc}") from None
        if not isinstance(data, dict) or data.get("version") != STATE_VERSION:
            version = data.get("version") if isinstance(data, dict) else None
            raise ValueError(f"{self.path}: unknown state version {version!r}")
        checkpoint = Checkpoint.from_json(data)
        if inputs is not None and list(checkpoint.inputs) != list(inputs):
            raise ValueError(f"the interrupted run read other inputs: {list(checkpoint.inputs)}")
        return checkpoint

    def save(self, checkpoint: Checkpoint) -> None:
        tmp = self.path + ".tmp"
        with open(tmp, "w", encoding="utf-8") as handle:
            json.dump(checkpoint.to_json(), handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, self.path)
        fsync_directory(self.path)

    def remove(self) -> None:
        for path in (self.path, self.path + ".tmp"):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(path)


class Journal:
    """``.OUT.journal``: one JSON line per input file the run has finished.

    Lines are buffered and written at :meth:`checkpoint`, which returns the
    durable length the state records; a resumed run passes it back as
    ``resume_from`` and anything after it is cut off.
    """

    def __init__(self, output: str, *, resume_from: int | None = None) -> None:
        self.path = sidecar(output, ".journal")
        self._pending: list[str] = []
        self._handle: IO[str]
        truncate(self.path, resume_from or 0)
        self._handle = open(self.path, "a", encoding="utf-8", newline="\n")  # noqa: SIM115

    def add(self, key: str, identity: list[int] | None, documents: int) -> None:
        entry = {"key": key, "identity": identity, "documents": documents}
        try:
            line = orjson.dumps(entry).decode()  # a line per input file, at a fifth of json.dumps' cost
        except TypeError:  # a file name's undecodable bytes (lone surrogates), escaped to ASCII
            line = json.dumps(entry)
        self._pending.append(line + "\n")

    def checkpoint(self) -> int:
        self._handle.write("".join(self._pending))
        self._pending.clear()
        self._handle.flush()
        os.fsync(self._handle.fileno())
        return self._handle.tell()

    def close(self) -> None:
        self._handle.close()

    def remove(self) -> None:
        self._handle.close()
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.path)

    @staticmethod
    def entries(output: str, limit: int) -> Iterator[dict[str, Any]]:
        """The first ``limit`` bytes of an interrupted run's journal, parsed."""
        for line in read_lines(sidecar(output, ".journal"), limit):
            if line.strip():
                yield json.loads(line)


def truncate(path: str, length: int) -> None:
    """Cut ``path`` to ``length`` bytes, creating it if missing; refuse to
    *extend* it (a checkpoint that promises more bytes than the file holds
    does not belong to it)."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    try:
        size = os.lseek(fd, 0, os.SEEK_END)
        if size < length:
            raise ValueError(f"{path} holds {size} bytes, the checkpoint expects at least {length}")
        os.ftruncate(fd, length)
    finally:
        os.close(fd)


def read_lines(path: str, limit: int | None = None) -> Iterator[bytes]:
    """The lines in the first ``limit`` bytes of ``path``, one at a time
    (an interrupted run's output may be gigabytes: never read it whole)."""
    left = limit
    with open(path, "rb") as handle:
        for line in handle:
            if left is not None:
                if left <= 0:
                    return
                line = line[:left]
                left -= len(line)
            yield line
