from __future__ import annotations

from datetime import date

import pytest

from masthead import Draft, Page, RawDocument
from masthead.extract.document import HTML
from masthead.layouts import Layout, VersionedSource, page_date, select_layout
from masthead.testing import conformance_problems
from support import SourcesPlugin, make_plugins


def _old(source: object, page: Page) -> Draft:
    return Draft(body=["old layout"])


def _middle(source: object, page: Page) -> Draft:
    return Draft(body=["middle layout"])


def _new(source: object, page: Page) -> Draft:
    return Draft(body=["new layout"], layout="new-custom")


LAYOUTS = (
    Layout("2019", _middle, valid_until=date(2019, 6, 30)),
    Layout("current", _new),
    Layout("2015", _old, valid_until=date(2015, 12, 31)),
)


@pytest.mark.parametrize(
    "when, expected",
    [
        (date(2010, 1, 1), "2015"),
        (date(2015, 12, 31), "2015"),
        (date(2016, 1, 1), "2019"),
        (date(2019, 6, 30), "2019"),
        (date(2019, 7, 1), "current"),
        (None, "current"),
    ],
)
def test_layout_is_chosen_by_date_newest_when_unknown(when: date | None, expected: str) -> None:
    assert select_layout(LAYOUTS, when).name == expected


def test_exactly_one_current_layout_is_required() -> None:
    with pytest.raises(ValueError):
        select_layout([Layout("old", _old, valid_until=date(2000, 1, 1))], None)
    with pytest.raises(ValueError, match="exactly one layout must be current"):
        select_layout([Layout("a", _old), Layout("b", _new)], date(2020, 1, 1))


@pytest.mark.parametrize(
    ("layouts", "problem"),
    [
        ((), "`layouts` must be a non-empty tuple"),
        ((Layout("a", _old), Layout("b", _new)), "exactly one layout must be current (valid_until=None), got 'a', 'b'"),
        ((Layout("old", _old, valid_until=date(2000, 1, 1)),), "got none"),
        (
            (
                Layout("x", _old, valid_until=date(2015, 1, 1)),
                Layout("y", _middle, valid_until=date(2015, 1, 1)),
                LAYOUTS[1],
            ),
            "two layouts are valid until 2015-01-01",
        ),
        ((LAYOUTS[1], "2015"), "must hold only masthead.Layout"),
    ],
)
def test_a_versioned_source_with_unusable_layouts_is_refused_at_registration(
    layouts: tuple[object, ...], problem: str
) -> None:
    """A layout that could never be chosen, or none to choose, is the
    plugin's bug: registration names it instead of every page of the
    outlet failing, or one era silently parsed by another era's code."""

    class Dated(Sample):
        name = "dated"
        domains = ("dated.example",)

    Dated.layouts = layouts  # type: ignore[assignment]
    plugins = make_plugins(("dated", SourcesPlugin(Dated())))
    [error] = plugins.errors
    assert problem in str(error) and "dated" not in plugins.sources
    assert any(problem in found for found in conformance_problems(Dated(), []))


def test_good_layouts_register_and_so_does_a_source_that_parses_without_them() -> None:
    class OwnParse(Sample):
        name = "own_parse"
        domains = ("own-parse.example",)
        layouts = ()

        def parse(self, page: Page) -> Draft:
            return Draft(body=["its own"])

    plugins = make_plugins(("sample", SourcesPlugin(Sample(), OwnParse())))
    assert plugins.errors == [] and {"sample", "own_parse"} <= set(plugins.sources)


def page(meta: dict[str, object] | None = None, html: str = "<p>x</p>") -> Page:
    return Page.from_raw(RawDocument(uri="p", data=html.encode(), content_type=HTML, meta=meta or {}))


def test_capture_date_beats_publication_date() -> None:
    published = '<meta property="article:published_time" content="2014-03-01T10:00:00Z"><p>x</p>'
    assert page_date(page({"captured_at": "2019-01-02T03:04:05Z"}, published)) == date(2019, 1, 2)
    assert page_date(page({}, published)) == date(2014, 3, 1)
    assert page_date(page({"captured_at": "not a date"})) is None


class Sample(VersionedSource):
    name = "sample"
    domains = ("sample.example",)
    layouts = LAYOUTS

    def detect(self, page: Page) -> float:
        return 0.0


def test_versioned_source_records_the_layout_used() -> None:
    old = Sample().parse(page({"captured_at": "2012-05-05"}))
    assert (old.body, old.layout) == (("old layout",), "2015")
    new = Sample().parse(page())
    assert new.layout == "new-custom"  # a layout may name itself more precisely
