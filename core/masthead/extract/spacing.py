"""Blank lines and trailing spaces of a text dump, as evidence of its layout.

A dump keeps no markup, but it keeps the spacing its page had: a block the
page set apart (a ticker of other headlines, a sidebar) sits further from
the text than the text's paragraphs sit from each other, and the last line
of a saved block may keep the trailing space its markup left. These
readers measure that in the raw text, against lines a parser already
found, so detection can weigh a layout and not only words.
"""

from __future__ import annotations

from collections.abc import Sequence

from masthead.extract.text import normalize

__all__ = ["blank_gaps", "ends_in_space", "set_apart"]


def blank_gaps(source_text: str, *, lines: Sequence[str] | None = None) -> list[tuple[str, int]]:
    """Each non-blank normalized line of ``source_text``, with the number of blank lines before it.

    ``lines`` are those lines, when the caller has them
    (:func:`masthead.extract.text.lines` of ``source_text``, as
    :attr:`masthead.Page.lines` holds them): the text is then not
    normalized a second time, only its blank lines are told apart.
    """
    if lines is not None:
        counts = _blanks_before(source_text)
        if len(counts) == len(lines):
            return list(zip(lines, counts, strict=True))
    found: list[tuple[str, int]] = []
    blanks = 0
    for line in normalize(source_text).split("\n"):
        if line:
            found.append((line, blanks))
            blanks = 0
        else:
            blanks += 1
    return found


def _blanks_before(source_text: str) -> list[int]:
    """How many blank lines come before each line of ``source_text`` that
    ``str.strip`` leaves something of.

    :func:`~masthead.extract.text.normalize` splits the text at the same
    line ends and leaves nothing of a line ``str.strip`` leaves nothing of,
    so every line it keeps is counted here. A line counted here that it
    does not keep (invisible characters only, which it drops) makes one
    count more than the text has non-blank lines: the caller then
    normalizes after all.
    """
    counts: list[int] = []
    blanks = 0
    for raw in source_text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if raw.strip():
            counts.append(blanks)
            blanks = 0
        else:
            blanks += 1
    return counts


def set_apart(
    source_text: str, body: Sequence[str], block: Sequence[str], *, lines: Sequence[str] | None = None
) -> bool:
    """Whether blank lines set ``block`` further apart from ``body`` than the paragraphs are.

    ``body`` and ``block`` are normalized lines a parser found in
    ``source_text``, the block after the body; they are located again in
    the raw text (the last occurrence of each), and the gap before the
    block's first line is compared with the widest gap between two
    paragraphs. A block of one line proves nothing: ``False``. ``lines``
    are all the text's non-blank lines, when the caller has them (see
    :func:`blank_gaps`).
    """
    if len(block) < 2 or not body:
        return False
    wanted = {*body, block[0]}
    gaps: dict[str, int] = {}
    for line, blanks in blank_gaps(source_text, lines=lines):
        if line in wanted:
            gaps[line] = blanks
    if block[0] not in gaps:
        return False
    between = max((gaps.get(line, 0) for line in body[1:]), default=0)
    return gaps[block[0]] > between


def ends_in_space(source_text: str, last_line: str | None) -> bool:
    """Whether the dump's last non-blank line is ``last_line`` and keeps a trailing space."""
    if not last_line:
        return False
    raw = source_text.replace("\r", "").rstrip("\n").rsplit("\n", 1)[-1]
    return raw != raw.rstrip() and raw.strip() == last_line
