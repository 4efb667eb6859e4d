from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import masthead
from masthead import Article, Draft, Filtered, NotAnArticle, Page, Rejection
from masthead.extract.document import RawDocument
from masthead.extract.text import fold
from masthead.pipeline import article_id, folded_body
from support import KeywordSource, SourcesPlugin, make_pipeline, make_plugins


def raw(text: str | bytes, url: str | None = None) -> RawDocument:
    return RawDocument(uri="doc.txt", data=text.encode() if isinstance(text, str) else text, url=url)


class Misbehaving(KeywordSource):
    def __init__(self, name: str, result: Callable[[], Any]) -> None:
        super().__init__(name, "KEY")
        self.result = result

    def parse(self, page: Page) -> Draft:
        return self.result()  # type: ignore[no-any-return]


def pipeline_with(source: Any, *processors: tuple[str, object]) -> Any:
    return make_pipeline(make_plugins(("src", SourcesPlugin(source)), *processors))


def test_a_document_becomes_an_article_with_provenance() -> None:
    record = pipeline_with(KeywordSource("alpha", "KEY")).process(raw("Title\nKEY body."))
    assert isinstance(record, Article)
    assert (record.outlet, record.title, record.body) == ("alpha", "Title", ("KEY body.",))
    assert record.provenance.plugin == "src" and record.provenance.input == "doc.txt"
    assert record.provenance.sha256 == raw("Title\nKEY body.").sha256


def ids(*texts: str) -> set[str]:
    p = pipeline_with(KeywordSource("alpha", "KEY"))
    return {p.process(raw(t)).id for t in texts}


def test_id_is_stable_across_whitespace_and_quote_style_differences() -> None:
    assert len(ids("Title\nKEY “body”.", 'Title\r\n\r\n  KEY  "body".\n')) == 1
    assert len(ids("Title\nKEY body.", "Title\nKEY other body.")) == 2


def test_id_is_that_of_the_record_as_written() -> None:
    """The id is computed before the record is built, from the values the
    record's converters make of the draft's (stripped, blank paragraphs
    dropped): the record's own fields give the same id."""
    draft = Draft(url="  https://x.example/a  ", title="  Title ", body=[" KEY body. ", "  ", "More."])
    record = pipeline_with(Misbehaving("messy", lambda: draft)).process(raw("KEY"))
    assert isinstance(record, Article)
    assert (record.url, record.title, record.body) == ("https://x.example/a", "Title", ("KEY body.", "More."))
    assert record.id == article_id(record.outlet, record.url, record.title, record.body)
    untitled = Draft(title="  ", body=[" KEY body. ", "More."])
    record = pipeline_with(Misbehaving("messy", lambda: untitled)).process(raw("KEY"))
    assert isinstance(record, Article) and record.title is None
    assert record.id == article_id(record.outlet, None, None, ("KEY body.", "More."))


def test_id_prefers_the_url() -> None:
    assert article_id("a", "https://x.example/a/", None, ()) == article_id("a", "http://x.example/a", "T", ("b",))


def test_id_of_a_dump_without_url_is_keyed_on_the_folded_title_and_body() -> None:
    curly = article_id("a", None, "A \u201cTitle\u201d", ("Cafe\u0301\u2019s  ROOM.", "\u00bd \ufb01ne"))
    plain = article_id("a", None, 'a "title"', ("caf\u00e9's room.", "1\u20442 fine"))
    assert curly == plain
    assert curly != article_id("a", None, 'a "title"', ("caf\u00e9's room. 1\u20442 fine", "more"))


#: What folding changes: combining marks, compatibility forms (ligatures,
#: fractions, full-width letters, a diaeresis that decomposes to a space and
#: a mark), curly quotes and dashes, final and capital sigma, Hangul jamo,
#: every kind of space.
_FOLDED_CHARS = st.sampled_from(
    [
        *"aZ9 .'\"-=",
        *"\u00e9\u0301\u0308\u0338\u00a8\ufb01\u00bd\uff21",
        *"\u2019\u201c\u2014\u2026\u03a3\u03c2\u1100\u1161\u11a8",
        *"\u00a0\u2003\u3000\t\n\u200b\u0130\u00df",
    ]
)


@given(st.lists(st.text(_FOLDED_CHARS, max_size=12) | st.text(max_size=12), max_size=6))
@example(["=", "\u0338"])
@example(["\u1100", "\u1161"])
@example(["a", "\u00a8"])
@example(["\u03a3", "\u03a3a"])
def test_a_body_folded_paragraph_by_paragraph_is_the_body_folded_whole(body: list[str]) -> None:
    assert folded_body(body) == fold(" ".join(body))


@pytest.mark.parametrize(
    "result, stage, reason, message",
    [
        (lambda: (_ for _ in ()).throw(NotAnArticle("listing page")), "parse", "not_article", "listing page"),
        (lambda: 1 / 0, "parse", "plugin_error", "ZeroDivisionError"),
        (lambda: {"title": "dict"}, "parse", "plugin_error", "returned dict, expected masthead.Draft"),
        (lambda: Draft(body=["x"], published="soon", language="Klingon"), "validate", "invalid_article", "language"),
        (lambda: Draft(body=[]), "validate", "empty_body", "no body"),
        (lambda: Draft(body=[3]), "validate", "invalid_article", "Draft.body must hold strings"),
    ],
)
def test_plugin_faults_become_rejections_naming_the_plugin(
    result: Callable[[], Any], stage: str, reason: str, message: str
) -> None:
    record = pipeline_with(Misbehaving("bad", result)).process(raw("KEY"))
    assert isinstance(record, Rejection)
    assert (record.stage, record.reason, record.plugin) == (stage, reason, "src")
    assert message in record.error


def test_unparseable_published_date_is_dropped_with_a_warning() -> None:
    record = pipeline_with(Misbehaving("ok", lambda: Draft(body=["x"], published="soon-ish"))).process(raw("KEY"))
    assert isinstance(record, Article)
    assert record.published is None
    assert record.warnings == ("published_unparsed: 'soon-ish'",)


def test_bad_input_is_rejected_at_decode() -> None:
    record = pipeline_with(KeywordSource("alpha", "KEY")).process(raw(b""))
    assert isinstance(record, Rejection) and (record.stage, record.reason) == ("decode", "empty")


class Enricher:
    @masthead.hookimpl
    def masthead_process_article(self, article: Article, page: Page) -> Article:
        return attrs.evolve(article, warnings=[*article.warnings, "enriched"])


class Dropper:
    @masthead.hookimpl
    def masthead_process_article(self, article: Article) -> None:
        if "spam" in " ".join(article.body):
            raise Filtered("looks like spam")


class Crasher:
    @masthead.hookimpl
    def masthead_process_article(self, article: Article) -> Any:
        return "not an article"


def test_process_hooks_chain_enrich_and_filter() -> None:
    p = pipeline_with(KeywordSource("alpha", "KEY"), ("enrich", Enricher()), ("drop", Dropper()))
    kept = p.process(raw("T\nKEY fine"))
    assert isinstance(kept, Article) and kept.warnings == ("enriched",)
    dropped = p.process(raw("T\nKEY spam"))
    assert isinstance(dropped, Rejection)
    assert (dropped.stage, dropped.reason, dropped.plugin) == ("process", "filtered", "drop")


def test_a_process_hook_returning_garbage_is_a_plugin_error() -> None:
    record = pipeline_with(KeywordSource("alpha", "KEY"), ("crash", Crasher())).process(raw("T\nKEY"))
    assert isinstance(record, Rejection)
    assert (record.reason, record.plugin) == ("plugin_error", "crash")


def test_now_iso_is_the_plain_formula_made_once_a_second(monkeypatch: pytest.MonkeyPatch) -> None:
    """now_iso keeps the text of the current second; at any clock reading
    it is what ``datetime.now(timezone.utc).replace(microsecond=0).isoformat()``
    gives then (computed here from the same nanoseconds)."""
    from datetime import datetime, timedelta, timezone

    import masthead.pipeline as pipeline_module

    epoch = datetime(1970, 1, 1, tzinfo=timezone.utc)
    for ns in (1_733_000_000_999_999_999, 1_733_000_001_000_000_000, 1_733_000_001_500_000_000, 0, 86_399 * 10**9):
        monkeypatch.setattr(pipeline_module.time, "time_ns", lambda ns=ns: ns)
        plain = (epoch + timedelta(microseconds=ns // 1000)).replace(microsecond=0).isoformat()
        assert pipeline_module.now_iso() == plain
    monkeypatch.undo()
    before = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    now = pipeline_module.now_iso()
    after = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    assert before <= now <= after


class Scripted(KeywordSource):
    """Claims pages spelling its keyword and parses them with ``parse``."""

    def __init__(self, name: str, keyword: str, parse: Callable[[Page], Draft], language: Any = None) -> None:
        super().__init__(name, keyword)
        self._parse = parse
        self.language = language

    def parse(self, page: Page) -> Draft:
        return self._parse(page)


def _raise(error: Exception) -> Callable[[Page], Draft]:
    def parse(page: Page) -> Draft:
        raise error

    return parse


def _lines(page: Page) -> Draft:
    return Draft(title=page.lines[0], body=page.lines[1:])


def _settled(record: Article | Rejection) -> Article | Rejection:
    """``record`` without the second it was made in."""
    if isinstance(record, Article):
        return attrs.evolve(
            record, provenance=attrs.evolve(record.provenance, extracted_at="2026-01-01T00:00:00+00:00")
        )
    return record


def test_process_many_makes_the_records_process_makes_one_at_a_time() -> None:
    """Stage by stage over a batch: the same records, in order, for every
    way a document can end (decoding, routing, parsing, a draft's language
    that cannot be decided, an empty body, a processor's filter)."""
    p = make_pipeline(
        make_plugins(
            (
                "src",
                SourcesPlugin(
                    KeywordSource("alpha", "ALPHA"),
                    Scripted("raiser", "RAISE", _raise(ValueError("broken"))),
                    Scripted("refuser", "REFUSE", _raise(NotAnArticle("a listing"))),
                    tagged := Scripted("tagged", "TAGGED", _lines),
                    Scripted("hollow", "HOLLOW", lambda page: Draft(title="T")),
                ),
            ),
            ("drop", Dropper()),
        )
    )
    tagged.language = 7  # no language tag: deciding the language raises, once the source is loaded
    texts: list[str | bytes] = [
        "Title\nALPHA The first article's body, long enough to read its language from it.",
        b"",
        "nobody's keyword on this page",
        "T\nRAISE",
        "T\nREFUSE",
        "T\nTAGGED body",
        "T\nHOLLOW",
        "T\nALPHA spam",
        "Second\nALPHA Der zweite Artikel ist deutsch, lang genug, um seine Sprache zu lesen.",
    ]
    documents = [raw(text) for text in texts]
    one_at_a_time = [_settled(p.process(document)) for document in documents]
    assert [_settled(record) for record in p.process_many(documents)] == one_at_a_time
    kinds = [r.reason if isinstance(r, Rejection) else r.language for r in one_at_a_time]
    expected = ["en", "empty", "unclaimed", "plugin_error", "not_article", "invalid_article", "empty_body"]
    assert kinds == [*expected, "filtered", "de"]
    assert p.process_many([]) == []
