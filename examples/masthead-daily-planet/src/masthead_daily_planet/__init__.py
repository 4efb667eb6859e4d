"""masthead source plugin for The Daily Planet."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime

import masthead
from masthead import Draft, NotAnArticle, Page, Source
from masthead.extract.text import fold

__version__ = "0.1.0"

# "By Lois Lane and Clark Kent | March 3, 2024"
BYLINE = re.compile(r"^By (?P<names>.+?)(?: \| (?P<date>\w+ \d{1,2}, \d{4}))?$")
BANNER = {fold("THE DAILY PLANET"), fold("Metropolis | World | Business | Sports")}
FOOTER = (fold("Subscribe to the Daily Planet"), fold("© The Daily Planet"))


class DailyPlanetSource(Source):
    """Pages of The Daily Planet."""

    name = "daily_planet"
    domains = ("dailyplanet.example",)
    version = __version__
    language = "en"

    def detect(self, page: Page) -> float:
        """Every page ends with the paper's copyright line."""
        return 0.95 if any(fold(line).startswith(FOOTER[1]) for line in page.lines[-3:]) else 0.0

    def parse(self, page: Page) -> Draft:
        lines = [line for line in page.lines if fold(line) not in BANNER]
        lines = [line for line in lines if not fold(line).startswith(FOOTER)]
        if len(lines) < 2:
            raise NotAnArticle("no headline and body")
        title, rest = lines[0], lines[1:]
        authors: list[str] = []
        published = None
        match = BYLINE.match(rest[0])
        if match:
            authors = re.split(r", | and ", match["names"])
            if match["date"]:
                published = datetime.strptime(match["date"], "%B %d, %Y").date()
            rest = rest[1:]
        return Draft(title=title, authors=authors, published=published, body=rest)


@masthead.hookimpl
def masthead_register_sources(register: Callable[[Source], None]) -> None:
    register(DailyPlanetSource())
