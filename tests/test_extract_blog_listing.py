"""A blog theme's listing of teasers, and a page's own markup saying "listing"."""

from __future__ import annotations

import itertools

import pytest

from masthead import NotAnArticle, Page
from masthead.extract import listing
from masthead.extract.bylines import date_line
from masthead.extract.listing import is_read_more, is_teaser, page_says_listing, reject_blog_listing
from masthead.testing import document

PROSE = (
    "The ministry said the new rules take effect in March and apply to every importer that files "
    "its declarations electronically, whatever the size of the company or its line of business."
)


def is_byline(line: str) -> bool:
    return line.startswith("Posted")


def is_day(line: str) -> bool:
    iso = date_line(line)
    return iso is not None and "T" not in iso


def reject(lines: list[str]) -> None:
    reject_blog_listing(lines, is_byline=is_byline, is_date=is_day, ends_page=lambda line: line == "Leave a Reply")


def test_teaser_links() -> None:
    assert is_teaser("Russia extends the visa scheme to more regions. Continue reading…")
    assert not is_teaser("Continue reading")  # the link alone is no teaser
    assert is_read_more("Read More »") is False  # folded » is a quote, not an arrow
    assert is_read_more("Read more →") and is_read_more("Continue reading…")
    assert not is_read_more("Read more about the rules in our guide.")


@pytest.mark.parametrize(
    "lines",
    [
        ["Posted on by", "Teaser one", "Posted on by", "Teaser two"],
        ["Headline", "Teaser text that goes on. Continue reading…"],
        ["Posted by", "A", "Read more", "B", "Read more", "C", "Read more"],
        ["April 1, 2024", "Teaser one", "April 2, 2024", "Teaser two", "April 3, 2024", "Teaser three"],
        ["Category Archives: Trade", "Teaser one", "Teaser two"],
    ],
)
def test_listings_are_rejected(lines: list[str]) -> None:
    with pytest.raises(NotAnArticle, match="listing page"):
        reject(lines)


def test_an_article_with_comments_is_not_a_listing() -> None:
    lines = ["Headline", "Posted by Anna", "March 1, 2024", PROSE, PROSE, "Leave a Reply"]
    lines += ["Bob", "March 2, 2024", "Nice.", "Eve", "March 3, 2024", "Thanks.", "Ann", "March 4, 2024"]
    reject(lines)  # the comment dates stand below the end of the page
    reject(["Category: Tax", "Headline", "Posted by Anna", PROSE])  # a category label is no archive heading


def closed(lines: list[str]) -> None:
    """:func:`reject` with "About the firm" as the blurb closing every article."""
    reject_blog_listing(
        lines,
        is_byline=is_byline,
        is_date=is_day,
        ends_page=lambda line: line in ("Leave a Reply", "2 Comments", "About the firm"),
        ends_article=lambda line: line == "About the firm",
    )


def test_a_teaser_below_an_articles_blurb_makes_no_listing() -> None:
    """The next article's teaser (byline, date, excerpt, link) under an
    article's closing blurb is another page's; above it, under a comment
    count (a listing of whole posts prints one under each), or on a page
    whose blurb stands over its teasers (a sidebar), it still counts."""
    article = ["Headline", "Posted by Anna", PROSE, PROSE, PROSE]
    teaser = ["Next Article", "Other headline", "Posted by Bob", "Jul. 3, 2019", PROSE, "Continue reading"]
    closed([*article, "About the firm", *teaser])
    closed([*article, "About the firm", *teaser, *teaser[1:], *teaser[1:]])
    with pytest.raises(NotAnArticle, match="listing page: 2 bylines"):
        closed([*article, *teaser, "About the firm"])  # no end between: two posts of a listing
    with pytest.raises(NotAnArticle, match="listing page: 3 bylines"):
        closed([*article, "2 Comments", *article[1:], "2 Comments", *article[1:], "2 Comments"])  # whole posts
    with pytest.raises(NotAnArticle, match="listing page"):
        closed(["About the firm", "Posted on by", PROSE, "Posted on by", PROSE, "Posted on by", PROSE])
    with pytest.raises(NotAnArticle, match="listing page"):
        closed(["Headline", "Posted by Anna", PROSE, PROSE, "About the firm", *teaser])  # too little article
    with pytest.raises(NotAnArticle, match="listing page"):
        reject([*article, "Leave a Reply", *teaser])  # without an article's blurb, nothing is passed over


def html_page(body_class: str, teasers: int) -> Page:
    articles = "".join(f"<article><h2>Teaser {n}</h2></article>" for n in range(teasers))
    markup = f'<html><body class="{body_class}">{articles}</body></html>'
    return Page.from_raw(document(markup, html=True))


def test_page_markup_body_classes_decide_then_teasers_count() -> None:
    assert page_says_listing(html_page("archive category", 1)) is True
    assert page_says_listing(html_page("single postid-5", 4), teasers="article") is False
    assert page_says_listing(html_page("custom", 3), teasers="article") is True
    assert page_says_listing(html_page("custom", 2), teasers="article") is None
    assert page_says_listing(html_page("custom", 5)) is None


def test_each_line_is_folded_once_for_links_teasers_and_archive_headings(monkeypatch: pytest.MonkeyPatch) -> None:
    from masthead.extract import listing

    folded: list[str] = []
    fold = listing.fold
    monkeypatch.setattr(listing, "fold", lambda text: folded.append(text) or fold(text))
    lines = ["Posted by Anna", PROSE, "Category: Tax", f"{PROSE} Continue reading…", "Leave a Reply"]
    with pytest.raises(NotAnArticle, match="bylines"):
        reject(lines)
    assert folded == lines
    folded.clear()
    reject(["Archives: March 2024", "Posted by Anna", PROSE, PROSE])  # an article despite the heading
    assert len(folded) == 4


def test_prose_end_is_read_from_the_end_as_the_pattern_finds_it() -> None:
    """Every string of up to four characters of sentence ends, closing quotes,
    brackets, line feeds and letters: the same answer as the pattern's search."""
    alphabet = ["a", " ", ".", "!", "?", "…", ":", ";", "'", '"', "’", "”", ")", "]", "\n", "("]
    for size in range(5):
        for chars in itertools.product(alphabet, repeat=size):
            line = "".join(chars)
            assert listing._ends_like_prose(line) is bool(listing._TERMINAL.search(line)), repr(line)
