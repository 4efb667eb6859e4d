"""The ``masthead`` command leaves what it built before its run out of later
garbage collections (``gc.freeze``); a program that imports masthead and
calls its command keeps its collector as it was.

Run as separate interpreters: a frozen object stays frozen for the life of
the process.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def frozen_by_ingest(tmp_path: Path, argv0: str) -> int:
    """How many objects an ingest run froze, in a process whose
    ``sys.argv[0]`` is ``argv0`` (an interpreter may start with a few frozen)."""
    pages = tmp_path / "pages"
    pages.mkdir()
    seed = sorted((ROOT / "corpus").glob("*.txt"))[0]
    shutil.copy(seed, pages / seed.name)
    arguments = ["ingest", str(pages), "-o", str(tmp_path / "out.jsonl"), "--workers", "1"]
    script = (
        "import gc, sys\n"
        "before = gc.get_freeze_count()\n"
        f"sys.argv = [{argv0!r}, *{arguments!r}]\n"
        "import masthead.cli\n"
        "try:\n"
        "    masthead.cli.main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(gc.get_freeze_count() - before)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert (tmp_path / "out.jsonl").stat().st_size > 0, done.stderr
    return int(done.stdout.strip().splitlines()[-1])


def test_the_command_freezes_what_it_built_before_the_run(tmp_path: Path) -> None:
    # Every module, plugin and compiled pattern: tens of thousands of objects.
    assert frozen_by_ingest(tmp_path, "/usr/bin/masthead") > 10_000


def test_a_program_calling_the_command_keeps_its_collector(tmp_path: Path) -> None:
    assert frozen_by_ingest(tmp_path, "my-pipeline.py") == 0
