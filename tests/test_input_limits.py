"""Hostile input files: every read is bounded and every record accounted for.

JSONL lines that cannot be decoded, WARC records without a length or with
endless header lines, special files and links out of the input directory:
each costs one rejection with a reason, never the rest of the file, the
run, or unbounded memory.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from masthead.extract.document import RawDocument
from masthead.io.readers import JsonlReader, iter_documents, read_stdin
from masthead.io.warc import WarcReader
from masthead.manager import Plugins
from masthead.models import MAX_REJECTION_ERROR, Rejection
from test_cli import masthead_command
from test_warc import archive, page

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
SEED = next(CORPUS.glob("000_*.txt"))


def masthead(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    """The installed command, bytes in and out."""
    return subprocess.run(
        [*masthead_command(), *args], input=stdin, capture_output=True, cwd=cwd, timeout=120, check=False
    )


def ingest(*args: str, stdin: bytes | None = None) -> tuple[subprocess.CompletedProcess[bytes], dict[str, int]]:
    """``masthead ingest ARGS`` and its read/ingested/rejected counts (from ``--summary-json``)."""
    with tempfile.TemporaryDirectory() as scratch:
        summary = Path(scratch) / "summary.json"
        result = masthead("ingest", *args, "--summary-json", str(summary), stdin=stdin)
        data = json.loads(summary.read_text(encoding="utf-8")) if summary.exists() else {}
    return result, {key: data.get(key, -1) for key in ("read", "ingested", "rejected")}


def reasons(records: list[RawDocument | Rejection]) -> list[str]:
    return [r.reason if isinstance(r, Rejection) else "doc" for r in records]


# --- JSONL -----------------------------------------------------------------

BAD_LINES = {
    "surrogate": b'{"html":"\\ud800"}',
    "deep_array": b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    "deep_object": b'{"text": "x", "m": ' + b'{"a":' * 100_000 + b"1" + b"}" * 100_000 + b"}",
    "not_utf8": b'{"text": "\xff\xfe"}',
}


@pytest.mark.parametrize("name", sorted(BAD_LINES))
def test_one_bad_jsonl_line_costs_one_record(name: str) -> None:
    data = b'{"text":"a"}\n' + BAD_LINES[name] + b'\n{"text":"b"}\n{"text":"c"}\n'
    results = list(JsonlReader().read_stream(io.BytesIO(data), "x.jsonl"))
    assert len(results) == 4
    kinds = reasons(results)
    assert kinds[0] == kinds[2] == kinds[3] == "doc"
    assert kinds[1] in ("doc", "bad_jsonl")
    for item in results:  # whatever was read can be written as UTF-8
        if isinstance(item, RawDocument):
            item.data.decode("utf-8")


def test_a_surrogate_escape_in_jsonl_is_read_as_a_replacement_character() -> None:
    [doc] = JsonlReader().read_stream(io.BytesIO(b'{"text":"a\\ud800b","url":"https://x.example/\\udc00"}\n'), "x")
    assert isinstance(doc, RawDocument)
    assert doc.data == "a\ufffdb".encode() and doc.url == "https://x.example/\ufffd"


@pytest.mark.parametrize("name", ["surrogate", "deep_array"])
def test_bad_jsonl_lines_through_the_command_file_and_stdin(tmp_path: Path, name: str) -> None:
    seed = json.dumps({"text": SEED.read_text(encoding="utf-8")}).encode()
    data = seed + b"\n" + BAD_LINES[name] + b"\n" + seed + b"\n" + b'{"text":"c"}\n'
    source = tmp_path / "x.jsonl"
    source.write_bytes(data)
    for argument, stdin in ((str(source), None), ("-", data)):
        out = tmp_path / "out.jsonl"
        result, counts = ingest(argument, "-o", str(out), "--keep-duplicates", stdin=stdin)
        assert result.returncode == 1, result.stderr.decode()[-2000:]
        assert b"Traceback" not in result.stderr
        assert counts["read"] == 4


def test_stdin_jsonl_is_streamed_past_the_document_limit() -> None:
    from masthead.io import readers

    lines = b"".join(json.dumps({"text": f"line {n}"}).encode() + b"\n" for n in range(50))
    original = readers.MAX_DOCUMENT_BYTES
    readers.MAX_DOCUMENT_BYTES = 200  # the whole input is far larger; each line is smaller
    try:
        results = list(read_stdin(io.BytesIO(b"\n" + lines)))
    finally:
        readers.MAX_DOCUMENT_BYTES = original
    assert [r.uri for r in results if isinstance(r, RawDocument)] == [f"<stdin>#L{n + 2}" for n in range(50)]


# --- WARC ------------------------------------------------------------------


def pages(count: int) -> list[tuple[str, bytes, str]]:
    return [(f"https://a.example/{n}", page(f"Page {n}", [f"Body {n}."]), "text/html") for n in range(count)]


def without_content_length(record: bytes) -> bytes:
    head, sep, rest = record.partition(b"\r\n\r\n")
    lines = [x for x in head.split(b"\r\n") if not x.lower().startswith(b"content-length:")]
    assert len(lines) < len(head.split(b"\r\n"))
    return b"\r\n".join(lines) + sep + rest


@pytest.mark.parametrize("gzipped", [False, True])
def test_a_record_without_content_length_costs_only_itself(tmp_path: Path, gzipped: bool) -> None:
    records = [archive([p], gzipped=False) for p in pages(4)]
    records[1] = without_content_length(records[1])
    blobs = [gzip.compress(r) if gzipped else r for r in records]
    path = tmp_path / ("crawl.warc.gz" if gzipped else "crawl.warc")
    path.write_bytes(b"".join(blobs))
    results = list(WarcReader().read(str(path)))
    assert [r.url if isinstance(r, RawDocument) else r.reason for r in results] == [
        "https://a.example/0",
        "corrupt_record",
        "https://a.example/2",
        "https://a.example/3",
    ]
    [rejection] = [r for r in results if isinstance(r, Rejection)]
    assert "Content-Length" in rejection.error and rejection.input == f"{path}#{len(blobs[0])}"


def test_a_record_without_content_length_through_the_command(tmp_path: Path) -> None:
    records = [archive([p], gzipped=False) for p in pages(4)]
    records[1] = without_content_length(records[1])
    path = tmp_path / "crawl.warc"
    path.write_bytes(b"".join(records))
    result, counts = ingest(str(path), "-o", str(tmp_path / "o.jsonl"))
    assert counts["read"] == 4, result.stderr.decode()[-2000:]
    assert result.returncode == 1


def long_header_line_archive(size: int, gzipped: bool) -> bytes:
    """A good page, then a "record" that is one header line of ``size`` bytes, then a good page."""
    first, last = (archive([p], gzipped=gzipped) for p in pages(2))
    junk = b"WARC/1.0\r\nWARC-Type: " + b"A" * size
    return first + (gzip.compress(junk, 1) if gzipped else junk + b"\r\n\r\n") + last


@pytest.mark.parametrize("gzipped", [False, True])
def test_an_endless_header_line_is_bounded_and_reading_goes_on(tmp_path: Path, gzipped: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gzipped else "crawl.warc")
    path.write_bytes(long_header_line_archive(4 * 1024 * 1024, gzipped))
    results = list(WarcReader(line_limit=4096).read(str(path)))
    assert reasons(results) == ["doc", "corrupt_record", "doc"]
    assert "header line is longer than 4096 bytes" in results[1].error  # type: ignore[union-attr]


def _peak_rss_mib(script: str) -> float:
    """Peak resident memory of a fresh interpreter running ``script``."""
    code = f"{script}\nimport resource; print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=True)
    return int(done.stdout.split()[-1]) / 1024


def test_a_header_line_bomb_takes_bounded_memory_and_rejects_briefly(tmp_path: Path) -> None:
    """256 MiB of ``A`` without a newline, gzipped to a few hundred KB: the
    old reader held it whole (1.6 GB peak) and wrote it into the rejects."""
    path = tmp_path / "bomb.warc.gz"
    path.write_bytes(gzip.compress(b"WARC/1.0\r\nWARC-Type: " + b"A" * (256 * 1024 * 1024), 9))
    baseline = _peak_rss_mib("import masthead.io.warc")
    peak = _peak_rss_mib(
        "from masthead.io.warc import WarcReader\n"
        f"records = list(WarcReader().read({str(path)!r}))\n"
        "assert [r.reason for r in records] == ['corrupt_record'], records\n"
        f"assert len(records[0].error) <= {MAX_REJECTION_ERROR}"
    )
    assert peak - baseline < 128, (baseline, peak)


def test_rejection_text_is_bounded() -> None:
    rejection = Rejection(input="x" * 100_000, stage="read", reason="corrupt_record", error="y" * 10_000_000)
    assert len(rejection.error) <= MAX_REJECTION_ERROR and rejection.error.startswith("yyy")
    assert "more characters" in rejection.error and len(rejection.input) < 100_000


@pytest.mark.parametrize("gzipped", [False, True])
def test_a_record_declaring_more_than_the_record_limit_is_passed_over(tmp_path: Path, gzipped: bool) -> None:
    big = ("https://a.example/big", page("Big", ["x" * 20_000]), "text/html")
    image = ("https://a.example/big.png", b"\x89PNG" + b"\x00" * 20_000, "image/png")
    first, last = pages(2)
    path = tmp_path / ("crawl.warc.gz" if gzipped else "crawl.warc")
    path.write_bytes(b"".join(archive([r], gzipped=gzipped) for r in (first, big, image, last)))
    results = list(WarcReader(limit=1000, record_limit=10_000).read(str(path)))
    # the big page is rejected unread, the big image passed over like any non-page
    assert reasons(results) == ["doc", "too_large", "doc"]
    assert "record limit" in results[1].error  # type: ignore[union-attr]


# --- special files and links -----------------------------------------------


def test_fifos_are_rejected_not_read_and_fifo_sidecars_ignored(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    os.mkfifo(inputs / "pipe.txt")
    os.mkfifo(inputs / "page.meta.json")
    (inputs / "page.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    out, rejects = tmp_path / "o.jsonl", tmp_path / "r.jsonl"
    result, counts = ingest(str(inputs), "-o", str(out), "--rejects", str(rejects))
    assert result.returncode == 1, result.stderr.decode()[-2000:]
    # both FIFOs are named in the rejects; the page is read, its FIFO sidecar ignored with a warning
    assert counts == {"read": 3, "ingested": 1, "rejected": 2}
    refused = [json.loads(x) for x in rejects.read_text(encoding="utf-8").splitlines()]
    assert [(r["reason"], r["input"]) for r in refused] == [
        ("not_regular_file", str(inputs / "page.meta.json")),
        ("not_regular_file", str(inputs / "pipe.txt")),
    ]
    assert all("FIFO" in r["error"] for r in refused)
    assert b"sidecar_ignored" in result.stderr


def test_a_device_named_as_input_is_rejected(tmp_path: Path) -> None:
    plugins = Plugins(load_entry_points=False)
    [rejection] = iter_documents(["/dev/zero"], plugins.readers)
    assert isinstance(rejection, Rejection) and rejection.reason == "not_regular_file"
    assert "character device" in rejection.error


def test_a_sidecar_linked_to_dev_zero_is_ignored(tmp_path: Path) -> None:
    (tmp_path / "page.txt").write_text("A title\n\nA body.", encoding="utf-8")
    (tmp_path / "page.meta.json").symlink_to("/dev/zero")
    [doc] = iter_documents([str(tmp_path / "page.txt")], Plugins(load_entry_points=False).readers)
    assert isinstance(doc, RawDocument) and doc.meta == {}


def test_an_oversized_sidecar_is_ignored(tmp_path: Path) -> None:
    (tmp_path / "page.txt").write_text("A title\n\nA body.", encoding="utf-8")
    (tmp_path / "page.meta.json").write_text(json.dumps({"url": "https://x.example/", "pad": "x" * 2_000_000}))
    [doc] = iter_documents([str(tmp_path / "page.txt")], Plugins(load_entry_points=False).readers)
    assert isinstance(doc, RawDocument) and doc.url is None


def test_links_out_of_the_input_directory_are_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    inputs = tmp_path / "in"
    (inputs / "sub").mkdir(parents=True)
    (inputs / "page.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (inputs / "e").symlink_to(outside)  # a directory out of the input
    (inputs / "s.txt").symlink_to(outside / "secret.txt")  # a file out of the input
    (inputs / "sub" / "inside.txt").symlink_to(inputs / "page.txt")  # a link within the input: followed
    out, rejects = tmp_path / "o.jsonl", tmp_path / "r.jsonl"
    result, counts = ingest(str(inputs), "-o", str(out), "--rejects", str(rejects), "--keep-duplicates")
    assert counts == {"read": 4, "ingested": 2, "rejected": 2}, result.stderr.decode()
    refused = sorted(json.loads(x)["input"] for x in rejects.read_text(encoding="utf-8").splitlines())
    assert refused == [str(inputs / "e"), str(inputs / "s.txt")]
    assert "secret" not in out.read_text(encoding="utf-8")
    followed, counts = ingest(str(inputs), "-o", str(out), "--keep-duplicates", "--follow-links")
    assert counts == {"read": 4, "ingested": 4, "rejected": 0}, followed.stderr.decode()
    assert str(inputs / "e" / "secret.txt") in out.read_text(encoding="utf-8")


def test_a_glob_does_not_leave_its_directory_through_a_link(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "etc").symlink_to("/etc")
    items = list(iter_documents([str(inputs / "*")], Plugins(load_entry_points=False).readers))
    assert reasons(items) == ["outside_input"]  # type: ignore[arg-type]


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc")
def test_a_file_longer_than_its_stated_size_is_read_whole_and_still_bounded() -> None:
    """A regular file's size is only what ``fstat`` said a moment ago (a file
    being written, a ``/proc`` file stating 0 bytes): reading goes on past it,
    up to the document limit and no further."""
    from masthead.io.readers import read_bytes

    assert os.stat("/proc/self/status").st_size == 0
    assert b"Name:" in read_bytes("/proc/self/status")
    with pytest.raises(OverflowError):
        read_bytes("/proc/self/status", limit=10)
