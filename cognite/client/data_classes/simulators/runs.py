"""Simulation runs: a routine run by an integration, with its inputs and outputs (run data) and its log.

Example:
    >>> from cognite.client.data_classes.simulators import SimulationInputOverride, SimulationRunWrite
    >>> SimulationRunWrite(routine_external_id="r1", inputs=[SimulationInputOverride("rate", 3.0)]).dump()
    {'routineExternalId': 'r1', 'inputs': [{'referenceId': 'rate', 'value': 3.0}]}
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

from cognite.client._sync import run_sync
from cognite.client.data_classes._base import (
    CogniteObject,
    CogniteResource,
    CogniteResourceList,
    ExternalIDTransformerMixin,
    IdTransformerMixin,
    WriteableCogniteResource,
    WriteableCogniteResourceList,
    WriteableCogniteResourceWithClientRef,
    _import_pandas,
)
from cognite.client.data_classes.functions import Backoff
from cognite.client.data_classes.simulators.logs import SimulatorLog
from cognite.client.utils._experimental import FeaturePreviewWarning

__all__ = [
    "Backoff",
    "CogniteResource",
    "CogniteResourceList",
    "ExternalIDTransformerMixin",
    "FeaturePreviewWarning",
    "IdTransformerMixin",
    "SimulationInput",
    "SimulationInputOverride",
    "SimulationOutput",
    "SimulationRun",
    "SimulationRunDataItem",
    "SimulationRunDataList",
    "SimulationRunList",
    "SimulationRunWrite",
    "SimulationRunWriteList",
    "SimulationValueBase",
    "SimulationValueUnit",
    "SimulationValueUnitName",
    "SimulatorLog",
    "WriteableCogniteResource",
    "WriteableCogniteResourceList",
    "WriteableCogniteResourceWithClientRef",
]

#: Statuses after which a run does not change.
TERMINAL_STATUSES = frozenset({"success", "failure"})


class SimulationValueUnitName(CogniteObject):
    """A unit by name (of an input override).

    Args:
        name: The unit name.
    """

    name: str


class SimulationValueUnit(CogniteObject):
    """The unit of a simulation value.

    Args:
        name: The unit name.
        external_id: The external id of the unit in the CDF unit catalog.
    """

    name: str
    external_id: str | None = None


class SimulationInputOverride(CogniteObject):
    """Override the value (and unit) of a routine input for one run.

    Args:
        reference_id: The reference id of the input.
        value: The value (string, number or a list of them).
        unit: The unit.
    """

    reference_id: str
    value: str | float | list[Any]
    unit: SimulationValueUnitName | None = None


class SimulationValueBase(CogniteObject):
    """A value of a simulation run.

    Args:
        reference_id: The reference id.
        value: The value.
        value_type: STRING, DOUBLE, STRING_ARRAY or DOUBLE_ARRAY.
        unit: The unit.
        simulator_object_reference: How the simulator finds it.
        timeseries_external_id: The time series it was saved in.
    """

    reference_id: str
    value: str | float | list[Any]
    value_type: str
    unit: SimulationValueUnit | None = None
    simulator_object_reference: dict[str, str] | None = None
    timeseries_external_id: str | None = None


class SimulationInput(SimulationValueBase):
    """An input of a simulation run.

    Args:
        reference_id: The reference id.
        value: The value.
        value_type: STRING, DOUBLE, STRING_ARRAY or DOUBLE_ARRAY.
        unit: The unit.
        simulator_object_reference: How the simulator finds it.
        timeseries_external_id: The time series it was saved in.
        overridden: Whether the run overrode the routine's value.
    """

    overridden: bool | None = None


class SimulationOutput(SimulationValueBase):
    """An output of a simulation run.

    Args:
        reference_id: The reference id.
        value: The value.
        value_type: STRING, DOUBLE, STRING_ARRAY or DOUBLE_ARRAY.
        unit: The unit.
        simulator_object_reference: How the simulator finds it.
        timeseries_external_id: The time series it was saved in.
    """


class SimulationRunDataItem(CogniteResource):
    """The inputs and outputs of one simulation run.

    Args:
        run_id: The run.
        inputs: Its inputs.
        outputs: Its outputs.
    """

    run_id: int
    inputs: list[SimulationInput] = []
    outputs: list[SimulationOutput] = []

    def to_pandas(self, camel_case: bool = False, expand_metadata: bool = False) -> Any:
        """The inputs and outputs as a DataFrame, one row per value (with its ``value_group``: inputs or outputs).

        Args:
            camel_case: Use camelCase column names.
            expand_metadata: Not used (kept for compatibility).

        Returns:
            The DataFrame.
        """
        rows = [
            {**value.dump(camel_case=camel_case), ("valueGroup" if camel_case else "value_group"): group}
            for group, values in (("inputs", self.inputs), ("outputs", self.outputs))
            for value in values
        ]
        return _import_pandas().DataFrame(rows)


class SimulationRunDataList(CogniteResourceList[SimulationRunDataItem]):
    """A list of simulation run data."""

    _RESOURCE = SimulationRunDataItem

    def to_pandas(self, camel_case: bool = False, expand_metadata: bool = False, metadata_prefix: str = "") -> Any:
        """All values of all runs as one DataFrame (with a ``run_id`` column).

        Args:
            camel_case: Use camelCase column names.
            expand_metadata: Not used (kept for compatibility).
            metadata_prefix: Not used (kept for compatibility).

        Returns:
            The DataFrame.
        """
        pd = _import_pandas()
        frames = []
        for item in self.data:
            frame = item.to_pandas(camel_case=camel_case)
            frame.insert(0, "runId" if camel_case else "run_id", item.run_id)
            frames.append(frame)
        return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


class SimulationRunWrite(WriteableCogniteResource["SimulationRunWrite"]):
    """A simulation run to create: by routine (its latest revisions), or by routine revision and model revision.

    Args:
        routine_external_id: The routine.
        routine_revision_external_id: The routine revision (with ``model_revision_external_id``).
        model_revision_external_id: The model revision (with ``routine_revision_external_id``).
        run_type: external, manual or scheduled (not sent: CDF sets it).
        run_time: The reference time for data sampling (ms since epoch; default: when the run is created).
        queue: Queue the run when the connector is down.
        log_severity: The minimum severity logged: Debug, Information, Warning or Error.
        inputs: Input overrides.
    """

    routine_external_id: str | None = None
    routine_revision_external_id: str | None = None
    model_revision_external_id: str | None = None
    run_type: str | None = None
    run_time: int | None = None
    queue: bool | None = None
    log_severity: str | None = None
    inputs: list[SimulationInputOverride] | None = None

    def __post_init__(self) -> None:
        by_routine = self.routine_external_id is not None
        by_revision = self.routine_revision_external_id is not None or self.model_revision_external_id is not None
        if by_routine == by_revision:
            raise ValueError("Give routine_external_id, or routine_revision_external_id and model_revision_external_id")
        if by_revision and (self.routine_revision_external_id is None or self.model_revision_external_id is None):
            raise ValueError("routine_revision_external_id and model_revision_external_id go together")

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the run to a dictionary (``run_type`` is left out: CDF sets it).

        Args:
            camel_case: Use camelCase keys.

        Returns:
            The run as a dictionary.
        """
        out = super().dump(camel_case)
        out.pop("runType" if camel_case else "run_type", None)
        return out

    def as_write(self) -> SimulationRunWrite:
        """Return this object (it is the write form)."""
        return self


class SimulationRun(WriteableCogniteResourceWithClientRef[SimulationRunWrite]):
    """A simulation run as read from CDF.

    Args:
        id: The id.
        simulator_external_id: The simulator.
        simulator_integration_external_id: The integration.
        model_external_id: The model.
        model_revision_external_id: The model revision.
        routine_revision_external_id: The routine revision.
        routine_external_id: The routine.
        run_type: external, manual or scheduled.
        status: ready, running, success or failure.
        data_set_id: The data set.
        user_id: Who started it.
        log_id: The id of its log.
        created_time: When it was created (ms since epoch).
        last_updated_time: When it was last updated (ms since epoch).
        status_message: The status detail.
        simulation_time: The time simulated (ms since epoch).
        run_time: The reference time for data sampling (ms since epoch).
    """

    _NEEDS_CLIENT = True

    id: int | None = None
    simulator_external_id: str | None = None
    simulator_integration_external_id: str | None = None
    model_external_id: str | None = None
    model_revision_external_id: str | None = None
    routine_revision_external_id: str | None = None
    routine_external_id: str | None = None
    run_type: str | None = None
    status: str | None = None
    data_set_id: int | None = None
    user_id: str | None = None
    log_id: int | None = None
    created_time: int | None = None
    last_updated_time: int | None = None
    status_message: str | None = None
    simulation_time: int | None = None
    run_time: int | None = None

    def as_write(self) -> SimulationRunWrite:
        """Return the write form of this run (by its routine revision and model revision)."""
        return SimulationRunWrite(
            routine_revision_external_id=self.routine_revision_external_id,
            model_revision_external_id=self.model_revision_external_id,
            run_type=self.run_type,
            run_time=self.run_time,
        )

    def _require_id(self) -> int:
        if self.id is None:
            raise ValueError("The simulation run has no id")
        return self.id

    async def get_data_async(self) -> SimulationRunDataItem | None:
        """The inputs and outputs of this run (None when there are none)."""
        found = await self._get_client().simulators.runs.list_run_data(self._require_id())
        return found[0] if found else None

    def get_data(self) -> SimulationRunDataItem | None:
        """The inputs and outputs of this run (sync form of ``get_data_async``)."""
        return run_sync(self.get_data_async())

    async def get_logs_async(self) -> SimulatorLog | None:
        """The log of this run (None when it has none)."""
        if self.log_id is None:
            return None
        return await self._get_client().simulators.logs.retrieve(ids=self.log_id)  # type: ignore[return-value]

    def get_logs(self) -> SimulatorLog | None:
        """The log of this run (sync form of ``get_logs_async``)."""
        return run_sync(self.get_logs_async())

    async def update_async(self) -> None:
        """Refresh this object with the run's current state in CDF (e.g. its status)."""
        latest = await self._get_client().simulators.runs.retrieve(ids=self._require_id())
        if latest is None:
            raise ValueError(f"The simulation run {self.id} no longer exists")
        for name in self.__struct_fields__:
            setattr(self, name, getattr(latest, name))

    def update(self) -> None:
        """Refresh this object with the run's current state (sync form of ``update_async``)."""
        run_sync(self.update_async())

    async def wait_async(self, timeout: float = 60) -> None:
        """Wait until the run has finished (success or failure), refreshing this object; at most ``timeout`` s.

        Args:
            timeout: The most seconds to wait (the object keeps its last state when the time is up).
        """
        deadline = time.monotonic() + timeout
        backoff = Backoff(multiplier=0.1, max_wait=5)
        while self.status not in TERMINAL_STATUSES and time.monotonic() < deadline:
            await self.update_async()
            if self.status in TERMINAL_STATUSES:
                return
            await asyncio.sleep(min(next(backoff), max(0.0, deadline - time.monotonic())))

    def wait(self, timeout: float = 60) -> None:
        """Wait until the run has finished (sync form of ``wait_async``).

        Args:
            timeout: The most seconds to wait.
        """
        run_sync(self.wait_async(timeout))


class SimulationRunWriteList(CogniteResourceList[SimulationRunWrite]):
    """A list of simulation runs to create."""

    _RESOURCE = SimulationRunWrite


class SimulationRunList(WriteableCogniteResourceList[SimulationRunWrite, SimulationRun], IdTransformerMixin):
    """A list of simulation runs."""

    _RESOURCE = SimulationRun
    _WRITE_LIST = SimulationRunWriteList
