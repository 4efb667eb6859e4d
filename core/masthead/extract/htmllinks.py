"""Related links listed under a heading in the markup ("More on the topic:", "Read also").

Outlets print the links of a related-articles box in one of two ways: inside
the element that holds the heading (``<p><strong>Read also:</strong><br>
<a>...</a></p>``), or in the elements that follow it (a heading, then a
``<ul>`` of links or one paragraph per link). :func:`links_under` reads both:
from the heading on, up to the next heading, form, footer or comment
section, or the first element without a link once links were found.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from bs4 import Tag
from bs4.element import NavigableString

from masthead.extract.text import collapse
from masthead.models import Related

__all__ = ["links_under"]

_HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
#: Inline elements around a heading's text; the heading's block is above them.
_INLINE = frozenset(("strong", "b", "span", "em", "i", "a"))
_NOT_TEXT = frozenset(("script", "style", "title"))


def links_under(
    root: Tag,
    is_heading: Callable[[str], bool],
    *,
    skip: Callable[[str], bool] | None = None,
    stop_ids: Collection[str] = (),
    limit: int = 20,
) -> list[Related] | None:
    """The links under the first text of ``root`` that ``is_heading`` accepts.

    ``None`` when no such text exists; an empty list when it has no links.
    The list ends at a heading, a form or a footer, or at an element whose
    id (or a descendant's id) is in ``stop_ids`` (comment sections). Link
    titles are the link texts (else their ``title``); those ``skip``
    accepts (boilerplate) are left out; hrefs are kept as written.
    """
    marker = next(
        (
            text
            for text in root.find_all(string=True)
            if isinstance(text, NavigableString)
            and text.parent is not None
            and text.parent.name not in _NOT_TEXT
            and is_heading(collapse(str(text)))
        ),
        None,
    )
    if marker is None:
        return None
    block = _block_of(marker)
    links: list[Tag] = [a for a in marker.find_all_next("a", href=True) if block in a.parents]
    for sibling in block.find_next_siblings():
        if _ends_list(sibling, stop_ids):
            break
        found = [sibling] if sibling.name == "a" and sibling.get("href") else sibling.find_all("a", href=True)
        if not found and links:
            break
        links.extend(found)
        if len(links) >= limit:
            break
    related: list[Related] = []
    for link in links[:limit]:
        title = collapse(link.get_text(" ")) or _attr(link, "title")
        if title and not (skip is not None and skip(title)):
            related.append(Related(title, _attr(link, "href")))
    return related


def _block_of(marker: NavigableString) -> Tag:
    """The innermost block element around the heading text (a heading, a paragraph)."""
    node = marker.parent
    while node is not None and node.name in _INLINE and node.parent is not None:
        node = node.parent
    assert node is not None  # a string found in a tree always has a parent
    return node


def _ends_list(element: Tag, stop_ids: Collection[str]) -> bool:
    """Whether ``element`` is past the list (a heading, a form, a comment section)."""
    if element.name in _HEADINGS or element.name in {"form", "footer"}:
        return True
    ident = element.get("id")
    if isinstance(ident, str) and ident in stop_ids:
        return True
    return any(element.select_one(f"#{name}") is not None for name in stop_ids)


def _attr(tag: Tag, name: str) -> str | None:
    value = tag.get(name)
    return value.strip() or None if isinstance(value, str) else None
