"""Helpers for tests that run ``masthead ingest`` as a user does: inputs, the
installed command, an installed test plugin, and the records a run wrote."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TESTS = Path(__file__).resolve().parent
MT = (ROOT / "corpus" / "001_77bc0baac539023c.txt").read_text(encoding="utf-8")
RB = (ROOT / "corpus" / "000_e8f30686367901c1.txt").read_text(encoding="utf-8")
MASTHEAD = str(Path(sys.executable).with_name("masthead"))


def make_inputs(directory: Path, count: int, start: int = 0) -> Path:
    """``count`` distinct articles of two outlets, plus an unreadable file now and then."""
    directory.mkdir(exist_ok=True)
    for i in range(start, start + count):
        if i % 97 == 0:
            (directory / f"{i:05d}.txt").write_bytes(b"")
        elif i % 2:
            text = MT.replace("commemorated a historic meeting", f"commemorated historic meeting number {i}")
            (directory / f"{i:05d}.txt").write_text(text, encoding="utf-8")
        else:
            text = RB.replace("An easing of Russia-United States", f"An easing ({i}) of Russia-United States")
            (directory / f"{i:05d}.txt").write_text(text, encoding="utf-8")
    return directory


def ingest(*args: str, every: int = 50) -> list[str]:
    """The ``masthead ingest`` command line, checkpointing every ``every`` records."""
    return [MASTHEAD, "ingest", *args, "--checkpoint-every", str(every)]


def run(*command: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, **(env or {})}
    return subprocess.run(command, capture_output=True, text=True, check=False, timeout=180, env=full)


def records(path: Path) -> list[dict[str, object]]:
    """The lines of a JSONL file, without the fields that differ from run to run."""
    data = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    for record in data:
        for key in ("extracted_at", "plugin_version"):
            record.get("provenance", {}).pop(key, None)  # type: ignore[union-attr]
    return data


def leftovers(directory: Path) -> set[str]:
    """Files in ``directory`` other than the (empty, kept) lock files."""
    return {p.name for p in directory.iterdir() if not p.name.endswith(".lock")}


def state_of(out: Path) -> dict[str, object] | None:
    """The checkpoint of the run writing ``out``, if any (read as a user could)."""
    try:
        data = json.loads(out.with_name(f".{out.name}.state.json").read_text())
    except (FileNotFoundError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def wait_until(condition: object, process: subprocess.Popen[str], what: str, limit: float = 60) -> None:
    deadline = time.monotonic() + limit
    while not condition():  # type: ignore[operator]
        assert process.poll() is None, f"the run ended before {what}"
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.005)


def install_test_plugin(home: Path) -> dict[str, str]:
    """Install ``misbehaving_plugins`` as a distribution with a ``masthead``
    entry point (a ``.dist-info`` on ``PYTHONPATH``, as pip would leave it);
    returns the environment that sees it."""
    home.mkdir(exist_ok=True)
    shutil.copy(TESTS / "misbehaving_plugins.py", home / "misbehaving_plugins.py")
    info = home / "masthead_misbehaving-0.1.dist-info"
    info.mkdir(exist_ok=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: masthead-misbehaving\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text("[masthead]\nmisbehaving = misbehaving_plugins\n")
    return {"PYTHONPATH": os.pathsep.join(filter(None, [str(home), os.environ.get("PYTHONPATH")]))}
