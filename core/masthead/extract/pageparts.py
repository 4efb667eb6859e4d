"""The parts of a news page read from its lines: head, link boxes, clusters.

A page dump (or the block texts of unknown markup) has no elements to say
where the headline is, which lines are the lead photo's caption, or which
headlines are in-article link boxes and "Read more" clusters rather than
text. News sites print these parts in the same few shapes, so the readers
here find them by shape; the outlet passes its own line predicates
(its headline rule, its photo credits, its labels), and every reader
answers "none" when unsure, leaving the line to the body.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Sequence

from masthead.extract import shapes

__all__ = [
    "TICKER",
    "TIME_STAMP",
    "UPDATE_STAMP",
    "closes_link_box",
    "cluster_headlines",
    "is_kicker",
    "lead_caption_lines",
    "menu_run",
    "opens_with_dateline",
    "standfirst_fits",
    "take_link_boxes",
    "title_in_run",
    "title_over_stamp",
]

Predicate = Callable[[str], bool]

#: "Mar 14, 2017 — 16:40": date and time printed under a headline.
TIME_STAMP = re.compile(r"^[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}\s*[—–-]\s*\d{1,2}:\d{2}$")
#: "— Update: 18:05" under such a stamp.
UPDATE_STAMP = re.compile(r"^[—–-]\s*Updated?:?\s*\d{1,2}:\d{2}$", re.IGNORECASE)
#: "2 hours ago <headline>": a line of a site's news ticker.
TICKER = re.compile(r"^(?:\d{1,3}|an?)\s+(?:minute|hour|day)s?\s+ago\s+\S", re.IGNORECASE)
#: "MOSCOW —" or "ST. PETERSBURG -" opening a news paragraph.
_DATELINE = re.compile(r"^[A-Z][A-Z.'’ ]{2,}(?:,\s*[A-Z][\w .'’-]+)?\s*[—–-]{1,2}\s+\S")
#: Quotation or reporting: a sentence of the article, not a photo caption.
_QUOTED_OR_REPORTED = re.compile(r"[\"“”«»]|\b(?:said|says|told|according to|reported|announced)\b", re.IGNORECASE)


def opens_with_dateline(line: str) -> bool:
    """Whether ``line`` opens with a news dateline ("MOSCOW — ...")."""
    return bool(_DATELINE.match(line))


def _more_words(line: str, count: int) -> bool:
    """Whether ``line`` has more than ``count`` words: ``len(line.split()) > count``,
    without splitting a long line past the word that settles it."""
    return len(line.split(None, count)) > count


def title_over_stamp(lines: Sequence[str], *, head_lines: int = 80, max_words: int = 25) -> int | None:
    """Where the headline is on a page that prints it over a time stamp, below a ticker.

    Some layouts print section menus and a "2 hours ago <headline>" ticker
    (often twice), featured headlines under section labels, then the
    headline over a "Mar 14, 2017 — 16:40" stamp and a "— Update: 18:05"
    line. With a ticker line or the update stamp at or above the first
    stamp, the headline is the line over the stamp (or the one above it,
    over a one-sentence standfirst) and nothing above it is the article's.
    ``None`` for any other page.
    """
    for index, line in enumerate(lines[:head_lines]):
        if ":" in line and TIME_STAMP.match(line.strip()):  # a stamp's time holds a colon: most lines go in one C call
            if not any(TICKER.match(other) or UPDATE_STAMP.match(other.strip()) for other in lines[: index + 4]):
                return None
            above = [i for i in (index - 1, index - 2) if i >= 0 and _titled(lines[i], max_words)]
            return above[0] if above else None
    return None


def _titled(line: str, max_words: int) -> bool:
    """A line that can be a headline over the stamp: short, no closing full stop."""
    return not _more_words(line, max_words) and not line.rstrip().endswith((".", ",", ";", ":"))


def title_in_run(
    lines: Sequence[str],
    *,
    is_headline: Predicate,
    skip: Callable[[int], bool] = lambda index: False,
    min_words: int = 4,
) -> int | None:
    """The index of the headline among the headline lines a page starts with.

    The headline is the first line of ``min_words`` words or more in that
    run (menu items a chrome list missed are shorter and come before it; a
    subhead may follow it), else the run's last line. Lines at an index
    ``skip`` accepts (a kicker over the headline) are passed over. A page
    that starts with running text has no headline line: ``None``, as the
    first sentence is never promoted to a title.
    """
    run: list[int] = []
    for index, line in enumerate(lines):
        if skip(index):
            continue
        if not is_headline(line):
            break
        run.append(index)
    return next((i for i in run if _more_words(lines[i], min_words - 1)), run[-1]) if run else None


def lead_caption_lines(
    lines: Sequence[str],
    index: int,
    *,
    is_credit: Predicate,
    is_headline: Predicate = shapes.is_headline,
    max_words: int = 30,
    short_words: int = 12,
    lede_words: int = 20,
) -> int:
    """How many lines from ``index`` are the lead photo's caption (0: none).

    Ask right after the standfirst, where a page prints the lead photo's
    caption and credit; a dump may split the two ("Smoke over Yakutsk." /
    "Yakutia Emergencies Ministry / Telegram") or lose the credit. A line
    followed by a bare credit (``is_credit``) is caption text (two lines,
    at most ``max_words`` words and two sentences), and so is a short
    one-sentence line followed by a long paragraph (one line). Neither is
    a headline, opens with a dateline, quotes anyone or says who "said"
    what, as news paragraphs do.
    """
    line = lines[index]
    following = lines[index + 1] if index + 1 < len(lines) else ""
    if is_headline(line) or opens_with_dateline(line) or _QUOTED_OR_REPORTED.search(line):
        return 0
    sentences = shapes.sentence_breaks(line) + 1
    if following and is_credit(following):
        return 2 if not _more_words(line, max_words) and sentences <= 2 else 0
    short = not _more_words(line, short_words) and sentences == 1
    return 1 if short and _more_words(following, lede_words - 1) else 0


def closes_link_box(
    lines: Sequence[str], index: int, *, is_headline: Predicate, is_label: Predicate, is_text: Predicate
) -> bool:
    """Whether the "Read more" line at ``index`` closes an in-article link box.

    Such a box is label ("News", "Opinion"), headline, "Read more", and the
    article goes on after it: the headline is right above, and a label
    above that or running text below.
    """
    if index == 0 or not is_headline(lines[index - 1]):
        return False
    labelled = index >= 2 and is_label(lines[index - 2])
    return labelled or (index + 1 < len(lines) and is_text(lines[index + 1]))


def take_link_boxes(
    lines: Sequence[str], *, is_marker: Predicate, is_headline: Predicate, is_text: Predicate
) -> tuple[list[str], list[str]]:
    """The lines without in-article "headline / Read more" boxes, and the boxes' headlines.

    Only boxes after running text (``is_text``) count: a "Read more" above
    the article is a menu item. Every marker line goes.
    """
    out: list[str] = []
    headlines: list[str] = []
    seen_text = False
    for line in lines:
        if is_marker(line):
            if seen_text and out and is_headline(out[-1]):
                headlines.append(out.pop())
            continue
        seen_text = seen_text or is_text(line)
        out.append(line)
    return out, headlines


def cluster_headlines(
    lines: Sequence[str], *, opens: Predicate, closes: Predicate, is_headline: Predicate
) -> list[str]:
    """Headlines of the link clusters ("Read more", "Related articles") after an article.

    A cluster runs from a line ``opens`` accepts to one ``closes`` accepts
    and prints kicker, headline and teaser per item; only its headlines are
    links worth keeping.
    """
    found: list[str] = []
    collecting = False
    for line in lines:
        if opens(line):
            collecting = True
        elif closes(line):
            collecting = False
        elif collecting and is_headline(line):
            found.append(line)
    return found


def is_kicker(
    lines: Sequence[str],
    index: int,
    *,
    is_headline: Predicate = shapes.is_headline,
    not_kicker: Predicate = shapes.ends_sentence,
    max_words: int = 5,
) -> bool:
    """Whether ``lines[index]`` is a kicker: a short label right above the
    headline ("summit talk"), at most ``max_words`` words and no headline
    itself. ``not_kicker`` rules out what else such a line may be (a
    finished sentence, a photo credit)."""
    line = lines[index]
    if _more_words(line, max_words) or not_kicker(line) or is_headline(line):
        return False
    return index + 1 < len(lines) and is_headline(lines[index + 1])


def standfirst_fits(
    lines: Sequence[str],
    index: int,
    *,
    titled: bool,
    is_caption: Predicate,
    is_head_line: Predicate,
    is_headline: Predicate = shapes.is_headline,
    max_words: int = 55,
) -> bool:
    """Whether ``lines[index]``, under the headline, is the standfirst rather than the first paragraph.

    A standfirst is one or two sentences of at most ``max_words`` words in
    sentence case (a headline-shaped line there is a subhead), never opens
    with a dateline, and something besides byline and date lines
    (``is_head_line``) follows it: not only captions when the page has a
    headline (``titled``); without one, only a lead caption right after
    it, and more after that, tells a standfirst apart.
    """
    line = lines[index]
    if (
        is_headline(line)
        or opens_with_dateline(line)
        or _more_words(line, max_words)
        or shapes.sentence_breaks(line) > 1
    ):
        return False
    # The lines after it are read only as far as the answer needs: the
    # first paragraph usually settles it.
    rest = (other for other in lines[index + 1 :] if not is_head_line(other))
    first = next(rest, None)
    if first is None:
        return False
    if not titled:
        return is_caption(first) and next(rest, None) is not None
    return not is_caption(first) or any(not is_caption(other) for other in rest)


def menu_run(keys: Iterable[str], *, menu: Collection[str], own: Collection[str]) -> tuple[int, int]:
    """A site's navigation menu dumped as lines, read from folded line keys.

    Returns the longest run of consecutive menu lines (items of ``menu`` or
    ``own``) and how many different items of ``own`` (the site's own
    section names, which other sites' menus do not share) the menu lines
    hold. Generic names ("News", "Business") alone prove nothing.
    """
    found: set[str] = set()
    run = best = 0
    for key in keys:
        if key in menu or key in own:
            run += 1
            best = max(best, run)
            if key in own:
                found.add(key)
        else:
            run = 0
    return best, len(found)
