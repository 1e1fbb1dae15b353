"""Shared pieces of the benchmarks: the emulator in its own process, timing, and the ratio table.

Every benchmark compares the SDK with a floor: raw ``httpx`` + ``json`` doing the same HTTP work, in the
same run, against the same emulator (uvicorn on 127.0.0.1 in a separate process, so client CPU is the
client's own).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import resource
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import httpx

PROJECT = "bench"
Timing = tuple[float, float]  # wall seconds, client CPU seconds


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.asynccontextmanager
async def emulator_process(*extra_args: str) -> AsyncIterator[str]:
    """Run ``python -m cognite.client.testing serve`` on a free loopback port; yield its base URL."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "cognite.client.testing", "serve", "--port", str(port), "--seed", "1", *extra_args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        async with httpx.AsyncClient(timeout=5) as probe:
            for _ in range(200):
                try:
                    await probe.get(f"{base}/api/v1/projects/{PROJECT}/assets", headers={"Authorization": "Bearer t"})
                    break
                except httpx.TransportError:
                    await asyncio.sleep(0.05)
        yield base
    finally:
        server.terminate()
        server.wait(10)


async def measure(fn: Callable[[], Awaitable[Any]]) -> Timing:
    """Wall time and process CPU time of one awaited call."""
    cpu, wall = time.process_time(), time.perf_counter()
    await fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def peak_rss_mib() -> float:
    """Peak resident memory of this process so far, in MiB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def traced_peak_mib(fn: Callable[[], Awaitable[Any]]) -> tuple[float, Any]:
    """Peak memory allocated while running ``fn`` (Python and numpy allocations, by tracemalloc), in MiB.

    Unlike ru_maxrss this is not hidden by a higher peak reached earlier (at import, say). Returns the peak and
    ``fn``'s result (kept alive by the caller, as a user keeps what a call returns).
    """
    import tracemalloc

    tracemalloc.start()
    try:
        result = await fn()
        return tracemalloc.get_traced_memory()[1] / 2**20, result
    finally:
        tracemalloc.stop()


def current_rss_mib() -> float:
    """Resident memory of this process now, in MiB (Linux)."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 2**20


def raw_client(base: str) -> httpx.AsyncClient:
    """The floor's client: plain httpx, pooled like the SDK."""
    return httpx.AsyncClient(
        base_url=f"{base}/api/v1/projects/{PROJECT}",
        timeout=60,
        headers={"Authorization": "Bearer t"},
        limits=httpx.Limits(max_connections=20),
    )


async def warm_up(*calls: Awaitable[Any]) -> None:
    """Run one small request per side before measuring, so that neither side pays its one-off costs (opening
    connections, importing and compiling decoders) inside a measurement; cold start is what ``bench_import`` measures.
    """
    for call in calls:
        await call


async def gather_bounded(coros: list[Awaitable[Any]], limit: int = 5) -> list[Any]:
    """Run awaitables with at most ``limit`` at a time (the floor's concurrency, same as the SDK's default)."""
    sem = asyncio.Semaphore(limit)

    async def one(c: Awaitable[Any]) -> Any:
        async with sem:
            return await c

    return await asyncio.gather(*(one(c) for c in coros))


def report(results: dict[str, tuple[Timing, Timing]]) -> None:
    """Print floor and SDK timings with SDK/floor ratios."""
    print(
        f"{'operation':32} {'floor wall':>10} {'sdk wall':>9} {'ratio':>6} {'floor cpu':>10} {'sdk cpu':>8} {'ratio':>6}"
    )
    for name, ((fw, fc), (sw, sc)) in results.items():
        print(f"{name:32} {fw:10.2f} {sw:9.2f} {sw / fw:6.2f} {fc:10.2f} {sc:8.2f} {sc / fc:6.2f}")


async def floor_create(raw: httpx.AsyncClient, path: str, items: list[dict[str, Any]], chunk: int = 1000) -> None:
    """The floor of a create: POST ``path`` in chunks, ``gather_bounded``, each response parsed with ``json``."""

    async def one(part: list[dict[str, Any]]) -> None:
        json.loads((await raw.post(path, json={"items": part})).content)

    await gather_bounded([one(items[i : i + chunk]) for i in range(0, len(items), chunk)])


async def floor_list(raw: httpx.AsyncClient, path: str, partitions: int = 1) -> int:
    """The floor of listing everything: POST ``{path}/list`` following cursors, in ``partitions``; returns the count."""

    async def part(p: int) -> int:
        cursor, count = None, 0
        while True:
            body: dict[str, Any] = {"limit": 1000, "cursor": cursor}
            if partitions > 1:
                body["partition"] = f"{p}/{partitions}"
            data = json.loads((await raw.post(f"{path}/list", json=body)).content)
            count += len(data["items"])
            cursor = data.get("nextCursor")
            if not cursor:
                return count

    return sum(await gather_bounded([part(p) for p in range(1, partitions + 1)]))
