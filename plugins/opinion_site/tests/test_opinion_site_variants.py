"""Variants of the seed dump, generated in code, as real captures differ.

Each variant changes what a different capture of the same SouthFront page
could look like (line endings, spaces, quotes, a site banner, a title, the
donation widget, comment chrome, a cut-off end) and checks that body,
title, related links and comments stay what they should be, and that no
boilerplate reaches a body paragraph or a comment.
"""

from __future__ import annotations

import pytest
from opinion_site_helpers import leaks, marker_index, seed_lines, seed_text

from masthead import Article
from masthead.extract.text import fold
from masthead.testing import document, ingest, ingest_article

TITLE = "Kremlin Envoy Brings Business Offer To Washington"
SEED_BODY = seed_lines()[: marker_index(seed_lines())]
SEED_COMMENTS = seed_lines()[marker_index(seed_lines()) + 1 :]


def parse(text: str, *, force: bool = False) -> Article:
    """Route without forcing the source, as a run over unlabeled dumps does.

    ``force`` is for dumps cut before any SouthFront marker: nothing in
    them says SouthFront, so only a URL or the user can route them.
    """
    article = ingest_article(document(text, uri="variant.txt"), source="opinion_site" if force else None)
    assert article.outlet == "opinion_site"
    assert leaks(article) == []
    return article


def with_lines(lines: list[str]) -> str:
    return "\n".join(lines) + "\n"


def body_keys(article: Article) -> list[str]:
    return [fold(p) for p in article.body]


def test_crlf_line_endings() -> None:
    article = parse(seed_text().replace("\n", "\r\n"))
    assert list(article.body) == SEED_BODY
    assert len(article.comments) == len(SEED_COMMENTS)


def test_non_breaking_spaces() -> None:
    article = parse(seed_text().replace(" the ", "\u00a0the\u00a0"))
    assert body_keys(article) == [fold(p) for p in SEED_BODY]
    assert len(article.comments) == len(SEED_COMMENTS)


@pytest.mark.parametrize(
    "table",
    [
        str.maketrans({"\u201c": '"', "\u201d": '"', "\u2019": "'", "\u2018": "'"}),
        str.maketrans({'"': "\u201c", "'": "\u2019"}),
    ],
    ids=["curly-to-straight", "straight-to-curly"],
)
def test_quote_styles(table: dict[int, str]) -> None:
    article = parse(seed_text().translate(table))
    assert body_keys(article) == [fold(p) for p in SEED_BODY]
    assert len(article.comments) == len(SEED_COMMENTS)


def test_extra_blank_lines() -> None:
    article = parse("\n\n\n" + seed_text().replace("\n", "\n\n\n") + "\n\n")
    assert list(article.body) == SEED_BODY
    assert [c.text for c in article.comments] == SEED_COMMENTS


def test_title_line_and_site_banner_before_the_body() -> None:
    banner = ["SouthFront", "Home", "News", "Analysis", "Videos", "Donate", "0 $", "2,500 $", "5,000 $", "100 $"]
    article = parse(with_lines([*banner, "APRIL 2025", TITLE, "Support SouthFront", *seed_lines()]))
    assert article.title == TITLE
    assert list(article.body) == SEED_BODY
    assert not any(w.startswith("title_missing") for w in article.warnings)
    assert article.published is None  # "APRIL 2025" is the donation thermometer, not a date


def test_title_repeated_as_image_alt_text() -> None:
    head = [TITLE, "Support SouthFront", TITLE, "Illustrative image", "Click to see full-size image"]
    article = parse(with_lines([*head, *seed_lines()]))
    assert article.title == TITLE
    assert list(article.body) == SEED_BODY
    assert article.captions == ("Illustrative image",)


def test_old_layout_with_pdf_download_and_credit_caption() -> None:
    caption = "Russian and US delegations at the talks. (Photo: RDIF press service)"
    head = ["Support SouthFront", "PDF Download", TITLE, caption]
    article = parse(with_lines([*head, *seed_lines()]))
    assert article.title == TITLE
    assert article.captions == (caption,)
    assert list(article.body) == SEED_BODY


def test_byline_and_date_in_the_head() -> None:
    head = [TITLE, "07.04.2025", "Written by Aleksei Vorontsov exclusively for SouthFront"]
    article = parse(with_lines([*head, *seed_lines()]))
    assert article.authors == ("Aleksei Vorontsov",)
    assert article.published == "2025-04-07"
    assert list(article.body) == SEED_BODY


def test_dateline_and_byline_with_date_in_the_head() -> None:
    head = [TITLE, "Support SouthFront", "07.04.2025 | Analysis", "Written by Aleksei Vorontsov on April 8, 2025"]
    short_dated_sentence = "On April 3, 2025, talks resumed."
    article = parse(with_lines([*head, *SEED_BODY[:2], short_dated_sentence, *SEED_BODY[2:]]))
    assert article.published == "2025-04-07"
    assert article.authors == ("Aleksei Vorontsov",)
    assert list(article.body) == [*SEED_BODY[:2], short_dated_sentence, *SEED_BODY[2:]]


def test_long_byline_and_social_links_at_the_end() -> None:
    byline = "Written by Lucas Leiroz, journalist, researcher at the Center for Geostrategic Studies, consultant."
    social = "You can follow Lucas Leiroz on: https://t.me/lucasleiroz and https://x.com/leiroz_lucas"
    article = parse(with_lines([*SEED_BODY, byline, social, "MORE ON THE TOPIC:", *SEED_COMMENTS]))
    assert article.authors == ("Lucas Leiroz",)
    assert list(article.body) == SEED_BODY


def test_sentence_opening_with_source_stays_body() -> None:
    line = "Source said the talks failed."
    article = parse(with_lines([*SEED_BODY[:3], line, *SEED_BODY[3:], "Source: RT", "MORE ON THE TOPIC:"]))
    assert list(article.body) == [*SEED_BODY[:3], line, *SEED_BODY[3:]]
    assert article.attributions == ("RT",)


def test_related_links_as_bullets_then_a_disqus_thread() -> None:
    related = ["• Kremlin Envoy Arrives In Washington For Talks", "• Rare Earths And The New Detente"]
    thread = ["  • Old Guard", "    Trade talk is cheap.", "      • Ivan", "        Sanctions were lifted.", "  • x_X"]
    article = parse(with_lines([*SEED_BODY, "MORE ON THE TOPIC:", *related, *thread]))
    assert [r.title for r in article.related] == [r[2:] for r in related]
    assert [(c.author, c.text, c.parent) for c in article.comments] == [
        ("Old Guard", "Trade talk is cheap.", None),
        ("Ivan", "Sanctions were lifted.", 0),
        ("x_X", "", None),
    ]


def test_named_wpdiscuz_thread_without_dates() -> None:
    chrome = ["Notify of", "3 Comments", "Newest Most Voted", "Inline Feedbacks", "View all comments"]
    thread = [
        "Old Guard",
        "Trade talk is cheap.",
        "Reply",
        "Ivan",
        "Reply to Old Guard",
        "lol",
        "Reply",
        "x_X",
        "Reply",
    ]
    article = parse(with_lines([*SEED_BODY, "MORE ON THE TOPIC:", *chrome, *thread]))
    assert [(c.author, c.text, c.parent) for c in article.comments] == [
        ("Old Guard", "Trade talk is cheap.", None),
        ("Ivan", "lol", 0),
        ("x_X", "", None),
    ]


def test_sf_team_credit_after_the_body() -> None:
    lines = seed_lines()
    at = marker_index(lines)
    article = parse(with_lines([*lines[:at], "Written and produced by SF Team", *lines[at:]]))
    assert article.authors == ("SF Team",)
    assert list(article.body) == SEED_BODY


def test_no_title_line_warns() -> None:
    article = parse(seed_text())
    assert article.title is None
    assert any(w.startswith("title_missing") for w in article.warnings)


def test_body_cut_mid_paragraph() -> None:
    lines = seed_lines()
    cut = lines[4][: len(lines[4]) // 2].rstrip(" .,")
    article = parse(with_lines([*lines[:4], cut]), force=True)
    assert list(article.body) == [*SEED_BODY[:4], cut]
    assert article.comments == ()
    assert any(w.startswith("body_truncated") for w in article.warnings)


def test_dump_ends_at_the_marker_without_comments() -> None:
    article = parse(with_lines([*SEED_BODY, "MORE ON THE TOPIC:"]))
    assert list(article.body) == SEED_BODY
    assert article.comments == ()
    assert not any(w.startswith("body_truncated") for w in article.warnings)


def test_comments_typed_in_lower_case_without_the_marker_are_still_comments() -> None:
    """A capture that lost "MORE ON THE TOPIC:" (the related widget) has
    the seed's readers' lines right under the article, no name or date on
    them: typed in lower case, they are no paragraphs of the article."""
    byline = "Written by Elena Panina exclusively for SouthFront"
    article = parse(with_lines([TITLE, byline, *SEED_BODY, *SEED_COMMENTS]))
    assert list(article.body) == SEED_BODY
    assert [comment.text for comment in article.comments] == SEED_COMMENTS


@pytest.mark.parametrize("marker", ["More on the topic", "more on the topic:", "MORE ON THE TOPIC"])
def test_marker_in_any_case_with_or_without_colon(marker: str) -> None:
    article = parse(with_lines([*SEED_BODY, marker, *SEED_COMMENTS]))
    assert list(article.body) == SEED_BODY
    assert [c.text for c in article.comments] == SEED_COMMENTS


def test_related_headlines_under_the_marker_are_not_comments() -> None:
    related = [
        "Kremlin Envoy Arrives In Washington For Talks With Trump Team",
        "Rare Earths And The New Detente: What Moscow Can Offer",
    ]
    article = parse(with_lines([*SEED_BODY, "MORE ON THE TOPIC:", *related, *SEED_COMMENTS]))
    assert [r.title for r in article.related] == related
    assert [c.text for c in article.comments] == SEED_COMMENTS


def test_title_case_comment_after_a_sentence_comment_stays_a_comment() -> None:
    # Only the unbroken run right under the marker can be related links.
    tail = [SEED_COMMENTS[0], "Great Analysis As Always", SEED_COMMENTS[1]]
    article = parse(with_lines([*SEED_BODY, "MORE ON THE TOPIC:", *tail]))
    assert article.related == ()
    assert [c.text for c in article.comments] == tail


def test_comment_form_chrome_is_dropped() -> None:
    chrome_before = ["Subscribe", "Login", "Notify of", "Please login to comment", "12 Comments"]
    chrome_more = ["NewestOldestMost Voted", "Inline Feedbacks", "View all comments"]
    chrome_after = ["Load More Comments", "Leave a Reply"]
    comments = [SEED_COMMENTS[0], "Reply", "+3", SEED_COMMENTS[1], "-1", "Reply"]
    lines = [*SEED_BODY, "MORE ON THE TOPIC:", *chrome_before, *chrome_more, *comments, *chrome_after]
    article = parse(with_lines(lines))
    assert [c.text for c in article.comments] == SEED_COMMENTS[:2]


def test_donation_widget_and_appeal_are_dropped() -> None:
    appeal = [
        "Our work is impossible without your support. Please, consider donating to SouthFront.",
        "PayPal: southfront@list.ru",
        "BTC: bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh",
        "ETH: 0x71C7656EC7ab88b098defB751B7401B5f6d8976F",
        "Support SouthFront",
    ]
    article = parse(with_lines([*SEED_BODY, *appeal, "MORE ON THE TOPIC:", *SEED_COMMENTS, *appeal]))
    assert list(article.body) == SEED_BODY
    assert [c.text for c in article.comments] == SEED_COMMENTS


def test_boilerplate_cut_short_at_the_end() -> None:
    article = parse(with_lines([*SEED_BODY, "Our work is impossible without"]), force=True)
    assert list(article.body) == SEED_BODY
    article = parse(with_lines([*SEED_BODY, "MORE ON THE TOPIC:", *SEED_COMMENTS, "Notify"]))
    assert [c.text for c in article.comments] == SEED_COMMENTS
    article = parse(with_lines([*SEED_BODY, "MORE ON THE"]), force=True)
    assert list(article.body) == SEED_BODY


def test_disclaimer_after_the_body_is_dropped() -> None:
    disclaimer = "Disclaimer: The views expressed in this article are solely those of the author."
    article = parse(with_lines([*SEED_BODY, disclaimer, "MORE ON THE TOPIC:", *SEED_COMMENTS]))
    assert list(article.body) == SEED_BODY


def test_comments_with_authors_ages_and_reply_lines() -> None:
    thread = [
        "Old Guard",
        "1 year ago",
        "Trade talk is cheap.",
        "Reply",
        "Ivan_the_Pragmatist",
        "Reply to Old Guard",
        "1 year ago",
        "Sanctions on the envoy were lifted.",
        "That is more than nothing.",
        "Reply",
        "x_X",
        "2 years ago",
        "Reply",
    ]
    article = parse(with_lines([*SEED_BODY, "MORE ON THE TOPIC:", "3 Comments", *thread]))
    got = [(c.author, c.text, c.parent) for c in article.comments]
    assert got == [
        ("Old Guard", "Trade talk is cheap.", None),
        ("Ivan_the_Pragmatist", "Sanctions on the envoy were lifted.\nThat is more than nothing.", 0),
        ("x_X", "", None),
    ]


def test_listing_dump_is_not_an_article() -> None:
    listing = [
        "Support SouthFront",
        "Category: Analysis",
        TITLE,
        "A Kremlin envoy in Washington sells economic cooperation as the road to peace and profit.",
        "Read more",
        "Europe Left Out Of The Peace Process",
        "European capitals watch from the sidelines as Moscow and Washington talk without them.",
        "Read more",
        "1 2 3 … 50 Next »",
    ]
    record = ingest(document(with_lines(listing), uri="listing.txt"), source="opinion_site")
    assert not isinstance(record, Article)
    assert record.reason == "not_article"


def test_page_without_any_paragraph_is_not_an_article() -> None:
    record = ingest(document("Support SouthFront\nHome\nNews\n", uri="empty.txt"), source="opinion_site")
    assert not isinstance(record, Article)
    assert record.reason == "not_article"


def test_a_share_row_after_the_body_leaves_it_whole() -> None:
    row = ["Share this:", "Facebook", "Twitter", "LinkedIn", "Email", "Print", "WhatsApp", "Like this:"]
    row.append("Like Loading...")
    article = parse(with_lines([TITLE, *SEED_BODY, *row, "MORE ON THE TOPIC:", *SEED_COMMENTS]))
    assert list(article.body) == SEED_BODY
