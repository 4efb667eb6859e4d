"""Boilerplate as data: families of phrases, and blocks with start and end markers.

An outlet states what it prints around its articles (donation appeals,
newsletter boxes, comment forms, menus) as :class:`Phrases` families; this
module does the matching, the same way for every outlet:

* tolerantly: every comparison goes through :func:`masthead.extract.text.fold`,
  so case, curly or straight quotes, dashes, ellipses and non-breaking or
  repeated spaces never matter;
* on a line cut short: dumps end wherever a capture stopped, so a line that
  is only the *beginning* of a known phrase counts as that phrase
  (:meth:`Phrases.matches_cut`);
* as blocks: a :class:`BlockRule` opens at a start phrase and runs to its end
  phrase, or, when the end never comes (the page was truncated, the block
  has another form that year), over the short lines that follow it.

A :class:`Boilerplate` bundles an outlet's families and block rules and
answers, for each line of a page, whether and why it is not article text.
"""

from __future__ import annotations

import bisect
import functools
import re
import warnings
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Generic, TypeVar

import attrs

from masthead.extract.text import fold

__all__ = [
    "COOKIE_NOTICES",
    "Boilerplate",
    "BlockRule",
    "LineAnswers",
    "Phrases",
    "Span",
    "folded",
    "glued_pattern",
    "marker_rest",
    "recall",
    "split_glued",
]

_T = TypeVar("_T")

#: A cut-off line must be at least this long to stand for a phrase...
CUT_MIN_CHARS = 12
#: ...unless it is the very last line of the page, where the capture stopped.
CUT_MIN_CHARS_LAST = 4
#: What an exact phrase may be followed by on its line ("Share:", "Comments!").
_EXACT_TRAIL = " :.!"


def folded(phrases: Iterable[str]) -> tuple[str, ...]:
    """``phrases`` folded once, duplicates removed, order kept."""
    return tuple(dict.fromkeys(fold(p) for p in phrases if fold(p)))


def _folded_set(phrases: Iterable[str]) -> frozenset[str]:
    return frozenset(folded(phrases))


def _compiled(patterns: Iterable[str | re.Pattern[str]]) -> tuple[re.Pattern[str], ...]:
    return tuple(p if isinstance(p, re.Pattern) else re.compile(p) for p in patterns)


def _all_sorted(phrases: Phrases) -> tuple[str, ...]:
    return tuple(sorted({*phrases.exact, *phrases.prefixes, *phrases.contains}))


def _longest_exact(phrases: Phrases) -> int:
    """The length of the longest of ``phrases.exact`` (0 for none)."""
    return max(map(len, phrases.exact), default=0)


#: "\\1" or "(?(1)": a group referred to by its number.
_NUMBERED_REFERENCE = re.compile(r"\\[1-9]|\(\?\(\d")


def _one_pattern(phrases: Phrases) -> re.Pattern[str] | None:
    """``phrases.patterns`` as one alternation, searched once instead of each in turn.

    A line holds a match of the alternation exactly when it holds one of a
    pattern. Only patterns that keep their meaning side by side are joined:
    the same flags, not verbose (a comment would swallow the rest), no
    reference to a group by number (the numbers shift; anything that reads
    like one counts); else ``None``. A single pattern is its own
    alternation: searched directly, not through a generator.
    """
    patterns = phrases.patterns
    if len(patterns) == 1:
        return patterns[0]
    if not patterns or len({p.flags for p in patterns}) > 1 or patterns[0].flags & re.VERBOSE:
        return None
    if any(_NUMBERED_REFERENCE.search(p.pattern) for p in patterns):
        return None
    # A global inline flag ("(?i)") is allowed only at the start of a
    # pattern: an error since Python 3.11, a warning before.
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            return re.compile("|".join(f"(?:{p.pattern})" for p in patterns), patterns[0].flags)
        except (re.error, Warning):
            return None


#: The shortest word :func:`_grouped_contains` groups phrases under.
_GROUP_WORD_CHARS = 6


def _grouped_contains(phrases: Phrases) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``phrases.contains`` under words they hold: ``(word, group)``.

    A line without the word holds no phrase of its group, so a line is
    searched once per group rather than once per phrase. Each word is the
    long word most of the phrases left hold; a phrase that shares none with
    another is its own word (``(phrase, ())``).
    """
    left = list(phrases.contains)
    groups: list[tuple[str, tuple[str, ...]]] = []
    while left:
        # Long words: short ones ("you", "our") are in most lines anyway.
        words = sorted({word for phrase in left for word in phrase.split() if len(word) >= _GROUP_WORD_CHARS})
        word = max(words, key=lambda w: (sum(w in phrase for phrase in left), len(w)), default="")
        group = tuple(phrase for phrase in left if word and word in phrase)
        if len(group) < 2:
            group = (left[0],)
            groups.append((left[0], ()))
        else:
            groups.append((word, group))
        left = [phrase for phrase in left if phrase not in group]
    return tuple(groups)


@attrs.define(frozen=True)
class Phrases:
    """One family of boilerplate phrases (a donation appeal, a comment form).

    ``exact`` phrases match a whole line; ``prefixes`` a line that starts
    with them (only in a line of at most ``prefix_words`` words, when set,
    so that a heading such as "Support us" does not swallow a sentence);
    ``contains`` anywhere in a line of any length (use only phrases no
    article would print); ``patterns`` are regular expressions searched in
    the folded line (anchor them yourself). All text is folded on creation.
    """

    name: str
    exact: frozenset[str] = attrs.field(factory=frozenset, converter=_folded_set)
    prefixes: tuple[str, ...] = attrs.field(default=(), converter=folded)
    contains: tuple[str, ...] = attrs.field(default=(), converter=folded)
    patterns: tuple[re.Pattern[str], ...] = attrs.field(default=(), converter=_compiled)
    prefix_words: int | None = None
    #: Every phrase, sorted: the ones a cut line may start are found by bisection.
    _sorted: tuple[str, ...] = attrs.field(
        init=False, eq=False, repr=False, default=attrs.Factory(_all_sorted, takes_self=True)
    )
    _pattern: re.Pattern[str] | None = attrs.field(
        init=False, eq=False, repr=False, default=attrs.Factory(_one_pattern, takes_self=True)
    )
    _contains: tuple[tuple[str, tuple[str, ...]], ...] = attrs.field(
        init=False, eq=False, repr=False, default=attrs.Factory(_grouped_contains, takes_self=True)
    )
    _longest_exact: int = attrs.field(
        init=False, eq=False, repr=False, default=attrs.Factory(_longest_exact, takes_self=True)
    )

    def matches(self, line: str) -> bool:
        """Whether ``line`` is one of these phrases (any spelling)."""
        return self.matches_folded(fold(line))

    def matches_folded(self, key: str) -> bool:
        """:meth:`matches` for a line already folded: for a caller that asks many families."""
        if not key:
            return False
        exact = self.exact
        # Stripping can only change a key that ends with what it strips, and
        # it leaves no phrase of a key longer than the longest phrase unless
        # the character past that length is one it strips: a paragraph
        # ending with a full stop is not copied and hashed again.
        if exact and (
            key in exact
            or (
                key[-1] in _EXACT_TRAIL
                and key[self._longest_exact : self._longest_exact + 1] in _EXACT_TRAIL
                and key.rstrip(_EXACT_TRAIL) in exact
            )
        ):
            return True
        for word, group in self._contains:
            if word in key:
                if not group:  # the word is the phrase
                    return True
                for phrase in group:
                    if phrase in key:
                        return True
        # The word count only matters once a prefix is there: counted last.
        if (
            self.prefixes
            and key.startswith(self.prefixes)
            and (self.prefix_words is None or len(key.split()) <= self.prefix_words)
        ):
            return True
        if self._pattern is not None:
            return self._pattern.search(key) is not None
        return bool(self.patterns) and any(pattern.search(key) for pattern in self.patterns)

    def matches_cut(self, line: str, *, last: bool = False) -> bool:
        """Whether ``line`` is a known phrase cut short (the start of one).

        A long enough start of a phrase counts anywhere; on the very last
        line of a page (``last``) even a short one does.
        """
        return self.matches_cut_folded(fold(line), last=last)

    def matches_cut_folded(self, key: str, *, last: bool = False) -> bool:
        """:meth:`matches_cut` for a line already folded."""
        key = key.rstrip(" .…")
        if len(key) < (CUT_MIN_CHARS_LAST if last else CUT_MIN_CHARS):
            return False
        # The phrases that start with ``key`` follow ``key`` itself in sorted
        # order: one bisection finds the first, skipping ``key`` if it is one.
        phrases = self._sorted
        at = bisect.bisect_left(phrases, key)
        if at < len(phrases) and phrases[at] == key:
            at += 1
        return at < len(phrases) and phrases[at].startswith(key)


@attrs.define(frozen=True)
class Span:
    """Lines ``start`` to ``end`` (exclusive) form one block of kind ``name``."""

    name: str
    start: int
    end: int


def _has_link(line: str) -> bool:
    return "http" in line or "www." in line or "@" in line


@attrs.define(frozen=True)
class BlockRule:
    """A boilerplate block of several lines, such as a donation appeal.

    The block opens at a line matching ``start`` and closes after a line
    matching ``end`` when one comes within ``max_lines`` (and the lines
    right after it that match ``inside``). Without an end
    phrase (or when it never comes: truncated page, another year's form),
    the block goes on over lines matching ``inside`` and over short lines
    (at most ``tail_words`` words, or a link or an address), and stops at
    the first line of running text.
    """

    name: str
    start: Phrases
    end: Phrases | None = None
    inside: Phrases | None = None
    tail_words: int = 0
    max_lines: int = 40

    def span_at(self, lines: Sequence[str], index: int) -> Span | None:
        """The block opening at ``lines[index]``, or ``None``."""
        if not self.start.matches(lines[index]):
            return None
        stop = min(len(lines), index + 1 + self.max_lines)
        if self.end is not None:
            for at in range(index, stop):
                if self.end.matches(lines[at]):
                    return Span(self.name, index, self._continue(lines, at + 1, stop, short=False))
        return Span(self.name, index, self._continue(lines, index + 1, stop, short=True))

    def _continue(self, lines: Sequence[str], at: int, stop: int, *, short: bool) -> int:
        while at < stop:
            line = lines[at]
            inside = self.inside is not None and (self.inside.matches(line) or self.inside.matches_cut(line))
            if not (inside or self.start.matches(line) or (short and self._short(line))):
                break
            at += 1
        return at

    def _short(self, line: str) -> bool:
        return self.tail_words > 0 and (len(line.split()) <= self.tail_words or _has_link(line))


class Boilerplate:
    """An outlet's boilerplate: phrase families and block rules together.

    Built once per plugin (module level) and shared; matching is pure.
    """

    def __init__(self, *families: Phrases, blocks: Sequence[BlockRule] = ()) -> None:
        self.families = families
        self.blocks = tuple(blocks)
        self._indexed: tuple[object, object] = ((), ())
        self._every: tuple[Phrases, ...] = ()
        self._index: _FamiliesIndex | None = None

    def _current(self) -> tuple[tuple[Phrases, ...], _FamiliesIndex | None]:
        """Every family, block starts last, and their index: made again when
        ``families`` or ``blocks`` were given new values. No index (each
        family asked in turn) when a family is a subclass of
        :class:`Phrases`, whose own matching methods must answer for it, or
        holds a phrase that folding changes again (a few Greek letters with
        combining marks): the index's joined families fold their phrases
        once more."""
        if self._indexed[0] is not self.families or self._indexed[1] is not self.blocks:
            every = (*self.families, *(b.start for b in self.blocks))
            plain = all(type(f) is Phrases for f in every)
            fixed = plain and all(fold(phrase) == phrase for family in every for phrase in family._sorted)
            self._index = _FamiliesIndex(every) if fixed else None
            self._every, self._indexed = every, (self.families, self.blocks)
        return self._every, self._index

    def kind_of(self, line: str, *, last: bool = False) -> str | None:
        """The name of the family ``line`` belongs to, whole or cut short.

        The first family (in the order given, block starts last) that takes
        the line whole; else the first that takes it cut short.
        """
        key = fold(line)  # once for every family
        if not key:
            return None
        every, index = self._current()
        if index is None:
            whole = next((family.name for family in every if family.matches_folded(key)), None)
            return whole if whole is not None else _first_cut(every, key, last)
        # The families' exact phrases answer in one look-up; the other ways
        # of matching are asked of the families one by one only when all of
        # them together may take the line (most lines are article text).
        first = index.first_exact(key)
        if index.may_match_otherwise(key):
            for at in index.otherwise:
                if at >= first:
                    break
                if every[at].matches_folded(key):
                    return every[at].name
        if first < len(every):
            return every[first].name
        return _first_cut(every, key, last) if index.cut.matches_cut_folded(key, last=last) else None

    def is_boilerplate(self, line: str, *, last: bool = False) -> bool:
        """Whether ``line`` is any of the families' phrases (never article text)."""
        return self.kind_of(line, last=last) is not None

    def spans(
        self, lines: Sequence[str], *, stop: int | None = None, opens: Callable[[str], bool] | None = None
    ) -> list[Span]:
        """Every block in ``lines``, in page order, never overlapping.

        With ``stop``, only the blocks that open before that index; with
        ``opens``, a cheap test every line that opens a block passes (a
        plugin's remembered boilerplate test, say), blocks are looked for
        only at the lines it accepts.
        """
        found: list[Span] = []
        index, stop = 0, len(lines) if stop is None else min(stop, len(lines))
        while index < stop:
            if opens is not None and not opens(lines[index]):
                index += 1
                continue
            span = next((s for rule in self.blocks if (s := rule.span_at(lines, index)) is not None), None)
            if span is None:
                index += 1
                continue
            found.append(span)
            index = max(span.end, index + 1)
        return found

    def strip(self, lines: Sequence[str]) -> list[str]:
        """``lines`` without blocks and without single boilerplate lines."""
        inside = {i for span in self.spans(lines) for i in range(span.start, span.end)}
        last = len(lines) - 1
        return [
            line
            for index, line in enumerate(lines)
            if index not in inside and not self.is_boilerplate(line, last=index == last)
        ]


def _first_cut(families: Sequence[Phrases], key: str, last: bool) -> str | None:
    """The name of the first of ``families`` that takes ``key`` (a folded line) cut short."""
    return next((family.name for family in families if family.matches_cut_folded(key, last=last)), None)


class _FamiliesIndex:
    """What a :class:`Boilerplate`'s families match, looked up together.

    ``first_exact`` gives the first family whose exact phrases take a line;
    ``may_match_otherwise`` is false only when no family takes the line by
    a prefix, a contained phrase or a pattern (the families listed in
    ``otherwise``, by position, are the ones that have any); ``cut`` holds
    every family's phrases, so that it takes a cut line exactly when one of
    the families does (:meth:`Phrases.matches_cut_folded` only asks whether
    some phrase longer than the line starts with it).
    """

    __slots__ = ("_contains", "_exact", "_none", "_patterns", "_prefixes", "cut", "otherwise")

    def __init__(self, families: Sequence[Phrases]) -> None:
        self._none = len(families)
        self._exact: dict[str, int] = {}
        for at, family in enumerate(families):
            for phrase in family.exact:
                self._exact.setdefault(phrase, at)
        self.otherwise = tuple(
            at for at, family in enumerate(families) if family.prefixes or family.contains or family.patterns
        )
        others = [families[at] for at in self.otherwise]
        joined = Phrases(
            "joined",
            prefixes=[phrase for family in others for phrase in family.prefixes],
            contains=[phrase for family in others for phrase in family.contains],
            patterns=[pattern for family in others for pattern in family.patterns],
        )
        self._prefixes = joined.prefixes
        self._contains = joined._contains
        self._patterns = joined
        self.cut = Phrases(
            "cut",
            exact=frozenset().union(*(family.exact for family in families)),
            prefixes=[phrase for family in families for phrase in family.prefixes],
            contains=[phrase for family in families for phrase in family.contains],
        )

    def first_exact(self, key: str) -> int:
        """The position of the first family whose exact phrases take ``key``
        (a folded line, not empty), or the number of families for none."""
        first = self._exact.get(key, self._none)
        # A family takes a line that is one of its phrases but for the
        # characters an exact phrase may be followed by.
        if key[-1] in _EXACT_TRAIL:
            first = min(first, self._exact.get(key.rstrip(_EXACT_TRAIL), self._none))
        return first

    def may_match_otherwise(self, key: str) -> bool:
        """Whether some family may take ``key`` by a prefix (word limits
        aside), a contained phrase or a pattern."""
        if self._prefixes and key.startswith(self._prefixes):
            return True
        for word, group in self._contains:
            if word in key and (not group or any(phrase in key for phrase in group)):
                return True
        patterns = self._patterns
        if patterns._pattern is not None:
            return patterns._pattern.search(key) is not None
        return any(pattern.search(key) for pattern in patterns.patterns)


#: Cookie-consent banners, which a browser's dump of any outlet's page may
#: carry above or below the article: the opening words of the common
#: WordPress and consent-manager plugins' sentences, as far as a story that
#: reports on cookies would not open a paragraph with them ("We use cookies
#: to ...", not "We use cookies, says the banner"), and the buttons whose
#: wording names the banner. A bare "Accept", "Agree" or "Ok" may be a poll's
#: option or an answer in an interview: it is left to the article.
COOKIE_NOTICES = Phrases(
    "cookie_notice",
    exact=(
        *("Accept cookies", "Accept all cookies", "Allow cookies", "Allow all cookies", "Cookie settings"),
        *("Cookies settings", "Manage cookies", "Manage consent", "Accept Read More", "Accept Reject Read More"),
        *("Accept Cookie settings", "Reject all cookies", "Decline cookies"),
    ),
    prefixes=(
        *("This website uses cookies to", "This site uses cookies to", "We use cookies to", "We use cookies on"),
        *("Our website uses cookies to", "Our site uses cookies to", "This website stores cookies on"),
        *("We and our partners use cookies", "By continuing to use this site, you"),
        "By continuing to use this website, you",
        *("By continuing to browse this", "By using this website, you agree to", "By using this site, you agree to"),
    ),
)


class LineAnswers(dict[str, _T], Generic[_T]):
    """``ask``'s answer for each line asked so far: ``answers[line]`` asks
    ``ask`` about a line only the first time.

    For the rules of one page's reading that ask the same question (a
    family's :meth:`Phrases.matches`) about the same lines: a page's
    paragraphs are too long for :func:`masthead.extract.text.fold`'s cache,
    so every answer folds anew. Made per page, so cheap to make, unlike a
    :func:`functools.cache` wrapper, which copies the function's attributes.
    """

    __slots__ = ("_ask",)

    def __init__(self, ask: Callable[[str], _T]) -> None:
        # A new dict is empty: ``dict.__init__`` would add nothing, and a
        # page makes several of these.
        self._ask = ask

    def __missing__(self, line: str) -> _T:
        answer = self[line] = self._ask(line)
        return answer


#: Lines up to this long (menus, credits, captions, headlines, date and
#: byline lines, one-line boilerplate) have :class:`KeptAnswers` keep their
#: answers from page to page; a paragraph's are kept for its page only.
KEPT_CHARS = 160
#: A question's kept answers are dropped all at once when they reach this
#: many lines: at most some hundred kilobytes of short lines per question.
KEPT_LINES = 2048
#: What no question answers: a line whose answer is not kept.
_UNKNOWN: Any = object()


class KeptAnswers(LineAnswers[_T]):
    """:class:`LineAnswers` for one page whose answers for short lines (up to
    :data:`KEPT_CHARS`) also come from, and go to, ``kept``: one question's
    answers kept across pages, a plain dict the caller holds for the process.

    Every page of an outlet repeats its menus, credit lines, widget labels,
    the headlines of its tickers and "Read more" boxes, its comment form: a
    page of it would otherwise ask the same questions of the same short
    lines as the page before. The answers must depend on the line alone
    (not on the page), so a page reads the same whatever was read before it.
    ``kept`` is emptied at once when it holds :data:`KEPT_LINES` lines.
    """

    __slots__ = ("_kept",)

    def __init__(self, ask: Callable[[str], _T], kept: dict[str, _T]) -> None:
        # :class:`LineAnswers`' whole set-up, without one more Python call.
        self._ask = ask
        self._kept = kept

    def __missing__(self, line: str) -> _T:
        if len(line) > KEPT_CHARS:
            long_answer = self[line] = self._ask(line)
            return long_answer
        kept = self._kept
        # :func:`recall`'s rule, written out: a page asks here for most of
        # its lines, and a call more per line would cost more than the rule.
        # One look-up, not ``in`` then ``[]``: another thread emptying the
        # kept answers in between costs an answer worked out again, no error.
        # ``_UNKNOWN`` is typed as any answer: no call to ``typing.cast``
        # (a Python call) on the hits, which are most of the look-ups.
        answer: _T = kept.get(line, _UNKNOWN)
        if answer is _UNKNOWN:
            if len(kept) >= KEPT_LINES:
                kept.clear()
            answer = kept[line] = self._ask(line)
        self[line] = answer
        return answer


def recall(kept: dict[str, _T], line: str, ask: Callable[[str], _T], *, chars: int = KEPT_CHARS) -> _T:
    """``ask(line)``, from ``kept`` (one question's answers for short lines,
    kept across pages as :class:`KeptAnswers` keeps them) when it holds it;
    else worked out, and kept when ``line`` is short (up to ``chars``,
    :data:`KEPT_CHARS` unless said), the store emptied at once when it holds
    :data:`KEPT_LINES` lines, so it holds at most that many lines of that
    length. For a question asked outside a page's :class:`KeptAnswers` (a
    reader's method, a detector's key, a toolkit rule several readers ask)."""
    if len(line) > chars:
        return ask(line)
    answer: _T = kept.get(line, _UNKNOWN)
    if answer is _UNKNOWN:
        if len(kept) >= KEPT_LINES:
            kept.clear()
        answer = kept[line] = ask(line)
    return answer


#: Lines longer than this are no page glued together but a hostile blob.
_GLUE_SEARCH_CHARS = 200_000


def glued_pattern(markers: Iterable[str]) -> re.Pattern[str]:
    """A pattern for :func:`split_glued`: any of ``markers``, in any case and spacing."""
    return re.compile("(" + "|".join(r"\s+".join(map(re.escape, m.split())) for m in markers) + ")", re.IGNORECASE)


def split_glued(lines: Sequence[str], pattern: re.Pattern[str]) -> list[str]:
    """``lines`` with one-line boilerplate glued to other text put on lines of its own.

    Dumps (and HTML with the whole page in one block) may lose line breaks,
    so a header or an appeal's opening sticks to article text; split there
    so that line rules see it. ``pattern`` comes from :func:`glued_pattern`.
    """
    out: list[str] = []
    for line in lines:
        if len(line) <= _GLUE_SEARCH_CHARS and pattern.search(line) and not pattern.fullmatch(line.strip()):
            out.extend(part.strip() for part in pattern.split(line) if part and part.strip())
        else:
            out.append(line)
    return out


@functools.lru_cache(maxsize=64)
def _marker_pattern(marker: str) -> re.Pattern[str]:
    return re.compile(r"^" + r"\s+".join(map(re.escape, fold(marker).split())) + r"\s*(?::\s*(?P<rest>.*))?$")


def marker_rest(line: str, marker: str) -> str | None:
    """``None`` unless ``line`` is the whole-line marker ``marker`` (an end of
    article such as "MORE ON THE TOPIC:", any case, colon optional); else
    the text after its colon, ``""`` for none.

    "More on the topic of sanctions, ..." (no colon, more words) is a body
    sentence, which is why the colon is required when text follows.
    """
    match = _marker_pattern(marker).match(fold(line))
    if match is None:
        return None
    if not match.group("rest"):
        return ""
    return line.partition(":")[2].strip()
