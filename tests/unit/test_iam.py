"""client.iam against a fake CDF behind ``httpx.MockTransport``: groups, security categories, sessions, token,
user profiles, principals, and the comparison of capabilities."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from cognite.client import AsyncCogniteClient, ClientConfig
from cognite.client.credentials import OAuthClientCredentials, Token
from cognite.client.data_classes import (
    ClientCredentials,
    CreatedSession,
    Group,
    GroupList,
    GroupWrite,
    RevokedSessionList,
    SecurityCategoryWrite,
    Session,
    SessionList,
)
from cognite.client.data_classes.capabilities import (
    AllScope,
    AssetsAcl,
    DataSetScope,
    EventsAcl,
    LegacyGenericsAcl,
    ProjectCapabilityList,
    RawAcl,
    TableScope,
)
from cognite.client.data_classes.principals import PrincipalList, ServicePrincipal, UserPrincipal
from cognite.client.data_classes.user_profiles import UserProfile, UserProfileList
from cognite.client.exceptions import CogniteAPIError, CogniteNotFoundError

ASSETS_READ = {"assetsAcl": {"actions": ["READ"], "scope": {"all": {}}}}


def group(i: int, **fields: Any) -> dict[str, Any]:
    return {"id": i, "name": f"g{i}", "isDeleted": False, **fields}


def session(i: int, status: str = "READY") -> dict[str, Any]:
    return {"id": i, "type": "TOKEN_EXCHANGE", "status": status, "creationTime": 1, "expirationTime": 2}


def profile(uid: str) -> dict[str, Any]:
    return {"userIdentifier": uid, "lastUpdatedTime": 1, "displayName": uid.upper()}


USER = {"id": "u" * 22, "type": "USER", "name": "Ada", "pictureUrl": "p"}
SERVICE = {
    "id": "s1", "type": "SERVICE_ACCOUNT", "name": "svc", "pictureUrl": "p", "externalId": "svc",
    "createdBy": {"orgId": "org", "userId": "u" * 22}, "createdTime": 1, "lastUpdatedTime": 2,
}  # fmt: skip


# ------------------------------------------------------------------------------------------------------------ groups


async def test_groups_list_create_delete(routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
    fake = routed_cdf(
        {
            "GET /groups": lambda _: {"items": [group(1, capabilities=[ASSETS_READ], sourceId="s")]},
            "POST /groups": lambda body: {"items": [group(i + 10, **g) for i, g in enumerate(body["items"])]},
            "POST /groups/delete": {},
        }
    )
    listed = await async_client.iam.groups.list(all=True)
    assert isinstance(listed, GroupList) and listed[0].capabilities == [AssetsAcl(["READ"], AllScope())]
    assert listed[0].is_externally_managed() and not listed[0].is_managed_in_cdf()
    await async_client.iam.groups.list()
    assert [r.params for r in fake.calls("GET /groups")] == [[("all", "true")], []]

    write = GroupWrite("readers", capabilities=[EventsAcl(["WRITE"], DataSetScope([1]))], members=["u1"])
    one = await async_client.iam.groups.create(write)
    assert isinstance(one, Group) and one.members == ["u1"] and one.capabilities == write.capabilities
    many = await async_client.iam.groups.create([write, listed[0]])
    assert isinstance(many, GroupList) and many.as_names() == ["readers", "g1"]
    sent = [r.body for r in fake.calls("POST /groups")]
    assert sent[0] == {
        "items": [
            {
                "name": "readers",
                "capabilities": [{"eventsAcl": {"actions": ["WRITE"], "scope": {"datasetScope": {"ids": [1]}}}}],
                "members": ["u1"],
            }
        ]
    }
    assert sent[1]["items"][1] == {"name": "g1", "sourceId": "s", "capabilities": [ASSETS_READ]}

    await async_client.iam.groups.delete(1)
    await async_client.iam.groups.delete([1, 2, 2])
    assert [r.body for r in fake.calls("POST /groups/delete")] == [{"items": [1]}, {"items": [1, 2]}]


async def test_groups_bad_arguments_fail_before_any_request(routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
    fake = routed_cdf({})
    with pytest.raises(TypeError, match="all"):
        await async_client.iam.groups.list(all="yes")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="id"):
        await async_client.iam.groups.delete("1")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="either source_id"):
        GroupWrite("g", source_id="s", members=["u"])
    with pytest.raises(TypeError, match="members"):
        GroupWrite("g", members="everyone")
    with pytest.raises(TypeError, match="group"):
        await async_client.iam.groups.create([42])  # type: ignore[list-item]
    assert fake.requests == []


# ------------------------------------------------------------------------------------------------ security categories


async def test_security_categories(routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
    pages = [{"items": [{"id": 1, "name": "a"}], "nextCursor": "c2"}, {"items": [{"id": 2, "name": "b"}]}]
    fake = routed_cdf(
        {
            "GET /securitycategories": pages,
            "POST /securitycategories": lambda body: {
                "items": [{"id": i, **c} for i, c in enumerate(body["items"], 1)]
            },
            "POST /securitycategories/delete": {},
        }
    )
    listed = await async_client.iam.security_categories.list(limit=None, sort="DESC")
    assert listed.as_names() == ["a", "b"] and listed.as_ids() == [1, 2]
    params = [dict(r.params) for r in fake.calls("GET /securitycategories")]
    assert params == [{"sort": "DESC", "limit": "1000"}, {"sort": "DESC", "limit": "1000", "cursor": "c2"}]
    created = await async_client.iam.security_categories.create(SecurityCategoryWrite("x"))
    assert created.name == "x" and created.as_write() == SecurityCategoryWrite("x")
    await async_client.iam.security_categories.delete([5, 6])
    assert fake.calls("POST /securitycategories/delete")[0].body == {"items": [5, 6]}
    with pytest.raises(ValueError, match="sort"):
        await async_client.iam.security_categories.list(sort="up")  # type: ignore[arg-type]


# ----------------------------------------------------------------------------------------------------------- sessions


async def test_session_create_picks_the_kind(routed_cdf: Any, config: ClientConfig) -> None:
    def created(body: Any) -> Any:
        item = body["items"][0]
        kind = "CLIENT_CREDENTIALS" if "clientId" in item else "TOKEN_EXCHANGE"
        return {"items": [{"id": 7, "status": "READY", "nonce": "n0nce", "type": kind}]}

    fake = routed_cdf({"POST /sessions": created})
    client = AsyncCogniteClient(config, transport=fake.transport)
    res = await client.iam.sessions.create()
    assert isinstance(res, CreatedSession) and res.nonce == "n0nce" and "n0nce" not in repr(res)
    await client.iam.sessions.create(ClientCredentials("app", "s3cr3t"))
    await client.iam.sessions.create(session_type="ONESHOT_TOKEN_EXCHANGE")
    oauth = OAuthClientCredentials("https://login/token", "cid", "csecret", ["scope"])
    cc_config = ClientConfig("t", config.project, oauth, base_url=config.base_url)
    cc_client = AsyncCogniteClient(cc_config, transport=fake.transport)
    assert [r.body for r in fake.calls("POST /sessions")] == [
        {"items": [{"tokenExchange": True}]},
        {"items": [{"clientId": "app", "clientSecret": "s3cr3t"}]},
        {"items": [{"oneshotTokenExchange": True}]},
    ]
    item = cc_client.iam.sessions._session_item(None, "DEFAULT")
    assert item == {"clientId": "cid", "clientSecret": "csecret"}
    assert "s3cr3t" not in repr(ClientCredentials("app", "s3cr3t"))


async def test_session_create_rejects_bad_combinations(routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
    fake = routed_cdf({})
    with pytest.raises(ValueError, match="session_type"):
        await async_client.iam.sessions.create(session_type="MAGIC")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="needs client_credentials"):
        await async_client.iam.sessions.create(session_type="CLIENT_CREDENTIALS")
    with pytest.raises(ValueError, match="cannot be used"):
        await async_client.iam.sessions.create(ClientCredentials("a", "b"), session_type="TOKEN_EXCHANGE")
    with pytest.raises(TypeError, match="client_credentials"):
        await async_client.iam.sessions.create({"clientId": "a"})  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="status"):
        await async_client.iam.sessions.list(status="GONE")  # type: ignore[arg-type]
    assert fake.requests == []


async def test_sessions_list_retrieve_revoke(routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
    fake = routed_cdf(
        {
            "GET /sessions": {"items": [session(1), session(2)]},
            "POST /sessions/byids": lambda body: {"items": [session(r["id"]) for r in body["items"]]},
            "POST /sessions/revoke": lambda body: {"items": [session(r["id"], "REVOKED") for r in body["items"]]},
        }
    )
    listed = await async_client.iam.sessions.list(status="ACTIVE", limit=5)
    assert isinstance(listed, SessionList) and listed.as_ids() == [1, 2]
    assert dict(fake.calls("GET /sessions")[0].params) == {"status": "active", "limit": "5"}
    one = await async_client.iam.sessions.retrieve(3)
    assert isinstance(one, Session) and one.id == 3
    many = await async_client.iam.sessions.retrieve([3, 4])
    assert isinstance(many, SessionList) and many.as_ids() == [3, 4]
    revoked = await async_client.iam.sessions.revoke(3)
    assert revoked.status == "REVOKED"
    revoked_many = await async_client.iam.sessions.revoke([3, 4])
    assert isinstance(revoked_many, RevokedSessionList) and len(revoked_many) == 2
    assert fake.calls("POST /sessions/revoke")[1].body == {"items": [{"id": 3}, {"id": 4}]}


# ------------------------------------------------------------------------------------------ token, capabilities


INSPECTION = {
    "subject": "me",
    "projects": [{"projectUrlName": "unit-test-project", "groups": [1]}],
    "capabilities": [
        {**ASSETS_READ, "projectScope": {"projects": ["unit-test-project"]}},
        {"eventsAcl": {"actions": ["WRITE"], "scope": {"all": {}}}, "projectScope": {"projects": ["other"]}},
        {"rawAcl": {"actions": ["READ"], "scope": {"tableScope": {"dbsToTables": {"db": {"tables": []}}}}},
         "projectScope": {"allProjects": {}}},
    ],
}  # fmt: skip


async def test_token_inspect_and_verify(routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
    fake = routed_cdf({"GET /api/v1/token/inspect": INSPECTION})
    inspection = await async_client.iam.token.inspect()
    assert inspection.subject == "me" and inspection.projects[0].project_url_name == "unit-test-project"
    assert isinstance(inspection.capabilities, ProjectCapabilityList)
    assert inspection.capabilities.project == "unit-test-project"
    assert inspection.dump() == INSPECTION
    assert str(fake.calls()[0].headers["authorization"]).startswith("Bearer ")
    missing = await async_client.iam.verify_capabilities(
        [
            AssetsAcl(["READ"], DataSetScope([1, 2])),
            EventsAcl(["WRITE"], AllScope()),  # only in project "other"
            RawAcl(["READ"], TableScope({"db": ["t1"]})),  # the whole database is granted
            LegacyGenericsAcl(["READ"]),  # ignored
        ]
    )
    assert missing == [EventsAcl(["WRITE"], AllScope())]
    with pytest.raises(TypeError, match="desired_capabilities"):
        await async_client.iam.verify_capabilities(42)  # type: ignore[arg-type]
    assert len(fake.calls("GET /api/v1/token/inspect")) == 2


def test_compare_capabilities_accepts_every_form(async_client: AsyncCogniteClient) -> None:
    iam = async_client.iam
    groups = GroupList([Group(1, "a", capabilities=[AssetsAcl(["READ", "WRITE"], DataSetScope([1]))])])
    desired = [{"assetsAcl": {"actions": ["READ"], "scope": {"datasetScope": {"ids": [1, 2]}}}}]
    assert iam.compare_capabilities(groups, desired) == [AssetsAcl(["READ"], DataSetScope([2]))]
    assert iam.compare_capabilities(groups[0], groups) == []
    assert iam.compare_capabilities(AssetsAcl(["READ"]), desired) == []
    pcs = ProjectCapabilityList.load(INSPECTION["capabilities"])
    assert iam.compare_capabilities(pcs, EventsAcl(["WRITE"]), project="other") == []
    assert iam.compare_capabilities(pcs, EventsAcl(["WRITE"]), project="unit-test-project") == [
        EventsAcl(["WRITE"], AllScope())
    ]
    assert iam.compare_capabilities([], [pcs[0]]) == [AssetsAcl(["READ"], AllScope())]
    with pytest.raises(TypeError, match="existing_capabilities"):
        iam.compare_capabilities("assetsAcl", [])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="project"):
        iam.compare_capabilities([], [], project=1)  # type: ignore[arg-type]


# ----------------------------------------------------------------------------------------------------- user profiles


async def test_user_profiles(routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
    not_found = httpx.Response(400, json={"error": {"code": 400, "message": "m", "missing": [{"userIdentifier": "x"}]}})
    fake = routed_cdf(
        {
            "POST /update": lambda body: {
                "name": "p",
                "urlName": "p",
                "userProfilesConfiguration": body["update"]["userProfilesConfiguration"]["set"],
            },
            "GET /profiles/me": profile("me"),
            "GET /profiles": {"items": [profile("a"), profile("b")]},
            "POST /profiles/byids": [not_found, {"items": [profile("a")]}, not_found],
            "POST /profiles/search": {"items": [profile("a")]},
        }
    )
    assert (await async_client.iam.user_profiles.enable()).enabled is True
    assert (await async_client.iam.user_profiles.disable()).enabled is False
    assert [r.body for r in fake.calls("POST /update")][1] == {
        "update": {"userProfilesConfiguration": {"set": {"enabled": False}}}
    }
    me = await async_client.iam.user_profiles.me()
    assert isinstance(me, UserProfile) and me.display_name == "ME"
    listed = await async_client.iam.user_profiles.list(limit=None)
    assert isinstance(listed, UserProfileList) and listed.get(user_identifier="b").display_name == "B"  # type: ignore[union-attr]
    assert await async_client.iam.user_profiles.retrieve("x") is None
    assert (await async_client.iam.user_profiles.retrieve(["a"]))[0].user_identifier == "a"
    with pytest.raises(CogniteNotFoundError):
        await async_client.iam.user_profiles.retrieve(["a", "x"])
    found = await async_client.iam.user_profiles.search("ad", limit=3)
    assert len(found) == 1 and fake.calls("POST /profiles/search")[0].body == {"search": {"name": "ad"}, "limit": 3}
    with pytest.raises(TypeError, match="name"):
        await async_client.iam.user_profiles.search(3)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="limit"):
        await async_client.iam.user_profiles.search("a", limit=0)
    with pytest.raises(ValueError, match="extend"):
        listed.extend([UserProfile.load(profile("a"))])


# -------------------------------------------------------------------------------------------------------- principals


async def test_principals_go_to_the_organization(routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
    pages = [
        {"items": [USER], "nextCursor": {"cursor": "c2"}},
        {"items": [SERVICE]},
    ]
    fake = routed_cdf(
        {
            "GET ": {"name": "p", "urlName": "p", "organization": "my-org"},
            "GET /api/v1/principals/me": USER,
            "GET /api/v1/orgs/my-org/principals": pages,
            "POST /api/v1/orgs/my-org/principals/byids": lambda body: {
                "items": [SERVICE] if body["items"][0].get("externalId") else []
            },
        }
    )
    me = await async_client.iam.principals.me()
    assert isinstance(me, UserPrincipal) and me.name == "Ada"
    assert fake.calls()[0].headers["host"] == "auth.cognite.com"
    listed = await async_client.iam.principals.list(types=["USER", "SERVICE_ACCOUNT"], limit=None)
    assert isinstance(listed, PrincipalList) and listed.as_ids() == ["u" * 22, "s1"]
    calls = fake.calls("GET /api/v1/orgs/my-org/principals")
    assert calls[0].params == [("limit", "100"), ("types", "USER"), ("types", "SERVICE_ACCOUNT")]
    assert ("cursor", "c2") in calls[1].params
    svc = await async_client.iam.principals.retrieve(external_id="svc")
    assert isinstance(svc, ServicePrincipal) and svc.created_by.org_id == "org"  # type: ignore[union-attr]
    assert await async_client.iam.principals.retrieve(id="nobody") is None
    many = await async_client.iam.principals.retrieve(id=["a"], external_id=["svc"], ignore_unknown_ids=True)
    assert isinstance(many, PrincipalList)
    assert fake.calls("POST /api/v1/orgs/my-org/principals/byids")[-1].body == {
        "items": [{"id": "a"}, {"externalId": "svc"}], "ignoreUnknownIds": True
    }  # fmt: skip
    assert len(fake.calls("GET ")) == 1  # the organization is asked for once
    with pytest.raises(ValueError, match="types"):
        await async_client.iam.principals.list(types="ROBOT")
    with pytest.raises(ValueError, match="id"):
        await async_client.iam.principals.retrieve()


async def test_principals_of_a_local_cdf_stay_local(make_fake_cdf: Any) -> None:
    fake = make_fake_cdf()
    seen: list[str] = []

    def intercept(rec: Any) -> httpx.Response:
        seen.append(rec.path)
        return httpx.Response(200, json=USER)

    fake.intercept = intercept
    config = ClientConfig("t", "p", Token("x"), base_url="http://127.0.0.1:9")
    client = AsyncCogniteClient(config, transport=fake.transport)
    await client.iam.principals.me()
    assert fake.requests[0].headers["host"] == "127.0.0.1:9" and seen == ["/api/v1/principals/me"]


async def test_principals_without_organization(routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
    routed_cdf({"GET ": {"name": "p", "urlName": "p"}})
    with pytest.raises(CogniteAPIError, match="organization"):
        await async_client.iam.principals.list()


def test_sync_client_has_every_iam_method(sync_client: Any) -> None:
    iam = sync_client.iam
    for api, names in {
        iam: ["compare_capabilities", "verify_capabilities"],
        iam.groups: ["create", "delete", "list"],
        iam.sessions: ["create", "list", "retrieve", "revoke"],
        iam.principals: ["me", "list", "retrieve"],
        iam.user_profiles: ["enable", "disable", "me", "retrieve", "list", "search"],
        iam.token: ["inspect"],
        iam.security_categories: ["create", "delete", "list"],
    }.items():
        assert all(callable(getattr(api, n)) for n in names)
    assert iam.compare_capabilities([AssetsAcl(["READ"])], [AssetsAcl(["READ"])]) == []
