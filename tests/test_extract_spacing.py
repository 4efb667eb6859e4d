"""Blank-line gaps and trailing spaces of a dump, measured against lines a parser found."""

from __future__ import annotations

from masthead.extract.spacing import blank_gaps, ends_in_space, set_apart

_BODY = ["First paragraph of the story.", "Second paragraph of the story."]
_TICKER = ["Gold Climbs to Record", "Oil Slips on Supply"]


def test_blank_gaps_count_the_blank_lines_before_each_line() -> None:
    assert blank_gaps("a\r\n\r\n\r\nb\n \nc") == [("a", 0), ("b", 2), ("c", 1)]


def test_a_block_further_away_than_the_paragraphs_is_set_apart() -> None:
    dump = "\n".join(_BODY) + "\n\n\n" + "\n".join(_TICKER)
    assert set_apart(dump, _BODY, _TICKER)


def test_a_block_as_close_as_the_paragraphs_is_not() -> None:
    dump = "\n\n".join([*_BODY, *_TICKER])
    assert not set_apart(dump, _BODY, _TICKER)
    assert not set_apart("\n".join(_BODY) + "\n\n\n" + _TICKER[0], _BODY, _TICKER[:1])  # one line proves nothing


def test_trailing_space_on_the_last_line() -> None:
    dump = "\n".join([*_BODY, *_TICKER])
    assert ends_in_space(dump + " \n\n", _TICKER[-1])
    assert not ends_in_space(dump + "\n", _TICKER[-1])
    assert not ends_in_space(dump + " \n", _TICKER[0])
    assert not ends_in_space(dump + " ", None)
