"""Whole-text and once-per-call shortcuts of the toolkit give the answers of
their plain definitions.

:func:`masthead.extract.text.normalize` works on a dump's whole text at
once, and the date readers skip work a cheap check shows to be needless;
the plain definitions are kept here and compared on varied input.
"""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from masthead.extract import text

#: Words, every kind of space and line break normalize treats apart, and
#: characters it drops, so that runs of them meet at line ends and inside lines.
_PIECES = st.sampled_from(
    (
        *("word", "Two words", "“quoted”", "2024", "ünï", "\u2019", "-"),
        *(" ", "  ", "\t", "\u00a0", "\u2003", "\u3000", "\u202f", " \u00a0 "),
        *("\u200b", "\u00ad", "\ufeff", "\x0b", "\x0c", "\x1c", "\x7f", "\x00"),
        *("\n", "\r\n", "\r", "\n\n", " \n ", "\x85", "\u2028", "\u2029"),
    )
)


def _normalize_line_by_line(source: str) -> str:
    """:func:`text.normalize` as its contract reads, one line at a time."""
    source = source.replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(
        re.sub(f"[ {text._OTHER_SPACES}]+", " ", text._DROPPED.sub("", line)).strip() for line in source.split("\n")
    )


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=60).map("".join))
@example("a  \u200b  b\n \u00a0\n\tc ")
@example(" \r\n \u2028 x \u2028 ")
def test_normalize_of_the_whole_text_is_that_of_each_line(source: str) -> None:
    expected = _normalize_line_by_line(source)
    assert text.normalize(source) == expected
    assert text.lines(source) == tuple(line for line in expected.split("\n") if line)
