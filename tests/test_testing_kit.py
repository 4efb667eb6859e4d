"""The plugin test kit's own checks: conformance and golden paths."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import masthead
from masthead import Draft, Page, Source
from masthead.errors import NotAnArticle
from masthead.testing import conformance_problems, document, golden_path_for, pipeline
from support import SourcesPlugin, make_plugins

PAGES = [Page.from_raw(document("A headline\nThe first paragraph.\nThe second one.", uri="page.txt"))]


class Configurable(Source):
    """A source whose declarations and results a test chooses."""

    name = "moscow_times"  # the name of an installed source: the kit must check this object, not that one
    domains = ("themoscowtimes.com",)
    language = "en"

    def __init__(self, draft: Any = None, score: Any = 0.0, **declared: Any) -> None:
        self.draft = draft if draft is not None else Draft(title="A headline", body=["The first paragraph."])
        self.score = score
        for key, value in declared.items():
            setattr(self, key, value)

    def detect(self, page: Page) -> float:
        if isinstance(self.score, Exception):
            raise self.score
        return self.score  # type: ignore[no-any-return]

    def parse(self, page: Page) -> Draft:
        if isinstance(self.draft, Exception):
            raise self.draft
        return self.draft


def test_a_conforming_source_has_no_problems() -> None:
    assert conformance_problems(Configurable(), PAGES) == []
    assert conformance_problems(Configurable(timezone="Europe/Vilnius"), PAGES) == []
    assert conformance_problems(Configurable(draft=NotAnArticle("a listing")), PAGES) == []


@pytest.mark.parametrize(
    ("source", "problem"),
    [
        (Configurable(draft=Draft(title="T", body=["Text."], language="English")), "does not validate into an Article"),
        (Configurable(draft=Draft(title="T", body=[])), "no body paragraphs"),
        (Configurable(draft=Draft(title="T", body=["Text.", 3])), "Draft.body must hold strings"),
        (Configurable(draft={"title": "T"}), "parse returned dict, expected masthead.Draft"),
        (Configurable(draft=KeyError("x")), "parse raised KeyError"),
        (Configurable(score=1.5), "detect returned 1.5"),
        (Configurable(score=True), "detect returned True"),
        (Configurable(score=RuntimeError("no")), "detect raised RuntimeError: no"),
        (Configurable(name="Moscow-Times"), "`name` must be a snake_case string"),
        (Configurable(domains=("com",)), "domain 'com'"),
        (Configurable(domains=("https://themoscowtimes.com/",)), "domain 'https://themoscowtimes.com/'"),
        (Configurable(domains=()), "at least one domain"),
        (Configurable(version=1), "`version` must be a string"),
        (Configurable(language="English"), "`language` must be None or a language code"),
        (Configurable(timezone="Mars/Olympus"), "`timezone`: 'Mars/Olympus' is no IANA time zone this machine knows"),
    ],
)
def test_each_broken_promise_is_reported(source: Configurable, problem: str) -> None:
    problems = conformance_problems(source, PAGES)
    assert any(problem in p for p in problems), problems


def test_golden_files_are_keyed_on_the_stem() -> None:
    assert golden_path_for(Path("fixtures/story.txt")) == Path("fixtures/story.expected.json")
    assert golden_path_for("corpus/000_ab.html") == Path("corpus/000_ab.expected.json")


def test_a_source_that_did_not_load_fails_the_test_with_the_load_errors() -> None:
    """A plugin under test whose registration failed is named with why,
    not with the bare missing key routing would raise."""

    class Misspelt:
        @staticmethod
        @masthead.hookimpl
        def masthead_register_source(register: object) -> None:
            """A hook name with a letter missing."""

    plugins = make_plugins(("misspelt", Misspelt()), ("kept", SourcesPlugin(Configurable(name="kept"))))
    with pytest.raises(pytest.fail.Exception, match=r"no source plugin named 'misspelt' is loaded: .*misspelt"):
        pipeline("misspelt", plugins)
    assert pipeline("kept", plugins).router.forced == "kept"
