"""Reading Moscow Times HTML pages.

Since the 2017 redesign an article page is ``<article class="article">`` with
``header.article__header`` (``h1`` headline, ``h2`` standfirst), a byline of
``.byline__author__name`` links and ``time.byline__datetime``, a lead
``figure.article__featured-image`` whose ``figcaption`` holds caption and
credit spans, and ``div.article__content`` made of ``div.article__block--*``
blocks (html, image, header, quote, embed, article = related link). Tags,
the opinion disclaimer and the contribute banner follow the content; the
"Read more" cluster of related articles follows the article. A gallery page
puts header, byline (``.article__author__name`` links), intro and pictures
(captions in ``.gallery__item__aside``) in one ``div.article__content`` and
its text in a second; a slider's captions sit in its links, a live post's
beside its ``figure``. A byline time after "Updated:" is the last edit's,
not the publication's. The head carries
OpenGraph/``article:`` meta and a JSON-LD ``NewsArticle`` naming only the
first author. Older or unknown layouts fall back to the text rules.
"""

from __future__ import annotations

from typing import TypeVar

from bs4 import Tag

from masthead import NotAnArticle, Page, Related
from masthead.extract import htmlfields
from masthead.extract.fields import Fields
from masthead_moscow_times import phrases
from masthead_moscow_times.finders import Finder, SoupFinder, TreeFinder
from masthead_moscow_times.lines import split_people
from masthead_moscow_times.parsing import parse_lines

#: Photos, forms and the site's own boxes (newsletter, contribute banners,
#: share buttons): never running text, in any layout.
_SITE_BOXES = (
    *("figure", "figcaption", "form", "input", "aside", ".newsletter", "#newsletter", ".contribute-banner"),
    *(".contribute-bar", ".contribute-modal", ".contribute-teaser", ".social", ".banner"),
)
#: Elements inside the 2017 layout's content that are not the article's
#: running text: the site boxes and the template's own blocks.
_NOT_BODY = (
    *_SITE_BOXES,
    *("header", ".article__block--image", ".article__block--images", ".article__block--embed"),
    *(".article__intro", ".article__gallery", ".live-post__date"),
    *(".article__block--article", ".article__block--link", ".article__newsletter", ".article__tags"),
    *(".article__disclaimer", ".article__bottom", ".byline", ".gtm-section"),
)
#: The byline's author links (``article__author__name`` on gallery pages).
_AUTHOR_NAMES = ".byline__author__name, .article__author__name"
#: The byline's time: the publication's, or the last update's (:func:`_only_updated`).
_STAMP = "time.byline__datetime[datetime]"
#: A picture's caption: a ``<figcaption>`` wherever the template puts it, a gallery's aside.
_CAPTIONS = "figcaption, .gallery__item__aside"
#: What the text rules cannot see through in older layouts. Headline and
#: byline stay, the line rules read them.
_NOT_BODY_LEGACY = (*_SITE_BOXES, "nav")
#: Containers of older or unknown layouts, widest useful one first: the
#: headline and byline sit outside an ``articleBody``, inside ``article``.
_FALLBACK_CONTAINERS = ("article", "[itemprop=articleBody]", ".article_text", ".article-text", "main", "[role=main]")
#: An element as a finder knows it (a BeautifulSoup tag or an lxml element).
_Node = TypeVar("_Node")


def extract(page: Page) -> tuple[Fields, str]:
    """Read an HTML page of the outlet into fields and the name of its
    layout; raises :class:`NotAnArticle` for listings."""
    if page.matches("body.article-index, body.search-index") or (
        not page.matches("article.article") and page.matches(".cluster--section-articles")
    ):
        raise NotAnArticle("a Moscow Times section or tag listing, not an article")
    finder = TreeFinder.of(page)
    if finder is not None:
        article = finder.root("article.article")
        if article is not None:
            return _extract_current(page, article, finder), "html-2017"
        found = next(filter(None, map(finder.elements, _FALLBACK_CONTAINERS)), None) or finder.elements("body")[:1]
        if found:  # else no body, as in the soup: its root is read
            return _legacy(page, finder.largest(found), finder)
    else:
        article = _article(page)
        if article is not None:
            return _extract_current(page, article, SoupFinder()), "html-2017"
    root = _main_container(page)
    if root is None:
        raise NotAnArticle("not an HTML page")
    return _legacy(page, root, SoupFinder())


def _article(page: Page) -> Tag | None:
    """The first ``article.article`` of the page, found in BeautifulSoup
    (the reference path, and pages :meth:`TreeFinder.of` declines).

    The template wraps it and the "Read more" cluster in an outer
    ``<article>``: only that outer element is turned into BeautifulSoup
    objects (:meth:`masthead.Page.soup_of`), never the whole page.
    """
    root = page.soup_of("article")
    if root is not None and "article" in root.get_attribute_list("class"):
        return root
    found = root.select_one("article.article") if root is not None else None
    if found is None and page.matches("article.article"):  # after another <article>
        soup = page.soup
        found = soup.select_one("article.article") if soup is not None else None
    return found


def _extract_current(page: Page, article: _Node, finder: Finder[_Node]) -> Fields:
    header = finder.first(article, "header.article__header")
    headline = finder.text(finder.first(header, "h1") if header is not None else None)
    standfirst = finder.text(finder.first(header, "h2") if header is not None else None)
    intro = finder.first(article, ".article__intro")
    intro_lines = finder.blocks(intro) if intro is not None else ()
    # A gallery page has two: the header, intro and pictures, then the text.
    contents = finder.all(article, ".article__content") or [article]
    inline = _inline_related(article, finder)
    names = [name for name in map(finder.text, finder.all(article, _AUTHOR_NAMES)) if name]
    published = None if _only_updated(article, finder) else finder.attribute(finder.first(article, _STAMP), "datetime")
    captions = _figure_captions(article, finder)
    lines = [*intro_lines, *(line for content in contents for line in finder.blocks_without(content, _NOT_BODY))]
    parsed = parse_lines(lines, title=meta_title(page) or headline, subtitle=standfirst, guess_head=False)
    parsed.related = htmlfields.merge_related(inline, parsed.related, finder.cluster_related(page, article))
    return _finish(page, parsed, captions, names, published)


def _only_updated(article: _Node, finder: Finder[_Node]) -> bool:
    """Whether the byline's time is the last update's: the template prints
    "Updated:" and that time instead of the publication's when the two are
    more than ten minutes apart (the head's meta still has both)."""
    byline = finder.text(finder.first(article, ".byline__details__column, .byline__details, .article__byline"))
    return byline is not None and "Updated:" in byline


def _figure_captions(article: _Node, finder: Finder[_Node]) -> list[str]:
    """:func:`masthead.extract.htmlfields.figure_captions` of the article's
    pictures, read by ``finder``: each ``<figcaption>`` (inside a
    ``<figure>``, beside it in live posts, inside a slider's link) or
    gallery aside, its caption and credit spans joined, else its whole text."""
    found: list[str] = []
    for figcaption in finder.all(article, _CAPTIONS):
        parts = [finder.text(finder.first(figcaption, part)) for part in ("[class*=__caption]", "[class*=__credits]")]
        text = " ".join(part for part in parts if part) or finder.text(figcaption)
        if text and text not in found:
            found.append(text)
    return found


def _legacy(page: Page, root: _Node, finder: Finder[_Node]) -> tuple[Fields, str]:
    """Older and unknown layouts: the text rules over the main container."""
    parsed = parse_lines(list(finder.blocks_without(root, _NOT_BODY_LEGACY)), title=meta_title(page))
    related = htmlfields.merge_related(parsed.related)
    if not all(item.url for item in related):  # else no link address is looked up
        related = htmlfields.with_link_urls(related, finder.tag(root), page.url)
    parsed.related = related
    return _finish(page, parsed, _figure_captions(root, finder), [], None), "html-legacy"


def _main_container(page: Page) -> Tag | None:
    """The first of :data:`_FALLBACK_CONTAINERS` the page has, the one with
    the most text if it has several, else its body (in BeautifulSoup; a
    :class:`TreeFinder` finds it in lxml's tree)."""
    soup = page.soup
    if soup is None:
        return None
    largest = (htmlfields.largest(soup.select(selector)) for selector in _FALLBACK_CONTAINERS)
    return next((element for element in largest if element is not None), None) or soup.body or soup


def _finish(page: Page, parsed: Fields, captions: list[str], names: list[str], published: str | None) -> Fields:
    """Merge what the markup and the head say into what the text rules read:
    figure captions first, byline names (else the head's authors) split
    into authors and wire agencies, the head's date before the byline's."""
    parsed.captions = list(dict.fromkeys(captions + parsed.captions))
    authors, agencies = split_people(names or list(page.meta.authors))
    parsed.authors = authors or parsed.authors
    parsed.attributions = list(dict.fromkeys(agencies + parsed.attributions))
    parsed.published = page.meta.published or published or parsed.published
    return parsed


def meta_title(page: Page) -> str | None:
    """The headline the page declares: JSON-LD first, then OpenGraph/<title>."""
    return htmlfields.declared_headline(page.meta, site="The Moscow Times", not_titles=phrases.CHROME_LINES)


def _inline_related(article: _Node, finder: Finder[_Node]) -> list[Related]:
    """In-article link blocks: "related article" boxes (``aside.article__related-article``)
    and link boxes (``div.article__link``), each a headline and its address."""
    related: list[Related] = []
    for box in finder.all(article, "aside.article__related-article, div.article__link"):
        link = finder.first(box, "a[href]")
        title = finder.text(finder.first(box, ".related-article__title, .article__link__title")) or finder.attribute(
            link, "title"
        )
        if title:
            related.append(Related(title, finder.attribute(link, "href")))
    return related
