"""Filters and sorts of the simulator list endpoints.

Example:
    >>> from cognite.client.data_classes.simulators.filters import SimulatorRunsFilter, SimulationRunsSort
    >>> SimulatorRunsFilter(status="success", routine_external_ids=["r"]).dump()
    {'status': 'success', 'routineExternalIds': ['r']}
    >>> SimulationRunsSort("simulation_time", "desc").dump()
    {'property': 'simulationTime', 'order': 'desc'}
"""

from __future__ import annotations

from typing import Any, Literal

from cognite.client.data_classes._base import CogniteFilter, CogniteSort, SequenceNotStr, _to_camel
from cognite.client.data_classes.shared import TimestampRange

__all__ = [
    "CogniteFilter",
    "CogniteSort",
    "PropertySort",
    "SequenceNotStr",
    "SimulationRunsSort",
    "SimulatorIntegrationFilter",
    "SimulatorModelRevisionsFilter",
    "SimulatorModelsFilter",
    "SimulatorRoutineRevisionsFilter",
    "SimulatorRoutinesFilter",
    "SimulatorRunsFilter",
    "TimestampRange",
]


class SimulatorIntegrationFilter(CogniteFilter):
    """Filter simulator integrations.

    Args:
        simulator_external_ids: Integrations of these simulators.
        active: Only (in)active integrations.
    """

    simulator_external_ids: list[str] | None = None
    active: bool | None = None


class SimulatorModelsFilter(CogniteFilter):
    """Filter simulator models.

    Args:
        simulator_external_ids: Models of these simulators.
    """

    simulator_external_ids: list[str] | None = None


class SimulatorModelRevisionsFilter(CogniteFilter):
    """Filter simulator model revisions.

    Args:
        model_external_ids: Revisions of these models.
        all_versions: All revisions (default: only the latest of each model).
        created_time: Created within this range.
        last_updated_time: Last updated within this range.
    """

    model_external_ids: list[str] | None = None
    all_versions: bool | None = None
    created_time: TimestampRange | None = None
    last_updated_time: TimestampRange | None = None


class SimulatorRoutinesFilter(CogniteFilter):
    """Filter simulator routines.

    Args:
        model_external_ids: Routines of these models.
        simulator_integration_external_ids: Routines of these integrations.
        kind: The routine kind ("long").
    """

    model_external_ids: list[str] | None = None
    simulator_integration_external_ids: list[str] | None = None
    kind: str | None = None


class SimulatorRoutineRevisionsFilter(CogniteFilter):
    """Filter simulator routine revisions.

    Args:
        routine_external_ids: Revisions of these routines.
        all_versions: All revisions (default: only the latest of each routine).
        model_external_ids: Of routines of these models.
        simulator_integration_external_ids: Of routines of these integrations.
        simulator_external_ids: Of routines of these simulators.
        kind: The routine kind ("long").
        created_time: Created within this range.
    """

    routine_external_ids: list[str] | None = None
    all_versions: bool | None = None
    model_external_ids: list[str] | None = None
    simulator_integration_external_ids: list[str] | None = None
    simulator_external_ids: list[str] | None = None
    kind: str | None = None
    created_time: TimestampRange | None = None


class SimulatorRunsFilter(CogniteFilter):
    """Filter simulation runs.

    Args:
        status: ready, running, success or failure.
        run_type: external, manual or scheduled.
        model_external_ids: Runs of these models.
        simulator_integration_external_ids: Runs of these integrations.
        simulator_external_ids: Runs of these simulators.
        routine_external_ids: Runs of these routines.
        routine_revision_external_ids: Runs of these routine revisions.
        model_revision_external_ids: Runs of these model revisions.
        created_time: Created within this range.
        simulation_time: Simulated within this range.
    """

    status: str | None = None
    run_type: str | None = None
    model_external_ids: list[str] | None = None
    simulator_integration_external_ids: list[str] | None = None
    simulator_external_ids: list[str] | None = None
    routine_external_ids: list[str] | None = None
    routine_revision_external_ids: list[str] | None = None
    model_revision_external_ids: list[str] | None = None
    created_time: TimestampRange | None = None
    simulation_time: TimestampRange | None = None


class PropertySort:
    """Sort by one property (the simulator APIs sort by ``created_time``).

    Args:
        property: The property (snake_case or camelCase).
        order: "asc" or "desc".
    """

    _PROPERTIES: tuple[str, ...] = ("createdTime",)

    def __init__(self, property: str = "created_time", order: Literal["asc", "desc"] = "asc") -> None:
        if not isinstance(property, str):
            raise TypeError(f"property must be a str, not {type(property).__name__}")
        if order not in ("asc", "desc"):
            raise ValueError(f"order must be 'asc' or 'desc', not {order!r}")
        if _to_camel(property) not in self._PROPERTIES:
            raise ValueError(f"property must be one of {list(self._PROPERTIES)}, not {property!r}")
        self.property = property
        self.order = order

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and vars(self) == vars(other)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(property={self.property!r}, order={self.order!r})"

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the sort to the wire format.

        Args:
            camel_case: Use camelCase for the property name.

        Returns:
            ``{"property": ..., "order": ...}``.
        """
        return {"property": _to_camel(self.property) if camel_case else self.property, "order": self.order}

    @classmethod
    def load(cls, data: Any) -> Any:
        """Load a sort from a dict, a property name or a (property, order) tuple."""
        if isinstance(data, cls):
            return data
        if isinstance(data, str):
            return cls(data)
        if isinstance(data, tuple):
            return cls(*data)
        if isinstance(data, dict):
            return cls(data["property"], data.get("order", "asc"))
        raise TypeError(f"Cannot load a sort from {type(data).__name__}")


class SimulationRunsSort(PropertySort):
    """Sort simulation runs by ``created_time`` or ``simulation_time``.

    Args:
        property: The property.
        order: "asc" or "desc".
    """

    _PROPERTIES = ("createdTime", "simulationTime")
