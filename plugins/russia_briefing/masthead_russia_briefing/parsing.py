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

import functools
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from masthead import Comment, NotAnArticle, Related
from masthead.extract.boilerplate import KeptAnswers
from masthead.extract.bylines import date_line
from masthead.extract.comments import read_thread, section
from masthead.extract.fields import Fields
from masthead.extract.listing import reject_blog_listing
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
#: :func:`masthead.extract.bylines.date_line`, or its answers kept for a page.
_DateOf = Callable[[str], str | None]


@dataclass
class Extract(Fields):
    """What the lines say; every field may be empty."""

    has_byline: bool = False
    tail_found: bool = False


def parse_lines(
    lines: Sequence[str],
    *,
    known_title: str | None = None,
    links: Collection[str] | None = None,
    folded: Sequence[str] | None = None,
) -> Extract:
    """Split ``lines`` into headline, byline, body and related titles.

    ``known_title`` is the headline when the page declares it elsewhere (HTML
    head metadata): then no line is guessed to be the title, lines equal to it
    are simply dropped. ``links`` are the folded texts of the page's links
    (HTML): a related item without its icon must be one of them, so that a
    subheading under the box stays in the body. Raises :class:`NotAnArticle`
    for listing pages and for pages with no line of article text.
    ``folded`` are ``lines`` folded (:attr:`masthead.Page.folded_lines`), when known.
    """
    kept = [line for line in lines if line.strip()]
    if folded is None:
        folded = [fold(line) for line in kept]
    elif len(kept) != len(lines):  # blank lines dropped: their keys too
        folded = [key for line, key in zip(lines, folded, strict=True) if line.strip()]
    lines = kept
    asked = _Asked()
    bylines = _bylines(lines, folded)
    reject_blog_listing(
        lines, is_byline=bylines.__contains__, is_date=asked.is_day, ends_page=asked.is_footer, folded=folded
    )
    out = Extract()
    start = _read_header(lines, out, known_title, asked, bylines)
    title = known_title or out.title
    _read_body(lines[start:], folded[start:], out, title=title, links=links, asked=asked, bylines=bylines)
    if not out.body:
        raise NotAnArticle("no article paragraphs found (empty page or only site chrome)")
    _warn(out, known_title)
    return out


#: A word of every heading :data:`boilerplate.COMMENT_COUNT` takes, as folded.
_THREAD_WORDS = ("comment", "respons", "thought", "replies")


#: What the folded line of every byline starts with (see :func:`_bylines`).
_POSTED = "posted"


def _bylines(lines: Sequence[str], folded: Sequence[str]) -> frozenset[str]:
    """The lines of ``lines`` that are bylines (:func:`.byline.is_byline`),
    which the listing test, the header and the body all ask about.

    ``folded`` are the lines folded: a byline's folded line starts with
    "posted" (its pattern takes the word in any case, where the long "s",
    which folding makes an "s", is the only other letter it takes), so
    only such lines are read.
    """
    return frozenset(
        line for line, key in zip(lines, folded, strict=True) if key.startswith(_POSTED) and byline.is_byline(line)
    )


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
# headlines and comment form: their answers are kept across pages.
_KEPT_FOOTER: dict[str, bool] = {}
_KEPT_BLURB: dict[str, bool] = {}
_KEPT_CHROME: dict[str, bool] = {}
_KEPT_DATES: dict[str, str | None] = {}
_KEPT_CAPTIONS: dict[str, bool] = {}
_KEPT_BANNERS: dict[str, bool] = {}
_KEPT_BOXES: dict[str, tuple[str | None, bool]] = {}
_KEPT_CONTINUATIONS: dict[str, bool] = {}
_KEPT_NAME_LINES: dict[str, bool] = {}


class _Asked:
    """The phrase families several rules ask about the same line, answered
    once per line of one page (a page's paragraphs are too long for
    :func:`masthead.extract.text.fold`'s cache, so every answer folds
    anew), and for short lines once across pages (:class:`~masthead.extract.boilerplate.KeptAnswers`)."""

    def __init__(self) -> None:
        #: The blurb or the comment area (:data:`boilerplate.FOOTER`): asked
        #: first, as most lines are neither, and the blurb only of those.
        self.is_footer: Callable[[str], bool] = KeptAnswers(boilerplate.FOOTER.matches, _KEPT_FOOTER).__getitem__
        #: Of a footer line: the blurb (see :meth:`blurb`).
        self.footer_blurb: Callable[[str], bool] = KeptAnswers(boilerplate.BLURB.matches, _KEPT_BLURB).__getitem__
        self.chrome: Callable[[str], bool] = KeptAnswers(boilerplate.CHROME.is_boilerplate, _KEPT_CHROME).__getitem__
        #: The header's and the body's rules read the date lines the listing test read.
        self.date_line: Callable[[str], str | None] = KeptAnswers(date_line, _KEPT_DATES).__getitem__
        self.caption: Callable[[str], bool] = KeptAnswers(boilerplate.is_caption, _KEPT_CAPTIONS).__getitem__
        #: The menu lines at the top: every page of the site repeats them,
        #: and the header asks them twice (:func:`_skip_chrome`, :func:`_title_before`).
        self.banner: Callable[[str], bool] = KeptAnswers(boilerplate.is_banner, _KEPT_BANNERS).__getitem__
        #: The related-reading boxes: their headings and headlines recur on many pages.
        self.box: Callable[[str], tuple[str | None, bool]] = KeptAnswers(boilerplate.box_line, _KEPT_BOXES).__getitem__
        #: The lines under a byline: an author's posts repeat them.
        continuation = functools.partial(byline.is_continuation, date_of=self.date_line)
        self.continuation: Callable[[str], bool] = KeptAnswers(continuation, _KEPT_CONTINUATIONS).__getitem__
        self.name_line: Callable[[str], bool] = KeptAnswers(byline.is_name_line, _KEPT_NAME_LINES).__getitem__

    def is_day(self, line: str) -> bool:
        """A date without a time: a teaser's or a headline's, not a comment's."""
        iso = self.date_line(line)
        return iso is not None and "T" not in iso

    def blurb(self, line: str) -> bool:
        return self.is_footer(line) and self.footer_blurb(line)


def _read_header(
    lines: Sequence[str], out: Extract, known_title: str | None, asked: _Asked, bylines: Collection[str]
) -> int:
    """Find title, byline and author lines; return the index where the body starts.

    ``bylines`` are the page's byline lines (:func:`_bylines`).
    """
    date_of = asked.date_line
    at = next((i for i, line in enumerate(lines) if line in bylines), None) if bylines else None
    if at is not None:
        out.has_byline = True
        out.title = _title_before(lines, at, out, asked)
        end = at + 1
        while end < len(lines) and _continues_byline(lines, at, end, asked):
            end += 1
        _take_byline(lines[at:end], out)
        return _take_author_lines(lines, end, out)
    index = _skip_chrome(lines, known_title, asked)
    if known_title is None and index < len(lines) and _looks_like_title(lines, index, date_of):
        out.title = lines[index]
        index += 1
    end = byline.run_end(lines, index, date_of=date_of)
    _take_byline(lines[index:end], out)
    return _take_author_lines(lines, end, out)


def _continues_byline(lines: Sequence[str], at: int, index: int, asked: _Asked) -> bool:
    """Whether ``lines[index]`` belongs to the byline ``lines[at:index]``.

    Labels and dates always do. A line of bare names only while the byline
    names nobody yet, and only when it cannot be a short subheading opening
    the article: a date or label follows it, it lists several people ("A
    and B"), or it names the firm or its chairman. ``asked`` keeps the
    answers of :func:`.byline.is_continuation` and :func:`.byline.is_name_line`.
    """
    line = lines[index]
    if asked.continuation(line):
        return True
    if not asked.name_line(line) or byline.parse(list(lines[at:index])).authors:
        return False
    following = lines[index + 1] if index + 1 < len(lines) else ""
    return (
        asked.continuation(following)
        or len(byline.split_names(line)) > 1
        or any(name in fold(line) for name in byline.HOUSE_AUTHORS)
    )


def _skip_chrome(lines: Sequence[str], known_title: str | None, asked: _Asked) -> int:
    """The index of the first line after the site chrome at the top.

    Known menu items and breadcrumbs are chrome; so is a short item the menu
    lists next to them ("Events Calendar" after "About Us"). A headline of
    three words or fewer right under a menu is lost with it: the title then
    stays unknown rather than wrong. ``asked`` keeps the answers of the
    banner and caption rules.
    """
    index = 0
    in_menu = False
    banner = asked.banner
    while index < len(lines):
        line = lines[index]
        if banner(line):
            in_menu = True
        elif _same(line, known_title):
            in_menu = False  # no menu under the headline: a short line there is the article's
        elif not (in_menu and _is_menu_item(line, asked.caption)):
            break
        index += 1
    return index


def _is_menu_item(line: str, caption: Callable[[str], bool]) -> bool:
    """``caption`` is :func:`boilerplate.is_caption` (or its answers kept)."""
    return 0 < len(line.split()) <= _MENU_MAX_WORDS and not _ends_clause(line) and not caption(line)


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


def _title_before(lines: Sequence[str], at: int, out: Extract, asked: _Asked) -> str | None:
    """The headline: the nearest line above the byline that is no chrome.

    A dateline between headline and byline is the publication date.
    """
    for index in range(at - 1, _skip_chrome(lines[:at], None, asked) - 1, -1):
        line = lines[index]
        dateline = asked.date_line(line)
        if dateline is not None:
            out.take_date(dateline)
            continue
        if boilerplate.is_reading_time(line) or asked.banner(line):
            continue
        # boilerplate.is_boilerplate, its chrome families' answers kept
        if boilerplate.has_artifact(line) or boilerplate.RELATED.matches(line) or asked.chrome(line):
            return None
        if len(line.split()) > _TITLE_MAX_WORDS * 2:
            return None
        return line
    return None


def _looks_like_title(lines: Sequence[str], index: int, date_of: _DateOf) -> bool:
    """Whether a page without byline starts with its headline.

    Conservative on purpose: a headline is short, has no closing punctuation
    and is followed by something. A first paragraph is never promoted.
    """
    line = lines[index]
    words = line.split()
    if index + 1 >= len(lines) or not 3 <= len(words) <= _TITLE_MAX_WORDS:
        return False
    if boilerplate.is_boilerplate(line) or boilerplate.is_caption(line) or date_of(line) is not None:
        return False
    return not (_ends_clause(line) and not line.rstrip("'\"’”").endswith("?"))


def _take_byline(lines: Sequence[str], out: Extract) -> None:
    found = byline.parse(list(lines))
    out.authors = list(found.authors)
    out.published = found.published or out.published


def _read_body(
    lines: Sequence[str],
    folded: Sequence[str],
    out: Extract,
    *,
    title: str | None,
    links: Collection[str] | None,
    asked: _Asked,
    bylines: Collection[str],
) -> None:
    """Body paragraphs, credited captions and related titles; the tail ends the body.

    ``folded`` are ``lines`` folded, ``bylines`` the page's byline lines
    (:func:`_bylines`). Once :func:`boilerplate.related_line` said no, a
    line has neither the icon nor the box heading, so only the chrome
    families (``asked.chrome``) are left of :func:`boilerplate.is_boilerplate`.
    """
    in_related = False
    related_icons = False
    title_key = None if title is None else fold(title)
    last = len(lines) - 1
    for index, (line, key) in enumerate(zip(lines, folded, strict=True)):
        if not out.tail_found and _starts_tail(lines, index, key, has_body=bool(out.body), asked=asked):
            out.tail_found = True
        if index == last and boilerplate.is_cut_opening(line):
            out.tail_found = True
            continue
        box, icon = asked.box(line) if may_relate(key) else _NO_BOX
        if box is not None:
            # The heading's icon says nothing about the items': only theirs counts.
            related_icons = bool(box) and (related_icons or icon)
            in_related = True
            if box:
                out.related.append(Related(box))
            continue
        if in_related and _is_related_item(line, icons=related_icons, links=links, chrome=asked.chrome):
            out.related.append(Related(line))
            continue
        in_related = False
        if out.tail_found or line in bylines or key == title_key or asked.chrome(line):
            continue
        if not out.body and (dateline := asked.date_line(line)) is not None:
            out.take_date(dateline)  # the page's date; further down, a date line is a timeline's heading
            continue
        (out.captions if asked.caption(line) else out.body).append(line)


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


def _starts_tail(lines: Sequence[str], index: int, key: str, *, has_body: bool, asked: _Asked) -> bool:
    """The first line of what the theme appends after the article.

    The publisher blurb always is. "About Us" and the comment area only once
    the article has begun, or right before the blurb: the site menu above the
    headline has an "About Us" item too. ``key`` is the line folded.
    """
    line = lines[index]
    # asked.blurb, its footer answer kept for the test below
    footer = asked.is_footer(line)
    if footer and asked.footer_blurb(line):
        return True
    # Not the blurb: then a footer line is one of the comment area.
    if not (footer or boilerplate.ABOUT.matches_folded(key)):
        return False
    following = lines[index + 1] if index + 1 < len(lines) else None
    return has_body or following is None or asked.blurb(following)


def _is_related_item(line: str, *, icons: bool, links: Collection[str] | None, chrome: Callable[[str], bool]) -> bool:
    """A related headline printed without its icon.

    A box whose items carry the icon ends at the first line without one; a
    box without icons takes the headline-like lines that follow it: short,
    not ending like a sentence (a question mark is fine). In or after the
    article alike: comments under the box are sentences. On an HTML page,
    an item is a link. ``chrome`` is :func:`boilerplate.is_boilerplate` for
    a line that is no part of a box heading (see :func:`_read_body`).
    """
    if icons or chrome(line) or boilerplate.FORM_FIELDS.matches(line):
        return False
    if links is not None and fold(line) not in links:
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
