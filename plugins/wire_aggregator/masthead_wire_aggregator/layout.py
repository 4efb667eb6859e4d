"""How EconoTimes dumps are laid out: evidence for detection beyond words.

A dump of the site carries almost none of its boilerplate. What it does
carry is a layout:

* the current site's header, saved as ``Menu`` / ``Search`` / ``| Politics``
  (the section crumb, repeated for the mobile menu) before the title;
* the story's paragraphs on consecutive lines, then a gap of blank lines,
  then the ticker of unrelated headlines — the ticker sits further from the
  text than the paragraphs sit from each other — whose last line keeps a
  trailing space ("... West Bank Violence ", "... 21st March, 2022 ").
"""

from __future__ import annotations

from collections.abc import Sequence

from masthead.extract.text import fold, normalize
from masthead_wire_aggregator import shapes
from masthead_wire_aggregator import vocabulary as voc

#: The site header is at the very top of a dump.
_HEADER_LINES = 12
_MENU = fold("Menu")
_SEARCH = fold("Search")


def site_header(lines: Sequence[str]) -> bool:
    """Whether the dump opens with the site's header: Menu, Search and a ``| Section`` crumb.

    "Featured Post", the sidebar label of index pages, counts as the crumb.
    """
    top = [fold(line) for line in lines[:_HEADER_LINES]]
    crumb = any((key.startswith("|") and shapes.is_menu(key)) or key in voc.SIDEBAR_LABELS for key in top)
    return crumb and _MENU in top and _SEARCH in top


def _gaps(source_text: str) -> list[tuple[str, int]]:
    """Each non-blank normalized line with the number of blank lines before it."""
    found: list[tuple[str, int]] = []
    blanks = 0
    for line in normalize(source_text).split("\n"):
        if line:
            found.append((line, blanks))
            blanks = 0
        else:
            blanks += 1
    return found


def ticker_set_apart(source_text: str, body: Sequence[str], ticker: Sequence[str]) -> bool:
    """Whether blank lines set the ticker further apart than the paragraphs are.

    ``body`` and ``ticker`` are what :func:`~masthead_wire_aggregator.extract.extract`
    found in the same dump; they are located again in its raw lines.
    """
    if len(ticker) < 2 or not body:
        return False
    wanted = {*body, ticker[0]}
    gaps: dict[str, int] = {}
    for line, blanks in _gaps(source_text):
        if line in wanted:
            gaps[line] = blanks  # the last occurrence: the ticker follows the body
    if ticker[0] not in gaps:
        return False
    between = max((gaps.get(line, 0) for line in body[1:]), default=0)
    return gaps[ticker[0]] > between


def ticker_ends_in_space(source_text: str, ticker: Sequence[str]) -> bool:
    """Whether the dump's last non-blank line is the ticker's, with a trailing space."""
    if not ticker:
        return False
    raw = source_text.replace("\r", "").rstrip("\n").rsplit("\n", 1)[-1]
    return raw != raw.rstrip() and raw.strip() == ticker[-1]
