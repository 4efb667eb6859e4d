"""Announce which plugin is running, so a supervisor can name a culprit.

When a worker process hangs in an endless loop or dies outright (segfault,
``os._exit``, the kernel's OOM killer), it cannot say which plugin did it.
So the worker announces every plugin call before making it: :func:`traced`
wraps a :class:`~masthead.manager.Plugins` so that each ``Source.detect``,
``Source.parse`` and ``masthead_process_article`` call first tells a
:data:`Tracer` ``(stage, plugin)``. The process runner's tracer writes that
into memory shared with the parent, which reads it when it has to kill or
bury the worker.

A ``MemoryError`` raised inside a plugin would otherwise be reported by the
pipeline as an ordinary ``plugin_error``; here it becomes
:class:`PluginOutOfMemory`, which the pipeline does not catch, so the worker
can record a ``memory_limit`` rejection naming the plugin and then replace
itself with a fresh process.

A plugin that raises ``SystemExit`` or ``KeyboardInterrupt`` (a stray
``sys.exit()``, a library that calls ``exit``) may not end the run: the call
raises :class:`PluginExit` instead, an ordinary exception the pipeline turns
into a ``plugin_error`` rejection naming the plugin. A user's own Ctrl-C
arrives as :class:`~masthead.run.stopping.Stop` and passes through.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs

from masthead.extract.document import Page
from masthead.manager import Plugins, Processor
from masthead.pipeline import Pipeline
from masthead.router import Router
from masthead.run.stopping import Stop

Tracer = Callable[[str, "str | None"], None]


class PluginOutOfMemory(BaseException):
    """A plugin hit the worker's memory limit (deliberately not an ``Exception``)."""

    def __init__(self, stage: str, plugin: str) -> None:
        super().__init__(f"{plugin}: ran out of memory during {stage}")
        self.stage = stage
        self.plugin = plugin


class _TracedSource:
    """A source whose ``detect`` and ``parse`` announce themselves."""

    def __init__(self, source: Any, plugin: str, tracer: Tracer) -> None:
        self._source = source
        self._plugin = plugin
        self._tracer = tracer

    def __getattr__(self, name: str) -> Any:
        return getattr(self._source, name)

    def detect(self, page: Page) -> Any:
        return _call("route", self._plugin, self._tracer, self._source.detect, page)

    def parse(self, page: Page) -> Any:
        return _call("parse", self._plugin, self._tracer, self._source.parse, page)


class PluginExit(Exception):
    """A plugin raised ``SystemExit`` or ``KeyboardInterrupt``; a document's
    plugin may end that document, never the run."""

    def __init__(self, raised: BaseException) -> None:
        super().__init__(f"{type(raised).__name__}{raised.args!r}: a plugin may not end the run")


def _call(stage: str, plugin: str, tracer: Tracer, function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    tracer(stage, plugin)
    try:
        return function(*args, **kwargs)
    except Stop:
        raise
    except MemoryError:
        raise PluginOutOfMemory(stage, plugin) from None
    except (SystemExit, KeyboardInterrupt) as exc:
        raise PluginExit(exc) from None
    finally:
        tracer(stage, None)


class TracedPlugins(Plugins):
    """The same loaded plugins, every call announced to a tracer."""

    def __init__(self, plugins: Plugins, tracer: Tracer) -> None:
        # A view of already loaded plugins: no second discovery, so no super().__init__().
        self.__dict__.update(vars(plugins))
        self.tracer = tracer
        self.sources = {
            name: attrs.evolve(entry, source=_TracedSource(entry.source, entry.plugin, tracer))  # type: ignore[arg-type]
            for name, entry in plugins.sources.items()
        }

    def processors(self) -> list[tuple[str, Processor]]:
        return [(name, _traced_processor(name, function, self.tracer)) for name, function in super().processors()]


def _traced_processor(name: str, function: Processor, tracer: Tracer) -> Processor:
    def call(**kwargs: Any) -> Any:
        return _call("process", name, tracer, function, **kwargs)

    return call


def traced(plugins: Plugins, tracer: Tracer) -> TracedPlugins:
    """``plugins`` with every plugin call announced to ``tracer``."""
    return TracedPlugins(plugins, tracer)


def traced_pipeline(pipeline: Pipeline, tracer: Tracer) -> Pipeline:
    """``pipeline`` with the same routing, every plugin call announced to ``tracer``."""
    plugins = traced(pipeline.plugins, tracer)
    router = pipeline.router
    return Pipeline(plugins, Router(plugins.sources, plugins.domains, forced=router.forced, fallback=router.fallback))
