"""The emulator's check of annotation ``data`` against its ``annotationType``, as CDF checks it.

Each annotation type is a table row: its fields, which are required, and the shape of each (the spec's
``Annotations.*`` schemas, written out so that the emulator needs no spec file). Unknown fields are refused, as the
spec's ``additionalProperties: false`` says.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from cognite.client.testing._errors import CDFError

__all__ = ["ANNOTATION_TYPES", "check_annotation_data"]

Check = Callable[[Any, str], None]


def _fail(path: str, message: str) -> None:
    raise CDFError(400, f"Invalid annotation data: {path} {message}")


def number(lo: float | None = None, hi: float | None = None) -> Check:
    def check(value: Any, path: str) -> None:
        if isinstance(value, bool) or not isinstance(value, int | float):
            _fail(path, f"must be a number, got {value!r}")
        if (lo is not None and value < lo) or (hi is not None and value > hi):
            _fail(path, f"must be between {lo} and {hi}, got {value!r}")

    return check


def integer(lo: int | None = None, hi: int | None = None) -> Check:
    def check(value: Any, path: str) -> None:
        if isinstance(value, bool) or not isinstance(value, int):
            _fail(path, f"must be an integer, got {value!r}")
        number(lo, hi)(value, path)

    return check


def string(min_len: int = 1, max_len: int = 128, pattern: str | None = None) -> Check:
    regex = re.compile(pattern) if pattern else None

    def check(value: Any, path: str) -> None:
        if not isinstance(value, str):
            _fail(path, f"must be a string, got {value!r}")
        if not min_len <= len(value) <= max_len:
            _fail(path, f"must have {min_len} to {max_len} characters")
        if regex is not None and not regex.match(value):
            _fail(path, f"does not match {regex.pattern}")

    return check


def boolean(value: Any, path: str) -> None:
    if not isinstance(value, bool):
        _fail(path, f"must be a boolean, got {value!r}")


def enum(*allowed: str) -> Check:
    def check(value: Any, path: str) -> None:
        if value not in allowed:
            _fail(path, f"must be one of {list(allowed)}, got {value!r}")

    return check


def array(item: Check, min_items: int = 0, max_items: int = 1000) -> Check:
    def check(value: Any, path: str) -> None:
        if not isinstance(value, list):
            _fail(path, "must be an array")
        if not min_items <= len(value) <= max_items:
            _fail(path, f"must have {min_items} to {max_items} items")
        for i, v in enumerate(value):
            item(v, f"{path}[{i}]")

    return check


def mapping(item: Check) -> Check:
    def check(value: Any, path: str) -> None:
        if not isinstance(value, dict):
            _fail(path, "must be an object")
        for k, v in value.items():
            item(v, f"{path}.{k}")

    return check


def obj(fields: Mapping[str, Check], required: tuple[str, ...] = (), one_of: tuple[str, ...] = ()) -> Check:
    """An object with exactly these fields (``required`` ones present; ``one_of``: exactly one of these)."""

    def check(value: Any, path: str) -> None:
        if not isinstance(value, dict):
            _fail(path, "must be an object")
        unknown = sorted(set(value) - set(fields))
        if unknown:
            _fail(path, f"has unknown field(s) {unknown}")
        for name in required:
            if value.get(name) is None:
                _fail(path, f"lacks the required field '{name}'")
        if one_of and sum(value.get(n) is not None for n in one_of) != 1:
            _fail(path, f"needs exactly one of {list(one_of)}")
        for name, v in value.items():
            if v is not None:
                fields[name](v, f"{path}.{name}")

    return check


CONFIDENCE = number(0, 1)
UNIT = number(0, 1)
LABEL = string()
TEXT = string()
DESCRIPTION = string(0, 500)
PAGE = integer(1, 100000)
SPACE = string(1, 43, r"^[a-zA-Z][a-zA-Z0-9_-]{0,41}[a-zA-Z0-9]?$")
POINT = obj({"x": UNIT, "y": UNIT, "confidence": CONFIDENCE}, ("x", "y"))
BOX = obj(
    {"xMin": UNIT, "xMax": UNIT, "yMin": UNIT, "yMax": UNIT, "confidence": CONFIDENCE}, ("xMin", "xMax", "yMin", "yMax")
)
POLYGON = obj({"vertices": array(POINT, 3), "confidence": CONFIDENCE}, ("vertices",))
POLYLINE = obj({"vertices": array(POINT, 2), "confidence": CONFIDENCE}, ("vertices",))
GEOMETRY = obj({"boundingBox": BOX, "polygon": POLYGON, "polyline": POLYLINE})
REF = obj({"id": integer(), "externalId": string(1, 256)}, one_of=("id", "externalId"))
ATTRIBUTE = obj(
    {"type": enum("boolean", "numerical"), "value": lambda v, p: None, "description": DESCRIPTION}, ("type", "value")
)


def _attribute(value: Any, path: str) -> None:
    ATTRIBUTE(value, path)
    (boolean if value["type"] == "boolean" else number())(value["value"], f"{path}.value")


ATTRIBUTES = mapping(_attribute)
KEYPOINT = obj({"point": POINT, "confidence": CONFIDENCE, "attributes": ATTRIBUTES}, ("point",))
VIEW = obj(
    {"type": enum("view"), "space": SPACE, "externalId": string(1, 255), "version": string(1, 43)},
    ("type", "space", "externalId", "version"),
)
INSTANCE_REF = obj(
    {"sources": array(VIEW, 0, 10), "instanceType": enum("node", "edge"), "externalId": string(1, 255), "space": SPACE},
    ("sources", "instanceType", "externalId", "space"),
)
VECTOR3 = array(number(), 3, 3)
GEOMETRY3D = obj(
    {
        "cylinder": obj(
            {"label": LABEL, "confidence": CONFIDENCE, "centerA": VECTOR3, "centerB": VECTOR3, "radius": number(0)},
            ("centerA", "centerB", "radius"),
        ),
        "box": obj({"label": LABEL, "confidence": CONFIDENCE, "matrix": array(number(), 16, 16)}, ("matrix",)),
    }
)
_DIAGRAM_LINK = {"description": DESCRIPTION, "pageNumber": PAGE, "symbolRegion": BOX, "textRegion": BOX}

#: annotationType -> the check of its ``data``.
ANNOTATION_TYPES: dict[str, Check] = {
    "images.Classification": obj({"label": LABEL, "confidence": CONFIDENCE}, ("label",)),
    "images.ObjectDetection": obj(
        {
            "label": LABEL,
            "confidence": CONFIDENCE,
            "attributes": ATTRIBUTES,
            "boundingBox": BOX,
            "polygon": POLYGON,
            "polyline": POLYLINE,
        },
        ("label",),
        one_of=("boundingBox", "polygon", "polyline"),
    ),
    "images.TextRegion": obj({"text": TEXT, "textRegion": BOX, "confidence": CONFIDENCE}, ("text", "textRegion")),
    "images.AssetLink": obj(
        {"text": TEXT, "textRegion": BOX, "assetRef": REF, "confidence": CONFIDENCE, "objectRegion": GEOMETRY},
        ("assetRef", "text", "textRegion"),
    ),
    "images.InstanceLink": obj(
        {
            "text": TEXT,
            "textRegion": BOX,
            "instanceRef": INSTANCE_REF,
            "confidence": CONFIDENCE,
            "objectRegion": GEOMETRY,
        },
        ("instanceRef", "text", "textRegion"),
    ),
    "images.KeypointCollection": obj(
        {"label": LABEL, "keypoints": mapping(KEYPOINT), "attributes": ATTRIBUTES, "confidence": CONFIDENCE},
        ("label", "keypoints"),
    ),
    "diagrams.AssetLink": obj(
        {**_DIAGRAM_LINK, "assetRef": REF, "text": TEXT, "symbol": TEXT}, ("assetRef", "textRegion")
    ),
    "diagrams.FileLink": obj(
        {**_DIAGRAM_LINK, "fileRef": REF, "text": TEXT, "symbol": TEXT}, ("fileRef", "textRegion")
    ),
    "diagrams.InstanceLink": obj(
        {**_DIAGRAM_LINK, "instanceRef": INSTANCE_REF, "text": TEXT, "symbol": TEXT},
        ("instanceRef", "text", "textRegion"),
    ),
    "diagrams.UnhandledTextObject": obj(
        {"description": DESCRIPTION, "pageNumber": PAGE, "textRegion": BOX, "text": TEXT}, ("textRegion", "text")
    ),
    "diagrams.UnhandledSymbolObject": obj(
        {"description": DESCRIPTION, "pageNumber": PAGE, "symbolRegion": BOX, "symbol": TEXT},
        ("symbolRegion", "symbol"),
    ),
    "diagrams.Line": obj({"label": LABEL, "pageNumber": PAGE, "polyline": POLYLINE}, ("label", "polyline")),
    "diagrams.Junction": obj({"pageNumber": PAGE, "position": POINT}, ("position",)),
    "documents.ExtractedText": obj(
        {"pageNumber": PAGE, "textRegion": BOX, "extractedText": string(1, 1024)}, ("textRegion", "extractedText")
    ),
    "forms.Detection": obj(
        {
            "confidence": CONFIDENCE,
            "pageNumber": PAGE,
            "boundingBox": BOX,
            "componentType": TEXT,
            "componentName": TEXT,
            "fieldName": TEXT,
            "value": string(0),
            "valueUnnormalized": string(0),
            "unit": TEXT,
        },
        ("boundingBox", "fieldName", "value"),
    ),
    "pointcloud.BoundingVolume": obj(
        {
            "label": LABEL,
            "confidence": CONFIDENCE,
            "instanceRef": INSTANCE_REF,
            "assetRef": REF,
            "region": array(GEOMETRY3D, 1),
        },
        ("region",),
    ),
    "isoplan.IsoPlanAnnotation": lambda value, path: obj({k: lambda v, p: None for k in value or {}})(value, path),
}


def check_annotation_data(annotation_type: Any, data: Any) -> None:
    """Check ``data`` against its annotation type; raise a 400 CDFError naming what is wrong.

    Args:
        annotation_type: The ``annotationType``.
        data: The ``data``.
    """
    check = ANNOTATION_TYPES.get(annotation_type) if isinstance(annotation_type, str) else None
    if check is None:
        raise CDFError(400, f"Unknown annotationType {annotation_type!r}; known: {sorted(ANNOTATION_TYPES)}")
    check(data, "data")
    for region in ("boundingBox", "textRegion", "symbolRegion"):
        box = data.get(region)
        if isinstance(box, dict) and (box["xMin"] > box["xMax"] or box["yMin"] > box["yMax"]):
            _fail(f"data.{region}", "has a minimum above its maximum")
