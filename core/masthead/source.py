"""What a source plugin is: the one class a new outlet has to write.

A source knows one outlet: which domains it owns, how sure it is that an
unlabeled page is the outlet's (:meth:`Source.detect`) and how to turn a page
into a :class:`Draft` (:meth:`Source.parse`). The core adds what no outlet
should compute itself — id, outlet key, provenance, schema version — and
validates the result into an :class:`~masthead.models.Article`.
"""

from __future__ import annotations

import abc
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, ClassVar

import attrs

from masthead.extract.dates import to_iso8601
from masthead.models import Comment, Related, as_tuple

if TYPE_CHECKING:
    from masthead.extract.document import Page


@attrs.define(frozen=True, kw_only=True)
class Draft:
    """The fields a source plugin extracts from one page.

    Everything is optional: leave what the page does not say empty rather
    than guessing. ``published`` accepts a ``datetime``, a ``date`` or a
    date string in any common form or language ("7 апреля 2025", "2 days
    ago"); the core turns it into a date or an offset-aware timestamp
    (unparseable strings become ``None`` with a warning). ``language`` is
    the plugin's claim; the core checks it against the text. ``layout`` names the dated
    layout version used, for sources that carry several.
    """

    url: str | None = None
    title: str | None = None
    subtitle: str | None = None
    authors: tuple[str, ...] = attrs.field(factory=tuple, converter=as_tuple)
    published: Any = None
    body: tuple[str, ...] = attrs.field(factory=tuple, converter=as_tuple)
    captions: tuple[str, ...] = attrs.field(factory=tuple, converter=as_tuple)
    related: tuple[Related, ...] = attrs.field(factory=tuple, converter=as_tuple)
    comments: tuple[Comment, ...] = attrs.field(factory=tuple, converter=as_tuple)
    attributions: tuple[str, ...] = attrs.field(factory=tuple, converter=as_tuple)
    language: str | None = None
    warnings: tuple[str, ...] = attrs.field(factory=tuple, converter=as_tuple)
    layout: str | None = None

    def published_iso(self) -> str | None:
        return to_iso8601(self.published)


class Source(abc.ABC):
    """Base class of source plugins; subclass it and register an instance.

    Class attributes a subclass sets:

    ``name``
        The outlet key written to ``Article.outlet`` (``[a-z][a-z0-9_]*``).
    ``domains``
        Domains the outlet owns; a page whose URL is on one of them, or on a
        subdomain, is routed here without asking :meth:`detect`.
    ``version``
        Version of the parsing logic, recorded in every record's provenance.
        Empty means "the version of the distribution that registered it".
    ``language``
        Default language of the outlet's pages, used when a page does not
        declare one and its text is too short to identify (the core reads
        every record's language from its text; a default the text
        contradicts is replaced). ``None`` for outlets that publish in
        several languages.
    ``timezone``
        IANA name of the zone the outlet's pages give local times in (e.g.
        ``"Europe/Moscow"``). A published time without a UTC offset is read
        in it; with no zone declared such a time is cut to its date, with a
        warning, since a record's ``published`` always has an offset.
    ``markers``
        Lower-case strings one of which the raw HTML of every page of the
        outlet spells somewhere, in any case: its name, its domain without
        the dot, an asset host (``("moscow times", "moscowtimes")``). When
        set, routing offers :meth:`detect` only the HTML pages whose markup
        contains a marker or one of ``domains``; every other page scores 0.0
        for this source without a tree being built, which is what makes a
        page no plugin owns cheap to route. Text dumps are always offered.
        Empty (the default): every page is offered. Declare only strings
        your outlet's pages cannot lack: a page of yours that spells none
        is never yours.
    ``fallback_only``
        True for catch-all sources (like the built-in ``generic``) that take
        part in routing only when the user names them as ``--fallback``.
    """

    name: ClassVar[str]
    domains: ClassVar[Sequence[str]] = ()
    version: ClassVar[str] = ""
    language: ClassVar[str | None] = None
    timezone: ClassVar[str | None] = None
    markers: ClassVar[Sequence[str]] = ()
    fallback_only: ClassVar[bool] = False

    @abc.abstractmethod
    def detect(self, page: Page) -> float:
        """How sure, from 0.0 to 1.0, that ``page`` comes from this outlet.

        Called only for pages whose URL is unknown or on no declared domain.
        Score from content evidence (boilerplate, markup, site names); 0.5 and
        above claims the page. Must not raise for any decodable page.
        """

    @abc.abstractmethod
    def parse(self, page: Page) -> Draft:
        """Extract the article from ``page``.

        Raise :class:`masthead.errors.NotAnArticle` for pages of the outlet
        that are no article (listings, category pages) and
        :class:`masthead.errors.ParseError` for pages that cannot be parsed;
        any other exception is reported as a plugin bug.
        """
