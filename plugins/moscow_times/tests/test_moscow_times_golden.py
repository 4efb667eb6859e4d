"""Golden records: the corpus seeds, the HTML fixtures and the hand-written dumps, routed as in a real run."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from moscow_times_support import (
    ARTICLE_DUMPS,
    ARTICLE_FIXTURES,
    LISTING_FIXTURE,
    OWN_SEEDS,
    SEED_BARE,
    SEED_FULL,
    leaks,
)

from masthead import Article, Rejection
from masthead.testing import document_from_file, golden_path_for, ingest, ingest_article

Golden = Callable[[Article, "str | Path"], None]


@pytest.mark.parametrize("path", OWN_SEEDS + ARTICLE_FIXTURES + ARTICLE_DUMPS, ids=lambda p: p.name)
def test_page_matches_reviewed_golden(path: Path, golden: Golden) -> None:
    """Seeds, HTML fixtures and hand-written dumps, each beside its golden."""
    article = ingest_article(document_from_file(path))
    assert article.outlet == "moscow_times"
    golden(article, golden_path_for(path))


@pytest.mark.parametrize("path", OWN_SEEDS + ARTICLE_FIXTURES + ARTICLE_DUMPS, ids=lambda p: p.name)
def test_no_boilerplate_in_body(path: Path) -> None:
    article = ingest_article(document_from_file(path))
    assert article.body
    assert leaks(article.body) == []


def test_full_seed_fields_go_to_their_own_places() -> None:
    article = ingest_article(document_from_file(SEED_FULL))
    assert article.title == "Putin and Trump Hail Trust and Cooperation on WWII Anniversary"
    assert article.subtitle is not None and article.subtitle.startswith("Russian and U.S. Presidents issue")
    assert article.captions == (
        "The two presidents issued a joint statement to mark 75 years of Soviet and U.S. forces "
        "meeting at Elbe river in 1945. Kremlin.ru",
    )
    assert len(article.body) == 7
    assert article.body[-1].startswith("In a video published on Twitter")


def test_bare_seed_never_promotes_first_sentence_to_title() -> None:
    article = ingest_article(document_from_file(SEED_BARE))
    assert article.title is None
    assert article.subtitle is None
    assert article.body[0].startswith("The Kremlin on Monday said")
    assert len(article.body) == 6
    assert any(w.startswith("title_missing") for w in article.warnings)


def test_listing_page_is_rejected_as_not_an_article() -> None:
    record = ingest(document_from_file(LISTING_FIXTURE))
    assert isinstance(record, Rejection)
    assert (record.stage, record.reason, record.plugin) == ("parse", "not_article", "moscow_times")
