"""What Russia Briefing prints around an article, recognised line by line.

Every rule compares through :func:`masthead.extract.text.fold`, so one rule matches
the page whatever its quotes, dashes, case or spacing. Rules are written for
the outlet's templates (the Dezan Shira & Associates WordPress theme shared by
the *Briefing* sites), not for one page: they must also hold when a dump cuts
a block short after its first few words.
"""

from __future__ import annotations

import re

from masthead.extract import captions
from masthead.extract.boilerplate import COOKIE_NOTICES, Boilerplate, Phrases
from masthead.extract.text import fold

#: The icon the theme puts before "Related Reading" and before every item,
#: rendered by text dumps as its file name glued to the text
#: ("related-readings_rb-rb-icons_2017Prospects For ..."). The name is read by
#: shape, not by value: "related-reading(s)", maybe after a short prefix
#: ("rb-"), then tokens after ``-`` or ``_`` (lower-case words, a year, a
#: WordPress size such as ``150x150`` or copy number), maybe an extension.
_TOKEN = r"(?:\d{4}(?!\d)|\d+x\d+|\d{1,2}(?!\d)|[a-z]{1,12}\d{0,4})"
_FILE_NAME = (
    r"^\s*(?:[a-z]{1,8}[-_]){0,2}related[-_ ]?readings?(?:[-_]" + _TOKEN + r")*(?:\.(?:png|jpe?g|gif|svg|webp))?"
)
#: Lower case: a glued title starts at its first capital.
_ARTIFACT = re.compile(_FILE_NAME + r"\s*")
#: Any case ("Related-Readings_RB-Icons_2021"): the name must end at a
#: space, a colon or a digit, since a capital no longer marks the title.
_ARTIFACT_CASED = re.compile(_FILE_NAME + r"(?:(?<=\d)|(?=[\s:]|$))\s*", re.IGNORECASE)
_ARTIFACT_PROBE = re.compile(
    r"^\s*(?:[a-z]{1,8}[-_]){0,2}related[-_]readings?(?:[-_][a-z0-9]|\.(?:png|jpe?g|gif|svg|webp))", re.IGNORECASE
)

#: Headings of the theme's related-links box (after the artifact, if any).
RELATED = Phrases(
    "related", exact=("related reading", "related readings", "further reading", "related articles", "related posts")
)
_RELATED_INLINE = re.compile(r"^(related|further) readings?\s*:\s*(?=\S)", re.IGNORECASE)

#: The "About Us" publisher block: its heading and its blurb's openings.
ABOUT = Phrases("about", exact=("about us", "about russia briefing", "about dezan shira & associates"))
BLURB = Phrases(
    "blurb",
    patterns=(
        r"^(russia briefing (is|was|has been) (produced|written|published|brought|a publication|compiled"
        r"|one of|part of|supported|owned|run)"
        r"|russia briefing (is|was) [^.]{0,80}dezan shira"
        r"|russia briefing is (prod|writ|publ))",
    ),
)
#: The advert lines searched for anywhere in a line; each alternative
#: holds one of :data:`_ADVERT_ANYWHERE_NEEDS`, so a line without any is spared the search.
_ADVERT_ANYWHERE = (
    r"dezshira\.com|@dezshira"
    r"|^[\w.'-]+( [\w.'-]+){0,3} (is|was) (the |a |an )?[\w '-]{0,60}(of|at|with) dezan shira\b|"
    r"please (contact|email) [^.]* or visit (us|our website)( at)?|or visit (us|our website) at\s*(www\.)?$"
)
_ADVERT_ANYWHERE_NEEDS = ("dezshira", "dezan shira", "or visit")
#: The firm's service adverts and contact lines: dropped wherever they stand,
#: but (unlike the blurb) they may sit inside the article, so they end nothing.
#: Two families, the lines' openings and the anywhere expression
#: (:func:`is_advert` asks both): one family of both would compile them
#: joined as well, which only that question would use.
ADVERT = Phrases(
    "advert",
    patterns=(
        r"^(dezan shira (& associates |and associates )?"
        r"(also |has |is |maintains |advises |assists |can |'s |offers |provides |helps )"
        r"|dezan shira & associates\.?$"
        r"|we also maintain offices|the firm (advises|assists|maintains|has)"
        r"|for assistance with (investing|doing business|setting up|.* in russia)"
        r"|please (contact|email) .*(dezshira|or visit (us|our website))"
        r"|visit us at|or visit us at|for further information,? please (contact|email|visit))",
    ),
)
ADVERT_ANYWHERE = Phrases("advert_anywhere", patterns=(_ADVERT_ANYWHERE,))

#: Lines of the WordPress comment area; the first one ends the article.
COMMENT_FORM = Phrases(
    "comment_form",
    prefixes=(
        *("leave a reply", "leave a comment", "leave a reply cancel reply", "cancel reply", "comments are closed"),
        *("you must be logged in to post a comment", "your email address will not be published"),
        *("required fields are marked", "save my name, email, and website", "notify me of follow-up comments"),
        *("notify me of new posts", "this site uses akismet", "post comment"),
    ),
)
#: The heading of the comment list ("4 thoughts on “...”", "2 Responses to ...").
COMMENT_COUNT = Phrases("comment_count", patterns=(r"^(\d+|one|no) (comments?|responses?|thoughts? on|replies)\b",))
#: Any line that opens or belongs to the comment area.
COMMENT_AREA = Phrases("comment_area", prefixes=COMMENT_FORM.prefixes, patterns=COMMENT_COUNT.patterns)
#: What ends the article: the blurb or a line of the comment area, asked
#: of every line as one family (their patterns searched as one).
FOOTER = Phrases("footer", prefixes=COMMENT_AREA.prefixes, patterns=(*BLURB.patterns, *COMMENT_AREA.patterns))
FORM_FIELDS = Phrases(
    "form_field", exact=("comment", "comment *", "name", "name *", "email", "email *", "website", "submit")
)
#: What closes the comment list of a dump: the form under it.
THREAD_END = Phrases("thread_end", exact=FORM_FIELDS.exact, prefixes=COMMENT_FORM.prefixes)

#: Newsletter and subscription boxes, and the firm's service adverts.
PROMO = Phrases(
    "promo",
    patterns=(
        r"^(subscribe (to|for|now|here)|sign up (for|to|now|here)|free subscription|register (for|now)"
        r"|receive (our|the latest|free)|get (the latest|our|free) .*(news|updates|briefing|newsletter)"
        r"|(our|the) (free |weekly |monthly )?(newsletter|newsletters)\b"
        r"|for (the latest|more) (news|updates|information) .*(russia briefing|dezan shira|subscribe)"
        r"|(russia|silk road|china|india|asean|vietnam) briefing'?s? (newsletter|weekly|magazine|publications?)"
        r"|download (our|the) (free |complimentary )?(guide|report|magazine|publication)"
        r"|(our|this) (complimentary|free) (guide|publication|magazine|update service)"
        r"|stay (up to date|updated|informed) with .*(subscrib|newsletter|russia briefing|dezan shira)"
        r"|.{0,80}by subscribing to our (complimentary|free) )",
    ),
)

#: Social network buttons: share widgets in the article, follow links in the menu.
_SOCIAL = {"facebook", "twitter", "x", "linkedin", "whatsapp", "telegram", "youtube", "wechat", "vk"}
#: Share, tag and navigation widgets: whole lines that are never prose.
_WIDGET_WORDS = _SOCIAL | {
    "share", "share this:", "share this", "share this article", "like this:", "like this",
    "like loading...", "loading...", "tweet", "print", "email", "more", "previous post", "next post",
    "back to top", "print this article", "print friendly", "subscribe", "subscribe now", "sign up",
    "print friendly, pdf & email", "print, pdf & email",
}  # fmt: skip
WIDGETS = Phrases(
    "widget",
    exact=_WIDGET_WORDS,
    patterns=(r"^(tags?|categories|category|filed under|posted in)\s*:|^posted in\b[^.]{0,80}\|",),
)
#: The previous and next post links: short lines led or closed by arrows.
#: A family of their own, as :data:`ADVERT_ANYWHERE` is: only :data:`CHROME`
#: asks them, one expression at a time, and a family of two would also
#: compile them joined.
POST_LINKS = Phrases(
    "post_link", patterns=(r"^(?=.{0,39}$)(?:(«|‹|<|previous post|next post|older post|newer post).*|.*(»|›))$",)
)

#: The label of the reading-time plugin, wherever it stands.
READING_TIME_LABEL = re.compile(r"reading time\s*:?\s*(<\s*)?\d*\s*(minutes?|mins?)?", re.IGNORECASE)
#: The label alone on a line.
READING_TIME = Phrases("reading_time", patterns=(r"^reading time\s*:?\s*(<\s*)?\d*\s*(minutes?|mins?)?$",))


def _phrases_of(name: str, *families: Phrases) -> Phrases:
    """One family of the phrases of ``families`` (none of which limits its
    prefixes' words), their patterns aside: it takes a line, whole or cut
    short, exactly when one of them takes it by a phrase."""
    if any(family.prefix_words is not None for family in families):
        raise ValueError("a family with a word limit on its prefixes cannot be joined")
    return Phrases(
        name,
        exact=frozenset().union(*(family.exact for family in families)),
        prefixes=tuple(prefix for family in families for prefix in family.prefixes),
        contains=tuple(phrase for family in families for phrase in family.contains),
    )


class _Chrome(Boilerplate):
    """Phrase families whose :meth:`is_boilerplate` gives the answer of
    :class:`masthead.extract.boilerplate.Boilerplate` for less, as every line
    of a page is asked: a line is folded once, the families' phrases are
    looked up as one family (:func:`_phrases_of`), then their patterns are
    searched: those that need a string (``needs``: pattern -> strings one of
    which each of its matches holds) one by one, each only in a line holding
    one, the others in turn, as the families compiled them.

    Not as one expression joining them: compiling that again at import
    costs about 26 M instructions (a quarter of this plugin's import), and
    a page asks only its lines not kept from earlier pages (a few per page),
    for about a microsecond more each.
    """

    def __init__(self, *families: Phrases, needs: dict[str, tuple[str, ...]]) -> None:
        super().__init__(*families)
        self._phrases = _phrases_of("chrome", *families)
        searched = [(pattern, needs.get(pattern.pattern, ())) for family in families for pattern in family.patterns]
        self._always = tuple(pattern for pattern, need in searched if not need)
        self._patterns = tuple((pattern, need) for pattern, need in searched if need)

    def is_boilerplate(self, line: str, *, last: bool = False) -> bool:
        return self.is_boilerplate_folded(fold(line), last=last)

    def is_boilerplate_folded(self, key: str, *, last: bool = False) -> bool:
        """:meth:`is_boilerplate` of the line folded to ``key``."""
        if not key:
            return False
        if self._phrases.matches_folded(key) or self._phrases.matches_cut_folded(key, last=last):
            return True
        # Loops rather than generators: every paragraph of a page gets here.
        for pattern in self._always:
            if pattern.search(key) is not None:
                return True
        for pattern, needs in self._patterns:
            for need in needs:
                if need in key:
                    if pattern.search(key) is not None:
                        return True
                    break
        return False


#: Every single line of chrome that never belongs to the body (the icon
#: artifact and the related box's heading aside: see :func:`is_boilerplate`).
CHROME_FAMILIES = (
    *(ABOUT, BLURB, ADVERT, ADVERT_ANYWHERE, COMMENT_AREA, PROMO, WIDGETS, POST_LINKS, READING_TIME),
    COOKIE_NOTICES,
)
CHROME = _Chrome(*CHROME_FAMILIES, needs={_ADVERT_ANYWHERE: _ADVERT_ANYWHERE_NEEDS})


def is_advert(line: str) -> bool:
    """A line of the firm's service adverts or contact lines (:data:`ADVERT`, :data:`ADVERT_ANYWHERE`)."""
    return ADVERT.matches(line) or ADVERT_ANYWHERE.matches(line)


is_reading_time = READING_TIME.matches


#: Site chrome that dumps carry above the headline (menus, breadcrumbs).
_BANNER_WORDS = _SOCIAL | {
    "russia briefing", "russia briefing news", "home", "news", "menu", "search", "skip to content",
    "skip to main content", "toggle navigation", "main menu", "primary menu", "close", "search for:",
    "go", "back", "latest news", "most popular", "business", "economy", "legal", "tax",
    "tax & accounting", "accounting", "trade", "trade & investment", "investment", "industries",
    "industry", "regions", "region", "resources", "publications", "podcasts", "webinars",
    "subscribe", "free subscription", "sign in", "login", "log in", "register", "contact",
    "contact us", "about", "about us", "hr & payroll", "payroll", "human resources",
    "doing business in russia", "doing business guides", "guides", "events", "events calendar",
    "services", "our services", "careers", "legal & tax", "news & analysis",
    "dezan shira & associates", "silk road briefing", "china briefing", "india briefing",
    "asean briefing", "vietnam briefing", "eurasia", "eurasian economic union",
    "the eurasian economic union", "russia's pivot to asia", "follow us", "english", "русский",
}  # fmt: skip
#: The site's name as a line of its own: the masthead or menu of a dump.
SITE_NAMES = ("russia briefing", "russia briefing news")
_BREADCRUMB = re.compile(r"\s(»|›|>|/|\|)\s")
_BREADCRUMB_SPLIT = re.compile(r"»|›|>|\||\s/\s")


def _artifact(line: str) -> re.Match[str] | None:
    if not _ARTIFACT_PROBE.match(line):
        return None
    return _ARTIFACT.match(line) or _ARTIFACT_CASED.match(line)


def has_artifact(line: str) -> bool:
    """Whether ``line`` starts with the related-reading icon's file name."""
    return _artifact(line) is not None


def strip_artifact(line: str) -> str:
    """``line`` without a leading icon file name (unchanged if it has none)."""
    match = _artifact(line)
    return line if match is None else _after(line, match)


def _after(line: str, match: re.Match[str]) -> str:
    """What follows the icon file name ``match`` at the start of ``line``."""
    return line[match.end() :].lstrip(" _-:").strip()


def related_line(line: str) -> str | None:
    """For a line of a related-links box, the item title it holds ("" for the
    heading alone); ``None`` for any other line.

    Covers the icon artifact with or without a title glued to it, the bare
    heading, and a heading with one title on the same line
    ("Related Reading: Russia's Tax Guide").
    """
    return box_line(line)[0]


def box_line(line: str) -> tuple[str | None, bool]:
    """:func:`related_line` of ``line``, and whether the line starts with the
    icon's file name (:func:`has_artifact`): a box's items carry the icon or
    not, and the parser asks both of the same line."""
    match = _artifact(line)
    icon = match is not None
    text = line if match is None else _after(line, match)
    if RELATED.matches(text):
        return "", icon
    inline = _RELATED_INLINE.match(text)
    if inline:
        return text[inline.end() :].strip(), icon
    return (text if icon else None), icon


#: How the blocks after the article open; a dump cut inside one of these
#: first lines leaves a fragment such as "Abo" or "Leave a".
_OPENINGS = (
    *("about us", "leave a reply", "leave a comment", "related reading:"),
    "related-readings_rb-icons_2017 related reading:",
    "russia briefing is produced by dezan shira & associates",
)

#: Every start of :data:`_OPENINGS` two characters long or longer: a line is
#: one of them in one look-up, not compared with each opening in turn.
CUT_OPENINGS = frozenset(opening[:end] for opening in _OPENINGS for end in range(2, len(opening) + 1))


def is_cut_opening(line: str) -> bool:
    """A last line that is the start of a tail block's first line, cut short."""
    return fold(line) in CUT_OPENINGS


def is_banner(line: str) -> bool:
    """Site chrome above the headline: a menu item, a breadcrumb, a menu row."""
    key = fold(line).rstrip(":").strip()
    if key in _BANNER_WORDS:
        return True
    if _BREADCRUMB.search(line) and len(key.split()) <= 20:
        parts = [fold(p).strip() for p in _BREADCRUMB_SPLIT.split(line)]
        return any(p in _BANNER_WORDS for p in parts)
    words = key.split()
    return len(words) >= 2 and all(w in _BANNER_WORDS for w in words)


def is_boilerplate(line: str) -> bool:
    """Any line of the outlet's chrome that never belongs to the body."""
    # Without the icon's name, strip_artifact(line) is the line itself.
    return has_artifact(line) or RELATED.matches(line) or CHROME.is_boilerplate(line)


_CAPTION_MAX_WORDS = 40


def is_caption(line: str) -> bool:
    """An image caption that carries a photo credit (:func:`masthead.extract.captions.is_caption`).

    A caption without a credit cannot be told from a short paragraph and
    stays in body.
    """
    # The toolkit's test first: it turns down a paragraph by its full stop
    # before splitting it into words.
    return captions.is_caption(line) and len(line.split(None, _CAPTION_MAX_WORDS)) <= _CAPTION_MAX_WORDS
