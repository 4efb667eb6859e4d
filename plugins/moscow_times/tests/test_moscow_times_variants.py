"""Pages of the outlet we will never see, made from the seeds in code.

Each variant changes what real dumps vary in (line endings, spaces, quotes,
blank lines, missing or extra lines, other appeal wordings, cut-off ends)
and checks the fields against the reviewed golden of the seed it came from.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from moscow_times_support import SEED_BARE, SEED_FULL, article_from_text, folded, golden_of, leaks

from masthead import Rejection
from masthead.extract.text import fold
from masthead.testing import document, ingest

FULL = SEED_FULL.read_text(encoding="utf-8")
BARE = SEED_BARE.read_text(encoding="utf-8")
FULL_GOLDEN = golden_of(SEED_FULL)
BARE_GOLDEN = golden_of(SEED_BARE)
TITLE = FULL_GOLDEN["title"]
SUBTITLE_LINE = next(line for line in FULL.splitlines() if line.startswith("Russian and U.S. Presidents"))
CAPTION_LINE = next(line for line in FULL.splitlines() if line.endswith("Kremlin.ru"))
LAST_FULL_PARAGRAPH = next(line for line in FULL.splitlines() if line.startswith("In a video published"))

CURLY_TO_STRAIGHT = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


def to_curly(text: str) -> str:
    """Straight double quotes to alternating curly ones, apostrophes to ’."""
    out, opening = [], True
    for ch in text:
        if ch == '"':
            out.append("“" if opening else "”")
            opening = not opening
        else:
            out.append("’" if ch == "'" else ch)
    return "".join(out)


def cut_after(text: str, marker: str) -> str:
    """The dump up to and including ``marker``: boilerplate cut short."""
    return text[: text.index(marker) + len(marker)]


def replace_appeal(text: str, appeal: str) -> str:
    """Swap the 2024-2025 appeal for another year's wording."""
    start = text.index("A Message from The Moscow Times:")
    end = text.index("Remind me later.") + len("Remind me later.")
    return text[:start] + appeal + text[end:]


def insert_after(text: str, anchor_line: str, new: str) -> str:
    return text.replace(anchor_line, anchor_line + "\n\n" + new, 1)


APPEAL_2023 = "\n\n".join(
    (
        "… we have a small favor to ask.",
        "As you may have heard, The Moscow Times, an independent news source for over 30 years, has been "
        'unjustly branded as a "foreign agent" by the Russian government.',
        "We, the journalists of The Moscow Times, refuse to be silenced. Our commitment to providing accurate "
        "and unbiased reporting on Russia remains unshaken.",
        "Your support, no matter how small, makes a world of difference. If you can, please support us monthly "
        "starting from just 2. Thank you.",
        "Continue",
    )
)

APPEAL_2022 = "\n\n".join(
    (
        "Russia media is under attack.",
        "At least 10 independent media outlets have been blocked or closed down over their coverage of the war.",
        "The Moscow Times needs your help more than ever as we cover this devastating invasion.",
        "Contribute today\nMaybe later",
    )
)

APPEAL_2020 = "\n\n".join(
    (
        "The need for honest and objective information on Russia is more relevant now than ever before!",
        "To keep our newsroom in Moscow running, we need your support.",
        "Contribute today",
    )
)

APPEAL_2019 = (
    "As the only remaining independent, English-language news source reporting from Russia, The Moscow Times "
    "plays a critical role in connecting Russia to the world. Editorial decisions are made entirely by journalists "
    "in our newsroom, who adhere to the highest ethical standards."
)

#: The "ad-free" modal every page has opened with since July 2024.
ADFREE_MODAL = (
    "×\nEnjoying ad-free content?\nSince July 1, 2024, we have disabled all ads to improve your reading experience.\n"
    "This commitment costs us $10,000 a month. Your support can help us fill the gap.\nSupport us\n"
    "Our journalism is banned in Russia. We need your help to keep providing you with the truth.\n\n"
)

MENU = "News\nBusiness\nOpinion\nUkraine War\nArts and Life\nPodcasts\nSign in\nSearch\nRU\n"

#: name -> (make the variant from the full seed)
FULL_SAME_FIELDS: dict[str, Callable[[str], str]] = {
    "crlf": lambda t: t.replace("\n", "\r\n"),
    "cr_only": lambda t: t.replace("\n", "\r"),
    "nbsp": lambda t: t.replace(" ", "\u00a0"),
    "straight_quotes": lambda t: t.translate(CURLY_TO_STRAIGHT),
    "curly_quotes": lambda t: to_curly(t.translate(CURLY_TO_STRAIGHT)),
    "extra_blank_lines": lambda t: t.replace("\n", "\n\n\n"),
    "no_blank_lines": lambda t: "\n".join(line for line in t.splitlines() if line.strip()),
    "indented_lines": lambda t: "\n".join("  \t" + line + "  " for line in t.splitlines()),
    "zero_width_and_bom": lambda t: "\ufeff" + t.replace("Putin and", "Putin\u200b and", 1),
    "header_removed": lambda t: t.replace("Support The Moscow Times!\n", "", 1),
    "menu_before_header": lambda t: MENU + t,
    "unknown_menu_items_before_title": lambda t: t.replace(TITLE, "TMT Specials\nCity Guide\nWar Diaries\n" + TITLE, 1),
    "menu_after_header": lambda t: t.replace("Support The Moscow Times!\n", "Support The Moscow Times!\n" + MENU, 1),
    "contribute_teaser_lines": lambda t: t.replace(
        "Support The Moscow Times!\n",
        "Support The Moscow Times!\nContribute today\nNow is the time to support independent reporting from Russia!\n",
        1,
    ),
    "title_repeated": lambda t: t.replace(TITLE, TITLE + "\n\n" + TITLE, 1),
    "title_repeated_as_alt_text": lambda t: insert_after(t, SUBTITLE_LINE, TITLE),
    "appeal_cut_to_first_line": lambda t: cut_after(t, "A Message from The Moscow Times:"),
    "appeal_cut_to_salutation": lambda t: cut_after(t, "Dear readers,"),
    "appeal_cut_mid_line": lambda t: cut_after(t, "A Message from The Mos"),
    "newsletter_cut_to_heading": lambda t: cut_after(t, "Sign up for our free weekly newsletter"),
    "newsletter_cut_mid_line": lambda t: cut_after(t, "Sign up for our fr"),
    "widget_cut": lambda t: cut_after(t, "Monthly"),
    "appeal_2023_wording": lambda t: replace_appeal(t, APPEAL_2023),
    "appeal_2022_wording": lambda t: replace_appeal(t, APPEAL_2022),
    "appeal_2020_wording": lambda t: replace_appeal(t, APPEAL_2020),
    "appeal_2019_wording": lambda t: replace_appeal(t, APPEAL_2019),
    "appeal_2019_cut_mid_line": lambda t: cut_after(replace_appeal(t, APPEAL_2019), APPEAL_2019[:60]),
    "adfree_modal_before_title": lambda t: ADFREE_MODAL + t.replace("Support The Moscow Times!\n", "", 1),
    "byline_with_role_line": lambda t: insert_after(t, SUBTITLE_LINE, "By Anna Volkova\nStaff Writer"),
    "old_site_push_prompt_and_stamp": lambda t: (
        "Get the latest updates as we post them — right on your browser\n\n. Last Updated: 07/27/2016\n\n" + t
    ),
    "podcast_platform_lines": lambda t: insert_after(
        t, FULL_GOLDEN["body"][0], "You can listen to us on the following platforms:\nApple Podcasts\nSpotify\nYouTube"
    ),
    "appeal_without_opening_line": lambda t: t.replace("A Message from The Moscow Times:\n", "", 1),
    "appeal_without_opening_and_salutation": lambda t: t.replace(
        "A Message from The Moscow Times:\n\nDear readers,\n", "", 1
    ),
    "newsletter_before_last_paragraph": lambda t: t.replace(LAST_FULL_PARAGRAPH + "\n\n", "", 1).replace(
        "Subscribers agree to the Privacy Policy\n",
        "Subscribers agree to the Privacy Policy\n\n" + LAST_FULL_PARAGRAPH + "\n",
        1,
    ),
    "newsletter_removed": lambda t: t.replace("Sign up for our free weekly newsletter", "", 1),
    "opinion_disclaimer_and_bio": lambda t: insert_after(
        t,
        LAST_FULL_PARAGRAPH,
        "The views expressed in opinion pieces do not necessarily reflect the position of The Moscow Times.\n\n"
        "Ivan Ivanov\n\nIvan Ivanov is a historian of the Second World War.",
    ),
    "tags_line": lambda t: insert_after(t, LAST_FULL_PARAGRAPH, "Read more about: Donald Trump, Vladimir Putin"),
    "cookie_and_share_lines": lambda t: t.replace("Read more", "Share\nTweet\nDownload as PDF\nRead more"),
    "kicker_over_title": lambda t: t.replace(TITLE, "elbe anniversary\n\n" + TITLE, 1),
    "relative_time_and_read_time": lambda t: insert_after(t, SUBTITLE_LINE, "Updated:\n2 hours ago\n\n3 Min read"),
    "sidebar_after_appeal": lambda t: t.replace(
        "Remind me later.", "Remind me later.\n\nMost read\n\nRuble Slips Against the Dollar\n\nJust in", 1
    ),
}


def _assert_same_as_full_golden(text: str) -> None:
    article = article_from_text(text)
    assert article.outlet == "moscow_times"
    assert fold(article.title or "") == fold(TITLE)
    assert fold(article.subtitle or "") == fold(FULL_GOLDEN["subtitle"])
    assert folded(article.captions) == folded(FULL_GOLDEN["captions"])
    assert folded(article.body) == folded(FULL_GOLDEN["body"])
    assert leaks(article.body) == []
    assert not any(w.startswith("body_truncated") for w in article.warnings)


@pytest.mark.parametrize("name", sorted(FULL_SAME_FIELDS))
def test_full_seed_variant_keeps_every_field(name: str) -> None:
    _assert_same_as_full_golden(FULL_SAME_FIELDS[name](FULL))


def test_both_header_and_title_removed_gives_no_title_but_keeps_standfirst() -> None:
    text = FULL.replace("Support The Moscow Times!\n", "", 1).replace(TITLE + "\n", "", 1)
    article = article_from_text(text)
    assert article.title is None
    assert any(w.startswith("title_missing") for w in article.warnings)
    assert fold(article.subtitle or "") == fold(FULL_GOLDEN["subtitle"])
    assert folded(article.body) == folded(FULL_GOLDEN["body"])


def test_byline_and_date_become_fields() -> None:
    text = insert_after(FULL, SUBTITLE_LINE, "By Anna Volkova and Pyotr Lebedev\n\nUpdated: April 25, 2020")
    article = article_from_text(text)
    assert article.authors == ("Anna Volkova", "Pyotr Lebedev")
    assert article.published == "2020-04-25"
    assert folded(article.body) == folded(FULL_GOLDEN["body"])


def test_wire_byline_is_an_attribution_not_an_author() -> None:
    article = article_from_text(insert_after(FULL, SUBTITLE_LINE, "By AFP"))
    assert article.authors == ()
    assert article.attributions == ("AFP",)


def test_credit_only_caption_and_caption_without_standfirst() -> None:
    text = FULL.replace(SUBTITLE_LINE + "\n\n", "", 1).replace(CAPTION_LINE, "Sergei Karpukhin / TASS", 1)
    article = article_from_text(text)
    assert article.title == TITLE
    assert article.subtitle is None
    assert article.captions == ("Sergei Karpukhin / TASS",)
    assert folded(article.body) == folded(FULL_GOLDEN["body"])


def test_caption_and_credit_on_two_lines_under_the_standfirst_are_one_caption() -> None:
    text = FULL.replace(CAPTION_LINE, CAPTION_LINE.replace(" Kremlin.ru", "\nKremlin.ru"), 1)
    article = article_from_text(text)
    assert folded(article.captions) == folded(FULL_GOLDEN["captions"])
    assert fold(article.subtitle or "") == fold(FULL_GOLDEN["subtitle"])
    assert folded(article.body) == folded(FULL_GOLDEN["body"])


def test_uncredited_short_caption_under_the_standfirst_is_a_caption() -> None:
    text = FULL.replace(CAPTION_LINE, "Soviet and U.S. soldiers at the Elbe.", 1)
    article = article_from_text(text)
    assert article.captions == ("Soviet and U.S. soldiers at the Elbe.",)
    assert folded(article.body) == folded(FULL_GOLDEN["body"])


def test_short_quoted_line_under_the_standfirst_stays_text() -> None:
    text = FULL.replace(CAPTION_LINE + "\n", '"We will meet again," Putin said.\n', 1)
    article = article_from_text(text)
    assert article.captions == ()
    assert article.body[0] == '"We will meet again," Putin said.'


def test_byline_role_naming_a_wire_agency_is_an_attribution() -> None:
    article = article_from_text(insert_after(FULL, SUBTITLE_LINE, "By Anna Volkova\nReuters"))
    assert article.authors == ("Anna Volkova",)
    assert article.attributions == ("Reuters",)
    assert folded(article.body) == folded(FULL_GOLDEN["body"])


def test_dump_cut_right_after_the_byline_keeps_byline_out_of_body() -> None:
    text = FULL[: FULL.index(SUBTITLE_LINE) + len(SUBTITLE_LINE)] + "\n\nBy Anna Volkova\n\nApril 25, 2020\n"
    article = article_from_text(text)
    assert article.authors == ("Anna Volkova",)
    assert article.published == "2020-04-25"
    assert all(not paragraph.startswith(("By ", "April 25")) for paragraph in article.body)


def test_inline_caption_between_paragraphs_is_a_caption() -> None:
    second = FULL_GOLDEN["body"][1]
    text = insert_after(FULL, second, "Soviet and U.S. soldiers meet at the Elbe in April 1945. Wikimedia Commons")
    article = article_from_text(text)
    assert article.captions[-1] == "Soviet and U.S. soldiers meet at the Elbe in April 1945. Wikimedia Commons"
    assert folded(article.body) == folded(FULL_GOLDEN["body"])


def test_in_article_related_box_is_related_and_body_goes_on() -> None:
    second = FULL_GOLDEN["body"][1]
    box = "News\n\nRussia Marks Victory Day Without Foreign Leaders\n\nRead more"
    article = article_from_text(insert_after(FULL, second, box))
    assert [r.title for r in article.related] == ["Russia Marks Victory Day Without Foreign Leaders"]
    assert folded(article.body) == folded(FULL_GOLDEN["body"])


def test_read_more_cluster_headlines_become_related() -> None:
    cluster = (
        "\n\nsummit talk\n\nTrump Says He Could Meet Putin 'Very Soon'\n\n"
        "The U.S. president said a meeting could take place before the end of the year.\n\n"
        "Elbe anniversary\n\nVeterans Recall the Meeting on the Elbe\n\n"
        "Few of those who were there in 1945 are still alive."
    )
    article = article_from_text(FULL + cluster)
    assert [r.title for r in article.related] == [
        "Trump Says He Could Meet Putin 'Very Soon'",
        "Veterans Recall the Meeting on the Elbe",
    ]
    assert folded(article.body) == folded(FULL_GOLDEN["body"])


def test_reporting_credit_line_becomes_attributions() -> None:
    text = insert_after(FULL, LAST_FULL_PARAGRAPH, "Includes reporting from AFP and Reuters.")
    article = article_from_text(text)
    assert article.attributions == ("AFP", "Reuters")
    assert folded(article.body) == folded(FULL_GOLDEN["body"])


def test_body_cut_mid_paragraph_keeps_what_is_there_and_warns() -> None:
    third = FULL_GOLDEN["body"][2]
    text = FULL[: FULL.index(third) + len(third) // 2].rstrip()
    article = article_from_text(text)
    assert folded(article.body[:2]) == folded(FULL_GOLDEN["body"][:2])
    assert len(article.body) == 3 and fold(third).startswith(fold(article.body[2]))
    assert any(w.startswith("body_truncated") for w in article.warnings)


BARE_SAME_FIELDS: dict[str, Callable[[str], str]] = {
    "crlf": lambda t: t.replace("\n", "\r\n"),
    "nbsp": lambda t: t.replace(" ", "\u00a0"),
    "straight_quotes": lambda t: t.translate(CURLY_TO_STRAIGHT),
    "blank_lines_between_paragraphs": lambda t: t.replace("\n", "\n\n"),
    "header_prepended": lambda t: "Support The Moscow Times!\n\n" + t,
    "menu_prepended": lambda t: MENU + t,
    "appeal_cut_to_first_line": lambda t: cut_after(t, "A Message from The Moscow Times:"),
    "appeal_cut_mid_line": lambda t: cut_after(t, "A Message fr"),
    "appeal_cut_to_salutation": lambda t: cut_after(t, "Dear readers,"),
    "appeal_remind_cut": lambda t: t.replace("\n\nRemind me later.", ""),
    "appeal_2023_wording": lambda t: t[: t.index("A Message from")] + APPEAL_2023,
}


@pytest.mark.parametrize("name", sorted(BARE_SAME_FIELDS))
def test_bare_seed_variant_keeps_every_field_and_no_title(name: str) -> None:
    article = article_from_text(BARE_SAME_FIELDS[name](BARE))
    assert article.outlet == "moscow_times"
    assert article.title is None
    assert article.subtitle is None
    assert folded(article.body) == folded(BARE_GOLDEN["body"])
    assert leaks(article.body) == []
    assert not any(w.startswith("body_truncated") for w in article.warnings)


def test_bare_seed_cut_in_body_warns_and_still_routes() -> None:
    # The appeal is gone with the cut; what routes the page then is nothing
    # but the outlet's content, so the source is forced here.
    text = BARE[: BARE.index("Tiananmen")]
    article = article_from_text(text + "\n\nA Message from The Moscow Times:")
    assert article.title is None
    cut = ingest(document(text), source="moscow_times")
    assert not isinstance(cut, Rejection)
    assert any(w.startswith("body_truncated") for w in cut.warnings)
    assert cut.title is None


def test_lone_salutation_at_the_end_is_not_body() -> None:
    # Nothing but the outlet's text is left to route on, so the source is forced.
    text = BARE[: BARE.index("A Message from")] + "Dear readers,"
    record = ingest(document(text), source="moscow_times")
    assert not isinstance(record, Rejection)
    assert folded(record.body) == folded(BARE_GOLDEN["body"])


def test_listing_dump_is_not_an_article() -> None:
    items = [
        (
            "Ruble Firms as Exporters Sell Currency",
            "The ruble strengthened for a third day as exporters sold foreign currency before taxes were due.",
        ),
        (
            "Grain Exports Slow After Record Season",
            "Shipments fell in May as farmers held back their stocks and waited for better prices abroad.",
        ),
        (
            "Car Sales Rebound on Chinese Imports",
            "Dealers reported the best month since early 2022 as new brands arrived from China this spring.",
        ),
        (
            "Central Bank Holds Key Rate at 16%",
            "The regulator kept borrowing costs unchanged and warned that inflation remains stubbornly high.",
        ),
        (
            "Gazprom Posts First Annual Loss in Decades",
            "The gas giant lost money last year after exports to Europe collapsed following the invasion.",
        ),
        (
            "Wildberries and Russ Complete Merger",
            "The online retailer finished its merger with an outdoor advertising group despite a bitter dispute.",
        ),
    ]
    text = "Support The Moscow Times!\n\nBusiness\n\n" + "\n\n".join(f"{h}\n\n{t}" for h, t in items)
    record = ingest(document(text + "\n\nView more articles"))
    assert isinstance(record, Rejection)
    assert (record.reason, record.plugin) == ("not_article", "moscow_times")


def test_home_page_dump_with_newsletter_box_is_not_an_article() -> None:
    heads = [f"Top Story Number {n} From Across Russia Today" for n in range(1, 9)]
    teasers = [f"One line of teaser text for story {n}, as the home page shows it." for n in range(1, 9)]
    stories = "\n\n".join(f"{h}\n\n{t}" for h, t in zip(heads, teasers, strict=True))
    newsletter = (
        "Sign up for our free weekly newsletter\n\nOur weekly newsletter contains a hand-picked selection "
        "of news.\nSubscribers agree to the Privacy Policy"
    )
    record = ingest(document(f"Support The Moscow Times!\n\n{stories}\n\n{newsletter}"))
    assert isinstance(record, Rejection)
    assert record.reason == "not_article"


def test_2022_layout_with_teaser_tags_and_cluster() -> None:
    text = "\n\n".join(
        (
            "Support The Moscow Times!\nContribute today",
            "Now is the time to support independent reporting from Russia!",
            "Contribute Today",
            "Ukraine: As It's Happening",
            "The Moscow Times is collecting the latest news, comment and analysis about the war.",
            "You can access our earlier live coverage here.",
            "Includes reporting from AFP.",
            "Read more about: Ukraine",
            "Read more",
            "swift reaction",
            "Global Reactions to Russia's Recognition of East Ukraine Separatists",
            "Western powers reacted swiftly to the decision.\n'peacekeeping force'",
            "Putin Orders Russian Military to Act as 'Peacekeepers' in Ukraine Regions",
            "The president dispatched troops to the breakaway regions.",
            "Russia media is under attack.",
            "At least 10 independent media outlets have been blocked or closed down over their coverage of the war.",
        )
    )
    article = article_from_text(text)
    assert article.title == "Ukraine: As It's Happening"
    assert article.subtitle == "The Moscow Times is collecting the latest news, comment and analysis about the war."
    assert article.body == ("You can access our earlier live coverage here.",)
    assert article.attributions == ("AFP",)
    assert [r.title for r in article.related] == [
        "Global Reactions to Russia's Recognition of East Ukraine Separatists",
        "Putin Orders Russian Military to Act as 'Peacekeepers' in Ukraine Regions",
    ]


def test_2013_archive_brief_has_no_standfirst() -> None:
    text = "\n\n".join(
        (
            "Support The Moscow Times!",
            "Smoker's Friend",
            "Russian Railways will equip its long distance trains with smoking rooms ahead of the ban. "
            "Passengers will no longer be able to smoke on platforms.",
            "Read more",
            "The need for honest and objective information on Russia is more relevant now than ever before!",
            "To keep our newsroom in Moscow running, we need your support.",
        )
    )
    article = article_from_text(text)
    assert article.title == "Smoker's Friend"
    assert article.subtitle is None
    assert len(article.body) == 1 and article.body[0].startswith("Russian Railways will equip")


def test_listing_dump_with_sidebar_and_no_marker_is_not_an_article() -> None:
    heads = [f"Headline Number {n} About Russian Business" for n in range(1, 8)]
    teasers = [f"A short teaser number {n} that sums up the story in a single line." for n in range(1, 8)]
    text = "Support The Moscow Times!\n\n" + "\n\n".join(f"{h}\n\n{t}" for h, t in zip(heads, teasers, strict=True))
    record = ingest(document(text + "\n\nMost read\n\nRuble Slips Against the Dollar"))
    assert isinstance(record, Rejection)
    assert record.reason == "not_article"


def test_listicle_with_many_subheads_is_an_article() -> None:
    places = [
        "Gorky Park",
        "Sokolniki Park",
        "Izmailovsky Park",
        "Kolomenskoye Estate",
        "Tsaritsyno Park",
        "Zaryadye Park",
    ]
    parts = [
        f"{place} in Summer\n\nThe park is one of the oldest in the city and draws crowds on warm evenings, "
        "when families stroll along its ponds, cyclists crowd the paths and open-air cafes stay busy well past "
        "midnight. Entry is free, and the nearest metro station is a short walk from the main gate."
        for place in places
    ]
    text = "Support The Moscow Times!\n\n6 Parks to Visit This Summer in Moscow\n\n" + "\n\n".join(parts)
    article = article_from_text(text + "\n\nA Message from The Moscow Times:\n\nDear readers,")
    assert article.title == "6 Parks to Visit This Summer in Moscow"
    assert len(article.body) == 12


def test_page_with_only_boilerplate_is_not_an_article() -> None:
    text = BARE[BARE.index("A Message from") :]
    record = ingest(document("Support The Moscow Times!\n\n" + text))
    assert isinstance(record, Rejection)
    assert record.reason == "not_article"


def test_russian_edition_body_is_tagged_russian() -> None:
    body = (
        "Кремль в понедельник заявил, что не исключает встречи президентов во время торжеств в Китае.\n\n"
        "Песков сказал журналистам, что такая встреча теоретически возможна, если американский президент приедет."
    )
    record = ingest(document(body, url="https://www.moscowtimes.ru/2025/07/28/vstrecha-a170000"))
    assert not isinstance(record, Rejection)
    assert record.language == "ru"
    assert record.published == "2025-07-28"


def test_first_paragraph_over_an_inline_credit_stays_text() -> None:
    """No lead photo: the first paragraph, then an inline photo credited only."""
    first = "Russia and the United States on Saturday marked the meeting of their armies on the Elbe, the Kremlin said."
    text = FULL.replace(CAPTION_LINE, first + "\n\nPixabay", 1)
    article = article_from_text(text)
    assert article.body[0] == first
    assert article.captions == ("Pixabay",)
