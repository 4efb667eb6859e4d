"""EconoTimes' own words: the site chrome and boilerplate its pages carry.

Collected from the outlet's real article and index markup (2016-2020
layouts: ``#view.articleView``, ``.articleViewWrap``, ``.articleInfo``,
``.articleContent``, ``.commentPlugIn``, ``.editorPick``,
``#promotionBannerv2``, the navigation drawer) and from its text dumps.
Everything here is compared through :func:`masthead.extract.text.fold`, so case,
quote style and spacing never matter.
"""

from __future__ import annotations

from masthead.extract.boilerplate import COOKIE_NOTICES, Phrases
from masthead.extract.text import fold

#: The outlet's name as it appears in boilerplate; a strong detection marker.
SITE_NAMES = ("EconoTimes", "Econotimes", "econotimes.com", "FxWirePro", "Elmin Media")

#: The disclaimer under contributed and syndicated pieces; anything after it
#: is page furniture. Matched as a prefix too, because dumps cut it short.
DISCLAIMER = "This article does not necessarily reflect the opinions of the editors or management of EconoTimes"
#: Its opening, which its wordings share ("the editors or the management",
#: "the views of"): a line starting so is the disclaimer, whatever follows.
DISCLAIMER_OPENING = "This article does not necessarily reflect the"

#: Single-line site chrome (menus, header, navigation drawer, footer links),
#: dropped wherever it appears as a line of its own; "... Series" labels too.
MENU = Phrases(
    "menu",
    exact=(
        *("EconoTimes", "Home", "News", "Series", "Follow Series", "Opinion", "Opinions", "EconoBriefs"),
        *("Menu", "Search", "Enter Keyword", "Become a contributor", "Bookmark Econotimes", "Politics"),
        *("Economy", "Investing", "Companies", "Technology", "Law", "Health", "Life", "Nature", "Science"),
        *("Commentary", "Commentaries", "Central Banks", "Research", "Roundups", "Digital Currency"),
        *("Insights", "Technical Analysis", "Business", "Fintech", "Topic", "Topics", "EconoTimes PRO"),
        *("Edition", "Edition:", "International", "All times are UTC", "Subscribe", "Login", "Log in"),
        *("About us", "Advertise With Us", "Contribute", "Contact us", "Institutional Service"),
        *("Privacy Policy", "Terms of Service", "Disclaimer", "Featured Post", "Top Stories"),
        *("Breaking News, Business, Financial and Economic News, World News from EconoTimes", "中国"),
    ),
    patterns=(r"^(?:\S+ ){1,5}series$",),
)

#: Buttons, widget labels and comment counters inside the article view; dropped as lines.
WIDGET = Phrases(
    "widget",
    exact=(
        *("Share", "Share this", "Share this article", "Share this on Facebook", "Share this on Twitter"),
        *("Share this on Google Plus", "Share this on LinkedIn", "Share on reddit", "Share on Pinterest"),
        *("Tweet", "Facebook", "Twitter", "LinkedIn", "Reddit", "Pinterest", "WhatsApp", "Telegram"),
        *("Flipboard", "Email", "Print", "Save this article for later", "Save article", "Increase text size"),
        *("Decrease text size", "Advertisement", "Sponsored", "READ NOW >", "Close", "开始阅读 >", "深入了解中国动向"),
        *COOKIE_NOTICES.exact,
    ),
    patterns=(r"^\d+ comments?$",),
)
#: The openings of a consent banner's sentences: a line of any length
#: starting so is page furniture.
COOKIE_OPENINGS = COOKIE_NOTICES.prefixes

#: Labels that open the page furniture after the article (comment box,
#: recommendation lists, promotion banners): once the body has started,
#: nothing from such a line on is article text. Whole lines (an optional
#: trailing colon or arrow aside), and longer boilerplate whatever follows
#: it on the line.
STOP = Phrases(
    "stop",
    exact=(
        *("Comment", "Comments", "Sign up", "Sign up for free", "Editor's Picks", "Editors' Picks"),
        *("Most Popular", "Latest News", "Latest Articles", "Related News", "Related Articles"),
        *("Related Stories", "More News", "More from EconoTimes", "Recommended", "Top Stories", "ET PRO"),
        *("Market Data", "Economics Monitor", "Disclaimer"),
    ),
    prefixes=(
        *(DISCLAIMER_OPENING, "EconoTimes 中文版", "Econotimes China Edition", "GET INSIGHTS IN CHINESE"),
        "Disclaimer:",
        *("Market-moving news and views", "FxWirePro launches Absolute Return Managed Program", "© Elmin Media"),
        *("©Elmin Media", "Sign up for our", "Sign up for free", "Sign up for daily updates", "Leave a comment"),
        *("Welcome to EconoTimes", "Be the first to comment"),
    ),
)

#: Furniture a dump may cut anywhere ("Welcome to", "Sign up for daily"):
#: a line that is the start of one of these texts is that furniture. The
#: number is how many words the start needs, so that a story's own words
#: ("This article") are not taken for it.
CUT_SHORT_FURNITURE = (
    (fold(DISCLAIMER), 3),
    (fold("Welcome to EconoTimes"), 2),
    (fold("Sign up for daily updates for the most important stories unfolding in the global economy."), 2),
    (fold("Sign up for free to join the conversation"), 2),
    (fold("Econotimes China Edition"), 2),
    (fold("GET INSIGHTS IN CHINESE"), 2),
    (fold("FxWirePro launches Absolute Return Managed Program"), 2),
)

#: The sidebar of recent opinion pieces that tops index pages and some dumps:
#: this label, then headline / "By ..." / teaser cut with an ellipsis.
SIDEBAR_LABELS = frozenset(fold(s) for s in ("Featured Post", "Featured Posts"))

#: Names that are the site, not a person, when they turn up as an author.
NOT_AUTHORS = frozenset(fold(s) for s in ("EconoTimes", "Econotimes", "EconoTimes Staff", "Admin"))

#: Other outlets' page furniture: a page carrying one is not EconoTimes'.
FOREIGN_MARKERS = tuple(
    fold(s)
    for s in (
        *("Support The Moscow Times", "A Message from The Moscow Times", "Dezan Shira", "related-readings_"),
        *("Related Reading:", "southfront.press", "MORE ON THE TOPIC", "Leave a Reply"),
    )
)

#: Other outlets' names. EconoTimes' wire copy may cite them ("told The
#: Moscow Times"), so they veto a page only as a line of their own: the
#: other outlet's masthead or footer, not a sentence.
FOREIGN_NAMES = frozenset(fold(s) for s in ("The Moscow Times", "Russia Briefing", "SouthFront", "South Front"))
