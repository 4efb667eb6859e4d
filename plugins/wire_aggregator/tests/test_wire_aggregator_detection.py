"""Detection: high on EconoTimes pages, low on every other outlet's."""

from __future__ import annotations

from pathlib import Path

import pytest
from wire_aggregator_helpers import HTML_ARTICLES, HTML_LISTINGS, SEED, SEEDS, page_from_file, page_of, seed_parts

from masthead_wire_aggregator import EconoTimesSource

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


def test_other_sites_html_is_not_claimed(source: EconoTimesSource) -> None:
    html = (
        '<html><head><meta property="og:site_name" content="The Moscow Times">'
        "<title>Putin and Trump Hail Trust</title></head><body><article>"
        + "".join(f"<p>{p}</p>" for p in BODY)
        + "".join(f"<p>{t}</p>" for t in TICKER)
        + "</article></body></html>"
    )
    assert source.detect(page_of(html, html=True)) == 0.0


@pytest.mark.parametrize("text", ["", "   ", "\x00\x01", "<<<>>>", "a" * 10000, "Comment\n" * 50])
def test_detect_never_raises_and_stays_in_range(text: str, source: EconoTimesSource) -> None:
    for html in (False, True):
        try:
            page = page_of(text or " x ", html=html)
        except Exception:  # noqa: BLE001 - undecodable input never reaches detect
            continue
        assert 0.0 <= source.detect(page) <= 1.0
