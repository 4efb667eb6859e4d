"""Partitioned JSONL output: ``OUT/part-00000.jsonl``, ... plus ``OUT/manifest.json``.

The distributed engine writes a directory of parts rather than one file, the
layout Spark, Dask and most data tools read natively (one glob, files read in
parallel), with a manifest saying what the run was: masthead and schema
versions, the inputs, every part with its record count, and the run's counts.

Like :class:`~masthead.io.sinks.JsonlSink`, nothing appears under a final name
until the run closes cleanly: parts are written as hidden ``.partial``
files, renamed when the run ends, and the manifest is written last, so a
directory with a manifest is a complete output. Part files of an earlier run
that this run did not produce are removed at close: the directory belongs
to the run.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import uuid
from collections.abc import Callable
from datetime import datetime, timezone
from typing import IO, Any

from masthead.models import SCHEMA_VERSION, Article, Rejection
from masthead.serialize import to_json_line

MANIFEST = "manifest.json"
#: Articles per part file unless told otherwise.
RECORDS_PER_PART = 10_000
_BATCH = 256


def part_name(index: int) -> str:
    return f"part-{index:05d}.jsonl"


class PartitionedJsonlSink:
    """Writes articles into numbered JSONL parts of at most ``records_per_part`` lines.

    ``manifest`` is called at :meth:`close` for the run-specific manifest
    fields (inputs, engine, counts); the sink adds the parts and versions.
    """

    def __init__(
        self,
        directory: str,
        *,
        records_per_part: int = RECORDS_PER_PART,
        manifest: Callable[[], dict[str, Any]] | None = None,
    ) -> None:
        if records_per_part < 1:
            raise ValueError("records_per_part must be at least 1")
        if os.path.exists(directory) and not os.path.isdir(directory):
            raise NotADirectoryError(f"{directory} exists and is not a directory")
        os.makedirs(directory, exist_ok=True)
        self.directory = directory
        self.records_per_part = records_per_part
        self.manifest = manifest
        self.count = 0
        self.parts: list[dict[str, Any]] = []
        self._temps: list[str] = []
        self._handle: IO[str] | None = None
        self._in_part = 0
        self._pending: list[str] = []

    def write(self, record: Article | Rejection) -> None:
        if self._handle is None or self._in_part >= self.records_per_part:
            self._roll()
        self._pending.append(to_json_line(record) + "\n")
        self._in_part += 1
        self.count += 1
        self.parts[-1]["records"] = self._in_part
        if len(self._pending) >= _BATCH:
            self._flush()

    def _flush(self) -> None:
        if self._handle is not None and self._pending:
            self._handle.write("".join(self._pending))
            self._pending.clear()

    def _finish_part(self) -> None:
        if self._handle is None:
            return
        self._flush()
        self._handle.flush()
        os.fsync(self._handle.fileno())
        self._handle.close()
        self._handle = None

    def _roll(self) -> None:
        self._finish_part()
        name = part_name(len(self.parts))
        fd, temp = tempfile.mkstemp(prefix=f".{name}.", suffix=".partial", dir=self.directory)
        self._temps.append(temp)
        self._handle = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        self._in_part = 0
        self.parts.append({"path": name, "records": 0})

    def close(self) -> None:
        """Rename every part to its final name, drop stale parts, write the manifest."""
        self._finish_part()
        mode = 0o666 & ~_umask()
        with contextlib.suppress(FileNotFoundError):  # no manifest while the parts change
            os.unlink(os.path.join(self.directory, MANIFEST))
        for temp, part in zip(self._temps, self.parts, strict=True):
            os.chmod(temp, mode)
            os.replace(temp, os.path.join(self.directory, part["path"]))
        self._temps.clear()
        current = {p["path"] for p in self.parts}
        for name in os.listdir(self.directory):
            if name.startswith("part-") and name.endswith(".jsonl") and name not in current:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(os.path.join(self.directory, name))
        document: dict[str, Any] = {
            "format": "masthead.io.partitioned-jsonl/1",
            "masthead_version": _version(),
            "schema_version": SCHEMA_VERSION,
            "created_at": datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
            "records": self.count,
            "parts": self.parts,
        }
        if self.manifest is not None:
            document.update(self.manifest())
        _write_atomically(os.path.join(self.directory, MANIFEST), json.dumps(document, indent=2) + "\n", mode)

    def abort(self) -> None:
        """Discard this run's parts; files already in the directory stay as they were."""
        self._pending.clear()
        if self._handle is not None:
            self._handle.close()
            self._handle = None
        for temp in self._temps:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temp)
        self._temps.clear()


def read_manifest(directory: str) -> dict[str, Any]:
    with open(os.path.join(directory, MANIFEST), encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def _write_atomically(path: str, text: str, mode: int) -> None:
    fd, temp = tempfile.mkstemp(prefix=".manifest.", suffix=".partial", dir=os.path.dirname(path))
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _version() -> str:
    from masthead import __version__

    return __version__


SHARDS = "_shards"
STAGING = "_staging"
REJECTS = "rejects"
SHARDED_FORMAT = "masthead.io.partitioned-shards/1"
RUN = "_run.json"


class Superseded(RuntimeError):
    """A newer run (a resume) took over the output while this task was running."""


class PartStore:
    """The output location of a run by shard, local or on an object store (fsspec).

    Every file appears under its final name in one step: it is written to
    ``_staging/`` and then moved (a rename on a local disk; a server-side
    copy on an object store, where an object becomes visible whole). A shard
    counts as done once its *entry* ``_shards/<id>.json`` exists: the entry
    is written last, after the shard's parts, so a part without an entry is
    an unfinished attempt that a resumed run overwrites. ``manifest.json``
    rolls the entries up when the run ends.
    """

    def __init__(self, url: str, storage_options: dict[str, Any] | None = None) -> None:
        from masthead.io.shards import filesystem, is_url, local_path

        self.url = url
        self.local = not is_url(url)
        self.fs, self.root = filesystem(os.path.abspath(local_path(url)) if self.local else url, storage_options or {})
        if self.local:
            if os.path.exists(self.root) and not os.path.isdir(self.root):
                raise NotADirectoryError(f"{url} exists and is not a directory")
            self.fs.makedirs(self.path(STAGING), exist_ok=True)
            self.fs.makedirs(self.path(SHARDS), exist_ok=True)
            self.fs.makedirs(self.path(REJECTS), exist_ok=True)

    def holds(self, url: str) -> bool:
        """Whether ``url`` names a file inside this output (a run's own parts among its inputs)."""
        from masthead.io.shards import local_path

        if self.local:
            return os.path.abspath(local_path(url)).startswith(self.root.rstrip("/") + "/")
        return url.startswith(self.url.rstrip("/") + "/")

    def path(self, name: str) -> str:
        return f"{self.root.rstrip('/')}/{name}"

    @contextlib.contextmanager
    def staged(self, name: str) -> Any:
        """An open binary file whose content becomes ``name`` if the block ends cleanly."""
        temp = self.path(f"{STAGING}/{name.replace('/', '_')}.{uuid.uuid4().hex[:12]}")
        handle = self.fs.open(temp, "wb")
        try:
            yield handle
            if self.local:
                handle.flush()
                os.fsync(handle.fileno())
            handle.close()
            self.fs.mv(temp, self.path(name))
        except BaseException:
            with contextlib.suppress(Exception):
                handle.close()
            with contextlib.suppress(Exception):
                self.fs.rm(temp)
            raise

    def write_json(self, name: str, data: dict[str, Any]) -> None:
        text = (json.dumps(data, indent=1) + "\n").encode("utf-8")
        with self.staged(name) as handle:
            handle.write(text)

    def read_json(self, name: str) -> dict[str, Any]:
        with self.fs.open(self.path(name), "rb") as handle:
            data: dict[str, Any] = json.loads(handle.read())
        return data

    def entries(self) -> dict[str, dict[str, Any]]:
        """The entries of the shards committed so far, by shard id."""
        found: dict[str, dict[str, Any]] = {}
        for name in self._names(SHARDS):
            if name.endswith(".json"):
                entry = self.read_json(f"{SHARDS}/{name}")
                found[entry["id"]] = entry
        return found

    def commit(self, entry: dict[str, Any]) -> None:
        self.write_json(f"{SHARDS}/{entry['id']}.json", entry)

    def start(self, token: str, resume: bool) -> None:
        """Begin the run ``token``: a fresh one forgets the entries and manifest of any earlier run here.

        The token is written to ``_run.json``; a task commits only while it is
        there (:meth:`check_owner`), so a task of a killed client that is still
        finishing on a worker cannot overwrite what the resumed run wrote.
        """
        if not resume:
            self.remove(MANIFEST)
            for name in self._names(SHARDS):
                self.remove(f"{SHARDS}/{name}")
        self.write_json(RUN, {"token": token})

    def check_owner(self, token: str) -> None:
        """Raise :class:`Superseded` unless the run ``token`` still owns this output."""
        try:
            owner = self.read_json(RUN).get("token")
        except FileNotFoundError:
            owner = None
        if owner != token:
            raise Superseded(f"{self.url} now belongs to another run; this task's output is dropped")

    def finish(self, keep: set[str], manifest: dict[str, Any]) -> None:
        """Drop parts this run did not write and staging leftovers, then write the manifest."""
        for folder, prefix in (("", "part-"), (REJECTS, "part-"), (STAGING, "")):
            for name in self._names(folder):
                relative = f"{folder}/{name}" if folder else name
                if name.startswith(prefix) and relative not in keep:
                    self.remove(relative)
        self.write_json(MANIFEST, manifest)
        if self.local:
            with contextlib.suppress(OSError):
                os.rmdir(self.path(STAGING))

    def remove(self, name: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.fs.rm(self.path(name))

    def _names(self, folder: str) -> list[str]:
        where = self.path(folder) if folder else self.root
        try:
            listed = self.fs.ls(where, detail=True, refresh=True)
        except FileNotFoundError:
            return []
        return sorted(item["name"].rstrip("/").rsplit("/", 1)[-1] for item in listed if item["type"] == "file")
