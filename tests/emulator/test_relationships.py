"""Every relationships endpoint of the emulator, driven with raw httpx through the in-process transport.

The ``client`` fixture's emulator validates every request and response against the CDF OpenAPI spec.
"""

from __future__ import annotations

from typing import Any

import httpx

from cognite.client.testing import CDFEmulator
from cognite.client.testing._families import ASSETS
from cognite.client.testing._families_relationships import RELATIONSHIPS

PROJECT = "test-project"
AUTH = {"Authorization": "Bearer test-token"}


def rel(xid: str, source: str = "pump", target: str = "tank", **extra: Any) -> dict[str, Any]:
    return {
        "externalId": xid,
        "sourceExternalId": source,
        "sourceType": "asset",
        "targetExternalId": target,
        "targetType": "asset",
        **extra,
    }


async def create(client: httpx.AsyncClient, *items: dict[str, Any]) -> list[dict[str, Any]]:
    response = await client.post("/relationships", json={"items": list(items)})
    assert response.status_code == 201, response.text
    created: list[dict[str, Any]] = response.json()["items"]
    return created


async def listed(client: httpx.AsyncClient, flt: dict[str, Any], **body: Any) -> list[str]:
    response = await client.post("/relationships/list", json={"filter": flt, "limit": 1000, **body})
    assert response.status_code == 200, response.text
    return sorted(r["externalId"] for r in response.json()["items"])


async def test_create_is_identified_by_external_id_only(client: httpx.AsyncClient) -> None:
    (created,) = await create(client, rel("r1", confidence=0.5, labels=[{"externalId": "L"}], startTime=5))
    assert "id" not in created
    assert created["createdTime"] == created["lastUpdatedTime"] > 0
    assert created["confidence"] == 0.5 and created["labels"] == [{"externalId": "L"}]
    found = await client.post("/relationships/byids", json={"items": [{"externalId": "r1"}]})
    assert found.status_code == 200 and found.json()["items"] == [created]
    by_id = await client.post("/relationships/byids", json={"items": [{"externalId": "r1", "id": 1}]})
    assert by_id.status_code == 400
    listed_get = await client.get("/relationships", params={"limit": 10})
    assert listed_get.status_code == 200 and listed_get.json()["items"] == [created]


async def test_errors_follow_cdf(client: httpx.AsyncClient) -> None:
    await create(client, rel("r1"))
    duplicated = await client.post("/relationships", json={"items": [rel("r1"), rel("r2"), rel("r2")]})
    assert duplicated.status_code == 409
    assert duplicated.json()["error"]["duplicated"] == [{"externalId": "r1"}, {"externalId": "r2"}]
    missing = await client.post("/relationships/byids", json={"items": [{"externalId": "r1"}, {"externalId": "x"}]})
    assert missing.status_code == 400 and missing.json()["error"]["missing"] == [{"externalId": "x"}]
    ignored = await client.post("/relationships/byids", json={"items": [{"externalId": "x"}], "ignoreUnknownIds": True})
    assert ignored.status_code == 200 and ignored.json()["items"] == []
    for bad in (
        {"sourceType": "widget"},
        {"confidence": 2},
        {"sourceExternalId": None},
        {"startTime": "soon"},
        {"id": 5},
    ):
        response = await client.post("/relationships", json={"items": [{**rel("bad"), **bad}]})
        assert response.status_code == 400, bad


async def test_own_checks_without_spec_validation() -> None:
    emulator = CDFEmulator(seed=3)
    async with httpx.AsyncClient(
        transport=emulator.transport(), base_url=f"http://x/api/v1/projects/{PROJECT}", headers=AUTH
    ) as c:
        assert (await c.post("/relationships", json={"items": [rel(f"r{i}") for i in range(1001)]})).status_code == 400
        assert (await c.post("/relationships", json={"items": [rel("a", targetType="Asset")]})).status_code == 400
        assert (await c.post("/relationships", json={"items": [rel("a", confidence=-0.1)]})).status_code == 400
        assert (await c.post("/relationships", json={"items": [{"externalId": "a"}]})).status_code == 400
        too_many = {"filter": {"sourceExternalIds": [f"s{i}" for i in range(1001)]}}
        assert (await c.post("/relationships/list", json=too_many)).status_code == 400
        assert (await c.post("/relationships/list", json={"filter": {"targetTypes": ["x"]}})).status_code == 400
        assert (await c.post("/relationships/byids", json={"items": [{"id": 1}]})).status_code == 400
        assert (await c.post("/relationships/search", json={})).status_code == 404


async def test_list_filters(client: httpx.AsyncClient) -> None:
    await create(
        client,
        rel("early", startTime=0, endTime=10, confidence=0.2, labels=[{"externalId": "A"}]),
        rel("late", source="valve", startTime=20, endTime=30, confidence=0.9, labels=[{"externalId": "A"}, {"externalId": "B"}]),
        rel("open", target="ts", targetType="timeSeries", dataSetId=7),
        rel("ended", source="valve", targetType="event", target="ev", endTime=15),
    )  # fmt: skip
    assert await listed(client, {}) == ["early", "ended", "late", "open"]
    assert await listed(client, {"sourceExternalIds": ["valve"]}) == ["ended", "late"]
    assert await listed(client, {"targetExternalIds": ["ts", "ev"]}) == ["ended", "open"]
    assert await listed(client, {"sourceTypes": ["asset"], "targetTypes": ["timeSeries"]}) == ["open"]
    assert await listed(client, {"dataSetIds": [{"id": 7}]}) == ["open"]
    assert await listed(client, {"startTime": {"min": 5}}) == ["late"]
    assert await listed(client, {"endTime": {"max": 15}}) == ["early", "ended"]
    assert await listed(client, {"confidence": {"min": 0.5, "max": 1}}) == ["late"]
    assert await listed(client, {"activeAtTime": {"min": 12, "max": 14}}) == ["ended", "open"]
    assert await listed(client, {"activeAtTime": {"min": 25}}) == ["late", "open"]
    assert await listed(client, {"activeAtTime": {"max": 0}}) == ["early", "ended", "open"]
    assert await listed(client, {"labels": {"containsAny": [{"externalId": "B"}]}}) == ["late"]
    assert await listed(client, {"labels": {"containsAll": [{"externalId": "A"}]}}) == ["early", "late"]
    assert await listed(client, {"createdTime": {"min": 0}, "lastUpdatedTime": {"max": 2**62}}) == [
        "early", "ended", "late", "open",
    ]  # fmt: skip
    assert await listed(client, {"sourcesOrTargets": [{"type": "event", "externalId": "ev"}]}) == ["ended"]


async def test_cursors_and_partitions(client: httpx.AsyncClient) -> None:
    for start in range(0, 30, 10):
        await create(client, *[rel(f"r{i:02}") for i in range(start, start + 10)])
    seen: list[str] = []
    cursor = None
    while True:
        body: dict[str, Any] = {"limit": 7, **({"cursor": cursor} if cursor else {})}
        page = (await client.post("/relationships/list", json=body)).json()
        seen += [r["externalId"] for r in page["items"]]
        cursor = page.get("nextCursor")
        if cursor is None:
            break
    assert seen == [f"r{i:02}" for i in range(30)]
    parts = [await listed(client, {}, partition=f"{m}/3") for m in (1, 2, 3)]
    assert sorted(x for p in parts for x in p) == seen and all(parts)


async def test_fetch_resources_resolves_sources_and_targets(client: httpx.AsyncClient) -> None:
    assets = await client.post("/assets", json={"items": [{"name": "Pump", "externalId": "pump"}]})
    events = await client.post("/events", json={"items": [{"externalId": "ev", "type": "alarm"}]})
    assert assets.status_code == 201 and events.status_code == 201
    await create(client, rel("to-event", targetType="event", target="ev"), rel("to-nothing", target="gone"))
    plain = await client.post("/relationships/byids", json={"items": [{"externalId": "to-event"}]})
    assert "source" not in plain.json()["items"][0]
    body = {"items": [{"externalId": "to-event"}, {"externalId": "to-nothing"}], "fetchResources": True}
    fetched = (await client.post("/relationships/byids", json=body)).json()["items"]
    assert fetched[0]["source"] == assets.json()["items"][0]
    assert fetched[0]["target"] == events.json()["items"][0]
    assert fetched[1]["source"]["name"] == "Pump" and "target" not in fetched[1]
    listed_items = (await client.post("/relationships/list", json={"fetchResources": True})).json()["items"]
    assert [("source" in r, "target" in r) for r in listed_items] == [(True, True), (True, False)]


async def test_fetch_resources_without_the_family() -> None:
    emulator = CDFEmulator(seed=4, validate=True, families=(RELATIONSHIPS, ASSETS))
    async with httpx.AsyncClient(
        transport=emulator.transport(), base_url=f"http://x/api/v1/projects/{PROJECT}", headers=AUTH
    ) as c:
        await c.post("/assets", json={"items": [{"name": "Pump", "externalId": "pump"}]})
        await create(c, rel("r", targetType="event", target="ev"))
        (item,) = (await c.post("/relationships/list", json={"fetchResources": True})).json()["items"]
        assert item["source"]["externalId"] == "pump" and "target" not in item


async def test_update_kinds(client: httpx.AsyncClient) -> None:
    await create(client, rel("r", confidence=0.5, startTime=1, dataSetId=3, labels=[{"externalId": "A"}]))

    async def update(change: dict[str, Any]) -> httpx.Response:
        return await client.post("/relationships/update", json={"items": [{"externalId": "r", "update": change}]})

    response = await update(
        {
            "sourceExternalId": {"set": "valve"},
            "sourceType": {"set": "event"},
            "targetExternalId": {"set": "ts"},
            "targetType": {"set": "timeSeries"},
            "confidence": {"setNull": True},
            "startTime": {"set": 2},
            "endTime": {"set": 9},
            "dataSetId": {"setNull": True},
            "labels": {"add": [{"externalId": "B"}], "remove": [{"externalId": "A"}]},
        }
    )
    assert response.status_code == 200, response.text
    (item,) = response.json()["items"]
    assert "id" not in item
    assert (item["sourceExternalId"], item["sourceType"]) == ("valve", "event")
    assert (item["targetExternalId"], item["targetType"]) == ("ts", "timeSeries")
    assert (item["startTime"], item["endTime"]) == (2, 9)
    assert "confidence" not in item and "dataSetId" not in item
    assert item["labels"] == [{"externalId": "B"}]
    assert (await update({"labels": {"set": []}})).json()["items"][0].get("labels") is None
    assert (await update({"sourceType": {"setNull": True}})).status_code == 400
    assert (await update({"targetType": {"set": "widget"}})).status_code == 400
    assert (await update({"confidence": {"set": 3}})).status_code == 400
    assert (await update({"externalId": {"set": "other"}})).status_code == 400
    missing = await client.post(
        "/relationships/update", json={"items": [{"externalId": "nope", "update": {"startTime": {"set": 1}}}]}
    )
    assert missing.status_code == 400 and missing.json()["error"]["missing"] == [{"externalId": "nope"}]


async def test_delete(client: httpx.AsyncClient) -> None:
    await create(client, rel("a"), rel("b"))
    missing = await client.post("/relationships/delete", json={"items": [{"externalId": "a"}, {"externalId": "x"}]})
    assert missing.status_code == 400 and missing.json()["error"]["missing"] == [{"externalId": "x"}]
    assert await listed(client, {}) == ["a", "b"]
    body = {"items": [{"externalId": "a"}, {"externalId": "x"}], "ignoreUnknownIds": True}
    deleted = await client.post("/relationships/delete", json=body)
    assert deleted.status_code == 202 and deleted.json() == {}
    assert await listed(client, {}) == ["b"]
    await create(client, rel("a"))  # the external id is free again
