"""Russia Briefing HTML pages, read through the lines the dump parser reads.

russia-briefing.com is a WordPress site on the theme the Dezan Shira &
Associates *Briefing* sites share: the post is an ``<article class="post
type-post ...">`` holding an ``h1.entry-title``, a "Posted by" meta line and a
``div.entry-content``; the "About Us" blurb and the "Related Reading" box (an
``<img>`` icon whose file name dumps print, then links) sit inside the content;
the comment area (``#comments``, ``#respond``) follows the article. Listing
pages carry ``archive``/``category`` body classes and many post teasers.

The quirk logic lives in :mod:`.parsing`; this module only picks the
container, sets captions and comments aside, and puts the icon's file name
back into the text so that both kinds of input read the same. The container
is read from a copy of its lxml element (:func:`_read_tree`), or from a
BeautifulSoup tree of its own when the page has no lxml tree
(:func:`_read_soup`); only the comment area and a few small elements become
BeautifulSoup trees (:meth:`masthead.Page.soup_of`); head metadata comes from
:attr:`masthead.Page.meta`.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence
from typing import Any

import attrs
from bs4 import Tag
from bs4.element import NavigableString

from masthead import Comment, Draft, NotAnArticle, Page, Related
from masthead.extract.boxes import EMBEDS, box_texts
from masthead.extract.document import tree_blocks
from masthead.extract.htmlcomments import WORDPRESS, read_element_comments, read_page_comments
from masthead.extract.htmlmeta import names_publisher
from masthead.extract.htmlparts import (
    Container,
    cut_matches,
    cut_out,
    first_match,
    link_urls,
    matches_under,
    page_published,
    page_title,
    tree_link_urls,
    tree_text,
)
from masthead.extract.listing import page_says_listing
from masthead.extract.shapes import is_name
from masthead.extract.text import fold

from . import boilerplate, byline
from .parsing import parse_lines

#: The post container, most specific first.
CONTAINERS = (
    *("article.type-post", "article.post", "article[id^=post-]", ".single-post-content", "div.post[id^=post-]"),
    *("article", ".entry-content", "[itemprop=articleBody]", "main", "#content", "body"),
)
#: Elements inside the container that are never part of the article.
NOISE = (
    "script, style, noscript, form, nav, aside, .sharedaddy, .sd-sharing-enabled, .jp-relatedposts,"
    " .addtoany_share_save_container, .a2a_kit, .social-share, .share-buttons, .rt-reading-time,"
    " .span-reading-time, .tags-links, .cat-links, .post-tags, .post-navigation, .navigation,"
    " #comments, .comments-area, #respond, .comment-respond, .comment-list, .commentlist,"
    " header.amp-wp-article-header, .amp-wp-meta, .amp-wp-article-footer, " + EMBEDS
)
CAPTIONS = "figcaption, .wp-caption-text, .wp-element-caption"
#: Where the theme lists comments; a comment outside all of them is looked for in the whole page.
COMMENT_AREAS = "#comments, .comments-area, .comment-list, .commentlist"
#: The headline and the time of the post, when the head metadata lacks them.
TITLE = "h1.entry-title, h1.post-title, article h1, h1"
TIME = "time.entry-date.published, time.published, time.entry-date"
_SITE_SUFFIX = re.compile(r"\s+[-–—|:·»]\s+russia briefing(?: news)?\s*$", re.IGNORECASE)


def parse(page: Page) -> Draft:
    """The article of an HTML page; :class:`NotAnArticle` for listings and empty pages."""
    if page_says_listing(page, teasers="article"):
        raise NotAnArticle("listing page (body classes or three post teasers)")
    read = _read_tree(page) or _read_soup(page)
    title = page_title(page, selector=TITLE, suffix=_SITE_SUFFIX)
    lines = read.lines
    if not any(byline.is_byline(line) for line in lines):
        lines = _page_byline(page) + lines
    extract = parse_lines(lines, known_title=title, links=read.links.keys())
    authors = _authors(page, extract.authors)
    warnings = [w for w in extract.warnings if not (authors and w.startswith("byline_missing"))]
    return Draft(
        url=page.url,
        title=title or extract.title,
        authors=authors,
        published=page_published(page, selector=TIME) or extract.published,
        body=extract.body,
        captions=list(dict.fromkeys((*read.captions, *extract.captions))),
        related=[Related(r.title, read.links.get(fold(r.title))) for r in extract.related],
        comments=_comments(page),
        language=page.meta.language or "en",
        warnings=warnings,
    )


def _comments(page: Page) -> list[Comment]:
    """The comments of the theme's comment area as
    :func:`masthead.extract.htmlcomments.read_page_comments` reads them: on
    lxml's tree of the area (:func:`masthead.extract.htmlcomments.read_element_comments`)
    where that gives the same, else in a BeautifulSoup tree of it (or of the page)."""
    tree = page.tree
    area = first_match(tree, COMMENT_AREAS) if tree is not None else None
    found = read_element_comments(area, WORDPRESS) if area is not None else None
    return found if found is not None else read_page_comments(page, WORDPRESS, COMMENT_AREAS)


@attrs.frozen
class _Read:
    """What the container holds: its block texts once captions and noise are
    cut, the captions' texts, and folded link text -> address."""

    lines: tuple[str, ...]
    captions: list[str]
    links: dict[str, str]


def _read_soup(page: Page) -> _Read:
    """The container read from its BeautifulSoup tree (:func:`container`)."""
    found = container(page)
    root = found.root
    captions = box_texts(_cut(found.select(CAPTIONS, outermost=True)))
    links = link_urls(root, page.url, clean=boilerplate.strip_artifact, anchors=found.select("a[href]"))
    return _Read(page.blocks_of(root), captions, links)


def _read_tree(page: Page) -> _Read | None:
    """The container read as :func:`_read_soup` reads it, from a copy of its
    lxml element: no BeautifulSoup tree is built.

    Each step is the soup's on lxml: an element is cut out as an extracted
    ``Tag`` is (:func:`masthead.extract.htmlparts.cut_out`); an icon becomes
    a ``span`` holding its file name (the string put in the soup); texts are read as ``get_text`` reads them
    (:func:`masthead.extract.htmlparts.tree_text`) and blocks as
    :attr:`masthead.Page.lines` reads a page
    (:func:`masthead.extract.document.tree_blocks`). ``None`` (read the
    soup) without an lxml tree, for a container that is the ``html``
    element (``tree_blocks`` reads its body only), and for an icon name
    lxml refuses as text (control characters).
    """
    tree = page.tree
    if tree is None:
        return None
    found = next((found for sel in CONTAINERS if (found := first_match(tree, sel)) is not None), None)
    if found is None:
        raise NotAnArticle("no HTML element to read")
    if found.tag == "html":
        return None
    root = copy.deepcopy(found)
    root.tail = None
    cut_matches(root, NOISE)
    try:
        icons = _reveal_tree_icons([img for img in root.iter("img") if img is not root])
    except ValueError:
        return None
    boxes = matches_under(root, CAPTIONS, outermost=True)
    captions = list(dict.fromkeys(text for box in boxes if (text := tree_text(box, plain=icons))))
    for box in boxes:
        cut_out(box)
    anchors = matches_under(root, "a[href]")
    links = tree_link_urls(anchors, page.url, clean=boilerplate.strip_artifact, plain=icons)
    return _Read(tree_blocks(root), captions, links)


def container(page: Page) -> Container:
    """The post container in a tree of its own, noise removed and icons revealed."""
    found = next((found for sel in CONTAINERS if (found := Container.of(page, sel)) is not None), None)
    if found is None:
        raise NotAnArticle("no HTML element to read")
    _cut(found.select(NOISE, outermost=True))
    _reveal_icons(found.select("img"))
    return found


def _cut(boxes: list[Tag]) -> list[Tag]:
    """Detach ``boxes`` from their tree (as :func:`masthead.extract.boxes.cut_boxes` does)."""
    for box in boxes:
        box.extract()
    return boxes


def _page_byline(page: Page) -> tuple[str, ...]:
    """The "Posted by" line when the theme prints it outside the container."""
    lines = page.lines
    at = next((i for i, line in enumerate(lines) if byline.is_byline(line)), None)
    return () if at is None else tuple(lines[at : byline.run_end(lines, at + 1)])


def _reveal_icons(images: list[Tag]) -> None:
    """Replace the related-reading icon ``<img>`` among ``images`` by its file name, as dumps print it."""
    for img in images:
        name = _icon_name(img.get("alt"), img.get("src") or img.get("data-src"))
        if name is not None:
            img.replace_with(NavigableString(name))


def _reveal_tree_icons(images: list[Any]) -> set[Any]:
    """:func:`_reveal_icons` on lxml: each icon becomes a ``span`` holding its
    file name, its tail left in place; those stand-ins, whose text is the
    string the soup would hold. Raises ``ValueError`` for a name lxml refuses."""
    spans = set()
    for img in images:
        name = _icon_name(img.get("alt"), img.get("src") or img.get("data-src"))
        if name is not None:
            img.clear(keep_tail=True)
            img.tag = "span"
            img.text = name
            spans.add(img)
    return spans


def _icon_name(alt: Any, src: Any) -> str | None:
    """The icon's file name, from its ``alt`` text or its address; ``None`` for another image."""
    names = (str(alt or ""), str(src or "").rsplit("/", 1)[-1].rsplit(".", 1)[0])
    return next((name for name in names if boilerplate.has_artifact(name)), None)


def _authors(page: Page, visible: Sequence[str]) -> Sequence[str]:
    """The head's authors, unless the byline on the page names more: the
    head's JSON-LD and meta name the post's one user account, and the
    byline its co-authors too ("Written by A and B"), or the account is the
    firm's (the publisher) and the byline names the writers."""
    declared = page.meta.authors
    if not visible or not declared:
        return declared or visible
    if not all(is_name(name) for name in visible):  # "Chairman of Dezan Shira & Associates"
        return declared
    named = {fold(name) for name in visible}
    if all(fold(name) in named for name in declared) or names_publisher(page.meta, declared):
        return visible
    return declared
