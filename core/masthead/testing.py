"""The plugin test kit: what a source plugin's tests need, as a pytest plugin.

Enabled automatically once masthead is installed (entry point ``pytest11``).
It runs documents through the real pipeline with the installed plugins,
compares records with reviewed golden JSON files field by field, and checks
that a source keeps the contract every source must keep.

Golden files are never rewritten by default: run ``pytest --update-golden``
on purpose, then review the diff before committing it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import attrs
import pytest

from masthead.errors import MastheadError, RoutingError
from masthead.extract.document import HTML, TEXT, Page, RawDocument
from masthead.manager import Plugins, SourceEntry, source_problems
from masthead.models import Article, Rejection
from masthead.pipeline import Pipeline, build_article, describe, draft_problems, now_iso, outlet_zone
from masthead.router import Router
from masthead.serialize import unstructure
from masthead.source import Draft, Source
from masthead.validate import errors_in

#: Fields that change from run to run or machine to machine; never compared.
VOLATILE = (("provenance", "extracted_at"), ("provenance", "plugin_version"), ("provenance", "input"))
GOLDEN_SUFFIX = ".expected.json"


@cache
def installed_plugins() -> Plugins:
    """Every installed plugin, loaded once per test session."""
    return Plugins(disable=(), only=None)


def pipeline(source: str | None = None, plugins: Plugins | None = None) -> Pipeline:
    """The real pipeline, optionally forcing ``source``.

    A ``source`` that is not loaded fails the test with the plugins' load
    errors: a plugin under test that failed to register (a misspelt hook, an
    import error) says why, where routing would only name the missing key.
    """
    plugins = plugins or installed_plugins()
    if source is not None and source not in plugins.sources:
        errors = "; ".join(str(error) for error in plugins.errors) or "no installed plugin registers it"
        pytest.fail(f"no source plugin named {source!r} is loaded: {errors}", pytrace=False)
    return Pipeline(plugins, Router(plugins.sources, plugins.domains, forced=source))


def routed_by_content(doc: RawDocument, plugins: Plugins | None = None) -> tuple[str | None, dict[str, float]]:
    """The source detection alone gives ``doc`` (``None``: nobody claims it,
    or two sources tie), and every source's score.

    The page's address, given or in its markup (a canonical link), decides
    nothing here: what is tested is ``detect``, which routes the pages that
    come without their address (most text dumps, many archived pages).
    """
    plugins = plugins or installed_plugins()
    router = Router(plugins.sources, {})
    try:
        route = router.route(Page.from_raw(attrs.evolve(doc, url=None)))
    except RoutingError as exc:
        return None, dict(getattr(exc, "scores", {}))
    return route.source, dict(route.scores)


def document(
    data: bytes | str, *, html: bool = False, url: str | None = None, uri: str = "test-document"
) -> RawDocument:
    """A raw document from text or bytes, as a reader would produce it."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return RawDocument(uri=uri, data=raw, content_type=HTML if html else TEXT, url=url)


def document_from_file(path: str | Path, *, url: str | None = None) -> RawDocument:
    """A raw document from a fixture file; ``.html``/``.htm`` files are HTML."""
    path = Path(path)
    return document(path.read_bytes(), html=path.suffix.lower() in (".html", ".htm"), url=url, uri=path.name)


def ingest(doc: RawDocument, *, source: str | None = None) -> Article | Rejection:
    """Run one document through the pipeline (routing unless ``source``)."""
    return pipeline(source).process(doc)


def ingest_article(doc: RawDocument, *, source: str | None = None) -> Article:
    """Like :func:`ingest`, but fail the test with the reason if rejected."""
    record = ingest(doc, source=source)
    if isinstance(record, Rejection):
        pytest.fail(f"{doc.uri} was rejected at {record.stage} ({record.reason}): {record.error}")
    return record


def comparable(article: Article) -> dict[str, Any]:
    """The article's JSON form without :data:`VOLATILE` fields."""
    data = unstructure(article)
    for outer, inner in VOLATILE:
        data.get(outer, {}).pop(inner, None)
    return data


def golden_path_for(document_path: str | Path) -> Path:
    """``corpus/x.txt`` -> ``corpus/x.expected.json``.

    The golden file is keyed on the file's stem, so ``x.txt`` and ``x.html``
    would share one: keep one fixture per stem (name a saved HTML version of a
    text fixture differently, e.g. ``x-page.html``).
    """
    path = Path(document_path)
    return path.with_name(path.stem + GOLDEN_SUFFIX)


def diff(expected: Any, actual: Any, path: str = "") -> Iterator[str]:
    """Readable field-by-field differences between two JSON values."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        for key in list(expected) + [k for k in actual if k not in expected]:
            where = f"{path}.{key}" if path else key
            if key not in actual:
                yield f"{where}: missing (expected {expected[key]!r})"
            elif key not in expected:
                yield f"{where}: unexpected {actual[key]!r}"
            else:
                yield from diff(expected[key], actual[key], where)
    elif isinstance(expected, list) and isinstance(actual, list):
        for index in range(max(len(expected), len(actual))):
            where = f"{path}[{index}]"
            if index >= len(actual):
                yield f"{where}: missing (expected {expected[index]!r})"
            elif index >= len(expected):
                yield f"{where}: unexpected {actual[index]!r}"
            else:
                yield from diff(expected[index], actual[index], where)
    elif expected != actual:
        yield f"{path}:\n    expected {expected!r}\n    actual   {actual!r}"


def assert_golden(article: Article, golden: str | Path, *, update: bool = False) -> None:
    """Fail with a field-by-field diff unless ``article`` equals the golden file.

    With ``update``, write the golden file instead (for review before commit).
    """
    golden = Path(golden)
    actual = comparable(article)
    if update:
        golden.write_text(json.dumps(actual, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        return
    if not golden.exists():
        pytest.fail(f"no golden file {golden}; create it with `pytest --update-golden` and review it")
    expected = json.loads(golden.read_text(encoding="utf-8"))
    problems = list(diff(expected, actual))
    if problems:
        pytest.fail(f"{golden.name} differs in {len(problems)} place(s):\n" + "\n".join(problems), pytrace=False)


_P = TypeVar("_P")


def assert_read_as_if_first(read: Callable[[_P], object], pages: Iterable[_P], forget: Callable[[], None]) -> None:
    """Each of ``pages`` reads the same after the others as with nothing kept.

    For a plugin that keeps answers from page to page
    (:class:`masthead.extract.boilerplate.KeptAnswers`): ``read`` reads a
    page (return what it found, or the error, as a comparable value) and
    ``forget`` empties every store of answers the plugin keeps.
    """
    pages = list(pages)
    after_others = [read(page) for page in pages]
    alone = []
    for page in pages:
        forget()
        alone.append(read(page))
    assert after_others == alone


def conformance_problems(source: Source, pages: Iterable[Page]) -> list[str]:
    """Ways ``source`` breaks the source contract on ``pages`` (empty: none).

    Checks the declared name, domains (at least one), version, language and
    dated layouts with the rules registration applies, that a declared
    ``timezone`` is one this machine knows, that ``detect`` returns a number in
    [0, 1] without raising, and that ``parse`` either raises only masthead's
    errors or returns a :class:`Draft` that validates into a schema-valid
    Article with a body. ``source`` itself is checked, not an installed source
    of the same name: pages are parsed by it, outside routing.
    """
    problems = source_problems(source)
    domains = getattr(source, "domains", None)
    if isinstance(domains, (tuple, list)) and not domains:
        problems.append("`domains` must name at least one domain the outlet owns")
    # Registration accepts a zone this machine lacks (another machine's
    # tzdata may know it) and each record then warns; here it is named once.
    unknown_zone = outlet_zone(source)[1]
    if unknown_zone is not None:
        problems.append(f"`timezone`: {unknown_zone.partition(': ')[2]}")
    name = getattr(source, "name", None)
    version = getattr(source, "version", "")
    entry = SourceEntry(
        source=source,
        plugin=name if isinstance(name, str) else type(source).__name__,
        version=version if isinstance(version, str) and version else "0",
    )
    for page in pages:
        uri = page.raw.uri
        try:
            score = source.detect(page)
        except Exception as exc:  # noqa: BLE001 - reported as a problem
            problems.append(f"{uri}: detect raised {type(exc).__name__}: {exc}")
        else:
            if isinstance(score, bool) or not isinstance(score, (int, float)) or not 0 <= score <= 1:
                problems.append(f"{uri}: detect returned {score!r}, expected a float in [0, 1]")
        try:
            draft: object = source.parse(page)
        except MastheadError:
            continue
        except Exception as exc:  # noqa: BLE001
            problems.append(f"{uri}: parse raised {type(exc).__name__}: {exc} (only masthead errors allowed)")
            continue
        if not isinstance(draft, Draft):
            problems.append(f"{uri}: parse returned {type(draft).__name__}, expected masthead.Draft")
            continue
        invalid = draft_problems(draft)
        if invalid:
            problems.extend(f"{uri}: {problem}" for problem in invalid)
            continue
        try:
            article = build_article(draft, page, entry, now_iso())
        except Exception as exc:  # noqa: BLE001 - reported as a problem
            problems.append(f"{uri}: the Draft does not validate into an Article: {describe(exc)}")
            continue
        if not article.body:
            problems.append(f"{uri}: parse returned a Draft with no body paragraphs (raise NotAnArticle instead)")
        problems.extend(f"{uri}: {error}" for error in errors_in(unstructure(article)))
    return problems


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("masthead")
    group.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="Rewrite masthead golden files from current output (review the diff!).",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """Whether ``--update-golden`` was given."""
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def golden(update_golden: bool) -> Callable[[Article, str | Path], None]:
    """``golden(article, path)``: assert (or, with ``--update-golden``, write)."""

    def check(article: Article, path: str | Path) -> None:
        assert_golden(article, path, update=update_golden)

    return check
