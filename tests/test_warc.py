"""The WARC reader, on archives written in the test with warcio itself."""

from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from masthead.extract.document import HTML, TEXT, RawDocument
from masthead.io.readers import iter_documents
from masthead.io.warc import WarcReader, parse_content_type
from masthead.manager import Plugins
from masthead.models import Article, Rejection
from support import KeywordSource, SourcesPlugin, make_pipeline, make_plugins
from test_cli import run

#: The outlet each first-party domain routes to.
OUTLETS = {
    "russia-briefing.com": "russia_briefing",
    "themoscowtimes.com": "moscow_times",
    "econotimes.com": "wire_aggregator",
    "southfront.press": "opinion_site",
}
FIXTURES = sorted(Path(__file__).resolve().parents[1].glob("plugins/*/tests/fixtures/*.html"))


def page(title: str, paragraphs: list[str], lang: str = "en") -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title></head>'
        f"<body><article><h1>{title}</h1>{body}</article></body></html>"
    ).encode()


def response(
    writer: WARCWriter,
    url: str,
    payload: bytes,
    content_type: str = "text/html; charset=utf-8",
    status: str = "200 OK",
    date: str = "2024-03-01T12:00:00Z",
) -> None:
    http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        url, "response", payload=io.BytesIO(payload), http_headers=http, warc_headers_dict={"WARC-Date": date}
    )
    writer.write_record(record)


def archive(records: list[tuple[str, bytes, str]], *, gzipped: bool = True) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzipped)
    for url, payload, content_type in records:
        response(writer, url, payload, content_type)
    return buffer.getvalue()


def read(path: Path) -> list[RawDocument | Rejection]:
    return list(WarcReader().read(str(path)))


def test_content_type_header_parsing() -> None:
    assert parse_content_type('text/HTML; Charset="windows-1251"') == ("text/html", "windows-1251")
    assert parse_content_type("text/plain") == ("text/plain", None)
    assert parse_content_type(None) == ("", None)


@pytest.mark.parametrize("gzipped", [True, False])
def test_response_records_become_raw_documents(tmp_path: Path, gzipped: bool) -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzipped)
    cyrillic = page("Новости", ["Текст статьи."], lang="ru").decode().encode("cp1251")
    response(writer, "https://a.example/one", page("One", ["First."]), date="2024-03-01T12:00:00Z")
    response(writer, "https://a.example/ru", cyrillic, "text/html; charset=windows-1251")
    response(writer, "https://a.example/dump.txt", b"Title\nA plain text page.", "text/plain")
    response(writer, "https://a.example/logo.png", b"\x89PNG....", "image/png")  # not a page: passed over
    response(writer, "https://a.example/gone", page("Gone", ["x"]), status="404 Not Found")
    request = writer.create_warc_record(
        "https://a.example/one", "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")
    )
    writer.write_record(request)  # not a response: passed over
    path = tmp_path / ("crawl.warc.gz" if gzipped else "crawl.warc")
    path.write_bytes(buffer.getvalue())

    one, ru, dump, gone = read(path)
    assert isinstance(one, RawDocument) and isinstance(ru, RawDocument) and isinstance(dump, RawDocument)
    assert (one.url, one.content_type, one.encoding) == ("https://a.example/one", HTML, "utf-8")
    assert one.meta["captured_at"] == "2024-03-01T12:00:00Z"
    assert one.uri.startswith(f"{path}#") and len({one.uri, ru.uri, dump.uri}) == 3
    assert b"<title>One</title>" in one.data
    assert ru.encoding == "windows-1251" and "Новости".encode("cp1251") in ru.data
    assert (dump.content_type, dump.data) == (TEXT, b"Title\nA plain text page.")
    assert isinstance(gone, Rejection) and (gone.stage, gone.reason) == ("read", "http_status")
    assert "404" in gone.error


@pytest.mark.parametrize("gzipped", [True, False])
def test_a_corrupt_record_is_rejected_and_reading_goes_on(tmp_path: Path, gzipped: bool) -> None:
    pages = [(f"https://a.example/{n}", page(f"Page {n}", [f"Body {n}."]), "text/html") for n in range(4)]
    good = [archive([p], gzipped=gzipped) for p in pages]
    damaged = bytearray(good[1])
    # Inside the second record: its compressed stream, or its WARC header line when uncompressed.
    where = len(damaged) // 2 if gzipped else 0
    damaged[where : where + 40] = b"\x00garbage\xff" * 4
    truncated = good[3][: len(good[3]) // 2]  # the download was cut off
    path = tmp_path / ("crawl.warc.gz" if gzipped else "crawl.warc")
    path.write_bytes(good[0] + bytes(damaged) + good[2] + truncated)

    results = read(path)
    kinds = [(r.url if isinstance(r, RawDocument) else r.reason) for r in results]
    # Page 0 and page 2 survive; the damaged record and the cut-off tail are one rejection each.
    assert kinds[0] == "https://a.example/0"
    assert "https://a.example/2" in kinds
    assert kinds.count("corrupt_record") == 2, kinds
    assert "https://a.example/1" not in kinds and "https://a.example/3" not in kinds
    offsets = [r.input for r in results if isinstance(r, Rejection)]
    assert offsets == [f"{path}#{len(good[0])}", f"{path}#{len(good[0]) + len(damaged) + len(good[2])}"]


def test_garbage_with_a_warc_suffix_is_one_rejection(tmp_path: Path) -> None:
    path = tmp_path / "not.warc.gz"
    path.write_bytes(gzip.compress(b"this is no archive\n" * 10))
    [only] = read(path)
    assert isinstance(only, Rejection) and only.reason == "corrupt_record"
    missing = list(WarcReader().read(str(tmp_path / "missing.warc")))
    assert [r.reason for r in missing if isinstance(r, Rejection)] == ["not_found"]


def test_an_oversized_record_is_rejected_not_loaded(tmp_path: Path) -> None:
    path = tmp_path / "big.warc.gz"
    path.write_bytes(archive([("https://a.example/big", page("Big", ["x" * 5000]), "text/html")]))
    [only] = list(WarcReader(limit=1000).read(str(path)))
    assert isinstance(only, Rejection) and only.reason == "too_large"


def test_the_reader_is_a_builtin_plugin_and_routes_by_target_uri(tmp_path: Path) -> None:
    plugins = make_plugins(
        ("alpha", SourcesPlugin(KeywordSource("alpha", "NOPE", ("alpha.example",)))),
        ("beta", SourcesPlugin(KeywordSource("beta", "NOPE", ("beta.example",)))),
    )
    assert plugins.readers[".warc.gz"].name == plugins.readers[".warc"].name == "warc"
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(
        archive(
            [
                ("https://www.alpha.example/a", page("A", ["Alpha text."]), "text/html"),
                ("https://news.beta.example/b", page("B", ["Beta text."]), "text/html"),
            ]
        )
    )
    pipeline = make_pipeline(plugins)
    records = [
        pipeline.process(d) for d in iter_documents([str(tmp_path)], plugins.readers) if isinstance(d, RawDocument)
    ]
    assert [r.outlet for r in records if isinstance(r, Article)] == ["alpha", "beta"]


def outlet_pages() -> list[tuple[str, bytes]]:
    """One page per first-party outlet: the plugins' HTML fixtures where they
    exist, else a plain article page, each under a URL of the outlet's domain."""
    pages: list[tuple[str, bytes]] = []
    for domain in OUTLETS:
        fixtures = [f for f in FIXTURES if f.parts[-4] == OUTLETS[domain]]
        for n, fixture in enumerate(fixtures):
            pages.append((f"https://www.{domain}/fixture/{n}", fixture.read_bytes()))
        paragraphs = [f"Paragraph {n} of a report long enough to be running text in any parser." for n in range(6)]
        pages.append((f"https://{domain}/2024/03/01/report", page("A report", paragraphs)))
    return pages


def test_a_warc_of_the_four_outlets_routes_each_page_by_its_domain(tmp_path: Path) -> None:
    """Routing by the record's URL: whatever each outlet's parser makes of the
    page, the record (article or rejection) names the outlet of its domain."""
    plugins = Plugins()
    missing = sorted(set(OUTLETS.values()) - set(plugins.sources))
    assert not missing, f"first-party source plugins not installed: {missing}"
    pages = outlet_pages()
    path = tmp_path / "outlets.warc.gz"
    path.write_bytes(archive([(url, html, "text/html; charset=utf-8") for url, html in pages]))
    out = tmp_path / "out.jsonl"
    rejects = tmp_path / "rejects.jsonl"
    expected = {d.uri: OUTLETS[str(d.url).split("/")[2].removeprefix("www.")] for d in read(path)}  # type: ignore[union-attr]
    assert len(expected) == len(pages)
    result = run("ingest", str(path), "-o", str(out), "--rejects", str(rejects))
    assert result.returncode in (0, 1), result.stderr
    lines = [json.loads(x) for f in (out, rejects) for x in f.read_text(encoding="utf-8").splitlines()]
    got = {}
    for line in lines:
        if "outlet" in line:  # an article
            got[line["provenance"]["input"]] = line["outlet"]
        else:  # a rejection: routing worked if the outlet's parser is the one that declined
            assert line["stage"] not in ("read", "decode", "route"), line
            got[line["input"]] = line["plugin"]
    assert got == expected


def test_warcio_is_imported_by_a_run_reading_an_archive_only(tmp_path: Path) -> None:
    """warcio brings fsspec, whose import reads every installed package's
    entry points: a run over dumps and pages must not pay for it."""
    (tmp_path / "a.txt").write_text("Title\n\nA paragraph of a report, long enough to be running text.\n")
    (tmp_path / "crawl.warc.gz").write_bytes(
        archive([("https://www.alpha.example/a", page("A", ["Alpha text."]), "text/html")])
    )
    script = (
        "import sys\n"
        "from masthead.cli import main\n"
        "try:\n"
        "    main(sys.argv[1:], standalone_mode=False)\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(m for m in ('warcio', 'fsspec') if m in sys.modules))\n"
    )
    for read, imported in (("a.txt", "[]"), ("crawl.warc.gz", "['fsspec', 'warcio']")):
        argv = ["--log-level", "error", "ingest", str(tmp_path / read), "-o", str(tmp_path / f"{read}.jsonl")]
        done = subprocess.run([sys.executable, "-c", script, *argv], capture_output=True, text=True, check=True)
        assert done.stdout.strip().splitlines()[-1] == imported, done.stderr
