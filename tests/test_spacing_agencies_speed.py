"""Shortcuts of the spacing and agency readers answer as the long way.

:func:`masthead.extract.spacing.blank_gaps` given the text's lines already
normalized tells blank lines apart without normalizing the text again;
:func:`masthead.extract.agencies.credited_agencies` asks only the agencies
whose keywords the text holds, and tries each agency's patterns only where
a mention can start. Both are compared with the long way on texts
built from what makes them differ: every kind of line end, space and
invisible character, and agency names next to credit phrases.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from masthead.extract import agencies, text
from masthead.extract.agencies import AGENCIES, Agency, credited_agencies
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


def _searched_first_mention(agency: Agency, text: str) -> int | None:
    """:func:`agencies._first_mention` the long way: each pattern searched
    for from the earliest place a mention can start."""
    positions: list[int] = []
    start = agency.search_from(text)
    if agency.free is not None and (found := agency.free.search(text, start)) is not None:
        positions.append(found.start())
    if agency.contextual is not None:
        clashing = agency.clash is not None and agency.clash.search(text) is not None
        for found in agency.contextual.finditer(text, start):
            if clashing and not agencies._DATELINE_AFTER.match(text[found.end() :].lstrip()):
                continue
            if agencies._credited(text, found.start(), found.end(), agency.said_ok):
                positions.append(found.start())
                break
    return min(positions) if positions else None


#: Every spelling of a mention the patterns accept, line breaks inside included.
_SPELLINGS = (
    *("ITAR-TASS", "Tass", "(Reuters)", "Reuters\nNews", "(Bloomberg)", "Bloomberg\nNews", "Associated\nPress", "AP"),
    *("Agence\nFrance-Presse", "AFP", "Xinhua", "Interfax", "RIA-Novosti", "RIA", "Yonhap", "Kyodo", "Jiji\nPress"),
    *("Dow\nJones Newswires", "Dow\nJones", "Sputnik", "Anadolu", "Bernama", "KCNA", "Korean\nCentral News Agency"),
    *("Central\nNews Agency", "Saudi\nPress Agency", "SPA", "Emirates\nNews Agency", "WAM", "WAFA", "IRNA", "Tasnim"),
    *("Fars\nnews agency", "Fars", "Ukrinform", "UNIAN", "EFE", "ANSA", "Deutsche\nPresse-Agentur", "dpa"),
    *("Press\nTrust of India", "PTI", "Asian\nNews International", "ANI", "Antara", "Australian Federal Police"),
)
_MENTIONS = st.lists(
    st.one_of(st.sampled_from(_NAMES), st.sampled_from(_SPELLINGS), st.sampled_from(_CONTEXT)), max_size=16
).map("".join)


@settings(max_examples=500)
@given(_MENTIONS)
def test_patterns_tried_where_mentions_start_find_what_searching_finds(text: str) -> None:
    present = agencies._keywords_in(text)
    for agency in AGENCIES:
        if agency.may_occur_in(text):
            assert agencies._first_mention(agency, text, present) == _searched_first_mention(agency, text), agency.name


@pytest.mark.parametrize("agency", AGENCIES, ids=lambda agency: agency.name)
def test_every_match_starts_where_a_mention_can_start(agency: Agency) -> None:
    """What :meth:`Agency.mention_starts` relies on: each spelling a pattern
    matches starts at a lead word or at most five characters before it."""
    for spelling in _SPELLINGS:
        sample = f"Officials said so (ITAR-{spelling}) and {spelling}: according to {spelling} News. {spelling}"
        starts = agency.mention_starts(sample)
        assert starts is not None
        for pattern in (agency.free, agency.contextual):
            for found in pattern.finditer(sample) if pattern is not None else ():
                assert found.start() in starts, (spelling, found)


def test_a_text_with_too_many_places_to_try_is_searched() -> None:
    text = "APEC met. " * 40 + "Prices rose, according to the AP."
    ap = next(agency for agency in AGENCIES if agency.name == "AP")
    assert ap.mention_starts(text) is None
    assert agencies._first_mention(ap, text, agencies._keywords_in(text)) == text.rindex("AP")
