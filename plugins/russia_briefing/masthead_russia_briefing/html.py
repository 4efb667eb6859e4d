"""Russia Briefing HTML pages turned into the lines the dump parser reads.

russia-briefing.com is a WordPress site on the theme the Dezan Shira &
Associates *Briefing* sites share: the post is an ``<article class="post
type-post ...">`` holding an ``h1.entry-title``, a "Posted by" meta line and a
``div.entry-content``; the "About Us" blurb and the "Related Reading" box (an
``<img>`` icon whose file name dumps print, then links) sit inside the content;
the comment area (``#comments``, ``#respond``) follows the article. Listing
pages carry ``archive``/``category`` body classes and many post teasers.

The quirk logic lives in :mod:`.parsing`; this module only picks the
container, sets captions and comments aside, and puts the icon's file name
back into the text so that both kinds of input read the same.
"""

from __future__ import annotations

import copy
import re

from bs4 import BeautifulSoup, Tag
from bs4.element import NavigableString

from masthead import Comment, NotAnArticle, Page
from masthead.extract.dates import parse_date
from masthead.extract.htmlcomments import WORDPRESS, read_comments
from masthead.extract.listing import html_says_listing
from masthead.extract.text import collapse, fold
from masthead.extract.urls import join_url

from . import boilerplate

#: The post container, most specific first.
CONTAINERS = (
    "article.type-post",
    "article.post",
    "article[id^=post-]",
    ".single-post-content",
    "div.post[id^=post-]",
    "article",
    ".entry-content",
    "[itemprop=articleBody]",
    "main",
    "#content",
)
#: Elements inside the container that are never part of the article.
NOISE = (
    "script",
    "style",
    "noscript",
    "form",
    "nav",
    "aside",
    ".sharedaddy",
    ".sd-sharing-enabled",
    ".jp-relatedposts",
    ".addtoany_share_save_container",
    ".a2a_kit",
    ".social-share",
    ".share-buttons",
    ".rt-reading-time",
    ".span-reading-time",
    ".tags-links",
    ".cat-links",
    ".post-tags",
    ".post-navigation",
    ".navigation",
    "#comments",
    ".comments-area",
    "#respond",
    ".comment-respond",
)
CAPTIONS = ("figcaption", ".wp-caption-text", ".wp-element-caption")
_SITE_SUFFIX = re.compile(r"\s+[-–—|:·»]\s+russia briefing(?: news)?\s*$", re.IGNORECASE)


def reject_listing(soup: BeautifulSoup) -> None:
    """Raise :class:`NotAnArticle` for category, archive, search and home pages:
    the theme's body classes say so (:func:`masthead.extract.listing.html_says_listing`),
    or, without a verdict from them, three post teasers or more do."""
    says = html_says_listing(soup)
    if says:
        raise NotAnArticle("listing page (body classes)")
    if says is None and len(soup.select("article")) >= 3:
        raise NotAnArticle(f"listing page ({len(soup.select('article'))} post teasers)")


def container(soup: BeautifulSoup) -> Tag:
    """A private copy of the post container, noise removed.

    A copy, because :attr:`masthead.Page.soup` is shared: other readers of the
    same page must still see it whole.
    """
    found = next((el for sel in CONTAINERS if (el := soup.select_one(sel)) is not None), None)
    root = copy.copy(found if found is not None else (soup.body or soup))
    for selector in NOISE:
        for element in root.select(selector):
            element.decompose()
    _reveal_icons(root)
    return root


def take_captions(root: Tag) -> list[str]:
    """Caption texts of the container's figures, removed from it."""
    captions = []
    for selector in CAPTIONS:
        for element in root.select(selector):
            text = collapse(element.get_text(" "))
            if text and text not in captions:
                captions.append(text)
            element.decompose()
    return captions


def link_map(root: Tag, base: str | None) -> dict[str, str]:
    """Folded link text -> absolute URL, to give related titles their link."""
    links: dict[str, str] = {}
    for anchor in root.select("a[href]"):
        text = boilerplate.strip_artifact(collapse(anchor.get_text(" ")))
        href = str(anchor.get("href") or "").strip()
        if text and href and not href.startswith(("#", "javascript:", "mailto:")):
            links.setdefault(fold(text), join_url(base, href))
    return links


def headline(page: Page) -> str | None:
    """The headline the page declares: og/JSON-LD title, else ``h1.entry-title``."""
    title = page.meta.title
    if title:
        return _SITE_SUFFIX.sub("", title).strip() or None
    soup = page.soup
    h1 = soup.select_one("h1.entry-title, h1.post-title, article h1, h1") if soup is not None else None
    text = collapse(h1.get_text(" ")) if h1 is not None else ""
    return text or None


def published(page: Page) -> str | None:
    """The publication time: article meta / JSON-LD, else the theme's ``<time>``."""
    if page.meta.published:
        return page.meta.published
    soup = page.soup
    time = soup.select_one("time.entry-date.published, time.published, time.entry-date") if soup else None
    return parse_date(str(time.get("datetime") or "")) if time is not None else None


def comments(soup: BeautifulSoup) -> list[Comment]:
    """Reader comments of the theme's WordPress comment list, replies under their parent
    (:func:`masthead.extract.htmlcomments.read_comments`)."""
    return read_comments(soup, WORDPRESS)


def _reveal_icons(root: Tag) -> None:
    """Replace the related-reading icon ``<img>`` by its file name, as dumps print it."""
    for img in root.find_all("img"):
        alt = str(img.get("alt") or "")
        src = str(img.get("src") or img.get("data-src") or "")
        name = src.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        if boilerplate.has_artifact(alt):
            img.replace_with(NavigableString(alt))
        elif boilerplate.has_artifact(name):
            img.replace_with(NavigableString(name))
