"""The reader's shortcuts give what the plain rules give.

Each shortcut skips work only where it cannot change the answer: elements
found in lxml's tree instead of by soupsieve, the glued-boilerplate search
in lower case, the newsletter strip skipped when no line can start the box.
Each is compared here with the plain way on the fixtures and on pages made
to sit on its edges.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from moscow_times_support import DUMPS, FIXTURES

from masthead import NotAnArticle, Page
from masthead.extract import bylines, pageparts
from masthead.extract.boilerplate import glued_pattern, split_glued
from masthead.extract.document import HTML, TEXT, RawDocument
from masthead.extract.text import ends_of, fold
from masthead_moscow_times import detection, html, phrases, source
from masthead_moscow_times import lines as lines_module
from masthead_moscow_times.finders import TreeFinder
from masthead_moscow_times.lines import KEY_CHARS, attribution_names, is_time_note, key_is_cut, key_is_start, key_of
from masthead_moscow_times.parsing import (
    _GLUE_ANCHORS,
    _GLUE_MARKERS,
    _GLUED,
    _GLUED_EACH,
    _NEWSLETTER,
    _TICKER_OR_STAMP,
    ASCII_CASE_TWINS,
    _may_be_glued_at,
    _may_credit,
    _strip_newsletter,
    is_chrome,
    may_hold_glued,
    parse_lines,
    split_glued_lines,
)


def _may_be_glued(lines: list[str]) -> bool:
    """Whether the glue markers can be in any of ``lines``, as the shortcut says."""
    return _may_be_glued_at(lines) != set()


def _page(markup: str) -> Page:
    return Page.from_raw(RawDocument(uri="t.html", data=markup.encode(), content_type=HTML))


def _fixture_lines() -> list[tuple[str, ...]]:
    dumps = sorted(DUMPS.glob("*.txt"))
    pages = sorted(FIXTURES.glob("*.html"))
    return [Page.from_raw(RawDocument(uri=str(p), data=p.read_bytes(), content_type=HTML)).lines for p in pages] + [
        Page.from_raw(RawDocument(uri=str(p), data=p.read_bytes())).lines for p in dumps
    ]


def _spellings(marker: str) -> list[str]:
    words = marker.split()
    return [
        marker,
        marker.upper(),
        marker.lower(),
        "\u00a0\t".join(words),
        marker.replace("i", "\u0131").replace("s", "\u017f").replace("k", "\u212a"),
        marker.replace("I", "\u0130"),
        f"Привет, «мир» — {marker} and then the article goes on.",
    ]


def test_each_marker_searched_alone_is_the_toolkits_pattern_without_its_flag() -> None:
    """_GLUED_EACH builds each marker's expression itself (compiled once, not
    first with the case-blind flag): it is the toolkit's, without the flag."""
    assert [(word, pattern.pattern, pattern.flags) for word, pattern in _GLUED_EACH] == [
        (marker.split()[-1].lower(), glued_pattern([marker.lower()]).pattern, re.UNICODE) for marker in _GLUE_MARKERS
    ]


@pytest.mark.parametrize("marker", _GLUE_MARKERS)
def test_glue_check_finds_every_spelling_the_pattern_finds(marker: str) -> None:
    for line in _spellings(marker):
        found = _GLUED.search(line) is not None
        assert _may_be_glued(["A line before.", line]) or not found, line
        assert split_glued_lines([line, "Ещё строка"]) == split_glued([line, "Ещё строка"], _GLUED)


def test_only_the_case_twins_lower_case_to_other_than_one_character() -> None:
    longer = {chr(code) for code in range(0x110000) if len(chr(code).lower()) != 1}
    assert longer <= set(ASCII_CASE_TWINS)


#: Markers whole, cut between their words (so a marker may run over two
#: lines), in other cases and spacings, with case twins, text around them.
_GLUE_PIECES = st.sampled_from(
    (
        *_GLUE_MARKERS,
        *(word for marker in _GLUE_MARKERS for word in marker.split()),
        *("SUPPORT THE MOSCOW TIMES!", "read  more\u00a0about:", "A Meſſage from The Moscow Times:", "\u0130"),
        *("Read more about: Ukraine", "times!", "about:", "The story goes on.", "Привет", "\n", " ", ""),
    )
)
_GLUE_LINES = st.lists(st.lists(_GLUE_PIECES, max_size=6).map(" ".join), max_size=6)
#: Many short lines before the glued one: a line found at the wrong place
#: in the joined text would be one or more lines off.
_SHORT_LINES = st.lists(st.sampled_from(("", "x", "News", "Support")), max_size=40)


@settings(max_examples=300, deadline=None)
@given(_SHORT_LINES, _GLUE_LINES, _SHORT_LINES)
@example(["x"] * 40, ["Read more about: Ukraine"], [])
def test_glued_lines_are_split_as_split_glued_splits_them(head: list[str], lines: list[str], tail: list[str]) -> None:
    lines = head + lines + tail
    assert split_glued_lines(lines) == split_glued(lines, _GLUED)
    assert _may_be_glued(lines) or all(_GLUED.search(line) is None for line in lines)


def _split_by_folded(lines: list[str]) -> list[str]:
    return split_glued_lines(lines, folded=[fold(line) for line in lines])


@pytest.mark.parametrize("marker", _GLUE_MARKERS)
def test_folded_lines_hold_an_anchor_wherever_the_pattern_finds_a_marker(marker: str) -> None:
    marks = ("\u0301", "\u030c", "\u0327")  # each joins the letter before it when folded
    for line in [*_spellings(marker), *(spelling + mark for spelling in _spellings(marker) for mark in marks)]:
        found = _GLUED.search(line) is not None
        assert not found or any(anchor in fold(line) for anchor in _GLUE_ANCHORS), line
        assert _split_by_folded([line, "Ещё строка"]) == split_glued([line, "Ещё строка"], _GLUED)


@settings(max_examples=300, deadline=None)
@given(_SHORT_LINES, _GLUE_LINES, _SHORT_LINES)
@example([], ["Read more about: Ukraine", "Support The Moscow Times!"], ["x"])
@example([], [" Read  more about: "], [])
def test_lines_split_by_their_folded_anchors_as_split_glued_splits_them(
    head: list[str], lines: list[str], tail: list[str]
) -> None:
    lines = head + lines + tail
    assert _split_by_folded(lines) == split_glued(lines, _GLUED)


@settings(max_examples=300, deadline=None)
@given(_SHORT_LINES, _GLUE_LINES, _SHORT_LINES)
@example([], ["Support The"], ["Moscow Times!"])
def test_a_folded_text_without_an_anchor_leaves_every_line_whole(
    head: list[str], lines: list[str], tail: list[str]
) -> None:
    """The detector reads a page's lines as they are where its folded text holds no anchor."""
    lines = head + lines + tail
    folded_text = " ".join(key for key in map(fold, lines) if key)
    assert may_hold_glued(folded_text) or split_glued(lines, _GLUED) == lines


def test_a_marker_joined_by_cutting_a_long_line_to_its_ends_is_found() -> None:
    """The detector reads a very long line by its ends: a marker whose halves
    the cut brings together is in no folded form of the whole line."""
    for left, right, claimed in (("Support The", "Moscow Times! ", 0.9), ("Read more", "about: Russia ", 0.2)):
        huge = ("word " * 2000 + left)[-5000:] + " " + "middle " * 200 + " " + (right + "word " * 2000)[:5000]
        parts = [ends_of(huge)]
        assert split_glued_lines(parts) == split_glued(parts, _GLUED)
        assert len(split_glued(parts, _GLUED)) > 1
        dump = f"Some headline here\n\n{huge}\n".encode()
        page = Page.from_raw(RawDocument(uri="x.txt", data=dump, content_type=TEXT))
        assert detection.score(page) >= claimed


def _parsed(lines: tuple[str, ...], folded: tuple[str, ...] | None) -> object:
    try:
        return parse_lines(lines, folded=folded)
    except NotAnArticle as error:
        return str(error)


def test_parsing_from_the_folded_lines_gives_what_parsing_the_lines_gives() -> None:
    glued = ["Support The Moscow Times! Headline Of The Story Is Here", "x" * 700, "Read more about: War"]
    for lines in [*_fixture_lines(), tuple(glued), tuple(glued[::-1])]:
        page_folded = tuple(fold(line) for line in lines)
        assert _parsed(lines, page_folded) == _parsed(lines, None), lines[:3]


def test_glue_check_passes_over_pages_without_markers() -> None:
    assert not _may_be_glued(["Support for the Moscow metro grew.", "«Times» are hard — says ſomeone"])


def test_newsletter_shortcut_gives_the_strip_on_every_fixture() -> None:
    for lines in _fixture_lines():
        assert _strip_newsletter(lines) == _NEWSLETTER.strip(lines)


@pytest.mark.parametrize(
    "line",
    [
        "Sign up for our free weekly newsletter",
        "Sign up for our fr",
        "Subscribers agree to the Privacy Policy",
        " " * 700 + "Sign up for our free weekly newsletter",
        "\u200b" * 700 + "Our weekly newsletter contains",
        "Our weekly newsletter contains " + "news " * 200,
    ],
)
def test_newsletter_shortcut_keeps_every_box_line(line: str) -> None:
    lines = ["Headline Of The Story", "The first paragraph of the story, long enough to be text.", line]
    assert _strip_newsletter(lines) == _NEWSLETTER.strip(lines)
    assert _strip_newsletter(lines[:2]) == _NEWSLETTER.strip(lines[:2]) == lines[:2]


def test_a_line_key_of_folds_whole_is_kept_whole_by_ends_of() -> None:
    """The detector takes such lines as their own sample, without ends_of."""
    line = "\u00e9" * KEY_CHARS
    assert not key_is_cut(line) and ends_of(line) == line


def test_a_long_lines_key_is_its_start_only_before_an_ascii_character() -> None:
    plain = "word " * 120 + "tail"
    assert key_is_start(plain) and fold(plain).startswith(key_of(plain))
    accented = "e" * 600 + "\u0301" + "x"  # the accent joins the cut letter in the whole line
    assert not key_is_start(accented) and not fold(accented).startswith(key_of(accented))


@pytest.mark.parametrize(
    "markup",
    [
        '<html><body><p class="lead\u00a0article">x</p></body></html>',
        "<html><body><pre>code <b>bold</b></pre></body></html>",
        "<html><body><template><p>x</p></template></body></html>",
    ],
)
def test_finder_leaves_pages_where_the_engines_may_differ(markup: str) -> None:
    assert TreeFinder.of(_page(markup)) is None


_CLUSTER = '<section class="cluster"><div data-title=" Related  one " data-url="/r1"></div></section>'
_ARTICLE = (
    '<article class="article"><header class="article__header"><h1>Head <i>line</i></h1><h2>Stand first.</h2>'
    '</header><div class="byline"><span class="byline__author__name">Ann Lee</span>'
    '<time class="byline__datetime" datetime=" 2024-01-02T10:00:00+03:00 ">x</time></div>'
    '<div class="article__content"><div class="article__block--html"><p>The first paragraph of the story is here '
    "and it is long enough to be read as text.</p></div>"
    '<aside class="article__related-article"><a href="/a1" title="Linked">x</a></aside>'
    '<figure class="article__featured-image"><figcaption><span class="a__caption">Smoke.</span>'
    '<span class="a__credits">TASS</span></figcaption></figure>'
    '<div class="article__block--html"><p>The second paragraph of the story ends the article for good.</p></div>'
    "</div></article>"
)
LAYOUTS = {
    "inside_outer": f"<html><body><article>{_ARTICLE}{_CLUSTER}</article>{_CLUSTER}</body></html>",
    "alone": f"<html><body>{_ARTICLE}<div>{_CLUSTER}</div></body></html>",
    "after_another": f"<html><body><article><p>teaser</p></article><main>{_ARTICLE}</main>{_CLUSTER}</body></html>",
    "nested_scope": f"<html><body><article><article>{_ARTICLE}</article>{_CLUSTER}</article></body></html>",
    "cluster_above": f'<html><body><section class="cluster"><article><div>{_ARTICLE}</div>'
    '<p data-title="Inner">x</p></article></section></body></html>',
    # Text read by lxml: a comment and a script in the headline (get_text skips both),
    # a caption box nested in a removed block; then a content element holding text only.
    "lxml_text": '<html><body><article class="article"><header class="article__header">'
    "<h1>Head<!-- x --> <b>line</b><script>var x;</script> here</h1></header>"
    '<div class="article__content">The only paragraph of the story, told in one line that is long enough. '
    '<div class="article__block--image"><figure><figcaption>Smoke. <span class="x__credits">TASS</span>'
    "</figcaption></figure></div> And it goes on after the photo for a while longer, as stories do.</div>"
    "</article></body></html>",
    "text_only_content": '<html><body><article class="article"><p>Teaser of another story, not this one at all.</p>'
    '<div class="article__content">The only paragraph of the story, told in one line that is long enough.</div>'
    "</article></body></html>",
    # Older layout read on lxml: the longer container by its text (a script's left out),
    # a see-also link given its address, a figure's caption.
    "legacy_links": "<html><body><article><p>short</p><script>var padding = 'longer than the other';</script>"
    "</article><article><h1>A Legacy Headline Here</h1><p>By Ann Lee</p>"
    "<p>The only paragraph of the old story is long enough to be read as text, and it ends here.</p>"
    "<figure><figcaption>Smoke over the city. Kremlin.ru</figcaption></figure>"
    '<p>See also: <a href="/news/linked">A Linked Story</a></p></article></body></html>',
    "legacy": "<html><body><article><p>short</p></article><article><h1>A Legacy Headline Here</h1><p>By Ann Lee</p>"
    "<p>The only paragraph of the old story is long enough to be read as text.</p></article></body></html>",
}


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_finder_reads_what_soupsieve_reads(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    fast_page = _page(LAYOUTS[name])
    assert TreeFinder.of(fast_page) is not None
    fast = html.extract(fast_page)
    with monkeypatch.context() as patch:
        patch.setattr(TreeFinder, "of", classmethod(lambda cls, page: None))
        plain = html.extract(_page(LAYOUTS[name]))
    assert fast == plain


#: Keys near the evidence phrases: whole, cut, run on, and near misses.
_EVIDENCE_KEYS = st.lists(
    st.builds(
        lambda phrase, cut, tail: phrase[:cut] + tail,
        st.sampled_from(detection._EVIDENCE),
        st.integers(min_value=0, max_value=120),
        st.sampled_from(("", " and more", ".", "x", ": the moscow times")),
    ),
    max_size=8,
)


@settings(max_examples=300, deadline=None)
@given(_EVIDENCE_KEYS)
def test_evidence_is_what_every_phrase_compared_finds(keys: list[str]) -> None:
    strong = {key for key in keys if key in phrases.STRONG_LINES}
    strong |= {p for key in keys for p in phrases.STRONG_PREFIXES if key.startswith(p)}
    good = any(key in phrases.GOOD_LINES for key in keys)
    weak = {p for key in keys for p in phrases.WEAK_EVIDENCE if key.startswith(p)}
    assert detection._evidence(keys) == (strong, good, weak)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from((*phrases.SITE_MENU, *phrases.CHROME_LINES[:8], "a paragraph")), max_size=12))
def test_menu_evidence_skipped_only_where_the_run_holds_too_few_own_names(head: list[str]) -> None:
    best, own = pageparts.menu_run(head, menu=phrases.CHROME_KEYS, own=frozenset(phrases.SITE_MENU))
    expected = 0.0 if own < 2 or best < 5 else (0.6 if own == 2 else 0.7)
    assert detection._menu_evidence(head) == expected


@pytest.mark.parametrize(
    "line",
    [
        *("2 hours ago Council Approves Budget", "an hour ago X", "A DAY AGO x", "12 minutes ago", "3 days ago "),
        *("— Update: 18:05", "- Updated 9:30", "– update:18:05 ", "— Update: 18:05 later", "Updated: 18:05"),
        *("The council met two hours ago and left.", "", "ago", "-"),
    ],
)
def test_one_pattern_finds_a_ticker_or_a_stamp_where_either_does(line: str) -> None:
    either = bool(pageparts.TICKER.match(line) or pageparts.UPDATE_STAMP.match(line))
    assert (_TICKER_OR_STAMP.match(line) is not None) == either


def _plain_chrome(line: str) -> bool:
    """:func:`masthead_moscow_times.parsing.is_chrome` with every rule asked of every line."""
    key = key_of(line)
    return (
        key in phrases.CHROME_KEYS
        or key.startswith(phrases.BODY_CLUTTER_PREFIXES)
        or is_time_note(line)
        or _TICKER_OR_STAMP.match(line.strip()) is not None
    )


#: The letters case-blind patterns take for "i", "k" and "s", which fold otherwise.
_TWINS = st.sampled_from(("\u0130", "\u0131", "\u017f", "\u212a"))
_CHROME_PIECES = st.one_of(
    st.from_regex(bylines._TIME_NOTE, fullmatch=True),
    st.from_regex(lines_module._BUILD_STAMP, fullmatch=True),
    st.from_regex(pageparts.TICKER, fullmatch=False),
    st.from_regex(pageparts.UPDATE_STAMP, fullmatch=True),
    _TWINS,
    st.sampled_from((" ", "\u2003", "\t", "\u0301", "\u0663", "\uff13", "\u2014", "\u2013", "A", "x", "5 min read")),
    st.sampled_from(sorted(phrases.CHROME_KEYS)),
)


@settings(max_examples=500)
@given(st.lists(_CHROME_PIECES, min_size=1, max_size=3).map("".join))
@example("2 H\u0130ours ago Headline")
@example("Last  upd\u0430ted:")
@example("\u2014 Update: 18:05")
@example("UPDATED:   12 M\u0130NUTES   AGO")
@example(". Last Updated: 07/27/2016")
def test_chrome_asks_the_time_note_and_ticker_rules_only_where_they_may_match(line: str) -> None:
    assert is_chrome(line) == _plain_chrome(line)
    assert is_chrome(line.lower()) == _plain_chrome(line.lower())


@pytest.mark.parametrize("lines", _fixture_lines(), ids=lambda lines: lines[0][:20])
def test_chrome_answers_as_the_plain_rules_on_the_fixtures(lines: tuple[str, ...]) -> None:
    assert [is_chrome(line) for line in lines] == [_plain_chrome(line) for line in lines]


_CREDIT_PIECES = st.one_of(
    *(st.from_regex(pattern, fullmatch=True) for pattern in bylines._REPORTING),
    _TWINS,
    st.sampled_from((" ", "\u2003", "\t", "AFP", "Reuters", "REPORTING", "Contributed", "x" * 600, "\u00e9")),
)


@settings(max_examples=500)
@given(st.lists(_CREDIT_PIECES, min_size=1, max_size=3).map("".join))
@example("Includes REPORTING from AFP.")
@example("Reuters  contributed\treporting.")
def test_a_reporting_credit_may_credit(line: str) -> None:
    """The body asks the credit rule only of the lines _may_credit names."""
    if attribution_names(line) is not None:
        assert _may_credit(line, key_of(line))


def test_a_line_without_the_credit_words_is_no_credit() -> None:
    assert not _may_credit("Includes coverage from AFP.", key_of("Includes coverage from AFP."))
    assert attribution_names("Includes coverage from AFP.") is None
    line = "Includes rep\u0130rting from AFP."  # not ASCII: asked
    assert _may_credit(line, key_of(line))


@given(st.text(alphabet=st.characters(max_codepoint=0x2100), max_size=30))
@example("Москва")
@example("\u03ff\u0500 \ud800")
@example("“Quoted” — English")
def test_cyrillic_is_found_by_its_utf8_lead_bytes_as_by_the_pattern(text: str) -> None:
    assert source.has_cyrillic(text) == (re.search("[\u0400-\u04ff]", text) is not None)
