"""Partitioned output of a run by shard: ``OUT/part-<shard>.jsonl`` (or ``.parquet``) plus ``OUT/manifest.json``.

The Dask engine writes a directory of parts rather than one file, the
layout Spark, Dask and most data tools read natively (one glob, files read
in parallel), with a manifest saying what the run was: masthead and schema
versions, the inputs, every part with its record count, and the run's
counts. :class:`PartStore` writes it so that nothing appears under a final
name half-written.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import uuid
from typing import Any

MANIFEST = "manifest.json"
#: The parts a run writes, the only files of the output's top level and of
#: ``rejects/`` that a run removes: another tool's ``part-00000.jsonl`` in
#: the same directory is not masthead's to delete.
_OWN_PART = re.compile(r"part-(?:[0-9a-f]{16}|client)\.(?:jsonl|parquet)")


def read_manifest(directory: str) -> dict[str, Any]:
    with open(os.path.join(directory, MANIFEST), encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


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

    def owns(self, url: str) -> bool:
        """Whether ``url``, a file inside this output (:meth:`holds`), is one a
        run writes there: a part, an entry, the manifest, a staged file."""
        from masthead.io.shards import local_path

        if self.local:
            inside = os.path.relpath(os.path.abspath(local_path(url)), self.root).replace(os.sep, "/")
        else:
            inside = url[len(self.url.rstrip("/")) + 1 :]
        folder, _, name = inside.rpartition("/")
        if folder in ("", REJECTS) and _OWN_PART.fullmatch(name):
            return True
        return (folder, name) in (("", MANIFEST), ("", RUN)) or folder in (SHARDS, STAGING)

    def path(self, name: str) -> str:
        return f"{self.root.rstrip('/')}/{name}"

    @contextlib.contextmanager
    def staged(self, name: str, *, text: bool = False) -> Any:
        """An open binary (or UTF-8 ``text``) file whose content becomes ``name`` if the block ends cleanly."""
        temp = self.path(f"{STAGING}/{name.replace('/', '_')}.{uuid.uuid4().hex[:12]}")
        handle = self.fs.open(temp, "w", encoding="utf-8", newline="\n") if text else self.fs.open(temp, "wb")
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
        """Drop the parts of earlier runs that this one did not keep (only
        files named as masthead names its parts) and staging leftovers, then
        write the manifest."""
        for folder in ("", REJECTS, STAGING):
            for name in self._names(folder):
                relative = f"{folder}/{name}" if folder else name
                if (folder == STAGING or _OWN_PART.fullmatch(name)) and relative not in keep:
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
