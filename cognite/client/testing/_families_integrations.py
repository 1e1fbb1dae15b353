"""Emulator table entries for integrations (``/integrations``), limits (``/limits/values``, alpha) and metering
(``/metering/meters``, alpha).

Integrations are a generic family keyed by external id (no internal ids). An extractor reports through
``POST /integrations/startup`` (its tasks, active config revision and version: they show on the integration) and
``POST /integrations/checkin`` (task events are accepted and not kept; errors are kept and listed by
``GET /integrations/errors``, newest start time first, each answered with the integration's ``externalId`` and
``details`` defaulting to ""). Both set ``lastSeen``. Deleting an integration deletes its errors. The fields the
SDK sends beyond the spec's (``documentation``, ``metadata``, ``allowedNotSeenMinutes``) are kept and answered.

Limits are the values the emulator enforces, computed from the families it serves, ids in lower_snake_case:

* ``<family>.<verb>_items_per_request`` for the ``create``, ``byids``, ``update`` and ``delete`` limits of every
  family serving that verb (e.g. ``assets.create_items_per_request`` = 1000), ``<family>.list_max_limit``;
* ``datapoints.insert_items_per_request`` (10,000), ``datapoints.insert_datapoints_per_request`` (100,000),
  ``datapoints.delete_items_per_request`` (10,000), ``datapoints.retrieve_datapoints_per_request`` (100,000) and
  ``datapoints.retrieve_aggregates_per_request`` (10,000).

An unknown limit id answers 404.

Meters are ``<family>.resources`` for every family with creatable resources: the number of its resources. With
``start`` and ``numberOfDatapoints`` (and ``end``, default now), the range is cut into equal buckets; a datapoint's
``timestamp`` is the start of its bucket and its ``average`` the number of the family's current resources created at
or before the bucket's end (deleted ones are not remembered). Unknown meter ids answer 404 (by id) or are left out
(``/byids``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime, timezone
from typing import Any

from cognite.client.testing._datapoints import AGG_LIMIT, INSERT_ITEMS, INSERT_POINTS, RAW_LIMIT
from cognite.client.testing._errors import CDFError
from cognite.client.testing._filters import Item
from cognite.client.testing._store import Family, ResourceStore, _decode_cursor, _encode_cursor

__all__ = ["INTEGRATIONS_FAMILIES"]

Query = Mapping[str, str]
_LEVELS = frozenset({"warning", "error", "fatal"})
_TASK_TYPES = frozenset({"continuous", "batch"})
_ERRORS_LIMIT = (100, 100)
_ALPHA_LIMIT = (1000, 1000)
_MAX_BUCKETS = 600


def _int_param(query: Query, name: str) -> int | None:
    raw = query.get(name)
    if raw is None:
        return None
    try:
        return int(raw)
    except ValueError:
        raise CDFError(400, f"Invalid value for query parameter '{name}': {raw!r}") from None


def _page(items: list[Any], limit: Any, cursor: Any, kind: str, bounds: tuple[int, int]) -> dict[str, Any]:
    """One page of ``items`` from an offset cursor, with ``nextCursor`` when more remain."""
    default, maximum = bounds
    limit = default if limit is None else limit
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= maximum:
        raise CDFError(400, f"limit must be an integer from 1 to {maximum}, got {limit!r}")
    start = 0 if cursor is None else _decode_cursor(cursor, kind)
    out: dict[str, Any] = {"items": items[start : start + limit]}
    if start + limit < len(items):
        out["nextCursor"] = _encode_cursor(kind, start + limit)
    return out


# ----------------------------------------------------------------------------------------------- integrations
class IntegrationsStore(ResourceStore):
    """Integrations (generic items keyed by external id) and the errors their extractors report."""

    def __init__(self, family: Family, project: Any) -> None:
        super().__init__(family, project)
        self.errors: list[Item] = []

    def list_query(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``GET /integrations``."""
        return self.list_get(query)

    def delete(self, body: Mapping[str, Any]) -> tuple[int, dict[str, Any]]:
        """``POST /integrations/delete``: the integrations' errors go with them."""
        status, out = super().delete(body)
        xids = {ref.get("externalId") for ref in body.get("items", []) if isinstance(ref, dict)}
        self.errors = [e for e in self.errors if e["externalId"] not in xids]
        return status, out

    def _integration(self, body: Any) -> Item:
        xid = body.get("externalId") if isinstance(body, dict) else None
        item = self.get({"externalId": xid}) if isinstance(xid, str) else None
        if item is None:
            raise CDFError(400, f"Integration not found: {xid!r}", missing=[{"externalId": xid}])
        return item

    def _answer(self, item: Item) -> tuple[int, Any]:
        out: dict[str, Any] = {"externalId": item["externalId"]}
        if "lastConfigRevision" in item:
            out["lastConfigRevision"] = item["lastConfigRevision"]
        return 200, out

    def startup(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``POST /integrations/startup``: the extractor reports its version, tasks and config revision."""
        item = self._integration(body)
        tasks = body.get("tasks", [])
        if not isinstance(tasks, list) or any(
            not isinstance(t, dict) or t.get("type") not in _TASK_TYPES or not isinstance(t.get("name"), str)
            for t in tasks
        ):
            raise CDFError(400, "tasks must be a list of {'type': 'continuous'|'batch', 'name': string}")
        names = [t["name"] for t in tasks]
        if len(set(names)) != len(names):
            raise CDFError(400, "Task names must be unique in an integration")
        now = self.project.clock()
        item["extractor"] = dict(body["extractor"])
        item["tasks"] = [{"action": False, **t} for t in tasks]
        if "activeConfigRevision" in body:
            item["activeConfigRevision"] = body["activeConfigRevision"]
        item["lastSeen"] = body.get("timestamp", now)
        item["lastUpdatedTime"] = now
        return self._answer(item)

    def checkin(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``POST /integrations/checkin``: the extractor reports task events and errors."""
        item = self._integration(body)
        errors = body.get("errors", [])
        if not isinstance(errors, list):
            raise CDFError(400, "errors must be a list")
        kept = []
        for err in errors:
            if not isinstance(err, dict) or err.get("level") not in _LEVELS:
                raise CDFError(400, f"Each error needs a level (warning, error or fatal), got {err!r}")
            if not isinstance(err.get("description"), str) or not isinstance(err.get("startTime"), int):
                raise CDFError(400, f"Each error needs a description and a startTime, got {err!r}")
            kept.append({"externalId": item["externalId"], "details": "", **err})
        self.errors.extend(kept)
        item["lastSeen"] = self.project.clock()
        return self._answer(item)

    def list_errors(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``GET /integrations/errors``: filtered by integration, task and time, newest start first."""
        known = {"externalId", "task", "minStartTime", "maxEndTime", "limit", "cursor"}
        unknown = sorted(set(query) - known)
        if unknown:
            raise CDFError(400, f"Unrecognized query parameter(s) {unknown}")
        xid, task = query.get("externalId"), query.get("task")
        if task is not None and xid is None:
            raise CDFError(400, "Filtering on task requires externalId")
        min_start, max_end = _int_param(query, "minStartTime"), _int_param(query, "maxEndTime")
        found = [
            e
            for e in self.errors
            if (xid is None or e["externalId"] == xid)
            and (task is None or e.get("task") == task)
            and (min_start is None or e["startTime"] >= min_start)
            and (max_end is None or ("endTime" in e and e["endTime"] <= max_end))
        ]
        found.sort(key=lambda e: -e["startTime"])
        return 200, _page(found, _int_param(query, "limit"), query.get("cursor"), "interr", _ERRORS_LIMIT)


INTEGRATIONS_FAMILY = Family(
    name="integrations",
    path="/integrations",
    write_fields={
        "externalId": str,
        "name": str,
        "description": str,
        "extractor": dict,
        "documentation": str,
        "metadata": dict,
        "allowedNotSeenMinutes": int,
    },
    required=("externalId", "extractor"),
    updates={
        "name": "nullable",
        "description": "nullable",
        "documentation": "nullable",
        "metadata": "object",
        "allowedNotSeenMinutes": "nullable",
    },
    verbs=frozenset({"create", "byids", "update", "delete"}),
    internal_id=False,
    create_status=200,
    limits={"create": 20, "byids": 100, "update": 20, "delete": 100},
    list_limit=(100, 100),
    routes={
        ("GET", ""): "list_query",
        ("GET", "/errors"): "list_errors",
        ("POST", "/startup"): "startup",
        ("POST", "/checkin"): "checkin",
    },
    store_cls=IntegrationsStore,
)


# ----------------------------------------------------------------------------------------------- limits, meters
def _snake(name: str) -> str:
    return re.sub(r"[^a-z0-9_]+", "_", name.lower()).strip("_")


def _prefix(body: Any, prop: str) -> str | None:
    """The prefix of a ``{"prefix": {"property": [prop], "value": str}}`` filter (the only one supported)."""
    flt = body.get("filter") if isinstance(body, dict) else None
    if flt is None:
        return None
    inner = flt.get("prefix") if isinstance(flt, dict) and set(flt) == {"prefix"} else None
    if not isinstance(inner, dict) or inner.get("property") != [prop] or not isinstance(inner.get("value"), str):
        raise CDFError(400, f"Only a prefix filter on {prop!r} is supported")
    return str(inner["value"])


def _iso_ms(value: Any, name: str) -> int:
    try:
        parsed = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        raise CDFError(400, f"{name} must be an ISO 8601 date-time, got {value!r}") from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    return int(parsed.timestamp() * 1000)


def _iso(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, tz=timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class LimitsStore(ResourceStore):
    """The limit values of a project: computed from the families served (no state)."""

    def values(self) -> list[Item]:
        """Every limit, sorted by id."""
        out: dict[str, int] = {
            "datapoints.insert_items_per_request": INSERT_ITEMS,
            "datapoints.insert_datapoints_per_request": INSERT_POINTS,
            "datapoints.delete_items_per_request": INSERT_ITEMS,
            "datapoints.retrieve_datapoints_per_request": RAW_LIMIT,
            "datapoints.retrieve_aggregates_per_request": AGG_LIMIT,
        }
        for store in self.project.stores.values():
            fam = store.family
            name = _snake(fam.name)
            for verb, limit in fam.limits.items():
                if verb in fam.verbs:
                    out[f"{name}.{verb}_items_per_request"] = limit
            if "list" in fam.verbs or ("GET", "") in fam.routes:
                out[f"{name}.list_max_limit"] = fam.list_limit[1]
        return [{"limitId": k, "value": v} for k, v in sorted(out.items())]

    def _list(self, body: Mapping[str, Any], prefix: str | None) -> tuple[int, Any]:
        items = [v for v in self.values() if prefix is None or v["limitId"].startswith(prefix)]
        return 200, _page(items, body.get("limit"), body.get("cursor"), "limits", _ALPHA_LIMIT)

    def list_values(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``GET /limits/values``."""
        return self._list({"limit": _int_param(query, "limit"), "cursor": query.get("cursor")}, None)

    def filter_values(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``POST /limits/values/list``: only a prefix filter on ``limitId``."""
        return self._list(body, _prefix(body, "limitId"))

    def retrieve_value(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``GET /limits/values/{limitId}`` (404 when unknown)."""
        for value in self.values():
            if value["limitId"] == params["limitId"]:
                return 200, value
        raise CDFError(404, f"Limit not found: {params['limitId']!r}", missing=[{"limitId": params["limitId"]}])


class MeteringStore(ResourceStore):
    """The meters of a project: resource counts of the families served (no state of its own)."""

    def meters(self) -> dict[str, ResourceStore]:
        """Meter id -> the store it counts, sorted by id."""
        found = {
            f"{_snake(store.family.name)}.resources": store
            for store in self.project.stores.values()
            if "create" in store.family.verbs and type(store).__name__ not in ("LimitsStore", "MeteringStore")
        }
        return dict(sorted(found.items()))

    def _meter(self, meter_id: str, store: ResourceStore, args: Mapping[str, Any]) -> Item:
        buckets = args.get("numberOfDatapoints", 0)
        if isinstance(buckets, str):
            try:
                buckets = int(buckets)
            except ValueError:
                raise CDFError(400, f"numberOfDatapoints must be an integer, got {buckets!r}") from None
        if isinstance(buckets, bool) or not isinstance(buckets, int) or not 0 <= buckets <= _MAX_BUCKETS:
            raise CDFError(400, f"numberOfDatapoints must be 0 to {_MAX_BUCKETS}, got {buckets!r}")
        datapoints: list[Item] = []
        if args.get("start") is not None and buckets:
            start = _iso_ms(args["start"], "start")
            end = _iso_ms(args["end"], "end") if args.get("end") is not None else self.project.clock()
            if end < start:
                raise CDFError(400, "end must not be before start")
            created = sorted(it.get("createdTime", 0) for it in store.items.values())
            width = (end - start) / buckets
            for i in range(buckets):
                bucket_end = start + width * (i + 1)
                count = sum(1 for t in created if t <= bucket_end)
                datapoints.append({"timestamp": _iso(int(start + width * i)), "average": count})
        return {"meterId": meter_id, "datapoints": datapoints}

    def _list(self, args: Mapping[str, Any], prefix: str | None) -> tuple[int, Any]:
        ids = [m for m in self.meters() if prefix is None or m.startswith(prefix)]
        page = _page(ids, args.get("limit"), args.get("cursor"), "meters", _ALPHA_LIMIT)
        meters = self.meters()
        page["items"] = [self._meter(m, meters[m], args) for m in page["items"]]
        return 200, page

    def list_meters(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``GET /metering/meters``."""
        return self._list({**query, "limit": _int_param(query, "limit")}, None)

    def filter_meters(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``POST /metering/meters/list``: only a prefix filter on ``meterId``."""
        return self._list(body, _prefix(body, "meterId"))

    def retrieve_meter(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``GET /metering/meters/{meterId}`` (404 when unknown)."""
        meter_id = params["meterId"]
        store = self.meters().get(meter_id)
        if store is None:
            raise CDFError(404, f"Meter not found: {meter_id!r}", missing=[{"meterId": meter_id}])
        return 200, self._meter(meter_id, store, query)

    def byids_meters(self, params: Mapping[str, str], query: Query, body: Any) -> tuple[int, Any]:
        """``POST /metering/meters/byids``: the meters asked for, in order; unknown ids are left out."""
        refs = body.get("items") if isinstance(body, dict) else None
        if not isinstance(refs, list) or not refs:
            raise CDFError(400, "items must be a non-empty list of {'meterId': string}")
        meters = self.meters()
        out = []
        for ref in refs:
            if not isinstance(ref, dict) or not isinstance(ref.get("meterId"), str):
                raise CDFError(400, f"Each item must be {{'meterId': string}}, got {ref!r}")
            if ref["meterId"] in meters:
                out.append(self._meter(ref["meterId"], meters[ref["meterId"]], body))
        return 200, {"items": out}


LIMITS_FAMILY = Family(
    name="limits",
    path="/limits/values",
    write_fields={},
    verbs=frozenset(),
    internal_id=False,
    routes={
        ("GET", ""): "list_values",
        ("POST", "/list"): "filter_values",
        ("GET", "/{limitId}"): "retrieve_value",
    },
    store_cls=LimitsStore,
)

METERING_FAMILY = Family(
    name="metering",
    path="/metering/meters",
    write_fields={},
    verbs=frozenset(),
    internal_id=False,
    routes={
        ("GET", ""): "list_meters",
        ("POST", "/list"): "filter_meters",
        ("POST", "/byids"): "byids_meters",
        ("GET", "/{meterId}"): "retrieve_meter",
    },
    store_cls=MeteringStore,
)

#: The families defined in this module; the registry (``_registry.FAMILIES``) gathers every module's.
INTEGRATIONS_FAMILIES: tuple[Family, ...] = (INTEGRATIONS_FAMILY, LIMITS_FAMILY, METERING_FAMILY)
