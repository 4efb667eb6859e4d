"""The ``masthead`` command.

Exit codes:

\b
  0  every document read was ingested (or the command succeeded)
  1  the run completed, but some documents were rejected
  2  usage error: bad option, unknown source, sink or plugin
  3  a plugin failed to load or register and --strict was given
  4  validate found invalid lines
  5  a file could not be written (disk full, read-only); --resume continues
  130 interrupted (Ctrl-C); no output file was replaced
  143 stopped by SIGTERM; no output file was replaced
"""

from __future__ import annotations

import gc
import itertools
import json
import sys
from collections.abc import Mapping, Sequence
from typing import Any, NoReturn

# isort: split
# First: logconfig imports structlog the way the command needs it (see there).
from masthead import logconfig

# isort: split
import attrs
import click
import cloup
import structlog
from cloup import option, option_group

from masthead import __version__
from masthead.errors import MastheadError, PluginError
from masthead.extract.document import Page
from masthead.io.readers import iter_documents
from masthead.manager import PluginNameError, Plugins
from masthead.models import Article, Rejection
from masthead.pipeline import Pipeline
from masthead.router import Router
from masthead.run.runconfig import PipelineConfig, WorkerSetupError
from masthead.serialize import unstructure
from masthead.validate import UnreadableLine, bounded_lines, validate_lines

EXIT_OK, EXIT_REJECTS, EXIT_USAGE, EXIT_PLUGIN, EXIT_INVALID, EXIT_WRITE = 0, 1, 2, 3, 4, 5

log = structlog.get_logger("masthead.cli")


def _fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    click.echo(f"masthead: error: {message}", err=True)
    sys.exit(code)


PLUGIN_OPTIONS = (
    option(
        "--plugins",
        "only",
        metavar="NAMES",
        help="Load only these installed plugins (comma-separated; built-ins always load); env MASTHEAD_PLUGINS.",
    ),
    option(
        "--disable",
        multiple=True,
        metavar="NAME",
        help="Do not load the installed plugin NAME (repeatable); env MASTHEAD_DISABLE (comma-separated).",
    ),
)
STRICT_OPTION = option("--strict", is_flag=True, help="Fail (exit 3) if any plugin fails to load or register.")


def plugin_options(func: Any) -> Any:
    """Options every command that loads plugins shares."""
    for decorator in (STRICT_OPTION, *reversed(PLUGIN_OPTIONS)):
        func = decorator(func)
    return func


def load_plugins(disable: Sequence[str], only: str | None, strict: bool) -> Plugins:
    """The plugins of this run; a bad plugin name is a usage error (exit 2),
    a plugin that fails under ``strict`` exit 3. Load failures are logged by
    the manager (``plugin_failed``), once."""
    names = [n.strip() for n in only.split(",") if n.strip()] if only else None
    try:
        plugins = Plugins(disable=disable, only=names, strict=strict)
    except PluginNameError as exc:
        _fail(f"--plugins/--disable (or MASTHEAD_PLUGINS/MASTHEAD_DISABLE): {exc}")
    except PluginError as exc:
        _fail(str(exc), EXIT_PLUGIN)
    return plugins


def make_pipeline(plugins: Plugins, source: str | None, fallback: str | None) -> Pipeline:
    known = ", ".join(sorted(plugins.sources)) or "none"
    for flag, name in (("--source", source), ("--fallback", fallback)):
        if name is not None and name not in plugins.sources:
            _fail(f"{flag}: no source plugin named {name!r} (loaded: {known})")
    return Pipeline(plugins, Router(plugins.sources, plugins.domains, forced=source, fallback=fallback))


_LOG = "masthead.log"


def _log_option(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    """Record an explicitly given log option (on the root command or a
    subcommand) and reconfigure logging with everything given so far."""
    given = ctx.find_root().meta.setdefault(_LOG, {})
    if param.name and ctx.get_parameter_source(param.name) not in (None, click.core.ParameterSource.DEFAULT):
        given[param.name] = value
    _configure_logging(given)
    return value


def _configure_logging(given: dict[str, Any]) -> logconfig.Settings:
    verbose = min(int(given.get("verbose") or 0), 2)
    level = given.get("log_level") or ("error" if given.get("quiet") else ("warning", "info", "debug")[verbose])
    once = level in ("warning", "error") and not verbose
    return logconfig.configure(given.get("log_format", "auto"), level, once_per_kind=once)


LOG_OPTIONS = (
    option(
        "-q",
        "--quiet",
        is_flag=True,
        expose_value=False,
        callback=_log_option,
        help="Show only errors and the summary at the end (no progress bar).",
    ),
    option(
        "-v",
        "--verbose",
        count=True,
        expose_value=False,
        callback=_log_option,
        help="Show every per-document event (-vv: debug events too).",
    ),
    option(
        "--log-format",
        type=click.Choice(["auto", "console", "json"]),
        expose_value=False,
        callback=_log_option,
        help="Events as readable lines (console) or JSON lines; auto: console on a terminal.  [default: auto]",
    ),
    option(
        "--log-level",
        type=click.Choice(logconfig.LEVELS),
        expose_value=False,
        callback=_log_option,
        help="Lowest level of event shown (overrides -q and -v).  [default: warning]",
    ),
)


def log_options(func: Any) -> Any:
    for decorator in reversed(LOG_OPTIONS):
        func = decorator(func)
    return func


CONTEXT = cloup.Context.settings(help_option_names=["-h", "--help"], max_content_width=100)


@cloup.group(context_settings=CONTEXT, epilog=__doc__.split("\n", 2)[2])
@click.version_option(__version__, prog_name="masthead")
@log_options
def main() -> None:
    """masthead turns raw news pages into clean, structured article records."""
    _configure_logging(click.get_current_context().meta.setdefault(_LOG, {}))


class SinkName(click.ParamType):  # type: ignore[type-arg,unused-ignore]  # generic from click 8.2
    """A sink name; the help lists the sinks installed plugins register."""

    name = "sink"

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        try:
            names = sorted(Plugins(disable=(), only=None).sinks)
        except (PluginError, PluginNameError):
            return "NAME"
        return "[" + "|".join(names) + "]"


INGEST_EXAMPLES = """\b
Examples:
  masthead ingest corpus/ -o out.jsonl --rejects rejects.jsonl
  masthead ingest crawl/ -o out.jsonl --fallback generic --workers 8 -q
  masthead ingest shards/ -o parts/ --engine dask --scheduler tcp://10.0.0.5:8786
"""

# The ingest options, one block per help section: adding an option is adding it to its block.
INPUT_OPTIONS = option_group(
    "Input",
    option(
        "--follow-links",
        is_flag=True,
        help="Follow symbolic links that lead out of the directories in PATHS (not followed by default).",
    ),
    option(
        "--resume",
        is_flag=True,
        help="Continue the interrupted run that was writing OUT (same PATHS and --rejects).",
    ),
    option(
        "--prefix",
        metavar="URL",
        help="Base URL for the relative lines of a paths file (e.g. https://data.commoncrawl.org/ for warc.paths.gz).",
    ),
    option(
        "--storage-options",
        metavar="JSON",
        help="fsspec options for URL inputs and outputs, as a JSON object (e.g. '{\"anon\": true}').",
    ),
)
OUTPUT_OPTIONS = option_group(
    "Output",
    option(
        "-o",
        "--output",
        required=True,
        metavar="OUT",
        help="Output file; '-' for stdout. With --engine dask: a directory or object-store URL of parts "
        "and a manifest.",
    ),
    option("--rejects", metavar="FILE", help="Write one JSONL line per document not ingested."),
    option("--sink", "sink_name", type=SinkName(), default="jsonl", show_default=True, help="Sink for the articles."),
    option("--summary-json", metavar="FILE", help="Write the run summary as JSON."),
    option(
        "--keep-duplicates",
        is_flag=True,
        help="Write every article, even one whose id was already written in this run.",
    ),
)
ROUTING_OPTIONS = option_group(
    "Routing",
    option("--source", metavar="NAME", help="Route every document to this source plugin."),
    option(
        "--fallback",
        metavar="NAME",
        help="Source for documents no plugin claims (e.g. 'generic'); default: reject them.",
    ),
    *PLUGIN_OPTIONS,
)
RUNNER_OPTIONS = option_group(
    "Runners",
    option(
        "--workers",
        type=click.IntRange(min=1),
        metavar="N",
        help="Worker processes (default: the CPU count); 1, or an input under 50 documents, runs in this process.",
    ),
    option(
        "--engine",
        type=click.Choice(["local", "dask"]),
        default="local",
        show_default=True,
        help="local: processes on this machine; dask: a Dask distributed cluster (pip install 'masthead[dask]').",
    ),
    option(
        "--scheduler",
        metavar="ADDRESS",
        help="Run on the Dask cluster at ADDRESS (e.g. tcp://10.0.0.5:8786), not a new local one; "
        "implies --engine dask.",
    ),
    option("--deterministic", is_flag=True, help="Write records in input order, exactly as a one-process run does."),
)
SAFETY_OPTIONS = option_group(
    "Safety",
    option(
        "--timeout",
        type=click.FloatRange(min=0),
        default=30.0,
        show_default=True,
        metavar="SECONDS",
        help="Time limit per document (0: none); a document over it is rejected as 'timeout'.",
    ),
    option(
        "--memory-limit",
        type=click.IntRange(min=0),
        metavar="MB",
        help="Address-space cap per worker process (default: 80% of RAM split across workers; 0: none).",
    ),
    option(
        "--checkpoint-every",
        type=click.IntRange(min=1),
        default=500,
        show_default=True,
        metavar="N",
        help="Records between checkpoints: the most an interrupted run has to redo on --resume.",
    ),
    STRICT_OPTION,
)
TERMINAL_OPTIONS = option_group("Terminal output", *LOG_OPTIONS)


@main.command(epilog=INGEST_EXAMPLES)
@cloup.argument("paths", nargs=-1, required=True)
@INPUT_OPTIONS
@OUTPUT_OPTIONS
@ROUTING_OPTIONS
@RUNNER_OPTIONS
@SAFETY_OPTIONS
@TERMINAL_OPTIONS
def ingest(
    paths: tuple[str, ...],
    output: str,
    rejects: str | None,
    source: str | None,
    fallback: str | None,
    sink_name: str,
    summary_json: str | None,
    workers: int | None,
    engine: str,
    scheduler: str | None,
    deterministic: bool,
    timeout: float,
    memory_limit: int | None,
    keep_duplicates: bool,
    follow_links: bool,
    resume: bool,
    checkpoint_every: int,
    prefix: str | None,
    storage_options: str | None,
    disable: tuple[str, ...],
    only: str | None,
    strict: bool,
) -> None:
    """Parse every document under PATHS into articles written to OUT.

    PATHS are files, directories (walked recursively), glob patterns or '-'
    for standard input. Text dumps (.txt), HTML (.html, .htm), web archives
    (.warc, .warc.gz) and JSONL records (.jsonl) are read; plugins may add
    formats.

    Documents are processed in parallel worker processes (--workers), each
    with a time limit (--timeout): a plugin that hangs or crashes on one
    document costs that document, recorded in the rejects, not the run.
    With --engine dask they run on a Dask cluster: workers read their own
    shards (paths, object-store URLs such as s3://bucket/crawl/, or a
    warc.paths.gz with --prefix) and OUT is a directory or object-store URL
    of one part per shard plus manifest.json.

    The same article read twice (same URL, or same text) is written once.
    OUT appears only when the run completes; after Ctrl-C or a kill,
    --resume continues where the run stopped.
    """
    from masthead.run.dask_engine import EngineUnavailable, import_distributed
    from masthead.run.runners import cpu_count
    from masthead.run.session import IngestOptions, Interrupted, SessionError, WriteFailed
    from masthead.run.session import ingest as run_ingest

    plugins = load_plugins(disable, only, strict)
    pipeline = make_pipeline(plugins, source, fallback)
    engine = "dask" if scheduler else engine
    if engine == "dask":
        if sink_name not in ("jsonl", "parquet") or output == "-" or rejects:
            _fail("--engine dask writes parts (jsonl or parquet) and rejects/ parts into -o DIRECTORY; no --rejects")
        try:
            import_distributed()
        except EngineUnavailable as exc:
            _fail(str(exc))
    elif sink_name not in plugins.sinks:
        _fail(f"--sink: no sink named {sink_name!r} (known: {', '.join(sorted(plugins.sinks))})")
    options = IngestOptions(
        paths=paths,
        output=output,
        rejects=rejects,
        summary_json=summary_json,
        sink=sink_name,
        engine=engine,
        workers=workers or cpu_count(),
        scheduler=scheduler,
        deterministic=deterministic,
        timeout=timeout or None,
        memory_limit_mb=memory_limit,
        keep_duplicates=keep_duplicates,
        follow_links=follow_links,
        resume=resume,
        checkpoint_every=checkpoint_every,
        log=_worker_log_settings(),
        prefix=prefix,
        storage_options=_json_object("--storage-options", storage_options),
    )
    config = PipelineConfig.of(plugins, source=source, fallback=fallback)
    _leave_start_up_out_of_collections()
    try:
        summary = run_ingest(options, plugins, pipeline, config)
    except SessionError as exc:
        _fail(str(exc))
    except WriteFailed as exc:
        kept = "; progress is kept: make room, then run the same command with --resume" if exc.resumable else ""
        _fail(f"{exc}{kept}", EXIT_WRITE)
    except Interrupted as stop:
        if stop.resumable:
            click.echo(
                f"masthead: interrupted after {stop.summary.read} document(s); "
                f"{output} was not written. Continue with the same command and --resume.",
                err=True,
            )
        else:
            click.echo("masthead: interrupted; no output file was written", err=True)
        sys.exit(128 + stop.signum)
    except (EngineUnavailable, WorkerSetupError) as exc:
        _fail(f"{exc}; no output file was written", EXIT_USAGE if isinstance(exc, EngineUnavailable) else EXIT_PLUGIN)
    _report(summary)
    sys.exit(EXIT_REJECTS if summary.rejected else EXIT_OK)


def _leave_start_up_out_of_collections() -> None:
    """Keep what the command has built before its run out of every later
    garbage collection.

    Modules, plugins, compiled patterns and their tables live as long as the
    process, yet the cycle collector would walk them again at each pass over
    its older generations and several times at shutdown, while the
    interpreter unloads modules. ``gc.freeze`` moves them to the permanent
    generation, which no collection walks: over 3,000 text dumps a run in
    this process executes about 1 % fewer instructions (docs/benchmark.md;
    worker processes start afresh and are not frozen). A frozen object left
    in a reference cycle is not finalized at exit; Python does not promise
    that for any object still alive then. Only in the ``masthead`` command
    itself: a program that imports masthead, or a test calling
    :func:`main`, keeps its collector as it was.
    """
    if logconfig.started_as_the_command():
        gc.freeze()


def _report(summary: Any) -> None:
    """The end of a run: a few readable lines, or with JSON logs one
    ``run_finished`` event carrying the counts (and nothing else)."""
    if logconfig.current().format == "json":
        logconfig.emit("run_finished", **summary.to_dict())
    else:
        click.echo(summary.render(), err=True)


def _json_object(option: str, text: str | None) -> dict[str, Any]:
    try:
        value = json.loads(text) if text else {}
    except ValueError as exc:
        _fail(f"{option}: not JSON: {exc}")
    if not isinstance(value, dict):
        _fail(f"{option}: expected a JSON object")
    return value


def _worker_log_settings() -> tuple[str, str]:
    """Log format and level for worker processes: they write straight to
    stderr, past the progress bar and the once-per-kind filter, so they show
    only errors unless every event was asked for (-v)."""
    settings = logconfig.current()
    return settings.format, settings.level if not settings.once_per_kind else "error"


@main.command(name="plugins")
@click.option("--json", "as_json", is_flag=True, help="Print the list as JSON.")
@plugin_options
def list_plugins(as_json: bool, disable: tuple[str, ...], only: str | None, strict: bool) -> None:
    """List plugins: name, version, distribution, status, domains and hooks."""
    plugins = load_plugins(disable, only, strict)
    infos = [attrs.asdict(info) for info in plugins.infos.values()]
    if as_json:
        click.echo(json.dumps(infos, indent=2))
        return
    for info in infos:
        origin = "built-in" if info["builtin"] else f"{info['distribution']} {info['version']}"
        click.echo(f"{info['name']}  [{info['status']}]  {origin}  ({info['module']})")
        if info["sources"]:
            click.echo(f"    sources: {', '.join(info['sources'])}")
        if info["domains"]:
            click.echo(f"    domains: {', '.join(info['domains'])}")
        if info["hooks"]:
            click.echo(f"    hooks:   {', '.join(info['hooks'])}")
        for kind in ("readers", "sinks", "overrides"):
            if info.get(kind):
                click.echo(f"    {kind + ':':<8} {', '.join(info[kind])}")
        if info["error"]:
            click.echo(f"    error:   {info['error']}")


@main.command()
@click.argument("paths", nargs=-1, required=True)
@plugin_options
def detect(paths: tuple[str, ...], disable: tuple[str, ...], only: str | None, strict: bool) -> None:
    """Show which source plugin would take each document, and every score.

    Exits 1 if any document would be rejected (unreadable or unclaimed).
    """
    plugins = load_plugins(disable, only, strict)
    router = Router(plugins.sources, plugins.domains)
    unclaimed = 0
    for item in iter_documents(paths, plugins.readers):
        if isinstance(item, Rejection):
            unclaimed += 1
            click.echo(f"{item.input}: rejected ({item.reason}): {item.error}")
            continue
        try:
            page = Page.from_raw(item)
            decision = router.route(page)
        except MastheadError as exc:
            unclaimed += 1
            click.echo(f"{item.uri}: rejected ({exc.reason}): {exc}")
            _echo_scores(getattr(exc, "scores", {}), getattr(exc, "failed", {}))
            continue
        click.echo(f"{item.uri}: {decision.source} (by {decision.method})")
        _echo_scores(decision.scores, decision.failed)
    sys.exit(EXIT_REJECTS if unclaimed else EXIT_OK)


def _echo_scores(scores: Mapping[str, float], failed: Mapping[str, str]) -> None:
    """One line a source: its score, or why its detector failed on the page."""
    for name, score in scores.items():
        click.echo(f"    failed  {name}: {failed[name]}" if name in failed else f"    {score:.2f}  {name}")


@main.command()
@click.argument("path")
@click.option("--source", metavar="NAME", help="Force this source plugin.")
@click.option("--fallback", metavar="NAME", help="Source for a document no plugin claims.")
@plugin_options
def parse(
    path: str, source: str | None, fallback: str | None, disable: tuple[str, ...], only: str | None, strict: bool
) -> None:
    """Parse one document and print its Article (or rejection) as pretty JSON."""
    plugins = load_plugins(disable, only, strict)
    pipeline = make_pipeline(plugins, source, fallback)
    documents = iter_documents([path], plugins.readers)
    first = next(documents, None)
    if first is None:
        _fail(f"{path}: no document found", EXIT_REJECTS)
    if isinstance(first, Rejection):
        _fail(f"{path}: {first.error} ({first.reason})")
    if next(documents, None) is not None:
        _fail(f"{path} holds more than one document; parse takes one (use ingest for many)")
    record: Article | Rejection = pipeline.process(first)
    click.echo(json.dumps(unstructure(record), indent=2, ensure_ascii=False))
    sys.exit(EXIT_OK if isinstance(record, Article) else EXIT_REJECTS)


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
def validate(file: str) -> None:
    """Check a JSONL file against the Article JSON Schema; list bad lines."""
    try:
        handle = click.open_file(file, "rb")
    except OSError as exc:
        _fail(f"{file}: {exc.strerror or exc}")
    bad = 0
    lines = 0

    def counted(stream: Any) -> Any:
        nonlocal lines
        for line in bounded_lines(stream):
            lines += 1
            yield line

    with handle:
        stream = counted(handle)
        try:
            first = next(stream, b"")
        except UnreadableLine as exc:  # binary data or a device: not worth a second read
            click.echo(f"{file}:1: line {exc}")
            click.echo(f"{file}: not a JSONL text file", err=True)
            sys.exit(EXIT_INVALID)
        shape = {b"{": "one pretty-printed JSON object", b"[": "a pretty-printed JSON array"}.get(first.strip())
        if shape:
            # No JSONL line is a lone bracket: this is JSON spread over lines, e.g. what `parse` prints.
            _fail(
                f"{file} looks like {shape}, not JSONL (one JSON record per line); "
                "validate checks the output of masthead ingest",
                EXIT_INVALID,
            )
        for error in validate_lines(itertools.chain([first] if first else [], stream)):
            bad += 1
            click.echo(f"{file}:{error.line}: {error.message}")
    if bad:
        click.echo(f"{file}: {bad} problem(s) in {lines} line(s)", err=True)
        sys.exit(EXIT_INVALID)
    click.echo(f"{file}: {lines} line(s), all valid", err=True)


@main.command(name="new-plugin")
@click.argument("name")
@click.option("--directory", type=click.Path(file_okay=False), help="Where to create it (default: ./masthead-NAME).")
@click.option("--title", help="The outlet's name, e.g. 'The Daily Planet'.")
@click.option("--domain", help="The outlet's domain, e.g. 'dailyplanet.com'.")
def new_plugin(name: str, directory: str | None, title: str | None, domain: str | None) -> None:
    """Create a new source plugin package NAME (snake_case outlet key)."""
    from pathlib import Path

    from masthead.scaffold import create_plugin

    target = Path(directory or f"masthead-{name.replace('_', '-')}")
    try:
        written = create_plugin(name, target, title=title, domain=domain)
    except (ValueError, FileExistsError) as exc:
        _fail(str(exc))
    for path in written:
        click.echo(f"created {path}")
    click.echo(f"next: pip install -e '{target}[test]' && masthead plugins && pytest {target}")
    click.echo("each failing test names the next step, until the parser and its golden files are written")
