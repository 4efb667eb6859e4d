"""Answers kept across pages for short lines change no page's reading.

The splitter keeps its line answers (text, donation, headline, kind) for short
lines from one dump to the next: a page must read the same after others as
alone, and a kept answer must be the question's own answer.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from opinion_site_helpers import CORPUS, FIXTURES

from masthead import NotAnArticle, Page
from masthead.extract import captions, comments, shapes
from masthead.extract.fields import take_meta_line
from masthead.testing import assert_read_as_if_first, document_from_file
from masthead_opinion_site import boilerplate, splitter
from masthead_opinion_site.source import SouthFrontSource

_DUMPS = [*sorted((FIXTURES / "dumps").glob("*.txt")), *sorted(Path(CORPUS).glob("*.txt"))]
_KEPT = (
    splitter._KEPT_TEXTS,
    splitter._KEPT_DONATIONS,
    splitter._KEPT_HEADLINES,
    splitter._KEPT_LOOSE_HEADLINES,
    splitter._KEPT_KINDS,
    comments._KEPT_STAMPS,  # the thread reader's, kept for every outlet
    comments._KEPT_NAMES,
)


def _forget() -> None:
    for kept in _KEPT:
        kept.clear()


def _read(path: Path) -> object:
    try:
        return SouthFrontSource().parse(Page.from_raw(document_from_file(path)))
    except NotAnArticle as exc:
        return f"not an article: {exc}"


@pytest.fixture
def forgetting() -> object:
    _forget()
    yield
    _forget()


@pytest.mark.usefixtures("forgetting")
def test_every_dump_reads_the_same_after_the_others_as_alone() -> None:
    assert_read_as_if_first(_read, _DUMPS, _forget)
    assert_read_as_if_first(_read, reversed(_DUMPS), _forget)
    assert any(_KEPT), "short lines' answers are kept"


_LINES = st.one_of(
    st.sampled_from(
        (
            *("Menu", "Support SouthFront", "0 $", "NOVEMBER 2025", "Click to see full-size map", "PDF Download"),
            *("Written by Ann Lee exclusively for SouthFront", "03.02.2019", "Ukraine Strikes Refinery Near Ryazan"),
            *("Do you like this content? Consider helping us!", "Empty berths at the port. (Photo: BNS)"),
            *("Source: RT", "By Drago Bosnic, 21.11.2025", "SF Team", "April 3, 2025", "Photo: AP"),
        )
    ),
    st.text(max_size=200),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINES, max_size=12))
def test_kept_answers_are_the_questions_answers(lines: list[str]) -> None:
    for line in lines:
        judge = splitter._Judge()
        assert judge.text(line) is splitter._is_text(line)
        assert judge.donation(line) is splitter._is_donation(line)
        assert judge.headline(line) is shapes.is_headline(line)
        assert judge.headline(line, strict=False) is shapes.is_headline(line, strict=False)
        assert judge.kind(line) == splitter._kind_of(line)


@settings(max_examples=300, deadline=None)
@given(_LINES)
def test_a_lines_kind_is_what_head_and_body_asked_of_it(line: str) -> None:
    """The head and the body ask a line's kind instead of the questions:
    its bits must be their answers (take_meta_line's, whether it takes the line)."""
    kind = splitter._kind_of(line)
    assert bool(kind & splitter.CAPTION) is captions.is_caption(line)
    assert bool(kind & splitter.META) is take_meta_line(splitter.Parts(), line, credits=boilerplate.TEAM_CREDITS)
