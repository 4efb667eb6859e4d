"""The generic fallback: trafilatura's main text in masthead's record."""

from __future__ import annotations

from pathlib import Path

import pytest

from masthead.extract.document import RawDocument
from masthead.models import Article, Rejection
from support import make_pipeline, make_plugins

FIXTURES = Path(__file__).parent / "fixtures" / "generic"


def ingest(name: str, url: str | None = "https://coastal-courier.example/news/bridge") -> Article | Rejection:
    pipeline = make_pipeline(make_plugins(), fallback="generic")
    data = (FIXTURES / name).read_bytes()
    return pipeline.process(RawDocument(uri=name, data=data, content_type="text/html", url=url))


def test_fallback_fills_the_record_and_keeps_comments_out_of_the_body() -> None:
    article = ingest("news_with_comments.html")
    assert isinstance(article, Article)
    assert article.outlet == "generic"
    assert article.title == "Harbour bridge reopens after two years of repairs"
    assert article.authors == ("Grace Holloway",)
    assert article.published == "2025-03-14T08:30:00+00:00"
    assert article.language == "en"
    assert article.body[0].startswith("The old harbour bridge reopened")
    assert article.body[-1].startswith("Local shop owners")
    assert [c.text[:20] for c in article.comments] == ["Finally! I have been", "Good to see the foot"]
    joined = "\n".join(article.body)
    for furniture in ("Finally!", "footpath lit at last", "All rights reserved", "Weather"):
        assert furniture not in joined
    assert any(w.startswith("generic_fallback:") and "coastal-courier.example" in w for w in article.warnings)


def test_fallback_reads_japanese_text() -> None:
    article = ingest("japanese_article.html", url="https://minatomachi.example/news/1")
    assert isinstance(article, Article)
    assert article.title == "市立図書館、開館時間を夜九時まで延長へ"
    assert article.language == "ja"
    assert article.published == "2025-04-07T10:00:00+09:00"
    assert len(article.body) == 3
    assert article.body[0].startswith("市は七日、市立図書館の開館時間を")
    assert "港町新聞社" not in "".join(article.body)


def test_a_page_without_running_text_is_rejected_not_invented() -> None:
    pipeline = make_pipeline(make_plugins(), fallback="generic")
    html = b"<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a> <a href='/x'>News</a></nav></body>"
    result = pipeline.process(RawDocument(uri="menu.html", data=html, content_type="text/html"))
    assert isinstance(result, Rejection)
    assert (result.stage, result.reason, result.plugin) == ("parse", "not_article", "generic")


@pytest.mark.parametrize("line", ["会議は来週の月曜日に再び開かれる予定で、市長も出席して住民の意見を直接聞くという。"])
def test_text_dump_keeps_running_text_in_scripts_without_spaces(line: str) -> None:
    pipeline = make_pipeline(make_plugins(), fallback="generic")
    text = f"ホーム\nニュース\n{line}\n"
    result = pipeline.process(RawDocument(uri="dump.txt", data=text.encode()))
    assert isinstance(result, Article)
    assert result.body == (line,)
