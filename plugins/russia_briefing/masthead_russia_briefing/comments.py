"""Reader comments of a text dump: the WordPress comment list, flattened.

Under the article, the theme prints "N Responses to “Title”" (older pages)
or "N thoughts on “Title”", then each comment as its author ("Name" or
"Name says:"), a time stamp ("March 13, 2015 at 9:41 am"), the text and a
"Reply" link, and finally the "Leave a Reply" form. Dumps keep those lines
and lose the nesting, so replies come out flat with no ``parent``. HTML
pages are read from their markup instead (:func:`.html.comments`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from masthead import Comment
from masthead.extract.text import fold

from . import boilerplate, byline

_SAYS = re.compile(r"\s+says\s*:?\s*$", re.IGNORECASE)
#: An author line is short; a longer line before a stamp is comment text.
_AUTHOR_MAX_WORDS = 8


def from_lines(lines: Sequence[str]) -> list[Comment]:
    """The comments listed under a comment-count heading; ``[]`` without one."""
    start = next((i for i, line in enumerate(lines) if boilerplate.is_comment_count(line)), None)
    if start is None:
        return []
    region: list[str] = []
    for line in lines[start + 1 :]:
        if boilerplate.is_comment_form(line) or boilerplate.is_form_field(line):
            break
        if fold(line) != "reply":
            region.append(line)
    stamps = [i for i, line in enumerate(region) if i > 0 and _is_stamp(line) and _is_author(region[i - 1])]
    comments = []
    for n, at in enumerate(stamps):
        end = stamps[n + 1] - 1 if n + 1 < len(stamps) else len(region)
        text = "\n".join(region[at + 1 : end]).strip()
        if text:
            author = _SAYS.sub("", region[at - 1]).strip()
            comments.append(Comment(text=text, author=author or None, published=byline.date_only(region[at])))
    return comments


def _is_stamp(line: str) -> bool:
    return byline.date_only(line) is not None


def _is_author(line: str) -> bool:
    return 0 < len(line.split()) <= _AUTHOR_MAX_WORDS and not _is_stamp(line)
