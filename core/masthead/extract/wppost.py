"""Where WordPress themes keep the parts of a post.

Countless outlets publish on WordPress, and its themes agree on the markup:
the text sits in the post's content container (``.entry-content`` inside
``article``, older themes ``[itemprop=articleBody]`` or ``.post-content``),
the headline is ``h1.entry-title``, the author a ``rel="author"`` link, the
date a ``<time datetime>`` in the post header, the body classes say whether
the page is one post or an archive, and reader comments are rendered by
wpDiscuz or by the classic comment list (:mod:`masthead.extract.htmlcomments`).

Every reader here takes the :class:`masthead.Page` and builds BeautifulSoup
objects only for the element it reads (:meth:`masthead.Page.soup_of`), never
for the whole page, unless the page has no lxml tree or a thread lies
outside the usual comment sections.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from typing import Any

from bs4 import Tag
from lxml import etree

from masthead.extract import htmlcomments, listing
from masthead.extract.boxes import EMBEDS
from masthead.extract.bylines import date_line
from masthead.extract.document import Page, blocks_of, tree_blocks
from masthead.extract.htmlparse import compiled
from masthead.extract.htmlparts import (
    CLASS_SPACE,
    STRING_TAGS,
    cut_matches,
    cut_out,
    element_tag,
    first_match,
    holds_template,
    matches_under,
    tree_text,
)
from masthead.extract.text import collapse, fold
from masthead.models import Comment

__all__ = [
    "CONTAINERS",
    "article_lines",
    "author_names",
    "comments",
    "content",
    "content_element",
    "element_lines",
    "heading_title",
    "is_listing",
    "published",
]

#: Post content containers, most specific first.
CONTAINERS = (
    "article .entry-content",
    ".entry-content",
    "[itemprop=articleBody]",
    ".post-content",
    ".article-content",
    ".single-content",
    "article",
    "main",
    "[role=main]",
)
#: Never article text, even when inside the container: comment sections,
#: forms, navigation, sharing and donation widgets.
NOT_TEXT = (
    "#comments, #wpdcom, #wpd-threads, .wpdiscuz_top_clearing, .wpd-thread-list, .comments-area, "
    ".comment-respond, #respond, .commentlist, .comment-list, form, nav, aside, .sharedaddy, "
    ".share-buttons, .social-share, .wpd-form-wrap, .wpdiscuz-subscribe-bar, .donation, .donate, "
    # related-posts plugins that write their box inside the content (Jetpack, YARPP, Contextual Related Posts)
    ".jp-relatedposts, .yarpp-related, .yarpp, .crp_related, " + EMBEDS
)
CAPTIONS = "figcaption, .wp-caption-text"
HEADINGS = ("h1.entry-title", "article h1", "h1")
AUTHORS = "article a[rel~=author], article .author .fn, article .byline .author"
DATES = "article time[datetime], .entry-meta time[datetime], time.entry-date[datetime]"
#: Elements holding a comment thread, and the comments themselves.
COMMENT_SECTIONS = "#comments, #wpdcom, #wpd-threads, .comments-area, .comment-list, .commentlist"
#: Comment threads and the comments themselves, wherever they stand.
COMMENTS = f"{COMMENT_SECTIONS}, .comment, .comment-body"
#: A comment's text inside a comment: without one, a page has no comments to read.
COMMENT_TEXTS = ", ".join(
    f"{item.strip()} {text.strip()}"
    for markup in (htmlcomments.WPDISCUZ, htmlcomments.WORDPRESS)
    for item in markup.item.split(",")
    for text in markup.text.split(",")
)
#: A page of this many posts (and no article ``og:type``) is a listing.
LISTING_POSTS = 3

for _selector in (
    *CONTAINERS,
    *HEADINGS,
    AUTHORS,
    DATES,
    COMMENT_SECTIONS,
    COMMENTS,
    COMMENT_TEXTS,
    NOT_TEXT,
    CAPTIONS,
    "article",
    "body",
):
    compiled(_selector)


def content(page: Page) -> Tag | None:
    """The post's content container as a tree of its own, the caller's to change.

    The first of :data:`CONTAINERS` that holds any text, else the page's
    ``<body>``; ``None`` for a text dump.
    """
    for selector in CONTAINERS:
        found = page.soup_of(selector)
        if found is not None and collapse(found.get_text(" ")):
            return found
    return page.soup_of("body") or page.soup


def content_element(page: Page) -> Any | None:
    """The element of lxml's page tree that :func:`content` makes a tree of;
    ``None`` for a page without lxml's tree or without a ``<body>`` (then
    :func:`content` gives the whole page)."""
    tree = page.tree
    if tree is None:
        return None
    for selector in CONTAINERS:
        found = first_match(tree, selector)
        if found is not None and _holds_text(found):
            return found
    return first_match(tree, "body")


def article_lines(scope: Tag, *, keep_caption: Callable[[str], bool]) -> tuple[tuple[str, ...], list[str]]:
    """Block texts of the container ``scope``, and its picture captions.

    Comment sections, forms and sharing widgets are removed from ``scope``
    (so pass a tree of its own, as :func:`content` returns); caption texts
    that ``keep_caption`` accepts are returned apart, never as text.
    """
    for junk in scope.select(NOT_TEXT):
        junk.decompose()
    captions: list[str] = []
    for caption in scope.select(CAPTIONS):
        text = collapse(caption.get_text(" "))
        if text and keep_caption(text):
            captions.append(text)
        caption.decompose()
    return blocks_of(scope), captions


def element_lines(element: Any, *, keep_caption: Callable[[str], bool]) -> tuple[tuple[str, ...], list[str]] | None:
    """:func:`article_lines` of ``soup_of_element(element)``, read on a copy of
    the lxml ``element`` without making that tree.

    Boxes and captions are found by the compiled selectors and emptied
    (:func:`masthead.extract.htmlparts.cut_out`: like a removed element, no text and no end of a block,
    and the strings around it kept apart, as they are in the soup); the
    block texts are :func:`masthead.extract.document.tree_blocks`
    of the rest. ``None`` where the copy could read otherwise than the soup:
    a ``template`` inside (soupsieve does not look into one, compiled
    selectors do), a caption inside a caption, a caption that is itself a
    ``script``, ``style`` or ruby element (Beautiful Soup reads its own
    strings then), or a ``<body>`` inside the element (never, from lxml's
    parser: :func:`masthead.extract.document.tree_blocks` would read it alone).
    """
    scope = copy.deepcopy(element)  # alone, as in a tree of its own: no ancestors to match or to keep spaces
    if holds_template(scope):
        return None
    if scope.tag != "body" and next(scope.iter("body"), None) is not None:
        return None
    cut_matches(scope, NOT_TEXT)
    found = matches_under(scope, CAPTIONS)
    inside = set(found)
    if any(caption.tag in STRING_TAGS or any(up in inside for up in caption.iterancestors()) for caption in found):
        return None
    captions: list[str] = []
    for caption in found:
        text = tree_text(caption)
        if text and keep_caption(text):
            captions.append(text)
        cut_out(caption)
    return tree_blocks(scope), captions


#: The strings of an element that ``get_text`` reads in a tree of its own,
#: for an element not itself one of :data:`masthead.extract.htmlparts.STRING_TAGS` nor inside one.
_STRINGS = etree.XPath(
    "descendant::text()[not(" + " or ".join(f"ancestor::{tag}" for tag in sorted(STRING_TAGS)) + ")]",
    smart_strings=False,
)


def _holds_text(element: Any) -> bool:
    """Whether ``collapse(get_text(" "))`` of ``element``'s own tree is not empty.

    Only spaces and dropped characters collapse to nothing, whatever the
    order of the strings: each is tested alone.
    """
    if element.tag in STRING_TAGS or any(up.tag in STRING_TAGS for up in element.iterancestors()):
        return bool(collapse(element_tag(element).get_text(" ")))
    return any(collapse(text) for text in _STRINGS(element))


def heading_title(page: Page) -> str | None:
    """The post's ``<h1>``, for a page whose head declares no title."""
    for selector in HEADINGS:
        heading = page.soup_of(selector)
        if heading is not None:
            return collapse(heading.get_text(" ")) or None
    return None


def author_names(page: Page) -> list[str]:
    """Names in the post's author links, in page order, as printed."""
    return [collapse(tag.get_text(" ")) for tag in _all(page, AUTHORS)]


def published(page: Page) -> str | None:
    """The date of the post header's ``<time datetime>``, ISO 8601.

    The header comes before the comments: a first ``<time>`` inside a
    comment (a classic theme's ``<article class="comment-body">``) means
    the post shows none, and a comment's time is no date of the post.
    """
    stamp = page.soup_of(DATES, not_inside=COMMENTS)
    value = stamp.get("datetime") if stamp is not None else None
    return date_line(value) if isinstance(value, str) else None


def is_listing(page: Page) -> bool:
    """A category, tag, archive, search or home page (not one post).

    The body classes decide when they say anything; otherwise several
    ``<article>`` elements on a page that does not call itself an article.
    """
    says = listing.classes_say_listing(_body_classes(page))
    if says is not None:
        return says
    if not page.is_html:
        return False
    return fold(page.meta.og_type or "") not in {"article", ""} and _count(page, "article") >= LISTING_POSTS


def comments(page: Page) -> list[Comment]:
    """Every reader comment in page order, replies pointing at their parent.

    wpDiscuz markup first, the classic WordPress comment list otherwise.
    The comment section is read alone; the whole page only when the
    comments stand elsewhere.

    A page is first asked whether any class attribute names a comment text
    at all (one pass over lxml's tree, :func:`_names_text_class`), the full
    :data:`COMMENT_TEXTS` selector only when the section gave nothing:
    comments read from the section prove that the selector matches.
    """
    tree = page.tree
    if not (page.matches(COMMENT_TEXTS) if tree is None else _names_text_class(tree)):
        return []
    found = _section_comments(page)
    if found or (tree is not None and not page.matches(COMMENT_TEXTS)):
        return found
    return _read_comments(page.soup)


#: Every selector of :data:`COMMENT_TEXTS` needs an element with one of
#: these classes (``.comment-body > p``: the paragraph's holder), and an
#: element has a class only if its ``class`` attribute holds the name.
_TEXT_CLASSES = re.compile("wpd-comment-text|comment-content|comment-text|comment-body")


def _names_text_class(tree: Any) -> bool:
    """Whether any element's ``class`` attribute holds a name of :data:`_TEXT_CLASSES`.

    A plain walk in document order that stops at the first: a quarter of
    the cost of the compiled :data:`COMMENT_TEXTS`, which runs one scan of
    the page per item and text pairing.
    """
    for element in tree.iter(etree.Element):
        classes = element.get("class")
        if classes and _TEXT_CLASSES.search(classes):
            return True
    return False


def _section_comments(page: Page) -> list[Comment]:
    """The comments of the first of :data:`COMMENT_SECTIONS`, read on lxml's
    tree (:func:`masthead.extract.htmlcomments.read_element_comments`), or
    in the section's own BeautifulSoup tree when that cannot be done."""
    tree = page.tree
    section = _first_section(tree) if tree is not None else None
    if section is None:
        return [] if tree is not None else _read_comments(page.soup_of(COMMENT_SECTIONS))
    found = htmlcomments.read_element_comments(section, htmlcomments.WPDISCUZ, htmlcomments.WORDPRESS)
    return _read_comments(page.soup_of(COMMENT_SECTIONS)) if found is None else found


#: The ids and the classes :data:`COMMENT_SECTIONS` names (it names nothing else).
_SECTION_IDS = frozenset(part.strip()[1:] for part in COMMENT_SECTIONS.split(",") if part.strip()[0] == "#")
_SECTION_CLASSES = frozenset(part.strip()[1:] for part in COMMENT_SECTIONS.split(",") if part.strip()[0] == ".")


def _first_section(tree: Any) -> Any | None:
    """The first element of lxml's ``tree`` matching :data:`COMMENT_SECTIONS`.

    A walk in document order that stops at the first element with one of
    its ids or class names, as the compiled selector tests them (id equal,
    class among the space-separated names): the compiled selector scans the
    whole page once per id and class, ten times the walk.
    """
    for element in tree.iter(etree.Element):
        if element.get("id") in _SECTION_IDS:
            return element
        classes = element.get("class")
        if classes and not _SECTION_CLASSES.isdisjoint(CLASS_SPACE.split(classes)):
            return element
    return None


def _read_comments(root: Tag | None) -> list[Comment]:
    if root is None:
        return []
    return htmlcomments.read_comments(root, htmlcomments.WPDISCUZ) or htmlcomments.read_comments(
        root, htmlcomments.WORDPRESS
    )


def _all(page: Page, selector: str) -> list[Tag]:
    """Every element matching ``selector``, each as a tree of its own."""
    tree = page.tree
    if tree is None:
        soup = page.soup
        return soup.select(selector) if soup is not None else []
    return [element_tag(element) for element in compiled(selector)(tree)]


def _count(page: Page, selector: str) -> int:
    tree = page.tree
    if tree is None:
        soup = page.soup
        return len(soup.select(selector)) if soup is not None else 0
    return len(compiled(selector)(tree))


def _body_classes(page: Page) -> list[str] | None:
    """The ``<body>`` classes, or ``None`` when the page has no body."""
    tree = page.tree
    if tree is None:
        body = page.soup.body if page.soup is not None else None
        return None if body is None else [str(c) for c in body.get("class") or []]
    found = compiled("body")(tree)
    return None if not found else str(found[0].get("class") or "").split()
