"""Simulators and simulator integrations (the connectors that run simulations for CDF).

Example:
    >>> from cognite.client.data_classes.simulators import Simulator
    >>> sim = Simulator.load({"externalId": "DWSIM", "id": 1, "name": "DWSIM", "fileExtensionTypes": ["dwxmz"],
    ...     "unitQuantities": [{"name": "mass", "label": "Mass", "units": [{"label": "kg", "name": "kg"}]}]})
    >>> sim.get_quantities(), sim.get_units("mass")
    (['mass'], ['kg'])
"""

from __future__ import annotations

from cognite.client.data_classes._base import CogniteObject, CogniteResource, CogniteResourceList, IdTransformerMixin

__all__ = [
    "CogniteResource",
    "CogniteResourceList",
    "IdTransformerMixin",
    "Simulator",
    "SimulatorIntegration",
    "SimulatorIntegrationList",
    "SimulatorList",
    "SimulatorModelDependency",
    "SimulatorModelDependencyFields",
    "SimulatorModelType",
    "SimulatorQuantity",
    "SimulatorStep",
    "SimulatorStepField",
    "SimulatorStepOption",
    "SimulatorUnitEntry",
]


class SimulatorUnitEntry(CogniteObject):
    """A unit a simulator knows.

    Args:
        label: The display label.
        name: The name.
    """

    label: str
    name: str


class SimulatorQuantity(CogniteObject):
    """A quantity (e.g. mass) and the units a simulator has for it.

    Args:
        name: The name.
        label: The display label.
        units: The units.
    """

    name: str
    label: str
    units: list[SimulatorUnitEntry] = []


class SimulatorModelType(CogniteObject):
    """A kind of model a simulator takes.

    Args:
        name: The display name.
        key: The key used in models' ``type``.
    """

    name: str
    key: str


class SimulatorModelDependencyFields(CogniteObject):
    """A field of a model file dependency.

    Args:
        name: The name.
        label: The display label.
        info: A description.
    """

    name: str
    label: str
    info: str


class SimulatorModelDependency(CogniteObject):
    """Files a model of this simulator may depend on.

    Args:
        file_extension_types: The file extensions taken.
        fields: The fields describing the dependency.
    """

    file_extension_types: list[str]
    fields: list[SimulatorModelDependencyFields] = []


class SimulatorStepOption(CogniteObject):
    """An option of a step field.

    Args:
        label: The display label.
        value: The value.
    """

    label: str
    value: str


class SimulatorStepField(CogniteObject):
    """A field of a routine step type.

    Args:
        name: The name.
        label: The display label.
        info: A description.
        options: The values the field may take.
    """

    name: str
    label: str
    info: str
    options: list[SimulatorStepOption] | None = None


class SimulatorStep(CogniteObject):
    """A routine step type of a simulator (e.g. Get, Set, Command) and its fields.

    Args:
        step_type: The step type.
        fields: Its fields.
    """

    step_type: str
    fields: list[SimulatorStepField] = []


class Simulator(CogniteResource):
    """A simulator CDF can run simulations with (registered by its connectors).

    Args:
        external_id: The external id.
        id: The id.
        name: The name.
        file_extension_types: The model file extensions it takes.
        model_types: The kinds of models.
        model_dependencies: Files models may depend on.
        step_fields: The routine step types.
        unit_quantities: The quantities and units.
        created_time: When it was created (ms since epoch).
        last_updated_time: When it was last updated (ms since epoch).
    """

    external_id: str | None = None
    id: int | None = None
    name: str | None = None
    file_extension_types: list[str] | None = None
    model_types: list[SimulatorModelType] | None = None
    model_dependencies: list[SimulatorModelDependency] | None = None
    step_fields: list[SimulatorStep] | None = None
    unit_quantities: list[SimulatorQuantity] | None = None
    created_time: int | None = None
    last_updated_time: int | None = None

    def get_quantities(self) -> list[str]:
        """The names of the quantities the simulator knows."""
        return [q.name for q in self.unit_quantities or []]

    def get_units(self, quantity: str) -> list[str]:
        """The names of the units of one quantity.

        Args:
            quantity: The quantity name.

        Returns:
            The unit names.
        """
        for q in self.unit_quantities or []:
            if q.name == quantity:
                return [u.name for u in q.units]
        raise ValueError(f"The simulator {self.external_id!r} has no quantity {quantity!r}")


class SimulatorList(CogniteResourceList[Simulator], IdTransformerMixin):
    """A list of simulators."""

    _RESOURCE = Simulator


class SimulatorIntegration(CogniteResource):
    """A simulator integration: the identity in CDF of a connector that runs simulations.

    Args:
        id: The id.
        external_id: The external id.
        simulator_external_id: The simulator it runs.
        heartbeat: When the connector last reported (ms since epoch).
        data_set_id: Its data set.
        connector_version: The connector version.
        log_id: The id of its log.
        active: Whether it reported within the last minute.
        created_time: When it was created (ms since epoch).
        last_updated_time: When it was last updated (ms since epoch).
        license_status: AVAILABLE, NOT_AVAILABLE, DISABLED or UNKNOWN.
        simulator_version: The simulator version.
        license_last_checked_time: When the license was last checked.
        connector_status: IDLE or RUNNING_SIMULATION.
        connector_status_updated_time: When the connector status last changed.
    """

    id: int | None = None
    external_id: str | None = None
    simulator_external_id: str | None = None
    heartbeat: int | None = None
    data_set_id: int | None = None
    connector_version: str | None = None
    log_id: int | None = None
    active: bool | None = None
    created_time: int | None = None
    last_updated_time: int | None = None
    license_status: str | None = None
    simulator_version: str | None = None
    license_last_checked_time: int | None = None
    connector_status: str | None = None
    connector_status_updated_time: int | None = None


class SimulatorIntegrationList(CogniteResourceList[SimulatorIntegration], IdTransformerMixin):
    """A list of simulator integrations."""

    _RESOURCE = SimulatorIntegration
