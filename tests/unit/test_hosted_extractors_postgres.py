"""The hosted extractors and Postgres gateway APIs and their data classes, against a fake CDF behind
``httpx.MockTransport``."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from cognite.client import AsyncCogniteClient, CogniteClient
from cognite.client.data_classes.data_modeling import ViewId
from cognite.client.data_classes.hosted_extractors import (
    AuthCertificateWrite,
    BasicAuthentication,
    BasicAuthenticationWrite,
    CustomFormat,
    CustomMapping,
    DestinationUpdate,
    DestinationWrite,
    EventHubSourceWrite,
    Job,
    JobConfig,
    JobFormat,
    JobLogsList,
    JobMetricsList,
    JobUpdate,
    JobWrite,
    KafkaBroker,
    KafkaConfig,
    KafkaSource,
    KafkaSourceWrite,
    Mapping,
    MappingWrite,
    MQTT3SourceUpdate,
    MQTT3SourceWrite,
    MQTT5Source,
    MQTT5SourceUpdate,
    MQTT5SourceWrite,
    MQTTConfig,
    ProtoBufFile,
    ProtoBufInput,
    RestConfig,
    RestSource,
    RestSourceUpdate,
    RestSourceWrite,
    SessionWrite,
    Source,
    SourceList,
    SourceWrite,
    UnknownSource,
    ValueFormat,
)
from cognite.client.data_classes.hosted_extractors.jobs import UnknownJobConfig, UnknownJobFormat
from cognite.client.data_classes.hosted_extractors.sources import (
    Authentication,
    RESTClientCredentialsAuthentication,
    RESTClientCredentialsAuthenticationWrite,
    RESTHeaderAuthenticationWrite,
    UnknownAuthentication,
)
from cognite.client.data_classes.postgres_gateway import (
    Column,
    ColumnList,
    RawTable,
    RawTableOptions,
    RawTableWrite,
    SessionCredentials,
    Table,
    TableList,
    UnknownTable,
    UserCreated,
    UserCreatedList,
    UserUpdate,
    UserWrite,
    ViewTable,
    ViewTableWrite,
)

_T = {"createdTime": 1, "lastUpdatedTime": 2}


def bodies(fake: Any, endpoint: str) -> list[Any]:
    return [r.body for r in fake.calls(endpoint)]


def params(fake: Any, endpoint: str) -> list[dict[str, str]]:
    return [dict(r.params) for r in fake.calls(endpoint)]


def echo_sources(body: dict[str, Any]) -> dict[str, Any]:
    out = []
    for item in body["items"]:
        read = {k: v for k, v in item.items() if k not in ("keyValue", "authCertificate", "caCertificate")}
        if isinstance(read.get("authentication"), dict):
            read["authentication"] = {k: v for k, v in read["authentication"].items() if k != "password"}
        out.append({**read, **_T})
    return {"items": out}


# ---------------------------------------------------------------------------------------------- data classes


class TestSourceClasses:
    def test_sources_load_by_type_and_unknown_types_are_kept(self) -> None:
        raw = [
            {"type": "mqtt5", "externalId": "a", "host": "h", "port": 1, **_T},
            {"type": "kafka", "externalId": "b", "bootstrapBrokers": [{"host": "x", "port": 2}], **_T,
             "authentication": {"type": "scramSha999", "username": "u"}},
            {"type": "rest", "externalId": "c", "host": "h", "scheme": "http", **_T,
             "authentication": {"type": "clientCredentials", "clientId": "i", "tokenUrl": "t", "scopes": "s"}},
            {"type": "opcua", "externalId": "d", "endpoint": "opc.tcp://x", "futureField": [1]},
        ]  # fmt: skip
        sources = SourceList.load(raw)
        assert [type(s) for s in sources] == [MQTT5Source, KafkaSource, RestSource, UnknownSource]
        assert isinstance(sources[1].authentication, UnknownAuthentication)  # type: ignore[union-attr]
        assert isinstance(sources[2].authentication, RESTClientCredentialsAuthentication)  # type: ignore[union-attr]
        assert sources.dump() == raw  # lossless, unknown kinds included
        assert sources.get(external_id="d") is sources[3] and sources.as_external_ids() == ["a", "b", "c", "d"]
        assert sources[3].as_write() is sources[3]
        assert Source.load('{"type": "mqtt3", "externalId": "x", "host": "h"}').external_id == "x"

    def test_write_forms_and_secrets(self) -> None:
        write = MQTT3SourceWrite(
            "a", "h", 1883, BasicAuthenticationWrite("ada", "pw1"), True, None, AuthCertificateWrite("pem", "C", "K1", "kp1")
        )  # fmt: skip
        assert write.dump()["authentication"] == {"type": "basic", "username": "ada", "password": "pw1"}
        assert write.dump(camel_case=False)["auth_certificate"]["key_password"] == "kp1"
        for secret in ("pw1", "K1", "kp1"):
            assert secret not in repr(write)
        eh = EventHubSourceWrite("e", "h", "n", "k", "kv-secret")
        assert "kv-secret" not in repr(eh) and eh.dump()["keyValue"] == "kv-secret"
        rest = RestSourceWrite("r", "h", authentication=RESTClientCredentialsAuthenticationWrite("i", "cs-1", "t", "s"))
        assert "cs-1" not in repr(rest)
        assert SourceWrite.load(write.dump()) == write
        read = MQTT5Source.load({"type": "mqtt5", "externalId": "a", "host": "h", **_T,
                                 "authentication": {"type": "basic", "username": "ada"}})  # fmt: skip
        assert read.as_write() == MQTT5SourceWrite("a", "h", authentication=BasicAuthenticationWrite("ada"))
        assert Authentication.load({"type": "header", "key": "k"}).as_write() is None  # the token is not returned

    def test_updates_name_their_type_and_hide_secrets(self) -> None:
        upd = RestSourceUpdate("r").authentication.set(RESTHeaderAuthenticationWrite("X", "tok-1")).port.set(443)
        assert upd.dump() == {"type": "rest", "externalId": "r", "update": {
            "authentication": {"set": {"type": "header", "key": "X", "value": "tok-1"}}, "port": {"set": 443}}}  # fmt: skip
        assert "tok-1" not in repr(upd)
        assert "nonce-1" not in repr(DestinationUpdate("d").credentials.set(SessionWrite("nonce-1")))
        with pytest.raises(TypeError, match="external_id"):
            MQTT3SourceUpdate(3)  # type: ignore[arg-type]


class TestJobAndMappingClasses:
    def test_formats_and_configs_load_by_type_and_shape(self) -> None:
        assert isinstance(JobFormat.load({"type": "custom", "mappingId": "m", "expression": "x"}), CustomFormat)
        assert isinstance(JobFormat.load({"type": "future"}), UnknownJobFormat)
        assert JobConfig.load({"topicFilter": "t"}) == MQTTConfig("t")
        assert JobConfig.load({"topic": "t"}) == KafkaConfig("t")
        rest = JobConfig.load({"interval": "5m", "path": "/p", "pagination": {"type": "nextUrl", "value": "n"}})
        assert isinstance(rest, RestConfig) and rest.pagination is not None
        assert isinstance(JobConfig.load({"opcNode": "x"}), UnknownJobConfig)
        job = Job.load({"externalId": "j", "sourceId": "s", "destinationId": "d", "format": {"type": "value"},
                        "targetStatus": "paused", "status": "paused", "config": {"topic": "t"}, **_T})  # fmt: skip
        assert job.as_write() == JobWrite("j", "d", "s", ValueFormat(), KafkaConfig("t"))
        assert JobUpdate("j").target_status.set("running").dump() == {
            "externalId": "j", "update": {"targetStatus": {"set": "running"}}}  # fmt: skip

    def test_mapping_and_protobuf_files(self) -> None:
        m = Mapping.load({"externalId": "m", "mapping": {"expression": "x"}, "published": True, **_T,
                          "input": {"type": "protobuf", "messageName": "M", "files": [{"fileName": "a.proto"}]}})  # fmt: skip
        assert isinstance(m.input, ProtoBufInput) and m.input.files == [ProtoBufFile("a.proto")]
        assert m.as_write().dump()["input"]["files"] == [{"fileName": "a.proto"}]


class TestPostgresClasses:
    def test_tables_load_by_type_columns_as_a_map(self) -> None:
        raw = {"type": "raw_rows", "tablename": "t", "options": {"database": "d", "table": "t"},
               "columns": {"a": {"type": "TEXT"}}}  # fmt: skip
        table = Table.load(raw)
        assert isinstance(table, RawTable) and table.columns == ColumnList([Column("a", "TEXT")])
        assert table.dump() == raw and table.as_write().dump() == raw
        nodes = Table.load({"type": "nodes", "tablename": "v", "columns": {},
                            "options": {"space": "s", "externalId": "V", "version": "1"}})  # fmt: skip
        assert isinstance(nodes, ViewTable) and nodes.options == ViewId("s", "V", "1")
        assert nodes.as_write().dump() == {"type": "view", "tablename": "v",
                                           "options": {"space": "s", "externalId": "V", "version": "1"}}  # fmt: skip
        built_in = Table.load({"type": "built_in", "tablename": "assets", "columns": {}})
        assert isinstance(built_in, UnknownTable) and built_in.tablename == "assets"
        assert TableList([table, built_in]).as_tablenames() == ["t", "assets"]
        assert ViewTableWrite("v", ("s", "V", "1")).options == ViewId("s", "V", "1")  # type: ignore[arg-type]

    def test_users_hide_the_password_and_nonce(self) -> None:
        created = UserCreated.load({"host": "h", "username": "u", "password": "pw-123", **_T})
        assert "pw-123" not in repr(created) and created.password == "pw-123"
        assert "n-1" not in repr(UserWrite(SessionCredentials("n-1")))
        assert UserUpdate("u").credentials.set(SessionCredentials("n")).dump() == {
            "username": "u", "update": {"credentials": {"set": {"nonce": "n"}}}}  # fmt: skip


# ---------------------------------------------------------------------------------------------- APIs


class TestHostedExtractorsAPI:
    async def test_sources_create_in_chunks_retrieve_list_delete(
        self, routed_cdf: Any, async_client: AsyncCogniteClient
    ) -> None:
        fake = routed_cdf({
            "POST /hostedextractors/sources": echo_sources,
            "POST /hostedextractors/sources/byIds": lambda body: {"items": [
                {"type": "mqtt5", "externalId": i["externalId"], "host": "h", **_T} for i in body["items"]]},
            "GET /hostedextractors/sources": [
                {"items": [{"type": "mqtt5", "externalId": "a", "host": "h", **_T}], "nextCursor": "c"},
                {"items": [{"type": "mqtt5", "externalId": "b", "host": "h", **_T}]},
            ],
            "POST /hostedextractors/sources/delete": {},
        })  # fmt: skip
        api = async_client.hosted_extractors.sources
        created = await api.create([MQTT5SourceWrite(f"s{i}", "h", authentication=BasicAuthenticationWrite("u", "p"))
                                    for i in range(25)])  # fmt: skip
        assert len(created) == 25 and created[0].authentication == BasicAuthentication("u")  # type: ignore[union-attr]
        assert sorted(len(b["items"]) for b in bodies(fake, "POST /hostedextractors/sources")) == [5, 10, 10]
        one = await api.create(KafkaSourceWrite("k", [KafkaBroker("b", 1)]))
        assert isinstance(one, KafkaSource)
        assert isinstance(await api.retrieve("a"), MQTT5Source)
        listed = await api.retrieve(["a", "b"], ignore_unknown_ids=True)
        assert isinstance(listed, SourceList)
        assert bodies(fake, "POST /hostedextractors/sources/byIds")[-1] == {
            "items": [{"externalId": "a"}, {"externalId": "b"}], "ignoreUnknownIds": True}  # fmt: skip
        assert (await api.list(limit=None)).as_external_ids() == ["a", "b"]
        assert params(fake, "GET /hostedextractors/sources") == [{"limit": "100"}, {"limit": "100", "cursor": "c"}]
        await api.delete(["a", "b"], force=True)
        await api.delete("a", ignore_unknown_ids=True)
        assert bodies(fake, "POST /hostedextractors/sources/delete") == [
            {"items": [{"externalId": "a"}, {"externalId": "b"}], "ignoreUnknownIds": False, "force": True},
            {"items": [{"externalId": "a"}], "ignoreUnknownIds": True},
        ]

    async def test_source_updates_from_objects_and_whole_sources(
        self, routed_cdf: Any, async_client: AsyncCogniteClient
    ) -> None:
        fake = routed_cdf({"POST /hostedextractors/sources/update": lambda body: {"items": [
            {"type": i["type"], "externalId": i["externalId"], "host": "h", **_T} for i in body["items"]]}})  # fmt: skip
        api = async_client.hosted_extractors.sources
        await api.update(
            [MQTT5SourceUpdate("a").port.set(1), MQTT3SourceWrite("b", "h2", use_tls=True)], mode="replace"
        )
        first, second = bodies(fake, "POST /hostedextractors/sources/update")[0]["items"]
        assert first == {"type": "mqtt5", "externalId": "a", "update": {"port": {"set": 1}}}
        assert second["type"] == "mqtt3" and second["update"]["host"] == {"set": "h2"}
        assert second["update"]["port"] == {"setNull": True}  # replace clears what is not given
        read = MQTT5Source.load({"type": "mqtt5", "externalId": "c", "host": "h", **_T})
        await api.update(read)
        assert bodies(fake, "POST /hostedextractors/sources/update")[-1]["items"][0]["type"] == "mqtt5"
        with pytest.raises(TypeError):
            await api.update(UnknownSource({"type": "x", "externalId": "u"}))  # type: ignore[arg-type]
        assert len(fake.calls("POST /hostedextractors/sources/update")) == 2

    async def test_jobs_logs_and_metrics(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake = routed_cdf({
            "GET /hostedextractors/jobs/logs": {"items": [{"jobExternalId": "j", "type": "ok", "createdTime": 1}]},
            "GET /hostedextractors/jobs/metrics": {"items": [{"jobExternalId": "j", "timestamp": 1, **dict.fromkeys(
                ("sourceMessages", "cdfInputValues", "cdfRequests", "transformFailures", "cdfWriteFailures",
                 "cdfSkippedValues", "cdfFailedValues", "cdfUploadedValues"), 3)}]},
        })  # fmt: skip
        logs = await async_client.hosted_extractors.jobs.list_logs(job="j", source="s")
        assert isinstance(logs, JobLogsList) and logs[0].type == "ok"
        metrics = await async_client.hosted_extractors.jobs.list_metrics(destination="d", limit=None)
        assert isinstance(metrics, JobMetricsList) and metrics[0].cdf_uploaded_values == 3
        assert params(fake, "GET /hostedextractors/jobs/logs") == [{"job": "j", "source": "s", "limit": "25"}]
        assert params(fake, "GET /hostedextractors/jobs/metrics") == [{"destination": "d", "limit": "1000"}]
        assert len(await async_client.hosted_extractors.jobs.list_logs(limit=0)) == 0

    async def test_bad_arguments_fail_before_any_request(
        self, routed_cdf: Any, async_client: AsyncCogniteClient
    ) -> None:
        fake = routed_cdf({})
        he = async_client.hosted_extractors
        with pytest.raises(TypeError, match="items"):
            await he.sources.create(MQTT5SourceUpdate("a"))  # type: ignore[call-overload]
        with pytest.raises(TypeError, match="items"):
            await he.jobs.create([DestinationWrite("d")])  # type: ignore[list-item]
        with pytest.raises(TypeError, match="external_ids"):
            await he.sources.retrieve(3)  # type: ignore[call-overload]
        with pytest.raises(TypeError, match="ignore_unknown_ids"):
            await he.mappings.retrieve("m", ignore_unknown_ids="yes")  # type: ignore[call-overload]
        with pytest.raises(TypeError, match="force"):
            await he.destinations.delete("d", force="yes")  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="limit"):
            await he.jobs.list(limit=-3)
        with pytest.raises(ValueError, match="limit"):
            await he.jobs.list_logs(limit=-3)
        with pytest.raises(TypeError, match="source"):
            await he.jobs.list_metrics(source=1)  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="mode"):
            await he.jobs.update(JobUpdate("j"), mode="merge")  # type: ignore[call-overload]
        assert fake.requests == []


class TestPostgresGatewayAPI:
    async def test_users(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        user = {"username": "u1", **_T, "sessionId": 5}
        fake = routed_cdf({
            "POST /postgresgateway": {"items": [{"host": "h", "password": "p", **user}]},
            "POST /postgresgateway/byids": lambda body: {"items": [user for _ in body["items"]]},
            "POST /postgresgateway/update": {"items": [user]},
            "POST /postgresgateway/delete": {},
            "GET /postgresgateway": {"items": [user]},
        })  # fmt: skip
        pg = async_client.postgres_gateway
        created = await pg.users.create([UserWrite(SessionCredentials(f"n{i}")) for i in range(3)])
        assert isinstance(created, UserCreatedList) and len(bodies(fake, "POST /postgresgateway")) == 3  # one each
        assert isinstance(await pg.users.create(UserWrite(SessionCredentials("n"))), UserCreated)
        await pg.users.retrieve([f"u{i}" for i in range(12)])
        assert [len(b["items"]) for b in bodies(fake, "POST /postgresgateway/byids")] == [10, 2]
        assert (await pg.users.retrieve("u1")).username == "u1"  # type: ignore[union-attr]
        await pg.users.update([UserUpdate("u1").credentials.set(SessionCredentials("x"))])
        await pg.users.delete(["u1", "u2"])
        assert bodies(fake, "POST /postgresgateway/delete") == [
            {"items": [{"username": "u1"}], "ignoreUnknownIds": False},
            {"items": [{"username": "u2"}], "ignoreUnknownIds": False},
        ]
        assert (await pg.users.list()).as_usernames() == ["u1"]
        with pytest.raises(ValueError, match="username"):
            await pg.users.update(UserWrite(SessionCredentials("x")))
        with pytest.raises(TypeError, match="user"):
            await pg.users.create(DestinationWrite("d"))  # type: ignore[call-overload]
        with pytest.raises(TypeError, match="username"):
            await pg.users.delete(5)  # type: ignore[arg-type]

    async def test_tables(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        raw = {"type": "raw_rows", "tablename": "t", "options": {"database": "d", "table": "t"},
               "columns": {"a": {"type": "TEXT"}}}  # fmt: skip
        fake = routed_cdf({
            "POST /postgresgateway/tables/u1": lambda body: {"items": [{**t, "createdTime": 1} for t in body["items"]]},
            "GET /postgresgateway/tables/u1": {"items": [raw, {"type": "built_in", "tablename": "assets", "columns": {}}]},
            "POST /postgresgateway/tables/u1/byids": {"items": [raw]},
            "POST /postgresgateway/tables/u1/delete": {},
        })  # fmt: skip
        tables = async_client.postgres_gateway.tables
        created = await tables.create("u1", [RawTableWrite("t", RawTableOptions("d", "t"), [Column("a", "TEXT")]),
                                             ViewTableWrite("v", ViewId("s", "V", "1"))])  # fmt: skip
        assert [type(t) for t in created] == [RawTable, ViewTable]
        assert bodies(fake, "POST /postgresgateway/tables/u1")[0]["items"][1] == {
            "type": "view", "tablename": "v", "options": {"space": "s", "externalId": "V", "version": "1"}}  # fmt: skip
        listed = await tables.list("u1", include_built_ins=True, limit=None)
        assert isinstance(listed[1], UnknownTable)
        assert params(fake, "GET /postgresgateway/tables/u1") == [{"includeBuiltIns": "true", "limit": "100"}]
        assert isinstance(await tables.retrieve("u1", "t"), RawTable)
        await tables.delete("u1", ["t"], ignore_unknown_ids=True)
        assert bodies(fake, "POST /postgresgateway/tables/u1/delete") == [
            {"items": [{"tablename": "t"}], "ignoreUnknownIds": True}]  # fmt: skip
        with pytest.raises(ValueError, match="username"):
            tables()
        with pytest.raises(ValueError, match="username"):
            await tables.list("")
        with pytest.raises(TypeError, match="items"):
            await tables.create("u1", [MappingWrite("m", CustomMapping("x"), True)])  # type: ignore[list-item]
        with pytest.raises(TypeError, match="include_built_ins"):
            await tables.list("u1", include_built_ins="yes")  # type: ignore[arg-type]


def test_sync_client_has_the_same_surface(routed_cdf: Any, sync_client: CogniteClient) -> None:
    routed_cdf({"GET /hostedextractors/mappings": {"items": [
        {"externalId": "m", "mapping": {"expression": "x"}, "published": True, "input": {"type": "csv"}, **_T}]}})  # fmt: skip
    assert sync_client.hosted_extractors.mappings.list().as_external_ids() == ["m"]
    assert [m.external_id for m in sync_client.hosted_extractors.mappings()] == ["m"]
    assert isinstance(MappingWrite("m", CustomMapping("x"), True), MappingWrite)


def test_unknown_routes_are_errors(routed_cdf: Any, sync_client: CogniteClient) -> None:
    routed_cdf({"POST /hostedextractors/jobs": httpx.Response(400, json={"error": {"code": 400, "message": "bad"}})})
    from cognite.client.exceptions import CogniteAPIError

    with pytest.raises(CogniteAPIError, match="bad"):
        sync_client.hosted_extractors.jobs.create(JobWrite("j", "d", "s", ValueFormat()))
    assert EventHubSourceWrite("e", "h", "n").as_write().external_id == "e"
