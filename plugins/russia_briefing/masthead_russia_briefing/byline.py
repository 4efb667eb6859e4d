"""The "Posted by" byline of Russia Briefing, taken apart.

The theme always prints "Posted by", then, when the post has one, the author
box ("Written by A and B"), sometimes a date and, on newer pages, the
"Reading Time: N minutes" label of a reading-time plugin. Dumps flatten all
of that into one line, or spread it over a few short lines. Only names go to
``authors``; a date goes to ``published``; the labels go nowhere.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from masthead.extract import bylines
from masthead.extract.boilerplate import KEPT_CHARS, KEPT_LINES
from masthead.extract.bylines import SUBHEADING_WORDS, Byline, date_line, read_byline
from masthead.extract.text import collapse

from . import boilerplate

#: "Posted by", "Posted on <date> by <name>", and what dumps keep of them
#: once the links are gone: "Posted on by", "Posted".
_BYLINE_START = re.compile(r"^\s*posted(?:\s*$|\s+(?:on|by)\b)", re.IGNORECASE)
#: The author box's label.
_WRITTEN_BY = re.compile(r"^\s*written\s+by\b", re.IGNORECASE)
#: Organisations whose names hold "&" or "and": never split.
_ORGS = ("Dezan Shira & Associates", "Dezan Shira and Associates")


def is_byline(line: str) -> bool:
    """The theme's "Posted by" line (short; a sentence is never one).

    A bare "Posted" or "Posted on by" is the same line with its links lost.
    """
    return bool(_BYLINE_START.match(line)) and len(line) <= 240 and len(line.split()) <= 30


def is_continuation(line: str, *, date_of: Callable[[str], str | None] = date_line) -> bool:
    """A short line that belongs to the byline: "Written by ...", a date, a label.

    ``date_of`` reads a date line (:func:`masthead.extract.bylines.date_line`,
    or its answers kept for the page).
    """
    if len(line.split()) > 14:
        return False
    if boilerplate.is_reading_time(line) or date_of(line) is not None:
        return True
    return bool(_WRITTEN_BY.match(line))


def run_end(lines: Sequence[str], start: int, *, date_of: Callable[[str], str | None] = date_line) -> int:
    """The index after the byline lines (:func:`is_continuation`) from ``start`` on."""
    while start < len(lines) and is_continuation(lines[start], date_of=date_of):
        start += 1
    return start


#: The firm and its chairman, who writes most of the site: bylines naming
#: them are this outlet's, not just any blog's.
HOUSE_AUTHORS = ("chris devonshire-ellis", "dezan shira")

#: An author line of older pages, printed above the first paragraph:
#: "By Chris Devonshire-Ellis", "Op/Ed by Chris Devonshire-Ellis".
_AUTHOR_LABEL = re.compile(r"^\s*(?:(?:op[/-]?ed|opinion|commentary|analysis|editorial)\s+)?by\s+(?=\S)", re.IGNORECASE)
#: Capitalised words that make a short line a subheading, not a name.
_NOT_NAME_WORDS = SUBHEADING_WORDS | {"russia", "russian", "china", "chinese", "india", "indian"}


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


#: What :func:`parse` read of short bylines, kept across pages: every post
#: of an author prints the same byline (a :class:`Byline` is immutable).
_KEPT: dict[str, Byline] = {}


def parse(lines: list[str]) -> Byline:
    """Read the byline spread over ``lines`` (the "Posted by" line first),
    reading-time label aside (:func:`masthead.extract.bylines.read_byline`).

    The answer depends on the text alone: a short one's is kept from page
    to page (as :class:`masthead.extract.boilerplate.KeptAnswers` keeps a
    line's, emptied at once when full).
    """
    text = " ".join(lines)
    if len(text) > KEPT_CHARS:
        return _read(text)
    found = _KEPT.get(text)
    if found is None:
        if len(_KEPT) >= KEPT_LINES:
            _KEPT.clear()
        found = _KEPT[text] = _read(text)
    return found


def _read(text: str) -> Byline:
    return read_byline(boilerplate.READING_TIME_LABEL.sub(" ", text), whole=_ORGS)


def split_names(text: str) -> tuple[str, ...]:
    """``"A and B"``, ``"A, B & C"`` -> names (:func:`masthead.extract.bylines.split_names`); firm names stay whole."""
    return bylines.split_names(collapse(text).strip(" |,-:·"), whole=_ORGS)
