"""masthead source plugin for The Moscow Times (themoscowtimes.com).

Registers :class:`MoscowTimesSource` through masthead's entry-point group,
exactly as a third-party plugin would.
"""

from __future__ import annotations

from collections.abc import Callable

import masthead
from masthead import Source
from masthead_moscow_times.source import MoscowTimesSource

__all__ = ["MoscowTimesSource", "masthead_register_sources"]


@masthead.hookimpl
def masthead_register_sources(register: Callable[[Source], None]) -> None:
    register(MoscowTimesSource())
