"""The toolkit's fast paths give the answers of the plain definitions they replace.

Each fast path (an anchored whole-line date, a bisection over sorted
phrases, a count by deletion, a check skipped on a cheap test) is compared
with the straightforward reading of its contract on generated lines built
from the characters and words that matter to it.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from masthead.extract import bylines, captions, dates, shapes, text
from masthead.extract.boilerplate import CUT_MIN_CHARS, CUT_MIN_CHARS_LAST, Boilerplate, Phrases
from masthead.extract.comments import COMMENT_CHROME, COMMENT_OPENERS, _Reader, is_stamp, line_indents
from masthead.extract.text import fold

#: Pieces of dates, times, lead words and prose, joined into lines.
_DATE_PIECES = (
    *("May", "Sept.", "july", "JAN", "Wednesday,", "mon", "4,", "21st", "30", "2016", "1999", "2024-03-03"),
    *("2023.10.04", "07.04.2025", "1.07.04.2025", "2024/3/3", "T10:00", "4:15", "pm", "a.m.", "UTC", "EST"),
    *("at", "|", "-", "–", ",", ".", "Published:", "Posted on", "Last edited", "by", "Rob", "said", "ago"),
    *("Sat, 25 Apr 2020 10:00:00 +0300", "2024-03-03T10:00:00Z", "Josep", "version", "\u0663\u0664\u0665\u0666"),
)
_DATE_LINES = st.lists(st.sampled_from(_DATE_PIECES), min_size=1, max_size=7).map(" ".join)


def _whole_by_search(text: str) -> str | None:
    found = dates.find_date(text)
    return found.iso if found is not None and found.start == 0 and found.end == len(text) else None


def _date_line_by_search(text: str | None) -> str | None:
    """:func:`bylines.date_line` as it reads without its shortcuts."""
    if not text:
        return None
    line = bylines._DATE_LEAD.sub("", bylines._LAST_EDITED.sub("", text.strip())).strip(" .,|")
    line = bylines._DATE_TIME_SEPARATOR.sub(" ", line)
    return _whole_by_search(line) or dates.parse_date(line)


@settings(max_examples=200, deadline=None)
@given(_DATE_LINES)
def test_whole_line_date_is_the_date_find_date_finds_filling_the_line(line: str) -> None:
    assert dates._whole_date(line) == _whole_by_search(line)


@settings(max_examples=200, deadline=None)
@given(_DATE_LINES)
def test_date_line_reads_as_without_its_shortcuts(line: str) -> None:
    assert bylines.date_line(line) == _date_line_by_search(line)


@settings(max_examples=200, deadline=None)
@given(_DATE_LINES)
def test_find_date_tries_every_form_that_could_match(line: str) -> None:
    found = []
    for form in (*dates._HUMAN_FORMS, dates._DOTTED):
        match = next((m for m in form.finditer(line) if dates._from_human(m) is not None), None)
        if match is not None:
            found.append((match.start(), -match.end(), dates._from_human(match)))
    expected = min(found, key=lambda f: f[:2]) if found else None
    result = dates.find_date(line)
    assert (None if result is None else (result.start, -result.end, result.iso)) == expected


_PHRASES = Phrases(
    "appeal",
    exact=("Support us", "Donate now", "Support us today"),
    prefixes=("support independent journalism",),
    contains=("consider helping us",),
    patterns=(r"^\d+ comments$",),
    prefix_words=6,
)
_PHRASE_LINES = st.one_of(
    st.sampled_from(("Support us", "Support us today", "Support us tod", "SUPPORT  independent journ…", "5 Comments")),
    st.sampled_from(("support independent journalism", "Consider helping", "consider helping us.")).flatmap(
        lambda head: st.integers(0, len(head)).map(lambda cut: head[:cut])
    ),
    st.text(alphabet="supor tdayinem.…", max_size=40),
)


@settings(max_examples=200, deadline=None)
@given(_PHRASE_LINES, st.booleans())
def test_cut_phrases_are_found_by_bisection_as_by_trying_each(line: str, last: bool) -> None:
    key = fold(line).rstrip(" .…")
    everything = (*_PHRASES.exact, *_PHRASES.prefixes, *_PHRASES.contains)
    expected = len(key) >= (CUT_MIN_CHARS_LAST if last else CUT_MIN_CHARS) and any(
        p.startswith(key) and p != key for p in everything
    )
    assert _PHRASES.matches_cut(line, last=last) is expected


@settings(max_examples=150, deadline=None)
@given(_PHRASE_LINES, st.booleans())
def test_kind_of_asks_every_family_of_the_folded_line(line: str, last: bool) -> None:
    other = Phrases("other", exact=("Donate now",), contains=("journalism",))
    boilerplate = Boilerplate(other, _PHRASES)
    whole = next((f.name for f in (other, _PHRASES) if f.matches(line)), None)
    expected = whole or next((f.name for f in (other, _PHRASES) if f.matches_cut(line, last=last)), None)
    assert boilerplate.kind_of(line, last=last) == expected


_WORDS = st.sampled_from(
    ("Putin", "iPhone", "the", "of,", "And", "“Kremlin", "$5bn", "(AP", "2024", "-", "ǅemal", "Ⅷ", "ÉLAN", "ſtar")
)


def _word_case_plainly(token: str, small_words: frozenset[str]) -> bool | None:
    token = token.lstrip(shapes._OPENERS)
    if not token or not any(ch.isalpha() for ch in token):
        return None
    if token.lower() in small_words or token.rstrip(",;:").lower() in small_words:
        return None
    first = next(ch for ch in token if ch.isalpha() or ch.isdigit())
    if first.isdigit():
        return None
    return first.isupper() or any(ch.isupper() for ch in token)


@settings(max_examples=150, deadline=None)
@given(st.one_of(_WORDS, st.text(max_size=8)))
def test_word_case_reads_as_its_definition(token: str) -> None:
    assert shapes._word_case(token, shapes.SMALL_WORDS) == _word_case_plainly(token, shapes.SMALL_WORDS)


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.lists(_WORDS, max_size=8).map(" ".join), st.text(max_size=30)))
def test_letters_and_capitals_are_counted_as_str_tells_them(line: str) -> None:
    letters = [ch for ch in line if ch.isalpha()]
    assert shapes._letter_counts(line) == (len(letters), sum(ch.isupper() for ch in letters))


_CREDIT_LINES = st.lists(
    st.sampled_from(("Putin", "visits", "Sergei Karpukhin", "/", "TASS", "tass", "Pixabay", ".", "AP", "Pool")),
    min_size=1,
    max_size=6,
).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(_CREDIT_LINES)
def test_credits_are_matched_as_each_credit_folded_alone(line: str) -> None:
    text = line.rstrip()[-captions._CREDIT_SEARCH_CHARS :]
    for credit in ("TASS", "Pixabay", "AP"):
        plain = fold(text).endswith(fold(credit)) and (len(text) == len(credit) or not text[-len(credit) - 1].isalnum())
        assert captions._ends_with(text, fold(text), credit) is plain
    found = captions.credit_of(line, agencies=("TASS", "AP"), strong=("Pixabay",))
    if "/" not in line:  # no slash credit then
        assert found is None or "/" not in found


_THREAD_LINES = st.sampled_from(
    ("Rob", "Rob says:", "May 21, 2016 at 7:05 pm", "5 years ago", "Reply", "Great piece.", "Ann • 5 years ago")
)


@settings(max_examples=100, deadline=None)
@given(st.lists(_THREAD_LINES, max_size=12), st.booleans())
def test_a_reader_answers_again_as_it_answered_first(lines: list[str], last: bool) -> None:
    calls: list[str] = []

    def extra(line: str) -> bool:
        calls.append(line)
        return line == "Great piece."

    reader = _Reader(extra)
    for line in lines * 2:
        key = fold(line)
        own = line == "Great piece."
        chrome = COMMENT_CHROME.matches_folded(key) or COMMENT_CHROME.matches_cut_folded(key, last=last) or own
        assert reader.chrome(line, last=last) is chrome
        assert reader.stamp(line) is is_stamp(line)
        assert reader.name_line(line) is (shapes.is_name(line) and not chrome and not is_stamp(line))
    # Asked once per line and position (last or not), however often the reader is.
    assert len(calls) <= 2 * len(set(lines))


#: Groups without references to them by number: joined.
_GROUPED = Phrases("grouped", patterns=(r"^(tags?|posted in)\s*:", r"^(?=.{0,12}$)(?:(«|<).*|.*(»))$"))


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet='0123456789 ,+-:«»<commentsrplyhougdtbwvai"', max_size=30))
def test_patterns_joined_in_one_match_what_each_matches(line: str) -> None:
    key = fold(line)
    for family in (COMMENT_CHROME, COMMENT_OPENERS, _GROUPED):
        assert family._pattern is not None
        assert (family._pattern.search(key) is not None) is any(p.search(key) for p in family.patterns)


def test_patterns_are_joined_only_where_they_keep_their_meaning() -> None:
    assert Phrases("grouped", patterns=(r"^(a)\1$", r"^b$"))._pattern is None
    assert Phrases("flagged", patterns=(re.compile("^a$", re.IGNORECASE), "^b$"))._pattern is None
    assert Phrases("inline", patterns=("(?i)^a$", "^b$"))._pattern is None
    backref = Phrases("grouped", patterns=(r"^(a)\1$", r"^b$"))
    assert backref.matches("aa") and backref.matches("b") and not backref.matches("ab")


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=" \t\u00a0\u200b\x0b\x1c\r\nab•", max_size=40))
def test_line_indents_keep_the_lines_normalize_keeps_one_by_one(source: str) -> None:
    raws = source.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    expected = [
        len(line) - len(line.lstrip())
        for line in (raw.replace("\t", "    ").replace("\u00a0", " ") for raw in raws if text.normalize(raw))
    ]
    assert line_indents(source) == expected


def _normalize_by_substitution(source: str) -> str:
    """:func:`text.normalize` as its contract reads: line ends unified,
    invisible and control characters dropped, each run of spaces one space,
    each line stripped."""
    source = source.replace("\r\n", "\n").replace("\r", "\n")
    source = text._SPACES.sub(" ", text._DROPPED.sub("", source))
    return "\n".join(line.strip() for line in source.split("\n"))


#: Every kind of character normalize treats apart, and every other
#: character ``str.split`` splits on (file and group separators, next line).
_SPACING = " \t\u00a0\u2003\u3000\u200b\u00ad\x0b\x0c\x1c\x1f\x85\u2028\u2029\r\nab\u2019"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_SPACING, max_size=40))
def test_normalize_splits_lines_as_the_substitution_it_replaces(source: str) -> None:
    assert text.normalize(source) == _normalize_by_substitution(source)
    assert text.lines(source) == tuple(line for line in _normalize_by_substitution(source).split("\n") if line)


def test_paragraphs_are_folded_once_in_a_cache_bounded_by_characters(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(text, "_FOLD_PARAGRAPH_BUDGET_CHARS", 20_000)
    paragraphs = [f"Paragraph {number} of a page, \u201cquoted\u201d and \u2014 dashed. " * 12 for number in range(100)]
    for paragraph in paragraphs:
        folded = text.fold(paragraph)
        assert folded == text._fold(paragraph)
        assert text.fold(paragraph) is folded  # read again, not folded again
        held = sum(len(key) + len(value) for key, value in text._folded_paragraphs.items())
        assert held == text._folded_paragraph_chars <= 20_000
    assert paragraph not in text._folded  # the short lines' cache is left alone
    page = "a whole page of text " * 1000
    text.fold(page)
    assert page not in text._folded_paragraphs


_NAME_PIECES = st.sampled_from(
    ("•", "#", "12", "3.", "Rob", "Tom B.", "says", "says:", ":", "wrote", "x_X", "\u00a0", "lol")
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_NAME_PIECES, max_size=12).map(" ".join))
def test_long_lines_are_no_names_as_their_cleaned_names_say(line: str) -> None:
    name = shapes.clean_name(line)
    if len(line.split()) > shapes._MAX_NAME_WORDS + shapes._CLEANED_WORDS:
        assert len(name.split()) > shapes._MAX_NAME_WORDS
        assert not shapes.is_name(line)


_WALLETISH = st.text(alphabet="bc1q0xT48ABkmz \u00a0\t\n.:", max_size=120) | st.lists(
    st.sampled_from(["bc1" + "q" * 30, "0x" + "a" * 40, "1" + "A" * 30, "word", "Donate:", " ", "\u2003"]), max_size=12
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(_WALLETISH)
def test_wallet_lines_are_told_as_their_definition_says(line: str) -> None:
    """Words are counted before the address search, up to one too many: the
    answer is the definition's (an address and at most six words)."""
    from masthead.extract import donations

    defined = bool(donations._WALLET_START.match(line.strip())) or (
        donations._WALLET.search(line) is not None and len(line.split()) <= donations.WALLET_WORDS
    )
    assert donations.is_wallet_line(line) == defined
