"""Emulator table entry for streams and their records (``/streams``, ``/streams/{streamId}/records/...``), served
by :class:`StreamsStore`.

Streams are created from a template: ``ImmutableTestStream`` and ``BasicArchive`` make immutable streams (records
can only be ingested, and reads need a lower bound on ``lastUpdatedTime``), ``MutableTestStream`` and
``BasicLiveData`` mutable ones (records can also be upserted and deleted). Records are kept in their read form,
``properties`` nested as ``{space: {container: {property: value}}}``; the emulator does not require the record's
space or containers to exist. Filters are the records filter language (``and``/``or``/``not``, ``equals``, ``in``,
``range``, ``prefix``, ``exists``, ``containsAny``/``containsAll``, ``hasData``, ``matchAll``) on ``[space,
container, property]`` or a top-level property. Aggregates: ``count``, ``sum``, ``avg``, ``min``, ``max`` and
``uniqueValues`` (with nested aggregates); the others answer 400. A sync cursor is a position in the stream's log
of changes; ``initializeCursor`` takes ``"<n><s|m|h|d|w>-ago"`` (or ``"now"``).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from cognite.client.testing._errors import CDFError
from cognite.client.testing._filters import Item, Predicate, compile_advanced, get_property
from cognite.client.testing._store import Family, Hooks, Project, ResourceStore, _decode_cursor, _encode_cursor

__all__ = ["STREAMS", "STREAMS_FAMILIES", "StreamsStore"]

Query = Mapping[str, str]
Key = tuple[str, str]

_TEMPLATES = {"ImmutableTestStream": "Immutable", "BasicArchive": "Immutable", "MutableTestStream": "Mutable",
              "BasicLiveData": "Mutable"}  # fmt: skip
_STREAM_ID = re.compile(r"^[a-z]([a-z0-9_-]{0,98}[a-z0-9])?$")
_SPACE = re.compile(r"^[a-zA-Z][a-zA-Z0-9_-]{0,41}[a-zA-Z0-9]?$")
_TOP_LEVEL = ("space", "externalId", "createdTime", "lastUpdatedTime")
_UNITS = {"s": 1000, "m": 60_000, "h": 3_600_000, "d": 86_400_000, "w": 604_800_000}
_MAX_RECORDS = 10_000_000


class _Stream:
    """One stream: its definition, its records and its log of changes (for sync)."""

    def __init__(self, item: Item) -> None:
        self.item = item
        self.records: dict[Key, Item] = {}
        self.log: list[tuple[int, Key, str, Item]] = []  # (seq, key, status, record or tombstone)

    @property
    def mutable(self) -> bool:
        return bool(self.item["type"] == "Mutable")


def _items(body: Any, limit: int) -> list[Any]:
    items = body.get("items") if isinstance(body, dict) else None
    if not isinstance(items, list) or not 1 <= len(items) <= limit:
        raise CDFError(400, f"items must be an array of 1 to {limit} elements")
    return items


def _record_key(entry: Any) -> Key:
    if not isinstance(entry, dict):
        raise CDFError(400, f"A record must be an object, got {entry!r}")
    space, xid = entry.get("space"), entry.get("externalId")
    if not isinstance(space, str) or not _SPACE.match(space):
        raise CDFError(400, f"Invalid record space {space!r}")
    if not isinstance(xid, str) or not 1 <= len(xid) <= 256 or "\x00" in xid:
        raise CDFError(400, f"Invalid record externalId {xid!r}")
    return space, xid


def _properties(entry: Item) -> dict[str, dict[str, dict[str, Any]]]:
    sources = entry.get("sources")
    if not isinstance(sources, list) or not 1 <= len(sources) <= 100:
        raise CDFError(400, "A record needs 1 to 100 sources")
    out: dict[str, dict[str, dict[str, Any]]] = {}
    for source in sources:
        ref = source.get("source") if isinstance(source, dict) else None
        if not isinstance(ref, dict) or ref.get("type") != "container":
            raise CDFError(400, f"A record source must be a container reference, got {ref!r}")
        props = source.get("properties")
        if not isinstance(props, dict) or not props:
            raise CDFError(400, "A record source needs at least one property")
        out.setdefault(ref["space"], {}).setdefault(ref["externalId"], {}).update(copy.deepcopy(props))
    return out


def _getter(path: Sequence[str]) -> Callable[[Item], Any]:
    if len(path) == 1:
        if path[0] not in _TOP_LEVEL:
            raise CDFError(400, f"Unknown top-level record property {path[0]!r}")
        return lambda item: item.get(path[0])
    if len(path) != 3:
        raise CDFError(400, f"A record property is [space, container, property] or a top-level property, got {path!r}")
    return lambda item: get_property(item["properties"], path)


class RecordHooks(Hooks):
    """Record filters: ``[space, container, property]`` paths, ``hasData`` on containers and ``matchAll``."""

    def store_property_getter(self, store: ResourceStore, path: Sequence[str]) -> Callable[[Item], Any] | None:
        """Read a record property or a top-level field."""
        return _getter(path)

    def compile_leaf(self, store: ResourceStore, kind: str, arg: Any) -> Predicate | None:
        """``matchAll`` and ``hasData``; the others are generic."""
        if kind == "matchAll":
            return lambda item: True
        if kind == "hasData":
            if not isinstance(arg, list) or not arg:
                raise CDFError(400, "'hasData' needs a list of containers")
            refs = [(r.get("space"), r.get("externalId")) for r in arg]
            return lambda item: all(c in (item["properties"].get(s) or {}) for s, c in refs)
        return None


def _typing_of(records: list[Item]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for rec in records:
        for space, containers in rec["properties"].items():
            for container, props in containers.items():
                slot = out.setdefault(space, {}).setdefault(container, {})
                for name, value in props.items():
                    slot.setdefault(name, {"type": _value_type(value)})
    return out


def _value_type(value: Any) -> dict[str, Any]:
    is_list = isinstance(value, list)
    sample = value[0] if is_list and value else value
    if isinstance(sample, bool):
        kind = "boolean"
    elif isinstance(sample, int):
        kind = "int64"
    elif isinstance(sample, float):
        kind = "float64"
    elif isinstance(sample, dict):
        kind = "json"
    else:
        kind = "text"
    return {"type": kind, "list": is_list}


class StreamsStore(ResourceStore):
    """The streams of one project and their records.

    Args:
        family: The streams family entry.
        project: The owning project.
    """

    def __init__(self, family: Family, project: Project) -> None:
        super().__init__(family, project)
        self.streams: dict[str, _Stream] = {}
        self.seq = 0

    # ----------------------------------------------------------------- streams
    def _stream(self, path: Query) -> _Stream:
        stream = self.streams.get(path.get("streamId", ""))
        if stream is None:
            raise CDFError(404, f"Stream {path.get('streamId')!r} does not exist")
        return stream

    def _read_stream(self, stream: _Stream, statistics: bool) -> Item:
        out = copy.deepcopy(stream.item)
        if statistics:
            limits = out["settings"]["limits"]
            limits["maxRecordsTotal"]["consumed"] = float(len(stream.records))
            limits["maxGigaBytesTotal"]["consumed"] = 0.0
        return out

    def create_streams(self, path: Query, query: Query, body: Any) -> tuple[int, Any]:
        """``POST /streams``: create one stream from a template (409 when the id is taken)."""
        (item,) = _items(body, 1)
        xid = item.get("externalId") if isinstance(item, dict) else None
        if not isinstance(xid, str) or not _STREAM_ID.match(xid):
            raise CDFError(400, f"Invalid stream externalId {xid!r}")
        template = ((item.get("settings") or {}).get("template") or {}).get("name")
        if template not in _TEMPLATES:
            raise CDFError(400, f"Unknown stream template {template!r}; known: {sorted(_TEMPLATES)}")
        if xid in self.streams:
            raise CDFError(409, f"Stream {xid!r} already exists", duplicated=[{"externalId": xid}])
        kind = _TEMPLATES[template]
        lifecycle = {"retainedAfterSoftDelete": "P1D"}
        if kind == "Immutable":
            lifecycle["dataDeletedAfter"] = "P7D"
        stream = _Stream({
            "externalId": xid, "createdTime": self.project.clock(), "createdFromTemplate": template, "type": kind,
            "settings": {"lifecycle": lifecycle, "limits": {"maxRecordsTotal": {"provisioned": float(_MAX_RECORDS)},
                                                            "maxGigaBytesTotal": {"provisioned": 10.0}}},
        })  # fmt: skip
        self.streams[xid] = stream
        return 201, {"items": [self._read_stream(stream, False)]}

    def list_streams(self, path: Query, query: Query, body: Any) -> tuple[int, Any]:
        """``GET /streams``: every stream."""
        return 200, {"items": [self._read_stream(s, False) for s in self.streams.values()]}

    def retrieve_stream(self, path: Query, query: Query, body: Any) -> tuple[int, Any]:
        """``GET /streams/{streamId}[?includeStatistics=true]``."""
        flag = query.get("includeStatistics", "false")
        if flag not in ("true", "false"):
            raise CDFError(400, f"includeStatistics must be true or false, got {flag!r}")
        return 200, self._read_stream(self._stream(path), flag == "true")

    def delete_stream_deprecated(self, path: Query, query: Query, body: Any) -> tuple[int, Any]:
        """``DELETE /streams/{streamId}``: gone (410); streams are deleted with ``POST /streams/delete``."""
        raise CDFError(410, "This endpoint is deprecated and no longer supported. Please use POST /streams/delete")

    def delete_streams(self, path: Query, query: Query, body: Any) -> tuple[int, Any]:
        """``POST /streams/delete``: delete one stream and its records."""
        (item,) = _items(body, 1)
        xid = item.get("externalId") if isinstance(item, dict) else None
        self._stream({"streamId": xid if isinstance(xid, str) else ""})
        del self.streams[str(xid)]
        return 200, {}

    # ----------------------------------------------------------------- writes
    def _log(self, stream: _Stream, key: Key, status: str, record: Item) -> None:
        self.seq += 1
        stream.log.append((self.seq, key, status, record))

    def _write(self, path: Query, body: Any, *, upsert: bool) -> tuple[int, Any]:
        stream = self._stream(path)
        entries = _items(body, 1000)
        if upsert and not stream.mutable:
            raise CDFError(422, f"Records of the immutable stream {stream.item['externalId']!r} cannot be upserted")
        keys = [_record_key(e) for e in entries]
        seen: set[Key] = set()
        repeated = [k for k in keys if k in seen or seen.add(k)]  # type: ignore[func-returns-value]
        if repeated:
            raise CDFError(422, "Records repeated in the request", duplicated=[{"externalId": k[1]} for k in repeated])
        props = [_properties(e) for e in entries]
        now = self.project.clock()
        conflicts = []
        for key, values in zip(keys, props, strict=True):
            old = stream.records.get(key)
            if old is not None and not upsert:
                conflicts.append(key)
                continue
            record = {"space": key[0], "externalId": key[1], "createdTime": now if old is None else old["createdTime"],
                      "lastUpdatedTime": now, "properties": values}  # fmt: skip
            stream.records[key] = record
            self._log(stream, key, "created" if old is None else "updated", record)
        if conflicts:
            partial = [{"space": k[0], "externalId": k[1], "code": 409 if k in conflicts else 202} for k in keys]
            raise CDFError(409, "Some records already exist", extra={"partial": partial})
        return 202, {}

    def ingest(self, path: Query, query: Query, body: Any) -> tuple[int, Any]:
        """``POST /streams/{streamId}/records``: create records (a record that exists is a 409 conflict)."""
        return self._write(path, body, upsert=False)

    def upsert(self, path: Query, query: Query, body: Any) -> tuple[int, Any]:
        """``POST /streams/{streamId}/records/upsert``: create or replace records (mutable streams)."""
        return self._write(path, body, upsert=True)

    def delete_records(self, path: Query, query: Query, body: Any) -> tuple[int, Any]:
        """``POST /streams/{streamId}/records/delete``: delete records (mutable streams; unknown ones ignored)."""
        stream = self._stream(path)
        if not stream.mutable:
            raise CDFError(422, f"Records of the immutable stream {stream.item['externalId']!r} cannot be deleted")
        now = self.project.clock()
        for key in [_record_key(e) for e in _items(body, 1000)]:
            gone = stream.records.pop(key, None)
            if gone is not None:
                tomb = {"space": key[0], "externalId": key[1], "createdTime": gone["createdTime"],
                        "lastUpdatedTime": now}  # fmt: skip
                self._log(stream, key, "deleted", tomb)
        return 200, {}

    # ----------------------------------------------------------------- reads
    def _time_filter(self, stream: _Stream, body: Mapping[str, Any]) -> Predicate:
        spec = body.get("lastUpdatedTime")
        if spec is None:
            if not stream.mutable:
                raise CDFError(400, "lastUpdatedTime with a lower bound is required for immutable streams")
            return lambda item: True
        bounds = {op: self._time(v) for op, v in spec.items() if op in ("gt", "gte", "lt", "lte")}
        if not stream.mutable and not ("gt" in bounds or "gte" in bounds):
            raise CDFError(400, "lastUpdatedTime needs a lower bound (gt or gte) for immutable streams")

        def pred(item: Item) -> bool:
            t = item["lastUpdatedTime"]
            return all({"gt": t > b, "gte": t >= b, "lt": t < b, "lte": t <= b}[op] for op, b in bounds.items())

        return pred

    def _time(self, value: Any) -> int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, str):
            if value == "now":
                return self.project.clock()
            match = re.fullmatch(r"(\d+)([smhdw])-(ago|ahead)", value)
            if match:
                delta = int(match.group(1)) * _UNITS[match.group(2)]
                return self.project.clock() + (delta if match.group(3) == "ahead" else -delta)
            from datetime import datetime

            try:
                return int(datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp() * 1000)
            except ValueError:
                pass
        raise CDFError(400, f"Invalid time {value!r}")

    def _matching(self, stream: _Stream, body: Mapping[str, Any]) -> list[Item]:
        when = self._time_filter(stream, body)
        flt = body.get("filter")
        pred = compile_advanced(flt, self) if flt is not None else (lambda item: True)
        return [r for r in stream.records.values() if when(r) and pred(r)]

    @staticmethod
    def _select(record: Item, sources: Any) -> Item:
        if sources is None:
            return copy.deepcopy(record)
        props: dict[str, dict[str, dict[str, Any]]] = {}
        for selector in sources:
            ref, names = selector["source"], selector["properties"]
            values = (record["properties"].get(ref["space"]) or {}).get(ref["externalId"])
            if values is None:
                continue
            kept = dict(values) if "*" in names else {k: v for k, v in values.items() if k in names}
            props.setdefault(ref["space"], {})[ref["externalId"]] = copy.deepcopy(kept)
        return {**record, "properties": props}

    def filter_records(self, path: Query, query: Query, body: Any) -> tuple[int, Any]:
        """``POST /streams/{streamId}/records/filter``: one page of matching records."""
        stream = self._stream(path)
        body = body or {}
        limit = body.get("limit", 10)
        if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= 1000:
            raise CDFError(400, f"limit must be an integer from 1 to 1000, got {limit!r}")
        found = self._matching(stream, body)
        found.sort(key=lambda r: r["lastUpdatedTime"])
        for spec in reversed(body.get("sort") or []):
            getter = _getter(spec["property"])
            present = [r for r in found if getter(r) is not None]
            absent = [r for r in found if getter(r) is None]
            present.sort(key=getter, reverse=spec.get("direction", "ascending") == "descending")
            found = present + absent
        page = [self._select(r, body.get("sources")) for r in found[:limit]]
        out: dict[str, Any] = {"items": page}
        if body.get("includeTyping"):
            out["typing"] = _typing_of(page)
        return 200, out

    def aggregate_records(self, path: Query, query: Query, body: Any) -> tuple[int, Any]:
        """``POST /streams/{streamId}/records/aggregate``: count, sum, avg, min, max and uniqueValues."""
        stream = self._stream(path)
        found = self._matching(stream, body or {})
        specs = (body or {}).get("aggregates")
        if not isinstance(specs, dict) or not 1 <= len(specs) <= 5:
            raise CDFError(400, "aggregates must be an object of 1 to 5 aggregates")
        out: dict[str, Any] = {"aggregates": _aggregates(specs, found)}
        if body.get("includeTyping"):
            out["typing"] = _typing_of(found)
        return 200, out

    def sync_records(self, path: Query, query: Query, body: Any) -> tuple[int, Any]:
        """``POST /streams/{streamId}/records/sync``: the changes after a cursor (or since ``initializeCursor``)."""
        stream = self._stream(path)
        body = body or {}
        limit = body.get("limit", 10)
        if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= 1000:
            raise CDFError(400, f"limit must be an integer from 1 to 1000, got {limit!r}")
        if body.get("cursor") is not None:
            after, since = _decode_cursor(body["cursor"], "records"), None
        elif body.get("initializeCursor") is not None:
            after, since = 0, self._time(body["initializeCursor"])
        else:
            raise CDFError(400, "A sync needs a cursor or an initializeCursor")
        flt = body.get("filter")
        pred = compile_advanced(flt, self) if flt is not None else (lambda item: True)
        latest: dict[Key, tuple[int, str, Item]] = {}
        for seq, key, status, record in stream.log:
            if seq > after and (since is None or record["lastUpdatedTime"] >= since):
                latest[key] = (seq, status, record)
        changes = sorted(((seq, key, status, rec) for key, (seq, status, rec) in latest.items()
                          if status == "deleted" or pred(rec)), key=lambda c: c[0])  # fmt: skip
        page = changes[:limit]
        items = []
        for _, _, status, record in page:
            item = {**(self._select(record, body.get("sources")) if status != "deleted" else record), "status": status}
            items.append(item)
        last = page[-1][0] if page else max(after, self.seq)
        out: dict[str, Any] = {"items": items, "nextCursor": _encode_cursor("records", last),
                               "hasNext": len(changes) > limit}  # fmt: skip
        if body.get("includeTyping"):
            out["typing"] = _typing_of([i for i in items if "properties" in i])
        return 200, out


def _aggregates(specs: Mapping[str, Any], records: list[Item]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, spec in specs.items():
        if not isinstance(spec, dict) or len(spec) != 1:
            raise CDFError(400, f"Aggregate {name!r} must name exactly one aggregate")
        ((kind, arg),) = spec.items()
        values = (
            [] if not arg.get("property") else [v for r in records if (v := _getter(arg["property"])(r)) is not None]
        )
        numbers = [v for v in values if isinstance(v, int | float) and not isinstance(v, bool)]
        if kind == "count":
            out[name] = {"count": len(values) if arg.get("property") else len(records)}
        elif kind in ("sum", "avg", "min", "max"):
            result = {"sum": sum(numbers), "avg": sum(numbers) / len(numbers) if numbers else None,
                      "min": min(numbers, default=None), "max": max(numbers, default=None)}[kind]  # fmt: skip
            out[name] = {kind: float(result) if result is not None else 0.0}
        elif kind == "uniqueValues":
            getter = _getter(arg["property"])
            groups: dict[Any, list[Item]] = {}
            for r in records:
                v = getter(r)
                if v is not None and not isinstance(v, list | dict):
                    groups.setdefault(v, []).append(r)
            ordered = sorted(groups.items(), key=lambda g: -len(g[1]))[: arg.get("size", 10)]
            buckets = []
            for value, members in ordered:
                bucket: dict[str, Any] = {"count": len(members), "value": value}
                if arg.get("aggregates"):
                    bucket["aggregates"] = _aggregates(arg["aggregates"], members)
                buckets.append(bucket)
            out[name] = {"uniqueValueBuckets": buckets}
        else:
            raise CDFError(400, f"The emulator does not support the {kind!r} records aggregate")
    return out


_RECORDS = "/{streamId}/records"

STREAMS = Family(
    name="streams",
    path="/streams",
    write_fields={},
    verbs=frozenset(),
    limits={"create": 1, "delete": 1, "records": 1000},
    routes={
        ("POST", ""): "create_streams",
        ("GET", ""): "list_streams",
        ("POST", "/delete"): "delete_streams",
        ("GET", "/{streamId}"): "retrieve_stream",
        ("DELETE", "/{streamId}"): "delete_stream_deprecated",
        ("POST", _RECORDS): "ingest",
        ("POST", _RECORDS + "/upsert"): "upsert",
        ("POST", _RECORDS + "/delete"): "delete_records",
        ("POST", _RECORDS + "/filter"): "filter_records",
        ("POST", _RECORDS + "/aggregate"): "aggregate_records",
        ("POST", _RECORDS + "/sync"): "sync_records",
    },
    store_cls=StreamsStore,
    hooks=RecordHooks(),
)

STREAMS_FAMILIES: tuple[Family, ...] = (STREAMS,)
