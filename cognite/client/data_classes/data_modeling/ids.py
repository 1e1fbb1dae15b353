"""Identifiers of data-modeling resources: spaces, containers, views, data models, nodes and edges.

Every identifier is a frozen, hashable, ordered :mod:`msgspec` struct, so it decodes straight from a CDF
response and can be used as a dict key. Container and view ids carry their ``type`` on the wire
(``{"type": "view", "space": ..., "externalId": ..., "version": ...}``), the shape CDF uses for
references; node and edge ids add ``instanceType`` only when dumped with ``include_instance_type=True``.

Example:
    >>> from cognite.client.data_classes.data_modeling.ids import NodeId, ViewId
    >>> ViewId("my_space", "Pump", "v1").as_property_ref("name")
    ('my_space', 'Pump/v1', 'name')
    >>> NodeId("my_space", "pump1").dump()
    {'space': 'my_space', 'externalId': 'pump1', 'instanceType': 'node'}
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any, ClassVar, Literal, Protocol, TypeAlias, TypeVar, cast, runtime_checkable

import msgspec

from cognite.client.data_classes._base import CogniteResource, SequenceNotStr

__all__ = [
    "AbstractDataclass",
    "CogniteResource",
    "ContainerId",
    "ContainerIdentifier",
    "ConstraintIdentifier",
    "DataModelId",
    "DataModelIdentifier",
    "DataModelingId",
    "DataModelingIdentifier",
    "DataModelingIdentifierSequence",
    "DirectRelationReference",
    "EdgeId",
    "IdLike",
    "IndexIdentifier",
    "InstanceId",
    "NodeId",
    "PropertyId",
    "SequenceNotStr",
    "VersionedDataModelingId",
    "VersionedIdLike",
    "ViewId",
    "ViewIdentifier",
]

T_Id = TypeVar("T_Id", bound="AbstractDataclass")

_ABSTRACT: set[type] = set()


class AbstractDataclass(msgspec.Struct, frozen=True, order=True, rename="camel", omit_defaults=True):
    """Base of the identifier structs; the abstract ones among them cannot be instantiated.

    Example:
        >>> from cognite.client.data_classes.data_modeling.ids import AbstractDataclass, ContainerId
        >>> isinstance(ContainerId("s", "c"), AbstractDataclass)
        True
    """

    def __post_init__(self) -> None:
        if type(self) in _ABSTRACT:
            raise TypeError(f"Cannot instantiate abstract class {type(self).__name__}; use one of its subclasses")


_ABSTRACT.add(AbstractDataclass)


def _xid(data: Mapping[str, Any]) -> Any:
    return data["externalId"] if "externalId" in data else data["external_id"]


def _check_str(value: Any, name: str, owner: str) -> None:
    if not isinstance(value, str):
        raise TypeError(f"{owner}.{name} must be a str, not {type(value).__name__}")


@runtime_checkable
class IdLike(Protocol):
    """Anything with a ``space`` and an ``external_id`` (ids, nodes, edges, views...)."""

    @property
    def space(self) -> str: ...

    @property
    def external_id(self) -> str: ...


@runtime_checkable
class VersionedIdLike(IdLike, Protocol):
    """Anything with a ``space``, an ``external_id`` and a ``version``."""

    @property
    def version(self) -> str | None: ...


class DataModelingId(AbstractDataclass, frozen=True):
    """Base of the identifiers made of a space and an external id (abstract).

    Args:
        space: The space.
        external_id: The external id.

    Example:
        >>> from cognite.client.data_classes.data_modeling.ids import ContainerId
        >>> ContainerId.load(("my_space", "Pump")).as_tuple()
        ('my_space', 'Pump')
    """

    space: str
    external_id: str

    _type: ClassVar[str | None] = None

    def __post_init__(self) -> None:
        super().__post_init__()
        _check_str(self.space, "space", type(self).__name__)
        _check_str(self.external_id, "external_id", type(self).__name__)

    def as_tuple(self) -> tuple[str, ...]:
        """Return the identifier as a tuple: ``(space, external_id)``."""
        return (self.space, self.external_id)

    def dump(self, camel_case: bool = True, include_type: bool = True) -> dict[str, Any]:
        """Dump the identifier to a dictionary.

        Args:
            camel_case: Use camelCase keys (the wire format).
            include_type: Add the ``type`` key (``"container"``, ``"view"``) for the kinds that have one.

        Returns:
            The identifier as a dictionary.
        """
        out: dict[str, Any] = {"space": self.space, ("externalId" if camel_case else "external_id"): self.external_id}
        version = getattr(self, "version", None)
        if version is not None:
            out["version"] = version
        if include_type and self._type is not None:
            out["type"] = self._type
        return out

    @classmethod
    def load(cls: type[T_Id], data: Mapping[str, Any] | Sequence[str] | T_Id) -> T_Id:
        """Load the identifier from a dict (camelCase or snake_case keys), a tuple, or an identifier.

        Args:
            data: ``{"space": ..., "externalId": ...[, "version": ...]}``, ``(space, external_id[, version])``.

        Returns:
            The identifier.
        """
        if isinstance(data, cls):
            return data
        if isinstance(data, Mapping):
            kwargs: dict[str, Any] = {"space": data["space"], "external_id": _xid(data)}
            if "version" in data and "version" in cls.__struct_fields__:
                kwargs["version"] = data["version"]
            return cls(**kwargs)
        if isinstance(data, tuple | list) and 2 <= len(data) <= len(cls.__struct_fields__):
            return cls(*data)
        raise TypeError(f"Cannot load {cls.__name__} from {data!r}: expected a dict, a tuple or a {cls.__name__}")

    @classmethod
    def load_if(cls: type[T_Id], data: Mapping[str, Any] | Sequence[str] | T_Id | None) -> T_Id | None:
        """Load the identifier, or return None for None."""
        return None if data is None else cls.load(data)  # type: ignore[attr-defined]


_ABSTRACT.add(DataModelingId)


class VersionedDataModelingId(DataModelingId, frozen=True):
    """Base of the identifiers made of a space, an external id and a version (abstract).

    Args:
        space: The space.
        external_id: The external id.
        version: The version.

    Example:
        >>> from cognite.client.data_classes.data_modeling.ids import ViewId
        >>> ViewId.load({"space": "s", "externalId": "Pump", "version": "v1"}).as_tuple()
        ('s', 'Pump', 'v1')
    """

    version: str | None = None

    def as_tuple(self) -> tuple[str, ...]:
        """Return the identifier as a tuple: ``(space, external_id, version)`` (version left out if None)."""
        if self.version is None:
            return (self.space, self.external_id)
        return (self.space, self.external_id, self.version)


_ABSTRACT.add(VersionedDataModelingId)


class ContainerId(DataModelingId, frozen=True, tag_field="type", tag="container"):
    """Identifies a container.

    Args:
        space: The space of the container.
        external_id: The external id of the container.

    Example:
        >>> from cognite.client.data_classes.data_modeling.ids import ContainerId
        >>> ContainerId("my_space", "Pump").dump()
        {'space': 'my_space', 'externalId': 'Pump', 'type': 'container'}
    """

    _type: ClassVar[str | None] = "container"

    def as_source_identifier(self) -> str:
        """Return the identifier used in property references: the external id."""
        return self.external_id

    def as_property_ref(self, property: str) -> tuple[str, ...]:
        """Return a reference to one of the container's properties: ``(space, external_id, property)``.

        Args:
            property: The property identifier.

        Returns:
            The property reference.
        """
        return (self.space, self.as_source_identifier(), property)


class ViewId(VersionedDataModelingId, frozen=True, tag_field="type", tag="view"):
    """Identifies a view.

    Args:
        space: The space of the view.
        external_id: The external id of the view.
        version: The version of the view.

    Example:
        >>> from cognite.client.data_classes.data_modeling.ids import ViewId
        >>> ViewId("my_space", "Pump", "v1").as_source_identifier()
        'Pump/v1'
    """

    _type: ClassVar[str | None] = "view"

    def as_source_identifier(self) -> str:
        """Return the identifier used in property references: ``external_id/version``."""
        return f"{self.external_id}/{self.version}"

    def as_property_ref(self, property: str) -> tuple[str, ...]:
        """Return a reference to one of the view's properties: ``(space, external_id/version, property)``.

        Args:
            property: The property identifier.

        Returns:
            The property reference.
        """
        return (self.space, self.as_source_identifier(), property)


class DataModelId(VersionedDataModelingId, frozen=True):
    """Identifies a data model.

    Args:
        space: The space of the data model.
        external_id: The external id of the data model.
        version: The version of the data model.

    Example:
        >>> from cognite.client.data_classes.data_modeling.ids import DataModelId
        >>> DataModelId("my_space", "Plant", "1").dump()
        {'space': 'my_space', 'externalId': 'Plant', 'version': '1'}
    """


class PropertyId(msgspec.Struct, frozen=True, order=True, rename="camel"):
    """Identifies a property of a view or a container.

    Args:
        source: The view or container that holds the property.
        property: The property identifier.

    Example:
        >>> from cognite.client.data_classes.data_modeling.ids import PropertyId, ViewId
        >>> PropertyId(ViewId("s", "Pump", "v1"), "name").as_property_ref()
        ('s', 'Pump/v1', 'name')
    """

    source: ViewId | ContainerId
    property: str = msgspec.field(name="identifier")

    def __post_init__(self) -> None:
        if not isinstance(self.source, ViewId | ContainerId):
            raise TypeError(f"PropertyId.source must be a ViewId or a ContainerId, not {type(self.source).__name__}")
        _check_str(self.property, "property", "PropertyId")

    def as_property_ref(self) -> tuple[str, ...]:
        """Return the property reference used in filters and sorts."""
        return self.source.as_property_ref(self.property)

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump to ``{"source": {...}, "identifier": property}``.

        Args:
            camel_case: Use camelCase keys.

        Returns:
            The property id as a dictionary.
        """
        return {"source": self.source.dump(camel_case=camel_case, include_type=True), "identifier": self.property}

    @classmethod
    def load(cls, data: Mapping[str, Any] | PropertyId) -> PropertyId:
        """Load from ``{"source": {"type": "view", ...}, "identifier": ...}``.

        Args:
            data: The dictionary.

        Returns:
            The property id.
        """
        if isinstance(data, PropertyId):
            return data
        if not isinstance(data, Mapping):
            raise TypeError(f"Cannot load PropertyId from {type(data).__name__}")
        source = data["source"]
        source_id: ViewId | ContainerId
        if isinstance(source, ViewId | ContainerId):
            source_id = source
        elif source.get("type") == "container":
            source_id = ContainerId.load(source)
        else:
            source_id = ViewId.load(source)
        return cls(source_id, data["identifier"] if "identifier" in data else data["property"])


class InstanceId(msgspec.Struct, frozen=True, order=True, rename="camel"):
    """Identifies an instance (a node or an edge) by space and external id.

    Args:
        space: The space of the instance.
        external_id: The external id of the instance.

    Example:
        >>> from cognite.client.data_classes.data_modeling.ids import InstanceId
        >>> InstanceId("my_space", "pump1").dump()
        {'space': 'my_space', 'externalId': 'pump1'}
    """

    space: str
    external_id: str

    _instance_type: ClassVar[Literal["node", "edge"] | None] = None

    def __post_init__(self) -> None:
        _check_str(self.space, "space", type(self).__name__)
        _check_str(self.external_id, "external_id", type(self).__name__)

    @property
    def instance_type(self) -> Literal["node", "edge"] | None:
        """``"node"`` or ``"edge"``; None for a plain InstanceId."""
        return self._instance_type

    def as_tuple(self) -> tuple[str, str]:
        """Return ``(space, external_id)``."""
        return (self.space, self.external_id)

    def dump(self, camel_case: bool = True, include_instance_type: bool = True) -> dict[str, str]:
        """Dump the identifier to a dictionary.

        Args:
            camel_case: Use camelCase keys (the wire format).
            include_instance_type: Add ``instanceType`` (``"node"`` or ``"edge"``) when known.

        Returns:
            The identifier as a dictionary.
        """
        out = {"space": self.space, ("externalId" if camel_case else "external_id"): self.external_id}
        if include_instance_type and self._instance_type is not None:
            out["instanceType" if camel_case else "instance_type"] = self._instance_type
        return out

    @classmethod
    def load(cls, data: Mapping[str, Any] | Sequence[str] | InstanceId) -> Any:
        """Load from a dict, a ``(space, external_id)`` tuple or another instance id.

        ``InstanceId.load`` of a dict with ``instanceType`` gives a :class:`NodeId` or an :class:`EdgeId`.

        Args:
            data: The identifier data.

        Returns:
            The identifier.
        """
        if isinstance(data, InstanceId):
            return data if isinstance(data, cls) else cls(data.space, data.external_id)
        if isinstance(data, Mapping):
            target: type[InstanceId] = cls
            if cls is InstanceId:
                kind = data.get("instanceType", data.get("instance_type"))
                target = {"node": NodeId, "edge": EdgeId}.get(cast(str, kind), InstanceId)
            return target(data["space"], _xid(data))
        if isinstance(data, tuple | list) and len(data) == 2:
            return cls(data[0], data[1])
        raise TypeError(f"Cannot load {cls.__name__} from {data!r}: expected a dict or a (space, external_id) tuple")

    @classmethod
    def load_if(cls, data: Mapping[str, Any] | Sequence[str] | InstanceId | None) -> Any:
        """Load the identifier, or return None for None."""
        return None if data is None else cls.load(data)


class NodeId(InstanceId, frozen=True):
    """Identifies a node.

    Args:
        space: The space of the node.
        external_id: The external id of the node.

    Example:
        >>> from cognite.client.data_classes.data_modeling.ids import NodeId
        >>> NodeId("my_space", "pump1").dump(include_instance_type=False)
        {'space': 'my_space', 'externalId': 'pump1'}
    """

    _instance_type: ClassVar[Literal["node", "edge"] | None] = "node"

    def dump(self, camel_case: bool = True, include_instance_type: bool = True) -> dict[str, str]:
        """Dump to ``{"space", "externalId", "instanceType": "node"}``.

        Args:
            camel_case: Use camelCase keys.
            include_instance_type: Add ``instanceType``.

        Returns:
            The node id as a dictionary.
        """
        return super().dump(camel_case, include_instance_type)


class EdgeId(InstanceId, frozen=True):
    """Identifies an edge.

    Args:
        space: The space of the edge.
        external_id: The external id of the edge.

    Example:
        >>> from cognite.client.data_classes.data_modeling.ids import EdgeId
        >>> EdgeId("my_space", "pump1-valve2").instance_type
        'edge'
    """

    _instance_type: ClassVar[Literal["node", "edge"] | None] = "edge"

    def dump(self, camel_case: bool = True, include_instance_type: bool = True) -> dict[str, str]:
        """Dump to ``{"space", "externalId", "instanceType": "edge"}``.

        Args:
            camel_case: Use camelCase keys.
            include_instance_type: Add ``instanceType``.

        Returns:
            The edge id as a dictionary.
        """
        return super().dump(camel_case, include_instance_type)


class DirectRelationReference(msgspec.Struct, frozen=True, order=True, rename="camel"):
    """A reference to a node, as held by a direct relation property (``{"space", "externalId"}``).

    Args:
        space: The space of the node.
        external_id: The external id of the node.

    Example:
        >>> from cognite.client.data_classes.data_modeling.ids import DirectRelationReference
        >>> DirectRelationReference.load(("my_space", "pump1")).dump()
        {'space': 'my_space', 'externalId': 'pump1'}
    """

    space: str
    external_id: str

    def __post_init__(self) -> None:
        _check_str(self.space, "space", "DirectRelationReference")
        _check_str(self.external_id, "external_id", "DirectRelationReference")

    def as_tuple(self) -> tuple[str, str]:
        """Return ``(space, external_id)``."""
        return (self.space, self.external_id)

    def dump(self, camel_case: bool = True, include_instance_type: bool = False) -> dict[str, str]:
        """Dump to ``{"space": ..., "externalId": ...}``.

        Args:
            camel_case: Use camelCase keys.
            include_instance_type: Add ``instanceType: "node"`` (a direct relation always points to a node).

        Returns:
            The reference as a dictionary.
        """
        out = {"space": self.space, ("externalId" if camel_case else "external_id"): self.external_id}
        if include_instance_type:
            out["instanceType" if camel_case else "instance_type"] = "node"
        return out

    @classmethod
    def load(cls, data: Mapping[str, Any] | Sequence[str] | IdLike) -> DirectRelationReference:
        """Load from a dict, a ``(space, external_id)`` tuple, or anything with ``space`` and ``external_id``.

        Args:
            data: The reference data.

        Returns:
            The reference.
        """
        if isinstance(data, DirectRelationReference):
            return data
        if isinstance(data, Mapping):
            return cls(data["space"], _xid(data))
        if isinstance(data, tuple | list) and len(data) == 2:
            return cls(data[0], data[1])
        if isinstance(data, IdLike):
            return cls(data.space, data.external_id)
        raise TypeError(f"Cannot load DirectRelationReference from {data!r}")

    @classmethod
    def load_if(cls, data: Mapping[str, Any] | Sequence[str] | IdLike | None) -> DirectRelationReference | None:
        """Load the reference, or return None for None."""
        return None if data is None else cls.load(data)


ContainerIdentifier: TypeAlias = "ContainerId | tuple[str, str]"
ViewIdentifier: TypeAlias = "ViewId | tuple[str, str] | tuple[str, str, str]"
DataModelIdentifier: TypeAlias = "DataModelId | tuple[str, str] | tuple[str, str, str]"
ConstraintIdentifier: TypeAlias = "tuple[ContainerId, str]"
IndexIdentifier: TypeAlias = "tuple[ContainerId, str]"

_IdType = Literal["space", "container", "view", "data_model", "node", "edge"]


class DataModelingIdentifier(msgspec.Struct, frozen=True, order=True):
    """One identifier of any data-modeling kind, as sent to the byids/delete endpoints.

    Args:
        space: The space.
        external_id: The external id (None for a space).
        version: The version (views and data models).
        instance_type: ``"node"`` or ``"edge"`` for instances.

    Example:
        >>> from cognite.client.data_classes.data_modeling.ids import DataModelingIdentifier
        >>> DataModelingIdentifier("s", "n1", instance_type="node").as_dict()
        {'space': 's', 'externalId': 'n1', 'instanceType': 'node'}
    """

    space: str
    external_id: str | None = None
    version: str | None = None
    instance_type: Literal["node", "edge"] | None = None

    def as_dict(self, include_instance_type: bool = True) -> dict[str, str]:
        """Return the wire form: ``{"space"[, "externalId"][, "version"][, "instanceType"]}``.

        Args:
            include_instance_type: Add ``instanceType`` when set.

        Returns:
            The identifier as a dictionary.
        """
        out = {"space": self.space}
        if self.external_id is not None:
            out["externalId"] = self.external_id
        if self.version is not None:
            out["version"] = self.version
        if include_instance_type and self.instance_type is not None:
            out["instanceType"] = self.instance_type
        return out

    def as_primitive(self) -> str | tuple[str, ...]:
        """Return the space (for spaces) or a tuple ``(space, external_id[, version])``."""
        if self.external_id is None:
            return self.space
        if self.version is None:
            return (self.space, self.external_id)
        return (self.space, self.external_id, self.version)


class DataModelingIdentifierSequence:
    """A sequence of data-modeling identifiers, remembering whether a single one was asked for.

    Args:
        identifiers: The identifiers.
        is_singleton: True when the caller passed one identifier (not a list).

    Example:
        >>> from cognite.client.data_classes.data_modeling.ids import DataModelingIdentifierSequence, NodeId
        >>> seq = DataModelingIdentifierSequence.load(NodeId("s", "n1"), id_type="node")
        >>> seq.is_singleton(), seq.as_dicts()
        (True, [{'space': 's', 'externalId': 'n1', 'instanceType': 'node'}])
    """

    def __init__(self, identifiers: Sequence[DataModelingIdentifier], is_singleton: bool) -> None:
        self._identifiers = list(identifiers)
        self._is_singleton = is_singleton
        if is_singleton and len(self._identifiers) != 1:
            raise ValueError(
                f"A singleton identifier sequence must hold exactly one identifier, not {len(identifiers)}"
            )

    @classmethod
    def load(cls, ids: Any, id_type: _IdType) -> DataModelingIdentifierSequence:
        """Load identifiers of one kind from ids, tuples, dicts (or space names for spaces).

        Args:
            ids: One identifier or a sequence of them.
            id_type: The kind: ``"space"``, ``"container"``, ``"view"``, ``"data_model"``, ``"node"`` or ``"edge"``.

        Returns:
            The sequence.
        """
        singleton = _is_single_identifier(ids, id_type)
        items = [ids] if singleton else list(ids)
        return cls([_to_identifier(item, id_type) for item in items], is_singleton=singleton)

    def is_singleton(self) -> bool:
        """True when a single identifier (not a list) was given."""
        return self._is_singleton

    def as_dicts(self, include_instance_type: bool = True) -> list[dict[str, str]]:
        """Return the wire form of every identifier."""
        return [i.as_dict(include_instance_type) for i in self._identifiers]

    def as_primitives(self) -> list[str | tuple[str, ...]]:
        """Return every identifier as a space name or a tuple."""
        return [i.as_primitive() for i in self._identifiers]

    def chunked(self, chunk_size: int) -> Iterator[DataModelingIdentifierSequence]:
        """Split into sequences of at most ``chunk_size`` identifiers."""
        if chunk_size < 1:
            raise ValueError(f"chunk_size must be positive, not {chunk_size}")
        for i in range(0, len(self._identifiers), chunk_size):
            yield DataModelingIdentifierSequence(self._identifiers[i : i + chunk_size], is_singleton=False)

    def __len__(self) -> int:
        return len(self._identifiers)

    def __iter__(self) -> Iterator[DataModelingIdentifier]:
        return iter(self._identifiers)

    def __getitem__(self, index: int) -> DataModelingIdentifier:
        return self._identifiers[index]

    def __repr__(self) -> str:
        return f"DataModelingIdentifierSequence({self._identifiers!r}, is_singleton={self._is_singleton})"


def _is_single_identifier(ids: Any, id_type: _IdType) -> bool:
    if isinstance(ids, str | Mapping | AbstractDataclass | InstanceId | DirectRelationReference):
        return True
    if isinstance(ids, tuple) and ids and all(isinstance(x, str) for x in ids):
        return id_type != "space"
    if isinstance(ids, Sequence):
        return False
    raise TypeError(f"Invalid identifier(s) of type {type(ids).__name__} for {id_type}")


def _to_identifier(item: Any, id_type: _IdType) -> DataModelingIdentifier:
    if id_type == "space":
        if isinstance(item, str):
            return DataModelingIdentifier(item)
        if isinstance(item, Mapping):
            return DataModelingIdentifier(item["space"])
        space = getattr(item, "space", None)
        if isinstance(space, str):
            return DataModelingIdentifier(space)
        raise TypeError(f"A space identifier must be a str, not {type(item).__name__}")
    if id_type in ("node", "edge"):
        inst = (NodeId if id_type == "node" else EdgeId).load(item)
        return DataModelingIdentifier(inst.space, inst.external_id, instance_type=id_type)
    kinds: dict[str, type[DataModelingId]] = {"container": ContainerId, "view": ViewId, "data_model": DataModelId}
    cls = kinds[id_type]
    ident = cls.load(item)
    return DataModelingIdentifier(ident.space, ident.external_id, getattr(ident, "version", None))
