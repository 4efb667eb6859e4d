"""Fixtures of the russia_briefing tests.

The repository runs pytest with ``--import-mode=importlib``, so test modules
cannot import a sibling helper module; shared helpers are fixtures here, and
paths are computed by each module from its own ``__file__``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from masthead import Article, Page
from masthead.extract.text import fold
from masthead.testing import document
from masthead_russia_briefing import RussiaBriefingSource

#: Phrases of the outlet's chrome that must never reach a body paragraph.
BOILERPLATE = (
    "About Us",
    "Russia Briefing is produced",
    "Dezan Shira",
    "dezshira",
    "please contact",
    "visit us at",
    "related-readings",
    "Related Reading",
    "Leave a Reply",
    "Your email address",
    "Required fields",
    "Post Comment",
    "Posted by",
    "Written by",
    "Reading Time",
    "Subscribe",
    "newsletter",
    "Share this",
)

SEED = Path(__file__).resolve().parents[3] / "corpus" / "000_e8f30686367901c1.txt"


@pytest.fixture
def source() -> RussiaBriefingSource:
    return RussiaBriefingSource()


@pytest.fixture
def seed_text() -> str:
    """The corpus seed as text (LF line endings, curly quotes, as stored)."""
    return SEED.read_text(encoding="utf-8")


@pytest.fixture
def page_of() -> Callable[..., Page]:
    """``page_of(text, html=False, url=None)``: a decoded page."""

    def make(text: str, *, html: bool = False, url: str | None = None) -> Page:
        return Page.from_raw(document(text, html=html, url=url))

    return make


@pytest.fixture
def leaks() -> Callable[[Article], list[str]]:
    """``leaks(article)``: every boilerplate phrase found in a body paragraph."""

    def find(article: Article) -> list[str]:
        return [
            f"{phrase!r} in {paragraph[:80]!r}"
            for paragraph in article.body
            for phrase in BOILERPLATE
            if fold(phrase) in fold(paragraph)
        ]

    return find
