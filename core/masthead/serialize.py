"""Articles to JSON and back, in one place.

A private cattrs converter turns records into JSON-ready dicts whose keys
follow the attrs field order, so every line has the same, stable key order.
"""

from __future__ import annotations

import json
from typing import Any

from cattrs.preconf.json import make_converter

from masthead.models import Article, Rejection

_converter = make_converter()


def unstructure(record: Article | Rejection) -> dict[str, Any]:
    """A JSON-ready dict of ``record``, keys in field order."""
    data: dict[str, Any] = _converter.unstructure(record)
    return data


def to_json_line(record: Article | Rejection) -> str:
    """One JSONL line (no trailing newline), UTF-8 characters kept as is."""
    return json.dumps(unstructure(record), ensure_ascii=False, separators=(",", ":"))


def article_from_dict(data: dict[str, Any]) -> Article:
    """Rebuild an :class:`Article` from its JSON form (validators run)."""
    return _converter.structure(data, Article)
