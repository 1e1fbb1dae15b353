"""Fault injection, counters, strict auth, the OAuth token endpoint, and the loopback server (uvicorn)."""

from __future__ import annotations

import asyncio
import gzip
import json
import socket
import subprocess
import sys
import time
from typing import Any

import httpx
import pytest

from cognite.client.testing import CDFEmulator, EmulatorServer, FaultRule

PROJECT = "test-project"
AUTH = {"Authorization": "Bearer test-token"}


def client_for(emulator: CDFEmulator, project: str = PROJECT, **kwargs: object) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        transport=emulator.transport(),
        base_url=f"http://cdf.local/api/v1/projects/{project}",
        **kwargs,  # type: ignore[arg-type]
    )


async def create_assets(client: httpx.AsyncClient, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    response = await client.post("/assets", json={"items": items})
    assert response.status_code == 201, response.text
    created: list[dict[str, Any]] = response.json()["items"]
    return created


async def outcomes(emulator: CDFEmulator, n: int) -> list[str]:
    out = []
    async with client_for(emulator, headers=AUTH) as c:
        for _ in range(n):
            try:
                r = await c.post("/assets/list", json={"limit": 1})
                out.append(f"{r.status_code}:{r.headers.get('cdf-is-auto-retryable', '')}")
            except httpx.RemoteProtocolError:
                out.append("reset")
    return out


async def test_faults_are_deterministic_with_a_seed() -> None:
    def make() -> CDFEmulator:
        emulator = CDFEmulator(seed=7)
        emulator.faults.add(
            path="/assets/*", statuses={429: 0.2, 503: 0.2}, reset_before=0.1, reset_after=0.1, auto_retryable=0.5
        )
        return emulator

    first, second = make(), make()
    a, b = await outcomes(first, 200), await outcomes(second, 200)
    assert a == b
    assert {"200:", "reset"} <= {x if x == "reset" else x.split(":")[0] + ":" for x in a}
    assert any(x.startswith("429") for x in a) and any(x.startswith("503") for x in a)
    assert first.counters.faults == second.counters.faults
    kinds = first.counters.faults
    statuses = [x.split(":")[0] for x in a if x != "reset"]
    assert statuses.count("429") == kinds["429"] and statuses.count("503") == kinds["503"]
    assert a.count("reset") == kinds["reset_before"] + kinds["reset_after"] > 0
    errors = [x for x in a if x != "reset" and not x.startswith("200")]
    assert sum(1 for x in errors if x.endswith(":true")) == kinds["auto_retryable"]
    assert not any(x.endswith(":true") for x in a if x.startswith("200"))
    first.faults.reseed(7)
    first.counters.reset()
    assert await outcomes(first, 200) == a  # restarting the stream repeats it


async def test_reset_before_and_after_processing() -> None:
    emulator = CDFEmulator(seed=1)
    async with client_for(emulator, headers=AUTH) as c:
        emulator.faults.add(path="/assets", methods=["POST"], reset_before=1.0, max_faults=1)
        with pytest.raises(httpx.RemoteProtocolError):
            await c.post("/assets", json={"items": [{"name": "lost"}]})
        assert len(emulator.store(PROJECT, "assets")) == 0  # never processed
        emulator.faults.clear()
        emulator.faults.add(path="/assets", methods=["POST"], reset_after=1.0, max_faults=1)
        with pytest.raises(httpx.RemoteProtocolError):
            await c.post("/assets", json={"items": [{"name": "kept"}]})
        assert len(emulator.store(PROJECT, "assets")) == 1  # processed, but no response
        ok = await c.post("/assets", json={"items": [{"name": "third"}]})  # max_faults reached
        assert ok.status_code == 201
    assert emulator.counters.faults["reset_before"] == 1 and emulator.counters.faults["reset_after"] == 1


async def test_status_faults_with_retry_after_and_auto_retryable() -> None:
    emulator = CDFEmulator(seed=3)
    emulator.faults.add(FaultRule(path="/assets/byids", statuses={429: 1.0}, retry_after=2, auto_retryable=1.0))
    emulator.faults.add(FaultRule(path="*", methods=["GET"], statuses={502: 1.0}))
    async with client_for(emulator, headers=AUTH) as c:
        r = await c.post("/assets/byids", json={"items": [{"id": 1}]})
        assert r.status_code == 429 and r.headers["retry-after"] == "2"
        assert r.headers["cdf-is-auto-retryable"] == "true" and r.json()["error"]["code"] == 429
        assert (await c.get("/assets")).status_code == 502
        assert (await c.post("/assets/list", json={})).status_code == 200  # no rule matches
    assert emulator.counters.faults == {"429": 1, "502": 1, "auto_retryable": 1}
    assert emulator.counters.by_status == {429: 1, 502: 1, 200: 1}


async def test_regex_rules_and_projects() -> None:
    import re

    emulator = CDFEmulator(seed=3)
    emulator.faults.add(path=re.compile(r"/assets/(list|search)"), statuses={500: 1.0}, projects=["bad"])
    async with client_for(emulator, "bad", headers=AUTH) as bad, client_for(emulator, "good", headers=AUTH) as good:
        assert (await bad.post("/assets/search", json={})).status_code == 500
        assert (
            await bad.post("/assets/byids", json={"items": [{"id": 1}], "ignoreUnknownIds": True})
        ).status_code == 200
        assert (await good.post("/assets/search", json={})).status_code == 200


async def test_latency_and_max_in_flight() -> None:
    emulator = CDFEmulator(seed=3)
    emulator.faults.add(path="/assets/list", latency_ms=(5, 10))
    async with client_for(emulator, headers=AUTH) as c:
        responses = await asyncio.gather(*[c.post("/assets/list", json={}) for _ in range(6)])
    assert all(r.status_code == 200 for r in responses)
    assert emulator.counters.max_in_flight == 6 and emulator.counters.in_flight == 0
    assert emulator.counters.faults["latency"] == 6
    assert emulator.counters.requests == 6 and emulator.counters.by_route["POST /assets/list"] == 6


async def test_counters_per_route_and_reset() -> None:
    emulator = CDFEmulator(seed=3)
    async with client_for(emulator, headers=AUTH) as c:
        (a,) = await create_assets(c, [{"name": "x"}])
        await c.get(f"/assets/{a['id']}")
        await c.get("/assets")
        await c.get("/unknown")
    assert emulator.counters.by_route == {"POST /assets": 1, "GET /assets/{id}": 1, "GET /assets": 1, "404": 1}
    emulator.reset()
    assert emulator.counters.requests == 0 and emulator.projects == {}


async def test_auth_modes_and_token_endpoint() -> None:
    emulator = CDFEmulator(seed=3)
    async with client_for(emulator) as c:
        r = await c.post("/assets/list", json={})
        assert r.status_code == 401 and r.json()["error"]["code"] == 401
        assert (await c.post("/assets/list", json={}, headers={"Authorization": "Bearer anything"})).status_code == 200

    strict = CDFEmulator(seed=3, auth="strict", clients={"my-app": "s3cret"}, token_ttl=120)
    async with httpx.AsyncClient(transport=strict.transport(), base_url="http://cdf.local") as raw:
        denied = await raw.post("/api/v1/projects/p/assets/list", json={}, headers=AUTH)
        assert denied.status_code == 401
        form = {"grant_type": "client_credentials", "client_id": "my-app", "client_secret": "s3cret", "scope": "x"}
        token = await raw.post("/oauth2/token", data=form)
        assert token.status_code == 200
        body = token.json()
        assert body["token_type"] == "Bearer" and body["expires_in"] == 120 and body["access_token"]
        ok = await raw.post(
            "/api/v1/projects/p/assets/list", json={}, headers={"Authorization": f"Bearer {body['access_token']}"}
        )
        assert ok.status_code == 200
        wrong = await raw.post("/oauth2/token", data={**form, "client_secret": "nope"})
        assert wrong.status_code == 401 and wrong.json()["error"] == "invalid_client"
        grant = await raw.post("/oauth2/token", data={**form, "grant_type": "password"})
        assert grant.status_code == 400
    assert strict.counters.token_requests == 3

    expired = CDFEmulator(auth="strict", token_ttl=-1)
    token_value = expired.issue_token()
    async with client_for(expired, headers={"Authorization": f"Bearer {token_value}"}) as c:
        r = await c.post("/assets/list", json={})
        assert r.status_code == 401 and "expired" in r.json()["error"]["message"]


async def test_in_process_ids_are_deterministic_with_a_seed() -> None:
    ids = []
    for _ in range(2):
        emulator = CDFEmulator(seed="fixed")
        async with client_for(emulator, headers=AUTH) as c:
            ids.append([a["id"] for a in await create_assets(c, [{"name": str(i)} for i in range(5)])])
    assert ids[0] == ids[1]


# --------------------------------------------------------------------------- over loopback (uvicorn)
async def test_loopback_endpoints_validated_against_spec(
    server: EmulatorServer, loopback_emulator: CDFEmulator, spec_hooks: dict[str, Any]
) -> None:
    assert server.url.startswith("http://127.0.0.1:")
    async with httpx.AsyncClient(base_url=server.project_url(PROJECT), headers=AUTH, event_hooks=spec_hooks) as c:
        root, child = await create_assets(c, [{"name": "r", "externalId": "r"}, {"name": "c", "parentExternalId": "r"}])
        assert (await c.get(f"/assets/{root['id']}")).status_code == 200
        assert (await c.get("/assets", params={"root": "true"})).json()["items"][0]["id"] == root["id"]
        listed = await c.post("/assets/list", json={"limit": 1, "aggregatedProperties": ["childCount"]})
        assert listed.json()["items"][0]["aggregates"]["childCount"] == 1 and listed.json()["nextCursor"]
        assert (await c.post("/assets/byids", json={"items": [{"id": child["id"]}]})).status_code == 200
        upd = await c.post("/assets/update", json={"items": [{"id": child["id"], "update": {"name": {"set": "n"}}}]})
        assert upd.json()["items"][0]["name"] == "n"
        assert (await c.post("/assets/search", json={"search": {"name": "n"}})).status_code == 200
        assert (await c.post("/assets/aggregate", json={})).json()["items"] == [{"count": 2}]
        zipped = gzip.compress(json.dumps({"items": [{"externalId": "r"}], "recursive": True}).encode())
        deleted = await c.post("/assets/delete", content=zipped, headers={"Content-Encoding": "gzip"})
        assert deleted.status_code == 200 and deleted.headers["x-request-id"]
        missing = await c.post("/assets/byids", json={"items": [{"id": root["id"]}]})
        assert missing.status_code == 400 and missing.json()["error"]["missing"] == [{"id": root["id"]}]
        assert (await c.get("/nope")).status_code == 404
    assert loopback_emulator.spec_violations == []


async def test_loopback_connection_resets(server: EmulatorServer, loopback_emulator: CDFEmulator) -> None:
    async with httpx.AsyncClient(base_url=server.project_url(PROJECT), headers=AUTH) as c:
        loopback_emulator.faults.add(path="/assets", reset_before=1.0, max_faults=1)
        with pytest.raises(httpx.RemoteProtocolError):
            await c.post("/assets", json={"items": [{"name": "lost"}]})
        assert len(loopback_emulator.store(PROJECT, "assets")) == 0
        loopback_emulator.faults.clear()
        loopback_emulator.faults.add(path="/assets", reset_after=1.0, max_faults=1)
        with pytest.raises(httpx.RemoteProtocolError):
            await c.post("/assets", json={"items": [{"name": "kept"}]})
        assert len(loopback_emulator.store(PROJECT, "assets")) == 1
        assert (await c.post("/assets/list", json={})).status_code == 200  # the client reconnects


async def test_loopback_strict_auth_with_token_endpoint(server: EmulatorServer, loopback_emulator: CDFEmulator) -> None:
    loopback_emulator.auth = "strict"
    try:
        async with httpx.AsyncClient(base_url=server.url) as c:
            assert (await c.post(f"/api/v1/projects/{PROJECT}/assets/list", json={}, headers=AUTH)).status_code == 401
            token = (await c.post("/oauth2/token", data={"grant_type": "client_credentials"})).json()["access_token"]
            headers = {"Authorization": f"Bearer {token}"}
            assert (
                await c.post(f"/api/v1/projects/{PROJECT}/assets/list", json={}, headers=headers)
            ).status_code == 200
        assert loopback_emulator.counters.token_requests == 1
    finally:
        loopback_emulator.auth = "any"


def test_server_context_manager_stops_cleanly() -> None:
    with EmulatorServer(CDFEmulator()) as srv:
        port = srv.port
        assert httpx.get(f"{srv.project_url('p')}/assets", headers=AUTH).status_code == 200
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"http://127.0.0.1:{port}/api/v1/projects/p/assets", headers=AUTH)


def test_command_line_serves() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "cognite.client.testing",
            "serve",
            "--port",
            str(port),
            "--seed",
            "5",
            "--log-level",
            "warning",
        ],
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/v1/projects/p/assets", headers=AUTH)
                break
            except httpx.ConnectError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise
                time.sleep(0.05)
        assert r.status_code == 200 and r.json() == {"items": []}
    finally:
        proc.terminate()
        proc.wait(10)


async def test_the_served_emulator_freezes_what_it_stores_after_writes() -> None:
    """``python -m cognite.client.testing serve`` wraps the app so that stored items leave the collector's rescans."""
    import gc

    from cognite.client.testing.__main__ import _frozen_after_writes

    calls: list[str] = []

    async def app(scope: Any, receive: Any, send: Any) -> None:
        calls.append(scope["method"])

    served = _frozen_after_writes(app)
    gc.unfreeze()
    try:
        await served({"type": "http", "method": "GET"}, None, None)
        assert gc.get_freeze_count() == 0  # reads store nothing
        kept = [{"row": i} for i in range(100)]  # what a write would have stored
        await served({"type": "http", "method": "POST"}, None, None)
        assert gc.get_freeze_count() >= len(kept)
        assert calls == ["GET", "POST"]
    finally:
        gc.unfreeze()
