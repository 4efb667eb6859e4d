"""Parquet output (``--sink parquet``, ``pip install 'masthead[parquet]'``), for data lakes.

The Arrow schema is derived from the published Article JSON Schema, so the
two cannot drift: objects become structs, arrays become lists, integers
int64, and the ``iso8601`` fields (``published``, comment dates,
``provenance.extracted_at``) become ``timestamp[us, UTC]``, which DuckDB,
pandas and Spark read as timestamps without options. A date without a time
(``2024-03-01``) is stored as midnight UTC; an offset is converted to UTC.

Records are written in row groups of :data:`ROW_GROUP` articles, so memory
stays bounded whatever the part's size.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from importlib import resources
from typing import IO, Any

from masthead.hookspecs import hookimpl
from masthead.io.checkpoint import fsync_directory
from masthead.io.sinks import partial_path
from masthead.models import Article, Rejection
from masthead.serialize import unstructure

ROW_GROUP = 2_000
INSTALL_HINT = "pip install 'masthead[parquet]'"
_TIMESTAMP_REF = "#/$defs/iso8601"
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:?\d{2})?)?$")


def import_pyarrow() -> Any:
    """``pyarrow`` (with ``pyarrow.parquet`` loaded), or an ImportError saying how to get it."""
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError as exc:
        raise ImportError(f"--sink parquet needs pyarrow, not installed: {INSTALL_HINT}") from exc
    return pyarrow


def json_schema() -> dict[str, Any]:
    text = resources.files("masthead.schema").joinpath("article.schema.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def arrow_schema() -> Any:
    """The Arrow schema of an Article, derived from its JSON Schema."""
    pa = import_pyarrow()
    schema = json_schema()
    defs = schema.get("$defs", {})
    return pa.schema(_fields(pa, schema, defs))


def _fields(pa: Any, node: dict[str, Any], defs: dict[str, Any]) -> list[Any]:
    required = set(node.get("required", ()))
    fields = []
    for name, prop in node["properties"].items():
        kind, nullable = _arrow_type(pa, prop, defs)
        fields.append(pa.field(name, kind, nullable=nullable or name not in required))
    return fields


def _arrow_type(pa: Any, node: dict[str, Any], defs: dict[str, Any]) -> tuple[Any, bool]:
    """``(arrow type, nullable)`` of one JSON Schema node."""
    ref = node.get("$ref")
    if ref is not None:
        merged = {**defs[ref.rsplit("/", 1)[1]], **{k: v for k, v in node.items() if k != "$ref"}}
        kind, nullable = _arrow_type(pa, merged, defs)
        return (pa.timestamp("us", tz="UTC") if ref == _TIMESTAMP_REF else kind), nullable
    if "const" in node:
        return pa.string(), False
    declared = node.get("type", "string")
    types = [declared] if isinstance(declared, str) else list(declared)
    nullable = "null" in types
    main = next((t for t in types if t != "null"), "string")
    if main == "object":
        return pa.struct(_fields(pa, node, defs)), nullable
    if main == "array":
        item, _ = _arrow_type(pa, node.get("items", {}), defs)
        return pa.list_(item), nullable
    simple = {"integer": pa.int64(), "number": pa.float64(), "boolean": pa.bool_()}
    return simple.get(main, pa.string()), nullable


def parse_timestamp(value: str | None) -> datetime | None:
    """An ISO 8601 value of the schema's ``iso8601`` form as an aware UTC datetime."""
    if value is None:
        return None
    match = _ISO.match(value)
    if match is None:
        raise ValueError(f"not an ISO 8601 date or timestamp: {value!r}")
    year, month, day, hour, minute, second, fraction, zone = match.groups()
    moment = datetime(
        int(year), month=int(month), day=int(day), hour=int(hour or 0), minute=int(minute or 0),
        second=int(second or 0), microsecond=int((fraction or "0")[:6].ljust(6, "0")), tzinfo=timezone.utc,
    )  # fmt: skip
    if zone and zone != "Z":
        sign = 1 if zone[0] == "+" else -1
        digits = zone[1:].replace(":", "")
        moment -= sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
    return moment


def row(article: Article) -> dict[str, Any]:
    """The Parquet row of ``article``: its JSON form with timestamps parsed."""
    data = unstructure(article)
    data["published"] = parse_timestamp(data["published"])
    for comment in data["comments"]:
        comment["published"] = parse_timestamp(comment["published"])
    data["provenance"]["extracted_at"] = parse_timestamp(data["provenance"]["extracted_at"])
    return data


class ParquetWriter:
    """Articles into one Parquet file on an open binary stream, a row group at a time."""

    def __init__(self, handle: IO[bytes] | str) -> None:
        pa = import_pyarrow()
        self._pa = pa
        self._schema = arrow_schema()
        self._writer = pa.parquet.ParquetWriter(handle, self._schema, compression="zstd")
        self._rows: list[dict[str, Any]] = []
        self.count = 0

    def write(self, article: Article) -> None:
        self._rows.append(row(article))
        self.count += 1
        if len(self._rows) >= ROW_GROUP:
            self._flush()

    def _flush(self) -> None:
        if self._rows:
            self._writer.write_table(self._pa.Table.from_pylist(self._rows, schema=self._schema))
            self._rows.clear()

    def close(self) -> None:
        self._flush()
        self._writer.close()


class ParquetSink:
    """``--sink parquet`` for a local run: one Parquet file, durable and renamed into place on close.

    Like :class:`~masthead.io.sinks.JsonlSink`, :meth:`finish` makes the
    partial file durable and returns the rename that publishes it, so a run
    publishes its files together (:mod:`masthead.run.commit`): a crash never
    leaves an empty or torn Parquet file under the final name.
    """

    def __init__(self, path: str) -> None:
        import_pyarrow()
        self.path = path
        self._tmp = partial_path(path)
        self._handle = open(self._tmp, "wb")  # noqa: SIM115 - closed by finish or abort
        self._writer = ParquetWriter(self._handle)

    @property
    def count(self) -> int:
        return self._writer.count

    def write(self, record: Article | Rejection) -> None:
        if isinstance(record, Article):
            self._writer.write(record)

    def finish(self) -> tuple[str, str]:
        """Write the footer, flush and fsync; return ``(partial, final)``, the rename that publishes the file."""
        self._writer.close()
        self._handle.flush()
        os.fsync(self._handle.fileno())
        self._handle.close()
        return self._tmp, self.path

    def close(self) -> None:
        partial, final = self.finish()
        os.replace(partial, final)
        fsync_directory(final)

    def abort(self) -> None:
        with contextlib.suppress(Exception):
            self._writer.close()
        with contextlib.suppress(Exception):
            self._handle.close()
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self._tmp)


@hookimpl
def masthead_register_sinks(register: Callable[[str, Callable[[str], ParquetSink]], None]) -> None:
    register("parquet", ParquetSink)
