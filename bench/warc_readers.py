"""warcio against FastWARC on the same WARC files: records per second, side by side.

Both read the same gzipped and plain WARC files, built from the benchmark
corpus's pages (with a request record before each response, as crawlers
write them), and do what masthead's WARC reader needs of each response:
its target URI and date, its HTTP Content-Type, and its whole payload.
Each timing is the best of ``--repeat`` runs.

    pip install fastwarc
    cd bench && python warc_readers.py --pages 3000
"""

from __future__ import annotations

import argparse
import io
import json
import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from corpus import GENERIC_SHARE, generic_page, outlet_page, templates
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


def build(path: Path, pages: int, gzipped: bool) -> int:
    rng = random.Random(0)
    outlets = templates()
    distinct = [
        generic_page(rng, n, "medium")
        if rng.random() < GENERIC_SHARE
        else outlet_page(rng, rng.choice(outlets), n, "medium")
        for n in range(min(pages, 200))
    ]
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gzipped)
        for number in range(pages):
            url = f"https://news.example/{number}.html"
            request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "news.example")], is_http_request=True)
            writer.write_record(writer.create_warc_record(url, "request", http_headers=request))
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            payload = io.BytesIO(distinct[number % len(distinct)].encode("utf-8"))
            writer.write_record(writer.create_warc_record(url, "response", payload=payload, http_headers=http))
    return path.stat().st_size


def with_warcio(path: Path) -> int:
    from warcio.archiveiterator import ArchiveIterator

    total = 0
    with path.open("rb") as handle:
        for record in ArchiveIterator(handle):
            if record.rec_type != "response":
                continue
            record.rec_headers.get_header("WARC-Target-URI")
            record.rec_headers.get_header("WARC-Date")
            record.http_headers.get_header("Content-Type")
            total += len(record.content_stream().read())
    return total


def with_fastwarc(path: Path) -> int:
    from fastwarc import ArchiveIterator, WarcRecordType

    total = 0
    with path.open("rb") as handle:  # a Python file object, as an fsspec stream would be; gzip detected
        for record in ArchiveIterator(handle, record_types=WarcRecordType.response, parse_http=True):
            record.headers.get("WARC-Target-URI")
            record.headers.get("WARC-Date")
            record.http_headers.get("Content-Type")
            total += len(record.reader.read())
    return total


def best(read: Callable[[Path], int], path: Path, repeat: int) -> tuple[float, int]:
    times, size = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        size = read(path)
        times.append(time.perf_counter() - start)
    return min(times), size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=3000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory() as scratch:
        for gzipped in (True, False):
            path = Path(scratch) / ("pages.warc.gz" if gzipped else "pages.warc")
            size = build(path, args.pages, gzipped)
            slow, a = best(with_warcio, path, args.repeat)
            fast, b = best(with_fastwarc, path, args.repeat)
            assert a == b, f"the two libraries read different payloads: {a} != {b} bytes"
            results.append(
                {
                    "file": path.name,
                    "responses": args.pages,
                    "file_mb": round(size / 1e6, 1),
                    "warcio_s": round(slow, 3),
                    "fastwarc_s": round(fast, 3),
                    "warcio_records_per_s": round(args.pages / slow),
                    "fastwarc_records_per_s": round(args.pages / fast),
                    "speedup": round(slow / fast, 2),
                }
            )
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
