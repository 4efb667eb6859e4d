"""Helpers for core tests: tiny in-test plugins, registered for real."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import masthead
from masthead import Draft, Page, Source
from masthead.manager import Plugins
from masthead.models import Article, Provenance
from masthead.pipeline import Pipeline
from masthead.router import Router


class KeywordSource(Source):
    """Claims pages containing its keyword; body is every line."""

    def __init__(self, name: str, keyword: str, domains: tuple[str, ...] = (), score: float = 0.9) -> None:
        self.name = name  # type: ignore[misc]
        self.domains = domains  # type: ignore[misc]
        self.keyword = keyword
        self.score = score

    def detect(self, page: Page) -> float:
        return self.score if self.keyword in page.text else 0.0

    def parse(self, page: Page) -> Draft:
        return Draft(title=page.lines[0], body=page.lines[1:])


class SourcesPlugin:
    """A plugin object registering the given sources."""

    def __init__(self, *sources: Any) -> None:
        self.sources = sources

    @masthead.hookimpl
    def masthead_register_sources(self, register: Callable[[Any], None]) -> None:
        for source in self.sources:
            register(source)


def make_plugins(*extra: tuple[str, object], **kwargs: Any) -> Plugins:
    """Built-ins plus ``extra`` plugins only (no installed entry points)."""
    return Plugins(load_entry_points=False, extra=extra, **kwargs)


def make_pipeline(plugins: Plugins, **router: Any) -> Pipeline:
    return Pipeline(plugins, Router(plugins.sources, plugins.domains, **router))


PROV = Provenance(
    input="x.txt", sha256="a" * 64, plugin="p", plugin_version="1", extracted_at="2024-01-01T00:00:00+00:00"
)


def article(**fields: object) -> Article:
    base: dict[str, object] = {"id": "0123456789abcdef", "outlet": "alpha", "provenance": PROV, "body": ["Text."]}
    base.update(fields)
    return Article(**base)  # type: ignore[arg-type]
