"""fold leaves a text already spaced as it is: the same key as splitting and joining it."""

from __future__ import annotations

import unicodedata

from hypothesis import example, given, settings
from hypothesis import strategies as st

from masthead.extract.text import _QUOTES, _spaced, fold


def _plain_fold(text: str) -> str:
    """fold as written before the already-spaced shortcut."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return " ".join(text.casefold().split())


#: Every kind of space and break str.split knows, beside ordinary text.
_TEXTS = st.text(
    alphabet=st.one_of(
        st.sampled_from(" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2028\u2029\u202f\u3000ab.’“"),
        # every character of the quote and dash table
        st.sampled_from("‘‚‛′”„‟″«»–—−…"),
        st.characters(),
    ),
    max_size=40,
)


@settings(max_examples=1500, deadline=None)
@given(_TEXTS)
@example("")
@example(" a")
@example("a ")
@example("a  b")
@example("a\u2028b")
@example("a\x1fb")
def test_spaced_is_split_and_join(text: str) -> None:
    assert _spaced(text) == " ".join(text.split())


@settings(max_examples=1000, deadline=None)
@given(_TEXTS)
@example("Support  The Moscow Times!")
@example("\u00c9T\u00c9 \u2014 \ufb01n")
def test_fold_is_the_plain_fold(text: str) -> None:
    assert fold(text) == _plain_fold(text)
