"""Time helpers: timestamps in ms, "2d-ago" strings, granularities and time zones.

CDF stores timestamps as milliseconds since the Unix epoch (UTC), from 1900-01-01T00:00:00Z
(:data:`MIN_TIMESTAMP_MS`) to 2099-12-31T23:59:59.999Z (:data:`MAX_TIMESTAMP_MS`).

Conventions used throughout:

- A naive ``datetime`` is local time (as ``datetime.timestamp()`` reads it); pass aware datetimes to be explicit.
- A naive ISO 8601 *string* (``"2024-01-01T12:00:00"``) is read as UTC, so that configuration strings mean the
  same on every machine.
- Fixed granularity units (s, m, h, d, w) align to whole units since the epoch (weeks to Mondays); calendar units
  (mo, q, y) depend on a time zone and are handled by the datapoints code.
"""

from __future__ import annotations

import math
import re
import time
from datetime import datetime, timedelta, timezone, tzinfo
from typing import Final

__all__ = [
    "MAX_TIMESTAMP_MS",
    "MIN_TIMESTAMP_MS",
    "align_start_and_end_for_granularity",
    "convert_timezone_to_str",
    "datetime_to_ms",
    "datetime_to_ms_iso_timestamp",
    "granularity_to_ms",
    "granularity_unit_to_ms",
    "ms_to_datetime",
    "parse_granularity",
    "parse_str_timezone",
    "split_time_range",
    "standardize_granularity",
    "time_ago_to_ms",
    "timestamp_to_ms",
]

MIN_TIMESTAMP_MS: Final[int] = -2208988800000  # 1900-01-01T00:00:00.000Z
MAX_TIMESTAMP_MS: Final[int] = 4102444799999  # 2099-12-31T23:59:59.999Z

_EPOCH: Final = datetime(1970, 1, 1, tzinfo=timezone.utc)
_ONE_MS: Final = timedelta(milliseconds=1)

_UNIT_MS: Final[dict[str, int]] = {
    "s": 1_000,
    "m": 60_000,
    "h": 3_600_000,
    "d": 86_400_000,
    "w": 604_800_000,
}
# Rough lengths of the calendar units, for estimates only (e.g. how many points a query may return).
_CALENDAR_UNIT_APPROX_MS: Final[dict[str, int]] = {
    "mo": 30 * 86_400_000,
    "q": 91 * 86_400_000,
    "y": 365 * 86_400_000,
}
_CALENDAR_UNITS: Final = frozenset(_CALENDAR_UNIT_APPROX_MS)

_GRANULARITY_ALIASES: Final[dict[str, str]] = {
    "s": "s", "sec": "s", "second": "s", "seconds": "s",
    "m": "m", "t": "m", "min": "m", "minute": "m", "minutes": "m",
    "h": "h", "hour": "h", "hours": "h",
    "d": "d", "day": "d", "days": "d",
    "w": "w", "week": "w", "weeks": "w",
    "mo": "mo", "month": "mo", "months": "mo",
    "q": "q", "quarter": "q", "quarters": "q",
    "y": "y", "year": "y", "years": "y",
}  # fmt: skip
_GRANULARITY_RE: Final = re.compile(r"^\s*(\d*)\s*([a-z]+)\s*$", re.IGNORECASE)

_TIME_AGO_ALIASES: Final[dict[str, str]] = {
    "s": "s", "second": "s", "seconds": "s",
    "m": "m", "minute": "m", "minutes": "m",
    "h": "h", "hour": "h", "hours": "h",
    "d": "d", "day": "d", "days": "d",
    "w": "w", "week": "w", "weeks": "w",
}  # fmt: skip
_TIME_AGO_RE: Final = re.compile(r"^\s*(\d+)\s*([a-z]+)-(ago|ahead)\s*$", re.IGNORECASE)
_TZ_OFFSET_RE: Final = re.compile(r"^(?:UTC|GMT)?\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?$", re.IGNORECASE)

_WEEK_ORIGIN_MS: Final = 4 * 86_400_000  # 1970-01-05 was the first Monday after the epoch


def _now_ms() -> int:
    return time.time_ns() // 1_000_000


def _check_range(ms: int, original: object) -> int:
    if not MIN_TIMESTAMP_MS <= ms <= MAX_TIMESTAMP_MS:
        raise ValueError(
            f"Timestamp {original!r} is {ms} ms since epoch, outside the range CDF supports: "
            f"[{MIN_TIMESTAMP_MS}, {MAX_TIMESTAMP_MS}] (1900-01-01T00:00:00Z to 2099-12-31T23:59:59.999Z)"
        )
    return ms


def datetime_to_ms(dt: datetime) -> int:
    """Convert a datetime to milliseconds since the epoch.

    Args:
        dt: The datetime. Naive datetimes are interpreted as local time; aware ones use their time zone.

    Returns:
        Milliseconds since 1970-01-01T00:00:00Z (sub-millisecond parts are floored).

    Example:
        >>> from datetime import datetime, timezone
        >>> datetime_to_ms(datetime(2021, 1, 7, 12, tzinfo=timezone.utc))
        1610020800000
    """
    if not isinstance(dt, datetime):
        raise TypeError(f"Expected a datetime object for dt, got {type(dt).__name__}: {dt!r}")
    if dt.tzinfo is None or dt.utcoffset() is None:
        dt = dt.astimezone()  # naive: local time
    return (dt - _EPOCH) // _ONE_MS


def datetime_to_ms_iso_timestamp(dt: datetime) -> str:
    """Convert a datetime to an ISO 8601 string with millisecond precision, as the GraphQL API expects.

    Args:
        dt: The datetime. Naive datetimes are interpreted as local time.

    Returns:
        The timestamp, e.g. ``"2021-01-07T12:00:00.000+00:00"``.

    Example:
        >>> from datetime import datetime, timezone
        >>> datetime_to_ms_iso_timestamp(datetime(2021, 1, 7, 12, tzinfo=timezone.utc))
        '2021-01-07T12:00:00.000+00:00'
    """
    if not isinstance(dt, datetime):
        raise TypeError(f"Expected a datetime object for dt, got {type(dt).__name__}: {dt!r}")
    if dt.tzinfo is None or dt.utcoffset() is None:
        dt = dt.astimezone()
    return dt.isoformat(timespec="milliseconds")


def ms_to_datetime(ms: int | float) -> datetime:
    """Convert milliseconds since the epoch to an aware UTC datetime.

    Args:
        ms: Milliseconds since epoch, within [MIN_TIMESTAMP_MS, MAX_TIMESTAMP_MS].

    Returns:
        The aware datetime in UTC.

    Example:
        >>> ms_to_datetime(1610020800000)
        datetime.datetime(2021, 1, 7, 12, 0, tzinfo=datetime.timezone.utc)
    """
    if isinstance(ms, bool) or not isinstance(ms, (int, float)):
        raise TypeError(f"Expected ms as an int or float, got {type(ms).__name__}: {ms!r}")
    if not math.isfinite(ms) or not MIN_TIMESTAMP_MS <= ms <= MAX_TIMESTAMP_MS:
        raise ValueError(
            f"ms={ms!r} is outside the range CDF supports: [{MIN_TIMESTAMP_MS}, {MAX_TIMESTAMP_MS}] "
            "(1900-01-01T00:00:00Z to 2099-12-31T23:59:59.999Z)"
        )
    return _EPOCH + timedelta(milliseconds=ms)


def time_ago_to_ms(time_ago_string: str) -> int:
    """Convert a relative time such as ``"2d-ago"`` to the number of milliseconds it lies in the past.

    Args:
        time_ago_string: ``"now"``, ``"<n><unit>-ago"`` or ``"<n><unit>-ahead"``; units s, m, h, d, w or their
            long forms (second(s), minute(s), hour(s), day(s), week(s)).

    Returns:
        Milliseconds before now (negative for ``-ahead``; 0 for ``"now"``).

    Example:
        >>> time_ago_to_ms("3h-ago")
        10800000
        >>> time_ago_to_ms("1d-ahead")
        -86400000
    """
    if not isinstance(time_ago_string, str):
        raise TypeError(f"Expected a string, got {type(time_ago_string).__name__}: {time_ago_string!r}")
    if time_ago_string.strip().lower() == "now":
        return 0
    match = _TIME_AGO_RE.match(time_ago_string)
    unit = _TIME_AGO_ALIASES.get(match.group(2).lower()) if match else None
    if match is None or unit is None:
        raise ValueError(
            f"Invalid time string {time_ago_string!r}: expected 'now', '<n><unit>-ago' or '<n><unit>-ahead' "
            "with unit s, m, h, d or w (e.g. '2d-ago', '1w-ahead')"
        )
    ms = int(match.group(1)) * _UNIT_MS[unit]
    return ms if match.group(3).lower() == "ago" else -ms


def _parse_iso8601(value: str) -> datetime | None:
    text = value.strip()
    if not text or not text[0].isdigit():
        return None
    if text[-1] in "zZ":
        text = text[:-1] + "+00:00"
    try:
        dt = datetime.fromisoformat(text)
    except ValueError:
        return None
    return dt if dt.tzinfo is not None else dt.replace(tzinfo=timezone.utc)


def timestamp_to_ms(timestamp: int | float | str | datetime) -> int:
    """Convert a timestamp in any supported form to milliseconds since the epoch.

    Args:
        timestamp: Milliseconds (int or float), a datetime (naive means local time), ``"now"``, a relative time
            like ``"2w-ago"`` or ``"3d-ahead"``, or an ISO 8601 string (naive strings are UTC).

    Returns:
        Milliseconds since epoch, within [MIN_TIMESTAMP_MS, MAX_TIMESTAMP_MS].

    Example:
        >>> from datetime import datetime, timezone
        >>> timestamp_to_ms(datetime(2021, 1, 7, 12, tzinfo=timezone.utc))
        1610020800000
        >>> timestamp_to_ms("2021-01-07T12:00:00Z")
        1610020800000
        >>> two_weeks_ago = timestamp_to_ms("2w-ago")
    """
    if isinstance(timestamp, bool):
        raise TypeError(f"Invalid timestamp {timestamp!r}: expected ms (int/float), datetime or str, got bool")
    if isinstance(timestamp, int):
        ms = timestamp
    elif isinstance(timestamp, float):
        if not math.isfinite(timestamp):
            raise ValueError(f"Invalid timestamp {timestamp!r}: must be a finite number of ms")
        ms = int(timestamp)
    elif isinstance(timestamp, datetime):
        ms = datetime_to_ms(timestamp)
    elif isinstance(timestamp, str):
        if (dt := _parse_iso8601(timestamp)) is not None:
            ms = datetime_to_ms(dt)
        else:
            try:
                ms = _now_ms() - time_ago_to_ms(timestamp)
            except ValueError:
                raise ValueError(
                    f"Invalid timestamp {timestamp!r}: expected 'now', '<n><unit>-ago', '<n><unit>-ahead' "
                    "(units s, m, h, d, w) or an ISO 8601 string"
                ) from None
    else:
        raise TypeError(
            f"Invalid timestamp {timestamp!r}: expected ms (int/float), datetime or str, got {type(timestamp).__name__}"
        )
    return _check_range(ms, timestamp)


def parse_granularity(granularity: str) -> tuple[int, str]:
    """Split a granularity string into its multiplier and standard unit.

    Args:
        granularity: E.g. ``"1h"``, ``"30s"``, ``"day"``, ``"2months"``, ``"1q"``. A missing multiplier means 1.

    Returns:
        ``(multiplier, unit)`` with unit one of s, m, h, d, w, mo, q, y.

    Example:
        >>> parse_granularity("15minutes")
        (15, 'm')
    """
    if not isinstance(granularity, str):
        raise TypeError(f"Expected granularity as a string, got {type(granularity).__name__}: {granularity!r}")
    match = _GRANULARITY_RE.match(granularity)
    unit = _GRANULARITY_ALIASES.get(match.group(2).lower()) if match else None
    if match is None or unit is None:
        raise ValueError(
            f"Invalid granularity {granularity!r}: expected '<n><unit>' with unit s, m, h, d, w, mo, q or y "
            "(or second, minute, hour, day, week, month, quarter, year), e.g. '1h' or '15m'"
        )
    multiplier = int(match.group(1)) if match.group(1) else 1
    if multiplier < 1:
        raise ValueError(f"Invalid granularity {granularity!r}: the multiplier must be at least 1")
    return multiplier, unit


def standardize_granularity(granularity: str) -> str:
    """Rewrite a granularity in its short standard form.

    Args:
        granularity: E.g. ``"2hours"``, ``"minute"``.

    Returns:
        The standard form, e.g. ``"2h"``, ``"1m"``.

    Example:
        >>> standardize_granularity("quarter")
        '1q'
    """
    multiplier, unit = parse_granularity(granularity)
    return f"{multiplier}{unit}"


def granularity_unit_to_ms(granularity: str) -> int:
    """Return the length in ms of the *unit* of a fixed granularity (what CDF aligns aggregates to).

    Args:
        granularity: E.g. ``"73h"`` (unit hour).

    Returns:
        Milliseconds in one unit, e.g. 3600000 for ``"73h"``.

    Example:
        >>> granularity_unit_to_ms("73h")
        3600000
    """
    _, unit = parse_granularity(granularity)
    if unit in _CALENDAR_UNITS:
        raise ValueError(f"Granularity {granularity!r} uses a calendar unit; it has no fixed length in ms")
    return _UNIT_MS[unit]


def granularity_to_ms(granularity: str, allow_calendar: bool = False) -> int:
    """Return the length in ms of a granularity.

    Args:
        granularity: E.g. ``"1h"``, ``"30s"``, ``"2d"``.
        allow_calendar: If True, calendar units (mo, q, y) give an approximation (30, 91 and 365 days);
            otherwise they raise ValueError.

    Returns:
        Milliseconds in the granularity.

    Example:
        >>> granularity_to_ms("1h")
        3600000
    """
    multiplier, unit = parse_granularity(granularity)
    if unit in _CALENDAR_UNITS:
        if not allow_calendar:
            raise ValueError(f"Granularity {granularity!r} uses a calendar unit; it has no fixed length in ms")
        return multiplier * _CALENDAR_UNIT_APPROX_MS[unit]
    return multiplier * _UNIT_MS[unit]


def align_start_and_end_for_granularity(start: int, end: int, granularity: str) -> tuple[int, int]:
    """Align a time range the way CDF aligns aggregates: start down to a whole unit, end up to a whole bucket.

    Args:
        start: Start in ms.
        end: End in ms (exclusive).
        granularity: A fixed granularity, e.g. ``"2h"`` (aligned to whole hours; weeks to Mondays 00:00 UTC).

    Returns:
        ``(start, end)`` with ``start`` on a unit boundary and ``end - start`` a multiple of the granularity.

    Example:
        >>> align_start_and_end_for_granularity(90_000, 200_000, "1m")
        (60000, 240000)
    """
    unit_ms = granularity_unit_to_ms(granularity)
    origin = _WEEK_ORIGIN_MS if unit_ms == _UNIT_MS["w"] else 0
    start -= (start - origin) % unit_ms
    gran_ms = granularity_to_ms(granularity)
    if remainder := (end - start) % gran_ms:
        end += gran_ms - remainder
    return start, end


def split_time_range(start: int, end: int, n_splits: int, granularity_in_ms: int) -> list[int]:
    """Split [start, end) into ``n_splits`` consecutive parts whose inner boundaries are whole granularities apart.

    Args:
        start: Start in ms.
        end: End in ms, greater than start.
        n_splits: Number of parts, at least 1.
        granularity_in_ms: Each part (except possibly the last) is a multiple of this length.

    Returns:
        ``n_splits + 1`` boundaries, from ``start`` to ``end``.

    Example:
        >>> split_time_range(0, 10_000, 2, 1_000)
        [0, 5000, 10000]
    """
    if n_splits < 1:
        raise ValueError(f"n_splits must be at least 1, got {n_splits}")
    if granularity_in_ms < 1:
        raise ValueError(f"granularity_in_ms must be at least 1, got {granularity_in_ms}")
    if end <= start:
        raise ValueError(f"end ({end}) must be greater than start ({start})")
    step = (end - start) // n_splits // granularity_in_ms * granularity_in_ms
    if step == 0:
        raise ValueError(
            f"Cannot split [{start}, {end}) into {n_splits} parts of at least {granularity_in_ms} ms "
            f"(the range is {end - start} ms)"
        )
    return [start + i * step for i in range(n_splits)] + [end]


def _format_offset(offset: timedelta) -> str:
    total_min = int(offset.total_seconds()) // 60
    if total_min == 0:
        return "UTC"
    sign = "+" if total_min > 0 else "-"
    hours, minutes = divmod(abs(total_min), 60)
    return f"UTC{sign}{hours:02d}:{minutes:02d}"


def _validate_offset(offset: timedelta, original: object) -> None:
    if offset.total_seconds() % 900:
        raise ValueError(f"Time zone offset {original!r} must be a whole number of quarter hours")
    if not timedelta(hours=-12) <= offset <= timedelta(hours=14):
        raise ValueError(f"Time zone offset {original!r} must be between UTC-12:00 and UTC+14:00")


def convert_timezone_to_str(tz: tzinfo) -> str:
    """Convert a time zone to the string form CDF accepts.

    Args:
        tz: A ``ZoneInfo`` (gives its IANA key) or a fixed-offset ``datetime.timezone`` (gives ``"UTC+01:00"``).

    Returns:
        The time zone as a string, e.g. ``"Europe/Oslo"``, ``"UTC"`` or ``"UTC-05:30"``.

    Example:
        >>> from datetime import timedelta, timezone
        >>> convert_timezone_to_str(timezone(timedelta(hours=1)))
        'UTC+01:00'
    """
    key = getattr(tz, "key", None)
    if isinstance(key, str):
        return key
    if isinstance(tz, timezone):
        offset = tz.utcoffset(None)
        _validate_offset(offset, tz)
        return _format_offset(offset)
    zone = getattr(tz, "zone", None)  # pytz-like objects
    if isinstance(zone, str):
        return zone
    raise TypeError(f"Unsupported time zone {tz!r}: expected a zoneinfo.ZoneInfo or a datetime.timezone")


def parse_str_timezone(tz: str) -> tzinfo:
    """Parse a time zone string: an IANA name (``"Europe/Oslo"``) or a fixed offset (``"UTC+01:00"``).

    Args:
        tz: The time zone string. ``"UTC"``, ``"Z"``, ``"UTC+01:00"``, ``"+0530"`` and IANA names are accepted.

    Returns:
        A ``ZoneInfo`` for IANA names, a ``datetime.timezone`` for fixed offsets.

    Example:
        >>> parse_str_timezone("UTC+01:00")
        datetime.timezone(datetime.timedelta(seconds=3600))
    """
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    if not isinstance(tz, str):
        raise TypeError(f"Expected a time zone string, got {type(tz).__name__}: {tz!r}")
    text = tz.strip()
    if text.upper() in ("UTC", "Z", "GMT"):
        return timezone.utc
    if match := _TZ_OFFSET_RE.match(text):
        sign, hours, minutes = match.group(1), int(match.group(2)), int(match.group(3) or 0)
        if minutes >= 60:
            raise ValueError(f"Invalid time zone offset {tz!r}: minutes must be below 60")
        offset = timedelta(hours=hours, minutes=minutes) * (-1 if sign == "-" else 1)
        _validate_offset(offset, tz)
        return timezone(offset) if offset else timezone.utc
    try:
        return ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(
            f"Invalid time zone {tz!r}: expected an IANA name such as 'Europe/Oslo' or an offset such as 'UTC+01:00'"
        ) from None
