"""Tests of the daily_planet plugin, using masthead's plugin test kit."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from masthead import Article, Page
from masthead.testing import (
    conformance_problems,
    document,
    document_from_file,
    golden_path_for,
    ingest_article,
    installed_plugins,
)

FIXTURES = Path(__file__).parent / "fixtures"


def test_plugin_is_installed_and_conforms() -> None:
    entry = installed_plugins().sources["daily_planet"]
    pages = [Page.from_raw(document_from_file(path)) for path in sorted(FIXTURES.glob("*.txt"))]
    assert conformance_problems(entry.source, pages) == []


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.txt")), ids=lambda p: p.name)
def test_fixture_matches_its_golden_file(path: Path, golden: Callable[[Article, Path], None]) -> None:
    golden(ingest_article(document_from_file(path)), golden_path_for(path))


def test_pages_of_other_outlets_are_not_claimed() -> None:
    other = document("Some Headline\n\nA paragraph from another paper.\n")
    assert installed_plugins().sources["daily_planet"].source.detect(Page.from_raw(other)) == 0.0
