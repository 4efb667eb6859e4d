"""What SouthFront prints around an article, as line-level predicates.

Every comparison goes through :func:`masthead.extract.text.fold`, so one rule
matches every spelling (case, curly or straight quotes, dashes, spacing) of
the same phrase. The tables list the site's own texts as seen on
southfront.org (2015-2023) and southfront.press (2023-): the donation
thermometer and "Support SouthFront" button above the title, "PDF Download",
"Click to see full-size image" under pictures, the donation appeal with its
PayPal and crypto-wallet lines, the "MORE ON THE TOPIC:" block and the
wpDiscuz comment form ("Notify of", "Inline Feedbacks", ...).

Dumps are often cut short, so a line that is only the *beginning* of a known
boilerplate phrase counts as that phrase (see :func:`is_cut_phrase`).
"""

from __future__ import annotations

import functools
import re

from masthead.extract.text import fold

# --------------------------------------------------------------------------
# The "MORE ON THE TOPIC:" marker that ends the body.

#: Whole-line marker, any case, colon optional; text after a colon is kept.
_MARKER = re.compile(r"^more on the topic\s*(?::\s*(?P<rest>.*))?$")


def marker_rest(line: str) -> str | None:
    """``None`` unless ``line`` is the marker; else the text after its colon.

    "More on the topic of sanctions, ..." (no colon, more words) is a body
    sentence, not the marker, which is why the colon is required when text
    follows on the same line.
    """
    match = _MARKER.match(fold(line))
    if match is None:
        return None
    rest = match.group("rest") or ""
    if not rest:
        return ""
    # Return the page's own characters of the rest, not the folded ones.
    _, _, raw_rest = line.partition(":")
    return raw_rest.strip()


# --------------------------------------------------------------------------
# Donation widgets and appeals.

#: Appeal texts specific enough to be recognised in a line of any length.
DONATION_PHRASES = (
    "our work is impossible without your support",
    "southfront's work is impossible without your support",
    "southfront work is impossible without your support",
    "work is impossible without your support",
    "our work wouldn't be possible without your help",
    "our work would not be possible without your help",
    "our work wouldn't be possible without your support",
    "if you're able, and if you like our content",
    "if you are able, and if you like our content",
    "if you like our content and approach, please support",
    "please support the project",
    "please, support the project",
    "please consider donating",
    "please, consider donating",
    "consider donating to southfront",
    "donate to southfront",
    "southfront@list.ru",
    "info@southfront.org",
    "info@southfront.press",
    "southfront.org/donate",
    "southfront.press/donate",
    "patreon.com/southfront",
    "subscribe to our channels",
)

#: Appeal openers recognised only at the start of a line.
DONATION_PREFIXES = (
    "support southfront",
    "support south front",
    "#southfront",
)

#: Appeal headings too common in prose to match in a long line.
DONATION_HEADINGS = ("support the resistance", "support us", "help southfront", "help us")
_HEADING_WORDS = 6

#: Widget words that may lead a short line ("PayPal: ...", "Donate now").
DONATION_SHORT_PREFIXES = (
    "donate",
    "donation",
    "donations",
    "paypal",
    "patreon",
    "bank card",
    "credit card",
    "crypto",
    "cryptocurrency",
    "cryptocurrencies",
    "pdf download",
    "download pdf",
    "fast support",
)

#: Widget words that are a donation label only when they are the whole line.
DONATION_LABELS = frozenset(
    ("wallet", "one-time", "one time", "monthly", "once", "subscribe", "goal", "collected", "raised")
)

_TICKERS = r"btc|bch|eth|ltc|xmr|usdt|usdc|doge|trx|ton|sol|bnb|dash|zec"
#: "BTC: ...", "USDT (TRC20): ...", and the old southfront.org widget's
#: "MONERO (XMR): ...", "BITCOIN CASH (BCH): ..." (name, ticker in brackets).
_CRYPTO_LABEL = re.compile(
    r"^(?:(?:" + _TICKERS + r"|bitcoin(?: cash)?|ethereum|litecoin|monero|tether|dogecoin|tron|zcash)"
    r"(?:\s*\((?:erc|trc|bep)-?20\))?\s*[:\-=]"
    r"|[a-z][a-z ]{0,30}\((?:" + _TICKERS + r"|(?:erc|trc|bep)-?20)\)\s*:)"
)
_WALLET = re.compile(
    r"(?<![A-Za-z0-9])(?:bc1[a-z0-9]{25,62}|0x[0-9a-fA-F]{40}|[13][a-km-zA-HJ-NP-Z1-9]{25,34}|"
    r"T[1-9A-HJ-NP-Za-km-z]{33}|[48][0-9AB][1-9A-HJ-NP-Za-km-z]{93})(?![A-Za-z0-9])"
)
#: The monthly donation thermometer: "0 $", "2,500 $", "$5,000", "100 $".
_AMOUNT = re.compile(r"^(?:(?:\$\s*\d[\d.,]*|\d[\d.,]*\s*(?:\$|usd|eur|€))\s*)+$")
_MONTHS = (
    *("january", "february", "march", "april", "may", "june", "july"),
    *("august", "september", "october", "november", "december"),
    *("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"),
)
#: The thermometer's month label ("MARCH 2025"): not a publication date.
_MONTH_BANNER = re.compile(r"^(?:" + "|".join(_MONTHS) + r")\.?\s+\d{4}$")


def is_donation(line: str) -> bool:
    """A donation button, thermometer, appeal sentence or wallet line."""
    key = fold(line)
    words = key.split()
    if any(p in key for p in DONATION_PHRASES):
        return True
    if any(key.startswith(p) for p in DONATION_PREFIXES):
        return True
    if len(words) <= _HEADING_WORDS and any(key.startswith(p) for p in DONATION_HEADINGS):
        return True
    if key.rstrip(":") in DONATION_LABELS:
        return True
    if len(words) <= 8 and any(
        key == p or key.startswith((p + " ", p + ":", p + ",")) for p in DONATION_SHORT_PREFIXES
    ):
        return True
    if _CRYPTO_LABEL.match(key) or _AMOUNT.match(key) or _MONTH_BANNER.match(key):
        return True
    # A line that is (almost) only a wallet address.
    wallet = _WALLET.search(line)
    return wallet is not None and len(words) <= 6


# --------------------------------------------------------------------------
# Comment-form and comment-thread chrome (wpDiscuz and classic WordPress).

COMMENT_UI_EXACT = frozenset(
    fold(p)
    for p in (
        "Notify of",
        "Subscribe",
        "Login",
        "Log in",
        "Login with",
        "Connect with",
        "Register",
        "Please login to comment",
        "Please log in to comment",
        "Login to comment",
        "newest oldest most voted",
        "Newest",
        "Oldest",
        "Most Voted",
        "Newest first",
        "Oldest first",
        "Inline Feedbacks",
        "View all comments",
        "Reply",
        "Load more comments",
        "Load more",
        "Leave a Reply",
        "Leave a comment",
        "Leave a Reply Cancel reply",
        "Cancel reply",
        "guest",
        "Guest",
        "Comments",
        "Comment",
        "Post Comment",
        "Submit",
        "Name",
        "Name*",
        "Email",
        "Email*",
        "Website",
        "Share",
        "Report",
        "Edit",
        "Delete",
        "Copy link",
        "Show replies",
        "Hide replies",
        "Show more replies",
        "View replies",
        "Would love your thoughts, please comment.",
        "Join the discussion",
        "Join the discussion...",
        "I allow to create an account",
        "Notify of new replies to this comment",
        "Notify of new follow-up comments",
        "Just now",
        "Yesterday",
        "Anonymous",
        "Comments are closed.",
        "Comments are closed",
        # Disqus, on southfront.org until about 2019.
        "Share ›",
        "Reply • Share ›",
        "Powered by Disqus",
        "Disqus",
        "Recommend",
        "see more",
        "Avatar",
        "Edited",
        "Hide",
        "− Hide",
        "Show more",
    )
)

COMMENT_UI_PREFIXES = (
    "reply to ",
    "in reply to ",
    "reply •",
    "add disqus to your site",
    "this comment was deleted",
    "when you login first time using a social login button",
    "this site uses akismet to reduce spam",
    "you must be logged in to post a comment",
    "your email address will not be published",
    "last edited",
    "you are going to send email to",
    "move comment",
    "notify of new replies",
    "please login to comment",
    "please log in to comment",
    "i allow to create an account",
    "would love your thoughts",
    "save my name, email",
)

#: Lines that open a comments section; everything after them is comments.
COMMENTS_OPENERS = frozenset(
    fold(p)
    for p in (
        "Notify of",
        "Inline Feedbacks",
        "View all comments",
        "newest oldest most voted",
        "Please login to comment",
        "Please log in to comment",
        "Leave a Reply",
        "Leave a comment",
        "Leave a Reply Cancel reply",
        "Join the discussion",
        "Would love your thoughts, please comment.",
    )
)

#: "6 Comments", "2 thoughts on "Title"", "12 Responses to "Title"".
_COUNT = re.compile(
    r"^\d[\d,]*\s+(?:comments?|replies|responses?)$|^\d[\d,]*\s+(?:thoughts?|responses?|comments?)\s+(?:on|to)\s+\"",
)
#: wpDiscuz sort buttons in any order and number ("newest oldest most voted",
#: "Newest Most Voted", "NewestOldestMost Voted"), and Disqus's "Sort by Best".
_SORT_BUTTONS = re.compile(r"^(?:sort by\s*)?(?:(?:newest|oldest|most\s*voted|most\s*reacted|best|hottest)\s*){1,4}$")
_VOTES = re.compile(r"^[+\-−]?\s*\d+$")
_RELATIVE = re.compile(r"^(?:about\s+|an?\s+|\d+\s+)(?:second|minute|hour|day|week|month|year)s?\s+ago$")


def is_comment_ui(line: str) -> bool:
    """Chrome of the comment form or thread, never a comment's own text."""
    key = fold(line)
    if key in COMMENT_UI_EXACT or any(key.startswith(p) for p in COMMENT_UI_PREFIXES):
        return True
    if _SORT_BUTTONS.match(key) and (len(key.split()) >= 2 or len(key) > len("most voted")):
        return True
    return bool(_COUNT.match(key) or _VOTES.match(key) or _RELATIVE.match(key))


def is_relative_time(line: str) -> bool:
    """A wpDiscuz comment age ("1 year ago", "just now")."""
    key = fold(line)
    return bool(_RELATIVE.match(key)) or key in {"just now", "yesterday"}


def reply_to(line: str) -> str | None:
    """The name in a wpDiscuz "Reply to NAME" line, else ``None``."""
    key = fold(line)
    for prefix in ("reply to ", "in reply to "):
        if key.startswith(prefix):
            return line.strip()[len(prefix) :].strip() or None
    return None


def opens_comments(line: str) -> bool:
    """Whether ``line`` starts the comment section (form or counter)."""
    key = fold(line)
    return key in COMMENTS_OPENERS or bool(_COUNT.match(key))


# --------------------------------------------------------------------------
# Site chrome: menus, picture helpers, disclaimers, footers.

SITE_CHROME = frozenset(
    fold(p)
    for p in (
        "SouthFront",
        "South Front",
        "SouthFront: Analysis & Intelligence",
        "South Front: Analysis & Intelligence",
        "Analysis & Intelligence",
        "Menu",
        "Search",
        "Search for:",
        "Home",
        "News",
        "Analysis",
        "Videos",
        "Video",
        "Maps",
        "Infographics",
        "Contact",
        "Contacts",
        "Contact us",
        "About",
        "About us",
        "Skip to content",
        "Opinion",
        "Op-Ed",
        "Op-Eds",
        "Editorials",
        "Military Analysis",
        "Breaking News",
        "Tweet",
        "Telegram",
        "Facebook",
        "Twitter",
        "VK",
        "YouTube",
        "RSS",
        "Print",
        "Latest",
        "Popular",
        "Featured",
        "Archive",
        "Tags",
        "Category",
        "English",
        "Deutsch",
        "Français",
        "Español",
        "Italiano",
        "Srpski",
        "Русский",
        "Click to see full-size image",
        "Click to see the full-size image",
        "Click to see full-size map",
        "Click to see the full-size map",
        "Click to see full-size infographic",
        "PDF Download",
        "Privacy Policy",
        "Terms of Use",
        "Cookie Policy",
        "Read more",
        "Read More »",
        "Continue reading",
        "Share this:",
        "Like this:",
        "Related",
    )
)

DISCLAIMER_PREFIXES = (
    "disclaimer",
    "the views expressed in this article",
    "the views expressed are",
    "the views expressed by",
    "the views and opinions expressed",
    "the opinions expressed",
    "the views of individual contributors",
    "the content of this article does not necessarily",
    "note: the views",
    "southfront does not necessarily share",
    "if you have any ideas or proposals",
    "if you have ideas or proposals",
    "if you have any questions or proposals",
    "if you'd like to contribute",
    "if you would like to contribute",
    "all rights reserved",
    # The author's social links under op-eds ("You can follow Lucas Leiroz on: ...").
    "you can follow ",
    "follow us on ",
    "follow southfront on ",
)

_TAXONOMY = re.compile(r"^(?:tags|tagged|tagged with|categories|category|filed under|topics)\s*:")
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright ©?)\s*\d{4}|^©\s*\S+(?:\s+\S+){0,10}$")


def is_chrome(line: str) -> bool:
    """A menu item, picture helper, disclaimer or footer line."""
    key = fold(line)
    if key in SITE_CHROME or key.rstrip(":") in SITE_CHROME:
        return True
    if _TAXONOMY.match(key):
        return True
    return any(key.startswith(p) for p in DISCLAIMER_PREFIXES) or bool(_COPYRIGHT.match(key))


def is_full_size_helper(line: str) -> bool:
    """The "Click to see full-size image" link under SouthFront pictures."""
    return fold(line).startswith("click to see full-size") or fold(line).startswith("click to see the full-size")


#: Every phrase above, for recognising a line cut short in the middle.
_ALL_PHRASES = tuple(
    sorted(
        {*DONATION_PHRASES, *DONATION_PREFIXES, *COMMENT_UI_EXACT, *COMMENT_UI_PREFIXES, *SITE_CHROME}
        | {"more on the topic:", "our work is impossible without your support", "written and produced by sf team"}
        | {fold(p) for p in DISCLAIMER_PREFIXES},
        key=len,
    )
)


def is_cut_phrase(line: str, *, last: bool = False) -> bool:
    """Whether ``line`` is the start of a known boilerplate phrase.

    Dumps end wherever the capture stopped, often inside the appeal or the
    comment form. A long enough prefix of a known phrase anywhere counts; on
    the very last line of a page even a short one does.
    """
    key = fold(line).rstrip(" .…")
    if not key:
        return False
    minimum = 4 if last else 12
    if len(key) < minimum:
        return False
    return any(phrase.startswith(key) and phrase != key for phrase in _ALL_PHRASES)


@functools.lru_cache(maxsize=4096)
def is_boilerplate(line: str, *, last: bool = False) -> bool:
    """Any of the site's own non-article lines (never body, never a comment).

    Cached: every stage asks about the same lines, and a long comment thread
    repeats its chrome ("Reply", "0") thousands of times.
    """
    return (
        is_donation(line)
        or is_comment_ui(line)
        or is_chrome(line)
        or is_full_size_helper(line)
        or is_cut_phrase(line, last=last)
    )


# --------------------------------------------------------------------------
# Listing pages.

_LISTING_LINES = frozenset(
    fold(p)
    for p in (
        "Read more",
        "Read More »",
        "Read more »",
        "Continue reading",
        "Continue reading →",
        "Older posts",
        "Newer posts",
        "Older Entries",
        "Newer Entries",
        "Next page",
        "Previous page",
        "Load more posts",
        "« Previous",
        "Next »",
    )
)
_LISTING_HEAD = re.compile(r"^(?:category|tag|archives?|search results? for)\s*:?\s")
_PAGINATION = re.compile(r"^(?:page\s+\d+\s+of\s+\d+|(?:\d+\s+){2,}(?:…\s+|\.\.\.\s+)?\d+(?:\s+next\b.*)?)$")


#: One piece of a pager printed one item a line: "1", "2", "…", "214", "Next »".
_PAGER_PIECE = re.compile(r"^(?:\d{1,4}|…|\.\.\.|next|next\s*[›»]|[›»«‹]|prev(?:ious)?|[‹«]\s*prev(?:ious)?)$")
#: A pager counts as this many listing signals: article pages have none.
_PAGER_WEIGHT = 2
_MIN_PAGER_PIECES = 3


def listing_signals(lines: tuple[str, ...] | list[str]) -> int:
    """How many lines look like a listing page's teaser links or pager."""
    count = 0
    for line in lines:
        key = fold(line)
        if key in _LISTING_LINES or _PAGINATION.match(key) or _LISTING_HEAD.match(key):
            count += 1
    return count + _PAGER_WEIGHT * _pager_runs(lines)


def _pager_runs(lines: tuple[str, ...] | list[str]) -> int:
    """Runs of pager pieces, one a line, with page numbers going up ("1 2 3 … 214").

    Vote counts in a comment thread are digit lines too, but never three in
    a row counting upwards.
    """
    runs = 0
    run: list[str] = []
    for line in (*lines, ""):
        key = fold(line)
        if key and _PAGER_PIECE.match(key):
            run.append(key)
            continue
        numbers = [int(k) for k in run if k.isdigit()]
        if len(run) >= _MIN_PAGER_PIECES and len(numbers) >= 2 and numbers == sorted(set(numbers)):
            runs += 1
        run = []
    return runs
