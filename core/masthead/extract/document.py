"""Raw documents as readers produce them, and the page view plugins read.

A :class:`RawDocument` is bytes plus what is known about them (uri, content
type, URL, declared encoding, sidecar metadata). :class:`Page` decodes it once
and offers every view a source plugin may want — normalized text, lines or
block elements, a parsed BeautifulSoup tree and harvested head metadata — all
computed lazily, so a plugin pays only for what it reads.
"""

from __future__ import annotations

import codecs
import copy
import functools
import hashlib
import re
from collections.abc import Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Any

import attrs

from masthead.errors import InputError
from masthead.extract import text as textmod
from masthead.extract.htmlmeta import PageMeta, harvest, harvest_tree

# The HTML machinery (Beautiful Soup, lxml, the selector compilers:
# 0.1 s of CPU to import) and the charset detector are imported where
# first used, so a run over text dumps never loads them.
if TYPE_CHECKING:
    from bs4 import BeautifulSoup, Tag

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

_MAGIC_PREFIXES = tuple(_BINARY_MAGIC)
#: Byte-order marks and their codecs, in the order they are tried (UTF-32's
#: little-endian mark begins with UTF-16's).
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_BOM_PREFIXES = tuple(bom for bom, _ in _BOMS)

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


#: Media types read as HTML besides ``text/html`` itself.
_HTML_ALIASES = frozenset({"application/xhtml+xml"})


def media_type(value: str | None) -> str:
    """The bare media type of a Content-Type value: lower case, parameters
    dropped, XHTML read as HTML (``"Text/HTML; charset=utf-8"`` gives
    ``"text/html"``); empty means :data:`TEXT`."""
    media = (value or "").partition(";")[0].strip().lower()
    if not media:
        return TEXT
    return HTML if media in _HTML_ALIASES else media


@attrs.define(frozen=True, kw_only=True)
class RawDocument:
    """One input document, exactly as read.

    ``url`` is the page's address when the input knows it (a WARC target URI,
    a JSONL field, a sidecar file); ``encoding`` is what the transport
    declared, if anything; ``content_type`` is reduced to its bare media type
    (see :func:`media_type`); ``meta`` holds any further fields the reader found
    (for instance ``captured_at`` or ``published`` from a sidecar).
    """

    uri: str
    data: bytes = attrs.field(repr=False)
    content_type: str = attrs.field(default=TEXT, converter=media_type)
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

    Order of trust: a byte-order mark; then strict UTF-8 (valid UTF-8 is
    almost never an accident); then UTF-8 with replacement when the bytes are
    overwhelmingly UTF-8 with a few damaged bytes (see :func:`_mostly_utf8`;
    each bad byte becomes U+FFFD, kept so the damage stays visible and words
    are not silently joined). Otherwise a contest among legacy encodings: the
    declared charset (if Python knows it), cp1252, the detector's top guesses
    that are on the :data:`_ALLOWED` list, cp1251 and latin-1; the candidate
    whose decoding of the first 64 KiB reads least like mojibake wins, ties
    going in that order (see :func:`_best_legacy_encoding`). The declared
    charset is thus preferred, not trusted blindly.
    Raises :class:`InputError` for empty, binary and undecodable input.
    """
    if not data.strip():
        raise InputError("document is empty or whitespace only", reason="empty")
    # One startswith of all the prefixes tells most pages, which have none of them.
    for magic, kind in _BINARY_MAGIC.items() if data.startswith(_MAGIC_PREFIXES) else ():
        if data.startswith(magic):
            raise InputError(f"binary content ({kind}), not a page", reason="binary")
    for bom, name in _BOMS if data.startswith(_BOM_PREFIXES) else ():
        if data.startswith(bom):
            try:
                return _checked(data.decode(name)), name
            except UnicodeDecodeError as exc:
                raise InputError(f"invalid {name} after its byte-order mark: {exc}", reason="undecodable") from exc
    sample = data[:65536]
    if sample.count(b"\x00") > len(sample) // 100 + 8:
        raise InputError("binary content (NUL bytes), not a page", reason="binary")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return _checked(text, _control_bytes(data) if len(data) <= _CONTROL_WINDOW else None), "utf-8"
    if _mostly_utf8(data):
        return _checked(data.decode("utf-8", errors="replace")), "utf-8"
    legacy = _best_legacy_encoding(sample, declared)
    if legacy is None:
        raise InputError("bytes are not valid UTF-8 and no other encoding fits", reason="undecodable")
    try:
        return _checked(data.decode(legacy)), legacy
    except UnicodeDecodeError as exc:
        raise InputError(f"bytes do not decode as {legacy}: {exc}", reason="undecodable") from exc


#: Candidates besides the detector's guesses for non-UTF-8 pages: the
#: encodings pages of Western and Russian outlets were saved in before UTF-8.
#: On a tie cp1252 wins over the detector's guesses: the detector often
#: calls an English page with a few accents cp1250, whose decoding differs
#: from cp1252 only in letters no word test can judge.
_PREFERRED = "cp1252"
_LEGACY = ("cp1251", "latin-1")
#: The detector's guesses are considered only if they are one of these
#: (canonical codec names); left free it offers mac-iceland, cp775 and other
#: codecs no news page is saved in, whose decodings happen to score well.
_ALLOWED = frozenset(
    codecs.lookup(name).name
    for name in ("cp1252", "cp1251", "koi8-r", "iso-8859-2", "iso-8859-5", "iso-8859-15", "latin-1")
)
_WORD = re.compile(r"[^\W\d_]{3,}")
#: Bytes that ``surrogateescape`` turned into lone surrogates.
_ESCAPED = re.compile("[\udc80-\udcff]")
_HIGH_BYTES = bytes(range(0x80, 0x100))
#: At most this share of characters may be damaged bytes in "mostly UTF-8".
_MAX_DAMAGE = 0.005


def _mostly_utf8(data: bytes) -> bool:
    """Whether ``data`` is UTF-8 with a few stray bytes, not a legacy encoding.

    True when the invalid bytes are under 0.5% of the characters and most
    non-ASCII bytes form valid multibyte sequences. A legacy page fails the
    second test: its accented letters are lone high bytes, invalid as UTF-8.
    """
    text = data.decode("utf-8", errors="surrogateescape")
    invalid = len(_ESCAPED.findall(text))
    high = len(data) - len(data.translate(None, _HIGH_BYTES))
    return invalid <= len(text) * _MAX_DAMAGE and invalid * 2 < high


def _best_legacy_encoding(sample: bytes, declared: str | None) -> str | None:
    """The candidate encoding whose decoding of ``sample`` reads most like text.

    Statistical detection alone misjudges mostly-English pages with a few
    Cyrillic words (cp1250 instead of cp1251), so each candidate's decoding
    is scored by how many words look like mis-decoded bytes; ties go to the
    declared charset, then cp1252, then the detector's allowed guesses, then
    common legacy codecs.
    """
    import charset_normalizer

    guesses = [m.encoding for m in list(charset_normalizer.from_bytes(sample))[:3]]
    guesses = [g for g in guesses if _canonical(g) in _ALLOWED]
    scored = []
    seen = set()
    for rank, name in enumerate([declared, _PREFERRED, *guesses, *_LEGACY]):
        try:
            canonical = codecs.lookup(name).name if name else None
            text = sample.decode(canonical) if canonical else None
        except (LookupError, UnicodeDecodeError):
            continue
        if canonical is None or text is None or canonical in seen:
            continue
        seen.add(canonical)
        scored.append((_oddity(text), rank, canonical))
    return min(scored)[2] if scored else None


def _canonical(name: str) -> str | None:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _oddity(text: str) -> int:
    """Count words that are typical of a wrong decoding: all accented Latin
    letters ("Ďĺńęîâ"), or Latin mixed with Cyrillic or Greek in one word."""
    odd = sum(2 for ch in text if "\x80" <= ch <= "\x9f" or ch == "\ufffd")
    for word in _WORD.findall(text):
        ascii_letters = sum(ch.isascii() for ch in word)
        latin_ext = sum("\u00c0" <= ch <= "\u024f" for ch in word)
        other_script = sum("\u0370" <= ch <= "\u052f" for ch in word)
        if latin_ext == len(word) or (other_script and (ascii_letters or latin_ext)):
            odd += 1
    return odd


#: C0 control characters other than tab, line feed, form feed and carriage
#: return: a page has next to none of them, binary data many.
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
#: The control characters are counted among a text's first this many.
_CONTROL_WINDOW = 65536
_CONTROL_BYTES = bytes([*range(0x09), 0x0B, *range(0x0E, 0x20)])


def _control_bytes(data: bytes) -> int:
    """How many bytes of ``data`` are the characters of :data:`_CONTROL_CHARS`.

    In UTF-8 such a character is one byte, and no byte of another character
    is below 0x80, so for UTF-8 of at most :data:`_CONTROL_WINDOW` bytes this
    is the count :func:`_checked` makes over the decoded text, made over the
    bytes by deleting them (a C loop) rather than by a pattern matched at
    every character of the text.
    """
    return len(data) - len(data.translate(None, _CONTROL_BYTES))


def _checked(text: str, controls: int | None = None) -> str:
    """``text`` if it is no empty or binary page, stray NULs removed; raises
    :class:`InputError`. ``controls``: its control characters already counted
    (see :func:`_control_bytes`)."""
    if not text.strip():
        raise InputError("document is empty or whitespace only", reason="empty")
    if controls is None:
        controls = len(_CONTROL_CHARS.findall(text, 0, _CONTROL_WINDOW))
    if controls > min(len(text), _CONTROL_WINDOW) // 100 + 8:
        raise InputError("binary content (control characters), not a page", reason="binary")
    # Stray NULs survive in real crawls; XML-based parsers refuse them.
    return text.replace("\x00", "") if controls else text


#: Characters at the end of an HTML page searched for its closing tags, and
#: at its start for its ``<html>`` (after a doctype and comments).
CLOSING_CHARS = 4096
OPENING_CHARS = 65536
_CLOSING_TAG = re.compile(r"</\s*(?:html|body)\b", re.IGNORECASE)
_HTML_START = re.compile(r"<html[\s>]", re.IGNORECASE)


#: Elements HTML never lets a page leave open: a page that stops at a whole
#: tag with one of them open was cut between two tags.
_CONTAINERS = ("div", "article", "main", "section")


def _left_open(text: str) -> bool:
    """Whether ``text`` opens more of :data:`_CONTAINERS` than it closes."""
    lowered = text.lower()
    return any(lowered.count(f"<{name}") > lowered.count(f"</{name}") for name in _CONTAINERS)


class Page:
    """A decoded document, as a source plugin reads it.

    Build one with :meth:`from_raw`. Every view is computed on first use and
    kept, so a plugin may ask for ``lines`` and ``soup`` freely.

    An HTML page is first parsed by lxml alone (:attr:`tree`, a fraction of
    the cost of a BeautifulSoup tree): head metadata, block texts and
    compiled selectors read that, so routing never builds a BeautifulSoup
    tree. :attr:`soup` is built only when a plugin asks for it.
    """

    #: False reads every view from one full BeautifulSoup tree, as before
    #: the lxml views existed: the reference the fast paths are tested
    #: against (same records on every corpus page and fixture). A page that
    #: Beautiful Soup reads otherwise than lxml's tree (:func:`_read_alike`)
    #: turns it off for itself.
    fast_paths: bool = True

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

    @property
    def cut_short(self) -> bool:
        """Whether an HTML page stops inside its text, a tag or an element,
        with no closing ``</body>`` or ``</html>`` after: a capture stopped
        mid-transfer or a dump cut to a size, whose last parts (the end of
        the text, the comments) are missing. Saved pages end with the tags
        or with scripts and cache notes after them (every one of the 181
        real pages of the ScrapingHub benchmark has ``</html>`` in its last
        :data:`CLOSING_CHARS`); a page that leaves its closing tags out, as
        HTML allows, still ends with a whole tag and closes its containers
        (a page cut between two tags leaves a ``div`` or an ``article``
        open); a fragment (no ``<html>``, an article's markup in a JSONL
        record) and a text dump are never said to be cut."""
        if not self.is_html:
            return False
        text = self.source_text
        tail = text[-CLOSING_CHARS:].rstrip()
        if not tail or _CLOSING_TAG.search(tail) or _HTML_START.search(text, 0, OPENING_CHARS) is None:
            return False
        return not tail.endswith(">") or _left_open(text)

    @cached_property
    def markup(self) -> str:
        """The HTML the trees are built from: the page, or, if its elements
        nest deeper than :data:`MAX_DEPTH`, the page without the deepest tags."""
        from masthead.extract.htmlparse import deeper_than, parse_html_depth, parse_tree

        if self.fast_paths:
            root = self._alike(parse_tree(self.source_text))
            self.__dict__["_tree"] = root
            if root is not None:
                if not deeper_than(MAX_DEPTH)(root):
                    return self.source_text
                del self.__dict__["_tree"]
                return shallow_markup(self.source_text, MAX_DEPTH)
        soup, depth = parse_html_depth(self.source_text)
        if not (nesting_exceeds(soup, MAX_DEPTH) if depth is None else depth > MAX_DEPTH):
            self.__dict__["soup"] = soup
            return self.source_text
        return shallow_markup(self.source_text, MAX_DEPTH)

    @property
    def tree(self) -> Any | None:
        """lxml's tree of the HTML page (an ``lxml.html`` element), or
        ``None`` for a text dump or a page lxml cannot read. Read-only by
        contract: it backs :attr:`meta` and :attr:`lines`. Query it with
        :func:`masthead.extract.htmlparse.compiled` selectors."""
        if not self.is_html or not self.fast_paths:
            return None
        if "_tree" not in self.__dict__:
            markup = self.markup
            if "_tree" not in self.__dict__:
                from masthead.extract.htmlparse import parse_tree

                self.__dict__["_tree"] = self._alike(parse_tree(markup))
        tree: Any | None = self.__dict__["_tree"]
        return tree

    def _alike(self, root: Any | None) -> Any | None:
        """``root``, or ``None`` (and no fast paths for this page) where
        Beautiful Soup would read the page otherwise (:func:`_read_alike`)."""
        if root is None or _read_alike(root):
            return root
        self.fast_paths = False
        return None

    @cached_property
    def soup(self) -> BeautifulSoup | None:
        """The parsed HTML tree (lxml backend), or ``None`` for a text dump."""
        if not self.is_html:
            return None
        markup = self.markup
        if "soup" in self.__dict__:  # built while checking the nesting
            soup: BeautifulSoup = self.__dict__["soup"]
            return soup
        from masthead.extract.htmlparse import parse_html

        return parse_html(markup)

    @cached_property
    def lines(self) -> tuple[str, ...]:
        """Non-blank lines of a dump, or the block texts of an HTML body.

        Whitespace is normalized (CRLF, non-breaking spaces) and each entry is
        stripped; characters such as quotes are kept as the page has them.
        """
        if not self.is_html:
            return textmod.lines(self.source_text)
        tree = self.tree
        if tree is not None:
            return tree_blocks(tree)
        soup = self.soup
        assert soup is not None
        return blocks_of(soup.body or soup)

    @cached_property
    def text(self) -> str:
        """Normalized visible text, one line or block per line."""
        return "\n".join(self.lines)

    @cached_property
    def folded_lines(self) -> tuple[str, ...]:
        """:func:`masthead.extract.text.fold` of every entry of :attr:`lines`,
        folded once per page: every source's detector compares lines with
        its boilerplate, and routing asks them all."""
        return tuple(map(textmod.fold, self.lines))

    @cached_property
    def folded_text(self) -> str:
        """``fold(page.text)``, built from :attr:`folded_lines` (folding
        works character by character and collapses every run of spaces and
        line ends into one space, so joining the folded lines is the same)."""
        return " ".join(line for line in self.folded_lines if line)

    @cached_property
    def meta(self) -> PageMeta:
        """Metadata the HTML page declares about itself; empty for dumps."""
        if not self.is_html:
            return PageMeta()
        tree = self.tree
        if tree is not None:
            return harvest_tree(tree)
        soup = self.soup
        assert soup is not None
        return harvest(soup)

    @property
    def url(self) -> str | None:
        """The page's address: from the input if known, else from the page."""
        return self.raw.url or self.meta.canonical_url

    def blocks_of(self, element: Tag) -> tuple[str, ...]:
        """Block texts of one element of :attr:`soup` (see :func:`blocks_of`)."""
        return blocks_of(element)

    def soup_of(self, selector: str, *, not_inside: str | None = None) -> Tag | None:
        """The first element matching CSS ``selector``, in a BeautifulSoup
        tree of its own that the caller may change; ``None`` if nothing
        matches, or if that first match lies inside an element matching
        ``not_inside``.

        This is how a source reads its article container without a
        BeautifulSoup tree of the whole page: the element is found in
        :attr:`tree` and only it is turned into BeautifulSoup objects (see
        :func:`masthead.extract.htmlparse.soup_of_element`); with no tree it
        is a copy out of :attr:`soup`. The element is its tree's only child,
        so lookups above it (``find_parent``) find nothing.
        """
        from bs4 import Tag

        from masthead.extract.htmlparse import compiled, soup_of_element

        tree = self.tree
        if tree is None:
            soup = self.soup
            found = soup.select_one(selector) if soup is not None else None
            if found is None:
                return None
            if not_inside is not None:
                outer = {id(element) for element in soup.select(not_inside)} if soup is not None else set()
                if any(id(parent) in outer for parent in found.parents):
                    return None
            return copy.copy(found)
        matches = compiled(selector)(tree)
        if not matches:
            return None
        if not_inside is not None:
            outer = set(compiled(not_inside)(tree))
            if any(parent in outer for parent in matches[0].iterancestors()):
                return None
        element = soup_of_element(matches[0]).contents[0]
        assert isinstance(element, Tag)
        return element

    def matches(self, selector: str) -> bool:
        """Whether any element matches CSS ``selector``: on :attr:`tree` by a
        compiled selector when there is one, else on :attr:`soup`."""
        tree = self.tree
        if tree is not None:
            from masthead.extract.htmlparse import compiled

            return bool(compiled(selector)(tree))
        soup = self.soup
        return soup is not None and soup.select_one(selector) is not None


#: Elements whose content Beautiful Soup reads otherwise than lxml's tree:
#: soupsieve (from version 3) never matches inside a ``template``, and text
#: below ``rt``/``rp`` is ruby text that ``get_text`` leaves out, even in an
#: element's own tree cut from the page.
_SOUP_ONLY_TAGS = ("template", "rt", "rp")
#: Whitespace to Python (so to Beautiful Soup's splitting of multi-valued
#: attributes) that XPath's ``normalize-space`` keeps inside a value. Only
#: ``class`` and ``rel`` are checked, the two that selectors test word by
#: word (``.name``, ``[rel~=author]``); the builder's rarer ones
#: (``headers``, ``accesskey``...) would cost a walk of the tree each.
_ODD_SPACE = re.compile(r"[^\S \t\n\r]")


@functools.cache
def _list_values() -> Any:
    """The ``class`` and ``rel`` values of a tree, as a compiled XPath."""
    from lxml import etree

    return etree.XPath("//@class | //@rel", smart_strings=False)


def _read_alike(root: Any) -> bool:
    """Whether compiled selectors and lxml's strings read ``root`` as
    soupsieve and Beautiful Soup read the same page: no element of
    :data:`_SOUP_ONLY_TAGS`, no ``class`` or ``rel`` value holding odd
    whitespace. Pages that fail (a few in a thousand) are read from the
    BeautifulSoup tree."""
    if next(root.iter(*_SOUP_ONLY_TAGS), None) is not None:
        return False
    return _ODD_SPACE.search(" ".join(_list_values()(root))) is None


#: Elements nested deeper than this are dropped (their content kept). Real
#: pages stay far below; hostile ones nest 100,000 deep, which would make
#: every selector and tree walk of every plugin crawl.
MAX_DEPTH = 256
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)(?:\s[^>]*)?>")
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
)


def nesting_exceeds(root: Tag, limit: int) -> bool:
    """Whether any element of ``root`` is nested deeper than ``limit``."""
    from bs4 import Tag

    stack: list[tuple[Tag, int]] = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in node.contents if isinstance(child, Tag))
    return False


def shallow_markup(markup: str, limit: int) -> str:
    """``markup`` without the start and end tags of elements deeper than ``limit``.

    A linear pass over the tags; text and shallower markup are untouched.
    Working on the string is what keeps this linear: unwrapping elements of a
    parsed BeautifulSoup tree one by one is quadratic in the nesting depth.
    """
    out: list[str] = []
    position = 0
    stack: list[tuple[str, bool]] = []
    for match in _TAG.finditer(markup):
        closing, name = match.group(1), match.group(2).lower()
        if name in _VOID or match.group(0).endswith("/>"):
            continue
        drop = False
        if not closing:
            drop = len(stack) >= limit
            stack.append((name, drop))
        else:
            for index in range(len(stack) - 1, max(len(stack) - 64, 0) - 1, -1):
                if stack[index][0] == name:
                    drop = stack[index][1]
                    del stack[index:]
                    break
        if drop:
            out.append(markup[position : match.start()])
            position = match.end()
    out.append(markup[position:])
    return "".join(out)


def blocks_of(root: Tag) -> tuple[str, ...]:
    """Text of ``root`` split where a browser would break lines.

    Inline markup is joined, each block element (``p``, ``li``, ``h2``,
    ``figcaption``, ``br``...) starts a new entry, and script, style and
    similar invisible elements are skipped. Iterative, so absurdly deep
    trees cannot exhaust the stack.
    """
    from bs4.element import Comment, Declaration, Doctype, NavigableString, ProcessingInstruction, Tag

    non_text = (Comment, Declaration, Doctype, ProcessingInstruction)
    out: list[str] = []
    buf: list[str] = []
    flush = functools.partial(_flush, buf, out)

    # Depth-first over the tree with an explicit stack; _END marks where a
    # block element closes. This walk runs on every HTML page, so it avoids
    # per-node allocations: no (node, flag) tuples, strings joined as they are.
    stack: list[Any] = [root]
    while stack:
        node = stack.pop()
        if node is _END:
            flush()
        elif isinstance(node, NavigableString):
            if not isinstance(node, non_text):
                buf.append(node)
        elif isinstance(node, Tag):
            name = node.name
            if name in SKIP_TAGS:
                continue
            if name in BLOCK_TAGS:
                flush()
                stack.append(_END)
            stack.extend(reversed(node.contents))
    flush()
    return tuple(out)


_END = object()


def _flush(buf: list[str], out: list[str]) -> None:
    """End a block: its strings joined and collapsed, if not only whitespace."""
    if buf:
        text = "".join(buf)
        buf.clear()
        if not text.isspace():  # the gaps between blocks: nothing to collapse
            joined = textmod.collapse(text)
            if joined:
                out.append(joined)


#: The strings Beautiful Soup reduces to one space or newline: whitespace
#: only, in ASCII (its builder does this to every such string outside
#: ``pre`` and ``textarea``).
_ASCII_SPACE = " \n\t\x0c\r"


def tree_blocks(root: Any) -> tuple[str, ...]:
    """:func:`blocks_of` of the body of an lxml tree (:attr:`Page.tree`):
    the same entries, read by lxml's C iteration instead of a BeautifulSoup walk."""
    body = next(root.iter("body"), None)
    return _tree_blocks(body if body is not None else root)


def _tree_blocks(root: Any) -> tuple[str, ...]:
    stack: list[Any] = [root]  # elements, strings and _END, as in blocks_of
    out: list[str] = []
    buf: list[str] = []
    flush = functools.partial(_flush, buf, out)
    while stack:
        node = stack.pop()
        kind = type(node)
        if kind is str:
            buf.append(node)
            continue
        if node is _END:
            flush()
            continue
        if kind is tuple:  # a string holding a form feed, see _spelled
            buf.append(_spelled(*node))
            continue
        tail = node.tail
        if tail and node is not root:
            stack.append(tail if "\x0c" not in tail else (tail, node.getparent()))
        name = node.tag
        if name.__class__ is not str or name in SKIP_TAGS:  # comments and processing instructions
            continue
        if name in BLOCK_TAGS:
            flush()
            stack.append(_END)
        if len(node):
            stack.extend(reversed(node))
        text = node.text
        if text:
            buf.append(text if "\x0c" not in text else _spelled(text, node))
    flush()
    return tuple(out)


def _spelled(text: str, holder: Any) -> str:
    """A form feed alone is the one string whose Beautiful Soup spelling (a
    space: its builder reduces every ASCII-whitespace string outside ``pre``
    and ``textarea``) reads differently once normalized (control characters go)."""
    if text.strip(_ASCII_SPACE) or _preformatted(holder):
        return text
    return "\n" if "\n" in text else " "


def _preformatted(element: Any) -> bool:
    return element is not None and (
        element.tag in ("pre", "textarea") or next(element.iterancestors("pre", "textarea"), None) is not None
    )
