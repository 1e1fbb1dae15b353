"""Contract tests: every request the hosted extractors and Postgres gateway APIs send validates against the CDF
OpenAPI spec (with its documented errata).

Each method is called with every parameter it has, and every source, authentication, format, config and table kind
is written, so each field of each request body is checked.
"""

from __future__ import annotations

from typing import Any

import pytest

from cognite.client import AsyncCogniteClient
from cognite.client.data_classes.data_modeling import ViewId
from cognite.client.data_classes.hosted_extractors import (
    AuthCertificateWrite,
    BasicAuthenticationWrite,
    BodyLoad,
    CACertificateWrite,
    CogniteFormat,
    CSVInput,
    CustomFormat,
    CustomMapping,
    DestinationUpdate,
    DestinationWrite,
    EventHubSourceUpdate,
    EventHubSourceWrite,
    HeaderValueLoad,
    JobUpdate,
    JobWrite,
    JSONInput,
    KafkaBroker,
    KafkaConfig,
    KafkaSourceUpdate,
    KafkaSourceWrite,
    MappingUpdate,
    MappingWrite,
    MQTT3SourceUpdate,
    MQTT3SourceWrite,
    MQTT5SourceUpdate,
    MQTT5SourceWrite,
    MQTTConfig,
    NextUrlLoad,
    Prefix,
    ProtoBufFile,
    ProtoBufInput,
    QueryParamLoad,
    RestConfig,
    RestSourceUpdate,
    RestSourceWrite,
    RockwellFormat,
    SessionWrite,
    Source,
    ValueFormat,
    XMLInput,
)
from cognite.client.data_classes.hosted_extractors.sources import (
    RESTClientCredentialsAuthenticationWrite,
    RESTHeaderAuthenticationWrite,
    RESTQueryAuthenticationWrite,
    ScramSha256AuthenticationWrite,
    ScramSha512AuthenticationWrite,
)
from cognite.client.data_classes.postgres_gateway import (
    Column,
    RawTableOptions,
    RawTableWrite,
    SessionCredentials,
    UserUpdate,
    UserWrite,
    ViewTableWrite,
)
from cognite.client.testing import SpecCheckedCDF
from cognite.client.testing._openapi import OpenAPISpec

_T = {"createdTime": 0, "lastUpdatedTime": 0}
_CERT_DETAILS = {"thumbprint": "AB", "expiresAt": 1}


def _source(xid: str, kind: str = "mqtt5") -> dict[str, Any]:
    if kind == "kafka":
        return {"type": "kafka", "externalId": xid, "bootstrapBrokers": [{"host": "b", "port": 1}], **_T}
    if kind == "rest":
        return {"type": "rest", "externalId": xid, "host": "h", "scheme": "https", **_T}
    return {"type": kind, "externalId": xid, "host": "h", "caCertificate": _CERT_DETAILS, **_T}


_JOB = {"externalId": "j", "sourceId": "s", "destinationId": "d", "format": {"type": "value"},
        "targetStatus": "running", "status": "running", "config": {"topicFilter": "t"}, **_T}  # fmt: skip
_MAPPING = {"externalId": "m", "mapping": {"expression": "x"}, "published": True, "input": {"type": "json"}, **_T}
_USER = {"username": "u1", "createdTime": 0, "lastUpdatedTime": 0, "sessionId": 1}
_TABLE = {"type": "raw_rows", "tablename": "t", "options": {"database": "d", "table": "t"},
          "columns": {"a": {"type": "TEXT"}}}  # fmt: skip


class HostedPostgresCDF(SpecCheckedCDF):
    """Answers hosted extractors and Postgres gateway requests with valid canned bodies."""

    def answer(self, method: str, path: str, template: str, body: Any, query: dict[str, str]) -> tuple[int, Any]:
        n = len(body["items"]) if isinstance(body, dict) and "items" in body else 2
        if template.endswith("/delete"):
            return 200, {}
        if template == "/hostedextractors/jobs/logs":
            return 200, {"items": [{"jobExternalId": "j", "type": "ok", "createdTime": 0, "message": "m"}]}
        if template == "/hostedextractors/jobs/metrics":
            counters = ("sourceMessages", "cdfInputValues", "cdfRequests", "transformFailures", "cdfWriteFailures",
                        "cdfSkippedValues", "cdfFailedValues", "cdfUploadedValues")  # fmt: skip
            return 200, {"items": [{"jobExternalId": "j", "timestamp": 0, **dict.fromkeys(counters, 1)}]}
        if template.startswith("/hostedextractors/sources"):
            return 200, {"items": [_source(f"s{i}", ("mqtt3", "kafka", "rest")[i % 3]) for i in range(n)]}
        if template.startswith("/hostedextractors/destinations"):
            return 200, {"items": [{"externalId": f"d{i}", "sessionId": 1, **_T} for i in range(n)]}
        if template.startswith("/hostedextractors/jobs"):
            return 200, {"items": [_JOB for _ in range(n)]}
        if template.startswith("/hostedextractors/mappings"):
            return 200, {"items": [_MAPPING for _ in range(n)]}
        if template == "/postgresgateway" and method == "POST":
            return 200, {"items": [{"host": "h", "password": "p", **_USER}]}
        if template.startswith("/postgresgateway/tables"):
            if method == "POST" and template.endswith("}"):
                return 200, {"items": [{**_TABLE, "createdTime": 0} for _ in range(n)]}
            return 200, {"items": [_TABLE for _ in range(n)]}
        return 200, {"items": [_USER for _ in range(min(n, 1))]}


@pytest.fixture
def cdf(spec: OpenAPISpec) -> HostedPostgresCDF:
    return HostedPostgresCDF(spec)


_CA = CACertificateWrite("pem", "CERT")
_AUTH_CERT = AuthCertificateWrite("der", "CERT", "KEY", "pw")


async def test_every_sources_request_matches_the_spec(client: AsyncCogniteClient, cdf: HostedPostgresCDF) -> None:
    api = client.hosted_extractors.sources
    writes = [
        MQTT3SourceWrite("a", "h", 1883, BasicAuthenticationWrite("u", "p"), True, _CA, _AUTH_CERT),
        MQTT5SourceWrite("b", "h", 1, BasicAuthenticationWrite("u"), False),
        EventHubSourceWrite("c", "h", "e", "kn", "kv", "cg", BasicAuthenticationWrite("u", "p")),
        EventHubSourceWrite("c2", "h", "e", authentication=RESTClientCredentialsAuthenticationWrite("i", "s", "t", "sc", "1h")),
        RestSourceWrite("d", "h", "http", 80, _CA, RESTHeaderAuthenticationWrite("k", "v"), _AUTH_CERT),
        RestSourceWrite("d2", "h", authentication=RESTQueryAuthenticationWrite("k", "v")),
        RestSourceWrite("d3", "h", authentication=BasicAuthenticationWrite("u", "p")),
        KafkaSourceWrite("e", [KafkaBroker("b", 9092)], ScramSha256AuthenticationWrite("u", "p"), True, _CA, _AUTH_CERT),
        KafkaSourceWrite("e2", [KafkaBroker("b", 9092)], ScramSha512AuthenticationWrite("u", "p")),
        Source.load(_source("f")),  # a read object is written in its write form
    ]  # fmt: skip
    await api.create(writes)
    await api.create(writes[0])
    await api.retrieve("a")
    await api.retrieve(["a", "b"], ignore_unknown_ids=True)
    await api.list(limit=None)
    async for _ in api(chunk_size=1, limit=2):
        pass
    await api.update([
        MQTT3SourceUpdate("a").host.set("h").port.set(None).authentication.set(BasicAuthenticationWrite("u", "p"))
        .use_tls.set(True).ca_certificate.set(_CA).auth_certificate.set(None),
        MQTT5SourceUpdate("b").ca_certificate.set(None).auth_certificate.set(_AUTH_CERT).authentication.set(None),
        EventHubSourceUpdate("c").host.set("h").event_hub_name.set("e").key_name.set("k").key_value.set("v")
        .authentication.set(BasicAuthenticationWrite("u", "p")).consumer_group.set(None),
        RestSourceUpdate("d").host.set("h").scheme.set("http").port.set(8).ca_certificate.set(None)
        .authentication.set(RESTHeaderAuthenticationWrite("k", "v")).auth_certificate.set(_AUTH_CERT),
        KafkaSourceUpdate("e").bootstrap_brokers.set([KafkaBroker("b", 1)]).authentication.set(None)
        .use_tls.set(False).ca_certificate.set(_CA).auth_certificate.set(None),
    ])  # fmt: skip
    for mode in ("replace", "patch", "replace_ignore_null"):
        await api.update(writes[:9], mode=mode)  # type: ignore[call-overload]
    await api.delete(["a", "b"], ignore_unknown_ids=True, force=True)
    await api.delete("a")
    assert cdf.errors == []
    assert {p for _, p in cdf.seen} == {f"/hostedextractors/sources{s}" for s in ("", "/byIds", "/update", "/delete")}


async def test_every_jobs_destinations_mappings_request_matches_the_spec(
    client: AsyncCogniteClient, cdf: HostedPostgresCDF
) -> None:
    he = client.hosted_extractors
    await he.destinations.create([DestinationWrite("d", SessionWrite("n"), 5), DestinationWrite("d2")])
    await he.destinations.retrieve(["d"], ignore_unknown_ids=True)
    await he.destinations.update(DestinationUpdate("d").credentials.set(SessionWrite("n")).target_data_set_id.set(None))
    await he.destinations.update(DestinationUpdate("d").credentials.set(None).target_data_set_id.set(3))
    for mode in ("replace", "patch", "replace_ignore_null"):
        await he.destinations.update(DestinationWrite("d", SessionWrite("n"), 5), mode=mode)  # type: ignore[arg-type]
    await he.destinations.list(limit=3)
    await he.destinations.delete("d", ignore_unknown_ids=True, force=True)
    await he.mappings.create([
        MappingWrite("m", CustomMapping("x"), True),
        MappingWrite("m2", CustomMapping("x"), False, CSVInput(",", ["a", "b"])),
        MappingWrite("m3", CustomMapping("x"), True, ProtoBufInput("M", [ProtoBufFile("a.proto", "syntax")])),
        MappingWrite("m4", CustomMapping("x"), True, XMLInput()),
    ])  # fmt: skip
    await he.mappings.update([MappingUpdate("m").mapping.set(CustomMapping("y")).input.set(JSONInput()).published.set(False),
                              MappingUpdate("m2").input.set(None)])  # fmt: skip
    await he.mappings.update(MappingWrite("m", CustomMapping("x"), True, CSVInput()))
    await he.mappings.retrieve("m")
    await he.mappings.list()
    await he.mappings.delete(["m"], ignore_unknown_ids=False, force=False)
    formats = [CustomFormat("m", "utf16", "gzip"), ValueFormat("latin1", "gzip", Prefix(True, "p")),
               CogniteFormat(prefix=Prefix(prefix="x"), data_models={"space": "s"}), RockwellFormat("utf8")]  # fmt: skip
    configs = [MQTTConfig("t"), KafkaConfig("t", 3), None,
               RestConfig("1h", "/p", "post", {"a": 1}, {"q": "v"}, {"h": "v"}, BodyLoad("b"), HeaderValueLoad("k", "v")),
               RestConfig("1d", "/p", incremental_load=QueryParamLoad("k", "v"), pagination=NextUrlLoad("n"))]  # fmt: skip
    await he.jobs.create(
        [JobWrite(f"j{i}", "d", "s", formats[i % 4], configs[i], f"J{i}", "d", {"k": "v"}) for i in range(5)]
    )
    await he.jobs.update(
        JobUpdate("j").config.set(MQTTConfig("x")).destination_id.set("d").format.set(CustomFormat("m"))
        .source_id.set("s").target_status.set("paused")
    )  # fmt: skip
    for mode in ("replace", "patch", "replace_ignore_null"):
        await he.jobs.update(JobWrite("j", "d", "s", ValueFormat(), KafkaConfig("t")), mode=mode)  # type: ignore[arg-type]
    await he.jobs.retrieve(["j"], ignore_unknown_ids=True)
    await he.jobs.list(limit=None)
    await he.jobs.list_logs(job="j", source="s", destination="d", limit=5000)
    await he.jobs.list_metrics(limit=None)
    await he.jobs.delete("j", ignore_unknown_ids=True)
    assert cdf.errors == []
    assert len({p for _, p in cdf.seen if p.startswith("/hostedextractors")}) == 14


async def test_every_postgres_gateway_request_matches_the_spec(
    client: AsyncCogniteClient, cdf: HostedPostgresCDF
) -> None:
    pg = client.postgres_gateway
    await pg.users.create([UserWrite(SessionCredentials("a")), UserWrite(SessionCredentials("b"))])
    await pg.users.update(UserUpdate("u1").credentials.set(SessionCredentials("n")))
    await pg.users.retrieve([f"u{i}" for i in range(15)], ignore_unknown_ids=True)  # chunks of 10
    await pg.users.list(limit=None)
    async for _ in pg.users(chunk_size=2):
        pass
    await pg.users.delete(["u1", "u2"], ignore_unknown_ids=True)  # one per request
    tables = [RawTableWrite("t", RawTableOptions("d", "t", "key"), [Column("a", "TEXT"), Column("b", "JSON[]")]),
              ViewTableWrite("v", ViewId("s", "V", "1")), ViewTableWrite("v2", ViewId("s", "V"))]  # fmt: skip
    await pg.tables.create("u1", tables)
    await pg.tables.retrieve("u1", ["t", "v"], ignore_unknown_ids=True)
    await pg.tables.list("u1", include_built_ins=True, limit=None)
    async for _ in pg.tables(username="u/1"):
        pass
    await pg.tables.delete("u1", ["t"], ignore_unknown_ids=True)
    assert cdf.errors == []
    assert [r.path for r in cdf.requests if r.method == "POST" and r.path.endswith("/delete")] == [
        "/postgresgateway/delete", "/postgresgateway/delete", "/postgresgateway/tables/u1/delete",
    ]  # fmt: skip
    assert "/postgresgateway/tables/u%2F1" in {r.path for r in cdf.requests}  # a user name is one path segment
