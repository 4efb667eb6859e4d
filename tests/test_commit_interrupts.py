"""Ctrl-C at every line of the commit path: ``--resume`` still gives exactly
the uninterrupted run's records, none lost, none written twice.

A real SIGINT is sent to this process at the k-th line executed inside the
code that counts, writes and checkpoints records, for every k of a whole
run; the run is then resumed and compared with a run that was never
interrupted.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import CodeType, FrameType
from typing import Any

import pytest
import structlog

from masthead.io import checkpoint, dedup, sinks
from masthead.run import runners, session, summary
from masthead.run.runconfig import PipelineConfig
from support import KeywordSource, SourcesPlugin, make_pipeline, make_plugins


def commit_path() -> set[CodeType]:
    """The code of every function that delivers a record or saves a checkpoint."""
    owners: list[Any] = [
        runners.Outlet,
        summary.Summary,
        dedup.Deduplicator,
        sinks.JsonlSink,
        checkpoint.StateFile,
        getattr(checkpoint, "Journal", None),
        getattr(session, "_Checkpointer", None),
    ]
    inputs = sys.modules.get("masthead.run.inputs")
    if inputs is not None:
        owners.append(inputs.Ledger)
    codes = set()
    for owner in filter(None, owners):
        for value in vars(owner).values():
            function = getattr(value, "__func__", value)
            if callable(function) and hasattr(function, "__code__"):
                codes.add(function.__code__)
    return codes


@contextmanager
def interrupt_at(line: int | None, watched: set[CodeType]) -> Iterator[list[int]]:
    """Send SIGINT at the ``line``-th line run in ``watched`` code; yields the count."""
    seen = [0]

    def local(frame: FrameType, event: str, arg: object) -> Callable[..., Any] | None:
        if event == "line":
            seen[0] += 1
            if seen[0] == line:
                os.kill(os.getpid(), signal.SIGINT)
        return local

    def calls(frame: FrameType, event: str, arg: object) -> Callable[..., Any] | None:
        return local if frame.f_code in watched else None

    with structlog.testing.capture_logs():  # quiet and fast: hundreds of runs
        sys.settrace(calls)
        try:
            yield seen
        finally:
            sys.settrace(None)


def ingest(pages: Path, out: Path, resume: bool = False) -> None:
    plugins = make_plugins(("alpha", SourcesPlugin(KeywordSource("alpha", "ALPHA"))))
    options = session.IngestOptions(
        paths=(str(pages), str(pages / "00.txt")),  # the last one again: a duplicate
        output=str(out),
        rejects=str(out.with_name("rejects.jsonl")),
        workers=1,
        resume=resume,
        checkpoint_every=2,
    )
    config = PipelineConfig(load_entry_points=False, extra=(("alpha", "support:SourcesPlugin"),))
    session.ingest(options, plugins, make_pipeline(plugins), config)


def lines(path: Path) -> list[dict[str, Any]]:
    data = [json.loads(line) for line in path.read_text().splitlines()]
    for record in data:
        record.get("provenance", {}).pop("extracted_at", None)
    return data


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pages")
    for n in range(4):
        (folder / f"{n:02d}.txt").write_text("" if n == 2 else f"Title {n}\nALPHA page number {n}.\n")
    return folder


@pytest.fixture
def scratch(tmp_path: Path) -> Iterator[Path]:
    """A directory in memory where there is one: hundreds of runs fsync their checkpoints."""
    shm = Path("/dev/shm")
    if not (shm.is_dir() and os.access(shm, os.W_OK)):
        yield tmp_path
        return
    folder = Path(tempfile.mkdtemp(prefix="masthead-test-", dir=shm))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_an_interrupt_at_any_line_of_the_commit_path_resumes_exactly(pages: Path, scratch: Path) -> None:
    tmp_path = scratch
    watched = commit_path()
    reference = tmp_path / "reference" / "o.jsonl"
    with interrupt_at(None, watched) as seen:
        ingest(pages, reference)
    total = seen[0]
    assert total > 100, total  # the whole path is traced, not one function
    expected = lines(reference), lines(reference.with_name("rejects.jsonl"))
    interrupted = 0
    for line in range(1, total + 1):
        out = tmp_path / str(line) / "o.jsonl"
        try:
            with interrupt_at(line, watched):
                ingest(pages, out)
        except session.Interrupted as stop:
            interrupted += 1
            ingest(pages, out, resume=stop.resumable)  # not resumable: stopped before it began
        except KeyboardInterrupt:
            pytest.fail(f"Ctrl-C at line {line} of {total} in the commit path escaped the run")
        got = lines(out), lines(out.with_name("rejects.jsonl"))
        assert got == expected, f"interrupted at line {line} of {total} in the commit path"
    assert interrupted > total // 2
