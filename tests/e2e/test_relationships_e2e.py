"""End to end: every Relationships API method, sync and async, against the emulator over real loopback HTTP."""

from __future__ import annotations

import pytest

from cognite.client import AsyncCogniteClient, ClientConfig, CogniteClient, global_config
from cognite.client.data_classes import AssetWrite, LabelFilter
from cognite.client.data_classes.assets import Asset
from cognite.client.data_classes.relationships import (
    Relationship,
    RelationshipList,
    RelationshipUpdate,
    RelationshipWrite,
)
from cognite.client.exceptions import CogniteAPIError, CogniteNotFoundError
from cognite.client.testing import CDFEmulator

pytestmark = pytest.mark.e2e


def _links(n: int) -> list[RelationshipWrite]:
    """``n`` relationships from pump-i to tank-(i % 3), every other one labelled, confidence i/n."""
    return [
        RelationshipWrite(
            f"r{i}",
            f"pump-{i}",
            "asset",
            f"tank-{i % 3}",
            "asset",
            start_time=i * 10,
            end_time=i * 10 + 5,
            confidence=i / n,
            labels=["EVEN"] if i % 2 == 0 else None,
        )
        for i in range(n)
    ]


def test_every_relationships_method_over_loopback(config: ClientConfig, emulator: CDFEmulator) -> None:
    client = CogniteClient(config)
    api = client.relationships
    created = api.create(_links(30))
    assert isinstance(created, RelationshipList) and len(created) == 30
    one = api.create(RelationshipWrite("single", "pump-0", "asset", "ev", "event"))
    assert isinstance(one, Relationship) and one.created_time is not None

    got = api.retrieve(external_id="r1")
    assert got is not None and got.target_external_id == "tank-1" and got.labels is None
    assert api.retrieve("nope") is None
    assert api.retrieve_multiple(external_ids=["r2", "r3", "r2"]).as_external_ids() == ["r2", "r3"]
    with pytest.raises(CogniteNotFoundError) as err:
        api.retrieve_multiple(["r2", "nope"])
    assert err.value.not_found == [{"externalId": "nope"}]
    assert api.retrieve_multiple(["nope"], ignore_unknown_ids=True).as_external_ids() == []

    assert len(api.list()) == 25
    assert len(api.list(limit=None)) == 31
    assert len(api.list(limit=None, partitions=4)) == 31
    assert len(api.list(target_external_ids=["tank-0"], limit=None)) == 10
    assert api.list(source_types=["asset"], target_types=["event"]).as_external_ids() == ["single"]
    assert len(api.list(labels=LabelFilter(contains_any=["EVEN"]), limit=None)) == 15
    assert len(api.list(confidence={"min": 0.5}, limit=None)) == 15
    assert api.list(active_at_time={"min": 101, "max": 112}, limit=None).as_external_ids() == ["r10", "r11", "single"]
    assert len(api.list(start_time={"min": 100}, end_time={"max": 205}, limit=None)) == 11
    assert len(api.list(created_time={"min": 0}, last_updated_time={"min": 0}, limit=None)) == 31
    assert api.list(data_set_ids=[123], limit=None).as_external_ids() == []
    assert api.list(data_set_external_ids=["unknown-ds"], limit=None).as_external_ids() == []

    many_sources = [f"pump-{i}" for i in range(2500)]
    emulator.counters.reset()
    assert len(api.list(source_external_ids=many_sources, limit=None)) == 31
    assert emulator.counters.by_route["POST /relationships/list"] == 3
    assert len(api.list(source_external_ids=many_sources, target_external_ids=["tank-1"], limit=4)) == 4
    assert (
        sum(len(c) for c in api(chunk_size=7, source_external_ids=many_sources) if isinstance(c, RelationshipList))
        == 31
    )
    assert len(list(api(target_types=["asset"], limit=12))) == 12

    client.assets.create([AssetWrite(name="Pump zero", external_id="pump-0")])
    fetched = api.retrieve("r0", fetch_resources=True)
    assert fetched is not None and isinstance(fetched.source, Asset) and fetched.source.name == "Pump zero"
    assert fetched.target is None  # tank-0 does not exist
    fetched_list = api.list(source_external_ids=["pump-0"], fetch_resources=True)
    assert all(isinstance(r.source, Asset) for r in fetched_list)
    assert api.retrieve_multiple(["r0"], fetch_resources=True)[0].source is not None
    assert all(
        isinstance(getattr(r, "source", None), Asset) for r in api(source_external_ids=["pump-0"], fetch_resources=True)
    )

    updated = api.update(RelationshipUpdate("r1").confidence.set(None).labels.add(["NEW"]).target_type.set("event"))
    assert updated.confidence is None and updated.labels is not None and updated.target_type == "event"
    replaced = api.update(RelationshipWrite("r2", "pump-2", "asset", "tank-2", "asset"), mode="replace")
    assert replaced.labels is None and replaced.start_time is None and replaced.confidence is None
    patched = api.update([RelationshipWrite("r4", "pump-4", "asset", "tank-1", "asset", labels=["MORE"])], mode="patch")
    assert {label.external_id for label in patched[0].labels or []} == {"EVEN", "MORE"}
    with pytest.raises(CogniteNotFoundError):
        api.update(RelationshipUpdate("nope").end_time.set(1))

    upserted = api.upsert(
        [
            RelationshipWrite("r5", "pump-5", "asset", "x", "file"),
            RelationshipWrite("fresh", "a", "asset", "b", "sequence"),
        ]
    )
    assert upserted.as_external_ids() == ["r5", "fresh"]
    assert upserted[0].target_type == "file" and upserted[0].start_time == 50  # patch keeps what is not given
    assert api.upsert(RelationshipWrite("r5", "pump-5", "asset", "x", "file"), mode="replace").start_time is None

    with pytest.raises(CogniteAPIError) as dup:
        api.create(RelationshipWrite("r1", "a", "asset", "b", "asset"))
    assert dup.value.code == 409
    api.delete(external_id=["r0", "fresh"])
    api.delete(external_id="gone", ignore_unknown_ids=True)
    with pytest.raises(CogniteNotFoundError):
        api.delete(external_id="gone")
    assert len(api.list(limit=None)) == 30
    assert emulator.spec_violations == [] and emulator.invalid_requests == []
    client.close()


async def test_async_client_every_method(config: ClientConfig) -> None:
    async with AsyncCogniteClient(config) as client:
        api = client.relationships
        await api.create(_links(1200))
        assert (await api.retrieve("r7")) is not None
        assert len(await api.retrieve_multiple([f"r{i}" for i in range(1100)])) == 1100
        assert len(await api.list(limit=None, partitions=3)) == 1200
        chunks = [c async for c in api(chunk_size=500)]
        assert [len(c) for c in chunks if isinstance(c, RelationshipList)] == [500, 500, 200]
        assert (await api.update(RelationshipUpdate("r1").end_time.set(None))).end_time is None
        assert len(await api.upsert(_links(3), mode="replace")) == 3
        await api.delete([f"r{i}" for i in range(1200)])
        assert len(await api.list(limit=None)) == 0


def test_fault_drill_split_list_recovers(config: ClientConfig, emulator: CDFEmulator) -> None:
    before = (global_config.max_retry_backoff, global_config.max_retries)
    global_config.max_retry_backoff = 0
    client = CogniteClient(config)
    client.relationships.create(_links(50))
    rule = emulator.faults.add(path="*/relationships/list", statuses={503: 0.5})
    try:
        rels = client.relationships.list(source_external_ids=[f"pump-{i}" for i in range(6000)], limit=None)
    finally:
        emulator.faults.clear()
        global_config.max_retry_backoff, global_config.max_retries = before
        client.close()
    assert rule.injected > 0
    assert sorted(rels.as_external_ids()) == sorted(f"r{i}" for i in range(50))
