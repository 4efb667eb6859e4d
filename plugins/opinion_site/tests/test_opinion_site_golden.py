"""Reviewed expected records: the corpus seed and the hand-written HTML pages.

Routing is not forced: the seed must reach this plugin through detection,
the HTML pages through their canonical URL, exactly as in a real run.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from opinion_site_helpers import HTML_ARTICLES, HTML_LISTING, SEED, leaks

from masthead import Article, Page
from masthead.testing import document, document_from_file, golden_path_for, ingest, ingest_article

Golden = Callable[[Article, "str | Path"], None]


def test_seed_matches_golden(golden: Golden) -> None:
    article = ingest_article(document_from_file(SEED))
    golden(article, golden_path_for(SEED))


def test_seed_has_no_boilerplate_and_the_expected_shape() -> None:
    article = ingest_article(document_from_file(SEED))
    assert article.outlet == "opinion_site"
    assert article.title is None
    assert len(article.body) == 12
    assert article.body[-1].endswith("cannot help but please.")
    assert len(article.comments) == 8
    assert article.related == ()
    assert any(w.startswith("title_missing") for w in article.warnings)
    assert leaks(article) == []


@pytest.mark.parametrize("path", HTML_ARTICLES, ids=lambda p: p.name)
def test_html_fixture_matches_golden(path: Path, golden: Golden) -> None:
    article = ingest_article(document_from_file(path))
    golden(article, golden_path_for(path))
    assert leaks(article) == []


def test_threaded_comments_keep_their_parents() -> None:
    article = ingest_article(document_from_file(HTML_ARTICLES[0]))
    parents = [c.parent for c in article.comments]
    assert parents == [None, 0, 1, None, 3, None]
    # The empty (image-only) comment stays so that its reply keeps a parent.
    assert article.comments[3].text == ""
    assert article.comments[3].author == "[deleted] x_X"
    assert article.comments[1].author == "Ivan_the_Pragmatist \U0001f1f7\U0001f1fa"


def test_listing_page_is_rejected_as_not_article() -> None:
    record = ingest(document_from_file(HTML_LISTING))
    assert not isinstance(record, Article)
    assert record.reason == "not_article"
    assert record.plugin == "opinion_site"


@pytest.mark.parametrize("path", HTML_ARTICLES, ids=lambda p: p.name)
def test_text_dump_of_an_html_page_gives_the_same_article(path: Path) -> None:
    """One quirk logic for both inputs: the page's rendered text, parsed as a
    dump, yields the same title, body, related titles and comments."""
    from_html = ingest_article(document_from_file(path))
    rendered = Page.from_raw(document_from_file(path)).text
    from_dump = ingest_article(document(rendered, uri=path.stem + ".txt"))
    assert from_dump.title == from_html.title
    assert from_dump.body == from_html.body
    assert from_dump.authors == from_html.authors
    assert from_dump.captions == from_html.captions
    assert [r.title for r in from_dump.related] == [r.title for r in from_html.related]
    assert [(c.author, c.text) for c in from_dump.comments] == [(c.author, c.text) for c in from_html.comments]
    assert leaks(from_dump) == []
