"""The sync client: works from any thread, inside a running loop, after fork; iterates lazily; typed."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
import warnings
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from cognite.client import CogniteClient
from cognite.client._sync import get_loop
from cognite.client.data_classes import Asset, AssetList, AssetWrite
from cognite.client.exceptions import CogniteNotFoundError


def test_from_the_main_thread(fake_cdf: Any, sync_client: CogniteClient) -> None:
    fake_cdf.add(7)
    result = sync_client.assets.list(limit=5)
    assert isinstance(result, AssetList)
    assert [a.id for a in result] == [1, 2, 3, 4, 5]
    created = sync_client.assets.create(AssetWrite(name="x", external_id="x"))
    assert isinstance(created, Asset)
    assert sync_client.assets.retrieve(external_id="x") == created


def test_get_async_client_gives_an_async_client_with_the_same_config(fake_cdf: Any, sync_client: CogniteClient) -> None:
    from cognite.client import AsyncCogniteClient

    fake_cdf.add(3)

    async def main() -> list[int]:
        async with sync_client.get_async_client() as async_client:
            assert isinstance(async_client, AsyncCogniteClient)
            assert async_client.config is sync_client.config
            return [a.id for a in await async_client.assets.list(limit=5)]

    assert asyncio.run(main()) == [1, 2, 3]
    assert [a.id for a in sync_client.assets.list(limit=5)] == [1, 2, 3]  # the sync client is untouched


def test_errors_raised_in_the_calling_thread(fake_cdf: Any, sync_client: CogniteClient) -> None:
    with pytest.raises(CogniteNotFoundError) as exc:
        sync_client.assets.retrieve_multiple(ids=[404])
    assert exc.value.not_found == [{"id": 404}]


def test_from_worker_threads(fake_cdf: Any, sync_client: CogniteClient) -> None:
    fake_cdf.add(20)

    def work(i: int) -> tuple[str, list[int]]:
        ids = [a.id for a in sync_client.assets.list(limit=i + 1)]
        return threading.current_thread().name, ids

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(work, range(8)))
    assert [ids for _, ids in results] == [list(range(1, i + 2)) for i in range(8)]
    assert all(name != threading.main_thread().name for name, _ in results)


def test_inside_a_running_event_loop(fake_cdf: Any, sync_client: CogniteClient) -> None:
    fake_cdf.add(3)

    async def main() -> AssetList:
        asyncio.get_running_loop()  # a loop runs in this thread, like in Jupyter
        return sync_client.assets.list(limit=None)

    result = asyncio.run(main())
    assert [a.id for a in result] == [1, 2, 3]


def test_helper_methods_of_loaded_objects_work(fake_cdf: Any, sync_client: CogniteClient) -> None:
    fake_cdf.add(1)
    fake_cdf.add(2, parentId=1)
    root = sync_client.assets.retrieve(id=1)
    assert root is not None
    assert [c.id for c in root.children()] == [2, 3]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_in_a_forked_child(fake_cdf: Any, sync_client: CogniteClient) -> None:
    fake_cdf.add(4)
    assert len(sync_client.assets.list(limit=2)) == 2  # the parent's loop thread is running before the fork
    parent_loop = get_loop()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # fork with threads (3.12+)
        pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        code = 1
        try:
            ok_loop = get_loop() is not parent_loop
            result = sync_client.assets.list(limit=3)
            created = sync_client.assets.create(AssetWrite(name="c", external_id="child"))
            code = 0 if ok_loop and [a.id for a in result] == [1, 2, 3] and created.external_id == "child" else 3
        except BaseException:
            code = 2
        finally:
            os._exit(code)
    deadline = time.monotonic() + 10
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        if time.monotonic() > deadline:
            os.kill(pid, 9)
            os.waitpid(pid, 0)
            pytest.fail("the forked child hung")
        time.sleep(0.01)
    assert os.waitstatus_to_exitcode(status) == 0
    assert "child" not in {a.get("externalId") for a in fake_cdf.assets.values()}  # the child had its own copy
    assert len(sync_client.assets.list(limit=None)) == 4  # the parent still works after the fork


class TestLazyIteration:
    def test_first_chunk_fetches_only_the_first_page(self, fake_cdf: Any, sync_client: CogniteClient) -> None:
        fake_cdf.add(350)
        iterator = sync_client.assets(chunk_size=100)
        assert fake_cdf.requests == []  # nothing is fetched before the first item is asked for
        first = next(iterator)
        assert isinstance(first, AssetList)
        assert [a.id for a in first] == list(range(1, 101))
        assert len(fake_cdf.calls("POST /assets/list")) == 1
        assert fake_cdf.requests[0].body["limit"] == 100
        second = next(iterator)
        assert [a.id for a in second] == list(range(101, 201))
        assert len(fake_cdf.calls("POST /assets/list")) == 2
        rest = list(iterator)
        assert [len(c) for c in rest] == [100, 50]
        assert len(fake_cdf.calls("POST /assets/list")) == 4

    def test_for_loop_with_break_stops_fetching(self, fake_cdf: Any, sync_client: CogniteClient) -> None:
        fake_cdf.add(350)
        seen = []
        for chunk in sync_client.assets(chunk_size=100):
            seen.append(chunk)
            break
        assert len(seen) == 1
        assert len(fake_cdf.requests) == 1

    def test_one_at_a_time(self, fake_cdf: Any, sync_client: CogniteClient) -> None:
        fake_cdf.add(5)
        seen = [a for a in sync_client.assets(limit=4)]
        assert [a.id for a in seen] == [1, 2, 3, 4]
        assert all(isinstance(a, Asset) for a in seen)

    def test_api_object_is_not_iterable(self, sync_client: CogniteClient) -> None:
        assert not hasattr(sync_client.assets, "__iter__")


MYPY_SNIPPET = """
from cognite.client import AsyncCogniteClient, CogniteClient
from cognite.client.data_classes import AssetWrite


def sync_usage(client: CogniteClient) -> None:
    reveal_type(client.assets.list())
    reveal_type(client.assets.retrieve(id=1))
    reveal_type(client.assets.create(AssetWrite(name="a")))
    reveal_type(client.assets.create([AssetWrite(name="a")]))


async def async_usage(client: AsyncCogniteClient) -> None:
    reveal_type(await client.assets.list())
"""


def test_types_revealed_by_mypy(tmp_path: Path) -> None:
    snippet = tmp_path / "snippet.py"
    snippet.write_text(textwrap.dedent(MYPY_SNIPPET))
    cache = Path(tempfile.gettempdir()) / "cognite-sdk-unit-tests-mypy-cache"
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "--cache-dir", str(cache), "--no-error-summary", str(snippet)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    revealed = [
        line.split("Revealed type is ", 1)[1].strip('"') for line in proc.stdout.splitlines() if "Revealed" in line
    ]
    assert revealed == [
        "cognite.client.data_classes.assets.AssetList",
        "cognite.client.data_classes.assets.Asset | None",
        "cognite.client.data_classes.assets.Asset",
        "cognite.client.data_classes.assets.AssetList",
        "cognite.client.data_classes.assets.AssetList",
    ], proc.stdout + proc.stderr
    assert "error:" not in proc.stdout, proc.stdout
