"""WordPress post pages read part by part, never as one whole-page soup."""

from __future__ import annotations

import pytest

from masthead import Page
from masthead.extract import wppost
from masthead.testing import document

POST = """<html><head><title>T</title></head>
<body class="post-template-default single single-post postid-7">
<nav><a href="/">Home</a></nav>
<article id="post-7"><h1 class="entry-title">The <em>Headline</em></h1>
 <div class="entry-meta"><time class="entry-date" datetime="2025-04-07T09:30:12+00:00">7 April</time>
  <a rel="author" href="/author/a">Ann Lee</a></div>
 <div class="entry-content"><p>First paragraph of the post.</p>
  <figure><img src="x.jpg"><figcaption>A map of the front.</figcaption></figure>
  <div class="sharedaddy">Share this: Tweet</div>
  <p>Second paragraph.</p></div></article>
<div id="comments" class="comments-area"><ol class="comment-list">
 <li id="li-comment-1" class="comment"><div class="comment-author"><cite class="fn">Rob</cite></div>
  <div class="comment-content"><p>First comment.</p></div>
  <ol class="children"><li id="li-comment-2" class="comment">
   <div class="comment-author"><cite class="fn">Ivy</cite></div>
   <div class="comment-content"><p>A reply.</p></div></li></ol></li></ol>
 <form id="commentform"><p>Leave a Reply</p></form></div>
</body></html>"""


@pytest.fixture(params=[True, False], ids=["lxml-tree", "soup-only"])
def fast(request: pytest.FixtureRequest) -> object:
    """Both page modes: the lxml tree, and the whole-page soup it is checked against."""
    previous = Page.fast_paths
    Page.fast_paths = request.param
    yield request.param
    Page.fast_paths = previous


def page(markup: str) -> Page:
    return Page.from_raw(document(markup, html=True))


def test_a_post_is_read_field_by_field(fast: object) -> None:
    post = page(POST)
    scope = wppost.content(post)
    assert scope is not None and "entry-content" in (scope.get("class") or [])
    lines, captions = wppost.article_lines(scope, keep_caption=lambda text: True)
    assert lines == ("First paragraph of the post.", "Second paragraph.")
    assert captions == ["A map of the front."]
    assert wppost.heading_title(post) == "The Headline"
    assert wppost.author_names(post) == ["Ann Lee"]
    assert wppost.published(post) == "2025-04-07T09:30:12+00:00"
    assert not wppost.is_listing(post)
    assert [(c.author, c.text, c.parent) for c in wppost.comments(post)] == [
        ("Rob", "First comment.", None),
        ("Ivy", "A reply.", 0),
    ]


def test_a_comments_time_is_no_date_of_the_post(fast: object) -> None:
    """A classic theme puts each comment in ``<article class="comment-body">``
    with its own ``<time datetime>``: with no time in the post's header,
    the post has no date, not its first comment's."""
    comment = (
        '<li class="comment"><article class="comment-body"><footer><time datetime="2019-05-21T19:05:33+00:00">'
        'May 21</time></footer><div class="comment-content"><p>Reply.</p></div></article></li>'
    )
    undated = POST.replace('<time class="entry-date" datetime="2025-04-07T09:30:12+00:00">7 April</time>', "")
    for markup, date in ((undated, None), (POST, "2025-04-07T09:30:12+00:00")):
        with_comment = markup.replace('<ol class="comment-list">', f'<ol class="comment-list">{comment}')
        inside_post = with_comment.replace('</article>\n<div id="comments"', '\n<div id="comments"').replace(
            "</form></div>", "</form></div></article>"
        )
        assert wppost.published(page(with_comment)) == date
        assert wppost.published(page(inside_post)) == date


def test_the_content_container_is_the_callers_to_change() -> None:
    post = page(POST)
    first = wppost.content(post)
    assert first is not None
    wppost.article_lines(first, keep_caption=lambda text: False)
    again = wppost.content(post)
    assert again is not None and "Share this" in again.get_text(" ")


def test_the_whole_page_soup_is_never_built_for_a_post() -> None:
    post = page(POST)
    scope = wppost.content(post)
    assert scope is not None
    wppost.article_lines(scope, keep_caption=lambda text: True)
    for reader in (wppost.heading_title, wppost.author_names, wppost.published, wppost.is_listing):
        reader(post)
    assert wppost.comments(post)
    assert "soup" not in post.__dict__


def test_comment_lookalikes_without_a_text_are_no_thread() -> None:
    """Widgets that merely carry a ``comment`` class hold no comment text."""
    markup = POST.replace("comment-content", "teaser")
    assert wppost.comments(page(markup)) == []


def test_comments_outside_the_usual_sections_are_still_read(fast: object) -> None:
    markup = POST.replace('id="comments" class="comments-area"', 'class="discussion"').replace(
        'class="comment-list"', 'class="thread"'
    )
    assert [c.author for c in wppost.comments(page(markup))] == ["Rob", "Ivy"]


@pytest.mark.parametrize(
    ("body", "og_type", "listing"),
    [
        ('<body class="archive category">', "", True),
        ('<body class="single postid-3">', "website", False),
        ("<body>", "website", True),
        ("<body>", "article", False),
    ],
)
def test_listings_by_body_class_or_many_posts(fast: object, body: str, og_type: str, listing: bool) -> None:
    head = f'<head><meta property="og:type" content="{og_type}"></head>' if og_type else "<head></head>"
    posts = "".join(f"<article><h2>Post {n}</h2><p>Teaser {n}.</p></article>" for n in range(3))
    assert wppost.is_listing(page(f"<html>{head}{body}{posts}</body></html>")) is listing


def test_a_text_dump_has_no_container() -> None:
    dump = Page.from_raw(document("Title\n\nA paragraph."))
    assert wppost.content(dump) is None
    assert not wppost.is_listing(dump)
    assert wppost.comments(dump) == []


@pytest.mark.parametrize(
    ("item", "text"),
    [
        ('<div class="wpd-comment" id="wpd-comm-1_0">', '<div class="wpd-comment-text"><p>Said.</p></div>'),
        ('<li class="comment">', '<div class="comment-content"><p>Said.</p></div>'),
        ('<div class="comment">', '<div class="comment-text"><p>Said.</p></div>'),
        ('<article class="comment">', '<div class="comment-body"><p>Said.</p></div>'),
    ],
)
def test_every_comment_text_markup_is_read(fast: object, item: str, text: str) -> None:
    """Each text element the comment markups know opens the thread (none is
    taken for a page without comments)."""
    closing = "</" + item[1 : item.index(" ")] + ">"
    markup = f'<html><body><article><p>Body.</p></article><div id="comments">{item}{text}{closing}</div></body></html>'
    assert [c.text for c in wppost.comments(page(markup))] == ["Said."]
