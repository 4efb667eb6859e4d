"""``bench/checkouts.py``: what its alternating runs are compared by.

The runs themselves are whole ingests (seconds each); pinned here are the
order of the variants, the records' digest and the table.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import checkouts  # a script of bench/, not a package


def test_rounds_alternate_the_order_of_the_variants() -> None:
    assert [checkouts.order(2, n) for n in range(4)] == [[0, 1], [1, 0], [0, 1], [1, 0]]
    assert checkouts.order(3, 1) == [2, 1, 0]


def _write(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(record) + "\n" for record in records))
    return path


def test_the_digest_sets_extracted_at_aside_and_nothing_else(tmp_path: Path) -> None:
    def record(title: str, at: str) -> dict[str, object]:
        return {"title": title, "provenance": {"input": "a.txt", "extracted_at": at}}

    rejects = _write(tmp_path / "rejects.jsonl", [{"input": "b.txt", "reason": "unclaimed"}])
    one = _write(tmp_path / "one.jsonl", [record("A", "2026-01-01T00:00:00+00:00")])
    later = _write(tmp_path / "later.jsonl", [record("A", "2026-01-01T00:00:09+00:00")])
    other = _write(tmp_path / "other.jsonl", [record("B", "2026-01-01T00:00:00+00:00")])
    assert checkouts.digest(one, rejects) == checkouts.digest(later, rejects)
    assert checkouts.digest(one, rejects) != checkouts.digest(other, rejects)
    # a record moved from the output to the rejects is different work
    assert checkouts.digest(one, rejects) != checkouts.digest(rejects, one)


def test_the_table_gives_the_median_of_the_rounds_differences() -> None:
    """Round by round differences, not the difference of the medians: a
    slow round slows both variants of it."""
    first, second = [1.0, 2.0, 1.1, 1.2, 1.0], [0.9, 1.8, 1.0, 1.2, 0.95]
    shown = checkouts.table(["old", "new"], [first, second]).splitlines()
    assert shown[2] == "| old | 1.100 s | 1.00–2.00 s | — |"
    assert shown[3] == "| new | 1.000 s | 0.90–1.80 s | -0.100 s (-9.1 %) |"


def test_the_digest_takes_records_in_any_order_within_a_file(tmp_path: Path) -> None:
    """Worker processes deliver records as they finish: the same records in
    another order are the same work; a record more or less is not."""
    records = [{"title": title} for title in "ABC"]
    ordered = _write(tmp_path / "ordered.jsonl", records)
    shuffled = _write(tmp_path / "shuffled.jsonl", records[::-1])
    fewer = _write(tmp_path / "fewer.jsonl", records[:2])
    assert checkouts.digest(ordered) == checkouts.digest(shuffled)
    assert checkouts.digest(ordered) != checkouts.digest(fewer)
