"""Checking JSONL output against the published Article JSON Schema."""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from importlib.resources import files
from typing import Any

import attrs
import jsonschema

SCHEMA_RESOURCE = "schema/article.schema.json"


@cache
def schema() -> dict[str, Any]:
    """The Article JSON Schema shipped with this version of masthead."""
    data: dict[str, Any] = json.loads(files("masthead").joinpath(SCHEMA_RESOURCE).read_text("utf-8"))
    return data


@cache
def _validator() -> jsonschema.protocols.Validator:
    cls = jsonschema.validators.validator_for(schema())
    return cls(schema())


@attrs.define(frozen=True)
class LineError:
    line: int
    message: str


def errors_in(record: Any) -> list[str]:
    """Schema violations of one decoded record, each with its JSON path."""
    return [f"{e.json_path}: {e.message}" for e in sorted(_validator().iter_errors(record), key=lambda e: list(e.path))]


def validate_lines(lines: Iterator[bytes]) -> Iterator[LineError]:
    """Yield an error for every line that is not a valid Article."""
    for number, raw in enumerate(lines, start=1):
        if not raw.endswith(b"\n"):
            yield LineError(number, "last line has no newline: the file may be truncated")
        try:
            record = json.loads(raw)
        except ValueError as exc:
            yield LineError(number, f"not JSON: {exc}")
            continue
        for message in errors_in(record):
            yield LineError(number, message)
