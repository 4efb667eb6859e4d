"""The trailing-run reader asks ``strong`` only until the verdict is known.

:func:`masthead.extract.lists.trailing_run` stops counting strong lines once
a run has enough of them, or too few lines are left to reach that. The
plain count of every strong line is spelled out here and compared on runs
built from strong, shaped and plain lines, with every ``needed`` rule.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from hypothesis import given
from hypothesis import strategies as st

from masthead.extract import lists

#: "S" strong and shaped, "h" shaped only, "t" text, "c" a cut last line.
_KINDS = st.sampled_from(("S", "h", "t", "c"))
_NEEDED: tuple[Callable[[int], int], ...] = (lists.majority, lambda n: n, lambda n: 0, lambda n: 1, lambda n: n + 1)


def _shaped(line: str) -> bool:
    return line[0] in "Sh"


def _strong(line: str) -> bool:
    return line[0] == "S"


def _cut(line: str) -> bool:
    return line[0] == "c"


def _joins(line: str) -> bool:
    return line.endswith("j")


def _plain_start(lines: Sequence[str], needed: Callable[[int], int]) -> int:
    """The run's start with every strong line counted."""
    end = len(lines)
    if end >= 2 and not _shaped(lines[-1]) and _cut(lines[-1]):
        end -= 1
    start = end
    while start and _shaped(lines[start - 1]):
        start -= 1
    while start < end and not _strong(lines[start]):
        start += 1
    if start == end or sum(1 for line in lines[start:end] if _strong(line)) < needed(end - start):
        return len(lines)
    if end - start >= 2:
        while start and _shaped(lines[start - 1]) and _joins(lines[start - 1]):
            start -= 1
    return start


@given(
    st.lists(st.tuples(_KINDS, st.booleans()), max_size=14),
    st.sampled_from(range(len(_NEEDED))),
)
def test_trailing_run_matches_every_strong_line_counted(kinds: list[tuple[str, bool]], rule: int) -> None:
    lines = [kind + ("j" if joins else "") for kind, joins in kinds]
    asked: list[str] = []

    def strong(line: str) -> bool:
        asked.append(line)
        return _strong(line)

    needed = _NEEDED[rule]
    got = lists.trailing_run(lines, shaped=_shaped, strong=strong, cut=_cut, joins=_joins, needed=needed)
    assert got == _plain_start(lines, needed)
    assert len(asked) <= len(lines) + 1  # each line asked at most once, the run's first twice at most


def test_trailing_run_stops_asking_once_the_majority_is_reached() -> None:
    lines = ["t", *("S" * 6)]
    asked: list[str] = []

    def strong(line: str) -> bool:
        asked.append(line)
        return _strong(line)

    assert lists.trailing_run(lines, shaped=_shaped, strong=strong) == 1
    assert len(asked) == 3  # the first line, then two more make half of six
