"""Links and head fields of an HTML page."""

from __future__ import annotations

import re

import pytest
from bs4 import Tag
from lxml import etree

from masthead import Page
from masthead.extract import htmlparts
from masthead.extract.document import blocks_of, tree_blocks
from masthead.extract.htmlparse import compiled, parse_html, parse_tree, soup_of_element
from masthead.extract.htmlparts import (
    Container,
    cut_matches,
    cut_out,
    element_tag,
    first_match,
    holds_template,
    link_urls,
    matches_under,
    page_published,
    page_title,
    tree_link_urls,
    tree_text,
)
from masthead.extract.text import collapse
from masthead.testing import document

POST = """<html><head>{head}</head><body class="single">
<h1 class="entry-title">Russia Raises Tariffs</h1>
<time class="entry-date" datetime="2024-03-01T10:00:00+00:00">March 1</time>
<article><div class="share"><div class="share">Share</div><p>Tweet</p></div>
<figure><img src="a.jpg"><figcaption>The port at Ust-Luga. Photo: TASS</figcaption></figure>
<p>The first paragraph.</p>
<figure><figcaption class="wp-caption-text">A map. <span class="wp-caption-text">Inner</span></figcaption></figure>
<p><a href="/news/tariffs.html">Russia’s Tariff Guide</a> <a href="#top">Top</a>
<a href="mailto:x@example.com">Mail</a> <a href="/other.html">Russia's tariff guide</a></p>
</article></body></html>"""


def page(head: str = "") -> Page:
    return Page.from_raw(document(POST.format(head=head), html=True, url="https://example.com/news/a.html"))


def test_link_urls_are_absolute_first_wins_and_skip_anchors_and_mail() -> None:
    root = parse_html(POST.format(head=""))
    links = link_urls(root, "https://example.com/news/a.html")
    assert links == {"russia's tariff guide": "https://example.com/news/tariffs.html"}
    cleaned = link_urls(root, None, clean=lambda text: text.replace("Russia’s ", ""))
    assert cleaned["tariff guide"] == "/news/tariffs.html"
    assert link_urls(root, None, anchors=root.select("a[href]")[1:]) == {"russia's tariff guide": "/other.html"}


def test_title_and_time_come_from_the_head_first() -> None:
    head = (
        '<meta property="og:title" content="Russia Raises Tariffs | Example News">'
        '<meta property="article:published_time" content="2024-03-02T08:00:00+00:00">'
    )
    found = page(head)
    assert page_title(found, suffix=re.compile(r"\s*\|\s*example news$", re.IGNORECASE)) == "Russia Raises Tariffs"
    assert page_published(found) == "2024-03-02T08:00:00+00:00"


def test_without_head_metadata_the_markup_gives_title_and_time() -> None:
    found = page()
    assert page_title(found, selector="h1.entry-title") == "Russia Raises Tariffs"
    assert page_published(found, selector="time.entry-date") == "2024-03-01T10:00:00+00:00"
    assert page_title(found, selector="h2") is None
    assert page_published(found, selector="time.published") is None


CONTAINER = """<html><body><article class="post"><p>Lead <script>x()</script>text.</p>
<aside><figure><figcaption>Inside the aside. Photo: AP</figcaption></figure></aside>
<figure><img src="a.jpg"><figcaption>A port. Photo: TASS <span class="wp-caption-text">Inner</span></figcaption>
</figure>
<!-- a comment --><div class="share"><a href="/share">Share</a></div><p><a href="/a">One</a> <a>None</a></p>
</article></body></html>"""
SELECTORS = ("script, aside, .share", "figcaption, .wp-caption-text", "a[href]", "p", "article", "span, img")


def names(tags: list[Tag]) -> list[str]:
    return [str(tag) for tag in tags]


@pytest.mark.parametrize("fast", [True, False])
def test_container_selects_what_soupsieve_selects_before_and_after_cuts(
    monkeypatch: pytest.MonkeyPatch, fast: bool
) -> None:
    monkeypatch.setattr(Page, "fast_paths", fast)
    found = Container.of(Page.from_raw(document(CONTAINER, html=True)), "article")
    assert found is not None
    assert found.located is fast  # lxml does the work when the page has a tree
    root = found.root
    for selector in SELECTORS:
        assert names(found.select(selector)) == names(root.select(selector))
    nested = found.select("figcaption, .wp-caption-text", outermost=True)
    assert [tag.name for tag in nested] == ["figcaption", "figcaption"]
    for box in found.select("script, aside, .share", outermost=True):
        box.extract()
    for selector in SELECTORS:
        assert names(found.select(selector)) == names(root.select(selector))
    assert [tag.get_text() for tag in found.select("figcaption", outermost=True)] == ["A port. Photo: TASS Inner"]
    assert Container.of(Page.from_raw(document(CONTAINER, html=True)), "main") is None


def test_container_falls_back_to_soupsieve_when_the_trees_differ_in_shape() -> None:
    root = parse_html("<div><p>a</p><p>b</p></div>").div
    assert root is not None
    other = etree.fromstring("<div><p>a</p></div>")
    found = Container(root, other)
    assert not found.located
    assert names(found.select("p")) == ["<p>a</p>", "<p>b</p>"]


def test_a_container_holding_a_template_is_searched_as_soupsieve_searches_it() -> None:
    """Compiled selectors match inside a ``template``; soupsieve, from
    version 3, does not: a container holding one is left to soupsieve,
    whichever version is installed. (A page holding one offers no lxml
    tree at all; a caller may still pass its own element.)"""
    tree = parse_tree('<div id="c"><template><p class="x">in</p></template><p class="x">out</p></div>')
    element = compiled("#c")(tree)[0]
    found = Container(element_tag(element), element)
    assert not found.located
    assert names(found.select(".x")) == names(found.root.select(".x"))
    assert len(compiled(".x")(element)) == 2


LIST_PAGE = """<html><body id="top"><div class="wrap"><article class="post type-post" id="post-7"><h1>T</h1>
<p class="lead">a</p><p>b</p><ul class="comment-list"><li class="comment">c</li></ul></article>
<div id="comments" class="comments-area"><p>d</p></div><p lang="en-GB">e <span>:f</span></p></div></body></html>"""
FIRST_SELECTORS = (
    *("#comments, .comments-area, .comment-list, .commentlist", ".comments-area, #comments", "p, h1", "article"),
    *("li.comment, div.comment, article.comment", "div.post[id^=post-], [id^=post-]", "body, html", "main, aside"),
    *("p:first-child, span", "p:nth-of-type(2), li", "p:last-child", "article p", "ul > li", "h1 + p, #top"),
    *("p:not(.lead)", "p:nth-child(odd), span", "[lang|=en], .nothing", "*", "li:only-child, p:empty"),
)


@pytest.mark.parametrize("selector", FIRST_SELECTORS)
def test_first_match_is_the_first_element_the_compiled_selector_finds(selector: str) -> None:
    """One walk that stops at the first match finds what the whole union, sorted, starts with."""
    tree = parse_tree(LIST_PAGE)
    found = compiled(selector)(tree)
    assert first_match(tree, selector) is (found[0] if found else None)
    article = tree.find(".//article")
    assert first_match(article, selector) is next(iter(compiled(selector)(article)), None)


CLASSES_PAGE = """<html><body><div class="post\tshare
 x"><p class="share-bar">a</p><P CLASS="Share">b</P><span class="a\u00a0share">c</span>
<li class="comment">d</li><div class="comment" id="respond">e</div><nav>f</nav><!-- g -->
<p id="comments">h</p><p id="comments x">i</p><li id="wrap" class="">j</li><aside class=" tags  x ">k</aside></div>
</body></html>"""
LONG_LISTS = (
    "nav, .share, .tags, #comments, #respond, li.comment, div.post, p.nothing, .x, span#wrap",
    "li, .a, .b, .c, .d, .e, .f, .g, #h, #i",
    "p.share-bar, p.Share, .share, div#respond, li#wrap, .tags, .post, .comment",
)


@pytest.mark.parametrize("selector", LONG_LISTS)
def test_a_long_list_of_classes_and_ids_finds_what_the_compiled_selector_finds(selector: str) -> None:
    """Such a list is matched in Python (one look at each element's tag, class and id)."""
    tree = parse_tree(CLASSES_PAGE)
    simple = htmlparts._Simple.of(selector)
    assert simple is not None
    assert htmlparts.matcher(selector) is simple
    assert simple(tree) == compiled(selector)(tree)
    assert simple(tree.find(".//div")) == compiled(selector)(tree.find(".//div"))
    assert compiled(selector)(tree)  # the page has matches


@pytest.mark.parametrize(
    "selector",
    ["a[href]", "div p", "*", "p:first-child", ".a\\ b", "svg|a", "img", ".a, .b"],
)
def test_other_selectors_stay_compiled(selector: str) -> None:
    assert not isinstance(htmlparts.matcher(selector), htmlparts._Simple)
    assert htmlparts._Simple.of(".a, .b, .c, .d, .e, #f, p::first-line") is None  # compiled refuses it


TEXTS_PAGE = (
    "<div><p>a <b>b</b><!-- c -->\x0c<i>d</i><script>e()</script>f</p><ruby>g<rt>h <a href='/r'>i</a></rt></ruby>"
    "<template><p>j</p></template><a href='/k'> k <style>l</style>\u200bm<?pi n?> </a><pre> o  <u>\x0c</u></pre></div>"
)


def test_tree_text_reads_what_get_text_reads_of_the_elements_soup() -> None:
    """Comments, scripts, styles, templates and ruby text are no text, at any
    depth; every other string is, one for one, collapsed."""
    element = parse_tree(TEXTS_PAGE).find(".//div")
    twin = soup_of_element(element).contents[0]
    elements, tags = list(element.iter(etree.Element)), [twin, *twin.find_all(True)]
    assert [e.tag for e in elements] == [t.name for t in tags]
    texts = [collapse(tag.get_text(" ")) for tag in tags]
    assert [tree_text(e) for e in elements] == texts
    assert "h" not in texts[0] and "m" in texts[0]


def test_tree_text_counts_a_stand_in_s_text_anywhere_and_links_read_the_same() -> None:
    element = parse_tree(TEXTS_PAGE).find(".//div")
    inner = element.find(".//rt/a")
    assert tree_text(inner) == ""
    assert tree_text(inner, plain={inner}) == "i"
    anchors = list(element.iter("a"))
    twin = soup_of_element(element).contents[0]
    expected = link_urls(twin, "https://x.example/n/")
    assert tree_link_urls(anchors, "https://x.example/n/") == expected == {"k m": "https://x.example/k"}


CUTS_PAGE = """<html><body><div class="box"><p>before<span class="ad">Ad <b class="ad">x</b></span>after</p>
<p>one <i class="ad">two</i></p><div class="ad">Block</div>three<ul><li>four</li></ul></div></body></html>"""


def test_cut_matches_reads_as_the_decomposed_soup() -> None:
    """Cut elements leave the strings around them apart and end no block:
    ``before``/``after`` stay two words, ``three`` stays in the block after
    the cut ``div``; an element inside another match goes with it, and
    ``root`` itself is never cut even when it matches."""
    element = parse_tree(CUTS_PAGE).find(".//div")
    twin = element_tag(element)
    for tag in twin.select(".ad, .box"):
        tag.decompose()
    cut_matches(element, ".ad, .box")
    assert element.get("class") == "box"
    assert tree_blocks(element) == blocks_of(twin)
    assert tree_text(element) == collapse(twin.get_text(" "))
    assert tree_text(element).startswith("before after one")


def test_cut_out_keeps_the_tail_a_string_of_its_own() -> None:
    """The soup holds two strings after ``decompose``, which ``get_text(" ")``
    reads apart; dropping the element from lxml's tree would join them."""
    element = parse_tree("<p>a<b>x</b>b</p>").find(".//p")
    twin = element_tag(element)
    twin.b.decompose()
    cut_out(element.find("b"))
    assert tree_text(element) == collapse(twin.get_text(" ")) == "a b"
    assert tree_blocks(element) == blocks_of(twin)


def test_matches_under_finds_what_the_twin_selects_outermost_or_not() -> None:
    element = parse_tree(CUTS_PAGE).find(".//div")
    twin = element_tag(element)
    assert isinstance(twin, Tag) and twin.name == "div" and twin.parent is not None
    selected = twin.select(".ad, .box")
    found = matches_under(element, ".ad, .box")
    assert [e.tag for e in found] == [t.name for t in selected] == ["span", "b", "i", "div"]
    assert [e.tag for e in matches_under(element, ".ad", outermost=True)] == ["span", "i", "div"]


def test_holds_template_says_where_compiled_selectors_may_see_more_than_soupsieve() -> None:
    """A ``template``'s content: the compiled selector matches it, soupsieve
    (from version 3) does not, so a caller leaves such an element to the soup."""
    element = parse_tree('<div><template><p class="x">t</p></template><p class="x">p</p></div>').find(".//div")
    assert len(matches_under(element, ".x")) == 2
    assert holds_template(element) and holds_template(element.find("template"))
    assert not holds_template(element.find("p"))
