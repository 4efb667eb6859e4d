"""The Russia Briefing source: detection and parsing of its pages.

Russia Briefing (russia-briefing.com) is the Russia and Eurasia news site of
the advisory firm Dezan Shira & Associates. Its pages are recognisable by the
firm's "About Us" blurb, the file name of the "Related Reading" icon that
text dumps print, and the theme's bare "Posted by" byline.
"""

from __future__ import annotations

import re
from typing import ClassVar

from masthead import Draft, NotAnArticle, Page, ParseError, Related, Source
from masthead.extract.text import fold

from . import boilerplate, byline, comments, html
from .parsing import Extract, parse_lines

#: Evidence for :meth:`RussiaBriefingSource.detect`, strongest first; each
#: weight is the chance it alone is right. Several combine as independent.
_DOMAIN = re.compile(r"(^|[/.@])russia-briefing\.com\b", re.IGNORECASE)
_BLURB = re.compile(r"russia briefing is (produced|written|published|brought)")
#: Addresses of the site's category, tag, author and paged listings.
_LISTING_URL = re.compile(
    r"russia-briefing\.com/(?:[^?#]*/)?(?:category|tag|author)/|/page/\d+/?(?:[?#]|$)", re.IGNORECASE
)
#: The header ends at the first paragraph; menus longer than this are not read.
_HEADER_LINES = 40
_PARAGRAPH_WORDS = 25


class RussiaBriefingSource(Source):
    """Russia Briefing pages, as text dumps or saved HTML."""

    name = "russia_briefing"
    domains: ClassVar[tuple[str, ...]] = ("russia-briefing.com",)
    markers: ClassVar[tuple[str, ...]] = ("russia briefing", "russia-briefing", "dezan shira")
    language = "en"

    def detect(self, page: Page) -> float:
        """Score the outlet's boilerplate; never raises for a decodable page."""
        try:
            return _score(page)
        except Exception:  # noqa: BLE001 - detection must never break routing
            return 0.0

    def parse(self, page: Page) -> Draft:
        if page.url and _LISTING_URL.search(page.url):
            raise NotAnArticle("listing page (category, tag, author or paged address)")
        if page.soup is not None:
            return _parse_html(page)
        extract = parse_lines(page.lines)
        _require_body(extract)
        extract.comments = comments.from_lines(page.lines)
        return extract.draft(url=page.url, language=self.language)


def _parse_html(page: Page) -> Draft:
    soup = page.soup
    if soup is None:
        raise ParseError("HTML page without a parse tree")
    html.reject_listing(soup)
    root = html.container(soup)
    captions = html.take_captions(root)
    links = html.link_map(root, page.url)
    title = html.headline(page)
    lines = page.blocks_of(root)
    if not any(byline.is_byline(line) for line in lines):
        lines = _page_byline(page) + lines
    extract = parse_lines(lines, known_title=title, links=links.keys())
    _require_body(extract)
    authors = page.meta.authors or extract.authors
    warnings = [w for w in extract.warnings if not (authors and w.startswith("byline_missing"))]
    return Draft(
        url=page.url,
        title=title or extract.title,
        authors=authors,
        published=html.published(page) or extract.published,
        body=extract.body,
        captions=list(dict.fromkeys((*captions, *extract.captions))),
        related=[Related(r.title, links.get(fold(r.title))) for r in extract.related],
        comments=html.comments(soup),
        language=page.meta.language or "en",
        warnings=warnings,
    )


def _page_byline(page: Page) -> tuple[str, ...]:
    """The "Posted by" line when the theme prints it outside the container."""
    lines = page.lines
    for index, line in enumerate(lines):
        if byline.is_byline(line):
            end = index + 1
            while end < len(lines) and byline.is_continuation(lines[end]):
                end += 1
            return tuple(lines[index:end])
    return ()


def _require_body(extract: Extract) -> None:
    if not extract.body:
        raise NotAnArticle("no article paragraphs found (empty page or only site chrome)")


def _score(page: Page) -> float:
    """Combine independent pieces of evidence into one score in [0, 1]."""
    evidence = []
    meta = page.meta
    head = " ".join(filter(None, (meta.canonical_url, meta.get("og:url"), meta.site_name)))
    if _DOMAIN.search(head) or "russia briefing" in fold(meta.site_name or ""):
        evidence.append(0.95)
    text = page.text
    key = page.folded_text
    if _BLURB.search(key):
        evidence.append(0.95)
    if boilerplate.contains_artifact(text):
        evidence.append(0.9)
    if "dezan shira" in key:
        evidence.append(0.6)
    if "russia briefing" in key:
        evidence.append(0.4)
    if _DOMAIN.search(text):
        evidence.append(0.4)
    header = _header(page.lines)
    if any(line in boilerplate.SITE_NAMES for line in page.folded_lines[: len(header)]):
        evidence.append(0.6)
    evidence.extend(_byline_evidence(header))
    if "leave a reply" in page.folded_lines[-40:]:
        evidence.append(0.1)
    miss = 1.0
    for weight in evidence:
        miss *= 1.0 - weight
    return round(1.0 - miss, 4)


def _header(lines: tuple[str, ...]) -> tuple[str, ...]:
    """The lines above the first paragraph: masthead, menus, headline, byline."""
    for index, line in enumerate(lines[:_HEADER_LINES]):
        if len(line.split()) >= _PARAGRAPH_WORDS:
            return lines[:index]
    return lines[:_HEADER_LINES]


def _byline_evidence(header: tuple[str, ...]) -> list[float]:
    """The theme's byline above the article: bare "Posted by", or with its labels.

    "Posted by <name>" alone is any blog's byline; with the name of the firm
    or of its chairman, the outlet's main writer, it is this outlet's.
    """
    for line in header:
        if not byline.is_byline(line):
            continue
        key = fold(line)
        if key == "posted by":
            return [0.55]
        if key.startswith("posted by written by") or "reading time" in key:
            return [0.6]
        if any(name in key for name in byline.HOUSE_AUTHORS):
            return [0.6]
        return [0.2]
    return []
