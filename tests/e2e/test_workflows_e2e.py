"""End to end: every Data Workflows method, SDK against the emulator over loopback HTTP.

The emulator (``conftest.py``) validates every request and response against the CDF spec, so a wrong body fails here too.
Executions run in the emulator: CDF request tasks call the emulator itself.
"""

from __future__ import annotations

import doctest
from collections.abc import Iterator

import pytest

from cognite.client import AsyncCogniteClient, ClientConfig, CogniteClient
from cognite.client.data_classes import (
    AssetWrite,
    CDFTaskOutput,
    CDFTaskParameters,
    ClientCredentials,
    DynamicTaskParameters,
    FunctionTaskParameters,
    SimulationTaskOutput,
    SimulationTaskParameters,
    SubworkflowTaskParameters,
    TransformationTaskParameters,
    WorkflowDefinitionUpsert,
    WorkflowExecutionDetailed,
    WorkflowList,
    WorkflowTask,
    WorkflowTriggerUpsert,
    WorkflowUpsert,
    WorkflowVersionId,
    WorkflowVersionList,
    WorkflowVersionUpsert,
)
from cognite.client.data_classes.workflows import (
    SubworkflowReferenceParameters,
    WorkflowScheduledTriggerRule,
)
from cognite.client.exceptions import CogniteAPIError, CogniteNotFoundError
from cognite.client.testing import CDFEmulator

pytestmark = pytest.mark.e2e


@pytest.fixture
def client(config: ClientConfig, emulator: CDFEmulator) -> Iterator[CogniteClient]:
    with CogniteClient(config) as c:
        yield c
    assert emulator.spec_violations == [] and emulator.invalid_requests == []


def definition(*tasks: WorkflowTask) -> WorkflowDefinitionUpsert:
    return WorkflowDefinitionUpsert(list(tasks))


def test_workflows_and_versions_over_loopback(client: CogniteClient) -> None:
    wf = client.workflows
    created = wf.upsert([WorkflowUpsert(f"w{i}", f"workflow {i}", max_concurrent_executions=2) for i in range(12)])
    assert isinstance(created, WorkflowList) and len(created) == 12
    assert wf.upsert(WorkflowUpsert("w0", "renamed")).description == "renamed"
    assert wf.retrieve("w0").max_concurrent_executions is None  # type: ignore[union-attr]  # replace mode
    assert wf.retrieve("nope") is None
    assert wf.retrieve(["w1", "nope"], ignore_unknown_ids=True).as_external_ids() == ["w1"]
    with pytest.raises(CogniteNotFoundError):
        wf.retrieve(["w1", "nope"])
    assert len(wf.list(limit=5)) == 5 and len(wf.list(limit=None)) == 12
    assert sum(len(chunk) for chunk in wf(chunk_size=5)) == 12
    task = WorkflowTask("count", CDFTaskParameters("/assets/list", "POST", body={"limit": 1}))
    versions = wf.versions.upsert([WorkflowVersionUpsert("w1", str(v), definition(task)) for v in range(3)])
    assert isinstance(versions, WorkflowVersionList) and versions.as_ids().as_tuples() == [
        ("w1", "0"),
        ("w1", "1"),
        ("w1", "2"),
    ]
    one = wf.versions.retrieve(("w1", "1"))
    assert (
        one is not None
        and one.workflow_definition is not None
        and one.workflow_definition.tasks
        == [WorkflowTask("count", CDFTaskParameters("/assets/list", "POST", body={"limit": 1}), depends_on=[])]
    )
    assert wf.versions.retrieve(WorkflowVersionId("w1", "9")) is None
    assert len(wf.versions.retrieve([("w1", "1"), ("w1", "9")], ignore_unknown_ids=True)) == 1
    assert len(wf.versions.list("w1")) == 3 and len(wf.versions.list([("w1", "2")])) == 1
    assert [v.version for v in wf.versions(workflow_version_ids=["w1"], limit=2)] == ["0", "1"]
    wf.versions.delete([("w1", "0")])
    with pytest.raises(CogniteNotFoundError):
        wf.versions.delete(("w1", "0"))
    wf.versions.delete(("w1", "0"), ignore_unknown_ids=True)
    wf.delete(["w1", "w2"])
    assert wf.versions.list("w1") == WorkflowVersionList([])
    with pytest.raises(CogniteNotFoundError):
        wf.delete("w1")
    wf.delete(["w1", "w3"], ignore_unknown_ids=True)
    assert len(wf.list(limit=None)) == 9


def test_executions_run_for_real_over_loopback(client: CogniteClient) -> None:
    wf = client.workflows
    create = WorkflowTask("create", CDFTaskParameters("/assets", "POST", body={"items": [
        {"externalId": "${workflow.input.xid}", "name": "pump"}]}))  # fmt: skip
    read = WorkflowTask("read", CDFTaskParameters("/assets/byids", "POST",
                        body={"items": [{"externalId": "${workflow.input.xid}"}]}), depends_on=["create"])  # fmt: skip
    transform = WorkflowTask("transform", TransformationTaskParameters("t"), retries=0, on_failure="skipTask")
    simulate = WorkflowTask("simulate", SimulationTaskParameters("routine"), depends_on=["read"])
    dynamic = WorkflowTask("fan-out", DynamicTaskParameters("${workflow.input.more}"), depends_on=["read"])
    sub = WorkflowTask("sub", SubworkflowTaskParameters([WorkflowTask("inner", CDFTaskParameters("/assets", "GET"))]))
    wf.versions.upsert(WorkflowVersionUpsert("etl", "1", definition(create, read, transform, simulate, dynamic, sub)))
    more = [WorkflowTask(f"d{i}", CDFTaskParameters("/assets", "GET")).dump() for i in range(2)]
    execution = wf.executions.run("etl", "1", input={"xid": "pump-1", "more": more}, metadata={"team": "ops"})
    detailed = wf.executions.retrieve_detailed(execution.id)
    assert isinstance(detailed, WorkflowExecutionDetailed)
    assert detailed.status == "completed" and detailed.input == {"xid": "pump-1", "more": more}
    tasks = {t.external_id: t for t in detailed.executed_tasks}
    assert set(tasks) == {"create", "read", "transform", "simulate", "fan-out", "d0", "d1", "sub", "inner"}
    assert isinstance(tasks["read"].output, CDFTaskOutput) and tasks["read"].output.status_code == 200
    assert tasks["read"].output.response["items"][0]["name"] == "pump"  # type: ignore[index]
    assert isinstance(tasks["simulate"].output, SimulationTaskOutput)
    assert tasks["transform"].status in ("completed", "completed_with_errors")
    assert client.assets.retrieve(external_id="pump-1") is not None
    listed = wf.executions.list(("etl", "1"), statuses="completed")
    assert [e.id for e in listed] == [execution.id] and listed[0].metadata == {"team": "ops"}
    assert wf.executions.list("other") == type(listed)([])
    assert len(wf.executions.list(created_time_start=0, created_time_end=execution.created_time)) == 1
    assert wf.executions.retrieve_detailed("00000000-0000-4000-8000-000000000000") is None
    # an asynchronous task: cancel one execution, complete another from outside
    wait = WorkflowTask("wait", FunctionTaskParameters("external", is_async_complete=True))
    after = WorkflowTask("after", SubworkflowReferenceParameters("etl", "1"), depends_on=["wait"])
    wf.versions.upsert(WorkflowVersionUpsert("async", "1", definition(wait, after)))
    first = wf.executions.run("async", "1", client_credentials=ClientCredentials("app", "secret"))
    assert wf.executions.cancel(first.id, "changed my mind").status == "terminated"
    with pytest.raises(CogniteAPIError):
        wf.executions.cancel(first.id)
    second = wf.executions.run("async", "1", input={"xid": "pump-2", "more": []})
    task_id = wf.executions.retrieve_detailed(second.id).executed_tasks[0].id  # type: ignore[union-attr]
    assert wf.tasks.update(task_id, "completed", {"rows": 2}).status == "completed"
    assert wf.executions.retrieve_detailed(second.id).status == "completed"  # type: ignore[union-attr]
    # retry: a failing request, fixed in the data, then retried
    fetch = WorkflowTask("fetch", CDFTaskParameters("/assets/byids", "POST", body={"items": [{"externalId": "late"}]}),
                         retries=0)  # fmt: skip
    wf.versions.upsert(WorkflowVersionUpsert("flaky", "1", definition(fetch)))
    failed = wf.executions.run("flaky", "1")
    assert wf.executions.retrieve_detailed(failed.id).status == "failed"  # type: ignore[union-attr]
    client.assets.create(AssetWrite(external_id="late", name="late"))
    assert wf.executions.retry(failed.id).status == "completed"


def test_triggers_over_loopback(client: CogniteClient, emulator: CDFEmulator, config: ClientConfig) -> None:
    wf = client.workflows
    wf.versions.upsert(
        WorkflowVersionUpsert("etl", "1", definition(WorkflowTask("a", CDFTaskParameters("/assets", "GET"))))
    )
    rule = WorkflowScheduledTriggerRule("0 * * * *", "Europe/Oslo")
    trigger = wf.triggers.upsert(WorkflowTriggerUpsert("hourly", rule, "etl", "1", {"k": "v"}, {"m": "1"}))
    assert trigger.trigger_rule == rule and trigger.is_paused is False and trigger.input == {"k": "v"}
    with pytest.raises(CogniteAPIError):
        wf.triggers.upsert(WorkflowTriggerUpsert("bad", rule, "etl", "404"))
    assert wf.triggers.list().as_external_ids() == ["hourly"]
    wf.triggers.pause("hourly")
    assert wf.triggers.list()[0].is_paused is True
    wf.triggers.resume("hourly")
    from cognite.client.testing._families_workflows import fire_trigger

    fired = fire_trigger(emulator, config.project, "hourly")
    assert fired is not None
    runs = wf.triggers.list_runs("hourly")
    assert [r.workflow_execution_id for r in runs] == [fired["workflowExecutionId"]] and runs[0].status == "success"
    execution = wf.executions.retrieve_detailed(fired["workflowExecutionId"])
    assert execution is not None and execution.input == {"k": "v"} and execution.metadata == {"m": "1"}
    with pytest.raises(CogniteNotFoundError):
        wf.triggers.pause("nope")
    wf.triggers.delete("hourly")
    assert len(wf.triggers.list()) == 0


async def test_async_workflows(config: ClientConfig, emulator: CDFEmulator) -> None:
    async with AsyncCogniteClient(config) as client:
        await client.workflows.upsert([WorkflowUpsert(f"a{i}") for i in range(3)])
        seen = [w.external_id async for w in client.workflows()]
        assert sorted(seen) == ["a0", "a1", "a2"]
        task = WorkflowTask("t", CDFTaskParameters("/assets", "GET"))
        await client.workflows.versions.upsert(WorkflowVersionUpsert("a0", "1", definition(task)))
        execution = await client.workflows.executions.run("a0", "1")
        detailed = await client.workflows.executions.retrieve_detailed(execution.id)
        assert detailed is not None and detailed.status == "completed"
    assert emulator.spec_violations == [] and emulator.invalid_requests == []


def test_docstring_examples_run_against_the_emulator() -> None:
    import cognite.client._api.workflows as workflows_api
    import cognite.client.data_classes.workflows as workflows_classes
    import cognite.client.testing._families_workflows as workflows_emulator
    import cognite.client.utils._experimental as experimental

    for module in (workflows_api, workflows_classes, workflows_emulator, experimental):
        finder = doctest.DocTestFinder()
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
        tests = [t for t in finder.find(module) if t.examples]
        assert tests
        for test in tests:
            runner.run(test)
        assert runner.failures == 0, module.__name__
