"""The line-level parser shared by text dumps and HTML pages.

Input is a sequence of normalized lines (a dump's non-blank lines, or the
block texts of the HTML article container). The page is read in three
regions:

``header``
    lines before the first paragraph of running text: site menus, the title
    (if the page shows one), the ``Wednesday, May 4, 2016 1:12 PM UTC``
    dateline, a ``By ...`` byline, the comment counter and photo credits.
``body``
    paragraphs up to the first line of page furniture (the EconoTimes
    disclaimer, "Comment", "Editor's Picks", promotion banners...).
``ticker``
    the trailing run of unrelated headlines EconoTimes prints under every
    story: title case, no full stop, the last one possibly cut mid-word.
    Dropped, never body.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import attrs

from masthead.text import fold
from masthead_wire_aggregator import shapes

#: Teaser lines of a listing end in an ellipsis ("... This article is part...").
_TEASER_ENDINGS = ("...", "…")
_MIN_LISTING_HEADLINES = 4
#: The title, dateline, byline and credits sit right above the text; only
#: this many header lines are read for them (menus and banners come first).
_HEADER_WINDOW = 40


@attrs.frozen
class Extraction:
    """What the lines of one page yield."""

    title: str | None = None
    published: date | None = None
    authors: tuple[str, ...] = ()
    body: tuple[str, ...] = ()
    captions: tuple[str, ...] = ()
    ticker: tuple[str, ...] = ()
    furniture: tuple[str, ...] = ()
    listing: bool = False

    @property
    def truncated(self) -> bool:
        """Whether the last paragraph stops mid-sentence (dump cut short)."""
        return bool(self.body) and not shapes.ends_sentence(self.body[-1]) and not self.body[-1].endswith(":")


def _is_chrome(line: str) -> bool:
    return shapes.is_menu(line) or shapes.is_widget(line)


def _body_start(lines: Sequence[str]) -> int:
    """Index of the first paragraph of running text (``len(lines)`` if none).

    A headline that ends with a question or exclamation mark looks like a
    sentence; it is still a title when it is in title case or when the
    dateline or byline follows it.
    """
    for index, line in enumerate(lines):
        if _is_chrome(line) or shapes.is_caption(line) or shapes.is_stop(line):
            continue
        if shapes.parse_dateline(line) or shapes.parse_byline(line):
            continue
        if not shapes.paragraph_shaped(line):
            continue
        if shapes.headline_shaped(line) and (shapes.ticker_headline(line) or _dated_next(lines, index)):
            continue
        return index
    return len(lines)


def _dated_next(lines: Sequence[str], index: int) -> bool:
    """Whether the next line that is not site chrome is a dateline or byline."""
    for line in lines[index + 1 : index + 4]:
        if not _is_chrome(line):
            return bool(shapes.parse_dateline(line) or shapes.parse_byline(line))
    return False


def _introduces(line: str | None) -> bool:
    """Whether ``line`` is what EconoTimes prints under a title (or nothing)."""
    return line is None or bool(
        shapes.parse_dateline(line) or shapes.parse_byline(line) or shapes.is_widget(line) or shapes.is_caption(line)
    )


def _pick_title(header: Sequence[str]) -> str | None:
    """The page's own headline among the header lines, if it shows one.

    A candidate is headline-shaped and either in title case or directly
    followed by the dateline, byline, counter or caption that EconoTimes
    prints under its titles, or the last header line before the text. The
    last such candidate wins: menus and banners come before the title.
    """
    following: str | None = None  # the next non-menu line, scanning backwards
    for line in reversed(header):
        if _is_title_candidate(line) and (shapes.title_case_ratio(line) >= 0.6 or _introduces(following)):
            return line
        if not shapes.is_menu(line):
            following = line
    return None


def _is_title_candidate(line: str) -> bool:
    if _is_chrome(line) or shapes.is_caption(line) or shapes.is_stop(line):
        return False
    if shapes.parse_dateline(line) or shapes.parse_byline(line):
        return False
    return shapes.headline_shaped(line) and len(shapes.words(line)) >= 3


def _split_ticker(body: list[str]) -> tuple[list[str], list[str]]:
    """Split the trailing run of ticker headlines off the body paragraphs."""
    end = len(body)
    if end and not shapes.ticker_headline(body[-1]):
        # the dump's last line may be a headline cut mid-word
        if end >= 2 and shapes.ticker_headline(body[-2]) and shapes.ticker_headline(body[-1], may_be_cut=True):
            end -= 1
        else:
            return body, []
    while end and shapes.ticker_headline(body[end - 1]):
        end -= 1
    return body[:end], body[end:]


def _looks_like_listing(body: Sequence[str]) -> bool:
    """Many headlines between short teasers: an index page, not a story."""
    headlines = sum(1 for line in body if shapes.ticker_headline(line))
    paragraphs = sum(1 for line in body if shapes.paragraph_shaped(line))
    teasers = sum(1 for line in body if line.rstrip().endswith(_TEASER_ENDINGS))
    return (headlines >= _MIN_LISTING_HEADLINES and headlines >= paragraphs) or teasers >= 3


def extract(lines: Sequence[str], *, known_title: str | None = None) -> Extraction:
    """Read one page's lines into title, date, byline, body and captions."""
    start = _body_start(lines)
    header, rest = lines[max(0, start - _HEADER_WINDOW) : start], lines[start:]
    title = known_title or _pick_title(header)
    title_key = fold(title) if title else None

    published = None
    authors: list[str] = []
    captions: list[str] = []

    def take_meta(line: str) -> bool:
        nonlocal published
        moment = shapes.parse_dateline(line)
        if moment is not None:
            published = published or moment
            return True
        names = shapes.parse_byline(line)
        if names is not None:
            authors.extend(names)
            return True
        if shapes.is_caption(line):
            captions.append(line)
            return True
        return False

    for line in header:
        take_meta(line)

    body: list[str] = []
    furniture: list[str] = []
    for index, line in enumerate(rest):
        if shapes.is_stop(line):
            furniture = list(rest[index:])
            break
        if _is_chrome(line) or (
            title_key is not None and len(line) < 2 * len(title_key) + 8 and fold(line) == title_key
        ):
            continue
        if shapes.is_caption(line):
            captions.append(line)
            continue
        if not shapes.paragraph_shaped(line) and take_meta(line):
            continue
        body.append(line)

    body, ticker = _split_ticker(body)
    return Extraction(
        title=title,
        published=published,
        authors=tuple(dict.fromkeys(authors)),
        body=tuple(body),
        captions=tuple(dict.fromkeys(captions)),
        ticker=tuple(ticker),
        furniture=tuple(furniture),
        listing=_looks_like_listing(body),
    )
