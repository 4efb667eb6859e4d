"""Hand-written dumps of other Russia Briefing pages, in the shapes real dumps take.

Each dump is a different article (original text) in a layout the site has
used: the 2015 menu-and-dateline page with an "Op/Ed by" line and reader
comments, the 2019-2023 "Posted by" byline with and without names, dates
and reading time, the "About Us" blurb in its produced/written/published
wordings or cut short, related boxes with icon file names of other shapes
or without icons, subheadings inside the article, credited captions, CRLF,
non-breaking spaces, straight quotes, no blank lines, a body cut mid-sentence,
and two listing pages. They are routed without forcing the source and
compared with reviewed goldens beside them (the golden, boilerplate and
listing checks run in test_russia_briefing_golden.py with the other fixtures).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from masthead import Article, Page, Rejection
from masthead.extract.text import fold
from masthead.testing import document, document_from_file, ingest, ingest_article, installed_plugins

DUMPS = Path(__file__).resolve().parent / "fixtures" / "dumps"
LISTINGS = tuple(sorted(DUMPS.glob("listing_*.txt")))
ARTICLES = tuple(sorted(p for p in DUMPS.glob("*.txt") if p not in LISTINGS))


def article(name: str) -> Article:
    return ingest_article(document_from_file(DUMPS / name))


def test_the_dump_set_is_there() -> None:
    assert len(ARTICLES) >= 10
    assert len(LISTINGS) >= 2
    assert any(b"\r\n" in p.read_bytes() for p in ARTICLES)
    assert any("\u00a0" in p.read_text(encoding="utf-8") for p in ARTICLES)


@pytest.mark.parametrize("dump", ARTICLES + LISTINGS, ids=lambda p: p.stem)
def test_dump_is_claimed_by_this_source_only(dump: Path) -> None:
    page = Page.from_raw(document_from_file(dump))
    scores = {name: entry.source.detect(page) for name, entry in installed_plugins().sources.items()}
    assert scores.pop("russia_briefing") >= 0.5
    assert all(score < 0.5 for score in scores.values()), scores


@pytest.mark.parametrize(
    ("name", "marker"),
    [
        ("article_2022_written_by_subheadings.txt", "About Us"),
        ("article_crlf_nbsp_no_title_blurb_cut.txt", "About Us"),
        ("article_2023_dateline_many_comments.txt", "About Us"),
        ("article_name_line_further_reading_no_blank_lines.txt", "About Us"),
        ("article_2022_byline_name_date_bullets.txt", "Related Reading"),
    ],
)
def test_dump_cut_before_the_tail_is_still_routed_here(name: str, marker: str) -> None:
    """The byline alone ("Posted by", "Written by", the chairman's name) carries the page."""
    text = (DUMPS / name).read_text(encoding="utf-8")
    cut = text[: text.index(marker)]
    record = ingest_article(document(cut, uri="cut.txt"))
    assert record.outlet == "russia_briefing"
    assert fold(record.body[-1]) == fold(article(name).body[-1])


def test_subheadings_stay_in_the_body_in_order() -> None:
    body = article("article_2022_written_by_subheadings.txt").body
    headings = ["Where The Cargo Is Going", "Infrastructure Constraints", "What It Means For Foreign Investors"]
    assert [p for p in body if p in headings] == headings
    assert body.index("Infrastructure Constraints") == 5


def test_subheading_after_an_icon_box_is_body_not_related() -> None:
    record = article("article_menu_inline_icon_box_cut_mid_body.txt")
    assert "Who Qualifies" in record.body
    assert [r.title for r in record.related] == [
        "Hiring Foreign Staff In Russia: A Guide For Employers",
        "Russia’s Patent System For Migrant Workers Explained",
    ]
    assert any(w.startswith("body_truncated") for w in record.warnings)


def test_older_layout_author_line_and_dateline() -> None:
    record = article("article_2015_menu_dateline_oped_comments.txt")
    assert record.authors == ("Chris Devonshire-Ellis",)
    assert record.published == "2015-03-12"
    assert record.body[0].startswith("Mar. 12 – The member states")
    assert not any("subscribing" in p for p in record.body)


@pytest.mark.parametrize(
    ("name", "authors", "published"),
    [
        ("article_2022_written_by_subheadings.txt", ("Chris Devonshire-Ellis",), None),
        ("article_crlf_nbsp_no_title_blurb_cut.txt", ("Maria Kotova",), None),
        ("article_2022_byline_name_date_bullets.txt", ("Chris Devonshire-Ellis",), "2022-03-21"),
        ("article_name_line_further_reading_no_blank_lines.txt", ("Maria Kotova", "Alexander Smirnov"), "2021-08-23"),
        ("article_title_repeated_cased_icons.txt", ("Dezan Shira & Associates",), None),
        ("article_2023_dateline_many_comments.txt", (), "2023-07-19"),
    ],
)
def test_byline_shapes(name: str, authors: tuple[str, ...], published: str | None) -> None:
    record = article(name)
    assert (record.authors, record.published) == (authors, published)


def test_icon_file_names_of_other_shapes_never_reach_the_body() -> None:
    record = article("article_title_repeated_cased_icons.txt")
    assert [r.title for r in record.related] == [
        "Russia’s Capital Controls: What Has Changed Since 2022",
        "Dividend Withholding Tax Rates Under Russia’s Tax Treaties",
    ]
    assert len(record.body) == 3


def test_credited_captions_leave_the_body() -> None:
    record = article("article_headless_menu_credited_captions.txt")
    assert record.captions == (
        "Moscow City business district at dusk. Photo: Shutterstock",
        "The Bank of Russia headquarters on Neglinnaya Street (Image: Bank of Russia)",
    )
    assert record.title is None
    assert record.body[0].startswith("Russia’s central bank has left its key rate")


@pytest.mark.parametrize(
    ("name", "authors"),
    [
        ("article_2015_menu_dateline_oped_comments.txt", ["Peter Hollis", "Russia Briefing"]),
        ("article_2023_dateline_many_comments.txt", ["Anil Mehta", "Chris Devonshire-Ellis", "Wang Lei", "Tom B."]),
        ("article_2022_written_by_subheadings.txt", []),
    ],
)
def test_dump_comments(name: str, authors: list[str]) -> None:
    record = article(name)
    assert [c.author for c in record.comments] == authors
    assert all(c.published and c.text and "Reply" not in c.text for c in record.comments)


POSTED_ON_BY_LISTING = DUMPS / "listing_category_posted_on_by_continue_reading.txt"


@pytest.mark.parametrize("url", [None, "https://www.russia-briefing.com/news/"])
def test_posted_on_by_listing_is_no_article_with_or_without_url(url: str | None) -> None:
    """Teasers under "Posted on by" lines, each ending "Continue reading…"."""
    record = ingest(document(POSTED_ON_BY_LISTING.read_text(encoding="utf-8"), url=url, uri="category.txt"))
    assert isinstance(record, Rejection)
    assert (record.reason, record.plugin) == ("not_article", "russia_briefing")


def test_teasers_ending_continue_reading_alone_make_a_listing() -> None:
    text = POSTED_ON_BY_LISTING.read_text(encoding="utf-8").replace("Posted on by\n", "")
    assert isinstance(ingest(document(text, uri="teasers.txt")), Rejection)


@pytest.mark.parametrize("posted", ["Posted", "Posted by", "Posted on by", "Posted on"])
def test_bare_posted_line_is_the_byline_never_body(posted: str) -> None:
    text = (DUMPS / "article_bare_posted_line_dateline.txt").read_text(encoding="utf-8")
    record = ingest_article(document(text.replace("\nPosted\n", f"\n{posted}\n"), uri="posted.txt"))
    assert record.title == "Russia Extends Duty-Free Import Quotas For Pharmaceutical Ingredients"
    assert record.body[0].startswith("Mar. 3 – The Russian government")
    assert not any(fold(p).startswith("posted") for p in record.body)


@pytest.mark.parametrize(
    "url",
    [
        "https://www.russia-briefing.com/news/category/russia-regions/",
        "https://www.russia-briefing.com/news/tag/kaliningrad/page/2/",
        "https://www.russia-briefing.com/news/author/chris-devonshire-ellis/",
    ],
)
def test_listing_address_alone_makes_a_listing(url: str) -> None:
    """A listing with one teaser: its "Continue reading…" link, else its address says it."""
    text = POSTED_ON_BY_LISTING.read_text(encoding="utf-8")
    end = "Russia Briefing is written and produced by Dezan Shira & Associates.\n"
    one_teaser = text[: text.index("Kaliningrad Port Upgrades")] + end
    assert isinstance(ingest(document(one_teaser, uri="one.txt")), Rejection)
    no_link = one_teaser.replace(" Continue reading…", "")
    assert isinstance(ingest(document(no_link, uri="one.txt")), Article)
    record = ingest(document(no_link, url=url, uri="one.txt"))
    assert isinstance(record, Rejection) and record.reason == "not_article"


SUBHEADINGS = DUMPS / "article_2022_written_by_subheadings.txt"


def test_a_newsletter_box_leaves_the_body_with_its_button() -> None:
    text = SUBHEADINGS.read_text(encoding="utf-8")
    box = "Subscribe to our newsletter\n\nGet the latest Russia news and analysis every week.\n\nSubscribe\n\n"
    record = ingest_article(document(text.replace("About Us\n", box + "About Us\n", 1), uri="box.txt"))
    assert record.body == article(SUBHEADINGS.name).body


def test_the_next_articles_teaser_under_the_blurb_leaves_the_article_whole() -> None:
    """Crawls keep the "Next Article" teaser some pages end with: a
    headline, a "Posted by" line, a date, an excerpt, "Continue reading"."""
    teaser = (
        "\n\nNext Article\n\nRussia’s Far East Free Ports Attract US$2 Billion In New Investment\n\nPosted by\n\n"
        "Jul. 3, 2019\n\nThe Russian Far East free port regime has attracted more than US$2 billion in new "
        "investment commitments in the first half of 2019, according to the ministry.\n\nContinue reading\n"
    )
    text = SUBHEADINGS.read_text(encoding="utf-8").rstrip("\n") + teaser
    record = ingest(document(text, uri="teaser.txt"))
    assert isinstance(record, Article), record
    assert record.body == article(SUBHEADINGS.name).body


UNMARKED_THREAD = (
    "Dmitri Petrov\nJuly 1, 2019 at 9:12 am\n\nThis would be a great step for both countries.\n\nReply\n\n"
    "Sarah Jenkins\nJuly 2, 2019 at 3:40 pm\n\nI doubt it will happen given the politics in Washington.\n\nReply\n\n"
    "Leave a Reply\n"
)


def test_a_thread_without_its_count_heading_is_comments_not_body() -> None:
    """With the "N thoughts on" heading lost and no blurb to end the body,
    names over time stamps after the last paragraph are the thread."""
    text = SUBHEADINGS.read_text(encoding="utf-8")
    page = text[: text.index("About Us")] + UNMARKED_THREAD
    record = ingest_article(document(page, uri="thread.txt"))
    assert record.body == article(SUBHEADINGS.name).body
    assert [(c.author, c.text) for c in record.comments] == [
        ("Dmitri Petrov", "This would be a great step for both countries."),
        ("Sarah Jenkins", "I doubt it will happen given the politics in Washington."),
    ]


@pytest.mark.parametrize(
    "between",
    [
        "Print Friendly, PDF & Email",
        "Editor's Note: This article was updated on July 2, 2019.",
        "Accept\n\nRead More",
        "This website uses cookies to improve your experience. We'll assume you're ok with this. Accept Read More",
    ],
)
def test_a_button_or_note_above_the_byline_is_no_headline(between: str) -> None:
    """The headline is the nearest headline-shaped line above "Posted by":
    a print button, a consent banner or an editor's note there is passed
    over, to the headline or, without one, to no title and its warning."""
    text = SUBHEADINGS.read_text(encoding="utf-8")
    expected = article(SUBHEADINGS.name)
    byline = next(line for line in text.splitlines() if line.startswith("Written by") or line.startswith("Posted"))
    titled = ingest_article(document(text.replace(byline, f"{between}\n\n{byline}", 1), uri="between.txt"))
    assert (titled.title, titled.body) == (expected.title, expected.body)
    assert expected.title is not None
    untitled_text = text.replace(expected.title, "", 1).replace(byline, f"{between}\n\n{byline}", 1)
    untitled = ingest_article(document(untitled_text, uri="untitled.txt"))
    assert untitled.title is None and any(w.startswith("title_missing") for w in untitled.warnings)


@pytest.mark.parametrize(
    "tail",
    [
        "Sergey Lavrov\nMarch 3, 2022\n\nThe first round was held in Belarus.\n\n"
        "Dmitry Kuleba\nMarch 10, 2022\n\nThe ministers met in Antalya without result.\n",
        "Upcoming Events\n\nMaria Kotova\nJune 12, 2024 at 10:00 am\n\nWebinar: doing business in the Far East.\n\n"
        "Alexander Ivanov\nJune 19, 2024 at 10:00 am\n\nWebinar: the new tax rules for foreign companies.\n",
    ],
)
def test_a_timeline_or_events_list_in_comment_shape_stays_body(tail: str) -> None:
    """Names over dates end some articles (a timeline, an events list):
    without the theme's "DATE at TIME" stamps and "Reply" links they are
    no thread."""
    text = SUBHEADINGS.read_text(encoding="utf-8")
    record = ingest_article(document(text[: text.index("About Us")] + tail, uri="timeline.txt"))
    assert record.comments == ()
    assert record.body[-1] == tail.rstrip().rsplit("\n", 1)[-1]


def test_a_thread_without_its_heading_under_the_blurb_is_read_too() -> None:
    """The body ends at the blurb; a thread under it whose heading was lost
    used to be dropped without a word."""
    text = SUBHEADINGS.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + UNMARKED_THREAD
    record = ingest_article(document(text, uri="under.txt"))
    assert record.body == article(SUBHEADINGS.name).body
    assert [c.author for c in record.comments] == ["Dmitri Petrov", "Sarah Jenkins"]


@pytest.mark.parametrize(
    "headline",
    [
        "Arctic Shipping",
        "Update: Russia Extends Its Economic Zone Tax Breaks To 2030",
        "Russia cuts its key rate to 16%.",
    ],
)
def test_a_short_or_sentence_like_headline_over_the_byline_is_still_the_title(headline: str) -> None:
    """Passing over lines unlike a headline is only for reaching a headline
    above them: with none there, the nearest line is the title, as before."""
    text = SUBHEADINGS.read_text(encoding="utf-8")
    title = article(SUBHEADINGS.name).title
    assert title is not None
    record = ingest_article(document(text.replace(title, headline, 1), uri="headline.txt"))
    assert record.title == headline


def test_an_events_list_of_three_stays_body() -> None:
    events = "".join(
        f"Maria Kotova\nJune {day}, 2024 at 10:00 am\n\nWebinar number {day} on the new rules.\n\n"
        for day in (5, 12, 19)
    )
    text = SUBHEADINGS.read_text(encoding="utf-8")
    record = ingest_article(document(text[: text.index("About Us")] + "Upcoming Events\n\n" + events, uri="ev.txt"))
    assert record.comments == () and record.body[-1] == "Webinar number 19 on the new rules."
