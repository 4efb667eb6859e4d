"""Benchmark: masthead's generic fallback against trafilatura on real pages.

Runs the public ScrapingHub article-extraction-benchmark (181 news pages
with hand-checked article bodies) from a local checkout: nothing is
downloaded. Each page is written out once as ``KEY.html`` with a
``KEY.meta.json`` sidecar holding the page's URL from the benchmark's ground
truth, the way masthead reads saved pages. Then, each in its own subprocess
under ``bench/measure.py`` and on one core:

* ``masthead ingest PAGES --fallback generic --workers 1`` — the pages are
  of no outlet masthead knows, so each is routed (every detector says no)
  and parsed by the generic fallback;
* trafilatura alone over the same files (``extract-trafilatura`` below):
  ``trafilatura.extract(html, url=URL, output_format="json",
  with_metadata=True)``, i.e. the same fields masthead writes, one JSON line
  per page.

Both outputs are scored by the benchmark's own ``evaluate.py`` (shingle
precision, recall and F1 of ``articleBody``; masthead's body paragraphs are
joined by newlines), and the table goes into ``docs/benchmark.md`` between
the ``article-benchmark`` markers. ``--repeat N`` reads every page N times
(separate copies, duplicates kept) so that start-up weighs less in the
speed columns; the scores are computed on the first copy. Speed per core is
pages per CPU second of the run's processes, start-up included. The two
tools run alternately ``--rounds`` times (masthead, trafilatura, masthead,
...) and the table shows the median of each, so that other work on a shared
machine weighs on both alike.

    python bench/article_benchmark.py /path/to/article-extraction-benchmark
    python bench/article_benchmark.py CHECKOUT --repeat 3 --no-write
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from run import interpreter, measure, write_report  # noqa: E402 - a sibling script, not a package

START, END = "<!-- article-benchmark:start -->", "<!-- article-benchmark:end -->"
MASTHEAD = "masthead generic fallback"
TRAFILATURA = "trafilatura"


def lay_out(checkout: Path, pages: Path, repeat: int) -> list[str]:
    """Write the benchmark's pages with URL sidecars, ``repeat`` copies; return the keys."""
    truth = json.loads((checkout / "ground-truth.json").read_text(encoding="utf-8"))
    keys = sorted(truth)
    for copy in range(repeat):
        folder = pages / f"copy-{copy}"
        folder.mkdir(parents=True)
        for key in keys:
            with gzip.open(checkout / "html" / f"{key}.html.gz", "rb") as raw:
                (folder / f"{key}.html").write_bytes(raw.read())
            (folder / f"{key}.meta.json").write_text(json.dumps({"url": truth[key]["url"]}), encoding="utf-8")
    return keys


def key_of(path: str) -> tuple[str, str]:
    """(copy folder, page key) of a page's path."""
    file = Path(path.split("://", 1)[-1])
    return file.parent.name, file.name.split(".", 1)[0]


def run_masthead(pages: Path, scratch: Path) -> tuple[dict[str, Any], dict[str, str], int]:
    masthead = Path(sys.executable).with_name("masthead")
    out, rejects = scratch / "masthead.jsonl", scratch / "masthead-rejects.jsonl"
    command = [str(masthead), "--log-level", "error", "ingest", str(pages), "-o", str(out), "--rejects", str(rejects)]
    command += ["--fallback", "generic", "--workers", "1", "--keep-duplicates"]
    result = measure(command)
    bodies: dict[str, str] = {}
    for line in out.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        copy, key = key_of(record["provenance"]["input"])
        if copy == "copy-0":
            bodies[key] = "\n".join(record["body"])
    rejected = sum(1 for line in rejects.read_text(encoding="utf-8").splitlines() if "copy-0" in line)
    return result, bodies, rejected


def run_trafilatura(pages: Path, scratch: Path) -> tuple[dict[str, Any], dict[str, str], int]:
    out = scratch / "trafilatura.jsonl"
    result = measure([sys.executable, str(Path(__file__).resolve()), "extract-trafilatura", str(pages), str(out)])
    bodies: dict[str, str] = {}
    rejected = 0
    for line in out.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        copy, key = key_of(record["path"])
        if copy != "copy-0":
            continue
        if record["text"] is None:
            rejected += 1
        else:
            bodies[key] = record["text"]
    return result, bodies, rejected


def extract_trafilatura(pages: Path, out: Path) -> None:
    """trafilatura alone: read each page and its URL, extract, write a JSON line."""
    import trafilatura

    with out.open("w", encoding="utf-8") as sink:
        for path in sorted(pages.rglob("*.html")):
            url = json.loads(path.with_suffix(".meta.json").read_text(encoding="utf-8"))["url"]
            html = path.read_bytes().decode("utf-8", errors="replace")
            extracted = trafilatura.extract(html, url=url, output_format="json", with_metadata=True)
            text = json.loads(extracted)["text"] if extracted else None
            sink.write(json.dumps({"path": str(path), "text": text, "record": extracted}) + "\n")


def score(checkout: Path, scratch: Path, keys: list[str], outputs: dict[str, dict[str, str]]) -> dict[str, Any]:
    """Each extractor's metrics from the benchmark's own ``evaluate.py``."""
    folder = scratch / "evaluate"
    (folder / "output").mkdir(parents=True)
    shutil.copy(checkout / "ground-truth.json", folder / "ground-truth.json")
    for name, bodies in outputs.items():
        prediction = {key: {"articleBody": bodies.get(key, "")} for key in keys}
        (folder / "output" / f"{name}.json").write_text(json.dumps(prediction), encoding="utf-8")
    subprocess.run(
        [sys.executable, str(checkout / "evaluate.py"), "--output", "metrics.json"],
        cwd=folder,
        check=True,
        capture_output=True,
    )
    metrics: dict[str, Any] = json.loads((folder / "metrics.json").read_text(encoding="utf-8"))
    return metrics


def table(rows: list[dict[str, Any]], pages: int) -> str:
    lines = [
        "| extractor | precision | recall | F1 | pages rejected | wall seconds | CPU seconds "
        "| pages per CPU second | speed vs trafilatura |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    rival = next(r for r in rows if r["name"] == TRAFILATURA)
    for r in rows:
        m = r["metrics"]
        lines.append(
            f"| {r['name']} | {m['precision']:.3f} ± {m['precision_std']:.3f} | {m['recall']:.3f} ± "
            f"{m['recall_std']:.3f} | {m['f1']:.3f} ± {m['f1_std']:.3f} | {r['rejected']} / {pages} "
            f"| {r['seconds']:.1f} | {r['cpu_seconds']:.1f} | {r['rate']:.1f} | {r['rate'] / rival['rate']:.2f} |"
        )
    return "\n".join(lines)


def report(rows: list[dict[str, Any]], pages: int, repeat: int, rounds: int, argv: list[str]) -> str:
    import masthead

    command = "python bench/article_benchmark.py CHECKOUT" + "".join(f" {a}" for a in argv)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "n/a"
    return "\n".join(
        [
            START,
            f"Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} with `{command}` on "
            f"{interpreter()} "
            f"(load average after the runs: {load}); masthead {masthead.__version__}, trafilatura "
            f"{_version('trafilatura')}. Scores: the benchmark's `evaluate.py` (mean ± bootstrap standard "
            f"deviation) over its {pages} pages. Speed: {pages * repeat} pages ({repeat} × {pages}), medians of "
            f"{rounds} alternating runs of one process each, interpreter start-up, reading the pages and "
            "writing JSONL included; per core as pages per CPU second (user + system time of the run's "
            "processes), which other work on a shared machine does not distort as it does wall-clock time.",
            "",
            table(rows, pages),
            END,
        ]
    )


def _version(name: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return "not installed"


def main(argv: list[str]) -> int:
    if argv[:1] == ["extract-trafilatura"]:
        extract_trafilatura(Path(argv[1]), Path(argv[2]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("checkout", type=Path, help="a checkout of scrapinghub/article-extraction-benchmark")
    parser.add_argument("--repeat", type=int, default=3, help="copies of every page in the speed runs")
    parser.add_argument("--rounds", type=int, default=3, help="alternating runs per tool; medians are shown")
    parser.add_argument("--work", type=Path, help="scratch folder (default: a temporary one, removed)")
    parser.add_argument("--no-write", action="store_true", help="print the table, leave docs/benchmark.md alone")
    args = parser.parse_args(argv)
    if not (args.checkout / "evaluate.py").exists() or not (args.checkout / "html").is_dir():
        parser.error(f"{args.checkout} is no checkout of the article-extraction-benchmark")
    with tempfile.TemporaryDirectory(prefix="masthead-article-bench-") as temporary:
        scratch = args.work or Path(temporary)
        shutil.rmtree(scratch / "pages", ignore_errors=True)
        shutil.rmtree(scratch / "evaluate", ignore_errors=True)
        keys = lay_out(args.checkout, scratch / "pages", args.repeat)
        runs: dict[str, list[tuple[dict[str, Any], dict[str, str], int]]] = {MASTHEAD: [], TRAFILATURA: []}
        for number in range(args.rounds):
            for name, run in ((MASTHEAD, run_masthead), (TRAFILATURA, run_trafilatura)):
                runs[name].append(run(scratch / "pages", scratch))
                result, _, rejected = runs[name][-1]
                print(
                    f"round {number + 1}/{args.rounds} {name}: {result['seconds']:.1f} s, "
                    f"{result['cpu_seconds']:.1f} CPU s, {rejected} rejected",
                    flush=True,
                )
        rows = []
        for name, done in runs.items():
            _, bodies, rejected = done[0]
            seconds = statistics.median(result["seconds"] for result, _, _ in done)
            cpu = statistics.median(result["cpu_seconds"] for result, _, _ in done)
            rate = len(keys) * args.repeat / cpu
            rows.append(
                {
                    "name": name,
                    "bodies": bodies,
                    "rejected": rejected,
                    "seconds": seconds,
                    "cpu_seconds": cpu,
                    "rate": rate,
                }
            )
        metrics = score(args.checkout, scratch, keys, {r["name"].replace(" ", "-"): r["bodies"] for r in rows})
        for row in rows:
            row["metrics"] = metrics[row["name"].replace(" ", "-")]
    shown = [a for a in argv if a != str(args.checkout)]
    if "--work" in shown:  # a scratch path says nothing about the measurement
        at = shown.index("--work")
        del shown[at : at + 2]
    block = report(rows, len(keys), args.repeat, args.rounds, shown)
    print(block)
    if not args.no_write:
        write_report(ROOT / "docs" / "benchmark.md", block, START, END)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
