"""Assets hot paths: the SDK against a raw-httpx floor doing the same HTTP work, one run, as ratios.

Run: ``.venv/bin/python benchmarks/bench_assets.py [--n 100000]``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from _harness import PROJECT, Timing, emulator_process, gather_bounded, measure, raw_client, report

from cognite.client import AsyncCogniteClient, ClientConfig
from cognite.client.credentials import Token
from cognite.client.data_classes import AssetWrite


async def main(n: int) -> None:
    results: dict[str, tuple[Timing, Timing]] = {}
    async with emulator_process() as base:
        cfg = ClientConfig("bench", PROJECT, Token("t"), base_url=base)
        async with AsyncCogniteClient(cfg) as client, raw_client(base) as raw:
            items = [{"name": f"a{i}", "externalId": f"a{i}"} for i in range(n)]

            async def floor_create() -> None:
                async def one(chunk: list[dict[str, Any]]) -> None:
                    json.loads((await raw.post("/assets", json={"items": chunk})).content)

                await gather_bounded([one(items[i : i + 1000]) for i in range(0, n, 1000)])

            writes = [
                AssetWrite(name=f"b{i}", external_id=f"b{i}") for i in range(n)
            ]  # the user's input, as for the floor

            async def sdk_create() -> None:
                await client.assets.create(writes)

            results[f"create {n}"] = (await measure(floor_create), await measure(sdk_create))

            async def floor_list(partitions: int = 1) -> None:
                async def part(p: int) -> None:
                    cursor = None
                    while True:
                        body: dict[str, Any] = {"limit": 1000, "cursor": cursor}
                        if partitions > 1:
                            body["partition"] = f"{p}/{partitions}"
                        data = json.loads((await raw.post("/assets/list", json=body)).content)
                        cursor = data.get("nextCursor")
                        if not cursor:
                            break

                await gather_bounded([part(p) for p in range(1, partitions + 1)])

            async def sdk_list() -> None:
                await client.assets.list(limit=None)

            async def floor_list_partitioned() -> None:
                await floor_list(5)

            async def sdk_list_partitioned() -> None:
                await client.assets.list(limit=None, partitions=5)

            results[f"list {2 * n}"] = (await measure(floor_list), await measure(sdk_list))
            results[f"list {2 * n}, 5 partitions"] = (
                await measure(floor_list_partitioned),
                await measure(sdk_list_partitioned),
            )

            async def floor_retrieve() -> None:
                async def one(i: int) -> None:
                    r = await raw.post("/assets/byids", json={"items": [{"externalId": f"a{i}"}]})
                    json.loads(r.content)

                await gather_bounded([one(i) for i in range(1000)])

            async def sdk_retrieve() -> None:
                await asyncio.gather(*(client.assets.retrieve(external_id=f"a{i}") for i in range(1000)))

            results["1000 concurrent retrieves"] = (await measure(floor_retrieve), await measure(sdk_retrieve))
    report(results)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=100_000)
    asyncio.run(main(parser.parse_args().n))
