"""Lists of other stories inside a page's lines: headed lists, teasers, tickers.

Pages print other stories' headlines around the article: a "Related
Stories" list under a heading, sidebar teasers (headline, byline, a text
cut with an ellipsis), and a ticker of unrelated headlines after the text.
In a text dump they are lines like any other. These readers find them by
position and shape; what a headline looks like stays the plugin's to say
(a predicate it passes in), since outlets write headlines differently.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

from masthead.extract.boilerplate import Span
from masthead.extract.text import fold

__all__ = ["TEASER_ENDINGS", "headed_lists", "is_teaser", "majority", "teaser_trios", "trailing_run"]

#: A teaser is a text the listing cut short with an ellipsis.
TEASER_ENDINGS = ("...", "…")

Predicate = Callable[[str], bool]


def headed_lists(lines: Sequence[str], headings: Collection[str], *, item: Predicate) -> list[Span]:
    """Each list under a heading: the heading line and the ``item`` lines right under it.

    ``headings`` are folded strings; a heading line may end with a colon.
    A span may hold the heading alone (a list the page left empty).
    """
    spans: list[Span] = []
    for index, line in enumerate(lines):
        if fold(line).rstrip(" :") in headings:
            end = index + 1
            while end < len(lines) and item(lines[end]):
                end += 1
            spans.append(Span(fold(line).rstrip(" :"), index, end))
    return spans


def is_teaser(line: str) -> bool:
    """Whether ``line`` ends with an ellipsis, as a teaser cut by a listing does."""
    return line.rstrip().endswith(TEASER_ENDINGS)


def teaser_trios(lines: Sequence[str], *, headline: Predicate, byline: Predicate) -> set[int]:
    """Indexes of sidebar teasers printed as headline, byline, teaser cut with an ellipsis.

    Only the full trio counts, so a story's own byline and first paragraph
    (which ends with a full stop, not an ellipsis) are never taken.
    """
    found: set[int] = set()
    for index in range(2, len(lines)):
        if is_teaser(lines[index]) and byline(lines[index - 1]) and headline(lines[index - 2]):
            found.update((index - 2, index - 1, index))
    return found


def majority(length: int) -> int:
    """Strong lines a run of ``length`` needs: all of two, two of three, half of more."""
    if length <= 2:
        return length
    return 2 if length == 3 else -(-length // 2)


def trailing_run(
    lines: Sequence[str],
    *,
    shaped: Predicate,
    strong: Predicate,
    cut: Predicate | None = None,
    joins: Predicate | None = None,
    needed: Callable[[int], int] = majority,
) -> int:
    """Where the trailing run of headlines in ``lines`` starts (``len(lines)`` for none).

    Read backwards from the end: lines that are ``shaped`` like a headline,
    the run starting at a ``strong`` one (a headline in full title case)
    and holding at least ``needed(length)`` strong lines, so that the items
    of a short closing list stay text. The very last line may be ``cut``
    mid-word (a dump stopped there) when at least one line precedes it.
    Above a run of two or more, ``shaped`` lines that also ``joins`` (an
    outlet's sentence-case headlines) are taken in.
    """
    end = len(lines)
    if cut is not None and end >= 2 and not shaped(lines[-1]) and cut(lines[-1]):
        end -= 1
    start = end
    while start and shaped(lines[start - 1]):
        start -= 1
    while start < end and not strong(lines[start]):
        start += 1
    if start == end or not _enough_strong(lines, start, end, strong, needed(end - start)):
        return len(lines)
    if joins is not None and end - start >= 2:
        while start and shaped(lines[start - 1]) and joins(lines[start - 1]):
            start -= 1
    return start


def _enough_strong(lines: Sequence[str], start: int, end: int, strong: Predicate, count: int) -> bool:
    """``sum(1 for line in lines[start:end] if strong(line)) >= count``, for a
    run whose first line is strong, asking ``strong`` (a title-case count on
    every word) only until the count is reached or can no longer be."""
    found, index = 1, start + 1
    while found < count and end - index >= count - found:
        if strong(lines[index]):
            found += 1
        index += 1
    return found >= count
