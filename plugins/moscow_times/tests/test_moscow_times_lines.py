"""The one-line predicates the parser is built from."""

from __future__ import annotations

import pytest

from masthead import NotAnArticle
from masthead_moscow_times.lines import (
    attribution_names,
    byline_names,
    byline_role,
    credit_of,
    date_of_line,
    date_of_url,
    is_bare_credit,
    is_caption,
    is_headline,
    is_time_note,
    split_people,
)
from masthead_moscow_times.parsing import parse_lines, trailer_start


@pytest.mark.parametrize(
    "line",
    [
        "Putin and Trump Hail Trust and Cooperation on WWII Anniversary",
        "Why Is Climate Change Not on the Agenda in Russia?",
        "Kremlin Says Chernobyl-Style Explosion Cover-up ‘Impossible’",
        "Ukraine: As It's Happening",
        "Smoker's Friend",
        "Russia Expels Two Diplomats From the U.S.",
        "Russia Sends Shaman en Route to Exorcise Putin to Psychiatric Hospital",
    ],
)
def test_headlines(line: str) -> None:
    assert is_headline(line)


@pytest.mark.parametrize(
    "line",
    [
        "The Kremlin on Monday said it would not rule out a potential meeting between the two presidents.",
        "Russian and U.S. Presidents issue rare joint statement, signalling need to work together.",
        "Steaks, burgers, authentic Chinese and more: the most recent openings in Moscow",
        "Vladimir Putin. Sergei Karpukhin / TASS",
        "Moskva News Agency",
        "News",
        "swift reaction",
        "Our Weekly Newsletter Contains...",
    ],
)
def test_not_headlines(line: str) -> None:
    assert not is_headline(line)


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("The two presidents issued a joint statement in 1945. Kremlin.ru", "Kremlin.ru"),
        ("Vladimir Putin. Sergei Karpukhin / TASS", "Sergei Karpukhin / TASS"),
        ("Sergei Karpukhin / TASS", "Sergei Karpukhin / TASS"),
        ("Red Square at dawn Moskva News Agency", "Moskva News Agency"),
        ("Pixabay", "Pixabay"),
        ("A protester in central Moscow. Reuters", "Reuters"),
        ("TASS", "TASS"),
        ("Visitors in Gorky Park. Vladimir Filonov / MT", "Vladimir Filonov / MT"),
        ("The new bridge. Defense Ministry Press Service", "Defense Ministry Press Service"),
        ("Vladimir Putin. Mikhail Metzel / Kremlin Pool via AP", "Mikhail Metzel / Kremlin Pool via AP"),
        ("Tanks near Kursk. Russian Defense Ministry", "Russian Defense Ministry"),
        ("Sergei Shoigu. mil.ru", "mil.ru"),
        ("Yevgeny Prigozhin. Concord press service / VK", "Concord press service / VK"),
        ("Fire at the depot. @mash / Telegram", "@mash / Telegram"),
        ("Putin and Xi. Sergei Bobylev / TASS / Host Photo Agency", "Sergei Bobylev / TASS / Host Photo Agency"),
        ("Tourists in St. Petersburg. Moskva News Agency", "Moskva News Agency"),
        ("Residents queue for water. EPA-EFE", "EPA-EFE"),
        ("Kremlin Pool", "Kremlin Pool"),
        ("Russian Emergencies Ministry", "Russian Emergencies Ministry"),
        ("Screenshot YouTube", "Screenshot YouTube"),
        ("A village on the Lena. Courtesy of the author", "Courtesy of the author"),
    ],
)
def test_captions_with_credits(line: str, credit: str) -> None:
    assert is_caption(line)
    assert credit_of(line) == credit


@pytest.mark.parametrize(
    "line",
    [
        "The agency said the meeting would take place next week, according to TASS.",
        "Peskov told reporters that the Kremlin would respond, Reuters reported.",
        "“Their heroic feat will never be forgotten.”",
        "Meeting With the Press Corps at TASS",
        "Russia's 24/7 News Channel Goes Off Air",
        "Delays and costs",
        "Defense Ministry Says Drone Hit Depot",
        "Russia Denies Ministry Reshuffle",
        "The plan was approved. The Defense Ministry",
        "He said the plan was approved by the Defense Ministry",
    ],
)
def test_paragraphs_and_headlines_are_not_captions(line: str) -> None:
    assert not is_caption(line)


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Jake Cordell", ["Jake Cordell"]),
        ("By Anna Volkova and Pyotr Lebedev", ["Anna Volkova", "Pyotr Lebedev"]),
        ("By A. Smith, B. Jones and C. de la Cruz", ["A. Smith", "B. Jones", "C. de la Cruz"]),
        ("By AFP", ["AFP"]),
    ],
)
def test_bylines(line: str, names: list[str]) -> None:
    assert byline_names(line) == names


@pytest.mark.parametrize(
    "line",
    [
        "By the end of the year, the line will be finished.",
        "By contrast the ruble fell",
        "Byzantine politics are back",
        "By 2030 Russia plans to double exports",
    ],
)
def test_sentences_starting_with_by_are_not_bylines(line: str) -> None:
    assert byline_names(line) is None


def test_wire_agencies_and_outlet_are_not_authors() -> None:
    assert split_people(["Anna Volkova", "AFP", "The Moscow Times", "Reuters"]) == (
        ["Anna Volkova"],
        ["AFP", "Reuters"],
    )


@pytest.mark.parametrize(
    ("line", "when"),
    [
        ("April 25, 2020", "2020-04-25"),
        ("Updated: Apr. 25, 2020", "2020-04-25"),
        ("Apr. 12 2015 18:22 Last edited 18:22", "2015-04-12T18:22:00"),
        ("March 1, 2023 - 2:05 pm", "2023-03-01T14:05:00"),
        ("May 21, 2019 4:15 pm", "2019-05-21T16:15:00"),
        ("Oct. 20, 2023 | 10:15 am", "2023-10-20T10:15:00"),
        ("Wednesday, May 4, 2016", "2016-05-04"),
        ("25 April 2020", "2020-04-25"),
        ("Published: Sept. 3, 2025", "2025-09-03"),
    ],
)
def test_date_lines(line: str, when: str) -> None:
    assert date_of_line(line) == when


@pytest.mark.parametrize(
    "line",
    [
        "April 31, 2020",
        "On April 25, 2020 the meeting took place.",
        "2020",
        "April 25, 2020 was the day the two armies met.",
        ". Last Updated: 07/27/2016",
    ],
)
def test_not_date_lines(line: str) -> None:
    assert date_of_line(line) is None


def test_date_of_url() -> None:
    assert date_of_url("https://www.themoscowtimes.com/2020/04/25/putin-trump-elbe-a70123") == "2020-04-25"
    assert date_of_url("https://www.themoscowtimes.com/2020/02/30/no-such-day-a1") is None
    assert date_of_url("https://www.themoscowtimes.com/news/article/x/519841.html") is None
    assert date_of_url(None) is None


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Includes reporting from AFP.", ["AFP"]),
        ("Includes reporting from AFP and Reuters.", ["AFP", "Reuters"]),
        ("Reuters contributed reporting.", ["Reuters"]),
        ("With reporting by Interfax", ["Interfax"]),
    ],
)
def test_attribution_lines(line: str, names: list[str]) -> None:
    assert attribution_names(line) == names


def test_long_sentence_about_reporting_is_not_an_attribution() -> None:
    line = (
        "Includes reporting from the front line that the ministry says was fabricated by hostile foreign media outlets."
    )
    assert attribution_names(line) is None


def test_read_more_before_running_text_is_a_menu_item_not_the_end() -> None:
    lines = ["Read more", "Headline of the Day", "A first paragraph that is long enough to count as running text."]
    assert trailer_start(lines) == len(lines)


def test_appeal_ends_the_article_wherever_it_is() -> None:
    lines = [
        "A first paragraph that is long enough to count as running text in this check.",
        "We, the journalists of The Moscow Times, refuse to be silenced.",
        "A paragraph after the appeal that must never be body text either.",
    ]
    assert trailer_start(lines) == 1


def test_nothing_left_is_not_an_article() -> None:
    with pytest.raises(NotAnArticle):
        parse_lines(["Support The Moscow Times!", "A Message from The Moscow Times:", "Remind me later."])


@pytest.mark.parametrize(
    ("line", "role"),
    [
        ("Staff Writer", []),
        ("Special to The Moscow Times", []),
        ("For The Moscow Times", []),
        ("The Moscow Times", []),
        ("Reuters", ["Reuters"]),
        ("Bloomberg", ["Bloomberg"]),
        ("Oleg Petrov", None),
        ("Several hundred workers at a gold mine walked off the job on Tuesday.", None),
    ],
)
def test_byline_role_lines(line: str, role: list[str] | None) -> None:
    assert byline_role(line) == role


@pytest.mark.parametrize(
    ("line", "bare"),
    [
        ("Pixabay", True),
        ("Sergei Kiselev / Moskva News Agency", True),
        ("MT", True),
        ("Smoke over Yakutsk. Moskva News Agency", False),
        ("Moscow Metro to Test Face Pay on Suburban Trains", False),
    ],
)
def test_bare_credits(line: str, bare: bool) -> None:
    assert is_bare_credit(line) is bare


@pytest.mark.parametrize(
    "line",
    [". Last Updated: 07/27/2016", "2 hours ago", "Updated:", "5 Min read"],
)
def test_time_notes(line: str) -> None:
    assert is_time_note(line)
