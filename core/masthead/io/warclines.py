"""warcio's line reader, bounded: the reading under :mod:`masthead.io.warc`.

A module of its own so that warcio is imported only by a run that reads an
archive (:meth:`masthead.io.warc.WarcReader.read_stream` imports it).
"""

from __future__ import annotations

from typing import BinaryIO

from warcio.bufferedreaders import DecompressingBufferedReader

from masthead.io.warc import WarcLimitExceeded


class BoundedReader(DecompressingBufferedReader):  # type: ignore[misc]
    """warcio's line reader with a bound on every line and on each record.

    warcio reads a header line until it finds a newline, growing it by
    concatenation, so one long line costs memory without end and quadratic
    time. Here a line stops at ``line_limit`` bytes, and a record may consume
    at most ``budget`` bytes (decompressed) before it is damage.
    """

    def __init__(self, stream: BinaryIO, line_limit: int) -> None:
        super().__init__(stream)
        self.line_limit = line_limit
        self.budget = 0
        self.used = 0

    def start(self, budget: int) -> None:
        """A new record begins; it may consume ``budget`` bytes so far."""
        self.used, self.budget = 0, budget

    def _spend(self, data: bytes) -> bytes:
        self.used += len(data)
        if self.used > self.budget:
            raise WarcLimitExceeded(f"record reads past its {self.budget}-byte allowance")
        return data

    def readline(self, length: int | None = None) -> bytes:
        cap = self.line_limit + 1 if length is None or length < 0 else min(length, self.line_limit + 1)
        parts: list[bytes] = []
        size = 0
        while size < cap:
            part = super().readline(cap - size)
            if not part:
                break
            parts.append(part)
            size += len(part)
            if part.endswith(b"\n"):
                break
        line = b"".join(parts)
        if len(line) > self.line_limit and not line.endswith(b"\n"):
            raise WarcLimitExceeded(f"a header line is longer than {self.line_limit} bytes")
        return self._spend(line)

    def read(self, length: int | None = None) -> bytes:
        data: bytes = super().read(length)
        return self._spend(data)
