"""Benchmark: masthead against trafilatura on the same pages, end to end.

For each corpus size it builds (once, cached in ``--work``) a reproducible
corpus of realistic HTML pages (``bench/corpus.py``), then runs, each as its
own subprocess under ``bench/measure.py``:

* ``masthead ingest`` over the pages (``--fallback generic``, so every page
  goes through a source plugin) with each ``--workers`` count;
* trafilatura over the same pages (``bench/trafilatura_extract.py``) with
  the same numbers of processes.

It reports documents per second (wall clock, start-up included), documents
per second per worker, peak RSS (``ru_maxrss`` of the run's children from
``getrusage(RUSAGE_CHILDREN)``; and, when psutil is installed, sampled: the
largest process and the sum over the process tree, see ``measure.py``), and
the masthead/trafilatura ratios, as a Markdown table written into
``docs/benchmark.md`` between the results markers, plus a PNG plot if
matplotlib is installed (``pip install 'masthead[bench]'``).

    python bench/run.py                          # 1,000 and 5,000 pages, 1 and all cores
    python bench/run.py --sizes 1000,10000,100000    # about 2 hours on 2 cores
    python bench/run.py --sizes 2000 --workers 1,2 --no-write
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
START, END = "<!-- results:start -->", "<!-- results:end -->"


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def corpus_for(work: Path, size: int, seed: int) -> Path:
    """The corpus of ``size`` pages, built on first use and kept for the next run."""
    folder = work / f"corpus-{size}-seed{seed}"
    done = folder / "built.json"
    if not done.exists():
        sys.path.insert(0, str(HERE))
        import corpus

        shutil.rmtree(folder, ignore_errors=True)
        started = time.perf_counter()
        made = corpus.build(folder, size, seed=seed)
        made["build_seconds"] = round(time.perf_counter() - started, 1)
        done.write_text(json.dumps(made))
        print(f"built {size} pages in {made['build_seconds']} s: {made}", flush=True)
    return folder / "html"


def measure(command: list[str]) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, str(HERE / "measure.py"), "--", *command], capture_output=True, text=True, check=True
    )
    result: dict[str, Any] = json.loads(out.stdout)
    if result["returncode"] not in (0, 1):
        raise SystemExit(f"{command[0]} failed ({result['returncode']}):\n{result['stderr_tail']}")
    return result


def run_masthead(pages: Path, workers: int, scratch: Path) -> dict[str, Any]:
    masthead = Path(sys.executable).with_name("masthead")
    summary = scratch / "summary.json"
    command = [str(masthead), "--log-level", "error", "ingest", str(pages), "-o", str(scratch / "masthead.jsonl")]
    command += ["--rejects", str(scratch / "rejects.jsonl"), "--fallback", "generic", "--workers", str(workers)]
    command += ["--summary-json", str(summary)]
    result = measure(command)
    stats = json.loads(summary.read_text())
    result["ok"], result["total"] = stats["ingested"], stats["read"]
    return result


def run_trafilatura(pages: Path, workers: int, scratch: Path) -> dict[str, Any]:
    command = [sys.executable, str(HERE / "trafilatura_extract.py"), str(pages), "-o", str(scratch / "traf.jsonl")]
    result = measure([*command, "--workers", str(workers)])
    counts = json.loads(result["stderr_tail"].strip().splitlines()[-1])
    result["ok"], result["total"] = counts["extracted"], counts["extracted"] + counts["empty"]
    return result


def table(rows: list[dict[str, Any]]) -> str:
    lines = [
        "| pages | extractor | workers | seconds | pages/s | pages/s per worker | ru_maxrss (MB) "
        "| largest process (MB) | all processes (MB) | extracted |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        sampled = [f"{r[k]:.0f}" if r.get(k) else "n/a" for k in ("process_rss_mb", "tree_rss_mb")]
        lines.append(
            f"| {r['size']:,} | {r['tool']} | {r['workers']} | {r['seconds']:.1f} | {r['rate']:.1f} "
            f"| {r['rate'] / r['workers']:.1f} | {r['max_rss_mb']:.0f} | {sampled[0]} | {sampled[1]} "
            f"| {r['ok']:,} / {r['total']:,} |"
        )
    return "\n".join(lines)


def ratios(rows: list[dict[str, Any]]) -> str:
    lines = [
        "| pages | workers | speed, masthead / trafilatura | peak RSS of all processes, masthead / trafilatura |",
        "|---:|---:|---:|---:|",
    ]
    index = {(r["size"], r["tool"], r["workers"]): r for r in rows}
    for (size, tool, workers), mine in sorted(index.items()):
        rival = index.get((size, "trafilatura", workers))
        if tool != "masthead" or rival is None:
            continue
        speed, memory = mine["rate"] / rival["rate"], memory_of(mine) / memory_of(rival)
        lines.append(f"| {size:,} | {workers} | {speed:.2f} | {memory:.2f} |")
    return "\n".join(lines)


def memory_of(row: dict[str, Any]) -> float:
    """Peak RSS of the whole run: sampled over the process tree, else ru_maxrss."""
    return float(row.get("tree_rss_mb") or row["max_rss_mb"])


def plot(rows: list[dict[str, Any]], target: Path) -> bool:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    figure, (speed, memory) = plt.subplots(1, 2, figsize=(11, 4.2))
    for tool, workers in sorted({(r["tool"], r["workers"]) for r in rows}):
        mine = sorted((r for r in rows if r["tool"] == tool and r["workers"] == workers), key=lambda r: r["size"])
        label = f"{tool}, {workers} worker{'s' if workers > 1 else ''}"
        style = "-o" if tool == "masthead" else "--s"
        speed.plot([r["size"] for r in mine], [r["rate"] for r in mine], style, label=label)
        memory.plot([r["size"] for r in mine], [memory_of(r) for r in mine], style, label=label)
    for axis, title in ((speed, "pages per second"), (memory, "peak RSS, all processes (MB)")):
        axis.set_xscale("log")
        axis.set_xlabel("pages in the corpus")
        axis.set_title(title)
        axis.grid(True, alpha=0.3)
        axis.set_ylim(bottom=0)
    speed.legend(fontsize=8)
    figure.tight_layout()
    figure.savefig(target, dpi=110)
    return True


def report(rows: list[dict[str, Any]], argv: list[str], plotted: Path | None) -> str:
    import masthead

    command = "python bench/run.py" + (" " + " ".join(argv) if argv else "")
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "n/a"
    parts = [
        START,
        f"Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} with `{command}` on "
        f"{platform.python_implementation()} {platform.python_version()}, {platform.machine()}, {cores()} cores "
        f"(load average after the runs: {load}); masthead {masthead.__version__}, trafilatura "
        f"{_version('trafilatura')}. Wall-clock times include interpreter start-up, reading the pages and "
        "writing JSONL.",
        "",
        table(rows),
        "",
        ratios(rows),
    ]
    if plotted is not None:
        parts += ["", f"![pages per second and peak memory by corpus size]({plotted.name})"]
    parts.append(END)
    return "\n".join(parts)


def _version(name: str) -> str:
    try:
        from importlib.metadata import version

        return version(name)
    except Exception:  # noqa: BLE001 - only for the report line
        return "not installed"


def write_report(document: Path, block: str) -> None:
    text = document.read_text(encoding="utf-8") if document.exists() else f"# Benchmark\n\n{START}\n{END}\n"
    if START in text and END in text:
        head, _, rest = text.partition(START)
        _, _, tail = rest.partition(END)
        text = head + block + tail
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    document.write_text(text, encoding="utf-8")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,5000", help="corpus sizes, comma-separated (default 1000,5000)")
    parser.add_argument("--workers", default=f"1,{cores()}", help="worker counts, comma-separated (default 1,all)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--work", type=Path, default=Path("/tmp/masthead-bench"), help="corpus cache and scratch")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmark.md")
    parser.add_argument("--plot", type=Path, default=ROOT / "docs" / "benchmark.png")
    parser.add_argument("--no-write", action="store_true", help="print the results only")
    parser.add_argument("--skip-trafilatura", action="store_true")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    counts = sorted({int(w) for w in args.workers.split(",")})
    scratch = args.work / "scratch"
    scratch.mkdir(parents=True, exist_ok=True)
    rows = []
    for size in sizes:
        pages = corpus_for(args.work, size, args.seed)
        for workers in counts:
            runners = [("masthead", run_masthead)]
            if not args.skip_trafilatura:
                runners.append(("trafilatura", run_trafilatura))
            for tool, runner in runners:
                result = runner(pages, workers, scratch)
                result.update(tool=tool, size=size, workers=workers, rate=size / result["seconds"])
                rows.append(result)
                print(
                    f"{size:>7} {tool:12s} workers={workers}: {result['seconds']:8.1f} s {result['rate']:7.1f} pages/s "
                    f"max RSS {result['max_rss_mb']:6.0f} MB, tree {result['tree_rss_mb']} MB, "
                    f"{result['ok']}/{result['total']} extracted",
                    flush=True,
                )
    plotted = None
    if not args.no_write and plot(rows, args.plot):
        plotted = args.plot
    block = report(rows, argv, plotted)
    print(block)
    if not args.no_write:
        write_report(args.out, block)
        (args.work / "results.json").write_text(json.dumps(rows, indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
