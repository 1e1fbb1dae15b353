"""The emulator's Data Workflows: workflows, versions, executions that really run (DAG order, references, retries,
skip/abort, asynchronous tasks, timeouts, cancel, retry, dynamic and subworkflow tasks) and triggers, driven with raw
httpx through the in-process transport. The emulator fixture validates every request and response against the spec."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from cognite.client.testing import CDFEmulator
from cognite.client.testing._families_workflows import fire_trigger
from cognite.client.testing._openapi import OpenAPISpec

PROJECT = "test-project"
AUTH = {"nonce": "n"}


async def post(client: httpx.AsyncClient, path: str, body: dict[str, Any] | None, status: int = 200) -> Any:
    response = await client.post(path, json=body) if body is not None else await client.post(path)
    assert response.status_code == status, response.text
    return response.json()


async def get(client: httpx.AsyncClient, path: str, status: int = 200, **params: Any) -> Any:
    response = await client.get(path, params=params)
    assert response.status_code == status, response.text
    return response.json()


def cdf(xid: str, path: str, method: str = "GET", body: Any = None, **fields: Any) -> dict[str, Any]:
    request: dict[str, Any] = {"resourcePath": path, "method": method}
    if body is not None:
        request["body"] = body
    return {"externalId": xid, "type": "cdf", "parameters": {"cdfRequest": request}, **fields}


def dep(*xids: str) -> list[dict[str, str]]:
    return [{"externalId": x} for x in xids]


async def put_version(client: httpx.AsyncClient, tasks: list[dict[str, Any]], xid: str = "wf", ver: str = "1") -> Any:
    body = {"items": [{"workflowExternalId": xid, "version": ver, "workflowDefinition": {"tasks": tasks}}]}
    return (await post(client, "/workflows/versions", body))["items"][0]


async def run(client: httpx.AsyncClient, xid: str = "wf", ver: str = "1", **body: Any) -> dict[str, Any]:
    started = await post(client, f"/workflows/{xid}/versions/{ver}/run", {"authentication": AUTH, **body}, 202)
    detailed: dict[str, Any] = await get(client, f"/workflows/executions/{started['id']}")
    return detailed


def by_xid(execution: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {t["externalId"]: t for t in execution["executedTasks"]}


class Clock:
    def __init__(self) -> None:
        self.now = 1_700_000_000_000

    def __call__(self) -> int:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def emulator(spec: OpenAPISpec, clock: Clock) -> CDFEmulator:
    return CDFEmulator(seed=7, validate=True, spec=spec, clock=clock)


@pytest.fixture
async def client(emulator: CDFEmulator) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(
        transport=emulator.transport(), base_url=f"http://cdf.local/api/v1/projects/{PROJECT}",
        headers={"Authorization": "Bearer t"},
    ) as c:  # fmt: skip
        yield c


# ---------------------------------------------------------------------------------------------- workflows, versions


async def test_workflows_upsert_list_retrieve_delete(client: httpx.AsyncClient, clock: Clock) -> None:
    created = (await post(client, "/workflows", {"items": [{"externalId": "a", "description": "d"}]}))["items"][0]
    assert created == {"externalId": "a", "description": "d", "createdTime": clock.now, "lastUpdatedTime": clock.now}
    clock.now += 5
    replaced = await post(client, "/workflows", {"items": [{"externalId": "a", "maxConcurrentExecutions": 2}]})
    assert replaced["items"][0] == {"externalId": "a", "maxConcurrentExecutions": 2, "createdTime": clock.now - 5,
                                    "lastUpdatedTime": clock.now}  # fmt: skip
    await post(client, "/workflows", {"items": [{"externalId": "b", "dataSetId": 1}]}, 400)
    await post(client, "/workflows", {"items": [{"externalId": "b"}, {"externalId": "c"}]}, 400)  # one per request
    for xid in "bcd":
        await post(client, "/workflows", {"items": [{"externalId": xid}]})
    page = await get(client, "/workflows", limit=3)
    assert [w["externalId"] for w in page["items"]] == ["a", "b", "c"]
    rest = await get(client, "/workflows", cursor=page["nextCursor"])
    assert [w["externalId"] for w in rest["items"]] == ["d"] and "nextCursor" not in rest
    assert (await get(client, "/workflows/a"))["externalId"] == "a"
    await get(client, "/workflows/zz", 404)
    await put_version(client, [cdf("x", "/assets")], "a", "1")
    missing = await post(client, "/workflows/delete", {"items": [{"externalId": "a"}, {"externalId": "zz"}]}, 404)
    assert missing["error"]["missing"] == [{"externalId": "zz"}]
    await post(
        client, "/workflows/delete?ignoreUnknownIds=true", {"items": [{"externalId": "a"}, {"externalId": "zz"}]}
    )
    await get(client, "/workflows/a", 404)
    await get(client, "/workflows/a/versions/1", 404)  # versions go with their workflow


async def test_versions_validate_the_dag_and_create_the_workflow(client: httpx.AsyncClient) -> None:
    version = await put_version(client, [cdf("a", "/assets"), cdf("b", "/assets", dependsOn=dep("a"))])
    definition = version["workflowDefinition"]
    assert len(definition["hash"]) == 32
    assert definition["tasks"][1] == {**cdf("b", "/assets", dependsOn=dep("a")), "retries": 3, "timeout": 3600,
                                      "onFailure": "abortWorkflow"}  # fmt: skip
    assert (await get(client, "/workflows/wf"))["externalId"] == "wf"
    again = await put_version(client, [cdf("a", "/assets")])
    assert again["workflowDefinition"]["hash"] != definition["hash"]
    bad = [
        [cdf("a", "/x", dependsOn=dep("b")), cdf("b", "/x", dependsOn=dep("a"))],  # a cycle
        [cdf("a", "/x", dependsOn=dep("ghost"))],
        [cdf("a", "/x"), cdf("a", "/y")],
        [{"externalId": "a", "type": "cdf", "parameters": {"function": {"externalId": "f"}}}],
    ]
    for tasks in bad:
        body = {"items": [{"workflowExternalId": "wf", "version": "2", "workflowDefinition": {"tasks": tasks}}]}
        await post(client, "/workflows/versions", body, 400)
    await put_version(client, [cdf("a", "/x")], "other", "1")
    listed = await post(client, "/workflows/versions/list", {"filter": {"workflowFilters": [{"externalId": "wf"}]}})
    assert [(v["workflowExternalId"], v["version"]) for v in listed["items"]] == [("wf", "1")]
    everything = await post(client, "/workflows/versions/list", {"limit": 1})
    assert len(everything["items"]) == 1 and "nextCursor" in everything
    items = {"items": [{"workflowExternalId": "wf", "version": "1"}, {"workflowExternalId": "wf", "version": "9"}]}
    await post(client, "/workflows/versions/delete", items, 404)
    await post(client, "/workflows/versions/delete?ignoreUnknownIds=true", items)
    await get(client, "/workflows/wf/versions/1", 404)


# ---------------------------------------------------------------------------------------------- executions


async def test_an_execution_walks_the_dag_with_references_into_the_emulator(
    client: httpx.AsyncClient, emulator: CDFEmulator
) -> None:
    tasks = [
        cdf(
            "check",
            "/assets/byids",
            "POST",
            {"items": [{"id": "${create.output.response.items.0.id}"}]},
            dependsOn=dep("create", "count"),
        ),
        cdf(
            "create",
            "/assets",
            "POST",
            {"items": [{"externalId": "${workflow.input.xid}", "name": "made by ${workflow.input.who}"}]},
        ),
        cdf("count", "/assets/list", "POST", {"limit": 5}, dependsOn=dep("create")),
    ]
    await put_version(client, tasks)
    execution = await run(client, input={"xid": "pump", "who": "wf"}, metadata={"by": "test"})
    assert execution["status"] == "COMPLETED" and execution["metadata"] == {"by": "test"}
    assert [t["externalId"] for t in execution["executedTasks"]] == ["create", "count", "check"]
    done = by_xid(execution)
    assert all(t["status"] == "COMPLETED" and t["taskType"] == "cdf" for t in done.values())
    asset = done["create"]["output"]["response"]["items"][0]
    assert asset["name"] == "made by wf" and asset["externalId"] == "pump"
    assert done["check"]["input"]["cdfRequest"]["body"] == {"items": [{"id": asset["id"]}]}
    assert done["check"]["output"]["statusCode"] == 200
    assert emulator.store(PROJECT, "assets").get({"externalId": "pump"}) is not None
    summary = (await post(client, "/workflows/executions/list", {}))["items"][0]
    assert summary["id"] == execution["id"] and "executedTasks" not in summary


async def test_retries_then_abort_or_skip(client: httpx.AsyncClient, emulator: CDFEmulator) -> None:
    await put_version(client, [cdf("bad", "/assets/123", retries=2), cdf("after", "/assets", dependsOn=dep("bad"))])
    before = emulator.counters.by_route["GET /assets/{id}"]
    failed = await run(client)
    assert emulator.counters.by_route["GET /assets/{id}"] - before == 3  # the first attempt and two retries
    assert failed["status"] == "FAILED" and "'bad'" in failed["reasonForIncompletion"]
    bad = by_xid(failed)["bad"]
    assert bad["status"] == "FAILED" and "after 3 attempt(s)" in bad["reasonForIncompletion"]
    assert bad["output"]["statusCode"] >= 400 and "after" not in by_xid(failed)
    await put_version(client, [cdf("bad", "/assets/123", retries=0, onFailure="skipTask"),
                               cdf("after", "/assets", dependsOn=dep("bad"))])  # fmt: skip
    skipped = await run(client)
    assert skipped["status"] == "COMPLETED"
    assert [by_xid(skipped)[x]["status"] for x in ("bad", "after")] == ["COMPLETED_WITH_ERRORS", "COMPLETED"]


async def test_asynchronous_tasks_updates_and_timeouts(client: httpx.AsyncClient, clock: Clock) -> None:
    waiting = {"externalId": "wait", "type": "function", "timeout": 100,
               "parameters": {"function": {"externalId": "external-job"}, "isAsyncComplete": True}}  # fmt: skip
    await put_version(client, [waiting, cdf("next", "/assets", dependsOn=dep("wait"))])
    execution = await run(client)
    task = by_xid(execution)["wait"]
    assert execution["status"] == "RUNNING" and task["status"] == "IN_PROGRESS" and "next" not in by_xid(execution)
    updated = await post(
        client, f"/workflows/tasks/{task['id']}/update", {"status": "COMPLETED", "output": {"rows": 3}}
    )
    assert updated["status"] == "COMPLETED" and updated["output"]["response"] == {"rows": 3}
    await post(client, f"/workflows/tasks/{task['id']}/update", {"status": "COMPLETED"}, 400)
    await post(client, "/workflows/tasks/00000000-0000-4000-8000-000000000000/update", {"status": "COMPLETED"}, 404)
    done = await get(client, f"/workflows/executions/{execution['id']}")
    assert done["status"] == "COMPLETED" and by_xid(done)["next"]["status"] == "COMPLETED"
    late = await run(client)
    clock.now += 101_000
    timed_out = await get(client, f"/workflows/executions/{late['id']}")
    assert timed_out["status"] == "TIMED_OUT" and by_xid(timed_out)["wait"]["status"] == "TIMED_OUT"
    failing = await run(client)
    await post(
        client, f"/workflows/tasks/{by_xid(failing)['wait']['id']}/update", {"status": "FAILED_WITH_TERMINAL_ERROR"}
    )
    assert (await get(client, f"/workflows/executions/{failing['id']}"))["status"] == "FAILED"
    statuses = await post(client, "/workflows/executions/list", {"filter": {"status": ["TIMED_OUT", "FAILED"]}})
    assert {e["id"] for e in statuses["items"]} == {late["id"], failing["id"]}


async def test_cancel_and_retry(client: httpx.AsyncClient, clock: Clock) -> None:
    waiting = {"externalId": "wait", "type": "function",
               "parameters": {"function": {"externalId": "job"}, "isAsyncComplete": True}}  # fmt: skip
    await put_version(client, [waiting])
    running = await run(client)
    cancelled = await post(client, f"/workflows/executions/{running['id']}/cancel", {"reason": "stop"})
    assert cancelled["status"] == "TERMINATED" and cancelled["reasonForIncompletion"] == "stop"
    assert by_xid(await get(client, f"/workflows/executions/{running['id']}"))["wait"]["status"] == "CANCELED"
    await post(client, f"/workflows/executions/{running['id']}/cancel", {}, 400)
    await post(client, "/workflows/executions/00000000-0000-4000-8000-000000000000/cancel", {}, 404)
    # a failure fixed in the data, then retried: the completed task is kept, the failed one runs again
    tasks = [cdf("first", "/assets"), cdf("get", "/assets/byids", "POST", {"items": [{"externalId": "later"}]},
                                          dependsOn=dep("first"), retries=0)]  # fmt: skip
    await put_version(client, tasks, ver="2")
    failed = await run(client, ver="2")
    assert failed["status"] == "FAILED"
    first_id = by_xid(failed)["first"]["id"]
    await post(client, f"/workflows/executions/{failed['id']}/retry", {"authentication": AUTH}, 200)
    assert (await get(client, f"/workflows/executions/{failed['id']}"))["status"] == "FAILED"
    await post(client, "/assets", {"items": [{"externalId": "later", "name": "x"}]}, 201)
    retried = await post(client, f"/workflows/executions/{failed['id']}/retry", {"authentication": AUTH})
    assert retried["status"] == "COMPLETED"
    detailed = await get(client, f"/workflows/executions/{failed['id']}")
    assert by_xid(detailed)["first"]["id"] == first_id and by_xid(detailed)["get"]["status"] == "COMPLETED"
    await post(client, f"/workflows/executions/{failed['id']}/retry", {"authentication": AUTH}, 400)
    await post(client, "/workflows/wf/versions/2/run", {"input": {}}, 400)  # no authentication


async def test_dynamic_subworkflow_and_canned_tasks(client: httpx.AsyncClient, emulator: CDFEmulator) -> None:
    await put_version(client, [cdf("inner", "/assets")], "child", "1")
    tasks = [
        {"externalId": "dyn", "type": "dynamic", "parameters": {"dynamic": {"tasks": "${workflow.input.tasks}"}}},
        {"externalId": "sub", "type": "subworkflow", "dependsOn": dep("dyn"),
         "parameters": {"subworkflow": {"tasks": [cdf("s1", "/assets"), cdf("s2", "/assets", dependsOn=dep("s1"))]}}},
        {"externalId": "ref", "type": "subworkflow", "parameters": {"subworkflow": {"workflowExternalId": "child", "version": "1"}}},
        {"externalId": "tr", "type": "transformation", "parameters": {"transformation": {"externalId": "t1"}},
         "retries": 0, "onFailure": "skipTask"},
        {"externalId": "sim", "type": "simulation", "parameters": {"simulation": {"routineExternalId": "r"}}},
        {"externalId": "fn", "type": "function", "retries": 0, "parameters": {"function": {"externalId": "no-such-fn"}},
         "onFailure": "skipTask"},
    ]  # fmt: skip
    await put_version(client, tasks)
    execution = await run(client, input={"tasks": [cdf("d1", "/assets"), cdf("d2", "/assets", dependsOn=dep("d1"))]})
    assert execution["status"] == "COMPLETED", (
        execution.get("reasonForIncompletion"),
        [(t["externalId"], t["status"], t.get("reasonForIncompletion")) for t in execution["executedTasks"]],
    )
    parents = {t["externalId"]: t.get("parentTaskExternalId") for t in execution["executedTasks"]}
    assert parents == {"dyn": None, "d1": "dyn", "d2": "dyn", "sub": None, "s1": "sub", "s2": "sub", "ref": None,
                       "inner": "ref", "tr": None, "sim": None, "fn": None}  # fmt: skip
    done = by_xid(execution)
    assert done["dyn"]["status"] == "COMPLETED" and len(done["dyn"]["output"]["dynamicTasks"]) == 2
    if any(s.family.path == "/transformations" for s in emulator.project(PROJECT).stores.values()):
        assert done["tr"]["status"] == "COMPLETED_WITH_ERRORS"  # served, and there is no transformation t1
    else:
        assert done["tr"]["output"] == {"jobId": 1}  # canned
    assert done["sim"]["output"]["runId"] >= 1
    assert done["fn"]["status"] == "COMPLETED_WITH_ERRORS"  # the emulator serves functions; this one does not exist
    broken = [{"externalId": "dyn", "type": "dynamic", "parameters": {"dynamic": {"tasks": "${workflow.input.nope}"}}}]
    await put_version(client, broken, ver="2")
    failed = await run(client, ver="2")
    assert failed["status"] == "FAILED" and by_xid(failed)["dyn"]["status"] == "FAILED"


# ---------------------------------------------------------------------------------------------- triggers


async def test_triggers_store_rules_pause_resume_and_fire(client: httpx.AsyncClient, emulator: CDFEmulator) -> None:
    await put_version(client, [cdf("a", "/assets")])
    rule = {"triggerType": "schedule", "cronExpression": "0 * * * *"}
    item = {"externalId": "t", "triggerRule": rule, "workflowExternalId": "wf", "workflowVersion": "1",
            "input": {"k": 1}, "metadata": {"m": "v"}, "authentication": AUTH}  # fmt: skip
    stored = (await post(client, "/workflows/triggers", {"items": [item]}))["items"][0]
    assert stored["isPaused"] is False and stored["triggerRule"] == rule and "authentication" not in stored
    await post(client, "/workflows/triggers", {"items": [{**item, "workflowVersion": "9"}]}, 400)
    await post(
        client, "/workflows/triggers", {"items": [{**item, "triggerRule": {**rule, "cronExpression": "x"}}]}, 400
    )
    await post(client, "/workflows/triggers/t/pause", None)
    assert (await get(client, "/workflows/triggers"))["items"][0]["isPaused"] is True
    store = emulator.store(PROJECT, "workflows")
    assert await store.fire("t") is None  # paused: no run
    await post(client, "/workflows/triggers/t/resume", None)
    fired = await store.fire("t")
    assert fired is not None and fired["status"] == "success"
    execution = await get(client, f"/workflows/executions/{fired['workflowExecutionId']}")
    assert execution["input"] == {"k": 1} and execution["metadata"] == {"m": "v"} and execution["status"] == "COMPLETED"
    history = await get(client, "/workflows/triggers/t/history")
    assert [r["workflowExecutionId"] for r in history["items"]] == [fired["workflowExecutionId"]]
    await get(client, "/workflows/triggers/zz/history", 404)
    await post(client, "/workflows/triggers/zz/pause", None, 404)
    await post(client, "/workflows/triggers/delete", {"items": [{"externalId": "t"}]})
    await post(client, "/workflows/triggers/delete", {"items": [{"externalId": "t"}]}, 404)


def test_fire_trigger_helper_from_sync_code(spec: OpenAPISpec) -> None:
    emulator = CDFEmulator(seed=1, validate=True, spec=spec)
    store = emulator.store(PROJECT, "workflows")
    store.state["versions"] = {("wf", "1"): {"workflowExternalId": "wf", "version": "1",
                                             "workflowDefinition": {"hash": "H", "tasks": []}}}  # fmt: skip
    store.state["triggers"] = {"t": {"externalId": "t", "triggerRule": {"triggerType": "schedule", "cronExpression": "* * * * *"},
                                     "workflowExternalId": "wf", "workflowVersion": "1", "isPaused": False}}  # fmt: skip
    run_record = fire_trigger(emulator, PROJECT, "t")
    assert run_record is not None and run_record["status"] == "success"
    assert store.state["executions"][run_record["workflowExecutionId"]]["status"] == "COMPLETED"
