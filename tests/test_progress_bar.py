"""The live progress bar, drawn when stderr is a terminal.

rich is imported only when a bar is drawn; a run on a real pseudo-terminal
pins that the bar still comes up, counts the documents and leaves the
records as a run without it writes them.
"""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
MASTHEAD = Path(sys.executable).with_name("masthead")
#: The character rich draws its bar with.
BAR = "━"


def run(tmp_path: Path, name: str, *, terminal: bool) -> tuple[str, bytes]:
    output = tmp_path / f"{name}.jsonl"
    command = [str(MASTHEAD), "ingest", str(CORPUS), "-o", str(output), "--workers", "1", "--keep-duplicates"]
    if not terminal:
        done = subprocess.run(command, capture_output=True, check=False)
        return done.stderr.decode(), output.read_bytes()
    leader, follower = pty.openpty()
    env = dict(os.environ, COLUMNS="120", TERM="xterm")
    with subprocess.Popen(
        command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=follower, env=env
    ) as process:
        os.close(follower)
        screen = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal closed with the process
                break
            if not chunk:
                break
            screen += chunk
        process.wait(timeout=120)
    os.close(leader)
    return screen.decode(errors="replace"), output.read_bytes()


def blank_times(records: bytes) -> list[str]:
    return [line.split('"extracted_at":', 1)[0] for line in records.decode().splitlines()]


def test_a_terminal_gets_a_bar_and_the_same_records(tmp_path: Path) -> None:
    screen, drawn = run(tmp_path, "terminal", terminal=True)
    log, plain = run(tmp_path, "pipe", terminal=False)
    documents = len(list(CORPUS.glob("*.txt")))
    assert f"{documents}/{documents}" in screen  # the bar's count of done out of total
    assert "ingest" in screen and BAR in screen
    assert BAR not in log  # no bar on a pipe
    assert blank_times(drawn) == blank_times(plain) and drawn
