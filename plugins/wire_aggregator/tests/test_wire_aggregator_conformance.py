"""The source contract over every fixture and the whole corpus."""

from __future__ import annotations

from wire_aggregator_helpers import FIXTURES, SEEDS, page_from_file

from masthead.testing import conformance_problems, installed_plugins
from masthead_wire_aggregator import EconoTimesSource


def test_conformance_over_fixtures_and_corpus(source: EconoTimesSource) -> None:
    pages = [page_from_file(p) for p in [*SEEDS, *sorted(FIXTURES.glob("*.html"))]]
    assert conformance_problems(source, pages) == []


def test_registered_through_the_entry_point() -> None:
    entry = installed_plugins().sources["wire_aggregator"]
    assert isinstance(entry.source, EconoTimesSource)
    assert entry.source.domains == ("econotimes.com",)
    assert entry.source.language == "en"
