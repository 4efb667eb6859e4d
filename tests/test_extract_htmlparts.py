"""Links and head fields of an HTML page."""

from __future__ import annotations

import re

from masthead import Page
from masthead.extract.htmlparse import parse_html
from masthead.extract.htmlparts import link_urls, page_published, page_title
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
