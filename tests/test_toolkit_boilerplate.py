"""Boilerplate as data: phrase families and blocks, matched tolerantly."""

from __future__ import annotations

from masthead.extract.boilerplate import BlockRule, Boilerplate, Phrases, glued_pattern, split_glued

APPEAL = Phrases(
    "donation",
    exact=("Support us",),
    prefixes=("Do you like this content?",),
    contains=("our work is impossible without your support",),
    patterns=(r"^(?:bitcoin|eth)\s*(?:\([a-z]+\))?\s*:",),
)
APPEAL_BLOCK = BlockRule(
    "donation_block",
    start=Phrases("appeal_start", prefixes=("Do you like this content?",)),
    end=Phrases("appeal_end", prefixes=("If you want to support us but have no opportunity",)),
    inside=APPEAL,
    tail_words=10,
)


def test_phrases_match_whatever_the_case_quotes_dashes_and_spaces() -> None:
    assert APPEAL.matches("SUPPORT US")
    assert APPEAL.matches("Support\u00a0us!")
    assert APPEAL.matches("Do you like this content?\u00a0Consider helping us!")
    assert APPEAL.matches("Friends, our work is impossible without your support — thank you.")
    assert APPEAL.matches("BITCOIN (BTC): bc1qexample")
    assert not APPEAL.matches("Supporters of the deal say it was a success.")
    assert not APPEAL.matches("")


def test_curly_quotes_match_straight_ones() -> None:
    family = Phrases("x", prefixes=("We don't sell ads",))
    assert family.matches("We don\u2019t sell ads, and never will.")


def test_prefix_words_keeps_a_sentence_that_starts_like_a_heading() -> None:
    heading = Phrases("heading", prefixes=("help us",), prefix_words=4)
    assert heading.matches("Help us!")
    assert not heading.matches("Help us understand why the talks failed, the minister said to reporters.")


def test_a_phrase_cut_short_still_counts_long_enough_or_at_the_end() -> None:
    assert APPEAL.matches_cut("Do you like this cont")
    assert not APPEAL.matches_cut("Do you")
    assert APPEAL.matches_cut("Do you", last=True)
    assert not APPEAL.matches_cut("Do you like this content? Consider helping us!")  # whole, not cut


def test_block_runs_from_start_to_end_marker_over_any_lines() -> None:
    lines = [
        "Title",
        "Do you like this content? Consider helping us!",
        "MONERO",
        "A line of twenty words that would otherwise stop the block because it is long and reads like prose text here.",
        "If you want to support us but have no opportunity, please repost.",
        "First paragraph of the article, which is running text and no part of the appeal at all.",
    ]
    spans = Boilerplate(blocks=[APPEAL_BLOCK]).spans(lines)
    assert [(s.name, s.start, s.end) for s in spans] == [("donation_block", 1, 5)]


def test_block_without_its_end_stops_at_running_text() -> None:
    lines = [
        "Do you like this content? Consider helping us!",
        "BITCOIN: 1BoatSLRHtKNngkdXEeobR76b53LETtpyT",
        "write to info@example.org",
        "The first paragraph of the article is running text, long enough to stop any tail of short lines.",
    ]
    assert Boilerplate(blocks=[APPEAL_BLOCK]).strip(lines) == [lines[-1]]


def test_boilerplate_names_the_family_and_strips_single_lines() -> None:
    menu = Phrases("menu", exact=("Home", "News"))
    bp = Boilerplate(menu, APPEAL)
    assert bp.kind_of("HOME") == "menu"
    assert bp.kind_of("Support us") == "donation"
    assert bp.kind_of("An article sentence.") is None
    assert bp.strip(["Home", "An article sentence.", "Support us"]) == ["An article sentence."]


def test_after_its_end_marker_a_block_takes_only_its_own_phrases() -> None:
    lines = [
        "Do you like this content? Consider helping us!",
        "If you want to support us but have no opportunity, please repost.",
        "BITCOIN: 1BoatSLRHtKNngkdXEeobR76b53LETtpyT",
        "Rob",
        "Short comment.",
    ]
    spans = Boilerplate(blocks=[APPEAL_BLOCK]).spans(lines)
    assert [(s.start, s.end) for s in spans] == [(0, 3)]


def test_spans_before_a_stop_and_at_the_lines_a_test_lets_open_them() -> None:
    appeal = "Do you like this content? Consider helping us!"
    end = "If you want to support us but have no opportunity, please repost."
    text = "A paragraph of the article, running text long enough to end any tail of short lines here."
    lines = [appeal, "BITCOIN: 1Boat", end, text, "Do you like this content? Please help.", end, text, appeal, end]
    rules = Boilerplate(blocks=[APPEAL_BLOCK])
    every = rules.spans(lines)
    assert [(s.start, s.end) for s in every] == [(0, 3), (4, 6), (7, 9)]
    assert rules.spans(lines, stop=5) == every[:2]
    assert rules.spans(lines, stop=4) == every[:1]
    assert rules.spans(lines, opens=APPEAL_BLOCK.start.matches) == every  # where every block opens
    assert rules.spans(lines, opens=lambda line: line != lines[4]) == [every[0], every[2]]


def test_split_glued_puts_markers_on_their_own_lines() -> None:
    pattern = glued_pattern(("Support The Moscow Times!", "Read more about:"))
    lines = ["The talks ended.  support the  moscow times! Contribute today", "Read more about:"]
    assert split_glued(lines, pattern) == [
        "The talks ended.",
        "support the  moscow times!",
        "Contribute today",
        "Read more about:",
    ]
