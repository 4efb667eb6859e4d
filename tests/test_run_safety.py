"""What a run writes, and where, is safe: through the installed command.

No output may be an input; every written file is locked; a missing input
is named and never costs a good output; an unwritable place fails in one
line before anything is read, with its own exit code; a full disk stops the
run with its progress kept for ``--resume``.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from runkit import ROOT, ingest, leftovers, make_inputs, records, run, state_of, wait_until

SEED = ROOT / "corpus" / "000_e8f30686367901c1.txt"
EXIT_WRITE = 5


def one_line(stderr: str) -> str:
    """The one line that says what went wrong (document events aside)."""
    lines = [line for line in stderr.splitlines() if line.startswith("masthead:")]
    assert len(lines) == 1 and "Traceback" not in stderr, stderr
    return lines[0]


@pytest.mark.parametrize("option", ["-o", "--rejects", "--summary-json"])
def test_an_output_that_is_an_input_is_refused(tmp_path: Path, option: str) -> None:
    page = tmp_path / "page.txt"
    page.write_bytes(SEED.read_bytes())
    args = {"-o": str(tmp_path / "o.jsonl"), option: str(page)}
    result = run(*ingest(str(page), *[x for pair in args.items() for x in pair]))
    assert result.returncode == 2 and "page.txt" in one_line(result.stderr)
    assert page.read_bytes() == SEED.read_bytes()


@pytest.mark.parametrize("option", ["-o", "--rejects"])
@pytest.mark.parametrize("given", ["directory", "glob"])
def test_an_output_that_is_a_page_of_an_input_directory_is_refused(tmp_path: Path, option: str, given: str) -> None:
    """A page met by walking a directory or a glob is an input too: writing
    over it would lose it unread, and the run would not count it."""
    pages = tmp_path / "pages"
    pages.mkdir()
    page = pages / "page.txt"
    page.write_bytes(SEED.read_bytes())
    (pages / "other.txt").write_bytes(SEED.read_bytes().replace(b"Russia", b"Moscow"))
    argument = str(pages) if given == "directory" else str(pages / "*.txt")
    args = {"-o": str(tmp_path / "o.jsonl"), option: str(page)}
    result = run(*ingest(argument, *[x for pair in args.items() for x in pair]))
    assert result.returncode == 2 and f"{page} is a page of the inputs and also {option}" in one_line(result.stderr)
    assert page.read_bytes() == SEED.read_bytes()
    records_file = pages / "records.jsonl"
    records_file.write_text('{"url": "https://www.themoscowtimes.com/a", "text": "A page"}\n')
    crawl = run(*ingest(str(pages), "-o", str(records_file)))
    assert crawl.returncode == 2 and "records.jsonl is a page of the inputs" in one_line(crawl.stderr)


def test_a_page_reached_through_a_followed_link_or_opening_blank_is_refused_too(tmp_path: Path) -> None:
    """The inputs are listed as the run will list them: a page behind a
    link the run follows is an input; and a user's file that opens with a
    blank line is not masthead's output, whatever follows."""
    pages, data = tmp_path / "pages", tmp_path / "data"
    pages.mkdir()
    data.mkdir()
    (pages / "page.txt").write_bytes(SEED.read_bytes())
    record = b'{"url": "https://www.themoscowtimes.com/a", "text": "A page"}\n'
    (data / "records.jsonl").write_bytes(record)
    (pages / "records.jsonl").symlink_to(data / "records.jsonl")
    followed = run(*ingest(str(pages), "--follow-links", "-o", str(data / "records.jsonl")))
    assert followed.returncode == 2 and "records.jsonl is a page of the inputs" in one_line(followed.stderr)
    assert (data / "records.jsonl").read_bytes() == record
    (pages / "records.jsonl").unlink()
    (pages / "blank.jsonl").write_bytes(b"\n" + record)
    blank = run(*ingest(str(pages), "-o", str(pages / "blank.jsonl")))
    assert blank.returncode == 2 and "blank.jsonl is a page of the inputs" in one_line(blank.stderr)
    assert (pages / "blank.jsonl").read_bytes() == b"\n" + record


def test_an_output_the_run_would_not_read_is_written(tmp_path: Path) -> None:
    """A link out of the input that the run does not follow is no input:
    a file behind it may be an output, whether the input is given as a
    directory or as a glob."""
    pages, elsewhere = tmp_path / "pages", tmp_path / "elsewhere"
    pages.mkdir()
    elsewhere.mkdir()
    (pages / "page.txt").write_bytes(SEED.read_bytes())
    (pages / "linked").symlink_to(elsewhere)
    out = elsewhere / "mine.jsonl"
    for argument in (str(pages), str(pages / "*")):
        out.write_text('{"text": "a file of the user\'s, not read by this run"}\n')
        result = run(*ingest(argument, "-o", str(out)))
        assert result.returncode in (0, 1), result.stderr
        assert records(out)[0]["title"]


def test_the_runs_own_output_inside_its_input_directory_is_replaced_as_before(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "page.txt").write_bytes(SEED.read_bytes())
    out, rejects = pages / "out.jsonl", pages / "rejects.jsonl"
    paragraphs = "".join(f"<p>Paragraph {n} of the page tells its reader something new.</p>" for n in range(2000))
    long = f"<html><head><title>A long page</title></head><body><article><h1>A long page</h1>{paragraphs}</article>"
    (pages / "a-long.html").write_text(long)  # its record, written first, is longer than the 64 KiB read to know it
    for _ in range(2):
        result = run(*ingest(str(pages), "-o", str(out), "--rejects", str(rejects), "--fallback", "generic"))
        assert result.returncode == 0, result.stderr
        assert len(records(out)) == 2
        assert len(out.read_text().splitlines()[0]) > 64 * 1024


def test_outputs_must_differ_from_each_other(tmp_path: Path) -> None:
    out = str(tmp_path / "o.jsonl")
    result = run(*ingest(str(SEED), "-o", out, "--summary-json", out))
    assert result.returncode == 2 and "different files" in result.stderr


@pytest.mark.parametrize("clash", ["--rejects", "-o"])
def test_a_file_another_run_writes_is_refused_whatever_its_role(tmp_path: Path, clash: str) -> None:
    # Enough inputs that the first run is still writing (and holding its
    # files) while the second starts: with 600 a fast run sometimes ended
    # between its first checkpoint and the second run's start. It is killed
    # as soon as the second has answered.
    corpus = make_inputs(tmp_path / "in", 4000)
    out, rejects = tmp_path / "a.jsonl", tmp_path / "shared.jsonl"
    first = subprocess.Popen(
        ingest(str(corpus), "-o", str(out), "--rejects", str(rejects), "--workers", "1"),
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_until(lambda: (state_of(out) or {}).get("done", 0) > 0, first, "the first checkpoint")
        args = {"-o": str(tmp_path / "b.jsonl"), clash: str(rejects)}
        second = run(*ingest(str(SEED), *[x for pair in args.items() for x in pair]))
    finally:
        first.kill()
        first.communicate()
    assert second.returncode == 2 and "another masthead run" in second.stderr
    assert not (tmp_path / "b.jsonl").exists()


def test_a_missing_input_is_named_and_never_costs_a_good_output(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("good\n")
    typo = run(*ingest(str(tmp_path / "corpsu"), "-o", str(out)))
    assert typo.returncode == 2 and "corpsu" in typo.stderr
    assert out.read_text() == "good\n"

    partly = run(*ingest(str(tmp_path / "corpsu"), str(SEED), "-o", str(tmp_path / "b.jsonl")))
    assert partly.returncode == 1 and "corpsu" in partly.stderr
    assert len(records(tmp_path / "b.jsonl")) == 1

    nothing = tmp_path / "empty.txt"
    nothing.write_text("")
    empty = run(*ingest(str(nothing), "-o", str(out)))
    assert empty.returncode == 1 and out.read_text() == "good\n"


@contextlib.contextmanager
def tmpfs(where: Path, size: str, *options: str) -> Iterator[Path]:
    """A small real file system of its own (root only)."""
    where.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", ",".join([f"size={size}", *options]), "tmpfs", str(where)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def test_an_unwritable_directory_fails_in_one_line_before_reading(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        context: contextlib.AbstractContextManager[Path] = tmpfs(tmp_path / "ro", "64k", "ro")
    else:
        (tmp_path / "ro").mkdir(mode=0o555)
        context = contextlib.nullcontext(tmp_path / "ro")
    with context as readonly:
        result = run(*ingest(str(SEED), "-o", str(readonly / "o.jsonl")))
        assert result.returncode == EXIT_WRITE and "cannot write" in one_line(result.stderr)
        assert list(readonly.iterdir()) == []


def test_a_bad_summary_path_fails_before_any_output_is_written(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    out = tmp_path / "o.jsonl"
    result = run(*ingest(str(SEED), "-o", str(out), "--summary-json", str(blocker / "s.json")))
    assert result.returncode == EXIT_WRITE and "cannot write" in one_line(result.stderr)
    assert leftovers(tmp_path) == {"file"}


def test_a_special_file_as_output_is_refused(tmp_path: Path) -> None:
    result = run(*ingest(str(SEED), "-o", str(tmp_path / "o.jsonl"), "--summary-json", "/dev/full"))
    assert result.returncode == 2 and "not a regular file" in one_line(result.stderr)


@pytest.mark.skipif(os.geteuid() != 0, reason="mounting a small file system needs root")
def test_a_full_disk_stops_in_one_line_and_resume_finishes_after_room_is_made(tmp_path: Path) -> None:
    corpus = make_inputs(tmp_path / "in", 120)
    reference = tmp_path / "ref.jsonl"
    assert run(*ingest(str(corpus), "-o", str(reference), "--workers", "1")).returncode == 1
    with tmpfs(tmp_path / "small", "64k") as small:
        out = small / "o.jsonl"
        args = [str(corpus), "-o", str(out), "--workers", "1"]
        full = run(*ingest(*args, every=10))
        assert full.returncode == EXIT_WRITE, full.stderr
        assert "No space left" in one_line(full.stderr) and "--resume" in full.stderr
        assert not out.exists() and (state_of(out) or {}).get("done", 0) > 0
        subprocess.run(["mount", "-o", "remount,size=4m", str(small)], check=True)
        again = run(*ingest(*args, "--resume", every=10))
        assert again.returncode == 1, again.stderr
        assert records(out) == records(reference)
        assert leftovers(small) == {"o.jsonl"}


def first_batch_of(out: Path, corpus: Path) -> bool:
    """Whether the run writing ``out`` has written records of ``corpus``."""
    try:
        with open(out.with_name(f".{out.name}.partial"), encoding="utf-8") as partial:
            return str(corpus) in partial.read(4096)
    except FileNotFoundError:
        return False


@pytest.mark.parametrize("stale", [False, True])
def test_a_kill_before_the_first_checkpoint_resumes_and_never_uses_a_stale_one(tmp_path: Path, stale: bool) -> None:
    corpus = make_inputs(tmp_path / "in", 600)
    out, reference = tmp_path / "o.jsonl", tmp_path / "ref.jsonl"
    assert run(*ingest(str(corpus), "-o", str(reference), "--workers", "1")).returncode == 1
    if stale:  # an older run over other inputs, killed after its checkpoints
        other = make_inputs(tmp_path / "other", 300, start=5000)
        older = subprocess.Popen(ingest(str(other), str(corpus), "-o", str(out), "--workers", "1", every=20))
        wait_until(lambda: (state_of(out) or {}).get("done", 0) >= 100, older, "the older run's checkpoints")  # type: ignore[operator]
        older.kill()
        older.wait()
    args = [str(corpus), "-o", str(out), "--workers", "1"]
    process = subprocess.Popen(ingest(*args, every=100_000), stderr=subprocess.PIPE, text=True)
    wait_until(lambda: first_batch_of(out, corpus), process, "the first written batch")
    process.send_signal(signal.SIGKILL)
    process.communicate()
    if process.returncode in (0, 1):
        pytest.skip("the run finished before the signal arrived")  # a fast machine; nothing to resume
    again = run(*ingest(*args, "--resume"))
    assert again.returncode == 1, again.stderr
    assert records(out) == records(reference)


def test_sigterm_saves_a_final_checkpoint_and_resume_finishes(tmp_path: Path) -> None:
    corpus = make_inputs(tmp_path / "in", 600)
    out, reference = tmp_path / "o.jsonl", tmp_path / "ref.jsonl"
    assert run(*ingest(str(corpus), "-o", str(reference), "--workers", "1")).returncode == 1
    args = [str(corpus), "-o", str(out), "--workers", "1"]
    process = subprocess.Popen(ingest(*args, every=100_000), stderr=subprocess.PIPE, text=True)
    wait_until(lambda: first_batch_of(out, corpus), process, "the first written batch")
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate()
    if process.returncode in (0, 1):
        pytest.skip("the run finished before the signal arrived")
    assert process.returncode == 128 + signal.SIGTERM and "--resume" in err, err
    saved = state_of(out)
    assert saved is not None and f"after {saved['done']} document(s)" in err and saved["done"] > 0
    again = run(*ingest(*args, "--resume"))
    assert again.returncode == 1, again.stderr
    assert records(out) == records(reference)
