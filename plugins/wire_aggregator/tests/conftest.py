"""Fixtures for the wire_aggregator (EconoTimes) tests.

Shared helpers live in ``wire_aggregator_helpers`` (on pytest's ``pythonpath``).
"""

from __future__ import annotations

import pytest

from masthead_wire_aggregator import EconoTimesSource


@pytest.fixture(scope="session")
def source() -> EconoTimesSource:
    return EconoTimesSource()
