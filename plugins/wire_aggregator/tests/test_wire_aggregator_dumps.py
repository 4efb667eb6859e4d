"""Unseen-like page dumps of EconoTimes, routed and parsed as the pipeline does.

Each dump in ``fixtures/dumps/`` imitates a layout real dumps of the site
take (see the docs): the seed's shape (paragraphs on consecutive lines, no
title, a ticker of unrelated headlines at the end), the current site's
``Menu`` / ``Search`` / ``| Politics`` header with the captioned picture and
the sign-up box, the 2016 article view with its dateline and banners, the
"Featured Post" sidebar. The article texts are written for these tests.
Their golden files (checked in ``test_wire_aggregator_golden.py``) were
reviewed field by field; here: no boilerplate or ticker in any body, and
routing by content alone, with no other plugin claiming them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from wire_aggregator_helpers import DUMP_ARTICLES, DUMP_LISTINGS, leaked, page_from_file

from masthead.testing import document_from_file, ingest_article, installed_plugins

ALL_DUMPS = DUMP_ARTICLES + DUMP_LISTINGS


@pytest.mark.parametrize("path", DUMP_ARTICLES, ids=lambda p: p.name)
def test_no_boilerplate_or_ticker_in_body(path: Path) -> None:
    article = ingest_article(document_from_file(path))
    ticker_like = (
        "Gold Holds",
        "Best Gold Stocks",
        "FxWirePro",
        "Jobless Claims",
        "Nikkei",
        "Birthright",
        "Beating Forec",
    )
    assert not leaked(article.body, ticker_like)


@pytest.mark.parametrize("path", ALL_DUMPS, ids=lambda p: p.name)
def test_routed_here_and_not_claimed_by_other_plugins(path: Path) -> None:
    page = page_from_file(path)
    scores = {name: entry.source.detect(page) for name, entry in installed_plugins().sources.items()}
    assert scores.pop("wire_aggregator") >= 0.5
    assert all(score < 0.5 for score in scores.values()), scores
