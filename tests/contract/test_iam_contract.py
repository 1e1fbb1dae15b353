"""Contract tests: every request client.iam sends validates against the CDF OpenAPI spec, the routes outside the
project (token inspection on the cluster, principals on the organization API) included."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from cognite.client import AsyncCogniteClient
from cognite.client.data_classes import ClientCredentials, GroupWrite, SecurityCategoryWrite
from cognite.client.data_classes.capabilities import AssetsAcl, DataSetScope, RawAcl, TableScope
from cognite.client.data_classes.iam import GroupAttributes, GroupAttributesToken
from cognite.client.testing import SpecCheckedCDF
from cognite.client.testing._contract import ContractRequest, _decode
from cognite.client.testing._openapi import OpenAPISpec

USER = {"id": "u" * 22, "type": "USER", "name": "Ada", "pictureUrl": "https://x/p.png"}
PROFILE = {"userIdentifier": "u1", "lastUpdatedTime": 1, "displayName": "Ada"}
SESSION = {"id": 5, "type": "TOKEN_EXCHANGE", "status": "READY", "creationTime": 1, "expirationTime": 2}


class IamCDF(SpecCheckedCDF):
    """Answers client.iam requests with valid canned bodies; checks requests outside the project too."""

    def answer(self, method: str, path: str, template: str, body: Any, query: dict[str, str]) -> tuple[int, Any]:
        group = {"id": 1, "name": "g", "isDeleted": False}
        if (method, template) == ("POST", "/groups"):
            return 201, {"items": [{**g, "id": 2, "isDeleted": False} for g in body["items"]]}
        answers: dict[tuple[str, str], tuple[int, Any]] = {
            ("GET", "/groups"): (200, {"items": [group]}),
            ("POST", "/groups/delete"): (200, {}),
            ("GET", "/securitycategories"): (200, {"items": [{"id": 1, "name": "c"}]}),
            ("POST", "/securitycategories"): (201, {"items": [{"id": 1, "name": "c"}]}),
            ("POST", "/securitycategories/delete"): (200, {}),
            ("GET", "/sessions"): (200, {"items": [SESSION]}),
            ("POST", "/sessions"): (200, {"items": [{"id": 5, "status": "READY", "nonce": "n"}]}),
            ("POST", "/sessions/byids"): (200, {"items": [SESSION]}),
            ("POST", "/sessions/revoke"): (200, {"items": [{**SESSION, "status": "REVOKED"}]}),
            ("GET", "/profiles"): (200, {"items": [PROFILE]}),
            ("GET", "/profiles/me"): (200, PROFILE),
            ("POST", "/profiles/byids"): (200, {"items": [PROFILE]}),
            ("POST", "/profiles/search"): (200, {"items": [PROFILE]}),
            ("POST", "/update"): (200, {"name": "contract", "urlName": "contract", "userProfilesConfiguration": {"enabled": True}}),
            ("GET", "/"): (200, {"name": "contract", "urlName": "contract", "organization": "contract-org"}),
        }  # fmt: skip
        return answers[(method, template)]

    def answer_external(self, request: httpx.Request) -> httpx.Response:
        path = request.url.raw_path.split(b"?", 1)[0].decode("ascii")
        body, query = _decode(request), dict(request.url.params)
        op = self.spec.find_operation(request.method, path)
        if op is None:
            self.errors.append(f"{request.method} {path}: no such operation in the CDF API spec")
            return httpx.Response(404)
        self.requests.append(ContractRequest(request.method, path, op.path, body, query))
        self.errors += [
            f"{request.method} {path}: {e}" for e in self.spec.request_errors(request.method, path, body, query or None)
        ]
        answers = {
            "/token/inspect": {"subject": "s", "projects": [{"projectUrlName": "contract", "groups": [1]}], "capabilities": []},
            "/api/v1/principals/me": USER,
            "/api/v1/orgs/{org}/principals": {"items": [USER]},
            "/api/v1/orgs/{org}/principals/byids": {"items": [USER]},
        }  # fmt: skip
        answer = answers[op.path]
        self.errors += [f"{path}: {e}" for e in self.spec.response_errors(request.method, path, 200, answer)]
        return httpx.Response(200, json=answer)


@pytest.fixture
def cdf(spec: OpenAPISpec) -> IamCDF:
    return IamCDF(spec)


async def test_every_iam_request_matches_the_spec(client: AsyncCogniteClient, cdf: IamCDF) -> None:
    iam = client.iam
    await iam.groups.list()
    await iam.groups.list(all=True)
    await iam.groups.create(
        GroupWrite(
            "g", source_id="s", metadata={"k": "v"},
            capabilities=[AssetsAcl(["READ"], DataSetScope([1])), RawAcl(["READ"], TableScope({"db": ["t"]}))],
            attributes=GroupAttributes(token=GroupAttributesToken(app_ids=["app"])),
        )
    )  # fmt: skip
    await iam.groups.create([GroupWrite("h", members="allUserAccounts"), GroupWrite("i", members=["u" * 22])])
    await iam.groups.delete([1, 2])
    await iam.security_categories.list(limit=None, sort="ASC")
    await iam.security_categories.create(SecurityCategoryWrite("c"))
    await iam.security_categories.delete(1)
    await iam.sessions.create(ClientCredentials("app", "secret"))
    await iam.sessions.create(session_type="TOKEN_EXCHANGE")
    await iam.sessions.create(session_type="ONESHOT_TOKEN_EXCHANGE")
    for status in ("READY", "ACTIVE", "CANCELLED", "REVOKED", "ACCESS_LOST"):
        await iam.sessions.list(status=status, limit=None)  # type: ignore[arg-type]
    await iam.sessions.retrieve([5])
    await iam.sessions.revoke(5)
    await iam.token.inspect()
    await iam.verify_capabilities([AssetsAcl(["READ"])])
    await iam.user_profiles.enable()
    await iam.user_profiles.disable()
    await iam.user_profiles.me()
    await iam.user_profiles.list(limit=None)
    await iam.user_profiles.retrieve(["u1"])
    await iam.user_profiles.search("ada", limit=10)
    await iam.principals.me()
    await iam.principals.list(types="USER", limit=None)
    await iam.principals.retrieve(id=["u" * 22], external_id=["svc"], ignore_unknown_ids=True)
    assert cdf.errors == []
    templates = {(r.method, r.template) for r in cdf.requests}
    assert {("GET", "/token/inspect"), ("GET", "/api/v1/orgs/{org}/principals"), ("POST", "/update")} <= templates
    assert len(templates) == 20  # every route client.iam uses
