"""Box lists narrowed to the names a container carries cut the same boxes."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import Tag
from wire_aggregator_helpers import HTML_ARTICLES, HTML_LISTINGS

from masthead.extract.boxes import cut_boxes
from masthead.extract.document import blocks_of
from masthead.extract.htmlparse import parse_html
from masthead_wire_aggregator import html

#: Names each list's selectors need, where they are easy to get wrong: an
#: id prefix, a class among others, a box inside a box, a caption class on
#: the container itself (``.articleImgArea p``), a class split at a
#: non-breaking space, a renamed box found by its heading.
TRICKY = (
    '<div class="articleImgArea articleViewWrap" id="x">'
    '<p class="title">Headline Of The Story</p><p>Photo: Reuters</p>'
    '<div id="promotionBannerv2"><div class="commentPlugIn"><figcaption>inner</figcaption></div></div>'
    '<div class="a\u00a0slider"><span>Slide</span></div>'
    '<div class="box"><h3>Related Stories</h3><a href="/a">A story</a></div>'
    '<div class="grid"><h3>Most Popular</h3><a href="/b">B story</a></div>'
    "<form><input></form><p>The text of the story goes on here.</p></div>"
)


def _container(markup: str) -> Tag | None:
    soup = parse_html(markup)
    for selector in html.VIEW_SELECTORS:
        found = soup.select_one(selector)
        if found is not None:
            return found
    return None


def _cut(markup: str, *, narrowed: bool) -> tuple[tuple[str, ...], tuple[str, ...], list[Tag], tuple[str, ...]]:
    root = _container(markup)
    assert root is not None
    held = html._Names.of(root)

    def listed(selectors: str) -> str:
        return html._present(selectors, held) if narrowed else selectors

    related = cut_boxes(root, listed(html.RELATED), html.RELATED_HEADINGS)
    furniture = cut_boxes(root, listed(html.FURNITURE), html.FURNITURE_HEADINGS)
    captions = cut_boxes(root, listed(html.CAPTIONS))
    return tuple(str(box) for box in related), tuple(str(box) for box in furniture), captions, blocks_of(root)


def test_only_selectors_whose_names_are_held_are_kept() -> None:
    root = _container(TRICKY)
    assert root is not None
    held = html._Names.of(root)
    assert html._present(html.FURNITURE, held) == ".commentPlugIn, [id^=promotionBanner], .slider, form"
    assert html._present(html.CAPTIONS, held) == "figcaption, .articleImgArea p"
    assert html._present(html.RELATED, held) == ""


def test_a_class_of_a_tag_needs_both_held() -> None:
    held = html._Names.of(parse_html('<div><p class="twitter-tweet">text</p><blockquote>q</blockquote></div>'))
    kept = html._present("blockquote.twitter-tweet, span.twitter-tweet, blockquote.fb-post, p.twitter-tweet", held)
    assert kept == "blockquote.twitter-tweet, p.twitter-tweet"


def test_a_selector_of_another_form_is_always_kept() -> None:
    held = html._Names.of(parse_html("<div><p>text</p></div>"))
    assert html._present("div > p, .gone, a[href*='/x/']", held) == "div > p, a[href*='/x/']"


#: The fixtures with an article container (a listing or an old page without one has no boxes to cut).
WITH_CONTAINER = [p for p in (*HTML_ARTICLES, *HTML_LISTINGS) if _container(p.read_text(encoding="utf-8")) is not None]


def test_there_are_containers_to_compare() -> None:
    assert len(WITH_CONTAINER) >= 3


@pytest.mark.parametrize("path", WITH_CONTAINER, ids=lambda path: path.name)
def test_fixture_containers_lose_the_same_boxes(path: Path) -> None:
    markup = path.read_text(encoding="utf-8")
    assert _cut(markup, narrowed=True) == _cut(markup, narrowed=False)


def test_tricky_container_loses_the_same_boxes() -> None:
    narrowed = _cut(TRICKY, narrowed=True)
    assert narrowed == _cut(TRICKY, narrowed=False)
    related, furniture, captions, _ = narrowed
    assert related and furniture  # every list found something
    # the container itself is the ``.articleImgArea``: its paragraphs are captions
    assert [box.get_text() for box in captions] == [
        "Headline Of The Story",
        "Photo: Reuters",
        "The text of the story goes on here.",
    ]
