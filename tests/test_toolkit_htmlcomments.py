"""Comments from WordPress and wpDiscuz markup, with parents."""

from __future__ import annotations

from masthead.extract.htmlcomments import WORDPRESS, WPDISCUZ, CommentMarkup, read_comments
from masthead.extract.htmlparse import parse_html

CLASSIC = """<html><body><div class="comment"><ol class="comment-list">
<li id="li-comment-1" class="comment"><div class="comment-author"><cite class="fn">Rob</cite> says:</div>
 <div class="comment-metadata"><time datetime="2019-05-21T19:05:00+00:00">May 21</time></div>
 <div class="comment-content"><p>First.</p><p>Second paragraph.</p></div><a class="comment-reply-link">Reply</a>
 <ol class="children"><li id="li-comment-2" class="comment">
  <div class="comment-author"><cite class="fn">Ann</cite></div>
  <div class="comment-content"><p>An answer.</p></div></li></ol></li>
<li id="li-comment-3" class="comment"><div class="comment-author"><cite class="fn">Ivan</cite></div>
 <div class="comment-content"><p>Another.</p></div></li>
</ol></div></body></html>"""

WPD = """<html><body><div id="wpdcom">
<div id="wpd-comm-10_0" class="wpd-comment"><div class="wpd-comment-author">Old Guard</div>
 <div class="wpd-comment-date" title="April 7, 2025 11:02 am">1 year ago</div>
 <div class="wpd-comment-text"></div><div class="wpd-comment-footer">Reply</div>
 <div id="wpd-comm-11_10" class="wpd-comment wpd-reply"><div class="wpd-comment-author">kid_x</div>
  <div class="wpd-comment-text"><p>Replying to an image.</p></div></div></div>
</div></body></html>"""


def triples(markup: str, platform: CommentMarkup) -> list[tuple[str | None, str, int | None, str | None]]:
    soup = parse_html(markup)
    return [(c.author, c.text, c.parent, c.published) for c in read_comments(soup, platform)]


def test_wordpress_list_nests_replies_and_drops_buttons_and_wrappers() -> None:
    assert triples(CLASSIC, WORDPRESS) == [
        ("Rob", "First.\nSecond paragraph.", None, "2019-05-21T19:05:00+00:00"),
        ("Ann", "An answer.", 0, None),
        ("Ivan", "Another.", None, None),
    ]


def test_wpdiscuz_parent_by_id_and_an_empty_comment_is_kept() -> None:
    assert triples(WPD, WPDISCUZ) == [
        ("Old Guard", "", None, "2025-04-07T11:02:00"),
        ("kid_x", "Replying to an image.", 0, None),
    ]


def test_a_page_without_that_platform_has_no_comments() -> None:
    assert triples(CLASSIC, WPDISCUZ) == []


NON_HTML5 = """<html><body><ol class="commentlist">
<li class="comment" id="li-comment-7"><div id="comment-7" class="comment-body">
 <div class="comment-author vcard"><cite class="fn">Tommy Jensen</cite> <span class="says">says:</span></div>
 <div class="comment-meta commentmetadata"><a href="#comment-7">April 5, 2019 at 3:12 pm</a></div>
 <p>Erdogan is playing both sides again.</p>
 <p>Nothing new here.</p>
 <div class="reply"><a class="comment-reply-link" href="#">Reply</a></div></div>
 <ul class="children"><li class="comment" id="li-comment-8"><div id="comment-8" class="comment-body">
  <div class="comment-author vcard"><cite class="fn">Pave Way IV</cite></div>
  <p>He always has.</p></div></li></ul></li>
</ol></body></html>"""


def test_a_theme_without_html5_comments_keeps_every_paragraph_of_a_comment() -> None:
    """WordPress's markup for themes without HTML5 comments puts the text as
    loose paragraphs in ``div.comment-body``: only the first was read."""
    assert [(author, text, parent) for author, text, parent, _ in triples(NON_HTML5, WORDPRESS)] == [
        ("Tommy Jensen", "Erdogan is playing both sides again.\nNothing new here.", None),
        ("Pave Way IV", "He always has.", 0),
    ]


def test_pingbacks_and_comment_likes_are_no_comment_text() -> None:
    likes = NON_HTML5.replace(
        "<p>Nothing new here.</p>", '<p>Nothing new here.</p><p class="comment-likes">LikeLike</p>'
    ).replace(
        '<li class="comment" id="li-comment-7">',
        '<li class="comment pingback" id="li-comment-6"><div class="comment-body">Pingback: <a>Some Blog</a>'
        ' <span class="edit-link">Edit</span></div></li><li class="comment" id="li-comment-7">',
    )
    assert [(author, text) for author, text, _, _ in triples(likes, WORDPRESS)] == [
        ("Tommy Jensen", "Erdogan is playing both sides again.\nNothing new here."),
        ("Pave Way IV", "He always has."),
    ]
