from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from structlog.testing import capture_logs

import masthead
from masthead.errors import PluginError
from masthead.manager import PluginNameError, Plugins
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
    monkeypatch.setenv("MASTHEAD_DISABLE", "two")
    plugins = make_plugins(*extra)
    assert set(plugins.sources) == {"one", "generic"}
    assert plugins.infos["two"].status == "disabled"


@pytest.mark.parametrize("name", ["readers", "sinks", "warc", "generic"])
def test_builtins_cannot_be_disabled(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    with pytest.raises(PluginNameError, match=f"'{name}': built into masthead and always loaded"):
        make_plugins(disable=[name])
    monkeypatch.setenv("MASTHEAD_DISABLE", name)
    with pytest.raises(PluginNameError, match="built into masthead"):
        make_plugins()


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


class MisspelledHookPlugin:
    @masthead.hookimpl
    def masthead_register_source(self, register: Callable[[Any], None]) -> None:
        register(KeywordSource("typo", "T"))


class MisspelledProcessorPlugin:
    @masthead.hookimpl
    def masthead_process_articles(self, article: Any) -> None:
        return None


@pytest.mark.parametrize(
    ("plugin", "hook"),
    [(MisspelledHookPlugin(), "masthead_register_source"), (MisspelledProcessorPlugin(), "masthead_process_articles")],
)
def test_a_misspelled_hook_fails_the_plugin_naming_the_hook(plugin: object, hook: str) -> None:
    plugins = make_plugins(("typo", plugin))
    info = plugins.infos["typo"]
    assert info.status == "failed"
    [error] = plugins.errors
    assert error.plugin == "typo" and f"unknown hook {hook!r}" in str(error) and "did you mean" in str(error)
    assert "typo" not in plugins.sources and plugins.processors() == []
    with pytest.raises(PluginError, match="unknown hook"):
        make_plugins(("typo", plugin), strict=True)


class NewStyleWrapper:
    @masthead.hookimpl(wrapper=True)
    def masthead_process_article(self, article: Any) -> Any:
        return (yield)


class OldStyleWrapper:
    @masthead.hookimpl(hookwrapper=True)
    def masthead_process_article(self, article: Any) -> Any:
        yield


@pytest.mark.parametrize("plugin", [NewStyleWrapper(), OldStyleWrapper()])
def test_a_wrapper_processor_is_refused_at_load(plugin: object) -> None:
    plugins = make_plugins(("wrap", plugin))
    assert plugins.infos["wrap"].status == "failed"
    [error] = plugins.errors
    assert "masthead_process_article does not support wrapper implementations" in str(error)
    assert plugins.processors() == []


def test_unknown_names_in_disable_and_only_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    extra = (("moscow_times", SourcesPlugin(KeywordSource("moscow_times", "A"))),)
    with pytest.raises(PluginNameError, match=r"no plugin named 'moscowtimes'; did you mean 'moscow_times'\?"):
        make_plugins(*extra, only=["moscowtimes"])
    monkeypatch.setenv("MASTHEAD_DISABLE", "nope")
    with pytest.raises(PluginNameError, match=r"no plugin named 'nope' \(installed: moscow_times\)"):
        make_plugins(*extra)
    monkeypatch.setenv("MASTHEAD_DISABLE", "")
    monkeypatch.setenv("MASTHEAD_PLUGINS", "moscow_time")
    with pytest.raises(PluginNameError, match="'moscow_time'"):
        make_plugins(*extra)
    monkeypatch.delenv("MASTHEAD_PLUGINS")
    assert make_plugins(*extra, only=["moscow_times"], disable=["moscow_times"]).infos["moscow_times"].status == (
        "disabled"
    )


class HalfRegisteringPlugin:
    @masthead.hookimpl
    def masthead_register_sources(self, register: Callable[[Any], None]) -> None:
        register(KeywordSource("half_good", "H", ("half.example",)))
        raise RuntimeError("then it broke")

    @masthead.hookimpl
    def masthead_register_sinks(self, register: Callable[..., None]) -> None:
        register("half_sink", lambda path: None)
        register("jsonl", 42)


def test_a_failing_registration_hook_keeps_nothing_it_registered() -> None:
    plugins = make_plugins(("half", HalfRegisteringPlugin()))
    info = plugins.infos["half"]
    assert info.status == "failed"
    assert "half_good" not in plugins.sources and "half.example" not in plugins.domains
    assert "half_sink" not in plugins.sinks and plugins.sinks["jsonl"] is make_plugins().sinks["jsonl"]
    assert (info.sources, info.domains, info.sinks, info.overrides) == ([], [], [], [])
    assert [e.hook for e in plugins.errors] == ["masthead_register_sinks", "masthead_register_sources"]


class Declared(KeywordSource):
    def __init__(self, name: str, domains: tuple[str, ...] = (), version: object = "", language: object = None):
        super().__init__(name, "D", domains)
        self.version = version  # type: ignore[misc,assignment]
        self.language = language  # type: ignore[misc,assignment]


@pytest.mark.parametrize(
    ("source", "bad"),
    [
        (Declared("d", ("com",)), "domain 'com'"),
        (Declared("d", ("https://x.example/",)), "domain 'https://x.example/'"),
        (Declared("d", ("x.example/news",)), "domain 'x.example/news'"),
        (Declared("d", ("x.example:8080",)), "domain 'x.example:8080'"),
        (Declared("d", ("X.Example",)), "domain 'X.Example'"),
        (Declared("d", ("ok.example", 7)), "domain 7"),  # type: ignore[arg-type]
        (Declared("d", ("ok.example",), version=2), "`version` must be a string, got 2"),
        (Declared("d", ("ok.example",), language="English"), "`language` must be None or a language code"),
    ],
)
def test_a_source_with_a_bad_declaration_is_refused(source: Declared, bad: str) -> None:
    plugins = make_plugins(("decl", SourcesPlugin(source)))
    [error] = plugins.errors
    assert error.plugin == "decl" and error.hook == "masthead_register_sources"
    assert bad in str(error)
    assert "d" not in plugins.sources


def test_good_declarations_are_accepted() -> None:
    source = Declared("d", ("news.ok.example", "x-1.example"), version="2.1", language="pt-br")
    plugins = make_plugins(("decl", SourcesPlugin(source)))
    assert plugins.errors == [] and plugins.sources["d"].version == "2.1"


class TxtReader:
    name = "my_txt"
    suffixes = (".txt",)

    def read(self, path: str) -> Any:
        return iter(())


class OverridingPlugin:
    @masthead.hookimpl
    def masthead_register_readers(self, register: Callable[[Any], None]) -> None:
        register(TxtReader())

    @masthead.hookimpl
    def masthead_register_sinks(self, register: Callable[..., None]) -> None:
        register("jsonl", lambda path: None)
        register("mine", lambda path: None)


def test_overriding_a_builtin_reader_or_sink_is_logged_and_listed() -> None:
    with capture_logs() as logs:
        plugins = make_plugins(("over", OverridingPlugin()))
    assert plugins.readers[".txt"].name == "my_txt"
    info = plugins.infos["over"]
    assert (info.readers, info.sinks) == ([".txt"], ["jsonl", "mine"])
    assert info.overrides == ["reader '.txt' of plugin 'readers'", "sink 'jsonl' of plugin 'sinks'"]
    assert ".txt" in plugins.infos["readers"].readers and plugins.infos["sinks"].sinks == ["jsonl"]
    events = {e["event"]: e for e in logs if e["event"].endswith("_overridden")}
    assert events["reader_overridden"]["reader"] == ".txt"
    assert (events["reader_overridden"]["plugin"], events["reader_overridden"]["overridden_plugin"]) == (
        "over",
        "readers",
    )
    assert (events["sink_overridden"]["sink"], events["sink_overridden"]["overridden_plugin"]) == ("jsonl", "sinks")
