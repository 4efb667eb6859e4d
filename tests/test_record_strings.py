"""Every record can be written: strings are cleaned where records are built.

A string holding a surrogate code point (a file name that is not UTF-8, a
``\\udc00`` escape in a page's JSON-LD, a plugin's own output) cannot be
encoded as UTF-8; one left in a record used to fail the write of the whole
run. Related links whose URL cannot be parsed cost the link, not the article.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from masthead.extract.urls import join_url, url_problem
from masthead.models import (
    _SURROGATE,
    Comment,
    Provenance,
    Rejection,
    Related,
    _clean_strings,
    _escape_surrogate,
    clean_text,
    escape_path,
    sound_related,
)
from support import article
from test_cli import masthead_command

ROOT = Path(__file__).resolve().parents[1]
SEED = next((ROOT / "corpus").glob("000_*.txt"))
RB_FIXTURE = ROOT / "plugins" / "russia_briefing" / "tests" / "fixtures" / "article_2019_classic.html"


def masthead(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*masthead_command(), *args], capture_output=True, cwd=cwd, timeout=120, check=False)


def lines(path: Path) -> list[dict[str, object]]:
    # strict UTF-8: a lone surrogate could not have been written, a \xNN escape is text
    return [json.loads(x) for x in path.read_bytes().decode("utf-8").splitlines()]


def test_surrogates_are_replaced_and_file_names_escaped() -> None:
    assert clean_text("a\ud800b\udfff") == "a\ufffdb\ufffd"
    assert escape_path(os.fsdecode(b"d/bad\xff.txt#L3")) == "d/bad\\xff.txt#L3"
    assert escape_path("x\ud800") == "x\\ud800"
    a = article(title="T\udc00", body=["B\ud800"], authors=["A\udfff"], related=[Related("R\udc80", "u\udc81")])
    assert (a.title, a.body, a.authors) == ("T\ufffd", ("B\ufffd",), ("A\ufffd",))
    assert (a.related[0].title, a.related[0].url) == ("R\ufffd", "u\ufffd")
    assert Comment("c\udc00", author="n\udc00").author == "n\ufffd"
    bad_name = os.fsdecode(b"bad\xff.txt")
    prov = Provenance(input=bad_name, sha256="a" * 64, plugin="p\udc00", plugin_version="1", extracted_at="2024-01-01")
    assert (prov.input, prov.plugin) == ("bad\\xff.txt", "p\ufffd")
    rejection = Rejection(input=os.fsdecode(b"x\xfe"), stage="read", reason="r", error="e\udc00", plugin="p\ud800")
    assert (rejection.input, rejection.error, rejection.plugin) == ("x\\xfe", "e\ufffd", "p\ufffd")


@pytest.mark.skipif(sys.platform != "linux", reason="file names of arbitrary bytes")
def test_a_file_name_that_is_not_utf8_is_ingested_with_its_name_escaped(tmp_path: Path) -> None:
    """``mkdir d; cp corpus/000_*.txt "d/$(printf 'bad\\xff.txt')"; masthead ingest d -o o.jsonl``"""
    (tmp_path / "d").mkdir()
    (tmp_path / os.fsdecode(b"d/bad\xff.txt")).write_bytes(SEED.read_bytes())
    (tmp_path / os.fsdecode(b"d/worse\xfe.html")).write_bytes(b"\x00\x01 not a page")  # a rejection, named
    result = masthead("ingest", "d", "-o", "o.jsonl", "--rejects", "r.jsonl", cwd=tmp_path)
    assert result.returncode == 1, result.stderr.decode(errors="replace")[-3000:]
    [record] = lines(tmp_path / "o.jsonl")
    assert record["provenance"]["input"] == "d/bad\\xff.txt"  # type: ignore[index]
    [rejection] = lines(tmp_path / "r.jsonl")
    assert rejection["input"] == "d/worse\\xfe.html"
    left = [p for p in tmp_path.glob(".o.jsonl*") if p.suffix != ".lock"]  # the empty lock file stays
    assert not left, "no checkpoint or partial file is left behind"


def test_a_surrogate_escape_in_json_ld_does_not_end_the_run(tmp_path: Path) -> None:
    html = RB_FIXTURE.read_text(encoding="utf-8")
    html = html.replace('"headline":"Russia Extends', '"headline":"Russia \\udc00 Extends')
    html = "\n".join(x for x in html.splitlines() if "og:title" not in x and "<title>" not in x)
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    result = masthead("ingest", "page.html", "-o", "o.jsonl", cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode(errors="replace")[-3000:]
    [record] = lines(tmp_path / "o.jsonl")
    assert record["title"] == "Russia \ufffd Extends Free E-Visa Scheme To Kaliningrad And St. Petersburg"


def test_join_url_never_raises_and_url_problem_names_the_fault() -> None:
    assert join_url("https://a.example/x/", "y") == "https://a.example/x/y"
    assert join_url("https://a.example/", "http://[bad-host/x") == "http://[bad-host/x"
    assert join_url(None, "/z") == "/z"
    assert url_problem("http://[bad-host/x") == "Invalid IPv6 URL"
    assert url_problem("http://a.example:99999/") is not None
    assert url_problem("http://a.example/\x00") is not None
    assert url_problem("https://a.example/ok?q=1#f") is None and url_problem("/relative") is None


def test_unusable_related_urls_are_dropped_with_a_warning() -> None:
    kept, warnings = sound_related([Related("Good", "https://a.example/"), Related("Bad", "http://[bad-host/x")])
    assert kept == [Related("Good", "https://a.example/"), Related("Bad", None)]
    assert warnings == ["related_url_dropped: 'http://[bad-host/x' (Invalid IPv6 URL)"]


@pytest.mark.parametrize("href", ["http://[bad-host/x", "http://www.russia-briefing.com:99999/x"])
def test_one_malformed_link_does_not_reject_a_russia_briefing_article(tmp_path: Path, href: str) -> None:
    html = RB_FIXTURE.read_text(encoding="utf-8")
    good = 'href="/news/kaliningrad-special-economic-zone-guide.html/"'
    assert good in html
    (tmp_path / "page.html").write_text(html.replace(good, f'href="{href}"'), encoding="utf-8")
    result = masthead("ingest", "page.html", "-o", "o.jsonl", cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode(errors="replace")[-3000:]
    [record] = lines(tmp_path / "o.jsonl")
    related = {r["title"]: r["url"] for r in record["related"]}  # type: ignore[attr-defined]
    assert related["A Guide To The Kaliningrad Special Economic Zone"] is None
    assert related["Russia’s Far East E-Visa Now Available To 18 Countries"]  # the sound link is kept
    assert any(w.startswith("related_url_dropped: ") and href in w for w in record["warnings"])  # type: ignore[attr-defined]


@given(
    st.lists(
        st.text(
            alphabet=st.one_of(
                st.sampled_from(" \t\n\u00a0\u2003\ud800\udcff\u2019a"), st.characters(blacklist_categories=())
            )
        ),
        max_size=6,
    )
)
def test_string_lists_are_cleaned_as_by_the_plain_rule(values: list[str]) -> None:
    """_clean_strings strips each item once and spares ASCII items the
    surrogate search; the plain rule it replaces cleans, strips and drops
    blank items one by one. clean_text and escape_path skip ASCII strings:
    the same as their plain substitutions."""
    plain = tuple(_SURROGATE.sub("\ufffd", s).strip() for s in values if s.strip())
    assert _clean_strings(values) == plain
    assert [clean_text(s) for s in values] == [_SURROGATE.sub("\ufffd", s) for s in values]
    assert [escape_path(s) for s in values] == [_SURROGATE.sub(_escape_surrogate, s) for s in values]
    assert all(type(s) is str for s in _clean_strings([Sub(s) for s in values]))


class Sub(str):
    """A str subclass: records hold plain strings whatever a plugin passed."""
