"""Public helpers for working with CDF timestamps (milliseconds since the Unix epoch, UTC).

Example:
    >>> from cognite.client.utils import timestamp_to_ms, ms_to_datetime
    >>> ms_to_datetime(timestamp_to_ms("2021-01-07T12:00:00Z"))
    datetime.datetime(2021, 1, 7, 12, 0, tzinfo=datetime.timezone.utc)
"""

from __future__ import annotations

from cognite.client.utils._time import (
    MAX_TIMESTAMP_MS,
    MIN_TIMESTAMP_MS,
    datetime_to_ms,
    datetime_to_ms_iso_timestamp,
    ms_to_datetime,
    timestamp_to_ms,
)

__all__ = [
    "MAX_TIMESTAMP_MS",
    "MIN_TIMESTAMP_MS",
    "datetime_to_ms",
    "datetime_to_ms_iso_timestamp",
    "ms_to_datetime",
    "timestamp_to_ms",
]
