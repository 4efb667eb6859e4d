from __future__ import annotations

import attrs
import pytest

from masthead.models import Article, Comment, Rejection, Related
from masthead.serialize import article_from_dict, to_json_line, unstructure
from support import article


def test_blank_strings_become_null_and_lists_drop_blanks() -> None:
    a = article(title="  ", subtitle="", authors=[" Ann ", "", "  "], body=[" One. ", "\n", "Two."])
    assert a.title is None and a.subtitle is None
    assert a.authors == ("Ann",)
    assert a.body == ("One.", "Two.")


@pytest.mark.parametrize(
    "field, value",
    [
        ("id", "not-hex"),
        ("outlet", "Has Space"),
        ("published", "yesterday"),
        ("published", "2024-13"),
        ("language", "English"),
        ("authors", [1, 2]),
        ("related", [{"title": "x"}]),
        ("schema_version", "0.9"),
    ],
)
def test_invalid_values_are_refused(field: str, value: object) -> None:
    with pytest.raises((TypeError, ValueError)):
        article(**{field: value})


def test_article_is_frozen() -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        article().title = "x"  # type: ignore[misc]


def test_related_needs_a_title_and_comment_parent_is_an_index() -> None:
    with pytest.raises(ValueError):
        Related(title="   ")
    with pytest.raises((TypeError, ValueError)):
        Comment(text="hi", parent=-1)


def test_json_round_trip_keeps_every_field_in_stable_order() -> None:
    a = article(
        url="https://x.example/a",
        title="T",
        authors=["A", "B"],
        published="2024-05-01T10:00:00+03:00",
        captions=["C. Credit"],
        related=[Related(title="R", url="https://x.example/r")],
        comments=[Comment(text="first"), Comment(text="reply", author="z", parent=0)],
        attributions=["TASS"],
        language="en",
        warnings=["w: x"],
    )
    data = unstructure(a)
    assert list(data) == [f.name for f in attrs.fields(Article)]
    assert list(data)[:4] == ["id", "outlet", "url", "title"]
    assert article_from_dict(data) == a
    assert to_json_line(a).startswith('{"id":"0123456789abcdef","outlet":"alpha"')


def test_rejection_stage_and_reason_are_checked() -> None:
    Rejection(input="x", stage="read", reason="not_found", error="gone")
    with pytest.raises(ValueError):
        Rejection(input="x", stage="nowhere", reason="not_found", error="gone")
    with pytest.raises(ValueError):
        Rejection(input="x", stage="read", reason="Not Found", error="gone")
