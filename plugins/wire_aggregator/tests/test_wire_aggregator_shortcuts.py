"""The line tests' shortcuts answer as the searches they skip.

:func:`masthead_wire_aggregator.shapes.is_caption` searches for a trailing
"Source:" credit only in a line whose lower-cased text holds a piece of one
of the credit words. The long way searches every line; both are compared on
lines built from every spelling the case-blind expression accepts. The
detector looks for the fewest of the other outlets' markers and of the
site's names that say whether a page holds any of them. A line's folded
label is matched with the site's phrases without being folded again when
it is ASCII; it is compared with the phrases' own matching. The stop, menu
and widget questions read one label per line; they answer as asked apart.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from masthead.extract import captions
from masthead.extract.text import fold
from masthead_wire_aggregator import shapes, source
from masthead_wire_aggregator import vocabulary as voc

#: Each letter's spellings that a case-blind expression takes for it.
_CASES = {letter: (letter, letter.upper()) for letter in "abcdefghijklmnopqrstuvwxyz"}
_CASES |= {"i": ("i", "I", "\u0130", "\u0131"), "s": ("s", "S", "\u017f"), "k": ("k", "K", "\u212a")}
_WORDS = ("photo", "image", "picture", "source", "credit", "credits", "by", "courtesy of")
_AROUND = (" ", ". ", ") ", " | ", " / ", ":", "Kremlin.ru", "Reuters", "x", "\u0301", "Tass", "ma", "of")


def _spelled(word: str) -> st.SearchStrategy[str]:
    """``word`` in any case, a letter at a time."""
    return st.tuples(*(st.sampled_from(_CASES.get(char, (char,))) for char in word)).map("".join)


_LINES = st.lists(st.one_of(st.sampled_from(_WORDS).flatmap(_spelled), st.sampled_from(_AROUND)), max_size=8)


_CREDITS = st.tuples(
    st.sampled_from(("", "Talks in Minsk. ", "Talks (Minsk) ", "Talks | ", "Talks / ")),
    st.sampled_from(_WORDS[:5]).flatmap(_spelled),
    st.sampled_from((":", " :", " by", " courtesy", " courtesy of", " credits:", " Credit by")),
    st.sampled_from((" Kremlin.ru", " John Smith", " Reuters\u0301")),
).map("".join)


@settings(max_examples=300)
@given(_CREDITS)
def test_every_trailing_credit_holds_a_piece_of_its_word(line: str) -> None:
    assert shapes._TRAILING_CREDIT.search(line)
    assert shapes._may_name_credit(line)


def _long_way(line: str) -> bool:
    if len(line) > 400 or len(line.split()) > 40:
        return False
    return captions.is_caption(line) or bool(shapes._TRAILING_CREDIT.search(line))


@settings(max_examples=300)
@given(_LINES.map("".join))
def test_the_caption_test_answers_as_the_long_way(line: str) -> None:
    assert shapes.is_caption(line) == _long_way(line)


def test_credits_in_odd_spellings_are_captions() -> None:
    assert shapes.is_caption("Talks in Minsk. \u017fource: Some Person")  # long s
    assert shapes.is_caption("Talks in Minsk. P\u0131cture courtesy of Some Person")  # dotless i
    assert not shapes.is_caption("The source said the talks in Minsk had failed.")


_FURNITURE = [text for text, _ in voc.CUT_SHORT_FURNITURE]


@st.composite
def _cut_furniture(draw: st.DrawFn) -> str:
    """A start of a furniture text, maybe in capitals, decorated or followed by other words."""
    text = draw(st.sampled_from(_FURNITURE))
    start = text[: draw(st.integers(0, len(text)))]
    start = draw(st.sampled_from((start, start.upper(), f"| {start}", f"{start} extra words", f"{start}...")))
    return start


def _stop_long_way(line: str) -> bool:
    key = shapes._label(line[:240])
    if voc.STOP.matches(key):
        return True
    if len(line) > 240:
        return False
    return any(text.startswith(key) and len(key.split()) >= least for text, least in voc.CUT_SHORT_FURNITURE)


@settings(max_examples=300)
@given(_cut_furniture())
def test_the_stop_test_answers_as_the_long_way(line: str) -> None:
    assert shapes.is_stop(line) == _stop_long_way(line)


def test_furniture_cut_short_needs_its_words() -> None:
    assert shapes.is_stop("This article does not")
    assert not shapes.is_stop("This article")  # a story's own words
    assert shapes.is_stop("Welcome to")
    assert not shapes.is_stop("Welcome")


def test_the_shortest_needles_drop_those_holding_another() -> None:
    assert source._shortest(["the moscow times", "support the moscow times", "x", "x", "southfront.press"]) == (
        "the moscow times",
        "x",
        "southfront.press",
    )


_MARKER_TEXTS = st.lists(
    st.sampled_from((*voc.FOREIGN_MARKERS, *source._SITE_NAMES, "econotimes.com", "the moscow", " ", "news")),
    max_size=4,
).map(" ".join)


@given(_MARKER_TEXTS)
def test_the_detector_finds_a_marker_or_name_wherever_the_full_lists_do(text: str) -> None:
    names = [fold(name) for name in voc.SITE_NAMES]
    assert any(m in text for m in source._FOREIGN) == any(m in text for m in voc.FOREIGN_MARKERS)
    assert any(n in text for n in source._SITE_NAMES) == any(n in text for n in names)


_LABEL_LINES = st.one_of(
    st.text(alphabet=st.sampled_from(" |•-:»ＭMenuSearchComment\u00df\u0130\u212a\u2019'.\t")),
    st.sampled_from(("Menu", "| Politics", "• Share this", "COMMENTS:", "Sign  up for free", "Ｍenu", "©Elmin Media")),
)


@settings(max_examples=300)
@given(_LABEL_LINES)
def test_a_label_is_matched_as_if_folded_again(line: str) -> None:
    label = shapes._label(line)
    for phrases in (voc.MENU, voc.WIDGET, voc.STOP):
        assert shapes._holds(phrases, label) == phrases.matches(label)


#: Lines around the limits the label questions look at (160 and 240 characters).
_LABEL_LENGTH_LINES = st.tuples(
    _LABEL_LINES | _cut_furniture(),
    st.sampled_from(("", " ", "x" * 150, "word " * 31, "Menu " * 48, "y" * 239)),
).map("".join)


@settings(max_examples=300)
@given(_LABEL_LINES | _cut_furniture() | _LABEL_LENGTH_LINES)
def test_one_label_answers_the_stop_menu_and_widget_questions(line: str) -> None:
    found = shapes.label_facts(line)
    assert bool(found & shapes.STOP_LABEL) == shapes.is_stop(line)
    assert bool(found & shapes.MENU_LABEL) == shapes.is_menu(line)
    assert bool(found & shapes.WIDGET_LABEL) == shapes.is_widget(line)
