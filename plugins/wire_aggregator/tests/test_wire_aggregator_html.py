"""HTML pages: meta first, container blocks through the same line rules."""

from __future__ import annotations

import re

import pytest
from wire_aggregator_helpers import FIXTURES, leaked, page_of

from masthead import NotAnArticle
from masthead.testing import document, document_from_file, ingest_article
from masthead_wire_aggregator import EconoTimesSource

STORY = (FIXTURES / "wire_story_2025.html").read_text(encoding="utf-8")
OLD = (FIXTURES / "article_view_2017.html").read_text(encoding="utf-8")
CONTRIBUTOR = (FIXTURES / "contributor_2020.html").read_text(encoding="utf-8")
STORY_TICKER = (
    "Oil Prices Slip as Reuters Survey Shows OPEC Output Rise",
    "Will the ECB Cut Rates Again in June?",
    "Gold Holds Near Record as Dollar Weakens",
    "Yen Steadies After Kyodo Report on BOJ Policy Shift",
)


def without_head_meta(html: str) -> str:
    html = re.sub(r"<meta[^>]*>", "", html)
    html = re.sub(r'<script type="application/ld\+json">.*?</script>', "", html, flags=re.S)
    return re.sub(r"<title>.*?</title>", "", html, flags=re.S)


def test_ticker_inside_container_is_dropped_and_not_credited(source: EconoTimesSource) -> None:
    draft = source.parse(page_of(STORY, html=True))
    assert draft.body[-1] == "The next rate decision is scheduled for March 21."
    assert not leaked(draft.body, STORY_TICKER)
    assert "Kyodo" not in draft.attributions
    assert draft.attributions == ("TASS", "Reuters", "Interfax")


def test_title_and_date_fall_back_to_the_page_when_head_is_bare(source: EconoTimesSource) -> None:
    draft = source.parse(page_of(without_head_meta(STORY), html=True))
    assert draft.title == "Bank of Russia Holds Key Rate at 21% as Inflation Stays Stubborn"
    assert draft.published_iso() == "2025-02-14T10:32:00+00:00"
    assert draft.body[0].startswith("The Bank of Russia kept its key interest rate")


def test_sentence_case_title_falls_back_to_p_title(source: EconoTimesSource) -> None:
    draft = source.parse(page_of(without_head_meta(OLD), html=True))
    assert draft.title == "South Korea’s exports rise for third straight month on chip demand"
    assert draft.published_iso() == "2017-06-01T03:41:00+00:00"
    assert len(draft.body) == 4


def test_site_name_in_meta_author_is_not_an_author(source: EconoTimesSource) -> None:
    assert source.parse(page_of(OLD, html=True)).authors == ()


def test_contributor_byline_disclaimer_and_comment_box(source: EconoTimesSource) -> None:
    draft = source.parse(page_of(CONTRIBUTOR, html=True))
    assert draft.authors == ("Laura Whitfield",)
    assert draft.captions == ("Image credit: Pixabay",)
    assert draft.body[-1].startswith("Whether the trend lasts")
    assert not leaked(draft.body, ("The Conversation", "Dollar Firms", "Bloomberg Survey"))
    assert draft.attributions == ("Xinhua",)  # Michael Bloomberg is no credit


@pytest.mark.parametrize(
    "mangle",
    [
        lambda h: h.replace("\n", "\r\n"),
        lambda h: h.replace("<p>The Bank", "<p>\u00a0The\u00a0Bank"),
        lambda h: h.replace("’", "'").replace("&rsquo;", "'"),
        lambda h: h.replace("</p>", "</p>\n\n\n"),
    ],
    ids=["crlf", "nbsp", "straight-quotes", "blank-lines"],
)
def test_html_whitespace_variants(mangle: object, source: EconoTimesSource) -> None:
    assert callable(mangle)
    draft = source.parse(page_of(mangle(STORY), html=True))
    assert len(draft.body) == 5
    assert draft.body[0].startswith("The Bank of Russia kept")
    assert draft.title == "Bank of Russia Holds Key Rate at 21% as Inflation Stays Stubborn"


def test_html_cut_off_mid_body(source: EconoTimesSource) -> None:
    cut = STORY[: STORY.index("Governor Elvira Nabiullina told reporters that a further") + 40]
    draft = source.parse(page_of(cut, html=True))
    assert len(draft.body) == 3
    assert any(w.startswith("body_truncated") for w in draft.warnings)


def test_page_without_article_container_is_not_an_article(source: EconoTimesSource) -> None:
    html = (
        '<html><head><meta property="og:site_name" content="EconoTimes"></head>'
        '<body><div id="wrap">Menu</div></body></html>'
    )
    with pytest.raises(NotAnArticle):
        source.parse(page_of(html, html=True))


def test_html_routed_by_canonical_domain() -> None:
    article = ingest_article(document(STORY, html=True))
    assert article.outlet == "wire_aggregator"
    assert (
        article.url
        == "https://www.econotimes.com/Bank-of-Russia-Holds-Key-Rate-at-21-as-Inflation-Stays-Stubborn-1703311"
    )


def test_html_routed_by_url_of_subdomain() -> None:
    article = ingest_article(document(without_head_meta(STORY), html=True, url="https://econotimes.com/x-1703311"))
    assert article.outlet == "wire_aggregator"


RELATED_PAGE = (FIXTURES / "related_stories_caption_2024.html").read_text(encoding="utf-8")
RELATED_TITLES = [
    "OPEC+ Extends Voluntary Output Cuts Into Second Quarter",
    "Tengiz Expansion Delayed Again, Chevron Says",
    "Caspian Pipeline Exports Recover After Storm Damage",
]
SITE_LISTS = (
    "Yen Weakens Past 155 per Dollar",
    "Why Central Banks Keep Buying Gold",
    "Dollar Firms as Treasury Yields Climb",
)


@pytest.mark.parametrize("box_class", ["relatedStories", "relatedNews", "storyLinks"])
def test_related_stories_above_the_text_go_to_related(box_class: str, source: EconoTimesSource) -> None:
    """Found by its class, or by its own "Related Stories" heading when the class is another."""
    html = RELATED_PAGE.replace('class="relatedStories"', f'class="{box_class}"')
    draft = source.parse(page_of(html, html=True))
    assert [r.title for r in draft.related] == RELATED_TITLES
    assert all(r.url and r.url.startswith("https://www.econotimes.com/") for r in draft.related)
    assert draft.body[0].startswith("Kazakhstan’s energy ministry raised")
    assert not leaked(draft.body, (*RELATED_TITLES, "Related Stories"))


def test_slider_picks_and_most_popular_are_neither_body_nor_related(source: EconoTimesSource) -> None:
    # the slider and the most-popular box moved inside the content container
    html = RELATED_PAGE.replace('<div class="commentPlugIn">', _boxes_inside() + '<div class="commentPlugIn">')
    draft = source.parse(page_of(html, html=True))
    assert not leaked(draft.body, SITE_LISTS)
    assert not {r.title for r in draft.related} & set(SITE_LISTS)
    assert len(draft.body) == 4


def _boxes_inside() -> str:
    return (
        '<div class="topSlide"><p class="slideTitle">Slider</p><a href="/Yen-Weakens-Past-155-per-Dollar-1682190">'
        "Yen Weakens Past 155 per Dollar</a></div>"
        '<div class="popularBox"><div class="title">Most Popular</div><p><a href="/Dollar-Firms-1682101">'
        "Dollar Firms as Treasury Yields Climb</a></p></div>"
    )


def test_caption_wrap_is_a_caption_even_without_a_credit(source: EconoTimesSource) -> None:
    html = RELATED_PAGE.replace(" Photo: Pixabay</p>", "</p>")
    draft = source.parse(page_of(html, html=True))
    assert draft.captions == ("An oil pumping unit in the Mangystau region.",)
    assert not leaked(draft.body, ("Mangystau",))


def test_date_from_the_info_line_and_placeholder_comment_box(source: EconoTimesSource) -> None:
    draft = source.parse(page_of(RELATED_PAGE, html=True))
    assert draft.published_iso() == "2024-04-17T09:05:00+00:00"
    assert draft.comments == ()
    assert not draft.warnings


def test_related_stories_in_a_dump_are_related_and_never_the_title() -> None:
    """The list under the title: its last headline is not taken for the page's title."""
    article = ingest_article(document_from_file(FIXTURES / "dumps" / "www_2024_related_stories_above_text.txt"))
    assert article.title == "Kazakhstan Raises Oil Output Target Despite OPEC+ Quota"
    assert [r.title for r in article.related] == RELATED_TITLES
    assert not leaked(article.body, (*RELATED_TITLES, "Related Stories"))
