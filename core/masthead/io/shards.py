"""Shards: the units a cluster run hands out, named by URL, listed without reading them.

A shard is one input file: a local path, or an fsspec URL (``s3://``,
``gs://``, ``https://``, ``file://``, ...). :func:`list_shards` turns the
command line into shard URLs the way :func:`masthead.io.readers.expand`
turns it into files, plus object-store globs and directory listings, and
*paths files* in Common Crawl's form (``warc.paths.gz``: one path per line,
relative to a ``prefix`` URL such as ``https://data.commoncrawl.org/``).
Listing touches names only, never the shards' bytes: on a cluster, each
worker opens its own shard with :func:`read_shard`.

Endpoints and credentials are fsspec's business: its configuration file and
environment variables (``FSSPEC_S3_ENDPOINT_URL``, ``AWS_ACCESS_KEY_ID``, ...)
apply on the client and on every worker alike, and ``storage_options``
(``--storage-options JSON``) adds per-run keyword arguments.
"""

from __future__ import annotations

import contextlib
import glob
import hashlib
import io
import os
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import attrs

from masthead.extract.document import RawDocument
from masthead.io.readers import (
    SIDECAR_SUFFIX,
    Reader,
    ReadResult,
    StreamReader,
    expand,
    iter_documents,
    reject,
    suffix_of,
)
from masthead.models import Rejection

#: File names read as lists of shard paths, one a line (gzip inferred from the name).
PATHS_SUFFIXES = (".paths", ".paths.gz")
#: Read-ahead for remote container files: few requests, bounded memory.
STREAM_BUFFER = 4 * 1024 * 1024
INSTALL_HINT = "pip install 'masthead[s3]' (or the fsspec package for your storage)"


def is_url(name: str) -> bool:
    """Whether ``name`` names a remote object (``scheme://``) rather than a local path."""
    scheme, sep, _ = name.partition("://")
    return bool(sep) and scheme.isidentifier() and scheme.lower() != "file"


def local_path(name: str) -> str:
    """``file://`` URLs and plain paths as a local path."""
    return name[len("file://") :] if name.lower().startswith("file://") else name


def shard_id(url: str) -> str:
    """A stable short name for a shard, the same in every run: its parts are named after it."""
    return hashlib.sha256(url.encode("utf-8", "surrogateescape")).hexdigest()[:16]


def filesystem(url: str, storage_options: Mapping[str, Any]) -> tuple[Any, str]:
    """``(fs, path)`` for ``url`` through fsspec, with a clear error when its driver is missing."""
    try:
        import fsspec.core
    except ImportError as exc:  # pragma: no cover - fsspec comes with dask
        raise ValueError(f"{url}: reading URLs needs fsspec: {INSTALL_HINT}") from exc
    try:
        fs, path = fsspec.core.url_to_fs(url, **storage_options)
    except ImportError as exc:
        raise ValueError(f"{url}: {exc}; {INSTALL_HINT}") from exc
    return fs, path


@attrs.define(frozen=True)
class Listing:
    """What :func:`list_shards` found: shard URLs in order, rejections for arguments that name nothing."""

    shards: list[str]
    rejections: list[Rejection]
    skipped: list[str]


def list_shards(
    arguments: Iterable[str],
    readers: Mapping[str, Reader],
    *,
    prefix: str | None = None,
    storage_options: Mapping[str, Any] | None = None,
) -> Listing:
    """Every shard behind ``arguments``, each once, in a stable order.

    Directories (local or remote) are listed recursively and keep the files
    a reader takes (others are ``skipped``, as in a local run); a file the
    user named that no reader takes is rejected as ``unsupported_format``.
    A ``*.paths`` / ``*.paths.gz`` argument is a paths file: each line is
    joined to ``prefix``. Only names are read, one URL per shard in memory.
    """
    options = dict(storage_options or {})
    found = Listing([], [], [])
    seen: set[str] = set()

    def keep(name: str, named: bool) -> None:
        if name in seen:
            return
        suffix = suffix_of(name, readers)
        if suffix is None or name.lower().endswith(SIDECAR_SUFFIX):
            if named:
                known = ", ".join(sorted(readers))
                found.rejections.append(
                    reject(name, "unsupported_format", f"no reader for this file type (known: {known})")
                )
            else:
                found.skipped.append(name)
            return
        seen.add(name)
        found.shards.append(name)

    for argument in arguments:
        if argument.lower().endswith(PATHS_SUFFIXES):
            try:
                for line in _paths_file(argument, prefix, options):
                    keep(line, True)
            except (OSError, ValueError) as exc:
                found.rejections.append(reject(argument, "not_found", f"cannot read the paths file: {exc}"))
        elif is_url(argument):
            try:
                for name, named in _remote(argument, options):
                    keep(name, named)
            except (OSError, ValueError) as exc:
                found.rejections.append(reject(argument, "not_found", str(exc)))
        else:
            for item in expand([local_path(argument)]):
                if isinstance(item, Rejection):
                    found.rejections.append(item)
                else:
                    keep(*item)
    return found


def _paths_file(argument: str, prefix: str | None, options: dict[str, Any]) -> Iterator[str]:
    import fsspec

    opened = fsspec.open(argument, "rt", compression="infer", encoding="utf-8", **(options if is_url(argument) else {}))
    with opened as handle:
        for line in handle:
            name = line.strip()
            if not name or name.startswith("#"):
                continue
            if prefix and not is_url(name):
                name = prefix.rstrip("/") + "/" + name.lstrip("/")
            # A plain local name goes to the workers absolute: they resolve
            # paths in their own working directory (a URL, file:// too, is whole).
            yield name if "://" in name else os.path.abspath(name)


def _remote(argument: str, options: dict[str, Any]) -> Iterator[tuple[str, bool]]:
    fs, path = filesystem(argument, options)
    if glob.has_magic(path):
        matches = sorted(fs.glob(path))
        if not matches:
            raise FileNotFoundError(f"{argument}: no object matches this pattern")
        for match in matches:
            yield fs.unstrip_protocol(match), True
        return
    if fs.isdir(path):
        for name in sorted(fs.find(path)):
            yield fs.unstrip_protocol(name), False
        return
    if not fs.exists(path):
        raise FileNotFoundError(f"{argument}: no such object")
    yield argument, True


def read_shard(url: str, readers: Mapping[str, Reader], storage_options: Mapping[str, Any]) -> Iterator[ReadResult]:
    """Every document of one shard, opened here (on the worker that runs it).

    Local shards go through the ordinary readers. Remote container files
    (WARC, JSONL: any :class:`~masthead.io.readers.StreamReader`) are
    streamed through fsspec, never held whole; other remote files (single
    pages) are fetched with their ``.meta.json`` sidecar into a temporary
    directory and read there, their URIs kept as the shard's URL. A shard
    that does not exist is one ``not_found`` rejection; an error *while*
    reading an object store propagates, so the engine can retry the shard.
    """
    if not is_url(url):
        yield from iter_documents([local_path(url)], readers)
        return
    suffix = suffix_of(url, readers)
    if suffix is None:
        yield reject(url, "unsupported_format", "no reader for this file type")
        return
    reader = readers[suffix]
    fs, path = filesystem(url, storage_options)
    if isinstance(reader, StreamReader):
        try:
            handle = fs.open(path, "rb")
        except FileNotFoundError as exc:
            yield reject(url, "not_found", str(exc))
            return
        with handle, io.BufferedReader(handle, buffer_size=STREAM_BUFFER) as stream:  # a full file API
            yield from reader.read_stream(stream, url)
        return
    yield from _fetched(url, fs, path, suffix, readers)


def _fetched(url: str, fs: Any, path: str, suffix: str, readers: Mapping[str, Reader]) -> Iterator[ReadResult]:
    sidecar = path[: -len(suffix)] + SIDECAR_SUFFIX
    with tempfile.TemporaryDirectory(prefix="masthead-shard-") as scratch:
        local = os.path.join(scratch, "page" + suffix)
        try:
            fs.get_file(path, local)
        except FileNotFoundError as exc:
            yield reject(url, "not_found", str(exc))
            return
        with contextlib.suppress(FileNotFoundError):
            fs.get_file(sidecar, os.path.join(scratch, "page" + SIDECAR_SUFFIX))
        for item in iter_documents([local], readers):
            if isinstance(item, RawDocument):
                yield attrs.evolve(item, uri=url + item.uri[len(local) :])
            else:
                yield attrs.evolve(item, input=url + item.input[len(local) :])
