"""The HTTP stack, chosen by measurement: client CPU per small request for each candidate, one run.

Run: ``.venv/bin/python benchmarks/bench_transport.py [--requests 2000]``. Each candidate sends the same small
POST (``/assets/byids``) to the emulator in its own process, 5 in flight; reported: client CPU per request and
wall time. Candidates: httpx (its own transport), httpx2 (if installed), raw aiohttp, and the SDK's HTTP layer on
its aiohttp transport (headers, auth, gzip, retries and error mapping included).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import aiohttp
import httpx

sys.path.insert(0, str(Path(__file__).parent))

from _harness import PROJECT, emulator_process

from cognite.client import AsyncCogniteClient, ClientConfig
from cognite.client.credentials import Token

BODY = {"items": [{"externalId": "missing"}], "ignoreUnknownIds": True}
HEADERS = {"Authorization": "Bearer t"}


async def run(n: int, send: Callable[[], Awaitable[None]]) -> tuple[float, float]:
    remaining = iter(range(n))

    async def worker() -> None:
        for _ in remaining:
            await send()

    await send()  # warm up the connection
    cpu, wall = time.process_time(), time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(5)))
    return (time.process_time() - cpu) / n * 1000, time.perf_counter() - wall


async def main(n: int) -> None:
    rows: list[tuple[str, float, float]] = []
    async with emulator_process() as base:
        url = f"{base}/api/v1/projects/{PROJECT}/assets/byids"
        async with httpx.AsyncClient(headers=HEADERS) as hx:

            async def httpx_send() -> None:
                (await hx.post(url, json=BODY)).raise_for_status()

            rows.append(("httpx (own transport)", *await run(n, httpx_send)))
        try:
            import httpx2  # type: ignore[import-not-found]
        except ImportError:
            pass
        else:
            async with httpx2.AsyncClient(headers=HEADERS) as hx2:

                async def httpx2_send() -> None:
                    (await hx2.post(url, json=BODY)).raise_for_status()

                rows.append(("httpx2 (own transport)", *await run(n, httpx2_send)))
        async with aiohttp.ClientSession(headers=HEADERS) as session:

            async def aiohttp_send() -> None:
                async with session.post(url, json=BODY) as resp:
                    await resp.read()
                    resp.raise_for_status()

            rows.append(("aiohttp alone", *await run(n, aiohttp_send)))
        cfg = ClientConfig("bench", PROJECT, Token("t"), base_url=base)
        async with AsyncCogniteClient(cfg) as client:

            async def sdk_send() -> None:
                await client.post("/assets/byids", json=BODY)

            rows.append(("SDK HTTP layer (aiohttp transport)", *await run(n, sdk_send)))
    print(f"{'stack':38} {'client CPU/request':>18} {'wall':>7}")
    for name, cpu_ms, wall in rows:
        print(f"{name:38} {cpu_ms:15.3f} ms {wall:6.2f}s")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=2000)
    asyncio.run(main(parser.parse_args().requests))
