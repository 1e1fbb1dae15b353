"""Contract tests: every request the Time Series API sends validates against the CDF OpenAPI spec, and the
canned responses it decodes do too."""

from __future__ import annotations

from typing import Any

import pytest

from cognite.client import AsyncCogniteClient
from cognite.client.data_classes import aggregations as agg
from cognite.client.data_classes import filters as flt
from cognite.client.data_classes.data_modeling.ids import NodeId
from cognite.client.data_classes.shared import TimestampRange
from cognite.client.data_classes.time_series import (
    SortableTimeSeriesProperty,
    TimeSeries,
    TimeSeriesFilter,
    TimeSeriesProperty,
    TimeSeriesSort,
    TimeSeriesUpdate,
    TimeSeriesWrite,
)
from cognite.client.testing import SpecCheckedCDF
from cognite.client.testing._openapi import OpenAPISpec

TS = {"id": 1, "externalId": "x", "isString": False, "isStep": False, "type": "numeric", "createdTime": 0,
      "lastUpdatedTime": 0}  # fmt: skip


class TimeSeriesCDF(SpecCheckedCDF):
    """Answers Time Series requests with bodies the spec allows."""

    def answer(self, method: str, path: str, template: str, body: Any, query: dict[str, str]) -> tuple[int, Any]:
        if path.endswith("/aggregate"):
            if body.get("aggregate") in ("uniqueValues", "uniqueProperties"):
                return 200, {"items": [{"count": 3, "values": ["x"]}]}
            return 200, {"items": [{"count": 7}]}
        if path.endswith("/delete"):
            return 200, {}
        if path == "/timeseries":
            return 201, {"items": [{**TS, "id": i + 1} for i in range(len(body["items"]))]}
        if path.endswith(("/update", "/byids")):
            return 200, {"items": [{**TS, "id": i + 1} for i in range(len(body["items"]))]}
        return 200, {"items": [TS, {**TS, "id": 2, "instanceId": {"space": "s", "externalId": "x"}}]}


@pytest.fixture
def cdf(spec: OpenAPISpec) -> TimeSeriesCDF:
    return TimeSeriesCDF(spec)


async def test_every_time_series_request_matches_the_spec(client: AsyncCogniteClient, cdf: TimeSeriesCDF) -> None:
    api = client.time_series
    await api.retrieve(id=1)
    await api.retrieve(external_id="x")
    await api.retrieve(instance_id=NodeId("s", "x"))
    await api.retrieve_multiple(ids=[1], external_ids=["x"], instance_ids=[NodeId("s", "y")], ignore_unknown_ids=True)
    await api.list(
        name="n",
        unit="u",
        unit_external_id="temperature:deg_c",
        unit_quantity="Temperature",
        is_string=False,
        is_step=True,
        asset_ids=list(range(1, 150)),
        asset_external_ids=["a"],
        asset_subtree_ids=[1],
        asset_subtree_external_ids=["r"],
        data_set_ids=[5],
        data_set_external_ids=["d"],
        metadata={"k": "v"},
        external_id_prefix="p",
        created_time={"min": 0, "max": 10},
        last_updated_time=TimestampRange(min=1),
        limit=10,
        advanced_filter=flt.And(flt.Equals(TimeSeriesProperty.is_step, True), flt.Search("query", "pump")),
        sort=[TimeSeriesSort(SortableTimeSeriesProperty.name, "desc", "last"), ("external_id", "asc")],
    )
    await api.list(limit=None, partitions=2, advanced_filter={"in": {"property": ["unit"], "values": ["m"]}})
    async for _ in api(chunk_size=2, limit=4, asset_ids=[1], sort="created_time"):
        pass
    await api.search(name="pump", description="d", query="q", filter=TimeSeriesFilter(is_string=False), limit=5)
    await api.create([TimeSeriesWrite(external_id="x", name="n", is_string=False, metadata={"a": "b"},
                                      unit="m", unit_external_id="length:m", asset_id=1, is_step=True,
                                      description="d", security_categories=[1], data_set_id=2)])  # fmt: skip
    await api.create(TimeSeries(id=1, external_id="y", created_time=0, instance_id=NodeId("s", "y")))
    await api.update(
        TimeSeriesUpdate(id=1).name.set("y").metadata.add({"k": "v"}).metadata.remove(["old"]).unit.set(None)
        .unit_external_id.set("length:m").asset_id.set(3).is_step.set(True).description.set("d")
        .security_categories.add([1]).security_categories.remove([2]).data_set_id.set(None).external_id.set("z")
    )  # fmt: skip
    await api.update(TimeSeriesUpdate(instance_id=NodeId("s", "x")).metadata.set({}).data_set_id.set(4))
    await api.update(TimeSeriesWrite(external_id="x", name="n", metadata={"a": "b"}), mode="patch")
    await api.update([TimeSeries(id=1, name="n", instance_id=NodeId("s", "x"))], mode="replace")
    await api.update(TimeSeries(id=1, name="n", is_step=False), mode="replace")
    await api.upsert([TimeSeriesWrite(external_id="x", name="n")], mode="replace")
    await api.delete(id=[1], external_id=["x"], ignore_unknown_ids=True)
    await api.aggregate_count()
    await api.aggregate_count(advanced_filter=flt.Exists(TimeSeriesProperty.unit), filter=TimeSeriesFilter(unit="m"))
    await api.aggregate_unique_values(TimeSeriesProperty.asset_root_id, aggregate_filter=agg.Prefix("a"))
    await api.aggregate_cardinality_values(TimeSeriesProperty.metadata_key("k"))
    await api.aggregate_unique_properties(["metadata"])
    await api.aggregate_cardinality_properties(["metadata"])
    assert cdf.errors == []
    assert {f"{method} {template}" for method, template in cdf.seen} == {
        f"POST /timeseries{suffix}" for suffix in ("", "/byids", "/list", "/search", "/update", "/delete", "/aggregate")
    }
