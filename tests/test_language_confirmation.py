"""CLD2's cheap confirmation of a declared language changes no decision.

:func:`masthead.extract.language.decide` asks CLD2 first and keeps a declared
language CLD2 reliably finds in nine tenths of the sample, without asking
fastText. That is only a shortcut if fastText alone would have kept it too:
these tests compare both ways on texts in one language and on texts that
open in one language and go on in another, where a shortcut that read too
little would keep a declaration the rest of the text contradicts.
"""

from __future__ import annotations

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
