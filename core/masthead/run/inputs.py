"""Which inputs a run has finished, keyed on the files themselves.

A checkpoint must say *which documents* are done, not "the first N of
whatever the arguments expand to now": a file added to an input directory
before ``--resume`` would shift every later document by one. So inputs are
read as *visits* (one file read once, or standard input, or a missing path),
each with the file's identity (size and modification time). The
:class:`Ledger` follows records as they are delivered, in input order, and
writes every finished visit to the run's journal; the state records the visit
in progress and how many of its documents are done.

On ``--resume``, a :class:`ResumePlan` compares the journal with the inputs
as they are now: a finished file is skipped without being read again, the
file in progress continues after its finished documents, a file that changed
since is refused (its old records are already in the output), and files
added or removed since are named in the log.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from collections import Counter, deque
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import attrs
import structlog

from masthead.io.checkpoint import Journal, Position
from masthead.io.readers import SIDECAR_SUFFIX, STDIN, Reader, ReadResult, expand, iter_documents, read_file, suffix_of
from masthead.io.shards import PATHS_SUFFIXES, is_url, list_shards, local_path, read_shard

log = structlog.get_logger("masthead.run.inputs")


@attrs.define(eq=False)
class Visit:
    """One input read once: ``key`` (its path as expanded) and its identity."""

    key: str
    identity: list[int] | None


def identity_of(path: str) -> list[int] | None:
    """``[size, mtime_ns]`` of the file at ``path``; ``None`` if it cannot be stat'ed."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return [info.st_size, info.st_mtime_ns]


def visits(
    arguments: Iterable[str],
    readers: Mapping[str, Reader],
    skipped: list[str],
    own: set[str],
    *,
    prefix: str | None = None,
    storage_options: Mapping[str, Any] | None = None,
    follow_links: bool = False,
) -> Iterator[tuple[Visit, Iterator[ReadResult]]]:
    """Every input behind ``arguments`` with its documents, read lazily.

    Files met while walking a directory that no reader takes (and sidecars)
    go to ``skipped``, as :func:`~masthead.io.readers.iter_documents` does;
    files whose real path is in ``own`` (the run's own outputs) are passed
    over. URLs and paths files are listed as shards
    (:func:`~masthead.io.shards.list_shards`); a remote shard has no
    identity to check on resume.
    """
    arguments = list(arguments)
    if any(is_url(a) or a.lower().endswith(PATHS_SUFFIXES) or a.lower().startswith("file://") for a in arguments):
        yield from _shard_visits(arguments, readers, skipped, own, prefix, dict(storage_options or {}))
        return
    own_names = {os.path.basename(path) for path in own}
    for item in expand(arguments, follow_links):
        if not isinstance(item, tuple):
            yield Visit(item.input, None), iter((item,))
            continue
        path, named = item
        if path == STDIN:
            yield Visit(STDIN, None), iter_documents([STDIN], readers)
            continue
        # One lstat serves three questions about a file that is no symbolic
        # link (most): is it a link, what is its identity, is it a regular
        # file. For a link, stat follows it, as before.
        info = _lstat(path)
        direct = info if info is not None and not stat.S_ISLNK(info.st_mode) else None
        if is_own(path, own, own_names, info):
            continue
        unread = suffix_of(path, readers) is None or path.lower().endswith(SIDECAR_SUFFIX)
        if not named and unread and (os.path.isfile(path) or not os.path.exists(path)):
            skipped.append(path)  # a special file falls through: it is rejected, never skipped
            continue
        identity = [direct.st_size, direct.st_mtime_ns] if direct is not None else identity_of(path)
        yield Visit(path, identity), read_file(path, named, readers, info=direct)


def _lstat(path: str) -> os.stat_result | None:
    try:
        return os.lstat(path)
    except OSError:
        return None


def is_own(path: str, own: set[str], own_names: set[str], info: os.stat_result | None = None) -> bool:
    """Whether ``path`` is one of the run's outputs (``own``: their real
    paths; ``own_names``: their file names); ``info`` is its ``lstat``
    (``None``: taken here, or it failed).

    A real path ends with the path's own file name unless that name is a
    symbolic link (or ``.``/``..``): one ``lstat`` rules out most files,
    where resolving every folder of the path costs ten times that.
    """
    name = os.path.basename(path)
    info = info if info is not None else _lstat(path)
    is_link = info is not None and stat.S_ISLNK(info.st_mode)
    if name not in own_names and name not in ("", ".", "..") and not is_link:
        return False
    return os.path.realpath(path) in own


def _shard_visits(
    arguments: list[str],
    readers: Mapping[str, Reader],
    skipped: list[str],
    own: set[str],
    prefix: str | None,
    options: dict[str, Any],
) -> Iterator[tuple[Visit, Iterator[ReadResult]]]:
    listing = list_shards(arguments, readers, prefix=prefix, storage_options=options)
    for rejection in listing.rejections:
        yield Visit(rejection.input, None), iter((rejection,))
    skipped.extend(listing.skipped)
    for url in listing.shards:
        if is_url(url):
            yield Visit(url, None), read_shard(url, readers, options)
        elif os.path.realpath(local_path(url)) not in own:
            yield Visit(url, identity_of(local_path(url))), read_shard(url, readers, options)


class Ledger:
    """Follows delivered records back to their visits; journals finished ones.

    :meth:`read` is called for every document handed to the runner,
    :meth:`delivered` for every record that comes back, in the same order.
    """

    def __init__(self, journal: Journal) -> None:
        self.journal = journal
        self._queue: deque[tuple[Visit, int, bool]] = deque()
        self.current: Visit | None = None
        self.done = 0

    def read(self, visit: Visit, carried: int = 0, *, document: bool = True) -> None:
        """A document of ``visit`` goes to the runner (``carried``: documents of
        it already done by an earlier run; ``document=False``: none follows)."""
        self._queue.append((visit, carried, document))

    def delivered(self) -> None:
        self._settle()
        visit, carried, _ = self._queue.popleft()
        self._enter(visit, carried)
        self.done += 1

    def position(self) -> Position | None:
        self._settle()
        if self.current is None:
            return None
        return Position(self.current.key, self.current.identity, self.done)

    def _settle(self) -> None:
        while self._queue and not self._queue[0][2]:
            visit, carried, _ = self._queue.popleft()
            self._enter(visit, carried)

    def _enter(self, visit: Visit, carried: int) -> None:
        if visit is self.current:
            return
        if self.current is not None:
            self.journal.add(self.current.key, self.current.identity, self.done)
        self.current, self.done = visit, carried


def _key(key: str, identity: object) -> int:
    """A compact, stable key for one input as read: a resumed run over a
    million files keeps a million small integers, not their paths."""
    text = json.dumps([key, identity if isinstance(identity, list) else None])
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "big")


class ResumePlan:
    """What a resumed run skips, continues and reads anew (see the module docstring)."""

    def __init__(self, finished: Iterable[Mapping[str, object]], position: Position | None) -> None:
        self.changed: list[str] = []
        self.removed: list[str] = []
        self.added: list[str] = []
        self._done: Counter[int] = Counter()
        for entry in finished:
            key, identity = str(entry["key"]), entry.get("identity")
            if self._check(key, identity):
                self._done[_key(key, identity)] += 1
        self.position = position if position and self._check(position.key, position.identity) else None
        self._passed = self.position is None

    def _check(self, key: str, identity: object) -> bool:
        """Whether the input ``key`` is still as the interrupted run read it."""
        if identity is None:
            return True
        now = identity_of(key)
        if now is None:
            self.removed.append(key)
            return False
        if now != identity:
            self.changed.append(f"{key} (was {identity[0]} bytes, now {now[0]})")  # type: ignore[index]
        return True

    def skip(self, visit: Visit) -> int | None:
        """How many documents of ``visit`` are done: ``None`` for all of them."""
        key = _key(visit.key, visit.identity)
        if self._done[key] > 0:
            self._done[key] -= 1
            return None
        position = self.position
        if not self._passed and position and key == _key(position.key, position.identity):
            self._passed = True
            return position.done
        if not self._passed or +self._done:
            self.added.append(visit.key)
            log.warning("input_added", path=visit.key, note="not seen by the interrupted run; read now")
        return 0


def documents(
    stream: Iterable[tuple[Visit, Iterator[ReadResult]]], ledger: Ledger | None, plan: ResumePlan | None
) -> Iterator[ReadResult]:
    """The documents still to do, each announced to ``ledger`` (if the run keeps one)."""
    for visit, items in stream:
        skip = plan.skip(visit) if plan is not None else 0
        if skip is None:
            continue
        first = True
        for number, item in enumerate(items):
            if number < skip:
                continue
            if ledger is not None:
                ledger.read(visit, skip if first else 0)
            first = False
            yield item
        if first and skip and ledger is not None:
            ledger.read(visit, skip, document=False)
