"""Wire credits: the agencies a careful reader would list, and no others."""

from __future__ import annotations

import pytest

from masthead_wire_aggregator.agencies import credited_agencies


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The talks will resume next week, as reported by TASS.", ("TASS",)),
        ("Reuters reported that the deal was close.", ("Reuters",)),
        ("Sales fell 4%, according to Bloomberg.", ("Bloomberg",)),
        ("WASHINGTON (AP) — The Senate passed the bill.", ("AP",)),
        ("The death toll rose to 12, AFP said.", ("AFP",)),
        ("The ministry said exports rose, Xinhua News Agency reported.", ("Xinhua",)),
        ("A spokesman told Interfax the plant was shut.", ("Interfax",)),
        ("RIA Novosti cited a source in the ministry.", ("RIA Novosti",)),
        ("The launch was detected at dawn, Yonhap said.", ("Yonhap",)),
        ("Kyodo News said the cabinet would approve it.", ("Kyodo",)),
        ("The company is in talks, Dow Jones reported.", ("Dow Jones",)),
        ("The figures were published by Dow Jones Newswires.", ("Dow Jones",)),
        ("The strike hit a depot, state news agency Sputnik said.", ("Sputnik",)),
        ("Most economists polled by Reuters expect a cut.", ("Reuters",)),
        ("The envoy said in a statement to Reuters that talks went well.", ("Reuters",)),
        ("The report, first published by ITAR-TASS, was denied.", ("TASS",)),
        ("He told the Associated Press he would run.", ("AP",)),
    ],
)
def test_credits_are_found(sentence: str, expected: tuple[str, ...]) -> None:
    assert credited_agencies([sentence]) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Thomson Reuters reported higher quarterly revenue on Tuesday.",
        "Former mayor Michael Bloomberg said he would donate $1 billion.",
        "The Dow Jones Industrial Average rose 1.2% on Friday.",
        "The Dow Jones index closed at a record.",
        "Hungary approved the Sputnik V vaccine in January.",
        "PTI said in a statement that the rally would go ahead.",
        "Reuters is a news agency based in London and employs thousands.",
        "The AP Stylebook changed its rules on hyphens.",
        "Bloomberg Philanthropies said it would fund the program.",
    ],
)
def test_non_credits_are_ignored(sentence: str) -> None:
    assert credited_agencies([sentence]) == ()


def test_order_of_first_mention_and_dedup() -> None:
    paragraphs = [
        "Officials confirmed the plan, Xinhua reported.",
        "Reuters reported later that talks had stalled, as reported by TASS earlier.",
        "Xinhua and Reuters both reported the outcome; TASS said little.",
    ]
    assert credited_agencies(paragraphs) == ("Xinhua", "Reuters", "TASS")


def test_empty_input() -> None:
    assert credited_agencies([]) == ()
