"""The line-level reading of a Moscow Times page, shared by dumps and HTML.

A page reads top to bottom as: site chrome, headline, standfirst, byline and
date, lead photo caption, the body (with in-article related links, inline
captions and maybe the newsletter box), then the trailing part: tags, the
donation appeal and its payment widget, "Read more" recommendations. The
parser cuts the trailing part off first (it never holds article text), then
removes boxes, then reads the head, and what is left is the body.

HTML pages come here too, as block texts, with whatever their markup already
told (title, standfirst) passed to :func:`parse_lines`; the same boilerplate rules
then clean what the markup left.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Sequence

from masthead import NotAnArticle, Related
from masthead.extract import listing, pageparts
from masthead.extract.boilerplate import (
    CUT_MIN_CHARS_LAST,
    BlockRule,
    Boilerplate,
    KeptAnswers,
    Phrases,
    glued_pattern,
    split_glued,
)
from masthead.extract.captions import ASCII_CASE_TWINS
from masthead.extract.fields import Fields
from masthead.extract.text import fold
from masthead_moscow_times import phrases
from masthead_moscow_times.lines import (
    KEY_CHARS,
    attribution_names,
    byline_names,
    byline_role,
    date_of_line,
    ends_sentence,
    is_bare_credit,
    is_caption,
    is_headline,
    is_paragraph,
    is_time_note,
    key_is_cut,
    key_is_start,
    key_of,
    page_answers,
    page_memo,
    remember_keys,
    split_people,
)

_READ_MORE = fold("Read more")
_SEE_ALSO = re.compile(
    r"^(?:see also|read also|also read|read more|related)\s*:\s*(?P<title>\S.{2,200})$", re.IGNORECASE
)
#: Lines only listing pages (sections, tags, print issues) carry: whole
#: lines, and line starts ("Articles with tag: Ukraine", "#5800 — Apr 20").
_LISTING = Phrases(
    "listing",
    exact=("View more articles", "Print Edition", "Load more", "Show more"),
    prefixes=("Articles with tag",),
    patterns=(r"^#\d{3,5}\s*-",),
)
#: The "Read more" clusters after the article.
_CLUSTERS = Phrases(
    "clusters",
    exact=("Read more", "More image galleries", "More videos", "More podcasts"),
    prefixes=("Related articles",),
)
#: One-line boilerplate that may be found glued to other text.
_GLUE_MARKERS = (
    *("Support The Moscow Times!", "A Message from The Moscow Times:", "Sign up for our free weekly newsletter"),
    *("Subscribers agree to the Privacy Policy", "Read more about:"),
)
_GLUED = glued_pattern(_GLUE_MARKERS)
#: Each marker's part of :data:`_GLUED` alone and without its case-blind
#: flag, for text in lower case, with the word the marker ends with. The
#: flag makes a search several times slower, and so does the alternation
#: (no literal start to scan for). Each is ``glued_pattern([marker.lower()])``'s
#: expression (a test compares them), compiled once: not first with the flag.
_GLUED_EACH = tuple(
    (marker.split()[-1].lower(), re.compile("(" + r"\s+".join(map(re.escape, marker.lower().split())) + ")"))
    for marker in _GLUE_MARKERS
)
assert all(marker.isascii() for marker in _GLUE_MARKERS)


def _anchor(marker: str) -> str:
    """The longest part of ``marker`` (in lower case, its words one space
    apart) that every match of it in a line leaves in the line folded.

    A match holds the marker's words letter for letter, in any case, with
    any whitespace between them; folded, that is the words in lower case
    one space apart, except where a case twin (:data:`ASCII_CASE_TWINS`)
    stands for "i", "k" or "s" (folding keeps "ı" and turns "İ" into two
    characters), and where a combining mark after the match joins its last
    letter. The part has none of those letters, and stops before the
    marker's last character, so that what follows it in a match is an
    ASCII character or whitespace, neither of which joins the letter before.
    """
    return max(re.split("[iks]", " ".join(marker.lower().split())[:-1]), key=len).strip()


#: One part of each marker found in a page's folded text if the marker is
#: anywhere in its lines (:func:`_anchor`): a page without any has nothing
#: to split, found with a few substring tests of text routing folded anyway.
_GLUE_ANCHORS = tuple(map(_anchor, _GLUE_MARKERS))
#: The markers in lower case, their words one space apart: an ASCII line
#: that reads so with its whitespace made single spaces is one whole.
_GLUE_MARKERS_SPACED = frozenset(" ".join(marker.lower().split()) for marker in _GLUE_MARKERS)
#: A dump cut short may end in "Sign up for our fr" or "A Message from":
#: such a stub is boilerplate, not the end of the article.
_CUT_OFF = Phrases("cut_off", prefixes=phrases.CUT_CANDIDATES)
_CUT_MIN_CHARS = 6
_DROPPED_EVERYWHERE = frozenset(phrases.HEADER_LINES + phrases.WIDGET_LINES)
#: The newsletter box, from its heading to "Subscribers agree to the Privacy
#: Policy" (or over its own lines when a dump lost that), and stray lines of
#: it wherever they stand. The site's script puts it before the last
#: paragraph, so it is cut out rather than taken for the end of the article.
_NEWSLETTER = Boilerplate(
    Phrases(
        "newsletter",
        prefixes=("Our weekly newsletter contains", phrases.NEWSLETTER_END, "Never miss the latest news from Russia"),
    ),
    blocks=[
        BlockRule(
            "newsletter_box",
            start=Phrases("newsletter_heading", prefixes=phrases.NEWSLETTER_HEADINGS),
            end=Phrases("newsletter_end", prefixes=(phrases.NEWSLETTER_END,)),
            inside=Phrases("newsletter_lines", prefixes=phrases.NEWSLETTER_LINES),
            max_lines=5,
        )
    ],
)


def _openings(boilerplate: Boilerplate) -> tuple[int, frozenset[str]] | None:
    """How every line :meth:`Boilerplate.strip` could remove starts, folded:
    the first ``width`` characters of one of its phrases (a line whole or
    cut short, or a block's first line). ``None`` when a family also
    matches inside a line."""
    families = (*boilerplate.families, *(rule.start for rule in boilerplate.blocks))
    if any(family.contains or family.patterns for family in families):
        return None
    phrases = [phrase for family in families for phrase in (*family.exact, *family.prefixes)]
    width = min(CUT_MIN_CHARS_LAST, *map(len, phrases))
    return width, frozenset(phrase[:width] for phrase in phrases)


_NEWSLETTER_OPENINGS = _openings(_NEWSLETTER)
#: :data:`_NEWSLETTER_OPENINGS` apart, and how long a line may be for its
#: key's start to be tested against them alone (:func:`_may_be_newsletter`):
#: :data:`KEY_CHARS`, or -1 (no line) where there are no openings to test.
_NEWSLETTER_WIDTH, _NEWSLETTER_STARTS = _NEWSLETTER_OPENINGS or (0, frozenset[str]())
_NEWSLETTER_WHOLE = -1 if _NEWSLETTER_OPENINGS is None else KEY_CHARS


def _strip_newsletter(lines: Sequence[str]) -> list[str]:
    """``_NEWSLETTER.strip(lines)``, asking only the lines that can start the
    box or be one of its lines (:data:`_NEWSLETTER_OPENINGS`): most pages
    have none, and each line would be folded several times to find that out."""
    if _NEWSLETTER_OPENINGS is None:
        return _NEWSLETTER.strip(lines)
    kind = _kinds()
    may = {line for line in lines if kind(line) & NEWSLETTER}
    if not may:
        return list(lines)
    # Boilerplate.strip, with the blocks looked for and the lines asked only where they may be.
    inside = {i for span in _NEWSLETTER.spans(lines, opens=may.__contains__) for i in range(span.start, span.end)}
    last = len(lines) - 1
    return [
        line
        for index, line in enumerate(lines)
        if index not in inside and not (line in may and _NEWSLETTER.is_boilerplate(line, last=index == last))
    ]


def _may_be_newsletter(line: str, key: str) -> bool:
    """Whether ``line`` (its key ``key``) may start the newsletter box or be
    one of its lines (:data:`_NEWSLETTER_OPENINGS`)."""
    if _NEWSLETTER_OPENINGS is None:
        return True
    width, openings = _NEWSLETTER_OPENINGS
    if len(line) <= KEY_CHARS:  # a line key_of folds whole has its key for the start of its folded form
        return key[:width] in openings
    if not key_is_start(line) or (len(key) < width and key_is_cut(line)):
        return True  # the start of the line's folded whole is not known
    return key[:width] in openings


#: Editors' notes on a changed story ("Updated with comments from ..."):
#: article text, never standfirst or caption.
_EDITOR_NOTE = re.compile(
    r"^(?:\(?(?:this (?:article|story) (?:has been|was) )?updated (?:with|to)\b|correction:|editor['’]s note:)",
    re.IGNORECASE,
)


def parse_lines(
    lines: Sequence[str],
    *,
    title: str | None = None,
    subtitle: str | None = None,
    guess_head: bool = True,
    folded: Sequence[str] | None = None,
    split: Sequence[str] | None = None,
    short: bool | None = None,
) -> Fields:
    """Read a page's lines into fields; raises :class:`NotAnArticle` for listings.

    ``title`` and ``subtitle`` are what markup already told; ``guess_head``
    asks the parser to find headline, standfirst, byline and lead caption
    among the lines themselves (dumps and unknown HTML layouts). ``folded``
    are the lines folded, if known (:attr:`masthead.Page.folded_lines`,
    which routing folded): the parser then starts from them instead of
    folding the lines again. ``split`` is :func:`split_glued_lines` of
    ``lines`` (and ``folded``), if known (the detector made it of a dump).
    ``short`` says whether no line is longer than :data:`KEY_CHARS`, if
    the caller knows (the detector splits only such dumps whole).
    """
    with page_memo():
        if short is None:
            short = max(map(len, lines), default=0) <= KEY_CHARS
        if folded is not None and short:
            remember_keys(lines, folded)  # each line is its own key's text
        if split is None:
            split = split_glued_lines(lines, folded=folded)
        return _parse_lines(split, title=title, subtitle=subtitle, guess_head=guess_head)


def _parse_lines(lines: Sequence[str], *, title: str | None, subtitle: str | None, guess_head: bool) -> Fields:
    lines = lines[pageparts.title_over_stamp(lines) or 0 :]  # the 2016-2017 head: menus, ticker, featured headlines
    stub = bool(lines) and len(key_of(lines[-1])) >= _CUT_MIN_CHARS and _CUT_OFF.matches_cut(lines[-1], last=True)
    kind = _kinds()
    kept = [line for line in (lines[:-1] if stub else lines) if not kind(line) & DROPPED]
    cut = trailer_start(kept)
    trailer = kept[cut:]
    parsed = Fields(title=title, subtitle=subtitle)
    main, boxed = pageparts.take_link_boxes(
        drop_chrome(_strip_newsletter(kept[:cut])),
        is_marker=lambda line: kind(line) & READ_MORE != 0,
        is_headline=is_headline,
        is_text=lambda line: kind(line) & PARAGRAPH != 0,
    )
    parsed.related.extend(map(Related, boxed))
    # The trailer opens with furniture on most articles: the page's lines are then not read for it.
    furnished = bool(trailer) and kind(trailer[0]) & FURNITURE != 0
    if not furnished and not has_article_furniture(lines) and looks_like_listing(main, lines):
        raise NotAnArticle("a Moscow Times listing page (headlines and teasers), not an article")
    start = read_head(main, parsed, guess_head=guess_head)
    read_body(main[start:], parsed)
    parsed.related.extend(related_in_trailer(trailer))
    if not parsed.body:
        raise NotAnArticle("no article text left once the Moscow Times page furniture is removed")
    add_warnings(parsed, trailer_found=bool(trailer))
    return parsed


# --- cleaning -------------------------------------------------------------


def split_glued_lines(lines: Sequence[str], *, folded: Sequence[str] | None = None) -> list[str]:
    """Put the outlet's one-line boilerplate back on lines of its own
    (:func:`masthead.extract.boilerplate.split_glued`): some dumps lose line
    breaks, gluing the header or the appeal's opening to article text.

    :func:`split_glued` works line by line, so only the lines that may hold
    a marker are handed to it; every other line is left as it is, which is
    what it would do with them. Those lines are the ones whose folded form
    holds a marker's anchor (:func:`_anchored_at`) when ``folded`` gives
    each line folded (:attr:`masthead.Page.folded_lines`; not the folded
    whole of a line cut short, whose cut may join a marker's halves), else
    those :func:`_may_be_glued_at` names.
    """
    found = _may_be_glued_at(lines) if folded is None else _anchored_at(folded)
    if found is None:
        return split_glued(lines, _GLUED)
    out: list[str] = []
    done = 0
    for index in sorted(found):
        if not _is_glue_marker(lines[index]):
            out.extend(lines[done:index])
            out.extend(split_glued([lines[index]], _GLUED))
            done = index + 1
    out.extend(lines[done:])
    return out


def may_hold_glued(folded_text: str) -> bool:
    """Whether any line whose folded form is in ``folded_text`` (a page's
    folded lines joined, :attr:`masthead.Page.folded_text`) may hold a glue
    marker: such a line holds a marker's anchor (:func:`_anchored_at`), and
    the text holds the line. One search of the text answers for every line."""
    for anchor in _GLUE_ANCHORS:  # noqa: SIM110 - a loop of ``in`` tests costs half of any() over a generator
        if anchor in folded_text:
            return True
    return False


def _is_glue_marker(line: str) -> bool:
    """A line that is one of the markers alone (:data:`_GLUE_MARKERS_SPACED`),
    as boilerplate mostly stands: :data:`_GLUED` matches the whole line
    stripped, and :func:`split_glued` leaves it as it is."""
    return line.isascii() and " ".join(line.split()).lower() in _GLUE_MARKERS_SPACED


def _anchored_at(folded: Sequence[str]) -> set[int]:
    """The indices of the ``folded`` lines that hold a marker's anchor
    (:data:`_GLUE_ANCHORS`); a line without one holds no marker.

    Each anchor is looked for in the lines joined by line feeds, which no
    folded line holds (folding turns every run of whitespace into one
    space): most pages have none, and where one is found, the line feeds
    before it count the lines above it.
    """
    joined = "\n".join(folded)
    found: set[int] = set()
    for anchor in _GLUE_ANCHORS:
        at = joined.find(anchor)
        while at >= 0:
            found.add(joined.count("\n", 0, at))
            at = joined.find(anchor, at + 1)
    return found


def _may_be_glued_at(lines: Sequence[str]) -> set[int] | None:
    """The indices of the lines :data:`_GLUED` can be found in, or ``None`` for any.

    The lines are searched joined (a match in one line is a match there,
    and one that spans lines names each of them), in lower case without the
    case-blind flag unless a character of :data:`ASCII_CASE_TWINS` is there.
    The markers are ASCII, and every other character lower-cases to one
    character that neither is nor matches an ASCII letter, as it was, so
    positions in the joined text are those of the lines. Each marker is
    searched for apart (:data:`_GLUED_EACH`), and only where the word it
    ends with, which a match holds as it is written, is in the text.
    """
    text = "\n".join(lines)
    if any(twin in text for twin in ASCII_CASE_TWINS):
        return None if _GLUED.search(text) is not None else set()
    lowered = text.lower()
    found: set[int] = set()
    ends: list[int] = []
    for word, pattern in _GLUED_EACH:
        if word not in lowered:
            continue
        ends = ends or list(itertools.accumulate(len(line) + 1 for line in lines))  # each line's end and its break
        for match in pattern.finditer(lowered):
            first, last = (bisect.bisect_right(ends, at) for at in (match.start(), match.end() - 1))
            found.update(range(first, last + 1))
    return found


def is_appeal_line(line: str) -> bool:
    """The opening line of a donation appeal, or a sentence of one."""
    return _is_appeal(key_of(line))


_APPEAL_LINES = phrases.APPEAL_STARTS + phrases.APPEAL_SENTENCES


def _is_appeal(key: str) -> bool:
    """:func:`is_appeal_line` of a line's key."""
    return key.lstrip(".… ").startswith(phrases.APPEAL_STARTS) or key.startswith(_APPEAL_LINES)


def trailer_start(lines: Sequence[str]) -> int:
    """Index where the trailing, never-article part of the page begins.

    Appeals and tag or disclaimer lines end the article wherever they are;
    "Read more", "Most read" and the like only once running text was seen
    (before it they are menu items), and "Read more" closing an in-article
    related-link box does not end anything.
    """
    seen_text = False
    kind = _kinds()
    for index, line in enumerate(lines):
        kinds = kind(line)
        if not kinds & _TRAILER_KINDS:  # most lines
            seen_text = seen_text or kinds & PARAGRAPH != 0
            continue
        if kinds & ENDS_ARTICLE:
            return index
        if kinds & DEAR and (index + 1 == len(lines) or is_appeal_line(lines[index + 1])):
            return index
        if kinds & TAIL and seen_text and not (kinds & READ_MORE and _closes_box(lines, index)):
            return index
        seen_text = seen_text or kinds & PARAGRAPH != 0
    return len(lines)


def _closes_box(lines: Sequence[str], index: int) -> bool:
    """An in-article box: label ("News", "Opinion"), headline, "Read more"."""
    is_label = lambda line: key_of(line) in phrases.RELATED_LABELS  # noqa: E731
    return pageparts.closes_link_box(lines, index, is_headline=is_headline, is_label=is_label, is_text=is_paragraph)


def related_in_trailer(trailer: Sequence[str]) -> list[Related]:
    """Headlines the "Read more" cluster recommends after the article."""
    kind = _kinds()

    def opens(line: str) -> bool:  # _CLUSTERS.matches, from the key where it is the line folded
        return kind(line) & OPENS_CLUSTER != 0 if len(line) <= KEY_CHARS else _CLUSTERS.matches_folded(fold(line))

    def closes(line: str) -> bool:
        return kind(line) & CLOSES_CLUSTER != 0

    # Nothing is collected before the first line that opens a cluster (the
    # appeal above it is mostly what a trailer holds): reading starts there.
    first = next((index for index, line in enumerate(trailer) if opens(line)), len(trailer))
    titles = pageparts.cluster_headlines(trailer[first:], opens=opens, closes=closes, is_headline=_linked)
    return [Related(title) for title in titles]


def _linked(line: str) -> bool:
    return is_headline(line) and not is_chrome(line)


#: A ticker line or an update stamp (:data:`masthead.extract.pageparts.TICKER`,
#: :data:`~masthead.extract.pageparts.UPDATE_STAMP`): either one matches
#: where this does, in one call instead of two on every line.
_TICKER_OR_STAMP = re.compile(
    f"(?:{pageparts.TICKER.pattern})|(?:{pageparts.UPDATE_STAMP.pattern})", pageparts.TICKER.flags
)
assert pageparts.TICKER.flags == pageparts.UPDATE_STAMP.flags


def is_chrome(line: str) -> bool:
    """Menu items, labels and per-line clutter that never carry article text."""
    return _is_chrome(line, key_of(line))


#: No time note (:func:`masthead_moscow_times.lines.is_time_note`: a few
#: words such as "Last updated:", "2 hours ago", "5 min read" or the build
#: stamp, alone on their line) folds to a longer key: most lines, the
#: paragraphs, are not asked.
_TIME_NOTE_KEY_CHARS = 40
#: How the key of every line :data:`_TICKER_OR_STAMP` matches starts, but
#: for a decimal digit: the ticker's "a"/"an" (which folding keeps, a mark
#: after it aside, which the pattern does not take there), the stamp's dash.
_TICKER_OR_STAMP_STARTS = frozenset(("a", "-"))


def _is_chrome(line: str, key: str) -> bool:
    """:func:`is_chrome` of ``line``, its key given.

    The time notes and the ticker or stamp patterns are asked only of the
    lines whose key may be theirs (:data:`_TIME_NOTE_KEY_CHARS`,
    :data:`_TICKER_OR_STAMP_STARTS`).
    """
    if key in phrases.CHROME_KEYS or key.startswith(phrases.BODY_CLUTTER_PREFIXES):
        return True
    if len(key) <= _TIME_NOTE_KEY_CHARS and is_time_note(line):
        return True
    first = key[:1]
    return (first.isdecimal() or first in _TICKER_OR_STAMP_STARTS) and _TICKER_OR_STAMP.match(line.strip()) is not None


def drop_chrome(lines: Sequence[str]) -> list[str]:
    """Lines without the chrome, except a section word standing between a
    finished sentence and a paragraph: there it is a subhead of the article ("Opposition",
    "Business"), as archive pages print them, and is kept."""
    kind = _kinds()
    kept: list[str] = []
    for index, line in enumerate(lines):
        kinds = kind(line)
        if not kinds & CHROME or (kinds & SECTION and _between_paragraphs(lines, index)):
            kept.append(line)
    return kept


def _between_paragraphs(lines: Sequence[str], index: int) -> bool:
    return 0 < index < len(lines) - 1 and ends_sentence(lines[index - 1]) and is_paragraph(lines[index + 1])


def has_article_furniture(lines: Sequence[str]) -> bool:
    """Appeal, tags or disclaimer: printed under articles only (the newsletter
    box is not: the home page has one too)."""
    # Read from the bottom, where the furniture is: an article's lines are
    # mostly not read at all.
    return any(map(FURNITURE.__and__, map(_kinds(), reversed(lines))))


def looks_like_listing(main: Sequence[str], all_lines: Sequence[str]) -> bool:
    """A section, tag or print-issue page: headlines over short teasers
    (:func:`masthead.extract.listing.reads_as_teasers`), or three headlines
    and a line only listings print. Only asked of pages without an appeal
    or tags (article pages have them)."""
    if any(map(_is_listing_line, all_lines)) and sum(1 for line in main if is_headline(line)) >= 3:
        return True
    # Running text is a bit of each line's kinds (the cleaning passes made
    # them all): a look-up, not the words counted again.
    kind = _kinds()
    return listing.reads_as_teasers(main, is_headline=is_headline, is_text=lambda line: kind(line) & PARAGRAPH != 0)


#: How every line :data:`_LISTING` matches starts, folded: as one of its
#: phrases, or with the "#" its pattern opens with.
_LISTING_STARTS = frozenset({"#", *(phrase[:1] for phrase in (*_LISTING.exact, *_LISTING.prefixes))})
assert all(pattern.pattern.startswith("^#") for pattern in _LISTING.patterns)


def _is_listing_line(line: str) -> bool:
    """``_LISTING.matches(line)``, from the line's key where that is the line
    folded; a key that starts otherwise than :data:`_LISTING_STARTS` is no match."""
    key = key_of(line) if len(line) <= KEY_CHARS else fold(line)
    return key[:1] in _LISTING_STARTS and _LISTING.matches_folded(key)


# --- what each line is ----------------------------------------------------

#: The bits of :func:`kinds_of`: what the cleaning passes ask of a line.
#: Its key is one of the lines every page drops (header, widget).
DROPPED = 1 << 0
#: An appeal's line or a tail prefix: the article ends here (:func:`trailer_start`).
ENDS_ARTICLE = 1 << 1
#: "Dear readers,".
DEAR = 1 << 2
#: One of the tail lines ("Read more", "Most read").
TAIL = 1 << 3
#: "Read more" (a line whose key is :data:`_READ_MORE`).
READ_MORE = 1 << 4
#: Running text (:func:`masthead_moscow_times.lines.is_paragraph`).
PARAGRAPH = 1 << 5
#: May start the newsletter box or be one of its lines (:func:`_strip_newsletter`).
NEWSLETTER = 1 << 6
#: Chrome (:func:`is_chrome`).
CHROME = 1 << 7
#: A section name (a subhead between paragraphs, :func:`drop_chrome`).
SECTION = 1 << 8
#: Furniture only articles carry (:func:`has_article_furniture`).
FURNITURE = 1 << 9
#: Opens a "Read more" cluster (:data:`_CLUSTERS`); asked only of lines up to :data:`KEY_CHARS`.
OPENS_CLUSTER = 1 << 10
#: Closes one: a tail line, an appeal's or "Dear readers,".
CLOSES_CLUSTER = 1 << 11
#: The bits :func:`trailer_start` acts on.
_TRAILER_KINDS = ENDS_ARTICLE | DEAR | TAIL
#: Short lines' kinds, kept from page to page (the outlet's furniture is
#: most of every page's lines): :class:`~masthead.extract.boilerplate.KeptAnswers`.
_KEPT_KINDS: dict[str, int] = {}


def kinds_of(line: str) -> int:
    """What the cleaning passes ask of ``line``, as the bits above: each
    answer depends on the line alone, so one look-up per line and page
    answers every pass (and, for short lines, every later page)."""
    key = key_of(line)
    stripped = key.lstrip(".… ")
    appeal_lines, tail, furniture, cluster = _STARTS_BY_FIRST.get(key[:1], _NO_STARTS)
    # An appeal's line: one of its openings, after any leading dots, or a whole appeal line.
    appeal = stripped.startswith(_APPEAL_STARTS_BY_FIRST.get(stripped[:1], ())) or key.startswith(appeal_lines)
    kinds = 0
    if key in _DROPPED_EVERYWHERE:
        kinds |= DROPPED
    if appeal or key.startswith(tail):
        kinds |= ENDS_ARTICLE
    if key == phrases.DEAR_READERS:
        kinds |= DEAR | CLOSES_CLUSTER
    if key in phrases.TAIL_LINES:
        kinds |= TAIL | CLOSES_CLUSTER
    if key == _READ_MORE:
        kinds |= READ_MORE
    # is_paragraph and, for a line key_of folds whole, _may_be_newsletter,
    # written out: kinds_of is asked of every new line of every page.
    if len(line) >= _PARAGRAPH_MIN_CHARS and len(line.split(None, 11)) >= 12 and ends_sentence(line):
        kinds |= PARAGRAPH
    whole = len(line) <= _NEWSLETTER_WHOLE
    if key[:_NEWSLETTER_WIDTH] in _NEWSLETTER_STARTS if whole else _may_be_newsletter(line, key):
        kinds |= NEWSLETTER
    if _is_chrome(line, key):
        kinds |= CHROME
    if key in phrases.SECTION_LINES:
        kinds |= SECTION
    if appeal or key.startswith(furniture):
        kinds |= FURNITURE
    if appeal:
        kinds |= CLOSES_CLUSTER
    if cluster and len(line) <= KEY_CHARS and key.startswith(cluster) and _CLUSTERS.matches_folded(key):
        kinds |= OPENS_CLUSTER
    return kinds


def _by_first(*families: tuple[str, ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """For each first character of a phrase of ``families``, each family's
    phrases that start with it: a key starts with one of a family's phrases
    only if it is among those of its own first character."""
    assert all(phrase for family in families for phrase in family)  # "" starts every key
    firsts = {phrase[:1] for family in families for phrase in family}
    return {first: tuple(tuple(p for p in family if p[:1] == first) for family in families) for first in firsts}


#: Every phrase of :data:`_CLUSTERS` starts the keys it matches (it has
#: only whole lines, which may trail stops, and prefixes).
assert not _CLUSTERS.contains and not _CLUSTERS.patterns
#: The families :func:`kinds_of` asks a key to start with, by its first
#: character: appeals' lines, tail prefixes, furniture, cluster openers.
_STARTS_BY_FIRST = _by_first(
    _APPEAL_LINES,
    phrases.TAIL_PREFIXES,
    phrases.ARTICLE_ONLY_PREFIXES,
    tuple(sorted({*_CLUSTERS.exact, *_CLUSTERS.prefixes})),
)
_NO_STARTS: tuple[tuple[str, ...], ...] = ((), (), (), ())
#: The appeals' openings (asked of a key without its leading dots and spaces), likewise.
_APPEAL_STARTS_BY_FIRST = {first: family for first, (family,) in _by_first(phrases.APPEAL_STARTS).items()}
#: The shortest line of twelve words (:func:`masthead_moscow_times.lines.is_paragraph`):
#: twelve one-character words, eleven spaces between them.
_PARAGRAPH_MIN_CHARS = 23


def _kinds() -> Callable[[str], int]:
    """:func:`kinds_of` of each line, kept for the page being read (:func:`masthead_moscow_times.lines.page_memo`)."""
    memo = page_answers()
    kinds = memo.kinds
    if kinds is None:
        kinds = memo.kinds = KeptAnswers(kinds_of, _KEPT_KINDS)
    return kinds.__getitem__


# --- head -----------------------------------------------------------------


def read_head(lines: Sequence[str], parsed: Fields, *, guess_head: bool) -> int:
    """Read headline, standfirst, byline, date and lead caption; return where the body starts.

    The standfirst is printed above the byline and date: a line after them
    is the first paragraph (archive pages have no standfirst), never taken
    for one.
    """
    index = _skip_to_title(lines, parsed, guess_head=guess_head)
    after_byline = dated = False
    while index < len(lines):
        line = lines[index]
        if _EDITOR_NOTE.match(line):
            break
        if _repeats(line, parsed.title) or _repeats(line, parsed.subtitle):
            index += 1
            continue
        names = byline_names(line)
        role = byline_role(line) if after_byline else None
        after_byline = names is not None
        dated = dated or names is not None
        if names is not None:
            _add_byline(parsed, names)
        elif role is not None:
            parsed.attributions.extend(role)
        elif (when := date_of_line(line)) is not None:
            parsed.published = parsed.published or when
            dated = True
        elif is_caption(line):
            parsed.captions.append(line)
        elif (
            guess_head
            and parsed.subtitle is None
            and not parsed.captions
            and not dated
            and _standfirst_fits(lines, index, parsed.title)
        ):
            parsed.subtitle = line
        elif (
            guess_head
            and parsed.subtitle is not None
            and not parsed.captions
            and (taken := pageparts.lead_caption_lines(lines, index, is_credit=is_bare_credit, is_headline=is_headline))
        ):
            parsed.captions.append(" ".join(lines[index : index + taken]))
            index += taken - 1
        else:
            break
        index += 1
    return index


def _add_byline(parsed: Fields, names: list[str]) -> None:
    """Authors of a byline to ``authors``, wire agencies in it to ``attributions``."""
    authors, agencies = split_people(names)
    parsed.authors.extend(a for a in authors if a not in parsed.authors)
    parsed.attributions.extend(a for a in agencies if a not in parsed.attributions)


def _skip_to_title(lines: Sequence[str], parsed: Fields, *, guess_head: bool) -> int:
    """Find the headline line (:func:`masthead.extract.pageparts.title_in_run`
    without a hint); return the index after it (0 if there is none)."""
    if not guess_head:
        return 0
    if parsed.title is not None:
        key = key_of(parsed.title)
        return next((index + 1 for index, line in enumerate(lines[:10]) if key_of(line) == key), 0)
    at = pageparts.title_in_run(lines, is_headline=_head_title, skip=lambda index: _is_kicker(lines, index))
    if at is None:
        return 0
    parsed.title = lines[at]
    return at + 1


def _head_title(line: str) -> bool:
    return is_headline(line) and not _is_head_line(line)


def _is_head_line(line: str) -> bool:
    """A byline or a date line."""
    return byline_names(line) is not None or date_of_line(line) is not None


def _is_kicker(lines: Sequence[str], index: int) -> bool:
    """A short lower-case label over the headline (:func:`masthead.extract.pageparts.is_kicker`)."""
    not_kicker = lambda line: ends_sentence(line) or is_caption(line)  # noqa: E731
    return pageparts.is_kicker(lines, index, is_headline=is_headline, not_kicker=not_kicker)


def _standfirst_fits(lines: Sequence[str], index: int, title: str | None) -> bool:
    """The standfirst rather than the first paragraph (:func:`masthead.extract.pageparts.standfirst_fits`)."""
    return pageparts.standfirst_fits(
        lines,
        index,
        titled=title is not None,
        is_caption=is_caption,
        is_head_line=_is_head_line,
        is_headline=is_headline,
    )


def _repeats(line: str, text: str | None) -> bool:
    return text is not None and key_of(line) == key_of(text)


# --- body -----------------------------------------------------------------


def read_body(lines: Sequence[str], parsed: Fields) -> None:
    """Sort the body lines: paragraphs, inline captions, credits, see-also links.

    A byline or date line left here (the head ended early, as when a dump is
    cut right after it) still goes to its field: neither is ever text.
    """
    repeated = {key_of(text) for text in (parsed.title, parsed.subtitle) if text is not None}  # neither changes here
    answers = page_answers()
    key, caption = answers.keys.__getitem__, answers.captions.__getitem__  # key_of and is_caption of each line
    for line in lines:
        if (line_key := key(line)) in repeated:
            continue
        if line.startswith("By ") and (byline := byline_names(line)) is not None:  # no other line is a byline
            _add_byline(parsed, byline)
        elif parsed.published is None and len(parsed.body) <= 1 and (when := date_of_line(line)) is not None:
            parsed.published = when
        elif caption(line):
            parsed.captions.append(line)
        elif _may_credit(line, line_key) and (names := attribution_names(line)) is not None:
            parsed.attributions.extend(names)
        elif (see_also := _SEE_ALSO.match(line)) and len(line.split(None, 30)) <= 30:
            parsed.related.append(Related(see_also.group("title")))
        else:
            parsed.body.append(line)


#: The words :func:`masthead.extract.bylines.reporting_credits` looks for
#: in an ASCII line in lower case ("Includes reporting from AFP.",
#: "Reuters contributed reporting."): a line without either credits nobody.
_CREDIT_WORDS = ("reporting", "contributed")


def _may_credit(line: str, key: str) -> bool:
    """Whether ``line`` (its key ``key``) may be a reporting credit
    (:func:`masthead_moscow_times.lines.attribution_names`).

    An ASCII line's key is the line in lower case, its whitespace made
    single spaces, which keeps every word without a space whole: a line
    folded whole whose key lacks the words lacks them in lower case, and
    the credit rule turns it down (after splitting it into words).
    """
    return key_is_cut(line) or not line.isascii() or _CREDIT_WORDS[0] in key or _CREDIT_WORDS[1] in key


def add_warnings(parsed: Fields, *, trailer_found: bool) -> None:
    """Say what an ordinary Moscow Times article has and this page lacks."""
    if parsed.title is None:
        parsed.warnings.append("title_missing: the page has no headline line")
    if not trailer_found and parsed.body and not ends_sentence(parsed.body[-1]):
        parsed.warnings.append("body_truncated: the last paragraph stops mid-sentence")
