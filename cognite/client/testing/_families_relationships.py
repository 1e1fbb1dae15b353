"""Emulator table entry for relationships (filter factories come from ``_families``).

Relationships are identified by external id only. With ``fetchResources``, list and byids answers carry the source
and target resources, looked up by type and external id in the same project's stores (left out when the resource
does not exist or its family is not served).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cognite.client.testing._errors import CDFError
from cognite.client.testing._families import labels, one_of, refs, time_range
from cognite.client.testing._filters import Item, LegacyFilter, Predicate
from cognite.client.testing._store import Family, Hooks, ResourceStore

__all__ = ["RELATIONSHIPS", "RELATIONSHIP_FAMILIES", "RelationshipHooks"]

#: Resource type -> the path of the family that holds such resources.
RESOURCE_PATHS = {
    "asset": "/assets",
    "timeSeries": "/timeseries",
    "file": "/files",
    "event": "/events",
    "sequence": "/sequences",
}
_TYPE_FIELDS = ("sourceType", "targetType")
_LIST_FILTER_MAX = 1000


def _bounded(factory: LegacyFilter, name: str, allowed: frozenset[str] | None = None) -> LegacyFilter:
    """A list filter that takes 1 to 1000 values (and, with ``allowed``, only those values)."""

    def make(value: Any, store: ResourceStore) -> Predicate:
        if not isinstance(value, list) or not 1 <= len(value) <= _LIST_FILTER_MAX:
            raise CDFError(400, f"'{name}' must be a list of 1 to {_LIST_FILTER_MAX} values")
        if allowed is not None and not set(value) <= allowed:
            raise CDFError(400, f"'{name}' values must be among {sorted(allowed)}, got {value!r}")
        return factory(value, store)

    return make


def active_at(value: Any, store: ResourceStore) -> Predicate:
    """Filter: the item's [startTime, endTime] overlaps [min, max] (missing bounds are open-ended)."""
    if not isinstance(value, dict):
        raise CDFError(400, f"Invalid range for 'activeAtTime': {value!r}")
    lo, hi = value.get("min"), value.get("max")

    def pred(item: Item) -> bool:
        start, end = item.get("startTime"), item.get("endTime")
        return (hi is None or start is None or start <= hi) and (lo is None or end is None or end >= lo)

    return pred


def sources_or_targets(value: Any, store: ResourceStore) -> Predicate:
    """Filter: the source or the target is one of the given ``{"type", "externalId"}`` resources."""
    if not isinstance(value, list) or not value:
        raise CDFError(400, "'sourcesOrTargets' must be a non-empty list")
    wanted = {(ref.get("type"), ref.get("externalId")) for ref in value if isinstance(ref, dict)}

    def pred(item: Item) -> bool:
        source = (item.get("sourceType"), item.get("sourceExternalId"))
        return source in wanted or (item.get("targetType"), item.get("targetExternalId")) in wanted

    return pred


class RelationshipHooks(Hooks):
    """Resource types and confidence are checked; ``fetchResources`` adds the linked resources."""

    def prepare_create(self, store: ResourceStore, new: list[Item]) -> None:
        """Reject unknown resource types and a confidence outside [0, 1]."""
        for item in new:
            for name in _TYPE_FIELDS:
                _check_type(name, item[name])
            confidence = item.get("confidence")
            if confidence is not None and not 0 <= confidence <= 1:
                raise CDFError(400, f"confidence must be between 0 and 1, got {confidence!r}")

    def apply_update(self, store: ResourceStore, item: Item, name: str, op: Mapping[str, Any]) -> bool:
        """Check the resource type of a ``sourceType``/``targetType`` update (then the generic rules apply)."""
        if name in _TYPE_FIELDS and "set" in op:
            _check_type(name, op["set"])
        if name == "confidence" and isinstance(op.get("set"), int | float) and not 0 <= op["set"] <= 1:
            raise CDFError(400, f"confidence must be between 0 and 1, got {op['set']!r}")
        return False

    def present(self, store: ResourceStore, items: list[Item], body: Mapping[str, Any]) -> list[Item]:
        """With ``fetchResources``, add ``source`` and ``target`` (the resources, where they exist)."""
        if not body.get("fetchResources"):
            return items
        stores = {fam_store.family.path: fam_store for fam_store in store.project.stores.values()}
        out = []
        for item in items:
            shown = dict(item)
            for end in ("source", "target"):
                path = RESOURCE_PATHS.get(item[f"{end}Type"])
                holder = stores.get(path) if path is not None else None
                found = holder.get({"externalId": item[f"{end}ExternalId"]}) if holder is not None else None
                if holder is not None and found is not None:
                    shown[end] = holder.public([found])[0]
            out.append(shown)
        return out


def _check_type(name: str, value: Any) -> None:
    if value not in RESOURCE_PATHS:
        raise CDFError(400, f"'{name}' must be one of {sorted(RESOURCE_PATHS)}, got {value!r}")


_TYPES = frozenset(RESOURCE_PATHS)

RELATIONSHIPS = Family(
    name="relationships",
    path="/relationships",
    write_fields={
        "externalId": str,
        "sourceExternalId": str,
        "sourceType": str,
        "targetExternalId": str,
        "targetType": str,
        "startTime": int,
        "endTime": int,
        "confidence": (int, float),
        "dataSetId": int,
        "labels": list,
    },
    required=("externalId", "sourceExternalId", "sourceType", "targetExternalId", "targetType"),
    updates={
        "sourceExternalId": "value",
        "sourceType": "value",
        "targetExternalId": "value",
        "targetType": "value",
        "startTime": "nullable",
        "endTime": "nullable",
        "confidence": "nullable",
        "dataSetId": "nullable",
        "labels": "labels",
    },
    filters={
        "sourceExternalIds": _bounded(one_of("sourceExternalId"), "sourceExternalIds"),
        "sourceTypes": _bounded(one_of("sourceType"), "sourceTypes", _TYPES),
        "targetExternalIds": _bounded(one_of("targetExternalId"), "targetExternalIds"),
        "targetTypes": _bounded(one_of("targetType"), "targetTypes", _TYPES),
        "dataSetIds": refs("dataSetId", "datasets"),
        "startTime": time_range("startTime"),
        "endTime": time_range("endTime"),
        "confidence": time_range("confidence"),
        "lastUpdatedTime": time_range("lastUpdatedTime"),
        "createdTime": time_range("createdTime"),
        "activeAtTime": active_at,
        "labels": labels(),
        "sourcesOrTargets": sources_or_targets,
    },
    verbs=frozenset({"create", "list", "byids", "update", "delete"}),
    internal_id=False,
    delete_status=202,
    hooks=RelationshipHooks(),
)

#: The families defined in this module; the registry (``_registry.FAMILIES``) gathers every module's.
RELATIONSHIP_FAMILIES: tuple[Family, ...] = (RELATIONSHIPS,)
