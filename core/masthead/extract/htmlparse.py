"""Parse an HTML page into the BeautifulSoup tree plugins read, fast.

Building the BeautifulSoup tree is the largest single cost of an HTML page
(several times lxml's own parse): lxml parses in C and calls back into
Python for every start tag, end tag and text run. Beautiful Soup's lxml
builder is written for XML as well, so each callback first sorts out XML
namespaces, copying every attribute dictionary twice on the way, although
lxml's HTML parser never reports a namespace. :class:`HtmlTreeBuilder` is
that builder with the namespace work skipped when there is none, which is
always for HTML; anything namespaced still takes the original path. The
tree is the same object for object (the tests compare serializations of
every fixture and benchmark page); only the time to build it changes. The
builder also records how deep elements nest as it goes, so a caller that
must refuse absurd nesting needs no second walk of the tree.

Most pages need no BeautifulSoup tree at all to be routed: :func:`parse_tree`
gives lxml's own tree of the same markup (parsed the way Beautiful Soup's
lxml builder parses it, so both trees hold the same elements and text), in
which head metadata, block texts and compiled selectors (:func:`compiled`)
are read at C speed.
"""

from __future__ import annotations

import contextlib
import functools
import re
import warnings
from collections.abc import Iterator
from typing import Any

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, XMLParsedAsHTMLWarning
from bs4.builder._lxml import LXMLTreeBuilder
from bs4.element import Comment, NavigableString, Tag
from lxml import etree
from lxml.cssselect import CSSSelector

#: Beautiful Soup's advice for the user of an interactive session: to parse
#: XHTML as XML, or that a short page "looks like a URL". A crawl holds such
#: pages; reading them as HTML is what a browser does and what is meant here.
_ADVICE = (XMLParsedAsHTMLWarning, MarkupResemblesLocatorWarning)
#: A value of a multi-valued attribute is split at whitespace, as Beautiful Soup splits it.
_NON_SPACE = re.compile(r"\S+")


@contextlib.contextmanager
def _without_advice() -> Iterator[None]:
    """Build a BeautifulSoup tree without :data:`_ADVICE` warnings."""
    with warnings.catch_warnings():
        for category in _ADVICE:
            warnings.simplefilter("ignore", category)
        yield


class HtmlTreeBuilder(LXMLTreeBuilder):
    """Beautiful Soup's lxml HTML builder, without namespace work HTML never needs.

    ``max_depth`` is the deepest element nesting seen (``<html>`` is 1).
    """

    depth = 0
    max_depth = 0
    #: Multi-valued attribute names per tag name, filled as tags are met.
    _list_names: dict[str, frozenset[str]] | None = None

    def _replace_cdata_list_attribute_values(self, tag_name: str, attrs: Any) -> Any:
        """Beautiful Soup's splitting of multi-valued attributes (``class="a b"``
        becomes ``["a", "b"]``), with the names to split looked up once per tag
        name and parse instead of gathered again for every element."""
        if not attrs or not self.cdata_list_attributes:
            return attrs
        known = self._list_names
        if known is None:
            known = self._list_names = {}
        names = known.get(tag_name)
        if names is None:
            lists = self.cdata_list_attributes
            names = known[tag_name] = frozenset(lists.get("*", ())) | frozenset(lists.get(tag_name.lower(), ()))
        for name in [name for name in attrs if name in names]:
            value = attrs[name]
            if isinstance(value, str):
                value = self.attribute_value_list_class(_NON_SPACE.findall(value))
            attrs[name] = value
        return attrs

    def feed(self, markup: Any) -> None:
        """Nothing to parse in an empty string: :func:`soup_of_element` starts
        from an empty soup for every container, and making an lxml parser
        for it cost more than the objects of a small container."""
        if markup == "":
            return
        super().feed(markup)

    def start(self, tag: Any, attrib: Any, nsmap: Any = None) -> None:
        self.depth += 1
        if self.depth > self.max_depth:
            self.max_depth = self.depth
        soup = self.soup
        if nsmap or len(self.nsmaps) > 1 or soup is None:  # never from lxml's HTML parser
            super().start(tag, attrib, nsmap or {})
            return
        # lxml gives str values, which the attribute class's __setitem__ keeps as they are.
        attributes = self.attribute_dict_class(attrib)
        soup.handle_starttag(tag, None, None, attributes, namespaces=self.active_namespace_prefixes[-1])

    def end(self, tag: Any) -> None:
        self.depth -= 1
        soup = self.soup
        if len(self.nsmaps) > 1 or soup is None:
            super().end(tag)
            return
        soup.endData()
        soup.handle_endtag(tag, None)


def parse_html(markup: str) -> BeautifulSoup:
    """The BeautifulSoup tree of ``markup`` (lxml parser, as ``BeautifulSoup(markup, "lxml")``).

    The fast builder relies on Beautiful Soup's tree-building callbacks; if a
    future release changes them, the page is parsed by the stock builder
    rather than failing (tests/test_htmlparse.py compares both trees).
    """
    return parse_html_depth(markup)[0]


def parse_html_depth(markup: str) -> tuple[BeautifulSoup, int | None]:
    """:func:`parse_html` and the deepest element nesting, counted while
    building (``None`` when the stock builder had to be used)."""
    with _without_advice():
        builder = HtmlTreeBuilder()
        try:
            return BeautifulSoup(markup, builder=builder), builder.max_depth
        except (TypeError, AttributeError):
            return BeautifulSoup(markup, "lxml"), None


def parse_tree(markup: str) -> Any | None:
    """lxml's tree of ``markup``, parsed as :func:`parse_html` parses it.

    Same parser, options and input as Beautiful Soup's lxml builder (a
    leading byte-order mark dropped, the whole string fed at once), so the
    elements and their text are those of the BeautifulSoup tree. ``None``
    when lxml gives no tree (empty or rejected markup): the caller then
    takes the BeautifulSoup path, which has its own fallbacks.
    ``huge_tree``: without it libxml2 stops building at 256 levels of
    nesting and drops the rest, where the builder's callbacks get it all;
    the caller checks the depth and flattens, as for the soup.
    """
    if markup[:1] == "\N{BYTE ORDER MARK}":
        markup = markup[1:]
    parser = etree.HTMLParser(recover=True, huge_tree=True)
    try:
        parser.feed(markup)
        root = parser.close()
    except (etree.LxmlError, UnicodeDecodeError, LookupError, ValueError):
        return None
    return root


def soup_of_element(element: Any) -> BeautifulSoup:
    """A BeautifulSoup tree of one element of a :func:`parse_tree` tree, alone.

    The element comes out as the part of a whole-page BeautifulSoup tree it
    would have been, at the cost of its own size: the rest of the page is
    never turned into Python objects. The element is the new tree's only
    child. :func:`_build` makes the objects directly; if a Beautiful Soup
    release no longer accepts that, the element's parse events are replayed
    through the builder instead (:func:`_replay`), which is slower but uses
    only the builder's public callbacks.
    """
    builder = HtmlTreeBuilder()
    with _without_advice():
        soup = BeautifulSoup("", builder=builder)
    try:
        _build(soup, builder, element)
    except (TypeError, AttributeError):  # pragma: no cover - a Beautiful Soup that changed its internals
        with _without_advice():
            soup = BeautifulSoup("", builder=builder)
        _replay(soup, builder, element)
    return soup


def _build(soup: BeautifulSoup, builder: HtmlTreeBuilder, element: Any) -> None:
    """Make the BeautifulSoup objects of ``element``'s subtree directly.

    What Beautiful Soup's parser does for each start tag, end tag and text
    run, done once per node instead of through its general callbacks: a
    ``Tag`` made by its own constructor (attributes split and substituted as
    in any parse), strings made of the class the enclosing ``script``,
    ``style``, ``template`` or ruby tag asks for, whitespace-only strings
    collapsed to one space or newline outside ``pre`` and ``textarea``, and
    each object linked to the one parsed before it. Because the tree only
    ever grows at its right edge, the links Beautiful Soup repairs after
    each string never need repairing here.
    """
    tag_class: Any = soup.element_classes.get(Tag, Tag)
    plain = soup.element_classes.get(NavigableString, NavigableString)
    containers = builder.string_containers
    keep_spaces = builder.preserve_whitespace_tags
    attribute_dict = builder.attribute_dict_class
    spaces = soup.ASCII_SPACES
    pi_class = soup.element_classes.get(builder.processing_instruction_class, builder.processing_instruction_class)
    comment_class = soup.element_classes.get(Comment, Comment)
    namespaces = builder.active_namespace_prefixes[-1]
    last: Any = soup._most_recent_element
    # Per open element: (its Tag, the string class inside it, whether whitespace is kept).
    state: tuple[Any, Any, bool] = (soup, plain, False)

    def add(text: str, parent: Any, kind: Any, keep: bool) -> None:
        nonlocal last
        if not keep and not text.strip(spaces):
            text = "\n" if "\n" in text else " "
        string = kind(text)
        string.setup(parent, last)
        parent.contents.append(string)
        last = string

    stack: list[Any] = [element]
    states: list[tuple[Any, Any, bool]] = []
    while stack:
        node = stack.pop()
        if node.__class__ is tuple:  # the end of an element: back to its parent, then its tail
            state = states.pop()
            if node[1]:
                add(node[1], state[0], state[1], state[2])
            continue
        parent, kind, keep = state
        tag = node.tag
        tail = node.tail if node is not element else None
        if tag.__class__ is not str:  # a comment or a processing instruction
            if tag is etree.Comment:
                add(node.text or "", parent, comment_class, keep)
            elif tag is etree.PI:
                add(f"{node.target} {node.text or ''}", parent, pi_class, keep)
            if tail:
                add(tail, parent, kind, keep)
            continue
        made = tag_class(
            soup, builder, tag, None, None, attribute_dict(node.attrib), parent, last, namespaces=namespaces
        )
        if last is not None:
            last.next_element = made
        last = made
        parent.contents.append(made)
        states.append(state)
        inner = containers.get(tag, kind)
        state = (made, inner, keep or tag in keep_spaces)
        stack.append((tag, tail))
        if len(node):
            stack.extend(reversed(node))
        if node.text:
            add(node.text, made, inner, state[2])
    soup._most_recent_element = last


def _replay(soup: BeautifulSoup, builder: HtmlTreeBuilder, element: Any) -> None:
    """``element``'s parse events replayed into the builder :func:`parse_html` uses."""
    builder.soup = soup
    stack: list[Any] = [element]
    while stack:
        node = stack.pop()
        if node.__class__ is str:
            builder.data(node)
            continue
        if node.__class__ is tuple:
            builder.end(node[0])
            if node[1]:
                builder.data(node[1])
            continue
        tag = node.tag
        tail = node.tail if node is not element else None
        if tag.__class__ is not str:  # a comment or a processing instruction
            if tag is etree.Comment:
                builder.comment(node.text or "")
            elif tag is etree.PI:
                builder.pi(node.target, node.text or "")
            if tail:
                builder.data(tail)
            continue
        builder.start(tag, dict(node.attrib))
        stack.append((tag, tail))
        if len(node):
            stack.extend(reversed(node))
        if node.text:
            builder.data(node.text)
    soup.endData()
    builder.soup = None


@functools.cache
def deeper_than(limit: int) -> etree.XPath:
    """A compiled XPath that finds an element nested deeper than ``limit``."""
    return etree.XPath("/" + "/".join(["*"] * (limit + 1)))


@functools.lru_cache(maxsize=1024)
def compiled(selector: str) -> CSSSelector:
    """``selector`` (CSS) compiled once to lxml XPath, for :func:`parse_tree` trees.

    Matching runs in C, where a soupsieve ``select`` walks the whole
    BeautifulSoup tree in Python. Cached (the last 1,024 selectors), so a
    selector is compiled by the first page that asks for it, not by each.
    """
    return CSSSelector(selector, translator="html")
