"""The emulator's files family with raw httpx (every request and response validated against the spec): metadata,
upload URLs served by the emulator itself (single and multipart), content on disk, expiring download links."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from cognite.client.testing import CDFEmulator, EmulatorServer
from cognite.client.testing._families_files import FilesStore

from .conftest import AUTH, PROJECT, spec_checked

MiB = 1024 * 1024


async def create(client: httpx.AsyncClient, **body: Any) -> dict[str, Any]:
    response = await client.post("/files", json={"name": "a.txt", **body})
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]


async def link(client: httpx.AsyncClient, ref: dict[str, Any], **params: str) -> str:
    response = await client.post("/files/downloadlink", json={"items": [ref]}, params=params)
    assert response.status_code == 200, response.text
    return response.json()["items"][0]["downloadUrl"]  # type: ignore[no-any-return]


async def test_upload_sets_uploaded_and_the_content_downloads(client: httpx.AsyncClient, emulator: CDFEmulator) -> None:
    created = await create(client, externalId="a", mimeType="text/plain")
    assert created["uploaded"] is False and created["uploadUrl"].startswith("http://cdf.local/_content/")
    put = await client.put(created["uploadUrl"], content=b"hello", headers={"Authorization": ""})
    assert put.status_code == 201
    got = (await client.post("/files/byids", json={"items": [{"externalId": "a"}]})).json()["items"][0]
    assert got["uploaded"] is True and got["uploadedTime"] >= got["createdTime"]
    download = await client.get(await link(client, {"externalId": "a"}))
    assert download.content == b"hello" and download.headers["content-type"] == "text/plain"
    store = emulator.store(PROJECT, "files")
    assert isinstance(store, FilesStore) and store.content_bytes({"id": created["id"]}) == b"hello"
    assert emulator.spec_violations == [] and emulator.invalid_requests == []


async def test_links_refuse_files_without_content_and_unknown_files(client: httpx.AsyncClient) -> None:
    await create(client, externalId="empty")
    missing = await client.post("/files/downloadlink", json={"items": [{"externalId": "empty"}]})
    assert missing.status_code == 400 and missing.json()["error"]["missing"] == [{"externalId": "empty"}]
    unknown = await client.post("/files/downloadlink", json={"items": [{"id": 1}]})
    assert unknown.status_code == 400
    too_many = await client.post("/files/downloadlink", json={"items": [{"id": i} for i in range(1, 102)]})
    assert too_many.status_code == 400


async def test_download_links_expire(client: httpx.AsyncClient, emulator: CDFEmulator) -> None:
    now = [1_000_000]
    emulator.clock = lambda: now[0]
    created = await create(client, externalId="a")
    await client.put(created["uploadUrl"], content=b"x")
    short, extended = (
        await link(client, {"id": created["id"]}),
        await link(client, {"id": created["id"]}, extendedExpiration="true"),
    )
    now[0] += FilesStore.download_ttl_ms + 1
    assert (await client.get(short)).status_code == 403
    assert (await client.get(extended)).content == b"x"
    now[0] += FilesStore.extended_download_ttl_ms
    assert (await client.get(extended)).status_code == 403


async def test_overwrite_replaces_metadata_and_drops_content(client: httpx.AsyncClient) -> None:
    first = await create(client, externalId="a", source="one")
    await client.put(first["uploadUrl"], content=b"old")
    duplicate = await client.post("/files", json={"name": "b", "externalId": "a"})
    assert duplicate.status_code == 409 and duplicate.json()["error"]["duplicated"] == [{"externalId": "a"}]
    again = await client.post("/files", json={"name": "b", "externalId": "a"}, params={"overwrite": "true"})
    assert again.status_code == 201
    body = again.json()
    assert body["id"] == first["id"] and body["name"] == "b" and "source" not in body and body["uploaded"] is False
    assert (await client.post("/files/downloadlink", json={"items": [{"externalId": "a"}]})).status_code == 400


async def test_multipart_upload(client: httpx.AsyncClient) -> None:
    init = await client.post("/files/initmultipartupload", json={"name": "m", "externalId": "m"}, params={"parts": "3"})
    assert init.status_code == 201
    started = init.json()
    assert len(started["uploadUrls"]) == 3 and started["uploaded"] is False
    parts = [b"a" * (5 * MiB), b"b" * (5 * MiB), b"tail"]
    for url, part in reversed(list(zip(started["uploadUrls"], parts, strict=True))):
        assert (await client.put(url, content=part)).status_code == 201
    complete = {"id": started["id"], "uploadId": started["uploadId"]}
    assert (await client.post("/files/completemultipartupload", json=complete)).status_code == 200
    assert (await client.post("/files/completemultipartupload", json=complete)).status_code == 200  # idempotent
    download = await client.get(await link(client, {"externalId": "m"}))
    assert download.content == b"".join(parts)


async def test_multipart_rules(client: httpx.AsyncClient) -> None:
    started = (await client.post("/files/initmultipartupload", json={"name": "m"}, params={"parts": "2"})).json()
    complete = {"id": started["id"], "uploadId": started["uploadId"]}
    missing = await client.post("/files/completemultipartupload", json=complete)
    assert missing.status_code == 400 and "[0, 1]" in missing.json()["error"]["message"]
    for url in started["uploadUrls"]:
        await client.put(url, content=b"small")
    small = await client.post("/files/completemultipartupload", json=complete)
    assert small.status_code == 400 and "smaller" in small.json()["error"]["message"]
    wrong = await client.post("/files/completemultipartupload", json={"id": started["id"], "uploadId": "nope"})
    assert wrong.status_code == 400
    bad_parts = await client.post("/files/initmultipartupload", json={"name": "m"}, params={"parts": "251"})
    assert bad_parts.status_code == 400


async def test_upload_links_for_existing_files(client: httpx.AsyncClient, emulator: CDFEmulator) -> None:
    emulator.store(PROJECT, "files").seed([{"name": "n", "instanceId": {"space": "s", "externalId": "n"}}])
    await create(client, externalId="x")
    single = await client.post("/files/uploadlink", json={"items": [{"externalId": "x"}]})
    assert single.status_code == 201
    await client.put(single.json()["uploadUrl"], content=b"later")
    by_iid = {"instanceId": {"space": "s", "externalId": "n"}}
    multi = await client.post("/files/multiuploadlink", json={"items": [by_iid]}, params={"parts": "1"})
    assert multi.status_code == 201
    await client.put(multi.json()["uploadUrls"][0], content=b"node")
    done = await client.post("/files/completemultipartupload", json={**by_iid, "uploadId": multi.json()["uploadId"]})
    assert done.status_code == 200
    assert (await client.get(await link(client, by_iid))).content == b"node"
    assert (await client.get(await link(client, {"externalId": "x"}))).content == b"later"
    by_id = await client.post("/files/uploadlink", json={"items": [{"id": 1}]})
    assert by_id.status_code == 400


async def test_delete_removes_content_and_links(client: httpx.AsyncClient, emulator: CDFEmulator) -> None:
    created = await create(client, externalId="a")
    await client.put(created["uploadUrl"], content=b"x")
    url = await link(client, {"externalId": "a"})
    store = emulator.store(PROJECT, "files")
    assert isinstance(store, FilesStore)
    paths = list(store.content[created["id"]])
    assert (await client.post("/files/delete", json={"items": [{"externalId": "a"}]})).status_code == 200
    assert (await client.get(url)).status_code == 404
    assert (await client.put(created["uploadUrl"], content=b"y")).status_code == 404
    assert not any(p.exists() for p in paths)


async def test_content_routes_errors(client: httpx.AsyncClient) -> None:
    created = await create(client)
    base = created["uploadUrl"].rsplit("/", 1)[0]
    assert (await client.put(base + "/unknown", content=b"x")).status_code == 404
    assert (await client.delete(created["uploadUrl"])).status_code == 405
    assert (await client.get("http://cdf.local/_content/p/nofamily/x")).status_code == 404
    short = await client.put(created["uploadUrl"], content=b"abc", headers={"content-length": "5"})
    assert short.status_code == 400 and "Content-Length" in short.json()["error"]["message"]


async def test_metadata_verbs(client: httpx.AsyncClient) -> None:
    a = await create(client, externalId="a", directory="/docs/x", assetIds=[1], metadata={"k": "v"})
    await create(client, name="manual.pdf", externalId="b", sourceCreatedTime=5)
    await client.put(a["uploadUrl"], content=b"x")
    listed = (await client.post("/files/list", json={"filter": {"directoryPrefix": "/docs", "uploaded": True}})).json()
    assert [f["externalId"] for f in listed["items"]] == ["a"]
    ranged = (await client.post("/files/list", json={"filter": {"sourceCreatedTime": {"min": 1}}})).json()
    assert [f["externalId"] for f in ranged["items"]] == ["b"]
    by_get = (await client.get("/files", params={"uploaded": "false"})).json()
    assert [f["externalId"] for f in by_get["items"]] == ["b"]
    found = (await client.post("/files/search", json={"search": {"name": "manual"}})).json()
    assert [f["externalId"] for f in found["items"]] == ["b"]
    count = (await client.post("/files/aggregate", json={"filter": {"assetIds": [1]}})).json()
    assert count == {"items": [{"count": 1}]}
    update = {
        "items": [
            {"externalId": "a", "update": {"directory": {"set": "/other"}, "labels": {"add": [{"externalId": "l"}]}}}
        ]
    }
    updated = (await client.post("/files/update", json=update)).json()["items"][0]
    assert updated["directory"] == "/other" and updated["labels"] == [{"externalId": "l"}]
    assert (await client.get(f"/files/{a['id']}")).json()["externalId"] == "a"


async def test_over_loopback_a_download_is_cut_halfway_by_reset_after(server: EmulatorServer) -> None:
    server.emulator.reset()
    async with httpx.AsyncClient(base_url=server.project_url(PROJECT), headers=AUTH) as raw:
        created = await create(raw, externalId="big")
        data = bytes(range(256)) * 8192  # 2 MiB
        assert (await raw.put(created["uploadUrl"], content=data)).status_code == 201
        url = await link(raw, {"externalId": "big"})
        server.emulator.faults.add(path="/_content/*", methods=["GET"], reset_after=1.0, max_faults=1)
        received = bytearray()
        with pytest.raises(httpx.RemoteProtocolError):
            async with raw.stream("GET", url) as response:
                assert response.headers["content-length"] == str(len(data))
                async for chunk in response.aiter_bytes():
                    received += chunk
        assert 0 < len(received) < len(data)
        assert (await raw.get(url)).content == data  # the next attempt gets it all
        assert server.emulator.counters.faults["reset_after"] == 1
    server.emulator.faults.clear()


async def test_over_loopback_uploads_are_streamed_to_disk(server: EmulatorServer) -> None:
    server.emulator.reset()
    spec_hooks = spec_checked(server.emulator._spec) if server.emulator._spec is not None else {}
    async with httpx.AsyncClient(base_url=server.project_url(PROJECT), headers=AUTH, event_hooks=spec_hooks) as raw:
        created = await create(raw, externalId="s")

        async def body() -> Any:
            for i in range(8):
                yield bytes([i]) * MiB

        put = await raw.put(created["uploadUrl"], content=body())  # chunked: no content-length
        assert put.status_code == 201
        assert created["uploadUrl"].startswith(server.url)
        data = (await raw.get(await link(raw, {"externalId": "s"}))).content
        assert data == b"".join(bytes([i]) * MiB for i in range(8))
