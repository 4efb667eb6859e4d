"""A line that is a written-out date and nothing else, in the outlet's zone."""

from __future__ import annotations

import pytest

from masthead.extract.dates import written_date


@pytest.mark.parametrize(
    ("line", "zone", "expected"),
    [
        ("Wednesday, May 4, 2016 1:12 PM UTC", None, "2016-05-04T13:12:00+00:00"),
        ("Monday, February 10, 2025 12:05 PM", "+00:00", "2025-02-10T12:05:00+00:00"),
        ("Monday, February 10, 2025 12:05 PM", None, "2025-02-10T12:05:00"),
        ("Monday, February 10, 2025 12:05 PM EST", "+00:00", "2025-02-10T12:05:00-05:00"),  # a zone shown wins
        ("Thursday, June 1, 2017.", "+00:00", "2017-06-01"),  # no time: no invented midnight
        ("Published on Monday, February 10, 2025", "+00:00", None),  # more than a date
        ("Sometime in May 2016", None, None),
        ("May 4, 2016 " + "x" * 200, None, None),
    ],
)
def test_written_date(line: str, zone: str | None, expected: str | None) -> None:
    assert written_date(line, zone=zone) == expected
