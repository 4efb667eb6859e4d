"""A third party's plugin, installed the way a user installs one.

A fresh virtual environment gets masthead from this working tree and the
example plugin package from ``examples/`` with plain ``pip install``; the
plugin must then be found through its entry point, listed and used. The same
environment checks that ``masthead new-plugin`` output installs and passes
its own tests.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "masthead-daily-planet"


def sh(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV", "PIP_REQUIRE"))}
    result = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600, check=False
    )
    assert result.returncode == 0, f"{args} failed:\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("fresh")
    sh(sys.executable, "-m", "venv", home / "venv")
    bin_dir = home / "venv" / "bin"
    sh(bin_dir / "python", "-m", "pip", "install", "--quiet", str(ROOT), f"{EXAMPLE}[test]")
    return bin_dir


def test_outside_plugin_is_found_listed_and_used(venv: Path, tmp_path: Path) -> None:
    infos = {p["name"]: p for p in json.loads(sh(venv / "masthead", "plugins", "--json").stdout)}
    planet = infos["daily_planet"]
    assert (planet["status"], planet["distribution"], planet["version"]) == ("loaded", "masthead-daily-planet", "0.1.0")
    assert planet["domains"] == ["dailyplanet.example"]
    assert "moscow_times" in infos  # first-party plugins sit beside it

    out = tmp_path / "out.jsonl"
    sh(venv / "masthead", "ingest", EXAMPLE / "tests" / "fixtures", "-o", out)
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["outlet"] for r in records] == ["daily_planet", "daily_planet"]
    assert records[0]["authors"] == ["Lois Lane", "Clark Kent"]


def test_outside_plugin_tests_pass_with_the_installed_test_kit(venv: Path) -> None:
    result = sh(venv / "python", "-m", "pytest", "-q", "-p", "no:cacheprovider", cwd=EXAMPLE)
    assert " passed" in result.stdout


def test_new_plugin_scaffold_installs_lists_and_its_tests_name_the_next_step(venv: Path, tmp_path: Path) -> None:
    target = tmp_path / "gazette"
    sh(venv / "masthead", "new-plugin", "gotham_gazette", "--directory", target, "--domain", "gothamgazette.example")
    sh(venv / "python", "-m", "pip", "install", "--quiet", "-e", f"{target}[test]")
    listed = json.loads(sh(venv / "masthead", "plugins", "--json").stdout)
    assert {"gotham_gazette": ["gothamgazette.example"]}.items() <= {p["name"]: p["domains"] for p in listed}.items()
    result = subprocess.run(
        [venv / "python", "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=target, capture_output=True, text=True
    )
    assert "6 failed, 3 passed" in result.stdout and "next step: make parse() extract" in result.stdout
    page = target / "tests" / "fixtures" / "example.txt"
    parsed = subprocess.run(
        [venv / "masthead", "parse", page, "--source", "gotham_gazette"], capture_output=True, text=True
    )
    assert parsed.returncode == 1
    assert "parse() is not written yet" in parsed.stdout
