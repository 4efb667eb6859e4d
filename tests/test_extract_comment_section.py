"""A comment thread cut out between its heading and its form; comments of a page's markup."""

from __future__ import annotations

from masthead import Page
from masthead.extract.comments import section
from masthead.extract.htmlcomments import WORDPRESS, read_page_comments
from masthead.testing import document


def test_section_lies_between_opening_and_closing_lines() -> None:
    lines = ["Body.", "2 Comments", "Anna", "Hello.", "Leave a Reply", "Name", "After."]
    assert section(
        lines, opens=lambda line: line.endswith("Comments"), closes=lambda line: line.startswith("Leave")
    ) == [
        "Anna",
        "Hello.",
    ]
    assert section(lines, opens=lambda line: line == "Nope", closes=bool) == ()
    assert section(lines, opens=lambda line: line == "Name", closes=lambda line: False) == ["After."]


COMMENT = (
    '<li id="comment-{n}" class="comment"><div class="comment-author"><cite class="fn">{who}</cite></div>'
    '<div class="comment-content"><p>{text}</p></div>{replies}</li>'
)


def comment_page(wrapper: str) -> Page:
    reply = f'<ol class="children">{COMMENT.format(n=2, who="Bob", text="Agreed.", replies="")}</ol>'
    thread = COMMENT.format(n=1, who="Anna", text="Good piece.", replies=reply)
    markup = f"<html><body><article><p>Text.</p></article>{wrapper.format(thread=thread)}</body></html>"
    return Page.from_raw(document(markup, html=True))


def test_page_comments_in_the_comment_area_and_outside_any() -> None:
    for wrapper in ('<div id="comments"><ol class="comment-list">{thread}</ol></div>', "<ul>{thread}</ul>"):
        found = read_page_comments(comment_page(wrapper), WORDPRESS, "#comments, .comment-list")
        assert [(c.author, c.text, c.parent) for c in found] == [("Anna", "Good piece.", None), ("Bob", "Agreed.", 0)]
    assert read_page_comments(comment_page("<div></div>"), WORDPRESS, "#comments") == []


def test_boxes_sharing_the_comment_class_without_comment_text_build_no_page_soup() -> None:
    boxes = '<section class="comments"><div class="comment"><span>reader0</span><p>Hi.</p></div></section>'
    page = comment_page(boxes)
    assert read_page_comments(page, WORDPRESS, "#comments") == []
    assert "soup" not in page.__dict__
    with_text = comment_page('<section><div class="comment"><div class="comment-text">Hi.</div></div></section>')
    assert [c.text for c in read_page_comments(with_text, WORDPRESS, "#comments")] == ["Hi."]
    assert "soup" in with_text.__dict__
