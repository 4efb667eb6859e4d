"""The per-line tests of the toolkit give the answers of their plain definitions.

Plugins call these on every line of every page, so they take shortcuts
(cheap character checks first, a word count that stops at its limit, an
ASCII line skipping the case-twin search). The plain definitions are kept
here and compared on varied lines, near every limit the shortcuts rely on.
"""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from masthead.extract import agencies, bylines, captions, dates, shapes
from masthead.extract.boilerplate import Phrases
from masthead.extract.text import fold, has_four_digits

#: Words near every rule: small words, capitals, abbreviations, digits of
#: other scripts, case twins, punctuation a line may end with.
WORDS = st.sampled_from(
    (
        *("The", "the", "of", "Putin", "putin", "U.S.", "St.", "Inc.", "Says", "says", "RUSSIA", "(AP)"),
        *("Photo:", "photo", "by", "Reuters", "TASS", "/", "©", "Press", "Service", "Kremlin.ru", "CC", "BY"),
        *("2024", "12", "١٢٣٤", "٢٠٢٤", "İstanbul", "ıi", "ſo", "\u212aelvin", "…", "...", "—", ":", ";", ",", "."),
        *("said.", "Next!", "Why?", '"Quote"', "“Quote”", "x" * 40, "Ab" * 30),
    )
)
SEPARATORS = st.sampled_from((" ", " ", " ", "  ", "\t", "\u00a0", "\n"))
ENDINGS = st.sampled_from(("", ".", ",", ";", ":", "...", "…", "!", "?", " ", "  ", ")", ").", '"', "\n"))


@st.composite
def lines(draw: st.DrawFn, max_words: int = 80) -> str:
    words = draw(st.lists(WORDS, max_size=max_words))
    line = "".join(word + draw(SEPARATORS) for word in words).rstrip(" ") if words else ""
    return draw(st.sampled_from(("", " ", "\t"))) + line + draw(ENDINGS)


def plain_is_headline(line: str, *, strict: bool = True) -> bool:
    words = line.split()
    if not 2 <= len(words) <= 30 or len(line) > 250:
        return False
    stripped = line.rstrip()
    if stripped.endswith((".", ",", ";", ":")) and not shapes._ABBREV_END.search(stripped):
        return False
    if stripped.endswith("...") or (strict and shapes.sentence_breaks(line)):
        return False
    if len(words) >= 3:
        letters = [ch for ch in line if ch.isalpha()]
        if letters and sum(ch.isupper() for ch in letters) / len(letters) > 0.85:
            return False
    significant = capitalised = 0
    for word in words:
        core = word.strip(shapes._WORD_EDGE)
        if not core or not core[0].isalpha() or core.lower() in shapes.SMALL_WORDS:
            continue
        significant += 1
        capitalised += core[0].isupper()
    return capitalised >= 2 and capitalised / max(significant, 1) >= 0.8


def plain_headline_shaped(line: str, *, max_words: int = 24, max_chars: int = 180) -> bool:
    tokens = line.split()
    if len(line) > max_chars or not 2 <= len(tokens) <= max_words:
        return False
    core = line.rstrip(shapes._CLOSERS)
    if core.endswith((".", "…", ":", ";", ",", "-", "–", "—")) and not shapes._HEADLINE_ABBREVIATION_END.search(core):
        return False
    return not shapes.sentence_breaks(line) and shapes.starts_capitalised(line)


def plain_lowered(text: str) -> str | None:
    return None if any(twin in text for twin in captions.ASCII_CASE_TWINS) else text.lower()


def plain_is_caption(line: str, *, agencies: tuple[str, ...] = ()) -> bool:
    if len(line.split()) > 70:
        return False
    key = fold(line)
    if key.startswith(captions.CAPTION_LABELS) or captions._CREDIT_PAREN.search(line):
        return True
    if line.rstrip().endswith(captions._SENTENCE_END):
        return False
    return bool(captions._LICENCE.search(line)) or captions.credit_of(line, agencies=agencies) is not None


def plain_matches_folded(phrases: Phrases, key: str) -> bool:
    if not key:
        return False
    if key in phrases.exact or key.rstrip(" :.!") in phrases.exact:
        return True
    if any(phrase in key for phrase in phrases.contains):
        return True
    if (
        phrases.prefixes
        and key.startswith(phrases.prefixes)
        and (phrases.prefix_words is None or len(key.split()) <= phrases.prefix_words)
    ):
        return True
    return any(pattern.search(key) for pattern in phrases.patterns)


@st.composite
def long_headlines(draw: st.DrawFn, length: int) -> str:
    """A Title Case line of about ``length`` characters (two either side)."""
    head = " ".join(draw(st.lists(st.sampled_from(("Putin", "Says", "of", "U.S.", "Kremlin")), min_size=1, max_size=6)))
    target = length + draw(st.integers(-2, 2))
    return head + " W" + "x" * max(0, target - len(head) - 2) + draw(st.sampled_from(("", " ", "?")))


@st.composite
def counted_lines(draw: st.DrawFn, words: int) -> str:
    """A line of ``words`` words, one either side."""
    count = words + draw(st.integers(-1, 1))
    return "".join(draw(WORDS) + draw(SEPARATORS) for _ in range(count)) + draw(ENDINGS)


@settings(max_examples=400, deadline=None)
@given(st.one_of(lines(), long_headlines(250), counted_lines(30)), st.booleans())
@example("Putin Warns the U.S.", True)
@example("Kremlin Answers U.K.", True)
@example("Kremlin Answers u.S.", True)
def test_is_headline_keeps_its_definition(line: str, strict: bool) -> None:
    assert shapes.is_headline(line, strict=strict) == plain_is_headline(line, strict=strict)


@settings(max_examples=300, deadline=None)
@given(st.one_of(lines(max_words=40), long_headlines(180), counted_lines(24)), st.integers(-1, 1))
@example("Putin Warns the U.S.", 0)
@example("Sanctions Hit Apple Inc.", 0)
@example("Talks Move to St. Petersburg and St.", 0)
@example("Talks Move to Kazan, Russia, Says Z.", 0)
def test_headline_shaped_keeps_its_definition(line: str, delta: int) -> None:
    """At the default limits, at a character limit of the line's own length,
    and at a word limit of the line's own word count."""
    assert shapes.headline_shaped(line) == plain_headline_shaped(line)
    limit = max(1, len(line) + delta)
    assert shapes.headline_shaped(line, max_chars=limit) == plain_headline_shaped(line, max_chars=limit)
    words = max(0, len(line.split()) + delta)
    assert shapes.headline_shaped(line, max_words=words) == plain_headline_shaped(line, max_words=words)


@settings(max_examples=300, deadline=None)
@given(st.one_of(lines(), counted_lines(70)))
@example("Photo: " + "word " * 70)
@example("word " * 70 + "(Photo: Reuters).")
@example("Photo: " + "word " * 68)
@example("Photo: Sergei Karpukhin / TASS.")
@example("Putin and Xi in Moscow (Photo: AP).")
def test_is_caption_keeps_its_definition(line: str) -> None:
    assert captions.is_caption(line, agencies=("TASS", "AP")) == plain_is_caption(line, agencies=("TASS", "AP"))


@given(lines(max_words=12))
def test_lowered_keeps_its_definition(line: str) -> None:
    assert captions._lowered(line) == plain_lowered(line)


@given(st.text(alphabet=st.sampled_from("0123456789١٢٣٤٥ a.-\n"), max_size=40))
def test_date_line_prefilter_finds_the_four_digits_of_any_script(line: str) -> None:
    assert has_four_digits(line) == (re.search(r"\d{4}", line) is not None)


FAMILY = Phrases(
    "family",
    exact=("share", "comments", "support us"),
    prefixes=("support ",),
    contains=("donate today",),
    patterns=(r"^\d+ comments?$",),
    prefix_words=4,
)


@given(
    st.lists(
        st.sampled_from(("share", "comments", "support", "us", "donate", "today", "3", "comment", "x")), max_size=4
    ),
    st.sampled_from(("", ".", ":", "!", "?", " :", ". !", ":?")),
)
def test_matches_folded_keeps_its_definition(words: list[str], end: str) -> None:
    key = fold(" ".join(words)) + end
    assert FAMILY.matches_folded(key) == plain_matches_folded(FAMILY, key)


def plain_sentence_breaks(line: str) -> int:
    return sum(
        1 for found in shapes._SENTENCE_BREAK.finditer(line) if found["word"].lower() not in shapes.ABBREVIATIONS
    )


def plain_is_prose(line: str, *, min_words: int = 8) -> bool:
    return len(line.split()) >= min_words and not plain_is_headline(line)


def plain_reporting_credits(line: str) -> tuple[str, ...] | None:
    if len(line.split()) > 14:
        return None
    for pattern in bylines._REPORTING:
        match = pattern.match(line.strip())
        if match:
            names = tuple(n.strip(" .") for n in bylines._CREDIT_SPLIT.split(match.group("names")) if n.strip(" ."))
            if names and all(n[0].isupper() and len(n.split()) <= 4 for n in names):
                return names
    return None


def plain_source_note(line: str) -> str | None:
    if len(line.split()) > 15:
        return None
    match = bylines._SOURCE_NOTE.match(line.strip())
    if match is None:
        return None
    return match.group("what").strip().rstrip(".") or None


#: Credit and byline words, in every case, and their case twins.
CREDIT_WORDS = st.sampled_from(
    (
        *("Reporting", "REPORTING", "reporting", "repoRTİng", "includes", "Includes", "from", "by", "with"),
        *("additional", "Contributed", "contributed", "contrıbuted", "to", "this", "report", "story", "AFP"),
        *("Reuters", "and", "Anna", "Smith", "Source:", "source:", "originally", "published", "on", "RT", "SF Team"),
        *("Written", "By", "April", "7,", "2025", ",", ".", "x", "“AFP”", "Énergie", "CONTRİBUTED"),
    )
)


#: How credit lines start, one with a case twin ("İ").
CREDIT_OPENINGS = st.sampled_from(
    (
        *("Reporting by", "Additional reporting from", "With reporting by", "Includes reporting from"),
        *("This story includes reporting by", "REPORTİNG BY", "Source:", "Originally published on"),
        *("AFP contributed to this report", "Reuters contributed reporting", "Anna Smith contrİbuted reporting"),
        *("REPORTİNG BY Anna Smith", "AFP contrıbuted to this report", "Reporting by Anna Smith and AFP"),
    )
)


@st.composite
def credit_lines(draw: st.DrawFn, words: int) -> str:
    """A credit-like line of up to about ``words`` words, often one that opens like a credit."""
    opening = draw(st.one_of(st.just(""), CREDIT_OPENINGS))
    count = draw(st.one_of(st.just(0), st.integers(0, words + 2))) - len(opening.split())
    tail = [draw(CREDIT_WORDS) for _ in range(max(count, 0))]
    return " ".join([opening, *tail]).strip() + draw(ENDINGS)


@settings(max_examples=300, deadline=None)
@given(st.one_of(lines(), long_headlines(250)))
def test_sentence_breaks_keeps_its_definition(line: str) -> None:
    assert shapes.sentence_breaks(line) == plain_sentence_breaks(line)


@settings(max_examples=300, deadline=None)
@given(st.one_of(lines(max_words=12), counted_lines(8)), st.integers(-1, 10))
def test_is_prose_keeps_its_definition(line: str, min_words: int) -> None:
    assert shapes.is_prose(line, min_words=min_words) == plain_is_prose(line, min_words=min_words)
    assert shapes.is_prose(line) == plain_is_prose(line)


@settings(max_examples=400, deadline=None)
@given(credit_lines(15))
def test_credit_readers_keep_their_definitions(line: str) -> None:
    assert bylines.reporting_credits(line) == plain_reporting_credits(line)
    assert bylines.source_note(line) == plain_source_note(line)


def plain_date_line(text: str | None) -> str | None:
    if not text or not re.search(r"\d{4}", text):
        return None
    line = bylines._DATE_LEAD.sub("", bylines._LAST_EDITED.sub("", text.strip())).strip(" .,|")
    if ":" in line:
        line = bylines._DATE_TIME_SEPARATOR.sub(" ", line)
    return dates._whole_date(line) or dates.parse_date(line)


#: Pieces of date lines: leads, dates of every form, times, edits, edges.
DATE_PIECES = st.sampled_from(
    (
        *("Published:", "Posted on", "Updated", "April 7, 2025", "7 April 2025", "2025-04-07", "07.04.2025"),
        *("2025-04-07 10:30", "2025-04-07T10:30:00Z", "Mon, 07 Apr 2025 10:30:00 +0000", "1:15 pm", "18:22"),
        *("-", "|", "—", "Last edited 18:22", "LAST EDITED", "last edİted", "٢٠٢٥", "\t", ".", ",", "words"),
        *("La\u017fT EDıTED", "“Quoted”", "laſt", "edited"),
    )
)


@settings(max_examples=400, deadline=None)
@given(st.lists(DATE_PIECES, max_size=5), st.sampled_from(("", " ", "\t", ".", " .\t", ",\n")))
@example(["April 7, 2025", "\t", "."], "")  # read again once stripped of the tab
def test_date_line_keeps_its_definition(pieces: list[str], edge: str) -> None:
    text = " ".join(pieces) + edge
    assert bylines.date_line(text) == plain_date_line(text)


#: Each letter of "last edited" as the case-blind expression takes it, and what may stand between.
_LAST_EDITED_LETTERS = {letter: (letter, letter.upper()) for letter in "ltaed"} | {
    "s": ("s", "S", "\u017f"),
    "i": ("i", "I", "\u0130", "\u0131"),
    " ": (" ", "  ", "\u00a0", "\t"),
}
_LAST_EDITED_SPELLINGS = st.tuples(*(st.sampled_from(_LAST_EDITED_LETTERS[c]) for c in "last edited")).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(_LAST_EDITED_SPELLINGS, st.sampled_from(("\u00e9", "x", " ", "\n", "2025"))), max_size=4))
def test_a_line_the_last_edited_expression_matches_may_say_it(pieces: list[str]) -> None:
    text = "".join(pieces)
    if bylines._LAST_EDITED.search(text):
        assert bylines._may_say_last_edited(text)


#: Keywords and pieces of them, so that one keyword starts inside another's match.
KEYWORD_PIECES = st.sampled_from(
    (*agencies._KEYWORDS, "Korean", "Central", "News", "Dow", "Jon", "es", "Reu", "ters", "TA", "SS", " ", "\n", "\x00")
)


@settings(max_examples=400, deadline=None)
@given(st.lists(KEYWORD_PIECES, max_size=12))
def test_keywords_in_finds_what_a_search_of_each_finds(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert agencies._keywords_in(text) == frozenset(k for k in agencies._KEYWORDS if k in text)


def test_a_keyword_inside_another_is_found() -> None:
    assert {"Korean Central", "Central News"} <= agencies._keywords_in("the Korean Central News Agency")


#: Words phrases share, long and short, so that groups form and overlap.
PHRASE_WORDS = st.sampled_from(("support", "southfront", "please", "you", "donate", "our", "project", "helping", "x"))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.lists(PHRASE_WORDS, min_size=1, max_size=4).map(" ".join), max_size=8),
    st.lists(st.lists(PHRASE_WORDS, max_size=8).map(" ".join), min_size=1, max_size=5),
)
def test_contains_phrases_match_as_each_searched_alone(contains: list[str], keys: list[str]) -> None:
    family = Phrases("family", contains=contains)
    grouped = {phrase for word, group in family._contains for phrase in (group or (word,))}
    assert grouped == set(family.contains)
    for key in keys:
        assert family.matches_folded(key) == plain_matches_folded(family, key)
