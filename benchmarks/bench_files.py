"""File transfers: the SDK against a raw-httpx floor doing the same HTTP work, one run, as ratios, with peak memory.

Upload and download 1 GB as one file (a multipart upload: 16 parts of 64 MiB, five at a time) and as 1,000 files
of 1 MB (five at a time). The floor streams from and to disk with plain httpx, the same requests in the same
order. Each side of each transfer runs in a process of its own, so its peak RSS is its own; the emulator runs in
another process (content on disk). A last line shows the SDK's peak memory uploading and downloading a file half
the size (also in parts): memory does not grow with file size.

Run: ``.venv/bin/python benchmarks/bench_files.py [--size-mb 1024] [--files 1000]``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from _harness import PROJECT, emulator_process, gather_bounded, peak_rss_mib, raw_client

CHUNK = 4 * 1024 * 1024
MB = 1_000_000


# ---------------------------------------------------------------------------------------------- one side, one process


async def floor_put(raw: Any, url: str, path: Path, offset: int, size: int) -> None:
    async def body() -> Any:
        with path.open("rb") as f:
            f.seek(offset)
            left = size
            while left:
                chunk = await asyncio.to_thread(f.read, min(CHUNK, left))
                left -= len(chunk)
                yield chunk

    r = await raw.put(url, content=body(), headers={"content-length": str(size), "authorization": ""})
    r.raise_for_status()


async def floor_get(raw: Any, url: str, target: Path) -> None:
    async with raw.stream("GET", url) as r:
        r.raise_for_status()
        with target.open("wb") as f:
            async for chunk in r.aiter_bytes(CHUNK):
                await asyncio.to_thread(f.write, chunk)


async def floor(base: str, op: str, paths: list[Path], out: Path, tag: str) -> None:
    async with raw_client(base) as raw:
        if op == "upload" and len(paths) == 1:
            size = paths[0].stat().st_size
            part, parts = 64 * 1024 * 1024, -(-size // (64 * 1024 * 1024))
            init = (
                await raw.post(
                    "/files/initmultipartupload", params={"parts": parts}, json={"name": tag, "externalId": tag}
                )
            ).json()
            await gather_bounded(
                [
                    floor_put(raw, u, paths[0], n * part, min(part, size - n * part))
                    for n, u in enumerate(init["uploadUrls"])
                ]
            )
            (
                await raw.post("/files/completemultipartupload", json={"id": init["id"], "uploadId": init["uploadId"]})
            ).raise_for_status()
        elif op == "upload":

            async def one(i: int, p: Path) -> None:
                created = (await raw.post("/files", json={"name": p.name, "externalId": f"{tag}-{i}"})).json()
                await floor_put(raw, created["uploadUrl"], p, 0, p.stat().st_size)

            await gather_bounded([one(i, p) for i, p in enumerate(paths)])
        else:
            ids = [{"externalId": x} for x in tag.split(",")]
            links: list[Any] = []
            for i in range(0, len(ids), 100):
                links += (await raw.post("/files/downloadlink", json={"items": ids[i : i + 100]})).json()["items"]
            await gather_bounded(
                [floor_get(raw, link["downloadUrl"], out / f"{n}.bin") for n, link in enumerate(links)]
            )


async def sdk(base: str, op: str, paths: list[Path], out: Path, tag: str) -> None:
    from cognite.client import AsyncCogniteClient, ClientConfig
    from cognite.client.credentials import Token

    cfg = ClientConfig("bench", PROJECT, Token("t"), base_url=base)
    async with AsyncCogniteClient(cfg) as client:
        if op == "upload" and len(paths) == 1:
            await client.files.upload(paths[0], external_id=tag)
        elif op == "upload":
            await client.files.upload(paths[0].parent)  # the directory: every file in it
        elif tag.startswith("id:"):
            await client.files.download(out, id=[int(i) for i in tag[3:].split(",")])
        else:
            await client.files.download(out, external_id=tag.split(","))


def run_side(args: argparse.Namespace) -> None:
    paths = [Path(p) for p in args.paths.split(os.pathsep)] if args.paths else []
    fn = sdk if args.side == "sdk" else floor
    if args.side == "sdk":
        import cognite.client._api.files  # imports are not part of the transfer
        import cognite.client._transport  # noqa: F401
    cpu, wall = time.process_time(), time.perf_counter()
    asyncio.run(fn(args.base, args.op, paths, Path(args.out), args.tag))
    print(json.dumps({"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu, "rss": peak_rss_mib()}))


def side(base: str, name: str, op: str, paths: list[Path], out: Path, tag: str) -> dict[str, float]:
    arg_paths = os.pathsep.join(str(p) for p in paths)
    cmd = [sys.executable, __file__, "--side", name, "--op", op, "--base", base, "--paths", arg_paths,
           "--out", str(out), "--tag", tag]  # fmt: skip
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


# ---------------------------------------------------------------------------------------------- the run


def write_random(path: Path, size: int) -> None:
    with path.open("wb") as f:
        left = size
        while left:
            n = min(CHUNK, left)
            f.write(os.urandom(n))
            left -= n


async def main(size_mb: int, files: int) -> None:
    rows: list[tuple[str, dict[str, float], dict[str, float]]] = []
    with tempfile.TemporaryDirectory(prefix="bench-files-") as tmp:
        root = Path(tmp)
        big = root / "big.bin"
        write_random(big, size_mb * MB)
        small_dir = root / "small"
        small_dir.mkdir()
        smalls = [small_dir / f"s{i:04d}.bin" for i in range(files)]
        for p in smalls:
            p.write_bytes(os.urandom(MB))
        half = root / "half.bin"
        write_random(half, size_mb * MB // 2)
        async with emulator_process() as base:
            for label, paths in ((f"1 file of {size_mb} MB", [big]), (f"{files} files of 1 MB", smalls)):
                results = {}
                for name in ("floor", "sdk"):
                    tag = f"{name}-{len(paths)}"
                    results[("upload", name)] = side(base, name, "upload", paths, root, tag)
                for name in ("floor", "sdk"):
                    out = root / f"out-{name}-{len(paths)}"
                    out.mkdir()
                    up_tag = f"{name}-{len(paths)}"
                    if len(paths) == 1:
                        xids = up_tag
                    elif name == "floor":
                        xids = ",".join(f"{up_tag}-{i}" for i in range(len(paths)))
                    else:  # the SDK's directory upload names files after themselves; download them by id
                        xids = await _sdk_ids(base, len(paths))
                    results[("download", name)] = side(base, name, "download", [], out, xids)
                    got = sorted(p.stat().st_size for p in out.iterdir())
                    assert got == sorted(p.stat().st_size for p in paths), f"{name} download is incomplete"
                    for p in out.iterdir():
                        p.unlink()
                for op in ("upload", "download"):
                    rows.append((f"{op} {label}", results[(op, "floor")], results[(op, "sdk")]))
            small_up = side(base, "sdk", "upload", [half], root, "sdk-half")
            (root / "out-half").mkdir()
            small_down = side(base, "sdk", "download", [], root / "out-half", "sdk-half")
    total = {f"1 file of {size_mb} MB": size_mb * MB, f"{files} files of 1 MB": files * MB}
    print(
        f"{'transfer':34} {'floor s':>8} {'sdk s':>7} {'ratio':>6} {'sdk MB/s':>9} {'floor MiB':>10} {'sdk MiB':>8} {'ratio':>6}"
    )
    for name, fl, sd in rows:
        size = next(v for k, v in total.items() if name.endswith(k))
        print(
            f"{name:34} {fl['wall']:8.2f} {sd['wall']:7.2f} {sd['wall'] / fl['wall']:6.2f} "
            f"{size / MB / sd['wall']:9.0f} {fl['rss']:10.0f} {sd['rss']:8.0f} {sd['rss'] / fl['rss']:6.2f}"
        )
    print(
        f"sdk peak MiB with a file of {size_mb // 2} MB: upload {small_up['rss']:.0f}, download {small_down['rss']:.0f}"
    )


async def _sdk_ids(base: str, n: int) -> str:
    """The ids of the files the SDK's directory upload created (they carry no external id), as ``id:1,2,...``."""
    from cognite.client import AsyncCogniteClient, ClientConfig
    from cognite.client.credentials import Token

    cfg = ClientConfig("bench", PROJECT, Token("t"), base_url=base)
    async with AsyncCogniteClient(cfg) as client:
        ids = [f.id for f in await client.files.list(limit=None) if f.external_id is None]
    assert len(ids) == n, (len(ids), n)
    return "id:" + ",".join(str(i) for i in ids)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--size-mb", type=int, default=1000)
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--side", choices=["sdk", "floor"])
    parser.add_argument("--op")
    parser.add_argument("--base")
    parser.add_argument("--paths", default="")
    parser.add_argument("--out", default="")
    parser.add_argument("--tag", default="")
    cli = parser.parse_args()
    if cli.side:
        run_side(cli)
    else:
        asyncio.run(main(cli.size_mb, cli.files))
