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
from collections.abc import Callable, Iterable, Sequence
from importlib.metadata import EntryPoint, entry_points
from typing import Any

import attrs
import pluggy
import structlog

from masthead import hookspecs
from masthead.errors import PluginError
from masthead.io.readers import Reader
from masthead.io.sinks import SinkFactory
from masthead.layouts import VersionedSource, layout_problems
from masthead.source import Source

ENTRY_POINT_GROUP = "masthead"
BUILTIN_MODULES = (
    "masthead.io.readers",
    "masthead.io.warc",
    "masthead.io.sinks",
    "masthead.io.parquet",
    "masthead.extract.generic",
)
DISABLE_ENV = "MASTHEAD_DISABLE"
ONLY_ENV = "MASTHEAD_PLUGINS"
#: What a source's ``name`` (the outlet key) must look like; also a plugin package's key.
OUTLET_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
#: A declared domain: a lower-case host name with at least one dot; no scheme, path or port.
DOMAIN = re.compile(r"^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$")
#: A source's default ``language``: the same rule as ``Article.language``.
LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$")

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
    readers: list[str] = attrs.field(factory=list)  # file suffixes this plugin registered readers for
    sinks: list[str] = attrs.field(factory=list)
    overrides: list[str] = attrs.field(factory=list)  # e.g. "reader '.txt' of plugin 'readers'"


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


def source_problems(source: object) -> list[str]:
    """How ``source`` breaks the declared part of the source contract: its
    ``name``, ``domains``, ``markers``, ``version``, ``language``, ``detect``/``parse``
    methods and, for a :class:`~masthead.layouts.VersionedSource`, its
    ``layouts``. Shared by registration and
    :func:`masthead.testing.conformance_problems`."""
    problems = []
    name = getattr(source, "name", None)
    if not isinstance(name, str) or not OUTLET_NAME.match(name):
        problems.append(f"`name` must be a snake_case string like 'daily_planet', got {name!r}")
    domains = getattr(source, "domains", None)
    if not isinstance(domains, (list, tuple)):
        problems.append(f"`domains` must be a tuple of domain names, got {domains!r}")
    else:
        problems.extend(
            f"domain {domain!r} is not a lower-case host name like 'dailyplanet.example' (no scheme, path or port)"
            for domain in domains
            if not isinstance(domain, str) or not DOMAIN.match(domain)
        )
    markers = getattr(source, "markers", ())
    if not isinstance(markers, (list, tuple)) or not all(
        isinstance(marker, str) and marker.strip() and marker == marker.lower() for marker in markers
    ):
        problems.append(f"`markers` must be a tuple of non-blank lower-case strings, got {markers!r}")
    version = getattr(source, "version", "")
    if not isinstance(version, str):
        problems.append(f"`version` must be a string, got {version!r}")
    language = getattr(source, "language", None)
    if language is not None and not (isinstance(language, str) and LANGUAGE.match(language)):
        problems.append(f"`language` must be None or a language code like 'en', got {language!r}")
    for method in ("detect", "parse"):
        if not callable(getattr(source, method, None)):
            problems.append(f"`{method}(page)` must be a method")
    if isinstance(source, VersionedSource) and type(source).parse is VersionedSource.parse:
        problems.extend(layout_problems(source.layouts))  # its pages are parsed by them
    return problems


def _split_env(name: str) -> list[str]:
    return [p.strip() for p in os.environ.get(name, "").split(",") if p.strip()]


class PluginNameError(ValueError):
    """``disable`` or ``only`` names no installed plugin, or a built-in one.

    A typo there would otherwise load the wrong set of plugins and reject
    every document for a reason that hides the cause; callers report it as
    a usage error.
    """


class Plugins:
    """Every plugin of one run and what they registered.

    ``disable`` names plugins not to load (also read from ``MASTHEAD_DISABLE``,
    comma-separated); ``only``, when given, is an allow-list of entry-point
    plugins to load (also ``MASTHEAD_PLUGINS``). Built-in plugins are part of
    masthead and always load. A name in either that matches no installed
    plugin, or names a built-in one, raises :class:`PluginNameError`.
    ``strict`` turns a plugin failure into an exception instead of a logged
    error.

    When two plugins register sources of the same name or domain, the one
    registered first keeps it and the other fails, named. masthead's own
    plugins register first, so an installed package can never push a
    first-party outlet out and leave it with the blame.
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
        self._reader_owners: dict[str, str] = {}
        self._sink_owners: dict[str, str] = {}
        self._pending_logs: list[tuple[str, dict[str, Any]]] = []

        for module in BUILTIN_MODULES:
            name = module.rsplit(".", 1)[-1]
            info = PluginInfo(name=name, module=module, version=__version__, distribution="masthead", builtin=True)
            self._register(info, functools.partial(importlib.import_module, module))
        if load_entry_points:
            named: dict[int, tuple[str | None, str | None]] = {}
            for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
                self._register(self._info_for(ep, named), ep.load)
        for name, obj in extra:
            self._register(PluginInfo(name=name, module=getattr(obj, "__name__", name)), functools.partial(_same, obj))
        self._check_names()
        self._collect()

    def _check_names(self) -> None:
        selectable = sorted(name for name, info in self.infos.items() if not info.builtin)
        builtin = sorted(self.disabled & {name for name, info in self.infos.items() if info.builtin})
        if builtin:
            raise PluginNameError(
                f"{', '.join(map(repr, builtin))}: built into masthead and always loaded; "
                f"plugins that can be disabled: {', '.join(selectable) or 'none'}"
            )
        unknown = sorted((self.disabled | (self.only or set())) - set(self.infos))
        if unknown:
            import difflib  # only for a misspelt name

            close = [m for name in unknown for m in difflib.get_close_matches(name, selectable, n=1)]
            hint = f"; did you mean {', '.join(map(repr, close))}?" if close else ""
            raise PluginNameError(
                f"no plugin named {', '.join(map(repr, unknown))}{hint} (installed: {', '.join(selectable) or 'none'})"
            )

    def _first_party(self, name: str) -> bool:
        info = self.infos[name]
        return info.builtin or info.distribution == "masthead"

    @staticmethod
    def _info_for(ep: EntryPoint, named: dict[int, tuple[str | None, str | None]]) -> PluginInfo:
        """``ep``'s plugin info; ``named`` keeps each distribution's name and
        version, read once: every read parses its whole metadata file, and
        one distribution often ships several plugins."""
        dist = ep.dist
        if dist is None:
            return PluginInfo(name=ep.name, module=ep.value)
        if id(dist) not in named:
            metadata = dist.metadata
            named[id(dist)] = (metadata["Version"], metadata["Name"])
        version, distribution = named[id(dist)]
        return PluginInfo(name=ep.name, module=ep.value, version=version, distribution=distribution)

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
        callers = self.pm.get_hookcallers(plugin) or []
        info.hooks = sorted(h.name for h in callers)
        problem = self._hookimpl_problem(plugin, callers)
        if problem is not None:
            self.pm.unregister(plugin)
            self._fail(info, "load", problem)

    @staticmethod
    def _hookimpl_problem(plugin: object, callers: Iterable[pluggy.HookCaller]) -> str | None:
        """Why the plugin's hook implementations cannot be used, if they cannot:
        a name that is no masthead hook (a typo would otherwise do nothing, silently)
        or a wrapper, which masthead calls as a plain function."""
        for caller in callers:
            for impl in caller.get_hookimpls():
                if impl.plugin is not plugin:
                    continue
                if not caller.has_spec() and not impl.optionalhook:
                    known = [n for n in vars(hookspecs) if n.startswith("masthead_")]
                    import difflib  # only for a misspelt name

                    close = difflib.get_close_matches(caller.name, known, n=1)
                    hint = f"; did you mean {close[0]!r}?" if close else f"; masthead hooks are {', '.join(known)}"
                    return f"unknown hook {caller.name!r}{hint}"
                if impl.wrapper or impl.hookwrapper:
                    return f"{caller.name} does not support wrapper implementations"
        return None

    def _fail(self, info: PluginInfo, hook: str, problem: str) -> None:
        error = PluginError(info.name, hook, problem)
        info.status, info.error = "failed", problem
        self.errors.append(error)
        log.error("plugin_failed", plugin=info.name, hook=hook, error=problem)
        if self.strict:
            raise error

    _STATE = ("sources", "domains", "readers", "sinks", "_reader_owners", "_sink_owners")
    _INFO_STATE = ("sources", "domains", "readers", "sinks", "overrides")

    def _call_each(self, hook_name: str, make_register: Callable[[str], Callable[..., None]]) -> None:
        """Call each implementation of a registration hook on its own; what one
        call registered is kept only if the whole call succeeds."""
        caller = getattr(self.pm.hook, hook_name)
        # Stable: masthead's own plugins first, the rest in load order.
        for impl in sorted(caller.get_hookimpls(), key=lambda impl: not self._first_party(impl.plugin_name)):
            info = self.infos[impl.plugin_name]
            saved = {n: dict(getattr(self, n)) for n in self._STATE}
            saved_info = {n: list(getattr(info, n)) for n in self._INFO_STATE}
            self._pending_logs.clear()
            try:
                impl.function(register=make_register(impl.plugin_name))
            except Exception as exc:  # noqa: BLE001 - reported with the plugin's name
                for name, state in saved.items():  # nothing of a failed call stays registered
                    setattr(self, name, state)
                for name, values in saved_info.items():
                    setattr(info, name, values)
                if isinstance(exc, PluginError):
                    self._fail(info, hook_name, str(exc).split(": ", 1)[-1])
                else:
                    self._fail(info, hook_name, f"{type(exc).__name__}: {exc}")
            else:
                for event, fields in self._pending_logs:
                    log.info(event, **fields)

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
        info = self.infos[plugin]
        for suffix in (s.lower() for s in reader.suffixes):
            self._note_override("reader", suffix, plugin, self._reader_owners.get(suffix))
            self.readers[suffix] = reader
            self._reader_owners[suffix] = plugin
            if suffix not in info.readers:
                info.readers.append(suffix)

    def _add_sink(self, plugin: str, name: object, factory: object) -> None:
        if not isinstance(name, str) or not callable(factory):
            raise PluginError(
                plugin, "masthead_register_sinks", f"expected register(name: str, factory), got {name!r}, {factory!r}"
            )
        self._note_override("sink", name, plugin, self._sink_owners.get(name))
        self.sinks[name] = factory
        self._sink_owners[name] = plugin
        if name not in self.infos[plugin].sinks:
            self.infos[plugin].sinks.append(name)

    def _note_override(self, kind: str, key: str, plugin: str, previous: str | None) -> None:
        """Record that ``plugin`` replaces another plugin's reader or sink."""
        if previous is None or previous == plugin:
            return
        self.infos[plugin].overrides.append(f"{kind} {key!r} of plugin {previous!r}")
        self._pending_logs.append((f"{kind}_overridden", {kind: key, "plugin": plugin, "overridden_plugin": previous}))

    def _add_source(self, plugin: str, source: object) -> None:
        hook = "masthead_register_sources"
        problems = source_problems(source)
        name = getattr(source, "name", None)
        if problems and not (isinstance(name, str) and isinstance(getattr(source, "domains", None), (list, tuple))):
            raise PluginError(
                plugin,
                hook,
                "expected a masthead.Source instance with a snake_case `name`, a tuple of "
                f"`domains`, `detect(page)` and `parse(page)`; got {source!r} (" + "; ".join(problems) + ")",
            )
        if problems:
            raise PluginError(plugin, hook, f"source {name!r}: " + "; ".join(problems))
        assert isinstance(name, str)
        domains: Sequence[str] = source.domains  # type: ignore[attr-defined]
        if name in self.sources:
            raise PluginError(
                plugin, hook, f"source {name!r} is already registered by plugin {self.sources[name].plugin!r}"
            )
        for domain in domains:
            owner = self.domains.get(domain)
            if owner is not None:
                raise PluginError(plugin, hook, f"domain {domain!r} is already owned by source {owner!r}")
        info = self.infos[plugin]
        version = getattr(source, "version", "") or info.version or "0"
        self.sources[name] = SourceEntry(source=source, plugin=plugin, version=version)  # type: ignore[arg-type]
        for domain in domains:
            self.domains[domain] = name
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
