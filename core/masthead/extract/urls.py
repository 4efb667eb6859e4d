"""Links found in pages: resolved without failing, checked before output.

Pages carry malformed links (``href="http://[bad-host/x"``) that make
:func:`urllib.parse.urljoin` raise. One bad link must cost that link, not the
article: :func:`join_url` never raises, and the core drops a related link
that :func:`url_problem` finds unusable with a warning on the article.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from masthead.extract.dates import parse_date


def url_problem(url: str) -> str | None:
    """Why ``url`` cannot be used as a link (bad IPv6 host, port out of
    range, control characters), or ``None`` when it can."""
    if any(ord(char) < 0x20 or ord(char) == 0x7F for char in url):
        return "control character in URL"
    try:
        urlsplit(url).port  # noqa: B018 - parsing the port is the check
    except ValueError as exc:
        return str(exc) or "malformed URL"
    return None


def join_url(base: str | None, href: str) -> str:
    """``href`` made absolute against ``base`` when both are sound; a link
    that cannot be resolved is returned as written, for the core to judge."""
    if not base:
        return href
    try:
        return urljoin(base, href)
    except ValueError:
        return href


#: A date as a path of an article address: /2020/04/25/slug-a70123.
_URL_DATE = re.compile(r"/(?P<year>(?:19|20)\d{2})/(?P<month>\d{2})/(?P<day>\d{2})/")


def date_in_url(url: str | None) -> str | None:
    """The date (ISO 8601) an article address carries as ``/YYYY/MM/DD/``.

    Sites that put it there put the publication date, so it is a fallback
    for a page that prints none; ``None`` when there is none or it is no
    real day (``/2020/13/45/``).
    """
    match = _URL_DATE.search(url or "")
    return parse_date("-".join(match.groups())) if match else None
