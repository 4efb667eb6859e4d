"""Dumps of each first-party outlet never go to another outlet's plugin.

Real dumps are often cut short, before the boilerplate that names their
outlet: such a dump may end up unclaimed (the fallback's, or a rejection),
but a detector claiming another outlet's dump would parse it with the wrong
rules and no error. Pages: every dump fixture of the four plugins and the
corpus, whole and cut to 30, 50, 70 and 90 % of their lines, routed by
every installed detector together.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest

from masthead.errors import RoutingError
from masthead.extract.document import Page, RawDocument
from masthead.manager import Plugins
from masthead.router import Router

ROOT = Path(__file__).resolve().parents[1]
OUTLETS = ("moscow_times", "russia_briefing", "opinion_site", "wire_aggregator")
DUMPS = [
    (outlet, path) for outlet in OUTLETS for path in sorted(ROOT.glob(f"plugins/{outlet}/tests/fixtures/dumps/*.txt"))
]
DUMPS += [
    (json.loads(path.with_suffix(".expected.json").read_text())["outlet"], path)
    for path in sorted(ROOT.glob("corpus/*.txt"))
]
SHARES = (0.3, 0.5, 0.7, 0.9, 1.0)


@functools.cache
def router() -> Router:
    plugins = Plugins()
    assert set(OUTLETS) <= set(plugins.sources), "the first-party plugins are installed"
    return Router(plugins.sources, plugins.domains)


@pytest.mark.parametrize(("outlet", "path"), DUMPS, ids=lambda value: getattr(value, "name", value))
def test_a_dump_whole_or_cut_goes_to_its_outlet_or_to_none(outlet: str, path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(DUMPS) >= 60  # every plugin's dumps were found
    claimed = []
    for share in SHARES:
        text = "\n".join(lines[: max(3, round(len(lines) * share))])
        try:
            chosen = router().route(Page.from_raw(RawDocument(uri=path.name, data=text.encode()))).source
        except RoutingError:
            continue  # unclaimed (or a tie): not misrouted
        assert chosen == outlet, f"{share:.0%} of {path.name} went to {chosen}"
        claimed.append(share)
    assert 1.0 in claimed, "the whole dump is claimed by its outlet"
