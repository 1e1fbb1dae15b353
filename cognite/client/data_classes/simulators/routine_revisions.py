"""Simulator routine revisions: the configuration (inputs, outputs, schedule, data sampling, checks) and the script
(stages of Get/Set/Command steps) of a routine, versioned.

Example:
    >>> from cognite.client.data_classes.simulators import (
    ...     SimulatorRoutineConfiguration, SimulatorRoutineInputConstant, SimulatorRoutineOutput,
    ...     SimulatorRoutineStage, SimulatorRoutineStep)
    >>> config = SimulatorRoutineConfiguration(inputs=[SimulatorRoutineInputConstant("Rate", "rate", 2.5, "DOUBLE")],
    ...     outputs=[SimulatorRoutineOutput("Head", "head", "DOUBLE")])
    >>> config.dump()["inputs"]
    [{'name': 'Rate', 'referenceId': 'rate', 'value': 2.5, 'valueType': 'DOUBLE'}]
    >>> SimulatorRoutineStage(1, [SimulatorRoutineStep("Set", {"referenceId": "rate"}, order=1)]).dump()
    {'order': 1, 'steps': [{'stepType': 'Set', 'arguments': {'referenceId': 'rate'}, 'order': 1}]}
"""

from __future__ import annotations

from collections import UserList
from typing import Any

from cognite.client.data_classes._base import (
    CogniteObject,
    CogniteResource,
    CogniteResourceList,
    ExternalIDTransformerMixin,
    IdTransformerMixin,
    UnknownCogniteResource,
    WriteableCogniteResource,
    WriteableCogniteResourceList,
    _import_pandas,
    basic_obj_dump,
)
from cognite.client.exceptions import CogniteImportError

__all__ = [
    "CogniteImportError",
    "CogniteResource",
    "CogniteResourceList",
    "ExternalIDTransformerMixin",
    "IdTransformerMixin",
    "SimulationValueUnitInput",
    "SimulatorRoutineConfiguration",
    "SimulatorRoutineDataSampling",
    "SimulatorRoutineInput",
    "SimulatorRoutineInputConstant",
    "SimulatorRoutineInputList",
    "SimulatorRoutineInputTimeseries",
    "SimulatorRoutineLogicalCheck",
    "SimulatorRoutineOutput",
    "SimulatorRoutineOutputList",
    "SimulatorRoutineRevision",
    "SimulatorRoutineRevisionCore",
    "SimulatorRoutineRevisionList",
    "SimulatorRoutineRevisionWrite",
    "SimulatorRoutineRevisionWriteList",
    "SimulatorRoutineSchedule",
    "SimulatorRoutineStage",
    "SimulatorRoutineStageList",
    "SimulatorRoutineSteadyStateDetection",
    "SimulatorRoutineStep",
    "SimulatorRoutineStepArguments",
    "UnknownCogniteResource",
    "WriteableCogniteResource",
    "WriteableCogniteResourceList",
]


class SimulationValueUnitInput(CogniteObject):
    """The unit of a routine input or output.

    Args:
        name: The unit name (e.g. "kg").
        quantity: The quantity (e.g. "mass").
    """

    name: str
    quantity: str | None = None


class SimulatorRoutineInput:
    """Base of routine inputs: a constant (:class:`SimulatorRoutineInputConstant`) or a time series
    (:class:`SimulatorRoutineInputTimeseries`); loading picks the kind from the fields given."""

    @classmethod
    def _load_wire(cls, data: dict[str, Any]) -> Any:
        kind: type[CogniteObject] = (
            SimulatorRoutineInputTimeseries if "sourceExternalId" in data or "source_external_id" in data
            else SimulatorRoutineInputConstant
        )  # fmt: skip
        return kind.load(data)

    @classmethod
    def load(cls, data: dict[str, Any]) -> Any:
        """Load an input of the right kind from a dict."""
        return cls._load_wire(data)


class SimulatorRoutineInputConstant(CogniteObject, SimulatorRoutineInput):
    """A routine input with a constant value.

    Args:
        name: The name.
        reference_id: The id steps refer to it by.
        value: The value (string, number or a list of them).
        value_type: STRING, DOUBLE, STRING_ARRAY or DOUBLE_ARRAY.
        unit: The unit.
        save_timeseries_external_id: A time series to save the value in.
    """

    name: str
    reference_id: str
    value: str | float | list[Any]
    value_type: str | None = None
    unit: SimulationValueUnitInput | None = None
    save_timeseries_external_id: str | None = None


class SimulatorRoutineInputTimeseries(CogniteObject, SimulatorRoutineInput):
    """A routine input sampled from a time series.

    Args:
        name: The name.
        reference_id: The id steps refer to it by.
        source_external_id: The time series.
        aggregate: average, interpolation or stepInterpolation.
        save_timeseries_external_id: A time series to save the value in.
        unit: The unit.
    """

    name: str
    reference_id: str
    source_external_id: str
    aggregate: str | None = None
    save_timeseries_external_id: str | None = None
    unit: SimulationValueUnitInput | None = None


class SimulatorRoutineOutput(CogniteObject):
    """A routine output.

    Args:
        name: The name.
        reference_id: The id steps refer to it by.
        value_type: STRING, DOUBLE, STRING_ARRAY or DOUBLE_ARRAY.
        unit: The unit.
        save_timeseries_external_id: A time series to save the value in.
    """

    name: str
    reference_id: str
    value_type: str | None = None
    unit: SimulationValueUnitInput | None = None
    save_timeseries_external_id: str | None = None


class SimulatorRoutineSchedule(CogniteObject):
    """Run the routine on a schedule.

    Args:
        cron_expression: When, as a cron expression.
    """

    cron_expression: str


class SimulatorRoutineDataSampling(CogniteObject):
    """Sample time series inputs over a window.

    Args:
        sampling_window: The window, in minutes.
        granularity: The granularity, in minutes.
        validation_window: The window the checks validate, in minutes.
    """

    sampling_window: int
    granularity: int
    validation_window: int | None = None


class SimulatorRoutineLogicalCheck(CogniteObject):
    """Run only when a time series meets a condition.

    Args:
        aggregate: average, interpolation or stepInterpolation.
        operator: eq, ne, gt, ge, lt or le.
        value: The value compared with.
        timeseries_external_id: The time series.
    """

    aggregate: str
    operator: str
    value: float
    timeseries_external_id: str


class SimulatorRoutineSteadyStateDetection(CogniteObject):
    """Run only when a time series is in steady state.

    Args:
        aggregate: average, interpolation or stepInterpolation.
        min_section_size: The minimum section size.
        var_threshold: The variance threshold.
        slope_threshold: The slope threshold.
        timeseries_external_id: The time series.
    """

    aggregate: str
    min_section_size: int
    var_threshold: float
    slope_threshold: float
    timeseries_external_id: str


def _enabled(obj: CogniteObject | None) -> dict[str, Any]:
    return {"enabled": False} if obj is None else {"enabled": True, **obj.dump()}


def _without_enabled(data: dict[str, Any] | None) -> dict[str, Any] | None:
    if not data or not data.get("enabled"):
        return None
    return {k: v for k, v in data.items() if k != "enabled"}


class SimulatorRoutineConfiguration:
    """The configuration of a routine revision; what is None (or empty) is disabled.

    Args:
        inputs: Inputs (constants or time series).
        outputs: Outputs.
        logical_check: Logical checks.
        steady_state_detection: Steady state detections.
        schedule: A schedule.
        data_sampling: Data sampling.
    """

    def __init__(
        self,
        inputs: list[SimulatorRoutineInputConstant | SimulatorRoutineInputTimeseries] | None = None,
        outputs: list[SimulatorRoutineOutput] | None = None,
        logical_check: list[SimulatorRoutineLogicalCheck] | None = None,
        steady_state_detection: list[SimulatorRoutineSteadyStateDetection] | None = None,
        schedule: SimulatorRoutineSchedule | None = None,
        data_sampling: SimulatorRoutineDataSampling | None = None,
    ) -> None:
        self.inputs = inputs
        self.outputs = outputs
        self.logical_check = logical_check or []
        self.steady_state_detection = steady_state_detection or []
        self.schedule = schedule
        self.data_sampling = data_sampling

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and self.dump() == other.dump()  # type: ignore[attr-defined]

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.dump(camel_case=False)!r})"

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the configuration to the wire format (disabled parts as ``{"enabled": false}``).

        Args:
            camel_case: Use camelCase keys.

        Returns:
            The configuration as a dictionary.
        """
        out: dict[str, Any] = {
            "schedule": _enabled(self.schedule),
            "dataSampling": _enabled(self.data_sampling),
            "logicalCheck": [_enabled(c) for c in self.logical_check],
            "steadyStateDetection": [_enabled(c) for c in self.steady_state_detection],
        }
        if self.inputs is not None:
            out["inputs"] = [i.dump() for i in self.inputs]
        if self.outputs is not None:
            out["outputs"] = [o.dump() for o in self.outputs]
        if not camel_case:
            from cognite.client.data_classes._base import _snake_dump

            return _snake_dump(self._as_struct_free())  # type: ignore[no-any-return]
        return out

    def _as_struct_free(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "schedule": self.schedule,
            "data_sampling": self.data_sampling,
            "logical_check": self.logical_check,
            "steady_state_detection": self.steady_state_detection,
        }
        if self.inputs is not None:
            out["inputs"] = self.inputs
        if self.outputs is not None:
            out["outputs"] = self.outputs
        return out

    @classmethod
    def _load_wire(cls, data: dict[str, Any]) -> SimulatorRoutineConfiguration:
        data = {_camel_key(k): v for k, v in data.items()}
        schedule = _without_enabled(data.get("schedule"))
        sampling = _without_enabled(data.get("dataSampling"))
        checks = [c for c in (_without_enabled(x) for x in data.get("logicalCheck") or []) if c is not None]
        steady = [c for c in (_without_enabled(x) for x in data.get("steadyStateDetection") or []) if c is not None]
        inputs = data.get("inputs")
        outputs = data.get("outputs")
        return cls(
            inputs=None if inputs is None else [SimulatorRoutineInput._load_wire(i) for i in inputs],
            outputs=None if outputs is None else [SimulatorRoutineOutput.load(o) for o in outputs],
            logical_check=[SimulatorRoutineLogicalCheck.load(c) for c in checks],
            steady_state_detection=[SimulatorRoutineSteadyStateDetection.load(c) for c in steady],
            schedule=None if schedule is None else SimulatorRoutineSchedule.load(schedule),
            data_sampling=None if sampling is None else SimulatorRoutineDataSampling.load(sampling),
        )

    @classmethod
    def load(cls, data: dict[str, Any]) -> SimulatorRoutineConfiguration:
        """Load a configuration from its wire form (camelCase or snake_case keys)."""
        return cls._load_wire(data)


def _camel_key(key: str) -> str:
    head, *rest = key.split("_")
    return head + "".join(part.title() for part in rest)


class SimulatorRoutineStepArguments:
    """The arguments of a routine step (e.g. ``referenceId`` and simulator-specific object references).

    Args:
        data: The arguments (string values).
    """

    def __init__(self, data: dict[str, Any]) -> None:
        if not isinstance(data, dict):
            raise TypeError(f"data must be a dict, not {type(data).__name__}")
        self.data = dict(data)

    def __getitem__(self, key: str) -> Any:
        return self.data[key]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SimulatorRoutineStepArguments) and self.data == other.data

    def __repr__(self) -> str:
        return f"SimulatorRoutineStepArguments({self.data!r})"

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Return the arguments as a dictionary (the keys are kept as given)."""
        return dict(self.data)

    @classmethod
    def _load_wire(cls, data: dict[str, Any]) -> SimulatorRoutineStepArguments:
        return cls(data)

    @classmethod
    def load(cls, data: dict[str, Any]) -> SimulatorRoutineStepArguments:
        """Load arguments from a dictionary."""
        return cls(data)


class SimulatorRoutineStep(CogniteObject):
    """A step of a routine script: Get or Set a value (by ``referenceId``), or run a Command.

    Args:
        step_type: Get, Set or Command.
        arguments: The arguments (a dict or :class:`SimulatorRoutineStepArguments`).
        order: The position in the stage.
        description: A description.
    """

    step_type: str
    arguments: SimulatorRoutineStepArguments
    order: int
    description: str | None = None

    def __post_init__(self) -> None:
        if isinstance(self.arguments, dict):
            self.arguments = SimulatorRoutineStepArguments(self.arguments)


class SimulatorRoutineStage(CogniteObject):
    """A stage of a routine script: steps run in order.

    Args:
        order: The position in the script.
        steps: The steps.
        description: A description.
    """

    order: int
    steps: list[SimulatorRoutineStep]
    description: str | None = None


class _ObjectList(UserList[Any]):
    """A list of configuration objects with ``dump`` and ``to_pandas``."""

    def dump(self, camel_case: bool = True) -> list[dict[str, Any]]:
        """Dump every item to a dictionary."""
        return [item.dump(camel_case=camel_case) for item in self.data]

    def to_pandas(self) -> Any:
        """The items as a pandas DataFrame, one row per item."""
        return _import_pandas().DataFrame(self.dump(camel_case=False))


class SimulatorRoutineInputList(_ObjectList):
    """A list of routine inputs."""


class SimulatorRoutineOutputList(_ObjectList):
    """A list of routine outputs."""


class SimulatorRoutineStageList(_ObjectList):
    """A list of routine script stages."""


class SimulatorRoutineRevisionCore(WriteableCogniteResource["SimulatorRoutineRevisionWrite"]):
    """Base of the read and write forms of a routine revision (holds no fields of its own)."""


class SimulatorRoutineRevisionWrite(SimulatorRoutineRevisionCore):
    """A routine revision to create.

    Args:
        external_id: The external id.
        routine_external_id: The routine.
        configuration: The configuration.
        script: The script: stages of steps.
    """

    external_id: str
    routine_external_id: str
    configuration: SimulatorRoutineConfiguration
    script: list[SimulatorRoutineStage] = []

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the revision to a dictionary (the configuration in its wire form)."""
        return _dump_revision(self, camel_case)

    def as_write(self) -> SimulatorRoutineRevisionWrite:
        """Return this object (it is the write form)."""
        return self


def _dump_revision(obj: Any, camel_case: bool) -> dict[str, Any]:
    out = basic_obj_dump(obj, camel_case)
    if obj.configuration is not None:
        out["configuration"] = obj.configuration.dump(camel_case=camel_case)
    if isinstance(obj, SimulatorRoutineRevisionWrite):
        out["script"] = [stage.dump(camel_case=camel_case) for stage in obj.script]  # required, even when empty
    return out


class SimulatorRoutineRevision(SimulatorRoutineRevisionCore):
    """A routine revision as read from CDF.

    Args:
        id: The id.
        external_id: The external id.
        simulator_external_id: The simulator.
        simulator_integration_external_id: The integration.
        routine_external_id: The routine.
        model_external_id: The model.
        version_number: The version (1 for the first revision of a routine).
        created_time: When it was created (ms since epoch).
        data_set_id: The data set.
        created_by_user_id: Who created it.
        configuration: The configuration.
        script: The script (left out of lists unless ``include_all_fields``).
        kind: The routine kind.
    """

    id: int | None = None
    external_id: str | None = None
    simulator_external_id: str | None = None
    simulator_integration_external_id: str | None = None
    routine_external_id: str | None = None
    model_external_id: str | None = None
    version_number: int | None = None
    created_time: int | None = None
    data_set_id: int | None = None
    created_by_user_id: str | None = None
    configuration: SimulatorRoutineConfiguration | None = None
    script: list[SimulatorRoutineStage] | None = None
    kind: str | None = None

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the revision to a dictionary (the configuration in its wire form)."""
        return _dump_revision(self, camel_case)

    def as_write(self) -> SimulatorRoutineRevisionWrite:
        """Return the write form of this revision."""
        return SimulatorRoutineRevisionWrite(
            external_id=self.external_id or "",
            routine_external_id=self.routine_external_id or "",
            configuration=self.configuration or SimulatorRoutineConfiguration(),
            script=list(self.script or []),
        )


class SimulatorRoutineRevisionWriteList(CogniteResourceList[SimulatorRoutineRevisionWrite], ExternalIDTransformerMixin):
    """A list of routine revisions to create."""

    _RESOURCE = SimulatorRoutineRevisionWrite


class SimulatorRoutineRevisionList(
    WriteableCogniteResourceList[SimulatorRoutineRevisionWrite, SimulatorRoutineRevision],
    IdTransformerMixin,
    ExternalIDTransformerMixin,
):
    """A list of routine revisions."""

    _RESOURCE = SimulatorRoutineRevision
    _WRITE_LIST = SimulatorRoutineRevisionWriteList
