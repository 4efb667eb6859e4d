from __future__ import annotations

import codecs
import io
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from masthead.extract.document import HTML, TEXT, RawDocument
from masthead.io.readers import JsonlReader, expand, iter_documents, read_file, read_stdin, suffix_of
from masthead.manager import Plugins
from masthead.models import Rejection


def readers() -> dict[str, object]:
    return Plugins(load_entry_points=False).readers  # type: ignore[return-value]


def uris(results: list[RawDocument | Rejection]) -> list[str]:
    return [r.uri if isinstance(r, RawDocument) else f"REJECT {r.reason} {r.input}" for r in results]


def tree(tmp_path: Path) -> Path:
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text("A")
    (tmp_path / "b" / "c.html").write_text("<p>C</p>")
    (tmp_path / "b" / "d.HTM").write_text("<p>D</p>")
    (tmp_path / "b" / "notes.md").write_text("skip me")
    (tmp_path / "b" / "c.meta.json").write_text('{"url": "https://x.example/c"}')
    return tmp_path


def test_directories_are_walked_recursively_in_sorted_order(tmp_path: Path) -> None:
    skipped: list[str] = []
    results = list(iter_documents([str(tree(tmp_path))], readers(), skipped))  # type: ignore[arg-type]
    assert [os.path.relpath(u, tmp_path) for u in uris(results)] == ["a.txt", "b/c.html", "b/d.HTM"]
    assert [r.content_type for r in results if isinstance(r, RawDocument)] == [TEXT, HTML, HTML]
    assert sorted(os.path.basename(s) for s in skipped) == ["c.meta.json", "notes.md"]


def test_sidecar_gives_the_url(tmp_path: Path) -> None:
    results = list(iter_documents([str(tree(tmp_path) / "b" / "c.html")], readers()))  # type: ignore[arg-type]
    [doc] = results
    assert isinstance(doc, RawDocument) and doc.url == "https://x.example/c"


def test_a_sidecar_written_during_a_walk_is_read_with_its_page(tmp_path: Path) -> None:
    """A crawler may write a page's sidecar after the folder was listed but
    before the page is read: the page is read with it (the folder's listing
    is not trusted to say that a sidecar is absent)."""
    tree(tmp_path)
    walk = iter_documents([str(tmp_path / "b")], readers())  # type: ignore[arg-type]
    assert next(walk).uri.endswith("c.html")  # type: ignore[union-attr]
    (tmp_path / "b" / "d.meta.json").write_text('{"url": "https://x.example/d"}')
    [doc] = list(walk)
    assert isinstance(doc, RawDocument) and doc.url == "https://x.example/d"


def test_missing_paths_and_unknown_named_files_are_rejected_not_raised(tmp_path: Path) -> None:
    tree(tmp_path)
    args = [str(tmp_path / "nope.txt"), str(tmp_path / "b" / "notes.md"), str(tmp_path / "*.none")]
    reasons = [r.reason for r in iter_documents(args, readers()) if isinstance(r, Rejection)]  # type: ignore[arg-type]
    assert reasons == ["not_found", "unsupported_format", "not_found"]


def test_globs_expand(tmp_path: Path) -> None:
    tree(tmp_path)
    results = list(iter_documents([str(tmp_path / "**" / "*.html")], readers()))  # type: ignore[arg-type]
    assert [os.path.basename(u) for u in uris(results)] == ["c.html"]


def test_symlink_loops_are_walked_once(tmp_path: Path) -> None:
    tree(tmp_path)
    os.symlink(tmp_path, tmp_path / "b" / "loop")
    paths = [item for item in expand([str(tmp_path)]) if not isinstance(item, Rejection)]
    assert len(paths) == len({os.path.realpath(p) for p, _ in paths}) == 5


def test_jsonl_reader_streams_records_and_rejects_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "raw.jsonl"
    lines = [
        json.dumps({"url": "https://x.example/1", "html": "<p>one</p>", "captured_at": "2024-01-01"}),
        "{not json",
        json.dumps({"url": "https://x.example/2"}),
        "",
        json.dumps({"text": "plain"}),
    ]
    path.write_text("\n".join(lines) + "\n")
    results = list(iter_documents([str(path)], readers()))  # type: ignore[arg-type]
    assert [type(r).__name__ for r in results] == ["RawDocument", "Rejection", "Rejection", "RawDocument"]
    first, bad, _, last = results
    assert isinstance(first, RawDocument) and first.url == "https://x.example/1" and first.content_type == HTML
    assert first.meta == {"url": "https://x.example/1", "captured_at": "2024-01-01"}
    assert isinstance(bad, Rejection) and bad.input.endswith("raw.jsonl#L2")
    assert isinstance(last, RawDocument) and last.content_type == TEXT and last.data == b"plain"


UNICODE_FORMS = [
    ("utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be", codecs.BOM_UTF16_BE),
    ("utf-16-le", b""),
    ("utf-16-be", b""),
    ("utf-32-le", codecs.BOM_UTF32_LE),
    ("utf-32-be", codecs.BOM_UTF32_BE),
    ("utf-32-be", b""),
    ("utf-8", codecs.BOM_UTF8),
    ("utf-8", b""),
]
WIDE_RECORDS = [{"url": f"https://x.example/{n}", "text": f"Заголовок {n}\nparagraph \u2014 {n}"} for n in range(3)]


def _wide_jsonl(encoding: str, mark: bytes, lead: str) -> bytes:
    body = lead + "".join(json.dumps(record, ensure_ascii=False) + "\r\n" for record in WIDE_RECORDS)
    return mark + body.encode(encoding)


@pytest.mark.parametrize("lead", ["", "\r\n\n"])
@pytest.mark.parametrize(("encoding", "mark"), UNICODE_FORMS)
def test_jsonl_in_utf16_or_utf32_is_read_record_by_record(
    tmp_path: Path, encoding: str, mark: bytes, lead: str
) -> None:
    """Windows tools write UTF-16 (PowerShell's default): the newline is two
    bytes there, so the lines are found on characters, every record kept,
    blank lines before the first record or not."""
    path = tmp_path / "wide.jsonl"
    path.write_bytes(_wide_jsonl(encoding, mark, lead))
    results = list(iter_documents([str(path)], readers()))  # type: ignore[arg-type]
    first = 1 + lead.count("\n")
    uris = [f"{path}#L{n}" for n in range(first, first + 3)]
    assert [r.uri for r in results if isinstance(r, RawDocument)] == uris, results
    assert [r.data.decode("utf-8") for r in results] == [record["text"] for record in WIDE_RECORDS]  # type: ignore[union-attr]
    assert [r.url for r in results] == [record["url"] for record in WIDE_RECORDS]  # type: ignore[union-attr]


@pytest.mark.parametrize("lead", ["", "\r\n\n"])
@pytest.mark.parametrize(("encoding", "mark"), UNICODE_FORMS)
def test_jsonl_on_stdin_is_told_and_read_in_any_unicode_form(encoding: str, mark: bytes, lead: str) -> None:
    """Standard input is sniffed by characters too: big-endian UTF-16 (its
    newline's zero byte first) used to be taken for one binary page."""
    results = list(read_stdin(io.BytesIO(_wide_jsonl(encoding, mark, lead))))
    first = 1 + lead.count("\n")
    assert [r.uri for r in results] == [f"<stdin>#L{n}" for n in range(first, first + 3)], results
    assert [r.data.decode("utf-8") for r in results] == [record["text"] for record in WIDE_RECORDS]  # type: ignore[union-attr]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-8"])
def test_a_page_on_stdin_is_handed_on_byte_for_byte_after_sniffing(encoding: str) -> None:
    """The sniffing reads ahead through buffers and a decoder; the page is
    still every byte given, however far that went (here past a buffer)."""
    page = ("Заголовок\n\n" + "A paragraph of the article, \u2014 long enough. " * 400).encode(encoding)
    [document] = read_stdin(io.BytesIO(page))
    assert isinstance(document, RawDocument) and document.data == page and document.content_type == TEXT


def test_a_utf8_jsonl_whose_first_line_holds_a_zero_byte_is_still_utf8(tmp_path: Path) -> None:
    path = tmp_path / "nul.jsonl"
    good = "".join(json.dumps({"text": f"page {n}"}) + "\n" for n in range(3))
    path.write_bytes(b'{\x00broken": 1}\n' + good.encode())
    results = list(iter_documents([str(path)], readers()))  # type: ignore[arg-type]
    assert [type(r).__name__ for r in results] == ["Rejection", "RawDocument", "RawDocument", "RawDocument"]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_a_jsonl_line_over_the_limit_in_utf8_is_too_large_in_any_encoding(encoding: str) -> None:
    """The limit is on the line as read into memory (UTF-8), whatever the
    file's encoding: 52 CJK characters are 156 bytes, over a limit of 100."""
    line = json.dumps({"text": "中" * 52}, ensure_ascii=False) + "\n"
    ok = json.dumps({"text": "short"}) + "\n"
    stream = io.BufferedReader(io.BytesIO((line + ok).encode(encoding)))  # type: ignore[arg-type]
    results = list(JsonlReader().read_stream(stream, "x.jsonl", limit=100))
    assert [r.reason if isinstance(r, Rejection) else r.data for r in results] == ["too_large", b"short"]


def test_stdin_is_sniffed_for_html_text_or_jsonl() -> None:
    [html] = read_stdin(io.BytesIO(b"  <!DOCTYPE html><html><p>x</p></html>"))
    [text] = read_stdin(io.BytesIO(b"Just a title\n\nAnd a body."))
    jsonl = list(read_stdin(io.BytesIO(b'{"text": "a"}\n{"text": "b"}\n')))
    assert isinstance(html, RawDocument) and html.content_type == HTML
    assert isinstance(text, RawDocument) and text.content_type == TEXT
    assert [r.uri for r in jsonl if isinstance(r, RawDocument)] == ["<stdin>#L1", "<stdin>#L2"]


def test_unreadable_file_is_rejected(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        # root reads anything; a directory named like a page is unreadable as a file instead
        target = tmp_path / "dir.txt"
        target.mkdir()
        results = list(readers()[".txt"].read(str(target)))  # type: ignore[attr-defined]
    else:
        target = tmp_path / "locked.txt"
        target.write_text("x")
        target.chmod(0)
        results = list(iter_documents([str(target)], readers()))  # type: ignore[arg-type]
    [rejection] = results
    assert isinstance(rejection, Rejection) and rejection.reason in {"permission_denied", "is_directory"}


class _BrokenReader:
    name = "broken"
    suffixes = (".boom",)

    def read(self, path: str) -> Iterator[object]:
        yield RawDocument(uri=path + "#1", data=b"first")
        if path.endswith("odd.boom"):
            yield "not a document"
            return
        raise RuntimeError("reader bug")


def test_a_reader_that_raises_costs_only_its_file(tmp_path: Path) -> None:
    for name in ("a.boom", "b.txt", "odd.boom"):
        (tmp_path / name).write_text("x")
    table = {**readers(), ".boom": _BrokenReader()}
    results = list(iter_documents([str(tmp_path)], table))  # type: ignore[arg-type]
    assert [u.replace(f"{tmp_path}{os.sep}", "") for u in uris(results)] == [
        "a.boom#1",
        "REJECT plugin_error a.boom",
        "b.txt",
        "odd.boom#1",
        "REJECT plugin_error odd.boom",
    ]
    crash, odd = (r for r in results if isinstance(r, Rejection))
    assert (crash.stage, crash.plugin, crash.error) == ("read", "broken", "RuntimeError: reader bug")
    assert odd.plugin == "broken" and "str" in odd.error


def test_stdin_text_starting_with_a_brace_is_a_page_not_jsonl() -> None:
    data = b"{Breaking} Minister resigns\n\nThe minister resigned on Monday.\n"
    [page] = read_stdin(io.BytesIO(data))
    assert isinstance(page, RawDocument) and page.uri == "<stdin>" and page.data == data
    # a first line that is JSON but not an object is no JSONL either
    [page] = read_stdin(io.BytesIO(b'{"a": 1\n{"b": 2}\n'))
    assert isinstance(page, RawDocument) and page.uri == "<stdin>"
    records = list(read_stdin(io.BytesIO(b'\n  {"text": "a"}\n{broken\n')))
    assert uris(records) == ["<stdin>#L2", "REJECT bad_jsonl <stdin>#L3"]


def test_an_oversized_jsonl_line_is_rejected_and_reading_goes_on() -> None:
    big = json.dumps({"text": "x" * 500}).encode()
    small = json.dumps({"text": "ok"}).encode()
    stream = io.BytesIO(small + b"\n" + big + b"\n" + small + b"\n" + big)
    results = list(JsonlReader().read_stream(stream, "f.jsonl", limit=100))
    assert uris(results) == ["f.jsonl#L1", "REJECT too_large f.jsonl#L2", "f.jsonl#L3", "REJECT too_large f.jsonl#L4"]
    # a line of exactly the limit, newline aside, is accepted
    exact = json.dumps({"text": "y" * 40}).encode()
    [doc] = JsonlReader().read_stream(io.BytesIO(exact + b"\n"), "g.jsonl", limit=len(exact))
    assert isinstance(doc, RawDocument) and doc.data == b"y" * 40


def test_an_xhtml_page_reads_its_sidecar(tmp_path: Path) -> None:
    (tmp_path / "a.xhtml").write_text("<p>A</p>")
    (tmp_path / "a.meta.json").write_text('{"url": "https://x.example/a"}')
    [doc] = iter_documents([str(tmp_path / "a.xhtml")], readers())  # type: ignore[arg-type]
    assert isinstance(doc, RawDocument) and doc.url == "https://x.example/a" and doc.is_html


def test_the_runs_own_outputs_are_not_read_under_any_name(tmp_path: Path) -> None:
    """An output written into a folder being read, reached by its own name,
    through a symbolic link to it or through a linked folder, is passed over;
    a file of the same name elsewhere is read."""
    from masthead.run.inputs import visits

    tree(tmp_path)
    out = tmp_path / "b" / "out.jsonl"
    out.write_text("")
    os.symlink(out, tmp_path / "alias.jsonl")
    os.symlink(tmp_path / "b", tmp_path / "linked")
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "out.jsonl").write_text('{"text": "plain"}\n')
    own = {os.path.realpath(out)}
    args = [str(tmp_path), str(tmp_path / "alias.jsonl"), str(tmp_path / "linked" / "out.jsonl")]
    seen = [visit.key for visit, _ in visits(args, readers(), [], own, follow_links=True)]  # type: ignore[arg-type]
    assert str(tmp_path / "other" / "out.jsonl") in seen
    assert not [key for key in seen if os.path.realpath(key) == os.path.realpath(out)]
    assert str(tmp_path / "a.txt") in seen


@given(
    st.text(alphabet="aB.xtTmlhjsonwarcgz", max_size=12),
    st.lists(st.sampled_from([".txt", ".html", ".htm", ".warc", ".warc.gz", ".gz", ".jsonl", ".json"]), max_size=6),
)
def test_suffix_of_is_the_longest_match_of_the_plain_rule(path: str, suffixes: list[str]) -> None:
    """suffix_of loops without a list or max(); the plain rule it replaces
    picks the first of the longest matches, case-insensitively."""
    matches = [s for s in suffixes if path.lower().endswith(s)]
    assert suffix_of(path, suffixes) == (max(matches, key=len) if matches else None)


def test_visits_read_each_file_as_stat_and_read_file_alone_would(tmp_path: Path) -> None:
    """visits takes one lstat per file for its identity, the own-output test
    and the regular-file test: a plain file, a link to a file (its target's
    identity), a dangling link, a link to a folder, and a FIFO all come out
    as identity_of and read_file without it make them."""
    from masthead.run.inputs import identity_of, visits

    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("A")
    (tmp_path / "sub" / "b.txt").write_text("BB")
    (tmp_path / "sub" / "b.meta.json").write_text('{"url": "https://x.example/b"}')
    os.symlink(tmp_path / "sub" / "b.txt", tmp_path / "c.txt")
    os.symlink(tmp_path / "missing.txt", tmp_path / "d.txt")
    os.symlink(tmp_path / "sub", tmp_path / "e")
    os.mkfifo(tmp_path / "f.txt")
    args = [str(tmp_path), str(tmp_path / "c.txt"), str(tmp_path / "gone.txt")]
    skipped: list[str] = []
    got = [
        (visit.key, visit.identity, uris(list(docs)))
        for visit, docs in visits(args, readers(), skipped, set(), follow_links=True)  # type: ignore[arg-type]
    ]
    named = {item[0]: item[1] for item in expand(args, follow_links=True) if isinstance(item, tuple)}
    plain = [
        (key, identity_of(key), uris(list(read_file(key, named[key], readers()))))  # type: ignore[arg-type]
        if key in named
        else (key, None, uris(list(iter_documents([key], readers()))))  # type: ignore[arg-type]
        for key, _, _ in got
    ]
    expanded = [item[0] if isinstance(item, tuple) else item.input for item in expand(args, follow_links=True)]
    assert sorted([key for key, _, _ in got] + skipped) == sorted(expanded)
    assert got == plain
    assert ("REJECT not_regular_file " + str(tmp_path / "f.txt")) in [u for _, _, us in got for u in us]
    assert any(
        key == str(tmp_path / "c.txt") and ident == identity_of(str(tmp_path / "sub" / "b.txt"))
        for key, ident, _ in got
    )


class _ShortReads(io.RawIOBase):
    """A pipe that hands over a few bytes a read, as a slow producer does."""

    def __init__(self, data: bytes, step: int = 5) -> None:
        self.data, self.step = data, step

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        count = min(len(buffer), self.step, len(self.data))
        buffer[:count] = self.data[:count]
        self.data = self.data[count:]
        return count


@pytest.mark.parametrize(("encoding", "mark"), UNICODE_FORMS)
def test_stdin_is_told_the_same_however_the_pipe_hands_its_bytes_over(encoding: str, mark: bytes) -> None:
    data = _wide_jsonl(encoding, mark, "\n" * 40)
    results = list(read_stdin(io.BufferedReader(_ShortReads(data))))  # type: ignore[arg-type]
    assert [r.data.decode("utf-8") for r in results] == [record["text"] for record in WIDE_RECORDS]  # type: ignore[union-attr]
    page = ("Заголовок\n\n" + "A paragraph of the article. " * 300).encode(encoding)
    [document] = read_stdin(io.BufferedReader(_ShortReads(page)))  # type: ignore[arg-type]
    assert isinstance(document, RawDocument) and document.data == page


def test_stdin_hands_on_the_first_record_while_the_producer_still_writes() -> None:
    """``tail -f records.jsonl | masthead ingest -``: the first record is
    read once its line is there, not once 4 KiB or the end have come."""
    import threading

    readable, writable = os.pipe()
    record = json.dumps({"text": "Headline\n\nA paragraph of the article."}).encode() + b"\n"
    got = threading.Event()
    closed_first: list[bool] = []

    def produce() -> None:
        os.write(writable, record)
        closed_first.append(not got.wait(timeout=20))
        os.close(writable)

    producer = threading.Thread(target=produce)
    producer.start()
    with os.fdopen(readable, "rb", buffering=0) as stream:
        first = next(read_stdin(stream))  # type: ignore[arg-type]
        got.set()
        producer.join()
    assert isinstance(first, RawDocument) and closed_first == [False]
