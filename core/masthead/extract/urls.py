"""Links found in pages: resolved without failing, checked before output.

Pages carry malformed links (``href="http://[bad-host/x"``) that make
:func:`urllib.parse.urljoin` raise. One bad link must cost that link, not the
article: :func:`join_url` never raises, and the core drops a related link
that :func:`url_problem` finds unusable with a warning on the article.
"""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit


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
