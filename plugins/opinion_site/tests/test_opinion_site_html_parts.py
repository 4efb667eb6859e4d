"""The HTML path reads the post's parts alone, never one soup of the whole page.

Routing and the head need only lxml's tree; the parser turns into
BeautifulSoup objects just the post container, the comment section and
the few elements it reads (headline, author links, header date).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from opinion_site_helpers import HTML_ARTICLES, HTML_LISTING

from masthead import NotAnArticle, Page
from masthead.testing import document, document_from_file
from masthead_opinion_site import SouthFrontSource, html


@pytest.mark.parametrize("path", HTML_ARTICLES, ids=lambda p: p.name)
def test_articles_are_parsed_without_a_whole_page_soup(path: Path) -> None:
    page = Page.from_raw(document_from_file(path, url="https://southfront.press/x/"))
    draft = SouthFrontSource().parse(page)
    assert draft.body
    assert "soup" not in page.__dict__


def test_a_listing_is_refused_without_a_whole_page_soup() -> None:
    page = Page.from_raw(document_from_file(HTML_LISTING, url="https://southfront.press/category/analysis/"))
    with pytest.raises(NotAnArticle):
        SouthFrontSource().parse(page)
    assert "soup" not in page.__dict__


def test_related_links_outside_the_post_container_are_still_read() -> None:
    """The marker and its links after the post's content element, not inside it."""
    markup = HTML_ARTICLES[0].read_text(encoding="utf-8")
    start = markup.index("<p><strong>MORE ON THE TOPIC:</strong>")
    end = markup.index("</ul>", start) + len("</ul>")
    block = markup[start:end]
    moved = markup[:start] + markup[end:]
    moved = moved.replace("</article>", f"</article><section>{block}</section>", 1)
    inside = SouthFrontSource().parse(Page.from_raw(document(markup, html=True))).related
    outside = SouthFrontSource().parse(Page.from_raw(document(moved, html=True))).related
    assert len(inside) == 3
    assert outside == inside


def test_a_marker_kept_in_a_markup_comment_still_leads_to_the_links() -> None:
    """The heading test reads every string of the page's tree, comments
    included, as the related-links reader does; a page whose visible text
    names the marker reads the list wherever it stands."""
    page = Page.from_raw(
        document(
            "<html><body><article><div class='entry-content'><p>Body text of the article, long enough.</p>"
            "</div></article><div><p><!--MORE ON THE TOPIC:-->MORE ON THE TOPIC:</p>"
            "<ul><li><a href='/a'>First Related Headline Here</a></li></ul></div></body></html>",
            html=True,
        )
    )
    lines, _, related = html.article(page)
    assert lines == ("Body text of the article, long enough.",)
    assert [(r.title, r.url) for r in related] == [("First Related Headline Here", "/a")]


def test_related_posts_boxes_inside_the_content_are_no_body_and_the_visible_date_counts() -> None:
    """Jetpack's and YARPP's related-posts boxes sit inside ``.entry-content``;
    the classic theme's ``.post-date`` is the date when no head meta or
    ``<time>`` gives one."""
    from masthead import Article
    from masthead.testing import document, ingest

    page = next(p for p in HTML_ARTICLES if p.name == "southfront_org_classic.html").read_text(encoding="utf-8")
    boxes = (
        '<div id="jp-relatedposts" class="jp-relatedposts"><h3>Related</h3><p>Kremlin Envoy Arrives</p>'
        '<p>In "Analysis"</p></div><div class="yarpp-related"><h3>Related posts:</h3>'
        "<ol><li><a href='/a'>Another Post Title Here</a></li></ol></div>"
    )
    before = ingest(document(page, html=True, uri="p.html"))
    varied = page.replace("<p>Written and produced by SF Team</p>", boxes + "<p>Written and produced by SF Team</p>", 1)
    assert varied != page
    after = ingest(
        document(varied.replace('property="article:published_time"', 'property="x"'), html=True, uri="p.html")
    )
    assert isinstance(before, Article) and isinstance(after, Article)
    assert after.body == before.body
    assert after.published == "2019-05-21"


def test_a_recent_posts_widgets_date_is_not_the_posts() -> None:
    from masthead import Article
    from masthead.testing import document, ingest

    page = next(p for p in HTML_ARTICLES if p.name == "southfront_org_classic.html").read_text(encoding="utf-8")
    widget = (
        '<aside class="widget widget_recent_entries"><ul><li><a href="/x">Other Post</a>'
        '<span class="post-date">02.06.2019</span></li></ul></aside>'
    )
    undated = page.replace('property="article:published_time"', 'property="x"')
    for varied in (undated.replace("<body", f"<body>{widget}<div", 1), undated.replace("</body>", f"{widget}</body>")):
        record = ingest(document(varied, html=True, uri="p.html"))
        assert isinstance(record, Article) and record.published == "2019-05-21"
