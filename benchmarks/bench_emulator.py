"""Emulator throughput on small requests (target >= 3,000 requests/s on this machine).

Run: ``.venv/bin/python benchmarks/bench_emulator.py [--requests 20000] [--concurrency 16]``. The emulator runs
in its own process (uvicorn on 127.0.0.1); the load comes from aiohttp in this process, so the number is
the server's, not the client's. In-process throughput (no sockets) is measured too.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from pathlib import Path

import aiohttp
import httpx

sys.path.insert(0, str(Path(__file__).parent))

from _harness import PROJECT, emulator_process

from cognite.client.testing import CDFEmulator

BODY = {"items": [{"externalId": "missing"}], "ignoreUnknownIds": True}


async def over_http(total: int, concurrency: int) -> float:
    async with emulator_process() as base:
        url = f"{base}/api/v1/projects/{PROJECT}/assets/byids"
        headers = {"Authorization": "Bearer t"}
        connector = aiohttp.TCPConnector(limit=concurrency)
        async with aiohttp.ClientSession(connector=connector) as session:
            remaining = iter(range(total))

            async def worker() -> None:
                for _ in remaining:
                    async with session.post(url, json=BODY, headers=headers) as resp:
                        await resp.read()
                        assert resp.status == 200

            start = time.perf_counter()
            await asyncio.gather(*(worker() for _ in range(concurrency)))
            return total / (time.perf_counter() - start)


async def in_process(total: int) -> float:
    emu = CDFEmulator(seed=1)
    async with httpx.AsyncClient(
        transport=emu.transport(),
        base_url=f"http://emulator/api/v1/projects/{PROJECT}",
        headers={"Authorization": "Bearer t"},
    ) as client:
        start = time.perf_counter()
        for _ in range(total):
            (await client.post("/assets/byids", json=BODY)).raise_for_status()
        return total / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=20_000)
    parser.add_argument("--concurrency", type=int, default=16)
    args = parser.parse_args()
    http_rate = asyncio.run(over_http(args.requests, args.concurrency))
    local_rate = asyncio.run(in_process(args.requests // 4))
    print(f"emulator over loopback HTTP (uvicorn, {args.concurrency} concurrent): {http_rate:,.0f} requests/s")
    print(f"emulator in-process (httpx client, sequential): {local_rate:,.0f} requests/s")


if __name__ == "__main__":
    main()
