"""Events hot paths: the SDK against a raw-httpx floor doing the same HTTP work, one run, as ratios.

Creates ``n`` events (floor, then SDK), removes the floor's so ``n`` remain, then lists all of them with and
without partitions. Run: ``.venv/bin/python benchmarks/bench_events.py [--n 100000]``.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from _harness import PROJECT, Timing, emulator_process, floor_create, floor_list, measure, raw_client, report, warm_up

from cognite.client import AsyncCogniteClient, ClientConfig
from cognite.client.credentials import Token
from cognite.client.data_classes.events import EventWrite


def _event(prefix: str, i: int) -> dict[str, Any]:
    return {
        "externalId": f"{prefix}{i}",
        "startTime": 1_700_000_000_000 + i,
        "endTime": 1_700_000_000_500 + i,
        "type": "alarm",
        "subtype": f"s{i % 7}",
        "description": f"event number {i}",
        "metadata": {"site": f"site-{i % 10}"},
        "assetIds": [1 + i % 100],
        "source": "bench",
    }


async def main(n: int, partitions: int) -> None:
    results: dict[str, tuple[Timing, Timing]] = {}
    async with emulator_process() as base:
        cfg = ClientConfig("bench", PROJECT, Token("t"), base_url=base)
        async with AsyncCogniteClient(cfg) as client, raw_client(base) as raw:
            await warm_up(client.events.list(limit=1), raw.post("/events/list", json={"limit": 1}))
            floor_items = [_event("f", i) for i in range(n)]
            sdk_items = [EventWrite.load(_event("s", i)) for i in range(n)]

            async def sdk_create() -> None:
                await client.events.create(sdk_items)

            results[f"create {n}"] = (
                await measure(lambda: floor_create(raw, "/events", floor_items)),
                await measure(sdk_create),
            )
            await client.events.delete(external_id=[f"f{i}" for i in range(n)])

            async def sdk_list() -> None:
                assert len(await client.events.list(limit=None)) == n

            async def sdk_list_partitioned() -> None:
                assert len(await client.events.list(limit=None, partitions=partitions)) == n

            results[f"list {n}"] = (await measure(lambda: floor_list(raw, "/events")), await measure(sdk_list))
            results[f"list {n}, {partitions} partitions"] = (
                await measure(lambda: floor_list(raw, "/events", partitions)),
                await measure(sdk_list_partitioned),
            )
    report(results)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--partitions", type=int, default=5)
    args = parser.parse_args()
    asyncio.run(main(args.n, args.partitions))
