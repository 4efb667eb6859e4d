"""What one line of a Moscow Times page is: headline, caption, byline, date...

Page dumps carry no markup, so the parser tells a headline from a paragraph
and a photo caption from running text by the outlet's typography: headlines
are Title Case without a closing full stop, captions end with a photo credit
("Kremlin.ru", "Sergei Karpukhin / TASS") and no punctuation, bylines start
with "By". Each predicate here is small, pure and works on one line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from contextlib import AbstractContextManager
from contextvars import ContextVar

from masthead.extract import bylines, captions, shapes
from masthead.extract.boilerplate import KeptAnswers, LineAnswers
from masthead.extract.text import fold
from masthead.extract.urls import date_in_url
from masthead_moscow_times import phrases

#: Characters a finished paragraph ends with.
_TERMINAL = tuple(".!?…\"”’')]:;")


#: Longest line start that matching against boilerplate ever needs.
KEY_CHARS = 600


class PageAnswers:
    """What the rules found out about the lines of the page being read (and,
    for short lines, of the pages read before:
    :class:`~masthead.extract.boilerplate.KeptAnswers`)."""

    __slots__ = ("bylines", "captions", "dates", "headlines", "keys", "kinds")

    def __init__(self) -> None:
        self.keys = LineAnswers(_key)  # short lines' keys are kept by fold's own cache
        #: What the parser's passes ask of each line, as bits
        #: (:func:`masthead_moscow_times.parsing.kinds_of`), made at their first question.
        self.kinds: KeptAnswers[int] | None = None
        self.captions = KeptAnswers(_is_caption, _KEPT_CAPTIONS)
        self.headlines = KeptAnswers(_is_headline, _KEPT_HEADLINES)
        self.dates = KeptAnswers(bylines.date_line, _KEPT_DATES)
        self.bylines = KeptAnswers(bylines.byline_names, _KEPT_BYLINES)


# Every page of the outlet repeats its credit lines ("Moskva News Agency"),
# menus, the appeal's and the newsletter's lines and the headlines of its
# "Read more" boxes: their answers are kept across pages.
_KEPT_CAPTIONS: dict[str, bool] = {}
_KEPT_HEADLINES: dict[str, bool] = {}
_KEPT_DATES: dict[str, str | None] = {}
_KEPT_BYLINES: dict[str, tuple[str, ...] | None] = {}


#: The memo of the page being read (:func:`page_memo`), or ``None``.
_PAGE: ContextVar[PageAnswers | None] = ContextVar("moscow_times_page", default=None)


def key_of(line: str) -> str:
    """The folded comparison key of a line's start.

    Every boilerplate phrase is far shorter than this, so folding a 10 MB
    line whole would only cost time.
    """
    memo = _PAGE.get()
    return _key(line) if memo is None else memo.keys[line]


def _key(line: str) -> str:
    return fold(line if len(line) <= KEY_CHARS else line[:KEY_CHARS])


def page_answers() -> PageAnswers:
    """The answers kept for the page being read (:func:`page_memo`), or,
    outside one, a new memo kept for as long as the caller holds it.

    For a loop over a page's lines: ``page_answers().keys.__getitem__``,
    taken once, gives :func:`key_of` of each line without looking up the
    page being read for every line.
    """
    memo = _PAGE.get()
    return PageAnswers() if memo is None else memo


def remember_keys(lines: Iterable[str], keys: Iterable[str]) -> None:
    """Take ``keys`` as :func:`key_of` of ``lines``, one for one, for the
    page being read (:func:`page_memo`): lines folded already, each no
    longer than :data:`KEY_CHARS`."""
    memo = _PAGE.get()
    if memo is not None:
        memo.keys.update(zip(lines, keys, strict=True))


def key_is_start(line: str) -> bool:
    """Whether :func:`key_of` is sure to be the start of ``fold(line)``.

    True for a line :func:`key_of` folds whole, and for a longer one cut
    before an ASCII character: no character before an ASCII one changes
    with what follows (Unicode normalization combines only later
    non-ASCII marks, case folding and spacing go character by character,
    a word cut short is the start of the word).
    """
    return len(line) <= KEY_CHARS or line[KEY_CHARS].isascii()


def key_is_cut(line: str) -> bool:
    """Whether :func:`key_of` folds only the start of ``line``."""
    return len(line) > KEY_CHARS


def page_memo() -> AbstractContextManager[None]:
    """Keep what :func:`key_of`, :func:`is_headline`, :func:`is_caption`,
    :func:`date_of_line` and :func:`byline_names` find until the block ends.

    The rules ask these of the same lines many times over (a headline test
    asks whether the line is a caption, the standfirst test reads every
    later line for a date), and :func:`masthead.extract.text.fold` keeps
    short strings only. Held for one page's reading, the answers go with it,
    but for short lines' (:class:`~masthead.extract.boilerplate.KeptAnswers`).
    """
    return _PageReading()


class _PageReading:
    """The block of :func:`page_memo`: a class of its own, as entering a
    generator-based context manager costs more than some pages' reading rules."""

    __slots__ = ("_token",)

    def __enter__(self) -> None:
        self._token = _PAGE.set(PageAnswers())

    def __exit__(self, *exc_info: object) -> None:
        _PAGE.reset(self._token)


def ends_sentence(line: str) -> bool:
    """Whether ``line`` ends like a finished sentence or quotation."""
    return line.rstrip().endswith(_TERMINAL)


def is_paragraph(line: str) -> bool:
    """A line of running text: long enough and ends like a sentence."""
    return len(line.split(None, 11)) >= 12 and ends_sentence(line)  # words counted up to the twelfth


def is_headline(line: str) -> bool:
    """Whether ``line`` is set like a headline (:func:`masthead.extract.shapes.is_headline`);
    a photo credit ("Moskva News Agency") is Title Case too but no headline."""
    memo = _PAGE.get()
    return _is_headline(line) if memo is None else memo.headlines[line]


def _is_headline(line: str) -> bool:
    return shapes.is_headline(line) and not is_caption(line)


# --- photo captions -------------------------------------------------------

#: Credits distinctive enough to end a caption whatever precedes them.
_STRONG_CREDITS = (
    *("Kremlin.ru", "Kremlin Press Service", "Mos.ru", "Government.ru", "Moskva News Agency", "Moskva Agency"),
    *("Pixabay", "Unsplash", "Pexels", "Wikimedia Commons", "Wikicommons", "Flickr", "Shutterstock"),
    *("Depositphotos", "pxhere.com", "PxHere", "Vostock Photo", "Interpress", "RIA Novosti", "Social media"),
    *("Press Service", "Public domain", "Creative Commons", "Getty Images", "AP Photo", "EPA-EFE"),
)
#: Credits that are also ordinary words or short names: they mark a caption
#: only alone on a line or right after a finished sentence.
_WEAK_CREDITS = (
    *("TASS", "Reuters", "AP", "AFP", "EPA", "MT", "X", "VK", "Pool", "Handout", "Telegram", "Facebook"),
    *("Instagram", "Twitter", "YouTube", "Sputnik", "Kommersant", "Vedomosti", "Meduza", "Mediazona"),
    *("Novaya Gazeta", "EFE", "Anadolu", "Screenshot", "The Moscow Times", "Moscow Times"),
)
#: The last word of an institutional credit ("Russian Defense Ministry").
_SOURCE_WORDS = ("ministry", "service", "office", "pool", "agency", "handout", "archive", "archives", "efe")
#: No caption is longer than this.
_CAPTION_CHARS = 600
_CREDIT_CHARS = 160


def credit_of(line: str) -> str | None:
    """The photo credit that ends ``line``, if it ends with one (:func:`masthead.extract.captions.credit_of`)."""
    return captions.credit_of(line, agencies=_WEAK_CREDITS, strong=_STRONG_CREDITS, source_words=_SOURCE_WORDS)


def is_caption(line: str) -> bool:
    """A photo caption with its credit, or a bare credit, on one line.

    Captions end with the credit and no punctuation, while paragraphs end
    with a full stop or a quote; that keeps body text out of captions even
    when a paragraph mentions TASS or Reuters.
    """
    memo = _PAGE.get()
    return _is_caption(line) if memo is None else memo.captions[line]


def _is_caption(line: str) -> bool:
    if len(line) > _CAPTION_CHARS or ends_sentence(line):
        return False
    return len(line.split(None, 70)) <= 70 and credit_of(line) is not None


def is_bare_credit(line: str) -> bool:
    """A photo credit alone on its line ("Pixabay", "Sergei Kiselev / Moskva News Agency")."""
    stripped = line.strip()
    return len(stripped) <= _CREDIT_CHARS and credit_of(stripped) == stripped


# --- bylines --------------------------------------------------------------

_ROLE_WORDS = 6


def byline_names(line: str) -> list[str] | None:
    """The names of a "By A, B and C" byline (:func:`masthead.extract.bylines.byline_names`),
    roles ("Staff Writer") left out, or ``None`` if it is none."""
    if not line.startswith("By "):
        return None
    memo = _PAGE.get()
    # Asked of a byline by the headline, standfirst and head rules alike.
    names = bylines.byline_names(line) if memo is None else memo.bylines[line]
    return None if names is None else [n for n in names if not fold(n).startswith(phrases.ROLE_PREFIXES)]


def byline_role(line: str) -> list[str] | None:
    """What the line under a byline says of its author, if it is such a line.

    The pre-2017 site printed the author's role under the name ("By Oleg
    Petrov" / "Staff Writer", "Special to The Moscow Times") or the wire
    agency the story came from ("Reuters"). Roles give ``[]``, an agency
    gives its name, any other line ``None``.
    """
    if len(line.split(None, _ROLE_WORDS)) > _ROLE_WORDS:
        return None
    key = key_of(line).rstrip(".")
    if key in phrases.WIRE_AGENCIES:
        return [phrases.WIRE_AGENCIES[key]]
    if key.startswith(phrases.ROLE_PREFIXES) or key in phrases.NOT_AUTHORS:
        return []
    return None


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


#: The date in an article URL.
date_of_url = date_in_url


def date_of_line(line: str) -> str | None:
    """The date (ISO 8601) a date line such as "Updated: April 25, 2020"
    states (:func:`masthead.extract.bylines.date_line`; a paragraph that
    mentions one is no date line)."""
    memo = _PAGE.get()
    return bylines.date_line(line) if memo is None else memo.dates[line]


#: ". Last Updated: 07/27/2016": the old site's build stamp, the same on every page.
_BUILD_STAMP = re.compile(r"^\.?\s*last updated:?\s*\d{1,2}/\d{1,2}/\d{4}$", re.IGNORECASE)


def is_time_note(line: str) -> bool:
    """A time note of the byline (:func:`masthead.extract.bylines.is_time_note`) or the build stamp."""
    # The build stamp's date holds slashes: most lines are ruled out without the search.
    return bylines.is_time_note(line) or ("/" in line and bool(_BUILD_STAMP.match(line.strip())))


# --- attributions and datelines --------------------------------------------


def attribution_names(line: str) -> list[str] | None:
    """Who "Includes reporting from AFP." credits (:func:`masthead.extract.bylines.reporting_credits`),
    agencies under their usual names."""
    names = bylines.reporting_credits(line)
    return None if names is None else [phrases.WIRE_AGENCIES.get(fold(n), n) for n in names]
