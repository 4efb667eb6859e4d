"""What one line of a Moscow Times page is: headline, caption, byline, date...

Page dumps carry no markup, so the parser tells a headline from a paragraph
and a photo caption from running text by the outlet's typography: headlines
are Title Case without a closing full stop, captions end with a photo credit
("Kremlin.ru", "Sergei Karpukhin / TASS") and no punctuation, bylines start
with "By". Each predicate here is small, pure and works on one line.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from masthead.text import fold
from masthead_moscow_times import phrases

_WORD_EDGE = "\"'“”‘’«»()[]{}*–—-:;,.!?…"
#: Words a Title Case headline leaves in lower case.
_SMALL_WORDS_TEXT = (
    "a an the and or nor but of in on at to for with from by as vs vs. via per into over amid "
    "after than up off out en de del der von van la le da di du y"
)
_SMALL_WORDS = frozenset(_SMALL_WORDS_TEXT.split())
#: A sentence boundary inside a line: a lower-case word, a stop, a capital.
_SENTENCE_BREAK = re.compile(r"[a-z]{2,}[.!?][\"”’']?\s+[\"“‘']?[A-Z]")
_ABBREVIATION_END = re.compile(r"(?:\b[A-Z]\.){2,}$")
#: Characters a finished paragraph ends with.
_TERMINAL = tuple(".!?…\"”’')]:;")


#: Longest line start that matching against boilerplate ever needs.
_KEY_CHARS = 600


def key_of(line: str) -> str:
    """The folded comparison key of a line's start.

    Every boilerplate phrase is far shorter than this, so folding a 10 MB
    line whole would only cost time.
    """
    return fold(line if len(line) <= _KEY_CHARS else line[:_KEY_CHARS])


def words(line: str) -> list[str]:
    return line.split()


def ends_sentence(line: str) -> bool:
    """Whether ``line`` ends like a finished sentence or quotation."""
    return line.rstrip().endswith(_TERMINAL)


def sentence_count(line: str) -> int:
    return len(_SENTENCE_BREAK.findall(line)) + 1


def is_paragraph(line: str) -> bool:
    """A line of running text: long enough and ends like a sentence."""
    return len(words(line)) >= 12 and ends_sentence(line)


def is_headline(line: str) -> bool:
    """Whether ``line`` is set like a Moscow Times headline.

    Title Case (most significant words capitalised), 2-25 words, one
    sentence at most, and no closing full stop unless an abbreviation such
    as "U.S." ends it. Running text and captions fail on case alone.
    """
    if len(line) > 220:
        return False
    tokens = words(line)
    if not 2 <= len(tokens) <= 25:
        return False
    stripped = line.rstrip()
    if stripped.endswith((",", ";", ":", "...", "…")):
        return False
    if stripped.endswith(".") and not _ABBREVIATION_END.search(stripped):
        return False
    if _SENTENCE_BREAK.search(line) or is_caption(line):
        return False
    counted = capitalised = 0
    for token in tokens:
        core = token.strip(_WORD_EDGE)
        if not core or not any(ch.isalpha() for ch in core) or core.lower() in _SMALL_WORDS:
            continue
        first = next(ch for ch in core if ch.isalpha())
        counted += 1
        capitalised += first.isupper()
    return counted > 0 and capitalised / counted >= 0.75


# --- photo captions -------------------------------------------------------

_TOKEN = r"(?:[A-Z][\w.'’&-]*|[a-z][\w-]*\.(?:ru|com|org|net|ua))"
_SEGMENT = rf"{_TOKEN}(?:\s+{_TOKEN}){{0,3}}"
#: "Sergei Karpukhin / TASS", "Kremlin.ru / TASS / Pool" at the end of a line.
_SLASH_CREDIT = re.compile(rf"(?:^|\s){_SEGMENT}(?:\s*/\s*{_SEGMENT})+$")
#: Credits distinctive enough to end a caption whatever precedes them.
_STRONG_CREDITS = (
    "Kremlin.ru",
    "Kremlin Press Service",
    "Mos.ru",
    "Government.ru",
    "Moskva News Agency",
    "Moskva Agency",
    "Pixabay",
    "Unsplash",
    "Pexels",
    "Wikimedia Commons",
    "Wikicommons",
    "Flickr",
    "Shutterstock",
    "Depositphotos",
    "pxhere.com",
    "PxHere",
    "Vostock Photo",
    "Interpress",
    "RIA Novosti",
    "Social media",
    "Press Service",
    "Public domain",
    "Creative Commons",
)
#: Credits that are also ordinary words or short names: they mark a caption
#: only alone on a line or right after a finished sentence.
_WEAK_CREDITS = (
    "TASS",
    "Reuters",
    "AP",
    "AFP",
    "EPA",
    "MT",
    "X",
    "VK",
    "Pool",
    "Handout",
    "Telegram",
    "Facebook",
    "Instagram",
    "Twitter",
    "YouTube",
    "Sputnik",
    "Kommersant",
    "Screenshot",
    "The Moscow Times",
    "Moscow Times",
)
#: A sentence end inside a matched credit ("Vladimir Putin. Sergei Karpukhin"),
#: never after an initial ("A. Smith").
_INNER_BREAK = re.compile(r"(?<=[a-z]{2}[.!?])\s+")
_COURTESY = re.compile(r"(?:^|[.!?\"”’]\s+)(?:Courtesy(?: of)?|Photo(?:s)?(?: by)?:?)\s+\S.{0,60}$", re.IGNORECASE)


#: Credits are short and sit at the end; only this much of a line is searched.
_CREDIT_CHARS = 160
#: No caption is longer than this.
_CAPTION_CHARS = 600


def _ends_with_credit(text: str, credit: str) -> bool:
    return fold(text).endswith(fold(credit)) and (len(text) == len(credit) or not text[-len(credit) - 1].isalnum())


def credit_of(line: str) -> str | None:
    """The photo credit that ends ``line``, if it ends with one."""
    text = line.rstrip()[-_CREDIT_CHARS:]
    match = _SLASH_CREDIT.search(text)
    if match:
        return _INNER_BREAK.split(match.group(0).strip())[-1]
    for credit in _STRONG_CREDITS:
        if _ends_with_credit(text, credit):
            return text[-len(credit) :]
    for credit in _WEAK_CREDITS:
        if _ends_with_credit(text, credit):
            before = text[: -len(credit)].rstrip()
            if not before or before.endswith(_TERMINAL):
                return text[-len(credit) :]
    courtesy = _COURTESY.search(text)
    return courtesy.group(0).lstrip('.!?"”’ ').strip() if courtesy else None


def is_caption(line: str) -> bool:
    """A photo caption with its credit, or a bare credit, on one line.

    Captions end with the credit and no punctuation, while paragraphs end
    with a full stop or a quote; that keeps body text out of captions even
    when a paragraph mentions TASS or Reuters.
    """
    if len(line) > _CAPTION_CHARS or ends_sentence(line):
        return False
    return len(words(line)) <= 70 and credit_of(line) is not None


# --- bylines --------------------------------------------------------------

_BYLINE = re.compile(r"^By\s+(?P<names>\S.*?)\s*$")
_NAME_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*")
_NAME_PARTICLES_TEXT = "de del der van von la le da di du al bin ibn"
_NAME_PARTICLES = frozenset(_NAME_PARTICLES_TEXT.split())
_ROLE_PREFIXES = tuple(fold(p) for p in ("special to", "staff writer", "contributor", "correspondent"))


def _is_name(name: str) -> bool:
    tokens = name.split()
    if not 1 <= len(tokens) <= 5 or any(ch.isdigit() for ch in name):
        return False
    return all(t[0].isupper() or t.lower() in _NAME_PARTICLES for t in tokens)


def byline_names(line: str) -> list[str] | None:
    """The names of a "By A, B and C" byline, or ``None`` if it is none.

    Every part must look like a name (capitalised words), so a sentence
    starting with "By the end of..." is never mistaken for a byline.
    """
    match = _BYLINE.match(line)
    if not match or len(words(line)) > 16 or line.rstrip().endswith((".", "!", "?")):
        return None
    parts = [p.strip() for p in _NAME_SPLIT.split(match.group("names")) if p.strip()]
    if not parts or not all(_is_name(p) for p in parts):
        return None
    return [p for p in parts if not fold(p).startswith(_ROLE_PREFIXES)]


def split_people(names: list[str]) -> tuple[list[str], list[str]]:
    """Separate real authors from wire agencies and the outlet's own name."""
    authors: list[str] = []
    agencies: list[str] = []
    for name in names:
        key = fold(name)
        if key in phrases.WIRE_AGENCIES:
            agencies.append(phrases.WIRE_AGENCIES[key])
        elif key not in phrases.NOT_AUTHORS and name not in authors:
            authors.append(name)
    return authors, agencies


# --- dates ----------------------------------------------------------------

_MONTHS = {
    name: index
    for index, names in enumerate(
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
_MONTH = "(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_PREFIX = r"(?:(?:last\s+)?(?:updated|published|posted|edited)\s*:?\s*)?"
_TIME = r"(?:\s*(?:[-–—,|]|at)?\s*(?P<hour>\d{1,2}):(?P<minute>\d{2})\s*(?P<ampm>[ap]\.?\s?m\.?)?)?"
_DATE_LINE = (
    re.compile(rf"^{_PREFIX}{_MONTH}\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}}){_TIME}(?:\s+last edited.*)?$", re.I),
    re.compile(rf"^{_PREFIX}(?P<day>\d{{1,2}})\s+{_MONTH},?\s+(?P<year>\d{{4}}){_TIME}(?:\s+last edited.*)?$", re.I),
)


def date_of_line(line: str) -> date | datetime | None:
    """The date a dateline such as "Updated: April 25, 2020" states."""
    for pattern in _DATE_LINE:
        match = pattern.match(line.strip())
        if match:
            return _build_date(match)
    return None


def _build_date(match: re.Match[str]) -> date | datetime | None:
    try:
        day = date(int(match.group("year")), _MONTHS[match.group("month").lower()], int(match.group("day")))
    except ValueError:
        return None
    if match.group("hour") is None:
        return day
    hour, minute = int(match.group("hour")), int(match.group("minute"))
    ampm = (match.group("ampm") or "").lower().replace(".", "").replace(" ", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return day
    return datetime(day.year, day.month, day.day, hour, minute)


#: Relative or bare time notes of the byline ("2 hours ago", "Updated:",
#: "5 Min read"): furniture, never a date we can use.
_TIME_NOTE = re.compile(
    r"^(?:(?:last\s+)?updated:?|published:?|"
    r"(?:updated:?\s*)?(?:an?|\d{1,3})\s+(?:second|minute|hour|day|week|month|year)s?\s+ago|"
    r"just now|yesterday|\d{1,3}\s*min(?:ute)?s?\.?\s+read)$",
    re.IGNORECASE,
)


def is_time_note(line: str) -> bool:
    return bool(_TIME_NOTE.match(line.strip()))


#: The publication date in an article URL: /2020/04/25/slug-a70123.
URL_DATE = re.compile(r"/(?P<year>(?:19|20)\d{2})/(?P<month>\d{2})/(?P<day>\d{2})/")


def date_of_url(url: str | None) -> date | None:
    """The date an article URL carries, which is its publication date."""
    match = URL_DATE.search(url or "")
    if not match:
        return None
    try:
        return date(int(match.group("year")), int(match.group("month")), int(match.group("day")))
    except ValueError:
        return None


# --- attributions and datelines --------------------------------------------

_ATTRIBUTION = (
    re.compile(r"^(?:this (?:article|story) )?includes reporting (?:from|by) (?P<names>.+?)\.?$", re.I),
    re.compile(r"^(?:with )?(?:additional )?reporting (?:from|by) (?P<names>.+?)\.?$", re.I),
    re.compile(r"^(?P<names>.+?) contributed (?:reporting|to this (?:report|article|story))\.?$", re.I),
)
_AGENCY_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s*/\s*")


def attribution_names(line: str) -> list[str] | None:
    """Who "Includes reporting from AFP." or "Reuters contributed reporting." credits."""
    if len(words(line)) > 14:
        return None
    for pattern in _ATTRIBUTION:
        match = pattern.match(line.strip())
        if match:
            names = [n.strip(" .") for n in _AGENCY_SPLIT.split(match.group("names")) if n.strip(" .")]
            if names and all(n[0].isupper() and len(n.split()) <= 4 for n in names):
                return [phrases.WIRE_AGENCIES.get(fold(n), n) for n in names]
    return None


#: "MOSCOW —" or "ST. PETERSBURG -" opening a news paragraph.
DATELINE = re.compile(r"^[A-Z][A-Z.'’ ]{2,}(?:,\s*[A-Z][\w .'’-]+)?\s*[—–-]{1,2}\s+\S")


def opens_with_dateline(line: str) -> bool:
    return bool(DATELINE.match(line))
