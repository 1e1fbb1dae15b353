"""Contract tests: every request the Transformations API sends validates against the CDF OpenAPI spec.

Each method is called with every parameter it has, so each field of each request body is checked.
"""

from __future__ import annotations

from typing import Any

import pytest

from cognite.client import AsyncCogniteClient
from cognite.client.data_classes.transformations import (
    ContainsAny,
    DataModelInfo,
    EdgeType,
    NonceCredentials,
    OidcCredentials,
    Transformation,
    TransformationDestination,
    TransformationNotification,
    TransformationNotificationWrite,
    TransformationSchedule,
    TransformationScheduleUpdate,
    TransformationScheduleWrite,
    TransformationUpdate,
    TransformationWrite,
    ViewInfo,
)
from cognite.client.data_classes.transformations.externaldata import (
    OneLakeCredentialsWrite,
    OneLakeExternalDataSourceWrite,
    OneLakeLocationDescription,
    OneLakeSettingsWrite,
)
from cognite.client.testing import SpecCheckedCDF
from cognite.client.testing._openapi import OpenAPISpec

_DEST = {"type": "raw", "database": "db", "table": "t"}
_JOB = {"id": 7, "uuid": "u", "transformationId": 1, "transformationExternalId": "t1", "sourceProject": "p",
        "destinationProject": "p", "destination": _DEST, "conflictMode": "upsert", "query": "select 1",
        "ignoreNullFields": False, "status": "Completed", "createdTime": 0, "finishedTime": 1}  # fmt: skip
_SCHEDULE = {"id": 1, "externalId": "t1", "createdTime": 0, "lastUpdatedTime": 0, "interval": "0 * * * *",
             "isPaused": False}  # fmt: skip


def _transformation(i: int) -> dict[str, Any]:
    return {"id": i, "externalId": f"t{i}", "name": "n", "query": "select 1", "destination": _DEST,
            "conflictMode": "upsert", "isPublic": True, "createdTime": 0, "lastUpdatedTime": 0, "owner": "me",
            "ownerIsCurrentUser": True, "hasSourceOidcCredentials": False, "hasDestinationOidcCredentials": False,
            "ignoreNullFields": False, "lastFinishedJob": _JOB, "schedule": _SCHEDULE,
            "sourceSession": {"sessionId": 1, "projectName": "p"}}  # fmt: skip


_COLUMN = {"name": "id", "sqlType": "bigint", "type": "long", "nullable": True}
_SOURCE = {"externalId": "lake", "format": "one_lake", "createdTime": 0, "lastUpdatedTime": 0,
           "settings": {"credentials": {"clientId": "c", "tenantId": "t"},
                        "locationDescription": {"workspaceId": "w", "containerId": "c"}}}  # fmt: skip


class TransformationsCDF(SpecCheckedCDF):
    """Answers transformation requests with valid canned bodies."""

    def answer(self, method: str, path: str, template: str, body: Any, query: dict[str, str]) -> tuple[int, Any]:
        if template == "/sessions":
            return 200, {"items": [{"id": 5, "status": "READY", "nonce": "n0nce"}]}
        if template in ("/transformations/run",):
            return 200, {**_JOB, "status": "Created"}
        if template in ("/transformations/jobs", "/transformations/jobs/byids"):
            return 200, {"items": [_JOB]}
        if template == "/transformations/jobs/{id}/metrics":
            return 200, {"items": [{"timestamp": 0, "name": "requests", "count": 1}]}
        if template == "/transformations/query/run":
            return 200, {"schema": {"items": [_COLUMN]}, "results": {"items": [{"id": 1}]}}
        if template.startswith("/transformations/schema"):
            return 200, {"items": [_COLUMN]}
        if template.startswith("/transformations/schedules"):
            if template.endswith("/delete"):
                return 200, {}
            return (201 if template == "/transformations/schedules" and method == "POST" else 200), {
                "items": [_SCHEDULE]
            }
        if template.startswith("/transformations/notifications"):
            if template.endswith("/delete"):
                return 200, {}
            n = {"id": 3, "createdTime": 0, "lastUpdatedTime": 0, "transformationId": 1, "destination": "a@b.c"}
            return 200, {"items": [n]}
        if template.startswith("/transformations/externaldata"):
            if template.endswith("/usability"):
                return 200, {"externalId": "lake", "usableVersion": "v"}
            if template.endswith("/delete"):
                return 200, {}
            return (201 if method == "POST" else 200), {"items": [_SOURCE]}
        if template in ("/transformations/delete", "/transformations/cancel"):
            return 200, {}
        n = len(body["items"]) if body and "items" in body else 2
        return 200, {"items": [_transformation(i + 1) for i in range(n)]}


@pytest.fixture
def cdf(spec: OpenAPISpec) -> TransformationsCDF:
    return TransformationsCDF(spec)


async def test_every_transformations_request_matches_the_spec(
    client: AsyncCogniteClient, cdf: TransformationsCDF
) -> None:
    tr = client.transformations
    creds = OidcCredentials("c", "s", "https://idp/token", "p", scopes="a,b", audience="aud")
    nonce = NonceCredentials(1, "n", "p")
    destinations = [
        TransformationDestination.assets(), TransformationDestination.raw("db", "t"),
        TransformationDestination.sequence_rows("s"),
        TransformationDestination.nodes(ViewInfo("s", "V", "1"), "space"),
        TransformationDestination.edges(ViewInfo("s", "V", "1"), "space", EdgeType("s", "type")),
        TransformationDestination.instances(DataModelInfo("s", "M", "1", "Pump", "rel"), "space"),
    ]  # fmt: skip
    full = [
        TransformationWrite(f"t{i}", "n", True, "select 1", d, "upsert", False, creds, creds, 1, None, None, ["a"])
        for i, d in enumerate(destinations)
    ]
    await tr.create(full)
    await tr.create(TransformationWrite("tn", "n", source_nonce=nonce, destination_nonce=nonce))
    await tr.create(Transformation.load(_transformation(9)))
    await tr.retrieve(id=1)
    await tr.retrieve_multiple(ids=[1], external_ids=["t2"], ignore_unknown_ids=True)
    await tr.list(limit=None)
    await tr.list(include_public=False, name_regex="n", query_regex="q", destination_type="assets",
                  conflict_mode="abort", cdf_project_name="p", has_blocked_error=True, created_time={"min": 0},
                  last_updated_time={"max": 5}, data_set_ids=[1], data_set_external_ids=["ds"],
                  tags=ContainsAny(["a"]), limit=5)  # fmt: skip
    async for _ in tr(chunk_size=1, limit=3, tags=["a"]):
        pass
    await tr.update(
        TransformationUpdate(id=1).name.set("n").external_id.set("x").query.set("q")
        .destination.set(TransformationDestination.raw("a", "b")).conflict_mode.set("delete").is_public.set(True)
        .ignore_null_fields.set(False).source_oidc_credentials.set(creds).destination_oidc_credentials.set(None)
        .source_nonce.set(nonce).destination_nonce.set(None).data_set_id.set(None).tags.set(["a"])
    )  # fmt: skip
    await tr.update(TransformationUpdate(external_id="t1").tags.add(["b"]).tags.remove(["a"]).data_set_id.set(3))
    for mode in ("replace", "patch", "replace_ignore_null"):
        await tr.update(full[0], mode=mode)  # type: ignore[call-overload]
    await tr.update(Transformation.load(_transformation(1)), mode="replace")
    await tr.delete(id=[1], external_id="t2", ignore_unknown_ids=True)
    await tr.run(transformation_id=1, wait=False)
    await tr.run(transformation_external_id="t1", wait=True, timeout=1)
    await tr.cancel(transformation_id=1)
    await tr.cancel(transformation_external_id="t1")
    await tr.preview("select 1", convert_to_string=True, limit=5, source_limit=5, infer_schema_limit=5, timeout=5)
    await tr.preview("select 1", source_limit=None, infer_schema_limit=None)
    assert cdf.errors == []


async def test_every_sub_api_request_matches_the_spec(client: AsyncCogniteClient, cdf: TransformationsCDF) -> None:
    tr = client.transformations
    await tr.jobs.list(limit=None)
    await tr.jobs.list(transformation_id=1, transformation_external_id="t1", limit=5)
    await tr.jobs.retrieve(7)
    await tr.jobs.retrieve_multiple([7, 8], ignore_unknown_ids=True)
    await tr.jobs.list_metrics(7)
    await tr.schedules.create([TransformationScheduleWrite("0 * * * *", id=1),
                               TransformationScheduleWrite("0 * * * *", external_id="t1", is_paused=True)])  # fmt: skip
    await tr.schedules.create(TransformationSchedule.load(_SCHEDULE))
    await tr.schedules.retrieve(id=1)
    await tr.schedules.retrieve_multiple(ids=[1], external_ids=["t1"], ignore_unknown_ids=True)
    await tr.schedules.list(include_public=False, limit=None)
    async for _ in tr.schedules(chunk_size=1, include_public=True, limit=2):
        pass
    await tr.schedules.update(TransformationScheduleUpdate(id=1).interval.set("1 * * * *").is_paused.set(False))
    for mode in ("replace", "patch", "replace_ignore_null"):
        await tr.schedules.update(TransformationSchedule.load(_SCHEDULE), mode=mode)  # type: ignore[call-overload]
    await tr.schedules.delete(id=1, external_id=["t1"], ignore_unknown_ids=True)
    await tr.notifications.create([TransformationNotificationWrite("a@b.c", transformation_id=1),
                                   TransformationNotificationWrite("a@b.c", transformation_external_id="t1")])  # fmt: skip
    await tr.notifications.create(TransformationNotification.load({"id": 3, "transformationId": 1, "destination": "x"}))
    await tr.notifications.list(transformation_id=1, transformation_external_id="t1", destination="a@b.c", limit=None)
    async for _ in tr.notifications(chunk_size=1, limit=2):
        pass
    await tr.notifications.delete(id=[3, 4])
    for dest in (
        TransformationDestination.assets(), TransformationDestination.raw("db", "t"),
        TransformationDestination.sequence_rows("s"), TransformationDestination.nodes(ViewInfo("s", "V", "1")),
        TransformationDestination.edges(instance_space="s", edge_type=EdgeType("s", "t")),
        TransformationDestination.instances(DataModelInfo("s", "M", "1", "Pump", "rel")),
    ):  # fmt: skip
        await tr.schema.retrieve(dest, conflict_mode="upsert")
        await tr.schema.retrieve(dest)
    assert cdf.errors == []
    templates = {p for _, p in cdf.seen}
    assert {"/transformations/schema/{schemaType}", "/transformations/schema/instances",
            "/transformations/schema/sequence_rows"} <= templates  # fmt: skip


async def test_external_data_requests_match_the_spec_errata(
    client: AsyncCogniteClient, cdf: TransformationsCDF
) -> None:
    eds = client.transformations.external_data_sources
    settings = OneLakeSettingsWrite(OneLakeCredentialsWrite("c", "t", "s"), OneLakeLocationDescription("w", "c"))
    await eds.create([OneLakeExternalDataSourceWrite("lake", settings, "name", 1)])
    await eds.list(limit=None)
    async for _ in eds(chunk_size=1, limit=2):
        pass
    await eds.delete(["lake", "other"])
    await eds.verify_usability("lake")
    assert cdf.errors == []
    assert ("POST", "/transformations/externaldata/usability") in cdf.seen


def test_the_validator_catches_bad_bodies(spec: OpenAPISpec) -> None:
    assert spec.request_errors("POST", "/transformations", {"items": [{"externalId": "t", "name": "n"}]})
    assert spec.request_errors("POST", "/transformations/run", {"id": "one"})
    assert spec.request_errors("POST", "/transformations/schedules", {"items": [{"externalId": "t"}]})
    assert spec.request_errors(
        "POST", "/transformations/externaldata", {"items": [{"externalId": "x", "format": "s3"}]}
    )
    assert spec.response_errors(
        "GET", "/transformations/externaldata", 200,
        {"items": [{**_SOURCE, "settings": {**_SOURCE["settings"], "credentials": {"clientId": "c", "tenantId": "t",
                                                                                      "clientSecret": "leak"}}}]},
    )  # fmt: skip
