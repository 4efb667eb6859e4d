"""One way to say "this page is a listing"."""

from __future__ import annotations

import pytest

from masthead import NotAnArticle
from masthead.extract.bylines import date_line
from masthead.extract.htmlparse import parse_html
from masthead.extract.listing import html_says_listing, listing_signals, reject_listing

ARTICLE = ["A Title", "A first paragraph of the article that runs on for a while.", "A second one, also text."]
LISTING = ["Category: Analysis", "Teaser one", "Read more", "Teaser two", "Read more", "1", "2", "3", "Next »"]


def test_teasers_and_pager_are_signals_articles_have_none() -> None:
    assert listing_signals(ARTICLE) == 0
    assert listing_signals(LISTING) >= 5
    assert listing_signals(["12", "3", "7"]) == 0  # vote counts, not a pager


def test_a_listing_is_rejected_with_its_evidence_an_article_is_not() -> None:
    with pytest.raises(NotAnArticle, match="teaser links"):
        reject_listing(LISTING)
    reject_listing(ARTICLE)


def test_teaser_dates_count_when_asked() -> None:
    teasers = ["Teaser one", "April 1, 2025", "Teaser two", "April 2, 2025", "Teaser three", "April 3, 2025"]
    reject_listing(teasers)
    with pytest.raises(NotAnArticle):
        reject_listing(teasers, is_date=lambda line: date_line(line) is not None)


def test_body_classes_decide_for_html() -> None:
    listing = parse_html("<html><body class='archive category'><p>x</p></body></html>")
    single = parse_html("<html><body class='single postid-7'><p>Read more</p><p>Read more</p></body></html>")
    assert html_says_listing(listing) is True
    assert html_says_listing(single) is False
    reject_listing(["Read more", "Read more"], soup=single)
    with pytest.raises(NotAnArticle, match="body classes"):
        reject_listing(ARTICLE, soup=listing)
