"""One ``masthead ingest`` run: paths, locks, checkpoints, resume, commit.

The CLI parses options; this module owns what must hold for the whole run:

* before anything is read, the paths are checked: no output may be an input
  or another output, at least one given input exists (else the run is
  refused), and every file the run will write can be created (else
  :class:`WriteFailed`);
* every file the run writes is locked, so two runs never share one;
* records go through one :class:`~masthead.run.runners.Outlet` — counted,
  deduplicated by article id (unless ``keep_duplicates``), written;
* for JSONL file output, a first checkpoint is saved before any document is
  read (replacing any older run's) and then every ``checkpoint_every``
  records; records are delivered in input order and the
  :class:`~masthead.run.inputs.Ledger` ties them to the input files, so a
  checkpoint says exactly which documents are done;
* Ctrl-C or SIGTERM stops at a safe point (:mod:`masthead.run.stopping`),
  saves a last checkpoint and keeps the partial files; any other failure
  (disk full, a crash) keeps the last checkpoint too; ``resume``
  cuts the partial files back to the checkpoint, skips the inputs already
  done and continues, so a stopped or killed run is finished without
  duplicating or skipping a document;
* output, rejects and summary are published together
  (:mod:`masthead.run.commit`); a run that ingested nothing leaves an
  existing output as it was.
"""

from __future__ import annotations

import contextlib
import glob
import json
import os
import re
from collections.abc import Iterator, Mapping
from typing import Any

import attrs
import structlog

from masthead.io.checkpoint import Checkpoint, Journal, OutputLocked, RunLocks, StateFile, sidecar
from masthead.io.dedup import Deduplicator
from masthead.io.readers import SIDECAR_SUFFIX, STDIN, Reader, ReadResult, expand, suffix_of
from masthead.io.shards import is_url, local_path
from masthead.io.sinks import STDOUT, JsonlSink, Sink, partial_path
from masthead.manager import Plugins
from masthead.pipeline import Pipeline
from masthead.run import batching, commit, inputs, runners
from masthead.run.progress import Progress, count_documents
from masthead.run.runconfig import PipelineConfig, fingerprint
from masthead.run.stopping import deferred, stop_signals
from masthead.run.summary import Summary

#: Records between two checkpoints: the most a killed run has to redo.
CHECKPOINT_EVERY = 500

log = structlog.get_logger("masthead.run.session")


class SessionError(Exception):
    """The run cannot start as asked (bad combination, locked output, nothing to resume)."""


class WriteFailed(Exception):
    """Writing failed (disk full, read-only directory, ...); ``resumable``
    tells whether the last checkpoint was kept for ``--resume``."""

    def __init__(self, error: OSError, resumable: bool, where: str | None = None) -> None:
        path = error.filename or where
        super().__init__(f"cannot write {path}: {error.strerror or error}" if path else f"cannot write: {error}")
        self.resumable = resumable


class Interrupted(Exception):
    """Ctrl-C or SIGTERM: progress is saved; ``resumable`` tells whether
    ``--resume`` can continue; ``signum`` is the signal that stopped the run."""

    def __init__(self, summary: Summary, resumable: bool, signum: int = 2) -> None:
        super().__init__("interrupted")
        self.summary = summary
        self.resumable = resumable
        self.signum = signum


@attrs.define(frozen=True)
class IngestOptions:
    """What the user asked ``ingest`` for."""

    paths: tuple[str, ...]
    output: str
    rejects: str | None = None
    summary_json: str | None = None
    sink: str = "jsonl"
    engine: str = "local"
    workers: int = 1
    scheduler: str | None = None
    deterministic: bool = False
    timeout: float | None = 30.0
    memory_limit_mb: int | None = None
    part_size: int = 10_000
    keep_duplicates: bool = False
    resume: bool = False
    checkpoint_every: int = CHECKPOINT_EVERY
    log: tuple[str, str] | None = None
    prefix: str | None = None
    storage_options: dict[str, Any] = attrs.field(factory=dict, hash=False)
    follow_links: bool = False

    @property
    def checkpointed(self) -> bool:
        """Whether the run keeps checkpoints: JSONL files (a cluster run resumes by shard)."""
        return self.output != STDOUT and self.rejects != STDOUT and self.sink == "jsonl"

    def written(self) -> dict[str, str]:
        """Every file the run writes, by option."""
        named = {"-o": self.output, "--rejects": self.rejects, "--summary-json": self.summary_json}
        return {option: path for option, path in named.items() if path and path != STDOUT}


class _Checkpointer:
    """Saves a checkpoint every ``every`` records and on demand."""

    def __init__(
        self,
        state: StateFile,
        options: IngestOptions,
        summary: Summary,
        sinks: dict[str, JsonlSink],
        journal: Journal,
        ledger: inputs.Ledger,
    ) -> None:
        self.state, self.inputs, self.summary = state, options.paths, summary
        self.sinks, self.journal, self.ledger, self.every = sinks, journal, ledger, options.checkpoint_every
        self._since = 0

    def tick(self) -> None:
        self.ledger.delivered()
        self._since += 1
        if self._since >= self.every:
            self.save()

    def snapshot(self) -> Checkpoint:
        """Make everything delivered durable; the checkpoint that describes it."""
        position = self.ledger.position()  # journals finished inputs first
        offsets = {role: sink.checkpoint() for role, sink in self.sinks.items()}
        offsets["journal"] = self.journal.checkpoint()
        return Checkpoint(self.summary.read, offsets, self.inputs, self.summary.to_dict(), position)

    def save(self) -> None:
        self.state.save(self.snapshot())
        self._since = 0


def ingest(options: IngestOptions, plugins: Plugins, pipeline: Pipeline, config: PipelineConfig) -> Summary:
    """Run ``options`` to completion.

    Raises :class:`SessionError` (refused before anything was written),
    :class:`WriteFailed` or :class:`Interrupted`.
    """
    if options.engine == "dask":
        return _on_cluster(options, plugins, pipeline, config)
    _check_paths(options)
    _check_walked_outputs(options, plugins.readers)
    _check_inputs(options)
    try:
        with RunLocks(options.written().values()), stop_signals():
            return _run(options, plugins, pipeline, config)
    except Interrupted:
        raise
    except KeyboardInterrupt as stop:  # while the run was being set up
        resumable = options.checkpointed and os.path.exists(StateFile(options.output).path)
        raise Interrupted(Summary(), resumable, getattr(stop, "signum", 2)) from None
    except OutputLocked as exc:
        raise SessionError(str(exc)) from None
    except OSError as exc:  # the lock files themselves cannot be written
        raise WriteFailed(exc, resumable=False) from None


def _on_cluster(options: IngestOptions, plugins: Plugins, pipeline: Pipeline, config: PipelineConfig) -> Summary:
    """By shard, workers reading and writing (:mod:`masthead.run.cluster`); local outputs locked as in any run."""
    from masthead.run.cluster import ingest_on_cluster

    locks = RunLocks(path for path in options.written().values() if not is_url(path))
    try:
        locks.__enter__()
    except OutputLocked as exc:
        raise SessionError(str(exc)) from None
    except OSError as exc:  # the lock files themselves cannot be written
        raise WriteFailed(exc, resumable=False) from None
    try:
        summary = ingest_on_cluster(options, plugins, pipeline, config)
        if options.summary_json:
            try:
                commit.publish([_write_summary(options.summary_json, summary)])
            except OSError as exc:
                raise WriteFailed(exc, resumable=False) from None
    finally:
        locks.__exit__()
    return summary


def _run(options: IngestOptions, plugins: Plugins, pipeline: Pipeline, config: PipelineConfig) -> Summary:
    state = StateFile(options.output) if options.checkpointed else None
    checkpoint, plan = None, None
    if options.resume:
        checkpoint = _load_checkpoint(options, state)
        if checkpoint.phase == "commit":
            return _finish_commit(options, checkpoint)
        plan = _plan(options, checkpoint)
    _probe(options)
    if state is not None and checkpoint is None:
        offsets = {"output": 0, "journal": 0} | ({"rejects": 0} if options.rejects else {})
        with deferred():
            state.save(Checkpoint(0, offsets, options.paths))
    summary = Summary.restore(checkpoint.counts) if checkpoint else Summary()
    offsets = checkpoint.offsets if checkpoint else {}
    sinks = _open_sinks(options, plugins, offsets)
    checkpointer = None
    journal = None
    if state is not None:
        journal = Journal(options.output, resume_from=offsets.get("journal"))
        durable = {role: sink for role, sink in sinks.items() if isinstance(sink, JsonlSink)}
        checkpointer = _Checkpointer(state, options, summary, durable, journal, inputs.Ledger(journal))
    dedup = None
    if not options.keep_duplicates:
        output_partial = partial_path(options.output)
        dedup = Deduplicator.from_jsonl(output_partial, offsets["output"]) if checkpoint else Deduplicator()
    progress = Progress(summary, total=lambda: count_documents(options.paths, plugins.readers))
    outlet = runners.Outlet(
        sinks["output"],
        sinks.get("rejects"),
        summary,
        progress,
        dedup=dedup,
        after_each=checkpointer.tick if checkpointer else None,
    )
    skipped: list[str] = []
    own = {os.path.realpath(p) for p in options.written().values()}
    stream = inputs.visits(
        options.paths,
        plugins.readers,
        skipped,
        own,
        prefix=options.prefix,
        storage_options=options.storage_options,
        follow_links=options.follow_links,
    )
    documents = inputs.documents(stream, checkpointer.ledger if checkpointer else None, plan)
    if checkpoint:
        log.info("run_resumed", done=checkpoint.done, output=options.output)
    try:
        _drive(documents, options, pipeline, config, outlet, ordered=checkpointer is not None)
    except KeyboardInterrupt as stop:
        progress.close()
        if checkpointer is not None:
            with deferred(reraise=False), contextlib.suppress(OSError):
                checkpointer.save()
        _stop_writing(sinks, journal, keep=checkpointer is not None)
        if checkpointer is None:
            _discard_summary(options)
        raise Interrupted(summary, resumable=checkpointer is not None, signum=getattr(stop, "signum", 2)) from None
    except OSError as exc:
        progress.close()
        _stop_writing(sinks, journal, keep=checkpointer is not None)
        raise WriteFailed(exc, resumable=checkpointer is not None, where=options.output) from None
    except BaseException:  # a bug or a worker setup failure: the last checkpoint still holds
        progress.close()
        _stop_writing(sinks, journal, keep=checkpointer is not None)
        if checkpointer is None:
            _discard_summary(options)
        raise
    progress.close()
    summary.skipped = len(skipped)
    summary.finish()
    try:
        with deferred(reraise=False):
            _publish(options, sinks, summary, checkpointer, state)
    except OSError as exc:
        _stop_writing(sinks, journal, keep=checkpointer is not None)
        raise WriteFailed(exc, resumable=checkpointer is not None, where=options.output) from None
    return summary


def _publish(
    options: IngestOptions,
    sinks: dict[str, Sink],
    summary: Summary,
    checkpointer: _Checkpointer | None,
    state: StateFile | None,
) -> None:
    """Make the run's files final, together when the run is checkpointed."""
    if checkpointer is None or state is None:
        durable = [_finish(sink) for sink in sinks.values()]  # every file complete before any is renamed
        if options.summary_json:
            durable.append(_write_summary(options.summary_json, summary))
        commit.publish(pair for pair in durable if pair is not None)
        return
    last = checkpointer.snapshot()
    renames = []
    for role, sink in sinks.items():
        pair = _finish(sink)
        if pair is None:
            continue
        if role == "output" and not summary.ingested and os.path.exists(options.output):
            os.unlink(pair[0])
            log.warning("output_kept", output=options.output, note="nothing was ingested; the file was left as it was")
            continue
        renames.append(pair)
    if options.summary_json:
        renames.append(_write_summary(options.summary_json, summary))
    checkpointer.journal.close()
    commit.commit(state, last, renames, options.output)


def _finish(sink: Sink) -> tuple[str, str] | None:
    """Make ``sink``'s file durable and return the rename that publishes it (``None``: nothing to rename)."""
    finish = getattr(sink, "finish", None)
    if finish is None:  # a sink that publishes itself
        sink.close()
        return None
    pair: tuple[str, str] | None = finish()
    return pair


def _write_summary(path: str, summary: Summary) -> tuple[str, str]:
    partial = sidecar(path, ".partial")
    with open(partial, "w", encoding="utf-8") as handle:
        json.dump(summary.to_dict(), handle, indent=2)
        handle.write("\n")
        handle.flush()
        os.fsync(handle.fileno())
    return partial, path


def _finish_commit(options: IngestOptions, checkpoint: Checkpoint) -> Summary:
    """``--resume`` after a kill during the final renames: finish them."""
    with deferred(reraise=False):
        commit.publish(checkpoint.publish)
        commit.finished(StateFile(options.output), options.output)
    log.info("run_commit_finished", output=options.output)
    return Summary.restore(checkpoint.counts)


def _stop_writing(sinks: dict[str, Sink], journal: Journal | None, *, keep: bool) -> None:
    """Close every file after a failure: kept for ``--resume`` or discarded."""
    for sink in sinks.values():
        with contextlib.suppress(OSError):
            if keep and isinstance(sink, JsonlSink):
                sink.suspend()
            else:
                sink.abort()
    if journal is not None:
        with contextlib.suppress(OSError):
            if keep:
                journal.close()
            else:
                journal.remove()


def _discard_summary(options: IngestOptions) -> None:
    if options.summary_json:
        with contextlib.suppress(OSError):
            os.unlink(sidecar(options.summary_json, ".partial"))


def _check_paths(options: IngestOptions) -> None:
    """Refuse, before any work, outputs that would clobber inputs or each other."""
    written = options.written()
    real = {option: os.path.realpath(path) for option, path in written.items()}
    if len(set(real.values())) < len(real):
        raise SessionError("-o, --rejects and --summary-json must be different files")
    for path in options.paths:
        if path != STDIN and os.path.lexists(path) and not os.path.isdir(path):
            for option, target in real.items():
                if os.path.realpath(path) == target:
                    raise SessionError(f"{path} is an input and also {option}: it would be overwritten")
    for option, path in written.items():
        if os.path.isdir(path):
            raise SessionError(f"{path} is a directory; give a file name for {option}")
        if os.path.exists(path) and not os.path.isfile(path):
            raise SessionError(f"{path} is not a regular file; {option} needs one")


def _check_walked_outputs(options: IngestOptions, readers: Mapping[str, Reader]) -> None:
    """Refuse an output that is an input document met by walking an input
    directory or glob (a file named as an input is refused by
    :func:`_check_paths`): the run would overwrite that page, unread.

    Only a file that exists, that a reader takes and that is not the run's
    own earlier output (:func:`_written_by_masthead`: passed over by the
    walk and replaced, as anywhere else) can be such a page; for those
    alone the inputs are listed, as the run will list them, links followed
    or not as it will follow them.
    """
    suspects = {
        os.path.realpath(path): (option, path)
        for option, path in options.written().items()
        if path != STDOUT
        and os.path.isfile(path)
        and not path.lower().endswith(SIDECAR_SUFFIX)
        and suffix_of(path, readers) is not None
        and not _written_by_masthead(path)
    }
    if not suspects:
        return
    names = {os.path.basename(real) for real in suspects}
    local = [local_path(path) for path in options.paths if path != STDIN and not is_url(path)]
    for item in expand(local, options.follow_links):
        if isinstance(item, tuple) and inputs.is_own(item[0], set(suspects), names):
            option, path = suspects[os.path.realpath(item[0])]
            raise SessionError(
                f"{path} is a page of the inputs and also {option}: it would be overwritten "
                f"without being read; write {option} elsewhere"
            )


#: How the lines masthead writes open: an article (its id, then its outlet)
#: or a rejection (its input, then its stage), as the serializer orders them.
_OWN_LINE = re.compile(rb'\{"id":"[0-9a-f]{16}","outlet":"|\{"input":".*?","stage":"[a-z]+","reason":"')


def _written_by_masthead(path: str) -> bool:
    """Whether the file at ``path`` is masthead's own output: empty, or
    opening with an article or a rejection as masthead writes them (read
    from the line's first 64 KiB: a record may be megabytes long)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(64 * 1024)
    except OSError:
        return False
    return not head or _OWN_LINE.match(head) is not None


def _check_inputs(options: IngestOptions) -> None:
    """Refuse a run where no given input exists (a typo must not cost a good
    output); a missing one among others is a ``not_found`` rejection, logged
    with its path."""
    local = [local_path(path) for path in options.paths if path != STDIN and not is_url(path)]
    missing = [
        path
        for path in local
        if not os.path.lexists(path) and not (glob.has_magic(path) and next(glob.iglob(path, recursive=True), None))
    ]
    if missing and len(missing) == len(options.paths):
        raise SessionError("no such input: " + ", ".join(missing))


def _probe(options: IngestOptions) -> None:
    """Create every file the run will write before reading anything, so an
    unwritable place fails now, in one line, not after an hour of work."""
    paths = [sidecar(p, ".partial") for o, p in options.written().items() if o != "-o" or options.sink == "jsonl"]
    if options.checkpointed:
        paths.append(sidecar(options.output, ".journal"))
    try:
        for path in paths:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o666))
    except OSError as exc:
        raise WriteFailed(exc, resumable=options.resume) from None


def _load_checkpoint(options: IngestOptions, state: StateFile | None) -> Checkpoint:
    if state is None:
        raise SessionError("--resume needs a JSONL output file (not stdout)")
    try:
        checkpoint = state.load(options.paths)
    except ValueError as exc:
        raise SessionError(f"cannot resume {options.output}: {exc}") from None
    if checkpoint is None:
        raise SessionError(f"nothing to resume for {options.output}: no interrupted run left a checkpoint")
    if checkpoint.phase != "commit" and bool(options.rejects) != ("rejects" in checkpoint.offsets):
        raise SessionError("--resume must be given the same --rejects as the interrupted run")
    return checkpoint


def _plan(options: IngestOptions, checkpoint: Checkpoint) -> inputs.ResumePlan:
    """Compare the interrupted run's inputs with today's; refuse if one changed."""
    try:
        finished = list(Journal.entries(options.output, checkpoint.offsets.get("journal", 0)))
    except FileNotFoundError:
        finished = []
    except ValueError as exc:
        raise SessionError(f"cannot resume {options.output}: its journal is unreadable ({exc})") from None
    plan = inputs.ResumePlan(finished, checkpoint.position)
    if plan.changed:
        raise SessionError(
            "cannot resume: inputs changed since the interrupted run read them: "
            + "; ".join(plan.changed)
            + " (run again without --resume)"
        )
    for path in plan.removed:
        log.warning("input_removed", path=path, note="its records from the interrupted run stay in the output")
    return plan


def _open_sinks(options: IngestOptions, plugins: Plugins, offsets: dict[str, int]) -> dict[str, Sink]:
    sinks: dict[str, Sink] = {}
    try:
        if options.sink == "jsonl":
            sinks["output"] = JsonlSink(options.output, resume_from=offsets.get("output"))
        else:
            sinks["output"] = plugins.sinks[options.sink](options.output)
        if options.rejects:
            sinks["rejects"] = JsonlSink(options.rejects, resume_from=offsets.get("rejects"))
    except ValueError as exc:  # a partial file shorter than its checkpoint
        _stop_writing(sinks, None, keep=True)
        raise SessionError(f"cannot resume {options.output}: {exc}") from None
    except OSError as exc:
        _stop_writing(sinks, None, keep=options.resume)
        raise WriteFailed(exc, resumable=options.resume, where=options.output) from None
    return sinks


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
    (:func:`masthead.run.runners.plan`), or when a time budget is asked for
    where this process cannot enforce one (no ``SIGALRM``, e.g. Windows):
    then one supervised worker process keeps it. Workers rebuild the
    pipeline from ``config`` and must load the same plugins as this process.
    ``ordered`` (checkpointed runs) delivers records in input order.
    """
    config = attrs.evolve(config, log=options.log)
    expected = fingerprint(pipeline)
    documents, parallel = runners.plan(documents, options.workers)
    workers = options.workers
    if not parallel and options.timeout and not batching.budget_available():
        parallel, workers = True, 1
    if not parallel:
        log.info("run_started", runner="in_process", workers=1)
        runners.run_in_process(documents, pipeline, outlet, timeout=options.timeout)
        return
    memory = options.memory_limit_mb
    if memory is None:
        memory = runners.default_memory_limit_mb(workers)
    log.info("run_started", runner="processes", workers=workers, timeout=options.timeout, memory_limit_mb=memory)
    runners.run_in_processes(
        documents,
        config,
        outlet,
        workers=workers,
        timeout=options.timeout,
        memory_limit_mb=memory or None,
        deterministic=options.deterministic or ordered,
        expected=expected,
    )
