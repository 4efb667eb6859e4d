"""Lists of other stories in a page's lines: headed lists, teasers, trailing tickers."""

from __future__ import annotations

import pytest

from masthead.extract.lists import headed_lists, is_teaser, majority, teaser_trios, trailing_run
from masthead.extract.shapes import headline_shaped, is_headline, paragraph_shaped
from masthead.extract.text import fold

_TEXT = [
    "The central bank kept its key rate at 16% on Friday, as most analysts had expected.",
    "Governor Elvira Nabiullina said inflation was slowing faster than forecast.",
]
_HEADINGS = frozenset({fold("Related Stories")})


def test_headed_list_spans_heading_and_items() -> None:
    lines = ["Rate Decision Due", "Related Stories:", "Gold Climbs to Record", "Oil Slips on Supply", *_TEXT]
    spans = headed_lists(lines, _HEADINGS, item=headline_shaped)
    assert [(s.start, s.end) for s in spans] == [(1, 4)]
    assert lines[spans[0].start + 1 : spans[0].end] == ["Gold Climbs to Record", "Oil Slips on Supply"]


def test_headed_list_stops_at_text_and_may_be_empty() -> None:
    spans = headed_lists(["RELATED STORIES", *_TEXT], _HEADINGS, item=headline_shaped)
    assert [(s.start, s.end) for s in spans] == [(0, 1)]
    assert headed_lists(_TEXT, _HEADINGS, item=headline_shaped) == []


def test_teaser_trios_need_all_three_lines() -> None:
    byline = lambda line: line.startswith("By ")  # noqa: E731 - a predicate as the caller passes it
    lines = [
        "Why Banks Buy Gold",
        "By Jane Doe",
        "For decades central banks sold their gold...",
        "Markets Rally on Rate Hopes",
        "By John Roe",
        *_TEXT,  # the story's own first paragraph ends with a full stop: no teaser
    ]
    assert teaser_trios(lines, headline=headline_shaped, byline=byline) == {0, 1, 2}
    assert is_teaser("cut short…") and not is_teaser("A finished sentence.")


@pytest.mark.parametrize(("length", "needed"), [(1, 1), (2, 2), (3, 2), (4, 2), (5, 3), (8, 4)])
def test_majority(length: int, needed: int) -> None:
    assert majority(length) == needed


def _shaped(line: str) -> bool:
    return headline_shaped(line) and not paragraph_shaped(line)


@pytest.mark.parametrize(
    ("tail", "start"),
    [
        (["Gold Holds Near Record as Dollar Weakens", "Oil Prices Slip as OPEC Output Rises"], 2),
        (["Gold Holds Near Record as Dollar Weakens"], 2),  # one strong line is a run
        (["Key Figures Released", "Inflation rose in december", "Growth slowed last year"], 5),  # one strong of three
        (["The Kremlin declined to comment."], 3),
    ],
)
def test_trailing_run(tail: list[str], start: int) -> None:
    assert trailing_run([*_TEXT, *tail], shaped=_shaped, strong=is_headline) == start


def test_trailing_run_takes_a_cut_last_line_and_joining_lines() -> None:
    lines = [
        *_TEXT,
        "Nikkei hits record as yen weakens",  # sentence case: joins only a run of two or more
        "Gold Holds Near Record as Dollar Weakens",
        "Oil Prices Slip as OPEC Output Rises",
        "Zel",  # cut mid-word by the dump: no headline shape left
    ]
    cut = lambda line: line == lines[-1]  # noqa: E731
    assert trailing_run(lines, shaped=_shaped, strong=is_headline) == len(lines)  # the cut line ends no run
    assert trailing_run(lines, shaped=_shaped, strong=is_headline, cut=cut) == 3
    assert trailing_run(lines, shaped=_shaped, strong=is_headline, cut=cut, joins=headline_shaped) == 2
