"""Detection: high on EconoTimes pages, low on every other outlet's."""

from __future__ import annotations

from pathlib import Path

import pytest
from wire_aggregator_helpers import (
    FEATURED_TEASERS,
    HTML_ARTICLES,
    HTML_LISTINGS,
    SEED,
    SEEDS,
    page_from_file,
    page_of,
    seed_parts,
)

from masthead.extract.text import fold
from masthead_wire_aggregator import EconoTimesSource
from masthead_wire_aggregator import vocabulary as voc

BODY, TICKER = seed_parts(SEED.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_corpus_seeds(path: Path, source: EconoTimesSource) -> None:
    score = source.detect(page_from_file(path))
    if path == SEED:
        assert score >= 0.7
    else:
        assert score <= 0.2


@pytest.mark.parametrize("path", HTML_ARTICLES + HTML_LISTINGS, ids=lambda p: p.name)
def test_html_fixtures_are_recognised(path: Path, source: EconoTimesSource) -> None:
    assert source.detect(page_from_file(path)) >= 0.9


def test_plain_news_text_without_ticker_stays_unclaimed(source: EconoTimesSource) -> None:
    assert source.detect(page_of("\n\n".join(BODY))) < 0.5


def test_plain_news_text_without_wire_credit_or_ticker_scores_zero(source: EconoTimesSource) -> None:
    text = "\n\n".join(p.replace(", as reported by TASS", "") for p in BODY)
    assert source.detect(page_of(text)) == 0.0


def test_long_ticker_with_credit_claims(source: EconoTimesSource) -> None:
    assert source.detect(page_of("\n".join(BODY + TICKER[:8]))) >= 0.7


def test_short_ticker_alone_does_not_claim(source: EconoTimesSource) -> None:
    text = "\n".join([p.replace(", as reported by TASS", "") for p in BODY] + TICKER[:2])
    assert source.detect(page_of(text)) < 0.5


def test_econotimes_boilerplate_is_strong_evidence(source: EconoTimesSource) -> None:
    disclaimer = "This article does not necessarily reflect the opinions of the editors or management of EconoTimes"
    text = "\n".join([*BODY[:2], disclaimer])
    assert source.detect(page_of(text)) >= 0.9


def test_utc_dateline_adds_evidence(source: EconoTimesSource) -> None:
    text = "\n".join(["Monday, February 10, 2025 5:12 AM UTC", *BODY, *TICKER[:3]])
    assert source.detect(page_of(text)) >= 0.5


@pytest.mark.parametrize(
    "marker",
    [
        "A Message from The Moscow Times:",
        "Russia Briefing is produced by Dezan Shira & Associates.",
        "MORE ON THE TOPIC:",
    ],
)
def test_other_outlets_markers_veto_the_ticker_shape(marker: str, source: EconoTimesSource) -> None:
    assert source.detect(page_of("\n".join([*BODY, marker, *TICKER]))) == 0.0


@pytest.mark.parametrize(
    "citation",
    [
        "a Kremlin spokesman told The Moscow Times on Tuesday.",
        "Russia Briefing reported that the quotas would be extended.",
        "the SouthFront website claimed, without evidence.",
    ],
)
def test_wire_copy_citing_another_outlet_is_still_claimed(citation: str, source: EconoTimesSource) -> None:
    """Wire copy quotes other outlets by name in its sentences; only their
    furniture (or a name as a line of its own) says the page is theirs."""
    cited = [*BODY[:-1], BODY[-1].rstrip(".") + ", " + citation]
    plain = source.detect(page_of("\n".join([*BODY, *TICKER])))
    assert plain >= 0.5 and source.detect(page_of("\n".join([*cited, *TICKER]))) == plain


@pytest.mark.parametrize("name", ["The Moscow Times", "Russia Briefing", "SouthFront"])
def test_another_outlets_name_as_a_line_of_its_own_vetoes(name: str, source: EconoTimesSource) -> None:
    assert source.detect(page_of("\n".join([name, *BODY, *TICKER]))) == 0.0


def test_other_sites_html_is_not_claimed(source: EconoTimesSource) -> None:
    html = (
        '<html><head><meta property="og:site_name" content="The Moscow Times">'
        "<title>Putin and Trump Hail Trust</title></head><body><article>"
        + "".join(f"<p>{p}</p>" for p in BODY)
        + "".join(f"<p>{t}</p>" for t in TICKER)
        + "</article></body></html>"
    )
    assert source.detect(page_of(html, html=True)) == 0.0


def test_unmarked_html_with_wire_credits_and_headlines_is_not_claimed(source: EconoTimesSource) -> None:
    """Any news site credits agencies and lists headlines: without EconoTimes' markup
    or name, an HTML page stays below the claim so the generic fallback can take it."""
    html = (
        "<html><head><title>Putin and Trump Hail Trust</title></head><body><article>"
        + "".join(f"<p>{p}</p>" for p in BODY)
        + "".join(f"<p>{t}</p>" for t in TICKER)
        + "</article></body></html>"
    )
    assert source.detect(page_of(html, html=True)) < 0.5


@pytest.mark.parametrize("text", ["", "   ", "\x00\x01", "<<<>>>", "a" * 10000, "Comment\n" * 50])
def test_detect_never_raises_and_stays_in_range(text: str, source: EconoTimesSource) -> None:
    for html in (False, True):
        try:
            page = page_of(text or " x ", html=html)
        except Exception:  # noqa: BLE001 - undecodable input never reaches detect
            continue
        assert 0.0 <= source.detect(page) <= 1.0


# -- dumps with little evidence: the seed's shape --------------------------------

NO_CREDIT = [p.replace(", as reported by TASS", "") for p in BODY]


def seed_shape(body: list[str], ticker: list[str], *, gap: str = "\n\n\n", end: str = " \n\n\n") -> str:
    """Paragraphs on consecutive lines, a blank gap, the ticker, a trailing space: as real dumps."""
    return "\n".join(body) + gap + "\n".join(ticker) + end


@pytest.mark.parametrize("length", [2, 3, 5, 8, 17])
def test_seed_shape_without_credit_is_claimed(length: int, source: EconoTimesSource) -> None:
    assert source.detect(page_of(seed_shape(NO_CREDIT, TICKER[:length]))) >= 0.5


@pytest.mark.parametrize("length", [3, 5, 17])
def test_seed_shape_without_gap_or_trailing_space_is_claimed(length: int, source: EconoTimesSource) -> None:
    assert source.detect(page_of(seed_shape(NO_CREDIT, TICKER[:length], gap="\n", end="\n"))) >= 0.5


def test_seed_shape_with_a_title_line_is_claimed(source: EconoTimesSource) -> None:
    text = seed_shape(["Xi Jinping to Attend Russia’s Victory Day Event on May 9", *BODY], TICKER[:3])
    assert source.detect(page_of(text)) >= 0.5


def test_seed_cut_before_its_ticker_is_left_unclaimed(source: EconoTimesSource) -> None:
    """No ticker, no words of the site: nothing tells EconoTimes from any news text."""
    assert source.detect(page_of("\n".join(BODY))) < 0.5


def test_site_header_of_the_current_layout_claims(source: EconoTimesSource) -> None:
    header = ["Menu", "Search", "  |   Politics", "Menu", "  |   Politics", "Search"]
    text = "\n\n".join([*header, "Xi Jinping to Attend Russia’s Victory Day Event on May 9", *NO_CREDIT])
    assert source.detect(page_of(text)) >= 0.7


def test_menu_and_search_alone_are_not_the_site_header(source: EconoTimesSource) -> None:
    assert source.detect(page_of("\n\n".join(["Menu", "Search", *NO_CREDIT]))) < 0.5


def test_featured_post_listing_is_claimed_to_be_rejected(source: EconoTimesSource) -> None:
    assert source.detect(page_of("\n\n".join(["Menu", "Search", "Featured Post", *FEATURED_TEASERS]))) >= 0.5


def test_other_outlets_seeds_with_their_boilerplate_cut_stay_unclaimed(source: EconoTimesSource) -> None:
    for path in SEEDS:
        if path == SEED:
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        kept = [line for line in lines if line.strip() and not any(m in fold(line) for m in voc.FOREIGN_MARKERS)]
        assert source.detect(page_of("\n".join(kept[:20]))) <= 0.2, path.name


def test_html_that_never_spells_the_site_scores_nothing(source: EconoTimesSource) -> None:
    """Its block texts could not claim it, so routing does not read them."""
    html = (
        "<html><head><title>Putin and Trump Hail Trust</title></head><body><article>"
        + "".join(f"<p>{p}</p>" for p in BODY)
        + "".join(f"<p>{t}</p>" for t in TICKER)
        + "</article></body></html>"
    )
    page = page_of(html, html=True)
    assert source.detect(page) == 0.0
    assert "lines" not in page.__dict__
