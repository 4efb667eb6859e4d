"""Reading Moscow Times HTML pages.

Since the 2017 redesign an article page is ``<article class="article">`` with
``header.article__header`` (``h1`` headline, ``h2`` standfirst), a byline of
``.byline__author__name`` links and ``time.byline__datetime``, a lead
``figure.article__featured-image`` whose ``figcaption`` holds caption and
credit spans, and ``div.article__content`` made of ``div.article__block--*``
blocks (html, image, header, quote, embed, article = related link). Tags,
the opinion disclaimer and the contribute banner follow the content; the
"Read more" cluster of related articles follows the article. The head carries
OpenGraph/``article:`` meta and a JSON-LD ``NewsArticle`` naming only the
first author. Older or unknown layouts fall back to the text rules.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, Tag

from masthead import NotAnArticle, Page, Related
from masthead.extract.text import collapse, fold
from masthead.extract.urls import join_url
from masthead_moscow_times import phrases
from masthead_moscow_times.lines import split_people
from masthead_moscow_times.parsing import Hints, Parsed, parse_lines

#: Photos, forms and the site's own boxes (newsletter, contribute banners,
#: share buttons): never running text, in any layout.
_SITE_BOXES = (
    "figure",
    "figcaption",
    "form",
    "input",
    "aside",
    ".newsletter",
    "#newsletter",
    ".contribute-banner",
    ".contribute-bar",
    ".contribute-modal",
    ".contribute-teaser",
    ".social",
    ".banner",
)
#: Elements inside the 2017 layout's content that are not the article's
#: running text: the site boxes and the template's own blocks.
_NOT_BODY = (
    *_SITE_BOXES,
    "header",
    ".article__block--image",
    ".article__block--images",
    ".article__block--embed",
    ".article__block--article",
    ".article__block--link",
    ".article__newsletter",
    ".article__tags",
    ".article__disclaimer",
    ".article__bottom",
    ".byline",
    ".gtm-section",
)
#: What the text rules cannot see through in older layouts. Headline and
#: byline stay, the line rules read them.
_NOT_BODY_LEGACY = (*_SITE_BOXES, "nav")
#: Containers of older or unknown layouts, widest useful one first: the
#: headline and byline sit outside an ``articleBody``, inside ``article``.
_FALLBACK_CONTAINERS = (
    "article",
    "[itemprop=articleBody]",
    ".article_text",
    ".article-text",
    "main",
    "[role=main]",
)
_ARTICLE_LD_TYPES = {"newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle"}
_TITLE_SUFFIXES = (" - The Moscow Times", " | The Moscow Times", " — The Moscow Times")


@dataclass
class HtmlResult:
    """Fields read from an HTML page, beyond what the lines gave."""

    parsed: Parsed
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    layout: str = "html-2017"


def extract(page: Page) -> HtmlResult:
    """Read an HTML page of the outlet; raises :class:`NotAnArticle` for listings."""
    soup = page.soup
    if soup is None:
        raise NotAnArticle("not an HTML page")
    if _is_listing(soup):
        raise NotAnArticle("a Moscow Times section or tag listing, not an article")
    article = soup.select_one("article.article")
    if article is None:
        return _extract_fallback(page, soup)
    return _extract_current(page, soup, article)


def _is_listing(soup: BeautifulSoup) -> bool:
    body = soup.body
    classes = body.get_attribute_list("class") if body is not None else []
    if "article-index" in classes or "search-index" in classes:
        return True
    return soup.select_one("article.article") is None and soup.select_one(".cluster--section-articles") is not None


def _extract_current(page: Page, soup: BeautifulSoup, article: Tag) -> HtmlResult:
    header = article.select_one("header.article__header")
    headline = _text(header.find("h1") if header else None)
    standfirst = _text(header.find("h2") if header else None)
    hints = Hints(title=meta_title(page) or headline, subtitle=standfirst, guess_head=False)
    content = article.select_one(".article__content") or article
    lines = list(_block_lines(page, article.select_one(".article__intro"))) + list(_clean_lines(page, content))
    parsed = parse_lines(lines, hints)
    parsed.captions = _merge_captions(figure_captions(article.select("figure")), parsed.captions)
    parsed.related = _merge_related(inline_related(article), parsed.related, cluster_related(article, soup))
    names = [_text(a) for a in article.select(".byline__author__name")]
    authors, agencies = split_people([n for n in names if n] or list(page.meta.authors))
    parsed.attributions = _unique(agencies + parsed.attributions)
    time = article.select_one("time.byline__datetime[datetime]")
    published = page.meta.published or (_attr(time, "datetime") if time else None)
    return HtmlResult(parsed=parsed, authors=authors, published=published, layout="html-2017")


def _extract_fallback(page: Page, soup: BeautifulSoup) -> HtmlResult:
    """Older and unknown layouts: the text rules over the main container."""
    found = (_largest(soup.select(selector)) for selector in _FALLBACK_CONTAINERS)
    root = next((element for element in found if element is not None), None) or soup.body or soup
    lines = _clean_lines(page, root, _NOT_BODY_LEGACY)
    parsed = parse_lines(list(lines), Hints(title=meta_title(page), guess_head=True))
    parsed.captions = _merge_captions(figure_captions(root.select("figure")), parsed.captions)
    parsed.related = _with_urls(_merge_related(parsed.related), root, page.url)
    authors, agencies = split_people(list(page.meta.authors))
    parsed.attributions = _unique(agencies + parsed.attributions)
    return HtmlResult(
        parsed=parsed,
        authors=authors or parsed.authors,
        published=page.meta.published,
        layout="html-legacy",
    )


def _largest(elements: list[Tag]) -> Tag | None:
    """The element with the most text: the article, not a teaser beside it."""
    return max(elements, key=lambda el: len(el.get_text()), default=None)


def meta_title(page: Page) -> str | None:
    """The headline the page declares: JSON-LD first, then OpenGraph/<title>."""
    for obj in page.meta.json_ld:
        kinds = obj.get("@type")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        if any(isinstance(k, str) and k.lower() in _ARTICLE_LD_TYPES for k in kinds):
            headline = obj.get("headline") or obj.get("name")
            if isinstance(headline, str) and headline.strip():
                return collapse(headline)
    title = page.meta.title
    if not title:
        return None
    for suffix in _TITLE_SUFFIXES:
        if fold(title).endswith(fold(suffix)):
            title = title[: -len(suffix)].rstrip()
    return None if fold(title) in phrases.CHROME_LINES else title


def _clean_lines(page: Page, root: Tag, remove: tuple[str, ...] = _NOT_BODY) -> tuple[str, ...]:
    """Block texts of ``root`` without figures, boxes and other furniture.

    Works on a copy: ``page.soup`` is shared with the metadata harvest and
    with other readers of the page.
    """
    selector = ", ".join(remove)
    if root.select_one(selector) is None:
        return page.blocks_of(root)
    twin = copy.copy(root)
    for element in twin.select(selector):
        element.decompose()
    return page.blocks_of(twin)


def _block_lines(page: Page, element: Tag | None) -> tuple[str, ...]:
    return page.blocks_of(element) if element is not None else ()


def figure_captions(figures: Iterable[Tag]) -> list[str]:
    """Captions of photos: caption text and credit joined, as the page shows them."""
    captions: list[str] = []
    for figure in figures:
        figcaption = figure.find("figcaption")
        if not isinstance(figcaption, Tag):
            continue
        caption = _text(figcaption.select_one("[class*=__caption]"))
        credit = _text(figcaption.select_one("[class*=__credits]"))
        text = " ".join(p for p in (caption, credit) if p) or _text(figcaption)
        if text and text not in captions:
            captions.append(text)
    return captions


def inline_related(article: Tag) -> list[Related]:
    """In-article link blocks: "related article" boxes (``aside.article__related-article``)
    and link boxes (``div.article__link``), each a headline and its address."""
    related: list[Related] = []
    for box in article.select("aside.article__related-article, div.article__link"):
        link = box.select_one("a[href]")
        title = _text(box.select_one(".related-article__title, .article__link__title")) or _attr(link, "title")
        if title:
            related.append(Related(title, _attr(link, "href")))
    return related


def cluster_related(article: Tag, soup: BeautifulSoup) -> list[Related]:
    """The "Read more" cluster under the article: ``data-title``/``data-url`` excerpts."""
    scope = article.find_parent("article") or soup
    related: list[Related] = []
    for excerpt in scope.select("section.cluster [data-title]"):
        title = collapse(_attr(excerpt, "data-title") or "")
        if title:
            related.append(Related(title, _attr(excerpt, "data-url")))
    return related


def _merge_related(*groups: list[Related]) -> list[Related]:
    merged: dict[str, Related] = {}
    for group in groups:
        for item in group:
            key = fold(item.title)
            if key not in merged or (merged[key].url is None and item.url):
                merged[key] = item
    return list(merged.values())


def _with_urls(related: list[Related], root: Tag, base: str | None) -> list[Related]:
    """Give related headlines found by the text rules the address their link has."""
    hrefs: dict[str, str] = {}
    for link in root.select("a[href]"):
        text, href = _text(link), _attr(link, "href")
        if text and href:
            hrefs.setdefault(fold(text), join_url(base, href))
    return [item if item.url else Related(item.title, hrefs.get(fold(item.title))) for item in related]


def _merge_captions(first: list[str], more: list[str]) -> list[str]:
    return _unique(first + more)


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _text(element: object) -> str | None:
    if not isinstance(element, Tag):
        return None
    return collapse(element.get_text(" ")) or None


def _attr(element: object, name: str) -> str | None:
    if not isinstance(element, Tag):
        return None
    value = element.get(name)
    if isinstance(value, list):
        value = " ".join(value)
    return value.strip() or None if isinstance(value, str) else None
