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

from masthead.extract import dates
from masthead.extract.text import fold

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


def is_headline(line: str, *, strict: bool = True) -> bool:
    """Whether ``line`` looks like a SouthFront headline.

    Title Case (at least 80 % of the significant words capitalised, at
    least two of them), 2-30 words, no full stop at the end (unless the
    last word is an abbreviation like "U.S."), no sentence break inside and
    not shouted in capitals. Comments and paragraphs fail at least one rule.

    ``strict=False`` allows a sentence break ("Revealed! SouthFront Is Run
    By ...", "Who Benefits? Nobody"): only for a line that other evidence
    already marks as the title (the page prints it twice).
    """
    words = words_of(line)
    if not 2 <= len(words) <= 30 or len(line) > 250:
        return False
    stripped = line.rstrip()
    if stripped.endswith((".", ",", ";", ":")) and not _ABBREV_END.search(stripped):
        return False
    if stripped.endswith("...") or (strict and _MID_SENTENCE_BREAK.search(line)):
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


#: Commenter names are short: "leon mc pilibin", "Ivan_the_Pragmatist 🇷🇺".
_MAX_NAME_WORDS = 4
_MAX_NAME_CHARS = 40
_NAME_END = (".", "!", "?", ",", ";", ":", "\u201d", '"', "…", ")")
_BULLET = re.compile(r"^[•·◦▪‣●]\s*")
_SAYS = re.compile(r"\s+says:?$", re.IGNORECASE)


def strip_bullet(line: str) -> str:
    """``line`` without a leading list bullet ("• Rob" -> "Rob")."""
    return _BULLET.sub("", line, count=1)


def has_bullet(line: str) -> bool:
    return bool(_BULLET.match(line))


def is_name(line: str) -> bool:
    """A commenter's display name as comment threads print it.

    At most four words and forty characters, no sentence punctuation at
    the end, no URL, not a number: "Rob", "[deleted] x_X", "Mr. Reality",
    "Voice of Reason says:" ("says:" as classic WordPress themes print it).
    A short comment ("lol") has the same shape; callers decide by position.
    """
    name = strip_bullet(_SAYS.sub("", line.strip()))
    if not name or len(name) > _MAX_NAME_CHARS or len(name.split()) > _MAX_NAME_WORDS:
        return False
    if name.endswith(_NAME_END) or "://" in name or "www." in name:
        return False
    return not name.replace(" ", "").isdigit() and not name.startswith(('"', "\u201c", "'", "\u2018", "(", "-"))


def clean_name(line: str) -> str:
    """The display name of a name line: bullet and "says:" removed."""
    return strip_bullet(_SAYS.sub("", line.strip()))


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
#: The team's own sign-off under statements and video reports.
_TEAM_CREDITS = frozenset(("southfront team", "south front team", "sf team", "southfront analysis team"))
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
    if fold(line).rstrip(".") in _TEAM_CREDITS:
        return (line.strip().rstrip("."),)
    line = without_date(line)
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


_DATE_JOINERS = " |,;:-\u2013\u2014\u00b7\u2022/"
_TRAILING_ON = re.compile(r"\s+(?:on|at|published|posted)\s*$", re.IGNORECASE)


def without_date(line: str) -> str:
    """``line`` with its first written-out date and the joiners around it cut
    ("Written by X on April 7, 2025" -> "Written by X")."""
    found = dates.find_date(line)
    if found is None:
        return line
    before = _TRAILING_ON.sub("", line[: found.start].rstrip(_DATE_JOINERS))
    after = line[found.end :].lstrip(_DATE_JOINERS)
    return f"{before} {after}".strip()


#: "Source: RT" needs its colon: "Source said the talks failed." is a sentence.
_SOURCE_NOTE = re.compile(
    r"^(?:sources?\s*:|(?:originally published (?:on|by|at|in)|first published (?:on|by|at|in)|"
    r"this article was (?:originally|first) published (?:on|by|at|in)|republished from|"
    r"reprinted from|article originally published (?:on|by|at|in))\s*:?)\s+(?P<what>.+)$",
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
    "map by ",
    "photo by ",
    "photos by ",
    "image by ",
    "infographic by ",
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

#: Words a date line may start with ("Published: 07.04.2025", "Posted on ...").
_DATE_LEAD = re.compile(r"^(?:published|posted(?: on)?|updated|date|on)\s*:?\s+", re.IGNORECASE)


def parse_date(text: str | None) -> str | None:
    """ISO 8601 when ``text`` is a date line and nothing else, else ``None``.

    The core helpers read the forms SouthFront and its comment plugins print
    ("07.04.2025" day first, "April 7, 2025 11:02 am", "May 21, 2019 at
    7:05 pm", ISO); the site's own lead words ("Published:", "Posted on")
    are dropped first. Relative ages ("2 years ago") and the donation
    thermometer's "APRIL 2025" stay ``None``: unknown, not guessed.

    A written-out date that fills the whole line is read with
    :func:`masthead.extract.dates.find_date` first: ``masthead.extract.dates.parse_date``
    tries RFC 2822 before it, which reads "April 7, 2025 1:15 pm" as 01:15.
    """
    if not text:
        return None
    line = _DATE_LEAD.sub("", text.strip()).strip(" .,|")
    found = dates.find_date(line)
    if found is not None and found.start == 0 and found.end == len(line):
        return found.iso
    return dates.parse_date(line)
