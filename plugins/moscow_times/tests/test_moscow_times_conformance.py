"""The source keeps masthead's plugin contract over every page we have."""

from __future__ import annotations

from moscow_times_support import ARTICLE_FIXTURES, CORPUS, LISTING_FIXTURE

from masthead import Page
from masthead.testing import conformance_problems, document_from_file
from masthead_moscow_times import MoscowTimesSource


def test_no_conformance_problems_over_fixtures_and_corpus(source: MoscowTimesSource) -> None:
    paths = [*ARTICLE_FIXTURES, LISTING_FIXTURE, *sorted(CORPUS.glob("*.txt"))]
    pages = [Page.from_raw(document_from_file(path)) for path in paths]
    assert len(pages) >= 9
    assert conformance_problems(source, pages) == []


def test_declared_identity(source: MoscowTimesSource) -> None:
    assert source.name == "moscow_times"
    assert "themoscowtimes.com" in source.domains
    assert source.language == "en"
