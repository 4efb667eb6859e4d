"""Reading a page skips questions whose answers it already holds or cannot need.

:class:`masthead_wire_aggregator.extract._Shapes` works out every answer a
reading wants of a line at once, as the bits of its facts
(:func:`masthead_wire_aggregator.extract._line_facts`): no long line is
asked whether it is a menu entry or a widget label, and only a
headline-shaped one for its word count. It answers the ticker test from the
facts and the kept title-case answers, asks whether a line reads as a
sentence-case headline only of a headline-shaped one, and keeps its answers
for short lines from page to page; :func:`extract` looks for sidebar teasers
and related lists only in a page that can hold them. Each shortcut is
compared with the question it stands for, on lines built from the shapes a
page mixes.
"""

from __future__ import annotations

import gc

from hypothesis import given, settings
from hypothesis import strategies as st

from masthead.extract import shapes as toolkit_shapes
from masthead.extract.lists import headed_lists, is_teaser, teaser_trios
from masthead.extract.shapes import ends_with_stop
from masthead.extract.text import fold
from masthead.testing import assert_read_as_if_first
from masthead_wire_aggregator import extract as extraction
from masthead_wire_aggregator import shapes
from masthead_wire_aggregator.extract import _RELATED_HEADINGS, _may_head_list, _Shapes, extract

_WORDS = (
    *("Gold", "Climbs", "to", "Record", "the", "Oil", "slips", "said", "on", "Monday", "U.S.", "St.", "Inc."),
    *("Menu", "Search", "Share", "Comment", "Photo:", "Reuters", "By", "Related", "Stories", "\uff32elated"),
    *("RELATED", "news", "May", "4,", "2016", "UTC", "Politics", "Series", "12", "comments", "Pal"),
)
_ENDS = ("", ".", "?", "!", "...", "\u2026", ":", ",", ")", '"', " \u2014")
_LINE = st.tuples(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=14), st.sampled_from(_ENDS)).map(
    lambda parts: " ".join(parts[0]) + parts[1]
)
#: Lines of any length: a long one repeats a line until past the label limit.
_ANY_LINE = st.one_of(_LINE, st.tuples(_LINE, st.integers(2, 30)).map(lambda pair: " ".join([pair[0]] * pair[1])))
_PAGE = st.lists(
    st.one_of(_ANY_LINE, st.sampled_from(("Related Stories", "Related News:", "By Jane Doe", "Featured Post"))),
    max_size=24,
)


@settings(max_examples=400)
@given(_ANY_LINE)
def test_the_ticker_test_from_kept_answers_is_the_ticker_test(line: str) -> None:
    assert _Shapes().ticker(line) == shapes.ticker_headline(line)


def _plain_bits(line: str) -> int:
    """The bits of :func:`extraction._line_facts`, each from its question asked the plain way."""
    headline = toolkit_shapes.headline_shaped(line)
    answers = {
        extraction._PARAGRAPH: shapes.paragraph_shaped(line),
        extraction._CAPTION: shapes.is_caption(line),
        extraction._STOP: shapes.is_stop(line),
        extraction._MENU: shapes.is_menu(line),
        extraction._WIDGET: shapes.is_widget(line),
        extraction._HEADLINE: headline,
        extraction._DATED: bool(shapes.parse_dateline(line)),
        extraction._BYLINE: shapes.parse_byline(line) is not None,
        extraction._TEASER: is_teaser(line),
        extraction._UNSTOPPED_HEADLINE: headline and not ends_with_stop(line),
    }
    furniture = any(answers[bit] for bit in (extraction._MENU, extraction._WIDGET, extraction._CAPTION))
    furniture = furniture or answers[extraction._STOP]
    head_line = answers[extraction._DATED] or answers[extraction._BYLINE]
    answers[extraction._TITLE_CANDIDATE] = headline and len(line.split()) >= 3 and not (furniture or head_line)
    return sum(bit for bit, answer in answers.items() if answer)


@settings(max_examples=400)
@given(_ANY_LINE)
def test_a_lines_facts_are_its_questions_answers(line: str) -> None:
    assert extraction._line_facts(line) == (_plain_bits(line), shapes.parse_dateline(line), shapes.parse_byline(line))


def test_the_facts_bits_are_distinct() -> None:
    names = ("PARAGRAPH", "CAPTION", "STOP", "MENU", "WIDGET", "HEADLINE", "DATED", "BYLINE", "TEASER")
    bits = [getattr(extraction, "_" + name) for name in (*names, "UNSTOPPED_HEADLINE", "TITLE_CANDIDATE")]
    assert all(bit > 0 and bit & (bit - 1) == 0 for bit in bits)
    assert len(set(bits)) == len(bits)


@settings(max_examples=400)
@given(_ANY_LINE)
def test_the_ticker_shape_from_facts_is_the_ticker_shape(line: str) -> None:
    plain = toolkit_shapes.headline_shaped(line) and (not ends_with_stop(line) or shapes.ticker_headline(line))
    assert _Shapes().ticker_shaped(line) == plain


@settings(max_examples=400)
@given(_ANY_LINE)
def test_reads_as_headline_asks_headline_shaped_lines_only(line: str) -> None:
    full = shapes.title_case_ratio(line) == 1.0 and not toolkit_shapes.reads_as_sentence(line)
    assert _Shapes().reads_as_headline(line) == (full or toolkit_shapes.sentence_case_headline(line))


@settings(max_examples=300)
@given(_PAGE)
def test_pages_spared_the_searches_hold_nothing_they_would_find(lines: list[str]) -> None:
    text = "\n".join(lines)
    shape = _Shapes()
    if not any(ending in text for ending in ("...", "\u2026")):
        assert not any(map(is_teaser, lines))
        assert not teaser_trios(lines, headline=shape.headline, byline=shape.is_byline)
    folded_text = " ".join(key for key in map(fold, lines) if key)
    for known in (None, folded_text):
        if not _may_head_list(text, known):
            assert headed_lists(lines, _RELATED_HEADINGS, item=shape.related_item) == []


@settings(max_examples=200)
@given(_PAGE)
def test_the_folded_text_changes_no_reading(lines: list[str]) -> None:
    folded_text = " ".join(key for key in map(fold, lines) if key)
    assert extract(lines, folded_text=folded_text) == extract(lines)


def test_a_related_heading_in_full_width_letters_is_still_looked_for() -> None:
    lines = ["\uff32elated Stories", "Gold Climbs to Record High", "The story starts here, and it goes on."]
    assert _may_head_list("\n".join(lines), None)
    assert extract(lines).related == ("Gold Climbs to Record High",)


def test_every_related_heading_holds_the_word_looked_for() -> None:
    assert all("related" in heading for heading in _RELATED_HEADINGS)


def test_a_caption_of_many_words_is_none() -> None:
    # the words are counted after the caption rules, not before: still counted
    assert shapes.is_caption("Photo: " + "word " * 20)
    assert not shapes.is_caption("Photo: " + "word " * 40)


def _forget() -> None:
    for kept in extraction._KEPT:
        kept.clear()


@settings(max_examples=200)
@given(st.lists(_PAGE, min_size=2, max_size=4))
def test_answers_kept_from_earlier_pages_read_a_page_as_if_it_came_first(pages: list[list[str]]) -> None:
    """Each page reads the same after the others (whose short lines' answers
    are kept) as on its own, with nothing kept."""
    assert_read_as_if_first(extract, pages, _forget)


@settings(max_examples=300)
@given(st.lists(_ANY_LINE, min_size=1, max_size=6))
def test_kept_answers_are_the_questions_answers(lines: list[str]) -> None:
    for _ in range(2):  # the second time from the kept answers
        shape = _Shapes()
        for line in lines:
            assert shape.facts[line] == (_plain_bits(line), shapes.parse_dateline(line), shapes.parse_byline(line))
            assert shape.title_case[line] == shapes.title_case_ratio(line)
            assert shape.headline(line) == toolkit_shapes.headline_shaped(line)
            assert shape.is_byline(line) == (shapes.parse_byline(line) is not None)


def test_a_page_s_answers_are_freed_with_its_reading_not_left_to_the_cycle_collector() -> None:
    """No answer store refers back to the page's ``_Shapes``: with the
    cycle collector off, reading pages leaves no ``_Shapes`` behind."""
    lines = ["Gold Climbs to Record High", "By Ann Lee", "The story starts here, and it goes on at length."]

    def left() -> int:
        return sum(isinstance(obj, _Shapes) for obj in gc.get_objects())

    gc.collect()
    before = left()
    gc.disable()
    try:
        for _ in range(5):
            extract(lines)
        assert left() == before
    finally:
        gc.enable()
