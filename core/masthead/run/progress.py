"""Progress of long runs: a live line on a terminal, log events otherwise."""

from __future__ import annotations

import sys
import time
from typing import TextIO

import structlog

from masthead.run.summary import Summary

log = structlog.get_logger("masthead.run.progress")


class Progress:
    """Call :meth:`update` after each document; it redraws at most every
    ``interval`` seconds on a terminal and logs a ``progress`` event every
    ``log_interval`` seconds when the stream is not a terminal."""

    def __init__(
        self, summary: Summary, stream: TextIO | None = None, *, interval: float = 0.2, log_interval: float = 30.0
    ) -> None:
        self.summary = summary
        self.stream = stream or sys.stderr
        self.live = self.stream.isatty()
        self.interval = interval if self.live else log_interval
        self._next = time.monotonic() + self.interval
        self._drawn = False

    def update(self) -> None:
        now = time.monotonic()
        if now < self._next:
            return
        self._next = now + self.interval
        s = self.summary
        if self.live:
            self.stream.write(
                f"\r{s.read} read  {s.ingested} ingested  {s.rejected} rejected  {s.docs_per_second:.0f} docs/s "
            )
            self.stream.flush()
            self._drawn = True
        else:
            log.info(
                "progress",
                read=s.read,
                ingested=s.ingested,
                rejected=s.rejected,
                docs_per_second=round(s.docs_per_second, 1),
            )

    def close(self) -> None:
        if self._drawn:
            self.stream.write("\r\033[K")
            self.stream.flush()
