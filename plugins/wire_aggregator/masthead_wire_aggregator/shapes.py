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

from masthead.extract import captions
from masthead.extract import shapes as toolkit_shapes
from masthead.extract.boilerplate import Phrases
from masthead.extract.bylines import byline_names
from masthead.extract.dates import written_date
from masthead.extract.shapes import paragraph_shaped as paragraph_shaped  # the outlet's paragraphs
from masthead.extract.text import fold
from masthead_wire_aggregator import vocabulary as voc

#: Words title case leaves in lower case; they neither count for nor against.
_SMALL_WORDS = frozenset(
    {
        *("a", "an", "the", "and", "but", "or", "nor", "for", "of", "to", "in", "on", "at", "by", "as", "up"),
        *("via", "vs", "vs.", "v.", "with", "from", "into", "onto", "off", "out", "per", "than", "so", "yet"),
        *("de", "del", "la", "le", "da", "di", "van", "von"),
    }
)
#: Lines longer than this are never a menu entry, widget label or stop label;
#: prefix checks look at no more than this many characters. Keeps the line
#: rules linear on hostile input (a 10 MB line is folded once, if at all).
LABEL_CHARS = 160
_PREFIX_CHARS = 240
_CAPTION_CHARS = 400
_CAPTION_WORDS = 40

#: A caption ending in a short credit: "Xi and Putin in Moscow. Photo: Kremlin.ru",
#: "Trump Engages Putin ... War. Source: President.gov.ua, CC BY 4.0, via Wikimedia Commons".
_TRAILING_CREDIT = re.compile(
    r"(?:^|[.!?)]\s+|\s[|/-]\s+)(?:photo|image|picture|source|credit)(?:\s+credits?)?"
    r"(?:\s*:|\s+by\b|\s+courtesy(?:\s+of)?\b)\s*\S+(?:\s+\S+){0,10}$",
    re.IGNORECASE,
)
#: Bullets, pipes and arrows around a menu or widget label ("  |   Politics", "• Market Data").
_LABEL_DECORATION = " :>»|•·*▪►-"
_BYLINE = re.compile(r"^by\s+(?P<names>.+?)\s*$", re.IGNORECASE)
_ET_AL = re.compile(r"\s+et\.?\s+al\.?$", re.IGNORECASE)


def _label(line: str) -> str:
    """The folded label of a menu, widget or furniture line, decoration stripped."""
    return fold(line).strip(_LABEL_DECORATION)


def _holds(phrases: Phrases, label: str) -> bool:
    """``phrases.matches(label)`` for a :func:`_label`, not folded again when ASCII.

    An ASCII label is folded text already (lower case, single spaces, none
    at its ends) and folds to itself; folding it again would be a search of
    the folding cache, or a second folding of a long line's start.
    """
    return phrases.matches_folded(label if label.isascii() else fold(label))


def title_case_ratio(line: str, *, skip_last: bool = False) -> float:
    """:func:`masthead.extract.shapes.title_case_ratio` with the outlet's small words."""
    return toolkit_shapes.title_case_ratio(line, small_words=_SMALL_WORDS, skip_last=skip_last)


#: The share of capitalised words a ticker headline needs.
TICKER_RATIO = 0.8


def ticker_headline(line: str, *, may_be_cut: bool = False) -> bool:
    """A headline of the trailing ticker: headline-shaped and in title case
    (:data:`TICKER_RATIO` of its words capitalised, :func:`title_case_ratio`).

    ``may_be_cut`` relaxes the check for the dump's very last line, which
    may stop mid-word ("Israeli Forces Kill Pal").
    """
    return toolkit_shapes.title_case_headline(line, small_words=_SMALL_WORDS, may_be_cut=may_be_cut, ratio=TICKER_RATIO)


def is_menu(line: str) -> bool:
    return len(line) <= LABEL_CHARS and _holds(voc.MENU, _label(line))


def is_widget(line: str) -> bool:
    return len(line) <= LABEL_CHARS and _holds(voc.WIDGET, _label(line))


#: Every start of a :data:`vocabulary.CUT_SHORT_FURNITURE` text with the
#: words it needs: a line is such furniture cut short when its label is one,
#: found by one set lookup instead of a comparison with every text.
_CUT_SHORT_STARTS = frozenset(
    start
    for text, least in voc.CUT_SHORT_FURNITURE
    for start in (text[:end] for end in range(len(text) + 1))
    if len(start.split()) >= least
)


def is_stop(line: str) -> bool:
    """Whether the line opens the furniture after the article."""
    return _stop_label(_label(line[:_PREFIX_CHARS]), len(line))


def _stop_label(key: str, length: int) -> bool:
    """:func:`is_stop` of a line ``length`` characters long whose start's label is ``key``."""
    if _holds(voc.STOP, key):
        return True
    # the disclaimer or the sign-up box cut short at the end of a dump
    return length <= _PREFIX_CHARS and key in _CUT_SHORT_STARTS


#: :func:`label_facts`' answers, one bit each.
STOP_LABEL, MENU_LABEL, WIDGET_LABEL = 1, 2, 4


def label_facts(line: str) -> int:
    """:func:`is_stop`, :func:`is_menu` and :func:`is_widget` of ``line``, as
    :data:`STOP_LABEL` | :data:`MENU_LABEL` | :data:`WIDGET_LABEL`.

    The three questions read the same label: a line of up to
    :data:`LABEL_CHARS` characters is its own start (``line[:n]`` of a
    shorter line is the line), so its label is worked out once, not three
    times; a longer line is asked about its start only (it is never a menu
    entry or widget label).
    """
    length = len(line)
    key = _label(line[:_PREFIX_CHARS])
    found = STOP_LABEL if _stop_label(key, length) else 0
    if length <= LABEL_CHARS:
        found |= (MENU_LABEL if _holds(voc.MENU, key) else 0) | (WIDGET_LABEL if _holds(voc.WIDGET, key) else 0)
    if key.startswith(voc.COOKIE_OPENINGS):  # a consent banner's sentence, whatever its length
        found |= WIDGET_LABEL
    return found


def is_caption(line: str) -> bool:
    """A photo caption or credit line (never a paragraph of the story):
    :func:`masthead.extract.captions.is_caption` or a "Source:" credit."""
    if len(line) > _CAPTION_CHARS:
        return False
    # Words are counted last: most lines are no caption either way, and are
    # then done without being split.
    if captions.is_caption(line) or (_may_name_credit(line) and _TRAILING_CREDIT.search(line)):
        return len(line.split(maxsplit=_CAPTION_WORDS)) <= _CAPTION_WORDS
    return False


def _may_name_credit(line: str) -> bool:
    """Whether the lower-cased line holds a piece of one of the words
    :data:`_TRAILING_CREDIT` wants (photo, image, picture, source, credit),
    as every line it matches does.

    The case-blind expression tries every position of a line; ``in`` finds
    a piece at C speed. No piece holds an "i" or "s": the expression also
    takes "ı", "İ" and "ſ" for them, which lower-case to no ASCII letter.
    """
    lowered = line.lower()
    return "photo" in lowered or "mage" in lowered or "ctur" in lowered or "ource" in lowered or "cred" in lowered


def parse_dateline(line: str) -> str | None:
    """EconoTimes' article date as ISO 8601, e.g. ``Wednesday, May 4, 2016 1:12 PM UTC``.

    The line must be a date and nothing else. The site prints its times in
    UTC ("All times are UTC" says its header), so a time without a zone is UTC.
    """
    return written_date(line, zone="+00:00")


def parse_byline(line: str) -> tuple[str, ...] | None:
    """Author names from ``By Jane Doe and John Roe`` (``Et Al`` dropped)."""
    if not _BYLINE.match(line.strip()):
        return None
    names = byline_names(_ET_AL.sub("", line.strip().rstrip(" .")))
    return None if names is None else tuple(p for p in names if fold(p) not in voc.NOT_AUTHORS)
