"""The installed ``masthead`` command, run as a user runs it: as a subprocess."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import masthead

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
    assert f"moscow_times  [loaded]  masthead {masthead.__version__}" in human


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


def install_plugin(tmp_path: Path, name: str, code: str) -> dict[str, str]:
    """Install a one-module plugin ``name`` the way pip leaves one (a module
    and a dist-info with the entry point) in a folder; return the environment
    that puts it on the path of the installed command."""
    site = tmp_path / "site"
    (site / f"{name}-1.0.dist-info").mkdir(parents=True)
    (site / f"{name}.py").write_text(code)
    (site / f"{name}-1.0.dist-info" / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n")
    (site / f"{name}-1.0.dist-info" / "entry_points.txt").write_text(f"[masthead]\n{name} = {name}\n")
    return {"PYTHONPATH": str(site)}


CLASHING_PLUGIN = """
import masthead

class Clash(masthead.Source):
    name = "clash"
    domains = ("themoscowtimes.com",)

    def detect(self, page):
        return 0.0

    def parse(self, page):
        return masthead.Draft(title="x", body=["y"])

@masthead.hookimpl
def masthead_register_sources(register):
    register(Clash())
"""


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (["--plugins", "nope"], {}),
        (["--disable", "nope"], {}),
        ([], {"MASTHEAD_PLUGINS": "moscow_times,nope"}),
        ([], {"MASTHEAD_DISABLE": "nope"}),
    ],
    ids=["--plugins", "--disable", "MASTHEAD_PLUGINS", "MASTHEAD_DISABLE"],
)
def test_an_unknown_plugin_name_is_a_usage_error(tmp_path: Path, args: list[str], env: dict[str, str]) -> None:
    out = tmp_path / "out.jsonl"
    result = run("ingest", str(CORPUS), "-o", str(out), *args, env=env)
    assert result.returncode == 2, result.stderr
    [line] = result.stderr.splitlines()
    assert "no plugin named 'nope'" in line and "installed: moscow_times" in line
    assert not out.exists()


@pytest.mark.parametrize("name", ["readers", "sinks", "warc"])
def test_built_in_plugins_cannot_be_disabled(tmp_path: Path, name: str) -> None:
    result = run("ingest", str(CORPUS), "-o", str(tmp_path / "out.jsonl"), "--disable", name)
    assert result.returncode == 2
    assert f"'{name}': built into masthead and always loaded" in result.stderr


def test_a_plugin_claiming_a_first_party_domain_is_refused_and_named(tmp_path: Path) -> None:
    env = install_plugin(tmp_path, "a_clash", CLASHING_PLUGIN)  # sorts before moscow_times
    infos = {p["name"]: p for p in json.loads(run("plugins", "--json", env=env).stdout)}
    assert infos["moscow_times"]["status"] == "loaded"
    assert "themoscowtimes.com" in infos["moscow_times"]["domains"]
    assert infos["a_clash"]["status"] == "failed"
    assert "'themoscowtimes.com' is already owned by source 'moscow_times'" in infos["a_clash"]["error"]
    strict = run("ingest", str(CORPUS), "-o", str(tmp_path / "out.jsonl"), "--strict", env=env)
    assert strict.returncode == 3 and "a_clash" in strict.stderr
    assert not (tmp_path / "out.jsonl").exists()


def test_a_plugin_failure_is_printed_once_when_stderr_is_piped(tmp_path: Path) -> None:
    env = install_plugin(tmp_path, "broken_one", "raise ImportError('no such thing')\n")
    result = run("ingest", str(SEEDS[1]), "-o", str(tmp_path / "out.jsonl"), env=env)
    assert result.returncode == 0
    mentions = [line for line in result.stderr.splitlines() if "broken_one" in line]
    assert len(mentions) == 1, result.stderr
    assert json.loads(mentions[0])["event"] == "plugin_failed"


def test_every_read_stage_rejection_is_logged_with_its_uri(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:  # sparse: past the 64 MiB document limit without using the disk
        handle.truncate(65 * 1024 * 1024)
    (tmp_path / "notes.xyz").write_text("no reader for this")
    missing = tmp_path / "missing.txt"
    result = run(
        "--log-format", "json", "ingest", "-v", str(big), str(missing), str(tmp_path / "notes.xyz"),
        "-o", str(tmp_path / "out.jsonl"),
    )  # fmt: skip
    assert result.returncode == 1
    events = [json.loads(line) for line in result.stderr.splitlines()]
    rejected = {Path(e["uri"]).name: e["reason"] for e in events if e["event"] == "document_rejected"}
    assert rejected == {"big.txt": "too_large", "missing.txt": "not_found", "notes.xyz": "unsupported_format"}


def test_parse_of_a_missing_file_is_a_one_line_usage_error(tmp_path: Path) -> None:
    result = run("parse", str(tmp_path / "missing.txt"))
    assert result.returncode == 2
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith("masthead: error: ") and "missing.txt" in line and "no such file" in line


def test_validate_says_pretty_printed_json_is_not_jsonl(tmp_path: Path) -> None:
    pretty = tmp_path / "one.json"
    parsed = run("parse", str(SEEDS[1]))
    assert parsed.returncode == 0
    pretty.write_text(parsed.stdout)
    result = run("validate", str(pretty))
    assert result.returncode == 4
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert "looks like one pretty-printed JSON object, not JSONL" in line


def unclaimed_pages(tmp_path: Path, count: int = 3) -> Path:
    pages = tmp_path / "pages"
    pages.mkdir()
    for n in range(count):
        (pages / f"nobody{n}.txt").write_text(f"Page {n} that no outlet would claim.\n")
    (pages / "moscow.txt").write_bytes(SEEDS[1].read_bytes())
    return pages


def test_by_default_one_line_per_problem_kind_then_the_summary(tmp_path: Path) -> None:
    pages = unclaimed_pages(tmp_path)
    result = run("--log-format", "console", "ingest", str(pages), str(tmp_path / "gone.txt"), "-o", str(tmp_path / "o"))
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert [line.split(" uri=")[0] for line in lines[:2]] == [
        "warning: document_rejected reason=unclaimed",
        "warning: document_rejected reason=not_found",
    ]
    assert lines[2].startswith("read 5  ingested 1  rejected 4")
    assert "rejected by reason: not_found 1, unclaimed 3" in lines


def test_quiet_shows_only_errors_and_the_summary(tmp_path: Path) -> None:
    pages = unclaimed_pages(tmp_path)
    result = run("ingest", str(pages), "-o", str(tmp_path / "o"), "-q", "--log-format", "console")
    assert result.returncode == 1
    assert result.stderr.startswith("read 4  ingested 1  rejected 3")


def test_verbose_shows_every_document(tmp_path: Path) -> None:
    pages = unclaimed_pages(tmp_path)
    result = run("-v", "--log-format", "console", "ingest", str(pages), "-o", str(tmp_path / "o"))
    lines = result.stderr.splitlines()
    assert len([line for line in lines if line.startswith("warning: document_rejected reason=unclaimed")]) == 3
    assert len([line for line in lines if line.startswith("info: document_ingested")]) == 1


def test_json_logs_end_with_one_run_finished_event_and_no_text(tmp_path: Path) -> None:
    pages = unclaimed_pages(tmp_path)
    result = run("ingest", str(pages), "-o", str(tmp_path / "o"), "--log-format", "json", "-q")
    events = [json.loads(line) for line in result.stderr.splitlines()]  # every line is JSON
    assert [e["event"] for e in events] == ["run_finished"]
    assert (events[0]["read"], events[0]["ingested"], events[0]["rejected"]) == (4, 1, 3)
    assert events[0]["rejected_by_reason"] == {"unclaimed": 3}


def test_ingest_help_is_grouped_with_examples() -> None:
    result = run("ingest", "--help")
    assert result.returncode == 0
    text = result.stdout
    sections = [line.rstrip(":") for line in text.splitlines() if line and not line.startswith(" ")]
    for section in ("Input", "Output", "Routing", "Runners", "Safety"):
        assert section in sections
    order = ["Output:", "  --rejects", "Routing:", "  --source", "Runners:", "  --workers", "Safety:", "  --timeout"]
    assert [text.index(item) for item in order] == sorted(text.index(item) for item in order)
    examples = text.split("Examples:", 1)[1]
    assert len([line for line in examples.splitlines() if line.strip().startswith("masthead ingest")]) == 3
    assert "``" not in text and "``" not in run("--help").stdout
    assert re.search(r"--sink \[[a-z|]*jsonl[a-z|]*\]", text)


@pytest.mark.parametrize(
    ("name", "problem"),
    [("moscow_times", "already taken by the installed plugin of masthead"), ("x_", "snake_case words")],
)
def test_new_plugin_refuses_taken_and_uninstallable_names(tmp_path: Path, name: str, problem: str) -> None:
    result = run("new-plugin", name, cwd=tmp_path)
    assert result.returncode == 2
    assert problem in result.stderr
    assert list(tmp_path.iterdir()) == []
