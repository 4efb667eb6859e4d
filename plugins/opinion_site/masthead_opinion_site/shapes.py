"""The shape of a line: headline, prose, byline, date, caption, source note.

SouthFront dumps carry no markup, so the plugin tells a title from a body
paragraph, and a related-article link from a reader comment, by shape alone.
SouthFront headlines are Title Case with every word capitalised ("Military.com
And The Hill Contribute More Efforts ..."), short, and never end with a full
stop; paragraphs and comments are sentences. The rules are deliberately
strict: a line that is not clearly a headline is treated as text.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from masthead.text import fold

_SMALL_WORDS = frozenset(
    (
        *("a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at", "by", "in", "of"),
        *("off", "on", "per", "to", "up", "via", "vs", "vs.", "with", "from", "into", "over", "than"),
        *("amid", "after", "upon", "out", "is", "are", "was", "be"),
        *("de", "la", "del", "el", "al", "von", "van", "der", "den", "du", "des", "le"),
    )
)
_SENTENCE_END = (".", "!", "?", "…", ":", ";", ",", '"', "'", "\u201d", "\u2019", ")", "»")
_MID_SENTENCE_BREAK = re.compile(r"[a-z0-9][.!?]\s+[A-Z]")
_ABBREV_END = re.compile(r"(?:\b[A-Z]\.){2,}$")


def words_of(line: str) -> list[str]:
    return line.split()


def is_headline(line: str) -> bool:
    """Whether ``line`` looks like a SouthFront headline.

    Title Case (at least 80 % of the significant words capitalised, at
    least two of them), 2-30 words, no full stop at the end (unless the
    last word is an abbreviation like "U.S."), no sentence break inside and
    not shouted in capitals. Comments and paragraphs fail at least one rule.
    """
    words = words_of(line)
    if not 2 <= len(words) <= 30 or len(line) > 250:
        return False
    stripped = line.rstrip()
    if stripped.endswith((".", ",", ";", ":")) and not _ABBREV_END.search(stripped):
        return False
    if stripped.endswith("...") or _MID_SENTENCE_BREAK.search(line):
        return False
    letters = [ch for ch in line if ch.isalpha()]
    if len(words) >= 3 and letters and sum(ch.isupper() for ch in letters) / len(letters) > 0.85:
        return False
    significant = capitalised = 0
    for word in words:
        core = word.strip("\"'“”‘’«»()[]{}-–—:,;!?.")
        if not core or not core[0].isalpha():
            continue
        if core.lower() in _SMALL_WORDS:
            continue
        significant += 1
        if core[0].isupper():
            capitalised += 1
    return capitalised >= 2 and capitalised / max(significant, 1) >= 0.8


def is_prose(line: str) -> bool:
    """A paragraph of running text: eight words or more and not a headline."""
    return len(words_of(line)) >= 8 and not is_headline(line)


def ends_sentence(line: str) -> bool:
    """Whether ``line`` ends like a finished sentence (for truncation checks)."""
    return line.rstrip().endswith(_SENTENCE_END)


# --------------------------------------------------------------------------
# Bylines and credits.

_BYLINE = re.compile(
    r"^(?:written and produced by|written by|produced by|authored by|article by|op-ed by|"
    r"text by|by|author|authors)\s*:?\s+(?P<names>.+)$",
    re.IGNORECASE,
)
_NAME_CUT = re.compile(
    r"\s+(?:exclusively|especially|specially|specifically|originally|for southfront|for south front)\b.*$"
    r"|\s*[,;|(\u2013\u2014]\s*.*$|\s+-\s+.*$",
    re.IGNORECASE,
)
_BARE_BY_WORDS = 8
_NAME_SPLIT = re.compile(r"\s+(?:and|&)\s+|\s*,\s*", re.IGNORECASE)
_NAME_WORD = re.compile(r"^(?:[A-Z\u0400-\u042f][\w'’.\-]*|[a-z]{1,3}|SF)$")


def byline_names(line: str) -> tuple[str, ...] | None:
    """Names from a byline ("Written by Lucas Leiroz exclusively for SouthFront").

    Returns ``None`` when ``line`` is no byline, so that a sentence such as
    "By 2025, the army ..." or "Written by a former officer, the memo ..."
    stays body: every name must be 1-5 capitalised words.
    """
    if len(words_of(line)) > 25:
        return None
    match = _BYLINE.match(line.strip())
    if match is None:
        return None
    bare = fold(line).startswith("by ")
    if bare and (len(words_of(line)) > _BARE_BY_WORDS or line.rstrip().endswith((".", "!", "?"))):
        return None  # "By Tuesday, it was over." is a sentence
    names_part = _NAME_CUT.sub("", match.group("names")).strip().rstrip(".")
    names = [n.strip() for n in _NAME_SPLIT.split(names_part) if n.strip()]
    if not names:
        return None
    for name in names:
        parts = name.split()
        if not 1 <= len(parts) <= 5 or not parts[0][:1].isupper():
            return None
        if not all(_NAME_WORD.match(p) for p in parts):
            return None
        if any(ch.isdigit() for ch in name):
            return None
    return tuple(names)


_SOURCE_NOTE = re.compile(
    r"^(?:source|originally published (?:on|by|at|in)|first published (?:on|by|at|in)|"
    r"this article was (?:originally|first) published (?:on|by|at|in)|republished from|"
    r"reprinted from|article originally published (?:on|by|at|in))\s*:?\s+(?P<what>.+)$",
    re.IGNORECASE,
)


def source_note(line: str) -> str | None:
    """The credited source of a republished piece ("Source: RT" -> "RT")."""
    if len(words_of(line)) > 15:
        return None
    match = _SOURCE_NOTE.match(line.strip())
    if match is None:
        return None
    what = match.group("what").strip().rstrip(".")
    return what or None


# --------------------------------------------------------------------------
# Captions.

_CREDIT_PAREN = re.compile(
    r"\((?:[^()]*\b(?:photo|photos|photograph|image|picture|credit|illustration|screenshot|"
    r"screen shot|footage|file photo)\b[^()]*)\)\s*\.?$",
    re.IGNORECASE,
)
_CAPTION_PREFIX = (
    "photo:",
    "photos:",
    "image:",
    "picture:",
    "pictured:",
    "illustrative image",
    "illustrative photo",
    "illustrative picture",
    "illustration:",
    "featured image",
    "cover image",
    "credit:",
    "photo credit",
    "screenshot:",
    "screenshot from",
    "map:",
    "infographic:",
)


def is_caption(line: str) -> bool:
    """A picture caption or credit line (kept in ``captions``, never body)."""
    if len(words_of(line)) > 70:
        return False
    key = fold(line)
    if any(key.startswith(p) for p in _CAPTION_PREFIX):
        return True
    return bool(_CREDIT_PAREN.search(line))


# --------------------------------------------------------------------------
# Dates.

_MONTH_NUMBERS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTH_NUMBERS, key=len, reverse=True)) + r")\.?"
_TIME = (
    r"(?:\s*(?:,|at|-|\u2013|\|)?\s*(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?"
    r"\s*(?P<ampm>am|pm|a\.m\.|p\.m\.)?)?"
)
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"
_LEAD = r"^(?:(?:published|posted|posted on|updated|date|on)\s*:?\s*)?" + _WEEKDAY
_DATE_FORMS = (
    re.compile(_LEAD + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})" + _TIME + r"$"),
    re.compile(_LEAD + r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})" + _TIME + r"$"),
    re.compile(_LEAD + r"(?P<day>\d{1,2})[./](?P<mnum>\d{1,2})[./](?P<year>\d{4})" + _TIME + r"$"),
    re.compile(_LEAD + r"(?P<year>\d{4})[-/](?P<mnum>\d{1,2})[-/](?P<day>\d{1,2})" + _TIME + r"$"),
)
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$")


def parse_date(text: str | None) -> str | None:
    """ISO 8601 for the date forms SouthFront pages and wpDiscuz print.

    "05.04.2025" (day first, the site's own form), "April 5, 2025 3:12 pm",
    "5 April 2025", "2025-04-05 15:12" and full ISO timestamps. Relative
    forms ("2 years ago") and anything else give ``None``: unknown, not
    guessed.
    """
    if not text:
        return None
    raw = text.strip()
    if _ISO.match(raw):
        try:
            return datetime.fromisoformat(raw.replace("Z", "+00:00")).isoformat()
        except ValueError:
            return None
    key = fold(raw)
    for form in _DATE_FORMS:
        match = form.match(key)
        if match is not None:
            return _from_match(match)
    return None


def _from_match(match: re.Match[str]) -> str | None:
    parts = match.groupdict()
    month = _MONTH_NUMBERS[parts["month"]] if parts.get("month") else int(parts["mnum"])
    try:
        day = date(int(parts["year"]), month, int(parts["day"]))
        if parts.get("hour") is None:
            return day.isoformat()
        hour = int(parts["hour"])
        ampm = (parts.get("ampm") or "").replace(".", "")
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        moment = datetime(day.year, day.month, day.day, hour, int(parts["minute"]), int(parts.get("second") or 0))
    except ValueError:
        return None
    return moment.isoformat()
