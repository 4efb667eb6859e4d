"""Progress of long runs: a live bar on a terminal, log events otherwise.

On a terminal, :class:`Progress` draws a rich progress bar on stderr: the
documents done out of the total when the inputs can be counted cheaply
(:func:`count_documents`), the rate, the time left, and how many were
ingested, rejected and duplicates. While it is drawn, anything written to
stderr (log events) is printed above the bar, never glued onto it. When
stderr is not a terminal nothing is drawn; a ``progress`` event is logged
every ``log_interval`` seconds instead (shown with ``-v``).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, TextIO

import structlog

from masthead import logconfig
from masthead.io.readers import HTML_READER, STDIN, TEXT_READER, Reader, expand, suffix_of
from masthead.models import Rejection
from masthead.run.summary import Summary

if TYPE_CHECKING:
    from rich.progress import Progress as RichProgress

log = structlog.get_logger("masthead.run.progress")

#: Counting the inputs for the bar's total stops after this many seconds or files.
COUNT_BUDGET_SECONDS = 2.0
COUNT_LIMIT = 5_000_000
#: Readers that make exactly one document of a file: only those can be counted cheaply.
_ONE_PER_FILE = (TEXT_READER, HTML_READER)
_SIDECAR = ".meta.json"


def count_documents(
    paths: Iterable[str], readers: Mapping[str, Reader], *, budget: float = COUNT_BUDGET_SECONDS
) -> int | None:
    """How many records reading ``paths`` will give, or ``None`` when that is
    not cheap to know.

    It is cheap when every input is a one-document file (text dump, HTML
    page), a missing path (one rejection) or a file walked past as of no
    known type (none): a directory listing is enough. Standard input, JSONL
    and WARC files would have to be read through, and a listing that takes
    longer than ``budget`` seconds is not worth waiting for: both give ``None``.
    """
    deadline = time.monotonic() + budget
    total = 0
    for n, item in enumerate(expand(paths)):
        if n % 1024 == 0 and (time.monotonic() > deadline or n > COUNT_LIMIT):
            return None
        if isinstance(item, Rejection):
            total += 1
            continue
        path, named = item
        if path == STDIN:
            return None
        suffix = suffix_of(path, readers)
        if suffix is None or path.lower().endswith(_SIDECAR):
            total += 1 if named else 0
        elif readers[suffix] in _ONE_PER_FILE:
            total += 1
        else:
            return None
    return total


#: Below this many columns the bar drops its label and rate and abbreviates the counts.
NARROW = 80


def _counts(summary: Summary, short: bool) -> str:
    if short:
        return f"[green]{summary.ingested}✓[/] [red]{summary.rejected}✗[/] [yellow]{summary.duplicates}=[/]"
    parts = [f"[green]{summary.ingested} ingested[/]", f"[red]{summary.rejected} rejected[/]"]
    if summary.duplicates:
        parts.append(f"[yellow]{summary.duplicates} duplicates[/]")
    return "  ".join(parts)


class Progress:
    """Call :meth:`update` after each document and :meth:`close` at the end.

    ``total`` (a number, or a function giving one, called only when the bar
    is drawn) makes the bar show a percentage and the time left; without it
    the bar shows the count and rate. The bar is drawn only when ``stream``
    (stderr by default) is a terminal and the log is not quiet.
    """

    def __init__(
        self,
        summary: Summary,
        stream: TextIO | None = None,
        *,
        total: int | Callable[[], int | None] | None = None,
        interval: float = 0.1,
        log_interval: float = 30.0,
    ) -> None:
        self.summary = summary
        self.stream = stream or sys.stderr
        self.live = self.stream.isatty() and not logconfig.current().quiet
        self.interval = interval if self.live else log_interval
        self._next = time.monotonic() + self.interval
        self._bar: RichProgress | None = None
        self._short = False
        if self.live:
            self._start(total() if callable(total) else total)

    def _start(self, total: int | None) -> None:
        # rich's bar is imported when a bar is drawn: most runs (logs, pipes,
        # workers) never draw one (its modules cost about 5 ms of start-up).
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            ProgressColumn,
            TaskProgressColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )
        from rich.progress import Progress as RichProgress

        console = Console(file=self.stream, stderr=self.stream is sys.stderr)
        self._short = console.width < NARROW
        time_column = TimeRemainingColumn(compact=True) if total is not None else TimeElapsedColumn()
        columns: list[ProgressColumn] = (
            [BarColumn(bar_width=8), MofNCompleteColumn(), TaskProgressColumn(), time_column]
            if self._short
            else [
                TextColumn("[bold]ingest"),
                BarColumn(bar_width=None),
                MofNCompleteColumn(),
                TaskProgressColumn(),
                TextColumn("{task.fields[rate]}"),
                time_column,
            ]
        )
        self._bar = RichProgress(
            *columns,
            TextColumn("{task.fields[counts]}"),
            console=console,
            transient=True,
            redirect_stdout=False,
            redirect_stderr=self.stream is sys.stderr,
            refresh_per_second=8,
            speed_estimate_period=60,
            expand=True,
        )
        self._task = self._bar.add_task("ingest", total=total, completed=self.summary.read, rate="", counts="")
        self._bar.start()

    def update(self) -> None:
        now = time.monotonic()
        if now < self._next:
            return
        self._next = now + self.interval
        if self._bar is not None:
            self._draw()
        else:
            s = self.summary
            log.info(
                "progress",
                read=s.read,
                ingested=s.ingested,
                rejected=s.rejected,
                duplicates=s.duplicates,
                docs_per_second=round(s.docs_per_second, 1),
            )

    def _draw(self) -> None:
        assert self._bar is not None
        s = self.summary
        rate = f"{s.docs_per_second:,.0f} docs/s"
        self._bar.update(self._task, completed=s.read, rate=rate, counts=_counts(s, self._short))

    def close(self) -> None:
        """Draw the final counts, then remove the bar (the summary follows)."""
        if self._bar is not None:
            self._draw()
            self._bar.stop()
            self._bar = None
