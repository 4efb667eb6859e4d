"""One document through the whole pipeline: decode, route, parse, process.

:meth:`Pipeline.process` never raises for anything a document or a plugin
does: it returns either an :class:`Article` or a :class:`Rejection` naming
the stage, the reason and the plugin. That is what lets every runner keep
``ingested + rejected == read`` and keep going. A ``MemoryError`` passes:
it says nothing of the page, and the runner records it (``memory_limit``)
and frees what the document held.
"""

from __future__ import annotations

import functools
import hashlib
import inspect
import time
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime, timezone, tzinfo
from typing import Any, cast
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import attrs
import structlog

from masthead.errors import Filtered, InputError, ParseError, RoutingError, normalise_reason
from masthead.extract.dates import normalise_published, to_iso8601
from masthead.extract.document import Page, RawDocument
from masthead.extract.language import LanguageDecision, primary
from masthead.extract.language import decide as decide_language
from masthead.extract.text import fold
from masthead.layouts import CAPTURE_KEYS
from masthead.manager import Plugins, SourceEntry
from masthead.models import Article, Comment, Provenance, Rejection, Related, sound_related
from masthead.router import Route, Router
from masthead.serialize import unstructure
from masthead.source import Draft
from masthead.validate import errors_in

log = structlog.get_logger("masthead.pipeline")


def article_id(outlet: str, url: str | None, title: str | None, body: tuple[str, ...]) -> str:
    """A stable id: the same article gets the same id on every run.

    Keyed on the URL when known (query and fragment kept, scheme and a
    trailing slash ignored), else on the folded title and body, so whitespace
    or quote-style differences between two dumps of one page do not matter.
    """
    key = url.split("://", 1)[-1].rstrip("/") if url else fold(title or "") + "\n" + folded_body(body)
    return hashlib.sha256(f"{outlet}\n{key}".encode()).hexdigest()[:16]


def folded_body(body: Iterable[str]) -> str:
    """``fold(" ".join(body))``, from the paragraphs folded one by one.

    The parsers have just folded most paragraphs and :func:`fold` keeps them
    for about a page, while a whole body is too long to keep: folding it
    anew (Unicode normalization, quotes, case and spacing over kilobytes)
    cost more than the rest of the id. Both are the same string: every step
    of folding works within a paragraph (NFKC composes nothing across the
    joining space, quotes and case go character by character) and spacing
    is collapsed to single spaces, which the join restores between the
    paragraphs that fold to something.
    """
    return " ".join(filter(None, map(fold, body)))


def now_iso() -> str:
    """The current UTC time to the second, in ISO 8601 (a record's ``extracted_at``).

    The same as ``datetime.now(timezone.utc).replace(microsecond=0).isoformat()``,
    made once per second of the clock rather than once per record: a run
    writes hundreds of records in a second, and building the string costs
    twenty times reading the clock.
    """
    global _now
    second = time.time_ns() // 1_000_000_000
    if second != _now[0]:
        _now = (second, datetime.fromtimestamp(second, timezone.utc).isoformat())
    return _now[1]


#: The second :func:`now_iso` last formatted, and its text.
_now: tuple[int, str] = (-1, "")


_STRINGS = ("url", "title", "subtitle", "language", "layout")
_STRING_LISTS = ("authors", "body", "captions", "attributions", "warnings")


def describe(exc: BaseException) -> str:
    """An exception's message for the rejects file.

    attrs validators raise ``(message, attribute, expected, value)``, whose
    ``str`` is a tuple repr with memory addresses; keep the message only.
    """
    args = exc.args
    if len(args) > 1 and isinstance(args[0], str) and isinstance(args[1], attrs.Attribute):
        return args[0]
    return str(exc)


def draft_problems(draft: Draft) -> list[str]:
    """What is wrong with a plugin's draft, field by field, before validation."""
    problems = []
    for name in _STRINGS:
        value = getattr(draft, name)
        if value is not None and not isinstance(value, str):
            problems.append(f"Draft.{name} must be a string or None, got {type(value).__name__} {value!r}")
    for name in _STRING_LISTS:
        for item in getattr(draft, name):
            if not isinstance(item, str):
                problems.append(f"Draft.{name} must hold strings, got {type(item).__name__} {item!r}")
                break
    for name, kind in (("related", Related), ("comments", Comment)):
        for item in getattr(draft, name):
            if not isinstance(item, kind):
                problems.append(f"Draft.{name} must hold masthead.{kind.__name__}, got {type(item).__name__}")
                break
    return problems


def build_article(
    draft: Draft, page: Page, entry: SourceEntry, extracted_at: str, language: LanguageDecision | None = None
) -> Article:
    """Validate ``draft`` into an :class:`Article`; raises ``TypeError``/``ValueError``.

    Two fields are decided here, once for every source, so that a data user
    can trust them whatever plugin wrote the record: ``language`` from the
    text (see :mod:`masthead.extract.language`; ``language`` is
    :func:`language_of` the same draft, when the caller decided it already)
    and ``published`` (and each comment's) as a date or an offset-aware
    timestamp (see :func:`masthead.extract.dates.normalise_published`).
    """
    warnings = list(draft.warnings)
    if page.cut_short:
        warnings.append("page_truncated: the HTML page ends before its closing </html> tag; its last parts are missing")
    if language is None:
        language = language_of(draft, page, entry)
    if language.warning:
        warnings.append(language.warning)
    languages = (primary(language.language), "en") if language.language else ("en",)
    zone, zone_problem = outlet_zone(entry.source)
    if zone_problem:
        warnings.append(zone_problem)
    captured = capture_moment(page)
    published = normalise_published(draft.published, zone=zone, captured=captured, languages=languages)
    warnings += published.warnings
    comments = []
    for comment in draft.comments:
        stamp = normalise_published(comment.published, zone=zone, captured=captured, languages=languages)
        comments.append(comment if stamp.iso == comment.published else attrs.evolve(comment, published=stamp.iso))
    related, dropped = sound_related(draft.related)
    warnings.extend(dropped)
    identity, url, title, body = _identified(entry.source.name, draft.url or page.url, draft.title, draft.body)
    return Article(
        id=identity,
        outlet=entry.source.name,
        url=url,
        title=title,
        subtitle=draft.subtitle,
        authors=draft.authors,
        published=published.iso,
        body=body,
        captions=draft.captions,
        related=related,
        comments=comments,
        attributions=tuple(dict.fromkeys(draft.attributions)),
        language=language.language,
        provenance=Provenance(
            input=page.raw.uri,
            sha256=page.raw.sha256,
            plugin=entry.plugin,
            plugin_version=entry.version,
            extracted_at=extracted_at,
            layout=draft.layout,
        ),
        warnings=warnings,
    )


def language_of(draft: Draft, page: Page, entry: SourceEntry) -> LanguageDecision:
    """The record's language: read from the draft's body, against what the
    draft, the page or the source declares (first given wins)."""
    declared = draft.language or page.meta.language or getattr(entry.source, "language", None)
    return decide_language("\n".join(draft.body), declared)


def _identified(outlet: str, url: Any, title: Any, body: Any) -> tuple[str, Any, Any, Any]:
    """The record's id, and ``url``, ``title`` and ``body`` as the record
    will hold them (its own converters), so that it is built once, id
    included. Values a converter refuses are passed on as they are, with no
    id: building the record then raises that error, or an earlier field's,
    as it would have."""
    fields = attrs.fields(Article)
    try:
        url, title, body = _converted(fields.url, url), _converted(fields.title, title), _converted(fields.body, body)
    except (TypeError, ValueError):
        return "", url, title, body
    return article_id(outlet, url, title, body), url, title, body


def _converted(field: attrs.Attribute[Any], value: Any) -> Any:
    return cast("Callable[[Any], Any]", field.converter)(value)


def outlet_zone(source: object) -> tuple[tzinfo | None, str | None]:
    """The time zone a source declares (``Source.timezone``), and a warning
    when the name is no IANA zone this machine knows."""
    name = getattr(source, "timezone", None)
    if name is None:
        return None, None
    zone = _zone(name) if isinstance(name, str) else None
    return zone, None if zone is not None else (
        f"timezone_unknown: {name!r} is no IANA time zone this machine knows; "
        "times without a written UTC offset keep their date only"
    )


@functools.lru_cache(maxsize=256)
def _zone(name: str) -> tzinfo | None:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def capture_moment(page: Page) -> datetime | None:
    """When the page was fetched, from its reader's metadata (WARC-Date, a
    sidecar's ``captured_at``); a time without an offset is taken as UTC."""
    for key in CAPTURE_KEYS:
        iso = to_iso8601(page.raw.meta.get(key))
        if iso:
            moment = datetime.fromisoformat(iso)
            return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
    return None


def _rejection(raw: RawDocument, stage: str, reason: str, error: str, plugin: str | None = None) -> Rejection:
    """The record of a document that stopped at ``stage``."""
    word = normalise_reason(reason)
    if word is None:  # e.g. a plugin's error class with ``reason = "Paywall!"``
        word = "plugin_error"
        error = f"{error} (reason {reason!r} is not snake_case)"
    sha256 = raw.sha256 if isinstance(raw.data, bytes) else None
    return Rejection(input=raw.uri, stage=stage, reason=word, error=error, plugin=plugin, sha256=sha256)


@attrs.define(frozen=True)
class Routed:
    """A document decoded and routed (:meth:`Pipeline.route`)."""

    raw: RawDocument
    page: Page
    route: Route


@attrs.define(frozen=True)
class Drafted:
    """A document its source plugin has parsed: what the rest of the
    pipeline needs (:meth:`Pipeline.parse`, :meth:`Pipeline.finish`)."""

    raw: RawDocument
    page: Page
    entry: SourceEntry
    draft: Draft
    route: str  # how the source was chosen (``Route.method``)


@attrs.define(frozen=True)
class Decided:
    """A draft whose language is decided (:meth:`Pipeline.decide`): all
    :meth:`Pipeline.record` needs."""

    drafted: Drafted
    language: LanguageDecision | Exception

    @property
    def raw(self) -> RawDocument:
        return self.drafted.raw


@attrs.define(frozen=True)
class Step:
    """One of a document's steps (:meth:`Pipeline.steps`): ``run`` takes an
    item that is a ``takes``; ``stage`` is where a fault outside any plugin
    call during it is reported."""

    takes: type[Any]
    stage: str
    run: Callable[[Any], Any]


@attrs.define
class Pipeline:
    """The per-document work, shared by every runner."""

    plugins: Plugins
    router: Router

    def process(self, raw: RawDocument) -> Article | Rejection:
        """Turn one raw document into an article or a rejection; never raises
        for bad input or plugin faults (``KeyboardInterrupt`` and
        ``MemoryError`` pass)."""
        drafted = self.draft(raw)
        if isinstance(drafted, Rejection):
            return drafted
        return self.finish(drafted, self.language(drafted))

    def process_many(self, raws: Sequence[RawDocument]) -> list[Article | Rejection]:
        """:meth:`process` of each of ``raws``, in order, with the same records.

        The :meth:`steps` run stage by stage over the documents: every
        route, every parse, every language, then every record. Each stage's
        code and tables stay in the CPU caches from one document to the
        next, where one document's whole pipeline pushes the previous one's
        out: above all the language identifiers' tables (megabytes that
        CLD2 and fastText look up at random), decided one after another for
        a few dozen documents at about half the cost each.
        """
        work: list[Any] = list(raws)
        for step in self.steps():
            work = [step.run(item) if isinstance(item, step.takes) else item for item in work]
        return work

    def steps(self) -> tuple[Step, ...]:
        """A document's steps in order, each taking what the one before made
        (a rejection ends a document's way): :meth:`route`, :meth:`parse`,
        :meth:`decide`, :meth:`record`. A runner that times or watches each
        step (:class:`masthead.run.batching.Budget`) goes by this list."""
        return (
            Step(RawDocument, "decode", self.route),
            Step(Routed, "route", self.parse),
            Step(Drafted, "validate", self.decide),
            Step(Decided, "validate", self.record),
        )

    def draft(self, raw: RawDocument) -> Drafted | Rejection:
        """Decode, route and parse ``raw``: its checked draft, or why not."""
        routed = self.route(raw)
        return routed if isinstance(routed, Rejection) else self.parse(routed)

    def route(self, raw: RawDocument) -> Routed | Rejection:
        """Decode ``raw`` and choose its source, or say why not."""
        data: object = raw.data  # a reader plugin may hand over str
        if not isinstance(data, bytes):
            error = f"RawDocument.data must be bytes, got {type(data).__name__}"
            return _rejection(raw, "read", "invalid_document", error)
        try:
            page = Page.from_raw(raw)
        except InputError as exc:
            return _rejection(raw, "decode", exc.reason, str(exc))
        except MemoryError:
            raise  # the runner's to record (memory_limit), not a fault of the page
        except Exception as exc:  # noqa: BLE001 - e.g. a reader's non-str encoding
            return _rejection(raw, "decode", "undecodable", f"{type(exc).__name__}: {describe(exc)}")
        try:
            return Routed(raw, page, self.router.route(page))
        except RoutingError as exc:
            return _rejection(raw, "route", exc.reason, str(exc))
        except MemoryError:
            raise
        except Exception as exc:  # noqa: BLE001 - e.g. a page too hostile to parse
            return _rejection(raw, "route", "unparsable", f"{type(exc).__name__}: {exc}")

    def parse(self, routed: Routed) -> Drafted | Rejection:
        """The routed page parsed by its source: the checked draft, or why not."""
        raw, page = routed.raw, routed.page
        entry = self.plugins.sources[routed.route.source]
        plugin = entry.plugin
        try:
            draft: Any = entry.source.parse(page)
        except ParseError as exc:
            return _rejection(raw, "parse", exc.reason, str(exc), plugin)
        except MemoryError:
            raise
        except Exception as exc:  # noqa: BLE001 - a plugin bug must not end the run
            error = f"{plugin}: Source.parse raised {type(exc).__name__}: {describe(exc)}"
            return _rejection(raw, "parse", "plugin_error", error, plugin)
        if not isinstance(draft, Draft):
            error = f"{plugin}: Source.parse returned {type(draft).__name__}, expected masthead.Draft"
            return _rejection(raw, "parse", "plugin_error", error, plugin)
        problems = draft_problems(draft)
        if problems:
            return _rejection(raw, "validate", "invalid_article", f"{plugin}: " + "; ".join(problems), plugin)
        return Drafted(raw, page, entry, draft, routed.route.method)

    def decide(self, drafted: Drafted) -> Decided:
        """The draft with its :meth:`language` decided."""
        return Decided(drafted, self.language(drafted))

    def record(self, decided: Decided) -> Article | Rejection:
        """:meth:`finish` of a decided draft."""
        return self.finish(decided.drafted, decided.language)

    @staticmethod
    def language(drafted: Drafted) -> LanguageDecision | Exception:
        """:func:`language_of` the draft, or what it raised (which
        :meth:`finish` turns into the record's rejection)."""
        try:
            return language_of(drafted.draft, drafted.page, drafted.entry)
        except MemoryError:
            raise
        except Exception as exc:  # noqa: BLE001 - e.g. a source whose ``language`` is no string
            return exc

    def finish(self, drafted: Drafted, language: LanguageDecision | Exception) -> Article | Rejection:
        """The record of a draft whose :meth:`language` is decided: the
        article (validated, then through every processor), or why not."""
        raw, page, draft, plugin = drafted.raw, drafted.page, drafted.draft, drafted.entry.plugin
        try:
            if isinstance(language, Exception):
                raise language
            article = build_article(draft, page, drafted.entry, now_iso(), language)
        except MemoryError:
            raise
        except Exception as exc:  # noqa: BLE001 - whatever the draft holds, reject it
            return _rejection(raw, "validate", "invalid_article", f"{plugin}: {describe(exc)}", plugin)
        if not article.body:
            return _rejection(raw, "validate", "empty_body", f"{plugin} found no body paragraphs", plugin)
        changed_by = None
        for name, function in self.plugins.processors():
            try:
                result = function(article=article, page=page)
            except Filtered as exc:
                return _rejection(raw, "process", exc.reason, f"{name}: {exc}", name)
            except Exception as exc:  # noqa: BLE001
                error = f"{name}: masthead_process_article raised {type(exc).__name__}: {describe(exc)}"
                return _rejection(raw, "process", "plugin_error", error, name)
            if inspect.isgenerator(result):
                result.close()
                error = f"{name}: wrapper hooks are not supported for masthead_process_article"
                return _rejection(raw, "process", "plugin_error", error, name)
            if result is not None:
                if not isinstance(result, Article):
                    error = (
                        f"{name}: masthead_process_article returned {type(result).__name__}, expected Article or None"
                    )
                    return _rejection(raw, "process", "plugin_error", error, name)
                if not result.body:
                    return _rejection(
                        raw, "process", "empty_body", f"{name}: masthead_process_article removed the body", name
                    )
                if result is not article:
                    changed_by = name
                article = result
        if changed_by is not None:
            try:
                article = self._after_processors(article)
            except Exception as exc:  # noqa: BLE001
                error = f"{changed_by}: masthead_process_article made the article invalid: {describe(exc)}"
                return _rejection(raw, "process", "invalid_article", error, changed_by)
        log.debug("document_ingested", uri=raw.uri, plugin=plugin, route=drafted.route, id=article.id)
        return article

    @staticmethod
    def _after_processors(article: Article) -> Article:
        """Re-check an article a processor replaced: the id follows the final
        url, title and body, and the record must satisfy the JSON Schema."""
        new_id = article_id(article.outlet, article.url, article.title, article.body)
        if new_id != article.id:
            article = attrs.evolve(article, id=new_id)
        problems = errors_in(unstructure(article))
        if problems:
            raise ValueError("; ".join(problems))
        return article
