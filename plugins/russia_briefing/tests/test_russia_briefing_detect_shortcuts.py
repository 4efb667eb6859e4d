"""The detector's shortcuts answer as the plain searches they skip.

The detector looks for pieces of its case-blind expressions in the page's
folded text before running them, and finds the sister sites' names from the
literal "briefing" on. The long way is spelled out here and compared on
pages built from every spelling the expressions accept.
"""

from __future__ import annotations

import re
from unittest.mock import patch

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from masthead import Page
from masthead.testing import document
from masthead_russia_briefing import source

#: The sister sites' self-description as a search from the country names on.
_SISTER_SELF_LONG_WAY = re.compile(
    r"\b(?:china|india|vietnam|asean|indonesia|silk road)[ -]briefing"
    r"(?: is (?:produced|written|published|brought)|\.com\b)"
)

#: Each letter's spellings that a case-blind expression takes for it.
_CASES = {letter: (letter, letter.upper()) for letter in "abcdefghijklmnopqrstuvwxyz"}
_CASES |= {"i": ("i", "I", "\u0130", "\u0131"), "s": ("s", "S", "\u017f"), "k": ("k", "K", "\u212a")}
#: What may sit around and inside a spelling: the characters the domain
#: expression wants before it, spaces and line ends, letters, fullwidth and
#: compatibility forms, and combining marks that merge with the letter before.
_AROUND = ("/", ".", "@", "-", "_", " ", "\n", "x", "\u00a0", "\uff0e", "\u2013", "\u0301", "\u0323", "\u0307")


def _spelled(word: str) -> st.SearchStrategy[str]:
    """``word`` in any case, a letter at a time."""
    return st.tuples(*(st.sampled_from(_CASES.get(char, (char,))) for char in word)).map("".join)


def _amid(word: str) -> st.SearchStrategy[str]:
    """``word`` spelled in any case, between any two characters of :data:`_AROUND`."""
    return st.tuples(st.sampled_from(_AROUND), _spelled(word), st.sampled_from(_AROUND)).map("".join)


_PIECES = st.one_of(
    _amid("russia-briefing.com"),
    _amid("related-readings_a"),
    _amid("related_reading-k"),
    st.sampled_from(_AROUND),
)


def _page(text: str) -> Page:
    return Page.from_raw(document("Headline\n" + text))


@settings(max_examples=400)
@given(st.lists(_PIECES, max_size=4).map("".join))
def test_a_page_the_expressions_match_holds_their_pieces_folded(text: str) -> None:
    page = _page(text)
    if source._DOMAIN.search(page.text):
        assert source._DOMAIN_PIECE in page.folded_text
    if source._ICON.search(page.text):
        assert any(piece in page.folded_text for piece in source._ICON_PIECES)


@settings(max_examples=400)
@given(st.lists(_PIECES, max_size=4).map("".join), st.booleans())
def test_the_expressions_are_found_in_the_lines_holding_their_pieces_as_in_the_text(text: str, first: bool) -> None:
    """The detector searches the lines whose folded form holds a piece, not the page's text."""
    page = Page.from_raw(document(text + "\nText." if first else "Headline\n" + text))
    domain = source._search_lines(page, (source._DOMAIN_PIECE,), source._DOMAIN, source._DOMAIN_INSIDE)
    assert domain == bool(source._DOMAIN.search(page.text))
    assert source._search_lines(page, source._ICON_PIECES, source._ICON, source._ICON) == bool(
        source._ICON.search(page.text)
    )


@pytest.mark.parametrize(
    ("text", "found"),
    [("russia-briefing.com/x", True), ("Headline\nrussia-briefing.com/x", False), ("a\nb/russia-briefing.com", True)],
)
def test_the_domain_starts_a_match_only_at_the_start_of_the_text(text: str, found: bool) -> None:
    page = Page.from_raw(document(text))
    assert bool(source._DOMAIN.search(page.text)) == found
    assert source._search_lines(page, (source._DOMAIN_PIECE,), source._DOMAIN, source._DOMAIN_INSIDE) == found


@pytest.mark.parametrize(
    "text",
    [
        "mail@RUSSIA-BRIEFING.COM\u0301",  # the mark merges with the "M" when folded
        "https://www.ru\u017f\u017fia-br\u0131efing.com/x",  # long s, dotless i
        "/RUSS\u0130A-BRIEFING.com\u0323",
    ],
)
def test_the_domain_piece_is_found_in_odd_spellings(text: str) -> None:
    page = _page(text)
    assert source._DOMAIN.search(page.text)
    assert source._DOMAIN_PIECE in page.folded_text


@pytest.mark.parametrize("text", ["RELATED_READINGS-\u212a.png", "related-re\u0301adings", "related-read\u0130ng-x"])
def test_the_icon_pieces_are_found_in_odd_spellings(text: str) -> None:
    page = _page(text)
    assert bool(source._ICON.search(page.text)) == ("\u0301" not in text)
    assert any(piece in page.folded_text for piece in source._ICON_PIECES) == ("\u0301" not in text)


_SISTER_WORDS = (
    *("china", "india", "vietnam", "asean", "indonesia", "silk road", "russia", "xchina", "indiana"),
    *(" ", "-", " briefing", "-briefing", "briefing", " is produced", " is written", " is", ".com", ".comx", "/"),
)


@given(st.lists(st.sampled_from(_SISTER_WORDS), max_size=10).map("".join))
def test_the_sister_search_from_the_literal_answers_as_the_long_way(text: str) -> None:
    assert bool(source._SISTER_SELF.search(text)) == bool(_SISTER_SELF_LONG_WAY.search(text))


def test_the_sister_search_on_known_texts() -> None:
    assert source._SISTER_SELF.search("silk road briefing is published by dezan shira")
    assert source._SISTER_SELF.search("see china-briefing.com.")
    assert not source._SISTER_SELF.search("indochina briefing is produced")
    assert not source._SISTER_SELF.search("china briefing.community")


@given(st.lists(st.sampled_from(("word", "a", " ", "\u00a0", "\u2028", "\x85", "\t")), max_size=80).map("".join))
def test_the_header_ends_at_the_same_line_as_by_counting_words(line: str) -> None:
    lines = (line.strip() or "x", "Posted by A", line.strip() or "y")
    long_way = next(
        (lines[:index] for index, entry in enumerate(lines) if len(entry.split()) >= source._PARAGRAPH_WORDS),
        lines,
    )
    assert source._header(lines) == long_way


_BYLINE_PIECES = st.one_of(
    _spelled("posted"),
    _spelled(" on"),
    _spelled(" by"),
    st.sampled_from((*_AROUND, " Anna", "\t", "\u2003", "\uff50", "\u0301x")),
)


@settings(max_examples=400)
@given(st.lists(_BYLINE_PIECES, max_size=5).map("".join))
def test_every_byline_folds_to_a_line_starting_with_posted(line: str) -> None:
    """The detector asks only folded lines starting with "posted" whether they are bylines."""
    if source.byline.is_byline(line):
        assert source.fold(line).startswith(source._POSTED)


@pytest.mark.parametrize("line", ["Po\u017fted by Anna", "  POSTED ON", "posted", "\u2003Posted\tby X"])
def test_odd_bylines_fold_to_a_line_starting_with_posted(line: str) -> None:
    assert source.byline.is_byline(line)
    assert source.fold(line).startswith(source._POSTED)


def test_a_page_without_posted_gets_no_byline_weight() -> None:
    page = _page("Posted by Anna\nText.")
    header = source._header(page.lines)
    assert source._byline_weight(header, page.folded_lines, page.folded_text) == 0.2
    assert source._byline_weight(header, page.folded_lines, "text without it") == 0.0


#: Lines a page may open with: the site's and the sister sites' names as
#: banners, bylines, menus, a paragraph that ends the header, a blurb.
_HEADER_LINES = (
    *("Russia Briefing", "RUSSIA BRIEFING NEWS", "China Briefing", "Silk Road Briefing News", "India-Briefing"),
    *("Posted by", "Posted by Chris Devonshire-Ellis", "POSTED ON by", "Po\u017fted by Anna", "Menu", "Home"),
    *("Dezan Shira & Associates", "Leave a Reply", "russia-briefing.com", "china-briefing.com", "Text."),
    "China Briefing is produced by Dezan Shira & Associates.",
    " ".join(["word"] * 30),
)


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_HEADER_LINES), min_size=1, max_size=8).map("\n".join))
def test_a_page_without_the_header_words_scores_as_with_its_header_read(text: str) -> None:
    """The header is read only where "briefing" or "posted" is in the folded
    text; reading it everywhere (an empty word is in every text) scores the same."""
    page = _page(text)
    with patch.object(source, "_HEADER_WORD", ""):
        long_way = source._score(_page(text))
    assert source._score(page) == long_way


def test_the_header_words_are_needed_where_the_header_counts() -> None:
    # a banner of the site's name and a sister's name, and a byline: each is read from the header
    assert source._score(_page("Russia Briefing\nText.")) > 0.6
    assert source._score(_page("China Briefing\nText.")) == 0.0
    assert source._score(_page("Posted by Anna\nText.")) == 0.2


_EVIDENCE_LINES = st.one_of(
    st.sampled_from((*_HEADER_LINES, "Dezan  Shira", "DEZAN SHIRA", "LEAVE A REPLY", "Leave a reply.", "Other text")),
    _PIECES,
    _amid("dezan shira"),
    _amid("leave a reply"),
)


def _every_question(page: Page, key: str) -> bool:
    return False


@settings(max_examples=400)
@given(st.lists(_EVIDENCE_LINES, min_size=1, max_size=6).map("\n".join))
@example("Other text\nLEAVE A REPLY")
@example("Other text\nxdezan shirax")
@example("mail@RUSSIA-BRIEFING.COM\u0301")
@example("/russ\u0131a-br\u0131ef\u0131ng.com")
@example("RELATED_READINGS-\u212a.png")
def test_a_page_done_early_scores_as_with_every_question_asked(text: str) -> None:
    """A page without the words of the header, no head metadata and none of
    the pieces :func:`source._without_evidence` looks for is scored 0 before
    any rule is asked: asking them all scores it the same."""
    page = _page(text)
    with patch.object(source, "_without_evidence", _every_question):
        long_way = source._score(_page(text))
    assert source._score(page) == long_way


@pytest.mark.parametrize(
    "head",
    [
        '<meta property="og:site_name" content="Russia Briefing">',
        '<link rel="canonical" href="https://www.russia-briefing.com/news/x.html">',
        '<meta property="og:url" content="https://www.russia-briefing.com/news/x.html">',
        '<meta property="og:site_name" content="China Briefing">',
    ],
)
def test_a_page_with_head_metadata_is_never_done_early(head: str) -> None:
    html = f"<html><head>{head}</head><body><p>Text of another outlet.</p></body></html>"
    page = Page.from_raw(document(html, html=True))
    with patch.object(source, "_without_evidence", _every_question):
        long_way = source._score(Page.from_raw(document(html, html=True)))
    assert source._score(page) == long_way
