"""Every assets endpoint of the emulator, driven with raw httpx through the in-process transport.

The emulator fixture validates every request and response against the CDF OpenAPI spec (and raises on a
response that does not match).
"""

from __future__ import annotations

import asyncio
import gzip
import json
from typing import Any

import httpx
import pytest

from cognite.client.testing import CDFEmulator

PROJECT = "test-project"
AUTH = {"Authorization": "Bearer test-token"}


async def create_assets(client: httpx.AsyncClient, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    response = await client.post("/assets", json={"items": items})
    assert response.status_code == 201, response.text
    created: list[dict[str, Any]] = response.json()["items"]
    return created


async def list_all(client: httpx.AsyncClient, body: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    cursor = None
    while True:
        request = {**(body or {}), "limit": 1000, **({"cursor": cursor} if cursor else {})}
        response = await client.post("/assets/list", json=request)
        assert response.status_code == 200, response.text
        out += response.json()["items"]
        cursor = response.json().get("nextCursor")
        if cursor is None:
            return out


async def tree(client: httpx.AsyncClient) -> dict[str, dict[str, Any]]:
    """root -> (a -> a1, a2), b; other root 'r2' -> c."""
    items = await create_assets(
        client,
        [
            {"externalId": "a1", "name": "pump a1", "parentExternalId": "a", "labels": [{"externalId": "PUMP"}]},
            {"externalId": "root", "name": "plant", "metadata": {"site": "oslo"}, "source": "sap"},
            {"externalId": "a", "name": "area a", "parentExternalId": "root", "description": "critical area"},
            {"externalId": "a2", "name": "valve a2", "parentExternalId": "a", "labels": [{"externalId": "VALVE"}]},
            {"externalId": "b", "name": "area b", "parentExternalId": "root", "metadata": {"site": "bergen"}},
            {"externalId": "r2", "name": "other plant", "dataSetId": 77},
            {"externalId": "c", "name": "pump c", "parentExternalId": "r2", "labels": [{"externalId": "PUMP"}]},
        ],
    )
    return {it["externalId"]: it for it in items}


async def test_create_and_retrieve(client: httpx.AsyncClient) -> None:
    created = await create_assets(client, [{"name": "x", "externalId": "x", "metadata": {"k": "v"}}])
    asset = created[0]
    assert 1 <= asset["id"] < 2**53
    assert asset["rootId"] == asset["id"]
    assert asset["createdTime"] == asset["lastUpdatedTime"] > 0
    one = await client.get(f"/assets/{asset['id']}")
    assert one.status_code == 200 and one.json() == asset
    by_ids = await client.post("/assets/byids", json={"items": [{"externalId": "x"}, {"id": asset["id"]}]})
    assert [a["id"] for a in by_ids.json()["items"]] == [asset["id"], asset["id"]] or by_ids.status_code == 400


async def test_byids_missing_and_ignore_unknown(client: httpx.AsyncClient) -> None:
    (asset,) = await create_assets(client, [{"name": "x", "externalId": "x"}])
    missing = await client.post("/assets/byids", json={"items": [{"id": asset["id"]}, {"id": 1}, {"externalId": "y"}]})
    assert missing.status_code == 400
    assert missing.json()["error"]["missing"] == [{"id": 1}, {"externalId": "y"}]
    assert missing.headers["x-request-id"]
    ignored = await client.post(
        "/assets/byids", json={"items": [{"id": 1}, {"externalId": "x"}], "ignoreUnknownIds": True}
    )
    assert ignored.status_code == 200 and [a["id"] for a in ignored.json()["items"]] == [asset["id"]]
    not_found = await client.get("/assets/1")
    assert not_found.status_code == 400 and not_found.json()["error"]["missing"] == [{"id": 1}]


async def test_duplicated_external_ids(client: httpx.AsyncClient) -> None:
    await create_assets(client, [{"name": "x", "externalId": "x"}])
    existing = await client.post("/assets", json={"items": [{"name": "y", "externalId": "x"}]})
    assert existing.status_code == 409
    assert existing.json()["error"]["duplicated"] == [{"externalId": "x"}]
    in_batch = await client.post("/assets", json={"items": [{"name": "y", "externalId": "z"}] * 2})
    assert in_batch.status_code == 409 and in_batch.json()["error"]["duplicated"] == [{"externalId": "z"}]
    assert len(await list_all(client)) == 1  # nothing of a failed request was stored


async def test_item_limits_from_spec() -> None:
    emulator = CDFEmulator(seed=1)  # without spec validation: the emulator's own limits
    async with httpx.AsyncClient(
        transport=emulator.transport(), base_url=f"http://x/api/v1/projects/{PROJECT}", headers=AUTH
    ) as c:
        too_many = await c.post("/assets", json={"items": [{"name": "x"}] * 1001})
        assert too_many.status_code == 400 and "1000" in too_many.json()["error"]["message"]
        assert (await c.post("/assets", json={"items": []})).status_code == 400
        assert (await c.post("/assets/byids", json={"items": [{"id": 1}] * 1001})).status_code == 400
        assert (await c.post("/assets/list", json={"limit": 1001})).status_code == 400
        assert (await c.post("/assets/list", json={"limit": 0})).status_code == 400
        assert (await c.get("/assets", params={"limit": 1001})).status_code == 400
        assert (await c.post("/assets", json={"items": [{"name": 1}]})).status_code == 400
        assert (await c.post("/assets", json={"items": [{"nam": "x"}]})).status_code == 400
        assert (await c.post("/assets", json={"items": [{"description": "no name"}]})).status_code == 400


async def test_hierarchy_within_one_request(client: httpx.AsyncClient) -> None:
    t = await tree(client)
    assert t["a1"]["parentId"] == t["a"]["id"] and t["a1"]["parentExternalId"] == "a"
    assert {t[x]["rootId"] for x in ("root", "a", "a1", "a2", "b")} == {t["root"]["id"]}
    assert t["c"]["rootId"] == t["r2"]["id"]
    assert "parentId" not in t["root"]
    response = await client.post("/assets", json={"items": [{"name": "x", "parentExternalId": "nope"}]})
    assert response.status_code == 400 and response.json()["error"]["missing"] == [{"externalId": "nope"}]
    response = await client.post("/assets", json={"items": [{"name": "x", "parentId": 123}]})
    assert response.status_code == 400 and response.json()["error"]["missing"] == [{"id": 123}]
    cycle = [
        {"name": "p", "externalId": "p", "parentExternalId": "q"},
        {"name": "q", "externalId": "q", "parentExternalId": "p"},
    ]
    assert (await client.post("/assets", json={"items": cycle})).status_code == 400


async def test_aggregated_properties(client: httpx.AsyncClient) -> None:
    t = await tree(client)
    response = await client.post(
        "/assets/byids",
        json={
            "items": [{"externalId": "root"}, {"externalId": "a1"}],
            "aggregatedProperties": ["childCount", "depth", "path"],
        },
    )
    root, a1 = response.json()["items"]
    assert root["aggregates"] == {"childCount": 2, "depth": 0, "path": [{"id": t["root"]["id"]}]}
    assert a1["aggregates"] == {
        "childCount": 0,
        "depth": 2,
        "path": [{"id": t["root"]["id"]}, {"id": t["a"]["id"]}, {"id": t["a1"]["id"]}],
    }


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        ({"root": True}, {"root", "r2"}),
        ({"root": False}, {"a", "a1", "a2", "b", "c"}),
        ({"name": "area a"}, {"a"}),
        ({"externalIdPrefix": "a"}, {"a", "a1", "a2"}),
        ({"source": "sap"}, {"root"}),
        ({"metadata": {"site": "bergen"}}, {"b"}),
        ({"labels": {"containsAny": [{"externalId": "PUMP"}, {"externalId": "VALVE"}]}}, {"a1", "a2", "c"}),
        ({"labels": {"containsAll": [{"externalId": "PUMP"}]}}, {"a1", "c"}),
        ({"parentExternalIds": ["a"]}, {"a1", "a2"}),
        ({"assetSubtreeIds": [{"externalId": "a"}]}, {"a", "a1", "a2"}),
        ({"assetSubtreeIds": [{"externalId": "r2"}, {"externalId": "b"}]}, {"r2", "c", "b"}),
        ({"dataSetIds": [{"id": 77}]}, {"r2"}),
        ({"createdTime": {"min": 0}, "root": True}, {"root", "r2"}),
        ({"lastUpdatedTime": {"max": 0}}, set()),
    ],
)
async def test_list_filters(client: httpx.AsyncClient, flt: dict[str, Any], expected: set[str]) -> None:
    await tree(client)
    assert {a["externalId"] for a in await list_all(client, {"filter": flt})} == expected
    count = await client.post("/assets/aggregate", json={"filter": flt})
    assert count.json()["items"] == [{"count": len(expected)}]


async def test_list_filters_needing_ids(client: httpx.AsyncClient) -> None:
    t = await tree(client)
    flt = {"parentIds": [t["root"]["id"]], "rootIds": [{"id": t["root"]["id"]}]}
    assert {a["externalId"] for a in await list_all(client, {"filter": flt})} == {"a", "b"}
    unknown = await client.post("/assets/list", json={"filter": {"assetSubtreeIds": [{"id": 1}]}})
    assert unknown.status_code == 400 and unknown.json()["error"]["missing"] == [{"id": 1}]


async def test_get_list_query_parameters(client: httpx.AsyncClient) -> None:
    t = await tree(client)
    r = await client.get("/assets", params={"root": "true", "limit": 10})
    assert {a["externalId"] for a in r.json()["items"]} == {"root", "r2"}
    r = await client.get("/assets", params={"parentIds": json.dumps([t["a"]["id"]])})
    assert {a["externalId"] for a in r.json()["items"]} == {"a1", "a2"}
    r = await client.get("/assets", params={"assetSubtreeExternalIds": '["a"]', "externalIdPrefix": "a"})
    assert {a["externalId"] for a in r.json()["items"]} == {"a", "a1", "a2"}
    r = await client.get("/assets", params={"minCreatedTime": 1, "includeMetadata": "false", "source": "sap"})
    assert [a["externalId"] for a in r.json()["items"]] == ["root"] and "metadata" not in r.json()["items"][0]
    r = await client.get("/assets", params={"parentExternalIds": '["root"]', "name": "area b"})
    assert [a["externalId"] for a in r.json()["items"]] == ["b"]


async def test_pagination_default_limit_and_cursor(client: httpx.AsyncClient) -> None:
    await create_assets(client, [{"name": f"n{i}", "externalId": f"x{i}"} for i in range(250)])
    first = (await client.post("/assets/list", json={})).json()
    assert len(first["items"]) == 100 and "nextCursor" in first
    via_get = (await client.get("/assets", params={"cursor": first["nextCursor"], "limit": 1000})).json()
    assert len(via_get["items"]) == 150 and "nextCursor" not in via_get
    assert [a["externalId"] for a in first["items"] + via_get["items"]] == [f"x{i}" for i in range(250)]
    bad = await client.post("/assets/list", json={"cursor": "garbage"})
    assert bad.status_code == 400


async def test_partitions_are_disjoint_and_complete(client: httpx.AsyncClient) -> None:
    await create_assets(client, [{"name": f"n{i}"} for i in range(1000)])
    await create_assets(client, [{"name": f"m{i}"} for i in range(357)])
    everything = {a["id"] for a in await list_all(client)}
    seen: list[int] = []
    for m in range(1, 8):
        cursor = None
        while True:
            body = {"partition": f"{m}/7", "limit": 50, **({"cursor": cursor} if cursor else {})}
            page = (await client.post("/assets/list", json=body)).json()
            seen += [a["id"] for a in page["items"]]
            if (cursor := page.get("nextCursor")) is None:
                break
    assert len(seen) == len(set(seen)) == 1357
    assert set(seen) == everything
    for bad in ("0/3", "4/3", "1/11", "x"):
        assert (await client.post("/assets/list", json={"partition": bad})).status_code == 400
    with_get = await client.get("/assets", params={"partition": "2/7", "limit": 1000})
    assert len(with_get.json()["items"]) == sum(1 for i in range(1357) if i % 7 == 1)


async def test_cursor_stable_under_concurrent_writes(client: httpx.AsyncClient) -> None:
    initial = await create_assets(client, [{"name": f"n{i}", "externalId": f"x{i}"} for i in range(300)])
    deleted = {a["id"] for a in initial[100:150]}
    seen: list[int] = []
    cursor = None
    pages = 0
    while True:
        page = (await client.post("/assets/list", json={"limit": 40, **({"cursor": cursor} if cursor else {})})).json()
        seen += [a["id"] for a in page["items"]]
        pages += 1
        if pages == 2:  # others write between our pages: delete ahead of the cursor, create and update
            other = await client.post("/assets/delete", json={"items": [{"id": i} for i in deleted]})
            assert other.status_code == 200
            await create_assets(client, [{"name": f"new{i}"} for i in range(30)])
            await client.post(
                "/assets/update", json={"items": [{"id": initial[0]["id"], "update": {"name": {"set": "z"}}}]}
            )
        if (cursor := page.get("nextCursor")) is None:
            break
    assert len(seen) == len(set(seen))
    survivors = {a["id"] for a in initial} - deleted
    assert survivors <= set(seen)
    assert not (deleted & set(seen[80:]))  # nothing deleted shows up after the deletion
    assert len(seen) == 300 - 50 + 30


async def test_update_operations(client: httpx.AsyncClient) -> None:
    (a,) = await create_assets(
        client,
        [
            {
                "name": "x",
                "externalId": "x",
                "metadata": {"a": "1", "b": "2"},
                "labels": [{"externalId": "L1"}],
                "source": "s",
            }
        ],
    )
    update = {
        "name": {"set": "renamed"},
        "metadata": {"add": {"c": "3"}, "remove": ["a"]},
        "labels": {"add": [{"externalId": "L2"}], "remove": [{"externalId": "L1"}]},
        "source": {"setNull": True},
        "description": {"set": "d"},
    }
    r = await client.post("/assets/update", json={"items": [{"id": a["id"], "update": update}]})
    assert r.status_code == 200, r.text
    got = r.json()["items"][0]
    assert got["name"] == "renamed" and got["metadata"] == {"b": "2", "c": "3"}
    assert got["labels"] == [{"externalId": "L2"}] and "source" not in got and got["description"] == "d"
    assert got["lastUpdatedTime"] >= a["lastUpdatedTime"] and got["createdTime"] == a["createdTime"]
    r = await client.post(
        "/assets/update",
        json={"items": [{"externalId": "x", "update": {"metadata": {"set": {}}, "externalId": {"set": "y"}}}]},
    )
    assert "metadata" not in r.json()["items"][0] and r.json()["items"][0]["externalId"] == "y"
    assert (await client.post("/assets/byids", json={"items": [{"externalId": "y"}]})).status_code == 200
    missing = await client.post("/assets/update", json={"items": [{"id": 1, "update": {"name": {"set": "n"}}}]})
    assert missing.status_code == 400 and missing.json()["error"]["missing"] == [{"id": 1}]
    no_null = await client.post(
        "/assets/update", json={"items": [{"id": a["id"], "update": {"name": {"setNull": True}}}]}
    )
    assert no_null.status_code == 400
    unknown_field = await client.post(
        "/assets/update", json={"items": [{"id": a["id"], "update": {"rootId": {"set": 1}}}]}
    )
    assert unknown_field.status_code == 400
    await create_assets(client, [{"name": "other", "externalId": "taken"}])
    clash = await client.post(
        "/assets/update", json={"items": [{"id": a["id"], "update": {"externalId": {"set": "taken"}}}]}
    )
    assert clash.status_code == 409 and clash.json()["error"]["duplicated"] == [{"externalId": "taken"}]


async def test_move_parent_within_hierarchy(client: httpx.AsyncClient) -> None:
    t = await tree(client)
    moved = await client.post(
        "/assets/update", json={"items": [{"externalId": "a2", "update": {"parentExternalId": {"set": "b"}}}]}
    )
    assert moved.status_code == 200 and moved.json()["items"][0]["parentId"] == t["b"]["id"]
    b = await client.post(
        "/assets/byids", json={"items": [{"externalId": "b"}], "aggregatedProperties": ["childCount"]}
    )
    assert b.json()["items"][0]["aggregates"]["childCount"] == 1
    other_root = await client.post(
        "/assets/update", json={"items": [{"externalId": "a", "update": {"parentId": {"set": t["r2"]["id"]}}}]}
    )
    assert other_root.status_code == 400
    below_itself = await client.post(
        "/assets/update", json={"items": [{"externalId": "a", "update": {"parentId": {"set": t["a1"]["id"]}}}]}
    )
    assert below_itself.status_code == 400
    renamed = await client.post(
        "/assets/update", json={"items": [{"externalId": "b", "update": {"externalId": {"set": "bb"}}}]}
    )
    assert renamed.status_code == 200
    child = await client.post("/assets/byids", json={"items": [{"externalId": "a2"}]})
    assert child.json()["items"][0]["parentExternalId"] == "bb"


async def test_delete_recursive_semantics(client: httpx.AsyncClient) -> None:
    t = await tree(client)
    refused = await client.post("/assets/delete", json={"items": [{"externalId": "a"}]})
    assert refused.status_code == 400
    leaf_and_parent = await client.post("/assets/delete", json={"items": [{"externalId": "b"}, {"externalId": "c"}]})
    assert leaf_and_parent.status_code == 200
    recursive = await client.post("/assets/delete", json={"items": [{"externalId": "a"}], "recursive": True})
    assert recursive.status_code == 200 and recursive.json() == {}
    left = {a["externalId"] for a in await list_all(client)}
    assert left == {"root", "r2"}
    root = await client.post(
        "/assets/byids", json={"items": [{"id": t["root"]["id"]}], "aggregatedProperties": ["childCount"]}
    )
    assert root.json()["items"][0]["aggregates"]["childCount"] == 0
    unknown = await client.post("/assets/delete", json={"items": [{"id": 1}]})
    assert unknown.status_code == 400 and unknown.json()["error"]["missing"] == [{"id": 1}]
    ignored = await client.post(
        "/assets/delete", json={"items": [{"id": 1}, {"externalId": "r2"}], "ignoreUnknownIds": True}
    )
    assert ignored.status_code == 200
    assert {a["externalId"] for a in await list_all(client)} == {"root"}


async def test_search(client: httpx.AsyncClient) -> None:
    await tree(client)
    r = await client.post("/assets/search", json={"search": {"name": "pump"}})
    assert {a["externalId"] for a in r.json()["items"]} == {"a1", "c"}
    r = await client.post("/assets/search", json={"search": {"query": "critical"}})
    assert [a["externalId"] for a in r.json()["items"]] == ["a"]
    r = await client.post(
        "/assets/search", json={"search": {"query": "pump"}, "filter": {"parentExternalIds": ["a"]}, "limit": 5}
    )
    assert [a["externalId"] for a in r.json()["items"]] == ["a1"]
    r = await client.post("/assets/search", json={"search": {"name": "area"}, "limit": 1})
    assert len(r.json()["items"]) == 1
    r = await client.post("/assets/search", json={"search": {"description": "critical"}})
    assert [a["externalId"] for a in r.json()["items"]] == ["a"]


async def test_aggregates(client: httpx.AsyncClient) -> None:
    await tree(client)

    async def agg(body: dict[str, Any]) -> list[dict[str, Any]]:
        r = await client.post("/assets/aggregate", json=body)
        assert r.status_code == 200, r.text
        items: list[dict[str, Any]] = r.json()["items"]
        return items

    assert await agg({}) == [{"count": 7}]
    assert await agg(
        {"aggregate": "count", "advancedFilter": {"prefix": {"property": ["externalId"], "value": "a"}}}
    ) == [{"count": 3}]
    assert await agg({"aggregate": "count", "properties": [{"property": ["labels"]}]}) == [{"count": 3}]
    assert await agg({"aggregate": "uniqueValues", "properties": [{"property": ["labels"]}]}) == [
        {"count": 2, "values": ["PUMP"]},
        {"count": 1, "values": ["VALVE"]},
    ]
    assert await agg({"aggregate": "cardinalityValues", "properties": [{"property": ["metadata", "site"]}]}) == [
        {"count": 2}
    ]
    assert await agg({"aggregate": "uniqueProperties", "path": ["metadata"]}) == [
        {"count": 2, "values": [{"property": ["metadata", "site"]}]}
    ]
    assert await agg({"aggregate": "cardinalityProperties", "path": ["metadata"]}) == [{"count": 1}]
    filtered = await agg(
        {
            "aggregate": "uniqueValues",
            "properties": [{"property": ["name"]}],
            "aggregateFilter": {"prefix": {"value": "Area"}},
        }
    )
    assert sorted(v["values"][0] for v in filtered) == ["area a", "area b"]
    bad = await client.post(
        "/assets/aggregate", json={"aggregate": "uniqueValues", "properties": [{"property": ["nope"]}]}
    )
    assert bad.status_code == 400


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        ({"equals": {"property": ["name"], "value": "area a"}}, {"a"}),
        ({"in": {"property": ["externalId"], "values": ["a", "b", "zz"]}}, {"a", "b"}),
        ({"prefix": {"property": ["name"], "value": "pump"}}, {"a1", "c"}),
        ({"exists": {"property": ["description"]}}, {"a"}),
        ({"containsAny": {"property": ["labels"], "values": ["VALVE", "X"]}}, {"a2"}),
        ({"containsAll": {"property": ["labels"], "values": ["PUMP"]}}, {"a1", "c"}),
        ({"search": {"property": ["description"], "value": "critical"}}, {"a"}),
        ({"equals": {"property": ["metadata", "site"], "value": "oslo"}}, {"root"}),
        ({"range": {"property": ["createdTime"], "gt": 0}}, {"root", "a", "a1", "a2", "b", "r2", "c"}),
        ({"not": {"exists": {"property": ["parentId"]}}}, {"root", "r2"}),
        (
            {
                "and": [
                    {"prefix": {"property": ["externalId"], "value": "a"}},
                    {"not": {"equals": {"property": ["externalId"], "value": "a"}}},
                ]
            },
            {"a1", "a2"},
        ),
        (
            {
                "or": [
                    {"equals": {"property": ["source"], "value": "sap"}},
                    {"equals": {"property": ["dataSetId"], "value": 77}},
                ]
            },
            {"root", "r2"},
        ),
    ],
)
async def test_advanced_filters(client: httpx.AsyncClient, flt: dict[str, Any], expected: set[str]) -> None:
    await tree(client)
    assert {a["externalId"] for a in await list_all(client, {"advancedFilter": flt})} == expected


async def test_advanced_filter_errors(client: httpx.AsyncClient) -> None:
    bad = await client.post(
        "/assets/list", json={"advancedFilter": {"equals": {"property": ["unknownProp"], "value": 1}}}
    )
    assert bad.status_code == 400


async def test_sort_with_cursor(client: httpx.AsyncClient) -> None:
    await tree(client)
    body: dict[str, Any] = {"sort": [{"property": ["name"], "order": "desc"}], "limit": 3}
    names: list[str] = []
    cursor = None
    while True:
        page = (await client.post("/assets/list", json={**body, **({"cursor": cursor} if cursor else {})})).json()
        names += [a["name"] for a in page["items"]]
        if (cursor := page.get("nextCursor")) is None:
            break
    assert names == sorted(names, reverse=True) and len(names) == 7
    nulls = await client.post("/assets/list", json={"sort": [{"property": ["description"], "nulls": "first"}]})
    assert nulls.json()["items"][-1]["externalId"] == "a"
    nulls_last = await client.post("/assets/list", json={"sort": [{"property": ["description"], "order": "asc"}]})
    assert nulls_last.json()["items"][0]["externalId"] == "a"


async def test_gzip_and_bad_bodies(client: httpx.AsyncClient) -> None:
    body = gzip.compress(json.dumps({"items": [{"name": "zipped"}]}).encode())
    r = await client.post(
        "/assets", content=body, headers={"Content-Encoding": "gzip", "Content-Type": "application/json"}
    )
    assert r.status_code == 201 and r.json()["items"][0]["name"] == "zipped"
    r = await client.post("/assets", content=b"not gzip", headers={"Content-Encoding": "gzip"})
    assert r.status_code == 400 and r.json()["error"]["code"] == 400
    r = await client.post("/assets", content=b"{not json", headers={"Content-Type": "application/json"})
    assert r.status_code == 400


async def test_unknown_routes_and_methods(client: httpx.AsyncClient) -> None:
    r = await client.get("/nothing/here")
    assert r.status_code == 404 and r.json()["error"]["code"] == 404 and r.headers["x-request-id"]
    r = await client.delete("/assets")
    assert r.status_code == 405 and r.json()["error"]["code"] == 405
    r = await client.get("/assets/byids")
    assert r.status_code == 400  # GET /assets/{id} with a non-numeric id, like CDF
    async with httpx.AsyncClient(transport=client._transport, base_url="http://cdf.local") as root:
        assert (await root.get("/")).status_code == 404


async def test_projects_are_isolated(emulator: CDFEmulator, client: httpx.AsyncClient) -> None:
    await create_assets(client, [{"name": "x", "externalId": "x"}])
    async with httpx.AsyncClient(
        transport=emulator.transport(), base_url="http://cdf.local/api/v1/projects/other", headers=AUTH
    ) as other:
        assert (await other.post("/assets/list", json={})).json()["items"] == []
        assert (await other.post("/assets", json={"items": [{"name": "x", "externalId": "x"}]})).status_code == 201
    assert len(emulator.store(PROJECT, "assets")) == 1 and len(emulator.store("other", "assets")) == 1


async def test_asgi_app_through_httpx_asgi_transport(emulator: CDFEmulator) -> None:
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(emulator.app),
        base_url=f"http://cdf.local/api/v1/projects/{PROJECT}",
        headers=AUTH,
    ) as c:
        created = await create_assets(c, [{"name": "via asgi"}])
        got = await c.get(f"/assets/{created[0]['id']}")
        assert got.json()["name"] == "via asgi" and got.headers["x-request-id"]
        assert (await c.get("/nope")).status_code == 404


async def test_concurrent_creates_are_consistent(client: httpx.AsyncClient) -> None:
    results = await asyncio.gather(
        *[client.post("/assets", json={"items": [{"name": f"n{i}", "externalId": f"x{i % 5}"}]}) for i in range(20)]
    )
    assert sorted(r.status_code for r in results).count(201) == 5
    assert len(await list_all(client)) == 5


async def test_events_family_from_the_table(client: httpx.AsyncClient) -> None:
    t = await tree(client)
    r = await client.post(
        "/events",
        json={
            "items": [
                {"externalId": "e1", "startTime": 10, "assetIds": [t["a1"]["id"]], "type": "alarm"},
                {"startTime": 20},
            ]
        },
    )
    assert r.status_code == 201, r.text
    r = await client.post("/events/list", json={"filter": {"assetSubtreeIds": [{"externalId": "a"}]}})
    assert [e["externalId"] for e in r.json()["items"]] == ["e1"]
    r = await client.post(
        "/events/update", json={"items": [{"externalId": "e1", "update": {"assetIds": {"add": [t["c"]["id"]]}}}]}
    )
    assert r.json()["items"][0]["assetIds"] == [t["a1"]["id"], t["c"]["id"]]
    r = await client.get("/events", params={"minStartTime": 15})
    assert len(r.json()["items"]) == 1
    r = await client.post("/events/aggregate", json={"filter": {"type": "alarm"}})
    assert r.json()["items"] == [{"count": 1}]
