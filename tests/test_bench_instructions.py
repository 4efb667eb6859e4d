"""``bench/instructions.py``: the parts that turn callgrind runs into a table.

The counting itself runs valgrind over whole ingests (tens of seconds); what
is pinned here is what those runs are given and what is made of their output.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import instructions  # a script of bench/, not a package


def test_a_checkout_puts_its_core_and_each_plugin_folder_first(tmp_path: Path) -> None:
    for folder in ("core/masthead", "plugins/b_site/masthead_b_site", "plugins/a_site/masthead_a_site"):
        (tmp_path / folder).mkdir(parents=True)
    for package in ("plugins/b_site/masthead_b_site", "plugins/a_site/masthead_a_site"):
        (tmp_path / package / "__init__.py").write_text("")
    (tmp_path / "plugins" / "notes").mkdir()  # no package: not a plugin
    assert instructions.python_path(tmp_path).split(os.pathsep) == [
        str(tmp_path / "core"),
        str(tmp_path / "plugins" / "a_site"),
        str(tmp_path / "plugins" / "b_site"),
    ]


def test_the_count_is_the_last_one_callgrind_reports() -> None:
    stderr = "==7== Events    : Ir\n==7== Collected : 1234567\n==7==\n==7== I   refs:      1,234,567\n"
    assert instructions.collected(stderr) == 1_234_567
    with pytest.raises(RuntimeError, match="no count"):
        instructions.collected("valgrind: command not found")


def test_the_start_up_run_reads_the_first_two_inputs_and_their_sidecars(tmp_path: Path) -> None:
    inputs = tmp_path / "inputs"
    (inputs / "b").mkdir(parents=True)
    (inputs / "a.txt").write_text("first")
    (inputs / "a.meta.json").write_text('{"url": "https://example.com/a"}')
    (inputs / "b" / "c.html").write_text("<p>second</p>")
    (inputs / "b" / "d.txt").write_text("third")
    (tmp_path / "startup").mkdir()
    startup = instructions.startup_inputs(inputs, tmp_path / "startup")
    assert sorted(p.name for p in startup.iterdir()) == ["0.meta.json", "0.txt", "1.html"]
    assert (startup / "0.meta.json").read_text() == '{"url": "https://example.com/a"}'
    assert (startup / "1.html").read_text() == "<p>second</p>"


def test_too_few_inputs_cannot_tell_the_start_up_apart(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("only")
    (tmp_path / "two.txt").write_text("and another")
    with pytest.raises(SystemExit, match="more than 2 inputs"):
        instructions.startup_inputs(tmp_path, tmp_path)


def test_the_cost_per_input_leaves_the_start_up_aside() -> None:
    shown = instructions.table([("old", 3_000_000_000, 1_400_000_000), ("new", 2_900_000_000, 1_400_000_000)], 602)
    rows = shown.splitlines()[2:]
    assert rows[0] == "| old | 3,000.0 M | 1,400.0 M | 2.667 M |"
    assert rows[1] == "| new | 2,900.0 M | 1,400.0 M | 2.500 M |"
