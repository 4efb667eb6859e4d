"""How sure we are that an unlabeled page is The Moscow Times'.

Evidence, strongest first: the outlet's own boilerplate printed as a line of
its own (header teaser, donation appeal, newsletter blurb, opinion
disclaimer), the page declaring itself (``og:site_name``, ``@MoscowTimes``,
a themoscowtimes.com address), the site's markup classes, and weaker phrases
other sites might share. A mere mention of "The Moscow Times" inside a
sentence, as other outlets print when they cite it, counts for nothing.
"""

from __future__ import annotations

import functools
import weakref
from collections.abc import Sequence
from operator import itemgetter

from masthead import Page
from masthead.extract import pageparts
from masthead.extract.boilerplate import Phrases, recall
from masthead.extract.text import ends_of, fold
from masthead_moscow_times import phrases
from masthead_moscow_times.lines import KEY_CHARS, key_is_cut, key_of
from masthead_moscow_times.parsing import may_hold_glued, split_glued_lines

#: Lines looked at; boilerplate sits at the top and the bottom of a page.
_HEAD_LINES = 60
_TAIL_LINES = 200
#: The site's menu: this many of its own section names, in a run of this
#: many menu lines at the top of the page.
_MENU_OWN = 2
_MENU_RUN = 5
#: Markup of the site's templates that generic BEM names would not produce:
#: its own class names and the ``y-use`` attributes of its script framework.
_MARKUP = (
    *(".article__featured-image", ".byline__author__name", ".contribute-teaser", ".article-excerpt-default"),
    "[y-use]",
)
_DOMAINS = ("themoscowtimes.com", "moscowtimes.ru")
assert all("moscowtimes" in domain for domain in _DOMAINS)
#: Every line that is evidence starts with one of these.
_EVIDENCE = (*phrases.STRONG_LINES, *phrases.STRONG_PREFIXES, *phrases.GOOD_LINES, *phrases.WEAK_EVIDENCE)
#: How they open, as far as the shortest of them goes: a line whose key
#: opens otherwise is no evidence (see :func:`_evidence`).
_EVIDENCE_WIDTH = min(map(len, _EVIDENCE))
_EVIDENCE_OPENINGS = frozenset(phrase[:_EVIDENCE_WIDTH] for phrase in _EVIDENCE)
_OPENING = itemgetter(slice(None, _EVIDENCE_WIDTH))
#: For each opening, the strong prefixes and the weak phrases that open so:
#: a key can start with no other of them.
_OPENS = {
    opening: (
        tuple(p for p in phrases.STRONG_PREFIXES if p.startswith(opening)),
        tuple(p for p in phrases.WEAK_EVIDENCE if p.startswith(opening)),
    )
    for opening in _EVIDENCE_OPENINGS
}
#: The site's own menu items as a set: a page's first lines are each looked up in it.
_SITE_MENU = frozenset(phrases.SITE_MENU)
#: Cut short, a strong phrase still counts (at the toolkit's minimum length).
_STRONG = Phrases("strong", exact=phrases.STRONG_LINES, prefixes=phrases.STRONG_PREFIXES)
#: The lines with glued boilerplate split of each dump the detector split
#: whole as the parser does (:func:`split_lines_of`), kept while the page
#: lives: routing scores a dump, then the same page is parsed, perhaps
#: after the other pages of its batch were routed.
_SPLITS: weakref.WeakKeyDictionary[Page, list[str]] = weakref.WeakKeyDictionary()


def split_lines_of(page: Page) -> list[str] | None:
    """``split_glued_lines(page.lines, folded=page.folded_lines)`` if the
    detector made it for this page, else ``None``; handed over once. Made
    only of a dump whose every line is at most
    :data:`~masthead_moscow_times.lines.KEY_CHARS` long."""
    return _SPLITS.pop(page, None)


def _keep_split(page: Page, lines: list[str]) -> None:
    """Keep ``lines`` as the split lines of ``page`` (:func:`split_lines_of`)."""
    _SPLITS[page] = lines


def score(page: Page) -> float:
    """A confidence in [0, 1]; 0.9 and above only on the outlet's own boilerplate or self-declaration."""
    return max(_text_score(page), _html_score(page) if page.is_html else 0.0, _url_score(page.url))


def _keys(lines: Sequence[str], folded: Sequence[str]) -> list[str]:
    """:func:`key_of` of each of ``lines``, taken from ``folded`` (the same
    lines folded whole, :attr:`masthead.Page.folded_lines`, which routing
    folds once per page for every detector) where it folded the same text."""
    return [key_of(line) if key_is_cut(line) else key for line, key in zip(lines, folded, strict=True)]


def _text_score(page: Page) -> float:
    """Boilerplate lines at the top and the bottom of the page."""
    lines, folded = page.lines, page.folded_lines
    if len(lines) <= _HEAD_LINES + _TAIL_LINES:  # most pages: every line is read
        picked, picked_folded = lines, folded
    else:
        picked = lines[:_HEAD_LINES] + lines[-_TAIL_LINES:]
        picked_folded = folded[:_HEAD_LINES] + folded[-_TAIL_LINES:]
    # Most pages have no line long enough for key_of to cut (nor ends_of,
    # which cuts only lines many times longer): the lines are then their
    # own sample and their folded forms their keys.
    short = max(map(len, picked), default=0) <= KEY_CHARS
    keys: Sequence[str]
    head: Sequence[str] | None
    if short and not may_hold_glued(page.folded_text):
        # No line to split (the folded text every detector reads says so
        # for all of them at once): the lines are the sample as they are.
        keys = picked_folded
        head = keys[:_HEAD_LINES]
    else:
        ends = picked if short else [ends_of(line) for line in picked]
        # A line cut to its ends is no longer the line its folded form was made
        # from: the cut may join the two halves of a marker the whole line lacks.
        cut = not short and any(end is not line for end, line in zip(ends, picked, strict=True))
        sample = split_glued_lines(ends, folded=None if cut else picked_folded)
        if short and picked is lines and not page.is_html:  # the whole dump, as the parser splits it
            _keep_split(page, sample)
        if sample == list(picked):
            keys = list(picked_folded) if short else _keys(picked, picked_folded)
            head = keys[:_HEAD_LINES]
        else:
            # The lines the split left whole have their keys folded already.
            known = dict(zip(picked, picked_folded, strict=True)) if short else {}
            keys = [known.get(line) or key_of(line) for line in sample]
            head = None  # the page's own head lines, keyed only if no strong evidence ends the scoring
    strong, good, weak = _evidence(keys)
    if strong:
        return min(0.99, 0.9 + 0.03 * (len(strong) - 1) + 0.01 * len(weak))
    stamped = 0.6 if pageparts.title_over_stamp(lines) is not None else 0.0
    if head is None:
        head = _keys(lines[:_HEAD_LINES], folded[:_HEAD_LINES])
    return max(0.8 if good else 0.0, min(0.8, 0.2 * len(weak)), _cut_evidence(folded), _menu_evidence(head), stamped)


def _evidence(keys: Sequence[str]) -> tuple[set[str], bool, set[str]]:
    """The strong phrases (whole lines, and prefixes), whether a good line,
    and the weak phrases that ``keys`` (folded lines) start with."""
    strong: set[str] = set()
    good = False
    weak: set[str] = set()
    # Most pages have no key opening like a phrase: one pass in C (a set's
    # isdisjoint over the keys' openings) says so before any line is read.
    if _EVIDENCE_OPENINGS.isdisjoint(map(_OPENING, keys)):
        return strong, good, weak
    kept = _KEPT_EVIDENCE
    for key in keys:
        opens = _OPENS.get(key[:_EVIDENCE_WIDTH])
        if opens is None:
            continue
        found = kept.get(key)
        if found is None:
            found = recall(kept, key, functools.partial(_key_evidence, opens=opens))
        if found[0]:
            strong.update(found[0])
        good = good or found[1]
        if found[2]:
            weak.update(found[2])
    return strong, good, weak


#: :func:`_key_evidence` of short keys (the outlet's boilerplate lines,
#: which every page of it prints), kept from page to page as the toolkit's
#: :class:`~masthead.extract.boilerplate.KeptAnswers` keep line answers.
_KEPT_EVIDENCE: dict[str, tuple[tuple[str, ...], bool, tuple[str, ...]]] = {}


def _key_evidence(
    key: str, opens: tuple[tuple[str, ...], tuple[str, ...]]
) -> tuple[tuple[str, ...], bool, tuple[str, ...]]:
    """The strong phrases, whether a good line, and the weak phrases that
    ``key`` is or starts with; ``opens`` are :data:`_OPENS` of its opening."""
    strong = tuple(p for p in opens[0] if key.startswith(p))
    if key in phrases.STRONG_LINES:
        strong = (key, *strong)
    return strong, key in phrases.GOOD_LINES, tuple(p for p in opens[1] if key.startswith(p))


def _menu_evidence(head: Sequence[str]) -> float:
    """The site's navigation menu dumped above the article: a run of menu
    lines holding at least two of the outlet's own section names ("Arts and
    Life", "Meanwhile", "Ukraine War"). Generic names alone prove nothing.
    ``head`` are the keys of the page's first lines."""
    # The own names the run can count are those among the keys: with
    # fewer than two there, no run is worth reading.
    if len(_SITE_MENU.intersection(head)) < _MENU_OWN:
        return 0.0
    best, own = pageparts.menu_run(head, menu=phrases.CHROME_KEYS, own=_SITE_MENU)
    if own < _MENU_OWN or best < _MENU_RUN:
        return 0.0
    return 0.6 if own == _MENU_OWN else 0.7


def _cut_evidence(folded: Sequence[str]) -> float:
    """A dump cut short inside the outlet's boilerplate: its last line is the
    start of a strong phrase ("A Message from The Mos"), long enough not to
    be an accident. ``folded`` are the page's lines folded."""
    return 0.7 if folded and _STRONG.matches_cut_folded(folded[-1]) else 0.0


def _html_score(page: Page) -> float:
    meta = page.meta
    if fold(meta.site_name or "") == fold("The Moscow Times"):
        return 0.95
    if fold(meta.get("twitter:site") or "") == fold("@MoscowTimes"):
        return 0.9
    # A selector can only match where its class or attribute name is spelled
    # in the page (in any case: attribute names are not case-sensitive): a
    # substring test skips the tree walk on every other site.
    source = page.source_text.lower()
    hits = sum(1 for selector in _MARKUP if selector.strip(".[]") in source and page.matches(selector))
    return min(0.85, 0.25 * hits)


def _url_score(url: str | None) -> float:
    """A page archived from the outlet (a mirror or web archive address)."""
    lowered = (url or "").lower()
    # Every domain's name holds "moscowtimes": most addresses are done in one test.
    return 0.9 if "moscowtimes" in lowered and any(f"{domain}/" in lowered for domain in _DOMAINS) else 0.0
