"""Boilerplate.kind_of asks its families together: the same answer as asking them in turn."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from masthead.extract import comments, donations, listing
from masthead.extract.boilerplate import BlockRule, Boilerplate, KeptAnswers, Phrases
from masthead.extract.text import fold


def _in_turn(bp: Boilerplate, line: str, *, last: bool = False) -> str | None:
    """What kind_of answered before its families were looked up together."""
    key = fold(line)
    every = (*bp.families, *(b.start for b in bp.blocks))
    for family in every:
        if family.matches_folded(key):
            return family.name
    for family in every:
        if family.matches_cut_folded(key, last=last):
            return family.name
    return None


#: Core families that between them use every way of matching, word limits and
#: shared phrases included (names repeat, as an outlet's may).
CORE = Boilerplate(
    donations.WIDGETS,
    comments.COMMENT_OPENERS,
    comments.COMMENT_CHROME,
    listing.LISTING_PHRASES,
    Phrases("short", prefixes=("support us", "reply to "), prefix_words=3),
    Phrases("donation", exact=("Support us", "Comments"), contains=("donate now",), patterns=(r"(?i)^x+$",)),
    blocks=[BlockRule("block", start=Phrases("start", prefixes=("do you like",), contains=("notify of new",)))],
)

_PHRASES = sorted(
    {
        phrase
        for family in (*CORE.families, *(b.start for b in CORE.blocks))
        for phrase in (*family.exact, *family.prefixes, *family.contains)
    }
)
_WORDS = sorted({word for phrase in _PHRASES for word in phrase.split()} | {"article", "text", "12", "ago"})


@st.composite
def _lines(draw: st.DrawFn) -> str:
    """A family's phrase (whole, cut, with words around it, in another case or
    spacing, with a trailing stop) or a line of their words."""
    phrase = draw(st.sampled_from(_PHRASES))
    shape = draw(st.integers(0, 4))
    if shape == 1:
        phrase = phrase[: draw(st.integers(0, len(phrase)))]
    elif shape == 2:
        phrase = " ".join(draw(st.lists(st.sampled_from(_WORDS), max_size=12)))
    elif shape == 3:
        before = draw(st.lists(st.sampled_from(_WORDS), max_size=3))
        after = draw(st.lists(st.sampled_from(_WORDS), max_size=12))
        phrase = " ".join((*before, phrase, *after))
    trail = draw(st.sampled_from(("", ".", ":", "!", " ...", "…", " :.")))
    line = phrase + trail
    return line.upper() if draw(st.booleans()) else line


@settings(max_examples=600, deadline=None)
@given(_lines(), st.booleans())
@example("Support us", False)
@example("Support us.", False)
@example("Comments", False)
@example("reply to Rob and everyone here", False)
@example("Notify of new replies to this comm", False)
@example("Notify of new", True)
@example("", True)
@example("xxx", False)
def test_kind_of_is_the_first_family_in_turn(line: str, last: bool) -> None:
    assert CORE.kind_of(line, last=last) == _in_turn(CORE, line, last=last)


def test_kind_of_prefers_a_whole_match_of_a_later_family_to_a_cut_one_of_an_earlier() -> None:
    bp = Boilerplate(Phrases("first", exact=("read more about our work",)), Phrases("second", exact=("read more",)))
    assert bp.kind_of("Read more") == "second"
    assert bp.kind_of("Read more about") == "first"


def test_kind_of_prefers_an_earlier_family_whatever_way_it_matches() -> None:
    bp = Boilerplate(
        Phrases("pattern", patterns=(r"^share\b",)),
        Phrases("prefix", prefixes=("share",)),
        Phrases("exact", exact=("share:",)),
    )
    assert bp.kind_of("Share:") == "pattern"
    limited = Boilerplate(Phrases("limited", prefixes=("share",), prefix_words=1), Phrases("exact", exact=("share",)))
    assert limited.kind_of("Share this") is None
    assert limited.kind_of("Share!") == "limited"


def test_kept_answers_keep_falsy_answers_and_ask_once() -> None:
    asked: list[str] = []

    def ask(line: str) -> bool:
        asked.append(line)
        return line == "yes"

    kept: dict[str, bool] = {}
    assert KeptAnswers(ask, kept)["no"] is False
    assert KeptAnswers(ask, kept)["no"] is False
    assert KeptAnswers(ask, kept)["yes"] is True
    assert asked == ["no", "yes"]


class _Counter(Phrases):
    """A family whose own matching takes what its phrases do not (a view count)."""

    def matches_folded(self, key: str) -> bool:
        return key.isdigit() or super().matches_folded(key)


def test_a_family_that_matches_in_its_own_way_is_asked_itself() -> None:
    bundle = Boilerplate(Phrases("share", exact=["share"]), _Counter("counter", exact=["views"]))
    assert bundle.kind_of("1234") == "counter"
    assert bundle.kind_of("Share") == "share"
    assert bundle.kind_of("Article text that is none of them.") is None


def test_families_given_anew_are_the_ones_asked() -> None:
    bundle = Boilerplate(Phrases("share", exact=["share"]))
    assert bundle.kind_of("Subscribe") is None
    bundle.families = (Phrases("subscribe", exact=["subscribe"]),)
    assert bundle.kind_of("Subscribe") == "subscribe"
    assert bundle.kind_of("Share") is None
    bundle.blocks = (BlockRule("appeal", start=Phrases("appeal", exact=["support us"])),)
    assert bundle.kind_of("Support us") == "appeal"


def test_a_phrase_folding_changes_again_is_matched_as_its_family_matches_it() -> None:
    # fold("\u03aa\u0301") is "\u03ca\u0301", which folds again to "\u03b9\u0308\u0301".
    greek = Phrases("greek", prefixes=["\u03aa\u0301 abc"], exact=["\u03aa\u0301 abcdefghijklmnop"])
    bundle = Boilerplate(greek, Phrases("other", exact=["zzz"]))
    for line in ("\u03aa\u0301 abc def", "\u03aa\u0301 abcdefghijk"):
        assert bundle.kind_of(line) == _in_turn(bundle, line) == "greek"
