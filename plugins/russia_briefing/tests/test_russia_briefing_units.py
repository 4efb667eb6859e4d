"""Unit checks of the byline and icon-artifact rules, with their edge cases."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from masthead import NotAnArticle, Page
from masthead.extract import comments
from masthead.extract.text import fold
from masthead.testing import assert_read_as_if_first, document
from masthead_russia_briefing import boilerplate, byline, parsing
from masthead_russia_briefing.parsing import _THREAD_WORDS, dump_comments, parse_lines

FIXTURES = Path(__file__).parent / "fixtures" / "dumps"


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("related-readings_rb-rb-icons_2017Prospects For Russia", "Prospects For Russia"),
        ("related-readings_rb-icons_2019Russia’s Budget", "Russia’s Budget"),
        ("related-readings_rb-rb-icons_2017“De-Dollarize” Plans", "“De-Dollarize” Plans"),
        ("related-readings_rb-icons_2017 Related Reading:", "Related Reading:"),
        ("related-readings_rb-icons 2024 Tax Changes", "2024 Tax Changes"),
        ("related-readings_rb-rb-icons_2017.png Russia Trade", "Russia Trade"),
        ("Related-Readings_RB-Icons_2021 Related Reading", "Related Reading"),
        ("Related-Readings_RB-Icons_2021Russia’s Budget", "Russia’s Budget"),
        ("related-reading_rb-icons_2021-150x150Russia’s Capital Controls", "Russia’s Capital Controls"),
        ("related-readings_rb-icons-1Russia Trade", "Russia Trade"),
        ("rb-related-readings_2019Russia Trade", "Russia Trade"),
        ("related_readings_rb_icons_2017Russia Trade", "Russia Trade"),
        ("related-readings_rb-rb-icons_2017eCommerce In Russia", "eCommerce In Russia"),
        ("Related readings of the Duma were delayed.", "Related readings of the Duma were delayed."),
        ("An ordinary paragraph.", "An ordinary paragraph."),
    ],
)
def test_strip_artifact(line: str, title: str) -> None:
    assert boilerplate.strip_artifact(line) == title


@pytest.mark.parametrize(
    ("lines", "authors", "published"),
    [
        (["Posted by"], (), None),
        (["Posted by Chris Devonshire-Ellis"], ("Chris Devonshire-Ellis",), None),
        (
            ["Posted by Written by A. N. Other and Chris Devonshire-Ellis"],
            ("A. N. Other", "Chris Devonshire-Ellis"),
            None,
        ),
        (["Posted by Written by Dezan Shira and Associates"], ("Dezan Shira and Associates",), None),
        (
            ["Posted by Written by Ivan Petrov & Dezan Shira & Associates"],
            ("Ivan Petrov", "Dezan Shira & Associates"),
            None,
        ),
        (["Posted by Chris Devonshire-Ellis on 21st March 2022"], ("Chris Devonshire-Ellis",), "2022-03-21"),
        (["Posted by", "2020-02-29"], (), "2020-02-29"),
        (["Posted by Maria Kotova Reading Time: 6 minutes"], ("Maria Kotova",), None),
        (["POSTED BY written by maria kotova"], ("maria kotova",), None),
    ],
)
def test_byline_parse(lines: list[str], authors: tuple[str, ...], published: str | None) -> None:
    found = byline.parse(lines)
    assert found.authors == authors
    assert found.published == published


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Posted by", True),
        ("Posted by Written by Chris Devonshire-Ellis Reading Time: 3 minutes", True),
        (
            "Posted by the Kremlin on its website, the decree sets out new rules for foreign banks "
            "operating in Russia and gives them until the end of the year to comply with the new capital "
            "requirements, which are stricter than before and apply to all branches.",
            False,
        ),
        ("The decree was posted by the Kremlin.", False),
    ],
)
def test_is_byline(line: str, expected: bool) -> None:
    assert byline.is_byline(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Home", True),
        ("Home » News » Business", True),
        ("News Business Legal Tax", True),
        ("Russia Extends Free E-Visa Scheme To Kaliningrad", False),
        ("Trade With Russia Rises", False),
    ],
)
def test_is_banner(line: str, expected: bool) -> None:
    assert boilerplate.is_banner(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Chris Devonshire-Ellis is the Chairman of Dezan Shira & Associates.", True),
        ("Dezan Shira & Associates also maintains offices or has alliance partners in Vietnam.", True),
        ("For assistance with investing in Russia, please contact Maria Kotova at or visit us at", True),
        ("Analysts at Dezan Shira & Associates said the new rules are strict.", False),
        ("The ruble fell to its lowest level since March, hurting importers of Dezan Shira clients.", False),
    ],
)
def test_is_advert(line: str, expected: bool) -> None:
    assert boilerplate.is_advert(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Moscow City business district at dusk. Photo: Shutterstock", True),
        ("Putin meets Modi in Delhi | Photo: kremlin.ru", True),
        ("The Bank of Russia headquarters (Image: Bank of Russia)", True),
        ("Photo by Jane Doe", True),
        ("© Rosatom", True),
        ("The Bank of Russia headquarters on Neglinnaya Street", False),
        ("Source: Ministry of Commerce of India", False),
        ("Putin meets Modi. Photo: TASS. He said more about the deal on Monday.", False),
    ],
)
def test_is_caption(line: str, expected: bool) -> None:
    assert boilerplate.is_caption(line) is expected


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Op/Ed by Chris Devonshire-Ellis", ("Chris Devonshire-Ellis",)),
        ("By Maria Kotova and Alexander Smirnov", ("Maria Kotova", "Alexander Smirnov")),
        ("By the way, prices rose.", ()),
        ("By 2024 the rate will fall", ()),
        ("Chris Devonshire-Ellis", ()),
    ],
)
def test_author_line(line: str, names: tuple[str, ...]) -> None:
    assert byline.author_line(line) == names


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Chris Devonshire-Ellis", True),
        ("Maria Kotova, Ivan Petrov & Olga Sokolova", True),
        ("Dezan Shira & Associates", True),
        ("Key Takeaways", False),
        ("Where The Cargo Is Going", False),
        ("Chris", False),
        ("Trade Rose 5% In 2023", False),
    ],
)
def test_is_name_line(line: str, expected: bool) -> None:
    assert byline.is_name_line(line) is expected


def test_dump_comments_are_read_flat_with_author_and_time() -> None:
    lines = [
        "Last paragraph of the article.",
        "2 Responses to “A Headline”",
        "Peter Hollis says:",
        "March 13, 2015 at 9:41 am",
        "First comment, first paragraph.",
        "Second paragraph.",
        "Reply",
        "Anna",
        "March 14, 2015 at 2:05 pm",
        "No comments from me on the tariff, just thanks.",
        "Leave a Reply",
        "Your email address will not be published.",
    ]
    found = dump_comments(lines)
    assert [(c.author, c.published, c.text) for c in found] == [
        ("Peter Hollis", "2015-03-13T09:41:00", "First comment, first paragraph.\nSecond paragraph."),
        ("Anna", "2015-03-14T14:05:00", "No comments from me on the tariff, just thanks."),
    ]
    assert all(c.parent is None for c in found)


def test_no_comment_heading_means_no_comments() -> None:
    assert dump_comments(["Leave a Reply", "Anna", "March 14, 2015 at 2:05 pm", "Text."]) == []


@pytest.mark.parametrize(
    "heading", ["2 Responses to \u201cA Headline\u201d", "ONE THOUGHT ON \u201cA\u201d", "3 Replies", "No Comments"]
)
def test_the_folded_text_only_spares_pages_without_a_heading(heading: str) -> None:
    """A page whose folded text holds no word of a comment heading is not read for a thread."""
    lines = ["Text.", heading, "Anna says:", "March 14, 2015 at 2:05 pm", "Thanks.", "Leave a Reply"]
    page = Page.from_raw(document("\n".join(lines)))
    assert dump_comments(lines, folded_text=page.folded_text) == dump_comments(lines) != []
    assert dump_comments(lines, folded_text="text. anna says: leave a reply") == []


def _forget_kept() -> None:
    parsing._KEPT_KINDS.clear()
    for other in (parsing._KEPT_BANNERS, parsing._KEPT_BOXES, parsing._KEPT_CONTINUATIONS, parsing._KEPT_NAME_LINES):
        other.clear()
    byline._KEPT.clear()
    comments._KEPT_STAMPS.clear()  # the thread reader's, kept for every outlet
    comments._KEPT_NAMES.clear()


def test_each_line_is_asked_about_the_blurb_and_the_chrome_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Several rules ask whether a line is the publisher blurb (or another
    footer line) or chrome; each is answered once per line (:func:`parsing.kinds_of`).
    The blurb itself is asked only of footer lines, and chrome and captions
    not of the lines of a related-links box, nor of the blurb and the
    comments below it."""
    _forget_kept()  # nothing known from earlier pages
    asked: dict[str, list[str]] = {"footer": [], "blurb": [], "chrome": [], "caption": []}

    class Counted:
        def __init__(self, family: Any, name: str, method: str) -> None:
            self.family, self.name, self.method = family, name, method

        def __getattr__(self, attribute: str) -> Any:
            found = getattr(self.family, attribute)
            if attribute != self.method:
                return found
            return lambda line, **kwargs: asked[self.name].append(line) or found(line, **kwargs)

    footer = boilerplate.FOOTER
    monkeypatch.setattr(boilerplate, "FOOTER", Counted(boilerplate.FOOTER, "footer", "matches_folded"))
    monkeypatch.setattr(boilerplate, "BLURB", Counted(boilerplate.BLURB, "blurb", "matches_folded"))
    monkeypatch.setattr(boilerplate, "CHROME", Counted(boilerplate.CHROME, "chrome", "is_boilerplate_folded"))
    real_caption = boilerplate.is_caption
    monkeypatch.setattr(
        boilerplate, "is_caption", lambda line: asked["caption"].append(fold(line)) or real_caption(line)
    )
    text = (FIXTURES / "article_2023_dateline_many_comments.txt").read_text(encoding="utf-8")
    extract = parse_lines(text.splitlines(), comments=True)
    assert extract.body and extract.tail_found and extract.comments and extract.related
    assert asked["footer"] and asked["chrome"]
    for name, keys in asked.items():
        assert len(keys) == len(set(keys)), name
    footers = [key for key in asked["footer"] if footer.matches_folded(key)]
    assert set(asked["blurb"]) <= set(footers)
    # the keys of the blurb, the boxes and the comments under them
    lines = text.splitlines()
    blurb = next(index for index, line in enumerate(lines) if line.startswith("Russia Briefing is"))
    below = {fold(line) for line in lines[blurb:] if line.strip()}
    assert not below & {*asked["chrome"], *asked["caption"]}
    assert extract.title is not None
    kept = {fold(extract.title), *map(fold, extract.body)}
    assert set(asked["chrome"]) == set(asked["caption"]) == kept


def _chrome_lines() -> list[str]:
    """Every fixture line, every phrase of the chrome families and each
    phrase's starts (a dump cut short), in several spellings."""
    lines = [line for path in sorted(FIXTURES.glob("*.txt")) for line in path.read_text(encoding="utf-8").splitlines()]
    for family in boilerplate.CHROME_FAMILIES:
        for phrase in (*family.exact, *family.prefixes, *family.contains):
            lines += [phrase, phrase.upper(), f"{phrase}:", f"{phrase} and more words"]
            lines += [phrase[:cut] for cut in range(1, len(phrase))]
    adverts = (
        "Our partner is at info@dezshira.com for more.",
        "Maria Ivanova is a senior associate at Dezan Shira & Associates’ Moscow office.",
        "Please contact us at russia@example.com or visit our website at",
        "For help, or visit us at www.dezshira.com",
        "Please contact the desk, or visit us in person.",
        "Dezan Shira advises on tax; visit us at the office.",
    )
    return [*lines, *adverts, *(f"Lead words. {advert}" for advert in adverts), ""]


def test_chrome_as_one_family_takes_the_lines_its_families_take() -> None:
    """CHROME asks the families' phrases and patterns as one family; a line
    is chrome exactly when one family takes it, whole or cut short."""
    lines = _chrome_lines()
    families = boilerplate.CHROME_FAMILIES
    expected = [any(f.matches(line) for f in families) or any(f.matches_cut(line) for f in families) for line in lines]
    assert [boilerplate.CHROME.is_boilerplate(line) for line in lines] == expected
    assert sum(expected) > len(lines) // 4  # the lines exercise both answers
    assert not all(expected)


_CHROME_PATTERNS = [pattern for family in boilerplate.CHROME_FAMILIES for pattern in family.patterns]


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(_CHROME_PATTERNS).flatmap(lambda pattern: st.from_regex(pattern, fullmatch=False)),
    st.sampled_from(("", "Lead words. ", "x")),
)
def test_chrome_searches_the_families_patterns_in_turn_as_they_take_lines(line: str, lead: str) -> None:
    """CHROME searches its families' patterns one by one, as compiled: a line
    they take (or, led by other words, may not) is chrome exactly when a
    family takes it."""
    line = lead + line
    families = boilerplate.CHROME_FAMILIES
    expected = any(f.matches(line) for f in families) or any(f.matches_cut(line) for f in families)
    assert boilerplate.CHROME.is_boilerplate(line) is expected


def test_an_advert_is_a_line_either_advert_family_takes() -> None:
    lines = _chrome_lines()
    expected = [bool(re.search("|".join(p.pattern for p in _ADVERT_PATTERNS), fold(line))) for line in lines]
    assert [boilerplate.is_advert(line) for line in lines] == expected
    assert any(expected)


_ADVERT_PATTERNS = (*boilerplate.ADVERT.patterns, *boilerplate.ADVERT_ANYWHERE.patterns)


def test_the_footer_family_takes_the_lines_the_blurb_or_the_comment_area_takes() -> None:
    """FOOTER asks the blurb's and the comment area's phrases and patterns as
    one family: a line is a footer line exactly when one of them takes it."""
    lines = _chrome_lines()
    lines += [f"{count} {noun} “Title”" for count in ("2", "One", "no") for noun in ("Responses to", "thoughts on")]
    expected = [boilerplate.BLURB.matches(line) or boilerplate.COMMENT_AREA.matches(line) for line in lines]
    assert [boilerplate.FOOTER.matches(line) for line in lines] == expected
    assert any(boilerplate.BLURB.matches(line) for line in lines)
    assert any(boilerplate.COMMENT_COUNT.matches(line) for line in lines)
    assert not all(expected)


@settings(max_examples=200, deadline=None)
@given(st.from_regex(boilerplate.COMMENT_COUNT.patterns[0], fullmatch=False), st.sampled_from(("", "Title", "“Title”")))
def test_every_comment_heading_holds_a_word_the_thread_search_looks_for(heading: str, tail: str) -> None:
    """A dump is read for a thread only when its folded text holds one of
    these words: every line the heading pattern takes holds one."""
    line = f"{heading} {tail}".strip()
    if boilerplate.COMMENT_COUNT.matches(line):
        assert any(word in fold(line) for word in _THREAD_WORDS)


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("article_*.txt")), ids=lambda path: path.stem)
def test_each_line_is_read_for_a_date_once(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """The listing test, the header and the body all read date lines; each
    line is read once per page."""
    _forget_kept()  # nothing known from earlier pages
    read: list[str | None] = []
    real = parsing.date_line

    def counted(line: str | None) -> str | None:
        read.append(line)
        return real(line)

    monkeypatch.setattr(parsing, "date_line", counted)
    assert parse_lines(path.read_text(encoding="utf-8").splitlines()).body
    assert read
    assert len(read) == len(set(read))


def _reading(lines: list[str]) -> object:
    try:
        return parse_lines(lines)
    except NotAnArticle as exc:
        return str(exc)


def test_the_dumps_read_the_same_after_one_another_as_alone() -> None:
    """Short lines' answers are kept from page to page: each fixture dump
    reads as it does with nothing kept."""
    pages = [path.read_text(encoding="utf-8").splitlines() for path in sorted(FIXTURES.glob("*.txt"))]
    assert_read_as_if_first(_reading, pages, _forget_kept)


_FIXTURE_LINES = sorted(
    {line for path in sorted(FIXTURES.glob("*.txt")) for line in path.read_text(encoding="utf-8").splitlines()}
)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_FIXTURE_LINES), max_size=30), min_size=2, max_size=4))
def test_pages_read_the_same_after_one_another_as_alone(pages: list[list[str]]) -> None:
    assert_read_as_if_first(_reading, pages, _forget_kept)
