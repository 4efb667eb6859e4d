"""``ingest`` needs neither ``fcntl`` nor ``SIGALRM`` (neither exists on Windows).

Locks go through filelock, which picks the platform's own locking; the
per-document time budget, where this process cannot time a document with
``SIGALRM``, is kept by one supervised worker process instead.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from runkit import MASTHEAD, install_test_plugin, run


def without(tmp_path: Path, lines: str) -> dict[str, str]:
    """An environment whose interpreters start with ``lines`` run (a sitecustomize)."""
    env = install_test_plugin(tmp_path / "site")
    (tmp_path / "site" / "sitecustomize.py").write_text(lines)
    return env


def test_the_command_imports_where_there_is_no_fcntl(tmp_path: Path) -> None:
    env = without(tmp_path, "import sys\nsys.modules['fcntl'] = None  # import fcntl fails, as on Windows\n")
    code = "import masthead.cli, masthead.run.session, masthead.io.checkpoint, masthead.run.runners"
    result = run(sys.executable, "-W", "ignore", "-c", code, env=env)
    assert result.returncode == 0, result.stderr


def test_without_sigalrm_the_time_budget_still_holds(tmp_path: Path) -> None:
    env = without(tmp_path, "import signal\ndel signal.setitimer  # no interval timers, as on Windows\n")
    pages = tmp_path / "pages"
    pages.mkdir()
    for name, marker in (("a", ""), ("hang", "FAULT:hang"), ("b", "")):
        (pages / f"{name}.txt").write_text(f"Title {name}\nMISBEHAVING page {name}.\n{marker}\n")
    out, rejects = tmp_path / "o.jsonl", tmp_path / "r.jsonl"
    args = [str(pages), "-o", str(out), "--rejects", str(rejects), "--workers", "1", "--timeout", "1"]
    result = run(MASTHEAD, "ingest", *args, env=env)
    assert result.returncode == 1, result.stderr
    [rejected] = [json.loads(line) for line in rejects.read_text().splitlines()]
    assert (rejected["reason"], rejected["plugin"]) == ("timeout", "misbehaving")
    assert len(out.read_text().splitlines()) == 2


def test_the_budget_fallback_is_not_taken_where_sigalrm_exists(tmp_path: Path) -> None:
    env = install_test_plugin(tmp_path / "site")
    page = tmp_path / "a.txt"
    page.write_text("Title a\nMISBEHAVING page a.\n")
    out = str(tmp_path / "o.jsonl")
    result = run(MASTHEAD, "--log-level", "info", "--log-format", "json", "ingest", str(page), "-o", out, env=env)
    started = [json.loads(line) for line in result.stderr.splitlines() if '"run_started"' in line]
    assert [event["runner"] for event in started] == ["in_process"]
