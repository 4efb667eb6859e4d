"""The blog-listing verdict reads prose and archive headings only when they count.

:func:`masthead.extract.listing.reject_blog_listing` skips counting prose and
searching for archive headings on a page whose dates and byline already
clear it. The long way, every count taken first, is spelled out here and
compared on pages built from the lines each rule counts.
"""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import given
from hypothesis import strategies as st

from masthead import NotAnArticle
from masthead.extract import listing
from masthead.extract.bylines import date_line
from masthead.extract.text import fold

PROSE = (
    "The ministry said the new rules take effect in March and apply to every importer that files "
    "its declarations electronically, whatever the size of the company or its line of business."
)
LINES = (
    *("Posted by Anna Ivanova", "Read more", "Read More »", "Continue reading", "Older posts", "Page 2 of 9"),
    *("Category Archives: Tax", "March 3, 2024", "7 April 2025", "April 7, 2025 1:15 pm", PROSE, PROSE[:-1]),
    *(f"{PROSE[:80]} Continue reading…", "Trade Rules", "Leave a Reply", "A short line."),
)


def _is_byline(line: str) -> bool:
    return line.startswith("Posted")


def _is_day(line: str) -> bool:
    iso = date_line(line)
    return iso is not None and "T" not in iso


def _ends_page(line: str) -> bool:
    return line == "Leave a Reply"


def _long_way(lines: Sequence[str]) -> str | None:
    """The verdict with every count taken before any is used."""
    bylines = sum(1 for line in lines if _is_byline(line))
    keys = [fold(line) for line in lines]
    ends = [key.rstrip(listing._LINK_END) for key in keys]
    teasers = [
        tail.endswith(listing._TEASER_ENDS) and len(line.split()) >= 4 for line, tail in zip(lines, ends, strict=True)
    ]
    more = sum(1 for tail, teaser in zip(ends, teasers, strict=True) if tail in listing.READ_MORE or teaser)
    end = next((i for i, line in enumerate(lines) if _ends_page(line)), len(lines))
    page = lines[:end]
    dates = sum(1 for line in page if _is_day(line))
    prose = sum(1 for line in page if len(line.split()) >= 25 and listing._TERMINAL.search(line))
    archive = any(listing.ARCHIVE_HEADINGS.matches_folded(key) for key in keys[:end])
    if bylines >= 2 or (bylines <= 1 and more >= 3) or any(teasers[:end]):
        return f"listing page: {bylines} bylines, {more} 'read more' links"
    if dates >= 3 and (prose < dates or (archive and bylines == 0)):
        return f"listing page: {dates} datelines, {prose} paragraphs"
    if archive and bylines == 0 and prose < 2:
        return "listing page: archive heading or pager and no article prose"
    return None


def _verdict(lines: Sequence[str]) -> str | None:
    try:
        listing.reject_blog_listing(lines, is_byline=_is_byline, is_date=_is_day, ends_page=_ends_page)
    except NotAnArticle as exc:
        return str(exc)
    return None


@given(st.lists(st.sampled_from(LINES), max_size=12))
def test_the_verdict_and_its_reason_are_the_long_ways(lines: list[str]) -> None:
    assert _verdict(lines) == _long_way(lines)


def test_each_verdict_is_reached() -> None:
    assert _verdict(["Posted by A", PROSE, "March 3, 2024"]) is None
    assert _verdict(["Category Archives: Tax", "Trade Rules", "A short line."]) == (
        "listing page: archive heading or pager and no article prose"
    )
    assert _verdict(["Posted by A", "March 3, 2024", "7 April 2025", "March 3, 2024", PROSE]) == (
        "listing page: 3 datelines, 1 paragraphs"
    )
    assert _verdict(["Category Archives: Tax", PROSE, PROSE, "March 3, 2024", "7 April 2025", "March 3, 2024"]) == (
        "listing page: 3 datelines, 2 paragraphs"
    )
