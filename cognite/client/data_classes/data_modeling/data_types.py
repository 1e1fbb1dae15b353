"""Property types of container (and view) properties: text, numbers, timestamps, references, enums...

Each type is a struct tagged by its wire ``type`` (``{"type": "int64", "list": false}``); a field typed
:class:`PropertyType` is loaded by :meth:`PropertyType._load_wire`, which picks the class from the tag (an
unknown tag gives :class:`UnknownPropertyType`, keeping the raw data). A type class may be given where an
instance is expected (``ContainerProperty(type=Text)``): it stands for the type with its defaults.

Example:
    >>> from cognite.client.data_classes.data_modeling.data_types import Float64, PropertyType, UnitReference
    >>> Float64(unit=UnitReference("pressure:bar")).dump()
    {'type': 'float64', 'unit': {'externalId': 'pressure:bar'}}
    >>> PropertyType.load({"type": "text", "list": True, "collation": "ucs_basic"})
    Text(is_list=True)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Literal

import msgspec

from cognite.client.data_classes._base import CogniteObject, CogniteResource, UnknownCogniteResource
from cognite.client.data_classes.data_modeling.ids import ContainerId, DirectRelationReference, NodeId

__all__ = [
    "Boolean",
    "CDFExternalIdReference",
    "CogniteResource",
    "ContainerId",
    "Date",
    "DirectRelation",
    "DirectRelationReference",
    "Enum",
    "EnumValue",
    "FileReference",
    "Float32",
    "Float64",
    "Int32",
    "Int64",
    "Json",
    "ListablePropertyType",
    "NodeId",
    "PropertyType",
    "PropertyTypeWithUnit",
    "SequenceReference",
    "StateSetEntry",
    "Text",
    "TimeSeriesReference",
    "Timestamp",
    "UnitReference",
    "UnitSystemReference",
    "UnknownCogniteResource",
    "UnknownPropertyType",
]


class PropertyType:
    """Base of every property type; ``PropertyType.load(dict)`` gives the concrete type.

    Example:
        >>> from cognite.client.data_classes.data_modeling.data_types import PropertyType
        >>> PropertyType.load({"type": "direct", "list": True}).is_list
        True
    """

    __slots__ = ()
    _type: ClassVar[str] = ""

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the type to its wire form (``{"type": ..., ...}``).

        Args:
            camel_case: Use camelCase keys.

        Returns:
            The type as a dictionary.
        """
        return CogniteObject.dump(self, camel_case)  # type: ignore[arg-type]

    @classmethod
    def load(cls, resource: Mapping[str, Any] | str) -> Any:
        """Load a property type from its wire form (the class is picked by ``type``).

        Args:
            resource: The dictionary (camelCase or snake_case keys) or a JSON string.

        Returns:
            The property type.
        """
        if isinstance(resource, str):
            resource = msgspec.json.decode(resource)
        return PropertyType._load_wire(resource)

    @classmethod
    def _load_wire(cls, data: Any) -> PropertyType:
        if isinstance(data, PropertyType):
            return data
        if isinstance(data, type) and issubclass(data, PropertyType):
            return data()
        if not isinstance(data, Mapping):
            raise TypeError(f"Cannot load a PropertyType from {data!r}: expected a dict")
        target = _TYPES.get(data.get("type"))  # type: ignore[arg-type]
        if target is None:
            return UnknownPropertyType(dict(data))
        body = {k: v for k, v in data.items() if k != "source"}  # a view's direct relation names its source view
        return target.load(body)  # type: ignore[attr-defined, no-any-return]


def as_property_type(value: Any, name: str = "type") -> PropertyType:
    """A property type given as an instance, a type class (its defaults) or a dict; TypeError otherwise."""
    if isinstance(value, type) and issubclass(value, PropertyType) and issubclass(value, msgspec.Struct):
        return value()
    if isinstance(value, PropertyType):
        return value
    if isinstance(value, Mapping):
        return PropertyType._load_wire(value)
    raise TypeError(f"{name} must be a PropertyType (e.g. Text() or Int64), got {value!r}")


class _Type(CogniteObject, PropertyType, tag_field="type", kw_only=True):  # type: ignore[misc]
    pass


class UnitReference(CogniteObject):
    """The unit of a numeric property: a unit of the CDF unit catalog, and the unit of the source system.

    Args:
        external_id: The external id of the unit in the catalog, e.g. ``"pressure:bar"``.
        source_unit: The unit as named by the source.

    Example:
        >>> from cognite.client.data_classes.data_modeling.data_types import UnitReference
        >>> UnitReference("temperature:deg_c", "C").dump()
        {'externalId': 'temperature:deg_c', 'sourceUnit': 'C'}
    """

    external_id: str
    source_unit: str | None = None


class UnitSystemReference(CogniteObject):
    """A unit system, e.g. ``"SI"``.

    Args:
        unit_system_name: The name of the unit system.

    Example:
        >>> from cognite.client.data_classes.data_modeling.data_types import UnitSystemReference
        >>> UnitSystemReference("SI").dump()
        {'unitSystemName': 'SI'}
    """

    unit_system_name: str


class ListablePropertyType(_Type):  # type: ignore[misc]
    """Base of the types that can hold a list of values.

    Args:
        is_list: The property holds a list of values.
        max_list_size: The most values the list may hold.
    """

    is_list: bool = msgspec.field(default=False, name="list")
    max_list_size: int | None = None


class PropertyTypeWithUnit(ListablePropertyType):  # type: ignore[misc]
    """Base of the numeric types, which may carry a unit.

    Args:
        is_list: The property holds a list of values.
        max_list_size: The most values the list may hold.
        unit: The unit of the values.
    """

    unit: UnitReference | None = None


_UCS_BASIC = "ucs_basic"


class Text(ListablePropertyType, tag="text"):  # type: ignore[misc]
    """Text.

    Args:
        is_list: The property holds a list of values.
        max_list_size: The most values the list may hold.
        collation: The collation used to compare and sort the values.
        max_text_size: The longest text allowed (in bytes).

    Example:
        >>> from cognite.client.data_classes.data_modeling import Text
        >>> Text(is_list=True, max_list_size=10).dump()
        {'type': 'text', 'list': True, 'maxListSize': 10}
    """

    _type: ClassVar[str] = "text"
    collation: str = _UCS_BASIC
    max_text_size: int | None = None

    def __post_init__(self) -> None:
        if self.collation == _UCS_BASIC:
            self.collation = _UCS_BASIC  # the default object itself, so that reprs leave it out


class Boolean(ListablePropertyType, tag="boolean"):  # type: ignore[misc]
    """A boolean.

    Args:
        is_list: The property holds a list of values.
        max_list_size: The most values the list may hold.

    Example:
        >>> from cognite.client.data_classes.data_modeling import Boolean
        >>> Boolean().dump()
        {'type': 'boolean'}
    """

    _type: ClassVar[str] = "boolean"


class Float32(PropertyTypeWithUnit, tag="float32"):  # type: ignore[misc]
    """A 32-bit floating point number.

    Args:
        is_list: The property holds a list of values.
        max_list_size: The most values the list may hold.
        unit: The unit of the values.

    Example:
        >>> from cognite.client.data_classes.data_modeling import Float32
        >>> Float32().dump()
        {'type': 'float32'}
    """

    _type: ClassVar[str] = "float32"


class Float64(PropertyTypeWithUnit, tag="float64"):  # type: ignore[misc]
    """A 64-bit floating point number.

    Args:
        is_list: The property holds a list of values.
        max_list_size: The most values the list may hold.
        unit: The unit of the values.

    Example:
        >>> from cognite.client.data_classes.data_modeling import Float64
        >>> Float64(is_list=True).is_list
        True
    """

    _type: ClassVar[str] = "float64"


class Int32(PropertyTypeWithUnit, tag="int32"):  # type: ignore[misc]
    """A 32-bit integer.

    Args:
        is_list: The property holds a list of values.
        max_list_size: The most values the list may hold.
        unit: The unit of the values.

    Example:
        >>> from cognite.client.data_classes.data_modeling import Int32
        >>> Int32().dump()
        {'type': 'int32'}
    """

    _type: ClassVar[str] = "int32"


class Int64(PropertyTypeWithUnit, tag="int64"):  # type: ignore[misc]
    """A 64-bit integer.

    Args:
        is_list: The property holds a list of values.
        max_list_size: The most values the list may hold.
        unit: The unit of the values.

    Example:
        >>> from cognite.client.data_classes.data_modeling import Int64
        >>> Int64().dump()
        {'type': 'int64'}
    """

    _type: ClassVar[str] = "int64"


class Timestamp(ListablePropertyType, tag="timestamp"):  # type: ignore[misc]
    """A point in time (ISO 8601 text with a time zone on the wire).

    Args:
        is_list: The property holds a list of values.
        max_list_size: The most values the list may hold.

    Example:
        >>> from cognite.client.data_classes.data_modeling import Timestamp
        >>> Timestamp().dump()
        {'type': 'timestamp'}
    """

    _type: ClassVar[str] = "timestamp"


class Date(ListablePropertyType, tag="date"):  # type: ignore[misc]
    """A calendar date (``YYYY-MM-DD`` on the wire).

    Args:
        is_list: The property holds a list of values.
        max_list_size: The most values the list may hold.

    Example:
        >>> from cognite.client.data_classes.data_modeling import Date
        >>> Date().dump()
        {'type': 'date'}
    """

    _type: ClassVar[str] = "date"


class Json(ListablePropertyType, tag="json"):  # type: ignore[misc]
    """A JSON value.

    Args:
        is_list: The property holds a list of values.
        max_list_size: The most values the list may hold.

    Example:
        >>> from cognite.client.data_classes.data_modeling import Json
        >>> Json().dump()
        {'type': 'json'}
    """

    _type: ClassVar[str] = "json"


class CDFExternalIdReference(ListablePropertyType):  # type: ignore[misc]
    """Base of the references to classic CDF resources (time series, files, sequences) by external id.

    Args:
        is_list: The property holds a list of values.
        max_list_size: The most values the list may hold.
    """


class TimeSeriesReference(CDFExternalIdReference, tag="timeseries"):  # type: ignore[misc]
    """A reference to a time series by external id.

    Args:
        is_list: The property holds a list of values.
        max_list_size: The most values the list may hold.

    Example:
        >>> from cognite.client.data_classes.data_modeling import TimeSeriesReference
        >>> TimeSeriesReference().dump()
        {'type': 'timeseries'}
    """

    _type: ClassVar[str] = "timeseries"


class FileReference(CDFExternalIdReference, tag="file"):  # type: ignore[misc]
    """A reference to a file by external id.

    Args:
        is_list: The property holds a list of values.
        max_list_size: The most values the list may hold.

    Example:
        >>> from cognite.client.data_classes.data_modeling import FileReference
        >>> FileReference().dump()
        {'type': 'file'}
    """

    _type: ClassVar[str] = "file"


class SequenceReference(CDFExternalIdReference, tag="sequence"):  # type: ignore[misc]
    """A reference to a sequence by external id.

    Args:
        is_list: The property holds a list of values.
        max_list_size: The most values the list may hold.

    Example:
        >>> from cognite.client.data_classes.data_modeling import SequenceReference
        >>> SequenceReference().dump()
        {'type': 'sequence'}
    """

    _type: ClassVar[str] = "sequence"


class DirectRelation(ListablePropertyType, tag="direct"):  # type: ignore[misc]
    """A direct relation: a reference to a node.

    Args:
        is_list: The property holds a list of references.
        max_list_size: The most references the list may hold.
        container: The container the referenced node must have data in (optional).

    Example:
        >>> from cognite.client.data_classes.data_modeling import ContainerId, DirectRelation
        >>> DirectRelation(container=ContainerId("s", "Pump")).dump()
        {'type': 'direct', 'container': {'type': 'container', 'space': 's', 'externalId': 'Pump'}}
    """

    _type: ClassVar[str] = "direct"
    container: ContainerId | None = None


class EnumValue(CogniteObject):
    """One value of an enum.

    Args:
        name: A readable name.
        description: A description.

    Example:
        >>> from cognite.client.data_classes.data_modeling.data_types import EnumValue
        >>> EnumValue("Running").dump()
        {'name': 'Running'}
    """

    name: str | None = None
    description: str | None = None


class Enum(_Type, tag="enum"):  # type: ignore[misc]
    """An enum: one of a fixed set of values (at most 32).

    Args:
        values: The values: identifier -> :class:`EnumValue`.
        unknown_value: The value to use for values unknown to the reader.

    Example:
        >>> from cognite.client.data_classes.data_modeling.data_types import Enum, EnumValue
        >>> Enum({"on": EnumValue("On"), "off": EnumValue()}).dump()
        {'type': 'enum', 'values': {'on': {'name': 'On'}, 'off': {}}}
    """

    _type: ClassVar[str] = "enum"
    values: dict[str, EnumValue] = msgspec.field(default_factory=dict)
    unknown_value: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.values, Mapping):
            raise TypeError(f"Enum.values must be a dict of identifier -> EnumValue, got {self.values!r}")
        self.values = {k: v if isinstance(v, EnumValue) else EnumValue.load(v) for k, v in self.values.items()}


class StateSetEntry(CogniteObject):
    """One state of a state set: a numeric value and/or a text value, with a description.

    Args:
        numeric_value: The numeric value of the state.
        string_value: The text value of the state.
        description: A description.

    Example:
        >>> from cognite.client.data_classes.data_modeling.data_types import StateSetEntry
        >>> StateSetEntry(numeric_value=1, string_value="ON").dump()
        {'numericValue': 1, 'stringValue': 'ON'}
    """

    numeric_value: int | None = None
    string_value: str | None = None
    description: str | None = None


class UnknownPropertyType(PropertyType):
    """A property type this SDK version does not know; keeps (and dumps) the raw data.

    Args:
        data: The raw dictionary.

    Example:
        >>> from cognite.client.data_classes.data_modeling.data_types import PropertyType
        >>> PropertyType.load({"type": "vector", "dim": 3}).dump()
        {'type': 'vector', 'dim': 3}
    """

    __slots__ = ("data",)

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Return the raw data."""
        return dict(self.data)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, UnknownPropertyType) and other.data == self.data

    def __repr__(self) -> str:
        return f"UnknownPropertyType({self.data!r})"


_TYPES: dict[str, type[Any]] = {
    cls._type: cls
    for cls in (Text, Boolean, Float32, Float64, Int32, Int64, Timestamp, Date, Json, TimeSeriesReference,
                FileReference, SequenceReference, DirectRelation, Enum)
}  # fmt: skip

PropertyTypeName = Literal[
    "text", "boolean", "float32", "float64", "int32", "int64", "timestamp", "date", "json", "timeseries", "file",
    "sequence", "direct", "enum",
]  # fmt: skip
