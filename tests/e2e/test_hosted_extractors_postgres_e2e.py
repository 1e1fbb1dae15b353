"""End to end: every hosted extractors and Postgres gateway method, SDK against the emulator over loopback HTTP.

The emulator (``conftest.py``) validates every request and response against the CDF spec, so a wrong body fails here too.
"""

from __future__ import annotations

import doctest
from collections.abc import Iterator

import pytest

from cognite.client import AsyncCogniteClient, ClientConfig, CogniteClient
from cognite.client.data_classes.data_modeling import ViewId
from cognite.client.data_classes.hosted_extractors import (
    AuthCertificateWrite,
    BasicAuthentication,
    BasicAuthenticationWrite,
    CACertificateWrite,
    CSVInput,
    CustomFormat,
    CustomMapping,
    DestinationUpdate,
    DestinationWrite,
    EventHubSource,
    EventHubSourceUpdate,
    EventHubSourceWrite,
    JobList,
    JobUpdate,
    JobWrite,
    KafkaBroker,
    KafkaConfig,
    KafkaSourceUpdate,
    KafkaSourceWrite,
    MappingUpdate,
    MappingWrite,
    MQTT3Source,
    MQTT3SourceUpdate,
    MQTT3SourceWrite,
    MQTT5SourceWrite,
    MQTTConfig,
    NextUrlLoad,
    ProtoBufFile,
    ProtoBufInput,
    QueryParamLoad,
    RestConfig,
    RestSource,
    RestSourceUpdate,
    RestSourceWrite,
    SessionWrite,
    SourceList,
    ValueFormat,
    XMLInput,
)
from cognite.client.data_classes.hosted_extractors.sources import (
    RESTClientCredentialsAuthenticationWrite,
    RESTQueryAuthenticationWrite,
    ScramSha256AuthenticationWrite,
)
from cognite.client.data_classes.postgres_gateway import (
    Column,
    RawTable,
    RawTableOptions,
    RawTableWrite,
    SessionCredentials,
    UnknownTable,
    UserCreated,
    UserUpdate,
    UserWrite,
    ViewTable,
    ViewTableWrite,
)
from cognite.client.exceptions import CogniteAPIError, CogniteDuplicatedError, CogniteNotFoundError
from cognite.client.testing import CDFEmulator

pytestmark = pytest.mark.e2e


@pytest.fixture
def client(config: ClientConfig, emulator: CDFEmulator) -> Iterator[CogniteClient]:
    with CogniteClient(config) as c:
        yield c
    assert emulator.spec_violations == [] and emulator.invalid_requests == []


def test_every_sources_method_over_loopback(client: CogniteClient) -> None:
    sources = client.hosted_extractors.sources
    cert = CACertificateWrite("pem", "-----BEGIN CERTIFICATE-----")
    created = sources.create([
        MQTT3SourceWrite("m3", "mqtt.local", 1883, BasicAuthenticationWrite("ada", "pw"), True, cert,
                         AuthCertificateWrite("pem", "CERT", "KEY", "kp")),
        MQTT5SourceWrite("m5", "mqtt.local"),
        EventHubSourceWrite("eh", "hub.local", "telemetry", "reader", "secret", "cg"),
        RestSourceWrite("rest", "api.local", "http", 8080, cert, RESTQueryAuthenticationWrite("key", "token")),
        KafkaSourceWrite("kafka", [KafkaBroker("b1", 9092)], ScramSha256AuthenticationWrite("u", "p"), True),
    ] + [MQTT5SourceWrite(f"x{i}", "h") for i in range(12)])  # fmt: skip
    assert isinstance(created, SourceList) and len(created) == 17  # in chunks of 10
    m3 = sources.retrieve("m3")
    assert isinstance(m3, MQTT3Source) and m3.authentication == BasicAuthentication("ada")
    assert m3.ca_certificate is not None and m3.auth_certificate is not None
    assert "pw" not in repr(created) and "secret" not in str(created.dump())
    with pytest.raises(CogniteDuplicatedError):
        sources.create(MQTT5SourceWrite("m5", "again"))
    assert sources.retrieve("missing") is None
    assert sources.retrieve(["m5", "missing"], ignore_unknown_ids=True).as_external_ids() == ["m5"]
    with pytest.raises(CogniteNotFoundError):
        sources.retrieve(["m5", "missing"])
    updated = sources.update([
        MQTT3SourceUpdate("m3").port.set(None).use_tls.set(False),
        EventHubSourceUpdate("eh").consumer_group.set(None).key_value.set("new"),
        RestSourceUpdate("rest").authentication.set(RESTClientCredentialsAuthenticationWrite("c", "s", "u", "x")),
        KafkaSourceUpdate("kafka").bootstrap_brokers.set([KafkaBroker("b2", 9093)]),
    ])  # fmt: skip
    assert updated[0].port is None and isinstance(updated[1], EventHubSource) and updated[1].consumer_group is None
    assert isinstance(updated[2], RestSource) and updated[2].authentication is not None
    whole = sources.update(MQTT5SourceWrite("m5", "moved.local", 8883), mode="replace")
    assert (whole.host, whole.port) == ("moved.local", 8883)
    assert len(sources.list(limit=None)) == 17 and len(sources.list()) == 17 and len(sources.list(limit=3)) == 3
    assert len([s for s in sources()]) == 17
    assert [len(c) for c in sources(chunk_size=10)] == [10, 7]
    sources.delete(["x0", "missing"], ignore_unknown_ids=True)
    with pytest.raises(CogniteNotFoundError):
        sources.delete("x0")
    assert len(sources.list(limit=None)) == 16


def test_every_job_destination_and_mapping_method_over_loopback(client: CogniteClient) -> None:
    he = client.hosted_extractors
    he.sources.create([MQTT5SourceWrite("broker", "h"), KafkaSourceWrite("kafka", [KafkaBroker("b", 1)]),
                       RestSourceWrite("rest", "api.local")])  # fmt: skip
    dest = he.destinations.create(DestinationWrite("cdf", SessionWrite("nonce")))
    assert dest.session_id is not None
    again = he.destinations.update(DestinationUpdate("cdf").credentials.set(SessionWrite("n2")))
    assert again.session_id != dest.session_id
    assert he.destinations.update(DestinationWrite("cdf"), mode="replace").session_id is None
    he.destinations.update(DestinationUpdate("cdf").credentials.set(SessionWrite("n3")))
    mappings = he.mappings.create([
        MappingWrite("m", CustomMapping("input.v"), True),
        MappingWrite("csv", CustomMapping("x"), False, CSVInput(";", ["a"])),
        MappingWrite("proto", CustomMapping("x"), True, ProtoBufInput("M", [ProtoBufFile("a.proto", "syntax")])),
    ])  # fmt: skip
    assert mappings.get(external_id="proto").input.files[0].content is None  # type: ignore[union-attr]
    assert he.mappings.update(MappingUpdate("csv").input.set(XMLInput()).published.set(True)).input == XMLInput()
    assert he.mappings.update(MappingWrite("m", CustomMapping("input.w"), True)).mapping.expression == "input.w"
    jobs = he.jobs.create([
        JobWrite("j1", "cdf", "broker", CustomFormat("m", "utf8"), MQTTConfig("a/#")),
        JobWrite("j2", "cdf", "kafka", ValueFormat(), KafkaConfig("topic", 2), "Kafka", "from kafka", {"k": "v"}),
        JobWrite("j3", "cdf", "rest", ValueFormat(),
                 RestConfig("5m", "/data", "get", query={"q": "1"}, incremental_load=QueryParamLoad("since", "x"),
                            pagination=NextUrlLoad("body.next"))),
    ])  # fmt: skip
    assert isinstance(jobs, JobList) and [j.status for j in jobs] == ["running"] * 3
    assert (jobs[1].name, jobs[1].metadata) == ("Kafka", {"k": "v"})
    with pytest.raises(CogniteAPIError):
        he.jobs.create(JobWrite("bad", "cdf", "nope", ValueFormat()))
    paused = he.jobs.update(JobUpdate("j1").target_status.set("paused"))
    assert paused.status == "paused"
    assert he.jobs.update(he.jobs.retrieve("j2"), mode="replace").config == KafkaConfig("topic", 2)  # type: ignore[arg-type]
    assert he.jobs.retrieve(["j1", "j9"], ignore_unknown_ids=True).as_external_ids() == ["j1"]
    logs = he.jobs.list_logs(job="j1")
    assert [e.type for e in logs] == ["paused", "connected"]
    assert len(he.jobs.list_logs(limit=None)) == 4 and len(he.jobs.list_logs(source="kafka", limit=1)) == 1
    metrics = he.jobs.list_metrics(destination="cdf", limit=-1)
    assert sorted(m.job_external_id for m in metrics) == ["j1", "j2", "j3"]
    assert len(he.jobs.list(limit=None)) == 3 and [j.external_id for j in he.jobs(limit=2)] == ["j1", "j2"]
    with pytest.raises(CogniteAPIError, match="force"):
        he.mappings.delete("m")
    he.mappings.delete("m", force=True)
    assert he.jobs.list().as_external_ids() == ["j2", "j3"]
    he.destinations.delete("cdf", force=True)
    assert len(he.jobs.list()) == 0 and len(he.destinations.list()) == 0
    he.jobs.delete("gone", ignore_unknown_ids=True)
    assert [c.as_external_ids() for c in he.mappings(chunk_size=1)] == [["csv"], ["proto"]]
    assert len(he.mappings.list(limit=None)) == 2 and len(list(he.destinations())) == 0
    he.mappings.delete(["csv", "proto"])
    he.sources.delete(["broker", "kafka", "rest"], force=True)


def test_every_postgres_gateway_method_over_loopback(client: CogniteClient) -> None:
    pg = client.postgres_gateway
    users = pg.users.create([UserWrite(SessionCredentials("a")), UserWrite(SessionCredentials("b"))])
    assert [type(u) for u in users] == [UserCreated, UserCreated] and all(u.password for u in users)
    assert users[0].password not in repr(users)
    name = users[0].username
    assert pg.users.retrieve(name).username == name  # type: ignore[union-attr]
    assert pg.users.retrieve([name, "missing"], ignore_unknown_ids=True).as_usernames() == [name]
    assert pg.users.retrieve("missing") is None
    updated = pg.users.update([UserUpdate(u.username).credentials.set(SessionCredentials("c")) for u in users])
    assert [u.session_id for u in updated] != [u.session_id for u in users]
    assert len(pg.users.list(limit=None)) == 2 and len(list(pg.users(chunk_size=1))) == 2
    tables = pg.tables.create(name, [
        RawTableWrite("pumps", RawTableOptions("db", "pumps", "key"), [Column("name", "TEXT"), Column("n", "BIGINT")]),
        ViewTableWrite("pump_view", ViewId("s", "Pump", "v1")),
    ])  # fmt: skip
    assert isinstance(tables[0], RawTable) and isinstance(tables[1], ViewTable) and tables[0].created_time
    with pytest.raises(CogniteDuplicatedError):
        pg.tables.create(name, RawTableWrite("pumps", RawTableOptions("db", "t"), []))
    listed = pg.tables.list(name, include_built_ins=True, limit=None)
    assert listed.as_tablenames()[:2] == ["pumps", "pump_view"] and isinstance(listed[-1], UnknownTable)
    assert pg.tables.list(name).as_tablenames() == ["pumps", "pump_view"]
    got = pg.tables.retrieve(name, "pumps")
    assert isinstance(got, RawTable) and [c.name for c in got.columns or []] == ["name", "n"]
    assert isinstance(pg.tables.retrieve(name, "pump_view"), ViewTable)
    assert pg.tables.retrieve(name, ["pumps", "nope"], ignore_unknown_ids=True).as_tablenames() == ["pumps"]
    assert [t.tablename for t in pg.tables(username=name)] == ["pumps", "pump_view"]
    pg.tables.delete(name, ["pumps", "nope"], ignore_unknown_ids=True)
    with pytest.raises(CogniteNotFoundError):
        pg.tables.delete(name, "pumps")
    assert pg.tables.create(name, got).tablename == "pumps"  # a read table is created from its write form
    pg.users.delete([u.username for u in users])
    assert len(pg.users.list()) == 0


async def test_async_client_over_loopback(config: ClientConfig, emulator: CDFEmulator) -> None:
    async with AsyncCogniteClient(config) as client:
        await client.hosted_extractors.sources.create([MQTT5SourceWrite(f"s{i}", "h") for i in range(3)])
        seen = [s.external_id async for s in client.hosted_extractors.sources()]  # type: ignore[union-attr]
        assert seen == ["s0", "s1", "s2"]
        user = await client.postgres_gateway.users.create(UserWrite(SessionCredentials("n")))
        assert [t async for t in client.postgres_gateway.tables(username=user.username)] == []
    assert emulator.spec_violations == [] and emulator.invalid_requests == []


def test_docstring_examples_run_against_the_emulator() -> None:
    import cognite.client._api.hosted_extractors as he_api
    import cognite.client._api.postgres_gateway as pg_api
    import cognite.client.data_classes._secrets as secrets_classes
    import cognite.client.data_classes.hosted_extractors as he_classes
    import cognite.client.data_classes.hosted_extractors.destinations as he_destinations
    import cognite.client.data_classes.hosted_extractors.jobs as he_jobs
    import cognite.client.data_classes.hosted_extractors.mappings as he_mappings
    import cognite.client.data_classes.hosted_extractors.sources as he_sources
    import cognite.client.data_classes.postgres_gateway as pg_classes
    import cognite.client.data_classes.postgres_gateway.tables as pg_tables
    import cognite.client.data_classes.postgres_gateway.users as pg_users

    modules = (he_api, pg_api, secrets_classes, he_classes, he_destinations, he_jobs, he_mappings, he_sources,
               pg_classes, pg_tables, pg_users)  # fmt: skip
    for module in modules:
        finder = doctest.DocTestFinder(exclude_empty=True)
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
        tests = [t for t in finder.find(module, module.__name__) if t.examples]
        assert tests, module.__name__
        for test in tests:
            runner.run(test)
        assert runner.failures == 0, module.__name__
