"""What SouthFront prints around an article, stated as data.

The families below are the site's own texts as seen on southfront.org
(2015-2023) and southfront.press (2023-): the donation thermometer and
"Support SouthFront" button above the title, "PDF Download", "Click to see
full-size image" under pictures, the donation appeals of every year with
their PayPal and crypto-wallet lines, the "MORE ON THE TOPIC:" block, menus
and disclaimers. Matching (case, quotes, spacing, a line cut short) is the
toolkit's: :mod:`masthead.extract.boilerplate`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

from masthead.extract import boilerplate, bylines, donations
from masthead.extract import comments as thread
from masthead.extract.boilerplate import COOKIE_NOTICES, BlockRule, Boilerplate, Phrases
from masthead.extract.text import fold

#: The end of the article, on a line of its own (see :func:`marker_rest`).
MARKER = "more on the topic"
_MARKER_FIRST = MARKER.split()[0]


def marker_rest(line: str) -> str | None:
    """``None`` unless ``line`` is the "MORE ON THE TOPIC:" marker; else the text after its colon."""
    # Every line of a page is asked: the marker's folded line starts with
    # its first word, and most lines are done with that.
    if not fold(line).startswith(_MARKER_FIRST):
        return None
    return boilerplate.marker_rest(line, MARKER)


#: Appeals of every year, the crypto widget, the thermometer, the buttons.
DONATION = Phrases(
    "donation",
    contains=(
        *("work is impossible without your support", "our work is impossible without your support"),
        *("southfront's work is impossible without your support", "our work wouldn't be possible without your"),
        *("our work would not be possible without your help", "if you're able, and if you like our content"),
        *("if you are able, and if you like our content", "if you like our content and approach, please support"),
        *("please support the project", "please, support the project", "please consider donating"),
        *("please, consider donating", "consider donating to southfront", "donate to southfront"),
        *("southfront@list.ru", "info@southfront.org", "info@southfront.press", "southfront.org/donate"),
        *("southfront.press/donate", "patreon.com/southfront", "subscribe to our channels"),
        *("do you like this content? consider helping us", "consider helping us!"),
        *("if you face any problems sending funds", "if you want to support southfront but have no opportunity"),
        *("western union etc: write to", "paypal, western union", "if you have any problems sending"),
    ),
    prefixes=("support southfront", "support south front", "#southfront", "do you like this content?"),
    exact=(*donations.LABELS, "consider helping us"),
    patterns=donations.PATTERNS,
)
#: Appeal headings too common in prose to match in a long line.
DONATION_HEADINGS = Phrases(
    "donation",
    prefixes=("support the resistance", "support us", "help southfront", "help us"),
    prefix_words=6,
)
#: The appeal block: it opens with an appeal line and ends with the
#: "support SouthFront but have no opportunity" line (repost, share) when the
#: page keeps it; cut short or in another year's form it ends at running text.
APPEAL = BlockRule(
    "donation_block",
    start=Phrases(
        "appeal_start",
        contains=("do you like this content? consider helping us", "work is impossible without your support"),
        prefixes=("do you like this content?",),
    ),
    end=Phrases("appeal_end", contains=("if you want to support southfront but have no opportunity",)),
    inside=DONATION,
    tail_words=12,
    max_lines=30,
)

#: What every line opening an appeal block holds, folded (its start family
#: has phrases found inside a line or at its start, nothing else).
_APPEAL_OPENINGS = (*APPEAL.start.contains, *APPEAL.start.prefixes)

#: The link under SouthFront's pictures ("Click to see full-size map"), folded.
_HELPER_PREFIXES = ("click to see full-size", "click to see the full-size")
SITE_CHROME = Phrases(
    "site_chrome",
    exact=(
        *("SouthFront", "South Front", "SouthFront: Analysis & Intelligence", "South Front: Analysis & Intelligence"),
        *("Analysis & Intelligence", "Menu", "Search", "Search for:", "Home", "News", "Analysis", "Videos"),
        *("Video", "Maps", "Infographics", "Contact", "Contacts", "Contact us", "About", "About us"),
        *("Skip to content", "Opinion", "Op-Ed", "Op-Eds", "Editorials", "Military Analysis", "Breaking News"),
        *("Tweet", "Telegram", "Facebook", "Twitter", "VK", "YouTube", "RSS", "Print", "Latest", "Popular"),
        *("Featured", "Archive", "Tags", "Category", "English", "Deutsch", "Français", "Español", "Italiano"),
        *("Srpski", "Русский", "PDF Download", "Privacy Policy", "Terms of Use", "Cookie Policy", "Read more"),
        *("Read More »", "Continue reading", "Share this:", "Like this:", "Related", "SouthFront Maps"),
        # the rest of a share row (Jetpack's and its like)
        *("LinkedIn", "Email", "WhatsApp", "Reddit", "Pinterest", "Pocket", "Tumblr", "Like Loading..."),
    ),
    prefixes=_HELPER_PREFIXES,
    patterns=(
        r"^(?:tags|tagged|tagged with|categories|category|filed under|topics)\s*:",
        r"^(?:©|\(c\)|copyright ©?)\s*\d{4}|^©\s*\S+(?:\s+\S+){0,10}$",
    ),
)
DISCLAIMER = Phrases(
    "disclaimer",
    prefixes=(
        *("disclaimer", "the views expressed in this article", "the views expressed are", "the views expressed by"),
        *("the views and opinions expressed", "the opinions expressed", "the views of individual contributors"),
        *("the content of this article does not necessarily", "note: the views", "southfront does not necessarily"),
        *("if you have any ideas or proposals", "if you have ideas or proposals", "all rights reserved"),
        *("if you have any questions or proposals", "if you'd like to contribute", "if you would like to contribute"),
        # The author's social links under op-eds ("You can follow Lucas Leiroz on: ...").
        *("you can follow ", "follow us on ", "follow southfront on "),
    ),
)
_MARKER_PHRASES = Phrases("marker", exact=("more on the topic:",))

BOILERPLATE = Boilerplate(
    DONATION,
    DONATION_HEADINGS,
    donations.WIDGETS,
    SITE_CHROME,
    DISCLAIMER,
    thread.COMMENT_CHROME,
    _MARKER_PHRASES,
    COOKIE_NOTICES,
    blocks=[APPEAL],
)


def is_donation(line: str) -> bool:
    """A donation button, thermometer, appeal sentence or wallet line."""
    return DONATION.matches(line) or DONATION_HEADINGS.matches(line) or donations.is_widget_line(line)


def is_full_size_helper_folded(key: str) -> bool:
    """The "Click to see full-size image/map" link under SouthFront pictures
    (``key``: the line folded)."""
    return key.startswith(_HELPER_PREFIXES)


#: Every family :func:`is_boilerplate` reads a line against: the bundle's,
#: and the appeal block's opening phrases (a line opening a block is
#: boilerplate on its own). :func:`is_donation`'s are among them.
_FAMILIES = (*BOILERPLATE.families, *(block.start for block in BOILERPLATE.blocks))
#: The families read as few. A line is a phrase of some family exactly when
#: it is one of their union's (the phrases are folded, and folding a folded
#: phrase changes nothing), but for the prefixes that count only in a short
#: line (each family's own word limit): those families are asked for them.
#: The patterns are searched as one family (each compiled as it was).
_EXACT = Phrases("boilerplate", exact=tuple(phrase for family in _FAMILIES for phrase in family.exact))
_CONTAINS = Phrases("boilerplate", contains=tuple(phrase for family in _FAMILIES for phrase in family.contains))
#: The prefixes that count in a line of any length.
_PREFIXES = tuple(phrase for family in _FAMILIES if family.prefix_words is None for phrase in family.prefixes)
_SHORT_PREFIXED = tuple(
    Phrases(family.name, prefixes=family.prefixes, prefix_words=family.prefix_words)
    for family in _FAMILIES
    if family.prefix_words is not None and family.prefixes
)
#: Every prefix of :data:`_SHORT_PREFIXED`: a line that starts with none is none of theirs.
_SHORT_PREFIXES = tuple(phrase for family in _SHORT_PREFIXED for phrase in family.prefixes)
#: The first characters of every prefix (as many as the shortest has): a
#: line whose first characters are none of these starts with no prefix, told
#: by one set lookup instead of trying each of some ninety.
_HEAD_CHARS = min(map(len, (*_PREFIXES, *_SHORT_PREFIXES)))
_HEADS = frozenset(phrase[:_HEAD_CHARS] for phrase in (*_PREFIXES, *_SHORT_PREFIXES))
#: Every family's patterns as one family: a line matches one of them
#: exactly when it matches one of its family's (searched as one alternation).
_PATTERNS = Phrases("boilerplate", patterns=tuple(pattern for family in _FAMILIES for pattern in family.patterns))
#: A line cut short is the start of a phrase of some family exactly when
#: it is the start of one of their union's.
_CUT = Phrases(
    "boilerplate_cut",
    exact=tuple(phrase for family in _FAMILIES for phrase in (*family.exact, *family.prefixes, *family.contains)),
)
#: The longest phrase: a line is a whole phrase only with nothing but spaces
#: and punctuation after it, and the start of a phrase only when shorter,
#: so a line with a letter or a digit past this length is neither.
_LONGEST = max(map(len, _CUT.exact))


#: :func:`is_boilerplate`'s answers for short lines, kept across pages (as
#: the toolkit's :func:`~masthead.extract.boilerplate.recall` keeps them): a
#: long comment thread repeats its chrome ("Reply", "0") thousands of times,
#: and every page its menus and buttons.
_KEPT: dict[str, bool] = {}
_KEPT_LAST: dict[str, bool] = {}
#: Paragraphs' answers, the last this many: a page's readers ask about the
#: same paragraph two or three times, but paragraphs seldom recur across
#: pages, so no more than a page's worth is kept (a store of thousands grew
#: by megabytes over the first thousands of pages).
_PARAGRAPHS = 256


def is_boilerplate(line: str, *, last: bool = False) -> bool:
    """Any of the site's own non-article lines (never body, never a comment):
    :func:`is_donation` or ``BOILERPLATE.is_boilerplate(line, last=last)``.

    Answered once per line: a short line's answer is kept across pages, a
    paragraph's for about a page.
    """
    kept = _KEPT_LAST if last else _KEPT
    answer = kept.get(line)  # most lines asked are short and kept: one look-up, no call
    if answer is None:
        if len(line) > boilerplate.KEPT_CHARS:
            return _paragraph_is_boilerplate(line, last)
        answer = boilerplate.recall(kept, line, _is_last_boilerplate if last else _judge)
    return answer


def _is_last_boilerplate(line: str) -> bool:
    return _judge(line, last=True)


@functools.lru_cache(maxsize=_PARAGRAPHS)
def _paragraph_is_boilerplate(line: str, last: bool) -> bool:
    return _judge(line, last=last)


def _judge(line: str, *, last: bool = False) -> bool:
    """:func:`is_boilerplate`, worked out."""
    # Most lines asked (paragraphs) are none, and were read against each of
    # eight families twice, whole and cut short, folded anew for each
    # question: here the line is folded once and read against the union.
    key = fold(line)
    may_be_phrase = len(key) <= _LONGEST or not key[_LONGEST].isalnum()
    if may_be_phrase and (_EXACT.matches_folded(key) or _CUT.matches_cut_folded(key, last=last)):
        return True
    if _CONTAINS.matches_folded(key) or _PATTERNS.matches_folded(key):
        return True
    if key[:_HEAD_CHARS] in _HEADS and (
        key.startswith(_PREFIXES)
        or (key.startswith(_SHORT_PREFIXES) and any(family.matches_folded(key) for family in _SHORT_PREFIXED))
    ):
        return True
    return donations.is_wallet_line(line)


def appeal_lines(lines: Sequence[str], stop: int | None = None, *, keys: Sequence[str] | None = None) -> set[int]:
    """Indexes of every line inside a donation block (start to end marker)
    that opens before ``stop`` (anywhere by default).

    Blocks open only on a donation line, which is boilerplate
    (:func:`is_boilerplate` remembers its answers): only those are tried.
    With ``keys`` (``lines`` folded), a page whose lines before ``stop``
    hold none of the opening phrases is done at once: most pages have no
    block.
    """
    if keys is not None and not any(map(" ".join(keys[:stop]).__contains__, _APPEAL_OPENINGS)):
        return set()
    spans = BOILERPLATE.spans(lines, stop=stop, opens=is_boilerplate)
    return {index for span in spans for index in range(span.start, span.end)}


#: The team's own sign-off under statements and video reports.
TEAM_CREDITS = ("SouthFront Team", "South Front Team", "SF Team", "SouthFront Analysis Team")


#: :data:`TEAM_CREDITS` folded, as a byline's whole line is compared with them.
_CREDIT_KEYS = frozenset(map(fold, TEAM_CREDITS))
#: :func:`masthead.extract.bylines.byline_names` reads no line of more words.
_BYLINE_WORDS = 25


def byline_names(line: str) -> tuple[str, ...] | None:
    """The names of a byline, the team's sign-off included."""
    # What bylines.byline_names does with ``credits``, by one set lookup
    # instead of folding every credit again for every line asked.
    if fold(line).rstrip(".") in _CREDIT_KEYS and len(line.split(maxsplit=_BYLINE_WORDS)) <= _BYLINE_WORDS:
        return (line.strip().rstrip("."),)
    return bylines.byline_names(line)


#: The site's name after a title, as browser titles and some dumps print it.
_SITE_SUFFIX = re.compile(
    r"\s+[|\-\u2013\u2014:]+\s+south\s?front(?:\s+maps)?(?::?\s+analysis\s+(?:&|and)\s+intelligence)?\s*$",
    re.IGNORECASE,
)


#: Held by every suffix, lowered (its letters match only their own two cases).
_SUFFIX_WORD = "front"


def without_site_name(title: str) -> str:
    """``title`` without a trailing " | SouthFront" or " – SouthFront Maps"."""
    # Every line of a page is asked: one without the suffix's word has no suffix to cut.
    if _SUFFIX_WORD not in title.lower():
        return title.strip()
    return _SITE_SUFFIX.sub("", title).strip()


#: How the suffix ends (its last word, spaces aside), lowered, and the
#: letters its last one may be in case-blind matching ("ſ" is an "s").
_SUFFIX_ENDS = ("front", "maps", "intelligence")
_SUFFIX_END_CHARS = len("intelligence")
_SUFFIX_LAST_LETTERS = frozenset("tTsS\u017feE")


def _may_end_with_site_name(line: str) -> bool:
    """Whether :data:`_SITE_SUFFIX` may match ``line``, told by its last
    characters rather than by lowering the whole line (a paragraph): it
    ends with one of :data:`_SUFFIX_ENDS`. Case-blind matching pairs a few
    other letters with ASCII ones ("ſ", "İ"), so an end not in ASCII is left
    to :func:`without_site_name`."""
    tail = line.rstrip()[-_SUFFIX_END_CHARS:]
    if tail[-1:] not in _SUFFIX_LAST_LETTERS:
        return False
    return not tail.isascii() or tail.lower().endswith(_SUFFIX_ENDS)


def without_site_names(lines: Iterable[str]) -> list[str]:
    """``without_site_name(line) or line`` for every line (a blank line is kept as it is)."""
    # Most lines end with no word of the suffix and are only stripped: told
    # apart here rather than in a call per line, most by their last letter
    # (the first thing _may_end_with_site_name reads).
    return [
        (without_site_name(line) or line)
        if line.rstrip()[-1:] in _SUFFIX_LAST_LETTERS and _may_end_with_site_name(line)
        else (line.strip() or line)
        for line in lines
    ]
