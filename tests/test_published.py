"""``published``: a date or an offset-aware timestamp, in every form a page gives."""

from __future__ import annotations

import io
import json
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from masthead import Draft, Page, Source
from masthead.extract.dates import normalise_published
from masthead.extract.document import RawDocument
from masthead.models import Article, Comment
from masthead.serialize import unstructure
from masthead.validate import errors_in
from support import SourcesPlugin, article, make_pipeline, make_plugins

MOSCOW = ZoneInfo("Europe/Moscow")
CAPTURED = datetime(2025, 4, 9, 10, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    ("value", "zone", "expected"),
    [
        ("2025-04-07T09:15:00+01:00", None, "2025-04-07T09:15:00+01:00"),
        ("2025-04-07T09:15:00Z", None, "2025-04-07T09:15:00+00:00"),
        ("Mon, 07 Apr 2025 09:15:00 GMT", None, "2025-04-07T09:15:00+00:00"),
        ("2025-04-07", None, "2025-04-07"),
        ("July 1, 2019", None, "2019-07-01"),
        ("2025-04-07T09:15:00", MOSCOW, "2025-04-07T09:15:00+03:00"),
        ("2014-06-18 18:22", MOSCOW, "2014-06-18T18:22:00+04:00"),  # Moscow kept UTC+4 until October 2014
        (("7 апреля 2025", "ru"), None, "2025-04-07"),
        (("7 апреля 2025, 14:30", "ru"), MOSCOW, "2025-04-07T14:30:00+03:00"),
        ("Monday 7 April 2025 09:15 BST", None, "2025-04-07T09:15:00+01:00"),
        (datetime(2025, 4, 7, 9, 15, tzinfo=timezone(timedelta(hours=2))), None, "2025-04-07T09:15:00+02:00"),
        (datetime(2025, 4, 7, 9, 15), MOSCOW, "2025-04-07T09:15:00+03:00"),
        (date(2025, 4, 7), MOSCOW, "2025-04-07"),
    ],
)
def test_absolute_forms(value: object, zone: ZoneInfo | None, expected: str) -> None:
    value, languages = value if isinstance(value, tuple) else (value, "en")
    assert normalise_published(value, zone=zone, languages=(languages, "en")).iso == expected
    assert normalise_published(value, zone=zone, captured=CAPTURED, languages=(languages, "en")).warnings == ()


@pytest.mark.parametrize(
    ("value", "zone", "expected"),
    [
        ("09:15 BST", None, "2025-04-09T09:15:00+01:00"),
        ("9.15am", MOSCOW, "2025-04-09T09:15:00+03:00"),
        ("2 days ago", None, "2025-04-07"),
        ("2 дня назад", None, "2025-04-07"),
    ],
)
def test_relative_forms_are_resolved_against_the_capture_date(value: str, zone: ZoneInfo | None, expected: str) -> None:
    languages = ("ru", "en")
    assert normalise_published(value, zone=zone, captured=CAPTURED, languages=languages).iso == expected
    unknown = normalise_published(value, zone=zone, languages=languages)
    assert unknown.iso is None
    assert unknown.warnings[0].startswith("published_relative:")


@pytest.mark.parametrize("value", ["2025-04-07T09:15:00", "7 апреля 2025, 14:30", datetime(2025, 4, 7, 14, 30)])
def test_a_naive_time_of_an_outlet_without_zone_keeps_its_date_and_says_so(value: object) -> None:
    result = normalise_published(value, languages=("ru",))
    assert result.iso == "2025-04-07"
    assert result.warnings[0].startswith("published_zone_unknown:")


@pytest.mark.parametrize("value", ["last week-ish", "", 20250407])
def test_what_is_no_date_is_unknown(value: object) -> None:
    """Quickly, too: with the languages named, dateparser does not try all it knows."""
    result = normalise_published(value)
    assert result.iso is None
    assert result.warnings[0].startswith("published_unparsed:")


@pytest.mark.parametrize("value", ["2025-04-07T09:15:00", "2025-04-07T09:15", "2025-04-07 09:15:00+03:00"])
def test_records_refuse_naive_or_loose_timestamps(value: str) -> None:
    with pytest.raises(ValueError, match="UTC offset"):
        article(published=value)
    with pytest.raises(ValueError, match="UTC offset"):
        article(comments=[Comment("hi", published=value)])


class Dated(Source):
    """Writes the page's second line as ``published``, its first as title."""

    domains = ()

    def __init__(self, name: str, zone: str | None) -> None:
        self.name = name  # type: ignore[misc]
        self.domains = (f"{name}.example",)  # type: ignore[misc]
        self.timezone = zone  # type: ignore[misc]

    def detect(self, page: Page) -> float:
        return 0.0

    def parse(self, page: Page) -> Draft:
        return Draft(
            title=page.lines[0],
            published=page.lines[1],
            body=page.lines[2:],
            comments=[Comment("First!", published=page.lines[1] if page.lines[1][:4].isdigit() else None)],
        )


ENGLISH = "The council met on Monday and agreed the budget for next year after a long debate."
RUSSIAN = "Городской совет в понедельник утвердил бюджет на следующий год после долгого обсуждения."


def run(outlet: str, when: str, meta: dict[str, str] | None = None, body: str = ENGLISH) -> Article:
    plugins = make_plugins(("dated", SourcesPlugin(Dated("moscow", "Europe/Moscow"), Dated("nowhere", None))))
    text = f"Headline\n{when}\n{body}\n"
    raw = RawDocument(
        uri=f"{outlet}-{when}.txt", data=text.encode(), url=f"https://{outlet}.example/a", meta=meta or {}
    )
    result = make_pipeline(plugins).process(raw)
    assert isinstance(result, Article), result
    return result


def test_pipeline_reads_naive_times_in_the_outlets_zone() -> None:
    record = run("moscow", "2025-04-07 09:15")
    assert record.published == "2025-04-07T09:15:00+03:00"
    assert record.comments[0].published == "2025-04-07T09:15:00+03:00"
    plain = run("nowhere", "2025-04-07 09:15")
    assert plain.published == "2025-04-07"
    assert plain.comments[0].published == "2025-04-07"
    assert any(w.startswith("published_zone_unknown:") for w in plain.warnings)


def test_pipeline_resolves_relative_dates_against_the_capture_date() -> None:
    assert run("nowhere", "2 days ago", {"captured_at": "2025-04-09T10:00:00Z"}).published == "2025-04-07"
    record = run("nowhere", "2 days ago")
    assert record.published is None
    assert any(w.startswith("published_relative:") for w in record.warnings)


def test_pandas_loads_a_mixed_output_without_losing_a_date() -> None:
    pandas = pytest.importorskip("pandas")
    records = [
        run("moscow", "2025-04-07 09:15"),
        run("nowhere", "2025-04-07 09:15"),
        run("nowhere", "Monday 7 April 2025 09:15 BST"),
        run("nowhere", "7 апреля 2025", body=RUSSIAN),
        run("nowhere", "2025-04-07T06:15:00Z"),
        run("moscow", "9.15am", {"captured_at": "2025-04-09T10:00:00Z"}),
        run("nowhere", "no date at all"),
    ]
    lines = "\n".join(json.dumps(unstructure(record)) for record in records)
    frame = pandas.read_json(io.StringIO(lines), lines=True)
    present = frame["published"].notna()
    assert present.sum() == 6
    moments = pandas.to_datetime(frame["published"], utc=True, format="ISO8601")
    assert not moments[present].isna().any()
    assert str(moments[0]) == "2025-04-07 06:15:00+00:00" == str(moments[4])
    # The timestamps alone (every plugin's, in any zone) need no format at all.
    stamped = frame["published"][frame["published"].str.len() > 10]
    assert not pandas.to_datetime(stamped, utc=True).isna().any()


def test_a_zone_name_no_database_knows_is_reported_and_not_applied() -> None:
    plugins = make_plugins(("dated", SourcesPlugin(Dated("mars", "Mars/Olympus_Mons"))))
    text = f"Headline\n2025-04-07 09:15\n{ENGLISH}\n"
    raw = RawDocument(uri="mars.txt", data=text.encode(), url="https://mars.example/a")
    record = make_pipeline(plugins).process(raw)
    assert isinstance(record, Article)
    assert record.published == "2025-04-07"
    assert any(w.startswith("timezone_unknown: 'Mars/Olympus_Mons'") for w in record.warnings)


def test_the_json_schema_refuses_a_naive_time_too() -> None:
    line = unstructure(article(published="2025-04-07T09:15:00+03:00"))
    assert errors_in(line) == []
    line["published"] = "2025-04-07T09:15:00"
    assert errors_in(line) and "published" in errors_in(line)[0]
