"""The emulator's identity and access management, driven with raw httpx (every request and response is validated
against the CDF spec): groups, security categories, sessions, profiles, the project, token inspection, principals."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from cognite.client.testing import CDFEmulator
from cognite.client.testing._families_iam import ADMIN_GROUP, EMULATED_ORG, EMULATED_SUBJECT, IAM_FAMILIES
from cognite.client.testing._openapi import OpenAPISpec

from .conftest import AUTH, PROJECT

ASSETS_READ = {"assetsAcl": {"actions": ["READ"], "scope": {"all": {}}}}


async def call(
    client: httpx.AsyncClient, method: str, path: str, body: Any = None, status: int = 200, **kw: Any
) -> Any:
    response = await client.request(method, path, json=body, **kw)
    assert response.status_code == status, response.text
    return response.json() if response.content else None


@pytest.fixture
async def root(emulator: CDFEmulator) -> Any:
    """A raw client on the emulator's root (for the routes outside the project)."""
    async with httpx.AsyncClient(transport=emulator.transport(), base_url="http://cdf.local", headers=AUTH) as c:
        yield c


def test_every_iam_route_is_in_the_spec(spec: OpenAPISpec) -> None:
    for family in IAM_FAMILIES:
        for method, suffix in family.routes:
            assert spec.find_operation(method, f"/api/v1/projects/p{family.path}{suffix}".rstrip("/")), suffix
        for method, template in family.outside_routes:
            assert spec.find_operation(method, template.replace("{org}", "o")) is not None, template


async def test_groups_membership_and_all(client: httpx.AsyncClient, emulator: CDFEmulator) -> None:
    mine = (await call(client, "GET", "/groups"))["items"]
    assert [g["name"] for g in mine] == [ADMIN_GROUP] and mine[0]["sourceId"] == ADMIN_GROUP
    assert {"groupsAcl", "assetsAcl", "sessionsAcl"} <= {next(iter(c)) for c in mine[0]["capabilities"]}
    items = [
        {"name": "everyone", "members": "allUserAccounts", "capabilities": [ASSETS_READ]},
        {"name": "others", "members": ["someone-else-000000000"], "metadata": {"k": "v"}},
        {"name": "me", "members": [EMULATED_SUBJECT], "attributes": {"token": {"appIds": ["a"]}}},
    ]
    created = (await call(client, "POST", "/groups", {"items": items}, 201))["items"]
    assert all(g["isDeleted"] is False and isinstance(g["id"], int) for g in created)
    assert [g["name"] for g in (await call(client, "GET", "/groups"))["items"]] == [ADMIN_GROUP, "everyone", "me"]
    every = (await call(client, "GET", "/groups", params={"all": "true"}))["items"]
    assert len(every) == 4
    await call(client, "POST", "/groups/delete", {"items": [created[0]["id"]]})
    missing = await call(client, "POST", "/groups/delete", {"items": [created[0]["id"]]}, 400)
    assert missing["error"]["missing"] == [{"id": created[0]["id"]}]
    both = {"items": [{"name": "x", "sourceId": "s", "members": ["a"]}]}
    await call(client, "POST", "/groups", both, 400)
    scoped = {**ASSETS_READ, "projectUrlNames": {"urlNames": [PROJECT]}}
    kept = (await call(client, "POST", "/groups", {"items": [{"name": "s", "capabilities": [scoped]}]}, 201))["items"]
    assert kept[0]["capabilities"] == [scoped]
    bad_cap = {"items": [{"name": "x", "capabilities": [{"assetsAcl": {"actions": ["READ"]}}]}]}
    await call(client, "POST", "/groups", bad_cap, 400)
    assert emulator.spec_violations == []


async def test_group_ids_do_not_shift_other_families(spec: OpenAPISpec) -> None:
    a, b = CDFEmulator(seed=5, spec=spec), CDFEmulator(seed=5, spec=spec)
    a.store("p", "assets").create({"items": [{"name": "x"}]})
    b.store("p", "groups")
    first = a.store("p", "assets").order[0]
    b.store("p", "assets").create({"items": [{"name": "x"}]})
    assert b.store("p", "assets").order[0] == first
    assert list(a.store("p", "groups").items) == list(b.store("p", "groups").items)


async def test_security_categories_sorted_and_paged(client: httpx.AsyncClient) -> None:
    names = ["b", "a", "c"]
    await call(client, "POST", "/securitycategories", {"items": [{"name": n} for n in names]}, 201)
    page = await call(client, "GET", "/securitycategories", params={"limit": 2, "sort": "DESC"})
    assert [c["name"] for c in page["items"]] == ["c", "b"] and page["nextCursor"]
    rest = await call(
        client, "GET", "/securitycategories", params={"limit": 2, "sort": "DESC", "cursor": page["nextCursor"]}
    )
    assert [c["name"] for c in rest["items"]] == ["a"] and "nextCursor" not in rest
    ids = [c["id"] for c in page["items"]]
    await call(client, "POST", "/securitycategories/delete", {"items": ids})
    assert [c["name"] for c in (await call(client, "GET", "/securitycategories"))["items"]] == ["a"]
    await call(client, "POST", "/securitycategories", {"items": [{"name": 1}]}, 400)


async def test_sessions_lifecycle(client: httpx.AsyncClient) -> None:
    cc = await call(client, "POST", "/sessions", {"items": [{"clientId": "app", "clientSecret": "s"}]})
    te = await call(client, "POST", "/sessions", {"items": [{"tokenExchange": True}]})
    one = await call(client, "POST", "/sessions", {"items": [{"oneshotTokenExchange": True}]})
    assert [s["items"][0]["type"] for s in (cc, te, one)] == [
        "CLIENT_CREDENTIALS", "TOKEN_EXCHANGE", "ONESHOT_TOKEN_EXCHANGE",
    ]  # fmt: skip
    assert cc["items"][0]["nonce"].startswith("emu-nonce-") and cc["items"][0]["clientId"] == "app"
    ids = [s["items"][0]["id"] for s in (cc, te, one)]
    got = (await call(client, "POST", "/sessions/byids", {"items": [{"id": i} for i in ids]}))["items"]
    assert [s["status"] for s in got] == ["READY"] * 3 and got[0]["expirationTime"] > got[0]["creationTime"]
    revoked = (await call(client, "POST", "/sessions/revoke", {"items": [{"id": ids[0]}]}))["items"]
    assert revoked[0]["status"] == "REVOKED"
    listed = (await call(client, "GET", "/sessions", params={"status": "revoked"}))["items"]
    assert [s["id"] for s in listed] == [ids[0]]
    assert len((await call(client, "GET", "/sessions", params={"limit": 1}))["items"]) == 1
    err = await call(client, "POST", "/sessions/byids", {"items": [{"id": 1}]}, 400)
    assert err["error"]["missing"] == [{"id": 1}]
    await call(client, "POST", "/sessions", {"items": [{"clientId": "app"}]}, 400)


async def test_profiles_and_project(client: httpx.AsyncClient, root: httpx.AsyncClient) -> None:
    me = await call(client, "GET", "/profiles/me")
    assert me["userIdentifier"] == EMULATED_SUBJECT and me["displayName"] == "Emulated User"
    assert (await call(client, "GET", "/profiles"))["items"] == [me]
    assert (await call(client, "GET", "/profiles", params={"identityType": "SERVICE_PRINCIPAL"}))["items"] == []
    found = await call(client, "POST", "/profiles/byids", {"items": [{"userIdentifier": EMULATED_SUBJECT}]})
    assert found["items"] == [me]
    err = await call(client, "POST", "/profiles/byids", {"items": [{"userIdentifier": "x"}]}, 400)
    assert err["error"]["missing"] == [{"userIdentifier": "x"}]
    assert (await call(client, "POST", "/profiles/search", {"search": {"name": "emulated us"}}))["items"] == [me]
    assert (await call(client, "POST", "/profiles/search", {"search": {"name": "zz"}, "limit": 5}))["items"] == []
    project = await call(root, "GET", f"/api/v1/projects/{PROJECT}")
    assert project["organization"] == EMULATED_ORG and project["userProfilesConfiguration"] == {"enabled": True}
    update = {"update": {"userProfilesConfiguration": {"set": {"enabled": False}}}}
    updated = await call(client, "POST", "/update", update)
    assert updated["userProfilesConfiguration"] == {"enabled": False}
    await call(client, "POST", "/update", {"update": {"name": {"set": "x"}}}, 400)


async def test_token_inspection_follows_groups(client: httpx.AsyncClient, root: httpx.AsyncClient) -> None:
    inspection = await call(root, "GET", "/api/v1/token/inspect")
    assert inspection["subject"] == EMULATED_SUBJECT
    assert [p["projectUrlName"] for p in inspection["projects"]] == ["emulated"]  # the default project, always
    await call(client, "GET", "/groups")  # the test project exists now
    admin = (await call(client, "GET", "/groups"))["items"][0]
    inspection = await call(root, "GET", "/api/v1/token/inspect")
    by_project = {p["projectUrlName"]: p["groups"] for p in inspection["projects"]}
    assert by_project[PROJECT] == [admin["id"]]
    ours = [c for c in inspection["capabilities"] if c["projectScope"] == {"projects": [PROJECT]}]
    assert len(ours) == len(admin["capabilities"])
    await call(client, "POST", "/groups/delete", {"items": [admin["id"]]})
    await call(client, "POST", "/groups", {"items": [{"name": "r", "capabilities": [ASSETS_READ]}]}, 201)
    inspection = await call(root, "GET", "/api/v1/token/inspect")
    ours = [c for c in inspection["capabilities"] if c["projectScope"] == {"projects": [PROJECT]}]
    assert ours == [{**ASSETS_READ, "projectScope": {"projects": [PROJECT]}}]
    await call(root, "POST", "/api/v1/token/inspect", {}, 405)
    await call(root, "GET", "/api/v1/nothing/here", status=404)


async def test_principals_of_the_organization(root: httpx.AsyncClient, emulator: CDFEmulator) -> None:
    me = await call(root, "GET", "/api/v1/principals/me")
    assert me["id"] == EMULATED_SUBJECT and me["type"] == "USER"
    org = f"/api/v1/orgs/{EMULATED_ORG}/principals"
    page = await call(root, "GET", org, params={"limit": 1})
    assert len(page["items"]) == 1 and isinstance(page["nextCursor"], dict)
    rest = await call(root, "GET", org, params={"limit": 1, "cursor": page["nextCursor"]["cursor"]})
    assert rest["items"][0]["type"] == "SERVICE_ACCOUNT" and "nextCursor" not in rest
    users = await call(root, "GET", org, params={"types": "USER"})
    assert [p["id"] for p in users["items"]] == [EMULATED_SUBJECT]
    found = await call(root, "POST", org + "/byids", {"items": [{"externalId": "emulated-service-account"}]})
    assert found["items"][0]["id"] == "emulated-service-account"
    err = await call(root, "POST", org + "/byids", {"items": [{"id": "nope"}]}, 400)
    assert err["error"]["missing"] == [{"id": "nope"}]
    ignored = await call(root, "POST", org + "/byids", {"items": [{"id": "nope"}], "ignoreUnknownIds": True})
    assert ignored["items"] == []
    await call(root, "GET", "/api/v1/orgs/other-org/principals", status=403)
    assert emulator.spec_violations == [] and emulator.counters.by_route["GET /api/v1/principals/me"] == 1


async def test_outside_routes_need_a_token(emulator: CDFEmulator) -> None:
    async with httpx.AsyncClient(transport=emulator.transport(), base_url="http://cdf.local") as anonymous:
        response = await anonymous.get("/api/v1/token/inspect")
    assert response.status_code == 401
