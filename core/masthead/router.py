"""Choosing the source plugin for a page.

Order of evidence: a source forced by the user; the page's URL on a domain a
source declares; then content detection, where each source scores the page
and the best confident score wins. A page nobody claims, or two sources
claim about equally, is not guessed: it goes to the fallback source if the
user chose one, else it is rejected with every score in the message.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlsplit

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
    """A :class:`RoutingError` carrying every source's score for the page."""

    def __init__(self, message: str, *, reason: str, scores: Mapping[str, float]) -> None:
        super().__init__(message, reason=reason)
        self.scores = dict(scores)


@attrs.define(frozen=True)
class Route:
    """The routing decision for one page and how it was reached."""

    source: str
    method: str  # forced | domain | detect | fallback
    scores: Mapping[str, float] = attrs.field(factory=dict)


def host_of(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname
    except ValueError:
        return None
    return host.lower().rstrip(".") if host else None


class Router:
    def __init__(
        self,
        sources: Mapping[str, SourceEntry],
        domains: Mapping[str, str],
        *,
        forced: str | None = None,
        fallback: str | None = None,
    ) -> None:
        for name in (forced, fallback):
            if name is not None and name not in sources:
                raise KeyError(name)
        self.sources = sources
        self.domains = domains
        self.forced = forced
        self.fallback = fallback

    def by_domain(self, url: str | None) -> str | None:
        """The source owning ``url``'s host or a parent domain of it."""
        host = host_of(url)
        while host:
            if host in self.domains:
                return self.domains[host]
            _, _, host = host.partition(".")
        return None

    def scores(self, page: Page) -> dict[str, float]:
        """Every source's detection score for ``page``, best first.

        A detector that raises or returns something other than a number in
        [0, 1] is a plugin bug: it is logged with the plugin's name and
        counts as 0 for this page.
        """
        scores: dict[str, float] = {}
        for name, entry in self.sources.items():
            if name == self.fallback or getattr(entry.source, "fallback_only", False):
                continue
            try:
                score = entry.source.detect(page)
                if isinstance(score, bool) or not isinstance(score, (int, float)) or not 0.0 <= score <= 1.0:
                    raise PluginError(entry.plugin, "Source.detect", f"expected a float in [0, 1], got {score!r}")
            except Exception as exc:  # noqa: BLE001 - a broken detector must not stop routing
                log.warning("detect_failed", uri=page.raw.uri, plugin=entry.plugin, error=str(exc))
                score = 0.0
            scores[name] = round(float(score), 4)
        return dict(sorted(scores.items(), key=lambda kv: -kv[1]))

    def route(self, page: Page) -> Route:
        """Decide the source for ``page``; raises :class:`RoutingError`."""
        if self.forced:
            return Route(self.forced, "forced")
        owner = self.by_domain(page.url)
        if owner is not None:
            return Route(owner, "domain")
        scores = self.scores(page)
        ranked = list(scores.items())
        if ranked and ranked[0][1] >= CLAIM_THRESHOLD:
            best, best_score = ranked[0]
            if len(ranked) > 1 and ranked[1][1] >= CLAIM_THRESHOLD and best_score - ranked[1][1] < TIE_MARGIN:
                if self.fallback:
                    return Route(self.fallback, "fallback", scores)
                raise ScoredRoutingError(
                    f"ambiguous: {best} ({best_score}) and {ranked[1][0]} ({ranked[1][1]}) both claim this page",
                    reason="ambiguous",
                    scores=scores,
                )
            return Route(best, "detect", scores)
        if self.fallback:
            return Route(self.fallback, "fallback", scores)
        shown = ", ".join(f"{n} {s}" for n, s in ranked[:4]) or "no source plugins loaded"
        raise ScoredRoutingError(
            f"no source plugin claims this page (scores: {shown})", reason="unclaimed", scores=scores
        )
