"""Unit tests of the Files API and its streaming transfers: a fake CDF plus a fake storage host behind
``httpx.MockTransport`` (the SDK's own layers run for real)."""

from __future__ import annotations

import asyncio
import gzip
import io
import itertools
import json
import sys
import types
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from cognite.client import AsyncCogniteClient, ClientConfig, CogniteClient, global_config
from cognite.client._api import _file_transfer
from cognite.client.credentials import Token
from cognite.client.data_classes.data_modeling.ids import NodeId
from cognite.client.data_classes.files import (
    FileMetadata,
    FileMetadataFilter,
    FileMetadataList,
    FileMetadataUpdate,
    FileMetadataWrite,
    FileMultipartUploadSession,
)
from cognite.client.exceptions import CogniteFileUploadError, CogniteImportError, CogniteNotFoundError

ROOT = "/api/v1/projects/p"
STORAGE = "https://storage.example"


class FakeFiles:
    """CDF's files endpoints and a storage host for the URLs they hand out.

    ``storage_faults``: (method, url) -> list of responses (or exceptions) to give before the real answer.
    """

    def __init__(self) -> None:
        self.files: dict[int, dict[str, Any]] = {}
        self.content: dict[int, bytes] = {}
        self.parts: dict[str, dict[int, bytes]] = {}
        self.requests: list[httpx.Request] = []
        self.bodies: list[Any] = []
        self.storage_faults: dict[str, list[Any]] = {}
        self.expired: set[str] = set()
        self._ids = itertools.count(1)
        self._tokens = itertools.count(1)

    @property
    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handle)

    def calls(self, endpoint: str) -> list[httpx.Request]:
        return [r for r in self.requests if f"{r.method} {self._path(r)}" == endpoint]

    @staticmethod
    def _path(request: httpx.Request) -> str:
        return str(request.url).removeprefix("https://fake.cognitedata.com" + ROOT).split("?")[0]

    async def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        url = str(request.url)
        if url.startswith(STORAGE):
            faults = self.storage_faults.get(f"{request.method} {url.split('/')[-1]}")
            if faults:
                fault = faults.pop(0)
                if isinstance(fault, Exception):
                    raise fault
                return fault  # type: ignore[no-any-return]
            return self._storage(request)
        raw = request.content
        body = json.loads(gzip.decompress(raw) if request.headers.get("content-encoding") == "gzip" else raw or b"{}")
        self.bodies.append(body)
        path = self._path(request)
        params = dict(request.url.params)
        if path == "/files":
            return httpx.Response(201, json=self._create(body, params))
        if path == "/files/initmultipartupload":
            return httpx.Response(201, json=self._multipart(self._create(body, params), int(params["parts"])))
        if path == "/files/uploadlink":
            f = self._find(body["items"][0])
            return httpx.Response(201, json={**f, "uploadUrl": self._url("put", f["id"])})
        if path == "/files/multiuploadlink":
            return httpx.Response(201, json=self._multipart(self._find(body["items"][0]), int(params["parts"])))
        if path == "/files/completemultipartupload":
            parts = self.parts.pop(body["uploadId"])
            self.content[body["id"]] = b"".join(parts[n] for n in sorted(parts))
            return httpx.Response(200, json={})
        if path == "/files/downloadlink":
            items = [{**ref, "downloadUrl": self._url("get", self._find(ref)["id"])} for ref in body["items"]]
            return httpx.Response(200, json={"items": items})
        if path == "/files/byids":
            found = [f for ref in body["items"] if (f := self._find(ref, missing_ok=True)) is not None]
            if len(found) < len(body["items"]) and not body.get("ignoreUnknownIds"):
                return httpx.Response(400, json={"error": {"code": 400, "message": "missing", "missing": [{}]}})
            return httpx.Response(200, json={"items": found})
        if path in ("/files/list", "/files/search"):
            return httpx.Response(200, json={"items": list(self.files.values())[: body.get("limit", 100)]})
        if path == "/files/aggregate":
            return httpx.Response(200, json={"items": [{"count": len(self.files)}]})
        if path == "/files/update":
            return httpx.Response(200, json={"items": [{**self._find(it), "source": "s"} for it in body["items"]]})
        if path == "/files/delete":
            return httpx.Response(200, json={})
        return httpx.Response(404, json={"error": {"code": 404, "message": path}})

    def _storage(self, request: httpx.Request) -> httpx.Response:
        _, _, token = str(request.url).removeprefix(STORAGE + "/").partition("/")
        if token in self.expired:
            self.expired.discard(token)
            return httpx.Response(403, text="expired")
        target = token.split("-")
        if request.method == "PUT":
            if target[0] == "part":
                self.parts.setdefault(target[1], {})[int(target[2])] = request.content
            else:
                self.content[int(target[1])] = request.content
                self.files[int(target[1])]["uploaded"] = True
            return httpx.Response(200)
        return httpx.Response(200, content=self.content[int(target[1])])

    def _create(self, body: dict[str, Any], params: dict[str, str]) -> dict[str, Any]:
        i = next(self._ids)
        self.files[i] = {**body, "id": i, "uploaded": False, "createdTime": 0, "lastUpdatedTime": 0}
        return {**self.files[i], "uploadUrl": self._url("put", i)}

    def _multipart(self, f: dict[str, Any], parts: int) -> dict[str, Any]:
        upload_id = f"u{next(self._tokens)}"
        urls = [f"{STORAGE}/put/part-{upload_id}-{n}" for n in range(parts)]
        f = {k: v for k, v in f.items() if k != "uploadUrl"}
        return {**f, "uploadId": upload_id, "uploadUrls": urls}

    def _url(self, kind: str, file_id: int) -> str:
        return f"{STORAGE}/{kind}/file-{file_id}-{next(self._tokens)}"

    def _find(self, ref: dict[str, Any], missing_ok: bool = False) -> Any:
        for f in self.files.values():
            if ("id" in ref and f["id"] == ref["id"]) or (
                "externalId" in ref and f.get("externalId") == ref["externalId"]
            ):
                return f
            if "instanceId" in ref and f.get("instanceId") == ref["instanceId"]:
                return f
        if missing_ok:
            return None
        raise AssertionError(f"unknown file {ref}")


@pytest.fixture
def fake() -> FakeFiles:
    return FakeFiles()


@pytest.fixture
def config() -> ClientConfig:
    return ClientConfig("unit", "p", Token("secret-token"), base_url="https://fake.cognitedata.com")


@pytest.fixture
def client(config: ClientConfig, fake: FakeFiles) -> AsyncCogniteClient:
    global_config.max_retry_backoff = 0
    return AsyncCogniteClient(config, transport=fake.transport)


def storage_requests(fake: FakeFiles) -> list[httpx.Request]:
    return [r for r in fake.requests if str(r.url).startswith(STORAGE)]


# ---------------------------------------------------------------------------------------------- uploads


async def test_upload_streams_to_the_upload_url_without_cdf_auth(
    client: AsyncCogniteClient, fake: FakeFiles, tmp_path: Path
) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF" * 1000)
    meta = await client.files.upload(path, external_id="r", mime_type="application/pdf", metadata={"k": "v"})
    assert isinstance(meta, FileMetadata) and meta.name == "report.pdf" and meta.external_id == "r"
    assert fake.bodies[0] == {
        "name": "report.pdf",
        "externalId": "r",
        "mimeType": "application/pdf",
        "metadata": {"k": "v"},
    }
    assert fake.calls("POST /files")[0].url.params["overwrite"] == "false"
    (put,) = storage_requests(fake)
    assert put.method == "PUT" and "authorization" not in put.headers
    assert put.headers["content-length"] == "4000" and put.headers["content-type"] == "application/pdf"
    assert fake.content[meta.id or 0] == path.read_bytes()


@pytest.mark.parametrize("content", [b"bytes!", "text!", bytearray(b"array!")])
async def test_upload_bytes_accepts_bytes_and_strings(
    client: AsyncCogniteClient, fake: FakeFiles, content: Any
) -> None:
    meta = await client.files.upload_bytes(content, name="x", overwrite=True)
    assert fake.content[meta.id or 0] == (content.encode() if isinstance(content, str) else bytes(content))
    assert fake.calls("POST /files")[0].url.params["overwrite"] == "true"


async def test_upload_bytes_streams_a_binary_file_from_its_position(
    client: AsyncCogniteClient, fake: FakeFiles
) -> None:
    handle = io.BytesIO(b"skip:payload")
    handle.seek(5)
    meta = await client.files.upload_bytes(handle, name="x")
    assert fake.content[meta.id or 0] == b"payload"


async def test_bad_input_fails_before_any_request(client: AsyncCogniteClient, fake: FakeFiles, tmp_path: Path) -> None:
    with pytest.raises(TypeError, match="content"):
        await client.files.upload_bytes(123, name="x")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="binary mode"):
        await client.files.upload_bytes(io.StringIO("x"), name="x")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="name"):
        await client.files.upload_bytes(b"x", name=1)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="asset_ids"):
        await client.files.upload_bytes(b"x", name="x", asset_ids=["a"])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="path"):
        await client.files.upload(123)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="neither a file nor a directory"):
        await client.files.upload(tmp_path / "missing")
    with pytest.raises(TypeError, match="progress"):
        await client.files.upload_bytes(b"x", name="x", progress="yes")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="parts"):
        await client.files.multipart_upload_session("x", parts=0)
    with pytest.raises(ValueError, match="parts"):
        await client.files.multipart_upload_content_session(parts=251, external_id="x")
    with pytest.raises(ValueError, match="Exactly one"):
        await client.files.upload_content_bytes(b"x")
    with pytest.raises(TypeError, match="instance_id"):
        await client.files.upload_content_bytes(b"x", instance_id=("s", "x"))  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="directory"):
        await client.files.download(tmp_path / "missing", id=1)
    with pytest.raises(ValueError, match="is a directory"):
        await client.files.download_to_path(tmp_path, id=1)
    with pytest.raises(TypeError, match="filter"):
        await client.files.aggregate_count(filter=3)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="uploaded"):
        await client.files.list(uploaded="yes")  # type: ignore[arg-type]
    (tmp_path / "d").mkdir()
    with pytest.raises(ValueError, match="single file"):
        await client.files.upload(tmp_path / "d", external_id="x")
    assert fake.requests == []


async def test_a_retried_put_resends_the_whole_body(
    client: AsyncCogniteClient, fake: FakeFiles, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_file_transfer, "CHUNK_SIZE", 1000)
    path = tmp_path / "a.bin"
    data = bytes(range(256)) * 40
    path.write_bytes(data)
    fake.storage_faults["PUT file-1-1"] = [httpx.Response(503), httpx.ReadError("reset")]
    seen: list[tuple[int, int]] = []
    meta = await client.files.upload(path, progress=lambda done, total: seen.append((done, total)))
    assert fake.content[meta.id or 0] == data
    assert len([r for r in storage_requests(fake) if r.method == "PUT"]) == 3
    assert seen[-1] == (len(data), len(data))  # attempts that started over were uncounted


async def test_a_failed_put_raises_file_upload_error(client: AsyncCogniteClient, fake: FakeFiles) -> None:
    fake.storage_faults["PUT file-1-1"] = [httpx.Response(400, text="bad")]
    with pytest.raises(CogniteFileUploadError) as err:
        await client.files.upload_bytes(b"x", name="x")
    assert err.value.code == 400


async def test_large_files_go_up_in_parallel_parts(
    client: AsyncCogniteClient, fake: FakeFiles, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(type(client.files), "_MULTIPART_THRESHOLD", 10_000)
    monkeypatch.setattr(type(client.files), "_TARGET_PART_SIZE", 4096)
    monkeypatch.setattr(type(client.files), "_MIN_PART_SIZE", 1)
    path = tmp_path / "big.bin"
    data = bytes(range(256)) * 100  # 25,600 bytes: 7 parts of 4,096 (the last smaller)
    path.write_bytes(data)
    meta = await client.files.upload(path, external_id="big")
    assert fake.calls("POST /files/initmultipartupload")[0].url.params["parts"] == "7"
    puts = [r for r in storage_requests(fake) if r.method == "PUT"]
    assert sorted(int(r.headers["content-length"]) for r in puts) == [1024] + [4096] * 6
    assert fake.bodies[-1]["id"] == meta.id and set(fake.bodies[-1]) == {"id", "uploadId"}
    assert fake.content[meta.id or 0] == data


async def test_calculate_part_size_and_count(client: AsyncCogniteClient) -> None:
    mib = 1024 * 1024
    assert client.files.calculate_part_size_and_count(0) == (64 * mib, 1)
    assert client.files.calculate_part_size_and_count(64 * mib + 1) == (64 * mib, 2)
    size, parts = client.files.calculate_part_size_and_count(100_000 * mib)
    assert parts <= 250 and size * parts >= 100_000 * mib and size % mib == 0
    with pytest.raises(ValueError, match="file_size"):
        client.files.calculate_part_size_and_count(-1)
    with pytest.raises(ValueError, match="above"):
        client.files.calculate_part_size_and_count(250 * 4001 * mib)


async def test_multipart_session_async(client: AsyncCogniteClient, fake: FakeFiles) -> None:
    session = await client.files.multipart_upload_session("m.bin", parts=2, external_id="m")
    assert isinstance(session, FileMultipartUploadSession)
    with pytest.raises(RuntimeError, match="Enter the session"):
        await session.upload_part_async(0, b"x")
    async with session:
        await session.upload_part_async(1, io.BytesIO(b"-two"))
        await session.upload_part_async(0, "one")
        with pytest.raises(ValueError, match="part_no"):
            await session.upload_part_async(2, b"x")
    assert fake.content[session.file_metadata.id or 0] == b"one-two"
    assert session.file_metadata.uploaded is True


async def test_multipart_session_is_not_completed_when_parts_are_missing_or_the_block_fails(
    client: AsyncCogniteClient, fake: FakeFiles
) -> None:
    s1 = await client.files.multipart_upload_session("m.bin", parts=2)
    with pytest.raises(RuntimeError, match=r"Parts \[1\]"):
        async with s1:
            await s1.upload_part_async(0, b"x")
    s2 = await client.files.multipart_upload_session("n.bin", parts=1)
    with pytest.raises(KeyError):
        async with s2:
            raise KeyError("user error")
    assert fake.calls("POST /files/completemultipartupload") == []


def test_multipart_session_sync(config: ClientConfig, fake: FakeFiles) -> None:
    global_config.max_retry_backoff = 0
    with CogniteClient(config, transport=fake.transport) as client:
        client.files.create(FileMetadataWrite(name="a", external_id="a"))
        with client.files.multipart_upload_content_session(parts=1, external_id="a") as session:
            session.upload_part(0, b"sync part")
        assert fake.content[1] == b"sync part"
        assert fake.bodies[1] == {"items": [{"externalId": "a"}]}


async def test_upload_content_to_existing_files(client: AsyncCogniteClient, fake: FakeFiles, tmp_path: Path) -> None:
    await client.files.create(FileMetadataWrite(name="a", external_id="a"))
    fake.files[1]["instanceId"] = {"space": "s", "externalId": "a"}
    (tmp_path / "a").write_bytes(b"from disk")
    await client.files.upload_content(tmp_path / "a", external_id="a")
    assert fake.content[1] == b"from disk"
    await client.files.upload_content_bytes(b"from memory", instance_id=NodeId("s", "a"))
    assert fake.content[1] == b"from memory"
    assert fake.bodies[-1] == {"items": [{"instanceId": {"space": "s", "externalId": "a"}}]}


async def test_directory_upload_that_partly_fails_reports_each_file(
    client: AsyncCogniteClient, fake: FakeFiles, tmp_path: Path
) -> None:
    for name in ("a", "b", "c"):
        (tmp_path / name).write_bytes(name.encode())
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "d").write_bytes(b"d")
    global_config.concurrency_settings.files.write = 1  # files go up one after another: file 2 is "b"
    fake.storage_faults["PUT file-2-2"] = [httpx.Response(400, text="rejected")]
    with pytest.raises(CogniteFileUploadError) as err:
        await client.files.upload(tmp_path)
    assert err.value.successful == [str(tmp_path / "a"), str(tmp_path / "c")]  # type: ignore[attr-defined]
    assert err.value.failed == [str(tmp_path / "b")]  # type: ignore[attr-defined]
    assert err.value.unknown == []  # type: ignore[attr-defined]
    fake.storage_faults.clear()
    result = await client.files.upload(tmp_path, recursive=True)
    assert isinstance(result, FileMetadataList) and [f.name for f in result] == ["a", "b", "c", "d"]


async def test_progress_bar_uses_tqdm_when_installed(
    client: AsyncCogniteClient, fake: FakeFiles, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "tqdm", None)
    monkeypatch.setitem(sys.modules, "tqdm.auto", None)
    with pytest.raises(CogniteImportError, match="tqdm"):
        await client.files.upload_bytes(b"x", name="x", progress=True)
    bars: list[Any] = []

    class Bar:
        def __init__(self, **kwargs: Any) -> None:
            self.total, self.n, self.closed = kwargs["total"], 0, False
            bars.append(self)

        def update(self, n: int) -> None:
            self.n += n

        def refresh(self) -> None:
            pass

        def close(self) -> None:
            self.closed = True

    module = types.ModuleType("tqdm.auto")
    module.tqdm = Bar  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "tqdm", types.ModuleType("tqdm"))
    monkeypatch.setitem(sys.modules, "tqdm.auto", module)
    await client.files.upload_bytes(b"12345", name="x", progress=True)
    assert bars[0].total == 5 and bars[0].n == 5 and bars[0].closed


# ---------------------------------------------------------------------------------------------- downloads


class _Broken(httpx.AsyncByteStream):
    """A body that breaks after its first half."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield self.data[: len(self.data) // 2]
        raise httpx.ReadError("connection reset")


async def _stored(client: AsyncCogniteClient, fake: FakeFiles, data: bytes, **kwargs: Any) -> int:
    meta = await client.files.upload_bytes(data, **{"name": "f.bin", **kwargs})
    return meta.id or 0


async def test_download_to_path_restarts_an_interrupted_download(
    client: AsyncCogniteClient, fake: FakeFiles, tmp_path: Path
) -> None:
    data = bytes(range(256)) * 64
    file_id = await _stored(client, fake, data)
    broken = httpx.Response(200, headers={"content-length": str(len(data))}, stream=_Broken(data))
    fake.storage_faults[f"GET file-{file_id}-2"] = [broken]
    target = tmp_path / "out" / "f.bin"
    await client.files.download_to_path(target, id=file_id)
    assert target.read_bytes() == data
    assert sorted(p.name for p in target.parent.iterdir()) == ["f.bin"]


async def test_a_failed_download_leaves_no_file_under_its_name(
    client: AsyncCogniteClient, fake: FakeFiles, tmp_path: Path
) -> None:
    global_config.max_retries = 2
    data = b"x" * 1000
    file_id = await _stored(client, fake, data)
    fake.storage_faults[f"GET file-{file_id}-2"] = [httpx.ReadError("reset")] * 3
    (tmp_path / "keep.bin").write_bytes(b"old")
    with pytest.raises(Exception, match="Connection"):
        await client.files.download_to_path(tmp_path / "keep.bin", id=file_id)
    assert [p.name for p in tmp_path.iterdir()] == ["keep.bin"]
    assert (tmp_path / "keep.bin").read_bytes() == b"old"


async def test_a_short_body_is_retried(client: AsyncCogniteClient, fake: FakeFiles) -> None:
    file_id = await _stored(client, fake, b"0123456789")
    short = httpx.Response(200, headers={"content-length": "10"}, content=b"01234")
    fake.storage_faults[f"GET file-{file_id}-2"] = [short]
    assert await client.files.download_bytes(id=file_id) == b"0123456789"


async def test_an_expired_link_is_asked_for_again(client: AsyncCogniteClient, fake: FakeFiles) -> None:
    file_id = await _stored(client, fake, b"data")
    fake.expired.add(f"file-{file_id}-2")
    assert await client.files.download_bytes(id=file_id) == b"data"
    assert len(fake.calls("POST /files/downloadlink")) == 2


async def test_download_names_collisions_and_structure(
    client: AsyncCogniteClient, fake: FakeFiles, tmp_path: Path
) -> None:
    await _stored(client, fake, b"one", external_id="1", directory="/a/b")
    await _stored(client, fake, b"two", external_id="2")
    await _stored(client, fake, b"three", external_id="3")
    with pytest.warns(UserWarning, match="names already taken.*external_id='2'.*external_id='3'"):
        await client.files.download(tmp_path, external_id=["1", "2", "3"])
    assert (tmp_path / "f.bin").read_bytes() == b"one"
    (tmp_path / "r").mkdir()
    await client.files.download(tmp_path / "r", id=[1, 2, 3], resolve_duplicate_file_names=True)
    assert {p.name: p.read_bytes() for p in (tmp_path / "r").iterdir()} == {
        "f.bin": b"one", "f (1).bin": b"two", "f (2).bin": b"three",
    }  # fmt: skip
    (tmp_path / "k").mkdir()
    await client.files.download(tmp_path / "k", id=[1, 2], keep_directory_structure=True)
    assert (tmp_path / "k" / "a" / "b" / "f.bin").read_bytes() == b"one"
    assert (tmp_path / "k" / "f.bin").read_bytes() == b"two"


async def test_download_refuses_names_outside_the_directory(
    client: AsyncCogniteClient, fake: FakeFiles, tmp_path: Path
) -> None:
    await _stored(client, fake, b"evil", name="../evil.txt")
    before = len(fake.requests)
    with pytest.raises(ValueError, match="outside"):
        await client.files.download(tmp_path, id=1)
    assert [r.url.path for r in fake.requests[before:]] == [f"{ROOT}/files/byids"]


async def test_download_links_are_asked_for_in_chunks_of_100(
    client: AsyncCogniteClient, fake: FakeFiles, tmp_path: Path
) -> None:
    for i in range(150):
        await _stored(client, fake, str(i).encode(), name=f"{i}.txt")
    fake.requests.clear()
    await client.files.download(tmp_path, id=list(range(1, 151)))
    assert [len(json.loads(gzip.decompress(r.content))["items"]) for r in fake.calls("POST /files/downloadlink")] == [
        100,
        50,
    ]
    assert (tmp_path / "149.txt").read_bytes() == b"149"
    urls = await client.files.retrieve_download_urls(id=[1, 2], external_id=[], extended_expiration=True)
    assert set(urls) == {1, 2}
    assert fake.calls("POST /files/downloadlink")[-1].url.params["extendedExpiration"] == "true"


async def test_download_reports_what_was_downloaded(
    client: AsyncCogniteClient, fake: FakeFiles, tmp_path: Path
) -> None:
    global_config.concurrency_settings.files.read = 1
    for i in range(3):
        await _stored(client, fake, b"x", name=f"{i}.txt")
    fake.storage_faults["GET file-2-5"] = [httpx.Response(404, text="gone")]
    with pytest.raises(Exception, match="gone") as err:
        await client.files.download(tmp_path, id=[1, 2, 3])
    assert err.value.successful == [1, 3] and err.value.failed == [2]  # type: ignore[attr-defined]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["0.txt", "2.txt"]


async def test_retrieve_download_urls_keys(client: AsyncCogniteClient, fake: FakeFiles) -> None:
    await _stored(client, fake, b"x", external_id="x")
    fake.files[1]["instanceId"] = {"space": "s", "externalId": "x"}
    urls = await client.files.retrieve_download_urls(id=1, external_id="x", instance_id=NodeId("s", "x"))
    assert list(urls) == [1, "x", NodeId("s", "x")]


# ---------------------------------------------------------------------------------------------- metadata


async def test_metadata_requests(client: AsyncCogniteClient, fake: FakeFiles) -> None:
    await client.files.create(FileMetadata(name="a", external_id="a", id=99, uploaded=True))
    assert fake.bodies[-1] == {"name": "a", "externalId": "a"}
    assert (await client.files.retrieve(external_id="a")).name == "a"  # type: ignore[union-attr]
    assert len(await client.files.retrieve_multiple(ids=[1, 7], ignore_unknown_ids=True)) == 1
    with pytest.raises(CogniteNotFoundError):
        await client.files.retrieve_multiple(ids=[7])
    await client.files.list(asset_ids=list(range(1, 151)), uploaded=True, directory_prefix="/d", limit=None)
    lists = [json.loads(gzip.decompress(r.content)) for r in fake.calls("POST /files/list")]
    assert [len(b["filter"]["assetIds"]) for b in lists] == [100, 50]
    assert lists[0]["filter"]["uploaded"] is True and lists[0]["filter"]["directoryPrefix"] == "/d"
    await client.files.search(name="a", filter=FileMetadataFilter(mime_type="text/plain"), limit=5)
    assert fake.bodies[-1] == {"search": {"name": "a"}, "filter": {"mimeType": "text/plain"}, "limit": 5}
    assert await client.files.aggregate_count(FileMetadataFilter(uploaded=False)) == 1
    assert fake.bodies[-1] == {"filter": {"uploaded": False}}
    updated = await client.files.update(FileMetadataUpdate(id=1).source.set("s"))
    assert updated.source == "s"
    await client.files.update([FileMetadata(id=1, name="a", metadata={"k": "v"})], mode="patch")
    assert fake.bodies[-1]["items"][0]["update"]["metadata"] == {"add": {"k": "v"}}
    await client.files.delete(id=[1], external_id="b", ignore_unknown_ids=True)
    assert fake.bodies[-1] == {"items": [{"id": 1}, {"externalId": "b"}], "ignoreUnknownIds": True}
    got = [f async for f in client.files(chunk_size=None, limit=1)]
    assert [f.name for f in got] == ["a"]


def test_update_by_instance_id_warns_about_fields_data_modeling_owns() -> None:
    update = FileMetadataUpdate(instance_id=NodeId("s", "x")).directory.set("/d").metadata.add({"k": "v"})
    with pytest.warns(UserWarning, match=r"\['directory'\]"):
        dumped = update.dump()
    assert dumped == {
        "instanceId": {"space": "s", "externalId": "x"},
        "update": {"directory": {"set": "/d"}, "metadata": {"add": {"k": "v"}}},
    }
    meta = FileMetadata(instance_id=NodeId("s", "x"), name="n", directory="/d", metadata={"a": "b"})
    names = [p.name for p in FileMetadataUpdate._get_update_properties(meta)]
    assert "directory" not in names and "metadata" in names


def test_data_classes_round_trip() -> None:
    raw = {
        "id": 1, "name": "a", "uploaded": True, "uploadedTime": 5, "createdTime": 1, "lastUpdatedTime": 2,
        "labels": [{"externalId": "l"}], "instanceId": {"space": "s", "externalId": "x"},
        "geoLocation": {"type": "Feature", "geometry": {"type": "Point", "coordinates": [1, 2]}},
    }  # fmt: skip
    meta = FileMetadata.load(raw)
    assert meta.instance_id == NodeId("s", "x") and meta.labels is not None and meta.labels[0].external_id == "l"
    assert meta.dump() == raw
    assert FileMetadataList.load([raw]).as_write().dump() == [
        {"name": "a", "labels": [{"externalId": "l"}], "geoLocation": raw["geoLocation"]}
    ]
    assert FileMetadataWrite("a", labels=["x"]).labels[0].external_id == "x"  # type: ignore[index]
    with pytest.raises(ValueError, match="name"):
        FileMetadata(id=1).as_write()


async def test_many_transfers_are_bounded_by_the_files_concurrency(config: ClientConfig, tmp_path: Path) -> None:
    fake = FakeFiles()
    state = {"now": 0, "max": 0}

    async def slow(request: httpx.Request) -> httpx.Response:
        if str(request.url).startswith(STORAGE):
            state["now"] += 1
            state["max"] = max(state["max"], state["now"])
            await asyncio.sleep(0.005)
            state["now"] -= 1
        return await fake.handle(request)

    global_config.concurrency_settings.files.write = 3
    for i in range(12):
        (tmp_path / f"{i}.bin").write_bytes(b"x" * 100)
    client = AsyncCogniteClient(config, transport=httpx.MockTransport(slow))
    result = await client.files.upload(tmp_path)
    assert len(result) == 12 and state["max"] == 3  # type: ignore[arg-type]


async def test_chunks_are_read_lazily_and_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_file_transfer, "CHUNK_SIZE", 10)
    path = tmp_path / "f"
    path.write_bytes(bytes(range(100)))
    factory: Callable[[], AsyncIterator[bytes]] = _file_transfer.file_chunks(path, 5, 33)
    got = [c async for c in factory()]
    assert [len(c) for c in got] == [10, 10, 10, 3] and b"".join(got) == bytes(range(5, 38))
    assert b"".join([c async for c in factory()]) == bytes(range(5, 38))  # a fresh iterator per attempt
