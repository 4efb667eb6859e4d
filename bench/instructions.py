"""Instructions executed by whole ``masthead ingest`` runs, counted by callgrind.

On a shared machine a run's CPU time moves by a tenth or more from one run
to the next, which hides any change of a few per cent. The number of
instructions a run executes does not depend on the machine's load, so two
versions of the code, or two interpreters, are compared by counting them:
each variant ingests the inputs under valgrind's callgrind, and again with
only their first two (its start-up: imports, plugin loading, the language
model), so the table shows the cost per input with the start-up aside.

A variant is an interpreter (``--python``, default: this one) and a
checkout (``--code``, default: the masthead installed for that
interpreter). A checkout's ``core/`` and its plugins' folders go first on
``PYTHONPATH``, so its modules stand in for the installed ones; the plugins
are still found through the installed distribution's entry points, so the
checkout must keep their module names. Its modules are byte-compiled first
(compiling them inside the counted run would count the compiler).

All runs start together: the run's progress display and checkpoints are
timed, so a count moves by about a hundredth of a per cent with the load,
and variants counted side by side see the same load.

    python bench/instructions.py DUMPS                          # the installed code
    python bench/instructions.py DUMPS --code OLD --code NEW    # two checkouts side by side
    python bench/instructions.py DUMPS --python /usr/bin/python3.11 --python python3.12

Each interpreter needs masthead installed (``pip install .``); valgrind
must be on ``PATH``.
"""

from __future__ import annotations

import argparse
import itertools
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

#: What callgrind prints on stderr when the run ends.
_COLLECTED = re.compile(r"Collected : (\d+)")
#: Inputs of the start-up run.
STARTUP_INPUTS = 2


def python_path(checkout: Path) -> str:
    """``PYTHONPATH`` putting ``checkout``'s core and every plugin folder first
    (a folder of ``plugins/`` holding a ``masthead_*`` package)."""
    plugins = sorted(p for p in (checkout / "plugins").iterdir() if any(p.glob("masthead_*/__init__.py")))
    return os.pathsep.join(str(folder) for folder in [checkout / "core", *plugins])


def collected(stderr: str) -> int:
    """The instruction count in callgrind's closing report."""
    found = _COLLECTED.findall(stderr)
    if not found:
        raise RuntimeError(f"callgrind reported no count:\n{stderr[-2000:]}")
    return int(found[-1])


def count(python: str, checkout: Path | None, inputs: Path) -> int:
    """Instructions of one ``masthead ingest`` of ``inputs`` (one worker, generic fallback)."""
    env = dict(os.environ, PYTHONHASHSEED="0")
    if checkout is not None:
        env["PYTHONPATH"] = python_path(checkout)
    with tempfile.TemporaryDirectory(prefix="masthead-instructions-") as scratch:
        command = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={scratch}/callgrind.out"]
        command += [python, "-m", "masthead", "--log-level", "error", "ingest", str(inputs)]
        command += ["-o", f"{scratch}/out.jsonl", "--rejects", f"{scratch}/rejects.jsonl"]
        command += ["--fallback", "generic", "--workers", "1", "--keep-duplicates"]
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode not in (0, 1):  # 1: some inputs were rejected, as a corpus may have
        raise RuntimeError(f"{' '.join(command)} exited {done.returncode}:\n{done.stderr[-2000:]}")
    return collected(done.stderr)


def startup_inputs(inputs: Path, folder: Path) -> Path:
    """A folder holding copies of the first :data:`STARTUP_INPUTS` files of ``inputs``."""
    files = sorted(p for p in inputs.rglob("*") if p.is_file() and not p.name.endswith(".meta.json"))
    if len(files) <= STARTUP_INPUTS:
        raise SystemExit(f"{inputs}: needs more than {STARTUP_INPUTS} inputs to tell the start-up apart")
    for number, path in enumerate(files[:STARTUP_INPUTS]):
        suffixes = "".join(path.suffixes)
        shutil.copyfile(path, folder / f"{number}{suffixes}")
        sidecar = path.with_name(path.name.removesuffix(suffixes) + ".meta.json")
        if sidecar.is_file():  # the page's URL and capture date, which routing and dates read
            shutil.copyfile(sidecar, folder / f"{number}.meta.json")
    return folder


def describe(python: str) -> str:
    """``python``'s version and real executable (a virtual environment's base)."""
    shown = "import os, platform, sys; print(platform.python_version(), os.path.realpath(sys.executable))"
    version, executable = subprocess.run(
        [python, "-c", shown], capture_output=True, text=True, check=True
    ).stdout.split(maxsplit=1)
    return f"{version} (`{executable.strip()}`)"


def table(rows: list[tuple[str, int, int]], inputs: int) -> str:
    """Markdown: whole run, start-up and per input (start-up aside), in millions."""
    lines = [
        "| variant | whole run | start-up (2 inputs) | per input, start-up aside |",
        "|---|---:|---:|---:|",
    ]
    for label, whole, startup in rows:
        per_input = (whole - startup) / (inputs - STARTUP_INPUTS)
        lines.append(f"| {label} | {whole / 1e6:,.1f} M | {startup / 1e6:,.1f} M | {per_input / 1e6:,.3f} M |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", type=Path, help="folder of inputs (dumps, pages) to ingest")
    parser.add_argument("--python", action="append", help="interpreter with masthead installed (repeatable)")
    parser.add_argument("--code", action="append", type=Path, help="checkout to run instead (repeatable)")
    args = parser.parse_args(argv)
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (Debian: apt install valgrind)")
    pythons = args.python or [sys.executable]
    checkouts: list[Path | None] = list(args.code or [None])
    for python, checkout in itertools.product(pythons, checkouts):
        if checkout is not None:
            sources = [str(checkout / "core"), str(checkout / "plugins")]
            subprocess.run([python, "-m", "compileall", "-q", *sources], check=True)
    inputs = sum(1 for p in args.inputs.rglob("*") if p.is_file() and not p.name.endswith(".meta.json"))
    variants = list(itertools.product(pythons, checkouts))
    with tempfile.TemporaryDirectory(prefix="masthead-startup-") as folder:
        startup = startup_inputs(args.inputs, Path(folder))
        jobs = [(python, checkout, where) for python, checkout in variants for where in (args.inputs, startup)]
        with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
            counts = list(pool.map(lambda job: count(*job), jobs))
    rows = []
    for number, (python, checkout) in enumerate(variants):
        shown = describe(python) if len(pythons) > 1 else ""
        label = " · ".join(part for part in (shown, str(checkout or "")) if part)
        rows.append((label or "installed", counts[2 * number], counts[2 * number + 1]))
    print(table(rows, inputs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
