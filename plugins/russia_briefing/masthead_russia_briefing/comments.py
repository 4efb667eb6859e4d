"""Reader comments of a text dump: the WordPress comment list, flattened.

Under the article, the theme prints "N Responses to “Title”" (older pages)
or "N thoughts on “Title”", then each comment as its author ("Name" or
"Name says:"), a time stamp ("March 13, 2015 at 9:41 am"), the text and a
"Reply" link, and finally the "Leave a Reply" form. Dumps keep those lines
and lose the nesting, so replies come out flat with no ``parent``. HTML
pages are read from their markup instead (:func:`.html.comments`).
"""

from __future__ import annotations

from collections.abc import Sequence

from masthead import Comment
from masthead.extract.comments import read_thread

from . import boilerplate


def from_lines(lines: Sequence[str]) -> list[Comment]:
    """The comments listed under a comment-count heading; ``[]`` without one."""
    start = next((i for i, line in enumerate(lines) if boilerplate.is_comment_count(line)), None)
    if start is None:
        return []
    region: list[str] = []
    for line in lines[start + 1 :]:
        if boilerplate.is_comment_form(line) or boilerplate.is_form_field(line):
            break
        region.append(line)
    return read_thread(region, chrome_seen=True)
