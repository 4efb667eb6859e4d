"""Reader comments from the lines after the body of a dump.

Dumps of SouthFront pages show the comment thread in one of four shapes,
depending on the year and on what the capture kept:

* **stamped** (wpDiscuz or classic WordPress, rendered): each comment has a
  timestamp line ("1 year ago", "May 21, 2016 at 7:05 pm"), its author on
  the line before it and its text after it;
* **bulleted** (Disqus, southfront.org until about 2019): "• NAME" lines,
  each followed by the comment's text, replies indented deeper;
* **named** (wpDiscuz without dates): NAME, ["Reply to NAME"], text,
  ["Reply"]; the "Reply" button closes each comment;
* **flat** (the seed): one comment per line, nothing else.

Comment chrome ("Reply", votes, "Load more comments") is never text. A
comment with no text (an image, a deleted comment) is kept with empty text
so that replies to it keep their parent.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from masthead import Comment
from masthead.extract.text import fold
from masthead_opinion_site import boilerplate as bp
from masthead_opinion_site import shapes

#: A named thread without comment chrome before it needs this many names.
_MIN_NAMES_WITHOUT_CHROME = 2


@dataclass
class _Block:
    """One comment being read: who, when, which reply, which lines."""

    author: str | None = None
    published: str | None = None
    target: str | None = None
    depth: int | None = None
    text: list[str] = field(default_factory=list)


def read_comments(lines: Sequence[str], *, chrome_seen: bool, depths: Sequence[int] = ()) -> list[Comment]:
    """Every comment in ``lines`` (the page after the related links).

    ``chrome_seen`` says that comment-form chrome ("Notify of", "6
    Comments", ...) opened the section, which makes a thread of names
    plausible; ``depths`` are the indents of the page's bullet lines, in
    page order, used for Disqus reply nesting.
    """
    lines = list(lines)
    if any(is_stamp(line) for line in lines):
        blocks = _stamped(lines)
    elif any(bullet_name(line) for line in lines):
        blocks = _bulleted(lines, depths)
    elif _is_named_thread(lines, chrome_seen=chrome_seen):
        blocks = _named(lines)
    else:
        blocks = [_Block(text=[line]) for line in _content(lines)]
    return _comments(blocks)


# --------------------------------------------------------------------------
# Line kinds.


def is_stamp(line: str) -> bool:
    """A comment's timestamp: an age ("1 year ago") or a full date."""
    return bp.is_relative_time(line) or shapes.parse_date(line) is not None


def name_line(line: str) -> bool:
    """A line shaped like a commenter's name, and not chrome or a date."""
    return shapes.is_name(line) and not bp.is_boilerplate(line) and not is_stamp(line)


def bullet_name(line: str) -> bool:
    """A Disqus-style "• NAME" line."""
    return shapes.has_bullet(line) and name_line(shapes.strip_bullet(line))


def bullet_thread_start(lines: Sequence[str], start: int = 0, stop: int | None = None) -> int | None:
    """Where a Disqus thread ("• NAME", text, "• NAME", ...) starts, if any.

    The first "• NAME" line in ``lines[start:stop]`` that is followed by
    unbulleted text and from which on every bullet line is a name, two at
    least. A bulleted list of the article ends differently: its items are
    not names, or are not followed by unbulleted text, or there is only one.
    One pass from the end, so hostile pages cannot make it slow.
    """
    stop = len(lines) if stop is None else stop
    names_after = [0] * (len(lines) + 1)
    only_names = [True] * (len(lines) + 1)
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index]
        bulleted = shapes.has_bullet(line)
        is_name = bulleted and bullet_name(line)
        names_after[index] = names_after[index + 1] + is_name
        only_names[index] = only_names[index + 1] and (is_name or not bulleted)
    for index in range(start, min(stop, len(lines) - 1)):
        following = lines[index + 1]
        if (
            names_after[index] >= 2
            and only_names[index]
            and bullet_name(lines[index])
            and not shapes.has_bullet(following)
            and not bp.is_boilerplate(following)
        ):
            return index
    return None


def _content(lines: Sequence[str]) -> list[str]:
    """``lines`` without chrome; "Reply to NAME" lines are kept (threading)."""
    last = len(lines) - 1
    return [
        line
        for index, line in enumerate(lines)
        if bp.reply_to(line) is not None or not bp.is_boilerplate(line, last=index == last)
    ]


# --------------------------------------------------------------------------
# The four shapes.


def _stamped(lines: list[str]) -> list[_Block]:
    """Each timestamp marks a comment; its author is on the line before it
    (or before its "Reply to NAME" line), its text after it."""
    stamps = [i for i, line in enumerate(lines) if is_stamp(line)]
    heads = [_head_start(lines, stamp) for stamp in stamps]
    blocks = [_Block(text=[line]) for line in _content(lines[: heads[0]]) if bp.reply_to(line) is None]
    for number, stamp in enumerate(stamps):
        head = heads[number]
        stop = heads[number + 1] if number + 1 < len(stamps) else len(lines)
        block = _Block(published=shapes.parse_date(lines[stamp]))
        if head < stamp and bp.reply_to(lines[head]) is None:
            block.author = shapes.clean_name(lines[head])
            head += 1
        for line in _content(lines[head:stop]):
            _take(block, line)
        blocks.append(block)
    return blocks


def _head_start(lines: Sequence[str], stamp: int) -> int:
    """Index of the commenter's name line above the timestamp at ``stamp``."""
    head = stamp
    if head > 0 and bp.reply_to(lines[head - 1]) is not None:
        head -= 1
    if head > 0 and name_line(lines[head - 1]):
        head -= 1
    return head


def _bulleted(lines: list[str], depths: Sequence[int]) -> list[_Block]:
    """Disqus: every "• NAME" line opens a comment, text follows unbulleted."""
    bullets = [i for i, line in enumerate(lines) if shapes.has_bullet(line)]
    offset = len(depths) - len(bullets)
    depth_of = {index: depths[offset + n] for n, index in enumerate(bullets)} if offset >= 0 else {}
    blocks = []
    current: _Block | None = None
    for index, line in enumerate(lines):
        if bullet_name(line):
            current = _Block(author=shapes.clean_name(line), depth=depth_of.get(index))
            blocks.append(current)
        elif current is None:
            blocks.extend(_Block(text=[text]) for text in _content([line]))
        else:
            for text in _content([line]):
                _take(current, text)
    return blocks


def _is_named_thread(lines: Sequence[str], *, chrome_seen: bool) -> bool:
    """Whether the comments carry their authors' names (wpDiscuz, no dates).

    The first comment line must be a name followed by text (or closed by
    the "Reply" button); without comment chrome before the thread, two
    such names are needed, so that a flat dump whose first comment is
    short ("lol") is not misread.
    """
    content = [line for line in _content(lines) if bp.reply_to(line) is None]
    if len(content) < 2 or not name_line(content[0]):
        return False
    if name_line(content[1]) and not _has_reply_buttons(lines):
        return False
    if chrome_seen:
        return True
    blocks = _named(list(lines))
    return sum(1 for block in blocks if block.author) >= _MIN_NAMES_WITHOUT_CHROME


def _has_reply_buttons(lines: Sequence[str]) -> bool:
    return any(fold(line) == "reply" for line in lines)


def _named(lines: list[str]) -> list[_Block]:
    """NAME, ["Reply to NAME"], text ..., ["Reply"].

    The "Reply" button closes a comment, so the next line is an author's
    name (and a lone name is an empty comment). Where the buttons are
    missing, a name-shaped line starts a new comment only when text follows
    it, so a short comment ("lol") stays text.
    """
    blocks: list[_Block] = []
    for segment in _segments(lines):
        content = _content(segment)
        current: _Block | None = None
        for index, line in enumerate(content):
            if bp.reply_to(line) is None and name_line(line) and _opens_comment(current, content, index):
                current = _Block(author=shapes.clean_name(line))
                blocks.append(current)
                continue
            if current is None:
                current = _Block()
                blocks.append(current)
            _take(current, line)
    return blocks


def _segments(lines: Sequence[str]) -> list[list[str]]:
    """``lines`` cut after every "Reply" button."""
    segments: list[list[str]] = [[]]
    for line in lines:
        segments[-1].append(line)
        if fold(line) == "reply":
            segments.append([])
    return [segment for segment in segments if segment]


def _opens_comment(current: _Block | None, content: Sequence[str], index: int) -> bool:
    """Whether the name-shaped line at ``index`` starts a new comment."""
    if current is None:
        return True
    if not current.text:
        return False
    following = content[index + 1] if index + 1 < len(content) else None
    return following is not None and (bp.reply_to(following) is not None or not name_line(following))


# --------------------------------------------------------------------------
# From blocks to comments.


def _take(block: _Block, line: str) -> None:
    """Add a content line to ``block``: its reply target or its text."""
    target = bp.reply_to(line)
    if target is not None:
        block.target = block.target or target
    elif not is_stamp(line):
        block.text.append(line)


def _comments(blocks: Sequence[_Block]) -> list[Comment]:
    """Comments in page order, each reply pointing at its parent.

    One pass: the latest comment of every author and the chain of open
    Disqus levels are kept as we go, so long threads stay fast.
    """
    comments: list[Comment] = []
    latest_by: dict[str, int] = {}
    levels: list[tuple[int, int]] = []  # (indent, comment index), indents rising
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
        comments.append(Comment("\n".join(block.text), author=block.author, published=block.published, parent=parent))
    return comments


#: How far back a "Reply to NAME" whose NAME is shortened is looked for.
_NAME_LOOKBACK = 200


def _by_name(blocks: Sequence[_Block], latest_by: dict[str, int], key: str, index: int) -> int | None:
    """The latest earlier comment by ``key``; wpDiscuz may shorten the
    name in "Reply to NAME", so a prefix match counts too."""
    if key in latest_by:
        return latest_by[key]
    for earlier in range(index - 1, max(-1, index - 1 - _NAME_LOOKBACK), -1):
        author = fold(blocks[earlier].author or "")
        if author and (author.startswith(key) or key.startswith(author)):
            return earlier
    return None


def _by_depth(levels: list[tuple[int, int]], depth: int | None) -> int | None:
    """The latest earlier Disqus comment indented less than ``depth``."""
    if depth is None:
        return None
    for indent, index in reversed(levels):
        if indent < depth:
            return index
    return None
