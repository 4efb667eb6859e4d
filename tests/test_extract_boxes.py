"""Boxes cut out of an article container: captions, link lists, furniture (real bs4 parse)."""

from __future__ import annotations

from bs4 import Tag

from masthead.extract.boxes import box_texts, cut_boxes, links_in
from masthead.extract.document import blocks_of
from masthead.extract.htmlparse import parse_html
from masthead.extract.text import fold
from masthead.models import Related

_PAGE = """<html><body><div id="c">
<div class="related-box"><h3>Related Stories</h3>
  <ul><li><a href="/news/gold">Gold Climbs</a></li><li><a href="http://[bad/x">Bad Link</a></li>
  <li><a href="/news/gold-2">Gold  Climbs</a></li></ul></div>
<figure><img src="a.jpg"><figcaption>Xi in Moscow. <span class="credit">Photo: Kremlin.ru</span></figcaption></figure>
<p class="captionWrap">Xi in Moscow. Photo: Kremlin.ru</p>
<div class="editorPick"><a href="/pick">A Pick</a></div>
<h3>Most Popular</h3>
<p>The talks lasted three hours, officials said.</p>
</div></body></html>"""


def _container() -> Tag:
    element = parse_html(_PAGE).select_one("#c")
    assert isinstance(element, Tag)
    return element


def test_boxes_found_by_heading_give_their_links_once() -> None:
    root = _container()
    related = links_in(cut_boxes(root, "", {fold("Related Stories")}), "https://example.com/a/b")
    # the repeat of a headline keeps its first link; a bad address is kept as written, never raises
    assert related == [Related("Gold Climbs", "https://example.com/news/gold"), Related("Bad Link", "http://[bad/x")]
    assert "Gold Climbs" not in blocks_of(root)


def test_nested_boxes_are_cut_once_and_read_whole() -> None:
    root = _container()
    boxes = cut_boxes(root, "figcaption, .credit, .captionWrap")
    assert len(boxes) == 2  # the credit sits inside the figcaption
    assert box_texts(boxes) == ["Xi in Moscow. Photo: Kremlin.ru"]


def test_furniture_goes_and_the_text_stays() -> None:
    root = _container()
    cut_boxes(root, ".editorPick", {fold("Most Popular")})
    assert "The talks lasted three hours, officials said." in blocks_of(root)
    assert "A Pick" not in blocks_of(root)


def test_the_container_itself_is_never_a_box() -> None:
    root = parse_html("<div id='c'><b>Most Popular</b> and more</div>").select_one("#c")
    assert isinstance(root, Tag)
    heading_holder = root.select_one("b")
    assert heading_holder is not None and heading_holder.parent is root
    assert cut_boxes(root, "", {fold("Most Popular")}) == []
