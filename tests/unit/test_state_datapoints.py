"""State time series in the SDK through httpx.MockTransport: JSON answers to protobuf-accepting requests, parsing raw
state datapoints and state aggregates into Datapoints / DatapointsArray, request planning for state series,
insert_states requests, and the data classes' wire forms and frames."""

from __future__ import annotations

import gzip
import json
from typing import Any

import httpx
import numpy as np
import pytest

from cognite.client import ClientConfig, CogniteClient, global_config
from cognite.client._datapoints import _protobuf as pb
from cognite.client._datapoints._states import NO_NUMERIC_STATE
from cognite.client.credentials import Token
from cognite.client.data_classes.data_modeling.ids import NodeId
from cognite.client.data_classes.datapoint_aggregates import to_snake_aggregate, to_wire_aggregate
from cognite.client.data_classes.datapoints import (
    Datapoints,
    DatapointsArray,
    LatestDatapoint,
    StateCount,
    StateDatapointsInsert,
    StateDatapointWrite,
    StateDuration,
    StateTransition,
)

NUM = {"id": 1, "externalId": "num", "isString": False, "isStep": False, "type": "numeric"}
STATE = {
    "id": 2,
    "instanceId": {"space": "s", "externalId": "valve"},
    "isString": False,
    "isStep": True,
    "type": "state",
}
VALVE = NodeId("s", "valve")
BAD = 0x80000000


def _client(handler: Any) -> CogniteClient:
    return CogniteClient(
        ClientConfig("u", "p", Token("t"), base_url="https://x.cognitedata.com"), transport=httpx.MockTransport(handler)
    )


def _body(request: httpx.Request) -> Any:
    raw = request.content
    return json.loads(gzip.decompress(raw) if request.headers.get("content-encoding") == "gzip" else raw)


STATE_POINTS = [
    {"timestamp": 0, "numericValue": 1, "stringValue": "open"},
    {"timestamp": 10, "status": {"code": BAD, "symbol": "Bad"}},
    {"timestamp": 20, "numericValue": 0, "stringValue": "closed", "status": {"code": 0x40000000}},
    {"timestamp": 30, "numericValue": 5},  # a state no longer in the set: no string value
]


def test_json_answer_to_a_protobuf_request_is_parsed() -> None:
    accepts: list[str] = []

    def handle(request: httpx.Request) -> httpx.Response:
        accepts.append(request.headers.get("accept", ""))
        items = [{**NUM, "datapoints": [{"timestamp": 0, "value": 1.5}, {"timestamp": 5, "status": {"code": BAD}}]},
                 {**STATE, "datapoints": STATE_POINTS}]  # fmt: skip
        return httpx.Response(200, json={"items": items})  # JSON, whatever was accepted

    with _client(handle) as client:
        arrays = client.time_series.data.retrieve_arrays(id=1, instance_id=VALVE, start=0, end=100, include_status=True)
        lists = client.time_series.data.retrieve(id=1, instance_id=VALVE, start=0, end=100, include_status=True)
    assert accepts[0] == "application/protobuf"
    num, state = arrays  # type: ignore[misc]
    assert num.value.tolist()[0] == 1.5 and np.isnan(num.value[1]) and num.null_timestamps == {5}
    assert num.type == "numeric" and not num.is_state() and state.is_state() and state.instance_id == VALVE
    assert state.value is None and state.numeric_states.dtype == np.int64 and state.string_states.dtype == object
    assert state.numeric_states.tolist() == [1, NO_NUMERIC_STATE, 0, 5] and state.null_timestamps == {10}
    assert state.string_states.tolist() == ["open", None, "closed", None]
    assert state.status_code.tolist() == [0, BAD, 0x40000000, 0] and state.status_symbol.tolist() == [
        "Good", "Bad", "Uncertain", "Good",
    ]  # fmt: skip
    assert state[1].numeric_state is None and state[0].numeric_state == 1 and state[3].string_state is None
    lnum, lstate = lists  # type: ignore[misc]
    assert lnum.value == [1.5, None] and lstate.numeric_states == [1, None, 0, 5]
    assert lstate.string_states == ["open", None, "closed", None] and lstate.status_symbol[2] == "Uncertain"
    assert lstate.dump()["datapoints"][1] == {"timestamp": 10, "status": {"code": BAD, "symbol": "Bad"}}


def test_state_parts_ask_for_json_and_are_not_packed_with_others() -> None:
    """A fake CDF giving two datapoints per item and request: after the first answer, the state series is asked for
    alone and without protobuf; the numeric one keeps protobuf."""
    data = {1: list(range(0, 60, 10)), 2: list(range(0, 60, 10))}
    seen: list[tuple[list[int], bool]] = []

    def handle(request: httpx.Request) -> httpx.Response:
        body = _body(request)
        ids = [2 if "instanceId" in it else it["id"] for it in body["items"]]
        protobuf = request.headers.get("accept") == "application/protobuf"
        seen.append((ids, protobuf))
        pages = []
        for it, sid in zip(body["items"], ids, strict=True):
            pos = int(it.get("cursor", 0))
            stamps = [t for t in data[sid] if it["start"] <= t < it["end"]][pos : pos + 2]
            more = pos + 2 < len([t for t in data[sid] if it["start"] <= t < it["end"]])
            pages.append((sid, stamps, str(pos + 2) if more else None))
        if protobuf and 2 not in ids:
            out = b"".join(
                pb.encode_list_item(
                    {**NUM, "nextCursor": cur}, 3, pb.encode_numeric(np.array(ts, np.int64), [1.0] * len(ts))
                )
                for _, ts, cur in pages
            )
            return httpx.Response(200, content=out, headers={"content-type": "application/protobuf"})
        items = []
        for sid, ts, cur in pages:
            meta = {**(NUM if sid == 1 else STATE), **({"nextCursor": cur} if cur else {})}
            points = [
                {"timestamp": t, "value": 1.0} if sid == 1 else {"timestamp": t, "numericValue": t // 10} for t in ts
            ]
            items.append({**meta, "datapoints": points})
        return httpx.Response(200, json={"items": items})

    with _client(handle) as client:
        got = client.time_series.data.retrieve_arrays(id=1, instance_id=VALVE, start=0, end=60)
    assert got[0].timestamp.view("int64").tolist() == data[1] and got[1].numeric_states.tolist() == [0, 1, 2, 3, 4, 5]  # type: ignore[index]
    assert seen[0] == ([1, 2], True)
    assert all(ids == [2] and not protobuf for ids, protobuf in seen[1:] if 2 in ids)
    assert all(ids == [1] and protobuf for ids, protobuf in seen[1:] if 1 in ids)
    assert len(seen) == 5


def test_state_aggregates_parse_into_entries() -> None:
    points = [
        {"timestamp": 0, "count": 2, "durationBad": 0, "stateAggregates": [
            {"numericValue": 0, "stringValue": "closed", "stateCount": 1, "stateDuration": 400},
            {"numericValue": 1, "stringValue": "open", "stateCount": 1, "stateDuration": 600}]},
        {"timestamp": 1000, "count": 0, "durationBad": 1000, "stateAggregates": []},
    ]  # fmt: skip

    def handle(request: httpx.Request) -> httpx.Response:
        assert _body(request)["items"][0]["aggregates"] == ["stateCount", "stateDuration", "count", "durationBad"]
        return httpx.Response(200, json={"items": [{**STATE, "datapoints": points}]})

    aggs: Any = ["state_count", "state_duration", "count", "duration_bad"]
    with _client(handle) as client:
        dps = client.time_series.data.retrieve(instance_id=VALVE, start=0, end=2000, aggregates=aggs, granularity="1s")
        arr = client.time_series.data.retrieve_arrays(instance_id=VALVE, start=0, end=2000, aggregates=aggs,
                                                      granularity="1s")  # fmt: skip
    assert dps.granularity == "1s" and dps.count == [2, 0] and dps.duration_bad == [0, 1000]  # type: ignore[union-attr]
    assert dps.state_count == [[StateCount(0, "closed", 1), StateCount(1, "open", 1)], []]  # type: ignore[union-attr]
    assert dps.state_duration[0][1] == StateDuration(1, "open", 600) and dps.state_transitions is None  # type: ignore[union-attr]
    assert arr.count.dtype == np.int64 and arr.state_count.dtype == object and arr.state_count.shape == (2,)  # type: ignore[union-attr]
    assert list(arr.state_count) == dps.state_count  # type: ignore[union-attr]
    assert arr[0].state_duration == [StateDuration(0, "closed", 400), StateDuration(1, "open", 600)]  # type: ignore[union-attr]
    assert dps[1].dump() == {"timestamp": 1000, "count": 0, "durationBad": 1000, "stateCount": [], "stateDuration": []}  # type: ignore[union-attr]


def test_insert_states_requests() -> None:
    bodies: list[Any] = []
    calls = {"n": 0}

    def handle(request: httpx.Request) -> httpx.Response:
        calls["n"] += 1
        if calls["n"] == 1:
            return httpx.Response(503, json={"error": {"code": 503, "message": "busy"}})
        assert request.headers["content-type"] == "application/json"
        bodies.append(_body(request))
        return httpx.Response(200, json={})

    global_config.max_retry_backoff = 0
    long = StateDatapointsInsert(VALVE, [StateDatapointWrite(t, numeric_value=t % 2) for t in range(150_000)])
    short = StateDatapointsInsert(NodeId("s", "pump"), [
        StateDatapointWrite(0, string_value="on"), StateDatapointWrite(1, numeric_value=1, string_value="on"),
        StateDatapointWrite(2, status_code=BAD), StateDatapointWrite(3, status_symbol="BadNoData")])  # fmt: skip
    with _client(handle) as client:
        with pytest.raises(ValueError, match="bad status"):
            client.time_series.data.insert_states(StateDatapointsInsert(VALVE, [StateDatapointWrite(0, status_code=0)]))
        assert calls["n"] == 0
        client.time_series.data.insert_states([long, short, StateDatapointsInsert(NodeId("s", "empty"), [])])
    assert calls["n"] == 3  # two requests, the first sent twice (503, then retried: inserting is idempotent)
    sizes = sorted([len(i["datapoints"]) for i in b["items"]] for b in bodies)
    assert sizes == [[50_000, 4], [100_000]]
    pump = next(i for b in bodies for i in b["items"] if i["instanceId"]["externalId"] == "pump")
    assert pump["datapoints"] == [
        {"timestamp": 0, "stringValue": "on"},
        {"timestamp": 1, "numericValue": 1, "stringValue": "on"},
        {"timestamp": 2, "status": {"code": BAD}},
        {"timestamp": 3, "status": {"symbol": "BadNoData"}},
    ]


def test_wire_forms_of_state_data_classes() -> None:
    raw = Datapoints.load({**STATE, "datapoints": STATE_POINTS})
    assert raw.is_state() and raw.instance_id == VALVE and raw.numeric_states == [1, None, 0, 5]
    assert raw.string_states == ["open", None, "closed", None] and raw.status_code == [0, BAD, 0x40000000, 0]
    empty = Datapoints.load({**STATE, "datapoints": []})
    assert empty.numeric_states == [] and empty.string_states == [] and empty.value is None
    aggs = Datapoints.load({**STATE, "datapoints": [{"timestamp": 0, "count": 3, "stateAggregates": [
        {"numericValue": 1, "stringValue": "on", "stateTransitions": 2, "stateCount": 3}]}]})  # fmt: skip
    assert aggs.state_transitions == [[StateTransition(1, "on", 2)]] and aggs.state_count == [[StateCount(1, "on", 3)]]
    assert aggs.count == [3] and aggs.numeric_states is None and aggs.state_duration is None
    only_count = Datapoints.load({**STATE, "datapoints": [{"timestamp": 0, "count": 3}]})
    assert only_count.count == [3] and only_count.numeric_states is None
    latest = LatestDatapoint._load({**STATE, "datapoints": [STATE_POINTS[0]]})
    assert latest.is_state() and (latest.numeric_state, latest.string_state, latest.value) == (1, "open", None)
    assert latest.dump()["datapoints"] == [{"timestamp": 0, "numericValue": 1, "stringValue": "open"}]
    assert latest.dump(camel_case=False)["datapoints"] == [{"timestamp": 0, "numeric_value": 1, "string_value": "open"}]
    numeric = LatestDatapoint._load({**NUM, "datapoints": [{"timestamp": 0, "value": 2.0}]})
    assert numeric.numeric_state is None and numeric.dump()["datapoints"] == [{"timestamp": 0, "value": 2.0}]
    for snake, wire in (("state_count", "stateCount"), ("state_transitions", "stateTransitions"),
                        ("state_duration", "stateDuration")):  # fmt: skip
        assert to_wire_aggregate(snake) == to_wire_aggregate(wire) == wire and to_snake_aggregate(wire) == snake


def test_frames_of_state_series() -> None:
    lists = Datapoints(instance_id=VALVE, type="state", timestamp=[0, 1000, 2000], numeric_states=[1, None, 0],
                       string_states=["on", None, "off"])  # fmt: skip
    df = lists.to_pandas()
    assert list(df.columns.get_level_values("aggregate")) == ["numeric_state", "string_state"]
    assert str(df.iloc[:, 0].dtype) == "Int64" and df.iloc[:, 0].isna().tolist() == [False, True, False]
    ts = np.array([0, 1000, 2000], dtype="datetime64[ms]")
    arr = DatapointsArray(instance_id=VALVE, type="state", timestamp=ts, numeric_states=np.array([1, NO_NUMERIC_STATE, 0]),
                          string_states=np.array(["on", None, "off"], dtype=object), null_timestamps={1000})  # fmt: skip
    assert arr.to_pandas().iloc[:, 0].tolist()[::2] == [1, 0] and arr.to_pandas().iloc[:, 0].isna().tolist()[1]
    full = DatapointsArray(instance_id=VALVE, type="state", timestamp=ts[:2], numeric_states=np.array([1, 0]))
    assert str(full.to_pandas(include_aggregate_name=False).iloc[:, 0].dtype) == "int64"
    entries = [[StateDuration(0, "off", 5), StateDuration(3, "x", 1)], [], [StateDuration(3, "x", 7)]]
    agg = Datapoints(
        instance_id=VALVE, type="state", granularity="1s", timestamp=[0, 1000, 2000], state_duration=entries
    )
    expanded = agg.to_pandas()
    assert list(expanded.columns.get_level_values("aggregate")) == ["state_duration_0", "state_duration_3"]
    assert expanded.iloc[:, 0].tolist() == [5, 0, 0] and expanded.iloc[:, 1].tolist() == [1, 0, 7]
    whole = agg.to_pandas(expand_state_aggregates=False)
    assert list(whole.columns.get_level_values("aggregate")) == ["state_duration"] and whole.iloc[2, 0] == entries[2]
    only_strings = lists.to_pandas(include_numeric_states=False, include_aggregate_name=False)
    assert only_strings.columns.nlevels == 1 and only_strings.iloc[:, 0].tolist()[::2] == ["on", "off"]
