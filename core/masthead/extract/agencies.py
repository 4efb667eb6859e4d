"""Wire agencies credited in the article text -> ``Article.attributions``.

Outlets that rewrite agency copy credit the source in passing: "as
reported by TASS", "Reuters reported", "according to Bloomberg", "(AP)",
"AFP said". Only the body is scanned (never the title or the trailing
ticker of other headlines), and a name counts only where it is used as a
credit:

* names that are nothing but a news agency (TASS, Xinhua, Interfax, Yonhap,
  Kyodo, Agence France-Presse...) count wherever they appear;
* names that are also companies, people, indices, places or police forces
  (Reuters as in Thomson Reuters, Bloomberg as in Michael Bloomberg, Dow
  Jones as in the Dow Jones Industrial Average, Sputnik V, AP as in Andhra
  Pradesh, AFP as in the Australian Federal Police, PTI the party...) count
  only next to a credit phrase: "according to", "told", "X reported",
  "X said", "news agency X", or the dateline form "SEOUL (Reuters) -".

A byline that names an agency instead of a person ("By Reuters Staff") is
an attribution too (:func:`agency_named`).

Canonical names are returned deduplicated, in order of first mention.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import ahocorasick_rs
import attrs

__all__ = ["AGENCIES", "Agency", "agency_named", "credited_agencies"]

_WINDOW = 80
#: Past this many places where an agency's mention may start, its patterns
#: search the text themselves (in C) rather than be tried place by place.
_MAX_STARTS = 48
#: How far a mention may start before its keyword's first word ("ITAR-" of
#: "ITAR-TASS", "(" of "(Reuters)").
_LEAD_CHARS = 5

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
    r"^(?:['’]s?)?\s*(?:/\s*\w+\s+(?:poll|survey)|(?:news\s+|press\s+)?agency|newswires?|wire\b|reported|reports|report|reporting"
    r"|(?:has|had|first|earlier|also)\s+reported|was\s+(?:the\s+)?first\s+to\s+report|cited|quoted|learned"
    r"|has\s+learned|contributed|wrote|calculations?|poll|survey|tally|analysis|witness(?:es)?|reporters?"
    r"|correspondents?|journalists?|photographers?|investigation|exclusive|could\s+not|was\s+unable|sources?|count"
    r"|,\s*citing)\b",
    re.IGNORECASE,
)
#: "X said" / "X says": a credit for agencies whose name means nothing else.
_AFTER_SAID = re.compile(r"^\s*(?:said|says|stated|noted|added|published|announced)\b", re.IGNORECASE)
#: The dateline credit "SEOUL, Feb 10 (Reuters) -" / "WASHINGTON (AP) —": the
#: parentheses close on a dash, or open after an upper-case place name or
#: the start of a line. "Australian Federal Police (AFP) said" is no credit.
_DATELINE_AFTER = re.compile(r"^\)\s*[-–—]")
_DATELINE_BEFORE = re.compile(r"(?:^|\n|\b[A-Z]{2,}[A-Z .,'-]*|\d{1,2})\s*\($")
#: A byline credit: the agency's name, maybe with "Staff" or "News".
_BYLINE_SUFFIX = re.compile(r"\s+(?:staff|news|newswires?|wire|reporters?|news\s+agency)$", re.IGNORECASE)
#: A capitalised word glued before the name makes it part of another name
#: ("Michael Bloomberg"), unless it is an article, a possessive ("Russia's
#: RIA") or a nationality ("Iranian IRNA").
_PRECEDING_NAME = re.compile(r"([A-Z][\w.'’-]*)\s+$")
_ARTICLES = frozenset({"The", "A", "An", "By", "Per", "Via"})
_NATIONALITY = re.compile(r"(?:['’]s|an|ese|ish|ian|i|State|Official)$")
#: "a former Reuters journalist" is a career, not a credit.
_FORMER = re.compile(r"\bformer\s+$", re.IGNORECASE)


@attrs.frozen
class Agency:
    """One agency: its canonical name and how it is mentioned."""

    name: str
    free: re.Pattern[str] | None = None
    contextual: re.Pattern[str] | None = None
    said_ok: bool = True
    #: Literal strings one of which any mention contains; a cheap prefilter
    #: so the regexes only run on texts that can match (hostile input).
    #: Every mention also starts with the first word of one of them (at
    #: most five characters before it): see :meth:`search_from`.
    keywords: tuple[str, ...] = ()
    #: Where the text uses the name for something else ("the AFP" of the
    #: Australian Federal Police), only the dateline form "(AFP) -" counts.
    clash: re.Pattern[str] | None = None
    #: The first words of :attr:`keywords` (or of the name), which
    #: :meth:`search_from` looks for: worked out once, not at every search.
    _leads: frozenset[str] = attrs.field(
        init=False, eq=False, repr=False, default=attrs.Factory(lambda self: self._first_words(), takes_self=True)
    )

    def _first_words(self) -> frozenset[str]:
        return frozenset(keyword.split()[0] for keyword in self.keywords or (self.name,))

    def may_occur_in(self, text: str) -> bool:
        return any(keyword in text for keyword in self.keywords or (self.name,))

    def search_from(self, text: str) -> int:
        """Where in ``text`` the first mention can start at the earliest.

        The patterns open with a word boundary, a lookbehind or a bracket,
        so the regex engine has no literal to skip ahead by and tries them
        at every character of a long text. A mention starts with the first
        word of a keyword ("Dow" of "Dow Jones", "Korean" of "Korean
        Central"), or a few characters before it ("ITAR-TASS",
        "(Reuters)"), so no mention starts before the first such word.
        """
        found = [at for lead in self._leads if (at := text.find(lead)) >= 0]
        return max(0, min(found) - _LEAD_CHARS) if found else 0

    def mention_starts(self, text: str) -> list[int] | None:
        """Every place in ``text`` where a mention can start, in order;
        ``None`` when there are too many to try one by one.

        A mention starts with a word of :attr:`_leads`, or at most
        :data:`_LEAD_CHARS` characters before it (see :meth:`search_from`):
        a pattern matched at each of these places finds what a search of
        the whole text finds, without trying it at every other character,
        which the regex engine does for want of a literal to skip ahead by.
        """
        starts: set[int] = set()
        for lead in self._leads:
            at = text.find(lead)
            while at >= 0:
                starts.update(range(max(0, at - _LEAD_CHARS), at + 1))
                if len(starts) > _MAX_STARTS:
                    return None
                at = text.find(lead, at + 1)
        return sorted(starts)


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _acronym(name: str, expansion: str, *, said_ok: bool = False) -> Agency:
    """An agency known by an acronym that other things share (PTI, ANI, AFP...):
    the spelled-out name counts anywhere, the acronym only as a credit."""
    spelled = r"\s+".join(re.escape(word) for word in expansion.split())
    return Agency(
        name,
        _rx(r"\b" + spelled + r"\b"),
        _rx(r"\b" + re.escape(name) + r"\b"),
        said_ok=said_ok,
        keywords=(name, expansion.split()[0]),
    )


AGENCIES: tuple[Agency, ...] = (
    Agency("TASS", _rx(r"\b(?:ITAR-)?TASS\b"), _rx(r"\bTass\b"), keywords=("TASS", "Tass")),
    Agency("Reuters", _rx(r"\(Reuters\)|\bReuters\s+News\b"), _rx(r"(?<!Thomson )\bReuters\b(?!\s+Institute)")),
    Agency(
        "Bloomberg",
        _rx(r"\(Bloomberg\)|\bBloomberg\s+News\b"),
        _rx(r"\bBloomberg\b(?!\s+(?:Philanthropies|L\.?P\b|Terminal|School|Beta|Industries|Associates|campaign))"),
    ),
    _acronym("AP", "Associated Press", said_ok=True),
    attrs.evolve(
        _acronym("AFP", "Agence France-Presse", said_ok=True),
        clash=_rx(r"\bAustralian\s+Federal\s+Police\b|\b[Tt]he\s+AFP\b"),
    ),
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
    Agency("CNA", _rx(r"(?<!Korean )\bCentral\s+News\s+Agency\b"), keywords=("Central News",)),
    _acronym("SPA", "Saudi Press Agency"),
    _acronym("WAM", "Emirates News Agency"),
    Agency("WAFA", _rx(r"\bWAFA\b")),
    Agency("IRNA", _rx(r"\bIRNA\b")),
    Agency("Tasnim", _rx(r"\bTasnim\b")),
    Agency("Fars", _rx(r"\bFars\s+(?:news\s+agency|News\s+Agency)\b"), _rx(r"\bFars\b"), said_ok=False),
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
    _acronym("PTI", "Press Trust of India"),
    _acronym("ANI", "Asian News International"),
    Agency("Antara", None, _rx(r"\bAntara\b"), said_ok=False),
)


def _credited(text: str, start: int, end: int, said_ok: bool) -> bool:
    """Whether the mention at ``text[start:end]`` is used as a credit."""
    before = text[max(0, start - _WINDOW) : start]
    after = text[end : end + _WINDOW]
    if before.rstrip().endswith("(") and after.lstrip().startswith(")"):
        # "SEOUL (Reuters) -" credits; "Australian Federal Police (AFP) said" defines
        return bool(_DATELINE_AFTER.match(after.lstrip()) or _DATELINE_BEFORE.search(before.rstrip()))
    if _BEFORE.search(before):
        return True
    if _FORMER.search(before):
        return False
    glued = _PRECEDING_NAME.search(before)
    if glued and glued.group(1) not in _ARTICLES and not _NATIONALITY.search(glued.group(1)):
        return False  # "Michael Bloomberg said", "Thomson Reuters reported"
    return bool(_AFTER.match(after)) or (said_ok and bool(_AFTER_SAID.match(after)))


#: Every keyword (or name) of :data:`AGENCIES`, and one automaton finding
#: them all: one scan of a text instead of one search each. It reads the
#: text's UTF-8 bytes, where a keyword's bytes stand exactly where the
#: keyword does (no character's bytes start inside another's), as a
#: deterministic automaton: several times faster than reading the ``str``,
#: whose offsets it would have to count in characters.
_KEYWORDS = tuple(sorted({k for a in AGENCIES for k in a.keywords or (a.name,)}))
_ANY_KEYWORD = ahocorasick_rs.BytesAhoCorasick(
    [keyword.encode() for keyword in _KEYWORDS], implementation=ahocorasick_rs.Implementation.DFA
)


#: For each keyword, the agencies of :data:`AGENCIES` (by index) that one
#: of their mentions may hold it for: an agency none of whose keywords a
#: text holds is mentioned nowhere in it and is not asked about at all.
_AGENCIES_OF: dict[str, tuple[int, ...]] = {
    keyword: tuple(index for index, agency in enumerate(AGENCIES) if keyword in (agency.keywords or (agency.name,)))
    for keyword in _KEYWORDS
}


def _keywords_in(text: str) -> frozenset[str]:
    """The keywords of :data:`_KEYWORDS` that ``text`` holds (``keyword in text``),
    overlapping ones included ("Korean Central News" inside another match)."""
    raw = text.encode("utf-8", "surrogatepass")  # a lone surrogate is kept, as a character of its own
    return frozenset(_KEYWORDS[index] for index, _, _ in _ANY_KEYWORD.find_matches_as_indexes(raw, overlapping=True))


def _first_mention(agency: Agency, text: str, present: frozenset[str]) -> int | None:
    if not any(keyword in present for keyword in agency.keywords or (agency.name,)):
        return None
    positions: list[int] = []
    # The patterns are tried where a mention can start, or else searched
    # for from the first such place on.
    starts = agency.mention_starts(text)
    start = agency.search_from(text) if starts is None else 0
    if agency.free is not None:
        found = _first_match(agency.free, text, starts) if starts is not None else agency.free.search(text, start)
        if found:
            positions.append(found.start())
    if agency.contextual is not None:
        clashing = agency.clash is not None and agency.clash.search(text) is not None
        pattern = agency.contextual
        mentions = _matches(pattern, text, starts) if starts is not None else pattern.finditer(text, start)
        for found in mentions:
            if clashing and not _DATELINE_AFTER.match(text[found.end() :].lstrip()):
                continue
            if _credited(text, found.start(), found.end(), agency.said_ok):
                positions.append(found.start())
                break
    return min(positions) if positions else None


def _first_match(pattern: re.Pattern[str], text: str, starts: list[int]) -> re.Match[str] | None:
    """``pattern.search(text, starts[0])`` when every match starts at one of
    ``starts`` (sorted): the match at the first of them that has one."""
    for at in starts:
        found = pattern.match(text, at)
        if found is not None:
            return found
    return None


def _matches(pattern: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text, starts[0])`` when every match starts at one of
    ``starts`` (sorted): each search goes on where the last match ended."""
    after = 0
    for at in starts:
        if at < after:
            continue
        found = pattern.match(text, at)
        if found is not None:
            after = found.end()
            yield found


def agency_named(name: str) -> str | None:
    """The canonical agency a byline name stands for ("Reuters Staff" -> Reuters)."""
    bare = _BYLINE_SUFFIX.sub("", name.strip())
    for agency in AGENCIES:
        for pattern in (agency.free, agency.contextual):
            if pattern is not None and (found := pattern.fullmatch(bare)) is not None:
                return agency.name if found else None
    return None


def credited_agencies(paragraphs: Iterable[str]) -> tuple[str, ...]:
    """Canonical names of the agencies credited in ``paragraphs``, in order."""
    text = "\n".join(paragraphs)
    present = _keywords_in(text)
    if not present:  # most texts name no agency at all
        return ()
    # Mentions are sorted by position, ties by name: the order agencies are asked in does not matter.
    asked = {index for keyword in present for index in _AGENCIES_OF[keyword]}
    found = [
        (pos, agency.name)
        for agency in (AGENCIES[index] for index in asked)
        if (pos := _first_mention(agency, text, present)) is not None
    ]
    return tuple(dict.fromkeys(name for _, name in sorted(found)))
