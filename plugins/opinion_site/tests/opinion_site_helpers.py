"""Shared paths and checks for the opinion_site (SouthFront) tests."""

from __future__ import annotations

from pathlib import Path

from masthead import Article
from masthead.extract.text import fold

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
REPO = HERE.parents[2]
CORPUS = REPO / "corpus"
SEED = CORPUS / "004_43bd5b0d17377245.txt"
OTHER_SEEDS = sorted(p for p in CORPUS.glob("*.txt") if p != SEED)
HTML_ARTICLES = (
    FIXTURES / "southfront_press_threaded.html",
    FIXTURES / "southfront_org_classic.html",
    FIXTURES / "southfront_maps_helping_block.html",
)
HTML_LISTING = FIXTURES / "southfront_category_listing.html"

#: Phrases of SouthFront's chrome that must never reach a body paragraph
#: or a comment.
BOILERPLATE = (
    "more on the topic",
    "support southfront",
    "notify of",
    "inline feedbacks",
    "view all comments",
    "newest oldest most voted",
    "please login to comment",
    "load more comments",
    "leave a reply",
    "paypal",
    "patreon",
    "our work is impossible",
    "our work wouldn't be possible",
    "click to see full-size",
    "pdf download",
    "disclaimer",
    "the views expressed",
    "btc:",
    "bc1q",
)


def leaks(article: Article) -> list[str]:
    """Body paragraphs and comments that contain a boilerplate phrase."""
    found = []
    for where, texts in (("body", article.body), ("comment", [c.text for c in article.comments])):
        for text in texts:
            key = fold(text)
            found.extend(f"{where}: {phrase!r} in {text[:60]!r}" for phrase in BOILERPLATE if phrase in key)
    return found


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def seed_lines() -> list[str]:
    return [line for line in seed_text().splitlines() if line.strip()]


def marker_index(lines: list[str]) -> int:
    return next(i for i, line in enumerate(lines) if fold(line).startswith("more on the topic"))
