"""The line-level reading of a Russia Briefing page, shared by dumps and HTML.

A page reads, top to bottom: site chrome (menus, breadcrumbs), the headline,
the "Posted by" byline, the article, then the tail the theme appends: the
"About Us" publisher block, the "Related Reading" box and the WordPress
comment form. Related-reading boxes also sit inside the article. The
functions here split a sequence of lines into those parts; HTML pages are
first turned into the same lines (see :mod:`.html`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

import attrs

from masthead import NotAnArticle
from masthead.text import fold

from . import boilerplate, byline

#: A headline is short; a longer first line is a paragraph, never a title.
_TITLE_MAX_WORDS = 30
#: A related item without its icon: a short headline-like line.
_RELATED_MAX_WORDS = 30
_SENTENCE_END = re.compile(r"[.!?…:;,]['\"’”)\]]*$")
_TERMINAL = re.compile(r"[.!?…]['\"’”)\]]*$|[:;]$")


@attrs.define
class Extract:
    """What the lines say; every field may be empty."""

    title: str | None = None
    authors: tuple[str, ...] = ()
    published: date | None = None
    body: list[str] = attrs.field(factory=list)
    related: list[str] = attrs.field(factory=list)
    warnings: list[str] = attrs.field(factory=list)
    has_byline: bool = False
    tail_found: bool = False


def parse_lines(lines: Sequence[str], *, known_title: str | None = None) -> Extract:
    """Split ``lines`` into headline, byline, body and related titles.

    ``known_title`` is the headline when the page declares it elsewhere (HTML
    head metadata): then no line is guessed to be the title, lines equal to it
    are simply dropped. Raises :class:`NotAnArticle` for listing pages.
    """
    lines = [line for line in lines if line.strip()]
    _reject_listing(lines)
    out = Extract()
    start = _read_header(lines, out, known_title)
    _read_body(lines[start:], out, title=known_title or out.title)
    _warn(out, known_title)
    return out


def _reject_listing(lines: Sequence[str]) -> None:
    bylines = sum(1 for line in lines if byline.is_byline(line))
    more = sum(1 for line in lines if fold(line).rstrip(" .»›>→") in ("read more", "continue reading", "more"))
    if bylines >= 2 or (bylines <= 1 and more >= 3):
        raise NotAnArticle(f"listing page: {bylines} bylines, {more} 'read more' links")


def _read_header(lines: Sequence[str], out: Extract, known_title: str | None) -> int:
    """Find title and byline; return the index where the body starts."""
    at = next((i for i, line in enumerate(lines) if byline.is_byline(line)), None)
    if at is not None:
        out.has_byline = True
        out.title = _title_before(lines, at, out)
        end = at + 1
        while end < len(lines) and byline.is_continuation(lines[end]):
            end += 1
        _take_byline(lines[at:end], out)
        return end
    index = 0
    while index < len(lines) and (boilerplate.is_banner(lines[index]) or _same(lines[index], known_title)):
        index += 1
    if known_title is None and index < len(lines) and _looks_like_title(lines, index):
        out.title = lines[index]
        index += 1
    start = index
    while index < len(lines) and byline.is_continuation(lines[index]):
        index += 1
    _take_byline(lines[start:index], out)
    return index


def _title_before(lines: Sequence[str], at: int, out: Extract) -> str | None:
    """The headline: the nearest line above the byline that is no chrome.

    A dateline between headline and byline is the publication date.
    """
    for index in range(at - 1, -1, -1):
        line = lines[index]
        dateline = byline.date_only(line)
        if dateline is not None:
            out.published = out.published or dateline
            continue
        if boilerplate.is_reading_time(line) or boilerplate.is_banner(line):
            continue
        if boilerplate.is_boilerplate(line) or len(line.split()) > _TITLE_MAX_WORDS * 2:
            return None
        return line
    return None


def _looks_like_title(lines: Sequence[str], index: int) -> bool:
    """Whether a page without byline starts with its headline.

    Conservative on purpose: a headline is short, has no closing punctuation
    and is followed by something. A first paragraph is never promoted.
    """
    line = lines[index]
    words = line.split()
    if index + 1 >= len(lines) or not 3 <= len(words) <= _TITLE_MAX_WORDS:
        return False
    if boilerplate.is_boilerplate(line) or byline.date_only(line) is not None:
        return False
    return not (_SENTENCE_END.search(line) and not line.rstrip("'\"’”").endswith("?"))


def _take_byline(lines: Sequence[str], out: Extract) -> None:
    if not lines:
        return
    found = byline.parse(list(lines))
    out.authors = found.authors
    out.published = found.published or out.published


def _read_body(lines: Sequence[str], out: Extract, *, title: str | None) -> None:
    """Body paragraphs and related titles; the tail ends the body."""
    in_related = False
    related_icons = False
    for index, line in enumerate(lines):
        if not out.tail_found and _starts_tail(lines, index, has_body=bool(out.body)):
            out.tail_found = True
        if index == len(lines) - 1 and boilerplate.is_cut_opening(line):
            out.tail_found = True
            continue
        box = boilerplate.related_line(line)
        if box is not None:
            in_related = True
            related_icons = related_icons or boilerplate.has_artifact(line)
            if box:
                out.related.append(box)
            continue
        if in_related and _is_related_item(line, icons=related_icons, tail=out.tail_found):
            out.related.append(line)
            continue
        in_related = False
        if out.tail_found or _is_chrome(line, title):
            continue
        out.body.append(line)


def _starts_tail(lines: Sequence[str], index: int, *, has_body: bool) -> bool:
    """The first line of what the theme appends after the article.

    The publisher blurb always is. "About Us" and the comment area only once
    the article has begun, or right before the blurb: the site menu above the
    headline has an "About Us" item too.
    """
    line = lines[index]
    if boilerplate.is_blurb(line):
        return True
    if not (boilerplate.is_about_heading(line) or boilerplate.is_comment_area(line)):
        return False
    following = lines[index + 1] if index + 1 < len(lines) else None
    return has_body or following is None or boilerplate.is_blurb(following)


def _is_related_item(line: str, *, icons: bool, tail: bool) -> bool:
    """A related headline printed without its icon.

    Inside the article, a box whose items carry the icon ends at the first
    line without one; a box without icons takes the headline-like lines that
    follow it. After the article, every headline-like line is an item.
    """
    if boilerplate.is_boilerplate(line) or boilerplate.is_form_field(line):
        return False
    if icons and not tail:
        return False
    words = len(line.split())
    if not 0 < words <= _RELATED_MAX_WORDS:
        return False
    return tail or not _TERMINAL.search(line.rstrip())


def _is_chrome(line: str, title: str | None) -> bool:
    """Lines inside the article area that are not the article."""
    return (
        _same(line, title)
        or boilerplate.is_boilerplate(line)
        or byline.date_only(line) is not None
        or byline.is_byline(line)
    )


def _same(line: str, other: str | None) -> bool:
    return other is not None and fold(line) == fold(other)


def _warn(out: Extract, known_title: str | None) -> None:
    if out.title is None and known_title is None:
        out.warnings.append("title_missing: no headline found above the body")
    if not out.has_byline:
        out.warnings.append("byline_missing: no 'Posted by' line found")
    if out.body and not out.tail_found and not _TERMINAL.search(out.body[-1]):
        out.warnings.append("body_truncated: the last paragraph ends mid-sentence and no page footer follows")
