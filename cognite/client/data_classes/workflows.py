"""Data workflows: workflows, their versions (a DAG of tasks), executions, task executions and triggers.

Tasks, their parameters and outputs, task executions and trigger rules have wire forms that name their kind (a
task's ``type``, a parameters object's key such as ``"function"``, a trigger's ``triggerType``), so they are plain
classes that load and dump themselves; the resources around them are declarative structs.

Statuses are lower case in Python (``"completed"``, ``"timed_out"``) and upper case on the wire.

Example:
    >>> from cognite.client.data_classes.workflows import (
    ...     CDFTaskParameters, FunctionTaskParameters, WorkflowDefinitionUpsert, WorkflowTask, WorkflowVersionUpsert)
    >>> extract = WorkflowTask("extract", FunctionTaskParameters("my-fn", data={"a": 1}))
    >>> load = WorkflowTask("load", CDFTaskParameters("/assets/list", "POST", body={"limit": 1}), depends_on=["extract"])
    >>> version = WorkflowVersionUpsert("etl", "1", WorkflowDefinitionUpsert([extract, load]))
    >>> version.dump()["workflowDefinition"]["tasks"][1]["dependsOn"]
    [{'externalId': 'extract'}]
"""

from __future__ import annotations

import json
from abc import abstractmethod
from collections import UserList
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, ClassVar, Literal, TypeAlias

import msgspec
from typing_extensions import Self

from cognite.client.data_classes._base import (
    CogniteObject,
    CogniteResource,
    CogniteResourceList,
    ExternalIDTransformerMixin,
    UnknownCogniteResource,
    WriteableCogniteResource,
    WriteableCogniteResourceList,
)
from cognite.client.data_classes.data_modeling.query import Query, ResultSetExpression, Select
from cognite.client.data_classes.filters import Filter
from cognite.client.data_classes.iam import InternalIdTransformerMixin
from cognite.client.utils._experimental import FeaturePreviewWarning

__all__ = [
    "CDFTaskOutput",
    "CDFTaskParameters",
    "CogniteResource",
    "CogniteResourceList",
    "DynamicTaskOutput",
    "DynamicTaskParameters",
    "ExternalIDTransformerMixin",
    "FeaturePreviewWarning",
    "Filter",
    "FunctionTaskOutput",
    "FunctionTaskParameters",
    "InternalIdTransformerMixin",
    "Query",
    "RecordContainerId",
    "ResultSetExpression",
    "Select",
    "SimulationInputOverride",
    "SimulationTaskOutput",
    "SimulationTaskParameters",
    "SubworkflowReferenceParameters",
    "SubworkflowTaskOutput",
    "SubworkflowTaskParameters",
    "TaskStatus",
    "TransformationTaskOutput",
    "TransformationTaskParameters",
    "UnknownCogniteResource",
    "UnknownWorkflowTaskOutput",
    "UnknownWorkflowTaskParameters",
    "Workflow",
    "WorkflowCore",
    "WorkflowDataModelingTriggerRule",
    "WorkflowDefinition",
    "WorkflowDefinitionCore",
    "WorkflowDefinitionUpsert",
    "WorkflowExecution",
    "WorkflowExecutionDetailed",
    "WorkflowExecutionList",
    "WorkflowIds",
    "WorkflowList",
    "WorkflowRecordStreamSourceSelector",
    "WorkflowRecordStreamTriggerRule",
    "WorkflowScheduledTriggerRule",
    "WorkflowStatus",
    "WorkflowTask",
    "WorkflowTaskExecution",
    "WorkflowTaskOutput",
    "WorkflowTaskParameters",
    "WorkflowTrigger",
    "WorkflowTriggerCore",
    "WorkflowTriggerDataModelingQuery",
    "WorkflowTriggerList",
    "WorkflowTriggerRule",
    "WorkflowTriggerRun",
    "WorkflowTriggerRunList",
    "WorkflowTriggerUpsert",
    "WorkflowTriggerUpsertList",
    "WorkflowUpsert",
    "WorkflowUpsertList",
    "WorkflowVersion",
    "WorkflowVersionCore",
    "WorkflowVersionId",
    "WorkflowVersionIdentifier",
    "WorkflowVersionList",
    "WorkflowVersionUpsert",
    "WorkflowVersionUpsertList",
    "WriteableCogniteResource",
    "WriteableCogniteResourceList",
]

WorkflowStatus: TypeAlias = Literal["completed", "failed", "running", "terminated", "timed_out"]
TaskStatus: TypeAlias = Literal[
    "in_progress", "cancelled", "failed", "failed_with_terminal_error", "completed", "completed_with_errors",
    "scheduled", "timed_out", "skipped",
]  # fmt: skip
WORKFLOW_STATUSES: frozenset[str] = frozenset({"completed", "failed", "running", "terminated", "timed_out"})
TASK_TYPES: tuple[str, ...] = ("function", "transformation", "cdf", "dynamic", "subworkflow", "simulation")
_ON_FAILURE = ("abortWorkflow", "skipTask")
_CONCURRENCY_POLICIES = ("fail", "waitForCurrent", "restartAfterCurrent")


def _key(data: Mapping[str, Any], camel: str, snake: str | None = None, default: Any = None) -> Any:
    """The value of a key given in camelCase (the wire) or snake_case (a user's dict)."""
    if camel in data:
        return data[camel]
    if snake is not None and snake in data:
        return data[snake]
    return default


def _as_dict(resource: Any, what: str) -> dict[str, Any]:
    if isinstance(resource, str | bytes):
        resource = json.loads(resource)
    if not isinstance(resource, Mapping):
        raise TypeError(f"{what} must be loaded from a dict or a JSON string, not {type(resource).__name__}")
    return dict(resource)


def _drop_none(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v is not None}


def _check_str(value: Any, name: str) -> None:
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {type(value).__name__}")
    if not value:
        raise ValueError(f"{name} must be a non-empty str")


def wire_status(status: Any, allowed: Iterable[str], name: str = "status") -> str:
    """Validate a status given in either case and return it upper case, as the wire wants it."""
    if not isinstance(status, str) or status.lower() not in allowed:
        raise ValueError(f"{name} must be one of {sorted(allowed)}, got {status!r}")
    return status.upper()


class _PlainObject:
    """Base of the workflow objects whose wire form names their kind: they dump and load themselves."""

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the object to a dictionary.

        Args:
            camel_case: Use camelCase keys (the wire format) when True, snake_case otherwise.

        Returns:
            The object as a dictionary.
        """
        raise NotImplementedError

    @classmethod
    def _load(cls, data: dict[str, Any]) -> Self:
        raise NotImplementedError

    @classmethod
    def load(cls, resource: dict[str, Any] | str) -> Self:
        """Load the object from a dictionary (camelCase or snake_case keys) or a JSON string.

        Args:
            resource: The dictionary or JSON string.

        Returns:
            The loaded object.
        """
        return cls._load(_as_dict(resource, cls.__name__))

    @classmethod
    def _load_wire(cls, data: Any) -> Any:
        return data if isinstance(data, cls) else cls.load(data)

    def dump_yaml(self) -> str:
        """Dump the object as YAML (a JSON document is valid YAML)."""
        return json.dumps(self.dump(camel_case=True), indent=2)

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and self.dump() == other.dump()

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in vars(self).items() if v is not None and not k.startswith("_"))
        return f"{type(self).__name__}({args})"


# ---------------------------------------------------------------------------------------------- task parameters


class WorkflowTaskParameters(_PlainObject):
    """Base of the parameters of a task; the class names the kind of task (``task_type``).

    Example:
        >>> from cognite.client.data_classes.workflows import WorkflowTaskParameters
        >>> WorkflowTaskParameters.load({"transformation": {"externalId": "t1"}})
        TransformationTaskParameters(external_id='t1', concurrency_policy='fail', use_transformation_credentials=False)
    """

    _TASK_TYPE: ClassVar[str] = ""
    _KEY: ClassVar[str] = ""

    @property
    def task_type(self) -> str:
        """The kind of task: function, transformation, cdf, dynamic, subworkflow or simulation."""
        return self._TASK_TYPE

    @classmethod
    def load(cls, resource: dict[str, Any] | str) -> Any:
        """Load parameters; the kind is picked by the key (``function``, ``transformation``, ``cdfRequest``, ...).

        Args:
            resource: The parameters object of a task, as a dict or JSON string.

        Returns:
            The parameters, of the class of their kind (UnknownWorkflowTaskParameters for an unknown kind).
        """
        data = _as_dict(resource, "WorkflowTaskParameters")
        if cls is not WorkflowTaskParameters and cls._KEY:
            return cls._load(data)
        for option in _PARAMETER_CLASSES:
            if option._KEY in data or (option._KEY == "cdfRequest" and "cdf_request" in data):
                if option is SubworkflowTaskParameters and "tasks" not in (data.get("subworkflow") or {}):
                    return SubworkflowReferenceParameters._load(data)
                return option._load(data)
        return UnknownWorkflowTaskParameters(task_type=next(iter(data), "unknown"), data=data)

    @classmethod
    def load_parameters(cls, data: dict[str, Any]) -> WorkflowTaskParameters:
        """Load the parameters of a task from the task's dict (``type`` and ``parameters``, or ``taskType`` and
        ``input`` of a task execution).

        Args:
            data: The task (or task execution) as a dict.

        Returns:
            The parameters.
        """
        task_type = _key(data, "type", None, None) or _key(data, "taskType", "task_type")
        params = _key(data, "parameters", None, None)
        if params is None:
            params = _key(data, "input", None, None) or {}
        loaded = WorkflowTaskParameters.load(params)
        if isinstance(loaded, UnknownWorkflowTaskParameters) and isinstance(task_type, str):
            loaded.task_type = task_type
        return loaded  # type: ignore[no-any-return]


class FunctionTaskParameters(WorkflowTaskParameters):
    """Parameters of a task that calls a Cognite Function.

    Args:
        external_id: The external id of the function (or a reference such as ``"${workflow.input.fn}"``).
        data: The data to call the function with (a dict or a reference string).
        is_async_complete: The function completes the task itself later (``client.workflows.tasks.update``).

    Example:
        >>> from cognite.client.data_classes.workflows import FunctionTaskParameters
        >>> FunctionTaskParameters("my-fn", {"x": 1}, is_async_complete=True).dump()
        {'function': {'externalId': 'my-fn', 'data': {'x': 1}}, 'isAsyncComplete': True}
    """

    _TASK_TYPE = "function"
    _KEY = "function"

    def __init__(
        self, external_id: str, data: dict[str, Any] | str | None = None, is_async_complete: bool | None = None
    ) -> None:
        _check_str(external_id, "external_id")
        if data is not None and not isinstance(data, dict | str):
            raise TypeError(f"data must be a dict or a reference str, not {type(data).__name__}")
        if is_async_complete is not None and not isinstance(is_async_complete, bool):
            raise TypeError(f"is_async_complete must be a bool, not {type(is_async_complete).__name__}")
        self.external_id = external_id
        self.data = data
        self.is_async_complete = is_async_complete

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        inner = _drop_none({"externalId" if camel_case else "external_id": self.external_id, "data": self.data})
        out: dict[str, Any] = {"function": inner}
        if self.is_async_complete is not None:
            out["isAsyncComplete" if camel_case else "is_async_complete"] = self.is_async_complete
        return out

    @classmethod
    def _load(cls, data: dict[str, Any]) -> Self:
        fn = data.get("function") or {}
        return cls(
            _key(fn, "externalId", "external_id"), fn.get("data"), _key(data, "isAsyncComplete", "is_async_complete")
        )


class TransformationTaskParameters(WorkflowTaskParameters):
    """Parameters of a task that runs a transformation.

    Args:
        external_id: The external id of the transformation (or a reference).
        concurrency_policy: What to do when the transformation is already running: "fail", "waitForCurrent" or
            "restartAfterCurrent".
        use_transformation_credentials: Run with the transformation's own credentials instead of the workflow's.

    Example:
        >>> from cognite.client.data_classes.workflows import TransformationTaskParameters
        >>> TransformationTaskParameters("t1", "waitForCurrent").dump()
        {'transformation': {'externalId': 't1', 'concurrencyPolicy': 'waitForCurrent', 'useTransformationCredentials': False}}
    """

    _TASK_TYPE = "transformation"
    _KEY = "transformation"

    def __init__(
        self,
        external_id: str,
        concurrency_policy: Literal["fail", "waitForCurrent", "restartAfterCurrent"] = "fail",
        use_transformation_credentials: bool = False,
    ) -> None:
        _check_str(external_id, "external_id")
        if concurrency_policy not in _CONCURRENCY_POLICIES:
            raise ValueError(
                f"concurrency_policy must be one of {list(_CONCURRENCY_POLICIES)}, got {concurrency_policy!r}"
            )
        if not isinstance(use_transformation_credentials, bool):
            raise TypeError("use_transformation_credentials must be a bool")
        self.external_id = external_id
        self.concurrency_policy = concurrency_policy
        self.use_transformation_credentials = use_transformation_credentials

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        if camel_case:
            inner = {"externalId": self.external_id, "concurrencyPolicy": self.concurrency_policy,
                     "useTransformationCredentials": self.use_transformation_credentials}  # fmt: skip
        else:
            inner = {"external_id": self.external_id, "concurrency_policy": self.concurrency_policy,
                     "use_transformation_credentials": self.use_transformation_credentials}  # fmt: skip
        return {"transformation": inner}

    @classmethod
    def _load(cls, data: dict[str, Any]) -> Self:
        tr = data.get("transformation") or {}
        return cls(
            _key(tr, "externalId", "external_id"),
            _key(tr, "concurrencyPolicy", "concurrency_policy", "fail"),
            _key(tr, "useTransformationCredentials", "use_transformation_credentials", False),
        )


class CDFTaskParameters(WorkflowTaskParameters):
    """Parameters of a task that sends a request to the CDF API of the project.

    Args:
        resource_path: The path relative to the project, e.g. ``"/assets/list"``.
        method: "GET", "POST" or "PUT".
        query_parameters: Query parameters.
        body: The JSON body.
        request_timeout_in_millis: The request timeout.

    Example:
        >>> from cognite.client.data_classes.workflows import CDFTaskParameters
        >>> CDFTaskParameters("/assets/list", "POST", body={"limit": 1}).dump()
        {'cdfRequest': {'resourcePath': '/assets/list', 'method': 'POST', 'body': {'limit': 1}, 'requestTimeoutInMillis': 10000}}
    """

    _TASK_TYPE = "cdf"
    _KEY = "cdfRequest"

    def __init__(
        self,
        resource_path: str,
        method: Literal["POST", "GET", "PUT"] | str,
        query_parameters: dict[str, Any] | str | None = None,
        body: dict[str, Any] | str | None = None,
        request_timeout_in_millis: int | str = 10000,
    ) -> None:
        _check_str(resource_path, "resource_path")
        if not isinstance(method, str) or (method.upper() not in ("POST", "GET", "PUT") and "${" not in method):
            raise ValueError(f"method must be 'POST', 'GET' or 'PUT', got {method!r}")
        if isinstance(request_timeout_in_millis, bool) or not isinstance(request_timeout_in_millis, int | float | str):
            raise TypeError("request_timeout_in_millis must be an int")
        self.resource_path = resource_path
        self.method = method.upper() if "${" not in method else method
        self.query_parameters = query_parameters
        self.body = body
        self.request_timeout_in_millis = request_timeout_in_millis

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        names = (
            ("resourcePath", "method", "queryParameters", "body", "requestTimeoutInMillis")
            if camel_case
            else ("resource_path", "method", "query_parameters", "body", "request_timeout_in_millis")
        )
        values = (self.resource_path, self.method, self.query_parameters, self.body, self.request_timeout_in_millis)
        return {"cdfRequest" if camel_case else "cdf_request": _drop_none(dict(zip(names, values, strict=True)))}

    @classmethod
    def _load(cls, data: dict[str, Any]) -> Self:
        req = _key(data, "cdfRequest", "cdf_request", {})
        return cls(
            _key(req, "resourcePath", "resource_path"),
            req.get("method"),
            _key(req, "queryParameters", "query_parameters"),
            req.get("body"),
            _key(req, "requestTimeoutInMillis", "request_timeout_in_millis", 10000),
        )


class DynamicTaskParameters(WorkflowTaskParameters):
    """Parameters of a task whose tasks are decided while the workflow runs (from a reference to an output or input).

    Args:
        tasks: A reference such as ``"${plan.output.response.tasks}"`` to a list of task definitions, or the tasks.

    Example:
        >>> from cognite.client.data_classes.workflows import DynamicTaskParameters
        >>> DynamicTaskParameters("${workflow.input.tasks}").dump()
        {'dynamic': {'tasks': '${workflow.input.tasks}'}}
    """

    _TASK_TYPE = "dynamic"
    _KEY = "dynamic"

    def __init__(self, tasks: list[WorkflowTask] | str) -> None:
        if isinstance(tasks, str):
            _check_str(tasks, "tasks")
        elif not isinstance(tasks, list) or not all(isinstance(t, WorkflowTask) for t in tasks):
            raise TypeError("tasks must be a reference str or a list of WorkflowTask")
        self.tasks = tasks

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        tasks = self.tasks if isinstance(self.tasks, str) else [t.dump(camel_case) for t in self.tasks]
        return {"dynamic": {"tasks": tasks}}

    @classmethod
    def _load(cls, data: dict[str, Any]) -> Self:
        tasks: Any = (data.get("dynamic") or {}).get("tasks")
        if isinstance(tasks, list):
            return cls([WorkflowTask._load_wire(t) for t in tasks])
        return cls(tasks)


class SubworkflowTaskParameters(WorkflowTaskParameters):
    """Parameters of a task that runs a group of tasks (a workflow inside the workflow).

    Args:
        tasks: The tasks.

    Example:
        >>> from cognite.client.data_classes.workflows import (
        ...     SubworkflowTaskParameters, TransformationTaskParameters, WorkflowTask)
        >>> SubworkflowTaskParameters([WorkflowTask("t", TransformationTaskParameters("x"))]).dump()["subworkflow"]["tasks"][0]["type"]
        'transformation'
    """

    _TASK_TYPE = "subworkflow"
    _KEY = "subworkflow"

    def __init__(self, tasks: list[WorkflowTask]) -> None:
        if not isinstance(tasks, list) or not tasks or not all(isinstance(t, WorkflowTask) for t in tasks):
            raise TypeError("tasks must be a non-empty list of WorkflowTask")
        self.tasks = tasks

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        return {"subworkflow": {"tasks": [t.dump(camel_case) for t in self.tasks]}}

    @classmethod
    def _load(cls, data: dict[str, Any]) -> Self:
        return cls([WorkflowTask._load_wire(t) for t in (data.get("subworkflow") or {}).get("tasks") or []])


class SubworkflowReferenceParameters(WorkflowTaskParameters):
    """Parameters of a task that runs another workflow version as a part of this one.

    Args:
        workflow_external_id: The external id of the workflow.
        version: The version.

    Example:
        >>> from cognite.client.data_classes.workflows import SubworkflowReferenceParameters
        >>> SubworkflowReferenceParameters("other", "2").dump()
        {'subworkflow': {'workflowExternalId': 'other', 'version': '2'}}
    """

    _TASK_TYPE = "subworkflow"
    _KEY = "subworkflow"

    def __init__(self, workflow_external_id: str, version: str) -> None:
        _check_str(workflow_external_id, "workflow_external_id")
        _check_str(version, "version")
        self.workflow_external_id = workflow_external_id
        self.version = version

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        name = "workflowExternalId" if camel_case else "workflow_external_id"
        return {"subworkflow": {name: self.workflow_external_id, "version": self.version}}

    @classmethod
    def _load(cls, data: dict[str, Any]) -> Self:
        ref: dict[str, Any] = data.get("subworkflow") or {}
        version: Any = ref.get("version")
        return cls(_key(ref, "workflowExternalId", "workflow_external_id"), version)


class SimulationInputOverride(_PlainObject):
    """A value that overrides an input of a simulation routine.

    Args:
        reference_id: The reference id of the input.
        value: The value (text, number, or a list of them).
        unit: The unit name.

    Example:
        >>> from cognite.client.data_classes.workflows import SimulationInputOverride
        >>> SimulationInputOverride("T", 21.5, unit="C").dump()
        {'referenceId': 'T', 'value': 21.5, 'unit': {'name': 'C'}}
    """

    def __init__(
        self, reference_id: str, value: str | int | float | list[str] | list[int | float], unit: str | None = None
    ) -> None:
        _check_str(reference_id, "reference_id")
        self.reference_id = reference_id
        self.value = value
        self.unit = unit

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {"referenceId" if camel_case else "reference_id": self.reference_id, "value": self.value}
        if self.unit is not None:
            out["unit"] = {"name": self.unit}
        return out

    @classmethod
    def _load(cls, data: dict[str, Any]) -> Self:
        unit, value = data.get("unit"), _key(data, "value", None)
        return cls(_key(data, "referenceId", "reference_id"), value,
                   unit.get("name") if isinstance(unit, dict) else unit)  # fmt: skip


class SimulationTaskParameters(WorkflowTaskParameters):
    """Parameters of a task that runs a simulation routine.

    Args:
        routine_external_id: The external id of the simulator routine.
        run_time: The time (ms) to run the simulation as of.
        inputs: Overrides of the routine's inputs.

    Example:
        >>> from cognite.client.data_classes.workflows import SimulationInputOverride, SimulationTaskParameters
        >>> SimulationTaskParameters("routine", inputs=[SimulationInputOverride("T", 1)]).dump()
        {'simulation': {'routineExternalId': 'routine', 'inputs': [{'referenceId': 'T', 'value': 1}]}}
    """

    _TASK_TYPE = "simulation"
    _KEY = "simulation"

    def __init__(
        self, routine_external_id: str, run_time: int | None = None, inputs: list[SimulationInputOverride] | None = None
    ) -> None:
        _check_str(routine_external_id, "routine_external_id")
        if run_time is not None and (isinstance(run_time, bool) or not isinstance(run_time, int)):
            raise TypeError(f"run_time must be an int, not {type(run_time).__name__}")
        self.routine_external_id = routine_external_id
        self.run_time = run_time
        self.inputs = inputs

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        names = ("routineExternalId", "runTime") if camel_case else ("routine_external_id", "run_time")
        inner = _drop_none({names[0]: self.routine_external_id, names[1]: self.run_time})
        if self.inputs is not None:
            inner["inputs"] = [i.dump(camel_case) for i in self.inputs]
        return {"simulation": inner}

    @classmethod
    def _load(cls, data: dict[str, Any]) -> Self:
        sim = data.get("simulation") or {}
        inputs = sim.get("inputs")
        return cls(
            _key(sim, "routineExternalId", "routine_external_id"),
            _key(sim, "runTime", "run_time"),
            None if inputs is None else [SimulationInputOverride._load_wire(i) for i in inputs],
        )


class UnknownWorkflowTaskParameters(WorkflowTaskParameters):
    """Parameters of a kind of task this SDK version does not know; keeps the raw data.

    Args:
        task_type: The kind of task.
        data: The raw parameters.

    Example:
        >>> from cognite.client.data_classes.workflows import WorkflowTaskParameters
        >>> WorkflowTaskParameters.load({"quantum": {"qubits": 2}}).task_type
        'quantum'
    """

    def __init__(self, task_type: str, data: dict[str, Any]) -> None:
        self._task_type = task_type
        self.data = data

    @property
    def task_type(self) -> str:
        """The kind of task."""
        return self._task_type

    @task_type.setter
    def task_type(self, value: str) -> None:
        self._task_type = value

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        return dict(self.data)

    @classmethod
    def _load(cls, data: dict[str, Any]) -> Self:
        return cls(next(iter(data), "unknown"), data)


_PARAMETER_CLASSES: tuple[type[WorkflowTaskParameters], ...] = (
    FunctionTaskParameters, TransformationTaskParameters, CDFTaskParameters, DynamicTaskParameters,
    SubworkflowTaskParameters, SimulationTaskParameters,
)  # fmt: skip


# ---------------------------------------------------------------------------------------------- task outputs


class WorkflowTaskOutput(_PlainObject):
    """Base of the output of a task execution; the class follows the kind of task.

    Example:
        >>> from cognite.client.data_classes.workflows import WorkflowTaskOutput
        >>> WorkflowTaskOutput.load_output({"taskType": "transformation", "output": {"jobId": 7}})
        TransformationTaskOutput(job_id=7)
    """

    _TASK_TYPE: ClassVar[str] = ""

    @classmethod
    def load_output(cls, data: dict[str, Any]) -> WorkflowTaskOutput:
        """Load the output of a task execution from its dict (``taskType`` and ``output``).

        Args:
            data: The task execution as a dict.

        Returns:
            The output, of the class of the task's kind.
        """
        task_type = _key(data, "taskType", "task_type")
        output = data.get("output") or {}
        for option in _OUTPUT_CLASSES:
            if task_type == option._TASK_TYPE:
                return option._load(output)
        return UnknownWorkflowTaskOutput(task_type=str(task_type), output=output)

    @classmethod
    def load(cls, resource: dict[str, Any] | str) -> Any:
        """Load an output (of this class; on the base class, an UnknownWorkflowTaskOutput).

        Args:
            resource: The output object as a dict or JSON string.

        Returns:
            The output.
        """
        data = _as_dict(resource, cls.__name__)
        if cls is WorkflowTaskOutput:
            return UnknownWorkflowTaskOutput("unknown", data)
        return cls._load(data)


class FunctionTaskOutput(WorkflowTaskOutput):
    """The output of a function task.

    Args:
        call_id: The id of the function call.
        function_id: The id of the function.
        response: What the function returned.

    Example:
        >>> from cognite.client.data_classes.workflows import FunctionTaskOutput
        >>> FunctionTaskOutput(1, 2, {"ok": True}).dump()
        {'callId': 1, 'functionId': 2, 'response': {'ok': True}}
    """

    _TASK_TYPE = "function"

    def __init__(self, call_id: int | None, function_id: int | None, response: dict[str, Any] | None) -> None:
        self.call_id = call_id
        self.function_id = function_id
        self.response = response

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        names = ("callId", "functionId") if camel_case else ("call_id", "function_id")
        return _drop_none({names[0]: self.call_id, names[1]: self.function_id, "response": self.response})

    @classmethod
    def _load(cls, data: dict[str, Any]) -> Self:
        return cls(_key(data, "callId", "call_id"), _key(data, "functionId", "function_id"), data.get("response"))


class TransformationTaskOutput(WorkflowTaskOutput):
    """The output of a transformation task.

    Args:
        job_id: The id of the transformation job.

    Example:
        >>> from cognite.client.data_classes.workflows import TransformationTaskOutput
        >>> TransformationTaskOutput(5).dump(camel_case=False)
        {'job_id': 5}
    """

    _TASK_TYPE = "transformation"

    def __init__(self, job_id: int | None) -> None:
        self.job_id = job_id

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        return _drop_none({"jobId" if camel_case else "job_id": self.job_id})

    @classmethod
    def _load(cls, data: dict[str, Any]) -> Self:
        return cls(_key(data, "jobId", "job_id"))


class CDFTaskOutput(WorkflowTaskOutput):
    """The output of a CDF request task: the response body and status code.

    Args:
        response: The response body.
        status_code: The HTTP status code.

    Example:
        >>> from cognite.client.data_classes.workflows import CDFTaskOutput
        >>> CDFTaskOutput({"items": []}, 200).dump()
        {'response': {'items': []}, 'statusCode': 200}
    """

    _TASK_TYPE = "cdf"

    def __init__(self, response: str | dict[str, Any] | None, status_code: int | None) -> None:
        self.response = response
        self.status_code = status_code

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        return _drop_none({"response": self.response, "statusCode" if camel_case else "status_code": self.status_code})

    @classmethod
    def _load(cls, data: dict[str, Any]) -> Self:
        return cls(data.get("response"), _key(data, "statusCode", "status_code"))


class DynamicTaskOutput(WorkflowTaskOutput):
    """The output of a dynamic task (the tasks it ran are task executions of their own).

    Example:
        >>> from cognite.client.data_classes.workflows import DynamicTaskOutput
        >>> DynamicTaskOutput().dump()
        {}
    """

    _TASK_TYPE = "dynamic"

    def __init__(self) -> None:
        pass

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        return {}

    @classmethod
    def _load(cls, data: dict[str, Any]) -> Self:
        return cls()


class SubworkflowTaskOutput(WorkflowTaskOutput):
    """The output of a subworkflow task (its tasks are task executions of their own).

    Example:
        >>> from cognite.client.data_classes.workflows import SubworkflowTaskOutput
        >>> SubworkflowTaskOutput().dump()
        {}
    """

    _TASK_TYPE = "subworkflow"

    def __init__(self) -> None:
        pass

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        return {}

    @classmethod
    def _load(cls, data: dict[str, Any]) -> Self:
        return cls()


class SimulationTaskOutput(WorkflowTaskOutput):
    """The output of a simulation task.

    Args:
        run_id: The id of the simulation run.
        log_id: The id of its log.
        status_message: A message about how it went.

    Example:
        >>> from cognite.client.data_classes.workflows import SimulationTaskOutput
        >>> SimulationTaskOutput(1, 2, "done").dump()
        {'runId': 1, 'logId': 2, 'statusMessage': 'done'}
    """

    _TASK_TYPE = "simulation"

    def __init__(self, run_id: int | None, log_id: int | None, status_message: str | None) -> None:
        self.run_id = run_id
        self.log_id = log_id
        self.status_message = status_message

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        names = ("runId", "logId", "statusMessage") if camel_case else ("run_id", "log_id", "status_message")
        return _drop_none(dict(zip(names, (self.run_id, self.log_id, self.status_message), strict=True)))

    @classmethod
    def _load(cls, data: dict[str, Any]) -> Self:
        return cls(_key(data, "runId", "run_id"), _key(data, "logId", "log_id"),
                   _key(data, "statusMessage", "status_message"))  # fmt: skip


class UnknownWorkflowTaskOutput(WorkflowTaskOutput):
    """The output of a kind of task this SDK version does not know; keeps the raw data.

    Args:
        task_type: The kind of task.
        output: The raw output.

    Example:
        >>> from cognite.client.data_classes.workflows import WorkflowTaskOutput
        >>> WorkflowTaskOutput.load_output({"taskType": "quantum", "output": {"q": 1}}).task_type
        'quantum'
    """

    def __init__(self, task_type: str, output: dict[str, Any]) -> None:
        self._task_type = task_type
        self.output = output

    @property
    def task_type(self) -> str:
        """The kind of task."""
        return self._task_type

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        return dict(self.output)

    @classmethod
    def _load(cls, data: dict[str, Any]) -> Self:
        return cls("unknown", data)


_OUTPUT_CLASSES: tuple[type[WorkflowTaskOutput], ...] = (
    FunctionTaskOutput, TransformationTaskOutput, CDFTaskOutput, DynamicTaskOutput, SubworkflowTaskOutput,
    SimulationTaskOutput,
)  # fmt: skip


# ---------------------------------------------------------------------------------------------- tasks


class WorkflowTask(_PlainObject):
    """A task of a workflow version: what to run, and when (after the tasks it depends on).

    Args:
        external_id: The external id of the task (unique in the workflow version).
        parameters: What to run: FunctionTaskParameters, TransformationTaskParameters, CDFTaskParameters, ...
        name: A readable name.
        description: A description.
        retries: How many times to retry a failed attempt (0-10; default 3).
        timeout: Seconds before an attempt times out (default 3600).
        on_failure: "abortWorkflow" (default) or "skipTask" (the workflow goes on).
        depends_on: External ids of the tasks that must finish first.

    Example:
        >>> from cognite.client.data_classes.workflows import TransformationTaskParameters, WorkflowTask
        >>> task = WorkflowTask("b", TransformationTaskParameters("t1"), retries=0, depends_on=["a"])
        >>> task.type, task.dump()["dependsOn"]
        ('transformation', [{'externalId': 'a'}])
    """

    def __init__(
        self,
        external_id: str,
        parameters: WorkflowTaskParameters,
        name: str | None = None,
        description: str | None = None,
        retries: int | None = 3,
        timeout: int | None = 3600,
        on_failure: Literal["abortWorkflow", "skipTask"] | None = "abortWorkflow",
        depends_on: list[str] | None = None,
    ) -> None:
        _check_str(external_id, "external_id")
        if not isinstance(parameters, WorkflowTaskParameters):
            raise TypeError(f"parameters must be WorkflowTaskParameters, not {type(parameters).__name__}")
        if retries is not None and (
            isinstance(retries, bool) or not isinstance(retries, int) or not 0 <= retries <= 10
        ):
            raise ValueError(f"retries must be an int from 0 to 10, got {retries!r}")
        if timeout is not None and (isinstance(timeout, bool) or not isinstance(timeout, int | float) or timeout <= 0):
            raise ValueError(f"timeout must be a positive number of seconds, got {timeout!r}")
        if on_failure is not None and on_failure not in _ON_FAILURE:
            raise ValueError(f"on_failure must be one of {list(_ON_FAILURE)}, got {on_failure!r}")
        deps = [d.external_id if isinstance(d, WorkflowTask) else d for d in depends_on or []]
        for dep in deps:
            _check_str(dep, "depends_on")
        self.external_id = external_id
        self.parameters = parameters
        self.name = name
        self.description = description
        self.retries = retries
        self.timeout = timeout
        self.on_failure = on_failure
        self.depends_on = deps if depends_on is not None else None

    @property
    def type(self) -> str:
        """The kind of task (from its parameters)."""
        return self.parameters.task_type

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {
            "externalId" if camel_case else "external_id": self.external_id,
            "type": self.type,
            "parameters": self.parameters.dump(camel_case),
        }
        extra = {"name": self.name, "description": self.description, "retries": self.retries,
                 "timeout": self.timeout, "onFailure" if camel_case else "on_failure": self.on_failure}  # fmt: skip
        out.update(_drop_none(extra))
        if self.depends_on is not None:
            key = "externalId" if camel_case else "external_id"
            out["dependsOn" if camel_case else "depends_on"] = [{key: d} for d in self.depends_on]
        return out

    @classmethod
    def _load(cls, data: dict[str, Any]) -> Self:
        deps = _key(data, "dependsOn", "depends_on")
        return cls(
            external_id=_key(data, "externalId", "external_id"),
            parameters=WorkflowTaskParameters.load_parameters(data),
            name=data.get("name"),
            description=data.get("description"),
            retries=data.get("retries"),
            timeout=data.get("timeout"),
            on_failure=_key(data, "onFailure", "on_failure"),
            depends_on=None
            if deps is None
            else [_key(d, "externalId", "external_id") if isinstance(d, dict) else d for d in deps],
        )


class WorkflowTaskExecution(_PlainObject):
    """One task as it ran (or runs) in a workflow execution.

    Args:
        id: The id of the task execution.
        external_id: The external id of the task.
        status: in_progress, cancelled, failed, failed_with_terminal_error, completed, completed_with_errors,
            scheduled, timed_out or skipped.
        input: The parameters it ran with (references resolved).
        output: What it gave.
        version: The version of the task definition.
        start_time: When it started (ms).
        end_time: When it ended (ms).
        reason_for_incompletion: Why it did not complete.

    Example:
        >>> from cognite.client.data_classes.workflows import WorkflowTaskExecution
        >>> ex = WorkflowTaskExecution.load({"id": "t-1", "externalId": "a", "status": "COMPLETED", "taskType": "cdf",
        ...     "input": {"cdfRequest": {"resourcePath": "/assets", "method": "GET"}}, "output": {"statusCode": 200}})
        >>> ex.status, ex.task_type, ex.output.status_code
        ('completed', 'cdf', 200)
    """

    def __init__(
        self,
        id: str,
        external_id: str,
        status: TaskStatus | str,
        input: WorkflowTaskParameters,
        output: WorkflowTaskOutput,
        version: str | None = None,
        start_time: int | None = None,
        end_time: int | None = None,
        reason_for_incompletion: str | None = None,
    ) -> None:
        self.id = id
        self.external_id = external_id
        self.status = status.lower() if isinstance(status, str) else status
        self.input = input
        self.output = output
        self.version = version
        self.start_time = start_time
        self.end_time = end_time
        self.reason_for_incompletion = reason_for_incompletion

    @property
    def task_type(self) -> str:
        """The kind of task."""
        return self.input.task_type

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        names = (
            ("externalId", "taskType", "startTime", "endTime", "reasonForIncompletion")
            if camel_case
            else ("external_id", "task_type", "start_time", "end_time", "reason_for_incompletion")
        )
        return _drop_none({
            "id": self.id, names[0]: self.external_id, "status": self.status, names[1]: self.task_type,
            "input": self.input.dump(camel_case), "output": self.output.dump(camel_case), "version": self.version,
            names[2]: self.start_time, names[3]: self.end_time, names[4]: self.reason_for_incompletion,
        })  # fmt: skip

    @classmethod
    def _load(cls, data: dict[str, Any]) -> Self:
        return cls(
            id=data.get("id", ""),
            external_id=_key(data, "externalId", "external_id", ""),
            status=data.get("status", ""),
            input=WorkflowTaskParameters.load_parameters(data),
            output=WorkflowTaskOutput.load_output(data),
            version=data.get("version"),
            start_time=_key(data, "startTime", "start_time"),
            end_time=_key(data, "endTime", "end_time"),
            reason_for_incompletion=_key(data, "reasonForIncompletion", "reason_for_incompletion"),
        )


# ---------------------------------------------------------------------------------------------- workflows


class WorkflowCore(WriteableCogniteResource["WorkflowUpsert"]):
    """The fields a workflow is written with.

    Args:
        external_id: The external id of the workflow.
        description: A description.
        data_set_id: The data set it belongs to (access control).
        max_concurrent_executions: The most executions that may run at once.
    """

    external_id: str
    description: str | None = None
    data_set_id: int | None = None
    max_concurrent_executions: int | None = None

    def __post_init__(self) -> None:
        _check_str(self.external_id, "external_id")


class WorkflowUpsert(WorkflowCore):
    """A workflow to create or update.

    Args:
        external_id: The external id of the workflow.
        description: A description.
        data_set_id: The data set it belongs to (access control).
        max_concurrent_executions: The most executions that may run at once.

    Example:
        >>> from cognite.client.data_classes.workflows import WorkflowUpsert
        >>> WorkflowUpsert("etl", "nightly", max_concurrent_executions=2).dump()
        {'externalId': 'etl', 'description': 'nightly', 'maxConcurrentExecutions': 2}
    """

    def as_write(self) -> WorkflowUpsert:
        """Return this object (it is already the write form)."""
        return self


class Workflow(WriteableCogniteResource[WorkflowUpsert]):
    """A workflow as read from CDF.

    Args:
        external_id: The external id of the workflow.
        created_time: When it was created (ms).
        last_updated_time: When it was last updated (ms).
        description: A description.
        data_set_id: The data set it belongs to.
        max_concurrent_executions: The most executions that may run at once.

    Example:
        >>> from cognite.client.data_classes.workflows import Workflow
        >>> Workflow.load({"externalId": "etl", "createdTime": 1, "lastUpdatedTime": 2}).as_write()
        WorkflowUpsert(external_id='etl')
    """

    external_id: str
    created_time: int | None = None
    last_updated_time: int | None = None
    description: str | None = None
    data_set_id: int | None = None
    max_concurrent_executions: int | None = None

    def as_write(self) -> WorkflowUpsert:
        """Return the write form of this workflow."""
        return WorkflowUpsert(self.external_id, self.description, self.data_set_id, self.max_concurrent_executions)


class WorkflowUpsertList(CogniteResourceList[WorkflowUpsert], ExternalIDTransformerMixin):
    """A list of workflows to upsert."""

    _RESOURCE = WorkflowUpsert


class WorkflowList(WriteableCogniteResourceList[WorkflowUpsert, Workflow], ExternalIDTransformerMixin):
    """A list of workflows.

    Example:
        >>> from cognite.client.data_classes.workflows import WorkflowList
        >>> WorkflowList.load([{"externalId": "a", "createdTime": 1, "lastUpdatedTime": 1}]).as_external_ids()
        ['a']
    """

    _RESOURCE = Workflow
    _WRITE_LIST = WorkflowUpsertList

    def as_write(self) -> WorkflowUpsertList:
        """Return the write form of every workflow."""
        return WorkflowUpsertList._from_items([w.as_write() for w in self.data], self._cognite_client)


# ---------------------------------------------------------------------------------------------- versions


class WorkflowVersionId(CogniteObject):
    """Identifies a version of a workflow (without a version: every version, where a filter takes that).

    Args:
        workflow_external_id: The external id of the workflow.
        version: The version.

    Example:
        >>> from cognite.client.data_classes.workflows import WorkflowVersionId
        >>> WorkflowVersionId.load(("etl", "1")).dump(), WorkflowVersionId("etl", "1").as_tuple()
        ({'workflowExternalId': 'etl', 'version': '1'}, ('etl', '1'))
    """

    workflow_external_id: str
    version: str | None = None

    def __post_init__(self) -> None:
        _check_str(self.workflow_external_id, "workflow_external_id")
        if self.version is not None:
            _check_str(self.version, "version")

    def as_tuple(self) -> tuple[str, str | None]:
        """Return ``(workflow_external_id, version)``."""
        return self.workflow_external_id, self.version

    def __hash__(self) -> int:
        return hash(self.as_tuple())

    @classmethod
    def load(cls, resource: Any, cognite_client: Any = None) -> WorkflowVersionId:
        """Load from a dict, a JSON string, a ``(workflow_external_id, version)`` tuple or a workflow external id.

        Args:
            resource: The identifier.
            cognite_client: Not used.

        Returns:
            The identifier.
        """
        if isinstance(resource, WorkflowVersionId):
            return resource
        if isinstance(resource, tuple):
            if not 1 <= len(resource) <= 2:
                raise ValueError(f"A workflow version id tuple is (workflow_external_id, version), got {resource!r}")
            return cls(*resource)
        if isinstance(resource, str) and not resource.lstrip().startswith("{"):
            return cls(resource)
        return super().load(resource)


WorkflowVersionIdentifier: TypeAlias = WorkflowVersionId | tuple[str, str] | tuple[str] | str


class WorkflowIds(UserList[WorkflowVersionId]):
    """Several workflow version ids.

    Args:
        workflow_ids: The ids (WorkflowVersionId, tuples, or workflow external ids).

    Example:
        >>> from cognite.client.data_classes.workflows import WorkflowIds
        >>> WorkflowIds.load([("a", "1"), "b"]).as_tuples()
        [('a', '1'), ('b', None)]
    """

    def __init__(self, workflow_ids: Iterable[WorkflowVersionIdentifier | dict[str, Any]] = ()) -> None:
        super().__init__(WorkflowVersionId.load(i) for i in workflow_ids)

    def as_tuples(self) -> list[tuple[str, str | None]]:
        """Return the ids as ``(workflow_external_id, version)`` tuples."""
        return [i.as_tuple() for i in self.data]

    def dump(self, camel_case: bool = True) -> list[dict[str, Any]]:
        """Dump the ids to dictionaries.

        Args:
            camel_case: Use camelCase keys.

        Returns:
            The ids as dictionaries.
        """
        return [i.dump(camel_case) for i in self.data]

    @classmethod
    def load(cls, resource: Any) -> WorkflowIds:
        """Load ids from one identifier or a sequence of them (WorkflowVersionId, tuples, dicts, external ids).

        Args:
            resource: The identifier(s).

        Returns:
            The ids.
        """
        if isinstance(resource, WorkflowIds):
            return resource
        if isinstance(resource, WorkflowVersionId | tuple | str | dict):
            return cls([resource])
        if isinstance(resource, Sequence):
            return cls(resource)
        raise TypeError(f"Cannot load workflow version ids from {type(resource).__name__}")


class WorkflowDefinitionCore(WriteableCogniteResource["WorkflowDefinitionUpsert"]):
    """The tasks of a workflow version.

    Args:
        tasks: The tasks.
        description: A description of the version.
    """

    tasks: list[WorkflowTask]
    description: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.tasks, list) or not all(isinstance(t, WorkflowTask) for t in self.tasks):
            raise TypeError("tasks must be a list of WorkflowTask")

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the definition to a dictionary.

        Args:
            camel_case: Use camelCase keys (the wire format).

        Returns:
            The definition as a dictionary.
        """
        return super().dump(camel_case)


class WorkflowDefinitionUpsert(WorkflowDefinitionCore):
    """The tasks of a workflow version to write.

    Args:
        tasks: The tasks.
        description: A description of the version.

    Example:
        >>> from cognite.client.data_classes.workflows import CDFTaskParameters, WorkflowDefinitionUpsert, WorkflowTask
        >>> WorkflowDefinitionUpsert([WorkflowTask("a", CDFTaskParameters("/assets", "GET"))]).dump()["tasks"][0]["type"]
        'cdf'
    """

    def as_write(self) -> WorkflowDefinitionUpsert:
        """Return this object (it is already the write form)."""
        return self


class WorkflowDefinition(WriteableCogniteResource[WorkflowDefinitionUpsert]):
    """The tasks of a workflow version as read, with the hash CDF computed of them.

    Args:
        hash_: The hash of the definition.
        tasks: The tasks.
        description: A description of the version.

    Example:
        >>> from cognite.client.data_classes.workflows import WorkflowDefinition
        >>> d = WorkflowDefinition.load({"hash": "h", "tasks": [{"externalId": "a", "type": "transformation",
        ...     "parameters": {"transformation": {"externalId": "t"}}}]})
        >>> d.hash_, d.as_write().tasks[0].type
        ('h', 'transformation')
    """

    hash_: str = msgspec.field(name="hash")
    tasks: list[WorkflowTask] = msgspec.field(default_factory=list)
    description: str | None = None

    def as_write(self) -> WorkflowDefinitionUpsert:
        """Return the write form (the tasks, without the hash)."""
        return WorkflowDefinitionUpsert(list(self.tasks), self.description)

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the definition (the hash is ``hash`` in camelCase, ``hash_`` in snake_case).

        Args:
            camel_case: Use camelCase keys (the wire format).

        Returns:
            The definition as a dictionary.
        """
        return super().dump(camel_case)


class WorkflowVersionCore(WriteableCogniteResource["WorkflowVersionUpsert"]):
    """The identifier of a workflow version.

    Args:
        workflow_external_id: The external id of the workflow.
        version: The version.
    """

    workflow_external_id: str
    version: str

    def __post_init__(self) -> None:
        _check_str(self.workflow_external_id, "workflow_external_id")
        _check_str(self.version, "version")

    def as_id(self) -> WorkflowVersionId:
        """Return the identifier of this version."""
        return WorkflowVersionId(self.workflow_external_id, self.version)


class WorkflowVersionUpsert(WorkflowVersionCore):
    """A workflow version to create or replace: a workflow's tasks under a version name.

    Args:
        workflow_external_id: The external id of the workflow.
        version: The version.
        workflow_definition: The tasks.

    Example:
        >>> from cognite.client.data_classes.workflows import (
        ...     CDFTaskParameters, WorkflowDefinitionUpsert, WorkflowTask, WorkflowVersionUpsert)
        >>> v = WorkflowVersionUpsert("etl", "1", WorkflowDefinitionUpsert([WorkflowTask("a", CDFTaskParameters("/assets", "GET"))]))
        >>> v.as_id()
        WorkflowVersionId(workflow_external_id='etl', version='1')
    """

    workflow_definition: WorkflowDefinitionUpsert

    def __post_init__(self) -> None:
        super().__post_init__()
        if not isinstance(self.workflow_definition, WorkflowDefinitionUpsert):
            raise TypeError("workflow_definition must be a WorkflowDefinitionUpsert")

    def as_write(self) -> WorkflowVersionUpsert:
        """Return this object (it is already the write form)."""
        return self

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the version to a dictionary.

        Args:
            camel_case: Use camelCase keys (the wire format).

        Returns:
            The version as a dictionary.
        """
        return super().dump(camel_case)


class WorkflowVersion(WorkflowVersionCore):
    """A workflow version as read from CDF.

    Args:
        workflow_external_id: The external id of the workflow.
        version: The version.
        workflow_definition: The tasks (with their hash).
        created_time: When it was created (ms).
        last_updated_time: When it was last updated (ms).
        warnings: Warnings CDF gave about the definition.

    Example:
        >>> from cognite.client.data_classes.workflows import WorkflowVersion
        >>> v = WorkflowVersion.load({"workflowExternalId": "etl", "version": "1",
        ...     "workflowDefinition": {"hash": "h", "tasks": []}})
        >>> v.as_write().workflow_definition
        WorkflowDefinitionUpsert(tasks=[])
    """

    workflow_definition: WorkflowDefinition | None = None
    created_time: int | None = None
    last_updated_time: int | None = None
    warnings: list[dict[str, Any]] | None = None

    def as_write(self) -> WorkflowVersionUpsert:
        """Return the write form of this version."""
        definition = self.workflow_definition.as_write() if self.workflow_definition else WorkflowDefinitionUpsert([])
        return WorkflowVersionUpsert(self.workflow_external_id, self.version, definition)

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the version to a dictionary.

        Args:
            camel_case: Use camelCase keys (the wire format).

        Returns:
            The version as a dictionary.
        """
        return super().dump(camel_case)


class WorkflowVersionUpsertList(CogniteResourceList[WorkflowVersionUpsert]):
    """A list of workflow versions to upsert."""

    _RESOURCE = WorkflowVersionUpsert

    def as_ids(self) -> WorkflowIds:
        """Return the identifiers of the versions."""
        return WorkflowIds([v.as_id() for v in self.data])


class WorkflowVersionList(WriteableCogniteResourceList[WorkflowVersionUpsert, WorkflowVersion]):
    """A list of workflow versions.

    Example:
        >>> from cognite.client.data_classes.workflows import WorkflowVersionList
        >>> WorkflowVersionList.load([{"workflowExternalId": "a", "version": "1"}]).as_ids().as_tuples()
        [('a', '1')]
    """

    _RESOURCE = WorkflowVersion
    _WRITE_LIST = WorkflowVersionUpsertList

    def as_ids(self) -> WorkflowIds:
        """Return the identifiers of the versions."""
        return WorkflowIds([v.as_id() for v in self.data])

    def as_write(self) -> WorkflowVersionUpsertList:
        """Return the write form of every version."""
        return WorkflowVersionUpsertList._from_items([v.as_write() for v in self.data], self._cognite_client)


# ---------------------------------------------------------------------------------------------- executions


class WorkflowExecution(CogniteResource):
    """An execution of a workflow version.

    Args:
        id: The id of the execution.
        workflow_external_id: The external id of the workflow.
        status: running, completed, failed, timed_out or terminated.
        created_time: When it was created (ms).
        version: The version of the workflow.
        start_time: When it started (ms).
        end_time: When it ended (ms).
        reason_for_incompletion: Why it did not complete.
        metadata: Custom metadata given when it was started.

    Example:
        >>> from cognite.client.data_classes.workflows import WorkflowExecution
        >>> ex = WorkflowExecution.load({"id": "e", "workflowExternalId": "etl", "version": "1", "status": "RUNNING",
        ...     "createdTime": 1})
        >>> ex.status, ex.as_workflow_id().as_tuple()
        ('running', ('etl', '1'))
    """

    id: str
    workflow_external_id: str
    status: str | None = None
    created_time: int | None = None
    version: str | None = None
    start_time: int | None = None
    end_time: int | None = None
    reason_for_incompletion: str | None = None
    metadata: dict[str, Any] | None = None

    def __post_init__(self) -> None:
        if isinstance(self.status, str):
            self.status = self.status.lower()

    def as_workflow_id(self) -> WorkflowVersionId:
        """Return the identifier of the workflow version that ran."""
        return WorkflowVersionId(self.workflow_external_id, self.version)


class WorkflowExecutionList(CogniteResourceList[WorkflowExecution]):
    """A list of workflow executions."""

    _RESOURCE = WorkflowExecution


class WorkflowExecutionDetailed(CogniteResource):
    """An execution of a workflow version with its definition, input and every task execution.

    Args:
        id: The id of the execution.
        workflow_external_id: The external id of the workflow.
        workflow_definition: The definition that ran.
        status: running, completed, failed, timed_out or terminated.
        executed_tasks: The task executions.
        created_time: When it was created (ms).
        version: The version of the workflow.
        start_time: When it started (ms).
        end_time: When it ended (ms).
        reason_for_incompletion: Why it did not complete.
        input: The input it was started with.
        metadata: Custom metadata.

    Example:
        >>> from cognite.client.data_classes.workflows import WorkflowExecutionDetailed
        >>> ex = WorkflowExecutionDetailed.load({"id": "e", "workflowExternalId": "etl", "status": "COMPLETED",
        ...     "workflowDefinition": {"hash": "h", "tasks": []}, "executedTasks": [], "createdTime": 1})
        >>> ex.as_execution().status
        'completed'
    """

    id: str
    workflow_external_id: str
    workflow_definition: WorkflowDefinition
    status: str | None = None
    executed_tasks: list[WorkflowTaskExecution] = msgspec.field(default_factory=list)
    created_time: int | None = None
    version: str | None = None
    start_time: int | None = None
    end_time: int | None = None
    reason_for_incompletion: str | None = None
    input: dict[str, Any] | None = None
    metadata: dict[str, Any] | None = None

    def __post_init__(self) -> None:
        if isinstance(self.status, str):
            self.status = self.status.lower()

    def as_execution(self) -> WorkflowExecution:
        """Return the execution without its details."""
        return WorkflowExecution(
            self.id, self.workflow_external_id, self.status, self.created_time, self.version, self.start_time,
            self.end_time, self.reason_for_incompletion, self.metadata,
        )  # fmt: skip

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the execution with its task executions.

        Args:
            camel_case: Use camelCase keys (the wire format).

        Returns:
            The execution as a dictionary.
        """
        return super().dump(camel_case)


# ---------------------------------------------------------------------------------------------- triggers


class WorkflowTriggerRule(_PlainObject):
    """Base of the rules that say when a trigger starts its workflow; ``load`` picks the kind by ``triggerType``.

    Example:
        >>> from cognite.client.data_classes.workflows import WorkflowTriggerRule
        >>> WorkflowTriggerRule.load({"triggerType": "schedule", "cronExpression": "0 * * * *"})
        WorkflowScheduledTriggerRule(cron_expression='0 * * * *')
    """

    _TRIGGER_TYPE: ClassVar[str] = ""

    @property
    def trigger_type(self) -> str:
        """The kind of rule: schedule, dataModeling or recordStream."""
        return self._TRIGGER_TYPE

    @classmethod
    def load(cls, resource: dict[str, Any] | str) -> Any:
        """Load a rule; the class is picked by ``triggerType``.

        Args:
            resource: The rule as a dict or JSON string.

        Returns:
            The rule.
        """
        data = _as_dict(resource, "WorkflowTriggerRule")
        kind = _key(data, "triggerType", "trigger_type")
        for option in (WorkflowScheduledTriggerRule, WorkflowDataModelingTriggerRule, WorkflowRecordStreamTriggerRule):
            if kind == option._TRIGGER_TYPE:
                return option._load(data)
        raise ValueError(f"Unknown triggerType {kind!r}")

    @abstractmethod
    def _dump_rule(self, camel_case: bool) -> dict[str, Any]: ...

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        return {"triggerType" if camel_case else "trigger_type": self.trigger_type, **self._dump_rule(camel_case)}


class WorkflowScheduledTriggerRule(WorkflowTriggerRule):
    """Start the workflow on a schedule.

    Args:
        cron_expression: A cron expression, e.g. ``"0 7 * * MON-FRI"``.
        timezone: The time zone the expression is read in (default UTC).

    Example:
        >>> from cognite.client.data_classes.workflows import WorkflowScheduledTriggerRule
        >>> WorkflowScheduledTriggerRule("0 7 * * *", "Europe/Oslo").dump()
        {'triggerType': 'schedule', 'cronExpression': '0 7 * * *', 'timezone': 'Europe/Oslo'}
    """

    _TRIGGER_TYPE = "schedule"

    def __init__(self, cron_expression: str, timezone: str | None = None) -> None:
        _check_str(cron_expression, "cron_expression")
        if timezone is not None:
            _check_str(timezone, "timezone")
        self.cron_expression = cron_expression
        self.timezone = timezone

    def _dump_rule(self, camel_case: bool) -> dict[str, Any]:
        return _drop_none({"cronExpression" if camel_case else "cron_expression": self.cron_expression,
                           "timezone": self.timezone})  # fmt: skip

    @classmethod
    def _load(cls, data: dict[str, Any]) -> Self:
        return cls(_key(data, "cronExpression", "cron_expression"), data.get("timezone"))


class WorkflowTriggerDataModelingQuery(Query):
    """The query a data modeling trigger watches: the instances it matches start the workflow, in batches.

    Args:
        with_: Result set expressions by name.
        select: Selections by result set name.

    Example:
        >>> from cognite.client.data_classes.data_modeling.query import NodeResultSetExpression, Select
        >>> from cognite.client.data_classes.workflows import WorkflowTriggerDataModelingQuery
        >>> WorkflowTriggerDataModelingQuery({"n": NodeResultSetExpression()}, {"n": Select()}).dump()["select"]
        {'n': {}}
    """

    def __init__(self, with_: Mapping[str, ResultSetExpression], select: Mapping[str, Select]) -> None:
        super().__init__(with_, select)

    @classmethod
    def load(cls, data: dict[str, Any]) -> WorkflowTriggerDataModelingQuery:
        """Load the query from its wire form."""
        return cls(
            {k: ResultSetExpression.load(v) for k, v in data["with"].items()},  # type: ignore[misc]
            {k: Select.load(v) for k, v in data["select"].items()},
        )


class WorkflowDataModelingTriggerRule(WorkflowTriggerRule):
    """Start the workflow when instances matching a query change (batched).

    Args:
        data_modeling_query: The query.
        batch_size: The most instances per execution (1-1000).
        batch_timeout: Seconds to wait for a batch to fill (10-86400).

    Example:
        >>> from cognite.client.data_classes.data_modeling.query import NodeResultSetExpression, Select
        >>> from cognite.client.data_classes.workflows import (
        ...     WorkflowDataModelingTriggerRule, WorkflowTriggerDataModelingQuery)
        >>> q = WorkflowTriggerDataModelingQuery({"n": NodeResultSetExpression()}, {"n": Select()})
        >>> WorkflowDataModelingTriggerRule(q, batch_size=10, batch_timeout=60).dump()["batchSize"]
        10
    """

    _TRIGGER_TYPE = "dataModeling"

    def __init__(
        self,
        data_modeling_query: WorkflowTriggerDataModelingQuery,
        batch_size: int | None = None,
        batch_timeout: int | None = None,
    ) -> None:
        if not isinstance(data_modeling_query, Query):
            raise TypeError("data_modeling_query must be a WorkflowTriggerDataModelingQuery")
        self.data_modeling_query = data_modeling_query
        self.batch_size = batch_size
        self.batch_timeout = batch_timeout

    def _dump_rule(self, camel_case: bool) -> dict[str, Any]:
        names = ("dataModelingQuery", "batchSize", "batchTimeout") if camel_case else (
            "data_modeling_query", "batch_size", "batch_timeout")  # fmt: skip
        query = self.data_modeling_query.dump(camel_case)
        return _drop_none(dict(zip(names, (query, self.batch_size, self.batch_timeout), strict=True)))

    @classmethod
    def _load(cls, data: dict[str, Any]) -> Self:
        query = _key(data, "dataModelingQuery", "data_modeling_query")
        if isinstance(query, dict):
            query = WorkflowTriggerDataModelingQuery.load(query)
        return cls(query, _key(data, "batchSize", "batch_size"), _key(data, "batchTimeout", "batch_timeout"))


class RecordContainerId(CogniteObject):
    """Identifies a container of records (a source of record stream triggers).

    Args:
        space: The space.
        external_id: The external id of the container.

    Example:
        >>> from cognite.client.data_classes.workflows import RecordContainerId
        >>> RecordContainerId("sp", "readings").dump()
        {'space': 'sp', 'externalId': 'readings'}
    """

    space: str
    external_id: str


class WorkflowRecordStreamSourceSelector(_PlainObject):
    """Which properties of a record container a record stream trigger passes on.

    Args:
        source: The container.
        properties: The property names.

    Example:
        >>> from cognite.client.data_classes.workflows import RecordContainerId, WorkflowRecordStreamSourceSelector
        >>> WorkflowRecordStreamSourceSelector(RecordContainerId("sp", "c"), ["a"]).dump()
        {'source': {'type': 'container', 'space': 'sp', 'externalId': 'c'}, 'properties': ['a']}
    """

    def __init__(self, source: RecordContainerId, properties: list[str]) -> None:
        self.source = source
        self.properties = properties

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        return {"source": {"type": "container", **self.source.dump(camel_case)}, "properties": list(self.properties)}

    @classmethod
    def _load(cls, data: dict[str, Any]) -> Self:
        src = {k: v for k, v in (data.get("source") or {}).items() if k != "type"}
        return cls(RecordContainerId.load(src), list(data.get("properties") or []))


class WorkflowRecordStreamTriggerRule(WorkflowTriggerRule):
    """Start the workflow when records arrive in a stream (batched).

    Args:
        stream_external_id: The external id of the stream.
        batch_size: The most records per execution.
        batch_timeout: Seconds to wait for a batch to fill.
        filter: Only records matching this filter.
        sources: The properties to pass on.
        initialize_cursor: Where to start reading, e.g. ``"1d-ago"``.

    Example:
        >>> from cognite.client.data_classes.workflows import WorkflowRecordStreamTriggerRule
        >>> WorkflowRecordStreamTriggerRule("stream", batch_size=5).dump()
        {'triggerType': 'recordStream', 'streamExternalId': 'stream', 'batchSize': 5}
    """

    _TRIGGER_TYPE = "recordStream"

    def __init__(
        self,
        stream_external_id: str,
        batch_size: int | None = None,
        batch_timeout: int | None = None,
        filter: Filter | dict[str, Any] | None = None,
        sources: list[WorkflowRecordStreamSourceSelector] | None = None,
        initialize_cursor: str | None = None,
    ) -> None:
        _check_str(stream_external_id, "stream_external_id")
        self.stream_external_id = stream_external_id
        self.batch_size = batch_size
        self.batch_timeout = batch_timeout
        self.filter = filter
        self.sources = sources
        self.initialize_cursor = initialize_cursor

    def _dump_rule(self, camel_case: bool) -> dict[str, Any]:
        names = ("streamExternalId", "batchSize", "batchTimeout", "initializeCursor") if camel_case else (
            "stream_external_id", "batch_size", "batch_timeout", "initialize_cursor")  # fmt: skip
        values = (self.stream_external_id, self.batch_size, self.batch_timeout, self.initialize_cursor)
        out = _drop_none(dict(zip(names, values, strict=True)))
        if self.filter is not None:
            out["filter"] = self.filter if isinstance(self.filter, dict) else self.filter.dump()
        if self.sources is not None:
            out["sources"] = [s.dump(camel_case) for s in self.sources]
        return out

    @classmethod
    def _load(cls, data: dict[str, Any]) -> Self:
        sources = data.get("sources")
        return cls(
            _key(data, "streamExternalId", "stream_external_id"),
            _key(data, "batchSize", "batch_size"),
            _key(data, "batchTimeout", "batch_timeout"),
            data.get("filter"),
            None if sources is None else [WorkflowRecordStreamSourceSelector._load_wire(s) for s in sources],
            _key(data, "initializeCursor", "initialize_cursor"),
        )


class WorkflowTriggerCore(WriteableCogniteResource["WorkflowTriggerUpsert"]):
    """The fields a trigger is written with.

    Args:
        external_id: The external id of the trigger.
        trigger_rule: When it fires.
        workflow_external_id: The workflow it starts.
        workflow_version: The version it starts.
    """

    external_id: str
    trigger_rule: WorkflowTriggerRule
    workflow_external_id: str
    workflow_version: str

    def __post_init__(self) -> None:
        _check_str(self.external_id, "external_id")
        _check_str(self.workflow_external_id, "workflow_external_id")
        _check_str(self.workflow_version, "workflow_version")
        if not isinstance(self.trigger_rule, WorkflowTriggerRule):
            raise TypeError(f"trigger_rule must be a WorkflowTriggerRule, not {type(self.trigger_rule).__name__}")


class WorkflowTriggerUpsert(WorkflowTriggerCore):
    """A trigger to create or replace: a rule that starts a workflow version with a given input.

    Args:
        external_id: The external id of the trigger.
        trigger_rule: When it fires.
        workflow_external_id: The workflow it starts.
        workflow_version: The version it starts.
        input: The input of the executions it starts.
        metadata: Metadata of the executions it starts.

    Example:
        >>> from cognite.client.data_classes.workflows import WorkflowScheduledTriggerRule, WorkflowTriggerUpsert
        >>> WorkflowTriggerUpsert("hourly", WorkflowScheduledTriggerRule("0 * * * *"), "etl", "1").dump()["triggerRule"]
        {'triggerType': 'schedule', 'cronExpression': '0 * * * *'}
    """

    input: dict[str, Any] | None = None
    metadata: dict[str, str] | None = None

    def as_write(self) -> WorkflowTriggerUpsert:
        """Return this object (it is already the write form)."""
        return self

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the trigger to a dictionary.

        Args:
            camel_case: Use camelCase keys (the wire format).

        Returns:
            The trigger as a dictionary.
        """
        return super().dump(camel_case)


class WorkflowTrigger(WriteableCogniteResource[WorkflowTriggerUpsert]):
    """A trigger as read from CDF.

    Args:
        external_id: The external id of the trigger.
        trigger_rule: When it fires.
        workflow_external_id: The workflow it starts.
        workflow_version: The version it starts.
        is_paused: Whether it is paused (a paused trigger does not fire).
        created_time: When it was created (ms).
        last_updated_time: When it was last updated (ms).
        input: The input of the executions it starts.
        metadata: Metadata of the executions it starts.

    Example:
        >>> from cognite.client.data_classes.workflows import WorkflowTrigger
        >>> t = WorkflowTrigger.load({"externalId": "t", "workflowExternalId": "etl", "workflowVersion": "1",
        ...     "isPaused": False, "triggerRule": {"triggerType": "schedule", "cronExpression": "0 * * * *"}})
        >>> t.trigger_rule.cron_expression, t.as_write().workflow_version
        ('0 * * * *', '1')
    """

    external_id: str
    trigger_rule: WorkflowTriggerRule
    workflow_external_id: str
    workflow_version: str
    is_paused: bool | None = None
    created_time: int | None = None
    last_updated_time: int | None = None
    input: dict[str, Any] | None = None
    metadata: dict[str, str] | None = None

    def as_write(self) -> WorkflowTriggerUpsert:
        """Return the write form of this trigger."""
        return WorkflowTriggerUpsert(
            self.external_id, self.trigger_rule, self.workflow_external_id, self.workflow_version, self.input,
            self.metadata,
        )  # fmt: skip

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the trigger to a dictionary.

        Args:
            camel_case: Use camelCase keys (the wire format).

        Returns:
            The trigger as a dictionary.
        """
        return super().dump(camel_case)


class WorkflowTriggerUpsertList(CogniteResourceList[WorkflowTriggerUpsert], ExternalIDTransformerMixin):
    """A list of triggers to upsert."""

    _RESOURCE = WorkflowTriggerUpsert


class WorkflowTriggerList(
    WriteableCogniteResourceList[WorkflowTriggerUpsert, WorkflowTrigger], ExternalIDTransformerMixin
):
    """A list of triggers."""

    _RESOURCE = WorkflowTrigger
    _WRITE_LIST = WorkflowTriggerUpsertList

    def as_write(self) -> WorkflowTriggerUpsertList:
        """Return the write form of every trigger."""
        return WorkflowTriggerUpsertList._from_items([t.as_write() for t in self.data], self._cognite_client)


class WorkflowTriggerRun(CogniteResource):
    """One firing of a trigger.

    Args:
        external_id: The external id of the trigger.
        fire_time: When it fired (ms).
        workflow_external_id: The workflow it started.
        workflow_version: The version it started.
        status: "success" (an execution started) or "failed".
        workflow_execution_id: The id of the execution it started.
        reason_for_failure: Why it could not start one.

    Example:
        >>> from cognite.client.data_classes.workflows import WorkflowTriggerRun
        >>> WorkflowTriggerRun.load({"externalId": "t", "fireTime": 5, "workflowExternalId": "etl",
        ...     "workflowVersion": "1", "status": "success", "workflowExecutionId": "e"}).workflow_execution_id
        'e'
    """

    external_id: str
    fire_time: int
    workflow_external_id: str
    workflow_version: str
    status: str
    workflow_execution_id: str | None = None
    reason_for_failure: str | None = None

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the run to a dictionary.

        Args:
            camel_case: Use camelCase keys (the wire format).

        Returns:
            The run as a dictionary.
        """
        return super().dump(camel_case)


class WorkflowTriggerRunList(CogniteResourceList[WorkflowTriggerRun]):
    """A list of trigger runs (newest first)."""

    _RESOURCE = WorkflowTriggerRun
