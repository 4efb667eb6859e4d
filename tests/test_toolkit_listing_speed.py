"""The listing tests take a page's lines already folded.

A caller that holds :attr:`masthead.Page.folded_lines` passes them as
``folded`` so that no line is folded again; the verdict, its reason and the
signal count must be those of the lines folded here. Compared on pages built
from teaser links, pager pieces, archive headings, dates and prose.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

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
    *("Posted by Anna Ivanova", "READ  MORE", "Read More »", "Continue reading", "Older posts", "Page 2 of 9"),
    *("Category Archives: Tax", "March 3, 2024", "7 April 2025", PROSE, f"{PROSE[:80]} Continue reading…"),
    *("1", "2", "3", "…", "214", "Next »", "«  Prev", "Leave a Reply", "Trade Rules", "Tag: sanctions"),
)
_PAGES = st.lists(st.sampled_from(LINES), max_size=16)


def _is_date(line: str) -> bool:
    return date_line(line) is not None


def _verdict(call: Callable[..., None], *args: object, **kwargs: object) -> str | None:
    """The reason ``call(*args, **kwargs)`` rejects the page with, ``None`` if it does not."""
    try:
        call(*args, **kwargs)
    except NotAnArticle as error:
        return str(error)
    return None


@given(_PAGES)
def test_listing_signals_of_folded_lines_are_the_same(lines: list[str]) -> None:
    folded = tuple(fold(line) for line in lines)
    assert listing.listing_signals(lines, folded=folded) == listing.listing_signals(lines)
    assert listing.listing_signals(lines, folded=folded) == (
        sum(1 for line in lines if listing.LISTING_PHRASES.matches(line)) + listing.PAGER_WEIGHT * _runs(lines)
    )
    for is_date in (None, _is_date):
        with_keys = _verdict(listing.reject_listing, lines, is_date=is_date, folded=folded)
        assert with_keys == _verdict(listing.reject_listing, lines, is_date=is_date)


@given(_PAGES)
def test_blog_listing_verdict_of_folded_lines_is_the_same(lines: list[str]) -> None:
    folded = tuple(fold(line) for line in lines)

    def verdict(keys: Sequence[str] | None) -> str | None:
        return _verdict(
            listing.reject_blog_listing,
            lines,
            is_byline=lambda line: line.startswith("Posted"),
            is_date=_is_date,
            ends_page=lambda line: line == "Leave a Reply",
            folded=keys,
        )

    assert verdict(folded) == verdict(None)


def _runs(lines: Sequence[str]) -> int:
    """Pager runs the long way: each line folded, runs of three or more pieces counting up."""
    runs, run = 0, []
    for line in (*lines, ""):
        key = fold(line)
        if key and listing._PAGER_PIECE.match(key):
            run.append(key)
            continue
        numbers = [int(k) for k in run if k.isdigit()]
        if len(run) >= 3 and len(numbers) >= 2 and numbers == sorted(set(numbers)):
            runs += 1
        run = []
    return runs


def test_a_pager_counts_from_folded_lines() -> None:
    lines = ["Some headline", "1", "2", "3", "…", "214"]
    assert listing.listing_signals(lines, folded=[fold(line) for line in lines]) == listing.PAGER_WEIGHT
