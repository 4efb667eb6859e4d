"""The 2016-2017 layout, photo credits on their own line, archive pages with editors' notes."""

from __future__ import annotations

import pytest
from moscow_times_support import DUMPS, FIXTURES, article_from_text

from masthead import Page
from masthead.testing import document, document_from_file, ingest_article, installed_plugins

RELAUNCH = DUMPS / "news_2017_relaunch_ticker_update_pair.txt"
ARCHIVE = DUMPS / "archive_2012_updated_note_short_paragraphs.txt"


def test_relaunch_layout_keeps_only_the_article() -> None:
    article = ingest_article(document_from_file(RELAUNCH))
    assert article.outlet == "moscow_times"
    assert article.title == "Moscow Region Opens Its First Waste Sorting Plant"
    assert article.published == "2017-03-14T16:40:00+03:00"  # Moscow time, the outlet's zone
    text = "\n".join(article.body)
    for chrome in (
        "hours ago",
        "Update:",
        "Aeroflot Posts Record",
        "Siberian Village Elects",
        "City Lifehack",
        "Read More",
    ):
        assert chrome not in text
    assert [r.title for r in article.related] == [
        "Residents Protest Against Landfill Expansion in Balashikha",
        "Greenpeace Warns of Toxic Leaks at Moscow Landfills",
    ]


def test_photo_credits_alone_on_a_line_are_captions() -> None:
    article = ingest_article(document_from_file(RELAUNCH))
    assert "Andrei Vorobyov / Moskva News Agency" in article.captions
    assert any(c.endswith("Press Service of the Moscow Region Government") for c in article.captions)
    assert not any("Press Service" in p or " / Moskva" in p for p in article.body)


def test_editor_note_after_the_date_is_body_not_standfirst() -> None:
    article = ingest_article(document_from_file(ARCHIVE))
    assert article.subtitle is None
    assert article.body[0] == "Updated with a statement from the Interior Ministry."


def test_section_word_between_paragraphs_is_a_subhead_not_chrome() -> None:
    article = ingest_article(document_from_file(ARCHIVE))
    assert "Moscow" in article.body
    assert article.body.index("Moscow") < article.body.index("St. Petersburg")


def test_menu_words_above_the_headline_stay_chrome() -> None:
    text = (
        "Support The Moscow Times!\nRussia\nWorld\nMoscow\nBusiness\n"
        "Kremlin Names New Envoy to the Arctic Council\n"
        "The Kremlin on Friday named a career diplomat as its envoy to the Arctic Council, "
        "the foreign ministry said in a statement.\n"
        "The post had been vacant since the spring, when the previous envoy retired after ten years.\n"
    )
    article = article_from_text(text)
    assert article.title == "Kremlin Names New Envoy to the Arctic Council"
    assert not {"Russia", "World", "Moscow", "Business"} & set(article.body)


def test_template_link_block_is_related_not_body() -> None:
    article = ingest_article(document_from_file(FIXTURES / "opinion_2023_template_blocks.html"))
    assert "Subscribe to The Moscow Times newsletters" not in article.body
    assert not any("inbox" in p for p in article.body)
    assert ("Subscribe to The Moscow Times newsletters", "https://www.themoscowtimes.com/newsletters") in [
        (r.title, r.url) for r in article.related
    ]


def test_archive_template_keeps_editor_note_and_section_word_subhead() -> None:
    article = ingest_article(document_from_file(FIXTURES / "archive_2011_template_archive_byline.html"))
    assert article.authors == ("Natalya Krainova",)
    assert article.body[0] == "Updated with comments from the Transportation Department."
    assert "Business" in article.body
    assert len(article.body) == 7


_MENU_WORDS = (
    "Russia",
    "World",
    "Moscow",
    "Business",
    "Opinion",
    "Meanwhile",
    "City Lifehack",
    "City Listings & Guide",
)


def _relaunch_variant(name: str) -> str:
    text = RELAUNCH.read_text(encoding="utf-8")
    if name == "ellipsis_menu":
        return text.replace("Meanwhile\n", "Meanwhile…\n").replace("City Listings & Guide\n", "")
    if name == "no_menu":
        return "\n".join(line for line in text.split("\n") if line not in _MENU_WORDS)
    return text.replace("\n", "\r\n")


@pytest.mark.parametrize("variant", ["ellipsis_menu", "no_menu", "crlf"])
def test_relaunch_layout_is_detected_without_url_in_its_variants(variant: str) -> None:
    """Menu names of the period, or the stamp pair under a ticker, carry the page."""
    page = Page.from_raw(document(_relaunch_variant(variant), uri=f"{variant}.txt"))
    scores = {name: entry.source.detect(page) for name, entry in installed_plugins().sources.items()}
    assert scores.pop("moscow_times") >= 0.5
    assert all(score <= 0.2 for score in scores.values()), scores
    article = article_from_text(_relaunch_variant(variant), uri=f"{variant}.txt")
    assert article.title == "Moscow Region Opens Its First Waste Sorting Plant"
    assert len(article.body) == 6


@pytest.mark.parametrize(
    ("over_stamp", "title", "subtitle"),
    [
        (
            "Moscow Region Opens Its First Waste Sorting Plant\n"
            "The plant is the first of six the region has promised to build.",
            "Moscow Region Opens Its First Waste Sorting Plant",
            "The plant is the first of six the region has promised to build.",
        ),
        ("Is Moscow Ready to Sort Its Rubbish?", "Is Moscow Ready to Sort Its Rubbish?", None),
    ],
)
def test_relaunch_headline_over_a_standfirst_or_with_a_question_mark(
    over_stamp: str, title: str, subtitle: str | None
) -> None:
    text = RELAUNCH.read_text(encoding="utf-8").replace(
        "Moscow Region Opens Its First Waste Sorting Plant\nMar 14", over_stamp + "\nMar 14"
    )
    article = article_from_text(text)
    assert (article.title, article.subtitle) == (title, subtitle)
    assert len(article.body) == 6


def test_archive_first_paragraphs_after_the_date_are_never_standfirst_or_caption() -> None:
    """Archive pages have no standfirst: the short first paragraphs under the date are body."""
    text = ARCHIVE.read_text(encoding="utf-8").replace("Updated with a statement from the Interior Ministry.\n", "")
    article = article_from_text(text)
    assert article.subtitle is None
    assert article.captions == ()
    assert article.body[:2] == (
        "Police detained about 60 people who tried to hold unsanctioned rallies in Moscow and St. Petersburg "
        "on Sunday evening, a day before the presidential inauguration.",
        "Most were released within hours.",
    )


def test_widget_words_between_paragraphs_stay_chrome() -> None:
    text = ARCHIVE.read_text(encoding="utf-8").replace("\nMoscow\n", "\nShare\n")
    article = article_from_text(text)
    assert "Share" not in article.body
    assert len(article.body) == 9
