"""The Moscow Times' own boilerplate, as the site has printed it over the years.

Every phrase here is compared through :func:`masthead.extract.text.fold`, so curly or
straight quotes, case, dashes and spacing never matter. The lists are grouped
by what the parser does with a match: drop the line, end the article, or
remove a whole box. Sources for the wordings: the site's own templates
(``contribute/banner*.php``, ``contribute/bar.php``, ``article/item.php``,
``article/block/newsletter.php``) and page dumps from 2013-2025.
"""

from __future__ import annotations

from masthead.extract.boilerplate import COOKIE_NOTICES
from masthead.extract.text import fold


def folded(*phrases: str) -> tuple[str, ...]:
    """Fold phrases once at import time, so matching is a plain comparison."""
    return tuple(fold(p) for p in phrases)


#: Site header and contribute teaser lines; dropped wherever they appear.
#: Since July 2024 pages also open with an "ad-free" modal (the lines from
#: "×" to "Our journalism is banned in Russia..."), archive pages included.
HEADER_LINES = folded(
    *("Support The Moscow Times!", "Contribute today"),
    *("Now is the time to support independent reporting from Russia!", "×", "Enjoying ad-free content?"),
    "Since July 1, 2024, we have disabled all ads to improve your reading experience.",
    *("This commitment costs us $10,000 a month. Your support can help us fill the gap.", "Support us"),
    "Our journalism is banned in Russia. We need your help to keep providing you with the truth.",
    # The pre-2017 site (archived on oldtmt.vedomosti.ru): a push-notification prompt.
    "Get the latest updates as we post them — right on your browser",
    # The print-issue pages' strapline.
    "The Moscow Times is the leading English-language newspaper published in Russia",
)

#: Buttons and labels of the payment widget under the appeal; dropped anywhere.
WIDGET_LINES = folded(
    *("Once", "Monthly", "Annual", "Yearly", "One-time", "Continue"),
    "paiment methods",  # sic: the widget's own spelling
    *("payment methods", "Not ready to support today?", "Remind me later.", "Remind me later", "Maybe later"),
    *("Contribute", "Donate", "Other amount"),
)

#: Navigation, section and label lines of the site chrome. Only ever a whole
#: line of its own; never a paragraph, so they are dropped wherever they stand.
CHROME_LINES = folded(
    *("The Moscow Times", "The Moscow Times - Independent News from Russia", "Independent News From Russia"),
    *("News", "Business", "Opinion", "Arts and Life", "Arts & Life", "Ukraine War", "Podcasts", "Meanwhile"),
    *("Climate", "Diaspora", "In-depth", "Indepth", "Multimedia", "Galleries", "Video", "Videos"),
    *("Lecture Series", "Russia Explained", "Newsletters", "Sign in", "Sign out", "Log in", "Account"),
    *("Search", "RU", "EN", "Menu", "Home", "Partner Content", "Sponsored", "Feature", "News Analysis"),
    *("Analysis", "Liveblog", "Live", "Share", "Tweet", "Download as PDF", "Apple Podcasts", "Spotify"),
    *("Amazon Music", "Google Podcasts", "YouTube", "SoundCloud", "Castbox", "Sections", "Newsletter"),
    *("Print Editions", "Print Edition", "TMT Offline", "Multimedia projects"),
    # The 2016-2017 site's section menu, printed twice above the article.
    *("Russia", "World", "Moscow", "Meanwhile...", "City Lifehack", "City Listings & Guide"),
    *sorted(COOKIE_NOTICES.exact),  # a consent banner's buttons
)
#: :data:`CHROME_LINES` as a set: every line of a page is looked up in it.
CHROME_KEYS = frozenset(CHROME_LINES)

#: Section names among the chrome lines: between a sentence and a paragraph
#: they are an article's subheads ("Moscow", "Business"), which widget words
#: ("Share", "Search") never are.
SECTION_LINES = folded(
    *("News", "Business", "Opinion", "Meanwhile", "Climate", "Diaspora", "Analysis", "Feature"),
    *("Arts and Life", "Ukraine War", "Russia", "World", "Moscow", "Multimedia", "Video", "Live"),
)

#: Labels that precede a headline in an in-article "related article" box.
RELATED_LABELS = folded("News", "Opinion", "Sponsored", "Feature", "News Analysis", "Analysis", "Podcast")

#: Line prefixes that open a donation appeal. Everything from here on is
#: outside the article.
APPEAL_STARTS = folded(
    *("A Message from The Moscow Times", "... we have a small favor to ask", "we have a small favor to ask"),
    *("Russia media is under attack", "Russian media is under attack"),
    *("The need for honest and objective information on Russia", "We have been named 'foreign agents"),
)

#: Sentences of the appeals' bodies, for dumps where the opening line is cut
#: away: any of them also ends the article.
APPEAL_SENTENCES = folded(
    "We are facing unprecedented challenges. Russia's Prosecutor General's Office",
    "Russia's Prosecutor General's Office has designated The Moscow Times",
    "These actions are direct attempts to silence independent journalism in Russia",
    "We, the journalists of The Moscow Times, refuse to be silenced",
    "Your support, no matter how small, makes a world of difference. If you can, please support us",
    "By supporting The Moscow Times, you're defending open, independent journalism",
    "As you may have heard, The Moscow Times",
    "To keep our newsroom in Moscow running, we need your support",
    "At least 10 independent media outlets have been blocked or closed down",
    "The Moscow Times needs your help more than ever",
    "Your support will help us fight back",
    "This blatant attempt to silence our voice",
    "Our commitment to providing accurate and unbiased reporting on Russia remains unshaken",
    # 2019-2020
    "As the only remaining independent, English-language news source reporting from Russia",
    "Editorial decisions are made entirely by journalists in our newsroom",
    "We fearlessly cover issues that are often considered off-limits",
)

#: The salutation of the 2024-2025 appeal; an appeal only before appeal text.
DEAR_READERS = fold("Dear readers,")

#: Whole lines that open the trailing part of the page (tags, related cluster).
TAIL_LINES = folded(
    *("Read more", "More image galleries", "More videos", "More podcasts", "More galleries", "Most read", "Just in"),
)

#: The opinion disclaimer under opinion pieces, in both of its wordings.
DISCLAIMERS = folded(
    "The views expressed in opinion pieces do not necessarily reflect the position of The Moscow Times",
    "The views and opinions expressed in opinion pieces do not necessarily reflect the position of The Moscow Times",
)

#: Line prefixes that open the trailing part of the page.
TAIL_PREFIXES = (
    *folded("Read more about:", "Read more about ", "Related articles", "Related Articles:", "©", "Copyright ©"),
    *DISCLAIMERS,
    fold("(c) The Moscow Times"),
)

#: Tail lines printed under articles only (never on listings).
ARTICLE_ONLY_PREFIXES = (fold("Read more about"), *DISCLAIMERS)

#: The newsletter box: its heading line(s).
NEWSLETTER_HEADINGS = folded(
    *("Sign up for our free weekly newsletter", "Sign up for our weekly newsletter"),
    *("Sign up for our free newsletter", "Sign up for our newsletter", "Subscribe to our newsletter"),
    "Subscribe to our free weekly newsletter",
)

#: Lines inside the newsletter box after its heading.
NEWSLETTER_LINES = folded(
    *("Our weekly newsletter contains", "Never miss the latest news from Russia"),
    *("You will receive it in your mailbox", "Subscribers agree to the Privacy Policy", "Your email"),
    *("Your name", "Submit", "Thanks for signing up!", "Preview"),
)

#: The line that closes the newsletter box.
NEWSLETTER_END = fold("Subscribers agree to the Privacy Policy")

#: Per-line clutter inside the body that is never the article's own text.
BODY_CLUTTER_PREFIXES = folded(
    *("Contact the author at", "Follow The Moscow Times on", "Follow us on"),
    "You can listen to us on the following platforms",
    # The blurb every "Russia on the Record" podcast page repeats.
    "Russia on the Record is a podcast where",
    "A transcript of the podcast audio, which has been lightly edited",
    *COOKIE_NOTICES.prefixes,
)

#: Every phrase whose beginning may be what is left of a cut-off last line.
CUT_CANDIDATES = (
    *(*HEADER_LINES, *WIDGET_LINES, *APPEAL_STARTS, *APPEAL_SENTENCES, DEAR_READERS, *TAIL_PREFIXES),
    *(*NEWSLETTER_HEADINGS, *NEWSLETTER_LINES, *CHROME_LINES, *BODY_CLUTTER_PREFIXES),
    *folded("Includes reporting from", "Read more"),
)

#: Lines only The Moscow Times prints, each as a line of its own; one of
#: them is strong evidence that a page is the outlet's.
STRONG_LINES = folded(
    "Support The Moscow Times!",
    "A Message from The Moscow Times:",
    "A Message from The Moscow Times",
    "The Moscow Times - Independent News from Russia",
    "The Moscow Times is the leading English-language newspaper published in Russia",
)

#: Lines of the outlet's own that are worded generically enough for another
#: site to print them too: good but not conclusive evidence.
GOOD_LINES = folded("Get the latest updates as we post them — right on your browser")

#: Openings of the outlet's long boilerplate paragraphs (appeal, newsletter
#: blurb, opinion disclaimer): specific enough to count as strong evidence.
STRONG_PREFIXES = (
    fold("Our weekly newsletter contains a hand-picked selection of news, features, analysis"),
    DISCLAIMERS[0],
    fold("The views and opinions expressed in opinion pieces do not necessarily reflect the position of The Moscow"),
    fold("Since July 1, 2024, we have disabled all ads"),
    fold("Our journalism is banned in Russia. We need your help"),
    fold("The need for honest and objective information on Russia"),
    *APPEAL_SENTENCES,
)

#: Section names of the site's menu that other outlets do not use together;
#: two of them in the menu run at the top of a page are some evidence.
SITE_MENU = folded(
    *("Arts and Life", "Arts & Life", "Meanwhile", "Ukraine War", "In-Depth", "TMT Offline", "Print Editions"),
    *("Russia Explained", "Lecture Series", "Mothers & Daughters", "Generation P", "Multimedia projects"),
    *("Meanwhile...", "City Lifehack", "City Listings & Guide"),
)

#: Phrases the outlet uses but that other sites could print too; each one
#: adds some evidence.
WEAK_EVIDENCE = folded(
    *("Remind me later.", "Not ready to support today?", "paiment methods"),
    *("Subscribers agree to the Privacy Policy", "Sign up for our free weekly newsletter", "Read more about:"),
    *("Dear readers,", "Contribute today", "... we have a small favor to ask."),
    "Russia media is under attack.",
)

#: Wire agencies: a byline or credit naming them is an attribution, not an author.
WIRE_AGENCIES = {
    fold(name): name
    for name in (
        *("AFP", "Agence France-Presse", "Reuters", "AP", "Associated Press", "The Associated Press"),
        *("Bloomberg", "Interfax", "TASS", "RIA Novosti", "dpa", "AFP/Reuters", "Reuters/AFP"),
    )
}

#: Organisations printed as "author" when an article has no byline.
NOT_AUTHORS = folded("The Moscow Times", "Moscow Times", "MT", "The Moscow Times Staff", "Staff")

#: What the pre-2017 site printed after or under an author's name: a role.
ROLE_PREFIXES = folded(
    *("special to", "for the moscow times", "staff writer", "staff reporter", "contributing writer"),
    *("contributing reporter", "contributor", "correspondent", "special correspondent", "intern"),
)
