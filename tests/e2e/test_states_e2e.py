"""End to end: state time series through the SDK against the (spec-validating) emulator over loopback HTTP: insert_states,
retrieve / retrieve_arrays / retrieve_dataframe / retrieve_latest / iteration, raw and aggregates, dense series across
many requests, series of every type in one call, with and without numpy decoding."""

from __future__ import annotations

import doctest
from collections.abc import Iterator
from typing import Any

import numpy as np
import pandas as pd
import pytest

from cognite.client import ClientConfig, CogniteClient
from cognite.client.data_classes import TimeSeriesWrite
from cognite.client.data_classes.data_modeling.ids import NodeId
from cognite.client.data_classes.datapoints import (
    Datapoints,
    DatapointsArray,
    DatapointsQuery,
    LatestDatapointQuery,
    StateCount,
    StateDatapointsInsert,
    StateDatapointWrite,
    StateDuration,
    StateTransition,
)
from cognite.client.exceptions import CogniteAPIError
from cognite.client.testing import CDFEmulator, emulated_client
from cognite.client.testing._datapoints import Buckets, _timezone
from cognite.client.testing._states import reference_state_aggregates

pytestmark = pytest.mark.e2e

VALVE = NodeId("plant", "valve")
STATES = [(0, "closed"), (1, "open"), (7, "fault")]
NAMES = dict(STATES)
BAD, UNCERTAIN = 0x80000000, 0x40000000
CLASSES = {"state_count": StateCount, "state_transitions": StateTransition, "state_duration": StateDuration}


@pytest.fixture
def client(config: ClientConfig, emulator: CDFEmulator) -> Iterator[CogniteClient]:
    emulator.seed_state_time_series(VALVE, STATES, project=config.project, external_id="valve")
    c = CogniteClient(config)
    yield c
    c.close()
    assert emulator.spec_violations == [] and emulator.invalid_requests == []


def _points(seed: int, n: int, span: int) -> list[tuple[int, int | None, int]]:
    rng = np.random.default_rng(seed)
    stamps = np.sort(rng.choice(span, size=n, replace=False)).tolist()
    out: list[tuple[int, int | None, int]] = []
    state = 0
    for t in stamps:
        if rng.random() < 0.3:
            state = STATES[int(rng.integers(len(STATES)))][0]
        code = int(rng.choice([0, 0, 0, 0, UNCERTAIN, BAD]))
        out.append((int(t), None if code == BAD and rng.random() < 0.5 else state, code))
    return out


def _writes(points: list[tuple[int, int | None, int]]) -> list[StateDatapointWrite]:
    return [
        StateDatapointWrite(
            t,
            numeric_value=s if t % 3 else None,
            string_value=None if s is None or t % 3 == 1 else NAMES[s],
            status_code=code or None,
        )
        for t, s, code in points
    ]


def test_insert_states_and_read_back_every_way(client: CogniteClient, monkeypatch: pytest.MonkeyPatch) -> None:
    data = client.time_series.data
    data.insert_states(
        StateDatapointsInsert(
            VALVE,
            [
                StateDatapointWrite(0, numeric_value=1),
                StateDatapointWrite(10, string_value="closed"),
                StateDatapointWrite(20, status_symbol="Bad"),
                StateDatapointWrite(30, numeric_value=7, string_value="fault", status_code=UNCERTAIN),
                StateDatapointWrite(40, numeric_value=1),
            ],
        )
    )
    dps = data.retrieve(instance_id=VALVE, start=0, end=100, include_status=True, ignore_bad_datapoints=False,
                        treat_uncertain_as_bad=False)  # fmt: skip
    assert isinstance(dps, Datapoints) and dps.is_state() and dps.type == "state" and dps.is_step
    assert dps.timestamp == [0, 10, 20, 30, 40] and dps.value is None
    assert dps.numeric_states == [1, 0, None, 7, 1]
    assert dps.string_states == ["open", "closed", None, "fault", "open"]
    assert dps.status_code == [0, 0, BAD, UNCERTAIN, 0]
    assert dps.status_symbol == ["Good", "Good", "Bad", "Uncertain", "Good"]
    assert dps[2].numeric_state is None and dps[3].string_state == "fault" and dps.instance_id == VALVE
    arr = data.retrieve_arrays(instance_id=VALVE, start=0, end=100, ignore_bad_datapoints=False)
    assert isinstance(arr, DatapointsArray) and arr.numeric_states.dtype == np.int64
    assert arr.timestamp.view("int64").tolist() == [0, 10, 20, 30, 40] and arr.null_timestamps == {20}
    assert arr.string_states.tolist() == ["open", "closed", None, "fault", "open"] and arr[2].numeric_state is None
    assert arr.numeric_states[[0, 1, 3, 4]].tolist() == [1, 0, 7, 1]
    default = data.retrieve(external_id="valve", start=0, end=100)
    assert default.numeric_states == [1, 0, 1] and default.timestamp == [0, 10, 40]  # type: ignore[union-attr]
    outside = data.retrieve(instance_id=VALVE, start=5, end=35, include_outside_points=True)
    assert outside.timestamp == [0, 10, 40] and outside.string_states == ["open", "closed", "open"]  # type: ignore[union-attr]
    # without numpy the fetcher asks for JSON and builds the same lists
    monkeypatch.setattr("cognite.client._api.datapoints._numpy_available", lambda: False)
    plain = data.retrieve(instance_id=VALVE, start=0, end=100, include_status=True, ignore_bad_datapoints=False,
                          treat_uncertain_as_bad=False)  # fmt: skip
    assert plain.dump() == dps.dump()  # type: ignore[union-attr]
    outside_plain = data.retrieve(instance_id=VALVE, start=5, end=35, include_outside_points=True)
    assert outside_plain.dump() == outside.dump()  # type: ignore[union-attr]


def test_state_and_other_series_in_one_call(client: CogniteClient, emulator: CDFEmulator, config: ClientConfig) -> None:
    data = client.time_series.data
    client.time_series.create([TimeSeriesWrite(external_id="num"), TimeSeriesWrite(external_id="str", is_string=True)])
    ts = np.arange(0, 30_000, dtype=np.int64)
    data.insert(DatapointsArray(timestamp=ts.view("datetime64[ms]"), value=ts * 0.5), external_id="num")
    data.insert([(0, "a"), (5, "b")], external_id="str")
    points = [(int(t), int(t // 1000 % 3 == 2) * 7 + int(t // 1000 % 3 == 1), 0) for t in range(0, 30_000, 10)]
    data.insert_states(StateDatapointsInsert(VALVE, _writes(points)))
    emulator.counters.reset()
    got = data.retrieve_arrays(external_id=["num", "str"], instance_id=[VALVE], start=0, end=30_000)
    assert [g.type for g in got] == ["numeric", "string", "state"]  # type: ignore[union-attr]
    assert (got[0].value == ts * 0.5).all() and got[1].value.tolist() == ["a", "b"]  # type: ignore[index]
    assert got[2].numeric_states.tolist() == [s for _, s, _ in points]  # type: ignore[index]
    assert got[2].string_states.tolist() == [NAMES[s] for _, s, _ in points]  # type: ignore[index]
    lists = data.retrieve(external_id=["num", "str"], instance_id=[VALVE], start=0, end=30_000, limit=5)
    assert [len(x) for x in lists] == [5, 2, 5] and lists[2].numeric_states == [0] * 5  # type: ignore[index, union-attr]
    latest = data.retrieve_latest(external_id=["num", "str"], instance_id=[VALVE, NodeId("plant", "nope")],
                                  ignore_unknown_ids=True)  # fmt: skip
    assert [x.is_state() for x in latest] == [False, False, True]  # type: ignore[union-attr]
    assert latest[2].numeric_state == 7 and latest[2].string_state == "fault" and latest[2].timestamp_ms == 29_990  # type: ignore[index]
    assert latest[0].value == 29_999 * 0.5 and latest[2].value is None  # type: ignore[index]


@pytest.fixture
def fast() -> Iterator[tuple[CogniteClient, CDFEmulator]]:
    """A client over loopback to an emulator that does not validate (checking 100,000-point bodies is slow)."""
    emulator = CDFEmulator(seed=4)
    emulator.seed_state_time_series(VALVE, STATES, external_id="valve")
    with emulated_client(emulator=emulator, over_http=True) as client:
        yield client, emulator


def test_dense_state_series_across_many_requests(fast: tuple[CogniteClient, CDFEmulator]) -> None:
    client, emulator = fast
    n = 240_000
    rng = np.random.default_rng(3)
    states = rng.choice([0, 1, 7], size=n).tolist()
    writes = [StateDatapointWrite(t, numeric_value=s) for t, s in enumerate(states)]
    emulator.counters.reset()
    client.time_series.data.insert_states([StateDatapointsInsert(VALVE, writes)])
    assert emulator.counters.by_route["POST /timeseries/data"] == 3  # split within 100,000 datapoints per request
    emulator.counters.reset()
    arr = client.time_series.data.retrieve_arrays(instance_id=VALVE, start=0, end=n)
    assert emulator.counters.by_route["POST /timeseries/data/list"] >= 3
    assert len(arr) == n and (arr.timestamp.view("int64") == np.arange(n)).all()  # type: ignore[union-attr, arg-type]
    assert arr.numeric_states.tolist() == states  # type: ignore[union-attr]
    chunks = list(
        client.time_series.data(DatapointsQuery(instance_id=VALVE, start=0, end=n), chunk_size_datapoints=100_000)
    )
    assert [len(c) for c in chunks] == [100_000, 100_000, 40_000] and all(c.is_state() for c in chunks)  # type: ignore[union-attr]
    assert np.concatenate([c.numeric_states for c in chunks]).tolist() == states  # type: ignore[union-attr]
    client.time_series.data.delete_range(0, n - 10, instance_id=VALVE)
    assert client.time_series.data.retrieve(instance_id=VALVE, start=0, end=n).numeric_states == states[-10:]  # type: ignore[union-attr]


def test_aggregates_against_the_reference(client: CogniteClient) -> None:
    points = _points(1, 3000, 50_000_000)
    client.time_series.data.insert_states(StateDatapointsInsert(VALVE, _writes(points)))
    for uncertain_bad in (True, False):
        _check_aggregates(client, points, uncertain_bad)


def _check_aggregates(client: CogniteClient, points: list[tuple[int, int | None, int]], uncertain_bad: bool) -> None:
    aggs = ["state_count", "state_transitions", "state_duration", "count", "count_bad", "duration_good"]
    wire = ["stateCount", "stateTransitions", "stateDuration", "count", "countBad", "durationGood"]
    buckets = Buckets(0, "10m", _timezone(None))
    bounds = list(range(0, buckets.align_end(50_000_000) + 1, buckets.width))
    query = DatapointsQuery(instance_id=VALVE, treat_uncertain_as_bad=uncertain_bad, limit=None)
    dps = client.time_series.data.retrieve(
        instance_id=query, start=0, end=50_000_000, aggregates=aggs, granularity="10m"
    )
    arr = client.time_series.data.retrieve_arrays(instance_id=query, start=0, end=50_000_000, aggregates=aggs,
                                                  granularity="10m")  # fmt: skip
    assert dps.timestamp == arr.timestamp.view("int64").tolist() and len(dps) == 84  # type: ignore[union-attr]
    for snake, name in zip(aggs, wire, strict=True):
        expected = reference_state_aggregates(points, 0, bounds[-1], bounds, name, uncertain_bad)
        col = getattr(dps, snake)
        if snake.startswith("state_"):
            assert all(isinstance(e, CLASSES[snake]) for row in col for e in row)
            got = [{e.numeric_value: getattr(e, snake) for e in row if getattr(e, snake)} for row in col]
            assert [[e.string_value for e in row] for row in col] == [
                [NAMES[e.numeric_value] for e in row] for row in col
            ]
            assert getattr(arr, snake).dtype == object and list(getattr(arr, snake)) == col
        else:
            got = col
            assert getattr(arr, snake).dtype == np.int64 and getattr(arr, snake).tolist() == col
        assert dict(zip(dps.timestamp, got, strict=True)) == expected, snake  # type: ignore[union-attr]
    iterated = DatapointsQuery(instance_id=VALVE, start=0, end=50_000_000, aggregates=aggs, granularity="10m",
                               treat_uncertain_as_bad=uncertain_bad)  # fmt: skip
    chunks = list(client.time_series.data(iterated, chunk_size_datapoints=30))
    assert [len(c) for c in chunks] == [30, 30, 24]  # type: ignore[arg-type]
    assert [row for c in chunks for row in c.state_duration] == list(arr.state_duration)  # type: ignore[union-attr]


def test_dataframes_of_state_series(client: CogniteClient) -> None:
    data = client.time_series.data
    client.time_series.create([TimeSeriesWrite(external_id="num")])
    data.insert([(0, 1.0), (60_000, 2.0)], external_id="num")
    data.insert_states(StateDatapointsInsert(VALVE, [StateDatapointWrite(0, numeric_value=1),
                                                     StateDatapointWrite(30_000, status_code=BAD),
                                                     StateDatapointWrite(60_000, string_value="fault")]))  # fmt: skip
    df = data.retrieve_dataframe(instance_id=VALVE, start=0, end=100_000, ignore_bad_datapoints=False)
    assert list(df.columns) == [(VALVE, "numeric_state"), (VALVE, "string_state")]
    assert df.columns.names == ["identifier", "aggregate"]
    assert str(df[(VALVE, "numeric_state")].dtype) == "Int64" and df[(VALVE, "numeric_state")].isna().tolist() == [
        False,
        True,
        False,
    ]
    strings = df[(VALVE, "string_state")]
    assert strings.isna().tolist() == [False, True, False] and strings.iloc[[0, 2]].tolist() == ["open", "fault"]
    # both state columns keep the aggregate level, also without include_aggregate_name; one column needs none
    df = data.retrieve_dataframe(
        instance_id=VALVE, external_id="num", start=0, end=100_000, include_aggregate_name=False
    )
    assert list(df.columns.get_level_values("identifier")) == ["num", VALVE, VALVE]
    assert list(df.columns.get_level_values("aggregate")[1:]) == ["numeric_state", "string_state"]
    df = data.retrieve_dataframe(instance_id=VALVE, start=0, end=100_000, include_string_states=False,
                                 include_aggregate_name=False)  # fmt: skip
    assert (
        df.columns.nlevels == 1 and list(df.columns.get_level_values(0)) == [VALVE] and df.iloc[:, 0].tolist() == [1, 7]
    )
    assert data.retrieve_dataframe(instance_id=VALVE, start=0, end=100_000, include_numeric_states=False,
                                   include_string_states=False).empty  # fmt: skip
    aggs: Any = ["state_count", "state_duration", "count"]
    df = data.retrieve_dataframe(instance_id=VALVE, start=0, end=120_000, aggregates=aggs, granularity="1m")
    assert list(df.columns.get_level_values("aggregate")) == [
        "count", "state_count_1", "state_count_7", "state_duration_1", "state_duration_7",
    ]  # fmt: skip
    assert df[(VALVE, "state_count_1")].tolist() == [1, 0] and df[(VALVE, "state_duration_1")].tolist() == [30_000, 0]
    assert df.index.tolist() == [pd.Timestamp(0), pd.Timestamp(60_000, unit="ms")]
    lists = data.retrieve_dataframe(instance_id=VALVE, start=0, end=120_000, aggregates=aggs, granularity="1m",
                                    expand_state_aggregates=False)  # fmt: skip
    assert list(lists.columns.get_level_values("aggregate")) == ["count", "state_count", "state_duration"]
    assert lists[(VALVE, "state_duration")].iloc[0] == [StateDuration(1, "open", 30_000)]


def test_latest_of_state_series(client: CogniteClient) -> None:
    data = client.time_series.data
    data.insert_states(StateDatapointsInsert(VALVE, [StateDatapointWrite(0, numeric_value=1),
                                                     StateDatapointWrite(10, status_code=BAD)]))  # fmt: skip
    latest = data.retrieve_latest(instance_id=VALVE)
    assert latest is not None and latest.is_state() and latest.timestamp_ms == 0
    assert (latest.numeric_state, latest.string_state, latest.value) == (1, "open", None)
    assert latest.dump()["datapoints"] == [{"timestamp": 0, "numericValue": 1, "stringValue": "open"}]
    bad = data.retrieve_latest(instance_id=LatestDatapointQuery(instance_id=VALVE, ignore_bad_datapoints=False),
                               include_status=True)  # fmt: skip
    assert bad.timestamp_ms == 10 and bad.numeric_state is None and bad.status_code == BAD  # type: ignore[union-attr]
    assert not data.retrieve_latest(instance_id=VALVE, before=0)
    assert latest.to_pandas().iloc[0, 0] == 1


def test_insert_states_errors(client: CogniteClient, emulator: CDFEmulator) -> None:
    data = client.time_series.data
    emulator.counters.reset()
    with pytest.raises(ValueError, match="needs numeric_value or string_value"):
        data.insert_states(StateDatapointsInsert(VALVE, [StateDatapointWrite(0)]))
    with pytest.raises(TypeError):
        data.insert_states([{"instance_id": VALVE}])  # type: ignore[list-item]
    data.insert_states([])
    data.insert_states(StateDatapointsInsert(VALVE, []))
    assert emulator.counters.requests == 0  # nothing was sent
    with pytest.raises(CogniteAPIError) as err:
        data.insert_states(StateDatapointsInsert(VALVE, [StateDatapointWrite(5, numeric_value=3)]))
    assert err.value.code == 400 and "not a state" in err.value.message
    assert err.value.failed == [{"instanceId": {"space": "plant", "externalId": "valve"}, "count": 1,
                                 "first_timestamp": 5, "last_timestamp": 5}]  # fmt: skip
    client.time_series.create([TimeSeriesWrite(external_id="num")])
    with pytest.raises(CogniteAPIError, match="not supported for state time series"):
        data.retrieve(instance_id=VALVE, aggregates="average", granularity="1h")
    with pytest.raises(CogniteAPIError):
        data.retrieve(external_id="num", aggregates="state_count", granularity="1h")


def test_docstring_examples_of_state_helpers_run() -> None:
    import cognite.client.testing._states as emulator_states
    from cognite.client._api.datapoints import DatapointsAPI

    finder = doctest.DocTestFinder()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    found = [*finder.find(DatapointsAPI.insert_states, "insert_states"), *finder.find(emulator_states)]
    found += finder.find(CDFEmulator.seed_state_time_series, "seed_state_time_series")
    tests = [t for t in found if t.examples]
    assert len(tests) == 3
    for test in tests:
        runner.run(test)
    assert runner.failures == 0
