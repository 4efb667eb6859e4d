"""Golden records: the corpus seed, the HTML fixtures and the hand-written
dumps (fixtures/dumps/, see test_russia_briefing_dumps.py), routed as in a run."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from masthead import Article, Rejection
from masthead.extract.text import fold
from masthead.testing import document_from_file, golden_path_for, ingest, ingest_article

Golden = Callable[[Article, Path], None]
Leaks = Callable[[Article], list[str]]

HERE = Path(__file__).resolve().parent
SEED = HERE.parents[2] / "corpus" / "000_e8f30686367901c1.txt"
HTML_ARTICLES = (HERE / "fixtures" / "article_2019_classic.html", HERE / "fixtures" / "article_2023_reading_time.html")
DUMPS = HERE / "fixtures" / "dumps"
DUMP_ARTICLES = tuple(sorted(DUMPS.glob("article_*.txt")))
ARTICLES = (SEED, *HTML_ARTICLES, *DUMP_ARTICLES)
LISTINGS = (HERE / "fixtures" / "category_listing.html", *sorted(DUMPS.glob("listing_*.txt")))


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_page_matches_golden(path: Path, golden: Golden) -> None:
    article = ingest_article(document_from_file(path))
    assert article.outlet == "russia_briefing"
    golden(article, golden_path_for(path))


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_no_boilerplate_in_body(path: Path, leaks: Leaks) -> None:
    article = ingest_article(document_from_file(path))
    assert leaks(article) == []
    assert all("related-reading" not in fold(r.title) for r in article.related)
    assert article.title is None or fold(article.title) not in [fold(p) for p in article.body]


@pytest.mark.parametrize("path", LISTINGS, ids=lambda p: p.name)
def test_listing_page_is_rejected_as_not_article(path: Path) -> None:
    record = ingest(document_from_file(path))
    assert isinstance(record, Rejection)
    assert (record.stage, record.reason, record.plugin) == ("parse", "not_article", "russia_briefing")


def test_html_related_links_and_comments() -> None:
    """Spot checks a golden file could hide if it were regenerated carelessly."""
    classic = ingest_article(document_from_file(HTML_ARTICLES[0]))
    assert [r.url for r in classic.related] == [
        "https://www.russia-briefing.com/news/russia-far-east-e-visa-now-available.html/",
        "https://www.russia-briefing.com/news/kaliningrad-special-economic-zone-guide.html/",
    ]
    assert [c.parent for c in classic.comments] == [None, 0]
    assert classic.captions == ("Passport control at Pulkovo airport, St. Petersburg",)
    assert "What Investors Should Note" in classic.body
    newer = ingest_article(document_from_file(HTML_ARTICLES[1]))
    assert newer.authors == ("Maria Kotova", "Alexander Smirnov")
    assert newer.title == "Russia’s Trade With The Gulf States: Where The Growth Is"
    assert not newer.comments
