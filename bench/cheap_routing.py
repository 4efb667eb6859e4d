"""What routing costs a page no plugin owns: cheap evidence against every detector.

A page that ends in the generic fallback used to be offered to every
source's ``detect``, which reads the page's block texts (a whole lxml tree)
and runs selectors over it. The router now first searches the page's raw
markup for the strings each source declares (``Source.markers`` and
``domains``) and asks only the detectors of sources the page names. This
measures, on saved pages (``*.html``, with the ``*.meta.json`` URL sidecars
``bench/article_benchmark.py`` writes, or without), CPU time per page of:

* ``route``: ``Router.route`` on a fresh page, as the pipeline runs it;
* ``every_detector``: the same with ``Router(screen=False)``, every page's
  address read from its head and every detector asked (the old way);

and checks that both reach the same decision on every page, and how many
pages the cheap evidence still leaves to at least one detector.

    python bench/cheap_routing.py PAGES [--limit 181]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from masthead.errors import RoutingError
from masthead.extract.document import Page, RawDocument
from masthead.manager import Plugins
from masthead.router import Route, Router


def decide(router: Router, page: Page) -> Route | str:
    try:
        return router.route(page)
    except RoutingError as exc:
        return exc.reason


def timed(router: Router, docs: list[RawDocument]) -> tuple[float, list[Route | str]]:
    """CPU seconds per page of routing fresh pages (decoded before the clock starts)."""
    pages = [Page.from_raw(doc) for doc in docs]
    started = time.process_time()
    decisions = [decide(router, page) for page in pages]
    return (time.process_time() - started) / max(1, len(pages)), decisions


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages", type=Path)
    parser.add_argument("--limit", type=int, default=181)
    parser.add_argument("--fallback", default="generic", help="fallback source ('' for none)")
    args = parser.parse_args(argv)
    paths = sorted(args.pages.rglob("*.html"))[: args.limit]
    docs = []
    for path in paths:
        sidecar = path.with_suffix(".meta.json")
        url = json.loads(sidecar.read_text(encoding="utf-8"))["url"] if sidecar.exists() else None
        docs.append(RawDocument(uri=str(path), data=path.read_bytes(), content_type="text/html", url=url))
    plugins = Plugins()
    fallback = args.fallback or None
    cheap = Router(plugins.sources, plugins.domains, fallback=fallback)
    full = Router(plugins.sources, plugins.domains, fallback=fallback, screen=False)
    route, decisions = timed(cheap, docs)
    every, reference = timed(full, docs)

    def key(decision: Route | str) -> tuple[str, ...]:
        return (decision,) if isinstance(decision, str) else (decision.source, decision.method)

    detected = sum(
        1
        for decision in decisions
        if isinstance(decision, Route) and decision.method != "domain" and len(decision.screened) < len(decision.scores)
    )
    print(
        json.dumps(
            {
                "pages": len(docs),
                "route_ms_per_page": round(route * 1000, 3),
                "every_detector_ms_per_page": round(every * 1000, 3),
                "pages_left_for_detectors": detected,
                "same_decisions": sum(key(a) == key(b) for a, b in zip(decisions, reference, strict=True)),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
