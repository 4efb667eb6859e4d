"""The "Posted by" byline of Russia Briefing, taken apart.

The theme always prints "Posted by", then, when the post has one, the author
box ("Written by A and B"), sometimes a date and, on newer pages, the
"Reading Time: N minutes" label of a reading-time plugin. Dumps flatten all
of that into one line, or spread it over a few short lines. Only names go to
``authors``; a date goes to ``published``; the labels go nowhere.
"""

from __future__ import annotations

import re
from datetime import date

import attrs

from masthead.text import collapse, fold

from . import boilerplate

_POSTED_BY = re.compile(r"^\s*posted\s+by\b[:\s]*", re.IGNORECASE)
_WRITTEN_BY = re.compile(r"^\s*(written\s+by|by)\b[:\s]*", re.IGNORECASE)
_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE_PATTERNS = (
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})", re.IGNORECASE),
    re.compile(r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})", re.IGNORECASE),
    re.compile(r"(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})"),
)
#: Words that glue a date or a label to the names ("on", "|", "-").
_GLUE = re.compile(r"(^|\s)(on|posted on|published|published on|updated|updated on)\s*$", re.IGNORECASE)
#: Organisations whose names hold "&" or "and": never split.
_ORGS = ("Dezan Shira & Associates", "Dezan Shira and Associates")
_SEGMENTS = re.compile(r"\s[|·•]\s|\s[|·•]$|^[|·•]\s")
_CATEGORY = re.compile(r"\s+(?:in|under|filed under|categor(?:y|ies)):?\s+", re.IGNORECASE)
_NOT_NAMES = re.compile(r"^(\d+|no|one) (comments?|responses?|replies)$|^(leave a comment|comments? off|share)$")
_AND = re.compile(r"\s+and\s+|\s*,\s*|\s*;\s*", re.IGNORECASE)


@attrs.define(frozen=True)
class Byline:
    """What one byline says: names, a date and whether it was there at all."""

    authors: tuple[str, ...] = ()
    published: date | None = None


def is_byline(line: str) -> bool:
    """The theme's "Posted by" line (short; a sentence is never one)."""
    return bool(_POSTED_BY.match(line)) and len(line) <= 240 and len(line.split()) <= 30


def is_continuation(line: str) -> bool:
    """A short line that belongs to the byline: "Written by ...", a date, a label."""
    if len(line.split()) > 14:
        return False
    if boilerplate.is_reading_time(line) or date_only(line) is not None:
        return True
    return bool(re.match(r"^\s*written\s+by\b", line, re.IGNORECASE))


def find_date(text: str) -> tuple[date | None, str]:
    """The first date in ``text`` and ``text`` without it."""
    for pattern in _DATE_PATTERNS:
        match = pattern.search(text)
        if match is None:
            continue
        parsed = _to_date(match)
        if parsed is not None:
            return parsed, text[: match.start()] + " " + text[match.end() :]
    return None, text


def date_only(line: str) -> date | None:
    """The date a line holds when it holds nothing else (a dateline)."""
    found, rest = find_date(line)
    if found is None:
        return None
    leftover = fold(rest).strip(" ,.|-:")
    return found if leftover in ("", "on", "posted on", "published", "published on", "updated") else None


def _to_date(match: re.Match[str]) -> date | None:
    groups = match.groupdict()
    month = int(groups["mnum"]) if groups.get("mnum") else _MONTHS.get(groups["mon"][:3].lower())
    try:
        return date(int(groups["year"]), month or 0, int(groups["day"]))
    except ValueError:
        return None


def parse(lines: list[str]) -> Byline:
    """Read the byline spread over ``lines`` (the "Posted by" line first).

    Segments split by "|" or "·" that are comment counts or categories are
    dropped; what is left, once the labels are gone, is names.
    """
    text = collapse(" ".join(lines))
    text = _POSTED_BY.sub("", text, count=1)
    text = boilerplate.remove_reading_time(text)
    published, text = find_date(text)
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
    """``"A and B"``, ``"A, B & C"`` -> names; firm names stay whole."""
    text = collapse(text).strip(" |,-:·")
    if not text:
        return ()
    shielded = text
    for index, org in enumerate(_ORGS):
        shielded = re.sub(re.escape(org), f"\x00{index}\x00", shielded, flags=re.IGNORECASE)
    parts: list[str] = []
    for chunk in _AND.split(shielded):
        parts.extend(_split_ampersand(chunk))
    names = []
    for part in parts:
        for index, org in enumerate(_ORGS):
            part = part.replace(f"\x00{index}\x00", org)
        part = part.strip(" |,-:·")
        part = re.sub(r"^(and|&)\s+", "", part, flags=re.IGNORECASE)
        if part and any(ch.isalpha() for ch in part):
            names.append(part)
    return tuple(dict.fromkeys(names))


def _split_ampersand(chunk: str) -> list[str]:
    """Split on "&" only between multi-word names ("A B & C D") or a shielded firm."""
    pieces = [p.strip() for p in chunk.split("&")]
    if len(pieces) > 1 and all(len(p.split()) >= 2 or p.startswith("\x00") for p in pieces):
        return pieces
    return [chunk]
