"""Article fields read from markup around an outlet's selectors."""

from __future__ import annotations

from masthead import Related
from masthead.extract import htmlfields
from masthead.extract.htmlmeta import PageMeta
from masthead.extract.htmlparse import parse_html

PAGE = """<html><body>
<article class="teaser"><p>Short teaser.</p></article>
<article class="story" data-id=" 42 ">
  <h1>  The   Headline </h1>
  <figure><img src="a.jpg"><figcaption><span class="x__caption">Smoke over the valley.</span>
    <span class="x__credits">Anna Petrova / TASS</span></figcaption></figure>
  <figure><figcaption>A plain caption</figcaption></figure>
  <figure><img src="b.jpg"></figure>
  <p>First paragraph of the story, long enough to be the article.</p>
  <aside class="box"><p>Boxed furniture</p></aside>
  <p>See <a href="/2020/01/02/ferry-a1">Ferry Service Resumes</a> too.</p>
</article></body></html>"""


def test_text_and_attributes_of_missing_elements_are_none() -> None:
    soup = parse_html(PAGE)
    story = soup.select_one("article.story")
    assert htmlfields.text_of(story.find("h1") if story else None) == "The Headline"
    assert htmlfields.text_of(None) is None
    assert htmlfields.attr_of(story, "data-id") == "42"
    assert htmlfields.attr_of(story, "class") == "story"
    assert htmlfields.attr_of(story, "title") is None


def test_the_largest_element_is_the_one_with_most_text() -> None:
    soup = parse_html(PAGE)
    assert htmlfields.attr_of(htmlfields.largest(soup.select("article")), "class") == "story"
    assert htmlfields.largest([]) is None


def test_blocks_without_furniture_leave_the_tree_untouched() -> None:
    soup = parse_html(PAGE)
    story = soup.select_one("article.story")
    assert story is not None
    blocks = htmlfields.blocks_without(story, ("aside", "figure"))
    assert "Boxed furniture" not in blocks and "First paragraph of the story, long enough to be the article." in blocks
    assert story.select_one("aside") is not None


def test_figure_captions_join_caption_and_credit_once() -> None:
    soup = parse_html(PAGE)
    figures = soup.select("figure")
    assert htmlfields.figure_captions([*figures, figures[0]]) == [
        "Smoke over the valley. Anna Petrova / TASS",
        "A plain caption",
    ]


def test_related_links_merge_by_title_and_take_urls_from_links() -> None:
    merged = htmlfields.merge_related(
        [Related("Ferry Service Resumes"), Related("Bridge Opens", "https://x.test/b")],
        [Related("ferry service resumes", "https://x.test/f"), Related("Bridge Opens", "https://x.test/other")],
    )
    assert merged == [Related("ferry service resumes", "https://x.test/f"), Related("Bridge Opens", "https://x.test/b")]
    story = parse_html(PAGE).select_one("article.story")
    assert story is not None
    filled = htmlfields.with_link_urls(
        [Related("Ferry Service Resumes"), Related("Unknown")], story, "https://x.test/a"
    )
    assert filled == [Related("Ferry Service Resumes", "https://x.test/2020/01/02/ferry-a1"), Related("Unknown")]


def test_the_declared_headline_prefers_json_ld_then_the_title_without_the_site() -> None:
    ld = ({"@type": ["NewsArticle"], "headline": " Bridge   Opens "},)
    assert htmlfields.declared_headline(PageMeta(title="x", json_ld=ld), site="The Daily") == "Bridge Opens"
    page_ld = ({"@type": "WebPage", "headline": "Not this"},)
    meta = PageMeta(title="Bridge Opens — The Daily", json_ld=page_ld)
    assert htmlfields.declared_headline(meta, site="The Daily") == "Bridge Opens"
    assert htmlfields.declared_headline(PageMeta(title="Bridge Opens | The Daily"), site="The Daily") == "Bridge Opens"
    home = PageMeta(title="The Daily")
    assert htmlfields.declared_headline(home, site="The Daily", not_titles={"the daily"}) is None
    assert htmlfields.declared_headline(PageMeta(), site="The Daily") is None
