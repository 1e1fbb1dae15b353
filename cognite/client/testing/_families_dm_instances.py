"""Emulator table entry for data-modeling instances (``/models/instances``), served by :class:`InstancesStore`.

Nodes and edges are kept in their wire shape, keyed by ``(space, externalId)`` (a node and an edge cannot share
one), with their properties stored per source exactly as written: ``{space: {"View/v1" | "Container": {...}}}``.
The emulator does not need the schema (spaces, containers, views): a read with ``sources`` returns the properties
written through those views; when the project has a ``spaces`` store, writes into a space it does not know fail.

Every write takes a number from one sequence; a sync cursor is such a number, so ``/sync`` answers what changed
after it (deleted instances as tombstones with ``deletedTime``). List and query cursors are offsets into the
(filtered, sorted) result.

What is implemented of the query language: node result sets by filter, through a direct relation (``through``,
both directions) or at the ends of an edge result set; edge result sets traversed from node result sets (both
directions, ``maxDistance``, ``nodeFilter``, ``terminationFilter``, ``limitEach``); ``union``/``unionAll``/
``intersection`` with ``except``; ``select`` with sources, sort and limit; parameters; cursors per result set.
Sync modes: ``onePhase`` and ``twoPhase`` both stream in change order (``backfillSort`` is not applied);
``noBackfill`` starts from the first call.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from cognite.client.testing._errors import CDFError
from cognite.client.testing._filters import Item, Predicate, compile_advanced, search_score
from cognite.client.testing._store import Family, Hooks, Project, ResourceStore

__all__ = ["DM_INSTANCES", "DM_INSTANCES_FAMILIES", "InstancesStore"]

Key = tuple[str, str]
_DEFAULT_QUERY_LIMIT = 100
_MAX_QUERY_LIMIT = 10_000
_MAX_SYNC_LIMIT = 2_000
_TOKEN = re.compile(r"\w+", re.UNICODE)


# ------------------------------------------------------------------------------------------------ cursors


def _cursor(kind: str, value: Any) -> str:
    raw = json.dumps([kind, value], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _uncursor(cursor: Any, kind: str) -> Any:
    try:
        if not isinstance(cursor, str):
            raise ValueError(cursor)
        got_kind, value = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if got_kind != kind:
            raise ValueError(got_kind)
        return value
    except (ValueError, binascii.Error, UnicodeDecodeError, TypeError):
        raise CDFError(400, f"Invalid cursor: {cursor!r}") from None


# ------------------------------------------------------------------------------------------------ properties


def _source_key(source: Mapping[str, Any]) -> tuple[str, str]:
    """(space, "externalId/version" | "externalId") of a view or container reference."""
    if source.get("type") == "view":
        return source["space"], f"{source['externalId']}/{source['version']}"
    return source["space"], source["externalId"]


def _is_reference(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and set(value) == {"space", "externalId"}
        and all(isinstance(v, str) for v in value.values())
    )


def _references(value: Any) -> list[Key]:
    if _is_reference(value):
        return [(value["space"], value["externalId"])]
    if isinstance(value, list):
        return [(v["space"], v["externalId"]) for v in value if _is_reference(v)]
    return []


def _props_of(item: Item, space: str, source: str) -> dict[str, Any] | None:
    found = item.get("properties", {}).get(space, {}).get(source)
    return found if isinstance(found, dict) else None


def _instance_getter(path: Sequence[str]) -> Callable[[Item], Any]:
    """Read a property reference: ``[node|edge|instance, attribute]`` or ``[space, source, property]``."""
    if len(path) == 2 and path[0] in ("node", "edge", "instance"):
        attr = path[1]

        def base(item: Item) -> Any:
            if path[0] != "instance" and item["instanceType"] != path[0]:
                return None
            return item.get(attr)

        return base
    if len(path) == 3:
        space, source, prop = path
        return lambda item: (_props_of(item, space, source) or {}).get(prop)
    raise CDFError(400, f"Invalid property reference {list(path)!r}")


def _substitute(value: Any, parameters: Mapping[str, Any]) -> Any:
    """Replace ``{"parameter": name}`` values of a filter by the query's parameters."""
    if isinstance(value, dict):
        if set(value) == {"parameter"} and isinstance(value["parameter"], str):
            name = value["parameter"]
            if name not in parameters:
                raise CDFError(400, f"Missing value for parameter {name!r}")
            return parameters[name]
        return {k: _substitute(v, parameters) for k, v in value.items()}
    if isinstance(value, list):
        return [_substitute(v, parameters) for v in value]
    return value


def _comparable(value: Any) -> Any:
    if isinstance(value, dict):
        return json.dumps(value, sort_keys=True)
    return value


class InstanceHooks(Hooks):
    """Data-modeling filters: property references into instances, and the filters of data modeling only."""

    def store_property_getter(self, store: ResourceStore, path: Sequence[str]) -> Callable[[Item], Any] | None:
        """Read ``["node", "externalId"]``, ``[space, "View/v1", prop]`` and the like."""
        return _instance_getter(path)

    def compile_leaf(self, store: ResourceStore, kind: str, arg: Any) -> Predicate | None:
        """``matchAll``, ``hasData``, ``instanceReferences``, ``nested``, ``overlaps``; others are generic."""
        if kind == "matchAll":
            return lambda item: True
        if kind == "hasData":
            if not isinstance(arg, list):
                raise CDFError(400, "'hasData' needs a list of views or containers")
            wanted = [_source_key(s) for s in arg]
            return lambda item: all(_props_of(item, space, src) is not None for space, src in wanted)
        if kind == "instanceReferences":
            if not isinstance(arg, list):
                raise CDFError(400, "'instanceReferences' needs a list of {space, externalId}")
            refs = {(r["space"], r["externalId"]) for r in arg}
            return lambda item: (item["space"], item["externalId"]) in refs
        if kind == "nested":
            scope = _instance_getter(arg["scope"])
            inner = compile_advanced(arg["filter"], store)
            assert isinstance(store, InstancesStore)
            instances = store.instances

            def nested(item: Item) -> bool:
                targets = [instances.get(k) for k in _references(scope(item))]
                return any(t is not None and inner(t) for t in targets)

            return nested
        if kind == "overlaps":
            start, end = _instance_getter(arg["startProperty"]), _instance_getter(arg["endProperty"])
            lo = arg.get("gte", arg.get("gt"))
            hi = arg.get("lte", arg.get("lt"))

            def overlaps(item: Item) -> bool:
                s, e = start(item), end(item)
                try:
                    if hi is not None and s is not None and (s > hi or (s == hi and "lt" in arg)):
                        return False
                    if lo is not None and e is not None and (e < lo or (e == lo and "gt" in arg)):
                        return False
                except TypeError:
                    return False
                return s is not None or e is not None

            return overlaps
        if kind == "in":
            getter = _instance_getter(arg["property"])
            values = {_comparable(v) for v in arg.get("values", [])}
            return lambda item: (v := getter(item)) is not None and _comparable(v) in values
        return None


# ------------------------------------------------------------------------------------------------ the store


class InstancesStore(ResourceStore):
    """The nodes and edges of one project.

    Args:
        family: The instances family entry.
        project: The owning project.
    """

    def __init__(self, family: Family, project: Project) -> None:
        super().__init__(family, project)
        self.instances: dict[Key, Item] = {}
        self.seqs: dict[Key, int] = {}
        self.tombstones: dict[Key, Item] = {}
        self.seq = 0

    # ----------------------------------------------------------------- helpers
    def _space_known(self, space: str) -> bool:
        spaces = self.project.stores.get("spaces")
        if spaces is None:
            return True
        has_space = getattr(spaces, "has_space", None)
        if callable(has_space):
            return bool(has_space(space))
        return any(it.get("space") == space for it in getattr(spaces, "items", {}).values())

    def _touch(self, key: Key) -> None:
        self.seq += 1
        self.seqs[key] = self.seq

    def _filter(self, flt: Any, parameters: Mapping[str, Any] | None = None) -> Predicate:
        if flt is None:
            return lambda item: True
        if parameters is not None:
            flt = _substitute(flt, parameters)
        return compile_advanced(flt, self)

    @staticmethod
    def _limit(value: Any, default: int, maximum: int) -> int:  # type: ignore[override]
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= maximum:
            raise CDFError(400, f"limit must be an integer between 1 and {maximum}, got {value!r}")
        return value

    @staticmethod
    def _sorted(items: list[Item], sort: Sequence[Mapping[str, Any]] | None) -> list[Item]:
        if not sort:
            return items
        out = list(items)
        for spec in reversed(sort):
            getter = _instance_getter(spec["property"])
            desc = spec.get("direction", "ascending") == "descending"
            nulls_first = spec.get("nullsFirst", False)
            present = [it for it in out if getter(it) is not None]
            absent = [it for it in out if getter(it) is None]
            try:
                present.sort(key=lambda it: _comparable(getter(it)), reverse=desc)
            except TypeError:
                present.sort(key=lambda it: str(getter(it)), reverse=desc)
            out = absent + present if nulls_first else present + absent
        return out

    @staticmethod
    def _present(item: Item, sources: Sequence[Mapping[str, Any]] | None) -> Item:
        """The item as answered: its properties of the requested sources only (all properties: ``["*"]``)."""
        out = {k: v for k, v in item.items() if k != "properties"}
        props: dict[str, dict[str, Any]] = {}
        for selector in sources or []:
            space, src = _source_key(selector["source"])
            values = _props_of(item, space, src)
            wanted = selector.get("properties")
            if values is not None and wanted is not None and "*" not in wanted:
                values = {k: v for k, v in values.items() if k in wanted}
            if values:  # a group without values is left out (CDF would list the view's properties as null)
                props.setdefault(space, {})[src] = dict(values)
        out["properties"] = props
        return out

    def _typing(self, items: Iterable[Item]) -> dict[str, Any]:
        """Type information of the properties answered: from the view's definition when the project's schema store
        knows the view, else guessed from the values."""
        typing: dict[str, Any] = {}
        for item in items:
            for space, sources in item.get("properties", {}).items():
                for src, values in sources.items():
                    slot = typing.setdefault(space, {}).setdefault(src, {})
                    defined = self._view_properties(space, src)
                    for prop, value in values.items():
                        if prop not in slot:
                            slot[prop] = _definition(defined.get(prop)) or {
                                "type": _type_of(value),
                                "nullable": True,
                                "autoIncrement": False,
                                "immutable": False,
                                "constraintState": {},
                            }
        return typing

    def _view_properties(self, space: str, source: str) -> Mapping[str, Any]:
        """The property definitions of a view as the schema store reads it (empty when unknown or not served)."""
        schema = self.project.stores.get("dm_schema")
        view_of = getattr(schema, "view", None)
        if "/" not in source or not callable(view_of):
            return {}
        xid, version = source.split("/", 1)
        try:
            view = view_of(space, xid, version)
        except Exception:  # the schema store is optional; a problem there must not break reading instances
            return {}
        props = view.get("properties") if isinstance(view, dict) else None
        return props if isinstance(props, dict) else {}

    def _check_id(self, entry: Any) -> tuple[str, Key]:
        if not isinstance(entry, dict):
            raise CDFError(400, f"Invalid instance identifier {entry!r}")
        kind, space, xid = entry.get("instanceType"), entry.get("space"), entry.get("externalId")
        if kind not in ("node", "edge") or not isinstance(space, str) or not isinstance(xid, str):
            raise CDFError(400, f"Invalid instance identifier {entry!r}")
        return kind, (space, xid)

    # ----------------------------------------------------------------- apply
    def apply(self, path: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, dict[str, Any]]:
        """``POST /models/instances``: upsert nodes and edges in one transaction."""
        items = body.get("items")
        if not isinstance(items, list) or len(items) > self.family.limits["apply"]:
            raise CDFError(400, f"items must be an array of at most {self.family.limits['apply']} instances")
        flags = {
            name: body.get(name, default)
            for name, default in (
                ("autoCreateDirectRelations", True),
                ("autoCreateStartNodes", False),
                ("autoCreateEndNodes", False),
                ("skipOnVersionConflict", False),
                ("replace", False),
            )
        }
        seen: set[Key] = set()
        duplicated: list[dict[str, str]] = []
        conflicts: list[str] = []
        to_write: list[Item] = []
        for entry in items:
            kind, key = self._check_id(entry)
            if key in seen:
                duplicated.append({"space": key[0], "externalId": key[1]})
                continue
            seen.add(key)
            if not self._space_known(key[0]):
                raise CDFError(400, f"Space {key[0]!r} does not exist")
            existing = self.instances.get(key)
            if existing is not None and existing["instanceType"] != kind:
                raise CDFError(400, f"{key!r} is a {existing['instanceType']}, not a {kind}")
            if kind == "edge":
                for ref in ("type", "startNode", "endNode"):
                    if not _is_reference(entry.get(ref)):
                        raise CDFError(400, f"An edge needs '{ref}': {{space, externalId}}")
            expected = entry.get("existingVersion")
            if expected is not None and existing is not None and existing["version"] > expected:
                if flags["skipOnVersionConflict"]:
                    continue
                conflicts.append(f"{key[0]}:{key[1]} (version {existing['version']}, existingVersion {expected})")
                continue
            to_write.append(entry)
        if duplicated:
            raise CDFError(400, "Duplicate instances in the request", duplicated=duplicated)
        if conflicts:
            raise CDFError(409, f"Version conflict: {', '.join(conflicts)}")
        auto_nodes = self._auto_created(to_write, flags, seen)
        now = self.project.clock()
        results = [self._write_one(entry, flags["replace"], now) for entry in to_write]
        for key in auto_nodes:
            self._write_one({"instanceType": "node", "space": key[0], "externalId": key[1]}, False, now)
        deleted = self._delete_ids(body.get("delete") or [])
        self._sync_core_nodes([(r["space"], r["externalId"]) for r in results], deleted)
        return 200, {"items": results, "deleted": deleted}

    def _sync_core_nodes(self, written: Sequence[Key], deleted: Sequence[Mapping[str, Any]]) -> None:
        """Keep the files and time series of Core Data Model file and time series nodes in step (see ``_cdm_sync``)."""
        from cognite.client.testing._cdm_sync import sync_core_nodes

        gone = [(d["space"], d["externalId"]) for d in deleted if d.get("instanceType") == "node"]
        sync_core_nodes(self.project, [self.instances[k] for k in written if k in self.instances], gone)

    def _auto_created(self, entries: list[Item], flags: Mapping[str, Any], written: set[Key]) -> list[Key]:
        """The nodes the write creates implicitly (edge ends, direct relation targets); 400 when not allowed."""
        wanted: dict[Key, None] = {}
        missing: list[str] = []

        def need(ref: Key, allowed: bool, what: str) -> None:
            if ref in self.instances or ref in written or ref in wanted:
                if ref in self.instances and self.instances[ref]["instanceType"] != "node":
                    raise CDFError(400, f"{what} {ref!r} is an edge, not a node")
                return
            if allowed and not self._space_known(ref[0]):
                raise CDFError(400, f"Cannot auto-create {what} {ref[0]}:{ref[1]}: space {ref[0]!r} does not exist")
            if allowed:
                wanted[ref] = None
            else:
                missing.append(f"{what} {ref[0]}:{ref[1]}")

        for entry in entries:
            if entry["instanceType"] == "edge":
                need((entry["startNode"]["space"], entry["startNode"]["externalId"]),
                     flags["autoCreateStartNodes"], "start node")  # fmt: skip
                need((entry["endNode"]["space"], entry["endNode"]["externalId"]),
                     flags["autoCreateEndNodes"], "end node")  # fmt: skip
            elif _is_reference(entry.get("type")):
                need((entry["type"]["space"], entry["type"]["externalId"]),
                     flags["autoCreateDirectRelations"], "type node")  # fmt: skip
            for source in entry.get("sources") or []:
                for value in (source.get("properties") or {}).values():
                    for ref in _references(value):
                        need(ref, flags["autoCreateDirectRelations"], "direct relation target")
        if missing:
            raise CDFError(400, f"Cannot auto-create {', '.join(missing[:10])}")
        return list(wanted)

    def _write_one(self, entry: Item, replace: bool, now: int) -> Item:
        kind = entry["instanceType"]
        key = (entry["space"], entry["externalId"])
        old = self.instances.get(key)
        new: Item = (
            {k: v for k, v in old.items()}
            if old is not None
            else {"instanceType": kind, "space": key[0], "externalId": key[1], "version": 0, "createdTime": now}
        )
        props: dict[str, dict[str, dict[str, Any]]] = json.loads(json.dumps(new.get("properties", {})))
        for source in entry.get("sources") or []:
            space, src = _source_key(source["source"])
            values = source.get("properties") or {}
            slot = props.setdefault(space, {}).setdefault(src, {})
            if replace:
                slot.clear()
            for prop, value in values.items():
                if value is None:
                    slot.pop(prop, None)
                else:
                    slot[prop] = value
        new["properties"] = props
        for ref in ("type", "startNode", "endNode"):
            if ref in entry:
                new[ref] = entry[ref]
        changed = old is None or {k: v for k, v in new.items() if k != "lastUpdatedTime"} != {
            k: v for k, v in old.items() if k != "lastUpdatedTime"
        }
        if changed:
            new["version"] = new["version"] + 1
            new["lastUpdatedTime"] = now
            self.instances[key] = new
            self.tombstones.pop(key, None)
            self._touch(key)
        final = self.instances[key]
        return {
            "instanceType": kind,
            "space": key[0],
            "externalId": key[1],
            "version": final["version"],
            "wasModified": changed,
            "createdTime": final["createdTime"],
            "lastUpdatedTime": final["lastUpdatedTime"],
        }

    # ----------------------------------------------------------------- delete
    def _delete_ids(self, entries: Sequence[Any]) -> list[dict[str, str]]:
        deleted: list[dict[str, str]] = []
        now = self.project.clock()
        for entry in entries:
            kind, key = self._check_id(entry)
            item = self.instances.get(key)
            if item is None or item["instanceType"] != kind:
                continue
            doomed = [key]
            if kind == "node":  # the edges of a node go with it
                doomed += [
                    k for k, it in self.instances.items()
                    if it["instanceType"] == "edge" and key in _references([it["startNode"], it["endNode"]])
                ]  # fmt: skip
            for k in doomed:
                gone = self.instances.pop(k, None)
                if gone is None:
                    continue
                self._touch(k)
                # the tombstone keeps its properties so that sync filters still match it; they are never answered
                self.tombstones[k] = {**gone, "deletedTime": now, "version": gone["version"] + 1}
            deleted.append({"instanceType": kind, "space": key[0], "externalId": key[1]})
        return deleted

    def delete_(self, path: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, dict[str, Any]]:
        """``POST /models/instances/delete``: ids that do not exist are ignored."""
        items = self._items_of(body, "delete")
        deleted = self._delete_ids(items)
        self._sync_core_nodes([], deleted)
        return 200, {"items": deleted}

    # ----------------------------------------------------------------- byids
    def byids_(self, path: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, dict[str, Any]]:
        """``POST /models/instances/byids``: the instances found (unknown ids are left out)."""
        items = self._items_of(body, "byids")
        sources = body.get("sources")
        found = []
        for entry in items:
            kind, key = self._check_id(entry)
            item = self.instances.get(key)
            if item is not None and item["instanceType"] == kind:
                found.append(self._present(item, sources))
        return 200, self._with_typing({"items": found}, found, body)

    def _with_typing(self, out: dict[str, Any], items: list[Item], body: Mapping[str, Any]) -> dict[str, Any]:
        if body.get("includeTyping"):
            out["typing"] = self._typing(items)
        return out

    # ----------------------------------------------------------------- list
    def _of_type(self, kind: str) -> list[Item]:
        return [it for it in self.instances.values() if it["instanceType"] == kind]

    def list_(self, path: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, dict[str, Any]]:
        """``POST /models/instances/list``: filter, sort, cursor and limit over one instance type."""
        kind = body.get("instanceType", "node")
        limit = self._limit(body.get("limit"), 1000, 1000)
        pred = self._filter(body.get("filter"))
        matching = self._sorted([it for it in self._of_type(kind) if pred(it)], body.get("sort"))
        start = 0 if body.get("cursor") is None else int(_uncursor(body["cursor"], "dmlist"))
        page = [self._present(it, body.get("sources")) for it in matching[start : start + limit]]
        out: dict[str, Any] = {"items": page}
        if start + limit < len(matching):
            out["nextCursor"] = _cursor("dmlist", start + limit)
        if body.get("debug") is not None:
            out["debug"] = {"notices": []}
        return 200, self._with_typing(out, page, body)

    # ----------------------------------------------------------------- search
    def search_(self, path: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, dict[str, Any]]:
        """``POST /models/instances/search``: free text over the text properties of a view's instances."""
        view = body["view"]
        space, src = _source_key({**view, "type": "view"})
        kind = body.get("instanceType", "node")
        limit = self._limit(body.get("limit"), 1000, 1000)
        pred = self._filter(body.get("filter"))
        text = body.get("query")
        fields = body.get("properties")
        operator = body.get("operator", "OR")
        scored: list[tuple[int, int, Item]] = []
        for n, item in enumerate(self._of_type(kind)):
            values = _props_of(item, space, src)
            if values is None or not pred(item):
                continue
            score = 1
            if text:
                texts = [v for k, v in values.items() if isinstance(v, str) and (fields is None or k in fields)]
                tokens = [t.lower() for t in _TOKEN.findall(text)]
                hits = [any(t in s.lower() for s in texts) for t in tokens]
                if not tokens or not (all(hits) if operator == "AND" else any(hits)):
                    continue
                score = sum(search_score(s, text) for s in texts)
            scored.append((-score, n, item))
        scored.sort(key=lambda x: (x[0], x[1]))
        ranked = [it for _, _, it in scored]
        ranked = self._sorted(ranked, body.get("sort"))[:limit]
        selector = [{"source": {**view, "type": "view"}, "properties": ["*"]}]
        page = [self._present(it, selector) for it in ranked]
        return 200, self._with_typing({"items": page}, page, body)

    # ----------------------------------------------------------------- aggregate
    def aggregate_(self, path: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, dict[str, Any]]:
        """``POST /models/instances/aggregate``: avg/count/max/min/sum/histogram, optionally per group."""
        view = body["view"]
        space, src = _source_key({**view, "type": "view"})
        kind = body.get("instanceType", "node")
        limit = self._limit(body.get("limit"), 100, 1000)
        pred = self._filter(body.get("filter"))
        text = body.get("query")
        selected: list[dict[str, Any]] = []
        for item in self._of_type(kind):
            values = _props_of(item, space, src)
            if values is None or not pred(item):
                continue
            if text:
                fields = body.get("properties")
                texts = [v for k, v in values.items() if isinstance(v, str) and (fields is None or k in fields)]
                if not any(search_score(s, text) for s in texts):
                    continue
            selected.append(values)
        group_by = body.get("groupBy")
        groups: dict[str, tuple[dict[str, Any], list[dict[str, Any]]]] = {}
        if group_by:
            for values in selected:
                group = {g: values.get(g) for g in group_by if values.get(g) is not None}
                groups.setdefault(json.dumps(group, sort_keys=True), (group, []))[1].append(values)
        else:
            groups[""] = ({}, selected)
        out: list[dict[str, Any]] = []
        for group, members in list(groups.values())[:limit]:
            result: dict[str, Any] = {
                "instanceType": kind,
                "aggregates": [_aggregate(agg, members) for agg in body.get("aggregates") or []],
            }
            if group_by:
                result["group"] = group
            out.append(result)
        return 200, {"items": out}

    # ----------------------------------------------------------------- inspect
    def inspect(self, path: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, dict[str, Any]]:
        """``POST /models/instances/inspect``: the views and containers holding each instance's data."""
        items = self._items_of(body, "inspect")
        operations = body.get("inspectionOperations") or {}
        out = []
        for entry in items:
            kind, key = self._check_id(entry)
            item = self.instances.get(key)
            if item is None or item["instanceType"] != kind:
                continue
            results: dict[str, Any] = {}
            sources = [(space, src) for space, by_src in item.get("properties", {}).items() for src in by_src]
            if "involvedViews" in operations:
                results["involvedViews"] = [
                    {
                        "type": "view",
                        "space": space,
                        "externalId": src.split("/", 1)[0],
                        "version": src.split("/", 1)[1],
                    }
                    for space, src in sources
                    if "/" in src
                ]
            if "involvedContainers" in operations:
                results["involvedContainers"] = [
                    {"type": "container", "space": space, "externalId": src} for space, src in sources if "/" not in src
                ]
            out.append({"instanceType": kind, "space": key[0], "externalId": key[1], "inspectionResults": results})
        return 200, {"items": out}

    # ----------------------------------------------------------------- query
    def query(self, path: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, dict[str, Any]]:
        """``POST /models/instances/query``: result set expressions, selections and cursors."""
        return 200, self._run(body, sync=False)

    def sync(self, path: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, dict[str, Any]]:
        """``POST /models/instances/sync``: what changed in each result set since its cursor."""
        return 200, self._run(body, sync=True)

    def _run(self, body: Mapping[str, Any], *, sync: bool) -> dict[str, Any]:
        expressions: dict[str, Any] = body.get("with") or {}
        select: dict[str, Any] = body.get("select") or {}
        parameters: dict[str, Any] = body.get("parameters") or {}
        cursors: dict[str, Any] = body.get("cursors") or {}
        if not 1 <= len(expressions) <= 50 or not 1 <= len(select) <= 50:
            raise CDFError(400, "'with' and 'select' must each name between 1 and 50 result set expressions")
        unknown = sorted(set(select) - set(expressions))
        if unknown:
            raise CDFError(400, f"select refers to unknown result set expressions {unknown}")
        sets: dict[str, list[Item]] = {}
        kinds: dict[str, str] = {}
        directions: dict[str, str] = {}
        pending = dict(expressions)
        while pending:  # evaluate in dependency order
            progressed = False
            for name, expr in list(pending.items()):
                deps = _dependencies(expr)
                missing = [d for d in deps if d not in expressions]
                if missing:
                    raise CDFError(400, f"Result set expression {name!r} refers to unknown {missing}")
                if any(d in pending for d in deps):
                    continue
                sets[name], kinds[name] = self._evaluate(expr, sets, kinds, directions, parameters, sync)
                if "edges" in expr:
                    directions[name] = expr["edges"].get("direction", "outwards")
                del pending[name]
                progressed = True
            if not progressed:
                raise CDFError(400, f"Result set expressions refer to each other in a cycle: {sorted(pending)}")
        items: dict[str, list[Item]] = {}
        next_cursors: dict[str, str] = {}
        typing: dict[str, Any] = {}
        for name, selection in select.items():
            expr = expressions[name]
            if sync:
                page, cursor = self._sync_page(name, sets[name], expr, cursors.get(name))
                next_cursors[name] = cursor
            else:
                result = self._sorted(sets[name], selection.get("sort") or expr.get("sort"))
                limit = self._limit(selection.get("limit") or expr.get("limit"), _DEFAULT_QUERY_LIMIT, _MAX_QUERY_LIMIT)
                start = 0 if cursors.get(name) is None else int(_uncursor(cursors[name], "dmquery"))
                page = result[start : start + limit]
                if start + limit < len(result):
                    next_cursors[name] = _cursor("dmquery", start + limit)
            presented = [self._present(it, None if "deletedTime" in it else selection.get("sources")) for it in page]
            items[name] = presented
            if body.get("includeTyping"):
                typing[name] = self._typing(presented)
        out: dict[str, Any] = {"items": items, "nextCursor": next_cursors}
        if body.get("includeTyping"):
            out["typing"] = typing
        if body.get("debug") is not None:
            out["debug"] = {"notices": []}
        return out

    def _sync_page(
        self, name: str, members: list[Item], expr: Mapping[str, Any], cursor: Any
    ) -> tuple[list[Item], str]:
        since = 0 if cursor is None else int(_uncursor(cursor, "dmsync"))
        kind = "edge" if "edges" in expr else "node"
        limit = self._limit(expr.get("limit"), _DEFAULT_QUERY_LIMIT, _MAX_SYNC_LIMIT)
        if cursor is None and expr.get("mode") == "noBackfill":  # only what happens from now on
            return [], _cursor("dmsync", self.seq)
        changed = [(self.seqs[(it["space"], it["externalId"])], it) for it in members]
        if since > 0 or not expr.get("skipAlreadyDeleted", True):
            pred = self._filter(expr.get("nodes" if kind == "node" else "edges", {}).get("filter"))
            for key, tomb in self.tombstones.items():
                if tomb["instanceType"] == kind and self.seqs.get(key, 0) > since and _tombstone_matches(pred, tomb):
                    changed.append((self.seqs[key], tomb))
        changed = sorted((c for c in changed if c[0] > since), key=lambda c: c[0])
        page = changed[:limit]
        upto = page[-1][0] if len(changed) > limit else max(self.seq, since)
        return [it for _, it in page], _cursor("dmsync", upto)

    def _evaluate(
        self,
        expr: Mapping[str, Any],
        sets: Mapping[str, list[Item]],
        kinds: Mapping[str, str],
        directions: Mapping[str, str],
        parameters: Mapping[str, Any],
        sync: bool,
    ) -> tuple[list[Item], str]:
        if "nodes" in expr:
            spec = expr["nodes"]
            pred = self._filter(spec.get("filter"), parameters)
            source = spec.get("from")
            if source is None:
                candidates = self._of_type("node")
            elif "through" in spec:
                candidates = self._through(sets[source], spec["through"], spec.get("direction", "outwards"))
            elif kinds[source] == "edge":
                outwards = directions.get(source, "outwards") == "outwards"
                destination = spec.get("chainTo", "destination") == "destination"
                end = "endNode" if outwards == destination else "startNode"
                keys = dict.fromkeys((e[end]["space"], e[end]["externalId"]) for e in sets[source])
                candidates = [self.instances[k] for k in keys if k in self.instances]
            else:
                candidates = list(sets[source])
            return [it for it in candidates if pred(it)], "node"
        if "edges" in expr:
            return self._traverse(expr["edges"], expr, sets, parameters, sync), "edge"
        return self._set_operation(expr, sets), "node"

    def _through(self, start: list[Item], through: Mapping[str, Any], direction: str) -> list[Item]:
        space, src = _source_key(through["source"])
        prop = through["identifier"]
        if direction == "outwards":
            keys = dict.fromkeys(
                ref for it in start for ref in _references((_props_of(it, space, src) or {}).get(prop))
            )
            return [
                self.instances[k] for k in keys if k in self.instances and self.instances[k]["instanceType"] == "node"
            ]
        targets = {(it["space"], it["externalId"]) for it in start}
        return [
            it for it in self._of_type("node")
            if targets.intersection(_references((_props_of(it, space, src) or {}).get(prop)))
        ]  # fmt: skip

    def _traverse(
        self,
        spec: Mapping[str, Any],
        expr: Mapping[str, Any],
        sets: Mapping[str, list[Item]],
        parameters: Mapping[str, Any],
        sync: bool,
    ) -> list[Item]:
        edge_pred = self._filter(spec.get("filter"), parameters)
        edges = [e for e in self._of_type("edge") if edge_pred(e)]
        source = spec.get("from")
        if source is None:
            return edges
        node_pred = self._filter(spec.get("nodeFilter"), parameters) if spec.get("nodeFilter") else None
        stop_pred = self._filter(spec.get("terminationFilter"), parameters) if spec.get("terminationFilter") else None
        outwards = spec.get("direction", "outwards") == "outwards"
        near, far = ("startNode", "endNode") if outwards else ("endNode", "startNode")
        by_near: dict[Key, list[Item]] = defaultdict(list)
        for e in edges:
            by_near[(e[near]["space"], e[near]["externalId"])].append(e)
        max_distance = spec.get("maxDistance") or math.inf
        limit_each = spec.get("limitEach")
        found: dict[Key, Item] = {}
        frontier = [(it["space"], it["externalId"]) for it in sets[source]]
        visited = set(frontier)
        distance = 0
        while frontier and distance < max_distance:
            distance += 1
            next_frontier: list[Key] = []
            for node in frontier:
                taken = 0
                for e in by_near.get(node, []):
                    target = (e[far]["space"], e[far]["externalId"])
                    target_item = self.instances.get(target)
                    if node_pred is not None and (target_item is None or not node_pred(target_item)):
                        continue
                    if limit_each is not None and taken >= limit_each:
                        break
                    taken += 1
                    found.setdefault((e["space"], e["externalId"]), e)
                    if target in visited:
                        continue
                    visited.add(target)
                    if stop_pred is not None and target_item is not None and stop_pred(target_item):
                        continue
                    next_frontier.append(target)
            frontier = next_frontier
        return list(found.values())

    def _set_operation(self, expr: Mapping[str, Any], sets: Mapping[str, list[Item]]) -> list[Item]:
        def resolve(operand: Any) -> list[Item]:
            return sets[operand] if isinstance(operand, str) else self._set_operation(operand, sets)

        excluded = {(it["space"], it["externalId"]) for name in expr.get("except") or [] for it in sets[name]}
        if "union" in expr or "unionAll" in expr:
            distinct = "union" in expr
            out: list[Item] = []
            seen: set[Key] = set()
            for operand in expr.get("union", expr.get("unionAll")):
                for it in resolve(operand):
                    key = (it["space"], it["externalId"])
                    if distinct and key in seen:
                        continue
                    seen.add(key)
                    out.append(it)
        elif "intersection" in expr:
            operands = [resolve(o) for o in expr["intersection"]]
            keys = set.intersection(*({(it["space"], it["externalId"]) for it in op} for op in operands))
            out = [it for it in operands[0] if (it["space"], it["externalId"]) in keys] if operands else []
        else:
            raise CDFError(400, f"Unknown result set expression {expr!r}")
        return [it for it in out if (it["space"], it["externalId"]) not in excluded]


def _tombstone_matches(pred: Predicate, tomb: Item) -> bool:
    try:
        return pred(tomb)
    except Exception:
        return False


def _dependencies(expr: Mapping[str, Any]) -> list[str]:
    for key in ("nodes", "edges"):
        if key in expr:
            source = expr[key].get("from")
            return [source] if source else []
    names: list[str] = []

    def walk(op: Any) -> None:
        if isinstance(op, str):
            names.append(op)
        elif isinstance(op, dict):
            for key in ("union", "unionAll", "intersection"):
                for sub in op.get(key) or []:
                    walk(sub)
            names.extend(op.get("except") or [])

    walk(expr)
    return names


_TYPING_KEYS = ("type", "nullable", "autoIncrement", "immutable", "defaultValue", "name", "description")


def _definition(prop: Any) -> dict[str, Any] | None:
    """The type information of a mapped view property (None for a connection or an unknown property)."""
    if not isinstance(prop, dict) or not isinstance(prop.get("type"), dict):
        return None
    out = {k: prop[k] for k in _TYPING_KEYS if k in prop}
    out.setdefault("nullable", True)
    out.setdefault("autoIncrement", False)
    out.setdefault("immutable", False)
    out["constraintState"] = prop.get("constraintState") or {}
    return out


def _type_of(value: Any) -> dict[str, Any]:
    is_list = isinstance(value, list)
    sample = value[0] if is_list and value else value
    if isinstance(sample, bool):
        name = "boolean"
    elif isinstance(sample, int):
        name = "int64"
    elif isinstance(sample, float):
        name = "float64"
    elif _is_reference(sample):
        name = "direct"
    elif isinstance(sample, dict):
        name = "json"
    else:
        name = "text"
    return {"type": name, "list": is_list} if name != "direct" else {"type": name}


def _aggregate(spec: Mapping[str, Any], members: list[dict[str, Any]]) -> dict[str, Any]:
    ((name, arg),) = spec.items()
    prop = arg["property"]
    values = [m.get(prop) for m in members if m.get(prop) is not None]
    numbers = [v for v in values if isinstance(v, int | float) and not isinstance(v, bool)]
    out: dict[str, Any] = {"aggregate": name, "property": prop}
    if name == "count":
        out["value"] = len(values)
    elif name == "histogram":
        interval = arg["interval"]
        counts: dict[float, int] = defaultdict(int)
        for v in numbers:
            counts[math.floor(v / interval) * interval] += 1
        buckets = []
        if counts:
            start, stop = min(counts), max(counts)
            steps = round((stop - start) / interval)
            buckets = [
                {"start": start + i * interval, "count": counts.get(start + i * interval, 0)} for i in range(steps + 1)
            ]
        out = {"aggregate": "histogram", "property": prop, "interval": interval, "buckets": buckets}
    elif numbers:
        if name == "avg":
            out["value"] = sum(numbers) / len(numbers)
        elif name == "sum":
            out["value"] = sum(numbers)
        elif name == "min":
            out["value"] = min(numbers)
        elif name == "max":
            out["value"] = max(numbers)
    elif name not in ("avg", "sum", "min", "max"):
        raise CDFError(400, f"Unsupported aggregate {name!r}")
    return out


DM_INSTANCES = Family(
    name="dm_instances",
    path="/models/instances",
    write_fields={},
    verbs=frozenset(),
    limits={"apply": 1000, "byids": 1000, "delete": 1000, "inspect": 1000},
    routes={
        ("POST", ""): "apply",
        ("POST", "/byids"): "byids_",
        ("POST", "/delete"): "delete_",
        ("POST", "/list"): "list_",
        ("POST", "/search"): "search_",
        ("POST", "/aggregate"): "aggregate_",
        ("POST", "/inspect"): "inspect",
        ("POST", "/query"): "query",
        ("POST", "/sync"): "sync",
    },
    hooks=InstanceHooks(),
    store_cls=InstancesStore,
)

DM_INSTANCES_FAMILIES: tuple[Family, ...] = (DM_INSTANCES,)
