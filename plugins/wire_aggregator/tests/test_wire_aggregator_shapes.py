"""Line shapes: the predicates the ticker and title rules rest on."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from masthead_wire_aggregator import shapes
from masthead_wire_aggregator.extract import extract


@pytest.mark.parametrize(
    "line",
    [
        "Trump’s New U.S. Strategy Seeks to Deter China and Protect Taiwan",
        "Zelenskiy Describes “Substantive” Call With Trump Envoys as Ukraine, U.S. Explore Peace Path",
        "Southwest Airlines Has $11 Million Fine Waived as USDOT Cites Operational Improvements",
        "Will the ECB Cut Rates Again in June?",
        "Israeli Forces Kill Palestinian Amid Rising West Bank Violence ",
    ],
)
def test_ticker_headlines(line: str) -> None:
    assert shapes.ticker_headline(line.strip())


@pytest.mark.parametrize(
    "line",
    [
        "The Kremlin declined to comment.",
        "Bank of Mexico likely to keep policy rate on hold",  # sentence case: a title, not a ticker line
        "MOSCOW, Feb 10 (Reuters) -",
        "Xi’s participation in Moscow’s",
        "He Said. She Said It Again",
    ],
)
def test_not_ticker_headlines(line: str) -> None:
    assert not shapes.ticker_headline(line)


def test_paragraph_shapes() -> None:
    assert shapes.paragraph_shaped("The next rate decision is scheduled for March 21.")
    assert shapes.paragraph_shaped("“We will not back down,” he said.”")
    assert not shapes.paragraph_shaped("Bank of Russia Holds Key Rate at 21%")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Wednesday, May 4, 2016 1:12 PM  UTC", datetime(2016, 5, 4, 13, 12, tzinfo=timezone.utc)),
        ("Monday, February 10, 2025 12:05 AM UTC", datetime(2025, 2, 10, 0, 5, tzinfo=timezone.utc)),
        ("Thursday, June 1, 2017", date(2017, 6, 1)),
        ("Sometime in May 2016", None),
        ("Monday, Febtober 10, 2025 5:12 AM UTC", None),
    ],
)
def test_dateline(line: str, expected: date | None) -> None:
    assert shapes.parse_dateline(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By Jane Doe", ("Jane Doe",)),
        ("By Lewis Mitchell Et Al", ("Lewis Mitchell",)),
        ("By Jane Doe and John Roe", ("Jane Doe", "John Roe")),
        ("By EconoTimes", ()),
        ("By attending these events, Xi and Putin aim to showcase unity.", None),
    ],
)
def test_byline(line: str, expected: tuple[str, ...] | None) -> None:
    assert shapes.parse_byline(line) == expected


def test_listing_lines_are_flagged() -> None:
    lines = [
        "Featured Post",
        "Why central banks are buying gold again",
        "By Laura Whitfield",
        "For most of the past three decades, central banks in rich countries were net sellers...",
        "Managers Must Listen to Workers on Safety",
        "By Nick Turner",
        "The workplace is full of psychological hazards, including abusive supervisors...",
        "Gold Holds Near Record as Dollar Weakens",
        "Dollar Firms as Treasury Yields Climb",
        "Oil Prices Slip as OPEC Output Rises",
        "A third teaser paragraph that was cut by the index page as always...",
    ]
    assert extract(lines).listing
