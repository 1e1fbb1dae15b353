"""A subscription sees the datapoints the SDK inserts and deletes through the emulator (the two stores wired)."""

from __future__ import annotations

from cognite.client import ClientConfig, CogniteClient
from cognite.client.data_classes.datapoints_subscriptions import DataPointSubscriptionWrite
from cognite.client.data_classes.time_series import TimeSeriesWrite


def test_inserted_and_deleted_datapoints_reach_the_subscription(config: ClientConfig) -> None:
    with CogniteClient(config) as client:
        client.time_series.create([TimeSeriesWrite(external_id="temp", name="t"), TimeSeriesWrite(external_id="other")])
        client.time_series.subscriptions.create(
            DataPointSubscriptionWrite(external_id="sub", partition_count=1, time_series_ids=["temp"])
        )
        client.time_series.data.insert([(1000, 1.5), (2000, 2.5)], external_id="temp")
        client.time_series.data.insert([(1000, 9.0)], external_id="other")  # not subscribed
        client.time_series.data.delete_range(start=2000, end=3000, external_id="temp")

        batches = client.time_series.subscriptions.iterate_data("sub", poll_timeout=0)
        first = next(batches)
        batches.close()

    upserts = [(u.time_series.external_id, list(u.upserts.timestamp), list(u.upserts.value)) for u in first.updates]
    deletes = [
        (u.time_series.external_id, [(d.inclusive_begin, d.exclusive_end) for d in u.deletes]) for u in first.updates
    ]
    assert ("temp", [1000, 2000], [1.5, 2.5]) in upserts
    assert all(xid == "temp" for xid, _, _ in upserts)
    assert ("temp", [(2000, 3000)]) in deletes
