"""Shortcuts of the toolkit's line tests answer as the long way they skip.

``byline_names`` looks for a byline word before it cuts a date out of the
line, ``has_bullet`` reads a line's first character instead of matching a
pattern, and a phrase family with one pattern searches it directly. The
long way is spelled out here and compared on varied input.
"""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from masthead.extract import bylines, shapes
from masthead.extract.boilerplate import LineAnswers, Phrases

#: Each letter's spellings a case-blind pattern takes for it.
_CASES = {letter: (letter, letter.upper()) for letter in "abcdefghijklmnopqrstuvwxyz"}
_CASES |= {"i": ("i", "I", "\u0130", "\u0131"), "s": ("s", "S", "\u017f"), "k": ("k", "K", "\u212a")}


def _spelled(word: str) -> st.SearchStrategy[str]:
    """``word`` in any case (case twins included), a letter at a time."""
    return st.tuples(*(st.sampled_from(_CASES.get(char, (char,))) for char in word)).map("".join)


_LEADS = ("written and produced by", "written by", "produced by", "authored by", "article by", "op-ed by")
_BYLINE_TOKENS = st.one_of(
    st.sampled_from(_LEADS).flatmap(_spelled),
    st.sampled_from(("text by", "posted by", "by", "author", "authors", "oped by")).flatmap(_spelled),
    st.sampled_from(("April 7, 2025", "07.04.2025", "2025-04-07", "on", "Posted on", "Anna Smith", "John Doe")),
    st.sampled_from((" ", ", ", " | ", ": ", " - ", "\u2014", "and", "B", "y", "\u00a0", "b\u0443")),
)


@settings(max_examples=600)
@given(st.lists(_BYLINE_TOKENS, max_size=6).map(" ".join))
@example("April 7, 2025 By Anna Smith")
@example("7 April 2025 | AUTHOR: Anna Smith")
@example("Posted on April 7, 2025 b y Anna")
def test_a_line_the_byline_pattern_reads_holds_a_byline_word(line: str) -> None:
    """byline_names answers None for a line without "by" or "author" (any
    case) before cutting its date out: every line whose date-less form the
    byline pattern takes holds one of them."""
    if bylines._BYLINE.match(bylines.without_date(line).strip()):
        assert bylines._may_be_byline(line)


def test_the_byline_word_shortcut_keeps_every_known_byline() -> None:
    assert bylines.byline_names("April 7, 2025 By Anna Smith") == ("Anna Smith",)
    assert bylines.byline_names("AUTHOR: Anna Smith") == ("Anna Smith",)
    assert bylines.byline_names("Written by A. Smith and B. Jones on April 7, 2025") == ("A. Smith", "B. Jones")
    assert bylines.byline_names("SF Team", credits=("SF Team",)) == ("SF Team",)
    assert bylines.byline_names("April 7, 2025 Anna Smith") is None


def test_has_bullet_reads_the_first_character_as_the_pattern_does() -> None:
    """Every character of the Basic Multilingual Plane, first on a line or alone."""
    for code in range(0x10000):
        char = chr(code)
        for line in (char, char + "Rob", char + " Rob"):
            assert shapes.has_bullet(line) == bool(shapes._BULLET.match(line)), hex(code)
            assert shapes.strip_bullet(line) == shapes._BULLET.sub("", line, count=1), hex(code)
    assert not shapes.has_bullet("")
    assert shapes.strip_bullet("") == ""
    assert shapes.strip_bullet("•\u00a0 Rob") == "Rob"


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from("ab1 :.!\u00e9"), max_size=12))
def test_a_family_with_one_pattern_searches_it_directly(key: str) -> None:
    pattern = re.compile(r"(?:^a|b1)\b")
    family = Phrases("one", patterns=(pattern,))
    assert family._pattern is pattern
    assert family.matches_folded(key) == (bool(key) and pattern.search(key) is not None)


def test_families_with_several_or_no_patterns_are_joined_as_before() -> None:
    assert Phrases("none")._pattern is None
    assert not Phrases("none").matches_folded("anything")
    joined = Phrases("two", patterns=(r"^a", r"b$"))._pattern
    assert joined is not None and joined.pattern == "(?:^a)|(?:b$)"
    assert Phrases("flags", patterns=(re.compile("a", re.I), re.compile("b")))._pattern is None


def test_line_answers_ask_each_line_once() -> None:
    asked: list[str] = []

    def ask(line: str) -> bool:
        asked.append(line)
        return line.startswith("Leave")

    answers = LineAnswers(ask)
    lines = ["Leave a Reply", "Text.", "Leave a Reply", "Text.", "Other"]
    assert [answers[line] for line in lines] == [True, False, True, False, False]
    assert asked == ["Leave a Reply", "Text.", "Other"]
