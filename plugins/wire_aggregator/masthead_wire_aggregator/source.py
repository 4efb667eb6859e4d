"""The EconoTimes source: detection and parsing for dumps and HTML pages."""

from __future__ import annotations

import weakref
from collections.abc import Sequence

from masthead import Draft, NotAnArticle, Page, Related, Source
from masthead.extract.spacing import ends_in_space, set_apart
from masthead.extract.text import fold
from masthead_wire_aggregator import shapes
from masthead_wire_aggregator import vocabulary as voc
from masthead_wire_aggregator.extract import Extraction, extract

#: Detection weights. Dumps of this outlet carry little evidence, so the
#: ticker shape does most of the work and the score stays below the 0.9+
#: reserved for the outlet's own boilerplate or markup.
_SITE_MARKER = 0.95
_NO_SCORE = 0.0
_DUMP_CAP = 0.85
_UNMARKED_HTML = 0.4
_SITE_HEADER = 0.7
_SITE_LISTING = 0.6
_WIRE_CREDIT = 0.15
_UTC_DATELINE = 0.2
_TICKER_APART = 0.1
_TICKER_SPACE = 0.05
_NO_TITLE = 0.05
#: Evidence of a trailing run of unrelated headlines: (at least this long, score).
_TICKER_SCORES = ((8, 0.6), (5, 0.55), (3, 0.45), (2, 0.35), (1, 0.15))
#: The current site's header opens a dump: ``Menu``, ``Search`` and a ``| Section``
#: crumb (or the "Featured Post" sidebar label) within its first lines.
_HEADER_LINES = 12
_MENU, _SEARCH = fold("Menu"), fold("Search")


def _shortest(needles: Sequence[str]) -> tuple[str, ...]:
    """``needles`` without the ones that hold another (or repeat one): a
    text holding such a needle holds the other too, so whether a text holds
    any of them is answered with fewer searches of it."""
    unique = tuple(dict.fromkeys(needles))
    return tuple(n for n in unique if not any(other != n and other in n for other in unique))


#: :data:`vocabulary.SITE_NAMES` and :data:`vocabulary.FOREIGN_MARKERS`,
#: folded, as few as answer whether a page's folded text holds any.
_SITE_NAMES = _shortest([fold(name) for name in voc.SITE_NAMES])
_FOREIGN = _shortest(voc.FOREIGN_MARKERS)


#: Lower-case spellings one of which every :data:`vocabulary.SITE_NAMES`
#: entry contains: a page whose source has none of them cannot name the site.
_SITE_NEEDLES = ("econotimes", "fxwirepro", "elmin")


def _may_name_site(source: str) -> bool:
    """Whether the page's source spells a name of the site anywhere (in any case)."""
    lowered = source.lower()
    return any(needle in lowered for needle in _SITE_NEEDLES)


def _site_header(folded_lines: Sequence[str]) -> bool:
    """Whether the dump opens with the site's header (Menu, Search, a section crumb);
    ``folded_lines`` are the page's lines folded (:attr:`masthead.Page.folded_lines`)."""
    top = folded_lines[:_HEADER_LINES]
    crumb = any((key.startswith("|") and shapes.is_menu(key)) or key in voc.SIDEBAR_LABELS for key in top)
    return crumb and _MENU in top and _SEARCH in top


#: What the lines of a page read as, kept for as long as the page lives:
#: routing asks the detector about a dump, then the same dump is parsed,
#: and both read the same lines the same way. Keyed by the page object.
_READINGS: weakref.WeakKeyDictionary[Page, Extraction] = weakref.WeakKeyDictionary()


def _read_lines(page: Page) -> Extraction:
    """:func:`extract` of the page's lines (no title known), read once per page.

    A dump's folded text was read by every detector; an HTML page's blocks
    are seldom folded for the whole page, and not for this.
    """
    found = _READINGS.get(page)
    if found is None:
        found = _READINGS[page] = extract(page.lines, folded_text=None if page.is_html else page.folded_text)
    return found


class EconoTimesSource(Source):
    """EconoTimes (econotimes.com): rewritten wire copy with a headline ticker."""

    name = "wire_aggregator"
    domains = ("econotimes.com",)
    markers = (*_SITE_NEEDLES, "econodaily")
    language = "en"

    # -- detection ---------------------------------------------------------

    def detect(self, page: Page) -> float:
        """Score a page without a known URL (evidence: docs/plugins/wire_aggregator.md, Detection)."""
        if page.is_html:
            from masthead_wire_aggregator import html  # with the first HTML page: dumps never load Beautiful Soup

            if html.is_econotimes_markup(page):
                return _SITE_MARKER
            if html.foreign_site(page) or not _may_name_site(page.source_text):
                # Wire credits and tickers are common to every news site, so the
                # block texts of HTML that never spells the site's name could
                # not claim it: they are not read at all.
                return _NO_SCORE
            score = self._detect_lines(page)
            # HTML without EconoTimes' own markup claims only when its text names the site.
            return score if score >= _SITE_MARKER else min(score, _UNMARKED_HTML)
        return self._detect_lines(page)

    def _detect_lines(self, page: Page) -> float:
        lines = page.lines
        key = page.folded_text
        if any(marker in key for marker in _FOREIGN) or not voc.FOREIGN_NAMES.isdisjoint(page.folded_lines):
            return _NO_SCORE
        if any(name in key for name in _SITE_NAMES):
            return _SITE_MARKER
        found = _read_lines(page)
        header = _site_header(page.folded_lines)
        if found.listing:
            return _SITE_LISTING if header or found.teasers >= 2 else _NO_SCORE
        if not found.body:
            return _NO_SCORE
        score = next((score for least, score in _TICKER_SCORES if len(found.ticker) >= least), 0.0)
        if header:
            score = max(score, _SITE_HEADER)
        if found.credited or found.byline_agencies:
            score += _WIRE_CREDIT
        top = zip(lines[:12], page.folded_lines, strict=False)
        if "utc" in key and any("utc" in folded and shapes.parse_dateline(line) for line, folded in top):
            score += _UTC_DATELINE
        # What follows only adds to the score: once it reaches the cap, the
        # raw text need not be read again for the ticker's spacing.
        if not page.is_html and score < _DUMP_CAP:
            # the ticker sits further from the text than the paragraphs from each
            # other, and its last line keeps a trailing space ("... Violence ")
            score += _TICKER_APART if set_apart(page.source_text, found.body, found.ticker, lines=lines) else 0.0
            score += _TICKER_SPACE if found.ticker and ends_in_space(page.source_text, found.ticker[-1]) else 0.0
        if found.ticker and found.title is None:
            score += _NO_TITLE
        return round(min(score, _DUMP_CAP), 4)

    # -- parsing -----------------------------------------------------------

    def parse(self, page: Page) -> Draft:
        """Turn a dump or an HTML page into a draft; listings are no article."""
        if page.is_html:
            return self._parse_html(page)
        return self._draft(page, _read_lines(page), layout="text-dump")

    def _parse_html(self, page: Page) -> Draft:
        from masthead_wire_aggregator import html

        if html.is_listing(page):
            raise NotAnArticle("EconoTimes index or section page, not an article")
        container = html.find_container(page, page.url)
        title, authors = html.clean_title(page.meta.title), html.meta_authors(page)
        if container is None:
            # a layout without any known container: the page's own blocks,
            # through the same line rules (menus, furniture and ticker go)
            found = _read_lines(page) if title is None else extract(page.lines, known_title=title)
            return self._draft(page, found, layout="page-blocks", authors=authors)
        return self._draft(
            page,
            extract(page.blocks_of(container.element), known_title=title),
            layout="article-view" if "articleView" in container.selector else "fallback-container",
            authors=authors + container.contributors,
            captions=container.captions,
            related=container.related,
        )

    def _draft(
        self,
        page: Page,
        found: Extraction,
        *,
        layout: str,
        authors: tuple[str, ...] = (),
        captions: tuple[str, ...] = (),
        related: tuple[Related, ...] = (),
    ) -> Draft:
        """The draft of what the lines gave, under what the markup and head said first.

        The head's title reached the lines as their ``known_title``.
        """
        self._check_article(found)
        return Draft(
            url=page.url,
            title=found.title,
            authors=tuple(dict.fromkeys(authors + found.authors)),
            published=page.meta.published or found.published,
            body=found.body,
            captions=tuple(dict.fromkeys(captions + found.captions)),
            related=related or tuple(Related(t) for t in found.related),
            attributions=self._attributions(found),
            language=page.meta.language or self.language,
            warnings=self._warnings(found),
            layout=layout,
        )

    @staticmethod
    def _attributions(found: Extraction) -> tuple[str, ...]:
        """The byline's agency (it comes first on the page), then the body's credits."""
        return tuple(dict.fromkeys(found.byline_agencies + found.credited))

    @staticmethod
    def _check_article(found: Extraction) -> None:
        if found.listing:
            raise NotAnArticle("a list of headlines and teasers, not an article")
        if not found.body:
            raise NotAnArticle("no paragraph of running text found")

    @staticmethod
    def _warnings(found: Extraction) -> list[str]:
        warnings = []
        if found.title is None:
            warnings.append("title_missing: the page shows no headline")
        if found.truncated:
            warnings.append("body_truncated: the last paragraph stops mid-sentence")
        return warnings
