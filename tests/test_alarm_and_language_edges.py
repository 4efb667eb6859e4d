"""An in-process run's alarm and a declared language, at their edges.

A ``SIGALRM`` that reaches an in-process run between two documents is the
caller's, not a document's timeout; a plugin that takes the alarm for itself
does not lift the next document's time limit; and a declared language is
not settled by a first line that the rest of the text contradicts.
"""

from __future__ import annotations

import importlib
import os
import signal
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType, ModuleType

import pytest

import masthead
from masthead.extract.document import RawDocument
from masthead.extract.language import LanguageDecision, decide
from masthead.models import Article, Rejection
from masthead.run.runconfig import PipelineConfig
from masthead.run.runners import Outlet, run_in_process
from masthead.run.summary import Summary
from support import SourcesPlugin, make_pipeline, make_plugins

FAULTY = PipelineConfig(load_entry_points=False, extra=(("misbehaving", "misbehaving_plugins"),))


class ListSink(list[Article | Rejection]):
    """Keeps what it is given, in memory."""

    write = list.append

    def close(self) -> None:
        """Nothing to publish."""

    abort = close


def doc(name: str, marker: str = "") -> RawDocument:
    return RawDocument(uri=name, data=f"Title {name}\nMISBEHAVING page {name}.\n{marker}\n".encode())


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="no SIGALRM")
def test_an_alarm_between_documents_reaches_the_callers_handler_not_a_document() -> None:
    """The run's alarm handler answers for a document's budget only: a
    ``SIGALRM`` that arrives while the next input is read (the caller's own
    timer, a reader's) goes to the handler the caller had, and the run goes on."""
    rang: list[int] = []

    def callers(signum: int, frame: FrameType | None) -> None:
        rang.append(signum)

    def documents() -> Iterator[RawDocument]:
        yield doc("first")
        os.kill(os.getpid(), signal.SIGALRM)  # delivered here, between two documents
        yield doc("second")

    previous = signal.signal(signal.SIGALRM, callers)
    try:
        sinks = ListSink(), ListSink()
        summary = Summary()
        run_in_process(documents(), FAULTY.build(), Outlet(*sinks, summary), timeout=30)
        assert signal.getsignal(signal.SIGALRM) is callers
    finally:
        signal.signal(signal.SIGALRM, previous)
    assert rang == [signal.SIGALRM]
    assert [a.provenance.input for a in sinks[0] if isinstance(a, Article)] == ["first", "second"]
    assert not sinks[1] and summary.read == 2


#: A one-line note in English (under 150 characters), then a Russian text.
NOTE_EN = (
    "Below is the statement in full, as the ministry published it in Russian on Tuesday, "
    "with its headings and numbered points kept as they were.\n"
)
#: A one-line note in Russian (under 150 characters), then an English text.
NOTE_RU = "Ниже приводится полный текст заявления, опубликованного министерством во вторник на английском языке:\n"
RUSSIAN = (
    "Министерство иностранных дел Российской Федерации заявляет, что переговоры с делегацией продолжатся "
    "на следующей неделе в Женеве. Стороны обсудят вопросы стратегической стабильности и безопасности в Европе. "
)
ENGLISH = (
    "The ministry said on Tuesday that talks with the delegation would continue next week in Geneva, "
    "where both sides are expected to discuss strategic stability and European security. "
)


@pytest.mark.parametrize(
    ("text", "declared", "language"),
    [(NOTE_EN + RUSSIAN * 8, "en", "ru"), (NOTE_RU + ENGLISH * 8, "ru", "en")],
    ids=["english-note-russian-text", "russian-note-english-text"],
)
def test_a_note_in_the_declared_language_does_not_outvote_the_text_after_it(
    text: str, declared: str, language: str
) -> None:
    """A page that declares one language and carries a text in another, after
    a line in the declared one, reads as the text's language (with a warning
    naming both), as the schema says: a declared language the text contradicts
    is replaced."""
    assert len(text.split("\n", 1)[0]) < 150
    assert decide(text, declared) == LanguageDecision(
        language, f"language_corrected: declared {declared!r}, the text reads as {language!r}"
    )


class SwapsTheAlarm:
    """A processor plugin that sets ``SIGALRM``'s handler for its own use once,
    on its first page, and leaves it (as a library's own timeout may); on a
    page that asks for it, it works for longer than any budget."""

    def __init__(self) -> None:
        self.ready = False

    @masthead.hookimpl
    def masthead_process_article(self, article: Article) -> None:
        if not self.ready:
            signal.signal(signal.SIGALRM, lambda signum, frame: None)
            self.ready = True
        if any("SLOW" in line for line in article.body):
            deadline = time.monotonic() + 3
            while time.monotonic() < deadline:
                time.sleep(0.01)


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="no SIGALRM")
def test_a_plugin_that_takes_the_alarm_for_itself_does_not_lift_the_next_documents_budget() -> None:
    """Each document is timed, whatever a plugin did with the alarm's handler
    while an earlier document ran."""
    plugins = make_plugins(
        ("misbehaving", importlib.import_module("misbehaving_plugins")), ("swaps_the_alarm", SwapsTheAlarm())
    )
    sinks = ListSink(), ListSink()
    summary = Summary()
    previous = signal.getsignal(signal.SIGALRM)
    try:
        run_in_process(
            [doc("first"), doc("slow", "SLOW")], make_pipeline(plugins), Outlet(*sinks, summary), timeout=0.3
        )
    finally:
        signal.signal(signal.SIGALRM, previous)
    assert [a.provenance.input for a in sinks[0] if isinstance(a, Article)] == ["first"]
    assert [(r.input, r.reason, r.plugin) for r in sinks[1] if isinstance(r, Rejection)] == [
        ("slow", "timeout", "swaps_the_alarm")
    ]


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="no SIGALRM")
@pytest.mark.parametrize("handler", [signal.SIG_DFL, signal.SIG_IGN], ids=["default", "ignored"])
def test_the_callers_default_or_ignored_alarm_is_restored_after_every_document(handler: signal.Handlers) -> None:
    """The budget sets and restores the handler with ``_signal``'s own
    function, which hands back plain numbers for these two: the caller's
    disposition is in place again after each document, as an enum member."""
    seen: list[object] = []

    def documents() -> Iterator[RawDocument]:
        for name in ("first", "second"):
            yield doc(name)
            seen.append(signal.getsignal(signal.SIGALRM))

    previous = signal.signal(signal.SIGALRM, handler)
    try:
        sinks = ListSink(), ListSink()
        run_in_process(documents(), FAULTY.build(), Outlet(*sinks, Summary()), timeout=30)
        assert signal.getsignal(signal.SIGALRM) is handler
    finally:
        signal.signal(signal.SIGALRM, previous)
    assert seen == [handler, handler]
    assert [a.provenance.input for a in sinks[0] if isinstance(a, Article)] == ["first", "second"]


class KeepsTheAlarm(masthead.Source):
    """Claims pages spelling KEEPS; its ``detect`` takes ``SIGALRM`` for itself
    and then works past the budget (the alarm never reaches the run); its
    ``parse`` takes a moment, well within any budget."""

    name = "keeps_the_alarm"

    def detect(self, page: masthead.Page) -> float:
        if "KEEPS" not in page.text:
            return 0.0
        signal.signal(signal.SIGALRM, lambda signum, frame: None)
        time.sleep(0.5)
        return 0.9

    def parse(self, page: masthead.Page) -> masthead.Draft:
        time.sleep(0.05)
        return masthead.Draft(title=page.lines[0], body=page.lines[1:])


class SlowLanguage(masthead.Source):
    """Claims pages spelling TONGUE; its ``language`` is a property that
    takes longer than any budget to answer."""

    name = "slow_language"

    @property
    def language(self) -> str:  # type: ignore[override]
        time.sleep(3)
        return "en"

    def detect(self, page: masthead.Page) -> float:
        return 0.9 if "TONGUE" in page.text else 0.0

    def parse(self, page: masthead.Page) -> masthead.Draft:
        return masthead.Draft(title=page.lines[0], body=page.lines[1:])


def _sources(*sources: masthead.Source) -> object:
    class Register:
        @masthead.hookimpl
        def masthead_register_sources(self, register: object) -> None:
            for source in sources:
                register(source)  # type: ignore[operator]

    return Register()


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="no SIGALRM")
def test_a_document_whose_alarm_a_plugin_kept_is_not_timed_out_in_a_later_plugin() -> None:
    """Once a plugin kept a document's alarm from the run and used up its
    budget, the document's later steps run without one, as its whole
    pipeline did when it was one step: no later, innocent plugin is blamed
    for a timeout; the next document has its budget again."""
    pipeline = make_pipeline(make_plugins(("keeps", _sources(KeepsTheAlarm()))))
    sinks = ListSink(), ListSink()
    previous = signal.getsignal(signal.SIGALRM)
    try:
        run_in_process(
            [RawDocument(uri="a", data=b"A title\nKEEPS its alarm.\n"), doc("b")],
            pipeline,
            Outlet(*sinks, Summary()),
            timeout=0.3,
        )
    finally:
        signal.signal(signal.SIGALRM, previous)
    assert [a.provenance.input for a in sinks[0] if isinstance(a, Article)] == ["a"]
    assert [r.input for r in sinks[1] if isinstance(r, Rejection)] == ["b"]  # nobody claims it here


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="no SIGALRM")
def test_a_sources_language_property_runs_under_the_budget() -> None:
    """A source's ``language`` may be plugin code: a slow one costs its own
    document a timeout, not the run its time."""
    pipeline = make_pipeline(make_plugins(("slow", _sources(SlowLanguage()))))
    sinks = ListSink(), ListSink()
    started = time.monotonic()
    run_in_process(
        [RawDocument(uri="a", data=b"A title\nTONGUE body.\n")], pipeline, Outlet(*sinks, Summary()), timeout=0.3
    )
    assert time.monotonic() - started < 2
    assert [(r.input, r.reason) for r in sinks[1] if isinstance(r, Rejection)] == [("a", "timeout")]


def test_a_readers_document_without_bytes_is_rejected_not_fatal_in_a_batch() -> None:
    """A reader plugin may hand over ``data`` that is no bytes at all: the
    document is rejected as it always was, and weighs nothing in its batch."""
    sinks = ListSink(), ListSink()
    documents = [doc("good"), RawDocument(uri="none", data=None), RawDocument(uri="int", data=5)]  # type: ignore[arg-type]
    run_in_process(documents, FAULTY.build(), Outlet(*sinks, Summary()))
    assert [a.provenance.input for a in sinks[0] if isinstance(a, Article)] == ["good"]
    assert [(r.input, r.stage, r.reason) for r in sinks[1] if isinstance(r, Rejection)] == [
        ("none", "read", "invalid_document"),
        ("int", "read", "invalid_document"),
    ]


#: A package whose first import is slow, with a submodule that keeps the
#: package it was imported from (as Beautiful Soup's builders register
#: into theirs): cut short once, it must not break the pages after.
FRAGILE = {
    "__init__.py": (
        "import builtins, time\n"
        "from masthead_fragile_pkg import early\n"
        "if not getattr(builtins, 'masthead_fragile_slept', False):\n"
        "    builtins.masthead_fragile_slept = True\n"
        "    time.sleep(2)\n"
        "READY = 'ready'\n"
    ),
    "early.py": "import masthead_fragile_pkg\nPACKAGE = masthead_fragile_pkg\n",
}


class ImportsOnParse(masthead.Source):
    """Imports ``library`` with every page it parses, as plugins import
    theirs with their first page, and ends the body with what ``read``
    finds in it; a page saying SLOW then runs over any short budget."""

    name = "imports_on_parse"
    domains = ("imports.example",)

    def __init__(self, library: str, read: Callable[[ModuleType], str]) -> None:
        self.library = library
        self.read = read

    def detect(self, page: masthead.Page) -> float:
        return 0.9 if "IMPORTS" in page.text else 0.0

    def parse(self, page: masthead.Page) -> masthead.Draft:
        found = self.read(importlib.import_module(self.library))
        if "SLOW" in page.text:
            time.sleep(2)
        return masthead.Draft(title=page.lines[0], body=[*page.lines[1:], found])


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="no SIGALRM")
def test_a_timeout_inside_an_import_costs_that_document_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first page's budget ends while its plugin imports a library: that
    page is a timeout, and the next pages import the library afresh instead
    of failing on the half-made one Python left behind."""
    package = tmp_path / "masthead_fragile_pkg"
    package.mkdir()
    for name, code in FRAGILE.items():
        (package / name).write_text(code)
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr("builtins.masthead_fragile_slept", False, raising=False)
    source = ImportsOnParse("masthead_fragile_pkg.early", lambda early: str(early.PACKAGE.READY))
    plugins = make_plugins(("imports_on_parse", SourcesPlugin(source)))
    sinks = ListSink(), ListSink()
    summary = Summary()
    pages = [RawDocument(uri=f"p{n}", data=f"Title {n}\nIMPORTS page {n}.\n".encode()) for n in range(3)]
    try:
        run_in_process(pages, make_pipeline(plugins), Outlet(*sinks, summary), timeout=0.5)
    finally:
        for name in [name for name in sys.modules if name.startswith("masthead_fragile_pkg")]:
            del sys.modules[name]
    assert [(r.input, r.reason) for r in sinks[1] if isinstance(r, Rejection)] == [("p0", "timeout")]
    assert [(a.provenance.input, a.body[-1]) for a in sinks[0] if isinstance(a, Article)] == [
        ("p1", "ready"),
        ("p2", "ready"),
    ]


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="no SIGALRM")
def test_a_timeout_after_an_import_keeps_the_imported_modules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Only an import cut short is undone: a library imported whole before
    the page ran over its budget stays as it is (a library such as numpy,
    with compiled parts, could not be imported a second time)."""
    (tmp_path / "masthead_steady_pkg.py").write_text(
        "import builtins\nbuiltins.masthead_steady_imports = getattr(builtins, 'masthead_steady_imports', 0) + 1\n"
        "IMPORTS = builtins.masthead_steady_imports\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr("builtins.masthead_steady_imports", 0, raising=False)
    source = ImportsOnParse("masthead_steady_pkg", lambda steady: str(steady.IMPORTS))
    plugins = make_plugins(("imports_on_parse", SourcesPlugin(source)))
    sinks = ListSink(), ListSink()
    pages = [
        RawDocument(uri=f"p{n}", data=f"Title {n}\nIMPORTS page {n}.\n{'SLOW' * (n == 0)}\n".encode()) for n in range(2)
    ]
    try:
        run_in_process(pages, make_pipeline(plugins), Outlet(*sinks, Summary()), timeout=0.5)
    finally:
        sys.modules.pop("masthead_steady_pkg", None)
    assert [(r.input, r.reason) for r in sinks[1] if isinstance(r, Rejection)] == [("p0", "timeout")]
    assert [(a.provenance.input, a.body[-1]) for a in sinks[0] if isinstance(a, Article)] == [("p1", "1")]
