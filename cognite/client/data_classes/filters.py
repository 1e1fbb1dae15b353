"""The advanced-filter DSL: filters for assets, events, time series, sequences, files, documents and data modeling.

A filter dumps to the CDF filter language, one key naming the filter type::

    {"equals": {"property": ["name"], "value": "pump"}}

Compose filters with ``&`` (And), ``|`` (Or) and ``~`` (Not), and load any wire filter back with
:meth:`Filter.load`. A property is given as a name (``"external_id"``), a tuple or list
(``("metadata", "key")``, ``("my_space", "Pump/v1", "name")``), a :class:`PropertyId`, or a member of an
:class:`EnumProperty` (such as ``AssetProperty.name``). With ``dump(camel_case_property=True)``, the form used
for the classic resources, snake_case names become camelCase (metadata keys are kept as they are).

Example:
    >>> import cognite.client.data_classes.filters as flt
    >>> f = flt.Equals("external_id", "pump1") | flt.Prefix(("metadata", "site_name"), "Osl")
    >>> f.dump(camel_case_property=True)
    {'or': [{'equals': {'property': ['externalId'], 'value': 'pump1'}}, {'prefix': {'property': ['metadata', 'site_name'], 'value': 'Osl'}}]}
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from enum import Enum
from typing import Any, ClassVar, Literal, TypeAlias, cast

from cognite.client.data_classes._base import SequenceNotStr
from cognite.client.data_classes.data_modeling.ids import (
    ContainerId,
    DirectRelationReference,
    InstanceId,
    PropertyId,
    ViewId,
)
from cognite.client.data_classes.labels import Label
from cognite.client.data_classes.shared import Geometry

__all__ = [
    "And",
    "CompoundFilter",
    "ContainerId",
    "ContainsAll",
    "ContainsAny",
    "DirectRelationReference",
    "EnumProperty",
    "Equals",
    "Exists",
    "Filter",
    "FilterValue",
    "FilterValueList",
    "FilterWithProperty",
    "FilterWithPropertyAndValue",
    "FilterWithPropertyAndValueList",
    "GeoJSON",
    "GeoJSONDisjoint",
    "GeoJSONIntersects",
    "GeoJSONWithin",
    "Geometry",
    "HasData",
    "In",
    "InAssetSubtree",
    "InstanceId",
    "InstanceReferences",
    "InvalidFilter",
    "IsNull",
    "Label",
    "MatchAll",
    "Nested",
    "Not",
    "Or",
    "Overlaps",
    "ParameterValue",
    "Prefix",
    "PropertyId",
    "PropertyReference",
    "PropertyReferenceValue",
    "Range",
    "RawValue",
    "Search",
    "SequenceNotStr",
    "SpaceFilter",
    "UnknownFilter",
    "ViewId",
]


class EnumProperty(Enum):
    """Base of the enums that name filterable/sortable properties of a resource (``AssetProperty.name``).

    Each member's value is the camelCase property name (or a tuple of names).

    Example:
        >>> from cognite.client.data_classes.filters import EnumProperty, Equals
        >>> class PumpProperty(EnumProperty):
        ...     external_id = "externalId"
        >>> PumpProperty.external_id.as_reference()
        ['externalId']
        >>> Equals(PumpProperty.external_id, "p1").dump()
        {'equals': {'property': ['externalId'], 'value': 'p1'}}
    """

    def as_reference(self) -> list[str]:
        """Return the property reference used on the wire, e.g. ``["externalId"]``."""
        value = self.value
        if isinstance(value, str):
            return [value]
        return list(value)

    @staticmethod
    def metadata_key(key: str) -> list[str]:
        """The property path of one metadata key, e.g. ``["metadata", "site"]``."""
        return ["metadata", key]


PropertyReference: TypeAlias = "str | tuple[str, ...] | list[str] | PropertyId | EnumProperty"
RawValue: TypeAlias = (
    "str | float | bool | int | Sequence[Any] | Mapping[str, Any] | InstanceId | DirectRelationReference | Label"
)
FilterValue: TypeAlias = "RawValue | PropertyReferenceValue | ParameterValue"
FilterValueList: TypeAlias = "Sequence[RawValue] | PropertyReferenceValue | ParameterValue"


def _to_camel(name: str) -> str:
    if "_" not in name:
        return name
    head, *rest = name.split("_")
    return head + "".join(p[:1].upper() + p[1:] for p in rest)


def _check_property(prop: Any, arg: str = "property") -> None:
    if isinstance(prop, str | EnumProperty | PropertyId):
        return
    if isinstance(prop, tuple | list) and prop and all(isinstance(p, str) for p in prop):
        return
    raise TypeError(
        f"{arg} must be a str, a non-empty tuple/list of str, a PropertyId or an EnumProperty member, not {prop!r}"
    )


def _dump_property(prop: Any, camel_case_property: bool) -> list[str]:
    """The wire form of a property reference: a list of strings."""
    if isinstance(prop, EnumProperty):
        return prop.as_reference()
    if isinstance(prop, PropertyId):
        return list(prop.as_property_ref())
    if isinstance(prop, str):
        return [_to_camel(prop) if camel_case_property else prop]
    if isinstance(prop, tuple | list):
        if not camel_case_property:
            return list(prop)
        out: list[str] = []
        for i, part in enumerate(prop):
            keep = i > 0 and prop[i - 1] == "metadata"
            out.append(part if keep else _to_camel(part))
        return out
    raise TypeError(f"Invalid property reference {prop!r}")


def _load_property(prop: Any) -> tuple[str, ...]:
    if isinstance(prop, str):
        return (prop,)
    if isinstance(prop, list | tuple):
        return tuple(prop)
    raise ValueError(f"Invalid property reference in filter: {prop!r}")


class ParameterValue:
    """A value given later as a query parameter: ``{"parameter": "name"}`` (data modeling).

    Args:
        parameter: The parameter name.

    Example:
        >>> from cognite.client.data_classes.filters import Equals, ParameterValue
        >>> Equals(("s", "Pump/v1", "name"), ParameterValue("pump_name")).dump()
        {'equals': {'property': ['s', 'Pump/v1', 'name'], 'value': {'parameter': 'pump_name'}}}
    """

    def __init__(self, parameter: str) -> None:
        if not isinstance(parameter, str):
            raise TypeError(f"parameter must be a str, not {type(parameter).__name__}")
        self.parameter = parameter

    def dump(self, camel_case: bool = True) -> dict[str, str]:
        """Return ``{"parameter": name}`` (``camel_case`` is accepted for uniformity)."""
        return {"parameter": self.parameter}

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ParameterValue) and other.parameter == self.parameter

    def __hash__(self) -> int:
        return hash(("parameter", self.parameter))

    def __repr__(self) -> str:
        return f"ParameterValue(parameter={self.parameter!r})"


class PropertyReferenceValue:
    """A value taken from another property of the same item: ``{"property": [...]}`` (data modeling).

    Args:
        property: The property whose value to compare with.

    Example:
        >>> from cognite.client.data_classes.filters import PropertyReferenceValue, Range
        >>> Range(("s", "C", "end"), gt=PropertyReferenceValue(("s", "C", "start"))).dump()
        {'range': {'property': ['s', 'C', 'end'], 'gt': {'property': ['s', 'C', 'start']}}}
    """

    def __init__(self, property: PropertyReference) -> None:
        _check_property(property)
        self.property = property

    def dump(self, camel_case_property: bool = False, camel_case: bool = True) -> dict[str, list[str]]:
        """Return ``{"property": [...]}`` (``camel_case`` is accepted for uniformity)."""
        return {"property": _dump_property(self.property, camel_case_property)}

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PropertyReferenceValue) and other.dump() == self.dump()

    def __hash__(self) -> int:
        return hash(("property", *self.dump()["property"]))

    def __repr__(self) -> str:
        return f"PropertyReferenceValue(property={self.property!r})"


def _dump_value(value: Any, camel_case_property: bool) -> Any:
    if isinstance(value, PropertyReferenceValue):
        return value.dump(camel_case_property)
    if isinstance(value, ParameterValue):
        return value.dump()
    if isinstance(value, InstanceId | DirectRelationReference):
        return {"space": value.space, "externalId": value.external_id}
    if isinstance(value, Label):
        return {"externalId": value.external_id}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list | tuple):
        return [_dump_value(v, camel_case_property) for v in value]
    return value


def _load_value(value: Any) -> Any:
    if isinstance(value, dict) and len(value) == 1:
        if isinstance(value.get("parameter"), str):
            return ParameterValue(value["parameter"])
        if isinstance(value.get("property"), list):
            return PropertyReferenceValue(tuple(value["property"]))
    return value


def _check_values(values: Any, arg: str = "values") -> None:
    if isinstance(values, PropertyReferenceValue | ParameterValue):
        return
    if isinstance(values, str | bytes | Mapping) or not isinstance(values, Sequence):
        raise TypeError(
            f"{arg} must be a list/tuple of values, a PropertyReferenceValue or a ParameterValue, not {values!r}"
        )


class Filter(ABC):
    """Base of every filter: dump to and load from the CDF filter language; ``&``, ``|`` and ``~`` compose.

    Example:
        >>> from cognite.client.data_classes.filters import Filter, Equals, Exists
        >>> f = Filter.load({"and": [{"equals": {"property": ["name"], "value": "x"}}, {"exists": {"property": ["source"]}}]})
        >>> f == Equals("name", "x") & Exists("source")
        True
    """

    _filter_name: ClassVar[str]

    def dump(self, camel_case_property: bool = False, camel_case: bool = True) -> dict[str, Any]:
        """Dump the filter to the CDF filter language.

        Args:
            camel_case_property: Turn snake_case property names into camelCase (for the classic resources;
                metadata keys are kept as they are). Data-modeling properties must be left as they are.
            camel_case: Accepted for uniformity with other data classes; filter keys are always camelCase.

        Returns:
            The filter as a dictionary with one key, the filter type.
        """
        return {self._filter_name: self._filter_body(camel_case_property)}

    @abstractmethod
    def _filter_body(self, camel_case_property: bool) -> Any:
        raise NotImplementedError

    @classmethod
    def load(cls, filter_: dict[str, Any]) -> Filter:
        """Load a filter from the CDF filter language; unknown filter types give an :class:`UnknownFilter`.

        Args:
            filter_: The filter as a dictionary with one key, the filter type.

        Returns:
            The filter.
        """
        if isinstance(filter_, Filter):
            return filter_
        if not isinstance(filter_, Mapping):
            raise TypeError(f"filter_ must be a dict, not {type(filter_).__name__}")
        if len(filter_) != 1:
            raise ValueError(f"A filter must have exactly one key (the filter type), got {sorted(filter_)}")
        ((name, body),) = filter_.items()
        filter_cls = _FILTERS_BY_NAME.get(name)
        if filter_cls is None:
            return UnknownFilter(name, body)
        try:
            return filter_cls._load_body(body)
        except (KeyError, TypeError, AttributeError) as e:
            raise ValueError(f"Invalid {name!r} filter {body!r}: {e!r}") from None

    @classmethod
    def load_if(cls, filter_: dict[str, Any] | None) -> Filter | None:
        """Load the filter, or return None for None."""
        return None if filter_ is None else cls.load(filter_)

    @classmethod
    def _load_body(cls, body: Any) -> Filter:
        raise NotImplementedError

    def _involved_filter_types(self) -> set[type[Filter]]:
        """The filter classes used anywhere in this filter (to check what an endpoint supports)."""
        return {type(self)}

    def __and__(self, other: Filter) -> And:
        if not isinstance(other, Filter):
            return NotImplemented
        left = list(self.filters) if type(self) is And else [self]
        right = list(other.filters) if type(other) is And else [other]
        return And(*left, *right)

    def __or__(self, other: Filter) -> Or:
        if not isinstance(other, Filter):
            return NotImplemented
        left = list(self.filters) if type(self) is Or else [self]
        right = list(other.filters) if type(other) is Or else [other]
        return Or(*left, *right)

    def __invert__(self) -> Filter:
        if isinstance(self, Not):
            return self.filter
        return Not(self)

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and self.dump() == other.dump()

    def __hash__(self) -> int:
        return hash(repr(self.dump()))

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in vars(self).items() if not k.startswith("_"))
        return f"{type(self).__name__}({args})"


class CompoundFilter(Filter, ABC):
    """Base of filters that combine other filters (And, Or).

    Args:
        *filters: The filters to combine (at least one).
    """

    def __init__(self, *filters: Filter) -> None:
        if not filters:
            raise ValueError(f"{type(self).__name__} needs at least one filter")
        for f in filters:
            if not isinstance(f, Filter):
                raise TypeError(f"filters must be Filter objects, got {type(f).__name__}: {f!r}")
        self.filters: tuple[Filter, ...] = tuple(filters)

    def _filter_body(self, camel_case_property: bool) -> list[dict[str, Any]]:
        return [f.dump(camel_case_property) for f in self.filters]

    @classmethod
    def _load_body(cls, body: Any) -> Filter:
        if not isinstance(body, list):
            raise TypeError(f"{cls._filter_name!r} takes a list of filters")
        return cls(*(Filter.load(f) for f in body))

    def _involved_filter_types(self) -> set[type[Filter]]:
        out: set[type[Filter]] = {type(self)}
        for f in self.filters:
            out |= f._involved_filter_types()
        return out

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(map(repr, self.filters))})"


class And(CompoundFilter):
    """Match items that match every one of the filters.

    Args:
        *filters: The filters.

    Example:
        >>> from cognite.client.data_classes.filters import And, Equals, In
        >>> And(Equals("source", "sap"), In("data_set_id", [1, 2])).dump(camel_case_property=True)
        {'and': [{'equals': {'property': ['source'], 'value': 'sap'}}, {'in': {'property': ['dataSetId'], 'values': [1, 2]}}]}
    """

    _filter_name = "and"


class Or(CompoundFilter):
    """Match items that match at least one of the filters.

    Args:
        *filters: The filters.

    Example:
        >>> from cognite.client.data_classes.filters import Equals, Or
        >>> Or(Equals("name", "a"), Equals("name", "b")).dump()
        {'or': [{'equals': {'property': ['name'], 'value': 'a'}}, {'equals': {'property': ['name'], 'value': 'b'}}]}
    """

    _filter_name = "or"


class Not(Filter):
    """Match items that do not match the filter.

    Args:
        filter: The filter to negate.

    Example:
        >>> from cognite.client.data_classes.filters import Equals, Not
        >>> Not(Equals("name", "a")).dump()
        {'not': {'equals': {'property': ['name'], 'value': 'a'}}}
    """

    _filter_name = "not"

    def __init__(self, filter: Filter) -> None:
        if not isinstance(filter, Filter):
            raise TypeError(f"filter must be a Filter, not {type(filter).__name__}")
        self.filter = filter

    def _filter_body(self, camel_case_property: bool) -> dict[str, Any]:
        return self.filter.dump(camel_case_property)

    @classmethod
    def _load_body(cls, body: Any) -> Filter:
        return cls(Filter.load(body))

    def _involved_filter_types(self) -> set[type[Filter]]:
        return {type(self)} | self.filter._involved_filter_types()


class Nested(Filter):
    """Match instances whose direct relation (``scope``) points to a node that matches ``filter``.

    Args:
        scope: The direct-relation property to follow.
        filter: The filter on the node it points to.

    Example:
        >>> from cognite.client.data_classes.filters import Equals, Nested
        >>> Nested(("s", "Pump/v1", "site"), Equals(("s", "Site/v1", "name"), "Oslo")).dump()["nested"]["scope"]
        ['s', 'Pump/v1', 'site']
    """

    _filter_name = "nested"

    def __init__(self, scope: PropertyReference, filter: Filter) -> None:
        _check_property(scope, "scope")
        if not isinstance(filter, Filter):
            raise TypeError(f"filter must be a Filter, not {type(filter).__name__}")
        self.scope = scope
        self.filter = filter

    def _filter_body(self, camel_case_property: bool) -> dict[str, Any]:
        return {
            "scope": _dump_property(self.scope, camel_case_property),
            "filter": self.filter.dump(camel_case_property),
        }

    @classmethod
    def _load_body(cls, body: Any) -> Filter:
        return cls(_load_property(body["scope"]), Filter.load(body["filter"]))

    def _involved_filter_types(self) -> set[type[Filter]]:
        return {type(self)} | self.filter._involved_filter_types()


class MatchAll(Filter):
    """Match every item.

    Example:
        >>> from cognite.client.data_classes.filters import MatchAll
        >>> MatchAll().dump()
        {'matchAll': {}}
    """

    _filter_name = "matchAll"

    def _filter_body(self, camel_case_property: bool) -> dict[str, Any]:
        return {}

    @classmethod
    def _load_body(cls, body: Any) -> Filter:
        return cls()


def _source_ids(values: Any, kind: type[ContainerId] | type[ViewId], arg: str) -> list[Any]:
    if values is None:
        return []
    if isinstance(values, ContainerId | ViewId) or (
        isinstance(values, tuple) and values and all(isinstance(v, str) for v in values)
    ):
        values = [values]
    if isinstance(values, str) or not isinstance(values, Sequence):
        raise TypeError(f"{arg} must be a list of {kind.__name__} or tuples, not {values!r}")
    return [kind.load(v) for v in values]


class HasData(Filter):
    """Match instances that have data in all the given containers, or in the given views.

    Args:
        containers: The containers (ContainerId or ``(space, external_id)``).
        views: The views (ViewId or ``(space, external_id, version)``).

    Example:
        >>> from cognite.client.data_classes.filters import HasData, ViewId
        >>> HasData(views=[ViewId("s", "Pump", "v1")]).dump()
        {'hasData': [{'type': 'view', 'space': 's', 'externalId': 'Pump', 'version': 'v1'}]}
    """

    _filter_name = "hasData"

    def __init__(
        self,
        containers: Sequence[ContainerId | tuple[str, str]] | None = None,
        views: Sequence[ViewId | tuple[str, str] | tuple[str, str, str]] | None = None,
    ) -> None:
        self.containers: list[ContainerId] = _source_ids(containers, ContainerId, "containers")
        self.views: list[ViewId] = _source_ids(views, ViewId, "views")

    def _filter_body(self, camel_case_property: bool) -> list[dict[str, Any]]:
        return [{"type": "container", "space": c.space, "externalId": c.external_id} for c in self.containers] + [
            {"type": "view", "space": v.space, "externalId": v.external_id, "version": v.version}
            if v.version is not None
            else {"type": "view", "space": v.space, "externalId": v.external_id}
            for v in self.views
        ]

    @classmethod
    def _load_body(cls, body: Any) -> Filter:
        if isinstance(body, Mapping):  # the older {"containers": [...], "views": [...]} form
            return cls(containers=body.get("containers"), views=body.get("views"))
        containers = [ContainerId.load(s) for s in body if s.get("type") == "container"]
        views = [ViewId.load(s) for s in body if s.get("type") != "container"]
        return cls(containers=containers, views=views)


class FilterWithProperty(Filter, ABC):
    """Base of the filters on one property.

    Args:
        property: The property to filter on.
    """

    def __init__(self, property: PropertyReference) -> None:
        _check_property(property)
        self.property = property

    def _dump_property(self, camel_case_property: bool) -> list[str]:
        return _dump_property(self.property, camel_case_property)

    def _filter_body(self, camel_case_property: bool) -> dict[str, Any]:
        return {"property": self._dump_property(camel_case_property)}

    @classmethod
    def _load_body(cls, body: Any) -> Filter:
        return cls(_load_property(body["property"]))


class FilterWithPropertyAndValue(FilterWithProperty, ABC):
    """Base of the filters comparing one property with one value.

    Args:
        property: The property to filter on.
        value: The value: a raw value, a PropertyReferenceValue or a ParameterValue.
    """

    def __init__(self, property: PropertyReference, value: FilterValue) -> None:
        super().__init__(property)
        self.value = value

    def _filter_body(self, camel_case_property: bool) -> dict[str, Any]:
        return {
            "property": self._dump_property(camel_case_property),
            "value": _dump_value(self.value, camel_case_property),
        }

    @classmethod
    def _load_body(cls, body: Any) -> Filter:
        return cls(_load_property(body["property"]), _load_value(body["value"]))


class FilterWithPropertyAndValueList(FilterWithProperty, ABC):
    """Base of the filters comparing one property with a list of values.

    Args:
        property: The property to filter on.
        values: The values (a list), a PropertyReferenceValue or a ParameterValue.
    """

    def __init__(self, property: PropertyReference, values: FilterValueList) -> None:
        super().__init__(property)
        _check_values(values)
        self.values = values

    def _filter_body(self, camel_case_property: bool) -> dict[str, Any]:
        return {
            "property": self._dump_property(camel_case_property),
            "values": _dump_value(self.values, camel_case_property),
        }

    @classmethod
    def _load_body(cls, body: Any) -> Filter:
        values = _load_value(body["values"])
        return cls(_load_property(body["property"]), values)


class Equals(FilterWithPropertyAndValue):
    """Match items whose property is exactly the value.

    Args:
        property: The property.
        value: The value.

    Example:
        >>> from cognite.client.data_classes.filters import Equals
        >>> Equals(("metadata", "asset_type"), "pump").dump(camel_case_property=True)
        {'equals': {'property': ['metadata', 'asset_type'], 'value': 'pump'}}
    """

    _filter_name = "equals"


class In(FilterWithPropertyAndValueList):
    """Match items whose property is exactly one of the values.

    Args:
        property: The property.
        values: The values.

    Example:
        >>> from cognite.client.data_classes.filters import In
        >>> In("source", ["sap", "pi"]).dump()
        {'in': {'property': ['source'], 'values': ['sap', 'pi']}}
    """

    _filter_name = "in"


class ContainsAny(FilterWithPropertyAndValueList):
    """Match items whose (list) property contains at least one of the values.

    Args:
        property: The property.
        values: The values.

    Example:
        >>> from cognite.client.data_classes.filters import ContainsAny
        >>> ContainsAny("labels", ["PUMP"]).dump()
        {'containsAny': {'property': ['labels'], 'values': ['PUMP']}}
    """

    _filter_name = "containsAny"


class ContainsAll(FilterWithPropertyAndValueList):
    """Match items whose (list) property contains all of the values.

    Args:
        property: The property.
        values: The values.

    Example:
        >>> from cognite.client.data_classes.filters import ContainsAll
        >>> ContainsAll("labels", ["PUMP", "ACTIVE"]).dump()
        {'containsAll': {'property': ['labels'], 'values': ['PUMP', 'ACTIVE']}}
    """

    _filter_name = "containsAll"


class InAssetSubtree(FilterWithPropertyAndValueList):
    """Match items linked to an asset in the subtree rooted at any of the given assets (documents, files...).

    Args:
        property: The property holding asset ids (e.g. ``"asset_ids"``).
        values: The ids of the subtree roots.

    Example:
        >>> from cognite.client.data_classes.filters import InAssetSubtree
        >>> InAssetSubtree("asset_ids", [123]).dump(camel_case_property=True)
        {'inAssetSubtree': {'property': ['assetIds'], 'values': [123]}}
    """

    _filter_name = "inAssetSubtree"


class Prefix(FilterWithPropertyAndValue):
    """Match items whose property starts with the value.

    Args:
        property: The property.
        value: The prefix.

    Example:
        >>> from cognite.client.data_classes.filters import Prefix
        >>> Prefix("external_id", "pump_").dump(camel_case_property=True)
        {'prefix': {'property': ['externalId'], 'value': 'pump_'}}
    """

    _filter_name = "prefix"


class Search(FilterWithPropertyAndValue):
    """Fuzzy-search the property for the value (text properties).

    Args:
        property: The property.
        value: The text to search for.

    Example:
        >>> from cognite.client.data_classes.filters import Search
        >>> Search("description", "large pump").dump()
        {'search': {'property': ['description'], 'value': 'large pump'}}
    """

    _filter_name = "search"


class Exists(FilterWithProperty):
    """Match items that have a value in the property.

    Args:
        property: The property.

    Example:
        >>> from cognite.client.data_classes.filters import Exists
        >>> Exists("parent_id").dump(camel_case_property=True)
        {'exists': {'property': ['parentId']}}
    """

    _filter_name = "exists"


_BOUNDS = ("gt", "gte", "lt", "lte")


def _check_bounds(owner: str, gt: Any, gte: Any, lt: Any, lte: Any) -> None:
    if gt is not None and gte is not None:
        raise ValueError(f"{owner}: give at most one of gt and gte")
    if lt is not None and lte is not None:
        raise ValueError(f"{owner}: give at most one of lt and lte")
    if gt is None and gte is None and lt is None and lte is None:
        raise ValueError(f"{owner}: give at least one of gt, gte, lt and lte")


class Range(FilterWithProperty):
    """Match items whose property is within the range.

    Args:
        property: The property.
        gt: Greater than.
        gte: Greater than or equal to.
        lt: Less than.
        lte: Less than or equal to.

    Example:
        >>> from cognite.client.data_classes.filters import Range
        >>> Range("created_time", gte=0, lt=1000).dump(camel_case_property=True)
        {'range': {'property': ['createdTime'], 'gte': 0, 'lt': 1000}}
    """

    _filter_name = "range"

    def __init__(
        self,
        property: PropertyReference,
        gt: FilterValue | None = None,
        gte: FilterValue | None = None,
        lt: FilterValue | None = None,
        lte: FilterValue | None = None,
    ) -> None:
        super().__init__(property)
        _check_bounds("Range", gt, gte, lt, lte)
        self.gt, self.gte, self.lt, self.lte = gt, gte, lt, lte

    def _filter_body(self, camel_case_property: bool) -> dict[str, Any]:
        out: dict[str, Any] = {"property": self._dump_property(camel_case_property)}
        for name in _BOUNDS:
            value = getattr(self, name)
            if value is not None:
                out[name] = _dump_value(value, camel_case_property)
        return out

    @classmethod
    def _load_body(cls, body: Any) -> Filter:
        bounds = {k: _load_value(body[k]) for k in _BOUNDS if k in body}
        return cls(_load_property(body["property"]), **bounds)


class Overlaps(Filter):
    """Match items whose range, from ``start_property`` to ``end_property``, overlaps the given range.

    Args:
        start_property: The property holding the start of the item's range.
        end_property: The property holding the end of the item's range.
        gt: Greater than.
        gte: Greater than or equal to.
        lt: Less than.
        lte: Less than or equal to.

    Example:
        >>> from cognite.client.data_classes.filters import Overlaps
        >>> Overlaps(("s", "C", "start"), ("s", "C", "end"), gte=0, lt=10).dump()["overlaps"]["startProperty"]
        ['s', 'C', 'start']
    """

    _filter_name = "overlaps"

    def __init__(
        self,
        start_property: PropertyReference,
        end_property: PropertyReference,
        gt: FilterValue | None = None,
        gte: FilterValue | None = None,
        lt: FilterValue | None = None,
        lte: FilterValue | None = None,
    ) -> None:
        _check_property(start_property, "start_property")
        _check_property(end_property, "end_property")
        _check_bounds("Overlaps", gt, gte, lt, lte)
        self.start_property = start_property
        self.end_property = end_property
        self.gt, self.gte, self.lt, self.lte = gt, gte, lt, lte

    def _filter_body(self, camel_case_property: bool) -> dict[str, Any]:
        out: dict[str, Any] = {
            "startProperty": _dump_property(self.start_property, camel_case_property),
            "endProperty": _dump_property(self.end_property, camel_case_property),
        }
        for name in _BOUNDS:
            value = getattr(self, name)
            if value is not None:
                out[name] = _dump_value(value, camel_case_property)
        return out

    @classmethod
    def _load_body(cls, body: Any) -> Filter:
        bounds = {k: _load_value(body[k]) for k in _BOUNDS if k in body}
        return cls(_load_property(body["startProperty"]), _load_property(body["endProperty"]), **bounds)


class GeoJSON(FilterWithProperty, ABC):
    """Base of the filters comparing a geo-location property with a GeoJSON geometry.

    Args:
        property: The geo-location property.
        geometry: The geometry to compare with.
    """

    def __init__(self, property: PropertyReference, geometry: Geometry | Mapping[str, Any]) -> None:
        super().__init__(property)
        if isinstance(geometry, Mapping):
            geometry = Geometry.load(dict(geometry))
        if not isinstance(geometry, Geometry):
            raise TypeError(f"geometry must be a Geometry, not {type(geometry).__name__}")
        self.geometry = geometry

    def _filter_body(self, camel_case_property: bool) -> dict[str, Any]:
        return {"property": self._dump_property(camel_case_property), "geometry": self.geometry.dump(camel_case=True)}

    @classmethod
    def _load_body(cls, body: Any) -> Filter:
        return cls(_load_property(body["property"]), Geometry.load(body["geometry"]))


class GeoJSONIntersects(GeoJSON):
    """Match items whose geo location intersects the geometry.

    Args:
        property: The geo-location property.
        geometry: The geometry.

    Example:
        >>> from cognite.client.data_classes.filters import GeoJSONIntersects, Geometry
        >>> list(GeoJSONIntersects("geo_location", Geometry("Point", [1, 2])).dump())
        ['geojsonIntersects']
    """

    _filter_name = "geojsonIntersects"


class GeoJSONDisjoint(GeoJSON):
    """Match items whose geo location does not intersect the geometry.

    Args:
        property: The geo-location property.
        geometry: The geometry.

    Example:
        >>> from cognite.client.data_classes.filters import GeoJSONDisjoint, Geometry
        >>> list(GeoJSONDisjoint("geo_location", Geometry("Point", [1, 2])).dump())
        ['geojsonDisjoint']
    """

    _filter_name = "geojsonDisjoint"


class GeoJSONWithin(GeoJSON):
    """Match items whose geo location lies within the geometry.

    Args:
        property: The geo-location property.
        geometry: The geometry.

    Example:
        >>> from cognite.client.data_classes.filters import GeoJSONWithin, Geometry
        >>> list(GeoJSONWithin("geo_location", Geometry("Polygon", [[[0, 0], [0, 1], [1, 1], [0, 0]]])).dump())
        ['geojsonWithin']
    """

    _filter_name = "geojsonWithin"


class InstanceReferences(Filter):
    """Match instances with any of the given (space, external id) pairs.

    Args:
        references: InstanceIds (NodeId, EdgeId) or ``(space, external_id)`` tuples.

    Example:
        >>> from cognite.client.data_classes.filters import InstanceReferences
        >>> InstanceReferences([("s", "n1")]).dump()
        {'instanceReferences': [{'space': 's', 'externalId': 'n1'}]}
    """

    _filter_name = "instanceReferences"

    def __init__(self, references: Sequence[InstanceId | tuple[str, str]]) -> None:
        if isinstance(references, str) or not isinstance(references, Sequence):
            raise TypeError(
                f"references must be a list of InstanceId or (space, external_id) tuples, not {references!r}"
            )
        self.references: list[InstanceId] = [InstanceId.load(r) for r in references]

    def _filter_body(self, camel_case_property: bool) -> list[dict[str, str]]:
        return [{"space": r.space, "externalId": r.external_id} for r in self.references]

    @classmethod
    def _load_body(cls, body: Any) -> Filter:
        return cls([InstanceId(r["space"], r["externalId"]) for r in body])


class SpaceFilter(Filter):
    """Match instances in the given space(s); dumps as ``equals`` (one space) or ``in`` (several).

    Args:
        space: One space or a list of spaces.
        instance_type: ``"node"`` or ``"edge"``.

    Example:
        >>> from cognite.client.data_classes.filters import SpaceFilter
        >>> SpaceFilter("my_space").dump()
        {'equals': {'property': ['node', 'space'], 'value': 'my_space'}}
        >>> SpaceFilter(["a", "b"], instance_type="edge").dump()
        {'in': {'property': ['edge', 'space'], 'values': ['a', 'b']}}
    """

    def __init__(self, space: str | Sequence[str], instance_type: Literal["node", "edge"] = "node") -> None:
        if instance_type not in ("node", "edge"):
            raise ValueError(f"instance_type must be 'node' or 'edge', not {instance_type!r}")
        if isinstance(space, str):
            self.space: str | list[str] = space
        elif isinstance(space, Sequence) and space and all(isinstance(s, str) for s in space):
            self.space = list(space)
        else:
            raise TypeError(f"space must be a str or a non-empty list of str, not {space!r}")
        self.instance_type = instance_type
        self._inner: Filter = (
            Equals([instance_type, "space"], self.space)
            if isinstance(self.space, str)
            else In([instance_type, "space"], self.space)
        )

    def dump(self, camel_case_property: bool = False, camel_case: bool = True) -> dict[str, Any]:
        """Dump as ``equals``/``in`` on ``[instance_type, "space"]``.

        Args:
            camel_case_property: Ignored (the property is always ``[instance_type, "space"]``).
            camel_case: Ignored; filter keys are always camelCase.

        Returns:
            The filter as a dictionary.
        """
        return self._inner.dump()

    def _filter_body(self, camel_case_property: bool) -> Any:
        return self._inner._filter_body(camel_case_property)

    @classmethod
    def load(cls, filter_: dict[str, Any]) -> SpaceFilter:
        """Load a space filter from ``{"equals"|"in": {"property": [type, "space"], ...}}``.

        Args:
            filter_: The filter as a dictionary.

        Returns:
            The space filter.
        """
        loaded = Filter.load(filter_)
        if isinstance(loaded, SpaceFilter):
            return loaded
        if isinstance(loaded, Equals | In):
            prop = _dump_property(loaded.property, False)
            if len(prop) == 2 and prop[0] in ("node", "edge") and prop[1] == "space":
                value = loaded.value if isinstance(loaded, Equals) else loaded.values
                return cls(cast(Any, value), instance_type=cast(Literal["node", "edge"], prop[0]))
        raise ValueError(f"Not a space filter: {filter_!r}")

    def _involved_filter_types(self) -> set[type[Filter]]:
        return {type(self), type(self._inner)}

    def __repr__(self) -> str:
        return f"SpaceFilter(space={self.space!r}, instance_type={self.instance_type!r})"


class IsNull(Not):
    """Match items that have no value in the property (``not exists``).

    Args:
        property: The property.

    Example:
        >>> from cognite.client.data_classes.filters import IsNull
        >>> IsNull("parent_id").dump(camel_case_property=True)
        {'not': {'exists': {'property': ['parentId']}}}
    """

    def __init__(self, property: PropertyReference) -> None:
        super().__init__(Exists(property))
        self.property = property

    @classmethod
    def load(cls, filter_: dict[str, Any]) -> IsNull:
        """Load from ``{"not": {"exists": {"property": [...]}}}``.

        Args:
            filter_: The filter as a dictionary.

        Returns:
            The filter.
        """
        loaded = Filter.load(filter_)
        if isinstance(loaded, IsNull):
            return loaded
        if type(loaded) is Not and isinstance(loaded.filter, Exists):
            return cls(loaded.filter.property)
        raise ValueError(f"Not an is-null filter: {filter_!r}")

    def __repr__(self) -> str:
        return f"IsNull(property={self.property!r})"


class InvalidFilter(Filter):
    """A filter CDF reports as invalid, e.g. a view filter on container properties that no longer exist.

    Args:
        previously_referenced_properties: The properties the filter referred to.
        filter_type: The type of the filter that became invalid.

    Example:
        >>> from cognite.client.data_classes.filters import Filter
        >>> f = Filter.load({"invalid": {"previouslyReferencedProperties": [["s", "C", "p"]], "filterType": "equals"}})
        >>> type(f).__name__, f.filter_type
        ('InvalidFilter', 'equals')
    """

    _filter_name = "invalid"

    def __init__(self, previously_referenced_properties: list[list[str]], filter_type: str) -> None:
        self.previously_referenced_properties = [list(p) for p in previously_referenced_properties]
        self.filter_type = filter_type

    def dump(self, camel_case_property: bool = False, camel_case: bool = True) -> dict[str, Any]:
        """Dump as CDF reports it: ``{"invalid": {"previouslyReferencedProperties": ..., "filterType": ...}}``.

        Args:
            camel_case_property: Ignored.
            camel_case: Ignored; keys are always camelCase.

        Returns:
            The filter as a dictionary.
        """
        return {self._filter_name: self._filter_body(camel_case_property)}

    def _filter_body(self, camel_case_property: bool) -> dict[str, Any]:
        return {"previouslyReferencedProperties": self.previously_referenced_properties, "filterType": self.filter_type}

    @classmethod
    def _load_body(cls, body: Any) -> Filter:
        return cls(body.get("previouslyReferencedProperties", []), body.get("filterType", ""))


class UnknownFilter(Filter):
    """A filter type this SDK version does not know; keeps the raw body so it dumps back unchanged.

    Args:
        filter_name: The filter type (the key).
        resource: The raw body.

    Example:
        >>> from cognite.client.data_classes.filters import Filter
        >>> Filter.load({"newFilter": {"x": 1}}).dump()
        {'newFilter': {'x': 1}}
    """

    def __init__(self, filter_name: str, resource: Any) -> None:
        self.filter_name = filter_name
        self.resource = resource

    def dump(self, camel_case_property: bool = False, camel_case: bool = True) -> dict[str, Any]:
        """Dump the raw filter back: ``{filter_name: resource}``.

        Args:
            camel_case_property: Ignored.
            camel_case: Ignored.

        Returns:
            The filter as a dictionary.
        """
        return {self.filter_name: self.resource}

    def _filter_body(self, camel_case_property: bool) -> Any:
        return self.resource


_FILTERS_BY_NAME: dict[str, type[Filter]] = {
    cls._filter_name: cls
    for cls in (
        And,
        Or,
        Not,
        Nested,
        MatchAll,
        HasData,
        Equals,
        In,
        ContainsAny,
        ContainsAll,
        InAssetSubtree,
        Prefix,
        Search,
        Exists,
        Range,
        Overlaps,
        GeoJSONIntersects,
        GeoJSONDisjoint,
        GeoJSONWithin,
        InstanceReferences,
        InvalidFilter,
    )
}
