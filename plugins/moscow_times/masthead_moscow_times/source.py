"""The Moscow Times source: routing evidence and the parse entry point."""

from __future__ import annotations

from masthead import Draft, Page, Source
from masthead.extract.fields import Fields
from masthead_moscow_times import detection
from masthead_moscow_times.lines import date_of_url
from masthead_moscow_times.parsing import parse_lines

#: Share of Cyrillic letters above which a page is the Russian edition.
_CYRILLIC_SHARE = 0.5
#: The UTF-8 lead bytes of the Cyrillic block (U+0400-U+04FF), and only
#: of it: a text's UTF-8 holds one exactly when the text holds a letter of
#: the block (continuation bytes are 0x80-0xBF, other leads encode other
#: characters).
_CYRILLIC_LEADS = (b"\xd0", b"\xd1", b"\xd2", b"\xd3")


class MoscowTimesSource(Source):
    """themoscowtimes.com (and moscowtimes.ru, its old and Russian-edition domain)."""

    name = "moscow_times"
    domains = ("themoscowtimes.com", "moscowtimes.ru")
    markers = ("moscow times", "moscowtimes")
    language = "en"
    timezone = "Europe/Moscow"

    def detect(self, page: Page) -> float:
        """Score the outlet's boilerplate and self-declaration; never raises."""
        try:
            return detection.score(page)
        except Exception:  # noqa: BLE001 - a detector must not stop routing on a hostile page
            return 0.0

    def parse(self, page: Page) -> Draft:
        """Text dumps go through the line rules; HTML through markup, then the same rules."""
        if page.is_html:
            from masthead_moscow_times import html  # with the first HTML page: dumps never load Beautiful Soup

            parsed, layout = html.extract(page)
            language = page.meta.language
        else:
            # Made by routing's call of detect, if it split the dump: only
            # a dump whose every line is short (detection.split_lines_of).
            split = detection.split_lines_of(page)
            short = True if split is not None else None
            parsed = parse_lines(page.lines, folded=page.folded_lines, split=split, short=short)
            layout, language = "text-dump", None
        parsed.published = parsed.published or date_of_url(page.url)
        return parsed.draft(url=page.url, language=language or _language_of(parsed), layout=layout)


def _language_of(parsed: Fields) -> str:
    """English, unless the body is mostly Cyrillic (the Russian edition)."""
    if not has_cyrillic("".join(parsed.body)):  # no Cyrillic letter: English, as below
        return "en"
    letters = [ch for paragraph in parsed.body for ch in paragraph if ch.isalpha()]
    cyrillic = sum(1 for ch in letters if "\u0400" <= ch <= "\u04ff")
    return "ru" if letters and cyrillic / len(letters) > _CYRILLIC_SHARE else "en"


def has_cyrillic(text: str) -> bool:
    """Whether ``text`` holds a character of the Cyrillic block (U+0400-U+04FF).

    Most bodies are ASCII, or English with curly quotes: the block's lead
    bytes (:data:`_CYRILLIC_LEADS`) are looked for in the text's UTF-8 by
    a few byte searches instead of a pattern tried at every character.
    """
    if text.isascii():
        return False
    raw = text.encode("utf-8", "surrogatepass")
    for lead in _CYRILLIC_LEADS:  # noqa: SIM110 - a loop of ``in`` tests costs less than any() over a generator
        if lead in raw:
            return True
    return False
