"""masthead source plugin for EconoTimes (econotimes.com), a wire aggregator.

EconoTimes republishes agency copy (TASS, Reuters, Bloomberg, Xinhua...)
in its own words. Its pages credit the agency in the text, show no title
line in text dumps and end with a ticker of unrelated headlines; this
plugin turns them into clean articles with the agencies in
``attributions``. See ``docs/plugins/wire_aggregator.md``.
"""

from __future__ import annotations

from collections.abc import Callable

import masthead
from masthead import Source
from masthead_wire_aggregator.source import EconoTimesSource

__all__ = ["EconoTimesSource", "masthead_register_sources"]


@masthead.hookimpl
def masthead_register_sources(register: Callable[[Source], None]) -> None:
    register(EconoTimesSource())
