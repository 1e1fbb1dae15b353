"""End to end: every Datapoint Subscriptions API method against the emulator over real loopback HTTP, sync and
async. Datapoint changes are fed through ``record_datapoint_change`` (what the emulator's datapoints store calls)."""

from __future__ import annotations

import asyncio
import doctest
from collections.abc import Iterator
from typing import Any

import pytest

from cognite.client import AsyncCogniteClient, ClientConfig, CogniteClient
from cognite.client.data_classes import filters as flt
from cognite.client.data_classes.datapoints_subscriptions import (
    DatapointSubscription,
    DatapointSubscriptionBatch,
    DatapointSubscriptionList,
    DatapointSubscriptionProperty,
    DataPointSubscriptionUpdate,
    DataPointSubscriptionWrite,
    NodeId,
    TimeSeriesIDList,
)
from cognite.client.data_classes.time_series import TimeSeries, TimeSeriesWrite
from cognite.client.exceptions import CogniteAPIError
from cognite.client.testing import CDFEmulator
from cognite.client.testing._families_subscriptions import record_datapoint_change

pytestmark = pytest.mark.e2e


@pytest.fixture
def client(config: ClientConfig) -> Iterator[CogniteClient]:
    with CogniteClient(config) as c:
        yield c


def _record(emulator: CDFEmulator, config: ClientConfig, ts: TimeSeries, *points: tuple[int, Any], **kw: Any) -> None:
    assert ts.id is not None
    stamps, values = [t for t, _ in points], [v for _, v in points]
    record_datapoint_change(emulator.project(config.project), ts.id, stamps, values, **kw)


def _drain(client: CogniteClient, xid: str, **kwargs: Any) -> list[DatapointSubscriptionBatch]:
    batches = []
    for batch in client.time_series.subscriptions.iterate_data(xid, poll_timeout=0, **kwargs):
        batches.append(batch)
        if not batch.has_next:
            return batches
    raise AssertionError("unreachable")  # pragma: no cover


def test_lifecycle_sync(client: CogniteClient, emulator: CDFEmulator, config: ClientConfig) -> None:
    api = client.time_series.subscriptions
    ts = client.time_series.create([TimeSeriesWrite(external_id=f"t{i}") for i in range(3)])
    xids = [f"t{i}" for i in range(3)] + [f"future{i}" for i in range(240)]
    created = api.create(DataPointSubscriptionWrite("pumps", 2, xids, [NodeId("sp", "n")], name="Pumps"))
    assert isinstance(created, DatapointSubscription) and created.time_series_count == len(xids) + 1
    assert api.retrieve("pumps") == created
    assert api.retrieve("nope") is None

    members = api.list_member_time_series("pumps", limit=None)
    assert isinstance(members, TimeSeriesIDList) and len(members) == len(xids) + 1
    assert [m.external_id for m in members] == [*xids, None]  # the instance id member comes last
    assert members[-1].instance_id == NodeId("sp", "n")
    assert [m.is_resolved for m in members[:4]] == [True, True, True, False]
    assert len(api.list_member_time_series("pumps")) == 25

    updated = api.update(DataPointSubscriptionUpdate("pumps").time_series_ids.remove(xids[3:]).name.set("P"))
    assert updated.time_series_count == 4 and updated.name == "P"
    updated = api.update(DataPointSubscriptionWrite("pumps", 2, ["t0"], description="d"), mode="replace")
    assert updated.name is None and updated.description == "d"
    members = api.list_member_time_series("pumps", limit=None)
    assert [m.external_id for m in members] == ["t0", None]  # a replace leaves the side it was not given

    _record(emulator, config, ts[0], (1, 1.5), (2, 2.5))
    _record(emulator, config, ts[1], (1, 9.0))  # no longer a member
    record_datapoint_change(emulator.project(config.project), ts[0].id, deletes=[(0, 2)])  # type: ignore[arg-type]
    changes = [b for p in range(2) for b in _drain(client, "pumps", partition=p)]
    updates = [u for b in changes for u in b.updates]
    assert [(u.time_series.external_id, u.upserts.timestamp, [d.dump() for d in u.deletes]) for u in updates] == [
        ("t0", [1, 2], []),
        ("t0", [], [{"inclusiveBegin": 0, "exclusiveEnd": 2}]),
    ]
    added = {t.external_id for b in changes for t in b.subscription_changes.added}
    removed = {t.external_id for b in changes for t in b.subscription_changes.removed}
    assert added == {"t0", "t1", "t2"} and removed == {"t1", "t2"}

    api.create(DataPointSubscriptionWrite("other", 1, ["t1"]))
    listed = api.list(limit=None)
    assert isinstance(listed, DatapointSubscriptionList) and listed.as_external_ids() == ["pumps", "other"]
    assert [s.external_id for s in api(limit=1)] == ["pumps"]
    assert [len(chunk) for chunk in api(chunk_size=1)] == [1, 1]
    api.delete(["pumps", "other"])
    assert api.list() == DatapointSubscriptionList([])
    api.delete("pumps", ignore_unknown_ids=True)
    with pytest.raises(CogniteAPIError) as err:
        api.delete("pumps")
    assert err.value.code == 400


def test_filter_subscription_and_cursors(client: CogniteClient, emulator: CDFEmulator, config: ClientConfig) -> None:
    api = client.time_series.subscriptions
    numeric = flt.And(
        flt.Equals(DatapointSubscriptionProperty.is_string, False),
        flt.Prefix(DatapointSubscriptionProperty.external_id, "pump"),
    )
    api.create(DataPointSubscriptionWrite("numeric", 1, filter=numeric))
    pumps = client.time_series.create([TimeSeriesWrite(external_id=f"pump{i}") for i in range(3)])
    client.time_series.create(TimeSeriesWrite(external_id="pump-text", is_string=True))
    for n in range(10):
        for ts in pumps:
            _record(emulator, config, ts, (n, float(n)))
    batches = _drain(client, "numeric", limit=7)
    assert len(batches) > 1 and all(b.cursor for b in batches)
    points = {(u.time_series.external_id, t) for b in batches for u in b.updates for t in u.upserts.timestamp}
    assert len(points) == 30  # every change once, across batches
    assert {t.external_id for b in batches for t in b.subscription_changes.added} == {"pump0", "pump1", "pump2"}

    _record(emulator, config, pumps[0], (99, 1.0), status_codes=[1 << 31])
    (batch,) = _drain(client, "numeric", cursor=batches[-1].cursor)
    assert batch.updates[0].upserts.timestamp == []  # the bad point is left out
    (batch,) = _drain(client, "numeric", cursor=batches[-1].cursor, include_status=True, ignore_bad_datapoints=False)
    assert batch.updates[0].upserts.status_code == [1 << 31]
    assert _drain(client, "numeric", start="now")[0].updates == []

    changed = api.update(DataPointSubscriptionUpdate("numeric").filter.set(flt.Equals("external_id", "pump-text")))
    assert changed.time_series_count == 1 and isinstance(changed.filter, flt.Equals)
    assert api.list_member_time_series("numeric").as_external_ids() == ["pump-text"]


async def test_async_client_and_long_poll(config: ClientConfig, emulator: CDFEmulator) -> None:
    async with AsyncCogniteClient(config) as client:
        api = client.time_series.subscriptions
        ts = await client.time_series.create(TimeSeriesWrite(external_id="a"))
        await api.create(DataPointSubscriptionWrite("s", 1, ["a"]))
        assert (await api.retrieve("s")) is not None
        assert len(await api.list()) == 1
        assert [s.external_id async for s in api()] == ["s"]
        assert (await api.list_member_time_series("s")).as_ids() == [ts.id]
        await api.update(DataPointSubscriptionUpdate("s").description.set("d"))
        first = await anext(api.iterate_data("s", poll_timeout=0))
        waiting = api.iterate_data("s", cursor=first.cursor, poll_timeout=5)
        task = asyncio.ensure_future(anext(waiting))
        await asyncio.sleep(0.1)
        assert not task.done()  # the request waits for data
        _record(emulator, config, ts, (7, 7.0))
        batch = await task
        assert batch.updates[0].upserts.timestamp == [7]
        await api.delete("s")
        assert await api.list() == DatapointSubscriptionList([])


def test_module_examples_run_against_the_emulator() -> None:
    import cognite.client._api.datapoints_subscriptions as api_module
    import cognite.client.data_classes.datapoints_subscriptions as classes_module

    for module in (api_module, classes_module):
        result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
        assert result.attempted > 0 and result.failed == 0, module.__name__
