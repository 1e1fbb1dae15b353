"""Containers: the physical storage of data-modeling properties, with their constraints and indexes.

Example:
    >>> from cognite.client.data_classes.data_modeling import ContainerApply, ContainerProperty, Float64, Text
    >>> from cognite.client.data_classes.data_modeling.containers import BTreeIndexApply
    >>> pump = ContainerApply(
    ...     "plant", "Pump",
    ...     properties={"name": ContainerProperty(Text), "maxPressure": ContainerProperty(Float64(), nullable=False)},
    ...     indexes={"byName": BTreeIndexApply(["name"])},
    ... )
    >>> pump.dump()["properties"]["maxPressure"]
    {'type': {'type': 'float64'}, 'nullable': False}
    >>> pump.as_id()
    ContainerId(space='plant', external_id='Pump')
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
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
from cognite.client.data_classes.data_modeling.core import (
    DataModelingSchemaResource,
    UnknownWireObject,
    WritableDataModelingResource,
    load_polymorphic,
)
from cognite.client.data_classes.data_modeling.data_types import DirectRelation, PropertyType, as_property_type
from cognite.client.data_classes.data_modeling.ids import ContainerId

__all__ = [
    "BTreeIndex",
    "BTreeIndexApply",
    "CogniteFilter",
    "CogniteResource",
    "CogniteResourceList",
    "Constraint",
    "ConstraintApply",
    "ConstraintCore",
    "Container",
    "ContainerApply",
    "ContainerApplyList",
    "ContainerCore",
    "ContainerId",
    "ContainerList",
    "ContainerProperty",
    "ContainerPropertyApply",
    "ContainerPropertyCore",
    "DataModelingSchemaResource",
    "DirectRelation",
    "Index",
    "IndexApply",
    "IndexCore",
    "InvertedIndex",
    "InvertedIndexApply",
    "PropertyConstraintState",
    "PropertyType",
    "RequiresConstraint",
    "RequiresConstraintApply",
    "UniquenessConstraint",
    "UniquenessConstraintApply",
    "UnknownCogniteResource",
    "UnknownConstraint",
    "UnknownIndex",
    "WriteableCogniteResourceList",
]

ConstraintOrIndexState = Literal["current", "pending", "failed"]
UsedFor = Literal["node", "edge", "record", "all"]


# ---------------------------------------------------------------------------------------------- properties


class PropertyConstraintState(CogniteObject):
    """The state of the constraints of a container property (as CDF reports it).

    Args:
        nullability: The state of the ``nullable`` constraint.
        max_list_size: The state of the ``maxListSize`` constraint.
        max_text_size: The state of the ``maxTextSize`` constraint.

    Example:
        >>> from cognite.client.data_classes.data_modeling.containers import PropertyConstraintState
        >>> PropertyConstraintState.load({"nullability": "current"}).nullability
        'current'
    """

    nullability: ConstraintOrIndexState | None = None
    max_list_size: ConstraintOrIndexState | None = None
    max_text_size: ConstraintOrIndexState | None = None


class ContainerPropertyCore:
    """Mixin of container properties (read and write).

    Example:
        >>> from cognite.client.data_classes.data_modeling import ContainerProperty, Int64
        >>> from cognite.client.data_classes.data_modeling.containers import ContainerPropertyCore
        >>> isinstance(ContainerProperty(Int64()), ContainerPropertyCore)
        True
    """

    __slots__ = ()


class ContainerProperty(CogniteObject, ContainerPropertyCore):
    """A property of a container: its type, nullability, default value...

    Args:
        type: The type (an instance such as ``Text()``, or a type class for its defaults: ``Text``).
        nullable: The property may be left empty.
        auto_increment: The value is a counter set by CDF (int32/int64 only).
        name: A readable name.
        default_value: The value given when none is.
        description: A description.
        immutable: The value cannot change once set.
        constraint_state: The state of the property's constraints (read only).

    Example:
        >>> from cognite.client.data_classes.data_modeling import ContainerProperty, Text
        >>> ContainerProperty(Text, nullable=False).type
        Text()
    """

    type: PropertyType
    nullable: bool = True
    auto_increment: bool = False
    name: str | None = None
    default_value: str | int | float | bool | dict[str, Any] | None = None
    description: str | None = None
    immutable: bool = False
    constraint_state: PropertyConstraintState | None = None

    def __post_init__(self) -> None:
        self.type = as_property_type(self.type, "ContainerProperty.type")
        for name in ("nullable", "auto_increment", "immutable"):
            if not isinstance(getattr(self, name), bool):
                raise TypeError(f"ContainerProperty.{name} must be a bool, got {getattr(self, name)!r}")

    def as_apply(self) -> ContainerPropertyApply:
        """Return the write form of the property (without the constraint state)."""
        return ContainerPropertyApply(
            self.type, self.nullable, self.auto_increment, self.name, self.default_value, self.description,
            self.immutable,
        )  # fmt: skip


class ContainerPropertyApply(ContainerProperty):
    """A container property as written (``ContainerProperty`` without a constraint state).

    Args:
        type: The type (an instance such as ``Text()``, or a type class for its defaults).
        nullable: The property may be left empty.
        auto_increment: The value is a counter set by CDF.
        name: A readable name.
        default_value: The value given when none is.
        description: A description.
        immutable: The value cannot change once set.
        constraint_state: Ignored (read only).

    Example:
        >>> from cognite.client.data_classes.data_modeling import ContainerPropertyApply, Int64
        >>> ContainerPropertyApply(Int64(), auto_increment=True).dump()
        {'type': {'type': 'int64'}, 'autoIncrement': True}
    """


# ---------------------------------------------------------------------------------------------- constraints


class ConstraintCore:
    """Mixin of container constraints (read and write).

    Example:
        >>> from cognite.client.data_classes.data_modeling.containers import ConstraintCore, UniquenessConstraint
        >>> isinstance(UniquenessConstraint(["name"]), ConstraintCore)
        True
    """

    __slots__ = ()

    def as_apply(self) -> ConstraintApply:
        """Return the write form of the constraint."""
        raise NotImplementedError


class Constraint(ConstraintCore):
    """Base of the constraints of a container as read; ``Constraint.load(dict)`` gives the concrete kind.

    Example:
        >>> from cognite.client.data_classes.data_modeling.containers import Constraint
        >>> Constraint.load({"constraintType": "uniqueness", "properties": ["name"], "state": "current"})
        UniquenessConstraint(properties=['name'], state='current')
    """

    __slots__ = ()

    @classmethod
    def load(cls, resource: Mapping[str, Any]) -> Any:
        """Load a constraint (the class is picked by ``constraintType``).

        Args:
            resource: The dictionary.

        Returns:
            The constraint.
        """
        return cls._load_wire(resource)

    @classmethod
    def _load_wire(cls, data: Any) -> Any:
        options = {"requires": RequiresConstraint, "uniqueness": UniquenessConstraint}
        return load_polymorphic(data, options, "constraintType", what="constraint type", unknown=UnknownConstraint)


class ConstraintApply(ConstraintCore):
    """Base of the constraints of a container as written.

    Example:
        >>> from cognite.client.data_classes.data_modeling.containers import ConstraintApply
        >>> ConstraintApply.load({"constraintType": "requires", "require": {"space": "s", "externalId": "A"}})
        RequiresConstraintApply(require=ContainerId(space='s', external_id='A'))
    """

    __slots__ = ()

    def as_apply(self) -> ConstraintApply:
        """Return the constraint itself (it is the write form)."""
        return self

    @classmethod
    def load(cls, resource: Mapping[str, Any]) -> Any:
        """Load a constraint (the class is picked by ``constraintType``).

        Args:
            resource: The dictionary.

        Returns:
            The constraint.
        """
        return cls._load_wire(resource)

    @classmethod
    def _load_wire(cls, data: Any) -> Any:
        options = {"requires": RequiresConstraintApply, "uniqueness": UniquenessConstraintApply}
        return load_polymorphic(data, options, "constraintType", what="constraint type", unknown=UnknownConstraint)


class RequiresConstraint(CogniteObject, Constraint, tag_field="constraintType", tag="requires"):  # type: ignore[misc]
    """A constraint: an instance with data in this container must have data in another container.

    Args:
        require: The required container.
        state: The state of the constraint (read only).

    Example:
        >>> from cognite.client.data_classes.data_modeling import ContainerId, RequiresConstraint
        >>> RequiresConstraint(ContainerId("s", "Asset")).as_apply().dump()
        {'constraintType': 'requires', 'require': {'type': 'container', 'space': 's', 'externalId': 'Asset'}}
    """

    require: ContainerId
    state: ConstraintOrIndexState | None = None

    def __post_init__(self) -> None:
        self.require = ContainerId.load(self.require)

    def as_apply(self) -> RequiresConstraintApply:
        """Return the write form of the constraint."""
        return RequiresConstraintApply(self.require)


class RequiresConstraintApply(CogniteObject, ConstraintApply, tag_field="constraintType", tag="requires"):  # type: ignore[misc]
    """A requires constraint as written.

    Args:
        require: The required container.

    Example:
        >>> from cognite.client.data_classes.data_modeling import RequiresConstraintApply
        >>> RequiresConstraintApply(("s", "Asset")).require
        ContainerId(space='s', external_id='Asset')
    """

    require: ContainerId

    def __post_init__(self) -> None:
        self.require = ContainerId.load(self.require)


class UniquenessConstraint(CogniteObject, Constraint, tag_field="constraintType", tag="uniqueness"):  # type: ignore[misc]
    """A constraint: the values of these properties are unique (together) among the instances.

    Args:
        properties: The properties.
        by_space: Unique within each space rather than in the whole project.
        state: The state of the constraint (read only).

    Example:
        >>> from cognite.client.data_classes.data_modeling import UniquenessConstraint
        >>> UniquenessConstraint(["serial"]).as_apply().dump()
        {'constraintType': 'uniqueness', 'properties': ['serial']}
    """

    properties: list[str]
    by_space: bool | None = None
    state: ConstraintOrIndexState | None = None

    def as_apply(self) -> UniquenessConstraintApply:
        """Return the write form of the constraint."""
        return UniquenessConstraintApply(list(self.properties), self.by_space)


class UniquenessConstraintApply(CogniteObject, ConstraintApply, tag_field="constraintType", tag="uniqueness"):  # type: ignore[misc]
    """A uniqueness constraint as written.

    Args:
        properties: The properties.
        by_space: Unique within each space rather than in the whole project.

    Example:
        >>> from cognite.client.data_classes.data_modeling import UniquenessConstraintApply
        >>> UniquenessConstraintApply(["a", "b"]).properties
        ['a', 'b']
    """

    properties: list[str]
    by_space: bool | None = None


# ---------------------------------------------------------------------------------------------- indexes


class IndexCore:
    """Mixin of container indexes (read and write).

    Example:
        >>> from cognite.client.data_classes.data_modeling.containers import BTreeIndex, IndexCore
        >>> isinstance(BTreeIndex(["name"]), IndexCore)
        True
    """

    __slots__ = ()

    def as_apply(self) -> IndexApply:
        """Return the write form of the index."""
        raise NotImplementedError


class Index(IndexCore):
    """Base of the indexes of a container as read; ``Index.load(dict)`` gives the concrete kind.

    Example:
        >>> from cognite.client.data_classes.data_modeling.containers import Index
        >>> Index.load({"indexType": "inverted", "properties": ["tags"]})
        InvertedIndex(properties=['tags'])
    """

    __slots__ = ()

    @classmethod
    def load(cls, resource: Mapping[str, Any]) -> Any:
        """Load an index (the class is picked by ``indexType``, default ``btree``).

        Args:
            resource: The dictionary.

        Returns:
            The index.
        """
        return cls._load_wire(resource)

    @classmethod
    def _load_wire(cls, data: Any) -> Any:
        options = {"btree": BTreeIndex, "inverted": InvertedIndex}
        return load_polymorphic(data, options, "indexType", "btree", what="index type", unknown=UnknownIndex)


class IndexApply(IndexCore):
    """Base of the indexes of a container as written.

    Example:
        >>> from cognite.client.data_classes.data_modeling.containers import IndexApply
        >>> IndexApply.load({"indexType": "btree", "properties": ["name"], "cursorable": True})
        BTreeIndexApply(properties=['name'], cursorable=True)
    """

    __slots__ = ()

    def as_apply(self) -> IndexApply:
        """Return the index itself (it is the write form)."""
        return self

    @classmethod
    def load(cls, resource: Mapping[str, Any]) -> Any:
        """Load an index (the class is picked by ``indexType``, default ``btree``).

        Args:
            resource: The dictionary.

        Returns:
            The index.
        """
        return cls._load_wire(resource)

    @classmethod
    def _load_wire(cls, data: Any) -> Any:
        options = {"btree": BTreeIndexApply, "inverted": InvertedIndexApply}
        return load_polymorphic(data, options, "indexType", "btree", what="index type", unknown=UnknownIndex)


class BTreeIndex(CogniteObject, Index, tag_field="indexType", tag="btree"):  # type: ignore[misc]
    """A b-tree index: speeds up equality, range and prefix filters and sorting on the properties.

    Args:
        properties: The indexed properties.
        cursorable: Usable for cursor-based sorting through the data.
        by_space: Index within each space.
        state: The state of the index (read only).

    Example:
        >>> from cognite.client.data_classes.data_modeling.containers import BTreeIndex
        >>> BTreeIndex(["name"], cursorable=True).as_apply().dump()
        {'indexType': 'btree', 'properties': ['name'], 'cursorable': True}
    """

    properties: list[str]
    cursorable: bool = False
    by_space: bool | None = None
    state: ConstraintOrIndexState | None = None

    def as_apply(self) -> BTreeIndexApply:
        """Return the write form of the index."""
        return BTreeIndexApply(list(self.properties), self.cursorable, self.by_space)


class BTreeIndexApply(CogniteObject, IndexApply, tag_field="indexType", tag="btree"):  # type: ignore[misc]
    """A b-tree index as written.

    Args:
        properties: The indexed properties.
        cursorable: Usable for cursor-based sorting through the data.
        by_space: Index within each space.

    Example:
        >>> from cognite.client.data_classes.data_modeling.containers import BTreeIndexApply
        >>> BTreeIndexApply(["a"]).dump()
        {'indexType': 'btree', 'properties': ['a']}
    """

    properties: list[str]
    cursorable: bool = False
    by_space: bool | None = None


class InvertedIndex(CogniteObject, Index, tag_field="indexType", tag="inverted"):  # type: ignore[misc]
    """An inverted index: speeds up filters on the values of list properties.

    Args:
        properties: The indexed properties.
        state: The state of the index (read only).

    Example:
        >>> from cognite.client.data_classes.data_modeling.containers import InvertedIndex
        >>> InvertedIndex(["tags"]).as_apply().dump()
        {'indexType': 'inverted', 'properties': ['tags']}
    """

    properties: list[str]
    state: ConstraintOrIndexState | None = None

    def as_apply(self) -> InvertedIndexApply:
        """Return the write form of the index."""
        return InvertedIndexApply(list(self.properties))


class InvertedIndexApply(CogniteObject, IndexApply, tag_field="indexType", tag="inverted"):  # type: ignore[misc]
    """An inverted index as written.

    Args:
        properties: The indexed properties.

    Example:
        >>> from cognite.client.data_classes.data_modeling.containers import InvertedIndexApply
        >>> InvertedIndexApply(["tags"]).properties
        ['tags']
    """

    properties: list[str]


class UnknownConstraint(UnknownWireObject, Constraint, ConstraintApply):
    """A constraint of a kind this SDK version does not know (kept, dumped and re-applied as it was).

    Args:
        data: The raw dictionary.

    Example:
        >>> from cognite.client.data_classes.data_modeling.containers import Constraint
        >>> Constraint.load({"constraintType": "checksum", "properties": ["a"]})
        UnknownConstraint({'constraintType': 'checksum', 'properties': ['a']})
    """

    __slots__ = ()


class UnknownIndex(UnknownWireObject, Index, IndexApply):
    """An index of a kind this SDK version does not know (kept, dumped and re-applied as it was).

    Args:
        data: The raw dictionary.

    Example:
        >>> from cognite.client.data_classes.data_modeling.containers import IndexApply
        >>> IndexApply.load({"indexType": "vector", "properties": ["v"]}).as_apply()
        UnknownIndex({'indexType': 'vector', 'properties': ['v']})
    """

    __slots__ = ()


# ---------------------------------------------------------------------------------------------- containers


def _check_schema_ids(obj: Any, kind: str) -> None:
    for name in ("space", "external_id"):
        if not isinstance(getattr(obj, name), str):
            raise TypeError(f"{kind}.{name} must be a str, got {getattr(obj, name)!r}")


def _as_dict_of(value: Any, loader: Any, base: type, field: str) -> dict[str, Any]:
    if not isinstance(value, Mapping):
        raise TypeError(f"{field} must be a dict of identifier -> value, got {value!r}")
    out = {}
    for key, item in value.items():
        if not isinstance(key, str):
            raise TypeError(f"{field} keys must be str, got {key!r}")
        out[key] = item if isinstance(item, base) else loader(item)
    return out


class ContainerCore(DataModelingSchemaResource):
    """Mixin of containers (read and write): identification and property references.

    Example:
        >>> from cognite.client.data_classes.data_modeling import ContainerApply, ContainerProperty, Text
        >>> ContainerApply("s", "Pump", {"name": ContainerProperty(Text)}).as_property_ref("name")
        ('s', 'Pump', 'name')
    """

    __slots__ = ()
    space: str
    external_id: str

    def as_id(self) -> ContainerId:
        """Return the id of the container."""
        return ContainerId(self.space, self.external_id)

    def as_property_ref(self, property: str) -> tuple[str, ...]:
        """Return a reference to a property of the container (for filters and sorts).

        Args:
            property: The property identifier.

        Returns:
            ``(space, external_id, property)``.
        """
        return self.as_id().as_property_ref(property)


class ContainerApply(CogniteObject, ContainerCore, WritableDataModelingResource):  # type: ignore[misc]
    """A container as written (``containers.apply``).

    Args:
        space: The space of the container.
        external_id: The external id of the container.
        properties: The properties: identifier -> :class:`ContainerProperty`.
        description: A description.
        name: A readable name.
        constraints: The constraints: identifier -> constraint.
        indexes: The indexes: identifier -> index.
        used_for: What instances the container holds data for: ``"node"``, ``"edge"``, ``"all"`` (or ``"record"``).

    Example:
        >>> from cognite.client.data_classes.data_modeling import ContainerApply, ContainerProperty, Int64
        >>> ContainerApply("s", "Counter", {"n": ContainerProperty(Int64)}, used_for="all").dump()
        {'space': 's', 'externalId': 'Counter', 'properties': {'n': {'type': {'type': 'int64'}}}, 'usedFor': 'all'}
    """

    space: str
    external_id: str
    properties: dict[str, ContainerProperty]
    description: str | None = None
    name: str | None = None
    constraints: dict[str, ConstraintApply] | None = None
    indexes: dict[str, IndexApply] | None = None
    used_for: UsedFor | None = None

    def __post_init__(self) -> None:
        _check_schema_ids(self, "ContainerApply")
        self.properties = _as_dict_of(self.properties, ContainerProperty.load, ContainerProperty, "properties")
        if self.constraints is not None:
            self.constraints = _as_dict_of(self.constraints, ConstraintApply.load, ConstraintCore, "constraints")
            self.constraints = {k: v.as_apply() for k, v in self.constraints.items()}
        if self.indexes is not None:
            self.indexes = _as_dict_of(self.indexes, IndexApply.load, IndexCore, "indexes")
            self.indexes = {k: v.as_apply() for k, v in self.indexes.items()}

    def as_write(self) -> ContainerApply:
        """Return the container itself (it is the write form)."""
        return self


class Container(WriteableCogniteResource[ContainerApply], ContainerCore):  # type: ignore[misc]
    """A container as read.

    Args:
        space: The space of the container.
        external_id: The external id of the container.
        properties: The properties: identifier -> :class:`ContainerProperty`.
        is_global: The container is defined by CDF (a system container).
        last_updated_time: When the container last changed (ms since epoch).
        created_time: When the container was created (ms since epoch).
        description: A description.
        name: A readable name.
        constraints: The constraints: identifier -> constraint.
        indexes: The indexes: identifier -> index.
        used_for: What instances the container holds data for.

    Example:
        >>> from cognite.client.testing import emulated_client
        >>> from cognite.client.data_classes.data_modeling import ContainerApply, ContainerProperty, SpaceApply, Text
        >>> with emulated_client() as client:
        ...     _ = client.data_modeling.spaces.apply(SpaceApply("s"))
        ...     c = client.data_modeling.containers.apply(ContainerApply("s", "Pump", {"name": ContainerProperty(Text)}))
        ...     c.as_write().dump()
        {'space': 's', 'externalId': 'Pump', 'properties': {'name': {'type': {'type': 'text'}}}, 'usedFor': 'node'}
    """

    space: str
    external_id: str
    properties: dict[str, ContainerProperty]
    is_global: bool
    last_updated_time: int
    created_time: int
    description: str | None = None
    name: str | None = None
    constraints: dict[str, Constraint] | None = None
    indexes: dict[str, Index] | None = None
    used_for: UsedFor | None = None

    def __post_init__(self) -> None:
        _check_schema_ids(self, "Container")
        self.properties = _as_dict_of(self.properties, ContainerProperty.load, ContainerProperty, "properties")
        if self.constraints is not None:
            self.constraints = _as_dict_of(self.constraints, Constraint.load, ConstraintCore, "constraints")
        if self.indexes is not None:
            self.indexes = _as_dict_of(self.indexes, Index.load, IndexCore, "indexes")

    def as_apply(self) -> ContainerApply:
        """Return the write form of the container."""
        return ContainerApply(
            self.space,
            self.external_id,
            {k: p.as_apply() for k, p in self.properties.items()},
            self.description,
            self.name,
            None if self.constraints is None else {k: c.as_apply() for k, c in self.constraints.items()},
            None if self.indexes is None else {k: i.as_apply() for k, i in self.indexes.items()},
            self.used_for,
        )

    def as_write(self) -> ContainerApply:
        """Return the write form of the container."""
        return self.as_apply()


class ContainerApplyList(CogniteResourceList[ContainerApply]):
    """A list of containers as written.

    Args:
        resources: The containers.

    Example:
        >>> from cognite.client.data_classes.data_modeling import ContainerApply, ContainerApplyList
        >>> from cognite.client.data_classes.data_modeling import ContainerProperty, Text
        >>> ContainerApplyList([ContainerApply("s", "A", {"p": ContainerProperty(Text)})]).as_ids()
        [ContainerId(space='s', external_id='A')]
    """

    _RESOURCE: ClassVar[type[CogniteObject]] = ContainerApply

    def as_ids(self) -> list[ContainerId]:
        """Return the ids of the containers."""
        return [c.as_id() for c in self.data]


class ContainerList(WriteableCogniteResourceList[ContainerApply, Container]):
    """A list of containers as read.

    Args:
        resources: The containers.

    Example:
        >>> from cognite.client.data_classes.data_modeling import ContainerList
        >>> ContainerList([]).as_ids()
        []
    """

    _RESOURCE: ClassVar[type[CogniteObject]] = Container

    def as_ids(self) -> list[ContainerId]:
        """Return the ids of the containers."""
        return [c.as_id() for c in self.data]

    def as_apply(self) -> ContainerApplyList:
        """Return the write form of the containers."""
        return ContainerApplyList([c.as_apply() for c in self.data])

    def as_write(self) -> ContainerApplyList:
        """Return the write form of the containers."""
        return self.as_apply()

    def get(self, id: Any = None, external_id: str | None = None, instance_id: Any = None) -> Container | None:  # type: ignore[override]
        """Return the container with this id (a ``ContainerId`` or ``(space, external_id)``), or None.

        Args:
            id: The container id.
            external_id: The external id (the first container with it, in any space).
            instance_id: Not used by containers.

        Returns:
            The container or None.
        """
        return _get_by_id(self.data, id, external_id, ContainerId)  # type: ignore[no-any-return]


def _get_by_id(items: Sequence[Any], id: Any, external_id: str | None, id_cls: Any) -> Any:
    if id is not None:
        wanted = id_cls.load(id)
        return next((x for x in items if x.as_id() == wanted), None)
    if external_id is not None:
        return next((x for x in items if x.external_id == external_id), None)
    return None


class ContainerFilter(CogniteFilter):
    """What ``containers.list`` filters on.

    Args:
        space: Only containers in this space.
        include_global: Include the containers CDF defines.
        used_for: Only containers used for these kinds of instances.
    """

    space: str | None = None
    include_global: bool = False
    used_for: list[str] | None = None
