"""A plugin that raises ``SystemExit``, ``KeyboardInterrupt`` or ``MemoryError``
costs one document, a rejection naming it, in this process and in workers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from masthead.extract.document import RawDocument
from masthead.models import Article, Rejection
from masthead.run.runconfig import PipelineConfig, fingerprint
from masthead.run.runners import Outlet, run_in_process, run_in_processes
from masthead.run.summary import Summary
from runkit import MASTHEAD, install_test_plugin, run

FAULTY = PipelineConfig(load_entry_points=False, extra=(("misbehaving", "misbehaving_plugins"),))
FAULTS = ("sysexit", "keyboard", "oom")


class ListSink(list[Article | Rejection]):
    """Keeps what it is given, in memory."""

    write = list.append

    def close(self) -> None:
        """Nothing to publish."""

    abort = close

    @property
    def records(self) -> list[Article | Rejection]:
        return self


def doc(name: str, marker: str = "") -> RawDocument:
    return RawDocument(uri=name, data=f"Title {name}\nMISBEHAVING page {name}.\n{marker}\n".encode())


def documents() -> list[RawDocument]:
    return [doc("before"), *(doc(kind, f"FAULT:{kind}") for kind in FAULTS), doc("after")]


def check(summary: Summary, sinks: tuple[ListSink, ListSink]) -> None:
    assert [a.provenance.input for a in sinks[0].records if isinstance(a, Article)] == ["before", "after"]
    rejected = {r.input: r for r in sinks[1].records if isinstance(r, Rejection)}
    assert set(rejected) == set(FAULTS)
    for kind in FAULTS:
        record = rejected[kind]
        assert (record.stage, record.plugin) == ("parse", "misbehaving"), record
        assert record.reason == ("memory_limit" if kind == "oom" else "plugin_error"), record
    assert "SystemExit" in rejected["sysexit"].error and "KeyboardInterrupt" in rejected["keyboard"].error
    assert summary.read == len(FAULTS) + 2 and summary.balanced


@pytest.mark.parametrize("timeout", [None, 5.0])
def test_in_process_a_plugin_exit_or_memory_error_is_one_rejection(timeout: float | None) -> None:
    sinks = ListSink(), ListSink()
    summary = Summary()
    run_in_process(documents(), FAULTY.build(), Outlet(*sinks, summary), timeout=timeout)
    check(summary, sinks)


def test_in_worker_processes_a_plugin_exit_names_the_plugin() -> None:
    sinks = ListSink(), ListSink()
    summary = Summary()
    expected = fingerprint(FAULTY.build())
    run_in_processes(documents(), FAULTY, Outlet(*sinks, summary), workers=2, timeout=20, expected=expected)
    check(summary, sinks)


@pytest.mark.parametrize("workers", ["1", "2"])
def test_the_command_goes_on_past_a_plugin_that_exits(tmp_path: Path, workers: str) -> None:
    env = install_test_plugin(tmp_path / "site")
    pages = tmp_path / "pages"
    pages.mkdir()
    count = 60  # over the size where worker processes are used
    for n in range(count):
        marker = f"FAULT:{FAULTS[n % 3]}" if n % 10 == 5 else ""
        (pages / f"{n:03d}.txt").write_text(f"Title {n}\nMISBEHAVING page {n}.\n{marker}\n")
    out, rejects = tmp_path / "o.jsonl", tmp_path / "r.jsonl"
    result = run(
        MASTHEAD, "ingest", str(pages), "-o", str(out), "--rejects", str(rejects), "--workers", workers, env=env
    )
    assert result.returncode == 1, result.stderr
    rejected = [json.loads(line) for line in rejects.read_text().splitlines()]
    assert len(rejected) == 6 and {r["plugin"] for r in rejected} == {"misbehaving"}
    assert len(out.read_text().splitlines()) == count - 6


def test_a_detector_that_raises_is_named_by_detect_and_in_the_rejection(tmp_path: Path) -> None:
    """``masthead detect`` and the unclaimed rejection say which detector
    failed and how, instead of a 0.00 that looks like a fair verdict."""
    env = install_test_plugin(tmp_path / "site")
    page = tmp_path / "page.txt"
    page.write_text("A Headline\nNothing any outlet would claim.\nDETECT:raise\n")
    shown = run(MASTHEAD, "detect", str(page), env=env)
    assert shown.returncode == 1, shown.stderr
    assert "failed  misbehaving: RuntimeError: detector fault" in shown.stdout
    assert "0.00  misbehaving" not in shown.stdout
    rejects = tmp_path / "rejects.jsonl"
    ingested = run(MASTHEAD, "ingest", str(page), "-o", str(tmp_path / "out.jsonl"), "--rejects", str(rejects), env=env)
    assert ingested.returncode == 1, ingested.stderr
    [rejection] = [json.loads(line) for line in rejects.read_text().splitlines()]
    assert rejection["reason"] == "unclaimed"
    assert "misbehaving failed (RuntimeError: detector fault)" in rejection["error"]


@pytest.mark.parametrize("stage", ["decode", "route"])
def test_masthead_running_out_of_memory_on_a_page_is_memory_limit_not_a_bad_page(
    stage: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under ``--memory-limit`` a large page may exhaust memory in masthead's
    own code (decoding it, building its tree for routing): that is the
    budget's ``memory_limit``, as for a plugin, not ``undecodable`` or
    ``unparsable`` (which say the page is bad, and are not worth a retry)."""
    from masthead import pipeline as pipeline_module

    built = FAULTY.build()
    if stage == "decode":
        real = pipeline_module.Page.from_raw

        def from_raw(raw: RawDocument) -> object:
            if raw.uri == "huge":
                raise MemoryError
            return real(raw)

        monkeypatch.setattr(pipeline_module.Page, "from_raw", staticmethod(from_raw))
    else:
        from masthead.router import Router

        real_route = Router.route

        def route(self: Router, page: Any) -> Any:
            if page.raw.uri == "huge":
                raise MemoryError
            return real_route(self, page)

        monkeypatch.setattr(Router, "route", route)
    sinks = ListSink(), ListSink()
    summary = Summary()
    run_in_process([doc("before"), doc("huge"), doc("after")], built, Outlet(*sinks, summary), timeout=5.0)
    [rejection] = [r for r in sinks[1].records if isinstance(r, Rejection)]
    assert (rejection.input, rejection.reason, rejection.plugin) == ("huge", "memory_limit", None)
    assert [a.provenance.input for a in sinks[0].records if isinstance(a, Article)] == ["before", "after"]


def test_a_worker_out_of_memory_before_its_first_document_names_the_limit() -> None:
    from masthead.run.pool import _death
    from masthead.run.worker import OUT_OF_MEMORY_EXIT

    assert _death(OUT_OF_MEMORY_EXIT)[0] == "memory_limit"
    assert _death(-9) == ("worker_died", "worker process killed by SIGKILL")
