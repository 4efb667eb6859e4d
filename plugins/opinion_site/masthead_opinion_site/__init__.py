"""Placeholder while the opinion_site parser is written."""

from __future__ import annotations

from collections.abc import Callable

import masthead
from masthead import Draft, Page, Source


class _S(Source):
    name = "opinion_site"
    domains = ("opinion_site.example",)

    def detect(self, page: Page) -> float:
        return 0.0

    def parse(self, page: Page) -> Draft:
        raise masthead.ParseError("not written yet")


@masthead.hookimpl
def masthead_register_sources(register: Callable[[Source], None]) -> None:
    register(_S())
