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

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from masthead import Related
from masthead.extract import bylines, captions, shapes
from masthead.extract import comments as thread
from masthead.extract.boilerplate import KeptAnswers, LineAnswers
from masthead.extract.bylines import date_line
from masthead.extract.fields import Fields, is_meta_line, take_meta_line
from masthead.extract.text import fold
from masthead_opinion_site import boilerplate as bp

#: Short lines at most this long after a donation appeal belong to it.
_APPEAL_TAIL_WORDS = 12
#: Titles and related links found by shape alone have at least this many words.
_MIN_TITLE_WORDS = 3
#: :func:`masthead.extract.shapes.is_prose`'s least number of words.
_PROSE_WORDS = 8
#: The marker's folded line starts with its first word.
_MARKER_FIRST = bp.MARKER.split()[0]


@dataclass
class Parts(Fields):
    """What :func:`split_lines` found, and whether the page showed its marker
    or a comment section (for the truncation warning)."""

    has_marker: bool = False
    has_comment_section: bool = False


def split_lines(
    lines: Sequence[str],
    *,
    known_title: str | None = None,
    indents: Sequence[int] = (),
    folded: Sequence[str] | None = None,
) -> Parts:
    """Cut ``lines`` (non-blank, normalized) into a SouthFront page's parts.

    ``known_title`` is the title the HTML head declares, when there is one:
    its repetitions are dropped from the page text instead of being looked
    for by shape. ``indents`` are the dump's own indents, one per line
    (:func:`masthead.extract.comments.line_indents`): Disqus exports nest
    replies and set the thread apart from the article by indent alone.
    ``folded`` are ``lines`` folded, when the caller has them (a dump's
    :attr:`masthead.Page.folded_lines`, which routing made).
    """
    cut = bp.without_site_names(lines)
    # Every pass below compares lines folded: each is folded once, and a
    # line that lost no site name keeps the key the caller has for it.
    if folded is None or len(folded) != len(lines):
        keys = [fold(line) for line in cut]
    else:
        keys = [key if line == kept else fold(line) for line, kept, key in zip(cut, lines, folded, strict=True)]
    lines = cut
    judge = _Judge()
    indents = indents if len(indents) == len(lines) else ()
    depths = [indent for indent, line in zip(indents, lines, strict=False) if shapes.has_bullet(line)]
    parts = Parts()
    marker, tail_first = next(
        (
            (index, rest)
            for index, key in enumerate(keys)
            if key.startswith(_MARKER_FIRST) and (rest := bp.marker_rest(lines[index])) is not None
        ),
        (len(lines), ""),
    )
    parts.has_marker = marker < len(lines)
    # The head's first content lines: where the body starts and where the
    # title stands both depend on them. A line before the first has no
    # word or is no text, so it is no line of three words of text either.
    first = _first_content(lines, 0, marker, judge)
    first_long = _first_content(lines, first, marker, judge, min_words=_MIN_TITLE_WORDS)
    start = _first_prose(lines, keys, marker, judge, first, first_long)
    ended = _after_appeal(lines, start, marker, judge)
    # One reader for the thread's start and the thread: the same lines. The
    # site's boilerplate bundles the platform's comment chrome (whole lines
    # and lines cut short), so the reader need not ask for it again.
    reader = thread.ThreadReader(bp.is_boilerplate, covers_platform=True)
    end = thread.section_start(lines, start, marker, indents=indents, ended=ended, reader=reader, keys=keys)
    if end == marker == len(lines):
        # No marker and no thread by its shapes: readers' lines typed in
        # lower case may still follow the article (the marker lost).
        end = thread.casual_tail_start(lines, start + 1, end) or end
    parts.has_comment_section = end < marker or any(map(thread.opens_comments_folded, keys[marker:]))

    title_at = _title_index(lines[:start], keys[:start], known_title, judge, min(first, start), min(first_long, start))
    parts.title = known_title or (lines[title_at] if title_at >= 0 else None)
    _read_head(lines, keys, start, title_at, parts, judge)
    _read_body(lines, keys, start, end, parts, judge)

    tail = lines[end:]
    if parts.has_marker and end == marker:
        tail = ([tail_first] if tail_first else []) + lines[marker + 1 :]
    _read_tail(tail, parts, reader, related_allowed=parts.has_marker and end == marker, depths=depths)
    return parts


def _is_loose_headline(line: str) -> bool:
    return shapes.is_headline(line, strict=False)


# Every page of the site repeats its banner, menu, buttons, donation
# thermometer, map captions, bylines and date lines: the answers for those
# short lines are kept across pages.
_KEPT_TEXTS: dict[str, bool] = {}
_KEPT_DONATIONS: dict[str, bool] = {}
_KEPT_HEADLINES: dict[str, bool] = {}
_KEPT_LOOSE_HEADLINES: dict[str, bool] = {}
_KEPT_KINDS: dict[str, int] = {}


class _Judge:
    """The line predicates of one page, each answered once per line.

    The passes below ask about the same lines again: where the body starts
    and where the title stands both test every head line for text, and the
    appeal's end and the body both test the body's lines for donations.
    The answers depend on the line alone, so each is kept for the page, and
    a short line's across pages (:class:`~masthead.extract.boilerplate.KeptAnswers`). Whether a line was
    asked on this page (:meth:`LineAnswers.get`) is the page's own.
    """

    def __init__(self) -> None:
        #: :func:`_is_text`'s answers so far (see :func:`_read_head`).
        self.texts: LineAnswers[bool] = KeptAnswers(_is_text, _KEPT_TEXTS)
        self.text = self.texts.__getitem__
        self.donation = KeptAnswers(_is_donation, _KEPT_DONATIONS).__getitem__
        self._headlines = KeptAnswers(shapes.is_headline, _KEPT_HEADLINES)
        self._loose_headlines = KeptAnswers(_is_loose_headline, _KEPT_LOOSE_HEADLINES)
        #: :func:`_kind_of`, for the lines the head and the body read.
        self.kind = KeptAnswers(_kind_of, _KEPT_KINDS).__getitem__

    def headline(self, line: str, *, strict: bool = True) -> bool:
        """:func:`masthead.extract.shapes.is_headline`, remembered: the body's
        start and the title are both looked for among the head's lines."""
        if strict:
            return self._headlines[line]
        # A strict headline is a loose one too (the loose test drops a rule).
        return self._headlines.get(line) or self._loose_headlines[line]

    def prose(self, line: str) -> bool:
        """:func:`masthead.extract.shapes.is_prose`, its headline test remembered."""
        return len(line.split(maxsplit=_PROSE_WORDS)) >= _PROSE_WORDS and not self.headline(line)


def _is_donation(line: str) -> bool:
    """:func:`masthead_opinion_site.boilerplate.is_donation`, asked only of boilerplate.

    A donation line is boilerplate, and the answer for boilerplate is
    remembered across pages (:func:`masthead_opinion_site.boilerplate.is_boilerplate`)
    and asked of the same lines anyway: most lines are done with that.
    """
    return bp.is_boilerplate(line) and bp.is_donation(line)


#: The bits of :func:`_kind_of`: a caption, and a line
#: :func:`masthead.extract.fields.take_meta_line` takes (a byline, a date
#: line or a source note). A line with neither is running text.
CAPTION = 1
META = 2


def _kind_of(line: str) -> int:
    """What the head and the body ask of a line that is no boilerplate, as the bits above.

    Both ask whether it is a caption and whether
    :func:`masthead.extract.fields.take_meta_line` takes it, in either
    order: the answers depend on the line alone, so they are one look-up a
    page, and a short line's are kept across pages (bylines, credits,
    source notes and captions recur). ``take_meta_line`` itself is called
    only for a line it takes, to read what it takes.
    """
    kind = CAPTION if captions.is_caption(line) else 0
    return kind | META if is_meta_line(line, credits=bp.TEAM_CREDITS) else kind


def _is_text(line: str) -> bool:
    """Neither boilerplate nor a caption, byline or date line."""
    return not (
        bp.is_boilerplate(line)
        or captions.is_caption(line)
        or bp.byline_names(line) is not None
        or date_line(line) is not None
    )


# --------------------------------------------------------------------------
# Finding the boundaries.


def _after_appeal(lines: Sequence[str], start: int, stop: int, judge: _Judge) -> int | None:
    """The line after the last donation appeal that closes the body, if any.

    The appeal is the page's last piece of article furniture: readers'
    comments may follow it directly, with no "MORE ON THE TOPIC" between.
    Its own lines are read one by one: a block rule run to the end of a
    page without an end marker would take the comments in with it. The last
    appeal line is looked for from the end: the lines after it need no test.
    """
    last = next((i for i in range(stop - 1, start, -1) if judge.donation(lines[i])), None)
    if last is None:
        return None
    after = last + 1
    while after < stop and (judge.donation(lines[after]) or bp.is_boilerplate(lines[after])):
        after += 1
    return after


def _first_prose(
    lines: Sequence[str], keys: Sequence[str], stop: int, judge: _Judge, first: int, first_long: int
) -> int:
    """Index of the first paragraph of running text before ``stop``.

    A headline-like line the page prints again a few lines down (the title
    and its image alt text), or the first line after the banner, is the
    title even when it reads like a sentence ("Revealed! SouthFront Is Run
    By ...", "Who Benefits? Nobody"). ``first`` and ``first_long`` are the
    first content lines before ``stop`` (:func:`_first_content`), ``keys``
    the lines folded.
    """
    # A line before ``first`` has no word (so no eight) or is no text: none is prose.
    for index in range(first, stop):
        line = lines[index]
        if not judge.prose(line) or not judge.text(line):
            continue
        if (index == first or _repeated_nearby(keys, index)) and judge.headline(line, strict=False):
            continue
        if index == first_long and _plain_title(line):
            continue
        return index
    return stop


#: A title in sentence case is at most this long.
_PLAIN_TITLE_WORDS = 25


def _plain_title(line: str) -> bool:
    """A title the page prints once, in sentence case: the first line of three
    words or more after banner and menu that does not end like a sentence
    ("Ukrainian drones hit oil depot in Bryansk region")."""
    # Words past the limit are not cut: a paragraph is done after it.
    words = len(line.split(maxsplit=_PLAIN_TITLE_WORDS + 1))
    return _MIN_TITLE_WORDS <= words <= _PLAIN_TITLE_WORDS and not shapes.ends_sentence(line)


def _first_content(lines: Sequence[str], start: int, stop: int, judge: _Judge, *, min_words: int = 1) -> int:
    """Index of the page's first line after banner, menu and widgets
    (menu items are short: ``min_words`` skips them), from ``start`` on."""
    # Only ``min_words`` words are cut off each line: enough to count to it.
    return next(
        (
            i
            for i in range(start, stop)
            if len(lines[i].split(maxsplit=min_words)) >= min_words and judge.text(lines[i])
        ),
        stop,
    )


#: The title's image alt text stands within this many lines of it.
_REPEAT_WINDOW = 6


def _repeated_nearby(keys: Sequence[str], index: int) -> bool:
    """Whether the line at ``index`` is printed again nearby (``keys``: the lines folded)."""
    key = keys[index]
    return key in keys[max(0, index - _REPEAT_WINDOW) : index] or key in keys[index + 1 : index + 1 + _REPEAT_WINDOW]


def _title_candidate(line: str, judge: _Judge, *, strict: bool = True) -> bool:
    return judge.headline(line, strict=strict) and judge.text(line)


def _title_index(
    head: Sequence[str], keys: Sequence[str], known_title: str | None, judge: _Judge, first: int, first_long: int
) -> int:
    """Where the title stands in the head, or -1.

    In order of trust: the declared title; a headline the page repeats
    (title plus image alt text); a headline right before the "Support
    SouthFront" / "PDF Download" button; the last headline of three words or
    more before the body (the first line after the banner may read like a
    sentence: "Revealed! ..."). A first body sentence is never a candidate: it
    is prose, and the head ends where prose starts. ``keys`` are the head's
    lines folded, ``first`` and ``first_long`` its first content lines
    (:func:`_first_content`).
    """
    if known_title and (key := fold(known_title)) in keys:
        return keys.index(key)
    # Most heads print no line twice: a set tells, and they need no count.
    counts = Counter(keys) if len(set(keys)) < len(keys) else Counter()
    for index, line in enumerate(head):
        if counts[keys[index]] > 1 and _title_candidate(line, judge, strict=False):
            return index
    candidates = [i for i, line in enumerate(head) if _title_candidate(line, judge, strict=i != first)]
    for index in candidates:
        following = next((line for line in head[index + 1 :] if not judge.donation(line) or _is_button(line)), None)
        if following is not None and _is_button(following):
            return index
    long_enough = [i for i in candidates if len(head[i].split()) >= _MIN_TITLE_WORDS]
    if long_enough and not known_title:
        return long_enough[-1]
    if not known_title and first_long < len(head) and _plain_title(head[first_long]):
        return first_long
    return -1


def _is_button(line: str) -> bool:
    key = fold(line)
    return key.startswith(("support southfront", "support south front", "pdf download")) and len(key.split()) <= 5


# --------------------------------------------------------------------------
# Reading the parts.


def _read_head(
    lines: Sequence[str], keys: Sequence[str], start: int, title_at: int, parts: Parts, judge: _Judge
) -> None:
    """Title, byline, date and captions from the lines before the body.

    Lines before the title are banner and menu and always go; after it, a
    line that ends like a sentence is kept as body (a short first
    paragraph), anything else unrecognised is chrome.

    Finding the body's start and the title judged most head lines already:
    one judged text is no boilerplate (but perhaps as a page's cut last
    line), byline, date line or caption, and is not asked again.
    """
    title_key = fold(parts.title) if parts.title else None
    last = len(lines) - 1
    for index in range(start):
        line = lines[index]
        if index == title_at or (title_key and keys[index] == title_key):
            continue
        if index != last and judge.texts.get(line):
            # What take_meta_line does with a line that is neither byline nor date line.
            if _take_source_note(line, parts) or _take_dateline(line, parts):
                continue
        else:
            if bp.is_boilerplate(line, last=index == last):
                continue
            kind = judge.kind(line)
            if (kind & META and take_meta_line(parts, line, credits=bp.TEAM_CREDITS)) or _take_dateline(line, parts):
                continue
            if kind & CAPTION:
                parts.captions.append(line)
                continue
        if index > title_at and shapes.ends_sentence(line) and len(line.split()) >= 2:
            parts.body.append(line)


def _take_source_note(line: str, parts: Parts) -> bool:
    """A source note ("Source: RT") goes to the attributions."""
    source = bylines.source_note(line)
    if source is not None:
        parts.attributions.append(source)
    return source is not None


def _take_dateline(line: str, parts: Parts) -> bool:
    """A short head line with a date in it ("07.04.2025 | Analysis"); only in
    the head, where "On April 3, 2025, talks resumed." cannot stand. The words
    beside the date may be a category or a name, never taken as the author."""
    when = bylines.dateline(line)
    parts.take_date(when)
    return when is not None


def _read_body(lines: Sequence[str], keys: Sequence[str], start: int, end: int, parts: Parts, judge: _Judge) -> None:
    """Body paragraphs between the head and the end of the article.

    Donation blocks (:data:`masthead_opinion_site.boilerplate.APPEAL`) go
    whole, from their first line to their end marker. A single appeal line
    may still run over several lines (the sentence, then "PayPal: ...",
    wallet addresses, links): after it, short lines are dropped with it
    until running text resumes.
    """
    title_key = fold(parts.title) if parts.title else None
    in_appeal = False
    blocks = bp.appeal_lines(lines, end, keys=keys)
    for index in range(start, end):
        line = lines[index]
        last = index == len(lines) - 1
        if index in blocks:
            in_appeal = False
            continue
        if judge.donation(line):
            in_appeal = True
            continue
        if bp.is_boilerplate(line, last=last):
            continue
        if in_appeal and (len(line.split()) <= _APPEAL_TAIL_WORDS or "http" in line or "@" in line):
            continue
        in_appeal = False
        if title_key and keys[index] == title_key:
            continue
        if judge.texts.get(line):
            # Judged text (the body's first line, found so): no caption,
            # byline or date line, at most a source note.
            if not _take_source_note(line, parts):
                parts.body.append(line)
            continue
        kind = judge.kind(line)
        if kind & CAPTION:
            parts.captions.append(line)
        elif kind & META:
            take_meta_line(parts, line, credits=bp.TEAM_CREDITS)
        else:
            parts.body.append(line)


def _read_tail(
    tail: Sequence[str], parts: Parts, reader: thread.ThreadReader, *, related_allowed: bool, depths: Sequence[int]
) -> None:
    """Related headlines (three words or more) right under the marker, then the reader comments."""
    related, parts.comments = thread.read_after_marker(
        tail,
        is_related=_related_title,
        reader=reader,
        chrome_last=lambda line: bp.is_boilerplate(line, last=True),
        related_allowed=related_allowed,
        chrome_seen=parts.has_comment_section,
        depths=depths,
    )
    parts.related.extend(Related(title) for title in related)


def _related_title(line: str) -> bool:
    # The word count first: a comment's short first line is done with it.
    return len(line.split(maxsplit=_MIN_TITLE_WORDS)) >= _MIN_TITLE_WORDS and shapes.is_headline(line)
