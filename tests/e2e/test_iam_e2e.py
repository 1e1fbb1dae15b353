"""End to end: every client.iam method, SDK against the emulator over loopback HTTP.

The emulator (``conftest.py``) validates every request and response against the CDF spec, the routes outside the
project included (token inspection; the principals, which a client on loopback sends to its base URL).
"""

from __future__ import annotations

import doctest
from collections.abc import Iterator

import pytest

from cognite.client import AsyncCogniteClient, ClientConfig, CogniteClient
from cognite.client.credentials import Token
from cognite.client.data_classes import (
    ClientCredentials,
    GroupList,
    GroupWrite,
    RevokedSessionList,
    SecurityCategoryWrite,
    SessionList,
)
from cognite.client.data_classes.capabilities import (
    AllScope,
    AssetsAcl,
    DataSetScope,
    EventsAcl,
    GroupsAcl,
    RawAcl,
    TableScope,
    UnknownAcl,
)
from cognite.client.data_classes.principals import PrincipalList, ServicePrincipal, UserPrincipal
from cognite.client.exceptions import CogniteAPIError
from cognite.client.testing import CDFEmulator, EmulatorServer
from cognite.client.testing._families_iam import ADMIN_GROUP, EMULATED_SUBJECT

pytestmark = pytest.mark.e2e


@pytest.fixture
def config(server: EmulatorServer, request: pytest.FixtureRequest) -> ClientConfig:
    """A project of its own per test, named within CDF's 32 characters (token inspection answers the names)."""
    project = "iam-" + request.node.name.removeprefix("test_").replace("_", "-")[:28].strip("-").lower()
    return ClientConfig("e2e", project, Token("t"), base_url=server.url)


@pytest.fixture
def client(config: ClientConfig, emulator: CDFEmulator) -> Iterator[CogniteClient]:
    with CogniteClient(config) as c:
        yield c
    assert emulator.spec_violations == [] and emulator.invalid_requests == []


def test_groups_and_capabilities_over_loopback(client: CogniteClient) -> None:
    iam = client.iam
    admins = iam.groups.list()
    assert admins.as_names() == [ADMIN_GROUP] and isinstance(admins, GroupList)
    unknown = {"futureAcl": {"actions": ["DREAM"], "scope": {"all": {}}}}
    readers = iam.groups.create(
        GroupWrite(
            "readers",
            capabilities=[
                AssetsAcl([AssetsAcl.Action.Read], DataSetScope([1, 2])),
                RawAcl([RawAcl.Action.Read], TableScope({"db": ["t"]})),
                UnknownAcl.load(unknown),
            ],
            members=["someone-else-000000000"],
        )
    )
    assert isinstance(readers.capabilities[2], UnknownAcl) and readers.capabilities[2].dump() == unknown  # type: ignore[index]
    assert readers.as_write().members == ["someone-else-000000000"]
    assert iam.groups.list().as_names() == [ADMIN_GROUP]  # not a member
    assert set(iam.groups.list(all=True).as_names()) == {ADMIN_GROUP, "readers"}
    assert iam.verify_capabilities([GroupsAcl([GroupsAcl.Action.List], AllScope())]) == []
    iam.groups.delete(admins[0].id)
    mine = iam.groups.create(
        GroupWrite("mine", capabilities=[AssetsAcl(["READ"], AllScope())], members="allUserAccounts")
    )
    missing = iam.verify_capabilities(
        [AssetsAcl(["READ"], DataSetScope([9])), EventsAcl(["WRITE"], DataSetScope([1, 2])), mine]
    )
    assert missing == [EventsAcl(["WRITE"], DataSetScope([1])), EventsAcl(["WRITE"], DataSetScope([2]))]
    inspection = iam.token.inspect()
    assert inspection.subject == EMULATED_SUBJECT
    assert {p.url_name for p in inspection.projects} >= {client.config.project, "emulated"}
    iam.groups.delete([readers.id, mine.id])
    assert iam.groups.list(all=True) == GroupList([])
    with pytest.raises(CogniteAPIError) as err:
        iam.groups.delete(readers.id)
    assert err.value.code == 400


def test_security_categories_and_sessions_over_loopback(client: CogniteClient) -> None:
    iam = client.iam
    cats = iam.security_categories.create([SecurityCategoryWrite(n) for n in "cab"])
    assert iam.security_categories.list(limit=None).as_names() == ["a", "b", "c"]
    assert iam.security_categories.list(limit=2, sort="DESC").as_names() == ["c", "b"]
    iam.security_categories.delete(cats.as_ids())
    assert len(iam.security_categories.list(limit=None)) == 0

    created = [
        iam.sessions.create(ClientCredentials("app", "s3cr3t")),
        iam.sessions.create(),  # a Token credential: token exchange
        iam.sessions.create(session_type="ONESHOT_TOKEN_EXCHANGE"),
    ]
    assert [s.type for s in created] == ["CLIENT_CREDENTIALS", "TOKEN_EXCHANGE", "ONESHOT_TOKEN_EXCHANGE"]
    ids = [s.id for s in created]
    listed = iam.sessions.list(limit=None)
    assert isinstance(listed, SessionList) and sorted(listed.as_ids()) == sorted(ids)
    assert iam.sessions.retrieve(ids[0]).client_id == "app"
    revoked = iam.sessions.revoke(ids[:2])
    assert isinstance(revoked, RevokedSessionList) and {s.status for s in revoked} == {"REVOKED"}
    assert sorted(iam.sessions.list(status="REVOKED").as_ids()) == sorted(ids[:2])
    assert iam.sessions.list(status="READY", limit=5).as_ids() == [ids[2]]


def test_user_profiles_and_principals_over_loopback(client: CogniteClient) -> None:
    profiles = client.iam.user_profiles
    assert profiles.disable().enabled is False and profiles.enable().enabled is True
    me = profiles.me()
    assert me.user_identifier == EMULATED_SUBJECT
    assert profiles.retrieve(EMULATED_SUBJECT) == me and profiles.retrieve("ghost") is None
    assert profiles.retrieve([EMULATED_SUBJECT]).get(user_identifier=EMULATED_SUBJECT) == me  # type: ignore[union-attr]
    assert profiles.list(limit=None)[0] == me and profiles.search("Emulated", limit=1)[0] == me

    principals = client.iam.principals
    assert isinstance(principals.me(), UserPrincipal)
    everyone = principals.list(limit=None)
    assert isinstance(everyone, PrincipalList) and everyone.as_ids() == [EMULATED_SUBJECT, "emulated-service-account"]
    assert principals.list(types="SERVICE_ACCOUNT", limit=1).as_ids() == ["emulated-service-account"]
    svc = principals.retrieve(external_id="emulated-service-account")
    assert isinstance(svc, ServicePrincipal) and svc.created_by.user_id == EMULATED_SUBJECT  # type: ignore[union-attr]
    both = principals.retrieve(id=[EMULATED_SUBJECT, "ghost"], ignore_unknown_ids=True)
    assert both.as_ids() == [EMULATED_SUBJECT]  # type: ignore[union-attr]
    with pytest.raises(CogniteAPIError):
        principals.retrieve(id=["ghost"])


async def test_async_iam(config: ClientConfig, emulator: CDFEmulator) -> None:
    async with AsyncCogniteClient(config) as client:
        groups = await client.iam.groups.list(all=True)
        assert groups.as_names() == [ADMIN_GROUP]
        missing = await client.iam.verify_capabilities({"assetsAcl": {"actions": ["READ"], "scope": {"all": {}}}})
        assert missing == []
        session = await client.iam.sessions.create(session_type="TOKEN_EXCHANGE")
        assert (await client.iam.sessions.revoke(session.id)).status == "REVOKED"
        assert (await client.iam.principals.me()).id == EMULATED_SUBJECT
    assert emulator.spec_violations == []


def test_docstring_examples_run_against_the_emulator() -> None:
    import cognite.client._api.iam as iam_module
    import cognite.client._api.principals as principals_module
    import cognite.client._api.user_profiles as profiles_module
    import cognite.client.data_classes.capabilities as capabilities_module
    import cognite.client.data_classes.iam as iam_classes
    import cognite.client.data_classes.principals as principal_classes
    import cognite.client.data_classes.user_profiles as profile_classes

    modules = (
        iam_module, principals_module, profiles_module, capabilities_module, iam_classes, principal_classes,
        profile_classes,
    )  # fmt: skip
    for module in modules:
        finder = doctest.DocTestFinder()
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
        tests = [t for t in finder.find(module) if t.examples]
        assert tests, module.__name__
        for test in tests:
            runner.run(test)
        assert runner.failures == 0, module.__name__
