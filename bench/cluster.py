"""A run by shard on a real Dask cluster: client CPU, 1 vs 2 workers, peak RSS per worker.

Builds ``--shards`` WARC shards of ``--docs`` pages in all (the benchmark
corpus's HTML pages, or the seed text dumps with ``--text``), starts a
``dask scheduler`` and ``dask worker`` processes on loopback, and runs
``masthead ingest SHARDS -o OUT --scheduler ADDRESS`` with 1 and then 2
workers. It reports:

* the client's CPU seconds (user + system of the ``masthead`` process,
  start-up included) per 1,000 documents, and as a share of the workers' CPU;
* throughput with 1 and 2 workers, and the parallel efficiency
  ``(docs/s with 2) / (2 x docs/s with 1)``;
* each worker's peak RSS (``ru_maxrss`` of the worker process and of its
  reaped children).

    cd bench && python cluster.py --docs 2000 --shards 8
    cd bench && python cluster.py --text --docs 100000 --shards 40 --only 2   # the 100k RSS run
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import random
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from corpus import GENERIC_SHARE, ROOT, generic_page, outlet_page, templates
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

#: How docs/cluster.md starts workers: they may start processes; no statistical profiler.
WORKER_ENV = {"DASK_DISTRIBUTED__WORKER__DAEMON": "False", "DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED": "False"}
_CANONICAL = re.compile(rb'<link rel="canonical" href="([^"]+)"')


def pages(docs: int, text: bool) -> Iterator[tuple[str, bytes, str]]:
    rng = random.Random(0)
    if text:
        seeds = [p.read_bytes() for p in sorted((ROOT / "corpus").glob("*.txt"))]
        distinct = [(s, "text/plain; charset=utf-8") for s in seeds]
    else:
        outlets = templates()
        distinct = [
            (
                (generic_page(rng, n, "medium") if rng.random() < GENERIC_SHARE else outlet_page(
                    rng, rng.choice(outlets), n, rng.choice(["small", "medium"]))).encode(),
                "text/html; charset=utf-8",
            )
            for n in range(min(docs, 200))
        ]  # fmt: skip
    for number in range(docs):
        data, kind = distinct[number % len(distinct)]
        canonical = _CANONICAL.search(data)
        base = canonical.group(1).decode() if canonical else f"https://bench{number % 97}.example/page.html"
        yield f"{base}?copy={number}", data, kind


def build(folder: Path, docs: int, shards: int, text: bool) -> None:
    folder.mkdir(parents=True)
    writers = []
    handles = []
    for n in range(shards):
        handle = (folder / f"shard-{n:04d}.warc.gz").open("wb")
        handles.append(handle)
        writers.append(WARCWriter(handle, gzip=True))
    for number, (url, data, kind) in enumerate(pages(docs, text)):
        http = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.1")
        writer = writers[number % shards]
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(data), http_headers=http))
    for handle in handles:
        handle.close()


def _usage() -> dict[str, float]:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "cpu": own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime,
        "peak_rss_mb": max(own.ru_maxrss, children.ru_maxrss) / 1024,
    }


@contextlib.contextmanager
def cluster(workers: int, where: Path, env: dict[str, str]) -> Iterator[str]:
    import distributed

    dask = str(Path(sys.executable).with_name("dask"))
    scheduler_file = where / f"scheduler-{workers}.json"
    log = (where / f"cluster-{workers}.log").open("wb")
    common: dict[str, Any] = {"env": env, "stdout": log, "stderr": log, "start_new_session": True}
    processes = [
        subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                          "--scheduler-file", str(scheduler_file)], **common)
    ]  # fmt: skip
    for _ in range(workers):
        processes.append(
            subprocess.Popen([dask, "worker", "--scheduler-file", str(scheduler_file), "--nthreads", "1",
                              "--host", "127.0.0.1", "--no-dashboard", "--memory-limit", "0"], **common)
        )  # fmt: skip
    try:
        while not scheduler_file.exists():
            time.sleep(0.1)
        address = json.loads(scheduler_file.read_text())["address"]
        with distributed.Client(address) as client:
            client.wait_for_workers(workers, timeout=120)
        yield address
    finally:
        for process in processes:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
            process.wait()
        log.close()


def measure(shards: Path, out: Path, workers: int, docs: int, where: Path, timeout: str) -> dict[str, Any]:
    import distributed

    env = {**os.environ, **WORKER_ENV}
    masthead = str(Path(sys.executable).with_name("masthead"))
    with cluster(workers, where, env) as address, distributed.Client(address) as client:
        before = client.run(_usage)
        child = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        result = subprocess.run(
            [masthead, "ingest", str(shards), "-o", str(out), "--scheduler", address, "--keep-duplicates",
             "--timeout", timeout], env=env, capture_output=True, text=True,
        )  # fmt: skip
        wall = time.perf_counter() - start
        after_child = resource.getrusage(resource.RUSAGE_CHILDREN)
        after = client.run(_usage)
    if result.returncode not in (0, 1):
        raise SystemExit(result.stderr)
    client_cpu = (after_child.ru_utime + after_child.ru_stime) - (child.ru_utime + child.ru_stime)
    worker_cpu = sum(after[w]["cpu"] - before[w]["cpu"] for w in after)
    shutil.rmtree(out)
    return {
        "workers": workers,
        "docs": docs,
        "timeout": timeout,
        "wall_s": round(wall, 2),
        "docs_per_s": round(docs / wall, 1),
        "client_cpu_s": round(client_cpu, 2),
        "client_cpu_s_per_1000_docs": round(client_cpu / docs * 1000, 3),
        "workers_cpu_s": round(worker_cpu, 2),
        "client_share_of_workers_cpu": round(client_cpu / worker_cpu, 4) if worker_cpu else None,
        "peak_rss_mb_per_worker": sorted(round(v["peak_rss_mb"]) for v in after.values()),
        "summary": result.stderr.strip().splitlines()[0],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--shards", type=int, default=8)
    parser.add_argument("--text", action="store_true", help="text dumps instead of HTML pages")
    parser.add_argument("--only", type=int, choices=(1, 2), help="run with this many workers only")
    parser.add_argument("--timeout", default="0", help="--timeout for the runs (0: documents run in-thread)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="masthead-bench-") as scratch:
        where = Path(scratch)
        build(where / "shards", args.docs, args.shards, args.text)
        runs = [measure(where / "shards", where / "out", n, args.docs, where, args.timeout)
                for n in ((args.only,) if args.only else (1, 2))]  # fmt: skip
    report: dict[str, Any] = {"cpus": os.cpu_count(), "runs": runs}
    if len(runs) == 2:
        report["parallel_efficiency"] = round(runs[1]["docs_per_s"] / (2 * runs[0]["docs_per_s"]), 3)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
