"""Simulator routines: what to simulate with a model on an integration (its steps live in routine revisions).

Example:
    >>> from cognite.client.data_classes.simulators import SimulatorRoutineWrite
    >>> SimulatorRoutineWrite("r1", "pump", "Pump rate", "DWSIM-connector").dump()
    {'externalId': 'r1', 'modelExternalId': 'pump', 'name': 'Pump rate', 'simulatorIntegrationExternalId': 'DWSIM-connector'}
"""

from __future__ import annotations

from cognite.client.data_classes._base import (
    CogniteResourceList,
    ExternalIDTransformerMixin,
    IdTransformerMixin,
    WriteableCogniteResource,
    WriteableCogniteResourceList,
)

__all__ = [
    "CogniteResourceList",
    "ExternalIDTransformerMixin",
    "IdTransformerMixin",
    "SimulatorRoutine",
    "SimulatorRoutineCore",
    "SimulatorRoutineList",
    "SimulatorRoutineWrite",
    "SimulatorRoutineWriteList",
    "WriteableCogniteResource",
    "WriteableCogniteResourceList",
]


class SimulatorRoutineCore(WriteableCogniteResource["SimulatorRoutineWrite"]):
    """Base of the read and write forms of a simulator routine (holds no fields of its own)."""


class SimulatorRoutineWrite(SimulatorRoutineCore):
    """A simulator routine to create.

    Args:
        external_id: The external id.
        model_external_id: The model it simulates.
        name: The name.
        simulator_integration_external_id: The integration that runs it.
        description: A description.
        kind: The routine kind ("long" for long-running routines).
    """

    external_id: str
    model_external_id: str
    name: str
    simulator_integration_external_id: str
    description: str | None = None
    kind: str | None = None

    def as_write(self) -> SimulatorRoutineWrite:
        """Return this object (it is the write form)."""
        return self


class SimulatorRoutine(SimulatorRoutineCore):
    """A simulator routine as read from CDF.

    Args:
        id: The id.
        external_id: The external id.
        model_external_id: The model.
        simulator_integration_external_id: The integration.
        name: The name.
        data_set_id: The data set (the model's).
        simulator_external_id: The simulator.
        created_time: When it was created (ms since epoch).
        last_updated_time: When it was last updated (ms since epoch).
        description: A description.
        kind: The routine kind.
    """

    id: int | None = None
    external_id: str | None = None
    model_external_id: str | None = None
    simulator_integration_external_id: str | None = None
    name: str | None = None
    data_set_id: int | None = None
    simulator_external_id: str | None = None
    created_time: int | None = None
    last_updated_time: int | None = None
    description: str | None = None
    kind: str | None = None

    def as_write(self) -> SimulatorRoutineWrite:
        """Return the write form of this routine."""
        return SimulatorRoutineWrite(
            external_id=self.external_id or "",
            model_external_id=self.model_external_id or "",
            name=self.name or "",
            simulator_integration_external_id=self.simulator_integration_external_id or "",
            description=self.description,
            kind=self.kind,
        )


class SimulatorRoutineWriteList(CogniteResourceList[SimulatorRoutineWrite], ExternalIDTransformerMixin):
    """A list of simulator routines to create."""

    _RESOURCE = SimulatorRoutineWrite


class SimulatorRoutineList(
    WriteableCogniteResourceList[SimulatorRoutineWrite, SimulatorRoutine],
    IdTransformerMixin,
    ExternalIDTransformerMixin,
):
    """A list of simulator routines."""

    _RESOURCE = SimulatorRoutine
    _WRITE_LIST = SimulatorRoutineWriteList
