"""Choosing the source plugin for a page.

Order of evidence: a source forced by the user; the page's URL on a domain a
source declares; then content detection, where each source scores the page
and the best confident score wins.

Cheap evidence comes before any tree is built. The raw markup of an HTML
page, lower-cased once, is searched in one pass for plain strings: a page
given without a URL whose markup spells no declared domain cannot carry a
canonical or ``og:url`` address on one, so its head is not parsed for
routing; and a source that declares :attr:`~masthead.source.Source.markers`
is asked to ``detect`` only pages spelling one of them (or one of its
domains). A page no source names is thus settled without a tree or a
detector; whenever a source is named, its ``detect`` decides, as before.
Text dumps are always offered to every detector (they are cheap to read and
often cut short). A page nobody claims, or two sources claim about equally,
is not guessed: it goes to the fallback source if the
user chose one, else it is rejected with every score in the message.
"""

from __future__ import annotations

import functools
import string
from collections.abc import Mapping, Sequence
from urllib.parse import urlsplit

import ahocorasick_rs
import attrs
import structlog

from masthead.errors import PluginError, RoutingError
from masthead.extract.document import Page
from masthead.manager import SourceEntry

#: A score at or above this claims a page.
CLAIM_THRESHOLD = 0.5
#: Two claims closer than this are a tie, reported rather than guessed.
TIE_MARGIN = 0.2

log = structlog.get_logger("masthead.router")


class ScoredRoutingError(RoutingError):
    """A :class:`RoutingError` carrying every source's score for the page,
    and why each detector that failed on it failed."""

    def __init__(
        self, message: str, *, reason: str, scores: Mapping[str, float], failed: Mapping[str, str] | None = None
    ) -> None:
        super().__init__(message, reason=reason)
        self.scores = dict(scores)
        self.failed = dict(failed or {})


@attrs.define(frozen=True)
class Route:
    """The routing decision for one page and how it was reached."""

    source: str
    method: str  # forced | domain | detect | fallback
    scores: Mapping[str, float] = attrs.field(factory=dict)
    #: Sources not asked to ``detect``: the page spells none of their
    #: markers (their score shows as 0.0).
    screened: tuple[str, ...] = ()
    #: Sources whose ``detect`` raised or returned no score in [0, 1] on
    #: this page (their score shows as 0.0), with what went wrong.
    failed: Mapping[str, str] = attrs.field(factory=dict)


#: How much of a failed detector's error a routing message repeats.
_ERROR_CHARS = 100


def describe_scores(scores: Mapping[str, float], failed: Mapping[str, str]) -> str:
    """Every score of a page, best first, each failed detector with its
    error: the text a routing rejection gives, so that the source which
    should have claimed the page is named whatever the number of plugins."""
    shown = ", ".join(
        f"{name} failed ({failed[name][:_ERROR_CHARS]})" if name in failed else f"{name} {score}"
        for name, score in scores.items()
    )
    return shown or "no source plugins loaded"


def host_of(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname
    except ValueError:
        return None
    return host.lower().rstrip(".") if host else None


#: Characters that must encode to themselves for the raw bytes of a page to
#: be searched in place of its decoded text.
_ASCII_PROBE = string.printable


@functools.cache
def ascii_compatible(encoding: str) -> bool:
    """Whether ASCII text keeps its bytes in ``encoding`` (UTF-8, cp1251 and
    the other single-byte codecs do; UTF-16 and UTF-32 do not)."""
    try:
        return _ASCII_PROBE.encode(encoding) == _ASCII_PROBE.encode("ascii")
    except (LookupError, UnicodeError):
        return False


class Needles:
    """Lower-case strings to look for in pages, all found in one pass.

    An Aho-Corasick automaton (``ahocorasick_rs``) finds every string in a
    single scan of the page, three times faster than one substring search
    per string. When every string is ASCII and the page's encoding keeps
    ASCII as is, the scan runs over the page's lower-cased bytes, which
    spares Unicode case mapping; otherwise over its lower-cased text.
    """

    def __init__(self, needles: Sequence[str]) -> None:
        self.needles = tuple(dict.fromkeys(needles))
        self._text = ahocorasick_rs.AhoCorasick(list(self.needles)) if self.needles else None
        self._ascii = all(needle.isascii() for needle in self.needles)
        encoded = [needle.encode("ascii") for needle in self.needles] if self._ascii else []
        self._bytes = ahocorasick_rs.BytesAhoCorasick(encoded) if encoded else None

    def found_in(self, page: Page) -> frozenset[str]:
        """The needles the page's markup spells, in any case."""
        data = page.raw.data
        if self._bytes is not None and ascii_compatible(page.encoding) and b"\x00" not in data:
            hits = self._bytes.find_matches_as_indexes(data.lower(), overlapping=True)
        elif self._text is not None:
            hits = self._text.find_matches_as_indexes(page.source_text.lower(), overlapping=True)
        else:
            return frozenset()
        return frozenset(self.needles[index] for index, _, _ in hits)


class Markup:
    """The raw markup of one page as cheap evidence, searched once, on first
    use, for every string routing may ask about (no tree)."""

    def __init__(self, page: Page, needles: Needles) -> None:
        self._page = page
        self._needles = needles

    @functools.cached_property
    def found(self) -> frozenset[str]:
        return self._needles.found_in(self._page)

    def spells(self, needles: Sequence[str]) -> bool:
        """Whether the markup contains any of ``needles`` (each one of the
        strings the :class:`Needles` it was made with look for)."""
        return not self.found.isdisjoint(needles)


def needles_of(source: object) -> tuple[str, ...] | None:
    """The strings one of which a page must spell to be offered to the
    source's ``detect``: its markers and its domains; ``None`` (offer every
    page) for a source that declares no markers."""
    markers = tuple(getattr(source, "markers", ()) or ())
    if not markers:
        return None
    return tuple(dict.fromkeys(m.lower() for m in (*markers, *getattr(source, "domains", ()))))


class Router:
    """Routes pages; ``screen=False`` asks every detector about every page
    and reads every page's address, the reference the cheap evidence is
    tested against (same decisions on every corpus page and fixture)."""

    def __init__(
        self,
        sources: Mapping[str, SourceEntry],
        domains: Mapping[str, str],
        *,
        forced: str | None = None,
        fallback: str | None = None,
        screen: bool = True,
    ) -> None:
        for name in (forced, fallback):
            if name is not None and name not in sources:
                loaded = ", ".join(sorted(sources)) or "none"
                raise KeyError(f"no source plugin named {name!r} is loaded (loaded: {loaded})")
        self.sources = sources
        self.domains = domains
        self.forced = forced
        self.fallback = fallback
        self.screen = screen
        self._needles = {name: needles_of(entry.source) for name, entry in sources.items()}
        self._domain_needles = tuple(domains)
        strings = [m for needles in self._needles.values() for m in needles or ()]
        self._search = Needles([*strings, *self._domain_needles])

    def by_domain(self, url: str | None) -> str | None:
        """The source owning ``url``'s host or a parent domain of it."""
        host = host_of(url)
        while host:
            if host in self.domains:
                return self.domains[host]
            _, _, host = host.partition(".")
        return None

    def address(self, page: Page, markup: Markup | None = None) -> str | None:
        """``page.url``, or ``None`` where ``markup`` shows that the page's own
        address could be on no declared domain (so no head is parsed for it).
        Only an address on a declared domain decides a route."""
        if page.raw.url or markup is None or markup.spells(self._domain_needles):
            return page.url
        return None

    def scores(self, page: Page, markup: Markup | None = None) -> dict[str, float]:
        """Every source's detection score for ``page``, best first.

        With ``markup``, a source whose markers the page does not spell is
        not asked and scores 0.0. A detector that raises or returns
        something other than a number in [0, 1] is a plugin bug: it is
        logged with the plugin's name and counts as 0 for this page.
        """
        return self._scored(page, markup)[0]

    def _scored(self, page: Page, markup: Markup | None) -> tuple[dict[str, float], tuple[str, ...], dict[str, str]]:
        """:meth:`scores`, the sources not asked, and the detectors that
        failed with their errors."""
        scores: dict[str, float] = {}
        screened: list[str] = []
        failed: dict[str, str] = {}
        for name, entry in self.sources.items():
            if name == self.fallback or getattr(entry.source, "fallback_only", False):
                continue
            needles = self._needles.get(name)
            if markup is not None and needles is not None and not markup.spells(needles):
                scores[name] = 0.0
                screened.append(name)
                continue
            try:
                score = entry.source.detect(page)
                if isinstance(score, bool) or not isinstance(score, (int, float)) or not 0.0 <= score <= 1.0:
                    raise PluginError(entry.plugin, "Source.detect", f"expected a float in [0, 1], got {score!r}")
            except Exception as exc:  # noqa: BLE001 - a broken detector must not stop routing
                log.warning("detect_failed", uri=page.raw.uri, plugin=entry.plugin, error=str(exc))
                failed[name] = exc.problem if isinstance(exc, PluginError) else f"{type(exc).__name__}: {exc}"
                score = 0.0
            scores[name] = round(float(score), 4)
        return dict(sorted(scores.items(), key=lambda kv: -kv[1])), tuple(screened), failed

    def route(self, page: Page) -> Route:
        """Decide the source for ``page``; raises :class:`RoutingError`."""
        if self.forced:
            return Route(self.forced, "forced")
        markup = Markup(page, self._search) if self.screen and page.is_html else None
        owner = self.by_domain(self.address(page, markup))
        if owner is not None:
            return Route(owner, "domain")
        scores, screened, failed = self._scored(page, markup)
        ranked = list(scores.items())
        if ranked and ranked[0][1] >= CLAIM_THRESHOLD:
            best, best_score = ranked[0]
            if len(ranked) > 1 and ranked[1][1] >= CLAIM_THRESHOLD and best_score - ranked[1][1] < TIE_MARGIN:
                if self.fallback:
                    return Route(self.fallback, "fallback", scores, screened, failed)
                raise ScoredRoutingError(
                    f"ambiguous: {best} ({best_score}) and {ranked[1][0]} ({ranked[1][1]}) both claim this page",
                    reason="ambiguous",
                    scores=scores,
                    failed=failed,
                )
            return Route(best, "detect", scores, screened, failed)
        if self.fallback:
            return Route(self.fallback, "fallback", scores, screened, failed)
        raise ScoredRoutingError(
            f"no source plugin claims this page (scores: {describe_scores(scores, failed)})",
            reason="unclaimed",
            scores=scores,
            failed=failed,
        )
