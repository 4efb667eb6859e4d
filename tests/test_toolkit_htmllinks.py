"""Related links under a heading, inside its block or in the elements after it."""

from __future__ import annotations

from masthead.extract.htmllinks import links_under
from masthead.extract.htmlparse import parse_html
from masthead.models import Related


def is_heading(text: str) -> bool:
    return text.lower().rstrip(":") == "read also"


def test_links_inside_the_headings_paragraph() -> None:
    soup = parse_html(
        '<div><p>Text.</p><p><strong>Read also:</strong><br><a href="/a">First Story</a><br>'
        '<a href="/b" title="Second Story"><img src="b.jpg"></a></p><p>Unrelated paragraph.</p></div>'
    )
    assert links_under(soup, is_heading) == [Related("First Story", "/a"), Related("Second Story", "/b")]


def test_links_in_the_elements_after_the_heading_stop_at_the_comments() -> None:
    soup = parse_html(
        '<div><h3>Read also</h3><ul><li><a href="/a">First Story</a></li></ul><p><a href="/b">Second</a></p>'
        '<div id="wpdcom"><a href="/c">A commenter</a></div><p><a href="/d">Never</a></p></div>'
    )
    assert links_under(soup, is_heading, stop_ids=("wpdcom",)) == [
        Related("First Story", "/a"),
        Related("Second", "/b"),
    ]


def test_the_list_ends_at_the_next_heading_or_the_limit_and_skips_boilerplate() -> None:
    links = "".join(f'<p><a href="/{n}">Story {n}</a></p>' for n in range(5))
    soup = parse_html(
        f'<div><h3>Read also</h3><p><a href="/x">Donate</a></p>{links}<h3>More</h3><p><a href="/y">No</a></p></div>'
    )
    found = links_under(soup, is_heading, skip=lambda title: title == "Donate", limit=4)
    assert found == [Related(f"Story {n}", f"/{n}") for n in range(3)]
    everything = links_under(soup, is_heading)
    assert everything is not None and [r.title for r in everything][-1] == "Story 4"


def test_no_heading_is_none_and_a_heading_without_links_is_empty() -> None:
    assert links_under(parse_html("<p>Nothing here.</p><script>var t = 'Read also';</script>"), is_heading) is None
    assert links_under(parse_html("<h3>Read also</h3><p>Just text.</p>"), is_heading) == []
