"""Checking JSONL output against the published Article JSON Schema.

Whatever file it is given (a truncated output, a line nested 100,000 deep,
``/dev/zero``), checking ends with a list of problems: every read is bounded
(:func:`bounded_lines`) and a line too deep to decode or check is a problem
of that line, not a crash.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any, BinaryIO

import attrs

from masthead.models import clip

if TYPE_CHECKING:
    import jsonschema

SCHEMA_RESOURCE = "schema/article.schema.json"
#: Longest line checked; a longer one stops the check (a bound on memory).
MAX_LINE_BYTES = 256 * 1024 * 1024
_CHUNK = 1 << 20


class UnreadableLine(Exception):
    """A line that cannot be JSONL text at all; checking stops there."""


@cache
def schema() -> dict[str, Any]:
    """The Article JSON Schema shipped with this version of masthead."""
    data: dict[str, Any] = json.loads(files("masthead").joinpath(SCHEMA_RESOURCE).read_text("utf-8"))
    return data


@cache
def _validator() -> jsonschema.protocols.Validator:
    # Imported on first use: a run checks records only when a processor
    # replaced one, and jsonschema is a noticeable share of start-up.
    import jsonschema.validators

    cls = jsonschema.validators.validator_for(schema())
    return cls(schema())


@attrs.define(frozen=True)
class LineError:
    line: int
    message: str


def errors_in(record: Any) -> list[str]:
    """Schema violations of one decoded record, each with its JSON path."""
    found = sorted(_validator().iter_errors(record), key=lambda e: list(e.path))
    return [f"{e.json_path}: {clip(e.message, 500)}" for e in found]


def bounded_lines(handle: BinaryIO, limit: int = MAX_LINE_BYTES) -> Iterator[bytes]:
    """The lines of ``handle``, read a chunk at a time.

    Raises :class:`UnreadableLine` at a line longer than ``limit`` bytes or
    holding a NUL byte (JSON text never does): a binary file or a device is
    refused after one chunk, an endless line after ``limit`` bytes.
    """
    while True:
        parts: list[bytes] = []
        size = 0
        while True:
            part = handle.readline(_CHUNK)
            if b"\0" in part:
                raise UnreadableLine("holds a NUL byte: not a JSONL text file")
            parts.append(part)
            size += len(part)
            if size > limit:
                raise UnreadableLine(f"is longer than {limit} bytes; stopped reading")
            if not part or part.endswith(b"\n"):
                break
        line = b"".join(parts)
        if not line:
            return
        yield line


def validate_lines(lines: Iterator[bytes]) -> Iterator[LineError]:
    """Yield an error for every line that is not a valid Article."""
    number = 0
    try:
        for number, raw in enumerate(lines, start=1):
            yield from _line_errors(number, raw)
    except UnreadableLine as exc:
        yield LineError(number + 1, f"line {exc}")


def _line_errors(number: int, raw: bytes) -> Iterator[LineError]:
    if not raw.endswith(b"\n"):
        yield LineError(number, "last line has no newline: the file may be truncated")
    try:
        record = json.loads(raw)
    except RecursionError:
        yield LineError(number, "not JSON that can be read: nested too deeply")
        return
    except ValueError as exc:
        yield LineError(number, f"not JSON: {exc}")
        return
    try:
        messages = errors_in(record)
    except RecursionError:
        messages = ["nested too deeply to check"]
    for message in messages:
        yield LineError(number, message)
