"""The source contract, over the fixtures and dumps, the whole corpus and odd pages."""

from __future__ import annotations

from pathlib import Path

from masthead import Page, RawDocument
from masthead.testing import conformance_problems, document, document_from_file
from masthead_russia_briefing import RussiaBriefingSource

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parents[2] / "corpus"


def pages() -> list[Page]:
    paths = sorted(CORPUS.glob("*.txt")) + sorted((HERE / "fixtures").glob("*.html"))
    paths += sorted((HERE / "fixtures" / "dumps").glob("*.txt"))
    found = [Page.from_raw(document_from_file(path)) for path in paths]
    odd = [
        "<html><head><title>x</title></head><body></body></html>",
        "<html><body><article class='post type-post'><p>Posted by</p></article></body></html>",
        "<p>unclosed <div><article><h1>Title only",
    ]
    found += [Page.from_raw(document(text, html=True, uri=f"odd-{n}.html")) for n, text in enumerate(odd)]
    found += [
        Page.from_raw(document(text, uri=f"odd-{n}.txt")) for n, text in enumerate(["Posted by", "About Us", "x"])
    ]
    return found


def test_source_keeps_the_contract() -> None:
    assert conformance_problems(RussiaBriefingSource(), pages()) == []


def test_declared_identity() -> None:
    source = RussiaBriefingSource()
    assert source.name == "russia_briefing"
    assert source.domains == ("russia-briefing.com",)
    assert source.language == "en"


def test_pages_on_the_domain_route_by_domain() -> None:
    from masthead.testing import ingest_article

    text = (CORPUS / "000_e8f30686367901c1.txt").read_bytes()
    raw = RawDocument(uri="x.txt", data=text, url="https://www.russia-briefing.com/news/some-post.html/")
    article = ingest_article(raw)
    assert article.outlet == "russia_briefing"
    assert article.url == "https://www.russia-briefing.com/news/some-post.html/"
