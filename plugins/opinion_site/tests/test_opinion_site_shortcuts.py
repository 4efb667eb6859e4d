"""The shortcuts of the HTML reader give what the long way gives."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from masthead.extract.text import fold
from masthead_opinion_site import boilerplate as bp
from masthead_opinion_site import html

#: Characters around which folding is tricky: the marker's letters in both
#: cases, every kind of space, invisible and control characters, quotes and
#: dashes the fold maps, letters that normalize or casefold to ASCII ones
#: (fullwidth, ligature, Kelvin sign, long s, dotted capital I, sharp s) and
#: combining marks that merge with the letter before them.
_TRICKY = (
    "moreonthetopicMOREONTHETOPIC "
    "\t\n\r\x0b\x0c\x1c\x1f\x85\xa0\u1680\u2000\u2003\u200a\u2028\u202f\u205f\u3000"
    "\u200b\u00ad\ufeff\x00\x7f"
    "\u2019\u201c\u2013\u2026\u2033\u00ab"
    "\uff54\uff4f\uff50\ufb01\u212a\u017f\u0130\u00df\u00a8\u2460"
    "\u0301\u0327\u0308"
)


@given(st.text(alphabet=_TRICKY, max_size=40))
def test_the_marker_test_answers_as_fold_does(text: str) -> None:
    assert html._folds_to_marker(text) == (bp.MARKER in fold(text))


@given(st.lists(st.sampled_from(["more", "on", "the", "topic", "MORE ON", "  ", "\u3000", "\u0301", "x"]), max_size=12))
def test_the_marker_test_finds_the_words_across_spaces(words: list[str]) -> None:
    text = " ".join(words)
    assert html._folds_to_marker(text) == (bp.MARKER in fold(text))


def test_the_marker_test_on_known_spellings() -> None:
    assert html._folds_to_marker("MORE\u00a0ON  THE\ttopic:")
    assert html._folds_to_marker("furthermore on the topical")  # a piece of the folded text, as ``in`` finds
    assert html._folds_to_marker("\uff2d\uff2f\uff32\uff25 on the topic")  # fullwidth letters normalize to ASCII
    assert not html._folds_to_marker("more on the topi\u0301c")  # the mark merges with the letter
    assert not html._folds_to_marker("more on thetopic")
