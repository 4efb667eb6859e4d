"""The name tests' shortcuts answer as the plain patterns they stand for."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from masthead.extract import shapes


def _plain_clean_name(line: str) -> str:
    """:func:`masthead.extract.shapes.clean_name` trying both patterns on every line."""
    return shapes._NUMBER.sub("", shapes.strip_bullet(shapes._SAYS.sub("", line.strip())), count=1).strip()


def _plain_is_name(line: str) -> bool:
    """:func:`masthead.extract.shapes.is_name` testing for an initial on every name."""
    if len(line.split(maxsplit=9)) > 9:
        return False
    name = _plain_clean_name(line)
    if not name or len(name) > 40 or len(name.split()) > 4:
        return False
    initial = shapes._INITIAL_END.search(name) is not None and all(w[:1].isupper() for w in name.split())
    if (name.endswith(shapes._NAME_END) and not initial) or "://" in name or "www." in name:
        return False
    return not name.replace(" ", "").isdigit() and not name.startswith(('"', "\u201c", "'", "\u2018", "(", "-"))


#: Pieces of name lines: words "says" and its kin in every case (and in the
#: letters case-blind matching pairs with ASCII ones: long s, dotless i),
#: numbers of several scripts, bullets, initials, colons and spaces.
_PARTS = st.sampled_from(
    (
        *("Rob", "Tom", "B.", "K.", "é.", "Jean-Luc", "P.", "says", "SAYS", "Says", "\u017fays", "wrote", "WROTE"),
        *("writes", "wr\u0131tes", "writes:", "says :", ":", "::", " ", "  ", "\u00a0", "\t", "\n", "#", "# ", "1."),
        *("12)", "3", "\u0663.", "\u00b2.", "\u2022", "\u2022 ", "http://x", "www.", '"', "(", "-", ".", "?", "lol"),
    )
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(_PARTS, max_size=8).map(" ".join), st.lists(_PARTS, max_size=8).map("".join))
def test_clean_name_and_is_name_as_the_plain_patterns(spaced: str, joined: str) -> None:
    for line in (spaced, joined):
        assert shapes.clean_name(line) == _plain_clean_name(line)
        assert shapes.is_name(line) == _plain_is_name(line)


def test_clean_name_keeps_what_no_pattern_takes() -> None:
    assert shapes.clean_name("  Grass says  ") == "Grass"
    assert shapes.clean_name("Grasses") == "Grasses"
    assert shapes.clean_name("Rob \u017fays:") == "Rob"
    assert shapes.clean_name("\u0663. Rob") == "Rob"
    assert shapes.clean_name("1994") == "1994"
