"""Language read from the text, the declared one only when the text cannot tell."""

from __future__ import annotations

from masthead import Draft, Page, Source
from masthead.extract.document import RawDocument
from masthead.extract.language import LanguageDecision, decide
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
