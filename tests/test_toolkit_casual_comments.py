"""Reader comments typed in lower case, found after an article with no marker."""

from __future__ import annotations

import pytest

from masthead.extract.comments import casual_tail_start

ARTICLE = [
    "The ministry said the new rules take effect in March.",
    "“We expect no delays,” a spokesman told reporters.",
    "iPhone sales fell by a third, the importers' association said.",  # a name in lower case opens it
    "Officials did not say when the next round would start.",
]


@pytest.mark.parametrize(
    ("comments", "found"),
    [
        (["lol they never learn", "“the task is by no means easy” … sure", "gee, which should i choose?"], 4),
        (["who pays for this?", "Nobody, as usual.", "exactly my point", "and again"], 6),  # stops at sentence case
        (["who pays for this?"], None),  # one line is no thread
        (["Nobody, as usual.", "Who pays for this?"], None),  # sentence case: nothing tells them apart
        ([], None),
    ],
)
def test_a_lower_case_run_after_the_article_is_the_thread(comments: list[str], found: int | None) -> None:
    lines = [*ARTICLE, *comments]
    assert casual_tail_start(lines, 1, len(lines)) == found


def test_the_run_stays_between_start_and_stop() -> None:
    lines = ["Headline", "ok then", "sure", "yes", "Fine."]
    assert casual_tail_start(lines, 0, 4) == 1
    assert casual_tail_start(lines, 2, 4) == 2
    assert casual_tail_start(lines, 0, len(lines)) is None  # the last line opens in upper case


@pytest.mark.parametrize(
    "tail",
    [
        ["- the withdrawal of the forces from the four regions;", "- the recognition of the new borders."],
        ["https://www.reuters.com/world/europe/kremlin-envoy-2025-04-02/", "https://tass.com/politics/1938211"],
        ["t.me/mod_russia/31245", "tass.com/politics/1958321"],
        ["de Gaulle's old doctrine is back in fashion in Paris.", "al-Assad's former allies look for a deal."],
        ["van der Leyen's office did not answer.", "eBay and iPhone sales fell by a third, importers said."],
    ],
)
def test_lists_addresses_and_lower_case_names_end_an_article_not_a_thread(tail: list[str]) -> None:
    lines = [*ARTICLE, *tail]
    assert casual_tail_start(lines, 1, len(lines)) is None


@pytest.mark.parametrize(
    "tail",
    [
        ["do you really believe a word of this?", "lol they never learn"],
        ["la la land again", "and/or they lie, as usual"],
        ["ten years of this and nothing learned", "ben said it first"],
    ],
)
def test_english_words_that_are_also_name_particles_still_open_casual_lines(tail: list[str]) -> None:
    lines = [*ARTICLE, *tail]
    assert casual_tail_start(lines, 1, len(lines)) == len(ARTICLE)
