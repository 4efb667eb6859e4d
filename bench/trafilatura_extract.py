"""The comparison run: trafilatura over the same HTML pages masthead reads.

Reads every ``*.html`` under a folder (sorted, streaming), extracts each with
``trafilatura.extract(html, output_format="json", with_metadata=True)`` —
main text plus title, author, date and URL, the closest match to what
masthead writes — and writes one JSON line per page, so both tools do the
same work: read files, extract, write JSONL. ``--workers N`` spreads pages
over N processes with ``multiprocessing.Pool.imap`` (ordered, chunked), the
usual way to run trafilatura on several cores.

    python bench/trafilatura_extract.py FOLDER -o OUT.jsonl [--workers N]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO


def pages(folder: Path) -> Iterator[Path]:
    yield from sorted(folder.rglob("*.html"))


def extract(path: Path) -> str | None:
    import trafilatura

    html = path.read_text(encoding="utf-8", errors="replace")
    result: str | None = trafilatura.extract(html, output_format="json", with_metadata=True)
    return result


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args(argv)
    with args.output.open("w", encoding="utf-8") as out:
        if args.workers > 1:
            with multiprocessing.get_context("forkserver").Pool(args.workers) as pool:
                extracted, missing = write(pool.imap(extract, pages(args.folder), chunksize=16), out)
        else:
            extracted, missing = write(map(extract, pages(args.folder)), out)
    print(json.dumps({"extracted": extracted, "empty": missing}), file=sys.stderr)
    return 0


def write(results: Iterator[str | None], out: TextIO) -> tuple[int, int]:
    """Write each extraction as one line; count extracted and empty pages."""
    extracted = missing = 0
    for result in results:
        if result is None:
            missing += 1
        else:
            extracted += 1
            out.write(result.replace("\n", " ") + "\n")
    return extracted, missing


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
