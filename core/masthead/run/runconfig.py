"""What a worker needs to rebuild the run's pipeline, as a small picklable value.

Plugins hold modules, hook implementations and compiled state that do not
pickle well and should not cross a process or network boundary once per
document. So every runner that uses other processes (local workers, Dask
workers) ships a :class:`PipelineConfig` instead, and each worker builds its
:class:`~masthead.manager.Plugins`, :class:`~masthead.router.Router` and
:class:`~masthead.pipeline.Pipeline` from it once, then reuses them for every
document it is given. :func:`fingerprint` lets a runner check that a worker
ended up with the same plugins as the process that started the run.
"""

from __future__ import annotations

import importlib
import threading

import attrs

from masthead import logconfig
from masthead.manager import Plugins
from masthead.pipeline import Pipeline
from masthead.router import Router


@attrs.define(frozen=True)
class PipelineConfig:
    """The plugin selection and routing choices of one run.

    ``extra`` names plugins to load by import path, ``(name, "module")`` or
    ``(name, "module:attribute")``, on top of (or, with
    ``load_entry_points=False``, instead of) the installed entry points; it
    is how a plugin that is not installed (a test's, a work in progress)
    reaches worker processes. ``log`` is ``(format, level)`` for workers'
    structlog output, or ``None`` to leave logging as the worker has it.
    """

    disable: tuple[str, ...] = ()
    only: tuple[str, ...] | None = None
    source: str | None = None
    fallback: str | None = None
    load_entry_points: bool = True
    extra: tuple[tuple[str, str], ...] = ()
    log: tuple[str, str] | None = None

    @classmethod
    def of(cls, plugins: Plugins, *, source: str | None = None, fallback: str | None = None) -> PipelineConfig:
        """The config that rebuilds ``plugins`` (as loaded, env variables included)."""
        return cls(
            disable=tuple(sorted(plugins.disabled)),
            only=tuple(sorted(plugins.only)) if plugins.only is not None else None,
            source=source,
            fallback=fallback,
        )

    def load_plugins(self) -> Plugins:
        extra = [(name, load_object(path)) for name, path in self.extra]
        return Plugins(disable=self.disable, only=self.only, load_entry_points=self.load_entry_points, extra=extra)

    def build(self, plugins: Plugins | None = None) -> Pipeline:
        """A pipeline from this config (plugins loaded now unless given)."""
        if self.log is not None:
            logconfig.configure(*self.log)
        plugins = plugins if plugins is not None else self.load_plugins()
        router = Router(plugins.sources, plugins.domains, forced=self.source, fallback=self.fallback)
        return Pipeline(plugins, router)


def load_object(path: str) -> object:
    """The module ``"pkg.mod"`` or its attribute ``"pkg.mod:name"``."""
    module, _, attribute = path.partition(":")
    loaded = importlib.import_module(module)
    return getattr(loaded, attribute) if attribute else loaded


def fingerprint(pipeline: Pipeline) -> tuple[tuple[str, ...], ...]:
    """Which sources (by plugin and version) and processors a pipeline runs.

    Two processes whose fingerprints differ would write different records
    for the same input, e.g. a plugin installed on the client but not on a
    cluster's workers.
    """
    plugins = pipeline.plugins
    sources = tuple(sorted(f"{name}={e.plugin}@{e.version}" for name, e in plugins.sources.items()))
    processors = tuple(name for name, _ in plugins.processors())
    return sources, processors


class WorkerSetupError(RuntimeError):
    """Workers could not be set up as the run needs: they failed to start or
    loaded other plugins than the process that planned the run."""


def check_fingerprint(got: object, expected: object) -> None:
    """Raise :class:`WorkerSetupError` unless a worker's plugins match the run's."""
    if expected is not None and got != expected:
        raise WorkerSetupError(
            f"a worker loaded different plugins than this process (worker: {got}; here: {expected}); "
            "install the same plugins everywhere"
        )


_local = threading.local()


def cached_pipeline(config: PipelineConfig) -> Pipeline:
    """This thread's pipeline for ``config``, built on first use.

    Long-lived workers (Dask) call this per task: plugins are discovered once
    per worker thread, never per document. Per thread, because a plugin is
    not promised to be thread-safe.
    """
    cache: dict[PipelineConfig, Pipeline] | None = getattr(_local, "pipelines", None)
    if cache is None:
        cache = _local.pipelines = {}
    pipeline = cache.get(config)
    if pipeline is None:
        pipeline = cache[config] = config.build()
    return pipeline
