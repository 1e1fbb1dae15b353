"""The data-modeling schema endpoints of the emulator (spaces, containers, views, data models, statistics), driven
with raw httpx; requests and responses are validated against the spec."""

from __future__ import annotations

from typing import Any

import httpx

from cognite.client.testing import CDFEmulator
from cognite.client.testing._families_dm_schema import DM_SCHEMA, SPACES
from cognite.client.testing._openapi import OpenAPISpec

PROJECT = "test-project"
AUTH = {"Authorization": "Bearer test-token"}
TEXT = {"type": {"type": "text"}}
PUMP = {"type": "container", "space": "plant", "externalId": "Pump"}
PUMP_VIEW = {"type": "view", "space": "plant", "externalId": "Pump", "version": "v1"}


async def post(client: httpx.AsyncClient, path: str, items: list[Any], status: int = 200, **params: Any) -> Any:
    response = await client.post(path, json={"items": items}, params=params)
    assert response.status_code == status, response.text
    return response.json()


async def setup_plant(client: httpx.AsyncClient) -> None:
    await post(client, "/models/spaces", [{"space": "plant"}])
    await post(client, "/models/containers", [{"space": "plant", "externalId": "Pump", "properties": {
        "name": TEXT, "parent": {"type": {"type": "direct"}}, "tags": {"type": {"type": "text", "list": True}}}}])  # fmt: skip


def test_every_route_is_a_spec_operation(spec: OpenAPISpec) -> None:
    for fam in (SPACES, DM_SCHEMA):
        for (method, suffix), handler in fam.routes.items():
            op = spec.find_operation(method, fam.path + suffix)
            assert op is not None and op.path == fam.path + suffix, (method, suffix)
            assert hasattr(fam.store_cls, handler)


async def test_spaces_upsert_list_and_delete(spec: OpenAPISpec) -> None:
    now = [1000]
    emulator = CDFEmulator(seed=1, validate=True, spec=spec, clock=lambda: now[0])
    async with httpx.AsyncClient(
        transport=emulator.transport(), base_url=f"http://cdf.local/api/v1/projects/{PROJECT}", headers=AUTH
    ) as client:
        made = await post(client, "/models/spaces", [{"space": "a", "name": "A"}, {"space": "b"}])
        assert made["items"][0] == {"space": "a", "name": "A", "createdTime": 1000, "lastUpdatedTime": 1000,
                                    "isGlobal": False}  # fmt: skip
        now[0] = 2000
        same = await post(client, "/models/spaces", [{"space": "a", "name": "A"}])
        assert same["items"][0]["lastUpdatedTime"] == 1000
        changed = await post(client, "/models/spaces", [{"space": "a", "name": "A2"}])
        assert (changed["items"][0]["createdTime"], changed["items"][0]["lastUpdatedTime"]) == (1000, 2000)
        page = (await client.get("/models/spaces", params={"limit": 1})).json()
        assert [s["space"] for s in page["items"]] == ["a"]
        rest = (await client.get("/models/spaces", params={"cursor": page["nextCursor"]})).json()
        assert [s["space"] for s in rest["items"]] == ["b"] and "nextCursor" not in rest
        everything = (await client.get("/models/spaces", params={"includeGlobal": "true"})).json()["items"]
        assert [s["space"] for s in everything] == ["cdf_cdm", "cdf_extraction_extensions", "a", "b"]
        assert everything[0]["isGlobal"]
        found = await post(client, "/models/spaces/byids", [{"space": "b"}, {"space": "nope"}, {"space": "cdf_cdm"}])
        assert [s["space"] for s in found["items"]] == ["b", "cdf_cdm"]
        for bad in ("space", "9x", "x" * 44, "cdf_x"):
            await post(client, "/models/spaces", [{"space": bad}], 400)
        await post(client, "/models/spaces", [{"space": f"s{i}"} for i in range(101)], 400)
        await post(client, "/models/spaces/delete", [{"space": "cdf_cdm"}], 400)
        deleted = await post(client, "/models/spaces/delete", [{"space": "a"}, {"space": "nope"}])
        assert deleted["items"] == [{"space": "a"}, {"space": "nope"}]
        assert [s["space"] for s in (await client.get("/models/spaces")).json()["items"]] == ["b"]
        assert (await client.get("/models/spaces", params={"limit": 1001})).status_code == 400


async def test_containers(client: httpx.AsyncClient) -> None:
    no_space = {"space": "nope", "externalId": "C", "properties": {"a": TEXT}}
    assert "does not exist" in (await post(client, "/models/containers", [no_space], 400))["error"]["message"]
    await setup_plant(client)
    got = (await post(client, "/models/containers/byids", [{"space": "plant", "externalId": "Pump"}]))["items"][0]
    assert got["usedFor"] == "node" and got["isGlobal"] is False
    assert got["properties"]["name"] == {"type": {"type": "text", "list": False, "collation": "ucs_basic"},
                                         "nullable": True, "autoIncrement": False, "immutable": False,
                                         "constraintState": {}}  # fmt: skip
    with_more = {"space": "plant", "externalId": "Pump", "properties": {**got["properties"], "extra": TEXT},
                 "constraints": {"u": {"constraintType": "uniqueness", "properties": ["name"]}},
                 "indexes": {"i": {"properties": ["name"]}, "t": {"indexType": "inverted", "properties": ["tags"]}}}  # fmt: skip
    grown = (await post(client, "/models/containers", [with_more]))["items"][0]
    assert grown["constraints"]["u"]["state"] == "current" and grown["indexes"]["i"]["cursorable"] is False
    retyped = {"space": "plant", "externalId": "Pump", "properties": {**with_more["properties"], "name": {"type": {"type": "int64"}}}}  # fmt: skip
    assert (await post(client, "/models/containers", [retyped], 409))["error"]["code"] == 409
    dropped = {"space": "plant", "externalId": "Pump", "properties": {"name": TEXT}}
    await post(client, "/models/containers", [dropped], 409)
    bad_index = {**with_more, "indexes": {"i": {"properties": ["nope"]}}}
    await post(client, "/models/containers", [bad_index], 400)
    bad_require = {**with_more, "constraints": {"r": {"constraintType": "requires", "require": {**PUMP, "externalId": "X"}}}}  # fmt: skip
    await post(client, "/models/containers", [bad_require], 400)
    await post(client, "/models/containers", [{"space": "plant", "externalId": "E", "properties": {}}], 400)
    bad_enum = {"space": "plant", "externalId": "E", "properties": {"e": {"type": {"type": "enum", "values": {}}}}}
    await post(client, "/models/containers", [bad_enum], 400)
    edge = {"space": "plant", "externalId": "Edge", "usedFor": "edge", "properties": {"w": {"type": {"type": "float64"}}}}  # fmt: skip
    await post(client, "/models/containers", [edge])
    listed = (await client.get("/models/containers", params={"usedFor": "edge"})).json()["items"]
    assert [c["externalId"] for c in listed] == ["Edge"]
    repeated = await client.get("/models/containers", params=[("usedFor", "edge"), ("usedFor", "node")])
    assert [c["externalId"] for c in repeated.json()["items"]] == ["Pump", "Edge"]
    both = (await client.get("/models/containers", params={"space": "plant"})).json()["items"]
    assert [c["externalId"] for c in both] == ["Pump", "Edge"]
    globals_ = (await client.get("/models/containers", params={"includeGlobal": "true", "space": "cdf_cdm"})).json()
    assert [c["externalId"] for c in globals_["items"]][:2] == ["CogniteDescribable", "CogniteTimeSeries"]

    sub = [{"space": "plant", "containerExternalId": "Pump", "identifier": "u"},
           {"space": "plant", "containerExternalId": "Pump", "identifier": "nope"}]  # fmt: skip
    assert (await post(client, "/models/containers/constraints/delete", sub))["items"] == sub[:1]
    idx = [{"space": "plant", "containerExternalId": "Pump", "identifier": "i"}]
    assert (await post(client, "/models/containers/indexes/delete", idx))["items"] == idx
    await post(client, "/models/containers/indexes/delete", idx * 11, 400)
    after = (await post(client, "/models/containers/byids", [{"space": "plant", "externalId": "Pump"}]))["items"][0]
    assert "u" not in after.get("constraints", {}) and set(after["indexes"]) == {"t"}
    await post(client, "/models/containers/delete", [{"space": "cdf_cdm", "externalId": "CogniteDescribable"}], 400)
    gone = await post(client, "/models/containers/delete", [{"space": "plant", "externalId": "Edge"}])
    assert gone["items"] == [{"space": "plant", "externalId": "Edge"}]


async def test_views_resolve_properties_and_versions(client: httpx.AsyncClient) -> None:
    await setup_plant(client)
    pump = {"space": "plant", "externalId": "Pump", "version": "v1",
            "implements": [{"type": "view", "space": "cdf_cdm", "externalId": "CogniteDescribable", "version": "v1"}],
            "properties": {
                "title": {"container": PUMP, "containerPropertyIdentifier": "name", "name": "Title"},
                "parent": {"container": PUMP, "containerPropertyIdentifier": "parent", "source": PUMP_VIEW},
                "children": {"connectionType": "multi_reverse_direct_relation", "source": PUMP_VIEW,
                             "through": {"source": PUMP_VIEW, "identifier": "parent"}},
                "feeds": {"type": {"space": "plant", "externalId": "feeds"}, "source": PUMP_VIEW},
            }}  # fmt: skip
    view = (await post(client, "/models/views", [pump]))["items"][0]
    props = view["properties"]
    assert set(props) == {"name", "description", "tags", "aliases", "title", "parent", "children", "feeds"}
    assert props["title"]["type"] == {"type": "text", "list": False, "collation": "ucs_basic"}
    assert props["title"]["name"] == "Title"
    assert props["parent"]["type"] == {"type": "direct", "list": False, "source": PUMP_VIEW}
    assert props["children"]["targetsList"] is False
    assert props["feeds"]["connectionType"] == "multi_edge_connection" and props["feeds"]["direction"] == "outwards"
    assert view["writable"] and view["usedFor"] == "node"
    assert {c["externalId"] for c in view["mappedContainers"]} == {"Pump", "CogniteDescribable"}
    own = await post(client, "/models/views/byids", [{"space": "plant", "externalId": "Pump"}],
                     includeInheritedProperties="false")  # fmt: skip
    assert set(own["items"][0]["properties"]) == {"title", "parent", "children", "feeds"}

    renamed = await post(client, "/models/views", [{**pump, "name": "Pump"}])
    assert renamed["items"][0]["name"] == "Pump"
    assert (await post(client, "/models/views", [{**pump, "properties": {}}], 409))["error"]["code"] == 409
    v2 = {**pump, "version": "v2", "properties": {"title": pump["properties"]["title"]}}  # type: ignore[index]
    await post(client, "/models/views", [v2])
    latest = (await client.get("/models/views", params={"space": "plant"})).json()["items"]
    assert [v["version"] for v in latest] == ["v2"]
    every = (await client.get("/models/views", params={"space": "plant", "allVersions": "true"})).json()["items"]
    assert [v["version"] for v in every] == ["v1", "v2"]
    both = await post(client, "/models/views/byids", [{"space": "plant", "externalId": "Pump"}])
    assert [v["version"] for v in both["items"]] == ["v1", "v2"]

    missing_container = {"space": "plant", "externalId": "Bad", "version": "1",
                         "properties": {"x": {"container": {**PUMP, "externalId": "Nope"}, "containerPropertyIdentifier": "x"}}}  # fmt: skip
    await post(client, "/models/views", [missing_container], 400)
    missing_prop = {
        **missing_container,
        "properties": {"x": {"container": PUMP, "containerPropertyIdentifier": "nope"}},
    }
    await post(client, "/models/views", [missing_prop], 400)
    not_direct = {"space": "plant", "externalId": "Bad", "version": "1", "properties": {"x": {
        "connectionType": "multi_reverse_direct_relation", "source": PUMP_VIEW,
        "through": {"source": PUMP, "identifier": "name"}}}}  # fmt: skip
    assert "not a direct relation" in (await post(client, "/models/views", [not_direct], 400))["error"]["message"]
    listed = {**not_direct, "properties": {"x": {**not_direct["properties"]["x"],  # type: ignore[index]
              "through": {"source": PUMP, "identifier": "parent"}}}}  # fmt: skip
    assert (await post(client, "/models/views", [listed]))["items"][0]["properties"]["x"]["targetsList"] is False
    missing_parent = {
        "space": "plant",
        "externalId": "Bad",
        "version": "1",
        "implements": [{**PUMP_VIEW, "version": "v9"}],
    }
    await post(client, "/models/views", [missing_parent], 400)
    # views that refer to each other can be applied together
    a = {"space": "plant", "externalId": "A", "version": "1", "properties": {
        "b": {"source": {"type": "view", "space": "plant", "externalId": "B", "version": "1"},
              "type": {"space": "plant", "externalId": "ab"}}}}  # fmt: skip
    b = {"space": "plant", "externalId": "B", "version": "1", "properties": {
        "a": {"source": {"type": "view", "space": "plant", "externalId": "A", "version": "1"},
              "type": {"space": "plant", "externalId": "ab"}, "direction": "inwards"}}}  # fmt: skip
    assert len((await post(client, "/models/views", [a, b]))["items"]) == 2
    deleted = await post(client, "/models/views/delete", [{"space": "plant", "externalId": "Pump", "version": "v1"}])
    assert deleted["items"] == [{"space": "plant", "externalId": "Pump", "version": "v1"}]


async def test_data_models_and_space_deletion(client: httpx.AsyncClient) -> None:
    await setup_plant(client)
    site = {"space": "plant", "externalId": "Site", "version": "v1",
            "properties": {"name": {"container": PUMP, "containerPropertyIdentifier": "name"}}}  # fmt: skip
    model = {"space": "plant", "externalId": "Plant", "version": "1", "views": [site]}
    made = (await post(client, "/models/datamodels", [model]))["items"][0]
    assert made["views"] == [{"type": "view", "space": "plant", "externalId": "Site", "version": "v1"}]
    inline = await post(client, "/models/datamodels/byids", [{"space": "plant", "externalId": "Plant", "version": "1"}],
                        inlineViews="true")  # fmt: skip
    assert inline["items"][0]["views"][0]["properties"]["name"]["type"]["type"] == "text"
    bad = {"space": "plant", "externalId": "Bad", "version": "1", "views": [{**PUMP_VIEW, "externalId": "Nope"}]}
    await post(client, "/models/datamodels", [bad], 400)
    listed = (await client.get("/models/datamodels", params={"includeGlobal": "true"})).json()["items"]
    assert [m["externalId"] for m in listed] == ["CogniteCore", "Plant"]

    stats = (await client.get("/models/statistics")).json()
    assert (stats["spaces"]["count"], stats["containers"]["count"], stats["views"]["count"]) == (1, 1, 1)
    assert stats["dataModels"]["count"] == 1 and stats["containerProperties"]["count"] == 3
    per_space = (await client.get("/models/statistics/spaces")).json()["items"]
    assert per_space == [{"space": "plant", "containers": 1, "views": 1, "dataModels": 1, "edges": 0,
                          "softDeletedEdges": 0, "nodes": 0, "softDeletedNodes": 0}]  # fmt: skip
    by_id = await post(client, "/models/statistics/spaces/byids", [{"space": "plant"}, {"space": "nope"}])
    assert [s["space"] for s in by_id["items"]] == ["plant"]

    refused = await post(client, "/models/spaces/delete", [{"space": "plant"}], 400)
    assert "1 container(s), 1 view(s), 1 data model(s)" in refused["error"]["message"]
    await post(client, "/models/datamodels/delete", [{"space": "plant", "externalId": "Plant", "version": "1"}])
    await post(client, "/models/views/delete", [{"space": "plant", "externalId": "Site", "version": "v1"}])
    await post(client, "/models/containers/delete", [{"space": "plant", "externalId": "Pump"}])
    await post(client, "/models/spaces/delete", [{"space": "plant"}])


async def test_space_with_instances_cannot_be_deleted(client: httpx.AsyncClient, emulator: CDFEmulator) -> None:
    await post(client, "/models/spaces", [{"space": "plant"}])
    node = {"instanceType": "node", "space": "plant", "externalId": "n1"}
    response = await client.post("/models/instances", json={"items": [node]})
    assert response.status_code == 200, response.text
    refused = await post(client, "/models/spaces/delete", [{"space": "plant"}], 400)
    assert "1 instance(s)" in refused["error"]["message"]
    stats = (await client.get("/models/statistics")).json()["instances"]
    assert (stats["nodes"], stats["instances"]) == (1, 1)
