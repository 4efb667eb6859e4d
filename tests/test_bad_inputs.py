"""Hostile and broken input: each gets an article or a clear rejection.

Runs the real pipeline with the installed plugins, then the whole matrix
through the ``masthead`` command: the run completes, every input is
accounted for and the corpus records stay right.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from masthead import Article, Rejection
from masthead.extract.document import HTML, TEXT, RawDocument
from masthead.io.readers import iter_documents
from masthead.manager import Plugins
from masthead.testing import comparable, golden_path_for, ingest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
MT = (CORPUS / "001_77bc0baac539023c.txt").read_text(encoding="utf-8")
RB = (CORPUS / "000_e8f30686367901c1.txt").read_text(encoding="utf-8")
RUSSIAN = "Песков заявил журналистам, что встреча возможна."


def raw(data: bytes, *, html: bool = False, uri: str = "bad") -> RawDocument:
    return RawDocument(uri=uri, data=data, content_type=HTML if html else TEXT)


def body_text(record: Article | Rejection) -> str:
    assert isinstance(record, Article), record
    return "\n".join(record.body)


def with_extra_paragraph(text: str, paragraph: str) -> str:
    marker = "The meeting of Soviet and American forces"
    return text.replace(marker, paragraph + "\n\n" + marker)


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty"),
        (b"   \n\t \r\n", "empty"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary"),
        (b"%PDF-1.4\n" + bytes(range(256)) * 4, "binary"),
        (b"\x1f\x8b\x08\x00" + bytes(range(256)) * 4, "binary"),
    ],
)
def test_unreadable_content_is_rejected_with_its_reason(data: bytes, reason: str) -> None:
    record = ingest(raw(data))
    assert isinstance(record, Rejection)
    assert (record.stage, record.reason) == ("decode", reason)


def test_windows_1251_without_declared_charset() -> None:
    text = with_extra_paragraph(MT, RUSSIAN)
    record = ingest(raw(text.encode("windows-1251")))
    assert RUSSIAN in body_text(record)


def test_latin_1_without_declared_charset() -> None:
    text = with_extra_paragraph(MT.translate(str.maketrans("“”’", '""\'')), "Café société à Genève, déjà vu.")
    record = ingest(raw(text.encode("latin-1")))
    assert "Café société à Genève, déjà vu." in body_text(record)


def test_utf16_with_bom() -> None:
    record = ingest(raw(RB.encode("utf-16")))
    assert isinstance(record, Article) and record.outlet == "russia_briefing"


def test_html_whose_meta_charset_lies() -> None:
    page = f'<html><head><meta charset="windows-1251"></head><body><p>{MT}</p></body></html>'
    record = ingest(raw(page.encode("utf-8"), html=True))
    assert isinstance(record, Article) and "“common goal.”" in " ".join([record.subtitle or "", *record.body])


def test_nul_bytes_are_dropped() -> None:
    record = ingest(raw(MT.replace("Elbe river in Germany", "Elbe\x00 river in Germany").encode()))
    assert "Elbe river in Germany" in body_text(record)


def test_truncated_html_still_parses_or_is_rejected_cleanly() -> None:
    page = "<html><head><title>T</title></head><body><article><p>" + MT[:1500]
    record = ingest(raw(page.encode(), html=True))
    assert isinstance(record, (Article, Rejection))


def test_deeply_nested_html_does_not_crash() -> None:
    depth = 100_000
    page = "<html><body>" + "<div>" * depth + f"<p>{MT}</p>" + "</div>" * depth + "</body></html>"
    record = ingest(raw(page.encode(), html=True))
    assert isinstance(record, (Article, Rejection))


def test_a_ten_megabyte_line_without_newlines() -> None:
    record = ingest(raw(b"word " * 2_000_000))
    assert isinstance(record, (Article, Rejection))
    if isinstance(record, Rejection):
        assert record.stage in {"route", "parse", "validate"}


def test_a_file_deleted_during_the_run_is_rejected(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(MT, encoding="utf-8")
    documents = iter_documents([str(tmp_path)], Plugins(load_entry_points=False).readers)
    first = next(documents)
    (tmp_path / "b.txt").unlink()
    second = next(documents)
    assert isinstance(first, RawDocument)
    assert isinstance(second, Rejection) and second.reason == "not_found"


def bad_input_directory(path: Path) -> dict[str, str | None]:
    """Write the bad-input matrix; return file name -> expected outlet (None: reject)."""
    path.mkdir()
    expected: dict[str, str | None] = {}

    def put(name: str, data: bytes, outlet: str | None) -> None:
        (path / name).write_bytes(data)
        expected[name] = outlet

    put("empty.txt", b"", None)
    put("blank.txt", b" \n \n", None)
    put("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, None)
    put("document.html", b"%PDF-1.7\n" + bytes(range(256)) * 8, None)
    put("archive.txt", b"\x1f\x8b\x08\x00" + bytes(range(256)) * 8, None)
    put("invalid-utf8.txt", with_extra_paragraph(MT, RUSSIAN).encode("windows-1251"), "moscow_times")
    put("utf16.txt", RB.encode("utf-16"), "russia_briefing")
    put("nul.txt", MT.replace(" river", "\x00 river").encode(), "moscow_times")
    put("truncated.html", b"<html><body><article><p>" + MT[:900].encode(), "moscow_times")
    put("deep.html", (b"<div>" * 100_000) + f"<p>{MT}</p>".encode(), "moscow_times")
    put("long-line.txt", b"word " * 2_000_000, None)
    os.symlink(path, path / "loop")
    os.symlink(path / "missing-target.txt", path / "dangling.txt")
    expected["dangling.txt"] = None
    return expected


def test_the_whole_matrix_through_the_command(tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    expected = bad_input_directory(bad)
    out, rejects, summary = tmp_path / "out.jsonl", tmp_path / "rejects.jsonl", tmp_path / "summary.json"
    command = [str(Path(sys.executable).with_name("masthead")), "ingest", str(CORPUS), str(bad), "--keep-duplicates"]
    command += ["-o", str(out), "--rejects", str(rejects), "--summary-json", str(summary)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    rejected = [json.loads(line) for line in rejects.read_text(encoding="utf-8").splitlines()]
    stats = json.loads(summary.read_text())
    assert stats["read"] == stats["ingested"] + stats["rejected"] == len(records) + len(rejected)

    by_name = {Path(r["provenance"]["input"]).name: r for r in records}
    for seed in sorted(CORPUS.glob("*.txt")):
        golden = json.loads(golden_path_for(seed).read_text(encoding="utf-8"))
        record = by_name.pop(seed.name)
        for key in ("input", "extracted_at", "plugin_version"):
            record["provenance"].pop(key)
        assert record == golden, seed.name
    for name, outlet in expected.items():
        if outlet is None:
            assert name not in by_name, f"{name} should have been rejected"
        else:
            assert by_name[name]["outlet"] == outlet, name
    rejected_names = {Path(r["input"]).name for r in rejected}
    assert {n for n, o in expected.items() if o is None} <= rejected_names
    assert all(r["reason"] and r["error"] for r in rejected)


def test_no_parse_touches_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("parsing tried to open a network connection")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    page = (
        '<!DOCTYPE x [<!ENTITY e SYSTEM "http://127.0.0.1:9/x">]><html><head>'
        '<link rel="stylesheet" href="http://127.0.0.1:9/s.css"><script src="http://127.0.0.1:9/a.js"></script>'
        f'</head><body><img src="http://127.0.0.1:9/i.png"><p>&e;</p><p>{MT}</p></body></html>'
    )
    record = ingest(raw(page.encode(), html=True))
    assert isinstance(record, (Article, Rejection))
    if isinstance(record, Article):
        assert "127.0.0.1" not in json.dumps(comparable(record)["body"])
