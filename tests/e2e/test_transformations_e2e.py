"""End to end: every Transformations method, SDK against the emulator over loopback HTTP.

The emulator (``conftest.py``) validates every request and response against the CDF spec, so a wrong body fails here too.
"""

from __future__ import annotations

import doctest
from collections.abc import Iterator

import pytest

from cognite.client import AsyncCogniteClient, ClientConfig, CogniteClient
from cognite.client.data_classes import DataSetWrite, RowWrite
from cognite.client.data_classes.transformations import (
    ContainsAny,
    OidcCredentials,
    Transformation,
    TransformationDestination,
    TransformationJobStatus,
    TransformationList,
    TransformationNotificationWrite,
    TransformationScheduleUpdate,
    TransformationScheduleWrite,
    TransformationUpdate,
    TransformationWrite,
    ViewInfo,
)
from cognite.client.data_classes.transformations.externaldata import (
    OneLakeCredentialsWrite,
    OneLakeExternalDataSource,
    OneLakeExternalDataSourceWrite,
    OneLakeLocationDescription,
    OneLakeSettingsWrite,
)
from cognite.client.exceptions import CogniteAPIError, CogniteDuplicatedError, CogniteNotFoundError
from cognite.client.testing import CDFEmulator

pytestmark = pytest.mark.e2e


@pytest.fixture
def client(config: ClientConfig, emulator: CDFEmulator) -> Iterator[CogniteClient]:
    with CogniteClient(config) as c:
        yield c
    assert emulator.spec_violations == [] and emulator.invalid_requests == []


def _raw_copy(xid: str, **fields: object) -> TransformationWrite:
    return TransformationWrite(
        xid, f"Copy {xid}", query="select key, value from `src`.`rows`",
        destination=TransformationDestination.raw("dst", xid), conflict_mode="upsert", **fields,  # type: ignore[arg-type]
    )  # fmt: skip


def test_every_transformations_method_over_loopback(client: CogniteClient) -> None:
    ds = client.data_sets.create(DataSetWrite(external_id="ds"))
    tr = client.transformations
    creds = OidcCredentials("app", "s3cr3t", "https://idp.example.com/token", client.config.project, ["a", "b"])
    created = tr.create([
        _raw_copy("t0", source_oidc_credentials=creds, destination_oidc_credentials=creds, tags=["daily"]),
        _raw_copy("t1", data_set_id=ds.id),
        TransformationWrite("t2", "Nodes", query="select 'n' as externalId",
                            destination=TransformationDestination.nodes(ViewInfo("s", "Pump", "v1"), "data")),
    ])  # fmt: skip
    assert isinstance(created, TransformationList) and len(created) == 3
    t0 = created[0]
    assert t0.source_session is not None and t0.destination_session is not None
    assert t0.has_source_oidc_credentials is False  # credentials became sessions: no secret stored
    assert "s3cr3t" not in repr(t0) and "s3cr3t" not in str(t0.dump())
    assert created[2].destination == TransformationDestination.nodes(ViewInfo("s", "Pump", "v1"), "data")
    with pytest.raises(CogniteDuplicatedError):
        tr.create(_raw_copy("t0"))
    assert tr.retrieve(external_id="t1").data_set_id == ds.id  # type: ignore[union-attr]
    assert tr.retrieve(id=t0.id).external_id == "t0"  # type: ignore[union-attr]
    assert tr.retrieve(external_id="missing") is None
    got = tr.retrieve_multiple(ids=[t0.id], external_ids=["t1", "nope"], ignore_unknown_ids=True)  # type: ignore[list-item]
    assert got.as_external_ids() == ["t0", "t1"]
    with pytest.raises(CogniteNotFoundError):
        tr.retrieve_multiple(external_ids=["nope"])
    assert len(tr.list(limit=None)) == 3
    assert [t.external_id for t in tr.list(destination_type="raw", limit=None)] == ["t0", "t1"]
    assert [t.external_id for t in tr.list(tags=ContainsAny(["daily"]))] == ["t0"]
    assert [t.external_id for t in tr.list(tags=["daily"], name_regex="^Copy")] == ["t0"]
    assert [t.external_id for t in tr.list(data_set_external_ids=["ds"])] == ["t1"]
    assert [t.external_id for t in tr.list(query_regex="'n'", conflict_mode="upsert", has_blocked_error=False)] == [
        "t2"
    ]
    assert (
        len(tr.list(created_time={"min": 0}, last_updated_time={"min": 0}, cdf_project_name=client.config.project)) == 3
    )
    assert [len(chunk) for chunk in tr(chunk_size=2)] == [2, 1]
    assert len(list(tr(limit=2))) == 2
    updated = tr.update(TransformationUpdate(external_id="t1").name.set("Renamed").tags.add(["x", "y"])
                        .data_set_id.set(None).source_oidc_credentials.set(creds))  # fmt: skip
    assert updated.name == "Renamed" and updated.tags == ["x", "y"] and updated.data_set_id is None
    assert updated.has_source_oidc_credentials is True
    again = tr.update(tr.retrieve(external_id="t1").as_write(), mode="replace")  # type: ignore[union-attr]
    assert again.name == "Renamed"
    tr.delete(external_id="t2")
    tr.delete(id=[123], ignore_unknown_ids=True)
    with pytest.raises(CogniteNotFoundError):
        tr.delete(external_id="t2")
    assert len(tr.list()) == 2


def test_runs_jobs_metrics_and_cancel_over_loopback(client: CogniteClient) -> None:
    client.raw.rows.insert(
        "src", "rows", [RowWrite("a", {"value": 1}), RowWrite("b", {"value": 2})], ensure_parent=True
    )
    tr = client.transformations
    t = tr.create(_raw_copy("copy"))
    job = tr.run(transformation_id=t.id)
    assert job.status == TransformationJobStatus.COMPLETED and job.error is None
    assert job.started_time is not None and job.finished_time is not None
    copied = client.raw.rows.list("dst", "copy", limit=None)
    assert {r.key: r.columns for r in copied} == {"a": {"value": 1}, "b": {"value": 2}}
    assert {m.name: m.count for m in job.metrics()} == {"requests": 1, "raw.upserted": 2}
    pending = t.run(wait=False)
    assert pending.status == TransformationJobStatus.CREATED
    with pytest.raises(CogniteAPIError) as err:
        tr.run(transformation_external_id="copy", wait=False)
    assert err.value.code == 409
    fresh = tr.retrieve(id=t.id)
    assert fresh.running_job.id == pending.id and fresh.last_finished_job.id == job.id  # type: ignore[union-attr]
    pending.cancel()
    assert pending.wait(timeout=5).status == TransformationJobStatus.FAILED
    assert pending.error == "Job cancelled by the user"
    with pytest.raises(CogniteAPIError):
        tr.cancel(transformation_external_id="copy")
    timed = tr.run(transformation_external_id="copy", timeout=0)
    assert timed.status == TransformationJobStatus.CREATED  # no time to poll
    timed.update()
    assert timed.status == TransformationJobStatus.RUNNING
    jobs = tr.jobs.list(transformation_id=t.id, limit=None)
    assert [j.id for j in jobs] == [timed.id, pending.id, job.id]
    assert jobs[0].status == TransformationJobStatus.COMPLETED  # the list showed it: it moved on
    assert len(tr.jobs.list(transformation_external_id="copy", limit=1)) == 1
    assert tr.jobs.retrieve(job.id).status == TransformationJobStatus.COMPLETED  # type: ignore[union-attr]
    assert tr.jobs.retrieve(999999) is None
    assert tr.jobs.retrieve_multiple([job.id, 999999], ignore_unknown_ids=True).as_ids() == [job.id]
    with pytest.raises(CogniteNotFoundError):
        tr.jobs.retrieve_multiple([999999])
    assert len(t.jobs()) == 3
    broken = tr.create(TransformationWrite("bad", "Bad", query="select count(*) from x",
                                           destination=TransformationDestination.assets()))  # fmt: skip
    assets = tr.create(TransformationWrite("assets", "Assets", query="select 'pump' as externalId, 'Pump' as name",
                                           destination=TransformationDestination.assets(), conflict_mode="upsert"))  # fmt: skip
    assert assets.run().status == TransformationJobStatus.COMPLETED
    assert client.assets.retrieve(external_id="pump").name == "Pump"  # type: ignore[union-attr]
    failed = broken.run()
    assert failed.status == TransformationJobStatus.FAILED and "not supported" in (failed.error or "")


def test_preview_and_schema_over_loopback(client: CogniteClient) -> None:
    client.raw.rows.insert(
        "db", "t", [RowWrite("k1", {"n": 1, "s": "x"}), RowWrite("k2", {"n": 2})], ensure_parent=True
    )
    tr = client.transformations
    res = tr.preview("select * from `db`.`t`", limit=10, source_limit=None, infer_schema_limit=None, timeout=None)
    assert [c.name for c in res.schema] == ["key", "lastUpdatedTime", "n", "s"]
    assert [r["key"] for r in res.results] == ["k1", "k2"]
    res = tr.preview("select n as num from db.t where key = 'k2'", convert_to_string=True)
    assert res.results == [{"num": "2"}] and res.schema[0].sql_type == "string"
    with pytest.raises(CogniteAPIError):
        tr.preview("select 1 from db.t join db.u")
    with pytest.raises(ValueError, match="query"):
        tr.preview("")
    schema = tr.schema.retrieve(TransformationDestination.assets())
    assert {"externalId", "name", "metadata", "labels"} <= {c.name for c in schema}
    meta = next(c for c in schema if c.name == "metadata")
    assert meta.type.type == "map" and meta.sql_type == "map<string,string>"  # type: ignore[union-attr]
    assert [c.name for c in tr.schema.retrieve(TransformationDestination.raw("db", "t"))] == ["key"]
    assert [c.name for c in tr.schema.retrieve(TransformationDestination.events(), conflict_mode="delete")] == [
        "id", "externalId"]  # fmt: skip
    nodes = tr.schema.retrieve(TransformationDestination.nodes(ViewInfo("s", "V", "1")))
    assert [c.name for c in nodes][:2] == ["externalId", "space"]
    edges = tr.schema.retrieve(TransformationDestination.edges(instance_space="s"))
    assert [c.name for c in edges] == ["externalId", "startNode", "endNode"]


def test_schedules_and_notifications_over_loopback(client: CogniteClient) -> None:
    tr = client.transformations
    a, b = tr.create([_raw_copy("a"), _raw_copy("b")])
    sch = tr.schedules.create([TransformationScheduleWrite("0 * * * *", id=a.id),
                               TransformationScheduleWrite("0 6 * * *", external_id="b", is_paused=True)])  # fmt: skip
    assert [(s.id, s.external_id, s.is_paused) for s in sch] == [(a.id, "a", False), (b.id, "b", True)]
    with pytest.raises(CogniteDuplicatedError):
        tr.schedules.create(TransformationScheduleWrite("0 * * * *", external_id="a"))
    with pytest.raises(CogniteAPIError):
        tr.schedules.create(TransformationScheduleWrite("every hour", external_id="a"))
    assert tr.schedules.retrieve(external_id="b").interval == "0 6 * * *"  # type: ignore[union-attr]
    assert tr.schedules.retrieve(id=12345) is None
    assert len(tr.schedules.retrieve_multiple(ids=[a.id], external_ids=["b", "c"], ignore_unknown_ids=True)) == 2
    assert len(tr.schedules.list(include_public=False)) == 2 and len(list(tr.schedules(chunk_size=1))) == 2
    upd = tr.schedules.update(
        TransformationScheduleUpdate(external_id="a").interval.set("5 * * * *").is_paused.set(True)
    )
    assert upd.interval == "5 * * * *" and upd.is_paused
    assert tr.retrieve(id=a.id).schedule.interval == "5 * * * *"  # type: ignore[union-attr]
    tr.update(TransformationUpdate(id=a.id).external_id.set("a2"))
    assert tr.schedules.retrieve(external_id="a2") is not None
    tr.schedules.delete(external_id="b")
    tr.schedules.delete(id=[b.id], ignore_unknown_ids=True)
    assert [s.external_id for s in tr.schedules.list()] == ["a2"]
    n1 = tr.notifications.create(TransformationNotificationWrite("ops@example.com", transformation_id=a.id))
    tr.notifications.create([TransformationNotificationWrite("dev@example.com", transformation_external_id="b")])
    assert n1.transformation_id == a.id
    assert [n.destination for n in tr.notifications.list(transformation_external_id="b")] == ["dev@example.com"]
    assert [n.destination for n in tr.notifications.list(transformation_id=a.id)] == ["ops@example.com"]
    assert len(tr.notifications.list(destination="ops@example.com")) == 1
    assert len(list(tr.notifications(chunk_size=5))) == 1
    with pytest.raises(CogniteAPIError):
        tr.notifications.create(TransformationNotificationWrite("x@example.com", transformation_external_id="nope"))
    tr.notifications.delete(id=n1.id)
    tr.delete(id=a.id)  # its schedule goes with it
    assert tr.schedules.list() == [] and [n.destination for n in tr.notifications.list()] == ["dev@example.com"]


def test_external_data_sources_over_loopback(client: CogniteClient) -> None:
    eds = client.transformations.external_data_sources
    settings = OneLakeSettingsWrite(
        OneLakeCredentialsWrite("app", "tenant", "s3cr3t"), OneLakeLocationDescription("w", "c")
    )
    made = eds.create([OneLakeExternalDataSourceWrite(f"lake{i}", settings, name=f"L{i}") for i in range(3)])
    assert [s.external_id for s in made] == ["lake0", "lake1", "lake2"]
    assert all(isinstance(s, OneLakeExternalDataSource) for s in made)
    replaced = eds.create(OneLakeExternalDataSourceWrite("lake0", settings, name="New"))
    assert replaced.name == "New" and replaced.created_time == made[0].created_time
    assert [s.name for s in eds.list()] == ["New", "L1", "L2"]
    assert [len(c) for c in eds(chunk_size=2)] == [2, 1]
    assert eds.verify_usability("lake1").is_usable
    eds.delete(["lake1", "lake2"])
    assert not eds.verify_usability("lake1").is_usable and len(eds.list(limit=None)) == 1
    with pytest.raises(TypeError):
        eds.create("lake")  # type: ignore[call-overload]


async def test_async_transformations(config: ClientConfig, emulator: CDFEmulator) -> None:
    async with AsyncCogniteClient(config) as client:
        t = await client.transformations.create(_raw_copy("async"))
        job = await t.run_async(wait=False)
        done = await job.wait_async(polling_interval=0.01)
        assert done.status == TransformationJobStatus.FAILED  # the source table does not exist
        assert (await t.jobs_async()).as_ids() == [job.id]
        assert "could not" not in (done.error or "") and "not found" in (done.error or "").lower()
        assert len([x async for x in client.transformations(limit=None)]) == 1
        assert isinstance(await client.transformations.retrieve(external_id="async"), Transformation)
    assert emulator.spec_violations == [] and emulator.invalid_requests == []


def test_docstring_examples_run_against_the_emulator() -> None:
    import cognite.client._api.transformations as api
    import cognite.client._api.transformations.externaldata as api_ext
    import cognite.client._api.transformations.jobs as api_jobs
    import cognite.client._api.transformations.notifications as api_notifications
    import cognite.client._api.transformations.schedules as api_schedules
    import cognite.client._api.transformations.schema as api_schema
    import cognite.client.data_classes.transformations as classes
    import cognite.client.data_classes.transformations.common as common
    import cognite.client.data_classes.transformations.externaldata as ext
    import cognite.client.data_classes.transformations.jobs as jobs
    import cognite.client.data_classes.transformations.notifications as notifications
    import cognite.client.data_classes.transformations.schedules as schedules
    import cognite.client.data_classes.transformations.schema as schema

    modules = (api, api_ext, api_jobs, api_notifications, api_schedules, api_schema, classes, common, ext, jobs,
               notifications, schedules, schema)  # fmt: skip
    for module in modules:
        finder = doctest.DocTestFinder()
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
        tests = [t for t in finder.find(module) if t.examples]
        assert tests, module.__name__
        for test in tests:
            runner.run(test)
        assert runner.failures == 0, module.__name__
