"""Boxes inside an article container: captions, link lists, furniture.

An outlet's article container holds more than the text: picture captions,
a "Related Stories" list, "Editor's Picks" or "Most Popular" grids, share
bars. A plugin names them by CSS selector and, because classes get renamed
with every redesign, by the heading the box prints; these readers cut them
out of a container (a copy the plugin owns) so that its remaining blocks
are the article, and hand back what the boxes held.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from bs4 import Tag

from masthead.extract.text import collapse, fold
from masthead.extract.urls import join_url
from masthead.models import Related

__all__ = ["EMBEDS", "box_texts", "cut_boxes", "links_in"]

#: Posts of social networks and players embedded in an article (CSS): the
#: markup each network's embed code writes. Their text is another author's
#: post, and its attribution line ("— Name (@handle) July 1, 2019") would
#: read as a paragraph of the article.
EMBEDS = (
    "blockquote.twitter-tweet, blockquote.twitter-video, blockquote.instagram-media, blockquote.tiktok-embed,"
    " blockquote.telegram-post, .fb-post, .fb-video, iframe"
)


def cut_boxes(root: Tag, selectors: str = "", headings: Collection[str] = ()) -> list[Tag]:
    """Detach from ``root`` the boxes its selectors or their own heading name.

    A box is an element matching ``selectors`` (CSS), or the parent of an
    element whose whole text, folded, is one of ``headings`` (folded
    strings): that finds a box whose class was renamed (``root`` itself is
    never a box). Only the outermost of nested boxes is returned (it holds
    the others), detached, for its text or links to be read
    (:func:`box_texts`, :func:`links_in`).
    """
    boxes = list(root.select(selectors)) if selectors else []
    for text in root.find_all(string=True) if headings else ():
        heading = text.parent
        box = heading.parent if heading is not None else None
        if isinstance(box, Tag) and box is not root and fold(collapse(text)) in headings:
            boxes.append(box)
    found = {id(box) for box in boxes}
    outermost = list({id(box): box for box in boxes if not any(id(up) in found for up in box.parents)}.values())
    for box in outermost:
        box.extract()
    return outermost


def box_texts(boxes: Iterable[Tag]) -> list[str]:
    """The text of each box, whitespace collapsed, each text once (captions, credits)."""
    return list(dict.fromkeys(text for box in boxes if (text := collapse(box.get_text(" ")))))


def links_in(boxes: Iterable[Tag], base: str | None) -> list[Related]:
    """The links of ``boxes`` as :class:`masthead.Related`, one per headline.

    Links without text or address are skipped; addresses are made absolute
    against ``base`` (:func:`masthead.extract.urls.join_url`, which never
    raises); a headline seen twice keeps its first link.
    """
    related: dict[str, Related] = {}
    for box in boxes:
        for link in box.select("a[href]"):
            title, href = collapse(link.get_text(" ")), str(link.get("href", ""))
            if title and href:
                related.setdefault(fold(title), Related(title, join_url(base, href)))
    return list(related.values())
