"""Plugin-controlled values that must end as rejections, never as exceptions."""

from __future__ import annotations

import pickle
from collections.abc import Callable, Generator
from typing import Any

import attrs
import pytest

import masthead
from masthead import Article, Draft, Filtered, Page, ParseError, Rejection
from masthead.errors import MastheadError, PluginError
from masthead.extract.document import RawDocument
from masthead.pipeline import article_id
from masthead.serialize import unstructure
from masthead.validate import errors_in
from support import KeywordSource, SourcesPlugin, make_pipeline, make_plugins


def raw(text: str = "Title\nKEY body.") -> RawDocument:
    return RawDocument(uri="doc.txt", data=text.encode())


class Returning(KeywordSource):
    def __init__(self, result: Callable[[], Any]) -> None:
        super().__init__("alpha", "KEY")
        self.result = result

    def parse(self, page: Page) -> Draft:
        return self.result()  # type: ignore[no-any-return]


def process(result: Callable[[], Any], *processors: tuple[str, object], document: Any = None) -> Article | Rejection:
    pipeline = make_pipeline(make_plugins(("src", SourcesPlugin(Returning(result))), *processors))
    return pipeline.process(document if document is not None else raw())


def rejected(record: Article | Rejection, stage: str, reason: str, plugin: str | None = "src") -> Rejection:
    assert isinstance(record, Rejection), record
    assert (record.stage, record.reason, record.plugin) == (stage, reason, plugin), record
    return record


@pytest.mark.parametrize(
    "fields, field",
    [
        ({"title": 5}, "title"),
        ({"url": ["https://x.example/a"]}, "url"),
        ({"language": 5}, "language"),
        ({"layout": 1}, "layout"),
        ({"subtitle": b"bytes"}, "subtitle"),
    ],
)
def test_non_string_draft_fields_are_invalid_articles(fields: dict[str, Any], field: str) -> None:
    record = rejected(process(lambda: Draft(body=["x"], **fields)), "validate", "invalid_article")
    assert f"Draft.{field} must be a string or None" in record.error


@pytest.mark.parametrize("field", ["authors", "body", "captions", "attributions", "warnings"])
def test_a_lone_string_for_a_list_field_is_refused_not_split(field: str) -> None:
    with pytest.raises(TypeError, match="expected a list"):
        Draft(**{field: "One paragraph."})
    record = rejected(process(lambda: Draft(**{field: "Ann Lee"})), "parse", "plugin_error")
    assert "expected a list" in record.error
    assert Draft(authors=None).authors == ()


@pytest.mark.parametrize(
    "exc, reason",
    [
        (ParseError("x", reason="Paywall"), "paywall"),
        (ParseError("x", reason="paywall-hit"), "paywall_hit"),
        (ParseError("x", reason="!!!"), "parse_failed"),
        (ParseError("x", reason="42"), "parse_failed"),
    ],
)
def test_parse_error_reasons_are_normalised(exc: ParseError, reason: str) -> None:
    def fail() -> Draft:
        raise exc

    assert rejected(process(fail), "parse", reason).error == "x"


class Paywalled(ParseError):
    reason = "Pay Wall!"


def test_an_invalid_class_reason_falls_back_and_is_kept_in_the_error() -> None:
    def fail() -> Draft:
        raise Paywalled("blocked")

    # normalisable class defaults are normalised; hopeless ones fall back
    assert rejected(process(fail), "parse", "pay_wall").error == "blocked"
    Paywalled.reason = "???"
    try:
        record = rejected(process(fail), "parse", "plugin_error")
    finally:
        Paywalled.reason = "Pay Wall!"
    assert "blocked" in record.error and "'???'" in record.error


class ShortFilter:
    @masthead.hookimpl
    def masthead_process_article(self, article: Article) -> None:
        raise Filtered("too short", reason="Too Short")


def test_filtered_reason_is_normalised() -> None:
    record = rejected(process(lambda: Draft(body=["x"]), ("short", ShortFilter())), "process", "too_short", "short")
    assert "too short" in record.error


def test_str_data_is_rejected_at_read() -> None:
    document = RawDocument(uri="doc.txt", data="Title\nKEY body.")  # type: ignore[arg-type]
    record = rejected(process(lambda: Draft(body=["x"]), document=document), "read", "invalid_document", None)
    assert record.sha256 is None and "must be bytes, got str" in record.error


def test_attrs_validator_errors_read_cleanly() -> None:
    record = rejected(process(lambda: Draft(body=["x"], language="English")), "validate", "invalid_article")
    assert record.error == "src: 'language' must match regex '^[a-z]{2,3}(-[A-Za-z0-9]+)*$' ('English' doesn't)"
    assert "0x" not in record.error and "Attribute(" not in record.error


class BodyEraser:
    @masthead.hookimpl
    def masthead_process_article(self, article: Article) -> Article:
        return attrs.evolve(article, body=[])


class Retitler:
    @masthead.hookimpl
    def masthead_process_article(self, article: Article) -> Article:
        return attrs.evolve(article, title="Another title", body=["Another body."])


class SchemaBreaker:
    """Builds an attrs-valid article the JSON Schema refuses."""

    @masthead.hookimpl
    def masthead_process_article(self, article: Article) -> Article:
        broken = attrs.evolve(article)
        object.__setattr__(broken, "authors", ("",))
        return broken


def test_a_processor_emptying_the_body_is_rejected_naming_it() -> None:
    record = rejected(process(lambda: Draft(body=["x"]), ("eraser", BodyEraser())), "process", "empty_body", "eraser")
    assert "eraser" in record.error


def test_the_id_follows_what_a_processor_changed() -> None:
    record = process(lambda: Draft(body=["x"]), ("retitle", Retitler()))
    assert isinstance(record, Article)
    assert record.id == article_id(record.outlet, record.url, "Another title", ("Another body.",))
    assert errors_in(unstructure(record)) == []


def test_a_processor_breaking_the_schema_is_rejected() -> None:
    record = rejected(
        process(lambda: Draft(body=["x"]), ("breaker", SchemaBreaker())), "process", "invalid_article", "breaker"
    )
    assert "$.authors[0]" in record.error


def test_a_wrapper_process_hook_reaching_the_pipeline_is_rejected_clearly(monkeypatch: pytest.MonkeyPatch) -> None:
    # The manager refuses wrapper impls at registration; should one slip
    # through, calling it gives a generator, which must not pass as "None".
    def wrapper(article: Article, page: Page) -> Generator[None, Any, Any]:
        return (yield)

    pipeline = make_pipeline(make_plugins(("src", SourcesPlugin(Returning(lambda: Draft(body=["x"]))))))
    monkeypatch.setattr(pipeline.plugins, "processors", lambda: [("wrap", wrapper)])
    record = rejected(pipeline.process(raw()), "process", "plugin_error", "wrap")
    assert record.error == "wrap: wrapper hooks are not supported for masthead_process_article"


def test_plugin_error_pickles() -> None:
    error = PluginError("plug", "masthead_register_sources", "broke", reason="bad_hook")
    copy = pickle.loads(pickle.dumps(error))
    assert (type(copy), str(copy), copy.reason) == (PluginError, str(error), "bad_hook")
    assert (copy.plugin, copy.hook, copy.problem) == ("plug", "masthead_register_sources", "broke")
    assert pickle.loads(pickle.dumps(MastheadError("m", reason="Custom"))).reason == "custom"


def test_an_unexpected_decode_failure_is_a_rejection(monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(raw: RawDocument) -> Page:
        raise LookupError("no such codec")

    monkeypatch.setattr(Page, "from_raw", explode)
    record = rejected(process(lambda: Draft(body=["x"])), "decode", "undecodable", None)
    assert record.error == "LookupError: no such codec"
