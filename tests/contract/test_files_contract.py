"""Contract tests: every request the Files API sends to CDF validates against the CDF OpenAPI spec (and the canned
answers it decodes do too); content goes to the storage URLs CDF hands out, never with the CDF token."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from cognite.client import AsyncCogniteClient
from cognite.client.data_classes.data_modeling.ids import NodeId
from cognite.client.data_classes.files import FileMetadata, FileMetadataFilter, FileMetadataUpdate, FileMetadataWrite
from cognite.client.data_classes.labels import Label, LabelFilter
from cognite.client.data_classes.shared import GeoLocation, GeoLocationFilter, Geometry, GeometryFilter
from cognite.client.testing import SpecCheckedCDF
from cognite.client.testing._openapi import OpenAPISpec

STORAGE = "https://storage.contract.example"
FILE = {"id": 1, "name": "a.txt", "externalId": "a", "uploaded": False, "createdTime": 0, "lastUpdatedTime": 0}


class FilesCDF(SpecCheckedCDF):
    """Answers CDF requests with bodies the spec allows, and the storage URLs it hands out with content."""

    def __init__(self, spec: OpenAPISpec) -> None:
        super().__init__(spec)
        self.storage: list[httpx.Request] = []

    def answer_external(self, request: httpx.Request) -> httpx.Response:
        if not str(request.url).startswith(STORAGE):
            return super().answer_external(request)
        self.storage.append(request)
        return httpx.Response(200, content=b"content" if request.method == "GET" else b"")

    def answer(self, method: str, path: str, template: str, body: Any, query: dict[str, str]) -> tuple[int, Any]:
        if path in ("/files", "/files/uploadlink"):
            return 201, {**FILE, "uploadUrl": f"{STORAGE}/put/1"}
        if path in ("/files/initmultipartupload", "/files/multiuploadlink"):
            urls = [f"{STORAGE}/put/1-{n}" for n in range(int(query["parts"]))]
            return 201, {**FILE, "uploadId": "up-1", "uploadUrls": urls}
        if path == "/files/downloadlink":
            return 200, {"items": [{**ref, "downloadUrl": f"{STORAGE}/get/1"} for ref in body["items"]]}
        if path in ("/files/completemultipartupload", "/files/delete"):
            return 200, {}
        if path == "/files/aggregate":
            return 200, {"items": [{"count": 3}]}
        if path in ("/files/update", "/files/byids"):
            return 200, {"items": [{**FILE, "id": i + 1} for i in range(len(body["items"]))]}
        return 200, {"items": [FILE, {**FILE, "id": 2, "instanceId": {"space": "s", "externalId": "x"}}]}


@pytest.fixture
def cdf(spec: OpenAPISpec) -> FilesCDF:
    return FilesCDF(spec)


async def test_every_request_matches_the_spec(client: AsyncCogniteClient, cdf: FilesCDF, tmp_path: Path) -> None:
    geo = GeoLocation("Feature", Geometry("Point", [10.0, 59.0]))
    full = FileMetadataWrite(
        name="a.txt", external_id="a", source="s", mime_type="text/plain", metadata={"k": "v"}, directory="/d",
        asset_ids=[1], data_set_id=2, labels=[Label("l")], geo_location=geo, source_created_time=1,
        source_modified_time=2, security_categories=[3],
    )  # fmt: skip
    await client.files.create(full, overwrite=True)
    (tmp_path / "a.txt").write_bytes(b"abc")
    await client.files.upload(tmp_path / "a.txt", external_id="a", labels=[Label("l")], geo_location=geo)
    await client.files.upload_bytes(b"x", name="x", asset_ids=[1], security_categories=[2])
    await client.files.upload_content(tmp_path / "a.txt", external_id="a")
    await client.files.upload_content_bytes(b"x", instance_id=NodeId("s", "x"))
    async with await client.files.multipart_upload_session("m", parts=2, external_id="m", overwrite=True) as s:
        await s.upload_part_async(0, b"0")
        await s.upload_part_async(1, b"1")
    async with await client.files.multipart_upload_content_session(parts=1, external_id="a") as s:
        await s.upload_part_async(0, b"0")
    await client.files.retrieve(id=1)
    await client.files.retrieve_multiple(ids=[1], external_ids=["a"], instance_ids=[NodeId("s", "x")])
    await client.files.list(
        name="a", mime_type="text/plain", metadata={"k": "v"}, asset_ids=[1], asset_external_ids=["a"],
        asset_subtree_ids=[1], asset_subtree_external_ids=["r"], data_set_ids=[1], data_set_external_ids=["d"],
        labels=LabelFilter(contains_any=["l"]), geo_location=GeoLocationFilter("within", GeometryFilter("Point", [1, 2])),
        source="s", created_time={"min": 0}, last_updated_time={"max": 1}, source_created_time={"min": 0},
        source_modified_time={"min": 0}, uploaded_time={"min": 0}, external_id_prefix="a", directory_prefix="/d",
        uploaded=True, limit=5,
    )  # fmt: skip
    await client.files.list(partitions=2, limit=None)
    [f async for f in client.files(chunk_size=10, uploaded=False, limit=2)]
    await client.files.search(name="a", filter=FileMetadataFilter(directory_prefix="/d"), limit=3)
    await client.files.aggregate_count(FileMetadataFilter(uploaded=True, labels=LabelFilter(contains_all=["l"])))
    await client.files.update(FileMetadataUpdate(id=1).labels.add(["l"]).asset_ids.remove([2]).source.set(None))
    await client.files.update(FileMetadataUpdate(external_id="a").geo_location.set(geo).metadata.set({}))
    await client.files.update(FileMetadata(id=1, name="a", directory="/x", labels=[Label("l")]), mode="replace")
    await client.files.update(FileMetadata(instance_id=NodeId("s", "x"), metadata={"a": "b"}), mode="patch")
    await client.files.retrieve_download_urls(
        id=[1], external_id="a", instance_id=NodeId("s", "x"), extended_expiration=True
    )
    await client.files.download_bytes(id=1)
    await client.files.download_to_path(tmp_path / "out.txt", external_id="a")
    (tmp_path / "dl").mkdir()
    await client.files.download(tmp_path / "dl", id=[1])
    await client.files.delete(id=[1], external_id=["a"], ignore_unknown_ids=True)
    assert cdf.errors == []
    assert {template for _, template in cdf.seen} >= {
        "/files", "/files/uploadlink", "/files/initmultipartupload", "/files/multiuploadlink",
        "/files/completemultipartupload", "/files/downloadlink", "/files/byids", "/files/list", "/files/search",
        "/files/aggregate", "/files/update", "/files/delete",
    }  # fmt: skip
    assert cdf.storage and all("authorization" not in r.headers for r in cdf.storage)
    assert all(r.headers["content-length"] == str(len(r.content)) for r in cdf.storage if r.method == "PUT")


def test_data_classes_match_the_spec_schemas(spec: OpenAPISpec) -> None:
    validate_schema = spec.validate_schema
    write = FileMetadataWrite(name="a", external_id="a", labels=["l"], asset_ids=[1])
    validate_schema("ExternalFilesMetadata", write.dump())
    validate_schema("FileChangeUpdate", FileMetadataUpdate(id=1).mime_type.set("x/y").labels.remove("l").dump())
    validate_schema("FileFilter", {"filter": FileMetadataFilter(uploaded=True, asset_ids=[1]).dump()})
