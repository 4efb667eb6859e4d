from __future__ import annotations

import json
from pathlib import Path

import pytest

from masthead.io.sinks import JsonlSink
from support import article


def test_output_appears_only_on_close(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    sink = JsonlSink(str(out), batch=1)
    sink.write(article(title="One"))
    assert not out.exists()
    sink.close()
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["title"] for line in lines] == ["One"]
    assert list(tmp_path.iterdir()) == [out]


def test_abort_keeps_the_previous_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("previous\n")
    sink = JsonlSink(str(out), batch=1)
    for i in range(5):
        sink.write(article(title=f"T{i}"))
    sink.abort()
    assert out.read_text() == "previous\n"
    assert list(tmp_path.iterdir()) == [out]


def test_lines_are_utf8_and_one_object_each(tmp_path: Path) -> None:
    out = tmp_path / "sub" / "out.jsonl"
    sink = JsonlSink(str(out))
    sink.write(article(title="Путин “quoted”\nnewline"))
    sink.write(article(title="Two"))
    sink.close()
    data = out.read_bytes()
    assert "Путин “quoted”".encode() in data
    assert data.count(b"\n") == 2 and data.endswith(b"\n")


def test_unwritable_directory_raises_oserror(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(OSError):
        JsonlSink(str(blocker / "out.jsonl"))
