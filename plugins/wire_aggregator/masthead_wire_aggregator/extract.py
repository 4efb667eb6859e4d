"""The line-level parser shared by text dumps and HTML pages.

Input is a sequence of normalized lines (a dump's non-blank lines, or the
block texts of the HTML article container). The page is read in three
regions:

``header``
    lines before the first paragraph of running text: site menus, the title
    (if the page shows one), the ``Wednesday, May 4, 2016 1:12 PM UTC``
    dateline, a ``By ...`` byline, the comment counter and photo credits.
``body``
    paragraphs up to the first line of page furniture (the EconoTimes
    disclaimer, "Comment", "Editor's Picks", "Market Data", the sign-up
    box...).
``ticker``
    the trailing run of unrelated headlines EconoTimes prints under every
    story: short lines without a full stop, mostly in title case, the last
    one possibly cut mid-word. Dropped, never body.

The "Featured Post" sidebar (headline, ``By ...``, teaser cut with an
ellipsis) that tops index pages and some dumps is lifted out first; a page
that is nothing but such teasers and headlines is a listing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs

from masthead.extract import shapes as toolkit_shapes
from masthead.extract.agencies import agency_named, credited_agencies
from masthead.extract.boilerplate import KeptAnswers
from masthead.extract.fields import Fields
from masthead.extract.lists import TEASER_ENDINGS, headed_lists, is_teaser, teaser_trios, trailing_run
from masthead.extract.shapes import ends_with_stop, headline_shaped
from masthead.extract.text import fold
from masthead_wire_aggregator import shapes

_MIN_LISTING_HEADLINES = 4
_MIN_LISTING_TEASERS = 3
#: The title, dateline, byline and credits sit right above the text; only
#: this many header lines are read for them (menus and banners come first).
_HEADER_WINDOW = 40


@attrs.frozen
class Extraction:
    """What the lines of one page yield."""

    title: str | None = None
    published: str | None = None
    authors: tuple[str, ...] = ()
    #: Agencies named as the byline ("By Reuters"), not people.
    byline_agencies: tuple[str, ...] = ()
    body: tuple[str, ...] = ()
    captions: tuple[str, ...] = ()
    ticker: tuple[str, ...] = ()
    #: Headlines of the "Related Stories" list above the text.
    related: tuple[str, ...] = ()
    #: How many "Featured Post" teasers were lifted out of the page.
    teasers: int = 0
    listing: bool = False
    #: Agencies the body credits (:func:`masthead.extract.agencies.credited_agencies`),
    #: read once for detection and the draft alike; empty for a listing or a
    #: page without body, which are no article.
    credited: tuple[str, ...] = ()

    @property
    def truncated(self) -> bool:
        """Whether the last paragraph stops mid-sentence (dump cut short)."""
        return bool(self.body) and not ends_with_stop(self.body[-1]) and not self.body[-1].endswith(":")


#: The "Related Stories" list sits above the story (under the title on
#: current pages): its headlines must neither become the title nor reach the body.
_RELATED_HEADINGS = frozenset(fold(h) for h in ("Related Stories", "Related Articles", "Related News"))


#: The word every heading of :data:`_RELATED_HEADINGS` holds.
_RELATED = "related"


def _may_head_list(text: str, folded_text: str | None) -> bool:
    """Whether a line of ``text`` (folded: ``folded_text``, if known) may be
    one of :data:`_RELATED_HEADINGS`.

    Folded, such a line holds :data:`_RELATED`. An ASCII text folds to its
    lower case with its spaces collapsed, so the word is in it lower-cased;
    folding other characters may spell it (full-width letters), so a text
    that holds any, and is not given folded, is searched line by line.
    """
    if folded_text is not None:
        return _RELATED in folded_text
    return not text.isascii() or _RELATED in text.lower()


#: What a line is, one bit per question :mod:`masthead_wire_aggregator.shapes`
#: answers of it (see :func:`_line_facts`).
_PARAGRAPH = 1  # shapes.paragraph_shaped
_CAPTION = 1 << 1  # shapes.is_caption
_STOP = 1 << 2  # shapes.is_stop
_MENU = 1 << 3  # shapes.is_menu
_WIDGET = 1 << 4  # shapes.is_widget
_HEADLINE = 1 << 5  # masthead.extract.shapes.headline_shaped
_DATED = 1 << 6  # shapes.parse_dateline gives a date
_BYLINE = 1 << 7  # shapes.parse_byline gives names
_TEASER = 1 << 8  # masthead.extract.lists.is_teaser
#: Headline-shaped lines only: a word count is worked out for them alone.
_UNSTOPPED_HEADLINE = 1 << 9  # headline-shaped, no sentence ending ("... for comment?")
_TITLE_CANDIDATE = 1 << 10  # headline-shaped, three words or more, no furniture, dateline or byline

_CHROME = _MENU | _WIDGET  # neither is ever a line longer than shapes.LABEL_CHARS
_FURNITURE = _CHROME | _CAPTION | _STOP
#: What the site prints under a title: a dateline or a byline ...
_HEAD_LINE = _DATED | _BYLINE
#: ... or a widget label (the comment counter) or a photo caption.
_INTRODUCES = _HEAD_LINE | _WIDGET | _CAPTION
_TITLE_RATIO = 0.6

#: A line's facts: its bits, its date (:func:`shapes.parse_dateline`) and
#: its byline's names (:func:`shapes.parse_byline`).
Facts = tuple[int, str | None, tuple[str, ...] | None]


def _line_facts(line: str) -> Facts:
    """Every answer a page's reading may want of ``line``, worked out at once.

    Reading a page asks up to a dozen questions of each line (the header is
    scanned for the body's start, the title, the lead and the dateline; the
    body for stops, chrome, captions, the ticker and a listing's shape).
    Asked one at a time, each first asking of a line on a page is a Python
    call of its own; all at once, a line costs one look-up per page and
    each question a bit test. The word count, which costs most on a long
    line, is taken only of headline-shaped lines, which are short: of no
    other line is it ever wanted. The title-case ratio is asked apart
    (:class:`_Shapes`): it costs more than all the rest, and no rule needs
    it of about a third of the headline-shaped lines.
    """
    moment = shapes.parse_dateline(line)
    names = shapes.parse_byline(line)
    bits = (
        (_PARAGRAPH if shapes.paragraph_shaped(line) else 0)
        | (_CAPTION if shapes.is_caption(line) else 0)
        | (_DATED if moment else 0)
        | (_BYLINE if names is not None else 0)
        | (_TEASER if is_teaser(line) else 0)
    )
    labels = shapes.label_facts(line)
    if labels:
        bits |= (
            (_STOP if labels & shapes.STOP_LABEL else 0)
            | (_MENU if labels & shapes.MENU_LABEL else 0)
            | (_WIDGET if labels & shapes.WIDGET_LABEL else 0)
        )
    if headline_shaped(line):
        bits |= _HEADLINE
        if not ends_with_stop(line):
            bits |= _UNSTOPPED_HEADLINE
        if len(line.split()) >= 3 and not bits & (_FURNITURE | _HEAD_LINE):
            bits |= _TITLE_CANDIDATE
    return bits, moment, names


#: The answers for short lines, kept across pages: the headlines of
#: EconoTimes' ticker are the same under every story the site publishes
#: while they are on it (17 of the 25 lines of a typical dump), as are its
#: menus, widget labels and furniture. By question.
_KEPT_FACTS: dict[str, Facts] = {}
_KEPT_TITLE_CASE: dict[str, float] = {}
_KEPT_HEADLINES: dict[str, bool] = {}
#: Every store above, for a reader that must forget them all.
_KEPT = (_KEPT_FACTS, _KEPT_TITLE_CASE, _KEPT_HEADLINES)


class _Shapes:
    """The answers of one page's lines, each line's worked out once.

    ``facts[line][0]`` holds a line's bits (:func:`_line_facts`); the page's
    reading tests them in its loops. A headline's title-case ratio costs
    more than all its bits and only some are asked for it: it is asked
    apart (``title_case``). The methods say the same of one line, for the
    toolkit's readers that take a predicate. One instance serves one call
    of :func:`extract` and goes with it; the answers for short lines outlive
    it (:class:`~masthead.extract.boilerplate.KeptAnswers`).
    """

    __slots__ = ("_headlines", "facts", "title_case")

    def __init__(self) -> None:
        self.facts: KeptAnswers[Facts] = KeptAnswers(_line_facts, _KEPT_FACTS)
        self.title_case: KeptAnswers[float] = KeptAnswers(shapes.title_case_ratio, _KEPT_TITLE_CASE)
        # A function of the two stores, not a bound method: the page's answers
        # then hold no reference back to this object, which is freed as soon
        # as its page is read, not by the cycle collector.
        headlines = _headline_reader(self.facts, self.title_case)
        self._headlines: KeptAnswers[bool] = KeptAnswers(headlines, _KEPT_HEADLINES)

    def has(self, line: str, bits: int) -> bool:
        """Whether ``line`` is any of ``bits``."""
        return bool(self.facts[line][0] & bits)

    def headline(self, line: str) -> bool:
        return bool(self.facts[line][0] & _HEADLINE)

    def is_byline(self, line: str) -> bool:
        return bool(self.facts[line][0] & _BYLINE)

    def ticker(self, line: str) -> bool:
        """:func:`shapes.ticker_headline`: headline-shaped, and in title case."""
        return bool(self.facts[line][0] & _HEADLINE) and self.title_case[line] >= shapes.TICKER_RATIO

    def ticker_shaped(self, line: str) -> bool:
        """Headline-shaped, and not a sentence that ends like one ("... for comment?")."""
        bits = self.facts[line][0]
        return bool(bits & _UNSTOPPED_HEADLINE) or (bool(bits & _HEADLINE) and self.ticker(line))

    def ticker_item(self, line: str) -> bool:
        """:meth:`ticker_shaped`, or a ticker headline the site printed with a
        full stop ("Gold Prices Hit Record High as Dollar Weakens."): one
        such line must not split the run and leave its first part as text."""
        if self.ticker_shaped(line):
            return True
        stopped = len(line) <= _STOPPED_TICKER_CHARS and line.endswith(".") and not line.endswith("..")
        return stopped and self.ticker(line[:-1])

    def related_item(self, line: str) -> bool:
        return self.facts[line][0] & (_HEADLINE | _CAPTION) == _HEADLINE

    def reads_as_headline(self, line: str) -> bool:
        """Full title case, or a sentence-case headline; not a line of wire copy."""
        return self._headlines[line]


def _headline_reader(facts: KeptAnswers[Facts], title_case: KeptAnswers[float]) -> Callable[[str], bool]:
    """:meth:`_Shapes.reads_as_headline`'s question, asked of a page's answers."""

    def reads_as_headline(line: str) -> bool:
        full = title_case[line] == 1.0 and not toolkit_shapes.reads_as_sentence(line)
        # a sentence-case headline is headline-shaped first, as answered already
        return full or (bool(facts[line][0] & _HEADLINE) and toolkit_shapes.sentence_case_headline(line))

    return reads_as_headline


def _body_start(lines: Sequence[str], shape: _Shapes) -> int:
    """Index of the first paragraph of running text (``len(lines)`` if none).

    A headline that ends with a question or exclamation mark looks like a
    sentence; it is still a title when it is in title case or when the
    dateline or byline follows it.
    """
    facts = shape.facts
    for index, line in enumerate(lines):
        bits = facts[line][0]
        if not bits & _PARAGRAPH or bits & (_FURNITURE | _HEAD_LINE):
            continue
        if bits & _HEADLINE and (shape.title_case[line] >= shapes.TICKER_RATIO or _dated_next(lines, index, shape)):
            continue
        return index
    return len(lines)


def _dated_next(lines: Sequence[str], index: int, shape: _Shapes) -> bool:
    """Whether the next line that is not site chrome is a dateline or byline."""
    for line in lines[index + 1 : index + 4]:
        bits = shape.facts[line][0]
        if not bits & _CHROME:
            return bool(bits & _HEAD_LINE)
    return False


def _pick_title(header: Sequence[str], shape: _Shapes) -> str | None:
    """The page's own headline among the header lines, if it shows one.

    A candidate is headline-shaped and either in title case, or directly
    followed by the dateline, byline, counter or caption that EconoTimes
    prints under its titles, or — when nothing but the text follows — a
    sentence-case line that reads as a headline rather than as the first
    sentence of the story (which is never promoted). The last such candidate
    wins: menus and banners come before the title.
    """
    facts = shape.facts
    following: str | None = None  # the next non-menu line, scanning backwards
    for line in reversed(header):
        bits = facts[line][0]
        if bits & _TITLE_CANDIDATE and _titled(line, following, shape):
            return line
        if not bits & _MENU:
            following = line
    return None


def _titled(line: str, following: str | None, shape: _Shapes) -> bool:
    """Whether candidate ``line``, with ``following`` under it, is the title.

    With the text right under it, a line must be in full title case or read
    as a sentence-case headline: a name-heavy first sentence that lost its
    full stop ("Russian President Vladimir Putin and ... met on Monday") is
    neither.
    """
    if following is None:
        return shape.reads_as_headline(line)
    return shape.title_case[line] >= _TITLE_RATIO or shape.has(following, _INTRODUCES)


def _unpunctuated_lead(header: Sequence[str], title: str | None, shape: _Shapes) -> int:
    """How many header lines at its end are the story's first sentence(s).

    A first paragraph that lost its full stop is not paragraph-shaped and
    lands in the header; when it does not read as a headline it is no title
    — and it is text, so it goes back to the body.
    """
    facts = shape.facts
    count = 0
    for line in reversed(header):
        if line == title:
            break
        bits = facts[line][0]
        if not bits & _HEADLINE or shape.reads_as_headline(line):
            break
        if bits & (_FURNITURE | _INTRODUCES):  # what the site prints above the text
            break
        count += 1
    return count


#: A headline of the ticker is no longer than this (a paragraph may end with a full stop too).
_STOPPED_TICKER_CHARS = 160


def _split_ticker(body: list[str], shape: _Shapes) -> tuple[list[str], list[str]]:
    """Split the trailing run of ticker headlines off the body paragraphs.

    The run (:func:`masthead.extract.lists.trailing_run`) is of headline-shaped
    lines, the very last one maybe cut mid-word, and at least half in title
    case — all of it when it is two lines, so the items of a short closing
    list stay body. Sentence-case lines that read as headlines (the site's
    older titles) join a run of two or more; a last paragraph that lost its
    full stop reads as a sentence and stays.
    """
    start = trailing_run(
        body,
        shaped=shape.ticker_item,
        strong=shape.ticker,
        cut=lambda line: shapes.ticker_headline(line, may_be_cut=True),
        joins=shape.reads_as_headline,
    )
    return body[:start], body[start:]


def _looks_like_listing(body: Sequence[str], teasers: int, shape: _Shapes, *, cut: bool = True) -> bool:
    """Headlines and teasers cut with an ellipsis, no story: an index page.

    ``teasers`` counts the "Featured Post" trios already lifted out; with
    them, a page whose remaining lines hold no finished paragraph is a
    listing, while a story printed after the sidebar is still a story.
    ``cut`` false says that no line ends with an ellipsis.
    """
    facts = shape.facts
    cuts = paragraphs = 0
    for line in body:
        bits = facts[line][0]
        if cut and bits & _TEASER:
            cuts += 1
        elif bits & _PARAGRAPH:
            paragraphs += 1
    if ((teasers or cuts) and not paragraphs) or cuts >= _MIN_LISTING_TEASERS:
        return True
    return _headlines_reach(body, max(_MIN_LISTING_HEADLINES, paragraphs), shape)


def _headlines_reach(body: Sequence[str], needed: int, shape: _Shapes) -> bool:
    """Whether at least ``needed`` lines of ``body`` are ticker headlines.

    Counting stops as soon as the answer is known: a story's body is mostly
    paragraphs, so its first few lines already show that the rest cannot
    make up the count.
    """
    found = 0
    for index, line in enumerate(body):
        if found + len(body) - index < needed:
            return False
        if shape.ticker(line):
            found += 1
        if found >= needed:
            return True
    return False


def _repeat_key(line: str) -> str:
    """Comparison key for repeats of the title (as alt text, or a caption with a full stop)."""
    return fold(line).rstrip(" .:")


def _take(found: Fields, line: str, facts: Facts) -> bool:
    """Keep ``line`` (its ``facts``) in ``found`` if it is a dateline, byline
    or caption; say whether it was.

    An agency named as the byline ("By Reuters") is an attribution, not an author.
    """
    bits, moment, names = facts
    if moment is not None:
        found.take_date(moment)
        return True
    if names is not None:
        for name in names:
            agency = agency_named(name)
            (found.attributions if agency else found.authors).append(agency or name)
        return True
    if bits & _CAPTION:
        found.captions.append(line)
        return True
    return False


def extract(lines: Sequence[str], *, known_title: str | None = None, folded_text: str | None = None) -> Extraction:
    """Read one page's lines into title, date, byline, body and captions.

    ``folded_text`` is the lines folded and joined (:attr:`masthead.Page.folded_text`),
    when the caller has it: a heading that no line holds is then not
    looked for line by line.
    """
    # "Featured Post" teasers (headline, "By ...", teaser) and the "Related Stories" list go first
    shape = _Shapes()
    facts = shape.facts
    text = "\n".join(lines)
    # Teasers end with an ellipsis and the related lists open under their
    # heading: a page holding neither anywhere is spared both searches.
    cut = any(ending in text for ending in TEASER_ENDINGS)
    sidebar = teaser_trios(lines, headline=shape.headline, byline=shape.is_byline) if cut else set()
    lists = headed_lists(lines, _RELATED_HEADINGS, item=shape.related_item) if _may_head_list(text, folded_text) else []
    related = tuple(line for span in lists for line in lines[span.start + 1 : span.end])
    if sidebar or lists:
        taken = sidebar.union(*(range(span.start, span.end) for span in lists))
        lines = [line for index, line in enumerate(lines) if index not in taken]
    start = _body_start(lines, shape)
    header = lines[max(0, start - _HEADER_WINDOW) : start]
    title = known_title or _pick_title(header, shape)
    lead = _unpunctuated_lead(header, title, shape)
    if lead:
        header, start = header[:-lead], start - lead

    meta = Fields()  # dateline, byline and captions, as the lines are read
    for line in header:
        _take(meta, line, facts[line])

    title_key = _repeat_key(title) if title else None
    body: list[str] = []
    for line in lines[start:]:
        found = facts[line]
        bits = found[0]
        if bits & _STOP:
            break
        if bits & _CHROME or (
            title_key is not None and len(line) < 2 * len(title_key) + 8 and _repeat_key(line) == title_key
        ):
            continue
        if bits & _CAPTION:
            meta.captions.append(line)
            continue
        if not bits & _PARAGRAPH and _take(meta, line, found):
            continue
        body.append(line)

    body, ticker = _split_ticker(body, shape)
    teasers = len(sidebar) // 3
    listing = _looks_like_listing(body, teasers, shape, cut=cut)
    return Extraction(
        title=title,
        published=meta.published,
        authors=tuple(dict.fromkeys(meta.authors)),
        byline_agencies=tuple(dict.fromkeys(meta.attributions)),
        body=tuple(body),
        captions=tuple(dict.fromkeys(meta.captions)),
        ticker=tuple(ticker),
        related=related,
        teasers=teasers,
        listing=listing,
        credited=credited_agencies(body) if body and not listing else (),
    )
