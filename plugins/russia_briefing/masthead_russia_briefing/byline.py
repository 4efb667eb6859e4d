"""The "Posted by" byline of Russia Briefing, taken apart.

The theme always prints "Posted by", then, when the post has one, the author
box ("Written by A and B"), sometimes a date and, on newer pages, the
"Reading Time: N minutes" label of a reading-time plugin. Dumps flatten all
of that into one line, or spread it over a few short lines. Only names go to
``authors``; a date goes to ``published``; the labels go nowhere.
"""

from __future__ import annotations

import re

import attrs

from masthead.extract import bylines
from masthead.extract.bylines import date_line
from masthead.extract.dates import find_date
from masthead.extract.text import collapse, fold

from . import boilerplate

#: "Posted by", "Posted on <date> by <name>", and what dumps keep of them
#: once the links are gone: "Posted on by", "Posted".
_POSTED_BY = re.compile(r"^\s*posted(?:\s+(?:on|by)\b)*[:\s]*", re.IGNORECASE)
_BYLINE_START = re.compile(r"^\s*posted(?:\s*$|\s+(?:on|by)\b)", re.IGNORECASE)
_WRITTEN_BY = re.compile(r"^\s*(written\s+by|by)\b[:\s]*", re.IGNORECASE)
#: Words that glue a date to the names ("by A on July 1, 2019").
_DATE_LABELS = ("on", "posted on", "published", "published on", "updated", "updated on")
_GLUE = re.compile(r"(^|\s)(" + "|".join(_DATE_LABELS) + r")\s*$", re.IGNORECASE)
#: Organisations whose names hold "&" or "and": never split.
_ORGS = ("Dezan Shira & Associates", "Dezan Shira and Associates")
_SEGMENTS = re.compile(r"\s[|·•]\s|\s[|·•]$|^[|·•]\s")
_CATEGORY = re.compile(r"\s+(?:in|under|filed under|categor(?:y|ies)):?\s+", re.IGNORECASE)
_NOT_NAMES = re.compile(r"^(\d+|no|one) (comments?|responses?|replies)$|^(leave a comment|comments? off|share)$")


@attrs.define(frozen=True)
class Byline:
    """What one byline says: names, a date and whether it was there at all."""

    authors: tuple[str, ...] = ()
    published: str | None = None


def is_byline(line: str) -> bool:
    """The theme's "Posted by" line (short; a sentence is never one).

    A bare "Posted" or "Posted on by" is the same line with its links lost.
    """
    return bool(_BYLINE_START.match(line)) and len(line) <= 240 and len(line.split()) <= 30


def is_continuation(line: str) -> bool:
    """A short line that belongs to the byline: "Written by ...", a date, a label."""
    if len(line.split()) > 14:
        return False
    if boilerplate.is_reading_time(line) or date_line(line) is not None:
        return True
    return bool(re.match(r"^\s*written\s+by\b", line, re.IGNORECASE))


#: The firm and its chairman, who writes most of the site: bylines naming
#: them are this outlet's, not just any blog's.
HOUSE_AUTHORS = ("chris devonshire-ellis", "dezan shira")

#: An author line of older pages, printed above the first paragraph:
#: "By Chris Devonshire-Ellis", "Op/Ed by Chris Devonshire-Ellis".
_AUTHOR_LABEL = re.compile(r"^\s*(?:(?:op[/-]?ed|opinion|commentary|analysis|editorial)\s+)?by\s+(?=\S)", re.IGNORECASE)
#: Capitalised words that make a short line a subheading, not a name.
_NOT_NAME_WORDS = {
    "a", "an", "the", "of", "in", "on", "for", "to", "with", "at", "from", "as", "is", "are",
    "what", "why", "how", "where", "when", "who", "which", "key", "takeaways", "introduction",
    "background", "summary", "overview", "conclusion", "conclusions", "outlook", "update",
    "news", "analysis", "comment", "russia", "russian", "china", "chinese", "india", "indian",
    "trade", "tax", "taxes", "investment", "investors", "market", "markets", "business",
    "economy", "sanctions", "next", "steps", "new", "rules", "changes",
}  # fmt: skip


def is_name_line(line: str) -> bool:
    """A line that holds only names (:func:`masthead.extract.bylines.is_name_list`), no subheading words."""
    return bylines.is_name_list(line, not_names=_NOT_NAME_WORDS)


def author_line(line: str) -> tuple[str, ...]:
    """The names of a "By ..." / "Op/Ed by ..." author line; ``()`` for any other line."""
    match = _AUTHOR_LABEL.match(line)
    if match is None or len(line.split()) > 14:
        return ()
    rest = line[match.end() :].strip()
    return split_names(rest) if is_name_line(rest) or (len(rest.split()) == 1 and rest[:1].isupper()) else ()


def parse(lines: list[str]) -> Byline:
    """Read the byline spread over ``lines`` (the "Posted by" line first).

    Segments split by "|" or "·" that are comment counts or categories are
    dropped; what is left, once the labels are gone, is names.
    """
    text = collapse(" ".join(lines))
    text = _POSTED_BY.sub("", text, count=1)
    text = boilerplate.remove_reading_time(text)
    found = find_date(text)  # the date alone: the "|" around it still splits segments
    published = found.iso if found else None
    text = text if found is None else f"{text[: found.start]} {text[found.end :]}"
    names: list[str] = []
    for segment in _SEGMENTS.split(text):
        segment = _CATEGORY.split(_strip_labels(segment), maxsplit=1)[0]
        if segment and not _NOT_NAMES.match(fold(segment)):
            names.extend(split_names(segment))
    return Byline(authors=tuple(dict.fromkeys(names)), published=published)


def _strip_labels(text: str) -> str:
    """``text`` without "Written by", "by", "on" and similar labels around it."""
    text = collapse(text).strip(" |,-:·")
    while True:
        stripped = _WRITTEN_BY.sub("", text, count=1)
        stripped = _GLUE.sub("", stripped).strip(" |,-:·")
        if stripped == text:
            return text
        text = stripped


def split_names(text: str) -> tuple[str, ...]:
    """``"A and B"``, ``"A, B & C"`` -> names (:func:`masthead.extract.bylines.split_names`); firm names stay whole."""
    text = collapse(text).strip(" |,-:·")
    return tuple(n for n in bylines.split_names(text, whole=_ORGS) if any(ch.isalpha() for ch in n))
