"""The emulator's 3D endpoints (models, revisions, nodes, asset mappings, 3D files), driven with raw httpx through the
in-process transport. The emulator fixture validates every request and response against the CDF OpenAPI spec."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from cognite.client.testing import CDFEmulator
from tests.emulator.conftest import PROJECT


async def post(client: httpx.AsyncClient, path: str, body: dict[str, Any], status: int = 200) -> Any:
    response = await client.post(path, json=body)
    assert response.status_code == status, response.text
    return response.json()


async def get(client: httpx.AsyncClient, path: str, status: int = 200, **params: Any) -> Any:
    response = await client.get(path, params=params)
    assert response.status_code == status, response.text
    return response.json()


async def setup(client: httpx.AsyncClient, file_name: str = "plant.fbx") -> tuple[int, int, list[dict[str, Any]]]:
    """A model with one revision (from a new file); returns the model id, the revision id and the nodes."""
    file_id = (await post(client, "/files", {"name": file_name}, 201))["id"]
    model_id = (await post(client, "/3d/models", {"items": [{"name": "m"}]}, 201))["items"][0]["id"]
    rev = (await post(client, f"/3d/models/{model_id}/revisions", {"items": [{"fileId": file_id}]}, 201))["items"][0]
    nodes = (await get(client, f"/3d/models/{model_id}/revisions/{rev['id']}/nodes", limit=1000))["items"]
    return model_id, rev["id"], nodes


async def test_models_crud_and_published_filter(client: httpx.AsyncClient) -> None:
    created = await post(
        client, "/3d/models", {"items": [{"name": f"m{i}", "metadata": {"i": str(i)}} for i in range(3)]}, 201
    )
    ids = [m["id"] for m in created["items"]]
    assert all(set(m) == {"id", "name", "createdTime", "metadata"} for m in created["items"])
    assert (await get(client, f"/3d/models/{ids[1]}"))["name"] == "m1"
    assert (await get(client, "/3d/models/1", 400))["error"]["missing"] == [{"id": 1}]
    page = await get(client, "/3d/models", limit=2, includeRevisionInfo="false")
    assert len(page["items"]) == 2 and "nextCursor" in page
    rest = await get(client, "/3d/models", limit=2, cursor=page["nextCursor"])
    assert [m["id"] for m in page["items"] + rest["items"]] == ids
    upd = await post(client, "/3d/models/update", {"items": [{"id": ids[0], "update": {
        "name": {"set": "renamed"}, "metadata": {"add": {"x": "y"}}, "dataSetId": {"set": 5}}}]})  # fmt: skip
    assert upd["items"][0]["name"] == "renamed" and upd["items"][0]["metadata"] == {"i": "0", "x": "y"}
    await post(client, "/3d/models/update", {"items": [{"id": ids[0], "update": {"dataSetId": {"setNull": True}}}]})
    assert "dataSetId" not in await get(client, f"/3d/models/{ids[0]}")
    file_id = (await post(client, "/files", {"name": "f.obj"}, 201))["id"]
    await post(client, f"/3d/models/{ids[2]}/revisions", {"items": [{"fileId": file_id, "published": True}]}, 201)
    assert [m["id"] for m in (await get(client, "/3d/models", published="true"))["items"]] == [ids[2]]
    assert [m["id"] for m in (await get(client, "/3d/models", published="false"))["items"]] == ids[:2]
    await post(client, "/3d/models/delete", {"items": [{"id": ids[2]}]})
    await get(client, f"/3d/models/{ids[2]}/revisions", 400)
    await post(client, "/3d/models/delete", {"items": [{"id": ids[2]}]}, 400)
    await post(client, "/3d/models", {"items": [{"name": ""}]}, 400)  # the spec: minLength 1


async def test_revision_status_moves_one_step_per_read(client: httpx.AsyncClient) -> None:
    file_id = (await post(client, "/files", {"name": "f.obj"}, 201))["id"]
    model_id = (await post(client, "/3d/models", {"items": [{"name": "m"}]}, 201))["items"][0]["id"]
    body = {
        "items": [{"fileId": file_id, "rotation": [0, 0, 1], "camera": {"target": [0, 0, 0], "position": [1, 1, 1]}}]
    }
    rev = (await post(client, f"/3d/models/{model_id}/revisions", body, 201))["items"][0]
    assert rev["status"] == "Queued" and rev["published"] is False and rev["assetMappingCount"] == 0
    assert "lastUpdatedTime" not in rev
    path = f"/3d/models/{model_id}/revisions"
    assert (await get(client, f"{path}/{rev['id']}"))["status"] == "Processing"
    assert (await get(client, path))["items"][0]["status"] == "Done"
    assert (await get(client, f"{path}/{rev['id']}"))["status"] == "Done"
    assert (await get(client, path, published="true"))["items"] == []
    await post(client, f"{path}/update", {"items": [{"id": rev["id"], "update": {"published": {"set": True},
                                                                                   "scale": {"set": [2, 2, 2]}}}]})  # fmt: skip
    got = await get(client, f"{path}/{rev['id']}")
    assert got["published"] is True and got["scale"] == [2, 2, 2]
    missing = await post(client, path, {"items": [{"fileId": 777}]}, 400)
    assert missing["error"]["missing"] == [{"id": 777}]
    await post(client, f"{path}/delete", {"items": [{"id": rev["id"]}]})
    await get(client, f"{path}/{rev['id']}", 400)
    await get(client, f"{path}/{rev['id']}/nodes", 400)


async def test_vectors_and_camera_are_checked() -> None:
    emulator = CDFEmulator(seed=3)  # not validating: the emulator's own checks answer
    async with httpx.AsyncClient(transport=emulator.transport(), base_url=f"http://x/api/v1/projects/{PROJECT}",
                                 headers={"Authorization": "Bearer t"}) as c:  # fmt: skip
        file_id = (await post(c, "/files", {"name": "f"}, 201))["id"]
        model_id = (await post(c, "/3d/models", {"items": [{"name": "m"}]}, 201))["items"][0]["id"]
        path = f"/3d/models/{model_id}/revisions"
        await post(c, path, {"items": [{"fileId": file_id, "scale": [1, 1]}]}, 400)
        await post(c, path, {"items": [{"fileId": file_id, "camera": {"target": [0, 0, 0]}}]}, 400)
        rev = (await post(c, path, {"items": [{"fileId": file_id, "rotation": [0, 0, 0.5]}]}, 201))["items"][0]
        bad = {"items": [{"id": rev["id"], "update": {"translation": {"set": [1, "x", 2]}}}]}
        await post(c, path + "/update", bad, 400)
        good = {
            "items": [{"id": rev["id"], "update": {"camera": {"set": {"target": [0, 0, 0], "position": [1, 1, 1]}}}}]
        }
        assert (await post(c, path + "/update", good))["items"][0]["camera"]["position"] == [1, 1, 1]


async def test_default_tree_and_node_listing(client: httpx.AsyncClient) -> None:
    model_id, rev_id, nodes = await setup(client)
    assert [(n["name"], n["depth"], n["subtreeSize"]) for n in nodes] == [
        ("plant.fbx", 0, 6), ("Area A", 1, 3), ("Pipe 1", 2, 1), ("Pipe 2", 2, 1), ("Area B", 1, 2), ("Valve 1", 2, 1),
    ]  # fmt: skip
    assert [n["treeIndex"] for n in nodes] == list(range(6)) and "parentId" not in nodes[0]
    assert nodes[2]["parentId"] == nodes[1]["id"] and nodes[2]["properties"] == {"Item": {"Type": "Pipe"}}
    path = f"/3d/models/{model_id}/revisions/{rev_id}/nodes"
    sub = await get(client, path, nodeId=nodes[4]["id"])
    assert [n["name"] for n in sub["items"]] == ["Area B", "Valve 1"]
    assert [n["name"] for n in (await get(client, path, depth=1))["items"]] == ["plant.fbx", "Area A", "Area B"]
    props = json.dumps({"Item": {"Type": "Area"}})
    assert [n["name"] for n in (await get(client, path, properties=props))["items"]] == ["Area A", "Area B"]
    by_id = (await get(client, path, sortByNodeId="true"))["items"]
    assert [n["id"] for n in by_id] == sorted(n["id"] for n in nodes)
    parts = [(await get(client, path, sortByNodeId="true", partition=f"{m}/4"))["items"] for m in range(1, 5)]
    assert sorted(n["id"] for p in parts for n in p) == sorted(n["id"] for n in nodes)
    await get(client, path, 400, partition="1/2")  # partitions need sortByNodeId
    await get(client, path, 400, nodeId=12345)
    first = await get(client, path, limit=4)
    second = await get(client, path, limit=4, cursor=first["nextCursor"])
    assert len(first["items"]) == 4 and len(second["items"]) == 2 and "nextCursor" not in second
    listed = await post(client, path + "/list", {"filter": {"properties": {"Item": {"Type": ["Pipe", "Valve"]}}}})
    assert [n["name"] for n in listed["items"]] == ["Pipe 1", "Pipe 2", "Valve 1"]
    named = await post(client, path + "/list", {"filter": {"names": ["Area B", "nope"]}, "limit": 10})
    assert [n["name"] for n in named["items"]] == ["Area B"]
    by_ids = await post(client, path + "/byids", {"items": [{"id": nodes[3]["id"]}]})
    assert by_ids["items"][0]["name"] == "Pipe 2"
    chain = await get(client, f"{path}/{nodes[3]['id']}/ancestors")
    assert [n["name"] for n in chain["items"]] == ["plant.fbx", "Area A", "Pipe 2"]


async def test_asset_mappings(client: httpx.AsyncClient) -> None:
    model_id, rev_id, nodes = await setup(client)
    assets = (await post(client, "/assets", {"items": [{"name": "a"}, {"name": "b"}]}, 201))["items"]
    path = f"/3d/models/{model_id}/revisions/{rev_id}/mappings"
    body = {"items": [{"nodeId": n["id"], "assetId": assets[0]["id"]} for n in nodes]}
    created = await post(client, path, body, 201)
    assert [(m["treeIndex"], m["subtreeSize"]) for m in created["items"]][:2] == [(0, 6), (1, 3)]
    again = await post(client, path, {"items": [{"nodeId": nodes[0]["id"], "assetId": assets[0]["id"]}]}, 201)
    assert again["items"] == created["items"][:1]  # an existing mapping is answered as it is
    await post(client, path, {"items": [{"nodeId": nodes[5]["id"], "assetId": assets[1]["id"]}]}, 201)
    rev = await get(client, f"/3d/models/{model_id}/revisions/{rev_id}")
    assert rev["assetMappingCount"] == 7
    assert len((await get(client, path, nodeId=nodes[5]["id"]))["items"]) == 2
    assert len((await get(client, path, assetId=assets[1]["id"]))["items"]) == 1
    box = json.dumps({"min": [3.5, 3.5, 3.5], "max": [6, 6, 6]})
    hits = (await get(client, path, intersectsBoundingBox=box))["items"]
    assert sorted(m["nodeId"] for m in hits) == sorted(nodes[i]["id"] for i in (0, 1, 3, 4))
    await get(client, path, 400, intersectsBoundingBox=json.dumps({"min": [0, 0]}))
    listed = await post(client, path + "/list", {"filter": {"treeIndexes": [5]}})
    assert sorted(m["assetId"] for m in listed["items"]) == sorted(a["id"] for a in assets)
    listed = await post(client, path + "/list", {"filter": {"assetIds": [assets[1]["id"]]}, "limit": 5})
    assert len(listed["items"]) == 1
    bad_node = await post(client, path, {"items": [{"nodeId": 1, "assetId": assets[0]["id"]}]}, 400)
    assert bad_node["error"]["missing"] == [{"nodeId": 1}]
    bad_asset = await post(client, path, {"items": [{"nodeId": nodes[0]["id"], "assetId": 99}]}, 400)
    assert bad_asset["error"]["missing"] == [{"id": 99}]
    await post(client, path + "/delete", {"items": [{"nodeId": n["id"], "assetId": assets[0]["id"]} for n in nodes]})
    assert len((await get(client, path))["items"]) == 1


async def test_thumbnail_becomes_a_3d_file(client: httpx.AsyncClient, emulator: CDFEmulator) -> None:
    model_id, rev_id, _ = await setup(client)
    image = await post(client, "/files", {"name": "t.png", "mimeType": "image/png"}, 201)
    emulator.store(PROJECT, "files").content[image["id"]] = []  # uploaded, empty
    path = f"/3d/models/{model_id}/revisions/{rev_id}"
    await post(client, path + "/thumbnail", {"fileId": image["id"]})
    rev = await get(client, path)
    response = await client.get(f"/3d/files/{rev['thumbnailThreedFileId']}")
    assert response.status_code == 200 and response.content == b""
    assert response.headers["content-type"] == "image/png"
    assert rev["thumbnailURL"].endswith(f"/api/v1/projects/{PROJECT}/3d/files/{rev['thumbnailThreedFileId']}")
    await post(client, path + "/thumbnail", {"fileId": 5}, 400)
    file_id = emulator.store(PROJECT, "3d").seed_file(b"\x00abc")  # type: ignore[attr-defined]
    response = await client.get(f"/3d/files/{file_id}")
    assert response.content == b"\x00abc" and response.headers["content-type"] == "application/octet-stream"
    assert (await client.get("/3d/files/1")).status_code == 400


async def test_seed_nodes_replaces_the_tree(client: httpx.AsyncClient, emulator: CDFEmulator) -> None:
    model_id, rev_id, _ = await setup(client)
    store = emulator.store(PROJECT, "3d")
    seeded = store.seed_nodes(model_id, rev_id, {  # type: ignore[attr-defined]
        "name": "root", "boundingBox": {"min": [0, 0, 0], "max": [1, 1, 1]},
        "children": [{"name": "a", "children": [{"name": "a1", "properties": {"c": {"p": "v"}}}]}, {"name": "b"}],
    })  # fmt: skip
    assert [(n["name"], n["treeIndex"], n["depth"], n["subtreeSize"]) for n in seeded] == [
        ("root", 0, 0, 4),
        ("a", 1, 1, 2),
        ("a1", 2, 2, 1),
        ("b", 3, 1, 1),
    ]
    listed = (await get(client, f"/3d/models/{model_id}/revisions/{rev_id}/nodes"))["items"]
    assert [n["id"] for n in listed] == [n["id"] for n in seeded]
    assert (await get(client, f"/3d/models/{model_id}/revisions/{rev_id}"))["status"] == "Done"
    with pytest.raises(ValueError, match="name"):
        store.seed_nodes(model_id, rev_id, {"children": []})  # type: ignore[attr-defined]


async def test_ids_are_deterministic_with_a_seed() -> None:
    async def node_ids(emulator: CDFEmulator) -> list[int]:
        async with httpx.AsyncClient(transport=emulator.transport(), base_url=f"http://x/api/v1/projects/{PROJECT}",
                                     headers={"Authorization": "Bearer t"}) as c:  # fmt: skip
            _, _, nodes = await setup(c)
            return [n["id"] for n in nodes]

    assert await node_ids(CDFEmulator(seed=5)) == await node_ids(CDFEmulator(seed=5))


async def test_3d_does_not_shift_the_ids_of_other_families() -> None:
    async def asset_id(with_3d: bool) -> int:
        emulator = CDFEmulator(seed=5)
        async with httpx.AsyncClient(transport=emulator.transport(), base_url=f"http://x/api/v1/projects/{PROJECT}",
                                     headers={"Authorization": "Bearer t"}) as c:  # fmt: skip
            file_id = (await post(c, "/files", {"name": "f"}, 201))["id"]
            if with_3d:
                model_id = (await post(c, "/3d/models", {"items": [{"name": "m"}]}, 201))["items"][0]["id"]
                await post(c, f"/3d/models/{model_id}/revisions", {"items": [{"fileId": file_id}]}, 201)
            return (await post(c, "/assets", {"items": [{"name": "a"}]}, 201))["items"][0]["id"]  # type: ignore[no-any-return]

    assert await asset_id(True) == await asset_id(False)
