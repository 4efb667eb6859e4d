from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from masthead.io.checkpoint import Checkpoint, OutputLock, OutputLocked, StateFile
from masthead.io.dedup import Deduplicator
from masthead.io.sinks import JsonlSink, partial_path
from support import article


def test_a_second_writer_of_the_same_output_is_refused(tmp_path: Path) -> None:
    out = str(tmp_path / "out.jsonl")
    first = OutputLock(out)
    first.acquire()
    code = "import sys; from masthead.io.checkpoint import OutputLock; OutputLock(sys.argv[1]).acquire()"
    other = subprocess.run([sys.executable, "-c", code, out], capture_output=True, text=True, check=False)
    assert other.returncode != 0 and "OutputLocked" in other.stderr
    first.release()
    again = OutputLock(out)
    again.acquire()  # free again once released
    again.release()


def test_the_lock_of_a_killed_process_is_not_stale(tmp_path: Path) -> None:
    out = str(tmp_path / "out.jsonl")
    code = (
        "import os, sys; from masthead.io.checkpoint import OutputLock; OutputLock(sys.argv[1]).acquire(); os._exit(9)"
    )
    subprocess.run([sys.executable, "-c", code, out], check=False)
    lock = OutputLock(out)
    lock.acquire()
    lock.release()


def test_lock_in_process_raises_output_locked(tmp_path: Path) -> None:
    out = str(tmp_path / "out.jsonl")
    first, second = OutputLock(out), OutputLock(out)
    first.acquire()
    with pytest.raises(OutputLocked):
        second.acquire()
    first.release()


def test_state_round_trips_and_refuses_other_inputs(tmp_path: Path) -> None:
    state = StateFile(str(tmp_path / "out.jsonl"))
    assert state.load(["a"]) is None
    saved = Checkpoint(done=3, offsets={"output": 120, "rejects": 0}, inputs=("a",), counts={"read": 3})
    state.save(saved)
    assert state.load(["a"]) == saved
    with pytest.raises(ValueError, match="other inputs"):
        state.load(["b"])
    state.remove()
    assert state.load(["a"]) is None


def test_resumed_sink_drops_lines_after_the_checkpoint_and_appends(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    sink = JsonlSink(str(out))
    sink.write(article(title="one"))
    offset = sink.checkpoint()
    sink.write(article(title="two (after the checkpoint)"))
    sink.checkpoint()
    sink.suspend()
    with open(partial_path(str(out)), "a") as torn:
        torn.write('{"id": "torn')
    resumed = JsonlSink(str(out), resume_from=offset)
    resumed.write(article(title="three"))
    resumed.close()
    assert [json.loads(line)["title"] for line in out.read_text().splitlines()] == ["one", "three"]


def test_deduplicator_remembers_ids_and_reloads_them(tmp_path: Path) -> None:
    seen = Deduplicator()
    a, b = article(id="00000000000000aa"), article(id="00000000000000bb")
    assert [seen.is_duplicate(x) for x in (a, b, a)] == [False, False, True]
    out = tmp_path / "out.jsonl"
    sink = JsonlSink(str(out))
    sink.write(a)
    sink.close()
    assert Deduplicator.from_jsonl(str(out)).is_duplicate(a)
