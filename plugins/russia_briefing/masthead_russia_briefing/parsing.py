"""The line-level reading of a Russia Briefing page, shared by dumps and HTML.

A page reads, top to bottom: site chrome (menus, breadcrumbs), the headline,
maybe a dateline, the "Posted by" byline (older pages: an "Op/Ed by" line),
the article with its subheadings and credited captions, then the tail the
theme appends: the "About Us" publisher block, the "Related Reading" box and
the WordPress comments and comment form. Related-reading boxes also sit
inside the article. The functions here split a sequence of lines into those
parts; HTML pages are first turned into the same lines (see :mod:`.html`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from masthead import Comment, NotAnArticle, Related
from masthead.extract.boilerplate import KEPT_CHARS, KEPT_LINES, recall
from masthead.extract.bylines import date_line
from masthead.extract.comments import read_thread, section, thread_start
from masthead.extract.fields import Fields
from masthead.extract.listing import is_read_more, reject_blog_listing
from masthead.extract.shapes import title_case_ratio
from masthead.extract.text import fold

from . import boilerplate, byline

#: A headline is short; a longer first line is a paragraph, never a title.
_TITLE_MAX_WORDS = 30
#: A related item without its icon: a short headline-like line.
_RELATED_MAX_WORDS = 30
#: A menu item of the site chrome that no known menu word covers.
_MENU_MAX_WORDS = 3
#: What ends a sentence or clause, and what may close it after that.
_STOPS = tuple(".!?…:;,")
_CLOSERS = "'\"’”)]"
_TERMINAL = re.compile(r"[.!?…]['\"’”)\]]*$|[:;]$")


@dataclass
class Extract(Fields):
    """What the lines say; every field may be empty."""

    has_byline: bool = False
    tail_found: bool = False
    #: The index of the first line of the tail (the blurb, the comment area), once found.
    tail_at: int | None = None


def parse_lines(
    lines: Sequence[str],
    *,
    known_title: str | None = None,
    links: Collection[str] | None = None,
    folded: Sequence[str] | None = None,
    comments: bool = False,
) -> Extract:
    """Split ``lines`` into headline, byline, body and related titles.

    ``known_title`` is the headline when the page declares it elsewhere (HTML
    head metadata): then no line is guessed to be the title, lines equal to it
    are simply dropped. ``links`` are the folded texts of the page's links
    (HTML): a related item without its icon must be one of them, so that a
    subheading under the box stays in the body. Raises :class:`NotAnArticle`
    for listing pages and for pages with no line of article text.
    ``folded`` are ``lines`` folded (:attr:`masthead.Page.folded_lines`), when known.
    With ``comments`` (a dump), the reader comments are read too
    (:func:`dump_comments`), from the same answers about each line.
    """
    given = lines
    kept = [line for line in lines if line.strip()]
    if folded is None:
        folded = [fold(line) for line in kept]
    elif len(kept) != len(lines):  # blank lines dropped: their keys too
        folded = [key for line, key in zip(lines, folded, strict=True) if line.strip()]
    lines = kept
    page = _Kinds(lines, folded)
    bylines: set[str] = set()
    days: set[str] = set()
    footers: set[str] = set()
    blurbs: set[str] = set()
    for line, kind in zip(lines, page.kinds, strict=True):
        if kind & (BYLINE | DAY | FOOTER | ABOUT):
            if kind & BYLINE:
                bylines.add(line)
            if kind & DAY:
                days.add(line)
            if kind & FOOTER:
                footers.add(line)
            if kind & (BLURB | ABOUT):
                blurbs.add(line)
    # The answers depend on the line alone: a set of the page's lines that
    # have one answers every question about them in C. The listing test asks
    # for dates only above the first footer line, where no kind is pending.
    reject_blog_listing(
        lines,
        is_byline=bylines.__contains__,
        is_date=days.__contains__,
        ends_page=footers.__contains__,
        folded=folded,
        ends_article=blurbs.__contains__,
    )
    out = Extract()
    start = _read_header(page, out, known_title)
    title = known_title or out.title
    _read_body(page, start, out, title=title, links=links)
    if not out.body:
        raise NotAnArticle("no article paragraphs found (empty page or only site chrome)")
    if comments:
        # The thread's lines are the given lines': only without blank lines
        # are they the lines read here.
        out.comments = _thread(lines, page.kinds) if len(lines) == len(given) else dump_comments(given)
        if not out.comments:
            _take_unmarked_thread(out, lines[out.tail_at :] if out.tail_at is not None else ())
    _warn(out, known_title)
    return out


#: The theme's comment stamp: a date and a time of day, "at" between them or
#: not ("July 1, 2019 at 9:12 am", "1 July 2019 at 09:12", "July 1, 2019,
#: 9:12 am"). A timeline's bare dates are no comment stamps.
_THREAD_STAMP = re.compile(r"\b\d{4},?\s+(?:at\s+)?\d{1,2}[:.]\d{2}\b", re.IGNORECASE)
#: Such a stamp line is at most this long.
_STAMP_CHARS = 48
#: The link under each comment of a thread that takes replies: "Reply",
#: "Reply to NAME", "Log in to Reply" (when replying needs an account).
_REPLY_LINK = re.compile(r"(?:log in to |login to )?reply(?: to \S.{0,40})?(?: ↓)?", re.IGNORECASE)


def _take_unmarked_thread(out: Extract, tail: Sequence[str]) -> None:
    """Read a thread printed with no count heading (lost by the crawl, or
    left out by the theme): at the end of the body, moved from it to the
    comments; else in the ``tail`` (the lines from the blurb on), where the
    body never looks, up to the comment form. The toolkit's
    :func:`~masthead.extract.comments.thread_start` finds it, or nothing.
    The theme stamps every comment with a date and a time of day and puts a
    "Reply" link under it: a run without such stamps (a timeline's "NAME /
    March 3, 2022 / text") or without a "Reply" link (an events list) is no
    thread, and lines without such a stamp are not read for one. A thread
    whose replies are closed and that lost its heading is not told from an
    events list: it stays body."""
    found = _unmarked_thread(out.body, 1)
    if found is not None:
        start, out.comments = found
        del out.body[start:]
        return
    found = _unmarked_thread(tail, 0)
    if found is not None:
        out.comments = found[1]


def _unmarked_thread(lines: Sequence[str], first: int) -> tuple[int, list[Comment]] | None:
    """Where in ``lines`` (from ``first`` on) a stamped thread without heading
    starts, and its comments, up to the comment form; ``None`` for none."""
    if not any(len(line) <= _STAMP_CHARS and _THREAD_STAMP.search(line) for line in lines[first:]):
        return None
    found = thread_start(lines[first:])
    if found is None:
        return None
    start = first + found
    end = next((i for i in range(start, len(lines)) if boilerplate.THREAD_END.matches(lines[i])), len(lines))
    run = lines[start:end]
    if not any(len(line) <= _STAMP_CHARS and _THREAD_STAMP.search(line) for line in run):
        return None
    if not any(_REPLY_LINK.fullmatch(line) for line in run):  # an events list is stamped so too
        return None
    thread = read_thread(run)
    return (start, thread) if thread else None


#: The bits of :func:`kinds_of`: what the passes over a page's lines (the
#: listing test, the header, the body, the comment reader) ask of a line.
#: The blurb or a line of the comment area (:data:`boilerplate.FOOTER`).
FOOTER = 1
#: A footer line that is the publisher blurb (:data:`boilerplate.BLURB`).
BLURB = 1 << 1
#: The "About Us" block's heading (:data:`boilerplate.ABOUT`).
ABOUT = 1 << 2
#: Chrome that never belongs to the body (:data:`boilerplate.CHROME`).
CHROME = 1 << 3
#: A credited caption (:func:`boilerplate.is_caption`).
CAPTION = 1 << 4
#: A date line (:func:`masthead.extract.bylines.date_line`), and one without a time.
DATE = 1 << 5
DAY = 1 << 6
#: A line that may belong to a related-links box (:func:`may_relate`).
RELATES = 1 << 7
#: The theme's byline (:func:`.byline.is_byline`).
BYLINE = 1 << 8
#: The comment list's heading (:data:`boilerplate.COMMENT_COUNT`), and the
#: form under the list (:data:`boilerplate.THREAD_END`).
HEADING = 1 << 9
THREAD_END = 1 << 10
#: Not asked yet whether the line is chrome or a caption (neither bit is
#: set), or whether it is a date (neither date bit is): see :class:`_Kinds`.
LOOKS_PENDING = 1 << 11
DATE_PENDING = 1 << 12
PENDING = LOOKS_PENDING | DATE_PENDING

#: Short lines' kinds and dates, kept from page to page (menus, the blurb,
#: the comment form and the related boxes recur on every page): as
#: :class:`masthead.extract.boilerplate.KeptAnswers` keeps a question's answers.
_KEPT_KINDS: dict[str, tuple[int, str | None]] = {}


def kinds_of(line: str, key: str) -> tuple[int, str | None]:
    """What the passes ask of ``line`` (folded to ``key``), as the bits
    above, and its date (:func:`masthead.extract.bylines.date_line`).

    Each answer depends on the line alone, so one look-up per line and page
    answers every pass, instead of each pass asking the line's question
    (several of them the same) again. A page asks the dearest questions only
    of the lines that need them (:class:`_Kinds`).
    """
    kinds = _marks(line, key) | _looks(line, key)
    date, iso = _date(line)
    return kinds | date, iso


def _marks(line: str, key: str) -> int:
    """The bits of :func:`kinds_of` that every line is asked for: the cheap ones.

    The blurb is asked only of footer lines, the heading likewise (every
    line :data:`boilerplate.COMMENT_COUNT` takes is one
    :data:`boilerplate.FOOTER` takes: its pattern is one of the footer's).
    """
    kinds = 0
    if boilerplate.FOOTER.matches_folded(key):
        kinds = FOOTER
        if boilerplate.BLURB.matches_folded(key):
            kinds |= BLURB
        if _is_heading(key):
            kinds |= HEADING
    if boilerplate.ABOUT.matches_folded(key):
        kinds |= ABOUT
    if may_relate(key):
        kinds |= RELATES
    if key.startswith(_POSTED) and byline.is_byline(line):
        kinds |= BYLINE
    if boilerplate.THREAD_END.matches_folded(key):
        kinds |= THREAD_END
    return kinds


def _looks(line: str, key: str) -> int:
    """The chrome and caption bits of :func:`kinds_of`: asked only of lines
    that may be the article's, the dearest questions of all."""
    kinds = CHROME if boilerplate.CHROME.is_boilerplate_folded(key) else 0
    return kinds | CAPTION if boilerplate.is_caption(line) else kinds


def _date(line: str) -> tuple[int, str | None]:
    """The date bits of :func:`kinds_of`, and the date."""
    iso = date_line(line)
    if iso is None:
        return 0, None
    return (DATE if "T" in iso else DATE | DAY), iso


class _Kinds:
    """:func:`kinds_of` of each line of a page, short lines' kept from
    earlier pages (some of them pending: :data:`PENDING`), and the dates of
    its date lines.

    Every line is asked the cheap questions (:func:`_marks`). Whether a
    line is chrome or a caption is asked (:meth:`settled`) only when a pass
    needs it: the body asks it of the lines it may keep, not of the lines of
    a related-links box, nor below the article's end, where comments run.
    Dates are asked at once above the first footer line (the listing test
    counts the dates there), below it only when needed.
    """

    __slots__ = ("dates", "folded", "kinds", "lines")

    def __init__(self, lines: Sequence[str], folded: Sequence[str]) -> None:
        self.lines = lines
        self.folded = folded
        get = _KEPT_KINDS.get
        kinds: list[int] = []
        dates: dict[str, str] = {}
        below = False
        for line, key in zip(lines, folded, strict=True):
            found = get(line)
            if found is None:
                kind = _marks(line, key) | LOOKS_PENDING
                found = _kept(line, (kind | DATE_PENDING, None) if below else _dated(line, kind))
            elif found[0] & DATE_PENDING and not below:
                found = _kept(line, _dated(line, found[0] & ~DATE_PENDING))
            kind, iso = found
            kinds.append(kind)
            if iso is not None:
                dates[line] = iso
            if kind & FOOTER:
                below = True
        self.kinds = kinds
        self.dates = dates

    def date_of(self, index: int) -> Callable[[str], str | None]:
        """:func:`masthead.extract.bylines.date_line` for line ``index``
        (:func:`.byline.run_end` asks the lines' dates by their text)."""
        return lambda _line: self.dates.get(self.lines[index]) if self.settled(index) & DATE else None

    def settled(self, index: int) -> int:
        """The kinds of line ``index``, none pending."""
        kind = self.kinds[index]
        if kind & PENDING:
            line = self.lines[index]
            iso = self.dates.get(line)
            if kind & DATE_PENDING:
                kind, iso = _dated(line, kind & ~DATE_PENDING)
                if iso is not None:
                    self.dates[line] = iso
            if kind & LOOKS_PENDING:
                kind = kind & ~LOOKS_PENDING | _looks(line, self.folded[index])
            _kept(line, (kind, iso))
            self.kinds[index] = kind
        return kind


def _dated(line: str, kind: int) -> tuple[int, str | None]:
    """``kind`` with the date bits of ``line``, and its date."""
    date, iso = _date(line)
    return kind | date, iso


def _kept(line: str, found: tuple[int, str | None]) -> tuple[int, str | None]:
    """``found`` (:func:`kinds_of` of ``line``, maybe pending), kept when ``line`` is short."""
    if len(line) <= KEPT_CHARS:
        if len(_KEPT_KINDS) >= KEPT_LINES:
            _KEPT_KINDS.clear()
        _KEPT_KINDS[line] = found
    return found


#: A word of every heading :data:`boilerplate.COMMENT_COUNT` takes, as folded.
_THREAD_WORDS = ("comment", "respons", "thought", "replies")


#: What the folded line of every byline starts with: a byline's pattern
#: (:func:`.byline.is_byline`) takes the word in any case, where the long
#: "s", which folding makes an "s", is the only other letter it takes, so
#: :func:`kinds_of` asks only such lines.
_POSTED = "posted"


def dump_comments(
    lines: Sequence[str], *, folded_text: str | None = None, folded: Sequence[str] | None = None
) -> list[Comment]:
    """Reader comments of a dump: the WordPress list under its count heading, flattened.

    Under the article the theme prints "N Responses to “Title”" or "N
    thoughts on “Title”", then each comment as its author, a time stamp, the
    text and a "Reply" link, then the "Leave a Reply" form. Dumps lose the
    nesting, so replies come out with no ``parent``; ``[]`` without a heading.
    ``folded_text`` is the page's folded text (:attr:`masthead.Page.folded_text`),
    when known: without a word of the heading in it, no line is read for one.
    ``folded`` are ``lines`` folded (:attr:`masthead.Page.folded_lines`), when
    known: the heading (:func:`_is_heading`) and the form under the thread
    are then looked for among them, no line folded again
    (:func:`masthead.extract.comments.section` with the rules of the folded lines).
    :func:`parse_lines` with ``comments`` reads the same from its answers about the lines.
    """
    if folded_text is not None and not any(word in folded_text for word in _THREAD_WORDS):
        return []
    if folded is None:
        region = section(lines, opens=boilerplate.COMMENT_COUNT.matches, closes=boilerplate.THREAD_END.matches)
    else:
        start = next((index for index, key in enumerate(folded) if _is_heading(key)), None)
        if start is None:
            return []
        closes = boilerplate.THREAD_END.matches_folded
        end = next((index for index in range(start + 1, len(folded)) if closes(folded[index])), len(folded))
        region = lines[start + 1 : end]
    return read_thread(region, chrome_seen=True) if region else []


def _thread(lines: Sequence[str], kinds: Sequence[int]) -> list[Comment]:
    """:func:`dump_comments` of ``lines``, whose :func:`kinds_of` are ``kinds``:
    the lines between the first heading and the form under it."""
    start = next((index for index, kind in enumerate(kinds) if kind & HEADING), None)
    if start is None:
        return []
    end = next((index for index in range(start + 1, len(kinds)) if kinds[index] & THREAD_END), len(kinds))
    region = lines[start + 1 : end]
    return read_thread(region, chrome_seen=True) if region else []


#: What the folded line of every comment heading starts with (see :func:`_is_heading`).
_COUNT_WORDS = ("one ", "no ")


def _is_heading(key: str) -> bool:
    """Whether :data:`boilerplate.COMMENT_COUNT` takes the line folded to ``key``.

    Its pattern takes a folded line that starts with a number ("\\d",
    any decimal digit, as :meth:`str.isdecimal` tells) or with "one" or
    "no", then a space: only such lines are asked.
    """
    return (key[:1].isdecimal() or key.startswith(_COUNT_WORDS)) and boilerplate.COMMENT_COUNT.matches_folded(key)


# Every page of the site repeats its menus, breadcrumbs, "Related Reading"
# headlines and bylines: the header's and the boxes' answers are kept
# across pages (:func:`masthead.extract.boilerplate.recall`), as
# :data:`_KEPT_KINDS` keeps the rest.
_KEPT_BANNERS: dict[str, bool] = {}
_KEPT_BOXES: dict[str, tuple[str | None, bool]] = {}
_KEPT_CONTINUATIONS: dict[str, bool] = {}
_KEPT_NAME_LINES: dict[str, bool] = {}


def _banner(line: str) -> bool:
    """:func:`boilerplate.is_banner`, kept for short lines."""
    return recall(_KEPT_BANNERS, line, boilerplate.is_banner)


def _read_header(page: _Kinds, out: Extract, known_title: str | None) -> int:
    """Find title, byline and author lines; return the index where the body starts.

    ``page`` holds the lines and their :func:`kinds_of`.
    """
    lines = page.lines
    at = next((i for i, kind in enumerate(page.kinds) if kind & BYLINE), None)
    if at is not None:
        out.has_byline = True
        out.title = _title_before(page, at, out)
        end = at + 1
        while end < len(lines) and _continues_byline(lines, at, end):
            end += 1
        _take_byline(lines[at:end], out)
        return _take_author_lines(lines, end, out)
    index = _skip_chrome(page, known_title, len(lines))
    if known_title is None and index < len(lines) and _looks_like_title(page, index):
        out.title = lines[index]
        index += 1
    end = index
    while end < len(lines) and byline.is_continuation(lines[end], date_of=page.date_of(end)):
        end += 1
    _take_byline(lines[index:end], out)
    return _take_author_lines(lines, end, out)


def _continues_byline(lines: Sequence[str], at: int, index: int) -> bool:
    """Whether ``lines[index]`` belongs to the byline ``lines[at:index]``.

    Labels and dates always do. A line of bare names only while the byline
    names nobody yet, and only when it cannot be a short subheading opening
    the article: a date or label follows it, it lists several people ("A
    and B"), or it names the firm or its chairman. The answers of
    :func:`.byline.is_continuation` and :func:`.byline.is_name_line` are kept.
    """
    line = lines[index]
    if recall(_KEPT_CONTINUATIONS, line, byline.is_continuation):
        return True
    if not recall(_KEPT_NAME_LINES, line, byline.is_name_line) or byline.parse(list(lines[at:index])).authors:
        return False
    following = lines[index + 1] if index + 1 < len(lines) else ""
    return (
        recall(_KEPT_CONTINUATIONS, following, byline.is_continuation)
        or len(byline.split_names(line)) > 1
        or any(name in fold(line) for name in byline.HOUSE_AUTHORS)
    )


def _skip_chrome(page: _Kinds, known_title: str | None, stop: int) -> int:
    """The index of the first line after the site chrome at the top, at most ``stop``.

    Known menu items and breadcrumbs are chrome; so is a short item the menu
    lists next to them ("Events Calendar" after "About Us"). A headline of
    three words or fewer right under a menu is lost with it: the title then
    stays unknown rather than wrong. ``page`` holds the lines and their :func:`kinds_of`.
    """
    lines = page.lines
    index = 0
    in_menu = False
    while index < stop:
        line = lines[index]
        if _banner(line):
            in_menu = True
        elif _same(line, known_title):
            in_menu = False  # no menu under the headline: a short line there is the article's
        elif not (in_menu and _is_menu_item(line) and not page.settled(index) & CAPTION):
            break
        index += 1
    return index


def _is_menu_item(line: str) -> bool:
    """A short line not ending like a clause (the caller asks whether it is a caption)."""
    return 0 < len(line.split()) <= _MENU_MAX_WORDS and not _ends_clause(line)


def _ends_clause(line: str) -> bool:
    """Whether ``line`` ends with a stop (:data:`_STOPS`) and nothing after
    it but closers (:data:`_CLOSERS`), or a last line feed: what a search
    for a stop, closers and the end (``$``) finds. Not that expression:
    with characters outside Latin-1 in its classes, compiling it costs
    about 4 M instructions at import."""
    if line.endswith("\n"):
        line = line[:-1]
    return line.rstrip(_CLOSERS).endswith(_STOPS)


def _take_author_lines(lines: Sequence[str], index: int, out: Extract) -> int:
    """Author lines of older pages above the first paragraph ("Op/Ed by X")."""
    while index < len(lines) and (names := byline.author_line(lines[index])):
        out.add_authors(names)
        out.has_byline = True
        index += 1
    return index


#: Lines between headline and byline passed over (a print or share button,
#: a consent banner, an editor's note) to reach a headline, at most.
_TITLE_GAP = 4
#: Headlines are in title case: below this share of capitalised words, a
#: line that ends with a full stop is a sentence ("Editor's note: this
#: article was updated."), not a headline ending "St." or "Inc.".
_SENTENCE_CASE = 0.6
#: A note the editors put above an article: never its headline ("Update:"
#: and "Correction:" may open a headline, and are asked as lines).
_NOTE = re.compile(r"(?:editor'?s'? note|note)\s*:", re.IGNORECASE)


def _unlike_headline(line: str, words: int) -> bool:
    """Two words or fewer, or a sentence in sentence case closed by its stop
    (a question is a headline's)."""
    if words < 3:
        return True
    closed = _ends_clause(line) and not line.rstrip("'\"’”").endswith("?")
    return closed and title_case_ratio(line) < _SENTENCE_CASE


def _title_before(page: _Kinds, at: int, out: Extract) -> str | None:
    """The headline: the nearest line above the byline that is no chrome nor
    an editor's note, or, when that line is unlike a headline (:func:`_unlike_headline`),
    the nearest headline-shaped one above it within :data:`_TITLE_GAP`
    lines (a print button, a banner or a note between them); without one,
    that nearest line of two words or more after all.

    A dateline between headline and byline is the publication date. A
    related box's line, or one too long for a headline, ends the search.
    """
    passed = 0
    nearest: str | None = None
    for index in range(at - 1, _skip_chrome(page, None, at) - 1, -1):
        line = page.lines[index]
        kind = page.settled(index)
        if kind & DATE:
            out.take_date(page.dates[line])
            continue
        if boilerplate.is_reading_time(line) or _banner(line):
            continue
        if boilerplate.has_artifact(line) or boilerplate.RELATED.matches(line):
            break
        words = len(line.split())
        if words > _TITLE_MAX_WORDS * 2:
            break
        # boilerplate.is_boilerplate, its chrome families' answer known
        if not kind & CHROME and not is_read_more(line) and not _NOTE.match(line.replace("’", "'")):
            if not _unlike_headline(line, words):
                return line
            if nearest is None and words >= 2:
                nearest = line
        passed += 1
        if passed > _TITLE_GAP:
            break
    return nearest


def _looks_like_title(page: _Kinds, index: int) -> bool:
    """Whether a page without byline starts with its headline.

    Conservative on purpose: a headline is short, has no closing punctuation
    and is followed by something. A first paragraph is never promoted.
    """
    line = page.lines[index]
    words = line.split()
    if index + 1 >= len(page.lines) or not 3 <= len(words) <= _TITLE_MAX_WORDS:
        return False
    if (
        page.settled(index) & (CHROME | CAPTION | DATE)
        or boilerplate.has_artifact(line)
        or boilerplate.RELATED.matches(line)
    ):
        return False
    return not (_ends_clause(line) and not line.rstrip("'\"’”").endswith("?"))


def _take_byline(lines: Sequence[str], out: Extract) -> None:
    found = byline.parse(list(lines))
    out.authors = list(found.authors)
    out.published = found.published or out.published


def _read_body(page: _Kinds, start: int, out: Extract, *, title: str | None, links: Collection[str] | None) -> None:
    """Body paragraphs, credited captions and related titles from line ``start`` on; the tail ends the body.

    ``page`` holds the lines, folded, and their :func:`kinds_of`. Once
    :func:`boilerplate.related_line` said no, a line has neither the icon
    nor the box heading, so only the chrome families (:data:`CHROME`) are
    left of :func:`boilerplate.is_boilerplate`. A line's pending kinds are
    settled only where a rule asks them: not below the tail's start.
    """
    lines, folded, kinds = page.lines, page.folded, page.kinds
    in_related = False
    related_icons = False
    title_key = None if title is None else fold(title)
    last = len(lines) - 1
    for index in range(start, len(lines)):
        kind = kinds[index]
        # _starts_tail, from the kinds of the line and of the next one
        if not out.tail_found and kind & (FOOTER | ABOUT) and _starts_tail(kinds, index, has_body=bool(out.body)):
            out.tail_found = True
            out.tail_at = index
        line = lines[index]
        if index == last and folded[index] in boilerplate.CUT_OPENINGS:  # boilerplate.is_cut_opening
            out.tail_found = True
            continue
        box, icon = recall(_KEPT_BOXES, line, boilerplate.box_line) if kind & RELATES else _NO_BOX
        if box is not None:
            # The heading's icon says nothing about the items': only theirs counts.
            related_icons = bool(box) and (related_icons or icon)
            in_related = True
            if box:
                out.related.append(Related(box))
            continue
        if in_related:
            if kind & PENDING and not related_icons:  # the item rule asks for chrome
                kind = page.settled(index)
            if _is_related_item(line, folded[index], icons=related_icons, links=links, chrome=bool(kind & CHROME)):
                out.related.append(Related(line))
                continue
        in_related = False
        if out.tail_found:
            continue
        if kind & PENDING:
            kind = page.settled(index)
        if kind & (BYLINE | CHROME) or folded[index] == title_key:
            continue
        if not out.body and kind & DATE:
            out.take_date(page.dates[line])  # the page's date; further down, a date line is a timeline's heading
            continue
        (out.captions if kind & CAPTION else out.body).append(line)


#: What :func:`boilerplate.box_line` answers for a line that is no part of a box.
_NO_BOX: tuple[None, bool] = (None, False)
#: Every folded line :func:`boilerplate.related_line` takes starts with a box
#: heading's first word, or holds the icon's name (which its pattern finds
#: only with "related", then "-" or "_", then "read", in any case, where
#: none of these letters is taken for another: see :func:`may_relate`).
_RELATED_STARTS = ("related", "further")
_ICON_PIECES = ("ted-read", "ted_read")


def may_relate(key: str) -> bool:
    """Whether the line folded to ``key`` may be a line of a related-links
    box (:func:`boilerplate.related_line`): a line it takes starts with a
    heading ("Related Reading", "Further reading") or holds the icon's
    file name, whose pieces folding keeps."""
    return key.startswith(_RELATED_STARTS) or _ICON_PIECES[0] in key or _ICON_PIECES[1] in key


def _starts_tail(kinds: Sequence[int], index: int, *, has_body: bool) -> bool:
    """The first line of what the theme appends after the article
    (``kinds`` are the lines' :func:`kinds_of`).

    The publisher blurb always is. "About Us" and the comment area only once
    the article has begun, or right before the blurb: the site menu above the
    headline has an "About Us" item too.
    """
    kind = kinds[index]
    if kind & BLURB:
        return True
    # Not the blurb: then a footer line is one of the comment area.
    if not kind & (FOOTER | ABOUT):
        return False
    return has_body or index + 1 == len(kinds) or bool(kinds[index + 1] & BLURB)


def _is_related_item(line: str, key: str, *, icons: bool, links: Collection[str] | None, chrome: bool) -> bool:
    """A related headline printed without its icon (``key`` is ``line`` folded).

    A box whose items carry the icon ends at the first line without one; a
    box without icons takes the headline-like lines that follow it: short,
    not ending like a sentence (a question mark is fine). In or after the
    article alike: comments under the box are sentences. On an HTML page,
    an item is a link. ``chrome`` is whether :func:`boilerplate.is_boilerplate`
    takes a line that is no part of a box heading (see :func:`_read_body`).
    """
    if icons or chrome or boilerplate.FORM_FIELDS.matches_folded(key):
        return False
    if links is not None and key not in links:
        return False
    words = len(line.split())
    if not 0 < words <= _RELATED_MAX_WORDS:
        return False
    return line.rstrip("'\"’”) ").endswith("?") or not _TERMINAL.search(line.rstrip())


def _same(line: str, other: str | None) -> bool:
    return other is not None and fold(line) == fold(other)


def _warn(out: Extract, known_title: str | None) -> None:
    if out.title is None and known_title is None:
        out.warnings.append("title_missing: no headline found above the body")
    if not out.has_byline:
        out.warnings.append("byline_missing: no 'Posted by' line found")
    if out.body and not out.tail_found and not _TERMINAL.search(out.body[-1]):
        out.warnings.append("body_truncated: the last paragraph ends mid-sentence and no page footer follows")
