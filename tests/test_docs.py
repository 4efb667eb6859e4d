"""The documentation stays true: every hook, plugin and example is covered."""

from __future__ import annotations

import html
import inspect
import os
import re
import shlex
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import structlog

from masthead import hookspecs
from masthead.manager import Plugins

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
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


def test_the_cli_reference_renders_options_as_typed(tmp_path: Path) -> None:
    """Built with the real configuration, every option reads ``--name``: no
    ``--`` turned into an en dash by smart quotes, which breaks copy-paste."""
    build = pytest.importorskip("sphinx.cmd.build", reason="needs the docs extra (run by tox -e docs)")
    source = tmp_path / "src"
    source.mkdir()
    (source / "index.md").write_text((DOCS / "cli.md").read_text())
    assert build.build_main(["-q", "-W", "-b", "html", "-c", str(DOCS), str(source), str(tmp_path / "out")]) == 0
    text = html.unescape(re.sub(r"<[^>]+>", "", (tmp_path / "out" / "index.html").read_text()))
    dashed = re.findall(r"[\u2012-\u2015\u2212]-?[a-z][a-z-]+", text)
    assert dashed == [], f"options rendered with a dash other than --: {sorted(set(dashed))}"
    for option in ("--workers", "--timeout", "--engine", "--resume", "--rejects", "--strict", "--sink"):
        assert option in text


def test_the_front_page_goes_from_install_to_a_first_jsonl_in_five_lines() -> None:
    index = (DOCS / "index.md").read_text()
    [block] = re.findall(r"## Getting started\n.*?```sh\n(.*?)```", index, re.S)
    lines = block.strip().splitlines()
    assert len(lines) <= 5
    assert any(line.startswith("pip install") for line in lines)
    assert any(re.match(r"masthead ingest \S+ -o \S+\.jsonl$", line) for line in lines)


def test_the_docs_use_a_maintained_theme_that_scrolls_long_code() -> None:
    assert re.search(r'^html_theme = "furo"$', (DOCS / "conf.py").read_text(), re.M)


def _documented_commands() -> list[str]:
    """Every ``masthead ...`` command written in the README and the docs."""
    commands = []
    for page in [ROOT / "README.md", *DOCS.rglob("*.md")]:
        text = page.read_text()
        blocks = re.findall(r"```(?:sh|console)\n(.*?)```", text, re.S)
        lines = [line for block in blocks for line in block.splitlines()]
        lines += re.findall(r"`([^`\n]*masthead [^`\n]+)`", text)
        for line in lines:
            found = re.search(r"(?:^|&& |\) )(masthead (?:-\S+ )*[a-z-]+\b[^#&|]*)", line.split("  #")[0])
            if found:
                commands.append(found.group(1).strip())
    return commands


def test_there_are_documented_commands() -> None:
    assert len(_documented_commands()) > 20


@pytest.fixture
def keep_logging() -> Iterator[None]:
    """Parsing the log options configures structlog; leave it as it was."""
    saved = structlog.get_config()
    yield
    structlog.configure(**saved)


@pytest.mark.usefixtures("keep_logging")
@pytest.mark.parametrize("command", _documented_commands())
def test_every_documented_command_is_valid(command: str) -> None:
    """Each documented command names a real subcommand, with root options before
    it and its own options after it (``masthead --disable x`` is no command)."""
    from masthead.cli import main

    args = [a for a in shlex.split(command)[1:] if a not in ("...", "PATH...")]
    if args[:1] in (["--help"], ["-h"], ["--version"]):
        return
    ctx = main.make_context("masthead", list(args), resilient_parsing=False)
    [name, *rest] = ctx._protected_args + ctx.args if hasattr(ctx, "_protected_args") else ctx.protected_args + ctx.args
    sub = main.get_command(ctx, name)
    assert sub is not None, f"no subcommand {name!r}"
    known = {opt for param in sub.params for opt in (*param.opts, *param.secondary_opts)}
    for arg in rest:
        flag = arg.split("=", 1)[0]
        if flag.startswith("-") and flag != "-":
            assert flag in known, f"{command}: {sub.name} has no option {flag}"


def test_the_readme_test_command_needs_one_python_and_ci_runs_it_and_the_matrix() -> None:
    readme = (ROOT / "README.md").read_text()
    [command] = re.findall(r"pip install tox && (tox[^\n]*)", readme)
    envs = command.split("-e", 1)[1].split(",") if "-e" in command else []
    assert [e.strip() for e in envs] == ["py", "lint", "type"], "the README command must run on any one Python"
    tox_ini = (ROOT / "tox.ini").read_text()
    matrix = [e.strip() for e in re.search(r"^env_list = (.*)$", tox_ini, re.M).group(1).split(",")]  # type: ignore[union-attr]
    assert {"py310", "py311", "py312", "py313", "lint", "type", "docs"} <= set(matrix)
    plan = subprocess.run(
        ["bash", str(ROOT / ".ci" / "run")],
        env={**os.environ, "MASTHEAD_CI_PLAN": "1"},
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout.splitlines()
    assert plan[0] == command, ".ci/run must run the README's command"
    ran = [e for line in plan for e in line.split("-e", 1)[1].strip().split(",")]
    assert len(ran) == len(set(ran)) == len(matrix), f"each environment once: {ran}"
    pythons = {e for e in matrix if re.fullmatch(r"py3\d+", e)}
    assert set(ran) - {"py"} | (pythons - set(ran)) == set(matrix)
    assert len(pythons - set(ran)) == 1, "`py` stands for exactly one interpreter of the matrix"


def _project_name(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_the_dependencies_page_has_one_section_per_dependency_and_no_other() -> None:
    from importlib.metadata import requires

    required = {_project_name(re.match(r"[A-Za-z0-9_.-]+", req).group(0)) for req in requires("masthead") or []}  # type: ignore[union-attr]
    headings = re.findall(r"^## (.+)$", (DOCS / "dependencies.md").read_text(), re.M)
    named = [_project_name(name.strip()) for heading in headings for name in heading.split(" (")[0].split(",")]
    assert len(named) == len(set(named)), "one section per dependency"
    assert set(named) == required
