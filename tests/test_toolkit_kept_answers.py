"""``boilerplate.KeptAnswers``: a short line's answer kept across pages, bounded.

Plugins keep the answers of their line questions for short lines (menus,
credits, tickers) from one page to the next. What must hold: every answer is
the question's own, whatever pages came before; only short lines are kept;
the store never grows past its limit.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from masthead.extract import boilerplate
from masthead.extract.boilerplate import KEPT_CHARS, KeptAnswers, recall

LONG = "A paragraph of article text, longer than any menu or credit line. " * 4


def shouting(line: str) -> bool:
    return line.isupper()


_LINES = st.one_of(
    st.sampled_from(("MENU", "Menu", "WORLD", "Sport", LONG, LONG.upper(), "")),
    st.text(alphabet="abAB ", max_size=12),
)


@settings(max_examples=200, deadline=None)
@given(pages=st.lists(st.lists(_LINES, max_size=10), max_size=6), limit=st.integers(min_value=1, max_value=4))
def test_every_answer_is_the_questions_whatever_came_before(pages: list[list[str]], limit: int) -> None:
    kept: dict[str, bool] = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(boilerplate, "KEPT_LINES", limit)
        for lines in pages:
            answers = KeptAnswers(shouting, kept)
            assert [answers[line] for line in lines] == [shouting(line) for line in lines]
            assert len(kept) <= limit
            assert all(len(line) <= KEPT_CHARS for line in kept)


def test_a_short_line_is_asked_once_across_pages_a_long_one_once_per_page() -> None:
    asked: list[str] = []

    def ask(line: str) -> bool:
        asked.append(line)
        return line.startswith("Menu")

    kept: dict[str, bool] = {}
    assert len(LONG) > KEPT_CHARS
    for _ in range(3):
        answers = KeptAnswers(ask, kept)
        assert [answers[line] for line in ("Menu", LONG, "Menu", LONG)] == [True, False, True, False]
    assert asked == ["Menu", LONG, LONG, LONG]
    assert kept == {"Menu": True}


def test_a_full_store_is_emptied_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(boilerplate, "KEPT_LINES", 3)
    kept: dict[str, bool] = {}
    answers = KeptAnswers(shouting, kept)
    for index in range(3):
        answers[f"line {index}"]
    assert len(kept) == 3
    answers["line 3"]
    assert kept == {"line 3": False}


@settings(max_examples=200, deadline=None)
@given(lines=st.lists(_LINES, max_size=20), limit=st.integers(min_value=1, max_value=4))
def test_recall_keeps_as_kept_answers_keep(lines: list[str], limit: int) -> None:
    """A question asked outside a page's answers keeps its short lines' answers
    in the same store, by the same rule: the same answers, the same store."""
    by_recall: dict[str, bool] = {}
    by_page: dict[str, bool] = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(boilerplate, "KEPT_LINES", limit)
        for line in lines:
            assert recall(by_recall, line, shouting) is shouting(line)
            KeptAnswers(shouting, by_page)[line]  # one page per line
            assert by_recall == by_page
