"""The site's other article templates, as its published views render them:
the gallery page, the images slider block, live posts and a byline that
shows only the last update's time."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from masthead import Article, Page
from masthead.testing import document, pipeline

HEAD = """<html><head><meta property="og:site_name" content="The Moscow Times"/>
<link rel="canonical" href="https://www.themoscowtimes.com/2023/03/01/metro-a80352"></head><body>"""
BYLINE = """<div class="article__byline byline"><div class="byline__details"><div class="byline__details__column">
<div class="byline__author">By <a href="/authors/a" class="{cls}">Anna Volkova</a>
 and <a href="/authors/p" class="{cls}">Pyotr Lebedev</a></div>{updated}
<time class="byline__datetime timeago" datetime="{stamp}">Mar. 1, 2023</time></div></div></div>"""
PARAGRAPHS = (
    "Moscow opened two new metro stations on Wednesday, completing the south-western arc of the ring.",
    "The final section of the line is expected to open next year, the mayor's office said.",
)
TEXT = "".join(
    f'<div class="article__block article__block--html article__block--column"><p>{p}</p></div>' for p in PARAGRAPHS
)
INTRO = "Two new stations opened on the Big Circle Line on Wednesday."


def gallery_page() -> str:
    """``article/gallery.php``: header, byline, intro and pictures in one
    ``article__content``, the text blocks in a second one."""
    items = "".join(
        f"""<div class="article__gallery__item"><img src="{n}.jpg"/><div class="gallery__item__aside">
        <div class="gallery__item__aside__content"><h6 class="gallery__item__aside__content__title">{title}</h6>
        <div class="gallery__item__aside__content__caption">{caption}</div>
        <div class="gallery__item__aside__content__credits">{credits}</div></div></div></div>"""
        for n, (title, caption, credits) in enumerate(
            [
                ("The vault", "Workers finish the vault of the new station.", "Moskva News Agency"),
                ("The train", "Passengers on the first train.", "mos.ru"),
            ]
        )
    )
    byline = BYLINE.format(cls="article__author__name", updated="", stamp="2023-03-01T14:20:00+01:00")
    return f"""{HEAD}<article class="article"><div class="article__content-container"><div class="article__content">
<header class="article__header"><h1>Moscow Metro Opens Two Stations</h1><h2>A ring nears completion.</h2></header>
{byline}<div class="article__intro">{INTRO}</div>
<div class="article__block article__block--full article__gallery">{items}</div></div>
<div class="article__content">{TEXT}</div></div></article></body></html>"""


def item_page(block: str, *, updated: bool = False) -> str:
    """``article/item.php`` with ``block`` among its text blocks."""
    stamp = "2023-03-01T16:05:12+01:00" if updated else "2023-03-01T14:20:00+01:00"
    byline = BYLINE.format(cls="byline__author__name", updated="Updated:" if updated else "", stamp=stamp)
    return f"""{HEAD}<article class="article"><header class="article__header"><h1>Moscow Metro Opens Two Stations</h1>
</header>{byline}<div class="article__content-container"><div class="article__content">{TEXT}{block}</div></div>
</article></body></html>"""


SLIDER = """<div class="article__block article__block--images"><div class="article__images">
<div class="slider slider--fixed-size"><div class="slider__slide"><a href="1.jpg"><div class="slider__slide-inner">
<img src="1.jpg"/></div><figcaption><span class="article__images__caption">The station hall.</span>
<span class="article__images__credits">mos.ru</span></figcaption></a></div></div></div></div>"""
LIVE = """<div class="live-posts"><div class="live-post"><time class="live-post__date timeago"
datetime="2023-03-01T15:40:00+01:00">15:40</time><div class="live-post__body">
<div class="article__block article__block--html live-block">
<p>The second station has now opened to passengers.</p></div>
<div class="article__block article__block--image live-block"><figure class="article__image"><img src="2.jpg"/></figure>
<figcaption><span>The first passengers at Aminyevskaya.</span><span>mos.ru</span></figcaption>
</div></div></div></div>"""


@pytest.fixture(params=[True, False], ids=["lxml-tree", "soup-only"])
def fast(request: pytest.FixtureRequest) -> Iterator[bool]:
    previous = Page.fast_paths
    Page.fast_paths = request.param
    yield request.param
    Page.fast_paths = previous


def parsed(markup: str) -> Article:
    record = pipeline("moscow_times").process(document(markup, html=True))
    assert isinstance(record, Article), record
    return record


def test_a_gallery_page_keeps_its_text_its_captions_and_every_author(fast: bool) -> None:
    record = parsed(gallery_page())
    assert record.body == (INTRO, *PARAGRAPHS)
    assert record.captions == (
        "Workers finish the vault of the new station. Moskva News Agency",
        "Passengers on the first train. mos.ru",
    )
    assert record.authors == ("Anna Volkova", "Pyotr Lebedev")


def test_slider_and_live_post_captions_are_captions_and_entry_times_no_paragraphs(fast: bool) -> None:
    slider = parsed(item_page(SLIDER))
    assert slider.captions == ("The station hall. mos.ru",) and slider.body == PARAGRAPHS
    live = parsed(item_page(LIVE))
    assert live.captions == ("The first passengers at Aminyevskaya. mos.ru",)
    assert live.body == (*PARAGRAPHS, "The second station has now opened to passengers.")


def test_a_byline_showing_only_the_update_is_no_publication_time(fast: bool) -> None:
    """Without head meta (an AMP page, a stripped head) the byline's time
    after "Updated:" is the last edit's; the publication's is not on the page."""
    assert parsed(item_page("")).published == "2023-03-01T14:20:00+01:00"
    published = parsed(item_page("", updated=True)).published
    assert published != "2023-03-01T16:05:12+01:00"
    assert published in (None, "2023-03-01")  # the address's date at most
