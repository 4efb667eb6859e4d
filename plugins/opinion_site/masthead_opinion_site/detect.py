"""How sure we are that an unlabeled page is SouthFront's.

Evidence, strongest first: the page says so in its head (og:site_name,
JSON-LD publisher, canonical URL on a SouthFront domain); the site's own
"MORE ON THE TOPIC:" marker as a whole line (printed in capitals with a
colon by the site); the "Support SouthFront" / "PDF Download" buttons and
donation appeal; mentions of SouthFront. Generic WordPress comment chrome
("Leave a Reply", "Inline Feedbacks") is shared with countless sites and
only adds a little to other evidence. A mere mention of SouthFront (another
outlet writing *about* it) stays well below the claim threshold.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from masthead import Page
from masthead.text import fold
from masthead_opinion_site import boilerplate as bp

DOMAINS = ("southfront.press", "southfront.org")
_NAMES = ("southfront", "south front")


def on_domain(url: str | None) -> bool:
    """Whether ``url`` is on a SouthFront domain or a subdomain of one."""
    if not url:
        return False
    try:
        host = (urlsplit(url if "//" in url else f"//{url}").hostname or "").lower().rstrip(".")
    except ValueError:
        return False
    return any(host == d or host.endswith("." + d) for d in DOMAINS)


def score(page: Page) -> float:
    """A confidence in [0, 1]; see the module docstring for the evidence."""
    if on_domain(page.raw.url) or on_domain(page.meta.canonical_url):
        return 1.0
    if _head_says_southfront(page):
        return 0.95
    lines = page.lines
    total = 0.0
    marker_at = next((i for i, line in enumerate(lines) if bp.marker_rest(line) is not None), None)
    if marker_at is not None:
        exact = lines[marker_at].strip().startswith("MORE ON THE TOPIC")
        total += 0.85 if exact else 0.7
        if marker_at + 1 < len(lines):
            total += 0.1
    if any(_is_button(line) for line in lines) or any(_is_appeal(line) for line in lines):
        total += 0.8 if marker_at is None else 0.1
    mentions = sum(1 for line in lines if any(n in fold(line) for n in _NAMES))
    total += min(0.25, 0.1 * mentions)
    if total > 0.3 and any(bp.opens_comments(line) for line in lines):
        total += 0.05
    return max(0.0, min(1.0, total))


def _head_says_southfront(page: Page) -> bool:
    meta = page.meta
    if any(n in fold(meta.site_name or "") for n in _NAMES):
        return True
    for obj in meta.json_ld:
        publisher = obj.get("publisher")
        name = publisher.get("name") if isinstance(publisher, dict) else None
        if isinstance(name, str) and any(n in fold(name) for n in _NAMES):
            return True
        if fold(str(obj.get("@type", ""))) in {"organization", "website"}:
            own = obj.get("name")
            if isinstance(own, str) and any(n in fold(own) for n in _NAMES):
                return True
    return False


def _is_button(line: str) -> bool:
    key = fold(line)
    return key in {"support southfront", "support south front", "support southfrontpdf download"}


def _is_appeal(line: str) -> bool:
    key = fold(line)
    return any(p in key for p in ("southfront@list.ru", "patreon.com/southfront", "southfront's work is impossible"))
