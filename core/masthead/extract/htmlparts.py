"""Parts of an article container set aside before its text is read.

A source reads its article from one container element, in a tree of its
own that it may change (:meth:`masthead.Page.soup_of`). Inside sit things
that are not body text: sharing widgets and forms to drop, picture captions
that belong in ``captions``, and links whose addresses the related
headlines found by line rules need. These helpers do that the same way for
every source; selectors are CSS, comma-separated.
"""

from __future__ import annotations

from collections.abc import Callable

from bs4 import Tag

from masthead.extract.text import collapse, fold
from masthead.extract.urls import join_url

__all__ = ["drop", "link_urls", "take_texts"]

#: Links that lead nowhere outside the page.
_NOT_ADDRESSES = ("#", "javascript:", "mailto:")


def drop(root: Tag, selector: str) -> None:
    """Remove every element of ``root`` matching ``selector``, content and all."""
    for element in root.select(selector):
        if not element.decomposed:  # inside an element removed before it
            element.decompose()


def take_texts(root: Tag, selector: str) -> list[str]:
    """The texts of the elements matching ``selector``, in page order and
    each once, and the elements removed from ``root``.

    For captions: a caption goes to ``captions`` and must not be read a
    second time as a paragraph of the body.
    """
    texts: list[str] = []
    for element in root.select(selector):
        if element.decomposed:
            continue
        text = collapse(element.get_text(" "))
        if text and text not in texts:
            texts.append(text)
        element.decompose()
    return texts


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
