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
from typing import Any, Protocol, TypeVar

from bs4 import Tag

from masthead import Page, Related
from masthead.extract import htmlfields
from masthead.extract.document import blocks_of, tree_blocks
from masthead.extract.htmlparse import compiled
from masthead.extract.htmlparts import (
    CONTEXT_TAGS,
    cut_matches,
    element_tag,
    first_match,
    matches_under,
    tree_text,
)
from masthead.extract.text import collapse

_CLUSTER = "section.cluster [data-title]"
#: The characters a string of only these is one space or line end of in Beautiful Soup.
_ASCII_SPACE = " \n\t\x0c\r"
#: What a finder finds: BeautifulSoup tags, or lxml elements.
Node = TypeVar("Node")


class Finder(Protocol[Node]):
    """How the reader finds elements below the article, or below an element
    it found, and reads their text and attributes."""

    def first(self, scope: Node, selector: str) -> Node | None:
        """The first element below ``scope`` (not itself) matching ``selector``."""

    def all(self, scope: Node, selector: str) -> list[Node]:
        """Every element below ``scope`` matching ``selector``, in document order."""

    def text(self, node: Node | None) -> str | None:
        """:func:`masthead.extract.htmlfields.text_of` of ``node``'s tag."""

    def attribute(self, node: Node | None, name: str) -> str | None:
        """:func:`masthead.extract.htmlfields.attr_of` of ``node``'s tag (not for a class list)."""

    def blocks(self, node: Node) -> tuple[str, ...]:
        """:func:`masthead.extract.document.blocks_of` of ``node``'s tag."""

    def blocks_without(self, root: Node, furniture: tuple[str, ...]) -> tuple[str, ...]:
        """:func:`masthead.extract.htmlfields.blocks_without` of ``root``'s tag; its tree is left as it is."""

    def tag(self, node: Node) -> Tag:
        """``node``'s tag, in a tree the caller does not change."""

    def cluster_related(self, page: Page, article: Node) -> list[Related]:
        """The "Read more" cluster under ``article``: its ``data-title``/``data-url`` excerpts."""


class SoupFinder:
    """Finding by soupsieve in the BeautifulSoup tree itself: the reference."""

    def first(self, scope: Tag, selector: str) -> Tag | None:
        return scope.select_one(selector)

    def all(self, scope: Tag, selector: str) -> list[Tag]:
        return list(scope.select(selector))

    def text(self, node: Tag | None) -> str | None:
        return htmlfields.text_of(node)

    def attribute(self, node: Tag | None, name: str) -> str | None:
        return htmlfields.attr_of(node, name)

    def blocks(self, node: Tag) -> tuple[str, ...]:
        return blocks_of(node)

    def blocks_without(self, root: Tag, furniture: tuple[str, ...]) -> tuple[str, ...]:
        return htmlfields.blocks_without(root, furniture)

    def tag(self, node: Tag) -> Tag:
        return node

    def cluster_related(self, page: Page, article: Tag) -> list[Related]:
        scope = article.find_parent("article") or page.soup
        excerpts = scope.select(_CLUSTER) if scope is not None else []
        return _excerpts(
            (htmlfields.attr_of(excerpt, "data-title"), htmlfields.attr_of(excerpt, "data-url")) for excerpt in excerpts
        )


class TreeFinder:
    """Finding and reading in lxml's tree, without BeautifulSoup objects.

    Elements are lxml's; their texts, attributes and block texts are read
    as :class:`SoupFinder` reads them of the element's tag in
    :func:`masthead.extract.htmlparse.soup_of_element`'s tree (see the
    module's docstring), which is that element's part of a tree of the
    whole page.
    """

    def __init__(self, tree: Any) -> None:
        self._tree = tree

    @classmethod
    def of(cls, page: Page) -> TreeFinder | None:
        """A finder for ``page``, or ``None`` where only :class:`SoupFinder` is sure to agree."""
        tree = page.tree
        # No tree where the page's classes or ruby text read otherwise
        # (:attr:`masthead.Page.tree`); here, elements inside a script-like
        # or preformatted one would not be read as the soup reads them.
        if tree is None or any(len(element) for element in tree.iter(*CONTEXT_TAGS)):
            return None
        return cls(tree)

    def root(self, selector: str) -> Any | None:
        """The first lxml element of the page matching ``selector``."""
        return first_match(self._tree, selector)

    def elements(self, selector: str) -> list[Any]:
        """lxml elements of the page matching ``selector``."""
        return list(compiled(selector)(self._tree))

    def first(self, scope: Any, selector: str) -> Any | None:
        found = matches_under(scope, selector)
        return found[0] if found else None

    def all(self, scope: Any, selector: str) -> list[Any]:
        return matches_under(scope, selector)

    def text(self, node: Any | None) -> str | None:
        """The tag's text read on lxml (:func:`masthead.extract.htmlparts.tree_text`)."""
        return None if node is None else tree_text(node) or None

    def attribute(self, node: Any | None, name: str) -> str | None:
        return None if node is None else _attribute(node, name)

    def blocks(self, node: Any) -> tuple[str, ...]:
        return tree_blocks(node)

    def blocks_without(self, root: Any, furniture: tuple[str, ...]) -> tuple[str, ...]:
        """Read on a copy of ``root``, the furniture cut out
        (:func:`masthead.extract.htmlparts.cut_matches`)."""
        alone = copy.deepcopy(root)  # no ancestors, as in a tree of its own
        cut_matches(alone, ", ".join(furniture))
        return tree_blocks(alone)

    def tag(self, node: Any) -> Tag:
        return element_tag(node)

    def largest(self, elements: list[Any]) -> Any | None:
        """:func:`masthead.extract.htmlfields.largest` of the elements' tags,
        by the length of ``get_text()``: lxml's strings (see :meth:`text`),
        whitespace-only ones one character long, as Beautiful Soup makes them."""
        return max(elements, key=self._text_length, default=None)

    def _text_length(self, element: Any) -> int:
        # Beautiful Soup keeps preformatted whitespace whole and skips
        # script-like strings: such an element is measured in its soup.
        if next(element.iter(*CONTEXT_TAGS), None) is not None:
            return len(element_tag(element).get_text())
        return sum(len(text) if text.strip(_ASCII_SPACE) else 1 for text in element.itertext())

    def cluster_related(self, page: Page, article: Any) -> list[Related]:
        """What :class:`SoupFinder` reads from the tree :func:`masthead.Page.soup_of`
        gives of the page's first ``<article>`` (the template's outer one),
        read from lxml's attributes: an excerpt under ``article``'s nearest
        ``<article>`` ancestor, else anywhere in the page."""
        outer = next(iter(compiled("article")(self._tree)), None)
        ancestors = list(article.iterancestors())
        visible = outer if outer in ancestors else self._tree  # what that tree holds
        scope = next((up for up in ancestors if up.tag == "article"), None)
        excerpts = [e for e in compiled(_CLUSTER)(visible) if scope is None or scope in e.iterancestors()]
        return _excerpts((_attribute(excerpt, "data-title"), _attribute(excerpt, "data-url")) for excerpt in excerpts)


def _attribute(element: Any, name: str) -> str | None:
    """:func:`masthead.extract.htmlfields.attr_of` of an lxml element (an attribute no list splits)."""
    value = element.get(name)
    return value.strip() or None if isinstance(value, str) else None


def _excerpts(found: Any) -> list[Related]:
    titled = ((collapse(title or ""), url) for title, url in found)
    return [Related(title, url) for title, url in titled if title]
