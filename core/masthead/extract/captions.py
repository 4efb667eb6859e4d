"""Picture captions and photo credits, recognised in a line of text.

A caption is kept in ``captions``, never in ``body``. Text dumps lose the
``<figcaption>``, so a caption is known by what only captions carry: a
label ("Photo:", "Illustrative image", "Screenshot from ..."), a credit in
brackets at the end ("(Photo: Reuters)"), or a credit that closes the line
the way agencies sign pictures ("Sergei Karpukhin / TASS", "Press Service
of the Ministry of Defence", "© Rosatom"). A line that merely mentions an
agency inside a sentence is not a caption.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

import ahocorasick_rs

from masthead.extract.text import fold

__all__ = ["ASCII_CASE_TWINS", "CAPTION_LABELS", "credit_of", "is_caption", "is_photo_credit"]

#: Labels that open a caption or a credit line (folded).
CAPTION_LABELS = (
    *("photo:", "photos:", "image:", "picture:", "pictured:", "illustration:", "credit:", "credits:"),
    *("photo credit", "image credit", "image source", "photo source", "screenshot:", "screenshot from"),
    *("illustrative image", "illustrative photo", "illustrative picture", "featured image", "cover image"),
    *("map:", "infographic:", "map by ", "photo by ", "photos by ", "image by ", "infographic by "),
    *("courtesy of ", "file photo", "©"),
)
_CREDIT_WORD = r"(?:photo(?:graph)?s?|image|picture|credit|illustration|screenshot|screen shot|footage|file photo)"
_CREDIT_PAREN = re.compile(r"\((?:[^()]*\b" + _CREDIT_WORD + r"\b[^()]*)\)\s*\.?$", re.IGNORECASE)
_LABELLED_TAIL = re.compile(
    r"(?:^|[.!?\"”’|]\s+|\s[|–—-]\s)(?P<label>" + _CREDIT_WORD + r"\s*(?::|by\b)|courtesy(?: of)?\b|©)"
    r"\s*(?P<who>\S.{0,60})$",
    re.IGNORECASE,
)
_DOMAIN = r"[a-z][\w-]*(?:\.[\w-]+)*\.(?:ru|com|org|net|ua|by|kz|am|ge|gov|mil|tv|io|info|press)"
_TOKEN = rf"(?:[A-Z][\w.'’&-]*|@[\w.]+|{_DOMAIN})"
#: Lower-case words inside a credit: "Kremlin Pool via AP", "Concord press service".
_CONNECTOR = r"(?:via|of|the|and|for|press|service|photo|pool|de)"
#: Words after a segment's first: "Press Service of the Tatarstan President" has six.
_SEGMENT_MORE_WORDS = 6
_SEGMENT = rf"{_TOKEN}(?:\s+(?:{_TOKEN}|{_CONNECTOR})){{0,{_SEGMENT_MORE_WORDS}}}"
#: "Sergei Karpukhin / TASS", "Kremlin.ru / TASS / Pool" closing a line: the
#: whole line, or after the caption's last sentence or a dash or bar; glued
#: to a caption without its stop ("A factory in Tula Sergei Karpukhin /
#: TASS") only with a spaced slash. Unspaced inside a sentence the shape is
#: text: "routes Novorossiysk/Jeddah and Astrakhan/Bandar Abbas", "support
#: at 1.08 for EUR/USD".
_SLASH_CREDIT = re.compile(
    rf"(?:(?:^|(?<=[.!?\"”’)\]])\s+|(?<=\s[|–—-])\s+){_SEGMENT}(?:\s*/\s*{_SEGMENT})+"
    rf"|(?<=\s){_SEGMENT}(?:\s+/\s+{_SEGMENT})+)$"
)
#: A currency pair ("EUR/USD", "RUB/CNY"), a table's heading or a rate, never a credit.
_CURRENCIES = (
    "USD|EUR|GBP|JPY|CHF|CNY|CNH|RUB|AUD|CAD|NZD|TRY|INR|BRL|ZAR|KRW|SEK|NOK|DKK|PLN|HKD|SGD|MXN|UAH|KZT|BYN"
    "|XAU|XAG|BTC|ETH"
)
_CURRENCY_PAIR = re.compile(rf"(?:{_CURRENCIES})(?:\s*/\s*(?:{_CURRENCIES}))+")
#: "Press Service of the Ministry of Defence", "Russian Defence Ministry press service",
#: alone or after the caption's last sentence. Only the kind of source is matched
#: in any case; the words naming it must be capitalised, so a sentence about a
#: press service is no credit.
_INSTITUTION = re.compile(
    r"(?:^|(?<=[.!?\"”’])\s+)(?P<who>(?:[A-Z][\w'’-]*(?:\.[\w'’-]+)*\s+){0,5}"
    r"(?i:press service|press office|pool|handout)(?:\s+(?:of|of the)\s+[A-Z].{1,60})?"
    r"|(?:The\s+)?(?:Press [Ss]ervice|Press [Oo]ffice)\s+(?:of\s+)?\S.{1,60})$"
)
#: A sentence end inside a matched credit ("Vladimir Putin. Sergei Karpukhin"), never after an initial.
_INNER_BREAK = re.compile(r"(?<=[a-z][.!?])(?<!\bSt\.)(?<!\bMr\.)(?<!\bDr\.)\s+|(?<=[.!?][\"”’])\s+")
#: A named source after the caption text: "Russian Defense Ministry", "mil.ru".
_TAIL_CREDIT = re.compile(rf"^(?:{_DOMAIN}|{_SEGMENT})$")
#: A bare institutional credit is this short; caption text before one at most this long.
_BARE_CREDIT_WORDS = 4
_CAPTION_TEXT_WORDS = 45
#: Picture licences and libraries that only ever close a caption.
_LICENCE = re.compile(
    r"\b(?:CC[ -]BY(?:-(?:SA|ND|NC))*(?:\s+\d\.\d)?|CC0|via\s+Wikimedia\s+Commons|via\s+Flickr"
    r"|on\s+Unsplash|from\s+Pixabay|/\s*Shutterstock|via\s+Getty\s+Images)\b",
    re.IGNORECASE,
)
_MAX_CAPTION_WORDS = 70
_MAX_CREDIT_CHARS = 120
#: Only this much of a line's end is searched for a credit.
_CREDIT_SEARCH_CHARS = 160
_SENTENCE_END = (".", "!", "?", "\u201d", '"')
#: The characters other than ASCII letters that a case-blind pattern takes
#: for an ASCII letter or that lower-case to one ("İ", "ı", "ſ", Kelvin "K").
#: In a text without them, an ASCII word a case-blind pattern finds is in
#: the text lower-cased, at the same place.
ASCII_CASE_TWINS = "\u0130\u0131\u017f\u212a"
#: A word every match of :data:`_LABELLED_TAIL`, of :data:`_INSTITUTION`
#: and of :data:`_LICENCE` holds (in lower case).
_LABEL_WORDS = ("photo", "image", "picture", "credit", "illustration", "screen", "footage", "courtesy", "©")
_INSTITUTION_WORDS = ("press", "pool", "handout")
_LICENCE_WORDS = ("cc by", "cc-by", "cc0", "wikimedia", "flickr", "unsplash", "pixabay", "shutterstock", "getty")
#: The three lists as bits, each word's list, and one automaton finding
#: every word in one pass over a text's UTF-8 bytes (where a word's bytes
#: stand exactly where the word does), instead of a search for each word.
_LABEL_BIT, _INSTITUTION_BIT, _LICENCE_BIT = 1, 2, 4
_FAMILY_WORDS = (
    *((word, _LABEL_BIT) for word in _LABEL_WORDS),
    *((word, _INSTITUTION_BIT) for word in _INSTITUTION_WORDS),
    *((word, _LICENCE_BIT) for word in _LICENCE_WORDS),
)
_FAMILY_OF = tuple(family for _, family in _FAMILY_WORDS)
_ANY_FAMILY_WORD = ahocorasick_rs.BytesAhoCorasick(
    [word.encode() for word, _ in _FAMILY_WORDS], implementation=ahocorasick_rs.Implementation.DFA
)
#: What a finished sentence before an agency name ends with.
_FINISHED = tuple(".!?…\"”’')]:;")


def credit_of(
    line: str, *, agencies: Iterable[str] = (), strong: Iterable[str] = (), source_words: Iterable[str] = ()
) -> str | None:
    """The photo credit that closes ``line``, if it closes with one.

    Found in this order: a slash credit ("Name / Agency"), a labelled
    credit ("Photo: X", "Courtesy of X"), a press service, a named source whose
    last word is one of ``source_words`` ("Russian Defense Ministry" with
    "ministry", or a web address like "mil.ru", after at most a short
    caption), one of the ``strong`` credits (so distinctive that they end a
    caption whatever precedes them: "Kremlin.ru", "Pixabay"), one of the
    ``agencies`` (names that are also ordinary words, "TASS", "AP": they
    count only alone on a line or right after a finished sentence). A
    press-service credit after caption text is returned without that text.
    """
    return _credit_of(line.rstrip()[-_CREDIT_SEARCH_CHARS:], None, agencies, strong, source_words)


def _credit_of(
    text: str, families: int | None, agencies: Iterable[str], strong: Iterable[str], source_words: Iterable[str]
) -> str | None:
    """:func:`credit_of` of the end of a line, ``text``; ``families``:
    :func:`_families` of ``text`` when the caller has it."""
    # The slash credit pattern tries every word start; without a slash it cannot match.
    slash = _SLASH_CREDIT.search(text) if "/" in text else None
    credit = _INNER_BREAK.split(slash.group(0).strip())[-1] if slash is not None else None
    if credit is not None and not _CURRENCY_PAIR.fullmatch(credit):
        return credit
    # The two case-blind searches are made only where a word they need is there.
    if families is None:
        families = _families(_lowered(text))
    labelled = _LABELLED_TAIL.search(text) if families & _LABEL_BIT else None
    if labelled is not None:
        if fold(labelled.group("label")).startswith("courtesy"):
            return text[labelled.start("label") :].strip(" )")
        return labelled.group("who").strip(" )")
    institution = _INSTITUTION.search(text) if families & _INSTITUTION_BIT else None
    if institution is not None and len(institution.group("who")) <= _MAX_CREDIT_CHARS:
        return institution.group("who")
    key = fold(text)  # once for the named source and all the credits
    if source_words:
        kinds = _kinds(tuple(source_words))
        named = _named_source(text, kinds) if _may_name_source(text, key, kinds) else None
        if named is not None:
            return named
    for credit in _ending(key, tuple(strong)):
        if _ends_with(text, key, credit):
            return text[-len(credit) :]
    for agency in _ending(key, tuple(agencies)):
        if _ends_with(text, key, agency):
            before = text[: -len(agency)].rstrip()
            if not before or before.endswith(_FINISHED):
                return text[-len(agency) :]
    return None


def _lowered(text: str) -> str | None:
    """``text`` in lower case, for substring tests that stand for case-blind
    searches; ``None`` where a case twin makes those differ."""
    if text.isascii():  # the twins are not ASCII: most lines are done here
        return text.lower()
    return None if any(twin in text for twin in ASCII_CASE_TWINS) else text.lower()


def _families(lowered: str | None) -> int:
    """Which of the word lists a text holds a word of (the bits of
    :data:`_LABEL_BIT`, :data:`_INSTITUTION_BIT`, :data:`_LICENCE_BIT`), from ``lowered``:
    the text in lower case, ``None`` where it holds a case twin, which may
    then hold any."""
    if lowered is None:
        return _LABEL_BIT | _INSTITUTION_BIT | _LICENCE_BIT
    found = 0
    raw = lowered.encode("utf-8", "surrogatepass")
    for index, _, _ in _ANY_FAMILY_WORD.find_matches_as_indexes(raw, overlapping=True):
        found |= _FAMILY_OF[index]
    return found


def _may_name_source(text: str, key: str, kinds: frozenset[str]) -> bool:
    """Whether :func:`_named_source` may find a source in ``text`` (folded: ``key``).

    The credit it finds ends with the text's last word, which must then be
    a web address (holding a dot) or a kind of source, or it starts with
    "screenshot", which folding leaves in ``key``.
    """
    words = text.rsplit(None, 1)
    last = words[-1] if words else ""
    return "." in last or fold(last) in kinds or "screenshot" in key


def _ending(key: str, credits: tuple[str, ...]) -> tuple[str, ...]:
    """``credits`` if ``key`` (a folded text) ends with any of them folded, else none.

    A caller passes the same few credit lists for every line it asks
    about: folded once per list, they rule out a line that ends with none
    of them in one ``str.endswith``.
    """
    return credits if key.endswith(_folded(credits)) else ()


@functools.lru_cache(maxsize=64)
def _folded(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(map(fold, words))


@functools.lru_cache(maxsize=64)
def _kinds(source_words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(_folded(source_words))


def _ends_with(text: str, key: str, credit: str) -> bool:
    """``text`` (folded: ``key``) ends with the word(s) ``credit``, in any case."""
    return key.endswith(fold(credit)) and (len(text) == len(credit) or not text[-len(credit) - 1].isalnum())


def _named_source(text: str, kinds: frozenset[str]) -> str | None:
    """A capitalised source (or a web address) ending the caption, its last word a kind of source."""
    parts = _INNER_BREAK.split(text)
    credit = parts[-1].strip()
    caption_words = len(" ".join(parts[:-1]).split())
    size = len(credit.split())
    if caption_words > _CAPTION_TEXT_WORDS or (caption_words == 0 and size > _BARE_CREDIT_WORDS):
        return None
    if not _TAIL_CREDIT.match(credit) or size > 2 * _BARE_CREDIT_WORDS or credit.startswith(("The ", "A ")):
        return None
    tokens = [fold(t) for t in credit.split()]
    return credit if re.fullmatch(_DOMAIN, credit) or tokens[-1] in kinds or tokens[0] == "screenshot" else None


def is_photo_credit(line: str, *, agencies: Iterable[str] = ()) -> bool:
    """A credit alone on its line ("Name / Agency", "Press Service of ...", "Photo: X")."""
    text = line.strip()
    if not text or len(text) > _MAX_CREDIT_CHARS or text.endswith(_SENTENCE_END):
        return False
    credit = credit_of(text, agencies=agencies)
    if credit is None:
        return False
    return credit == text or fold(text).startswith(CAPTION_LABELS) or len(text.split()) <= len(credit.split()) + 2


def is_caption(line: str, *, agencies: Iterable[str] = ()) -> bool:
    """A picture caption, with or without its credit, or a bare credit.

    True for a line opening with a caption label, or closing with a credit
    in brackets, or closing with an agency-style credit or a picture licence
    ("CC BY 4.0, via Wikimedia Commons") and no full stop (captions end with
    the credit, paragraphs with punctuation).
    """
    # Every rule holds only within the word limit. The words are counted
    # last, and no further than the limit: a paragraph ending with a full
    # stop and no label is done before it is split.
    key = fold(line)
    labelled = key.startswith(CAPTION_LABELS) or (")" in line and _CREDIT_PAREN.search(line) is not None)
    if not labelled and line.rstrip().endswith(_SENTENCE_END):
        return False
    if len(line.split(maxsplit=_MAX_CAPTION_WORDS)) > _MAX_CAPTION_WORDS:
        return False
    if labelled:
        return True
    families = _families(_lowered(line))
    if families & _LICENCE_BIT and _LICENCE.search(line) is not None:
        return True
    text = line.rstrip()[-_CREDIT_SEARCH_CHARS:]
    # The words the credit's patterns need are looked for once when its
    # text is the whole line (as a caption's is).
    return _credit_of(text, families if text == line else None, agencies, (), ()) is not None
