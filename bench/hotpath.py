"""Where the time goes: CPU per page, in process, for masthead and trafilatura.

The end-to-end runs in ``bench/run.py`` include interpreter start-up, file
reading and writing; this measures only the per-page work, on pages already
in memory, as ``time.process_time()`` over a pass of all pages.

``--tool masthead`` (the default, human-readable) breaks masthead's time
down by stage: decoding, the lxml tree, head metadata, block texts, the
BeautifulSoup tree, and the whole pipeline (routing, plugins, validation,
JSON encoding). ``--tool trafilatura`` times ``trafilatura.extract`` (JSON
with metadata) on the same pages. ``--tool route`` times routing alone
(decoding the page included) of the pages no source plugin claims, each
page on its own, and reports the median. ``--tool outlets`` times both tools on each page in
turn and totals them by the plugin that wrote the record. ``--claimed``
keeps only the pages a
source plugin claims (the outlet pages, not the generic fallback's), so
the outlets' own speed can be compared with trafilatura's on exactly those
pages. ``--json`` prints one JSON object
for ``bench/run.py``, which runs the tools alternately in fresh processes.
``--cprofile N`` prints the N costliest functions of masthead's pass.

    python bench/hotpath.py FOLDER [--limit 300] [--repeat 3] [--cprofile 30]
    python bench/hotpath.py FOLDER --tool trafilatura --json
    python bench/hotpath.py FOLDER --claimed --tool trafilatura --json
    python bench/hotpath.py FOLDER --tool outlets --limit 600
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import json
import pstats
import statistics
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


def route_times(raws: Sequence[Any], repeat: int) -> dict[str, Any]:
    """Median CPU time to decode and route each page that no source claims
    (CPU, not wall, time: on a shared machine wall time per page measures
    the other processes)."""
    from masthead.errors import RoutingError
    from masthead.extract.document import Page
    from masthead.run.runconfig import PipelineConfig

    router = PipelineConfig().build().router

    def unclaimed(raw: Any) -> bool:
        try:
            router.route(Page.from_raw(raw))
        except RoutingError:
            return True
        return False

    pages = [raw for raw in raws if unclaimed(raw)]
    medians = []
    for raw in pages:
        samples = []
        for _ in range(repeat):
            started = time.process_time()
            with contextlib.suppress(RoutingError):
                router.route(Page.from_raw(raw))
            samples.append(time.process_time() - started)
        medians.append(statistics.median(samples))
    return {
        "pages": len(pages),
        "median_ms": statistics.median(medians) * 1000 if medians else None,
        "mean_ms": statistics.fmean(medians) * 1000 if medians else None,
        "p90_ms": statistics.quantiles(medians, n=10)[-1] * 1000 if len(medians) > 1 else None,
    }


def by_outlet(raws: Sequence[Any]) -> dict[str, dict[str, float]]:
    """masthead and trafilatura per page, interleaved page by page in this
    process, totalled by the source that wrote the record (CPU ms per page)."""
    import trafilatura

    from masthead.extract.document import decode
    from masthead.run.runconfig import PipelineConfig
    from masthead.serialize import to_json_line

    pipeline = PipelineConfig(fallback="generic").build()
    for raw in raws[:20]:  # imports, the language model and first-use caches, for both tools
        to_json_line(pipeline.process(raw))
        trafilatura.extract(decode(raw.data)[0], output_format="json", with_metadata=True)
    totals: dict[str, list[float]] = {}
    for raw in raws:
        started = time.process_time()
        record = pipeline.process(raw)
        to_json_line(record)
        mine = time.process_time() - started
        text = decode(raw.data)[0]
        started = time.process_time()
        trafilatura.extract(text, output_format="json", with_metadata=True)
        theirs = time.process_time() - started
        kept = totals.setdefault(getattr(record, "outlet", "rejected"), [0, 0.0, 0.0])
        kept[0] += 1
        kept[1] += mine
        kept[2] += theirs
    return {
        name: {"pages": n, "masthead_ms": m / n * 1000, "trafilatura_ms": t / n * 1000, "ratio": t / m}
        for name, (n, m, t) in sorted(totals.items())
    }


def claimed(raws: Sequence[Any]) -> list[Any]:
    """The pages routed to a source plugin rather than to the fallback."""
    from masthead.errors import RoutingError
    from masthead.extract.document import Page
    from masthead.run.runconfig import PipelineConfig

    router = PipelineConfig().build().router
    kept = []
    for raw in raws:
        with contextlib.suppress(RoutingError):
            if router.route(Page.from_raw(raw)).method != "fallback":
                kept.append(raw)
    return kept


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--limit", type=int, default=300, help="pages to use (default 300)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--tool", choices=("masthead", "trafilatura", "route", "outlets"), default="masthead")
    parser.add_argument("--claimed", action="store_true", help="only pages a source plugin claims")
    parser.add_argument("--json", action="store_true", help="one JSON object, no stage breakdown")
    parser.add_argument("--cprofile", type=int, default=0, metavar="N", help="print the N costliest functions")
    args = parser.parse_args(argv)

    from masthead import logconfig
    from masthead.extract.document import HTML, RawDocument, decode

    logconfig.configure("json", "error")
    paths = sorted(args.folder.rglob("*.html"))[: args.limit]
    raws = [RawDocument(uri=str(p), data=p.read_bytes(), content_type=HTML) for p in paths]
    if args.claimed:
        raws = claimed(raws)
    if args.tool == "route":
        print(json.dumps(route_times(raws, args.repeat)))
        return 0
    if args.tool == "outlets":
        print(json.dumps(by_outlet(raws), indent=1))
        return 0
    if args.tool == "trafilatura":
        import trafilatura

        texts = [decode(r.data)[0] for r in raws]
        rival = best_cpu(lambda t: trafilatura.extract(t, output_format="json", with_metadata=True), texts, args.repeat)
        print(json.dumps({"pages": len(texts), "ms_per_page": rival * 1000}))
        return 0

    from masthead.run.runconfig import PipelineConfig
    from masthead.serialize import to_json_line

    pipeline = PipelineConfig(fallback="generic").build()

    def masthead_page(raw: RawDocument) -> None:
        to_json_line(pipeline.process(raw))

    total = best_cpu(masthead_page, raws, args.repeat)
    if args.json:
        print(json.dumps({"pages": len(raws), "ms_per_page": total * 1000}))
        return 0
    print(f"{len(raws)} pages from {args.folder}")
    print(f"masthead     {total * 1000:7.2f} ms CPU per page (whole pipeline, JSON line included)")
    for name, seconds in stages(raws, args.repeat).items():
        print(f"  {name:26s} {seconds * 1000:6.2f} ms")
    if args.cprofile:
        profiler = cProfile.Profile()
        profiler.runcall(lambda: [masthead_page(r) for r in raws])
        pstats.Stats(profiler).sort_stats("tottime").print_stats(args.cprofile)
    return 0


def stages(raws: Sequence[Any], repeat: int) -> dict[str, float]:
    """CPU per page of the stages the core does for every HTML page."""
    from masthead.extract.document import Page, blocks_of, decode
    from masthead.extract.htmlparse import parse_html

    texts = [decode(r.data)[0] for r in raws]
    soups = [parse_html(t) for t in texts]
    return {
        "decode": best_cpu(lambda r: decode(r.data), raws, repeat),
        "head metadata (Page.meta)": best_cpu(lambda r: Page.from_raw(r).meta, raws, repeat),
        "block texts (Page.lines)": best_cpu(lambda r: Page.from_raw(r).lines, raws, repeat),
        "BeautifulSoup tree": best_cpu(parse_html, texts, repeat),
        "block texts of a soup": best_cpu(lambda s: blocks_of(s.body or s), soups, repeat),
    }


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
