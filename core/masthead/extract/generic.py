"""The generic fallback source, for pages no outlet plugin claims.

Used only when the user asks for it (``--fallback generic``); it never takes
part in detection. It knows no outlet's quirks, so it keeps to what any page
states plainly: head metadata, and the paragraphs of the main content
container. Records it writes carry a warning that no outlet parser ran.
"""

from __future__ import annotations

from collections.abc import Callable

from masthead.errors import NotAnArticle
from masthead.extract.document import Page
from masthead.hookspecs import hookimpl
from masthead.router import host_of
from masthead.source import Draft, Source

#: Lines shorter than this (in words) are menu items, buttons, labels.
_MIN_WORDS = 8
_CONTAINERS = ("article", "[itemprop=articleBody]", "main", "[role=main]")


class GenericSource(Source):
    name = "generic"
    domains = ()
    fallback_only = True

    def detect(self, page: Page) -> float:
        return 0.0

    def parse(self, page: Page) -> Draft:
        lines: tuple[str, ...]
        if page.soup is not None:
            container = next(
                (el for sel in _CONTAINERS if (el := page.soup.select_one(sel)) is not None),
                page.soup.body or page.soup,
            )
            lines = page.blocks_of(container)
        else:
            lines = page.lines
        body = [line for line in lines if len(line.split()) >= _MIN_WORDS]
        if not body:
            raise NotAnArticle("no paragraph of running text found")
        meta = page.meta
        return Draft(
            url=page.url,
            title=meta.title,
            authors=meta.authors,
            published=meta.published,
            body=body,
            language=meta.language,
            warnings=["generic_fallback: no outlet plugin claimed this page" + _host(page.url)],
        )


def _host(url: str | None) -> str:
    host = host_of(url)
    return f" ({host})" if host else ""


@hookimpl
def masthead_register_sources(register: Callable[[Source], None]) -> None:
    register(GenericSource())
