"""Finding, loading and registering plugins.

Built-in plugins load first, then every entry point of the ``masthead``
group, each on its own: a plugin that fails to import or register is
recorded with its name and error, and the run goes on with the rest unless
``strict`` is set. pluggy re-raises a hook's exception without naming the
plugin, so every registration hook is called per implementation here to
attach that context.
"""

from __future__ import annotations

import functools
import importlib
import os
import re
from collections.abc import Callable, Iterable
from importlib.metadata import EntryPoint, entry_points
from typing import Any

import attrs
import pluggy
import structlog

from masthead import hookspecs
from masthead.errors import PluginError
from masthead.readers import Reader
from masthead.sinks import SinkFactory
from masthead.source import Source

ENTRY_POINT_GROUP = "masthead"
BUILTIN_MODULES = ("masthead.readers", "masthead.warc", "masthead.sinks", "masthead.generic")
DISABLE_ENV = "MASTHEAD_DISABLE"
ONLY_ENV = "MASTHEAD_PLUGINS"
_OUTLET_NAME = re.compile(r"^[a-z][a-z0-9_]*$")

log = structlog.get_logger("masthead.plugins")


@attrs.define
class PluginInfo:
    """What ``masthead plugins`` shows about one plugin."""

    name: str
    module: str
    version: str | None = None
    distribution: str | None = None
    builtin: bool = False
    status: str = "loaded"  # loaded | disabled | failed
    error: str | None = None
    hooks: list[str] = attrs.field(factory=list)
    sources: list[str] = attrs.field(factory=list)
    domains: list[str] = attrs.field(factory=list)


@attrs.define(frozen=True)
class SourceEntry:
    """A registered source and the plugin that registered it."""

    source: Source
    plugin: str
    version: str


Processor = Callable[..., Any]


def _same(obj: object) -> object:
    return obj


def _accepting(function: Processor, argnames: tuple[str, ...]) -> Processor:
    def call(**kwargs: Any) -> Any:
        return function(**{name: kwargs[name] for name in argnames})

    return call


def _split_env(name: str) -> list[str]:
    return [p.strip() for p in os.environ.get(name, "").split(",") if p.strip()]


class Plugins:
    """Every plugin of one run and what they registered.

    ``disable`` names plugins not to load (also read from ``MASTHEAD_DISABLE``,
    comma-separated); ``only``, when given, is an allow-list of entry-point
    plugins to load (also ``MASTHEAD_PLUGINS``). ``strict`` turns a plugin
    failure into an exception instead of a logged error.
    """

    def __init__(
        self,
        *,
        disable: Iterable[str] = (),
        only: Iterable[str] | None = None,
        strict: bool = False,
        load_entry_points: bool = True,
        extra: Iterable[tuple[str, object]] = (),
    ) -> None:
        from masthead import __version__

        self.strict = strict
        self.disabled = set(disable) | set(_split_env(DISABLE_ENV))
        only_env = _split_env(ONLY_ENV)
        self.only = set(only) if only is not None else (set(only_env) if only_env else None)
        self.pm = pluggy.PluginManager(hookspecs.PROJECT)
        self.pm.add_hookspecs(hookspecs)
        self.infos: dict[str, PluginInfo] = {}
        self.errors: list[PluginError] = []
        self.sources: dict[str, SourceEntry] = {}
        self.domains: dict[str, str] = {}
        self.readers: dict[str, Reader] = {}
        self.sinks: dict[str, SinkFactory] = {}

        for module in BUILTIN_MODULES:
            name = module.rsplit(".", 1)[-1]
            info = PluginInfo(name=name, module=module, version=__version__, distribution="masthead", builtin=True)
            self._register(info, functools.partial(importlib.import_module, module))
        if load_entry_points:
            for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
                self._register(self._info_for(ep), ep.load)
        for name, obj in extra:
            self._register(PluginInfo(name=name, module=getattr(obj, "__name__", name)), functools.partial(_same, obj))
        self._collect()

    @staticmethod
    def _info_for(ep: EntryPoint) -> PluginInfo:
        dist = ep.dist
        return PluginInfo(
            name=ep.name,
            module=ep.value,
            version=dist.version if dist else None,
            distribution=dist.metadata["Name"] if dist else None,
        )

    def _register(self, info: PluginInfo, load: Callable[[], object]) -> None:
        if info.name in self.infos:
            self._fail(
                info, "register", f"a plugin named {info.name!r} is already loaded from {self.infos[info.name].module}"
            )
            return
        self.infos[info.name] = info
        if info.name in self.disabled or (self.only is not None and not info.builtin and info.name not in self.only):
            info.status = "disabled"
            return
        try:
            plugin = load()
            self.pm.register(plugin, name=info.name)
        except Exception as exc:  # noqa: BLE001 - any import error is the plugin's
            self._fail(info, "load", f"{type(exc).__name__}: {exc}")
            return
        info.hooks = sorted(h.name for h in self.pm.get_hookcallers(plugin) or [])

    def _fail(self, info: PluginInfo, hook: str, problem: str) -> None:
        error = PluginError(info.name, hook, problem)
        info.status, info.error = "failed", problem
        self.errors.append(error)
        log.error("plugin_failed", plugin=info.name, hook=hook, error=problem)
        if self.strict:
            raise error

    def _call_each(self, hook_name: str, make_register: Callable[[str], Callable[..., None]]) -> None:
        caller = getattr(self.pm.hook, hook_name)
        for impl in caller.get_hookimpls():
            try:
                impl.function(register=make_register(impl.plugin_name))
            except PluginError as exc:
                self._fail(self.infos[impl.plugin_name], hook_name, str(exc).split(": ", 1)[-1])
            except Exception as exc:  # noqa: BLE001 - reported with the plugin's name
                self._fail(self.infos[impl.plugin_name], hook_name, f"{type(exc).__name__}: {exc}")

    def _collect(self) -> None:
        self._call_each("masthead_register_readers", lambda p: lambda reader: self._add_reader(p, reader))
        self._call_each("masthead_register_sinks", lambda p: lambda name, factory: self._add_sink(p, name, factory))
        self._call_each("masthead_register_sources", lambda p: lambda source: self._add_source(p, source))

    def _add_reader(self, plugin: str, reader: object) -> None:
        hook = "masthead_register_readers"
        if not isinstance(reader, Reader) or not all(isinstance(s, str) and s.startswith(".") for s in reader.suffixes):
            raise PluginError(
                plugin, hook, f"expected a Reader (name, suffixes like '.txt', read(path)), got {reader!r}"
            )
        for suffix in reader.suffixes:
            self.readers[suffix.lower()] = reader

    def _add_sink(self, plugin: str, name: object, factory: object) -> None:
        if not isinstance(name, str) or not callable(factory):
            raise PluginError(
                plugin, "masthead_register_sinks", f"expected register(name: str, factory), got {name!r}, {factory!r}"
            )
        self.sinks[name] = factory

    def _add_source(self, plugin: str, source: object) -> None:
        hook = "masthead_register_sources"
        name = getattr(source, "name", None)
        domains = getattr(source, "domains", None)
        if not (
            isinstance(name, str)
            and _OUTLET_NAME.match(name)
            and isinstance(domains, (list, tuple))
            and all(isinstance(d, str) for d in domains)
            and callable(getattr(source, "detect", None))
            and callable(getattr(source, "parse", None))
        ):
            raise PluginError(
                plugin,
                hook,
                "expected a masthead.Source instance with a snake_case `name`, a tuple of "
                f"`domains`, `detect(page)` and `parse(page)`; got {source!r}",
            )
        if name in self.sources:
            raise PluginError(
                plugin, hook, f"source {name!r} is already registered by plugin {self.sources[name].plugin!r}"
            )
        for domain in domains:
            owner = self.domains.get(domain.lower())
            if owner is not None:
                raise PluginError(plugin, hook, f"domain {domain!r} is already owned by source {owner!r}")
        info = self.infos[plugin]
        version = getattr(source, "version", "") or info.version or "0"
        self.sources[name] = SourceEntry(source=source, plugin=plugin, version=version)  # type: ignore[arg-type]
        for domain in domains:
            self.domains[domain.lower()] = name
        info.sources.append(name)
        info.domains.extend(domains)

    def processors(self) -> list[tuple[str, Processor]]:
        """``masthead_process_article`` implementations in pluggy's call order,
        each as ``(plugin name, call(article=..., page=...))``; like pluggy, the
        call passes only the arguments the implementation declares."""
        impls = self.pm.hook.masthead_process_article.get_hookimpls()
        return [(impl.plugin_name, _accepting(impl.function, impl.argnames)) for impl in reversed(impls)]

    def plugin_version(self, name: str) -> str:
        info = self.infos.get(name)
        return (info.version if info else None) or "0"
