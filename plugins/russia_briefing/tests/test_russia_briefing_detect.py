"""Detection: high on the outlet's pages, low on every other outlet's seed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from masthead import Page
from masthead.testing import document_from_file
from masthead_russia_briefing import RussiaBriefingSource

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parents[2] / "corpus"
SEED = CORPUS / "000_e8f30686367901c1.txt"
OTHERS = sorted(p for p in CORPUS.glob("*.txt") if p != SEED)
FIXTURES = sorted((HERE / "fixtures").glob("*.html"))
PageOf = Callable[..., Page]


def score(path: Path) -> float:
    return RussiaBriefingSource().detect(Page.from_raw(document_from_file(path)))


def test_seed_scores_high() -> None:
    assert score(SEED) >= 0.9


def test_the_four_other_seeds_are_there() -> None:
    assert len(OTHERS) == 4


@pytest.mark.parametrize("path", OTHERS, ids=lambda p: p.stem)
def test_other_outlets_score_low(path: Path) -> None:
    assert score(path) <= 0.2


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_html_fixtures_score_high_without_url(path: Path) -> None:
    assert score(path) >= 0.9


def test_html_fixture_stripped_of_head_still_detected(page_of: PageOf) -> None:
    html = (HERE / "fixtures" / "article_2019_classic.html").read_text(encoding="utf-8")
    body_only = html[html.index("<body") :]
    assert RussiaBriefingSource().detect(page_of(body_only, html=True)) >= 0.9


@pytest.mark.parametrize(
    ("cut", "minimum"),
    [
        ("About Us", 0.5),  # headline, bare byline and body: the theme's layout alone
        ("related-readings_rb-icons_2017", 0.9),  # the publisher blurb
        ("Leave a Reply", 0.9),
    ],
)
def test_truncated_dumps_are_still_claimed(cut: str, minimum: float, seed_text: str, page_of: PageOf) -> None:
    assert RussiaBriefingSource().detect(page_of(seed_text[: seed_text.index(cut)])) >= minimum


def test_only_the_icon_artifact_is_enough(seed_text: str, page_of: PageOf) -> None:
    text = seed_text.replace("Posted by\n", "").replace("About Us", "")
    text = text[: text.index("Russia Briefing is produced")] + text[text.index("related-readings_rb-icons") :]
    assert RussiaBriefingSource().detect(page_of(text)) >= 0.9


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n\n",
        "<html><body><p>Posted by someone</p></body></html>",
        "Posted by Jane Doe\n\nA story about Moscow and its mayor, told in full sentences.",
        "Russia plans to raise tariffs on imports, officials said on Monday.",
    ],
)
def test_unrelated_or_odd_pages_score_low_and_never_raise(text: str) -> None:
    from masthead import RawDocument

    raw = RawDocument(uri="odd", data=text.encode(), content_type="text/html" if text.startswith("<") else "text/plain")
    page = Page(raw, text, "utf-8")
    assert 0.0 <= RussiaBriefingSource().detect(page) <= 0.2
