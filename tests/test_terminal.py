"""What a person sees on a terminal: the installed ``masthead`` command run
in a real pseudo-terminal, its screen output read back."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import termios
from pathlib import Path

from test_cli import CORPUS, masthead_command, run

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07")


def on_terminal(*args: str, columns: int = 120, timeout: float = 120) -> tuple[int, str]:
    """Run ``masthead *args`` with stdin, stdout and stderr on a pty of
    ``columns`` columns; return the exit code and everything it wrote."""
    controller, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": str(columns)}
    env.pop("NO_COLOR", None)
    process = subprocess.Popen(
        [*masthead_command(), *args], stdin=terminal, stdout=terminal, stderr=terminal, env=env, close_fds=True
    )
    os.close(terminal)
    chunks = []
    while True:
        ready, _, _ = select.select([controller], [], [], timeout)
        if not ready:
            process.kill()
            raise AssertionError("no output from masthead on the terminal within the timeout")
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(controller)
    return process.wait(timeout=timeout), b"".join(chunks).decode("utf-8", "replace")


def screen_lines(output: str) -> list[str]:
    """The lines as printed, escape sequences removed, each redraw (``\\r``) its own line."""
    return [line for line in re.split(r"[\r\n]+", ANSI.sub("", output)) if line.strip()]


def last_bar(output: str) -> str:
    bars = [line for line in screen_lines(output) if line.startswith("ingest ")]
    assert bars, output
    return bars[-1]


def test_the_bar_shows_total_percentage_rate_and_counts(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    for seed in sorted(CORPUS.glob("*.txt")):
        (pages / seed.name).write_bytes(seed.read_bytes())
    (pages / "again.txt").write_bytes(sorted(CORPUS.glob("*.txt"))[0].read_bytes())  # a duplicate
    (pages / "nobody.txt").write_text("A page no outlet would claim.\n")
    code, output = on_terminal("ingest", str(pages), "-o", str(tmp_path / "out.jsonl"))
    assert code == 1, output
    lines = screen_lines(output)
    bar = last_bar(output)
    assert "docs/s" in bar
    assert re.search(r"\b7/7\b", bar) and "100%" in bar, bar
    assert re.search(r"5 ingested\s+1 rejected\s+1 duplicates", bar), bar
    # the log line stands on its own line, above the bar, not glued onto it
    [warning] = [line for line in lines if "document_rejected" in line]
    assert warning.startswith("warning: document_rejected reason=unclaimed"), warning
    assert "docs/s" not in warning
    assert any(line.startswith("read 7  ingested 5  rejected 1  duplicates 1") for line in lines)


def test_the_bar_shows_the_count_and_no_total_when_inputs_cannot_be_counted(tmp_path: Path) -> None:
    records = tmp_path / "records.jsonl"
    records.write_text("".join(f'{{"text": "Page {n}\\n\\nNobody claims this."}}\n' for n in range(3)))
    code, output = on_terminal("ingest", str(records), "-o", str(tmp_path / "out.jsonl"))
    assert code == 1
    bar = last_bar(output)
    assert re.search(r"\b3/\?", bar) and "%" not in bar and "docs/s" in bar, bar


def test_on_a_narrow_terminal_every_line_fits(tmp_path: Path) -> None:
    code, output = on_terminal("ingest", str(CORPUS), "-o", str(tmp_path / "out.jsonl"), columns=40)
    assert code == 0
    bars = [line for line in screen_lines(output) if "5/5" in line]
    assert bars and all(len(line) <= 40 for line in bars), bars
    assert "…" not in bars[-1] and "5✓ 0✗ 0=" in bars[-1], bars[-1]


def test_quiet_draws_no_bar(tmp_path: Path) -> None:
    code, output = on_terminal("ingest", str(CORPUS), "-o", str(tmp_path / "out.jsonl"), "-q")
    assert code == 0
    assert "docs/s" not in output.split("read 5")[0]
    assert "read 5  ingested 5" in output


def test_no_bar_and_no_control_characters_when_stderr_is_piped(tmp_path: Path) -> None:
    result = run("ingest", str(CORPUS), "-o", str(tmp_path / "out.jsonl"), "--log-format", "console")
    assert result.returncode == 0
    assert "\r" not in result.stderr and "\x1b" not in result.stderr
    assert result.stderr.startswith("read 5  ingested 5")
