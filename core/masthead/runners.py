"""Runners: drive documents through the pipeline into the sinks.

Every runner keeps the same contract: each document read produces exactly one
record, an article for the output sink or a rejection for the rejects sink,
and the summary counts both.
"""

from __future__ import annotations

from collections.abc import Iterable

from masthead.models import Article, Rejection
from masthead.pipeline import Pipeline
from masthead.progress import Progress
from masthead.readers import ReadResult
from masthead.sinks import Sink
from masthead.summary import Summary


def run_in_process(
    documents: Iterable[ReadResult],
    pipeline: Pipeline,
    sink: Sink,
    rejects: Sink | None,
    summary: Summary,
    progress: Progress | None = None,
) -> Summary:
    """Process ``documents`` one at a time in this process, streaming."""
    for item in documents:
        record = item if isinstance(item, Rejection) else pipeline.process(item)
        deliver(record, sink, rejects, summary)
        if progress is not None:
            progress.update()
    return summary


def deliver(record: Article | Rejection, sink: Sink, rejects: Sink | None, summary: Summary) -> None:
    """Count ``record`` and hand it to the sink it belongs to."""
    summary.count(record)
    if isinstance(record, Article):
        sink.write(record)
    elif rejects is not None:
        rejects.write(record)
