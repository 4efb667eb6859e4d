"""The bundled corpus: every seed routes to its outlet and equals its golden file.

Golden files (``corpus/*.expected.json``) are reviewed expectations. Routing
is tested without any URL or forced source, across the full plugin x
document matrix: a document's own plugin claims it, no other plugin does.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from masthead import Article, Page
from masthead.extract.text import fold
from masthead.router import CLAIM_THRESHOLD
from masthead.testing import document_from_file, golden_path_for, ingest_article, installed_plugins

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
SEEDS = sorted(CORPUS.glob("*.txt"))
FIRST_PARTY = ("russia_briefing", "moscow_times", "wire_aggregator", "opinion_site")

#: Phrases of each outlet's boilerplate that must never reach a body paragraph.
BOILERPLATE = [
    "Support The Moscow Times",
    "A Message from The Moscow Times",
    "Sign up for our free weekly newsletter",
    "Subscribers agree to the Privacy Policy",
    "Remind me later",
    "Not ready to support today",
    "Dear readers,",
    "Read more",
    "Posted by",
    "About Us",
    "Dezan Shira & Associates",
    "Related Reading",
    "related-readings_rb",
    "Leave a Reply",
    "MORE ON THE TOPIC",
    "Trump's New U.S. Strategy Seeks to Deter China and Protect Taiwan",
]
WIDGET_LINES = {"once", "monthly", "annual", "continue", "paiment methods"}


def outlet_of(seed: Path) -> str:
    return str(json.loads(golden_path_for(seed).read_text(encoding="utf-8"))["outlet"])


def test_every_seed_has_a_golden_file_and_the_corpus_covers_every_first_party_plugin() -> None:
    assert len(SEEDS) == 5
    assert sorted({outlet_of(seed) for seed in SEEDS}) == sorted(FIRST_PARTY)


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
def test_seed_matches_its_golden_file(seed: Path, golden: Callable[[Article, Path], None]) -> None:
    golden(ingest_article(document_from_file(seed)), golden_path_for(seed))


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
@pytest.mark.parametrize("plugin", FIRST_PARTY)
def test_detection_matrix(seed: Path, plugin: str) -> None:
    page = Page.from_raw(document_from_file(seed))
    score = installed_plugins().sources[plugin].source.detect(page)
    if outlet_of(seed) == plugin:
        assert score >= CLAIM_THRESHOLD, f"{plugin} does not claim its own {seed.name} ({score})"
    else:
        assert score < 0.3, f"{plugin} claims {seed.name} of {outlet_of(seed)} ({score})"


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
def test_no_boilerplate_in_any_body(seed: Path) -> None:
    article = ingest_article(document_from_file(seed))
    for paragraph in article.body:
        key = fold(paragraph)
        assert key not in WIDGET_LINES, paragraph
        for phrase in BOILERPLATE:
            assert fold(phrase) not in key, f"{phrase!r} leaked into the body of {seed.name}"
