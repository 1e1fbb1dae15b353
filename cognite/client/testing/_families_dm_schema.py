"""Emulator table entries for the data-modeling schema: spaces (``/models/spaces``), and containers, views, data
models and statistics (``/models/...``), served by :class:`SpacesStore` and :class:`SchemaStore`.

Schema resources are kept in their wire (create) shape, keyed by ``space`` / ``(space, externalId)`` /
``(space, externalId, version)``, with ``createdTime``/``lastUpdatedTime``. Apply is an upsert: an unchanged
resource keeps its ``lastUpdatedTime``; a container cannot change the type of a property, drop one, or change
what it is used for, and a view version cannot change its properties, filter or implemented views (409). Reads
complete the stored form: container properties get their defaults and constraint states; views get the
container property types of their mapped properties, ``writable``/``usedFor``/``mappedContainers``, and (with
``includeInheritedProperties``) the properties of the views they implement, their own taking precedence.

The project starts with a few system ("global") resources: the space ``cdf_cdm`` with the containers and views
``CogniteDescribable`` and ``CogniteTimeSeries`` and the data model ``CogniteCore``; lists show them with
``includeGlobal=true``, byids always. Only empty spaces can be deleted (no containers, views, data models or
instances). List cursors are offsets into the (filtered) list.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable, Mapping
from typing import Any

from cognite.client.testing._cdm_system import extend_system
from cognite.client.testing._errors import CDFError
from cognite.client.testing._filters import Item
from cognite.client.testing._store import Family, Project, ResourceStore, _decode_cursor, _encode_cursor

__all__ = ["DM_SCHEMA", "DM_SCHEMA_FAMILIES", "SPACES", "SchemaStore", "SpacesStore"]

Query = Mapping[str, str]
SchemaKey = tuple[Any, ...]

_ITEMS_LIMIT = 100
_SUB_OBJECT_LIMIT = 10
_SPACE = re.compile(r"^[a-zA-Z][a-zA-Z0-9_-]{0,41}[a-zA-Z0-9]?$")
_RESERVED_SPACES = {"space", "cdf", "dms", "pg3", "shared", "system", "node", "edge"}
_EXTERNAL_ID = re.compile(r"^[a-zA-Z]([a-zA-Z0-9_]{0,253}[a-zA-Z0-9])?$")
_VERSION = re.compile(r"^[a-zA-Z0-9]([.a-zA-Z0-9_-]{0,41}[a-zA-Z0-9])?$")
_TYPES = {"text", "boolean", "float32", "float64", "int32", "int64", "timestamp", "date", "json", "timeseries", "file",
          "sequence", "direct", "enum"}  # fmt: skip
_LISTABLE = _TYPES - {"enum"}
_CONNECTIONS = {"single_edge_connection", "multi_edge_connection", "single_reverse_direct_relation",
                "multi_reverse_direct_relation"}  # fmt: skip
#: Project limits answered by ``/models/statistics``.
LIMITS = {"spaces": 100, "containers": 1000, "views": 2000, "dataModels": 500, "containerProperties": 25_000,
          "instances": 5_000_000, "softDeletedInstances": 10_000_000}  # fmt: skip
_GLOBAL_TIME = 1_700_000_000_000


# ------------------------------------------------------------------------------------------------ request helpers


def _items(body: Any, limit: int = _ITEMS_LIMIT) -> list[dict[str, Any]]:
    items = body.get("items") if isinstance(body, Mapping) else None
    if not isinstance(items, list):
        raise CDFError(400, "The request body needs an 'items' array")
    if not 1 <= len(items) <= limit:
        raise CDFError(400, f"items size must be between 1 and {limit}, got {len(items)}")
    for item in items:
        if not isinstance(item, dict):
            raise CDFError(400, f"Each item must be an object, got {item!r}")
    return items


def _only(query: Query, *allowed: str) -> None:
    unknown = sorted(set(query) - set(allowed))
    if unknown:
        raise CDFError(400, f"Unrecognized query parameter(s) {unknown}")


def _flag(query: Query, name: str, default: bool) -> bool:
    raw = query.get(name)
    if raw is None:
        return default
    if raw not in ("true", "false"):
        raise CDFError(400, f"Invalid value for query parameter '{name}': {raw!r}")
    return raw == "true"


def _page(items: list[Item], query: Query, kind: str) -> tuple[int, dict[str, Any]]:
    """One page of a list: ``limit`` (1..1000, default 10) items from the ``cursor`` offset."""
    raw = query.get("limit", "10")
    try:
        limit = int(raw)
    except ValueError:
        raise CDFError(400, f"Invalid value for query parameter 'limit': {raw!r}") from None
    if not 1 <= limit <= 1000:
        raise CDFError(400, f"limit must be between 1 and 1000, got {limit}")
    start = 0 if query.get("cursor") is None else _decode_cursor(query["cursor"], kind)
    out: dict[str, Any] = {"items": items[start : start + limit]}
    if start + limit < len(items):
        out["nextCursor"] = _encode_cursor(kind, start + limit)
    return 200, out


def _check_space_id(space: Any, *, creating: bool = False) -> str:
    if not isinstance(space, str) or not _SPACE.match(space) or (creating and space in _RESERVED_SPACES):
        raise CDFError(400, f"Invalid space identifier {space!r}")
    return space


def _check_xid(value: Any, what: str = "externalId") -> str:
    if not isinstance(value, str) or not _EXTERNAL_ID.match(value):
        raise CDFError(400, f"Invalid {what} {value!r}")
    return value


def _check_version(value: Any) -> str:
    if not isinstance(value, str) or not _VERSION.match(value):
        raise CDFError(400, f"Invalid version {value!r}")
    return value


def _check_text(item: Mapping[str, Any], name: str, max_len: int) -> None:
    value = item.get(name)
    if value is not None and (not isinstance(value, str) or len(value) > max_len):
        raise CDFError(400, f"'{name}' must be a string of at most {max_len} characters, got {value!r}")


def _upsert(store: dict[Any, Item], key: Any, new: Item, now: int) -> Item:
    """Store an applied resource: created now, or updated (``lastUpdatedTime``) only when it changed."""
    old = store.get(key)
    if old is None:
        stored = {**new, "createdTime": now, "lastUpdatedTime": now}
    elif {k: v for k, v in old.items() if k not in ("createdTime", "lastUpdatedTime")} == new:
        return old
    else:
        stored = {**new, "createdTime": old["createdTime"], "lastUpdatedTime": max(now, old["lastUpdatedTime"])}
    store[key] = stored
    return stored


def _ref(kind: str, key: SchemaKey) -> dict[str, str]:
    out = {"type": kind, "space": key[0], "externalId": key[1]}
    if kind == "view":
        out["version"] = key[2]
    return out


def _latest(items: Iterable[Item]) -> list[Item]:
    """The most recently created version of each (space, externalId)."""
    best: dict[tuple[str, str], Item] = {}
    for item in items:
        key = (item["space"], item["externalId"])
        if key not in best or item["createdTime"] >= best[key]["createdTime"]:
            best[key] = item
    return [it for it in items if best[(it["space"], it["externalId"])] is it]


def _view_used_for(used: set[str]) -> str:
    """What a view is for, from what its mapped containers are for: ``all`` containers fit nodes and edges."""
    specific = used - {"all"}
    if len(specific) == 1:
        return specific.pop()
    return "all" if used and not specific else "node"


def _instances(project: Project) -> list[Item]:
    """The live nodes and edges of the project (from the instances store, if the emulator serves one)."""
    store = project.stores.get("dm_instances")
    return list(getattr(store, "instances", {}).values()) if store is not None else []


def _soft_deleted(project: Project) -> list[Item]:
    store = project.stores.get("dm_instances")
    return list(getattr(store, "tombstones", {}).values()) if store is not None else []


# ------------------------------------------------------------------------------------------------ spaces


class SpacesStore(ResourceStore):
    """The spaces of one project (``/models/spaces``).

    Args:
        family: The spaces family entry.
        project: The owning project.
    """

    def __init__(self, family: Family, project: Project) -> None:
        super().__init__(family, project)
        self.spaces: dict[str, Item] = {}
        for space in _GLOBAL_SPACES:
            self.spaces[space["space"]] = {**space, "createdTime": _GLOBAL_TIME, "lastUpdatedTime": _GLOBAL_TIME}

    def has_space(self, space: str) -> bool:
        """Whether the space exists (global spaces included)."""
        return space in self.spaces

    def _public(self, item: Item) -> Item:
        return {**item, "isGlobal": item["space"] in _GLOBAL_SPACE_IDS}

    def apply(self, path: Query, query: Query, body: Any) -> tuple[int, dict[str, Any]]:
        """``POST /models/spaces``: upsert."""
        items = _items(body)
        checked = []
        for item in items:
            unknown = set(item) - {"space", "name", "description"}
            if unknown:
                raise CDFError(400, f"Unknown fields {sorted(unknown)} in a space")
            space = _check_space_id(item.get("space"), creating=True)
            if space in _GLOBAL_SPACE_IDS or space.startswith("cdf_"):
                raise CDFError(400, f"The space {space!r} is reserved for system resources")
            _check_text(item, "name", 255)
            _check_text(item, "description", 1024)
            checked.append({k: v for k, v in item.items() if v is not None})
        now = self.project.clock()
        return 200, {"items": [self._public(_upsert(self.spaces, s["space"], s, now)) for s in checked]}

    def list_(self, path: Query, query: Query, body: Any) -> tuple[int, dict[str, Any]]:
        """``GET /models/spaces``: ``includeGlobal``, ``limit``, ``cursor``."""
        _only(query, "limit", "cursor", "includeGlobal")
        include_global = _flag(query, "includeGlobal", False)
        items = [self._public(s) for s in self.spaces.values() if include_global or s["space"] not in _GLOBAL_SPACE_IDS]
        return _page(items, query, "spaces")

    def byids_(self, path: Query, query: Query, body: Any) -> tuple[int, dict[str, Any]]:
        """``POST /models/spaces/byids``: the spaces found (unknown ones are left out)."""
        wanted = [_check_space_id(item.get("space")) for item in _items(body)]
        return 200, {"items": [self._public(self.spaces[s]) for s in dict.fromkeys(wanted) if s in self.spaces]}

    def delete_(self, path: Query, query: Query, body: Any) -> tuple[int, dict[str, Any]]:
        """``POST /models/spaces/delete``: only empty spaces; spaces that do not exist are ignored."""
        wanted = list(dict.fromkeys(_check_space_id(item.get("space")) for item in _items(body)))
        schema = self.project.stores.get("dm_schema")
        for space in wanted:
            if space in _GLOBAL_SPACE_IDS:
                raise CDFError(400, f"The system space {space!r} cannot be deleted")
            if space not in self.spaces:
                continue
            held = schema.held_in(space) if isinstance(schema, SchemaStore) else []
            instances = sum(1 for i in _instances(self.project) if i.get("space") == space)
            if instances:
                held.append(f"{instances} instance(s)")
            if held:
                raise CDFError(400, f"Only empty spaces can be deleted; space {space!r} holds {', '.join(held)}")
        for space in wanted:
            self.spaces.pop(space, None)
        return 200, {"items": [{"space": s} for s in wanted]}


# ------------------------------------------------------------------------------------------------ the schema


class SchemaStore(ResourceStore):
    """The containers, views and data models of one project, and the statistics of data modeling.

    Args:
        family: The schema family entry.
        project: The owning project.
    """

    def __init__(self, family: Family, project: Project) -> None:
        super().__init__(family, project)
        self.containers: dict[SchemaKey, Item] = {}
        self.views: dict[SchemaKey, Item] = {}
        self.models: dict[SchemaKey, Item] = {}
        stamp = {"createdTime": _GLOBAL_TIME, "lastUpdatedTime": _GLOBAL_TIME}
        for container in _GLOBAL_CONTAINERS:
            self.containers[(container["space"], container["externalId"])] = {**container, **stamp}
        for view in _GLOBAL_VIEWS:
            self.views[(view["space"], view["externalId"], view["version"])] = {**view, **stamp}
        for model in _GLOBAL_MODELS:
            self.models[(model["space"], model["externalId"], model["version"])] = {**model, **stamp}

    # ----------------------------------------------------------------- helpers for other stores
    def container(self, space: str, external_id: str) -> Item | None:
        """A container in its read form, or None."""
        stored = self.containers.get((space, external_id))
        return None if stored is None else self._read_container(stored)

    def view(self, space: str, external_id: str, version: str, *, inherited: bool = True) -> Item | None:
        """A view in its read form (inherited properties resolved), or None."""
        stored = self.views.get((space, external_id, version))
        return None if stored is None else self._read_view(stored, inherited)

    def held_in(self, space: str) -> list[str]:
        """What of the schema a space holds, e.g. ``["2 container(s)"]`` (empty when none)."""
        counts = [(sum(1 for k in store if k[0] == space), what)
                  for store, what in ((self.containers, "container"), (self.views, "view"), (self.models, "data model"))]  # fmt: skip
        return [f"{n} {what}(s)" for n, what in counts if n]

    def _space_exists(self, space: str) -> bool:
        spaces = self.project.stores.get("spaces")
        return bool(spaces.has_space(space)) if isinstance(spaces, SpacesStore) else True

    def _require_space(self, space: Any) -> str:
        _check_space_id(space)
        if not self._space_exists(space):
            raise CDFError(400, f"Space {space!r} does not exist")
        if space in _GLOBAL_SPACE_IDS:
            raise CDFError(400, f"The system space {space!r} cannot be modified")
        return str(space)

    @staticmethod
    def _is_global(key: SchemaKey) -> bool:
        return key[0] in _GLOBAL_SPACE_IDS

    # ----------------------------------------------------------------- containers
    def _read_container(self, stored: Item) -> Item:
        out = copy.deepcopy(stored)
        out.setdefault("usedFor", "node")
        out["isGlobal"] = stored["space"] in _GLOBAL_SPACE_IDS
        for prop in out["properties"].values():
            prop.setdefault("nullable", True)
            prop.setdefault("autoIncrement", False)
            prop.setdefault("immutable", False)
            prop["constraintState"] = {"nullability": "current"} if not prop["nullable"] else {}
            ptype = prop["type"]
            if ptype.get("type") in _LISTABLE:
                ptype.setdefault("list", False)
            if ptype.get("type") == "text":
                ptype.setdefault("collation", "ucs_basic")
        for constraint in out.get("constraints", {}).values():
            constraint.setdefault("constraintType", "requires" if "require" in constraint else "uniqueness")
            constraint["state"] = "current"
        for index in out.get("indexes", {}).values():
            index.setdefault("indexType", "btree")
            if index["indexType"] == "btree":
                index.setdefault("cursorable", False)
            index["state"] = "current"
        return out

    def _check_container(self, item: Item, batch: Mapping[SchemaKey, Item]) -> Item:
        unknown = set(item) - {"space", "externalId", "name", "description", "usedFor", "properties", "constraints",
                               "indexes"}  # fmt: skip
        if unknown:
            raise CDFError(400, f"Unknown fields {sorted(unknown)} in a container")
        self._require_space(item.get("space"))
        xid = _check_xid(item.get("externalId"))
        _check_text(item, "name", 255)
        _check_text(item, "description", 1024)
        if item.get("usedFor", "node") not in ("node", "edge", "all", "record"):
            raise CDFError(400, f"Invalid usedFor {item.get('usedFor')!r} of container {xid!r}")
        props = item.get("properties")
        if not isinstance(props, dict) or not props:
            raise CDFError(400, f"Container {xid!r} needs at least one property")
        for name, prop in props.items():
            _check_xid(name, "property identifier")
            if not isinstance(prop, dict) or not isinstance(prop.get("type"), dict):
                raise CDFError(400, f"Property {name!r} of container {xid!r} needs a type")
            kind = prop["type"].get("type")
            if kind not in _TYPES:
                raise CDFError(400, f"Unknown property type {kind!r} of {xid}.{name}")
            if kind == "enum":
                values = prop["type"].get("values")
                if not isinstance(values, dict) or not 1 <= len(values) <= 32:
                    raise CDFError(400, f"Enum property {xid}.{name} needs 1 to 32 values")
            if prop.get("autoIncrement") and kind not in ("int32", "int64"):
                raise CDFError(400, f"autoIncrement is only for int32 and int64 properties ({xid}.{name})")
        for ident, constraint in (item.get("constraints") or {}).items():
            if constraint.get("constraintType", "requires" if "require" in constraint else "uniqueness") == "requires":
                req = constraint.get("require") or {}
                key = (req.get("space"), req.get("externalId"))
                if key not in self.containers and key not in batch:
                    raise CDFError(
                        400, f"Constraint {ident!r} of {xid!r} requires a container that does not exist: {req!r}"
                    )
            else:
                self._check_property_list(constraint.get("properties"), props, f"constraint {ident!r} of {xid!r}")
        for ident, index in (item.get("indexes") or {}).items():
            self._check_property_list(index.get("properties"), props, f"index {ident!r} of {xid!r}")
        return {k: v for k, v in item.items() if v is not None}

    @staticmethod
    def _check_property_list(names: Any, props: Mapping[str, Any], what: str) -> None:
        if not isinstance(names, list) or not names:
            raise CDFError(400, f"The {what} needs a non-empty list of properties")
        missing = [n for n in names if n not in props]
        if missing:
            raise CDFError(400, f"The {what} names properties the container does not have: {missing}")

    @staticmethod
    def _container_conflict(old: Item, new: Item) -> str | None:
        if old.get("usedFor", "node") != new.get("usedFor", "node"):
            return "usedFor cannot change"
        for name, prop in old["properties"].items():
            if name not in new["properties"]:
                return f"property {name!r} cannot be removed"
            before = {k: v for k, v in prop["type"].items() if k not in ("maxListSize", "maxTextSize", "unit")}
            after = {k: v for k, v in new["properties"][name]["type"].items()
                     if k not in ("maxListSize", "maxTextSize", "unit")}  # fmt: skip
            before.setdefault("list", False)
            after.setdefault("list", False)
            if before.get("type") == "text" or after.get("type") == "text":
                before.setdefault("collation", "ucs_basic")
                after.setdefault("collation", "ucs_basic")
            if before.get("type") == "enum" and after.get("type") == "enum":
                before.pop("values", None), after.pop("values", None)
            if before != after:
                return f"the type of property {name!r} cannot change"
        return None

    def apply_containers(self, path: Query, query: Query, body: Any) -> tuple[int, dict[str, Any]]:
        """``POST /models/containers``: upsert (properties, constraints and indexes can be added)."""
        items = _items(body)
        batch = {(it.get("space"), it.get("externalId")): it for it in items}
        checked = [self._check_container(it, batch) for it in items]
        for new in checked:
            old = self.containers.get((new["space"], new["externalId"]))
            conflict = None if old is None else self._container_conflict(old, new)
            if conflict:
                raise CDFError(409, f"Cannot update container {new['space']}:{new['externalId']}: {conflict}")
        now = self.project.clock()
        out = [_upsert(self.containers, (c["space"], c["externalId"]), c, now) for c in checked]
        return 200, {"items": [self._read_container(c) for c in out]}

    def list_containers(self, path: Query, query: Query, body: Any) -> tuple[int, dict[str, Any]]:
        """``GET /models/containers``: ``space``, ``includeGlobal``, ``usedFor`` (also comma separated)."""
        _only(query, "limit", "cursor", "space", "includeGlobal", "usedFor")
        include_global = _flag(query, "includeGlobal", False)
        space = query.get("space")
        kinds = set(query["usedFor"].split(",")) if query.get("usedFor") else None
        items = [
            self._read_container(c) for key, c in self.containers.items()
            if (include_global or not self._is_global(key)) and (space is None or key[0] == space)
            and (kinds is None or c.get("usedFor", "node") in kinds)
        ]  # fmt: skip
        return _page(items, query, "containers")

    def byids_containers(self, path: Query, query: Query, body: Any) -> tuple[int, dict[str, Any]]:
        """``POST /models/containers/byids``: the containers found (unknown ones are left out)."""
        keys = [(_check_space_id(it.get("space")), _check_xid(it.get("externalId"))) for it in _items(body)]
        return 200, {"items": [self._read_container(self.containers[k]) for k in dict.fromkeys(keys)
                               if k in self.containers]}  # fmt: skip

    def delete_containers(self, path: Query, query: Query, body: Any) -> tuple[int, dict[str, Any]]:
        """``POST /models/containers/delete``: containers that do not exist are ignored."""
        keys = list(dict.fromkeys((_check_space_id(it.get("space")), _check_xid(it.get("externalId")))
                                  for it in _items(body)))  # fmt: skip
        for key in keys:
            if self._is_global(key) and key in self.containers:
                raise CDFError(400, f"The system container {key[0]}:{key[1]} cannot be deleted")
        for key in keys:
            self.containers.pop(key, None)
        return 200, {"items": [{"space": k[0], "externalId": k[1]} for k in keys]}

    def _delete_sub_objects(self, body: Any, field: str) -> tuple[int, dict[str, Any]]:
        deleted = []
        now = self.project.clock()
        for item in _items(body, _SUB_OBJECT_LIMIT):
            key = (_check_space_id(item.get("space")), _check_xid(item.get("containerExternalId")))
            ident = item.get("identifier")
            if not isinstance(ident, str):
                raise CDFError(400, f"Invalid identifier {ident!r}")
            container = self.containers.get(key)
            if container is None or ident not in container.get(field, {}):
                continue
            if self._is_global(key):
                raise CDFError(400, f"The system container {key[0]}:{key[1]} cannot be modified")
            updated = copy.deepcopy(container)
            del updated[field][ident]
            updated["lastUpdatedTime"] = max(now, container["lastUpdatedTime"])
            self.containers[key] = updated
            deleted.append({"space": key[0], "containerExternalId": key[1], "identifier": ident})
        return 200, {"items": deleted}

    def delete_constraints(self, path: Query, query: Query, body: Any) -> tuple[int, dict[str, Any]]:
        """``POST /models/containers/constraints/delete``: constraints that do not exist are ignored."""
        return self._delete_sub_objects(body, "constraints")

    def delete_indexes(self, path: Query, query: Query, body: Any) -> tuple[int, dict[str, Any]]:
        """``POST /models/containers/indexes/delete``: indexes that do not exist are ignored."""
        return self._delete_sub_objects(body, "indexes")

    # ----------------------------------------------------------------- views
    def _mapped(self, prop: Mapping[str, Any]) -> Item | None:
        """The read form of a mapped view property (None when its container property is gone)."""
        ref = prop["container"]
        container = self.containers.get((ref["space"], ref["externalId"]))
        if container is None:
            return None
        cprop = self._read_container(container)["properties"].get(prop["containerPropertyIdentifier"])
        if cprop is None:
            return None
        out = {**cprop, **{k: v for k, v in prop.items() if k != "source"}}
        out["type"] = dict(cprop["type"])
        if cprop.get("name") is not None and prop.get("name") is None:
            out["name"] = cprop["name"]
        if prop.get("source") is not None and out["type"].get("type") == "direct":
            out["type"]["source"] = prop["source"]
        return out

    def _own_properties(self, view: Item) -> dict[str, Item]:
        out: dict[str, Item] = {}
        for name, prop in (view.get("properties") or {}).items():
            if "container" in prop:
                mapped = self._mapped(prop)
                if mapped is not None:
                    out[name] = mapped
            elif prop.get("connectionType", "multi_edge_connection").endswith("reverse_direct_relation"):
                out[name] = {**prop, "targetsList": self._targets_list(prop)}
            else:
                out[name] = {"connectionType": "multi_edge_connection", "direction": "outwards", **prop}
        return out

    def _targets_list(self, prop: Mapping[str, Any]) -> bool:
        """Whether the direct relation a reverse direct relation goes through is a list."""
        through = prop.get("through") or {}
        target = self._through_type(through) if isinstance(through.get("source"), dict) else None
        return bool(target and target.get("list", False))

    def _find_mapped(self, view: Item, ident: Any, seen: frozenset[SchemaKey]) -> Item | None:
        """The mapped property ``ident`` of a view as written (own or inherited), or None."""
        key = (view["space"], view["externalId"], view["version"])
        prop = (view.get("properties") or {}).get(ident)
        if prop is not None or key in seen:
            return prop if prop is not None and "container" in prop else None
        for ref in view.get("implements") or []:
            parent = self.views.get((ref["space"], ref["externalId"], ref["version"]))
            found = None if parent is None else self._find_mapped(parent, ident, seen | {key})
            if found is not None:
                return found
        return None

    def _properties(self, view: Item, inherited: bool, seen: frozenset[SchemaKey] = frozenset()) -> dict[str, Item]:
        key = (view["space"], view["externalId"], view["version"])
        if key in seen:
            return {}
        props: dict[str, Item] = {}
        if inherited:
            for parent_ref in view.get("implements") or []:
                parent = self.views.get((parent_ref["space"], parent_ref["externalId"], parent_ref["version"]))
                if parent is not None:
                    props.update(self._properties(parent, True, seen | {key}))
        props.update(self._own_properties(view))
        return props

    def _read_view(self, stored: Item, inherited: bool) -> Item:
        out = copy.deepcopy({k: v for k, v in stored.items() if k != "properties"})
        props = self._properties(stored, inherited)
        full = props if inherited else self._properties(stored, True)
        containers: dict[tuple[str, str], Item] = {}
        for prop in full.values():
            if "container" in prop:
                containers[(prop["container"]["space"], prop["container"]["externalId"])] = prop["container"]
        used = {self.containers[k].get("usedFor", "node") for k in containers if k in self.containers}
        out.update(
            properties=props,
            implements=stored.get("implements") or [],
            writable=bool(containers),
            queryable=True,
            usedFor=_view_used_for(used),
            isGlobal=stored["space"] in _GLOBAL_SPACE_IDS,
            mappedContainers=[{"type": "container", "space": k[0], "externalId": k[1]} for k in containers],
        )
        return out

    def _check_view(self, item: Item, batch: Mapping[SchemaKey, Item]) -> Item:
        unknown = set(item) - {"space", "externalId", "version", "name", "description", "filter", "implements",
                               "properties"}  # fmt: skip
        if unknown:
            raise CDFError(400, f"Unknown fields {sorted(unknown)} in a view")
        self._require_space(item.get("space"))
        xid = _check_xid(item.get("externalId"))
        _check_version(item.get("version"))
        _check_text(item, "name", 255)
        _check_text(item, "description", 1024)

        def view_exists(ref: Any) -> bool:
            if not isinstance(ref, dict):
                return False
            key = (ref.get("space"), ref.get("externalId"), ref.get("version"))
            return key in self.views or key in batch

        for parent in item.get("implements") or []:
            if not view_exists(parent):
                raise CDFError(400, f"View {xid!r} implements a view that does not exist: {parent!r}")
        for name, prop in (item.get("properties") or {}).items():
            _check_xid(name, "property identifier")
            if not isinstance(prop, dict):
                raise CDFError(400, f"Property {name!r} of view {xid!r} must be an object")
            if "container" in prop:
                ref = prop.get("container") or {}
                container = self.containers.get((ref.get("space"), ref.get("externalId")))
                if container is None:
                    raise CDFError(
                        400, f"Property {name!r} of view {xid!r} maps a container that does not exist: {ref!r}"
                    )
                if prop.get("containerPropertyIdentifier") not in container["properties"]:
                    raise CDFError(400, f"Container {ref.get('externalId')!r} has no property "
                                        f"{prop.get('containerPropertyIdentifier')!r} (view {xid!r})")  # fmt: skip
                if prop.get("source") is not None and not view_exists(prop["source"]):
                    raise CDFError(400, f"Property {name!r} of view {xid!r} names a source view that does not exist")
                continue
            kind = prop.get("connectionType", "multi_edge_connection")
            if kind not in _CONNECTIONS:
                raise CDFError(400, f"Unknown connection type {kind!r} of {xid}.{name}")
            if not view_exists(prop.get("source")):
                raise CDFError(400, f"Connection {name!r} of view {xid!r} names a source view that does not exist")
            if kind.endswith("reverse_direct_relation"):
                through = prop.get("through")
                if not isinstance(through, dict) or not isinstance(through.get("source"), dict):
                    raise CDFError(400, f"Reverse direct relation {xid}.{name} needs 'through'")
                target = self._through_type(through)
                if target is not None and target.get("type") != "direct":
                    raise CDFError(400, f"Reverse direct relation {xid}.{name} goes through a property that is not a "
                                        f"direct relation: {through!r}")  # fmt: skip
        return {k: v for k, v in item.items() if v is not None}

    def _through_type(self, through: Mapping[str, Any]) -> Item | None:
        """The type of the property a reverse direct relation goes through; None when it is not stored yet (it may
        come in the same request)."""
        source, ident = through["source"], through.get("identifier")
        if source.get("type") == "view":
            view = self.views.get((source.get("space"), source.get("externalId"), source.get("version")))
            mapped = None if view is None else self._find_mapped(view, ident, frozenset())
            if mapped is None:
                return None
            source, ident = mapped["container"], mapped["containerPropertyIdentifier"]
        container = self.containers.get((source.get("space"), source.get("externalId")))
        prop = None if container is None else container["properties"].get(ident)
        return None if prop is None else dict(prop["type"])

    def apply_views(self, path: Query, query: Query, body: Any) -> tuple[int, dict[str, Any]]:
        """``POST /models/views``: upsert; a version's properties, filter and implements cannot change."""
        items = _items(body)
        return 200, {"items": [self._read_view(v, True) for v in self._apply_views(items)]}

    def _apply_views(self, items: list[Item]) -> list[Item]:
        batch = {(it.get("space"), it.get("externalId"), it.get("version")): it for it in items}
        checked = [self._check_view(it, batch) for it in items]
        for new in checked:
            old = self.views.get((new["space"], new["externalId"], new["version"]))
            if old is not None:
                fixed = ("properties", "filter", "implements")
                if any((old.get(k) or None) != (new.get(k) or None) for k in fixed):
                    raise CDFError(409, f"View {new['space']}:{new['externalId']}/{new['version']} exists with other "
                                        "properties, filter or implemented views; apply a new version")  # fmt: skip
        now = self.project.clock()
        return [_upsert(self.views, (v["space"], v["externalId"], v["version"]), v, now) for v in checked]

    def _view_query(self, query: Query) -> bool:
        return _flag(query, "includeInheritedProperties", True)

    def list_views(self, path: Query, query: Query, body: Any) -> tuple[int, dict[str, Any]]:
        """``GET /models/views``: ``space``, ``includeGlobal``, ``allVersions``, ``includeInheritedProperties``."""
        _only(query, "limit", "cursor", "space", "includeGlobal", "allVersions", "includeInheritedProperties")
        include_global = _flag(query, "includeGlobal", False)
        space = query.get("space")
        selected = [v for key, v in self.views.items()
                    if (include_global or not self._is_global(key)) and (space is None or key[0] == space)]  # fmt: skip
        if not _flag(query, "allVersions", False):
            selected = _latest(selected)
        inherited = self._view_query(query)
        return _page([self._read_view(v, inherited) for v in selected], query, "views")

    def _versioned(self, body: Any, store: Mapping[SchemaKey, Item]) -> list[Item]:
        """The items named by ``{space, externalId[, version]}`` (no version: every version), unknown left out."""
        found: dict[SchemaKey, Item] = {}
        for ref in _items(body):
            space, xid = _check_space_id(ref.get("space")), _check_xid(ref.get("externalId"))
            version = ref.get("version")
            if version is None:
                for key, item in store.items():
                    if key[:2] == (space, xid):
                        found[key] = item
            elif (space, xid, _check_version(version)) in store:
                found[(space, xid, version)] = store[(space, xid, version)]
        return list(found.values())

    def byids_views(self, path: Query, query: Query, body: Any) -> tuple[int, dict[str, Any]]:
        """``POST /models/views/byids``: the views found (no version: every version)."""
        _only(query, "includeInheritedProperties")
        inherited = self._view_query(query)
        return 200, {"items": [self._read_view(v, inherited) for v in self._versioned(body, self.views)]}

    def _delete_versioned(self, body: Any, store: dict[SchemaKey, Item], what: str) -> tuple[int, dict[str, Any]]:
        keys = []
        for ref in _items(body):
            key = (
                _check_space_id(ref.get("space")),
                _check_xid(ref.get("externalId")),
                _check_version(ref.get("version")),
            )
            if self._is_global(key) and key in store:
                raise CDFError(400, f"The system {what} {key[0]}:{key[1]}/{key[2]} cannot be deleted")
            keys.append(key)
        keys = list(dict.fromkeys(keys))
        for key in keys:
            store.pop(key, None)
        return 200, {"items": [{"space": k[0], "externalId": k[1], "version": k[2]} for k in keys]}

    def delete_views(self, path: Query, query: Query, body: Any) -> tuple[int, dict[str, Any]]:
        """``POST /models/views/delete``: views that do not exist are ignored."""
        return self._delete_versioned(body, self.views, "view")

    # ----------------------------------------------------------------- data models
    def _read_model(self, stored: Item, inline: bool) -> Item:
        out = {**stored, "isGlobal": stored["space"] in _GLOBAL_SPACE_IDS}
        views = []
        for ref in stored.get("views") or []:
            view = self.views.get((ref["space"], ref["externalId"], ref["version"])) if inline else None
            views.append(self._read_view(view, True) if view is not None else ref)
        out["views"] = views
        return out

    def apply_models(self, path: Query, query: Query, body: Any) -> tuple[int, dict[str, Any]]:
        """``POST /models/datamodels``: upsert; views given whole are applied with the model."""
        items = _items(body)
        inline: list[Item] = []
        checked = []
        for item in items:
            unknown = set(item) - {"space", "externalId", "version", "name", "description", "views"}
            if unknown:
                raise CDFError(400, f"Unknown fields {sorted(unknown)} in a data model")
            self._require_space(item.get("space"))
            _check_xid(item.get("externalId"))
            _check_version(item.get("version"))
            _check_text(item, "name", 255)
            _check_text(item, "description", 1024)
            refs = []
            for view in item.get("views") or []:
                if not isinstance(view, dict):
                    raise CDFError(400, f"Invalid view {view!r} in data model {item.get('externalId')!r}")
                if "type" not in view:  # a whole view, applied with the model
                    inline.append(view)
                refs.append(_ref("view", (view.get("space"), view.get("externalId"), view.get("version"))))  # type: ignore[arg-type]
            checked.append({**{k: v for k, v in item.items() if v is not None}, "views": refs})
        inline_keys = {(v.get("space"), v.get("externalId"), v.get("version")) for v in inline}
        for model in checked:
            for ref in model["views"]:
                key = (ref["space"], ref["externalId"], ref["version"])
                if key not in self.views and key not in inline_keys:
                    raise CDFError(400, f"Data model {model['externalId']!r} names a view that does not exist: "
                                        f"{ref['space']}:{ref['externalId']}/{ref['version']}")  # fmt: skip
        if inline:
            self._apply_views(inline)
        now = self.project.clock()
        out = [_upsert(self.models, (m["space"], m["externalId"], m["version"]), m, now) for m in checked]
        return 200, {"items": [self._read_model(m, False) for m in out]}

    def list_models(self, path: Query, query: Query, body: Any) -> tuple[int, dict[str, Any]]:
        """``GET /models/datamodels``: ``space``, ``includeGlobal``, ``allVersions``, ``inlineViews``."""
        _only(query, "limit", "cursor", "space", "includeGlobal", "allVersions", "inlineViews")
        include_global = _flag(query, "includeGlobal", False)
        space = query.get("space")
        selected = [m for key, m in self.models.items()
                    if (include_global or not self._is_global(key)) and (space is None or key[0] == space)]  # fmt: skip
        if not _flag(query, "allVersions", False):
            selected = _latest(selected)
        inline = _flag(query, "inlineViews", False)
        return _page([self._read_model(m, inline) for m in selected], query, "datamodels")

    def byids_models(self, path: Query, query: Query, body: Any) -> tuple[int, dict[str, Any]]:
        """``POST /models/datamodels/byids``: the data models found (no version: every version)."""
        _only(query, "inlineViews")
        inline = _flag(query, "inlineViews", False)
        return 200, {"items": [self._read_model(m, inline) for m in self._versioned(body, self.models)]}

    def delete_models(self, path: Query, query: Query, body: Any) -> tuple[int, dict[str, Any]]:
        """``POST /models/datamodels/delete``: their views stay; data models that do not exist are ignored."""
        return self._delete_versioned(body, self.models, "data model")

    # ----------------------------------------------------------------- statistics
    def _user_spaces(self) -> list[str]:
        spaces = self.project.stores.get("spaces")
        names = list(spaces.spaces) if isinstance(spaces, SpacesStore) else sorted({k[0] for k in self.containers})
        return [s for s in names if s not in _GLOBAL_SPACE_IDS]

    def project_statistics(self, path: Query, query: Query, body: Any) -> tuple[int, dict[str, Any]]:
        """``GET /models/statistics``: counts (system resources left out) and limits."""
        _only(query)

        def own(store: Mapping[SchemaKey, Item]) -> list[Item]:
            return [v for k, v in store.items() if not self._is_global(k)]

        live, deleted = _instances(self.project), _soft_deleted(self.project)
        nodes = sum(1 for i in live if i.get("instanceType") == "node")
        soft_nodes = sum(1 for i in deleted if i.get("instanceType") == "node")
        return 200, {
            "spaces": {"count": len(self._user_spaces()), "limit": LIMITS["spaces"]},
            "containers": {"count": len(own(self.containers)), "limit": LIMITS["containers"]},
            "views": {"count": len(own(self.views)), "limit": LIMITS["views"]},
            "dataModels": {"count": len(own(self.models)), "limit": LIMITS["dataModels"]},
            "containerProperties": {
                "count": sum(len(c["properties"]) for c in own(self.containers)),
                "limit": LIMITS["containerProperties"],
            },
            "instances": {
                "edges": len(live) - nodes,
                "softDeletedEdges": len(deleted) - soft_nodes,
                "nodes": nodes,
                "softDeletedNodes": soft_nodes,
                "instances": len(live),
                "instancesLimit": LIMITS["instances"],
                "softDeletedInstances": len(deleted),
                "softDeletedInstancesLimit": LIMITS["softDeletedInstances"],
            },
            "concurrentReadLimit": 8,
            "concurrentWriteLimit": 4,
            "concurrentDeleteLimit": 2,
        }

    def _space_statistics(self, space: str) -> Item:
        live = [i for i in _instances(self.project) if i.get("space") == space]
        deleted = [i for i in _soft_deleted(self.project) if i.get("space") == space]
        nodes = sum(1 for i in live if i.get("instanceType") == "node")
        soft_nodes = sum(1 for i in deleted if i.get("instanceType") == "node")
        return {
            "space": space,
            "containers": sum(1 for k in self.containers if k[0] == space),
            "views": sum(1 for k in self.views if k[0] == space),
            "dataModels": sum(1 for k in self.models if k[0] == space),
            "edges": len(live) - nodes, "softDeletedEdges": len(deleted) - soft_nodes,
            "nodes": nodes, "softDeletedNodes": soft_nodes,
        }  # fmt: skip

    def space_statistics(self, path: Query, query: Query, body: Any) -> tuple[int, dict[str, Any]]:
        """``GET /models/statistics/spaces``: the counts of every space."""
        _only(query)
        return 200, {"items": [self._space_statistics(s) for s in self._user_spaces()]}

    def space_statistics_byids(self, path: Query, query: Query, body: Any) -> tuple[int, dict[str, Any]]:
        """``POST /models/statistics/spaces/byids``: the counts of the spaces named (unknown ones left out)."""
        known = set(self._user_spaces())
        wanted = dict.fromkeys(_check_space_id(it.get("space")) for it in _items(body))
        return 200, {"items": [self._space_statistics(s) for s in wanted if s in known]}


# ------------------------------------------------------------------------------------------------ system resources


def _text(name: str, is_list: bool = False) -> Item:
    return {"type": {"type": "text", "list": is_list}, "nullable": True, "name": name}


_CDM = "cdf_cdm"
_GLOBAL_SPACES: list[Item] = [{"space": _CDM, "name": "Cognite Core Data Model", "description": "System space"}]
_GLOBAL_SPACE_IDS = frozenset(s["space"] for s in _GLOBAL_SPACES)
_DESCRIBABLE = {"type": "container", "space": _CDM, "externalId": "CogniteDescribable"}
_TIMESERIES = {"type": "container", "space": _CDM, "externalId": "CogniteTimeSeries"}
_DESCRIBABLE_VIEW = {"type": "view", "space": _CDM, "externalId": "CogniteDescribable", "version": "v1"}
_TIMESERIES_VIEW = {"type": "view", "space": _CDM, "externalId": "CogniteTimeSeries", "version": "v1"}
_GLOBAL_CONTAINERS: list[Item] = [
    {
        "space": _CDM, "externalId": "CogniteDescribable", "usedFor": "all",
        "properties": {"name": _text("name"), "description": _text("description"), "tags": _text("tags", True),
                       "aliases": _text("aliases", True)},
        "indexes": {"name": {"indexType": "btree", "properties": ["name"], "cursorable": False}},
    },
    {
        "space": _CDM, "externalId": "CogniteTimeSeries", "usedFor": "node",
        "properties": {
            "isStep": {"type": {"type": "boolean", "list": False}, "nullable": False, "defaultValue": False},
            "type": {"type": {"type": "enum", "values": {"numeric": {}, "string": {}}}, "nullable": False},
            "sourceUnit": _text("sourceUnit"),
            "unit": {"type": {"type": "direct", "list": False}, "nullable": True},
            "assets": {"type": {"type": "direct", "list": True, "maxListSize": 1200}, "nullable": True},
        },
        "constraints": {"describable": {"constraintType": "requires", "require": _DESCRIBABLE}},
    },
]  # fmt: skip
_GLOBAL_VIEWS: list[Item] = [
    {
        "space": _CDM, "externalId": "CogniteDescribable", "version": "v1", "name": "CogniteDescribable",
        "implements": [],
        "properties": {p: {"container": _DESCRIBABLE, "containerPropertyIdentifier": p}
                       for p in ("name", "description", "tags", "aliases")},
    },
    {
        "space": _CDM, "externalId": "CogniteTimeSeries", "version": "v1", "name": "CogniteTimeSeries",
        "implements": [_DESCRIBABLE_VIEW],
        "properties": {p: {"container": _TIMESERIES, "containerPropertyIdentifier": p}
                       for p in ("isStep", "type", "sourceUnit", "unit", "assets")},
    },
]  # fmt: skip
_GLOBAL_MODELS: list[Item] = [
    {"space": _CDM, "externalId": "CogniteCore", "version": "v1", "name": "Cognite Core Data Model",
     "views": [_DESCRIBABLE_VIEW, _TIMESERIES_VIEW]},
]  # fmt: skip

# The rest of the Core Data Model and its extractor extensions, from the table the SDK's typed classes come from.
extend_system(_GLOBAL_SPACES, _GLOBAL_CONTAINERS, _GLOBAL_VIEWS, _GLOBAL_MODELS)
_GLOBAL_SPACE_IDS = frozenset(s["space"] for s in _GLOBAL_SPACES)


# ------------------------------------------------------------------------------------------------ the table

SPACES = Family(
    name="spaces",
    path="/models/spaces",
    write_fields={},
    verbs=frozenset(),
    limits={"apply": _ITEMS_LIMIT, "byids": _ITEMS_LIMIT, "delete": _ITEMS_LIMIT},
    routes={
        ("POST", ""): "apply",
        ("GET", ""): "list_",
        ("POST", "/byids"): "byids_",
        ("POST", "/delete"): "delete_",
    },
    store_cls=SpacesStore,
)

DM_SCHEMA = Family(
    name="dm_schema",
    path="/models",
    write_fields={},
    verbs=frozenset(),
    limits={"apply": _ITEMS_LIMIT, "byids": _ITEMS_LIMIT, "delete": _ITEMS_LIMIT, "sub_objects": _SUB_OBJECT_LIMIT},
    routes={
        ("POST", "/containers"): "apply_containers",
        ("GET", "/containers"): "list_containers",
        ("POST", "/containers/byids"): "byids_containers",
        ("POST", "/containers/delete"): "delete_containers",
        ("POST", "/containers/constraints/delete"): "delete_constraints",
        ("POST", "/containers/indexes/delete"): "delete_indexes",
        ("POST", "/views"): "apply_views",
        ("GET", "/views"): "list_views",
        ("POST", "/views/byids"): "byids_views",
        ("POST", "/views/delete"): "delete_views",
        ("POST", "/datamodels"): "apply_models",
        ("GET", "/datamodels"): "list_models",
        ("POST", "/datamodels/byids"): "byids_models",
        ("POST", "/datamodels/delete"): "delete_models",
        ("GET", "/statistics"): "project_statistics",
        ("GET", "/statistics/spaces"): "space_statistics",
        ("POST", "/statistics/spaces/byids"): "space_statistics_byids",
    },
    store_cls=SchemaStore,
)

DM_SCHEMA_FAMILIES: tuple[Family, ...] = (SPACES, DM_SCHEMA)
