"""Golden records: the corpus seed, the HTML fixtures and the dumps, field by field.

Documents are routed, not forced, so these tests also prove that the
router hands EconoTimes pages to this plugin. The golden files were
generated once and then reviewed line by line (see docs/plugins).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from wire_aggregator_helpers import DUMP_ARTICLES, DUMP_LISTINGS, HTML_ARTICLES, HTML_LISTINGS, SEED

from masthead import Article, Rejection
from masthead.testing import document_from_file, golden_path_for, ingest, ingest_article

Golden = Callable[[Article, "str | Path"], None]


def test_seed_matches_golden(golden: Golden) -> None:
    article = ingest_article(document_from_file(SEED, url=None))
    assert article.outlet == "wire_aggregator"
    golden(article, golden_path_for(SEED))


@pytest.mark.parametrize("path", HTML_ARTICLES + DUMP_ARTICLES, ids=lambda p: p.name)
def test_fixture_matches_golden(path: Path, golden: Golden) -> None:
    article = ingest_article(document_from_file(path))
    assert article.outlet == "wire_aggregator"
    golden(article, golden_path_for(path))


@pytest.mark.parametrize("path", HTML_LISTINGS + DUMP_LISTINGS, ids=lambda p: p.name)
def test_listing_page_is_rejected_as_not_article(path: Path) -> None:
    record = ingest(document_from_file(path))
    assert isinstance(record, Rejection)
    assert (record.stage, record.reason, record.plugin) == ("parse", "not_article", "wire_aggregator")


def test_there_are_fixtures() -> None:
    assert len(HTML_ARTICLES) >= 2 and HTML_LISTINGS
    assert len(DUMP_ARTICLES) >= 8 and DUMP_LISTINGS
