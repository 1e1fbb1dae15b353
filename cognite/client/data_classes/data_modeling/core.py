"""Bases shared by the data-modeling classes: resources living in a space, schema resources, and sorting.

The schema classes (spaces, containers, views, data models) are :mod:`msgspec` structs like every other
resource; the classes here are the small bases they share. ``DataModelingResource`` and friends are mixins
(no fields of their own), so that each concrete class keeps its own field order.

Polymorphic values (property types, view properties, constraints, indexes) are structs too; a field typed
with their base class is decoded by the base's ``_load_wire``, which picks the concrete class from the wire
(see :func:`load_polymorphic`).

Example:
    >>> from cognite.client.data_classes.data_modeling.core import DataModelingSort
    >>> DataModelingSort(["space", "Pump/v1", "name"], "descending").dump()
    {'property': ['space', 'Pump/v1', 'name'], 'direction': 'descending', 'nullsFirst': False}
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal, TypeVar

from cognite.client.data_classes._base import CogniteObject, CogniteResource, WriteableCogniteResource

__all__ = [
    "CogniteResource",
    "DataModelingResource",
    "DataModelingSchemaResource",
    "DataModelingSort",
    "UnknownWireObject",
    "WritableDataModelingResource",
    "WriteableCogniteResource",
]

T_Object = TypeVar("T_Object", bound=CogniteObject)


class DataModelingResource:
    """Mixin of every data-modeling resource: it lives in a ``space``.

    Example:
        >>> from cognite.client.data_classes.data_modeling import Space
        >>> from cognite.client.data_classes.data_modeling.core import DataModelingResource
        >>> isinstance(Space("s", False, 0, 0), DataModelingResource)
        True
    """

    __slots__ = ()


class WritableDataModelingResource(DataModelingResource):
    """Mixin of the write (apply) classes of data modeling.

    Example:
        >>> from cognite.client.data_classes.data_modeling import SpaceApply
        >>> from cognite.client.data_classes.data_modeling.core import WritableDataModelingResource
        >>> isinstance(SpaceApply("s"), WritableDataModelingResource)
        True
    """

    __slots__ = ()


class DataModelingSchemaResource(DataModelingResource):
    """Mixin of the schema resources identified by space and external id (containers, views, data models).

    Example:
        >>> from cognite.client.data_classes.data_modeling import ContainerApply, ContainerProperty, Text
        >>> from cognite.client.data_classes.data_modeling.core import DataModelingSchemaResource
        >>> c = ContainerApply("s", "Pump", {"name": ContainerProperty(Text())})
        >>> isinstance(c, DataModelingSchemaResource)
        True
    """

    __slots__ = ()


class DataModelingSort:
    """A sort on a data-modeling property.

    Args:
        property: The property reference, e.g. ``["space", "View/v1", "name"]`` or ``["node", "externalId"]``.
        direction: ``"ascending"`` or ``"descending"``.
        nulls_first: Put nulls before other values.

    Example:
        >>> from cognite.client.data_classes.data_modeling.core import DataModelingSort
        >>> DataModelingSort.load({"property": ["node", "externalId"]}).direction
        'ascending'
    """

    def __init__(
        self,
        property: str | Sequence[str] | tuple[str, ...],
        direction: Literal["ascending", "descending"] = "ascending",
        nulls_first: bool = False,
    ) -> None:
        if isinstance(property, str):
            prop: list[str] = [property]
        elif isinstance(property, Sequence) and all(isinstance(p, str) for p in property):
            prop = list(property)
        else:
            raise TypeError(f"property must be a str or a sequence of str, got {property!r}")
        if direction not in ("ascending", "descending"):
            raise ValueError(f"direction must be 'ascending' or 'descending', got {direction!r}")
        if not isinstance(nulls_first, bool):
            raise TypeError(f"nulls_first must be a bool, got {nulls_first!r}")
        self.property = prop
        self.direction = direction
        self.nulls_first = nulls_first

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self.dump() == other.dump()  # type: ignore[attr-defined]

    def __repr__(self) -> str:
        return f"{type(self).__name__}(property={self.property!r}, direction={self.direction!r}, nulls_first={self.nulls_first!r})"

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump the sort to a dictionary.

        Args:
            camel_case: Use camelCase keys (the wire format).

        Returns:
            ``{"property": [...], "direction": ..., "nullsFirst": ...}``.
        """
        return {"property": list(self.property), "direction": self.direction,
                ("nullsFirst" if camel_case else "nulls_first"): self.nulls_first}  # fmt: skip

    @classmethod
    def load(cls, resource: Mapping[str, Any]) -> Any:
        """Load a sort from a dictionary (camelCase or snake_case keys).

        Args:
            resource: The dictionary.

        Returns:
            The sort.
        """
        nulls = resource.get("nullsFirst", resource.get("nulls_first", False))
        return cls(resource["property"], resource.get("direction", "ascending"), nulls)


class UnknownWireObject:
    """A polymorphic value of a kind this SDK version does not know (e.g. a new index type); keeps the raw data,
    dumps it as it was and is its own write form, so that reading and re-applying a resource never loses it.

    Args:
        data: The raw dictionary.

    Example:
        >>> from cognite.client.data_classes.data_modeling.containers import Index
        >>> Index.load({"indexType": "vector", "properties": ["embedding"]}).dump()
        {'indexType': 'vector', 'properties': ['embedding']}
    """

    __slots__ = ("data",)

    def __init__(self, data: Mapping[str, Any]) -> None:
        self.data = dict(data)

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Return the raw data."""
        return dict(self.data)

    def as_apply(self) -> Any:
        """Return the object itself (its raw data is what is written)."""
        return self

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other.data == self.data  # type: ignore[attr-defined]

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.data!r})"


def load_polymorphic(
    data: Any,
    options: Mapping[Any, type[Any]],
    key: str,
    default: Any = None,
    *,
    what: str,
    unknown: type[UnknownWireObject] | None = None,
) -> Any:
    """Load one value of a polymorphic field: the class is picked by the value of ``key`` (a wire name).

    Args:
        data: The dictionary (or an object already loaded, returned as it is).
        options: The value of ``key`` -> the class.
        key: The discriminating key, e.g. ``"type"`` or ``"constraintType"``.
        default: The value to assume when ``key`` is absent.
        what: What is loaded (for error messages).
        unknown: The class holding a value of a kind not in ``options`` (None: such a value raises ValueError).

    Returns:
        The loaded object.
    """
    if isinstance(data, CogniteObject):
        return data
    if not isinstance(data, Mapping):
        raise TypeError(f"Cannot load a {what} from {data!r}: expected a dict")
    kind = data.get(key, default)
    cls = options.get(kind)
    if cls is None:
        if unknown is not None:
            return unknown(data)
        raise ValueError(f"Unknown {what} {kind!r}")
    return cls.load(dict(data))
