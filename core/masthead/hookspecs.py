"""Hook specifications: the public API between masthead and its plugins.

A plugin is any module or object with functions marked by
:data:`masthead.hookimpl` whose names match the specs below; masthead finds
plugins through the ``masthead`` entry-point group. Registration hooks hand
the plugin a ``register`` callback, so a plugin contributes objects with a
clear contract instead of being called for every document. Specs only ever
grow by new parameters; an implementation may accept fewer than offered.
A plugin whose hook implementation has a name that is no spec below (a
typo such as ``masthead_register_source``) fails to load with an error
naming the unknown hook, instead of silently doing nothing. masthead calls
every hook implementation as a plain function, so wrapper implementations
(``wrapper=True``, ``hookwrapper=True``) are refused the same way.

The built-in readers, sinks and the generic fallback source are themselves
plugins implementing these hooks: the core has no private shortcut.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from masthead.extract.document import Page
    from masthead.io.readers import Reader
    from masthead.io.sinks import SinkFactory
    from masthead.models import Article
    from masthead.source import Source

PROJECT = "masthead"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def masthead_register_sources(register: Callable[[Source], None]) -> None:
    """Register source plugins: one per outlet.

    Call ``register(source)`` once per :class:`masthead.Source` instance.
    Called once per run, at start-up, before any document is read. A source
    whose ``name`` or one of whose ``domains`` is already registered by
    another plugin is refused with an error naming both plugins. So is one
    whose ``domains`` are not lower-case host names with a dot (no scheme,
    path or port), whose ``version`` is not a string or whose ``language``
    is not ``None`` or a code like ``"en"``. If the hook raises, nothing it
    registered in that call is kept.
    """


@hookspec
def masthead_register_readers(register: Callable[[Reader], None]) -> None:
    """Register readers: input formats that turn files into raw documents.

    Call ``register(reader)`` with an object following
    :class:`masthead.io.readers.Reader`: a ``name``, the file ``suffixes`` it
    takes (".warc.gz") and ``read(path)`` yielding documents. A later
    registration for the same suffix replaces an earlier one, so a plugin can
    override a built-in reader; that is logged (``reader_overridden``) and
    listed in the plugin's ``overrides``. Called once per run, at start-up.
    """


@hookspec
def masthead_register_sinks(register: Callable[[str, SinkFactory], None]) -> None:
    """Register sinks: where ingested articles are written.

    Call ``register(name, factory)``; ``factory(path)`` must return a
    :class:`masthead.io.sinks.Sink`. The user picks one with
    ``masthead ingest --sink NAME``. A later registration of a name replaces
    an earlier one (logged as ``sink_overridden``). Called once per run, at
    start-up.
    """


@hookspec
def masthead_process_article(article: Article, page: Page) -> Article | None:
    """Enrich or filter an article after its source plugin parsed it.

    Called for every parsed article, once per implementing plugin, in
    pluggy's call order, each seeing the previous one's result. Return a new
    :class:`~masthead.models.Article` (e.g. ``attrs.evolve(article, ...)``)
    to replace it, ``None`` to keep it unchanged, or raise
    :class:`masthead.errors.Filtered` to drop it: the document is then
    recorded in the rejects with that reason. Any other exception rejects
    the document with reason ``plugin_error`` naming the plugin.

    masthead_process_article does not support wrapper implementations
    (``@hookimpl(wrapper=True)`` or ``hookwrapper=True``): a plugin with
    one fails to load. Use ``tryfirst``/``trylast`` to order processors.
    """
