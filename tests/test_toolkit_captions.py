"""Captions and photo credits."""

from __future__ import annotations

import pytest

from masthead.extract.captions import credit_of, is_caption, is_photo_credit


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
