"""The emulator's state time series with raw httpx and spec validation: seeding with state sets, inserts checked
against the state set, raw retrieval (limits, cursors, outside points, status codes, latest, delete), JSON answers to
protobuf-accepting requests, and every state aggregate against a straightforward reference computation."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import numpy as np
import pytest

from cognite.client._datapoints import _protobuf as pb
from cognite.client.data_classes.data_modeling.ids import NodeId
from cognite.client.testing import CDFEmulator, CDFError
from cognite.client.testing._datapoints import Buckets, _timezone
from cognite.client.testing._openapi import OpenAPISpec
from cognite.client.testing._states import COMMON_AGGREGATES, STATE_AGGREGATES, StateSet, reference_state_aggregates

PROJECT = "p"
ROOT = f"/api/v1/projects/{PROJECT}"
VALVE = {"space": "plant", "externalId": "valve"}
STATES = [(0, "closed"), (1, "open"), (7, "fault"), (-3, "service")]
BY_NUMERIC = dict(STATES)
BAD, UNCERTAIN = 0x80000000, 0x40000000


@pytest.fixture
def emu(spec: OpenAPISpec) -> CDFEmulator:
    emulator = CDFEmulator(seed=5, validate=True, spec=spec)
    emulator.seed_state_time_series(VALVE, STATES, project=PROJECT, external_id="valve")
    return emulator


def call(emu: CDFEmulator, path: str, body: Any, **headers: str) -> httpx.Response:
    async def go() -> httpx.Response:
        async with httpx.AsyncClient(
            transport=emu.transport(), base_url=f"http://x{ROOT}", headers={"Authorization": "Bearer t", **headers}
        ) as c:
            if isinstance(body, bytes):
                return await c.post(path, content=body, headers={"content-type": "application/protobuf"})
            return await c.post(path, json=body)

    return asyncio.run(go())


def insert(emu: CDFEmulator, points: list[dict[str, Any]], ident: dict[str, Any] | None = None) -> httpx.Response:
    return call(emu, "/timeseries/data", {"items": [{**(ident or {"instanceId": VALVE}), "datapoints": points}]})


def raw(emu: CDFEmulator, **query: Any) -> dict[str, Any]:
    r = call(emu, "/timeseries/data/list", {"items": [{"instanceId": VALVE, **query}]})
    assert r.status_code == 200, r.text
    item: dict[str, Any] = r.json()["items"][0]
    return item


def test_seeded_state_series_has_its_metadata_and_state_set(emu: CDFEmulator) -> None:
    item = call(emu, "/timeseries/byids", {"items": [{"instanceId": VALVE}]}).json()["items"][0]
    assert item["type"] == "state" and item["isString"] is False and item["isStep"] is True
    assert item["stateSet"] == {"space": "plant", "externalId": "valve_states"} and item["externalId"] == "valve"
    assert emu.project(PROJECT).state_sets[("plant", "valve_states")] == StateSet(STATES)
    # a second series shares the state set (states left out), with a NodeId and another project
    other = emu.seed_state_time_series(
        NodeId("plant", "pump"), project="q", state_set=("plant", "shared"), states=[(1, "on"), (0, "off")]
    )
    assert other["stateSet"] == {"space": "plant", "externalId": "shared"}
    again = emu.seed_state_time_series(
        ("plant", "pump2"), project="q", state_set={"space": "plant", "externalId": "shared"}
    )
    assert again["type"] == "state" and ("plant", "shared") not in emu.project(PROJECT).state_sets
    with pytest.raises(ValueError, match="other states"):
        emu.seed_state_time_series(("plant", "pump3"), [(1, "on")], project="q", state_set=("plant", "shared"))
    with pytest.raises(ValueError, match="Give the states"):
        emu.seed_state_time_series(("plant", "pump3"), project="q")
    with pytest.raises(CDFError) as err:
        emu.seed_state_time_series(VALVE, STATES, project=PROJECT)
    assert err.value.code == 409
    # the default project is the one emulated_client() and the pytest fixtures use
    emu.seed_state_time_series(("plant", "valve"), STATES)
    assert emu.store("emulated", "timeseries").get({"instanceId": VALVE}) is not None


@pytest.mark.parametrize(
    "states",
    [
        [],
        [(0, "a"), (0, "b")],
        [(0, "a"), (1, "a")],
        [(True, "a")],
        [(0.5, "a")],
        [(0, "")],
        [(i, str(i)) for i in range(101)],
    ],
)
def test_invalid_state_sets_are_refused(states: list[Any]) -> None:
    with pytest.raises(ValueError):
        StateSet(states)


def test_insert_is_checked_against_the_state_set(emu: CDFEmulator) -> None:
    assert (
        call(
            emu, "/timeseries", {"items": [{"externalId": "num"}, {"externalId": "str", "isString": True}]}
        ).status_code
        == 201
    )
    good = [
        {"timestamp": 0, "numericValue": 1},
        {"timestamp": 10, "stringValue": "closed"},
        {"timestamp": 20, "numericValue": 7, "stringValue": "fault"},
        {"timestamp": 30, "status": {"symbol": "Bad"}},
        {"timestamp": 40, "numericValue": -3, "status": {"code": BAD}},  # bad with a state: stored with it
    ]
    assert insert(emu, good).status_code == 200
    refused = {
        "numericValue 2 is not a state": {"timestamp": 50, "numericValue": 2},
        "stringValue 'ajar' is not a state": {"timestamp": 50, "stringValue": "ajar"},
        "different states": {"timestamp": 50, "numericValue": 0, "stringValue": "open"},
        "without a state must have a bad status": {"timestamp": 50},
        "not value": {"timestamp": 50, "value": 1},
    }
    for message, point in refused.items():
        r = insert(emu, [{"timestamp": 60, "numericValue": 0}, point])
        assert r.status_code == 400 and message in r.json()["error"]["message"], (point, r.text)
    # all or nothing: a refused request stored nothing, in the state series or the other items
    r = call(emu, "/timeseries/data", {"items": [{"externalId": "num", "datapoints": [{"timestamp": 1, "value": 2.0}]},
                                                  {"instanceId": VALVE, "datapoints": [{"timestamp": 70}]}]})  # fmt: skip
    assert r.status_code == 400
    assert [p["timestamp"] for p in raw(emu, start=0, end=100, ignoreBadDataPoints=False)["datapoints"]] == [
        0,
        10,
        20,
        30,
        40,
    ]
    assert call(emu, "/timeseries/data/list", {"items": [{"externalId": "num"}]}).json()["items"][0]["datapoints"] == []
    # state values only go into state series, and state series only take JSON
    for xid, point in (("num", {"timestamp": 0, "numericValue": 1}), ("str", {"timestamp": 0, "stringValue": "on"})):
        r = insert(emu, [point], {"externalId": xid})
        assert r.status_code == 400 and "only for state time series" in r.json()["error"]["message"]
    # a fraction is refused by the spec (state values are integers); the emulator refuses it also without the spec
    unchecked = CDFEmulator(seed=1)
    unchecked.seed_state_time_series(VALVE, STATES, project=PROJECT)
    r = insert(unchecked, [{"timestamp": 0, "numericValue": 1.5}])
    assert r.status_code == 400 and "Invalid numericValue" in r.json()["error"]["message"]
    body = pb.encode_insert_item({"instanceId": VALVE}, pb.encode_numeric([100], [1.0]), False)
    r = call(emu, "/timeseries/data", body)
    assert r.status_code == 400 and "not protobuf" in r.json()["error"]["message"]
    assert emu.spec_violations == []


def test_raw_retrieve_cursors_outside_points_and_status(emu: CDFEmulator) -> None:
    codes = [0, 0, UNCERTAIN, BAD, 0, 0, BAD, 0, 0, 0]
    points = []
    for k, code in enumerate(codes):
        p: dict[str, Any] = {"timestamp": k * 10, "numericValue": STATES[k % 4][0]}
        if code == BAD and k == 3:
            del p["numericValue"]
        if code:
            p["status"] = {"code": code}
        points.append(p)
    assert insert(emu, points).status_code == 200
    got, cursor, pages = [], None, 0
    while True:
        item = raw(emu, start=0, end=1000, limit=3, ignoreBadDataPoints=False, includeStatus=True,
                   **({"cursor": cursor} if cursor else {}))  # fmt: skip
        got += item["datapoints"]
        pages += 1
        cursor = item.get("nextCursor")
        if not cursor:
            break
    assert pages == 4 and [p["timestamp"] for p in got] == [k * 10 for k in range(10)]
    assert got[3] == {"timestamp": 30, "status": {"code": BAD, "symbol": "Bad"}}
    assert got[6] == {
        "timestamp": 60,
        "numericValue": 7,
        "stringValue": "fault",
        "status": {"code": BAD, "symbol": "Bad"},
    }
    assert got[2]["status"]["symbol"] == "Uncertain" and got[0] == {
        "timestamp": 0,
        "numericValue": 0,
        "stringValue": "closed",
    }
    default = raw(emu, start=0, end=1000)
    assert [p["timestamp"] for p in default["datapoints"]] == [0, 10, 40, 50, 70, 80, 90]  # bad and uncertain left out
    assert default["type"] == "state" and default["isString"] is False and default["isStep"] is True
    kept = raw(emu, start=0, end=1000, treatUncertainAsBad=False)
    assert [p["timestamp"] for p in kept["datapoints"]] == [0, 10, 20, 40, 50, 70, 80, 90]
    outside = raw(emu, start=15, end=75, includeOutsidePoints=True)
    assert [p["timestamp"] for p in outside["datapoints"]] == [10, 40, 50, 70, 80]
    assert raw(emu, start=0, end=1000, limit=2, includeOutsidePoints=True).get("nextCursor") is None
    r = call(emu, "/timeseries/data/list", {"items": [{"instanceId": VALVE, "targetUnit": "temperature:k"}]})
    assert r.status_code == 400 and "units" in r.json()["error"]["message"]
    assert emu.spec_violations == [] and emu.invalid_requests == []


def test_protobuf_accepting_requests_that_reach_a_state_series_get_json(emu: CDFEmulator) -> None:
    assert call(emu, "/timeseries", {"items": [{"externalId": "num"}]}).status_code == 201
    insert(emu, [{"timestamp": 0, "value": 1.5}], {"externalId": "num"})
    insert(emu, [{"timestamp": 0, "numericValue": 1}])
    accept = {"accept": "application/protobuf"}
    numeric_only = call(emu, "/timeseries/data/list", {"items": [{"externalId": "num"}]}, **accept)
    assert numeric_only.headers["content-type"] == "application/protobuf"
    mixed = call(emu, "/timeseries/data/list", {"items": [{"externalId": "num"}, {"instanceId": VALVE}]}, **accept)
    assert mixed.headers["content-type"] == "application/json"
    items = mixed.json()["items"]
    assert items[0]["datapoints"] == [{"timestamp": 0, "value": 1.5}]
    assert items[1]["datapoints"] == [{"timestamp": 0, "numericValue": 1, "stringValue": "open"}]
    # unknown ids are left out as for numeric series
    body = {
        "items": [{"instanceId": {"space": "plant", "externalId": "nope"}}, {"instanceId": VALVE}],
        "ignoreUnknownIds": True,
    }
    assert [i["type"] for i in call(emu, "/timeseries/data/list", body, **accept).json()["items"]] == ["state"]


def test_latest_and_delete(emu: CDFEmulator) -> None:
    insert(emu, [{"timestamp": 0, "numericValue": 1}, {"timestamp": 10, "numericValue": 7, "status": {"code": UNCERTAIN}},
                 {"timestamp": 20, "status": {"code": BAD}}])  # fmt: skip
    body = {"items": [{"instanceId": VALVE}, {"instanceId": VALVE, "ignoreBadDataPoints": False, "includeStatus": True},
                      {"instanceId": VALVE, "treatUncertainAsBad": False, "before": "15"}, {"instanceId": VALVE, "before": "0"}]}  # fmt: skip
    items = call(emu, "/timeseries/data/latest", body).json()["items"]
    assert items[0]["datapoints"] == [{"timestamp": 0, "numericValue": 1, "stringValue": "open"}]
    assert items[1]["datapoints"] == [{"timestamp": 20, "status": {"code": BAD, "symbol": "Bad"}}]
    assert items[2]["datapoints"] == [{"timestamp": 10, "numericValue": 7, "stringValue": "fault"}]
    assert items[3]["datapoints"] == [] and items[0]["type"] == "state"
    r = call(
        emu, "/timeseries/data/delete", {"items": [{"instanceId": VALVE, "inclusiveBegin": 0, "exclusiveEnd": 15}]}
    )
    assert r.status_code == 200
    assert [p["timestamp"] for p in raw(emu, ignoreBadDataPoints=False)["datapoints"]] == [20]
    assert emu.spec_violations == []


def _series(seed: int, n: int, span: int) -> list[tuple[int, int | None, int]]:
    """Random state datapoints ``(timestamp, numeric state or None, status code)`` with runs of equal states."""
    rng = np.random.default_rng(seed)
    stamps = np.sort(rng.choice(span, size=n, replace=False)).tolist()
    out: list[tuple[int, int | None, int]] = []
    state = STATES[0][0]
    for t in stamps:
        if rng.random() < 0.4:
            state = STATES[int(rng.integers(len(STATES)))][0]
        code = int(rng.choice([0, 0, 0, 0, 0, UNCERTAIN, BAD, 0x80330000]))
        out.append((int(t), None if code >> 31 and rng.random() < 0.5 else state, code))
    return out


def _insert_series(emu: CDFEmulator, points: list[tuple[int, int | None, int]]) -> None:
    wire = []
    for t, s, code in points:
        p: dict[str, Any] = {"timestamp": t}
        if s is not None:
            p["numericValue" if t % 2 else "stringValue"] = s if t % 2 else BY_NUMERIC[s]
        if code:
            p["status"] = {"code": code}
        wire.append(p)
    assert insert(emu, wire).status_code == 200


def _wire_value(point: dict[str, Any], name: str) -> Any:
    """The value of one aggregate in a bucket; for a state aggregate ``{numeric state: value}`` without zeros (a state
    is listed when any aggregate asked for is non-zero)."""
    if name in COMMON_AGGREGATES:
        return point[name]
    entries = point["stateAggregates"]
    assert [e["numericValue"] for e in entries] == sorted(e["numericValue"] for e in entries)
    assert all(e["stringValue"] == BY_NUMERIC[e["numericValue"]] for e in entries)
    return {e["numericValue"]: e[name] for e in entries if e[name]}


@pytest.mark.parametrize("uncertain_bad", [True, False])
@pytest.mark.parametrize("granularity", ["7s", "1m", "2h"])
def test_aggregates_follow_the_reference(emu: CDFEmulator, granularity: str, uncertain_bad: bool) -> None:
    points = _series(7, 500, 20_000_000)
    _insert_series(emu, points)
    names = [*STATE_AGGREGATES, *COMMON_AGGREGATES]
    start, end = 1_000_000, 19_000_000
    buckets = Buckets(start, granularity, _timezone(None))
    lo, hi = buckets.first, buckets.align_end(end)
    bounds = list(range(lo, hi + 1, buckets.width))
    q = {"start": start, "end": end, "granularity": granularity, "aggregates": names, "limit": 10_000,
         "treatUncertainAsBad": uncertain_bad}  # fmt: skip
    got = raw(emu, **q)["datapoints"]
    for name in names:
        expected = reference_state_aggregates(points, lo, hi, bounds, name, uncertain_bad)
        assert {p["timestamp"]: _wire_value(p, name) for p in got} == expected, name
    # paging over buckets with cursors gives the same buckets
    paged, cursor = [], None
    while True:
        item = raw(emu, **{**q, "limit": 7}, **({"cursor": cursor} if cursor else {}))
        paged += item["datapoints"]
        cursor = item.get("nextCursor")
        if not cursor:
            break
    assert paged == got
    # asked alone, a state aggregate lists exactly the states where it is non-zero
    for name in STATE_AGGREGATES:
        alone = raw(emu, **{**q, "aggregates": [name]})["datapoints"]
        assert all(
            set(e) == {"numericValue", "stringValue", name} and e[name] for p in alone for e in p["stateAggregates"]
        )
        assert {p["timestamp"]: _wire_value(p, name) for p in alone} == {
            t: v for t, v in reference_state_aggregates(points, lo, hi, bounds, name, uncertain_bad).items()
        }
    assert emu.spec_violations == [] and emu.invalid_requests == []


def test_state_entries_hold_only_what_was_asked_and_carry_over(emu: CDFEmulator) -> None:
    insert(emu, [{"timestamp": 0, "numericValue": 1}, {"timestamp": 50_000, "numericValue": 0},
                 {"timestamp": 70_000, "numericValue": 0}, {"timestamp": 75_000, "status": {"code": BAD}},
                 {"timestamp": 90_000, "numericValue": 0}])  # fmt: skip
    got = raw(emu, start=0, end=120_000, granularity="20s", aggregates=["stateDuration"])["datapoints"]
    assert [p["timestamp"] for p in got] == [0, 40_000, 60_000, 80_000]  # only buckets holding a datapoint
    assert got[0] == {
        "timestamp": 0,
        "stateAggregates": [{"numericValue": 1, "stringValue": "open", "stateDuration": 20_000}],
    }
    # "open" carries over into [40s, 60s) until the next datapoint; the time after the bad datapoint has no state
    assert got[1]["stateAggregates"] == [
        {"numericValue": 0, "stringValue": "closed", "stateDuration": 10_000},
        {"numericValue": 1, "stringValue": "open", "stateDuration": 10_000},
    ]
    assert got[2]["stateAggregates"] == [{"numericValue": 0, "stringValue": "closed", "stateDuration": 15_000}]
    assert got[3]["stateAggregates"] == []  # the series ends at its last datapoint
    transitions = raw(emu, start=0, end=120_000, granularity="20s", aggregates=["stateTransitions", "count"])
    counts = [(p["count"], [(e["numericValue"], e["stateTransitions"]) for e in p["stateAggregates"]])
              for p in transitions["datapoints"]]  # fmt: skip
    assert counts == [(1, [(1, 1)]), (1, [(0, 1)]), (1, []), (1, [(0, 1)])]  # 70s: no change; 90s: after a bad one


def test_value_aggregates_are_refused_and_state_aggregates_need_a_state_series(emu: CDFEmulator) -> None:
    assert (
        call(
            emu, "/timeseries", {"items": [{"externalId": "num"}, {"externalId": "str", "isString": True}]}
        ).status_code
        == 201
    )
    for item, message in (
        ({"instanceId": VALVE, "aggregates": ["average", "stateCount"]}, "not supported for state time series"),
        ({"externalId": "num", "aggregates": ["stateCount"]}, "Invalid aggregates"),
        ({"externalId": "str", "aggregates": ["stateCount"]}, "string time series"),
        ({"instanceId": VALVE, "aggregates": ["stateCount"], "includeOutsidePoints": True}, "includeOutsidePoints"),
    ):
        r = call(emu, "/timeseries/data/list", {"items": [{**item, "granularity": "1h"}]})
        assert r.status_code == 400 and message in r.json()["error"]["message"], r.text
    assert emu.invalid_requests == []  # the state aggregates are valid requests (spec erratum)


def test_calendar_granularity_in_a_time_zone(emu: CDFEmulator) -> None:
    points = _series(3, 300, 120 * 86_400_000)
    _insert_series(emu, points)
    buckets = Buckets(0, "1mo", _timezone("Europe/Oslo"))
    bounds = [buckets.first]
    while bounds[-1] < 120 * 86_400_000:
        bounds.append(buckets.boundary_after(bounds[-1], 1))
    got = raw(emu, start=0, end=bounds[-1], granularity="1mo", timeZone="Europe/Oslo", aggregates=["stateDuration"])
    expected = reference_state_aggregates(points, bounds[0], bounds[-1], bounds, "stateDuration")
    assert {p["timestamp"]: _wire_value(p, "stateDuration") for p in got["datapoints"]} == expected
    assert len(expected) >= 4


def test_errata_check_state_answers_against_the_spec_shapes(spec: OpenAPISpec) -> None:
    path = f"{ROOT}/timeseries/data/list"
    meta = {"id": 1, "isString": False, "type": "state", "isStep": True}
    good_raw = {"items": [{**meta, "datapoints": [{"timestamp": 0, "numericValue": 1, "stringValue": "on"}]}]}
    good_agg = {"items": [{**meta, "datapoints": [{"timestamp": 0, "count": 1, "stateAggregates": [
        {"numericValue": 1, "stringValue": "on", "stateCount": 1}]}]}]}  # fmt: skip
    assert spec.response_errors("POST", path, 200, good_raw) == []
    assert spec.response_errors("POST", path, 200, good_agg) == []
    no_numeric = {"items": [{**meta, "datapoints": [{"timestamp": 0, "stateAggregates": [{"stateCount": 1}]}]}]}
    assert spec.response_errors("POST", path, 200, no_numeric)
    as_value = {"items": [{**meta, "datapoints": [{"timestamp": 0, "value": 1.0}]}]}
    assert spec.response_errors("POST", path, 200, as_value)
    latest = f"{ROOT}/timeseries/data/latest"
    assert spec.response_errors("POST", latest, 200, good_raw) == []
    assert spec.response_errors("POST", latest, 200, as_value)
    insert_path = f"{ROOT}/timeseries/data"
    state_point = {
        "items": [{"instanceId": VALVE, "datapoints": [{"timestamp": 0, "numericValue": 1, "stringValue": "on"}]}]
    }
    assert spec.request_errors("POST", insert_path, state_point) == []
    for wrong in ({"timestamp": 0, "numericValue": "x"}, {"timestamp": 0, "numericValue": 1, "value": 1.0}):
        assert spec.request_errors("POST", insert_path, {"items": [{"instanceId": VALVE, "datapoints": [wrong]}]})
    numeric = {
        "items": [{"externalId": "x", "datapoints": [{"timestamp": 0, "value": 1.0}, {"timestamp": 1, "value": "s"}]}]
    }
    assert spec.request_errors("POST", insert_path, numeric) == []
    query = {"items": [{"instanceId": VALVE, "aggregates": ["stateCount", "stateTransitions", "stateDuration"],
                        "granularity": "1h"}]}  # fmt: skip
    assert spec.request_errors("POST", path, query) == []
    assert spec.request_errors("POST", path, {"items": [{"id": 1, "aggregates": ["stateMedian"], "granularity": "1h"}]})


def test_reference_definitions_on_a_small_example() -> None:
    points: list[tuple[int, int | None, int]] = [(0, 1, 0), (10, 1, 0), (20, None, BAD), (30, 1, 0), (40, 0, UNCERTAIN)]
    bounds = [0, 25, 50]
    assert reference_state_aggregates(points, 0, 50, bounds, "stateCount") == {0: {1: 2}, 25: {1: 1}}
    assert reference_state_aggregates(points, 0, 50, bounds, "stateTransitions") == {0: {1: 1}, 25: {1: 1}}
    assert reference_state_aggregates(points, 0, 50, bounds, "stateDuration") == {0: {1: 20}, 25: {1: 10}}
    assert reference_state_aggregates(points, 0, 50, bounds, "stateCount", uncertain_as_bad=False) == {
        0: {1: 2},
        25: {0: 1, 1: 1},
    }
    assert reference_state_aggregates(points, 0, 50, bounds, "durationBad") == {0: 5, 25: 5}
    assert reference_state_aggregates(points, 0, 50, bounds, "count") == {0: 2, 25: 1}
