"""The comment and byline toolkit's shortcuts answer as the plain logic they stand for."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from masthead.extract import bylines, comments, shapes, text
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


#: Pieces of a thread's lines: names, ages, dates of several forms (digits of
#: other scripts too), bullets, arrows, "said:", chrome and plain words.
_THREAD_PARTS = st.sampled_from(
    (
        *("Rob", "Ann", "x_X", "\u2022", "\u2192", "said:", "on", "at", "Reply", "Reply to Rob", "2", "-1", "lol"),
        *("5 years ago", "a day ago", "AGO", "just now", "Yesterday", "May 21, 2016", "7:05 pm", "2016-05-21"),
        *("21 May 2019 16:15", "07.04.2025", "\u0662\u0660\u0661\u0669", "1999", "20", "19", " ", ".", "?", "!"),
        *("Conclusion", "Conclusion:", "Ukraine Strikes Refinery Near Ryazan", "I agree with that.", "\u201cyes\u201d"),
        # Ages folding finds in other spellings: full-width letters, other spaces, capitals.
        *("\uff41\uff47\uff4f", "\uff15 years", "JUST NOW", "Just\u00a0now", "YESTERDAY", "yesterday\u2003", "now"),
    )
)


def _plain_stamp(line: str) -> bool:
    return comments.is_stamp(line)


@settings(max_examples=800, deadline=None)
@given(st.lists(_THREAD_PARTS, min_size=1, max_size=6).map(" ".join))
def test_reader_stamps_as_the_plain_tests(line: str) -> None:
    reader = comments._Reader(None)
    # The plain logic: every line read by the name-and-date reader.
    assert reader.name_stamp(line) == comments._Reader(None)._name_stamp(line)
    assert reader.stamp(line) == _plain_stamp(line)
    assert reader.stamped(line) == (_plain_stamp(line) or comments._Reader(None)._name_stamp(line) is not None)


@settings(max_examples=800, deadline=None)
@given(st.lists(_THREAD_PARTS, min_size=1, max_size=6).map(" ".join))
def test_reader_stamped_first_as_the_plain_tests(line: str) -> None:
    """A line asked first whether it is stamped (the thread finders' question)
    is then a stamp and a head as the plain tests say: a line told apart by
    its year, bullet and end alone keeps its answers for both."""
    reader = comments._Reader(None)
    plain_head = comments._Reader(None)._name_stamp(line)
    assert reader.stamped(line) == (_plain_stamp(line) or plain_head is not None)
    assert reader.stamp(line) == _plain_stamp(line)
    assert reader.name_stamp(line) == plain_head


def _plain_named_run_start(reader: comments._Reader, lines: list[str], start: int, stop: int) -> int | None:
    """``comments._named_run_start`` counting every text line's words as it reads it."""
    best: int | None = None
    names = words = 0
    informal = chatty = False
    run = 0
    for index in range(stop - 1, start - 1, -1):
        line = lines[index]
        if reader.chrome(line):
            informal = informal or text.fold(line) == "reply" or comments.reply_to(line) is not None
            continue
        if comments._is_section_heading(line):
            break
        following = lines[index + 1] if index + 1 < stop else None
        if reader.name_line(line) and run > 0 and following is not None and not reader.name_line(following):
            names += 1
            informal = informal or comments._handle_like(line)
            run = 0
            if (names >= comments.MIN_NAMES_WITHOUT_CHROME and informal) or (
                names >= comments._MIN_PLAIN_NAMES and chatty and words <= comments._CHAT_WORDS * names
            ):
                best = index
            continue
        if not reader.name_line(line) and shapes.is_headline(line):
            break
        run += 1
        count = len(line.split())
        words += count
        chatty = chatty or count <= comments._CHAT_LINE_WORDS or line.rstrip().endswith(("?", "!"))
        if run > comments._MAX_UNMARKED_LINES:
            break
    return best


#: Lines of named threads and of the articles they follow.
_RUN_LINES = st.sampled_from(
    (
        *("Rob", "ann_1", "Mr. Reality", "Tom Jones", "Reply", "Reply to Rob", "Conclusion", "Notify of"),
        *("lol", "Why?", "I agree with that.", "Same story as with the gas, and with the oil before it."),
        *("Ukraine Strikes Refinery Near Ryazan", "5 years ago", " ".join(["word"] * 45), " ".join(["long"] * 30)),
        # Around the word counts the heading and chat tests share: six words, seven, a heading with marks.
        *("one two three four five six", "one two three four five six seven", "#2 Summary says:", "\u2022 Update"),
    )
)


@settings(max_examples=800, deadline=None)
@given(st.lists(_RUN_LINES, max_size=16), st.integers(0, 3))
def test_named_run_start_as_the_plain_count(lines: list[str], start: int) -> None:
    start = min(start, len(lines))
    found = comments._named_run_start(comments._Reader(None), lines, start, len(lines))
    assert found == _plain_named_run_start(comments._Reader(None), lines, start, len(lines))


def test_named_run_start_counts_the_words_of_plain_names() -> None:
    # Three names, none a screen name: a question makes the run chat, and
    # the comments' length then decides.
    wordy = " ".join(["word"] * 45)
    long_run = ["Tom Jones", wordy, wordy, wordy, "Mr. Reality", wordy, "Why?", "Tom Jones", wordy, wordy]
    short_run = ["Tom Jones", "Fine.", "Mr. Reality", "Why not?", "Tom Jones", "Because."]
    for lines in (long_run, short_run):
        found = comments._named_run_start(comments._Reader(None), lines, 0, len(lines))
        assert found == _plain_named_run_start(comments._Reader(None), lines, 0, len(lines))
    assert comments._named_run_start(comments._Reader(None), long_run, 0, len(long_run)) is None
    assert comments._named_run_start(comments._Reader(None), short_run, 0, len(short_run)) == 0


def _plain_numbered(line: str) -> tuple[int, str] | None:
    match = comments._NUMBERED.match(line.strip())
    if match is None:
        return None
    return int(match.group("hash") or match.group("num")), (match.group("rest") or "").strip()


@settings(max_examples=800, deadline=None)
@given(
    st.lists(
        st.sampled_from(("1.", "12)", "#", "# 3", "#4", "\u0663.", "\u00b2.", " ", "\t", "Rob", "x", "")), max_size=5
    )
)
def test_numbered_as_the_plain_pattern(parts: list[str]) -> None:
    for line in (" ".join(parts), "".join(parts)):
        assert comments._numbered(line) == _plain_numbered(line)


#: Characters of lines the reader scans for a year: ASCII and other digits,
#: curly quotes, letters of several widths, a lone surrogate.
_DIGIT_TEXT = st.text(
    alphabet=st.sampled_from("0123456789 ab.\u201c\u201d\u00e9\u0660\u0661\u0662\u00b2\uff11\U0001d7ce\ud800"),
    max_size=120,
)


@settings(max_examples=800, deadline=None)
@given(_DIGIT_TEXT, st.integers(0, 60))
def test_four_digits_as_the_plain_pattern(digits: str, pad: int) -> None:
    # Padded past the length from which on the bytes are scanned.
    for line in (digits, "x" * pad + digits, digits + "\u201c" * pad):
        assert text.has_four_digits(line) == (re.search(r"\d\d\d\d", line) is not None)


_RUN_NAMES = st.sampled_from(("Rob", "Rob says:", "\u2022 Ann", "bob_77", "Conclusion", "BITCOIN", "Kim Lee"))
_RUN_TEXTS = st.sampled_from(
    (
        *("Great piece.", "Is that so?", "Support us", "Click to see full-size map", "Reply to Rob"),
        "Russia And China Sign New Energy Deal",
        "The ministry said the talks would resume in May after a pause of several weeks, officials added.",
    )
)
#: Pages ending in what may be a run of named comments: NAME, a few lines, "Reply" or not.
_RUN_PAGES = st.tuples(
    st.lists(st.one_of(_RUN_NAMES, _RUN_TEXTS, st.sampled_from(("Reply", "lol", "ETH"))), max_size=6),
    st.lists(st.tuples(_RUN_NAMES, st.lists(_RUN_TEXTS, min_size=1, max_size=3), st.booleans()), max_size=5),
).map(lambda page: [*page[0], *(line for name, said, reply in page[1] for line in (name, *said, *["Reply"][:reply]))])


@settings(max_examples=400, deadline=None)
@given(_RUN_PAGES, st.data())
def test_a_named_run_is_looked_for_only_where_two_name_lines_come_before_the_last(
    lines: list[str], data: st.DataObject
) -> None:
    start = data.draw(st.just(0) | st.integers(0, len(lines)))
    stop = data.draw(st.just(len(lines)) | st.integers(start, len(lines)))
    reader = comments._Reader(lambda line: line == "Support us")
    assert comments._named_run_start(reader, lines, start, stop) == comments._named_run(reader, lines, start, stop)


def test_a_named_run_of_two_names_only_is_still_found() -> None:
    # The fewest names a run counts, the second one right before the last
    # line: the pre-check must ask for no more.
    lines = ["Rob", "Great piece.", "bob_77", "Is that so?"]
    assert comments._named_run_start(comments._Reader(None), lines, 0, len(lines)) == 0


def test_a_long_article_without_a_named_run_is_not_read_to_its_top() -> None:
    """The pre-check hands a stretch of more unnamed lines than a comment
    runs to over to the full reading, which stops there: a 10,000-line
    article costs what a short one does."""
    asked: list[str] = []

    class Counting(comments._Reader):
        def name_line(self, line: str) -> bool:
            asked.append(line)
            return super().name_line(line)

    lines = ["Rob", *["The ministry said the talks would resume in May, officials added."] * 10_000, "lol"]
    assert comments._named_run_start(Counting(None), lines, 0, len(lines)) is None
    assert len(asked) <= comments._PRECHECK_UNNAMED + 4 * (comments._MAX_UNMARKED_LINES + 2)


@settings(max_examples=200, deadline=None)
@given(_RUN_PAGES, st.integers(0, 3), st.data())
def test_the_full_reading_that_takes_over_a_long_stretch_gives_the_same_start(
    lines: list[str], at: int, data: st.DataObject
) -> None:
    """Past the pre-check's stretch of unnamed lines, names further up may
    still make a run: the full reading finds what it always found."""
    filler = ["The ministry said the talks would resume in May, officials added."] * (comments._PRECHECK_UNNAMED + 1)
    cut = min(at, len(lines))
    page = [*lines[:cut], *filler, *lines[cut:]] if data.draw(st.booleans()) else [*lines, *filler[:3], "Rob", "lol"]
    reader = comments._Reader(lambda line: line == "Support us")
    assert comments._named_run_start(reader, page, 0, len(page)) == comments._named_run(reader, page, 0, len(page))


def test_the_names_a_run_needs_are_read_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    """``MIN_NAMES_WITHOUT_CHROME`` is public: the pre-check reads it at each call, as the full reading does."""
    lines = ["An article paragraph that ends like one.", "rob_1970", "lol nice one, really."]
    assert comments._named_run_start(comments._Reader(None), lines, 0, len(lines)) is None
    monkeypatch.setattr(comments, "MIN_NAMES_WITHOUT_CHROME", 1)
    assert comments._named_run_start(comments._Reader(None), lines, 0, len(lines)) == 1
    assert comments.thread_start(lines) == 1
