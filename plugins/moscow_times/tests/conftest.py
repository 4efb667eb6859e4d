"""Fixtures for the moscow_times plugin's tests.

Shared helpers live in ``moscow_times_support`` (on pytest's ``pythonpath``).
"""

from __future__ import annotations

import pytest

from masthead_moscow_times import MoscowTimesSource


@pytest.fixture(scope="session")
def source() -> MoscowTimesSource:
    return MoscowTimesSource()
