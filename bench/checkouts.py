"""CPU time of whole ``masthead ingest`` runs, two or more versions alternating.

``bench/instructions.py`` counts instructions, which the machine's load does
not move, but a change that keeps data in the CPU caches (or evicts it)
executes the same instructions in a different time: only timed runs see
it. On a shared machine one run's time moves by a tenth or more, so the
variants run in alternation (A B, then B A, round after round) and each
round's pair is compared: drift of the machine between rounds cancels out
of a pair's difference, not of two separate medians.

Variants are interpreters and checkouts as in ``bench/instructions.py``
(the same probe: every plugin loads, a checkout's from the checkout). The
CPU of a run is the child's user and system time. Every run of every
variant must read, ingest and reject as many inputs, and write the same
records and rejects (``extracted_at`` aside): timings of different work
are not compared.

    python bench/checkouts.py DUMPS --code OLD --code NEW [--rounds 10]
    python bench/checkouts.py DUMPS --python VENV_A/bin/python --python VENV_B/bin/python
"""

from __future__ import annotations

import hashlib
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from instructions import environment, variant_parser, variants_of


def ingest(
    python: str, checkout: Path | None, inputs: Path, scratch: Path, workers: int = 1
) -> tuple[float, float, dict[str, Any]]:
    """CPU and wall seconds of one ``masthead ingest`` of ``inputs`` with
    ``workers``, and what it did: its counts and a digest of its records
    and rejects."""
    out, rejects, summary = scratch / "out.jsonl", scratch / "rejects.jsonl", scratch / "summary.json"
    command = [python, "-m", "masthead", "--log-level", "error", "ingest", str(inputs), "--strict", "-o", str(out)]
    command += ["--rejects", str(rejects), "--fallback", "generic", "--workers", str(workers), "--keep-duplicates"]
    command += ["--summary-json", str(summary)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, env=environment(checkout), capture_output=True, text=True, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # 1 is the exit of a run that rejected some inputs; a crash writes no summary.
    if done.returncode not in (0, 1) or not summary.is_file():
        raise SystemExit(f"{' '.join(command)} exited {done.returncode}:\n{done.stderr[-2000:]}")
    stats = json.loads(summary.read_text())
    work = {key: stats[key] for key in ("read", "ingested", "rejected")}
    work["records"] = digest(out, rejects)
    return after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, wall, work


def digest(*files: Path) -> str:
    """A digest of the records in ``files``, each record's ``extracted_at``
    aside, whatever their order within a file."""
    hashed = hashlib.sha256()
    for path in files:
        records = []
        for line in path.read_bytes().splitlines():
            record = json.loads(line)
            provenance = record.get("provenance")
            if isinstance(provenance, dict):
                provenance.pop("extracted_at", None)
            records.append(json.dumps(record, sort_keys=True))
        for record_line in sorted(records):
            hashed.update(record_line.encode() + b"\n")
        hashed.update(b"\x00")
    return hashed.hexdigest()


def order(variants: int, round_number: int) -> list[int]:
    """The variants' order in a round: as given, then reversed, in turn."""
    indexes = list(range(variants))
    return indexes if round_number % 2 == 0 else indexes[::-1]


def table(labels: list[str], seconds: list[list[float]], measure: str = "CPU") -> str:
    """Markdown: each variant's ``measure`` (median, range) and the median of
    its per-round difference from the first variant."""
    lines = [
        f"| variant | {measure}, median | range | median of per-round differences from the first |",
        "|---|---:|---:|---:|",
    ]
    first = seconds[0]
    for label, runs in zip(labels, seconds, strict=True):
        change = statistics.median(run - base for run, base in zip(runs, first, strict=True))
        shown = "—" if runs is first else f"{change:+.3f} s ({100 * change / statistics.median(first):+.1f} %)"
        lines.append(f"| {label} | {statistics.median(runs):.3f} s | {min(runs):.2f}–{max(runs):.2f} s | {shown} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = variant_parser(__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=10, help="runs of each variant (default 10)")
    parser.add_argument("--workers", type=int, default=1, help="masthead ingest --workers (default 1: in process)")
    args = parser.parse_args(argv)
    if len(args.python or [None]) * len(args.code or [None]) < 2:
        raise SystemExit("give two variants or more (--code, --python)")
    variants, found = variants_of(args)
    seconds: list[list[float]] = [[] for _ in variants]
    walls: list[list[float]] = [[] for _ in variants]
    works: set[str] = set()
    with tempfile.TemporaryDirectory(prefix="masthead-checkouts-") as scratch:
        for round_number in range(args.rounds):
            for index in order(len(variants), round_number):
                cpu, wall, work = ingest(*variants[index], args.inputs, Path(scratch), args.workers)
                seconds[index].append(cpu)
                walls[index].append(wall)
                works.add(json.dumps(work, sort_keys=True))
                shown = f"{cpu:.3f} s CPU, {wall:.3f} s wall"
                print(f"round {round_number + 1}/{args.rounds} variant {index + 1}: {shown} {work}", flush=True)
    if len(works) > 1:
        raise SystemExit(f"the runs did different work or wrote different records: {sorted(works)}")
    labels = [
        str(checkout or f"{python} ({loaded['version']})")
        for (python, checkout), loaded in zip(variants, found, strict=True)
    ]
    if args.workers == 1:
        print(table(labels, seconds))
        print()
    print(table(labels, walls, "wall"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
