"""Assets hot paths: the SDK against a raw-httpx floor doing the same HTTP work, one run, as ratios.

Run: ``.venv/bin/python benchmarks/bench_assets.py [--n 100000]``. The emulator runs in its own process
(uvicorn on 127.0.0.1), so the client's CPU time is its own. Reports wall time and client CPU time.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import socket
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from typing import Any

import httpx

from cognite.client import AsyncCogniteClient, ClientConfig
from cognite.client.credentials import Token
from cognite.client.data_classes import AssetWrite

PROJECT = "bench"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def measure(fn: Callable[[], Awaitable[Any]]) -> tuple[float, float]:
    cpu, wall = time.process_time(), time.perf_counter()
    await fn()
    return time.perf_counter() - wall, time.process_time() - cpu


async def main(n: int) -> None:
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "cognite.client.testing", "serve", "--port", str(port), "--seed", "1"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    root = f"{base}/api/v1/projects/{PROJECT}"
    try:
        async with httpx.AsyncClient(timeout=60) as raw:
            for _ in range(100):
                try:
                    await raw.get(f"{root}/assets", params={"limit": 1}, headers={"Authorization": "Bearer t"})
                    break
                except httpx.TransportError:
                    await asyncio.sleep(0.1)
        cfg = ClientConfig("bench", PROJECT, Token("t"), base_url=base)
        results: dict[str, tuple[tuple[float, float], tuple[float, float]]] = {}
        async with (
            AsyncCogniteClient(cfg) as client,
            httpx.AsyncClient(
                timeout=60, headers={"Authorization": "Bearer t"}, limits=httpx.Limits(max_connections=20)
            ) as raw,
        ):
            items = [{"name": f"a{i}", "externalId": f"a{i}"} for i in range(n)]

            async def floor_create() -> None:
                sem = asyncio.Semaphore(5)

                async def one(chunk: list[dict[str, Any]]) -> None:
                    async with sem:
                        r = await raw.post(f"{root}/assets", json={"items": chunk})
                        json.loads(r.content)

                await asyncio.gather(*(one(items[i : i + 1000]) for i in range(0, n, 1000)))

            async def sdk_create() -> None:
                await client.assets.create([AssetWrite(name=f"b{i}", external_id=f"b{i}") for i in range(n)])

            results["create"] = (await measure(floor_create), await measure(sdk_create))

            async def floor_list() -> None:
                cursor = None
                got = 0
                while True:
                    body: dict[str, Any] = {"limit": 1000}
                    if cursor:
                        body["cursor"] = cursor
                    data = json.loads((await raw.post(f"{root}/assets/list", json=body)).content)
                    got += len(data["items"])
                    cursor = data.get("nextCursor")
                    if not cursor:
                        break

            async def sdk_list() -> None:
                await client.assets.list(limit=None)

            results["list (2n assets)"] = (await measure(floor_list), await measure(sdk_list))

            async def floor_retrieve() -> None:
                sem = asyncio.Semaphore(5)

                async def one(i: int) -> None:
                    async with sem:
                        r = await raw.post(f"{root}/assets/byids", json={"items": [{"externalId": f"a{i}"}]})
                        json.loads(r.content)

                await asyncio.gather(*(one(i) for i in range(1000)))

            async def sdk_retrieve() -> None:
                await asyncio.gather(*(client.assets.retrieve(external_id=f"a{i}") for i in range(1000)))

            results["1000 concurrent retrieves"] = (await measure(floor_retrieve), await measure(sdk_retrieve))
        print(
            f"{'operation':28} {'floor wall':>10} {'sdk wall':>9} {'ratio':>6} {'floor cpu':>10} {'sdk cpu':>8} {'ratio':>6}"
        )
        for name, ((fw, fc), (sw, sc)) in results.items():
            print(f"{name:28} {fw:10.2f} {sw:9.2f} {sw / fw:6.2f} {fc:10.2f} {sc:8.2f} {sc / fc:6.2f}")
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=100_000)
    asyncio.run(main(parser.parse_args().n))
