"""The comment-thread reader: every common shape, with parents."""

from __future__ import annotations

from masthead.extract.comments import (
    bullet_depths,
    bullet_thread_start,
    is_comment_chrome,
    line_indents,
    opens_comments,
    read_thread,
    thread_start,
)
from masthead.extract.text import lines as text_lines


def triples(lines: list[str], **kwargs: object) -> list[tuple[str | None, str, int | None]]:
    return [(c.author, c.text, c.parent) for c in read_thread(lines, **kwargs)]  # type: ignore[arg-type]


def test_dated_comments_with_reply_to() -> None:
    lines = [
        "3 Comments",
        "Ivan",
        "May 21, 2016 at 7:05 pm",
        "The first comment.",
        "Reply",
        "Olga",
        "Reply to Ivan",
        "1 year ago",
        "An answer to Ivan.",
    ]
    comments = read_thread(lines)
    assert [(c.author, c.text, c.parent) for c in comments] == [
        ("Ivan", "The first comment.", None),
        ("Olga", "An answer to Ivan.", 0),
    ]
    assert comments[0].published == "2016-05-21T19:05:00"


def test_disqus_export_with_indents_and_an_authorless_first_comment() -> None:
    dump = (
        "    A first comment whose author line the export lost.\n"
        "  • Rob\n"
        "    Finally, the garrison held out.\n"
        "    • kid_x\n"
        "      soon it will be over :))\n"
        "  • Aussie Andrew\n"
        "    Close the skies.\n"
    )
    lines = list(text_lines(dump))
    assert line_indents(dump) == [4, 2, 4, 4, 6, 2, 4]
    depths = bullet_depths(dump)
    assert depths == [2, 4, 2]
    assert triples(lines, depths=depths) == [
        (None, "A first comment whose author line the export lost.", None),
        ("Rob", "Finally, the garrison held out.", None),
        ("kid_x", "soon it will be over :))", 1),
        ("Aussie Andrew", "Close the skies.", None),
    ]


def test_numbered_thread_with_names_and_with_text_only() -> None:
    named = ["1. jens holm", "Freedom of speech, western style.", "2. Daniel Rich", "Nothing new.", "Really."]
    assert triples(named) == [
        ("jens holm", "Freedom of speech, western style.", None),
        ("Daniel Rich", "Nothing new.\nReally.", None),
    ]
    bare = ["1. First opinion here.", "2. Second opinion here."]
    assert triples(bare) == [(None, "First opinion here.", None), (None, "Second opinion here.", None)]


def test_named_thread_with_reply_buttons() -> None:
    lines = [
        "Notify of",
        "jens holm",
        "Freedom of speech.",
        "Reply",
        "Daniel Rich",
        "Reply to jens holm",
        "Indeed.",
        "Reply",
    ]
    assert triples(lines, chrome_seen=True) == [
        ("jens holm", "Freedom of speech.", None),
        ("Daniel Rich", "Indeed.", 0),
    ]


def test_flat_comments_one_per_line() -> None:
    assert triples(["lol", "Good article, thanks."]) == [(None, "lol", None), (None, "Good article, thanks.", None)]


def test_outlet_chrome_is_never_comment_text() -> None:
    lines = ["First comment here.", "Support our site"]
    assert triples(lines, chrome=lambda line: line == "Support our site") == [(None, "First comment here.", None)]


def test_chrome_and_openers() -> None:
    assert is_comment_chrome("Newest Oldest Most Voted")
    assert is_comment_chrome("2 years ago")
    assert is_comment_chrome("Your email address will not be published. Required fields are marked *")
    assert not is_comment_chrome("I agree with the author.")
    assert opens_comments("12 Comments")
    assert opens_comments("Leave a Reply")
    assert not opens_comments("The comments of the minister were clear.")


BODY = [
    "The army captured the village after three days of fighting, the ministry said.",
    "Further advances are expected in the coming week, according to local sources.",
]


def test_unmarked_named_thread_after_the_body() -> None:
    lines = [*BODY, "jens holm", "Freedom of speech, western style.", "Daniel Rich", "They banned the parties first."]
    assert thread_start(lines) == 2


def test_unmarked_dated_and_numbered_threads() -> None:
    dated = [*BODY, "Rob Smith", "2 years ago", "Finally some news."]
    assert thread_start(dated) == 2
    numbered = [*BODY, "1. Rob", "Finally some news.", "2. Aussie Andrew", "Close the skies."]
    assert thread_start(numbered) == 2


def test_an_article_section_under_subheadings_is_no_thread() -> None:
    lines = [
        *BODY,
        "Background And Context",
        "The village lies on the road to the airbase, which was besieged for three years.",
        "Military Outlook Next",
        "Analysts expect the offensive to continue along the river towards the border.",
    ]
    assert thread_start(lines) is None
    numbered_list = [*BODY, "1. The army holds the bridge.", "2. The militants retreated to the east."]
    assert thread_start(numbered_list) is None


def test_bullet_thread_needs_two_names_followed_by_text() -> None:
    article_list = [*BODY, "• First point of the article", "• Second point of the article"]
    assert bullet_thread_start(article_list) is None
    thread = [*BODY, "• Rob", "Finally.", "• Ronald", "Why?"]
    assert bullet_thread_start(thread) == 2


def test_an_ordered_list_of_dated_comments_loses_its_numbers() -> None:
    lines = ["1. Rob says:", "May 21, 2016 at 7:05 pm", "First.", "2. Ann says:", "May 22, 2016 at 8:00 am", "Second."]
    assert triples(lines) == [("Rob", "First.", None), ("Ann", "Second.", None)]
    assert thread_start([*BODY, *lines]) == len(BODY)


def test_unmarked_thread_of_plain_names_needs_three_and_chat() -> None:
    comments = ["Peter Marshall", "Nobody will say a word.", "John Baker", "Why now?", "Anna Reed", "It was expected."]
    assert thread_start([*BODY, *comments]) == len(BODY)
    assert thread_start([*BODY, *comments[2:]]) is None  # two plain names could be two sections


def test_name_and_date_on_one_head_line_with_a_reply_arrow() -> None:
    lines = [
        "Rob • 5 years ago",
        "Finally.",
        "Ann → Rob • 5 years ago",
        "Not yet.",
        "Ivan on May 21, 2016 said:",
        "Hm.",
    ]
    comments = read_thread(lines)
    assert [(c.author, c.text, c.parent) for c in comments] == [
        ("Rob", "Finally.", None),
        ("Ann", "Not yet.", 0),
        ("Ivan", "Hm.", None),
    ]
    assert comments[2].published == "2016-05-21"
    assert thread_start([*BODY, *lines]) == len(BODY)


def test_disqus_first_comment_whose_author_line_lost_its_bullet() -> None:
    lines = [*BODY, "Rob", "Finally.", "• Ronald", "Why?", "• kid_x", "Soon."]
    assert bullet_thread_start(lines) == len(BODY)
    assert triples(lines[len(BODY) :]) == [
        ("Rob", "Finally.", None),
        ("Ronald", "Why?", None),
        ("kid_x", "Soon.", None),
    ]
    section = [*BODY, "Conclusion", "The army holds the bridge.", "• Ronald", "Why?", "• kid_x", "Soon."]
    assert bullet_thread_start(section) == len(BODY) + 2
