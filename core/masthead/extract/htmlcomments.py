"""Reader comments from the markup of the common comment platforms.

Saved pages keep the comment thread as markup: the classic WordPress list
(``li.comment`` with ``.comment-author .fn``, ``time[datetime]``,
``.comment-content``, replies nested in their parent) and wpDiscuz
(``.wpd-comment`` with ``.wpd-comment-author``, ``.wpd-comment-date[title]``,
``.wpd-comment-text``, ids ``wpd-comm-<id>_<parent>``). A
:class:`CommentMarkup` says where one platform keeps each field;
:func:`read_comments` turns the thread into :class:`masthead.Comment`
records in page order, each reply pointing at its parent. An outlet with
its own markup states its selectors the same way.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from typing import Any

import attrs
from bs4 import Tag

from masthead.extract import shapes
from masthead.extract.bylines import date_line
from masthead.extract.comments import is_comment_chrome
from masthead.extract.document import Page, blocks_of, tree_blocks
from masthead.extract.htmlparse import compiled
from masthead.extract.htmlparts import CONTEXT_TAGS, Container, element_tag, holds_template, matches_under, tree_text
from masthead.extract.text import collapse
from masthead.models import Comment

__all__ = [
    "WORDPRESS",
    "WPDISCUZ",
    "CommentMarkup",
    "read_comments",
    "read_element_comments",
    "read_page_comments",
]


def _compiled(value: str | re.Pattern[str] | None) -> re.Pattern[str] | None:
    return re.compile(value) if isinstance(value, str) else value


@attrs.define(frozen=True)
class CommentMarkup:
    """Where a comment platform keeps each field of a comment.

    Selectors are CSS, comma-separated in order of trust (the first that
    matches wins). ``item`` selects one comment; an item with no ``text``
    element is not a comment (a wrapper sharing the class). ``ident``
    reads an item's ``id`` attribute: group 1 is the comment's own id,
    group 2 (optional) its parent's, ``0`` for none. Replies are otherwise
    found by nesting: an item inside another item replies to it.
    ``not_text`` is removed from the text (nested replies, buttons).
    """

    item: str
    author: str
    date: str
    text: str
    ident: re.Pattern[str] | None = attrs.field(default=None, converter=_compiled)
    not_text: str = ".reply, .comment-reply-link"


WORDPRESS = CommentMarkup(
    item="li.comment:not(.pingback):not(.trackback), div.comment, article.comment",
    author=".comment-author .fn, .comment-author cite, .comment-author",
    date="time[datetime], .comment-metadata time, .comment-meta a, .comment-meta",
    # Themes without HTML5 comments put the text as loose paragraphs in
    # .comment-body, beside the author and meta blocks: all of them count.
    text=".comment-content, .comment-text, .comment-body",
    ident=r"^(?:li-)?comment-(\d+)$",
    not_text=(
        ".comment-author, .comment-meta, .comment-metadata, .reply, .comment-reply-link, .comment-awaiting-moderation,"
        " .comment-likes, .comment-edit-link, .edit-link, .comment-date, .says, .avatar"
    ),
)
WPDISCUZ = CommentMarkup(
    item=".wpd-comment",
    author=".wpd-comment-author",
    date=".wpd-comment-date",
    text=".wpd-comment-text",
    ident=r"^wpd-comm-(\d+)_(\d+)$",
    not_text=".wpd-comment, .reply, .wpd-comment-footer",
)


def read_comments(root: Tag, markup: CommentMarkup) -> list[Comment]:
    """Every comment under ``root`` in page order, replies pointing at their parent.

    An empty comment (an image, a deleted text) is kept so that the
    replies to it keep a parent.
    """
    return _read(_Finder(Container(root)), markup)


class _Finder:
    """``select`` and ``select_one`` over one tree, as :class:`Container` finds elements.

    ``holder.select_one(selector)`` is the first match under ``holder``:
    with lxml doing the matching, every selector is run once over the
    whole tree and its first match under each element kept.
    """

    def __init__(self, tree: Container) -> None:
        self.tree = tree
        self._firsts: dict[str, dict[int, Tag]] = {}

    def all(self, selector: str) -> list[Tag]:
        return self.tree.select(selector)

    def first(self, holder: Tag, selectors: str) -> Tag | None:
        """The first match of the first selector that matches (in order of trust)."""
        for selector in selectors.split(","):
            found = self._first(holder, selector.strip())
            if found is not None:
                return found
        return None

    def _first(self, holder: Tag, selector: str) -> Tag | None:
        if not self.tree.located:
            return holder.select_one(selector)
        firsts = self._firsts.get(selector)
        if firsts is None:
            firsts = self._firsts[selector] = {}
            root = self.tree.root
            for tag in self.tree.select(selector):
                for up in tag.parents:
                    if up is root:
                        break
                    firsts.setdefault(id(up), tag)
        return firsts.get(id(holder))

    @staticmethod
    def ancestors(tag: Tag) -> Iterator[Tag]:
        return tag.parents

    @staticmethod
    def words(tag: Tag) -> str:
        return tag.get_text(" ")

    def text(self, element: Tag, markup: CommentMarkup) -> tuple[str, ...]:
        """Block texts of a comment's text element, without nested replies or buttons."""
        scope = self.tree.copy_of(element)
        for nested in scope.select(f"{markup.item}, {markup.not_text}"):
            nested.decompose()
        return blocks_of(scope.root)


def _read(find: _Finder | _TreeFinder, markup: CommentMarkup) -> list[Comment]:
    candidates = find.all(markup.item)
    ids = {id(item) for item in candidates}
    texts = {id(item): find.first(item, markup.text) for item in candidates}
    items = [item for item in candidates if _owns_text(find, item, texts[id(item)], ids)]
    position = {id(item): index for index, item in enumerate(items)}
    by_ident: dict[str, int] = {}
    out: list[Comment] = []
    for index, item in enumerate(items):
        ident = item.get("id")
        match = markup.ident.match(ident) if markup.ident is not None and isinstance(ident, str) else None
        if match is not None:
            by_ident[match.group(1)] = index
        parent = _parent(find, item, match, by_ident, position)
        text = _text(find, texts[id(item)], markup)
        out.append(
            Comment(text, author=_author(find, item, markup), published=_date(find, item, markup), parent=parent)
        )
    return out


def _owns_text(find: _Finder | _TreeFinder, item: Any, text: Any | None, ids: set[int]) -> bool:
    """Whether ``item`` has a ``text`` of its own (a wrapper's text is a nested item's)."""
    if text is None:
        return False
    return next((a for a in find.ancestors(text) if id(a) in ids), None) is item


def _parent(
    find: _Finder | _TreeFinder,
    item: Any,
    match: re.Match[str] | None,
    by_ident: dict[str, int],
    position: dict[int, int],
) -> int | None:
    """The replied-to comment: by the parent id in the item's id, else by nesting."""
    if match is not None and match.lastindex and match.lastindex >= 2 and match.group(2) != "0":
        found = by_ident.get(match.group(2))
        if found is not None:
            return found
    return next((position[id(a)] for a in find.ancestors(item) if id(a) in position), None)


def _author(find: _Finder | _TreeFinder, item: Any, markup: CommentMarkup) -> str | None:
    element = find.first(item, markup.author)
    return shapes.clean_name(collapse(find.words(element))) or None if element is not None else None


def _date(find: _Finder | _TreeFinder, item: Any, markup: CommentMarkup) -> str | None:
    stamp = find.first(item, markup.date)
    if stamp is None:
        return None
    for key in ("datetime", "title"):
        value = stamp.get(key)
        if isinstance(value, str) and date_line(value):
            return date_line(value)
    return date_line(collapse(find.words(stamp)))


def _text(find: _Finder | _TreeFinder, element: Any | None, markup: CommentMarkup) -> str:
    """Paragraphs of the comment's own text, without nested replies or buttons."""
    if element is None:
        return ""
    return "\n".join(line for line in find.text(element, markup) if not is_comment_chrome(line))


class _SoupContext(Exception):
    """A field element lies inside one of :data:`masthead.extract.htmlparts.CONTEXT_TAGS`."""


def read_element_comments(element: Any, markup: CommentMarkup, *more: CommentMarkup) -> list[Comment] | None:
    """:func:`read_comments` of ``soup_of_element(element)``, an element of
    lxml's page tree, without that tree of the whole comment section; with
    ``more`` markups (a theme's comment plugins), the comments of the first
    of them that finds any, all read on one copy of ``element``.

    The section's markup (avatars, vote buttons, reply forms) is most of
    it; here lxml finds the items and their fields as :class:`_Finder`
    finds them with compiled selectors (on a copy of ``element``, alone),
    and each comment's author, date and text element is read on lxml where
    a tree of its own would give the same text (:func:`_field_text`,
    :func:`_element_lines`), else in such a tree. ``None`` when one of those lies inside ``pre``,
    ``textarea``, ``script``, ``style`` or ruby markup (its tree of its own
    would hold other strings than the section's tree), or when ``element``
    holds a ``template`` (soupsieve never matches its content): the caller
    reads the section's tree then.
    """
    if holds_template(element):
        return None
    finder = _TreeFinder(copy.deepcopy(element))  # reading leaves it as it is: one copy serves every markup
    found: list[Comment] = []
    try:
        for each in (markup, *more):
            found = _read(finder, each)
            if found:
                break
    except _SoupContext:
        return None
    return found


class _TreeFinder:
    """What :class:`_Finder` answers, on a copy of an element of lxml's tree
    (alone, as a tree of its own is: no ancestors to match)."""

    def __init__(self, scope: Any) -> None:
        self.scope = scope
        self._firsts: dict[str, dict[Any, Any]] = {}  # keyed by element: keeps lxml's proxies alive

    def all(self, selector: str) -> list[Any]:
        return matches_under(self.scope, selector)

    def first(self, holder: Any, selectors: str) -> Any | None:
        """The first match of the first selector that matches (in order of trust)."""
        for selector in selectors.split(","):
            found = self._first_of(selector.strip()).get(holder)
            if found is not None:
                return found
        return None

    def _first_of(self, selector: str) -> dict[Any, Any]:
        """Element -> its first descendant matching ``selector``, found in one run of it."""
        firsts = self._firsts.get(selector)
        if firsts is None:
            firsts = self._firsts[selector] = {}
            for element in self.all(selector):
                for up in element.iterancestors():
                    if up is self.scope:
                        break
                    firsts.setdefault(up, element)
        return firsts

    @staticmethod
    def ancestors(element: Any) -> Iterator[Any]:
        return element.iterancestors()  # type: ignore[no-any-return]

    @staticmethod
    def words(element: Any) -> str:
        return _field_text(element)

    @staticmethod
    def text(element: Any, markup: CommentMarkup) -> tuple[str, ...]:
        return _element_lines(element, markup)


def _alone(element: Any) -> Any:
    """``element``, whose tree of its own holds the strings it holds in the
    section's tree; :class:`_SoupContext` where it lies inside one of
    :data:`masthead.extract.htmlparts.CONTEXT_TAGS`."""
    if any(up.tag in CONTEXT_TAGS for up in element.iterancestors()):
        raise _SoupContext
    return element


def _field_text(element: Any) -> str:
    """``collapse(get_text(" "))`` of ``element`` in the section's tree, read
    on lxml (:func:`masthead.extract.htmlparts.tree_text`)."""
    return tree_text(_alone(element))


def _element_lines(element: Any, markup: CommentMarkup) -> tuple[str, ...]:
    """:meth:`_Finder.text` of a text element of lxml's tree.

    Without a nested comment or button to cut out, the element's block
    texts are read by lxml (:func:`masthead.extract.document.tree_blocks`,
    the same as :func:`masthead.extract.document.blocks_of` of its tree);
    a ``<body>`` inside (never, from lxml's parser) would be read alone there.
    """
    alone = copy.deepcopy(_alone(element))  # no ancestors to match or to keep whitespace, as in a tree of its own
    if next(alone.iter("body"), None) is None and not _nested(alone, markup):
        return tree_blocks(alone)
    scope = Container(element_tag(element), element)
    for nested in scope.select(f"{markup.item}, {markup.not_text}"):
        nested.decompose()
    return blocks_of(scope.root)


def _nested(element: Any, markup: CommentMarkup) -> bool:
    """Whether anything under ``element`` is a comment or a button (:func:`_text` cuts them out)."""
    return bool(matches_under(element, f"{markup.item}, {markup.not_text}"))


def read_page_comments(page: Page, markup: CommentMarkup, areas: str) -> list[Comment]:
    """The comments of an HTML page (:func:`read_comments`), read from the
    first element matching ``areas`` (the theme's comment section) in a tree
    of its own; from the whole page only when no such element exists but
    comments do."""
    area = Container.of(page, areas)
    if area is None:
        tree = page.tree
        if tree is not None and not _texts_in_items(tree, markup):
            return []  # no item owns a text: the whole page's soup would give nothing
        soup = page.soup if page.matches(markup.item) else None
        area = Container(soup) if soup is not None else None
    return _read(_Finder(area), markup) if area is not None else []


def _texts_in_items(tree: Any, markup: CommentMarkup) -> bool:
    """Whether any ``markup.text`` element of lxml's page ``tree`` lies inside a
    ``markup.item`` element.

    Without one no item owns a text (:func:`_owns_text`) and the page has no
    comment: themes reuse the class ``comment`` for other boxes, and this
    finds that out without turning the whole page into BeautifulSoup. The
    text selectors are tried one by one as :func:`_first` tries them.
    """
    items = set(compiled(markup.item)(tree))
    if not items:
        return False
    for selector in markup.text.split(","):
        for element in compiled(selector.strip())(tree):
            if any(parent in items for parent in element.iterancestors()):
                return True
    return False
