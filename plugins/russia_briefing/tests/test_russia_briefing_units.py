"""Unit checks of the byline and icon-artifact rules, with their edge cases."""

from __future__ import annotations

from datetime import date

import pytest

from masthead_russia_briefing import boilerplate, byline


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("related-readings_rb-rb-icons_2017Prospects For Russia", "Prospects For Russia"),
        ("related-readings_rb-icons_2019Russia’s Budget", "Russia’s Budget"),
        ("related-readings_rb-rb-icons_2017“De-Dollarize” Plans", "“De-Dollarize” Plans"),
        ("related-readings_rb-icons_2017 Related Reading:", "Related Reading:"),
        ("related-readings_rb-icons 2024 Tax Changes", "2024 Tax Changes"),
        ("related-readings_rb-rb-icons_2017.png Russia Trade", "Russia Trade"),
        ("Related readings of the Duma were delayed.", "Related readings of the Duma were delayed."),
        ("An ordinary paragraph.", "An ordinary paragraph."),
    ],
)
def test_strip_artifact(line: str, title: str) -> None:
    assert boilerplate.strip_artifact(line) == title


@pytest.mark.parametrize(
    ("lines", "authors", "published"),
    [
        (["Posted by"], (), None),
        (["Posted by Chris Devonshire-Ellis"], ("Chris Devonshire-Ellis",), None),
        (
            ["Posted by Written by A. N. Other and Chris Devonshire-Ellis"],
            ("A. N. Other", "Chris Devonshire-Ellis"),
            None,
        ),
        (["Posted by Written by Dezan Shira and Associates"], ("Dezan Shira and Associates",), None),
        (
            ["Posted by Written by Ivan Petrov & Dezan Shira & Associates"],
            ("Ivan Petrov", "Dezan Shira & Associates"),
            None,
        ),
        (["Posted by Chris Devonshire-Ellis on 21st March 2022"], ("Chris Devonshire-Ellis",), date(2022, 3, 21)),
        (["Posted by", "2020-02-29"], (), date(2020, 2, 29)),
        (["Posted by Maria Kotova Reading Time: 6 minutes"], ("Maria Kotova",), None),
        (["POSTED BY written by maria kotova"], ("maria kotova",), None),
    ],
)
def test_byline_parse(lines: list[str], authors: tuple[str, ...], published: date | None) -> None:
    found = byline.parse(lines)
    assert found.authors == authors
    assert found.published == published


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Posted by", True),
        ("Posted by Written by Chris Devonshire-Ellis Reading Time: 3 minutes", True),
        (
            "Posted by the Kremlin on its website, the decree sets out new rules for foreign banks "
            "operating in Russia and gives them until the end of the year to comply with the new capital "
            "requirements, which are stricter than before and apply to all branches.",
            False,
        ),
        ("The decree was posted by the Kremlin.", False),
    ],
)
def test_is_byline(line: str, expected: bool) -> None:
    assert byline.is_byline(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Home", True),
        ("Home » News » Business", True),
        ("News Business Legal Tax", True),
        ("Russia Extends Free E-Visa Scheme To Kaliningrad", False),
        ("Trade With Russia Rises", False),
    ],
)
def test_is_banner(line: str, expected: bool) -> None:
    assert boilerplate.is_banner(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Chris Devonshire-Ellis is the Chairman of Dezan Shira & Associates.", True),
        ("Dezan Shira & Associates also maintains offices or has alliance partners in Vietnam.", True),
        ("For assistance with investing in Russia, please contact Maria Kotova at or visit us at", True),
        ("Analysts at Dezan Shira & Associates said the new rules are strict.", False),
        ("The ruble fell to its lowest level since March, hurting importers of Dezan Shira clients.", False),
    ],
)
def test_is_advert(line: str, expected: bool) -> None:
    assert boilerplate.is_advert(line) is expected
