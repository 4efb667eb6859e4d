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

from masthead.errors import NotAnArticle
from masthead.extract.document import Page
from masthead.extract.htmlmeta import harvest_tree
from masthead.extract.text import collapse, fold
from masthead.hookspecs import hookimpl
from masthead.models import Comment
from masthead.router import host_of
from masthead.source import Draft, Source

#: A dump's line counts as running text from this many words (or characters,
#: for scripts written without spaces) on; shorter lines are menus and labels.
_MIN_WORDS = 8
#: trafilatura's inline elements: emphasis, links, deletions; all others
#: (``lb``, nested ``p`` or ``list``) separate words.
_INLINE = frozenset({"hi", "ref", "del"})
_MIN_CHARS = 40
#: A page whose main text is shorter than this holds no article.
_MIN_BODY_CHARS = 50
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
        # Imported on the first page that needs it: a fifth of a second of
        # start-up that runs over the outlets' own pages never pay.
        import trafilatura
        from trafilatura.metadata import extract_metadata

        tree = trafilatura.load_html(page.source_text)
        if tree is None:
            raise NotAnArticle("no HTML tree to read")
        # The head read from trafilatura's tree, which holds the same head as
        # the page's own tree: routing no longer builds that one for a page
        # with an address, so it would be a second parse of the whole page.
        meta = harvest_tree(tree)
        url = page.raw.url or meta.canonical_url
        title, authors, published = meta.title, list(meta.authors), meta.published
        if not (title and authors and published):
            # trafilatura's metadata pass (bylines in the body, htmldate) costs
            # about a quarter of an extraction: only for what the head lacks,
            # and htmldate's extensive search only when the date is missing.
            found = extract_metadata(tree, url, extensive=not published)
            title = title or _text_or_none(found.title)
            authors = authors or _authors(found.author)
            published = published or _text_or_none(found.date)
        # fast: trafilatura's own extractor, its baseline rescue and recall
        # retry, without the readability and jusText comparison. On the
        # ScrapingHub benchmark's 181 pages that comparison cost a sixth of
        # the fallback's time and changed no score (F1 0.963 without it,
        # 0.961 with it; docs/benchmark.md).
        document = trafilatura.bare_extraction(tree, url=url, include_comments=True, include_tables=True, fast=True)
        body = _without_heading(list(_paragraphs(getattr(document, "body", None))), title, authors)
        size = sum(len(paragraph) for paragraph in body)
        if size < _MIN_BODY_CHARS:
            raise NotAnArticle(f"no main text found ({size} characters)")
        return Draft(
            url=url,
            title=title,
            authors=authors,
            published=published,
            body=body,
            comments=[Comment(text) for text in _paragraphs(getattr(document, "commentsbody", None), headings=False)],
            language=meta.language,
            warnings=[_warning(url)],
        )


def _paragraphs(root: Any, *, headings: bool = True) -> Iterator[str]:
    """The text of each block element of trafilatura's output tree, in order.

    A list or table yields one entry per item or row; inline markup is
    flattened into its block's text. Text standing between blocks (the tail
    of a heading, say) is a paragraph of its own. In the comments tree each
    paragraph is taken as one comment (trafilatura does not mark where one
    ends) and headings ("3 Comments") are left out.
    """
    if root is None:
        return
    if root.text and root.text.strip():
        yield collapse(root.text)
    for element in root.iterchildren():
        if isinstance(element.tag, str):
            if element.tag == "head" and not headings:
                pass
            elif element.tag in ("list", "table"):
                yield from _paragraphs(element, headings=headings)
            elif element.tag == "row":
                cells = (_text_of(cell) for cell in element.iterchildren())
                yield " | ".join(cell for cell in cells if cell)
            elif text := _text_of(element):
                yield text
        if element.tail and element.tail.strip():
            yield collapse(element.tail)


def _text_of(element: Any) -> str:
    """An element's text in one line: inline markup (``hi``, ``ref``) joined
    as written, line breaks and nested blocks as spaces."""
    parts: list[str] = []

    def walk(node: Any) -> None:
        if node.text:
            parts.append(node.text)
        for child in node.iterchildren():
            spaced = child.tag not in _INLINE
            if spaced:
                parts.append(" ")
            walk(child)
            if spaced:
                parts.append(" ")
            if child.tail:
                parts.append(child.tail)

    walk(element)
    return collapse("".join(parts))


def _without_heading(body: list[str], title: str | None, authors: list[str]) -> list[str]:
    """``body`` without the headline and byline lines it may open with: they
    have their own fields."""
    heading = {fold(title)} if title else set()
    heading |= {fold(name) for name in authors} | {fold(f"by {name}") for name in authors}
    start = 0
    while start < min(len(body), 3) and fold(body[start]) in heading:
        start += 1
    return body[start:]


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
