"""Small toolkit readers: teaser listings, dates in addresses, the ends of long lines."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

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


@given(
    st.lists(st.tuples(st.booleans(), st.booleans(), st.integers(min_value=1, max_value=60)), max_size=14),
    st.integers(min_value=-1, max_value=8),
    st.sampled_from((0.0, 0.5, 0.8, 1.5)),
)
def test_teasers_are_read_as_the_plain_counts_read_them(
    shapes: list[tuple[bool, bool, int]], min_headlines: int, share: float
) -> None:
    """Lines each a headline or not, text or not, of some length: the
    verdict is the one every line counted gives."""
    lines = [
        f"{n} {'h' if head else ''}{'t' if text else ''} " + "w " * words
        for n, (head, text, words) in enumerate(shapes)
    ]
    headline = {line for line, (head, _, _) in zip(lines, shapes, strict=True) if head}
    text = {line for line, (_, is_text, _) in zip(lines, shapes, strict=True) if is_text}
    headlines = len(headline)
    teasers = [len(line.split()) for line in lines if line in text]
    short = not teasers or sum(teasers) / len(teasers) <= 40
    plain = headlines >= min_headlines and headlines >= share * len(teasers) and short
    found = reads_as_teasers(
        lines, is_headline=headline.__contains__, is_text=text.__contains__, min_headlines=min_headlines, share=share
    )
    assert found == plain
