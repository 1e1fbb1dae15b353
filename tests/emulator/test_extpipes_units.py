"""The emulator's extraction pipelines (runs, configs) and unit catalog endpoints, driven with raw httpx through the
in-process transport. The emulator fixture validates every request and response against the CDF OpenAPI spec."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from cognite.client.testing import CDFEmulator
from cognite.client.testing import _datapoints as dp_emulator
from cognite.client.testing._unit_catalog import CONVERSIONS, SYSTEM_DEFAULTS, UNIT_SYSTEMS, UNITS


async def post(client: httpx.AsyncClient, path: str, body: dict[str, Any], status: int = 200) -> Any:
    response = await client.post(path, json=body)
    assert response.status_code == status, response.text
    return response.json()


async def get(client: httpx.AsyncClient, path: str, status: int = 200, **params: Any) -> Any:
    response = await client.get(path, params=params)
    assert response.status_code == status, response.text
    return response.json()


async def make_pipelines(client: httpx.AsyncClient, n: int = 2, **fields: Any) -> list[dict[str, Any]]:
    ds = (await post(client, "/datasets", {"items": [{"externalId": "ds"}]}))["items"][0]
    items = [{"externalId": f"p{i}", "name": f"P{i}", "dataSetId": ds["id"], **fields} for i in range(n)]
    return (await post(client, "/extpipes", {"items": items}))["items"]  # type: ignore[no-any-return]


# ---------------------------------------------------------------------------------------------- pipelines


async def test_pipelines_need_an_existing_data_set(client: httpx.AsyncClient) -> None:
    body = await post(client, "/extpipes", {"items": [{"externalId": "p", "name": "P", "dataSetId": 42}]}, 400)
    assert body["error"]["missing"] == [{"id": 42}]
    created = await make_pipelines(client)
    assert [p["externalId"] for p in created] == ["p0", "p1"] and all("createdTime" in p for p in created)
    dup = await post(
        client, "/extpipes", {"items": [{"externalId": "p0", "name": "x", "dataSetId": created[0]["dataSetId"]}]}, 409
    )
    assert dup["error"]["duplicated"] == [{"externalId": "p0"}]
    assert (await get(client, f"/extpipes/{created[1]['id']}"))["externalId"] == "p1"
    await get(client, "/extpipes/12345", 400)
    await post(
        client, "/extpipes/update", {"items": [{"id": created[0]["id"], "update": {"dataSetId": {"set": 7}}}]}, 400
    )


async def test_list_filter_update_delete(client: httpx.AsyncClient) -> None:
    p0, p1 = await make_pipelines(client, metadata={"site": "oslo"}, schedule="Continuous")
    page = await get(client, "/extpipes", limit=1)
    assert len(page["items"]) == 1 and "nextCursor" in page
    rest = await get(client, "/extpipes", limit=1, cursor=page["nextCursor"])
    assert {page["items"][0]["externalId"], rest["items"][0]["externalId"]} == {"p0", "p1"}
    listed = await post(client, "/extpipes/list", {"filter": {"externalIdPrefix": "p1", "metadata": {"site": "oslo"}}})
    assert [p["externalId"] for p in listed["items"]] == ["p1"]
    table = {"dbName": "db", "tableName": "t"}
    contact = {"name": "Kari", "email": "kari@example.com"}
    update = {
        "rawTables": {"add": [table, table]}, "contacts": {"set": [contact]}, "description": {"set": "d"},
        "notificationConfig": {"set": {"allowedNotSeenRangeInMinutes": 5}}, "metadata": {"remove": ["site"]},
    }  # fmt: skip
    updated = (await post(client, "/extpipes/update", {"items": [{"externalId": "p0", "update": update}]}))["items"][0]
    assert updated["rawTables"] == [table] and updated["contacts"] == [contact] and "metadata" not in updated
    by_tables = await post(
        client, "/extpipes/list", {"filter": {"rawTables": [table], "dataSetIds": [{"externalId": "ds"}]}}
    )
    assert [p["externalId"] for p in by_tables["items"]] == ["p0"]
    cleared = {"rawTables": {"remove": [table]}, "description": {"setNull": True}, "schedule": {"setNull": True}}
    updated = (await post(client, "/extpipes/update", {"items": [{"id": p0["id"], "update": cleared}]}))["items"][0]
    assert not {"rawTables", "description", "schedule"} & set(updated)
    await post(client, "/extpipes/delete", {"items": [{"externalId": "p0"}, {"id": p1["id"]}]})
    assert (await get(client, "/extpipes"))["items"] == []
    await post(client, "/extpipes/delete", {"items": [{"externalId": "p0"}]}, 400)
    await post(client, "/extpipes/delete", {"items": [{"externalId": "p0"}], "ignoreUnknownIds": True})


async def test_set_null_clears_like_set_null() -> None:
    """The spec documents ``{"set": null}`` for nullable fields (its validator reads ``nullable`` as JSON Schema does,
    so this runs without validation); the emulator takes it as well as ``setNull``."""
    emulator = CDFEmulator(seed=1)
    async with httpx.AsyncClient(transport=emulator.transport(), base_url="http://cdf.local/api/v1/projects/p",
                                 headers={"Authorization": "Bearer t"}) as client:  # fmt: skip
        await make_pipelines(client, 1, description="d", source="s")
        update = {"description": {"set": None}, "source": {"set": "s2"}}
        updated = (await post(client, "/extpipes/update", {"items": [{"externalId": "p0", "update": update}]}))[
            "items"
        ][0]
        assert "description" not in updated and updated["source"] == "s2"
        await post(
            client, "/extpipes/update", {"items": [{"externalId": "p0", "update": {"name": {"set": None}}}]}, 400
        )


# ---------------------------------------------------------------------------------------------- runs


async def test_runs_update_the_pipeline_and_list_newest_first(client: httpx.AsyncClient) -> None:
    await make_pipelines(client, 1)
    runs = [
        {"externalId": "p0", "status": "success", "createdTime": 10},
        {"externalId": "p0", "status": "failure", "message": "Connection TIMEOUT", "createdTime": 20},
        {"externalId": "p0", "status": "seen", "createdTime": 30},
        {"externalId": "p0", "status": "failure", "message": "old failure", "createdTime": 5},
    ]
    created = (await post(client, "/extpipes/runs", {"items": runs}))["items"]
    assert [r["externalId"] for r in created] == ["p0"] * 4 and len({r["id"] for r in created}) == 4
    pipe = (await post(client, "/extpipes/byids", {"items": [{"externalId": "p0"}]}))["items"][0]
    assert (pipe["lastSuccess"], pipe["lastFailure"], pipe["lastSeen"]) == (10, 20, 30)
    assert pipe["lastMessage"] == "Connection TIMEOUT"  # a late report of an older failure moves nothing back
    listed = await get(client, "/extpipes/runs", externalId="p0")
    assert [r["createdTime"] for r in listed["items"]] == [30, 20, 10, 5]
    page = await get(client, "/extpipes/runs", externalId="p0", limit=3)
    more = await get(client, "/extpipes/runs", externalId="p0", limit=3, cursor=page["nextCursor"])
    assert [r["createdTime"] for r in more["items"]] == [5] and "nextCursor" not in more
    filtered = await post(client, "/extpipes/runs/list", {"filter": {"externalId": "p0", "statuses": ["failure"],
                                                                     "message": {"substring": "timeout"}}})  # fmt: skip
    assert [r["createdTime"] for r in filtered["items"]] == [20]
    ranged = await post(
        client, "/extpipes/runs/list", {"filter": {"externalId": "p0", "createdTime": {"min": 10, "max": 20}}}
    )
    assert [r["createdTime"] for r in ranged["items"]] == [20, 10]
    now_run = (await post(client, "/extpipes/runs", {"items": [{"externalId": "p0", "status": "seen"}]}))["items"][0]
    assert now_run["createdTime"] > 1_000_000_000_000


async def test_runs_errors(client: httpx.AsyncClient) -> None:
    await make_pipelines(client, 1)
    body = await post(client, "/extpipes/runs", {"items": [{"externalId": "p0", "status": "seen"},
                                                           {"externalId": "nope", "status": "seen"}]}, 400)  # fmt: skip
    assert body["error"]["missing"] == [{"externalId": "nope"}]
    assert (await get(client, "/extpipes/runs", externalId="p0"))["items"] == []  # all or nothing
    await get(client, "/extpipes/runs", 400, externalId="nope")
    await post(client, "/extpipes/runs/list", {"filter": {"externalId": "nope"}}, 400)
    await post(client, "/extpipes/runs", {"items": [{"externalId": "p0", "status": "ok"}]}, 400)  # the spec refuses it


async def test_deleting_a_pipeline_drops_its_runs_and_configs(client: httpx.AsyncClient) -> None:
    (p0,) = await make_pipelines(client, 1)
    await post(client, "/extpipes/runs", {"items": [{"externalId": "p0", "status": "seen"}]})
    await post(client, "/extpipes/config", {"externalId": "p0", "config": "a"})
    await post(client, "/extpipes/delete", {"items": [{"id": p0["id"]}]})
    await post(client, "/extpipes", {"items": [{"externalId": "p0", "name": "again", "dataSetId": p0["dataSetId"]}]})
    assert (await get(client, "/extpipes/runs", externalId="p0"))["items"] == []
    assert (await get(client, "/extpipes/config/revisions", externalId="p0"))["items"] == []


# ---------------------------------------------------------------------------------------------- configs


async def test_config_revisions_count_up_and_revert_copies(client: httpx.AsyncClient, emulator: CDFEmulator) -> None:
    await make_pipelines(client, 1)
    await get(client, "/extpipes/config", 400, externalId="p0")  # no config yet
    clock = iter([100, 200, 300, 400])
    emulator.project("test-project").clock = lambda: next(clock)
    first = await post(client, "/extpipes/config", {"externalId": "p0", "config": "a: 1", "description": "first"})
    second = await post(client, "/extpipes/config", {"externalId": "p0", "config": "a: 2"})
    assert (first["revision"], second["revision"]) == (1, 2) and first["createdTime"] == 100
    assert (await get(client, "/extpipes/config", externalId="p0"))["config"] == "a: 2"
    assert (await get(client, "/extpipes/config", externalId="p0", revision=1))["config"] == "a: 1"
    assert (await get(client, "/extpipes/config", externalId="p0", activeAtTime=150))["revision"] == 1
    assert (await get(client, "/extpipes/config", externalId="p0", activeAtTime=250))["revision"] == 2
    await get(client, "/extpipes/config", 400, externalId="p0", activeAtTime=50)
    await get(client, "/extpipes/config", 400, externalId="p0", revision=9)
    reverted = await post(client, "/extpipes/config/revert", {"externalId": "p0", "revision": 1})
    assert (reverted["revision"], reverted["config"], reverted["description"]) == (3, "a: 1", "first")
    revisions = await get(client, "/extpipes/config/revisions", externalId="p0")
    assert [r["revision"] for r in revisions["items"]] == [3, 2, 1]
    assert all("config" not in r for r in revisions["items"])
    page = await get(client, "/extpipes/config/revisions", externalId="p0", limit=2)
    rest = await get(client, "/extpipes/config/revisions", externalId="p0", limit=2, cursor=page["nextCursor"])
    assert [r["revision"] for r in rest["items"]] == [1]
    await post(client, "/extpipes/config/revert", {"externalId": "p0", "revision": 7}, 400)
    await post(client, "/extpipes/config", {"externalId": "nope", "config": "x"}, 400)


# ---------------------------------------------------------------------------------------------- units


async def test_unit_catalog_endpoints(client: httpx.AsyncClient) -> None:
    units = (await get(client, "/units"))["items"]
    assert units == list(UNITS) and len({u["externalId"] for u in units}) == len(units)
    one = await get(client, "/units/temperature:deg_c")
    assert one["items"][0]["conversion"] == {"multiplier": 1.0, "offset": 273.15}
    missing = await get(client, "/units/temperature:nope", 400)
    assert missing["error"]["missing"] == [{"externalId": "temperature:nope"}]
    ordered = await post(
        client, "/units/byids", {"items": [{"externalId": "pressure:bar"}, {"externalId": "length:m"}]}
    )
    assert [u["externalId"] for u in ordered["items"]] == ["pressure:bar", "length:m"]
    await post(client, "/units/byids", {"items": [{"externalId": "x:y"}]}, 400)
    ignored = await post(client, "/units/byids", {"items": [{"externalId": "x:y"}], "ignoreUnknownIds": True})
    assert ignored["items"] == []
    systems = (await get(client, "/units/systems"))["items"]
    assert [s["name"] for s in systems] == ["Default", "SI", "Imperial"]


def test_one_catalog_for_units_and_datapoints() -> None:
    by_xid = {u["externalId"]: u for u in UNITS}
    assert dp_emulator._UNITS is CONVERSIONS and dp_emulator._UNIT_SYSTEMS is SYSTEM_DEFAULTS
    for xid, (quantity, multiplier, offset) in CONVERSIONS.items():
        assert by_xid[xid]["quantity"] == quantity
        assert by_xid[xid]["conversion"] == {"multiplier": multiplier, "offset": offset}
    for system in UNIT_SYSTEMS:
        for q in system["quantities"]:
            assert by_xid[q["unitExternalId"]]["quantity"] == q["name"]  # every default is a unit of its quantity
    assert set(SYSTEM_DEFAULTS) == {"Default", "SI", "Imperial"}


@pytest.mark.parametrize(("source", "target", "value", "expected"), [
    ("temperature:deg_c", "temperature:deg_f", 100.0, 212.0),
    ("pressure:bar", "pressure:psi", 1.0, 14.503773773),
    ("power:kilow", "power:w", 2.5, 2500.0),
])  # fmt: skip
async def test_datapoints_convert_catalog_units(
    client: httpx.AsyncClient, source: str, target: str, value: float, expected: float
) -> None:
    await post(client, "/timeseries", {"items": [{"externalId": "ts", "unitExternalId": source}]}, 201)
    await post(
        client, "/timeseries/data", {"items": [{"externalId": "ts", "datapoints": [{"timestamp": 1, "value": value}]}]}
    )
    got = await post(client, "/timeseries/data/list", {"items": [{"externalId": "ts", "targetUnit": target}]})
    assert got["items"][0]["unitExternalId"] == target
    assert got["items"][0]["datapoints"][0]["value"] == pytest.approx(expected)
