"""Fixtures shared by the core tests."""

from __future__ import annotations

import pytest

from masthead.manager import Plugins
from support import KeywordSource, SourcesPlugin, make_plugins


@pytest.fixture
def alpha_beta() -> Plugins:
    return make_plugins(
        ("alpha", SourcesPlugin(KeywordSource("alpha", "ALPHA", ("alpha.example",)))),
        ("beta", SourcesPlugin(KeywordSource("beta", "BETA", ("beta.example", "beta.org")))),
    )
