"""The building blocks of annotation data: points, boxes, polygons, keypoints, attributes and resource refs.

All coordinates are relative to the image or page: numbers from 0 to 1.
"""

from __future__ import annotations

from typing import Any, Literal

from cognite.client.data_classes._base import CogniteObject, CogniteResource


def _unit(value: float | None, name: str) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1):
        raise ValueError(f"{name} must be a number from 0 to 1, got {value!r}")


class VisionResource(CogniteObject):
    """Base of the annotation-data classes: dumps to the wire shape (camelCase) and to pandas."""

    def to_pandas(self, camel_case: bool = False, expand_metadata: bool = False) -> Any:
        """Convert to a one-column pandas DataFrame, one row per field.

        Args:
            camel_case: Use camelCase row names.
            expand_metadata: Unused (kept for compatibility).

        Returns:
            The DataFrame.
        """
        return super().to_pandas(camel_case=camel_case, expand_metadata=expand_metadata)


class Point(VisionResource):
    """A point, relative to the image (0 to 1).

    Args:
        x: The x coordinate.
        y: The y coordinate.

    Example:
        >>> from cognite.client.data_classes.annotation_types.primitives import Point
        >>> Point(x=0.5, y=0.25).dump()
        {'x': 0.5, 'y': 0.25}
    """

    x: float
    y: float

    def __post_init__(self) -> None:
        _unit(self.x, "x")
        _unit(self.y, "y")


class BoundingBox(VisionResource):
    """An axis-aligned box, relative to the image (0 to 1).

    Args:
        x_min: Left edge.
        x_max: Right edge.
        y_min: Top edge.
        y_max: Bottom edge.

    Example:
        >>> from cognite.client.data_classes.annotation_types.primitives import BoundingBox
        >>> BoundingBox(x_min=0.1, x_max=0.2, y_min=0.3, y_max=0.4).dump()
        {'xMin': 0.1, 'xMax': 0.2, 'yMin': 0.3, 'yMax': 0.4}
    """

    x_min: float
    x_max: float
    y_min: float
    y_max: float

    def __post_init__(self) -> None:
        for name in ("x_min", "x_max", "y_min", "y_max"):
            _unit(getattr(self, name), name)
        if self.x_min > self.x_max or self.y_min > self.y_max:
            raise ValueError("x_min/y_min must not be greater than x_max/y_max")


class CdfResourceRef(VisionResource):
    """A reference to a CDF resource (an asset, a file) by id or external id.

    Args:
        id: The internal id.
        external_id: The external id.
    """

    id: int | None = None
    external_id: str | None = None


class Polygon(VisionResource):
    """A closed polygon (at least 3 vertices).

    Args:
        vertices: The corners.
    """

    vertices: list[Point]


class Polyline(VisionResource):
    """An open line through points (at least 2 vertices).

    Args:
        vertices: The points.
    """

    vertices: list[Point]


class Keypoint(VisionResource):
    """A named point of a keypoint collection.

    Args:
        point: Where it is.
        confidence: Confidence from 0 to 1.
    """

    point: Point
    confidence: float | None = None


class Attribute(VisionResource):
    """An attribute of a detection: a boolean or a number.

    Args:
        type: "boolean" or "numerical".
        value: The value.
        description: What it means.
    """

    type: Literal["boolean", "numerical"]
    value: bool | float
    description: str | None = None


__all__ = [
    "Attribute",
    "BoundingBox",
    "CdfResourceRef",
    "CogniteResource",
    "Keypoint",
    "Point",
    "Polygon",
    "Polyline",
    "VisionResource",
]
