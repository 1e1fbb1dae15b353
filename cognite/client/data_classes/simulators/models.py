"""Simulator models, their revisions (versions of the model file) and the data connectors extract from them.

Example:
    >>> from cognite.client.data_classes.simulators import SimulatorModelUpdate, SimulatorModelWrite
    >>> SimulatorModelWrite("pump", "DWSIM", data_set_id=1, name="Pump", type="SteadyState").dump()
    {'externalId': 'pump', 'simulatorExternalId': 'DWSIM', 'dataSetId': 1, 'name': 'Pump', 'type': 'SteadyState'}
    >>> SimulatorModelUpdate(id=1).name.set("New").dump()
    {'id': 1, 'update': {'name': {'set': 'New'}}}
"""

from __future__ import annotations

from typing import Any

from cognite.client._sync import run_sync
from cognite.client.data_classes._base import (
    CogniteObject,
    CognitePrimitiveUpdate,
    CogniteResource,
    CogniteResourceList,
    CogniteUpdate,
    ExternalIDTransformerMixin,
    IdTransformerMixin,
    PropertySpec,
    WriteableCogniteResource,
    WriteableCogniteResourceList,
    WriteableCogniteResourceWithClientRef,
    update_field,
)

__all__ = [
    "CognitePrimitiveUpdate",
    "CogniteResource",
    "CogniteResourceList",
    "CogniteUpdate",
    "ExternalIDTransformerMixin",
    "IdTransformerMixin",
    "PropertySpec",
    "SimulationValueUnitReference",
    "SimulatorFlowsheet",
    "SimulatorFlowsheetGraphicalObject",
    "SimulatorFlowsheetObjectEdge",
    "SimulatorFlowsheetObjectNode",
    "SimulatorFlowsheetPosition",
    "SimulatorFlowsheetProperty",
    "SimulatorFlowsheetThermodynamic",
    "SimulatorModel",
    "SimulatorModelCore",
    "SimulatorModelDependencyFileId",
    "SimulatorModelDependencyFileReference",
    "SimulatorModelList",
    "SimulatorModelRevision",
    "SimulatorModelRevisionData",
    "SimulatorModelRevisionDataList",
    "SimulatorModelRevisionDependency",
    "SimulatorModelRevisionList",
    "SimulatorModelRevisionWrite",
    "SimulatorModelRevisionWriteList",
    "SimulatorModelUpdate",
    "SimulatorModelWrite",
    "SimulatorModelWriteList",
    "WriteableCogniteResource",
    "WriteableCogniteResourceList",
    "WriteableCogniteResourceWithClientRef",
]


# ---------------------------------------------------------------------------------------------- models


class SimulatorModelCore(WriteableCogniteResource["SimulatorModelWrite"]):
    """Base of the read and write forms of a simulator model (holds no fields of its own)."""


class SimulatorModelWrite(SimulatorModelCore):
    """A simulator model to create.

    Args:
        external_id: The external id.
        simulator_external_id: The simulator the model is for.
        data_set_id: The data set.
        name: The name.
        type: The model type (one of the simulator's ``model_types`` keys).
        description: A description.
    """

    external_id: str
    simulator_external_id: str
    data_set_id: int
    name: str
    type: str
    description: str | None = None

    def as_write(self) -> SimulatorModelWrite:
        """Return this object (it is the write form)."""
        return self


class SimulatorModel(SimulatorModelCore):
    """A simulator model as read from CDF.

    Args:
        id: The id.
        external_id: The external id.
        simulator_external_id: The simulator the model is for.
        data_set_id: The data set.
        name: The name.
        type: The model type.
        created_time: When it was created (ms since epoch).
        last_updated_time: When it was last updated (ms since epoch).
        description: A description.
    """

    id: int | None = None
    external_id: str | None = None
    simulator_external_id: str | None = None
    data_set_id: int | None = None
    name: str | None = None
    type: str | None = None
    created_time: int | None = None
    last_updated_time: int | None = None
    description: str | None = None

    def as_write(self) -> SimulatorModelWrite:
        """Return the write form of this model."""
        return SimulatorModelWrite(
            external_id=self.external_id or "",
            simulator_external_id=self.simulator_external_id or "",
            data_set_id=self.data_set_id or 0,
            name=self.name or "",
            type=self.type or "",
            description=self.description,
        )


class SimulatorModelWriteList(CogniteResourceList[SimulatorModelWrite], ExternalIDTransformerMixin):
    """A list of simulator models to create."""

    _RESOURCE = SimulatorModelWrite


class SimulatorModelList(
    WriteableCogniteResourceList[SimulatorModelWrite, SimulatorModel], IdTransformerMixin, ExternalIDTransformerMixin
):
    """A list of simulator models."""

    _RESOURCE = SimulatorModel
    _WRITE_LIST = SimulatorModelWriteList


class SimulatorModelUpdate(CogniteUpdate):
    """Changes to a simulator model (its name and description), by id or external id.

    Args:
        id: The id of the model.
        external_id: The external id of the model.
    """

    _PROPERTIES = (PropertySpec("name", is_nullable=False), PropertySpec("description", is_nullable=False))

    name: CognitePrimitiveUpdate[SimulatorModelUpdate] = update_field(CognitePrimitiveUpdate)
    description: CognitePrimitiveUpdate[SimulatorModelUpdate] = update_field(CognitePrimitiveUpdate)

    def __init__(self, id: int | None = None, external_id: str | None = None) -> None:
        super().__init__(id=id, external_id=external_id)


# ---------------------------------------------------------------------------------------------- revisions


class SimulatorModelDependencyFileReference(CogniteObject):
    """Base of the references to a file a model revision depends on."""


class SimulatorModelDependencyFileId(SimulatorModelDependencyFileReference):
    """A file a model revision depends on, by id.

    Args:
        id: The file id.
    """

    id: int


class SimulatorModelRevisionDependency(CogniteObject):
    """A file a model revision depends on, with the arguments the simulator needs for it.

    Args:
        file: The file.
        arguments: Arguments (string values).
    """

    file: SimulatorModelDependencyFileId
    arguments: dict[str, str] = {}


class SimulatorModelRevisionWrite(WriteableCogniteResource["SimulatorModelRevisionWrite"]):
    """A simulator model revision to create: a version of the model file.

    Args:
        external_id: The external id.
        model_external_id: The model.
        file_id: The id of the model file (in CDF Files).
        description: A description.
        external_dependencies: Other files the model depends on.
    """

    external_id: str
    model_external_id: str
    file_id: int
    description: str | None = None
    external_dependencies: list[SimulatorModelRevisionDependency] | None = None

    def as_write(self) -> SimulatorModelRevisionWrite:
        """Return this object (it is the write form)."""
        return self


class SimulatorModelRevision(WriteableCogniteResourceWithClientRef[SimulatorModelRevisionWrite]):
    """A simulator model revision as read from CDF.

    Args:
        id: The id.
        external_id: The external id.
        model_external_id: The model.
        file_id: The model file.
        created_time: When it was created (ms since epoch).
        last_updated_time: When it was last updated (ms since epoch).
        simulator_external_id: The simulator.
        data_set_id: The data set.
        created_by_user_id: Who created it.
        status: unknown, success or failure (of the connector's parsing of the file).
        version_number: The version (1 for the first revision of a model).
        log_id: The id of its log.
        description: A description.
        status_message: The status detail.
        external_dependencies: Other files the model depends on.
    """

    _NEEDS_CLIENT = True

    id: int | None = None
    external_id: str | None = None
    model_external_id: str | None = None
    file_id: int | None = None
    created_time: int | None = None
    last_updated_time: int | None = None
    simulator_external_id: str | None = None
    data_set_id: int | None = None
    created_by_user_id: str | None = None
    status: str | None = None
    version_number: int | None = None
    log_id: int | None = None
    description: str | None = None
    status_message: str | None = None
    external_dependencies: list[SimulatorModelRevisionDependency] | None = None

    def as_write(self) -> SimulatorModelRevisionWrite:
        """Return the write form of this revision."""
        return SimulatorModelRevisionWrite(
            external_id=self.external_id or "",
            model_external_id=self.model_external_id or "",
            file_id=self.file_id or 0,
            description=self.description,
            external_dependencies=self.external_dependencies,
        )

    async def get_data_async(self) -> SimulatorModelRevisionData | None:
        """The data the connector extracted from this revision's model file (None when there is none)."""
        found = await self._get_client().simulators.models.revisions.retrieve_data(self.external_id or "")
        return found[0] if found else None

    def get_data(self) -> SimulatorModelRevisionData | None:
        """The data the connector extracted from this revision (sync form of ``get_data_async``)."""
        return run_sync(self.get_data_async())


class SimulatorModelRevisionWriteList(CogniteResourceList[SimulatorModelRevisionWrite], ExternalIDTransformerMixin):
    """A list of simulator model revisions to create."""

    _RESOURCE = SimulatorModelRevisionWrite


class SimulatorModelRevisionList(
    WriteableCogniteResourceList[SimulatorModelRevisionWrite, SimulatorModelRevision],
    IdTransformerMixin,
    ExternalIDTransformerMixin,
):
    """A list of simulator model revisions."""

    _RESOURCE = SimulatorModelRevision
    _WRITE_LIST = SimulatorModelRevisionWriteList


# ---------------------------------------------------------------------------------------------- revision data


class SimulationValueUnitReference(CogniteObject):
    """The unit of a flowsheet property.

    Args:
        name: The unit name.
        quantity: The quantity.
        external_id: The external id of the unit in the CDF unit catalog.
    """

    name: str
    quantity: str | None = None
    external_id: str | None = None


class SimulatorFlowsheetPosition(CogniteObject):
    """A position on a flowsheet drawing.

    Args:
        x: The x coordinate.
        y: The y coordinate.
    """

    x: float
    y: float


class SimulatorFlowsheetGraphicalObject(CogniteObject):
    """How a flowsheet object is drawn.

    Args:
        position: Its position.
        height: Its height.
        width: Its width.
        scale_x: Its horizontal scale.
        scale_y: Its vertical scale.
        angle: Its rotation.
        active: Whether it is active.
    """

    position: SimulatorFlowsheetPosition | None = None
    height: float | None = None
    width: float | None = None
    scale_x: float | None = None
    scale_y: float | None = None
    angle: float | None = None
    active: bool | None = None


class SimulatorFlowsheetProperty(CogniteObject):
    """A property of a flowsheet object.

    Args:
        name: The name.
        reference_object: How the simulator finds the property.
        value_type: STRING, DOUBLE, STRING_ARRAY or DOUBLE_ARRAY.
        value: The value.
        unit: The unit.
        read_only: Whether it can be set.
    """

    name: str
    reference_object: dict[str, str]
    value_type: str
    value: str | float | list[Any] | None = None
    unit: SimulationValueUnitReference | None = None
    read_only: bool | None = None


class SimulatorFlowsheetObjectNode(CogniteObject):
    """An object (e.g. a pump) of a flowsheet.

    Args:
        id: Its id in the flowsheet.
        name: Its name.
        type: Its type.
        graphical_object: How it is drawn.
        properties: Its properties.
    """

    id: str
    name: str | None = None
    type: str | None = None
    graphical_object: SimulatorFlowsheetGraphicalObject | None = None
    properties: list[SimulatorFlowsheetProperty] = []


class SimulatorFlowsheetObjectEdge(CogniteObject):
    """A connection between two flowsheet objects.

    Args:
        id: Its id in the flowsheet.
        name: Its name.
        source_id: The object it starts at.
        target_id: The object it ends at.
        connection_type: Material, Energy or Information.
    """

    id: str
    name: str | None = None
    source_id: str | None = None
    target_id: str | None = None
    connection_type: str | None = None


class SimulatorFlowsheetThermodynamic(CogniteObject):
    """The thermodynamics of a flowsheet.

    Args:
        property_packages: The property packages.
        components: The components.
    """

    property_packages: list[str] = []
    components: list[str] = []


class SimulatorFlowsheet(CogniteObject):
    """A flowsheet of a model: objects, their connections and thermodynamics.

    Args:
        simulator_object_nodes: The objects.
        simulator_object_edges: The connections.
        thermodynamics: The thermodynamics.
    """

    simulator_object_nodes: list[SimulatorFlowsheetObjectNode] = []
    simulator_object_edges: list[SimulatorFlowsheetObjectEdge] = []
    thermodynamics: SimulatorFlowsheetThermodynamic | None = None


class SimulatorModelRevisionData(CogniteResource):
    """The data a connector extracted from a model revision's file.

    Args:
        model_revision_external_id: The model revision.
        created_time: When it was created (ms since epoch).
        last_updated_time: When it was last updated (ms since epoch).
        data_set_id: The data set.
        flowsheets: The flowsheets.
        info: Other information, simulator specific.
    """

    model_revision_external_id: str | None = None
    created_time: int | None = None
    last_updated_time: int | None = None
    data_set_id: int | None = None
    flowsheets: list[SimulatorFlowsheet] | None = None
    info: dict[str, Any] | None = None


class SimulatorModelRevisionDataList(CogniteResourceList[SimulatorModelRevisionData]):
    """A list of simulator model revision data."""

    _RESOURCE = SimulatorModelRevisionData
