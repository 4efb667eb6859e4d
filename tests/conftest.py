"""Fixtures shared by the core tests."""

from __future__ import annotations

import pytest

from masthead.manager import Plugins
from support import KeywordSource, SourcesPlugin, make_plugins

try:
    from hypothesis import settings
except ImportError:  # the docs environment runs its one test module without it
    pass
else:
    # The property tests compare answers, never times: Hypothesis' deadline
    # per example (200 ms) would fail them on a loaded machine. Loaded here,
    # before the plugins' test modules are collected (``testpaths`` puts tests first).
    settings.register_profile("masthead", deadline=None)
    settings.load_profile("masthead")


@pytest.fixture
def alpha_beta() -> Plugins:
    return make_plugins(
        ("alpha", SourcesPlugin(KeywordSource("alpha", "ALPHA", ("alpha.example",)))),
        ("beta", SourcesPlugin(KeywordSource("beta", "BETA", ("beta.example", "beta.org")))),
    )
