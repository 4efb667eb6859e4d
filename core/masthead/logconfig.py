"""structlog configuration, called only by the command-line entry point.

Library modules just call ``structlog.get_logger()`` and pass context; how
events look is decided here once: short readable lines on a terminal, one
JSON object per line for machines.

A run over a million pages can meet the same problem a million times, so by
default an event about one document (it carries a ``uri``) is shown once per
kind (event and reason) and the rest are only counted in the run's summary;
``verbose`` shows every one. Events are written to whatever ``sys.stderr`` is
at that moment, so a live progress display that takes stderr over prints
them above itself.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import sys
from typing import Any, TextIO

import attrs


def started_as_the_command() -> bool:
    """Whether this process is the ``masthead`` command (its console script,
    or ``python -m masthead``), not a program that imports masthead."""
    spec = getattr(sys.modules.get("__main__"), "__spec__", None)
    if spec is not None and spec.name == "masthead.__main__":
        return True
    return bool(sys.argv) and os.path.basename(sys.argv[0]).removesuffix(".exe") == "masthead"


def _import_structlog_for_the_command() -> None:
    """Import structlog without rich when the ``masthead`` command starts.

    structlog imports rich, where it is installed, for two things the
    command never uses: the exception formatter of its ``ConsoleRenderer``
    and the locals of its dict tracebacks (the command renders events with
    :class:`LineRenderer` or the JSON renderer, and exceptions with
    ``format_exc_info``). rich's modules are about a tenth of the command's
    start-up (35-40 ms of CPU). So when this process is the command, and
    neither structlog nor rich is loaded yet, structlog is imported with
    rich hidden; rich can be imported again right after (the progress bar
    does), but structlog keeps running without it for the process's life.
    Any other program that imports masthead, its command module included
    (a wrapper calling :func:`masthead.cli.main`, a test with click's
    runner), gets structlog as it comes.
    """
    if "structlog" in sys.modules or "rich" in sys.modules or not started_as_the_command():
        return
    sys.modules["rich"] = None  # type: ignore[assignment]  # import rich raises ImportError
    try:
        import structlog  # noqa: F401
    finally:
        del sys.modules["rich"]


_import_structlog_for_the_command()

import structlog  # noqa: E402
from structlog.types import EventDict, WrappedLogger  # noqa: E402

LEVELS = ("debug", "info", "warning", "error")


@attrs.define(frozen=True)
class Settings:
    """How events are shown; :func:`current` is what :func:`configure` set last."""

    format: str = "console"  # console | json
    level: str = "warning"
    once_per_kind: bool = False

    @property
    def quiet(self) -> bool:
        return self.level == "error"


_current = Settings()


def current() -> Settings:
    return _current


class _Stderr:
    """A file that is ``sys.stderr`` at the moment of each write."""

    def write(self, text: str) -> int:
        return sys.stderr.write(text)

    def flush(self) -> None:
        sys.stderr.flush()


class _OnePrinter:
    """A logger factory that hands out one printer.

    Loggers are not cached (a later :func:`configure` must reach every
    module's logger), so structlog asks the factory for a logger at every
    event, even one the level filter drops; a ``PrintLoggerFactory`` would
    build a new printer each time, the same printer but for its cost.
    """

    def __init__(self, printer: structlog.PrintLogger) -> None:
        self.printer = printer

    def __call__(self, *args: Any) -> structlog.PrintLogger:
        return self.printer


class OncePerKind:
    """Drop a per-document event (one with a ``uri``) after the first of its kind.

    The kind is the event name plus its ``reason`` (or ``error`` class), so
    the first ``unclaimed`` and the first ``timeout`` rejection both show,
    each once, with a note that further ones are only counted.
    """

    def __init__(self) -> None:
        self.seen: set[tuple[str, str]] = set()

    def __call__(self, logger: WrappedLogger, method: str, event: EventDict) -> EventDict:
        if "uri" not in event or method in ("error", "critical"):
            return event
        kind = (str(event.get("event")), str(event.get("reason", "")))
        if kind in self.seen:
            raise structlog.DropEvent
        self.seen.add(kind)
        event["note"] = "further ones only counted (-v shows each)"
        return event


#: Keys shown first, in this order, by the console renderer.
_FIRST = ("reason", "uri", "plugin", "stage")


class LineRenderer:
    """One line per event: ``level: event key=value ...``.

    On a terminal the line is cut to its width (``fit``), so a long error
    message never wraps into a second line; elsewhere it is kept whole.
    """

    def __init__(self, fit: bool) -> None:
        self.fit = fit

    def __call__(self, logger: WrappedLogger, method: str, event: EventDict) -> str:
        event.pop("timestamp", None)
        level = event.pop("level", method)
        name = event.pop("event", "")
        more = event.pop("note", None)
        keys = [k for k in _FIRST if k in event] + sorted(k for k in event if k not in _FIRST)
        fields = " ".join(f"{key}={_value(event[key])}" for key in keys if event[key] is not None)
        line = " ".join(part for part in (f"{level}:", str(name), fields) if part)
        if more:
            line = f"{line} [{more}]"
        if self.fit:
            width = shutil.get_terminal_size().columns
            if len(line) > width:
                line = line[: max(width - 1, 10)] + "…"
        return line


def _value(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    text = " ".join(text.split())
    return json.dumps(text, ensure_ascii=False) if (" " in text or not text) else text


def configure(fmt: str = "auto", level: str = "warning", *, once_per_kind: bool = False) -> Settings:
    """Configure structlog to write to stderr in ``fmt`` (auto|console|json).

    ``auto`` is console on a terminal and JSON otherwise. With
    ``once_per_kind`` only the first per-document event of each kind is
    shown (see :class:`OncePerKind`).
    """
    global _current
    stream: TextIO = sys.stderr
    if fmt == "auto":
        fmt = "console" if stream.isatty() else "json"
    renderer: structlog.types.Processor = (
        structlog.processors.JSONRenderer() if fmt == "json" else LineRenderer(fit=stream.isatty())
    )
    processors: list[structlog.types.Processor] = [structlog.contextvars.merge_contextvars]
    if once_per_kind:
        processors.append(OncePerKind())
    processors += [
        structlog.processors.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        structlog.processors.format_exc_info,
        renderer,
    ]
    structlog.configure(
        processors=processors,
        wrapper_class=structlog.make_filtering_bound_logger(getattr(logging, level.upper())),
        logger_factory=_OnePrinter(structlog.PrintLogger(file=_Stderr())),  # type: ignore[arg-type]
        cache_logger_on_first_use=False,
    )
    _current = Settings(format=fmt, level=level, once_per_kind=once_per_kind)
    return _current


def emit(event: str, **fields: Any) -> None:
    """Write one event whatever the level filter: the run's closing record
    (``run_finished``) must reach a machine reader even under ``-q``."""
    renderer: structlog.types.Processor = (
        structlog.processors.JSONRenderer() if _current.format == "json" else LineRenderer(fit=False)
    )
    logger = structlog.wrap_logger(
        structlog.PrintLogger(file=_Stderr()),  # type: ignore[arg-type]
        processors=[
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            renderer,
        ],
        wrapper_class=structlog.make_filtering_bound_logger(logging.NOTSET),
    )
    logger.info(event, **fields)
