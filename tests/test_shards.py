"""Shard listing, paths files, Parquet rows and the atomic part store, on the local disk."""

from __future__ import annotations

import gzip
import json
import os
from datetime import datetime, timezone
from pathlib import Path

import pyarrow.parquet
import pytest

from masthead.io.parquet import arrow_schema, parse_timestamp
from masthead.io.partitioned import PartStore, Superseded
from masthead.io.shards import list_shards, read_shard, shard_id
from masthead.manager import Plugins
from support import article
from test_cli import SEEDS, run


@pytest.fixture(scope="module")
def plugins() -> Plugins:
    return Plugins()


def test_a_paths_file_lists_shards_under_its_prefix_and_reads_no_shard(tmp_path: Path, plugins: Plugins) -> None:
    (tmp_path / "crawl").mkdir()
    lines = "crawl/a.warc.gz\n\n# a comment\n/crawl/b.warc\ncrawl/a.warc.gz\nhttps://elsewhere.example/c.warc.gz\n"
    (tmp_path / "warc.paths.gz").write_bytes(gzip.compress(lines.encode()))
    listing = list_shards([str(tmp_path / "warc.paths.gz")], plugins.readers, prefix=f"file://{tmp_path}/")
    assert listing.shards == [
        f"file://{tmp_path}/crawl/a.warc.gz",  # listed although absent: the worker reports it, not the client
        f"file://{tmp_path}/crawl/b.warc",
        "https://elsewhere.example/c.warc.gz",
    ]
    assert listing.rejections == []


def test_directories_globs_and_urls_list_like_a_local_run(tmp_path: Path, plugins: Plugins) -> None:
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.txt").write_text("A")
    (tmp_path / "d" / "a.meta.json").write_text("{}")
    (tmp_path / "d" / "notes.bin").write_text("x")
    (tmp_path / "b.html").write_text("<p>B</p>")
    listing = list_shards(
        [str(tmp_path / "d"), f"file://{tmp_path}/b.html", str(tmp_path / "*.html"), str(tmp_path / "gone.txt")],
        plugins.readers,
    )
    assert listing.shards == [str(tmp_path / "d" / "a.txt"), str(tmp_path / "b.html")]  # one shard per file
    assert [r.reason for r in listing.rejections] == ["not_found"]
    assert sorted(Path(p).name for p in listing.skipped) == ["a.meta.json", "notes.bin"]


def test_a_missing_shard_is_one_rejection_on_the_worker(tmp_path: Path, plugins: Plugins) -> None:
    [item] = list(read_shard(str(tmp_path / "gone.warc.gz"), plugins.readers, {}))
    assert item.reason == "not_found"  # type: ignore[union-attr]


def test_shard_ids_are_stable_names() -> None:
    assert shard_id("s3://b/x.warc.gz") == shard_id("s3://b/x.warc.gz") != shard_id("s3://b/y.warc.gz")
    assert len(shard_id("x")) == 16


def test_timestamps_become_utc_whatever_their_offset() -> None:
    utc = timezone.utc
    assert parse_timestamp("2024-03-01") == datetime(2024, 3, 1, tzinfo=utc)
    assert parse_timestamp("2024-03-01T12:30:00+03:00") == datetime(2024, 3, 1, 9, 30, tzinfo=utc)
    assert parse_timestamp("2024-03-01 12:30:05.1234567-0130") == datetime(2024, 3, 1, 14, 0, 5, 123456, tzinfo=utc)
    assert parse_timestamp("2024-03-01T12:30Z") == datetime(2024, 3, 1, 12, 30, tzinfo=utc)
    assert parse_timestamp(None) is None
    with pytest.raises(ValueError, match="not an ISO 8601"):
        parse_timestamp("yesterday")


def test_the_arrow_schema_follows_the_json_schema() -> None:
    schema = json.loads((Path(__file__).parents[1] / "core/masthead/schema/article.schema.json").read_text())
    arrow = arrow_schema()
    assert arrow.names == list(schema["properties"])
    assert str(arrow.field("published").type) == "timestamp[us, tz=UTC]"
    assert str(arrow.field("comments").type.value_type.field("published").type) == "timestamp[us, tz=UTC]"
    assert not arrow.field("body").nullable and arrow.field("title").nullable


def test_a_local_run_writes_parquet_that_pandas_reads_like_the_jsonl(tmp_path: Path) -> None:
    import pandas

    jsonl, parquet = tmp_path / "out.jsonl", tmp_path / "out.parquet"
    assert run("ingest", *map(str, SEEDS), "-o", str(jsonl), "--workers", "1").returncode == 0
    result = run("ingest", *map(str, SEEDS), "-o", str(parquet), "--workers", "1", "--sink", "parquet")
    assert result.returncode == 0, result.stderr
    expected = [json.loads(line) for line in jsonl.read_text().splitlines()]
    frame = pandas.read_parquet(parquet)
    assert list(frame["id"]) == [x["id"] for x in expected]
    assert [list(body) for body in frame["body"]] == [x["body"] for x in expected]
    assert not list(tmp_path.glob(".*partial"))


def test_a_superseded_task_commits_nothing(tmp_path: Path) -> None:
    store = PartStore(str(tmp_path / "out"))
    store.start("first", resume=False)
    store.start("second", resume=True)  # a resumed run took over
    with pytest.raises(Superseded), store.staged("part-x.jsonl") as handle:
        handle.write(b"{}\n")
        store.check_owner("first")
    assert not (tmp_path / "out" / "part-x.jsonl").exists()
    store.check_owner("second")


def test_a_run_into_its_input_directory_never_reads_its_own_parts(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / SEEDS[0].name).write_bytes(SEEDS[0].read_bytes())
    for attempt in ("first", "again"):
        result = run("ingest", str(pages), "-o", str(pages / "out"), "--engine", "dask", "--workers", "1",
                     "--timeout", "0", "--keep-duplicates")  # fmt: skip
        assert result.returncode == 0, (attempt, result.stderr)
        manifest = json.loads((pages / "out" / "manifest.json").read_text())
        assert [p["shard"] for p in manifest["parts"]] == [str(pages / SEEDS[0].name)]


def test_the_parquet_file_is_durable_before_it_is_renamed_into_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from masthead.io.parquet import ParquetSink

    events: list[tuple[str, str]] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        events.append(("fsync", os.readlink(f"/proc/self/fd/{fd}")))
        real_fsync(fd)

    def replace(source: str, target: str) -> None:
        events.append(("replace", str(source)))
        real_replace(source, target)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    sink = ParquetSink(str(tmp_path / "out.parquet"))
    sink.write(article())
    sink.close()
    partial = str(tmp_path / ".out.parquet.partial")
    assert events.index(("fsync", partial)) < events.index(("replace", partial))
    assert pyarrow.parquet.read_table(tmp_path / "out.parquet").num_rows == 1


def test_page_shards_share_a_task_and_each_is_committed_on_its_own(tmp_path: Path, plugins: Plugins) -> None:
    from masthead.run.cluster import ShardJob, process_shards, tasks
    from masthead.run.runconfig import PipelineConfig

    pages = []
    for name, data in (("a.txt", SEEDS[0].read_bytes()), ("empty.txt", b""), ("b.txt", SEEDS[1].read_bytes())):
        (tmp_path / name).write_bytes(data)
        pages.append(str(tmp_path / name))
    urls = [*pages, "crawl/x.warc.gz", *pages[:1]]
    assert list(tasks(urls, plugins.readers)) == [["crawl/x.warc.gz"], [*pages, pages[0]]]
    out = tmp_path / "out"
    PartStore(str(out)).start("run", resume=False)
    job = ShardJob(config=PipelineConfig(), output=str(out), timeout=30.0, token="run")
    _, entries = process_shards(job, pages)  # one supervised child for the three
    assert [(e["shard"], e["records"], e["counts"]["rejected"]) for e in entries] == [
        (pages[0], 1, 0),
        (pages[1], 0, 1),
        (pages[2], 1, 0),
    ]
    assert PartStore(str(out)).entries() == {e["id"]: e for e in entries}
    lines = (out / entries[1]["rejects"]).read_text().splitlines()
    assert [json.loads(line)["reason"] for line in lines] == ["empty"]
