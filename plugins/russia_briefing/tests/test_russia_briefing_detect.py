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


def _cut_before_tail(seed_text: str) -> str:
    return seed_text[: seed_text.index("About Us")]


@pytest.mark.parametrize(
    ("byline", "minimum", "maximum"),
    [
        ("Posted by Chris Devonshire-Ellis", 0.5, 1.0),  # the firm's chairman
        ("Posted by Written by Dezan Shira & Associates", 0.5, 1.0),
        ("Posted by Jane Doe", 0.0, 0.2),  # any blog's byline: not enough alone
    ],
)
def test_named_byline_of_a_cut_dump(
    byline: str, minimum: float, maximum: float, seed_text: str, page_of: PageOf
) -> None:
    text = _cut_before_tail(seed_text).replace("Posted by\n", byline + "\n", 1)
    assert minimum <= RussiaBriefingSource().detect(page_of(text)) <= maximum


def test_long_menu_above_the_byline_still_counts(seed_text: str, page_of: PageOf) -> None:
    menu = "".join(f"Menu Item {n}\n" for n in range(25))
    assert RussiaBriefingSource().detect(page_of(menu + _cut_before_tail(seed_text))) >= 0.5


def test_site_name_line_at_the_top_claims_a_headless_dump(seed_text: str, page_of: PageOf) -> None:
    body = _cut_before_tail(seed_text).split("Posted by\n", 1)[1]
    assert RussiaBriefingSource().detect(page_of("Russia Briefing News\nHome\n\n" + body)) >= 0.5
    mention = "As Russia Briefing reported last year, the forum draws many investors.\n\n"
    assert RussiaBriefingSource().detect(page_of(mention + body)) < 0.5


def _as_sister(seed_text: str, site: str) -> str:
    """The seed as the publisher's sister site prints the same theme."""
    return seed_text.replace("Russia Briefing", site).replace("russia-briefing", site.lower().replace(" ", "-"))


@pytest.mark.parametrize("site", ["China Briefing", "India Briefing", "Vietnam Briefing", "ASEAN Briefing"])
def test_the_publishers_sister_sites_are_not_claimed(site: str, seed_text: str, page_of: PageOf) -> None:
    # Same theme, same icons, same firm: only the site's name differs.
    assert RussiaBriefingSource().detect(page_of(_as_sister(seed_text, site))) < 0.5
    banner_only = f"{site} News\nHome\n\n" + _cut_before_tail(seed_text).replace("Russia Briefing", site)
    assert RussiaBriefingSource().detect(page_of(banner_only)) < 0.5


def test_an_article_citing_a_sister_site_is_still_claimed(seed_text: str, page_of: PageOf) -> None:
    cited = seed_text.replace(
        "Posted by\n", "Posted by\nAs China Briefing is written for investors in China, see there.\n", 1
    )
    assert RussiaBriefingSource().detect(page_of(cited)) >= 0.9
