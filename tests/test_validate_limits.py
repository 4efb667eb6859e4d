"""``masthead validate`` on files that are no JSONL at all: a verdict, not a crash."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pytest

from masthead.validate import UnreadableLine, bounded_lines, validate_lines
from test_cli import masthead_command

EXIT_INVALID = 4


def validate(target: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*masthead_command(), "validate", target], capture_output=True, text=True, timeout=120, check=False
    )


@pytest.mark.parametrize(
    "line",
    [
        '{"a":' * 100_000 + "1" + "}" * 100_000,
        "[" * 100_000 + "]" * 100_000,
    ],
)
def test_a_deeply_nested_line_is_an_invalid_line(tmp_path: Path, line: str) -> None:
    path = tmp_path / "deep.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    result = validate(str(path))
    assert result.returncode == EXIT_INVALID, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    assert f"{path}:1: " in result.stdout and "nested too deeply" in result.stdout


def test_dev_zero_is_refused_after_one_chunk() -> None:
    result = validate("/dev/zero")
    assert result.returncode == EXIT_INVALID, result.stderr[-2000:]
    assert "NUL byte" in result.stdout and "Traceback" not in result.stderr


def test_an_endless_line_stops_the_check_at_the_limit() -> None:
    stream = io.BytesIO(b"{}\n" + b"x" * 5000)
    found = bounded_lines(stream, limit=1000)
    assert next(found) == b"{}\n"
    with pytest.raises(UnreadableLine, match="longer than 1000 bytes"):
        next(found)
    errors = list(validate_lines(bounded_lines(io.BytesIO(b"x" * 5000), limit=1000)))
    assert [(e.line, e.message) for e in errors] == [(1, "line is longer than 1000 bytes; stopped reading")]
