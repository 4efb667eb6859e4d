from __future__ import annotations

from typing import Any

import attrs
import pytest

from masthead.models import Article, Comment, Provenance, Rejection, Related
from masthead.serialize import article_from_dict, to_json_line, unstructure
from masthead.validate import errors_in
from support import PROV, article


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


@pytest.mark.parametrize(
    "value", ["2024-13-01", "2024-02-30", "2024-02-30T25:61:00", "2024-01-01T10:00:00+99:00", "2024-01-01T24:00"]
)
def test_impossible_dates_are_refused(value: str) -> None:
    with pytest.raises(ValueError, match="ISO 8601"):
        article(published=value)
    with pytest.raises(ValueError, match="ISO 8601"):
        Comment(text="hi", published=value)


def test_real_dates_are_accepted() -> None:
    for value in ("2024-02-29", "2024-05-01T10:00:00+03:00", "2024-05-01T10:00:00.123Z", "2024-05-01T10:00:00+0300"):
        assert article(published=value).published == value


@pytest.mark.parametrize(
    "make",
    [
        lambda: article(title=5),
        lambda: article(url=["https://x.example"]),
        lambda: article(language=5),
        lambda: article(authors="Ann Lee"),
        lambda: article(body=b"bytes"),
        lambda: Related(title=5),  # type: ignore[arg-type]
        lambda: Comment(text=None),  # type: ignore[arg-type]
    ],
)
def test_non_strings_are_type_errors_saying_what_was_expected(make: Any) -> None:
    with pytest.raises(TypeError, match=r"expected a (string|list)"):
        make()


def test_comment_parent_is_an_earlier_index_not_a_bool() -> None:
    with pytest.raises(TypeError, match="parent must be an index"):
        Comment(text="hi", parent=True)
    with pytest.raises(ValueError, match=r"comments\[0\].parent must point at an earlier comment"):
        article(comments=[Comment(text="a", parent=0)])
    with pytest.raises(ValueError, match=r"comments\[1\].parent"):
        article(comments=[Comment(text="a"), Comment(text="b", parent=2), Comment(text="c")])
    assert article(comments=[Comment(text="a"), Comment(text="b", parent=0)]).comments[1].parent == 0


def test_provenance_needs_an_extraction_time() -> None:
    fields = attrs.asdict(PROV)
    with pytest.raises(TypeError, match="extracted_at"):
        Provenance(**{**fields, "extracted_at": None})
    with pytest.raises(ValueError, match="extracted_at"):
        Provenance(**{**fields, "extracted_at": "2024-02-30T00:00:00"})
    data = unstructure(article())
    data["provenance"]["extracted_at"] = None
    assert errors_in(data) != []
