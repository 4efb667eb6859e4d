"""Plugins that misbehave on purpose, loadable by import path in worker processes.

Worker processes rebuild their plugins from a picklable config, so a test's
plugin has to be importable by name there too: this module sits on
``sys.path`` (pytest's ``pythonpath = ["tests"]``) and is named in
``PipelineConfig(extra=...)``. Every document containing ``FAULT:<kind>``
gets that fault from the source plugin ``misbehaving``; ``STALL`` makes the
processor plugin ``stalling`` hang after parsing, ``LINGER`` wait
:data:`SLOW` seconds (as ``FAULT:slow`` does in parsing), ``PAUSE`` half
as long (``FAULT:brief`` a sixth in parsing).
"""

from __future__ import annotations

import os
import signal
import sys
import time
from collections.abc import Callable
from typing import Any

import masthead
from masthead import Article, Draft, Page, Source


def hang() -> None:
    while True:  # an endless loop in pure Python, as a bad regex or parser bug would be
        time.sleep(0.01)


def hog() -> None:
    hoard = []
    while True:  # grows without bound, 16 MB at a time, until the memory limit stops it
        hoard.append(bytearray(16 * 1024 * 1024))


def segfault() -> None:
    os.kill(os.getpid(), signal.SIGSEGV)


def interrupt() -> None:
    raise KeyboardInterrupt("raised by a plugin, not by the user")


def out_of_memory() -> None:
    raise MemoryError("a plugin allocation failed")


#: Seconds a slow step takes: two of them overrun a budget of 1.5 * SLOW, one does not.
SLOW = 0.6

FAULTS: dict[str, Callable[[], Any]] = {
    "slow": lambda: time.sleep(SLOW),
    "brief": lambda: time.sleep(SLOW / 6),
    "hang": hang,
    "exit": lambda: os._exit(3),
    "segfault": segfault,
    "hog": hog,
    "raise": lambda: 1 / 0,
    "sysexit": lambda: sys.exit(3),
    "keyboard": interrupt,
    "oom": out_of_memory,
}


class MisbehavingSource(Source):
    name = "misbehaving"
    domains = ("misbehaving.example",)

    def detect(self, page: Page) -> float:
        if "DETECT:raise" in page.text:
            raise RuntimeError("detector fault")
        return 0.9 if "MISBEHAVING" in page.text else 0.0

    def parse(self, page: Page) -> Draft:
        for kind, fault in FAULTS.items():
            if f"FAULT:{kind}" in page.text:
                fault()
        return Draft(title=page.lines[0], body=page.lines[1:])


@masthead.hookimpl
def masthead_register_sources(register: Callable[[Source], None]) -> None:
    register(MisbehavingSource())


class Stalling:
    """A processor plugin that never returns for articles mentioning STALL,
    and takes its time on those mentioning LINGER."""

    @masthead.hookimpl
    def masthead_process_article(self, article: Article) -> None:
        if any("STALL" in line for line in article.body):
            hang()
        if any("LINGER" in line for line in article.body):
            time.sleep(SLOW)
        if any("PAUSE" in line for line in article.body):
            time.sleep(SLOW / 2)


STALLING = Stalling()
