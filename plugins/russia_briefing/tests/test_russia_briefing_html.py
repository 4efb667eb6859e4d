"""HTML variants built in code from the classic fixture, and small hand pages."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from masthead import Article, Page, Rejection
from masthead.testing import document, ingest, ingest_article
from masthead_russia_briefing import RussiaBriefingSource

HERE = Path(__file__).resolve().parent
CLASSIC = (HERE / "fixtures" / "article_2019_classic.html").read_text(encoding="utf-8")
TITLE = "Russia Extends Free E-Visa Scheme To Kaliningrad And St. Petersburg"
Leaks = Callable[[Article], list[str]]


def run(html: str, url: str | None = None) -> Article:
    return ingest_article(document(html, html=True, url=url, uri="variant.html"))


def without_head(html: str) -> str:
    return re.sub(r"<head>.*?</head>", "<head></head>", html, flags=re.DOTALL)


@pytest.mark.parametrize(
    "transform",
    [
        pytest.param(lambda h: h, id="as-is"),
        pytest.param(lambda h: h.replace("\n", "\r\n"), id="crlf"),
        pytest.param(lambda h: h.replace("Russia has widened its", "Russia&nbsp;has widened its"), id="nbsp"),
        pytest.param(without_head, id="no-head-metadata"),
        pytest.param(lambda h: re.sub(r"</?article[^>]*>", "", h), id="no-article-element"),
        pytest.param(lambda h: h.replace('<div class="related-reading">', "<div>"), id="related-box-unclassed"),
    ],
)
def test_classic_variants(transform: Callable[[str], str], leaks: Leaks) -> None:
    article = run(transform(CLASSIC))
    assert article.outlet == "russia_briefing"
    assert article.title == TITLE
    assert article.authors == ("Chris Devonshire-Ellis",)
    assert article.published is not None and article.published.startswith("2019-07-01")
    assert len(article.body) == 5
    assert article.body[0].startswith("Russia has widened its free electronic visa programme")
    assert [r.title for r in article.related] == [
        "Russia’s Far East E-Visa Now Available To 18 Countries",
        "A Guide To The Kaliningrad Special Economic Zone",
    ]
    assert leaks(article) == []


def test_without_head_metadata_falls_back_to_page_markup() -> None:
    article = run(without_head(CLASSIC), url="https://www.russia-briefing.com/news/x.html/")
    assert article.published == "2019-07-01T09:12:45+00:00"
    assert (
        article.related[1].url == "https://www.russia-briefing.com/news/kaliningrad-special-economic-zone-guide.html/"
    )


def test_minimal_page_reads_like_a_dump(leaks: Leaks) -> None:
    html = (
        "<html><body><h1>Russia Cuts Its Profit Tax For IT Companies</h1><p>Posted by</p>"
        "<p>The government has cut the profit tax rate for accredited IT companies to zero for three years.</p>"
        "<h4>Related Reading</h4><ul><li><a href='/news/it-guide.html/'>"
        "A Guide To IT Accreditation In Russia</a></li></ul>"
        "<p>The measure is meant to keep software developers in the country.</p>"
        "<p>About Us</p><p>Russia Briefing is produced by Dezan Shira &amp; Associates.</p>"
        "<h3>Leave a Reply</h3></body></html>"
    )
    article = run(html, url="https://www.russia-briefing.com/news/it-profit-tax.html/")
    assert article.title == "Russia Cuts Its Profit Tax For IT Companies"
    assert article.authors == ()
    assert article.body == (
        "The government has cut the profit tax rate for accredited IT companies to zero for three years.",
        "The measure is meant to keep software developers in the country.",
    )
    assert [(r.title, r.url) for r in article.related] == [
        ("A Guide To IT Accreditation In Russia", "https://www.russia-briefing.com/news/it-guide.html/")
    ]
    assert leaks(article) == []


def test_title_with_colon_keeps_its_second_half() -> None:
    html = CLASSIC.replace(
        "Russia Extends Free E-Visa Scheme To Kaliningrad And St. Petersburg - Russia Briefing News",
        "E-Visas: What Changes For Kaliningrad | Russia Briefing",
    )
    assert run(html).title == "E-Visas: What Changes For Kaliningrad"


def test_page_soup_is_left_whole_for_other_readers() -> None:
    page = Page.from_raw(document(CLASSIC, html=True))
    RussiaBriefingSource().parse(page)
    assert page.soup is not None
    assert page.soup.select_one("#comments") is not None
    assert page.soup.select_one("img[alt^=related-readings]") is not None


def test_search_results_page_is_not_an_article() -> None:
    html = CLASSIC.replace(
        "post-template-default single single-post postid-9876 single-format-standard", "search search-results"
    )
    record = ingest(document(html, html=True, uri="search.html"))
    assert isinstance(record, Rejection)
    assert record.reason == "not_article"


def test_subheading_under_an_iconless_related_list_stays_in_the_body(leaks: Leaks) -> None:
    """Only links are related items: the <h3> under the list is the article's own."""
    html = (
        "<html><body class='single single-post'><article class='post type-post'>"
        "<h1 class='entry-title'>Russia Cuts Export Duties On Grain</h1><div class='post-meta'>Posted by</div>"
        "<div class='entry-content'>"
        "<p>The government has cut the export duty on wheat by a third after a record harvest.</p>"
        "<p><img src='/wp-content/uploads/2019/02/related-readings_rb-icons_2019.png' alt=''> Related Reading:</p>"
        "<ul><li><a href='/news/grain-guide.html/'>A Guide To Russia’s Grain Export Quotas</a></li></ul>"
        "<h3>What Changes For Exporters</h3>"
        "<p>The floating duty now starts at a higher price threshold.</p>"
        "<p>Grain terminal at Novorossiysk. Photo: Shutterstock</p>"
        "<p><strong>About Us</strong></p>"
        "<p>Russia Briefing is written and produced by Dezan Shira &amp; Associates.</p>"
        "</div></article></body></html>"
    )
    article = run(html, url="https://www.russia-briefing.com/news/grain-duties.html/")
    assert article.body == (
        "The government has cut the export duty on wheat by a third after a record harvest.",
        "What Changes For Exporters",
        "The floating duty now starts at a higher price threshold.",
    )
    assert [(r.title, r.url) for r in article.related] == [
        ("A Guide To Russia’s Grain Export Quotas", "https://www.russia-briefing.com/news/grain-guide.html/")
    ]
    assert article.captions == ("Grain terminal at Novorossiysk. Photo: Shutterstock",)
    assert leaks(article) == []


#: Containers whose every string matters: noise and captions cut between
#: strings (a form feed after one), icons in links and captions, strings
#: get_text leaves out (script, comments), preformatted text.
TRICKY = (
    '<article class="post type-post"><p>Lead <script>x()</script>text<aside>a</aside>\x0c<b>b</b></p>'
    '<p><a href="/r1"><img src="/i/related-readings_rb-icons_2019.png">Tax <b>Guide</b></a>'
    ' and <a href="/r2">Two<!-- c --><style>i{}</style>Words</a>\x0c</p>'
    '<figure><img alt="related-reading_rb-icons_2021" src="x.jpg"><figcaption>Port <b>Photo:</b>'
    ' TASS<script><img src="/related-readings_rb-icons-1.png"></script></figcaption></figure>Tail \x0c'
    "<pre> a  <i>\x0c</i> b </pre><div class='sharedaddy'><a href='/s'>Share</a></div>\x0c"
    "<a href='/rt'>Base<noscript><a href='/in'>inner</a></noscript></a><p>End.</p></article>"
)
#: Ruby text and templates, which Beautiful Soup reads otherwise than
#: lxml's strings: such a page is read from its soup, never from lxml.
SOUP_ONLY = (
    '<article class="post type-post"><p>Tax <ruby>Guide<rt>gaido</rt></ruby> and'
    " Two<template><i>hidden</i></template>Words</p><p>End.</p></article>"
)


def test_a_page_with_ruby_text_or_a_template_is_read_from_its_soup() -> None:
    from masthead_russia_briefing import html

    page = Page.from_raw(document(SOUP_ONLY, html=True, url="https://www.russia-briefing.com/news/x.html"))
    assert html._read_tree(page) is None
    assert html._read_soup(page).lines


@pytest.mark.parametrize(
    "markup",
    [
        pytest.param(TRICKY, id="tricky"),
        pytest.param(f"<html><body>{TRICKY.replace('article', 'div')}</body></html>", id="body"),
        pytest.param(CLASSIC, id="classic"),
        pytest.param(without_head(CLASSIC).replace("<article", "<main").replace("</article", "</main"), id="main"),
    ],
)
def test_container_reads_the_same_from_lxml_as_from_its_soup(markup: str) -> None:
    """The container is read from a copy of its lxml element, with what its
    BeautifulSoup tree gives: the same blocks, captions and links."""
    from masthead_russia_briefing import html

    def page() -> Page:
        return Page.from_raw(document(markup, html=True, url="https://www.russia-briefing.com/news/x.html"))

    fast = html._read_tree(page())
    assert fast is not None
    assert fast == html._read_soup(page())
    assert fast.lines and fast.links


def test_a_comment_list_inside_the_post_without_its_area_stays_out_of_the_body() -> None:
    """Some theme versions render ``<ol class="commentlist">`` inside the
    ``<article>`` with no ``#comments`` wrapper; without the blurb to end
    the body, its names, stamps and "Reply" links read like paragraphs."""
    comments_start = CLASSIC.index('<div id="comments" class="comments-area">')
    comments_end = CLASSIC.index("</ol>", comments_start) + len("</ol>")
    thread = CLASSIC[CLASSIC.index('<ol class="comment-list">', comments_start) : comments_end]
    thread = thread.replace("comment-list", "commentlist")
    blurb = CLASSIC.index("<p><strong>About Us</strong></p>")
    page = CLASSIC[:blurb] + thread + CLASSIC[CLASSIC.index("</div>", blurb) :]
    page = page[: page.index('<div id="comments"')] + "</body></html>"
    record = run(page)
    assert record.body[-1].startswith("The e-visa is single-entry")
    assert [comment.author for comment in record.comments] == ["Peter Hansen", "Russia Briefing"]


def test_the_bylines_co_author_is_kept_when_the_head_names_one() -> None:
    """The head's JSON-LD names the post's one user account; the byline on
    the page may name a co-author too, or writers where the head names the firm."""
    two = CLASSIC.replace(">Written by Chris Devonshire-Ellis<", ">Written by Chris Devonshire-Ellis and Maria Kotova<")
    assert run(two).authors == ("Chris Devonshire-Ellis", "Maria Kotova")
    person = "https://www.russia-briefing.com/news/#/schema/person/2a1b"
    account = f'"author":{{"@id":"{person}","name":"Chris Devonshire-Ellis"}}'
    firm = two.replace(account, '"author":{"name":"Dezan Shira & Associates"}')
    assert run(firm).authors == ("Chris Devonshire-Ellis", "Maria Kotova")
    assert run(CLASSIC).authors == ("Chris Devonshire-Ellis",)


def test_an_amp_pages_header_is_no_body() -> None:
    header = (
        '<header class="amp-wp-article-header"><div class="amp-wp-meta">Maria Kotova</div>'
        '<div class="amp-wp-meta">1 year ago</div></header>'
    )
    page = CLASSIC.replace('<div class="entry-content">', f'<div class="entry-content">{header}', 1)
    assert run(page).body == run(CLASSIC).body


def test_a_byline_with_a_role_leaves_the_heads_author() -> None:
    role = CLASSIC.replace(
        ">Written by Chris Devonshire-Ellis<",
        ">Written by Chris Devonshire-Ellis, Chairman of Dezan Shira & Associates<",
    )
    assert run(role).authors == ("Chris Devonshire-Ellis",)
