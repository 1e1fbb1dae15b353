"""The table of API families the emulator serves, plus the hooks of families with real behaviour (assets).

Adding a family is one :class:`~cognite.client.testing._store.Family` entry in ``FAMILIES``; limits and create
statuses are taken from the CDF spec (``tests/emulator`` checks them against it).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from cognite.client.testing._errors import CDFError
from cognite.client.testing._filters import Item, LegacyFilter, Predicate
from cognite.client.testing._store import Family, Hooks, ResourceStore

__all__ = ["ASSETS", "CORE_FAMILIES", "DATASETS", "EVENTS", "LABELS", "AssetHooks"]


# --------------------------------------------------------------------------- legacy filter factories
def eq(field: str) -> LegacyFilter:
    """Filter: the field equals the value."""
    return lambda value, store: lambda item: item.get(field) == value


def prefix(field: str) -> LegacyFilter:
    """Filter: the (string) field starts with the value."""

    def make(value: Any, store: ResourceStore) -> Predicate:
        if isinstance(value, dict):  # {"prefix": "..."} form used by some families
            value = value.get("prefix")
        if not isinstance(value, str):
            raise CDFError(400, f"Invalid prefix {value!r}")
        return lambda item: isinstance(v := item.get(field), str) and v.startswith(value)

    return make


def time_range(field: str) -> LegacyFilter:
    """Filter: ``{"min": ms, "max": ms}``, both inclusive; or ``{"isNull": bool}`` (the field is absent or not)."""

    def make(value: Any, store: ResourceStore) -> Predicate:
        if not isinstance(value, dict):
            raise CDFError(400, f"Invalid range for '{field}': {value!r}")
        if "isNull" in value:
            if set(value) != {"isNull"} or not isinstance(value["isNull"], bool):
                raise CDFError(400, f"Invalid filter for '{field}': isNull cannot be combined with min/max")
            want_null = value["isNull"]
            return lambda item: (item.get(field) is None) is want_null
        lo, hi = value.get("min"), value.get("max")
        return lambda item: (v := item.get(field)) is not None and (lo is None or v >= lo) and (hi is None or v <= hi)

    return make


def active_at(start: str, end: str) -> LegacyFilter:
    """Filter: ``{"min": ms, "max": ms}`` keeps items active at some time in the range: started (``start`` set and
    not after ``max``) and not ended before ``min`` (no ``end``, or ``end`` not before ``min``)."""

    def make(value: Any, store: ResourceStore) -> Predicate:
        if not isinstance(value, dict):
            raise CDFError(400, f"Invalid range for '{start}'/'{end}': {value!r}")
        lo, hi = value.get("min"), value.get("max")

        def pred(item: Item) -> bool:
            began, ended = item.get(start), item.get(end)
            return began is not None and (hi is None or began <= hi) and (ended is None or lo is None or ended >= lo)

        return pred

    return make


def metadata(field: str = "metadata") -> LegacyFilter:
    """Filter: every given metadata key has the given value."""

    def make(value: Any, store: ResourceStore) -> Predicate:
        if not isinstance(value, dict):
            raise CDFError(400, "metadata filter must be an object")
        wanted = value.items()
        return lambda item: wanted <= (item.get(field) or {}).items()

    return make


def labels(field: str = "labels") -> LegacyFilter:
    """Filter: ``{"containsAny": [{"externalId"}]}`` or ``{"containsAll": [...]}``."""

    def make(value: Any, store: ResourceStore) -> Predicate:
        if not isinstance(value, dict) or len(value) != 1 or next(iter(value)) not in ("containsAny", "containsAll"):
            raise CDFError(400, "labels filter must be {'containsAny': [...]} or {'containsAll': [...]}")
        ((kind, refs),) = value.items()
        wanted = {r.get("externalId") for r in refs if isinstance(r, dict)}

        def pred(item: Item) -> bool:
            have = {lab.get("externalId") for lab in item.get(field) or ()}
            return not wanted.isdisjoint(have) if kind == "containsAny" else wanted <= have

        return pred

    return make


def one_of(field: str) -> LegacyFilter:
    """Filter: the field (or, for a list field, any of its values) is in a list of plain values."""

    def make(value: Any, store: ResourceStore) -> Predicate:
        if not isinstance(value, list):
            raise CDFError(400, f"Filter on '{field}' needs a list")
        wanted = set(value)

        def pred(item: Item) -> bool:
            v = item.get(field)
            return not wanted.isdisjoint(v) if isinstance(v, list) else v in wanted

        return pred

    return make


def refs(field: str, family: str, *, xids_only: bool = False) -> LegacyFilter:
    """Filter: the field is one of the ids named by identifiers (``{"id"}``/``{"externalId"}``) of a family.

    Args:
        field: The item field holding an id (or a list of ids).
        family: The family the identifiers refer to.
        xids_only: The filter value is a list of external id strings.
    """

    def make(value: Any, store: ResourceStore) -> Predicate:
        if not isinstance(value, list):
            raise CDFError(400, f"Filter on '{field}' needs a list")
        identifiers = [{"externalId": v} for v in value] if xids_only else value
        wanted: set[Any] = set()
        xids = []
        for ref in identifiers:
            if isinstance(ref, dict) and "id" in ref:
                wanted.add(ref["id"])  # ids are taken literally: unknown ones simply match nothing
            elif isinstance(ref, dict) and "externalId" in ref:
                xids.append({"externalId": ref["externalId"]})
            else:
                raise CDFError(400, f"Invalid identifier {ref!r} in the filter on '{field}'")
        target = store.project.stores.get(family)
        if xids and target is not None:
            wanted |= {it["id"] for it in target.resolve(xids, ignore_unknown=True)}
        return one_of(field)(list(wanted), store)

    return make


def subtree(field: str) -> LegacyFilter:
    """Filter: the field (an asset id or list of asset ids) is inside the subtrees of the given assets."""

    def make(value: Any, store: ResourceStore) -> Predicate:
        if not isinstance(value, list):
            raise CDFError(400, "assetSubtreeIds needs a list")
        return one_of(field)(list(store.project.subtree_ids(value)), store)

    return make


def is_root(value: Any, store: ResourceStore) -> Predicate:
    """Filter (assets): ``root: true`` keeps root assets, ``false`` the others."""
    want_root = bool(value)
    return lambda item: ("parentId" not in item) is want_root


# --------------------------------------------------------------------------- query parameter parsers
def json_list(raw: str) -> list[Any]:
    """Parse a ``jsonArray`` query parameter (``[1,2]`` or ``["a","b"]``; bare words are accepted too)."""
    text = raw.strip()
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        inner = text.strip("[]")
        value = [part.strip().strip('"') for part in inner.split(",") if part.strip()]
    if not isinstance(value, list):
        raise ValueError(raw)
    return value


def json_ids(raw: str) -> list[dict[str, int]]:
    """Parse a ``jsonArray(int64)`` query parameter into identifier objects."""
    return [{"id": int(v)} for v in json_list(raw)]


def boolean(raw: str) -> bool:
    """Parse a boolean query parameter."""
    if raw not in ("true", "false"):
        raise ValueError(raw)
    return raw == "true"


def _xid_refs(raw: str) -> list[dict[str, str]]:
    return [{"externalId": str(v)} for v in json_list(raw)]


# --------------------------------------------------------------------------- assets
class AssetHooks(Hooks):
    """The asset hierarchy: parents, roots, children, depth/path, recursive delete."""

    @staticmethod
    def children(store: ResourceStore) -> dict[int, set[int]]:
        """Return the parent id -> child ids index of a store."""
        index: dict[int, set[int]] = store.state.setdefault("children", {})
        return index

    def prepare_create(self, store: ResourceStore, new: list[Item]) -> None:
        """Resolve parents (also within the batch), compute rootIds, reject unknown parents and cycles."""
        batch_by_xid = {it["externalId"]: it for it in new if "externalId" in it}
        missing: list[dict[str, Any]] = []
        parent_of: dict[int, Item | None] = {}
        for item in new:
            if "parentId" in item and "parentExternalId" in item:
                raise CDFError(400, "Only one of parentId and parentExternalId can be set")
            parent: Item | None = None
            if "parentId" in item:
                parent = store.items.get(item["parentId"])
                if parent is None:
                    missing.append({"id": item["parentId"]})
            elif "parentExternalId" in item:
                xid = item["parentExternalId"]
                parent = batch_by_xid.get(xid) or store.get({"externalId": xid})
                if parent is None:
                    missing.append({"externalId": xid})
            parent_of[item["id"]] = parent
        if missing:
            raise CDFError(400, "Reference to unknown parent(s)", missing=missing)
        for item in new:
            chain: list[Item] = []
            node: Item | None = item
            seen: set[int] = set()
            while node is not None and "rootId" not in node:
                if node["id"] in seen:
                    raise CDFError(400, "The assets in the request form a cycle", extra={"missing": []})
                seen.add(node["id"])
                chain.append(node)
                node = parent_of.get(node["id"])
            root_id = node["rootId"] if node is not None else chain[-1]["id"]
            for link in chain:
                link["rootId"] = root_id
        for item in new:
            parent = parent_of[item["id"]]
            if parent is not None:
                item["parentId"] = parent["id"]
                if "externalId" in parent:
                    item["parentExternalId"] = parent["externalId"]
                else:
                    item.pop("parentExternalId", None)

    def after_insert(self, store: ResourceStore, new: list[Item]) -> None:
        """Index children."""
        index = self.children(store)
        for item in new:
            if "parentId" in item:
                index.setdefault(item["parentId"], set()).add(item["id"])

    def apply_update(self, store: ResourceStore, item: Item, name: str, op: Mapping[str, Any]) -> bool:
        """Move an asset to another parent in the same hierarchy (``parentId``/``parentExternalId``: set)."""
        if name not in ("parentId", "parentExternalId"):
            return False
        if set(op) != {"set"}:
            raise CDFError(400, f"'{name}' supports only 'set'")
        ref = {"id": op["set"]} if name == "parentId" else {"externalId": op["set"]}
        parent = store.get(ref)
        if parent is None:
            raise CDFError(400, "Reference to unknown parent", missing=[ref])
        if "parentId" not in item:
            raise CDFError(400, f"Asset {item['id']} is a root asset; a root asset cannot be given a parent")
        if parent["rootId"] != item["rootId"]:
            raise CDFError(400, "The new parent must be in the same asset hierarchy (same rootId)")
        node: Item | None = parent
        while node is not None:
            if node["id"] == item["id"]:
                raise CDFError(400, "An asset cannot be moved below itself")
            node = store.items.get(node["parentId"]) if "parentId" in node else None
        item["parentId"] = parent["id"]
        if "externalId" in parent:
            item["parentExternalId"] = parent["externalId"]
        else:
            item.pop("parentExternalId", None)
        return True

    def after_update(self, store: ResourceStore, old: Item, new: Item) -> None:
        """Keep the children index and the children's ``parentExternalId`` in step."""
        index = self.children(store)
        if old.get("parentId") != new.get("parentId"):
            index.get(old["parentId"], set()).discard(old["id"])
            index.setdefault(new["parentId"], set()).add(new["id"])
        if old.get("externalId") != new.get("externalId"):
            for child_id in index.get(new["id"], ()):
                child = dict(store.items[child_id])
                if "externalId" in new:
                    child["parentExternalId"] = new["externalId"]
                else:
                    child.pop("parentExternalId", None)
                store.items[child_id] = child

    def expand_delete(self, store: ResourceStore, targets: list[Item], body: Mapping[str, Any]) -> list[Item]:
        """Refuse to orphan children unless ``recursive``; with it, add every descendant."""
        index = self.children(store)
        target_ids = {it["id"] for it in targets}
        if not body.get("recursive", False):
            blocked = [{"id": it["id"]} for it in targets if any(c not in target_ids for c in index.get(it["id"], ()))]
            if blocked:
                raise CDFError(
                    400,
                    "Cannot delete assets that have children unless recursive is true",
                    extra={"items": blocked},
                )
            return targets
        out: list[Item] = []
        seen: set[int] = set()
        stack = [it["id"] for it in targets]
        while stack:
            node = stack.pop()
            if node in seen or node not in store.items:
                continue
            seen.add(node)
            out.append(store.items[node])
            stack.extend(index.get(node, ()))
        return out

    def after_delete(self, store: ResourceStore, removed: list[Item]) -> None:
        """Drop removed assets from the children index."""
        index = self.children(store)
        for item in removed:
            index.pop(item["id"], None)
            if "parentId" in item and item["parentId"] in index:
                index[item["parentId"]].discard(item["id"])

    def decorate(self, store: ResourceStore, items: list[Item], aggregated_properties: Sequence[str]) -> list[Item]:
        """Add ``aggregates`` with ``childCount``, ``depth`` and ``path`` as asked."""
        index = self.children(store)
        out = []
        for item in items:
            aggregates: dict[str, Any] = {}
            if "childCount" in aggregated_properties:
                aggregates["childCount"] = len(index.get(item["id"], ()))
            if "depth" in aggregated_properties or "path" in aggregated_properties:
                path = [item["id"]]
                node = item
                while "parentId" in node:
                    node = store.items[node["parentId"]]
                    path.append(node["id"])
                if "depth" in aggregated_properties:
                    aggregates["depth"] = len(path) - 1
                if "path" in aggregated_properties:
                    aggregates["path"] = [{"id": i} for i in reversed(path)]
            out.append({**item, "aggregates": aggregates})
        return out

    def property_getter(self, path: Sequence[str]) -> Callable[[Item], Any] | None:
        """No special properties (labels and metadata are handled generically)."""
        return None


_TIME_FILTERS: dict[str, LegacyFilter] = {
    "createdTime": time_range("createdTime"),
    "lastUpdatedTime": time_range("lastUpdatedTime"),
}
_TIME_PARAMS: dict[str, tuple[str, Callable[[str], Any]]] = {
    "minCreatedTime": ("createdTime.min", int),
    "maxCreatedTime": ("createdTime.max", int),
    "minLastUpdatedTime": ("lastUpdatedTime.min", int),
    "maxLastUpdatedTime": ("lastUpdatedTime.max", int),
}

ASSETS = Family(
    name="assets",
    path="/assets",
    write_fields={
        "externalId": str,
        "name": str,
        "parentId": int,
        "parentExternalId": str,
        "description": str,
        "dataSetId": int,
        "metadata": dict,
        "source": str,
        "labels": list,
        "geoLocation": dict,
    },
    required=("name",),
    updates={
        "externalId": "nullable",
        "name": "value",
        "description": "nullable",
        "dataSetId": "nullable",
        "metadata": "object",
        "source": "nullable",
        "parentId": "value",
        "parentExternalId": "value",
        "labels": "labels",
        "geoLocation": "nullable",
    },
    filters={
        "name": eq("name"),
        "parentIds": one_of("parentId"),
        "parentExternalIds": refs("parentId", "assets", xids_only=True),
        "rootIds": refs("rootId", "assets"),
        "assetSubtreeIds": subtree("id"),
        "dataSetIds": refs("dataSetId", "datasets"),
        "metadata": metadata(),
        "source": eq("source"),
        "root": is_root,
        "externalIdPrefix": prefix("externalId"),
        "labels": labels(),
        **_TIME_FILTERS,
    },
    query_params={
        "name": ("name", str),
        "parentIds": ("parentIds", lambda raw: [int(v) for v in json_list(raw)]),
        "parentExternalIds": ("parentExternalIds", json_list),
        "rootIds": ("rootIds", json_ids),
        "assetSubtreeIds": ("assetSubtreeIds", json_ids),
        "assetSubtreeExternalIds": ("assetSubtreeIds", _xid_refs),
        "source": ("source", str),
        "root": ("root", boolean),
        "externalIdPrefix": ("externalIdPrefix", str),
        **_TIME_PARAMS,
    },
    search_fields={"name": ("name",), "description": ("description",), "query": ("name", "description")},
    filter_properties=frozenset(
        {
            "id",
            "externalId",
            "name",
            "description",
            "parentId",
            "parentExternalId",
            "rootId",
            "dataSetId",
            "metadata",
            "source",
            "labels",
            "createdTime",
            "lastUpdatedTime",
        }
    ),
    sortable=True,
    aggregated_properties=frozenset({"childCount", "path", "depth"}),
    hooks=AssetHooks(),
)

EVENTS = Family(
    name="events",
    path="/events",
    write_fields={
        "externalId": str,
        "dataSetId": int,
        "startTime": int,
        "endTime": int,
        "type": str,
        "subtype": str,
        "description": str,
        "metadata": dict,
        "assetIds": list,
        "source": str,
    },
    updates={
        "externalId": "nullable",
        "dataSetId": "nullable",
        "startTime": "nullable",
        "endTime": "nullable",
        "description": "nullable",
        "metadata": "object",
        "assetIds": "list",
        "source": "nullable",
        "type": "nullable",
        "subtype": "nullable",
    },
    filters={
        "startTime": time_range("startTime"),
        "endTime": time_range("endTime"),
        "metadata": metadata(),
        "assetIds": one_of("assetIds"),
        "assetExternalIds": refs("assetIds", "assets", xids_only=True),
        "assetSubtreeIds": subtree("assetIds"),
        "dataSetIds": refs("dataSetId", "datasets"),
        "source": eq("source"),
        "type": eq("type"),
        "subtype": eq("subtype"),
        "externalIdPrefix": prefix("externalId"),
        "activeAtTime": active_at("startTime", "endTime"),
        **_TIME_FILTERS,
    },
    query_params={
        "minStartTime": ("startTime.min", int),
        "maxStartTime": ("startTime.max", int),
        "minEndTime": ("endTime.min", int),
        "maxEndTime": ("endTime.max", int),
        "minActiveAtTime": ("activeAtTime.min", int),
        "maxActiveAtTime": ("activeAtTime.max", int),
        "assetIds": ("assetIds", lambda raw: [int(v) for v in json_list(raw)]),
        "assetExternalIds": ("assetExternalIds", json_list),
        "assetSubtreeIds": ("assetSubtreeIds", json_ids),
        "assetSubtreeExternalIds": ("assetSubtreeIds", _xid_refs),
        "source": ("source", str),
        "type": ("type", str),
        "subtype": ("subtype", str),
        "externalIdPrefix": ("externalIdPrefix", str),
        **_TIME_PARAMS,
    },
    search_fields={"description": ("description",), "query": ("description", "type", "subtype")},
    filter_properties=frozenset(
        {
            "id",
            "externalId",
            "dataSetId",
            "startTime",
            "endTime",
            "type",
            "subtype",
            "description",
            "metadata",
            "assetIds",
            "source",
            "createdTime",
            "lastUpdatedTime",
        }
    ),
    sortable=True,
)

DATASETS = Family(
    name="datasets",
    path="/datasets",
    write_fields={"externalId": str, "name": str, "description": str, "metadata": dict, "writeProtected": bool},
    updates={
        "externalId": "nullable",
        "name": "nullable",
        "description": "nullable",
        "metadata": "object",
        "writeProtected": "value",
    },
    filters={
        "metadata": metadata(),
        "externalIdPrefix": prefix("externalId"),
        "writeProtected": eq("writeProtected"),
        **_TIME_FILTERS,
    },
    limits={"create": 10, "byids": 1000, "update": 1000},
    defaults={"writeProtected": False},
    create_status=200,
    verbs=frozenset({"create", "list", "byids", "update", "aggregate"}),
)

LABELS = Family(
    name="labels",
    path="/labels",
    write_fields={"externalId": str, "name": str, "description": str, "dataSetId": int},
    required=("externalId", "name"),
    filters={
        "name": eq("name"),
        "externalIdPrefix": prefix("externalId"),
        "dataSetIds": refs("dataSetId", "datasets"),
    },
    verbs=frozenset({"create", "list", "byids", "delete"}),
    internal_id=False,
)

#: The families defined in this module; the registry (``_registry.FAMILIES``) gathers every module's.
CORE_FAMILIES: tuple[Family, ...] = (ASSETS, EVENTS, DATASETS, LABELS)
