"""One way to say "this page is a listing, not an article".

Category, tag, archive, search and home pages belong to an outlet but hold
teasers, not an article. Their evidence is the same on every site: the body
classes of a WordPress-like theme ("archive", "category"), "Read more"
links under every teaser, a pager ("1 2 3 … 214", "Older posts"), an
archive heading ("Category: Analysis"), and a date under every teaser
where an article shows one. :func:`reject_listing` weighs that evidence and raises
:class:`masthead.NotAnArticle`, which the pipeline records as a rejection
with the reason.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from masthead.errors import NotAnArticle
from masthead.extract.boilerplate import Phrases
from masthead.extract.text import fold

if TYPE_CHECKING:
    from bs4 import BeautifulSoup

    from masthead.extract.document import Page

__all__ = [
    "ARCHIVE_HEADINGS",
    "LISTING_PHRASES",
    "READ_MORE",
    "classes_say_listing",
    "html_says_listing",
    "is_read_more",
    "is_teaser",
    "listing_signals",
    "page_says_listing",
    "reads_as_teasers",
    "reject_blog_listing",
    "reject_listing",
]

#: Teaser links, pager words and archive headings of listing pages.
LISTING_PHRASES = Phrases(
    "listing",
    exact=(
        *("Read more", "Read More »", "Read more »", "Continue reading", "Continue reading →", "Continue reading…"),
        *("Older posts", "Newer posts", "Older Entries", "Newer Entries", "Next page", "Previous page"),
        *("Load more posts", "« Previous", "Next »", "View more articles", "Load more", "Show more"),
    ),
    patterns=(
        r"^(?:(?:category|tag|author|monthly|yearly|daily) archives?\s*:|archives?\s*:\s|archive for\b)",
        r"^(?:category|tag|search results? for|you searched for|articles with tag)\s*:?\s",
        r"^(?:page\s+\d+\s+of\s+\d+|(?:\d+\s+){2,}(?:…\s+|\.\.\.\s+)?\d+(?:\s+next\b.*)?)$",
    ),
)

#: One piece of a pager printed one item a line: "1", "2", "…", "214", "Next »".
_PAGER_PIECE = re.compile(r"^(?:\d{1,4}|…|\.\.\.|next|next\s*[›»]|[›»«‹]|prev(?:ious)?|[‹«]\s*prev(?:ious)?)$")
#: A pager counts as this many signals: article pages have none.
PAGER_WEIGHT = 2
_MIN_PAGER_PIECES = 3
#: This many signals make a listing.
THRESHOLD = 2

_LISTING_BODY_CLASSES = frozenset(
    ("archive", "category", "tag", "search", "search-results", "blog", "home", "paged", "author", "date")
)
_ARTICLE_BODY_CLASSES = frozenset(("single", "single-post", "postid", "article", "page-article"))


def listing_signals(
    lines: Sequence[str], *, phrases: Phrases = LISTING_PHRASES, folded: Sequence[str] | None = None
) -> int:
    """How many lines look like teaser links, pager or archive headings.

    ``folded`` are the lines already folded (:attr:`masthead.Page.folded_lines`
    for a page's own lines), when known: each line is folded once, by the
    caller or here, for both the phrase and the pager tests.
    """
    keys = [fold(line) for line in lines] if folded is None else folded
    return sum(1 for key in keys if phrases.matches_folded(key)) + PAGER_WEIGHT * _pager_runs(keys)


def _pager_runs(keys: Sequence[str]) -> int:
    """Runs of pager pieces, one a line, page numbers going up ("1 2 3 … 214"),
    in the folded lines ``keys``.

    Vote counts in a comment thread are digit lines too, but never three in
    a row counting upwards.
    """
    runs = 0
    run: list[str] = []
    for key in (*keys, ""):
        if key and _PAGER_PIECE.match(key):
            run.append(key)
            continue
        numbers = [int(k) for k in run if k.isdigit()]
        if len(run) >= _MIN_PAGER_PIECES and len(numbers) >= 2 and numbers == sorted(set(numbers)):
            runs += 1
        run = []
    return runs


def html_says_listing(soup: BeautifulSoup | None) -> bool | None:
    """What the ``<body>`` classes say: ``True`` a listing, ``False`` one post, ``None`` nothing."""
    body = soup.body if soup is not None else None
    return None if body is None else classes_say_listing([str(c) for c in body.get("class") or []])


def reject_listing(
    lines: Sequence[str],
    *,
    soup: BeautifulSoup | None = None,
    phrases: Phrases = LISTING_PHRASES,
    is_date: Callable[[str], bool] | None = None,
    threshold: int = THRESHOLD,
    folded: Sequence[str] | None = None,
) -> None:
    """Raise :class:`masthead.NotAnArticle` when the page reads as a listing.

    The ``<body>`` classes decide when they say anything; otherwise teaser
    links, pager and archive headings (:func:`listing_signals`) are counted
    and, when ``is_date`` is given, every dated line after the first as a
    teaser's date (pass it only for the part of the page without comments:
    comment stamps are dates too). The reason names the evidence.
    ``folded`` are ``lines`` already folded, when known (see :func:`listing_signals`).
    """
    says = html_says_listing(soup)
    if says is not None:
        if says:
            raise NotAnArticle("listing page: the body classes say so")
        return
    signals = listing_signals(lines, phrases=phrases, folded=folded)
    if is_date is not None:
        signals += max(0, sum(1 for line in lines if is_date(line)) - 1)
    if signals >= threshold:
        raise NotAnArticle(f"listing page: {signals} teaser links, pager lines or teaser dates")


def classes_say_listing(classes: Iterable[str] | None) -> bool | None:
    """What a page's ``<body>`` classes say (``None`` for a page without a body):
    ``True`` a listing, ``False`` one post, ``None`` nothing."""
    if classes is None:
        return None
    found = set(classes)
    if found & _ARTICLE_BODY_CLASSES or any(c.startswith("postid-") for c in found):
        return False
    if found & _LISTING_BODY_CLASSES:
        return True
    return None


def reads_as_teasers(
    lines: Sequence[str],
    *,
    is_headline: Callable[[str], bool],
    is_text: Callable[[str], bool],
    min_headlines: int = 6,
    share: float = 0.8,
    teaser_words: int = 40,
) -> bool:
    """Whether ``lines`` read as headlines over short teasers, as listings print them.

    An article has one headline and a few subheads over long paragraphs;
    a listing has at least ``min_headlines`` headlines, about as many as
    text lines (``share`` of them), and short teasers (at most
    ``teaser_words`` words on average). Ask it of a page without the
    furniture only articles carry.
    """
    # Neither predicate is asked more than the verdict needs: too few lines
    # or long teasers settle it before any headline test (the costlier one),
    # and headlines are counted only until enough are found or too few lines
    # are left for that.
    if len(lines) < min_headlines:
        return False
    teasers = [len(line.split()) for line in lines if is_text(line)]
    if teasers and sum(teasers) / len(teasers) > teaser_words:
        return False
    return _at_least(lines, is_headline, max(min_headlines, share * len(teasers)))


def _at_least(lines: Sequence[str], predicate: Callable[[str], bool], count: float) -> bool:
    """Whether ``count`` or more of ``lines`` satisfy ``predicate``, which is
    asked of them in order only until the answer is known."""
    found, left = 0, len(lines)
    for line in lines:
        if found >= count or found + left < count:
            break
        left -= 1
        if predicate(line):
            found += 1
    return found >= count


def page_says_listing(page: Page, *, teasers: str | None = None, min_teasers: int = 3) -> bool | None:
    """What an HTML page's markup says: ``True`` a listing, ``False`` one post, ``None`` nothing.

    The ``<body>`` classes decide when they say anything
    (:func:`classes_say_listing`); without a verdict from them,
    ``min_teasers`` or more elements matching CSS ``teasers`` (a theme's
    post teasers, such as ``"article"``) make a listing. Read from the
    page's lxml tree when it has one, so that no BeautifulSoup tree of the
    whole page is built.
    """
    tree = page.tree
    if tree is None:
        soup = page.soup
        says = html_says_listing(soup)
        count = len(soup.select(teasers)) if teasers and soup is not None else 0
    else:
        from masthead.extract.htmlparse import compiled  # with the first HTML page, as Beautiful Soup

        bodies = compiled("body")(tree)
        says = classes_say_listing(str(bodies[0].get("class") or "").split()) if bodies else None
        count = len(compiled(teasers)(tree)) if teasers else 0
    if says is None and teasers and count >= min_teasers:
        return True
    return says


#: The link under a blog teaser, folded, its closing arrow or ellipsis aside.
READ_MORE = frozenset(("read more", "continue reading", "more", "read full article", "read the full article"))
_TEASER_ENDS = (" continue reading", "[...] read more", "[…] read more")
_LINK_END = " .»›>→…"
#: Archive headings and pagers of a blog theme. Unlike :data:`LISTING_PHRASES`,
#: "Category: Tax" alone is none: an article page may print its category that way.
ARCHIVE_HEADINGS = Phrases(
    "archive",
    patterns=(
        r"^((category|tag|author|monthly|yearly|daily) archives?\s*:|archives?\s*:|archive for\b"
        r"|search results for\b|you searched for\b|page \d+ of \d+$|(older|newer) (posts|entries)\b)",
    ),
)
#: A line this long that ends like a sentence is article prose.
_PROSE_WORDS = 25
#: Paragraphs of prose above the page's end that make it an article's page,
#: whatever teasers follow that end: a listing shows one excerpt a teaser.
_ARTICLE_PARAGRAPHS = 3
_TERMINAL = re.compile(r"[.!?…]['\"’”)\]]*$|[:;]$")
_CLOSERS = "'\"’”)]"


def _ends_like_prose(line: str) -> bool:
    """``_TERMINAL.search(line)``, read from the end of ``line`` instead of
    searched from every position of a paragraph: its ``$`` stands at the end
    or before a final line feed, so the line without that feed must end with
    ``:`` or ``;``, or with a sentence end once its closing quotes and
    brackets (none of which ends a sentence) are stripped."""
    text = line[:-1] if line.endswith("\n") else line
    return text.endswith((":", ";")) or text.rstrip(_CLOSERS).endswith((".", "!", "?", "…"))


def _is_prose(line: str) -> bool:
    """A paragraph of article prose: long, and ending like a sentence."""
    return _words_at_least(line, _PROSE_WORDS) and _ends_like_prose(line)


def _prose_at_least(lines: Sequence[str], count: int) -> bool:
    """Whether ``count`` of ``lines`` or more are paragraphs of prose."""
    return sum(1 for _ in itertools.islice(filter(_is_prose, lines), count)) >= count


def _teasing(bylines: int, more: int) -> bool:
    """A run of teasers: two bylines or more, or three "read more" links with at most one byline."""
    return bylines >= 2 or (bylines <= 1 and more >= 3)


def _words_at_least(line: str, count: int) -> bool:
    """``len(line.split()) >= count``, without splitting all of a long line."""
    return len(line.split(None, count - 1)) >= count


def _is_archive_key(key: str) -> bool:
    """:meth:`ARCHIVE_HEADINGS.matches <masthead.extract.boilerplate.Phrases.matches>` of the
    line folded to ``key``: the family has patterns only, searched in the folded line."""
    return bool(key) and any(pattern.search(key) for pattern in ARCHIVE_HEADINGS.patterns)


def is_teaser(line: str) -> bool:
    """A teaser cut by its "Continue reading…" link: an article never links
    to the rest of itself, so one such line makes a listing."""
    return len(line.split()) > 3 and fold(line).rstrip(_LINK_END).endswith(_TEASER_ENDS)


def is_read_more(line: str) -> bool:
    """A teaser's "Read More" link, alone or ending the teaser."""
    return fold(line).rstrip(_LINK_END) in READ_MORE or is_teaser(line)


def reject_blog_listing(
    lines: Sequence[str],
    *,
    is_byline: Callable[[str], bool],
    is_date: Callable[[str], bool],
    ends_page: Callable[[str], bool] | None = None,
    folded: Sequence[str] | None = None,
    ends_article: Callable[[str], bool] | None = None,
) -> None:
    """Raise :class:`masthead.NotAnArticle` when ``lines`` are a blog theme's run of teasers.

    A category, tag or archive page of a WordPress-like theme repeats what
    an article shows once: two bylines or more (``is_byline``, the theme's
    "Posted by" line), three "Read More" links (with at most one byline),
    or any teaser cut by "Continue reading…"; or three dates or more
    (``is_date``: pass a test for a date without a time, as comment stamps
    have one) with fewer paragraphs of prose than dates; or an archive
    heading or pager (:data:`ARCHIVE_HEADINGS`) with no byline and little
    prose. Dates, prose and headings are counted above the first line
    ``ends_page`` accepts (the publisher blurb, the comment area); bylines
    and links are counted above the first line ``ends_article`` accepts
    (an outlet's blurb closing every article, never a comment count, which
    a listing of whole posts prints under each) when three paragraphs of
    prose or more stand above it: an article's page may end with a teaser
    of the next article.
    ``folded`` are ``lines`` already folded (:attr:`masthead.Page.folded_lines`
    when ``lines`` are the page's own), when known.
    """
    bylines = sum(1 for line in lines if is_byline(line))
    # Each line folded once for the link, teaser and archive tests (a page's
    # paragraphs are too long for fold's cache): is_read_more, is_teaser and
    # ARCHIVE_HEADINGS.matches, computed from the same key.
    keys = [fold(line) for line in lines] if folded is None else folded
    ends = [key.rstrip(_LINK_END) for key in keys]
    teasers = [tail.endswith(_TEASER_ENDS) and _words_at_least(line, 4) for line, tail in zip(lines, ends, strict=True)]
    more = sum(1 for tail, teaser in zip(ends, teasers, strict=True) if tail in READ_MORE or teaser)
    end = next((i for i, line in enumerate(lines) if ends_page(line)), len(lines)) if ends_page else len(lines)
    page = lines[:end]
    teasing = _teasing(bylines, more)
    closed = next((i for i, line in enumerate(lines) if ends_article(line)), None) if teasing and ends_article else None
    if closed is not None and _prose_at_least(lines[:closed], _ARTICLE_PARAGRAPHS):
        # An article stands above its closing blurb: teasers below it (the
        # next article, an infinite scroll's, related posts) are other pages'.
        bylines = sum(1 for line in lines[:closed] if is_byline(line))
        more = sum(1 for tail, teaser in zip(ends[:closed], teasers, strict=False) if tail in READ_MORE or teaser)
        teasing = _teasing(bylines, more)
    if teasing or any(teasers[:end]):
        raise NotAnArticle(f"listing page: {bylines} bylines, {more} 'read more' links")
    # Prose and archive headings are read only when the verdict needs them:
    # an article shows fewer than three dates, and a byline or no archive heading.
    dates = sum(1 for line in page if is_date(line))
    if dates < 3 and bylines != 0:
        return
    archive = bylines == 0 and any(_is_archive_key(key) for key in keys[:end])
    if dates < 3 and not archive:
        return
    prose = sum(1 for line in page if _is_prose(line))
    if dates >= 3 and (prose < dates or archive):
        raise NotAnArticle(f"listing page: {dates} datelines, {prose} paragraphs")
    if archive and prose < 2:
        raise NotAnArticle("listing page: archive heading or pager and no article prose")
