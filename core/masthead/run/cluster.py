"""A run by shard on a Dask cluster: workers read their own inputs and write their own parts.

The client (``masthead ingest --engine dask``) only *lists* shards
(:mod:`masthead.io.shards`) and submits one task per shard (single-page
shards a few to a task, :func:`tasks`); it never reads a shard's bytes nor
an article. Each task, on a worker, for each of its shards:

1. opens its shard itself through fsspec and streams its documents through
   the pipeline, under the run's per-document budget: with ``--timeout`` or
   ``--memory-limit`` the pipeline runs in a supervised child process
   (:class:`~masthead.run.pool.WorkerPool`), so a plugin that hangs, crashes
   or exhausts memory costs one document, rejected with the plugin named,
   exactly as on one machine;
2. writes its articles to ``part-<shard id>.jsonl`` (or ``.parquet``) and its
   rejections to ``rejects/part-<shard id>.jsonl``, straight to the output
   location, each atomically (:class:`~masthead.io.partitioned.PartStore`);
3. commits the shard by writing its entry ``_shards/<shard id>.json``
   (counts and the ids of its articles), and returns that entry.

The client gathers entries, and at the end writes ``manifest.json``.

Resume is by shard: ``--resume`` skips every shard with an entry and redoes
the rest; a redone shard overwrites its own parts, so nothing is lost or
written twice, even when a task of the killed client is still finishing.

Duplicates: within a shard, the task drops an article whose id it already
wrote. Across shards, once every shard is committed the client walks the
entries in shard order (ids only, 16 hex digits an article) and, for each
shard holding an id an earlier shard has, submits a task that rewrites
that part without those articles (again atomically, then its entry). The
result is exact and the same whatever order shards finished in.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import uuid
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime, timezone
from typing import IO, TYPE_CHECKING, Any

import attrs
import structlog

from masthead.io.dedup import Deduplicator
from masthead.io.partitioned import REJECTS, SHARDED_FORMAT, PartStore, Superseded
from masthead.io.readers import Reader, ReadResult, StreamReader, suffix_of
from masthead.io.shards import is_url, list_shards, read_shard, shard_id
from masthead.io.sinks import JsonlSink
from masthead.models import SCHEMA_VERSION, Article, Rejection
from masthead.pipeline import Pipeline
from masthead.run.batching import batches, document_bytes, guarded
from masthead.run.runconfig import PipelineConfig, cached_pipeline, check_fingerprint, fingerprint
from masthead.run.runners import ORDER_WINDOW_PER_WORKER, Reorder
from masthead.run.summary import Summary
from masthead.serialize import to_json_line

if TYPE_CHECKING:
    from masthead.io.parquet import ParquetWriter
    from masthead.manager import Plugins
    from masthead.run.session import IngestOptions

log = structlog.get_logger("masthead.run.cluster")

#: Where the client writes rejections of its own: arguments that name nothing, shards that failed.
CLIENT_REJECTS = f"{REJECTS}/part-client.jsonl"
#: Times Dask reruns a shard whose task raised (a dropped connection to the object store).
RETRIES = 2
#: Shards of one page each (not WARC or JSONL files) that share a task.
PAGES_PER_TASK = 32
NO_CHILDREN = (
    "--timeout and --memory-limit on Dask run each document in a child process, but these Dask "
    "workers may not start processes; start them with DASK_DISTRIBUTED__WORKER__DAEMON=False "
    "(or 'dask worker --no-nanny'), or pass --timeout 0 to run without a per-document budget"
)


class ClusterSetupError(RuntimeError):
    """The cluster cannot run the job as asked (workers that may not start processes)."""


@attrs.define(frozen=True)
class ShardJob:
    """What every shard task needs: picklable, sent once per task."""

    config: PipelineConfig
    output: str
    storage_options: dict[str, Any] = attrs.field(factory=dict, hash=False)
    sink: str = "jsonl"
    timeout: float | None = None
    memory_limit_mb: int | None = None
    dedup: bool = True
    token: str = ""

    @property
    def supervised(self) -> bool:
        return bool(self.timeout or self.memory_limit_mb)

    def part_name(self, sid: str) -> str:
        return f"part-{sid}.{'parquet' if self.sink == 'parquet' else 'jsonl'}"


def can_start_processes() -> bool:
    """Whether this process may have child processes (a daemonic Dask worker may not)."""
    return not multiprocessing.current_process().daemon


def _part_writer(sink: str, store: PartStore, name: str, stack: contextlib.ExitStack) -> JsonlSink | ParquetWriter:
    """The writer of a shard's articles: a sink on a staged file, committed by the store."""
    if sink == "parquet":
        from masthead.io.parquet import ParquetWriter

        return ParquetWriter(stack.enter_context(store.staged(name)))
    return JsonlSink(name, stream=stack.enter_context(store.staged(name, text=True)))


def _records(
    documents: Iterator[tuple[int, ReadResult]], job: ShardJob, pipeline: Pipeline
) -> Iterator[tuple[int, Article | Rejection]]:
    """``(number, record)`` for numbered documents, in their order (one supervised child at most)."""
    if not job.supervised:  # as in one process: a plugin's SystemExit or MemoryError costs its document
        process = guarded(pipeline)
        for batch in batches(documents, weight=lambda numbered: document_bytes(numbered[1])):
            yield from zip([number for number, _ in batch], process([item for _, item in batch]), strict=True)
        return
    if not can_start_processes():
        raise ClusterSetupError(NO_CHILDREN)
    from masthead.run.pool import WorkerPool

    pool = WorkerPool(
        job.config, 1, timeout=job.timeout, memory_limit_mb=job.memory_limit_mb, expected=fingerprint(pipeline)
    )
    # The pool delivers as documents finish (a read rejection before its
    # batch, a killed worker's document before the batch's others, run
    # again); shards are committed in order, so the records are put back in
    # input order, each document numbered apart from its shard.
    shards: dict[int, int] = {}

    def counted() -> Iterator[tuple[int, ReadResult]]:
        for count, (shard, item) in enumerate(documents):
            shards[count] = shard
            yield count, item

    order: Reorder[tuple[int, Article | Rejection]] = Reorder()
    results = pool.imap(counted(), may_submit=lambda: len(order) < ORDER_WINDOW_PER_WORKER)
    try:
        for count, record in results:
            for done, ready in order.push(count, (count, record)):
                yield shards.pop(done), ready
    finally:
        results.close()


class _ShardOutput:
    """One shard's parts while its records arrive: staged, then committed with the shard's entry."""

    def __init__(self, job: ShardJob, store: PartStore, url: str) -> None:
        self.job, self.store, self.url = job, store, url
        self.sid = shard_id(url)
        self.part, self.rejects_name = job.part_name(self.sid), f"{REJECTS}/part-{self.sid}.jsonl"
        self.summary = Summary()
        self.dedup = Deduplicator() if job.dedup else None
        self.ids: list[str] = []
        self.stack = contextlib.ExitStack()
        self.writer = _part_writer(job.sink, store, self.part, self.stack)
        self.rejects: JsonlSink | None = None

    def add(self, record: Article | Rejection) -> None:
        if isinstance(record, Article):
            if self.dedup is not None and self.dedup.is_duplicate(record):
                self.summary.count_duplicate()
                return
            self.writer.write(record)
            self.ids.append(record.id)
        else:
            if self.rejects is None:
                handle = self.stack.enter_context(self.store.staged(self.rejects_name, text=True))
                self.rejects = JsonlSink(self.rejects_name, stream=handle)
            self.rejects.write(record)
        self.summary.count(record)

    def commit(self) -> dict[str, Any]:
        """Move the parts into place, then write the entry that commits the shard; return the entry."""
        with self.stack:
            self.writer.close()
            if self.rejects is not None:
                self.rejects.close()
            self.store.check_owner(self.job.token)  # before the parts are committed (on leaving the block)
        self.summary.finish()
        entry = {
            "id": self.sid,
            "shard": self.url,
            "part": self.part,
            "records": self.writer.count,
            "rejects": self.rejects_name if self.summary.rejected else None,
            "counts": self.summary.to_dict(),
            "ids": self.ids,
            "removed": [],
        }
        self.store.commit(entry)
        return entry

    def abort(self) -> None:
        """Drop the staged files (an error or a kill while the shard ran)."""
        self.stack.__exit__(RuntimeError, RuntimeError("shard aborted"), None)


def process_shards(job: ShardJob, urls: list[str]) -> tuple[object, list[dict[str, Any]]]:
    """The task run on a worker for shards in order; returns the plugin fingerprint and their entries.

    Shards of one page each share a task (:data:`PAGES_PER_TASK`), and so,
    with a budget, one supervised child: starting a child per page would cost
    far more than the page.
    """
    pipeline = cached_pipeline(job.config)
    store = PartStore(job.output, job.storage_options)
    readers = pipeline.plugins.readers
    numbered = (
        (index, item) for index, url in enumerate(urls) for item in read_shard(url, readers, job.storage_options)
    )
    entries: list[dict[str, Any]] = []
    current = _ShardOutput(job, store, urls[0])
    try:
        for index, record in _records(numbered, job, pipeline):
            while index > len(entries):  # the shards before this record's are complete
                entries.append(current.commit())
                current = _ShardOutput(job, store, urls[len(entries)])
            current.add(record)
        entries.append(current.commit())
        while len(entries) < len(urls):  # shards with no document at all
            current = _ShardOutput(job, store, urls[len(entries)])
            entries.append(current.commit())
    except BaseException:
        current.abort()
        raise
    return fingerprint(pipeline), entries


def tasks(urls: Iterable[str], readers: Mapping[str, Reader]) -> Iterator[list[str]]:
    """Shards grouped into tasks: a container (WARC, JSONL) alone, single pages :data:`PAGES_PER_TASK` at a time."""
    pages: list[str] = []
    for url in urls:
        suffix = suffix_of(url, readers)
        if suffix is not None and isinstance(readers[suffix], StreamReader):
            yield [url]
            continue
        pages.append(url)
        if len(pages) == PAGES_PER_TASK:
            yield pages
            pages = []
    if pages:
        yield pages


def drop_duplicates(job: ShardJob, entry: dict[str, Any], ids: list[str]) -> dict[str, Any]:
    """Rewrite one shard's part without the articles whose id an earlier shard holds; idempotent."""
    store = PartStore(job.output, job.storage_options)
    drop = set(ids)
    by_plugin: Counter[str] = Counter()
    with store.fs.open(store.path(entry["part"]), "rb") as source, store.staged(entry["part"]) as target:
        if job.sink == "parquet":
            kept = _filter_parquet(source, target, drop, by_plugin)
        else:
            kept = _filter_jsonl(source, target, drop, by_plugin)
        store.check_owner(job.token)
    counts = entry["counts"]
    removed = entry["records"] - kept
    counts["ingested"] -= removed
    counts["duplicates"] += removed
    for plugin, number in by_plugin.items():
        counts["ingested_by_plugin"][plugin] = counts["ingested_by_plugin"].get(plugin, 0) - number
    updated = {**entry, "records": kept, "removed": sorted(drop), "counts": counts}
    store.commit(updated)
    return updated


def _filter_jsonl(source: IO[bytes], target: IO[bytes], drop: set[str], by_plugin: Counter[str]) -> int:
    import json

    kept = 0
    for line in source:
        data = json.loads(line)
        if data["id"] in drop:
            by_plugin[data["provenance"]["plugin"]] += 1
        else:
            target.write(line)
            kept += 1
    return kept


def _filter_parquet(source: IO[bytes], target: IO[bytes], drop: set[str], by_plugin: Counter[str]) -> int:
    from masthead.io.parquet import import_pyarrow

    pa = import_pyarrow()
    import pyarrow.compute as pc

    table = pa.parquet.read_table(source)
    dropped = pc.is_in(table["id"], value_set=pa.array(sorted(drop), pa.string()))
    for plugin in table.filter(dropped)["provenance"].combine_chunks().field("plugin").to_pylist():
        by_plugin[plugin] += 1
    kept = table.filter(pc.invert(dropped))
    pa.parquet.write_table(kept, target, compression="zstd")
    return int(kept.num_rows)


@attrs.define(frozen=True)
class ShardRun:
    """The user's request for a run by shard."""

    paths: tuple[str, ...]
    output: str
    job: ShardJob
    prefix: str | None = None
    resume: bool = False
    scheduler: str | None = None
    workers: int = 1


def ingest_shards(run: ShardRun, readers: Any, expected: object) -> Summary:
    """List the shards, run the tasks of those not yet committed, dedup, write the manifest."""
    from masthead.run.dask_engine import open_client

    job = attrs.evolve(run.job, token=uuid.uuid4().hex)
    store = PartStore(run.output, job.storage_options)
    started = Summary().started
    listing = list_shards(run.paths, readers, prefix=run.prefix, storage_options=job.storage_options)
    inside = [url for url in listing.shards if store.holds(url)]
    foreign = next((url for url in inside if not store.owns(url)), None)
    if foreign is not None:
        raise ValueError(f"the input {foreign} lies inside the output {run.output}: write the output elsewhere")
    listing.shards[:] = [url for url in listing.shards if url not in inside]  # never read our own parts
    failed: list[Rejection] = list(listing.rejections)
    with open_client(run.scheduler, run.workers) as client:
        _check_workers(client, job)
        # Only now, with the inputs listed and the cluster there, does the
        # run take the output over: a run that cannot start leaves an
        # earlier run's manifest and entries as they were.
        store.start(job.token, run.resume)
        entries = store.entries() if run.resume else {}
        todo = [url for url in listing.shards if shard_id(url) not in entries]
        log.info("shards_listed", shards=len(listing.shards), done=len(listing.shards) - len(todo))
        log.info("run_started", runner="dask", scheduler=client.scheduler.address, workers=len(client.nthreads()))
        for outcome in _run_tasks(client, job, tasks(todo, readers), expected):
            if isinstance(outcome, Rejection):
                failed.append(outcome)
            else:
                entries[outcome["id"]] = outcome
        if job.dedup:
            _check_still_owner(store, job, run)
            for entry in _deduplicate(client, job, listing.shards, entries, run):
                entries[entry["id"]] = entry
    _check_still_owner(store, job, run)
    summary = Summary(started=started, skipped=len(listing.skipped))
    return _finish(run, store, summary, listing.shards, entries, failed)


class OutputTakenOver(RuntimeError):
    """Another run started on the same output while this one ran."""


def _check_still_owner(store: PartStore, job: ShardJob, run: ShardRun) -> None:
    """Stop before the run changes parts it no longer owns: a run that
    started on the same output since (an object store has no lock) wrote
    entries this one would otherwise delete or rewrite."""
    try:
        store.check_owner(job.token)
    except Superseded:
        raise OutputTakenOver(
            f"another run took over {run.output} while this one ran; nothing more is written by this one"
        ) from None


def _check_workers(client: Any, job: ShardJob) -> None:
    from masthead.run.dask_engine import wait_for_workers

    wait_for_workers(client)
    if job.supervised and not all(client.run(can_start_processes).values()):
        raise ClusterSetupError(NO_CHILDREN)


def _run_tasks(
    client: Any, job: ShardJob, groups: Iterable[list[str]], expected: object
) -> Iterator[dict[str, Any] | Rejection]:
    """Submit shard tasks, at most twice the cluster's threads at once; yield each shard's outcome.

    A task of several shards that fails is split: each shard runs again alone,
    so one bad shard costs only itself.
    """
    from masthead.run.dask_engine import import_distributed

    distributed = import_distributed()
    window = 2 * max(1, sum(client.nthreads().values()))
    pending = iter(groups)
    alone: list[list[str]] = []
    in_flight: dict[Any, list[str]] = {}
    finished = distributed.as_completed()
    tag = uuid.uuid4().hex[:8]

    def feed() -> None:
        while len(in_flight) < window:
            urls = alone.pop() if alone else next(pending, None)
            if urls is None:
                return
            key = f"masthead-shard-{shard_id(urls[0])}-{len(urls)}-{tag}"
            future = client.submit(process_shards, job, urls, key=key, pure=False, retries=RETRIES)
            in_flight[future] = urls
            finished.add(future)

    feed()
    for future in finished:
        urls = in_flight.pop(future)
        try:
            got, entries = future.result()
        except ClusterSetupError:
            raise
        except Exception as exc:  # noqa: BLE001 - a shard's failure costs that shard, named, not the run
            if len(urls) > 1:
                alone.extend([url] for url in reversed(urls))
            elif isinstance(exc, distributed.KilledWorker):
                yield _shard_rejection(urls[0], "worker_died", f"workers died running this shard ({exc})")
            else:
                yield _shard_rejection(urls[0], "unreadable", f"{type(exc).__name__}: {exc}")
        else:
            check_fingerprint(got, expected)
            for entry in entries:
                log.info(
                    "shard_done", shard=entry["shard"], records=entry["records"], rejected=entry["counts"]["rejected"]
                )
                yield entry
        finally:
            future.release()
        feed()


def _shard_rejection(url: str, reason: str, error: str) -> Rejection:
    log.warning("shard_failed", shard=url, reason=reason, error=error)
    return Rejection(input=url, stage="read", reason=reason, error=f"masthead: {error}")


def _deduplicate(
    client: Any, job: ShardJob, order: list[str], entries: dict[str, dict[str, Any]], run: ShardRun
) -> list[dict[str, Any]]:
    """Drop, from each shard, the articles an earlier shard (in listing order) still holds.

    Only the ids a part still holds count: those an earlier pass removed
    from it are in another part, which keeps them, whatever order a resumed
    run lists the shards in (an id removed everywhere would be lost).
    """
    seen: set[int] = set()
    futures = []
    for url in order:
        entry = entries.get(shard_id(url))
        if entry is None:
            continue
        removed = set(entry.get("removed") or ())
        held = [i for i in entry["ids"] if i not in removed]
        keys = [int(i, 16) for i in held]
        duplicates = {i for i, key in zip(held, keys, strict=True) if key in seen}
        seen.update(keys)
        if duplicates:
            drop = sorted(removed | duplicates)
            futures.append(client.submit(drop_duplicates, job, entry, drop, pure=False, retries=RETRIES))
    try:
        return list(client.gather(futures))
    except Superseded:
        raise OutputTakenOver(
            f"another run took over {run.output} while this one ran; nothing more is written by this one"
        ) from None


def _finish(
    run: ShardRun,
    store: PartStore,
    summary: Summary,
    order: list[str],
    entries: dict[str, dict[str, Any]],
    failed: list[Rejection],
) -> Summary:
    for record in failed:
        summary.count(record)
    if failed:
        with store.staged(CLIENT_REJECTS) as handle:
            handle.writelines((to_json_line(record) + "\n").encode("utf-8") for record in failed)
    parts = []
    for url in order:
        entry = entries.get(shard_id(url))
        if entry is None:
            continue
        _add(summary, entry["counts"])
        parts.append(
            {
                "shard": url,
                "path": entry["part"],
                "records": entry["records"],
                "rejects": entry["rejects"],
                "rejected": entry["counts"]["rejected"],
            }
        )
    summary.finish()
    keep = {p["path"] for p in parts} | {p["rejects"] for p in parts if p["rejects"]}
    if failed:
        keep.add(CLIENT_REJECTS)
    from masthead import __version__

    manifest = {
        "format": SHARDED_FORMAT,
        "masthead_version": __version__,
        "schema_version": SCHEMA_VERSION,
        "created_at": datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
        "engine": "dask",
        "scheduler": run.scheduler or "local cluster",
        "sink": run.job.sink,
        "inputs": list(run.paths),
        "records": sum(p["records"] for p in parts),
        "parts": parts,
        "client_rejects": CLIENT_REJECTS if failed else None,
        "incomplete_shards": [r.input for r in failed if r.reason in ("worker_died", "unreadable")],
        "counts": summary.to_dict(),
    }
    store.finish(keep, manifest)
    return summary


def _add(summary: Summary, counts: dict[str, Any]) -> None:
    summary.read += counts["read"]
    summary.ingested += counts["ingested"]
    summary.rejected += counts["rejected"]
    summary.duplicates += counts["duplicates"]
    summary.rejected_by_reason.update(counts["rejected_by_reason"])
    summary.ingested_by_plugin.update({k: v for k, v in counts["ingested_by_plugin"].items() if v})
    summary.rejected_by_plugin.update(counts["rejected_by_plugin"])


def ingest_on_cluster(options: IngestOptions, plugins: Plugins, pipeline: Pipeline, config: PipelineConfig) -> Summary:
    """``masthead ingest --engine dask``: :func:`ingest_shards` with the session's errors."""
    from masthead.run.session import Interrupted, SessionError

    # Workers resolve paths in their own working directory: local ones go out absolute.
    output = options.output if is_url(options.output) else os.path.abspath(options.output)
    job = ShardJob(
        config=attrs.evolve(config, log=options.log),
        output=output,
        storage_options=dict(options.storage_options),
        sink=options.sink,
        timeout=options.timeout,
        memory_limit_mb=options.memory_limit_mb or None,
        dedup=not options.keep_duplicates,
    )
    run = ShardRun(
        paths=tuple(path if is_url(path) or path == "-" else os.path.abspath(path) for path in options.paths),
        output=output,
        job=job,
        prefix=options.prefix,
        resume=options.resume,
        scheduler=options.scheduler,
        workers=options.workers,
    )
    try:
        return ingest_shards(run, plugins.readers, fingerprint(pipeline))
    except (ClusterSetupError, OutputTakenOver, ValueError, NotADirectoryError) as exc:
        raise SessionError(str(exc)) from None
    except KeyboardInterrupt:
        raise Interrupted(Summary(), resumable=True) from None
