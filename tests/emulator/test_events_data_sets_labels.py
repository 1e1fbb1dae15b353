"""The emulator's events, data sets and labels endpoints, driven with raw httpx through the in-process transport.

The emulator fixture validates every request and response against the CDF OpenAPI spec.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from cognite.client.testing import CDFEmulator


async def post(client: httpx.AsyncClient, path: str, body: dict[str, Any], status: int = 200) -> Any:
    response = await client.post(path, json=body)
    assert response.status_code == status, response.text
    return response.json()


async def seed_events(client: httpx.AsyncClient) -> dict[str, dict[str, Any]]:
    """e0..e9: start i*10; odd ones end at i*10+5, even ones are ongoing; type t{i%3}; asset 1 or 2."""
    items = [
        {
            "externalId": f"e{i}",
            "startTime": i * 10,
            **({"endTime": i * 10 + 5} if i % 2 else {}),
            "type": f"t{i % 3}",
            "description": f"pump trip {i}" if i < 3 else f"valve {i}",
            "metadata": {"site": "oslo" if i % 2 else "bergen"},
            "assetIds": [1 + i % 2],
            "source": "scada",
        }
        for i in range(10)
    ]
    created = (await post(client, "/events", {"items": items}, 201))["items"]
    return {e["externalId"]: e for e in created}


def xids(body: dict[str, Any]) -> list[str]:
    return sorted(e["externalId"] for e in body["items"])


# ---------------------------------------------------------------------------------------------- events


async def test_events_end_time_is_null_and_ranges(client: httpx.AsyncClient) -> None:
    await seed_events(client)
    ongoing = await post(client, "/events/list", {"filter": {"endTime": {"isNull": True}}})
    assert xids(ongoing) == ["e0", "e2", "e4", "e6", "e8"]
    ended = await post(client, "/events/list", {"filter": {"endTime": {"isNull": False}}})
    assert xids(ended) == ["e1", "e3", "e5", "e7", "e9"]
    late = await post(client, "/events/list", {"filter": {"endTime": {"min": 50}, "startTime": {"max": 80}}})
    assert xids(late) == ["e5", "e7"]
    bad = await client.post("/events/list", json={"filter": {"endTime": {"isNull": True, "min": 1}}})
    assert bad.status_code == 400


async def test_events_active_at_time(client: httpx.AsyncClient) -> None:
    await seed_events(client)
    window = await post(client, "/events/list", {"filter": {"activeAtTime": {"min": 52, "max": 60}}})
    # started by 60 and not ended before 52: every ongoing one up to e6, plus e5 (50..55)
    assert xids(window) == ["e0", "e2", "e4", "e5", "e6"]
    from_only = await post(client, "/events/list", {"filter": {"activeAtTime": {"min": 86}}})
    assert xids(from_only) == ["e0", "e2", "e4", "e6", "e8", "e9"]
    until = await post(client, "/events/list", {"filter": {"activeAtTime": {"max": 5}}})
    assert xids(until) == ["e0"]


async def test_events_query_parameters(client: httpx.AsyncClient) -> None:
    await seed_events(client)
    response = await client.get("/events", params={"minActiveAtTime": "52", "maxActiveAtTime": "60", "limit": "2"})
    assert response.status_code == 200, response.text
    body = response.json()
    assert len(body["items"]) == 2 and "nextCursor" in body
    rest = await client.get(
        "/events", params={"minActiveAtTime": "52", "maxActiveAtTime": "60", "cursor": body["nextCursor"]}
    )
    assert len(rest.json()["items"]) == 3
    typed = await client.get("/events", params={"type": "t1", "assetIds": "[2]", "minEndTime": "0"})
    assert xids(typed.json()) == ["e1", "e7"]


async def test_events_filters_sort_and_partitions(client: httpx.AsyncClient) -> None:
    created = await seed_events(client)
    by_asset_xid = await post(client, "/events/list", {"filter": {"metadata": {"site": "oslo"}, "assetIds": [2]}})
    assert len(by_asset_xid["items"]) == 5
    ordered = await post(
        client, "/events/list", {"sort": [{"property": ["endTime"], "order": "desc", "nulls": "last"}], "limit": 5}
    )
    assert [e["externalId"] for e in ordered["items"]] == ["e9", "e7", "e5", "e3", "e1"]
    advanced = await post(
        client,
        "/events/list",
        {
            "advancedFilter": {
                "and": [
                    {"range": {"property": ["startTime"], "gte": 30}},
                    {"equals": {"property": ["type"], "value": "t0"}},
                ]
            }
        },
    )
    assert xids(advanced) == ["e3", "e6", "e9"]
    parts = [await post(client, "/events/list", {"partition": f"{m}/3", "limit": 1000}) for m in (1, 2, 3)]
    assert sorted(x for p in parts for x in xids(p)) == sorted(created)
    one = await client.get(f"/events/{created['e4']['id']}")
    assert one.status_code == 200 and one.json()["externalId"] == "e4"


async def test_events_search_update_delete(client: httpx.AsyncClient) -> None:
    created = await seed_events(client)
    hits = await post(client, "/events/search", {"search": {"description": "pump trip"}, "filter": {"type": "t1"}})
    assert xids(hits) == ["e1"]
    updated = await post(
        client,
        "/events/update",
        {
            "items": [
                {"externalId": "e1", "update": {"endTime": {"setNull": True}, "assetIds": {"add": [3], "remove": [2]}}},
                {"id": created["e2"]["id"], "update": {"metadata": {"set": {}}, "type": {"set": "x"}}},
            ]
        },
    )
    e1, e2 = updated["items"]
    assert "endTime" not in e1 and e1["assetIds"] == [3]
    assert "metadata" not in e2 and e2["type"] == "x" and e2["lastUpdatedTime"] >= e2["createdTime"]
    await post(client, "/events/delete", {"items": [{"externalId": "e1"}, {"id": created["e2"]["id"]}]})
    missing = await client.post("/events/delete", json={"items": [{"externalId": "e1"}]})
    assert missing.status_code == 400 and missing.json()["error"]["missing"] == [{"externalId": "e1"}]
    await post(client, "/events/delete", {"items": [{"externalId": "e1"}], "ignoreUnknownIds": True})
    assert len((await post(client, "/events/list", {}))["items"]) == 8


async def test_events_aggregates(client: httpx.AsyncClient) -> None:
    await seed_events(client)
    count = await post(client, "/events/aggregate", {"aggregate": "count", "filter": {"endTime": {"isNull": True}}})
    assert count == {"items": [{"count": 5}]}
    with_end = await post(
        client, "/events/aggregate", {"aggregate": "count", "properties": [{"property": ["endTime"]}]}
    )
    assert with_end == {"items": [{"count": 5}]}
    values = await post(
        client, "/events/aggregate", {"aggregate": "uniqueValues", "properties": [{"property": ["type"]}]}
    )
    assert {tuple(v["values"]): v["count"] for v in values["items"]} == {("t0",): 4, ("t1",): 3, ("t2",): 3}
    none = await post(
        client,
        "/events/aggregate",
        {"aggregate": "uniqueValues", "properties": [{"property": ["type"]}], "filter": {"source": "nowhere"}},
    )
    assert none == {"items": []}
    keys = await post(client, "/events/aggregate", {"aggregate": "uniqueProperties", "path": ["metadata"]})
    assert keys == {"items": [{"count": 10, "values": [{"property": ["metadata", "site"]}]}]}
    cardinality = await post(
        client,
        "/events/aggregate",
        {"aggregate": "cardinalityValues", "properties": [{"property": ["metadata", "site"]}]},
    )
    assert cardinality == {"items": [{"count": 2}]}


# ---------------------------------------------------------------------------------------------- data sets


async def test_data_sets(client: httpx.AsyncClient) -> None:
    created = await post(
        client,
        "/datasets",
        {
            "items": [
                {"externalId": "a", "name": "A"},
                {"externalId": "b", "writeProtected": True, "metadata": {"k": "v"}},
            ]
        },
    )
    a, b = created["items"]
    assert a["writeProtected"] is False and b["writeProtected"] is True
    too_many = await client.post("/datasets", json={"items": [{"name": str(i)} for i in range(11)]})
    assert too_many.status_code == 400
    assert xids(await post(client, "/datasets/list", {"filter": {"writeProtected": True}})) == ["b"]
    assert xids(
        await post(client, "/datasets/list", {"filter": {"metadata": {"k": "v"}, "externalIdPrefix": "b"}})
    ) == ["b"]
    assert await post(client, "/datasets/aggregate", {"filter": {"writeProtected": False}}) == {"items": [{"count": 1}]}
    assert await post(client, "/datasets/aggregate", {}) == {"items": [{"count": 2}]}
    updated = await post(
        client,
        "/datasets/update",
        {"items": [{"id": a["id"], "update": {"writeProtected": {"set": True}, "name": {"setNull": True}}}]},
    )
    assert updated["items"][0]["writeProtected"] is True and "name" not in updated["items"][0]
    cannot_null = await client.post(
        "/datasets/update", json={"items": [{"id": a["id"], "update": {"writeProtected": {"setNull": True}}}]}
    )
    assert cannot_null.status_code == 400
    assert (await client.post("/datasets/delete", json={"items": [{"id": a["id"]}]})).status_code in (404, 405)
    got = await post(client, "/datasets/byids", {"items": [{"externalId": "b"}, {"id": a["id"]}]})
    assert [d["externalId"] for d in got["items"]] == ["b", "a"]


# ---------------------------------------------------------------------------------------------- labels


async def test_labels(client: httpx.AsyncClient, emulator: CDFEmulator) -> None:
    ds = (await post(client, "/datasets", {"items": [{"externalId": "ds"}]}))["items"][0]
    created = await post(
        client,
        "/labels",
        {
            "items": [
                {"externalId": "PUMP", "name": "Pump", "dataSetId": ds["id"]},
                {"externalId": "VALVE", "name": "Valve"},
            ]
        },
        201,
    )
    assert all("id" not in lab for lab in created["items"])
    assert {"externalId", "name", "createdTime", "dataSetId"} <= set(created["items"][0])
    dup = await client.post("/labels", json={"items": [{"externalId": "PUMP", "name": "again"}]})
    assert dup.status_code == 409 and dup.json()["error"]["duplicated"] == [{"externalId": "PUMP"}]
    assert xids(await post(client, "/labels/list", {"filter": {"dataSetIds": [{"externalId": "ds"}]}})) == ["PUMP"]
    assert xids(await post(client, "/labels/list", {"filter": {"name": "Valve"}})) == ["VALVE"]
    assert xids(await post(client, "/labels/list", {"filter": {"externalIdPrefix": "P"}, "limit": 1})) == ["PUMP"]
    got = await post(
        client, "/labels/byids", {"items": [{"externalId": "VALVE"}, {"externalId": "x"}], "ignoreUnknownIds": True}
    )
    assert xids(got) == ["VALVE"]
    by_id = await client.post("/labels/byids", json={"items": [{"id": 1}]})
    assert by_id.status_code == 400
    await post(client, "/labels/delete", {"items": [{"externalId": "PUMP"}]})
    again = await client.post("/labels/delete", json={"items": [{"externalId": "PUMP"}]})
    assert again.status_code == 400 and again.json()["error"]["missing"] == [{"externalId": "PUMP"}]
    assert (await client.post("/labels/update", json={"items": []})).status_code in (404, 405)
    assert emulator.spec_violations == []


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/events", {"items": [{"startTime": "yesterday"}]}),
        ("/events/list", {"filter": {"activeAtTime": "now"}}),
        ("/labels", {"items": [{"externalId": "no-name"}]}),
        ("/datasets/list", {"filter": {"writeProtected": "yes"}}),
    ],
)
async def test_invalid_requests_get_400(client: httpx.AsyncClient, path: str, body: dict[str, Any]) -> None:
    response = await client.post(path, json=body)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == 400
