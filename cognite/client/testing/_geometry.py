"""Small geometry helpers of the emulator: bounding boxes of GeoJSON and (E)WKT geometries, WKT from GeoJSON, and the
one transform it knows (WGS 84 longitude/latitude, EPSG:4326, to and from Web Mercator, EPSG:3857).

Spatial filters of the emulator compare bounding boxes only (an intersection of boxes is an intersection); exact
geometry operations are not emulated.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from typing import Any

__all__ = ["BBox", "bbox", "geojson_to_wkt", "parse_ewkt", "transform_wkt"]

BBox = tuple[float, float, float, float]
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_EWKT = re.compile(r"^\s*SRID=(\d+)\s*;\s*(.*)$", re.DOTALL | re.IGNORECASE)
_WKT_TYPE = re.compile(r"^\s*([A-Za-z]+)\s*(Z|M|ZM)?\s*\(", re.IGNORECASE)
_EARTH = 6378137.0


def parse_ewkt(text: str) -> tuple[int | None, str]:
    """Split ``SRID=4326;POINT(1 2)`` into ``(4326, "POINT(1 2)")`` (no SRID: ``(None, text)``)."""
    match = _EWKT.match(text)
    if match is None:
        return None, text.strip()
    return int(match.group(1)), match.group(2).strip()


def _dimensions(wkt: str) -> int:
    match = _WKT_TYPE.match(wkt)
    flag = (match.group(2) or "").upper() if match else ""
    return 2 + len(flag)


def _coordinates(geometry: Any) -> Iterator[tuple[float, float]]:
    """The (x, y) of every position of a geometry: ``{"wkt"}``, an (E)WKT string, or GeoJSON (any nesting)."""
    if isinstance(geometry, str):
        _, wkt = parse_ewkt(geometry)
        body = wkt[wkt.find("(") :] if "(" in wkt else ""
        for group in body.replace("(", ",").replace(")", ",").split(","):
            values = [float(n) for n in _NUMBER.findall(group)]
            if len(values) >= 2:
                yield values[0], values[1]
        return
    if isinstance(geometry, dict):
        if "wkt" in geometry:
            yield from _coordinates(geometry["wkt"])
        elif geometry.get("type") == "Feature":
            yield from _coordinates(geometry.get("geometry"))
        elif "geometries" in geometry:
            for part in geometry.get("geometries") or []:
                yield from _coordinates(part)
        elif "coordinates" in geometry:
            yield from _positions(geometry["coordinates"])


def _positions(value: Any) -> Iterator[tuple[float, float]]:
    if isinstance(value, list) and value and all(isinstance(v, int | float) for v in value):
        if len(value) >= 2:
            yield float(value[0]), float(value[1])
    elif isinstance(value, list):
        for v in value:
            yield from _positions(v)


def bbox(geometry: Any) -> BBox | None:
    """The bounding box ``(min x, min y, max x, max y)`` of a geometry, or None when it has no positions."""
    points = list(_coordinates(geometry))
    if not points:
        return None
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def intersects(a: BBox | None, b: BBox | None) -> bool:
    """Whether two boxes share a point."""
    if a is None or b is None:
        return False
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def within(inner: BBox | None, outer: BBox | None) -> bool:
    """Whether a box lies inside another (boundaries included)."""
    if inner is None or outer is None:
        return False
    return outer[0] <= inner[0] and outer[1] <= inner[1] and inner[2] <= outer[2] and inner[3] <= outer[3]


def _fmt(value: float) -> str:
    return repr(float(value)).removesuffix(".0") if float(value).is_integer() else repr(float(value))


def _geojson_coords(value: Any, depth: int) -> str:
    if depth == 0:
        return " ".join(_fmt(v) for v in value)
    return "(" + ",".join(_geojson_coords(v, depth - 1) for v in value) + ")"


_DEPTH = {"Point": 0, "MultiPoint": 1, "LineString": 1, "MultiLineString": 2, "Polygon": 2, "MultiPolygon": 3}


def geojson_to_wkt(geometry: dict[str, Any]) -> str:
    """Well-known text of a GeoJSON geometry (Point ... MultiPolygon, GeometryCollection)."""
    kind = geometry.get("type")
    if kind == "GeometryCollection":
        return "GEOMETRYCOLLECTION(" + ",".join(geojson_to_wkt(g) for g in geometry.get("geometries", [])) + ")"
    if kind not in _DEPTH:
        raise ValueError(f"Unsupported GeoJSON geometry type {kind!r}")
    coords = geometry.get("coordinates")
    depth = _DEPTH[kind]
    if depth == 0:
        return f"POINT({_geojson_coords(coords, 0)})"
    inner = _geojson_coords(coords, depth)
    return f"{kind.upper()}{inner}"


def _to_mercator(x: float, y: float) -> tuple[float, float]:
    return math.radians(x) * _EARTH, math.log(math.tan(math.pi / 4 + math.radians(y) / 2)) * _EARTH


def _to_lonlat(x: float, y: float) -> tuple[float, float]:
    return math.degrees(x / _EARTH), math.degrees(2 * math.atan(math.exp(y / _EARTH)) - math.pi / 2)


def transform_wkt(wkt: str, source: int, target: int) -> str:
    """Transform the positions of a WKT geometry between EPSG:4326 and EPSG:3857 (or keep them, same SRIDs).

    Raises:
        ValueError: Any other pair of reference systems.
    """
    if source == target:
        return wkt
    if (source, target) == (4326, 3857):
        fn = _to_mercator
    elif (source, target) == (3857, 4326):
        fn = _to_lonlat
    else:
        raise ValueError(f"The emulator transforms only between SRID 4326 and 3857, not {source} -> {target}")
    dims = _dimensions(wkt)

    def convert(match: re.Match[str]) -> str:
        values = [float(n) for n in _NUMBER.findall(match.group(0))]
        x, y = fn(values[0], values[1])
        rest = values[2:dims] if dims > 2 else values[2:]
        return " ".join(_fmt(round(v, 9)) for v in (x, y, *rest))

    position = re.compile(r"[-+]?[\d.]+(?:[eE][-+]?\d+)?(?:\s+[-+]?[\d.]+(?:[eE][-+]?\d+)?)+")
    head, paren, body = wkt.partition("(")
    return head + paren + position.sub(convert, body)
