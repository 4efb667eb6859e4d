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
