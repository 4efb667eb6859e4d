"""Cheap routing evidence: declared markers and domains searched in the raw
markup decide the same routes as asking every detector about every page.

The reference is ``Router(screen=False)``: every page's address read from
its head, every detector asked. Pages: every corpus seed, every plugin and
core fixture (HTML and dumps) and pages of the benchmark corpus
(``bench/corpus.py``: outlet pages and generic news pages of unknown sites,
half of them without their own address, so detection runs).
"""

from __future__ import annotations

import functools
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest

from masthead import Draft, Page, Source
from masthead.errors import RoutingError
from masthead.extract.document import HTML, RawDocument
from masthead.manager import Plugins
from masthead.router import CLAIM_THRESHOLD, Router
from masthead.testing import document_from_file
from support import SourcesPlugin, make_plugins

ROOT = Path(__file__).resolve().parents[1]
FILES = sorted(ROOT.glob("corpus/*.txt")) + sorted(ROOT.glob("plugins/*/tests/fixtures/**/*.html"))
FILES += sorted(ROOT.glob("plugins/*/tests/fixtures/**/*.txt")) + sorted(ROOT.glob("tests/fixtures/**/*.html"))
#: Outlet pages and generic pages each, from the benchmark corpus.
BENCH_PAGES = 16


@functools.cache
def bench_pages() -> tuple[tuple[str, str], ...]:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import corpus
    finally:
        sys.path.pop(0)
    rng = random.Random(11)
    found = []
    for number, template in enumerate((corpus.templates() * BENCH_PAGES)[:BENCH_PAGES]):
        size = ("small", "medium")[number % 2]
        found.append((f"bench-{number}", corpus.outlet_page(rng, template, number, size, with_url=number % 2 == 0)))
        found.append((f"bench-generic-{number}", corpus.generic_page(rng, number, size, with_url=number % 2 == 0)))
    return tuple(found)


def documents() -> Iterator[Any]:
    for path in FILES:
        yield pytest.param(document_from_file(path), id=str(path.relative_to(ROOT)))
    for name, markup in bench_pages():
        yield pytest.param(RawDocument(uri=name, data=markup.encode(), content_type=HTML), id=name)


@pytest.fixture(scope="module")
def plugins() -> Plugins:
    return Plugins()


def outcome(router: Router, page: Page) -> tuple[str, ...]:
    try:
        route = router.route(page)
    except RoutingError as exc:
        return ("rejected", exc.reason)
    return (route.source, route.method)


@pytest.mark.parametrize("raw", list(documents()))
def test_cheap_evidence_routes_like_every_detector(raw: RawDocument, plugins: Plugins) -> None:
    cheap = Router(plugins.sources, plugins.domains)
    full = Router(plugins.sources, plugins.domains, screen=False)
    assert outcome(cheap, Page.from_raw(raw)) == outcome(full, Page.from_raw(raw))
    reference = full.scores(Page.from_raw(raw))
    page = Page.from_raw(raw)
    try:
        route = cheap.route(page)
    except RoutingError:
        return
    for name in route.screened:  # not asked: the page cannot be theirs
        assert reference[name] < CLAIM_THRESHOLD
    asked = {name: score for name, score in route.scores.items() if name not in route.screened}
    assert asked == {name: reference[name] for name in asked}


def test_first_party_sources_declare_markers(plugins: Plugins) -> None:
    for name in ("moscow_times", "opinion_site", "russia_briefing", "wire_aggregator"):
        assert plugins.sources[name].source.markers


class Counting(Source):
    """Claims every page it is asked about, and counts the questions."""

    name = "counting"
    domains = ("counting.example",)
    markers: ClassVar[tuple[str, ...]] = ("counting gazette",)

    def __init__(self) -> None:
        self.asked = 0

    def detect(self, page: Page) -> float:
        self.asked += 1
        return 0.9

    def parse(self, page: Page) -> Draft:
        return Draft(body=page.lines)


def counting_router() -> tuple[Router, Counting]:
    source = Counting()
    plugins = make_plugins(("counting", SourcesPlugin(source)))
    return Router(plugins.sources, plugins.domains, fallback="generic"), source


def html_page(markup: str, url: str | None = None) -> Page:
    return Page.from_raw(RawDocument(uri="t.html", data=markup.encode(), content_type=HTML, url=url))


def test_unnamed_html_page_is_not_offered_and_builds_no_tree() -> None:
    router, source = counting_router()
    page = html_page("<html><head><title>Other</title></head><body><p>Other news</p></body></html>")
    route = router.route(page)
    assert (route.source, route.method, route.screened) == ("generic", "fallback", ("counting",))
    assert route.scores["counting"] == 0.0 and source.asked == 0
    assert "_tree" not in page.__dict__ and "meta" not in page.__dict__ and "soup" not in page.__dict__


@pytest.mark.parametrize(
    "markup",
    [
        "<html><body><footer>&copy; The COUNTING Gazette</footer></body></html>",
        '<html><body><a href="https://www.Counting.example/">home</a></body></html>',
    ],
)
def test_page_spelling_a_marker_or_domain_is_left_to_detect(markup: str) -> None:
    router, source = counting_router()
    assert router.route(html_page(markup)).method == "detect"
    assert source.asked == 1


def test_text_dumps_are_always_offered() -> None:
    router, source = counting_router()
    page = Page.from_raw(RawDocument(uri="t.txt", data=b"Title\nNo name here", content_type="text/plain"))
    assert router.route(page).source == "counting" and source.asked == 1


def test_canonical_on_a_declared_domain_still_routes_by_domain() -> None:
    router, source = counting_router()
    markup = '<html><head><link rel="canonical" href="https://news.counting.example/a"></head><body></body></html>'
    assert router.route(html_page(markup)).method == "domain"
    assert source.asked == 0


def test_source_without_markers_is_asked_about_every_page(plugins: Plugins) -> None:
    class Plain(Counting):
        name = "plain"
        domains = ()
        markers = ()

    source = Plain()
    extra = make_plugins(("plain", SourcesPlugin(source)))
    route = Router(extra.sources, extra.domains).route(html_page("<p>anything</p>"))
    assert route.source == "plain" and source.asked == 1


@pytest.mark.parametrize("markers", [("Upper",), ("",), "a string", (" ",)])
def test_bad_markers_fail_registration(markers: object) -> None:
    class Bad(Counting):
        name = "bad"

    Bad.markers = markers  # type: ignore[assignment]
    plugins = make_plugins(("bad", SourcesPlugin(Bad())))
    assert "bad" not in plugins.sources
    assert any("`markers`" in str(error) for error in plugins.errors)


def test_marker_is_found_in_a_page_whose_bytes_are_not_ascii() -> None:
    router, source = counting_router()
    markup = "<html><body><p>Вести: THE COUNTING GAZETTE</p></body></html>"
    page = Page.from_raw(RawDocument(uri="t.html", data=markup.encode("utf-16"), content_type=HTML))
    assert router.route(page).method == "detect" and source.asked == 1
