"""End to end: every datapoints method against the emulator over loopback HTTP, many cursors, dense and sparse
series, aggregates against the reference computation, and a 1M-point round trip under injected faults."""

from __future__ import annotations

import doctest
from collections.abc import Iterator

import numpy as np
import pytest

from cognite.client import ClientConfig, CogniteClient, global_config
from cognite.client.credentials import Token
from cognite.client.data_classes import TimeSeriesWrite
from cognite.client.data_classes.datapoints import DatapointsArray, DatapointsQuery, LatestDatapointQuery
from cognite.client.testing import CDFEmulator
from cognite.client.testing._datapoints import reference_aggregates

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def emulator() -> CDFEmulator:
    return CDFEmulator(seed=11)


@pytest.fixture(scope="module")
def server(emulator: CDFEmulator) -> Iterator[object]:
    with emulator.serve() as srv:
        yield srv


@pytest.fixture
def client(server: object, request: pytest.FixtureRequest) -> Iterator[CogniteClient]:
    project = "dp-" + request.node.name.replace("_", "-")[:40].lower()
    c = CogniteClient(ClientConfig("e2e", project, Token("t"), base_url=server.url))  # type: ignore[attr-defined]
    yield c
    c.close()


def test_every_method_over_loopback(client: CogniteClient) -> None:
    data = client.time_series.data
    client.time_series.create(
        [TimeSeriesWrite(external_id=x) for x in ("dense", "sparse")]
        + [TimeSeriesWrite(external_id="str", is_string=True)]
    )
    ts_id = client.time_series.retrieve(external_id="sparse").id  # type: ignore[union-attr]
    dense = np.arange(250_000, dtype=np.int64) * 10
    data.insert(DatapointsArray(timestamp=dense.view("datetime64[ms]"), value=np.cos(dense / 1e4)), external_id="dense")
    data.insert_multiple([{"id": ts_id, "datapoints": [(t, float(t)) for t in range(0, 2_500_000, 100_000)]},
                          {"external_id": "str", "datapoints": [{"timestamp": 5, "value": "on"}]}])  # fmt: skip
    both = data.retrieve_arrays(external_id=["dense"], id=[ts_id], start=0, end=2_500_000)
    assert [len(x) for x in both] == [25, 250_000]  # ids first, then external ids
    assert (both[1].timestamp.view("int64") == dense).all()
    assert np.allclose(both[1].value, np.cos(dense / 1e4))
    lists = data.retrieve(external_id=DatapointsQuery(external_id="dense", limit=5), id=ts_id, start=0, end=2_500_000)
    assert len(lists[1]) == 5 and lists[0].value[:2] == [0.0, 100_000.0]  # type: ignore[index]
    outside = data.retrieve(external_id="sparse", start=150_000, end=350_000, include_outside_points=True)
    assert outside.timestamp == [100_000, 200_000, 300_000, 400_000]  # type: ignore[union-attr]
    aggs = data.retrieve(external_id="dense", start=0, end=2_500_000, aggregates=["average", "count"], granularity="1m")
    assert sum(aggs.count) == 250_000  # type: ignore[union-attr, arg-type]
    df = data.retrieve_dataframe(external_id=["dense", "str"], start=0, end=2_500_000, limit=3)
    assert list(df.columns.get_level_values(0)) == ["dense", "str"]
    assert data.retrieve_latest(
        external_id=LatestDatapointQuery(external_id="dense", before=100)
    ).value == pytest.approx(np.cos(90 / 1e4))  # type: ignore[union-attr]
    assert data.retrieve_latest(external_id=["dense", "nope"], ignore_unknown_ids=True)[0].timestamp_ms == 2_499_990  # type: ignore[index]
    assert data.retrieve(external_id="nope", ignore_unknown_ids=True) is None
    chunks = list(data(DatapointsQuery(external_id="dense", start=0, end=2_500_000), chunk_size_datapoints=100_000))
    assert [len(c) for c in chunks] == [100_000, 100_000, 50_000]
    assert data.synthetic.query("ts{externalId='sparse'} / 1000", start=0, end=300_000).value == [0.0, 100.0, 200.0]
    data.delete_range(0, 1_000_000, external_id="sparse")
    data.delete_ranges([{"external_id": "dense", "start": 0, "end": 2_000_000}])
    assert len(data.retrieve(id=ts_id, start=0, end=2_500_000)) == 15  # type: ignore[arg-type]
    assert len(data.retrieve_arrays(external_id="dense", start=0, end=2_500_000)) == 50_000  # type: ignore[arg-type]
    import pandas as pd

    data.insert_dataframe(pd.DataFrame({"sparse": [1.0, None]}, index=pd.to_datetime([1, 2], unit="ms")))
    ts = client.time_series.retrieve(id=ts_id)
    assert ts is not None and ts.first().timestamp == 1 and ts.latest().value == 2_400_000.0 and ts.count() == 16


def test_many_sparse_series_and_aggregates_against_reference(client: CogniteClient, emulator: CDFEmulator) -> None:
    xids = [f"s{i}" for i in range(150)]
    client.time_series.create([TimeSeriesWrite(external_id=x) for x in xids])
    rng = np.random.default_rng(5)
    items = []
    for i, x in enumerate(xids):
        ts = np.sort(rng.choice(10_000_000, size=50 + i * 20, replace=False)).astype(np.int64)
        items.append(
            {"external_id": x, "datapoints": list(zip(ts.tolist(), rng.normal(size=len(ts)).tolist(), strict=True))}
        )
    client.time_series.data.insert_multiple(items)
    emulator.counters.reset()
    got = client.time_series.data.retrieve_arrays(external_id=xids, start=0, end=10_000_000)
    assert [len(g) for g in got] == [50 + i * 20 for i in range(150)]
    assert emulator.counters.by_route["POST /timeseries/data/list"] <= 4  # packed, not one request per series
    res = client.time_series.data.retrieve(
        external_id="s3", start=0, end=10_000_000, aggregates=["average", "max", "total_variation"], granularity="1h"
    )
    pts = [(t, v, 0) for t, v in items[3]["datapoints"]]
    bounds = list(range(0, 10_800_000 + 1, 3_600_000))
    for name, col in (("average", res.average), ("max", res.max), ("totalVariation", res.total_variation)):  # type: ignore[union-attr]
        expected = reference_aggregates(pts, 0, bounds[-1], bounds, name)
        assert col == pytest.approx([expected[t] for t in res.timestamp]), name  # type: ignore[union-attr]


@pytest.mark.parametrize(("ignore_bad", "uncertain_bad"), [(True, True), (False, True), (False, False)])
def test_aggregates_with_status_codes_follow_the_reference(
    client: CogniteClient, ignore_bad: bool, uncertain_bad: bool
) -> None:
    xid = f"q-{ignore_bad}-{uncertain_bad}"
    client.time_series.create([TimeSeriesWrite(external_id=xid)])
    rng = np.random.default_rng(11)
    stamps = np.sort(rng.choice(10_000_000, size=600, replace=False)).tolist()
    codes = rng.choice([0, 0, 0, 0x40000000, 0x80000000], size=600).tolist()
    values = np.round(rng.normal(size=600), 3).tolist()
    client.time_series.data.insert(list(zip(stamps, values, codes, strict=True)), external_id=xid)
    aggs = ["average", "continuous_variance", "interpolation", "step_interpolation", "total_variation", "count"]
    wire = ["average", "continuousVariance", "interpolation", "stepInterpolation", "totalVariation", "count"]
    query = DatapointsQuery(external_id=xid, ignore_bad_datapoints=ignore_bad, treat_uncertain_as_bad=uncertain_bad)
    arr = client.time_series.data.retrieve_arrays(external_id=query, start=0, end=10_000_000, aggregates=aggs,
                                                  granularity="10m")  # type: ignore[arg-type]  # fmt: skip
    bounds = list(range(0, 10_200_000 + 1, 600_000))
    points = list(zip(stamps, values, codes, strict=True))
    for snake, name in zip(aggs, wire, strict=True):
        expected = reference_aggregates(points, 0, bounds[-1], bounds, name, False, uncertain_bad, ignore_bad)
        got = getattr(arr, snake)
        assert got.tolist() == pytest.approx([expected[t] for t in arr.timestamp.astype(np.int64).tolist()]), snake


def test_one_million_points_round_trip_under_faults(client: CogniteClient, emulator: CDFEmulator) -> None:
    before = (global_config.max_retry_backoff, global_config.max_retries)
    global_config.max_retry_backoff, global_config.max_retries = 0, 30
    try:
        xids = [f"f{i}" for i in range(10)]
        client.time_series.create([TimeSeriesWrite(external_id=x) for x in xids])
        ts = np.arange(100_000, dtype=np.int64) * 1000
        arrays = [
            DatapointsArray(external_id=x, timestamp=ts.view("datetime64[ms]"), value=ts * (i + 1.0))
            for i, x in enumerate(xids)
        ]
        emulator.faults.add(
            path="/timeseries/data*", statuses={503: 0.15}, reset_after=0.1, reset_before=0.1, max_faults=40
        )
        client.time_series.data.insert_multiple(arrays)  # type: ignore[arg-type]
        got = client.time_series.data.retrieve_arrays(external_id=xids, start=0, end=ts[-1] + 1)
        assert emulator.faults.rules[0].injected > 0
        for i, arr in enumerate(got):
            assert len(arr) == 100_000
            assert (arr.timestamp.view("int64") == ts).all() and (arr.value == ts * (i + 1.0)).all()
    finally:
        emulator.faults.clear()
        global_config.max_retry_backoff, global_config.max_retries = before


def test_docstring_examples_run_against_the_emulator() -> None:
    import cognite.client._api.datapoints as api_module
    import cognite.client.data_classes.datapoints as classes_module

    for module in (api_module, classes_module):
        finder = doctest.DocTestFinder()
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
        tests = [t for t in finder.find(module) if t.examples]
        assert tests
        for test in tests:
            runner.run(test)
        assert runner.failures == 0, module.__name__
