from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from masthead.io.checkpoint import (
    Checkpoint,
    Journal,
    OutputLock,
    OutputLocked,
    Position,
    RunLocks,
    StateFile,
    read_lines,
    sidecar,
    truncate,
)
from masthead.io.dedup import Deduplicator
from masthead.io.sinks import JsonlSink, partial_path
from masthead.run.inputs import Ledger, ResumePlan, Visit
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


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs a folder that refuses new files (Linux /proc)")
def test_a_lock_file_that_cannot_be_made_is_a_write_error_not_another_run() -> None:
    lock = OutputLock("/proc/masthead-out.jsonl")
    with pytest.raises(OSError) as raised:
        lock.acquire()
    assert not isinstance(raised.value, OutputLocked)
    assert raised.value.filename == "/proc/.masthead-out.jsonl.lock"


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
    saved = Checkpoint(
        done=3,
        offsets={"output": 120, "rejects": 0},
        inputs=("a",),
        counts={"read": 3},
        position=Position("a/x.jsonl", [10, 20], 2),
        phase="commit",
        publish=(("p", "f"),),
    )
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


def test_a_checkpoint_longer_than_its_file_is_refused_not_padded(tmp_path: Path) -> None:
    """A stale checkpoint must never extend a partial file with NUL bytes."""
    partial = tmp_path / ".out.jsonl.partial"
    partial.write_bytes(b"short\n")
    with pytest.raises(ValueError, match="expects at least 1000"):
        JsonlSink(str(tmp_path / "out.jsonl"), resume_from=1000)
    assert partial.read_bytes() == b"short\n"
    truncate(str(tmp_path / "new"), 0)  # a missing file at offset 0 is created empty
    assert (tmp_path / "new").read_bytes() == b""


def test_run_locks_are_taken_all_or_none(tmp_path: Path) -> None:
    held = OutputLock(str(tmp_path / "b.jsonl"))
    held.acquire()
    with pytest.raises(OutputLocked), RunLocks([str(tmp_path / "a.jsonl"), str(tmp_path / "b.jsonl")]):
        pass
    free = OutputLock(str(tmp_path / "a.jsonl"))
    free.acquire()  # the lock on a.jsonl was given back when b.jsonl was refused
    free.release()
    held.release()


def test_the_ledger_journals_finished_inputs_and_the_state_adds_up(tmp_path: Path) -> None:
    journal = Journal(str(tmp_path / "out.jsonl"))
    ledger = Ledger(journal)
    first, second = Visit("a.txt", [1, 2]), Visit("b.jsonl", [3, 4])
    for visit in (first, second, second, second):
        ledger.read(visit)
    for _ in range(3):
        ledger.delivered()
    assert ledger.position() == Position("b.jsonl", [3, 4], 2)
    offset = journal.checkpoint()
    assert list(Journal.entries(str(tmp_path / "out.jsonl"), offset)) == [
        {"key": "a.txt", "identity": [1, 2], "documents": 1}
    ]


def test_journal_lines_keep_any_file_name_and_stay_utf8(tmp_path: Path) -> None:
    """A file name's undecodable bytes reach the journal as lone surrogates,
    which cannot be written as UTF-8: such a line is escaped, the others are
    written as they are, and every key reads back as it was."""
    journal = Journal(str(tmp_path / "out.jsonl"))
    keys = ["plain.txt", "café/日本.txt", "bad\udcff.txt", 'quote"and\\slash.txt']
    for n, key in enumerate(keys):
        journal.add(key, [n, n * 10] if n % 2 else None, n)
    offset = journal.checkpoint()
    journal.close()
    entries = list(Journal.entries(str(tmp_path / "out.jsonl"), offset))
    assert [e["key"] for e in entries] == keys
    assert [e["identity"] for e in entries] == [None, [1, 10], None, [3, 30]]
    written = Path(sidecar(str(tmp_path / "out.jsonl"), ".journal")).read_bytes()
    assert "日本".encode() in written  # kept as UTF-8, not escaped
    written.decode("utf-8")  # strict: the whole file is valid UTF-8


def test_a_resume_plan_skips_finished_inputs_and_continues_the_one_in_progress(tmp_path: Path) -> None:
    done, busy = tmp_path / "a.txt", tmp_path / "b.jsonl"
    done.write_text("x")
    busy.write_text("y\ny\n")
    ident = [[p.stat().st_size, p.stat().st_mtime_ns] for p in (done, busy)]
    plan = ResumePlan([{"key": str(done), "identity": ident[0]}], Position(str(busy), ident[1], 1))
    assert plan.changed == plan.removed == []
    assert plan.skip(Visit(str(done), ident[0])) is None
    assert plan.skip(Visit(str(busy), ident[1])) == 1
    assert plan.skip(Visit(str(tmp_path / "c.txt"), [1, 1])) == 0 and plan.added == []


def test_read_lines_stops_at_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "f"
    path.write_bytes(b"one\ntwo\nthree\n")
    assert list(read_lines(str(path), 6)) == [b"one\n", b"tw"]
    assert list(read_lines(str(path))) == [b"one\n", b"two\n", b"three\n"]
