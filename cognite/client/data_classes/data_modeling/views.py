"""Views: typed, versioned windows on the properties of containers, with connections between instances.

A view property is either mapped to a container property (:class:`MappedProperty`) or a connection: edges of
a type (:class:`SingleEdgeConnection`, :class:`MultiEdgeConnection`) or direct relations pointing back at the
instance (:class:`SingleReverseDirectRelation`, :class:`MultiReverseDirectRelation`). A field typed
:class:`ViewProperty` (:class:`ViewPropertyApply`) is loaded by its ``_load_wire``, which picks the class
from the wire shape.

Example:
    >>> from cognite.client.data_classes.data_modeling import (
    ...     ContainerId, DirectRelationReference, MappedPropertyApply, MultiEdgeConnectionApply, ViewApply, ViewId,
    ... )
    >>> view = ViewApply("plant", "Pump", "v1", properties={
    ...     "name": MappedPropertyApply(ContainerId("plant", "Pump"), "name"),
    ...     "valves": MultiEdgeConnectionApply(DirectRelationReference("plant", "feeds"), ViewId("plant", "Valve", "v1")),
    ... })
    >>> view.referenced_containers()
    {ContainerId(space='plant', external_id='Pump')}
    >>> view.dump()["properties"]["valves"]["connectionType"]
    'multi_edge_connection'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Literal

from cognite.client.data_classes._base import (
    CogniteFilter,
    CogniteObject,
    CogniteResource,
    CogniteResourceList,
    UnknownCogniteResource,
    WriteableCogniteResource,
    WriteableCogniteResourceList,
)
from cognite.client.data_classes.data_modeling.containers import PropertyConstraintState, _as_dict_of, _get_by_id
from cognite.client.data_classes.data_modeling.core import (
    DataModelingSchemaResource,
    UnknownWireObject,
    WritableDataModelingResource,
)
from cognite.client.data_classes.data_modeling.data_types import (
    DirectRelation,
    DirectRelationReference,
    PropertyType,
    as_property_type,
)
from cognite.client.data_classes.data_modeling.ids import ContainerId, PropertyId, ViewId
from cognite.client.data_classes.filters import Filter

__all__ = [
    "CogniteFilter",
    "CogniteResource",
    "CogniteResourceList",
    "ConnectionDefinition",
    "ConnectionDefinitionApply",
    "ContainerId",
    "DataModelingSchemaResource",
    "DirectRelation",
    "DirectRelationReference",
    "EdgeConnection",
    "EdgeConnectionApply",
    "Filter",
    "MappedProperty",
    "MappedPropertyApply",
    "MultiEdgeConnection",
    "MultiEdgeConnectionApply",
    "MultiReverseDirectRelation",
    "MultiReverseDirectRelationApply",
    "PropertyConstraintState",
    "PropertyId",
    "PropertyType",
    "RecordViewApply",
    "ReverseDirectRelation",
    "ReverseDirectRelationApply",
    "SingleEdgeConnection",
    "SingleEdgeConnectionApply",
    "SingleHopConnectionDefinition",
    "SingleHopConnectionDefinitionApply",
    "SingleReverseDirectRelation",
    "SingleReverseDirectRelationApply",
    "UnknownCogniteResource",
    "UnknownViewProperty",
    "View",
    "ViewApply",
    "ViewApplyList",
    "ViewCore",
    "ViewFilter",
    "ViewId",
    "ViewList",
    "ViewProperty",
    "ViewPropertyApply",
    "WriteableCogniteResourceList",
]

UsedFor = Literal["node", "edge", "record", "all"]
Direction = Literal["outwards", "inwards"]


# ---------------------------------------------------------------------------------------------- property bases


def _kind(data: Mapping[str, Any]) -> str:
    """The kind of a view property on the wire: ``mapped`` or a connection type."""
    if "container" in data:
        return "mapped"
    kind = data.get("connectionType", data.get("connection_type"))
    if kind is None:
        return "multi_edge_connection" if "type" in data else "unknown"
    return str(kind)


class ViewProperty:
    """Base of the properties of a view as read; ``ViewProperty.load(dict)`` gives the concrete kind.

    Example:
        >>> from cognite.client.data_classes.data_modeling.views import ViewProperty
        >>> prop = ViewProperty.load({
        ...     "container": {"type": "container", "space": "s", "externalId": "Pump"},
        ...     "containerPropertyIdentifier": "name", "type": {"type": "text"}, "nullable": True,
        ... })
        >>> type(prop).__name__, prop.container_property_identifier
        ('MappedProperty', 'name')
    """

    __slots__ = ()

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the property to a dictionary.

        Args:
            camel_case: Use camelCase keys.

        Returns:
            The property as a dictionary.
        """
        return CogniteObject.dump(self, camel_case)  # type: ignore[arg-type]

    def as_apply(self) -> ViewPropertyApply:
        """Return the write form of the property."""
        raise NotImplementedError

    @classmethod
    def load(cls, resource: Mapping[str, Any]) -> Any:
        """Load a view property (the class is picked by the wire shape).

        Args:
            resource: The dictionary (camelCase or snake_case keys).

        Returns:
            The property.
        """
        return cls._load_wire(resource)

    @classmethod
    def _load_wire(cls, data: Any) -> Any:
        if isinstance(data, CogniteObject):
            return data
        if not isinstance(data, Mapping):
            raise TypeError(f"Cannot load a view property from {data!r}: expected a dict")
        target = _READ.get(_kind(data))
        if target is None:
            return UnknownViewProperty(data)
        if target is MappedProperty:
            return MappedProperty._from_wire(data)
        return target.load(dict(data))


class ViewPropertyApply:
    """Base of the properties of a view as written; ``ViewPropertyApply.load(dict)`` gives the concrete kind.

    Example:
        >>> from cognite.client.data_classes.data_modeling.views import ViewPropertyApply
        >>> ViewPropertyApply.load({"container": {"space": "s", "externalId": "Pump"}, "containerPropertyIdentifier": "n"})
        MappedPropertyApply(container=ContainerId(space='s', external_id='Pump'), container_property_identifier='n')
    """

    __slots__ = ()

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the property to a dictionary.

        Args:
            camel_case: Use camelCase keys.

        Returns:
            The property as a dictionary.
        """
        return CogniteObject.dump(self, camel_case)  # type: ignore[arg-type]

    @classmethod
    def load(cls, resource: Mapping[str, Any]) -> Any:
        """Load a view property as written (the class is picked by the wire shape).

        Args:
            resource: The dictionary (camelCase or snake_case keys).

        Returns:
            The property.
        """
        return cls._load_wire(resource)

    @classmethod
    def _load_wire(cls, data: Any) -> Any:
        if isinstance(data, CogniteObject):
            return data
        if not isinstance(data, Mapping):
            raise TypeError(f"Cannot load a view property from {data!r}: expected a dict")
        target = _WRITE.get(_kind(data))
        if target is None:
            return UnknownViewProperty(data)
        return target.load(dict(data))


class ConnectionDefinition(ViewProperty):
    """Base of the connection properties of a view as read (edges and reverse direct relations).

    Example:
        >>> from cognite.client.data_classes.data_modeling.views import ConnectionDefinition, MultiEdgeConnection
        >>> issubclass(MultiEdgeConnection, ConnectionDefinition)
        True
    """

    __slots__ = ()


class ConnectionDefinitionApply(ViewPropertyApply):
    """Base of the connection properties of a view as written.

    Example:
        >>> from cognite.client.data_classes.data_modeling.views import ConnectionDefinitionApply
        >>> from cognite.client.data_classes.data_modeling import SingleEdgeConnectionApply
        >>> issubclass(SingleEdgeConnectionApply, ConnectionDefinitionApply)
        True
    """

    __slots__ = ()


# ---------------------------------------------------------------------------------------------- mapped properties


class MappedPropertyApply(CogniteObject, ViewPropertyApply):  # type: ignore[misc]
    """A view property mapped to a property of a container, as written.

    Args:
        container: The container.
        container_property_identifier: The property of the container.
        name: A readable name.
        description: A description.
        source: For a direct relation: the view the referenced nodes are read through.

    Example:
        >>> from cognite.client.data_classes.data_modeling import ContainerId, MappedPropertyApply
        >>> MappedPropertyApply(ContainerId("s", "Pump"), "name").dump()
        {'container': {'type': 'container', 'space': 's', 'externalId': 'Pump'}, 'containerPropertyIdentifier': 'name'}
    """

    container: ContainerId
    container_property_identifier: str
    name: str | None = None
    description: str | None = None
    source: ViewId | None = None

    def __post_init__(self) -> None:
        self.container = ContainerId.load(self.container)
        if self.source is not None:
            self.source = ViewId.load(self.source)
        if not isinstance(self.container_property_identifier, str):
            raise TypeError(f"container_property_identifier must be a str, got {self.container_property_identifier!r}")


class MappedProperty(CogniteObject, ViewProperty):  # type: ignore[misc]
    """A view property mapped to a property of a container, as read (with the container property's type).

    Args:
        container: The container.
        container_property_identifier: The property of the container.
        type: The type of the property.
        nullable: The property may be left empty.
        immutable: The value cannot change once set.
        auto_increment: The value is a counter set by CDF.
        source: For a direct relation: the view the referenced nodes are read through.
        default_value: The value given when none is.
        name: A readable name.
        description: A description.
        constraint_state: The state of the property's constraints.

    Example:
        >>> from cognite.client.data_classes.data_modeling import ContainerId, MappedProperty, Text
        >>> MappedProperty(ContainerId("s", "Pump"), "name", Text()).as_apply()
        MappedPropertyApply(container=ContainerId(space='s', external_id='Pump'), container_property_identifier='name')
    """

    container: ContainerId
    container_property_identifier: str
    type: PropertyType
    nullable: bool = True
    immutable: bool = False
    auto_increment: bool = False
    source: ViewId | None = None
    default_value: Any = None
    name: str | None = None
    description: str | None = None
    constraint_state: PropertyConstraintState | None = None

    def __post_init__(self) -> None:
        self.container = ContainerId.load(self.container)
        self.type = as_property_type(self.type, "MappedProperty.type")
        if self.source is not None:
            self.source = ViewId.load(self.source)

    @classmethod
    def _from_wire(cls, data: Mapping[str, Any]) -> MappedProperty:
        """Load from the wire, where a direct relation names its source view inside ``type``."""
        data = dict(data)
        type_ = data.get("type")
        if isinstance(type_, Mapping) and "source" in type_:
            type_ = dict(type_)
            source = type_.pop("source")
            data["type"] = type_
            if source is not None and data.get("source") is None:
                data["source"] = source
        return cls.load(data)

    def as_apply(self) -> MappedPropertyApply:
        """Return the write form of the property."""
        return MappedPropertyApply(self.container, self.container_property_identifier, self.name, self.description,
                                   self.source)  # fmt: skip


# ---------------------------------------------------------------------------------------------- edge connections


class EdgeConnectionApply(CogniteObject, ConnectionDefinitionApply):  # type: ignore[misc]
    """Base of the edge connections of a view as written: the edges of a type, to or from nodes of a view.

    Args:
        type: The edge type (a node reference).
        source: The view the nodes at the other end are read through.
        name: A readable name.
        description: A description.
        edge_source: The view the edges' own properties are read through.
        direction: ``"outwards"`` (edges from this node) or ``"inwards"`` (edges to it).
    """

    type: DirectRelationReference
    source: ViewId
    name: str | None = None
    description: str | None = None
    edge_source: ViewId | None = None
    direction: Direction = "outwards"

    def __post_init__(self) -> None:
        self.type = DirectRelationReference.load(self.type)
        self.source = ViewId.load(self.source)
        if self.edge_source is not None:
            self.edge_source = ViewId.load(self.edge_source)
        if self.direction not in ("outwards", "inwards"):
            raise ValueError(f"direction must be 'outwards' or 'inwards', got {self.direction!r}")


class SingleEdgeConnectionApply(EdgeConnectionApply, tag_field="connectionType", tag="single_edge_connection"):  # type: ignore[misc]
    """At most one edge of a type, as written.

    Args:
        type: The edge type (a node reference).
        source: The view the node at the other end is read through.
        name: A readable name.
        description: A description.
        edge_source: The view the edge's own properties are read through.
        direction: ``"outwards"`` or ``"inwards"``.

    Example:
        >>> from cognite.client.data_classes.data_modeling import SingleEdgeConnectionApply, ViewId
        >>> SingleEdgeConnectionApply(("s", "owner"), ViewId("s", "Person", "v1")).dump()["connectionType"]
        'single_edge_connection'
    """


class MultiEdgeConnectionApply(EdgeConnectionApply, tag_field="connectionType", tag="multi_edge_connection"):  # type: ignore[misc]
    """Any number of edges of a type, as written.

    Args:
        type: The edge type (a node reference).
        source: The view the nodes at the other end are read through.
        name: A readable name.
        description: A description.
        edge_source: The view the edges' own properties are read through.
        direction: ``"outwards"`` or ``"inwards"``.

    Example:
        >>> from cognite.client.data_classes.data_modeling import MultiEdgeConnectionApply, ViewId
        >>> MultiEdgeConnectionApply(("s", "feeds"), ViewId("s", "Valve", "v1"), direction="inwards").direction
        'inwards'
    """


class EdgeConnection(CogniteObject, ConnectionDefinition):  # type: ignore[misc]
    """Base of the edge connections of a view as read.

    Args:
        type: The edge type (a node reference).
        source: The view the nodes at the other end are read through.
        name: A readable name.
        description: A description.
        edge_source: The view the edges' own properties are read through.
        direction: ``"outwards"`` or ``"inwards"``.
    """

    type: DirectRelationReference
    source: ViewId
    name: str | None = None
    description: str | None = None
    edge_source: ViewId | None = None
    direction: Direction = "outwards"

    def __post_init__(self) -> None:
        self.type = DirectRelationReference.load(self.type)
        self.source = ViewId.load(self.source)
        if self.edge_source is not None:
            self.edge_source = ViewId.load(self.edge_source)

    def as_apply(self) -> EdgeConnectionApply:
        """Return the write form of the connection."""
        cls = SingleEdgeConnectionApply if isinstance(self, SingleEdgeConnection) else MultiEdgeConnectionApply
        return cls(self.type, self.source, self.name, self.description, self.edge_source, self.direction)


class SingleEdgeConnection(EdgeConnection, tag_field="connectionType", tag="single_edge_connection"):  # type: ignore[misc]
    """At most one edge of a type, as read.

    Args:
        type: The edge type (a node reference).
        source: The view the node at the other end is read through.
        name: A readable name.
        description: A description.
        edge_source: The view the edge's own properties are read through.
        direction: ``"outwards"`` or ``"inwards"``.

    Example:
        >>> from cognite.client.data_classes.data_modeling import SingleEdgeConnection, ViewId
        >>> type(SingleEdgeConnection(("s", "owner"), ViewId("s", "Person", "v1")).as_apply()).__name__
        'SingleEdgeConnectionApply'
    """


class MultiEdgeConnection(EdgeConnection, tag_field="connectionType", tag="multi_edge_connection"):  # type: ignore[misc]
    """Any number of edges of a type, as read.

    Args:
        type: The edge type (a node reference).
        source: The view the nodes at the other end are read through.
        name: A readable name.
        description: A description.
        edge_source: The view the edges' own properties are read through.
        direction: ``"outwards"`` or ``"inwards"``.

    Example:
        >>> from cognite.client.data_classes.data_modeling import MultiEdgeConnection, ViewId
        >>> MultiEdgeConnection(("s", "feeds"), ViewId("s", "Valve", "v1")).as_apply().direction
        'outwards'
    """


#: The name older SDK versions used for a multi-edge connection.
SingleHopConnectionDefinition = MultiEdgeConnection
SingleHopConnectionDefinitionApply = MultiEdgeConnectionApply


# ---------------------------------------------------------------------------------------------- reverse direct relations


class ReverseDirectRelationApply(CogniteObject, ConnectionDefinitionApply):  # type: ignore[misc]
    """Base of the reverse direct relations of a view as written: the nodes whose direct relation points here.

    Args:
        source: The view the pointing nodes are read through.
        through: The direct relation property (of a view or a container) that points here.
        name: A readable name.
        description: A description.
    """

    source: ViewId
    through: PropertyId
    name: str | None = None
    description: str | None = None

    def __post_init__(self) -> None:
        self.source = ViewId.load(self.source)
        self.through = PropertyId.load(self.through)


class SingleReverseDirectRelationApply(
    ReverseDirectRelationApply, tag_field="connectionType", tag="single_reverse_direct_relation"
):  # type: ignore[misc]
    """At most one node pointing here, as written.

    Args:
        source: The view the pointing node is read through.
        through: The direct relation property that points here.
        name: A readable name.
        description: A description.

    Example:
        >>> from cognite.client.data_classes.data_modeling import PropertyId, ViewId
        >>> from cognite.client.data_classes.data_modeling import SingleReverseDirectRelationApply
        >>> rel = SingleReverseDirectRelationApply(ViewId("s", "Pump", "v1"), PropertyId(ViewId("s", "Pump", "v1"), "site"))
        >>> rel.dump()["through"]["identifier"]
        'site'
    """


class MultiReverseDirectRelationApply(
    ReverseDirectRelationApply, tag_field="connectionType", tag="multi_reverse_direct_relation"
):  # type: ignore[misc]
    """Any number of nodes pointing here, as written.

    Args:
        source: The view the pointing nodes are read through.
        through: The direct relation property that points here.
        name: A readable name.
        description: A description.

    Example:
        >>> from cognite.client.data_classes.data_modeling import ContainerId, PropertyId, ViewId
        >>> from cognite.client.data_classes.data_modeling import MultiReverseDirectRelationApply
        >>> rel = MultiReverseDirectRelationApply(ViewId("s", "Pump", "v1"), PropertyId(ContainerId("s", "Pump"), "site"))
        >>> rel.dump()["connectionType"]
        'multi_reverse_direct_relation'
    """


class ReverseDirectRelation(CogniteObject, ConnectionDefinition):  # type: ignore[misc]
    """Base of the reverse direct relations of a view as read.

    Args:
        source: The view the pointing nodes are read through.
        through: The direct relation property that points here.
        name: A readable name.
        description: A description.
        targets_list: The direct relation that points here is a list.
    """

    source: ViewId
    through: PropertyId
    name: str | None = None
    description: str | None = None
    targets_list: bool | None = None

    def __post_init__(self) -> None:
        self.source = ViewId.load(self.source)
        self.through = PropertyId.load(self.through)

    def as_apply(self) -> ReverseDirectRelationApply:
        """Return the write form of the connection."""
        single = isinstance(self, SingleReverseDirectRelation)
        cls = SingleReverseDirectRelationApply if single else MultiReverseDirectRelationApply
        return cls(self.source, self.through, self.name, self.description)


class SingleReverseDirectRelation(
    ReverseDirectRelation, tag_field="connectionType", tag="single_reverse_direct_relation"
):  # type: ignore[misc]
    """At most one node pointing here, as read.

    Args:
        source: The view the pointing node is read through.
        through: The direct relation property that points here.
        name: A readable name.
        description: A description.
        targets_list: The direct relation that points here is a list.

    Example:
        >>> from cognite.client.data_classes.data_modeling import PropertyId, SingleReverseDirectRelation, ViewId
        >>> v = ViewId("s", "Pump", "v1")
        >>> type(SingleReverseDirectRelation(v, PropertyId(v, "site")).as_apply()).__name__
        'SingleReverseDirectRelationApply'
    """


class MultiReverseDirectRelation(
    ReverseDirectRelation, tag_field="connectionType", tag="multi_reverse_direct_relation"
):  # type: ignore[misc]
    """Any number of nodes pointing here, as read.

    Args:
        source: The view the pointing nodes are read through.
        through: The direct relation property that points here.
        name: A readable name.
        description: A description.
        targets_list: The direct relation that points here is a list.

    Example:
        >>> from cognite.client.data_classes.data_modeling import MultiReverseDirectRelation, PropertyId, ViewId
        >>> v = ViewId("s", "Pump", "v1")
        >>> MultiReverseDirectRelation(v, PropertyId(v, "site")).through.property
        'site'
    """


class UnknownViewProperty(UnknownWireObject, ConnectionDefinition, ConnectionDefinitionApply):
    """A view property of a kind this SDK version does not know (kept, dumped and re-applied as it was).

    Args:
        data: The raw dictionary.

    Example:
        >>> from cognite.client.data_classes.data_modeling.views import ViewProperty
        >>> ViewProperty.load({"connectionType": "hyperlink", "target": "x"}).dump()
        {'connectionType': 'hyperlink', 'target': 'x'}
    """

    __slots__ = ()


_READ: dict[str, type[Any]] = {
    "mapped": MappedProperty,
    "single_edge_connection": SingleEdgeConnection,
    "multi_edge_connection": MultiEdgeConnection,
    "single_reverse_direct_relation": SingleReverseDirectRelation,
    "multi_reverse_direct_relation": MultiReverseDirectRelation,
}
_WRITE: dict[str, type[Any]] = {
    "mapped": MappedPropertyApply,
    "single_edge_connection": SingleEdgeConnectionApply,
    "multi_edge_connection": MultiEdgeConnectionApply,
    "single_reverse_direct_relation": SingleReverseDirectRelationApply,
    "multi_reverse_direct_relation": MultiReverseDirectRelationApply,
}


# ---------------------------------------------------------------------------------------------- views


class ViewCore(DataModelingSchemaResource):
    """Mixin of views (read and write): identification and property references.

    Example:
        >>> from cognite.client.data_classes.data_modeling import ViewApply
        >>> ViewApply("s", "Pump", "v1").as_property_ref("name")
        ('s', 'Pump/v1', 'name')
    """

    __slots__ = ()
    space: str
    external_id: str
    version: str

    def as_id(self) -> ViewId:
        """Return the id of the view."""
        return ViewId(self.space, self.external_id, self.version)

    def as_property_ref(self, property: str) -> tuple[str, ...]:
        """Return a reference to a property of the view (for filters and sorts).

        Args:
            property: The property identifier.

        Returns:
            ``(space, "external_id/version", property)``.
        """
        return self.as_id().as_property_ref(property)


def _check_view_ids(obj: Any, kind: str) -> None:
    for name in ("space", "external_id", "version"):
        if not isinstance(getattr(obj, name), str):
            raise TypeError(f"{kind}.{name} must be a str, got {getattr(obj, name)!r}")
    if obj.implements is not None:
        obj.implements = [ViewId.load(v) for v in obj.implements]
    if obj.filter is not None and not isinstance(obj.filter, Filter):
        obj.filter = Filter.load(obj.filter)


def _containers_of(properties: Mapping[str, Any] | None) -> set[ContainerId]:
    return {p.container for p in (properties or {}).values() if isinstance(p, MappedProperty | MappedPropertyApply)}


class ViewApply(CogniteObject, ViewCore, WritableDataModelingResource):  # type: ignore[misc]
    """A view as written (``views.apply``).

    Args:
        space: The space of the view.
        external_id: The external id of the view.
        version: The version of the view.
        description: A description.
        name: A readable name.
        filter: Which instances the view shows (default: those with data in every mapped container).
        implements: Views whose properties this view inherits.
        properties: The properties: identifier -> mapped property or connection.

    Example:
        >>> from cognite.client.data_classes.data_modeling import ViewApply, ViewId
        >>> ViewApply("s", "Pump", "v2", implements=[ViewId("s", "Asset", "v1")]).dump()["implements"]
        [{'type': 'view', 'space': 's', 'externalId': 'Asset', 'version': 'v1'}]
    """

    space: str
    external_id: str
    version: str
    description: str | None = None
    name: str | None = None
    filter: Filter | None = None
    implements: list[ViewId] | None = None
    properties: dict[str, ViewPropertyApply] | None = None

    def __post_init__(self) -> None:
        _check_view_ids(self, type(self).__name__)
        if self.properties is not None:
            self.properties = _as_dict_of(self.properties, ViewPropertyApply.load, ViewPropertyApply, "properties")

    def referenced_containers(self) -> set[ContainerId]:
        """Return the containers the view's properties are mapped to."""
        return _containers_of(self.properties)

    def as_write(self) -> ViewApply:
        """Return the view itself (it is the write form)."""
        return self


class RecordViewApply(ViewApply):
    """A view on the records of a stream, as written.

    Args:
        space: The space of the view.
        external_id: The external id of the view.
        version: The version of the view.
        stream_id: The stream whose records the view shows.
        description: A description.
        name: A readable name.
        filter: Which records the view shows.
        implements: Views whose properties this view inherits.
        properties: The properties: identifier -> mapped property.

    Example:
        >>> from cognite.client.data_classes.data_modeling.views import RecordViewApply
        >>> RecordViewApply("s", "Reading", "v1", stream_id="readings").as_id()
        ViewId(space='s', external_id='Reading', version='v1')
    """

    stream_id: str | None = None


class View(WriteableCogniteResource[ViewApply], ViewCore):  # type: ignore[misc]
    """A view as read.

    Args:
        space: The space of the view.
        external_id: The external id of the view.
        version: The version of the view.
        properties: The properties: identifier -> mapped property or connection (inherited ones included when
            read with ``include_inherited_properties``).
        last_updated_time: When the view last changed (ms since epoch).
        created_time: When the view was created (ms since epoch).
        description: A description.
        name: A readable name.
        filter: Which instances the view shows.
        implements: Views whose properties this view inherits.
        writable: Instances can be written through the view (every property is mapped or a connection).
        used_for: What instances the view is for: ``"node"``, ``"edge"`` or ``"all"``.
        is_global: The view is defined by CDF (a system view).
        stream_id: The stream of a record view.
        queryable: Instances can be queried through the view.
        mapped_containers: The containers the view's properties are mapped to.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> from cognite.client.data_classes.data_modeling import ViewId
        >>> with emulated_client() as client:
        ...     view = client.data_modeling.views.retrieve(ViewId("cdf_cdm", "CogniteDescribable", "v1"))[0]
        ...     view.is_global, sorted(view.properties)[:2]
        (True, ['aliases', 'description'])
    """

    space: str
    external_id: str
    version: str
    properties: dict[str, ViewProperty]
    last_updated_time: int
    created_time: int
    description: str | None = None
    name: str | None = None
    filter: Filter | None = None
    implements: list[ViewId] | None = None
    writable: bool = False
    used_for: UsedFor = "node"
    is_global: bool = False
    stream_id: str | None = None
    queryable: bool | None = None
    mapped_containers: list[ContainerId] | None = None

    def __post_init__(self) -> None:
        _check_view_ids(self, "View")
        self.properties = _as_dict_of(self.properties, ViewProperty.load, ViewProperty, "properties")

    def as_apply(self) -> ViewApply:
        """Return the write form of the view (inherited properties included as they were read)."""
        props: dict[str, ViewPropertyApply] = {k: p.as_apply() for k, p in self.properties.items()}
        return ViewApply(self.space, self.external_id, self.version, self.description, self.name, self.filter,
                         None if self.implements is None else list(self.implements), props)  # fmt: skip

    def as_write(self) -> ViewApply:
        """Return the write form of the view."""
        return self.as_apply()

    def is_record_view(self) -> bool:
        """True for a view on the records of a stream."""
        return self.stream_id is not None or self.used_for == "record"

    def as_record_view_apply(self) -> RecordViewApply:
        """Return the write form of a record view."""
        props: dict[str, ViewPropertyApply] = {k: p.as_apply() for k, p in self.properties.items()}
        return RecordViewApply(self.space, self.external_id, self.version, self.description, self.name,
                               self.filter, self.implements, props, self.stream_id)  # fmt: skip

    def referenced_containers(self) -> set[ContainerId]:
        """Return the containers the view's properties are mapped to."""
        return _containers_of(self.properties)


class ViewApplyList(CogniteResourceList[ViewApply]):
    """A list of views as written.

    Args:
        resources: The views.

    Example:
        >>> from cognite.client.data_classes.data_modeling import ViewApply, ViewApplyList
        >>> ViewApplyList([ViewApply("s", "A", "1")]).as_ids()
        [ViewId(space='s', external_id='A', version='1')]
    """

    _RESOURCE: ClassVar[type[CogniteObject]] = ViewApply

    def as_ids(self) -> list[ViewId]:
        """Return the ids of the views."""
        return [v.as_id() for v in self.data]

    def referenced_containers(self) -> set[ContainerId]:
        """Return the containers the views' properties are mapped to."""
        return {c for v in self.data for c in v.referenced_containers()}


class ViewList(WriteableCogniteResourceList[ViewApply, View]):
    """A list of views as read.

    Args:
        resources: The views.

    Example:
        >>> from cognite.client.data_classes.data_modeling import ViewList
        >>> ViewList([]).referenced_containers()
        set()
    """

    _RESOURCE: ClassVar[type[CogniteObject]] = View

    def as_ids(self) -> list[ViewId]:
        """Return the ids of the views."""
        return [v.as_id() for v in self.data]

    def as_apply(self) -> ViewApplyList:
        """Return the write form of the views."""
        return ViewApplyList([v.as_apply() for v in self.data])

    def as_write(self) -> ViewApplyList:
        """Return the write form of the views."""
        return self.as_apply()

    def referenced_containers(self) -> set[ContainerId]:
        """Return the containers the views' properties are mapped to."""
        return {c for v in self.data for c in v.referenced_containers()}

    def get(self, id: Any = None, external_id: str | None = None, instance_id: Any = None) -> View | None:  # type: ignore[override]
        """Return the view with this id (a ``ViewId`` or a tuple), or None.

        Args:
            id: The view id.
            external_id: The external id (the first view with it).
            instance_id: Not used by views.

        Returns:
            The view or None.
        """
        return _get_by_id(self.data, id, external_id, ViewId)  # type: ignore[no-any-return]


class ViewFilter(CogniteFilter):
    """What ``views.list`` filters on.

    Args:
        space: Only views in this space.
        include_inherited_properties: Include the properties views inherit.
        all_versions: Every version, not only the latest.
        include_global: Include the views CDF defines.
        used_for: Only views for these kinds of instances.

    Example:
        >>> from cognite.client.data_classes.data_modeling import ViewFilter
        >>> ViewFilter(space="s").dump()
        {'space': 's'}
    """

    space: str | None = None
    include_inherited_properties: bool = True
    all_versions: bool = False
    include_global: bool = False
    used_for: UsedFor | list[UsedFor] | None = None
