"""The fast tree builder builds exactly the tree Beautiful Soup's own lxml builder does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from lxml import etree

from masthead.extract.htmlparse import HtmlTreeBuilder, _replay, parse_html, parse_tree, soup_of_element

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = sorted(ROOT.glob("plugins/*/tests/fixtures/*.html"))
EDGES = {
    "namespaces": (
        '<html xmlns:og="http://ogp.me/ns#"><head><meta property="og:title" content="T"></head><body>'
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><path d="M0"/><use xlink:href="#a"/></svg>'
        "<math><mi>x</mi></math></body></html>"
    ),
    "classes and entities": '<p class="lead  big" id=x data-a="1&amp;2">A &amp; B&nbsp;C<br/>D</p>',
    "broken markup": "<p>unclosed <b>bold <i>italic</p><table><tr><td>1</table></div>",
    "comments, doctype, pi": "<!DOCTYPE html><!-- c --><?php echo 1 ?><p>x</p>",
    "text only": "no markup at all",
    "scripts": '<script type="application/ld+json">{"a": "<b>"}</script><style>p{}</style><p>x</p>',
}


def nodes(soup: BeautifulSoup) -> list[tuple[Any, ...]]:
    """Every node with its type, name, namespace, prefix and attributes (class as parsed)."""
    return nodes_of(*soup.contents)


def nodes_of(*tops: Any) -> list[tuple[Any, ...]]:
    """:func:`nodes` of the given top nodes and their descendants."""
    found = []
    for node in (n for top in tops for n in (top, *getattr(top, "descendants", ()))):
        attributes = getattr(node, "attrs", None)
        found.append(
            (
                type(node).__name__,
                getattr(node, "name", None),
                getattr(node, "namespace", None),
                getattr(node, "prefix", None),
                dict(attributes) if attributes is not None else str(node),
            )
        )
    return found


@pytest.mark.parametrize(
    "markup",
    [p.read_text(encoding="utf-8", errors="replace") for p in FIXTURES] + list(EDGES.values()),
    ids=[p.name for p in FIXTURES] + list(EDGES),
)
def test_the_same_tree_as_beautiful_soups_lxml_builder(markup: str) -> None:
    reference, fast = BeautifulSoup(markup, "lxml"), parse_html(markup)
    assert nodes(fast) == nodes(reference)
    assert fast.decode() == reference.decode()
    assert [str(t) for t in fast.select("p, a, meta")] == [str(t) for t in reference.select("p, a, meta")]


def test_there_are_fixtures_to_compare() -> None:
    assert len(FIXTURES) >= 4


def links(root: Any) -> list[tuple[Any, ...]]:
    """Every node's parent and neighbours in parse order, as positions within
    ``root``'s subtree (``None`` for none or outside it)."""
    order = [root, *root.descendants]
    position = {id(node): number for number, node in enumerate(order)}

    def at(node: Any) -> Any:
        return None if node is None else position.get(id(node))

    return [
        (at(n.parent), at(n.previous_element), at(n.next_element), at(n.previous_sibling), at(n.next_sibling))
        for n in order
    ]


EDGES["whitespace, templates, ruby"] = (
    "<div><pre>  \n <b> </b>  <textarea> \n</textarea> </pre> <template><p> x <i> y</i></p>  </template>"
    "<ruby>漢<rp> (</rp><rt>kan</rt><rp>)</rp></ruby>  \t <p>t<!--  -->u<!----></p><br> </div> tail"
)


#: Ancestors whose names decide how strings inside them are read (their class, kept whitespace).
INHERITED = ["template", "script", "style", "rt", "rp", "pre", "textarea"]


@pytest.mark.parametrize(
    "markup",
    [p.read_text(encoding="utf-8", errors="replace") for p in FIXTURES[::4]] + list(EDGES.values()),
    ids=[p.name for p in FIXTURES[::4]] + list(EDGES),
)
def test_an_elements_soup_is_that_element_of_the_whole_pages_soup(markup: str) -> None:
    """``soup_of_element`` makes the objects itself; each element's tree must be
    the subtree the whole page's BeautifulSoup tree has for it: names,
    attributes, strings and their classes (scripts, comments, whitespace
    collapsed outside ``pre``), and the links between nodes."""
    tree = parse_tree(markup)
    assert tree is not None
    whole = parse_html(markup)
    elements = list(tree.iter(etree.Element))
    tags = whole.find_all(True)
    assert [e.tag for e in elements] == [t.name for t in tags]
    for element, tag in zip(elements, tags, strict=True):
        if tag.find_parent(INHERITED):  # alone, it has no ancestor to inherit from
            continue
        alone = soup_of_element(element)
        assert alone.contents == [alone.contents[0]]
        assert nodes(alone) == [*nodes_of(tag)]
        assert alone.decode() == tag.decode()
        assert links(alone.contents[0]) == links(tag)


def test_the_replayed_soup_is_the_built_one() -> None:
    """The slower path kept for a Beautiful Soup whose internals changed gives the same tree."""
    for markup in EDGES.values():
        tree = parse_tree(markup)
        built = soup_of_element(tree)
        replayed = BeautifulSoup("", builder=HtmlTreeBuilder())
        _replay(replayed, replayed.builder, tree)
        assert nodes(replayed) == nodes(built)
        assert links(replayed) == links(built)
