"""Instructions executed by whole ``masthead ingest`` runs, counted by callgrind.

On a shared machine a run's CPU time moves by a tenth or more from one run
to the next, which hides any change of a few per cent. The number of
instructions a run executes does not depend on the machine's load, so two
versions of the code, or two interpreters, are compared by counting them.

Each variant ingests the inputs twice under valgrind's callgrind: all of
them, and every other one of them (with their sidecars). The difference
is the cost of the inputs left out, so the table gives a cost per input
with every one-time cost aside, whether it is paid at start-up (imports,
plugin loading) or at the first input that needs it (the language model,
patterns compiled on first use), and that one-time cost as what remains.

A variant is an interpreter (``--python``, default: this one) and a
checkout (``--code``, default: the masthead installed for that
interpreter). A checkout's ``core/`` and its plugins' folders go first on
``PYTHONPATH``, so its modules stand in for the installed ones; the plugins
are still found through the installed distribution's entry points, so
each variant is checked first: every source plugin must load (``--strict``)
and, for a checkout, come from it, and each of its plugins must be loaded.
The modules run are byte-compiled first (compiling them inside the counted
run would count the compiler). Every variant must read, ingest and reject
as many inputs as the others: counts of different work are not compared.

Two runs of the same code differ by a few hundredths of a per cent (the
progress display and checkpoints are timed). Compare like with like: the
same source run from a checkout and from the installed package differs by
about 2 %, the cost of the longer ``PYTHONPATH`` to every import.

    python bench/instructions.py DUMPS                          # the installed code
    python bench/instructions.py DUMPS --code OLD --code NEW    # two checkouts side by side
    python bench/instructions.py DUMPS --python VENV_A/bin/python --python VENV_B/bin/python

This script and each interpreter need masthead installed (``pip install .``); valgrind
must be on ``PATH``.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from masthead.io.readers import SIDECAR_SUFFIX, suffix_of

#: What callgrind prints on stderr when the run ends.
_COLLECTED = re.compile(r"Collected : (\d+)")
#: Run in each variant before counting: what it loads, and from where.
_PROBE = """
import json, os, platform, sys
import masthead
from masthead.manager import Plugins
plugins = Plugins(strict=True)
tops = sorted({type(entry.source).__module__.split(".")[0] for entry in plugins.sources.values()})
print(json.dumps({
    "version": platform.python_version(),
    "masthead": os.path.dirname(masthead.__file__),
    "plugins": {top: os.path.dirname(sys.modules[top].__file__) for top in tops if top != "masthead"},
    "readers": sorted(plugins.readers),
}))
"""


def python_path(checkout: Path) -> str:
    """``PYTHONPATH`` putting ``checkout``'s core and every plugin folder first
    (a folder of ``plugins/`` holding a ``masthead_*`` package)."""
    return os.pathsep.join(str(folder) for folder in [checkout / "core", *_plugin_folders(checkout)])


def _plugin_packages(checkout: Path) -> list[Path]:
    """The ``masthead_*`` packages under ``checkout/plugins/*/``."""
    return sorted(init.parent for init in (checkout / "plugins").glob("*/masthead_*/__init__.py"))


def _plugin_folders(checkout: Path) -> list[Path]:
    return sorted({package.parent for package in _plugin_packages(checkout)})


def environment(checkout: Path | None) -> dict[str, str]:
    env = dict(os.environ, PYTHONHASHSEED="0")
    if checkout is not None:
        env["PYTHONPATH"] = python_path(checkout)
    return env


def probe(python: str, checkout: Path | None) -> dict[str, Any]:
    """What the variant loads (see :data:`_PROBE`); raises if a plugin fails,
    or a checkout's plugins are not the ones loaded, or masthead is missing."""
    done = subprocess.run(
        [python, "-c", _PROBE], env=environment(checkout), capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"{python} {checkout or ''}: masthead or a plugin does not load:\n{done.stderr[-2000:]}")
    found: dict[str, Any] = json.loads(done.stdout)
    if checkout is not None:
        root = checkout.resolve()
        for module, folder in {"masthead": found["masthead"], **found["plugins"]}.items():
            if not Path(folder).resolve().is_relative_to(root):
                raise SystemExit(f"{checkout}: {module} is loaded from {folder}, not from the checkout")
        ours = {package.name for package in _plugin_packages(checkout)}
        if missing := sorted(ours - set(found["plugins"])):
            raise SystemExit(f"{checkout}: plugins not loaded (not installed as entry points?): {', '.join(missing)}")
    return found


def collected(stderr: str) -> int:
    """The instruction count in callgrind's closing report."""
    found = _COLLECTED.findall(stderr)
    if not found:
        raise RuntimeError(f"callgrind reported no count:\n{stderr[-2000:]}")
    return int(found[-1])


def count(python: str, checkout: Path | None, inputs: Path) -> tuple[int, dict[str, int]]:
    """Instructions of one ``masthead ingest`` of ``inputs`` (one worker,
    generic fallback), and how many inputs it read, ingested and rejected."""
    with tempfile.TemporaryDirectory(prefix="masthead-instructions-") as scratch:
        command = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={scratch}/callgrind.out"]
        command += [python, "-m", "masthead", "--log-level", "error", "ingest", str(inputs), "--strict"]
        command += ["-o", f"{scratch}/out.jsonl", "--rejects", f"{scratch}/rejects.jsonl"]
        command += ["--fallback", "generic", "--workers", "1", "--keep-duplicates"]
        command += ["--summary-json", f"{scratch}/summary.json"]
        done = subprocess.run(command, env=environment(checkout), capture_output=True, text=True, check=False)
        summary = Path(scratch, "summary.json")
        # 1 is the exit of a run that rejected some inputs, as a corpus may; a
        # crash exits 1 too, but writes no summary.
        if done.returncode not in (0, 1) or not summary.is_file():
            raise RuntimeError(f"{' '.join(command)} exited {done.returncode}:\n{done.stderr[-2000:]}")
        stats = json.loads(summary.read_text())
    return collected(done.stderr), {key: stats[key] for key in ("read", "ingested", "rejected")}


def readable(folder: Path, suffixes: list[str]) -> list[Path]:
    """The files under ``folder`` that ``masthead ingest`` reads as inputs: a
    reader's suffix, no sidecar; in the order it reads them."""
    files = (p for p in folder.rglob("*") if p.is_file() and not p.name.lower().endswith(SIDECAR_SUFFIX))
    return sorted((p for p in files if suffix_of(p.name, suffixes) is not None), key=lambda p: p.parts)


def sidecar_of(path: Path, suffixes: list[str]) -> Path:
    """Where masthead looks for ``path``'s sidecar: its name without the
    longest reader suffix it ends with, then :data:`SIDECAR_SUFFIX`."""
    suffix = suffix_of(path.name, suffixes)
    base = path.name[: -len(suffix)] if suffix else path.name
    return path.with_name(base + SIDECAR_SUFFIX)


def every_other(folder: Path, files: list[Path], suffixes: list[str], target: Path) -> int:
    """Copy every other one of ``files`` (the first, the third, ...), with its
    sidecar, to the same place under ``target``; how many were copied."""
    kept = files[::2]
    for path in kept:
        for source in (path, sidecar_of(path, suffixes)):
            if source.is_file():
                copy = target / source.relative_to(folder)
                copy.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, copy)
    return len(kept)


def table(rows: list[tuple[str, int, int]], inputs: int, half: int) -> str:
    """Markdown, in millions: whole run, cost per input (from the two runs)
    and the one-time cost (what the whole run costs beyond its inputs)."""
    lines = [
        f"| variant | whole run ({inputs:,} inputs) | per input | one-time (start-up, first uses) |",
        "|---|---:|---:|---:|",
    ]
    for label, whole, part in rows:
        per_input = (whole - part) / (inputs - half)
        once = whole - per_input * inputs
        lines.append(f"| {label} | {whole / 1e6:,.1f} M | {per_input / 1e6:,.3f} M | {once / 1e6:,.1f} M |")
    return "\n".join(lines)


def variant_parser(description: str) -> argparse.ArgumentParser:
    """The arguments every comparison of variants takes: inputs, interpreters, checkouts."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("inputs", type=Path, help="folder of inputs (dumps, pages) to ingest")
    parser.add_argument("--python", action="append", help="interpreter with masthead installed (repeatable)")
    parser.add_argument("--code", action="append", type=Path, help="checkout to run instead (repeatable)")
    return parser


def variants_of(args: argparse.Namespace) -> tuple[list[tuple[str, Path | None]], list[dict[str, Any]]]:
    """The variants asked for, each ``(python, checkout)``, and what each
    loads (:func:`probe`), its modules byte-compiled."""
    if not args.inputs.is_dir():
        raise SystemExit(f"{args.inputs}: not a folder")
    variants = list(itertools.product(args.python or [sys.executable], args.code or [None]))
    found = [probe(python, checkout) for python, checkout in variants]
    for (python, _), loaded in zip(variants, found, strict=True):
        folders = [loaded["masthead"], *loaded["plugins"].values()]
        subprocess.run([python, "-m", "compileall", "-q", *folders], check=True, capture_output=True)
    return variants, found


def main(argv: list[str] | None = None) -> int:
    args = variant_parser(__doc__.split("\n\n")[0]).parse_args(argv)
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (Debian: apt install valgrind)")
    variants, found = variants_of(args)
    pythons = args.python or [sys.executable]
    suffixes = found[0]["readers"]
    files = readable(args.inputs, suffixes)
    if len(files) < 4:
        raise SystemExit(f"{args.inputs}: {len(files)} inputs masthead reads; at least 4 are needed")
    with tempfile.TemporaryDirectory(prefix="masthead-half-") as folder:
        half = every_other(args.inputs, files, suffixes, Path(folder))
        jobs = [(python, checkout, where) for python, checkout in variants for where in (args.inputs, Path(folder))]
        with ThreadPoolExecutor(max_workers=min(len(jobs), 2 * (os.cpu_count() or 1))) as pool:
            results = list(pool.map(lambda job: count(*job), jobs))
    for kind, done in (("all inputs", results[0::2]), ("every other input", results[1::2])):
        if len({json.dumps(stats, sort_keys=True) for _, stats in done}) > 1:
            shown = "; ".join(f"{variant}: {stats}" for variant, (_, stats) in zip(variants, done, strict=True))
            raise SystemExit(f"the variants did different work over {kind}: {shown}")
    rows = []
    for number, ((python, checkout), loaded) in enumerate(zip(variants, found, strict=True)):
        shown = f"{python} ({loaded['version']})" if args.python else f"installed ({loaded['version']})"
        label = f"{checkout} · {shown}" if checkout is not None and len(pythons) > 1 else str(checkout or shown)
        rows.append((label, results[2 * number][0], results[2 * number + 1][0]))
    print(table(rows, len(files), half))
    return 0


if __name__ == "__main__":
    sys.exit(main())
