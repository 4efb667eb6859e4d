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
from masthead.extract.boxes import EMBEDS, box_texts, cut_boxes, links_in
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
    " [id^=div-gpt-ad], [id^=ld-], .spot-im-frame-inpage, form, nav, " + EMBEDS
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

#: Compiled together, with the module (that is, with the first HTML page).
for _selector in (*VIEW_SELECTORS, *LISTING_SELECTORS, ".articleView, .articleViewWrap"):
    compiled(_selector)

_TITLE_SUFFIX = re.compile(r"\s*[-|–—:]\s*Econo\s*Times\s*$", re.IGNORECASE)

#: One selector of a box list in a form :class:`_Names` can rule out: a
#: ``.class`` (maybe of a tag: ``blockquote.twitter-tweet``), ``#id``,
#: ``[id^=prefix]`` or tag name, maybe under an ancestor's ``.class``
#: (``.articleImgArea p``).
_SIMPLE = re.compile(
    r"(?:\.(?P<scope>[\w-]+)\s+)?(?:(?P<owner>[a-z][a-z0-9]*)?\.(?P<cls>[\w-]+)|#(?P<id>[\w-]+)"
    r"|\[id\^=(?P<prefix>[\w-]+)\]|(?P<tag>[a-z][a-z0-9]*))"
)


@attrs.frozen
class _Names:
    """The classes, ids and tag names the elements of a container carry.

    Soupsieve tries every selector of a list on every element, in Python:
    the furniture list alone costs more than the container's text. A
    selector whose class, id or tag no element carries cannot match, so
    :func:`_present` leaves it out of the list before the list is matched;
    the boxes found are the same.
    """

    classes: frozenset[str]
    ids: frozenset[str]
    tags: frozenset[str]

    @classmethod
    def of(cls, root: Tag) -> _Names:
        """The names of ``root`` and of every element under it."""
        classes: set[str] = set()
        ids: set[str] = set()
        tags: set[str] = set()
        for element in (root, *root.find_all(True)):
            tags.add(element.name.lower())
            value = element.get("class")
            if value:
                classes.update(value.split() if isinstance(value, str) else value)
            ident = element.get("id")
            if isinstance(ident, str):
                ids.add(ident)
        return cls(frozenset(classes), frozenset(ids), frozenset(tags))

    def may_match(self, selector: str) -> bool:
        """Whether ``selector`` (one of a list) can match an element here; any
        form other than those of :data:`_SIMPLE` may."""
        found = _SIMPLE.fullmatch(selector)
        if found is None:
            return True
        if found["scope"] is not None and found["scope"] not in self.classes:
            return False
        if found["cls"] is not None:
            return found["cls"] in self.classes and (found["owner"] is None or found["owner"] in self.tags)
        if found["id"] is not None:
            return found["id"] in self.ids
        if found["prefix"] is not None:
            return any(ident.startswith(found["prefix"]) for ident in self.ids)
        return found["tag"] in self.tags


def _present(selectors: str, names: _Names) -> str:
    """The selectors of the list ``selectors`` that may match where ``names``
    were read, as a list again (empty when none may)."""
    return ", ".join(part for part in (p.strip() for p in selectors.split(",")) if names.may_match(part))


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
        held = _Names.of(element)  # before the cuts: what they leave holds no more
        related = links_in(cut_boxes(element, _present(RELATED, held), RELATED_HEADINGS), base_url)
        cut_boxes(element, _present(FURNITURE, held), FURNITURE_HEADINGS)
        captions = box_texts(cut_boxes(element, _present(CAPTIONS, held)))
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
