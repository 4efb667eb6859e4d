"""What a line *looks like*: headline, paragraph, dateline, byline, caption.

EconoTimes dumps carry almost no labels, so the parser reads shapes. Body
paragraphs are sentences that end with punctuation; headlines (the page's
own title and the trailing ticker of unrelated stories) are short, in title
case and end without a full stop. These predicates are deliberately
conservative: a line that is neither clearly a headline nor clearly
boilerplate stays article text.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timezone
from functools import lru_cache

from masthead.text import fold
from masthead_wire_aggregator import vocabulary as voc

#: Words title case leaves in lower case; they neither count for nor against.
_SMALL_WORDS = frozenset(
    {
        *("a", "an", "the", "and", "but", "or", "nor", "for", "of", "to", "in", "on", "at", "by", "as", "up"),
        *("via", "vs", "vs.", "v.", "with", "from", "into", "onto", "off", "out", "per", "than", "so", "yet"),
        *("de", "del", "la", "le", "da", "di", "van", "von"),
    }
)
_TRAILING_CLOSERS = "\"'”’»)]} "
_OPENERS = "\"'“‘«([{$£€¥#@*-–—"
_TERMINAL = (".", "!", "?", "…")
#: A sentence boundary inside a line ("... rose. Analysts ..."), not "U.S. Army".
_INNER_SENTENCE = re.compile(r"[a-z0-9%][.!?][\"'”’)]*\s+[\"'“‘(]?[A-Z]")
_MAX_HEADLINE_WORDS = 24
_MAX_HEADLINE_CHARS = 180
#: A paragraph this long is running text even when the dump cut its end.
_LONG_PARAGRAPH_WORDS = 26
#: Lines longer than this are never a menu entry, widget label or stop label;
#: prefix checks look at no more than this many characters. Keeps the line
#: rules linear on hostile input (a 10 MB line is folded once, if at all).
_LABEL_CHARS = 160
_PREFIX_CHARS = 240
_CAPTION_CHARS = 400

_MONTHS = (
    *("january", "february", "march", "april", "may", "june"),
    *("july", "august", "september", "october", "november", "december"),
)
_DATELINE = re.compile(
    r"^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
    r"(?P<month>" + "|".join(_MONTHS) + r"|[a-z]{3}\.?)\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})"
    r"(?:\s*(?:at\s+)?(?P<hour>\d{1,2}):(?P<minute>\d{2})\s*(?P<ampm>[ap]\.?m\.?)?)?"
    r"\s*(?P<zone>utc|gmt)?\s*$",
    re.IGNORECASE,
)
#: A caption ending in a short photo credit: "Xi and Putin in Moscow. Photo: Kremlin.ru".
_TRAILING_CREDIT = re.compile(
    r"(?:^|[.)]\s+|\s[|/-]\s+)(?:photo|image|picture)(?:\s+credits?)?\s*:\s*\S+(?:\s+\S+){0,6}$", re.IGNORECASE
)
_DISCLAIMER_KEY = fold(voc.DISCLAIMER)
_CAPTION_KEYS = tuple(fold(p) for p in voc.CAPTION_PREFIXES)
_COMMENT_COUNT = re.compile(r"^\d+\s+comments?$", re.IGNORECASE)
_BYLINE = re.compile(r"^by\s+(?P<names>.+?)\s*$", re.IGNORECASE)
_NAME_TOKEN = re.compile(r"^(?:[A-Z][\w'’.\-]*|de|da|van|von|bin|al|el|la|le|[A-Z]\.)$")


@lru_cache(maxsize=8192)
def _key(line: str) -> str:
    """``fold`` of a short line, cached: every predicate compares folded text."""
    return fold(line)


def _core(line: str) -> str:
    """The line without closing quotes/brackets and spaces at its end."""
    return line.rstrip(_TRAILING_CLOSERS)


def ends_sentence(line: str) -> bool:
    """Whether the line ends like a finished sentence (quotes aside)."""
    return _core(line).endswith(_TERMINAL)


def words(line: str) -> list[str]:
    return line.split()


def _word_case(token: str) -> bool | None:
    """True for a capitalised word, False for a lower-case one, None if neutral."""
    token = token.lstrip(_OPENERS)
    if not token or not any(ch.isalpha() for ch in token):
        return None
    if token.lower() in _SMALL_WORDS or token.rstrip(",;:").lower() in _SMALL_WORDS:
        return None
    first = next(ch for ch in token if ch.isalpha() or ch.isdigit())
    if first.isdigit():
        return None
    return first.isupper() or any(ch.isupper() for ch in token)


def title_case_ratio(line: str, *, skip_last: bool = False) -> float:
    """Share of significant words that are capitalised (0.0 when none)."""
    tokens = words(line)
    if skip_last and len(tokens) > 1:
        tokens = tokens[:-1]
    cases = [c for c in (_word_case(t) for t in tokens) if c is not None]
    if len(cases) < 2:
        return 0.0
    return sum(cases) / len(cases)


def _starts_capitalised(line: str) -> bool:
    stripped = line.lstrip(_OPENERS)
    return bool(stripped) and (stripped[0].isupper() or stripped[0].isdigit())


def headline_shaped(line: str) -> bool:
    """Short, single-statement and not closed by a full stop or comma.

    Says nothing about case: EconoTimes' older titles are in sentence case.
    A closing question or exclamation mark is allowed, as headlines use them.
    """
    if len(line) > _MAX_HEADLINE_CHARS:
        return False
    tokens = words(line)
    if not 2 <= len(tokens) <= _MAX_HEADLINE_WORDS:
        return False
    core = _core(line)
    if core.endswith((".", "…", ":", ";", ",", "-", "–", "—")):
        return False
    if _INNER_SENTENCE.search(line):
        return False
    return _starts_capitalised(line)


def ticker_headline(line: str, *, may_be_cut: bool = False) -> bool:
    """A headline of the trailing ticker: headline-shaped and in title case.

    ``may_be_cut`` relaxes the check for the dump's very last line, which
    may stop mid-word ("Israeli Forces Kill Pal").
    """
    if may_be_cut:
        if len(line) > _MAX_HEADLINE_CHARS:
            return False
        tokens = words(line)
        if 1 <= len(tokens) <= _MAX_HEADLINE_WORDS and not ends_sentence(line) and _starts_capitalised(line):
            return len(tokens) == 1 or title_case_ratio(line, skip_last=True) >= 0.75 or len(tokens) <= 2
        return False
    return headline_shaped(line) and title_case_ratio(line) >= 0.8


def paragraph_shaped(line: str) -> bool:
    """Running text: a finished sentence, or a long stretch cut by the dump."""
    n = len(words(line[:_CAPTION_CHARS]))  # enough to compare with the thresholds
    if ends_sentence(line):
        return n >= 3 or (_core(line).endswith(("?", "!")) and n >= 2)
    if _core(line).endswith(":") and n >= 6:
        return True
    return n >= _LONG_PARAGRAPH_WORDS or (n >= 12 and bool(_INNER_SENTENCE.search(line)))


def is_menu(line: str) -> bool:
    if len(line) > _LABEL_CHARS:
        return False
    key = _key(line).rstrip(" :>»|")
    return key in voc.MENU_LINES or (key.endswith(" series") and len(key.split()) <= 6)


def is_widget(line: str) -> bool:
    if len(line) > _LABEL_CHARS:
        return False
    key = _key(line)
    return key in voc.WIDGET_LINES or bool(_COMMENT_COUNT.match(key))


def is_stop(line: str) -> bool:
    """Whether the line opens the furniture after the article."""
    key = _key(line[:_PREFIX_CHARS]).rstrip(" :>»|")
    if key in voc.STOP_LINES or any(key.startswith(p) for p in voc.STOP_PREFIXES):
        return True
    # the disclaimer cut short at the end of a dump
    return len(line) <= _PREFIX_CHARS and len(key.split()) >= 3 and _DISCLAIMER_KEY.startswith(key)


def is_caption(line: str) -> bool:
    """A photo caption or credit line (never a paragraph of the story)."""
    if len(line) > _CAPTION_CHARS or len(words(line)) > 40:
        return False
    return _key(line).startswith(_CAPTION_KEYS) or bool(_TRAILING_CREDIT.search(line))


def parse_dateline(line: str) -> date | None:
    """EconoTimes' article date, e.g. ``Wednesday, May 4, 2016 1:12 PM UTC``.

    Times are shown in UTC ("All times are UTC" says the site header), so a
    time becomes an aware UTC datetime; a dateline without a time gives a
    plain date rather than an invented midnight.
    """
    match = _DATELINE.match(line.strip())
    if not match:
        return None
    month_text = match["month"].lower().rstrip(".")
    month = next((i + 1 for i, name in enumerate(_MONTHS) if name.startswith(month_text[:3])), None)
    if month is None or (len(month_text) > 3 and month_text not in _MONTHS):
        return None
    if not match["hour"]:
        try:
            return date(int(match["year"]), month, int(match["day"]))
        except ValueError:
            return None
    hour = int(match["hour"])
    minute = int(match["minute"])
    ampm = (match["ampm"] or "").replace(".", "").lower()
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    try:
        return datetime(int(match["year"]), month, int(match["day"]), hour, minute, tzinfo=timezone.utc)
    except ValueError:
        return None


def parse_byline(line: str) -> tuple[str, ...] | None:
    """Author names from ``By Jane Doe and John Roe`` (``Et Al`` dropped)."""
    match = _BYLINE.match(line.strip())
    if not match:
        return None
    names_text = re.sub(r"\s+et\.?\s+al\.?$", "", match["names"].rstrip(" ."), flags=re.IGNORECASE)
    parts = [p.strip() for p in re.split(r",|\s+and\s+|\s*&\s*", names_text) if p.strip()]
    if not parts or len(parts) > 6:
        return None
    for part in parts:
        tokens = part.split()
        if not 1 <= len(tokens) <= 5 or not all(_NAME_TOKEN.match(t) for t in tokens):
            return None
    return tuple(p for p in parts if fold(p) not in voc.NOT_AUTHORS)
