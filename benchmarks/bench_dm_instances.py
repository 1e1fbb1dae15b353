"""Data-modeling instances hot paths: the SDK against a raw-httpx floor doing the same HTTP work, one run, as ratios.

Apply nodes with properties of one view (chunks of 1000, five at a time) and list them all with their properties
(pages of 1000 following cursors).

Run: ``.venv/bin/python benchmarks/bench_dm_instances.py [--n 50000]``.
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
from cognite.client.data_classes.data_modeling.ids import ViewId
from cognite.client.data_classes.data_modeling.instances import NodeApply, NodeOrEdgeData

VIEW = ViewId("bench", "Pump", "v1")
VIEW_REF = {"type": "view", "space": "bench", "externalId": "Pump", "version": "v1"}


def properties(i: int) -> dict[str, Any]:
    return {"name": f"pump {i}", "flow": i * 0.5, "tags": ["a", "b"], "site": {"space": "bench", "externalId": "oslo"}}


async def main(n: int) -> None:
    results: dict[str, tuple[Timing, Timing]] = {}
    async with emulator_process() as base:
        cfg = ClientConfig("bench", PROJECT, Token("t"), base_url=base)
        async with AsyncCogniteClient(cfg) as client, raw_client(base) as raw:
            await warm_up(
                client.data_modeling.instances.list(limit=1), raw.post("/models/instances/list", json={"limit": 1})
            )
            (await raw.post("/models/spaces", json={"items": [{"space": "bench"}]})).raise_for_status()
            data = [properties(i) for i in range(n)]  # the user's data, built once for both

            async def floor_apply() -> None:
                items = [
                    {"instanceType": "node", "space": "bench", "externalId": f"floor{i}",
                     "sources": [{"source": VIEW_REF, "properties": data[i]}]}
                    for i in range(n)
                ]  # fmt: skip

                async def one(chunk: list[dict[str, Any]]) -> None:
                    (await raw.post("/models/instances", json={"items": chunk})).raise_for_status()

                await gather_bounded([one(items[i : i + 1000]) for i in range(0, n, 1000)])

            async def sdk_apply() -> None:
                nodes = [NodeApply("bench", f"sdk{i}", sources=[NodeOrEdgeData(VIEW, data[i])]) for i in range(n)]
                await client.data_modeling.instances.apply(nodes)

            results[f"apply {n} nodes"] = (await measure(floor_apply), await measure(sdk_apply))

            prefix = {"prefix": {"property": ["node", "externalId"], "value": "floor"}}

            async def floor_list() -> None:
                kept: list[Any] = []  # like a list call, the floor keeps every instance it read
                body: dict[str, Any] = {"limit": 1000, "filter": prefix, "sources": [{"source": VIEW_REF}]}
                while True:
                    page = json.loads((await raw.post("/models/instances/list", json=body)).content)
                    kept += page["items"]
                    if not page.get("nextCursor"):
                        break
                    body["cursor"] = page["nextCursor"]
                assert len(kept) == n

            async def sdk_list() -> None:
                from cognite.client.data_classes.filters import Prefix

                flt = Prefix(["node", "externalId"], "sdk")
                nodes = await client.data_modeling.instances.list(filter=flt, sources=VIEW, limit=None)
                assert len(nodes) == n

            results[f"list {n} nodes"] = (await measure(floor_list), await measure(sdk_list))
    report(results)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=50_000)
    asyncio.run(main(parser.parse_args().n))
