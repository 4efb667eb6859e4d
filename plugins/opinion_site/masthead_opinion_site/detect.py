"""How sure we are that an unlabeled page is SouthFront's.

Evidence, strongest first: the page says so in its head (og:site_name,
JSON-LD publisher, canonical URL on a SouthFront domain); the site's own
"MORE ON THE TOPIC:" marker as a whole line (printed in capitals with a
colon by the site); the "Support SouthFront" / "PDF Download" buttons and
donation appeals naming SouthFront; the site's byline ("Written by X
exclusively for SouthFront") and its name as the banner over the page;
mentions of SouthFront. Generic WordPress comment chrome
("Leave a Reply", "Inline Feedbacks") is shared with countless sites and
only adds a little to other evidence. A mere mention of SouthFront (another
outlet writing *about* it) stays well below the claim threshold.
"""

from __future__ import annotations

import re

from masthead import Page
from masthead.extract import comments as thread
from masthead.extract import htmlmeta, shapes
from masthead.router import host_of
from masthead_opinion_site import boilerplate as bp

DOMAINS = ("southfront.press", "southfront.org")
_NAMES = ("southfront", "south front")


def on_domain(url: str | None) -> bool:
    """Whether ``url`` is on a SouthFront domain or a subdomain of one."""
    host = host_of(url)
    return host is not None and any(host == d or host.endswith("." + d) for d in DOMAINS)


def score(page: Page) -> float:
    """A confidence in [0, 1]; see the module docstring for the evidence."""
    if on_domain(page.raw.url) or on_domain(page.meta.canonical_url):
        return 1.0
    meta = page.meta
    # A dump's head declares nothing: the names are looked for only where one does.
    if (meta.site_name or meta.json_ld) and htmlmeta.names_publisher(meta, _NAMES):
        return 0.95
    lines, keys, text = page.lines, page.folded_lines, page.folded_text
    marker = _marker_score(lines, keys, text)
    # Most pages are other outlets': one that names the site nowhere and
    # has no map link has no banner, button, appeal, byline or mention
    # either (each names the site), so the marker alone counts.
    if _SOUTH not in text and _HELPER_WORDS not in text:
        return _with_thread(marker, lines, keys)
    banner = 0.0 if _BANNERS.isdisjoint(keys[:_BANNER_LINES]) else 0.4
    helper = _helper_score(keys, text)
    # The parts only ever add up (mentions too): a page these score 1 already
    # (the site's own, with its marker and banner) is done without counting.
    if marker + banner + helper >= 1.0:
        return 1.0
    # Every detector runs on every page, and most pages are not SouthFront's.
    # Buttons, appeals, the byline and the mentions all name the site, so only
    # the lines naming it are read, and none when the page's folded text (its
    # folded lines joined) names it nowhere ("South Korea" is no mention).
    # The one word every name holds is looked for inline: on the site's own
    # pages most lines are asked, and a call per line costs more than the test.
    named = [i for i, key in enumerate(keys) if _SOUTH in key and _names_site(key)] if _names_site(text) else []
    mentions = min(0.25, 0.1 * len(named))
    # The site's own evidence and the comment thread only ever add to a
    # score capped at 1: a page the rest scores 1 already is done without
    # reading them. (The parts are added in one order, absent ones as 0.0,
    # so every sum is the same float.)
    if marker + banner + helper + mentions >= 1.0:
        return 1.0
    # The appeal test reads a line against every donation phrase: it is
    # asked only once no named line is a button or the site's byline.
    own = any(_is_button(keys[i]) or _is_own_byline(keys[i]) for i in named) or any(
        _is_appeal(lines[i], keys[i]) for i in named
    )
    evidence = (0.8 if marker == 0.0 else 0.1) if own else 0.0
    return _with_thread(marker + evidence + banner + helper + mentions, lines, keys)


def _with_thread(total: float, lines: tuple[str, ...], keys: tuple[str, ...]) -> float:
    """``total`` with the comment thread's bit (only with other evidence), in [0, 1]."""
    if 0.3 < total < 1.0 and _has_comment_thread(lines, keys):
        total += 0.05 if total >= 0.5 else 0.1
    return max(0.0, min(1.0, total))


#: Held by every name of the site (:data:`_NAMES`), folded, and so by every
#: line of evidence that names it.
_SOUTH = "south"
#: The marker's folded line starts with its first word and holds its last.
_MARKER_FIRST, _MARKER_LAST = bp.MARKER.split()[0], bp.MARKER.split()[-1]


def _names_site(key: str) -> bool:
    """Whether the folded text ``key`` holds one of the site's names (most
    lines are done with the one word they all hold)."""
    return _SOUTH in key and any(map(key.__contains__, _NAMES))


def _marker_score(lines: tuple[str, ...], keys: tuple[str, ...], text: str) -> float:
    """The "MORE ON THE TOPIC:" line, as SouthFront prints it (capitals).

    "More on the topic" in another case is a common phrase on other sites
    (with a list of category links after it), so it counts less, and only
    with a related headline or a comment under it does it add up to a claim.

    ``keys`` are ``lines`` folded and ``text`` the folded lines joined: only
    a line whose key starts with "more" and holds "topic" can be the marker,
    and none can when the page holds "topic" nowhere.
    """
    at = None
    if _MARKER_LAST in text:
        candidates = (i for i, key in enumerate(keys) if key.startswith(_MARKER_FIRST) and _MARKER_LAST in key)
        at = next((i for i in candidates if bp.marker_rest(lines[i]) is not None), None)
    if at is None:
        return _cut_marker_score(lines)
    found = 0.85 if lines[at].strip().startswith("MORE ON THE TOPIC") else 0.45
    following = lines[at + 1] if at + 1 < len(lines) else ""
    # The word count first: related headlines have four words or more.
    if len(following.split()) >= 4 or shapes.is_headline(following) or thread.opens_comments(following):
        found += 0.1
    return found


#: The marker cut short at the end of a dump: "MORE ON THE", "MORE ON THE TOP".
_CUT_MARKER_MIN = len("MORE ON THE")


def _cut_marker_score(lines: tuple[str, ...]) -> float:
    """A dump that stops inside the capitalised marker still says SouthFront."""
    last = lines[-1].strip() if lines else ""
    full = "MORE ON THE TOPIC:"
    return 0.6 if len(last) >= _CUT_MARKER_MIN and full.startswith(last) else 0.0


def _helper_score(keys: tuple[str, ...], text: str) -> float:
    """SouthFront's "Click to see full-size map" link under its maps.

    The map and infographic forms are the site's own; "... full-size image"
    is common in galleries elsewhere and counts less. ``keys`` are the
    page's lines folded, ``text`` the folded lines joined (a page that holds
    the link's words nowhere has no such line).
    """
    if _HELPER_WORDS not in text:
        return 0.0
    helpers = [key for key in keys if bp.is_full_size_helper_folded(key)]
    if any(h.endswith(("map", "infographic")) for h in helpers):
        return 0.5
    return 0.3 if helpers else 0.0


#: Held by every folded helper line (:func:`masthead_opinion_site.boilerplate.is_full_size_helper_folded`).
_HELPER_WORDS = "click to see"


def _has_comment_thread(lines: tuple[str, ...], keys: tuple[str, ...]) -> bool:
    """Comment chrome or a Disqus-style thread (only with other evidence);
    ``keys`` are ``lines`` folded."""
    return (
        # Openers follow the body.
        any(map(thread.opens_comments_folded, reversed(keys)))
        or thread.bullet_thread_start(lines, chrome=bp.is_boilerplate) is not None
    )


def _is_button(key: str) -> bool:
    """``key``: a folded line."""
    return key in {"support southfront", "support south front", "support southfrontpdf download"}


def _is_appeal(line: str, key: str) -> bool:
    """The site's own donation appeal: an appeal line naming SouthFront or
    its addresses (``key``: the line folded)."""
    if any(p in key for p in ("southfront@list.ru", "patreon.com/southfront", "southfront's work is impossible")):
        return True
    return any(n in key for n in _NAMES) and len(key.split()) <= _APPEAL_WORDS and bp.is_donation(line)


#: The site's byline form: "Written by NAME exclusively for SouthFront".
_OWN_BYLINE = re.compile(
    r"^(?:written|produced|prepared)\b.{0,80}\b(?:exclusively|especially|specially) for south ?front"
)
#: The site's name printed alone as the banner over the page.
_BANNERS = frozenset(("southfront", "south front", "southfront: analysis & intelligence", "southfront maps"))
_BANNER_LINES = 3
_APPEAL_WORDS = 40


def _is_own_byline(key: str) -> bool:
    """``key``: a folded line."""
    return bool(_OWN_BYLINE.match(key))
