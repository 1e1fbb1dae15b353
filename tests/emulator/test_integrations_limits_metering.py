"""The emulator's integrations (with extractor startup, check-in and errors), limits and metering endpoints, driven
with raw httpx through the in-process transport. The emulator fixture validates every request and response against
the CDF OpenAPI spec (limits and metering: the alpha operations of ``_spec_alpha``)."""

from __future__ import annotations

from typing import Any

import httpx

from cognite.client.testing import CDFEmulator
from cognite.client.testing._openapi import OpenAPISpec

ALPHA = {"cdf-version": "20230101-alpha"}


async def post(client: httpx.AsyncClient, path: str, body: dict[str, Any], status: int = 200) -> Any:
    response = await client.post(path, json=body, headers=ALPHA)
    assert response.status_code == status, response.text
    return response.json()


async def get(client: httpx.AsyncClient, path: str, status: int = 200, **params: Any) -> Any:
    response = await client.get(path, params=params, headers=ALPHA)
    assert response.status_code == status, response.text
    return response.json()


def _integration(xid: str, **extra: Any) -> dict[str, Any]:
    return {"externalId": xid, "extractor": {"externalId": "x"}, **extra}


async def test_integrations_crud_and_limits(client: httpx.AsyncClient, emulator: CDFEmulator) -> None:
    created = await post(client, "/integrations", {"items": [_integration("a", name="A", metadata={"k": "v"})]})
    item = created["items"][0]
    assert item["name"] == "A" and item["createdTime"] == item["lastUpdatedTime"] and "id" not in item
    await post(client, "/integrations", {"items": [_integration(f"i{n}") for n in range(21)]}, status=400)
    await post(client, "/integrations", {"items": [_integration("a")]}, status=409)
    await post(client, "/integrations", {"items": [{"externalId": "no-extractor"}]}, status=400)
    missing = await post(client, "/integrations/byids", {"items": [{"externalId": "zz"}]}, status=400)
    assert missing["error"]["missing"] == [{"externalId": "zz"}]
    await post(client, "/integrations/byids", {"items": [{"externalId": "zz"}], "ignoreUnknownIds": True})
    updated = await post(client, "/integrations/update", {"items": [
        {"externalId": "a", "update": {"name": {"setNull": True}, "description": {"set": "d"}}}]})  # fmt: skip
    assert "name" not in updated["items"][0] and updated["items"][0]["description"] == "d"
    for n in range(3):
        await post(client, "/integrations", {"items": [_integration(f"b{n}")]})
    page = await get(client, "/integrations", limit=2)
    rest = await get(client, "/integrations", limit=2, cursor=page["nextCursor"])
    assert len(page["items"]) + len(rest["items"]) == 4 and "nextCursor" not in rest
    await get(client, "/integrations", status=400, limit=101)
    await post(client, "/integrations/delete", {"items": [{"externalId": "b0"}]})
    assert emulator.spec_violations == []


async def test_startup_checkin_and_errors(client: httpx.AsyncClient, emulator: CDFEmulator) -> None:
    await post(client, "/integrations", {"items": [_integration("a"), _integration("b")]})
    start = {"externalId": "a", "extractor": {"externalId": "x", "version": "2"},
             "tasks": [{"type": "batch", "name": "t"}, {"type": "continuous", "name": "u", "action": True}]}  # fmt: skip
    assert await post(client, "/integrations/startup", start) == {"externalId": "a"}
    await post(client, "/integrations/startup", {**start, "tasks": [{"type": "batch", "name": "t"}] * 2}, status=400)
    await post(client, "/integrations/startup", {**start, "externalId": "nope"}, status=400)
    errors = [{"level": "fatal", "description": f"e{n}", "task": "t", "startTime": n * 10, "endTime": n * 10 + 5}
              for n in range(5)]  # fmt: skip
    await post(client, "/integrations/checkin", {"externalId": "a", "errors": errors})
    await post(client, "/integrations/checkin", {"externalId": "b", "errors": [
        {"level": "warning", "description": "w", "startTime": 100}]})  # fmt: skip
    await post(client, "/integrations/checkin", {"externalId": "a", "errors": [{"level": "bad"}]}, status=400)
    (read,) = (await post(client, "/integrations/byids", {"items": [{"externalId": "a"}]}))["items"]
    assert read["extractor"]["version"] == "2" and [t["name"] for t in read["tasks"]] == ["t", "u"]
    assert read["lastSeen"] >= read["createdTime"]
    listed = await get(client, "/integrations/errors", externalId="a", limit=2)
    assert [e["description"] for e in listed["items"]] == ["e4", "e3"] and listed["items"][0]["details"] == ""
    more = await get(client, "/integrations/errors", externalId="a", limit=100, cursor=listed["nextCursor"])
    assert [e["description"] for e in more["items"]] == ["e2", "e1", "e0"]
    ranged = await get(client, "/integrations/errors", minStartTime=10, maxEndTime=25)
    assert [e["description"] for e in ranged["items"]] == ["e2", "e1"]
    await get(client, "/integrations/errors", status=400, task="t")
    await get(client, "/integrations/errors", status=400, unknown="1")
    await post(client, "/integrations/delete", {"items": [{"externalId": "a"}]})
    assert [e["externalId"] for e in (await get(client, "/integrations/errors"))["items"]] == ["b"]
    assert emulator.spec_violations == []


async def test_limits(client: httpx.AsyncClient, emulator: CDFEmulator) -> None:
    first = await get(client, "/limits/values", limit=10)
    second = await get(client, "/limits/values", limit=10, cursor=first["nextCursor"])
    ids = [v["limitId"] for v in first["items"] + second["items"]]
    assert ids == sorted(ids) and len(set(ids)) == 20
    assert all(part.islower() or "_" in part for i in ids for part in i.split("."))
    one = await get(client, "/limits/values/assets.create_items_per_request")
    assert one == {"limitId": "assets.create_items_per_request", "value": 1000}
    assert (await get(client, "/limits/values/raw.nope", status=404))["error"]["code"] == 404
    filtered = await post(
        client, "/limits/values/list", {"filter": {"prefix": {"property": ["limitId"], "value": "datapoints."}}}
    )
    assert {v["limitId"]: v["value"] for v in filtered["items"]}["datapoints.insert_items_per_request"] == 10_000
    await post(
        client, "/limits/values/list", {"filter": {"equals": {"property": ["limitId"], "value": "x"}}}, status=400
    )
    assert emulator.spec_violations == []


async def test_meters_count_resources_over_time(spec: OpenAPISpec) -> None:
    now = [1_000_000]
    emulated = CDFEmulator(seed=1, validate=True, spec=spec, clock=lambda: now[0])
    async with httpx.AsyncClient(transport=emulated.transport(), base_url="http://cdf.local/api/v1/projects/p",
                                 headers={"Authorization": "Bearer t"}) as client:  # fmt: skip
        await client.post("/assets", json={"items": [{"externalId": "a", "name": "a"}]})
        now[0] = 1_060_000
        await client.post("/assets", json={"items": [{"externalId": "b", "name": "b"}]})
        now[0] = 1_120_000
        args = {"start": "1970-01-01T00:16:40Z", "end": "1970-01-01T00:18:40Z", "numberOfDatapoints": 4}
        meter = await get(client, "/metering/meters/assets.resources", **args)
        assert [dp["average"] for dp in meter["datapoints"]] == [1, 2, 2, 2]
        assert meter["datapoints"][0]["timestamp"] == "1970-01-01T00:16:40.000Z"
        assert (await get(client, "/metering/meters/assets.resources"))["datapoints"] == []
        await get(client, "/metering/meters/nope.resources", status=404)
        await get(client, "/metering/meters/assets.resources", status=400, numberOfDatapoints=601, start=args["start"])
        byids = await post(client, "/metering/meters/byids", {"items": [{"meterId": "assets.resources"},
                           {"meterId": "nope"}], **args})  # fmt: skip
        assert [m["meterId"] for m in byids["items"]] == ["assets.resources"]
        listed = await post(client, "/metering/meters/list", {"filter": {"prefix": {"property": ["meterId"],
                            "value": "assets."}}, "limit": 5})  # fmt: skip
        assert [m["meterId"] for m in listed["items"]] == ["assets.resources"]
        paged = await get(client, "/metering/meters", limit=1)
        assert len(paged["items"]) == 1 and paged["nextCursor"]
        await post(client, "/metering/meters/list", {"start": "yesterday", "numberOfDatapoints": 1}, status=400)
    assert emulated.spec_violations == []
