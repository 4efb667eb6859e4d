"""The fast paths give the records of the plain full-soup path, page for page.

:attr:`masthead.Page.fast_paths` reads head metadata, block texts and
detection selectors from lxml's tree and builds the BeautifulSoup tree only
when a plugin asks for it. ``Page.fast_paths = False`` reads everything from
one full BeautifulSoup tree, as the core did before. Both run here on every
corpus seed, every plugin fixture (HTML and dumps), pages of the benchmark
corpus (with and without their own address, so detection runs), hostile
markup and pages Beautiful Soup reads otherwise than lxml (which turn the
fast paths off for themselves); views and whole records must be identical.
"""

from __future__ import annotations

import functools
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from masthead import Page
from masthead.extract.document import HTML, TEXT, RawDocument
from masthead.extract.htmlmeta import harvest
from masthead.models import Rejection
from masthead.run.runconfig import PipelineConfig
from masthead.serialize import unstructure
from masthead.testing import document_from_file

ROOT = Path(__file__).resolve().parents[1]
FILES = sorted(ROOT.glob("corpus/*.txt")) + sorted(ROOT.glob("plugins/*/tests/fixtures/**/*.html"))
FILES += sorted(ROOT.glob("plugins/*/tests/fixtures/dumps/*.txt"))
#: Pages Beautiful Soup reads otherwise than lxml's tree (a ``template``,
#: ruby text, class names split by odd whitespace), each near a plugin's
#: own markup: the page's own tree decides, so both ways read them alike.
FILES += sorted(ROOT.glob("tests/fixtures/fastpath/*.html"))
#: Pages of the benchmark corpus built here (bench/corpus.py), per kind.
BENCH_PAGES = 8

HOSTILE = {
    "deep": "<html><body>" + "<div>" * 300 + "<p>deep text</p>" + "</div>" * 300 + "<p>after</p></body></html>",
    "form_feed": "<html><body><p>a<i>\x0c</i>b</p><pre>x<i>\x0c</i>y</pre></body></html>",
    "no_body": "<title>T</title><meta property='og:title' content='OG'><p>loose text</p>",
    "comments": "<html><body><!-- c --><p>one<!-- x -->two</p><?pi x?><script>no</script>tail</body></html>",
    "bom": "\ufeff<html lang='de'><head><link rel='Canonical  alternate' href=' https://x.example/a '></head></html>",
    "ld": '<html><body><script type="application/ld+json">[{"@type":"NewsArticle","headline":"H"}]</script></body>',
    "entities": "<html><body><p>a&nbsp;b &amp; c</p><p>\u00a0</p><td>cell</td>x<br>y</body></html>",
}


#: Plugin fixtures with markup Beautiful Soup reads otherwise than lxml put
#: around their article or comments: (fixture, [(text, replaced by), ...]).
WRAPPED = {
    "rt-around-body": (
        "plugins/wire_aggregator/tests/fixtures/related_stories_caption_2024.html",
        [("<body>", "<body><rt>"), ("</body>", "</rt></body>")],
    ),
    "template-around-body": (
        "plugins/wire_aggregator/tests/fixtures/wire_story_2025.html",
        [("<body>", "<body><template>"), ("</body>", "</template></body>")],
    ),
    "rt-around-comments": (
        "plugins/russia_briefing/tests/fixtures/article_2019_classic.html",
        [('<div id="comments"', '<rt><div id="comments"'), ("</body>", "</rt></body>")],
    ),
    "template-first": (
        "plugins/opinion_site/tests/fixtures/southfront_org_classic.html",
        [
            (
                'single-format-standard">',
                "single-format-standard\"><template><article class='post type-post'><div class='entry-content"
                " articleView'><h1>TH</h1><p>tpl para text</p></div></article><div id='comments'"
                " class='comments-area'><p>x</p></div></template>",
            )
        ],
    ),
}


def wrapped_pages() -> Iterator[tuple[str, str]]:
    for name, (fixture, edits) in WRAPPED.items():
        markup = (ROOT / fixture).read_text(encoding="utf-8")
        for text, replacement in edits:
            assert text in markup, (fixture, text)
            markup = markup.replace(text, replacement, 1)
        yield name, markup


@functools.cache
def bench_pages() -> tuple[tuple[str, str], ...]:
    return tuple(_bench_pages())


def _bench_pages() -> Iterator[tuple[str, str]]:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import corpus
    finally:
        sys.path.pop(0)
    rng = random.Random(7)
    for number, template in enumerate(corpus.templates() * (BENCH_PAGES // len(corpus.templates()) + 1)):
        if number >= BENCH_PAGES:
            break
        size = ("small", "medium")[number % 2]
        yield f"bench-{number}", corpus.outlet_page(rng, template, number, size, with_url=number % 2 == 0)
        yield f"bench-generic-{number}", corpus.generic_page(rng, number, size, with_url=number % 2 == 0)


def documents() -> list[Any]:
    found = [pytest.param(document_from_file(path), id=str(path.relative_to(ROOT))) for path in FILES]
    for name, markup in [*HOSTILE.items(), *bench_pages(), *wrapped_pages()]:
        found.append(pytest.param(RawDocument(uri=name, data=markup.encode(), content_type=HTML), id=name))
    return found


@pytest.fixture(scope="module")
def pipeline() -> Any:
    return PipelineConfig(fallback="generic").build()


def both_ways(monkeypatch: pytest.MonkeyPatch, run: Any) -> tuple[Any, Any]:
    fast = run()
    with monkeypatch.context() as patch:
        patch.setattr(Page, "fast_paths", False)
        plain = run()
    return fast, plain


def comparable(record: Any) -> dict[str, Any]:
    data = unstructure(record)
    data.get("provenance", {}).pop("extracted_at", None)
    data.pop("at", None)
    return data


@pytest.mark.parametrize("raw", documents())
def test_same_record_both_ways(raw: RawDocument, pipeline: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    fast, plain = both_ways(monkeypatch, lambda: pipeline.process(raw))
    assert comparable(fast) == comparable(plain)


@pytest.mark.parametrize("raw", [d for d in documents() if d.values[0].is_html])
def test_same_views_both_ways(raw: RawDocument, monkeypatch: pytest.MonkeyPatch) -> None:
    def views() -> tuple[Any, ...]:
        page = Page.from_raw(raw)
        return page.meta, page.lines, page.url, page.matches("p") if page.is_html else None

    fast, plain = both_ways(monkeypatch, views)
    assert fast == plain


@pytest.mark.parametrize(
    "markup",
    [
        "<html><body><template><p class=x>t</p></template><p class=x>p</p></body></html>",
        "<html><body><ruby>漢<rt>kan</rt></ruby><p>p</p></body></html>",
        "<html><body><div class='a\x0bb'><p>p</p></div></body></html>",
        "<html><body><div class='a\u00a0b'><p>p</p></div></body></html>",
        "<html><body><p>p <a rel='author\u00a0nofollow' href='/a'>A</a></p></body></html>",
    ],
)
def test_a_page_soup_reads_otherwise_is_read_from_the_soup(markup: str) -> None:
    page = Page.from_raw(RawDocument(uri="odd", data=markup.encode(), content_type=HTML))
    assert page.tree is None
    assert not page.fast_paths and Page.fast_paths
    assert page.soup is not None and any(line.startswith("p") for line in page.lines)


def test_a_plain_page_keeps_its_tree() -> None:
    markup = "<html><body><div class='a\tb c'><p>p</p></div></body></html>"
    page = Page.from_raw(RawDocument(uri="plain", data=markup.encode(), content_type=HTML))
    assert page.tree is not None and page.fast_paths


def test_routing_builds_no_soup(pipeline: Any) -> None:
    """A page routed by content is scored by every detector without a BeautifulSoup tree."""
    markup = dict(bench_pages())["bench-generic-1"]
    page = Page.from_raw(RawDocument(uri="generic", data=markup.encode(), content_type=HTML))
    assert pipeline.router.route(page).method in ("fallback", "detect")
    assert "soup" not in page.__dict__
    assert page.soup is not None  # still there on request


def test_deep_page_is_flattened_both_ways(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = RawDocument(uri="deep", data=HOSTILE["deep"].encode(), content_type=HTML)
    fast, plain = both_ways(monkeypatch, lambda: Page.from_raw(raw))
    assert fast.markup == plain.markup != HOSTILE["deep"]
    assert fast.lines == ("deep text", "after")


def test_text_dump_has_no_tree() -> None:
    page = Page.from_raw(RawDocument(uri="d.txt", data=b"Title\nBody line", content_type=TEXT))
    assert page.tree is None and page.soup is None
    assert page.meta == harvest(Page.from_raw(RawDocument(uri="e", data=b"<p>x</p>", content_type=HTML)).soup)


def test_rejections_compare_too(pipeline: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    raw = RawDocument(uri="empty.html", data=b"   ", content_type=HTML)
    fast, plain = both_ways(monkeypatch, lambda: pipeline.process(raw))
    assert isinstance(fast, Rejection) and comparable(fast) == comparable(plain)


TRICKY = [
    "Support The MOSCOW  Times!",
    "\u201cQuoted\u201d \u2014 dash\u2026 Stra\u00dfe \uff21\u2033",
    "\ufb01 ligature \u0130stanbul x\u2212y \u00bbA\u00ab",
    "a\u200bb\u00adc\x0cd\x1fe\x0bf \u00a0 g\u3000h\r\ni\u2028j\x85k",
    "\u041f\u0440\u0438\u0432\u0435\u0442 \u00abmir\u00bb " * 40,
    "plain ascii words " * 40,
]


@pytest.mark.parametrize("text", TRICKY)
def test_fold_and_collapse_keep_their_definitions(text: str) -> None:
    import unicodedata

    from masthead.extract import text as textmod

    folded = unicodedata.normalize("NFKC", text).translate(textmod._QUOTES)
    assert textmod.fold(text) == " ".join(folded.casefold().split())
    assert textmod.collapse(text) == " ".join(textmod.normalize(text).split())


def test_fold_cache_keeps_no_long_strings() -> None:
    from masthead.extract import text as textmod

    before = dict(textmod._folded)
    textmod.fold("a whole page of text " * 1000 + str(random.random()))
    assert textmod._folded == before


def test_fold_cache_is_bounded_by_characters(monkeypatch: pytest.MonkeyPatch) -> None:
    from masthead.extract import text as textmod

    monkeypatch.setattr(textmod, "_FOLD_BUDGET_CHARS", 10_000)
    lines = [f"Line {number} of Some Page, \u00abquoted\u00bb " * 4 for number in range(1000)]
    for line in lines:
        assert textmod.fold(line) == textmod._fold(line)
        held = sum(len(key) + len(value) for key, value in textmod._folded.items())
        assert held == textmod._folded_chars <= 10_000
    assert textmod._folded  # still caching after it was emptied
    assert [textmod.fold(line) for line in lines] == [textmod._fold(line) for line in lines]


NESTED = (
    "<html><body><div id='index'><div class='box'><p>teaser</p></div></div>"
    "<div class='box' data-x='1'><p class='a b'>first <!-- c --><b>bold</b> tail</p></div>"
    "<div class='box'><p>second</p></div></body></html>"
)


@pytest.mark.parametrize("fast", [True, False])
def test_soup_of_gives_the_first_match_alone(fast: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Page, "fast_paths", fast)
    page = Page.from_raw(RawDocument(uri="n", data=NESTED.encode(), content_type=HTML))
    teaser = page.soup_of(".box")
    assert teaser is not None and teaser.get_text() == "teaser"
    assert page.soup_of(".box", not_inside="#index") is None  # the first match is inside #index
    assert page.soup_of("[data-x]", not_inside="#index") is not None
    box = page.soup_of("[data-x]")
    assert box is not None
    assert str(box) == '<div class="box" data-x="1"><p class="a b">first <!-- c --><b>bold</b> tail</p></div>'
    assert box.p is not None and box.p["class"] == ["a", "b"]
    assert box.find_parent("div") is None
    box.decompose()  # the caller's own tree: the page is untouched
    again = page.soup_of("[data-x]")
    assert again is not None and again.get_text() == "first bold tail"
    assert page.soup_of("article") is None
    assert ("soup" in page.__dict__) is not fast
