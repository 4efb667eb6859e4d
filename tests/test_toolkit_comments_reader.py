"""One :class:`masthead.extract.comments.ThreadReader` for several calls on a page.

A reader remembers what it judged of each line; shared by
:func:`section_start` and :func:`read_after_marker`, it must answer as
separate calls do, whatever the lines.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from masthead.extract import comments, shapes
from masthead.extract.comments import ThreadReader, read_after_marker, section_start
from masthead.extract.text import fold

_LINES = st.sampled_from(
    (
        *("Rob", "Rob says:", "• Ann", "• bob_77", "1. Rob", "2. Ann", "#3 Kim", "Reply", "Reply to Rob", "Share"),
        *("May 21, 2016 at 7:05 pm", "5 years ago", "Ann • 5 years ago", "Rob on May 21, 2016 said:", "Leave a Reply"),
        *("Great piece.", "lol", "Is that so?", "Support us", "Conclusion", "Background:", "• Conclusion says:"),
        "The ministry said the talks would resume in May after a pause of several weeks, officials added.",
        "Russia And China Sign New Energy Deal",
    )
)


def _chrome(line: str) -> bool:
    return line == "Support us"


def _tail_chrome(line: str) -> bool:
    return line in {"Support us", "Sha"}


def _related(line: str) -> bool:
    return line.istitle()


@settings(max_examples=200, deadline=None)
@given(st.lists(_LINES, min_size=1, max_size=14), st.data())
def test_a_shared_reader_answers_as_separate_calls(lines: list[str], data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(lines) - 1))
    stop = data.draw(st.integers(start, len(lines)))
    ended = data.draw(st.none() | st.integers(0, len(lines)))
    reader = ThreadReader(_chrome)
    alone = section_start(lines, start, stop, chrome=_chrome, ended=ended)
    assert section_start(lines, start, stop, ended=ended, reader=reader) == alone
    # The page's folded lines, when the caller has them, find the same openers.
    keys = [fold(line) for line in lines]
    assert section_start(lines, start, stop, chrome=_chrome, ended=ended, keys=keys) == alone
    for tail in (lines[alone:], lines[stop:]):
        expected = read_after_marker(tail, is_related=_related, chrome=_chrome, chrome_last=_tail_chrome)
        got = read_after_marker(tail, is_related=_related, chrome_last=_tail_chrome, reader=reader)
        assert got == expected


def test_chrome_and_a_reader_together_are_refused() -> None:
    with pytest.raises(TypeError):
        section_start(["Rob", "Great piece."], 0, 2, chrome=_chrome, reader=ThreadReader(_chrome))


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.lists(_LINES, min_size=1, max_size=3).map(" ".join),
        st.lists(
            st.sampled_from(("•", "#", "12", "1.", "says", ":", "Conclusion", "update:", "Ｃｏｎｃｌｕｓｉｏｎ"))
        ).map(" ".join),
        st.text(max_size=40),
    )
)
def test_the_section_heading_test_skips_only_lines_that_cannot_be_one(line: str) -> None:
    plain = fold(shapes.clean_name(line)).rstrip(":") in comments._SECTION_HEADINGS
    assert comments._is_section_heading(line) is plain


_CHROME_LINES = st.sampled_from(
    (
        *("Leave a Reply", "Leave a Re", "Newest", "Newes", "Sha", "Load more comments", "Load more comm"),
        *("Reply to Rob", "reply • share", "3 comments", "Notify of new replies to this", "Support us", "Rob"),
        *("Great piece.", "5 years ago", "Is that so?", "The ministry said the talks would resume in May."),
    )
)


def _bundling_chrome(line: str) -> bool:
    """An outlet's test that bundles the platform's phrases, whole and cut short."""
    return _chrome(line) or comments.COMMENT_CHROME.matches(line) or comments.COMMENT_CHROME.matches_cut(line)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_LINES, _CHROME_LINES), min_size=1, max_size=14), st.data())
def test_a_reader_whose_chrome_covers_the_platform_answers_alike(lines: list[str], data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(lines) - 1))
    stop = data.draw(st.integers(start, len(lines)))
    ended = data.draw(st.none() | st.integers(0, len(lines)))
    covering = ThreadReader(_bundling_chrome, covers_platform=True)
    alone = section_start(lines, start, stop, chrome=_bundling_chrome, ended=ended)
    assert section_start(lines, start, stop, ended=ended, reader=covering) == alone
    for tail in (lines[alone:], lines[stop:]):
        expected = read_after_marker(tail, is_related=_related, chrome=_bundling_chrome)
        assert read_after_marker(tail, is_related=_related, reader=covering) == expected
    for index, line in enumerate(lines):
        last = index == len(lines) - 1
        assert covering.chrome(line, last=last) is ThreadReader(_bundling_chrome).chrome(line, last=last)


def test_the_bullet_count_knows_every_bullet_the_shape_test_knows() -> None:
    for code in range(0x10000):
        line = chr(code) + " Ann"
        assert (comments.bullet_lines([line]) == 1) is shapes.has_bullet(line), hex(code)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_LINES, st.text(alphabet="•·◦▪‣● \n\tab", max_size=6))))
def test_the_bullet_count_counts_the_bulleted_lines(lines: list[str]) -> None:
    assert comments.bullet_lines(lines) == sum(map(shapes.has_bullet, lines))


_OPENERS = st.one_of(
    _LINES,
    _CHROME_LINES,
    st.text(max_size=12),
    st.sampled_from(sorted(comments.COMMENT_OPENERS.exact)).flatmap(
        lambda phrase: st.sampled_from(("", ":", " :", "!", ".", " extra", "s")).map(lambda tail: phrase.upper() + tail)
    ),
    st.sampled_from(comments.COMMENT_OPENERS.patterns).flatmap(lambda pattern: st.from_regex(pattern, fullmatch=True)),
)


@settings(max_examples=500, deadline=None)
@given(_OPENERS)
def test_the_opener_test_of_a_folded_line_answers_as_the_family(line: str) -> None:
    key = fold(line)
    assert comments.opens_comments_folded(key) is comments.COMMENT_OPENERS.matches_folded(key)
    assert comments.opens_comments(line) is comments.COMMENT_OPENERS.matches(line)


def test_the_openers_are_whole_lines_and_counts() -> None:
    # What the folded-line test's pre-check rests on: no phrase found inside
    # a line or at its start, and every pattern anchored on a leading digit.
    assert not comments.COMMENT_OPENERS.contains and not comments.COMMENT_OPENERS.prefixes
    assert all(pattern.pattern.startswith("^\\d") for pattern in comments.COMMENT_OPENERS.patterns)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        _LINES,
        st.from_regex(comments._RELATIVE, fullmatch=True),
        st.from_regex(comments._RELATIVE).map(lambda line: line.upper() + "\n"),
        st.sampled_from(("Just now", "YESTERDAY", "2 years ago.", "a day ago!", "about an hour ago")),
    )
)
def test_an_age_is_told_as_the_pattern_tells_it(line: str) -> None:
    key = fold(line)
    assert comments.is_relative_time(line) is (bool(comments._RELATIVE.match(key)) or key in {"just now", "yesterday"})


@given(st.lists(st.one_of(_LINES, st.text(max_size=30)), min_size=1, max_size=14), st.booleans())
def test_stamps_and_names_kept_across_pages_answer_as_fresh_ones(lines: list[str], emptied: bool) -> None:
    """A reader on a later page takes a short line's stamp and name answers
    from the kept ones: they are those the plain tests give, whatever was
    read before."""
    if emptied:
        comments._KEPT_STAMPS.clear()
        comments._KEPT_NAMES.clear()
    earlier = comments._Reader(None)  # a page read before: its answers kept
    for line in lines:
        earlier.name_line(line)
    reader = comments._Reader(None)
    for line in lines:
        assert reader.stamp(line) is comments.is_stamp(line)
        assert comments._is_name(line) is shapes.is_name(line)
