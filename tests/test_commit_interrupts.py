"""Ctrl-C or a kill at every line of the commit path: ``--resume`` still
gives exactly the uninterrupted run's files, nothing lost, nothing twice.

A real SIGINT is sent to this process at the k-th line executed inside the
code that counts, writes and checkpoints records, for every k of a whole
run; the run is then resumed and compared with a run that was never
interrupted. Likewise a forked run is SIGKILLed at every line of the final
commit, where output, rejects and summary are published.
"""

from __future__ import annotations

import functools
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


def final_commit_gate() -> CodeType:
    """Where the final commit begins."""
    begin = getattr(session, "_publish", None) or sinks.JsonlSink.close
    return begin.__code__  # type: ignore[no-any-return]


def final_commit_path() -> set[CodeType]:
    """The code that publishes a finished run's files."""
    functions: list[Any] = [
        getattr(session, "_publish", None),
        getattr(session, "_write_summary", None),
        sinks.JsonlSink.close,
        getattr(sinks.JsonlSink, "finish", None),
        checkpoint.StateFile.save,
        checkpoint.StateFile.remove,
    ]
    published = sys.modules.get("masthead.run.commit")
    if published is not None:
        functions += [published.commit, published.publish, published.finished]
    return {f.__code__ for f in functions if f is not None}


@contextmanager
def interrupt_at(
    line: int | None, watched: set[CodeType], signum: int = signal.SIGINT, *, gate: CodeType | None = None
) -> Iterator[list[int]]:
    """Send ``signum`` at the ``line``-th line run in ``watched`` code (counted
    from the first call of ``gate``, if given); yields the count."""
    seen = [0]
    armed = [gate is None]

    def local(frame: FrameType, event: str, arg: object) -> Callable[..., Any] | None:
        if event == "line" and armed[0]:
            seen[0] += 1
            if seen[0] == line:
                os.kill(os.getpid(), signum)
        return local

    def calls(frame: FrameType, event: str, arg: object) -> Callable[..., Any] | None:
        if frame.f_code is gate:
            armed[0] = True
        return local if frame.f_code in watched else None

    with structlog.testing.capture_logs():  # quiet and fast: hundreds of runs
        sys.settrace(calls)
        try:
            yield seen
        finally:
            sys.settrace(None)


def ingest(pages: Path, out: Path, resume: bool = False) -> None:
    """An in-process run: output, rejects, summary; a duplicate and a rejection."""
    plugins = make_plugins(("alpha", SourcesPlugin(KeywordSource("alpha", "ALPHA"))))
    options = session.IngestOptions(
        paths=(str(pages), str(pages / "00.txt")),  # the last one again: a duplicate
        output=str(out),
        rejects=str(out.with_name("rejects.jsonl")),
        summary_json=str(out.with_name("summary.json")),
        workers=1,
        resume=resume,
        checkpoint_every=2,
    )
    config = PipelineConfig(load_entry_points=False, extra=(("alpha", "support:SourcesPlugin"),))
    session.ingest(options, plugins, make_pipeline(plugins), config)


def files(out: Path) -> tuple[object, ...]:
    """What a run leaves: its records and counts (timings aside)."""
    stats = json.loads(out.with_name("summary.json").read_text())
    for key in ("elapsed_seconds", "docs_per_second"):
        stats.pop(key)
    return lines(out), lines(out.with_name("rejects.jsonl")), stats


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
    expected = files(reference)
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
        assert files(out) == expected, f"interrupted at line {line} of {total} in the commit path"
    assert interrupted > total // 2


def killed_at(line: int, watched: set[CodeType], run: Callable[[], None]) -> bool:
    """Run ``run`` in a forked child SIGKILLed at ``line``; whether it was."""
    pid = os.fork()
    if pid == 0:  # the child never returns into pytest
        try:
            with interrupt_at(line, watched, signal.SIGKILL, gate=final_commit_gate()):
                run()
        finally:
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    return os.WIFSIGNALED(status)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_kill_at_any_line_of_the_final_commit_is_finished_by_resume(pages: Path, scratch: Path) -> None:
    watched = final_commit_path()
    reference = scratch / "reference" / "o.jsonl"
    with interrupt_at(None, watched, gate=final_commit_gate()) as seen:
        ingest(pages, reference)
    total = seen[0]
    assert total > 10, total
    expected = files(reference)
    for line in range(1, total + 1):
        out = scratch / str(line) / "o.jsonl"
        assert killed_at(line, watched, functools.partial(ingest, pages, out)), line
        if out.with_name(".o.jsonl.state.json").exists():
            with structlog.testing.capture_logs():
                ingest(pages, out, resume=True)
        assert files(out) == expected, f"killed at line {line} of {total} of the final commit"
        assert {p.name for p in out.parent.iterdir() if not p.name.endswith(".lock")} == {
            "o.jsonl",
            "rejects.jsonl",
            "summary.json",
        }
