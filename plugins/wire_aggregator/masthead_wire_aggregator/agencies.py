"""Wire agencies credited in the article text -> ``Article.attributions``.

EconoTimes rewrites agency copy and credits the source in passing: "as
reported by TASS", "Reuters reported", "according to Bloomberg", "(AP)",
"AFP said". Only the body is scanned (never the title or the trailing
ticker of other headlines), and a name counts only where it is used as a
credit:

* names that are nothing but a news agency (TASS, Xinhua, Interfax, Yonhap,
  Kyodo, AFP...) count wherever they appear;
* names that are also companies, people, indices or vaccines (Reuters as in
  Thomson Reuters, Bloomberg as in Michael Bloomberg, Dow Jones as in the
  Dow Jones Industrial Average, Sputnik V, AP, PTI the party...) count only
  next to a credit phrase: "according to", "told", "X reported", "X said",
  "news agency X", "(X)".

Canonical names are returned deduplicated, in order of first mention.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs

_WINDOW = 80

#: Credit phrases right before the name ("according to", "told the").
_BEFORE = re.compile(
    r"(?:\b(?:according\s+to|as\s+reported\s+by|(?:first\s+)?reported\s+by|cited\s+by|quoted\s+by|citing|told|telling"
    r"|(?:polled|surveyed|compiled|conducted|seen|obtained|reviewed)\s+by"
    r"|speaking\s+to|spoke\s+to|said\s+to|in\s+an\s+interview\s+with|interviewed\s+by|confirmed\s+to"
    r"|(?:statement|email|e-mail|comments?|remarks)\s+to|(?:news|wire|state|press|information)\s+agency"
    r"|newswire|wire\s+service|reports?\s+(?:by|from|in)|a\s+report\s+(?:by|from|in)|reporting\s+by|via|per)"
    r"|,\s*(?:reports?|reported|said|says))"
    r"\s+(?:the\s+)?(?:(?:state|government|Kremlin)[- ](?:run|owned|controlled)\s+)?"
    r"(?:(?:Russian|Chinese|Japanese|South\s+Korean|Korean|North\s+Korean|French|German|Turkish|Iranian|Ukrainian"
    r"|Indian|Malaysian|Indonesian|Spanish|Italian|U\.S\.|US|American|British|Kazakh|official|state)\s+)?"
    r"(?:(?:news|wire|press|information)\s+agency\s+|newswire\s+|wire\s+service\s+|outlet\s+)?$",
    re.IGNORECASE,
)
#: Credit phrases right after the name ("reported", "news agency", "'s report").
_AFTER = re.compile(
    r"^(?:['’]s)?\s*(?:(?:news\s+|press\s+)?agency|newswires?|wire\b|reported|reports|report|reporting"
    r"|(?:has|had|first|earlier|also)\s+reported|was\s+(?:the\s+)?first\s+to\s+report|cited|quoted|learned"
    r"|has\s+learned|contributed|wrote|calculations?|poll|survey|tally|analysis|witness(?:es)?|reporters?"
    r"|correspondents?|journalists?|photographers?|investigation|exclusive|could\s+not|was\s+unable|sources?)\b",
    re.IGNORECASE,
)
#: "X said" / "X says": a credit for agencies whose name means nothing else.
_AFTER_SAID = re.compile(r"^\s*(?:said|says|stated|noted|added|published|announced)\b", re.IGNORECASE)
#: A capitalised word glued before the name makes it part of another name.
_PRECEDING_NAME = re.compile(r"([A-Z][\w.'’-]*)\s+$")
_ARTICLES = frozenset({"The", "A", "An", "By", "Per", "Via"})


@attrs.frozen
class Agency:
    """One agency: its canonical name and how it is mentioned."""

    name: str
    free: re.Pattern[str] | None = None
    contextual: re.Pattern[str] | None = None
    said_ok: bool = True
    #: Literal strings one of which any mention contains; a cheap prefilter
    #: so the regexes only run on texts that can match (hostile input).
    keywords: tuple[str, ...] = ()

    def may_occur_in(self, text: str) -> bool:
        return any(keyword in text for keyword in self.keywords or (self.name,))


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


AGENCIES: tuple[Agency, ...] = (
    Agency("TASS", _rx(r"\b(?:ITAR-)?TASS\b"), _rx(r"\bTass\b"), keywords=("TASS", "Tass")),
    Agency("Reuters", _rx(r"\(Reuters\)|\bReuters\s+News\b"), _rx(r"(?<!Thomson )\bReuters\b")),
    Agency("Bloomberg", _rx(r"\(Bloomberg\)|\bBloomberg\s+News\b"), _rx(r"\bBloomberg\b")),
    Agency("AP", _rx(r"\bAssociated\s+Press\b|\(AP\)"), _rx(r"\bAP\b"), keywords=("Associated Press", "AP")),
    Agency("AFP", _rx(r"\bAFP\b|\bAgence\s+France[- ]Presse\b"), keywords=("AFP", "Agence France")),
    Agency("Xinhua", _rx(r"\bXinhua\b")),
    Agency("Interfax", _rx(r"\bInterfax\b")),
    Agency("RIA Novosti", _rx(r"\bRIA[- ]Novosti\b"), _rx(r"\bRIA\b"), keywords=("RIA",)),
    Agency("Yonhap", _rx(r"\bYonhap\b")),
    Agency("Kyodo", _rx(r"\bKyodo\b")),
    Agency("Jiji Press", _rx(r"\bJiji(?:\s+Press)?\b"), keywords=("Jiji",)),
    Agency(
        "Dow Jones",
        _rx(r"\bDow\s+Jones\s+Newswires?\b"),
        _rx(
            r"\bDow\s+Jones\b(?!\s+(?:Industrial|industrial|Industrials|Transportation|Utilit|U\.S\.|Total|index"
            r"|Index|indices|average|Average|futures|Futures|Sustainability|Market|Global|Composite|Newswire))"
        ),
        said_ok=False,
    ),
    Agency("Sputnik", None, _rx(r"\bSputnik\b(?!\s+(?:V\b|Light\b|vaccine|shot|jab))")),
    Agency("Anadolu", _rx(r"\bAnadolu\b")),
    Agency("Bernama", _rx(r"\bBernama\b")),
    Agency("KCNA", _rx(r"\bKCNA\b|\bKorean\s+Central\s+News\s+Agency\b"), keywords=("KCNA", "Korean Central")),
    Agency("IRNA", _rx(r"\bIRNA\b")),
    Agency("Ukrinform", _rx(r"\bUkrinform\b")),
    Agency("UNIAN", _rx(r"\bUNIAN\b")),
    Agency("EFE", None, _rx(r"\bEFE\b"), said_ok=False),
    Agency("ANSA", None, _rx(r"\bANSA\b"), said_ok=False),
    Agency(
        "dpa",
        _rx(r"\bDeutsche\s+Presse-Agentur\b"),
        _rx(r"\bdpa\b"),
        said_ok=False,
        keywords=("dpa", "Deutsche Presse"),
    ),
    Agency(
        "PTI", _rx(r"\bPress\s+Trust\s+of\s+India\b"), _rx(r"\bPTI\b"), said_ok=False, keywords=("PTI", "Press Trust")
    ),
    Agency(
        "ANI",
        _rx(r"\bAsian\s+News\s+International\b"),
        _rx(r"\bANI\b"),
        said_ok=False,
        keywords=("ANI", "Asian News International"),
    ),
    Agency("Antara", None, _rx(r"\bAntara\b"), said_ok=False),
)


def _credited(text: str, start: int, end: int, said_ok: bool) -> bool:
    """Whether the mention at ``text[start:end]`` is used as a credit."""
    before = text[max(0, start - _WINDOW) : start]
    after = text[end : end + _WINDOW]
    if before.rstrip().endswith("(") and after.lstrip().startswith(")"):
        return True
    if _BEFORE.search(before):
        return True
    glued = _PRECEDING_NAME.search(before)
    if glued and glued.group(1) not in _ARTICLES:
        return False  # "Michael Bloomberg said", "Thomson Reuters reported"
    return bool(_AFTER.match(after)) or (said_ok and bool(_AFTER_SAID.match(after)))


def _first_mention(agency: Agency, text: str) -> int | None:
    if not agency.may_occur_in(text):
        return None
    positions: list[int] = []
    if agency.free is not None:
        found = agency.free.search(text)
        if found:
            positions.append(found.start())
    if agency.contextual is not None:
        for found in agency.contextual.finditer(text):
            if _credited(text, found.start(), found.end(), agency.said_ok):
                positions.append(found.start())
                break
    return min(positions) if positions else None


def credited_agencies(paragraphs: Iterable[str]) -> tuple[str, ...]:
    """Canonical names of the agencies credited in ``paragraphs``, in order."""
    text = "\n".join(paragraphs)
    found = [(pos, agency.name) for agency in AGENCIES if (pos := _first_mention(agency, text)) is not None]
    return tuple(dict.fromkeys(name for _, name in sorted(found)))
