"""The Transformations API (transformations, jobs, schedules, notifications, schema, preview, external data) and its
data classes, against a fake CDF behind ``httpx.MockTransport``."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from cognite.client import AsyncCogniteClient, CogniteClient
from cognite.client.data_classes import Transformation as RootTransformation
from cognite.client.data_classes.transformations import (
    ContainsAny,
    DataModelInfo,
    Edges,
    EdgeType,
    Instances,
    Nodes,
    NonceCredentials,
    OidcCredentials,
    RawTable,
    SequenceRowsDestination,
    Transformation,
    TransformationDestination,
    TransformationFilter,
    TransformationJob,
    TransformationJobStatus,
    TransformationList,
    TransformationNotification,
    TransformationNotificationWrite,
    TransformationPreviewResult,
    TransformationSchedule,
    TransformationScheduleUpdate,
    TransformationScheduleWrite,
    TransformationUpdate,
    TransformationWrite,
    ViewInfo,
)
from cognite.client.data_classes.transformations.externaldata import (
    ExternalDataSource,
    ExternalDataSourceList,
    OneLakeCredentialsWrite,
    OneLakeExternalDataSourceWrite,
    OneLakeLocationDescription,
    OneLakeSettingsWrite,
)
from cognite.client.data_classes.transformations.schema import (
    TransformationSchemaArrayType,
    TransformationSchemaColumn,
    TransformationSchemaMapType,
    TransformationSchemaStructType,
    TransformationSchemaType,
    TransformationSchemaUnknownType,
)
from cognite.client.exceptions import CogniteAPIError, CogniteMissingClientError, CogniteNotFoundError

_DEST = {"type": "raw", "database": "db", "table": "t"}


def transformation(i: int, **fields: Any) -> dict[str, Any]:
    return {"id": i, "externalId": f"t{i}", "name": f"T{i}", "query": "select 1", "destination": _DEST,
            "conflictMode": "upsert", "isPublic": True, "ignoreNullFields": False, "createdTime": 1,
            "lastUpdatedTime": 2, "owner": "me", "ownerIsCurrentUser": True, "hasSourceOidcCredentials": False,
            "hasDestinationOidcCredentials": False, **fields}  # fmt: skip


def job(i: int, status: str, **fields: Any) -> dict[str, Any]:
    return {"id": i, "uuid": "u", "status": status, "transformationId": 1, "transformationExternalId": "t1",
            "destination": _DEST, "conflictMode": "upsert", "query": "q", "ignoreNullFields": False,
            "createdTime": 0, **fields}  # fmt: skip


def bodies(fake: Any, endpoint: str) -> list[Any]:
    return [r.body for r in fake.calls(endpoint)]


def params(fake: Any, endpoint: str) -> list[dict[str, str]]:
    return [dict(r.params) for r in fake.calls(endpoint)]


SESSION = {"items": [{"id": 5, "status": "READY", "nonce": "n0nce"}]}


class TestDataClasses:
    def test_destinations_load_as_their_class(self) -> None:
        cases = {
            "raw": (RawTable, {"database": "d", "table": "t"}),
            "sequence_rows": (SequenceRowsDestination, {"externalId": "s"}),
            "nodes": (Nodes, {"view": {"space": "s", "externalId": "V", "version": "1"}, "instanceSpace": "i"}),
            "edges": (Edges, {"edgeType": {"space": "s", "externalId": "e"}}),
            "instances": (Instances, {"dataModel": {"space": "s", "externalId": "M", "version": "1",
                                                    "destinationType": "Pump"}}),
            "assets": (TransformationDestination, {}),
        }  # fmt: skip
        for kind, (cls, fields) in cases.items():
            dest = TransformationDestination.load({"type": kind, **fields})
            assert type(dest) is cls and dest.type == kind
            assert TransformationDestination.load(dest.dump()) == dest
        assert TransformationDestination.nodes(ViewInfo("s", "V", "1")).view == ViewInfo("s", "V", "1")
        assert TransformationDestination.instances(DataModelInfo("s", "M", "1", "P")).data_model.destination_type == "P"  # type: ignore[union-attr]
        assert TransformationDestination.edges(edge_type=EdgeType("s", "e")).dump() == {
            "edgeType": {"space": "s", "externalId": "e"}, "type": "edges"}  # fmt: skip
        for name in ("assets", "timeseries", "asset_hierarchy", "events", "datapoints", "string_datapoints",
                     "sequences", "files", "labels", "relationships", "data_sets"):  # fmt: skip
            assert getattr(TransformationDestination, name)().type == name
        assert TransformationDestination.sequence_rows("s").external_id == "s"
        with pytest.raises(TypeError):
            TransformationDestination.load([1])  # type: ignore[arg-type]

    def test_credentials_never_show_secrets(self) -> None:
        creds = OidcCredentials("app", "s3cr3t", "https://idp/token", "p", scopes=["a", "b"], audience="aud")
        nonce = NonceCredentials(3, "n0nce", "p")
        assert "s3cr3t" not in repr(creds) and "n0nce" not in repr(nonce) and creds.scopes == "a,b"
        provider = creds.as_credential_provider()
        assert "s3cr3t" not in repr(provider)
        t = Transformation(id=1, external_id="x", name="X", source_oidc_credentials=creds, destination_nonce=nonce)
        assert "s3cr3t" not in repr(t) and "n0nce" not in repr(t)
        dumped = t.dump()
        assert dumped["sourceOidcCredentials"]["clientSecret"] == "***" and dumped["destinationNonce"]["nonce"] == "***"
        assert t.dump(camel_case=False)["source_oidc_credentials"]["client_secret"] == "***"
        write = t.as_write()
        assert write.dump()["sourceOidcCredentials"]["clientSecret"] == "s3cr3t"  # the write form sends it
        assert "s3cr3t" not in repr(write)
        with pytest.raises(TypeError, match="client_secret"):
            OidcCredentials("app", "", "u", "p")
        with pytest.raises(TypeError, match="session_id"):
            NonceCredentials("1", "n", "p")  # type: ignore[arg-type]

    def test_transformation_load_dump_and_write(self) -> None:
        raw = transformation(1, runningJob=job(2, "Running"), lastFinishedJob=job(1, "Completed"),
                             blocked={"reason": "r", "createdTime": 3}, tags=["a"], unknownField=1,
                             schedule={"id": 1, "externalId": "t1", "interval": "0 * * * *", "isPaused": True},
                             sourceSession={"sessionId": 1, "clientId": "c", "projectName": "p"})  # fmt: skip
        t = Transformation.load(raw)
        assert isinstance(t.destination, RawTable) and t.destination.table == "t"
        assert t.running_job.status == TransformationJobStatus.RUNNING  # type: ignore[union-attr]
        assert t.last_finished_job.destination == RawTable("db", "t")  # type: ignore[union-attr]
        assert t.schedule.is_paused and t.blocked.reason == "r" and t.source_session.client_id == "c"  # type: ignore[union-attr]
        assert Transformation.load(t.dump()) == t and Transformation.load(t.dump(camel_case=False)) == t
        assert t.copy() == t and t.copy() is not t
        w = t.as_write()
        assert w.dump() == {"externalId": "t1", "name": "T1", "ignoreNullFields": False, "query": "select 1",
                            "destination": {"database": "db", "table": "t", "type": "raw"}, "conflictMode": "upsert",
                            "isPublic": True, "tags": ["a"]}  # fmt: skip
        assert w.as_write() is w and TransformationWrite.load(w.dump()) == w
        assert TransformationList.load([raw]).as_write()[0] == w
        assert RootTransformation is Transformation
        with pytest.raises(ValueError, match="conflict_mode"):
            TransformationWrite("x", "X", conflict_mode="merge")
        with pytest.raises(TypeError, match="name"):
            TransformationWrite("x", "")
        with pytest.raises(ValueError, match="external_id"):
            Transformation(id=1).as_write()
        with pytest.raises(CogniteMissingClientError):
            t.run()

    def test_update_filter_and_preview(self) -> None:
        upd = (TransformationUpdate(id=1).destination.set(TransformationDestination.events()).tags.remove(["a"])
               .source_nonce.set(NonceCredentials(1, "n", "p")).data_set_id.set(None))  # fmt: skip
        assert upd.dump() == {"id": 1, "update": {
            "destination": {"set": {"type": "events"}}, "tags": {"remove": ["a"]},
            "sourceNonce": {"set": {"sessionId": 1, "nonce": "n", "cdfProjectName": "p"}},
            "dataSetId": {"setNull": True}}}  # fmt: skip
        flt = TransformationFilter(include_public=False, destination_type="raw", tags=ContainsAny(["x"]))
        assert flt.dump() == {"destinationType": "raw", "tags": {"containsAny": ["x"]}, "isPublic": False}
        assert ContainsAny(["x"]) == ContainsAny(["x"]) and repr(ContainsAny(["x"])) == "ContainsAny(['x'])"
        res = TransformationPreviewResult.load({"schema": {"items": [{"name": "a", "sqlType": "int", "type": "integer",
                                                                       "nullable": False}]},
                                                "results": {"items": [{"a": 1}]}})  # fmt: skip
        assert res.results == [{"a": 1}] and res.schema[0].sql_type == "int"  # type: ignore[index]
        assert res.dump()["schema"][0]["type"] == "integer"

    def test_schema_types(self) -> None:
        load = TransformationSchemaType.load
        assert load("long") == TransformationSchemaType("long")
        array = load({"type": "array", "elementType": "string", "containsNull": True})
        assert (
            isinstance(array, TransformationSchemaArrayType)
            and array.dump(camel_case=False)["element_type"] == "string"
        )
        mapped = load({"type": "map", "keyType": "string", "valueType": "long", "valueContainsNull": False})
        assert isinstance(mapped, TransformationSchemaMapType) and mapped.dump()["valueType"] == "long"
        assert mapped.dump(camel_case=False)["value_type"] == "long"
        struct = load({"type": "struct", "fields": [{"name": "x"}]})
        assert isinstance(struct, TransformationSchemaStructType) and struct.dump()["fields"] == [{"name": "x"}]
        unknown = load({"type": "udt", "x": 1})
        assert isinstance(unknown, TransformationSchemaUnknownType) and unknown.dump() == {"type": "udt", "x": 1}
        assert "udt" in repr(unknown)
        col = TransformationSchemaColumn.load({"name": "c", "sqlType": "bigint", "type": "long", "nullable": True})
        assert col.dump(camel_case=False) == {"name": "c", "sql_type": "bigint", "type": "long", "nullable": True}

    def test_jobs_schedules_notifications_external_data(self) -> None:
        j = TransformationJob.load(job(1, "Mystery"))
        assert j.status == "Mystery"  # a status this SDK does not know stays a str
        sched = TransformationSchedule.load({"id": 1, "externalId": "t1", "interval": "0 * * * *"})
        assert sched.as_write() == TransformationScheduleWrite("0 * * * *", id=1)
        assert TransformationScheduleWrite("0 * * * *", external_id="x", is_paused=True).dump(camel_case=False) == {
            "interval": "0 * * * *", "external_id": "x", "is_paused": True}  # fmt: skip
        with pytest.raises(ValueError):
            TransformationScheduleWrite("0 * * * *")
        with pytest.raises(ValueError, match="interval"):
            TransformationSchedule(id=1).as_write()
        assert TransformationScheduleUpdate(external_id="x").interval.set("1 * * * *").dump() == {
            "externalId": "x", "update": {"interval": {"set": "1 * * * *"}}}  # fmt: skip
        n = TransformationNotification.load({"id": 1, "transformationId": 2, "destination": "a@b"})
        assert n.as_write() == TransformationNotificationWrite("a@b", transformation_id=2)
        assert TransformationNotification(transformation_external_id="x", destination="a").as_write().dump() == {
            "destination": "a", "transformationExternalId": "x"}  # fmt: skip
        with pytest.raises(ValueError):
            TransformationNotificationWrite("a@b", transformation_id=1, transformation_external_id="x")
        source = ExternalDataSource.load({"externalId": "l", "format": "one_lake", "settings": {
            "credentials": {"clientId": "c", "tenantId": "t"}, "locationDescription": {"workspaceId": "w",
                                                                                        "containerId": "k"}}})  # fmt: skip
        assert source.dump()["format"] == "one_lake"
        with pytest.raises(ValueError, match="secret"):
            source.as_write()
        assert (
            type(ExternalDataSource.load({"externalId": "x", "format": "snowflake"})).__name__
            == "UnknownCogniteResource"
        )
        creds = OneLakeCredentialsWrite("c", "t", "s3cr3t")
        assert "s3cr3t" not in repr(creds) and "s3cr3t" not in repr(
            OneLakeExternalDataSourceWrite("l", OneLakeSettingsWrite(creds, OneLakeLocationDescription("w", "k")))
        )
        with pytest.raises(TypeError):
            OneLakeCredentialsWrite("c", "t", "")


class TestTransformationsAPI:
    async def test_create_makes_sessions_and_never_sends_secrets(
        self, routed_cdf: Any, async_client: AsyncCogniteClient
    ) -> None:
        fake = routed_cdf({
            "POST /sessions": lambda body: SESSION,
            "POST /transformations": lambda body: {"items": [transformation(i + 1) for i in range(len(body["items"]))]},
        })  # fmt: skip
        creds = OidcCredentials("app", "s3cr3t", "https://idp/token", "other-project")
        created = await async_client.transformations.create([
            TransformationWrite("a", "A", source_oidc_credentials=creds, destination_oidc_credentials=creds),
            TransformationWrite("b", "B"),
            TransformationWrite("c", "C", source_nonce=NonceCredentials(9, "n", "p"),
                                destination_nonce=NonceCredentials(9, "n", "p")),
        ])  # fmt: skip
        assert isinstance(created, TransformationList) and len(created) == 3
        sessions = bodies(fake, "POST /sessions")
        assert sessions == [
            {"items": [{"clientId": "app", "clientSecret": "s3cr3t"}]},
            {"items": [{"tokenExchange": True}]},
        ]
        sent = bodies(fake, "POST /transformations")[0]["items"]
        assert "s3cr3t" not in str(sent)
        assert sent[0]["sourceNonce"] == {"sessionId": 5, "nonce": "n0nce", "cdfProjectName": "other-project"}
        assert sent[1]["destinationNonce"]["cdfProjectName"] == async_client.config.project
        assert sent[2]["sourceNonce"]["sessionId"] == 9
        assert sent[0]["ignoreNullFields"] is False and sent[0]["isPublic"] is True
        one = await async_client.transformations.create(Transformation.load(transformation(4)))
        assert isinstance(one, Transformation)
        with pytest.raises(TypeError, match="transformation"):
            await async_client.transformations.create([{"externalId": "x"}])  # type: ignore[list-item]

    async def test_sessions_on_update_and_when_cdf_refuses_them(
        self, routed_cdf: Any, async_client: AsyncCogniteClient
    ) -> None:
        refused = httpx.Response(403, json={"error": {"code": 403, "message": "no sessions:create"}})
        fake = routed_cdf({
            "POST /sessions": [SESSION, refused],
            "POST /transformations/update": lambda body: {"items": [transformation(1) for _ in body["items"]]},
            "POST /transformations": lambda body: {"items": [transformation(1)]},
        })  # fmt: skip
        creds = OidcCredentials("app", "s3cr3t", "https://idp/token", "p")
        await async_client.transformations.update(
            [TransformationWrite("a", "A", source_oidc_credentials=creds), TransformationWrite("b", "B")]
        )
        sent = bodies(fake, "POST /transformations/update")[0]["items"]
        assert sent[0]["update"]["sourceNonce"] == {"set": {"sessionId": 5, "nonce": "n0nce", "cdfProjectName": "p"}}
        assert "sourceOidcCredentials" not in sent[0]["update"] and "sourceNonce" not in sent[1]["update"]
        assert len(bodies(fake, "POST /sessions")) == 1  # no session for an update without credentials
        await async_client.transformations.create(TransformationWrite("c", "C"))  # the session is refused
        assert "sourceNonce" not in bodies(fake, "POST /transformations")[0]["items"][0]

    async def test_read_list_update_delete(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake = routed_cdf({
            "POST /transformations/byids": lambda body: {"items": [transformation(1)] if body["items"][0].get("id") == 1 else []},
            "POST /transformations/filter": [{"items": [transformation(1)], "nextCursor": "c"}, {"items": [transformation(2)]}],
            "POST /transformations/update": lambda body: {"items": [transformation(1)]},
            "POST /transformations/delete": {},
        })  # fmt: skip
        tr = async_client.transformations
        assert (await tr.retrieve(id=1)).external_id == "t1"  # type: ignore[union-attr]
        assert await tr.retrieve(external_id="x") is None
        assert bodies(fake, "POST /transformations/byids")[-1] == {
            "items": [{"externalId": "x"}], "ignoreUnknownIds": True, "withJobDetails": True}  # fmt: skip
        await tr.retrieve_multiple(ids=[1], ignore_unknown_ids=True)
        listed = await tr.list(limit=None, destination_type="raw", data_set_external_ids=["ds"], tags=["a"])
        assert listed.as_ids() == [1, 2]
        first, second = bodies(fake, "POST /transformations/filter")
        assert first == {"limit": 1000, "filter": {"destinationType": "raw", "dataSetIds": [{"externalId": "ds"}],
                                                   "tags": {"containsAny": ["a"]}, "isPublic": True}}  # fmt: skip
        assert second["cursor"] == "c"
        await tr.update(TransformationUpdate(id=1).query.set("q"))
        await tr.update(TransformationWrite("t1", "T"), mode="replace")
        sent = bodies(fake, "POST /transformations/update")[-1]["items"][0]
        assert sent["externalId"] == "t1" and sent["update"]["sourceOidcCredentials"] == {"setNull": True}
        await tr.delete(id=1, external_id=["a"], ignore_unknown_ids=True)
        assert bodies(fake, "POST /transformations/delete") == [
            {"items": [{"id": 1}, {"externalId": "a"}], "ignoreUnknownIds": True}]  # fmt: skip

    async def test_run_waits_by_polling(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake = routed_cdf({
            "POST /transformations/run": job(7, "Created"),
            "POST /transformations/jobs/byids": [{"items": [job(7, "Running")]}, {"items": [job(7, "Completed")]}],
        })  # fmt: skip
        done = await async_client.transformations.run(transformation_external_id="t1")
        assert done.status == TransformationJobStatus.COMPLETED
        assert bodies(fake, "POST /transformations/run") == [{"externalId": "t1"}]
        assert len(bodies(fake, "POST /transformations/jobs/byids")) == 2

    async def test_run_timeout_returns_the_job_as_it_is(
        self, routed_cdf: Any, async_client: AsyncCogniteClient
    ) -> None:
        routed_cdf({"POST /transformations/run": job(7, "Created"),
                    "POST /transformations/jobs/byids": lambda body: {"items": [job(7, "Running")]}})  # fmt: skip
        timed = await async_client.transformations.run(transformation_id=1, timeout=0.12)
        assert timed.status == TransformationJobStatus.RUNNING
        not_waited = await async_client.transformations.run(transformation_id=1, wait=False)
        assert not_waited.status == TransformationJobStatus.CREATED

    async def test_cancel_preview_and_errors(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake = routed_cdf({
            "POST /transformations/cancel": [{}, httpx.Response(400, json={"error": {"code": 400, "message": "no job"}})],
            "POST /transformations/query/run": {"schema": {"items": []}, "results": {"items": [{"a": "1"}]}},
        })  # fmt: skip
        await async_client.transformations.cancel(transformation_id=3)
        with pytest.raises(CogniteAPIError, match="no job"):
            await async_client.transformations.cancel(transformation_external_id="t")
        res = await async_client.transformations.preview("select 1", convert_to_string=True, source_limit=None)
        assert res.results == [{"a": "1"}]
        assert bodies(fake, "POST /transformations/query/run") == [
            {"query": "select 1", "convertToString": True, "limit": 100, "inferSchemaLimit": 10000, "timeout": 240}]  # fmt: skip

    async def test_bad_arguments_fail_before_any_request(
        self, routed_cdf: Any, async_client: AsyncCogniteClient
    ) -> None:
        fake = routed_cdf({})
        tr = async_client.transformations
        with pytest.raises(ValueError, match="transformation_id"):
            await tr.run()
        with pytest.raises(ValueError, match="transformation_id"):
            await tr.cancel(transformation_id=1, transformation_external_id="x")
        with pytest.raises(TypeError, match="transformation_id"):
            await tr.run(transformation_id="1")  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="timeout"):
            await tr.run(transformation_id=1, timeout=-1)
        with pytest.raises(ValueError, match="destination_type"):
            await tr.list(destination_type="rocks")
        with pytest.raises(ValueError, match="conflict_mode"):
            await tr.list(conflict_mode="merge")
        with pytest.raises(TypeError, match="tags"):
            await tr.list(tags="a")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="created_time"):
            await tr.list(created_time=5)  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="limit"):
            await tr.preview("select 1", limit=0)
        with pytest.raises(TypeError, match="ignore_unknown_ids"):
            await tr.delete(id=1, ignore_unknown_ids="yes")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="id"):
            await tr.jobs.retrieve("1")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="destination"):
            await tr.schema.retrieve("assets")  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="conflict_mode"):
            await tr.schema.retrieve(TransformationDestination.assets(), conflict_mode="merge")
        with pytest.raises(TypeError, match="external_id"):
            await tr.external_data_sources.verify_usability("")
        with pytest.raises(ValueError, match="id"):
            await tr.notifications.delete()
        with pytest.raises(TypeError, match="include_public"):
            await tr.schedules.list(include_public="yes")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="transformation_external_id"):
            await tr.notifications.list(transformation_external_id=1)  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="polling_interval"):
            await TransformationJob(id=1).wait_async(polling_interval=0)
        assert fake.calls() == []


class TestSubAPIs:
    async def test_jobs(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake = routed_cdf({
            "GET /transformations/jobs": {"items": [job(2, "Completed"), job(1, "Failed", error="boom")]},
            "POST /transformations/jobs/byids": lambda body: {"items": [job(i["id"], "Completed") for i in body["items"] if i["id"] < 10]},
            "GET /transformations/jobs/2/metrics": {"items": [{"timestamp": 1, "name": "requests", "count": 1}]},
        })  # fmt: skip
        jobs = await async_client.transformations.jobs.list(transformation_id=1, transformation_external_id="t1")
        assert jobs.as_ids() == [2, 1] and jobs[1].error == "boom"
        assert params(fake, "GET /transformations/jobs") == [
            {"transformationId": "1", "transformationExternalId": "t1", "limit": "25"}]  # fmt: skip
        assert (await async_client.transformations.jobs.retrieve(2)).id == 2  # type: ignore[union-attr]
        assert (
            await async_client.transformations.jobs.retrieve_multiple([2, 11], ignore_unknown_ids=True)
        ).as_ids() == [2]
        metrics = await jobs[0].metrics_async()
        assert [(m.name, m.count) for m in metrics] == [("requests", 1)]
        await jobs[0].update_async()
        assert jobs[0].status == TransformationJobStatus.COMPLETED

    async def test_schedules_and_notifications(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        sched = {
            "id": 1,
            "externalId": "t1",
            "createdTime": 0,
            "lastUpdatedTime": 0,
            "interval": "0 * * * *",
            "isPaused": False,
        }
        note = {"id": 3, "createdTime": 0, "lastUpdatedTime": 0, "transformationId": 1, "destination": "a@b"}
        fake = routed_cdf({
            "POST /transformations/schedules": lambda body: {"items": [sched for _ in body["items"]]},
            "GET /transformations/schedules": {"items": [sched]},
            "POST /transformations/schedules/byids": {"items": [sched]},
            "POST /transformations/schedules/update": {"items": [{**sched, "isPaused": True}]},
            "POST /transformations/schedules/delete": {},
            "POST /transformations/notifications": lambda body: {"items": [note for _ in body["items"]]},
            "GET /transformations/notifications": {"items": [note]},
            "POST /transformations/notifications/delete": {},
        })  # fmt: skip
        s = async_client.transformations.schedules
        assert (await s.create(TransformationScheduleWrite("0 * * * *", external_id="t1"))).id == 1
        assert bodies(fake, "POST /transformations/schedules") == [
            {"items": [{"interval": "0 * * * *", "externalId": "t1"}]}]  # fmt: skip
        assert len(await s.list(include_public=False)) == 1
        assert params(fake, "GET /transformations/schedules") == [{"includePublic": "false", "limit": "25"}]
        assert (await s.retrieve(external_id="t1")).interval == "0 * * * *"  # type: ignore[union-attr]
        assert (await s.update(TransformationScheduleUpdate(id=1).is_paused.set(True))).is_paused
        await s.delete(external_id="t1")
        n = async_client.transformations.notifications
        assert (await n.create(TransformationNotificationWrite("a@b", transformation_external_id="t1"))).id == 3
        await n.list(transformation_external_id="t1", destination="a@b")
        assert params(fake, "GET /transformations/notifications") == [
            {"transformationExternalId": "t1", "destination": "a@b", "limit": "25"}]  # fmt: skip
        await n.delete(id=[3])
        assert bodies(fake, "POST /transformations/notifications/delete") == [{"items": [{"id": 3}]}]

    async def test_schema_requests_per_destination(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        col = {"name": "x", "sqlType": "bigint", "type": "long", "nullable": True}
        fake = routed_cdf({
            "GET /transformations/schema/assets": {"items": [col]},
            "GET /transformations/schema/sequence_rows": {"items": [col]},
            "GET /transformations/schema/instances": {"items": [col]},
        })  # fmt: skip
        schema = async_client.transformations.schema
        assert [c.name for c in await schema.retrieve(TransformationDestination.assets(), "abort")] == ["x"]
        await schema.retrieve({"type": "sequence_rows", "externalId": "s"}, "upsert")  # type: ignore[arg-type]
        await schema.retrieve(TransformationDestination.edges(ViewInfo("s", "V", "1"), "sp"))
        await schema.retrieve(TransformationDestination.instances(DataModelInfo("s", "M", "1", "P", "rel")))
        assert params(fake, "GET /transformations/schema/assets") == [{"conflictMode": "abort"}]
        assert params(fake, "GET /transformations/schema/sequence_rows") == [{"externalId": "s"}]
        edges, instances = params(fake, "GET /transformations/schema/instances")
        assert edges == {"instanceType": "edges", "withInstanceSpace": "false", "viewSpace": "s", "viewExternalId": "V",
                         "viewVersion": "1", "isConnectionDefinition": "false"}  # fmt: skip
        assert instances == {"withInstanceSpace": "true", "dataModelSpace": "s", "dataModelExternalId": "M",
                             "dataModelVersion": "1", "type": "P", "relationshipFromType": "rel"}  # fmt: skip

    async def test_external_data_sources(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        source = {"externalId": "l", "format": "one_lake", "createdTime": 0, "lastUpdatedTime": 0, "settings": {
            "credentials": {"clientId": "c", "tenantId": "t"}, "locationDescription": {"workspaceId": "w",
                                                                                        "containerId": "k"}}}  # fmt: skip
        fake = routed_cdf({
            "POST /transformations/externaldata": lambda body: {"items": [source for _ in body["items"]]},
            "GET /transformations/externaldata": {"items": [source]},
            "POST /transformations/externaldata/delete": {},
            "POST /transformations/externaldata/usability": {"externalId": "l"},
        })  # fmt: skip
        eds = async_client.transformations.external_data_sources
        write = OneLakeExternalDataSourceWrite("l", OneLakeSettingsWrite(OneLakeCredentialsWrite("c", "t", "s"),
                                                                         OneLakeLocationDescription("w", "k")))  # fmt: skip
        made = await eds.create([write])
        assert isinstance(made, ExternalDataSourceList) and made[0].external_id == "l"
        assert bodies(fake, "POST /transformations/externaldata")[0]["items"][0]["format"] == "one_lake"
        assert [s.external_id for s in await eds.list()] == ["l"]
        await eds.delete("l")
        assert bodies(fake, "POST /transformations/externaldata/delete") == [{"items": [{"externalId": "l"}]}]
        assert not (await eds.verify_usability("l")).is_usable


def test_sync_client_has_the_same_surface(routed_cdf: Any, sync_client: CogniteClient) -> None:
    fake = routed_cdf({
        "POST /transformations/run": job(7, "Created"),
        "POST /transformations/jobs/byids": {"items": [job(7, "Completed")]},
        "POST /transformations/filter": {"items": [transformation(1)]},
    })  # fmt: skip
    job_ = sync_client.transformations.run(transformation_id=1)
    assert job_.status == TransformationJobStatus.COMPLETED
    listed = sync_client.transformations.list()
    assert listed[0].jobs is not None
    assert [c.as_ids() for c in sync_client.transformations(chunk_size=5)] == [[1]]
    assert len(fake.calls("POST /transformations/jobs/byids")) == 1
    with pytest.raises(CogniteNotFoundError):
        fake.intercept = lambda rec: httpx.Response(
            400, json={"error": {"code": 400, "message": "m", "missing": [{"id": 9}]}}
        )
        sync_client.transformations.retrieve_multiple(ids=[9])
