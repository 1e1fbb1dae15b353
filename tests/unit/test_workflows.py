"""The Data Workflows API (workflows, versions, executions, tasks, triggers) and its data classes, against a fake CDF
behind ``httpx.MockTransport``."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from cognite.client import AsyncCogniteClient, CogniteClient
from cognite.client.data_classes import ClientCredentials
from cognite.client.data_classes.data_modeling.query import NodeResultSetExpression, Select
from cognite.client.data_classes.workflows import (
    CDFTaskOutput,
    CDFTaskParameters,
    DynamicTaskParameters,
    FunctionTaskOutput,
    FunctionTaskParameters,
    SimulationInputOverride,
    SimulationTaskOutput,
    SimulationTaskParameters,
    SubworkflowReferenceParameters,
    SubworkflowTaskParameters,
    TransformationTaskParameters,
    UnknownWorkflowTaskOutput,
    UnknownWorkflowTaskParameters,
    Workflow,
    WorkflowDataModelingTriggerRule,
    WorkflowDefinition,
    WorkflowDefinitionUpsert,
    WorkflowExecutionDetailed,
    WorkflowIds,
    WorkflowList,
    WorkflowScheduledTriggerRule,
    WorkflowTask,
    WorkflowTaskExecution,
    WorkflowTrigger,
    WorkflowTriggerDataModelingQuery,
    WorkflowTriggerRule,
    WorkflowTriggerUpsert,
    WorkflowUpsert,
    WorkflowUpsertList,
    WorkflowVersion,
    WorkflowVersionId,
    WorkflowVersionList,
    WorkflowVersionUpsert,
)
from cognite.client.exceptions import CogniteNotFoundError
from cognite.client.utils._experimental import FeaturePreviewWarning


def workflow(xid: str) -> dict[str, Any]:
    return {"externalId": xid, "createdTime": 1, "lastUpdatedTime": 2}


def version(xid: str, ver: str) -> dict[str, Any]:
    task = {
        "externalId": "a",
        "type": "cdf",
        "parameters": {"cdfRequest": {"resourcePath": "/assets", "method": "GET"}},
    }
    return {"workflowExternalId": xid, "version": ver, "workflowDefinition": {"hash": "H", "tasks": [task]}}


EXECUTION = {"id": "e1", "workflowExternalId": "wf", "version": "1", "status": "RUNNING", "createdTime": 5,
             "engineExecutionId": "x", "metadata": {}}  # fmt: skip
SESSION = {"items": [{"id": 1, "type": "TOKEN_EXCHANGE", "status": "READY", "nonce": "n0nce"}]}


def bodies(fake: Any, endpoint: str) -> list[Any]:
    return [r.body for r in fake.calls(endpoint)]


def params(fake: Any, endpoint: str) -> list[dict[str, str]]:
    return [dict(r.params) for r in fake.calls(endpoint)]


class TestDataClasses:
    def test_every_kind_of_task_round_trips(self) -> None:
        tasks = [
            WorkflowTask("f", FunctionTaskParameters("fn", {"a": 1}, is_async_complete=False), name="F", retries=0),
            WorkflowTask("t", TransformationTaskParameters("tr", "restartAfterCurrent", True), timeout=100),
            WorkflowTask("c", CDFTaskParameters("/assets", "get", {"a": "b"}, {"x": 1}, 500), on_failure="skipTask"),
            WorkflowTask("d", DynamicTaskParameters("${f.output.response.tasks}"), depends_on=["f"]),
            WorkflowTask("s", SubworkflowTaskParameters([WorkflowTask("inner", CDFTaskParameters("/x", "POST"))])),
            WorkflowTask("r", SubworkflowReferenceParameters("other", "2"), description="ref"),
            WorkflowTask("m", SimulationTaskParameters("routine", 7, [SimulationInputOverride("T", [1, 2], "C")])),
        ]
        assert [t.type for t in tasks] == ["function", "transformation", "cdf", "dynamic", "subworkflow",
                                          "subworkflow", "simulation"]  # fmt: skip
        for task in tasks:
            assert WorkflowTask.load(task.dump()) == task
            assert WorkflowTask.load(task.dump(camel_case=False)) == task
        assert tasks[2].parameters.dump() == {"cdfRequest": {"resourcePath": "/assets", "method": "GET",
            "queryParameters": {"a": "b"}, "body": {"x": 1}, "requestTimeoutInMillis": 500}}  # fmt: skip
        assert tasks[3].dump()["dependsOn"] == [{"externalId": "f"}]
        assert isinstance(WorkflowTask.load(tasks[5].dump()).parameters, SubworkflowReferenceParameters)
        unknown = WorkflowTask.load({"externalId": "q", "type": "quantum", "parameters": {"quantum": {"n": 1}}})
        assert isinstance(unknown.parameters, UnknownWorkflowTaskParameters) and unknown.type == "quantum"
        assert unknown.dump()["parameters"] == {"quantum": {"n": 1}}

    def test_bad_task_arguments_fail_naming_the_argument(self) -> None:
        with pytest.raises(TypeError, match="parameters"):
            WorkflowTask("a", {"function": {}})  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="retries"):
            WorkflowTask("a", CDFTaskParameters("/a", "GET"), retries=11)
        with pytest.raises(ValueError, match="on_failure"):
            WorkflowTask("a", CDFTaskParameters("/a", "GET"), on_failure="ignore")  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="method"):
            CDFTaskParameters("/a", "DELETE")
        with pytest.raises(ValueError, match="concurrency_policy"):
            TransformationTaskParameters("t", "sometimes")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="external_id"):
            FunctionTaskParameters(1)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="tasks"):
            SubworkflowTaskParameters([])

    def test_outputs_and_task_executions(self) -> None:
        ex = WorkflowTaskExecution.load({
            "id": "t1", "externalId": "f", "status": "COMPLETED", "taskType": "function", "startTime": 1, "endTime": 2,
            "input": {"function": {"externalId": "fn"}}, "output": {"callId": 1, "functionId": 2, "response": {"a": 1}},
        })  # fmt: skip
        assert ex.status == "completed" and ex.task_type == "function"
        assert ex.output == FunctionTaskOutput(1, 2, {"a": 1})
        assert WorkflowTaskExecution.load(ex.dump()) == ex
        assert WorkflowTaskExecution.load(ex.dump(camel_case=False)) == ex
        cdf = WorkflowTaskExecution.load({"id": "t", "externalId": "c", "status": "FAILED", "taskType": "cdf",
            "input": {"cdfRequest": {"resourcePath": "/a", "method": "GET"}}, "output": {"response": "x", "statusCode": 500}})  # fmt: skip
        assert cdf.output == CDFTaskOutput("x", 500)
        sim = WorkflowTaskExecution.load({"id": "t", "externalId": "s", "status": "COMPLETED", "taskType": "simulation",
            "input": {"simulation": {"routineExternalId": "r"}}, "output": {"runId": 1, "logId": 2, "statusMessage": "ok"}})  # fmt: skip
        assert sim.output == SimulationTaskOutput(1, 2, "ok")
        odd = WorkflowTaskExecution.load({"id": "t", "externalId": "q", "status": "COMPLETED", "taskType": "quantum",
                                          "input": {"quantum": {}}, "output": {"bits": 2}})  # fmt: skip
        assert isinstance(odd.output, UnknownWorkflowTaskOutput) and odd.output.task_type == "quantum"

    def test_workflows_versions_and_ids(self) -> None:
        wf = Workflow.load({**workflow("w"), "description": "d", "maxConcurrentExecutions": 3, "newField": 1})
        assert wf.as_write() == WorkflowUpsert("w", "d", max_concurrent_executions=3)
        assert isinstance(WorkflowList.load([workflow("a")]).as_write(), WorkflowUpsertList)
        with pytest.raises(TypeError, match="external_id"):
            WorkflowUpsert(3)  # type: ignore[arg-type]
        v = WorkflowVersion.load(version("w", "1"))
        assert isinstance(v.workflow_definition, WorkflowDefinition) and v.workflow_definition.hash_ == "H"
        assert v.dump()["workflowDefinition"]["hash"] == "H"
        assert v.as_write().dump() == {"workflowExternalId": "w", "version": "1", "workflowDefinition": {"tasks": [
            {"externalId": "a", "type": "cdf", "parameters": {"cdfRequest": {"resourcePath": "/assets", "method": "GET",
             "requestTimeoutInMillis": 10000}}}]}}  # fmt: skip
        versions = WorkflowVersionList.load([version("w", "1"), version("w", "2")])
        assert versions.as_ids().as_tuples() == [("w", "1"), ("w", "2")]
        assert versions.as_write().as_ids().dump() == [{"workflowExternalId": "w", "version": "1"},
                                                       {"workflowExternalId": "w", "version": "2"}]  # fmt: skip
        assert WorkflowVersionId.load({"workflowExternalId": "w", "version": "1"}) == WorkflowVersionId("w", "1")
        assert WorkflowIds.load(("w", "1")).as_tuples() == [("w", "1")]
        assert len({WorkflowVersionId("w", "1"), WorkflowVersionId("w", "1")}) == 1
        with pytest.raises(TypeError, match="workflow_definition"):
            WorkflowVersionUpsert("w", "1", {"tasks": []})  # type: ignore[arg-type]

    def test_executions_and_triggers(self) -> None:
        detailed = WorkflowExecutionDetailed.load({**EXECUTION, "status": "FAILED", "input": {"a": 1},
            "workflowDefinition": {"hash": "H", "tasks": []}, "executedTasks": [{"id": "t", "externalId": "a",
            "status": "FAILED", "taskType": "cdf", "input": {"cdfRequest": {"resourcePath": "/a", "method": "GET"}},
            "output": {"statusCode": 404}, "reasonForIncompletion": "404"}]})  # fmt: skip
        assert detailed.status == "failed" and detailed.executed_tasks[0].status == "failed"
        assert detailed.as_execution().as_workflow_id() == WorkflowVersionId("wf", "1")
        assert WorkflowExecutionDetailed.load(detailed.dump()) == detailed
        query = WorkflowTriggerDataModelingQuery({"n": NodeResultSetExpression()}, {"n": Select()})
        dm_rule = WorkflowDataModelingTriggerRule(query, batch_size=10, batch_timeout=60)
        assert WorkflowTriggerRule.load(dm_rule.dump()) == dm_rule
        rule = WorkflowScheduledTriggerRule("0 * * * *", "UTC")
        trigger = WorkflowTrigger.load({"externalId": "t", "triggerRule": rule.dump(), "workflowExternalId": "wf",
                                        "workflowVersion": "1", "isPaused": True, "input": {"a": 1}})  # fmt: skip
        assert trigger.trigger_rule == rule and trigger.as_write().input == {"a": 1}
        assert WorkflowTrigger.load(trigger.dump(camel_case=False)) == trigger
        with pytest.raises(TypeError, match="trigger_rule"):
            WorkflowTriggerUpsert("t", {"triggerType": "schedule"}, "wf", "1")  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="triggerType"):
            WorkflowTriggerRule.load({"triggerType": "moon"})
        warning = FeaturePreviewWarning("beta", "alpha", "Triggers", pluralize=True)
        with pytest.warns(FeaturePreviewWarning, match="Triggers are in beta"):
            warning.warn()


class TestWorkflowsAPI:
    async def test_upsert_one_per_request_retrieve_list_delete(
        self, routed_cdf: Any, async_client: AsyncCogniteClient
    ) -> None:
        fake = routed_cdf({
            "POST /workflows": lambda body: {"items": [{**workflow(body["items"][0]["externalId"]), **body["items"][0]}]},
            "GET /workflows/a": workflow("a"),
            "GET /workflows/b": httpx.Response(404, json={"error": {"code": 404, "message": "nope"}}),
            "GET /workflows": [{"items": [workflow("a")], "nextCursor": "c"}, {"items": [workflow("b")]}],
            "POST /workflows/delete": {},
        })  # fmt: skip
        created = await async_client.workflows.upsert([WorkflowUpsert("a", "d"), Workflow.load(workflow("b"))])
        assert created.as_external_ids() == ["a", "b"]
        assert sorted(b["items"][0]["externalId"] for b in bodies(fake, "POST /workflows")) == ["a", "b"]
        assert all(len(b["items"]) == 1 for b in bodies(fake, "POST /workflows"))
        assert (await async_client.workflows.retrieve("a")).external_id == "a"  # type: ignore[union-attr]
        assert await async_client.workflows.retrieve("b") is None
        assert (await async_client.workflows.retrieve(["a", "b"], ignore_unknown_ids=True)).as_external_ids() == ["a"]
        with pytest.raises(CogniteNotFoundError) as err:
            await async_client.workflows.retrieve(["a", "b"])
        assert err.value.not_found == [{"externalId": "b"}]
        assert (await async_client.workflows.list(limit=None)).as_external_ids() == ["a", "b"]
        await async_client.workflows.delete(["a", "b"], ignore_unknown_ids=True)
        assert bodies(fake, "POST /workflows/delete") == [{"items": [{"externalId": "a"}, {"externalId": "b"}]}]
        assert params(fake, "POST /workflows/delete") == [{"ignoreUnknownIds": "true"}]

    async def test_bad_arguments_fail_before_any_request(
        self, routed_cdf: Any, async_client: AsyncCogniteClient
    ) -> None:
        fake = routed_cdf({})
        with pytest.raises(ValueError, match="mode"):
            await async_client.workflows.upsert(WorkflowUpsert("a"), mode="patch")  # type: ignore[call-overload]
        with pytest.raises(TypeError, match="ignore_unknown_ids"):
            await async_client.workflows.retrieve("a", ignore_unknown_ids="yes")  # type: ignore[call-overload]
        with pytest.raises(ValueError, match="workflow_external_id"):
            await async_client.workflows.versions.retrieve([("a",)])  # type: ignore[list-item]
        with pytest.raises(ValueError, match="statuses"):
            await async_client.workflows.executions.list(statuses="done")  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="createdTimeStart"):
            await async_client.workflows.executions.list(created_time_start=-1)
        with pytest.raises(ValueError, match="status"):
            await async_client.workflows.tasks.update("t", "running")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="input"):
            await async_client.workflows.executions.run("a", "1", input="x", nonce="n")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="workflow_trigger"):
            await async_client.workflows.triggers.upsert({"externalId": "t"})  # type: ignore[arg-type]
        assert fake.calls() == []

    async def test_versions(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        fake = routed_cdf({
            "POST /workflows/versions": lambda body: {"items": [{**body["items"][0],
                "workflowDefinition": {**body["items"][0]["workflowDefinition"], "hash": "H"}}]},
            "GET /workflows/w/versions/1": version("w", "1"),
            "GET /workflows/w/versions/2": httpx.Response(404, json={"error": {"code": 404, "message": "no"}}),
            "POST /workflows/versions/list": lambda body: {"items": [version("w", "1")]},
            "POST /workflows/versions/delete": {},
        })  # fmt: skip
        definition = WorkflowDefinitionUpsert([WorkflowTask("a", CDFTaskParameters("/assets", "GET"))], "first")
        up = await async_client.workflows.versions.upsert(WorkflowVersionUpsert("w", "1", definition))
        assert up.workflow_definition is not None and up.workflow_definition.description == "first"
        sent = bodies(fake, "POST /workflows/versions")[0]["items"][0]
        assert sent["workflowDefinition"]["tasks"][0]["parameters"]["cdfRequest"]["resourcePath"] == "/assets"
        assert (await async_client.workflows.versions.retrieve(WorkflowVersionId("w", "1"))) is not None
        assert await async_client.workflows.versions.retrieve(("w", "2")) is None
        got = await async_client.workflows.versions.retrieve([("w", "1"), ("w", "2")], ignore_unknown_ids=True)
        assert got.as_ids().as_tuples() == [("w", "1")]
        many = [WorkflowVersionId(f"w{i}") for i in range(150)]
        await async_client.workflows.versions.list(many, limit=None)
        sent_filters = [b["filter"]["workflowFilters"] for b in bodies(fake, "POST /workflows/versions/list")]
        assert [len(f) for f in sent_filters] == [100, 50] and sent_filters[0][0] == {"externalId": "w0"}
        await async_client.workflows.versions.list(("w", "1"))
        assert bodies(fake, "POST /workflows/versions/list")[-1]["filter"] == {
            "workflowFilters": [{"externalId": "w", "version": "1"}]
        }
        seen = [v async for v in async_client.workflows.versions(workflow_version_ids="w")]
        assert [v.version for v in seen] == ["1"]
        await async_client.workflows.versions.delete([("w", "1"), WorkflowVersionId("w", "2")])
        assert bodies(fake, "POST /workflows/versions/delete") == [
            {"items": [{"workflowExternalId": "w", "version": "1"}, {"workflowExternalId": "w", "version": "2"}]}
        ]
        assert params(fake, "POST /workflows/versions/delete") == [{"ignoreUnknownIds": "false"}]

    async def test_executions_tasks(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        detailed = {**EXECUTION, "workflowDefinition": {"hash": "H", "tasks": []}, "executedTasks": []}
        task = {"id": "t1", "externalId": "f", "status": "COMPLETED", "taskType": "function",
                "input": {"function": {"externalId": "fn"}}, "output": {"response": {"a": 1}}}  # fmt: skip
        fake = routed_cdf({
            "POST /sessions": SESSION,
            "POST /workflows/wf/versions/1/run": httpx.Response(202, json=EXECUTION),
            "POST /workflows/executions/list": {"items": [EXECUTION]},
            "GET /workflows/executions/e1": detailed,
            "POST /workflows/executions/e1/cancel": {**EXECUTION, "status": "TERMINATED"},
            "POST /workflows/executions/e1/retry": EXECUTION,
            "POST /workflows/tasks/t1/update": task,
        })  # fmt: skip
        started = await async_client.workflows.executions.run("wf", "1", {"a": 1}, {"k": "v"},
                                                              ClientCredentials("id", "secret"))  # fmt: skip
        assert started.status == "running"
        assert bodies(fake, "POST /sessions") == [{"items": [{"clientId": "id", "clientSecret": "secret"}]}]
        assert bodies(fake, "POST /workflows/wf/versions/1/run") == [
            {"authentication": {"nonce": "n0nce"}, "input": {"a": 1}, "metadata": {"k": "v"}}
        ]
        await async_client.workflows.executions.run("wf", "1", nonce="mine")
        assert bodies(fake, "POST /workflows/wf/versions/1/run")[-1] == {"authentication": {"nonce": "mine"}}
        await async_client.workflows.executions.list(["wf", ("wf", "1")], 1, 2, ["completed", "TIMED_OUT"], limit=5)
        assert bodies(fake, "POST /workflows/executions/list")[0] == {"limit": 5, "filter": {
            "workflowFilters": [{"externalId": "wf"}, {"externalId": "wf", "version": "1"}],
            "createdTimeStart": 1, "createdTimeEnd": 2, "status": ["COMPLETED", "TIMED_OUT"]}}  # fmt: skip
        assert (await async_client.workflows.executions.retrieve_detailed("e1")).id == "e1"  # type: ignore[union-attr]
        assert (await async_client.workflows.executions.cancel("e1", "why")).status == "terminated"
        assert bodies(fake, "POST /workflows/executions/e1/cancel") == [{"reason": "why"}]
        await async_client.workflows.executions.retry("e1")
        assert bodies(fake, "POST /workflows/executions/e1/retry") == [{"authentication": {"nonce": "n0nce"}}]
        updated = await async_client.workflows.tasks.update("t1", "failed_with_terminal_error", {"x": 1})
        assert updated.output == FunctionTaskOutput(None, None, {"a": 1})
        assert bodies(fake, "POST /workflows/tasks/t1/update") == [
            {"status": "FAILED_WITH_TERMINAL_ERROR", "output": {"x": 1}}
        ]

    async def test_triggers(self, routed_cdf: Any, async_client: AsyncCogniteClient) -> None:
        rule = {"triggerType": "schedule", "cronExpression": "0 * * * *"}
        stored = {"externalId": "t", "triggerRule": rule, "workflowExternalId": "wf", "workflowVersion": "1",
                  "isPaused": False, "createdTime": 1, "lastUpdatedTime": 1}  # fmt: skip
        run = {
            "externalId": "t",
            "fireTime": 3,
            "workflowExternalId": "wf",
            "workflowVersion": "1",
            "status": "success",
        }
        fake = routed_cdf({
            "POST /sessions": SESSION,
            "POST /workflows/triggers": {"items": [stored]},
            "GET /workflows/triggers": {"items": [stored]},
            "GET /workflows/triggers/t/history": {"items": [run]},
            "POST /workflows/triggers/t/pause": {},
            "POST /workflows/triggers/t/resume": {},
            "POST /workflows/triggers/delete": {},
        })  # fmt: skip
        upsert = WorkflowTriggerUpsert("t", WorkflowScheduledTriggerRule("0 * * * *"), "wf", "1", {"a": 1}, {"k": "v"})
        assert (await async_client.workflows.triggers.upsert(upsert)).is_paused is False
        assert bodies(fake, "POST /workflows/triggers") == [
            {"items": [{**upsert.dump(), "authentication": {"nonce": "n0nce"}}]}
        ]
        assert (await async_client.workflows.triggers.list()).as_external_ids() == ["t"]
        assert (await async_client.workflows.triggers.list_runs("t", limit=None))[0].fire_time == 3
        await async_client.workflows.triggers.pause("t")
        await async_client.workflows.triggers.resume("t")
        assert [r.raw for r in fake.calls("POST /workflows/triggers/t/pause")] == [b""]
        await async_client.workflows.triggers.delete(["t", "u"])
        assert bodies(fake, "POST /workflows/triggers/delete") == [{"items": [{"externalId": "t"}]},
                                                                   {"items": [{"externalId": "u"}]}]  # fmt: skip

    def test_sync_client_has_the_same_surface(self, routed_cdf: Any, sync_client: CogniteClient) -> None:
        routed_cdf({"GET /workflows": {"items": [workflow("a"), workflow("b")]}})
        assert [w.external_id for w in sync_client.workflows(limit=1)] == ["a"]
        assert len(sync_client.workflows.list()) == 2
