"""Article fields read from markup, around an outlet's own selectors.

Every outlet's HTML reader needs the same small readers once it has found
its elements: the text of an element that may be missing, an attribute as
one string, the block texts of a container without its furniture, the
captions of its ``<figure>``\\ s, related links gathered from several places
of a page and merged, and the headline the page declares in its head. None
of them raises on missing markup: they return ``None`` or an empty result,
so a reader chains them over optional elements.
"""

from __future__ import annotations

import copy
from collections.abc import Collection, Iterable, Sequence

from bs4 import Tag

from masthead.extract.document import blocks_of
from masthead.extract.htmlmeta import PageMeta
from masthead.extract.text import collapse, fold
from masthead.extract.urls import join_url
from masthead.models import Related

__all__ = [
    "attr_of",
    "blocks_without",
    "declared_headline",
    "figure_captions",
    "largest",
    "merge_related",
    "text_of",
    "with_link_urls",
]

#: JSON-LD types whose ``headline`` is an article's title.
_ARTICLE_TYPES = frozenset(
    ("article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle", "blogposting")
)
#: What stands between a headline and the site's name in ``<title>``
#: (compared folded, so every kind of dash is one).
_TITLE_SEPARATORS = (" - ", " | ")


def text_of(element: object) -> str | None:
    """The text of ``element``, whitespace collapsed; ``None`` for no element or no text."""
    if not isinstance(element, Tag):
        return None
    return collapse(element.get_text(" ")) or None


def attr_of(element: object, name: str) -> str | None:
    """Attribute ``name`` of ``element`` as one stripped string (a class list
    joined by spaces); ``None`` for no element, no attribute or a blank one."""
    if not isinstance(element, Tag):
        return None
    value = element.get(name)
    if isinstance(value, list):
        value = " ".join(value)
    return value.strip() or None if isinstance(value, str) else None


def largest(elements: Iterable[Tag]) -> Tag | None:
    """The element with the most text: the article, not a teaser beside it."""
    return max(elements, key=lambda element: len(element.get_text()), default=None)


def blocks_without(root: Tag, selectors: Sequence[str]) -> tuple[str, ...]:
    """Block texts of ``root`` (:func:`masthead.extract.document.blocks_of`)
    without the elements matching any of ``selectors``.

    Works on a copy when there is anything to remove: the tree may be the
    page's shared one, read by the metadata harvest and other readers.
    """
    selector = ", ".join(selectors)
    if not selector or root.select_one(selector) is None:
        return blocks_of(root)
    twin = copy.copy(root)
    for element in twin.select(selector):
        element.decompose()
    return blocks_of(twin)


def figure_captions(
    figures: Iterable[Tag], *, caption: str = "[class*=__caption]", credit: str = "[class*=__credits]"
) -> list[str]:
    """Captions of photos, each once: the ``<figcaption>``'s ``caption`` and
    ``credit`` parts joined as the page shows them, else its whole text."""
    found: list[str] = []
    for figure in figures:
        figcaption = figure.find("figcaption")
        if not isinstance(figcaption, Tag):
            continue
        parts = (text_of(figcaption.select_one(caption)), text_of(figcaption.select_one(credit)))
        text = " ".join(part for part in parts if part) or text_of(figcaption)
        if text and text not in found:
            found.append(text)
    return found


def merge_related(*groups: Iterable[Related]) -> list[Related]:
    """Related links of several places of a page, each title once (compared
    folded), in order of first mention; a later copy with a URL gives the
    URL an earlier one lacked."""
    merged: dict[str, Related] = {}
    for group in groups:
        for item in group:
            key = fold(item.title)
            if key not in merged or (merged[key].url is None and item.url):
                merged[key] = item
    return list(merged.values())


def with_link_urls(related: Iterable[Related], root: Tag, base: str | None) -> list[Related]:
    """Give related headlines found in the text the address of the link
    under ``root`` whose text they are (resolved against ``base``)."""
    hrefs: dict[str, str] = {}
    for link in root.select("a[href]"):
        text, href = text_of(link), attr_of(link, "href")
        if text and href:
            hrefs.setdefault(fold(text), join_url(base, href))
    return [item if item.url else Related(item.title, hrefs.get(fold(item.title))) for item in related]


def declared_headline(meta: PageMeta, *, site: str, not_titles: Collection[str] = ()) -> str | None:
    """The headline a page declares: a JSON-LD article's ``headline`` (or
    ``name``), else its title with " - Site" or " | Site" cut off.

    A title that is one of ``not_titles`` (folded: the site's own name on
    its home page, a section name) is no headline.
    """
    for obj in meta.json_ld:
        kinds = obj.get("@type")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        if any(isinstance(kind, str) and kind.lower() in _ARTICLE_TYPES for kind in kinds):
            headline = obj.get("headline") or obj.get("name")
            if isinstance(headline, str) and headline.strip():
                return collapse(headline)
    title = meta.title
    if not title:
        return None
    suffixes = [fold(separator + site) for separator in _TITLE_SEPARATORS]
    while (end := next((s for s in suffixes if fold(title).endswith(s)), None)) is not None:
        title = title[: -len(end)].rstrip()
    return None if fold(title) in not_titles else title
