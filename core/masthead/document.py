"""Raw documents as readers produce them, and the page view plugins read.

A :class:`RawDocument` is bytes plus what is known about them (uri, content
type, URL, declared encoding, sidecar metadata). :class:`Page` decodes it once
and offers every view a source plugin may want — normalized text, lines or
block elements, a parsed BeautifulSoup tree and harvested head metadata — all
computed lazily, so a plugin pays only for what it reads.
"""

from __future__ import annotations

import codecs
import hashlib
from collections.abc import Mapping
from functools import cached_property
from typing import Any

import attrs
import charset_normalizer
from bs4 import BeautifulSoup
from bs4.element import Comment as HtmlComment
from bs4.element import Declaration, Doctype, NavigableString, ProcessingInstruction, Tag

from masthead import text as textmod
from masthead.errors import InputError
from masthead.htmlmeta import PageMeta, harvest

TEXT = "text/plain"
HTML = "text/html"

#: Magic numbers of formats that are never a page, whatever their file name.
_BINARY_MAGIC = {
    b"\x89PNG": "PNG image",
    b"%PDF": "PDF document",
    b"\x1f\x8b": "gzip archive",
    b"PK\x03\x04": "ZIP archive",
    b"GIF8": "GIF image",
    b"\xff\xd8\xff": "JPEG image",
    b"BZh": "bzip2 archive",
    b"\xfd7zXZ": "xz archive",
    b"\x7fELF": "ELF executable",
    b"RIFF": "RIFF media file",
    b"OggS": "Ogg media file",
}

#: Elements whose boundaries end a line of text, as a browser renders them.
BLOCK_TAGS = frozenset(
    {
        *("address", "article", "aside", "blockquote", "body", "br", "dd", "details", "dialog", "div"),
        *("dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4"),
        *("h5", "h6", "header", "hgroup", "hr", "li", "main", "nav", "ol", "p", "pre", "section"),
        *("summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul"),
    }
)
#: Elements whose text is never part of the visible page.
SKIP_TAGS = frozenset(
    {"script", "style", "noscript", "template", "svg", "head", "iframe", "object", "button", "select"}
)
_NON_TEXT = (HtmlComment, Declaration, Doctype, ProcessingInstruction)


@attrs.define(frozen=True, kw_only=True)
class RawDocument:
    """One input document, exactly as read.

    ``url`` is the page's address when the input knows it (a WARC target URI,
    a JSONL field, a sidecar file); ``encoding`` is what the transport
    declared, if anything; ``meta`` holds any further fields the reader found
    (for instance ``captured_at`` or ``published`` from a sidecar).
    """

    uri: str
    data: bytes = attrs.field(repr=False)
    content_type: str = TEXT
    url: str | None = None
    encoding: str | None = None
    meta: Mapping[str, Any] = attrs.field(factory=dict, eq=False, hash=False)

    @cached_property
    def sha256(self) -> str:
        """Hex SHA-256 of the raw bytes; the provenance of every record."""
        return hashlib.sha256(self.data).hexdigest()

    @property
    def is_html(self) -> bool:
        return self.content_type == HTML


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode a page's bytes; return ``(text, encoding)``.

    Order of trust: a byte-order mark, then strict UTF-8 (valid UTF-8 is
    almost never an accident), then the declared charset if it decodes
    cleanly and detection agrees it is plausible, then statistical detection.
    Raises :class:`InputError` for empty, binary and undecodable input.
    """
    if not data.strip():
        raise InputError("document is empty or whitespace only", reason="empty")
    for magic, kind in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise InputError(f"binary content ({kind}), not a page", reason="binary")
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return _checked(data.decode(name)), name
            except UnicodeDecodeError as exc:
                raise InputError(f"invalid {name} after its byte-order mark: {exc}", reason="undecodable") from exc
    sample = data[:65536]
    if sample.count(b"\x00") > len(sample) // 100 + 8:
        raise InputError("binary content (NUL bytes), not a page", reason="binary")
    try:
        return _checked(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(sample).best()
    candidates = [declared] if declared else []
    if best is not None:
        candidates.append(best.encoding)
    for name in candidates:
        try:
            return _checked(data.decode(name)), codecs.lookup(name).name
        except (LookupError, UnicodeDecodeError):
            continue
    raise InputError("bytes are not valid UTF-8 and no other encoding fits", reason="undecodable")


def _checked(text: str) -> str:
    if not text.strip():
        raise InputError("document is empty or whitespace only", reason="empty")
    controls = sum(1 for ch in text[:65536] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > len(text[:65536]) // 100 + 8:
        raise InputError("binary content (control characters), not a page", reason="binary")
    # Stray NULs survive in real crawls; XML-based parsers refuse them.
    return text.replace("\x00", "") if controls else text


class Page:
    """A decoded document, as a source plugin reads it.

    Build one with :meth:`from_raw`. Every view is computed on first use and
    kept, so a plugin may ask for ``lines`` and ``soup`` freely.
    """

    def __init__(self, raw: RawDocument, text: str, encoding: str) -> None:
        self.raw = raw
        self.source_text = text
        self.encoding = encoding

    @classmethod
    def from_raw(cls, raw: RawDocument) -> Page:
        """Decode ``raw``; raises :class:`InputError` if it is no readable page."""
        text, encoding = decode(raw.data, raw.encoding)
        return cls(raw, text, encoding)

    @property
    def is_html(self) -> bool:
        return self.raw.is_html

    @cached_property
    def soup(self) -> BeautifulSoup | None:
        """The parsed HTML tree (lxml backend), or ``None`` for a text dump."""
        if not self.is_html:
            return None
        return BeautifulSoup(self.source_text, "lxml")

    @cached_property
    def lines(self) -> tuple[str, ...]:
        """Non-blank lines of a dump, or the block texts of an HTML body.

        Whitespace is normalized (CRLF, non-breaking spaces) and each entry is
        stripped; characters such as quotes are kept as the page has them.
        """
        if self.soup is None:
            return textmod.lines(self.source_text)
        root = self.soup.body or self.soup
        return blocks_of(root)

    @cached_property
    def text(self) -> str:
        """Normalized visible text, one line or block per line."""
        return "\n".join(self.lines)

    @cached_property
    def meta(self) -> PageMeta:
        """Metadata the HTML page declares about itself; empty for dumps."""
        if self.soup is None:
            return PageMeta()
        return harvest(self.soup)

    @property
    def url(self) -> str | None:
        """The page's address: from the input if known, else from the page."""
        return self.raw.url or self.meta.canonical_url

    def blocks_of(self, element: Tag) -> tuple[str, ...]:
        """Block texts of one element of :attr:`soup` (see :func:`blocks_of`)."""
        return blocks_of(element)


def blocks_of(root: Tag) -> tuple[str, ...]:
    """Text of ``root`` split where a browser would break lines.

    Inline markup is joined, each block element (``p``, ``li``, ``h2``,
    ``figcaption``, ``br``...) starts a new entry, and script, style and
    similar invisible elements are skipped. Iterative, so absurdly deep
    trees cannot exhaust the stack.
    """
    out: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        if buf:
            joined = textmod.collapse("".join(buf))
            if joined:
                out.append(joined)
            buf.clear()

    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        node, leaving = stack.pop()
        if leaving:
            flush()
            continue
        if isinstance(node, NavigableString):
            if not isinstance(node, _NON_TEXT):
                buf.append(str(node))
            continue
        if not isinstance(node, Tag) or node.name in SKIP_TAGS:
            continue
        if node.name in BLOCK_TAGS:
            flush()
            stack.append((node, True))
        stack.extend((child, False) for child in reversed(node.contents))
    flush()
    return tuple(out)
