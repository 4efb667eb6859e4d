"""Long lines cost time in proportion to their length, in every plugin.

A regular expression that backtracks (``(\\d[\\d.,]*)+`` against ``$111…x``)
turns a 100 KB line into a page lost to the time budget. Three checks:
every module-level pattern of the first-party plugins and of the extraction
helpers grows linearly on long runs of each character class; every source's
``detect`` and ``parse`` get such runs and finish; and through the command,
the two lines that used to exhaust the budget cost no page.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import re
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

import attrs
import pytest

from masthead.extract.document import TEXT, Page, RawDocument
from masthead.manager import Plugins
from test_cli import masthead_command

ROOT = Path(__file__).resolve().parents[1]
SEEDS = {p.name[:3]: p for p in (ROOT / "corpus").glob("*.txt")}
PACKAGES = (
    "masthead_russia_briefing",
    "masthead_moscow_times",
    "masthead_wire_aggregator",
    "masthead_opinion_site",
    "masthead.extract",
)
#: Runs of one character class (or a short mix) that regexes meet in hostile pages.
#: Runs of whitespace alone are left out: the page view collapses them before
#: any plugin sees a line (see ``test_whitespace_runs_never_reach_plugins``).
RUNS = (
    *("1", "a", "A", ".", ",", "-", "'", '"', ":", "/", "$", "=", "#", "*", "_", "|", "(", ")", "!", "?"),
    *("$1", "1 ", "1,", "1.", "1:", "1/", "a ", "A ", "a.", "a,", "A.", "a-", "A-", "a'", "Ab ", "AB ", "aA"),
    *("a\u00a0", "я ", "Я", "—", "…", "x\u200b", "a\t", "by ", "© ", "http://", "@a", "a@", "<a", "&amp;"),
)
#: What may stand before a run: the backtracking ``$111...x`` needs its ``$``.
PREFIXES = ("", "$", "A ", "1")
SMALL, LARGE = 1_000, 4_000
#: Patterns only ever applied to a slice of bounded length, named with where
#: the bound is: their cost on a long line is bounded however they scale.
BOUNDED_USE = {
    "masthead.extract.agencies._DATELINE_BEFORE[0]": "the _WINDOW characters before a mention",
    "masthead.extract.agencies._PRECEDING_NAME[0]": "the _WINDOW characters before a mention",
}


def patterns() -> Iterator[tuple[str, re.Pattern[str]]]:
    """Every compiled pattern a module holds: at module level, in a tuple or
    list, or inside a rule object (``Phrases(patterns=...)``) it defines."""
    for package in PACKAGES:
        root = importlib.import_module(package)
        for info in pkgutil.iter_modules(root.__path__, package + "."):
            module = importlib.import_module(info.name)
            for name, value in vars(module).items():
                for index, item in enumerate(_held(value)):
                    yield f"{info.name}.{name}[{index}]", item


def _held(value: object, depth: int = 0) -> list[re.Pattern[str]]:
    if isinstance(value, re.Pattern):
        return [value] if isinstance(value.pattern, str) else []
    if depth > 2:
        return []
    if isinstance(value, (tuple, list)):
        return [p for item in value for p in _held(item, depth + 1)]
    if attrs.has(type(value)):
        return [p for field in attrs.fields(type(value)) for p in _held(getattr(value, field.name), depth + 1)]
    return []


def run_of(chars: str, size: int) -> str:
    return (chars * (size // len(chars) + 1))[:size] + "!x"


def cost(pattern: re.Pattern[str], text: str, tries: int = 1) -> float:
    best = float("inf")
    for _ in range(tries):
        start = time.perf_counter()
        pattern.findall(text)  # every start position, the whole text: the worst of search/match/findall
        best = min(best, time.perf_counter() - start)
    return best


def test_the_audit_sees_the_plugins_patterns() -> None:
    found = dict(patterns())
    assert len(found) > 80
    assert any("usd|eur" in pattern.pattern for pattern in found.values())  # the donation thermometer


def test_every_plugin_pattern_is_linear_on_long_runs() -> None:
    """Four times the text may cost about four times the work, never sixteen.

    The measure is a ratio of the same call on two lengths, so machine speed
    cancels out; a pattern is only suspected above a floor of work, and a
    suspect is measured again (best of five) before it counts.
    """
    superlinear = []
    for name, pattern in patterns():
        if name in BOUNDED_USE:
            continue
        for prefix in PREFIXES:
            for chars in RUNS:
                large = cost(pattern, prefix + run_of(chars, LARGE))
                if large < 0.005:
                    continue
                small = cost(pattern, prefix + run_of(chars, SMALL), tries=5)
                large = cost(pattern, prefix + run_of(chars, LARGE), tries=5)
                if large > 0.005 and large / max(small, 1e-4) > 10:
                    superlinear.append(f"{name} on {prefix + chars!r}...: x{large / max(small, 1e-4):.0f}")
    assert not superlinear, "patterns that backtrack on long runs:\n" + "\n".join(superlinear)


def test_whitespace_runs_never_reach_plugins() -> None:
    data = ("Title\n\na" + " " * 5000 + "b" + "\t" * 5000 + "c\u00a0" * 3).encode()
    page = Page.from_raw(RawDocument(uri="x", data=data, content_type=TEXT))
    assert max(len(line) for line in page.lines) < 20 and len(page.text) < 40


class Hung(Exception):
    pass


def _hang(signum: int, frame: FrameType | None) -> None:
    raise Hung


@pytest.mark.parametrize("seed", ["000", "001", "002", "004"])
def test_every_source_finishes_on_long_runs_of_each_class(seed: str) -> None:
    """A hang guard, not a speed test: exponential backtracking never ends;
    linear work on these pages takes a small fraction of the guard."""
    text = SEEDS[seed].read_text(encoding="utf-8").splitlines()
    middle = len(text) // 2
    data = "\n".join([*text[:middle], *(x for c in RUNS for x in ("", run_of(c, 3_000))), "", *text[middle:]])
    sources = Plugins().sources
    previous = signal.signal(signal.SIGALRM, _hang)
    try:
        for name, entry in sources.items():
            for step in ("detect", "parse"):
                page = Page.from_raw(RawDocument(uri=f"{seed}.txt", data=data.encode(), content_type=TEXT))
                signal.alarm(60)
                try:
                    getattr(entry.source, step)(page)
                except Hung:
                    pytest.fail(f"{name}.{step} did not finish on long runs in seed {seed}")
                except Exception:  # noqa: BLE001 - refusing the page is a finished answer
                    pass
                finally:
                    signal.alarm(0)
    finally:
        signal.signal(signal.SIGALRM, previous)


def test_lines_that_exhausted_the_budget_cost_no_page(tmp_path: Path) -> None:
    """``$111…x`` (opinion site) and ``aaa…`` (Moscow Times), 200 KB each: each
    took minutes of backtracking, past the per-document budget."""
    for seed, line in (("004", "$" + "1" * 200_000 + "x"), ("001", "a" * 200_000)):
        text = SEEDS[seed].read_text(encoding="utf-8").splitlines()
        middle = len(text) // 2
        (tmp_path / f"{seed}.txt").write_text("\n".join([*text[:middle], "", line, "", *text[middle:]]), "utf-8")
    out, rejects = tmp_path / "o.jsonl", tmp_path / "r.jsonl"
    options = ["-o", str(out), "--rejects", str(rejects), "--workers", "1", "--timeout", "60"]
    done = subprocess.run(
        [*masthead_command(), "ingest", str(tmp_path), *options],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, rejects.read_text(encoding="utf-8") if rejects.exists() else done.stderr
    outlets = sorted(json.loads(x)["outlet"] for x in out.read_text(encoding="utf-8").splitlines())
    assert outlets == ["moscow_times", "opinion_site"]
