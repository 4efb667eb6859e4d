"""A blog theme's byline flattened into one line, and words that make a line no name list."""

from __future__ import annotations

import pytest

from masthead.extract.bylines import SUBHEADING_WORDS, is_name_list, read_byline


@pytest.mark.parametrize(
    ("text", "authors", "published"),
    [
        ("Posted by", (), None),
        ("Posted on by", (), None),
        ("Posted by Written by Anna Smith and John Doe", ("Anna Smith", "John Doe"), None),
        ("Posted by Anna Smith on July 1, 2019 | 3 Comments | in Business", ("Anna Smith",), "2019-07-01"),
        ("By Smith & Partners · Leave a comment", ("Smith & Partners",), None),
        ("Posted on 2 March 2020 by Ivan Petrov, Olga Sokolova", ("Ivan Petrov", "Olga Sokolova"), "2020-03-02"),
    ],
)
def test_read_byline(text: str, authors: tuple[str, ...], published: str | None) -> None:
    found = read_byline(text, whole=("Smith & Partners",))
    assert (found.authors, found.published) == (authors, published)


def test_subheading_words_keep_headings_out_of_name_lists() -> None:
    assert is_name_list("Key Takeaways")
    assert not is_name_list("Key Takeaways", not_names=SUBHEADING_WORDS)
    assert is_name_list("Maria Kotova and Ivan Petrov", not_names=SUBHEADING_WORDS)
