"""One ``masthead ingest`` run: sinks, lock, checkpoints, resume, runner.

The CLI parses options; this module owns what must hold for the whole run:

* the output is locked, so two runs never write the same file;
* records go through one :class:`~masthead.run.runners.Outlet` — counted,
  deduplicated by article id (unless ``keep_duplicates``), written;
* for JSONL file output, every :data:`CHECKPOINT_EVERY` records the sinks
  are made durable and a checkpoint is saved; records are then delivered in
  input order, so "the first N inputs are done" is exactly true;
* Ctrl-C saves a last checkpoint and keeps the partial files; ``resume``
  truncates them to the checkpoint, skips the inputs already done and
  continues, so a killed or interrupted run is finished without duplicating
  or skipping a document;
* any other failure discards the partial output: the final name is only
  ever written by a complete run.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from typing import Any

import attrs
import structlog

from masthead.extract.document import RawDocument
from masthead.io.checkpoint import Checkpoint, OutputLock, OutputLocked, StateFile
from masthead.io.dedup import Deduplicator
from masthead.io.readers import ReadResult
from masthead.io.shards import iter_inputs
from masthead.io.sinks import STDOUT, JsonlSink, Sink, partial_path
from masthead.manager import Plugins
from masthead.pipeline import Pipeline
from masthead.run import runners
from masthead.run.progress import Progress, count_documents
from masthead.run.runconfig import PipelineConfig, fingerprint
from masthead.run.summary import Summary

#: Records between two checkpoints: the most a killed run has to redo.
CHECKPOINT_EVERY = 500

log = structlog.get_logger("masthead.run.session")


class SessionError(Exception):
    """The run cannot start as asked (bad combination, locked output, nothing to resume)."""


class Interrupted(Exception):
    """Ctrl-C: progress is saved; ``resumable`` tells whether ``--resume`` can continue."""

    def __init__(self, summary: Summary, resumable: bool) -> None:
        super().__init__("interrupted")
        self.summary = summary
        self.resumable = resumable


@attrs.define(frozen=True)
class IngestOptions:
    """What the user asked ``ingest`` for."""

    paths: tuple[str, ...]
    output: str
    rejects: str | None = None
    sink: str = "jsonl"
    engine: str = "local"
    workers: int = 1
    scheduler: str | None = None
    deterministic: bool = False
    timeout: float | None = 30.0
    memory_limit_mb: int | None = None
    part_size: int = 10_000
    keep_duplicates: bool = False
    follow_links: bool = False
    resume: bool = False
    checkpoint_every: int = CHECKPOINT_EVERY
    log: tuple[str, str] | None = None
    prefix: str | None = None
    storage_options: dict[str, Any] = attrs.field(factory=dict, hash=False)


class _Checkpointer:
    """Saves a checkpoint every ``every`` records and on demand."""

    def __init__(
        self, state: StateFile, inputs: tuple[str, ...], summary: Summary, sinks: dict[str, JsonlSink], every: int
    ) -> None:
        self.state, self.inputs, self.summary, self.sinks, self.every = state, inputs, summary, sinks, every
        self._since = 0

    def tick(self) -> None:
        self._since += 1
        if self._since >= self.every:
            self.save()

    def save(self) -> None:
        offsets = {role: sink.checkpoint() for role, sink in self.sinks.items()}
        self.state.save(Checkpoint(self.summary.read, offsets, self.inputs, self.summary.to_dict()))
        self._since = 0


def ingest(options: IngestOptions, plugins: Plugins, pipeline: Pipeline, config: PipelineConfig) -> Summary:
    """Run ``options`` to completion; raises :class:`SessionError` or :class:`Interrupted`."""
    if options.engine == "dask":  # by shard: workers read and write (masthead.run.cluster)
        from masthead.run.cluster import ingest_on_cluster

        return ingest_on_cluster(options, plugins, pipeline, config)
    _check_paths(options)
    file_output = options.output != STDOUT and options.engine != "dask"
    lock = OutputLock(options.output) if options.output != STDOUT else None
    if lock is not None:
        try:
            lock.acquire()
        except OutputLocked as exc:
            raise SessionError(f"{options.output}: {exc}") from None
    try:
        return _run(options, plugins, pipeline, config, file_output)
    finally:
        if lock is not None:
            lock.release()


def _run(
    options: IngestOptions, plugins: Plugins, pipeline: Pipeline, config: PipelineConfig, file_output: bool
) -> Summary:
    state = StateFile(options.output)
    checkpoint = _load_checkpoint(options, state, file_output)
    summary = Summary.restore(checkpoint.counts) if checkpoint else Summary()
    sinks = _open_sinks(options, plugins, summary, checkpoint)
    output_sink, reject_sink = sinks.get("output"), sinks.get("rejects")
    assert output_sink is not None
    durable = {role: s for role, s in sinks.items() if isinstance(s, JsonlSink)} if file_output else {}
    checkpointer = None
    if file_output and len(durable) == len(sinks):
        checkpointer = _Checkpointer(state, options.paths, summary, durable, options.checkpoint_every)
    dedup = None
    if not options.keep_duplicates:
        dedup = (
            Deduplicator.from_jsonl(partial_path(options.output), checkpoint.offsets["output"])
            if checkpoint
            else Deduplicator()
        )
    progress = Progress(summary, total=lambda: count_documents(options.paths, plugins.readers))
    outlet = runners.Outlet(
        output_sink, reject_sink, summary, progress, dedup=dedup, after_each=checkpointer.tick if checkpointer else None
    )
    skipped: list[str] = []
    found = iter_inputs(
        options.paths,
        plugins.readers,
        skipped,
        prefix=options.prefix,
        options=options.storage_options,
        follow_links=options.follow_links,
    )
    documents = _without_own_files(found, options)
    if checkpoint:
        documents = itertools.islice(documents, checkpoint.done, None)
        log.info("run_resumed", done=checkpoint.done, output=options.output)
    try:
        _drive(documents, options, pipeline, config, outlet, ordered=checkpointer is not None)
    except KeyboardInterrupt:
        progress.close()
        if checkpointer is not None:
            checkpointer.save()
            for sink in sinks.values():
                if isinstance(sink, JsonlSink):
                    sink.suspend()
        else:
            _abort(sinks)
        raise Interrupted(summary, resumable=checkpointer is not None) from None
    except BaseException:
        progress.close()
        _abort(sinks)
        state.remove()
        raise
    progress.close()
    summary.skipped = len(skipped)
    summary.finish()
    for sink in sinks.values():
        sink.close()
    state.remove()
    return summary


def _check_paths(options: IngestOptions) -> None:
    """Refuse, before any work, outputs that would clobber each other or cannot be written."""
    if options.output == STDOUT:
        return
    if options.rejects and os.path.abspath(options.rejects) == os.path.abspath(options.output):
        raise SessionError("the output and --rejects must be different files")
    if options.engine != "dask" and os.path.isdir(options.output):
        raise SessionError(f"{options.output} is a directory; give a file name for -o")


def _without_own_files(documents: Iterator[ReadResult], options: IngestOptions) -> Iterator[ReadResult]:
    """Leave out the run's own output and rejects files when they lie among its inputs
    (re-running ``masthead ingest pages/ -o pages/out.jsonl``)."""
    own = {os.path.realpath(p) for p in (options.output, options.rejects) if p and p != STDOUT}
    for item in documents:
        uri = item.uri if isinstance(item, RawDocument) else item.input
        if os.path.realpath(uri.split("#L", 1)[0]) in own:
            continue
        yield item


def _load_checkpoint(options: IngestOptions, state: StateFile, file_output: bool) -> Checkpoint | None:
    if not options.resume:
        return None
    if not file_output:
        raise SessionError("--resume needs a JSONL output file (not stdout, not --engine dask)")
    try:
        checkpoint = state.load(options.paths)
    except ValueError as exc:
        raise SessionError(f"cannot resume {options.output}: {exc}") from None
    if checkpoint is None:
        raise SessionError(f"nothing to resume for {options.output}: no interrupted run left a checkpoint")
    if bool(options.rejects) != ("rejects" in checkpoint.offsets):
        raise SessionError("--resume must be given the same --rejects as the interrupted run")
    return checkpoint


def _open_sinks(
    options: IngestOptions, plugins: Plugins, summary: Summary, checkpoint: Checkpoint | None
) -> dict[str, Sink]:
    from masthead.io.partitioned import PartitionedJsonlSink

    offsets = checkpoint.offsets if checkpoint else {}
    sinks: dict[str, Sink] = {}
    try:
        if options.engine == "dask":

            def manifest() -> dict[str, Any]:
                where = {
                    "engine": "dask",
                    "scheduler": options.scheduler or "local cluster",
                    "workers": options.workers,
                }
                return {
                    **where,
                    "deterministic": options.deterministic,
                    "inputs": list(options.paths),
                    "counts": summary.to_dict(),
                }

            sinks["output"] = PartitionedJsonlSink(
                options.output, records_per_part=options.part_size, manifest=manifest
            )
        elif options.sink == "jsonl":
            sinks["output"] = JsonlSink(options.output, resume_from=offsets.get("output"))
        else:
            sinks["output"] = plugins.sinks[options.sink](options.output)
        if options.rejects:
            sinks["rejects"] = JsonlSink(options.rejects, resume_from=offsets.get("rejects"))
    except OSError as exc:
        _abort(sinks)
        raise SessionError(f"cannot write output: {exc}") from None
    return sinks


def _abort(sinks: dict[str, Sink]) -> None:
    for sink in sinks.values():
        sink.abort()


def _drive(
    documents: Iterator[ReadResult],
    options: IngestOptions,
    pipeline: Pipeline,
    config: PipelineConfig,
    outlet: runners.Outlet,
    *,
    ordered: bool,
) -> None:
    """Pick the runner and drive ``documents`` through it.

    Local runs use worker processes only when they pay off
    (:func:`masthead.run.runners.plan`); workers rebuild the pipeline from
    ``config`` and must load the same plugins as this process. ``ordered``
    (checkpointed runs) delivers records in input order.
    """
    config = attrs.evolve(config, log=options.log)
    expected = fingerprint(pipeline)
    if options.engine == "dask":
        from masthead.run.dask_engine import open_client, run_on_dask

        with open_client(options.scheduler, options.workers) as client:
            log.info("run_started", runner="dask", scheduler=client.scheduler.address, workers=len(client.nthreads()))
            run_on_dask(
                documents, config, outlet, client=client, deterministic=options.deterministic, expected=expected
            )
        return
    documents, parallel = runners.plan(documents, options.workers)
    if not parallel:
        log.info("run_started", runner="in_process", workers=1)
        runners.run_in_process(documents, pipeline, outlet, timeout=options.timeout)
        return
    memory = options.memory_limit_mb
    if memory is None:
        memory = runners.default_memory_limit_mb(options.workers)
    log.info(
        "run_started", runner="processes", workers=options.workers, timeout=options.timeout, memory_limit_mb=memory
    )
    runners.run_in_processes(
        documents,
        config,
        outlet,
        workers=options.workers,
        timeout=options.timeout,
        memory_limit_mb=memory or None,
        deterministic=options.deterministic or ordered,
        expected=expected,
    )
