"""Emulator table entry for datapoint subscriptions, served by :class:`SubscriptionStore`.

A subscription follows time series listed by external id / instance id, or matched by a filter. Each subscription
has ``partitionCount`` streams (a time series always lands in partition ``id % partitionCount``); a stream is an
append-only list of entries: datapoints upserted or deleted in one ingestion, or a time series added to or removed
from the subscription. A cursor is a position in a stream, so reading never misses or repeats a change.

Membership is computed lazily: whenever a subscription is read or changed, the time series it follows now are
compared with those it followed before, and the difference is recorded as ``added``/``removed`` entries. So a time
series created later that matches a filter (or an external id listed before the time series existed) joins the
subscription without any hook in the time series family.

The datapoints store reports every change with :func:`record_datapoint_change` (a no-op in a project without
subscriptions):

.. code-block:: python

    from cognite.client.testing._families_subscriptions import record_datapoint_change

    record_datapoint_change(project, series_id, timestamps=ts, values=vs, status_codes=None)  # after an insert
    record_datapoint_change(project, series_id, deletes=[(inclusive_begin, exclusive_end)])  # after a delete
"""

from __future__ import annotations

import asyncio
import dataclasses
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from cognite.client.testing._errors import CDFError
from cognite.client.testing._filters import Item, Predicate, compile_advanced
from cognite.client.testing._store import Family, Hooks, Project, ResourceStore, _decode_cursor, _encode_cursor

__all__ = ["SUBSCRIPTIONS", "SUBSCRIPTION_FAMILIES", "SubscriptionStore", "record_datapoint_change"]

MAX_MEMBERS = 10_000  # time series of one subscription
MAX_PARTITIONS = 100
DATA_LIMIT = (100, 100_000)  # (default, maximum) of ``limit`` of /data/list
POLL_TIMEOUT_MAX = 5
POLL_INTERVAL_S = 0.02
_TIME_SERIES = "timeseries"
#: Properties a subscription filter may use (the time series filter language without ``search``).
FILTER_PROPERTIES = frozenset(
    {
        "description", "externalId", "metadata", "name", "unit", "unitExternalId", "unitQuantity", "instanceId",
        "assetId", "assetRootId", "createdTime", "dataSetId", "id", "lastUpdatedTime", "isStep", "isString", "type",
    }
)  # fmt: skip
_UNITS_MS = {"w": 604_800_000, "d": 86_400_000, "h": 3_600_000, "m": 60_000, "s": 1000}
_AGO = re.compile(r"^(\d+)([wdhms])-ago$")
_UNCERTAIN, _BAD = 1 << 30, 1 << 31
_SYMBOLS = {0: "Good", _UNCERTAIN: "Uncertain", _BAD: "Bad"}


@dataclass
class _Entry:
    """One change in a partition stream.

    Attributes:
        seq: The position of the change among all changes of the subscription (orders partitions against each
            other).
        time: When it was recorded (ms).
        kind: ``"data"``, ``"added"`` or ``"removed"``.
        series: The time series (``GetTimeSeriesForSubscription`` shape).
        timestamps: Upserted timestamps (``data``).
        values: Upserted values.
        status_codes: Upserted status codes (None: all Good).
        deletes: Deleted ranges, ``(inclusive_begin, exclusive_end or None)``.
    """

    seq: int
    time: int
    kind: str
    series: dict[str, Any]
    timestamps: Sequence[int] = ()
    values: Sequence[Any] = ()
    status_codes: Sequence[int] | None = None
    deletes: Sequence[tuple[int, int | None]] = ()

    @property
    def size(self) -> int:
        """How much the entry counts against a ``limit`` (datapoints and ranges; membership changes are free)."""
        return max(1, len(self.timestamps) + len(self.deletes)) if self.kind == "data" else 0


@dataclass
class _Streams:
    """The partitions of one subscription and the time series it followed at the last look."""

    partitions: list[list[_Entry]]
    members: dict[int, dict[str, Any]] = field(default_factory=dict)
    seq: int = 0

    def append(self, time: int, kind: str, series: dict[str, Any], **data: Any) -> None:
        self.seq += 1
        self.partitions[series["id"] % len(self.partitions)].append(_Entry(self.seq, time, kind, series, **data))


def _series_info(ts: Item) -> dict[str, Any]:
    out = {"id": ts["id"], "isString": bool(ts.get("isString")), "type": ts.get("type", "numeric")}
    for key in ("externalId", "instanceId"):
        if key in ts:
            out[key] = ts[key]
    return out


class _FilterHooks(Hooks):
    """Reads time series properties for subscription filters (``unitQuantity`` from the catalog unit)."""

    def __init__(self, inner: Hooks) -> None:
        self.inner = inner

    def store_property_getter(self, store: ResourceStore, path: Sequence[str]) -> Callable[[Item], Any] | None:
        if list(path) == ["unitQuantity"]:
            return lambda item: (item.get("unitExternalId") or "").partition(":")[0] or None
        return self.inner.store_property_getter(store, path)


def _check_filter(flt: Any, depth: int = 0) -> int:
    """Reject what subscription filters do not take (``search``, depth over 10, more than 100 clauses); return the
    number of clauses."""
    if depth >= 10:
        raise CDFError(400, "A subscription filter can be nested at most 10 levels deep")
    if not isinstance(flt, dict) or len(flt) != 1:
        raise CDFError(400, f"Invalid filter: expected an object with exactly one key, got {flt!r}")
    ((kind, arg),) = flt.items()
    if kind == "search":
        raise CDFError(400, "Subscription filters do not support the 'search' filter")
    if kind in ("and", "or"):
        return 1 + sum(_check_filter(f, depth + 1) for f in arg) if isinstance(arg, list) else 1
    if kind == "not":
        return 1 + _check_filter(arg, depth + 1)
    return 1


class SubscriptionHooks(Hooks):
    """Validation of subscriptions and their member lists; membership is synced after every change."""

    def prepare_create(self, store: ResourceStore, new: list[Item]) -> None:
        """Check the partition count, the members (or the filter) and their limits."""
        for item in new:
            count = item["partitionCount"]
            if isinstance(count, bool) or not 1 <= count <= MAX_PARTITIONS:
                raise CDFError(400, f"partitionCount must be between 1 and {MAX_PARTITIONS}, got {count!r}")
            has_ids = "timeSeriesIds" in item or "instanceIds" in item
            if "filter" in item and has_ids:
                raise CDFError(400, "A subscription takes either a filter or time series ids, not both")
            if "filter" not in item and not has_ids:
                raise CDFError(400, "A subscription needs timeSeriesIds, instanceIds or a filter")
            if "filter" in item:
                cast_store(store).filter_predicate(item["filter"])
            for key in ("timeSeriesIds", "instanceIds"):
                if key in item:
                    item[key] = _members(key, item[key], [])

    def after_insert(self, store: ResourceStore, new: list[Item]) -> None:
        """Start the streams of new subscriptions (and record the time series they follow)."""
        for item in new:
            cast_store(store).streams[item["id"]] = _Streams([[] for _ in range(item["partitionCount"])])
            cast_store(store).sync(item)

    def apply_update(self, store: ResourceStore, item: Item, name: str, op: Mapping[str, Any]) -> bool:
        """Member lists (add/remove or set, not on filter subscriptions) and the filter (set, only on filter
        subscriptions)."""
        if name == "filter":
            if "filter" not in item:
                raise CDFError(400, "The filter of a subscription that lists its time series cannot be set")
            if set(op) != {"set"}:
                raise CDFError(400, "'filter' supports only set")
            cast_store(store).filter_predicate(op["set"])
            item["filter"] = op["set"]
            return True
        if name in ("timeSeriesIds", "instanceIds"):
            if "filter" in item:
                raise CDFError(400, f"A filter subscription has no {name}")
            if not set(op) or not set(op) <= {"set", "add", "remove"} or ("set" in op and len(op) > 1):
                raise CDFError(400, f"'{name}' takes either set, or add and/or remove")
            current = list(item.get(name, []))
            if "set" in op:
                current = _members(name, op["set"], [])
            else:
                removed = {_member_key(v) for v in _members(name, op.get("remove", []), [])}
                current = _members(name, op.get("add", []), [v for v in current if _member_key(v) not in removed])
            item[name] = current
            if len(item.get("timeSeriesIds", [])) + len(item.get("instanceIds", [])) > MAX_MEMBERS:
                raise CDFError(400, f"A subscription can follow at most {MAX_MEMBERS} time series")
            return True
        return False

    def after_update(self, store: ResourceStore, old: Item, new: Item) -> None:
        """Record the time series the subscription started or stopped following."""
        cast_store(store).sync(new)

    def after_delete(self, store: ResourceStore, removed: list[Item]) -> None:
        """Forget the streams of deleted subscriptions."""
        for item in removed:
            cast_store(store).streams.pop(item["id"], None)


def _member_key(value: Any) -> Any:
    return (value["space"], value["externalId"]) if isinstance(value, dict) else value


def _members(name: str, values: Any, current: list[Any]) -> list[Any]:
    """``current`` plus the valid, new ``values`` (external ids or instance ids) in order."""
    if not isinstance(values, list):
        raise CDFError(400, f"'{name}' must be an array")
    out = list(current)
    seen = {_member_key(v) for v in out}
    for v in values:
        if name == "instanceIds":
            ok = isinstance(v, dict) and isinstance(v.get("space"), str) and isinstance(v.get("externalId"), str)
            v = {"space": v["space"], "externalId": v["externalId"]} if ok else v
        else:
            ok = isinstance(v, str)
        if not ok:
            raise CDFError(400, f"Invalid value in '{name}': {v!r}")
        if _member_key(v) not in seen:
            seen.add(_member_key(v))
            out.append(v)
    return out


def cast_store(store: ResourceStore) -> SubscriptionStore:
    """The store as the subscription store (the hooks only serve that family)."""
    assert isinstance(store, SubscriptionStore)
    return store


class SubscriptionStore(ResourceStore):
    """The subscriptions of one project, their partition streams, and the members and data endpoints.

    Attributes:
        streams: Subscription (internal) id -> its streams.
    """

    def __init__(self, family: Family, project: Project) -> None:
        super().__init__(family, project)
        self.streams: dict[int, _Streams] = {}

    # ----------------------------------------------------------------- membership
    def _time_series(self) -> ResourceStore:
        return self.project.store(_TIME_SERIES)

    def filter_predicate(self, flt: Any) -> Predicate:
        """Compile a subscription filter against the time series of the project (400 when it is invalid)."""
        _check_filter(flt)
        ts = self._time_series()
        view = dataclasses.replace(ts.family, filter_properties=FILTER_PROPERTIES, hooks=_FilterHooks(ts.family.hooks))
        shim = ResourceStore(view, self.project)
        return compile_advanced(flt, shim)

    def current_members(self, sub: Item) -> dict[int, Item]:
        """The time series the subscription follows now (those that exist), by id."""
        ts = self._time_series()
        if "filter" in sub:
            pred = self.filter_predicate(sub["filter"])
            return {item["id"]: item for item in ts.items.values() if pred(item)}
        refs = [{"externalId": x} for x in sub.get("timeSeriesIds", [])]
        refs += [{"instanceId": i} for i in sub.get("instanceIds", [])]
        found = [ts.get(ref) for ref in refs]
        return {item["id"]: item for item in found if item is not None}

    def _is_member(self, sub: Item, ts: Item) -> bool:
        if "filter" in sub:
            return self.filter_predicate(sub["filter"])(ts)
        if ts.get("externalId") in sub.get("timeSeriesIds", ()):
            return True
        iid = ts.get("instanceId")
        return iid is not None and _member_key(iid) in {_member_key(v) for v in sub.get("instanceIds", ())}

    def sync(self, sub: Item) -> None:
        """Record the time series the subscription started or stopped following since the last look."""
        streams = self.streams[sub["id"]]
        now = self.project.clock()
        current = self.current_members(sub)
        for ts_id in [i for i in streams.members if i not in current]:
            streams.append(now, "removed", streams.members.pop(ts_id))
        for ts_id, ts in current.items():
            if ts_id not in streams.members:
                streams.members[ts_id] = _series_info(ts)
                streams.append(now, "added", streams.members[ts_id])

    def record(
        self,
        series_id: int,
        timestamps: Sequence[int],
        values: Sequence[Any],
        status_codes: Sequence[int] | None,
        deletes: Sequence[tuple[int, int | None]],
    ) -> None:
        """Add a datapoint change of one time series to every subscription that follows it."""
        ts = self._time_series().items.get(series_id)
        if ts is None or (not len(timestamps) and not deletes):
            return
        now = self.project.clock()
        for sub in self.items.values():
            if not self._is_member(sub, ts):
                continue
            streams = self.streams[sub["id"]]
            if series_id not in streams.members:
                streams.members[series_id] = _series_info(ts)
                streams.append(now, "added", streams.members[series_id])
            streams.append(
                now, "data", streams.members[series_id], timestamps=timestamps, values=values,
                status_codes=status_codes, deletes=list(deletes),
            )  # fmt: skip

    # ----------------------------------------------------------------- responses
    def public(self, items: list[Item]) -> list[Item]:
        """Subscriptions as CDF answers them: no member lists, a ``timeSeriesCount`` instead."""
        out = []
        for item in items:
            shown = {k: v for k, v in item.items() if k not in ("id", "timeSeriesIds", "instanceIds")}
            if "filter" in item:
                shown["timeSeriesCount"] = len(self.current_members(item))
            else:
                shown["timeSeriesCount"] = len(item.get("timeSeriesIds", [])) + len(item.get("instanceIds", []))
            out.append(shown)
        return out

    def _subscription(self, external_id: Any) -> Item:
        if not isinstance(external_id, str):
            raise CDFError(400, "The externalId of the subscription is required")
        return self.resolve([{"externalId": external_id}], ignore_unknown=False)[0]

    # ----------------------------------------------------------------- routes
    def list_subscriptions(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``GET /timeseries/subscriptions``: subscriptions in creation order, with a cursor."""
        return self.list_get(query)

    def list_members(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> tuple[int, Any]:
        """``GET /timeseries/subscriptions/members``: the time series of a subscription: for an explicit one, every
        identifier it lists (with the id of the time series when it exists); for a filter one, the matches."""
        unknown = set(query) - {"externalId", "limit", "cursor"}
        if unknown:
            raise CDFError(400, f"Unrecognized query parameter(s) {sorted(unknown)}")
        sub = self._subscription(query.get("externalId"))
        try:
            limit = self._limit(int(query["limit"]) if "limit" in query else None, self.family.list_limit)
        except ValueError:
            raise CDFError(400, f"Invalid limit {query.get('limit')!r}") from None
        ts = self._time_series()
        members: list[dict[str, Any]]
        if "filter" in sub:
            members = [_member_dto(item) for item in self.current_members(sub).values()]
        else:
            members = []
            for ref in [{"externalId": x} for x in sub.get("timeSeriesIds", [])] + [
                {"instanceId": i} for i in sub.get("instanceIds", [])
            ]:
                found = ts.get(ref)
                members.append({**ref, "id": found["id"]} if found is not None else dict(ref))
        start = _decode_cursor(query["cursor"], "m") if query.get("cursor") else 0
        out: dict[str, Any] = {"items": members[start : start + limit]}
        if start + limit < len(members):
            out["nextCursor"] = _encode_cursor("m", start + limit)
        return 200, out

    def list_data(self, params: Mapping[str, str], query: Mapping[str, str], body: Any) -> Any:
        """``POST /timeseries/subscriptions/data/list``: changes from the given partitions, from their cursors (or
        ``initializeCursors``), about ``limit`` of them; waits up to ``pollTimeoutSeconds`` when there are none."""
        sub = self._subscription(body.get("externalId"))
        parts = body.get("partitions")
        if not isinstance(parts, list) or not parts:
            raise CDFError(400, "'partitions' must be a non-empty array")
        count = sub["partitionCount"]
        indexes = [p.get("index") if isinstance(p, dict) else None for p in parts]
        for index in indexes:
            if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < count:
                raise CDFError(400, f"Partition index must be between 0 and {count - 1}, got {index!r}")
        if len(set(indexes)) != len(indexes):
            raise CDFError(400, "Duplicate partition indexes")
        limit = self._limit(body.get("limit"), DATA_LIMIT)
        timeout = body.get("pollTimeoutSeconds", POLL_TIMEOUT_MAX)
        if isinstance(timeout, bool) or not isinstance(timeout, int) or not 0 <= timeout <= POLL_TIMEOUT_MAX:
            raise CDFError(400, f"pollTimeoutSeconds must be between 0 and {POLL_TIMEOUT_MAX}, got {timeout!r}")
        self.sync(sub)
        streams = self.streams[sub["id"]]
        positions = {p["index"]: self._start(p, streams, body.get("initializeCursors")) for p in parts}
        if timeout and all(positions[i] >= len(streams.partitions[i]) for i in positions):
            return self._wait(sub, streams, positions, limit, body, timeout)
        return 200, self._answer(streams, positions, limit, body)

    async def _wait(
        self, sub: Item, streams: _Streams, positions: dict[int, int], limit: int, body: Any, timeout: int
    ) -> tuple[int, Any]:
        deadline = asyncio.get_running_loop().time() + timeout
        while asyncio.get_running_loop().time() < deadline:
            await asyncio.sleep(POLL_INTERVAL_S)
            if self.streams.get(sub["id"]) is not streams:
                break  # deleted meanwhile
            self.sync(sub)
            if any(positions[i] < len(streams.partitions[i]) for i in positions):
                break
        return 200, self._answer(streams, positions, limit, body)

    def _start(self, part: Mapping[str, Any], streams: _Streams, initialize: Any) -> int:
        index = part["index"]
        stream = streams.partitions[index]
        if part.get("cursor") is not None:
            pos = _decode_cursor(part["cursor"], f"sub{index}")
            if pos > len(stream):
                raise CDFError(400, f"Invalid cursor {part['cursor']!r}")
            return pos
        if initialize is None:
            return 0
        if initialize == "now":
            return len(stream)
        match = _AGO.match(initialize) if isinstance(initialize, str) else None
        if match is None:
            raise CDFError(400, f"initializeCursors must be 'now' or 'N[w|d|h|m|s]-ago', got {initialize!r}")
        since = self.project.clock() - int(match.group(1)) * _UNITS_MS[match.group(2)]
        return next((n for n, entry in enumerate(stream) if entry.time >= since), len(stream))

    def _answer(self, streams: _Streams, positions: dict[int, int], limit: int, body: Any) -> dict[str, Any]:
        taken: list[_Entry] = []
        total = 0
        while total < limit:
            heads = [
                (streams.partitions[i][pos].seq, i) for i, pos in positions.items() if pos < len(streams.partitions[i])
            ]
            if not heads:
                break
            _, index = min(heads)
            entry = streams.partitions[index][positions[index]]
            positions[index] += 1
            taken.append(entry)
            total += entry.size
        options = (
            bool(body.get("includeStatus", False)),
            bool(body.get("ignoreBadDataPoints", True)),
            bool(body.get("treatUncertainAsBad", True)),
        )
        out: dict[str, Any] = {
            "updates": [_update_dto(e, *options) for e in taken if e.kind == "data"],
            "partitions": [{"index": i, "nextCursor": _encode_cursor(f"sub{i}", pos)} for i, pos in positions.items()],
            "hasNext": any(pos < len(streams.partitions[i]) for i, pos in positions.items()),
        }
        added = [e.series for e in taken if e.kind == "added"]
        removed = [e.series for e in taken if e.kind == "removed"]
        if added or removed:
            out["subscriptionChanges"] = {"added": added, "removed": removed}
        return out


def _member_dto(ts: Item) -> dict[str, Any]:
    return {k: ts[k] for k in ("id", "externalId", "instanceId") if k in ts}


def _plain(values: Sequence[Any]) -> list[Any]:
    tolist = getattr(values, "tolist", None)  # numpy arrays from the datapoints store
    return tolist() if tolist is not None else list(values)


def _json_value(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
    return value


def _update_dto(entry: _Entry, include_status: bool, ignore_bad: bool, uncertain_is_bad: bool) -> dict[str, Any]:
    timestamps, values = _plain(entry.timestamps), _plain(entry.values)
    codes = _plain(entry.status_codes) if entry.status_codes is not None else None
    upserts = []
    for n, (t, v) in enumerate(zip(timestamps, values, strict=False)):
        code = codes[n] if codes is not None else 0
        category = code & (_BAD | _UNCERTAIN)
        bad = category & _BAD or (uncertain_is_bad and category == _UNCERTAIN)
        if ignore_bad and bad:
            continue
        point: dict[str, Any] = {"timestamp": t}
        if v is not None:
            point["value"] = _json_value(v)
        if include_status and code:
            point["status"] = {"code": code, **({"symbol": _SYMBOLS[code]} if code in _SYMBOLS else {})}
        upserts.append(point)
    deletes = [
        {"inclusiveBegin": b} if e is None else {"inclusiveBegin": b, "exclusiveEnd": e} for b, e in entry.deletes
    ]
    return {"timeSeries": entry.series, "upserts": upserts, "deletes": deletes}


def record_datapoint_change(
    project: Project,
    series_id: int,
    timestamps: Sequence[int] = (),
    values: Sequence[Any] = (),
    status_codes: Sequence[int] | None = None,
    deletes: Sequence[tuple[int, int | None]] = (),
) -> None:
    """Tell the subscriptions of a project that datapoints of a time series changed (call once per time series and
    request, after the change is stored). Costs nothing in a project without subscriptions.

    Args:
        project: The project (``store.project`` of the datapoints store).
        series_id: The internal id of the time series.
        timestamps: Upserted timestamps (ms); a list or a numpy array. Kept by reference: do not modify it later.
        values: The upserted values, aligned with ``timestamps`` (None for a bad datapoint without a value).
        status_codes: The status codes of the upserted datapoints (None: all Good).
        deletes: Deleted ranges ``(inclusive_begin, exclusive_end)``; ``exclusive_end`` None deletes one timestamp.
    """
    store = project.stores.get(SUBSCRIPTIONS.name)
    if isinstance(store, SubscriptionStore) and store.items:
        store.record(series_id, timestamps, values, status_codes, deletes)


SUBSCRIPTIONS = Family(
    name="subscriptions",
    path="/timeseries/subscriptions",
    write_fields={
        "externalId": str,
        "name": str,
        "description": str,
        "dataSetId": int,
        "partitionCount": int,
        "timeSeriesIds": list,
        "instanceIds": list,
        "filter": dict,
    },
    required=("externalId", "partitionCount"),
    updates={
        "name": "nullable",
        "description": "nullable",
        "dataSetId": "nullable",
        "filter": "value",
        "timeSeriesIds": "list",
        "instanceIds": "list",
    },
    limits={"create": 1, "byids": 1, "update": 1, "delete": 1},
    list_limit=(100, 100),
    verbs=frozenset({"create", "byids", "update", "delete"}),
    internal_id=False,
    hooks=SubscriptionHooks(),
    routes={
        ("GET", ""): "list_subscriptions",
        ("GET", "/members"): "list_members",
        ("POST", "/data/list"): "list_data",
    },
    store_cls=SubscriptionStore,
)

#: The families defined in this module; the registry (``_registry.FAMILIES``) gathers every module's.
SUBSCRIPTION_FAMILIES: tuple[Family, ...] = (SUBSCRIPTIONS,)
