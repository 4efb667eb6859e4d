"""Text helpers every source plugin needs to survive real pages.

Page dumps arrive with CRLF line endings, non-breaking spaces, curly or
straight quotes and stray blank lines. Plugins keep the article's own
characters in their output but compare against boilerplate through
:func:`fold`, so one rule matches every spelling of the same phrase.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

#: The spaces :func:`normalize` unifies besides the ASCII one, and as a class's body.
_OTHER_SPACE_CHARS = ("\t", "\u00a0", "\u1680", *map(chr, range(0x2000, 0x200B)), "\u202f", "\u205f", "\u3000")
_OTHER_SPACES = "".join(_OTHER_SPACE_CHARS)
_SPACES = re.compile(f"[ {_OTHER_SPACES}]+")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u2026": "...",
    }
)


def normalize(text: str) -> str:
    """Return ``text`` with unified line endings and spaces, characters kept.

    CRLF and CR become LF, every kind of horizontal space becomes one ASCII
    space, invisible and control characters go, and each line is stripped.
    Quotes and dashes are left as the page has them.
    """
    text = _unified(text)
    if _SPLIT_ONLY_SPACES[0] not in text and _SPLIT_ONLY_SPACES[1] not in text and _SPLIT_ONLY_SPACES[2] not in text:
        # Every space left is a lone ASCII one, and what ``str.strip``
        # would take off a line is such a space next to a line feed or an
        # end of the text: taken off by three C calls over the whole text
        # rather than one Python call per line.
        return text.replace("\n ", "\n").replace(" \n", "\n").strip(" ")
    return "\n".join(line.strip() for line in text.split("\n"))


def _unified(text: str) -> str:
    """:func:`normalize` but for stripping the lines: line ends, spaces,
    invisible and control characters."""
    # Whole-text work, once per page rather than once per line: no
    # character touched here is a line feed, so the lines come out the same.
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    # One scan tells the texts that hold no character to drop and no space
    # but the ASCII one (most of them), which are spared both substitutions.
    if _DROPPED_OR_SPACE.search(text):
        text = _DROPPED.sub("", text)
        # Each kind of space that is there becomes an ASCII one (a page
        # holds few kinds, each replaced in one C call), and the runs of
        # ASCII spaces are then made one below: the runs of any spaces
        # become one space, as a substitution of them would make them.
        for space in _OTHER_SPACE_CHARS:
            if space in text:
                text = text.replace(space, " ")
    if "  " in text:
        # A pattern that opens with a literal is searched for at C speed.
        text = _SPACE_RUN.sub(" ", text)
    return text


def lines(text: str) -> tuple[str, ...]:
    """The non-blank lines of ``text`` after :func:`normalize`.

    The lines are cut first and each stripped by ``str.strip`` (what
    :func:`normalize` does to a text holding a separator it keeps, and the
    same as its whole-text shortcut otherwise): a dump's few dozen lines
    are stripped in less time than the shortcut's two scans of the text
    take, and the text is not joined to be cut again.
    """
    return tuple(filter(None, map(str.strip, _unified(text).split("\n"))))


def collapse(text: str) -> str:
    """Collapse all whitespace, newlines included, to single spaces.

    The same as ``" ".join(normalize(text).split())`` in one regular
    expression: every space :func:`normalize` unifies is a separator to
    ``str.split`` anyway, so only the characters it drops need handling.
    """
    return " ".join(_DROPPED.sub("", text).split())


#: What :func:`normalize` removes: invisible and control characters.
_DROPPED = re.compile(f"{_INVISIBLE.pattern[:-1]}{_CONTROL.pattern[1:]}")
#: Two ASCII spaces or more.
_SPACE_RUN = re.compile("  +")
#: A character to drop or a space other than the ASCII one: one class,
#: scanned for at C speed (an alternation would be tried at every character).
_DROPPED_OR_SPACE = re.compile(f"[{_DROPPED.pattern[1:-1]}{_OTHER_SPACES}]")
#: Characters ``str.split`` splits on that are no space to :func:`normalize`
#: (next line, line and paragraph separators: kept inside a line); the rest
#: of its whitespace is a space to normalize, a line feed, or dropped.
#: Looked for one by one: ``in`` scans at C speed (and not at all in a
#: text whose characters are all narrower), a set's ``isdisjoint`` hashes
#: every character of the text.
_SPLIT_ONLY_SPACES = ("\x85", "\u2028", "\u2029")


#: Strings up to this long are cached by :func:`fold`; longer ones (whole
#: paragraphs, whole page texts) are folded anew.
_FOLD_CACHED_CHARS = 300
#: The cache is emptied when the strings it holds (keys and folded values)
#: reach this many characters: about 3 MB whatever the corpus, where a count
#: of entries would let its size follow the length of the lines.
_FOLD_BUDGET_CHARS = 1_000_000
_folded: dict[str, str] = {}
_folded_chars = 0
#: Paragraphs (longer than the strings above, up to this long) are kept
#: apart, in a cache of their own emptied when it holds this many
#: characters: a page's paragraphs are folded again by every rule that reads
#: them (ten times each on an HTML page), but seldom recur across pages, so
#: they need to be kept for about one page and must not crowd out the short
#: lines that recur everywhere.
_FOLD_PARAGRAPH_CHARS = 10_000
_FOLD_PARAGRAPH_BUDGET_CHARS = 200_000
_folded_paragraphs: dict[str, str] = {}
_folded_paragraph_chars = 0


def fold(text: str) -> str:
    """A comparison key: case, quote style, dashes, width and spacing folded.

    ``fold("Support The Moscow Times!")`` equals
    ``fold("SUPPORT  the moscow times!")``; use it to recognise boilerplate,
    never as output. Short strings are cached: every source folds the same
    lines of a page while scoring it, and boilerplate lines recur across
    pages. Paragraphs are cached apart for about a page, whole page texts
    not at all, so the caches stay small.
    """
    folded = _folded.get(text)
    if folded is not None:
        return folded
    if len(text) <= _FOLD_CACHED_CHARS:
        folded = _fold(text)
        _remember(text, folded)
    elif len(text) <= _FOLD_PARAGRAPH_CHARS:
        folded = _folded_paragraphs.get(text)
        if folded is None:
            folded = _fold(text)
            _remember_paragraph(text, folded)
    else:
        folded = _fold(text)
    return folded


def _remember(text: str, folded: str) -> None:
    """Cache ``folded`` for ``text``, emptying the cache first when full.

    A plain dict read from :func:`fold` costs half an ``lru_cache`` call,
    and fold runs hundreds of times per page; emptying it all at once keeps
    the bound without bookkeeping per hit.
    """
    global _folded_chars
    _folded_chars = _kept(_folded, _folded_chars, _FOLD_BUDGET_CHARS, text, folded)


def _remember_paragraph(text: str, folded: str) -> None:
    """:func:`_remember` for the paragraphs' cache."""
    global _folded_paragraph_chars
    _folded_paragraph_chars = _kept(
        _folded_paragraphs, _folded_paragraph_chars, _FOLD_PARAGRAPH_BUDGET_CHARS, text, folded
    )


def _kept(cache: dict[str, str], held: int, budget: int, text: str, folded: str) -> int:
    """Put ``folded`` in ``cache`` (emptied first if it would hold more than
    ``budget`` characters); the characters it holds then."""
    size = len(text) + len(folded)
    if held + size > budget:
        cache.clear()
        held = 0
    cache[text] = folded
    return held + size


def _fold(text: str) -> str:
    if text.isascii():  # NFKC, the quote table and casefold change no ASCII but letter case
        return _spaced(text.lower())
    text = unicodedata.normalize("NFKC", text)
    # str.translate looks up every character of a long string in the table;
    # each quote or dash is looked for by a C scan instead and replaced where
    # it is there (a third of the time of a pattern calling back per match).
    for char, plain in _QUOTE_PAIRS:
        if char in text:
            text = text.replace(char, plain)
    return _spaced(text.casefold())


def _spaced(text: str) -> str:
    """``" ".join(text.split())``: every run of whitespace one space, none at the ends.

    Most texts folded are lines of a page, already spaced so: such a text
    is returned as it is, without being cut into words and joined again.
    Every character ``str.split`` splits on but the ASCII space is
    unprintable (a control character or a separator), so a printable text
    with no two spaces in a row and none at its ends is unchanged by it.
    """
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())


#: :data:`_QUOTES` as pairs. No replacement holds a character of the table,
#: so replacing them one after another is the table's one pass.
_QUOTE_PAIRS = tuple((chr(code), str(plain)) for code, plain in _QUOTES.items())


def starts_with_any(text: str, prefixes: Iterable[str]) -> bool:
    """Whether the folded ``text`` starts with any folded prefix."""
    key = fold(text)
    return any(key.startswith(fold(p)) for p in prefixes)


def ends_of(text: str, chars: int = 5000) -> str:
    """The first and last ``chars`` characters of a very long ``text``, joined by a space.

    Boilerplate glued to a page that lost its line breaks sits at the start
    or the end of the one huge line left: reading only its ends keeps a
    detector's cost bounded without missing it. Shorter texts are returned
    whole.
    """
    if len(text) <= 2 * chars:
        return text
    return text[:chars] + " " + text[-chars:]


#: Four digits (of any script) in a row.
_FOUR_DIGITS = re.compile(r"\d\d\d\d")
#: A line at least this long is scanned for them as bytes first.
_BYTES_SCAN_CHARS = 48
#: Every byte to "0" if it is an ASCII digit, else to a space.
_DIGITS_TO_ZERO = bytes(ord("0") if 48 <= b <= 57 else ord(" ") for b in range(256))
#: :data:`_DIGITS_TO_ZERO`, but every byte of a character outside ASCII to "0" as well.
_DIGITS_AND_OTHERS_TO_ZERO = bytes(ord("0") if 48 <= b <= 57 or b >= 128 else ord(" ") for b in range(256))


def has_four_digits(text: str) -> bool:
    """Whether ``text`` holds four digits in a row (of any script): a year,
    which a date line or a comment's timestamp needs.

    Most lines asked are paragraphs, and the regular expression engine
    tries every character of them in turn; a byte translation and a
    substring search at C speed find the same. In ASCII the only digits are
    0-9; a text outside ASCII (curly quotes) is translated as UTF-8 with
    every byte of a character outside ASCII taken for a digit, as a digit of
    another script may be: without four such bytes in a row it holds no
    four digits, and only with them is the pattern asked.
    """
    if len(text) < _BYTES_SCAN_CHARS:
        return _FOUR_DIGITS.search(text) is not None
    if text.isascii():
        return b"0000" in text.encode("ascii").translate(_DIGITS_TO_ZERO)
    if b"0000" not in text.encode("utf-8", "surrogatepass").translate(_DIGITS_AND_OTHERS_TO_ZERO):
        return False
    return _FOUR_DIGITS.search(text) is not None
