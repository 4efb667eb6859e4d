"""The installed ``masthead`` command, run as a user runs it: as a subprocess."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
SEEDS = sorted(CORPUS.glob("*.txt"))


def masthead_command() -> list[str]:
    script = Path(sys.executable).with_name("masthead")
    found = str(script) if script.exists() else shutil.which("masthead")
    assert found, "the masthead command is not installed in this environment"
    return [found]


def run(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None, stdin: bytes | None = None
) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [*masthead_command(), *args],
        cwd=cwd,
        env=full_env,
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
        timeout=120,
    )


def read_jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_ingest_corpus_writes_one_valid_record_per_document(tmp_path: Path) -> None:
    out, summary = tmp_path / "out.jsonl", tmp_path / "summary.json"
    result = run("ingest", str(CORPUS), "-o", str(out), "--summary-json", str(summary))
    assert result.returncode == 0, result.stderr
    records = read_jsonl(out)
    assert len(records) == len(SEEDS) == 5
    assert sorted(Path(str(r["provenance"]["input"])).name for r in records) == [p.name for p in SEEDS]  # type: ignore[index]
    stats = json.loads(summary.read_text())
    assert stats["read"] == stats["ingested"] == 5 and stats["rejected"] == 0
    assert sum(stats["ingested_by_plugin"].values()) == 5
    validated = run("validate", str(out))
    assert validated.returncode == 0, validated.stdout
    assert "5 line(s), all valid" in validated.stderr


def test_plugins_lists_the_four_first_party_sources() -> None:
    result = run("plugins", "--json")
    assert result.returncode == 0, result.stderr
    infos = {p["name"]: p for p in json.loads(result.stdout)}
    for name, domain in [
        ("russia_briefing", "russia-briefing.com"),
        ("moscow_times", "themoscowtimes.com"),
        ("wire_aggregator", "econotimes.com"),
        ("opinion_site", "southfront.press"),
    ]:
        assert infos[name]["status"] == "loaded"
        assert domain in infos[name]["domains"]
        assert infos[name]["hooks"] == ["masthead_register_sources"]
    human = run("plugins").stdout
    assert "moscow_times  [loaded]  masthead 0.1.0" in human


def test_disable_flag_and_environment_variable() -> None:
    flag = json.loads(run("plugins", "--json", "--disable", "moscow_times").stdout)
    env = json.loads(run("plugins", "--json", env={"MASTHEAD_DISABLE": "moscow_times"}).stdout)
    for infos in (flag, env):
        assert {p["name"]: p["status"] for p in infos}["moscow_times"] == "disabled"


def test_bad_inputs_are_rejected_with_reasons_and_the_run_completes(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (tmp_path / "weird.txt").write_bytes(b"\xff\xfe\xfa" * 3)
    out, rejects, summary = tmp_path / "out.jsonl", tmp_path / "rejects.jsonl", tmp_path / "s.json"
    result = run(
        "ingest", str(CORPUS), str(tmp_path / "empty.txt"), str(tmp_path / "image.html"), str(tmp_path / "missing.txt"),
        "-o", str(out), "--rejects", str(rejects), "--summary-json", str(summary),
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert len(read_jsonl(out)) == 5
    reasons = {Path(str(r["input"])).name: r["reason"] for r in read_jsonl(rejects)}
    assert reasons == {"empty.txt": "empty", "image.html": "binary", "missing.txt": "not_found"}
    stats = json.loads(summary.read_text())
    assert stats["read"] == stats["ingested"] + stats["rejected"] == 8


def test_forced_source_and_unknown_source() -> None:
    forced = run("parse", str(SEEDS[0]), "--source", "generic")
    assert forced.returncode == 0 and json.loads(forced.stdout)["outlet"] == "generic"
    unknown = run("parse", str(SEEDS[0]), "--source", "nope")
    assert unknown.returncode == 2 and "no source plugin named 'nope'" in unknown.stderr


def test_detect_shows_the_choice_and_scores() -> None:
    result = run("detect", *map(str, SEEDS))
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("(by detect)") == 5
    assert "0." in result.stdout


def test_stdin_input(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = run("ingest", "-", "-o", str(out), stdin=SEEDS[1].read_bytes())
    assert result.returncode == 0, result.stderr
    [record] = read_jsonl(out)
    assert record["provenance"]["input"] == "<stdin>"  # type: ignore[index]


def test_json_logs_carry_uri_and_plugin(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_text("nothing any outlet would claim, plainly")
    result = run("--log-format", "json", "ingest", str(tmp_path), "-o", str(tmp_path / "o.jsonl"))
    events = [json.loads(line) for line in result.stderr.splitlines() if line.startswith("{")]
    rejected = [e for e in events if e["event"] == "document_rejected"]
    assert rejected and rejected[0]["uri"].endswith("bad.txt") and "plugin" in rejected[0]


def test_validate_reports_line_numbers(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert run("ingest", str(SEEDS[1]), "-o", str(out)).returncode == 0
    good = out.read_text(encoding="utf-8")
    broken = json.loads(good)
    broken["published"] = "someday"
    out.write_text(good + "not json\n" + json.dumps(broken) + "\n", encoding="utf-8")
    result = run("validate", str(out))
    assert result.returncode == 4
    assert f"{out}:2: not JSON" in result.stdout
    assert f"{out}:3: $.published" in result.stdout


@pytest.mark.parametrize("args", [["ingest"], ["ingest", "x"], ["frobnicate"]])
def test_usage_errors_exit_2(args: list[str]) -> None:
    assert run(*args).returncode == 2
