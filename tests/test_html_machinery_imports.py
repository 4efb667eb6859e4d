"""A run over text dumps never imports the HTML machinery.

Beautiful Soup, lxml, their selector compilers and the charset detector
cost about a tenth of a second of CPU to import, a quarter of a short run's
start-up; the core and the first-party plugins import them with the first
page that needs them. Run as a separate interpreter, as a user runs
``masthead``, so that no other test's imports count.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
FASTPATH = Path(__file__).resolve().parent / "fixtures" / "fastpath"
#: The third-party packages of the HTML path (and of undecodable bytes).
HEAVY = ("bs4", "soupsieve", "lxml", "cssselect", "charset_normalizer")

_SCRIPT = """
import json, sys
from masthead.cli import main
try:
    main(sys.argv[1:], standalone_mode=False)
except SystemExit:
    pass
print(json.dumps(sorted({name.split(".")[0] for name in sys.modules} & set(HEAVY))))
""".replace("HEAVY", repr(HEAVY))


def imported_by_run(folder: Path, out: Path) -> tuple[list[str], list[dict[str, object]]]:
    """The heavy packages a whole ``masthead ingest`` of ``folder`` imported, and its records."""
    argv = ["--log-level", "error", "ingest", str(folder), "-o", str(out), "--fallback", "generic"]
    done = subprocess.run([sys.executable, "-c", _SCRIPT, *argv], capture_output=True, text=True, check=True)
    records = [json.loads(line) for line in out.read_text().splitlines()]
    return json.loads(done.stdout.strip().splitlines()[-1]), records


def test_a_run_over_every_outlets_dumps_imports_no_html_machinery(tmp_path: Path) -> None:
    dumps = tmp_path / "dumps"
    dumps.mkdir()
    for dump in CORPUS.glob("*.txt"):
        shutil.copy(dump, dumps / dump.name)
    imported, records = imported_by_run(dumps, tmp_path / "dumps.jsonl")
    # Every first-party plugin read one of its dumps in this run.
    assert {r["outlet"] for r in records} == {"russia_briefing", "moscow_times", "wire_aggregator", "opinion_site"}
    assert imported == []


def test_a_run_with_an_html_page_imports_it(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    shutil.copy(next(iter(sorted(CORPUS.glob("*.txt")))), pages / "dump.txt")
    shutil.copy(FASTPATH / "mt_tpl_article.html", pages / "page.html")
    imported, _ = imported_by_run(pages, tmp_path / "pages.jsonl")
    assert {"bs4", "lxml"} <= set(imported)
