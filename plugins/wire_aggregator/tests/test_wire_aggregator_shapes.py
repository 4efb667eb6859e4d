"""Line shapes: the predicates the ticker and title rules rest on."""

from __future__ import annotations

import pytest
from wire_aggregator_helpers import FEATURED_TEASERS

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
        ("Wednesday, May 4, 2016 1:12 PM  UTC", "2016-05-04T13:12:00+00:00"),
        ("Monday, February 10, 2025 12:05 AM UTC", "2025-02-10T00:05:00+00:00"),
        ("Monday, February 10, 2025 12:05 PM", "2025-02-10T12:05:00+00:00"),  # the site's times are UTC
        ("Thursday, June 1, 2017", "2017-06-01"),
        ("Sometime in May 2016", None),
        ("Monday, Febtober 10, 2025 5:12 AM UTC", None),
        ("Published on Monday, February 10, 2025", None),  # a sentence, not a dateline
    ],
)
def test_dateline(line: str, expected: str | None) -> None:
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


# -- title or first sentence ------------------------------------------------

_BODY = [
    "The agreement was reached at a meeting of finance ministers in Tokyo, Yonhap News Agency reported.",
    "Analysts said the move signals warmer ties between Seoul and Tokyo after years of friction.",
]
_TICKER = [
    "Gold Holds Near Record as Dollar Weakens",
    "Oil Prices Slip as OPEC Output Rises",
    "Bitcoin Tops $105,000 Ahead of Fed Decision",
]


@pytest.mark.parametrize(
    "first",
    [
        "Japan and South Korea Agree to Expand Currency Swap",
        "Bank of Mexico likely to keep policy rate on hold",
        "South Korea’s exports rise for third straight month on chip demand",
        "Will Xi Attend Moscow’s Victory Day Parade?",
        "China Warns Against Taiwan Arms Sales by U.S.",
        "Fed’s Powell: No Rush to Cut Rates",
        "Nikkei hits record as yen weakens; exporters gain",
        "Apple Inc. Unveils Cheaper iPhone to Win Back Chinese Buyers",
    ],
)
def test_first_line_headline_is_the_title(first: str) -> None:
    found = extract([first, *_BODY, *_TICKER])
    assert found.title == first
    assert found.body == tuple(_BODY)


@pytest.mark.parametrize(
    "first",
    [
        "Japan’s exports rose for a fourth straight month in June",
        "Russian President Vladimir Putin and Chinese President Xi Jinping met in Moscow on Monday",
        "The Kremlin on Monday said it would not rule out a meeting between the two leaders",
        "Chinese President Xi Jinping has accepted Russia’s invitation to attend the parade in Moscow",
        "Oil prices edged higher on Tuesday as traders weighed supply risks",
        "South Korea’s central bank held interest rates steady",
        "Gold prices climbed to a record high as investors sought safety from the",
        "U.S. President Donald Trump signed an executive order",
    ],
)
def test_first_body_sentence_without_full_stop_is_never_a_title(first: str) -> None:
    found = extract([first, *_BODY, *_TICKER])
    assert found.title is None
    assert found.body == (first, *_BODY)  # kept as the text it is


# -- the ticker ----------------------------------------------------------------

_TICKERS = {
    "one": ["Gold Prices Fall Amid Rate Jitters; Copper Steady as China Stimulus Eyed"],
    "two_with_colons": [
        "Best Gold Stocks to Buy Now: AABB, GOLD, GDX",
        "FxWirePro: Daily Commodity Tracker - 21st March, 2022",
    ],
    "question_and_abbreviation": [
        "Will the ECB Cut Rates Again in June?",
        "Sanctions on Russian Oil Tankers Expanded by U.S.",
    ],
    "sentence_case_inside": [
        "Gold Holds Near Record as Dollar Weakens",
        "FxWirePro: Euro likely to rise another 200 pips in current run",
        "Nikkei hits record as yen weakens",
        "Japan’s Nikkei Slips as Yen Strengthens After BOJ Comments",
    ],
    "sentence_case_on_top": [
        "FxWirePro: Euro likely to rise another 200 pips in current run",
        "Gold Holds Near Record as Dollar Weakens",
        "Japan’s Nikkei Slips as Yen Strengthens After BOJ Comments",
    ],
    "cut_to_a_fragment": ["Gold Holds Near Record as Dollar Weakens", "Zel"],
    "cut_mid_word": [
        "Gold Holds Near Record as Dollar Weakens",
        "China’s Exports Jump 10.7% in December, Beating Forec",
    ],
    "cut_in_lower_case": [
        "Gold Holds Near Record as Dollar Weakens",
        "Oil Prices Slip as OPEC Output Rises",
        "Israeli forces kill pal",
    ],
}


@pytest.mark.parametrize("name", sorted(_TICKERS))
def test_ticker_shapes_are_split_off(name: str) -> None:
    found = extract([*_BODY, *_TICKERS[name]])
    assert found.body == tuple(_BODY)
    assert found.ticker == tuple(_TICKERS[name])


@pytest.mark.parametrize(
    "ending",
    [
        ["The Kremlin declined to comment."],
        ["Xi’s participation in Moscow’s"],
        ["Key figures", "Inflation at 4.8% in December", "GDP growth 2.1% last year"],
    ],
)
def test_endings_that_are_text_stay_body(ending: list[str]) -> None:
    found = extract([*_BODY, *ending])
    assert found.body == (*_BODY, *ending)
    assert found.ticker == ()


# -- captions, furniture, bylines ----------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Trump Engages Putin and Zelenskiy in Peace Talks. Source: President.gov.ua, CC BY 4.0, via Wikimedia Commons",
        "Germany’s Economy Shrinks Again as Industry Slumps. Source: Pixabay",
        "Source: Wikimedia Commons",
        "Xi Jinping and Vladimir Putin in Moscow. Photo by Kremlin Press Office",
        "A container ship in Busan, CC BY-SA 2.0, via Flickr",
    ],
)
def test_captions(line: str) -> None:
    assert shapes.is_caption(line)


@pytest.mark.parametrize(
    "line",
    [
        "The photo agency Getty Images said the picture was genuine.",
        "The data source is the statistics office, which revised its figures.",
    ],
)
def test_not_captions(line: str) -> None:
    assert not shapes.is_caption(line)


@pytest.mark.parametrize("line", ["  |   Politics", "| Economy", "• Market Data", "Close"])
def test_site_chrome_with_decoration(line: str) -> None:
    assert shapes.is_menu(line) or shapes.is_widget(line) or shapes.is_stop(line)


def test_agency_byline_is_an_attribution_not_an_author() -> None:
    found = extract(["Oil Holds Gains After U.S. Sanctions on Russian Tankers", "By Reuters Staff", *_BODY])
    assert found.authors == ()
    assert found.byline_agencies == ("Reuters",)


def test_featured_sidebar_before_a_story_is_lifted_out() -> None:
    found = extract(
        [
            "Featured Post",
            *FEATURED_TEASERS,
            "Why small towns are losing their bank branches",
            "By Laura Whitfield",
            *_BODY,
        ]
    )
    assert found.title == "Why small towns are losing their bank branches"
    assert found.authors == ("Laura Whitfield",)
    assert found.body == tuple(_BODY)
    assert (found.teasers, found.listing) == (2, False)


@pytest.mark.parametrize(
    "cut",
    [
        ["Welcome to"],
        ["• Market Data", "Close", "Welcome to EconoTimes", "Sign up for daily"],
        ["Sign up for daily updates"],
    ],
)
def test_sign_up_box_cut_short_does_not_leak(cut: list[str]) -> None:
    assert extract([*_BODY, *cut]).body == tuple(_BODY)


def test_title_repeated_as_a_caption_with_full_stop_is_dropped() -> None:
    title = "Japan and South Korea Agree to Expand Currency Swap"
    found = extract(["Menu", "Search", "| Politics", title, title + ".", title, *_BODY])
    assert (found.title, found.body) == (title, tuple(_BODY))
