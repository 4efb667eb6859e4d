"""Small toolkit readers: teaser listings, dates in addresses, the ends of long lines."""

from __future__ import annotations

from masthead.extract.listing import reads_as_teasers
from masthead.extract.shapes import is_headline
from masthead.extract.text import ends_of
from masthead.extract.urls import date_in_url

TEXT = "A paragraph of the article that runs on for long enough to be read as running text by anyone."


def is_text(line: str) -> bool:
    return line.endswith(".")


def test_headlines_over_short_teasers_read_as_a_listing() -> None:
    listing = [line for n in range(6) for line in (f"Council Approves Bridge Number {n}", "A short teaser.")]
    assert reads_as_teasers(listing, is_headline=is_headline, is_text=is_text)


def test_an_article_with_subheads_does_not() -> None:
    article = ["Council Approves the Bridge", *[TEXT] * 8, "What Comes Next", *[TEXT] * 4]
    assert not reads_as_teasers(article, is_headline=is_headline, is_text=is_text)
    long_teasers = [line for n in range(6) for line in (f"Council Approves Bridge Number {n}", TEXT * 3)]
    assert not reads_as_teasers(long_teasers, is_headline=is_headline, is_text=is_text)


def test_the_date_in_an_article_address() -> None:
    assert date_in_url("https://news.test/2020/04/25/bridge-opens-a70123") == "2020-04-25"
    assert date_in_url("https://news.test/2020/13/45/no-such-day") is None
    assert date_in_url("https://news.test/news/bridge-opens") is None
    assert date_in_url(None) is None


def test_only_the_ends_of_a_very_long_line_are_kept() -> None:
    assert ends_of("short line") == "short line"
    long = "A" * 10 + "b" * 100 + "C" * 10
    assert ends_of(long, 10) == "A" * 10 + " " + "C" * 10
