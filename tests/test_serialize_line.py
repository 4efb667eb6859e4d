"""A record's JSON line is the standard library's compact UTF-8 form, whoever writes it.

``to_json_line`` hands the record to orjson for speed; these tests pin that
the characters do not change with the writer (control characters, line and
paragraph separators, characters outside the Basic Multilingual Plane), and
that what orjson refuses still gets a line.
"""

from __future__ import annotations

import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from masthead import Article, Comment, Provenance, Rejection
from masthead.serialize import to_json_line, unstructure

#: Every character a record may hold: no lone surrogate survives its converters.
ANY_TEXT = st.text(st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=60).filter(str.strip)
#: The characters two JSON writers are most likely to treat differently.
AWKWARD = st.sampled_from(
    ["\x00", "\x01", "\x1f", "\x7f", "\t", "\u2028", "\u2029", '"', "\\", "/", "é", "😀", "\ufeff"]
)


def standard(record: Article | Rejection) -> str:
    return json.dumps(unstructure(record), ensure_ascii=False, separators=(",", ":"))


def article(body: list[str], **fields: Any) -> Article:
    provenance = Provenance(
        input="page.txt", sha256="0" * 64, plugin="p", plugin_version="1", extracted_at="2024-01-01T00:00:00+00:00"
    )
    return Article(id="0123456789abcdef", outlet="o", body=tuple(body), provenance=provenance, **fields)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ANY_TEXT | st.lists(AWKWARD, min_size=1, max_size=8).map("x".join), min_size=1, max_size=4), ANY_TEXT)
def test_an_article_line_is_the_standard_librarys(body: list[str], title: str) -> None:
    record = article(body, title=title, comments=[Comment(text=body[0], author=title, parent=None)])
    assert to_json_line(record) == standard(record)


@settings(max_examples=40, deadline=None)
@given(ANY_TEXT, ANY_TEXT)
def test_a_rejection_line_is_the_standard_librarys(uri: str, error: str) -> None:
    record = Rejection(input=uri, stage="parse", reason="plugin_error", error=error, plugin="p")
    assert to_json_line(record) == standard(record)


def test_what_orjson_refuses_is_written_by_the_standard_library() -> None:
    # Validation keeps such a value out of a record built the normal way; one
    # set behind its back (an integer past 64 bits) must still get its line.
    record = article(["A paragraph."], comments=[Comment(text="first"), Comment(text="reply", parent=0)])
    object.__setattr__(record.comments[1], "parent", 2**70)
    line = to_json_line(record)
    assert line == standard(record)
    assert json.loads(line)["comments"][1]["parent"] == 2**70
