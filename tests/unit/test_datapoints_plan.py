"""The datapoints fetcher's plan: aggregates of a fixed granularity are packed by their known size, so that many
series finish in one round of requests (no request continues from a cursor)."""

from __future__ import annotations

import gzip
import json
from typing import Any

import httpx
import numpy as np

from cognite.client import AsyncCogniteClient, ClientConfig
from cognite.client.credentials import Token
from cognite.client.data_classes import TimeSeriesWrite
from cognite.client.data_classes.datapoints import DatapointsArray
from cognite.client.testing import CDFEmulator


class Recording(httpx.AsyncBaseTransport):
    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner
        self.list_bodies: list[dict[str, Any]] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/timeseries/data/list"):
            raw = request.content
            if request.headers.get("content-encoding") == "gzip":
                raw = gzip.decompress(raw)
            self.list_bodies.append(json.loads(raw))
        return await self.inner.handle_async_request(request)


async def test_aggregates_of_many_series_are_packed_by_size_and_done_in_one_round() -> None:
    transport = Recording(CDFEmulator(seed=3).transport())
    cfg = ClientConfig("t", "plan", Token("t"), base_url="http://emulator.local")
    n_series, minutes = 30, 1_000
    async with AsyncCogniteClient(cfg, transport=transport) as client:
        xids = [f"s{i}" for i in range(n_series)]
        await client.time_series.create([TimeSeriesWrite(external_id=x) for x in xids])
        ts = np.arange(minutes * 60, dtype=np.int64) * 1000
        await client.time_series.data.insert_multiple(
            [DatapointsArray(external_id=x, timestamp=ts.view("datetime64[ms]"), value=ts * 1.0) for x in xids]
        )
        res = await client.time_series.data.retrieve_arrays(
            external_id=xids, start=0, end=int(ts[-1]) + 1, aggregates="average", granularity="1m"
        )
    assert [len(a) for a in res] == [minutes] * n_series
    assert all("cursor" not in item for body in transport.list_bodies for item in body["items"])
    per_request = 10_000 // (minutes + 1)
    assert len(transport.list_bodies) == -(-n_series // per_request)
    assert all(sum(item["limit"] for item in body["items"]) <= 10_000 for body in transport.list_bodies)
