"""The emulator's datapoints with raw httpx and spec validation: storage, limits, cursors, outside points, status
codes, latest, deletes, protobuf both ways, and every aggregate against a straightforward reference computation."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Iterator
from typing import Any

import httpx
import numpy as np
import pytest

from cognite.client._datapoints import _protobuf as pb
from cognite.client.testing import CDFEmulator
from cognite.client.testing._datapoints import Buckets, _timezone, reference_aggregates

ROOT = "/api/v1/projects/p"


@pytest.fixture
def emu() -> CDFEmulator:
    return CDFEmulator(seed=3, validate=True)


def call(emu: CDFEmulator, path: str, body: Any, **headers: str) -> httpx.Response:
    async def go() -> httpx.Response:
        async with httpx.AsyncClient(
            transport=emu.transport(), base_url=f"http://x{ROOT}", headers={"Authorization": "Bearer t", **headers}
        ) as c:
            if isinstance(body, bytes):
                return await c.post(path, content=body, headers={"content-type": "application/protobuf"})
            return await c.post(path, json=body)

    return asyncio.run(go())


def setup(emu: CDFEmulator, *series: dict[str, Any]) -> None:
    assert call(emu, "/timeseries", {"items": list(series)}).status_code == 201


def insert(emu: CDFEmulator, xid: str, points: list[dict[str, Any]]) -> httpx.Response:
    return call(emu, "/timeseries/data", {"items": [{"externalId": xid, "datapoints": points}]})


def test_insert_list_cursor_limits_and_overwrite(emu: CDFEmulator) -> None:
    setup(emu, {"externalId": "a"})
    assert insert(emu, "a", [{"timestamp": t, "value": float(t)} for t in range(0, 50, 2)]).status_code == 200
    assert insert(emu, "a", [{"timestamp": 4, "value": -1.0}, {"timestamp": 1, "value": 0.5}]).status_code == 200
    got: list[tuple[int, float]] = []
    cursor = None
    pages = 0
    while True:
        item = {"externalId": "a", "start": 0, "end": 100, "limit": 7, **({"cursor": cursor} if cursor else {})}
        r = call(emu, "/timeseries/data/list", {"items": [item]}).json()["items"][0]
        got += [(p["timestamp"], p["value"]) for p in r["datapoints"]]
        pages += 1
        cursor = r.get("nextCursor")
        if not cursor:
            break
    assert pages == 4 and len(got) == 26
    assert got[:4] == [(0, 0.0), (1, 0.5), (2, 2.0), (4, -1.0)]
    assert emu.invalid_requests == [] and emu.spec_violations == []


def test_request_limits_and_missing(emu: CDFEmulator) -> None:
    setup(emu, {"externalId": "a"})
    r = call(
        emu,
        "/timeseries/data/list",
        {"items": [{"externalId": "a", "limit": 60_000}, {"externalId": "a", "limit": 50_000}]},
    )
    assert r.status_code == 400
    r = call(
        emu,
        "/timeseries/data/list",
        {"items": [{"externalId": "a", "aggregates": ["count"], "granularity": "1h", "limit": 10_001}]},
    )
    assert r.status_code == 400
    r = call(emu, "/timeseries/data/list", {"items": [{"externalId": "nope"}]})
    assert r.status_code == 400 and r.json()["error"]["missing"] == [{"externalId": "nope"}]
    r = call(
        emu, "/timeseries/data/list", {"items": [{"externalId": "nope"}, {"externalId": "a"}], "ignoreUnknownIds": True}
    )
    assert [i["externalId"] for i in r.json()["items"]] == ["a"]
    assert insert(emu, "nope", [{"timestamp": 0, "value": 1}]).status_code == 400
    assert insert(emu, "a", [{"timestamp": 0, "value": "x"}]).status_code == 400
    assert insert(emu, "a", [{"timestamp": 0, "value": 1e101}]).status_code == 400


def test_outside_points_status_codes_and_latest(emu: CDFEmulator) -> None:
    setup(emu, {"externalId": "a"}, {"externalId": "s", "isString": True})
    insert(emu, "a", [
        {"timestamp": 0, "value": 1.0}, {"timestamp": 10, "value": 2.0, "status": {"symbol": "Uncertain"}},
        {"timestamp": 20, "status": {"code": 2147483648}}, {"timestamp": 30, "value": 4.0}, {"timestamp": 40, "value": 5.0},
    ])  # fmt: skip
    items = call(
        emu,
        "/timeseries/data/list",
        {"items": [{"externalId": "a", "start": 5, "end": 35, "includeOutsidePoints": True}]},
    ).json()["items"]
    assert [p["timestamp"] for p in items[0]["datapoints"]] == [0, 30, 40]  # uncertain and bad are left out by default
    body = {"items": [{"externalId": "a", "start": 0, "end": 50, "includeStatus": True, "ignoreBadDataPoints": False,
                       "treatUncertainAsBad": False}]}  # fmt: skip
    points = call(emu, "/timeseries/data/list", body).json()["items"][0]["datapoints"]
    assert points[1]["status"] == {"code": 1073741824, "symbol": "Uncertain"}
    assert "value" not in points[2] and points[2]["status"]["symbol"] == "Bad"
    latest = call(
        emu, "/timeseries/data/latest", {"items": [{"externalId": "a"}, {"externalId": "a", "before": "30"}]}
    ).json()
    assert [i["datapoints"][0]["timestamp"] for i in latest["items"]] == [40, 0]
    insert(emu, "s", [{"timestamp": 1, "value": "on"}])
    assert call(emu, "/timeseries/data/list", {"items": [{"externalId": "s"}]}).json()["items"][0]["datapoints"] == [
        {"timestamp": 1, "value": "on"}
    ]
    assert (
        call(
            emu, "/timeseries/data/delete", {"items": [{"externalId": "a", "inclusiveBegin": 0, "exclusiveEnd": 35}]}
        ).status_code
        == 200
    )
    points = call(emu, "/timeseries/data/list", {"items": [{"externalId": "a", "start": 0, "end": 50}]}).json()[
        "items"
    ][0]["datapoints"]
    assert [p["timestamp"] for p in points] == [40]
    assert emu.invalid_requests == [] and emu.spec_violations == []


def test_protobuf_insert_and_response(emu: CDFEmulator) -> None:
    setup(emu, {"externalId": "a"})
    ts = np.arange(1000, dtype=np.int64) * 1000 + 1_700_000_000_000
    values = np.sin(np.arange(1000.0))
    body = pb.encode_insert_item({"externalId": "a"}, pb.encode_numeric(ts, values), False)
    assert call(emu, "/timeseries/data", body).status_code == 200
    r = call(emu, "/timeseries/data/list", {"items": [{"externalId": "a", "start": 0, "end": "now", "limit": 600}]},
             accept="application/protobuf")  # fmt: skip
    assert r.headers["content-type"] == "application/protobuf"
    (item,) = pb.decode_list_response(r.content)
    cols = pb.decode_numeric(r.content, item.span, True)
    assert (cols.timestamp == ts[:600]).all() and (cols.value == values[:600]).all()
    assert item.external_id == "a" and item.next_cursor


def _series_points(rng: random.Random, n: int, start: int, span: int) -> list[tuple[int, float, int]]:
    stamps = sorted(rng.sample(range(start, start + span), n))
    codes = [rng.choice([0, 0, 0, 0, 0x40000000, 0x80000000]) for _ in stamps]
    return [(t, round(rng.uniform(-50, 50), 3), c) for t, c in zip(stamps, codes, strict=True)]


AGGS = ["average", "max", "min", "count", "sum", "interpolation", "stepInterpolation", "totalVariation",
        "continuousVariance", "discreteVariance", "countGood", "countUncertain", "countBad", "durationGood",
        "durationUncertain", "durationBad"]  # fmt: skip


@pytest.mark.parametrize(
    ("granularity", "tz", "is_step"),
    [("7s", None, False), ("1m", None, True), ("2h", "Europe/Oslo", False), ("1d", "Europe/Oslo", True),
     ("1mo", "America/New_York", False), ("1q", "UTC+05:30", False), ("1w", None, False)],
)  # fmt: skip
@pytest.mark.parametrize(
    ("ignore_bad", "uncertain_bad"), [(True, True), (False, True), (False, False)], ids=["ignore-bad", "keep-bad",
                                                                                     "keep-bad-uncertain-good"]
)  # fmt: skip
def test_aggregates_match_the_reference_computation(
    emu: CDFEmulator, granularity: str, tz: str | None, is_step: bool, ignore_bad: bool, uncertain_bad: bool
) -> None:
    rng = random.Random(granularity)
    unit = {"s": 1000, "m": 60_000, "h": 3_600_000, "d": 86_400_000, "w": 604_800_000}.get(
        granularity[-1], 86_400_000 * 3
    )
    span = unit * 300
    start = 1_600_000_000_000
    points = _series_points(rng, 400, start, span)
    setup(emu, {"externalId": "x", "isStep": is_step})
    wire = [{"timestamp": t, "value": v, **({"status": {"code": c}} if c else {})} for t, v, c in points]
    assert insert(emu, "x", wire).status_code == 200
    q_start, q_end = start + span // 10, start + span - span // 10
    body = {"items": [{"externalId": "x", "start": q_start, "end": q_end, "aggregates": AGGS, "granularity": granularity,
                       "limit": 10_000, "ignoreBadDataPoints": ignore_bad, "treatUncertainAsBad": uncertain_bad,
                       **({"timeZone": tz} if tz else {})}]}  # fmt: skip
    r = call(emu, "/timeseries/data/list", body)
    assert r.status_code == 200, r.text
    got = r.json()["items"][0]["datapoints"]
    buckets = Buckets(q_start, granularity, _timezone(tz))
    hi = buckets.align_end(q_end)
    bounds = [buckets.first]
    while bounds[-1] < hi:
        bounds.append(int(buckets.end_of(np.array([bounds[-1]]))[0]))
    assert len(got) > 3
    for name in AGGS:
        expected = reference_aggregates(points, buckets.first, hi, bounds, name, is_step, uncertain_bad, ignore_bad)
        actual = {p["timestamp"]: p[name] for p in got if name in p}
        value_buckets = set(expected) if not name.startswith(("count", "duration")) or name == "count" else None
        if value_buckets is not None:
            assert set(actual) == value_buckets, name
        for t, v in actual.items():
            assert v == pytest.approx(expected.get(t, 0.0), rel=1e-9, abs=1e-6), (name, t)
    # the same through protobuf
    rp = call(emu, "/timeseries/data/list", body, accept="application/protobuf")
    (item,) = pb.decode_list_response(rp.content)
    ts, cols = pb.decode_aggregates(rp.content, item.span, AGGS, True)
    assert ts.tolist() == [p["timestamp"] for p in got]
    assert cols["average"].tolist() == pytest.approx([p["average"] for p in got])
    assert emu.invalid_requests == [] and emu.spec_violations == []


def test_aggregate_cursors_and_min_max_datapoints(emu: CDFEmulator) -> None:
    setup(emu, {"externalId": "a"})
    insert(emu, "a", [{"timestamp": i * 1000, "value": float(i % 7)} for i in range(100)])
    seen: list[int] = []
    cursor = None
    while True:
        item = {"externalId": "a", "start": 0, "end": 100_000, "aggregates": ["maxDatapoint", "minDatapoint"],
                "granularity": "10s", "limit": 3, **({"cursor": cursor} if cursor else {})}  # fmt: skip
        r = call(emu, "/timeseries/data/list", {"items": [item]}).json()["items"][0]
        seen += [p["timestamp"] for p in r["datapoints"]]
        assert all(p["maxDatapoint"]["value"] == 6.0 for p in r["datapoints"] if p["timestamp"] < 90_000)
        cursor = r.get("nextCursor")
        if not cursor:
            break
    assert seen == list(range(0, 100_000, 10_000))


def test_synthetic_query(emu: CDFEmulator) -> None:
    setup(emu, {"externalId": "a"})
    insert(emu, "a", [{"timestamp": i * 1000, "value": float(i)} for i in range(5)])
    r = call(
        emu,
        "/timeseries/synthetic/query",
        {"items": [{"expression": "ts{externalId='a'} + 1", "start": 0, "end": 5000}]},
    )
    assert [p["value"] for p in r.json()["items"][0]["datapoints"]] == [1.0, 2.0, 3.0, 4.0, 5.0]


@pytest.fixture
def large() -> Iterator[CDFEmulator]:
    yield CDFEmulator(seed=1)


def test_append_in_chunks_stays_sorted(large: CDFEmulator) -> None:
    setup(large, {"externalId": "a"})
    for k in range(5):
        ts = np.arange(k * 20_000, (k + 1) * 20_000, dtype=np.int64)
        call(
            large,
            "/timeseries/data",
            pb.encode_insert_item({"externalId": "a"}, pb.encode_numeric(ts, ts * 1.0), False),
        )
    r = call(large, "/timeseries/data/list", {"items": [{"externalId": "a", "start": 0, "end": 200_000, "limit": 100_000}]},
             accept="application/protobuf")  # fmt: skip
    (item,) = pb.decode_list_response(r.content)
    cols = pb.decode_numeric(r.content, item.span, True)
    assert (cols.timestamp == np.arange(100_000)).all() and item.next_cursor is None
