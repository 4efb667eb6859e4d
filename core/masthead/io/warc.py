"""WARC reader: web archives (``.warc``, ``.warc.gz``) as a stream of pages.

Crawls are stored as WARC files, often gigabytes each, so records are read
one at a time with warcio and never all at once. Only ``response`` records
carrying an HTML or plain-text HTTP payload are pages; requests, metadata,
revisits and responses of other media types (images, scripts, feeds) are
passed over (logged at debug level), as a directory walk passes over files
of no known type.

Each page keeps what the archive knows about it: the ``WARC-Target-URI`` is
the document's URL (so routing by domain works), the HTTP charset is its
declared encoding, and ``WARC-Date`` becomes ``meta["captured_at"]``.

A crawl file is rarely perfect. A record that cannot be parsed or
decompressed becomes one ``corrupt_record`` rejection, and reading resumes
at the next record boundary found after it (the next gzip member of a
``.warc.gz``, the next ``WARC/1.x`` line of a plain ``.warc``), so one bad
record costs one record, not the rest of the file. A record without a
valid ``Content-Length`` has no knowable end, so it is such a damaged record
too (it would otherwise swallow every record after it).

Every read is bounded, whatever the file claims: a header line longer than
:data:`MAX_HEADER_LINE` bytes, headers over :data:`MAX_HEADER_BYTES`, or a
record consuming more than its declared length allows is damage, found
after reading at most that much; a record declaring more than the record
limit is passed over unread (a ``too_large`` rejection when it is a page).
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO

import structlog

from masthead.extract.document import HTML, TEXT, RawDocument
from masthead.hookspecs import hookimpl
from masthead.io.readers import MAX_DOCUMENT_BYTES, ReadResult, StreamReader, reject

log = structlog.get_logger("masthead.io.warc")

#: HTTP media types read as HTML pages or as text dumps; others are skipped.
PAGE_TYPES = {
    "text/html": HTML,
    "application/xhtml+xml": HTML,
    "text/plain": TEXT,
}
_GZIP_MAGIC = b"\x1f\x8b\x08"
_WARC_MAGIC = b"WARC/1."
_SCAN_CHUNK = 1 << 20
_DIGITS = re.compile(r"[0-9]+")
#: Longest header line (WARC or HTTP) read; real ones are under a few KB.
MAX_HEADER_LINE = 64 * 1024
#: Most bytes of WARC and HTTP headers one record may have.
MAX_HEADER_BYTES = 1024 * 1024
#: Errors zlib and warcio (besides its own ``ArchiveLoadFailed``) raise for damaged records.
_CORRUPT = (zlib.error, EOFError, ValueError, KeyError, IndexError, AttributeError, OSError)


class WarcLimitExceeded(ValueError):
    """A record needs more reading than any sound record would."""


class _Corrupt(Exception):
    """Reading stopped at a damaged record starting at ``offset``.

    Reading resumes at the next record boundary found from ``scan_from``
    (default: just after ``offset``); ``silent`` when the record was
    already accounted for.
    """

    def __init__(self, offset: int, cause: BaseException, scan_from: int | None = None, silent: bool = False) -> None:
        super().__init__(f"{type(cause).__name__}: {cause}".strip())
        self.offset = offset
        self.scan_from = scan_from
        self.silent = silent


def declared_length(record: Any) -> int | None:
    """The record's ``Content-Length`` (its length in an ARC), or ``None``
    when missing or not a non-negative integer."""
    if record.format != "warc":
        length = record.length
        return length if isinstance(length, int) and length >= 0 else None
    value = (record.rec_headers.get_header("Content-Length") or "").strip()
    return int(value) if _DIGITS.fullmatch(value) else None


def parse_content_type(value: str | None) -> tuple[str, str | None]:
    """``("text/html", "windows-1251")`` from a Content-Type header value."""
    if not value:
        return "", None
    media, _, params = value.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, val = param.partition("=")
        if key.strip().lower() == "charset":
            charset = val.strip().strip("\"'") or None
    return media.strip().lower(), charset


class WarcReader(StreamReader):
    """Reads ``.warc`` and ``.warc.gz`` files record by record."""

    name = "warc"
    suffixes = (".warc", ".warc.gz")

    def __init__(
        self, limit: int = MAX_DOCUMENT_BYTES, record_limit: int | None = None, line_limit: int = MAX_HEADER_LINE
    ) -> None:
        #: Largest page read; a larger one is a ``too_large`` rejection.
        self.limit = limit
        #: Largest record passed through; larger ones are passed over unread.
        self.record_limit = 4 * limit if record_limit is None else record_limit
        self.line_limit = line_limit

    def read_stream(self, handle: BinaryIO, path: str) -> Iterator[ReadResult]:
        """Every page of the seekable WARC stream ``handle``, resyncing after damage."""
        head = handle.read(len(_WARC_MAGIC))
        gzipped = head.startswith(_GZIP_MAGIC) or (path.lower().endswith(".gz") and not head.startswith(_WARC_MAGIC))
        reported = False  # one rejection per damaged stretch, however many resync attempts it takes
        next_start: int | None = 0
        if gzipped and not head.startswith(_GZIP_MAGIC):
            # warcio reads a damaged first member as one record that swallows the
            # members after it; the stretch up to the next member is the damage.
            yield reject(f"{path}#0", "corrupt_record", "unreadable WARC record: no gzip member at the start")
            reported = True
            next_start = _next_boundary(handle, 1, _GZIP_MAGIC)
        while next_start is not None:
            start = next_start
            handle.seek(start)
            try:
                for item in self._records(handle, path, gzipped):
                    reported = False
                    if item is not None:
                        yield item
                return
            except _Corrupt as exc:
                if not reported and not exc.silent:
                    log.warning("warc_corrupt_record", uri=f"{path}#{exc.offset}", error=str(exc)[:500])
                    yield reject(f"{path}#{exc.offset}", "corrupt_record", f"unreadable WARC record: {exc}")
                reported = True
                scan_from = exc.scan_from if exc.scan_from is not None else max(exc.offset, start) + 1
                next_start = _next_boundary(handle, scan_from, _GZIP_MAGIC if gzipped else _WARC_MAGIC)

    def _records(self, handle: BinaryIO, path: str, gzipped: bool) -> Iterator[ReadResult | None]:
        """Each record from the handle's position on: a page, a rejection, or
        ``None`` for a sound record that is no page; raises :class:`_Corrupt`.

        In a gzipped file a record warcio read without decompressing is damage:
        warcio falls back to plain reading when a member's header is broken, and
        may then take the members after it for the body of one bogus record."""
        # warcio is imported with the first archive read: it imports fsspec,
        # whose import reads the entry points of every installed package, a
        # cost every start would pay whatever its inputs.
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed

        from masthead.io.warclines import BoundedReader

        corrupt = (ArchiveLoadFailed, *_CORRUPT)
        records = ArchiveIterator(handle)
        reader = records.reader = BoundedReader(records.fh, self.line_limit)
        while True:
            offset = records.offset
            reader.start(MAX_HEADER_BYTES)
            try:
                record = next(records)
            except StopIteration:
                if _has_tail(handle, records.offset):
                    tail = EOFError("unreadable or truncated data at the end of the file")
                    raise _Corrupt(records.offset, tail) from None
                return
            except corrupt as exc:
                raise _Corrupt(offset, exc) from exc
            if gzipped and reader.decompressor is None:
                raise _Corrupt(offset, ValueError("not a gzip member"))
            length = declared_length(record)
            if length is None:
                raise _Corrupt(offset, ValueError("record has no valid Content-Length, so no knowable end"))
            if length > self.record_limit:
                yield self._oversized(record, f"{path}#{offset}", length)
                end = None if reader.decompressor else handle.tell() - reader.rem_length() + record.raw_stream.limit
                raise _Corrupt(offset, WarcLimitExceeded("record too large"), scan_from=end, silent=True)
            reader.budget += length + MAX_HEADER_BYTES
            try:
                item = self._page(record, f"{path}#{offset}")
                records.read_to_end()
            except corrupt as exc:
                raise _Corrupt(offset, exc) from exc
            missing = getattr(record.raw_stream, "limit", 0)
            if isinstance(missing, int) and missing > 0:
                raise _Corrupt(offset, EOFError(f"record truncated, {missing} bytes of its declared length missing"))
            yield item

    def _oversized(self, record: Any, uri: str, length: int) -> ReadResult | None:
        """A rejection for a page record over the record limit; other
        records that large (videos, archives) are passed over like any non-page."""
        if self._page_type(record, uri) is None:
            return None
        return reject(uri, "too_large", f"record of {length} bytes exceeds the {self.record_limit}-byte record limit")

    @staticmethod
    def _page_type(record: Any, uri: str) -> tuple[str, str | None] | None:
        """``(content type, charset)`` of a page record, ``None`` for any other."""
        if record.rec_type != "response" or not record.http_headers:
            return None
        media, charset = parse_content_type(record.http_headers.get_header("content-type"))
        content_type = PAGE_TYPES.get(media)
        if content_type is None:
            log.debug("warc_record_skipped", uri=uri, media_type=media or None)
            return None
        return content_type, charset

    def _page(self, record: Any, uri: str) -> ReadResult | None:
        kind = self._page_type(record, uri)
        if kind is None:
            return None
        content_type, charset = kind
        headers = record.http_headers
        url = record.rec_headers.get_header("WARC-Target-URI") or None
        status = headers.get_statuscode()
        if not str(status).startswith("2"):
            return reject(uri, "http_status", f"HTTP status {status} for {url}")
        data = _read_limited(record.content_stream().read, self.limit)
        if data is None:
            return reject(uri, "too_large", f"more than the {self.limit}-byte document limit")
        meta: dict[str, object] = {
            "captured_at": record.rec_headers.get_header("WARC-Date"),
            "warc_record_id": record.rec_headers.get_header("WARC-Record-ID"),
        }
        return RawDocument(
            uri=uri,
            data=data,
            content_type=content_type,
            url=url,
            encoding=charset,
            meta={k: v for k, v in meta.items() if v},
        )


def _read_limited(read: Callable[[int], bytes], limit: int) -> bytes | None:
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = read(_SCAN_CHUNK)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)


def _has_tail(handle: BinaryIO, offset: int) -> bool:
    """Whether anything but blank lines follows ``offset``: warcio ends
    quietly at a record cut off in its headers, which is still a lost record."""
    handle.seek(offset)
    while chunk := handle.read(_SCAN_CHUNK):
        if chunk.strip():
            return True
    return False


def _next_boundary(handle: BinaryIO, start: int, magic: bytes) -> int | None:
    """Offset of the next ``magic`` at or after ``start``, or ``None`` at EOF."""
    handle.seek(start)
    position = start
    tail = b""
    while True:
        chunk = handle.read(_SCAN_CHUNK)
        if not chunk:
            return None
        window = tail + chunk
        found = window.find(magic)
        while found != -1 and magic == _WARC_MAGIC and found > 0 and window[found - 1 : found] != b"\n":
            found = window.find(magic, found + 1)
        if found != -1:
            return position - len(tail) + found
        tail = window[-(len(magic)) :]
        position += len(chunk)


WARC_READER = WarcReader()


@hookimpl
def masthead_register_readers(register: Callable[[WarcReader], None]) -> None:
    register(WARC_READER)
