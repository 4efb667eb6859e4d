"""The parser's one-pass shortcuts give what the plain rules give.

Each cleaning pass reads a line's key once and tests it against the
phrases the plain rules test one family at a time; the cluster reader
starts at the first line that opens a cluster; the detector hands the
dump's split lines to the parser; the answers for short lines are kept
from page to page. Each is compared here with the plain
form, written out as the rules state it, on lines made of the outlet's own
phrases and of ordinary text.
"""

from __future__ import annotations

import gc
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from moscow_times_support import ARTICLE_DUMPS, DUMPS, LISTING_DUMPS, SEED_BARE, SEED_FULL

from masthead import NotAnArticle, Page
from masthead.extract import listing, pageparts
from masthead.extract.document import TEXT, RawDocument
from masthead.extract.text import fold
from masthead.testing import assert_read_as_if_first
from masthead_moscow_times import MoscowTimesSource, detection, parsing, phrases
from masthead_moscow_times import lines as line_rules
from masthead_moscow_times.lines import is_headline, is_paragraph, key_of
from masthead_moscow_times.parsing import (
    _CLUSTERS,
    _LISTING,
    _NEWSLETTER,
    _is_appeal,
    _is_listing_line,
    _linked,
    _strip_newsletter,
    has_article_furniture,
    is_appeal_line,
    looks_like_listing,
    parse_lines,
    related_in_trailer,
    split_glued_lines,
    trailer_start,
)

#: The outlet's phrases as pages print them (and cut, and in other cases),
#: among headlines, paragraphs and lines that only look like them.
_PHRASES = (
    *phrases.APPEAL_STARTS,
    *phrases.APPEAL_SENTENCES[:4],
    *phrases.TAIL_PREFIXES,
    *phrases.TAIL_LINES,
    *phrases.ARTICLE_ONLY_PREFIXES,
    *phrases.RELATED_LABELS[:3],
    phrases.DEAR_READERS,
    *("View more articles", "Print Edition!", "Load more", "Articles with tag: Ukraine", "#5800 — Apr 20", "#12"),
    *("Related articles", "More videos", "Read more about", "read more", "… we have a small favor to ask"),
)
_TEXT = (
    "Putin and Trump Hail Trust and Cooperation",
    "The two presidents issued a joint statement to mark 75 years of the meeting at the Elbe river in 1945.",
    "Kremlin.ru",
    "",
    "x" * 700,
    "Read" + " more" * 200,
)
_LINE = st.one_of(
    st.sampled_from(_PHRASES),
    st.sampled_from(_PHRASES).map(str.upper),
    st.sampled_from(_PHRASES).map(lambda phrase: phrase[: len(phrase) // 2]),
    st.sampled_from(_PHRASES).map(lambda phrase: phrase + " and more words follow."),
    st.sampled_from(_TEXT),
)
_LINES = st.lists(_LINE, max_size=14)


def _is_read_more(line: str) -> bool:
    return key_of(line) == parsing._READ_MORE


def _plain_trailer_start(lines: list[str]) -> int:
    seen_text = False
    for index, line in enumerate(lines):
        key = key_of(line)
        if _is_appeal(key) or key.startswith(phrases.TAIL_PREFIXES):
            return index
        if key == phrases.DEAR_READERS and (index + 1 == len(lines) or is_appeal_line(lines[index + 1])):
            return index
        if key in phrases.TAIL_LINES and seen_text:
            return index
        seen_text = seen_text or is_paragraph(line)
    return len(lines)


def _closes_cluster(line: str) -> bool:
    key = key_of(line)
    return key in phrases.TAIL_LINES or _is_appeal(key) or key == phrases.DEAR_READERS


@settings(max_examples=400, deadline=None)
@given(_LINES)
def test_passes_read_each_key_as_the_plain_rules_do(lines: list[str]) -> None:
    # No box closes here ("Read more" under a headline): the plain form above leaves it out.
    plain = [line for line in lines if not _is_read_more(line)]
    assert trailer_start(plain) == _plain_trailer_start(plain)
    furniture = any(
        _is_appeal(key_of(line)) or key_of(line).startswith(phrases.ARTICLE_ONLY_PREFIXES) for line in lines
    )
    assert has_article_furniture(lines) == furniture
    assert [_is_listing_line(line) for line in lines] == [_LISTING.matches(line) for line in lines]
    titles = pageparts.cluster_headlines(lines, opens=_CLUSTERS.matches, closes=_closes_cluster, is_headline=_linked)
    assert [related.title for related in related_in_trailer(lines)] == titles


#: The newsletter box's lines, whole, cut, in capitals, and ordinary lines around them.
_BOX = (
    *phrases.NEWSLETTER_HEADINGS,
    *phrases.NEWSLETTER_LINES,
    "Sign up for our fr",
    "Subs",
    "Our weekly newsletter contains news",
)
_BOX_LINE = st.one_of(st.sampled_from(_BOX), st.sampled_from(_BOX).map(str.upper), st.sampled_from(_TEXT))


@settings(max_examples=400, deadline=None)
@given(st.lists(_BOX_LINE, max_size=12))
def test_newsletter_box_is_stripped_asking_only_the_lines_that_may_be_in_it(lines: list[str]) -> None:
    assert _strip_newsletter(lines) == _NEWSLETTER.strip(lines)


def test_cluster_headlines_after_an_appeal_are_kept() -> None:
    trailer = ["A Message from The Moscow Times:", "Read more", "Putin and Trump Hail Trust", "Read more about: War"]
    assert [related.title for related in related_in_trailer(trailer)] == ["Putin and Trump Hail Trust"]
    assert is_headline(trailer[2])


def _dump(path: Path) -> Page:
    return Page.from_raw(RawDocument(uri=str(path), data=path.read_bytes(), content_type=TEXT))


def _parsed(source: MoscowTimesSource, page: Page) -> object:
    try:
        return source.parse(page)
    except NotAnArticle as error:
        return str(error)


def test_the_detector_hands_the_parser_the_dump_split_as_the_parser_splits_it() -> None:
    source = MoscowTimesSource()
    handed = 0
    for path in (SEED_FULL, SEED_BARE, *ARTICLE_DUMPS, *LISTING_DUMPS, *sorted(DUMPS.glob("*.txt"))):
        page = _dump(path)
        source.detect(page)
        split = detection.split_lines_of(page)
        assert split is None or split == split_glued_lines(page.lines, folded=page.folded_lines), path
        handed += split is not None
        assert detection.split_lines_of(page) is None  # handed over once
        detected = _dump(path)
        source.detect(detected)
        assert _parsed(source, detected) == _parsed(source, _dump(path)), path
    assert handed


def test_a_glued_dump_is_parsed_from_the_split_the_detector_made() -> None:
    text = "Support The Moscow Times! Putin and Trump Hail Trust\n\n" + "The story goes on and on, as stories do. " * 3
    page = Page.from_raw(RawDocument(uri="glued.txt", data=text.encode(), content_type=TEXT))
    source = MoscowTimesSource()
    assert source.detect(page) >= 0.9
    split = detection.split_lines_of(page)
    assert split is not None and split[:2] == ["Support The Moscow Times!", "Putin and Trump Hail Trust"]
    other = Page.from_raw(RawDocument(uri="other.txt", data=text.encode(), content_type=TEXT))
    source.detect(page)
    source.detect(other)
    assert detection.split_lines_of(page) == split  # another page's split made since leaves this one's
    assert detection.split_lines_of(other) == split and detection.split_lines_of(page) is None
    gone = Page.from_raw(RawDocument(uri="gone.txt", data=text.encode(), content_type=TEXT))
    source.detect(gone)
    kept = len(detection._SPLITS)
    del gone
    gc.collect()
    assert len(detection._SPLITS) == kept - 1  # nothing is kept for a page no longer alive
    source.detect(page)
    parsed = source.parse(page)
    assert detection.split_lines_of(page) is None  # the parse took it
    assert parsed.title == "Putin and Trump Hail Trust"
    assert list(parsed.body) == parse_lines(page.lines, folded=page.folded_lines).body
    assert fold(parsed.body[0]).startswith("the story goes on")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_LINE, st.sampled_from(_TEXT)), max_size=16), st.lists(_LINE, max_size=4))
def test_a_listing_is_told_from_the_kinds_running_text_bit_as_from_the_words(main: list[str], rest: list[str]) -> None:
    """looks_like_listing reads running text from the lines' kinds: the
    verdict is the one the word count (is_paragraph) gives."""
    plain = any(map(_is_listing_line, main + rest)) and sum(map(is_headline, main)) >= 3
    plain = plain or listing.reads_as_teasers(main, is_headline=is_headline, is_text=is_paragraph)
    with line_rules.page_memo():
        assert looks_like_listing(main, main + rest) == plain


def test_parsing_told_the_lines_are_short_reads_as_parsing_that_measures_them() -> None:
    for path in (SEED_FULL, SEED_BARE, *ARTICLE_DUMPS, *LISTING_DUMPS, *sorted(DUMPS.glob("*.txt"))):
        page = _dump(path)
        if max(map(len, page.lines), default=0) > line_rules.KEY_CHARS:
            continue
        assert _read_short(page, short=True) == _read_short(page, short=None), path


def _read_short(page: Page, *, short: bool | None) -> object:
    try:
        return parse_lines(page.lines, folded=page.folded_lines, short=short)
    except NotAnArticle as exc:
        return str(exc)


#: Lines the kept answers are about: captions, credits, bylines, dates, headlines.
_SHORT = (
    *("Vladimir Putin. Sergei Karpukhin / TASS", "Moskva News Agency", "By Jane Doe", "April 25, 2020"),
    *("Kremlin Says Talks Went Well", "Updated: 2 hours ago", "Pixabay", "Reuters"),
)
_PAGE_LINES = st.lists(st.one_of(_LINE, st.sampled_from(_SHORT)), max_size=14)


def _forget_kept() -> None:
    for kept in (line_rules._KEPT_CAPTIONS, line_rules._KEPT_HEADLINES, line_rules._KEPT_DATES):
        kept.clear()
    line_rules._KEPT_BYLINES.clear()
    parsing._KEPT_KINDS.clear()


def _reading(lines: list[str]) -> object:
    try:
        return parse_lines(lines)
    except NotAnArticle as exc:
        return str(exc)


@settings(max_examples=150, deadline=None)
@given(st.lists(_PAGE_LINES, min_size=2, max_size=4))
def test_answers_kept_from_earlier_pages_read_a_page_as_if_it_came_first(pages: list[list[str]]) -> None:
    assert_read_as_if_first(_reading, pages, _forget_kept)


def test_the_dumps_read_the_same_after_one_another_as_alone() -> None:
    paths = sorted(DUMPS.glob("*.txt"))
    pages = [Page.from_raw(RawDocument(uri=p.name, data=p.read_bytes(), content_type=TEXT)) for p in paths]
    assert_read_as_if_first(lambda page: _reading(list(page.lines)), pages, _forget_kept)


#: Lines the chrome and the dropped lines are made of, besides :data:`_LINE`'s.
_CHROME_LINE = st.sampled_from(
    sorted({*phrases.CHROME_KEYS, *phrases.SECTION_LINES, *phrases.HEADER_LINES, *phrases.WIDGET_LINES})
)


@settings(max_examples=600, deadline=None)
@given(
    st.one_of(_LINE, _CHROME_LINE, _CHROME_LINE.map(str.title), st.sampled_from(("2 hours ago Putin", "5 min read")))
)
def test_a_lines_kinds_are_the_plain_rules_answers(line: str) -> None:
    key = key_of(line)
    kinds = parsing.kinds_of(line)
    plain = {
        parsing.DROPPED: key in parsing._DROPPED_EVERYWHERE,
        parsing.ENDS_ARTICLE: _is_appeal(key) or key.startswith(phrases.TAIL_PREFIXES),
        parsing.DEAR: key == phrases.DEAR_READERS,
        parsing.TAIL: key in phrases.TAIL_LINES,
        parsing.READ_MORE: _is_read_more(line),
        parsing.PARAGRAPH: is_paragraph(line),
        parsing.CHROME: parsing.is_chrome(line),
        parsing.SECTION: key in phrases.SECTION_LINES,
        parsing.FURNITURE: _is_appeal(key) or key.startswith(phrases.ARTICLE_ONLY_PREFIXES),
        parsing.CLOSES_CLUSTER: _closes_cluster(line),
        parsing.NEWSLETTER: parsing._may_be_newsletter(line, key),
    }
    assert {bit: bool(kinds & bit) for bit in plain} == plain
    if len(line) <= line_rules.KEY_CHARS:
        assert bool(kinds & parsing.OPENS_CLUSTER) == _CLUSTERS.matches(line)
    # A line the strip need not ask is left as it is (the strip test compares whole strips).
    assert kinds & parsing.NEWSLETTER or _NEWSLETTER.strip([line]) == [line]
