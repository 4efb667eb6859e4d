"""The parser's shortcuts answer as the plain rules they skip.

The parser reads the page's folded lines to tell which lines may be bylines
or lines of a related-links box before asking the rules, and keeps the
bylines it read from page to page. The plain rules are asked here of lines
built from every spelling their expressions accept.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from masthead import NotAnArticle, Page
from masthead.extract.bylines import date_line
from masthead.extract.text import fold
from masthead.testing import document
from masthead_russia_briefing import boilerplate, byline, parsing

FIXTURES = Path(__file__).parent / "fixtures" / "dumps"

#: Each letter's spellings that a case-blind expression takes for it.
_CASES = {letter: (letter, letter.upper()) for letter in "abcdefghijklmnopqrstuvwxyz"}
_CASES |= {"i": ("i", "I", "\u0130", "\u0131"), "s": ("s", "S", "\u017f"), "k": ("k", "K", "\u212a")}
#: What may sit around and inside a spelling: separators, spaces of several
#: kinds, letters, digits, fullwidth forms and combining marks.
_AROUND = ("-", "_", " ", ":", ".", "x", "7", "2017", "\u00a0", "\u2003", "\t", "\uff52", "\u0301", "\u0307", "A")


def _spelled(word: str) -> st.SearchStrategy[str]:
    """``word`` in any case, a letter at a time."""
    return st.tuples(*(st.sampled_from(_CASES.get(char, (char,))) for char in word)).map("".join)


_RELATED_PIECES = st.one_of(
    _spelled("related"),
    _spelled("reading"),
    _spelled("readings"),
    _spelled("further"),
    _spelled("rb"),
    _spelled("icons"),
    _spelled(".png"),
    st.sampled_from((*_AROUND, " Russia Trade", "Related Reading", "Further reading:")),
)


@settings(max_examples=600)
@given(st.lists(_RELATED_PIECES, max_size=7).map("".join))
def test_every_line_of_a_related_box_may_relate(line: str) -> None:
    """The body asks only lines whose folded form may_relate whether they belong to a box."""
    if boilerplate.related_line(line) is not None:
        assert parsing.may_relate(fold(line))


@pytest.mark.parametrize(
    "line",
    [
        "related-readings_rb-rb-icons_2017Prospects For Russia",
        "Related-Readings_RB-Icons_2021 Related Reading",
        "rb-related_readings_2019Russia Trade",
        "  RELATED-READ\u0130NGS_\u212a Trade",  # the letters case-blind matching pairs with ASCII ones
        "Related Reading:",
        "FURTHER READING",
        "Related readings: Russia's Tax Guide",
        "related-readings.png",
    ],
)
def test_odd_lines_of_a_related_box_may_relate(line: str) -> None:
    assert boilerplate.related_line(line) is not None
    assert parsing.may_relate(fold(line))


_BYLINE_PIECES = st.one_of(
    _spelled("posted"),
    _spelled(" on"),
    _spelled(" by"),
    st.sampled_from((*_AROUND, " Anna", "\u2003", "\uff50", "\u0301x")),
)


@settings(max_examples=400)
@given(st.lists(st.lists(_BYLINE_PIECES, max_size=5).map("".join), max_size=6))
def test_the_bylines_of_a_page_are_the_lines_the_byline_rule_takes(lines: list[str]) -> None:
    for line in lines:
        assert bool(parsing._marks(line, fold(line)) & parsing.BYLINE) == bool(byline.is_byline(line))


_BYLINES = (
    *("Posted by", "Posted by Chris Devonshire-Ellis", "Posted by Written by Dezan Shira & Associates"),
    *("Reading Time: 4 minutes", "Reading Time: < 1 minute", "Written by Anna Ivanova and Boris Petrov"),
    *("on 21st March 2022", "March 3, 2021", "| Leave a comment", "Posted on by"),
)


@given(st.lists(st.lists(st.sampled_from(_BYLINES), min_size=1, max_size=3), min_size=1, max_size=4))
def test_a_kept_byline_reads_as_a_new_one(bylines: list[list[str]]) -> None:
    """Bylines read on earlier pages are kept; each reads as read afresh."""
    for lines in bylines:
        assert byline.parse(lines) == byline._read(" ".join(lines))


def test_the_kept_bylines_are_dropped_when_full(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(byline, "KEPT_LINES", 2)
    byline._KEPT.clear()
    for name in ("Anna Ivanova", "Boris Petrov", "Chris Devonshire-Ellis"):
        assert byline.parse([f"Posted by {name}"]).authors == (name,)
    assert list(byline._KEPT) == ["Posted by Chris Devonshire-Ellis"]
    long = "Posted by " + " and ".join(["Anna Ivanova"] * 20)
    byline.parse([long])
    assert long not in byline._KEPT


def _read(lines: tuple[str, ...], folded: tuple[str, ...] | None) -> object:
    try:
        return parsing.parse_lines(lines, folded=folded)
    except NotAnArticle as exc:
        return str(exc)


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.txt")), ids=lambda path: path.stem)
def test_a_dump_reads_the_same_with_its_folded_lines_or_without(path: Path) -> None:
    page = Page.from_raw(document(path.read_text(encoding="utf-8")))
    assert _read(page.lines, page.folded_lines) == _read(page.lines, None)


_HEADING_PIECES = st.one_of(
    st.from_regex(boilerplate.COMMENT_COUNT.patterns[0], fullmatch=False),
    st.sampled_from(("2", "\u0663", "\uff13", "\u00b2", "One", "NO", "none", " ", "\u2003", "Responses to", "x")),
    _spelled("thoughts on"),
)


@settings(max_examples=400)
@given(st.lists(st.lists(_HEADING_PIECES, max_size=4).map("".join), max_size=6))
def test_the_comment_headings_of_a_page_are_the_lines_the_heading_rule_takes(lines: list[str]) -> None:
    for line in lines:
        assert parsing._is_heading(fold(line)) is boilerplate.COMMENT_COUNT.matches(line)


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.txt")), ids=lambda path: path.stem)
def test_a_dump_reads_the_same_comments_with_its_folded_lines_or_without(path: Path) -> None:
    page = Page.from_raw(document(path.read_text(encoding="utf-8")))
    folded = parsing.dump_comments(page.lines, folded_text=page.folded_text, folded=page.folded_lines)
    assert folded == parsing.dump_comments(page.lines)


_BOX_PIECES = st.one_of(
    _spelled("related-readings_rb-icons_2017"),
    _spelled("related reading"),
    st.sampled_from((*_AROUND, ":", " Title", "Further reading: X", "rb-", ".png", "?")),
)


@settings(max_examples=400)
@given(st.lists(_BOX_PIECES, max_size=5).map("".join))
def test_a_box_line_is_the_related_line_and_whether_it_has_the_icon(line: str) -> None:
    assert boilerplate.box_line(line) == (boilerplate.related_line(line), boilerplate.has_artifact(line))


def _cut_opening_long_way(line: str) -> bool:
    key = fold(line)
    return len(key) >= 2 and any(opening.startswith(key) for opening in boilerplate._OPENINGS)


@settings(max_examples=400)
@given(
    st.one_of(st.sampled_from(boilerplate._OPENINGS), st.text(max_size=8)).flatmap(
        lambda opening: st.tuples(st.integers(0, len(opening) + 1), st.sampled_from(("", " ", "X", "\u00a0", "."))).map(
            lambda cut: opening[: cut[0]].upper() + cut[1]
        )
    )
)
def test_a_cut_opening_is_one_look_up_of_every_start_of_an_opening(line: str) -> None:
    assert boilerplate.is_cut_opening(line) == _cut_opening_long_way(line)


#: The plain rule :func:`parsing._ends_clause` answers as.
_CLAUSE_END = re.compile(r"[.!?…:;,]['\"’”)\]]*$")


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=".!?…:;,'\"’”)]([ a\n\r\t\u2029", max_size=12))
def test_a_clause_ends_where_the_expression_finds_its_end(line: str) -> None:
    """The stop and closers are found at the end without the expression, a
    last line feed (which ``$`` may stand before) included."""
    assert parsing._ends_clause(line) is (_CLAUSE_END.search(line) is not None)


def _plain_kinds(line: str) -> tuple[dict[int, bool], str | None]:
    """What :func:`parsing.kinds_of` answers for ``line``, each rule asked as it stands."""
    iso = date_line(line)
    return {
        parsing.FOOTER: boilerplate.FOOTER.matches(line),
        parsing.BLURB: boilerplate.FOOTER.matches(line) and boilerplate.BLURB.matches(line),
        parsing.ABOUT: boilerplate.ABOUT.matches(line),
        parsing.CHROME: boilerplate.CHROME.is_boilerplate(line),
        parsing.CAPTION: boilerplate.is_caption(line),
        parsing.DATE: iso is not None,
        parsing.DAY: iso is not None and "T" not in iso,
        parsing.RELATES: parsing.may_relate(fold(line)),
        parsing.BYLINE: byline.is_byline(line),
        parsing.HEADING: boilerplate.COMMENT_COUNT.matches(line),
        parsing.THREAD_END: boilerplate.THREAD_END.matches(line),
    }, iso


def _assert_plain_kinds(line: str) -> None:
    kinds, iso = parsing.kinds_of(line, fold(line))
    expected, expected_iso = _plain_kinds(line)
    assert {bit: bool(kinds & bit) for bit in expected} == expected, line
    assert iso == expected_iso
    assert not kinds & parsing.PENDING


_FIXTURE_LINES = sorted(
    {line for path in sorted(FIXTURES.glob("*.txt")) for line in path.read_text(encoding="utf-8").splitlines()}
)
_FAMILY_PHRASES = sorted(
    {
        phrase
        for family in (*boilerplate.CHROME_FAMILIES, boilerplate.FOOTER, boilerplate.THREAD_END)
        for phrase in (*family.exact, *family.prefixes, *family.contains)
    }
)


@pytest.mark.parametrize("line", _FIXTURE_LINES)
def test_the_kinds_of_a_fixture_line_are_the_rules_answers(line: str) -> None:
    _assert_plain_kinds(line)


_KIND_LINES = st.one_of(
    st.sampled_from(_FIXTURE_LINES),
    st.sampled_from(_FAMILY_PHRASES).flatmap(
        lambda phrase: st.sampled_from((phrase, phrase.upper(), f"{phrase}:", f"{phrase} and more words", phrase[:13]))
    ),
    st.sampled_from([pattern for family in boilerplate.CHROME_FAMILIES for pattern in family.patterns]).flatmap(
        lambda pattern: st.from_regex(pattern, fullmatch=False)
    ),
    st.lists(_HEADING_PIECES, max_size=4).map("".join),
    st.lists(_BYLINE_PIECES, max_size=5).map("".join),
    st.lists(_BOX_PIECES, max_size=5).map("".join),
    st.sampled_from(_BYLINES),
    st.text(max_size=40),
)


@settings(max_examples=500, deadline=None)
@given(_KIND_LINES)
def test_the_kinds_of_a_line_are_the_rules_answers(line: str) -> None:
    """One look-up per line answers every pass: each bit is the answer of
    the rule it stands for (the heading asked only of footer lines, the
    blurb likewise)."""
    _assert_plain_kinds(line)


@settings(max_examples=150, deadline=None)
@given(st.lists(_KIND_LINES, max_size=12), st.lists(st.integers(0, 11), max_size=12))
def test_a_page_s_pending_kinds_settle_to_the_line_s_kinds(lines: list[str], settle_first: list[int]) -> None:
    """A page leaves chrome, captions and (below its first footer line)
    dates pending; whatever is kept from earlier pages and in whatever order
    its lines settle, each settles to :func:`parsing.kinds_of`, and the
    bits known at once are already that."""
    lines = [line for line in lines if line.strip()]
    folded = [fold(line) for line in lines]
    for kept in ((), lines[::2]):  # nothing kept, or some lines kept by an earlier page
        parsing._KEPT_KINDS.clear()
        parsing._Kinds(kept, [fold(line) for line in kept])
        page = parsing._Kinds(lines, folded)
        footer = next((index for index, kind in enumerate(page.kinds) if kind & parsing.FOOTER), len(lines))
        for index, line in enumerate(lines):
            kinds, iso = parsing.kinds_of(line, fold(line))
            pending = page.kinds[index] & parsing.PENDING
            assert page.kinds[index] & ~parsing.PENDING == kinds & ~_pending_bits(pending)
            if index <= footer:  # the listing test's dates are known
                assert not pending & parsing.DATE_PENDING
                assert page.dates.get(line) == iso
        for index in [*settle_first, *range(len(lines))]:
            if index < len(lines):
                assert page.settled(index) == parsing.kinds_of(lines[index], folded[index])[0]
        assert page.dates == {line: iso for line in lines if (iso := date_line(line)) is not None}


def _pending_bits(pending: int) -> int:
    """The bits of :func:`parsing.kinds_of` that ``pending`` leaves unknown."""
    unknown = 0
    if pending & parsing.LOOKS_PENDING:
        unknown |= parsing.CHROME | parsing.CAPTION
    if pending & parsing.DATE_PENDING:
        unknown |= parsing.DATE | parsing.DAY
    return unknown


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.txt")), ids=lambda path: path.stem)
def test_a_dump_s_comments_read_with_its_lines_are_the_thread_reader_s(path: Path) -> None:
    """:func:`parsing.parse_lines` reads a dump's thread from the kinds of its lines."""
    page = Page.from_raw(document(path.read_text(encoding="utf-8")))
    try:
        extract = parsing.parse_lines(page.lines, folded=page.folded_lines, comments=True)
    except NotAnArticle:
        return
    assert extract.comments == parsing.dump_comments(page.lines)
