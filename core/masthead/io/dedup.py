"""Deduplication: the same article read twice yields one record.

Article ids are stable (outlet plus URL, or outlet plus folded title and body
when the URL is unknown), so the same file read twice, the same page saved
with other whitespace or quote styles, and the same URL from two crawls all
share one id. Ids are kept as 64-bit integers: a million articles cost tens
of megabytes, not the input's size.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from masthead.io.checkpoint import read_lines
from masthead.models import Article


class Deduplicator:
    """Remembers article ids; :meth:`is_duplicate` is true from the second time."""

    def __init__(self, ids: Iterable[str] = ()) -> None:
        self._seen: set[int] = {int(i, 16) for i in ids}

    def is_duplicate(self, article: Article) -> bool:
        key = int(article.id, 16)
        if key in self._seen:
            return True
        self._seen.add(key)
        return False

    def __len__(self) -> int:
        return len(self._seen)

    @classmethod
    def from_jsonl(cls, path: str, limit: int | None = None) -> Deduplicator:
        """Ids of the articles in the first ``limit`` bytes of a JSONL file
        (an interrupted run's output, to resume without duplicates)."""
        return cls(json.loads(line)["id"] for line in read_lines(path, limit) if line.strip())
