"""The line-shape rules the parser relies on, one by one."""

from __future__ import annotations

import pytest

from masthead_opinion_site import boilerplate as bp
from masthead_opinion_site import shapes


@pytest.mark.parametrize(
    "line",
    [
        "Military.com And The Hill Contribute More Efforts In Accusing SouthFront",
        "Rare Earths And The New Detente: What Moscow Can Offer",
        "Who Benefits From The Ceasefire In Gaza?",
        "Syrian War Report – May 20, 2019: Army Advances In Northern Hama",
        "Germany Considers Supplying Ukraine With Heavy Howitzers (Video)",
        "Trump Envoy Lands In The U.S.",
    ],
)
def test_headlines(line: str) -> None:
    assert shapes.is_headline(line)


@pytest.mark.parametrize(
    "line",
    [
        "not a single one is christian nor jewish. they are zionists. putin included.",
        "gee, hmmm…. which should i choose?",
        "It is hard to overestimate the importance of this trip.",
        "Great Article. Thanks For Sharing",
        "TRUMP IS DONE WITH UKRAINE",
        "Putin",
        "Russia and the United States will find common ground",
    ],
)
def test_not_headlines(line: str) -> None:
    assert not shapes.is_headline(line)


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Written by Lucas Leiroz exclusively for SouthFront", ("Lucas Leiroz",)),
        ("Written and produced by SF Team", ("SF Team",)),
        ("By Aleksei Vorontsov and Maria Ivanova", ("Aleksei Vorontsov", "Maria Ivanova")),
        ("Author: Uriel Araujo, researcher", ("Uriel Araujo",)),
    ],
)
def test_bylines(line: str, names: tuple[str, ...]) -> None:
    assert shapes.byline_names(line) == names


@pytest.mark.parametrize(
    "line",
    [
        "By 2025, the army had doubled its drone fleet.",
        "Written by a former officer, the memo warns of escalation.",
        "By the way, nobody asked.",
    ],
)
def test_sentences_are_no_bylines(line: str) -> None:
    assert shapes.byline_names(line) is None


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("07.04.2025", "2025-04-07"),
        ("April 7, 2025 11:02 am", "2025-04-07T11:02:00"),
        ("April 7, 2025 12:40 pm", "2025-04-07T12:40:00"),
        ("May 21, 2019 at 7:05 pm", "2019-05-21T19:05:00"),
        ("5 April 2025", "2025-04-05"),
        ("2025-04-07T09:30:12+00:00", "2025-04-07T09:30:12+00:00"),
        ("1 year ago", None),
        ("APRIL 2025", None),
        ("31.02.2025", None),
    ],
)
def test_dates(text: str, iso: str | None) -> None:
    assert shapes.parse_date(text) == iso


@pytest.mark.parametrize(
    "line",
    [
        "Support SouthFront",
        "0 $",
        "2,500 $",
        "0 $2,500 $5,000 $",
        "MARCH 2025",
        "PayPal: southfront@list.ru",
        "BTC: bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh",
        "Our work is impossible without your support",
        "If you’re able, and if you like our content and approach, please support the project.",
        "Donate",
    ],
)
def test_donation_lines(line: str) -> None:
    assert bp.is_donation(line)


@pytest.mark.parametrize(
    "line",
    [
        "Donations of Western weapons to Kiev have slowed down since the beginning of the year.",
        "Once again, the talks were postponed.",
        "Ethiopia and Eritrea signed the deal.",
    ],
)
def test_body_lines_are_no_donation(line: str) -> None:
    assert not bp.is_donation(line)
    assert not bp.is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "Notify of",
        "newest oldest most voted",
        "Inline Feedbacks",
        "View all comments",
        "Reply",
        "Load more comments",
        "Leave a Reply",
        "Please login to comment",
        "12 Comments",
        "Reply to Old Guard",
        "+5",
        "1 year ago",
    ],
)
def test_comment_chrome(line: str) -> None:
    assert bp.is_comment_ui(line)


@pytest.mark.parametrize(
    ("line", "rest"),
    [("MORE ON THE TOPIC:", ""), ("More on the topic", ""), ("more on the topic: Some Title", "Some Title")],
)
def test_marker(line: str, rest: str) -> None:
    assert bp.marker_rest(line) == rest


def test_sentence_starting_like_the_marker_is_not_the_marker() -> None:
    assert bp.marker_rest("More on the topic of sanctions, the minister said nothing.") is None


@pytest.mark.parametrize(
    ("line", "last"),
    [("Our work is impossible without", False), ("Please login to", True), ("MORE ON THE", True)],
)
def test_cut_phrases(line: str, last: bool) -> None:
    assert bp.is_cut_phrase(line, last=last)


def test_captions() -> None:
    assert shapes.is_caption("Syrian troops near Hama. (Photo: SANA)")
    assert shapes.is_caption("Illustrative image")
    assert not shapes.is_caption("The photo was published on Telegram and later deleted by its author.")
