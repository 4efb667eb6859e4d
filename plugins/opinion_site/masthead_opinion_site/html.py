"""What SouthFront's WordPress markup adds over the text of a page.

Article pages on southfront.org and southfront.press are WordPress posts:
the text sits in the post's content container (``.entry-content`` inside
``article``, older themes ``[itemprop=articleBody]``/``.post-content``),
the head carries OpenGraph/``article:`` meta and a Yoast JSON-LD graph, the
"MORE ON THE TOPIC:" block is a heading or bold paragraph followed by a
list of links, and reader comments are rendered by wpDiscuz, or on old
pages by the classic WordPress list, both read by
:mod:`masthead.extract.htmlcomments`.
"""

from __future__ import annotations

import copy

from bs4 import BeautifulSoup, Tag
from bs4.element import NavigableString

from masthead import Comment, Page, Related
from masthead.extract import htmlcomments, listing
from masthead.extract.bylines import date_line
from masthead.extract.text import collapse, fold
from masthead_opinion_site import boilerplate as bp

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
#: Never article text, even when inside the container.
_JUNK = (
    "#comments, #wpdcom, #wpd-threads, .wpdiscuz_top_clearing, .wpd-thread-list, .comments-area, "
    ".comment-respond, #respond, .commentlist, .comment-list, form, nav, aside, .sharedaddy, "
    ".share-buttons, .social-share, .wpd-form-wrap, .wpdiscuz-subscribe-bar, .donation, .donate"
)
_CAPTIONS = "figcaption, .wp-caption-text"
_COMMENT_SECTIONS = ("wpdcom", "comments", "respond", "wpd-threads")
_HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
#: Author values that name the outlet or a WordPress account, not a writer.
_NOT_AUTHORS = frozenset(fold(n) for n in ("SouthFront", "South Front", "southfront.press", "admin", "editor", "SF"))
_MAX_RELATED = 20


# --------------------------------------------------------------------------
# Article text.


def container_of(soup: BeautifulSoup) -> Tag:
    """The element holding the post's text (the body if nothing matches)."""
    for selector in CONTAINERS:
        found = soup.select_one(selector)
        if found is not None and collapse(found.get_text(" ")):
            return found
    return soup.body or soup


def article_lines(page: Page) -> tuple[tuple[str, ...], list[str]]:
    """Block texts of the post container, and its picture captions.

    Works on a copy of the container so that the page's cached tree stays
    intact: comment sections, forms and sharing widgets are removed and
    ``figcaption`` texts are moved to the captions.
    """
    soup = page.soup
    if soup is None:
        return page.lines, []
    scope = copy.copy(container_of(soup))
    for junk in scope.select(_JUNK):
        junk.decompose()
    captions: list[str] = []
    for caption in scope.select(_CAPTIONS):
        text = collapse(caption.get_text(" "))
        if text and not bp.is_boilerplate(text):
            captions.append(text)
        caption.decompose()
    return page.blocks_of(scope), captions


def title_of(page: Page) -> str | None:
    """The declared title (og:title, JSON-LD headline, <title>) or the h1."""
    soup = page.soup
    title = page.meta.title
    if not title and soup is not None:
        heading = soup.select_one("h1.entry-title") or soup.select_one("article h1") or soup.select_one("h1")
        title = collapse(heading.get_text(" ")) if heading is not None else None
    if not title:
        return None
    title = bp.without_site_name(title)
    return title or None


def authors_of(page: Page) -> list[str]:
    """Writers named by meta/JSON-LD or the post's author link, outlet excluded."""
    names = list(page.meta.authors)
    soup = page.soup
    if not names and soup is not None:
        for link in soup.select("article a[rel~=author], article .author .fn, article .byline .author"):
            names.append(collapse(link.get_text(" ")))
    return [n for n in dict.fromkeys(names) if n and fold(n) not in _NOT_AUTHORS]


def published_of(page: Page) -> str | None:
    """Publication time from meta, else the post header's ``<time>``."""
    if page.meta.published:
        return page.meta.published
    soup = page.soup
    if soup is None:
        return None
    stamp = soup.select_one("article time[datetime], .entry-meta time[datetime], time.entry-date[datetime]")
    if stamp is None:
        return None
    value = stamp.get("datetime")
    return date_line(value if isinstance(value, str) else None)


def is_listing(page: Page) -> bool:
    """A category, tag, archive, search or home page (not one post)."""
    soup = page.soup
    says = listing.html_says_listing(soup)
    if says is not None or soup is None:
        return bool(says)
    og_type = fold(page.meta.og_type or "")
    return og_type not in {"article", ""} and len(soup.select("article")) >= 3


# --------------------------------------------------------------------------
# "MORE ON THE TOPIC:" links.


def related_of(soup: BeautifulSoup) -> list[Related]:
    """The links listed under the "MORE ON THE TOPIC:" heading, with URLs."""
    marker = _marker_string(soup)
    if marker is None:
        return []
    block = _block_of(marker)
    links: list[Tag] = [a for a in marker.find_all_next("a", href=True) if block in a.parents]
    for sibling in block.find_next_siblings():
        if _ends_related(sibling):
            break
        found = [sibling] if sibling.name == "a" and sibling.get("href") else sibling.find_all("a", href=True)
        if not found and links:
            break
        links.extend(found)
        if len(links) >= _MAX_RELATED:
            break
    related: list[Related] = []
    for link in links[:_MAX_RELATED]:
        title = collapse(link.get_text(" ")) or _attr(link, "title")
        if not title or bp.is_boilerplate(title):
            continue
        related.append(Related(title, _attr(link, "href")))
    return related


def _marker_string(soup: BeautifulSoup) -> NavigableString | None:
    for text in soup.find_all(string=True):
        if isinstance(text, NavigableString) and bp.marker_rest(collapse(str(text))) is not None:
            parent = text.parent
            if parent is not None and parent.name not in {"script", "style", "title"}:
                return text
    return None


def _block_of(marker: NavigableString) -> Tag:
    """The innermost block element around the marker text (a heading, a paragraph)."""
    node = marker.parent
    while node is not None and node.name in {"strong", "b", "span", "em", "i", "a"}:
        if node.parent is None:
            break
        node = node.parent
    assert node is not None  # a string found in a soup always has a parent
    return node


def _ends_related(element: Tag) -> bool:
    """Whether ``element`` is past the related list (a heading or the comments)."""
    if element.name in _HEADINGS or element.name in {"form", "footer"}:
        return True
    ident = element.get("id")
    if isinstance(ident, str) and ident in _COMMENT_SECTIONS:
        return True
    return any(element.select_one(f"#{name}") is not None for name in _COMMENT_SECTIONS)


def _attr(tag: Tag, name: str) -> str | None:
    value = tag.get(name)
    return value.strip() or None if isinstance(value, str) else None


# --------------------------------------------------------------------------
# Reader comments.


def comments_of(page: Page) -> list[Comment]:
    """Every reader comment in page order, replies pointing at their parent.

    wpDiscuz markup first, the classic WordPress comment list otherwise.
    Empty comments (an image or a deleted text) are kept so that the
    replies to them keep a parent.
    """
    soup = page.soup
    if soup is None:
        return []
    return htmlcomments.read_comments(soup, htmlcomments.WPDISCUZ) or htmlcomments.read_comments(
        soup, htmlcomments.WORDPRESS
    )
