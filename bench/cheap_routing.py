"""What routing costs a page no plugin owns, and what cheap evidence would cost.

A page that ends in the generic fallback is first offered to every source's
``detect``. Today's detectors read ``Page.lines`` (the block texts of the
whole body, hence the whole BeautifulSoup tree) and run CSS selectors over
it. This measures, on saved pages of outlets masthead does not know (the
layout ``bench/article_benchmark.py`` writes: ``*.html`` with ``*.meta.json``
URL sidecars), CPU time per page of:

* ``route``: ``Router.route`` on a fresh page, as the pipeline runs it;
* ``cheap``: the evidence that would settle most such pages without a tree:
  the URL's host against every declared domain, then one case-insensitive
  scan of the raw HTML for the outlets' names (a page of The Moscow Times
  names The Moscow Times somewhere in its markup);

and how many pages the cheap scan would still pass on to the detectors.

    python bench/cheap_routing.py PAGES [--limit 181]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from masthead.extract.document import Page, RawDocument
from masthead.manager import Plugins
from masthead.router import Router

#: Names each first-party outlet's pages carry somewhere in their markup.
MARKERS = ("moscow times", "moscowtimes", "russia briefing", "russia-briefing", "econotimes", "southfront")


def named(html: str) -> bool:
    """Whether the page names one of the outlets (a lower-cased copy, then
    plain substring search: a tenth of what one alternation regex costs)."""
    text = html.lower()
    return any(marker in text for marker in MARKERS)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages", type=Path)
    parser.add_argument("--limit", type=int, default=181)
    args = parser.parse_args(argv)
    paths = sorted(args.pages.rglob("*.html"))[: args.limit]
    docs = []
    for path in paths:
        sidecar = path.with_suffix(".meta.json")
        url = json.loads(sidecar.read_text(encoding="utf-8"))["url"] if sidecar.exists() else None
        docs.append(RawDocument(uri=str(path), data=path.read_bytes(), content_type="text/html", url=url))
    plugins = Plugins()
    router = Router(plugins.sources, plugins.domains, fallback="generic")
    pages = [Page.from_raw(doc) for doc in docs]  # decoding is not routing: done before either clock

    started = time.process_time()
    for page in pages:
        router.route(page)
    route = (time.process_time() - started) / len(pages)

    started = time.process_time()
    passed = sum(1 for page in pages if router.by_domain(page.url) is None and named(page.source_text))
    cheap = (time.process_time() - started) / len(pages)

    print(
        json.dumps(
            {
                "pages": len(pages),
                "route_ms_per_page": round(route * 1000, 2),
                "cheap_ms_per_page": round(cheap * 1000, 3),
                "pages_left_for_detectors": passed,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
