"""Finding a page's elements for the HTML reader: by soupsieve, or in lxml's tree.

The reader asks for elements of a BeautifulSoup tree by CSS selector. A
soupsieve ``select`` walks that tree in Python, and the reader asks about
twenty of them per page; :class:`TreeFinder` runs the same selectors on
lxml's tree of the same markup (:attr:`masthead.Page.tree`, compiled
selectors run by libxml2), turns only the elements found into
BeautifulSoup objects, each in a tree of its own, and reads the article's
block texts on lxml's tree: the article itself is never turned into
BeautifulSoup objects.

The two agree element for element where :meth:`TreeFinder.of` accepts a
page: :func:`masthead.extract.htmlparse.soup_of_element` builds an
element's BeautifulSoup tree from its lxml elements, one tag per lxml
element, in the same places, and
:func:`masthead.extract.document.tree_blocks` reads the block texts
:func:`masthead.extract.document.blocks_of` reads of that tree; the
selectors used here only name tags, classes, ids and attributes, which both
engines compare alike except for class lists split at whitespace XPath does
not know (a no-break space), and an element's strings read alike unless it
sits inside an element that changes how Beautiful Soup builds strings
(``pre``, ``script``, ``template``...). Pages with either are left to
:class:`SoupFinder`, as are pages without a tree.
"""

from __future__ import annotations

import copy
import re
from typing import Any, Protocol, TypeVar

from bs4 import Tag
from lxml import etree

from masthead import Page, Related
from masthead.extract import htmlfields
from masthead.extract.document import tree_blocks
from masthead.extract.htmlparse import HtmlTreeBuilder, compiled, soup_of_element
from masthead.extract.text import collapse

_CLUSTER = "section.cluster [data-title]"
#: Whitespace to Python (and so to Beautiful Soup's class splitting) that
#: XPath's ``normalize-space`` keeps inside a class name.
_ODD_SPACE = re.compile(r"[^\S \t\n\r]")
_CLASSES = etree.XPath("//@class")
_BUILDER = HtmlTreeBuilder()
#: Elements inside which Beautiful Soup builds strings differently (string
#: types that ``get_text`` skips, whitespace kept as it is): a tree of an
#: element below one of them would not be the whole page's.
_CONTEXT_TAGS = sorted({*_BUILDER.string_containers, *_BUILDER.preserve_whitespace_tags})
#: What a finder's article is: a BeautifulSoup tag, or an lxml element.
Scope = TypeVar("Scope", contravariant=True)


class Finder(Protocol[Scope]):
    """How the reader finds elements below the article, or below an element it was given."""

    def first(self, scope: Scope | Tag, selector: str) -> Tag | None:
        """The first element below ``scope`` (not itself) matching ``selector``."""

    def all(self, scope: Scope | Tag, selector: str) -> list[Tag]:
        """Every element below ``scope`` matching ``selector``, in document order."""

    def content_blocks(self, article: Scope, container: str, furniture: tuple[str, ...]) -> tuple[str, ...]:
        """Block texts of the first ``container`` below ``article`` (else of
        ``article``) without the elements matching any of ``furniture``
        (:func:`masthead.extract.htmlfields.blocks_without`); the tree is left as it is."""

    def cluster_related(self, page: Page, article: Scope) -> list[Related]:
        """The "Read more" cluster under ``article``: its ``data-title``/``data-url`` excerpts."""


class SoupFinder:
    """Finding by soupsieve in the BeautifulSoup tree itself: the reference."""

    def first(self, scope: Tag, selector: str) -> Tag | None:
        return scope.select_one(selector)

    def all(self, scope: Tag, selector: str) -> list[Tag]:
        return list(scope.select(selector))

    def content_blocks(self, article: Tag, container: str, furniture: tuple[str, ...]) -> tuple[str, ...]:
        return htmlfields.blocks_without(article.select_one(container) or article, furniture)

    def cluster_related(self, page: Page, article: Tag) -> list[Related]:
        scope = article.find_parent("article") or page.soup
        excerpts = scope.select(_CLUSTER) if scope is not None else []
        return _excerpts(
            (htmlfields.attr_of(excerpt, "data-title"), htmlfields.attr_of(excerpt, "data-url")) for excerpt in excerpts
        )


class TreeFinder:
    """Finding in lxml's tree; BeautifulSoup objects only for what is found.

    The article is an element of lxml's tree (:meth:`root`); each element
    found below it, or below an element found before, comes out in a
    BeautifulSoup tree of its own, as :meth:`masthead.Page.soup_of` gives
    it, which reads as that element's part of a tree of the whole article.
    """

    def __init__(self, tree: Any) -> None:
        self._tree = tree
        self._elements: dict[int, Any] = {}

    @classmethod
    def of(cls, page: Page) -> TreeFinder | None:
        """A finder for ``page``, or ``None`` where only :class:`SoupFinder` is sure to agree."""
        tree = page.tree
        if tree is None or any(len(element) for element in tree.iter(*_CONTEXT_TAGS)):
            return None
        if _ODD_SPACE.search(" ".join(_CLASSES(tree))):
            return None
        return cls(tree)

    def root(self, selector: str) -> Any | None:
        """The first lxml element of the page matching ``selector``."""
        found = compiled(selector)(self._tree)
        return found[0] if found else None

    def elements(self, selector: str) -> list[Any]:
        """lxml elements of the page matching ``selector``."""
        return list(compiled(selector)(self._tree))

    def soup_of(self, element: Any) -> Tag:
        """``element`` (of the page's lxml tree) in a BeautifulSoup tree of its own."""
        tag = soup_of_element(element).contents[0]
        assert isinstance(tag, Tag)
        self._elements[id(tag)] = element
        return tag

    def first(self, scope: Any, selector: str) -> Tag | None:
        found = self._below(scope, selector)
        return self.soup_of(found[0]) if found else None

    def all(self, scope: Any, selector: str) -> list[Tag]:
        return [self.soup_of(element) for element in self._below(scope, selector)]

    def content_blocks(self, article: Any, container: str, furniture: tuple[str, ...]) -> tuple[str, ...]:
        """Read on a copy of the container's lxml element, the furniture cut
        out (:func:`_cut`, outer elements first as soupsieve's ``select``
        gives them to :func:`~masthead.extract.htmlfields.blocks_without`):
        no BeautifulSoup tree of the article or its content is made."""
        found = self._below(article, container)
        alone = copy.deepcopy(found[0] if found else self._element(article))  # no ancestors, as in a tree of its own
        for element in compiled(", ".join(furniture))(alone):
            if element is not alone:
                _cut(element)
        return tree_blocks(alone)

    def cluster_related(self, page: Page, article: Any) -> list[Related]:
        """What :class:`SoupFinder` reads from the tree :func:`masthead.Page.soup_of`
        gives of the page's first ``<article>`` (the template's outer one),
        read from lxml's attributes: an excerpt under ``article``'s nearest
        ``<article>`` ancestor, else anywhere in the page."""
        element = self._element(article)
        outer = next(iter(compiled("article")(self._tree)), None)
        ancestors = list(element.iterancestors())
        visible = outer if outer in ancestors else self._tree  # what that tree holds
        scope = next((up for up in ancestors if up.tag == "article"), None)
        excerpts = [e for e in compiled(_CLUSTER)(visible) if scope is None or scope in e.iterancestors()]
        return _excerpts((_attribute(excerpt, "data-title"), _attribute(excerpt, "data-url")) for excerpt in excerpts)

    def _element(self, scope: Any) -> Any:
        """The lxml element of ``scope``: itself, or the one a tag was made of."""
        return self._elements[id(scope)] if isinstance(scope, Tag) else scope

    def _below(self, scope: Any, selector: str) -> list[Any]:
        element = self._element(scope)
        return [found for found in compiled(selector)(element) if found is not element]


def _cut(element: Any) -> None:
    """What ``decompose`` does to what :func:`masthead.extract.document.tree_blocks`
    reads: the element's text and children gone, no block ended, and the
    strings before and after it kept apart. It is emptied and renamed to a
    tag whose text is never read (``script``); its tail stays."""
    element.clear(keep_tail=True)
    element.tag = "script"


def _attribute(element: Any, name: str) -> str | None:
    """:func:`masthead.extract.htmlfields.attr_of` of an lxml element (an attribute no list splits)."""
    value = element.get(name)
    return value.strip() or None if isinstance(value, str) else None


def _excerpts(found: Any) -> list[Related]:
    titled = ((collapse(title or ""), url) for title, url in found)
    return [Related(title, url) for title, url in titled if title]
