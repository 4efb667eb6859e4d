"""Hand-written page dumps of other articles and years, as real dumps of the site read.

Each dump in ``fixtures/dumps/`` is a different article in the shape the
site's pages take in a given year (2016 oldtmt archive, 2018-2019 with tags
and the older appeals, 2021-2022 live blogs and the war-time appeal,
2023-2025 with the current appeal and the 2024 "ad-free" modal), with the
variations real dumps show: CRLF, non-breaking spaces, no blank lines, menu
lines, a repeated title, captions with and without credit, appeals cut
short, a body cut mid-sentence. Their reviewed goldens are checked in
``test_moscow_times_golden``; here: routing, listings, and the set itself.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from moscow_times_support import ARTICLE_DUMPS, LISTING_DUMPS

from masthead import Page, Rejection
from masthead.testing import document_from_file, ingest, ingest_article, installed_plugins


def test_the_dump_set_has_the_variations_it_claims() -> None:
    assert len(ARTICLE_DUMPS) >= 12
    assert len(LISTING_DUMPS) >= 2
    raw = {p.name: p.read_bytes() for p in ARTICLE_DUMPS}
    assert sum(b"\r\n" in data for data in raw.values()) >= 2
    assert any("\u00a0".encode() in data for data in raw.values())
    assert any(b"\n\n" not in data for data in raw.values())


@pytest.mark.parametrize("dump", ARTICLE_DUMPS + LISTING_DUMPS, ids=lambda p: p.name)
def test_dump_is_claimed_by_this_plugin_only(dump: Path) -> None:
    page = Page.from_raw(document_from_file(dump))
    scores = {name: entry.source.detect(page) for name, entry in installed_plugins().sources.items()}
    assert scores["moscow_times"] >= 0.5
    assert all(score <= 0.2 for name, score in scores.items() if name != "moscow_times"), scores


@pytest.mark.parametrize("dump", LISTING_DUMPS, ids=lambda p: p.name)
def test_listing_dump_is_rejected_as_not_an_article(dump: Path) -> None:
    record = ingest(document_from_file(dump))
    assert isinstance(record, Rejection)
    assert (record.stage, record.reason, record.plugin) == ("parse", "not_article", "moscow_times")


@pytest.mark.parametrize("dump", ARTICLE_DUMPS, ids=lambda p: p.name)
def test_headline_is_never_a_body_paragraph(dump: Path) -> None:
    article = ingest_article(document_from_file(dump))
    assert article.title is None or article.title not in article.body
    assert article.subtitle is None or article.subtitle not in article.body
