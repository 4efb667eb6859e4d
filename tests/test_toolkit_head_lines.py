"""Head facts: byline and date lines into fields, the publisher in the head, body classes."""

from __future__ import annotations

import pytest

from masthead.extract.fields import Fields, is_meta_line, take_meta_line
from masthead.extract.htmlmeta import PageMeta, names_publisher
from masthead.extract.listing import classes_say_listing


def test_a_byline_with_its_date() -> None:
    fields = Fields()
    assert take_meta_line(fields, "By Drago Bosnic, 21.11.2025")
    assert fields.authors == ["Drago Bosnic"] and fields.published == "2025-11-21"


def test_a_date_line_a_source_note_and_a_team_credit() -> None:
    fields = Fields(published=None)
    assert take_meta_line(fields, "Published: 14.08.2020")
    assert take_meta_line(fields, "Source: RT")
    assert take_meta_line(fields, "SF Team", credits=("SF Team",))
    assert not take_meta_line(fields, "SF Team")
    assert (fields.published, fields.attributions, fields.authors) == ("2020-08-14", ["RT"], ["SF Team"])


@pytest.mark.parametrize("line", ["By 2025, the army had doubled its drone fleet.", "Source said the talks failed."])
def test_sentences_are_left_alone(line: str) -> None:
    fields = Fields()
    assert not take_meta_line(fields, line)
    assert fields == Fields()


@pytest.mark.parametrize(
    ("line", "credits"),
    [
        ("By Drago Bosnic, 21.11.2025", ()),
        ("Published: 14.08.2020", ()),
        ("Source: RT", ()),
        ("SF Team", ("SF Team",)),
        ("SF Team", ()),
        ("By 2025, the army had doubled its drone fleet.", ()),
        ("Source said the talks failed.", ()),
        ("", ()),
    ],
)
def test_is_meta_line_answers_whether_take_meta_line_takes_the_line(line: str, credits: tuple[str, ...]) -> None:
    assert is_meta_line(line, credits=credits) is take_meta_line(Fields(), line, credits=credits)


@pytest.mark.parametrize(
    "meta",
    [
        PageMeta(site_name="SouthFront: Analysis & Intelligence"),
        PageMeta(json_ld=({"@type": "NewsArticle", "publisher": {"name": "South Front"}},)),
        PageMeta(json_ld=({"@type": "Organization", "name": "SouthFront"},)),
    ],
)
def test_the_head_names_the_publisher(meta: PageMeta) -> None:
    assert names_publisher(meta, ("southfront", "south front"))


def test_a_mention_is_no_publisher() -> None:
    meta = PageMeta(
        site_name="Other Outlet",
        description="Why SouthFront was banned",
        json_ld=({"@type": "NewsArticle", "headline": "SouthFront banned", "publisher": {"name": "Other"}},),
    )
    assert not names_publisher(meta, ("southfront",))


@pytest.mark.parametrize(
    ("classes", "says"),
    [
        (["archive", "category"], True),
        (["single", "archive"], False),
        (["postid-12"], False),
        (["custom-theme"], None),
        (None, None),
    ],
)
def test_classes_say_listing(classes: list[str] | None, says: bool | None) -> None:
    assert classes_say_listing(classes) is says
