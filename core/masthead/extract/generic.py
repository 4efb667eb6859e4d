"""The generic fallback source, for pages no outlet plugin claims.

Used only when the user asks for it (``--fallback generic``); it never takes
part in detection. It knows no outlet's quirks, so the main text is left to
trafilatura, the generic extractor that measures best on public benchmarks,
while masthead keeps what it does for every source: routing, the record,
provenance and accounting. It is registered like any other source, so a
third party can replace it with their own (``--fallback their_source``).

Fields come from what a page states plainly first (the head metadata masthead
harvests: OpenGraph, ``article:`` meta, JSON-LD), then from trafilatura's own
metadata reading. Reader comments go to ``comments``, never to ``body``.
Records carry a warning that no outlet parser ran.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import trafilatura
from lxml import etree

from masthead.errors import NotAnArticle
from masthead.extract.document import Page
from masthead.hookspecs import hookimpl
from masthead.models import Comment
from masthead.router import host_of
from masthead.source import Draft, Source

#: trafilatura's elements that hold a block of text; their children (``hi``,
#: ``ref``, ``lb``) are inline.
_BLOCKS = frozenset({"p", "head", "item", "quote", "code", "row", "cell", "list", "table", "graphic"})
#: A dump's line counts as running text from this many words (or characters,
#: for scripts written without spaces) on; shorter lines are menus and labels.
_MIN_WORDS = 8
_MIN_CHARS = 40
_AUTHOR_SPLIT = re.compile(r"\s*;\s*")


class GenericSource(Source):
    name = "generic"
    domains = ()
    fallback_only = True

    def detect(self, page: Page) -> float:
        return 0.0

    def parse(self, page: Page) -> Draft:
        if not page.is_html:
            return _from_dump(page)
        document = trafilatura.bare_extraction(
            page.source_text,
            url=page.url,
            with_metadata=True,
            include_comments=True,
            include_tables=True,
        )
        if document is None:
            raise NotAnArticle("no main text found")
        body = list(_paragraphs(getattr(document, "body", None)))
        if not body:
            raise NotAnArticle("no main text found")
        meta = page.meta
        return Draft(
            url=page.url,
            title=meta.title or _text_or_none(document.title),
            authors=meta.authors or _authors(document.author),
            published=meta.published or _text_or_none(document.date),
            body=body,
            comments=[Comment(text) for text in _paragraphs(getattr(document, "commentsbody", None))],
            language=meta.language,
            warnings=[_warning(page.url)],
        )


def _paragraphs(root: Any) -> Iterator[str]:
    """The text of each block element of trafilatura's output tree, in order.

    A list or table yields one entry per item or row; inline markup is
    flattened into its block's text.
    """
    if root is None:
        return
    for element in root.iterchildren():
        if not isinstance(element.tag, str):
            continue
        if element.tag in ("list", "table"):
            yield from _paragraphs(element)
            continue
        if element.tag == "row":
            cells = (" ".join(cell.itertext()).strip() for cell in element.iterchildren())
            text = " | ".join(cell for cell in cells if cell)
        else:
            text = _inline_text(element)
        if text:
            yield text


def _inline_text(element: etree._Element) -> str:
    """An element's text with ``<lb/>`` read as a space and runs of space joined."""
    return " ".join("".join(element.itertext()).split())


def _text_or_none(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _authors(value: object) -> list[str]:
    if not isinstance(value, str):
        return []
    return [name for name in _AUTHOR_SPLIT.split(value) if name]


def _from_dump(page: Page) -> Draft:
    """A text dump of an unknown outlet: its lines of running text."""
    body = [line for line in page.lines if len(line.split()) >= _MIN_WORDS or len(line) >= _MIN_CHARS]
    if not body:
        raise NotAnArticle("no paragraph of running text found")
    return Draft(body=body, url=page.url, warnings=[_warning(page.url)])


def _warning(url: str | None) -> str:
    host = host_of(url)
    return "generic_fallback: no outlet plugin claimed this page" + (f" ({host})" if host else "")


@hookimpl
def masthead_register_sources(register: Callable[[Source], None]) -> None:
    register(GenericSource())
