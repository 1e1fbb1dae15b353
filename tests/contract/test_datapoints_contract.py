"""Every datapoints request body validated against the CDF spec (the emulator, validate=True, behind a MockTransport)."""

from __future__ import annotations

import httpx
import numpy as np

from cognite.client import ClientConfig, CogniteClient
from cognite.client.credentials import Token
from cognite.client.data_classes import TimeSeriesWrite
from cognite.client.data_classes.datapoints import DatapointsQuery
from cognite.client.testing import CDFEmulator


def test_every_datapoints_request_matches_the_spec() -> None:
    emu = CDFEmulator(seed=2, validate=True)

    async def handle(request: httpx.Request) -> httpx.Response:
        return await emu.transport().handle_async_request(request)

    cfg = ClientConfig("c", "contract", Token("t"), base_url="https://contract.cognitedata.com")
    with CogniteClient(cfg, transport=httpx.MockTransport(handle)) as client:
        client.time_series.create([TimeSeriesWrite(external_id="a"), TimeSeriesWrite(external_id="s", is_string=True)])
        data = client.time_series.data
        data.insert([(i * 1000, float(i), 0x40000000 if i % 5 == 0 else 0) for i in range(300)], external_id="a")
        data.insert([(0, "x")], external_id="s")
        data.retrieve(external_id=["a", "s"], start=0, end=300_000, include_status=True, ignore_bad_datapoints=False)
        data.retrieve(external_id="a", start=0, end=300_000, include_outside_points=True, limit=10)
        data.retrieve_arrays(
            external_id=DatapointsQuery(
                external_id="a", aggregates=["min", "max_datapoint"], granularity="1m", timezone="Europe/Oslo"
            ),
            start=0,
            end=300_000,
        )
        data.retrieve_latest(external_id=["a", "s"], before=100_000, include_status=True)
        list(data(DatapointsQuery(external_id="a", start=0, end=300_000), chunk_size_datapoints=100))
        data.synthetic.query(["ts{externalId='a'} * 2"], start=0, end=10_000)
        data.insert_multiple([{"external_id": "a", "datapoints": [{"timestamp": 1, "value": np.float64(2.0)}]}])
        data.delete_ranges([{"external_id": "a", "start": 0, "end": 5000}])
    assert emu.invalid_requests == [] and emu.spec_violations == []
