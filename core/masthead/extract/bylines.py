"""Bylines, datelines and source notes, read from one line of text.

"Written by Lucas Leiroz exclusively for the site", "By Anna Smith and
John Doe, April 7, 2025", "Published: 07.04.2025", "Source: RT": every
outlet prints these, and every outlet must keep sentences that merely look
like them ("By 2025, the army ...") in the body. The readers here return
``None`` for anything that is not clearly one of them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Iterable

import attrs

from masthead.extract import dates
from masthead.extract.boilerplate import recall
from masthead.extract.text import collapse, fold, has_four_digits

__all__ = [
    "SUBHEADING_WORDS",
    "Byline",
    "byline_names",
    "date_line",
    "dateline",
    "is_name_list",
    "is_time_note",
    "read_byline",
    "reporting_credits",
    "source_note",
    "split_names",
    "take_date",
    "without_date",
]

_BYLINE = re.compile(
    r"^(?:written and produced by|written by|produced by|authored by|article by|op-?ed by|"
    r"text by|posted by|by|author|authors)\s*:?\s+(?P<names>.+)$",
    re.IGNORECASE,
)
#: What follows the names and is not one: "exclusively for X", ", editor".
_NAME_CUT = re.compile(
    r"\s+(?:exclusively|especially|specially|specifically|originally|for)\b.*$"
    r"|\s*[,;|(\u2013\u2014]\s*.*$|\s+-\s+.*$",
    re.IGNORECASE,
)
#: A word every match of :data:`_BYLINE` holds, in lower case. No
#: character but their own capitals is the same letter to a case-blind
#: pattern, and none lower-cases to one of their letters.
_BYLINE_WORDS = ("by", "author")
_BY, _AUTHOR = _BYLINE_WORDS
#: A bare "By ..." line longer than this is a sentence.
_BARE_BY_WORDS = 8
_MAX_BYLINE_WORDS = 25
_NAME_SPLIT = re.compile(r"\s+(?:and|&)\s+|\s*[,;]\s*", re.IGNORECASE)
_NAME_WORD = re.compile(r"^(?:[A-Z\u00c0-\u00de\u0400-\u042f][\w'’.\-]*|[a-z]{1,3})$")


def split_names(text: str, *, whole: Iterable[str] = ()) -> tuple[str, ...]:
    """``"A and B"``, ``"A, B & C"``, ``"A; B"`` -> the names, duplicates removed.

    Names in ``whole`` (firms such as "Smith & Partners") are never split.
    """
    text = collapse(text)
    kept = [name for name in whole if fold(name) in fold(text)]
    for index, name in enumerate(kept):
        text = re.sub(re.escape(name), f"\x00{index}\x00", text, flags=re.IGNORECASE)
    names = (n.strip(" .") for n in _NAME_SPLIT.split(text))
    return tuple(dict.fromkeys(re.sub(r"\x00(\d+)\x00", lambda m: kept[int(m[1])], n) for n in names if n))


def _is_person(name: str) -> bool:
    parts = name.split()
    if not 1 <= len(parts) <= 5 or not parts[0][:1].isupper() or any(map(str.isdigit, name)):
        return False
    return all(_NAME_WORD.match(p) for p in parts)


_LISTED_NAME_WORD = re.compile(r"^[A-Z][\w'’.-]*,?$")
_NAME_JOINERS = frozenset(("and", "&", "de", "van", "von", "der", "da", "di", "du", "le", "la", "bin", "al"))


def is_name_list(line: str, *, not_names: Collection[str] = ()) -> bool:
    """A line that holds only people's names ("Maria Kotova and Alexander Smirnov").

    2-10 words, every one capitalised or a name particle ("de", "van") or
    "and", two capitalised words at least, no digit. ``not_names`` are
    folded words that make a short capitalised line a subheading instead
    ("Key Takeaways", "Russia").
    """
    words = line.split()
    if not 2 <= len(words) <= 10 or any(map(str.isdigit, line)):
        return False
    keys = [fold(word).strip(",") for word in words]
    if any(key in not_names for key in keys):
        return False
    if not all(key in _NAME_JOINERS or _LISTED_NAME_WORD.match(word) for key, word in zip(keys, words, strict=True)):
        return False
    return sum(1 for key in keys if key not in _NAME_JOINERS) >= 2


def byline_names(line: str, *, credits: Iterable[str] = ()) -> tuple[str, ...] | None:
    """The names of a byline, or ``None`` when ``line`` is not one.

    Recognises "By X", "Written by X and Y", "By X, Y and Z", "Author: X", "Posted by X on
    <date>"; the date and anything after the names ("exclusively for ...",
    ", correspondent") are cut. Every name must be 1-5 capitalised words,
    so "By 2025, the army ..." and "Written by a former officer, ..." stay
    body. ``credits`` are an outlet's collective sign-offs ("SF Team")
    taken as a name when they are the whole line.
    """
    if len(line.split(maxsplit=_MAX_BYLINE_WORDS)) > _MAX_BYLINE_WORDS:
        return None
    # A tuple of credits (as plugins keep them) is folded once, not per line.
    folded_credits = _folded_credits(credits) if isinstance(credits, tuple) else frozenset(map(fold, credits))
    if folded_credits and fold(line).rstrip(".") in folded_credits:
        return (line.strip().rstrip("."),)
    # Cutting the date out only removes text: a line without a byline
    # word is done before its date is looked for.
    if not _may_be_byline(line):
        return None
    line = without_date(line)
    match = _BYLINE.match(line.strip())
    if match is None:
        return None
    listed = _name_list(match.group("names"))
    if fold(line).startswith("by ") and (
        (listed is None and len(line.split()) > _BARE_BY_WORDS) or line.rstrip().endswith((".", "!", "?"))
    ):
        return None
    names = listed or split_names(_NAME_CUT.sub("", match.group("names")).strip().rstrip("."))
    if not names or not all(_is_person(n) for n in names):
        return None
    return names


@functools.lru_cache(maxsize=64)
def _folded_credits(credits: tuple[str, ...]) -> frozenset[str]:
    """:func:`byline_names`' ``credits``, folded."""
    return frozenset(map(fold, credits))


def _may_be_byline(line: str) -> bool:
    """Whether ``line`` holds one of :data:`_BYLINE_WORDS`, as every byline :data:`_BYLINE` reads does."""
    lowered = line.lower()
    return _BY in lowered or _AUTHOR in lowered


#: "A, B and C" / "A, B, & C": a comma list of names is one only when "and" closes it.
_LISTED = re.compile(
    r"^(?P<first>[^,;|()]+(?:\s*,\s*[^,;|()]+)*?),?\s+(?:and|&)\s+(?P<last>[^,;|()]+?)(?=\s*[,;|(\u2013\u2014]|\s+-\s|$)"
)


def _name_list(text: str) -> tuple[str, ...] | None:
    """The names of "A, B and C", or ``None`` unless every item is a person."""
    # A list needs a comma in its first part and "and" or "&" before its
    # last: most names are done without trying the pattern.
    if "," not in text or ("and" not in text and "&" not in text):
        return None
    match = _LISTED.match(text.strip())
    if match is None or "," not in match.group("first"):
        return None
    last = _NAME_CUT.sub("", match.group("last")).strip().rstrip(".")
    names = split_names(f"{match.group('first')}, {last}")
    return names if names and all(_is_person(n) for n in names) else None


_DATE_JOINERS = " |,;:-\u2013\u2014\u00b7\u2022/"
_TRAILING_ON = re.compile(r"\s+(?:on|at|published|posted|updated)\s*$", re.IGNORECASE)


def take_date(text: str) -> tuple[str | None, str]:
    """The first written-out date in ``text`` (ISO 8601) and ``text`` without it."""
    found = dates.find_date(text)
    if found is None:
        return None, text
    before = _TRAILING_ON.sub("", text[: found.start].rstrip(_DATE_JOINERS))
    after = text[found.end :].lstrip(_DATE_JOINERS)
    return found.iso, f"{before} {after}".strip()


def without_date(line: str) -> str:
    """``line`` with its first date and the joiners around it cut
    ("Written by X on April 7, 2025" -> "Written by X")."""
    return take_date(line)[1]


#: Words a date line may start with ("Published: 07.04.2025", "Posted on ...").
_DATE_LEAD = re.compile(
    r"^(?:(?:last\s+)?(?:published|posted|updated|edited|date)(?:\s+on)?|on)\s*:?\s+", re.IGNORECASE
)


#: " - " or "|" between date and time; "Last edited 18:22" after them.
_DATE_TIME_SEPARATOR = re.compile(r"\s*[-–—|]\s*(?=\d{1,2}:\d{2})")
_LAST_EDITED = re.compile(r"\s+last edited.*$", re.IGNORECASE)
#: Relative or bare time notes of a byline: furniture, never a date to use.
_TIME_NOTE = re.compile(
    r"^(?:(?:last\s+)?updated:?|published:?|"
    r"(?:updated:?\s*)?(?:an?|\d{1,3})\s+(?:second|minute|hour|day|week|month|year)s?\s+ago|"
    r"just now|yesterday|\d{1,3}\s*min(?:ute)?s?\.?\s+read)$",
    re.IGNORECASE,
)


def is_time_note(line: str) -> bool:
    """A byline's time note that states no date: "Updated:", "2 hours ago", "5 min read"."""
    return bool(_TIME_NOTE.match(line.strip()))


#: What every match of :data:`_LAST_EDITED` leaves in a line outside ASCII
#: once lower-cased: case-blind matching takes "ſ" for "s" (which
#: lower-casing keeps), and "İ" and "ı" for "i", which come after these letters.
_LAST_ED = ("last ed", "la\u017ft ed")


def _may_say_last_edited(text: str) -> bool:
    """Whether ``text`` may hold a match of :data:`_LAST_EDITED`.

    The case-blind expression searched from every space of a paragraph
    costs ten times a search for a word: in an ASCII line it finds what
    lower case does, in another the words it needs (:data:`_LAST_ED`) are
    looked for first.
    """
    lowered = text.lower()
    if text.isascii():
        return "last edited" in lowered
    return _LAST_ED[0] in lowered or _LAST_ED[1] in lowered


#: :func:`date_line`'s answers for lines up to :data:`DATE_LINE_KEPT_CHARS`
#: long, kept by :func:`~masthead.extract.boilerplate.recall` (at most
#: 2,048 such lines, emptied at once).
_DATE_LINES: dict[str, str | None] = {}
#: Lines up to this long (date and byline lines, most paragraphs) have
#: :func:`date_line` keep its answer: a page's head and body lines are asked
#: by its parser's text test, its comment reader (a comment's timestamp?)
#: and :func:`masthead.extract.fields.take_meta_line`, and a paragraph
#: holding a year costs a dozen pattern tests each time.
DATE_LINE_KEPT_CHARS = 300


def date_line(text: str | None) -> str | None:
    """ISO 8601 when ``text`` is a date and nothing else, else ``None``.

    The answer depends on ``text`` alone; it is kept for lines up to
    :data:`DATE_LINE_KEPT_CHARS` long (see :data:`_DATE_LINES`).

    Lead words ("Published:", "Posted on", "Updated") are dropped first, and
    a dash or bar between date and time ("April 25, 2020 - 18:22") or a
    trailing "Last edited ..." does not count.
    Relative ages ("2 years ago") and a bare month ("APRIL 2025") stay
    ``None``: unknown, not guessed. A written-out date that fills the line
    is read with :func:`masthead.extract.dates.find_date` first, which reads
    "April 7, 2025 1:15 pm" as 13:15.
    """
    if not text:
        return None
    if type(text) is not str:
        # A subclass (Beautiful Soup's strings) would keep what it refers
        # to alive as a key: its answer is worked out, not kept.
        return _date_line(text)
    return recall(_DATE_LINES, text, _date_line, chars=DATE_LINE_KEPT_CHARS)


def _date_line(text: str) -> str | None:
    """:func:`date_line`, worked out."""
    # Every date read here has a year (or RFC 2822's four-digit one), and
    # the edits before reading it remove text and never join digits: a
    # line without four digits in a row is no date, done with one scan.
    if not has_four_digits(text):
        return None
    text = text.strip()
    if _may_say_last_edited(text):
        text = _LAST_EDITED.sub("", text)
    line = _DATE_LEAD.sub("", text).strip(" .,|")
    if ":" in line:  # the separator is only one before a time
        line = _DATE_TIME_SEPARATOR.sub(" ", line)
    # The whole-line check of find_date, anchored: a paragraph fails at once.
    whole = dates._whole_date(line)
    if whole is not None or not line.strip():
        return whole
    # parse_date, without asking for the same whole-line date again.
    return dates._parse_stripped(line.strip(), not_whole=line)


def dateline(line: str, *, other_words: int = 3) -> str | None:
    """The date of a short head line that holds one ("07.04.2025 | Analysis").

    At most ``other_words`` words besides the date, and not a sentence:
    "On April 3, 2025, talks resumed." stays body. Use in a page's head only.
    """
    found, rest = take_date(line)
    if found is None or len(rest.split()) > other_words or rest.rstrip().endswith((".", "!", "?")):
        return None
    return found


#: "Source: RT" needs its colon: "Source said the talks failed." is a sentence.
_SOURCE_NOTE = re.compile(
    r"^(?:sources?\s*:|(?:originally published (?:on|by|at|in)|first published (?:on|by|at|in)|"
    r"this article was (?:originally|first) published (?:on|by|at|in)|republished from|"
    r"reprinted from|article originally published (?:on|by|at|in))\s*:?)\s+(?P<what>.+)$",
    re.IGNORECASE,
)
_SOURCE_WORDS = 15


def source_note(line: str) -> str | None:
    """The credited source of a republished piece ("Source: RT" -> "RT")."""
    if len(line.split(maxsplit=_SOURCE_WORDS)) > _SOURCE_WORDS:
        return None
    match = _SOURCE_NOTE.match(line.strip())
    if match is None:
        return None
    return match.group("what").strip().rstrip(".") or None


#: Credit lines under a story: "Includes reporting from AFP.", "Reuters contributed reporting."
_REPORTING = (
    re.compile(r"^(?:this (?:article|story) )?includes reporting (?:from|by) (?P<names>.+?)\.?$", re.IGNORECASE),
    re.compile(r"^(?:with )?(?:additional )?reporting (?:from|by) (?P<names>.+?)\.?$", re.IGNORECASE),
    re.compile(r"^(?P<names>.+?) contributed (?:reporting|to this (?:report|article|story))\.?$", re.IGNORECASE),
)
#: A word each of :data:`_REPORTING` holds, in lower case.
_REPORTING_KEYS = ("reporting", "contributed")
#: What each of them leaves in a line outside ASCII once lower-cased: the
#: case-blind patterns also take "İ" and "ı" for their "i", and none of
#: these letters for anything but itself in either case.
_REPORTING_PIECES = ("report", "contr")
_CREDIT_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s*/\s*")
_REPORTING_WORDS = 14


def reporting_credits(line: str) -> tuple[str, ...] | None:
    """Who a reporting credit names ("Includes reporting from AFP and Reuters."), as printed.

    ``None`` for any other line; every name must be capitalised and at most
    four words, so a sentence about reporting stays body.
    """
    if len(line.split(maxsplit=_REPORTING_WORDS)) > _REPORTING_WORDS:
        return None
    # Each pattern holds one of the words: an ASCII line (where the
    # case-blind patterns match just what lower case finds) without them is
    # done, and so is another line without the pieces of them that it keeps.
    lowered = line.lower()
    if not any(map(lowered.__contains__, _REPORTING_KEYS if line.isascii() else _REPORTING_PIECES)):
        return None
    for pattern in _REPORTING:
        match = pattern.match(line.strip())
        if match:
            names = tuple(n.strip(" .") for n in _CREDIT_SPLIT.split(match.group("names")) if n.strip(" ."))
            if names and all(n[0].isupper() and len(n.split()) <= 4 for n in names):
                return names
    return None


@attrs.define(frozen=True)
class Byline:
    """What one byline says: the names it lists and the date it gives."""

    authors: tuple[str, ...] = ()
    published: str | None = None


#: Labels before the names of a flattened byline ("Posted on by", "Written by", "By").
_LEAD_LABEL = re.compile(r"^\s*(?:posted(?:\s+(?:on|by)\b)*|written\s+by\b|by\b)[:\s]*", re.IGNORECASE)
#: Words that glue a date to the names ("by A on July 1, 2019"), left behind once the date is cut.
_TRAIL_LABEL = re.compile(r"(^|\s)(on|posted on|published|published on|updated|updated on)\s*$", re.IGNORECASE)
_SEGMENTS = re.compile(r"\s[|·•]\s|\s[|·•]$|^[|·•]\s")
_CATEGORY = re.compile(r"(?:^|\s+)(?:in|under|filed under|categor(?:y|ies)):?\s+", re.IGNORECASE)
_NOT_NAMES = re.compile(r"^(\d+|no|one) (comments?|responses?|replies)$|^(leave a comment|comments? off|share)$")
_LABEL_EDGE = " |,-:·"


def read_byline(text: str, *, whole: Iterable[str] = ()) -> Byline:
    """The names and date of a blog theme's byline, flattened into ``text``.

    "Posted by Written by A and B on July 1, 2019 | 3 Comments | in Business":
    the first date goes to ``published``; the rest is cut into segments at
    "|", "·" or "•", and a segment that is a comment count or "Leave a
    comment" is dropped, a category after "in" / "filed under" cut, labels
    ("Posted on by", "Written by", "by", a trailing "on") stripped; what is
    left is names (:func:`split_names`, ``whole`` kept whole). Unlike
    :func:`byline_names` it never rejects the line: call it only on a line
    known to be a byline.
    """
    text = collapse(text)
    found = dates.find_date(text)  # the date alone: the "|" around it still splits segments
    if found is not None:
        text = f"{text[: found.start]} {text[found.end :]}"
    names: list[str] = []
    for segment in _SEGMENTS.split(text):
        segment = _CATEGORY.split(_without_labels(segment), maxsplit=1)[0]
        if segment and not _NOT_NAMES.match(fold(segment)):
            names.extend(n for n in split_names(segment, whole=whole) if any(ch.isalpha() for ch in n))
    return Byline(authors=tuple(dict.fromkeys(names)), published=found.iso if found else None)


def _without_labels(text: str) -> str:
    """``text`` without the labels around its names."""
    text = collapse(text).strip(_LABEL_EDGE)
    while True:
        stripped = _TRAIL_LABEL.sub("", _LEAD_LABEL.sub("", text, count=1)).strip(_LABEL_EDGE)
        if stripped == text:
            return text
        text = stripped


#: Capitalised words that make a short line a subheading ("Key Takeaways",
#: "What Comes Next"), never a list of names: pass them, with an outlet's
#: own (country names of its beat), to :func:`is_name_list` as ``not_names``.
SUBHEADING_WORDS = frozenset(
    (
        *("a", "an", "the", "of", "in", "on", "for", "to", "with", "at", "from", "as", "is", "are", "what", "why"),
        *("how", "where", "when", "who", "which", "key", "takeaways", "introduction", "background", "summary"),
        *("overview", "conclusion", "conclusions", "outlook", "update", "news", "analysis", "comment", "trade"),
        *("tax", "taxes", "investment", "investors", "market", "markets", "business", "economy", "sanctions"),
        *("next", "steps", "new", "rules", "changes"),
    )
)
