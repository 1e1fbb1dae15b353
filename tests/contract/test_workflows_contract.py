"""Contract tests: every request the Data Workflows API sends validates against the CDF OpenAPI spec.

Each method is called with every parameter it has, and with every kind of task and trigger rule, so each field of
each request body is checked.
"""

from __future__ import annotations

from typing import Any

import pytest

from cognite.client import AsyncCogniteClient
from cognite.client.data_classes import ClientCredentials
from cognite.client.data_classes.data_modeling.ids import ViewId
from cognite.client.data_classes.data_modeling.query import NodeResultSetExpression, Select, SourceSelector
from cognite.client.data_classes.workflows import (
    CDFTaskParameters,
    DynamicTaskParameters,
    FunctionTaskParameters,
    SimulationInputOverride,
    SimulationTaskParameters,
    SubworkflowReferenceParameters,
    SubworkflowTaskParameters,
    TransformationTaskParameters,
    Workflow,
    WorkflowDataModelingTriggerRule,
    WorkflowDefinitionUpsert,
    WorkflowScheduledTriggerRule,
    WorkflowTask,
    WorkflowTriggerDataModelingQuery,
    WorkflowTriggerUpsert,
    WorkflowUpsert,
    WorkflowVersionId,
    WorkflowVersionUpsert,
)
from cognite.client.testing import SpecCheckedCDF
from cognite.client.testing._openapi import OpenAPISpec

EXECUTION = {"id": "059edaa4-a17a-4102-910e-2c3591500cce", "workflowExternalId": "wf", "version": "1",
             "status": "RUNNING", "engineExecutionId": "3c90c3cc-0d44-4b50-8888-8dd25736052a", "createdTime": 1,
             "metadata": {}}  # fmt: skip
TASK = {"id": "059edaa4-a17a-4102-910e-2c3591500ccf", "externalId": "f", "status": "COMPLETED", "taskType": "function",
        "input": {"function": {"externalId": "fn"}}, "output": {"callId": 1, "functionId": 2, "response": {}}}  # fmt: skip
RULE = {"triggerType": "schedule", "cronExpression": "0 * * * *"}
TRIGGER = {"externalId": "t", "triggerRule": RULE, "workflowExternalId": "wf", "workflowVersion": "1",
           "isPaused": False, "createdTime": 1, "lastUpdatedTime": 1}  # fmt: skip


def _version(item: dict[str, Any]) -> dict[str, Any]:
    return {**item, "workflowDefinition": {**item["workflowDefinition"], "hash": "H"}, "createdTime": 1,
            "lastUpdatedTime": 1}  # fmt: skip


class WorkflowsCDF(SpecCheckedCDF):
    """Answers workflow requests with valid canned bodies."""

    def answer(self, method: str, path: str, template: str, body: Any, query: dict[str, str]) -> tuple[int, Any]:
        if template == "/sessions":
            return 200, {"items": [{"id": 1, "type": "CLIENT_CREDENTIALS", "status": "READY", "nonce": "n"}]}
        if template == "/workflows" and method == "POST":
            return 200, {"items": [{"createdTime": 1, "lastUpdatedTime": 1, **body["items"][0]}]}
        if template == "/workflows":
            return 200, {"items": [{"externalId": "wf", "createdTime": 1, "lastUpdatedTime": 1}]}
        if template == "/workflows/{workflowExternalId}":
            return 200, {"externalId": "wf", "createdTime": 1, "lastUpdatedTime": 1}
        if template == "/workflows/versions":
            return 200, {"items": [_version(body["items"][0])]}
        if template == "/workflows/versions/list":
            return 200, {"items": []}
        if template == "/workflows/{workflowExternalId}/versions/{version}":
            return 200, _version({"workflowExternalId": "wf", "version": "1", "workflowDefinition": {"tasks": []}})
        if template == "/workflows/{workflowExternalId}/versions/{version}/run":
            return 202, EXECUTION
        if template == "/workflows/executions/list":
            return 200, {"items": [EXECUTION]}
        if template == "/workflows/executions/{executionId}":
            return 200, {**EXECUTION, "workflowDefinition": {"hash": "H", "tasks": []}, "executedTasks": [TASK]}
        if template in ("/workflows/executions/{executionId}/cancel", "/workflows/executions/{executionId}/retry"):
            return 200, EXECUTION
        if template == "/workflows/tasks/{taskId}/update":
            return 200, TASK
        if template == "/workflows/triggers" and method == "POST":
            return 200, {"items": [TRIGGER]}
        if template == "/workflows/triggers":
            return 200, {"items": [TRIGGER]}
        if template == "/workflows/triggers/{triggerExternalId}/history":
            return 200, {"items": [{"externalId": "t", "fireTime": 1, "workflowExternalId": "wf",
                                    "workflowVersion": "1", "status": "success"}]}  # fmt: skip
        return 200, {}  # deletes, pause, resume


@pytest.fixture
def cdf(spec: OpenAPISpec) -> WorkflowsCDF:
    return WorkflowsCDF(spec)


def every_kind_of_task() -> list[WorkflowTask]:
    return [
        WorkflowTask(
            "f",
            FunctionTaskParameters("fn", {"a": 1}, is_async_complete=True),
            name="F",
            description="d",
            retries=2,
            timeout=300,
            on_failure="skipTask",
        ),
        WorkflowTask("t", TransformationTaskParameters("tr", "waitForCurrent", True), depends_on=["f"]),
        WorkflowTask("c", CDFTaskParameters("/assets/list", "POST", {"k": "v"}, {"limit": 1}, 1000)),
        WorkflowTask("d", DynamicTaskParameters("${f.output.response.tasks}"), depends_on=["f", "t"]),
        WorkflowTask("s", SubworkflowTaskParameters([WorkflowTask("x", CDFTaskParameters("/assets", "GET"))])),
        WorkflowTask("r", SubworkflowReferenceParameters("other", "2")),
        WorkflowTask(
            "m",
            SimulationTaskParameters(
                "routine", 5, [SimulationInputOverride("T", 1.5, "C"), SimulationInputOverride("L", ["a"])]
            ),
        ),
    ]


async def test_every_workflow_and_version_request_matches_the_spec(
    client: AsyncCogniteClient, cdf: WorkflowsCDF
) -> None:
    wf = client.workflows
    await wf.upsert(WorkflowUpsert("wf", "desc", 123, 5))
    await wf.upsert([Workflow.load({"externalId": "w2", "createdTime": 1, "lastUpdatedTime": 1})])
    await wf.retrieve("wf")
    await wf.retrieve(["wf", "w/2"], ignore_unknown_ids=True)
    await wf.list(limit=None)
    async for _ in wf(chunk_size=1, limit=2):
        pass
    await wf.delete(["wf", "w2"], ignore_unknown_ids=True)
    definition = WorkflowDefinitionUpsert(every_kind_of_task(), "all kinds")
    await wf.versions.upsert(
        [WorkflowVersionUpsert("wf", "1", definition), WorkflowVersionUpsert("wf", "2", definition)]
    )
    await wf.versions.retrieve(("wf", "1"))
    await wf.versions.retrieve([WorkflowVersionId("wf", "1"), ("wf", "2")], ignore_unknown_ids=True)
    await wf.versions.list(["wf", ("other", "1")], limit=None)
    await wf.versions.list()
    async for _ in wf.versions(chunk_size=2, workflow_version_ids=("wf", "1"), limit=4):
        pass
    await wf.versions.delete([("wf", "1"), WorkflowVersionId("wf", "2")], ignore_unknown_ids=True)
    assert cdf.errors == []
    assert {p for _, p in cdf.seen} == {
        "/workflows", "/workflows/{workflowExternalId}", "/workflows/delete", "/workflows/versions",
        "/workflows/{workflowExternalId}/versions/{version}", "/workflows/versions/list", "/workflows/versions/delete",
    }  # fmt: skip


async def test_every_execution_task_and_trigger_request_matches_the_spec(
    client: AsyncCogniteClient, cdf: WorkflowsCDF
) -> None:
    wf = client.workflows
    await wf.executions.run("wf", "1", {"a": [1, 2]}, {"k": "v"}, ClientCredentials("id", "secret"))
    await wf.executions.run("wf", "1", nonce="abc")
    await wf.executions.list(["wf", ("wf", "1")], 1, 2, ["running", "completed", "failed", "timed_out", "terminated"],
                             limit=None)  # fmt: skip
    await wf.executions.list()
    await wf.executions.retrieve_detailed(EXECUTION["id"])
    await wf.executions.cancel(EXECUTION["id"], "no longer needed")
    await wf.executions.cancel(EXECUTION["id"])
    await wf.executions.retry(EXECUTION["id"], ClientCredentials("id", "secret"))
    for status in ("completed", "failed", "failed_with_terminal_error"):
        await wf.tasks.update(TASK["id"], status, {"rows": 3})  # type: ignore[arg-type]
    await wf.tasks.update(TASK["id"], "completed")
    schedule = WorkflowTriggerUpsert("t", WorkflowScheduledTriggerRule("0 * * * *", "Europe/Oslo"), "wf", "1",
                                     {"a": 1}, {"k": "v"})  # fmt: skip
    await wf.triggers.upsert(schedule, ClientCredentials("id", "secret"))
    query = WorkflowTriggerDataModelingQuery(
        {"n": NodeResultSetExpression(limit=10)},
        {"n": Select([SourceSelector(ViewId("sp", "View", "1"), ["name"])])},
    )
    await wf.triggers.upsert(
        WorkflowTriggerUpsert("dm", WorkflowDataModelingTriggerRule(query, batch_size=10, batch_timeout=60), "wf", "1")
    )
    await wf.triggers.list(limit=None)
    await wf.triggers.list_runs("t", limit=None)
    await wf.triggers.pause("t")
    await wf.triggers.resume("t")
    await wf.triggers.delete(["t", "dm"])
    assert cdf.errors == []
    assert {p for _, p in cdf.seen} == {
        "/sessions", "/workflows/{workflowExternalId}/versions/{version}/run", "/workflows/executions/list",
        "/workflows/executions/{executionId}", "/workflows/executions/{executionId}/cancel",
        "/workflows/executions/{executionId}/retry", "/workflows/tasks/{taskId}/update", "/workflows/triggers",
        "/workflows/triggers/{triggerExternalId}/history", "/workflows/triggers/{triggerExternalId}/pause",
        "/workflows/triggers/{triggerExternalId}/resume", "/workflows/triggers/delete",
    }  # fmt: skip


def test_the_validator_catches_bad_bodies(spec: OpenAPISpec) -> None:
    assert spec.request_errors("POST", "/workflows", {"items": [{"externalId": "a"}, {"externalId": "b"}]})
    task = {"externalId": "a", "type": "teleport", "parameters": {}}
    body = {"items": [{"workflowExternalId": "w", "version": "1", "workflowDefinition": {"tasks": [task]}}]}
    assert spec.request_errors("POST", "/workflows/versions", body)
    assert spec.request_errors("POST", "/workflows/w/versions/1/run", {"input": {}})
    assert spec.request_errors("POST", "/workflows/tasks/t/update", {"status": "RUNNING"})
