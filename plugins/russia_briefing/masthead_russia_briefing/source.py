"""The Russia Briefing source: detection and parsing of its pages.

Russia Briefing (russia-briefing.com) is the Russia and Eurasia news site of
the advisory firm Dezan Shira & Associates. Its pages are recognisable by the
firm's "About Us" blurb, the file name of the "Related Reading" icon that
text dumps print, and the theme's bare "Posted by" byline.
"""

from __future__ import annotations

import math
import re
from typing import ClassVar

from masthead import Draft, NotAnArticle, Page, Source
from masthead.extract.text import fold

from . import boilerplate, byline
from .parsing import parse_lines

#: Evidence for :meth:`RussiaBriefingSource.detect`, strongest first; each
#: weight is the chance it alone is right. Several combine as independent.
_DOMAIN = re.compile(r"(^|[/.@])russia-briefing\.com\b", re.IGNORECASE)
_BLURB = re.compile(r"russia briefing is (produced|written|published|brought)")
#: The related-reading icon's file name (see :mod:`.boilerplate`), anywhere in the text.
_ICON = re.compile(r"related[-_]readings?[-_][a-z]", re.IGNORECASE)
#: The publisher's other country sites share the theme, the icons and the
#: firm's name; a page that names itself one of them is not this outlet's.
_SISTERS = ("china", "india", "vietnam", "asean", "indonesia", "silk road")
#: "<country> briefing" (as whole words), then their blurb or ".com". The
#: expression starts from the literal "briefing" and looks back for the
#: country: a regular expression that starts with a literal skips to it at
#: C speed, one that starts with a list of words tries them at every
#: character of the page.
_SISTER_SELF = re.compile(
    "briefing(?:"
    + "|".join(rf"(?<=\b{country}[ -]briefing)" for country in _SISTERS)
    + r")(?: is (?:produced|written|published|brought)|\.com\b)"
)
_SISTER_NAMES = frozenset(f"{country} briefing{suffix}" for country in _SISTERS for suffix in ("", " news"))
_SITE_NAMES = frozenset(boilerplate.SITE_NAMES)
#: Pieces of :data:`_DOMAIN` and :data:`_ICON` that every match leaves in the
#: page's folded text, so that a page without them is not searched (the
#: case-blind expressions scan a page at a tenth of the speed of ``in``).
#: Only letters that ignore case as plain ASCII (not "i" and "s", which also
#: match "ı", "İ" and "ſ") and only characters followed by another one of
#: the match (a combining mark after the last letter merges with it when
#: folded) are in a piece: folding keeps those as they are, lower-cased.
_DOMAIN_PIECE = "ng.co"
_ICON_PIECES = ("ted-read", "ted_read")
#: :data:`_DOMAIN` where it does not start the text: after one of its characters.
_DOMAIN_INSIDE = re.compile(r"[/.@]russia-briefing\.com\b", re.IGNORECASE)
assert _DOMAIN.pattern == r"(^|[/.@])russia-briefing\.com\b"


def _search_lines(page: Page, pieces: tuple[str, ...], first: re.Pattern[str], inside: re.Pattern[str]) -> bool:
    """Whether ``first`` finds a match in the page's text (:attr:`masthead.Page.text`,
    its lines joined by line feeds), which never spans two lines: searched
    in the lines whose folded form holds one of ``pieces`` (which every
    match leaves in its line folded), the first line with ``first``, the
    others with ``inside``, ``first`` less what only matches at the text's start.

    The case-blind expressions have no literal to skip to: searching a
    whole page costs more than searching the few lines that may hold them.
    Whether any line holds a match does not depend on the order the lines
    are searched in: the lines are scanned for each piece in turn, a plain
    substring test per line rather than a generator of the pieces.
    """
    lines = page.lines
    folded = page.folded_lines
    for piece in pieces:
        for index, key in enumerate(folded):
            if piece in key and (inside if index else first).search(lines[index]):
                return True
    return False


#: Addresses of the site's category, tag, author and paged listings.
_LISTING_URL = re.compile(
    r"russia-briefing\.com/(?:[^?#]*/)?(?:category|tag|author)/|/page/\d+/?(?:[?#]|$)", re.IGNORECASE
)
#: What the folded line of every byline (:func:`.byline.is_byline`) starts
#: with: its pattern takes "posted" in any case, where only the long "s"
#: ("ſ") is another letter to it, and folding (NFKC) makes that an "s".
_POSTED = "posted"
#: What the header is read for (the site's or a sister site's name as a
#: line of its own, a "Posted by" byline) leaves this word or :data:`_POSTED`
#: in the page's folded text: a page without either has no header to read,
#: and the header's lines are not found (an empty header answers the same).
_HEADER_WORD = "briefing"
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
        if page.is_html:
            from . import html  # with the first HTML page: dumps never load Beautiful Soup

            return html.parse(page)
        extract = parse_lines(page.lines, folded=page.folded_lines, comments=True)
        return extract.draft(url=page.url, language=self.language)


def _score(page: Page) -> float:
    """Combine independent pieces of evidence into one score in [0, 1]."""
    meta = page.meta
    head = " ".join(filter(None, (meta.canonical_url, meta.get("og:url"), meta.site_name)))
    key = page.folded_text
    briefing = _HEADER_WORD in key  # in every name of the site and of its sisters
    posted = _POSTED in key
    if not (head or briefing or posted) and _without_evidence(page, key):
        return 0.0
    header = _header(page.lines) if briefing or posted else ()
    named = briefing and "russia briefing" in key  # the blurb starts with the name
    if _is_sister(page, key if briefing else "", header) and not named and not _DOMAIN.search(head):
        return 0.0
    evidence = (
        (0.95, _DOMAIN.search(head) or "russia briefing" in fold(meta.site_name or "")),
        (0.95, named and _BLURB.search(key)),
        (0.9, any(piece in key for piece in _ICON_PIECES) and _search_lines(page, _ICON_PIECES, _ICON, _ICON)),
        (0.6, "dezan shira" in key),
        (0.4, named),
        (0.4, _DOMAIN_PIECE in key and _search_lines(page, (_DOMAIN_PIECE,), _DOMAIN, _DOMAIN_INSIDE)),
        (0.6, not _SITE_NAMES.isdisjoint(page.folded_lines[: len(header)])),
        (_byline_weight(header, page.folded_lines, key), True),
        (0.1, "leave a reply" in page.folded_lines[-40:]),
    )
    return round(1.0 - math.prod(1.0 - weight for weight, found in evidence if found), 4)


def _without_evidence(page: Page, key: str) -> bool:
    """Whether a page lacks every piece of :func:`_score`'s evidence that
    does not need "briefing" or "posted" in its folded text ``key`` or any
    head metadata (the caller checked that it has none of these).

    Most pages scored are other outlets': they are done with a few searches
    of ``key`` instead of every question in turn. Without those words and
    that metadata there is no header to read (see :data:`_HEADER_WORD`), no
    byline, no blurb (it names the site) and no sister site; what is left are
    the pieces every match of the icon's and the domain's expressions leaves
    in ``key``, the firm's name and the comment form's heading.
    """
    return not (
        "dezan shira" in key
        or _DOMAIN_PIECE in key
        or _ICON_PIECES[0] in key
        or _ICON_PIECES[1] in key
        or "leave a reply" in page.folded_lines[-40:]
    )


def _is_sister(page: Page, key: str, header: tuple[str, ...]) -> bool:
    """The page names itself one of the publisher's other sites: their blurb,
    address, or name as the banner over the page.

    ``key`` is the page's folded text, or ``""`` when it does not hold
    "briefing", which every name, blurb and address of a sister site holds.
    """
    head = fold(" ".join(filter(None, (page.meta.canonical_url, page.meta.site_name))))
    if not key and _HEADER_WORD not in head:
        return False
    if not _SISTER_NAMES.isdisjoint(page.folded_lines[: len(header)]):
        return True
    return bool(_SISTER_SELF.search(key) or _SISTER_SELF.search(head) or head in _SISTER_NAMES)


def _header(lines: tuple[str, ...]) -> tuple[str, ...]:
    """The lines above the first paragraph: masthead, menus, headline, byline."""
    for index, line in enumerate(lines[:_HEADER_LINES]):
        # so many words take a word and a space each, bar one: shorter lines
        # are not split, longer ones no further than that many words
        if len(line) >= 2 * _PARAGRAPH_WORDS - 1 and len(line.split(None, _PARAGRAPH_WORDS - 1)) >= _PARAGRAPH_WORDS:
            return lines[:index]
    return lines[:_HEADER_LINES]


def _byline_weight(header: tuple[str, ...], folded: tuple[str, ...], folded_text: str) -> float:
    """The theme's byline above the article: bare "Posted by", or with its labels.

    "Posted by <name>" alone is any blog's byline; with the name of the firm
    or of its chairman, the outlet's main writer, it is this outlet's.
    ``folded`` are the page's folded lines, ``folded_text`` its folded text.
    """
    # A byline's folded line starts with "posted" (see _POSTED): a page or
    # a line without it is not asked.
    if _POSTED not in folded_text:
        return 0.0
    for line, key in zip(header, folded, strict=False):
        if not key.startswith(_POSTED) or not byline.is_byline(line):
            continue
        if key == "posted by":
            return 0.55
        labelled = key.startswith("posted by written by") or "reading time" in key
        if labelled or any(name in key for name in byline.HOUSE_AUTHORS):
            return 0.6
        return 0.2
    return 0.0
