"""The SouthFront source: op-eds and analysis with reader comments.

One parser serves text dumps and HTML: both become a list of lines that
:func:`masthead_opinion_site.splitter.split_lines` cuts into head, body,
related links and comments. HTML pages add what markup knows better — the
declared title, authors and date from the head, related links with their
URLs, and comments with author, date and reply threading.
"""

from __future__ import annotations

from collections.abc import Sequence

from masthead import Draft, NotAnArticle, Page, Source
from masthead.extract import comments as thread
from masthead.extract import listing, shapes
from masthead.extract.bylines import date_line
from masthead_opinion_site import detect
from masthead_opinion_site.splitter import Parts, split_lines


def _is_date(line: str) -> bool:
    return date_line(line) is not None


class SouthFrontSource(Source):
    """SouthFront (southfront.press, formerly southfront.org)."""

    name = "opinion_site"
    domains = detect.DOMAINS
    markers = ("southfront", "south front")
    language = "en"

    def detect(self, page: Page) -> float:
        """Score from the site's own boilerplate; never raises."""
        try:
            return detect.score(page)
        except Exception:  # noqa: BLE001 - detect must never raise, whatever the page
            return 0.0

    def parse(self, page: Page) -> Draft:
        if page.is_html:
            return self._parse_html(page)
        return self._parse_dump(page)

    # ------------------------------------------------------------------

    def _parse_dump(self, page: Page) -> Draft:
        lines = page.lines
        # Indents only ever tell bulleted (Disqus) threads apart: measuring
        # them normalizes the whole dump again, which a page without a
        # bullet line is spared.
        bulleted = thread.bullet_lines(lines) > 0
        indents = thread.line_indents(page.source_text) if bulleted else ()
        parts = split_lines(lines, indents=indents, folded=page.folded_lines)
        self._reject_listing(lines, parts, folded=page.folded_lines)
        return self._draft(page, parts, title=parts.title, published=parts.published)

    def _parse_html(self, page: Page) -> Draft:
        # With the first HTML page: a run over text dumps never loads Beautiful Soup.
        from masthead.extract import wppost
        from masthead_opinion_site import html

        if wppost.is_listing(page):
            raise NotAnArticle("SouthFront listing page (archive, category, tag, search or home)")
        title = html.title_of(page)
        lines, captions, related = html.article(page)
        parts = split_lines(lines, known_title=title)
        self._reject_listing(lines, parts)
        parts.captions[:0] = captions
        bylines, parts.authors = parts.authors, []
        parts.add_authors(html.authors_of(page))
        parts.add_authors(bylines)
        parts.related = related or parts.related
        parts.comments = wppost.comments(page) or parts.comments
        published = page.meta.published or wppost.published(page) or html.visible_date(page) or parts.published
        return self._draft(page, parts, title=title or parts.title, published=published)

    # ------------------------------------------------------------------

    @staticmethod
    def _reject_listing(lines: tuple[str, ...], parts: Parts, *, folded: Sequence[str] | None = None) -> None:
        """A page without a paragraph, or a category page of teasers.

        Listings show "Read more" links, a pager, and a date line under each
        teaser title; an article shows one date at most (comment dates are
        not counted). ``folded`` are ``lines`` folded, when known.
        """
        if not parts.body:
            raise NotAnArticle("no article paragraph found on the page")
        if parts.has_marker:
            return
        listing.reject_listing(lines, is_date=None if parts.comments else _is_date, folded=folded)

    def _draft(self, page: Page, parts: Parts, *, title: str | None, published: str | None) -> Draft:
        parts.title, parts.published = title, published
        parts.warnings = _warnings(parts, title)
        return parts.draft(url=page.url, language=page.meta.language or self.language)


def _warnings(parts: Parts, title: str | None) -> list[str]:
    """What an editor would want to know is missing or cut."""
    warnings = []
    if not title:
        warnings.append("title_missing: no headline before the body")
    ended = parts.has_marker or parts.has_comment_section
    if not ended and parts.body and not shapes.ends_sentence(parts.body[-1]):
        warnings.append("body_truncated: the page ends inside a paragraph, before MORE ON THE TOPIC")
    return warnings
