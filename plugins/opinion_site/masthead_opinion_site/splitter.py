"""The line-level quirk logic shared by text dumps and HTML pages.

A SouthFront page reads, top to bottom::

    [site banner / menu]  [donation thermometer: "0 $", "2,500 $", "MARCH 2025"]
    Title                 ["Support SouthFront" | "PDF Download"]  [Title again]
    [caption] ["Click to see full-size image"] [byline] [date]
    body paragraphs ...   [byline / source note] [donation appeal]
    MORE ON THE TOPIC:
    [related headline] ...
    [comment form chrome] comment ... comment ...

:func:`split_lines` cuts a page's lines into those parts. The body ends at
the "MORE ON THE TOPIC" marker, or failing that at the first line that
opens the comment section; what precedes the first paragraph of running
text is the head, where the title, byline, date and captions are looked for
and everything else (menus, widgets) is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from masthead import Comment, Related
from masthead.text import fold
from masthead_opinion_site import boilerplate as bp
from masthead_opinion_site import shapes

#: Short lines at most this long after a donation appeal belong to it.
_APPEAL_TAIL_WORDS = 12
_SAYS = re.compile(r"\s+says:?$", re.IGNORECASE)
#: Commenter names are at most this many words.
_MAX_NAME_WORDS = 6
#: Titles found by shape alone must have at least this many words.
_MIN_TITLE_WORDS = 3


@dataclass
class Parts:
    """What :func:`split_lines` found; lists keep the page's order."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    body: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    related: list[Related] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    attributions: list[str] = field(default_factory=list)
    has_marker: bool = False
    has_comment_section: bool = False

    def add_authors(self, names: Sequence[str]) -> None:
        for name in names:
            if fold(name) not in {fold(a) for a in self.authors}:
                self.authors.append(name)


def split_lines(lines: Sequence[str], *, known_title: str | None = None) -> Parts:
    """Cut ``lines`` (non-blank, normalized) into a SouthFront page's parts.

    ``known_title`` is the title the HTML head declares, when there is one:
    its repetitions are dropped from the page text instead of being looked
    for by shape.
    """
    lines = list(lines)
    parts = Parts()
    marker, tail_first = _find_marker(lines)
    parts.has_marker = marker < len(lines)
    start = _first_prose(lines, marker)
    end = _comment_opener(lines, start, marker)
    parts.has_comment_section = end < marker or any(bp.opens_comments(line) for line in lines[marker:])

    title_at = _title_index(lines[:start], known_title)
    parts.title = known_title or (lines[title_at] if title_at >= 0 else None)
    _read_head(lines, start, title_at, parts)
    _read_body(lines, start, end, parts)

    tail = lines[end:]
    if parts.has_marker and end == marker:
        tail = ([tail_first] if tail_first else []) + lines[marker + 1 :]
    _read_tail(tail, parts, related_allowed=parts.has_marker and end == marker)
    return parts


# --------------------------------------------------------------------------
# Finding the boundaries.


def _find_marker(lines: Sequence[str]) -> tuple[int, str]:
    """Index of the "MORE ON THE TOPIC" line (or ``len``) and text after it."""
    for index, line in enumerate(lines):
        rest = bp.marker_rest(line)
        if rest is not None:
            return index, rest
    return len(lines), ""


def _first_prose(lines: Sequence[str], stop: int) -> int:
    """Index of the first paragraph of running text before ``stop``."""
    for index in range(stop):
        line = lines[index]
        if not shapes.is_prose(line) or bp.is_boilerplate(line) or shapes.is_caption(line):
            continue
        if shapes.byline_names(line) is not None or shapes.parse_date(line) is not None:
            continue
        return index
    return stop


def _comment_opener(lines: Sequence[str], start: int, stop: int) -> int:
    """First line opening the comment section between ``start`` and ``stop``."""
    for index in range(start, stop):
        if bp.opens_comments(lines[index]):
            return index
    return stop


def _title_candidate(line: str) -> bool:
    return (
        shapes.is_headline(line)
        and not bp.is_boilerplate(line)
        and not shapes.is_caption(line)
        and shapes.byline_names(line) is None
        and shapes.parse_date(line) is None
    )


def _title_index(head: Sequence[str], known_title: str | None) -> int:
    """Where the title stands in the head, or -1.

    In order of trust: the declared title; a headline the page repeats
    (title plus image alt text); a headline right before the "Support
    SouthFront" / "PDF Download" button; the last headline of three words or
    more before the body. A first body sentence is never a candidate: it
    is prose, and the head ends where prose starts.
    """
    if known_title:
        key = fold(known_title)
        for index, line in enumerate(head):
            if fold(line) == key:
                return index
    candidates = [i for i, line in enumerate(head) if _title_candidate(line)]
    folded = [fold(line) for line in head]
    for index in candidates:
        if folded.count(folded[index]) > 1:
            return index
    for index in candidates:
        following = next((line for line in head[index + 1 :] if not bp.is_donation(line) or _is_button(line)), None)
        if following is not None and _is_button(following):
            return index
    long_enough = [i for i in candidates if len(head[i].split()) >= _MIN_TITLE_WORDS]
    if long_enough and not known_title:
        return long_enough[-1]
    return -1


def _is_button(line: str) -> bool:
    key = fold(line)
    return key.startswith(("support southfront", "support south front", "pdf download")) and len(key.split()) <= 5


# --------------------------------------------------------------------------
# Reading the parts.


def _read_head(lines: Sequence[str], start: int, title_at: int, parts: Parts) -> None:
    """Title, byline, date and captions from the lines before the body.

    Lines before the title are banner and menu and always go; after it, a
    line that ends like a sentence is kept as body (a short first
    paragraph), anything else unrecognised is chrome.
    """
    title_key = fold(parts.title) if parts.title else None
    for index in range(start):
        line = lines[index]
        if index == title_at or (title_key and fold(line) == title_key):
            continue
        if bp.is_boilerplate(line, last=index == len(lines) - 1):
            continue
        if _read_meta_line(line, parts):
            continue
        if shapes.is_caption(line):
            parts.captions.append(line)
        elif index > title_at and shapes.ends_sentence(line) and len(line.split()) >= 2:
            parts.body.append(line)


def _read_meta_line(line: str, parts: Parts) -> bool:
    """Take a byline, date or source note into ``parts``; whether it was one."""
    names = shapes.byline_names(line)
    if names is not None:
        parts.add_authors(names)
        return True
    when = shapes.parse_date(line)
    if when is not None:
        if parts.published is None:
            parts.published = when
        return True
    source = shapes.source_note(line)
    if source is not None:
        parts.attributions.append(source)
        return True
    return False


def _read_body(lines: Sequence[str], start: int, end: int, parts: Parts) -> None:
    """Body paragraphs between the head and the end of the article.

    A donation appeal may run over several lines (the sentence, then
    "PayPal: ...", wallet addresses, links): after an appeal line, short
    lines are dropped with it until running text resumes.
    """
    title_key = fold(parts.title) if parts.title else None
    in_appeal = False
    for index in range(start, end):
        line = lines[index]
        last = index == len(lines) - 1
        if bp.is_donation(line):
            in_appeal = True
            continue
        if bp.is_boilerplate(line, last=last):
            continue
        if in_appeal and (len(line.split()) <= _APPEAL_TAIL_WORDS or "http" in line or "@" in line):
            continue
        in_appeal = False
        if title_key and fold(line) == title_key:
            continue
        if shapes.is_caption(line):
            parts.captions.append(line)
            continue
        if not shapes.is_prose(line) and _read_meta_line(line, parts):
            continue
        parts.body.append(line)


def _read_tail(tail: Sequence[str], parts: Parts, *, related_allowed: bool) -> None:
    """Related headlines right under the marker, then the reader comments.

    Only an unbroken run of headline-shaped lines directly under the marker
    counts as related: the first sentence-shaped line, or any comment-form
    chrome, ends the run, and everything after it belongs to the comments.
    """
    rest_at = len(tail)
    for index, line in enumerate(tail):
        if bp.is_boilerplate(line, last=index == len(tail) - 1):
            if bp.is_comment_ui(line) and not bp.is_relative_time(line):
                related_allowed = False
            continue
        if related_allowed and shapes.is_headline(line):
            parts.related.append(Related(line))
            continue
        rest_at = index
        break
    rest = tail[rest_at:]
    if any(_is_stamp(line) for line in rest):
        _read_thread(rest, parts)
    else:
        _read_flat(rest, parts)


def _is_stamp(line: str) -> bool:
    return bp.is_relative_time(line) or shapes.parse_date(line) is not None


def _read_flat(lines: Sequence[str], parts: Parts) -> None:
    """One comment per line: the usual dump, where authors are not shown.

    Comment chrome, donation lines and vote counts are dropped; nothing
    tells replies apart, so ``parent`` stays unknown.
    """
    for index, line in enumerate(lines):
        if bp.is_boilerplate(line, last=index == len(lines) - 1):
            continue
        parts.comments.append(Comment(line))


def _read_thread(lines: Sequence[str], parts: Parts) -> None:
    """Comments rendered wpDiscuz-style: author, ["Reply to X"], age, text.

    Each timestamp line ("1 year ago", "April 7, 2025 11:02 am") marks a
    comment; the line before it (before its "Reply to X" line, if any) is
    the commenter's name, the lines after it up to the next commenter are
    the text. "Reply to X" points at the latest earlier comment by X.
    """
    stamps = [i for i, line in enumerate(lines) if _is_stamp(line)]
    heads = [_head_start(lines, stamp) for stamp in stamps]
    _read_flat(lines[: heads[0]], parts)
    first = len(parts.comments)
    for number, stamp in enumerate(stamps):
        head = heads[number]
        stop = heads[number + 1] if number + 1 < len(stamps) else len(lines)
        author = _SAYS.sub("", lines[head]) if head < stamp and bp.reply_to(lines[head]) is None else None
        target = next((bp.reply_to(lines[i]) for i in range(head, stamp) if bp.reply_to(lines[i])), None)
        text = [
            line
            for index, line in enumerate(lines[stamp + 1 : stop], start=stamp + 1)
            if not bp.is_boilerplate(line, last=index == len(lines) - 1)
        ]
        parent = _parent_by_name(parts.comments[first:], target, first) if target else None
        published = shapes.parse_date(lines[stamp])
        parts.comments.append(Comment("\n".join(text), author=author, published=published, parent=parent))


def _head_start(lines: Sequence[str], stamp: int) -> int:
    """Index of the commenter's name line above the timestamp at ``stamp``."""
    head = stamp
    if head > 0 and bp.reply_to(lines[head - 1]) is not None:
        head -= 1
    if head > 0 and _looks_like_name(lines[head - 1]):
        head -= 1
    return head


def _looks_like_name(line: str) -> bool:
    """A commenter's display name: short, no sentence end, no chrome.

    Classic WordPress themes print "NAME says:"; that form counts too.
    """
    line = _SAYS.sub("", line)
    if bp.is_comment_ui(line) or _is_stamp(line) or len(line.split()) > _MAX_NAME_WORDS:
        return False
    return not line.rstrip().endswith((".", "!", "?", ",", ";", ":", "\u201d", '"'))


def _parent_by_name(earlier: Sequence[Comment], name: str, offset: int) -> int | None:
    """The latest earlier comment whose author is ``name`` (or starts with it)."""
    key = fold(name)
    for index in range(len(earlier) - 1, -1, -1):
        author = fold(earlier[index].author or "")
        if author and (author == key or author.startswith(key) or key.startswith(author)):
            return offset + index
    return None
