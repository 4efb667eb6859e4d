"""The parts of a news page read from its lines by shape."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from masthead.extract import pageparts
from masthead.extract.captions import is_photo_credit
from masthead.extract.shapes import is_headline

PARAGRAPH = (
    "The regional council approved the budget on Tuesday after a long debate about the new bridge"
    " over the river and the ferry service it will replace next spring."
)

STAMPED = [
    "Politics",
    "Economy",
    "3 hours ago Ferry Service Resumes on the Northern Route",
    "an hour ago Council Approves the Bridge Budget",
    "Politics",
    "Council Approves the Bridge Budget",
    "Mar 14, 2017 — 16:40",
    "— Update: 18:05",
    PARAGRAPH,
]


def test_the_headline_over_a_stamp_below_a_ticker_is_found() -> None:
    assert pageparts.title_over_stamp(STAMPED) == 5


def test_a_stamp_without_ticker_or_update_line_is_no_such_head() -> None:
    assert pageparts.title_over_stamp([line for line in STAMPED if "ago" not in line and "Update" not in line]) is None
    assert pageparts.title_over_stamp(["Council Approves the Bridge Budget", PARAGRAPH]) is None


def test_over_a_standfirst_sentence_the_line_above_it_is_the_headline() -> None:
    lines = [*STAMPED[:6], "The council met for nine hours.", *STAMPED[6:]]
    assert pageparts.title_over_stamp(lines) == 5
    lines = [*STAMPED[:5], "It met for nine hours.", "The council voted.", *STAMPED[6:]]
    assert pageparts.title_over_stamp(lines) is None


def test_the_headline_is_the_first_long_line_of_the_leading_headline_run() -> None:
    lines = ["Top Stories", "Council Approves the Bridge Budget", "What Comes Next", PARAGRAPH]
    assert pageparts.title_in_run(lines, is_headline=is_headline) == 1
    assert pageparts.title_in_run(["Top Stories", "Bridge Budget", PARAGRAPH], is_headline=is_headline) == 1


def test_a_page_opening_with_text_has_no_headline_line() -> None:
    assert pageparts.title_in_run([PARAGRAPH, "Council Approves the Bridge Budget"], is_headline=is_headline) is None


def test_a_kicker_over_the_headline_is_passed_over() -> None:
    lines = ["city budget", "Council Approves the Bridge Budget", PARAGRAPH]
    assert pageparts.is_kicker(lines, 0)
    assert not pageparts.is_kicker(lines, 1)
    assert not pageparts.is_kicker(["A finished sentence.", "Council Approves the Bridge Budget"], 0)
    skip = lambda index: pageparts.is_kicker(lines, index)  # noqa: E731
    assert pageparts.title_in_run(lines, is_headline=is_headline, skip=skip) == 1


def test_a_lead_caption_split_from_its_credit_takes_two_lines() -> None:
    lines = ["Smoke over the valley.", "Valley Emergencies Ministry / Telegram", PARAGRAPH]
    credit = lambda line: is_photo_credit(line, agencies=("Telegram",))  # noqa: E731
    assert pageparts.lead_caption_lines(lines, 0, is_credit=credit) == 2


def test_a_short_line_over_a_long_paragraph_is_a_caption_without_credit() -> None:
    assert pageparts.lead_caption_lines(["Smoke over the valley.", PARAGRAPH], 0, is_credit=is_photo_credit) == 1


def test_news_sentences_are_never_lead_captions() -> None:
    never = lambda line: False  # noqa: E731
    for line in ("The mayor said it was safe.", "MOSCOW — Smoke rose.", "“It is safe,” he wrote."):
        assert pageparts.lead_caption_lines([line, PARAGRAPH], 0, is_credit=never) == 0
    assert pageparts.lead_caption_lines([PARAGRAPH, PARAGRAPH], 0, is_credit=never) == 0


def test_datelines_open_news_paragraphs() -> None:
    assert pageparts.opens_with_dateline("ST. PETERSBURG — The city opened a bridge.")
    assert not pageparts.opens_with_dateline("The city opened a bridge — finally.")


def test_the_standfirst_is_a_short_sentence_with_something_after_it() -> None:
    no_head_line = lambda line: False  # noqa: E731
    is_caption = lambda line: line.endswith("/ TASS")  # noqa: E731
    lines = ["The bridge will open in May.", "By A Writer", PARAGRAPH]
    by = lambda line: line.startswith("By ")  # noqa: E731
    assert pageparts.standfirst_fits(lines, 0, titled=True, is_caption=is_caption, is_head_line=by)
    assert not pageparts.standfirst_fits(lines[:2], 0, titled=True, is_caption=is_caption, is_head_line=by)
    heading = ["Council Approves the Bridge Budget", PARAGRAPH]
    assert not pageparts.standfirst_fits(heading, 0, titled=True, is_caption=is_caption, is_head_line=no_head_line)
    untitled = ["The bridge will open in May.", "A photo / TASS", PARAGRAPH]
    assert pageparts.standfirst_fits(untitled, 0, titled=False, is_caption=is_caption, is_head_line=no_head_line)
    bare = ["The bridge will open in May.", PARAGRAPH]
    assert not pageparts.standfirst_fits(bare, 0, titled=False, is_caption=is_caption, is_head_line=no_head_line)


BOXED = [
    "A menu item",
    "Read more",
    PARAGRAPH,
    "News",
    "Ferry Service Resumes on the Northern Route",
    "Read more",
    PARAGRAPH,
]


def test_link_boxes_after_text_become_headlines_the_rest_stays() -> None:
    is_marker = lambda line: line == "Read more"  # noqa: E731
    is_text = lambda line: line == PARAGRAPH  # noqa: E731
    kept, headlines = pageparts.take_link_boxes(BOXED, is_marker=is_marker, is_headline=is_headline, is_text=is_text)
    assert headlines == ["Ferry Service Resumes on the Northern Route"]
    assert kept == ["A menu item", PARAGRAPH, "News", PARAGRAPH]


def test_a_read_more_closes_a_box_only_under_a_headline() -> None:
    is_label = lambda line: line == "News"  # noqa: E731
    is_text = lambda line: line == PARAGRAPH  # noqa: E731
    closes = lambda lines, index: pageparts.closes_link_box(  # noqa: E731
        lines, index, is_headline=is_headline, is_label=is_label, is_text=is_text
    )
    assert closes(BOXED, 5)
    assert not closes(BOXED, 1)
    assert not closes([PARAGRAPH, "Ferry Service Resumes on the Northern Route", "Read more"], 2)


def test_cluster_headlines_run_from_opener_to_closer() -> None:
    trailer = ["Read more", "opinion", "Ferry Service Resumes", "A teaser sentence.", "Most read", "Other Big Story"]
    found = pageparts.cluster_headlines(
        trailer,
        opens=lambda line: line == "Read more",
        closes=lambda line: line == "Most read",
        is_headline=is_headline,
    )
    assert found == ["Ferry Service Resumes"]


def test_menu_run_counts_the_longest_run_and_own_items() -> None:
    keys = ["news", "business", "arts and life", "meanwhile", "news", "a paragraph", "meanwhile"]
    best, own = pageparts.menu_run(keys, menu={"news", "business"}, own={"arts and life", "meanwhile"})
    assert (best, own) == (5, 2)
    assert pageparts.menu_run(["a paragraph"], menu={"news"}, own={"meanwhile"}) == (0, 0)


@given(st.text(alphabet=" \t\n\u00a0\u2028ab.", max_size=40), st.integers(min_value=-3, max_value=12))
def test_word_counts_stop_at_the_word_that_settles_them(line: str, count: int) -> None:
    assert pageparts._more_words(line, count) == (len(line.split()) > count)
