"""Turn the date strings pages carry into ISO 8601, or ``None``.

Pages give dates as ISO 8601 (with or without ``Z``), RFC 2822 or loose
``YYYY-MM-DD HH:MM`` forms. Anything unparseable is unknown, not guessed.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

_ISO_LIKE = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$"
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
    text = value.strip()
    if not text:
        return None
    match = _ISO_LIKE.match(text)
    if match:
        return _from_iso_match(match)
    try:
        parsed = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed.isoformat()


def _from_iso_match(match: re.Match[str]) -> str | None:
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
            tz = timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
        micro = int((fraction or "0")[:6].ljust(6, "0"))
        moment = datetime(int(year), int(month), int(day), int(hour), int(minute), int(second or 0), micro, tz)
    except ValueError:
        return None
    return moment.isoformat()
