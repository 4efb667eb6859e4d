"""What SouthFront's WordPress markup adds over the text of a page.

Article pages on southfront.org and southfront.press are WordPress posts,
read with :mod:`masthead.extract.wppost`: the head carries OpenGraph,
``article:`` meta and a Yoast JSON-LD graph, and reader comments are
rendered by wpDiscuz or, on old pages, by the classic WordPress list. The
"MORE ON THE TOPIC:" block is a heading or bold paragraph followed by a
list of links (:func:`masthead.extract.htmllinks.links_under`).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from bs4 import Tag
from lxml import etree

from masthead import Page, Related
from masthead.extract import htmllinks, wppost
from masthead.extract.bylines import date_line
from masthead.extract.htmlparts import element_tag
from masthead.extract.text import collapse, fold
from masthead_opinion_site import boilerplate as bp

#: Author values that name the outlet or a WordPress account, not a writer.
_NOT_AUTHORS = frozenset(fold(n) for n in ("SouthFront", "South Front", "southfront.press", "admin", "editor", "SF"))
#: The related list ends at the comment sections.
_COMMENT_SECTIONS = ("wpdcom", "comments", "respond", "wpd-threads")


def article(page: Page) -> tuple[tuple[str, ...], list[str], list[Related]]:
    """Block texts of the post container, its captions and its related links.

    The "MORE ON THE TOPIC:" links are read from the container, or from the
    whole page when the marker stands outside it. The container is read on
    lxml's tree (:func:`masthead.extract.wppost.element_lines`); it becomes
    BeautifulSoup only to look for those links, or where lxml cannot read it
    as the soup reads.
    """
    element = wppost.content_element(page)
    scope = wppost.content(page) if element is None else None
    if element is None and scope is None:
        return page.lines, [], []
    related = None
    if _may_print_marker(page):
        scope = scope or element_tag(element)
        related = _related_in(scope)
        if related is None and bp.MARKER in page.folded_text and page.soup is not None:
            related = _related_in(page.soup)
    read = wppost.element_lines(element, keep_caption=_keep_caption) if scope is None else None
    if read is None:
        read = wppost.article_lines(scope or element_tag(element), keep_caption=_keep_caption)
    lines, captions = read
    return lines, captions, related or []


def _keep_caption(text: str) -> bool:
    return not bp.is_boilerplate(text)


#: The strings of a page as a BeautifulSoup tree of it holds them (text,
#: comments), less those of the elements whose text is never a heading
#: (:func:`masthead.extract.htmllinks.links_under` passes over them).
_STRINGS = etree.XPath(
    "//text()[not(parent::script or parent::style or parent::title)] | //comment() | //processing-instruction()",
    smart_strings=False,
)


def _may_print_marker(page: Page) -> bool:
    """Whether a string of the page may be the "MORE ON THE TOPIC:" heading.

    The related links hang under such a string, in the container or
    elsewhere on the page; without one, neither the container's strings
    nor the whole page's text (a tree of the whole page) need reading.
    Every string is folded as the heading test folds it, all in one call:
    each string's folded text is a piece of the folded whole, so a heading
    at the start of a string is somewhere in it. ``True`` for a page
    without lxml's tree (nothing cheaper to ask).
    """
    tree = page.tree
    if tree is None:
        return True
    strings = [node if isinstance(node, str) else _node_text(node) for node in _STRINGS(tree)]
    strings.append(tree.getroottree().docinfo.doctype or "")
    return _folds_to_marker(collapse("\n".join(strings)))


#: The marker's words with any run of whitespace between them (``\s`` is
#: the whitespace :meth:`str.split` splits at).
_MARKER_WORDS = re.compile(r"\s+".join(map(re.escape, bp.MARKER.split())))


def _folds_to_marker(text: str) -> bool:
    """``bp.MARKER in fold(text)``, without joining the words of a whole page.

    :func:`masthead.extract.text.fold` normalizes (NFKC), maps quotes and
    dashes to ASCII, casefolds (``lower`` for ASCII, the same there), and
    joins the words with single spaces. The marker is words of ASCII
    letters: the quote map neither makes nor removes a letter or a space,
    and the marker stands in the joined words exactly where its words stand
    in the text with runs of whitespace between them.
    """
    return _MARKER_WORDS.search(unicodedata.normalize("NFKC", text).casefold()) is not None


def _node_text(node: Any) -> str:
    """A comment's text; a processing instruction's target and text."""
    if isinstance(node, etree._ProcessingInstruction):
        return f"{node.target} {node.text or ''}"
    return str(node.text or "")


def _related_in(root: Tag) -> list[Related] | None:
    return htmllinks.links_under(
        root, lambda text: bp.marker_rest(text) is not None, skip=bp.is_boilerplate, stop_ids=_COMMENT_SECTIONS
    )


def title_of(page: Page) -> str | None:
    """The declared title (og:title, JSON-LD headline, <title>) or the h1."""
    title = page.meta.title or wppost.heading_title(page)
    return bp.without_site_name(title) or None if title else None


def authors_of(page: Page) -> list[str]:
    """Writers named by meta/JSON-LD or the post's author link, outlet excluded."""
    names = list(page.meta.authors) or wppost.author_names(page)
    return [n for n in dict.fromkeys(names) if n and fold(n) not in _NOT_AUTHORS]


#: The post header's visible date on the classic southfront.org theme
#: ("05.04.2019"), for a page whose head and header give no ``<time>``.
VISIBLE_DATE = ".post-meta .post-date, article .post-date, .entry-meta .post-date, .post-meta .date"
#: Where a date is another post's: the sidebar's Recent Posts widget lists
#: its posts with ``span.post-date`` too.
_OTHER_POSTS = "aside, .widget, .sidebar, #sidebar"


def visible_date(page: Page) -> str | None:
    """The date the post header shows, read as a date line (not a comment's)."""
    element = page.soup_of(VISIBLE_DATE, not_inside=f"{wppost.COMMENTS}, {_OTHER_POSTS}")
    return date_line(collapse(element.get_text(" "))) if element is not None else None
