"""Paths and helpers shared by the moscow_times plugin tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from masthead import Article
from masthead.extract.text import fold
from masthead.testing import document, golden_path_for, ingest_article

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
CORPUS = HERE.parents[2] / "corpus"

SEED_FULL = CORPUS / "001_77bc0baac539023c.txt"  # header, title, standfirst, caption, boxes
SEED_BARE = CORPUS / "003_79c676a6b2d50e39.txt"  # no header, no title, appeal only
OWN_SEEDS = (SEED_FULL, SEED_BARE)
OTHER_SEEDS = (
    CORPUS / "000_e8f30686367901c1.txt",
    CORPUS / "002_42067fbfab13d749.txt",
    CORPUS / "004_43bd5b0d17377245.txt",
)
ARTICLE_FIXTURES = (
    FIXTURES / "news_2023_metro.html",
    FIXTURES / "opinion_2024_rivers.html",
    FIXTURES / "legacy_2015_generic.html",
    FIXTURES / "archive_2014_adfree_modal.html",  # 2024 template over an imported 2014 article
    # Built from the site's published templates (article/item.php and its blocks):
    FIXTURES / "opinion_2023_template_blocks.html",  # label, quote, related, image, link, aside blocks
    FIXTURES / "archive_2011_template_archive_byline.html",  # archive mode: span byline, editor's note
)
LISTING_FIXTURE = FIXTURES / "listing_business.html"
#: Hand-written dumps of other articles and years (see test_moscow_times_dumps).
DUMPS = FIXTURES / "dumps"
LISTING_DUMPS = tuple(sorted(DUMPS.glob("listing_*.txt")))
ARTICLE_DUMPS = tuple(sorted(p for p in DUMPS.glob("*.txt") if p not in LISTING_DUMPS))

#: Boilerplate that must never appear in a body paragraph (folded substrings).
LEAK_PHRASES = tuple(
    fold(p)
    for p in (
        "Support The Moscow Times",
        "A Message from The Moscow Times",
        "Dear readers",
        "Remind me later",
        "Not ready to support today",
        "paiment methods",
        "Sign up for our",
        "Subscribers agree to the Privacy Policy",
        "Our weekly newsletter contains",
        "We are facing unprecedented challenges",
        "refuse to be silenced",
        "we have a small favor to ask",
        "Russia media is under attack",
        "To keep our newsroom in Moscow running",
        "Contribute today",
        "Read more about",
        "The views expressed in opinion pieces",
    )
)
#: Widget and link lines that must never be a body paragraph of their own.
LEAK_LINES = tuple(fold(p) for p in ("Once", "Monthly", "Annual", "Continue", "Read more", "Preview"))


def leaks(body: tuple[str, ...] | list[str]) -> list[str]:
    """Body paragraphs that carry the outlet's boilerplate."""
    return [
        paragraph
        for paragraph in body
        if fold(paragraph) in LEAK_LINES or any(phrase in fold(paragraph) for phrase in LEAK_PHRASES)
    ]


def golden_of(path: Path) -> dict[str, Any]:
    """The reviewed expected record of a seed or fixture."""
    data: dict[str, Any] = json.loads(golden_path_for(path).read_text(encoding="utf-8"))
    return data


def folded(items: tuple[str, ...] | list[str]) -> list[str]:
    return [fold(item) for item in items]


def article_from_text(text: str, *, uri: str = "variant.txt") -> Article:
    """Route (no forced source) and parse a text dump."""
    return ingest_article(document(text, uri=uri))
