"""Harvest the metadata an HTML page declares about itself.

Publishers describe their articles in the head for search engines and social
networks: ``<title>``, the canonical link, OpenGraph and ``article:`` meta,
and JSON-LD ``NewsArticle`` objects. That is the most reliable source for
title, authors, date and URL, so the core gathers it once per page and every
source plugin reads it from :attr:`masthead.Page.meta`.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from masthead.extract.dates import to_iso8601
from masthead.extract.text import collapse, fold

if TYPE_CHECKING:  # Beautiful Soup and lxml are imported by the first HTML page, not by a run of text dumps
    from bs4 import BeautifulSoup

_ARTICLE_TYPES = {
    "article",
    "newsarticle",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "blogposting",
    "report",
    "webpage",
}


@attrs.define(frozen=True, kw_only=True)
class PageMeta:
    """What a page says about itself. Every field may be empty."""

    title: str | None = None
    canonical_url: str | None = None
    description: str | None = None
    site_name: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    modified: str | None = None
    section: str | None = None
    language: str | None = None
    image: str | None = None
    og_type: str | None = None
    json_ld: tuple[Mapping[str, Any], ...] = ()
    properties: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)

    def get(self, key: str) -> str | None:
        """First value of a ``<meta>`` by ``property`` or ``name`` (lower case)."""
        values = self.properties.get(key.lower())
        return values[0] if values else None


@attrs.define
class _Found:
    """What :func:`harvest` reads, gathered in one walk of the tree: meta
    ``(key, content)`` pairs, ``(rel values, href)`` of links, JSON-LD
    script texts, the first title's text and the ``<html>`` language."""

    metas: list[tuple[object, object]] = attrs.field(factory=list)
    links: list[tuple[list[str], str]] = attrs.field(factory=list)
    scripts: list[str] = attrs.field(factory=list)
    title: str | None = None
    lang: object = None


def _gather(soup: BeautifulSoup) -> _Found:
    """One pass over the document in order, instead of a ``find_all`` per kind
    of element: each ``find_all`` walks the whole tree in Python, and a page
    has thousands of elements but a few dozen that carry metadata."""
    from bs4 import Tag

    found = _Found()
    seen_html = False
    for node in soup.descendants:
        if not isinstance(node, Tag):
            continue
        name = node.name
        if name == "meta":
            found.metas.append((node.get("property") or node.get("name") or node.get("itemprop"), node.get("content")))
        elif name == "link":
            href = node.get("href")
            if href is not None:
                rel: list[str] | str = node.get("rel") or []
                found.links.append(([str(r) for r in rel], str(href)))
        elif name == "script":
            if node.get("type") == "application/ld+json":
                found.scripts.append(node.string or node.get_text() or "")
        elif name == "title":
            if found.title is None:
                found.title = node.get_text()
        elif name == "html" and not seen_html:
            seen_html = True
            found.lang = node.get("lang")
    return found


@functools.cache
def _text_of() -> Any:
    """XPath ``string()``, compiled by the first page that needs it."""
    from lxml import etree

    return etree.XPath("string()")


def _gather_tree(root: Any) -> _Found:
    """:func:`_gather` over an lxml tree (:func:`masthead.extract.htmlparse.parse_tree`):
    the same elements in the same order, found by lxml's C iteration."""
    found = _Found()
    seen_html = False
    for node in root.iter("meta", "link", "script", "title", "html"):
        name = node.tag
        get = node.get
        if name == "meta":
            found.metas.append((get("property") or get("name") or get("itemprop"), get("content")))
        elif name == "link":
            href = get("href")
            if href is not None:
                found.links.append(((get("rel") or "").split(), href))
        elif name == "script":
            if get("type") == "application/ld+json":
                found.scripts.append(node.text or "")
        elif name == "title":
            if found.title is None:
                found.title = str(_text_of()(node))
        elif not seen_html:
            seen_html = True
            found.lang = get("lang")
    return found


def harvest(soup: BeautifulSoup) -> PageMeta:
    """Read a parsed page's head (and JSON-LD anywhere) into a :class:`PageMeta`."""
    return _meta(_gather(soup))


def harvest_tree(root: Any) -> PageMeta:
    """:func:`harvest` from lxml's tree of the page, without a BeautifulSoup tree."""
    return _meta(_gather_tree(root))


def _meta(found: _Found) -> PageMeta:
    props: dict[str, list[str]] = {}
    for key, content in found.metas:
        if isinstance(key, str) and isinstance(content, str) and content.strip():
            props.setdefault(key.strip().lower(), []).append(collapse(content))

    def first(*keys: str) -> str | None:
        for key in keys:
            if props.get(key):
                return props[key][0]
        return None

    ld = tuple(_json_ld_objects(found.scripts))
    article_ld = next(
        (obj for obj in ld if _types(obj) & _ARTICLE_TYPES - {"webpage"}),
        next((obj for obj in ld if _types(obj) & _ARTICLE_TYPES), {}),
    )

    html_title = collapse(found.title) if found.title is not None else None
    canonical = None
    for rel, href in found.links:
        if "canonical" in [r.lower() for r in rel]:
            canonical = href.strip() or None
            break

    authors = _ld_authors(article_ld) or tuple(
        a for a in props.get("article:author", []) + props.get("author", []) if not a.startswith("http")
    )
    lang = found.lang
    locale = first("og:locale")

    return PageMeta(
        title=first("og:title", "twitter:title") or _ld_str(article_ld, "headline") or html_title,
        canonical_url=canonical or first("og:url") or _ld_str(article_ld, "url"),
        description=first("og:description", "description", "twitter:description"),
        site_name=first("og:site_name"),
        authors=_dedupe(authors),
        published=to_iso8601(
            first("article:published_time", "datepublished", "pubdate", "date", "dc.date")
            or _ld_str(article_ld, "datePublished")
        ),
        modified=to_iso8601(first("article:modified_time") or _ld_str(article_ld, "dateModified")),
        section=first("article:section") or _ld_str(article_ld, "articleSection"),
        language=_language(lang if isinstance(lang, str) else None, locale, article_ld),
        image=first("og:image", "twitter:image"),
        og_type=first("og:type"),
        json_ld=ld,
        properties={k: tuple(v) for k, v in props.items()},
    )


def _json_ld_objects(scripts: list[str]) -> Iterator[Mapping[str, Any]]:
    for script in scripts:
        try:
            data = json.loads(script or "null")
        except (ValueError, RecursionError):
            continue
        yield from _flatten_ld(data)


def _flatten_ld(data: Any) -> Iterator[Mapping[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _flatten_ld(item)
    elif isinstance(data, dict):
        yield data
        if isinstance(data.get("@graph"), list):
            yield from _flatten_ld(data["@graph"])


def _types(obj: Mapping[str, Any]) -> set[str]:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.lower() for k in kinds if isinstance(k, str)}


def _ld_str(obj: Mapping[str, Any], key: str) -> str | None:
    value = obj.get(key)
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("@id") or value.get("name")
    return collapse(value) or None if isinstance(value, str) else None


def _ld_authors(obj: Mapping[str, Any]) -> tuple[str, ...]:
    value = obj.get("author")
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        if isinstance(item, dict) and isinstance(item.get("name"), str):
            names.append(collapse(item["name"]))
        elif isinstance(item, str):
            names.append(collapse(item))
    return tuple(n for n in names if n)


def _language(lang: str | None, locale: str | None, ld: Mapping[str, Any]) -> str | None:
    raw = lang or _ld_str(ld, "inLanguage") or locale
    if not raw:
        return None
    code = raw.strip().replace("_", "-").split("-")[0].lower()
    return code if code.isalpha() and 2 <= len(code) <= 3 else None


def _dedupe(items: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def names_publisher(meta: PageMeta, names: Iterable[str]) -> bool:
    """Whether the head names the outlet called any of ``names`` as the page's publisher.

    Looked for, folded, inside ``og:site_name``, a JSON-LD ``publisher``
    name, or the name of a JSON-LD ``Organization`` or ``WebSite`` (Yoast
    graphs describe the site that way). A mention elsewhere in the head
    (a description quoting the outlet) does not count.
    """
    keys = [fold(name) for name in names]

    def named(value: object) -> bool:
        return isinstance(value, str) and any(key in fold(value) for key in keys)

    if named(meta.site_name or ""):
        return True
    for obj in meta.json_ld:
        publisher = obj.get("publisher")
        if isinstance(publisher, dict) and named(publisher.get("name")):
            return True
        if fold(str(obj.get("@type", ""))) in {"organization", "website"} and named(obj.get("name")):
            return True
    return False
