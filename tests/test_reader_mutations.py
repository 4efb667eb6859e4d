"""Mutated JSONL and WARC files: every record is read or rejected, nothing escapes.

Files are built sound, then damaged the ways real ones are: cut short, bytes
flipped, header lines removed, giant lines, surrogate escapes, deep
nesting. The readers run with small limits so the bounds are reached
cheaply. Whatever comes out must be a document or a read-stage rejection
with a reason, writable as UTF-8; for JSONL exactly one per non-blank line,
in order; for a gzipped WARC every record left intact is still read.
"""

from __future__ import annotations

import gzip
import io
import json
import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from masthead.extract.document import RawDocument
from masthead.io.readers import JsonlReader, ReadResult, read_stdin
from masthead.io.warc import WarcReader
from masthead.models import MAX_REJECTION_ERROR, Rejection
from masthead.serialize import to_json_line
from test_warc import archive, page

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
LINE_LIMIT = 2048


def check_item(item: ReadResult) -> None:
    """A document whose bytes and URL can be written, or a rejection with a reason."""
    if isinstance(item, RawDocument):
        assert isinstance(item.data, bytes)
        if item.url is not None:
            item.url.encode("utf-8")
        return
    assert isinstance(item, Rejection) and item.stage == "read" and item.reason
    assert len(item.error) <= MAX_REJECTION_ERROR
    to_json_line(item).encode("utf-8")


# --- JSONL -----------------------------------------------------------------

records = st.fixed_dictionaries(
    {"url": st.sampled_from(["https://a.example/x", "", "not a url"]), "text": st.text(max_size=60)}
)
hostile_lines = st.sampled_from(
    [
        b'{"text": "\\ud800"}',
        b'{"html": "a\\udc00b", "url": "https://a.example/\\udfff"}',
        b'{"text": ' + b"[" * 5000 + b"]" * 5000 + b"}",
        b'{"text": "' + b"A" * (LINE_LIMIT * 3) + b'"}',
        b"A" * (LINE_LIMIT * 2),
        b'{"text": 1}',
        b"[1, 2]",
        b'{"text": "\xff\xfe"}',
        b"\x00\x01\x02",
    ]
)


@st.composite
def mutated_jsonl(draw: st.DrawFn) -> bytes:
    lines = [json.dumps(r).encode() for r in draw(st.lists(records, min_size=1, max_size=6))]
    for _ in range(draw(st.integers(0, 3))):
        lines.insert(draw(st.integers(0, len(lines))), draw(hostile_lines))
    data = bytearray(b"\n".join(lines) + b"\n")
    for _ in range(draw(st.integers(0, 4))):  # byte flips, newlines included
        data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
    if draw(st.booleans()):
        del data[draw(st.integers(0, len(data))) :]
    return bytes(data)


def non_blank_lines(data: bytes) -> int:
    return sum(1 for line in data.split(b"\n") if line.strip())


@SETTINGS
@given(mutated_jsonl())
def test_jsonl_one_result_per_line_whatever_the_damage(data: bytes) -> None:
    results = list(JsonlReader().read_stream(io.BytesIO(data), "m.jsonl", limit=LINE_LIMIT))
    for item in results:
        check_item(item)
    numbered = [line for line in data.split(b"\n")]
    expected = [f"m.jsonl#L{n}" for n, line in enumerate(numbered, start=1) if line.strip()]
    assert [r.uri if isinstance(r, RawDocument) else r.input for r in results] == expected


@SETTINGS
@given(mutated_jsonl())
def test_stdin_never_raises_and_accounts_for_every_line(data: bytes) -> None:
    results = list(read_stdin(io.BytesIO(data)))
    for item in results:
        check_item(item)
    assert len(results) in (1, non_blank_lines(data))


# --- WARC ------------------------------------------------------------------


#: Made once: record ids are random, and examples must be drawn from fixed bytes.
RECORDS = [
    archive([(f"https://a.example/{n}", page(f"Page {n}", [f"Body {n}."]), "text/html")], gzipped=False)
    for n in range(4)
]


@st.composite
def damaged_record(draw: st.DrawFn, n: int) -> tuple[bytes, bool]:
    """An uncompressed record, maybe with its WARC headers damaged; and whether it still is sound."""
    record = RECORDS[n]
    head, sep, rest = record.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    op = draw(st.sampled_from(["none", "none", "drop", "giant", "surrogate", "raw_surrogate"]))
    if op == "drop":
        del lines[draw(st.integers(0, len(lines) - 1))]
    elif op == "giant":
        lines.insert(draw(st.integers(1, len(lines))), b"X-Giant: " + b"A" * (LINE_LIMIT * 4))
    elif op == "surrogate":
        lines.insert(draw(st.integers(1, len(lines))), b"X-Note: \\udc00 \\ud800")
    elif op == "raw_surrogate":
        lines.insert(draw(st.integers(1, len(lines))), b"X-Note: \xed\xa0\x80 \xff")
    return b"\r\n".join(lines) + sep + rest, op in ("none", "surrogate", "raw_surrogate")


@st.composite
def mutated_warc(draw: st.DrawFn) -> tuple[bytes, bool, list[int]]:
    """A WARC file, whether it is gzipped, and the numbers of the records left intact."""
    gzipped = draw(st.booleans())
    count = draw(st.integers(1, 4))
    parts = [draw(damaged_record(n)) for n in range(count)]
    blobs = [gzip.compress(record) if gzipped else record for record, _ in parts]
    starts = [sum(len(b) for b in blobs[:i]) for i in range(count)]
    data = bytearray(b"".join(blobs))
    touched: set[int] = {i for i, (_, sound) in enumerate(parts) if not sound}
    for _ in range(draw(st.integers(0, 3))):
        where = draw(st.integers(0, len(data) - 1))
        data[where] = draw(st.integers(0, 255))
        touched.add(max(i for i in range(count) if starts[i] <= where))
    if draw(st.booleans()):
        cut = draw(st.integers(0, len(data)))
        del data[cut:]
        touched.update(i for i in range(count) if starts[i] + len(blobs[i]) > cut)
    return bytes(data), gzipped, [i for i in range(count) if i not in touched]


@SETTINGS
@given(mutated_warc())
def test_warc_never_raises_and_keeps_every_intact_record(
    tmp_path_factory: object, case: tuple[bytes, bool, list[int]]
) -> None:
    data, gzipped, intact = case
    path = tmp_path_factory.mktemp("warc") / ("m.warc.gz" if gzipped else "m.warc")  # type: ignore[attr-defined]
    path.write_bytes(data)
    reader = WarcReader(limit=1 << 16, record_limit=1 << 17, line_limit=LINE_LIMIT)
    results = list(reader.read(str(path)))
    for item in results:
        check_item(item)
    read = {r.url for r in results if isinstance(r, RawDocument)}
    if gzipped:  # each record is its own gzip member: damage to one cannot reach another
        assert {f"https://a.example/{n}" for n in intact} <= read
    else:  # uncompressed, a damaged length can hide what follows it; what precedes is read
        first_damage = min(set(range(len(intact) + 10)) - set(intact))
        assert {f"https://a.example/{n}" for n in intact if n < first_damage} <= read


def header_line_drops(record: bytes) -> list[bytes]:
    """The record as it is and with each one of its WARC header lines removed."""
    head, sep, rest = record.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    return [record] + [b"\r\n".join(lines[:i] + lines[i + 1 :]) + sep + rest for i in range(1, len(lines))]


def with_record_id(record: bytes, number: int) -> bytes:
    """The record with a fixed WARC-Record-ID, so its gzip bytes are the same in every run."""
    return re.sub(rb"<urn:uuid:[^>]*>", b"<urn:uuid:%08d-0000-4000-8000-000000000000>" % number, record, count=1)


def test_a_damaged_gzip_member_costs_itself_only_wherever_it_stands(tmp_path: Path) -> None:
    """A broken gzip header in any member, the first included, loses that member
    only: warcio reads a member it cannot decompress as plain bytes, and may take
    the members after it for the body of one bogus record."""
    reader = WarcReader(limit=1 << 16, record_limit=1 << 17, line_limit=LINE_LIMIT)
    for number in range(6):
        records = [with_record_id(r, number) for r in RECORDS]
        for damaged in range(len(records)):
            for variant, record in enumerate(header_line_drops(records[damaged])):
                blobs = [gzip.compress(record if n == damaged else r, mtime=0) for n, r in enumerate(records)]
                start = sum(len(b) for b in blobs[:damaged])
                for offset in (0, 1, 3):
                    data = bytearray(b"".join(blobs))
                    data[start + offset] ^= 0xFF
                    path = tmp_path / "m.warc.gz"
                    path.write_bytes(bytes(data))
                    results = list(reader.read(str(path)))
                    read = {r.url for r in results if isinstance(r, RawDocument)}
                    others = {f"https://a.example/{n}" for n in range(len(records)) if n != damaged}
                    assert others <= read, (number, damaged, variant, offset)
                    assert any(isinstance(r, Rejection) and r.reason == "corrupt_record" for r in results)
