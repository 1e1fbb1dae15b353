from __future__ import annotations

import itertools
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

import pytest

import cognite.client.utils as utils
from cognite.client.utils import _time
from cognite.client.utils._text import to_camel_case, to_snake_case
from cognite.client.utils._time import (
    MAX_TIMESTAMP_MS,
    MIN_TIMESTAMP_MS,
    align_start_and_end_for_granularity,
    convert_timezone_to_str,
    datetime_to_ms,
    datetime_to_ms_iso_timestamp,
    granularity_to_ms,
    granularity_unit_to_ms,
    ms_to_datetime,
    parse_granularity,
    parse_str_timezone,
    split_time_range,
    standardize_granularity,
    time_ago_to_ms,
    timestamp_to_ms,
)

NOW_MS = 1_700_000_000_000
DAY = 86_400_000


@pytest.fixture
def frozen_now(monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(_time, "_now_ms", lambda: NOW_MS)
    return NOW_MS


class TestPublicSurface:
    def test_all(self) -> None:
        assert sorted(utils.__all__) == sorted(
            [
                "MAX_TIMESTAMP_MS",
                "MIN_TIMESTAMP_MS",
                "datetime_to_ms",
                "datetime_to_ms_iso_timestamp",
                "ms_to_datetime",
                "timestamp_to_ms",
            ]
        )
        for name in utils.__all__:
            assert hasattr(utils, name)

    def test_limits(self) -> None:
        assert MIN_TIMESTAMP_MS == -2208988800000
        assert MAX_TIMESTAMP_MS == 4102444799999
        assert ms_to_datetime(MIN_TIMESTAMP_MS) == datetime(1900, 1, 1, tzinfo=timezone.utc)
        assert ms_to_datetime(MAX_TIMESTAMP_MS) == datetime(2099, 12, 31, 23, 59, 59, 999000, tzinfo=timezone.utc)

    def test_import_is_cheap(self) -> None:
        code = "import sys, cognite.client.utils; print(any(m in sys.modules for m in ('pandas', 'numpy')))"
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
        assert out.strip() == "False"


class TestDatetimeConversions:
    def test_aware(self) -> None:
        assert datetime_to_ms(datetime(2021, 1, 7, 12, tzinfo=timezone.utc)) == 1610020800000
        oslo = datetime(2021, 1, 7, 13, tzinfo=ZoneInfo("Europe/Oslo"))
        assert datetime_to_ms(oslo) == 1610020800000

    def test_naive_is_local_time(self) -> None:
        naive = datetime(2021, 1, 7, 12, 30, 15, 123000)
        assert datetime_to_ms(naive) == round(naive.timestamp() * 1000)

    def test_before_epoch_and_sub_ms(self) -> None:
        assert datetime_to_ms(datetime(1900, 1, 1, tzinfo=timezone.utc)) == MIN_TIMESTAMP_MS
        assert datetime_to_ms(datetime(1970, 1, 1, 0, 0, 0, 1999, tzinfo=timezone.utc)) == 1

    def test_round_trip(self) -> None:
        for ms in (MIN_TIMESTAMP_MS, -1, 0, 1, 1610020800123, MAX_TIMESTAMP_MS):
            assert datetime_to_ms(ms_to_datetime(ms)) == ms

    def test_ms_to_datetime_is_aware_utc(self) -> None:
        dt = ms_to_datetime(1610020800000)
        assert dt == datetime(2021, 1, 7, 12, tzinfo=timezone.utc) and dt.tzinfo is timezone.utc
        assert ms_to_datetime(1.5) == datetime(1970, 1, 1, 0, 0, 0, 1500, tzinfo=timezone.utc)

    @pytest.mark.parametrize("ms", [MIN_TIMESTAMP_MS - 1, MAX_TIMESTAMP_MS + 1, float("nan"), float("inf")])
    def test_ms_to_datetime_out_of_range(self, ms: float) -> None:
        with pytest.raises(ValueError, match="ms="):
            ms_to_datetime(ms)

    @pytest.mark.parametrize("bad", ["0", None, True])
    def test_ms_to_datetime_wrong_type(self, bad: Any) -> None:
        with pytest.raises(TypeError):
            ms_to_datetime(bad)

    def test_iso_timestamp(self) -> None:
        dt = datetime(2021, 1, 7, 12, 0, 0, 123456, tzinfo=timezone.utc)
        assert datetime_to_ms_iso_timestamp(dt) == "2021-01-07T12:00:00.123+00:00"
        oslo = datetime(2021, 7, 1, 12, tzinfo=ZoneInfo("Europe/Oslo"))
        assert datetime_to_ms_iso_timestamp(oslo) == "2021-07-01T12:00:00.000+02:00"
        naive = datetime_to_ms_iso_timestamp(datetime(2021, 1, 7, 12))
        assert naive.startswith("2021-01-07T12:00:00.000") and len(naive) == len("2021-01-07T12:00:00.000+00:00")

    def test_wrong_types(self) -> None:
        with pytest.raises(TypeError, match="datetime"):
            datetime_to_ms("2021-01-01")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="datetime"):
            datetime_to_ms_iso_timestamp(123)  # type: ignore[arg-type]


class TestTimeAgo:
    @pytest.mark.parametrize(
        "text, expected",
        [
            ("now", 0),
            ("1s-ago", 1000),
            ("5m-ago", 300_000),
            ("3h-ago", 10_800_000),
            ("2d-ago", 2 * DAY),
            ("1w-ago", 7 * DAY),
            ("2w-ahead", -14 * DAY),
            ("10seconds-ago", 10_000),
            ("1minute-ago", 60_000),
            ("2 hours-ago", 7_200_000),
            ("1day-ahead", -DAY),
            ("3weeks-ago", 21 * DAY),
            ("0s-ago", 0),
        ],
    )
    def test_valid(self, text: str, expected: int) -> None:
        assert time_ago_to_ms(text) == expected

    @pytest.mark.parametrize("text", ["2d", "ago", "-2d-ago", "2y-ago", "2mo-ago", "1.5h-ago", "d-ago", "2d-before"])
    def test_invalid(self, text: str) -> None:
        with pytest.raises(ValueError, match="Invalid time string"):
            time_ago_to_ms(text)


class TestTimestampToMs:
    def test_numbers(self) -> None:
        assert timestamp_to_ms(0) == 0
        assert timestamp_to_ms(1610020800000) == 1610020800000
        assert timestamp_to_ms(1610020800000.7) == 1610020800000

    def test_datetimes(self) -> None:
        assert timestamp_to_ms(datetime(2021, 1, 7, 12, tzinfo=timezone.utc)) == 1610020800000
        naive = datetime(2021, 1, 7, 12)
        assert timestamp_to_ms(naive) == round(naive.timestamp() * 1000)

    def test_relative_strings(self, frozen_now: int) -> None:
        assert timestamp_to_ms("now") == NOW_MS
        assert timestamp_to_ms("2w-ago") == NOW_MS - 14 * DAY
        assert timestamp_to_ms("3d-ahead") == NOW_MS + 3 * DAY
        assert timestamp_to_ms("1hour-ago") == NOW_MS - 3_600_000

    @pytest.mark.parametrize(
        "text, expected",
        [
            ("2021-01-07T12:00:00Z", 1610020800000),
            ("2021-01-07T12:00:00.5z", 1610020800500),
            ("2021-01-07T13:00:00+01:00", 1610020800000),
            ("2021-01-07T12:00:00", 1610020800000),  # naive string: UTC
            ("2021-01-07", 1609977600000),
        ],
    )
    def test_iso_strings(self, text: str, expected: int) -> None:
        assert timestamp_to_ms(text) == expected

    @pytest.mark.parametrize("bad", ["yesterday", "2d", "", "2021-13-45", "1e9"])
    def test_invalid_strings_name_the_value(self, bad: str) -> None:
        with pytest.raises(ValueError, match=f"Invalid timestamp {bad!r}"):
            timestamp_to_ms(bad)

    @pytest.mark.parametrize("bad", [None, True, [1], b"now"])
    def test_invalid_types(self, bad: Any) -> None:
        with pytest.raises(TypeError, match="Invalid timestamp"):
            timestamp_to_ms(bad)

    @pytest.mark.parametrize(
        "value",
        [
            MIN_TIMESTAMP_MS - 1,
            MAX_TIMESTAMP_MS + 1,
            datetime(1899, 12, 31, 23, 59, tzinfo=timezone.utc),
            datetime(2100, 1, 1, tzinfo=timezone.utc),
            "2100-01-01T00:00:00Z",
        ],
    )
    def test_out_of_range(self, value: Any) -> None:
        with pytest.raises(ValueError, match="outside the range CDF supports"):
            timestamp_to_ms(value)

    def test_far_ahead_relative_is_out_of_range(self, frozen_now: int) -> None:
        with pytest.raises(ValueError, match="'10000w-ahead'"):
            timestamp_to_ms("10000w-ahead")

    def test_limits_are_inclusive(self) -> None:
        assert timestamp_to_ms(MIN_TIMESTAMP_MS) == MIN_TIMESTAMP_MS
        assert timestamp_to_ms(MAX_TIMESTAMP_MS) == MAX_TIMESTAMP_MS

    def test_nan(self) -> None:
        with pytest.raises(ValueError, match="nan"):
            timestamp_to_ms(float("nan"))


class TestGranularity:
    @pytest.mark.parametrize(
        "text, expected",
        [
            ("1h", (1, "h")),
            ("30s", (30, "s")),
            ("h", (1, "h")),
            ("15minutes", (15, "m")),
            ("2t", (2, "m")),
            ("day", (1, "d")),
            ("2weeks", (2, "w")),
            ("1mo", (1, "mo")),
            ("3month", (3, "mo")),
            ("quarter", (1, "q")),
            ("1Y", (1, "y")),
            ("7sec", (7, "s")),
        ],
    )
    def test_parse(self, text: str, expected: tuple[int, str]) -> None:
        assert parse_granularity(text) == expected

    @pytest.mark.parametrize("bad", ["", "0h", "1x", "h1", "-1h", "1.5h", "1 h 2"])
    def test_parse_invalid(self, bad: str) -> None:
        with pytest.raises(ValueError, match="granularity"):
            parse_granularity(bad)

    def test_parse_wrong_type(self) -> None:
        with pytest.raises(TypeError, match="granularity"):
            parse_granularity(60)  # type: ignore[arg-type]

    def test_standardize(self) -> None:
        assert standardize_granularity("2hours") == "2h"
        assert standardize_granularity("minute") == "1m"
        assert standardize_granularity("quarter") == "1q"

    def test_to_ms(self) -> None:
        assert granularity_to_ms("1h") == 3_600_000
        assert granularity_to_ms("30s") == 30_000
        assert granularity_to_ms("2d") == 2 * DAY
        assert granularity_to_ms("1w") == 7 * DAY
        assert granularity_to_ms("day") == DAY
        assert granularity_unit_to_ms("73h") == 3_600_000
        assert granularity_unit_to_ms("15m") == 60_000

    def test_calendar_units(self) -> None:
        with pytest.raises(ValueError, match="calendar unit"):
            granularity_to_ms("1mo")
        with pytest.raises(ValueError, match="calendar unit"):
            granularity_unit_to_ms("1y")
        assert granularity_to_ms("2mo", allow_calendar=True) == 60 * DAY
        assert granularity_to_ms("1q", allow_calendar=True) == 91 * DAY
        assert granularity_to_ms("1y", allow_calendar=True) == 365 * DAY


class TestAlignAndSplit:
    def test_align_to_unit_then_whole_buckets(self) -> None:
        assert align_start_and_end_for_granularity(90_000, 200_000, "1m") == (60_000, 240_000)
        # 2h granularity: start aligned to the whole hour, end to start + k * 2h
        start, end = align_start_and_end_for_granularity(3_600_000 + 5, 4 * 3_600_000, "2h")
        assert (start, end) == (3_600_000, 5 * 3_600_000)
        assert align_start_and_end_for_granularity(0, DAY, "1d") == (0, DAY)

    def test_align_negative_start(self) -> None:
        assert align_start_and_end_for_granularity(-1, 10, "1s") == (-1000, 1000)

    def test_align_week_to_monday(self) -> None:
        wednesday = datetime_to_ms(datetime(2024, 1, 3, 15, tzinfo=timezone.utc))
        start, end = align_start_and_end_for_granularity(wednesday, wednesday + 1, "1w")
        assert ms_to_datetime(start) == datetime(2024, 1, 1, tzinfo=timezone.utc)  # a Monday
        assert end - start == 7 * DAY

    def test_align_calendar_granularity_raises(self) -> None:
        with pytest.raises(ValueError, match="calendar unit"):
            align_start_and_end_for_granularity(0, DAY, "1mo")

    def test_split(self) -> None:
        assert split_time_range(0, 10_000, 2, 1_000) == [0, 5_000, 10_000]
        assert split_time_range(0, 10_000, 3, 1_000) == [0, 3_000, 6_000, 10_000]
        assert split_time_range(5, 6, 1, 1) == [5, 6]
        parts = split_time_range(-DAY, DAY, 7, 3_600_000)
        assert len(parts) == 8 and parts[0] == -DAY and parts[-1] == DAY
        assert all((b - a) % 3_600_000 == 0 for a, b in itertools.pairwise(parts[:-1]))
        assert parts == sorted(parts)

    @pytest.mark.parametrize(
        "args, match",
        [
            ((0, 1_000, 2, 1_000), "Cannot split"),
            ((0, 1_000, 0, 1), "n_splits"),
            ((10, 10, 1, 1), "greater than start"),
            ((0, 10, 1, 0), "granularity_in_ms"),
        ],
    )
    def test_split_invalid(self, args: tuple[int, int, int, int], match: str) -> None:
        with pytest.raises(ValueError, match=match):
            split_time_range(*args)


class TestTimezones:
    def test_to_str(self) -> None:
        assert convert_timezone_to_str(ZoneInfo("Europe/Oslo")) == "Europe/Oslo"
        assert convert_timezone_to_str(timezone.utc) == "UTC"
        assert convert_timezone_to_str(timezone(timedelta(hours=1))) == "UTC+01:00"
        assert convert_timezone_to_str(timezone(timedelta(hours=-5, minutes=-30))) == "UTC-05:30"

    def test_to_str_invalid(self) -> None:
        with pytest.raises(ValueError, match="quarter hours"):
            convert_timezone_to_str(timezone(timedelta(minutes=7)))
        with pytest.raises(ValueError, match="between"):
            convert_timezone_to_str(timezone(timedelta(hours=-13)))
        with pytest.raises(TypeError, match="time zone"):
            convert_timezone_to_str("Europe/Oslo")  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        "text, expected",
        [
            ("UTC", timezone.utc),
            ("Z", timezone.utc),
            ("UTC+01:00", timezone(timedelta(hours=1))),
            ("UTC-05:30", timezone(timedelta(hours=-5, minutes=-30))),
            ("+0530", timezone(timedelta(hours=5, minutes=30))),
            ("UTC+14", timezone(timedelta(hours=14))),
            ("UTC+00:00", timezone.utc),
            ("Europe/Oslo", ZoneInfo("Europe/Oslo")),
            ("America/New_York", ZoneInfo("America/New_York")),
        ],
    )
    def test_parse(self, text: str, expected: Any) -> None:
        assert parse_str_timezone(text) == expected

    @pytest.mark.parametrize("bad", ["Mars/Olympus", "UTC+15:00", "UTC+01:07", "UTC+01:75", "", "../etc/passwd"])
    def test_parse_invalid(self, bad: str) -> None:
        with pytest.raises(ValueError, match=r"(?i)time zone"):
            parse_str_timezone(bad)

    def test_round_trip(self) -> None:
        for text in ("UTC", "UTC+01:00", "UTC-09:30", "Europe/Oslo"):
            assert convert_timezone_to_str(parse_str_timezone(text)) == text


class TestText:
    @pytest.mark.parametrize(
        "snake, camel",
        [
            ("external_id", "externalId"),
            ("data_set_id", "dataSetId"),
            ("id", "id"),
            ("token_expiry_leeway_seconds", "tokenExpiryLeewaySeconds"),
        ],
    )
    def test_round_trip(self, snake: str, camel: str) -> None:
        assert to_camel_case(snake) == camel
        assert to_snake_case(camel) == snake
        assert to_camel_case(camel) == camel
        assert to_snake_case(snake) == snake

    def test_acronyms(self) -> None:
        assert to_snake_case("HTTPResponse") == "http_response"
        assert to_snake_case("oauthDiscoveryUrl") == "oauth_discovery_url"
