"""Kill or interrupt a run at any moment; ``--resume`` finishes it exactly.

The reference is an uninterrupted run over the same inputs. After a kill
(SIGKILL: no chance to clean up) or Ctrl-C (SIGINT), the final name holds
the previous file or nothing, and ``--resume`` produces the same records as
the reference — none duplicated, none skipped.
"""

from __future__ import annotations

import json
import signal
import subprocess
import time
from pathlib import Path

import pytest

from runkit import MT, ROOT, ingest, leftovers, make_inputs, records, state_of, wait_until


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_inputs(tmp_path_factory.mktemp("resume") / "inputs", 1200)


@pytest.fixture(scope="module")
def reference(
    corpus: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    out = tmp_path_factory.mktemp("reference")
    result = subprocess.run(
        ingest(str(corpus), "-o", str(out / "o.jsonl"), "--rejects", str(out / "r.jsonl")),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    return records(out / "o.jsonl"), records(out / "r.jsonl")


def wait_for_checkpoint(out: Path, process: subprocess.Popen[str], after: float) -> None:
    state = out.with_name(f".{out.name}.state.json")
    deadline = time.monotonic() + 60
    while not state.exists():
        assert process.poll() is None, "the run ended before its first checkpoint"
        assert time.monotonic() < deadline
        time.sleep(0.01)
    time.sleep(after)


@pytest.mark.parametrize("signum, after", [(signal.SIGKILL, 0.0), (signal.SIGKILL, 0.37), (signal.SIGINT, 0.2)])
@pytest.mark.parametrize("workers", ["1", "2"])
def test_interrupted_run_resumes_to_exactly_the_reference(
    corpus: Path, reference: tuple[list[dict[str, object]], list[dict[str, object]]], tmp_path: Path,
    signum: int, after: float, workers: str,
) -> None:  # fmt: skip
    out, rejects = tmp_path / "out.jsonl", tmp_path / "rejects.jsonl"
    out.write_text("previous\n")
    args = [str(corpus), "-o", str(out), "--rejects", str(rejects), "--workers", workers]
    process = subprocess.Popen(ingest(*args), stderr=subprocess.PIPE, text=True)
    wait_for_checkpoint(out, process, after)
    process.send_signal(signum)
    _, err = process.communicate(timeout=60)
    if process.returncode in (0, 1):
        pytest.skip("the run finished before the signal arrived")  # a fast machine; nothing to resume
    assert out.read_text() == "previous\n", "the final name was touched by an unfinished run"
    if signum == signal.SIGINT:
        assert process.returncode == 130 and "--resume" in err

    again = subprocess.run(ingest(*args, "--resume"), capture_output=True, text=True, check=False)
    assert again.returncode == 1, again.stderr
    articles, rejected = records(out), records(rejects)
    assert articles == reference[0] and rejected == reference[1]
    assert len({a["id"] for a in articles}) == len(articles)
    assert leftovers(tmp_path) == {"out.jsonl", "rejects.jsonl"}


def test_resume_without_an_interrupted_run_is_refused(corpus: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        ingest(str(corpus), "-o", str(tmp_path / "o.jsonl"), "--resume"), capture_output=True, text=True, check=False
    )
    assert result.returncode == 2 and "nothing to resume" in result.stderr


def test_two_runs_on_the_same_output_refuse_clearly(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    first = subprocess.Popen(ingest(str(corpus), "-o", str(out), "--workers", "1"), stderr=subprocess.PIPE, text=True)
    wait_for_checkpoint(out, first, 0)
    second = subprocess.run(ingest(str(corpus), "-o", str(out)), capture_output=True, text=True, check=False)
    first.kill()
    first.communicate()
    assert second.returncode == 2 and "another masthead run" in second.stderr


def test_the_same_article_twice_is_written_once_unless_asked(tmp_path: Path) -> None:
    seed = ROOT / "corpus" / "001_77bc0baac539023c.txt"
    respaced = tmp_path / "respaced.txt"
    respaced.write_text(MT.replace("\n", "\r\n\r\n").replace("“", '"').replace("”", '"'), encoding="utf-8")
    out, summary = tmp_path / "o.jsonl", tmp_path / "s.json"
    run = subprocess.run(
        ingest(str(seed), str(seed), str(respaced), "-o", str(out), "--summary-json", str(summary)),
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert len(records(out)) == 1
    stats = json.loads(summary.read_text())
    assert (stats["read"], stats["ingested"], stats["duplicates"]) == (3, 1, 2)
    kept = subprocess.run(
        ingest(str(seed), str(seed), "-o", str(out), "--keep-duplicates"), capture_output=True, text=True, check=False
    )
    assert kept.returncode == 0 and len(records(out)) == 2


def interrupted_run(tmp_path: Path, count: int = 260) -> tuple[Path, list[str]]:
    """A run over ``count`` inputs killed after a few checkpoints: ``(inputs, args)``."""
    corpus = make_inputs(tmp_path / "inputs", count)
    out = tmp_path / "out.jsonl"
    args = [str(corpus), "-o", str(out), "--rejects", str(tmp_path / "rejects.jsonl"), "--workers", "1"]
    process = subprocess.Popen(ingest(*args), stderr=subprocess.PIPE, text=True)
    wait_until(lambda: (state_of(out) or {}).get("done", 0) >= 100, process, "two checkpoints")  # type: ignore[operator]
    process.kill()
    process.communicate()
    return corpus, args


def by_id(path: Path) -> dict[object, dict[str, object]]:
    data = records(path)
    assert len({r["id"] for r in data}) == len(data), "an article was written twice"
    return {r["id"]: r for r in data}


def test_resume_reads_a_file_added_before_the_resume_point_and_names_it(tmp_path: Path) -> None:
    corpus, args = interrupted_run(tmp_path)
    added = corpus / "00001a.txt"  # sorts among the finished files
    added.write_text(MT.replace("commemorated a historic meeting", "commemorated an added meeting"))
    again = subprocess.run(ingest(*args, "--resume"), capture_output=True, text=True, check=False)
    assert again.returncode == 1, again.stderr
    assert "input_added" in again.stderr and "00001a.txt" in again.stderr
    reference = tmp_path / "reference.jsonl"
    subprocess.run(ingest(str(corpus), "-o", str(reference)), capture_output=True, check=False)
    assert by_id(tmp_path / "out.jsonl") == by_id(reference)


def test_resume_refuses_when_a_finished_input_changed(tmp_path: Path) -> None:
    corpus, args = interrupted_run(tmp_path)
    changed = corpus / "00003.txt"
    changed.write_text(changed.read_text() + "\nA late correction.\n")
    again = subprocess.run(ingest(*args, "--resume"), capture_output=True, text=True, check=False)
    assert again.returncode == 2 and "00003.txt" in again.stderr and "changed" in again.stderr


def test_resume_names_a_finished_input_that_was_removed_and_keeps_its_record(tmp_path: Path) -> None:
    corpus, args = interrupted_run(tmp_path)
    reference = tmp_path / "reference.jsonl"
    subprocess.run(ingest(str(corpus), "-o", str(reference)), capture_output=True, check=False)
    (corpus / "00003.txt").unlink()
    again = subprocess.run(ingest(*args, "--resume"), capture_output=True, text=True, check=False)
    assert again.returncode == 1, again.stderr
    assert "input_removed" in again.stderr and "00003.txt" in again.stderr
    assert by_id(tmp_path / "out.jsonl") == by_id(reference)
