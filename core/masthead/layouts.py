"""Dated layout versions, so a site redesign does not break its history.

Outlets redesign their pages every few years; a crawl archive holds pages of
every era. A :class:`VersionedSource` keeps one parse function per layout,
each valid until the day the next design went live, and picks the layout by
the page's capture date (or, failing that, its publication date); a page of
unknown date gets the newest layout. Every record names the layout it was
parsed with in ``provenance.layout``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, ClassVar

import attrs

from masthead.extract.dates import to_iso8601
from masthead.extract.document import Page
from masthead.source import Draft, Source

#: Keys of ``RawDocument.meta`` read for the capture date, in order of trust.
CAPTURE_KEYS = ("captured_at", "warc_date", "fetched_at", "crawled_at")


@attrs.define(frozen=True)
class Layout:
    """One era of an outlet's page design.

    ``parse`` is called as ``parse(source, page)``, so a method defined in
    the source's class body can be given directly. ``valid_until`` is the
    last day pages had this layout; ``None`` means "still current".
    """

    name: str
    parse: Callable[[Any, Page], Draft]
    valid_until: date | None = None


def page_date(page: Page) -> date | None:
    """The best known date of a page: capture date, else publication date."""
    candidates = [page.raw.meta.get(key) for key in CAPTURE_KEYS]
    candidates += [page.raw.meta.get("published"), page.meta.published]
    for value in candidates:
        iso = to_iso8601(value)
        if iso:
            return date.fromisoformat(iso[:10])
    return None


def select_layout(layouts: Sequence[Layout], when: date | None) -> Layout:
    """The layout in force on ``when``; the newest when ``when`` is unknown.

    ``layouts`` may be given in any order; exactly one must be current
    (``valid_until`` None).
    """
    ordered = sorted(layouts, key=lambda layout: layout.valid_until or date.max)
    if not ordered or ordered[-1].valid_until is not None:
        raise ValueError("a versioned source needs exactly one current layout (valid_until=None)")
    if when is not None:
        for layout in ordered:
            if layout.valid_until is None or when <= layout.valid_until:
                return layout
    return ordered[-1]


class VersionedSource(Source):
    """A :class:`Source` whose :meth:`parse` dispatches on dated layouts.

    Subclasses set ``layouts`` instead of overriding ``parse``; each layout's
    parse function returns a :class:`Draft` and its name is recorded.
    """

    layouts: ClassVar[Sequence[Layout]] = ()

    def layout_for(self, page: Page) -> Layout:
        return select_layout(self.layouts, page_date(page))

    def parse(self, page: Page) -> Draft:
        layout = self.layout_for(page)
        draft = layout.parse(self, page)
        return draft if draft.layout else attrs.evolve(draft, layout=layout.name)
