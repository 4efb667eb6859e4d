"""Where EconoTimes' HTML keeps the article, and what to cut out of it.

Article pages render one ``div#view.articleView``; inside it
``div.articleViewWrap`` holds the title (``p.title``), the picture
(``div.articleImgArea``), the dateline and comment counter
(``div.articleInfo``) and the text (``div.articleContent``), which on the
real site also wraps the comment widget (``div.commentPlugIn``), the China
edition banner (``#promotionBannerv2``) and the "Editor's Picks" grid
(``div.editorPick``). Index, section and search pages have ``#index`` or
``#archivePage`` instead and no article view. Head metadata (``og:title``
with a `` - EconoTimes`` suffix, ``article:published_time``, canonical
link, JSON-LD when present) comes from :attr:`masthead.Page.meta`.
"""

from __future__ import annotations

import copy
import re

import attrs
from bs4 import BeautifulSoup, Tag

from masthead import Page
from masthead.extract.text import collapse, fold
from masthead_wire_aggregator import vocabulary as voc

#: The article container, most specific first; the last ones are fallbacks
#: for layouts not seen yet.
VIEW_SELECTORS = (
    "#view.articleView .articleViewWrap",
    ".articleViewWrap",
    "#view.articleView",
    "[itemprop=articleBody]",
    "article .articleContent",
    "article",
)
#: Page furniture that may sit inside the container.
FURNITURE_SELECTORS = (
    ".quickMenu",
    "#quickMenu",
    ".commentPlugIn",
    ".commentCount",
    "[id^=promotionBanner]",
    ".editorPick",
    ".relatedArticle",
    ".relatedArticles",
    ".relatedNews",
    ".latestNews",
    ".mostPopular",
    ".shareWrap",
    ".snsLinks",
    ".viewAdBanner",
    "[id^=div-gpt-ad]",
    "[id^=ld-]",
    ".spot-im-frame-inpage",
    "form",
    "nav",
)
#: Picture captions and credits, kept as captions.
CAPTION_SELECTORS = ("figcaption", ".imgCaption", ".imageCaption", ".photoCaption", ".caption", ".articleImgArea p")
#: Markup of index, section, archive and search pages.
LISTING_SELECTORS = ("#index", "#archivePage", "#sectionPage", ".sectionPage", ".archiveList", "#searchResult")
#: Bylines linking to a contributor profile.
CONTRIBUTOR_LINKS = "a[href*='/contributors/']"

_TITLE_SUFFIX = re.compile(r"\s*[-|–—:]\s*Econo\s*Times\s*$", re.IGNORECASE)


@attrs.frozen
class Container:
    """The article container, cleaned, and what was lifted out of it."""

    element: Tag
    captions: tuple[str, ...]
    contributors: tuple[str, ...]
    selector: str


def find_container(soup: BeautifulSoup) -> Container | None:
    """A cleaned copy of the article container, or ``None`` if the page has none."""
    for selector in VIEW_SELECTORS:
        found = soup.select_one(selector)
        if found is None or found.find_parent(id="index") is not None:
            continue
        element = copy.copy(found)
        contributors = tuple(
            dict.fromkeys(
                name
                for a in element.select(CONTRIBUTOR_LINKS)
                if (name := collapse(a.get_text())) and fold(name) not in voc.NOT_AUTHORS
            )
        )
        captions = []
        for node in element.select(", ".join(CAPTION_SELECTORS)):
            text = collapse(node.get_text(" "))
            if text:
                captions.append(text)
            node.decompose()
        for node in element.select(", ".join(FURNITURE_SELECTORS)):
            node.decompose()
        return Container(element, tuple(dict.fromkeys(captions)), contributors, selector)
    return None


def is_listing(soup: BeautifulSoup) -> bool:
    """Index/section/search page markup without an article view."""
    return soup.select_one(".articleView, .articleViewWrap") is None and any(
        soup.select_one(s) is not None for s in LISTING_SELECTORS
    )


def clean_title(title: str | None) -> str | None:
    """The head title without the site suffix; ``None`` for the site's own title."""
    if not title:
        return None
    stripped = _TITLE_SUFFIX.sub("", title).strip()
    if not stripped or fold(stripped) in voc.MENU_LINES or "econotimes" in fold(stripped):
        return None
    return stripped


def meta_authors(page: Page) -> tuple[str, ...]:
    """Authors the head declares, minus the site's own name."""
    return tuple(a for a in page.meta.authors if fold(a) not in voc.NOT_AUTHORS)


def is_econotimes_markup(page: Page) -> bool:
    """Whether the HTML carries EconoTimes' own head or asset markers."""
    meta = page.meta
    site = fold(meta.site_name or "")
    twitter = fold(meta.get("twitter:site") or "")
    return (
        "econotimes" in site
        or twitter == "@econodaily"
        or "s1.econotimes.com" in page.source_text
        or "econotimes.com/assets/" in page.source_text
    )


def foreign_site(page: Page) -> bool:
    """Whether the head names another site."""
    site = fold(page.meta.site_name or "")
    return bool(site) and "econotimes" not in site
