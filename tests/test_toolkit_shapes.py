"""Line shapes: headlines, prose and commenter names."""

from __future__ import annotations

import pytest

from masthead.extract.shapes import (
    clean_name,
    headline_shaped,
    is_headline,
    is_name,
    is_prose,
    sentence_breaks,
    sentence_case_headline,
    title_case_ratio,
)


@pytest.mark.parametrize(
    "line",
    [
        "St. Petersburg Bans Electric Scooters on Sidewalks",
        "Dr. Liza Foundation Loses Its Office",
        "Ukraine Strikes Refinery Near Ryazan",
        "U.S. Sanctions Hit Russian Banks",
    ],
)
def test_headlines(line: str) -> None:
    assert is_headline(line)


@pytest.mark.parametrize(
    "line",
    [
        "The ministry said the talks failed. Moscow Denies It",
        "Officials said the bridge was closed on Tuesday.",
        "RUSSIA BANS ELECTRIC SCOOTERS",
    ],
)
def test_no_headlines(line: str) -> None:
    assert not is_headline(line)


@pytest.mark.parametrize("line", ["Rob", "Tom B.", "Anna K. says:", "Mr. Reality", "1. Jean-Luc P."])
def test_names(line: str) -> None:
    assert is_name(line)


@pytest.mark.parametrize(
    "line", ["I agree.", "See point B.", "Well said, thank you.", "https://example.com", "1234", "Who did it?"]
)
def test_no_names(line: str) -> None:
    assert not is_name(line)


def test_clean_name_and_prose() -> None:
    assert clean_name("• 3. Tom B. says:") == "Tom B."
    assert is_prose("Officials said the bridge over the river was closed on Tuesday.")
    assert not is_prose("Short line.")


def test_sentence_breaks() -> None:
    assert sentence_breaks("Prices rose 5%. Analysts were surprised. Markets fell") == 2
    assert sentence_breaks('He said "yes." Then he left') == 1
    assert sentence_breaks("Apple Inc. Unveils a Phone in St. Petersburg") == 0
    assert sentence_breaks("U.S. Army Moves In") == 0


def test_title_case_ratio() -> None:
    assert title_case_ratio("Apple Unveils the New iPhone") == 1.0
    assert title_case_ratio("Bank of Mexico likely to keep policy rate on hold") == 2 / 7
    assert title_case_ratio("Israeli Forces Kill pal", skip_last=True) == 1.0
    assert title_case_ratio("5 things") == 0.0


def test_sentence_case_headlines() -> None:
    assert headline_shaped("Bank of Mexico likely to keep policy rate on hold")
    assert sentence_case_headline("Bank of Mexico likely to keep policy rate on hold")
    assert not sentence_case_headline("The bank said it would keep the rate on hold")
    assert not sentence_case_headline("Exports rose on Monday")
    assert headline_shaped("Russia Expels Diplomats From the U.S.")
    assert not headline_shaped("Prices rose. Analysts were surprised")
    assert not headline_shaped("the ruble fell")
