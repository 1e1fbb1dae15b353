"""Geospatial data classes: coordinate reference systems, feature types (with patches), features (with properties
of their own), feature aggregates, compute functions and their results, and raster metadata.

Features carry the properties their feature type declares as attributes of their own (``Feature(external_id="w1",
depth=12.5, location={"wkt": "POINT(10 60)"})``), so they are plain classes rather than declarative structs: the
property names are the user's and are never renamed on the wire.

Example:
    >>> from cognite.client.data_classes.geospatial import Feature, FeatureTypeWrite
    >>> FeatureTypeWrite("well", properties={"depth": {"type": "DOUBLE"}}).dump()
    {'externalId': 'well', 'properties': {'depth': {'type': 'DOUBLE'}}}
    >>> Feature(external_id="w1", depth=12.5).dump()
    {'externalId': 'w1', 'depth': 12.5}
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from cognite.client.data_classes._base import (
    CogniteResource,
    CogniteResourceList,
    ExternalIDTransformerMixin,
    WriteableCogniteResource,
    WriteableCogniteResourceList,
    _import_pandas,
)

if TYPE_CHECKING:
    import pandas

__all__ = [
    "CogniteResource",
    "CogniteResourceList",
    "CoordinateReferenceSystem",
    "CoordinateReferenceSystemCore",
    "CoordinateReferenceSystemList",
    "CoordinateReferenceSystemWrite",
    "CoordinateReferenceSystemWriteList",
    "ExternalIDTransformerMixin",
    "Feature",
    "FeatureAggregate",
    "FeatureAggregateList",
    "FeatureCore",
    "FeatureList",
    "FeatureListCore",
    "FeatureType",
    "FeatureTypeCore",
    "FeatureTypeList",
    "FeatureTypePatch",
    "FeatureTypeWrite",
    "FeatureTypeWriteList",
    "FeatureWrite",
    "FeatureWriteList",
    "GeospatialComputeFunction",
    "GeospatialComputedItem",
    "GeospatialComputedItemList",
    "GeospatialComputedResponse",
    "GeospatialGeometryComputeFunction",
    "GeospatialGeometryTransformComputeFunction",
    "GeospatialGeometryValueComputeFunction",
    "OrderSpec",
    "Patches",
    "PropertyAndSearchSpec",
    "RasterMetadata",
    "WriteableCogniteResource",
    "WriteableCogniteResourceList",
]

# ---------------------------------------------------------------------------------------------- reference systems


class CoordinateReferenceSystemCore(WriteableCogniteResource["CoordinateReferenceSystemWrite"]):
    """Base of the read and write forms of a coordinate reference system.

    Args:
        srid: The spatial reference id.
        wkt: The definition as well-known text.
        proj_string: The definition as a PROJ string.
    """


class CoordinateReferenceSystem(CoordinateReferenceSystemCore):
    """A coordinate reference system (a standard one, or a custom one a project defined).

    Args:
        srid: The spatial reference id.
        wkt: The definition as well-known text.
        proj_string: The definition as a PROJ string.

    Example:
        >>> from cognite.client.data_classes.geospatial import CoordinateReferenceSystem
        >>> CoordinateReferenceSystem.load({"srid": 4326, "wkt": "GEOGCS[...]", "projString": "+proj=longlat"}).srid
        4326
    """

    srid: int | None = None
    wkt: str | None = None
    proj_string: str | None = None

    def as_write(self) -> CoordinateReferenceSystemWrite:
        """Return the write form (what ``create_coordinate_reference_systems`` takes)."""
        if self.srid is None or self.wkt is None or self.proj_string is None:
            raise ValueError("srid, wkt and proj_string are required to write a coordinate reference system")
        return CoordinateReferenceSystemWrite(self.srid, self.wkt, self.proj_string)


class CoordinateReferenceSystemWrite(CoordinateReferenceSystemCore):
    """A custom coordinate reference system to create.

    Args:
        srid: The spatial reference id (a number no standard system uses).
        wkt: The definition as well-known text.
        proj_string: The definition as a PROJ string.

    Example:
        >>> from cognite.client.data_classes.geospatial import CoordinateReferenceSystemWrite
        >>> CoordinateReferenceSystemWrite(121111, "PROJCS[...]", "+proj=tmerc").dump()
        {'srid': 121111, 'wkt': 'PROJCS[...]', 'projString': '+proj=tmerc'}
    """

    srid: int
    wkt: str
    proj_string: str

    def __post_init__(self) -> None:
        if isinstance(self.srid, bool) or not isinstance(self.srid, int):
            raise TypeError(f"srid must be an int, not {type(self.srid).__name__}")
        for name in ("wkt", "proj_string"):
            if not isinstance(getattr(self, name), str):
                raise TypeError(f"{name} must be a str, not {type(getattr(self, name)).__name__}")

    def as_write(self) -> CoordinateReferenceSystemWrite:
        """Return this object (it is already the write form)."""
        return self


class CoordinateReferenceSystemWriteList(CogniteResourceList[CoordinateReferenceSystemWrite]):
    """A list of coordinate reference systems to create."""

    _RESOURCE = CoordinateReferenceSystemWrite


class CoordinateReferenceSystemList(
    WriteableCogniteResourceList[CoordinateReferenceSystemWrite, CoordinateReferenceSystem]
):
    """A list of coordinate reference systems."""

    _RESOURCE = CoordinateReferenceSystem
    _WRITE_LIST = CoordinateReferenceSystemWriteList

    def as_write(self) -> CoordinateReferenceSystemWriteList:
        """Return the write form of every item."""
        return CoordinateReferenceSystemWriteList._from_items([c.as_write() for c in self.data])


# ---------------------------------------------------------------------------------------------- feature types


class FeatureTypeCore(WriteableCogniteResource["FeatureTypeWrite"]):
    """Base of the read and write forms of a feature type.

    Args:
        external_id: The external id.
        data_set_id: The data set it belongs to.
        properties: The properties of its features: name -> ``{"type": ..., "srid": ..., "optional": ...}``.
        search_spec: The search indexes: name -> ``{"properties": [...]}``.
    """


class FeatureType(FeatureTypeCore):
    """A feature type: the schema of a set of features.

    Args:
        external_id: The external id.
        created_time: When it was created (ms since epoch).
        last_updated_time: When it was last updated (ms since epoch).
        properties: The properties of its features (CDF adds externalId, createdTime and lastUpdatedTime).
        data_set_id: The data set it belongs to.
        search_spec: The search indexes.

    Example:
        >>> from cognite.client.data_classes.geospatial import FeatureType
        >>> ft = FeatureType.load({"externalId": "well", "createdTime": 0, "lastUpdatedTime": 0,
        ...                        "properties": {"depth": {"type": "DOUBLE"}}})
        >>> ft.as_write().dump()
        {'externalId': 'well', 'properties': {'depth': {'type': 'DOUBLE'}}}
    """

    external_id: str | None = None
    created_time: int | None = None
    last_updated_time: int | None = None
    properties: dict[str, Any] | None = None
    data_set_id: int | None = None
    search_spec: dict[str, Any] | None = None

    def as_write(self) -> FeatureTypeWrite:
        """Return the write form (the properties and indexes CDF adds itself are left out)."""
        if self.external_id is None:
            raise ValueError("external_id is required to write a feature type")
        properties = {k: v for k, v in (self.properties or {}).items() if k not in RESERVED_PROPERTIES}
        search_spec = {k: v for k, v in (self.search_spec or {}).items() if k not in _RESERVED_INDEXES}
        return FeatureTypeWrite(self.external_id, properties, self.data_set_id, search_spec or None)


#: The properties CDF gives every feature type (and every feature) itself.
RESERVED_PROPERTIES = frozenset({"externalId", "createdTime", "lastUpdatedTime"})
_RESERVED_INDEXES = frozenset({"externalIdIdx", "createdTimeIdx", "lastUpdatedTimeIdx"})


class FeatureTypeWrite(FeatureTypeCore):
    """A feature type to create.

    Args:
        external_id: The external id (a letter, then letters, digits and underscores; at most 32).
        properties: The properties of its features: name -> ``{"type": "DOUBLE"}``, ``{"type": "POINT", "srid":
            4326}``, ``{"type": "STRING", "size": 10, "optional": True}``...
        data_set_id: The data set it belongs to.
        search_spec: The search indexes: name -> ``{"properties": [...]}``.

    Example:
        >>> from cognite.client.data_classes.geospatial import FeatureTypeWrite
        >>> FeatureTypeWrite("well", {"location": {"type": "POINT", "srid": 4326}},
        ...                  search_spec={"loc_idx": {"properties": ["location"]}}).dump(camel_case=False)
        {'external_id': 'well', 'properties': {'location': {'type': 'POINT', 'srid': 4326}}, 'search_spec': {'loc_idx': {'properties': ['location']}}}
    """

    external_id: str
    properties: dict[str, Any]
    data_set_id: int | None = None
    search_spec: dict[str, Any] | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.external_id, str):
            raise TypeError(f"external_id must be a str, not {type(self.external_id).__name__}")
        if not isinstance(self.properties, dict):
            raise TypeError(f"properties must be a dict, not {type(self.properties).__name__}")

    def as_write(self) -> FeatureTypeWrite:
        """Return this object (it is already the write form)."""
        return self


class FeatureTypeWriteList(CogniteResourceList[FeatureTypeWrite], ExternalIDTransformerMixin):
    """A list of feature types to create."""

    _RESOURCE = FeatureTypeWrite


class FeatureTypeList(WriteableCogniteResourceList[FeatureTypeWrite, FeatureType], ExternalIDTransformerMixin):
    """A list of feature types."""

    _RESOURCE = FeatureType
    _WRITE_LIST = FeatureTypeWriteList

    def as_write(self) -> FeatureTypeWriteList:
        """Return the write form of every item."""
        return FeatureTypeWriteList._from_items([f.as_write() for f in self.data])


class Patches:
    """What to add to and remove from a dict-valued part of a feature type (its properties or its indexes).

    Args:
        add: Entries to add (name -> definition).
        remove: Names to remove.

    Example:
        >>> from cognite.client.data_classes.geospatial import Patches
        >>> Patches(add={"depth": {"type": "DOUBLE"}}, remove=["old"]).dump()
        {'add': {'depth': {'type': 'DOUBLE'}}, 'remove': ['old']}
    """

    def __init__(self, add: dict[str, Any] | None = None, remove: list[str] | None = None) -> None:
        if add is not None and not isinstance(add, dict):
            raise TypeError(f"add must be a dict, not {type(add).__name__}")
        if remove is not None and (isinstance(remove, str) or not isinstance(remove, list | tuple)):
            raise TypeError(f"remove must be a list of names, not {type(remove).__name__}")
        self.add = add
        self.remove = None if remove is None else list(remove)

    def dump(self) -> dict[str, Any]:
        """Dump to the wire form (``{"add": {...}, "remove": [...]}``; empty parts left out)."""
        out: dict[str, Any] = {}
        if self.add is not None:
            out["add"] = self.add
        if self.remove is not None:
            out["remove"] = self.remove
        return out

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Patches) and self.dump() == other.dump()

    def __repr__(self) -> str:
        return f"Patches(add={self.add!r}, remove={self.remove!r})"


class FeatureTypePatch:
    """Changes to a feature type: properties and search indexes to add or remove.

    Args:
        external_id: The feature type.
        property_patches: Properties to add and remove.
        search_spec_patches: Search indexes to add and remove.

    Example:
        >>> from cognite.client.data_classes.geospatial import FeatureTypePatch, Patches
        >>> FeatureTypePatch("well", property_patches=Patches(add={"depth": {"type": "DOUBLE"}})).dump()
        {'externalId': 'well', 'update': {'properties': {'add': {'depth': {'type': 'DOUBLE'}}}}}
    """

    def __init__(
        self,
        external_id: str | None = None,
        property_patches: Patches | None = None,
        search_spec_patches: Patches | None = None,
    ) -> None:
        if not isinstance(external_id, str):
            raise TypeError(f"external_id must be a str, not {type(external_id).__name__}")
        for name, value in (("property_patches", property_patches), ("search_spec_patches", search_spec_patches)):
            if value is not None and not isinstance(value, Patches):
                raise TypeError(f"{name} must be Patches, not {type(value).__name__}")
        self.external_id = external_id
        self.property_patches = property_patches
        self.search_spec_patches = search_spec_patches

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump to the wire form ``{"externalId", "update": {"properties": ..., "searchSpec": ...}}``.

        Args:
            camel_case: Kept for uniformity (the wire form is always camelCase).

        Returns:
            The patch.
        """
        update: dict[str, Any] = {}
        if self.property_patches is not None:
            update["properties"] = self.property_patches.dump()
        if self.search_spec_patches is not None:
            update["searchSpec"] = self.search_spec_patches.dump()
        return {"externalId": self.external_id, "update": update}

    def __eq__(self, other: object) -> bool:
        return isinstance(other, FeatureTypePatch) and self.dump() == other.dump()

    def __repr__(self) -> str:
        return f"FeatureTypePatch({self.dump()!r})"


class PropertyAndSearchSpec:
    """Properties and search indexes, given together (e.g. what to remove from a feature type).

    Args:
        properties: Property definitions (name -> definition) or names.
        search_spec: Index definitions (name -> definition) or names.
    """

    def __init__(
        self,
        properties: dict[str, Any] | list[str] | None = None,
        search_spec: dict[str, Any] | list[str] | None = None,
    ) -> None:
        self.properties = properties
        self.search_spec = search_spec

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PropertyAndSearchSpec) and vars(self) == vars(other)

    def __repr__(self) -> str:
        return f"PropertyAndSearchSpec(properties={self.properties!r}, search_spec={self.search_spec!r})"


class OrderSpec:
    """A sort of features: a property and a direction.

    Args:
        property: The property name.
        direction: "ASC" or "DESC".

    Example:
        >>> from cognite.client.data_classes.geospatial import OrderSpec
        >>> OrderSpec("depth", "DESC").dump()
        'depth:DESC'
    """

    def __init__(self, property: str, direction: Literal["ASC", "DESC"] = "ASC") -> None:
        if not isinstance(property, str):
            raise TypeError(f"property must be a str, not {type(property).__name__}")
        if direction not in ("ASC", "DESC"):
            raise ValueError(f"direction must be 'ASC' or 'DESC', not {direction!r}")
        self.property = property
        self.direction = direction

    def dump(self) -> str:
        """The wire form ``"property:DIRECTION"``."""
        return f"{self.property}:{self.direction}"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, OrderSpec) and vars(self) == vars(other)

    def __repr__(self) -> str:
        return f"OrderSpec({self.property!r}, {self.direction!r})"


# ---------------------------------------------------------------------------------------------- features

#: snake_case attribute -> wire name of the fields every feature has.
_FEATURE_FIELDS = {
    "external_id": "externalId",
    "created_time": "createdTime",
    "last_updated_time": "lastUpdatedTime",
    "data_set_id": "dataSetId",
}
_FEATURE_WIRE = {v: k for k, v in _FEATURE_FIELDS.items()}


class FeatureCore:
    """Base of features: an external id and the properties of the feature type, as attributes.

    Args:
        external_id: The external id.
        **properties: The properties (names as the feature type declares them).
    """

    _NEEDS_CLIENT = False

    def __init__(self, external_id: str | None = None, **properties: Any) -> None:
        if external_id is not None and not isinstance(external_id, str):
            raise TypeError(f"external_id must be a str, not {type(external_id).__name__}")
        self.external_id = external_id
        for name, value in properties.items():
            setattr(self, name, value)

    def _property_values(self) -> dict[str, Any]:
        """The properties of the feature type (the fields every feature has left out)."""
        return {k: v for k, v in vars(self).items() if k not in _FEATURE_FIELDS and not k.startswith("_")}

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump to a dictionary: the common fields (camelCase on the wire) and the properties as they are named.

        Args:
            camel_case: Use camelCase names for the common fields (external_id, created_time, ...).

        Returns:
            The feature as a dictionary (None values left out).
        """
        out: dict[str, Any] = {}
        for name, wire in _FEATURE_FIELDS.items():
            value = getattr(self, name, None)
            if value is not None:
                out[wire if camel_case else name] = value
        for name, value in self._property_values().items():
            if value is not None:
                out[name] = value.dump() if hasattr(value, "dump") else value
        return out

    @classmethod
    def load(cls, resource: dict[str, Any] | str, cognite_client: Any = None) -> Any:
        """Load a feature from its wire form (or JSON).

        Args:
            resource: The dictionary or JSON string.
            cognite_client: Unused.

        Returns:
            The feature.
        """
        data = json.loads(resource) if isinstance(resource, str | bytes) else resource
        if not isinstance(data, Mapping):
            raise TypeError(f"A feature loads from a dict, not {type(data).__name__}")
        kwargs = {_FEATURE_WIRE.get(k, k): v for k, v in data.items()}
        return cls._from_kwargs(kwargs)

    @classmethod
    def _from_kwargs(cls, kwargs: dict[str, Any]) -> Any:
        return cls(**kwargs)

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and self.dump() == other.dump()

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in vars(self).items() if v is not None and not k.startswith("_"))
        return f"{type(self).__name__}({args})"

    def dump_yaml(self) -> str:
        """Dump as YAML (a JSON document is valid YAML)."""
        return json.dumps(self.dump(), indent=2)

    def to_pandas(self, camel_case: bool = False, expand_metadata: bool = False) -> pandas.DataFrame:
        """Convert to a one-column pandas DataFrame, one row per field.

        Args:
            camel_case: Use camelCase names for the common fields.
            expand_metadata: Unused (features have no metadata).

        Returns:
            The DataFrame.
        """
        pd = _import_pandas()
        dumped = self.dump(camel_case=camel_case)
        return pd.DataFrame.from_dict({k: [v] for k, v in dumped.items()}, orient="index", columns=["value"])


class FeatureWrite(FeatureCore):
    """A feature to create or update (all its properties are written).

    Args:
        external_id: The external id.
        **properties: The properties, e.g. ``depth=12.5, location={"wkt": "POINT(10 60)"}``.

    Example:
        >>> from cognite.client.data_classes.geospatial import FeatureWrite
        >>> FeatureWrite("w1", depth=1.5).dump()
        {'externalId': 'w1', 'depth': 1.5}
    """

    def __init__(self, external_id: str, **properties: Any) -> None:
        super().__init__(external_id, **properties)

    @classmethod
    def _from_kwargs(cls, kwargs: dict[str, Any]) -> Any:
        kwargs = {k: v for k, v in kwargs.items() if k not in ("created_time", "last_updated_time")}
        return cls(**kwargs)

    def as_write(self) -> FeatureWrite:
        """Return this object (it is already the write form)."""
        return self


class Feature(FeatureCore):
    """A feature: a geospatial item of a feature type, with the type's properties as attributes.

    Args:
        external_id: The external id.
        created_time: When it was created (ms since epoch).
        last_updated_time: When it was last updated (ms since epoch).
        data_set_id: The data set of the feature (from its feature type).
        **properties: The properties.

    Example:
        >>> from cognite.client.data_classes.geospatial import Feature
        >>> f = Feature.load({"externalId": "w1", "createdTime": 5, "depth": 2.0})
        >>> f.depth, f.created_time, f.as_write().dump()
        (2.0, 5, {'externalId': 'w1', 'depth': 2.0})
    """

    def __init__(
        self,
        external_id: str | None = None,
        created_time: int | None = None,
        last_updated_time: int | None = None,
        data_set_id: int | None = None,
        **properties: Any,
    ) -> None:
        super().__init__(external_id, **properties)
        self.created_time = created_time
        self.last_updated_time = last_updated_time
        self.data_set_id = data_set_id

    def as_write(self) -> FeatureWrite:
        """Return the write form (the fields CDF sets left out)."""
        if self.external_id is None:
            raise ValueError("external_id is required to write a feature")
        return FeatureWrite(self.external_id, **self._property_values())


class FeatureListCore:
    """What lists of features have in common: conversion to and from GeoPandas GeoDataFrames (needs geopandas)."""

    data: list[Any]
    _RESOURCE: ClassVar[Any]

    def to_geopandas(self, geometry: str, camel_case: bool = False) -> Any:
        """Convert to a GeoDataFrame, one row per feature.

        Args:
            geometry: The property holding the geometry (``{"wkt": ...}`` values are parsed with shapely).
            camel_case: Use camelCase names for the common fields.

        Returns:
            The GeoDataFrame.
        """
        geopandas = _import_optional("geopandas")
        wkt = _import_optional("shapely.wkt")
        rows = [f.dump(camel_case=camel_case) for f in self.data]
        for row in rows:
            value = row.get(geometry)
            if isinstance(value, dict) and "wkt" in value:
                row[geometry] = wkt.loads(value["wkt"])
        return geopandas.GeoDataFrame(rows, geometry=geometry)

    @classmethod
    def from_geopandas(
        cls,
        feature_type: FeatureType,
        geodataframe: Any,
        external_id_column: str = "externalId",
        property_column_mapping: dict[str, str] | None = None,
        data_set_id_column: str = "dataSetId",
    ) -> Any:
        """Build features of a feature type from a GeoDataFrame (geometries written as well-known text).

        Args:
            feature_type: The feature type (its properties pick the columns).
            geodataframe: The GeoDataFrame.
            external_id_column: The column with the external ids.
            property_column_mapping: Property name -> column name, where they differ.
            data_set_id_column: The column with data set ids (if any).

        Returns:
            The features, as this list class.
        """
        mapping = property_column_mapping or {}
        items = []
        for _, row in geodataframe.iterrows():
            props: dict[str, Any] = {}
            for name, definition in (feature_type.properties or {}).items():
                if name in RESERVED_PROPERTIES:
                    continue
                column = mapping.get(name, name)
                if column not in row:
                    if not definition.get("optional", False):
                        raise ValueError(f"Column {column!r} of required property {name!r} is missing")
                    continue
                value = row[column]
                if hasattr(value, "wkt"):
                    value = {"wkt": value.wkt}
                props[name] = value
            item = cls._RESOURCE(external_id=row[external_id_column], **props)
            if data_set_id_column in row and isinstance(item, Feature):
                item.data_set_id = row[data_set_id_column]
            items.append(item)
        return cls._from_items(items)  # type: ignore[attr-defined]


def _import_optional(name: str) -> Any:
    import importlib

    try:
        return importlib.import_module(name)
    except ImportError:
        from cognite.client.exceptions import CogniteImportError

        raise CogniteImportError(name.split(".")[0]) from None


class FeatureWriteList(FeatureListCore, CogniteResourceList[FeatureWrite], ExternalIDTransformerMixin):  # type: ignore[type-var]
    """A list of features to create or update."""

    _RESOURCE = FeatureWrite  # type: ignore[assignment]

    def as_write(self) -> FeatureWriteList:
        """Return this list (it is already the write form)."""
        return self


class FeatureList(FeatureListCore, CogniteResourceList[Feature], ExternalIDTransformerMixin):  # type: ignore[type-var]
    """A list of features.

    Example:
        >>> from cognite.client.data_classes.geospatial import FeatureList
        >>> FeatureList.load([{"externalId": "a", "depth": 1}]).as_external_ids()
        ['a']
    """

    _RESOURCE = Feature  # type: ignore[assignment]

    def as_write(self) -> FeatureWriteList:
        """Return the write form of every item."""
        return FeatureWriteList._from_items([f.as_write() for f in self.data])


class FeatureAggregate:
    """One row of an aggregate of features: the group-by values and the outputs asked for, as attributes.

    Args:
        **properties: The values, e.g. ``count=3, category="a"``.

    Example:
        >>> from cognite.client.data_classes.geospatial import FeatureAggregate
        >>> FeatureAggregate.load({"count": 3, "category": "a"}).count
        3
    """

    _NEEDS_CLIENT = False

    def __init__(self, **properties: Any) -> None:
        for name, value in properties.items():
            setattr(self, name, value)

    @classmethod
    def load(cls, resource: dict[str, Any] | str, cognite_client: Any = None) -> FeatureAggregate:
        """Load from the wire form.

        Args:
            resource: The dictionary or JSON string.
            cognite_client: Unused.

        Returns:
            The aggregate.
        """
        data = json.loads(resource) if isinstance(resource, str | bytes) else resource
        return cls(**dict(data))

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump to a dictionary.

        Args:
            camel_case: Unused (the names are the ones asked for).

        Returns:
            The values.
        """
        return dict(vars(self))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, FeatureAggregate) and vars(self) == vars(other)

    def __repr__(self) -> str:
        return f"FeatureAggregate({', '.join(f'{k}={v!r}' for k, v in vars(self).items())})"


class FeatureAggregateList(CogniteResourceList[FeatureAggregate]):  # type: ignore[type-var]
    """The rows of an aggregate of features."""

    _RESOURCE = FeatureAggregate  # type: ignore[assignment]


# ---------------------------------------------------------------------------------------------- compute


class GeospatialComputeFunction(ABC):
    """Base of the functions ``compute`` evaluates."""

    @abstractmethod
    def to_json_payload(self) -> dict[str, Any]:
        """The wire form of the function."""


class GeospatialGeometryComputeFunction(GeospatialComputeFunction, ABC):
    """Base of the functions that give a geometry."""


class GeospatialGeometryValueComputeFunction(GeospatialGeometryComputeFunction):
    """A geometry given as extended well-known text (``SRID=4326;POINT(10 60)``).

    Args:
        ewkt: The geometry.

    Example:
        >>> from cognite.client.data_classes.geospatial import GeospatialGeometryValueComputeFunction
        >>> GeospatialGeometryValueComputeFunction("SRID=4326;POINT(1 2)").to_json_payload()
        {'ewkt': 'SRID=4326;POINT(1 2)'}
    """

    def __init__(self, ewkt: str) -> None:
        if not isinstance(ewkt, str):
            raise TypeError(f"ewkt must be a str, not {type(ewkt).__name__}")
        self.ewkt = ewkt

    def to_json_payload(self) -> dict[str, Any]:
        """The wire form ``{"ewkt": ...}``."""
        return {"ewkt": self.ewkt}


class GeospatialGeometryTransformComputeFunction(GeospatialComputeFunction):
    """A geometry transformed into another coordinate reference system.

    Args:
        geospatial_geometry_compute_function: The geometry.
        srid: The reference system to transform it into.

    Example:
        >>> from cognite.client.data_classes.geospatial import (
        ...     GeospatialGeometryTransformComputeFunction, GeospatialGeometryValueComputeFunction)
        >>> GeospatialGeometryTransformComputeFunction(
        ...     GeospatialGeometryValueComputeFunction("SRID=4326;POINT(1 2)"), srid=3857).to_json_payload()
        {'stTransform': {'geometry': {'ewkt': 'SRID=4326;POINT(1 2)'}, 'srid': 3857}}
    """

    def __init__(self, geospatial_geometry_compute_function: GeospatialComputeFunction, srid: int) -> None:
        if not isinstance(geospatial_geometry_compute_function, GeospatialComputeFunction):
            raise TypeError("geospatial_geometry_compute_function must be a GeospatialComputeFunction")
        if isinstance(srid, bool) or not isinstance(srid, int):
            raise TypeError(f"srid must be an int, not {type(srid).__name__}")
        self.geospatial_geometry_compute_function = geospatial_geometry_compute_function
        self.srid = srid

    def to_json_payload(self) -> dict[str, Any]:
        """The wire form ``{"stTransform": {"geometry": ..., "srid": ...}}``."""
        return {
            "stTransform": {"geometry": self.geospatial_geometry_compute_function.to_json_payload(), "srid": self.srid}
        }


class GeospatialComputedItem(CogniteResource):
    """One computed item: output name -> value.

    Args:
        resource: The outputs.
    """

    resource: dict[str, Any]

    @classmethod
    def load(cls, resource: dict[str, Any] | str, cognite_client: Any = None) -> GeospatialComputedItem:
        """Load from the wire form (the outputs).

        Args:
            resource: The dictionary or JSON string.
            cognite_client: Unused.

        Returns:
            The item.
        """
        data = json.loads(resource) if isinstance(resource, str | bytes) else resource
        return cls(resource=dict(data))

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Return the outputs."""
        return dict(self.resource)


class GeospatialComputedItemList(CogniteResourceList[GeospatialComputedItem]):
    """The items computed."""

    _RESOURCE = GeospatialComputedItem


class GeospatialComputedResponse:
    """What ``compute`` answers: the computed items.

    Args:
        computed_item_list: The items.

    Example:
        >>> from cognite.client.data_classes.geospatial import GeospatialComputedResponse
        >>> res = GeospatialComputedResponse.load({"items": [{"value": {"wkt": "POINT(1 2)", "srid": 4326}}]})
        >>> res.items[0].resource["value"]["wkt"]
        'POINT(1 2)'
    """

    def __init__(self, computed_item_list: GeospatialComputedItemList) -> None:
        self.computed_item_list = computed_item_list

    @property
    def items(self) -> GeospatialComputedItemList:
        """The computed items."""
        return self.computed_item_list

    @classmethod
    def load(cls, resource: dict[str, Any] | str, cognite_client: Any = None) -> GeospatialComputedResponse:
        """Load from the wire form ``{"items": [...]}``.

        Args:
            resource: The dictionary or JSON string.
            cognite_client: The client to attach.

        Returns:
            The response.
        """
        data = json.loads(resource) if isinstance(resource, str | bytes) else resource
        items = [GeospatialComputedItem.load(x) for x in data.get("items", [])]
        return cls(GeospatialComputedItemList._from_items(items, cognite_client))

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump to the wire form ``{"items": [...]}``."""
        return {"items": [x.dump() for x in self.computed_item_list]}

    def __repr__(self) -> str:
        return f"GeospatialComputedResponse({self.dump()!r})"


# ---------------------------------------------------------------------------------------------- rasters


class RasterMetadata:
    """What CDF reports about a raster it stored: size, bands, reference system, scale and origin.

    Args:
        **properties: The values, e.g. ``srid=3857, width=2, height=2``.

    Example:
        >>> from cognite.client.data_classes.geospatial import RasterMetadata
        >>> RasterMetadata.load({"srid": 3857, "width": 2, "height": 3, "scaleX": 1.0}).scale_x
        1.0
    """

    def __init__(self, **properties: Any) -> None:
        for name, value in properties.items():
            setattr(self, name, value)

    @classmethod
    def load(cls, data: dict[str, Any] | str, cognite_client: Any = None) -> RasterMetadata:
        """Load from the wire form (camelCase names become snake_case attributes).

        Args:
            data: The dictionary or JSON string.
            cognite_client: Unused.

        Returns:
            The metadata.
        """
        from cognite.client.utils._text import to_snake_case as _to_snake

        raw = json.loads(data) if isinstance(data, str | bytes) else data
        return cls(**{_to_snake(k): v for k, v in raw.items()})

    def dump(self, camel_case: bool = True) -> dict[str, Any]:
        """Dump to a dictionary.

        Args:
            camel_case: Use camelCase names.

        Returns:
            The values.
        """
        from cognite.client.data_classes._base import _to_camel

        return {(_to_camel(k) if camel_case else k): v for k, v in vars(self).items()}

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RasterMetadata) and vars(self) == vars(other)

    def __repr__(self) -> str:
        return f"RasterMetadata({', '.join(f'{k}={v!r}' for k, v in vars(self).items())})"


def _features_of(items: Iterable[Any] | Any) -> list[Any]:
    """The features given as one feature, a list of them, or a feature list."""
    if isinstance(items, FeatureCore):
        return [items]
    if isinstance(items, Sequence | CogniteResourceList) and not isinstance(items, str):
        out = list(items)
        for x in out:
            if not isinstance(x, FeatureCore):
                raise TypeError(f"feature must contain Feature or FeatureWrite objects, not {type(x).__name__}")
        return out
    raise TypeError(f"feature must be a Feature, a FeatureWrite or a list of them, not {type(items).__name__}")
