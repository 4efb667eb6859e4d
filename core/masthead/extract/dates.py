"""Turn the date strings pages carry into ISO 8601, or ``None``.

Pages give dates as ISO 8601 (with or without ``Z``), RFC 2822, loose
``YYYY-MM-DD HH:MM`` forms and written-out forms ("July 1, 2019 4:15 pm").
Anything unparseable is unknown, not guessed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, timedelta, timezone, tzinfo
from email.utils import parsedate_to_datetime

import attrs

_RFC_2822 = re.compile(r"^(?:[A-Za-z]{3},\s+)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{2}:\d{2}")
#: "YYYY-MM-DDTHH:MM:SS": an ISO string written back unchanged is this long at least.
_ISO_SECONDS_CHARS = 19
_ISO_LIKE = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$"
)


def to_iso8601(value: object) -> str | None:
    """Normalise ``value`` (str, datetime or date) to an ISO 8601 string.

    Returns ``None`` for ``None``, blanks and strings that are not a date in a
    known form. Time zones are kept as given; naive times stay naive.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str):
        return None
    return parse_date(value)


def _from_rfc_2822(text: str) -> str | None:
    try:
        return parsedate_to_datetime(text).isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def _from_iso_match(match: re.Match[str]) -> str | None:
    text = match.group()
    if len(text) >= _ISO_SECONDS_CHARS:
        # Most ISO strings (a record's own timestamps, checked on every
        # record) are already what this returns: a string that
        # ``datetime.fromisoformat`` reads and writes back unchanged holds
        # the fields the groups below hold, so the answer is the string
        # itself, got by two C calls instead of a dozen Python ones.
        try:
            if datetime.fromisoformat(text).isoformat() == text:
                return text
        except ValueError:
            pass
    return _iso_of_fields(match)


def _iso_of_fields(match: re.Match[str]) -> str | None:
    """:func:`_from_iso_match` reading each field of ``match`` and checking it."""
    year, month, day, hour, minute, second, fraction, zone = match.groups()
    try:
        if hour is None:
            return date(int(year), int(month), int(day)).isoformat()
        tz = None
        if zone == "Z":
            tz = timezone.utc
        elif zone:
            sign = 1 if zone[0] == "+" else -1
            digits = zone[1:].replace(":", "")
            tz = timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:] or 0)))
        micro = int((fraction or "0")[:6].ljust(6, "0"))
        moment = datetime(int(year), int(month), int(day), int(hour), int(minute), int(second or 0), micro, tz)
    except ValueError:
        return None
    return moment.isoformat()


_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
#: Zone abbreviations read after a time, as fixed UTC offsets in hours. Only
#: these: "CST" is taken as US Central (not China), and a zone not listed
#: (or "ET", which is EST or EDT by season) is left off, the time naive.
_ZONES = {
    **{"utc": 0, "gmt": 0, "est": -5, "edt": -4, "cst": -6, "cdt": -5},
    **{"mst": -7, "mdt": -6, "pst": -8, "pdt": -7, "cet": 1, "cest": 2, "msk": 3},
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\b"
_YEAR = r"(?P<year>(?:19|20)\d{2})\b"
_TIME = (
    r"(?:,?\s+(?:(?:at|[|\u2013-])\s+)?(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?"
    r"\s*(?P<ampm>[ap]\.?m\b\.?)?(?:\s*(?P<zone>" + "|".join(sorted(_ZONES, key=len, reverse=True)) + r")\b)?)?"
)
#: Every form starts at a word boundary ("Josep 12" holds no "Sep 12").
_WEEKDAY = r"\b(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
#: All-digit dates are not read out of longer runs of digits and dots
#: ("version 2023.10.4.1", "1.07.04.2025").
_NOT_AFTER_NUMBER = r"(?<![\d.\-/])"
_NOT_BEFORE_NUMBER = r"(?![.\-/]\d)"
#: The day of an all-digit year-first date: "2024-03-03T10:00" still holds one.
_NUM_DAY = r"(?P<day>\d{1,2})(?:(?=T\d)|\b)"
_NUM_DAY_2 = r"(?P<day>\d{2})(?:(?=T\d)|\b)"
_HUMAN_FORMS = (
    re.compile(_WEEKDAY + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + _TIME, re.IGNORECASE),
    re.compile(_WEEKDAY + _DAY + r"\s+" + _MONTH + r",?\s+" + _YEAR + _TIME, re.IGNORECASE),
    # Year first: one separator throughout; with dots only two-digit month
    # and day ("2023.10.04"), as "2023.10.4" is a version number.
    re.compile(
        _WEEKDAY
        + _NOT_AFTER_NUMBER
        + _YEAR
        + r"(?P<sep>[-/])(?P<mnum>\d{1,2})(?P=sep)"
        + _NUM_DAY
        + _NOT_BEFORE_NUMBER
        + _TIME,
        re.IGNORECASE,
    ),
    re.compile(
        _WEEKDAY + _NOT_AFTER_NUMBER + _YEAR + r"\.(?P<mnum>\d{2})\." + _NUM_DAY_2 + _NOT_BEFORE_NUMBER + _TIME,
        re.IGNORECASE,
    ),
)
#: "07.04.2025" is 7 April: day first, as Europe and Russia write it. Slashes
#: are left alone: "04/07/2025" means 7 April or 4 July depending on the site.
_DOTTED = re.compile(
    _WEEKDAY
    + _NOT_AFTER_NUMBER
    + r"(?P<day>\d{1,2})\.(?P<mnum>\d{1,2})\.(?P<year>(?:19|20)\d{2})\b"
    + _NOT_BEFORE_NUMBER
    + _TIME,
    re.IGNORECASE,
)


#: What every form of :func:`find_date` contains (see ``_YEAR``).
_ANY_YEAR = re.compile(r"(?:19|20)\d{2}")


@attrs.define(frozen=True)
class DateMatch:
    """A date found in a longer text: its ISO 8601 form and where it stood."""

    iso: str
    start: int
    end: int


def find_date(text: str) -> DateMatch | None:
    """The first written-out date in ``text`` ("July 1, 2019", "1 July 2019
    3:12 pm", "Wednesday, May 4, 2016 1:12 PM UTC", "2019-07-01",
    "07.04.2025"), as ISO 8601 with the time when one is given. A zone
    after the time is kept if it is UTC, GMT or one of the fixed-offset
    abbreviations of :data:`_ZONES` ("10:30 a.m. EST" is -05:00); a date
    is found only at word boundaries ("Josep 12, 2021" holds none).

    For bylines and datelines of text dumps; impossible dates are skipped.
    """
    if not _ANY_YEAR.search(text):  # every form holds a year: most lines are done here
        return None
    found = []
    for form in _forms_in(text):
        for match in form.finditer(text):
            iso = _from_human(match)
            if iso is not None:
                found.append(DateMatch(iso, match.start(), match.end()))
                break
    return min(found, key=lambda m: (m.start, -m.end)) if found else None


#: A month name where a date form may hold one: at a word boundary (after
#: the optional weekday, or after the day, a space precedes it), any case.
_ANY_MONTH = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.IGNORECASE)


def _forms_in(text: str) -> tuple[re.Pattern[str], ...]:
    """The forms of :func:`find_date` that may match ``text``, in their order.

    A form is left out only when ``text`` lacks what it cannot match
    without: a month name, a dash or slash, a dot. Searching ``text`` once
    per form costs more than these checks, and most lines holding a year
    (a sentence about 2024) hold no date.
    """
    named = _HUMAN_FORMS[:2] if _ANY_MONTH.search(text) else ()
    dashed = _HUMAN_FORMS[2:3] if "-" in text or "/" in text else ()
    dotted = (_HUMAN_FORMS[3], _DOTTED) if "." in text else ()
    return (*named, *dashed, *dotted)


def _whole_date(text: str) -> str | None:
    """ISO 8601 when :func:`find_date` finds a date filling all of ``text``, else ``None``.

    The same answer as ``find_date(text)`` with ``start == 0 and end ==
    len(text)``, for a fraction of its cost on a long line: such a date is
    the match of a form at the very start of ``text`` (anchored, so a
    paragraph fails at once), and the first form whose match there is valid
    and reaches the end is the one :func:`find_date` would pick, as no
    match starts earlier or ends later.
    """
    for form in _whole_forms(text):
        match = form.match(text)
        if match is not None and match.end() == len(text):
            iso = _from_human(match)
            if iso is not None:
                return iso
    return None


#: Every form of :func:`find_date`, in its order.
_ALL_FORMS = (*_HUMAN_FORMS, _DOTTED)
#: The forms that may start with a digit (no weekday, no month name first),
#: and which of them need a dash or slash, or a dot.
_DIGIT_FORMS = _ALL_FORMS[1:]
_DASHED_FORM, _DOTTED_FORMS = _HUMAN_FORMS[2], (_HUMAN_FORMS[3], _DOTTED)
#: How a date that starts with a letter starts: a weekday or a month name
#: (every name in :data:`_MONTHS` starts with one of these).
_NAME_HEADS = frozenset(("mon", "tue", "wed", "thu", "fri", "sat", "sun", *(n[:3] for n in _MONTHS)))


def _whole_forms(text: str) -> tuple[re.Pattern[str], ...]:
    """The forms that may match at the start of ``text``, in their order.

    Each form starts at a word boundary with a weekday, a month name or a
    digit: an ASCII start that is none of them (most lines: a word) rules
    out every form, a digit the month-first one. Other starts are left to
    the forms (case-blind matching takes "ſ" for "s", ``\\d`` any script's
    digits).
    """
    head = text[:3]
    if not head.isascii():
        return _ALL_FORMS
    if head[:1].isdigit():
        if "-" in text or "/" in text or "." in text:
            return _DIGIT_FORMS
        return _DIGIT_FORMS[:1]
    if head.lower() in _NAME_HEADS:
        return _ALL_FORMS
    return ()


def parse_date(text: str | None) -> str | None:
    """ISO 8601 for ``text`` if it is a date and nothing else (ISO forms
    included), else ``None``: unknown, never guessed."""
    if not text or not text.strip():
        return None
    return _parse_stripped(text.strip())


def _parse_stripped(stripped: str, *, not_whole: str | None = None) -> str | None:
    """:func:`parse_date` of a stripped, non-blank ``stripped``.

    ``not_whole`` is a text :func:`_whole_date` already found no date in:
    a caller that asked it first is spared asking again.
    """
    iso_match = _ISO_LIKE.match(stripped)
    if iso_match:
        return _from_iso_match(iso_match)
    bare = stripped.strip(".,|")
    whole = None if bare == not_whole else _whole_date(bare)
    if whole is not None:
        return whole
    # RFC 2822 last: its parser also accepts "May 21, 2019 4:15 pm" and drops the "pm".
    return _from_rfc_2822(stripped) if _RFC_2822.match(stripped) else None


def _from_human(match: re.Match[str]) -> str | None:
    parts = match.groupdict()
    # Case-blind matching lets a name through in letters no table spells
    # ("ſep" for "sep", "ıun" for "iun"): casefolded, or else no date.
    month = _MONTHS.get(parts["month"].casefold()) if parts.get("month") else int(parts["mnum"])
    zone = parts.get("zone")
    offset = _ZONES.get(zone.casefold()) if zone else 0
    if month is None or offset is None:
        return None
    try:
        day = date(int(parts["year"]), month, int(parts["day"]))
        if parts.get("hour") is None:
            return day.isoformat()
        hour = int(parts["hour"])
        ampm = (parts.get("ampm") or "").replace(".", "").lower()
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        tz = timezone(timedelta(hours=offset)) if zone else None
        moment = datetime(day.year, day.month, day.day, hour, int(parts["minute"]), int(parts["second"] or 0), 0, tz)
    except ValueError:
        return None
    return moment.isoformat()


#: A time of day written in a date string: "14:30", "9.15am", "9 pm", "9h15".
_HAS_TIME = re.compile(r"\d{1,2}\s*[:.h]\s*\d{2}(?!\d)|\d{1,2}\s*[ap]\.?m\b", re.IGNORECASE)
#: Two capture dates far apart: a string read the same against both is absolute.
_PROBE_BASES = (datetime(2001, 2, 3, 4, 5, 6), datetime(2002, 3, 4, 5, 6, 7))


@attrs.define(frozen=True)
class Published:
    """A publication date as a record states it: ``iso`` is ``YYYY-MM-DD`` or
    an ISO 8601 timestamp with a UTC offset (``None`` if unknown), and
    ``warnings`` say what was dropped or assumed on the way."""

    iso: str | None
    warnings: tuple[str, ...] = ()


def normalise_published(
    value: object,
    *,
    zone: tzinfo | None = None,
    captured: datetime | None = None,
    languages: Sequence[str] = ("en",),
) -> Published:
    """``value`` (a ``datetime``, ``date`` or string) as a date or an
    offset-aware timestamp: the form a data user can load.

    Strings are read by :func:`parse_date` first, then, for what it does not
    know (dates in other languages, "09:15 BST", "9.15am", "2 days ago"), by
    dateparser. A date relative to the present ("2 days ago", or a time with
    no date) is resolved against ``captured``, the moment the page was
    fetched, and left unknown without one. A time without an offset is read
    in ``zone``, the outlet's own; with no zone known the date alone is kept
    and a warning says so. A relative date never gets a time of day: "2 days
    ago" names a day, not a minute. ``languages`` (ISO 639-1) are the ones
    month names and words are read in: the article's language and English.
    Naming them keeps dateparser fast; left free it tries every language it
    knows, seconds for a string that is no date.
    """
    if value is None:
        return Published(None)
    if isinstance(value, datetime):
        return _with_zone(value, zone, repr(value.isoformat()))
    if isinstance(value, date):
        return Published(value.isoformat())
    if not isinstance(value, str) or not value.strip():
        return Published(None, (f"published_unparsed: {value!r}",))
    iso = parse_date(value)
    if iso is not None:
        moment = datetime.fromisoformat(iso) if "T" in iso else None
        return _with_zone(moment, zone, repr(value)) if moment else Published(iso)
    return _with_dateparser(value, zone, captured, list(dict.fromkeys(languages)) or ["en"])


def _with_zone(moment: datetime, zone: tzinfo | None, shown: str) -> Published:
    if moment.tzinfo is not None and moment.utcoffset() is not None:
        return Published(moment.isoformat())
    if zone is not None:
        return Published(moment.replace(tzinfo=zone).isoformat())
    return Published(moment.date().isoformat(), (f"published_zone_unknown: {shown} has no UTC offset; date kept",))


def _dateparser(text: str, base: datetime, languages: list[str]) -> datetime | None:
    import dateparser

    moment: datetime | None
    try:
        moment = dateparser.parse(text, languages=languages, settings={"RELATIVE_BASE": base})
    except ValueError:  # a language dateparser does not know
        moment = dateparser.parse(text, languages=["en"], settings={"RELATIVE_BASE": base})
    return moment


def _with_dateparser(text: str, zone: tzinfo | None, captured: datetime | None, languages: list[str]) -> Published:
    first, second = (_dateparser(text, base, languages) for base in _PROBE_BASES)
    if first is None or second is None:
        return Published(None, (f"published_unparsed: {text!r}",))
    if first == second:
        return _with_zone(first, zone, repr(text)) if _HAS_TIME.search(text) else Published(first.date().isoformat())
    if captured is None:
        return Published(None, (f"published_relative: {text!r} needs the capture date, which is unknown",))
    if captured.tzinfo is not None:
        captured = captured.astimezone(zone or timezone.utc).replace(tzinfo=None)
    moment = _dateparser(text, captured, languages)
    if moment is None:  # pragma: no cover - parsed against both probes above
        return Published(None, (f"published_unparsed: {text!r}",))
    if _HAS_TIME.search(text):
        return _with_zone(moment, zone, repr(text))
    return Published(moment.date().isoformat())


_ENDS_WITH_ZONE = re.compile(r"(?:Z|[+-]\d{2}:?\d{2})$")
#: A line longer than this holds more than a date (and is not searched).
_WRITTEN_DATE_CHARS = 160


def written_date(line: str, *, zone: str | None = None) -> str | None:
    """ISO 8601 when ``line`` is a written-out date and nothing else, else ``None``.

    The date (:func:`find_date`) must fill the line, stray ``.,|`` around
    it aside: no lead word is dropped, so "Published on May 4, 2016" is
    ``None``. For an outlet that prints its times in one zone without
    saying so, a time without a zone takes ``zone`` (``"+00:00"``); a date
    without a time stays a plain date rather than an invented midnight.
    """
    text = line.strip().strip(".,|")
    if len(text) > _WRITTEN_DATE_CHARS:
        return None
    iso = _whole_date(text)
    if iso is None:
        return None
    if zone is not None and "T" in iso and not _ENDS_WITH_ZONE.search(iso):
        return iso + zone
    return iso
