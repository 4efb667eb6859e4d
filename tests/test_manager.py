from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

import masthead
from masthead.errors import PluginError
from masthead.manager import Plugins
from support import KeywordSource, SourcesPlugin, make_plugins


class RaisingPlugin:
    @masthead.hookimpl
    def masthead_register_sources(self, register: Callable[[Any], None]) -> None:
        raise RuntimeError("cannot start")


class WrongTypePlugin:
    @masthead.hookimpl
    def masthead_register_sources(self, register: Callable[[Any], None]) -> None:
        register("not a source")


def test_builtins_register_readers_sinks_and_generic_source() -> None:
    plugins = make_plugins()
    assert {".txt", ".html", ".htm", ".jsonl"} <= set(plugins.readers)
    assert "jsonl" in plugins.sinks
    assert "generic" in plugins.sources
    assert plugins.infos["readers"].hooks == ["masthead_register_readers"]


def test_a_plugin_raising_in_a_hook_is_reported_by_name_and_the_rest_load() -> None:
    plugins = make_plugins(("bad", RaisingPlugin()), ("good", SourcesPlugin(KeywordSource("good", "G"))))
    assert "good" in plugins.sources
    assert plugins.infos["bad"].status == "failed"
    [error] = plugins.errors
    assert error.plugin == "bad" and error.hook == "masthead_register_sources"
    assert "RuntimeError: cannot start" in str(error)


def test_strict_makes_a_plugin_failure_fatal() -> None:
    with pytest.raises(PluginError, match="'bad'"):
        make_plugins(("bad", RaisingPlugin()), strict=True)


def test_a_wrong_registration_names_plugin_hook_and_expectation() -> None:
    plugins = make_plugins(("odd", WrongTypePlugin()))
    [error] = plugins.errors
    assert "plugin 'odd' in masthead_register_sources" in str(error)
    assert "expected a masthead.Source" in str(error)


def test_a_domain_owned_by_another_source_is_refused() -> None:
    plugins = make_plugins(
        ("first", SourcesPlugin(KeywordSource("first", "A", ("shared.example",)))),
        ("second", SourcesPlugin(KeywordSource("second", "B", ("shared.example",)))),
    )
    assert plugins.domains == {"shared.example": "first"}
    [error] = plugins.errors
    assert error.plugin == "second" and "already owned by source 'first'" in str(error)


def test_disable_by_argument_and_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    extra = (("one", SourcesPlugin(KeywordSource("one", "A"))), ("two", SourcesPlugin(KeywordSource("two", "B"))))
    assert make_plugins(*extra, disable=["one"]).infos["one"].status == "disabled"
    monkeypatch.setenv("MASTHEAD_DISABLE", "two, generic")
    plugins = make_plugins(*extra)
    assert set(plugins.sources) == {"one"}
    assert plugins.infos["two"].status == "disabled"


def test_allow_list_loads_only_named_plugins_but_keeps_builtins() -> None:
    extra = (("one", SourcesPlugin(KeywordSource("one", "A"))), ("two", SourcesPlugin(KeywordSource("two", "B"))))
    plugins = make_plugins(*extra, only=["two"])
    assert set(plugins.sources) == {"generic", "two"}


def test_installed_first_party_plugins_are_found_through_entry_points() -> None:
    plugins = Plugins()
    for name in ("russia_briefing", "moscow_times", "wire_aggregator", "opinion_site"):
        info = plugins.infos[name]
        assert info.status == "loaded", info.error
        assert info.distribution == "masthead" and not info.builtin
        assert info.sources == [name] and info.domains
        assert "masthead_register_sources" in info.hooks
