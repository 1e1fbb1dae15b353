"""Quickstart: both clients against the local CDF emulator, served over loopback HTTP.

Run: ``bash scripts/quickstart.sh`` (or ``.venv/bin/python examples/quickstart.py`` once installed).
"""

from __future__ import annotations

import asyncio

from cognite.client import AsyncCogniteClient, ClientConfig, CogniteClient
from cognite.client.credentials import Token
from cognite.client.data_classes import AssetUpdate, AssetWrite, TimeSeriesWrite
from cognite.client.testing import CDFEmulator


def sync_part(config: ClientConfig) -> None:
    client = CogniteClient(config)
    plants = [AssetWrite(name=f"plant {p}", external_id=f"plant-{p}") for p in range(3)]
    pumps = [
        AssetWrite(name=f"pump {p}.{i}", external_id=f"pump-{p}-{i}", parent_external_id=f"plant-{p}",
                   metadata={"kind": "pump", "site": f"site-{p}"})
        for p in range(3)
        for i in range(400)
    ]  # fmt: skip
    created = client.assets.create_hierarchy(plants + pumps)
    print(f"[sync]  created a hierarchy of {len(created)} assets (3 plants, 1200 pumps)")
    print(f"[sync]  list(limit=5) -> {[a.external_id for a in client.assets.list(limit=5)]}")
    everything = client.assets.list(limit=None, partitions=3)
    print(f"[sync]  list(limit=None, partitions=3) -> {len(everything)} assets")
    streamed = sum(len(chunk) for chunk in client.assets(chunk_size=500))
    print(f"[sync]  iterated in chunks of 500 -> {streamed} assets")
    found = client.assets.search(name="pump 1.7", limit=3)
    print(f"[sync]  search(name='pump 1.7') -> {[a.name for a in found]}")
    client.assets.update(AssetUpdate(external_id="plant-0").description.set("the first plant"))
    print(f"[sync]  updated plant-0: {client.assets.retrieve(external_id='plant-0').description!r}")
    print(f"[sync]  aggregate_count() -> {client.assets.aggregate_count()} assets in total")
    subtree = client.assets.retrieve_subtree(external_id="plant-2")
    print(f"[sync]  retrieve_subtree('plant-2') -> {len(subtree)} assets")
    client.close()


async def async_part(config: ClientConfig) -> None:
    async with AsyncCogniteClient(config) as client:
        xids = [f"pump-{p}-{i}" for p in range(3) for i in range(0, 400, 40)]
        pumps = await asyncio.gather(*(client.assets.retrieve(external_id=x) for x in xids))
        print(f"[async] {len(pumps)} concurrent retrieves -> {sum(p is not None for p in pumps)} found")
        sites = await client.assets.aggregate_unique_values(property=["metadata", "site"])
        print(f"[async] unique metadata.site values -> {sorted(str(v.values[0]) for v in sites)}")
        await client.assets.delete(external_id="plant-1", recursive=True)
        left = await client.assets.list(limit=None)
        print(f"[async] deleted plant-1 recursively -> {len(left)} assets left")

        # Time series and datapoints: one day of 1 Hz data for three pumps, inserted and read back concurrently.
        pumps_ts = [TimeSeriesWrite(external_id=f"pump-0-{i}:temp", name=f"pump 0.{i} temperature") for i in range(3)]
        await client.time_series.create(pumps_ts)
        day = 86_400
        await client.time_series.data.insert_multiple(
            [
                {
                    "external_id": ts.external_id,
                    "datapoints": [(t * 1000, 20.0 + i + (t % 600) / 60) for t in range(day)],
                }
                for i, ts in enumerate(pumps_ts)
            ]
        )
        raw = await client.time_series.data.retrieve(
            external_id=[ts.external_id for ts in pumps_ts], start=0, end=day * 1000
        )
        hourly = await client.time_series.data.retrieve(
            external_id=pumps_ts[0].external_id,
            start=0,
            end=day * 1000,
            aggregates=["average", "max"],
            granularity="1h",
        )
        print(
            f"[async] datapoints: {sum(len(d) for d in raw)} raw points read back; first hourly average {hourly.average[0]:.2f}"
        )

        # Files: upload bytes, read them back.
        await client.files.upload_bytes(b"pump maintenance log\n", name="log.txt", external_id="log")
        content = await client.files.download_bytes(external_id="log")
        print(f"[async] files: uploaded and downloaded {len(content)} bytes")


def main() -> None:
    emulator = CDFEmulator(seed=1)
    with emulator.serve() as server:
        print(f"CDF emulator listening on {server.url}")
        config = ClientConfig(
            client_name="quickstart", project="demo", credentials=Token("any-token"), base_url=server.url
        )
        sync_part(config)
        asyncio.run(async_part(config))
        print(f"emulator served {emulator.counters.requests} requests")


if __name__ == "__main__":
    main()
