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


SUFFIXES = [".html", ".txt", ".warc.gz"]


def test_the_inputs_are_the_files_masthead_reads_and_not_their_sidecars(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    for name in ("a.txt", "a.meta.json", "b/c.HTML", "b/d.warc.gz", "notes.md", "corpus.expected.json"):
        (tmp_path / name).write_text(name)
    found = instructions.readable(tmp_path, SUFFIXES)
    assert [p.relative_to(tmp_path).as_posix() for p in found] == ["a.txt", "b/c.HTML", "b/d.warc.gz"]


def test_a_sidecar_is_named_as_masthead_looks_for_it() -> None:
    page = Path("www.themoscowtimes.com_a.html")
    assert instructions.sidecar_of(page, SUFFIXES) == Path("www.themoscowtimes.com_a.meta.json")
    assert instructions.sidecar_of(Path("crawl.warc.gz"), [".gz", ".warc.gz"]) == Path("crawl.meta.json")


def test_every_other_input_is_copied_in_place_with_its_sidecar(tmp_path: Path) -> None:
    inputs, target = tmp_path / "inputs", tmp_path / "half"
    (inputs / "b").mkdir(parents=True)
    for name in ("a.txt", "b/c.html", "b/d.txt", "e.txt"):
        (inputs / name).write_text(name)
    (inputs / "b" / "c.meta.json").write_text('{"url": "https://example.com/c"}')
    (inputs / "b" / "d.meta.json").write_text('{"url": "https://example.com/d"}')
    files = instructions.readable(inputs, SUFFIXES)
    assert instructions.every_other(inputs, files, SUFFIXES, target) == 2
    copied = sorted(p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file())
    assert copied == ["a.txt", "b/d.meta.json", "b/d.txt"]
    assert (target / "b" / "d.meta.json").read_text() == '{"url": "https://example.com/d"}'


def test_the_cost_per_input_is_what_the_inputs_left_out_cost() -> None:
    # 600 inputs cost 3,000 M, the 300 kept 2,100 M: 3 M each, 1,200 M once.
    shown = instructions.table([("old", 3_000_000_000, 2_100_000_000), ("new", 2_700_000_000, 1_950_000_000)], 600, 300)
    rows = shown.splitlines()[2:]
    assert rows[0] == "| old | 3,000.0 M | 3.000 M | 1,200.0 M |"
    assert rows[1] == "| new | 2,700.0 M | 2.500 M | 1,200.0 M |"
