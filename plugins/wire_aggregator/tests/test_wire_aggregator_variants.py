"""Variants of the seed dump generated in code: the parser must hold on all.

Every variant is something real EconoTimes dumps do: CRLF, non-breaking
spaces, other quote styles, extra or missing blank lines, a title line (or
none, or repeated), site menu lines before the text, a dateline and a
byline, the disclaimer and the ticker cut short, the body cut mid-sentence.
For each, the body must be the seed's five paragraphs (or the part the
dump kept), TASS must be credited, and no boilerplate may reach the body.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from wire_aggregator_helpers import SEED, SEED_BODY_STARTS, SEED_TICKER_LAST, leaked, seed_parts

from masthead import Article
from masthead.extract.text import fold
from masthead.testing import document, ingest_article

SEED_TEXT = SEED.read_text(encoding="utf-8")
BODY, TICKER = seed_parts(SEED_TEXT)
TITLE = "Xi Jinping to Attend Russia’s Victory Day Event on May 9"
DATELINE = "Monday, February 10, 2025 5:12 AM UTC"
DISCLAIMER = "This article does not necessarily reflect the opinions of the editors or management of EconoTimes"
MENU = ["Home", "Politics", "Economy", "Investing", "Companies", "Technology", "Become a contributor"]


def join(*blocks: list[str], gap: str = "\n") -> str:
    return gap.join(line for block in blocks for line in block) + "\n"


def run(text: str, *, routed: bool = True) -> Article:
    """Ingest ``text``; routed (detection) unless the variant has no evidence."""
    return ingest_article(document(text), source=None if routed else "wire_aggregator")


def assert_seed_body(article: Article, *, paragraphs: int = 5) -> None:
    assert len(article.body) == paragraphs, article.body
    for paragraph, start in zip(article.body, SEED_BODY_STARTS, strict=True):
        assert fold(paragraph).startswith(fold(start))
    assert not leaked(article.body, tuple(TICKER))
    assert article.attributions == ("TASS",)


def straight(text: str) -> str:
    return text.translate(str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'}))


def curly(text: str) -> str:
    return text.replace("'", "’")


VARIANTS: dict[str, Callable[[], str]] = {
    "crlf": lambda: SEED_TEXT.replace("\n", "\r\n"),
    "nbsp": lambda: SEED_TEXT.replace(" the ", "\u00a0the\u00a0").replace(". ", ".\u00a0 "),
    "straight_quotes": lambda: straight(SEED_TEXT),
    "curly_quotes": lambda: curly(SEED_TEXT),
    "double_blank_lines": lambda: join(BODY, TICKER, gap="\n\n\n"),
    "no_blank_before_ticker": lambda: join(BODY, TICKER),
    "leading_blank_lines_and_spaces": lambda: "\n\n   \n" + "\n".join(f"  {line}  " for line in SEED_TEXT.splitlines()),
    "zero_width_and_tabs": lambda: SEED_TEXT.replace("Kremlin", "Krem\u200blin").replace(" ", "\t", 3),
}


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_whitespace_and_quote_variants_keep_body(name: str) -> None:
    article = run(VARIANTS[name]())
    assert article.outlet == "wire_aggregator"
    assert article.title is None
    assert_seed_body(article)
    assert "title_missing: the page shows no headline" in article.warnings


def test_nbsp_is_normalized_in_output() -> None:
    article = run(VARIANTS["nbsp"]())
    assert not any("\u00a0" in p for p in article.body)


def test_body_keeps_page_characters() -> None:
    assert run(VARIANTS["straight_quotes"]()).body[0].startswith("Chinese President Xi Jinping has accepted Russia's")
    assert run(SEED_TEXT).body[0].startswith("Chinese President Xi Jinping has accepted Russia’s")


def test_title_line_is_taken_as_title() -> None:
    article = run(join([TITLE, ""], BODY, [""], TICKER))
    assert article.title == TITLE
    assert_seed_body(article)
    assert not any(w.startswith("title_missing") for w in article.warnings)


def test_title_repeated_with_dateline_and_byline() -> None:
    text = join([TITLE, DATELINE, "0 comments", "By Jane Doe", "Photo: Kremlin.ru", TITLE], BODY, TICKER)
    article = run(text)
    assert article.title == TITLE
    assert article.published == "2025-02-10T05:12:00+00:00"
    assert article.authors == ("Jane Doe",)
    assert article.captions == ("Photo: Kremlin.ru",)
    assert_seed_body(article)


def test_caption_with_trailing_credit_goes_to_captions() -> None:
    caption = "Xi Jinping and Vladimir Putin in Moscow. Photo: Kremlin.ru"
    article = run(join([TITLE, caption], BODY[:2], [caption], BODY[2:], TICKER))
    assert article.captions == (caption,)
    assert_seed_body(article)


@pytest.mark.parametrize(
    ("title", "after"),
    [
        ("Will Xi Attend Moscow’s Victory Day Parade?", []),
        ("Will Xi attend Moscow’s Victory Day parade?", [DATELINE]),
    ],
)
def test_question_title_is_a_title_not_body(title: str, after: list[str]) -> None:
    article = run(join([title, *after], BODY, TICKER))
    assert article.title == title
    assert_seed_body(article)


def test_site_menu_lines_before_title_are_dropped() -> None:
    article = run(join(MENU, ["Bookmark Econotimes", "US under Trump Series", TITLE, DATELINE], BODY, TICKER))
    assert article.title == TITLE
    assert_seed_body(article)


def test_menu_without_title_gives_no_title() -> None:
    article = run(join(MENU, BODY, TICKER))
    assert article.title is None
    assert_seed_body(article)


def test_first_body_sentence_is_never_a_title() -> None:
    one_line_first = [BODY[0].split(". ")[0] + ".", *BODY[1:]]
    article = run(join(one_line_first, TICKER))
    assert article.title is None
    assert article.body[0] == one_line_first[0]


@pytest.mark.parametrize("keep", [0, 1, 2, 3])
def test_short_ticker_is_dropped(keep: int) -> None:
    article = run(join(BODY, TICKER[:keep]), routed=False)
    assert_seed_body(article)
    assert not any(w.startswith("body_truncated") for w in article.warnings)


@pytest.mark.parametrize("cut", ["Zelenskiy Describes “Substantive” Call With Tr", "Zelenskiy Desc", "Zel"])
def test_ticker_cut_mid_word_is_dropped(cut: str) -> None:
    article = run(join(BODY, [TICKER[0], cut]), routed=False)
    assert_seed_body(article)


def test_ticker_without_any_separator_and_trailing_space() -> None:
    article = run("\n".join(BODY + TICKER[:-1]) + "\n" + SEED_TICKER_LAST + " ")
    assert_seed_body(article)


@pytest.mark.parametrize("at", [0, 2, 10, len(TICKER) - 1])
def test_a_ticker_headline_with_a_full_stop_leaves_the_ticker_whole(at: int) -> None:
    """One headline of the ticker printed with a full stop used to split the
    run: the part above it read as text, and the page as a listing."""
    ticker = [*TICKER[:at], "Gold Prices Hit Record High as Dollar Weakens.", *TICKER[at:]]
    article = run(join(BODY, [""], ticker))
    assert_seed_body(article)
    assert "Gold Prices Hit Record High as Dollar Weakens." not in article.body


def test_genuine_short_last_paragraph_is_kept() -> None:
    closing = "The Kremlin declined to comment."
    article = run(join(BODY, [closing, ""], TICKER))
    assert article.body[-1] == closing
    assert len(article.body) == 6


def test_disclaimer_and_comment_box_end_the_body() -> None:
    article = run(join(BODY, [DISCLAIMER, "Comment", "Sign up for free to join the conversation."], TICKER))
    assert_seed_body(article)


@pytest.mark.parametrize(
    "wording",
    [
        "This article does not necessarily reflect the opinions of the editors or the management of EconoTimes.",
        "This article does not necessarily reflect the views of EconoTimes or its editors",
    ],
)
def test_other_wordings_of_the_disclaimer_end_the_body(wording: str) -> None:
    article = run(join(BODY, [wording, "Comment"], TICKER))
    assert_seed_body(article)


def test_fxwirepro_promo_and_disclaimer_end_the_body() -> None:
    promo = (
        "FxWirePro launches Absolute Return Managed Program. For more details, visit: http://www.fxwirepro.com/invest"
    )
    disclaimer = "Disclaimer: The views expressed are those of the analyst and not investment advice."
    article = run(join(BODY, [promo, disclaimer], TICKER))
    assert_seed_body(article)


@pytest.mark.parametrize("words", [3, 5, 9])
def test_disclaimer_cut_short_does_not_leak(words: int) -> None:
    cut = " ".join(DISCLAIMER.split()[:words])
    article = run(join(BODY, [cut]), routed=False)
    assert_seed_body(article)


def test_widgets_between_paragraphs_are_dropped() -> None:
    lines = [BODY[0], "Share this on Facebook", "Advertisement", *BODY[1:3], "Save this article for later", *BODY[3:]]
    assert_seed_body(run(join(lines, TICKER)))


def test_body_cut_mid_paragraph_warns() -> None:
    partial = BODY[2][: BODY[2].index("This diplomatic exchange underscores") + 30]
    article = run(join(BODY[:2], [partial]), routed=False)
    assert article.body == (BODY[0], BODY[1], partial)
    assert "body_truncated: the last paragraph stops mid-sentence" in article.warnings
    assert article.attributions == ("TASS",)


def test_body_cut_after_a_few_words_is_kept_not_taken_for_ticker() -> None:
    article = run(join(BODY[:3], ["Xi’s participation in Moscow’s"]), routed=False)
    assert article.body[-1] == "Xi’s participation in Moscow’s"
    assert any(w.startswith("body_truncated") for w in article.warnings)


def test_tass_only_in_ticker_is_not_an_attribution() -> None:
    body = [p.replace(", as reported by TASS", "") for p in BODY]
    ticker = ["Kremlin Says Talks Continue, TASS Reports", *TICKER]
    article = run(join(body, ticker), routed=False)
    assert article.attributions == ()
    assert not leaked(article.body, tuple(ticker))


def test_older_layout_dump_with_sentence_case_title() -> None:
    """A 2016-era page saved as text: menus, title, dateline, counter, picks."""
    lines = [
        "Menu",
        "Search",
        "Commentary",
        "Become a contributor",
        "Bookmark Econotimes",
        "Bank of Mexico likely to keep policy rate on hold",
        "Wednesday, May 4, 2016 1:12 PM UTC",
        "0 comments",
        "Mexico’s inflation in the first quarter surprisingly slowed down, according to Societe Generale.",
        "The increase in oil prices has benefitted the Mexican peso, Reuters reported.",
        "“We still see the Banxico raising rates by a further 50bp this year,” said Societe Generale.",
        "Econotimes China Edition",
        "GET INSIGHTS IN CHINESE",
        "READ NOW >",
        "Editor's Picks",
        "New Study Could End Insulin Dependence Of Type-1 Diabetics",
        "Four myths about diabetes debunked",
    ]
    article = run(join(lines))
    assert article.outlet == "wire_aggregator"
    assert article.title == "Bank of Mexico likely to keep policy rate on hold"
    assert article.published == "2016-05-04T13:12:00+00:00"
    assert len(article.body) == 3
    assert article.body[-1].startswith("“We still see the Banxico")
    assert article.attributions == ("Reuters",)
    assert not leaked(article.body, ("Insulin", "diabetes"))
