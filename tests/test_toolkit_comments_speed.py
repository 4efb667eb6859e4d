"""The comment and byline toolkit's shortcuts answer as the plain logic they stand for."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from masthead.extract import bylines, text
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


def _plain_name_list(names: str) -> tuple[str, ...] | None:
    """``bylines._name_list`` trying its pattern on every text."""
    match = bylines._LISTED.match(names.strip())
    if match is None or "," not in match.group("first"):
        return None
    last = bylines._NAME_CUT.sub("", match.group("last")).strip().rstrip(".")
    found = bylines.split_names(f"{match.group('first')}, {last}")
    return found if found and all(bylines._is_person(n) for n in found) else None


_NAME_PARTS = st.sampled_from(
    ("John", "Smith", "Anna", "Ivanova", "O'Neil", "and", "And", "&", ",", ", ", " ", "the", "for", "-", "|", "(", ".")
)


@settings(max_examples=600, deadline=None)
@given(st.lists(_NAME_PARTS, max_size=12).map(" ".join), st.lists(_NAME_PARTS, max_size=12).map("".join))
def test_name_list_as_the_plain_pattern(spaced: str, joined: str) -> None:
    for names in (spaced, joined):
        assert bylines._name_list(names) == _plain_name_list(names)
