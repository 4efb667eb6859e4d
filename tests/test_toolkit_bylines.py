"""Bylines, datelines and source notes."""

from __future__ import annotations

import pytest

from masthead.extract import bylines
from masthead.extract.boilerplate import KEPT_LINES
from masthead.extract.bylines import (
    byline_names,
    date_line,
    dateline,
    is_name_list,
    is_time_note,
    reporting_credits,
    source_note,
    split_names,
    take_date,
)


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Anna Smith", ("Anna Smith",)),
        ("Written by Lucas Leiroz exclusively for the outlet", ("Lucas Leiroz",)),
        ("By Anna Smith and John Doe, April 7, 2025", ("Anna Smith", "John Doe")),
        ("Author: Drago Bosnic", ("Drago Bosnic",)),
        ("Posted by Maria Kotova on July 1, 2019", ("Maria Kotova",)),
    ],
)
def test_byline_names(line: str, names: tuple[str, ...]) -> None:
    assert byline_names(line) == names


@pytest.mark.parametrize(
    "line",
    [
        "By 2025, the army will have new tanks.",
        "Written by a former officer, the memo says otherwise.",
        "By Tuesday, it was over.",
        "The talks failed.",
    ],
)
def test_sentences_are_no_bylines(line: str) -> None:
    assert byline_names(line) is None


def test_collective_credit_counts_only_as_the_whole_line() -> None:
    assert byline_names("SF Team", credits=("SF Team",)) == ("SF Team",)
    assert byline_names("SF Team", credits=()) is None


def test_date_line_and_dateline() -> None:
    assert date_line("Published: April 7, 2025") == "2025-04-07"
    assert date_line("April 7, 2025 1:15 pm") == "2025-04-07T13:15:00"
    assert date_line("2 years ago") is None
    assert date_line("The talks resumed on April 7, 2025.") is None
    assert dateline("07.04.2025 | Analysis") == "2025-04-07"
    assert dateline("On April 3, 2025, talks resumed after a long pause.") is None


def test_take_date_and_split_names() -> None:
    assert take_date("Written by X on April 7, 2025") == ("2025-04-07", "Written by X")
    assert take_date("no date") == (None, "no date")
    assert split_names("A, B & C and A") == ("A", "B", "C")


def test_source_note() -> None:
    assert source_note("Source: RT") == "RT"
    assert source_note("Originally published by Strategic Culture.") == "Strategic Culture"
    assert source_note("Source said the talks failed.") is None


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Anna Smith, John Doe and Olga Ivanova", ("Anna Smith", "John Doe", "Olga Ivanova")),
        ("By Anna Smith, John Doe, and Olga Ivanova", ("Anna Smith", "John Doe", "Olga Ivanova")),
        ("By Anna Smith, John Doe & Olga Ivanova, April 7, 2025", ("Anna Smith", "John Doe", "Olga Ivanova")),
        ("By Anna Smith, Moscow", ("Anna Smith",)),
        ("By Anna Smith, correspondent", ("Anna Smith",)),
    ],
)
def test_byline_name_lists(line: str, names: tuple[str, ...]) -> None:
    assert byline_names(line) == names


def test_long_name_list_is_a_byline() -> None:
    assert byline_names("By A. Smith, B. Jones and C. de la Cruz") == ("A. Smith", "B. Jones", "C. de la Cruz")
    assert byline_names("By Monday, Tuesday and Wednesday, it was over.") is None


def test_split_names_keeps_firms_whole() -> None:
    firms = ("Dezan Shira & Associates",)
    assert split_names("Anna Smith; Dezan Shira & Associates", whole=firms) == (
        "Anna Smith",
        "Dezan Shira & Associates",
    )
    assert split_names("Anna Smith & John Doe") == ("Anna Smith", "John Doe")


def test_reporting_credits() -> None:
    assert reporting_credits("Includes reporting from AFP and Reuters.") == ("AFP", "Reuters")
    assert reporting_credits("Reuters contributed reporting.") == ("Reuters",)
    assert reporting_credits("With additional reporting by Anna Smith.") == ("Anna Smith",)
    assert reporting_credits("the agency contributed reporting that was later denied by officials.") is None


def test_date_line_with_time_separators_and_time_notes() -> None:
    assert date_line("April 25, 2020 - 18:22") == date_line("April 25, 2020 18:22")
    assert date_line("April 25, 2020 | 18:22") is not None
    assert date_line("April 25, 2020 Last edited 18:22") == "2020-04-25"
    assert is_time_note("2 hours ago") and is_time_note("5 Min read") and is_time_note("Updated:")
    assert not is_time_note("Updated: April 25, 2020")


def test_is_name_list() -> None:
    assert is_name_list("Maria Kotova and Alexander Smirnov")
    assert is_name_list("Carlos de la Vega")
    assert not is_name_list("Key Takeaways", not_names={"key", "takeaways"})
    assert not is_name_list("Maria")
    assert not is_name_list("Sales rose in 2024")


_DATE_LINE_CASES = [
    "April 7, 2025",
    "Published: 07.04.2025",
    "April 25, 2020 - 18:22 Last edited 18:40",
    "By 2025, the army will have rebuilt the bridge.",
    "Third, he is the head of the Senate Budget Committee since January 3, 2025.",
    "2 years ago",
    "",
    None,
]


@pytest.mark.parametrize("line", _DATE_LINE_CASES)
def test_date_line_kept_answers_are_the_rules(line: str | None) -> None:
    """Asked twice (a page's parser, comment reader and meta-line taker ask
    the same lines), date_line answers as its rule worked out does."""
    plain = bylines._date_line(line) if line else None
    assert date_line(line) == plain
    assert date_line(line) == plain


def test_date_line_keeps_only_short_lines_and_a_bounded_number() -> None:
    bylines._DATE_LINES.clear()
    long = "On April 7, 2025, " + "talks went on. " * 30
    assert len(long) > bylines.DATE_LINE_KEPT_CHARS
    date_line(long)
    date_line("April 7, 2025")
    assert list(bylines._DATE_LINES) == ["April 7, 2025"]
    for day in range(3000):
        date_line(f"Day {day}, 2025")
    assert 0 < len(bylines._DATE_LINES) <= KEPT_LINES


def test_date_line_keeps_no_string_subclass() -> None:
    """A Beautiful Soup string refers to its whole tree: kept as a key, it
    would keep the tree alive."""

    class Held(str):
        pass

    bylines._DATE_LINES.clear()
    line = Held("April 7, 2025")
    assert date_line(line) == date_line("April 7, 2025") == "2025-04-07"
    assert all(type(key) is str for key in bylines._DATE_LINES)
