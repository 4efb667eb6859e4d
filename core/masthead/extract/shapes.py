"""The shape of a line: headline, running text, a commenter's name, a bullet.

Text dumps carry no markup, so a plugin tells a title from a paragraph, and
a related-article link from a reader comment, by shape alone. The rules are
deliberately strict: a line that is not clearly a headline is text, so an
article sentence is never lost to a shape rule.
"""

from __future__ import annotations

import re

#: Words a Title Case headline leaves in lower case.
SMALL_WORDS = frozenset(
    (
        *("a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at", "by", "in", "of"),
        *("off", "on", "per", "to", "up", "via", "vs", "vs.", "with", "from", "into", "over", "than"),
        *("amid", "after", "upon", "out", "is", "are", "was", "be"),
        *("de", "la", "del", "el", "al", "von", "van", "der", "den", "du", "des", "le"),
    )
)
_SENTENCE_END = (".", "!", "?", "…", ":", ";", ",", '"', "'", "\u201d", "\u2019", ")", "»")
#: Abbreviations whose full stop ends no sentence ("St. Petersburg Bans ...", "Apple Inc. Unveils ...").
ABBREVIATIONS = frozenset(
    (
        *("st", "mt", "ft", "mr", "mrs", "ms", "dr", "jr", "sr", "no", "vs", "gen", "col", "sgt", "lt", "capt"),
        *("maj", "gov", "sen", "rep", "prof", "rev", "inc", "corp", "co", "ltd", "bros"),
    )
)
#: A sentence end inside a line: a word, a stop (quotes may close), a capital.
#: The lookbehind starts a match only where a word starts, so a long run of
#: letters is scanned once rather than once from each of its letters.
#: (What follows the word, the stop first, is a pattern of its own.)
_BREAK_TAIL = re.compile(r"[.!?][\"'”’)]*\s+[\"'“‘(]?[A-Z]")
_SENTENCE_BREAK = re.compile(r"(?<!\w)(?P<word>\w*[a-z0-9%])" + _BREAK_TAIL.pattern)
#: Starting only where a run of initials starts keeps a long run linear.
_ABBREV_END = re.compile(r"(?<!\b[A-Z]\.)(?:\b[A-Z]\.){2,}$")
_WORD_EDGE = "\"'“”‘’«»()[]{}-–—:,;!?."
_ASCII_CAPITALS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _ends_with_initials(text: str) -> bool:
    """Whether ``text`` ends with two initials ("U.S."), as every run of
    initials the abbreviation patterns find at its end does: checked first,
    since those patterns have no literal to skip ahead by and would be
    tried at every character of a sentence."""
    return (
        len(text) >= 4 and text[-1] == "." == text[-3] and text[-2] in _ASCII_CAPITALS and text[-4] in _ASCII_CAPITALS
    )


def ends_sentence(line: str) -> bool:
    """Whether ``line`` ends like a finished sentence (for truncation checks)."""
    return line.rstrip().endswith(_SENTENCE_END)


def sentence_breaks(line: str) -> int:
    """How many sentences end inside ``line`` (not at its end); abbreviations aside."""
    # Without a stop there is no break, and most lines have none; nor
    # without what follows the stop of every break (a space and a
    # capital), found by a pattern that opens with the stop, which the
    # engine looks for at C speed (the break's own pattern is tried at
    # every word).
    if ("." not in line and "!" not in line and "?" not in line) or _BREAK_TAIL.search(line) is None:
        return 0
    return sum(1 for found in _SENTENCE_BREAK.finditer(line) if found["word"].lower() not in ABBREVIATIONS)


def is_headline(line: str, *, strict: bool = True) -> bool:
    """Whether ``line`` is a Title Case headline.

    At least 80 % of the significant words capitalised (two at least),
    2-30 words, no full stop at the end (unless the last word is an
    abbreviation like "U.S."), no sentence break inside (a title abbreviation
    such as "St." or "Dr." is none: "St. Petersburg Bans ...") and not shouted in
    capitals. Comments and paragraphs fail at least one rule.

    ``strict=False`` allows a sentence break ("Revealed! Who Runs It"): only
    for a line that other evidence already marks as a title.
    """
    # Every rule below must hold: the cheap ones on the characters go
    # first, so that a paragraph is done before it is split into words.
    if len(line) > 250:
        return False
    stripped = line.rstrip()
    if stripped.endswith((".", ",", ";", ":")) and not (_ends_with_initials(stripped) and _ABBREV_END.search(stripped)):
        return False
    if stripped.endswith("..."):
        return False
    words = line.split()
    if not 2 <= len(words) <= 30 or (strict and sentence_breaks(line)):
        return False
    if len(words) >= 3:
        letters, capitals = _letter_counts(line)
        if letters and capitals / letters > 0.85:
            return False
    significant = capitalised = 0
    for word in words:
        core = word.strip(_WORD_EDGE)
        if not core or not core[0].isalpha() or core.lower() in SMALL_WORDS:
            continue
        significant += 1
        capitalised += core[0].isupper()
    return capitalised >= 2 and capitalised / max(significant, 1) >= 0.8


#: Every ASCII character but the letters, and but the capitals: deleting
#: them from an ASCII line leaves what :func:`_letter_counts` counts.
_ASCII_NOT_LETTERS = bytes(b for b in range(128) if not chr(b).isalpha())
_ASCII_NOT_CAPITALS = bytes(b for b in range(128) if not chr(b).isupper())


def _letter_counts(line: str) -> tuple[int, int]:
    """How many letters ``line`` holds, and how many of them are capitals.

    An ASCII line is counted by two deletions at C speed; in ASCII only
    ``A-Z`` are capitals and only ``A-Za-z`` letters, as ``str`` says.
    """
    if line.isascii():
        raw = line.encode("ascii")
        return len(raw.translate(None, _ASCII_NOT_LETTERS)), len(raw.translate(None, _ASCII_NOT_CAPITALS))
    letters = [ch for ch in line if ch.isalpha()]
    return len(letters), sum(ch.isupper() for ch in letters)


#: What may open a word before its first letter ("“Putin", "$5bn", "(AP").
_OPENERS = "\"'“‘«([{$£€¥#@*-–—"


def _word_case(token: str, small_words: frozenset[str]) -> bool | None:
    """True for a capitalised word ("Putin", "iPhone"), False for a lower-case one, None if neutral."""
    token = token.lstrip(_OPENERS)
    if not token:
        return None
    # Most words start with a letter: it is then the first letter and the
    # first letter or digit, and the character-by-character scans are skipped.
    head = token[0]
    opens_with_letter = head.isalpha()
    if not opens_with_letter and not any(map(str.isalpha, token)):
        return None
    if token.lower() in small_words or (token[-1] in ",;:" and token.rstrip(",;:").lower() in small_words):
        return None
    first = head if opens_with_letter else next(ch for ch in token if ch.isalpha() or ch.isdigit())
    if first.isdigit():
        return None
    return first.isupper() or any(map(str.isupper, token))


def title_case_ratio(line: str, *, small_words: frozenset[str] = SMALL_WORDS, skip_last: bool = False) -> float:
    """Share of significant words that are capitalised (0.0 below two such words).

    Small words and numbers are neutral; ``skip_last`` leaves out a last
    word a dump may have cut ("Israeli Forces Kill Pal"). A softer measure
    than :func:`is_headline`, for outlets whose headlines are partly in
    sentence case.
    """
    tokens = line.split()
    if skip_last and len(tokens) > 1:
        tokens = tokens[:-1]
    cases = [case for token in tokens if (case := _word_case(token, small_words)) is not None]
    return sum(cases) / len(cases) if len(cases) >= 2 else 0.0


#: Closing quotes and brackets a line may end with after its last word.
_CLOSERS = "\"'”’»)]} "
#: A headline may end with an abbreviation ("... Arms Sales by U.S.").
_HEADLINE_ABBREVIATION_END = re.compile(r"(?:(?<!\b[A-Z]\.)\b(?:[A-Z]\.){2,}|\b(?:Inc|Corp|Co|Ltd|Jr|Sr|Bros|St)\.)$")
#: The words of its second branch, with their stop.
_TITLE_ABBREVIATIONS = ("Inc.", "Corp.", "Co.", "Ltd.", "Jr.", "Sr.", "Bros.", "St.")
#: Words a headline leaves out or never ends on; a line full of them is a sentence.
_ARTICLES = frozenset({"the", "a", "an"})
_DANGLING = frozenset(
    {*_ARTICLES, "of", "to", "in", "on", "at", "by", "for", "with", "from", "and", "or", "but", "that", "which", "as"}
)
#: Past tenses of news copy: the story says "said" and "rose", its headline "says" and "rises".
_PAST_TENSE = re.compile(
    r"\b(?:said|told|was|were|had|rose|fell|grew|came|took|gave|held|kept|met|announced|reported)\b", re.IGNORECASE
)
#: "... on Monday": news copy dates its events, headlines do not.
_WEEKDAY = re.compile(r"\bon\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b", re.IGNORECASE)
_MAX_SENTENCE_CASE_TITLE_WORDS = 16


def starts_capitalised(line: str) -> bool:
    """Whether the line's first word (quotes, brackets, currency aside) starts with a capital or a digit."""
    stripped = line.lstrip(_OPENERS)
    return bool(stripped) and (stripped[0].isupper() or stripped[0].isdigit())


def headline_shaped(line: str, *, max_words: int = 24, max_chars: int = 180) -> bool:
    """Short, single-statement, capitalised and not closed by a full stop or comma.

    Says nothing about case, unlike :func:`is_headline`: for outlets whose
    headlines are partly in sentence case. A closing question or
    exclamation mark is allowed, as headlines use them.
    """
    if len(line) > max_chars:
        return False
    # How the line ends is looked at before its words are counted: most
    # lines asked are paragraphs, closed by a full stop, and are told
    # without being cut into words. Words are counted only as far as the
    # limit needs.
    core = line.rstrip(_CLOSERS)
    if core.endswith((".", "…", ":", ";", ",", "-", "–", "—")) and not (
        (core.endswith(_TITLE_ABBREVIATIONS) or _ends_with_initials(core)) and _HEADLINE_ABBREVIATION_END.search(core)
    ):
        return False
    if not 2 <= len(line.split(maxsplit=max_words)) <= max_words:
        return False
    return not sentence_breaks(line) and starts_capitalised(line)


def reads_as_sentence(line: str) -> bool:
    """News-copy habits a headline does not have: the past tense, "on Monday"."""
    return bool(_PAST_TENSE.search(line) or _WEEKDAY.search(line))


def sentence_case_headline(line: str) -> bool:
    """Whether a headline-shaped line in sentence case reads as a headline.

    A sentence-case title ("Bank of Mexico likely to keep policy rate on
    hold") looks like a first sentence that lost its full stop. Headlines
    drop articles, use the present tense and do not end on a preposition;
    a line that breaks those habits is a sentence.
    """
    tokens = [t.strip(_OPENERS + _CLOSERS + ",;:").lower() for t in line.split()]
    if not headline_shaped(line) or len(tokens) > _MAX_SENTENCE_CASE_TITLE_WORDS:
        return False
    if any(t in _ARTICLES for t in tokens[1:]) or tokens[-1] in _DANGLING:
        return False
    return not reads_as_sentence(line)


def is_prose(line: str, *, min_words: int = 8) -> bool:
    """A paragraph of running text: ``min_words`` words or more and not a headline."""
    # Split no further than needed to know there are ``min_words`` words.
    return len(line.split(maxsplit=max(min_words, 0))) >= min_words and not is_headline(line)


#: List bullets (none is special in a character class).
_BULLETS = "•·◦▪‣●"
_BULLET = re.compile(rf"^[{_BULLETS}]\s*")
#: The number of an ordered comment list ("1. Rob says:", "#12 Rob").
_NUMBER = re.compile(r"^(?:#\s?\d{1,4}|\d{1,4}[.)])\s+")
_SAYS = re.compile(r"\s+(?:says|wrote|writes)\s*:?$", re.IGNORECASE)
#: Commenter names are short: "leon mc pilibin", "Ivan_the_Pragmatist".
_MAX_NAME_WORDS = 4
_MAX_NAME_CHARS = 40
#: The most words :func:`clean_name` removes: "•", "#", "12", "says", ":".
_CLEANED_WORDS = 5
_NAME_END = (".", "!", "?", ",", ";", ":", "\u201d", '"', "…", ")")
#: A name may end with an initial: "Tom B.", "Jean-Luc P.".
_INITIAL_END = re.compile(r"(?:^|[\s-])[A-Z]\.$")


def strip_bullet(line: str) -> str:
    """``line`` without a leading list bullet ("• Rob" -> "Rob")."""
    return _BULLET.sub("", line, count=1) if has_bullet(line) else line


def has_bullet(line: str) -> bool:
    """Whether ``line`` starts with a list bullet."""
    # What matching the pattern at the start asks: its first character.
    return line[:1] in _BULLETS and bool(line)


def is_name(line: str) -> bool:
    """A commenter's display name as comment threads print it.

    At most four words and forty characters, no sentence punctuation at
    the end, no URL, not a number: "Rob", "[deleted] x_X", "Mr. Reality",
    "Voice of Reason says:", "Tom B.". A short comment ("lol") has the same shape;
    callers decide by position.
    """
    # clean_name takes at most five words off a line (a bullet, a list
    # number of two, "says" and a colon) and joins none: a line of more
    # words holds more than a name's, and is done without its three patterns.
    if len(line.split(maxsplit=_MAX_NAME_WORDS + _CLEANED_WORDS)) > _MAX_NAME_WORDS + _CLEANED_WORDS:
        return False
    name = clean_name(line)
    if not name or len(name) > _MAX_NAME_CHARS or len(name.split()) > _MAX_NAME_WORDS:
        return False
    if (name.endswith(_NAME_END) and not _ends_with_initial(name)) or "://" in name or "www." in name:
        return False
    return not name.replace(" ", "").isdigit() and not name.startswith(('"', "\u201c", "'", "\u2018", "(", "-"))


def _ends_with_initial(name: str) -> bool:
    """Whether ``name`` ends with an initial and all its words are capitalised
    ("Tom B."): asked only of a name that ends like a sentence, and the
    pattern only of one that ends with a capital and a stop."""
    return (
        name[-2:-1].isupper() and _INITIAL_END.search(name) is not None and all(w[:1].isupper() for w in name.split())
    )


def clean_name(line: str) -> str:
    """The display name of a name line: bullet, list number and "says:" removed."""
    # Most names have neither a list number nor "says": each pattern is
    # tried only on a line that may hold what it removes.
    name = line.strip()
    if _may_say(name):
        name = _SAYS.sub("", name)
    name = strip_bullet(name)
    if name[:1] == "#" or name[:1].isdigit():
        name = _NUMBER.sub("", name, count=1)
    return name.strip()


#: The words :data:`_SAYS` takes off the end of a name line, and the longest's length.
_SAYS_WORDS = ("says", "wrote", "writes")
_SAYS_CHARS = 6


def _may_say(name: str) -> bool:
    """Whether :data:`_SAYS` may match the stripped ``name``: it ends, but
    for one colon and spaces, with one of :data:`_SAYS_WORDS`. In ASCII,
    where case-blind matching only pairs the two cases of a letter, the
    lower case tells; another end ("ſays") is left to the pattern."""
    tail = name.rstrip(":").rstrip()[-_SAYS_CHARS:]
    return not tail.isascii() or tail.lower().endswith(_SAYS_WORDS)


#: What a finished sentence ends with, closing quotes and brackets aside.
_STOPS = (".", "!", "?", "…")
#: A stretch of text this long is running text even when a dump cut its end.
_LONG_PARAGRAPH_WORDS = 26
#: Only this much of a line is read to count its words and sentences.
_PARAGRAPH_CHARS = 400
#: :func:`headline_shaped`'s limits, and the share of capitalised words a
#: headline cut mid-word needs when its last word is not judged.
_HEADLINE_WORDS, _HEADLINE_CHARS = 24, 180
_CUT_RATIO = 0.75


def ends_with_stop(line: str) -> bool:
    """Whether ``line`` ends with a full stop, a question or exclamation mark or an ellipsis.

    Closing quotes and brackets are looked past. Stricter than
    :func:`ends_sentence`, which also takes a colon, a comma or a bare
    closing quote: for telling running text from a headline.
    """
    return line.rstrip(_CLOSERS).endswith(_STOPS)


def paragraph_shaped(line: str, *, long_words: int = _LONG_PARAGRAPH_WORDS) -> bool:
    """Running text: a finished sentence, or a long stretch a dump cut short.

    A finished sentence of three words or more (two when it asks or
    exclaims), a lead-in of six words or more ending with a colon,
    ``long_words`` words or more, or twelve words with a sentence ending
    inside. Headlines are shorter and end without a full stop.
    """
    head = line[:_PARAGRAPH_CHARS]  # enough to compare with the thresholds
    n = len(head.split())
    core = line.rstrip(_CLOSERS)
    if core.endswith(_STOPS):
        return n >= 3 or (core.endswith(("?", "!")) and n >= 2)
    if core.endswith(":") and n >= 6:
        return True
    return n >= long_words or (n >= 12 and sentence_breaks(head) > 0)


def title_case_headline(
    line: str, *, small_words: frozenset[str] = SMALL_WORDS, may_be_cut: bool = False, ratio: float = 0.8
) -> bool:
    """A headline in title case: :func:`headline_shaped` and ``ratio`` of its words capitalised.

    ``may_be_cut`` is for the last line of a dump, which may stop mid-word
    ("Israeli Forces Kill Pal"): the last word is not judged, a short line
    of one or two words is enough, and it only must not end a sentence.
    """
    if not may_be_cut:
        return headline_shaped(line) and title_case_ratio(line, small_words=small_words) >= ratio
    tokens = line.split() if len(line) <= _HEADLINE_CHARS else []
    return (
        1 <= len(tokens) <= _HEADLINE_WORDS
        and not ends_with_stop(line)
        and starts_capitalised(line)
        and (len(tokens) <= 2 or title_case_ratio(line, small_words=small_words, skip_last=True) >= _CUT_RATIO)
    )
