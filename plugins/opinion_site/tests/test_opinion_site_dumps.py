"""Hand-written dumps of SouthFront pages other than the seed, with reviewed goldens.

Each dump imitates one way real captures of southfront.org / southfront.press
read across the years (donation thermometer and crypto widget, title printed
twice, Disqus bullets, wpDiscuz names without dates, classic "NAME says:"
comments, a map update by SF Team, a dump cut in the body or inside the
marker, a category page). Routing is never forced: each dump must reach
this plugin by detection alone, and no other installed plugin may claim it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from opinion_site_helpers import FIXTURES, leaks

from masthead import Article, Page
from masthead.router import CLAIM_THRESHOLD
from masthead.testing import document_from_file, golden_path_for, ingest, ingest_article, installed_plugins

Golden = Callable[[Article, "str | Path"], None]

DUMPS = FIXTURES / "dumps"
LISTING = DUMPS / "press_listing.txt"
ARTICLES = sorted(p for p in DUMPS.glob("*.txt") if p != LISTING)


def parse(path: Path) -> Article:
    article = ingest_article(document_from_file(path))
    assert article.outlet == "opinion_site"
    assert leaks(article) == []
    return article


def comments_of(path: Path) -> list[tuple[str | None, str, int | None]]:
    return [(c.author, c.text, c.parent) for c in parse(path).comments]


def test_there_are_enough_dumps() -> None:
    assert len(ARTICLES) >= 8


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_dump_matches_golden(path: Path, golden: Golden) -> None:
    golden(parse(path), golden_path_for(path))


@pytest.mark.parametrize("path", [*ARTICLES, LISTING], ids=lambda p: p.name)
def test_only_this_plugin_claims_the_dump(path: Path) -> None:
    page = Page.from_raw(document_from_file(path))
    for name, entry in installed_plugins().sources.items():
        score = entry.source.detect(page)
        if name == "opinion_site":
            assert score >= CLAIM_THRESHOLD, f"{name} scores {score}"
        else:
            assert score < CLAIM_THRESHOLD, f"{name} claims a SouthFront page ({score})"


def test_category_page_dump_is_not_an_article() -> None:
    record = ingest(document_from_file(LISTING))
    assert not isinstance(record, Article)
    assert record.reason == "not_article"
    assert record.plugin == "opinion_site"


# Spot checks of the rules each dump is there for (the goldens hold the rest).


def test_wpdiscuz_names_replies_and_empty_comment() -> None:
    got = comments_of(DUMPS / "press_2025_named_thread.txt")
    assert [author for author, _, _ in got] == [
        "leon mc pilibin",
        "Ivan_the_Pragmatist \U0001f1f7\U0001f1fa",
        "[deleted] x_X",
        "Tommy Jensen",
        "Mr. Reality",
        "occupied Berlin",
    ]
    assert got[1][2] == 0
    assert got[2][1] == ""  # an image-only comment keeps its place ...
    assert got[3] == ("Tommy Jensen", "lol", 2)  # ... so that the reply to it has a parent
    assert "\n" in got[4][1]  # two paragraphs, one comment


def test_disqus_bullets_give_authors_and_nesting() -> None:
    got = comments_of(DUMPS / "org_2017_disqus.txt")
    assert [(a, p) for a, _, p in got] == [
        ("Rob", None),
        ("Thegr8rambino", 0),
        ("Rob", None),
        ("Aussie Andrew", None),
        ("Ronald", None),
    ]
    assert got[2][1] == ""


def test_title_with_exclamation_is_found_when_printed_twice() -> None:
    article = parse(DUMPS / "org_2016_says_dated.txt")
    assert article.title == "Revealed! Western Think Tank Finds SouthFront Behind Every Bush"
    assert article.body[0] == "Dear friends,"
    assert article.authors == ("SouthFront Team",)
    assert [c.parent for c in article.comments] == [None, 0]  # "Reply to" after the date line


def test_old_crypto_widget_with_glued_title_is_dropped() -> None:
    article = parse(DUMPS / "org_2020_crypto_widget.txt")
    assert article.title == "Turkish Drones Over Idlib: What Changed Since The March Ceasefire"
    assert article.published == "2020-10-14"
    assert not any("(" in p and "):" in p for p in article.body)


def test_dump_cut_inside_the_marker_still_routes_and_keeps_the_body_clean() -> None:
    article = parse(DUMPS / "press_byline_long_cut_marker.txt")
    assert article.authors == ("Lucas Leiroz",)
    assert article.body[-1].startswith("The real winners are")
