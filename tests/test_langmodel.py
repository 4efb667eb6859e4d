"""The language model's decompressed cache: written once, read after, same answers."""

from __future__ import annotations

from pathlib import Path

import pytest
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from masthead.extract import langmodel

TEXTS = (
    "Президент заявил во вторник, что переговоры о новом торговом соглашении продолжатся на следующей неделе.",
    "The president said on Tuesday that talks on a new trade agreement would resume next week in Istanbul.",
    "政府は火曜日、新しい貿易協定の交渉を来週再開すると発表した。",
)


@pytest.fixture(scope="module")
def packaged() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def test_first_load_writes_the_cache_and_later_loads_read_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, packaged: LanguageIdentifier
) -> None:
    monkeypatch.setenv(langmodel.CACHE_ENV, str(tmp_path / "cache"))
    first = langmodel.load_identifier()
    written = list((tmp_path / "cache").iterdir())
    assert [path.suffix for path in written] == [".npz"]  # no partial file left behind
    stamp = written[0].stat().st_mtime_ns
    again = langmodel.load_identifier()
    assert written[0].stat().st_mtime_ns == stamp
    for text in TEXTS:
        assert first.rank(text) == again.rank(text) == packaged.rank(text)


def test_unwritable_cache_falls_back_to_the_packaged_model(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, packaged: LanguageIdentifier
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv(langmodel.CACHE_ENV, str(blocker / "cache"))
    identifier = langmodel.load_identifier()
    assert identifier.rank(TEXTS[0]) == packaged.rank(TEXTS[0])
    assert blocker.read_text(encoding="utf-8") == "x"
