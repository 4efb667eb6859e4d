"""The line-shape rules the parser relies on, one by one."""

from __future__ import annotations

import pytest

from masthead.extract import captions, listing, shapes
from masthead.extract.bylines import date_line
from masthead_opinion_site import boilerplate as bp


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
    assert bp.byline_names(line) == names


@pytest.mark.parametrize(
    "line",
    [
        "By 2025, the army had doubled its drone fleet.",
        "Written by a former officer, the memo warns of escalation.",
        "By the way, nobody asked.",
    ],
)
def test_sentences_are_no_bylines(line: str) -> None:
    assert bp.byline_names(line) is None


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("07.04.2025", "2025-04-07"),
        ("April 7, 2025 11:02 am", "2025-04-07T11:02:00"),
        ("April 7, 2025 12:40 pm", "2025-04-07T12:40:00"),
        ("May 21, 2019 at 7:05 pm", "2019-05-21T19:05:00"),
        ("5 April 2025", "2025-04-05"),
        ("April 7, 2025 1:15 pm", "2025-04-07T13:15:00"),
        ("Posted on May 21, 2019", "2019-05-21"),
        ("Published: 14.08.2020", "2020-08-14"),
        ("2025-04-07T09:30:12+00:00", "2025-04-07T09:30:12+00:00"),
        ("1 year ago", None),
        ("APRIL 2025", None),
        ("31.02.2025", None),
    ],
)
def test_dates(text: str, iso: str | None) -> None:
    assert date_line(text) == iso


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
        # The old southfront.org crypto widget, alt text of the picture glued on.
        "MONERO (XMR): 49HqitRzdnhYjgTEAhgGpCfsjdTeMbUTU6cyR4JV1R7k2Eej9rGT8JpFiYDa4tZM6RZiFrHmMzgSrhHEqpDYKBe5",
        "BITCOIN CASH (BCH): qzjv8hrdvz6edu4gkzpnd4w6jc7zf296g5e9kkq4lxIn East Or West: For Syrians No Rest",
        "PAYPAL, WESTERN UNION etc: write to info@southfront.org",
        "USDT (TRC20): TQrZ9wBzq5Qp6Xx1n8n3YJtYk2oZ2G8M9a",
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
        "Newest Most Voted",
        "Oldest Newest Most Voted",
        "Sort by Best",
        "Reply • Share ›",
    ],
)
def test_comment_chrome(line: str) -> None:
    assert bp.is_boilerplate(line)


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
    assert bp.is_boilerplate(line, last=last)


def test_captions() -> None:
    assert captions.is_caption("Syrian troops near Hama. (Photo: SANA)")
    assert captions.is_caption("Illustrative image")
    assert not captions.is_caption("The photo was published on Telegram and later deleted by its author.")


@pytest.mark.parametrize(
    "line",
    ["Rob", "leon mc pilibin", "[deleted] x_X", "Mr. Reality", "Voice of Reason says:", "• Aussie Andrew", "J.Hawk"],
)
def test_commenter_names(line: str) -> None:
    assert shapes.is_name(line)


@pytest.mark.parametrize(
    "line",
    [
        "The ferries are the smart move.",
        "Anyone surprised?",
        "Klaipeda will recover fast enough now",
        "“quoted words”",
        "https://t.me/somebody",
        "2025",
    ],
)
def test_comment_text_is_no_name(line: str) -> None:
    assert not shapes.is_name(line)


def test_names_lose_bullet_and_says() -> None:
    assert shapes.clean_name("• Thegr8rambino") == "Thegr8rambino"
    assert shapes.clean_name("Voice of Reason says:") == "Voice of Reason"


def test_loose_headline_allows_a_sentence_break_only_when_asked() -> None:
    title = "Revealed! SouthFront Is Run by ‘the Russian Military’"
    assert not shapes.is_headline(title)
    assert shapes.is_headline(title, strict=False)


def test_team_sign_off_and_picture_credits() -> None:
    assert bp.byline_names("SouthFront Team") == ("SouthFront Team",)
    assert captions.is_caption("Map by SouthFront")
    assert captions.is_caption("Photo by Reuters")


def test_author_social_links_are_chrome() -> None:
    assert bp.is_boilerplate("You can follow Lucas Leiroz on: https://t.me/lucasleiroz")
    assert not bp.is_boilerplate("Follow-up talks on the prisoner exchange are planned for May.")


@pytest.mark.parametrize(
    ("lines", "signals"),
    [
        (["1", "2", "3", "…", "214"], 2),
        (["Reply", "2", "Reply", "0"], 0),
        (["0", "0", "1"], 0),
        (["Read more", "1 2 3 … 50 Next »"], 2),
    ],
)
def test_listing_pager_signals(lines: list[str], signals: int) -> None:
    assert listing.listing_signals(lines) == signals
