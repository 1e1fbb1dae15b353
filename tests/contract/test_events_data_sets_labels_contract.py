"""Contract tests: every request the Events, Data Sets and Labels APIs send validates against the CDF OpenAPI spec.

Each method is called with every parameter it has, so each field of each request body is checked.
"""

from __future__ import annotations

from typing import Any

import pytest

from cognite.client import AsyncCogniteClient
from cognite.client.data_classes import aggregations as agg
from cognite.client.data_classes import filters as flt
from cognite.client.data_classes.data_sets import DataSet, DataSetFilter, DataSetUpdate, DataSetWrite
from cognite.client.data_classes.events import (
    EndTimeFilter,
    Event,
    EventFilter,
    EventProperty,
    EventSort,
    EventUpdate,
    EventWrite,
    SortableEventProperty,
)
from cognite.client.data_classes.labels import LabelDefinition, LabelDefinitionWrite
from cognite.client.data_classes.shared import TimestampRange
from cognite.client.testing import SpecCheckedCDF
from cognite.client.testing._openapi import OpenAPISpec


def _event(i: int) -> dict[str, Any]:
    return {"id": i, "externalId": f"e{i}", "createdTime": 0, "lastUpdatedTime": 0}


def _data_set(i: int) -> dict[str, Any]:
    return {"id": i, "externalId": f"d{i}", "writeProtected": False, "createdTime": 0, "lastUpdatedTime": 0}


def _label(i: int) -> dict[str, Any]:
    return {"externalId": f"l{i}", "name": "n", "createdTime": 0}


class EventsDataSetsLabelsCDF(SpecCheckedCDF):
    """Answers Events, Data Sets and Labels requests with valid canned bodies."""

    items = {"/events": _event, "/datasets": _data_set, "/labels": _label}

    def answer(self, method: str, path: str, template: str, body: Any, query: dict[str, str]) -> tuple[int, Any]:
        base, _, verb = path.removeprefix("/").partition("/")
        make = self.items["/" + base]
        if verb == "aggregate":
            if (body or {}).get("aggregate") in ("uniqueValues", "uniqueProperties"):
                return 200, {"items": [{"count": 3, "values": ["x"]}]}
            return 200, {"items": [{"count": 7}]}
        if verb == "delete":
            return 200, {}
        if verb == "" and method == "POST":
            status = 200 if base == "datasets" else 201  # the spec documents 200 for creating data sets
            return status, {"items": [{**make(i + 1), **it} for i, it in enumerate(body["items"])]}
        n = len(body["items"]) if verb in ("update", "byids") else 2
        return 200, {"items": [make(i + 1) for i in range(n)]}


@pytest.fixture
def cdf(spec: OpenAPISpec) -> EventsDataSetsLabelsCDF:
    return EventsDataSetsLabelsCDF(spec)


async def test_every_events_request_matches_the_spec(client: AsyncCogniteClient, cdf: EventsDataSetsLabelsCDF) -> None:
    ev = client.events
    await ev.retrieve(id=1)
    await ev.retrieve(external_id="x")
    await ev.retrieve_multiple(ids=[1, 2], external_ids=["x"], ignore_unknown_ids=True)
    full_filter: dict[str, Any] = {
        "start_time": {"min": 0, "max": 10},
        "end_time": EndTimeFilter(min=1, max=20),
        "active_at_time": TimestampRange(min=5),
        "type": "t",
        "subtype": "s",
        "metadata": {"k": "v"},
        "asset_ids": [1],
        "asset_external_ids": ["a"],
        "asset_subtree_ids": [1],
        "asset_subtree_external_ids": ["r"],
        "data_set_ids": [5],
        "data_set_external_ids": ["ds"],
        "source": "src",
        "created_time": {"min": 0},
        "last_updated_time": {"max": 10},
        "external_id_prefix": "e",
    }
    await ev.list(
        **full_filter,
        sort=[EventSort(SortableEventProperty.start_time, "desc", "last"), ("metadata", "asc")],
        limit=10,
        advanced_filter=flt.And(
            flt.Equals(EventProperty.type, "t"),
            flt.Range(EventProperty.start_time, gte=0),
            flt.ContainsAny(EventProperty.asset_ids, [1, 2]),
            flt.Not(flt.Prefix(EventProperty.external_id, "x")),
        ),
    )
    await ev.list(end_time=EndTimeFilter(is_null=True), limit=None, partitions=2)
    async for _ in ev(chunk_size=2, limit=4, **full_filter, sort="start_time", advanced_filter=flt.Exists("source")):
        pass
    await ev.search(description="pump", filter=EventFilter(type="t", end_time={"is_null": False}), limit=5)
    await ev.search(filter={"asset_subtree_ids": [{"id": 1}]})
    await ev.create([EventWrite(external_id="x", start_time=0, end_time=1, asset_ids=[1], metadata={"a": "b"})])
    await ev.create(Event(id=3, external_id="y", type="t", created_time=0, last_updated_time=0))
    await ev.update(
        EventUpdate(id=1).type.set("t").end_time.set(None).asset_ids.add([2]).metadata.remove(["k"]).source.set("s")
    )
    for mode in ("replace", "patch", "replace_ignore_null"):
        await ev.update(EventWrite(external_id="x", type="t", asset_ids=[1], metadata={"a": "b"}), mode=mode)  # type: ignore[arg-type]
    await ev.upsert([EventWrite(external_id="x", subtype="s")], mode="replace")
    await ev.delete(id=[1], external_id=["x"], ignore_unknown_ids=True)
    await ev.aggregate_count()
    await ev.aggregate_count(EventProperty.end_time, advanced_filter=flt.Exists("type"), filter=EventFilter(type="t"))
    await ev.aggregate_unique_values(
        filter={"source": "s"}, property=EventProperty.type, advanced_filter=flt.In("type", ["a"]),
        aggregate_filter=agg.Prefix("a"),
    )  # fmt: skip
    await ev.aggregate_cardinality_values(EventProperty.metadata_key("k"), aggregate_filter=agg.Prefix("x"))
    await ev.aggregate_unique_properties(["metadata"], filter=EventFilter(source="s"))
    await ev.aggregate_cardinality_properties(["metadata"], advanced_filter=flt.Exists("metadata"))
    assert cdf.errors == []
    assert {p for _, p in cdf.seen} >= {f"/events{s}" for s in ("", "/list", "/byids", "/search", "/update")}
    assert {"/events/delete", "/events/aggregate"} <= {p for _, p in cdf.seen}


async def test_every_data_sets_request_matches_the_spec(
    client: AsyncCogniteClient, cdf: EventsDataSetsLabelsCDF
) -> None:
    ds = client.data_sets
    await ds.retrieve(id=1)
    await ds.retrieve_multiple(ids=[1], external_ids=["d"], ignore_unknown_ids=True)
    kwargs: dict[str, Any] = {
        "metadata": {"k": "v"},
        "created_time": {"min": 0},
        "last_updated_time": TimestampRange(max=5),
        "external_id_prefix": "d",
        "write_protected": True,
    }
    await ds.list(**kwargs, limit=None)
    async for _ in ds(chunk_size=1, **kwargs, limit=3):
        pass
    await ds.aggregate_count()
    await ds.aggregate_count(filter=DataSetFilter(**kwargs))
    await ds.aggregate_count(filter={"write_protected": False})
    await ds.create([DataSetWrite("d", "n", "desc", {"k": "v"}, True) for _ in range(12)])
    await ds.create(DataSet(id=1, external_id="d2", name="n", write_protected=False))
    await ds.update(DataSetUpdate(id=1).name.set("n").description.set(None).metadata.add({"a": "b"}))
    await ds.update(DataSetUpdate(external_id="d").write_protected.set(False).external_id.set(None))
    for mode in ("replace", "patch", "replace_ignore_null"):
        await ds.update(DataSetWrite("d", "n", metadata={"a": "b"}), mode=mode)  # type: ignore[arg-type]
    assert cdf.errors == []
    assert {p for _, p in cdf.seen} == {f"/datasets{s}" for s in ("", "/list", "/byids", "/update", "/aggregate")}


async def test_every_labels_request_matches_the_spec(client: AsyncCogniteClient, cdf: EventsDataSetsLabelsCDF) -> None:
    lb = client.labels
    await lb.retrieve("l1")
    await lb.retrieve(["l1", "l2"], ignore_unknown_ids=True)
    await lb.list(name="n", external_id_prefix="l", data_set_ids=[1], data_set_external_ids=["d"], limit=None)
    async for _ in lb(chunk_size=1, name="n", external_id_prefix="l", limit=2, data_set_ids=1):
        pass
    await lb.create([LabelDefinitionWrite("l", "n", description="d", data_set_id=1)])
    await lb.create(LabelDefinition(external_id="l2", name="n", created_time=0))
    await lb.delete(["l", "l2"])
    assert cdf.errors == []
    assert {p for _, p in cdf.seen} == {f"/labels{s}" for s in ("", "/list", "/byids", "/delete")}


def test_the_validator_catches_bad_bodies(spec: OpenAPISpec) -> None:
    assert spec.request_errors("POST", "/labels", {"items": [{"externalId": "no-name"}]})
    assert spec.request_errors("POST", "/datasets", {"items": [{"name": "x"}] * 11})
    assert spec.request_errors("POST", "/events/list", {"filter": {"assetIds": ["1"]}})
