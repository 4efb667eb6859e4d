"""Reader comments read from the lines of a page, in the shapes threads take.

Text dumps show a comment thread in one of a few shapes, whatever the outlet:

* **dated** (WordPress, wpDiscuz, rendered): each comment has a timestamp
  line ("1 year ago", "May 21, 2016 at 7:05 pm"), its author on the line
  before it ("Name" or "Name says:") and its text after it; or one head
  line with both ("Rob • 5 years ago", "Ann → Rob • 5 years ago",
  "Rob on May 21, 2016 said:");
* **bulleted** (a Disqus export): "• NAME" lines, each followed by the
  comment's text, replies indented deeper; the first comment may have no
  author line at all;
* **numbered**: "1. NAME" (or "#1 NAME") then the text, or "1. text";
* **named**: NAME, ["Reply to NAME"], text, ["Reply"]; the "Reply" button
  closes each comment;
* **flat**: one comment per line, nothing else.

:func:`read_thread` reads any of them into :class:`masthead.Comment` records,
replies pointing at their parent where the page shows it ("Reply to NAME",
Disqus indentation). :func:`thread_start` finds a thread that follows the
body with no heading or marker before it. Comment chrome (buttons, sort
orders, vote counts, login prompts) is never comment text:
:data:`COMMENT_CHROME` lists the common platforms' own words, and an outlet
adds its own through ``chrome``.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from masthead.extract import shapes, text
from masthead.extract.boilerplate import Phrases, recall
from masthead.extract.bylines import date_line, take_date
from masthead.extract.text import fold
from masthead.models import Comment

__all__ = [
    "COMMENT_CHROME",
    "COMMENT_OPENERS",
    "ThreadReader",
    "bullet_depths",
    "bullet_lines",
    "bullet_thread_start",
    "casual_tail_start",
    "is_comment_chrome",
    "is_relative_time",
    "is_stamp",
    "line_indents",
    "opens_comments",
    "opens_comments_folded",
    "read_after_marker",
    "read_thread",
    "reply_to",
    "section",
    "section_start",
    "thread_start",
]

#: Lines that open a comments section: everything after them is comments.
COMMENT_OPENERS = Phrases(
    "comment_section",
    exact=(
        *("Notify of", "Inline Feedbacks", "View all comments", "newest oldest most voted"),
        *("Please login to comment", "Please log in to comment", "Leave a Reply", "Leave a comment"),
        *("Leave a Reply Cancel reply", "Join the discussion", "Would love your thoughts, please comment."),
        *("Comments", "Reader comments"),
    ),
    patterns=(
        r"^\d[\d,]*\s+(?:comments?|replies|responses?)$",
        r"^\d[\d,]*\s+(?:thoughts?|responses?|comments?)\s+(?:on|to)\s+\"",
    ),
)

#: Buttons, labels and notices of WordPress, wpDiscuz and Disqus threads.
COMMENT_CHROME = Phrases(
    "comment_chrome",
    exact=(
        *("Notify of", "Subscribe", "Login", "Log in", "Login with", "Connect with", "Register"),
        *("Please login to comment", "Please log in to comment", "Login to comment", "newest oldest most voted"),
        *("Newest", "Oldest", "Most Voted", "Newest first", "Oldest first", "Inline Feedbacks"),
        *("View all comments", "Reply", "Load more comments", "Load more", "Leave a Reply", "Leave a comment"),
        *("Leave a Reply Cancel reply", "Cancel reply", "guest", "Comments", "Comment", "Post Comment"),
        *("Submit", "Name", "Name*", "Name *", "Email", "Email*", "Email *", "Website", "Share", "Report"),
        *("Edit", "Delete", "Copy link", "Show replies", "Hide replies", "Show more replies", "View replies"),
        *("Would love your thoughts, please comment.", "Join the discussion", "Join the discussion..."),
        *("I allow to create an account", "Notify of new replies to this comment", "Just now", "Yesterday"),
        *("Notify of new follow-up comments", "Anonymous", "Comments are closed.", "Share ›", "Reply • Share ›"),
        *("Powered by Disqus", "Disqus", "Recommend", "see more", "Avatar", "Edited", "Hide", "− Hide"),
        *("Show more", "Upvote", "Downvote", "Flag", "Like", "Dislike"),
    ),
    prefixes=(
        *("reply to ", "in reply to ", "reply •", "add disqus to your site", "this comment was deleted"),
        *("when you login first time using a social login button", "this site uses akismet to reduce spam"),
        *("you must be logged in to post a comment", "your email address will not be published", "last edited"),
        *("you are going to send email to", "move comment", "notify of new replies", "please login to comment"),
        *("please log in to comment", "i allow to create an account", "would love your thoughts"),
        *("save my name, email", "required fields are marked", "notify me of follow-up comments"),
        "notify me of new posts",
    ),
    patterns=(
        r"^\d[\d,]*\s+(?:comments?|replies|responses?)$",
        r"^\d[\d,]*\s+(?:thoughts?|responses?|comments?)\s+(?:on|to)\s+\"",
        r"^(?:sort by\s*)?(?:(?:newest|oldest|most\s*voted|most\s*reacted|best|hottest)\s*){2,4}$",
        r"^sort by\s+\w+$",
        r"^[+\-]?\s*\d+$",
        r"^(?:about\s+|an?\s+|\d+\s+)(?:second|minute|hour|day|week|month|year)s?\s+ago$",
    ),
)
_ARROW = re.compile(r"\s*(?:→|->|➔|▸)\s*")
_SAID = re.compile(r"\s*(?:\b(?:said|says|wrote|writes)\b)?\s*:?\s*$", re.IGNORECASE)
#: A head line with name and date is this short.
_MAX_HEAD_WORDS = 14
_RELATIVE = re.compile(r"^(?:about\s+|an?\s+|\d+\s+)(?:second|minute|hour|day|week|month|year)s?\s+ago$")
_NUMBERED = re.compile(r"^(?:#\s?(?P<hash>\d{1,4})|(?P<num>\d{1,4})[.)])(?:\s+(?P<rest>\S.*))?$")
#: Whether a line starts with a bullet (:func:`masthead.extract.shapes.has_bullet`'s
#: characters), asked by a C call rather than a Python one per line.
_STARTS_WITH_BULLET = operator.methodcaller("startswith", ("•", "·", "◦", "▪", "‣", "●"))
#: A named thread without comment chrome before it needs this many names.
MIN_NAMES_WITHOUT_CHROME = 2
#: Comments found by shape alone run at most this many lines each.
_MAX_UNMARKED_LINES = 6

Chrome = Callable[[str], bool]


def is_comment_chrome(line: str) -> bool:
    """Chrome of a comment form or thread, never a comment's own text."""
    return COMMENT_CHROME.matches(line)


def opens_comments(line: str) -> bool:
    """Whether ``line`` starts the comment section (form heading or counter)."""
    return opens_comments_folded(fold(line))


def opens_comments_folded(key: str) -> bool:
    """:func:`opens_comments` for a line already folded (a page's
    :attr:`masthead.Page.folded_lines`)."""
    # Openers are whole lines (a colon or a stop may follow) or counts, and
    # every pattern starts with a digit: most lines are done with a lookup.
    if not (key[:1].isdigit() or key in _OPENER_LINES or key.rstrip(_OPENER_TRAIL) in _OPENER_LINES):
        return False
    return COMMENT_OPENERS.matches_folded(key)


#: :data:`COMMENT_OPENERS`' whole lines, folded, and what may follow one on its line.
_OPENER_LINES = COMMENT_OPENERS.exact
_OPENER_TRAIL = " :.!"


def is_relative_time(line: str) -> bool:
    """A comment's age ("1 year ago", "just now")."""
    key = fold(line)
    # An age ends with "ago": most lines are done without the pattern.
    return (key.endswith("ago") and _RELATIVE.match(key) is not None) or key in _MOMENTS


#: The ages :func:`is_relative_time` reads that hold no "ago", folded.
_MOMENTS = frozenset(("just now", "yesterday"))
#: How every folded age ends.
_STAMP_ENDS = ("ago", *sorted(_MOMENTS))


def is_stamp(line: str) -> bool:
    """A comment's timestamp line: an age or a full date, nothing else."""
    return is_relative_time(line) or date_line(line) is not None


def reply_to(line: str) -> str | None:
    """The name in a "Reply to NAME" line, else ``None``."""
    key = fold(line)
    if not key.startswith(_REPLY_PREFIXES):  # most lines: one test for both
        return None
    for prefix in _REPLY_PREFIXES:
        if key.startswith(prefix):
            return line.strip()[len(prefix) :].strip() or None
    return None


_REPLY_PREFIXES = ("reply to ", "in reply to ")


def bullet_lines(lines: Sequence[str]) -> int:
    """How many of ``lines`` start with a bullet (:func:`masthead.extract.shapes.has_bullet`).

    Counted without a Python call per line: most pages have no bullet line,
    and a Disqus-style thread needs two.
    """
    return sum(map(_STARTS_WITH_BULLET, lines))


def _numbered(line: str) -> tuple[int, str] | None:
    # A number or "#" opens the stripped line: most lines are done with
    # their first character (one that is a space leaves it to the pattern).
    head = line[:1]
    if not (head == "#" or head.isdigit() or head.isspace()):
        return None
    match = _NUMBERED.match(line.strip())
    if match is None:
        return None
    return int(match.group("hash") or match.group("num")), (match.group("rest") or "").strip()


def line_indents(source_text: str) -> list[int]:
    """The indent of every line of a raw dump that :func:`masthead.extract.text.lines` keeps.

    Normalized lines lose their indent; exported threads show nesting (and
    set comments apart from the article) by indent alone, so it is measured
    here, one entry per kept line, in the same order.
    """
    indents = []
    # normalize works line by line (nothing it removes or unifies is a line
    # feed), so a raw line is kept when its own normalized form is not empty.
    for raw in source_text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if _kept(raw):
            line = raw.replace("\t", "    ").replace("\u00a0", " ")
            indents.append(len(line) - len(line.lstrip()))
    return indents


def _kept(raw: str) -> bool:
    """Whether :func:`masthead.extract.text.normalize` leaves anything of the raw line ``raw``.

    Told without normalizing most lines (the caller has the normalized text
    already): every character it drops or turns into a space is whitespace
    or unprintable, so a line that is all whitespace loses everything and a
    stripped line that is all printable keeps itself; only the rest (an
    invisible or control character among the words) is normalized.
    """
    stripped = raw.strip()
    if not stripped:
        return False
    return stripped.isprintable() or bool(text.normalize(raw))


def bullet_depths(source_text: str) -> list[int]:
    """The indent of every bullet line of a raw dump, in page order (Disqus nesting)."""
    return [
        d for d, line in zip(line_indents(source_text), text.lines(source_text), strict=True) if shapes.has_bullet(line)
    ]


@dataclass
class _Block:
    author: str | None = None
    published: str | None = None
    target: str | None = None
    depth: int | None = None
    text: list[str] = field(default_factory=list)


#: The answers of :meth:`_Reader.stamp` and :func:`masthead.extract.shapes.is_name`
#: for short lines (up to :data:`masthead.extract.boilerplate.KEPT_CHARS`),
#: kept across pages: both depend on the line alone, and every thread
#: repeats its ages ("1 year ago"), its buttons and its regular commenters'
#: names from page to page. Emptied at once when they hold
#: :data:`masthead.extract.boilerplate.KEPT_LINES` lines.
_KEPT_STAMPS: dict[str, bool] = {}
_KEPT_NAMES: dict[str, bool] = {}


def _is_name(line: str) -> bool:
    """:func:`masthead.extract.shapes.is_name`, a short line's answer kept across pages."""
    return recall(_KEPT_NAMES, line, shapes.is_name)


class _Reader:
    """The shape readers, sharing one idea of what is chrome.

    A reader lives for one call on one page (or for several, as a
    :class:`ThreadReader`), and its shape finders ask about the same lines
    again and again (each line is the one after a name, then a name itself,
    then a stamp): the answers for chrome, names and stamps, pure functions
    of the line, are kept for its lifetime.
    """

    def __init__(self, chrome: Chrome | None, *, covers_platform: bool = False) -> None:
        self.extra = chrome
        #: ``chrome`` answers for :data:`COMMENT_CHROME` too (see :class:`ThreadReader`).
        self.covers_platform = covers_platform and chrome is not None
        self._chrome: dict[tuple[str, bool], bool] = {}
        self._names: dict[str, bool] = {}
        self._stamps: dict[str, bool] = {}
        self._heads: dict[str, tuple[str, str | None, str | None] | None] = {}
        self._years: dict[str, bool] = {}

    def chrome(self, line: str, *, last: bool = False) -> bool:
        known = self._chrome.get((line, last))
        if known is None:
            known = self._chrome[line, last] = self._is_chrome(line, last)
        return known

    def _is_chrome(self, line: str, last: bool) -> bool:
        if self.covers_platform:
            assert self.extra is not None
            # The outlet's test answers for the platform's phrases too, but
            # for a last line cut shorter than elsewhere.
            return self.extra(line) or (last and COMMENT_CHROME.matches_cut(line, last=True))
        key = fold(line)
        if COMMENT_CHROME.matches_folded(key) or COMMENT_CHROME.matches_cut_folded(key, last=last):
            return True
        return self.extra is not None and self.extra(line)

    def stamp(self, line: str) -> bool:
        """:func:`is_stamp`, remembered (a short line's answer across pages too)."""
        known = self._stamps.get(line)
        if known is None:
            known = self._stamps[line] = recall(_KEPT_STAMPS, line, self._is_stamp)
        return known

    def _is_stamp(self, line: str) -> bool:
        # An age ends with "ago" or is a word of its own; a date holds a
        # year. A line that is no age is a stamp only as a date: asked
        # directly, not through is_stamp, which would fold it again.
        key = fold(line)
        if key.endswith("ago") or key in _MOMENTS:
            return is_stamp(line)
        return self._year(line) and date_line(line) is not None

    def _year(self, line: str) -> bool:
        """Whether ``line`` holds four digits in a row, as every date
        :func:`masthead.extract.bylines.date_line` or
        :func:`masthead.extract.bylines.take_date` reads does: most lines
        hold none, and are no stamp and no name-and-date head."""
        known = self._years.get(line)
        if known is None:
            known = self._years[line] = text.has_four_digits(line)
        return known

    def name_line(self, line: str) -> bool:
        known = self._names.get(line)
        if known is None:
            known = self._names[line] = _is_name(line) and not self.chrome(line) and not self.stamp(line)
        return known

    def bullet_name(self, line: str) -> bool:
        return shapes.has_bullet(line) and self.name_line(shapes.strip_bullet(line))

    def content(self, lines: Sequence[str]) -> list[str]:
        """``lines`` without chrome; "Reply to NAME" lines are kept (threading)."""
        last = len(lines) - 1
        return [
            line
            for index, line in enumerate(lines)
            if not self.chrome(line, last=index == last) or reply_to(line) is not None  # chrome is remembered
        ]

    # -- shapes ---------------------------------------------------------

    def name_stamp(self, line: str) -> tuple[str, str | None, str | None] | None:
        """Author, date and reply target of a head line holding all of them:
        "Rob • 5 years ago", "Ann → Rob • 5 years ago", "Rob on May 21, 2016 said:"."""
        if line in self._heads:
            return self._heads[line]
        # A head holds a date (a year) or a bullet before its age.
        head = self._heads[line] = self._name_stamp(line) if "•" in line or self._year(line) else None
        return head

    def _name_stamp(self, line: str) -> tuple[str, str | None, str | None] | None:
        # Split no further than the limit: a paragraph is done without
        # cutting every one of its words.
        if len(line.split(maxsplit=_MAX_HEAD_WORDS)) > _MAX_HEAD_WORDS:
            return None
        who, bullet, when = line.rpartition("•")
        if bullet and self.stamp(when.strip()):
            name, *target = _ARROW.split(who.strip(), maxsplit=1)
            if self.name_line(name):
                return shapes.clean_name(name), date_line(when.strip()), (target[0].strip() or None) if target else None
            return None
        published, rest = take_date(line)
        if published is None:  # most lines: no need to cut "said:"
            return None
        rest = _SAID.sub("", rest)
        if rest and self.name_line(rest):
            return shapes.clean_name(rest), published, None
        return None

    def stamped(self, line: str) -> bool:
        """A stamp, or a head holding one (:meth:`stamp`, :meth:`name_stamp`)."""
        stamps = self._stamps
        known = stamps.get(line)
        if known is None:
            # The thread finders ask every line of the body and the tail, and
            # most are neither: a stamp is an age (its folded line ends like
            # one) or a date (a year), and a head holds a bullet or a year. A
            # line with none of them is told by these alone, and both answers
            # are kept for it, without the several calls each reader makes.
            if "•" not in line and not fold(line).endswith(_STAMP_ENDS) and not self._year(line):
                stamps[line] = False
                self._heads[line] = None
                return False
            known = self.stamp(line)
        return known or self.name_stamp(line) is not None

    def dated(self, lines: list[str]) -> list[_Block]:
        stamps = [i for i, line in enumerate(lines) if self.stamped(line)]
        heads = [self._head_start(lines, stamp) for stamp in stamps]
        lead = lines[: heads[0]]
        if self.is_named(lead, chrome_seen=True):
            blocks = self.named(lead)  # undated comments before the first dated one
        else:
            blocks = [_Block(text=[line]) for line in self.content(lead) if reply_to(line) is None]
        for number, stamp in enumerate(stamps):
            head = heads[number]
            stop = heads[number + 1] if number + 1 < len(stamps) else len(lines)
            own = self.name_stamp(lines[stamp])
            if own is not None:
                block = _Block(author=own[0], published=own[1], target=own[2])
                own_lines = [*lines[head:stamp], *lines[stamp + 1 : stop]]
            else:
                block = _Block(published=date_line(lines[stamp]))
                if head < stamp and reply_to(lines[head]) is None:
                    block.author = shapes.clean_name(lines[head])
                    head += 1
                own_lines = lines[head:stop]
            for line in self.content(own_lines):
                self._take(block, line)
            blocks.append(block)
        return blocks

    def _head_start(self, lines: Sequence[str], stamp: int) -> int:
        head = stamp
        if head > 0 and reply_to(lines[head - 1]) is not None:
            head -= 1
        if head > 0 and self.name_line(lines[head - 1]) and self.name_stamp(lines[stamp]) is None:
            head -= 1
        return head

    def bulleted(self, lines: list[str], depths: Sequence[int]) -> list[_Block]:
        bullets = [i for i, line in enumerate(lines) if shapes.has_bullet(line)]
        offset = len(depths) - len(bullets)
        depth_of = {index: depths[offset + n] for n, index in enumerate(bullets)} if offset >= 0 else {}
        blocks: list[_Block] = []
        current: _Block | None = None
        for index, line in enumerate(lines):
            if self.bullet_name(line):
                current = _Block(author=shapes.clean_name(line), depth=depth_of.get(index))
                blocks.append(current)
                continue
            for kept in self.content([line]):
                if current is None:
                    # The first comment, top level, its author line unbulleted or lost.
                    current = _Block(depth=min(depths) if depths else None)
                    blocks.append(current)
                    if self.unbulleted_author(lines, index):
                        current.author = shapes.clean_name(kept)
                        continue
                current = self._append(blocks, current, kept)
        return blocks

    def unbulleted_author(self, lines: Sequence[str], index: int) -> bool:
        """Whether ``lines[index]`` is a screen name over unbulleted text (a
        first comment whose author line lost its bullet)."""
        following = lines[index + 1] if index + 1 < len(lines) else ""
        return (
            self.name_line(lines[index])
            and _handle_like(lines[index])
            and bool(following)
            and not shapes.has_bullet(following)
            and not self.name_line(following)
        )

    def numbered(self, lines: list[str]) -> list[_Block]:
        blocks: list[_Block] = []
        current: _Block | None = None
        expected = None
        for line in self.content(lines):
            item = _numbered(line)
            if item is not None and (expected is None or item[0] == expected):
                expected = item[0] + 1
                number_rest = item[1]
                if number_rest and self.name_line(number_rest):
                    current = _Block(author=shapes.clean_name(number_rest))
                else:
                    current = _Block(text=[number_rest] if number_rest else [])
                blocks.append(current)
                continue
            current = self._append(blocks, current, line)
        return blocks

    def is_named(self, lines: Sequence[str], *, chrome_seen: bool, content: Sequence[str] | None = None) -> bool:
        """Whether ``lines`` read as named comments (``content``: their
        :meth:`content`, when the caller has it)."""
        content = [line for line in (self.content(lines) if content is None else content) if reply_to(line) is None]
        if len(content) < 2 or not self.name_line(content[0]):
            return False
        if self.name_line(content[1]) and not any(fold(line) == "reply" for line in lines):
            return False
        if chrome_seen:
            return True
        return sum(1 for block in self.named(list(lines)) if block.author) >= MIN_NAMES_WITHOUT_CHROME

    def named(self, lines: list[str]) -> list[_Block]:
        blocks: list[_Block] = []
        for segment in _segments(lines):
            content = self.content(segment)
            current: _Block | None = None
            for index, line in enumerate(content):
                if reply_to(line) is None and self.name_line(line) and self._opens(current, content, index):
                    current = _Block(author=shapes.clean_name(line))
                    blocks.append(current)
                    continue
                current = self._append(blocks, current, line)
        return blocks

    def _opens(self, current: _Block | None, content: Sequence[str], index: int) -> bool:
        if current is None:
            return True
        if not current.text:
            return False
        following = content[index + 1] if index + 1 < len(content) else None
        return following is not None and (reply_to(following) is not None or not self.name_line(following))

    def _append(self, blocks: list[_Block], current: _Block | None, line: str) -> _Block:
        """Add ``line`` to the comment being read, opening an authorless one if none is."""
        if current is None:
            current = _Block()
            blocks.append(current)
        self._take(current, line)
        return current

    def _take(self, block: _Block, line: str) -> None:
        target = reply_to(line)
        if target is not None:
            block.target = block.target or target
        elif not self.stamp(line):
            block.text.append(line)


class ThreadReader(_Reader):
    """One page's answers about its lines (chrome, names, timestamps), for several calls.

    :func:`section_start` and :func:`read_after_marker` read the same lines
    of a page (the thread the first finds, the second reads again): built
    once with the page's ``chrome`` and passed to both as ``reader``, it
    judges each line once. The answers depend on the line alone, so the
    results are those of separate calls.

    ``covers_platform=True`` says that ``chrome`` accepts every line
    :data:`COMMENT_CHROME` matches, whole or cut short
    (:meth:`masthead.extract.boilerplate.Phrases.matches_cut`, not the last
    line's shorter cut), as an outlet's whole boilerplate test that bundles
    :data:`COMMENT_CHROME` does: the platform's phrases, asked of every line
    the thread finders read, are then asked again only of a last line.
    """


def _reader_of(chrome: Chrome | None, reader: ThreadReader | None) -> _Reader:
    """``reader``, or a new one for a single call with ``chrome``."""
    if reader is None:
        return _Reader(chrome)
    if chrome is not None:
        raise TypeError("pass chrome or a reader built with it, not both")
    return reader


def _segments(lines: Sequence[str]) -> list[list[str]]:
    """``lines`` cut after every "Reply" button."""
    segments: list[list[str]] = [[]]
    for line in lines:
        segments[-1].append(line)
        if fold(line) == "reply":
            segments.append([])
    return [segment for segment in segments if segment]


def _is_numbered_thread(lines: Sequence[str]) -> bool:
    """Items numbered 1, 2, 3... (two at least), the first one first."""
    numbers = [item[0] for line in lines if (item := _numbered(line)) is not None]
    return len(numbers) >= 2 and numbers[0] == 1 and numbers[:2] == [1, 2]


def read_thread(
    lines: Sequence[str],
    *,
    chrome: Chrome | None = None,
    chrome_seen: bool = False,
    depths: Sequence[int] = (),
) -> list[Comment]:
    """Every comment in ``lines`` (the part of the page holding the thread).

    ``chrome`` tells the outlet's own non-comment lines (added to
    :data:`COMMENT_CHROME`); ``chrome_seen`` says a comment form or counter
    opened the section, which makes a thread of bare names plausible;
    ``depths`` are the indents of the page's bullet lines, in page order
    (from :func:`line_indents`), for Disqus reply nesting. Empty comments
    (an image, a deleted text) are kept so that replies keep their parent.
    """
    return _read_thread(_Reader(chrome), lines, chrome_seen=chrome_seen, depths=depths)


def _read_thread(reader: _Reader, lines: Sequence[str], *, chrome_seen: bool, depths: Sequence[int]) -> list[Comment]:
    lines = list(lines)
    if any(reader.stamped(line) for line in lines):
        blocks = reader.dated(lines)
    elif bullet_lines(lines) and any(reader.bullet_name(line) for line in lines):
        blocks = reader.bulleted(lines, depths)
    else:
        content = reader.content(lines)  # read once for the three shapes left
        if _is_numbered_thread(content):
            blocks = reader.numbered(lines)
        elif reader.is_named(lines, chrome_seen=chrome_seen, content=content):
            blocks = reader.named(lines)
        else:
            blocks = [_Block(text=[line]) for line in content]
    return _comments(blocks)


def bullet_thread_start(
    lines: Sequence[str], *, chrome: Chrome | None = None, indents: Sequence[int] = ()
) -> int | None:
    """Where a Disqus-style thread ("• NAME", text, "• NAME", ...) starts, if any.

    The first "• NAME" line in ``lines`` that is followed by
    unbulleted text and from which on every bullet line is a name, two at
    least. A bulleted list of the article ends differently: its items are
    not names, or not followed by unbulleted text, or there is only one.
    One pass from the end, so hostile pages cannot make it slow.

    With ``indents`` (from :func:`line_indents`, one per line), the thread
    also takes the indented lines right before its first bullet: an export
    whose first comment lost its author line still sets it apart from the
    article by its indent.
    """
    return _bullet_start(_Reader(chrome), lines, indents)


def _bullet_start(reader: _Reader, lines: Sequence[str], indents: Sequence[int]) -> int | None:
    start, stop = 0, len(lines)
    if bullet_lines(lines) < 2:  # a thread has two "• NAME" lines at least; most pages have no bullet
        return None
    bullets = [shapes.has_bullet(line) for line in lines]
    names_after = [0] * (len(lines) + 1)
    only_names = [True] * (len(lines) + 1)
    for index in range(len(lines) - 1, -1, -1):
        bulleted = bullets[index]
        named = bulleted and reader.bullet_name(lines[index])
        names_after[index] = names_after[index + 1] + named
        only_names[index] = only_names[index + 1] and (named or not bulleted)
    for index in range(start, min(stop, len(lines) - 1)):
        following = lines[index + 1]
        if (
            names_after[index] >= 2
            and only_names[index]
            and reader.bullet_name(lines[index])
            and not bullets[index + 1]
            and not reader.chrome(following)
        ):
            lead = _indented_lead(indents, start, index)
            if lead == index and index >= start + 2 and reader.unbulleted_author(lines, index - 2):
                return index - 2
            return lead
    return None


def _indented_lead(indents: Sequence[int], start: int, index: int) -> int:
    """``index`` moved back over lines indented deeper than the article's text."""
    if len(indents) <= index or start >= index:
        return index
    body_indent = min(indents[start:index])
    while index > start and indents[index - 1] > body_indent:
        index -= 1
    return index


def thread_start(lines: Sequence[str], *, chrome: Chrome | None = None, indents: Sequence[int] = ()) -> int | None:
    """Where a comment thread with no heading before it starts in ``lines``.

    For a thread that follows the article's last paragraph directly.
    Whichever starts first: a Disqus-style bulleted thread; the first
    timestamped comment (NAME, then a date or an age); a numbered thread of
    names ("1. NAME"); a run of named comments that goes on to the end
    (NAME, then at most a few lines of text, two names at least, and at
    least one of them unlike a heading: a handle, a lower-case or one-word
    name, or a reply button). Returns ``None`` when nothing there is clearly a thread, so
    that an article's last section stays body. ``indents`` as for
    :func:`bullet_thread_start`.
    """
    return _thread_start(_Reader(chrome), lines, indents)


def _thread_start(reader: _Reader, lines: Sequence[str], indents: Sequence[int]) -> int | None:
    start, stop = 0, len(lines)
    found = [
        _bullet_start(reader, lines, indents),
        _dated_start(reader, lines, start, stop),
        _numbered_start(reader, lines, start, stop),
        _named_run_start(reader, lines, start, stop),
    ]
    return min((index for index in found if index is not None), default=None)


def _dated_start(reader: _Reader, lines: Sequence[str], start: int, stop: int) -> int | None:
    """The first NAME line followed by a timestamp (or holding one) and then text."""
    for index in range(start, stop):
        # Either start needs a stamp on this line, alone or after a name:
        # most lines hold none, and are done before the line after them
        # is judged (every answer is the reader's, so the order of asking
        # changes none).
        if not reader.stamped(lines[index]):
            continue
        head = reader.name_stamp(lines[index]) is not None
        if not (head or (index > start and reader.stamp(lines[index]))):
            continue
        if not _texts_after(reader, lines, index, stop):
            continue
        if head:
            return index
        if reader.name_line(lines[index - 1]):
            return index - 1
    return None


def _numbered_start(reader: _Reader, lines: Sequence[str], start: int, stop: int) -> int | None:
    """The "1. NAME" line of a numbered thread of names running to ``stop``."""
    for index in range(start, stop - 1):
        item = _numbered(lines[index])
        if item is not None and item[0] == 1 and item[1] and reader.name_line(item[1]):
            rest = lines[index:stop]
            items = [i for line in rest if (i := _numbered(line)) is not None]
            if _is_numbered_thread(rest) and all(reader.name_line(i[1]) for i in items):
                return index
    return None


def _texts_after(reader: _Reader, lines: Sequence[str], index: int, stop: int) -> bool:
    return index + 1 < stop and not reader.name_line(lines[index + 1]) and not reader.stamp(lines[index + 1])


def _named_run_start(reader: _Reader, lines: Sequence[str], start: int, stop: int) -> int | None:
    """The earliest NAME line from which on ``lines[:stop]`` is named comments only.

    Read backwards from ``stop``. The run counts as a thread once it has two
    names and one of them is a screen name (or a reply button is seen), or
    once it has three names and reads like chat: short comments on average,
    one of them a few words or a question.
    """
    # A run counts two name lines at least, and never the last line (a
    # name counts once text follows it): a body without two such lines
    # before its last (most pages) is done without judging its lines for
    # headings and headlines. Most lines have no name's shape, and are no
    # name line without being asked for chrome or stamps. A long stretch
    # without a name settles nothing cheaply (some of it may be chrome,
    # which the full reading passes over): past :data:`_PRECHECK_UNNAMED`
    # such lines the full reading decides, and it stops where it would
    # have, so a long article is not read to its top.
    least = min(MIN_NAMES_WITHOUT_CHROME, _MIN_PLAIN_NAMES)
    names = unnamed = 0
    for index in range(stop - 2, start - 1, -1):
        if reader.name_line(lines[index]):
            names += 1
            unnamed = 0
            if names >= least:
                return _named_run(reader, lines, start, stop)
        else:
            unnamed += 1
            if unnamed > _PRECHECK_UNNAMED:
                return _named_run(reader, lines, start, stop)
    return None


def _named_run(reader: _Reader, lines: Sequence[str], start: int, stop: int) -> int | None:
    """:func:`_named_run_start`, every line judged."""
    best: int | None = None
    names = words = 0
    informal = chatty = False
    run = 0  # text lines since the last name, read backwards
    # The words of the text lines are counted only when the chat rule asks
    # for them: most runs end (a paragraph is no name) before it does.
    uncounted: list[str] = []
    for index in range(stop - 1, start - 1, -1):
        line = lines[index]
        if reader.chrome(line):
            informal = informal or fold(line) == "reply" or reply_to(line) is not None
            continue
        # Up to this many words: enough to tell a heading (one word once
        # cleaned) and a chat line (at most so many), counted once for both.
        words_seen = len(line.split(maxsplit=_RUN_WORDS))
        if words_seen <= _CLEANED_WORDS + 1 and _is_section_heading(line):
            break
        named = reader.name_line(line)
        if named and run > 0 and index + 1 < stop and not reader.name_line(lines[index + 1]):
            names += 1
            informal = informal or _handle_like(line)
            run = 0
            if names >= MIN_NAMES_WITHOUT_CHROME and informal:
                best = index
            elif names >= _MIN_PLAIN_NAMES and chatty:
                words += sum(len(text.split()) for text in uncounted)
                uncounted.clear()
                if words <= _CHAT_WORDS * names:
                    best = index
            continue
        if not named and shapes.is_headline(line):
            break
        run += 1
        uncounted.append(line)
        chatty = chatty or words_seen <= _CHAT_LINE_WORDS or line.rstrip().endswith(("?", "!"))
        if run > _MAX_UNMARKED_LINES:
            break
    return best


#: Without screen names, a thread needs this many names, comments this
#: short on average, and one line this short or a question.
_MIN_PLAIN_NAMES = 3
_CHAT_WORDS = 40
_CHAT_LINE_WORDS = 6
#: Lines without a name :func:`_named_run_start` reads before the full
#: reading takes over: more than a page's body most often holds (its cheap
#: count then settles most pages), few enough to bound a long article's cost.
_PRECHECK_UNNAMED = 64


#: One-word section headings of articles, never taken for a screen name.
_SECTION_HEADINGS = frozenset(
    ("conclusion", "conclusions", "background", "summary", "analysis", "introduction", "update", "context")
)


#: :func:`masthead.extract.shapes.clean_name` takes at most this many words
#: off a line (a bullet, "#", a number, "says", ":"), and folding splits
#: words but never joins them.
_CLEANED_WORDS = 5
#: :func:`_named_run_start` counts a line's words up to one more than this:
#: enough for both its heading and its chat tests.
_RUN_WORDS = max(_CLEANED_WORDS + 1, _CHAT_LINE_WORDS)


def _is_section_heading(line: str) -> bool:
    """One of :data:`_SECTION_HEADINGS`, alone (a name line's marks aside).

    A heading is one word once cleaned, so a line of more words than
    cleaning can take off is none: most lines are done without cleaning.
    """
    if len(line.split(maxsplit=_CLEANED_WORDS + 1)) > _CLEANED_WORDS + 1:
        return False
    return fold(shapes.clean_name(line)).rstrip(":") in _SECTION_HEADINGS


def _handle_like(line: str) -> bool:
    """A screen name rather than a heading: lower case, a digit, an underscore, one word."""
    name = shapes.clean_name(line)
    if fold(name).rstrip(":") in _SECTION_HEADINGS:
        return False
    return (
        not name[:1].isupper()
        or any(ch.isdigit() or ch in "_@[]" for ch in name)
        or len(name.split()) == 1
        or shapes.has_bullet(line)
    )


def _comments(blocks: Sequence[_Block]) -> list[Comment]:
    """Comments in page order, each reply pointing at its parent.

    One pass: the latest comment of every author and the chain of open
    Disqus levels are kept as we go, so long threads stay fast.
    """
    out: list[Comment] = []
    latest_by: dict[str, int] = {}
    levels: list[tuple[int, int]] = []
    for index, block in enumerate(blocks):
        if block.target:
            parent = _by_name(blocks, latest_by, fold(block.target), index)
        else:
            parent = _by_depth(levels, block.depth)
        if block.depth is not None:
            while levels and levels[-1][0] >= block.depth:
                levels.pop()
            levels.append((block.depth, index))
        if block.author:
            latest_by[fold(block.author)] = index
        out.append(Comment("\n".join(block.text), author=block.author, published=block.published, parent=parent))
    return out


#: How far back a "Reply to NAME" whose NAME is shortened is looked for.
_NAME_LOOKBACK = 200


def _by_name(blocks: Sequence[_Block], latest_by: dict[str, int], key: str, index: int) -> int | None:
    """The latest earlier comment by ``key``; a shortened name matches by prefix."""
    if key in latest_by:
        return latest_by[key]
    for earlier in range(index - 1, max(-1, index - 1 - _NAME_LOOKBACK), -1):
        author = fold(blocks[earlier].author or "")
        if author and (author.startswith(key) or key.startswith(author)):
            return earlier
    return None


def _by_depth(levels: list[tuple[int, int]], depth: int | None) -> int | None:
    if depth is None:
        return None
    for indent, index in reversed(levels):
        if indent < depth:
            return index
    return None


def section_start(
    lines: Sequence[str],
    start: int,
    stop: int,
    *,
    chrome: Chrome | None = None,
    indents: Sequence[int] = (),
    ended: int | None = None,
    reader: ThreadReader | None = None,
    keys: Sequence[str] | None = None,
) -> int:
    """First line of the comment section in ``lines[start:stop]``, else ``stop``.

    ``start`` is the article's first paragraph. A comment form or counter
    (:func:`opens_comments`) opens the section; without one, a thread that
    follows the body directly (:func:`thread_start`, looked for after the
    first paragraph) does. ``indents`` cover all of ``lines``.

    ``ended`` is the line after an outlet's own end-of-article furniture (a
    donation appeal, a sign-off block), when the page has one: it counts like
    a comment form, so plain "NAME, then text" comments right after it are a
    thread even with no screen name among them.

    ``reader`` (a :class:`ThreadReader` built with ``chrome``, instead of
    ``chrome``) shares the answers with other calls on the page. ``keys``
    are ``lines`` folded, when the caller has them (the openers are looked
    for in every line of the body).
    """
    after = start + 1
    thread_reader = _reader_of(chrome, reader)
    found = _thread_start(thread_reader, lines[after:stop], indents[after:stop])
    end = stop if found is None else after + found
    if ended is not None and start < ended < end and thread_reader.is_named(lines[ended:end], chrome_seen=True):
        end = ended
    if keys is None:
        return next((index for index in range(start, end) if opens_comments(lines[index])), end)
    return next((index for index in range(start, end) if opens_comments_folded(keys[index])), end)


def read_after_marker(
    tail: Sequence[str],
    *,
    is_related: Callable[[str], bool],
    chrome: Chrome | None = None,
    chrome_last: Chrome | None = None,
    related_allowed: bool = True,
    chrome_seen: bool = False,
    depths: Sequence[int] = (),
    reader: ThreadReader | None = None,
) -> tuple[list[str], list[Comment]]:
    """Related headlines, then reader comments, from the lines after an end-of-article marker.

    Only an unbroken run of lines that ``is_related`` accepts (bullets
    stripped), right under the marker, is related: the first other line,
    comment-form chrome, or the start of a Disqus thread ends the run, and
    everything after it is read by :func:`read_thread`. ``chrome`` tells
    the outlet's own lines, skipped everywhere like :data:`COMMENT_CHROME`;
    ``chrome_last`` judges the
    very last line, which a dump may have cut short. ``chrome_seen`` and
    ``depths`` as for :func:`read_thread`, ``reader`` as for :func:`section_start`.
    """
    related: list[str] = []
    rest_at = len(tail)
    thread_reader = _reader_of(chrome, reader)  # one for the Disqus check and the thread: the same lines
    chrome = thread_reader.extra
    # Where a Disqus thread starts matters only to a line that would be
    # related: most tails have none, and are spared the search (-1: not
    # looked for yet).
    disqus: int | None = -1
    for index, line in enumerate(tail):
        last = index == len(tail) - 1
        judge = chrome_last if chrome_last is not None and last else chrome
        judged = judge is not None and judge(line)
        # Whether the platform's chrome ends the related run: a chrome test
        # that covers its phrases has said no already to a line it rejects.
        platform = (judged or last or not thread_reader.covers_platform) and is_comment_chrome(line)
        if platform or judged:
            if platform and not is_relative_time(line):
                related_allowed = False
            continue
        title = shapes.strip_bullet(line)
        if related_allowed and is_related(title):
            if disqus == -1:
                disqus = _bullet_start(thread_reader, tail, ())
            if index != disqus:
                related.append(title)
                continue
        rest_at = index
        break
    return related, _read_thread(thread_reader, tail[rest_at:], chrome_seen=chrome_seen, depths=depths)


#: What may stand before a line's first letter: quotes, brackets, an ellipsis
#: (not a dash or an asterisk: a line so led is an item of a list).
_LEADING_MARKS = " \t\"'“”‘’«»‹›([{…"
#: Lines a casual run needs: one line alone is no thread.
CASUAL_LINES = 2
#: Words an edited text opens a sentence with in lower case: name particles
#: ("de Gaulle's", "al-Assad's", "von der Leyen").
_PARTICLES = frozenset(
    (
        *("de", "del", "della", "der", "di", "da", "das", "do", "dos", "du", "van", "von", "ten", "ter", "le", "la"),
        *("al", "el", "bin", "ibn", "ben", "abu", "d", "l"),
    )
)
_PARTICLE_SEPARATORS = str.maketrans({"-": " ", "’": " ", "'": " "})
#: The opening a name's particles are read in.
_PARTICLE_CHARS = 40


def _is_host_path(word: str) -> bool:
    """Whether ``word`` is an address without its scheme: a host of two
    labels or more, then a path or nothing ("t.me/mod_russia/31245",
    "tass.com/politics", "ria.ru")."""
    labels = word.partition("/")[0].split(".")
    return len(labels) >= 2 and all(label.replace("-", "").replace("_", "").isalnum() for label in labels)


def _opens_in_lower_case(line: str) -> bool:
    """Whether ``line`` opens, after quotes and brackets, with a word in
    lower case that is no name's particle ("de Gaulle", "al-Assad", "von der
    Leyen": particles before a capital), no brand written so ("iPhone",
    "eBay": a capital inside) and no address (a list of sources)."""
    text = line.lstrip(_LEADING_MARKS)
    first = text.split(None, 1)[0] if text else ""
    if not first[:1].isalpha() or not first[:1].islower() or not first.islower():
        return False
    if first.startswith(("http:", "https:", "www.")) or "://" in first or _is_host_path(first):
        return False
    words = text[:_PARTICLE_CHARS].translate(_PARTICLE_SEPARATORS).split()
    index = 0
    while index < len(words) and words[index] in _PARTICLES:
        index += 1
    return not (index and index < len(words) and words[index][:1].isupper())


def casual_tail_start(lines: Sequence[str], start: int, stop: int) -> int | None:
    """Where, in ``lines[start:stop]``, a trailing run of reader comments
    typed in lower case starts: comments whose page lost every marker
    (heading, names, dates) and follow the article directly, which is
    edited prose and does not open its paragraphs so. The run is the lines
    up from ``stop`` that each open with a word in lower case (after quotes
    and brackets; not a name particle such as "de" or "al-", a brand such
    as "iPhone", an address, nor a line led by a list's dash),
    :data:`CASUAL_LINES` at least; else ``None``. It stops at the first
    other line: a comment in sentence case above it stays with the article,
    rather than an article paragraph going to the comments. Comments in
    sentence case are not found at all: nothing but their wording tells
    them from the article."""
    top = stop
    while top > start and _opens_in_lower_case(lines[top - 1]):
        top -= 1
    return top if stop - top >= CASUAL_LINES else None


def section(lines: Sequence[str], *, opens: Chrome, closes: Chrome) -> Sequence[str]:
    """The lines between the first one ``opens`` accepts and the first
    after it that ``closes`` accepts (both left out); empty without an
    opening line.

    For a thread between its heading ("4 thoughts on “…”") and the comment
    form under it, so that neither the article nor the form is read as a
    comment.
    """
    start = next((i for i, line in enumerate(lines) if opens(line)), None)
    if start is None:
        return ()
    end = next((i for i in range(start + 1, len(lines)) if closes(lines[i])), len(lines))
    return lines[start + 1 : end]
