"""Text helpers every source plugin needs to survive real pages.

Page dumps arrive with CRLF line endings, non-breaking spaces, curly or
straight quotes and stray blank lines. Plugins keep the article's own
characters in their output but compare against boilerplate through
:func:`fold`, so one rule matches every spelling of the same phrase.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u2026": "...",
    }
)


def normalize(text: str) -> str:
    """Return ``text`` with unified line endings and spaces, characters kept.

    CRLF and CR become LF, every kind of horizontal space becomes one ASCII
    space, invisible and control characters go, and each line is stripped.
    Quotes and dashes are left as the page has them.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", text)
    text = _CONTROL.sub("", text)
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))


def lines(text: str) -> tuple[str, ...]:
    """The non-blank lines of ``text`` after :func:`normalize`."""
    return tuple(line for line in normalize(text).split("\n") if line)


def collapse(text: str) -> str:
    """Collapse all whitespace, newlines included, to single spaces."""
    return " ".join(normalize(text).split())


@functools.lru_cache(maxsize=16384)
def fold(text: str) -> str:
    """A comparison key: case, quote style, dashes, width and spacing folded.

    ``fold("Support The Moscow Times!")`` equals
    ``fold("SUPPORT  the moscow times!")``; use it to recognise boilerplate,
    never as output. Cached: every source folds the same lines of a page
    while scoring it, and boilerplate lines recur across pages.
    """
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return " ".join(text.casefold().split())


def starts_with_any(text: str, prefixes: Iterable[str]) -> bool:
    """Whether the folded ``text`` starts with any folded prefix."""
    key = fold(text)
    return any(key.startswith(fold(p)) for p in prefixes)
