"""``masthead new-plugin``: what it writes, for any title and domain it accepts."""

from __future__ import annotations

import ast
import importlib.util
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
