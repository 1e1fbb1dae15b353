"""Small data classes shared by several resource families: time ranges, aggregate results, geo locations.

Example:
    >>> from cognite.client.data_classes.shared import Geometry, GeoLocation, TimestampRange
    >>> TimestampRange(min=0, max=1000).dump()
    {'max': 1000, 'min': 0}
    >>> GeoLocation("Feature", Geometry("Point", [10.7, 59.9])).dump()
    {'type': 'Feature', 'geometry': {'type': 'Point', 'coordinates': [10.7, 59.9]}}
"""

from __future__ import annotations

from typing import Any

from cognite.client.data_classes._base import CogniteFilter, CogniteObject, CogniteResource, UnknownCogniteResource

__all__ = [
    "AggregateResult",
    "AggregateUniqueValuesResult",
    "CogniteFilter",
    "CogniteResource",
    "GeoLocation",
    "GeoLocationFilter",
    "Geometry",
    "GeometryFilter",
    "TimestampRange",
    "UnknownCogniteResource",
]

GEOMETRY_TYPES = frozenset(
    {"Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection"}
)
SHAPE_TYPES = frozenset({"Point", "LineString", "Polygon", "MultiLineString", "MultiPolygon"})
GEO_RELATIONS = frozenset({"INTERSECTS", "DISJOINT", "WITHIN"})


class TimestampRange(CogniteObject):
    """A range between two timestamps, both inclusive, in milliseconds since epoch.

    Args:
        max: The largest timestamp (inclusive).
        min: The smallest timestamp (inclusive).

    Example:
        >>> from cognite.client.data_classes.shared import TimestampRange
        >>> TimestampRange(min=1_600_000_000_000).dump()
        {'min': 1600000000000}
    """

    max: int | None = None
    min: int | None = None

    def __post_init__(self) -> None:
        for name in ("max", "min"):
            value = getattr(self, name)
            if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
                raise TypeError(f"TimestampRange.{name} must be an int (ms since epoch), not {type(value).__name__}")


class AggregateResult(CogniteResource):
    """The result of a count aggregate.

    Args:
        count: The number of items.

    Example:
        >>> from cognite.client.data_classes.shared import AggregateResult
        >>> AggregateResult.load({"count": 10}).count
        10
    """

    count: int


class AggregateUniqueValuesResult(CogniteResource):
    """One bucket of a unique-values aggregate: a value and how many items have it.

    Args:
        count: The number of items with the value.
        value: The value.

    Example:
        >>> from cognite.client.data_classes.shared import AggregateUniqueValuesResult
        >>> AggregateUniqueValuesResult.load({"count": 3, "value": "pump"}).value
        'pump'
    """

    count: int
    value: int | str | None = None


class Geometry(CogniteObject):
    """A GeoJSON geometry.

    Args:
        type: One of Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon, GeometryCollection.
        coordinates: The coordinates (nested lists of numbers); not used by GeometryCollection.
        geometries: The geometries of a GeometryCollection.

    Example:
        >>> from cognite.client.data_classes.shared import Geometry
        >>> Geometry("LineString", [[0, 0], [1, 1]]).dump()
        {'type': 'LineString', 'coordinates': [[0, 0], [1, 1]]}
    """

    type: str
    coordinates: list[Any] | None = None
    geometries: list[Geometry] | None = None

    def __post_init__(self) -> None:
        if self.type not in GEOMETRY_TYPES:
            raise ValueError(f"Geometry.type must be one of {sorted(GEOMETRY_TYPES)}, not {self.type!r}")
        if self.geometries is not None:
            self.geometries = [g if isinstance(g, Geometry) else Geometry.load(g) for g in self.geometries]


class GeoLocation(CogniteObject):
    """Geographic metadata of a resource: a GeoJSON Feature.

    Args:
        type: The GeoJSON type; only "Feature" is supported.
        geometry: The geometry.
        properties: Extra properties of the feature.

    Example:
        >>> from cognite.client.data_classes.shared import GeoLocation, Geometry
        >>> GeoLocation.load({"type": "Feature", "geometry": {"type": "Point", "coordinates": [1, 2]}}).geometry.type
        'Point'
    """

    type: str
    geometry: Geometry
    properties: dict[str, Any] | None = None

    def __post_init__(self) -> None:
        if self.type != "Feature":
            raise ValueError(f"GeoLocation.type must be 'Feature', not {self.type!r}")
        if isinstance(self.geometry, dict):
            self.geometry = Geometry.load(self.geometry)
        elif not isinstance(self.geometry, Geometry):
            raise TypeError(f"GeoLocation.geometry must be a Geometry, not {type(self.geometry).__name__}")


class GeometryFilter(CogniteFilter):
    """The shape of a geo-location filter.

    Args:
        type: One of Point, LineString, Polygon, MultiLineString, MultiPolygon.
        coordinates: The coordinates.

    Example:
        >>> from cognite.client.data_classes.shared import GeometryFilter
        >>> GeometryFilter("Point", [10.7, 59.9]).dump()
        {'type': 'Point', 'coordinates': [10.7, 59.9]}
    """

    type: str
    coordinates: list[Any]

    def __post_init__(self) -> None:
        if self.type not in SHAPE_TYPES:
            raise ValueError(f"GeometryFilter.type must be one of {sorted(SHAPE_TYPES)}, not {self.type!r}")

    @classmethod
    def load(cls, resource: dict[str, Any]) -> GeometryFilter:
        """Load from ``{"type": ..., "coordinates": ...}``.

        Args:
            resource: The dictionary.

        Returns:
            The geometry filter.
        """
        if not isinstance(resource, dict):
            raise TypeError(f"resource must be a dict, not {type(resource).__name__}")
        return cls(type=resource["type"], coordinates=resource["coordinates"])


class GeoLocationFilter(CogniteFilter):
    """Match resources whose geo location has the given relation to a shape.

    Args:
        relation: "INTERSECTS", "DISJOINT" or "WITHIN" (any case).
        shape: The shape to compare with.

    Example:
        >>> from cognite.client.data_classes.shared import GeoLocationFilter, GeometryFilter
        >>> GeoLocationFilter("within", GeometryFilter("Polygon", [[[0, 0], [0, 1], [1, 1], [0, 0]]])).dump()["relation"]
        'WITHIN'
    """

    relation: str
    shape: GeometryFilter

    def __post_init__(self) -> None:
        if not isinstance(self.relation, str) or self.relation.upper() not in GEO_RELATIONS:
            raise ValueError(
                f"GeoLocationFilter.relation must be one of {sorted(GEO_RELATIONS)}, not {self.relation!r}"
            )
        self.relation = self.relation.upper()
        if isinstance(self.shape, dict):
            self.shape = GeometryFilter.load(self.shape)
        elif not isinstance(self.shape, GeometryFilter):
            raise TypeError(f"GeoLocationFilter.shape must be a GeometryFilter, not {type(self.shape).__name__}")
