from __future__ import annotations

import pytest

from masthead.errors import RoutingError
from masthead.extract.document import HTML, Page, RawDocument
from masthead.manager import Plugins
from masthead.router import Router, ScoredRoutingError, host_of
from support import KeywordSource, SourcesPlugin, make_plugins


def page(text: str, url: str | None = None, html: bool = False) -> Page:
    return Page.from_raw(RawDocument(uri="t", data=text.encode(), url=url, content_type=HTML if html else "text/plain"))


def router(plugins: Plugins, **kwargs: str) -> Router:
    return Router(plugins.sources, plugins.domains, **kwargs)


@pytest.mark.parametrize(
    "url, owner",
    [
        ("https://beta.example/news/1", "beta"),
        ("http://www.beta.org/x", "beta"),
        ("https://m.news.alpha.example/x?y=1", "alpha"),
        ("beta.example/no-scheme", "beta"),
        ("https://notbeta.example/x", None),
        ("https://beta.example.evil.com/x", None),
        (None, None),
    ],
)
def test_domain_routing_matches_host_and_subdomains_only(
    alpha_beta: Plugins, url: str | None, owner: str | None
) -> None:
    assert router(alpha_beta).by_domain(url) == owner


def test_domain_wins_over_content(alpha_beta: Plugins) -> None:
    decision = router(alpha_beta).route(page("Title\nALPHA body", url="https://beta.example/a"))
    assert (decision.source, decision.method) == ("beta", "domain")


def test_canonical_url_of_html_routes_by_domain(alpha_beta: Plugins) -> None:
    html = '<html><head><link rel="canonical" href="https://alpha.example/a"></head><body><p>x</p></body></html>'
    assert router(alpha_beta).route(page(html, html=True)).method == "domain"


def test_content_detection_picks_the_confident_source(alpha_beta: Plugins) -> None:
    decision = router(alpha_beta).route(page("Title\nsome BETA text"))
    assert (decision.source, decision.method) == ("beta", "detect")
    assert decision.scores["beta"] == 0.9 and decision.scores["alpha"] == 0.0


def test_unclaimed_page_is_reported_with_scores(alpha_beta: Plugins) -> None:
    with pytest.raises(RoutingError) as info:
        router(alpha_beta).route(page("Title\nnothing known"))
    assert info.value.reason == "unclaimed"
    assert "alpha 0.0" in str(info.value)


def test_tied_claims_are_not_guessed(alpha_beta: Plugins) -> None:
    with pytest.raises(RoutingError) as info:
        router(alpha_beta).route(page("Title\nALPHA and BETA"))
    assert info.value.reason == "ambiguous"


def test_low_scores_go_to_fallback_when_chosen(alpha_beta: Plugins) -> None:
    decision = router(alpha_beta, fallback="generic").route(page("Title\nnothing known"))
    assert (decision.source, decision.method) == ("generic", "fallback")


def test_forced_source_skips_routing(alpha_beta: Plugins) -> None:
    decision = router(alpha_beta, forced="alpha").route(page("BETA", url="https://beta.example/"))
    assert (decision.source, decision.method) == ("alpha", "forced")


def test_unknown_forced_source_is_refused(alpha_beta: Plugins) -> None:
    with pytest.raises(KeyError, match="no source plugin named 'gamma' is loaded \\(loaded: alpha, beta, generic\\)"):
        router(alpha_beta, forced="gamma")


class Broken(KeywordSource):
    def detect(self, page: Page) -> float:
        raise RuntimeError("boom")


class OutOfRange(KeywordSource):
    def detect(self, page: Page) -> float:
        return 7.0


def test_broken_detectors_count_as_zero_and_do_not_stop_routing() -> None:
    plugins = make_plugins(
        ("broken", SourcesPlugin(Broken("broken", "X"), OutOfRange("wild", "X"))),
        ("good", SourcesPlugin(KeywordSource("good", "GOOD"))),
    )
    decision = router(plugins).route(page("Title\nGOOD"))
    assert decision.source == "good"
    assert decision.scores["broken"] == 0.0 and decision.scores["wild"] == 0.0
    assert decision.failed == {"broken": "RuntimeError: boom", "wild": "expected a float in [0, 1], got 7.0"}


def test_unclaimed_page_names_every_source_and_each_failed_detector() -> None:
    """The rejection is where a plugin's author looks for why their page
    went unclaimed: every source is there, however many are installed, and
    a detector that raised says so instead of showing a plain 0.0."""
    keywords = [KeywordSource(name, name.upper()) for name in ("one", "two", "three", "four", "five", "six")]
    plugins = make_plugins(
        ("many", SourcesPlugin(*keywords)),
        ("broken", SourcesPlugin(Broken("broken", "X"))),
    )
    with pytest.raises(ScoredRoutingError) as info:
        router(plugins).route(page("Title\nnothing known"))
    message = str(info.value)
    assert all(f"{source.name} 0.0" in message for source in keywords)
    assert "broken failed (RuntimeError: boom)" in message and "broken 0.0" not in message
    assert info.value.failed == {"broken": "RuntimeError: boom"}


def test_host_of_handles_garbage() -> None:
    assert host_of("http://[::1") is None
    assert host_of("HTTPS://WWW.Example.COM./x") == "www.example.com"
