"""Detection: high on the outlet's pages, low on everyone else's, never raising."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from moscow_times_support import ARTICLE_FIXTURES, LISTING_FIXTURE, OTHER_SEEDS, OWN_SEEDS

from masthead import Page
from masthead.testing import document, document_from_file
from masthead_moscow_times import MoscowTimesSource, detection, phrases


def page_of(path: Path) -> Page:
    return Page.from_raw(document_from_file(path))


@pytest.mark.parametrize("seed", OWN_SEEDS, ids=lambda p: p.name)
def test_own_seeds_score_high(source: MoscowTimesSource, seed: Path) -> None:
    assert source.detect(page_of(seed)) >= 0.9


@pytest.mark.parametrize("seed", OTHER_SEEDS, ids=lambda p: p.name)
def test_other_outlets_seeds_score_low(source: MoscowTimesSource, seed: Path) -> None:
    assert source.detect(page_of(seed)) <= 0.2


@pytest.mark.parametrize("fixture", (*ARTICLE_FIXTURES, LISTING_FIXTURE), ids=lambda p: p.name)
def test_own_html_fixtures_score_high(source: MoscowTimesSource, fixture: Path) -> None:
    assert source.detect(page_of(fixture)) >= 0.9


def test_appeal_alone_is_strong_evidence(source: MoscowTimesSource) -> None:
    text = "Some article text that ends here.\n\nA Message from The Moscow Times:\n\nDear readers,"
    assert source.detect(Page.from_raw(document(text))) >= 0.9


def test_citing_the_moscow_times_is_no_evidence(source: MoscowTimesSource) -> None:
    text = (
        "Russia's Justice Ministry added The Moscow Times to its list of foreign agents on Friday.\n\n"
        "The Moscow Times, which moved its newsroom to Amsterdam in 2022, said it would keep publishing, "
        "and it asked readers to support it.\n\n"
        "A spokesman said the outlet's appeal, headed A Message from The Moscow Times, drew many donations.\n\n"
        "Read more"
    )
    assert source.detect(Page.from_raw(document(text))) <= 0.2


def test_boilerplate_glued_to_text_is_still_found(source: MoscowTimesSource) -> None:
    html = "<html><body><p>Support The Moscow Times! Putin and Trump Hail Trust. Some text follows.</p></body></html>"
    assert source.detect(Page.from_raw(document(html, html=True))) >= 0.9


def test_other_site_with_generic_bem_markup_is_not_claimed(source: MoscowTimesSource) -> None:
    html = (
        "<html><head><meta property='og:site_name' content='Other News'></head><body>"
        "<article class='article'><header class='article__header'><h1>A Headline Here</h1></header>"
        "<div class='article__content'><p>Some running text of another outlet, long enough to read.</p></div>"
        "<div class='article__tags'>Tags: world</div></article></body></html>"
    )
    assert source.detect(Page.from_raw(document(html, html=True))) <= 0.2


def test_archived_copy_of_an_outlet_url_is_claimed(source: MoscowTimesSource) -> None:
    url = "https://web.archive.org/web/2019/https://www.themoscowtimes.com/2019/05/01/a-story-a65432"
    assert source.detect(Page.from_raw(document("Just some text.", url=url))) >= 0.9


@pytest.mark.parametrize(
    "data",
    [
        "\u00a0",
        "x",
        "<<<>>>",
        "Read more\n" * 500,
        "<html><body>" + "<div>" * 400 + "deep" + "</div>" * 400 + "</body></html>",
        "<html><head><script type='application/ld+json'>{broken</script></head><body><p>Hi</p></body></html>",
    ],
)
def test_detect_never_raises(source: MoscowTimesSource, data: str) -> None:
    for html in (False, True):
        try:
            page = Page.from_raw(document(data, html=html))
        except Exception:  # noqa: BLE001 - undecodable input never reaches detect
            continue
        score = source.detect(page)
        assert 0.0 <= score <= 1.0


def _score(source: MoscowTimesSource, text: str) -> float:
    return source.detect(Page.from_raw(document(text)))


BODY = "A court on Tuesday fined a local group 400,000 rubles for failing to mark its posts, the agency reported.\n"


@pytest.mark.parametrize(
    "line",
    [
        "Since July 1, 2024, we have disabled all ads to improve your reading experience.",
        "Our journalism is banned in Russia. We need your help to keep providing you with the truth.",
        "The Moscow Times is the leading English-language newspaper published in Russia",
        "The need for honest and objective information on Russia has never been greater.",
        "As the only remaining independent, English-language news source reporting from Russia, The Moscow Times "
        "plays a critical role in connecting Russia to the world.",
    ],
)
def test_other_years_boilerplate_is_strong_evidence(source: MoscowTimesSource, line: str) -> None:
    assert _score(source, BODY + line) >= 0.9


def test_old_site_push_prompt_is_good_evidence(source: MoscowTimesSource) -> None:
    score = _score(source, "Get the latest updates as we post them — right on your browser\n" + BODY)
    assert 0.5 <= score < 0.9


def test_site_menu_over_the_article_is_some_evidence(source: MoscowTimesSource) -> None:
    menu = "News\nBusiness\nOpinion\nArts and Life\nUkraine War\nRU\n"
    assert 0.5 <= _score(source, menu + BODY) < 0.9


@pytest.mark.parametrize(
    "menu",
    [
        "News\nBusiness\nOpinion\nSport\nWorld\nRU\n",  # generic section names only
        "Home\nArts and Life\nUkraine War\n",  # too short a run
        "News\nArts and Life\n" + BODY + "Ukraine War\nOpinion\nBusiness\nSearch\n",  # not one run
    ],
)
def test_generic_or_scattered_menu_lines_are_no_evidence(source: MoscowTimesSource, menu: str) -> None:
    assert _score(source, menu + BODY) <= 0.2


def _plain_evidence(keys: list[str]) -> tuple[set[str], bool, set[str]]:
    strong = {key for key in keys if key in phrases.STRONG_LINES}
    strong |= {p for key in keys for p in phrases.STRONG_PREFIXES if key.startswith(p)}
    good = any(key in phrases.GOOD_LINES for key in keys)
    return strong, good, {p for key in keys for p in phrases.WEAK_EVIDENCE if key.startswith(p)}


_EVIDENCE_KEY = st.one_of(
    st.sampled_from(
        sorted({*phrases.STRONG_LINES, *phrases.STRONG_PREFIXES, *phrases.GOOD_LINES, *phrases.WEAK_EVIDENCE})
    ).flatmap(lambda p: st.sampled_from([p, p + " and more", p[: len(p) // 2], p + "x" * 200])),
    st.text(alphabet="the moscow ti,.", max_size=20),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_EVIDENCE_KEY, max_size=8), min_size=1, max_size=3))
def test_evidence_kept_from_earlier_pages_is_the_plain_evidence(pages: list[list[str]]) -> None:
    detection._KEPT_EVIDENCE.clear()
    for keys in pages:
        assert detection._evidence(keys) == _plain_evidence(keys)
