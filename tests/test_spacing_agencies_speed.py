"""Shortcuts of the spacing and agency readers answer as the long way.

:func:`masthead.extract.spacing.blank_gaps` given the text's lines already
normalized tells blank lines apart without normalizing the text again;
:func:`masthead.extract.agencies.credited_agencies` asks only the agencies
whose keywords the text holds. Both are compared with the long way on texts
built from what makes them differ: every kind of line end, space and
invisible character, and agency names next to credit phrases.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from masthead.extract import agencies, text
from masthead.extract.agencies import AGENCIES, credited_agencies
from masthead.extract.spacing import blank_gaps, set_apart

_PIECES = (
    *("a", "Gold Climbs", "First paragraph.", "x y"),
    *("\n", "\r\n", "\r", " ", "\t", "\u00a0", "\u3000", "\u200b", "\ufeff", "\x00", "\x0c", "\x1f"),
    *("\x85", "\u2028", "\u2029"),
)
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)


@settings(max_examples=500)
@given(_TEXTS)
def test_gaps_from_the_lines_are_the_gaps_of_the_normalized_text(source: str) -> None:
    assert blank_gaps(source, lines=text.lines(source)) == blank_gaps(source)


@settings(max_examples=300)
@given(_TEXTS, st.integers(0, 3), st.integers(0, 3))
def test_set_apart_from_the_lines_answers_as_the_long_way(source: str, cut: int, size: int) -> None:
    lines = text.lines(source)
    body, block = lines[:cut], lines[cut : cut + size]
    assert set_apart(source, body, block, lines=lines) == set_apart(source, body, block)


def test_a_line_of_invisible_characters_is_blank() -> None:
    source = "a\n\u200b\u200b\n\nb"
    assert blank_gaps(source, lines=text.lines(source)) == [("a", 0), ("b", 2)]


def _every_agency_asked(paragraphs: list[str]) -> tuple[str, ...]:
    joined = "\n".join(paragraphs)
    present = agencies._keywords_in(joined)
    found = [(pos, a.name) for a in AGENCIES if (pos := agencies._first_mention(a, joined, present)) is not None]
    return tuple(dict.fromkeys(name for _, name in sorted(found)))


_NAMES = tuple(sorted({keyword for agency in AGENCIES for keyword in (*agency.keywords, agency.name)}))
_CONTEXT = (
    *("according to ", " reported", " said", "(", ") - ", "SEOUL (", " news agency", "Thomson ", "the "),
    *(". ", ", ", "\n", "The talks went on", "Michael ", "former ", " Industrial Average", " V vaccine"),
)
_CREDITS = st.lists(st.one_of(st.sampled_from(_NAMES), st.sampled_from(_CONTEXT)), max_size=12).map("".join)


@settings(max_examples=500)
@given(st.lists(_CREDITS, max_size=3))
def test_asking_only_agencies_named_finds_what_asking_all_finds(paragraphs: list[str]) -> None:
    assert credited_agencies(paragraphs) == _every_agency_asked(paragraphs)
