"""End to end: every Time Series API method against the emulator over real loopback HTTP, sync and async."""

from __future__ import annotations

import doctest
import warnings

import pytest

from cognite.client import AsyncCogniteClient, ClientConfig, CogniteClient
from cognite.client.data_classes import AssetWrite
from cognite.client.data_classes import filters as flt
from cognite.client.data_classes.data_modeling.ids import NodeId
from cognite.client.data_classes.time_series import (
    SortableTimeSeriesProperty,
    TimeSeries,
    TimeSeriesFilter,
    TimeSeriesList,
    TimeSeriesProperty,
    TimeSeriesSort,
    TimeSeriesUpdate,
    TimeSeriesWrite,
)
from cognite.client.exceptions import CogniteAPIError, CogniteNotFoundError
from cognite.client.testing import CDFEmulator

pytestmark = pytest.mark.e2e


def _series(asset_ids: list[int]) -> list[TimeSeriesWrite]:
    return [
        TimeSeriesWrite(
            external_id=f"ts{i}",
            name=f"sensor {i}",
            unit="degC" if i % 2 else "bar",
            unit_external_id="temperature:deg_c" if i % 2 else "pressure:bar",
            is_step=i % 3 == 0,
            asset_id=asset_ids[i % len(asset_ids)],
            metadata={"site": "oslo" if i < 10 else "bergen"},
            description=f"sensor number {i}",
        )
        for i in range(30)
    ]


def test_every_time_series_method_over_loopback(config: ClientConfig, emulator: CDFEmulator) -> None:
    client = CogniteClient(config)
    root = client.assets.create(AssetWrite(name="plant", external_id="plant"))
    kid = client.assets.create(AssetWrite(name="pump", external_id="pump", parent_external_id="plant"))
    assert root.id is not None and kid.id is not None
    created = client.time_series.create(_series([root.id, kid.id]))
    assert isinstance(created, TimeSeriesList) and len(created) == 30
    one = client.time_series.create(TimeSeriesWrite(external_id="text", is_string=True))
    assert isinstance(one, TimeSeries) and one.is_string is True
    emulator.store(config.project, "timeseries").seed(
        [{"externalId": "dm", "instanceId": {"space": "sp", "externalId": "dm"}, "isString": False, "isStep": False}]
    )

    # retrieve
    ts1 = client.time_series.retrieve(external_id="ts1")
    assert ts1 is not None and ts1.unit == "degC"
    assert client.time_series.retrieve(id=ts1.id) == ts1  # type: ignore[arg-type]
    dm = client.time_series.retrieve(instance_id=NodeId("sp", "dm"))
    assert dm is not None and dm.instance_id == NodeId("sp", "dm")
    assert client.time_series.retrieve(external_id="nope") is None
    many = client.time_series.retrieve_multiple(
        ids=[ts1.id],  # type: ignore[list-item]
        external_ids=["ts2", "ts1"],
        instance_ids=[NodeId("sp", "dm")],
    )
    assert many.as_external_ids() == ["ts1", "ts2", "ts1", "dm"]  # by id and by external id: asked twice
    with pytest.raises(CogniteNotFoundError) as err:
        client.time_series.retrieve_multiple(instance_ids=[NodeId("sp", "x")])
    assert err.value.not_found == [{"instanceId": {"space": "sp", "externalId": "x"}}]
    assert len(client.time_series.retrieve_multiple(external_ids=["x"], ignore_unknown_ids=True)) == 0

    # list and iterate
    assert len(client.time_series.list()) == 25
    assert len(client.time_series.list(limit=None, partitions=3)) == 32
    assert len(client.time_series.list(unit="degC", limit=None)) == 15
    assert len(client.time_series.list(unit_quantity="Pressure", limit=None)) == 15
    assert len(client.time_series.list(is_string=True)) == 1
    assert len(client.time_series.list(is_step=True, limit=None)) == 10
    assert len(client.time_series.list(asset_ids=[kid.id], limit=None)) == 15
    assert len(client.time_series.list(asset_external_ids=["plant"], limit=None)) == 15
    assert len(client.time_series.list(asset_subtree_external_ids=["plant"], limit=None)) == 30
    assert len(client.time_series.list(asset_subtree_ids=[kid.id], limit=None)) == 15
    assert len(client.time_series.list(metadata={"site": "oslo"}, limit=None)) == 10
    assert len(client.time_series.list(external_id_prefix="ts1", limit=None)) == 11
    assert len(client.time_series.list(created_time={"min": 0}, limit=None)) == 32
    assert len(client.time_series.list(last_updated_time={"max": 0}, limit=None)) == 0
    assert len(client.time_series.list(asset_ids=[*range(1, 200), kid.id], limit=None)) == 15
    top = client.time_series.list(
        sort=TimeSeriesSort(SortableTimeSeriesProperty.external_id, "desc"), limit=2, is_string=False
    )
    assert top.as_external_ids() == ["ts9", "ts8"]
    adv = client.time_series.list(
        advanced_filter=flt.And(flt.Equals(TimeSeriesProperty.unit, "bar"), flt.Range("created_time", gte=0)),
        limit=None,
    )
    assert len(adv) == 15
    assert sum(len(chunk) for chunk in client.time_series(chunk_size=7)) == 32  # type: ignore[arg-type,misc]
    assert [ts.external_id for ts in client.time_series(is_string=True)] == ["text"]  # type: ignore[union-attr]

    # search
    hits = client.time_series.search(name="sensor 7", limit=1)
    assert hits[0].external_id == "ts7"
    assert client.time_series.search(query="number", filter=TimeSeriesFilter(is_step=True), limit=100).as_external_ids()

    # update and upsert
    upd = client.time_series.update(
        TimeSeriesUpdate(external_id="ts1").unit.set("K").metadata.add({"k": "v"}).security_categories.add([3])
    )
    assert upd.unit == "K" and upd.metadata == {"site": "oslo", "k": "v"} and upd.security_categories == [3]
    ts1.description = None
    ts1.name = "renamed"
    replaced = client.time_series.update(ts1, mode="replace")
    assert replaced.name == "renamed" and replaced.description is None and replaced.metadata == {"site": "oslo"}
    dm_updated = client.time_series.update([TimeSeriesUpdate(instance_id=NodeId("sp", "dm")).asset_id.set(kid.id)])
    assert dm_updated[0].asset_id == kid.id
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(CogniteAPIError, match="data modeling"):
            client.time_series.update(TimeSeriesUpdate(instance_id=NodeId("sp", "dm")).name.set("x"))
    up = client.time_series.upsert([TimeSeriesWrite(external_id="ts2", name="u"), TimeSeriesWrite(external_id="new")])
    assert [t.name for t in up] == ["u", None] and up[1].id is not None

    # helpers
    assert ts1.asset().name == "pump"

    # aggregates
    assert client.time_series.aggregate_count() == 33
    assert client.time_series.aggregate_count(filter=TimeSeriesFilter(unit="bar")) == 15
    units = {r.values[0]: r.count for r in client.time_series.aggregate_unique_values(TimeSeriesProperty.unit)}
    assert units == {"bar": 15, "degC": 15}  # the replace above set ts1 back to degC
    roots = client.time_series.aggregate_unique_values(TimeSeriesProperty.asset_root_id)
    assert [(r.values, r.count) for r in roots] == [([str(root.id)], 31)]
    assert client.time_series.aggregate_cardinality_values(TimeSeriesProperty.metadata_key("site")) == 2
    assert client.time_series.aggregate_cardinality_properties(["metadata"]) == 1
    props = client.time_series.aggregate_unique_properties(["metadata"])
    assert {r.values[0]["property"][1] for r in props} == {"site"}  # type: ignore[index]

    # delete
    client.time_series.delete(external_id=["ts0", "ts1"])
    client.time_series.delete(id=[created[2].id], external_id="nope", ignore_unknown_ids=True)  # type: ignore[list-item]
    with pytest.raises(CogniteNotFoundError):
        client.time_series.delete(external_id="ts0")
    assert client.time_series.aggregate_count() == 30
    assert emulator.spec_violations == []
    client.close()


async def test_async_client_over_loopback(config: ClientConfig) -> None:
    async with AsyncCogniteClient(config) as client:
        await _async_round_trip(client)


async def _async_round_trip(client: AsyncCogniteClient) -> None:
    created = await client.time_series.create([TimeSeriesWrite(external_id=f"a{i}") for i in range(1200)])
    assert len(created) == 1200
    seen = [ts.external_id async for ts in client.time_series(external_id_prefix="a1")]  # type: ignore[union-attr]
    assert len(seen) == 1 + 10 + 100 + 200
    assert len(await client.time_series.list(limit=None, partitions=4)) == 1200
    res = await client.time_series.upsert(TimeSeriesWrite(external_id="a1", unit="m"), mode="replace")
    assert res.unit == "m" and res.is_step is False
    await client.time_series.delete(external_id=[f"a{i}" for i in range(1200)])
    assert await client.time_series.aggregate_count() == 0


def test_docstring_examples_run_against_the_emulator() -> None:
    import cognite.client._api.time_series as api_module
    import cognite.client.data_classes.time_series as classes_module

    for module in (api_module, classes_module):
        finder = doctest.DocTestFinder()
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
        tests = [t for t in finder.find(module) if t.examples]
        assert tests
        for test in tests:
            runner.run(test)
        assert runner.failures == 0, module.__name__
