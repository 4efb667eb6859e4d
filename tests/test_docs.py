"""The documentation stays true: every hook, plugin and example is covered."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest

from masthead import hookspecs
from masthead.manager import Plugins

DOCS = Path(__file__).resolve().parents[1] / "docs"
HOOKS = [name for name, value in vars(hookspecs).items() if name.startswith("masthead_") and inspect.isfunction(value)]


def test_there_are_hooks_to_document() -> None:
    assert {"masthead_register_sources", "masthead_process_article"} <= set(HOOKS)


@pytest.mark.parametrize("name", HOOKS)
def test_every_hook_spec_has_a_docstring_and_a_reference_entry(name: str) -> None:
    doc = inspect.getdoc(getattr(hookspecs, name)) or ""
    assert len(doc.split()) >= 15, f"{name} needs a docstring saying what it receives, returns and when"
    assert f"autofunction:: masthead.hookspecs.{name}" in (DOCS / "hooks.md").read_text()


def test_every_literalinclude_points_at_a_real_file() -> None:
    for page in DOCS.rglob("*.md"):
        for target in re.findall(r"```\{literalinclude\} (\S+)", page.read_text()):
            assert (page.parent / target).resolve().is_file(), f"{page.name} includes missing {target}"


def test_the_plugin_guide_shows_the_tested_example_package_itself() -> None:
    guide = (DOCS / "plugin-guide.md").read_text()
    for part in ("src/masthead_daily_planet/__init__.py", "tests/test_daily_planet.py", "pyproject.toml"):
        assert f"```{{literalinclude}} ../examples/masthead-daily-planet/{part}" in guide


def test_every_first_party_plugin_has_a_page_in_the_toctree() -> None:
    toctree = (DOCS / "plugins" / "index.md").read_text()
    first_party = [i.name for i in Plugins().infos.values() if i.distribution == "masthead" and not i.builtin]
    assert len(first_party) == 4
    for name in first_party:
        assert (DOCS / "plugins" / f"{name}.md").is_file(), f"docs/plugins/{name}.md is missing"
        assert re.search(rf"^{name}$", toctree, re.M)


def test_cli_reference_is_generated_from_the_cli() -> None:
    assert ".. click:: masthead.cli:main" in (DOCS / "cli.md").read_text()
