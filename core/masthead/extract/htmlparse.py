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
every fixture and benchmark page); only the time to build it changes.
"""

from __future__ import annotations

import warnings
from typing import Any

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, XMLParsedAsHTMLWarning
from bs4.builder._lxml import LXMLTreeBuilder

#: Beautiful Soup's advice for the user of an interactive session: to parse
#: XHTML as XML, or that a short page "looks like a URL". A crawl holds such
#: pages; reading them as HTML is what a browser does and what is meant here.
_ADVICE = (XMLParsedAsHTMLWarning, MarkupResemblesLocatorWarning)


class HtmlTreeBuilder(LXMLTreeBuilder):
    """Beautiful Soup's lxml HTML builder, without namespace work HTML never needs."""

    def start(self, tag: Any, attrib: Any, nsmap: Any = None) -> None:
        soup = self.soup
        if nsmap or len(self.nsmaps) > 1 or soup is None:  # never from lxml's HTML parser
            super().start(tag, attrib, nsmap or {})
            return
        # lxml gives str values, which the attribute class's __setitem__ keeps as they are.
        attributes = self.attribute_dict_class(attrib)
        soup.handle_starttag(tag, None, None, attributes, namespaces=self.active_namespace_prefixes[-1])

    def end(self, tag: Any) -> None:
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
    with warnings.catch_warnings():
        for category in _ADVICE:
            warnings.simplefilter("ignore", category)
        try:
            return BeautifulSoup(markup, builder=HtmlTreeBuilder())
        except (TypeError, AttributeError):
            return BeautifulSoup(markup, "lxml")
