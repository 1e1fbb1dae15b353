"""The emulator's hosted extractors (sources, destinations, jobs with logs and metrics, mappings) and Postgres gateway
(users, tables) endpoints, driven with raw httpx through the in-process transport. The emulator fixture validates
every request and response against the CDF OpenAPI spec."""

from __future__ import annotations

from typing import Any

import httpx

from cognite.client.testing import CDFEmulator

HE = "/hostedextractors"


async def post(client: httpx.AsyncClient, path: str, body: dict[str, Any], status: int = 200) -> Any:
    response = await client.post(path, json=body)
    assert response.status_code == status, response.text
    return response.json()


async def get(client: httpx.AsyncClient, path: str, status: int = 200, **params: Any) -> Any:
    response = await client.get(path, params=params)
    assert response.status_code == status, response.text
    return response.json()


_CERT = {"type": "pem", "certificate": "-----BEGIN CERTIFICATE-----x"}


async def make_pipeline(client: httpx.AsyncClient) -> None:
    await post(client, f"{HE}/sources", {"items": [{"type": "mqtt5", "externalId": "broker", "host": "mqtt.local"}]})
    await post(client, f"{HE}/destinations", {"items": [{"externalId": "cdf", "credentials": {"nonce": "n"}}]})
    await post(
        client, f"{HE}/mappings",
        {"items": [{"externalId": "m", "mapping": {"expression": "input.v"}, "published": True}]},
    )  # fmt: skip
    job = {"externalId": "job", "sourceId": "broker", "destinationId": "cdf",
           "format": {"type": "custom", "mappingId": "m"}, "config": {"topicFilter": "a/#"}}  # fmt: skip
    await post(client, f"{HE}/jobs", {"items": [job]})


# ---------------------------------------------------------------------------------------------- sources


async def test_sources_answer_without_secrets_and_with_certificate_details(client: httpx.AsyncClient) -> None:
    items = [
        {"type": "mqtt3", "externalId": "a", "host": "h", "authentication": {"type": "basic", "username": "u",
         "password": "secret-pw"}, "caCertificate": _CERT, "authCertificate": {**_CERT, "key": "secret-key"}},
        {"type": "eventhub", "externalId": "b", "host": "h", "eventHubName": "e", "keyName": "k",
         "keyValue": "secret-kv"},
        {"type": "rest", "externalId": "c", "host": "h", "authentication": {"type": "header", "key": "X",
         "value": "secret-token"}},
        {"type": "kafka", "externalId": "d", "bootstrapBrokers": [{"host": "b", "port": 9092}],
         "authentication": {"type": "clientCredentials", "clientId": "i", "clientSecret": "secret-cs",
                            "tokenUrl": "t", "scopes": "s"}},
    ]  # fmt: skip
    created = (await post(client, f"{HE}/sources", {"items": items}))["items"]
    assert "secret" not in str(created)
    by_xid = {s["externalId"]: s for s in created}
    assert by_xid["a"]["authentication"] == {"type": "basic", "username": "u"}
    assert set(by_xid["a"]["caCertificate"]) == {"thumbprint", "expiresAt"}
    assert by_xid["c"]["scheme"] == "https"  # the default
    listed = await get(client, f"{HE}/sources", limit=2)
    assert len(listed["items"]) == 2 and "nextCursor" in listed
    rest = await get(client, f"{HE}/sources", cursor=listed["nextCursor"])
    assert [s["externalId"] for s in listed["items"] + rest["items"]] == ["a", "b", "c", "d"]
    dup = await post(client, f"{HE}/sources", {"items": [{"type": "mqtt5", "externalId": "a", "host": "h"}]}, 409)
    assert dup["error"]["duplicated"] == [{"externalId": "a"}]


async def test_source_updates_follow_the_type(client: httpx.AsyncClient) -> None:
    await post(client, f"{HE}/sources", {"items": [{"type": "mqtt5", "externalId": "a", "host": "h", "port": 1}]})
    upd = {"type": "mqtt5", "externalId": "a", "update": {"port": {"setNull": True}, "caCertificate": {"set": _CERT}}}
    (got,) = (await post(client, f"{HE}/sources/update", {"items": [upd]}))["items"]
    assert "port" not in got and "thumbprint" in got["caCertificate"]
    wrong = {"type": "kafka", "externalId": "a", "update": {"useTls": {"set": True}}}
    assert "type" in (await post(client, f"{HE}/sources/update", {"items": [wrong]}, 400))["error"]["message"]
    found = await post(client, f"{HE}/sources/byIds", {"items": [{"externalId": "a"}, {"externalId": "x"}],
                                                       "ignoreUnknownIds": True})  # fmt: skip
    assert [s["externalId"] for s in found["items"]] == ["a"]
    missing = await post(client, f"{HE}/sources/byIds", {"items": [{"externalId": "x"}]}, 400)
    assert missing["error"]["missing"] == [{"externalId": "x"}]


# ---------------------------------------------------------------------------------------------- jobs


async def test_jobs_check_references_follow_status_and_log(client: httpx.AsyncClient) -> None:
    bad = {"externalId": "j", "sourceId": "nope", "destinationId": "x", "format": {"type": "value"}}
    await post(client, f"{HE}/jobs", {"items": [bad]}, 400)
    await make_pipeline(client)
    (job,) = (await post(client, f"{HE}/jobs/byIds", {"items": [{"externalId": "job"}]}))["items"]
    assert (job["targetStatus"], job["status"]) == ("running", "running")
    assert job["format"]["expression"] == "input.v"  # a custom format answers its mapping's expression
    upd = {"externalId": "job", "update": {"targetStatus": {"set": "paused"}}}
    (paused,) = (await post(client, f"{HE}/jobs/update", {"items": [upd]}))["items"]
    assert paused["status"] == "paused"
    logs = (await get(client, f"{HE}/jobs/logs", job="job"))["items"]
    assert [e["type"] for e in logs] == ["paused", "connected"]  # newest first
    assert (await get(client, f"{HE}/jobs/logs", source="other"))["items"] == []
    (metrics,) = (await get(client, f"{HE}/jobs/metrics", destination="cdf"))["items"]
    assert metrics["jobExternalId"] == "job" and metrics["sourceMessages"] == 0
    assert len((await get(client, f"{HE}/jobs", source="broker"))["items"]) == 1
    assert (await get(client, f"{HE}/jobs", source="other"))["items"] == []


async def test_deleting_what_a_job_uses_needs_force(client: httpx.AsyncClient) -> None:
    await make_pipeline(client)
    for path in ("sources", "destinations", "mappings"):
        body = {"items": [{"externalId": {"sources": "broker", "destinations": "cdf", "mappings": "m"}[path]}]}
        assert "force" in (await post(client, f"{HE}/{path}/delete", body, 400))["error"]["message"]
    await post(client, f"{HE}/mappings/delete", {"items": [{"externalId": "m"}], "force": True})
    assert (await get(client, f"{HE}/jobs"))["items"] == []
    assert (await get(client, f"{HE}/jobs/logs"))["items"] == []  # logs go with their job
    await post(client, f"{HE}/sources/delete", {"items": [{"externalId": "broker"}]})


async def test_destinations_and_mappings(client: httpx.AsyncClient) -> None:
    (dest,) = (
        await post(client, f"{HE}/destinations", {"items": [{"externalId": "d", "credentials": {"nonce": "n"}}]})
    )["items"]
    upd = {"externalId": "d", "update": {"credentials": {"set": {"nonce": "n2"}}}}
    (again,) = (await post(client, f"{HE}/destinations/update", {"items": [upd]}))["items"]
    assert again["sessionId"] != dest["sessionId"]
    await post(client, f"{HE}/destinations", {"items": [{"externalId": "e", "targetDataSetId": 123}]}, 400)
    proto = {"type": "protobuf", "messageName": "M", "files": [{"fileName": "a.proto", "content": "syntax"}]}
    body = {"items": [{"externalId": "p", "mapping": {"expression": "x"}, "published": False, "input": proto}]}
    (mapping,) = (await post(client, f"{HE}/mappings", body))["items"]
    assert mapping["input"]["files"] == [{"fileName": "a.proto"}]
    upd = {"externalId": "p", "update": {"input": {"setNull": True}, "published": {"set": True}}}
    (mapping,) = (await post(client, f"{HE}/mappings/update", {"items": [upd]}))["items"]
    assert mapping["input"] == {"type": "json"} and mapping["published"] is True


# ---------------------------------------------------------------------------------------------- postgres gateway


async def test_users_and_tables(client: httpx.AsyncClient, emulator: CDFEmulator) -> None:
    (user,) = (await post(client, "/postgresgateway", {"items": [{"credentials": {"nonce": "n"}}]}))["items"]
    assert user["username"] == "emu_user_1" and user["password"] and user["host"]
    listed = (await get(client, "/postgresgateway"))["items"]
    assert listed[0]["username"] == "emu_user_1" and "password" not in listed[0]
    path = f"/postgresgateway/tables/{user['username']}"
    raw = {"type": "raw_rows", "tablename": "pumps", "options": {"database": "db", "table": "t"},
           "columns": {"name": {"type": "TEXT"}}}  # fmt: skip
    view = {"type": "view", "tablename": "v", "options": {"space": "s", "externalId": "Pump", "version": "1"}}
    created = (await post(client, path, {"items": [raw, view]}))["items"]
    assert all("createdTime" in t for t in created)
    await post(client, path, {"items": [raw]}, 409)
    await post(client, path, {"items": [{**raw, "tablename": "assets"}]}, 400)  # a built-in name
    tables = (await get(client, path))["items"]
    assert [(t["tablename"], t["type"]) for t in tables] == [("pumps", "raw_rows"), ("v", "nodes")]
    with_built_ins = (await get(client, path, includeBuiltIns="true"))["items"]
    assert {t["type"] for t in with_built_ins} == {"raw_rows", "nodes", "built_in"}
    found = await post(client, f"{path}/byids", {"items": [{"tablename": "v"}, {"tablename": "x"}],
                                                 "ignoreUnknownIds": True})  # fmt: skip
    assert [t["tablename"] for t in found["items"]] == ["v"]
    await post(client, f"{path}/delete", {"items": [{"tablename": "v"}]})
    await get(client, "/postgresgateway/tables/nobody", 404)
    upd = {"username": user["username"], "update": {"credentials": {"set": {"nonce": "n2"}}}}
    (updated,) = (await post(client, "/postgresgateway/update", {"items": [upd]}))["items"]
    assert updated["sessionId"] != user["sessionId"]
    await post(client, "/postgresgateway/delete", {"items": [{"username": "nobody"}]}, 400)
    await post(client, "/postgresgateway/delete", {"items": [{"username": user["username"]}]})
    assert (await get(client, "/postgresgateway"))["items"] == []
    assert emulator.spec_violations == []
