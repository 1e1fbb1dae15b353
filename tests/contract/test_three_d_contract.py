"""Contract tests: every request the 3D API sends validates against the CDF OpenAPI spec.

Each method is called with every parameter it has, so each field of each request body and each query parameter is
checked; the canned answers are checked against the spec too.
"""

from __future__ import annotations

from typing import Any

import pytest

from cognite.client import AsyncCogniteClient
from cognite.client.data_classes import (
    BoundingBox3D,
    ThreeDAssetMapping,
    ThreeDAssetMappingWrite,
    ThreeDModel,
    ThreeDModelRevision,
    ThreeDModelRevisionUpdate,
    ThreeDModelRevisionWrite,
    ThreeDModelUpdate,
    ThreeDModelWrite,
)
from cognite.client.data_classes.three_d import RevisionCameraProperties
from cognite.client.testing import SpecCheckedCDF
from cognite.client.testing._openapi import OpenAPISpec

_MODEL = {"id": 1, "name": "m", "createdTime": 0}
_REVISION = {"id": 2, "fileId": 3, "published": False, "status": "Done", "assetMappingCount": 0, "createdTime": 0}
_NODE = {"id": 4, "treeIndex": 0, "depth": 0, "name": "root", "subtreeSize": 1}
_MAPPING = {"nodeId": 4, "assetId": 5, "treeIndex": 0, "subtreeSize": 1}
_R = "/3d/models/{modelId}/revisions/{revisionId}"


class ThreeDCDF(SpecCheckedCDF):
    """Answers 3D requests with valid canned bodies (two pages for lists without a cursor)."""

    def answer(self, method: str, path: str, template: str, body: Any, query: dict[str, str]) -> tuple[int, Any]:
        if template == "/3d/files/{threedFileId}":
            return 200, b"\x00bytes"
        if template in ("/3d/models/delete", "/3d/models/{modelId}/revisions/delete", _R + "/thumbnail",
                        _R + "/mappings/delete"):  # fmt: skip
            return 200, {}
        if template == "/3d/models" and method == "POST":
            return 201, {"items": [{**_MODEL, **m} for m in body["items"]]}
        if template == "/3d/models/update":
            return 200, {"items": [_MODEL for _ in body["items"]]}
        if template == "/3d/models/{modelId}":
            return 200, _MODEL
        if template == "/3d/models/{modelId}/revisions" and method == "POST":
            return 201, {"items": [{**_REVISION, **r} for r in body["items"]]}
        if template == "/3d/models/{modelId}/revisions/update":
            return 200, {"items": [_REVISION for _ in body["items"]]}
        if template == _R:
            return 200, _REVISION
        if template == _R + "/mappings" and method == "POST":
            return 201, {"items": [{**_MAPPING, **m} for m in body["items"]]}
        item = {
            "/3d/models": _MODEL, "/3d/models/{modelId}/revisions": _REVISION, _R + "/mappings": _MAPPING,
        }.get(template, _NODE)  # fmt: skip
        cursor = (body or {}).get("cursor") or query.get("cursor")
        return 200, {"items": [item]} if cursor else {"items": [item], "nextCursor": "next"}


@pytest.fixture
def cdf(spec: OpenAPISpec) -> ThreeDCDF:
    return ThreeDCDF(spec)


async def test_every_models_request_matches_the_spec(client: AsyncCogniteClient, cdf: ThreeDCDF) -> None:
    models = client.three_d.models
    await models.retrieve(1)
    await models.list(published=True, limit=None)
    await models.list(published=False, limit=1)
    async for _ in models(chunk_size=1, published=True, limit=3):
        pass
    await models.create("m", data_set_id=7, metadata={"k": "v"})
    await models.create([ThreeDModelWrite("a", 7, {"k": "v"}), "b"])
    await models.create(ThreeDModel.load(_MODEL))
    await models.update(ThreeDModelUpdate(id=1).name.set("n").data_set_id.set(None).metadata.add({"a": "b"}))
    await models.update(ThreeDModelUpdate(id=1).data_set_id.set(3).metadata.remove(["a"]))
    for mode in ("replace", "patch", "replace_ignore_null"):
        await models.update(ThreeDModel(id=1, name="n", data_set_id=2, metadata={"a": "b"}), mode=mode)  # type: ignore[call-overload]
        await models.update(ThreeDModel(id=1, name="n"), mode=mode)  # type: ignore[call-overload]
    await models.delete([1, 2])
    assert cdf.errors == []
    assert cdf.seen == {
        ("GET", "/3d/models"), ("POST", "/3d/models"), ("GET", "/3d/models/{modelId}"),
        ("POST", "/3d/models/update"), ("POST", "/3d/models/delete"),
    }  # fmt: skip


async def test_every_revisions_request_matches_the_spec(client: AsyncCogniteClient, cdf: ThreeDCDF) -> None:
    revs = client.three_d.revisions
    camera = RevisionCameraProperties(target=[0, 0, 0], position=[1, 1, 1])
    full = ThreeDModelRevisionWrite(3, True, [0, 0, 1], [1, 1, 1], [2, 2, 2], camera, {"k": "v"})
    await revs.create(1, full)
    await revs.create(1, [ThreeDModelRevisionWrite(3), ThreeDModelRevision.load(_REVISION)])
    await revs.retrieve(1, 2)
    await revs.list(1, limit=None)
    await revs.list(1, published=True, limit=1)
    async for _ in revs(1, chunk_size=2, published=True, limit=3):
        pass
    await revs.update(
        1,
        ThreeDModelRevisionUpdate(id=2).published.set(True).rotation.set([0, 0, 0]).scale.set([1, 1, 1])
        .translation.set([0, 1, 0]).camera.set(camera).metadata.set({"a": "b"}),
    )  # fmt: skip
    for mode in ("replace", "patch", "replace_ignore_null"):
        await revs.update(1, ThreeDModelRevision(id=2, published=True, camera=camera, metadata={"k": "v"}), mode=mode)  # type: ignore[call-overload]
        await revs.update(1, [ThreeDModelRevision(id=2)], mode=mode)  # type: ignore[call-overload]
    await revs.update_thumbnail(1, 2, file_id=9)
    await revs.delete(1, [2, 3])
    assert cdf.errors == []
    assert {p for _, p in cdf.seen} == {
        "/3d/models/{modelId}/revisions", _R, "/3d/models/{modelId}/revisions/update",
        "/3d/models/{modelId}/revisions/delete", _R + "/thumbnail",
    }  # fmt: skip


async def test_every_nodes_request_matches_the_spec(client: AsyncCogniteClient, cdf: ThreeDCDF) -> None:
    revs = client.three_d.revisions
    await revs.list_nodes(1, 2, node_id=4, depth=2, limit=None)
    await revs.list_nodes(1, 2, sort_by_node_id=True, partitions=3, limit=None)
    await revs.list_nodes(1, 2, limit=1)
    await revs.filter_nodes(1, 2, {"PDMS": {"Type": ["PIPE", "BEND"], "Area": "AB76"}}, limit=None)
    await revs.filter_nodes(1, 2, partitions=2, limit=None)
    await revs.list_ancestor_nodes(1, 2, node_id=4, limit=None)
    assert cdf.errors == []
    assert {p for _, p in cdf.seen} == {_R + "/nodes", _R + "/nodes/list", _R + "/nodes/{nodeId}/ancestors"}
    partitions = {r.query.get("partition") for r in cdf.requests if r.template == _R + "/nodes"}
    assert {"1/3", "2/3", "3/3"} <= partitions


async def test_every_files_and_mappings_request_matches_the_spec(client: AsyncCogniteClient, cdf: ThreeDCDF) -> None:
    assert await client.three_d.files.retrieve(7) == b"\x00bytes"
    am = client.three_d.asset_mappings
    box = BoundingBox3D(max=[1, 1, 1], min=[0, 0, 0])
    await am.list(1, 2, node_id=4, asset_id=5, intersects_bounding_box=box, limit=None)
    await am.list(1, 2)
    await am.create(1, 2, ThreeDAssetMappingWrite(4, 5))
    await am.create(1, 2, [ThreeDAssetMappingWrite(4, 5), ThreeDAssetMapping.load(_MAPPING)])
    await am.delete(1, 2, [ThreeDAssetMapping.load(_MAPPING), ThreeDAssetMappingWrite(4, 6)])
    await am.delete(1, 2, ThreeDAssetMappingWrite(4, 5))
    assert cdf.errors == []
    assert cdf.seen == {
        ("GET", "/3d/files/{threedFileId}"), ("GET", _R + "/mappings"), ("POST", _R + "/mappings"),
        ("POST", _R + "/mappings/delete"),
    }  # fmt: skip
    listed = next(r for r in cdf.requests if r.template == _R + "/mappings" and r.method == "GET")
    assert listed.query["intersectsBoundingBox"] == '{"max":[1,1,1],"min":[0,0,0]}'


def test_the_validator_catches_bad_bodies(spec: OpenAPISpec) -> None:
    assert spec.request_errors("POST", "/3d/models", {"items": [{"name": ""}]})
    assert spec.request_errors("POST", "/3d/models/1/revisions", {"items": [{"published": True}]})
    assert spec.request_errors(
        "POST", "/3d/models/1/revisions/update", {"items": [{"id": 1, "update": {"scale": {"set": [1]}}}]}
    )
    assert spec.request_errors("POST", "/3d/models/1/revisions/2/thumbnail", {})
