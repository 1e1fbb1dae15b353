"""Data-modeling instances: nodes and edges, their write forms, apply/delete results, sorts and typed classes.

Instances are plain Python classes (not msgspec structs): users subclass :class:`TypedNode` and :class:`TypedEdge`
with their own ``__init__``, and a node's properties are a mapping keyed by the view or container that holds them
(``node.properties[ViewId("s", "Pump", "v1")]["name"]``). On the wire the properties are nested as
``{space: {"externalId/version": {property: value}}}``; :class:`Properties` converts between the two.

Example:
    >>> from cognite.client.data_classes.data_modeling import NodeApply, NodeOrEdgeData, ViewId
    >>> pump = NodeApply("s", "pump1", sources=[NodeOrEdgeData(ViewId("s", "Pump", "v1"), {"name": "P1"})])
    >>> pump.dump()["sources"][0]["properties"]
    {'name': 'P1'}
"""

from __future__ import annotations

import copy
import inspect
import json
import typing
from abc import ABC
from collections.abc import ItemsView, Iterable, Iterator, KeysView, Mapping, MutableMapping, Sequence, ValuesView
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, ClassVar, Generic, Literal, TypeVar, cast

from typing_extensions import Self

from cognite.client.data_classes._base import (
    CogniteResource,
    CogniteResourceList,
    SequenceNotStr,
    WriteableCogniteResourceList,
    _import_pandas,
    lazy_names,
)
from cognite.client.data_classes.aggregations import AggregatedNumberedValue, AggregatedValue
from cognite.client.data_classes.data_modeling.ids import (
    ContainerId,
    DirectRelationReference,
    EdgeId,
    InstanceId,
    NodeId,
    ViewId,
)

if TYPE_CHECKING:
    import pandas

__all__ = [
    "AggregatedNumberedValue",
    "CogniteResource",
    "CogniteResourceList",
    "ContainerId",
    "DataModelingInstancesList",
    "DataModelingResource",
    "DataModelingSort",
    "DirectRelationReference",
    "Edge",
    "EdgeApply",
    "EdgeApplyList",
    "EdgeApplyResult",
    "EdgeApplyResultList",
    "EdgeId",
    "EdgeList",
    "EdgeListWithCursor",
    "InspectOperation",
    "InspectionResults",
    "Instance",
    "InstanceAggregationResult",
    "InstanceAggregationResultList",
    "InstanceApply",
    "InstanceApplyResult",
    "InstanceCore",
    "InstanceId",
    "InstanceInspectResult",
    "InstanceInspectResultList",
    "InstanceInspectResults",
    "InstanceSort",
    "InstancesApply",
    "InstancesApplyResult",
    "InstancesDeleteResult",
    "InstancesResult",
    "InvolvedContainers",
    "InvolvedViews",
    "Node",
    "NodeApply",
    "NodeApplyList",
    "NodeApplyResult",
    "NodeApplyResultList",
    "NodeId",
    "NodeList",
    "NodeListWithCursor",
    "NodeOrEdgeData",
    "Omitted",
    "Properties",
    "PropertyOptions",
    "PropertyType",  # noqa: F822 (resolved lazily by __getattr__)
    "SequenceNotStr",
    "TargetUnit",
    "TypeInformation",
    "TypePropertyDefinition",
    "TypedEdge",
    "TypedEdgeApply",
    "TypedInstance",
    "TypedNode",
    "TypedNodeApply",
    "UnitReference",
    "UnitSystemReference",
    "ViewId",
    "WritableDataModelingResource",
    "WritableInstanceCore",
    "WriteableCogniteResourceList",
]

PropertyValue = Any
Source = ViewId | ContainerId
# PropertyType lives with the schema classes (data_types); re-exported here on first use, not imported eagerly.
__getattr__ = lazy_names(__name__, {"PropertyType": "cognite.client.data_classes.data_modeling.data_types"})
T_Instance = TypeVar("T_Instance", bound="InstanceCore")
T_Node = TypeVar("T_Node", bound="Node")
T_Edge = TypeVar("T_Edge", bound="Edge")


# --------------------------------------------------------------------------------------------- helpers


def _get(data: Mapping[str, Any], camel: str, snake: str | None = None, default: Any = None) -> Any:
    if camel in data:
        return data[camel]
    if snake is not None and snake in data:
        return data[snake]
    return default


def _snake(name: str) -> str:
    return "".join("_" + c.lower() if c.isupper() else c for c in name)


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(p[:1].upper() + p[1:] for p in rest)


_PLAIN = frozenset({str, int, float, bool, type(None)})


def _jsonable(value: Any) -> Any:
    """A property value in its JSON form (ids and references as objects, datetimes as ISO 8601).

    Values that are JSON already (the common case: plain values, and lists and dicts of them) are returned as they
    are, without a copy: this runs for every property of every instance written.
    """
    kind = type(value)
    if kind in _PLAIN:
        return value
    if kind is dict:
        new_dict: dict[Any, Any] | None = None
        for key, item in value.items():
            if type(item) not in _PLAIN and (converted := _jsonable(item)) is not item:
                if new_dict is None:
                    new_dict = dict(value)
                new_dict[key] = converted
        return value if new_dict is None else new_dict
    if kind is list:
        new_list: list[Any] | None = None
        for i, item in enumerate(value):
            if type(item) not in _PLAIN and (converted := _jsonable(item)) is not item:
                if new_list is None:
                    new_list = list(value)
                new_list[i] = converted
        return value if new_list is None else new_list
    if isinstance(value, InstanceId | DirectRelationReference):
        return {"space": value.space, "externalId": value.external_id}
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError(f"Timestamp property values must be timezone-aware datetimes, got {value!r}")
        return value.isoformat(timespec="milliseconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    dump = getattr(value, "dump", None)
    if dump is not None and not isinstance(value, type):
        return dump(camel_case=True)
    return value


def _dump_case(data: dict[str, Any], camel_case: bool) -> dict[str, Any]:
    return data if camel_case else {_snake(k): v for k, v in data.items()}


def _load_mapping(data: dict[str, Any] | str) -> dict[str, Any]:
    if isinstance(data, str | bytes):
        loaded = json.loads(data)
        if not isinstance(loaded, dict):
            raise TypeError("Expected a JSON object")
        return loaded
    if not isinstance(data, Mapping):
        raise TypeError(f"Expected a dict or a JSON string, not {type(data).__name__}")
    return copy.deepcopy(dict(data))  # the loaded object must not share (mutable) property values with the input


def _source_data(data: Any) -> NodeOrEdgeData:
    """A NodeOrEdgeData (or a subclass) as given, or one loaded from its wire form."""
    return data if isinstance(data, NodeOrEdgeData) else NodeOrEdgeData.load(data)


def _source_key(source: Any) -> ViewId | ContainerId:
    """A property source (ViewId, ContainerId, View-like object, or a wire dict) as a ViewId or ContainerId."""
    if type(source) is ViewId or type(source) is ContainerId:  # the common case, without isinstance over a union
        return source
    if isinstance(source, ViewId | ContainerId):
        return source
    if isinstance(source, Mapping):
        if source.get("type") == "container":
            return ContainerId.load(source)
        return ViewId.load(source)
    if isinstance(source, tuple) and 2 <= len(source) <= 3 and all(isinstance(s, str) for s in source):
        return ViewId.load(source)
    as_id = getattr(source, "as_id", None)
    if as_id is not None:
        got = as_id()
        if isinstance(got, ViewId | ContainerId):
            return got
    raise TypeError(f"A property source must be a ViewId or a ContainerId, not {source!r}")


def _direct_relation(value: Any, name: str) -> DirectRelationReference | None:
    if value is None:
        return None
    try:
        return DirectRelationReference.load(value)
    except (TypeError, KeyError):
        raise TypeError(f"{name} must be a DirectRelationReference, a NodeId or a (space, external_id) tuple") from None


class _Base:
    """Dump/load, equality, repr, YAML and pandas for the plain classes of this module."""

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump to a dictionary (camelCase keys on the wire)."""
        raise NotImplementedError

    @classmethod
    def _load(cls, data: dict[str, Any]) -> Self:
        raise NotImplementedError

    @classmethod
    def load(cls, data: dict[str, Any] | str, cognite_client: Any = None) -> Self:
        """Load from a dictionary (camelCase or snake_case keys) or a JSON string.

        Args:
            data: The dictionary or JSON string.
            cognite_client: Not used (accepted for uniformity).

        Returns:
            The object.
        """
        return cls._load(_load_mapping(data))

    @classmethod
    def load_if(cls, data: dict[str, Any] | str | None) -> Self | None:
        """Load the object, or return None for None."""
        return None if data is None else cls.load(data)

    def dump_yaml(self) -> str:
        """Dump as YAML (a JSON document is valid YAML)."""
        return json.dumps(self.dump(camel_case=True), indent=2, default=str)

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and self.dump() == other.dump()  # type: ignore[attr-defined]

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in vars(self).items() if not k.startswith("_") and v is not None)
        return f"{type(self).__name__}({args})"

    def to_pandas(self, camel_case: bool = False) -> pandas.DataFrame:
        """Convert to a one-column pandas DataFrame, one row per field.

        Args:
            camel_case: Use camelCase row names.

        Returns:
            The DataFrame.
        """
        pd = _import_pandas()
        dumped = self.dump(camel_case=camel_case)
        return pd.DataFrame.from_dict({k: [v] for k, v in dumped.items()}, orient="index", columns=["value"])

    def _repr_html_(self) -> str:
        return str(self.to_pandas()._repr_html_())


class Omitted:
    """Marks a property left out of a write (as opposed to one set to None, which clears it)."""

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "<Omitted>"


# --------------------------------------------------------------------------------------------- properties


_SOURCES: dict[tuple[str, str], ViewId | ContainerId] = {}
_SOURCE_DUMPS: dict[ViewId | ContainerId, dict[str, Any]] = {}


def _source_dump(source: ViewId | ContainerId) -> dict[str, Any]:
    """The wire reference of a source (``{"space", "externalId"[, "version"], "type"}``), made once per source."""
    dumped = _SOURCE_DUMPS.get(source)
    if dumped is None:
        dumped = source.dump(camel_case=True, include_type=True)
        if len(_SOURCE_DUMPS) < 10_000:
            _SOURCE_DUMPS[source] = dumped
    return dict(dumped)


def _wire_source(space: str, key: str) -> ViewId | ContainerId:
    """The source of a wire properties key (``"externalId/version"``: a view; ``"externalId"``: a container), made
    once per distinct key (a list of many instances has few sources)."""
    source = _SOURCES.get((space, key))
    if source is None:
        if "/" in key:
            xid, version = key.split("/", 1)
            source = ViewId(space, xid, version)
        else:
            source = ContainerId(space, key)
        if len(_SOURCES) < 10_000:
            _SOURCES[(space, key)] = source
    return source


class Properties(MutableMapping[ViewId | ContainerId, MutableMapping[str, PropertyValue]]):
    """The properties of an instance, keyed by the view or container that holds them.

    Args:
        properties: Source (ViewId or ContainerId) -> property identifier -> value.

    Example:
        >>> from cognite.client.data_classes.data_modeling.instances import Properties
        >>> from cognite.client.data_classes.data_modeling import ViewId
        >>> props = Properties.load({"s": {"Pump/v1": {"name": "P1"}}})
        >>> props[ViewId("s", "Pump", "v1")]["name"]
        'P1'
        >>> props.dump()
        {'s': {'Pump/v1': {'name': 'P1'}}}
    """

    def __init__(self, properties: MutableMapping[ViewId | ContainerId, MutableMapping[str, PropertyValue]]) -> None:
        self.data: dict[ViewId | ContainerId, MutableMapping[str, PropertyValue]] = {
            _source_key(k): v for k, v in properties.items()
        }

    @classmethod
    def load(cls, data: Mapping[str, Mapping[str, Mapping[str, Any]]] | Properties | None) -> Properties:
        """Load from the wire form ``{space: {"externalId/version" | "externalId": {property: value}}}``.

        Args:
            data: The wire form (a key with a ``/`` is a view, one without a container).

        Returns:
            The properties.
        """
        if isinstance(data, Properties):
            return data
        out: dict[ViewId | ContainerId, MutableMapping[str, Any]] = {}
        for space, sources in (data or {}).items():
            for key, values in sources.items():
                out[_wire_source(space, key)] = dict(values)
        props = cls.__new__(cls)
        props.data = out
        return props

    @classmethod
    def load_if(cls, data: Mapping[str, Any] | None) -> Properties | None:
        """Load the properties, or return None for None."""
        return None if data is None else cls.load(data)

    def dump(self) -> dict[str, dict[str, dict[str, Any]]]:
        """Dump to the wire form ``{space: {"externalId/version": {property: value}}}``."""
        out: dict[str, dict[str, dict[str, Any]]] = {}
        for source, values in self.data.items():
            out.setdefault(source.space, {})[source.as_source_identifier()] = {
                k: _jsonable(v) for k, v in values.items()
            }
        return out

    def _key(self, key: Any) -> ViewId | ContainerId:
        if isinstance(key, ViewId | ContainerId):
            return key
        return _source_key(key)

    def __getitem__(
        self, key: ViewId | ContainerId | tuple[str, str] | tuple[str, str, str]
    ) -> MutableMapping[str, Any]:
        return self.data[self._key(key)]

    def __setitem__(self, key: ViewId | ContainerId, value: MutableMapping[str, PropertyValue]) -> None:
        self.data[self._key(key)] = value

    def __delitem__(self, key: ViewId | ContainerId) -> None:
        del self.data[self._key(key)]

    def __contains__(self, key: object) -> bool:
        try:
            return self._key(key) in self.data
        except TypeError:
            return False

    def __iter__(self) -> Iterator[ViewId | ContainerId]:
        return iter(self.data)

    def __len__(self) -> int:
        return len(self.data)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Properties) and self.dump() == other.dump()

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Properties({self.data!r})"

    def keys(self) -> KeysView[ViewId | ContainerId]:
        """The sources."""
        return self.data.keys()

    def values(self) -> ValuesView[MutableMapping[str, PropertyValue]]:
        """The property dicts, one per source."""
        return self.data.values()

    def items(self) -> ItemsView[ViewId | ContainerId, MutableMapping[str, PropertyValue]]:
        """(source, property dict) pairs."""
        return self.data.items()

    def get(self, key: Any, default: Any = None) -> Any:  # type: ignore[override]
        """The properties of one source, or ``default``.

        Args:
            key: The source.
            default: What to return when the source has no properties here.

        Returns:
            The property dict or the default.
        """
        try:
            return self[key]
        except KeyError:
            return default


class NodeOrEdgeData(_Base):
    """The properties of an instance to write, from one source (a view or a container).

    Args:
        source: The view or container the properties belong to.
        properties: Property identifier -> value (None clears a property).

    Example:
        >>> from cognite.client.data_classes.data_modeling import NodeOrEdgeData, ContainerId
        >>> NodeOrEdgeData(ContainerId("s", "Pump"), {"flow": 3.5}).dump()
        {'source': {'space': 's', 'externalId': 'Pump', 'type': 'container'}, 'properties': {'flow': 3.5}}
    """

    def __init__(self, source: ContainerId | ViewId, properties: Mapping[str, PropertyValue]) -> None:
        self.source = _source_key(source)
        if type(properties) is not dict and not isinstance(properties, Mapping):
            raise TypeError(f"properties must be a dict, not {type(properties).__name__}")
        self.properties = dict(properties)

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump to ``{"source": {...}, "properties": {...}}``."""
        return {
            "source": _source_dump(self.source),
            "properties": _jsonable(self.properties),
        }

    @classmethod
    def _load(cls, data: dict[str, Any]) -> Self:
        return cls(_source_key(data["source"]), data.get("properties") or {})


# --------------------------------------------------------------------------------------------- bases


class DataModelingResource(_Base, ABC):
    """Base of data-modeling read resources (they live in a space).

    Args:
        space: The space.
    """

    _NEEDS_CLIENT: ClassVar[bool] = False

    def __init__(self, space: str) -> None:
        if not isinstance(space, str):
            raise TypeError(f"space must be a str, not {type(space).__name__}")
        self.space = space


class WritableDataModelingResource(_Base, ABC):
    """Base of data-modeling write resources (they live in a space).

    Args:
        space: The space.
    """

    _NEEDS_CLIENT: ClassVar[bool] = False

    def __init__(self, space: str) -> None:
        if not isinstance(space, str):
            raise TypeError(f"space must be a str, not {type(space).__name__}")
        self.space = space


class InstanceCore(DataModelingResource, ABC):
    """Base of read instances: a space, an external id and an instance type.

    Args:
        space: The space.
        external_id: The external id.
        instance_type: ``"node"`` or ``"edge"``.
    """

    def __init__(self, space: str, external_id: str, instance_type: Literal["node", "edge"]) -> None:
        super().__init__(space)
        if not isinstance(external_id, str):
            raise TypeError(f"external_id must be a str, not {type(external_id).__name__}")
        if instance_type not in ("node", "edge"):
            raise ValueError(f"instance_type must be 'node' or 'edge', not {instance_type!r}")
        self.external_id = external_id
        self.instance_type: Literal["node", "edge"] = instance_type


class WritableInstanceCore(WritableDataModelingResource, ABC):
    """Base of write instances: a space, an external id and an instance type.

    Args:
        space: The space.
        external_id: The external id.
        instance_type: ``"node"`` or ``"edge"``.
    """

    def __init__(self, space: str, external_id: str, instance_type: Literal["node", "edge"]) -> None:
        super().__init__(space)
        if not isinstance(external_id, str):
            raise TypeError(f"external_id must be a str, not {type(external_id).__name__}")
        if instance_type not in ("node", "edge"):
            raise ValueError(f"instance_type must be 'node' or 'edge', not {instance_type!r}")
        self.external_id = external_id
        self.instance_type: Literal["node", "edge"] = instance_type


class InstanceApply(WritableInstanceCore, ABC):
    """Base of the write forms of nodes and edges.

    Args:
        space: The space.
        external_id: The external id.
        instance_type: ``"node"`` or ``"edge"``.
        existing_version: Fail (409) unless the stored instance has this version (None: overwrite any version).
        sources: The properties to write, per view or container.
    """

    def __init__(
        self,
        space: str,
        external_id: str,
        instance_type: Literal["node", "edge"] = "node",
        existing_version: int | None = None,
        sources: list[NodeOrEdgeData] | None = None,
    ) -> None:
        super().__init__(space, external_id, instance_type)
        if existing_version is not None and (
            isinstance(existing_version, bool) or not isinstance(existing_version, int)
        ):
            raise TypeError(f"existing_version must be an int, not {type(existing_version).__name__}")
        self.existing_version = existing_version
        if sources is not None:
            if type(sources) is not list and (isinstance(sources, NodeOrEdgeData) or not isinstance(sources, Sequence)):
                raise TypeError("sources must be a list of NodeOrEdgeData")
            sources = [s if type(s) is NodeOrEdgeData else _source_data(s) for s in sources]
        self.sources = sources

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump to the wire form of a write (``instanceType``, ``space``, ``externalId``, ``sources``...)."""
        out: dict[str, Any] = {"instanceType": self.instance_type, "space": self.space, "externalId": self.external_id}
        if self.existing_version is not None:
            out["existingVersion"] = self.existing_version
        out.update(self._dump_extra())
        if self.sources:
            out["sources"] = [s.dump() for s in self.sources]
        return _dump_case(out, camel_case)

    def _dump_extra(self) -> dict[str, Any]:
        return {}


class Instance(InstanceCore, ABC):
    """Base of nodes and edges as read from CDF.

    Args:
        space: The space.
        external_id: The external id.
        version: The version (increases on every change).
        last_updated_time: Last update, ms since epoch.
        created_time: Creation, ms since epoch.
        instance_type: ``"node"`` or ``"edge"``.
        deleted_time: Soft-deletion time, ms since epoch (sync results only).
        properties: The properties, per view or container.
    """

    def __init__(
        self,
        space: str,
        external_id: str,
        version: int,
        last_updated_time: int,
        created_time: int,
        instance_type: Literal["node", "edge"] = "node",
        deleted_time: int | None = None,
        properties: Properties | Mapping[Any, Any] | None = None,
    ) -> None:
        super().__init__(space, external_id, instance_type)
        self.version = version
        self.last_updated_time = last_updated_time
        self.created_time = created_time
        self.deleted_time = deleted_time
        if properties is None:
            self.properties = Properties({})
        elif isinstance(properties, Properties):
            self.properties = properties
        elif properties and all(isinstance(k, str) for k in properties):
            self.properties = Properties.load(cast("Mapping[str, Any]", properties))
        else:
            self.properties = Properties(cast("MutableMapping[Any, Any]", properties))

    def _only_source(self) -> MutableMapping[str, Any]:
        if len(self.properties) != 1:
            raise RuntimeError(
                f"The instance has properties from {len(self.properties)} sources; index its properties by source: "
                "instance.properties[view_id][property]"
            )
        return next(iter(self.properties.values()))

    def __getitem__(self, attr: str) -> Any:
        return self._only_source()[attr]

    def __setitem__(self, attr: str, value: Any) -> None:
        self._only_source()[attr] = value

    def __delitem__(self, attr: str) -> None:
        del self._only_source()[attr]

    def __contains__(self, attr: str) -> bool:
        return attr in self._only_source()

    def get(self, attr: str, default: Any = None) -> Any:
        """A property value when the instance has properties from exactly one source, else ``default`` if absent.

        Args:
            attr: The property identifier.
            default: What to return when the property is absent.

        Returns:
            The value or the default.
        """
        return self._only_source().get(attr, default)

    def drop_source(self, source: ViewId | ContainerId | tuple[str, str] | tuple[str, str, str]) -> None:
        """Remove the properties of one source from this object (nothing is sent to CDF).

        Args:
            source: The view or container.
        """
        self.properties.pop(_source_key(source), None)

    def _dump_base(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "instanceType": self.instance_type,
            "space": self.space,
            "externalId": self.external_id,
            "version": self.version,
            "createdTime": self.created_time,
            "lastUpdatedTime": self.last_updated_time,
        }
        if self.deleted_time is not None:
            out["deletedTime"] = self.deleted_time
        return out

    def _dump_properties(self) -> dict[str, Any]:
        return {"properties": self.properties.dump()} if self.properties else {}

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump to the wire form (properties nested by space and source)."""
        out = self._dump_base()
        out.update(self._dump_extra())
        out.update(self._dump_properties())
        return _dump_case(out, camel_case)

    def _dump_extra(self) -> dict[str, Any]:
        return {}

    def _sources_data(self) -> list[NodeOrEdgeData]:
        return [NodeOrEdgeData(source, dict(values)) for source, values in self.properties.items()]

    def to_pandas(  # type: ignore[override]
        self, ignore: list[str] | None = None, camel_case: bool = False, expand_properties: bool = True
    ) -> pandas.DataFrame:
        """Convert to a one-column DataFrame; properties get a row each (``view_xid/version.prop`` names).

        Args:
            ignore: Fields to leave out.
            camel_case: Use camelCase row names.
            expand_properties: One row per property (else one row holding them all).

        Returns:
            The DataFrame.
        """
        pd = _import_pandas()
        dumped = self.dump(camel_case=camel_case)
        props = dumped.pop("properties", {})
        if expand_properties:
            for values_by_source in props.values():
                for source_key, values in values_by_source.items():
                    for k, v in values.items():
                        dumped[f"{source_key}.{k}"] = v
        elif props:
            dumped["properties"] = props
        for key in ignore or []:
            dumped.pop(key, None)
        return pd.DataFrame.from_dict({k: [v] for k, v in dumped.items()}, orient="index", columns=["value"])


# --------------------------------------------------------------------------------------------- nodes and edges


class NodeApply(InstanceApply):
    """A node to write (create or update).

    Args:
        space: The space of the node.
        external_id: The external id of the node.
        existing_version: Fail unless the stored node has this version (None: overwrite).
        sources: The properties to write, per view or container.
        type: The node's type: a direct relation to another node.

    Example:
        >>> from cognite.client.data_classes.data_modeling import NodeApply
        >>> NodeApply("s", "pump1", type=("s", "Pump")).dump()
        {'instanceType': 'node', 'space': 's', 'externalId': 'pump1', 'type': {'space': 's', 'externalId': 'Pump'}}
    """

    def __init__(
        self,
        space: str,
        external_id: str,
        existing_version: int | None = None,
        sources: list[NodeOrEdgeData] | None = None,
        type: DirectRelationReference | tuple[str, str] | None = None,
    ) -> None:
        super().__init__(space, external_id, "node", existing_version, sources)
        self.type = _direct_relation(type, "type")

    def _dump_extra(self) -> dict[str, Any]:
        return {"type": self.type.dump()} if self.type is not None else {}

    def as_id(self) -> NodeId:
        """The id of the node."""
        return NodeId(self.space, self.external_id)

    def as_write(self) -> NodeApply:
        """Return this node (already a write object)."""
        return self

    @classmethod
    def _load(cls, data: dict[str, Any]) -> Self:
        sources = _get(data, "sources")
        return cls(
            space=data["space"],
            external_id=_get(data, "externalId", "external_id"),
            existing_version=_get(data, "existingVersion", "existing_version"),
            sources=[NodeOrEdgeData.load(s) for s in sources] if sources is not None else None,
            type=_get(data, "type"),
        )


class EdgeApply(InstanceApply):
    """An edge to write (create or update).

    Args:
        space: The space of the edge.
        external_id: The external id of the edge.
        type: The edge's type: a direct relation to a node.
        start_node: The node the edge starts at.
        end_node: The node the edge ends at.
        existing_version: Fail unless the stored edge has this version (None: overwrite).
        sources: The properties to write, per view or container.

    Example:
        >>> from cognite.client.data_classes.data_modeling import EdgeApply
        >>> EdgeApply("s", "e1", ("s", "flows"), ("s", "a"), ("s", "b")).dump()["startNode"]
        {'space': 's', 'externalId': 'a'}
    """

    def __init__(
        self,
        space: str,
        external_id: str,
        type: DirectRelationReference | tuple[str, str],
        start_node: DirectRelationReference | tuple[str, str],
        end_node: DirectRelationReference | tuple[str, str],
        existing_version: int | None = None,
        sources: list[NodeOrEdgeData] | None = None,
    ) -> None:
        super().__init__(space, external_id, "edge", existing_version, sources)
        self.type = cast(DirectRelationReference, _direct_relation(type, "type"))
        self.start_node = cast(DirectRelationReference, _direct_relation(start_node, "start_node"))
        self.end_node = cast(DirectRelationReference, _direct_relation(end_node, "end_node"))
        for name in ("type", "start_node", "end_node"):
            if getattr(self, name) is None:
                raise ValueError(f"EdgeApply.{name} is required")

    def _dump_extra(self) -> dict[str, Any]:
        return {"type": self.type.dump(), "startNode": self.start_node.dump(), "endNode": self.end_node.dump()}

    def as_id(self) -> EdgeId:
        """The id of the edge."""
        return EdgeId(self.space, self.external_id)

    def as_write(self) -> EdgeApply:
        """Return this edge (already a write object)."""
        return self

    @classmethod
    def _load(cls, data: dict[str, Any]) -> Self:
        sources = _get(data, "sources")
        return cls(
            space=data["space"],
            external_id=_get(data, "externalId", "external_id"),
            type=data["type"],
            start_node=_get(data, "startNode", "start_node"),
            end_node=_get(data, "endNode", "end_node"),
            existing_version=_get(data, "existingVersion", "existing_version"),
            sources=[NodeOrEdgeData.load(s) for s in sources] if sources is not None else None,
        )


class Node(Instance):
    """A node as read from CDF.

    Args:
        space: The space of the node.
        external_id: The external id of the node.
        version: The version (increases on every change).
        last_updated_time: Last update, ms since epoch.
        created_time: Creation, ms since epoch.
        deleted_time: Soft-deletion time (sync results only).
        properties: The properties, per view or container.
        type: The node's type (a direct relation).

    Example:
        >>> from cognite.client.data_classes.data_modeling import Node, ViewId
        >>> node = Node.load({"instanceType": "node", "space": "s", "externalId": "p1", "version": 1,
        ...     "createdTime": 0, "lastUpdatedTime": 0, "properties": {"s": {"Pump/v1": {"name": "P1"}}}})
        >>> node["name"], node.properties[ViewId("s", "Pump", "v1")]["name"], node.as_id()
        ('P1', 'P1', NodeId(space='s', external_id='p1'))
    """

    def __init__(
        self,
        space: str,
        external_id: str,
        version: int,
        last_updated_time: int,
        created_time: int,
        deleted_time: int | None,
        properties: Properties | Mapping[Any, Any] | None,
        type: DirectRelationReference | tuple[str, str] | None,
    ) -> None:
        super().__init__(space, external_id, version, last_updated_time, created_time, "node", deleted_time, properties)
        self.type = _direct_relation(type, "type")

    def _dump_extra(self) -> dict[str, Any]:
        return {"type": self.type.dump()} if self.type is not None else {}

    def as_id(self) -> NodeId:
        """The id of the node."""
        return NodeId(self.space, self.external_id)

    def as_write(self) -> NodeApply:
        """The write form: the same properties, ``existing_version`` set to this version."""
        return NodeApply(self.space, self.external_id, self.version, self._sources_data() or None, self.type)

    def as_apply(self) -> NodeApply:
        """Same as :meth:`as_write`."""
        return self.as_write()

    @classmethod
    def _load(cls, data: dict[str, Any]) -> Self:
        if cls is Node and "externalId" in data:  # the wire form: built without re-validating what CDF answered
            node = cls.__new__(cls)
            _fill_from_wire(node, data, "node")
            type_ = data.get("type")
            node.type = None if type_ is None else DirectRelationReference(type_["space"], type_["externalId"])
            return node
        return cls(
            space=data["space"],
            external_id=_get(data, "externalId", "external_id"),
            version=data["version"],
            last_updated_time=_get(data, "lastUpdatedTime", "last_updated_time"),
            created_time=_get(data, "createdTime", "created_time"),
            deleted_time=_get(data, "deletedTime", "deleted_time"),
            properties=Properties.load(data.get("properties")),
            type=data.get("type"),
        )


class Edge(Instance):
    """An edge as read from CDF.

    Args:
        space: The space of the edge.
        external_id: The external id of the edge.
        version: The version (increases on every change).
        type: The edge's type (a direct relation).
        last_updated_time: Last update, ms since epoch.
        created_time: Creation, ms since epoch.
        start_node: The node the edge starts at.
        end_node: The node the edge ends at.
        deleted_time: Soft-deletion time (sync results only).
        properties: The properties, per view or container.

    Example:
        >>> from cognite.client.data_classes.data_modeling import Edge
        >>> edge = Edge.load({"instanceType": "edge", "space": "s", "externalId": "e", "version": 1, "createdTime": 0,
        ...     "lastUpdatedTime": 0, "type": {"space": "s", "externalId": "t"}, "startNode": {"space": "s",
        ...     "externalId": "a"}, "endNode": {"space": "s", "externalId": "b"}})
        >>> edge.start_node.external_id, edge.as_id()
        ('a', EdgeId(space='s', external_id='e'))
    """

    def __init__(
        self,
        space: str,
        external_id: str,
        version: int,
        type: DirectRelationReference | tuple[str, str],
        last_updated_time: int,
        created_time: int,
        start_node: DirectRelationReference | tuple[str, str],
        end_node: DirectRelationReference | tuple[str, str],
        deleted_time: int | None,
        properties: Properties | Mapping[Any, Any] | None,
    ) -> None:
        super().__init__(space, external_id, version, last_updated_time, created_time, "edge", deleted_time, properties)
        self.type = cast(DirectRelationReference, _direct_relation(type, "type"))
        self.start_node = cast(DirectRelationReference, _direct_relation(start_node, "start_node"))
        self.end_node = cast(DirectRelationReference, _direct_relation(end_node, "end_node"))

    def _dump_extra(self) -> dict[str, Any]:
        return {"type": self.type.dump(), "startNode": self.start_node.dump(), "endNode": self.end_node.dump()}

    def as_id(self) -> EdgeId:
        """The id of the edge."""
        return EdgeId(self.space, self.external_id)

    def as_write(self) -> EdgeApply:
        """The write form: the same properties, ``existing_version`` set to this version."""
        return EdgeApply(
            self.space, self.external_id, self.type, self.start_node, self.end_node, self.version,
            self._sources_data() or None,
        )  # fmt: skip

    def as_apply(self) -> EdgeApply:
        """Same as :meth:`as_write`."""
        return self.as_write()

    @classmethod
    def _load(cls, data: dict[str, Any]) -> Self:
        if cls is Edge and "externalId" in data:  # the wire form: built without re-validating what CDF answered
            edge = cls.__new__(cls)
            _fill_from_wire(edge, data, "edge")
            for attr, key in (("type", "type"), ("start_node", "startNode"), ("end_node", "endNode")):
                ref = data[key]
                setattr(edge, attr, DirectRelationReference(ref["space"], ref["externalId"]))
            return edge
        return cls(
            space=data["space"],
            external_id=_get(data, "externalId", "external_id"),
            version=data["version"],
            type=data["type"],
            last_updated_time=_get(data, "lastUpdatedTime", "last_updated_time"),
            created_time=_get(data, "createdTime", "created_time"),
            start_node=_get(data, "startNode", "start_node"),
            end_node=_get(data, "endNode", "end_node"),
            deleted_time=_get(data, "deletedTime", "deleted_time"),
            properties=Properties.load(data.get("properties")),
        )


def _fill_from_wire(inst: Instance, data: dict[str, Any], kind: Literal["node", "edge"]) -> None:
    inst.space = data["space"]
    inst.external_id = data["externalId"]
    inst.instance_type = kind
    inst.version = data["version"]
    inst.last_updated_time = data["lastUpdatedTime"]
    inst.created_time = data["createdTime"]
    inst.deleted_time = data.get("deletedTime")
    props = Properties.__new__(Properties)  # the values of a decoded response are the instance's own: no copies
    props.data = {
        _wire_source(space, key): values
        for space, sources in (data.get("properties") or {}).items()
        for key, values in sources.items()
    }
    inst.properties = props


def load_instance(data: dict[str, Any]) -> Node | Edge:
    """Load a node or an edge by its ``instanceType``."""
    kind = _get(data, "instanceType", "instance_type", "node")
    return Edge._load(data) if kind == "edge" else Node._load(data)


# --------------------------------------------------------------------------------------------- apply results


class InstanceApplyResult(InstanceCore, ABC):
    """What CDF answers for one applied instance.

    Args:
        instance_type: ``"node"`` or ``"edge"``.
        space: The space.
        external_id: The external id.
        version: The version after the write.
        was_modified: Whether the write changed anything.
        last_updated_time: Last update, ms since epoch.
        created_time: Creation, ms since epoch.
    """

    def __init__(
        self,
        instance_type: Literal["node", "edge"],
        space: str,
        external_id: str,
        version: int,
        was_modified: bool,
        last_updated_time: int,
        created_time: int,
    ) -> None:
        super().__init__(space, external_id, instance_type)
        self.version = version
        self.was_modified = was_modified
        self.last_updated_time = last_updated_time
        self.created_time = created_time

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump to the wire form."""
        out = {
            "instanceType": self.instance_type,
            "space": self.space,
            "externalId": self.external_id,
            "version": self.version,
            "wasModified": self.was_modified,
            "lastUpdatedTime": self.last_updated_time,
            "createdTime": self.created_time,
        }
        return _dump_case(out, camel_case)

    @classmethod
    def _load(cls, data: dict[str, Any]) -> Self:
        # CDF's answer needs no checking: set the fields directly (one result per instance written: a hot path)
        out = cls.__new__(cls)
        out.space = data["space"]
        out.external_id = _get(data, "externalId", "external_id")
        out.instance_type = data.get("instanceType") or ("edge" if isinstance(out, EdgeApplyResult) else "node")
        out.version = data["version"]
        out.was_modified = _get(data, "wasModified", "was_modified")
        out.last_updated_time = _get(data, "lastUpdatedTime", "last_updated_time")
        out.created_time = _get(data, "createdTime", "created_time")
        return out


class NodeApplyResult(InstanceApplyResult):
    """What CDF answers for one applied node.

    Args:
        space: The space.
        external_id: The external id.
        version: The version after the write.
        was_modified: Whether the write changed anything.
        last_updated_time: Last update, ms since epoch.
        created_time: Creation, ms since epoch.
    """

    def __init__(
        self, space: str, external_id: str, version: int, was_modified: bool, last_updated_time: int, created_time: int
    ) -> None:
        super().__init__("node", space, external_id, version, was_modified, last_updated_time, created_time)

    def as_id(self) -> NodeId:
        """The id of the node."""
        return NodeId(self.space, self.external_id)


class EdgeApplyResult(InstanceApplyResult):
    """What CDF answers for one applied edge.

    Args:
        space: The space.
        external_id: The external id.
        version: The version after the write.
        was_modified: Whether the write changed anything.
        last_updated_time: Last update, ms since epoch.
        created_time: Creation, ms since epoch.
    """

    def __init__(
        self, space: str, external_id: str, version: int, was_modified: bool, last_updated_time: int, created_time: int
    ) -> None:
        super().__init__("edge", space, external_id, version, was_modified, last_updated_time, created_time)

    def as_id(self) -> EdgeId:
        """The id of the edge."""
        return EdgeId(self.space, self.external_id)


# --------------------------------------------------------------------------------------------- typing information


class TypePropertyDefinition(_Base):
    """The type information of one property (``include_typing=True``).

    Args:
        type: The property type (as CDF describes it, e.g. ``{"type": "text", "list": False}``); loaded as a
            PropertyType when the data types module is available.
        nullable: Whether the property may be null.
        auto_increment: Whether CDF increments it.
        immutable: Whether it can be changed once set.
        default_value: The default value.
        name: Readable name.
        description: Description.
    """

    def __init__(
        self,
        type: Any,
        nullable: bool = True,
        auto_increment: bool = False,
        immutable: bool = False,
        default_value: Any = None,
        name: str | None = None,
        description: str | None = None,
    ) -> None:
        self.type = type
        self.nullable = nullable
        self.auto_increment = auto_increment
        self.immutable = immutable
        self.default_value = default_value
        self.name = name
        self.description = description

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump to the wire form."""
        type_ = self.type.dump(camel_case=camel_case) if hasattr(self.type, "dump") else self.type
        out: dict[str, Any] = {
            "type": type_,
            "nullable": self.nullable,
            "autoIncrement": self.auto_increment,
            "immutable": self.immutable,
        }
        for key, value in (
            ("defaultValue", self.default_value),
            ("name", self.name),
            ("description", self.description),
        ):
            if value is not None:
                out[key] = value
        return _dump_case(out, camel_case)

    @classmethod
    def _load(cls, data: dict[str, Any]) -> Self:
        type_ = data.get("type")
        if isinstance(type_, dict):
            try:
                from cognite.client.data_classes.data_modeling.data_types import PropertyType

                type_ = PropertyType.load(type_)
            except Exception:  # the schema classes are optional here: keep the raw type
                pass
        return cls(
            type=type_,
            nullable=data.get("nullable", True),
            auto_increment=_get(data, "autoIncrement", "auto_increment", False),
            immutable=data.get("immutable", False),
            default_value=_get(data, "defaultValue", "default_value"),
            name=data.get("name"),
            description=data.get("description"),
        )


class TypeInformation(_Base):
    """The type information of the properties in a result (``include_typing=True``): space -> source -> property.

    Args:
        data: ``{space: {"externalId/version": {property: TypePropertyDefinition}}}``.
    """

    def __init__(self, data: dict[str, dict[str, dict[str, TypePropertyDefinition]]] | None = None) -> None:
        self.data = data or {}

    def __getitem__(self, space: str) -> dict[str, dict[str, TypePropertyDefinition]]:
        return self.data[space]

    def __contains__(self, space: str) -> bool:
        return space in self.data

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump to the wire form."""
        return {
            space: {src: {p: d.dump(camel_case) for p, d in props.items()} for src, props in sources.items()}
            for space, sources in self.data.items()
        }

    @classmethod
    def _load(cls, data: dict[str, Any]) -> Self:
        return cls(
            {
                space: {
                    src: {p: TypePropertyDefinition._load(d) for p, d in props.items()}
                    for src, props in sources.items()
                }
                for space, sources in data.items()
            }
        )

    def to_pandas(self, camel_case: bool = False) -> pandas.DataFrame:
        """One row per property: space, source, property and its type information."""
        pd = _import_pandas()
        rows = [
            {"space": space, "source": src, "property": p, **d.dump(camel_case)}
            for space, sources in self.data.items()
            for src, props in sources.items()
            for p, d in props.items()
        ]
        return pd.DataFrame(rows)


# --------------------------------------------------------------------------------------------- lists


class DataModelingInstancesList(WriteableCogniteResourceList[Any, Any], Generic[T_Instance]):
    """Base of lists of instances: look-up by instance id, ids, pandas.

    Args:
        resources: The instances.
    """

    def __init__(self, resources: Iterable[Any] = (), cognite_client: Any = None) -> None:
        super().__init__(resources, cognite_client)

    def get(  # type: ignore[override]
        self, instance_id: InstanceId | tuple[str, str] | None = None, external_id: str | None = None
    ) -> T_Instance | None:
        """Get an instance of the list by instance id (or by external id when unambiguous); None if absent.

        Args:
            instance_id: The instance id (NodeId, EdgeId or ``(space, external_id)``).
            external_id: The external id (the first instance with it).

        Returns:
            The instance, or None.
        """
        if (instance_id is None) == (external_id is None):
            raise ValueError("Exactly one of instance_id and external_id must be given")
        if instance_id is not None:
            space, xid = instance_id.as_tuple() if isinstance(instance_id, InstanceId) else instance_id
            if self._id_index is None:
                self._id_index = {(r.space, r.external_id): r for r in self.data}
            return self._id_index.get((space, xid))
        return next((r for r in self.data if r.external_id == external_id), None)

    def extend(self, other: Iterable[T_Instance]) -> None:
        """Extend the list; instances already in it (same space and external id) are not allowed.

        Args:
            other: The instances to add.
        """
        other = list(other)
        existing = {(r.space, r.external_id) for r in self.data}
        clash = [(r.space, r.external_id) for r in other if (r.space, r.external_id) in existing]
        if clash:
            raise ValueError(f"Unable to extend: the lists share instances {clash[:10]}")
        self.data.extend(other)
        self._invalidate()

    def to_pandas(  # type: ignore[override]
        self, camel_case: bool = False, expand_properties: bool = False, remove_property_prefix: bool = True
    ) -> pandas.DataFrame:
        """Convert to a DataFrame, one row per instance.

        Args:
            camel_case: Use camelCase column names.
            expand_properties: One column per property (named ``prop`` or ``source.prop``).
            remove_property_prefix: With ``expand_properties``, drop the source prefix when it is unambiguous.

        Returns:
            The DataFrame.
        """
        pd = _import_pandas()
        rows = []
        for inst in self.data:
            row = inst.dump(camel_case=camel_case)
            props = row.pop("properties", {})
            if expand_properties:
                flat = {
                    f"{space}.{src}.{k}": v
                    for space, sources in props.items()
                    for src, values in sources.items()
                    for k, v in values.items()
                }
                if remove_property_prefix:
                    short = {k.rsplit(".", 1)[1] for k in flat}
                    if len(short) == len(flat):
                        flat = {k.rsplit(".", 1)[1]: v for k, v in flat.items()}
                row.update(flat)
            elif props:
                row["properties"] = props
            rows.append(row)
        return pd.DataFrame(rows)

    def dump_raw(self, camel_case: bool = True) -> list[dict[str, Any]]:
        """Dump every instance to its wire form."""
        return [r.dump(camel_case) for r in self.data]

    def dump(self, camel_case: bool = True) -> list[dict[str, Any]]:
        """Dump every instance to its wire form."""
        return self.dump_raw(camel_case)

    @classmethod
    def load(cls, resource_list: Iterable[dict[str, Any]] | str, cognite_client: Any = None) -> Any:
        """Load from a list of dictionaries or a JSON string."""
        if isinstance(resource_list, str | bytes):
            resource_list = json.loads(resource_list)
        return cls._from_items([cls._RESOURCE.load(r) for r in resource_list], cognite_client)


class _InstanceIdsMixin:
    data: list[Any]

    def as_ids(self) -> list[Any]:
        """The ids (NodeId or EdgeId) of the instances."""
        return [r.as_id() for r in self.data]


class NodeApplyList(_InstanceIdsMixin, CogniteResourceList[Any]):
    """A list of nodes to write.

    Args:
        resources: The nodes.
    """

    _RESOURCE = NodeApply  # type: ignore[assignment]


class EdgeApplyList(_InstanceIdsMixin, CogniteResourceList[Any]):
    """A list of edges to write.

    Args:
        resources: The edges.
    """

    _RESOURCE = EdgeApply  # type: ignore[assignment]


class NodeApplyResultList(_InstanceIdsMixin, CogniteResourceList[Any]):
    """The results of applied nodes.

    Args:
        resources: The results.
    """

    _RESOURCE = NodeApplyResult  # type: ignore[assignment]


class EdgeApplyResultList(_InstanceIdsMixin, CogniteResourceList[Any]):
    """The results of applied edges.

    Args:
        resources: The results.
    """

    _RESOURCE = EdgeApplyResult  # type: ignore[assignment]


class NodeList(_InstanceIdsMixin, DataModelingInstancesList[T_Node], Generic[T_Node]):
    """A list of nodes.

    Args:
        resources: The nodes.
        typing: Type information of their properties (``include_typing=True``).
        debug: Debug information (``debug=...``).

    Example:
        >>> from cognite.client.data_classes.data_modeling import NodeList, Node
        >>> nodes = NodeList([Node("s", "a", 1, 0, 0, None, None, None)])
        >>> nodes.as_ids()
        [NodeId(space='s', external_id='a')]
    """

    _RESOURCE = Node  # type: ignore[assignment]
    _WRITE_LIST = NodeApplyList

    def __init__(
        self,
        resources: Iterable[Any] = (),
        typing: TypeInformation | None = None,
        debug: Any = None,
        cognite_client: Any = None,
    ) -> None:
        super().__init__(resources, cognite_client)
        self.typing = typing
        self.debug = debug

    def _attach(self, cognite_client: Any) -> None:
        super()._attach(cognite_client)
        self.__dict__.setdefault("typing", None)
        self.__dict__.setdefault("debug", None)

    def as_write(self) -> NodeApplyList:
        """The write forms of the nodes."""
        return NodeApplyList._from_items([n.as_write() for n in self.data])


class EdgeList(_InstanceIdsMixin, DataModelingInstancesList[T_Edge], Generic[T_Edge]):
    """A list of edges.

    Args:
        resources: The edges.
        typing: Type information of their properties (``include_typing=True``).
        debug: Debug information (``debug=...``).
    """

    _RESOURCE = Edge  # type: ignore[assignment]
    _WRITE_LIST = EdgeApplyList

    def __init__(
        self,
        resources: Iterable[Any] = (),
        typing: TypeInformation | None = None,
        debug: Any = None,
        cognite_client: Any = None,
    ) -> None:
        super().__init__(resources, cognite_client)
        self.typing = typing
        self.debug = debug

    def _attach(self, cognite_client: Any) -> None:
        super()._attach(cognite_client)
        self.__dict__.setdefault("typing", None)
        self.__dict__.setdefault("debug", None)

    def as_write(self) -> EdgeApplyList:
        """The write forms of the edges."""
        return EdgeApplyList._from_items([e.as_write() for e in self.data])


class NodeListWithCursor(NodeList[T_Node]):
    """A list of nodes with the cursor to fetch the next page (query and sync results).

    Args:
        resources: The nodes.
        cursor: The cursor of the next page (None at the end).
        typing: Type information.
        debug: Debug information.
    """

    def __init__(
        self,
        resources: Iterable[Any] = (),
        cursor: str | None = None,
        typing: TypeInformation | None = None,
        debug: Any = None,
        cognite_client: Any = None,
    ) -> None:
        super().__init__(resources, typing, debug, cognite_client)
        self.cursor = cursor

    def extend(self, other: Iterable[T_Node]) -> None:
        """Extend the list; takes the cursor of ``other`` when it has one.

        Args:
            other: The nodes to add.
        """
        cursor = getattr(other, "cursor", None)
        super().extend(other)
        self.cursor = cursor


class EdgeListWithCursor(EdgeList[T_Edge]):
    """A list of edges with the cursor to fetch the next page (query and sync results).

    Args:
        resources: The edges.
        cursor: The cursor of the next page (None at the end).
        typing: Type information.
        debug: Debug information.
    """

    def __init__(
        self,
        resources: Iterable[Any] = (),
        cursor: str | None = None,
        typing: TypeInformation | None = None,
        debug: Any = None,
        cognite_client: Any = None,
    ) -> None:
        super().__init__(resources, typing, debug, cognite_client)
        self.cursor = cursor

    def extend(self, other: Iterable[T_Edge]) -> None:
        """Extend the list; takes the cursor of ``other`` when it has one.

        Args:
            other: The edges to add.
        """
        cursor = getattr(other, "cursor", None)
        super().extend(other)
        self.cursor = cursor


# --------------------------------------------------------------------------------------------- collections


class InstancesApply:
    """Nodes and edges to write together.

    Args:
        nodes: The nodes.
        edges: The edges.
    """

    def __init__(self, nodes: NodeApplyList, edges: EdgeApplyList) -> None:
        self.nodes = nodes
        self.edges = edges

    def __repr__(self) -> str:
        return f"InstancesApply(nodes={self.nodes!r}, edges={self.edges!r})"


class InstancesApplyResult:
    """The results of applying nodes and edges.

    Args:
        nodes: The results of the nodes.
        edges: The results of the edges.
    """

    def __init__(self, nodes: NodeApplyResultList, edges: EdgeApplyResultList) -> None:
        self.nodes = nodes
        self.edges = edges

    def __repr__(self) -> str:
        return f"InstancesApplyResult(nodes={self.nodes!r}, edges={self.edges!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, InstancesApplyResult) and (self.nodes, self.edges) == (other.nodes, other.edges)

    __hash__ = None  # type: ignore[assignment]


class InstancesResult(Generic[T_Node, T_Edge]):
    """Nodes and edges retrieved together.

    Args:
        nodes: The nodes.
        edges: The edges.
    """

    def __init__(self, nodes: NodeList[T_Node] | None = None, edges: EdgeList[T_Edge] | None = None) -> None:
        self.nodes: NodeList[T_Node] = nodes if nodes is not None else NodeList([])
        self.edges: EdgeList[T_Edge] = edges if edges is not None else EdgeList([])

    def __repr__(self) -> str:
        return f"InstancesResult(nodes={self.nodes!r}, edges={self.edges!r})"


class InstancesDeleteResult:
    """The ids of deleted nodes and edges.

    Args:
        nodes: The node ids.
        edges: The edge ids.
    """

    def __init__(self, nodes: list[NodeId], edges: list[EdgeId]) -> None:
        self.nodes = nodes
        self.edges = edges

    def __repr__(self) -> str:
        return f"InstancesDeleteResult(nodes={self.nodes!r}, edges={self.edges!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, InstancesDeleteResult) and (self.nodes, self.edges) == (other.nodes, other.edges)

    __hash__ = None  # type: ignore[assignment]


# --------------------------------------------------------------------------------------------- sort, units


class DataModelingSort(_Base):
    """Sort by a property: ``direction`` ascending or descending, and where nulls go.

    Args:
        property: The property reference (e.g. ``("space", "View/v1", "prop")`` or ``("node", "externalId")``).
        direction: ``"ascending"`` or ``"descending"``.
        nulls_first: Put nulls first (None: CDF's default).
    """

    def __init__(
        self,
        property: str | list[str] | tuple[str, ...] | Any,
        direction: Literal["ascending", "descending"] = "ascending",
        nulls_first: bool | None = None,
    ) -> None:
        if direction not in ("ascending", "descending"):
            raise ValueError(f"direction must be 'ascending' or 'descending', not {direction!r}")
        if nulls_first is not None and not isinstance(nulls_first, bool):
            raise TypeError(f"nulls_first must be a bool, not {type(nulls_first).__name__}")
        self.property = _property_list(property)
        self.direction = direction
        self.nulls_first = nulls_first

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump to ``{"property": [...], "direction": ..., "nullsFirst": ...}``."""
        out: dict[str, Any] = {"property": list(self.property), "direction": self.direction}
        if self.nulls_first is not None:
            out["nullsFirst" if camel_case else "nulls_first"] = self.nulls_first
        return out

    @classmethod
    def _load(cls, data: dict[str, Any]) -> Self:
        return cls(data["property"], data.get("direction", "ascending"), _get(data, "nullsFirst", "nulls_first"))


def _property_list(prop: Any) -> list[str]:
    as_ref = getattr(prop, "as_property_ref", None)
    if as_ref is not None:
        return list(as_ref())
    if isinstance(prop, str):
        return [prop]
    if isinstance(prop, list | tuple) and prop and all(isinstance(p, str) for p in prop):
        return list(prop)
    raise TypeError(f"property must be a str, a list/tuple of str or a PropertyId, not {prop!r}")


class InstanceSort(DataModelingSort):
    """Sort instances by a property.

    Args:
        property: The property reference, e.g. ``ViewId(...).as_property_ref("name")`` or ``["node", "externalId"]``.
        direction: ``"ascending"`` or ``"descending"``.
        nulls_first: Put nulls first.

    Example:
        >>> from cognite.client.data_classes.data_modeling import InstanceSort
        >>> InstanceSort(["node", "externalId"], "descending").dump()
        {'property': ['node', 'externalId'], 'direction': 'descending'}
    """


class UnitReference(_Base):
    """A unit to convert a property to, by its external id in the unit catalog.

    Args:
        external_id: The unit's external id, e.g. ``"temperature:deg_c"``.
        source_unit: The unit the values are in (when the property does not say).
    """

    def __init__(self, external_id: str, source_unit: str | None = None) -> None:
        if not isinstance(external_id, str):
            raise TypeError(f"external_id must be a str, not {type(external_id).__name__}")
        self.external_id = external_id
        self.source_unit = source_unit

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump to ``{"externalId": ...}``."""
        out: dict[str, Any] = {"externalId" if camel_case else "external_id": self.external_id}
        if self.source_unit is not None:
            out["sourceUnit" if camel_case else "source_unit"] = self.source_unit
        return out

    @classmethod
    def _load(cls, data: dict[str, Any]) -> Self:
        return cls(_get(data, "externalId", "external_id"), _get(data, "sourceUnit", "source_unit"))


class UnitSystemReference(_Base):
    """A unit system to convert a property to.

    Args:
        unit_system_name: The name, e.g. ``"SI"`` or ``"Imperial"``.
    """

    def __init__(self, unit_system_name: str) -> None:
        if not isinstance(unit_system_name, str):
            raise TypeError(f"unit_system_name must be a str, not {type(unit_system_name).__name__}")
        self.unit_system_name = unit_system_name

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump to ``{"unitSystemName": ...}``."""
        return {"unitSystemName" if camel_case else "unit_system_name": self.unit_system_name}

    @classmethod
    def _load(cls, data: dict[str, Any]) -> Self:
        return cls(_get(data, "unitSystemName", "unit_system_name"))


class TargetUnit(_Base):
    """The unit to convert a property to when reading it.

    Args:
        property: The property identifier.
        unit: A unit or a unit system.

    Example:
        >>> from cognite.client.data_classes.data_modeling import TargetUnit
        >>> from cognite.client.data_classes.data_modeling.instances import UnitReference
        >>> TargetUnit("temp", UnitReference("temperature:deg_c")).dump()
        {'property': 'temp', 'unit': {'externalId': 'temperature:deg_c'}}
    """

    def __init__(self, property: str, unit: UnitReference | UnitSystemReference) -> None:
        if not isinstance(property, str):
            raise TypeError(f"property must be a str, not {type(property).__name__}")
        if not isinstance(unit, UnitReference | UnitSystemReference):
            raise TypeError(f"unit must be a UnitReference or a UnitSystemReference, not {type(unit).__name__}")
        self.property = property
        self.unit = unit

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump to ``{"property": ..., "unit": {...}}``."""
        return {"property": self.property, "unit": self.unit.dump(camel_case)}

    @classmethod
    def _load(cls, data: dict[str, Any]) -> Self:
        unit = data["unit"]
        loaded: UnitReference | UnitSystemReference = (
            UnitSystemReference._load(unit) if ("unitSystemName" in unit or "unit_system_name" in unit)
            else UnitReference._load(unit)
        )  # fmt: skip
        return cls(data["property"], loaded)


# --------------------------------------------------------------------------------------------- aggregates results


class InstanceAggregationResult(_Base):
    """The aggregates of one group (or of everything, without ``group_by``).

    Args:
        aggregates: The aggregated values.
        group: The group's property values (None without ``group_by``).
    """

    def __init__(self, aggregates: list[AggregatedNumberedValue], group: dict[str, Any] | None = None) -> None:
        self.aggregates = aggregates
        self.group = group

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump to the wire form."""
        out: dict[str, Any] = {"aggregates": [a.dump(camel_case) for a in self.aggregates]}
        if self.group is not None:
            out["group"] = self.group
        return out

    @classmethod
    def _load(cls, data: dict[str, Any]) -> Self:
        return cls([AggregatedValue.load(a) for a in data.get("aggregates", [])], data.get("group"))


class InstanceAggregationResultList(CogniteResourceList[Any]):
    """The aggregates per group.

    Args:
        resources: The results.
    """

    _RESOURCE = InstanceAggregationResult  # type: ignore[assignment]


# --------------------------------------------------------------------------------------------- inspect


class InspectOperation:
    """Base of inspection operations (what to find out about an instance)."""

    _name: ClassVar[str] = ""

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump to ``{operation: {...}}``."""
        return {self._name: self._body()}

    def _body(self) -> dict[str, Any]:
        return {}


class InvolvedViews(InspectOperation):
    """Find the views that have data in an instance.

    Args:
        all_versions: Include every version of the views (else the latest).
    """

    _name = "involvedViews"

    def __init__(self, all_versions: bool = False) -> None:
        if not isinstance(all_versions, bool):
            raise TypeError(f"all_versions must be a bool, not {type(all_versions).__name__}")
        self.all_versions = all_versions

    def _body(self) -> dict[str, Any]:
        return {"allVersions": self.all_versions}


class InvolvedContainers(InspectOperation):
    """Find the containers that hold data of an instance."""

    _name = "involvedContainers"


class InspectionResults(_Base):
    """What inspecting one instance found.

    Args:
        involved_views: The views with data in the instance.
        involved_containers: The containers holding its data.
    """

    def __init__(
        self, involved_views: list[ViewId] | None = None, involved_containers: list[ContainerId] | None = None
    ) -> None:
        self.involved_views = involved_views
        self.involved_containers = involved_containers

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump to the wire form."""
        out: dict[str, Any] = {}
        if self.involved_views is not None:
            out["involvedViews"] = [v.dump(camel_case) for v in self.involved_views]
        if self.involved_containers is not None:
            out["involvedContainers"] = [c.dump(camel_case) for c in self.involved_containers]
        return _dump_case(out, camel_case)

    @classmethod
    def _load(cls, data: dict[str, Any]) -> Self:
        views = _get(data, "involvedViews", "involved_views")
        containers = _get(data, "involvedContainers", "involved_containers")
        return cls(
            [ViewId.load(v) for v in views] if views is not None else None,
            [ContainerId.load(c) for c in containers] if containers is not None else None,
        )


class InstanceInspectResult(_Base):
    """The inspection of one instance.

    Args:
        space: The space.
        external_id: The external id.
        instance_type: ``"node"`` or ``"edge"``.
        inspection_results: What was found.
    """

    def __init__(
        self,
        space: str,
        external_id: str,
        instance_type: Literal["node", "edge"],
        inspection_results: InspectionResults,
    ) -> None:
        self.space = space
        self.external_id = external_id
        self.instance_type = instance_type
        self.inspection_results = inspection_results

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump to the wire form."""
        out = {
            "space": self.space,
            "externalId": self.external_id,
            "instanceType": self.instance_type,
            "inspectionResults": self.inspection_results.dump(camel_case),
        }
        return _dump_case(out, camel_case)

    @classmethod
    def _load(cls, data: dict[str, Any]) -> Self:
        return cls(
            data["space"],
            _get(data, "externalId", "external_id"),
            _get(data, "instanceType", "instance_type"),
            InspectionResults._load(_get(data, "inspectionResults", "inspection_results", {})),
        )


class InstanceInspectResultList(CogniteResourceList[Any]):
    """Inspection results.

    Args:
        resources: The results.
    """

    _RESOURCE = InstanceInspectResult  # type: ignore[assignment]


class InstanceInspectResults:
    """Inspection results of nodes and of edges.

    Args:
        nodes: The results of the nodes.
        edges: The results of the edges.
    """

    def __init__(self, nodes: InstanceInspectResultList, edges: InstanceInspectResultList) -> None:
        self.nodes = nodes
        self.edges = edges

    def __repr__(self) -> str:
        return f"InstanceInspectResults(nodes={self.nodes!r}, edges={self.edges!r})"


# --------------------------------------------------------------------------------------------- typed instances


class PropertyOptions:
    """Declares, on a typed node or edge class, the wire identifier of an attribute that is named differently.

    Args:
        identifier: The property identifier on the wire (None: the attribute name).

    Example:
        >>> from cognite.client.data_classes.data_modeling.instances import PropertyOptions, TypedNodeApply
        >>> from cognite.client.data_classes.data_modeling import ViewId
        >>> class PersonApply(TypedNodeApply):
        ...     birth_year = PropertyOptions("birthYear")
        ...     def __init__(self, space, external_id, name, birth_year=None):
        ...         super().__init__(space, external_id)
        ...         self.name = name
        ...         self.birth_year = birth_year
        ...     @classmethod
        ...     def get_source(cls):
        ...         return ViewId("s", "Person", "v1")
        >>> PersonApply("s", "p1", "Ada", 1815).dump()["sources"][0]["properties"]
        {'name': 'Ada', 'birthYear': 1815}
    """

    def __init__(self, identifier: str | None = None) -> None:
        self.identifier = identifier
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @property
    def property_name(self) -> str:
        """The attribute name."""
        return self.name

    def resolve_property(self) -> str:
        """The wire identifier."""
        return self.identifier or self.name

    def __get__(self, obj: Any, objtype: type | None = None) -> Any:
        if obj is None:
            return self
        return obj.__dict__.get("_prop_" + self.name)

    def __set__(self, obj: Any, value: Any) -> None:
        obj.__dict__["_prop_" + self.name] = value


class TypedInstance:
    """Base of typed nodes and edges: user classes whose attributes are the properties of one view."""

    _BASE_ATTRS: ClassVar[frozenset[str]] = frozenset()

    @classmethod
    def get_source(cls) -> ViewId:
        """The view whose properties the class holds (implement in the subclass)."""
        raise NotImplementedError(f"{cls.__name__} must implement the classmethod get_source()")

    def _typed_properties(self) -> dict[str, Any]:
        names = _wire_names(type(self))
        out: dict[str, Any] = {}
        for attr, value in vars(self).items():
            if attr.startswith("_prop_"):
                attr = attr[len("_prop_") :]
            elif attr.startswith("_") or attr in self._BASE_ATTRS:
                continue
            if isinstance(value, Omitted):
                continue
            out[names.get(attr, attr)] = value
        return out


def _wire_names(cls: type) -> dict[str, str]:
    out: dict[str, str] = {}
    for klass in reversed(cls.__mro__):
        for name, value in vars(klass).items():
            if isinstance(value, PropertyOptions):
                out[name] = value.resolve_property()
    return out


def _typed_kwargs(cls: type, props: Mapping[str, Any]) -> dict[str, Any]:
    """Constructor arguments of a typed class from the properties of its view (wire names mapped to attributes)."""
    to_attr = {wire: attr for attr, wire in _wire_names(cls).items()}
    params = inspect.signature(cls.__init__).parameters  # type: ignore[misc]
    try:
        hints = typing.get_type_hints(cls.__init__)  # type: ignore[misc]
    except Exception:
        hints = {}
    out: dict[str, Any] = {}
    for wire, value in props.items():
        attr = to_attr.get(wire, wire)
        if attr not in params:
            attr = _snake(wire) if _snake(wire) in params else attr
        if attr in params:
            out[attr] = _convert(value, hints.get(attr))
    return out


def _hint_classes(hint: Any) -> set[type]:
    if isinstance(hint, type):
        return {hint}
    return {c for arg in typing.get_args(hint) for c in _hint_classes(arg)}


def _convert(value: Any, hint: Any) -> Any:
    """A property value as the annotated type of the typed class's parameter (references, datetimes, dates)."""
    if value is None or hint is None:
        return value
    classes = _hint_classes(hint)
    if isinstance(value, dict) and _is_ref_dict(value):
        if DirectRelationReference in classes:
            return DirectRelationReference.load(value)
        if NodeId in classes:
            return NodeId.load(value)
    if isinstance(value, str):
        try:
            if datetime in classes:
                return datetime.fromisoformat(value.replace("Z", "+00:00"))
            if date in classes:
                return date.fromisoformat(value)
        except ValueError:
            return value
    return value


def _is_ref_dict(value: dict[str, Any]) -> bool:
    return set(value) == {"space", "externalId"}


class TypedNodeApply(NodeApply, TypedInstance):
    """Base of user classes for nodes to write, whose attributes are the properties of one view.

    Args:
        space: The space of the node.
        external_id: The external id of the node.
        existing_version: Fail unless the stored node has this version.
        type: The node's type.
    """

    _BASE_ATTRS = frozenset({"space", "external_id", "instance_type", "existing_version", "sources", "type"})

    def __init__(
        self,
        space: str,
        external_id: str,
        existing_version: int | None = None,
        type: DirectRelationReference | tuple[str, str] | None = None,
    ) -> None:
        super().__init__(space, external_id, existing_version, None, type)

    @property  # type: ignore[override]
    def sources(self) -> list[NodeOrEdgeData]:
        """The attributes as properties of the class's view."""
        return [NodeOrEdgeData(self.get_source(), self._typed_properties())]

    @sources.setter
    def sources(self, value: Any) -> None:
        pass

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump to the wire form of a node write."""
        return super().dump(camel_case)

    @classmethod
    def _load(cls, data: dict[str, Any]) -> Self:
        props: dict[str, Any] = {}
        for source in data.get("sources") or []:
            props.update(source.get("properties") or {})
        base = {
            "space": data["space"],
            "external_id": _get(data, "externalId", "external_id"),
            "existing_version": _get(data, "existingVersion", "existing_version"),
            "type": _get(data, "type"),
        }
        kwargs = _typed_kwargs(cls, props)
        params = inspect.signature(cls.__init__).parameters
        return cls(**{k: v for k, v in base.items() if k in params}, **kwargs)


class TypedEdgeApply(EdgeApply, TypedInstance):
    """Base of user classes for edges to write, whose attributes are the properties of one view.

    Args:
        space: The space of the edge.
        external_id: The external id of the edge.
        type: The edge's type.
        start_node: The start node.
        end_node: The end node.
        existing_version: Fail unless the stored edge has this version.
    """

    _BASE_ATTRS = frozenset(
        {"space", "external_id", "instance_type", "existing_version", "sources", "type", "start_node", "end_node"}
    )

    def __init__(
        self,
        space: str,
        external_id: str,
        type: DirectRelationReference | tuple[str, str],
        start_node: DirectRelationReference | tuple[str, str],
        end_node: DirectRelationReference | tuple[str, str],
        existing_version: int | None = None,
    ) -> None:
        super().__init__(space, external_id, type, start_node, end_node, existing_version, None)

    @property  # type: ignore[override]
    def sources(self) -> list[NodeOrEdgeData]:
        """The attributes as properties of the class's view."""
        return [NodeOrEdgeData(self.get_source(), self._typed_properties())]

    @sources.setter
    def sources(self, value: Any) -> None:
        pass

    @classmethod
    def _load(cls, data: dict[str, Any]) -> Self:
        props: dict[str, Any] = {}
        for source in data.get("sources") or []:
            props.update(source.get("properties") or {})
        base = {
            "space": data["space"],
            "external_id": _get(data, "externalId", "external_id"),
            "type": data["type"],
            "start_node": _get(data, "startNode", "start_node"),
            "end_node": _get(data, "endNode", "end_node"),
            "existing_version": _get(data, "existingVersion", "existing_version"),
        }
        params = inspect.signature(cls.__init__).parameters
        return cls(**{k: v for k, v in base.items() if k in params}, **_typed_kwargs(cls, props))


class TypedNode(Node, TypedInstance):
    """Base of user classes for nodes read from CDF, whose attributes are the properties of one view.

    Args:
        space: The space of the node.
        external_id: The external id of the node.
        version: The version.
        last_updated_time: Last update, ms since epoch.
        created_time: Creation, ms since epoch.
        deleted_time: Soft-deletion time.
        type: The node's type.
    """

    _BASE_ATTRS = frozenset(
        {"space", "external_id", "instance_type", "version", "last_updated_time", "created_time", "deleted_time",
         "type", "properties"}
    )  # fmt: skip

    def __init__(
        self,
        space: str,
        external_id: str,
        version: int,
        last_updated_time: int,
        created_time: int,
        deleted_time: int | None,
        type: DirectRelationReference | tuple[str, str] | None,
    ) -> None:
        super().__init__(space, external_id, version, last_updated_time, created_time, deleted_time, None, type)

    @property  # type: ignore[override]
    def properties(self) -> Properties:
        """The attributes as properties of the class's view."""
        return Properties({self.get_source(): self._typed_properties()})

    @properties.setter
    def properties(self, value: Any) -> None:
        pass

    @classmethod
    def _load(cls, data: dict[str, Any]) -> Self:
        source = cls.get_source()
        wire_props = data.get("properties") or {}
        props = (wire_props.get(source.space) or {}).get(source.as_source_identifier()) or {}
        base = {
            "space": data["space"],
            "external_id": _get(data, "externalId", "external_id"),
            "version": data["version"],
            "last_updated_time": _get(data, "lastUpdatedTime", "last_updated_time"),
            "created_time": _get(data, "createdTime", "created_time"),
            "deleted_time": _get(data, "deletedTime", "deleted_time"),
            "type": data.get("type"),
        }
        params = inspect.signature(cls.__init__).parameters
        return cls(**{k: v for k, v in base.items() if k in params}, **_typed_kwargs(cls, props))


class TypedEdge(Edge, TypedInstance):
    """Base of user classes for edges read from CDF, whose attributes are the properties of one view.

    Args:
        space: The space of the edge.
        external_id: The external id of the edge.
        version: The version.
        type: The edge's type.
        last_updated_time: Last update, ms since epoch.
        created_time: Creation, ms since epoch.
        start_node: The start node.
        end_node: The end node.
        deleted_time: Soft-deletion time.
    """

    _BASE_ATTRS = frozenset(
        {"space", "external_id", "instance_type", "version", "last_updated_time", "created_time", "deleted_time",
         "type", "properties", "start_node", "end_node"}
    )  # fmt: skip

    def __init__(
        self,
        space: str,
        external_id: str,
        version: int,
        type: DirectRelationReference | tuple[str, str],
        last_updated_time: int,
        created_time: int,
        start_node: DirectRelationReference | tuple[str, str],
        end_node: DirectRelationReference | tuple[str, str],
        deleted_time: int | None,
    ) -> None:
        super().__init__(
            space, external_id, version, type, last_updated_time, created_time, start_node, end_node, deleted_time, None
        )

    @property  # type: ignore[override]
    def properties(self) -> Properties:
        """The attributes as properties of the class's view."""
        return Properties({self.get_source(): self._typed_properties()})

    @properties.setter
    def properties(self, value: Any) -> None:
        pass

    @classmethod
    def _load(cls, data: dict[str, Any]) -> Self:
        source = cls.get_source()
        wire_props = data.get("properties") or {}
        props = (wire_props.get(source.space) or {}).get(source.as_source_identifier()) or {}
        base = {
            "space": data["space"],
            "external_id": _get(data, "externalId", "external_id"),
            "version": data["version"],
            "type": data["type"],
            "last_updated_time": _get(data, "lastUpdatedTime", "last_updated_time"),
            "created_time": _get(data, "createdTime", "created_time"),
            "start_node": _get(data, "startNode", "start_node"),
            "end_node": _get(data, "endNode", "end_node"),
            "deleted_time": _get(data, "deletedTime", "deleted_time"),
        }
        params = inspect.signature(cls.__init__).parameters
        return cls(**{k: v for k, v in base.items() if k in params}, **_typed_kwargs(cls, props))
