"""CLD2's cheap confirmation of a declared English changes no decision.

:func:`masthead.extract.language.decide` asks CLD2 first and keeps a declared
English CLD2 reliably finds in nine tenths of the sample, without asking
fastText. That is only a shortcut if fastText alone would have kept it too:
these tests compare both ways on texts in one language and on texts that
open in one language and go on in another, where a shortcut that read too
little would keep a declaration the rest of the text contradicts.
"""

from __future__ import annotations

import json
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from masthead.extract import language
from masthead.extract.language import LanguageDecision, confirms, decide
from test_language import ENGLISH, GERMAN, JAPANESE, RUSSIAN

FRENCH = (
    "Le président a déclaré mardi que les discussions sur un nouvel accord commercial reprendraient la "
    "semaine prochaine à Istanbul et que les deux délégations s'étaient déjà entendues sur l'ordre du jour."
)
SPANISH = (
    "El presidente dijo el martes que las conversaciones sobre un nuevo acuerdo comercial se reanudarán "
    "la próxima semana en Estambul y que ambas delegaciones ya acordaron la agenda del primer día."
)
PORTUGUESE = (
    "O presidente disse na terça-feira que as negociações sobre um novo acordo comercial serão retomadas "
    "na próxima semana em Istambul e que as duas delegações já combinaram a agenda do primeiro dia."
)
ITALIAN = (
    "Il presidente ha detto martedì che i colloqui su un nuovo accordo commerciale riprenderanno la "
    "prossima settimana a Istanbul e che le due delegazioni hanno già concordato l'agenda del primo giorno."
)
# Languages whose near neighbours (Malay, Serbian and Bosnian) leave fastText
# unsure of an opening that CLD2 reads confidently.
INDONESIAN = (
    "Presiden mengatakan pada hari Selasa bahwa perundingan tentang perjanjian dagang yang baru akan "
    "dilanjutkan minggu depan di Istanbul dan kedua delegasi sudah menyepakati agenda hari pertama."
)
CROATIAN = (
    "Predsjednik je u utorak rekao da će se pregovori o novom trgovinskom sporazumu nastaviti idući "
    "tjedan u Istanbulu te da su se obje delegacije već dogovorile o dnevnom redu prvog dana."
)
TEXTS = {
    "en": ENGLISH,
    "ru": RUSSIAN,
    "de": GERMAN,
    "ja": JAPANESE,
    "fr": FRENCH,
    "es": SPANISH,
    "pt": PORTUGUESE,
    "it": ITALIAN,
    "id": INDONESIAN,
    "hr": CROATIAN,
}


def fasttext_alone(text: str, declared: str | None) -> LanguageDecision:
    """The decision without CLD2's confirmation."""
    with mock.patch.object(language, "confirms", return_value=False):
        return decide(text, declared)


def refuse_fasttext(*_: object) -> list[tuple[str, float]]:
    raise AssertionError("fastText was asked")


def test_a_declaration_cld2_confirms_is_kept_without_asking_fasttext() -> None:
    text = " ".join([ENGLISH] * 4)
    with mock.patch.object(language, "_predict", side_effect=refuse_fasttext):
        assert decide(text, "en-GB") == LanguageDecision("en-gb")
        # CLD2 never says no on its own: another declared language goes to fastText
        with pytest.raises(AssertionError, match="fastText was asked"):
            decide(text, "de")
    assert decide(text, "de") == LanguageDecision("en", "language_corrected: declared 'de', the text reads as 'en'")


def test_only_english_is_confirmed() -> None:
    """For close neighbours CLD2 names one language for a mix, and it knows
    tags fastText's model does not (``iw``): those go to fastText."""
    for tag, text in TEXTS.items():
        sample = " ".join([text] * 6)
        assert confirms(sample, tag) is (tag == "en"), tag
    hebrew = "הנשיא אמר ביום שלישי כי השיחות על הסכם הסחר החדש יתחדשו בשבוע הבא באיסטנבול. " * 4
    assert decide(hebrew, "iw") == LanguageDecision("he", "language_corrected: declared 'iw', the text reads as 'he'")


@pytest.mark.parametrize("other", ["de", "fr", "es", "pt"])
def test_a_text_half_in_another_language_is_not_confirmed(other: str) -> None:
    """English and another language sentence by sentence: CLD2 still names
    English first (about 50 to 70 % of the bytes), fastText corrects or
    doubts the declaration, and that decision stands."""
    text = " ".join([f"{ENGLISH} {TEXTS[other]}"] * 6)
    assert not confirms(text[:1500], "en")
    decision = decide(text, "en")
    assert decision == fasttext_alone(text, "en")
    assert decision.warning is not None


ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    "record",
    [
        "corpus/004_43bd5b0d17377245.expected.json",
        "plugins/wire_aggregator/tests/fixtures/dumps/www_cut_mid_body.expected.json",
    ],
)
def test_an_english_opening_fasttext_doubts_before_a_german_text_is_corrected(record: str) -> None:
    """Reviewed English openings (names and figures) that fastText reads as
    English with less than 0.9 and CLD2 confidently: followed by German,
    the sample is mostly German, and a confirmation that read only the
    opening would keep the declared English."""
    body = "\n".join(json.loads((ROOT / record).read_text(encoding="utf-8"))["body"])
    text = body[:300] + "\n" + " ".join([GERMAN] * 12)
    assert confirms(text[:300], "en")
    assert decide(text, "en") == fasttext_alone(text, "en")
    assert decide(text, "en").language == "de"


@pytest.mark.parametrize(
    "sample",
    [
        " ".join([ENGLISH] * 4),
        # a short English note over a Russian text: the mix is in the sample
        f"{ENGLISH[:140]}\n" + " ".join([RUSSIAN] * 6),
        # control characters and a lone surrogate, which CLD2 refuses to read
        ENGLISH + "\x00\x7f" + ENGLISH,
        ENGLISH + "\udc9c" + ENGLISH,
        "",
    ],
)
def test_confirms_only_a_sample_that_reads_wholly_as_the_declared_language(sample: str) -> None:
    assert confirms(sample, "en") is (sample == " ".join([ENGLISH] * 4))
    assert confirms(sample, "de") is False


@settings(max_examples=300, deadline=None)
@given(
    first=st.sampled_from(sorted(TEXTS)),
    then=st.sampled_from(sorted(TEXTS)),
    lead=st.integers(min_value=0, max_value=120),
    opening=st.integers(min_value=40, max_value=900),
    repeats=st.integers(min_value=1, max_value=12),
    declared=st.sampled_from([*sorted(TEXTS), "en-US", None]),
)
# Openings CLD2 reads as their language and fastText is unsure of, before a
# text in another: a confirmation that read only the opening would keep them.
@example(first="hr", then="de", lead=0, opening=320, repeats=12, declared="hr")
@example(first="id", then="fr", lead=0, opening=400, repeats=12, declared="id")
def test_decisions_are_those_of_fasttext_alone(
    first: str, then: str, lead: int, opening: int, repeats: int, declared: str | None
) -> None:
    """A text of ``opening`` characters in one language, after a lead of up
    to 120 in another (a dateline, a quoted name: what leaves fastText unsure
    of an opening CLD2 reads as mostly one language), going on in that other
    language, under any declaration."""
    head = " ".join([TEXTS[first]] * 8)[:opening]
    text = TEXTS[then][:lead] + " " + head + "\n" + " ".join([TEXTS[then]] * repeats)
    assert decide(text, declared) == fasttext_alone(text, declared)
