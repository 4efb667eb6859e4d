"""masthead source plugin for Russia Briefing (russia-briefing.com).

Registered through the ``masthead`` entry-point group like any third-party
plugin; see docs/plugins/russia_briefing.md for what it extracts and why.
"""

from __future__ import annotations

from collections.abc import Callable

import masthead
from masthead import Source

from .source import RussiaBriefingSource

__all__ = ["RussiaBriefingSource", "masthead_register_sources"]


@masthead.hookimpl
def masthead_register_sources(register: Callable[[Source], None]) -> None:
    register(RussiaBriefingSource())
