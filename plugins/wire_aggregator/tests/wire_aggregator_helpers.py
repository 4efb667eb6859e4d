"""Shared paths and helpers for the wire_aggregator (EconoTimes) tests.

Named after the plugin so that it cannot clash with other plugins' test
helpers when the whole repository is collected in one pytest run.
"""

from __future__ import annotations

from pathlib import Path

from masthead import Page
from masthead.extract.text import fold
from masthead.testing import document, document_from_file

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures"
CORPUS = HERE.parents[2] / "corpus"
SEED = CORPUS / "002_42067fbfab13d749.txt"
SEEDS = sorted(CORPUS.glob("*.txt"))
HTML_ARTICLES = sorted(p for p in FIXTURES.glob("*.html") if not p.name.startswith("index"))
HTML_LISTINGS = sorted(FIXTURES.glob("index*.html"))
DUMPS = FIXTURES / "dumps"
DUMP_ARTICLES = sorted(p for p in DUMPS.glob("*.txt") if not p.name.startswith("listing"))
DUMP_LISTINGS = sorted(DUMPS.glob("listing*.txt"))

#: The seed's article text, as a careful reader splits it (reviewed by hand).
SEED_BODY_STARTS = (
    "Chinese President Xi Jinping has accepted Russia’s invitation",
    "The Kremlin previously invited multiple nations",
    "In response, Xi Jinping has extended an invitation",
    "Xi’s participation in Moscow’s Victory Day celebrations",
    "By attending these events, Xi and Putin aim to showcase unity",
)
SEED_TICKER_FIRST = "Trump’s New U.S. Strategy Seeks to Deter China and Protect Taiwan"
SEED_TICKER_LAST = "Israeli Forces Kill Palestinian Amid Rising West Bank Violence"

#: The "Featured Post" sidebar: headline, byline, teaser cut with an ellipsis.
FEATURED_TEASERS = (
    "Why central banks are buying gold again",
    "By Mark Crosby",
    "For most of the past three decades, central banks in rich countries were net sellers...",
    "Managers must listen to workers on safety",
    "By Matt Nichol Et Al",
    "The workplace is full of psychological hazards, including abusive supervisors...",
)

#: Phrases that must never reach a body paragraph.
BOILERPLATE = (
    "does not necessarily reflect the opinions",
    "Editor's Picks",
    "Latest News",
    "Most Popular",
    "Sign up",
    "Share this on",
    "Become a contributor",
    "Bookmark Econotimes",
    "Econotimes China Edition",
    "Elmin Media",
    "0 comments",
    "comments",
    "Market Data",
    "Welcome to EconoTimes",
    "Sign up for daily updates",
    "stories unfolding in the global economy",
    "Wikimedia Commons",
    "Featured Post",
    "Image credit",
    "READ NOW",
)


def page_of(text: str, *, html: bool = False, url: str | None = None) -> Page:
    """A decoded page from text, as the pipeline would build it."""
    return Page.from_raw(document(text, html=html, url=url))


def page_from_file(path: Path) -> Page:
    return Page.from_raw(document_from_file(path))


def seed_parts(text: str) -> tuple[list[str], list[str]]:
    """The seed's body lines and ticker lines, split at the first ticker headline."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    cut = lines.index(SEED_TICKER_FIRST)
    return lines[:cut], lines[cut:]


def leaked(body: tuple[str, ...], extra: tuple[str, ...] = ()) -> list[str]:
    """Body paragraphs that carry a boilerplate phrase or a ticker headline."""
    phrases = [fold(p) for p in BOILERPLATE + extra]
    return [p for p in body if any(phrase in fold(p) for phrase in phrases)]
