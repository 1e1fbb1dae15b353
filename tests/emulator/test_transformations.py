"""The emulator's transformations endpoints (transformations, jobs, schedules, notifications, schemas, previews,
external data sources), driven with raw httpx through the in-process transport. The emulator fixture validates
every request and response against the CDF OpenAPI spec."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from cognite.client.testing import CDFEmulator
from cognite.client.testing._transformations_sql import UnsupportedQuery, run_query


async def post(client: httpx.AsyncClient, path: str, body: dict[str, Any], status: int = 200) -> Any:
    response = await client.post(path, json=body)
    assert response.status_code == status, response.text
    return response.json()


async def get(client: httpx.AsyncClient, path: str, status: int = 200, **params: Any) -> Any:
    response = await client.get(path, params=params)
    assert response.status_code == status, response.text
    return response.json()


def _t(xid: str, **fields: Any) -> dict[str, Any]:
    return {"externalId": xid, "name": xid.upper(), "ignoreNullFields": False, **fields}


async def make(client: httpx.AsyncClient, *items: dict[str, Any]) -> list[dict[str, Any]]:
    return (await post(client, "/transformations", {"items": list(items)}))["items"]  # type: ignore[no-any-return]


async def rows(client: httpx.AsyncClient, db: str, table: str, items: list[dict[str, Any]]) -> None:
    await post(client, f"/raw/dbs/{db}/tables/{table}/rows?ensureParent=true", {"items": items})


# ---------------------------------------------------------------------------------------------- transformations


async def test_create_fills_defaults_and_hides_credentials(client: httpx.AsyncClient, emulator: CDFEmulator) -> None:
    creds = {"clientId": "app", "clientSecret": "s3cr3t", "tokenUri": "https://idp/token", "cdfProjectName": "p"}
    (t,) = await make(client, _t("a", sourceOidcCredentials=creds, destinationNonce={
        "sessionId": 9, "nonce": "n", "cdfProjectName": "p"}))  # fmt: skip
    assert t["query"] == "" and t["destination"] == {"type": "assets"} and t["conflictMode"] == "upsert"
    assert 0 < t["id"] < 2**31  # the spec's ids are int32
    assert t["hasSourceOidcCredentials"] is True and t["hasDestinationOidcCredentials"] is False
    assert t["destinationSession"] == {"sessionId": 9, "projectName": "p"} and "sourceSession" not in t
    assert "s3cr3t" not in str(t) and t["owner"] == "emulator-user" and t["ownerIsCurrentUser"] is True
    assert "s3cr3t" not in str(await post(client, "/transformations/byids", {"items": [{"id": t["id"]}],
                                                                            "withJobDetails": True}))  # fmt: skip
    await post(client, "/transformations", {"items": [_t("a")]}, 409)
    await post(client, "/transformations", {"items": [_t("b", destination={"type": "rocks"})]}, 400)
    await post(client, "/transformations", {"items": [_t("b", destination={"type": "raw", "database": "d"})]}, 400)
    await post(client, "/transformations", {"items": [_t("b", dataSetId=42)]}, 400)
    await post(client, "/transformations", {"items": [{"externalId": "c", "name": "c"}]}, 400)  # ignoreNullFields


async def test_filter_update_delete(client: httpx.AsyncClient) -> None:
    a, _b = await make(client, _t("a", tags=["x"], query="select 1"),
                      _t("b", destination={"type": "raw", "database": "d", "table": "t"}, conflictMode="abort"))  # fmt: skip
    listed = await post(client, "/transformations/filter", {"filter": {"destinationType": "raw"}})
    assert [t["externalId"] for t in listed["items"]] == ["b"]
    for flt, want in (
        ({"tags": {"containsAny": ["x", "z"]}}, ["a"]), ({"nameRegex": "^B$"}, ["b"]), ({"queryRegex": "select"}, ["a"]),
        ({"conflictMode": "abort"}, ["b"]), ({"hasBlockedError": False}, ["a", "b"]), ({"isPublic": True}, ["a", "b"]),
        ({"cdfProjectName": "other"}, []),
    ):  # fmt: skip
        got = await post(client, "/transformations/filter", {"filter": flt})
        assert [t["externalId"] for t in got["items"]] == want, flt
    page = await get(client, "/transformations", limit=1, includePublic="true", withJobDetails="false")
    assert len(page["items"]) == 1 and "nextCursor" in page
    await post(client, "/transformations/filter", {"filter": {"nameRegex": "("}}, 400)
    update = {"name": {"set": "A2"}, "tags": {"add": ["y"]}, "destinationOidcCredentials": {"set": {
        "clientId": "c", "clientSecret": "s", "tokenUri": "u", "cdfProjectName": "p"}}}  # fmt: skip
    (u,) = (await post(client, "/transformations/update", {"items": [{"id": a["id"], "update": update}]}))["items"]
    assert u["name"] == "A2" and u["tags"] == ["x", "y"] and u["hasDestinationOidcCredentials"] is True
    clear = {"destinationOidcCredentials": {"setNull": True}, "conflictMode": {"set": "delete"}}
    (u,) = (await post(client, "/transformations/update", {"items": [{"externalId": "a", "update": clear}]}))["items"]
    assert u["hasDestinationOidcCredentials"] is False and u["conflictMode"] == "delete"
    bad = {"destination": {"set": {"type": "nope"}}}
    await post(client, "/transformations/update", {"items": [{"id": a["id"], "update": bad}]}, 400)
    await post(client, "/transformations/delete", {"items": [{"id": a["id"]}, {"externalId": "b"}]})
    assert (await get(client, "/transformations"))["items"] == []
    await post(client, "/transformations/delete", {"items": [{"externalId": "b"}]}, 400)
    await post(client, "/transformations/delete", {"items": [{"externalId": "b"}], "ignoreUnknownIds": True})


# ---------------------------------------------------------------------------------------------- jobs


async def test_a_job_moves_one_step_per_read_and_writes_raw(client: httpx.AsyncClient) -> None:
    await rows(client, "src", "r", [{"key": "a", "columns": {"v": 1}}, {"key": "b", "columns": {"v": 2}}])
    (t,) = await make(client, _t("copy", query="select key, v from src.r",
                                 destination={"type": "raw", "database": "dst", "table": "out"}))  # fmt: skip
    job = await post(client, "/transformations/run", {"id": t["id"]})
    assert job["status"] == "Created" and job["transformationExternalId"] == "copy"
    await post(client, "/transformations/run", {"externalId": "copy"}, 409)
    assert (await get(client, f"/transformations/jobs/{job['id']}/metrics"))["items"] == []
    seen = await post(client, "/transformations/jobs/byids", {"items": [{"id": job["id"]}]})
    assert seen["items"][0]["status"] == "Running" and "startedTime" in seen["items"][0]
    running = await post(client, "/transformations/byids", {"items": [{"id": t["id"]}], "withJobDetails": True})
    assert running["items"][0]["runningJob"]["id"] == job["id"]
    listed = await get(client, "/transformations/jobs", transformationId=t["id"])
    assert listed["items"][0]["status"] == "Completed" and "finishedTime" in listed["items"][0]
    out = await get(client, "/raw/dbs/dst/tables/out/rows")
    assert {r["key"]: r["columns"] for r in out["items"]} == {"a": {"v": 1}, "b": {"v": 2}}
    metrics = (await get(client, f"/transformations/jobs/{job['id']}/metrics"))["items"]
    assert {m["name"]: m["count"] for m in metrics} == {"requests": 1, "raw.upserted": 2}
    after = await post(client, "/transformations/byids", {"items": [{"externalId": "copy"}], "withJobDetails": True})
    assert after["items"][0]["lastFinishedJob"]["status"] == "Completed" and "runningJob" not in after["items"][0]
    await post(
        client, "/transformations/update", {"items": [{"id": t["id"], "update": {"conflictMode": {"set": "delete"}}}]}
    )
    deleting = await post(client, "/transformations/run", {"id": t["id"]})
    for _ in range(2):
        await post(client, "/transformations/jobs/byids", {"items": [{"id": deleting["id"]}]})
    assert (await get(client, "/raw/dbs/dst/tables/out/rows"))["items"] == []
    await get(client, "/transformations/jobs/99999/metrics", 404)
    await post(client, "/transformations/jobs/byids", {"items": [{"id": 99999}]}, 400)
    assert (await post(client, "/transformations/jobs/byids", {"items": [{"id": 99999}], "ignoreUnknownIds": True}))[
        "items"] == []  # fmt: skip


async def test_failed_and_cancelled_jobs(client: httpx.AsyncClient) -> None:
    a, b, c = await make(
        client, _t("a", query="select nope(1)"), _t("b", query="select 1 as x"),
        _t("c", query="select 1 as v", destination={"type": "raw", "database": "d", "table": "t"}),
    )  # fmt: skip
    jobs = [await post(client, "/transformations/run", {"id": t["id"]}) for t in (a, b, c)]
    await post(client, "/transformations/cancel", {"externalId": "b"})
    await post(client, "/transformations/cancel", {"externalId": "b"}, 400)
    for _ in range(2):
        listed = await get(client, "/transformations/jobs", limit=10)
    by_id = {j["id"]: j for j in listed["items"]}
    assert [by_id[j["id"]]["status"] for j in jobs] == ["Failed", "Failed", "Failed"]
    assert "Functions are not supported" in by_id[jobs[0]["id"]]["error"]
    assert by_id[jobs[1]["id"]]["error"] == "Job cancelled by the user"
    assert "key" in by_id[jobs[2]["id"]]["error"]
    page = await get(client, "/transformations/jobs", limit=2)
    assert [j["id"] for j in page["items"]] == [jobs[2]["id"], jobs[1]["id"]] and "nextCursor" in page
    await post(client, "/transformations/run", {"externalId": "nope"}, 400)


# ---------------------------------------------------------------------------------------------- preview, schema


async def test_preview(client: httpx.AsyncClient) -> None:
    await rows(client, "db", "t", [{"key": "k1", "columns": {"n": 1, "s": "x"}}, {"key": "k2", "columns": {"n": 2.5}}])
    res = await post(client, "/transformations/query/run", {"query": "select 1 as a, 'x', true, null as z",
                                                              "convertToString": False})  # fmt: skip
    assert res["results"]["items"] == [{"a": 1, "x": "x", "true": True, "z": None}]
    assert [c["sqlType"] for c in res["schema"]["items"]] == ["int", "string", "boolean", "void"]
    res = await post(client, "/transformations/query/run", {"query": "SELECT `n`, s AS text FROM `db`.`t` LIMIT 5",
                                                              "convertToString": True, "limit": 1})  # fmt: skip
    assert res["results"]["items"] == [{"n": "1", "text": "x"}]
    assert [c["type"] for c in res["schema"]["items"]] == ["string", "string"]
    res = await post(client, "/transformations/query/run", {"query": "select * from db.t where n = 2.5",
                                                              "convertToString": False, "sourceLimit": 10})  # fmt: skip
    assert res["results"]["items"][0]["key"] == "k2"
    assert {c["name"]: c["sqlType"] for c in res["schema"]["items"]}["lastUpdatedTime"] == "timestamp"
    for bad in ("update x set y = 1", "select * from nope.nope", "select a", "select 1 from db.t group by 1"):
        await post(client, "/transformations/query/run", {"query": bad, "convertToString": False}, 400)


def test_sql_subset_types_and_errors() -> None:
    def no_raw(db: str, table: str, limit: int | None) -> list[dict[str, Any]]:
        raise UnsupportedQuery("no tables")

    result = run_query("select 3000000000 as big, 1.5 as d, 'it''s' as s;", no_raw)
    assert [c.sql_type for c in result.columns] == ["bigint", "double", "string"]
    assert result.rows == [{"big": 3000000000, "d": 1.5, "s": "it's"}]
    for bad in ("select", "select 1 +", "select * ", "delete from x", "select 1 limit x"):
        with pytest.raises(UnsupportedQuery):
            run_query(bad, no_raw)


async def test_schemas(client: httpx.AsyncClient) -> None:
    assets = (await get(client, "/transformations/schema/assets"))["items"]
    assert {"externalId", "name", "metadata", "labels"} <= {c["name"] for c in assets}
    assert (await get(client, "/transformations/schema/datapoints", conflictMode="delete"))["items"][2][
        "name"
    ] == "timestamp"
    await get(client, "/transformations/schema/rocks", 400)
    await post(client, "/sequences", {"items": [{"externalId": "s", "columns": [
        {"externalId": "c1", "valueType": "STRING"}, {"externalId": "c2", "valueType": "LONG"}]}]}, 201)  # fmt: skip
    seq = (await get(client, "/transformations/schema/sequence_rows", externalId="s"))["items"]
    assert [(c["name"], c["sqlType"]) for c in seq] == [
        ("externalId", "string"), ("rowNumber", "bigint"), ("c1", "string"), ("c2", "bigint")]  # fmt: skip
    await get(client, "/transformations/schema/sequence_rows", 400, externalId="missing")
    edges = await get(client, "/transformations/schema/instances", instanceType="edges", withInstanceSpace="true")
    assert [c["name"] for c in edges["items"]] == ["externalId", "space", "startNode", "endNode"]


# ---------------------------------------------------------------------------------------------- schedules etc.


async def test_schedules_and_notifications_follow_their_transformation(client: httpx.AsyncClient) -> None:
    a, b = await make(client, _t("a"), _t("b"))
    created = await post(client, "/transformations/schedules",
                         {"items": [{"id": a["id"], "interval": "0 * * * *"}, {"externalId": "b", "interval": "* * * * *",
                                                                                "isPaused": True}]}, 201)  # fmt: skip
    assert [(s["id"], s["externalId"], s["isPaused"]) for s in created["items"]] == [
        (a["id"], "a", False),
        (b["id"], "b", True),
    ]
    dup = await post(
        client, "/transformations/schedules", {"items": [{"externalId": "a", "interval": "0 * * * *"}]}, 409
    )
    assert dup["error"]["duplicated"] == [{"externalId": "a"}]
    await post(client, "/transformations/schedules", {"items": [{"externalId": "zz", "interval": "0 * * * *"}]}, 400)
    await post(client, "/transformations/schedules", {"items": [{"externalId": "a", "interval": "hourly"}]}, 400)
    await post(client, "/transformations/schedules/update", {"items": [{"externalId": "a", "update": {
        "interval": {"set": "bad"}}}]}, 400)  # fmt: skip
    upd = await post(client, "/transformations/schedules/update", {"items": [{"externalId": "a", "update": {
        "isPaused": {"set": True}}}]})  # fmt: skip
    assert upd["items"][0]["isPaused"] is True
    listed = await get(client, "/transformations/schedules", includePublic="false")
    assert len(listed["items"]) == 2
    await post(client, "/transformations/update", {"items": [{"id": a["id"], "update": {"externalId": {"set": "a2"}}}]})
    by_xid = await post(client, "/transformations/schedules/byids", {"items": [{"externalId": "a2"}]})
    assert by_xid["items"][0]["id"] == a["id"]
    n = await post(client, "/transformations/notifications", {"items": [
        {"destination": "x@example.com", "transformationExternalId": "a2"},
        {"destination": "y@example.com", "transformationId": b["id"]}]})  # fmt: skip
    assert [i["transformationId"] for i in n["items"]] == [a["id"], b["id"]]
    got = await get(client, "/transformations/notifications", transformationExternalId="a2")
    assert [i["destination"] for i in got["items"]] == ["x@example.com"]
    got = await get(client, "/transformations/notifications", destination="y@example.com", transformationId=b["id"])
    assert len(got["items"]) == 1
    await post(client, "/transformations/notifications", {"items": [{"destination": "z", "transformationId": 1}]}, 400)
    await post(client, "/transformations/delete", {"items": [{"id": a["id"]}]})
    assert [s["externalId"] for s in (await get(client, "/transformations/schedules"))["items"]] == ["b"]
    assert [i["destination"] for i in (await get(client, "/transformations/notifications"))["items"]] == [
        "y@example.com"
    ]
    await post(client, "/transformations/notifications/delete", {"items": [{"id": n["items"][1]["id"]}]})
    assert (await get(client, "/transformations/notifications"))["items"] == []


async def test_external_data_sources(client: httpx.AsyncClient) -> None:
    source = {"externalId": "lake", "format": "one_lake", "name": "L", "settings": {
        "credentials": {"clientId": "c", "tenantId": "t", "clientSecret": "s3cr3t"},
        "locationDescription": {"workspaceId": "w", "containerId": "k"}}}  # fmt: skip
    made = await post(client, "/transformations/externaldata", {"items": [source]}, 201)
    assert "s3cr3t" not in str(made) and "id" not in made["items"][0]
    again = await post(client, "/transformations/externaldata", {"items": [{**source, "name": "L2"}]}, 201)
    assert again["items"][0]["name"] == "L2" and again["items"][0]["createdTime"] == made["items"][0]["createdTime"]
    listed = await get(client, "/transformations/externaldata")
    assert [s["name"] for s in listed["items"]] == ["L2"] and "s3cr3t" not in str(listed)
    usable = await post(client, "/transformations/externaldata/usability", {"externalId": "lake"})
    assert usable["usableVersion"]
    await post(client, "/transformations/externaldata", {"items": [{**source, "format": "s3"}]}, 400)
    await post(client, "/transformations/externaldata/delete", {"items": [{"externalId": "lake"}]})
    assert "usableVersion" not in await post(client, "/transformations/externaldata/usability", {"externalId": "lake"})
    await post(client, "/transformations/externaldata/delete", {"items": [{"externalId": "lake"}]}, 400)


async def _finish(client: httpx.AsyncClient, transformation_id: int) -> dict[str, Any]:
    job = await post(client, "/transformations/run", {"id": transformation_id})
    for _ in range(2):
        seen = await post(client, "/transformations/jobs/byids", {"items": [{"id": job["id"]}]})
    return seen["items"][0]  # type: ignore[no-any-return]


async def test_jobs_write_resources_by_conflict_mode(client: httpx.AsyncClient) -> None:
    query = "select 'e1' as externalId, 'alarm' as type, 'first' as description"
    (t,) = await make(client, _t("ev", query=query, destination={"type": "events"}, conflictMode="abort"))
    assert (await _finish(client, t["id"]))["status"] == "Completed"
    (event,) = (await post(client, "/events/byids", {"items": [{"externalId": "e1"}]}))["items"]
    assert event["type"] == "alarm" and event["description"] == "first"
    again = await _finish(client, t["id"])  # abort: the event exists
    assert again["status"] == "Failed" and "duplicated" in again["error"].lower()
    set_upsert = {"conflictMode": {"set": "upsert"}, "query": {"set": "select 'e1' as externalId, 'second' as "
                  "description union"}}  # fmt: skip
    await post(client, "/transformations/update", {"items": [{"id": t["id"], "update": set_upsert}]})
    assert "not supported" in (await _finish(client, t["id"]))["error"].lower()
    upsert = {"query": {"set": "select 'e1' as externalId, 'second' as description, null as type"}}
    await post(client, "/transformations/update", {"items": [{"id": t["id"], "update": upsert}]})
    assert (await _finish(client, t["id"]))["status"] == "Completed"
    (event,) = (await post(client, "/events/byids", {"items": [{"externalId": "e1"}]}))["items"]
    assert event["description"] == "second" and "type" not in event  # a null clears the field
    only_update = {"conflictMode": {"set": "update"}, "query": {"set": "select 'e2' as externalId"}}
    await post(client, "/transformations/update", {"items": [{"id": t["id"], "update": only_update}]})
    assert "do not exist" in (await _finish(client, t["id"]))["error"]
    delete = {"conflictMode": {"set": "delete"}, "query": {"set": "select 'e1' as externalId"}}
    await post(client, "/transformations/update", {"items": [{"id": t["id"], "update": delete}]})
    done = await _finish(client, t["id"])
    assert done["status"] == "Completed" and (await post(client, "/events/list", {}))["items"] == []
    metrics = (await get(client, f"/transformations/jobs/{done['id']}/metrics"))["items"]
    assert {m["name"]: m["count"] for m in metrics} == {"requests": 1, "events.deleted": 1}
    (a,) = await make(client, _t("as", query="select 'a1' as externalId, 'Pump' as name, 7 as nope",
                                 destination={"type": "assets"}))  # fmt: skip
    assert "nope" in (await _finish(client, a["id"]))["error"]  # the store's own checks apply
