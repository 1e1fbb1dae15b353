"""Every time series (metadata) endpoint of the emulator, driven with raw httpx.

The ``client`` fixture talks in-process to an emulator that validates every request and response against the
CDF OpenAPI spec; one test goes over loopback HTTP.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from cognite.client.testing import CDFEmulator, EmulatorServer

PROJECT = "test-project"
AUTH = {"Authorization": "Bearer test-token"}


async def post(client: httpx.AsyncClient, path: str, body: dict[str, Any], status: int = 200) -> Any:
    response = await client.post(path, json=body)
    assert response.status_code == status, response.text
    return response.json()


async def xids(client: httpx.AsyncClient, body: dict[str, Any]) -> list[str]:
    """External ids of what ``/timeseries/list`` returns (every page)."""
    out: list[str] = []
    cursor = None
    while True:
        page = await post(client, "/timeseries/list", {**body, "limit": 1000, **({"cursor": cursor} if cursor else {})})
        out += [it.get("externalId") for it in page["items"]]
        cursor = page.get("nextCursor")
        if cursor is None:
            return out


@pytest.fixture
async def world(client: httpx.AsyncClient, emulator: CDFEmulator) -> dict[str, Any]:
    """Assets root -> kid and other; a data set; five time series; one owned by data modeling (seeded)."""
    assets = await post(
        client,
        "/assets",
        {"items": [{"name": "root", "externalId": "root"}, {"name": "kid", "externalId": "kid",
                                                              "parentExternalId": "root"},
                   {"name": "other", "externalId": "other"}]},
        201,
    )  # fmt: skip
    a = {it["externalId"]: it["id"] for it in assets["items"]}
    ds = (await post(client, "/datasets", {"items": [{"externalId": "ds"}]}))["items"][0]["id"]
    items = [
        {"externalId": "temp", "name": "Temperature", "unit": "degC", "unitExternalId": "temperature:deg_c",
         "assetId": a["kid"], "metadata": {"site": "oslo"}, "description": "pump inlet temperature"},
        {"externalId": "pres", "name": "Pressure", "unit": "bar", "isStep": True, "assetId": a["root"],
         "dataSetId": ds, "metadata": {"site": "bergen"}, "securityCategories": [1]},
        {"externalId": "state", "name": "State", "isString": True, "assetId": a["other"]},
        {"externalId": "free", "name": "Free", "description": "not linked"},
    ]  # fmt: skip
    created = (await post(client, "/timeseries", {"items": items}, 201))["items"]
    dm = {"externalId": "dm", "name": "From DM", "instanceId": {"space": "sp", "externalId": "dm"}}
    emulator.store(PROJECT, "timeseries").seed([{**dm, "isString": False, "isStep": False}])
    return {"assets": a, "ds": ds, "ts": {it["externalId"]: it for it in created}}


async def test_create_fills_in_the_defaults(client: httpx.AsyncClient, world: dict[str, Any]) -> None:
    temp, state = world["ts"]["temp"], world["ts"]["state"]
    assert temp["isString"] is False and temp["isStep"] is False and temp["type"] == "numeric"
    assert state["type"] == "string"
    assert temp["createdTime"] == temp["lastUpdatedTime"] > 0
    duplicated = await post(client, "/timeseries", {"items": [{"externalId": "temp"}]}, 409)
    assert duplicated["error"]["duplicated"] == [{"externalId": "temp"}]


async def test_invalid_requests() -> None:
    """Checked by the emulator itself (the spec's 400 body of create is not CDF's error shape, so no validation)."""
    emulator = CDFEmulator(seed=1)
    async with httpx.AsyncClient(
        transport=emulator.transport(), base_url=f"http://x/api/v1/projects/{PROJECT}", headers=AUTH
    ) as c:
        await post(c, "/timeseries", {"items": [{"externalId": "x", "bogus": 1}]}, 400)
        await post(c, "/timeseries", {"items": [{"externalId": "x", "isString": "yes"}]}, 400)
        await post(c, "/timeseries", {"items": [{"externalId": "x"}] * 1001}, 400)
        await post(c, "/timeseries", {"items": [{"externalId": "x"}]}, 201)
        not_null = {"items": [{"externalId": "x", "update": {"isStep": {"setNull": True}}}]}
        await post(c, "/timeseries/update", not_null, 400)
        not_updatable = {"items": [{"externalId": "x", "update": {"isString": {"set": True}}}]}
        await post(c, "/timeseries/update", not_updatable, 400)
        await post(c, "/timeseries/list", {"filter": {"source": "x"}}, 400)
        await post(c, "/timeseries/search", {"search": {"source": "x"}}, 400)
        assert (await c.get("/timeseries", params={"isString": "true"})).status_code == 400


async def test_byids_by_every_identifier(client: httpx.AsyncClient, world: dict[str, Any]) -> None:
    temp = world["ts"]["temp"]
    iid = {"space": "sp", "externalId": "dm"}
    found = await post(
        client, "/timeseries/byids", {"items": [{"id": temp["id"]}, {"externalId": "pres"}, {"instanceId": iid}]}
    )
    assert [it["externalId"] for it in found["items"]] == ["temp", "pres", "dm"]
    assert found["items"][2]["instanceId"] == iid
    missing = await post(
        client, "/timeseries/byids", {"items": [{"instanceId": {"space": "sp", "externalId": "no"}}, {"id": 5}]}, 400
    )
    assert missing["error"]["missing"] == [{"instanceId": {"space": "sp", "externalId": "no"}}, {"id": 5}]
    ignored = await post(
        client, "/timeseries/byids", {"items": [{"id": 5}, {"instanceId": iid}], "ignoreUnknownIds": True}
    )
    assert [it["externalId"] for it in ignored["items"]] == ["dm"]


@pytest.mark.parametrize(
    "flt, expected",
    [
        ({"name": "Pressure"}, ["pres"]),
        ({"unit": "degC"}, ["temp"]),
        ({"unitExternalId": "temperature:deg_c"}, ["temp"]),
        ({"unitQuantity": "Temperature"}, ["temp"]),
        ({"isString": True}, ["state"]),
        ({"isStep": False}, ["temp", "state", "free", "dm"]),
        ({"metadata": {"site": "oslo"}}, ["temp"]),
        ({"assetExternalIds": ["kid", "other"]}, ["temp", "state"]),
        ({"assetSubtreeIds": [{"externalId": "root"}]}, ["temp", "pres"]),
        ({"externalIdPrefix": "pr"}, ["pres"]),
        ({"createdTime": {"min": 0}, "isString": False}, ["temp", "pres", "free", "dm"]),
    ],
)
async def test_list_filters(
    client: httpx.AsyncClient, world: dict[str, Any], flt: dict[str, Any], expected: list[str]
) -> None:
    assert await xids(client, {"filter": flt}) == expected


async def test_list_filters_by_ids(client: httpx.AsyncClient, world: dict[str, Any]) -> None:
    a = world["assets"]
    assert await xids(client, {"filter": {"assetIds": [a["kid"], a["root"]]}}) == ["temp", "pres"]
    assert await xids(client, {"filter": {"rootAssetIds": [a["root"]]}}) == ["temp", "pres"]
    assert await xids(client, {"filter": {"dataSetIds": [{"externalId": "ds"}]}}) == ["pres"]
    assert await xids(client, {"filter": {"dataSetIds": [{"id": world["ds"]}]}}) == ["pres"]


async def test_list_get_with_query_parameters(client: httpx.AsyncClient, world: dict[str, Any]) -> None:
    a = world["assets"]
    response = await client.get("/timeseries", params={"assetIds": f"[{a['kid']}]", "includeMetadata": "false"})
    assert response.status_code == 200, response.text
    (temp,) = response.json()["items"]
    assert temp["externalId"] == "temp" and "metadata" not in temp
    prefixed = await client.get("/timeseries", params={"externalIdPrefix": "st", "rootAssetIds": f"[{a['other']}]"})
    assert [it["externalId"] for it in prefixed.json()["items"]] == ["state"]


async def test_advanced_filter_sort_and_partitions(client: httpx.AsyncClient, world: dict[str, Any]) -> None:
    by_space = {"equals": {"property": ["instanceId", "space"], "value": "sp"}}
    assert await xids(client, {"advancedFilter": by_space}) == ["dm"]
    search = {"search": {"property": ["query"], "value": "inlet"}}
    assert await xids(client, {"advancedFilter": search}) == ["temp"]
    both = {"and": [{"exists": {"property": ["assetId"]}}, {"range": {"property": ["assetRootId"], "gte": 0}}]}
    assert await xids(client, {"advancedFilter": both}) == ["temp", "pres", "state"]
    ordered = await post(client, "/timeseries/list", {"sort": [{"property": ["name"], "order": "desc"}], "limit": 3})
    assert [it["name"] for it in ordered["items"]] == ["Temperature", "State", "Pressure"]
    by_meta = await post(
        client, "/timeseries/list", {"sort": [{"property": ["metadata", "site"], "nulls": "last"}], "limit": 2}
    )
    assert [it["externalId"] for it in by_meta["items"]] == ["pres", "temp"]
    parts = [await xids(client, {"partition": f"{m}/3"}) for m in (1, 2, 3)]
    assert sorted(x for part in parts for x in part) == ["dm", "free", "pres", "state", "temp"]


async def test_update(client: httpx.AsyncClient, world: dict[str, Any]) -> None:
    pres = world["ts"]["pres"]
    body = {
        "items": [
            {
                "id": pres["id"],
                "update": {
                    "name": {"set": "P"},
                    "unit": {"setNull": True},
                    "isStep": {"set": False},
                    "metadata": {"add": {"k": "v"}, "remove": ["site"]},
                    "securityCategories": {"add": [2], "remove": [1]},
                    "assetId": {"setNull": True},
                },
            }
        ]
    }
    (updated,) = (await post(client, "/timeseries/update", body))["items"]
    assert updated["name"] == "P" and "unit" not in updated and updated["isStep"] is False
    assert updated["metadata"] == {"k": "v"} and updated["securityCategories"] == [2] and "assetId" not in updated
    assert updated["lastUpdatedTime"] >= pres["lastUpdatedTime"]


async def test_update_of_a_data_modeling_time_series(client: httpx.AsyncClient, world: dict[str, Any]) -> None:
    iid = {"space": "sp", "externalId": "dm"}
    allowed = {"items": [{"instanceId": iid, "update": {"metadata": {"set": {"a": "b"}}, "dataSetId": {"set": 3}}}]}
    (updated,) = (await post(client, "/timeseries/update", allowed))["items"]
    assert updated["metadata"] == {"a": "b"} and updated["dataSetId"] == 3 and updated["instanceId"] == iid
    refused = {"items": [{"instanceId": iid, "update": {"name": {"set": "x"}}}]}
    assert "data modeling" in (await post(client, "/timeseries/update", refused, 400))["error"]["message"]


async def test_search(client: httpx.AsyncClient, world: dict[str, Any]) -> None:
    by_name = await post(client, "/timeseries/search", {"search": {"name": "Pressure"}})
    assert [it["externalId"] for it in by_name["items"]] == ["pres"]
    by_query = await post(client, "/timeseries/search", {"search": {"query": "temperature"}, "limit": 5})
    assert by_query["items"][0]["externalId"] == "temp"
    narrowed = await post(
        client, "/timeseries/search", {"search": {"description": "linked"}, "filter": {"isStep": True}}
    )
    assert narrowed["items"] == []


async def test_aggregate(client: httpx.AsyncClient, world: dict[str, Any]) -> None:
    count = await post(client, "/timeseries/aggregate", {"aggregate": "count", "filter": {"isString": False}})
    assert count["items"] == [{"count": 4}]
    roots = await post(
        client, "/timeseries/aggregate", {"aggregate": "uniqueValues", "properties": [{"property": ["assetRootId"]}]}
    )
    a = world["assets"]
    assert {tuple(b["values"]): b["count"] for b in roots["items"]} == {(str(a["root"]),): 2, (str(a["other"]),): 1}
    units = await post(
        client, "/timeseries/aggregate", {"aggregate": "cardinalityValues", "properties": [{"property": ["unit"]}]}
    )
    assert units["items"] == [{"count": 2}]
    keys = await post(client, "/timeseries/aggregate", {"aggregate": "uniqueProperties", "path": ["metadata"]})
    assert keys["items"] == [{"count": 2, "values": [{"property": ["metadata", "site"]}]}]


async def test_delete(client: httpx.AsyncClient, world: dict[str, Any], emulator: CDFEmulator) -> None:
    temp = world["ts"]["temp"]
    await post(client, "/timeseries/delete", {"items": [{"id": temp["id"]}, {"externalId": "pres"}]})
    missing = await post(client, "/timeseries/delete", {"items": [{"externalId": "pres"}]}, 400)
    assert missing["error"]["missing"] == [{"externalId": "pres"}]
    await post(client, "/timeseries/delete", {"items": [{"externalId": "pres"}], "ignoreUnknownIds": True})
    assert await xids(client, {}) == ["state", "free", "dm"]
    store = emulator.store(PROJECT, "timeseries")
    assert store.get({"instanceId": {"space": "sp", "externalId": "dm"}}) is not None
    await post(client, "/timeseries/delete", {"items": [{"externalId": "dm"}]})
    assert store.get({"instanceId": {"space": "sp", "externalId": "dm"}}) is None
    assert emulator.spec_violations == []


def test_seed_refuses_duplicates(emulator: CDFEmulator) -> None:
    from cognite.client.testing import CDFError

    store = emulator.store(PROJECT, "timeseries")
    store.seed([{"externalId": "a", "instanceId": {"space": "s", "externalId": "a"}}])
    with pytest.raises(CDFError):
        store.seed([{"externalId": "a"}])
    with pytest.raises(CDFError):
        store.seed([{"instanceId": {"space": "s", "externalId": "a"}}])
    other = emulator.store(PROJECT, "assets")
    with pytest.raises(CDFError):
        other.resolve([{"instanceId": {"space": "s", "externalId": "a"}}], ignore_unknown=True)


async def test_over_loopback(
    server: EmulatorServer, loopback_emulator: CDFEmulator, spec_hooks: dict[str, Any]
) -> None:
    async with httpx.AsyncClient(base_url=server.project_url(PROJECT), headers=AUTH, event_hooks=spec_hooks) as c:
        created = await post(c, "/timeseries", {"items": [{"externalId": f"t{i}"} for i in range(3)]}, 201)
        assert len(created["items"]) == 3
        assert await xids(c, {"filter": {"externalIdPrefix": "t"}}) == ["t0", "t1", "t2"]
    assert loopback_emulator.spec_violations == []


async def test_deleting_a_time_series_drops_its_datapoints() -> None:
    from cognite.client.testing._families_timeseries import DATAPOINTS

    emu = CDFEmulator(seed=5)
    async with httpx.AsyncClient(
        transport=emu.transport(), base_url="http://emulator/api/v1/projects/p", headers={"Authorization": "Bearer t"}
    ) as http:
        created = await http.post("/timeseries", json={"items": [{"externalId": "x"}]})
        ts_id = created.json()["items"][0]["id"]
        points = {"items": [{"id": ts_id, "datapoints": [{"timestamp": 1, "value": 1.0}]}]}
        assert (await http.post("/timeseries/data", json=points)).status_code == 200
        assert ts_id in emu.store("p", DATAPOINTS.name).series  # type: ignore[attr-defined]
        assert (await http.post("/timeseries/delete", json={"items": [{"id": ts_id}]})).status_code == 200
        assert ts_id not in emu.store("p", DATAPOINTS.name).series  # type: ignore[attr-defined]


async def test_naming_a_time_series_twice_answers_422_as_the_spec_says() -> None:
    """Unvalidated (the spec marks byids items uniqueItems, so a validating emulator refuses them before the store)."""
    emulator = CDFEmulator(seed=1)
    async with httpx.AsyncClient(
        transport=emulator.transport(), base_url=f"http://x/api/v1/projects/{PROJECT}", headers=AUTH
    ) as c:
        err = (await post(c, "/timeseries", {"items": [{"externalId": "twice"}] * 2}, 422))["error"]
        assert err["duplicated"] == [{"externalId": "twice"}]
        one = (await post(c, "/timeseries", {"items": [{"externalId": "once"}]}, 201))["items"][0]["id"]
        err = (await post(c, "/timeseries/byids", {"items": [{"id": one}, {"id": one}]}, 422))["error"]
        assert err["duplicated"] == [{"id": one}]
        # assets keep 409 for a repeated external id and 400 for a repeated identifier, as their spec says
        err = (await post(c, "/assets", {"items": [{"name": "a", "externalId": "x"}] * 2}, 409))["error"]
        assert err["duplicated"] == [{"externalId": "x"}]
        await post(c, "/assets", {"items": [{"name": "a", "externalId": "y"}]}, 201)
        err = (await post(c, "/assets/byids", {"items": [{"externalId": "y"}] * 2}, 400))["error"]
        assert err["duplicated"] == [{"externalId": "y"}]
