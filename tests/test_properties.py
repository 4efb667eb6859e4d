"""Property-based tests: no input makes a reader or a source misbehave.

Readers get arbitrary bytes; every installed source gets arbitrary text and
mutated corpus documents. They must return a document, a draft or a valid
article — or raise only masthead's documented errors. Articles round-trip
through JSON, and every line written validates against the schema.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from masthead import Article, Comment, Draft, MastheadError, Page, Provenance, Related
from masthead.errors import InputError
from masthead.extract.document import HTML, TEXT, RawDocument
from masthead.io.readers import read_stdin
from masthead.serialize import article_from_dict, to_json_line, unstructure
from masthead.testing import installed_plugins, pipeline
from masthead.validate import errors_in

SEEDS = [p.read_bytes() for p in sorted((Path(__file__).resolve().parents[1] / "corpus").glob("*.txt"))]
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def mutated_seeds(draw: st.DrawFn) -> bytes:
    """A corpus document with lines dropped, repeated, cut, re-cased or garbled."""
    lines = draw(st.sampled_from(SEEDS)).decode("utf-8").split("\n")
    for _ in range(draw(st.integers(0, 6))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["drop", "repeat", "cut", "upper", "noise", "blank"]))
        if op == "drop":
            del lines[i]
        elif op == "repeat":
            lines.insert(i, lines[i])
        elif op == "cut":
            lines[i] = lines[i][: draw(st.integers(0, len(lines[i])))]
        elif op == "upper":
            lines[i] = lines[i].upper()
        elif op == "noise":
            lines.insert(i, draw(st.text(max_size=80)))
        else:
            lines.insert(i, "")
    text = "\n".join(lines)
    if draw(st.booleans()):
        text = text[: draw(st.integers(0, len(text)))]
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    return text.replace("\n", newline).encode("utf-8")


def check_sources(raw: RawDocument) -> None:
    try:
        page = Page.from_raw(raw)
    except InputError:
        return
    for name, entry in installed_plugins().sources.items():
        score = entry.source.detect(page)
        assert isinstance(score, float | int) and 0.0 <= score <= 1.0, (name, score)
        try:
            draft = entry.source.parse(page)
        except MastheadError:
            continue
        assert isinstance(draft, Draft), name
    record = pipeline().process(raw)
    if isinstance(record, Article):
        assert errors_in(unstructure(record)) == []
    else:
        assert record.reason != "plugin_error", record.error


@SETTINGS
@given(st.binary(max_size=4000), st.booleans())
def test_sources_on_arbitrary_bytes(data: bytes, html: bool) -> None:
    check_sources(RawDocument(uri="fuzz", data=data, content_type=HTML if html else TEXT))


@SETTINGS
@given(mutated_seeds())
def test_sources_on_mutated_corpus_documents(data: bytes) -> None:
    check_sources(RawDocument(uri="mutant", data=data))


@SETTINGS
@given(mutated_seeds())
def test_sources_on_mutated_documents_wrapped_in_html(data: bytes) -> None:
    paragraphs = "".join(f"<p>{line}</p>" for line in data.decode("utf-8").splitlines())
    check_sources(
        RawDocument(uri="mutant.html", data=f"<html><body>{paragraphs}</body></html>".encode(), content_type=HTML)
    )


@SETTINGS
@given(st.binary(max_size=4000))
def test_readers_never_raise_on_arbitrary_bytes(data: bytes) -> None:
    for item in read_stdin(io.BytesIO(data)):
        assert isinstance(item, RawDocument) or item.stage == "read"


@SETTINGS
@given(st.binary(max_size=2000))
def test_file_readers_never_raise(tmp_path_factory: object, data: bytes) -> None:
    plugins = installed_plugins()
    base = Path(str(tmp_path_factory.mktemp("fuzz")))  # type: ignore[attr-defined]
    for suffix, reader in plugins.readers.items():
        path = base / f"input{suffix}"
        path.write_bytes(data)
        for item in reader.read(str(path)):
            assert isinstance(item, RawDocument) or item.stage == "read"


text = st.text(st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=40).filter(str.strip)
articles = st.builds(
    Article,
    id=st.from_regex(r"\A[0-9a-f]{16}\Z"),
    outlet=st.from_regex(r"\A[a-z][a-z0-9_]{0,10}\Z"),
    url=st.none() | text,
    title=st.none() | text,
    subtitle=st.none() | text,
    authors=st.lists(text, max_size=3),
    published=st.none() | st.dates().map(lambda d: d.isoformat()),
    body=st.lists(text, min_size=1, max_size=4),
    captions=st.lists(text, max_size=2),
    related=st.lists(st.builds(Related, title=text, url=st.none() | text), max_size=2),
    comments=st.lists(st.builds(Comment, text=text, author=st.none() | text), max_size=3),
    attributions=st.lists(text, max_size=2),
    language=st.none() | st.sampled_from(["en", "ru", "pt-BR"]),
    provenance=st.builds(
        Provenance,
        input=text,
        sha256=st.from_regex(r"\A[0-9a-f]{64}\Z"),
        plugin=text,
        plugin_version=st.text(max_size=10),
        extracted_at=st.datetimes().map(lambda d: d.replace(microsecond=0).isoformat()),
    ),
    warnings=st.lists(text, max_size=2),
)


@SETTINGS
@given(articles)
def test_article_json_round_trip_and_schema(article: Article) -> None:
    line = to_json_line(article)
    assert "\n" not in line
    data = json.loads(line)
    assert errors_in(data) == []
    assert article_from_dict(data) == article
