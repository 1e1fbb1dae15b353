"""Annotation data of images: object detections, text regions, asset links and keypoint collections."""

from __future__ import annotations

from cognite.client.data_classes.annotation_types.primitives import (
    Attribute,
    BoundingBox,
    CdfResourceRef,
    Keypoint,
    Polygon,
    Polyline,
    VisionResource,
)


class ObjectDetection(VisionResource):
    """An object found in an image (``images.ObjectDetection``), with one shape.

    Args:
        label: What the object is.
        confidence: Confidence from 0 to 1.
        attributes: Named attributes.
        bounding_box: Its box.
        polygon: Its outline.
        polyline: A line along it.

    Example:
        >>> from cognite.client.data_classes.annotation_types.images import ObjectDetection
        >>> from cognite.client.data_classes.annotation_types.primitives import BoundingBox
        >>> ObjectDetection(label="pump", bounding_box=BoundingBox(0.1, 0.2, 0.1, 0.2)).dump()
        {'label': 'pump', 'boundingBox': {'xMin': 0.1, 'xMax': 0.2, 'yMin': 0.1, 'yMax': 0.2}}
    """

    label: str
    confidence: float | None = None
    attributes: dict[str, Attribute] | None = None
    bounding_box: BoundingBox | None = None
    polygon: Polygon | None = None
    polyline: Polyline | None = None


class TextRegion(VisionResource):
    """Text found in an image (``images.TextRegion``).

    Args:
        text: The text.
        text_region: Where it is.
        confidence: Confidence from 0 to 1.
    """

    text: str
    text_region: BoundingBox
    confidence: float | None = None


class AssetLink(VisionResource):
    """Text in an image that names an asset (``images.AssetLink``).

    Args:
        text: The text.
        text_region: Where the text is.
        asset_ref: The asset.
        confidence: Confidence from 0 to 1.
    """

    text: str
    text_region: BoundingBox
    asset_ref: CdfResourceRef
    confidence: float | None = None


class KeypointCollection(VisionResource):
    """Named keypoints of one object (``images.KeypointCollection``), e.g. the needle of a gauge.

    Args:
        label: What the collection describes.
        keypoints: The keypoints by name.
        attributes: Named attributes.
        confidence: Confidence from 0 to 1.
    """

    label: str
    keypoints: dict[str, Keypoint]
    attributes: dict[str, Attribute] | None = None
    confidence: float | None = None


class KeypointCollectionWithObjectDetection(VisionResource):
    """An object and its keypoints (the predictions of gauge and valve detection).

    Args:
        object_detection: The object.
        keypoint_collection: Its keypoints.
    """

    object_detection: ObjectDetection | None = None
    keypoint_collection: KeypointCollection | None = None


__all__ = [
    "AssetLink",
    "Attribute",
    "BoundingBox",
    "CdfResourceRef",
    "Keypoint",
    "KeypointCollection",
    "KeypointCollectionWithObjectDetection",
    "ObjectDetection",
    "Polygon",
    "Polyline",
    "TextRegion",
    "VisionResource",
]
