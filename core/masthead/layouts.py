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


def layout_problems(layouts: object) -> list[str]:
    """How ``layouts`` fails to be a :class:`VersionedSource`'s layouts (empty:
    it does not): a sequence of :class:`Layout` of which exactly one is
    current, the others each valid until a different day. Registration
    refuses a source whose layouts break this, instead of every page failing
    to parse, or some era's parse never being chosen."""
    if not isinstance(layouts, (tuple, list)) or not layouts:
        return [f"`layouts` must be a non-empty tuple of masthead.Layout, got {layouts!r}"]
    strays = [layout for layout in layouts if not isinstance(layout, Layout)]
    if strays:
        return [f"`layouts` must hold only masthead.Layout, got {strays[0]!r}"]
    problems = []
    current = [layout.name for layout in layouts if layout.valid_until is None]
    if len(current) != 1:
        named = ", ".join(repr(name) for name in current) or "none"
        problems.append(f"exactly one layout must be current (valid_until=None), got {named}")
    ends = [layout.valid_until for layout in layouts if layout.valid_until is not None]
    problems.extend(
        f"two layouts are valid until {end.isoformat()}: the later one would never be chosen"
        for end in sorted({end for end in ends if ends.count(end) > 1})
    )
    return problems


def select_layout(layouts: Sequence[Layout], when: date | None) -> Layout:
    """The layout in force on ``when``; the newest when ``when`` is unknown.

    ``layouts`` may be given in any order; exactly one must be current
    (``valid_until`` None), no two valid until the same day
    (:func:`layout_problems`).
    """
    problems = layout_problems(layouts)
    if problems:
        raise ValueError(f"a versioned source's layouts: {'; '.join(problems)}")
    ordered = sorted(layouts, key=lambda layout: layout.valid_until or date.max)
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
