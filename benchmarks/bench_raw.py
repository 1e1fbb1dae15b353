"""RAW hot paths: the SDK against a raw-httpx floor doing the same HTTP work, one run, as ratios.

Insert rows (chunks of 10,000, five at a time), list every row (pages of 10,000 following cursors), and list every
row in partitions (``/cursors``, then each partition's pages concurrently).

Run: ``.venv/bin/python benchmarks/bench_raw.py [--n 100000]``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from _harness import PROJECT, Timing, emulator_process, gather_bounded, measure, raw_client, report, warm_up

from cognite.client import AsyncCogniteClient, ClientConfig
from cognite.client.credentials import Token
from cognite.client.data_classes.raw import RowWrite

ROWS = "/raw/dbs/bench/tables/{}/rows"
PARTITIONS = 5


def columns(i: int) -> dict[str, Any]:
    return {"name": f"row {i}", "value": i * 0.5, "tags": ["a", "b"], "meta": {"site": "oslo", "n": i}}


async def main(n: int) -> None:
    results: dict[str, tuple[Timing, Timing]] = {}
    async with emulator_process() as base:
        cfg = ClientConfig("bench", PROJECT, Token("t"), base_url=base)
        async with AsyncCogniteClient(cfg) as client, raw_client(base) as raw:
            await warm_up(client.raw.databases.list(limit=1), raw.get("/raw/dbs", params={"limit": 1}))
            data = [columns(i) for i in range(n)]  # the user's data, built once for both

            async def floor_insert() -> None:
                items = [{"key": f"k{i}", "columns": data[i]} for i in range(n)]

                async def one(chunk: list[dict[str, Any]]) -> None:
                    r = await raw.post(ROWS.format("floor"), params={"ensureParent": "true"}, json={"items": chunk})
                    r.raise_for_status()

                await gather_bounded([one(items[i : i + 10_000]) for i in range(0, n, 10_000)])

            async def sdk_insert() -> None:
                rows = [RowWrite(key=f"k{i}", columns=data[i]) for i in range(n)]
                await client.raw.rows.insert("bench", "sdk", rows, ensure_parent=True)

            results[f"insert {n} rows"] = (await measure(floor_insert), await measure(sdk_insert))

            async def floor_pages(cursor: str | None = None) -> list[Any]:
                kept: list[Any] = []  # like a list call, the floor keeps every row it read
                while True:
                    params: dict[str, Any] = {"limit": 10_000, **({"cursor": cursor} if cursor else {})}
                    data = json.loads((await raw.get(ROWS.format("floor"), params=params)).content)
                    kept += data["items"]
                    cursor = data.get("nextCursor")
                    if not cursor:
                        return kept

            async def floor_list() -> None:
                assert len(await floor_pages()) == n

            async def sdk_list() -> None:
                assert len(await client.raw.rows.list("bench", "sdk", limit=None, partitions=1)) == n

            async def floor_list_partitioned() -> None:
                r = await raw.get("/raw/dbs/bench/tables/floor/cursors", params={"numberOfCursors": PARTITIONS})
                cursors = json.loads(r.content)["items"]
                parts = await gather_bounded([floor_pages(c) for c in cursors])
                assert sum(len(p) for p in parts) == n

            async def sdk_list_partitioned() -> None:
                rows = await client.raw.rows.list("bench", "sdk", limit=None, partitions=PARTITIONS)
                assert len(rows) == n

            results[f"list {n} rows"] = (await measure(floor_list), await measure(sdk_list))
            results[f"list {n} rows, {PARTITIONS} partitions"] = (
                await measure(floor_list_partitioned),
                await measure(sdk_list_partitioned),
            )
    report(results)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=100_000)
    asyncio.run(main(parser.parse_args().n))
