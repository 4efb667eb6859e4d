from __future__ import annotations

import codecs

import pytest
from bs4 import BeautifulSoup

from masthead import Article
from masthead.errors import InputError
from masthead.extract.document import HTML, Page, RawDocument, blocks_of, decode
from masthead.extract.text import fold
from masthead.testing import document, ingest

RUSSIAN = "Президент заявил, что переговоры продолжатся на следующей неделе в Москве."


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty"),
        (b" \n\t\r\n ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3", "binary"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "binary"),
        (b"text\x00with\x00many\x00nul\x00bytes\x00" * 20, "binary"),
    ],
)
def test_unreadable_bytes_raise_input_error_with_reason(data: bytes, reason: str) -> None:
    with pytest.raises(InputError) as info:
        decode(data)
    assert info.value.reason == reason


def test_utf8_is_trusted_first() -> None:
    assert decode("“quoted” text".encode()) == ("“quoted” text", "utf-8")


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16"])
def test_byte_order_marks_are_honoured(codec: str) -> None:
    text, _ = decode(RUSSIAN.encode(codec))
    assert text == RUSSIAN


def test_undeclared_windows_1251_is_detected() -> None:
    text, encoding = decode(((RUSSIAN + "\n") * 5).encode("windows-1251"))
    assert text.startswith(RUSSIAN)
    assert codecs.lookup(encoding).name == "cp1251"


def test_declared_encoding_is_used_when_utf8_fails() -> None:
    text, _ = decode("café société".encode("latin-1"), declared="latin-1")
    assert text == "café société"


def test_blocks_follow_block_elements_and_skip_scripts() -> None:
    soup = BeautifulSoup(
        "<div>Lead <b>bold</b><p>One <i>two</i></p><script>var x</script>"
        "<ul><li>A</li><li>B<br>C</li></ul><!-- note --></div>",
        "lxml",
    )
    assert blocks_of(soup) == ("Lead bold", "One two", "A", "B", "C")


def test_blocks_of_deeply_nested_markup_does_not_recurse() -> None:
    depth = 5000
    soup = BeautifulSoup("<div>" * depth + "deep" + "</div>" * depth, "html.parser")
    assert blocks_of(soup) == ("deep",)


def test_page_views_for_html() -> None:
    html = (
        '<html lang="en-GB"><head><title>T | Site</title>'
        '<meta property="og:title" content="Real title">'
        '<link rel="canonical" href="https://news.example/a">'
        '<meta property="article:published_time" content="2024-03-01T08:00:00Z">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "author": [{"name": "Ann Lee"}]}</script>'
        "</head><body><article><h1>Real title</h1><p>Body one.</p></article></body></html>"
    )
    page = Page.from_raw(RawDocument(uri="a.html", data=html.encode(), content_type=HTML))
    assert page.lines == ("Real title", "Body one.")
    assert page.url == "https://news.example/a"
    assert page.meta.title == "Real title"
    assert page.meta.authors == ("Ann Lee",)
    assert page.meta.published == "2024-03-01T08:00:00+00:00"
    assert page.meta.language == "en"


def test_page_of_text_dump_has_no_soup_and_empty_meta() -> None:
    page = Page.from_raw(RawDocument(uri="a.txt", data=b"Title\r\n\r\nBody\xc2\xa0one."))
    assert page.soup is None
    assert page.lines == ("Title", "Body one.")
    assert page.meta.title is None and page.url is None


def test_raw_document_hash_is_of_the_bytes() -> None:
    assert RawDocument(uri="x", data=b"abc").sha256.startswith("ba7816bf")


def test_hostile_nesting_is_cut_to_the_depth_limit_keeping_the_text() -> None:
    from masthead.extract.document import MAX_DEPTH, nesting_exceeds, shallow_markup

    depth = 50_000
    html = (
        "<html><body>"
        + "<div><span>" * depth
        + "deep<p>para</p>"
        + "</span></div>" * depth
        + "<p>after</p></body></html>"
    )
    page = Page.from_raw(RawDocument(uri="deep", data=html.encode(), content_type=HTML))
    assert page.soup is not None and not nesting_exceeds(page.soup, MAX_DEPTH + 1)
    # block boundaries below the limit are lost, the text is not
    assert page.lines[-2:] == ("deeppara", "after")
    assert shallow_markup("<a><b><i>x</i></b>y</a>", 1) == "<a>xy</a>"
    assert shallow_markup("<p>ok<br><img src=x></p>", 1) == "<p>ok<br><img src=x></p>"


@pytest.mark.parametrize(
    "given, expected",
    [
        ("text/html; charset=utf-8", HTML),
        (" Text/HTML ", HTML),
        ("application/xhtml+xml; charset=windows-1251", HTML),
        ("text/plain; charset=utf-8", "text/plain"),
        ("", "text/plain"),
    ],
)
def test_content_type_is_reduced_to_its_media_type(given: str, expected: str) -> None:
    raw = RawDocument(uri="x", data=b"<p>x</p>", content_type=given)
    assert raw.content_type == expected and raw.is_html == (expected == HTML)


def test_generic_fallback_survives_a_malformed_canonical_url() -> None:
    from masthead.extract.generic import GenericSource

    body = "<p>" + "A sentence of running text long enough to count as a paragraph. " * 3 + "</p>"
    html = f'<html><head><link rel="canonical" href="http://[broken/a"></head><body>{body}</body></html>'
    page = Page.from_raw(RawDocument(uri="a.html", data=html.encode(), content_type=HTML))
    draft = GenericSource().parse(page)
    assert list(draft.warnings) == ["generic_fallback: no outlet plugin claimed this page"]


@pytest.mark.parametrize(
    "text",
    [
        "Plain  ASCII line\n\nSecond\tLINE",
        "\u201cQuoted\u201d \u2014 ＦＵＬＬＷＩＤＴＨ\nStra\u00dfe \u00c9t\u00e9\ne\u0301 combining",
        "\ufb01rst ligature\n\u3000\n\u2028 separator line\nlast",
    ],
)
def test_folded_views_equal_folding_the_page_text(text: str) -> None:
    for raw in (
        RawDocument(uri="t.txt", data=text.encode()),
        RawDocument(uri="t.html", data=f"<p>{text.replace(chr(10), '</p><p>')}</p>".encode(), content_type=HTML),
    ):
        page = Page.from_raw(raw)
        assert page.folded_lines == tuple(fold(line) for line in page.lines)
        assert page.folded_text == fold(page.text)


@pytest.mark.parametrize(
    ("markup", "cut"),
    [
        ("<html><body><p>Whole.</p></body></html>", False),
        ("<HTML><body><p>Whole.</p></body></HTML >\n<!-- Dynamic page generated in 0.4 seconds -->\n", False),
        ("<html><body><p>Whole.</p></body></html>" + " " * 5000, False),
        ("<html><body><p>Whole.</p></body></html><script>" + "var a = 1;" * 700 + "</script>", False),
        ("<!DOCTYPE html><html><body><p>Closing tags left out, as HTML allows.</p>", False),
        ("<article><p>An article's markup alone, cut in the mid", False),  # a fragment: no <html>
        ("<html><body><p>Cut in the mid", True),
        ("<html><body><p>Cut inside a tag.</p><div cla", True),
        ("<html><body><article><p>Cut between two paragraphs.</p>", True),  # the article left open
        ("<!DOCTYPE html><html><body><div><p>Closing tags left out.</p></div>", False),
        ("<html><body><p>A mention of </html> far above the cut.</p>" + "<p>more text</p>" * 400 + "<p>and", True),
    ],
)
def test_an_html_page_stopped_inside_its_text_or_a_tag_is_cut_short(markup: str, cut: bool) -> None:
    assert Page.from_raw(document(markup, html=True)).cut_short is cut
    assert Page.from_raw(RawDocument(uri="p.html", data=markup.encode("utf-16"), content_type=HTML)).cut_short is cut


def test_a_text_dump_is_never_cut_short_by_its_markup() -> None:
    assert Page.from_raw(document("A headline\n\nA paragraph cut in the mid")).cut_short is False


def test_a_cut_page_says_so_in_its_record() -> None:
    page = "<html><head><title>T</title></head><body><article><p>{}</p><p>{}</p>".format(
        "The ministry said on Monday that the new rules would take effect in March.",
        "Importers have asked for more time to adapt their systems, the ministry said.",
    )
    cut = ingest(document(page + "<p>Traders said the", html=True), source="generic")
    whole = ingest(document(page + "</article></body></html>", html=True), source="generic")
    assert isinstance(cut, Article) and isinstance(whole, Article)
    assert [w for w in cut.warnings if w.startswith("page_truncated")]
    assert not [w for w in whole.warnings if w.startswith("page_truncated")]
