"""The language of an article, read from its text.

A plugin's or page's language is a claim (a ``lang`` attribute copied across
a site's templates, an outlet's default); the text is the evidence. The
identifier is py3langid: offline (its model ships in the wheel), 97
languages, about a millisecond for the sample read here, deterministic. Its
model is loaded once per process, from a decompressed copy kept in
masthead's cache folder after the first run (:mod:`masthead.extract.langmodel`).

Rule: a declared language is kept when the text agrees with it or is too
short or too mixed to say otherwise; a language the text confidently
contradicts is replaced by the text's, with a warning. When the text is too
short to tell, the declared language is used and a warning says so.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

#: Characters of the text read: enough for a sure answer, bounded cost.
SAMPLE_CHARS = 1500
#: Fewer letters than this is too short to identify (a caption, a headline).
MIN_LETTERS = 40
#: The identifier's normalized probability at or above which it is believed.
MIN_CONFIDENCE = 0.9
#: Below this probability for the declared language, the text contradicts it.
CONTRADICTED_BELOW = 0.05


@attrs.define(frozen=True)
class LanguageDecision:
    """The language to record and the warning that explains it, if any."""

    language: str | None
    warning: str | None = None


@functools.cache
def _identifier() -> LanguageIdentifier:
    """Loaded once per process, when first needed (see
    :mod:`masthead.extract.langmodel` for what makes it cheap)."""
    from masthead.extract.langmodel import load_identifier

    return load_identifier()


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
    """Every language the identifier knows, most likely first, with its probability."""
    ranked: list[tuple[str, float]] = _identifier().rank(text[:SAMPLE_CHARS])
    return [(code, float(probability)) for code, probability in ranked]


def decide(text: str, declared: str | None) -> LanguageDecision:
    """The language of ``text``, given the language the plugin or page declares."""
    declared = normalise_tag(declared)
    sample = text[:SAMPLE_CHARS]
    letters = sum(map(str.isalpha, sample))
    if letters < MIN_LETTERS:
        if declared is None:
            return LanguageDecision(None)
        return LanguageDecision(
            declared, f"language_default: text too short to identify ({letters} letters), {declared!r} as declared"
        )
    ranked = identify(sample)
    best, confidence = ranked[0]
    if declared is not None and primary(declared) == best:
        return LanguageDecision(declared)
    if confidence >= MIN_CONFIDENCE:
        if declared is None:
            return LanguageDecision(best)
        return LanguageDecision(best, f"language_corrected: declared {declared!r}, the text reads as {best!r}")
    if declared is not None:
        support = dict(ranked).get(primary(declared), 0.0)
        if support >= CONTRADICTED_BELOW:
            return LanguageDecision(
                declared, f"language_uncertain: the text may be {best!r} ({confidence:.2f}), {declared!r} as declared"
            )
        return LanguageDecision(best, f"language_corrected: declared {declared!r}, the text reads as {best!r}")
    return LanguageDecision(best, f"language_uncertain: the text reads as {best!r} ({confidence:.2f})")
