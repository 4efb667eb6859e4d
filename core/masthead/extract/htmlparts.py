"""Links and head fields of an HTML page, read without a tree of the whole page.

A source reads its article from one container element, in a tree of its
own (:meth:`masthead.Page.soup_of`; boxes inside it are cut out with
:mod:`masthead.extract.boxes`). The related headlines its line rules find
need the addresses of the container's links (:func:`link_urls`). :func:`page_title` and
:func:`page_published` read the head metadata first and turn only one small
element into BeautifulSoup when it says nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from bs4 import Tag

from masthead.extract.dates import parse_date
from masthead.extract.text import collapse, fold
from masthead.extract.urls import join_url

if TYPE_CHECKING:
    from masthead.extract.document import Page

__all__ = ["link_urls", "page_published", "page_title"]

#: Links that lead nowhere outside the page.
_NOT_ADDRESSES = ("#", "javascript:", "mailto:")


def link_urls(root: Tag, base: str | None, *, clean: Callable[[str], str] | None = None) -> dict[str, str]:
    """Folded link text -> absolute address, for every link of ``root``.

    A related headline read from the text finds its address here. The
    first link of a text wins; anchors, scripts and mail links are left
    out. ``clean`` tidies a link's text first (an icon's file name the
    source put before it).
    """
    links: dict[str, str] = {}
    for anchor in root.select("a[href]"):
        text = collapse(anchor.get_text(" "))
        text = clean(text) if clean is not None else text
        href = str(anchor.get("href") or "").strip()
        if text and href and not href.startswith(_NOT_ADDRESSES):
            links.setdefault(fold(text), join_url(base, href))
    return links


def page_title(page: Page, *, selector: str = "h1", suffix: re.Pattern[str] | None = None) -> str | None:
    """The headline a page declares: its head metadata's title
    (:attr:`masthead.Page.meta`) with the site name ``suffix`` cut, else the
    text of the first element matching ``selector``."""
    title = page.meta.title
    if title:
        return (suffix.sub("", title) if suffix is not None else title).strip() or None
    element = page.soup_of(selector)
    return (collapse(element.get_text(" ")) if element is not None else "") or None


def page_published(page: Page, *, selector: str = "time[datetime]") -> str | None:
    """The publication time the head metadata declares, else the
    ``datetime`` of the first element matching ``selector`` (a theme's ``<time>``)."""
    if page.meta.published:
        return page.meta.published
    element = page.soup_of(selector)
    return parse_date(str(element.get("datetime") or "")) if element is not None else None
