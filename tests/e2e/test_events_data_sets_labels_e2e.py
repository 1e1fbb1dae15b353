"""End to end: every Events, Data Sets and Labels method, SDK against the emulator over loopback HTTP.

The emulator (``conftest.py``) validates every request and response against the CDF spec, so a wrong body fails here too.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from cognite.client import AsyncCogniteClient, ClientConfig, CogniteClient, global_config
from cognite.client.data_classes import aggregations as agg
from cognite.client.data_classes import filters as flt
from cognite.client.data_classes.assets import AssetWrite
from cognite.client.data_classes.data_sets import DataSetFilter, DataSetList, DataSetUpdate, DataSetWrite
from cognite.client.data_classes.events import (
    EndTimeFilter,
    Event,
    EventFilter,
    EventList,
    EventProperty,
    EventUpdate,
    EventWrite,
)
from cognite.client.data_classes.labels import LabelDefinitionList, LabelDefinitionWrite
from cognite.client.exceptions import CogniteAPIError, CogniteDuplicatedError, CogniteNotFoundError
from cognite.client.testing import CDFEmulator

pytestmark = pytest.mark.e2e


@pytest.fixture
def client(config: ClientConfig, emulator: CDFEmulator) -> Iterator[CogniteClient]:
    with CogniteClient(config) as c:
        yield c
    assert emulator.spec_violations == [] and emulator.invalid_requests == []


def _events(data_set_id: int, asset_ids: list[int]) -> list[EventWrite]:
    """20 events: starts 0, 10, ..., 190; odd ones end 5 ms after they start, even ones are ongoing."""
    return [
        EventWrite(
            external_id=f"e{i}",
            start_time=i * 10,
            end_time=i * 10 + 5 if i % 2 else None,
            type=f"t{i % 3}",
            subtype="sub",
            description=f"pump trip number {i}" if i < 5 else f"valve {i}",
            metadata={"site": "oslo" if i % 2 else "bergen"},
            asset_ids=[asset_ids[i % 2]],
            source="scada",
            data_set_id=data_set_id if i < 10 else None,
        )
        for i in range(20)
    ]


def test_every_events_method_over_loopback(client: CogniteClient) -> None:
    ds = client.data_sets.create(DataSetWrite(external_id="ds", name="events"))
    assert ds.id is not None
    root, child = client.assets.create(
        [AssetWrite(name="root", external_id="root"), AssetWrite(name="c", external_id="c")]
    )
    client.assets.update([AssetWrite(name="c", external_id="c")])
    assert root.id is not None and child.id is not None
    created = client.events.create(_events(ds.id, [root.id, child.id]))
    assert isinstance(created, EventList) and len(created) == 20
    one = client.events.create(Event.load({"externalId": "single", "startTime": 1000}))
    assert isinstance(one, Event) and one.id is not None

    # retrieve
    got = client.events.retrieve(external_id="e3")
    assert got is not None and got.end_time == 35 and got.asset_ids == [child.id]
    assert client.events.retrieve(id=one.id) == one
    assert client.events.retrieve(external_id="missing") is None
    assert [e.external_id for e in client.events.retrieve_multiple(external_ids=["e1", "e2"])] == ["e1", "e2"]
    with pytest.raises(CogniteNotFoundError) as err:
        client.events.retrieve_multiple(ids=[one.id], external_ids=["nope"])
    assert err.value.not_found == [{"externalId": "nope"}]
    assert len(client.events.retrieve_multiple(external_ids=["e1", "nope"], ignore_unknown_ids=True)) == 1

    # list with every filter kind
    ev = client.events
    assert len(ev.list()) == 21 and len(ev.list(limit=5)) == 5
    assert len(ev.list(limit=None, partitions=3)) == 21
    assert len(ev.list(end_time=EndTimeFilter(is_null=True), limit=None)) == 11
    assert len(ev.list(end_time={"min": 100}, limit=None)) == 5
    active = ev.list(active_at_time={"min": 100, "max": 120}, limit=None)
    assert sorted(e.external_id or "" for e in active) == sorted(["e0", "e2", "e4", "e6", "e8", "e10", "e11", "e12"])
    assert len(ev.list(start_time={"min": 50, "max": 100}, limit=None)) == 6
    assert len(ev.list(type="t1", limit=None)) == 7
    assert len(ev.list(subtype="sub", source="scada", limit=None)) == 20
    assert len(ev.list(metadata={"site": "oslo"}, limit=None)) == 10
    assert len(ev.list(asset_ids=[root.id], limit=None)) == 10
    assert len(ev.list(asset_external_ids=["c"], limit=None)) == 10
    assert len(ev.list(asset_subtree_ids=[root.id], asset_subtree_external_ids=["c"], limit=None)) == 20
    assert len(ev.list(data_set_ids=[ds.id], limit=None)) == 10
    assert len(ev.list(data_set_external_ids="ds", limit=None)) == 10
    assert len(ev.list(created_time={"min": 0}, last_updated_time={"min": 0}, limit=None)) == 21
    assert len(ev.list(external_id_prefix="e1", limit=None)) == 11
    ordered = ev.list(sort=("start_time", "desc"), type="t0", limit=3)
    assert [e.start_time for e in ordered] == [180, 150, 120]
    adv = ev.list(advanced_filter=flt.And(flt.Range(EventProperty.start_time, gte=100), flt.Equals("type", "t2")))
    assert sorted(e.start_time or 0 for e in adv) == [110, 140, 170]
    with pytest.raises(ValueError, match="sort"):
        ev.list(sort="start_time", partitions=2, limit=None)

    # iterate
    assert sum(len(chunk) for chunk in ev(chunk_size=6)) == 21
    assert [e.start_time for e in ev(type="t0", sort=("start_time", "asc"), limit=2)] == [0, 30]
    assert len(list(ev(end_time=EndTimeFilter(is_null=False), advanced_filter=flt.Exists("dataSetId")))) == 5

    # search
    hits = ev.search(description="pump trip", limit=10)
    assert {e.external_id for e in hits} == {f"e{i}" for i in range(5)}
    assert [e.external_id for e in ev.search(description="pump", filter=EventFilter(type="t1"))] == ["e1", "e4"]
    assert len(ev.search(filter={"end_time": {"is_null": True}}, limit=100)) == 11

    # update and upsert
    upd = ev.update(EventUpdate(external_id="e0").end_time.set(7).metadata.add({"k": "v"}).asset_ids.add([child.id]))
    assert upd.end_time == 7 and upd.metadata == {"site": "bergen", "k": "v"} and upd.asset_ids == [root.id, child.id]
    cleared = ev.update(EventUpdate(external_id="e0").end_time.set(None).asset_ids.remove([root.id]))
    assert cleared.end_time is None and cleared.asset_ids == [child.id]
    replaced = ev.update([EventWrite(external_id="e2", type="x")], mode="replace")
    assert replaced[0].type == "x" and replaced[0].start_time is None and replaced[0].metadata is None
    ups = ev.upsert([EventWrite(external_id="e3", subtype="new"), EventWrite(external_id="brand-new", type="n")])
    assert [e.subtype for e in ups] == ["new", None] and ups[0].type == "t0"
    with pytest.raises(CogniteDuplicatedError):
        ev.create(EventWrite(external_id="e1"))

    # aggregates
    assert ev.aggregate_count() == 22
    assert ev.aggregate_count(EventProperty.end_time) == 10
    assert ev.aggregate_count(filter=EventFilter(type="t1"), advanced_filter=flt.Exists("endTime")) == 4
    values = ev.aggregate_unique_values(property=EventProperty.type, filter={"source": "scada"})
    assert {v.values[0]: v.count for v in values} == {"t0": 7, "t1": 7, "t2": 5}  # e2 lost its source
    narrowed = ev.aggregate_unique_values(property=EventProperty.type, aggregate_filter=agg.Prefix("t"))
    assert len(narrowed) == 3
    assert ev.aggregate_cardinality_values(EventProperty.metadata_key("site")) == 2
    props = ev.aggregate_unique_properties(["metadata"])
    assert {tuple(p.values[0]["property"]) for p in props} == {("metadata", "site"), ("metadata", "k")}  # type: ignore[index]
    assert ev.aggregate_cardinality_properties(["metadata"]) == 2

    # delete
    ev.delete(external_id=["brand-new", "single"])
    ev.delete(id=[created[5].id or 0], external_id="gone", ignore_unknown_ids=True)
    with pytest.raises(CogniteNotFoundError):
        ev.delete(external_id="gone")
    assert ev.aggregate_count() == 19


async def test_async_events_data_sets_labels(config: ClientConfig, emulator: CDFEmulator) -> None:
    async with AsyncCogniteClient(config) as client:
        created = await client.events.create([EventWrite(external_id=f"a{i}", start_time=i) for i in range(2500)])
        assert len(created) == 2500
        assert len(await client.events.list(limit=None, partitions=4)) == 2500
        seen = 0
        async for chunk in client.events(chunk_size=1000, start_time={"min": 500}):
            seen += len(chunk)
        assert seen == 2000
        ds = await client.data_sets.create([DataSetWrite(external_id=f"d{i}") for i in range(23)])
        assert len(ds) == 23
        prefixed = sorted([d.external_id or "" async for d in client.data_sets(external_id_prefix="d2")])
        assert prefixed == ["d2", "d20", "d21", "d22"]  # chunks of 10 are created concurrently: any order
        lab = await client.labels.create(LabelDefinitionWrite("L", "label"))
        assert (await client.labels.retrieve("L")) == lab
        assert [x.external_id async for x in client.labels()] == ["L"]
    assert emulator.spec_violations == []


def test_every_data_sets_method_over_loopback(client: CogniteClient) -> None:
    ds = client.data_sets
    created = ds.create(
        [DataSetWrite(external_id=f"d{i}", name=f"set {i}", metadata={"n": str(i % 2)}) for i in range(15)]
    )
    assert isinstance(created, DataSetList) and len(created) == 15
    assert all(d.write_protected is False for d in created)
    protected = ds.create(DataSetWrite(external_id="p", name="protected", write_protected=True))
    assert protected.write_protected is True
    assert ds.retrieve(external_id="p") == protected
    assert ds.retrieve(id=12345) is None
    assert [d.external_id for d in ds.retrieve_multiple(ids=[protected.id or 0], external_ids=["d1"])] == ["p", "d1"]
    with pytest.raises(CogniteNotFoundError):
        ds.retrieve_multiple(external_ids=["nope"])
    assert len(ds.retrieve_multiple(external_ids=["nope", "d2"], ignore_unknown_ids=True)) == 1
    assert len(ds.list()) == 16 and len(ds.list(limit=3)) == 3
    assert [d.external_id for d in ds.list(write_protected=True)] == ["p"]
    assert len(ds.list(metadata={"n": "1"}, limit=None)) == 7
    assert len(ds.list(external_id_prefix="d1", created_time={"min": 0}, last_updated_time={"min": 0})) == 6
    assert sum(len(c) for c in ds(chunk_size=4)) == 16
    assert len(list(ds(write_protected=False, limit=2))) == 2
    assert ds.aggregate_count() == 16
    assert ds.aggregate_count(filter={"write_protected": True}) == 1
    assert ds.aggregate_count(filter=DataSetFilter(metadata={"n": "0"})) == 8
    updated = ds.update(DataSetUpdate(external_id="d0").write_protected.set(True).description.set("desc"))
    assert updated.write_protected is True and updated.description == "desc"
    renamed = ds.update([DataSetWrite(external_id="d1", name="renamed")], mode="patch")
    assert renamed[0].name == "renamed" and renamed[0].metadata == {"n": "1"}
    replaced = ds.update(DataSetWrite(external_id="d1", name="only name"), mode="replace")
    assert replaced.metadata is None and replaced.write_protected is False
    with pytest.raises(CogniteAPIError):
        ds.create(DataSetWrite(external_id="d0"))


def test_every_labels_method_over_loopback(client: CogniteClient) -> None:
    ds = client.data_sets.create(DataSetWrite(external_id="lds"))
    created = client.labels.create(
        [
            LabelDefinitionWrite(f"L{i}", f"label {i}", description="d", data_set_id=ds.id if i < 3 else None)
            for i in range(8)
        ]
    )
    assert isinstance(created, LabelDefinitionList) and len(created) == 8
    single = client.labels.create(LabelDefinitionWrite("PUMP", "Pump"))
    assert single.created_time is not None and single.as_write() == LabelDefinitionWrite("PUMP", "Pump")
    assert client.labels.retrieve("PUMP") == single
    assert client.labels.retrieve(external_id="nope") is None
    many = client.labels.retrieve(["L1", "L2"])
    assert isinstance(many, LabelDefinitionList) and many.as_external_ids() == ["L1", "L2"]
    with pytest.raises(CogniteNotFoundError):
        client.labels.retrieve(["L1", "nope"])
    assert client.labels.retrieve(["L1", "nope"], ignore_unknown_ids=True).as_external_ids() == ["L1"]
    assert len(client.labels.list()) == 9 and len(client.labels.list(limit=2)) == 2
    assert client.labels.list(name="Pump").as_external_ids() == ["PUMP"]
    assert len(client.labels.list(external_id_prefix="L", limit=None)) == 8
    assert len(client.labels.list(data_set_ids=[ds.id or 0])) == 3
    assert len(client.labels.list(data_set_external_ids="lds")) == 3
    assert sum(len(c) for c in client.labels(chunk_size=4)) == 9
    assert [x.external_id for x in client.labels(name="label 5", external_id_prefix="L", limit=None)] == ["L5"]
    assert len(list(client.labels(data_set_ids=ds.id, data_set_external_ids=["lds"]))) == 3
    with pytest.raises(CogniteDuplicatedError):
        client.labels.create(LabelDefinitionWrite("PUMP", "again"))
    client.labels.delete("PUMP")
    client.labels.delete(external_id=["L0", "L1"])
    assert len(client.labels.list(limit=None)) == 6
    with pytest.raises(CogniteAPIError):
        client.labels.delete("PUMP")


def test_fault_drill_events_create_and_list(config: ClientConfig, emulator: CDFEmulator) -> None:
    before = global_config.max_retry_backoff
    global_config.max_retry_backoff = 0
    rule = emulator.faults.add(path="*/events/list", statuses={503: 0.2, 429: 0.2})
    try:
        with CogniteClient(config) as client:
            client.events.create([EventWrite(external_id=f"f{i}") for i in range(3000)])
            listed = client.events.list(limit=None, partitions=3)
    finally:
        emulator.faults.clear()
        global_config.max_retry_backoff = before
    assert rule.injected > 0
    assert sorted(e.external_id or "" for e in listed) == sorted(f"f{i}" for i in range(3000))
