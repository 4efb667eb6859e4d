"""The comment toolkit's shortcuts answer as the plain logic they stand for."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from masthead.extract import text
from masthead.extract.comments import line_indents

#: Characters normalize treats specially (spaces of every kind, invisible and
#: control characters, line ends, split-only spaces) mixed with plain ones.
_CHARS = st.sampled_from(
    (
        " ",
        "\t",
        "\u00a0",
        "\u2003",
        "\u3000",
        "\u200b",
        "\u00ad",
        "\ufeff",
        "\x0b",
        "\x0c",
        "\x1f",
        "\x00",
        "\n",
        "\r",
        "\r\n",
        "\x85",
        "\u2028",
        "\u2029",
        "a",
        "B",
        "-",
        "\u2022",
        "\u00e9",
        "1",
    )
)


def _plain_line_indents(source_text: str) -> list[int]:
    """:func:`line_indents` by normalizing the whole text and pairing its lines with the raw ones."""
    raws = source_text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    indents = []
    for raw, normalized in zip(raws, text.normalize(source_text).split("\n"), strict=True):
        if normalized:
            line = raw.replace("\t", "    ").replace("\u00a0", " ")
            indents.append(len(line) - len(line.lstrip()))
    return indents


@settings(max_examples=600, deadline=None)
@given(st.lists(_CHARS, max_size=40).map("".join))
def test_line_indents_as_whole_text_normalize(source_text: str) -> None:
    assert line_indents(source_text) == _plain_line_indents(source_text)
    assert len(line_indents(source_text)) == len(text.lines(source_text))


def test_line_indents_drops_a_line_of_invisible_characters_only() -> None:
    # Stripped, "\u200b\u00ad" is not empty, yet normalize leaves nothing of it.
    assert line_indents("a\n  \u200b\u00ad\n    b") == [0, 4]
