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

from masthead.extract import agencies, bylines, dates, text
from masthead.extract.boilerplate import Phrases

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


_TWO_DIGITS = st.sampled_from(("00", "01", "09", "12", "13", "23", "24", "29", "30", "31", "59", "60", "99", "٠٣"))


@st.composite
def _iso_strings(draw: st.DrawFn) -> str:
    year = draw(st.sampled_from(("2024", "2023", "1900", "0001", "9999", "0000", "٢٠٢٤")))
    text = f"{year}-{draw(_TWO_DIGITS)}-{draw(_TWO_DIGITS)}"
    if draw(st.booleans()):
        text += draw(st.sampled_from(("T", " "))) + f"{draw(_TWO_DIGITS)}:{draw(_TWO_DIGITS)}"
        if draw(st.booleans()):
            text += f":{draw(_TWO_DIGITS)}"
            text += draw(st.sampled_from(("", "", ".5", ".123", ".000000", ".123456", ".1234567", ".000001")))
        text += draw(st.sampled_from(("", " ", "Z")) if draw(st.booleans()) else st.just(""))
        if draw(st.booleans()):
            text += draw(st.sampled_from(("+", "-"))) + draw(_TWO_DIGITS)
            text += draw(st.sampled_from(("", ":", ""))) + draw(st.sampled_from(("", "00", "30", "45", "60", "99")))
    return text


@settings(max_examples=300, deadline=None)
@given(_iso_strings())
@example("2026-12-05T18:54:53.123456+00:00")
@example("2026-12-05T18:54:53-00:00")
@example("2026-12-05T18:54:53.000000+05:30")
@example("2026-12-05T24:00:00")
def test_iso_strings_written_back_unchanged_are_read_as_their_fields_are(source: str) -> None:
    match = dates._ISO_LIKE.match(source)
    if match:
        assert dates.parse_date(source) == dates._iso_of_fields(match)


def _whole_date_by_every_form(text: str) -> str | None:
    """:func:`dates._whole_date` trying every form at the start of ``text``."""
    for form in (*dates._HUMAN_FORMS, dates._DOTTED):
        match = form.match(text)
        if match is not None and match.end() == len(text):
            iso = dates._from_human(match)
            if iso is not None:
                return iso
    return None


#: Pieces of dates and of lines that are none: names in every case (and
#: the characters case-blind matching takes for ASCII letters), digits of
#: other scripts, the separators each form needs.
_DATE_PIECES = st.sampled_from(
    (
        *("April", "april", "APR", "Sept", "sep", "\u017fep", "May", "Monday", "mon", "Tue.", "\u212aelvin", "Mo"),
        *("7", "07", "12", "31", "2025", "1999", "١٢", "٢٠٢٥", "T10:00", "10:00", "4:15", "pm", "a.m.", "UTC", "EST"),
        *(" ", " ", ", ", ",", ".", "-", "/", "|", "at", "on", "Published", "word", "(", '"', "\u2013", "th"),
    )
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_DATE_PIECES, max_size=9).map("".join))
@example("7 April 2025")
@example("\u017fep 7, 2025")
@example("2025-04-07T10:00")
@example("Published on 07.04.2025 - 10:00")
def test_whole_dates_and_date_lines_are_read_as_every_form_reads_them(line: str) -> None:
    assert dates._whole_date(line) == _whole_date_by_every_form(line)
    assert bylines.date_line(line) == _date_line_asking_twice(line)


def _date_line_asking_twice(text: str) -> str | None:
    """:func:`bylines.date_line` asking for the whole-line date, then :func:`dates.parse_date`."""
    if not text or not re.search(r"\d\d\d\d", text):
        return None
    text = text.strip()
    if not text.isascii() or "last edited" in text.lower():
        text = bylines._LAST_EDITED.sub("", text)
    line = bylines._DATE_LEAD.sub("", text).strip(" .,|")
    if ":" in line:
        line = bylines._DATE_TIME_SEPARATOR.sub(" ", line)
    return _whole_date_by_every_form(line) or dates.parse_date(line)


_FAMILY = Phrases("family", exact=("share", "support us", "a"), patterns=(r"^\d+ comments?$",))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(("share", "support", "us", "a", "3", "comments", "x" * 12)), max_size=4),
    st.text(alphabet=" :.!?", max_size=12),
)
@example(["support", "us"], " . ! ")
@example(["support", "us", "a"], ".")
def test_a_phrase_with_trailing_stops_matches_as_stripped(words: list[str], end: str) -> None:
    key = " ".join(words) + end
    expected = bool(key) and (
        key in _FAMILY.exact or key.rstrip(" :.!") in _FAMILY.exact or _FAMILY.patterns[0].search(key) is not None
    )
    assert _FAMILY.matches_folded(key) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("0123456789١٢ a.-\n\x00\x7f"), max_size=120))
@example("x" * 60 + "2025")
@example("x" * 60 + "202 5")
def test_four_digits_are_found_in_any_line(line: str) -> None:
    assert text.has_four_digits(line) == (re.search(r"\d{4}", line) is not None)


#: Keywords, pieces of them, and characters whose UTF-8 bytes are several
#: (a lone surrogate among them), so that a keyword stands next to any.
_AGENCY_PIECES = st.sampled_from(
    (*agencies._KEYWORDS[:12], "Reuters", "Reu", "ters", "TASS", "é", "Ü", "\u2019", "\ud800", "\U0001f600", " ", "\n")
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_AGENCY_PIECES, max_size=12).map("".join))
@example("\ud800Reuters\U0001f600AFP")
def test_agency_keywords_are_found_in_any_text_as_substrings(text: str) -> None:
    assert agencies._keywords_in(text) == frozenset(k for k in agencies._KEYWORDS if k in text)
