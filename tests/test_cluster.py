"""Runs by shard on a real cluster, reading from and writing to a real S3 server.

One module-wide S3 server (moto in server mode on 127.0.0.1), a bucket of
WARC shards, a Common Crawl style paths file and page files, and one
``dask scheduler`` with two ``dask worker`` processes started as
subprocesses. Everything a user sees goes through the installed
``masthead`` command; credentials and the endpoint reach the client and
the workers only through fsspec's and boto's environment variables.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import distributed
import pytest
import structlog.testing
from moto.server import ThreadedMotoServer
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from masthead.io.partitioned import PartStore
from masthead.models import Rejection
from masthead.run.cluster import ShardJob, ShardRun, ingest_shards, process_shards
from masthead.run.runconfig import PipelineConfig, fingerprint
from test_cli import SEEDS, masthead_command
from test_runners import comparable

BUCKET = "crawl"
TESTS = Path(__file__).parent
Line = dict[str, Any]


@attrs.define
class S3:
    endpoint: str
    env: dict[str, str]
    fs: Any

    def text(self, key: str) -> str:
        with self.fs.open(f"{BUCKET}/{key}", "rb") as handle:
            return str(handle.read().decode("utf-8"))

    def lines(self, key: str) -> list[Line]:
        return [json.loads(line) for line in self.text(key).splitlines()]

    def keys(self, prefix: str) -> list[str]:
        self.fs.invalidate_cache()
        return sorted(k.split("/", 1)[1] for k in self.fs.find(f"{BUCKET}/{prefix}"))


@pytest.fixture(scope="module")
def s3() -> Iterator[S3]:
    import s3fs

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    env = {
        "FSSPEC_S3_ENDPOINT_URL": endpoint,
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
    }
    fs = s3fs.S3FileSystem(key="testing", secret="testing", endpoint_url=endpoint, skip_instance_cache=True)
    fs.mkdir(BUCKET)
    _fill(fs)
    try:
        yield S3(endpoint, env, fs)
    finally:
        server.stop()


def _warc(pages: list[tuple[str, bytes, str]], gzipped: bool = True) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzipped)
    for url, payload, content_type in pages:
        http = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=http)
        writer.write_record(record)
    return buffer.getvalue()


def _fill(fs: Any) -> None:
    """Three WARC shards (one page in two of them), a paths file, pages with a sidecar, bad pages."""
    dumps = [(f"https://news.example/{seed.stem}", seed.read_bytes(), "text/plain") for seed in SEEDS]
    cut = [(f"{url}/cut", b"\n".join(data.splitlines()[:12]), kind) for url, data, kind in dumps]
    unclaimed = ("https://news.example/nobody", b"Nothing any outlet would claim.\nJust a line.", "text/plain")
    image = ("https://news.example/logo.png", b"\x89PNG\r\n", "image/png")
    shards = {
        "warc/a.warc.gz": _warc([dumps[0], dumps[1], dumps[2], cut[0]]),
        "warc/b.warc.gz": _warc([dumps[2], dumps[3], image, cut[1], cut[2]]),  # dumps[2] again: a duplicate
        "warc/c.warc": _warc([dumps[4], unclaimed, cut[3], cut[4]], gzipped=False),
    }
    for key, data in shards.items():
        fs.pipe(f"{BUCKET}/cc/{key}", data)
    fs.pipe(f"{BUCKET}/warc.paths.gz", gzip.compress("".join(f"cc/{key}\n" for key in shards).encode()))
    for seed in SEEDS[:3]:
        fs.pipe(f"{BUCKET}/pages/{seed.name}", seed.read_bytes())
    url = json.dumps({"url": "https://www.themoscowtimes.com/2024/01/01/a-page"}).encode()
    fs.pipe(f"{BUCKET}/pages/{SEEDS[1].stem}.meta.json", url)
    fs.pipe(f"{BUCKET}/pages/empty.txt", b"")
    fs.pipe(f"{BUCKET}/pages/notes.bin", b"not a page")


INPUTS = (f"s3://{BUCKET}/warc.paths.gz", "--prefix", f"s3://{BUCKET}", f"s3://{BUCKET}/pages")


@attrs.define
class Cluster:
    address: str
    workers: list[subprocess.Popen[bytes]]
    start_worker: Callable[[], subprocess.Popen[bytes]]
    env: dict[str, str]


def _stop(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=30)


@pytest.fixture(scope="module")
def cluster(s3: S3, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    """``dask scheduler`` and two ``dask worker`` processes on loopback, as a user starts them."""
    where = tmp_path_factory.mktemp("dask")
    dask = str(Path(sys.executable).with_name("dask"))
    env = {
        **os.environ,
        **s3.env,
        "DASK_DISTRIBUTED__WORKER__DAEMON": "False",  # workers may start a supervised child per task
        "PYTHONPATH": os.pathsep.join([str(TESTS), os.environ.get("PYTHONPATH", "")]),
    }
    log = (where / "cluster.log").open("wb")
    scheduler_file = where / "scheduler.json"
    common = {"env": env, "stdout": log, "stderr": log, "start_new_session": True}
    scheduler = subprocess.Popen(
        [dask, "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
         "--scheduler-file", str(scheduler_file)], **common,
    )  # fmt: skip

    def start_worker() -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            [dask, "worker", "--scheduler-file", str(scheduler_file), "--nthreads", "1", "--host", "127.0.0.1",
             "--no-dashboard", "--memory-limit", "0"], **common,
        )  # fmt: skip

    workers = [start_worker(), start_worker()]
    try:
        deadline = time.monotonic() + 60
        while not scheduler_file.exists():
            assert time.monotonic() < deadline, "the scheduler did not start"
            time.sleep(0.1)
        address = json.loads(scheduler_file.read_text())["address"]
        with distributed.Client(address) as client:
            client.wait_for_workers(2, timeout=60)
        yield Cluster(address, workers, start_worker, env)
    finally:
        for process in [*workers, scheduler]:
            _stop(process)
        log.close()


def masthead(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*masthead_command(), *args], env={**os.environ, **env}, capture_output=True, text=True, timeout=180
    )


@pytest.fixture(scope="module")
def reference(s3: S3, tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], list[str]]:
    """The in-process run of the same URLs, read through fsspec on this machine."""
    where = tmp_path_factory.mktemp("reference")
    out, rejects = where / "out.jsonl", where / "rejects.jsonl"
    result = masthead("ingest", *INPUTS, "-o", str(out), "--rejects", str(rejects), "--workers", "1", env=s3.env)
    assert result.returncode == 1, result.stderr
    articles = [comparable(json.loads(line)) for line in out.read_text().splitlines()]
    rejected = [comparable(json.loads(line)) for line in rejects.read_text().splitlines()]
    assert len(articles) >= 10 and {json.loads(r)["reason"] for r in rejected} >= {"empty", "unclaimed"}
    return articles, sorted(rejected)


def cluster_output(s3: S3, prefix: str) -> tuple[list[str], list[str], Line]:
    """Articles of every part in manifest order, all rejections sorted, and the manifest."""
    manifest = json.loads(s3.text(f"{prefix}/manifest.json"))
    articles = [comparable(x) for part in manifest["parts"] for x in s3.lines(f"{prefix}/{part['path']}")]
    rejected = sorted(comparable(x) for key in s3.keys(f"{prefix}/rejects/") for x in s3.lines(key))
    return articles, rejected, manifest


def test_a_cluster_run_from_the_bucket_writes_the_in_process_records_back_to_it(
    s3: S3, cluster: Cluster, reference: tuple[list[str], list[str]]
) -> None:
    result = masthead("ingest", *INPUTS, "-o", f"s3://{BUCKET}/out", "--scheduler", cluster.address, env=s3.env)
    assert result.returncode == 1, result.stderr
    articles, rejected, manifest = cluster_output(s3, "out")
    assert articles == reference[0]  # shard order, duplicates across shards dropped as in one process
    assert rejected == reference[1]
    assert manifest["counts"]["duplicates"] == 1 and manifest["records"] == len(articles)
    parts = {p["path"] for p in manifest["parts"]}
    assert parts == {k.split("/", 1)[1] for k in s3.keys("out/") if k.startswith("out/part-")}
    assert not s3.keys("out/_staging/")
    assert manifest["parts"][0]["shard"] == f"s3://{BUCKET}/cc/warc/a.warc.gz"


def test_parquet_parts_read_back_in_duckdb_and_pandas_without_options(
    s3: S3, cluster: Cluster, reference: tuple[list[str], list[str]], tmp_path: Path
) -> None:
    import duckdb
    import pandas

    result = masthead("ingest", *INPUTS, "-o", f"s3://{BUCKET}/lake", "--scheduler", cluster.address,
                      "--sink", "parquet", "--timeout", "0", env=s3.env)  # fmt: skip
    assert result.returncode == 1, result.stderr
    manifest = json.loads(s3.text("lake/manifest.json"))
    local = tmp_path / "lake"
    local.mkdir()
    for part in manifest["parts"]:
        s3.fs.get(f"{BUCKET}/lake/{part['path']}", str(local / part["path"]))
    expected = [json.loads(line) for line in reference[0]]
    frame = pandas.concat([pandas.read_parquet(local / p["path"]) for p in manifest["parts"]])
    assert list(frame["id"]) == [x["id"] for x in expected]
    assert str(frame["published"].dtype).startswith("datetime64") and frame["published"].dt.tz is not None
    rows = duckdb.sql(
        f"SELECT id, title, body, provenance.plugin, published FROM read_parquet('{local}/*.parquet')"
    ).fetchall()
    by_id = {row[0]: row for row in rows}
    for article in expected:
        _, title, body, plugin, published = by_id[article["id"]]
        assert (title, list(body), plugin) == (article["title"], article["body"], article["provenance"]["plugin"])
        assert (published is None) == (article["published"] is None)


def _wait_for_commits(s3: S3, prefix: str, process: subprocess.Popen[str], count: int = 1) -> None:
    deadline = time.monotonic() + 120
    while len(s3.keys(f"{prefix}/_shards/")) < count:
        assert process.poll() is None, "the run ended before it could be interrupted"
        assert time.monotonic() < deadline
        time.sleep(0.05)


def _start(s3: S3, cluster: Cluster, prefix: str, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*masthead_command(), "ingest", *INPUTS, "-o", f"s3://{BUCKET}/{prefix}", "--scheduler", cluster.address,
         *extra], env={**os.environ, **s3.env}, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def test_a_killed_client_is_finished_by_resume_without_loss_or_duplicates(
    s3: S3, cluster: Cluster, reference: tuple[list[str], list[str]]
) -> None:
    client = _start(s3, cluster, "resumed")
    _wait_for_commits(s3, "resumed", client)
    client.kill()
    client.communicate(timeout=30)
    assert not s3.keys("resumed/manifest.json")
    result = masthead("ingest", *INPUTS, "-o", f"s3://{BUCKET}/resumed", "--scheduler", cluster.address,
                      "--resume", env=s3.env)  # fmt: skip
    assert result.returncode == 1, result.stderr
    articles, rejected, manifest = cluster_output(s3, "resumed")
    assert articles == reference[0] and rejected == reference[1]
    assert len({json.loads(a)["id"] for a in articles}) == len(articles)
    assert manifest["counts"]["read"] == len(reference[0]) + len(reference[1]) + 1  # + the duplicate


def test_a_worker_killed_mid_run_costs_no_record(
    s3: S3, cluster: Cluster, reference: tuple[list[str], list[str]]
) -> None:
    client = _start(s3, cluster, "survivor")
    _wait_for_commits(s3, "survivor", client)
    _stop(cluster.workers.pop(0))  # the worker, its nanny and its supervised child
    _, stderr = client.communicate(timeout=180)
    cluster.workers.append(cluster.start_worker())
    assert client.returncode == 1, stderr
    articles, rejected, _ = cluster_output(s3, "survivor")
    assert articles == reference[0] and rejected == reference[1]


FAULTY = PipelineConfig(load_entry_points=False, extra=(("misbehaving", "misbehaving_plugins"),))


def faulty_run(
    s3: S3, cluster: Cluster, name: str, faults: list[str], **budget: Any
) -> tuple[int, int, list[tuple[str, str | None]]]:
    """A shard of ``MISBEHAVING`` documents, one a fault: ingested, rejected, and ``(reason, plugin)`` sorted."""
    lines = [{"text": f"MISBEHAVING {n}\n{fault}"} for n, fault in enumerate(faults)]
    s3.fs.pipe(f"{BUCKET}/faults/{name}.jsonl", "".join(json.dumps(x) + "\n" for x in lines).encode())
    options = {"endpoint_url": s3.endpoint, "key": "testing", "secret": "testing"}  # as --storage-options
    job = ShardJob(config=FAULTY, output=f"s3://{BUCKET}/{name}", storage_options=options, **budget)
    run = ShardRun(paths=(f"s3://{BUCKET}/faults/{name}.jsonl",), output=job.output, job=job, scheduler=cluster.address)
    summary = ingest_shards(run, FAULTY.load_plugins().readers, fingerprint(FAULTY.build()))
    rejected = [Rejection(**x) for key in s3.keys(f"{name}/rejects/") for x in s3.lines(key)]
    return summary.ingested, summary.rejected, sorted((r.reason, r.plugin) for r in rejected)


def test_time_and_memory_budgets_hold_on_dask_and_name_the_plugin(s3: S3, cluster: Cluster) -> None:
    faults = ["fine", "FAULT:hang", "FAULT:exit", "fine", "FAULT:hog"]
    # The hog fills 16 MB blocks up to the 512 MB cap: a few hundred MB of
    # zeroed pages, which on a loaded machine can take more than a second,
    # so the time budget leaves room for that and still stops the hang.
    ingested, rejected, named = faulty_run(s3, cluster, "faulty", faults, timeout=4.0, memory_limit_mb=512)
    assert (ingested, rejected) == (2, 3)
    assert named == [("memory_limit", "misbehaving"), ("timeout", "misbehaving"), ("worker_died", "misbehaving")]


def test_without_a_budget_a_plugin_that_exits_costs_one_record_on_dask(s3: S3, cluster: Cluster) -> None:
    faults = ["fine", "FAULT:sysexit", "FAULT:keyboard", "FAULT:oom", "fine"]
    ingested, rejected, named = faulty_run(s3, cluster, "exits", faults, timeout=None)
    assert (ingested, rejected) == (2, 3)
    assert named == [("memory_limit", "misbehaving"), ("plugin_error", "misbehaving"), ("plugin_error", "misbehaving")]


def test_a_supervised_task_files_each_record_under_its_own_shard(tmp_path: Path) -> None:
    """Single pages share a task and its supervised child, which takes them
    in batches: a fault or an unreadable line among them is delivered
    before the batch's other records, yet every part holds its own shard's
    records (shards are committed in order)."""
    for case, middle in (("fault", "Title 2\nMISBEHAVING page 2.\nFAULT:exit"), ("unreadable", None)):
        urls = []
        for n in range(4):
            text = middle if n == 2 else f"Title {n}\nMISBEHAVING page {n}."
            line = "{not json" if text is None else json.dumps({"text": text})
            path = tmp_path / case / f"s{n}.jsonl"
            path.parent.mkdir(exist_ok=True)
            path.write_text(line + "\n")
            urls.append(str(path))
        job = ShardJob(config=FAULTY, output=str(tmp_path / f"out-{case}"), timeout=30.0, token="t")
        PartStore(job.output).start("t", resume=False)
        _, entries = process_shards(job, urls)
        assert [(e["records"], e["counts"]["read"], e["counts"]["rejected"]) for e in entries] == [
            (1, 1, 0),
            (1, 1, 0),
            (0, 1, 1),
            (1, 1, 0),
        ], case
        for url, entry in zip(urls, entries, strict=True):
            part = (tmp_path / f"out-{case}" / entry["part"]).read_text().splitlines()
            assert [json.loads(line)["provenance"]["input"] for line in part] == (
                [] if url == urls[2] else [f"{url}#L1"]
            )


def test_an_interrupted_task_leaves_no_file_under_a_final_name(tmp_path: Path) -> None:
    store = PartStore(str(tmp_path / "out"))
    with pytest.raises(RuntimeError), store.staged("part-x.jsonl") as handle:
        handle.write(b'{"half": ')
        raise RuntimeError("killed while writing")
    assert not (tmp_path / "out" / "part-x.jsonl").exists()
    assert not list((tmp_path / "out" / "_staging").iterdir())


def test_daemonic_workers_refuse_a_budget_instead_of_ignoring_it(tmp_path: Path) -> None:
    import dask

    with dask.config.set({"distributed.worker.daemon": True}), distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address="127.0.0.1:0"
    ) as local:  # fmt: skip
        result = masthead("ingest", str(SEEDS[0]), "-o", str(tmp_path / "out"), "--scheduler",
                          local.scheduler_address, env={})  # fmt: skip
    assert result.returncode == 2 and "DASK_DISTRIBUTED__WORKER__DAEMON=False" in result.stderr
    assert not (tmp_path / "out" / "manifest.json").exists()


def test_a_cluster_run_locks_its_local_files_like_any_run(tmp_path: Path) -> None:
    from masthead.io.checkpoint import OutputLock

    summary = tmp_path / "summary.json"
    lock = OutputLock(str(summary))
    lock.acquire()
    try:
        result = masthead("ingest", str(SEEDS[0]), "-o", str(tmp_path / "out"), "--engine", "dask",
                          "--summary-json", str(summary), "--timeout", "0", env={})  # fmt: skip
    finally:
        lock.release()
    assert result.returncode == 2 and "another masthead run is writing" in result.stderr
    assert not summary.exists() and not (tmp_path / "out" / "manifest.json").exists()


def test_the_local_cluster_runs_no_profiler_and_profiled_workers_are_named(cluster: Cluster) -> None:
    from masthead.run.dask_engine import _profiling, open_client, wait_for_workers

    with open_client(None, 1) as client:
        assert not any(client.run(_profiling).values())
    with distributed.Client(cluster.address) as client, structlog.testing.capture_logs() as logs:
        wait_for_workers(client)
    assert [event["event"] for event in logs] == ["worker_profiler_on"] and len(logs[0]["workers"]) == 2


def test_a_resume_listing_the_shards_in_another_order_keeps_every_article(
    s3: S3, cluster: Cluster, reference: tuple[list[str], list[str]]
) -> None:
    """The article both a.warc.gz and b.warc.gz hold was removed from b's
    part by the first run; a resume walking b before a must not remove it
    from a's part too (it counted the ids b's part no longer holds)."""
    output = f"s3://{BUCKET}/reordered"
    first = masthead("ingest", *INPUTS, "-o", output, "--scheduler", cluster.address, env=s3.env)
    assert first.returncode == 1, first.stderr
    shards = [f"s3://{BUCKET}/cc/warc/{name}" for name in ("c.warc", "b.warc.gz", "a.warc.gz")]
    again = masthead("ingest", *shards, f"s3://{BUCKET}/pages", "-o", output, "--scheduler", cluster.address,
                     "--resume", env=s3.env)  # fmt: skip
    assert again.returncode == 1, again.stderr
    articles, _, manifest = cluster_output(s3, "reordered")
    ids = sorted(json.loads(line)["id"] for line in articles)
    assert ids == sorted(json.loads(line)["id"] for line in reference[0])
    assert manifest["counts"]["duplicates"] == 1


def test_relative_paths_reach_workers_that_run_elsewhere(cluster: Cluster, tmp_path: Path) -> None:
    """Workers resolve a path in their own working directory: the client
    sends local paths out absolute (a relative input read nothing there)."""
    pages = tmp_path / "pages"
    pages.mkdir()
    for seed in SEEDS[:2]:
        (pages / seed.name).write_bytes(seed.read_bytes())
    result = subprocess.run(
        [*masthead_command(), "ingest", "pages", "-o", "out", "--scheduler", cluster.address],
        cwd=tmp_path, capture_output=True, text=True, timeout=180, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert manifest["records"] == 2 and manifest["inputs"] == [str(pages)]


def test_an_output_holding_the_inputs_is_refused_and_they_stay(tmp_path: Path) -> None:
    """A crawl's own ``part-00000.warc.gz`` inside the output directory was
    skipped as a part of the run's, then deleted with its parts."""
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    shard = crawl / "part-00000.warc.gz"
    shard.write_bytes(_warc([("https://news.example/a", SEEDS[0].read_bytes(), "text/plain")]))
    result = masthead("ingest", str(crawl), "-o", str(crawl), "--engine", "dask", "--workers", "1", env={})
    assert result.returncode == 2 and "lies inside the output" in result.stderr
    assert shard.exists() and not (crawl / "manifest.json").exists()


def test_a_run_removes_only_files_named_as_its_parts(tmp_path: Path) -> None:
    out = tmp_path / "out"
    store = PartStore(str(out))
    theirs = [out / "part-00000-spark.jsonl", out / "rejects" / "part-mine.jsonl", out / "notes.txt"]
    ours = [out / "part-0123456789abcdef.jsonl", out / "rejects" / "part-0123456789abcdef.jsonl"]
    for path in (*theirs, *ours):
        path.write_text("{}\n")
    store.finish(set(), {"parts": []})
    assert all(path.exists() for path in theirs) and not any(path.exists() for path in ours)
    assert store.owns(str(ours[0])) and store.owns(str(out / "_shards" / "x.json"))
    assert not any(store.owns(str(path)) for path in theirs)


def test_a_run_that_cannot_start_leaves_the_previous_output_whole(tmp_path: Path) -> None:
    """A fresh run against a scheduler that is not there used to delete the
    earlier run's manifest and entries before it tried to connect."""
    out = tmp_path / "out"
    store = PartStore(str(out))
    store.commit({"id": "0123456789abcdef", "part": "part-0123456789abcdef.jsonl"})
    store.write_json("manifest.json", {"records": 1})
    env = {"DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "2s"}
    result = masthead("ingest", str(SEEDS[0]), "-o", str(out), "--scheduler", "tcp://127.0.0.1:9", env=env)
    assert result.returncode == 2, result.stderr
    assert json.loads((out / "manifest.json").read_text()) == {"records": 1}
    assert [p.name for p in (out / "_shards").iterdir()] == ["0123456789abcdef.json"]


def test_a_run_whose_output_another_run_took_over_stops_before_changing_it(tmp_path: Path) -> None:
    from masthead.run.cluster import OutputTakenOver, _check_still_owner

    store = PartStore(str(tmp_path / "out"))
    job = ShardJob(config=PipelineConfig(), output=str(tmp_path / "out"), token="first")
    run = ShardRun(paths=(), output=str(tmp_path / "out"), job=job)
    store.start("first", resume=False)
    _check_still_owner(store, job, run)  # still its own
    store.start("second", resume=True)  # another client, same output
    with pytest.raises(OutputTakenOver, match="another run took over"):
        _check_still_owner(store, job, run)


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs a folder that refuses new files (Linux /proc)")
def test_a_cluster_run_whose_lock_cannot_be_made_is_a_write_error() -> None:
    result = masthead("ingest", str(SEEDS[0]), "-o", "/proc/masthead-out", "--engine", "dask", env={})
    assert result.returncode == 5 and "Traceback" not in result.stderr, result.stderr
    assert "cannot write /proc/.masthead-out.lock" in result.stderr


def test_local_names_of_a_paths_file_go_to_workers_absolute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from masthead.cli import load_plugins
    from masthead.io.shards import list_shards

    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "a.txt").write_bytes(SEEDS[0].read_bytes())
    (tmp_path / "list.paths").write_text("a.txt\n")
    (tmp_path / "list2.paths").write_text("data/a.txt\n")
    monkeypatch.chdir(tmp_path)
    readers = load_plugins((), None, False).readers
    expected = [str(tmp_path / "data" / "a.txt")]
    assert list_shards(("list.paths",), readers, prefix="data").shards == expected
    assert list_shards(("list2.paths",), readers).shards == expected
