"""``masthead new-plugin``: what it writes, for any title and domain it accepts."""

from __future__ import annotations

import ast
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from masthead.extract.document import Page
from masthead.scaffold import create_plugin
from masthead.testing import document

TITLE = 'The "Gotham" Gazette \\ Ünïcode'


def load_module(path: Path) -> object:
    spec = importlib.util.spec_from_file_location(f"scaffolded_{path.parent.name}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_quotes_and_backslashes_in_the_title_are_escaped(tmp_path: Path) -> None:
    create_plugin("gotham_gazette", tmp_path / "p", title=TITLE, domain="gothamgazette.example")
    if sys.version_info >= (3, 11):
        import tomllib

        project = tomllib.loads((tmp_path / "p" / "pyproject.toml").read_text("utf-8"))["project"]
        assert project["description"] == f"masthead source plugin for {TITLE}"
        assert project["entry-points"]["masthead"] == {"gotham_gazette": "masthead_gotham_gazette"}
    init = tmp_path / "p" / "src" / "masthead_gotham_gazette" / "__init__.py"
    assert ast.get_docstring(ast.parse(init.read_text("utf-8"))) == f"masthead source plugin for {TITLE}."


def test_the_generated_detect_claims_nothing_and_parse_says_it_is_not_written(tmp_path: Path) -> None:
    create_plugin("gotham_gazette", tmp_path / "p")
    module = load_module(tmp_path / "p" / "src" / "masthead_gotham_gazette" / "__init__.py")
    source = module.GothamGazetteSource()  # type: ignore[attr-defined]
    assert source.domains == ("gothamgazette.example",)
    page = Page.from_raw(document("Some page\nof anything."))
    assert source.detect(page) == 0.0
    with pytest.raises(NotImplementedError, match="parse\\(\\) is not written yet"):
        source.parse(page)


@pytest.mark.parametrize("domain", ['it"s.example', "com", "https://x.example/", "x.example:80", "X.example", "a b.c"])
def test_a_bad_domain_is_refused(tmp_path: Path, domain: str) -> None:
    with pytest.raises(ValueError, match="domain must be a lower-case host name"):
        create_plugin("gotham_gazette", tmp_path / "p", domain=domain)
    assert not (tmp_path / "p").exists()


@pytest.mark.parametrize("name", ["generic", "readers", "sinks", "warc"])
def test_builtin_plugin_names_are_reserved(tmp_path: Path, name: str) -> None:
    with pytest.raises(ValueError, match="built-in plugin"):
        create_plugin(name, tmp_path / "p")


def test_a_title_with_a_line_break_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="title must be one line"):
        create_plugin("gotham_gazette", tmp_path / "p", title='The Gazette\n"""')


@pytest.mark.parametrize("name", ["x_", "_x", "daily__planet", "Daily", "daily-planet"])
def test_a_name_that_makes_no_installable_distribution_is_refused(tmp_path: Path, name: str) -> None:
    with pytest.raises(ValueError, match="snake_case words"):
        create_plugin(name, tmp_path / "p")


@pytest.mark.parametrize("name", ["moscow_times", "russia_briefing"])
def test_the_name_of_an_installed_plugin_is_refused(tmp_path: Path, name: str) -> None:
    with pytest.raises(ValueError, match="already taken by the installed plugin of masthead"):
        create_plugin(name, tmp_path / "p")


def test_the_package_has_fixtures_of_every_kind_and_a_gitignore(tmp_path: Path) -> None:
    create_plugin("gotham_gazette", tmp_path / "p")
    fixtures = tmp_path / "p" / "tests" / "fixtures"
    assert {p.suffix for p in fixtures.glob("*.*")} == {".txt", ".html"}
    assert [p.name for p in (fixtures / "not_articles").iterdir()] == ["section-front.html"]
    ignored = (tmp_path / "p" / ".gitignore").read_text().split()
    assert {"__pycache__/", "*.egg-info/", "build/", "dist/"} <= set(ignored)


DETECT = """
    def detect(self, page: Page) -> float:
        return 0.9 if "Gotham Gazette" in page.text else 0.0
"""

WRITTEN = """
    def parse(self, page: Page) -> Draft:
        if "Latest headlines" in page.text:
            raise masthead.NotAnArticle("a list of headlines")
        lines = [line for line in page.lines if line != "Gotham Gazette"]
        return Draft(title=lines[0], body=lines[1:])
"""

#: Pages of the outlet, in place of the placeholders (no address in them:
#: only ``detect`` can route them).
REAL_PAGES = {
    "example.txt": "Gotham Gazette\nThe bridge opens on Monday\nThe city opens its new bridge.\nTraffic should ease.\n",
    "example-page.html": (
        '<html><head><title>Tunnel works end</title><link rel="canonical" href="https://gothamgazette.example/a">'
        "</head><body><header>Gotham Gazette</header>"
        "<article><h1>Tunnel works end</h1><p>The tunnel reopens after two years.</p>"
        "<p>Buses return to their old routes.</p></article></body></html>"
    ),
    "not_articles/section-front.html": (
        "<html><body><header>Gotham Gazette</header><h2>Latest headlines</h2>"
        '<ul><li><a href="/a">The bridge opens on Monday</a></li><li><a href="/b">Tunnel works end</a></li></ul>'
        "</body></html>"
    ),
}


def pytest_in(package: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The generated package's own tests, run by pytest as its author runs
    them, the package installed the way pip installs it (module on the path,
    entry point in a dist-info)."""
    site = package / "site"
    dist_info = site / "masthead_gotham_gazette-0.1.0.dist-info"
    dist_info.mkdir(parents=True, exist_ok=True)
    (dist_info / "METADATA").write_text("Metadata-Version: 2.1\nName: masthead-gotham-gazette\nVersion: 0.1.0\n")
    (dist_info / "entry_points.txt").write_text("[masthead]\ngotham_gazette = masthead_gotham_gazette\n")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(package / "src"), str(site)])}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rfE", *args],
        cwd=package,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_generated_tests_lead_the_author_step_by_step_to_a_passing_suite(tmp_path: Path) -> None:
    package = tmp_path / "p"
    create_plugin("gotham_gazette", package)
    first = pytest_in(package)
    assert first.returncode == 1, first.stdout
    assert "xfail" not in first.stdout.lower() and "xpass" not in first.stdout.lower()
    assert "6 failed, 3 passed" in first.stdout, first.stdout
    assert "next step: replace the placeholder pages example-page.html, example.txt, " in first.stdout
    for fixture in ("example.txt", "example-page.html"):
        assert f"next step: make parse() extract {fixture}; it was rejected" in first.stdout
        assert f"next step: make detect() claim {fixture}" in first.stdout
    assert "next step: make parse() raise masthead.NotAnArticle for section-front.html" in first.stdout

    fixtures = package / "tests" / "fixtures"
    for name, text in REAL_PAGES.items():
        (fixtures / name).write_text(text)
    source = package / "src" / "masthead_gotham_gazette" / "__init__.py"
    text = source.read_text()
    stub = text[text.index("    def parse(") : text.index("@masthead.hookimpl")]
    source.write_text(text.replace(stub, WRITTEN + "\n\n"))
    undetected = pytest_in(package)
    assert "4 failed, 5 passed" in undetected.stdout, undetected.stdout
    # the saved page's canonical address on the outlet's domain does not stand in for detect()
    for fixture in ("example.txt", "example-page.html"):
        assert f"next step: make detect() claim {fixture}" in undetected.stdout

    text = source.read_text()
    stub = text[text.index("    def detect(") : text.index("    def parse(")]
    source.write_text(text.replace(stub, DETECT.lstrip("\n") + "\n"))
    second = pytest_in(package)
    assert "2 failed, 7 passed" in second.stdout, second.stdout
    assert second.stdout.count("next step: run `pytest --update-golden` to write") == 2

    (fixtures / "example.html").write_text(REAL_PAGES["example-page.html"])
    shared = pytest_in(package)
    assert "next step: rename example.txt or example.html" in shared.stdout, shared.stdout
    (fixtures / "example.html").unlink()

    assert pytest_in(package, "--update-golden").returncode == 0
    assert sorted(p.name for p in fixtures.glob("*.expected.json")) == [
        "example-page.expected.json",
        "example.expected.json",
    ]
    final = pytest_in(package)
    assert final.returncode == 0 and "9 passed" in final.stdout, final.stdout
    assert "xpass" not in final.stdout.lower()
