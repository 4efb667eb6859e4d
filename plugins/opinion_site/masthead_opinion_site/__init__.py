"""masthead source plugin for SouthFront (southfront.press, southfront.org).

Op-eds and analysis with reader comments: the body ends at "MORE ON THE
TOPIC:", related headlines and reader comments follow it, and donation
widgets and comment-form chrome are dropped. See docs/plugins/opinion_site.md.
"""

from __future__ import annotations

from collections.abc import Callable

import masthead
from masthead import Source
from masthead_opinion_site.source import SouthFrontSource

__all__ = ["SouthFrontSource", "masthead_register_sources"]


@masthead.hookimpl
def masthead_register_sources(register: Callable[[Source], None]) -> None:
    register(SouthFrontSource())
