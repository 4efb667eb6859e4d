"""Articles to JSON and back, in one place.

A private cattrs converter turns records into JSON-ready dicts whose keys
follow the attrs field order, so every line has the same, stable key order.
orjson writes the line: the same characters as the standard library's
``json.dumps(..., ensure_ascii=False, separators=(",", ":"))``, in a fifth of
the time.
"""

from __future__ import annotations

import json
from typing import Any

import orjson
from cattrs.preconf.json import make_converter

from masthead.models import Article, Rejection

_converter = make_converter()


def unstructure(record: Article | Rejection) -> dict[str, Any]:
    """A JSON-ready dict of ``record``, keys in field order."""
    data: dict[str, Any] = _converter.unstructure(record)
    return data


def to_json_line(record: Article | Rejection) -> str:
    """One JSONL line (no trailing newline), UTF-8 characters kept as is."""
    data = unstructure(record)
    try:
        return orjson.dumps(data).decode()
    except TypeError:
        # What orjson refuses (an integer over 64 bits, a lone surrogate a
        # record's converters would have replaced) the standard library writes.
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def article_from_dict(data: dict[str, Any]) -> Article:
    """Rebuild an :class:`Article` from its JSON form (validators run)."""
    return _converter.structure(data, Article)
