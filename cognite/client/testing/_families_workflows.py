"""Emulator table entry for Data Workflows (``/workflows``): workflows, versions, executions, tasks and triggers.

Everything is keyed by external ids (a version by ``(workflowExternalId, version)``), so :class:`WorkflowsStore` keeps
its own maps and serves every route itself (the API has no ``/byids``; upserts take one item per request).

Executions run for real, inside the request that starts (or resumes) them, walking the DAG in dependency order:

* ``cdf`` tasks send their request to the emulator itself (the same project, checked against the spec when the
  emulator validates); a status of 400 or above fails the attempt. The output is ``{"response", "statusCode"}``.
* ``transformation`` tasks run ``POST /transformations/run`` and ``function`` tasks call the function
  (``POST /functions/byids`` then ``POST /functions/{id}/call``) when the emulator serves those families; otherwise
  they complete with a canned output (``{"jobId": n}``; ``{"callId": n, "functionId": n, "response": {}}``). A
  function call that does not complete (the function is missing, not ready, fails or times out) fails the attempt.
  A function task with ``isAsyncComplete`` stays IN_PROGRESS until ``POST /workflows/tasks/{id}/update``.
* ``simulation`` tasks complete with a canned output (``{"runId", "logId", "statusMessage"}``): there is no simulator.
* ``dynamic`` tasks resolve their ``tasks`` reference to task definitions and run them; ``subworkflow`` tasks run
  their inline tasks or the tasks of the referenced version. Their tasks are task executions of their own, with
  ``parentTaskExternalId``.
* References ``${workflow.input.<path>}``, ``${workflow.metadata.<path>}``, ``${<task>.output.<path>}`` and
  ``${<task>.input.<path>}`` are resolved in parameters (a whole string: the value; inside a string: its text).
* A failed attempt is retried ``retries`` times (default 3) at once; then the task FAILED (abortWorkflow: the
  execution FAILED, its unstarted tasks never run, running ones CANCELED) or COMPLETED_WITH_ERRORS (skipTask: the
  workflow goes on). ``FAILED_WITH_TERMINAL_ERROR`` from a task update is never retried.
* Timeouts: an in-progress (asynchronous) task times out when ``timeout`` seconds have passed on the emulator's clock;
  this is checked whenever the execution is read, listed or updated.
* Cancel makes a running execution TERMINATED; retry makes a failed, timed out or terminated one run its unfinished
  tasks again.

Triggers store their rule and can be paused and resumed; a schedule does not fire on a clock. Fire a trigger in a test
with :func:`fire_trigger` (or ``await store.fire(external_id)``): it starts an execution as the trigger would and
records a run in the trigger's history (none while paused).
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import re
import uuid
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode

from cognite.client.testing._errors import CDFError
from cognite.client.testing._filters import Item
from cognite.client.testing._store import Family, ResourceStore, _decode_cursor, _encode_cursor

__all__ = ["WORKFLOWS", "WORKFLOWS_FAMILIES", "WorkflowsStore", "fire_trigger"]

Query = Mapping[str, str]
_TASK_TYPES = {"function": "function", "transformation": "transformation", "cdf": "cdfRequest", "dynamic": "dynamic",
               "subworkflow": "subworkflow", "simulation": "simulation"}  # fmt: skip
_TERMINAL = frozenset({"COMPLETED", "COMPLETED_WITH_ERRORS", "FAILED", "FAILED_WITH_TERMINAL_ERROR", "TIMED_OUT",
                       "CANCELED", "SKIPPED"})  # fmt: skip
_DONE = frozenset({"COMPLETED", "COMPLETED_WITH_ERRORS", "SKIPPED"})
_RETRYABLE_EXECUTION = frozenset({"FAILED", "TIMED_OUT", "TERMINATED"})
_EXECUTION_STATUSES = frozenset({"RUNNING", "COMPLETED", "FAILED", "TIMED_OUT", "TERMINATED"})
_REF = re.compile(r"\$\{([^}]+)\}")
_MAX_DEPTH = 5  # nesting of subworkflows and dynamic tasks


def _limit(value: Any) -> int:
    if value is None:
        return 100
    if isinstance(value, str):
        try:
            value = int(value)
        except ValueError:
            raise CDFError(400, f"Invalid limit {value!r}") from None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 1000:
        raise CDFError(400, f"limit must be an integer between 1 and 1000, got {value!r}")
    return value


def _page(items: list[Item], limit: Any, cursor: Any, kind: str) -> dict[str, Any]:
    start = 0 if cursor is None else _decode_cursor(cursor, kind)
    size = _limit(limit)
    out: dict[str, Any] = {"items": items[start : start + size]}
    if start + size < len(items):
        out["nextCursor"] = _encode_cursor(kind, start + size)
    return out


def _items(body: Any, maximum: int) -> list[dict[str, Any]]:
    items = body.get("items") if isinstance(body, dict) else None
    if not isinstance(items, list) or not 1 <= len(items) <= maximum:
        raise CDFError(400, f"The request body needs 'items' with 1 to {maximum} objects")
    if not all(isinstance(i, dict) for i in items):
        raise CDFError(400, "Each item must be an object")
    return items


def _xid(value: Any, name: str = "externalId") -> str:
    if not isinstance(value, str) or not value or len(value) > 255:
        raise CDFError(400, f"'{name}' must be a string of 1 to 255 characters, got {value!r}")
    return value


def _flag(query: Query, name: str) -> bool:
    raw = query.get(name, "false").lower()
    if raw not in ("true", "false"):
        raise CDFError(400, f"Invalid value for query parameter '{name}': {raw!r}")
    return raw == "true"


def _lookup(value: Any, path: list[str]) -> Any:
    for part in path:
        if isinstance(value, dict) and part in value:
            value = value[part]
        elif isinstance(value, list) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        else:
            return None
    return value


def _public(task: Item) -> Item:
    return {k: v for k, v in task.items() if not k.startswith("_")}


class WorkflowsStore(ResourceStore):
    """Workflows, versions, executions and triggers of one project, and the engine that runs executions."""

    # ----------------------------------------------------------------- state
    def _map(self, name: str) -> dict[Any, Item]:
        found: dict[Any, Item] = self.state.setdefault(name, {})
        return found

    def _uuid(self) -> str:
        return str(uuid.UUID(int=self.project.rng.getrandbits(128), version=4))

    def _seq(self, name: str) -> int:
        self.state[name] = self.state.get(name, 0) + 1
        return int(self.state[name])

    # ----------------------------------------------------------------- workflows
    def upsert_workflows(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``POST /workflows``: create or replace a workflow."""
        out = []
        for entry in _items(body, 1):
            xid = _xid(entry.get("externalId"))
            data_set = entry.get("dataSetId")
            if data_set is not None:
                data_sets = self.project.stores.get("datasets")
                if data_sets is None or data_set not in data_sets.items:
                    raise CDFError(400, "Data set not found", missing=[{"id": data_set}])
            out.append(self._put_workflow(xid, entry))
        return 200, {"items": out}

    def _put_workflow(self, xid: str, entry: Mapping[str, Any]) -> Item:
        workflows = self._map("workflows")
        now = self.project.clock()
        old = workflows.get(xid)
        item: Item = {"externalId": xid, "createdTime": old["createdTime"] if old else now, "lastUpdatedTime": now}
        for key in ("description", "dataSetId", "maxConcurrentExecutions"):
            if entry.get(key) is not None:
                item[key] = entry[key]
        workflows[xid] = item
        return item

    def list_workflows(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``GET /workflows``."""
        return 200, _page(list(self._map("workflows").values()), query.get("limit"), query.get("cursor"), "wf")

    def get_workflow(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``GET /workflows/{workflowExternalId}``."""
        found = self._map("workflows").get(params["workflowExternalId"])
        if found is None:
            raise CDFError(404, f"Workflow {params['workflowExternalId']!r} not found")
        return 200, found

    def delete_workflows(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``POST /workflows/delete``: workflows with their versions; all or nothing unless ``ignoreUnknownIds``."""
        xids = list(dict.fromkeys(_xid(i.get("externalId")) for i in _items(body, 100)))
        workflows = self._map("workflows")
        missing = [{"externalId": x} for x in xids if x not in workflows]
        if missing and not _flag(query, "ignoreUnknownIds"):
            raise CDFError(404, "Workflows not found", missing=missing)
        versions = self._map("versions")
        for xid in xids:
            workflows.pop(xid, None)
            for key in [k for k in versions if k[0] == xid]:
                del versions[key]
        return 200, {}

    # ----------------------------------------------------------------- versions
    def upsert_versions(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``POST /workflows/versions``: create or replace a version (the workflow is created if it is missing)."""
        out = []
        for entry in _items(body, 1):
            xid, version = _xid(entry.get("workflowExternalId"), "workflowExternalId"), entry.get("version")
            _xid(version, "version")
            definition = entry.get("workflowDefinition")
            if not isinstance(definition, dict):
                raise CDFError(400, "'workflowDefinition' must be an object")
            tasks = self._check_tasks(definition.get("tasks"), "workflowDefinition.tasks")
            if xid not in self._map("workflows"):
                self._put_workflow(xid, {})
            versions = self._map("versions")
            now = self.project.clock()
            old = versions.get((xid, version))
            stored_definition: Item = {"hash": self._hash(tasks), "tasks": tasks}
            if isinstance(definition.get("description"), str):
                stored_definition["description"] = definition["description"]
            item: Item = {
                "workflowExternalId": xid, "version": version, "workflowDefinition": stored_definition,
                "createdTime": old["createdTime"] if old else now, "lastUpdatedTime": now,
            }  # fmt: skip
            versions[(xid, version)] = item
            out.append(item)
        return 200, {"items": out}

    @staticmethod
    def _hash(tasks: list[Item]) -> str:
        return hashlib.sha256(json.dumps(tasks, sort_keys=True).encode()).hexdigest()[:32].upper()

    def _check_tasks(self, tasks: Any, where: str) -> list[Item]:
        """Validate task definitions (kinds, unique ids, dependencies within the list, no cycles); fill defaults."""
        if not isinstance(tasks, list) or len(tasks) > 100:
            raise CDFError(400, f"'{where}' must be a list of at most 100 tasks")
        out: list[Item] = []
        for task in tasks:
            if not isinstance(task, dict):
                raise CDFError(400, f"Each task of '{where}' must be an object")
            xid = _xid(task.get("externalId"), "task externalId")
            kind = task.get("type")
            params = task.get("parameters")
            if kind not in _TASK_TYPES or not isinstance(params, dict) or _TASK_TYPES[kind] not in params:
                raise CDFError(400, f"Task {xid!r}: 'type' must be one of {sorted(_TASK_TYPES)} with its parameters")
            on_failure = task.get("onFailure", "abortWorkflow")
            if on_failure not in ("abortWorkflow", "skipTask"):
                raise CDFError(400, f"Task {xid!r}: invalid onFailure {on_failure!r}")
            deps = task.get("dependsOn") or []
            if not isinstance(deps, list) or not all(
                isinstance(d, dict) and isinstance(d.get("externalId"), str) for d in deps
            ):
                raise CDFError(400, f"Task {xid!r}: 'dependsOn' must be a list of {{'externalId': string}}")
            out.append({**task, "retries": task.get("retries", 3), "timeout": task.get("timeout", 3600),
                        "onFailure": on_failure, "dependsOn": deps})  # fmt: skip
        ids = [t["externalId"] for t in out]
        duplicated = sorted({x for x in ids if ids.count(x) > 1})
        if duplicated:
            raise CDFError(
                400, f"Duplicate task externalIds in '{where}'", duplicated=[{"externalId": x} for x in duplicated]
            )
        known = set(ids)
        for task in out:
            unknown = [d["externalId"] for d in task["dependsOn"] if d["externalId"] not in known]
            if unknown:
                raise CDFError(400, f"Task {task['externalId']!r} depends on unknown tasks {unknown}")
        self._order(out)
        return out

    @staticmethod
    def _order(tasks: list[Item]) -> list[Item]:
        """The tasks in dependency order (400 for a cycle)."""
        deps = {t["externalId"]: {d["externalId"] for d in t["dependsOn"]} for t in tasks}
        ordered: list[Item] = []
        placed: set[str] = set()
        while len(ordered) < len(tasks):
            ready = [t for t in tasks if t["externalId"] not in placed and deps[t["externalId"]] <= placed]
            if not ready:
                raise CDFError(400, "The tasks' dependencies form a cycle")
            ordered.extend(ready)
            placed.update(t["externalId"] for t in ready)
        return ordered

    def _version(self, xid: Any, version: Any, status: int = 404) -> Item:
        found = self._map("versions").get((xid, version))
        if found is None:
            raise CDFError(status, f"Workflow version ({xid!r}, {version!r}) not found",
                           missing=[{"workflowExternalId": xid, "version": version}])  # fmt: skip
        return found

    def get_version(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``GET /workflows/{workflowExternalId}/versions/{version}``."""
        return 200, self._version(params["workflowExternalId"], params["version"])

    @staticmethod
    def _workflow_matcher(flt: Any) -> Any:
        if flt is None:
            return lambda xid, version: True
        if not isinstance(flt, list):
            raise CDFError(400, "'workflowFilters' must be a list")
        wanted = [(_xid(f.get("externalId")), f.get("version")) for f in flt if isinstance(f, dict)]
        return lambda xid, version: any(x == xid and (v is None or v == version) for x, v in wanted)

    def list_versions(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``POST /workflows/versions/list``."""
        flt = body.get("filter") or {}
        match = self._workflow_matcher(flt.get("workflowFilters"))
        found = [v for (xid, ver), v in self._map("versions").items() if match(xid, ver)]
        return 200, _page(found, body.get("limit"), body.get("cursor"), "wfv")

    def delete_versions(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``POST /workflows/versions/delete``: all or nothing unless ``ignoreUnknownIds``."""
        keys = list(dict.fromkeys((i.get("workflowExternalId"), i.get("version")) for i in _items(body, 100)))
        versions = self._map("versions")
        missing = [{"workflowExternalId": x, "version": v} for x, v in keys if (x, v) not in versions]
        if missing and not _flag(query, "ignoreUnknownIds"):
            raise CDFError(404, "Workflow versions not found", missing=missing)
        for key in keys:
            versions.pop(key, None)
        return 200, {}

    # ----------------------------------------------------------------- executions
    @staticmethod
    def _nonce(body: Any) -> None:
        auth = body.get("authentication") if isinstance(body, dict) else None
        if not isinstance(auth, dict) or not isinstance(auth.get("nonce"), str) or not auth["nonce"]:
            raise CDFError(400, "'authentication' must carry a session 'nonce'")

    async def run(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``POST /workflows/{workflowExternalId}/versions/{version}/run``: start an execution and run it."""
        self._nonce(body)
        version = self._version(params["workflowExternalId"], params["version"])
        execution = await self.start(version, body.get("input"), body.get("metadata"))
        return 202, self._summary(execution)

    async def start(self, version: Item, input: Any, metadata: Any) -> Item:
        """Create an execution of a version and run it as far as it goes.

        Args:
            version: The stored version.
            input: The execution input.
            metadata: The execution metadata.

        Returns:
            The execution (internal form).
        """
        if input is not None and not isinstance(input, dict):
            raise CDFError(400, "'input' must be an object")
        now = self.project.clock()
        execution: Item = {
            "id": self._uuid(), "workflowExternalId": version["workflowExternalId"], "version": version["version"],
            "status": "RUNNING", "engineExecutionId": self._uuid(), "createdTime": now, "startTime": now,
            "metadata": dict(metadata or {}), "workflowDefinition": version["workflowDefinition"],
            "executedTasks": [],
        }  # fmt: skip
        if input is not None:
            execution["input"] = input
        self._map("executions")[execution["id"]] = execution
        await self._advance(execution)
        return execution

    @staticmethod
    def _summary(execution: Item) -> Item:
        keys = ("id", "workflowExternalId", "version", "status", "engineExecutionId", "createdTime", "startTime",
                "endTime", "reasonForIncompletion", "metadata")  # fmt: skip
        return {k: execution[k] for k in keys if k in execution}

    @staticmethod
    def _detailed(execution: Item) -> Item:
        return {**execution, "executedTasks": [_public(t) for t in execution["executedTasks"]]}

    def _execution(self, execution_id: str) -> Item:
        found = self._map("executions").get(execution_id)
        if found is None:
            raise CDFError(404, f"Workflow execution {execution_id!r} not found", missing=[{"id": execution_id}])
        return found

    async def get_execution(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``GET /workflows/executions/{executionId}``: the execution with its task executions."""
        execution = self._execution(params["executionId"])
        await self._advance(execution)
        return 200, self._detailed(execution)

    async def list_executions(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``POST /workflows/executions/list``: newest first."""
        flt = body.get("filter") or {}
        match = self._workflow_matcher(flt.get("workflowFilters"))
        start, end, statuses = flt.get("createdTimeStart"), flt.get("createdTimeEnd"), flt.get("status")
        if statuses is not None and (not isinstance(statuses, list) or not set(statuses) <= _EXECUTION_STATUSES):
            raise CDFError(400, f"'status' must be a list of {sorted(_EXECUTION_STATUSES)}")
        found = []
        for execution in self._map("executions").values():
            if execution["status"] == "RUNNING":
                await self._advance(execution)
            if not match(execution["workflowExternalId"], execution["version"]):
                continue
            if (start is not None and execution["createdTime"] < start) or (
                end is not None and execution["createdTime"] > end
            ):
                continue
            if statuses is not None and execution["status"] not in statuses:
                continue
            found.append(self._summary(execution))
        found.sort(key=lambda e: -e["createdTime"])
        return 200, _page(found, body.get("limit"), body.get("cursor"), "wfe")

    async def cancel(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``POST /workflows/executions/{executionId}/cancel``: a running execution becomes TERMINATED."""
        execution = self._execution(params["executionId"])
        await self._advance(execution)
        if execution["status"] != "RUNNING":
            raise CDFError(400, f"Only a running execution can be cancelled; it is {execution['status']}")
        reason = (body or {}).get("reason", "cancelled")
        self._stop(execution, "TERMINATED", reason)
        return 200, self._summary(execution)

    def _stop(self, execution: Item, status: str, reason: str | None) -> None:
        now = self.project.clock()
        for task in execution["executedTasks"]:
            if task["status"] in ("IN_PROGRESS", "SCHEDULED"):
                task.update(status="CANCELED", endTime=now)
        execution.update(status=status, endTime=now)
        if reason is not None:
            execution["reasonForIncompletion"] = reason

    async def retry(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``POST /workflows/executions/{executionId}/retry``: run the unfinished tasks of a stopped execution again."""
        self._nonce(body)
        execution = self._execution(params["executionId"])
        if execution["status"] not in _RETRYABLE_EXECUTION:
            raise CDFError(
                400, f"Only a failed, timed out or terminated execution can be retried; it is {execution['status']}"
            )
        execution["executedTasks"] = [t for t in execution["executedTasks"] if t["status"] in _DONE]
        execution["status"] = "RUNNING"
        execution.pop("endTime", None)
        execution.pop("reasonForIncompletion", None)
        await self._advance(execution)
        return 200, self._summary(execution)

    async def update_task(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``POST /workflows/tasks/{taskId}/update``: complete or fail an in-progress (asynchronous) task."""
        task_id = params["taskId"]
        for execution in self._map("executions").values():
            task = next((t for t in execution["executedTasks"] if t["id"] == task_id), None)
            if task is not None:
                break
        else:
            raise CDFError(404, f"Task {task_id!r} not found", missing=[{"id": task_id}])
        await self._advance(execution)
        if task["status"] != "IN_PROGRESS" or not task["_async"]:
            raise CDFError(400, f"Only an asynchronous task in progress can be updated; it is {task['status']}")
        status = body.get("status")
        if status not in ("COMPLETED", "FAILED", "FAILED_WITH_TERMINAL_ERROR"):
            raise CDFError(400, f"Invalid status {status!r}")
        output = body.get("output")
        if output is not None and not isinstance(output, dict):
            raise CDFError(400, "'output' must be an object")
        task["output"] = {
            **task.get("output", {}),
            "response": {**(task.get("output", {}).get("response") or {}), **(output or {})},
        }
        task["endTime"] = self.project.clock()
        if status == "COMPLETED":
            task["status"] = "COMPLETED"
        else:
            self._fail(execution, task, status, "The task was failed by an update")
        await self._advance(execution)
        return 200, _public(task)

    # ----------------------------------------------------------------- the engine
    async def _advance(self, execution: Item) -> None:
        """Run what can run: time out overdue tasks, then start every task whose dependencies are done."""
        if execution["status"] != "RUNNING":
            return
        now = self.project.clock()
        for task in execution["executedTasks"]:
            if task["status"] == "IN_PROGRESS" and task["_async"] and now > task["startTime"] + task["_timeout"] * 1000:
                task["endTime"] = now
                self._fail(execution, task, "TIMED_OUT", f"The task timed out after {task['_timeout']} seconds")
        outcome = await self._run_group(execution, execution["workflowDefinition"]["tasks"], None, 0)
        if execution["status"] != "RUNNING":
            return
        if outcome == "done":
            execution.update(status="COMPLETED", endTime=self.project.clock())

    def _fail(self, execution: Item, task: Item, status: str, reason: str) -> None:
        """Mark a task failed; abort the execution, or let it go on for ``onFailure: skipTask``."""
        task["reasonForIncompletion"] = reason
        if task["_on_failure"] == "skipTask":
            task["status"] = "COMPLETED_WITH_ERRORS"
            return
        task["status"] = status
        self._stop(
            execution, "TIMED_OUT" if status == "TIMED_OUT" else "FAILED", f"Task {task['externalId']!r}: {reason}"
        )

    def _find(self, execution: Item, xid: str, parent: str | None) -> Item | None:
        return next(
            (
                t
                for t in execution["executedTasks"]
                if t["externalId"] == xid and t.get("parentTaskExternalId") == parent
            ),
            None,
        )

    async def _run_group(self, execution: Item, tasks: list[Item], parent: str | None, depth: int) -> str:
        """Run the tasks of one group (the workflow, a subworkflow or a dynamic task): "done" or "pending"."""
        progressed = True
        while progressed and execution["status"] == "RUNNING":
            progressed = False
            for definition in self._order(tasks):
                if execution["status"] != "RUNNING":
                    return "pending"
                task = self._find(execution, definition["externalId"], parent)
                if task is not None and task["status"] == "IN_PROGRESS" and "_children" in task:
                    result = await self._run_group(execution, task["_children"], task["externalId"], depth + 1)
                    if result == "done" and task["status"] == "IN_PROGRESS":
                        task.update(status="COMPLETED", endTime=self.project.clock())
                        progressed = True
                    continue
                if task is not None:
                    continue
                deps = [self._find(execution, d["externalId"], parent) for d in definition["dependsOn"]]
                if any(d is None or d["status"] not in _DONE for d in deps):
                    continue
                await self._run_task(execution, definition, parent, depth)
                progressed = True
        done = all(
            (t := self._find(execution, d["externalId"], parent)) is not None and t["status"] in _DONE for d in tasks
        )
        return "done" if done else "pending"

    async def _run_task(self, execution: Item, definition: Item, parent: str | None, depth: int) -> None:
        kind = definition["type"]
        params = self._resolve(execution, definition["parameters"])
        task: Item = {
            "id": self._uuid(), "externalId": definition["externalId"], "status": "IN_PROGRESS", "taskType": kind,
            "startTime": self.project.clock(), "input": params, "output": {},
            "_timeout": definition.get("timeout") or 3600, "_on_failure": definition.get("onFailure", "abortWorkflow"),
            "_async": False,
        }  # fmt: skip
        if parent is not None:
            task["parentTaskExternalId"] = parent
        execution["executedTasks"].append(task)
        if kind in ("dynamic", "subworkflow"):
            try:
                task["_children"] = self._children(kind, params, depth)
            except CDFError as err:
                task["endTime"] = self.project.clock()
                self._fail(execution, task, "FAILED", err.message)
                return
            if kind == "dynamic":
                task["output"] = {"dynamicTasks": task["_children"]}
            result = await self._run_group(execution, task["_children"], task["externalId"], depth + 1)
            if result == "done" and task["status"] == "IN_PROGRESS":
                task.update(status="COMPLETED", endTime=self.project.clock())
            return
        if kind == "function" and params.get("isAsyncComplete"):
            task["_async"] = True
            task["output"] = await self._call_function(params["function"]) or {}
            return
        attempts = int(definition.get("retries", 3)) + 1
        reason = ""
        for _ in range(attempts):
            ok, output, reason = await self._attempt(kind, params)
            task["output"] = output
            if ok:
                task.update(status="COMPLETED", endTime=self.project.clock())
                return
        task["endTime"] = self.project.clock()
        self._fail(execution, task, "FAILED", f"{reason} (after {attempts} attempt(s))")

    def _children(self, kind: str, params: Item, depth: int) -> list[Item]:
        if depth >= _MAX_DEPTH:
            raise CDFError(400, f"Subworkflows and dynamic tasks nest at most {_MAX_DEPTH} deep")
        if kind == "dynamic":
            tasks = (params.get("dynamic") or {}).get("tasks")
            return self._check_tasks(tasks, "dynamic.tasks")
        ref = params.get("subworkflow") or {}
        if "tasks" in ref:
            return self._check_tasks(ref["tasks"], "subworkflow.tasks")
        version = self._version(ref.get("workflowExternalId"), ref.get("version"), status=400)
        return list(version["workflowDefinition"]["tasks"])

    async def _attempt(self, kind: str, params: Item) -> tuple[bool, Item, str]:
        """One attempt of a task: (succeeded, output, reason of failure)."""
        if kind == "cdf":
            return await self._cdf_request(params.get("cdfRequest") or {})
        if kind == "transformation":
            xid = (params.get("transformation") or {}).get("externalId")
            if self._serves("/transformations"):
                status, answer = await self._request("POST", "/transformations/run", None, {"externalId": xid})
                if status >= 400:
                    return False, {}, f"Running transformation {xid!r} failed with {status}"
                return True, {"jobId": answer.get("id") if isinstance(answer, dict) else None}, ""
            return True, {"jobId": self._seq("job_seq")}, ""
        if kind == "function":
            output = await self._call_function(params.get("function") or {})
            if output is None:
                return False, {}, "Calling the function failed"
            return True, output, ""
        if kind == "simulation":
            return True, {"runId": self._seq("sim_seq"), "logId": self._seq("sim_seq"),
                          "statusMessage": "Emulated: the emulator has no simulators"}, ""  # fmt: skip
        return False, {}, f"Unknown task type {kind!r}"

    def _serves(self, path: str) -> bool:
        return any(s.family.path == path for s in self.project.stores.values())

    async def _call_function(self, spec: Mapping[str, Any]) -> Item | None:
        """Call a function (when the emulator serves functions), or a canned output; None when the call failed."""
        xid, data = spec.get("externalId"), spec.get("data")
        if not self._serves("/functions"):
            return {"callId": self._seq("call_seq"), "functionId": self._seq("fn_seq"), "response": {}}
        status, found = await self._request("POST", "/functions/byids", None, {"items": [{"externalId": xid}]})
        items = found.get("items") if isinstance(found, dict) else None
        if status >= 400 or not items:
            return None
        function_id = items[0]["id"]
        body = {"data": data if isinstance(data, dict) else {}, "nonce": "workflow-session"}
        status, call = await self._request("POST", f"/functions/{function_id}/call", None, body)
        if status >= 400 or not isinstance(call, dict):
            return None
        base = f"/functions/{function_id}/calls/{call.get('id')}"
        status, outcome = await self._request("GET", base, None, None)
        if status >= 400 or not isinstance(outcome, dict) or outcome.get("status") != "Completed":
            return None
        status, answer = await self._request("GET", base + "/response", None, None)
        response = answer.get("response") if isinstance(answer, dict) else None
        return {"callId": call.get("id"), "functionId": function_id,
                "response": response if isinstance(response, dict) else {} if response is None else {"value": response}}  # fmt: skip

    async def _cdf_request(self, req: Mapping[str, Any]) -> tuple[bool, Item, str]:
        method, path = str(req.get("method", "GET")).upper(), req.get("resourcePath")
        if not isinstance(path, str) or not path.startswith("/"):
            return False, {}, f"Invalid resourcePath {path!r}"
        query = req.get("queryParameters") if isinstance(req.get("queryParameters"), dict) else None
        status, answer = await self._request(method, path, query, req.get("body"))
        output = {"response": answer if isinstance(answer, dict | str) else json.dumps(answer), "statusCode": status}
        if status >= 400:
            return False, output, f"The request {method} {path} answered {status}"
        return True, output, ""

    async def _request(self, method: str, path: str, query: Mapping[str, Any] | None, body: Any) -> tuple[int, Any]:
        """Send a request to this project through the emulator; (status, decoded body)."""
        dispatch = self.project.dispatch
        if dispatch is None:
            return 503, {"error": {"code": 503, "message": "No emulator to send the request to"}}
        raw = b"" if method == "GET" else json.dumps(body if body is not None else {}).encode()
        headers = {"authorization": "Bearer workflow-session", "content-type": "application/json"}
        try:
            resp = await dispatch(method, f"/api/v1/projects/{self.project.name}{path}",
                                  urlencode(query or {}), headers, raw)  # fmt: skip
        except Exception as err:  # a dropped connection (fault injection) or a broken response: the attempt fails
            return 500, {"error": {"code": 500, "message": f"{type(err).__name__}: {err}"}}
        try:
            return resp.status, json.loads(resp.body) if resp.body else {}
        except ValueError:
            return resp.status, resp.body.decode("utf-8", "replace")

    def _resolve(self, execution: Item, value: Any) -> Any:
        """Replace ``${...}`` references in parameters with values from the input, metadata and other tasks."""
        if isinstance(value, dict):
            return {k: self._resolve(execution, v) for k, v in value.items()}
        if isinstance(value, list):
            return [self._resolve(execution, v) for v in value]
        if not isinstance(value, str) or "${" not in value:
            return value
        whole = _REF.fullmatch(value)
        if whole:
            return self._reference(execution, whole.group(1))
        return _REF.sub(lambda m: self._text(self._reference(execution, m.group(1))), value)

    @staticmethod
    def _text(value: Any) -> str:
        return value if isinstance(value, str) else json.dumps(value)

    def _reference(self, execution: Item, ref: str) -> Any:
        parts = ref.strip().split(".")
        if parts[0] == "workflow" and len(parts) >= 2 and parts[1] in ("input", "metadata"):
            return _lookup(execution.get(parts[1]) or {}, parts[2:])
        if len(parts) >= 2 and parts[1] in ("input", "output"):
            task = next((t for t in reversed(execution["executedTasks"]) if t["externalId"] == parts[0]), None)
            return None if task is None else _lookup(task.get(parts[1]), parts[2:])
        return None

    # ----------------------------------------------------------------- triggers
    def upsert_triggers(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``POST /workflows/triggers``: create or replace a trigger (its workflow version must exist)."""
        out = []
        for entry in _items(body, 1):
            self._nonce(entry)
            xid = _xid(entry.get("externalId"))
            rule = entry.get("triggerRule")
            if not isinstance(rule, dict) or rule.get("triggerType") not in ("schedule", "dataModeling"):
                raise CDFError(400, "'triggerRule' must be a schedule or dataModeling rule")
            if rule["triggerType"] == "schedule" and len(str(rule.get("cronExpression", "")).split()) != 5:
                raise CDFError(400, f"Invalid cronExpression {rule.get('cronExpression')!r}: expected 5 fields")
            self._version(entry.get("workflowExternalId"), entry.get("workflowVersion"), status=400)
            triggers = self._map("triggers")
            now = self.project.clock()
            old = triggers.get(xid)
            item: Item = {
                "externalId": xid, "triggerRule": rule, "workflowExternalId": entry["workflowExternalId"],
                "workflowVersion": entry["workflowVersion"], "isPaused": old["isPaused"] if old else False,
                "createdTime": old["createdTime"] if old else now, "lastUpdatedTime": now,
            }  # fmt: skip
            for key in ("input", "metadata"):
                if entry.get(key) is not None:
                    item[key] = entry[key]
            triggers[xid] = item
            out.append(item)
        return 200, {"items": out}

    def list_triggers(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``GET /workflows/triggers``."""
        return 200, _page(list(self._map("triggers").values()), query.get("limit"), query.get("cursor"), "wft")

    def _trigger(self, xid: str) -> Item:
        found = self._map("triggers").get(xid)
        if found is None:
            raise CDFError(404, f"Trigger {xid!r} not found", missing=[{"externalId": xid}])
        return found

    def delete_triggers(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``POST /workflows/triggers/delete``."""
        for entry in _items(body, 1):
            xid = _xid(entry.get("externalId"))
            self._trigger(xid)
            del self._map("triggers")[xid]
            self.state.setdefault("trigger_runs", {}).pop(xid, None)
        return 200, {}

    def pause_trigger(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``POST /workflows/triggers/{triggerExternalId}/pause``."""
        self._trigger(params["triggerExternalId"]).update(isPaused=True, lastUpdatedTime=self.project.clock())
        return 200, {}

    def resume_trigger(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``POST /workflows/triggers/{triggerExternalId}/resume``."""
        self._trigger(params["triggerExternalId"]).update(isPaused=False, lastUpdatedTime=self.project.clock())
        return 200, {}

    def trigger_history(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``GET /workflows/triggers/{triggerExternalId}/history``: the runs, newest first."""
        xid = params["triggerExternalId"]
        self._trigger(xid)
        runs = sorted(self._runs(xid), key=lambda r: -r["fireTime"])
        return 200, _page(runs, query.get("limit"), query.get("cursor"), "wftr")

    async def fire(self, external_id: str) -> Item | None:
        """Fire a trigger now, as its rule would: start an execution of its workflow version and record the run.

        Args:
            external_id: The external id of the trigger.

        Returns:
            The run recorded, or None when the trigger is paused.
        """
        trigger = self._trigger(external_id)
        if trigger["isPaused"]:
            return None
        run: Item = {
            "externalId": external_id, "fireTime": self.project.clock(),
            "workflowExternalId": trigger["workflowExternalId"], "workflowVersion": trigger["workflowVersion"],
        }  # fmt: skip
        version = self._map("versions").get((trigger["workflowExternalId"], trigger["workflowVersion"]))
        if version is None:
            run.update(status="failed", reasonForFailure="The workflow version does not exist")
        else:
            execution = await self.start(version, trigger.get("input"), trigger.get("metadata"))
            run.update(status="success", workflowExecutionId=execution["id"])
        self._runs(external_id).append(run)
        return run

    def _runs(self, xid: str) -> list[Item]:
        runs: dict[str, list[Item]] = self.state.setdefault("trigger_runs", {})
        return runs.setdefault(xid, [])


def fire_trigger(emulator: Any, project: str, external_id: str) -> dict[str, Any] | None:
    """Fire a workflow trigger of an emulated project now (schedules do not fire on a clock in the emulator).

    Args:
        emulator: The :class:`~cognite.client.testing.CDFEmulator`.
        project: The project name.
        external_id: The external id of the trigger.

    Returns:
        The run recorded in the trigger's history, or None when the trigger is paused.

    Example:
        >>> from cognite.client.testing import CDFEmulator
        >>> from cognite.client.testing._families_workflows import fire_trigger
        >>> emulator = CDFEmulator()
        >>> try:
        ...     fire_trigger(emulator, "my-project", "missing")
        ... except Exception as err:
        ...     print(err.code)
        404
    """
    store = emulator.store(project, "workflows")
    result: dict[str, Any] | None = asyncio.run(store.fire(external_id))
    return result


WORKFLOWS = Family(
    name="workflows",
    path="/workflows",
    write_fields={},
    verbs=frozenset(),
    internal_id=False,
    store_cls=WorkflowsStore,
    bodyless=frozenset({"pause_trigger", "resume_trigger"}),
    routes={
        ("POST", ""): "upsert_workflows",
        ("GET", ""): "list_workflows",
        ("POST", "/delete"): "delete_workflows",
        ("GET", "/{workflowExternalId}"): "get_workflow",
        ("POST", "/versions"): "upsert_versions",
        ("POST", "/versions/list"): "list_versions",
        ("POST", "/versions/delete"): "delete_versions",
        ("GET", "/{workflowExternalId}/versions/{version}"): "get_version",
        ("POST", "/{workflowExternalId}/versions/{version}/run"): "run",
        ("POST", "/executions/list"): "list_executions",
        ("GET", "/executions/{executionId}"): "get_execution",
        ("POST", "/executions/{executionId}/cancel"): "cancel",
        ("POST", "/executions/{executionId}/retry"): "retry",
        ("POST", "/tasks/{taskId}/update"): "update_task",
        ("GET", "/triggers"): "list_triggers",
        ("POST", "/triggers"): "upsert_triggers",
        ("POST", "/triggers/delete"): "delete_triggers",
        ("GET", "/triggers/{triggerExternalId}/history"): "trigger_history",
        ("POST", "/triggers/{triggerExternalId}/pause"): "pause_trigger",
        ("POST", "/triggers/{triggerExternalId}/resume"): "resume_trigger",
    },
)

#: The families defined in this module; the registry (``_registry.FAMILIES``) gathers every module's.
WORKFLOWS_FAMILIES: tuple[Family, ...] = (WORKFLOWS,)
