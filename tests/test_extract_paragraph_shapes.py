"""Running text against headlines, and title-case headlines a dump may have cut."""

from __future__ import annotations

import pytest

from masthead.extract.shapes import ends_with_stop, paragraph_shaped, title_case_headline


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("He said it “again.”", True),
        ("Rates rise again:", False),  # ends_sentence takes a colon; a stop does not
        ("Will rates rise?", True),
        ("Gold Climbs to Record", False),
    ],
)
def test_ends_with_stop(line: str, expected: bool) -> None:
    assert ends_with_stop(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("The bank held rates.", True),
        ("Why now?", True),
        ("Rates held.", False),  # two words and a full stop: a label, not a sentence
        ("The statement of the bank's board listed these reasons:", True),
        ("Bank of Russia Holds Key Rate at 21%", False),
        ("Analysts said the move was expected. Markets barely reacted to the news on", True),
        (" ".join(["word"] * 26), True),  # long text cut by the dump
        (" ".join(["word"] * 25), False),
    ],
)
def test_paragraph_shaped(line: str, expected: bool) -> None:
    assert paragraph_shaped(line) is expected


def test_paragraph_length_is_the_callers() -> None:
    assert paragraph_shaped(" ".join(["word"] * 10), long_words=10)


@pytest.mark.parametrize(
    ("line", "may_be_cut", "expected"),
    [
        ("Gold Holds Near Record as Dollar Weakens", False, True),
        ("Bank of Mexico likely to keep policy rate on hold", False, False),
        ("Israeli Forces Kill Pal", True, True),
        ("Israeli forces kill pal", True, False),
        ("Zel", True, True),  # a word the dump cut
        ("Zel", False, False),
        ("The Kremlin Declined to Comment.", True, False),
    ],
)
def test_title_case_headline(line: str, may_be_cut: bool, expected: bool) -> None:
    assert title_case_headline(line, may_be_cut=may_be_cut) is expected
