"""The 3D API (models, revisions, nodes, files, asset mappings) and its data classes, against a fake CDF behind
``httpx.MockTransport``."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from cognite.client import AsyncCogniteClient, CogniteClient
from cognite.client.data_classes import (
    BoundingBox3D,
    ThreeDAssetMapping,
    ThreeDAssetMappingList,
    ThreeDAssetMappingWrite,
    ThreeDModel,
    ThreeDModelList,
    ThreeDModelRevision,
    ThreeDModelRevisionList,
    ThreeDModelRevisionUpdate,
    ThreeDModelRevisionWrite,
    ThreeDModelRevisionWriteList,
    ThreeDModelUpdate,
    ThreeDModelWrite,
    ThreeDModelWriteList,
    ThreeDNode,
    ThreeDNodeList,
)
from cognite.client.data_classes.three_d import RevisionCameraProperties
from cognite.client.exceptions import CogniteAPIError


def model(i: int, **fields: Any) -> dict[str, Any]:
    return {"id": i, "name": f"m{i}", "createdTime": 1, **fields}


def revision(i: int, **fields: Any) -> dict[str, Any]:
    return {"id": i, "fileId": 9, "published": False, "status": "Done", "assetMappingCount": 0, "createdTime": 1,
            **fields}  # fmt: skip


def node(i: int, **fields: Any) -> dict[str, Any]:
    return {"id": i, "treeIndex": i, "depth": 1, "name": f"n{i}", "subtreeSize": 1, "parentId": 100, **fields}


def params(fake: Any, endpoint: str) -> list[dict[str, str]]:
    return [dict(r.params) for r in fake.calls(endpoint)]


def bodies(fake: Any, endpoint: str) -> list[Any]:
    return [r.body for r in fake.calls(endpoint)]


class TestDataClasses:
    def test_revision_load_dump_as_write(self) -> None:
        raw = revision(2, camera={"target": [0, 0, 0], "position": [1, 2, 3]}, thumbnailURL="u",
                       thumbnailThreedFileId=7, rotation=[0, 0, 1], unknownField=1)  # fmt: skip
        rev = ThreeDModelRevision.load(raw)
        assert rev.camera == RevisionCameraProperties(target=[0, 0, 0], position=[1, 2, 3])
        assert rev.thumbnail_url == "u" and rev.thumbnail_threed_file_id == 7
        dumped = rev.dump()
        assert dumped["thumbnailURL"] == "u" and "unknownField" not in dumped
        assert rev.dump(camel_case=False)["thumbnail_url"] == "u"
        assert ThreeDModelRevision.load({"thumbnail_url": "v"}).thumbnail_url == "v"
        write = rev.as_write()
        assert write.dump() == {"fileId": 9, "rotation": [0, 0, 1],
                                "camera": {"target": [0, 0, 0], "position": [1, 2, 3]}}  # fmt: skip
        assert ThreeDModelRevisionList.load([raw]).as_write()[0] == write
        assert isinstance(ThreeDModelRevisionList.load([raw]).as_write(), ThreeDModelRevisionWriteList)
        with pytest.raises(ValueError, match="file_id"):
            ThreeDModelRevision(id=1).as_write()
        with pytest.raises(TypeError, match="file_id"):
            ThreeDModelRevisionWrite(file_id="1")  # type: ignore[arg-type]

    def test_model_node_mapping_classes(self) -> None:
        m = ThreeDModel.load(model(1, metadata={"a": "b"}, dataSetId=3))
        assert m.as_write() == ThreeDModelWrite("m1", 3, {"a": "b"})
        models = ThreeDModelList.load([model(1), model(2)])
        assert models.as_ids() == [1, 2] and models.as_names() == ["m1", "m2"]
        assert isinstance(models.as_write(), ThreeDModelWriteList) and models.get(id=2).name == "m2"  # type: ignore[union-attr]
        with pytest.raises(TypeError, match="name"):
            ThreeDModelWrite("")
        n = ThreeDNode.load(node(4, boundingBox={"max": [1, 1, 1], "min": [0, 0, 0]}, properties={"c": {"p": "v"}}))
        assert n.bounding_box == BoundingBox3D(max=[1, 1, 1], min=[0, 0, 0]) and n.properties == {"c": {"p": "v"}}
        assert n.dump()["boundingBox"] == {"max": [1.0, 1.0, 1.0], "min": [0.0, 0.0, 0.0]}
        assert ThreeDNodeList.load([node(4), node(5)]).as_ids() == [4, 5]
        mapping = ThreeDAssetMapping.load({"nodeId": 4, "assetId": 5, "treeIndex": 1, "subtreeSize": 2})
        assert mapping.as_write() == ThreeDAssetMappingWrite(4, 5)
        assert ThreeDAssetMappingList([mapping]).as_write().dump() == [{"nodeId": 4, "assetId": 5}]
        with pytest.raises(TypeError, match="asset_id"):
            ThreeDAssetMappingWrite(4, None)  # type: ignore[arg-type]

    def test_updates(self) -> None:
        upd = ThreeDModelUpdate(id=1).name.set("n").data_set_id.set(None).metadata.remove(["k"])
        assert upd.dump() == {"id": 1, "update": {"name": {"set": "n"}, "dataSetId": {"setNull": True},
                                                  "metadata": {"remove": ["k"]}}}  # fmt: skip
        cam = RevisionCameraProperties([0, 0, 0], [1, 1, 1])
        rupd = ThreeDModelRevisionUpdate(id=2).published.set(True).camera.set(cam).translation.set([1, 2, 3])
        assert rupd.dump()["update"] == {
            "published": {"set": True}, "camera": {"set": {"target": [0, 0, 0], "position": [1, 1, 1]}},
            "translation": {"set": [1, 2, 3]},
        }  # fmt: skip


class TestModelsAPI:
    async def test_create_retrieve_list_update_delete(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake = routed_cdf({
            "POST /3d/models": lambda body: {"items": [{**model(i + 1), **m} for i, m in enumerate(body["items"])]},
            "GET /3d/models/1": model(1),
            "GET /3d/models/2": httpx.Response(400, json={"error": {"code": 400, "message": "x", "missing": [{"id": 2}]}}),
            "GET /3d/models": [{"items": [model(1)], "nextCursor": "c"}, {"items": [model(2)]}],
            "POST /3d/models/update": lambda body: {"items": [model(1) for _ in body["items"]]},
            "POST /3d/models/delete": {},
        })  # fmt: skip
        api = async_client.three_d.models
        one = await api.create("a", data_set_id=3, metadata={"k": "v"})
        assert isinstance(one, ThreeDModel) and one.name == "a"
        assert bodies(fake, "POST /3d/models")[-1] == {"items": [{"name": "a", "dataSetId": 3, "metadata": {"k": "v"}}]}
        many = await api.create(["b", ThreeDModelWrite("c")] * 700)
        assert isinstance(many, ThreeDModelList) and len(many) == 1400
        assert sorted(len(b["items"]) for b in bodies(fake, "POST /3d/models")[1:]) == [400, 1000]
        assert (await api.retrieve(1)).name == "m1"  # type: ignore[union-attr]
        assert await api.retrieve(2) is None
        assert (await api.list(published=True, limit=None)).as_ids() == [1, 2]
        assert params(fake, "GET /3d/models") == [{"published": "true", "limit": "1000"},
                                                  {"published": "true", "limit": "1000", "cursor": "c"}]  # fmt: skip
        await api.update(ThreeDModel(id=1, name="n"), mode="replace")
        assert bodies(fake, "POST /3d/models/update")[-1] == {"items": [{"id": 1, "update": {
            "name": {"set": "n"}, "dataSetId": {"setNull": True}, "metadata": {"set": {}}}}]}  # fmt: skip
        await api.update(ThreeDModel(id=1, metadata={"a": "b"}), mode="patch")
        assert bodies(fake, "POST /3d/models/update")[-1]["items"][0]["update"] == {"metadata": {"add": {"a": "b"}}}
        await api.delete([1, 2])
        assert bodies(fake, "POST /3d/models/delete") == [{"items": [{"id": 1}, {"id": 2}]}]

    async def test_iterate(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake = routed_cdf(
            {"GET /3d/models": [{"items": [model(1), model(2)], "nextCursor": "c"}, {"items": [model(3)]}]}
        )
        chunks = [c async for c in async_client.three_d.models(chunk_size=2)]
        assert [c.as_ids() for c in chunks] == [[1, 2], [3]]
        assert params(fake, "GET /3d/models")[0] == {"limit": "2"}

    async def test_bad_arguments_fail_before_any_request(
        self, routed_cdf: Any, async_client: AsyncCogniteClient
    ) -> None:
        fake = routed_cdf({})
        api = async_client.three_d
        with pytest.raises(TypeError, match="id"):
            await api.models.retrieve("1")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="name"):
            await api.models.create(5)  # type: ignore[call-overload]
        with pytest.raises(TypeError, match="name"):
            await api.models.create([ThreeDNode()])  # type: ignore[list-item]
        with pytest.raises(TypeError, match="data_set_id"):
            await api.models.create("a", data_set_id="x")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="published"):
            await api.models.list(published="yes")  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="limit"):
            await api.models.list(limit=-3)
        with pytest.raises(ValueError, match="model_id"):
            await api.revisions.list(0)
        with pytest.raises(TypeError, match="revision_id"):
            await api.revisions.list_nodes(1, "2")  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="sort_by_node_id"):
            await api.revisions.list_nodes(1, 2, partitions=2, limit=None)
        with pytest.raises(ValueError, match="partitions"):
            await api.revisions.list_nodes(1, 2, sort_by_node_id=True, partitions=2, limit=10)
        with pytest.raises(ValueError, match="depth"):
            await api.revisions.list_nodes(1, 2, depth=-1)
        with pytest.raises(TypeError, match="properties"):
            await api.revisions.filter_nodes(1, 2, {"c": {"p": [1]}})  # type: ignore[dict-item]
        with pytest.raises(ValueError, match="node_id"):
            await api.revisions.list_ancestor_nodes(1, 2)
        with pytest.raises(TypeError, match="file_id"):
            await api.revisions.update_thumbnail(1, 2, file_id=None)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="intersects_bounding_box"):
            await api.asset_mappings.list(1, 2, intersects_bounding_box={"min": [0, 0, 0]})  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="intersects_bounding_box"):
            await api.asset_mappings.list(1, 2, intersects_bounding_box=BoundingBox3D(min=[0, 0, 0]))
        with pytest.raises(TypeError, match="asset_mapping"):
            await api.asset_mappings.delete(1, 2, [5])  # type: ignore[list-item]
        with pytest.raises(TypeError, match="id"):
            await api.files.retrieve(None)  # type: ignore[arg-type]
        assert fake.requests == []


class TestRevisionsAPI:
    async def test_revision_verbs(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake = routed_cdf({
            "POST /3d/models/1/revisions": lambda body: {"items": [revision(i + 2, **r) for i, r in enumerate(body["items"])]},
            "GET /3d/models/1/revisions/2": revision(2),
            "GET /3d/models/1/revisions": {"items": [revision(2), revision(3)]},
            "POST /3d/models/1/revisions/update": lambda body: {"items": [revision(2) for _ in body["items"]]},
            "POST /3d/models/1/revisions/delete": {},
            "POST /3d/models/1/revisions/2/thumbnail": {},
        })  # fmt: skip
        api = async_client.three_d.revisions
        rev = await api.create(1, ThreeDModelRevisionWrite(9, published=True, scale=[1, 1, 1]))
        assert isinstance(rev, ThreeDModelRevision)
        assert bodies(fake, "POST /3d/models/1/revisions")[-1] == {"items": [{"fileId": 9, "published": True,
                                                                            "scale": [1, 1, 1]}]}  # fmt: skip
        assert isinstance(await api.create(1, [ThreeDModelRevision.load(revision(5))]), ThreeDModelRevisionList)
        assert (await api.retrieve(1, 2)).status == "Done"  # type: ignore[union-attr]
        assert (await api.list(1)).as_ids() == [2, 3]
        assert params(fake, "GET /3d/models/1/revisions") == [{"published": "false", "limit": "25"}]
        await api.update(1, [ThreeDModelRevision(id=2, published=True, metadata={"a": "b"})], mode="replace")
        assert bodies(fake, "POST /3d/models/1/revisions/update")[-1] == {"items": [{"id": 2, "update": {
            "published": {"set": True}, "metadata": {"set": {"a": "b"}}}}]}  # fmt: skip
        await api.delete(1, 2)
        assert bodies(fake, "POST /3d/models/1/revisions/delete") == [{"items": [{"id": 2}]}]
        await api.update_thumbnail(1, 2, 11)
        assert bodies(fake, "POST /3d/models/1/revisions/2/thumbnail") == [{"fileId": 11}]

    async def test_nodes(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake = routed_cdf({
            "GET /3d/models/1/revisions/2/nodes": lambda body: {"items": [node(1), node(2)]},
            "POST /3d/models/1/revisions/2/nodes/list": lambda body: {"items": [node(3)]},
            "GET /3d/models/1/revisions/2/nodes/3/ancestors": {"items": [node(100, depth=0), node(3)]},
        })  # fmt: skip
        api = async_client.three_d.revisions
        nodes = await api.list_nodes(1, 2, node_id=5, depth=1, limit=10)
        assert isinstance(nodes, ThreeDNodeList) and nodes.as_ids() == [1, 2]
        assert params(fake, "GET /3d/models/1/revisions/2/nodes") == [{"nodeId": "5", "depth": "1", "limit": "10"}]
        all_parts = await api.list_nodes(1, 2, sort_by_node_id=True, partitions=2, limit=None)
        assert len(all_parts) == 4
        sent = params(fake, "GET /3d/models/1/revisions/2/nodes")[1:]
        assert sorted(p["partition"] for p in sent) == ["1/2", "2/2"] and sent[0]["sortByNodeId"] == "true"
        await api.filter_nodes(1, 2, {"PDMS": {"Type": "PIPE", "Area": ["A", "B"]}}, limit=5)
        assert bodies(fake, "POST /3d/models/1/revisions/2/nodes/list") == [
            {"limit": 5, "filter": {"properties": {"PDMS": {"Type": ["PIPE"], "Area": ["A", "B"]}}}}
        ]
        chain = await api.list_ancestor_nodes(1, 2, node_id=3)
        assert [n.depth for n in chain] == [0, 1]

    def test_sync_client(self, routed_cdf: Any, sync_client: CogniteClient) -> None:
        client = sync_client
        fake = routed_cdf({
            "GET /3d/files/7": httpx.Response(200, content=b"\x00\x01", headers={"content-type": "application/octet-stream"}),
            "GET /3d/models/1/revisions": [{"items": [revision(2)], "nextCursor": "c"}, {"items": [revision(3)]}],
        })  # fmt: skip
        assert client.three_d.files.retrieve(7) == b"\x00\x01"
        assert fake.calls("GET /3d/files/7")[0].headers["accept"] == "*/*"
        assert [r.id for r in client.three_d.revisions(1, published=True)] == [2, 3]
        assert params(fake, "GET /3d/models/1/revisions")[0] == {"published": "true", "limit": "1000"}


class TestAssetMappingsAPI:
    async def test_mappings(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake = routed_cdf({
            "POST /3d/models/1/revisions/2/mappings": lambda body: {"items": [{**m, "treeIndex": 0, "subtreeSize": 1}
                                                                              for m in body["items"]]},
            "GET /3d/models/1/revisions/2/mappings": {"items": [{"nodeId": 4, "assetId": 5}]},
            "POST /3d/models/1/revisions/2/mappings/delete": {},
        })  # fmt: skip
        api = async_client.three_d.asset_mappings
        one = await api.create(1, 2, ThreeDAssetMappingWrite(4, 5))
        assert isinstance(one, ThreeDAssetMapping) and one.subtree_size == 1
        many = await api.create(1, 2, [ThreeDAssetMappingWrite(i, 5) for i in range(1, 1502)])
        assert isinstance(many, ThreeDAssetMappingList) and len(many) == 1501
        box = BoundingBox3D(max=[1.5, 1, 1], min=[0, 0, 0])
        await api.list(1, 2, node_id=4, asset_id=5, intersects_bounding_box=box)
        sent = params(fake, "GET /3d/models/1/revisions/2/mappings")[0]
        assert sent["nodeId"] == "4" and sent["assetId"] == "5"
        assert json.loads(sent["intersectsBoundingBox"]) == {"max": [1.5, 1, 1], "min": [0, 0, 0]}
        await api.delete(1, 2, [ThreeDAssetMapping(node_id=i, asset_id=5, tree_index=0) for i in range(1, 1002)])
        sizes = sorted(len(b["items"]) for b in bodies(fake, "POST /3d/models/1/revisions/2/mappings/delete"))
        assert sizes == [1, 1000]
        assert bodies(fake, "POST /3d/models/1/revisions/2/mappings/delete")[0]["items"][0] == {
            "nodeId": 1,
            "assetId": 5,
        }
        await api.delete(1, 2, [])
        assert len(fake.calls("POST /3d/models/1/revisions/2/mappings/delete")) == 2

    async def test_failed_delete_reports_what_happened(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        routed_cdf({
            "POST /3d/models/1/revisions/2/mappings/delete": httpx.Response(400, json={"error": {"code": 400, "message": "bad"}}),
        })  # fmt: skip
        with pytest.raises(CogniteAPIError) as err:
            await async_client.three_d.asset_mappings.delete(1, 2, ThreeDAssetMappingWrite(4, 5))
        assert err.value.failed
