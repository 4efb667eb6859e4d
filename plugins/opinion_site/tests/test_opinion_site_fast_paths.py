"""The detector's and splitter's shortcuts skip only lines that cannot count.

The detector reads only lines holding what its evidence must hold (the
site's name, "more" and "topic" for the marker, "click to see" for
the map link), and the splitter asks for donations only of boilerplate:
each shortcut rests on a necessary condition, checked here on the
fixtures' lines and on varied text. The splitter's answers given without
asking again (the team's sign-off, a loose headline, a dump's folded
lines) are checked against the questions they stand for.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, reject, settings
from hypothesis import strategies as st
from opinion_site_helpers import CORPUS, FIXTURES

from masthead import Page
from masthead.errors import InputError
from masthead.extract import boilerplate, bylines, shapes
from masthead.extract import comments as thread
from masthead.extract.document import TEXT, RawDocument
from masthead.extract.text import fold
from masthead_opinion_site import boilerplate as bp
from masthead_opinion_site import detect, splitter


def _fixture_lines() -> list[str]:
    paths = [*sorted((FIXTURES / "dumps").glob("*.txt")), *sorted(Path(CORPUS).glob("*.txt"))]
    return sorted({line.strip() for path in paths for line in path.read_text(encoding="utf-8").splitlines()} - {""})


_PHRASES = (
    *("MORE ON THE TOPIC:", "More  on the topic: Syria", "more on the topics", "Support SouthFront", "SOUTH FRONT"),
    *("Written by Ann Lee exclusively for SouthFront", "Click to see full-size map", "click to see the full-size"),
    *("PayPal: southfront@list.ru", "patreon.com/southfront", "Do you like this content? Consider helping us!"),
    *(
        "SouthFront's work is impossible without your support.",
        "Support us",
        "Ｓｏｕｔｈ Ｆｒｏｎｔ",
        "ＭＯＲＥ ON THE TOPIC",
    ),
)
_LINES = st.one_of(
    st.sampled_from(_fixture_lines()),
    st.lists(st.one_of(st.sampled_from(_PHRASES), st.text(max_size=12)), min_size=1, max_size=4).map(" ".join),
)


@settings(max_examples=400, deadline=None)
@given(_LINES)
def test_evidence_lines_hold_what_the_detector_looks_for(line: str) -> None:
    key = fold(line)
    rest = boilerplate.marker_rest(line, bp.MARKER)
    assert bp.marker_rest(line) == rest
    if rest is not None:
        assert key.startswith(detect._MARKER_FIRST) and detect._MARKER_LAST in key
    if detect._is_button(key) or detect._is_appeal(line, key) or detect._is_own_byline(key):
        assert detect._names_site(key)
    assert detect._names_site(key) is any(name in key for name in detect._NAMES)
    if bp.is_full_size_helper_folded(key):
        assert detect._HELPER_WORDS in key


@settings(max_examples=400, deadline=None)
@given(_LINES)
def test_a_donation_line_is_boilerplate(line: str) -> None:
    assert splitter._is_donation(line) is bp.is_donation(line)


_TITLES = st.one_of(
    _LINES,
    st.tuples(_LINES, st.sampled_from((" | ", " - ", " \u2013 ", ": ", " ")), st.sampled_from(_PHRASES)).map("".join),
    st.tuples(
        _LINES,
        st.sampled_from(
            (
                *(
                    " | SouthFront",
                    " – South Front Maps",
                    " | SOUTHFRONT: Analysis and Intelligence",
                    " | SouthFront  ",
                ),
                # Ends told apart by their last characters: other spaces, case,
                # and letters case-blind matching pairs with ASCII ones.
                *(
                    " - South Front MAPS\u00a0",
                    " | South Front Map\u017f",
                    " | SouthFront: Analysis & \u0130ntelligence",
                ),
                *(" | SouthFront\u201d", " | Southfront.", " — SouthFront Maps \u2003", " front", "FRONT"),
            )
        ),
    ).map("".join),
)


@settings(max_examples=400, deadline=None)
@given(_TITLES)
def test_the_site_name_is_cut_as_the_suffix_pattern_cuts_it(title: str) -> None:
    assert bp.without_site_name(title) == bp._SITE_SUFFIX.sub("", title).strip()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_TITLES, st.sampled_from(("", "  ", " | SouthFront", "SouthFront  "))), max_size=8))
def test_a_page_loses_the_site_name_as_each_of_its_lines_does(lines: list[str]) -> None:
    assert bp.without_site_names(lines) == [bp.without_site_name(line) or line for line in lines]


_APPEAL_LINES = st.one_of(
    st.sampled_from(_fixture_lines()),
    st.sampled_from(
        (
            *(
                "Do you like this content? Consider helping us!",
                "Our work is impossible without your support.",
                "PayPal",
            ),
            *("If you want to support SouthFront but have no opportunity to do it financially, repost", "BTC: bc1q"),
            *("a short line", "The talks resumed in Geneva on Monday after a long pause, the ministry said in a note."),
        )
    ),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_APPEAL_LINES, max_size=20), st.data())
def test_appeal_lines_before_a_stop_are_the_blocks_that_open_before_it(lines: list[str], data: st.DataObject) -> None:
    stop = data.draw(st.integers(0, len(lines)))
    every = {i for span in bp.BOILERPLATE.spans(lines) for i in range(span.start, span.end)}
    opened = {i for span in bp.BOILERPLATE.spans(lines) if span.start < stop for i in range(span.start, span.end)}
    keys = [fold(line) for line in lines]
    assert bp.appeal_lines(lines) == every == bp.appeal_lines(lines, keys=keys)
    assert bp.appeal_lines(lines, stop) == opened == bp.appeal_lines(lines, stop, keys=keys)


def test_an_appeal_block_opens_only_on_its_phrases() -> None:
    # What the pre-check on the folded lines rests on.
    assert not bp.APPEAL.start.exact and not bp.APPEAL.start.patterns


@settings(max_examples=300, deadline=None)
@given(_LINES)
def test_a_block_opens_on_a_boilerplate_line(line: str) -> None:
    if bp.APPEAL.start.matches(line):
        assert bp.is_boilerplate(line)


_COMMENT_CHROME_LINES = st.one_of(
    _LINES,
    st.sampled_from(sorted({*thread.COMMENT_CHROME.exact, *thread.COMMENT_CHROME.prefixes})).flatmap(
        lambda phrase: st.integers(1, len(phrase)).map(lambda cut: phrase[:cut].upper())
    ),
    st.sampled_from(("12 comments", "Sort by newest oldest", "+3", "2 years ago", "Reply to Rob Stone")),
)


@settings(max_examples=400, deadline=None)
@given(_COMMENT_CHROME_LINES)
def test_the_site_boilerplate_covers_the_platform_comment_chrome(line: str) -> None:
    # The splitter's thread reader is told so (covers_platform=True).
    if thread.COMMENT_CHROME.matches(line) or thread.COMMENT_CHROME.matches_cut(line):
        assert bp.is_boilerplate(line)


def _plain_is_boilerplate(line: str, *, last: bool = False) -> bool:
    """What ``bp.is_boilerplate`` stands for, family by family, uncached."""
    return bp.is_donation(line) or bp.BOILERPLATE.is_boilerplate(line, last=last)


def test_the_families_phrases_are_folded_so_their_union_is_theirs() -> None:
    # What reading the families as one rests on: the union's phrases are
    # folded again on creation and must stay as each family holds them.
    for family in bp._FAMILIES:
        for phrase in (*family.exact, *family.prefixes, *family.contains):
            assert fold(phrase) == phrase, (family.name, phrase)


def _phrase_variants(phrase: str) -> st.SearchStrategy[str]:
    """A phrase cut short, in capitals or not, with what may trail it or a sentence after it."""
    return st.tuples(
        st.integers(1, len(phrase)).map(lambda cut: phrase[:cut]),
        st.sampled_from((str, str.upper, str.title)),
        st.sampled_from(("", ":", ".", "!", " …", " and then a sentence of many more words goes on here", " BTC")),
    ).map(lambda parts: parts[1](parts[0]) + parts[2])


_BOILERPLATE_LINES = st.one_of(
    _LINES,
    _COMMENT_CHROME_LINES,
    st.sampled_from(sorted({p for f in bp._FAMILIES for p in (*f.exact, *f.prefixes, *f.contains)})).flatmap(
        _phrase_variants
    ),
    st.sampled_from(
        (
            *("0 $", "2,500 $", "MARCH 2025", "USDT (TRC20): T9yD14Nj9j7xAB4dbGeiX9h8unkKHxuWwb", "© 2025 SouthFront"),
            *("Tags: Syria, Russia", "bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh", "Support us with a donation today"),
            *("Support us: the team asks every reader of this long appeal to give what they can afford now",),
        )
    ),
)


@settings(max_examples=600, deadline=None)
@given(_BOILERPLATE_LINES, st.booleans())
def test_boilerplate_read_against_the_families_as_one_is_read_family_by_family(line: str, last: bool) -> None:
    assert bp._judge(line, last=last) is _plain_is_boilerplate(line, last=last)


def test_the_fixture_lines_are_boilerplate_as_family_by_family() -> None:
    for line in _fixture_lines():
        for last in (False, True):
            assert bp._judge(line, last=last) is _plain_is_boilerplate(line, last=last), line


_BYLINE_LINES = st.one_of(
    _LINES,
    st.tuples(
        st.sampled_from((*bp.TEAM_CREDITS, "SOUTHFRONT  TEAM", "sf team.", "By Ann Lee", "Written by SF Team")),
        st.sampled_from(("", ".", " ", "..", " on 07.04.2025")),
    ).map("".join),
)


@settings(max_examples=300, deadline=None)
@given(_BYLINE_LINES)
def test_the_team_sign_off_is_read_as_the_toolkit_reads_credits(line: str) -> None:
    assert bp.byline_names(line) == bylines.byline_names(line, credits=bp.TEAM_CREDITS)


@settings(max_examples=300, deadline=None)
@given(_LINES)
def test_a_strict_headline_is_a_loose_one(line: str) -> None:
    # The splitter's judge answers a loose question from a strict "yes".
    if shapes.is_headline(line):
        assert shapes.is_headline(line, strict=False)


def test_a_page_split_with_its_folded_lines_splits_as_without() -> None:
    for path in sorted((FIXTURES / "dumps").glob("*.txt")):
        lines = Page.from_raw(RawDocument(uri=str(path), data=path.read_bytes(), content_type=TEXT)).lines
        folded = tuple(map(fold, lines))
        assert splitter.split_lines(lines, folded=folded) == splitter.split_lines(lines), path.name


def test_boilerplate_answers_are_kept_for_short_lines_and_about_a_page_of_paragraphs() -> None:
    """The answers are the rule's, however asked, and what is kept stays
    small: short lines across pages, paragraphs only the last few hundred."""
    # The stores are the process's: emptied first, so none reaches its bound
    # (and empties itself) while this test's lines go in.
    bp._KEPT.clear()
    bp._KEPT_LAST.clear()
    paragraphs = [f"Paragraph {n} of a page that no other test reads, long enough to be one. " * 3 for n in range(600)]
    asked = ["Reply", "Support SouthFront", "PDF Download", "MORE ON THE TOPIC:", "Do you like this content?"]
    for line in [*asked, *paragraphs, "Do you like this content? Consider helping us!" * 4]:
        for last in (False, True):
            assert bp.is_boilerplate(line, last=last) is bp._judge(line, last=last), (line, last)
        assert bp.is_boilerplate(line) is bp.is_boilerplate(line, last=False)
    assert set(asked) <= set(bp._KEPT) and set(asked) <= set(bp._KEPT_LAST)
    assert all(len(line) <= boilerplate.KEPT_CHARS for line in (*bp._KEPT, *bp._KEPT_LAST))
    assert bp._paragraph_is_boilerplate.cache_info().currsize <= bp._PARAGRAPHS < len(paragraphs)


def _every_part_score(page: Page) -> float:
    """The detector's score with every part read, none skipped."""
    lines, keys = page.lines, page.folded_lines
    total = detect._marker_score(lines, keys, page.folded_text)
    named = [i for i, key in enumerate(keys) if detect._names_site(key)]
    if any(
        detect._is_button(keys[i]) or detect._is_appeal(lines[i], keys[i]) or detect._is_own_byline(keys[i])
        for i in named
    ):
        total += 0.8 if total == 0.0 else 0.1
    if any(key in detect._BANNERS for key in keys[: detect._BANNER_LINES]):
        total += 0.4
    total += detect._helper_score(keys, page.folded_text)
    total += min(0.25, 0.1 * len(named))
    if total > 0.3 and detect._has_comment_thread(lines, keys):
        total += 0.05 if total >= 0.5 else 0.1
    return max(0.0, min(1.0, total))


def _dump(lines: list[str]) -> Page:
    return Page.from_raw(RawDocument(uri="page.txt", data="\n".join(lines).encode(), content_type=TEXT))


_PAGE_LINES = st.one_of(
    _LINES,
    st.sampled_from(("SouthFront", "Leave a Reply", "• Rob", "• Ann", "Well said, and about time.", "MORE ON THE")),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PAGE_LINES, min_size=1, max_size=12))
def test_the_detector_skips_only_parts_that_cannot_change_the_score(lines: list[str]) -> None:
    try:
        page = _dump(lines)
        page.lines  # noqa: B018 - decoded and read: an empty or binary document is no page
    except InputError:
        reject()
    assert detect.score(page) == _every_part_score(page)


def test_the_fixture_dumps_score_as_with_every_part_read() -> None:
    for path in sorted((FIXTURES / "dumps").glob("*.txt")):
        page = Page.from_raw(RawDocument(uri=str(path), data=path.read_bytes(), content_type=TEXT))
        assert detect.score(page) == _every_part_score(page), path.name


def _plain_first_prose(lines: list[str], keys: list[str], judge: splitter._Judge, first: int, first_long: int) -> int:
    """``splitter._first_prose`` reading the lines from the page's first, not from its first content line."""
    for index, line in enumerate(lines):
        if not judge.prose(line) or not judge.text(line):
            continue
        if (index == first or splitter._repeated_nearby(keys, index)) and judge.headline(line, strict=False):
            continue
        if index == first_long and splitter._plain_title(line):
            continue
        return index
    return len(lines)


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINES, max_size=10))
def test_the_body_starts_where_reading_from_the_first_line_finds_it(lines: list[str]) -> None:
    keys = [fold(line) for line in lines]
    judge = splitter._Judge()
    first = splitter._first_content(lines, 0, len(lines), judge)
    first_long = splitter._first_content(lines, first, len(lines), judge, min_words=3)
    found = splitter._first_prose(lines, keys, len(lines), judge, first, first_long)
    assert found == _plain_first_prose(lines, keys, splitter._Judge(), first, first_long)
