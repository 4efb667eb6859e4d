"""A post read on lxml's tree gives what its BeautifulSoup trees give."""

from __future__ import annotations

import pytest

from masthead import Page
from masthead.extract import wppost
from masthead.extract.htmlcomments import WORDPRESS, WPDISCUZ, CommentMarkup, read_comments, read_element_comments
from masthead.extract.htmlparse import compiled, parse_tree, soup_of_element
from masthead.models import Comment
from masthead.testing import document

CLASSIC = """<div id="comments"><ol class="comment-list">
<li id="li-comment-1" class="comment"><div class="comment-author"><cite class="fn">Rob</cite> says:</div>
 <div class="comment-metadata"><time datetime="2019-05-21T19:05:00+00:00">May 21</time></div>
 <div class="comment-content"><p>First.</p><p>Second <b>para</b>graph.<br>Next line</p></div>
 <a class="comment-reply-link">Reply</a>
 <ol class="children"><li id="li-comment-2" class="comment">
  <div class="comment-author"><cite class="fn">Ann<!-- a note --> Lee</cite></div>
  <div class="comment-meta"><a href="#c2">21 May 2019 at 8:00 pm</a></div>
  <div class="comment-content"><p>An answer.</p></div></li></ol></li>
<li id="li-comment-3" class="comment"><div class="comment-author">Ivan <script>var x = 1;</script>P.</div>
 <div class="comment-content"><p>Another.</p>\x0c<p> </p><noscript>no</noscript></div></li>
</ol></div>"""

WPD = """<div id="wpdcom">
<div id="wpd-comm-10_0" class="wpd-comment"><div class="wpd-comment-author">Old Guard</div>
 <div class="wpd-comment-date" title="April 7, 2025 11:02 am">1 year ago</div>
 <div class="wpd-comment-text"></div><div class="wpd-comment-footer">Reply</div>
 <div id="wpd-comm-11_10" class="wpd-comment wpd-reply"><div class="wpd-comment-author">kid_x</div>
  <div class="wpd-comment-date"><span>7 April 2025</span></div>
  <div class="wpd-comment-text"><p>Replying <i>to</i> an image.</p><div class="reply">Reply</div></div></div></div>
 <div id="wpd-comm-12_0" class="wpd-comment"><div class="wpd-comment-author"><style>b{}</style>Eve</div>
  <div class="wpd-comment-text"><p>Text with a nested <span class="wpd-comment">box</span>.</p></div></div>
</div>"""


def section(markup: str) -> object:
    tree = parse_tree(f"<html><body><p>Article.</p>{markup}</body></html>")
    return compiled(wppost.COMMENT_SECTIONS)(tree)[0]


def fields(comments: list[Comment] | None) -> list[tuple[str, str | None, str | None, int | None]] | None:
    return None if comments is None else [(c.text, c.author, c.published, c.parent) for c in comments]


@pytest.mark.parametrize("markup", [CLASSIC, WPD], ids=["classic", "wpdiscuz"])
@pytest.mark.parametrize("platform", [WORDPRESS, WPDISCUZ], ids=["WORDPRESS", "WPDISCUZ"])
def test_comments_on_lxml_are_those_of_the_sections_soup(markup: str, platform: CommentMarkup) -> None:
    element = section(markup)
    reference = read_comments(soup_of_element(element).contents[0], platform)
    assert fields(read_element_comments(element, platform)) == fields(reference)


def test_the_fixture_threads_are_read_whole() -> None:
    """The markups above do exercise every field (a test of the test)."""
    classic = fields(read_element_comments(section(CLASSIC), WORDPRESS))
    assert classic is not None and [c[1] for c in classic] == ["Rob", "Ann Lee", "Ivan P."]
    assert classic[1][2] is not None and classic[0][0] == "First.\nSecond paragraph.\nNext line"
    wpd = fields(read_element_comments(section(WPD), WPDISCUZ))
    assert wpd is not None and [(c[1], c[3]) for c in wpd] == [("Old Guard", None), ("kid_x", 0), ("Eve", None)]
    assert wpd[1][0] == "Replying to an image." and wpd[2][0] == "Text with a nested ."


@pytest.mark.parametrize("markup", [CLASSIC, WPD], ids=["classic", "wpdiscuz"])
def test_with_several_markups_the_first_that_finds_comments_gives_them(markup: str) -> None:
    """One copy of the section serves each markup in turn (reading leaves it as it was)."""
    element = section(markup)
    alone = {platform.item: fields(read_element_comments(element, platform)) for platform in (WPDISCUZ, WORDPRESS)}
    expected = alone[WPDISCUZ.item] or alone[WORDPRESS.item]
    assert expected
    assert fields(read_element_comments(element, WPDISCUZ, WORDPRESS)) == expected
    assert fields(read_element_comments(element, WORDPRESS, WPDISCUZ)) == (
        alone[WORDPRESS.item] or alone[WPDISCUZ.item]
    )
    empty = section('<div id="comments"><p>No comments yet.</p></div>')
    assert read_element_comments(empty, WPDISCUZ, WORDPRESS) == []


@pytest.mark.parametrize("holder", ["pre", "template"])
def test_fields_under_preformatted_or_template_markup_are_left_to_the_soup(holder: str) -> None:
    """Beautiful Soup builds such strings differently in a tree of their own:
    the section's soup reads them, and a page gives the same comments."""
    markup = CLASSIC.replace('<ol class="comment-list">', f'<{holder}><ol class="comment-list">').replace(
        "</ol></div>", f"</ol></{holder}></div>"
    )
    assert read_element_comments(section(markup), WORDPRESS) is None
    page = Page.from_raw(document(f"<html><body><p>Article.</p>{markup}</body></html>", html=True))
    reference = read_comments(soup_of_element(section(markup)).contents[0], WORDPRESS)
    assert fields(wppost.comments(page)) == fields(reference)
    assert reference or holder == "template"  # soupsieve matches nothing inside a template


@pytest.mark.parametrize(
    "classes",
    [
        "comments-area",
        "x\tcomments-area",
        "comments-area\nx",
        "comments-areas",
        "x\u00a0comments-area",
        "Comments-area",
    ],
)
@pytest.mark.parametrize("ident", ["comments", "wpdcom", "Comments", "comments ", ""])
def test_the_comment_section_walk_finds_what_the_selector_finds(classes: str, ident: str) -> None:
    tree = parse_tree(
        f'<html><body><div id="{ident}"><p>One</p></div><section class="{classes}"><p>Two</p></section>'
        '<div class="commentlist">Three</div></body></html>'
    )
    assert tree is not None
    assert wppost._first_section(tree) is compiled(wppost.COMMENT_SECTIONS)(tree)[0]


POST = """<div class="entry-content"><p>First <b>para</b>graph<nav>Menu</nav> goes on.</p>
<div class="sharedaddy"><p>Share</p><figcaption>Inside a box</figcaption></div>\x0c<p>Second.</p>
<figure><img src="a.jpg"><figcaption>A map <script>x()</script>of the <i>front</i>.</figcaption></figure>tail
<p class="wp-caption-text">Photo: Agency</p><form><p>Leave a reply</p></form>
<pre>  kept
 spaces </pre><aside><nav>nested box</nav></aside><p>Last<br>line \x0c</p></div>"""


@pytest.mark.parametrize(
    "markup",
    [
        POST,
        POST.replace("<figure>", "<figure><figcaption>outer").replace("</figure>", "</figcaption></figure>"),
        POST.replace("<pre>", "<template><p>t</p></template><pre>"),
        POST.replace('<p class="wp-caption-text">', '<script class="wp-caption-text">').replace(
            "Agency</p>", "Agency</script>"
        ),
        "<div class='entry-content'><nav>Only a box</nav>text after it</div>",
        "<div class='entry-content'>Plain text<figcaption> \u200b </figcaption></div>",
    ],
    ids=["post", "caption-in-caption", "template", "script-caption", "box-only", "blank-caption"],
)
def test_element_lines_are_the_soups_article_lines(markup: str) -> None:
    """Read on lxml, or ``None`` (the caller reads the soup then), never otherwise."""
    tree = parse_tree(f"<html><body>{markup}</body></html>")
    element = compiled(".entry-content")(tree)[0]
    keep = lambda text: "Agency" not in text  # noqa: E731 - a caption filter like a source's
    reference = wppost.article_lines(soup_of_element(element).contents[0], keep_caption=keep)
    read = wppost.element_lines(element, keep_caption=keep)
    assert read is None or read == reference


def test_a_plain_post_is_read_on_lxml() -> None:
    """The shortcut serves an ordinary post (the test above would pass without it)."""
    tree = parse_tree(f"<html><body>{POST}</body></html>")
    read = wppost.element_lines(compiled(".entry-content")(tree)[0], keep_caption=lambda text: True)
    assert read is not None
    lines, captions = read
    assert lines[0] == "First paragraph goes on." and "Share" not in " ".join(lines)
    assert captions == ["A map of the front .", "Photo: Agency"]


@pytest.mark.parametrize(
    "markup",
    [
        "<article><div class='entry-content'> \u200b <!-- c --> <script>s()</script></div><p>Body</p></article>",
        "<div class='entry-content'><p>Text</p></div>",
        "<script class='entry-content'>var a;</script><main>Main text</main>",
    ],
)
def test_the_content_element_is_the_content_container(markup: str) -> None:
    page = Page.from_raw(document(f"<html><body>{markup}</body></html>", html=True))
    element = wppost.content_element(page)
    container = wppost.content(page)
    assert element is not None and container is not None
    assert soup_of_element(element).contents[0].decode() == container.decode()


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ("<article><div class='entry-content'><rt>ruby</rt></div><main>Main</main></article>", "Main"),
        ("<template><div class='entry-content'>Hidden</div></template><main>Main text</main>", "Main text"),
    ],
)
def test_a_page_with_ruby_text_or_a_template_finds_its_content_in_the_soup(markup: str, text: str) -> None:
    """Beautiful Soup reads these pages otherwise than lxml, so the page
    offers no tree and the container comes from the soup."""
    page = Page.from_raw(document(f"<html><body>{markup}</body></html>", html=True))
    assert page.tree is None and wppost.content_element(page) is None
    container = wppost.content(page)
    assert container is not None and container.get_text(" ", strip=True) == text
