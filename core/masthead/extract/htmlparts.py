"""Links and head fields of an HTML page, read without a tree of the whole page.

A source reads its article from one container element, in a tree of its
own (:meth:`masthead.Page.soup_of`; boxes inside it are cut out with
:mod:`masthead.extract.boxes`). The related headlines its line rules find
need the addresses of the container's links (:func:`link_urls`). :func:`page_title` and
:func:`page_published` read the head metadata first and turn only one small
element into BeautifulSoup when it says nothing. :class:`Container` finds the
boxes of such a tree with lxml's compiled selectors instead of soupsieve.
"""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Callable, Collection, Iterable
from typing import TYPE_CHECKING, Any

import attrs
import cssselect
from bs4 import Tag
from lxml import etree
from lxml.cssselect import LxmlHTMLTranslator

from masthead.extract.dates import parse_date
from masthead.extract.htmlparse import HtmlTreeBuilder, compiled, soup_of_element
from masthead.extract.text import collapse, fold
from masthead.extract.urls import join_url

if TYPE_CHECKING:
    from masthead.extract.document import Page

__all__ = [
    "CONTEXT_TAGS",
    "STRING_TAGS",
    "Container",
    "cut_matches",
    "cut_out",
    "element_tag",
    "first_match",
    "holds_template",
    "link_urls",
    "matcher",
    "matches_under",
    "page_published",
    "page_title",
    "tree_link_urls",
    "tree_text",
]

#: Links that lead nowhere outside the page.
_NOT_ADDRESSES = ("#", "javascript:", "mailto:")


def link_urls(
    root: Tag,
    base: str | None,
    *,
    clean: Callable[[str], str] | None = None,
    anchors: Iterable[Tag] | None = None,
) -> dict[str, str]:
    """Folded link text -> absolute address, for every link of ``root``.

    A related headline read from the text finds its address here. The
    first link of a text wins; anchors, scripts and mail links are left
    out. ``clean`` tidies a link's text first (an icon's file name the
    source put before it). ``anchors`` are the ``a[href]`` elements of
    ``root`` when the caller has found them already (:meth:`Container.select`).
    """
    found = root.select("a[href]") if anchors is None else anchors
    return _links(((collapse(anchor.get_text(" ")), anchor.get("href")) for anchor in found), base, clean)


def tree_link_urls(
    anchors: Iterable[Any], base: str | None, *, clean: Callable[[str], str] | None = None, plain: Collection[Any] = ()
) -> dict[str, str]:
    """:func:`link_urls` of lxml ``anchors``, read as their BeautifulSoup twins
    read (:func:`tree_text`; ``plain`` as there)."""
    return _links(((tree_text(anchor, plain=plain), anchor.get("href")) for anchor in anchors), base, clean)


def _links(found: Iterable[tuple[str, Any]], base: str | None, clean: Callable[[str], str] | None) -> dict[str, str]:
    """Folded text -> absolute address of (collapsed text, ``href``) pairs, as :func:`link_urls` says."""
    links: dict[str, str] = {}
    for text, value in found:
        text = clean(text) if clean is not None else text
        href = str(value or "").strip()
        if text and href and not href.startswith(_NOT_ADDRESSES):
            links.setdefault(fold(text), join_url(base, href))
    return links


_BUILDER = HtmlTreeBuilder()
#: Elements whose strings Beautiful Soup's HTML builder makes of a class of
#: their own (script, style, template and ruby text), as it does the strings
#: of every element inside them, up to the next such element: ``get_text``
#: of any other element leaves them out.
STRING_TAGS = frozenset(_BUILDER.string_containers)
#: Those and the elements inside which the builder keeps whitespace as it is
#: (``pre``, ``textarea``): an element below one of them, in a tree of its
#: own, holds other strings than in the tree of the whole page.
CONTEXT_TAGS = STRING_TAGS | frozenset(_BUILDER.preserve_whitespace_tags)
del _BUILDER


def holds_template(element: Any) -> bool:
    """Whether lxml ``element`` is or holds a ``template``: soupsieve (from
    version 3) never matches inside one, compiled selectors do, so lxml's
    matches may not be the twin tree's."""
    return next(element.iter("template"), None) is not None


def tree_text(element: Any, *, plain: Collection[Any] = ()) -> str:
    """``collapse(tag.get_text(" "))`` of the BeautifulSoup twin ``tag`` of lxml
    ``element`` (:func:`masthead.extract.htmlparse.soup_of_element` of the tree
    ``element`` belongs to), read from lxml.

    The twin's strings are the element's text and tails, one for one, in
    document order. ``get_text`` reads those of the class the tag's own
    strings have: the class of the nearest :data:`STRING_TAGS` element
    holding a string (up to the root of ``element``'s tree, as the twin's
    tree was built), else the plain one; never comments or processing
    instructions. The text of an element of ``plain`` is of the plain class
    wherever it stands: the stand-in for a string a caller put in the
    twin's tree. Whitespace-only strings, which the builder shortens to
    one space, end up as one space either way once collapsed.
    """
    inherited = next((up.tag for up in element.iterancestors() if up.tag in STRING_TAGS), None)
    wanted = element.tag if element.tag in STRING_TAGS else None  # None: the plain class
    strings: list[str] = []
    stack: list[tuple[Any, str | None]] = [(element, inherited)]
    while stack:
        node, kind = stack.pop()
        if node.__class__ is str:
            strings.append(node)
            continue
        if node.tag.__class__ is not str:  # a comment or processing instruction: its tail only
            continue
        if node.tag in STRING_TAGS:
            kind = node.tag
        if node.text and (None if node in plain else kind) == wanted:
            strings.append(node.text)
        for child in reversed(node):
            if child.tail and kind == wanted:
                stack.append((child.tail, kind))
            stack.append((child, kind))
    return collapse(" ".join(strings))


def cut_out(element: Any) -> None:
    """Cut lxml ``element`` out of its tree as ``decompose`` cuts its
    BeautifulSoup twin out, for what :func:`tree_text` and
    :func:`masthead.extract.document.tree_blocks` read: its text and
    children gone, no block ended, and the strings before and after it
    kept apart, as they stay two strings in the soup.

    Removing the element would join its tail to the string before it (and
    lxml refuses to move a tail with control characters); so it is emptied
    (children, text, attributes) and renamed :data:`_CUT`, its tail left in place.
    """
    element.clear(keep_tail=True)
    element.tag = _CUT


#: What a cut element becomes: an element whose text is never read and
#: which ends no block (see :data:`masthead.extract.document.SKIP_TAGS`).
_CUT = "script"


def cut_matches(root: Any, selector: str) -> None:
    """Cut every element under lxml ``root`` (not itself) matching CSS
    ``selector`` out (:func:`cut_out`), as decomposing each tag
    ``root.select(selector)`` finds in its twin does: an element inside
    another match goes with it."""
    for element in matches_under(root, selector):
        cut_out(element)


def matches_under(root: Any, selector: str, *, outermost: bool = False) -> list[Any]:
    """The elements under lxml ``root`` (not itself) matching CSS ``selector``,
    in document order (:func:`matcher`), as ``root.select(selector)`` finds
    their twins in ``root``'s tree of its own; ``outermost`` leaves out
    those inside another match (what cutting the matches out removes)."""
    found = [element for element in matcher(selector)(root) if element is not root]
    if not outermost:
        return found
    inner = set(found)
    return [element for element in found if not any(up in inner for up in element.iterancestors())]


def element_tag(element: Any) -> Tag:
    """lxml ``element`` as the root tag of a BeautifulSoup tree of its own
    (:func:`masthead.extract.htmlparse.soup_of_element`, whose only child it is)."""
    tag = soup_of_element(element).contents[0]
    assert isinstance(tag, Tag)
    return tag


def page_title(page: Page, *, selector: str = "h1", suffix: re.Pattern[str] | None = None) -> str | None:
    """The headline a page declares: its head metadata's title
    (:attr:`masthead.Page.meta`) with the site name ``suffix`` cut, else the
    text of the first element matching ``selector``."""
    title = page.meta.title
    if title:
        return (suffix.sub("", title) if suffix is not None else title).strip() or None
    element = page.soup_of(selector)
    return (collapse(element.get_text(" ")) if element is not None else "") or None


def page_published(page: Page, *, selector: str = "time[datetime]") -> str | None:
    """The publication time the head metadata declares, else the
    ``datetime`` of the first element matching ``selector`` (a theme's ``<time>``)."""
    if page.meta.published:
        return page.meta.published
    element = page.soup_of(selector)
    return parse_date(str(element.get("datetime") or "")) if element is not None else None


def first_match(tree: Any, selector: str) -> Any | None:
    """The first element of lxml ``tree`` (in document order) matching CSS
    ``selector``, as ``compiled(selector)(tree)[0]`` finds it, or ``None``.

    A compiled selector walks the whole tree once per alternative of a list
    (``"#comments, .comments-area"``) and sorts the union, to be read for
    its first element only. :func:`_first_finder` asks all alternatives of
    each element in one walk that stops at the first match.
    """
    found = _first_finder(selector)(tree)
    return found[0] if found else None


#: What keeps a condition off the fast path: XPath functions whose value
#: depends on the step it is attached to, and lxml's extension functions (``:contains()``).
_STEP_FUNCTIONS = ("position()", "last()", "__lxml_internal_css:")


@functools.lru_cache(maxsize=256)
def _first_finder(selector: str) -> Any:
    """One XPath ``descendant-or-self::*[C1 or C2 ...][1]`` for a selector list
    whose every alternative tests an element alone (tag and conditions on
    its attributes or siblings, no combinator): each alternative's condition
    is the one the compiled selector puts on its step, so an element
    satisfies ``Ci`` exactly when the alternative matches it. Any other
    selector is compiled as :func:`masthead.extract.htmlparse.compiled` does it."""
    translator = LxmlHTMLTranslator()
    try:
        exprs = [(parsed, translator.xpath(parsed.parsed_tree)) for parsed in cssselect.parse(selector)]
    except cssselect.SelectorError:
        return compiled(selector)  # raises the error the caller would have met
    if any(
        parsed.pseudo_element or expr.path or ":" in expr.element or any(f in expr.condition for f in _STEP_FUNCTIONS)
        for parsed, expr in exprs
    ):
        return compiled(selector)
    if len(exprs) == 1:  # the step as compiled (libxml2 walks a named element's step fastest), first match only
        return etree.XPath(f"descendant-or-self::{exprs[0][1]}[1]")
    tests = [
        " and ".join(
            ([] if expr.element == "*" else [f"self::{expr.element}"])
            + ([f"({expr.condition})"] if expr.condition else [])
        )
        or "true()"
        for _, expr in exprs
    ]
    # A list of classes and ids only: an element without either attribute
    # is passed over at once, before the alternatives are tried on it.
    simple = _Simple.of(selector)
    held = " or ".join(("@class",) * bool(simple.classes) + ("@id",) * bool(simple.ids)) if simple else ""
    first = f"[{held}]" if simple is not None and not simple.tags else ""
    return etree.XPath(f"descendant-or-self::*{first}[" + " or ".join(f"({test})" for test in tests) + "][1]")


#: What XPath's ``normalize-space`` splits a ``class`` attribute at.
CLASS_SPACE = re.compile("[ \t\r\n]+")


@attrs.frozen
class _Simple:
    """A selector list whose every alternative is a tag, a class or an id, or
    a tag with one class or id (``"script, .share, #comments, li.comment"``),
    matched in Python: a compiled selector tests every alternative on every
    element in XPath, fetching the ``class`` attribute anew for each (tens of
    alternatives to cut a container's share bars and forms); here each
    element's tag, class tokens and id are looked up in sets once.
    ``None`` stands for any tag."""

    tags: frozenset[str]
    classes: frozenset[tuple[str | None, str]]
    ids: frozenset[tuple[str | None, str]]

    @staticmethod
    @functools.lru_cache(maxsize=256)
    def of(selector: str) -> _Simple | None:
        """The sets of ``selector``; ``None`` when it is not such a list."""
        tags: set[str] = set()
        classes: set[tuple[str | None, str]] = set()
        ids: set[tuple[str | None, str]] = set()
        try:
            parsed = cssselect.parse(selector)
        except cssselect.SelectorError:
            return None
        for alternative in parsed:
            if alternative.pseudo_element is not None:
                return None
            tree, found = alternative.parsed_tree, None
            if isinstance(tree, cssselect.parser.Class):
                found, name, tree = classes, tree.class_name, tree.selector
            elif isinstance(tree, cssselect.parser.Hash):
                found, name, tree = ids, tree.id, tree.selector
            if not isinstance(tree, cssselect.parser.Element) or tree.namespace is not None:
                return None
            tag = tree.element.lower() if tree.element is not None else None  # as the HTML translator reads it
            if found is None:
                if tag is None:
                    return None  # "*": every element
                tags.add(tag)
            elif CLASS_SPACE.search(name) or not name:
                return None
            else:
                found.add((tag, name))
        return _Simple(frozenset(tags), frozenset(classes), frozenset(ids))

    def __call__(self, scope: Any) -> list[Any]:
        """The elements of ``scope`` (itself included) that match, in document order."""
        tags, classes, ids = self.tags, self.classes, self.ids
        found = []
        for element in scope.iter(etree.Element):
            tag = element.tag
            if tag in tags:
                found.append(element)
                continue
            if classes and (value := element.get("class")):
                tokens = CLASS_SPACE.split(value)
                if any((None, token) in classes or (tag, token) in classes for token in tokens):
                    found.append(element)
                    continue
            if ids and (value := element.get("id")) is not None and ((None, value) in ids or (tag, value) in ids):
                found.append(element)
        return found


#: From this many class and id alternatives on, :class:`_Simple` is the
#: faster (measured on article containers); with fewer, XPath in C is.
_SIMPLE_FROM = 6


def matcher(selector: str) -> Callable[[Any], list[Any]]:
    """What finds the elements matching CSS ``selector`` in an lxml tree (its
    root included), in document order, as :func:`masthead.extract.htmlparse.compiled`
    does: :class:`_Simple` for a long enough list of tags, classes and ids, else the compiled selector."""
    simple = _Simple.of(selector)
    if simple is not None and len(simple.classes) + len(simple.ids) >= _SIMPLE_FROM:
        return simple
    xpath: Callable[[Any], list[Any]] = compiled(selector)
    return xpath


class Container:
    """An element of a page in a BeautifulSoup tree of its own
    (:meth:`masthead.Page.soup_of`), whose boxes lxml finds.

    A soupsieve ``select`` walks the tree in Python and tests every
    selector on every element; a plugin that cuts scripts, share bars and
    captions out of its container pays that once per selector list. The
    tree is built from one element of :attr:`masthead.Page.tree`, one
    ``Tag`` per lxml element in document order, so the compiled selector
    (C) runs on a copy of that element and the ``Tag`` at the same place
    is the match. Without an lxml tree, where the two trees differ in shape
    or the element holds a ``template`` (whose content soupsieve never
    matches), soupsieve does the work, with the same result.
    """

    def __init__(self, root: Tag, element: Any | None = None) -> None:
        #: The element's tree, which the caller may change (cut boxes out of it).
        self.root = root
        self._scope: Any | None = None
        self._tags: dict[Any, Tag] = {}
        self._elements: dict[int, Any] | None = None
        if element is not None:
            scope = copy.deepcopy(element)  # alone, as ``root`` is: no ancestors to match
            elements = list(scope.iter(etree.Element))
            tags = [root, *(node for node in root.descendants if isinstance(node, Tag))]
            same = len(elements) == len(tags) and all(e.tag == t.name for e, t in zip(elements, tags, strict=True))
            if same and not holds_template(scope):
                self._scope = scope
                self._tags = dict(zip(elements, tags, strict=True))

    @classmethod
    def of(cls, page: Page, selector: str) -> Container | None:
        """The first element matching CSS ``selector``, as :meth:`masthead.Page.soup_of` gives it
        (the selector is run once: its match is both built and copied)."""
        tree = page.tree
        if tree is None:
            copied = page.soup_of(selector)
            return cls(copied) if copied is not None else None
        found = first_match(tree, selector)
        if found is None:
            return None
        return cls(element_tag(found), found)

    @property
    def located(self) -> bool:
        """Whether lxml finds the elements (else soupsieve does)."""
        return self._scope is not None

    def select(self, selector: str, *, outermost: bool = False) -> list[Tag]:
        """The elements under :attr:`root` matching CSS ``selector``, in
        page order, as ``root.select(selector)`` finds them; ``outermost``
        leaves out those inside another match.

        Matches are taken from the tree as it was built, less what has been
        cut out since: the same answer for selectors that test an element
        alone (its tag, classes, id and attributes), which cutting other
        elements out cannot change; not for sibling or position selectors.
        """
        scope = self._scope
        if scope is None:
            found = self.root.select(selector)
            if not outermost:
                return list(found)
            ids = {id(tag) for tag in found}
            return [tag for tag in found if not any(id(up) in ids for up in tag.parents)]
        elements = matches_under(scope, selector, outermost=outermost)
        root = self.root
        return [tag for tag in map(self._tags.__getitem__, elements) if any(up is root for up in tag.parents)]

    def copy_of(self, tag: Tag) -> Container:
        """A copy of ``tag`` (an element of :attr:`root`) in a tree of its own, found in the same way."""
        if self._scope is None:
            return Container(copy.copy(tag))
        if self._elements is None:
            self._elements = {id(tag): element for element, tag in self._tags.items()}
        return Container(copy.copy(tag), self._elements[id(tag)])
