"""One document through the whole pipeline: decode, route, parse, process.

:meth:`Pipeline.process` never raises for anything a document or a plugin
does: it returns either an :class:`Article` or a :class:`Rejection` naming
the stage, the reason and the plugin. That is what lets every runner keep
``ingested + rejected == read`` and keep going.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timezone
from typing import Any

import attrs
import structlog

from masthead.document import Page, RawDocument
from masthead.errors import Filtered, InputError, ParseError, RoutingError
from masthead.manager import Plugins, SourceEntry
from masthead.models import Article, Comment, Provenance, Rejection, Related
from masthead.router import Router
from masthead.source import Draft
from masthead.text import fold

log = structlog.get_logger("masthead.pipeline")


def article_id(outlet: str, url: str | None, title: str | None, body: tuple[str, ...]) -> str:
    """A stable id: the same article gets the same id on every run.

    Keyed on the URL when known (query and fragment kept, scheme and a
    trailing slash ignored), else on the folded title and body, so whitespace
    or quote-style differences between two dumps of one page do not matter.
    """
    key = url.split("://", 1)[-1].rstrip("/") if url else fold(title or "") + "\n" + fold(" ".join(body))
    return hashlib.sha256(f"{outlet}\n{key}".encode()).hexdigest()[:16]


def now_iso() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


_STRING_LISTS = ("authors", "body", "captions", "attributions", "warnings")


def draft_problems(draft: Draft) -> list[str]:
    """What is wrong with a plugin's draft, field by field, before validation."""
    problems = []
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


def build_article(draft: Draft, page: Page, entry: SourceEntry, extracted_at: str) -> Article:
    """Validate ``draft`` into an :class:`Article`; raises ``TypeError``/``ValueError``."""
    warnings = list(draft.warnings)
    published = draft.published_iso()
    if draft.published is not None and published is None:
        warnings.append(f"published_unparsed: {draft.published!r}")
    article = Article(
        id="0" * 16,
        outlet=entry.source.name,
        url=draft.url or page.url,
        title=draft.title,
        subtitle=draft.subtitle,
        authors=draft.authors,
        published=published,
        body=draft.body,
        captions=draft.captions,
        related=draft.related,
        comments=draft.comments,
        attributions=tuple(dict.fromkeys(draft.attributions)),
        language=draft.language or page.meta.language or getattr(entry.source, "language", None),
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
    return attrs.evolve(article, id=article_id(article.outlet, article.url, article.title, article.body))


@attrs.define
class Pipeline:
    """The per-document work, shared by every runner."""

    plugins: Plugins
    router: Router

    def process(self, raw: RawDocument) -> Article | Rejection:
        """Turn one raw document into an article or a rejection; never raises
        for bad input or plugin faults (``KeyboardInterrupt`` passes)."""

        def reject(stage: str, reason: str, error: str, plugin: str | None = None) -> Rejection:
            log.warning("document_rejected", uri=raw.uri, plugin=plugin, stage=stage, reason=reason, error=error)
            return Rejection(input=raw.uri, stage=stage, reason=reason, error=error, plugin=plugin, sha256=raw.sha256)

        try:
            page = Page.from_raw(raw)
        except InputError as exc:
            return reject("decode", exc.reason, str(exc))
        try:
            route = self.router.route(page)
        except RoutingError as exc:
            return reject("route", exc.reason, str(exc))
        except Exception as exc:  # noqa: BLE001 - e.g. a page too hostile to parse
            return reject("route", "unparsable", f"{type(exc).__name__}: {exc}")
        entry = self.plugins.sources[route.source]
        plugin = entry.plugin
        try:
            draft: Any = entry.source.parse(page)
        except ParseError as exc:
            return reject("parse", exc.reason, str(exc), plugin)
        except Exception as exc:  # noqa: BLE001 - a plugin bug must not end the run
            return reject("parse", "plugin_error", f"{plugin}: Source.parse raised {type(exc).__name__}: {exc}", plugin)
        if not isinstance(draft, Draft):
            return reject(
                "parse",
                "plugin_error",
                f"{plugin}: Source.parse returned {type(draft).__name__}, expected masthead.Draft",
                plugin,
            )
        problems = draft_problems(draft)
        if problems:
            return reject("validate", "invalid_article", f"{plugin}: " + "; ".join(problems), plugin)
        try:
            article = build_article(draft, page, entry, now_iso())
        except (TypeError, ValueError) as exc:
            return reject("validate", "invalid_article", f"{plugin}: {exc}", plugin)
        if not article.body:
            return reject("validate", "empty_body", f"{plugin} found no body paragraphs", plugin)
        for name, function in self.plugins.processors():
            try:
                result = function(article=article, page=page)
            except Filtered as exc:
                return reject("process", exc.reason, f"{name}: {exc}", name)
            except Exception as exc:  # noqa: BLE001
                return reject(
                    "process",
                    "plugin_error",
                    f"{name}: masthead_process_article raised {type(exc).__name__}: {exc}",
                    name,
                )
            if result is not None:
                if not isinstance(result, Article):
                    return reject(
                        "process",
                        "plugin_error",
                        f"{name}: masthead_process_article returned {type(result).__name__}, expected Article or None",
                        name,
                    )
                article = result
        log.debug("document_ingested", uri=raw.uri, plugin=plugin, route=route.method, id=article.id)
        return article
