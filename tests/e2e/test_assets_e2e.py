"""End to end: the SDK against the emulator over real loopback HTTP, with fault drills."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest

from cognite.client import AsyncCogniteClient, ClientConfig, CogniteClient, global_config
from cognite.client.data_classes import AssetUpdate, AssetWrite
from cognite.client.exceptions import CogniteAPIError, CogniteNotFoundError
from cognite.client.testing import CDFEmulator

pytestmark = pytest.mark.e2e


@pytest.fixture
def fast_retries() -> Iterator[None]:
    before = (global_config.max_retry_backoff, global_config.max_retries)
    global_config.max_retry_backoff = 0
    yield
    global_config.max_retry_backoff, global_config.max_retries = before


def _hierarchy(n_children: int) -> list[AssetWrite]:
    roots = [AssetWrite(name=f"root {r}", external_id=f"r{r}") for r in range(2)]
    kids = [
        AssetWrite(name=f"child {i}", external_id=f"c{i}", parent_external_id=f"r{i % 2}", metadata={"n": str(i % 3)})
        for i in range(n_children)
    ]
    return roots + kids


def test_every_assets_method_over_loopback(config: ClientConfig) -> None:
    client = CogniteClient(config)
    created = client.assets.create_hierarchy(_hierarchy(50))
    assert len(created) == 52
    assert client.assets.retrieve(external_id="c1").parent_external_id == "r1"  # type: ignore[union-attr]
    assert client.assets.retrieve(id=123) is None
    many = client.assets.retrieve_multiple(external_ids=["c1", "c2", "c1"])
    assert [a.external_id for a in many] == ["c1", "c2"]
    with pytest.raises(CogniteNotFoundError) as err:
        client.assets.retrieve_multiple(external_ids=["c1", "nope"])
    assert err.value.not_found == [{"externalId": "nope"}]
    assert len(client.assets.list(limit=10)) == 10
    assert len(client.assets.list(limit=None, partitions=3)) == 52
    assert len(client.assets.list(parent_external_ids=["r0"], limit=None)) == 25
    assert len(client.assets.list(root=True)) == 2
    assert sum(len(c) for c in client.assets(chunk_size=7)) == 52
    assert len(client.assets.retrieve_subtree(external_id="r0")) == 26
    assert client.assets.search(name="child 7", limit=1)[0].name == "child 7"
    client.assets.update(AssetUpdate(external_id="c3").metadata.add({"k": "v"}).description.set("d"))
    c3 = client.assets.retrieve(external_id="c3")
    assert c3 is not None and c3.metadata == {"n": "0", "k": "v"} and c3.description == "d"
    up = client.assets.upsert([AssetWrite(name="renamed", external_id="c3"), AssetWrite(name="n", external_id="new")])
    assert [a.name for a in up] == ["renamed", "n"]
    assert client.assets.aggregate_count() == 53
    values = {v.values[0] for v in client.assets.aggregate_unique_values(property=["metadata", "n"])}
    assert values == {"0", "1", "2"}
    with pytest.raises(CogniteAPIError):
        client.assets.delete(external_id="r0")  # has children
    client.assets.delete(external_id="r0", recursive=True)
    client.assets.delete(external_id=["new", "missing"], ignore_unknown_ids=True)
    assert len(client.assets.list(limit=None)) == 26
    client.close()


async def test_async_client_concurrent_retrieves_stay_within_concurrency(
    config: ClientConfig, emulator: CDFEmulator
) -> None:
    async with AsyncCogniteClient(config) as client:
        await client.assets.create([AssetWrite(name=f"a{i}", external_id=f"a{i}") for i in range(300)])
        emulator.counters.reset()
        found = await asyncio.gather(*(client.assets.retrieve(external_id=f"a{i}") for i in range(300)))
    assert all(a is not None for a in found)
    limit = global_config.concurrency_settings.general.read
    assert 1 <= emulator.counters.max_in_flight <= limit


def test_fault_drill_create_hierarchy_loses_and_duplicates_nothing(
    config: ClientConfig, emulator: CDFEmulator, fast_retries: None
) -> None:
    client = CogniteClient(config)
    rule = emulator.faults.add(statuses={429: 0.1, 503: 0.1}, reset_before=0.025, reset_after=0.025)
    try:
        assets = _hierarchy(9998)
        created = client.assets.create_hierarchy(assets)
        listed = client.assets.list(limit=None)
    finally:
        emulator.faults.clear()
        client.close()
    assert rule.injected > 0
    xids = [a.external_id for a in listed]
    assert len(xids) == len(set(xids)) == 10_000
    assert set(xids) == {a.external_id for a in assets}
    assert len(created) == 10_000


def test_fault_drill_without_retries_reports_outcomes_truthfully(
    config: ClientConfig, emulator: CDFEmulator, fast_retries: None
) -> None:
    global_config.max_retries = 0
    client = CogniteClient(config)
    emulator.faults.add(path="*/assets", methods=["POST"], statuses={503: 0.5})
    try:
        with pytest.raises(CogniteAPIError) as err:
            client.assets.create([AssetWrite(name=f"x{i}", external_id=f"x{i}") for i in range(5000)])
    finally:
        emulator.faults.clear()
    e = err.value
    reported = [a.external_id for a in e.successful + e.failed + e.unknown]
    assert sorted(reported) == sorted(f"x{i}" for i in range(5000))
    stored = {a.external_id for a in client.assets.list(limit=None)}
    assert {a.external_id for a in e.successful} <= stored
    assert not ({a.external_id for a in e.failed} & stored)
    client.close()
