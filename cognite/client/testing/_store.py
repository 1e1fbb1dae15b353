"""The generic resource store of the emulator and the declarative description of an API family.

A :class:`Family` is a table entry: path, limits, fields, filters, update rules, search fields. The store gives
every family the same verbs (create, byids, retrieve, list, update, delete, search, aggregate); a family with
real behaviour (the asset hierarchy) adds :class:`Hooks`.

Storage: items are dicts in the wire shape, in ``items`` (id -> item) with an append-only ``order`` of ids and
an index by external id. A list cursor is a position in ``order`` (deleted ids are skipped), so cursors stay
valid while others write; partition ``m/n`` holds the positions ``p`` with ``p % n == m - 1``.
"""

from __future__ import annotations

import base64
import binascii
import json
import random
from collections.abc import AsyncIterator, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from cognite.client.testing._errors import CDFError
from cognite.client.testing._filters import (
    Item,
    LegacyFilter,
    Predicate,
    compile_advanced,
    compile_bucket_filter,
    get_property,
    search_score,
    sort_key,
)

__all__ = ["ContentResponse", "Family", "Hooks", "Project", "ResourceStore", "VERBS"]

MAX_ID = 2**53 - 1
#: Every verb a family can serve; ``Family.verbs`` picks a subset.
VERBS = frozenset({"create", "list", "byids", "retrieve", "update", "delete", "search", "aggregate"})
FieldType = type | tuple[type, ...]


class Hooks:
    """Behaviour a family adds on top of the generic store; the defaults do nothing."""

    def prepare_create(self, store: ResourceStore, new: list[Item]) -> None:
        """Check and complete new items (ids and timestamps are set) before they are stored.

        Args:
            store: The store.
            new: The new items, in request order; may be modified in place.
        """

    def after_insert(self, store: ResourceStore, new: list[Item]) -> None:
        """Update indexes after new items were stored.

        Args:
            store: The store.
            new: The stored items.
        """

    def apply_update(self, store: ResourceStore, item: Item, name: str, op: Mapping[str, Any]) -> bool:
        """Apply one field update in a family-specific way.

        Args:
            store: The store.
            item: A copy of the item being updated (modify it).
            name: The field.
            op: The operation object, e.g. ``{"set": 3}``.

        Returns:
            True when handled; False for the generic rules.
        """
        return False

    def after_update(self, store: ResourceStore, old: Item, new: Item) -> None:
        """Update indexes after an item changed.

        Args:
            store: The store.
            old: The item before.
            new: The item after (already stored).
        """

    def expand_delete(self, store: ResourceStore, targets: list[Item], body: Mapping[str, Any]) -> list[Item]:
        """Check a delete and return everything it removes (e.g. descendants).

        Args:
            store: The store.
            targets: The items named in the request.
            body: The request body.

        Returns:
            The items to remove.
        """
        return targets

    def after_delete(self, store: ResourceStore, removed: list[Item]) -> None:
        """Update indexes after items were removed.

        Args:
            store: The store.
            removed: The removed items.
        """

    def decorate(self, store: ResourceStore, items: list[Item], aggregated_properties: Sequence[str]) -> list[Item]:
        """Add computed properties (e.g. ``aggregates``) to items in a response.

        Args:
            store: The store.
            items: The items (do not modify; copy).
            aggregated_properties: What the request asked for.

        Returns:
            The items to answer with.
        """
        return items

    def property_getter(self, path: Sequence[str]) -> Callable[[Item], Any] | None:
        """Give a custom reader for a filter/sort/aggregate property, or None for the generic one.

        Args:
            path: The property path.

        Returns:
            A function item -> value, or None.
        """
        return None

    def store_property_getter(self, store: ResourceStore, path: Sequence[str]) -> Callable[[Item], Any] | None:
        """Like :meth:`property_getter`, for properties computed from other stores (e.g. the root of a linked asset).

        Args:
            store: The store being read.
            path: The property path.

        Returns:
            A function item -> value, or None (default: :meth:`property_getter`).
        """
        return self.property_getter(path)

    def compile_leaf(self, store: ResourceStore, kind: str, arg: Any) -> Predicate | None:
        """Compile a leaf filter the family has of its own (e.g. ``hasData`` of data modeling), or None to leave it
        to the generic filters; called for every leaf of an advanced filter, ``and``/``or``/``not`` excepted.

        Args:
            store: The store being filtered.
            kind: The filter type, e.g. ``"hasData"``.
            arg: Its argument from the request.

        Returns:
            The predicate, or None.
        """
        return None

    def present(self, store: ResourceStore, items: list[Item], body: Mapping[str, Any]) -> list[Item]:
        """Shape the items of a list/byids response from options of the request (e.g. ``fetchResources``).

        Args:
            store: The store.
            items: The items (do not modify; copy).
            body: The request body.

        Returns:
            The items to answer with.
        """
        return items


@dataclass(frozen=True)
class Family:
    """The declaration of one API family: everything the generic store needs to serve it.

    Args:
        name: Short name, e.g. ``"assets"``.
        path: The path relative to the project, e.g. ``"/assets"``.
        write_fields: Fields a create request may carry, with their JSON types.
        required: Fields a create request must carry.
        updates: Updatable fields and their kind: ``"value"`` (set), ``"nullable"`` (set/setNull), ``"object"``
            (set/add/remove keys), ``"list"`` (set/add/remove values), ``"labels"`` (set/add/remove labels).
        filters: The legacy ``filter`` object: key -> filter factory (see ``cognite.client.testing._filters``).
        query_params: Query parameters of ``GET {path}``: name -> (filter key, parser); a filter key ``"x.min"``
            sets ``filter["x"]["min"]``.
        search_fields: Keys of the ``search`` object -> the fields they search.
        filter_properties: Top-level properties allowed in advanced filters, sort and aggregates (None: no
            advanced filters).
        limits: ``maxItems`` of the request ``items`` per verb (from the spec).
        list_limit: (default, maximum) of ``limit`` for list.
        search_limit: (default, maximum) of ``limit`` for search.
        max_partitions: The highest ``n`` of a ``"m/n"`` partition.
        create_status: The status of a successful create (from the spec).
        verbs: The verbs served.
        sortable: Whether list takes ``sort``.
        aggregated_properties: Values allowed in ``aggregatedProperties``.
        external_id: Whether items have a unique ``externalId``.
        hooks: Family behaviour.
        internal_id: Whether items show an internal ``id`` (False: identified by ``externalId`` only; the store
            keys them internally, never shows the id, and rejects ``{"id"}`` identifiers).
        delete_status: The status of a successful delete (from the spec).
        duplicate_status: The status of a request that names an item twice (from the spec: 422 for time series, 400
            elsewhere; a create that repeats an external id gets it too, unless it is 400: then 409 as for a clash).
        instance_ids: Whether items can be identified by ``{"instanceId": {"space", "externalId"}}`` (items that
            data modeling created carry an ``instanceId``; see :meth:`ResourceStore.seed`).
        unique_values_as_strings: ``uniqueValues`` aggregates answer every value as a string (numbers and booleans
            in their JSON form), as the spec of e.g. time series and sequences says.
        defaults: Values of fields a create request leaves out (e.g. ``{"writeProtected": False}``).
        routes: Routes beyond the generic verbs: ``(method, path template relative to path)`` -> the name of the
            store method serving it, called as ``handler(path_params, query, body)``; templates may embed names,
            e.g. ``("GET", "/{dbName}/tables")`` (values arrive URL-decoded).
        store_cls: The store class of the family (a :class:`ResourceStore` subclass; None: ResourceStore).
        content_routes: Raw-bytes routes outside the project API (e.g. the upload and download URLs of file
            content): HTTP method -> the name of the async store method serving
            ``/_content/{project}/{family name}/{rest}``, called as ``handler(rest, query, headers, body)`` with the
            request body as an async iterator of bytes; it returns a :class:`ContentResponse` (streamed both ways).
        outside_routes: JSON routes outside the project path (e.g. ``/api/v1/token/inspect`` on the cluster, or the
            organization routes ``/api/v1/orgs/{org}/principals``): ``(method, absolute path template)`` -> a function
            called as ``handler(emulator, path_params, query, body, headers)`` returning ``(status, body)``; requests
            are authorized and checked against the spec as project routes are.
        bodyless: Names of ``routes`` handlers whose POST takes no request body (the spec documents none); an empty
            body reaches them as None.
    """

    name: str
    path: str
    write_fields: Mapping[str, FieldType]
    required: tuple[str, ...] = ()
    updates: Mapping[str, str] = field(default_factory=dict)
    filters: Mapping[str, LegacyFilter] = field(default_factory=dict)
    query_params: Mapping[str, tuple[str, Callable[[str], Any]]] = field(default_factory=dict)
    search_fields: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    filter_properties: frozenset[str] | None = None
    limits: Mapping[str, int] = field(
        default_factory=lambda: {"create": 1000, "byids": 1000, "update": 1000, "delete": 1000}
    )
    list_limit: tuple[int, int] = (100, 1000)
    search_limit: tuple[int, int] = (100, 1000)
    max_partitions: int = 10
    create_status: int = 201
    verbs: frozenset[str] = VERBS
    sortable: bool = False
    aggregated_properties: frozenset[str] = frozenset()
    external_id: bool = True
    hooks: Hooks = field(default_factory=Hooks)
    internal_id: bool = True
    delete_status: int = 200
    duplicate_status: int = 400
    instance_ids: bool = False
    unique_values_as_strings: bool = False
    defaults: Mapping[str, Any] = field(default_factory=dict)
    routes: Mapping[tuple[str, str], str] = field(default_factory=dict)
    store_cls: type[Any] | None = None
    content_routes: Mapping[str, str] = field(default_factory=dict)
    outside_routes: Mapping[tuple[str, str], Callable[..., tuple[int, Any]]] = field(default_factory=dict)
    bodyless: frozenset[str] = frozenset()


class ContentResponse(NamedTuple):
    """The answer of a content route: status, headers and the body as an async iterator of bytes.

    Args:
        status: The HTTP status.
        headers: Header name/value pairs (give ``content-length`` for a body of known size).
        body: The body, produced as it is sent.
    """

    status: int
    headers: list[tuple[str, str]]
    body: AsyncIterator[bytes]


def _encode_cursor(kind: str, value: int) -> str:
    return base64.urlsafe_b64encode(f"cdfemu:{kind}:{value}".encode()).decode().rstrip("=")


def _decode_cursor(cursor: Any, kind: str) -> int:
    try:
        if not isinstance(cursor, str):
            raise ValueError(cursor)
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        tag, got_kind, value = text.split(":")
        if tag != "cdfemu" or got_kind != kind:
            raise ValueError(text)
        return int(value)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise CDFError(400, f"Invalid cursor: {cursor!r}") from None


def _check_type(name: str, value: Any, expected: FieldType) -> None:
    if value is None:
        return
    if isinstance(value, bool) and bool not in (expected if isinstance(expected, tuple) else (expected,)):
        raise CDFError(400, f"Invalid value for '{name}': expected {_type_name(expected)}, got {value!r}")
    if not isinstance(value, expected):
        raise CDFError(400, f"Invalid value for '{name}': expected {_type_name(expected)}, got {value!r}")


def _type_name(expected: FieldType) -> str:
    names = {dict: "object", list: "array", str: "string", int: "integer", float: "number", bool: "boolean"}
    types = expected if isinstance(expected, tuple) else (expected,)
    return " or ".join(names.get(t, t.__name__) for t in types)


def _identifier(ref: Any) -> tuple[str, Any]:
    if isinstance(ref, dict) and len(ref) == 1:
        if isinstance(ref.get("id"), int) and not isinstance(ref["id"], bool):
            return "id", ref["id"]
        if isinstance(ref.get("externalId"), str):
            return "externalId", ref["externalId"]
        iid = ref.get("instanceId")
        if isinstance(iid, dict) and isinstance(iid.get("space"), str) and isinstance(iid.get("externalId"), str):
            return "instanceId", (iid["space"], iid["externalId"])
    raise CDFError(400, f"Invalid identifier {ref!r}: expected {{'id': int}} or {{'externalId': str}}")


def _ref_dict(kind: str, value: Any) -> dict[str, Any]:
    """The identifier object of a ``(kind, value)`` pair from :func:`_identifier` (as CDF echoes it)."""
    if kind == "instanceId":
        return {"instanceId": {"space": value[0], "externalId": value[1]}}
    return {kind: value}


class Project:
    """The state of one CDF project: one store per family.

    Args:
        name: The project name.
        families: The families served.
        seed: Seed for internal ids.
        clock: Returns the time in ms since epoch.
    """

    def __init__(self, name: str, families: Iterable[Family], seed: int | str | None, clock: Callable[[], int]):
        self.name = name
        self.rng = random.Random(f"{seed}:{name}") if seed is not None else random.Random()
        self.clock = clock
        self.stores: dict[str, ResourceStore] = {f.name: (f.store_cls or ResourceStore)(f, self) for f in families}
        #: State sets (data modeling nodes) by ``(space, externalId)``: what state time series refer to in their
        #: ``stateSet`` (values are :class:`~cognite.client.testing._states.StateSet`).
        self.state_sets: dict[tuple[str, str], Any] = {}
        #: The emulator's request handler (``CDFEmulator.handle``), for behaviour that sends requests of its own to
        #: the project (e.g. the CDF request tasks of workflows); None for a project outside an emulator.
        self.dispatch: Callable[..., Any] | None = None

    def store(self, name: str) -> ResourceStore:
        """Return the store of a family.

        Args:
            name: The family name.

        Returns:
            The store.
        """
        try:
            return self.stores[name]
        except KeyError:
            raise CDFError(400, f"The emulator does not serve '{name}'") from None

    def subtree_ids(self, roots: Sequence[Any]) -> set[int]:
        """Return the ids of the assets in the subtrees of the given roots (ids or identifier objects).

        Args:
            roots: Asset ids or ``{"id"}``/``{"externalId"}`` objects.

        Returns:
            The ids of the roots and all their descendants.
        """
        assets = self.store("assets")
        refs = [{"id": r} if isinstance(r, int) else r for r in roots]
        found = assets.resolve(refs, ignore_unknown=False)
        children: dict[int, set[int]] = assets.state.get("children", {})
        out: set[int] = set()
        stack = [it["id"] for it in found]
        while stack:
            node = stack.pop()
            if node not in out:
                out.add(node)
                stack.extend(children.get(node, ()))
        return out


class ResourceStore:
    """The items of one family in one project, and the generic verbs on them.

    Args:
        family: The family declaration.
        project: The owning project.
    """

    def __init__(self, family: Family, project: Project) -> None:
        self.family = family
        self.project = project
        self.items: dict[int, Item] = {}
        self.order: list[int] = []
        self.by_xid: dict[str, int] = {}
        self.by_iid: dict[tuple[str, str], int] = {}
        self.state: dict[str, Any] = {}

    # ----------------------------------------------------------------- helpers
    def __len__(self) -> int:
        return len(self.items)

    def new_id(self) -> int:
        """Return a fresh random-ish positive internal id (below 2**53, like CDF)."""
        while True:
            candidate = self.project.rng.randint(1, MAX_ID)
            if candidate not in self.items:
                return candidate

    def get(self, ref: Mapping[str, Any]) -> Item | None:
        """Look up one item by ``{"id"}`` or ``{"externalId"}``.

        Args:
            ref: The identifier object.

        Returns:
            The item or None.
        """
        kind, value = _identifier(ref)
        if kind == "id":
            return self.items.get(value)
        item_id = self.by_iid.get(value) if kind == "instanceId" else self.by_xid.get(value)
        return None if item_id is None else self.items.get(item_id)

    def resolve(self, refs: Sequence[Any], *, ignore_unknown: bool) -> list[Item]:
        """Resolve identifier objects to items, in order.

        Args:
            refs: ``{"id"}``/``{"externalId"}`` objects.
            ignore_unknown: Skip unknown ones instead of raising 400 with ``missing``.

        Returns:
            The items found.
        """
        found: list[Item] = []
        missing: list[dict[str, Any]] = []
        seen: set[tuple[str, Any]] = set()
        duplicated: list[dict[str, Any]] = []
        for ref in refs:
            kind, value = _identifier(ref)
            if kind == "id" and not self.family.internal_id:
                raise CDFError(400, f"{self.family.name} are identified by externalId only, got {ref!r}")
            if kind == "instanceId" and not self.family.instance_ids:
                raise CDFError(400, f"{self.family.name} cannot be identified by instanceId, got {ref!r}")
            if (kind, value) in seen:
                duplicated.append(_ref_dict(kind, value))
                continue
            seen.add((kind, value))
            item = self.get(ref)
            if item is None:
                missing.append(_ref_dict(kind, value))
            else:
                found.append(item)
        if duplicated:
            raise CDFError(self.family.duplicate_status, "Duplicate identifiers in the request", duplicated=duplicated)
        if missing and not ignore_unknown:
            raise CDFError(400, "Ids not found", missing=missing)
        return found

    def _items_of(self, body: Mapping[str, Any], verb: str) -> list[Any]:
        items = body.get("items")
        limit = self.family.limits.get(verb, 1000)
        if not isinstance(items, list):
            raise CDFError(400, "The request body needs an 'items' array")
        if not 1 <= len(items) <= limit:
            raise CDFError(400, f"items size must be between 1 and {limit}, got {len(items)}")
        return items

    def _limit(self, value: Any, bounds: tuple[int, int]) -> int:
        if value is None:
            return bounds[0]
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= bounds[1]:
            raise CDFError(400, f"limit must be an integer between 1 and {bounds[1]}, got {value!r}")
        return value

    def compile_filter(self, flt: Any, advanced: Any = None) -> Predicate | None:
        """Compile a legacy ``filter`` object and an ``advancedFilter`` into one predicate.

        Args:
            flt: The ``filter`` object (or None).
            advanced: The ``advancedFilter`` (or None).

        Returns:
            The predicate, or None when nothing filters.
        """
        preds: list[Predicate] = []
        if flt is not None:
            if not isinstance(flt, dict):
                raise CDFError(400, "'filter' must be an object")
            for key, value in flt.items():
                factory = self.family.filters.get(key)
                if factory is None:
                    raise CDFError(400, f"Unrecognized filter '{key}' for {self.family.name}")
                if value is not None:
                    preds.append(factory(value, self))
        if advanced is not None:
            if self.family.filter_properties is None:
                raise CDFError(400, f"{self.family.name} does not support advancedFilter")
            preds.append(compile_advanced(advanced, self))
        if not preds:
            return None
        if len(preds) == 1:
            return preds[0]
        return lambda item: all(p(item) for p in preds)

    def matching(self, pred: Predicate | None) -> list[Item]:
        """Return every live item matching a predicate, in creation order.

        Args:
            pred: The predicate (None: all).

        Returns:
            The items.
        """
        if pred is None:
            return list(self.items.values())
        return [it for it in self.items.values() if pred(it)]

    def _respond(self, items: list[Item], body: Mapping[str, Any], *, include_metadata: bool = True) -> list[Item]:
        props = body.get("aggregatedProperties") or ()
        if props:
            bad = [p for p in props if p not in self.family.aggregated_properties]
            if bad:
                raise CDFError(400, f"Unsupported aggregatedProperties {bad}")
            items = self.family.hooks.decorate(self, items, props)
        if not include_metadata:
            items = [{k: v for k, v in it.items() if k != "metadata"} for it in items]
        return self.public(self.family.hooks.present(self, items, body))

    def public(self, items: list[Item]) -> list[Item]:
        """The items as answered: without the internal ``id`` of a family identified by external id only."""
        if self.family.internal_id:
            return items
        return [{k: v for k, v in it.items() if k != "id"} for it in items]

    # ----------------------------------------------------------------- verbs
    def create(self, body: Mapping[str, Any]) -> tuple[int, dict[str, Any]]:
        """Create items (``POST {path}``).

        Args:
            body: ``{"items": [...]}``.

        Returns:
            Status and response body.
        """
        family = self.family
        raw = self._items_of(body, "create")
        now = self.project.clock()
        new: list[Item] = []
        batch_xids: set[str] = set()
        duplicated: list[dict[str, Any]] = []
        repeated: list[dict[str, Any]] = []
        for entry in raw:
            if not isinstance(entry, dict):
                raise CDFError(400, f"Each item must be an object, got {entry!r}")
            for key, value in entry.items():
                expected = family.write_fields.get(key)
                if expected is None:
                    raise CDFError(400, f"Unrecognized field '{key}' for {family.name}")
                _check_type(key, value, expected)
            for key in family.required:
                if entry.get(key) is None:
                    raise CDFError(400, f"Missing required field '{key}'")
            item: Item = {**family.defaults, **{k: v for k, v in entry.items() if v is not None}}
            xid = item.get("externalId")
            if xid is not None:
                if xid in batch_xids:
                    repeated.append({"externalId": xid})
                elif xid in self.by_xid:
                    duplicated.append({"externalId": xid})
                batch_xids.add(xid)
            new.append(item)
        if repeated and family.duplicate_status != 400:
            raise CDFError(family.duplicate_status, "Duplicated externalIds in the request", duplicated=repeated)
        if duplicated or repeated:
            raise CDFError(409, "ExternalIds duplicated", duplicated=duplicated + repeated)
        return family.create_status, {"items": self.public(self._insert(new, now))}

    def seed(self, items: Sequence[Mapping[str, Any]]) -> list[Item]:
        """Store items as given, with fields a create request cannot set (e.g. the ``instanceId`` of a time series
        that data modeling created); ids and timestamps are added as by a create.

        Args:
            items: The items in wire form.

        Returns:
            The stored items.
        """
        new = [{k: v for k, v in item.items() if v is not None} for item in items]
        xids = [it["externalId"] for it in new if "externalId" in it]
        iids = [_identifier({"instanceId": it["instanceId"]})[1] for it in new if "instanceId" in it]
        if len(set(xids)) < len(xids) or any(x in self.by_xid for x in xids):
            raise CDFError(409, "ExternalIds duplicated")
        if len(set(iids)) < len(iids) or any(i in self.by_iid for i in iids):
            raise CDFError(409, "InstanceIds duplicated")
        return self._insert(new, self.project.clock())

    def _insert(self, new: list[Item], now: int) -> list[Item]:
        """Give new (checked) items ids and timestamps, run the family hooks and store them."""
        family = self.family
        taken: set[int] = set()
        for item in new:
            new_id = self.new_id()
            while new_id in taken:
                new_id = self.new_id()
            taken.add(new_id)
            item["id"] = new_id
            item["createdTime"] = now
            item["lastUpdatedTime"] = now
        family.hooks.prepare_create(self, new)
        for item in new:
            self.items[item["id"]] = item
            self.order.append(item["id"])
            if "externalId" in item:
                self.by_xid[item["externalId"]] = item["id"]
            if "instanceId" in item:
                self.by_iid[_identifier({"instanceId": item["instanceId"]})[1]] = item["id"]
        family.hooks.after_insert(self, new)
        return new

    def byids(self, body: Mapping[str, Any]) -> tuple[int, dict[str, Any]]:
        """Retrieve items by identifiers (``POST {path}/byids``).

        Args:
            body: ``{"items": [...], "ignoreUnknownIds": bool}``.

        Returns:
            Status and response body.
        """
        refs = self._items_of(body, "byids")
        found = self.resolve(refs, ignore_unknown=bool(body.get("ignoreUnknownIds", False)))
        return 200, {"items": self._respond(found, body)}

    def retrieve(self, raw_id: str) -> tuple[int, dict[str, Any]]:
        """Retrieve one item by internal id (``GET {path}/{id}``).

        Args:
            raw_id: The id path segment.

        Returns:
            Status and response body (the item).
        """
        try:
            item_id = int(raw_id)
        except ValueError:
            raise CDFError(400, f"Invalid id {raw_id!r}") from None
        item = self.items.get(item_id)
        if item is None:
            raise CDFError(400, "Ids not found", missing=[{"id": item_id}])
        return 200, item

    def list(self, body: Mapping[str, Any]) -> tuple[int, dict[str, Any]]:
        """List items with filters, cursor, partitions and sort (``POST {path}/list``).

        Args:
            body: The list request.

        Returns:
            Status and response body with ``items`` and maybe ``nextCursor``.
        """
        family = self.family
        limit = self._limit(body.get("limit"), family.list_limit)
        pred = self.compile_filter(body.get("filter"), body.get("advancedFilter"))
        include_metadata = body.get("includeMetadata", True) is not False
        sort = body.get("sort")
        cursor = body.get("cursor")
        partition = body.get("partition")
        if sort is not None:
            if not family.sortable:
                raise CDFError(400, f"{family.name} does not support sort")
            if partition is not None:
                raise CDFError(400, "sort cannot be combined with partitions")
            if not isinstance(sort, list) or not 1 <= len(sort) <= 2:
                raise CDFError(400, "sort must be a list of 1 or 2 sort specs")
            ordered = sorted(self.matching(pred), key=sort_key(sort, self))
            offset = 0 if cursor is None else _decode_cursor(cursor, "o")
            page = ordered[offset : offset + limit]
            out: dict[str, Any] = {"items": self._respond(page, body, include_metadata=include_metadata)}
            if offset + limit < len(ordered):
                out["nextCursor"] = _encode_cursor("o", offset + limit)
            return 200, out
        start, step = 0, 1
        if partition is not None:
            start, step = self._partition(partition)
        pos = start if cursor is None else _decode_cursor(cursor, "p")
        if pos < start or (pos - start) % step:
            raise CDFError(400, f"Invalid cursor {cursor!r} for partition {partition!r}")
        order, items = self.order, self.items
        n = len(order)
        page_items: list[Item] = []
        next_pos: int | None = None
        while pos < n:
            item = items.get(order[pos])
            if item is not None and (pred is None or pred(item)):
                if len(page_items) == limit:
                    next_pos = pos
                    break
                page_items.append(item)
            pos += step
        out = {"items": self._respond(page_items, body, include_metadata=include_metadata)}
        if next_pos is not None:
            out["nextCursor"] = _encode_cursor("p", next_pos)
        return 200, out

    def _partition(self, partition: Any) -> tuple[int, int]:
        try:
            m_text, n_text = str(partition).split("/")
            m, n = int(m_text), int(n_text)
        except ValueError:
            raise CDFError(400, f"Invalid partition {partition!r}: expected 'm/n'") from None
        if not 1 <= m <= n or n > self.family.max_partitions:
            raise CDFError(400, f"Invalid partition {partition!r}: need 1 <= m <= n <= {self.family.max_partitions}")
        return m - 1, n

    def list_get(self, query: Mapping[str, str]) -> tuple[int, dict[str, Any]]:
        """List items from query parameters (``GET {path}``).

        Args:
            query: The query parameters.

        Returns:
            Status and response body.
        """
        body: dict[str, Any] = {}
        flt: dict[str, Any] = {}
        for name, raw in query.items():
            try:
                if name == "limit":
                    body["limit"] = int(raw)
                elif name in ("cursor", "partition"):
                    body[name] = raw
                elif name == "includeMetadata":
                    body["includeMetadata"] = _parse_bool(raw)
                elif name in self.family.query_params:
                    key, parser = self.family.query_params[name]
                    value = parser(raw)
                    if "." in key:
                        outer, inner = key.split(".", 1)
                        flt.setdefault(outer, {})[inner] = value
                    else:
                        flt[key] = value
                else:
                    raise CDFError(400, f"Unrecognized query parameter '{name}'")
            except ValueError:
                raise CDFError(400, f"Invalid value for query parameter '{name}': {raw!r}") from None
        if flt:
            body["filter"] = flt
        return self.list(body)

    def update(self, body: Mapping[str, Any]) -> tuple[int, dict[str, Any]]:
        """Update items (``POST {path}/update``); all-or-nothing.

        Args:
            body: ``{"items": [{"id"|"externalId", "update": {...}}]}``.

        Returns:
            Status and response body.
        """
        family = self.family
        raw = self._items_of(body, "update")
        refs = []
        for entry in raw:
            if not isinstance(entry, dict) or not isinstance(entry.get("update"), dict):
                raise CDFError(400, f"Each update needs an identifier and an 'update' object, got {entry!r}")
            refs.append({k: v for k, v in entry.items() if k in ("id", "externalId", "instanceId")})
        targets = self.resolve(refs, ignore_unknown=False)
        now = self.project.clock()
        changed: list[tuple[Item, Item]] = []
        for entry, old in zip(raw, targets, strict=True):
            new = dict(old)
            for name, op in entry["update"].items():
                self._apply(new, name, op)
            new["lastUpdatedTime"] = now
            changed.append((old, new))
        # External-id uniqueness after the whole batch.
        final_xids: dict[str, int] = {}
        leaving = {old["externalId"] for old, new in changed if old.get("externalId") != new.get("externalId")}
        duplicated = []
        for old, new in changed:
            xid = new.get("externalId")
            if xid is None or xid == old.get("externalId"):
                continue
            owner = self.by_xid.get(xid)
            if (owner is not None and owner != new["id"] and xid not in leaving) or xid in final_xids:
                duplicated.append({"externalId": xid})
            final_xids[xid] = new["id"]
        if duplicated:
            raise CDFError(409, "ExternalIds duplicated", duplicated=duplicated)
        for old, _ in changed:
            if old.get("externalId") is not None and self.by_xid.get(old["externalId"]) == old["id"]:
                del self.by_xid[old["externalId"]]
        for old, new in changed:
            self.items[new["id"]] = new
            if new.get("externalId") is not None:
                self.by_xid[new["externalId"]] = new["id"]
            family.hooks.after_update(self, old, new)
        return 200, {"items": self.public([self.items[new["id"]] for _, new in changed])}

    def _apply(self, item: Item, name: str, op: Any) -> None:
        family = self.family
        kind = family.updates.get(name)
        if kind is None:
            raise CDFError(400, f"Field '{name}' cannot be updated for {family.name}")
        if not isinstance(op, dict) or not op:
            raise CDFError(400, f"Invalid update for '{name}': {op!r}")
        if family.hooks.apply_update(self, item, name, op):
            return
        unknown = set(op) - {"set", "setNull", "add", "remove"}
        if unknown:
            raise CDFError(400, f"Invalid update operation(s) {sorted(unknown)} for '{name}'")
        expected = family.write_fields.get(name, object)
        if "set" in op and ("setNull" in op or "add" in op or "remove" in op):
            raise CDFError(400, f"'set' cannot be combined with other operations for '{name}'")
        if kind in ("value", "nullable"):
            if "add" in op or "remove" in op:
                raise CDFError(400, f"'{name}' supports only set{'/setNull' if kind == 'nullable' else ''}")
            if op.get("setNull") is True:
                if kind == "value":
                    raise CDFError(400, f"'{name}' cannot be set to null")
                item.pop(name, None)
            elif "set" in op:
                if op["set"] is None:
                    raise CDFError(400, f"'{name}': use setNull to clear a field")
                _check_type(name, op["set"], expected)
                item[name] = op["set"]
            return
        if kind == "object":
            current = dict(item.get(name) or {})
            if "set" in op:
                _check_type(name, op["set"], dict)
                current = dict(op["set"] or {})
            else:
                remove = op.get("remove", [])
                add = op.get("add", {})
                if not isinstance(remove, list) or not isinstance(add, dict):
                    raise CDFError(400, f"Invalid add/remove for '{name}'")
                for key in remove:
                    current.pop(key, None)
                current.update(add)
            if current:
                item[name] = current
            else:
                item.pop(name, None)
            return
        if kind in ("list", "labels"):
            current_list = list(item.get(name) or [])
            key_of: Callable[[Any], Any] = (lambda v: v.get("externalId")) if kind == "labels" else (lambda v: v)
            for opname in ("set", "add", "remove"):
                if opname in op and not isinstance(op[opname], list):
                    raise CDFError(400, f"'{name}.{opname}' must be an array")
            if "set" in op:
                current_list = list(op["set"])
            else:
                removed = {key_of(v) for v in op.get("remove", [])}
                current_list = [v for v in current_list if key_of(v) not in removed]
                present = {key_of(v) for v in current_list}
                for v in op.get("add", []):
                    if key_of(v) not in present:
                        present.add(key_of(v))
                        current_list.append(v)
            if current_list:
                item[name] = current_list
            else:
                item.pop(name, None)
            return
        raise CDFError(500, f"Emulator misconfiguration: unknown update kind {kind!r}")  # pragma: no cover

    def delete(self, body: Mapping[str, Any]) -> tuple[int, dict[str, Any]]:
        """Delete items (``POST {path}/delete``).

        Args:
            body: ``{"items": [...], "ignoreUnknownIds": bool}`` (+ family options such as ``recursive``).

        Returns:
            Status and an empty response body.
        """
        refs = self._items_of(body, "delete")
        targets = self.resolve(refs, ignore_unknown=bool(body.get("ignoreUnknownIds", False)))
        removed = self.family.hooks.expand_delete(self, targets, body)
        for item in removed:
            self.items.pop(item["id"], None)
            xid = item.get("externalId")
            if xid is not None and self.by_xid.get(xid) == item["id"]:
                del self.by_xid[xid]
            if "instanceId" in item:
                self.by_iid.pop(_identifier({"instanceId": item["instanceId"]})[1], None)
        self.family.hooks.after_delete(self, removed)
        return self.family.delete_status, {}

    def search(self, body: Mapping[str, Any]) -> tuple[int, dict[str, Any]]:
        """Search items by text fields, with a filter (``POST {path}/search``).

        Args:
            body: ``{"search": {...}, "filter": {...}, "limit": n}``.

        Returns:
            Status and response body, best matches first.
        """
        family = self.family
        limit = self._limit(body.get("limit"), family.search_limit)
        pred = self.compile_filter(body.get("filter"))
        search = body.get("search") or {}
        if not isinstance(search, dict):
            raise CDFError(400, "'search' must be an object")
        terms: list[tuple[tuple[str, ...], str]] = []
        for key, query in search.items():
            if key not in family.search_fields:
                raise CDFError(400, f"Unrecognized search field '{key}'")
            if query is not None:
                if not isinstance(query, str):
                    raise CDFError(400, f"Search '{key}' must be a string")
                terms.append((family.search_fields[key], query))
        candidates = self.matching(pred)
        if terms:
            scored = []
            for index, item in enumerate(candidates):
                total = 0
                for fields, query in terms:
                    best = max(search_score(item.get(f), query) for f in fields)
                    if best == 0:
                        break
                    total += best
                else:
                    scored.append((-total, index, item))
            scored.sort(key=lambda t: (t[0], t[1]))
            candidates = [t[2] for t in scored]
        return 200, {"items": candidates[:limit]}

    def aggregate(self, body: Mapping[str, Any]) -> tuple[int, dict[str, Any]]:
        """Aggregate items (``POST {path}/aggregate``): count, uniqueValues, cardinalityValues, uniqueProperties,
        cardinalityProperties (and the deprecated metadataKeys/metadataValues).

        Args:
            body: The aggregate request.

        Returns:
            Status and response body.
        """
        kind = body.get("aggregate", "count")
        pred = self.compile_filter(body.get("filter"), body.get("advancedFilter"))
        items = self.matching(pred)
        bucket_filter = None
        if body.get("aggregateFilter") is not None:
            bucket_filter = compile_bucket_filter(body["aggregateFilter"])
        props = body.get("properties")
        path: list[str] | None = None
        if props is not None:
            if not isinstance(props, list) or len(props) != 1 or not isinstance(props[0], dict):
                raise CDFError(400, "'properties' must be a list with one {'property': [...]} object")
            path = props[0].get("property")
            if not isinstance(path, list) or not path:
                raise CDFError(400, "'properties[0].property' must be a non-empty list")
            if self.family.filter_properties is not None and path[0] not in self.family.filter_properties:
                raise CDFError(400, f"Unsupported property {path!r}")
            if props[0].get("filter") is not None:
                inner = compile_bucket_filter(props[0]["filter"])
                outer = bucket_filter
                bucket_filter = inner if outer is None else (lambda v: outer(v) and inner(v))
        getter = self._getter(path) if path else None
        if kind == "count":
            if getter is None:
                return 200, {"items": [{"count": len(items)}]}
            return 200, {"items": [{"count": sum(1 for it in items if getter(it) not in (None, [], {}))}]}
        if kind in ("uniqueValues", "cardinalityValues", "metadataValues"):
            if kind == "metadataValues":
                keys = body.get("keys") or []
                if len(keys) != 1:
                    raise CDFError(400, "metadataValues needs exactly one key in 'keys'")
                getter = self._getter(["metadata", keys[0]])
            if getter is None:
                raise CDFError(400, f"'{kind}' needs 'properties'")
            buckets = _count_values(items, getter, bucket_filter)
            if kind == "cardinalityValues":
                return 200, {"items": [{"count": len(buckets)}]}
            ranked = sorted(buckets.values(), key=lambda b: (-b[1], str(b[0])))[:1000]
            if self.family.unique_values_as_strings:
                return 200, {"items": [{"count": c, "values": [_as_string(v)]} for v, c in ranked]}
            return 200, {"items": [{"count": c, "values": [v]} for v, c in ranked]}
        if kind in ("uniqueProperties", "cardinalityProperties", "metadataKeys"):
            prop_path = body.get("path", ["metadata"]) if kind != "metadataKeys" else ["metadata"]
            if not isinstance(prop_path, list) or prop_path != ["metadata"]:
                raise CDFError(400, f"Unsupported path {prop_path!r}; only ['metadata'] is supported")
            buckets = _count_values(items, lambda it: list(it.get("metadata") or {}), bucket_filter)
            if kind == "cardinalityProperties":
                return 200, {"items": [{"count": len(buckets)}]}
            ranked = sorted(buckets.values(), key=lambda b: (-b[1], str(b[0])))[:1000]
            if kind == "metadataKeys":
                return 200, {"items": [{"count": c, "values": [k]} for k, c in ranked]}
            return 200, {"items": [{"count": c, "values": [{"property": ["metadata", k]}]} for k, c in ranked]}
        raise CDFError(400, f"Unsupported aggregate '{kind}'")

    def _getter(self, path: Sequence[str]) -> Callable[[Item], Any]:
        custom = self.family.hooks.store_property_getter(self, path)
        return custom if custom is not None else (lambda item: get_property(item, path))


def _count_values(
    items: Iterable[Item], getter: Callable[[Item], Any], bucket_filter: Callable[[Any], bool] | None
) -> dict[Any, tuple[Any, int]]:
    """Count values case-insensitively for strings; returns normalized value -> (first seen value, count)."""
    buckets: dict[Any, tuple[Any, int]] = {}
    for item in items:
        value = getter(item)
        values = value if isinstance(value, list) else [] if value is None or isinstance(value, dict) else [value]
        for v in values:
            if bucket_filter is not None and not bucket_filter(v):
                continue
            norm = v.lower() if isinstance(v, str) else v
            first, count = buckets.get(norm, (v, 0))
            buckets[norm] = (first, count + 1)
    return buckets


def _as_string(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value)


def _parse_bool(raw: str) -> bool:
    if raw in ("true", "True", "1"):
        return True
    if raw in ("false", "False", "0"):
        return False
    raise ValueError(raw)
