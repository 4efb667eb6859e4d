"""Readers: from paths on the command line to a stream of raw documents.

:func:`expand` turns the user's arguments (files, directories, globs, ``-``)
into files lazily, so a directory of millions of pages costs no memory up
front. Each file goes to the reader registered for its suffix. Readers yield
:class:`RawDocument` for every document and :class:`Rejection` for every one
they cannot read: an input is never dropped without a record.

Only regular files are read: a FIFO, device or socket among the inputs (or
as a ``.meta.json`` sidecar) would block or never end, so it is rejected as
``not_regular_file``. A directory walk stays inside the directories given:
a symbolic link leading out of them is rejected as ``outside_input`` unless
the caller asks to follow links.
"""

from __future__ import annotations

import codecs
import errno
import glob
import io
import json
import os
import stat
import sys
from collections.abc import Iterable, Iterator, Mapping
from typing import BinaryIO, Protocol, runtime_checkable

import structlog

from masthead.extract.document import HTML, TEXT, RawDocument
from masthead.hookspecs import hookimpl
from masthead.models import Rejection, clean_text

log = structlog.get_logger("masthead.io.readers")

#: Largest single document read; larger inputs are rejected, not loaded.
MAX_DOCUMENT_BYTES = 64 * 1024 * 1024
#: Largest ``.meta.json`` sidecar read: a URL and a few dates, not a page.
MAX_SIDECAR_BYTES = 1024 * 1024
SIDECAR_SUFFIX = ".meta.json"
STDIN = "-"

ReadResult = RawDocument | Rejection


@runtime_checkable
class Reader(Protocol):
    """An input format. Registered via ``masthead_register_readers``."""

    #: Short name shown by ``masthead plugins``.
    name: str
    #: Lower-case file suffixes this reader takes, e.g. ``(".warc.gz",)``.
    suffixes: tuple[str, ...]

    def read(self, path: str) -> Iterator[ReadResult]:
        """Yield every document in the file at ``path``, or a rejection for
        each one that cannot be read. Must not raise for bad content."""
        ...  # pragma: no cover


def reject(uri: str, reason: str, error: str) -> Rejection:
    """A read-stage rejection for ``uri``."""
    return Rejection(input=uri, stage="read", reason=reason, error=error)


class NotRegularFile(OSError):
    """The path is a FIFO, device, socket or directory: not read."""

    def __init__(self, path: str, kind: str) -> None:
        super().__init__(errno.EINVAL, f"{kind}, not a regular file; only regular files are read", path)
        self.kind = kind


def file_kind(mode: int) -> str:
    """What a non-regular ``st_mode`` is, in words."""
    for test, kind in (
        (stat.S_ISDIR, "a directory"),
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return kind
    return "a special file"


def open_regular(path: str) -> BinaryIO:
    """``open(path, "rb")`` for a regular file only; raises :class:`NotRegularFile`.

    The file is opened without blocking and checked on the open descriptor,
    so a FIFO swapped in after a directory listing cannot hang the run.
    """
    fd, _ = _open_regular_fd(path)
    try:
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _open_regular_fd(path: str) -> tuple[int, int]:
    """A descriptor of the regular file at ``path`` and its size (see :func:`open_regular`)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFile(path, file_kind(info.st_mode))
    except BaseException:
        os.close(fd)
        raise
    return fd, info.st_size


def os_error_reason(exc: OSError) -> str:
    if isinstance(exc, NotRegularFile):
        return "is_directory" if exc.kind == "a directory" else "not_regular_file"
    return {
        errno.ENOENT: "not_found",
        errno.EACCES: "permission_denied",
        errno.EPERM: "permission_denied",
        errno.EISDIR: "is_directory",
        errno.ELOOP: "symlink_loop",
    }.get(exc.errno or 0, "unreadable")


def read_bytes(path: str, limit: int = MAX_DOCUMENT_BYTES) -> bytes:
    """Read a whole file, refusing files over ``limit`` bytes before loading.

    Read from the bare descriptor: a page is read whole in one call, and a
    buffered file object around it would only add a copy and its setup.
    """
    fd, size = _open_regular_fd(path)
    try:
        if size > limit:
            raise OverflowError(f"{size} bytes exceeds the {limit}-byte document limit")
        # A read of ``limit + 1`` bytes first allocates that much (64 MiB),
        # which costs more than reading a page; a file that grew since
        # ``fstat`` is read on, up to the limit, and one read short of what
        # was asked (a network file system) is followed by the next.
        chunks: list[bytes] = []
        total, wanted = 0, size + 1
        while chunk := os.read(fd, wanted - total):
            chunks.append(chunk)
            total += len(chunk)
            if total == wanted:
                if wanted > limit:
                    break
                wanted = limit + 1
    finally:
        os.close(fd)
    data = b"".join(chunks)  # one chunk is returned as it is, not copied
    if len(data) > limit:
        raise OverflowError(f"more than the {limit}-byte document limit")
    return data


def load_sidecar(path: str, suffixes: Iterable[str] = (".html", ".htm", ".xhtml", ".txt")) -> dict[str, object]:
    """Metadata from ``<name>.meta.json`` beside a page, if present.

    ``<name>`` is ``path`` without the longest of ``suffixes`` it ends with
    (a reader passes its own). The sidecar is how a saved page keeps its URL
    and capture date; a broken sidecar (not JSON, over
    :data:`MAX_SIDECAR_BYTES`, not a regular file) is ignored with a
    ``sidecar_ignored`` warning rather than losing the page.
    """
    base = path
    suffix = suffix_of(path, suffixes)
    if suffix is not None:
        base = path[: -len(suffix)]
    sidecar = base + SIDECAR_SUFFIX
    try:
        with open_regular(sidecar) as handle:
            raw = handle.read(MAX_SIDECAR_BYTES + 1)
    except FileNotFoundError:
        return {}
    except OSError as exc:
        log.warning("sidecar_ignored", uri=sidecar, reason=os_error_reason(exc), error=exc.strerror or str(exc))
        return {}
    if len(raw) > MAX_SIDECAR_BYTES:
        log.warning("sidecar_ignored", uri=sidecar, reason="too_large", limit=MAX_SIDECAR_BYTES)
        return {}
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError) as exc:
        log.warning("sidecar_ignored", uri=sidecar, reason="bad_json", error=str(exc)[:200])
        return {}
    return data if isinstance(data, dict) else {}


class _SingleFileReader:
    """A file is one document of a fixed content type."""

    def __init__(self, name: str, suffixes: tuple[str, ...], content_type: str) -> None:
        self.name = name
        self.suffixes = suffixes
        self.content_type = content_type

    def read(self, path: str) -> Iterator[ReadResult]:
        try:
            data = read_bytes(path)
        except OSError as exc:
            yield reject(path, os_error_reason(exc), f"{exc.strerror or exc}")
            return
        except OverflowError as exc:
            yield reject(path, "too_large", str(exc))
            return
        meta = load_sidecar(path, self.suffixes)
        url = meta.get("url")
        yield RawDocument(
            uri=path,
            data=data,
            content_type=self.content_type,
            url=url if isinstance(url, str) else None,
            meta=meta,
        )


class StreamReader:
    """Base for readers of container files (JSONL, WARC, ...) read as a stream.

    :meth:`read` opens the file, turning an unreadable one into a rejection;
    subclasses implement :meth:`read_stream`, which also serves stdin.
    """

    name: str
    suffixes: tuple[str, ...]

    def read(self, path: str) -> Iterator[ReadResult]:
        try:
            handle = open_regular(path)
        except OSError as exc:
            yield reject(path, os_error_reason(exc), f"{exc.strerror or exc}")
            return
        with handle:
            yield from self.read_stream(handle, path)

    def read_stream(self, handle: BinaryIO, path: str) -> Iterator[ReadResult]:
        """Every document of the open binary stream ``handle`` named ``path``."""
        raise NotImplementedError(f"{type(self).__name__} must implement read_stream")


class JsonlReader(StreamReader):
    """A JSONL file of raw records: ``{"url", "html" | "text", ...}`` per line.

    Streams line by line; a malformed line is rejected with its line number
    and the rest of the file is read.
    """

    name = "jsonl"
    suffixes = (".jsonl", ".ndjson")

    def read_stream(self, handle: BinaryIO, path: str, limit: int = MAX_DOCUMENT_BYTES) -> Iterator[ReadResult]:
        """Records of ``handle``; a line over ``limit`` bytes is rejected as
        ``too_large`` without being held in memory, and reading goes on.

        A file in UTF-16 or UTF-32 (a byte-order mark, or an opening ``{``
        and ASCII characters each with zero bytes beside it: what Windows
        tools write) is read by characters, its line ends not being single
        bytes, and each line is measured against ``limit`` in UTF-8.
        """
        wide = _wide_encoding(handle.peek(SNIFF_BYTES)[:SNIFF_BYTES]) if isinstance(handle, io.BufferedReader) else None
        lines: _Lines = _Transcoded(handle, wide) if wide else handle
        number = 0
        while line := lines.readline(limit + 1):
            number += 1
            if number == 1:
                line = line.removeprefix(codecs.BOM_UTF8)  # else a mark alone on the first line is a bad record
            uri = f"{path}#L{number}"
            if len(line) > limit and not line.endswith(b"\n"):
                while (rest := lines.readline(limit + 1)) and not rest.endswith(b"\n"):
                    pass  # skip the rest of the oversized line, a chunk at a time
                yield reject(uri, "too_large", f"line is longer than the {limit}-byte document limit")
                continue
            if len(line) > limit + 1:  # a whole line read by characters, over the limit once in UTF-8
                yield reject(uri, "too_large", f"line is longer than the {limit}-byte document limit")
                continue
            if not line.strip():
                continue
            yield self._record(line, uri)

    @staticmethod
    def _record(line: bytes, uri: str) -> ReadResult:
        """One line as a document or a rejection; never raises, so one bad
        line (deeply nested, surrogate escapes, not UTF-8) costs one record."""
        try:
            record = json.loads(line)
        except RecursionError:
            return reject(uri, "bad_jsonl", "line is nested too deeply to read")
        except ValueError as exc:
            return reject(uri, "bad_jsonl", f"line is not JSON: {exc}")
        if not isinstance(record, dict):
            return reject(uri, "bad_jsonl", "line is not a JSON object")
        html, text = record.get("html"), record.get("text")
        if isinstance(html, str):
            content, content_type = html, HTML
        elif isinstance(text, str):
            content, content_type = text, TEXT
        else:
            return reject(uri, "bad_jsonl", 'record has neither an "html" nor a "text" string')
        url = record.get("url")
        meta = {k: v for k, v in record.items() if k not in ("html", "text")}
        return RawDocument(
            uri=uri,
            data=clean_text(content).encode("utf-8"),
            content_type=content_type,
            url=clean_text(url) if isinstance(url, str) and url else None,
            encoding="utf-8",
            meta=meta,
        )


class _Lines(Protocol):
    def readline(self, size: int = -1, /) -> bytes: ...


#: The byte-order marks of the wide encodings, longest first (a UTF-32 mark
#: begins like a UTF-16 one), and the codec that reads past each.
_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: Without a mark: the codec, the width of its code units, and where the
#: byte that is not zero sits in each of the first ones (``{"u`` and the
#: like: a JSON object opens with ASCII characters).
_UNMARKED = (("utf-32-le", 4, 0), ("utf-32-be", 4, 3), ("utf-16-le", 2, 0), ("utf-16-be", 2, 1))
#: How many code units must show that pattern: a UTF-8 line that merely
#: holds a zero byte after its ``{`` is no UTF-16.
_UNITS = 4
#: Bytes looked at for the encoding: blank lines may come before the ``{``.
SNIFF_BYTES = 4096
_BLANK = frozenset(b" \t\r\n")


def _wide_encoding(head: bytes) -> str | None:
    """The UTF-16 or UTF-32 codec a JSONL file opening with ``head``
    (:data:`SNIFF_BYTES` or fewer) is in, if any: a byte-order mark, or,
    after any blank lines, an opening ``{`` and the next characters ASCII,
    each in a unit of zero bytes around it."""
    for mark, codec in _MARKS:
        if head.startswith(mark):
            return codec
    for codec, width, at in _UNMARKED:
        if _opens_wide(head, width, at):
            return codec
    return None


def _opens_wide(head: bytes, width: int, at: int) -> bool:
    """Whether ``head``, past its blank characters, opens with ``{`` and
    more ASCII characters, each a unit of ``width`` bytes that are zero but
    the one ``at``: :data:`_UNITS` of them."""
    opening: list[int] = []
    for start in range(0, len(head) - width + 1, width):
        unit = head[start : start + width]
        if unit.count(0) != width - 1 or not 0 < unit[at] < 0x80:
            break
        if opening or unit[at] not in _BLANK:
            opening.append(unit[at])
            if len(opening) == _UNITS:
                break
    return len(opening) == _UNITS and opening[0] == ord("{")


class _Transcoded:
    """A UTF-16 or UTF-32 stream's lines, each read by characters (ending at
    a newline character, not a byte) and handed on in UTF-8. A sequence the
    codec cannot read becomes U+FFFD in its line, and reading goes on."""

    def __init__(self, handle: BinaryIO, encoding: str) -> None:
        self._text = io.TextIOWrapper(handle, encoding=encoding, errors="replace", newline="\n")

    def readline(self, size: int = -1, /) -> bytes:
        return self._text.readline(size).encode("utf-8", "surrogatepass")


TEXT_READER = _SingleFileReader("text", (".txt",), TEXT)
HTML_READER = _SingleFileReader("html", (".html", ".htm", ".xhtml"), HTML)
JSONL_READER = JsonlReader()


@hookimpl
def masthead_register_readers(register: object) -> None:
    for reader in (TEXT_READER, HTML_READER, JSONL_READER):
        register(reader)  # type: ignore[operator]


def sniff_content_type(data: bytes) -> str:
    """Guess text or HTML for input without a file name (stdin)."""
    head = data[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in head or b"<head" in head:
        return HTML
    return TEXT


def read_stdin(stream: BinaryIO | None = None) -> Iterator[ReadResult]:
    """Read standard input: JSONL records if it looks like JSONL, else one page.

    JSONL is streamed line by line like a file, so it may be any length and
    one bad line costs one rejection; a page is held whole, up to
    :data:`MAX_DOCUMENT_BYTES`.
    """
    stream = stream or sys.stdin.buffer
    # The head is sniffed as the JSONL reader will read it (by characters
    # in UTF-16 or UTF-32); every byte the sniffing takes is kept, so
    # either reading starts again from the first byte.
    taken = _Recorded(stream)
    # The window is read whole, however the pipe hands its bytes over, but no
    # further than the end of the first line that is not blank: a producer
    # that writes a record and then waits gets it read at once.
    window = bytearray()
    while len(window) < SNIFF_BYTES and not _holds_a_line(window):
        chunk = taken.read(SNIFF_BYTES - len(window))
        if not chunk:
            break
        window += chunk
    buffered = io.BufferedReader(_Prefixed(bytes(window), taken))  # type: ignore[arg-type]
    wide = _wide_encoding(bytes(window))
    head = _leading_lines(_Transcoded(buffered, wide) if wide else buffered, MAX_DOCUMENT_BYTES + 1)
    if _is_jsonl(head):
        yield from JSONL_READER.read_stream(io.BufferedReader(_Prefixed(bytes(taken.taken), stream)), "<stdin>")
        return
    data = bytes(taken.taken)
    data += stream.read(max(0, MAX_DOCUMENT_BYTES + 1 - len(data)))
    if len(data) > MAX_DOCUMENT_BYTES:
        yield reject("<stdin>", "too_large", f"more than the {MAX_DOCUMENT_BYTES}-byte document limit")
        return
    yield RawDocument(uri="<stdin>", data=data, content_type=sniff_content_type(data))


def _leading_lines(stream: _Lines, limit: int) -> bytes:
    """The blank lines at the start of ``stream`` and the first other line,
    at most ``limit`` bytes in all: enough to tell JSONL from a page."""
    lines: list[bytes] = []
    size = 0
    while size < limit:
        line = stream.readline(limit - size)
        lines.append(line)
        size += len(line)
        if not line or line.removeprefix(codecs.BOM_UTF8).strip() or not line.endswith(b"\n"):
            break
    return b"".join(lines)


class _Prefixed(io.RawIOBase):
    """``prefix`` then the rest of ``stream``: stdin with its sniffed head put back."""

    def __init__(self, prefix: bytes, stream: BinaryIO) -> None:
        self._prefix = prefix
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._prefix:
            count = min(len(buffer), len(self._prefix))
            buffer[:count] = self._prefix[:count]
            self._prefix = self._prefix[count:]
            return count
        read = getattr(self._stream, "read1", self._stream.read)
        data = read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


#: Bytes a blank opening may be made of, in any Unicode form (marks included).
_BLANK_BYTES = b" \t\r\n\x00\xef\xbb\xbf\xfe\xff"


def _holds_a_line(window: bytes | bytearray) -> bool:
    """Whether ``window`` holds a line ending after some text that is not
    blank (a newline's byte, 0x0A, in any of UTF-8, UTF-16 and UTF-32)."""
    text = bytes(window).lstrip(_BLANK_BYTES)
    return b"\n" in text


class _Recorded(_Prefixed):
    """``stream`` with every byte read from it kept in :attr:`taken`: stdin
    sniffed through buffers and decoders can still be handed on whole."""

    def __init__(self, stream: BinaryIO) -> None:
        super().__init__(b"", stream)
        self.taken = bytearray()

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        count = super().readinto(buffer)
        self.taken += buffer[:count]
        return count


def _is_jsonl(data: bytes) -> bool:
    """Whether ``data`` (UTF-8, perhaps with its byte-order mark) reads as
    JSONL: its first non-blank line is a JSON object."""
    first = data.removeprefix(codecs.BOM_UTF8).lstrip().split(b"\n", 1)[0]
    try:
        return isinstance(json.loads(first), dict)
    except (ValueError, RecursionError):
        return False


def suffix_of(path: str, suffixes: Iterable[str]) -> str | None:
    """The longest registered suffix ``path`` ends with, case-insensitively
    (of equally long ones, the first)."""
    lower = path.lower()
    found = None
    for suffix in suffixes:  # asked three times per file read: no list, no max()
        if lower.endswith(suffix) and (found is None or len(suffix) > len(found)):
            found = suffix
    return found


def expand(arguments: Iterable[str], follow_links: bool = False) -> Iterator[tuple[str, bool] | Rejection]:
    """Turn command-line arguments into ``(path, named)`` pairs, lazily.

    ``named`` is true for a file the user named (or a glob matched), false for
    one found by walking a directory. Directories are walked recursively in
    sorted order (a symlinked directory is followed once; a loop is skipped),
    ``-`` stands for stdin. A missing argument yields a rejection, never an
    exception. A symbolic link met in a walk (or matched by a glob) that
    leads outside the directory given is rejected as ``outside_input``
    unless ``follow_links``: masthead reads what it was pointed at, nothing
    else.
    """
    for argument in arguments:
        if argument == STDIN:
            yield STDIN, True
        elif os.path.isdir(argument):
            yield from _walk(argument, follow_links)
        elif os.path.lexists(argument):
            yield argument, True
        elif glob.has_magic(argument):
            root = os.path.realpath(_glob_root(argument))
            matched = False
            for match in sorted(glob.iglob(argument, recursive=True)):
                matched = True
                if not follow_links and not _inside(match, root):
                    yield _outside(match, root)
                elif os.path.isdir(match):
                    yield from _walk(match, follow_links)
                else:
                    yield match, True
            if not matched:
                yield reject(argument, "not_found", "no file matches this pattern")
        else:
            yield reject(argument, "not_found", "no such file or directory")


def _glob_root(pattern: str) -> str:
    """The directory a glob pattern searches: its leading non-magic part."""
    head = pattern
    while glob.has_magic(head):
        head = os.path.dirname(head)
    return head or os.curdir


def _inside(path: str, root: str) -> bool:
    """Whether ``path``, links resolved, lies in the resolved directory ``root``."""
    real = os.path.realpath(path)
    try:
        return os.path.commonpath([real, root]) == root
    except ValueError:  # different drives
        return False


def _outside(path: str, root: str) -> Rejection:
    target = os.path.realpath(path)
    return reject(
        path,
        "outside_input",
        f"symbolic link to {target}, outside {root}: not followed (--follow-links reads it)",
    )


def _walk(top: str, follow_links: bool = False) -> Iterator[tuple[str, bool] | Rejection]:
    root = os.path.realpath(top)
    seen: set[tuple[int, int]] = set()
    pending = [top]
    while pending:
        directory = pending.pop()
        try:
            info = os.stat(directory)
        except OSError as exc:
            yield reject(directory, os_error_reason(exc), f"{exc.strerror or exc}")
            continue
        key = (info.st_dev, info.st_ino)
        if key in seen:
            continue  # a symlink loop or a second link to the same directory
        seen.add(key)
        try:
            with os.scandir(directory) as entries:
                children = sorted(entries, key=lambda e: e.name)
        except OSError as exc:
            yield reject(directory, os_error_reason(exc), f"{exc.strerror or exc}")
            continue
        subdirs = []
        for entry in children:
            if not follow_links and entry.is_symlink() and not _inside(entry.path, root):
                yield _outside(entry.path, root)
                continue
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                subdirs.append(entry.path)
            else:
                yield entry.path, False
        pending.extend(reversed(subdirs))


def _special_file(path: str, info: os.stat_result | None = None) -> Rejection | None:
    """A rejection for a FIFO, device or socket, before any reader opens it
    (``info``: the path's ``stat`` if the caller has it)."""
    if info is None:
        try:
            info = os.stat(path)
        except OSError:
            return None  # the reader reports what is wrong with it
    mode = info.st_mode
    if stat.S_ISREG(mode):
        return None
    error = NotRegularFile(path, file_kind(mode))
    return reject(path, os_error_reason(error), str(error.strerror))


def iter_documents(
    arguments: Iterable[str],
    readers: Mapping[str, Reader],
    skipped: list[str] | None = None,
    follow_links: bool = False,
) -> Iterator[ReadResult]:
    """Every document behind ``arguments``, through the reader of each suffix.

    Files met while walking a directory that no reader takes (and sidecar
    files) are passed over and listed in ``skipped``; a file the user named
    that no reader takes is rejected as ``unsupported_format``. Anything but
    a regular file is rejected as ``not_regular_file`` without being opened.
    """
    for item in expand(arguments, follow_links):
        if isinstance(item, Rejection):
            yield item
            continue
        yield from read_file(*item, readers, skipped)


def read_file(
    path: str,
    named: bool,
    readers: Mapping[str, Reader],
    skipped: list[str] | None = None,
    *,
    info: os.stat_result | None = None,
) -> Iterator[ReadResult]:
    """The documents of one file :func:`expand` gave (``-``: stdin), as
    :func:`iter_documents` reads them. ``info`` is ``os.stat(path)`` when the
    caller already took it (one system call less per file)."""
    if path == STDIN:
        yield from read_stdin()
        return
    special = _special_file(path, info)
    if special is not None:
        yield special
        return
    suffix = suffix_of(path, readers)
    if suffix is None or path.lower().endswith(SIDECAR_SUFFIX):
        if named:
            known = ", ".join(sorted(readers))
            yield reject(path, "unsupported_format", f"no reader for this file type (known: {known})")
        elif skipped is not None:
            skipped.append(path)
        return
    yield from _guarded(readers[suffix], path)


def _guarded(reader: Reader, path: str) -> Iterator[ReadResult]:
    """``reader.read(path)``, with a reader that fails turned into a record.

    A reader that raises costs the rest of that file, not the run: the error
    becomes a ``plugin_error`` rejection and the next file is read. Anything
    it yields that is neither a document nor a rejection is rejected too.
    """
    name = getattr(reader, "name", type(reader).__name__)
    try:
        items: Iterable[object] = reader.read(path)  # a plugin may break its contract
        for item in items:
            if isinstance(item, RawDocument | Rejection):
                yield item
            else:
                yield Rejection(
                    input=path,
                    stage="read",
                    reason="plugin_error",
                    plugin=name,
                    error=f"reader yielded {type(item).__name__}, not a RawDocument or Rejection",
                )
    except Exception as exc:  # noqa: BLE001 - any failure of a third-party reader
        yield Rejection(
            input=path, stage="read", reason="plugin_error", plugin=name, error=f"{type(exc).__name__}: {exc}"
        )
