from hypothesis import example, given, settings
from hypothesis import strategies as st

from masthead.extract.dates import find_date, parse_date, to_iso8601
from masthead.extract.text import collapse, fold, lines, normalize, starts_with_any


def test_normalize_unifies_line_endings_and_spaces_but_keeps_quotes() -> None:
    assert normalize("a\u00a0b\r\n“c”\u200b \rd\t") == "a b\n“c”\nd"


def test_lines_drops_blank_lines() -> None:
    assert lines("\n\n one \r\n\r\n\u00a0\n two") == ("one", "two")


def test_fold_matches_spellings_of_the_same_phrase() -> None:
    assert fold("Support  The Moscow Times!") == fold("SUPPORT the moscow times!")
    assert fold("“Quoted” — it’s") == fold('"quoted" - it\'s')
    assert fold("a") != fold("b")


def test_starts_with_any_and_collapse() -> None:
    assert starts_with_any("MORE ON THE TOPIC:", ["More on the topic"])
    assert not starts_with_any("Nothing more", ["More on the topic"])
    assert collapse(" a \n\n b ") == "a b"


def test_dates_normalize_to_iso_8601_or_none() -> None:
    assert to_iso8601("2020-04-25T10:00:00Z") == "2020-04-25T10:00:00+00:00"
    assert to_iso8601("2020-04-25 10:00") == "2020-04-25T10:00:00"
    assert to_iso8601("2020-04-25") == "2020-04-25"
    assert to_iso8601("Sat, 25 Apr 2020 10:00:00 +0300") == "2020-04-25T10:00:00+03:00"
    assert to_iso8601("2020-04-25T10:00:00.123+0300") == "2020-04-25T10:00:00.123000+03:00"
    assert to_iso8601("2020-02-30") is None
    assert to_iso8601("last Tuesday") is None
    assert to_iso8601("") is None
    assert to_iso8601(None) is None


def test_find_date_in_bylines_and_datelines() -> None:
    from masthead.extract.dates import find_date, parse_date

    assert find_date("Posted by Chris | July 1, 2019 | 3 Comments").iso == "2019-07-01"  # type: ignore[union-attr]
    assert find_date("Wednesday, May 4, 2016 1:12 PM UTC").iso == "2016-05-04T13:12:00+00:00"  # type: ignore[union-attr]
    assert find_date("5 April 2025 3:12 pm").iso == "2025-04-05T15:12:00"  # type: ignore[union-attr]
    assert find_date("Sept. 3, 2025").iso == "2025-09-03"  # type: ignore[union-attr]
    assert find_date("07.04.2025").iso == "2025-04-07"  # type: ignore[union-attr]
    assert find_date("It grew 3.5 billion dollars in 2024") is None
    assert find_date("February 30, 2020") is None
    assert find_date("04/07/2025") is None  # ambiguous: never guessed
    match = find_date("By Ann Lee on March 3, 2024")
    assert match is not None and (match.start, match.end) == (14, 27)
    assert parse_date("March 3, 2024") == "2024-03-03"
    assert parse_date("2024-03-03T10:00:00Z") == "2024-03-03T10:00:00+00:00"
    assert parse_date("Published March 3, 2024 by Ann") is None
    assert parse_date("") is None


def test_parse_date_keeps_the_afternoon_and_the_zone() -> None:
    from masthead.extract.dates import find_date, parse_date

    assert parse_date("May 21, 2019 4:15 pm") == "2019-05-21T16:15:00"
    assert parse_date("Wednesday, May 4, 2016 1:12 PM UTC") == "2016-05-04T13:12:00+00:00"
    assert parse_date("Sat, 25 Apr 2020 10:00:00 +0300") == "2020-04-25T10:00:00+03:00"
    assert find_date("Nov. 14, 2024 | 6:30 pm").iso == "2024-11-14T18:30:00"  # type: ignore[union-attr]
    assert find_date("Nov. 14, 2024 - 6:30 pm").iso == "2024-11-14T18:30:00"  # type: ignore[union-attr]


def test_draft_dates_in_written_out_form_keep_the_afternoon() -> None:
    from masthead.extract.dates import to_iso8601

    assert to_iso8601("Wednesday, May 4, 2016 1:12 PM UTC") == "2016-05-04T13:12:00+00:00"
    assert to_iso8601("July 1, 2019") == "2019-07-01"


def test_find_date_respects_word_boundaries() -> None:
    from masthead.extract.dates import find_date

    assert find_date("By Josep 12, 2021") is None
    assert find_date("Dismay 5, 2020") is None
    assert find_date("version 2023.10.4") is None
    assert find_date("release 1.07.04.2025.3") is None
    assert find_date("in 20204 July 1, 20234") is None
    assert find_date("Posted 2023.10.04").iso == "2023-10-04"  # type: ignore[union-attr]
    assert find_date("Updated:2024-03-03T10:00").iso == "2024-03-03"  # type: ignore[union-attr]
    assert find_date("By Jo (Sep 12, 2021)").iso == "2021-09-12"  # type: ignore[union-attr]


def test_iso_offsets_may_omit_the_minutes() -> None:
    from masthead.extract.dates import parse_date

    assert parse_date("2024-03-03T10:00:00+05") == "2024-03-03T10:00:00+05:00"
    assert parse_date("2024-03-03T10:00:00-0330") == "2024-03-03T10:00:00-03:30"


def test_written_out_times_keep_common_zone_abbreviations() -> None:
    from masthead.extract.dates import find_date, parse_date

    assert parse_date("April 25, 2020, 10:30 a.m. EST") == "2020-04-25T10:30:00-05:00"
    assert parse_date("April 25, 2020 10:30 MSK") == "2020-04-25T10:30:00+03:00"
    assert parse_date("May 4, 2016 1:12 PM GMT") == "2016-05-04T13:12:00+00:00"
    # an unknown or seasonal zone is not guessed: the time stays naive
    assert find_date("April 25, 2020 10:30 am ET").iso == "2020-04-25T10:30:00"  # type: ignore[union-attr]


def test_a_month_or_zone_matched_case_blind_in_other_letters_reads_or_is_no_date() -> None:
    """Case-blind matching lets "ſep" (long s) stand for "sep" and "eſt" for
    "est": such a name is read by its case-folded form, and one no table
    holds even folded ("ıun", dotless i) is no date; neither raises."""
    assert parse_date("ſep 7, 2025") == "2025-09-07"
    assert parse_date("7 ſeptember 2025") == "2025-09-07"
    assert parse_date("May 21, 2019 4:15 pm eſt") == "2019-05-21T16:15:00-05:00"
    assert find_date("Published ıun 3, 2020") is None


#: Every kind of space, break and dropped character :func:`normalize` knows, beside ordinary text.
_PAGE_TEXTS = st.text(
    alphabet=st.one_of(
        st.sampled_from(" \t\n\r\x00\x0b\x0c\x1c\x1f\x7f\x85\xa0\xad\u200b\u2000\u2028\u2029\u202f\u3000\ufeffab.’"),
        st.characters(),
    ),
    max_size=60,
)


@settings(max_examples=1500, deadline=None)
@given(_PAGE_TEXTS)
@example(" a \n b\u2028 \n\u3000c\u0085")
@example("a\r\n \r\nb\x1c")
def test_lines_are_the_non_blank_lines_of_the_normalized_text(text: str) -> None:
    """``lines`` strips each line itself rather than normalizing the whole text first."""
    assert lines(text) == tuple(line for line in normalize(text).split("\n") if line)
