"""Embedded social posts never read as the article's paragraphs.

A tweet's embed code is a ``blockquote.twitter-tweet`` holding the post and
an attribution line ("— Name (@handle) date"); the HTML readers of the
first-party plugins cut :data:`masthead.extract.boxes.EMBEDS` from their
containers. Each fixture page gets a tweet, an Instagram post and an
iframe after its first paragraph: its body must be as before.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from masthead import Article
from masthead.testing import document, ingest

PLUGINS = Path(__file__).resolve().parents[1] / "plugins"
EMBEDDED = (
    '<blockquote class="twitter-tweet"><p lang="en">Breaking: the rate is unchanged at 21%'
    ' <a href="https://t.co/x">pic.twitter.com/x</a></p>&mdash; Bank (@bank) '
    '<a href="https://twitter.com/bank/status/1">February 14, 2025</a></blockquote>'
    '<blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/x/">'
    "<p>A post shared by the ministry (@ministry)</p></blockquote>"
    '<iframe src="https://www.youtube.com/embed/x">Watch the briefing on YouTube</iframe>'
)
PAGES = {
    "russia_briefing": "article_2019_classic.html",
    "wire_aggregator": "wire_story_2025.html",
    "opinion_site": "southfront_org_classic.html",
}


def with_embeds(markup: str, paragraph: str) -> str:
    """``markup`` with the embeds after the first ``<p>`` holding ``paragraph``'s opening."""
    at = markup.index(paragraph[:40])
    end = markup.index("</p>", at) + len("</p>")
    return markup[:end] + EMBEDDED + markup[end:]


@pytest.mark.parametrize("plugin", sorted(PAGES))
def test_embedded_posts_leave_the_body_as_it_was(plugin: str) -> None:
    fixtures = PLUGINS / plugin / "tests" / "fixtures"
    path = fixtures / PAGES[plugin]
    markup = path.read_text(encoding="utf-8")
    before = ingest(document(markup, html=True, uri=path.name))
    assert isinstance(before, Article), before
    after = ingest(document(with_embeds(markup, before.body[0]), html=True, uri=path.name))
    assert isinstance(after, Article), after
    assert after.body == before.body
