"""Every runner writes the same records; the process runner survives bad plugins.

Real processes throughout: the ``masthead`` command as a subprocess, local
worker processes, and a Dask scheduler with two worker processes on
loopback, used through the API and through ``--scheduler``.
"""

from __future__ import annotations

import json
import logging
import math
import os
import shutil
import signal
import time
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import dask
import distributed
import pytest

import masthead
from masthead.extract.document import RawDocument
from masthead.io.partitioned import read_manifest
from masthead.io.readers import expand, iter_documents
from masthead.manager import Plugins
from masthead.models import SCHEMA_VERSION, Article, Rejection
from masthead.pipeline import Pipeline
from masthead.run.batching import BATCH, BATCH_BYTES, Budget, batches
from masthead.run.dask_engine import process_batch, run_on_dask
from masthead.run.pool import BATCH_WATCH, WorkerPool
from masthead.run.progress import Progress
from masthead.run.runconfig import PipelineConfig, WorkerSetupError, fingerprint
from masthead.run.runners import Outlet, Reorder, plan, run_in_process, run_in_processes
from masthead.run.summary import Summary
from masthead.serialize import unstructure
from support import KeywordSource, SourcesPlugin, make_pipeline, make_plugins
from test_cli import CORPUS, SEEDS, read_jsonl, run

Line = dict[str, Any]


class ListSink:
    def __init__(self) -> None:
        self.records: list[Article | Rejection] = []

    def write(self, record: Article | Rejection) -> None:
        self.records.append(record)

    def close(self) -> None:
        pass

    def abort(self) -> None:
        pass


class CountingProgress(Progress):
    def __init__(self, summary: Summary) -> None:
        super().__init__(summary)
        self.updates = 0

    def update(self) -> None:
        self.updates += 1
        super().update()


def build_inputs(root: Path) -> list[str]:
    """The corpus, variants of it in every input format, and bad inputs: 60+ documents."""
    root.mkdir()
    records = []
    for n, seed in enumerate(SEEDS):
        text = seed.read_text(encoding="utf-8")
        lines = [line for line in text.splitlines() if line.strip()]
        shutil.copy(seed, root / seed.name)
        (root / f"{seed.stem}-crlf.txt").write_bytes(text.replace("\n", "\r\n").encode())
        (root / f"{seed.stem}-spaced.txt").write_text("\n\n".join(f"  {line}  " for line in lines), encoding="utf-8")
        (root / f"{seed.stem}-latin.txt").write_bytes(text.encode("utf-8", errors="replace"))
        for k in range(4):
            cut = lines[: max(3, len(lines) - k * 3)]
            (root / f"{seed.stem}-cut{k}.txt").write_text("\n".join(cut), encoding="utf-8")
        html = "".join(f"<p>{line}</p>" for line in lines[1:])
        page = f"<html><head><title>{lines[0]}</title></head><body><h1>{lines[0]}</h1>{html}</body></html>"
        (root / f"{seed.stem}.html").write_text(page, encoding="utf-8")
        records += [{"text": text, "id": n}, {"text": "\n".join(lines[:5]), "id": n}]
    records_text = "\n".join(json.dumps(r) for r in records) + "\nnot json\n"
    (root / "records.jsonl").write_text(records_text, encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    (root / "binary.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (root / "unclaimed.txt").write_text("Nothing any outlet would claim.\nJust a line.", encoding="utf-8")
    return [str(root), str(root / "missing.txt")]


def comparable(line: Line) -> str:
    """A record as JSON without what legitimately differs between runs."""
    line = json.loads(json.dumps(line))
    if "provenance" in line:
        line["provenance"].pop("extracted_at")
    return json.dumps(line, sort_keys=True)


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    return build_inputs(tmp_path_factory.mktemp("runners") / "in")


@pytest.fixture(scope="module")
def plugins() -> Plugins:
    return Plugins()


@attrs.define
class Output:
    """A run's records as comparable JSON, each sink's in the order written."""

    articles: list[str]
    rejects: list[str]

    @classmethod
    def of(cls, articles: list[Line], rejects: list[Line]) -> Output:
        return cls([comparable(x) for x in articles], [comparable(x) for x in rejects])

    @property
    def all(self) -> list[str]:
        return sorted(self.articles + self.rejects)


@pytest.fixture(scope="module")
def reference(inputs: list[str], plugins: Plugins) -> Output:
    """What the in-process runner writes."""
    sinks = ListSink(), ListSink()
    summary = Summary()
    pipeline = PipelineConfig.of(plugins).build(plugins)
    run_in_process(iter_documents(inputs, plugins.readers), pipeline, Outlet(*sinks, summary))
    assert summary.read >= 60 and summary.ingested >= 20 and summary.rejected >= 5
    return output_of(sinks)


def output_of(sinks: tuple[ListSink, ListSink]) -> Output:
    return Output.of([unstructure(r) for r in sinks[0].records], [unstructure(r) for r in sinks[1].records])


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    """A real Dask scheduler and two worker processes, on loopback only."""
    with distributed.LocalCluster(
        host="127.0.0.1",
        processes=True,
        n_workers=2,
        threads_per_worker=1,
        dashboard_address="127.0.0.1:0",
        silence_logs=logging.ERROR,
    ) as local:
        yield local


def test_process_runner_writes_the_same_records(inputs: list[str], plugins: Plugins, reference: Output) -> None:
    config = PipelineConfig.of(plugins)
    expected = fingerprint(config.build(plugins))
    for deterministic in (False, True):
        sinks = ListSink(), ListSink()
        summary = Summary()
        progress = CountingProgress(summary)
        run_in_processes(
            iter_documents(inputs, plugins.readers), config, Outlet(*sinks, summary, progress),
            workers=2, deterministic=deterministic, expected=expected,
        )  # fmt: skip
        output = output_of(sinks)
        assert output.all == reference.all
        if deterministic:
            assert output == reference  # the same order, sink by sink
        assert summary.read == len(reference.all) == progress.updates and summary.balanced


def test_dask_runner_writes_the_same_records(
    inputs: list[str], plugins: Plugins, reference: Output, cluster: Any
) -> None:
    config = PipelineConfig.of(plugins)
    expected = fingerprint(config.build(plugins))
    with distributed.Client(cluster) as client:
        assert len(client.nthreads()) == 2
        for deterministic in (False, True):
            sinks = ListSink(), ListSink()
            summary = Summary()
            progress = CountingProgress(summary)
            run_on_dask(
                iter_documents(inputs, plugins.readers), config, Outlet(*sinks, summary, progress),
                client=client, deterministic=deterministic, batch_size=7, expected=expected,
            )  # fmt: skip
            output = output_of(sinks)
            assert output.all == reference.all
            if deterministic:
                assert output == reference
            assert summary.read == len(reference.all) == progress.updates and summary.balanced


def test_a_dask_worker_with_other_plugins_stops_the_run(inputs: list[str], plugins: Plugins, cluster: Any) -> None:
    with distributed.Client(cluster) as client, pytest.raises(WorkerSetupError, match="different plugins"):
        run_on_dask(
            iter_documents(inputs, plugins.readers), PipelineConfig.of(plugins), Outlet(ListSink(), None, Summary()),
            client=client, expected=(("someone_elses_plugin=x@1",), ()),
        )  # fmt: skip


def cli_output(out: Path, rejects: Path | None = None) -> Output:
    """A run's records: a JSONL file and its rejects, or a directory of parts in manifest order."""
    if out.is_file():
        assert rejects is not None
        return Output.of(read_jsonl(out), read_jsonl(rejects))
    parts = [x for p in read_manifest(str(out))["parts"] for x in read_jsonl(out / p["path"])]
    return Output.of(parts, [x for p in sorted((out / "rejects").glob("part-*.jsonl")) for x in read_jsonl(p)])


def test_the_command_gives_the_same_records_with_every_runner(
    tmp_path: Path, inputs: list[str], reference: Output, cluster: Any
) -> None:
    runs = {
        "in_process": ["--workers", "1"],
        "processes": ["--workers", "2"],
        "dask": ["--scheduler", cluster.scheduler_address, "--timeout", "0"],
    }
    for name, options in runs.items():
        out, rejects = tmp_path / name, tmp_path / f"{name}-rejects.jsonl"
        written = [] if name == "dask" else ["--rejects", str(rejects)]  # dask: rejects are parts in OUT/rejects/
        result = run("--log-level", "info", "--log-format", "json", "ingest", *inputs, "--keep-duplicates",
                     "-o", str(out), *written, *options)  # fmt: skip
        assert result.returncode == 1, result.stderr  # the bad inputs are rejected
        events = [json.loads(line) for line in result.stderr.splitlines() if line.startswith("{")]
        assert [e["runner"] for e in events if e["event"] == "run_started"] == [name]
        assert cli_output(out, rejects).all == reference.all, name
    manifest = read_manifest(str(tmp_path / "dask"))
    parts = sorted(p.name for p in (tmp_path / "dask").glob("part-*.jsonl"))
    assert sorted(p["path"] for p in manifest["parts"]) == parts and len(parts) >= 3
    assert sum(p["records"] for p in manifest["parts"]) == manifest["counts"]["ingested"] == manifest["records"]
    assert manifest["counts"]["read"] == len(reference.all)
    assert manifest["inputs"] == inputs and manifest["scheduler"] == cluster.scheduler_address
    assert (manifest["masthead_version"], manifest["schema_version"]) == (masthead.__version__, SCHEMA_VERSION)


def test_a_dask_run_on_its_own_local_cluster_writes_parts_in_input_order(
    tmp_path: Path, inputs: list[str], reference: Output
) -> None:
    out = tmp_path / "parts"
    result = run("ingest", *inputs, "--keep-duplicates", "-o", str(out), "--engine", "dask", "--workers", "2",
                 "--timeout", "0")  # fmt: skip
    assert result.returncode == 1, result.stderr
    written = cli_output(out)
    assert written.articles == reference.articles and sorted(written.rejects) == sorted(reference.rejects)
    assert len(list(out.glob("part-*.jsonl"))) == len(read_manifest(str(out))["parts"])


def test_engine_dask_without_dask_installed_is_a_clear_usage_error(tmp_path: Path) -> None:
    shadow = tmp_path / "shadow"
    shadow.mkdir()
    (shadow / "distributed.py").write_text("raise ImportError('No module named distributed')\n")
    result = run(
        "ingest", str(SEEDS[0]), "-o", str(tmp_path / "out"), "--engine", "dask", env={"PYTHONPATH": str(shadow)}
    )
    assert result.returncode == 2
    assert "pip install 'masthead[dask]'" in result.stderr and "Traceback" not in result.stderr


def test_engine_dask_needs_an_output_directory(tmp_path: Path) -> None:
    result = run("ingest", str(SEEDS[0]), "-o", "-", "--engine", "dask")
    assert result.returncode == 2 and "-o DIRECTORY" in result.stderr
    (tmp_path / "file").write_text("x")
    result = run("ingest", str(SEEDS[0]), "-o", str(tmp_path / "file"), "--engine", "dask")
    assert result.returncode == 2 and "not a directory" in result.stderr


def test_an_unreachable_scheduler_is_a_clear_error(tmp_path: Path) -> None:
    quick = {"DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "1s"}  # Dask's own setting, honoured
    result = run("ingest", str(CORPUS), "-o", str(tmp_path / "out"), "--scheduler", "tcp://127.0.0.1:9", env=quick)
    assert result.returncode == 2 and "cannot reach the Dask scheduler" in result.stderr
    assert not (tmp_path / "out" / "manifest.json").exists()


# Crash isolation ------------------------------------------------------------

FAULTY = PipelineConfig(
    load_entry_points=False,
    extra=(("misbehaving", "misbehaving_plugins"), ("stalling", "misbehaving_plugins:STALLING")),
)


def doc(name: str, marker: str = "") -> RawDocument:
    text = f"Title {name}\nMISBEHAVING page {name}.\n{marker}\n"
    return RawDocument(uri=name, data=text.encode())


def test_hangs_crashes_and_memory_blowups_cost_one_document_each() -> None:
    faults = {
        "hang": ("timeout", "parse", "misbehaving"),
        "exit": ("worker_died", "parse", "misbehaving"),
        "segfault": ("worker_died", "parse", "misbehaving"),
        "hog": ("memory_limit", "parse", "misbehaving"),
        "raise": ("plugin_error", "parse", "misbehaving"),
        "stall": ("timeout", "process", "stalling"),
    }
    documents: list[RawDocument] = []
    for kind in faults:
        documents += [doc(f"ok-before-{kind}"), doc(kind, "STALL" if kind == "stall" else f"FAULT:{kind}")]
    documents += [doc(f"ok-{n}") for n in range(10)]
    assert len(documents) <= BATCH  # all of them in one worker's batch: each fault costs itself alone
    sinks = ListSink(), ListSink()
    summary = Summary()
    expected = fingerprint(FAULTY.build())
    # The hog fills 16 MB blocks up to the 512 MB cap: a few hundred MB of
    # zeroed pages, which on a loaded machine (the tox matrix runs its
    # Pythons side by side) once took more than 2 s, so the time budget
    # leaves room for that and still stops the hang.
    run_in_processes(
        documents, FAULTY, Outlet(*sinks, summary), workers=2, timeout=4.0, memory_limit_mb=512, expected=expected
    )
    assert summary.read == len(documents) and summary.balanced
    assert sorted(a.provenance.input for a in sinks[0].records) == sorted(d.uri for d in documents if "ok" in d.uri)
    rejected = {r.input: r for r in sinks[1].records if isinstance(r, Rejection)}
    assert set(rejected) == set(faults)
    for kind, (reason, stage, plugin) in faults.items():
        record = rejected[kind]
        assert (record.reason, record.stage, record.plugin) == (reason, stage, plugin), record
        assert record.sha256 == doc(kind, "STALL" if kind == "stall" else f"FAULT:{kind}").sha256
    assert "SIGSEGV" in rejected["segfault"].error
    assert "exited with status 3" in rejected["exit"].error
    assert "no result within 4 s" in rejected["hang"].error


def test_a_documents_budget_covers_its_steps_together_in_a_worker_batch() -> None:
    """A worker takes a batch stage by stage, yet each document has one
    budget: a slow parse and a slow processor overrun it together (the
    worker is killed during the processor), either alone does not; the
    batch's other documents run again one at a time and are all kept."""
    from misbehaving_plugins import SLOW

    marks = {"a": "", "both": "FAULT:slow LINGER", "parse": "FAULT:slow", "process": "LINGER", "e": ""}
    documents = [doc(name, mark) for name, mark in marks.items()]
    assert len(documents) <= BATCH  # one batch
    sinks = ListSink(), ListSink()
    summary = Summary()
    run_in_processes(documents, FAULTY, Outlet(*sinks, summary), workers=1, timeout=1.5 * SLOW, deterministic=True)
    assert [a.provenance.input for a in sinks[0].records] == ["a", "parse", "process", "e"]
    [late] = sinks[1].records
    assert isinstance(late, Rejection)
    assert (late.input, late.reason, late.stage, late.plugin) == ("both", "timeout", "process", "stalling")
    assert summary.read == len(documents) and summary.balanced


def test_a_batch_document_that_overruns_in_a_later_step_is_stopped_there() -> None:
    """The parent watches a batch's deadlines as they move: A spends most
    of its budget parsing, B parses briefly (its deadline is later), then
    A's processor takes it over its budget: A is stopped, not kept."""
    from misbehaving_plugins import SLOW

    documents = [doc("A", "FAULT:slow PAUSE"), doc("B", "FAULT:brief"), doc("C")]
    sinks = ListSink(), ListSink()
    run_in_processes(documents, FAULTY, Outlet(*sinks, Summary()), workers=1, timeout=SLOW + 0.05, deterministic=True)
    assert [a.provenance.input for a in sinks[0].records] == ["B", "C"]
    [late] = sinks[1].records
    assert isinstance(late, Rejection) and (late.input, late.reason) == ("A", "timeout")


def test_the_parent_sleeps_until_the_earliest_floor_and_watches_a_batch_past_its_floor() -> None:
    """How long the parent may wait for news: until the earliest floor of
    the busy workers (before it none of their steps can overrun, whatever
    document runs), also for a worker between two stores of its slot (no
    deadline shown: were the wait then without end, a document that hangs
    next would never be stopped); once a worker's floor has passed, until
    its published deadline, and within ``BATCH_WATCH`` at the latest (its
    next step's deadline may be earlier)."""
    pool = WorkerPool(FAULTY, 1, timeout=1.0)

    def busy(floor: float, deadline: float) -> Any:
        slot = types.SimpleNamespace(floor=lambda: floor, deadline=lambda: deadline)
        return types.SimpleNamespace(task=[("seq", "raw")] * 2, slot=slot)

    idle = types.SimpleNamespace(task=None, slot=None)
    assert pool._patience([idle], now=10.0) is None
    assert pool._patience([busy(10.7, 10.7), idle], now=10.0) == pytest.approx(0.7)
    assert pool._patience([busy(10.7, 12.0), busy(11.0, 11.5)], now=10.0) == pytest.approx(0.7)
    assert pool._patience([busy(10.9, math.inf)], now=10.0) == pytest.approx(0.9)
    assert pool._patience([busy(9.0, 9.0)], now=10.0) == 0.0
    assert pool._patience([busy(9.5, 10.02)], now=10.0) == pytest.approx(0.02)
    assert pool._patience([busy(9.5, 12.0), busy(30.0, 40.0)], now=10.0) == pytest.approx(BATCH_WATCH)
    assert pool._patience([busy(9.5, math.inf)], now=10.0) == pytest.approx(BATCH_WATCH)
    assert WorkerPool(FAULTY, 1, timeout=None)._patience([busy(10.5, 10.5)], now=10.0) is None


def test_no_step_of_a_batch_reaches_its_deadline_before_a_floor_published_earlier() -> None:
    """What the parent's sleep rests on: each step's floor is at or before
    its own deadline and every deadline published after it, of any
    document, and floors only move later. Steps of different lengths (a
    slow parse, a pausing processor) make the documents' budgets unequal."""
    from misbehaving_plugins import SLOW

    seen: list[tuple[int, float, float]] = []
    budget = Budget(FAULTY.build(), 3 * SLOW, alarm=False, on_step=lambda *step: seen.append(step))
    marks = ["FAULT:brief", "", "PAUSE", "FAULT:brief PAUSE", "", "FAULT:brief"]
    records = budget.process_many([doc(f"d{n}", mark) for n, mark in enumerate(marks)])
    assert all(isinstance(record, Article) for record in records)
    assert len(seen) >= 3 * len(marks)
    for at, (_, deadline, floor) in enumerate(seen):
        assert floor <= deadline
        for _, later_deadline, later_floor in seen[at + 1 :]:
            assert floor <= later_deadline and floor <= later_floor
    # The budgets did become unequal: some floor is earlier than its step's deadline.
    assert any(floor < deadline - SLOW / 12 for _, deadline, floor in seen)


def test_a_rejected_document_no_longer_holds_the_batch_floor_down() -> None:
    """A document that spent its whole budget and was rejected runs no later
    step: the floors published after it follow the budgets of the documents
    still running, so the parent need not watch the rest of the batch."""
    from misbehaving_plugins import SLOW

    seen: list[tuple[int, float, float]] = []
    budget = Budget(FAULTY.build(), SLOW, on_step=lambda *step: seen.append(step))
    records = budget.process_many([doc("d0", "FAULT:hang"), doc("d1"), doc("d2")])
    assert isinstance(records[0], Rejection) and records[0].reason == "timeout"
    assert all(isinstance(record, Article) for record in records[1:])
    after = seen[max(at for at, (index, _, _) in enumerate(seen) if index == 0) + 1 :]
    assert after and {index for index, _, _ in after} == {1, 2}
    # d1 and d2 spend milliseconds each: their floors sit by their deadlines,
    # not at the start of each step as the timed-out document's would put them.
    assert all(deadline - floor < SLOW / 6 for _, deadline, floor in after), after
    for at, (_, deadline, floor) in enumerate(seen):
        assert floor <= deadline
        assert all(floor <= min(later[1:]) for later in seen[at + 1 :])


def test_a_worker_that_exits_costs_the_parent_a_few_looks_not_a_spin(monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker's pipe closes as it exits, a moment before its death shows
    on its sentinel; the parent, woken by the closed pipe, takes it for the
    death (after a short wait for the exit) instead of waking again and
    again on the pipe until then (hundreds of wake-ups per death before)."""
    import masthead.run.pool as pool

    looks: list[float | None] = []
    real_wait = pool.wait

    def counted(objects: list[Any], timeout: float | None = None) -> list[Any]:
        looks.append(timeout)
        return real_wait(objects, timeout=timeout)

    monkeypatch.setattr(pool, "wait", counted)
    documents = [doc("a", "FAULT:brief"), doc("b", "FAULT:exit"), doc("c"), doc("d", "FAULT:exit"), doc("e")]
    sinks = ListSink(), ListSink()
    summary = Summary()
    run_in_processes(documents, FAULTY, Outlet(*sinks, summary), workers=1, timeout=5.0)
    assert sorted(a.provenance.input for a in sinks[0].records) == ["a", "c", "e"]
    assert sorted((r.input, r.reason) for r in sinks[1].records) == [("b", "worker_died"), ("d", "worker_died")]
    assert summary.balanced
    assert len(looks) <= 30, len(looks)


def test_a_zero_timeout_is_no_limit_in_worker_processes_too() -> None:
    """As on the command line (``--timeout 0``): no document is killed, though
    the workers are busy together (one large page a task, a moment each)."""
    pad = "word " * 14000  # over BATCH_BYTES: each document its own task
    documents = [doc(f"d{n}", pad + " FAULT:brief") for n in range(8)]
    sinks = ListSink(), ListSink()
    run_in_processes(documents, FAULTY, Outlet(*sinks, Summary()), workers=2, timeout=0)
    assert len(sinks[0].records) == 8 and sinks[1].records == []


def _exit_on_arrival() -> None:
    os._exit(3)


class ExitsOnArrival(RawDocument):
    """A document that kills the worker unpacking it, before any of its batch starts."""

    def __reduce__(self) -> tuple[Any, ...]:
        return (_exit_on_arrival, ())


def test_a_worker_that_dies_before_its_batch_starts_costs_only_the_killer() -> None:
    """No document of the batch was running: each runs again alone, and only
    the one that kills its worker again is lost."""
    documents = [doc("ok-0"), doc("ok-1"), ExitsOnArrival(uri="killer", data=b"x"), doc("ok-2")]
    sinks = ListSink(), ListSink()
    summary = Summary()
    run_in_processes(documents, FAULTY, Outlet(*sinks, summary), workers=1, deterministic=True)
    assert [a.provenance.input for a in sinks[0].records] == ["ok-0", "ok-1", "ok-2"]
    [killer] = sinks[1].records
    assert isinstance(killer, Rejection) and (killer.input, killer.reason) == ("killer", "worker_died")
    assert summary.read == len(documents) and summary.balanced


def test_a_worker_that_loads_other_plugins_stops_the_run() -> None:
    with pytest.raises(WorkerSetupError, match="different plugins"):
        run_in_processes(
            [doc("a")], FAULTY, Outlet(ListSink(), None, Summary()), workers=1, expected=(("other=x@1",), ())
        )


def test_reorder_restores_input_order() -> None:
    order: Reorder[str] = Reorder()
    assert order.push(2, "c") == [] and order.push(1, "b") == [] and len(order) == 2
    assert order.push(0, "a") == ["a", "b", "c"] and len(order) == 0
    assert order.push(3, "d") == ["d"]


def test_plan_uses_processes_only_for_inputs_worth_it() -> None:
    few = [doc(f"d{n}") for n in range(10)]
    many = [doc(f"d{n}") for n in range(200)]
    for documents, workers, parallel in ((few, 4, False), (many, 1, False), (many, 2, True)):
        stream, chosen = plan(iter(documents), workers)
        assert chosen is parallel and list(stream) == documents  # nothing lost by peeking


def test_batches_are_bounded_by_count_and_bytes() -> None:
    small = [doc(f"d{n}") for n in range(10)]
    assert [len(b) for b in batches(small, size=4)] == [4, 4, 2]
    big = [RawDocument(uri=str(n), data=b"x" * 1000) for n in range(5)]
    assert [len(b) for b in batches(big, size=100, max_bytes=2500)] == [3, 2]


def test_a_dask_task_takes_its_batch_in_the_in_process_runners_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """A task's batch is sized for shipping (up to 4 MB); the pipeline goes
    through it in the in-process runner's batches, whose pages are in
    memory together, and the records keep their order."""
    sizes: list[int] = []
    stage_by_stage = Pipeline.process_many

    def spy(self: Pipeline, raws: list[RawDocument]) -> list[Article | Rejection]:
        sizes.append(sum(len(raw.data) for raw in raws))
        return stage_by_stage(self, raws)

    monkeypatch.setattr(Pipeline, "process_many", spy)
    heavy = [doc(f"page-{n}", "x" * (BATCH_BYTES // 3)) for n in range(10)]
    _, records = process_batch(FAULTY, heavy)
    assert [record.provenance.input for record in records if isinstance(record, Article)] == [d.uri for d in heavy]
    assert len(sizes) == 4 and max(sizes) < BATCH_BYTES + BATCH_BYTES // 3 + 100


def test_a_document_that_kills_dask_workers_is_rejected_alone(tmp_path: Path) -> None:
    """Dask gives up on a batch whose worker died; the batch is split so only
    the killer document is lost, as ``worker_died``."""
    documents = [doc("ok-0"), doc("ok-1"), doc("exit", "FAULT:exit"), doc("ok-2"), doc("ok-3")]
    sinks = ListSink(), ListSink()
    summary = Summary()
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}), distributed.LocalCluster(
        host="127.0.0.1", processes=True, n_workers=2, threads_per_worker=1, dashboard_address="127.0.0.1:0",
        silence_logs=logging.ERROR,
    ) as local, distributed.Client(local) as client:  # fmt: skip
        run_on_dask(documents, FAULTY, Outlet(*sinks, summary), client=client, batch_size=5, deterministic=True)
    assert [a.provenance.input for a in sinks[0].records] == [d.uri for d in documents if d.uri != "exit"]
    [died] = sinks[1].records
    assert isinstance(died, Rejection) and (died.input, died.reason) == ("exit", "worker_died")
    assert summary.balanced and summary.read == len(documents)


class Counted:
    """An input stream that knows how far ahead of the output it has been read."""

    def __init__(self, documents: list[RawDocument]) -> None:
        self.documents = documents
        self.read = 0
        self.most_ahead = 0

    def __iter__(self) -> Iterator[RawDocument]:
        for document in self.documents:
            self.read += 1
            yield document


class WatchingSink(ListSink):
    def __init__(self, source: Counted) -> None:
        super().__init__()
        self.source = source

    def write(self, record: Article | Rejection) -> None:
        super().write(record)
        self.source.most_ahead = max(self.source.most_ahead, self.source.read - len(self.records))


def test_directories_are_walked_lazily(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first file comes before the next directory is even listed."""
    for folder in ("a", "b", "c"):
        (tmp_path / folder).mkdir()
        for n in range(3):
            (tmp_path / folder / f"{n}.txt").write_text("x")
    listed: list[str] = []
    scandir = os.scandir

    def spy(path: Any) -> Any:
        listed.append(os.path.basename(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", spy)
    walk = expand([str(tmp_path)])
    first = next(walk)
    assert first == (str(tmp_path / "a" / "0.txt"), False) and listed == [tmp_path.name, "a"]
    assert len(list(walk)) == 8 and listed == [tmp_path.name, "a", "b", "c"]


def test_runners_stream_with_bounded_work_in_flight(cluster: Any) -> None:
    """Memory stays flat: no runner reads far ahead of what it has written."""
    documents = [doc(f"page-{n}") for n in range(300)]
    source = Counted(documents)
    run_in_process(source, FAULTY.build(), Outlet(WatchingSink(source), None, Summary()))
    assert source.read == 300 and source.most_ahead <= BATCH  # one batch of small pages at most
    heavy = [doc(f"page-{n}", "x" * (BATCH_BYTES // 4)) for n in range(40)]
    source = Counted(heavy)
    run_in_process(source, FAULTY.build(), Outlet(WatchingSink(source), None, Summary()))
    assert source.read == 40 and source.most_ahead <= 4  # a batch's bytes are bounded too
    source = Counted(documents)
    run_in_processes(source, FAULTY, Outlet(WatchingSink(source), None, Summary()), workers=2)
    assert source.read == 300 and source.most_ahead <= 2 * BATCH + 1  # a batch per worker
    source = Counted(documents)
    with distributed.Client(cluster) as client:
        run_on_dask(source, FAULTY, Outlet(WatchingSink(source), None, Summary()), client=client, batch_size=10)
    window = 2 * 2  # batches in flight: twice the cluster's two worker threads
    assert source.read == 300 and source.most_ahead <= (window + 1) * 10


def test_the_in_process_runner_stops_a_hanging_plugin_at_its_time_budget() -> None:
    documents = [doc("before"), doc("hang", "FAULT:hang"), doc("stall", "STALL"), doc("after")]
    sinks = ListSink(), ListSink()
    summary = Summary()
    run_in_process(documents, FAULTY.build(), Outlet(*sinks, summary), timeout=0.5)
    assert [a.provenance.input for a in sinks[0].records] == ["before", "after"]
    rejected = {r.input: (r.reason, r.stage, r.plugin) for r in sinks[1].records if isinstance(r, Rejection)}
    assert rejected == {"hang": ("timeout", "parse", "misbehaving"), "stall": ("timeout", "process", "stalling")}
    assert summary.read == 4 and summary.balanced


class Sleepy(KeywordSource):
    """Parses pages; sleeps ``seconds`` first on pages spelling SLOW."""

    def __init__(self, seconds: float) -> None:
        super().__init__("sleepy", "PAGE")
        self.seconds = seconds

    def parse(self, page: masthead.Page) -> masthead.Draft:
        if "SLOW" in page.text:
            time.sleep(self.seconds)
        return super().parse(page)


class SleepyProcessor:
    """Sleeps ``seconds`` on articles spelling SLOW."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds

    @masthead.hookimpl
    def masthead_process_article(self, article: Article) -> None:
        if any("SLOW" in line for line in article.body):
            time.sleep(self.seconds)


def test_a_documents_budget_covers_its_parse_and_its_processors_in_a_batch() -> None:
    """The in-process runner takes documents in batches (stage by stage),
    yet a document's budget is still one: 0.3 s of parsing and 0.3 s of
    processing overrun 0.5 s, either alone does not; the batch's other
    documents, and their order, are untouched."""
    slow = (("sleepy", SourcesPlugin(Sleepy(0.3))), ("slowproc", SleepyProcessor(0.3)))
    fast = (("sleepy", SourcesPlugin(Sleepy(0.3))), ("slowproc", SleepyProcessor(0.0)))
    texts = ["a\nPAGE one", "b\nPAGE SLOW two", "c\nPAGE three", "d\nPAGE four", "e\nPAGE five"]
    documents = [RawDocument(uri=text[0], data=text.encode()) for text in texts]
    for plugins, late in ((slow, True), (fast, False)):
        sinks = ListSink(), ListSink()
        run_in_process(
            documents, make_pipeline(make_plugins(*plugins)), Outlet(*sinks, Summary()), timeout=0.5, batch=2
        )
        ingested = [a.provenance.input for a in sinks[0].records if isinstance(a, Article)]
        rejected = [(r.input, r.reason, r.stage, r.plugin) for r in sinks[1].records if isinstance(r, Rejection)]
        if late:
            assert ingested == ["a", "c", "d", "e"] and rejected == [("b", "timeout", "process", "slowproc")]
        else:
            assert ingested == ["a", "b", "c", "d", "e"] and rejected == []


def test_a_stop_inside_deferred_blocks_waits_for_the_outermost_end() -> None:
    """deferred (a class since it became one): a stop signal inside the block
    is raised as Stop when the outermost block ends, dropped with
    ``reraise=False``, and left pending when the block ends by an exception."""

    from masthead.run import stopping

    with pytest.raises(stopping.Stop) as stopped, stopping.deferred():
        with stopping.deferred():
            stopping._handler(signal.SIGINT, None)
        assert stopping._state.pending == signal.SIGINT  # not yet: the outer block goes on
    assert stopped.value.signum == signal.SIGINT and stopping._state.pending is None
    with stopping.deferred(reraise=False):
        stopping._handler(signal.SIGTERM, None)
    assert stopping._state.pending is None and stopping._state.depth == 0
    with pytest.raises(ValueError, match="own"), stopping.deferred():
        stopping._handler(signal.SIGTERM, None)
        raise ValueError("its own error")
    assert stopping._state.pending == signal.SIGTERM and stopping._state.depth == 0
    stopping._state.pending = None


@pytest.mark.parametrize("when", ["before_ready", "after_a_batch"])
def test_a_worker_whose_parent_is_gone_ends_quietly(when: str, capfd: pytest.CaptureFixture[str]) -> None:
    """A run stopped or killed closes its end of the pipe: the worker's next
    send fails, and it ends (status 0) without printing a traceback next to
    the run's own message."""
    import multiprocessing

    from masthead.run.worker import SLOT_SIZE, Slot
    from masthead.run.worker import main as worker_main

    ctx = multiprocessing.get_context("spawn")
    slot = Slot(ctx.Array("c", SLOT_SIZE, lock=False), ctx.Array("d", 3, lock=False))
    parent, child = ctx.Pipe()
    process = ctx.Process(target=worker_main, args=(child, PipelineConfig(load_entry_points=False), slot, None, None))
    if when == "before_ready":
        parent.close()
        process.start()
    else:
        process.start()
        assert parent.poll(60) and parent.recv()[0] == "ready"
        raw = RawDocument(uri="a.txt", data=b"A title\nA line of text.\n")
        parent.send([(0, raw)])
        parent.close()  # before the worker can answer: its answer finds no reader
    child.close()
    process.join(60)
    assert process.exitcode == 0
    assert "Traceback" not in capfd.readouterr().err
