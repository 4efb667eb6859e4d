"""Benchmark: masthead against trafilatura on the same pages, as ratios.

The machine this runs on is usually shared, so no single timing is trusted:
every comparison runs the two tools alternately (masthead, trafilatura,
masthead, ...) ``--rounds`` times, each run in a fresh process under
``bench/measure.py``, and reports the median of each, CPU time next to wall
time. The corpus (``bench/corpus.py``) is built once per size and seed and
kept in ``--work``. One run reports every row of the speed table:

1. HTML pages, whole process: ``masthead ingest --workers 1 --fallback
   generic`` and ``bench/trafilatura_extract.py`` over the same pages; CPU
   seconds of the whole process (start-up, reading, writing included).
2. The same pages, per document, in process (``bench/hotpath.py``): CPU
   per page without start-up or I/O; then only those of them a source
   plugin claims (the outlet pages: the generic share is trafilatura's
   own extraction plus the fallback's reading, so it cannot be faster
   than trafilatura).
3. Pages per second, one worker, wall clock, on the larger corpus.
4. Text dumps per second per core: dumps divided by the CPU seconds of a
   whole ``masthead ingest --workers 1`` process.
5. Peak RSS of the process (``ru_maxrss``), small and large corpora, both tools.
6. Routing alone of a page no source plugin claims (median CPU per page).

It writes the table between the results markers of ``docs/benchmark.md``
and a plot beside it (matplotlib, ``pip install 'masthead[bench]'``).

    python bench/run.py --quick                 # every row, under 5 minutes on 2 cores
    python bench/run.py                         # 1,000 and 10,000 pages, 6,000 dumps, 5 rounds
    python bench/run.py --memory-sizes 1000,10000,100000 --only memory   # memory to 100,000 pages
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
START, END = "<!-- results:start -->", "<!-- results:end -->"
ROWS = ("cpu", "hot", "rate", "dumps", "memory", "route")


def interpreter() -> str:
    """The Python that ran the tools: version, machine, executable and linkage.

    The same run executes a different number of instructions on different
    builds of one interpreter (see docs/benchmark.md, "The interpreter"), so
    a report names the executable and whether it runs from a shared
    ``libpython`` (position-independent code, thread-local variables
    reached through the dynamic linker). The ``configure`` switches Python
    records are not shown: they can describe another build than the
    executable (Debian's record ``--enable-shared`` for an executable with
    the interpreter linked in, and no optimisation switches for a build
    with them).
    """
    linkage = _linkage()
    # Under the home folder, the path from ``~``: the build, not whose machine it was.
    executable = os.path.realpath(sys.executable)
    home = os.path.expanduser("~")
    if home not in ("~", "/") and executable.startswith(home + os.sep):
        executable = "~" + executable[len(home) :]
    return (
        f"{platform.python_implementation()} {platform.python_version()}, {platform.machine()} "
        f"(`{executable}`{': ' + linkage if linkage else ''})"
    )


def _linkage() -> str | None:
    """Whether this process maps a ``libpython`` shared object, from its
    memory map (Linux); ``None`` where that cannot be read."""
    try:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as maps:
            shared = any("/libpython" in line for line in maps)
    except OSError:
        return None
    return "shared libpython" if shared else "no shared libpython"


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def corpus_for(work: Path, size: int, seed: int, real: Path | None, *, dumps: int = 0) -> Path:
    """The corpus folder of ``size`` pages (and ``dumps`` text dumps), built on first use."""
    # "-varied": dumps whose article lines are rewritten per copy (earlier corpora repeated whole dumps).
    folder = work / f"corpus-{size}-seed{seed}{'-real' if real else ''}{f'-dumps{dumps}-varied' if dumps else ''}"
    done = folder / "built.json"
    if not done.exists():
        sys.path.insert(0, str(HERE))
        import corpus

        shutil.rmtree(folder, ignore_errors=True)
        started = time.perf_counter()
        made = corpus.build(folder, size, seed=seed, real=real, dumps=dumps)
        made["build_seconds"] = round(time.perf_counter() - started, 1)
        done.write_text(json.dumps(made))
        print(f"built {size} pages, {dumps} dumps in {made['build_seconds']} s: {made}", flush=True)
    return folder


def measure(command: list[str]) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, str(HERE / "measure.py"), "--", *command], capture_output=True, text=True, check=True
    )
    result: dict[str, Any] = json.loads(out.stdout)
    if result["returncode"] not in (0, 1):
        raise SystemExit(f"{command[0]} failed ({result['returncode']}):\n{result['stderr_tail']}")
    return result


def run_masthead(pages: Path, scratch: Path) -> dict[str, Any]:
    masthead = Path(sys.executable).with_name("masthead")
    summary = scratch / "summary.json"
    command = [str(masthead), "--log-level", "error", "ingest", str(pages), "-o", str(scratch / "masthead.jsonl")]
    command += ["--rejects", str(scratch / "rejects.jsonl"), "--fallback", "generic", "--workers", "1"]
    command += ["--summary-json", str(summary), "--keep-duplicates"]
    result = measure(command)
    stats = json.loads(summary.read_text())
    result["ok"], result["total"] = stats["ingested"], stats["read"]
    return result


def run_trafilatura(pages: Path, scratch: Path) -> dict[str, Any]:
    command = [sys.executable, str(HERE / "trafilatura_extract.py"), str(pages), "-o", str(scratch / "traf.jsonl")]
    result = measure(command)
    counts = json.loads(result["stderr_tail"].strip().splitlines()[-1])
    result["ok"], result["total"] = counts["extracted"], counts["extracted"] + counts["empty"]
    return result


def hotpath(pages: Path, tool: str, limit: int, *, claimed: bool = False) -> dict[str, Any]:
    command = [sys.executable, str(HERE / "hotpath.py"), str(pages), "--tool", tool, "--limit", str(limit)]
    command += ["--claimed"] if claimed else []
    out = subprocess.run([*command, "--json", "--repeat", "1"], capture_output=True, text=True, check=True)
    result: dict[str, Any] = json.loads(out.stdout)
    return result


def alternate(rounds: int, tools: dict[str, Callable[[], dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    """Run each tool once per round, in turn, so load changes hit both alike."""
    runs: dict[str, list[dict[str, Any]]] = {name: [] for name in tools}
    for number in range(rounds):
        for name, tool in tools.items():
            result = tool()
            runs[name].append(result)
            shown = {k: v for k, v in result.items() if k not in ("stderr_tail",)}
            print(f"round {number + 1}/{rounds} {name}: {shown}", flush=True)
    return runs


def both(pages: Path, scratch: Path) -> dict[str, Callable[[], dict[str, Any]]]:
    """The two whole-process runs over ``pages``, for :func:`alternate`."""
    return {"masthead": lambda: run_masthead(pages, scratch), "trafilatura": lambda: run_trafilatura(pages, scratch)}


def median(runs: list[dict[str, Any]], key: str) -> float:
    return float(statistics.median(float(r[key]) for r in runs))


def compile_bytecode() -> list[str]:
    """Byte-compile the packages timed, as ``pip install`` does for a wheel.

    An editable install (``pip install -e``) leaves masthead's modules to be
    compiled on first import, and under ``PYTHONDONTWRITEBYTECODE`` on every
    start of every process, while trafilatura, installed from a wheel, starts
    from bytecode: whole-process rows would time the compiler. ``compileall``
    writes the caches whatever that variable says; the import system reads
    them either way.
    """
    import compileall
    import importlib.util
    from importlib.metadata import entry_points

    names = {"masthead", "trafilatura"} | {ep.module.split(".")[0] for ep in entry_points(group="masthead")}
    compiled = []
    for name in sorted(names):
        spec = importlib.util.find_spec(name)
        folders = list(spec.submodule_search_locations or ()) if spec else []
        # all(), not any(): every folder of the package is compiled, and it
        # counts as compiled only when each of them was, without an error.
        if folders and all([compileall.compile_dir(folder, quiet=1) for folder in folders]):
            compiled.append(name)
    return compiled


def measure_all(args: argparse.Namespace) -> dict[str, Any]:
    """Every row asked for, as a dict of medians and raw runs."""
    print(f"byte-compiled: {', '.join(compile_bytecode()) or 'nothing'}", flush=True)
    scratch = args.work / "scratch"
    scratch.mkdir(parents=True, exist_ok=True)
    small = corpus_for(args.work, args.pages, args.seed, args.real) / "html"
    found: dict[str, Any] = {"pages": args.pages, "rounds": args.rounds}
    if {"cpu", "rate", "memory"} & args.only:
        found["small"] = alternate(args.rounds, both(small, scratch))
    if "hot" in args.only:
        found["hot"] = alternate(
            args.rounds,
            {name: (lambda name=name: hotpath(small, name, args.hot_pages)) for name in ("masthead", "trafilatura")},
        )
        found["outlets"] = alternate(
            args.rounds,
            {
                name: (lambda name=name: hotpath(small, name, args.hot_pages, claimed=True))
                for name in ("masthead", "trafilatura")
            },
        )
    if "rate" in args.only and args.rate_pages != args.pages:
        large = corpus_for(args.work, args.rate_pages, args.seed, args.real) / "html"
        found["large"] = alternate(args.rounds, both(large, scratch))
    if "dumps" in args.only:
        dumps = corpus_for(args.work, 0, args.seed, None, dumps=args.dumps) / "text"
        found["dumps"] = alternate(args.rounds, {"masthead": lambda: run_masthead(dumps, scratch)})
    if "memory" in args.only:
        found["memory"] = {}
        for size in args.memory_sizes:
            if size == args.pages and "small" in found:
                found["memory"][size] = found["small"]
                continue
            pages = corpus_for(args.work, size, args.seed, args.real) / "html"
            found["memory"][size] = alternate(1, both(pages, scratch))
    if "route" in args.only:
        command = [sys.executable, str(HERE / "hotpath.py"), str(small), "--tool", "route"]
        out = subprocess.run(
            [*command, "--limit", str(args.pages), "--json", "--repeat", "5"],
            capture_output=True,
            text=True,
            check=True,
        )
        found["route"] = json.loads(out.stdout)
    return found


def table(found: dict[str, Any], args: argparse.Namespace) -> tuple[str, list[bool]]:
    """The speed table: masthead, the peer, the ratio and the goal per row."""
    lines = [
        "| work | masthead | trafilatura / floor | ratio | goal | met |",
        "|---|---:|---:|---:|---:|:---:|",
    ]
    met: list[bool] = []

    def row(work: str, mine: str, peer: str, ratio: str, goal: str, ok: bool) -> None:
        met.append(ok)
        lines.append(f"| {work} | {mine} | {peer} | {ratio} | {goal} | {'yes' if ok else 'no'} |")

    pages = found["pages"]
    if "small" in found:
        m, t = found["small"]["masthead"], found["small"]["trafilatura"]
        mc, tc = median(m, "cpu_seconds"), median(t, "cpu_seconds")
        mw, tw = median(m, "seconds"), median(t, "seconds")
        row(
            f"{pages:,} HTML pages, whole process, CPU (wall)",
            f"{mc:.1f} s ({mw:.1f} s)",
            f"{tc:.1f} s ({tw:.1f} s)",
            f"{tc / mc:.2f}× ({tw / mw:.2f}×)",
            "≥ 2.0×",
            tc / mc >= 2.0,
        )
    if "hot" in found:
        mh, th = median(found["hot"]["masthead"], "ms_per_page"), median(found["hot"]["trafilatura"], "ms_per_page")
        pages_hot = found["hot"]["masthead"][0]["pages"]
        row(
            f"same pages ({pages_hot:,}), per document in process, CPU",
            f"{mh:.2f} ms",
            f"{th:.2f} ms",
            f"{th / mh:.2f}×",
            "≥ 2.0×",
            th / mh >= 2.0,
        )
    if "outlets" in found:
        mh, th = (
            median(found["outlets"]["masthead"], "ms_per_page"),
            median(found["outlets"]["trafilatura"], "ms_per_page"),
        )
        pages_hot = found["outlets"]["masthead"][0]["pages"]
        row(
            f"outlet pages of those ({pages_hot:,}, no fallback), per document in process, CPU",
            f"{mh:.2f} ms",
            f"{th:.2f} ms",
            f"{th / mh:.2f}×",
            "≥ 2.0×",
            th / mh >= 2.0,
        )
    large = found.get("large") or (found.get("small") if "rate" in args.only else None)
    if large:
        size = args.rate_pages if "large" in found else pages
        mr, tr = size / median(large["masthead"], "seconds"), size / median(large["trafilatura"], "seconds")
        mcpu = size / median(large["masthead"], "cpu_seconds")
        tcpu = size / median(large["trafilatura"], "cpu_seconds")
        row(
            f"{size:,} HTML pages, 1 worker, pages/s wall (per CPU second)",
            f"{mr:.0f} ({mcpu:.0f})",
            f"{tr:.0f} ({tcpu:.0f})",
            f"{mr / tr:.2f}× ({mcpu / tcpu:.2f}×)",
            "≥ 2.0×",
            mr / tr >= 2.0,
        )
    if "dumps" in found:
        runs = found["dumps"]["masthead"]
        rate = args.dumps / median(runs, "cpu_seconds")
        wall = args.dumps / median(runs, "seconds")
        row(
            f"{args.dumps:,} text dumps, whole process, docs/s per core (wall)",
            f"{rate:,.0f} ({wall:,.0f})",
            "—",
            "—",
            "≥ 2,000",
            rate >= 2000,
        )
    if "memory" in found:
        sizes = sorted(found["memory"])
        rss = {
            tool: [median(found["memory"][s][tool], "max_rss_mb") for s in sizes]
            for tool in ("masthead", "trafilatura")
        }
        growth = rss["masthead"][-1] / rss["masthead"][0] - 1
        row(
            f"peak RSS, {' → '.join(f'{s:,}' for s in sizes)} pages",
            " → ".join(f"{v:.0f}" for v in rss["masthead"]) + " MB",
            " → ".join(f"{v:.0f}" for v in rss["trafilatura"]) + " MB",
            f"{rss['masthead'][-1] / rss['trafilatura'][-1]:.2f}× of trafilatura's",
            "growth ≤ 10%",
            growth <= 0.10,
        )
        found["rss"] = {"sizes": sizes, **rss, "growth": growth}
    if "route" in found:
        r = found["route"]
        row(
            f"routing alone, a page no plugin claims ({r['pages']} pages), median (p90)",
            f"{r['median_ms']:.2f} ms ({r['p90_ms']:.2f} ms)" if r["median_ms"] is not None else "n/a",
            "—",
            "—",
            "≤ 1 ms",
            r["median_ms"] is not None and r["median_ms"] <= 1.0,
        )
    return "\n".join(lines), met


def plot(found: dict[str, Any], target: Path) -> bool:
    """CPU per round of both tools, and peak RSS by corpus size."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    figure, (speed, memory) = plt.subplots(1, 2, figsize=(11, 4.2))
    for tool, style in (("masthead", "-o"), ("trafilatura", "--s")):
        if "small" in found:
            values = [r["cpu_seconds"] for r in found["small"][tool]]
            speed.plot(range(1, len(values) + 1), values, style, label=f"{tool}, {found['pages']:,} pages")
        if "rss" in found:
            memory.plot(found["rss"]["sizes"], found["rss"][tool], style, label=tool)
    speed.set_xlabel("round (the tools alternate)")
    speed.set_title("CPU seconds, whole process, 1 worker")
    memory.set_xscale("log")
    memory.set_xlabel("pages in the corpus")
    memory.set_title("peak RSS (MB)")
    for axis in (speed, memory):
        axis.grid(True, alpha=0.3)
        axis.set_ylim(bottom=0)
        axis.legend(fontsize=8)
    figure.tight_layout()
    figure.savefig(target, dpi=110)
    return True


#: Options naming folders of this machine, shown as placeholders in the report.
_PLACEHOLDERS = {"--real": "PATH/TO/{name}", "--work": "WORK"}


def _portable(argv: list[str]) -> list[str]:
    """``argv`` with this machine's folders replaced by placeholders, for a published report."""
    shown: list[str] = []
    for arg in argv:
        option, eq, value = arg.partition("=")
        if shown and shown[-1] in _PLACEHOLDERS:
            arg = _PLACEHOLDERS[shown[-1]].format(name=Path(arg).name)
        elif eq and option in _PLACEHOLDERS:
            arg = f"{option}={_PLACEHOLDERS[option].format(name=Path(value).name)}"
        shown.append(arg)
    return shown


def report(text: str, args: argparse.Namespace, argv: list[str], plotted: Path | None) -> str:
    import masthead

    command = " ".join(["python bench/run.py", *_portable(argv)])
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "n/a"
    parts = [
        START,
        f"Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} with `{command}` on "
        f"{interpreter()}, {cores()} cores "
        f"(load average after the runs: {load}); masthead {masthead.__version__}, trafilatura "
        f"{_version('trafilatura')}. Medians of {args.rounds} alternating runs per tool; seed {args.seed}"
        f"{', real pages from ' + args.real.name + '/' if args.real else ''}.",
        "",
        text,
    ]
    if plotted is not None:
        parts += ["", f"![CPU per run and peak memory by corpus size]({plotted.name})"]
    parts.append(END)
    return "\n".join(parts)


def _version(name: str) -> str:
    try:
        from importlib.metadata import version

        return version(name)
    except Exception:  # noqa: BLE001 - only for the report line
        return "not installed"


def write_report(document: Path, block: str, start: str = START, end: str = END) -> None:
    """Put ``block`` between the ``start`` and ``end`` markers of ``document``."""
    text = document.read_text(encoding="utf-8") if document.exists() else f"# Benchmark\n\n{start}\n{end}\n"
    if start in text and end in text:
        head, _, rest = text.partition(start)
        _, _, tail = rest.partition(end)
        text = head + block + tail
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    document.write_text(text, encoding="utf-8")


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes: every row in under 5 minutes")
    parser.add_argument("--rounds", type=int, help="alternating runs per tool (default 5; --quick 3)")
    parser.add_argument("--pages", type=int, default=1000, help="pages of rows 1, 2 and 6 (default 1,000)")
    parser.add_argument("--rate-pages", type=int, help="pages of the pages/s row (default 10,000; --quick: --pages)")
    parser.add_argument("--hot-pages", type=int, help="pages of the in-process row (default 1,000; --quick 300)")
    parser.add_argument("--dumps", type=int, help="text dumps (default 6,000, --quick too)")
    parser.add_argument("--memory-sizes", help="corpus sizes of the memory row (default 1000,10000; --quick 1000,3000)")
    parser.add_argument("--only", default=",".join(ROWS), help=f"rows to run, comma-separated: {', '.join(ROWS)}")
    parser.add_argument("--real", type=Path, help="folder of real pages (*.html, *.html.gz) for the generic share")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--work", type=Path, default=Path("/tmp/masthead-bench"), help="corpus cache and scratch")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmark.md")
    parser.add_argument("--plot", type=Path, default=ROOT / "docs" / "benchmark.png")
    parser.add_argument("--no-write", action="store_true", help="print the results only")
    args = parser.parse_args(argv)
    quick = args.quick
    args.rounds = args.rounds or (3 if quick else 5)
    args.rate_pages = args.rate_pages or (args.pages if quick else 10_000)
    args.hot_pages = args.hot_pages or (300 if quick else 1000)
    args.dumps = args.dumps or 6000
    sizes = args.memory_sizes or ("1000,3000" if quick else "1000,10000")
    args.memory_sizes = [int(s) for s in sizes.split(",")]
    args.only = set(args.only.split(","))
    if args.only - set(ROWS):
        parser.error(f"unknown rows: {', '.join(sorted(args.only - set(ROWS)))}")
    return args


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    found = measure_all(args)
    text, met = table(found, args)
    plotted = None
    if not args.no_write and plot(found, args.plot):
        plotted = args.plot
    block = report(text, args, argv, plotted)
    print(block)
    args.work.mkdir(parents=True, exist_ok=True)
    (args.work / "results.json").write_text(json.dumps(found, indent=1, default=str))
    if not args.no_write:
        write_report(args.out, block)
    return 0 if all(met) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
