"""Where an article ends: its end marker, the comment section, what follows the marker."""

from __future__ import annotations

import pytest

from masthead.extract.boilerplate import marker_rest
from masthead.extract.comments import read_after_marker, section_start
from masthead.extract.shapes import is_headline


@pytest.mark.parametrize(
    ("line", "rest"),
    [
        ("MORE ON THE TOPIC:", ""),
        ("More on the topic", ""),
        ("MORE  ON THE TOPIC: Army Advances In Hama", "Army Advances In Hama"),
        ("More on the topic of sanctions, the minister said nothing.", None),
        ("Read more on the topic:", None),
    ],
)
def test_marker_rest(line: str, rest: str | None) -> None:
    assert marker_rest(line, "more on the topic") == rest


def is_chrome(line: str) -> bool:
    return line in {"Share", "Donate"}


BODY = [
    "The first paragraph of the article runs long enough to read as running text here.",
    "The second paragraph closes the article with a finished sentence about the talks.",
]


def test_a_comment_form_opens_the_section() -> None:
    lines = [*BODY, "Leave a Reply", "Rob", "Nice piece."]
    assert section_start(lines, 0, len(lines), chrome=is_chrome) == 2


def test_a_thread_right_after_the_body_opens_the_section() -> None:
    lines = [*BODY, "Rob", "1 year ago", "I agree with this.", "kid_x", "2 years ago", "No way."]
    assert section_start(lines, 0, len(lines), chrome=is_chrome) == 2


def test_without_a_thread_the_section_starts_at_stop() -> None:
    assert section_start(BODY, 0, len(BODY)) == len(BODY)


def test_related_headlines_then_the_thread() -> None:
    tail = [
        "Army Advances In Northern Hama",
        "• Talks Resume In Istanbul",
        "Share",
        "Rob",
        "1 year ago",
        "Great Article Thanks",
        "Ann",
        "1 year ago",
        "Replying here.",
    ]
    related, comments = read_after_marker(tail, is_related=is_headline, chrome=is_chrome)
    assert related == ["Army Advances In Northern Hama", "Talks Resume In Istanbul"]
    assert [(c.author, c.text) for c in comments] == [("Rob", "Great Article Thanks"), ("Ann", "Replying here.")]


def test_comment_chrome_ends_the_related_run() -> None:
    tail = ["Leave a Reply", "Army Advances In Northern Hama", "Just a comment here."]
    related, comments = read_after_marker(tail, is_related=is_headline, chrome=is_chrome)
    assert related == []
    assert [c.text for c in comments] == ["Army Advances In Northern Hama", "Just a comment here."]


def test_the_last_line_is_judged_as_cut_short() -> None:
    tail = ["Army Advances In Northern Hama", "Don"]
    judged = read_after_marker(tail, is_related=is_headline, chrome=is_chrome, chrome_last=lambda line: line == "Don")
    assert judged == (["Army Advances In Northern Hama"], [])
    assert [c.text for c in read_after_marker(tail, is_related=is_headline, chrome=is_chrome)[1]] == ["Don"]


def test_related_may_be_refused() -> None:
    related, comments = read_after_marker(
        ["Army Advances In Hama"], is_related=is_headline, chrome=is_chrome, related_allowed=False
    )
    assert related == [] and [c.text for c in comments] == ["Army Advances In Hama"]


PLAIN_NAMES = [
    "The ministry confirmed the figures on Monday and said more would follow.",
    "Exports fell for the third month in a row, the statistics office said.",
    "Please support our work.",
    "Ruth Adler",
    "Numbers like these never tell the whole story.",
    "Paul Ng",
    "Agreed, the harvest was the real cause.",
]


def test_plain_names_after_the_outlets_end_furniture_open_the_thread() -> None:
    # Two title-case names are not a thread on their own (they could be
    # subheads); after the outlet's own closing furniture they are.
    assert section_start(PLAIN_NAMES, 0, len(PLAIN_NAMES)) == len(PLAIN_NAMES)
    assert section_start(PLAIN_NAMES, 0, len(PLAIN_NAMES), ended=3) == 3


def test_prose_after_the_end_furniture_stays_body() -> None:
    lines = [*PLAIN_NAMES[:3], "A further paragraph follows the appeal on this page.", "And one more line."]
    assert section_start(lines, 0, len(lines), ended=3) == len(lines)
