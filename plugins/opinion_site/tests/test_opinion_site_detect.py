"""Detection on every corpus seed and fixture, and the source contract."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from opinion_site_helpers import CORPUS, FIXTURES, HTML_ARTICLES, HTML_LISTING, OTHER_SEEDS, SEED

from masthead import Page
from masthead.extract import htmlmeta
from masthead.testing import conformance_problems, document, document_from_file, installed_plugins
from masthead_opinion_site import SouthFrontSource, detect


def page_of(path: Path, url: str | None = None) -> Page:
    return Page.from_raw(document_from_file(path, url=url))


def strip_head_evidence(html: str) -> str:
    """The page without canonical link, og:url/site_name and JSON-LD."""
    out = []
    for line in html.splitlines():
        if any(k in line for k in ('rel="canonical"', "og:url", "og:site_name", "ld+json")):
            continue
        out.append(line)
    return "\n".join(out)


SOURCE = SouthFrontSource()


def test_registered_under_its_key() -> None:
    entry = installed_plugins().sources["opinion_site"]
    assert isinstance(entry.source, SouthFrontSource)
    assert set(SOURCE.domains) == {"southfront.press", "southfront.org"}


def test_own_seed_scores_high() -> None:
    assert SOURCE.detect(page_of(SEED)) >= 0.9


@pytest.mark.parametrize("path", OTHER_SEEDS, ids=lambda p: p.name)
def test_other_seeds_score_low(path: Path) -> None:
    assert SOURCE.detect(page_of(path)) <= 0.2


@pytest.mark.parametrize("path", [*HTML_ARTICLES, HTML_LISTING], ids=lambda p: p.name)
def test_html_fixtures_score_high(path: Path) -> None:
    assert SOURCE.detect(page_of(path)) >= 0.9


@pytest.mark.parametrize("path", HTML_ARTICLES, ids=lambda p: p.name)
def test_html_without_head_evidence_still_detected_by_content(path: Path) -> None:
    text = strip_head_evidence(path.read_text(encoding="utf-8"))
    page = Page.from_raw(document(text, html=True, uri=path.name))
    assert SOURCE.detect(page) >= 0.9


def test_domain_urls_are_certain() -> None:
    page = page_of(SEED, url="https://southfront.press/some-article/")
    assert SOURCE.detect(page) == 1.0
    page = page_of(SEED, url="https://tv.southfront.org/some-video/")
    assert SOURCE.detect(page) == 1.0


def test_a_mere_mention_of_southfront_is_not_a_claim() -> None:
    text = (
        "The US Treasury added several websites to its sanctions list on Friday.\n"
        "Among them was SouthFront, which officials described as a propaganda outlet.\n"
        "SouthFront denied the accusations in a statement on its website.\n"
    )
    assert SOURCE.detect(Page.from_raw(document(text))) < 0.3


def test_more_on_the_topic_of_other_sites_is_no_claim() -> None:
    # Other sites print "More on the topic" (not in capitals) over a list of
    # category links; only SouthFront's capitalised marker claims alone.
    text = (
        "The spokesman confirmed that the troops withdrew from positions near five settlements.\n"
        "More on the topic\n- Category\n- Events\n- Publication date\n"
    )
    assert SOURCE.detect(Page.from_raw(document(text))) < 0.5


def test_marker_cut_short_at_the_end_of_a_dump_still_claims() -> None:
    lines = [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    body = lines[: next(i for i, line in enumerate(lines) if line.startswith("MORE ON THE TOPIC"))]
    text = "\n".join([*body, "MORE ON THE"])
    assert SOURCE.detect(Page.from_raw(document(text))) >= 0.5
    assert SOURCE.detect(Page.from_raw(document("\n".join([*body, "MORE"])))) == 0.0


def test_full_size_map_helper_and_disqus_thread_claim_an_old_page() -> None:
    text = (
        "Syrian government troops have made notable gains east of the city over the past two days.\n"
        "Click to see the full-size map\n"
        "• Rob\nFinally, the garrison is relieved.\n• Ronald\nWhy leave the pocket open?\n"
    )
    assert SOURCE.detect(Page.from_raw(document(text))) >= 0.5
    generic = "An image gallery of the new museum.\nClick to see full-size image\n"
    assert SOURCE.detect(Page.from_raw(document(generic))) < 0.5


@pytest.mark.parametrize("text", ["", "   ", "\x00\x01", "<html><body></body></html>"])
def test_detect_never_raises_on_odd_pages(text: str) -> None:
    raw = document(text or "x", html=text.startswith("<"))
    page = Page(raw, text, "utf-8")
    score = SOURCE.detect(page)
    assert 0.0 <= score <= 1.0


def test_conformance_over_fixtures_and_corpus() -> None:
    paths = sorted(CORPUS.glob("*.txt")) + sorted(FIXTURES.glob("*.html"))
    pages = [page_of(p) for p in paths]
    assert conformance_problems(SOURCE, pages) == []


def _plain_score(page: Page) -> float:
    """The detector's score with every part asked of every page (no early answer)."""
    if detect.on_domain(page.raw.url) or detect.on_domain(page.meta.canonical_url):
        return 1.0
    meta = page.meta
    if (meta.site_name or meta.json_ld) and htmlmeta.names_publisher(meta, detect._NAMES):
        return 0.95
    lines, keys, text = page.lines, page.folded_lines, page.folded_text
    marker = detect._marker_score(lines, keys, text)
    named = [i for i, key in enumerate(keys) if detect._names_site(key)]
    banner = 0.0 if detect._BANNERS.isdisjoint(keys[: detect._BANNER_LINES]) else 0.4
    helper = detect._helper_score(keys, text)
    mentions = min(0.25, 0.1 * len(named))
    if marker + banner + helper + mentions >= 1.0:
        return 1.0
    own = any(
        detect._is_button(keys[i]) or detect._is_own_byline(keys[i]) or detect._is_appeal(lines[i], keys[i])
        for i in named
    )
    evidence = (0.8 if marker == 0.0 else 0.1) if own else 0.0
    total = marker + evidence + banner + helper + mentions
    if 0.3 < total < 1.0 and detect._has_comment_thread(lines, keys):
        total += 0.05 if total >= 0.5 else 0.1
    return max(0.0, min(1.0, total))


_DETECT_LINES = st.one_of(
    st.sampled_from(
        (
            *("SouthFront", "South Korea", "Support SouthFront", "MORE ON THE TOPIC:", "More on the topic:"),
            *("MORE ON THE", "southfront maps"),
            *("Click to see full-size map", "Click to see full-size image", "Leave a Reply", "Inline Feedbacks"),
            *("Written by Ann Lee exclusively for SouthFront", "Ukraine Strikes Refinery Near Ryazan Again"),
            *("Do you like this content? Consider helping us!", "patreon.com/southfront", "3 comments", "Reply"),
            *("John Smith", "2 days ago", "- Jane Doe", "A sentence that ends like one."),
        )
    ),
    # Control characters make a binary document, which is no page.
    st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=60),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_DETECT_LINES, min_size=1, max_size=14).filter(lambda lines: "".join(lines).strip()))
def test_score_is_the_plain_rules(lines: list[str]) -> None:
    """The early answers (a page naming the site nowhere, a page scoring 1
    before its own evidence) give the score every part adds up to."""
    page = Page.from_raw(document("\n".join(lines), uri="page.txt"))
    assert detect.score(page) == _plain_score(page)
