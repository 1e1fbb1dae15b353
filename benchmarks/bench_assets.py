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

from _harness import (
    PROJECT,
    Timing,
    emulator_process,
    gather_bounded,
    measure,
    raw_client,
    report,
    traced_peak_mib,
    warm_up,
)

from cognite.client import AsyncCogniteClient, ClientConfig
from cognite.client.credentials import Token
from cognite.client.data_classes import AssetWrite


async def main(n: int) -> None:
    results: dict[str, tuple[Timing, Timing]] = {}
    async with emulator_process() as base:
        cfg = ClientConfig("bench", PROJECT, Token("t"), base_url=base)
        async with AsyncCogniteClient(cfg) as client, raw_client(base) as raw:
            await warm_up(client.assets.list(limit=1), raw.post("/assets/list", json={"limit": 1}))
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
            # Peak memory of listing everything, each side in a fresh process (nothing measured before counts).
            memory = {}
            for side in ("floor", "sdk"):
                probe = await asyncio.create_subprocess_exec(
                    sys.executable, __file__, "--probe", side, base, stdout=asyncio.subprocess.PIPE
                )
                out, _ = await probe.communicate()
                memory[side] = float(out.decode().strip())
    report(results)
    print(
        f"peak memory of list {2 * n}: floor +{memory['floor']:.0f} MiB, SDK +{memory['sdk']:.0f} MiB "
        f"(ratio {memory['sdk'] / memory['floor']:.2f})"
    )


async def probe(side: str, base: str) -> None:
    """List every asset in this (fresh) process; print the peak RSS growth in MiB."""
    cfg = ClientConfig("bench", PROJECT, Token("t"), base_url=base)
    async with AsyncCogniteClient(cfg) as client, raw_client(base) as raw:
        await client.assets.list(limit=1)  # warm up imports and connections on both sides
        await raw.post("/assets/list", json={"limit": 1})

        async def sdk_list() -> Any:
            return await client.assets.list(limit=None)

        async def floor_list() -> Any:
            kept: list[Any] = []
            cursor = None
            while True:
                data = json.loads((await raw.post("/assets/list", json={"limit": 1000, "cursor": cursor})).content)
                kept.extend(data["items"])
                cursor = data.get("nextCursor")
                if not cursor:
                    return kept

        peak, _ = await traced_peak_mib(sdk_list if side == "sdk" else floor_list)
        print(peak)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--probe", nargs=2, metavar=("SIDE", "BASE_URL"))
    args = parser.parse_args()
    if args.probe:
        asyncio.run(probe(*args.probe))
    else:
        asyncio.run(main(args.n))
