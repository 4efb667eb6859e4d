"""The fast tree builder builds exactly the tree Beautiful Soup's own lxml builder does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from masthead.extract.htmlparse import parse_html

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
    found = []
    for node in soup.descendants:
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
