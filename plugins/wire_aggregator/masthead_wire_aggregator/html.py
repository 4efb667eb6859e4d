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

import re

import attrs
from bs4 import Tag

from masthead import Page, Related
from masthead.extract.boxes import box_texts, cut_boxes, links_in
from masthead.extract.htmlparse import compiled
from masthead.extract.text import fold
from masthead_wire_aggregator import vocabulary as voc

#: The article container, most specific first; the last ones are fallbacks
#: for layouts not seen yet.
VIEW_SELECTORS = (
    *("#view.articleView .articleViewWrap", ".articleViewWrap", "#view.articleView", "[itemprop=articleBody]"),
    *("article .articleContent", "article"),
)
#: Page furniture that may sit inside the container (CSS).
FURNITURE = (
    ".quickMenu, #quickMenu, .commentPlugIn, .commentCount, [id^=promotionBanner], .editorPick, .latestNews,"
    " .mostPopular, .viewArticleSlide, .viewSlideArea, .slider, .shareWrap, .snsLinks, .viewAdBanner,"
    " [id^=div-gpt-ad], [id^=ld-], .spot-im-frame-inpage, form, nav"
)
#: Picture captions and credits, kept as captions.
CAPTIONS = "figcaption, .captionWrap, .imgCaption, .imageCaption, .photoCaption, .caption, .articleImgArea p"
#: Markup of index, section, archive and search pages.
LISTING_SELECTORS = ("#index", "#archivePage", "#sectionPage", ".sectionPage", ".archiveList", "#searchResult")
#: The "Related Stories" list the site prints inside the content, above the
#: text: its links are the article's related links.
RELATED = ".relatedStories, .relatedStory, .related-stories, .relatedArticle, .relatedArticles, .relatedNews"
RELATED_HEADINGS = frozenset(fold(h) for h in ("Related Stories", "Related Articles", "Related News", "Related"))
#: Headings of the site's own link lists: neither body nor related.
FURNITURE_HEADINGS = frozenset(fold(h) for h in ("Slider", "Editor's Picks", "Editors' Picks", "Most Popular"))
#: Bylines linking to a contributor profile.
CONTRIBUTOR_LINKS = "a[href*='/contributors/']"

#: Compiled once, in the parent process, before workers fork.
for _selector in (*VIEW_SELECTORS, *LISTING_SELECTORS, ".articleView, .articleViewWrap"):
    compiled(_selector)

_TITLE_SUFFIX = re.compile(r"\s*[-|–—:]\s*Econo\s*Times\s*$", re.IGNORECASE)


@attrs.frozen
class Container:
    """The article container, cleaned, and what was lifted out of it."""

    element: Tag
    captions: tuple[str, ...]
    contributors: tuple[str, ...]
    selector: str
    related: tuple[Related, ...] = ()


def find_container(page: Page, base_url: str | None = None) -> Container | None:
    """A cleaned copy of the article container, or ``None`` if the page has none.

    Captions and the "Related Stories" links are lifted out of it (relative
    links resolved against ``base_url``); furniture is removed. Only the
    container becomes BeautifulSoup objects (:meth:`masthead.Page.soup_of`),
    never the whole page.
    """
    for selector in VIEW_SELECTORS:
        element = page.soup_of(selector, not_inside="#index")
        if element is None:
            continue
        names = box_texts(element.select(CONTRIBUTOR_LINKS))
        contributors = tuple(name for name in names if fold(name) not in voc.NOT_AUTHORS)
        related = links_in(cut_boxes(element, RELATED, RELATED_HEADINGS), base_url)
        cut_boxes(element, FURNITURE, FURNITURE_HEADINGS)
        captions = box_texts(cut_boxes(element, CAPTIONS))
        return Container(element, tuple(captions), contributors, selector, tuple(related))
    return None


def is_listing(page: Page) -> bool:
    """Index/section/search page markup without an article view."""
    return not page.matches(".articleView, .articleViewWrap") and any(page.matches(s) for s in LISTING_SELECTORS)


def clean_title(title: str | None) -> str | None:
    """The head title without the site suffix; ``None`` for the site's own title."""
    if not title:
        return None
    stripped = _TITLE_SUFFIX.sub("", title).strip()
    if not stripped or fold(stripped) in voc.MENU.exact or "econotimes" in fold(stripped):
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
