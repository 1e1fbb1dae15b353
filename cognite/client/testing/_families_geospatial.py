"""Emulator table entry for geospatial: coordinate reference systems, feature types, features, compute, rasters.

What the emulator does:

- Reference systems: the standard ones it knows (4326, 3857, 25832, 23031) plus custom ones a project creates (SRIDs
  no standard system uses); only custom ones can be deleted.
- Feature types: external ids as the spec's pattern says; property types from the spec's list; CDF's own properties
  (``externalId``, ``createdTime``, ``lastUpdatedTime``) and their indexes are added; patches add and remove
  properties and indexes. A feature type with features is deleted only with ``recursive``.
- Features: every property is checked against its feature type (unknown properties, missing required ones, the JSON
  type of each value, string sizes, geometry kinds and reference systems). Geometries are taken as ``{"wkt"}``
  (EWKT with ``SRID=`` allowed) or GeoJSON and stored and answered as ``{"wkt": ...}``; a geometry in another
  reference system is refused unless ``allowCrsTransformation``, and then only 4326 <-> 3857 is transformed.
  ``output.properties`` selects the properties answered; ``geometryFormat`` is not applied (always WKT).
- Filters: ``and``, ``or``, ``not``, ``equals``, ``missing``, ``like`` (``%``/``_``), ``regex``, ``range``, ``in``,
  ``containsAny``, and the spatial ``stIntersects``, ``stIntersects3d``, ``stWithin``, ``stWithinProperly``,
  ``stContains``, ``stContainsProperly``, compared by bounding box only (exact geometry operations and
  ``stWithinDistance`` are not emulated: 400). Search sorts by ``"property:ASC|DESC"``.
- Aggregates: ``output`` of ``count``, ``min``, ``max``, ``sum``, ``avg``, ``variance`` per ``groupBy`` group, sorted by
  ``sort``; the spatial aggregates (``stCentroid``, ``stUnion``...) are not emulated (400).
- Streaming search answers newline-delimited JSON to ``Accept: application/json-seq``.
- Compute: ``stTransform`` of an ``ewkt`` value (same SRID, or between 4326 and 3857).
- Rasters: ``XYZ`` input (``x y value`` lines) stored as sent, with metadata computed from the points; read back as
  ``XYZ`` (other output formats, and reading in another SRID, are not emulated: 400).
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable, Mapping
from typing import Any

import msgspec

from cognite.client.testing._errors import CDFError
from cognite.client.testing._filters import Item, Predicate
from cognite.client.testing._geometry import bbox, geojson_to_wkt, intersects, parse_ewkt, transform_wkt, within
from cognite.client.testing._media import BinaryBody, Negotiated, RawContent
from cognite.client.testing._store import Family, Project, ResourceStore, _decode_cursor, _encode_cursor

__all__ = ["GEOSPATIAL", "GEOSPATIAL_FAMILIES", "GeospatialStore"]

_FT_XID = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,31}$")
_PROP_NAME = re.compile(r"^[A-Za-z0-9_]{0,31}$")
_SIMPLE = {"STRING", "LONG", "DOUBLE", "BOOLEAN", "TIMESTAMP", "TIMESTAMPTZ", "JSON", "LONGARRAY", "RASTER"}
_GEOMETRY_KINDS = ("GEOMETRYCOLLECTION", "MULTIPOLYGON", "MULTILINESTRING", "MULTIPOINT", "POLYGON", "LINESTRING", "POINT", "GEOMETRY")  # fmt: skip
_RESERVED = {
    "externalId": {"type": "STRING", "size": 255},
    "createdTime": {"type": "TIMESTAMP"},
    "lastUpdatedTime": {"type": "TIMESTAMP"},
}
_RESERVED_INDEXES = {
    "externalIdIdx": {"properties": ["externalId"]},
    "createdTimeIdx": {"properties": ["createdTime"]},
    "lastUpdatedTimeIdx": {"properties": ["lastUpdatedTime"]},
}
_WGS84_WKT = (
    'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563]],PRIMEM["Greenwich",0],'
    'UNIT["degree",0.0174532925199433],AUTHORITY["EPSG","4326"]]'
)
_STANDARD_CRS = {
    4326: {"srid": 4326, "wkt": _WGS84_WKT, "projString": "+proj=longlat +datum=WGS84 +no_defs"},
    3857: {
        "srid": 3857,
        "wkt": 'PROJCS["WGS 84 / Pseudo-Mercator",GEOGCS["WGS 84"],PROJECTION["Mercator_1SP"],AUTHORITY["EPSG","3857"]]',
        "projString": "+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +no_defs",
    },
    25832: {
        "srid": 25832,
        "wkt": 'PROJCS["ETRS89 / UTM zone 32N",GEOGCS["ETRS89"],PROJECTION["Transverse_Mercator"],AUTHORITY["EPSG","25832"]]',
        "projString": "+proj=utm +zone=32 +ellps=GRS80 +units=m +no_defs",
    },
    23031: {
        "srid": 23031,
        "wkt": 'PROJCS["ED50 / UTM zone 31N",GEOGCS["ED50"],PROJECTION["Transverse_Mercator"],AUTHORITY["EPSG","23031"]]',
        "projString": "+proj=utm +zone=31 +ellps=intl +units=m +no_defs",
    },
}


def _items(body: Any, limit: int, name: str = "items") -> list[Any]:
    items = body.get(name) if isinstance(body, dict) else None
    if not isinstance(items, list) or not 1 <= len(items) <= limit:
        raise CDFError(400, f"'{name}' must be an array of 1 to {limit} items")
    return items


def _geometry_kind(prop_type: str) -> str | None:
    base = prop_type.rstrip("ZM") if prop_type.startswith(tuple(_GEOMETRY_KINDS)) else prop_type
    for kind in _GEOMETRY_KINDS:
        if base == kind or prop_type in (kind + "Z", kind + "M", kind + "ZM"):
            return kind
    return None


def _like(pattern: str) -> re.Pattern[str]:
    out = "".join(".*" if c == "%" else "." if c == "_" else re.escape(c) for c in pattern)
    return re.compile(f"^{out}$", re.DOTALL)


class GeospatialStore(ResourceStore):
    """The geospatial state of one project.

    Args:
        family: The family declaration.
        project: The owning project.
    """

    def __init__(self, family: Family, project: Project) -> None:
        super().__init__(family, project)
        self.crs: dict[int, Item] = {}
        self.types: dict[str, Item] = {}
        self.features: dict[str, dict[str, Item]] = {}
        self.rasters: dict[tuple[str, str, str], tuple[bytes, Item]] = {}

    # ----------------------------------------------------------------- reference systems
    def list_crs(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``GET /geospatial/crs[?filterOnlyCustom=true]``."""
        only_custom = query.get("filterOnlyCustom", "false") == "true"
        standard = [] if only_custom else list(_STANDARD_CRS.values())
        return 200, {"items": standard + list(self.crs.values())}

    def _crs(self, srid: Any) -> Item | None:
        return _STANDARD_CRS.get(srid) or self.crs.get(srid)

    def crs_byids(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``POST /geospatial/crs/byids``: unknown SRIDs are a 400 listing them."""
        srids = [item.get("srid") for item in _items(body, 1000)]
        missing = [{"srid": s} for s in srids if self._crs(s) is None]
        if missing:
            raise CDFError(400, "Unknown spatial reference ids", missing=missing)
        return 200, {"items": [self._crs(s) for s in srids]}

    def create_crs(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``POST /geospatial/crs``: custom reference systems with unused SRIDs."""
        items = _items(body, 1000)
        srids = [item["srid"] for item in items]
        duplicated = [{"srid": s} for s in srids if self._crs(s) is not None or srids.count(s) > 1]
        if duplicated:
            raise CDFError(409, "Spatial reference ids already in use", duplicated=duplicated)
        now = self.project.clock()
        created = [{**item, "createdTime": now, "lastUpdatedTime": now} for item in items]
        for item in created:
            self.crs[item["srid"]] = item
        return 201, {"items": created}

    def delete_crs(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``POST /geospatial/crs/delete``: custom reference systems only."""
        srids = [item.get("srid") for item in _items(body, 1000)]
        missing = [{"srid": s} for s in srids if s not in self.crs]
        if missing:
            raise CDFError(400, "Unknown custom spatial reference ids", missing=missing)
        for s in srids:
            del self.crs[s]
        return 200, {}

    # ----------------------------------------------------------------- feature types
    def _check_property(self, name: str, spec: Any) -> None:
        if not _PROP_NAME.match(name) or not name:
            raise CDFError(400, f"Invalid property name {name!r}")
        if not isinstance(spec, dict) or not isinstance(spec.get("type"), str):
            raise CDFError(400, f"Property {name!r} needs a type")
        kind = spec["type"]
        if kind not in _SIMPLE and _geometry_kind(kind) is None:
            raise CDFError(400, f"Unknown type {kind!r} of property {name!r}")
        if (_geometry_kind(kind) is not None or kind == "RASTER") and spec.get("srid") is None:
            raise CDFError(400, f"Property {name!r} of type {kind} needs a srid")
        if spec.get("srid") is not None and self._crs(spec["srid"]) is None:
            raise CDFError(400, f"Unknown srid {spec['srid']} of property {name!r}")

    def _type(self, xid: str) -> Item:
        ft = self.types.get(xid)
        if ft is None:
            raise CDFError(400, f"Feature type {xid!r} does not exist", missing=[{"externalId": xid}])
        return ft

    def create_types(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``POST /geospatial/featuretypes``."""
        items = _items(body, 100)
        xids = [item.get("externalId") for item in items]
        duplicated = [{"externalId": x} for x in xids if x in self.types or xids.count(x) > 1]
        if duplicated:
            raise CDFError(409, "Feature types already exist", duplicated=duplicated)
        now = self.project.clock()
        created = []
        for item in items:
            if not isinstance(item.get("externalId"), str) or not _FT_XID.match(item["externalId"]):
                raise CDFError(400, f"Invalid feature type external id {item.get('externalId')!r}")
            props = item.get("properties") or {}
            for name, spec in props.items():
                if name in _RESERVED:
                    raise CDFError(400, f"Property name {name!r} is reserved")
                self._check_property(name, spec)
            search_spec = item.get("searchSpec") or {}
            for index, spec in search_spec.items():
                unknown = [p for p in spec.get("properties", []) if p not in props and p not in _RESERVED]
                if unknown:
                    raise CDFError(400, f"Index {index!r} names unknown properties {unknown}")
            ft: Item = {
                "externalId": item["externalId"],
                "properties": {**props, **_RESERVED},
                "searchSpec": {**search_spec, **_RESERVED_INDEXES},
                "createdTime": now,
                "lastUpdatedTime": now,
            }
            if item.get("dataSetId") is not None:
                ft["dataSetId"] = item["dataSetId"]
            created.append(ft)
        for ft in created:
            self.types[ft["externalId"]] = ft
            self.features[ft["externalId"]] = {}
        return 201, {"items": created}

    def types_byids(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``POST /geospatial/featuretypes/byids``: unknown ones are a 400 listing them."""
        xids = [item.get("externalId") for item in _items(body, 100)]
        missing = [{"externalId": x} for x in xids if x not in self.types]
        if missing:
            raise CDFError(400, "Feature types not found", missing=missing)
        return 200, {"items": [self.types[x] for x in xids]}

    def list_types(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``POST /geospatial/featuretypes/list``: every feature type."""
        return 200, {"items": list(self.types.values())}

    def update_types(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``POST /geospatial/featuretypes/update``: add/remove properties and indexes, set the data set."""
        entries = _items(body, 100)
        now = self.project.clock()
        changed = []
        for entry in entries:
            ft = dict(self._type(entry.get("externalId")))
            update = entry.get("update") or {}
            props = dict(ft["properties"])
            prop_patch = update.get("properties") or {}
            for name in prop_patch.get("remove") or []:
                if name in _RESERVED or name not in props:
                    raise CDFError(400, f"Property {name!r} cannot be removed")
                props.pop(name)
            for name, spec in (prop_patch.get("add") or {}).items():
                if name in props:
                    raise CDFError(400, f"Property {name!r} already exists")
                self._check_property(name, spec)
                if not spec.get("optional", False) and self.features.get(ft["externalId"]):
                    raise CDFError(
                        400, f"A required property ({name!r}) cannot be added to a feature type with features"
                    )
                props[name] = spec
            indexes = dict(ft["searchSpec"])
            index_patch = update.get("searchSpec") or {}
            for name in index_patch.get("remove") or []:
                indexes.pop(name, None)
            for name, spec in (index_patch.get("add") or {}).items():
                unknown = [p for p in spec.get("properties", []) if p not in props]
                if unknown:
                    raise CDFError(400, f"Index {name!r} names unknown properties {unknown}")
                indexes[name] = spec
            if "dataSetId" in update:
                op = update["dataSetId"]
                if op.get("setNull"):
                    ft.pop("dataSetId", None)
                elif "set" in op:
                    ft["dataSetId"] = op["set"]
            ft.update(properties=props, searchSpec=indexes, lastUpdatedTime=now)
            changed.append(ft)
        for ft in changed:
            self.types[ft["externalId"]] = ft
            for feature in self.features[ft["externalId"]].values():  # removed properties leave the features
                for name in [n for n in feature if n not in ft["properties"]]:
                    feature.pop(name)
        return 200, {"items": changed}

    def delete_types(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``POST /geospatial/featuretypes/delete``: with features only when ``recursive``."""
        xids = [item.get("externalId") for item in _items(body, 10)]
        missing = [{"externalId": x} for x in xids if x not in self.types]
        if missing:
            raise CDFError(400, "Feature types not found", missing=missing)
        if not body.get("recursive"):
            busy = [x for x in xids if self.features.get(x)]
            if busy:
                raise CDFError(400, f"Feature types {busy} have features; delete them with recursive")
        for x in xids:
            del self.types[x]
            self.features.pop(x, None)
            self.rasters = {k: v for k, v in self.rasters.items() if k[0] != x}
        return 200, {}

    # ----------------------------------------------------------------- features: validation
    def _geometry(self, name: str, spec: Item, value: Any, allow_transform: bool) -> Item:
        if isinstance(value, dict) and isinstance(value.get("wkt"), str):
            srid, wkt = parse_ewkt(value["wkt"])
        elif isinstance(value, dict) and "type" in value:
            try:
                srid, wkt = None, geojson_to_wkt(value)
            except ValueError as err:
                raise CDFError(400, f"Invalid geometry of property {name!r}: {err}") from None
            crs = value.get("crs")
            if isinstance(crs, dict) and isinstance((crs.get("properties") or {}).get("name"), str):
                tail = crs["properties"]["name"].rsplit(":", 1)[-1]
                srid = int(tail) if tail.isdigit() else None
        else:
            raise CDFError(400, f"Property {name!r} needs a geometry ({{'wkt': ...}} or GeoJSON), got {value!r}")
        kind = _geometry_kind(spec["type"])
        head = wkt.split("(", 1)[0].strip().split(" ")[0].upper()
        if kind not in (None, "GEOMETRY") and head != kind:
            raise CDFError(400, f"Property {name!r} takes {kind} geometries, got {head}")
        if bbox(wkt) is None and "EMPTY" not in wkt.upper():
            raise CDFError(400, f"Invalid geometry of property {name!r}: {wkt!r}")
        target = spec["srid"]
        if srid is not None and srid != target:
            if not allow_transform:
                raise CDFError(400, f"Property {name!r} is in SRID {target}, the geometry in {srid}")
            try:
                wkt = transform_wkt(wkt, srid, target)
            except ValueError as err:
                raise CDFError(400, str(err)) from None
        return {"wkt": wkt}

    def _feature(self, ft: Item, entry: Any, allow_transform: bool) -> Item:
        if not isinstance(entry, dict) or not isinstance(entry.get("externalId"), str) or not entry["externalId"]:
            raise CDFError(400, f"Each feature needs an externalId, got {entry!r}")
        props = ft["properties"]
        out: Item = {"externalId": entry["externalId"]}
        for name, value in entry.items():
            if name == "externalId":
                continue
            spec = props.get(name)
            if spec is None or name in ("createdTime", "lastUpdatedTime"):
                raise CDFError(400, f"Unknown property {name!r} for feature type {ft['externalId']!r}")
            if value is None:
                continue
            out[name] = self._value(name, spec, value, allow_transform)
        missing = [
            n for n, s in props.items()
            if n not in _RESERVED and s["type"] != "RASTER" and not s.get("optional", False) and n not in out
        ]  # fmt: skip
        if missing:
            raise CDFError(400, f"Feature {entry['externalId']!r} lacks required properties {missing}")
        return out

    def _value(self, name: str, spec: Item, value: Any, allow_transform: bool) -> Any:
        kind = spec["type"]
        checks: dict[str, Callable[[Any], bool]] = {
            "STRING": lambda v: isinstance(v, str),
            "LONG": lambda v: isinstance(v, int) and not isinstance(v, bool),
            "DOUBLE": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
            "BOOLEAN": lambda v: isinstance(v, bool),
            "TIMESTAMP": lambda v: isinstance(v, str | int) and not isinstance(v, bool),
            "TIMESTAMPTZ": lambda v: isinstance(v, str | int) and not isinstance(v, bool),
            "JSON": lambda v: isinstance(v, dict),
            "LONGARRAY": lambda v: (
                isinstance(v, list) and all(isinstance(x, int) and not isinstance(x, bool) for x in v)
            ),
        }
        if kind == "RASTER":
            raise CDFError(400, f"Raster property {name!r} is written with the raster endpoints")
        if kind in checks:
            if not checks[kind](value):
                raise CDFError(400, f"Property {name!r} of type {kind} cannot take {value!r}")
            if kind == "STRING" and spec.get("size") is not None and len(value) > spec["size"]:
                raise CDFError(400, f"Property {name!r} takes at most {spec['size']} characters")
            return value
        return self._geometry(name, spec, value, allow_transform)

    def _output(self, ft: Item, feature: Item, output: Any) -> Item:
        out = dict(feature)
        if ft.get("dataSetId") is not None:
            out["dataSetId"] = ft["dataSetId"]
        selected = (output or {}).get("properties") if isinstance(output, dict) else None
        if selected:
            unknown = [p for p in selected if p not in ft["properties"]]
            if unknown:
                raise CDFError(400, f"Unknown output properties {unknown}")
            keep = set(selected) | {"externalId"}
            out = {k: v for k, v in out.items() if k in keep}
        return out

    # ----------------------------------------------------------------- features: routes
    def create_features(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``POST /geospatial/featuretypes/{ft}/features``."""
        ft = self._type(params["featureTypeExternalId"])
        features = self.features[ft["externalId"]]
        allow = bool(body.get("allowCrsTransformation"))
        new = [self._feature(ft, entry, allow) for entry in _items(body, 1000)]
        xids = [f["externalId"] for f in new]
        duplicated = [{"externalId": x} for x in dict.fromkeys(xids) if x in features or xids.count(x) > 1]
        if duplicated:
            raise CDFError(409, "Features already exist", duplicated=duplicated)
        now = self.project.clock()
        for feature in new:
            feature.update(createdTime=now, lastUpdatedTime=now)
            features[feature["externalId"]] = feature
        return 201, {"items": [self._output(ft, f, None) for f in new]}

    def update_features(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``POST /geospatial/featuretypes/{ft}/features/update``: replaces every property given as a whole."""
        ft = self._type(params["featureTypeExternalId"])
        features = self.features[ft["externalId"]]
        allow = bool(body.get("allowCrsTransformation"))
        new = [self._feature(ft, entry, allow) for entry in _items(body, 1000)]
        missing = [{"externalId": f["externalId"]} for f in new if f["externalId"] not in features]
        if missing:
            raise CDFError(400, "Features not found", missing=missing)
        now = self.project.clock()
        out = []
        for feature in new:
            old = features[feature["externalId"]]
            feature.update(createdTime=old["createdTime"], lastUpdatedTime=now)
            features[feature["externalId"]] = feature
            out.append(self._output(ft, feature, None))
        return 200, {"items": out}

    def delete_features(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``POST /geospatial/featuretypes/{ft}/features/delete``."""
        ft = self._type(params["featureTypeExternalId"])
        features = self.features[ft["externalId"]]
        xids = [item.get("externalId") for item in _items(body, 1000)]
        missing = [{"externalId": x} for x in xids if x not in features]
        if missing:
            raise CDFError(400, "Features not found", missing=missing)
        for x in xids:
            del features[x]
            self.rasters = {k: v for k, v in self.rasters.items() if k[:2] != (ft["externalId"], x)}
        return 200, {}

    def features_byids(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``POST /geospatial/featuretypes/{ft}/features/byids``: unknown ones are a 400 listing them."""
        ft = self._type(params["featureTypeExternalId"])
        features = self.features[ft["externalId"]]
        xids = [item.get("externalId") for item in _items(body, 1000)]
        missing = [{"externalId": x} for x in xids if x not in features]
        if missing:
            raise CDFError(400, "Features not found", missing=missing)
        return 200, {"items": [self._output(ft, features[x], body.get("output")) for x in xids]}

    def _matching(self, ft: Item, body: Mapping[str, Any]) -> list[Item]:
        features = list(self.features[ft["externalId"]].values())
        flt = body.get("filter")
        if flt is None:
            return features
        pred = self._compile(ft, flt, bool(body.get("allowCrsTransformation")))
        return [f for f in features if pred(f)]

    @staticmethod
    def _page_limit(body: Mapping[str, Any], default: int = 1000) -> int:
        limit = body.get("limit", default)
        if isinstance(limit, bool) or not isinstance(limit, int | float) or not 1 <= limit <= 1000:
            raise CDFError(400, f"limit must be an integer from 1 to 1000, got {limit!r}")
        return int(limit)

    def list_features(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``POST /geospatial/featuretypes/{ft}/features/list``: filter, cursor, limit."""
        ft = self._type(params["featureTypeExternalId"])
        items = self._matching(ft, body)
        limit = self._page_limit(body)
        offset = 0 if body.get("cursor") is None else _decode_cursor(body["cursor"], "g")
        page = [self._output(ft, f, body.get("output")) for f in items[offset : offset + limit]]
        out: dict[str, Any] = {"items": page}
        if offset + limit < len(items):
            out["nextCursor"] = _encode_cursor("g", offset + limit)
        return 200, out

    def list_features_get(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``GET /geospatial/featuretypes/{ft}/features``: cursor and limit as query parameters."""
        request: dict[str, Any] = {}
        if "limit" in query:
            request["limit"] = int(query["limit"])
        if "cursor" in query:
            request["cursor"] = query["cursor"]
        return self.list_features(params, {}, request)

    def _sorted(self, items: list[Item], sort: Any) -> list[Item]:
        if not sort:
            return items
        for spec in reversed(sort):
            prop, _, direction = str(spec).partition(":")
            desc = direction.upper() == "DESC"
            present = [f for f in items if f.get(prop) is not None]
            absent = [f for f in items if f.get(prop) is None]
            try:
                present.sort(key=lambda f: f[prop], reverse=desc)
            except TypeError:
                present.sort(key=lambda f: str(f[prop]), reverse=desc)
            items = present + absent
        return items

    def search_features(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``POST /geospatial/featuretypes/{ft}/features/search``: filter, sort, limit (no cursor)."""
        ft = self._type(params["featureTypeExternalId"])
        items = self._sorted(self._matching(ft, body), body.get("sort"))
        limit = self._page_limit(body)
        return 200, {"items": [self._output(ft, f, body.get("output")) for f in items[:limit]]}

    def stream_features(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``POST /geospatial/featuretypes/{ft}/features/search-streaming``: newline-delimited JSON."""
        ft = self._type(params["featureTypeExternalId"])
        items = self._matching(ft, body)
        if body.get("limit") is not None:
            items = items[: int(body["limit"])]
        out = [self._output(ft, f, body.get("output")) for f in items]
        lines = b"".join(msgspec.json.encode(f) + b"\n" for f in out)
        return 200, Negotiated(lambda: out[0] if out else {}, {"application/json-seq": lambda: lines})

    def aggregate_features(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``POST /geospatial/featuretypes/{ft}/features/aggregate``: count/min/max/sum/avg/variance per group."""
        ft = self._type(params["featureTypeExternalId"])
        items = self._matching(ft, body)
        output = body.get("output")
        if output is None and body.get("aggregates"):  # the deprecated form: aggregates of one property
            prop = body.get("property")
            output = {agg: {agg: {"property": prop}} for agg in body["aggregates"]}
        if not isinstance(output, dict) or not output:
            raise CDFError(400, "aggregate needs an 'output'")
        group_by = body.get("groupBy") or []
        unknown = [p for p in group_by if p not in ft["properties"]]
        if unknown:
            raise CDFError(400, f"Unknown groupBy properties {unknown}")
        groups: dict[str, tuple[Item, list[Item]]] = {}
        for feature in items:
            key_values = {p: feature.get(p) for p in group_by}
            key = msgspec.json.encode(key_values).decode()
            groups.setdefault(key, (key_values, []))[1].append(feature)
        if not group_by and not groups:
            groups[""] = ({}, [])
        rows = []
        for key_values, members in groups.values():
            row = {k: v for k, v in key_values.items() if v is not None}
            for name, spec in output.items():
                row[name] = self._aggregate(ft, name, spec, members)
            rows.append({k: v for k, v in row.items() if v is not None})
        return 200, {"items": self._sorted(rows, body.get("sort"))}

    @staticmethod
    def _aggregate(ft: Item, name: str, spec: Any, members: list[Item]) -> Any:
        if not isinstance(spec, dict) or len(spec) != 1:
            raise CDFError(400, f"Output {name!r} must name one aggregate")
        ((kind, arg),) = spec.items()
        prop = (arg or {}).get("property")
        if not isinstance(prop, str) or prop not in ft["properties"]:
            raise CDFError(400, f"Output {name!r}: unknown property {prop!r}")
        values = [f[prop] for f in members if f.get(prop) is not None]
        if kind == "count":
            return len(values)
        numbers = [v for v in values if isinstance(v, int | float) and not isinstance(v, bool)]
        if kind in ("min", "max"):
            return (min if kind == "min" else max)(values) if values else None
        if kind == "sum":
            return sum(numbers)
        if kind in ("avg", "average"):
            return statistics.fmean(numbers) if numbers else None
        if kind == "variance":
            return statistics.variance(numbers) if len(numbers) > 1 else None
        raise CDFError(400, f"The emulator does not compute the aggregate {kind!r}")

    # ----------------------------------------------------------------- filters
    def _compile(self, ft: Item, flt: Any, allow_transform: bool) -> Predicate:
        if not isinstance(flt, dict) or len(flt) != 1:
            raise CDFError(400, f"Invalid filter {flt!r}: expected one key")
        ((kind, arg),) = flt.items()
        if kind in ("and", "or"):
            if not isinstance(arg, list) or not arg:
                raise CDFError(400, f"'{kind}' needs a list of filters")
            subs = [self._compile(ft, f, allow_transform) for f in arg]
            return (lambda f: all(p(f) for p in subs)) if kind == "and" else (lambda f: any(p(f) for p in subs))
        if kind == "not":
            sub = self._compile(ft, arg, allow_transform)
            return lambda f: not sub(f)
        if kind == "missing":
            prop = self._prop(ft, arg)
            return lambda f: f.get(prop) is None
        if not isinstance(arg, dict):
            raise CDFError(400, f"Invalid '{kind}' filter {arg!r}")
        prop = self._prop(ft, arg)
        if kind == "equals":
            value = arg.get("value")
            return lambda f: f.get(prop) == value
        if kind in ("in", "containsAny"):
            values = arg.get("values")
            if not isinstance(values, list):
                raise CDFError(400, f"'{kind}' needs a list of values")
            if kind == "in":
                return lambda f: f.get(prop) in values
            return lambda f: any(v in values for v in (f.get(prop) or []))
        if kind in ("like", "regex"):
            pattern = arg.get("pattern")
            if not isinstance(pattern, str):
                raise CDFError(400, f"'{kind}' needs a pattern")
            compiled = _like(pattern) if kind == "like" else re.compile(pattern)
            method = compiled.match if kind == "like" else compiled.search
            return lambda f: isinstance(v := f.get(prop), str) and method(v) is not None
        if kind == "range":
            bounds = [(op, arg[op]) for op in ("gt", "gte", "lt", "lte") if arg.get(op) is not None]

            def in_range(f: Item) -> bool:
                v = f.get(prop)
                if v is None:
                    return False
                try:
                    return all(
                        (op == "gt" and v > b) or (op == "gte" and v >= b) or (op == "lt" and v < b) or (op == "lte" and v <= b)
                        for op, b in bounds
                    )  # fmt: skip
                except TypeError:
                    return False

            return in_range
        spatial = {"stIntersects", "stIntersects3d", "stWithin", "stWithinProperly", "stContains", "stContainsProperly"}
        if kind in spatial:
            spec = ft["properties"][prop]
            if _geometry_kind(spec["type"]) is None:
                raise CDFError(400, f"'{kind}' needs a geometry property, {prop!r} is {spec['type']}")
            box = bbox(self._geometry(prop, {**spec, "type": "GEOMETRY"}, arg.get("value"), allow_transform)["wkt"])
            if kind in ("stIntersects", "stIntersects3d"):
                return lambda f: intersects(bbox(f.get(prop)), box)
            if kind in ("stWithin", "stWithinProperly"):
                return lambda f: within(bbox(f.get(prop)), box)
            return lambda f: within(box, bbox(f.get(prop)))
        raise CDFError(400, f"The emulator does not support the filter '{kind}'")

    @staticmethod
    def _prop(ft: Item, arg: Any) -> str:
        prop = arg.get("property") if isinstance(arg, dict) else None
        if isinstance(prop, list) and len(prop) == 1:
            prop = prop[0]
        if not isinstance(prop, str) or prop not in ft["properties"]:
            raise CDFError(400, f"Unknown property {prop!r} for feature type {ft['externalId']!r}")
        return prop

    # ----------------------------------------------------------------- compute
    def compute(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``POST /geospatial/compute``: ``stTransform`` of ``ewkt`` values."""
        output = body.get("output")
        if not isinstance(output, dict) or not output:
            raise CDFError(400, "compute needs an 'output'")
        item = {name: self._evaluate(fn) for name, fn in output.items()}
        return 200, {"items": [item]}

    def _evaluate(self, fn: Any) -> Item:
        if isinstance(fn, dict) and isinstance(fn.get("ewkt"), str):
            srid, wkt = parse_ewkt(fn["ewkt"])
            if srid is None:
                raise CDFError(400, "An ewkt value needs an SRID (SRID=4326;POINT(...))")
            return {"wkt": wkt, "srid": srid}
        transform = fn.get("stTransform") if isinstance(fn, dict) else None
        if isinstance(transform, dict):
            inner = self._evaluate(transform.get("geometry"))
            target = transform.get("srid")
            if not isinstance(target, int) or self._crs(target) is None:
                raise CDFError(400, f"Unknown srid {target!r}")
            try:
                return {"wkt": transform_wkt(inner["wkt"], inner["srid"], target), "srid": target}
            except ValueError as err:
                raise CDFError(400, str(err)) from None
        raise CDFError(400, f"The emulator does not compute {fn!r}")

    # ----------------------------------------------------------------- rasters
    def _raster_target(self, params: Mapping[str, str]) -> tuple[Item, tuple[str, str, str]]:
        ft = self._type(params["featureTypeExternalId"])
        feature = params["featureExternalId"]
        prop = params["rasterPropertyName"]
        if feature not in self.features[ft["externalId"]]:
            raise CDFError(400, f"Feature {feature!r} does not exist", missing=[{"externalId": feature}])
        spec = ft["properties"].get(prop)
        if spec is None or spec["type"] != "RASTER":
            raise CDFError(400, f"{prop!r} is not a raster property of {ft['externalId']!r}")
        return spec, (ft["externalId"], feature, prop)

    def put_raster(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``PUT .../rasters/{rasterPropertyName}?format=XYZ&srid=..``: store an XYZ raster."""
        spec, key = self._raster_target(params)
        if query.get("format") != "XYZ":
            raise CDFError(400, f"The emulator takes rasters in the XYZ format, not {query.get('format')!r}")
        content = body.content if isinstance(body, BinaryBody) else b""
        try:
            srid = int(query["srid"])
        except (KeyError, ValueError):
            raise CDFError(400, "Query parameter 'srid' is required") from None
        if srid != spec["srid"] and query.get("allowCrsTransformation") != "true":
            raise CDFError(400, f"The raster property is in SRID {spec['srid']}, the raster in {srid}")
        if srid != spec["srid"]:
            raise CDFError(400, "The emulator does not transform rasters")
        points = []
        for line in content.decode("utf-8", errors="replace").splitlines():
            parts = line.replace(",", " ").split()
            if not parts:
                continue
            try:
                points.append(tuple(float(p) for p in parts[:3]))
            except ValueError:
                raise CDFError(400, f"Invalid XYZ line {line!r}") from None
        if not points or any(len(p) != 3 for p in points):
            raise CDFError(400, "An XYZ raster needs lines of 'x y value'")
        xs, ys = sorted({p[0] for p in points}), sorted({p[1] for p in points})
        scale_x = xs[1] - xs[0] if len(xs) > 1 else 1.0
        scale_y = ys[1] - ys[0] if len(ys) > 1 else 1.0
        meta = {
            "srid": spec["srid"], "width": len(xs), "height": len(ys), "numBands": 1,
            "scaleX": float(query.get("scaleX", scale_x)), "scaleY": -float(query.get("scaleY", scale_y)),
            "skewX": 0.0, "skewY": 0.0, "upperLeftX": xs[0] - scale_x / 2, "upperLeftY": ys[-1] + scale_y / 2,
        }  # fmt: skip
        self.rasters[key] = (content, meta)
        return 200, meta

    def get_raster(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``POST .../rasters/{rasterPropertyName}``: the raster as XYZ."""
        spec, key = self._raster_target(params)
        if key not in self.rasters:
            raise CDFError(400, "The feature has no raster in this property")
        if body.get("format") != "XYZ":
            raise CDFError(400, f"The emulator gives rasters in the XYZ format only, not {body.get('format')!r}")
        if body.get("srid") not in (None, spec["srid"]):
            raise CDFError(400, "The emulator does not transform rasters")
        return 200, RawContent("application/octet-stream", self.rasters[key][0])

    def delete_raster(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``POST .../rasters/{rasterPropertyName}/delete``."""
        _, key = self._raster_target(params)
        self.rasters.pop(key, None)
        return 200, {}


_FT = "/featuretypes/{featureTypeExternalId}/features"
_RASTER = _FT + "/{featureExternalId}/rasters/{rasterPropertyName}"

GEOSPATIAL = Family(
    name="geospatial",
    path="/geospatial",
    write_fields={},
    verbs=frozenset(),
    routes={
        ("GET", "/crs"): "list_crs",
        ("POST", "/crs"): "create_crs",
        ("POST", "/crs/byids"): "crs_byids",
        ("POST", "/crs/delete"): "delete_crs",
        ("POST", "/featuretypes"): "create_types",
        ("POST", "/featuretypes/byids"): "types_byids",
        ("POST", "/featuretypes/list"): "list_types",
        ("POST", "/featuretypes/update"): "update_types",
        ("POST", "/featuretypes/delete"): "delete_types",
        ("POST", _FT): "create_features",
        ("GET", _FT): "list_features_get",
        ("POST", _FT + "/list"): "list_features",
        ("POST", _FT + "/byids"): "features_byids",
        ("POST", _FT + "/update"): "update_features",
        ("POST", _FT + "/delete"): "delete_features",
        ("POST", _FT + "/search"): "search_features",
        ("POST", _FT + "/search-streaming"): "stream_features",
        ("POST", _FT + "/aggregate"): "aggregate_features",
        ("POST", "/compute"): "compute",
        ("PUT", _RASTER): "put_raster",
        ("POST", _RASTER): "get_raster",
        ("POST", _RASTER + "/delete"): "delete_raster",
    },
    bodyless=frozenset({"list_types", "delete_raster"}),
    store_cls=GeospatialStore,
)

#: The families defined in this module; the registry (``_registry.FAMILIES``) gathers every module's.
GEOSPATIAL_FAMILIES: tuple[Family, ...] = (GEOSPATIAL,)
