"""Where the time goes: CPU per page, in process, for masthead and trafilatura.

The end-to-end runs in ``bench/run.py`` include interpreter start-up, file
reading and writing; this measures only the per-page work, on pages already
in memory, as the best of ``--repeat`` passes of ``time.process_time()``,
and breaks masthead's time down by stage: decoding, building the
BeautifulSoup tree, harvesting head metadata, and the rest (routing,
plugins, validation, JSON encoding). ``--cprofile N`` prints the N costliest
functions of masthead's pass. This is what guided the optimisations listed
in docs/benchmark.md.

    python bench/hotpath.py FOLDER [--limit 300] [--repeat 3] [--cprofile 30]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any


def best_cpu(function: Callable[[Any], object], items: Sequence[Any], repeat: int) -> float:
    """Least CPU seconds per item over ``repeat`` passes."""
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        for item in items:
            function(item)
        best = min(best, time.process_time() - started)
    return best / max(1, len(items))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--limit", type=int, default=300, help="pages to use (default 300)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--cprofile", type=int, default=0, metavar="N", help="print the N costliest functions")
    args = parser.parse_args(argv)

    from masthead import logconfig
    from masthead.extract.document import HTML, RawDocument, blocks_of, decode
    from masthead.extract.htmlmeta import harvest
    from masthead.extract.htmlparse import parse_html
    from masthead.run.runconfig import PipelineConfig
    from masthead.serialize import to_json_line

    logconfig.configure("json", "error")
    paths = sorted(args.folder.rglob("*.html"))[: args.limit]
    raws = [RawDocument(uri=str(p), data=p.read_bytes(), content_type=HTML) for p in paths]
    texts = [decode(r.data)[0] for r in raws]
    soups = [parse_html(t) for t in texts]
    pipeline = PipelineConfig(fallback="generic").build()

    def masthead_page(raw: RawDocument) -> None:
        to_json_line(pipeline.process(raw))

    stages = {
        "decode": best_cpu(lambda r: decode(r.data), raws, args.repeat),
        "BeautifulSoup tree": best_cpu(parse_html, texts, args.repeat),
        "head metadata": best_cpu(harvest, soups, args.repeat),
        "block texts (Page.lines)": best_cpu(lambda s: blocks_of(s.body or s), soups, args.repeat),
    }
    total = best_cpu(masthead_page, raws, args.repeat)
    print(f"{len(raws)} pages from {args.folder}")
    print(f"masthead     {total * 1000:7.2f} ms CPU per page (whole pipeline, JSON line included)")
    for name, seconds in stages.items():
        print(f"  {name:26s} {seconds * 1000:6.2f} ms")
    try:
        import trafilatura
    except ImportError:
        print("trafilatura  not installed (pip install 'masthead[bench]')")
    else:
        rival = best_cpu(lambda t: trafilatura.extract(t, output_format="json", with_metadata=True), texts, args.repeat)
        print(f"trafilatura  {rival * 1000:7.2f} ms CPU per page (extract, JSON with metadata)")
        print(f"ratio        {rival / total:7.2f} (above 1: masthead faster)")
    if args.cprofile:
        profiler = cProfile.Profile()
        profiler.runcall(lambda: [masthead_page(r) for r in raws])
        pstats.Stats(profiler).sort_stats("tottime").print_stats(args.cprofile)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
