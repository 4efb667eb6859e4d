"""The account of a run: every input read is either ingested or rejected."""

from __future__ import annotations

import time
from collections import Counter
from typing import Any

import attrs

from masthead.models import Article, Rejection


@attrs.define
class Summary:
    """Counts kept while a run goes; :meth:`to_dict` is ``--summary-json``."""

    read: int = 0
    ingested: int = 0
    rejected: int = 0
    duplicates: int = 0
    skipped: int = 0
    rejected_by_reason: Counter[str] = attrs.field(factory=Counter)
    ingested_by_plugin: Counter[str] = attrs.field(factory=Counter)
    rejected_by_plugin: Counter[str] = attrs.field(factory=Counter)
    started: float = attrs.field(factory=time.monotonic)
    elapsed: float = 0.0

    def count(self, record: Article | Rejection) -> None:
        self.read += 1
        if isinstance(record, Article):
            self.ingested += 1
            self.ingested_by_plugin[record.provenance.plugin] += 1
        else:
            self.rejected += 1
            self.rejected_by_reason[record.reason] += 1
            if record.plugin:
                self.rejected_by_plugin[record.plugin] += 1

    @classmethod
    def restore(cls, counts: dict[str, Any]) -> Summary:
        """A summary that goes on from the counts of :meth:`to_dict` (a resumed run)."""
        return cls(
            read=int(counts.get("read", 0)),
            ingested=int(counts.get("ingested", 0)),
            rejected=int(counts.get("rejected", 0)),
            duplicates=int(counts.get("duplicates", 0)),
            rejected_by_reason=Counter(counts.get("rejected_by_reason", {})),
            ingested_by_plugin=Counter(counts.get("ingested_by_plugin", {})),
            rejected_by_plugin=Counter(counts.get("rejected_by_plugin", {})),
        )

    def count_duplicate(self) -> None:
        """A document whose article was already written in this run."""
        self.read += 1
        self.duplicates += 1

    def finish(self) -> None:
        self.elapsed = time.monotonic() - self.started

    @property
    def docs_per_second(self) -> float:
        elapsed = self.elapsed or (time.monotonic() - self.started)
        return self.read / elapsed if elapsed > 0 else 0.0

    @property
    def balanced(self) -> bool:
        """Every document read is accounted for."""
        return self.read == self.ingested + self.rejected + self.duplicates

    def to_dict(self) -> dict[str, Any]:
        return {
            "read": self.read,
            "ingested": self.ingested,
            "rejected": self.rejected,
            "duplicates": self.duplicates,
            "skipped_files": self.skipped,
            "rejected_by_reason": dict(sorted(self.rejected_by_reason.items())),
            "ingested_by_plugin": dict(sorted(self.ingested_by_plugin.items())),
            "rejected_by_plugin": dict(sorted(self.rejected_by_plugin.items())),
            "elapsed_seconds": round(self.elapsed, 3),
            "docs_per_second": round(self.docs_per_second, 1),
        }

    def render(self) -> str:
        """A few human lines for the end of a run."""
        lines = [
            f"read {self.read}  ingested {self.ingested}  rejected {self.rejected}"
            + (f"  duplicates {self.duplicates}" if self.duplicates else "")
            + f"  ({self.docs_per_second:.1f} docs/s, {self.elapsed:.2f} s)"
        ]
        if self.ingested_by_plugin:
            lines.append(
                "ingested by plugin: " + ", ".join(f"{k} {v}" for k, v in sorted(self.ingested_by_plugin.items()))
            )
        if self.rejected_by_reason:
            lines.append(
                "rejected by reason: " + ", ".join(f"{k} {v}" for k, v in sorted(self.rejected_by_reason.items()))
            )
        if self.skipped:
            lines.append(f"skipped {self.skipped} file(s) of no known type in directories")
        return "\n".join(lines)
