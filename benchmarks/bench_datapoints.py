"""Datapoints hot paths: the SDK against a raw-httpx floor (same requests, protobuf decoded into numpy), one run.

Run: ``.venv/bin/python benchmarks/bench_datapoints.py [--series 100] [--points 100000]``. The floor knows the data
(one request per series with the full limit) and decodes with the same column decoder; ratios are SDK / floor.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

import numpy as np
from _harness import (
    PROJECT,
    Timing,
    emulator_process,
    gather_bounded,
    measure,
    raw_client,
    report,
    traced_peak_mib,
)

from cognite.client import AsyncCogniteClient, ClientConfig
from cognite.client._datapoints import _protobuf as pb
from cognite.client.credentials import Token
from cognite.client.data_classes import TimeSeriesWrite
from cognite.client.data_classes.datapoints import DatapointsArray


async def main(n_series: int, n_points: int) -> None:
    results: dict[str, tuple[Timing, Timing]] = {}
    ts = np.arange(n_points, dtype=np.int64) * 1000
    async with emulator_process() as base:
        cfg = ClientConfig("bench", PROJECT, Token("t"), base_url=base)
        async with AsyncCogniteClient(cfg) as client, raw_client(base) as raw:
            xa = [f"a{i}" for i in range(n_series)]
            xb = [f"b{i}" for i in range(n_series)]
            await client.time_series.create([TimeSeriesWrite(external_id=x) for x in xa + xb])

            async def floor_insert() -> None:
                async def one(x: str, i: int) -> None:
                    for k in range(0, n_points, 100_000):
                        body = pb.encode_insert_item(
                            {"externalId": x},
                            pb.encode_numeric(ts[k : k + 100_000], ts[k : k + 100_000] * (i + 1.0)),
                            False,
                        )
                        r = await raw.post(
                            "/timeseries/data", content=body, headers={"content-type": "application/protobuf"}
                        )
                        r.raise_for_status()

                await gather_bounded([one(x, i) for i, x in enumerate(xa)])

            async def sdk_insert() -> None:
                arrays = [
                    DatapointsArray(external_id=x, timestamp=ts.view("datetime64[ms]"), value=ts * (i + 1.0))
                    for i, x in enumerate(xb)
                ]
                await client.time_series.data.insert_multiple(arrays)  # type: ignore[arg-type]

            total = n_series * n_points
            results[f"insert {total:,}"] = (await measure(floor_insert), await measure(sdk_insert))

            async def floor_retrieve() -> None:
                async def one(x: str) -> tuple[np.ndarray, np.ndarray]:
                    tss, vals = [], []
                    cursor = None
                    while True:
                        item = {
                            "externalId": x,
                            "start": 0,
                            "end": int(ts[-1]) + 1,
                            "limit": 100_000,
                            **({"cursor": cursor} if cursor else {}),
                        }
                        r = await raw.post(
                            "/timeseries/data/list", json={"items": [item]}, headers={"accept": "application/protobuf"}
                        )
                        (meta,) = pb.decode_list_response(r.content)
                        cols = pb.decode_numeric(r.content, meta.span, True)
                        tss.append(cols.timestamp)
                        vals.append(cols.value)
                        cursor = meta.next_cursor
                        if not cursor:
                            return np.concatenate(tss), np.concatenate(vals)

                await gather_bounded([one(x) for x in xa])

            holder: list[object] = []

            async def sdk_retrieve() -> None:
                holder.append(
                    await client.time_series.data.retrieve_arrays(external_id=xa, start=0, end=int(ts[-1]) + 1)
                )

            floor = await measure(floor_retrieve)
            sdk = await measure(sdk_retrieve)
            results[f"retrieve_arrays {total:,}"] = (floor, sdk)
            holder.clear()
            # Peak memory in a fresh process, so that nothing measured before counts.
            probe = await asyncio.create_subprocess_exec(
                sys.executable, __file__, "--memory-probe", base, "--series", str(n_series), "--points", str(n_points),
                stdout=asyncio.subprocess.PIPE,
            )  # fmt: skip
            out, _ = await probe.communicate()
            print(out.decode().strip())

            async def floor_agg() -> None:
                async def one(x: str) -> None:
                    cursor = None
                    while True:
                        item = {
                            "externalId": x,
                            "start": 0,
                            "end": int(ts[-1]) + 1,
                            "aggregates": ["average"],
                            "granularity": "1m",
                            "limit": 10_000,
                            **({"cursor": cursor} if cursor else {}),
                        }
                        r = await raw.post(
                            "/timeseries/data/list", json={"items": [item]}, headers={"accept": "application/protobuf"}
                        )
                        (meta,) = pb.decode_list_response(r.content)
                        pb.decode_aggregates(r.content, meta.span, ["average"], True)
                        cursor = meta.next_cursor
                        if not cursor:
                            return

                await gather_bounded([one(x) for x in xa])

            async def sdk_agg() -> None:
                await client.time_series.data.retrieve_arrays(
                    external_id=xa, start=0, end=int(ts[-1]) + 1, aggregates="average", granularity="1m"
                )

            results[f"aggregates {total // 60:,}"] = (await measure(floor_agg), await measure(sdk_agg))

            async def sdk_df() -> None:
                await client.time_series.data.retrieve_dataframe(external_id=xa, start=0, end=int(ts[-1]) + 1)

            results[f"retrieve_dataframe {total:,}"] = (floor, await measure(sdk_df))
    report(results)


async def memory_probe(base: str, n_series: int, n_points: int) -> None:
    """Retrieve the "a" series with retrieve_arrays in this (fresh) process; report peak RSS growth vs array size."""
    cfg = ClientConfig("bench", PROJECT, Token("t"), base_url=base)
    async with AsyncCogniteClient(cfg) as client:
        await client.time_series.retrieve(external_id="a0")  # warm up: imports, connection, token
        xa = [f"a{i}" for i in range(n_series)]

        async def retrieve() -> Any:
            return await client.time_series.data.retrieve_arrays(external_id=xa, start=0, end=n_points * 1000)

        grown, res = await traced_peak_mib(retrieve)
        arrays = sum(a.timestamp.nbytes + a.value.nbytes for a in res) / 2**20
    print(
        f"retrieve_arrays peak memory: +{grown:.0f} MiB for {arrays:.0f} MiB of arrays ({grown / arrays:.2f}x, target <= 2x)"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--series", type=int, default=100)
    parser.add_argument("--points", type=int, default=100_000)
    parser.add_argument("--memory-probe", metavar="BASE_URL")
    args = parser.parse_args()
    if args.memory_probe:
        asyncio.run(memory_probe(args.memory_probe, args.series, args.points))
    else:
        asyncio.run(main(args.series, args.points))
