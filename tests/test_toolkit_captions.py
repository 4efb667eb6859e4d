"""Captions and photo credits."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from masthead.extract import captions
from masthead.extract.captions import ASCII_CASE_TWINS, credit_of, is_caption, is_photo_credit
from masthead.extract.text import fold


@pytest.mark.parametrize(
    "line",
    [
        "Photo: Reuters",
        "Illustrative image",
        "Screenshot from a video of the ministry",
        "Tanks near the river (Photo: Ministry of Defence)",
        "Vladimir Putin at the summit. Sergei Karpukhin / TASS",
        "Press Service of the Ministry of Defence",
        "Sergei Kiselev / Moskva News Agency",
        # glued to the caption without its full stop, the slash spaced
        "A factory in Tula Sergei Karpukhin / TASS",
        "Putin and Xi in Moscow, Kremlin.ru / TASS",
    ],
)
def test_captions_and_credits(line: str) -> None:
    assert is_caption(line)


@pytest.mark.parametrize(
    "line",
    [
        "TASS reported that the talks failed on Tuesday.",
        "The photo shows the damage to the bridge, the ministry said.",
        "Russia and Ukraine exchanged prisoners.",
        # a slash inside a sentence, with no full stop at its end: text, not a credit
        "Major support is seen at 1.0800 and resistance at 1.0950 for EUR/USD",
        "The ministry opened two corridors: Novorossiysk/Jeddah and Astrakhan/Bandar Abbas",
        "Government troops advanced along the line Kafr Nabudah/Kafr Zita",
        "RUB/USD",
    ],
)
def test_sentences_are_no_captions(line: str) -> None:
    assert not is_caption(line)


def test_photo_credit_alone_on_a_line() -> None:
    assert is_photo_credit("Sergei Karpukhin / TASS")
    assert is_photo_credit("Press Service of the Ministry of Defence")
    assert is_photo_credit("Pixabay", agencies=("Pixabay",))
    assert not is_photo_credit("Pixabay")
    assert not is_photo_credit("Vladimir Putin met the press on Monday.")


def test_a_slash_credit_may_name_a_long_institution() -> None:
    assert is_photo_credit("Alina Petrova / Press Service of the Kaluga Region Governor")
    assert credit_of("Flooded streets in Orsk. Ivan Sokolov / Press Service of the Orenburg Governor") == (
        "Ivan Sokolov / Press Service of the Orenburg Governor"
    )


def test_credit_of_names_the_credit() -> None:
    assert credit_of("Vladimir Putin. Sergei Karpukhin / TASS") == "Sergei Karpukhin / TASS"
    assert credit_of("Tanks. Photo: Ivan Petrov") == "Ivan Petrov"
    assert credit_of("After a sentence. TASS", agencies=("TASS",)) == "TASS"
    assert credit_of("Reports by TASS", agencies=("TASS",)) is None


def test_press_service_credit_after_caption_text() -> None:
    line = "Soldiers load shells near Bakhmut. Press Service of the Ministry of Defence"
    assert credit_of(line) == "Press Service of the Ministry of Defence"
    assert is_caption(line)
    assert not is_photo_credit(line)
    assert credit_of("the governor said the press service of the region") is None
    assert credit_of("Russian Defence Ministry press service") == "Russian Defence Ministry press service"


def test_outlet_credits_as_data() -> None:
    kinds = ("ministry", "service", "agency")
    assert credit_of("Tanks near Kursk. Russian Defense Ministry", source_words=kinds) == "Russian Defense Ministry"
    assert credit_of("Tanks near Kursk. Russian Defense Ministry") is None
    assert credit_of("Sergei Shoigu. mil.ru", source_words=kinds) == "mil.ru"
    assert credit_of("The plan was approved. The Defense Ministry", source_words=kinds) is None
    assert credit_of("Red Square at dawn Pixabay", strong=("Pixabay",)) == "Pixabay"
    assert credit_of("Red Square at dawn Pixabay", agencies=("Pixabay",)) is None
    assert credit_of("A village on the Lena. Courtesy of the author") == "Courtesy of the author"
    assert credit_of("Putin and Xi. Sergei Bobylev / TASS / Host Photo Agency") == (
        "Sergei Bobylev / TASS / Host Photo Agency"
    )


def test_picture_licence_closes_a_caption() -> None:
    assert is_caption("Trump and Putin in Helsinki. Kremlin.ru, CC BY 4.0, via Wikimedia Commons")
    assert not is_caption("The photo was released under CC BY 4.0 by the agency.")


def test_credit_lists_of_any_kind_are_read_in_their_order() -> None:
    line = "Smoke over Moscow. Moskva News Agency"
    assert credit_of(line, strong=("News Agency", "Moskva News Agency")) == "News Agency"
    assert credit_of(line, strong=iter(["Moskva News Agency", "News Agency"])) == "Moskva News Agency"
    assert credit_of(line, strong=["Pixabay"], agencies=(a for a in ("AP", "moskva news agency"))) == (
        "Moskva News Agency"
    )
    assert credit_of(line, strong=["Pixabay"], agencies=["News"]) is None


def test_ascii_case_twins_are_every_such_character() -> None:
    letter = re.compile("[a-z]", re.IGNORECASE)
    found = {
        chr(code)
        for code in range(128, 0x110000)
        if letter.match(chr(code)) or any(ch.isascii() and ch.isalpha() for ch in chr(code).lower())
    }
    assert found == set(ASCII_CASE_TWINS)


#: Words and marks the credit patterns look for, spelt in the ways that
#: could hide them from a plain substring test.
_CREDIT_PIECES = st.sampled_from(
    (
        *("Photo:", "PHOTOS by", "pıcture:", "Image:", "Screen shot:", "Courtesy of", "©", "credit:", "FOOTAGE:"),
        *("Press Service", "press office of the", "Pool", "POOL", "Handout", "preſſ service", "Ministry", "Agency"),
        *("mil.ru", "Kremlin.ru", "Screenshot", "ſcreenshot", "\uff33creenshot", "screen\u00adshot", "SCREENSHOT"),
        *("Vladimir Putin", "The", "visits", "Kursk", ".", "—", "|", "\u00a8", "\u0301", "\u212a", "\u0130", "\n"),
        *("CC BY-SA 4.0", "cc-by", "CC0", "via Wikimedia Commons", "vıa Flıckr", "on Unſplash", "/Shutterstock"),
        *("from PIXABAY", "via Getty Images"),
    )
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_CREDIT_PIECES, min_size=1, max_size=8).map(" ".join))
@example("Smoke over Kursk. Screen shot: Vladimir Putin")
@example("Smoke over Kursk. Pıcture: Vladimir Putin")
@example("Smoke over Kursk, via Wıkimedia Commons")
def test_credit_searches_are_skipped_only_where_they_find_nothing(line: str) -> None:
    text = line.rstrip()[-captions._CREDIT_SEARCH_CHARS :]
    lowered = captions._lowered(text)
    if captions._LABELLED_TAIL.search(text) is not None:
        assert captions._families(lowered) & captions._LABEL_BIT
    if captions._INSTITUTION.search(text) is not None:
        assert captions._families(lowered) & captions._INSTITUTION_BIT
    if captions._LICENCE.search(line) is not None:
        assert captions._families(captions._lowered(line)) & captions._LICENCE_BIT
    kinds = frozenset(("ministry", "agency"))
    if captions._named_source(text, kinds) is not None:
        assert captions._may_name_source(text, fold(text), kinds)
