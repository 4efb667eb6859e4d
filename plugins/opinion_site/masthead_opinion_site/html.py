"""What SouthFront's WordPress markup adds over the text of a page.

Article pages on southfront.org and southfront.press are WordPress posts:
the text sits in the post's content container (``.entry-content`` inside
``article``, older themes ``[itemprop=articleBody]``/``.post-content``),
the head carries OpenGraph/``article:`` meta and a Yoast JSON-LD graph, the
"MORE ON THE TOPIC:" block is a heading or bold paragraph followed by a
list of links, and reader comments are rendered by wpDiscuz
(``#wpdcom .wpd-comment`` with ``.wpd-comment-author``,
``.wpd-comment-date[title]``, ``.wpd-comment-text``; replies nested inside
their parent and carrying ``wpd-reply``, ids ``wpd-comm-<id>_<parent>``), or
on old pages by the classic WordPress list (``li.comment`` with
``.comment-author .fn``, ``time[datetime]``, ``.comment-content``).
"""

from __future__ import annotations

import copy
import re

from bs4 import BeautifulSoup, Tag
from bs4.element import NavigableString

from masthead import Comment, Page, Related
from masthead.extract import comments as thread
from masthead.extract import listing, shapes
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
_WPD_ID = re.compile(r"^wpd-comm-(\d+)_(\d+)$")
_WP_ID = re.compile(r"^(?:li-)?comment-(\d+)$")
_SITE_SUFFIX = re.compile(
    r"\s+[|\-\u2013\u2014:]+\s+south\s?front(?:\s+maps)?(?::?\s+analysis\s+(?:&|and)\s+intelligence)?\s*$",
    re.IGNORECASE,
)
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
    title = _SITE_SUFFIX.sub("", title).strip()
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
    wpd = soup.select(".wpd-comment")
    if wpd:
        return _threaded(page, wpd, _WpdFields, _WPD_ID, "wpd-comment")
    classic = [el for el in soup.select("li.comment, div.comment, article.comment") if _is_classic(el)]
    return _threaded(page, classic, _ClassicFields, _WP_ID, "comment")


def _is_classic(element: Tag) -> bool:
    return element.select_one(".comment-content, .comment-body, .comment-text") is not None


def _threaded(
    page: Page,
    elements: list[Tag],
    fields: type[_Fields],
    id_pattern: re.Pattern[str],
    wrapper_class: str,
) -> list[Comment]:
    index_of: dict[int, int] = {}
    ids: dict[str, int] = {}
    comments: list[Comment] = []
    for position, element in enumerate(elements):
        index_of[id(element)] = position
        ident = element.get("id")
        match = id_pattern.match(ident) if isinstance(ident, str) else None
        if match is not None:
            ids[match.group(1)] = position
        info = fields(page, element)
        parent = _parent_index(element, match, ids, index_of, wrapper_class)
        comments.append(Comment(info.text, author=info.author, published=info.published, parent=parent))
    return comments


def _parent_index(
    element: Tag,
    match: re.Match[str] | None,
    ids: dict[str, int],
    index_of: dict[int, int],
    wrapper_class: str,
) -> int | None:
    """The replied-to comment: by the wpDiscuz id suffix, else by nesting."""
    if match is not None and match.lastindex and match.lastindex >= 2 and match.group(2) != "0":
        found = ids.get(match.group(2))
        if found is not None:
            return found
    for ancestor in element.parents:
        if wrapper_class in (ancestor.get("class") or []) and id(ancestor) in index_of:
            return index_of[id(ancestor)]
        if ancestor.name == "li" and "comment" in (ancestor.get("class") or []) and id(ancestor) in index_of:
            return index_of[id(ancestor)]
    return None


class _Fields:
    """Author, date and text of one comment element (subclassed per markup)."""

    author_selector = ""
    date_selector = ""
    text_selector = ""

    def __init__(self, page: Page, element: Tag) -> None:
        self.element = element
        author = self._first(self.author_selector)
        name = shapes.clean_name(collapse(author.get_text(" "))) if author is not None else ""
        self.author = name or None
        text = self._first(self.text_selector)
        self.text = "\n".join(_comment_blocks(page, text)) if text is not None else ""
        self.published = self._date()

    def _first(self, selectors: str) -> Tag | None:
        """The first match of the first selector that matches (in priority order)."""
        for selector in selectors.split(", "):
            found = self.element.select_one(selector)
            if found is not None:
                return found
        return None

    def _date(self) -> str | None:
        stamp = self._first(self.date_selector)
        if stamp is None:
            return None
        for key in ("datetime", "title"):
            value = stamp.get(key)
            if isinstance(value, str) and date_line(value):
                return date_line(value)
        return date_line(collapse(stamp.get_text(" ")))


class _WpdFields(_Fields):
    author_selector = ".wpd-comment-author"
    date_selector = ".wpd-comment-date"
    text_selector = ".wpd-comment-text"


class _ClassicFields(_Fields):
    author_selector = ".comment-author .fn, .comment-author cite, .comment-author"
    date_selector = "time[datetime], .comment-metadata time, .comment-meta a, .comment-meta"
    text_selector = ".comment-content, .comment-text, .comment-body > p"


def _comment_blocks(page: Page, element: Tag) -> list[str]:
    """Paragraphs of a comment's own text, without nested replies or buttons."""
    scope = copy.copy(element)
    for nested in scope.select(".wpd-comment, li.comment, .reply, .comment-reply-link, .wpd-comment-footer"):
        nested.decompose()
    return [line for line in page.blocks_of(scope) if not thread.is_comment_chrome(line)]
